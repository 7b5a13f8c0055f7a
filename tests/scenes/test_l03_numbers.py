"""The numbers lesson 03 shows on screen, checked against derivatives taken by hand.

The scene module computes everything once at import (from mathcore, with
fixed inputs and a fixed seed); these tests import it by path and compare its
module-level constants with independent oracles: the analytic Jacobian and
Hessian of the functions it draws, numpy.linalg.eigh, and the backward pass of
the neuron and of the network written out by hand in NumPy. Tolerances are
those of central differences (about 1e-7 for first, 1e-5 for second
derivatives). The exercises of the Try-it card are checked the same way.
"""

from __future__ import annotations


import numpy as np
import pytest
import sympy

from mathreel.exercise import latex_pmatrix
from exercise_checks import arrays, assert_shows
from scene_modules import exercises_for, load_scene_module

FIRST_TOL = 1e-6  # central differences, first derivatives
SECOND_TOL = 1e-5  # central differences, second derivatives
EXACT_TOL = 1e-12  # autodiff and matrix formulas: exact to round-off



@pytest.fixture(scope="module")
def l03():
    return load_scene_module("l03_matrix_calculus")


# --------------------------------------------------------------------------- Jacobian

def test_jacobian_at_p_matches_the_analytic_one(l03):
    x, y = l03.P_WARP
    analytic = np.array([[1.0, np.cos(y)], [np.cos(x), 1.0]])  # d(x + sin y, y + sin x)
    np.testing.assert_allclose(l03.JACOBIAN, analytic, atol=FIRST_TOL)


def test_symbolic_jacobian_is_the_hand_derivative(l03):
    x, y = l03.X_SYM, l03.Y_SYM
    by_hand = sympy.Matrix([[1, sympy.cos(y)], [sympy.cos(x), 1]])
    assert sympy.simplify(l03.WARP_JACOBIAN_SYM - by_hand) == sympy.zeros(2, 2)


def test_p_lands_where_f_sends_it(l03):
    x, y = l03.P_WARP
    np.testing.assert_allclose(l03.F_P_WARP, [x + np.sin(y), y + np.sin(x)], atol=EXACT_TOL)


def test_linearisation_is_close_near_p_and_drifts_at_the_patch_edge(l03):
    """What the yellow grid shows: error O(|d|^2), visibly small in the middle."""
    def error(d):
        d = np.asarray(d, dtype=float)
        return np.linalg.norm(l03.warp(l03.P_WARP + d) - l03.F_P_WARP - l03.JACOBIAN @ d)

    assert error([0.1, 0.1]) < 0.01
    assert error([l03.SMALL_GRID_HALF] * 2) > 10 * error([0.1, 0.1])


# --------------------------------------------------------------------------- Hessian

def well_hessian(x: float, y: float) -> np.ndarray:
    """Hessian of (x^2 - 1)^2 + 2 (y - x/2)^2, by hand."""
    return np.array([[12 * x ** 2 - 3, -2.0], [-2.0, 4.0]])


def test_critical_points_are_flat(l03):
    for kind, p in l03.CRITICAL_POINTS.items():
        x, y = p
        by_hand = [4 * x * (x ** 2 - 1) - 2 * (y - x / 2), 4 * (y - x / 2)]
        np.testing.assert_allclose(by_hand, 0, atol=EXACT_TOL)
        np.testing.assert_allclose(l03.CRITICAL_GRADIENTS[kind], 0, atol=FIRST_TOL)


def test_hessians_match_the_hand_derivative(l03):
    for kind, p in l03.CRITICAL_POINTS.items():
        np.testing.assert_allclose(l03.HESSIANS[kind], well_hessian(*p), atol=SECOND_TOL)


def test_symbolic_hessian_is_the_hand_derivative(l03):
    x = l03.X_SYM
    by_hand = sympy.Matrix([[12 * x ** 2 - 3, -2], [-2, 4]])
    assert sympy.simplify(l03.WELL_HESSIAN_SYM - by_hand) == sympy.zeros(2, 2)


def test_eigenvalues_and_verdicts(l03):
    for kind, p in l03.CRITICAL_POINTS.items():
        values, vectors = l03.HESSIAN_EIGEN[kind]
        expected = np.linalg.eigvalsh(well_hessian(*p))[::-1]  # descending
        np.testing.assert_allclose(values, expected, atol=SECOND_TOL)
        H = well_hessian(*p)
        for j in range(2):
            np.testing.assert_allclose(H @ vectors[:, j], values[j] * vectors[:, j], atol=1e-4)
    assert np.all(l03.HESSIAN_EIGEN["valley"][0] > 0)  # a bowl
    saddle = l03.HESSIAN_EIGEN["saddle"][0]
    assert saddle[0] > 0 > saddle[1]  # mixed signs


def test_slices_curve_the_way_the_eigenvalues_say(l03):
    """The plotted f(p + t q) - f(p) is about lambda t^2 / 2 for small t."""
    t = l03.SLICE_T
    small = np.abs(t) < 0.11
    for kind in l03.CRITICAL_POINTS:
        values, _ = l03.HESSIAN_EIGEN[kind]
        for j in range(2):
            np.testing.assert_allclose(l03.SLICES[kind][j][small], 0.5 * values[j] * t[small] ** 2,
                                       atol=0.01)


# --------------------------------------------------------------------------- neuron

