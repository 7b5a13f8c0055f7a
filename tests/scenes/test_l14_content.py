"""The numbers lesson 14's KKT, Slater and SVM-dual scenes show, against SciPy and scikit-learn.

The scene module is imported by path; its module-level constants are compared with
independent oracles (scipy.optimize.linprog and minimize, sklearn.svm.SVC, closed forms)
with explicit tolerances.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linprog, minimize
from sklearn.svm import SVC

from scene_modules import load_scene_module


@pytest.fixture(scope="module")
def l14():
    return load_scene_module("l14_convexity_and_duality")


# --------------------------------------------------------------------------- KKT at a corner

def test_corner_and_multipliers_match_linprog(l14):
    res = linprog(l14.LP_C, A_ub=l14.LP_A, b_ub=l14.LP_B, bounds=(None, None), method="highs")
    np.testing.assert_allclose(l14.X_CORNER, res.x, atol=1e-9)
    assert l14.P_LP == pytest.approx(res.fun, abs=1e-9)
    np.testing.assert_allclose(l14.MU, -res.ineqlin.marginals, atol=1e-9)  # (2, 1, 0, 0)
    np.testing.assert_allclose(l14.MU, [2.0, 1.0, 0.0, 0.0], atol=1e-12)


def test_corner_satisfies_kkt_by_hand(l14):
    grad_f = l14.LP_C
    np.testing.assert_allclose(-grad_f, l14.LP_A.T @ l14.MU, atol=1e-12)  # stationarity
    g = l14.LP_A @ l14.X_CORNER - l14.LP_B
    assert np.all(g <= 1e-12) and np.all(l14.MU >= 0)
    np.testing.assert_allclose(l14.MU * g, 0.0, atol=1e-12)
    np.testing.assert_allclose(l14.LP_G, g, atol=1e-12)
    assert max(abs(l14.KKT.stationarity), abs(l14.KKT.primal_feasibility),
               abs(l14.KKT.dual_feasibility), abs(l14.KKT.complementary_slackness)) < 1e-12


def test_feasible_directions_never_descend(l14):
    # every direction between the two edges at the corner: grad f . d >= 0
    d = np.column_stack([np.cos(l14.PROBE_ANGLES), np.sin(l14.PROBE_ANGLES)])
    np.testing.assert_allclose(l14.PROBE_SLOPES, d @ l14.LP_C, atol=1e-12)
    assert l14.PROBE_SLOPES.min() >= 0
    # and each of them keeps both active constraints from growing
    assert np.all(d @ l14.LP_A[:2].T <= 1e-9)


def test_wrong_corner_has_a_negative_multiplier(l14):
    np.testing.assert_allclose(l14.WRONG.x, [3.0, 0.0], atol=1e-12)
    # -grad f = mu_2 grad g_2 + mu_4 grad g_4 solved by NumPy
    mu = np.linalg.solve(l14.LP_A[l14.WRONG_ACTIVE].T, -l14.LP_C)
    np.testing.assert_allclose(l14.WRONG.multipliers, mu, atol=1e-12)
    assert mu[1] < 0
    assert l14.F_WRONG == pytest.approx(-12.0) and l14.F_WRONG > l14.P_LP


# --------------------------------------------------------------------------- Slater on a disk

def test_disk_optimum_matches_slsqp_and_dual_peaks_at_p_star(l14):
    c = l14.BALL_C
    for k in (0, 40, len(l14.BALLS) - 1):
        ball, r = l14.BALLS[k], l14.RADII[k] ** 2
        res = minimize(lambda x: c @ x, np.zeros(2), method="SLSQP", options={"ftol": 1e-12},
                       constraints=[{"type": "ineq", "fun": lambda x: r - x @ x}])
        assert ball.p_star == pytest.approx(res.fun, abs=1e-7)
        curve = l14.BALL_CURVES[k]
        np.testing.assert_allclose(curve, -(c @ c) / (4 * l14.MU_SAMPLES) - l14.MU_SAMPLES * r,
                                   atol=1e-12)
        assert curve.max() <= ball.p_star + 1e-12  # weak duality on screen
        assert ball.mu_star == pytest.approx(np.linalg.norm(c) / (2 * np.sqrt(r)))
    mu_stars = [b.mu_star for b in l14.BALLS]
    assert np.all(np.diff(mu_stars) > 0)  # the multiplier grows as the disk shrinks
    assert mu_stars[-1] <= l14.MU_AXIS[1]  # the last peak drawn is still on the axes


def test_point_disk_bound_never_reached(l14):
    assert l14.POINT.p_star == 0 and l14.POINT.mu_star == np.inf
    np.testing.assert_allclose(l14.POINT_CURVE, -1.0 / (4 * l14.MU_SAMPLES), atol=1e-12)
    assert l14.POINT_CURVE.max() < 0
    assert l14.POINT.dual(l14.MU_AXIS[1]) == pytest.approx(-1 / 24)


# --------------------------------------------------------------------------- the SVM dual

def test_svm_alphas_match_sklearn(l14):
    svc = SVC(kernel="linear", C=1e6, tol=1e-10).fit(l14.SVM_X, l14.SVM_Y)
    assert sorted(svc.support_.tolist()) == l14.SUPPORT
    alpha = np.zeros(len(l14.SVM_Y))
    alpha[svc.support_] = np.abs(svc.dual_coef_[0])
    np.testing.assert_allclose(l14.ALPHA, alpha, atol=1e-5)
    np.testing.assert_allclose(l14.W_FROM_DUAL, svc.coef_[0], atol=1e-5)


def test_svm_dual_value_equals_primal_and_scipy(l14):
    X, y = l14.SVM_X, l14.SVM_Y
    K = X @ X.T
    res = minimize(lambda a: -(a.sum() - 0.5 * (a * y) @ K @ (a * y)), np.full(len(y), 0.1),
                   method="SLSQP", bounds=[(0, None)] * len(y), options={"ftol": 1e-14},
                   constraints=[{"type": "eq", "fun": lambda a: a @ y}])
    assert l14.DUAL_VALUE == pytest.approx(-res.fun, rel=1e-6)
    assert l14.DUAL_VALUE == pytest.approx(l14.PRIMAL_VALUE, abs=1e-12)  # strong duality
    np.testing.assert_allclose(l14.W_FROM_DUAL, l14.SVM.w, atol=1e-12)
    assert abs(l14.ALPHA @ y) < 1e-12
    margins = y * (X @ l14.SVM.w + l14.SVM.b)
    np.testing.assert_allclose(margins[l14.SUPPORT], 1.0, atol=1e-9)


def test_equality_dual_bound_equals_scipy_primal(l14):
    res = minimize(lambda x: 0.5 * x @ l14.QP_Q @ x + l14.QP_C @ x, np.zeros(2), method="SLSQP",
                   constraints={"type": "eq", "fun": lambda x: l14.QP_A @ x - l14.QP_B},
                   options={"ftol": 1e-12})
    assert l14.D_STAR == pytest.approx(res.fun, abs=1e-8)
