"""The numbers lesson 14 shows on screen, checked against closed forms and NumPy.

The scene module computes everything once at import (from mathcore.convex,
with a fixed seed); these tests import it by path and compare its module-level
constants with independent oracles (closed-form Jensen gaps and proximal maps,
the KKT system solved with numpy.linalg, a brute-force lasso check), with
explicit tolerances. The exercises of the Try-it card are checked the same way.
"""

from __future__ import annotations


import numpy as np
import pytest
from scipy.optimize import linprog

from mathreel.exercise import format_tuple
from exercise_checks import arrays, assert_shows
from scene_modules import exercises_for, load_scene_module

TOL = 1e-10



@pytest.fixture(scope="module")
def l14():
    return load_scene_module("l14_convexity_and_duality")


# --------------------------------------------------------------------------- Jensen gaps

def test_bowl_gap_is_closed_form(l14):
    # for x^2 / 2: t f(a) + (1-t) f(b) - f(ta + (1-t)b) = t (1-t) (a - b)^2 / 2
    a, b = l14.BOWL_ENDS
    t = l14.CHORD_T
    np.testing.assert_allclose(l14.BOWL_GAPS, t * (1 - t) * (a - b) ** 2 / 2, atol=TOL)
    assert l14.BOWL_GAPS.min() >= -TOL


def test_double_well_gap_goes_negative(l14):
    a, b = l14.WELL_ENDS
    g = lambda x: x**4 / 8 - x**2  # noqa: E731
    t = l14.CHORD_T
    oracle = t * g(a) + (1 - t) * g(b) - g(t * a + (1 - t) * b)
    np.testing.assert_allclose(l14.WELL_GAPS, oracle, atol=TOL)
    assert l14.WELL_GAPS.min() == pytest.approx(g(a) - g(0.0), abs=TOL)  # at the midpoint
    assert l14.WELL_GAPS.min() < 0


# --------------------------------------------------------------------------- Lagrange duality

def test_primal_solution_solves_kkt(l14):
    Q, c, A, b = l14.QP_Q, l14.QP_C, l14.QP_A, l14.QP_B
    kkt = np.block([[Q, A.T], [A, np.zeros((1, 1))]])
    solution = np.linalg.solve(kkt, np.concatenate([-c, b]))
    np.testing.assert_allclose(l14.DUAL.x_star, solution[:2], atol=TOL)
    assert l14.NU_STAR == pytest.approx(solution[2], abs=TOL)
    x = solution[:2]
    assert l14.P_STAR == pytest.approx(0.5 * x @ Q @ x + c @ x, abs=TOL)


def test_dual_is_a_lower_bound_and_tight(l14):
    Qinv = np.linalg.inv(l14.QP_Q)
    r = l14.QP_C[:, None] + l14.QP_A.T * l14.NU_GRID  # (2, n)
    oracle = -0.5 * np.einsum("in,ij,jn->n", r, Qinv, r) - l14.QP_B[0] * l14.NU_GRID
    np.testing.assert_allclose(l14.DUAL_VALUES, oracle, atol=TOL)
    assert np.all(l14.DUAL_VALUES <= l14.P_STAR + TOL)  # weak duality
    assert l14.D_STAR == pytest.approx(l14.P_STAR, abs=TOL)  # strong duality
    np.testing.assert_allclose(l14.GAPS, l14.P_STAR - l14.DUAL_VALUES, atol=TOL)
    # the Lagrangian's minimiser lands on x* at nu*
    k = int(np.argmin(np.abs(l14.NU_GRID - l14.NU_STAR)))
    assert abs(l14.NU_GRID[k] - l14.NU_STAR) < 1e-9  # nu* is on the grid the tracker uses
    np.testing.assert_allclose(l14.LAGRANGE_X[k], l14.DUAL.x_star, atol=1e-9)


def test_ball_rolls_to_the_bowls_minimum(l14):
    assert l14.BOWL_MIN_X == pytest.approx(0.0, abs=1e-12)  # argmin of x^2 / 2


def test_gap_near_the_best_price_is_small(l14):
    # g is a concave quadratic: p* - g(nu) = (nu - nu*)^2 / 2 * A Q^-1 A^T
    curvature = float((l14.QP_A @ np.linalg.solve(l14.QP_Q, l14.QP_A.T))[0, 0])
    k = int(np.argmin(np.abs(l14.NU_GRID - l14.NU_NEAR)))  # where the tracker snaps
    expected = 0.5 * curvature * (l14.NU_GRID[k] - l14.NU_STAR) ** 2
    assert l14.GAPS[k] == pytest.approx(expected, abs=TOL)
    assert 0 < l14.GAPS[k] < 0.1 * abs(l14.P_STAR)


