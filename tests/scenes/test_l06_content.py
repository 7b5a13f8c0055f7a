"""Lesson 06's new content (issue 12), against independent oracles: convex sets,
the PSD-Hessian test, and the SVM's KKT multipliers (SLSQP and scikit-learn)."""

import numpy as np
import pytest
from scipy.optimize import minimize
from sklearn.svm import SVC

from scene_modules import load_scene_module


@pytest.fixture(scope="module")
def l06():
    return load_scene_module("l06_optimization_fundamentals")


def test_the_segments_shown(l06):
    """The ellipse's segments stay inside; the crescent's leaves it in the middle."""
    a, b = l06.ELLIPSE_AXES
    t = np.linspace(0, 1, 101)[:, None]
    for ends in l06.CONVEX_SEGMENTS:
        points = (1 - t) * ends[0] + t * ends[1]
        assert np.all((points[:, 0] / a) ** 2 + (points[:, 1] / b) ** 2 <= 1)
    ends = l06.CRESCENT_SEGMENT
    inside = [l06.in_crescent(p) for p in (ends[0], ends[1])]
    assert all(inside)
    mid = ends.mean(axis=0)
    assert np.hypot(*(mid - [l06.CRESCENT_SHIFT, 0])) < l06.CRESCENT_INNER  # in the hole


def test_hessian_test_numbers(l06):
    np.testing.assert_allclose(l06.BOWL_HESSIAN, [[2.0, 0.0], [0.0, 4.0]], atol=1e-4)
    np.testing.assert_allclose(l06.BOWL_CURVATURES, [2.0, 4.0], atol=1e-4)
    assert l06.WAVY_CURVATURE == pytest.approx(-2.0, abs=1e-4)  # d2/dx2 of x^4/4 - x^2 + .. at 0
    np.testing.assert_allclose(l06.LS_CURVATURES, np.linalg.eigvalsh(l06.LS_X.T @ l06.LS_X / 3),
                               atol=1e-4)
    assert np.all(l06.LS_CURVATURES >= 0)


def test_svm_multipliers_and_support_vectors(l06):
    X, y = l06.SVM_X, l06.SVM_Y
    primal = minimize(lambda z: 0.5 * z[:2] @ z[:2], np.zeros(3), method="SLSQP",
                      constraints={"type": "ineq", "fun": lambda z: y * (X @ z[:2] + z[2]) - 1},
                      options={"ftol": 1e-12})
    np.testing.assert_allclose(np.r_[l06.SVM.w, l06.SVM.b], primal.x, atol=1e-5)
    svc = SVC(kernel="linear", C=1e8, tol=1e-8).fit(X, y)
    np.testing.assert_array_equal(l06.SVM.support, np.sort(svc.support_))
    np.testing.assert_allclose(l06.SVM.mu[svc.support_], np.abs(svc.dual_coef_[0]), rtol=1e-3)
    # complementary slackness as narrated: mu > 0 exactly on the margin, zero beyond it
    on_margin = np.isclose(l06.SVM_MARGINS, 1.0, atol=1e-9)
    np.testing.assert_array_equal(np.flatnonzero(on_margin), l06.SVM.support)
    assert np.all(l06.SVM.mu[~on_margin] == 0)
    assert l06.SVM.margin == pytest.approx(2 / np.linalg.norm(primal.x[:2]), rel=1e-5)


@pytest.mark.parametrize("name", ["HESSIAN_TEST", "SUPPORT_VECTORS"])
def test_bridge_lines_agree(l06, name):
    bridge = getattr(l06, name)
    np.testing.assert_allclose(bridge.value(), bridge.library.run(bridge.setup),
                               atol=0.5 * 10 ** -bridge.decimals)
    assert all(len(line) <= 44 for s in (bridge.mathcore, bridge.library) for line in s.lines)
