"""mathcore.calculus against closed-form derivatives and SymPy."""

import numpy as np
import pytest
import sympy
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from mathcore import calculus

SETTINGS = settings(max_examples=60, deadline=None)

points = st.integers(1, 4).flatmap(
    lambda n: hnp.arrays(np.float64, n, elements=st.floats(-2.0, 2.0, allow_nan=False)))
points2 = hnp.arrays(np.float64, 2, elements=st.floats(-2.0, 2.0, allow_nan=False))


# f(x) = sum_i sin(x_i) x_{i+1} + exp(x_0 / 2) + ||x||^2, with its closed-form derivatives
def f(x):
    return float(np.sum(np.sin(x[:-1]) * x[1:]) + np.exp(x[0] / 2) + x @ x)


def grad_f(x):
    g = 2 * x.copy()
    g[:-1] += np.cos(x[:-1]) * x[1:]
    g[1:] += np.sin(x[:-1])
    g[0] += np.exp(x[0] / 2) / 2
    return g


def hess_f(x):
    n = x.size
    H = 2 * np.eye(n)
    H[np.arange(n - 1), np.arange(n - 1)] -= np.sin(x[:-1]) * x[1:]
    H[np.arange(n - 1), np.arange(1, n)] += np.cos(x[:-1])
    H[np.arange(1, n), np.arange(n - 1)] += np.cos(x[:-1])
    H[0, 0] += np.exp(x[0] / 2) / 4
    return H


@SETTINGS
@given(points)
def test_gradient_matches_closed_form(x):
    np.testing.assert_allclose(calculus.gradient(f, x), grad_f(x), rtol=1e-8, atol=1e-8)


@SETTINGS
@given(points)
def test_hessian_matches_closed_form(x):
    H = calculus.hessian(f, x)
    np.testing.assert_allclose(H, hess_f(x), rtol=1e-5, atol=1e-5)
    np.testing.assert_array_equal(H, H.T)


def polar(v):
    return np.array([v[0] * np.cos(v[1]), v[0] * np.sin(v[1]), v[0] ** 2])


@SETTINGS
@given(points2)
def test_jacobian_matches_closed_form(v):
    r, t = v
    expected = np.array([[np.cos(t), -r * np.sin(t)], [np.sin(t), r * np.cos(t)], [2 * r, 0.0]])
    np.testing.assert_allclose(calculus.jacobian(polar, v), expected, rtol=1e-8, atol=1e-8)


@SETTINGS
@given(points, st.data())
def test_directional_derivative_is_gradient_dot_unit_direction(x, data):
    u = data.draw(hnp.arrays(np.float64, x.size, elements=st.floats(-3, 3, allow_nan=False)).filter(
        lambda u: np.linalg.norm(u) > 1e-2))
    expected = grad_f(x) @ (u / np.linalg.norm(u))
    assert calculus.directional_derivative(f, x, u) == pytest.approx(expected, rel=1e-7, abs=1e-7)


def test_gradient_is_direction_of_steepest_ascent():
    x = np.array([0.3, -0.7])
    g = grad_f(x)
    angles = np.linspace(0, 2 * np.pi, 360, endpoint=False)
    rates = [calculus.directional_derivative(f, x, [np.cos(a), np.sin(a)]) for a in angles]
    best = angles[int(np.argmax(rates))]
    assert max(rates) == pytest.approx(np.linalg.norm(g), rel=1e-4)
    np.testing.assert_allclose([np.cos(best), np.sin(best)], g / np.linalg.norm(g), atol=2e-2)


@SETTINGS
@given(points, st.data())
def test_taylor_approx_matches_closed_form_polynomial(x0, data):
    d = data.draw(hnp.arrays(np.float64, (3, x0.size), elements=st.floats(-0.5, 0.5, allow_nan=False)))
    first = calculus.taylor_approx(f, x0, order=1)
    second = calculus.taylor_approx(f, x0, order=2)
    lin = f(x0) + d @ grad_f(x0)
    quad = lin + 0.5 * np.einsum("ki,ij,kj->k", d, hess_f(x0), d)
    np.testing.assert_allclose(first(x0 + d), lin, rtol=1e-7, atol=1e-7)
    np.testing.assert_allclose(second(x0 + d), quad, rtol=1e-5, atol=1e-5)
    assert second(x0) == pytest.approx(f(x0), rel=1e-15) and first.hessian is None


def test_taylor_error_shrinks_with_the_order():
    x0, d = np.array([0.2, 0.4]), np.array([0.01, -0.02])
    errors = [abs(calculus.taylor_approx(f, x0, order=k)(x0 + d) - f(x0 + d)) for k in (1, 2)]
    assert errors[1] < errors[0] / 10


def test_symbolic_helpers_match_hand_derivatives():
    x, y = sympy.symbols("x y")
    expr = x ** 2 * sympy.sin(y)
    assert sympy.simplify(calculus.symbolic_gradient(expr, [x, y])
                          - sympy.Matrix([2 * x * sympy.sin(y), x ** 2 * sympy.cos(y)])) == sympy.zeros(2, 1)
    assert calculus.symbolic_hessian(expr, [x, y]) == sympy.Matrix(
        [[2 * sympy.sin(y), 2 * x * sympy.cos(y)], [2 * x * sympy.cos(y), -x ** 2 * sympy.sin(y)]])
    assert calculus.symbolic_jacobian([x * y, x + y], [x, y]) == sympy.Matrix([[y, x], [1, 1]])
    assert calculus.to_latex(sympy.Matrix([[y, x]])) == r"\left[\begin{matrix}y & x\end{matrix}\right]"


@SETTINGS
@given(points2)
def test_symbolic_and_numeric_hessians_agree(v):
    x, y = sympy.symbols("x y")
    expr = sympy.exp(x * y / 3) + x ** 3 * y
    H_sym = sympy.lambdify((x, y), calculus.symbolic_hessian(expr, [x, y]), "numpy")(*v)
    H_num = calculus.hessian(lambda w: np.exp(w[0] * w[1] / 3) + w[0] ** 3 * w[1], v)
    np.testing.assert_allclose(H_num, np.asarray(H_sym, dtype=float), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("call, match", [
    (lambda: calculus.gradient(f, [[1.0, 2.0]]), r"x must be a 1-D vector, got shape \(1, 2\)"),
    (lambda: calculus.gradient(lambda v: v, [1.0, 2.0]), r"f must return a finite scalar"),
    (lambda: calculus.gradient(lambda v: np.nan, [1.0]), r"f must return a finite scalar"),
    (lambda: calculus.gradient(f, [1.0, 2.0], h=0.0), r"h must be a positive finite number, got 0.0"),
    (lambda: calculus.jacobian(lambda v: float(v[0]), [1.0]), r"f must return a finite 1-D array, got shape \(\)"),
    (lambda: calculus.directional_derivative(f, [1.0, 2.0], [0.0, 0.0]), r"u must be a non-zero direction"),
    (lambda: calculus.directional_derivative(f, [1.0, 2.0], [1.0]), r"u must have the shape of x \(2,\), got shape \(1,\)"),
    (lambda: calculus.taylor_approx(f, [1.0], order=3), r"order must be 1 or 2, got 3"),
    (lambda: calculus.taylor_approx(f, [1.0, 2.0])(np.ones(3)), r"x must have shape \(2,\) or \(k, 2\), got shape \(3,\)"),
    (lambda: calculus.symbolic_jacobian([1], ["x"]), r"symbols must be a non-empty sequence of sympy Symbols"),
])
def test_calculus_refuses_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()
