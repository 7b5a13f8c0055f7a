"""The numbers lesson 11 shows on screen, checked against SciPy and closed forms.

The scene module computes everything once at import (from mathcore, with a
fixed seed); these tests import it by path and compare its module-level
constants with an independent oracle (scipy.stats, scipy.special,
numpy.linalg.eigh), with explicit tolerances. The Try-it exercises too.
"""

from __future__ import annotations


import numpy as np
import pytest
from scipy import special, stats

from exercise_checks import arrays, assert_shows
from scene_modules import exercises_for, load_scene_module




@pytest.fixture(scope="module")
def l11():
    return load_scene_module("l11_advanced_distributions")


# --------------------------------------------------------------------------- exponential family

def test_bernoulli_natural_parameter_is_the_log_odds(l11):
    np.testing.assert_allclose(l11.ETA_PATH, special.logit(l11.P_PATH), atol=1e-12)
    np.testing.assert_allclose(l11.A_PATH, np.log1p(np.exp(l11.ETA_PATH)), atol=1e-12)
    np.testing.assert_allclose(l11.PARTITION_CURVE, np.log1p(np.exp(l11.ETA_X)), atol=1e-12)


def test_slope_of_the_log_partition_is_the_mean(l11):
    # what the scene claims: A'(eta) = sigmoid(eta) = p, measured by central differences
    np.testing.assert_allclose(l11.SLOPE_PATH, special.expit(l11.ETA_PATH), atol=1e-7)
    np.testing.assert_allclose(l11.SLOPE_PATH, l11.P_PATH, atol=1e-7)
    assert l11.SLOPE_PATH[0] == pytest.approx(0.5, abs=1e-7)  # the fair coin


def test_gaussian_natural_parameters_and_mean_statistics(l11):
    mu, var = l11.GAUSS_MEAN, l11.GAUSS_VAR
    np.testing.assert_allclose(l11.GAUSS_ETA, [mu / var, -1 / (2 * var)], atol=1e-12)
    x = np.linspace(-6, 8, 20001)
    density = stats.norm.pdf(x, mu, np.sqrt(var))
    moments = [np.trapezoid(x * density, x), np.trapezoid(x**2 * density, x)]  # E[T(x)]
    np.testing.assert_allclose(l11.GAUSS_GRAD_A, moments, atol=1e-6)


# --------------------------------------------------------------------------- multivariate Gaussian

def test_ellipse_axes_are_eigen_decomposition(l11):
    for k in (0, 30, 60, 120, 180):
        w, V = np.linalg.eigh(l11.COV_PATH[k])  # ascending
        np.testing.assert_allclose(l11.SEMI_AXES[k], np.sqrt(w[::-1]), atol=1e-12)
        major = V[:, 1]
        cos = abs(major @ l11.MAJOR_DIRS[k])
        assert cos == pytest.approx(1.0, abs=1e-9)
        # every boundary point is at Mahalanobis distance 1 (and 2 for the outer ellipse)
        inv = np.linalg.inv(l11.COV_PATH[k])
        for points, radius in ((l11.ELLIPSE_1_POINTS[k], 1.0), (l11.ELLIPSE_2_POINTS[k], 2.0)):
            d2 = np.einsum("ni,ij,nj->n", points, inv, points)
            np.testing.assert_allclose(d2, radius**2, atol=1e-9)


def test_covariance_path_and_cloud(l11):
    np.testing.assert_allclose(l11.RHO_PATH[l11.KEY_INDEX], l11.RHO_KEYS, atol=1e-12)
    for k in (0, 60, 120):
        cov = l11.COV_PATH[k]
        assert cov[0, 1] / np.sqrt(cov[0, 0] * cov[1, 1]) == pytest.approx(l11.RHO_PATH[k], abs=1e-12)
        L = np.linalg.cholesky(cov)
        np.testing.assert_allclose(l11.CLOUD_PATH[k], l11.Z @ L.T, atol=1e-12)
    # the count read out in the narration
    inside = np.sum(np.einsum("ni,ij,nj->n", l11.CLOUD_PATH[0], np.linalg.inv(l11.COV_PATH[0]),
                              l11.CLOUD_PATH[0]) <= 1.0)
    assert l11.INSIDE_1 == inside
    # and it is close to what the Gaussian predicts, 1 - exp(-1/2) of the draws
    assert inside / l11.N_CLOUD == pytest.approx(stats.chi2.cdf(1.0, df=2), abs=0.08)


