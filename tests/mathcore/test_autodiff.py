"""mathcore.autodiff against closed forms, SymPy and finite differences."""

import math

import numpy as np
import pytest
import sympy
from hypothesis import given, settings, strategies as st
from scipy.optimize import approx_fprime

from mathcore.autodiff import Value, mlp_backprop
from predicates import seeds

SETTINGS = settings(max_examples=80, deadline=None)

reals = st.floats(-3.0, 3.0, allow_nan=False)
positives = st.floats(0.1, 5.0)


@settings(max_examples=30, deadline=None)
@given(reals, reals)
def test_value_matches_sympy_derivatives(a, b):
    x, y = sympy.symbols("x y")
    expressions = [
        (lambda p, q: p * q + p ** 3 - q / 2.0, x * y + x ** 3 - y / 2),
        (lambda p, q: (p * 0.5).tanh() * (q * q + 1.0).log(), sympy.tanh(x / 2) * sympy.log(y ** 2 + 1)),
        (lambda p, q: (p - q).exp() / (1.0 + q * q) + 2.0 - p, sympy.exp(x - y) / (1 + y ** 2) + 2 - x),
        (lambda p, q: (p * q).sigmoid() + (p + q).relu() * 3.0, 1 / (1 + sympy.exp(-x * y)) + 3 * sympy.Max(0, x + y)),
    ]
    for build, expr in expressions:
        p, q = Value(a), Value(b)
        out = build(p, q)
        out.backward()
        at = {x: a, y: b}
        assert out.data == pytest.approx(float(expr.subs(at)), rel=1e-12, abs=1e-12)
        if a + b != 0:  # relu's kink
            assert p.grad == pytest.approx(float(sympy.diff(expr, x).subs(at)), rel=1e-10, abs=1e-10)
            assert q.grad == pytest.approx(float(sympy.diff(expr, y).subs(at)), rel=1e-10, abs=1e-10)


@SETTINGS
@given(positives, reals)
def test_reverse_operators_and_powers(a, b):
    x = Value(a)
    out = 2.0 - x + 3.0 / x + 4.0 * x ** 0.5 + b
    out.backward()
    assert out.data == pytest.approx(2 - a + 3 / a + 4 * math.sqrt(a) + b, rel=1e-12)
    assert x.grad == pytest.approx(-1 - 3 / a ** 2 + 2 / math.sqrt(a), rel=1e-10, abs=1e-12)


def test_shared_node_accumulates_and_backward_is_repeatable():
    x = Value(2.0, label="x")
    y = x * x * x  # x used three times
    y.backward()
    y.backward()  # a second call must not double the gradients
    assert x.grad == 12.0
    assert y._op == "*" and len(y._prev) == 2


def test_graph_records_ops_for_drawing():
    a, b = Value(1.0, "a"), Value(2.0, "b")
    out = (a * b).tanh()
    order = out.topological_order()
    assert [n._op for n in order] == ["", "", "*", "tanh"] and order[-1] is out
    assert {n.label for n in order[:2]} == {"a", "b"}


def test_deep_chain_does_not_hit_the_recursion_limit():
    x = Value(0.5)
    y = x
    for _ in range(5000):
        y = y * 1.0
    y.backward()
    assert x.grad == 1.0


@pytest.mark.parametrize("call, match", [
    (lambda: Value(float("nan")), r"data must be a finite real number, got nan"),
    (lambda: Value("3"), r"data must be a finite real number, got '3'"),
    (lambda: Value(2.0) ** Value(2.0), r"exponent must be an int or float constant"),
    (lambda: Value(-1.0).log(), r"log needs a positive value, got -1.0"),
])
def test_value_refuses_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()


# --------------------------------------------------------------------------- tiny MLP

@st.composite
def tiny_networks(draw):
    rng = np.random.default_rng(draw(seeds))
    B, n, h, m = (draw(st.integers(1, 4)) for _ in range(4))
    return (rng.normal(size=(B, n)), rng.normal(size=(B, m)), rng.normal(size=(n, h)),
            rng.normal(size=h), rng.normal(size=(h, m)), rng.normal(size=m))


def value_network_loss(X, Y, W1, b1, W2, b2):
    """The same network built from scalar Values: (loss, parameter Values by name)."""
    params = {name: np.vectorize(Value, otypes=[object])(P) for name, P in
              (("W1", W1), ("b1", b1), ("W2", W2), ("b2", b2))}
    B = X.shape[0]
    loss = Value(0.0)
    for x, y in zip(X, Y):
        hidden = [(sum(x[i] * params["W1"][i, j] for i in range(len(x))) + params["b1"][j]).tanh()
                  for j in range(len(b1))]
        for k in range(len(b2)):
            y_hat = sum(hidden[j] * params["W2"][j, k] for j in range(len(hidden))) + params["b2"][k]
            loss = loss + (y_hat - y[k]) ** 2
    return loss / (2.0 * B), params


@SETTINGS
@given(tiny_networks())
def test_mlp_backprop_matches_value_graph(net):
    result = mlp_backprop(*net)
    loss, params = value_network_loss(*net)
    loss.backward()
    assert result.loss == pytest.approx(loss.data, rel=1e-12)
    for name in params:
        grads = np.vectorize(lambda v: v.grad)(params[name])
        np.testing.assert_allclose(getattr(result, "d" + name), grads, rtol=1e-10, atol=1e-12)


@SETTINGS
@given(tiny_networks())
def test_mlp_backprop_matches_finite_differences(net):
    X, Y, W1, b1, W2, b2 = net
    result = mlp_backprop(*net)
    shapes = [W1.shape, b1.shape, W2.shape, b2.shape]
    sizes = np.cumsum([0] + [int(np.prod(s)) for s in shapes])

    def loss(theta):
        parts = [theta[sizes[i]:sizes[i + 1]].reshape(shapes[i]) for i in range(4)]
        Y_hat = np.tanh(X @ parts[0] + parts[1]) @ parts[2] + parts[3]
        return np.sum((Y_hat - Y) ** 2) / (2 * X.shape[0])

    theta = np.concatenate([P.ravel() for P in (W1, b1, W2, b2)])
    numeric = approx_fprime(theta, loss, 1e-7)
    ours = np.concatenate([g.ravel() for g in (result.dW1, result.db1, result.dW2, result.db2)])
    np.testing.assert_allclose(ours, numeric, rtol=1e-4, atol=1e-5)


def test_mlp_backprop_refuses_mismatched_shapes():
    with pytest.raises(ValueError, match=r"b1 must have shape \(3,\) for X \(2, 4\), W1 \(4, 3\), W2 \(3, 1\), got shape \(2,\)"):
        mlp_backprop(np.ones((2, 4)), np.ones((2, 1)), np.ones((4, 3)), np.ones(2), np.ones((3, 1)), np.ones(1))
