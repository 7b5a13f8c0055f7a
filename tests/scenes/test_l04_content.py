"""Lesson 04's added content: ridge vs lasso, the metric axioms, Frobenius, whitening.

Oracles are independent of mathcore: optimality conditions written out in
NumPy, scipy.linalg.sqrtm for Σ^{-1/2}, numpy.linalg for norms and SVD.
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.linalg

from scene_modules import load_scene_module


@pytest.fixture(scope="module")
def l04():
    return load_scene_module("l04_norms_and_distances")


def test_lasso_solution_is_optimal_and_has_an_exact_zero(l04):
    X, y, lam, w = l04.SPARSE_X, l04.SPARSE_Y, l04.SPARSE_LAM, l04.LASSO_W
    assert w[1] == 0.0 and abs(w[0]) > 1.0  # the corner on the w1 axis the scene shows
    g = X.T @ (y - X @ w)  # subgradient condition of 1/2|Xw - y|^2 + lam |w|_1
    assert g[0] == pytest.approx(lam * np.sign(w[0]), abs=1e-6)
    assert abs(g[1]) <= lam + 1e-9


def test_ridge_solution_is_optimal_and_dense(l04):
    X, y, lam, w = l04.SPARSE_X, l04.SPARSE_Y, l04.SPARSE_LAM, l04.RIDGE_W
    np.testing.assert_allclose(2 * X.T @ (X @ w - y) + 2 * lam * w, 0.0, atol=1e-10)
    assert np.all(np.abs(w) > 0.5)


def test_the_touching_contours_pass_through_the_solutions(l04):
    for w, radius in ((l04.LASSO_W, l04.LASSO_TOUCH), (l04.RIDGE_W, l04.RIDGE_TOUCH)):
        contour = l04.loss_contour(radius)  # (120, 2) the drawn level set
        loss = lambda v: 0.5 * np.sum((l04.SPARSE_X @ v - l04.SPARSE_Y) ** 2)
        np.testing.assert_allclose([loss(c) for c in contour], loss(w), rtol=1e-9)
    assert l04.LASSO_BUDGET == pytest.approx(np.abs(l04.LASSO_W).sum())
    assert l04.RIDGE_BUDGET == pytest.approx(np.linalg.norm(l04.RIDGE_W))


def test_squared_distance_breaks_the_triangle_inequality(l04):
    x, y, z = l04.AXIOM_POINTS
    assert l04.SQ_DIST[(0, 2)] == pytest.approx((z - x) ** 2)
    assert l04.SQ_DIST[(0, 2)] > l04.SQ_DIST[(0, 1)] + l04.SQ_DIST[(1, 2)]


def test_frobenius_norm_and_its_singular_values(l04):
    A = l04.FRO_A
    assert l04.FRO_NORM == pytest.approx(np.linalg.norm(A, "fro"))
    assert l04.FRO_NORM == pytest.approx(np.sqrt((np.linalg.svd(A, compute_uv=False) ** 2).sum()))
    np.testing.assert_allclose(l04.FRO_SIGMA, np.linalg.svd(A, compute_uv=False), atol=1e-10)


def test_mahalanobis_whitens_by_the_inverse_square_root(l04):
    root_inv = np.linalg.inv(scipy.linalg.sqrtm(l04.CLOUD_COV).real)
    for point, shown in ((l04.POINT_ALONG, l04.MAHAL_ALONG), (l04.POINT_ACROSS, l04.MAHAL_ACROSS)):
        offset = point - l04.CLOUD_MEAN
        assert shown == pytest.approx(np.linalg.norm(root_inv @ offset), rel=1e-9)
        # whitening by the full inverse would give a different number
        assert abs(shown - np.linalg.norm(np.linalg.solve(l04.CLOUD_COV, offset))) > 0.1
