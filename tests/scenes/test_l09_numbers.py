"""The numbers lesson 09 shows on screen, checked against SciPy and closed forms.

The scene module computes everything once at import (from mathcore, with a
fixed seed); these tests import it by path and compare its module-level
constants with an independent oracle (scipy.stats, numpy.linalg.lstsq,
scipy.optimize), with explicit tolerances. The Try-it exercises too.
"""

from __future__ import annotations


import numpy as np
import pytest
from scipy import optimize, stats

from exercise_checks import arrays, assert_shows
from scene_modules import exercises_for, load_scene_module




@pytest.fixture(scope="module")
def l09():
    return load_scene_module("l09_mle_and_map")


# --------------------------------------------------------------------------- likelihood surface

def test_mle_matches_scipy_fit(l09):
    loc, scale = stats.norm.fit(l09.DATA_X)  # maximum likelihood, ddof = 0
    assert l09.MLE_MEAN == pytest.approx(loc, abs=1e-10)
    assert l09.MLE_VAR == pytest.approx(scale**2, abs=1e-8)
    assert l09.MLE_VAR == pytest.approx(np.var(l09.DATA_X, ddof=0), abs=1e-12)


def test_surface_is_the_gaussian_log_likelihood(l09):
    mu, var = np.meshgrid(l09.SURFACE_MU, l09.SURFACE_VAR)
    oracle = stats.norm.logpdf(l09.DATA_X[:, None, None], mu, np.sqrt(var)).sum(axis=0)
    np.testing.assert_allclose(l09.SURFACE_LL, oracle, atol=1e-9)
    assert l09.LL_MAX == pytest.approx(
        stats.norm.logpdf(l09.DATA_X, l09.MLE_MEAN, np.sqrt(l09.MLE_VAR)).sum(), abs=1e-10)
    assert l09.SURFACE_LL.max() <= l09.LL_MAX + 1e-12  # the peak is the MLE


def test_climb_path_ends_at_the_peak_and_climbs(l09):
    np.testing.assert_allclose(l09.PATH[0], l09.START, atol=1e-12)
    np.testing.assert_allclose(l09.PATH[-1], [l09.MLE_MEAN, l09.MLE_VAR], atol=1e-12)
    oracle = stats.norm.logpdf(l09.DATA_X[None, :], l09.PATH[:, :1],
                               np.sqrt(l09.PATH[:, 1:])).sum(axis=1)
    np.testing.assert_allclose(l09.PATH_LL, oracle, atol=1e-9)
    assert np.all(np.diff(l09.PATH_LL) > -1e-12)  # "the dot climbs"
    curves = stats.norm.pdf(l09.CURVE_X[None, :], l09.PATH[:, :1], np.sqrt(l09.PATH[:, 1:]))
    np.testing.assert_allclose(l09.PATH_CURVES, curves, atol=1e-10)
    stems = stats.norm.pdf(l09.DATA_X[None, :], l09.PATH[:, :1], np.sqrt(l09.PATH[:, 1:]))
    np.testing.assert_allclose(l09.PATH_STEMS, stems, atol=1e-10)


# --------------------------------------------------------------------------- MAP for a mean

def test_map_mean_is_the_conjugate_posterior_mean(l09):
    s2, m0, t2 = l09.NOISE_VAR, l09.PRIOR_MEAN, l09.PRIOR_VAR
    assert l09.MAP_MEANS[0] == m0 and l09.POST_VARS[0] == t2
    for n in range(1, l09.N_STREAM + 1):
        x = l09.STREAM[:n]
        precision = 1 / t2 + n / s2
        assert l09.POST_VARS[n] == pytest.approx(1 / precision, rel=1e-12)
        assert l09.MAP_MEANS[n] == pytest.approx((m0 / t2 + x.sum() / s2) / precision, abs=1e-12)
        assert l09.STREAM_MLE[n - 1] == pytest.approx(x.mean(), abs=1e-12)
        # the MAP estimate lies between the prior mean and the MLE
        low, high = sorted((m0, x.mean()))
        assert low - 1e-12 <= l09.MAP_MEANS[n] <= high + 1e-12
    assert l09.PSEUDO_COUNT == pytest.approx(s2 / t2)


def test_map_maximises_the_posterior_numerically(l09):
    x = l09.STREAM
    def neg_log_post(mu):
        return -(stats.norm.logpdf(x, mu, np.sqrt(l09.NOISE_VAR)).sum()
                 + stats.norm.logpdf(mu, l09.PRIOR_MEAN, np.sqrt(l09.PRIOR_VAR)))
    best = optimize.minimize_scalar(neg_log_post, bounds=(-5, 5), method="bounded",
                                    options={"xatol": 1e-10}).x
    assert l09.MAP_MEANS[-1] == pytest.approx(best, abs=1e-6)


def test_drawn_curves_are_normal_densities(l09):
    np.testing.assert_allclose(l09.PRIOR_CURVE, stats.norm.pdf(l09.MU_X, 0.0, 0.5), atol=1e-12)
    for n in (1, 5, l09.N_STREAM):
        np.testing.assert_allclose(
            l09.POST_CURVES[n], stats.norm.pdf(l09.MU_X, l09.MAP_MEANS[n], np.sqrt(l09.POST_VARS[n])),
            atol=1e-10)
        np.testing.assert_allclose(
            l09.LIK_CURVES[n], stats.norm.pdf(l09.MU_X, l09.STREAM[:n].mean(), np.sqrt(1.0 / n)),
            atol=1e-10)


# --------------------------------------------------------------------------- ridge and lasso