# --------------------------------------------------------------------------- proximal maps

def test_soft_threshold_and_l2_prox(l14):
    x, lam = l14.PROX_INPUTS, l14.LAM
    oracle = np.where(np.abs(x) <= lam, 0.0, x - lam * np.sign(x))
    np.testing.assert_allclose(l14.SOFT, oracle, atol=TOL)
    np.testing.assert_allclose(l14.RIDGE, x / (1 + lam), atol=TOL)
    assert np.sum(l14.SOFT == 0) == np.sum(np.abs(x) <= lam) >= 1
    assert np.all(l14.RIDGE != 0)
    # the prox is the argmin: brute force over a fine grid
    z = np.linspace(-4, 4, 80001)
    for xi, si in zip(x, l14.SOFT):
        assert z[np.argmin(0.5 * (z - xi) ** 2 + lam * np.abs(z))] == pytest.approx(si, abs=1e-3)


# --------------------------------------------------------------------------- ISTA

def test_ista_iterates_and_objective(l14):
    A, b, lam = l14.LASSO_A, l14.LASSO_B, l14.LASSO_LAM
    eta = 1.0 / np.linalg.norm(A, 2) ** 2
    x = np.zeros(l14.D)
    for k in range(l14.N_ISTA):
        u = x - eta * A.T @ (A @ x - b)
        x = np.sign(u) * np.maximum(np.abs(u) - eta * lam, 0)
        np.testing.assert_allclose(l14.ISTA.xs[k + 1], x, atol=1e-10)
    objective = 0.5 * np.sum((l14.ISTA.xs @ A.T - b) ** 2, axis=1) + lam * np.abs(l14.ISTA.xs).sum(1)
    np.testing.assert_allclose(l14.ISTA.objectives, objective, atol=1e-10)
    assert np.all(np.diff(l14.ISTA.objectives) <= 1e-12)  # never increases with eta = 1/L


def test_ista_goes_sparse_on_the_true_support(l14):
    np.testing.assert_array_equal(l14.NONZEROS, (l14.ISTA.xs != 0).sum(axis=1))
    support = set(np.flatnonzero(l14.ISTA.x))
    assert support == set(np.flatnonzero(l14.X_TRUE))
    assert l14.NONZEROS.max() > l14.NONZEROS[-1]  # switched on, then off again
    assert np.all(l14.NONZEROS[l14.SPARSE_BY:] == l14.NONZEROS[-1])  # and stays off
    assert np.all(l14.NONZEROS[: l14.SPARSE_BY] != l14.NONZEROS[-1])


# --------------------------------------------------------------------------- exercises

def test_exercises():
    jensen, soft, dual, corner = exercises_for(14)
    x, y = jensen.inputs["x"], jensen.inputs["y"]
    assert jensen.answers["gap"] == pytest.approx((x - y) ** 2 / 4, abs=1e-12)
    assert_shows(jensen.answer, jensen.answers["gap"], 3)

    (v,) = arrays(soft.inputs, "v")
    lam = soft.inputs["lam"]
    expected = np.sign(v) * np.maximum(np.abs(v) - lam, 0)
    np.testing.assert_allclose(soft.answers["shrunk"], expected, atol=1e-12)
    assert format_tuple(soft.answers["shrunk"], 1) in soft.answer

    b, nu = dual.inputs["b"], dual.inputs["nu"]
    # min x1^2 + x2^2 + nu (x1 + x2 - b): x_i = -nu / 2, g(nu) = -nu^2 / 2 - nu b
    bound, optimum = dual.answers["bound"], dual.answers["optimum"]
    assert bound == pytest.approx(-nu**2 / 2 - nu * b, abs=1e-12)
    assert optimum == pytest.approx(b**2 / 2, abs=1e-12)
    assert bound < optimum  # a price other than the best one: a real gap
    assert_shows(dual.answer, [bound, optimum], 3)

    a, b = corner.inputs["a"], corner.inputs["b"]
    mu = np.linalg.solve(np.array([[1.0, 2.0], [2.0, 1.0]]).T, [a, b])  # (a, b) = A^T mu
    np.testing.assert_allclose(corner.answers["mu"], mu, atol=1e-12)
    assert np.all(mu > 0)
    res = linprog([-a, -b], A_ub=[[1, 2], [2, 1]], b_ub=[6, 6], bounds=(0, None), method="highs")
    np.testing.assert_allclose(res.x, [2.0, 2.0], atol=1e-9)  # the corner really is optimal
    np.testing.assert_allclose(-res.ineqlin.marginals, mu, atol=1e-9)
    assert format_tuple(mu, 3) in corner.answer