# --------------------------------------------------------------------------- Beta-Binomial

def test_beta_binomial_history_adds_counts(l11):
    heads = np.concatenate([[0], np.cumsum(l11.FLIPS)])
    tails = np.arange(l11.N_FLIPS + 1) - heads
    np.testing.assert_allclose(l11.HISTORY.alphas, l11.PRIOR_ALPHA + heads, atol=0)
    np.testing.assert_allclose(l11.HISTORY.betas, l11.PRIOR_BETA + tails, atol=0)
    means = [stats.beta.mean(a, b) for a, b in zip(l11.HISTORY.alphas, l11.HISTORY.betas)]
    np.testing.assert_allclose(l11.POSTERIOR_MEANS, means, atol=1e-12)


def test_beta_curves_match_scipy(l11):
    for k in (0, 1, l11.N_FLIPS):
        expected = stats.beta.pdf(l11.THETA, l11.HISTORY.alphas[k], l11.HISTORY.betas[k])
        np.testing.assert_allclose(l11.BETA_CURVES[k], expected, rtol=1e-10, atol=1e-12)
    assert l11.BETA_CURVES.max() < 5  # fits the drawn y range


def test_posterior_is_bayes_rule_on_a_grid(l11):
    theta = l11.THETA[1:-1]
    s = l11.FLIPS.sum()
    f = l11.N_FLIPS - s
    unnormalised = stats.beta.pdf(theta, l11.PRIOR_ALPHA, l11.PRIOR_BETA) * theta**s * (1 - theta) ** f
    posterior = unnormalised / np.trapezoid(unnormalised, theta)
    np.testing.assert_allclose(l11.BETA_CURVES[-1][1:-1], posterior, atol=2e-3)


# --------------------------------------------------------------------------- exercises

def test_exercises_are_checked_by_an_oracle():
    first, second, third = exercises_for(11)
    alpha, beta, heads, tails = (first.inputs[name] for name in ("alpha", "beta", "heads", "tails"))
    post_a, post_b = first.answers["alpha"], first.answers["beta"]
    assert (post_a, post_b) == (alpha + heads, beta + tails)
    assert first.answers["mean"] == pytest.approx(stats.beta.mean(post_a, post_b), abs=1e-12)
    assert_shows(first.answer, [post_a, post_b])
    assert_shows(first.answer, first.answers["mean"], 3)

    (cov,) = arrays(second.inputs, "cov")
    v = second.inputs["observed"]
    y = np.linspace(-30, 30, 60001)  # the slice x1 = v of SciPy's joint density, normalised
    slice_ = stats.multivariate_normal(np.zeros(2), cov).pdf(np.column_stack([np.full_like(y, v), y]))
    slice_ /= np.trapezoid(slice_, y)
    mean = np.trapezoid(y * slice_, y)
    assert second.answers["mean"] == pytest.approx(mean, abs=1e-8)
    assert second.answers["var"] == pytest.approx(np.trapezoid((y - mean) ** 2 * slice_, y), rel=1e-7)
    assert_shows(second.answer, [second.answers["mean"], second.answers["var"]], 3)

    p = third.inputs["p"]
    assert third.answers["eta"] == pytest.approx(special.logit(p), abs=1e-12)
    assert third.answers["log_partition"] == pytest.approx(np.log1p(np.exp(special.logit(p))), abs=1e-12)
    assert_shows(third.answer, [third.answers["eta"], third.answers["log_partition"]], 3)