def test_mle_is_least_squares(l09):
    w, *_ = np.linalg.lstsq(l09.FEATURES, l09.TARGETS, rcond=None)
    np.testing.assert_allclose(l09.W_MLE, w, atol=1e-10)


def test_ridge_is_map_with_a_gaussian_prior(l09):
    X, y = l09.FEATURES, l09.TARGETS
    lam = l09.REG_NOISE_VAR / l09.RIDGE_PRIOR_VAR
    closed = np.linalg.solve(X.T @ X + lam * np.eye(2), X.T @ y)
    np.testing.assert_allclose(l09.W_RIDGE, closed, atol=1e-10)

    def neg_log_post(w):  # full Gaussian likelihood + Gaussian prior, via scipy.stats
        return -(stats.norm.logpdf(y, X @ w, np.sqrt(l09.REG_NOISE_VAR)).sum()
                 + stats.norm.logpdf(w, 0, np.sqrt(l09.RIDGE_PRIOR_VAR)).sum())
    best = optimize.minimize(neg_log_post, np.zeros(2), method="BFGS", options={"gtol": 1e-10}).x
    np.testing.assert_allclose(l09.W_RIDGE, best, atol=1e-6)
    np.testing.assert_allclose(l09.RIDGE_PATH[l09.RIDGE_INDEX], l09.W_RIDGE, atol=1e-10)


def test_ridge_ball_is_tangent_to_the_loss_contour(l09):
    X, y, w = l09.FEATURES, l09.TARGETS, l09.W_RIDGE
    grad = -X.T @ (y - X @ w)  # gradient of the squared error at w
    cross = grad[0] * w[1] - grad[1] * w[0]
    assert abs(cross) < 1e-8 * np.linalg.norm(grad) * np.linalg.norm(w)  # normal to the circle
    assert l09.W_RIDGE[1] != 0  # "neither reaches zero"


def test_lasso_is_map_with_a_laplace_prior_and_sparse(l09):
    X, y = l09.FEATURES, l09.TARGETS
    lam = l09.REG_NOISE_VAR / l09.LAPLACE_SCALE  # sigma^2 times the Laplace rate 1/b
    # Closed-form oracle for a solution with w2 = 0: a one-dimensional soft-threshold in w1,
    # and the KKT condition that keeps w2 at zero: |x2^T r| <= lambda.
    x1, x2 = X[:, 0], X[:, 1]
    rho = x1 @ y
    w1 = np.sign(rho) * max(abs(rho) - lam, 0.0) / (x1 @ x1)
    residual = y - x1 * w1
    assert abs(x2 @ residual) <= lam  # w2 = 0 is optimal: the corner of the diamond
    assert l09.W_LASSO[0] == pytest.approx(w1, abs=1e-8)
    assert l09.W_LASSO[1] == 0.0  # the scene says "exactly zero"

    def neg_log_post(w):  # Gaussian likelihood + Laplace prior, via scipy.stats
        return -(stats.norm.logpdf(y, X @ w, np.sqrt(l09.REG_NOISE_VAR)).sum()
                 + stats.laplace.logpdf(w, 0, l09.LAPLACE_SCALE).sum())
    rng = np.random.default_rng(0)
    for _ in range(50):  # no nearby point does better
        assert neg_log_post(l09.W_LASSO) <= neg_log_post(l09.W_LASSO + 1e-3 * rng.normal(size=2))
    np.testing.assert_allclose(l09.LASSO_PATH[l09.LASSO_INDEX], l09.W_LASSO, atol=1e-12)


def test_contour_grid_is_the_negative_log_likelihood(l09):
    X, y = l09.FEATURES, l09.TARGETS
    j, i = 17, 121
    w = np.array([l09.W1_GRID[i], l09.W2_GRID[j]])
    assert l09.NLL_GRID[j, i] == pytest.approx(np.sum((y - X @ w) ** 2) / (2 * l09.REG_NOISE_VAR),
                                               rel=1e-12)
    # the balls drawn at the sweep start fit the plane
    assert np.linalg.norm(l09.RIDGE_PATH[l09.RIDGE_START]) <= l09.BALL_LIMIT
    assert np.abs(l09.LASSO_PATH[l09.LASSO_START]).sum() <= l09.BALL_LIMIT


# --------------------------------------------------------------------------- exercises

def test_exercises_are_checked_by_an_oracle():
    first, second, third = exercises_for(9)
    (data,) = arrays(first.inputs, "data")
    loc, scale = stats.norm.fit(data)
    assert first.answers["mean"] == pytest.approx(loc, abs=1e-9)
    assert first.answers["variance"] == pytest.approx(scale**2, abs=1e-9)
    assert_shows(first.answer, [first.answers["mean"], first.answers["variance"]], 3)

    n, xbar, prior_var, noise_var = (
        second.inputs[name] for name in ("n", "sample_mean", "prior_var", "noise_var"))
    precision = 1 / prior_var + n / noise_var
    assert second.answers["map_mean"] == pytest.approx(n * xbar / noise_var / precision, abs=1e-12)
    assert second.answers["posterior_var"] == pytest.approx(1 / precision, abs=1e-12)
    assert_shows(second.answer, [second.answers["map_mean"], second.answers["posterior_var"]], 3)

    x, y = arrays(third.inputs, "x", "y")
    noise_var, prior_var = third.inputs["noise_var"], third.inputs["prior_var"]
    assert third.answers["w"] == pytest.approx(x @ y / (x @ x + noise_var / prior_var), abs=1e-12)
    assert third.answers["ridge_lambda"] == pytest.approx(noise_var / prior_var)
    assert_shows(third.answer, third.answers["w"], 3)
    assert_shows(third.answer, third.answers["ridge_lambda"])