def test_neuron_forward_and_backward_by_hand(l03):
    v = l03.NEURON_INPUTS
    n = v["x1"] * v["w1"] + v["x2"] * v["w2"] + v["b"]
    o = np.tanh(n)
    dn = 1 - o ** 2
    assert l03.NEURON_DATA["n"] == pytest.approx(n, abs=EXACT_TOL)
    assert l03.NEURON_DATA["o"] == pytest.approx(o, abs=EXACT_TOL)
    expected = {"o": 1.0, "n": dn, "s": dn, "b": dn, "x1w1": dn, "x2w2": dn,
                "x1": v["w1"] * dn, "w1": v["x1"] * dn, "x2": v["w2"] * dn, "w2": v["x2"] * dn}
    for name, grad in expected.items():
        assert l03.NEURON_GRAD[name] == pytest.approx(grad, abs=EXACT_TOL), name
    assert l03.TANH_LOCAL == pytest.approx(dn, abs=EXACT_TOL)


def test_graph_order_puts_inputs_first(l03):
    order = l03.NEURON_ORDER
    assert set(order) == set(l03.NODE_POSITIONS)
    assert order[-1] == "o"
    for name in order:
        for child in l03.NEURON[name]._prev:
            assert order.index(child.label) < order.index(name)


# --------------------------------------------------------------------------- network

def network_by_hand(l03):
    x, y = l03.NET_X[0], l03.NET_Y[0]
    z = x @ l03.NET_W1 + l03.NET_B1
    h = np.tanh(z)
    y_hat = h @ l03.NET_W2 + l03.NET_B2
    r = y_hat - y  # dL/dy_hat for L = r^2 / 2
    delta1 = (r @ l03.NET_W2.T) * (1 - h ** 2)  # (3,)
    return {"z": z, "h": h, "y_hat": y_hat, "r": r, "delta1": delta1,
            "dx": delta1 @ l03.NET_W1.T, "dW1": np.outer(x, delta1), "dW2": np.outer(h, r)}


def test_each_jacobian_is_the_hand_one(l03):
    ref = network_by_hand(l03)
    np.testing.assert_allclose(l03.J_LOSS, ref["r"][None, :], atol=FIRST_TOL)
    np.testing.assert_allclose(l03.J_LAYER2, l03.NET_W2.T, atol=FIRST_TOL)
    np.testing.assert_allclose(l03.J_TANH, np.diag(1 - ref["h"] ** 2), atol=FIRST_TOL)
    np.testing.assert_allclose(l03.J_LAYER1, l03.NET_W1.T, atol=FIRST_TOL)


def test_product_of_jacobians_is_the_input_gradient(l03):
    ref = network_by_hand(l03)
    np.testing.assert_allclose(l03.CHAIN_PRODUCT[0], ref["dx"], atol=FIRST_TOL)
    np.testing.assert_allclose(l03.FD_INPUT_GRADIENT, ref["dx"], atol=FIRST_TOL)
    assert abs(ref["dx"]).max() > 1e-3  # a gradient worth showing


def test_weight_gradients_match_the_hand_backward_pass(l03):
    ref = network_by_hand(l03)
    np.testing.assert_allclose(l03.NET.Z1[0], ref["z"], atol=EXACT_TOL)
    np.testing.assert_allclose(l03.NET.dW1, ref["dW1"], atol=EXACT_TOL)
    np.testing.assert_allclose(l03.NET.dW2, ref["dW2"], atol=EXACT_TOL)
    np.testing.assert_allclose(l03.NET_DELTA1, ref["delta1"], atol=EXACT_TOL)
    np.testing.assert_allclose(l03.NET_DELTA2[0], ref["r"], atol=EXACT_TOL)
    np.testing.assert_allclose(l03.FD_W1_GRADIENT, ref["dW1"], atol=FIRST_TOL)


# --------------------------------------------------------------------------- exercises

@pytest.fixture(scope="module")
def exercises():
    return exercises_for(3)


def test_three_exercises_with_code(exercises):
    assert len(exercises) == 3
    assert exercises[0].code.startswith("mathcore.calculus.jacobian(")
    assert exercises[1].code.startswith("mathcore.calculus.hessian(")
    assert "backward()" in exercises[2].code


def test_jacobian_exercise(exercises):
    inputs = exercises[0].inputs
    a, b = inputs["a"], inputs["b"]
    x, y = inputs["point"]
    by_hand = np.array([[a * y, a * x], [1.0, 2 * b * y]])
    (J,) = arrays(exercises[0].answers, "jacobian")
    np.testing.assert_allclose(J, by_hand, atol=FIRST_TOL)
    assert latex_pmatrix(J) in exercises[0].answer


def test_hessian_exercise(exercises):
    inputs, answers = exercises[1].inputs, exercises[1].answers
    H = np.array([[2 * inputs["a"], inputs["c"]], [inputs["c"], 2 * inputs["d"]]], dtype=float)
    np.testing.assert_allclose(answers["hessian"], H, atol=SECOND_TOL)
    np.testing.assert_allclose(answers["eigenvalues"], np.linalg.eigvalsh(H)[::-1], atol=SECOND_TOL)
    is_minimum = bool(np.linalg.eigvalsh(H).min() > 0)
    assert answers["minimum"] == is_minimum
    assert latex_pmatrix(answers["hessian"]) in exercises[1].answer
    assert_shows(exercises[1].answer, answers["eigenvalues"])
    assert exercises[1].answer.endswith("a minimum" if is_minimum else "a saddle")


def test_neuron_exercise(exercises):
    x, w, b = (exercises[2].inputs[name] for name in ("x", "w", "b"))
    o = np.tanh(w * x + b)
    answers = exercises[2].answers
    assert answers["o"] == pytest.approx(o, abs=EXACT_TOL)
    assert answers["do_dw"] == pytest.approx(x * (1 - o ** 2), abs=EXACT_TOL)
    assert_shows(exercises[2].answer, [answers["o"], answers["do_dw"]], 3)
