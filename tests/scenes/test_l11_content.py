"""The numbers lesson 11's deepened scenes show, checked against SciPy and closed forms.

The Gaussian written as an exponential family, maximum likelihood by moment
matching, the marginal and conditional of a 2-D Gaussian, and the Gamma-Poisson
update: each constant of the scene module is compared with an independent oracle
(scipy.stats densities, numeric integrals, norm.fit, Bayes' rule on a grid).
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from scene_modules import load_scene_module


@pytest.fixture(scope="module")
def l11():
    return load_scene_module("l11_advanced_distributions")


# --------------------------------------------------------------------------- the Gaussian's template

def test_the_two_ways_of_writing_the_gaussian_agree_at_x_equals_two(l11):
    mu, var, x = l11.GAUSS_MEAN, l11.GAUSS_VAR, l11.GAUSS_X
    eta = np.array([mu / var, -1 / (2 * var)])  # read off the grouped exponent
    np.testing.assert_allclose(l11.GAUSS_ETA, eta, atol=1e-12)
    np.testing.assert_allclose(l11.GAUSS_T, [x, x**2], atol=0)
    assert l11.GAUSS_A == pytest.approx(mu**2 / (2 * var) + 0.5 * np.log(2 * np.pi * var), abs=1e-12)
    assert l11.GAUSS_DOT == pytest.approx(0.0, abs=1e-12)  # what the narration says: 4 - 4
    assert l11.GAUSS_DENSITY == pytest.approx(stats.norm.pdf(x, mu, np.sqrt(var)), rel=1e-12)
    np.testing.assert_allclose(l11.GAUSS_CURVE, stats.norm.pdf(l11.GAUSS_GRID, mu, np.sqrt(var)),
                               rtol=1e-10)
    assert l11.GAUSS_CURVE.max() < 0.6  # fits the drawn y range


def test_the_expanded_exponent_equals_the_density_on_a_grid(l11):
    # the middle line of the derivation, evaluated: exp(-x^2/2s2 + mu x/s2 - mu^2/2s2 - log(2 pi s2)/2)
    mu, s2 = l11.GAUSS_MEAN, l11.GAUSS_VAR
    x = np.linspace(-3, 5, 81)
    expanded = np.exp(-x**2 / (2 * s2) + mu * x / s2 - mu**2 / (2 * s2) - 0.5 * np.log(2 * np.pi * s2))
    np.testing.assert_allclose(expanded, stats.norm.pdf(x, mu, np.sqrt(s2)), rtol=1e-12)


# --------------------------------------------------------------------------- moment matching

def test_moment_matching_is_the_maximum_likelihood_fit(l11):
    x = l11.FIT_DATA
    np.testing.assert_allclose(l11.FIT_T_BAR, [x.mean(), (x**2).mean()], rtol=1e-12)
    loc, scale = stats.norm.fit(x)  # SciPy's maximum likelihood
    assert l11.FIT_MEAN == pytest.approx(loc, abs=1e-9)
    assert l11.FIT_VAR == pytest.approx(scale**2, rel=1e-9)
    np.testing.assert_allclose(l11.FIT_ETA, [loc / scale**2, -1 / (2 * scale**2)], rtol=1e-9)


def test_the_guess_moves_to_the_fit_and_the_log_likelihood_climbs(l11):
    x = l11.FIT_DATA
    means, variances = l11.FIT_MEAN_PATH, l11.FIT_VAR_PATH
    assert (means[0], variances[0]) == pytest.approx((l11.GUESS_MEAN, l11.GUESS_VAR), abs=1e-12)
    assert (means[-1], variances[-1]) == pytest.approx((l11.FIT_MEAN, l11.FIT_VAR), abs=1e-12)
    ll = np.array([stats.norm.logpdf(x, m, np.sqrt(v)).sum() for m, v in zip(means, variances)])
    np.testing.assert_allclose(l11.FIT_LL_PATH, ll, rtol=1e-10)
    assert np.all(np.diff(ll) > 0)  # what the narration says: it climbs all the way
    # the model's averages E[x], E[x^2] along the path, and they meet the data's at the end
    np.testing.assert_allclose(l11.FIT_MODEL_T, np.column_stack([means, means**2 + variances]),
                               rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(l11.FIT_MODEL_T[-1], l11.FIT_T_BAR, rtol=1e-5)
    for k in (0, 60, 120):
        np.testing.assert_allclose(l11.FIT_CURVES[k], stats.norm.pdf(l11.FIT_X, means[k], np.sqrt(variances[k])),
                                   rtol=1e-10)
    assert l11.FIT_CURVES.max() < 0.6 and l11.FIT_HIST.max() < 0.6  # inside the drawn y range
    hist = np.histogram(x, bins=l11.FIT_BINS)[0]
    assert hist.sum() == len(x)  # every point falls in a drawn bar


# --------------------------------------------------------------------------- marginal and conditional

def test_the_marginal_is_the_integral_of_the_joint(l11):
    cov = l11.COND_COV
    assert cov[0, 1] / np.sqrt(cov[0, 0] * cov[1, 1]) == pytest.approx(l11.COND_RHO, abs=1e-12)
    y = np.linspace(-8, 8, 4001)
    joint = stats.multivariate_normal(np.zeros(2), cov)
    for x1 in (-2.0, 0.0, 1.5):
        integral = np.trapezoid(joint.pdf(np.column_stack([np.full_like(y, x1), y])), y)
        assert integral == pytest.approx(stats.norm.pdf(x1, 0, np.sqrt(cov[0, 0])), rel=1e-8)
    np.testing.assert_allclose(l11.MARGINAL_CURVE, stats.norm.pdf(l11.MARGINAL_X, 0, np.sqrt(cov[0, 0])),
                               rtol=1e-10)


def test_the_conditional_is_the_renormalised_slice(l11):
    cov, a = l11.COND_COV, l11.COND_A
    y = np.linspace(-8, 8, 8001)
    slice_ = stats.multivariate_normal(np.zeros(2), cov).pdf(np.column_stack([np.full_like(y, a), y]))
    area = np.trapezoid(slice_, y)
    assert area == pytest.approx(stats.norm.pdf(a, 0, np.sqrt(cov[0, 0])), rel=1e-8)  # "its area"
    density = slice_ / area
    mean = np.trapezoid(y * density, y)
    var = np.trapezoid((y - mean) ** 2 * density, y)
    assert l11.COND_MEAN == pytest.approx(mean, abs=1e-8)
    assert l11.COND_VAR == pytest.approx(var, rel=1e-7)
    # the numbers on screen: gain 0.51, 0.51 * 1.5 = 0.77, variance 0.29 = (1 - rho^2) * 0.81
    assert l11.COND_GAIN == pytest.approx(cov[1, 0] / cov[0, 0], abs=1e-12)
    assert l11.COND_VAR == pytest.approx((1 - l11.COND_RHO**2) * cov[1, 1], rel=1e-12)
    np.testing.assert_allclose(l11.COND_SLICE, stats.multivariate_normal(np.zeros(2), cov).pdf(
        np.column_stack([np.full_like(l11.COND_Y, a), l11.COND_Y])), rtol=1e-10)


def test_the_conditional_mean_runs_along_the_regression_line(l11):
    # least squares of x2 on x1 over many draws gives the same slope (the regression line)
    rng = np.random.default_rng(0)
    draws = rng.multivariate_normal(np.zeros(2), l11.COND_COV, size=200_000)
    slope = np.polyfit(draws[:, 0], draws[:, 1], 1)[0]
    assert l11.COND_GAIN == pytest.approx(slope, abs=0.01)
    np.testing.assert_allclose(l11.COND_MEAN_PATH, l11.COND_GAIN * l11.COND_A_PATH, atol=1e-12)
    np.testing.assert_allclose(l11.COND_A_PATH[[0, 60, 120, 180]], l11.COND_A_KEYS, atol=1e-12)
    sd = np.sqrt(l11.COND_VAR)
    for k in (0, 60, 120):  # every conditional density drawn sideways is N(mean, var), kept on the plane
        np.testing.assert_allclose(l11.COND_SHAPES[k],
                                   stats.norm.pdf(l11.COND_Y, l11.COND_MEAN_PATH[k], sd), rtol=1e-10)
        assert abs(l11.COND_MEAN_PATH[k]) + 3 * sd < 3.0


# --------------------------------------------------------------------------- Gamma-Poisson

def test_gamma_poisson_posterior_is_bayes_on_a_grid(l11):
    k = l11.GP_COUNTS
    shape, rate = l11.GP_HISTORY[-1]
    assert (shape, rate) == (l11.GP_ALPHA + k.sum(), l11.GP_BETA + len(k))
    lam = np.linspace(1e-4, 15, 30001)
    unnormalised = stats.gamma.pdf(lam, l11.GP_ALPHA, scale=1 / l11.GP_BETA) * np.prod(
        stats.poisson.pmf(k[:, None], lam[None, :]), axis=0)
    posterior = unnormalised / np.trapezoid(unnormalised, lam)
    np.testing.assert_allclose(posterior, stats.gamma.pdf(lam, shape, scale=1 / rate), atol=1e-6)
    assert l11.GP_MEANS[-1] == pytest.approx(np.trapezoid(lam * posterior, lam), rel=1e-6)


def test_gamma_curves_and_the_narrated_numbers(l11):
    for j in (0, 1, len(l11.GP_COUNTS)):
        a, b = l11.GP_HISTORY[j]
        np.testing.assert_allclose(l11.GP_CURVES[j], stats.gamma.pdf(l11.LAM, a, scale=1 / b), rtol=1e-9,
                                   atol=1e-300)
        assert l11.GP_MEANS[j] == pytest.approx(stats.gamma.mean(a, scale=1 / b), rel=1e-12)
    assert l11.GP_CURVES.max() < 0.75 and l11.LAM[-1] == 10  # fits the drawn axes
    # the posterior mean lies between the prior's mean and the data's average count
    prior_mean, average = l11.GP_ALPHA / l11.GP_BETA, l11.GP_COUNTS.mean()
    assert min(prior_mean, average) < l11.GP_MEANS[-1] < max(prior_mean, average)
    assert len(l11.GP_COUNTS) == 12  # "after 12 minutes"
