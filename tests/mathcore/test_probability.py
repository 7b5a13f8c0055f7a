"""mathcore.probability against scipy.stats, scipy.optimize, scikit-learn, SymPy and closed forms."""

import doctest

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy import stats
from scipy.optimize import minimize, minimize_scalar
from sklearn.linear_model import Lasso, Ridge

from mathcore import probability
from mathcore.probability import (
    bayes_posterior, bernoulli_log_partition, bernoulli_natural_params, beta_binomial_update,
    beta_binomial_updates, beta_pdf, covariance_ellipse, expectation, gamma_pdf,
    gamma_poisson_update, gaussian_conditional, gaussian_log_partition, gaussian_marginal,
    gaussian_mean_map, gaussian_mle, gaussian_natural_params, gaussian_sufficient_stats,
    linear_regression_mle, linear_regression_posterior, log_likelihood_gaussian,
    map_linear_regression, multivariate_normal_logpdf, multivariate_normal_pdf,
    neg_log_posterior, ridge_regression, variance,
)

SETTINGS = settings(max_examples=60, deadline=None)
finite = st.floats(-10, 10)


@st.composite
def discrete_variables(draw):
    n = draw(st.integers(1, 10))
    values = draw(arrays(np.float64, n, elements=finite))
    weights = draw(arrays(np.float64, n, elements=st.floats(0.01, 5)))
    return values, weights / weights.sum()


@st.composite
def spd_matrices(draw, d=None):
    d = draw(st.integers(1, 4)) if d is None else d
    A = draw(arrays(np.float64, (d, d), elements=st.floats(-2, 2)))
    return A @ A.T + 0.1 * np.eye(d)


@st.composite
def regressions(draw):
    n, d = draw(st.integers(4, 12)), draw(st.integers(1, 3))
    X = draw(arrays(np.float64, (n, d), elements=st.floats(-3, 3)))
    y = draw(arrays(np.float64, n, elements=st.floats(-5, 5)))
    X[:d] += 5 * np.eye(d)  # keep X well conditioned
    return X, y


# ------------------------------------------------------------------ lesson 08

@SETTINGS
@given(discrete_variables())
def test_expectation_and_variance_match_numpy_weighted_moments(variable):
    values, probs = variable
    mean = np.average(values, weights=probs)
    assert expectation(values, probs) == pytest.approx(mean, rel=1e-10, abs=1e-10)
    second_moment = np.average(values**2, weights=probs)
    assert variance(values, probs) == pytest.approx(second_moment - mean**2, rel=1e-8, abs=1e-8)
    assert variance(values, probs) >= 0


def test_fair_die_moments():
    assert expectation(range(1, 7), np.full(6, 1 / 6)) == pytest.approx(3.5)
    assert variance(range(1, 7), np.full(6, 1 / 6)) == pytest.approx(35 / 12)


def test_bayes_on_the_classic_medical_test_matches_exact_rationals():
    # 1% prevalence, 95% sensitivity, 10% false positives
    prior = [sp.Rational(1, 100), sp.Rational(99, 100)]
    likelihood = [sp.Rational(95, 100), sp.Rational(10, 100)]
    evidence = sum(p * lk for p, lk in zip(prior, likelihood))
    result = bayes_posterior([float(p) for p in prior], [float(lk) for lk in likelihood])
    assert result.evidence == pytest.approx(float(evidence), rel=1e-12)
    assert result.posterior[0] == pytest.approx(float(prior[0] * likelihood[0] / evidence), rel=1e-12)


@SETTINGS
@given(discrete_variables(), st.data())
def test_bayes_sequential_updates_equal_one_joint_update(variable, data):
    _, prior = variable
    n = len(prior)
    lk1 = data.draw(arrays(np.float64, n, elements=st.floats(0.01, 1)))
    lk2 = data.draw(arrays(np.float64, n, elements=st.floats(0.01, 1)))
    step = bayes_posterior(bayes_posterior(prior, lk1).posterior, lk2).posterior
    np.testing.assert_allclose(step, bayes_posterior(prior, lk1 * lk2).posterior, rtol=1e-9)
    np.testing.assert_allclose(bayes_posterior(prior, np.full(n, 0.3)).posterior, prior, rtol=1e-12)
    assert bayes_posterior(prior, lk1).posterior.sum() == pytest.approx(1.0)


# ------------------------------------------------------------------ Beta-Binomial

@SETTINGS
@given(st.floats(0.01, 0.99), st.floats(0.2, 20), st.floats(0.2, 20))
def test_beta_pdf_matches_scipy(x, a, b):
    assert beta_pdf(x, a, b) == pytest.approx(stats.beta.pdf(x, a, b), rel=1e-9)


def test_beta_pdf_endpoints_and_arrays():
    assert beta_pdf(0.0, 1.0, 3.0) == pytest.approx(3.0)
    assert beta_pdf(0.0, 0.5, 0.5) == np.inf
    assert beta_pdf(1.0, 2.0, 2.0) == 0.0
    x = np.linspace(0, 1, 5)
    np.testing.assert_allclose(beta_pdf(x, 2.0, 3.0), stats.beta.pdf(x, 2.0, 3.0), rtol=1e-10)


@pytest.mark.parametrize("a, b, s, f", [(1, 1, 7, 3), (2.5, 0.7, 0, 4), (0.5, 0.5, 12, 1)])
def test_beta_binomial_update_is_bayes_on_a_grid(a, b, s, f):
    theta = np.linspace(1e-6, 1 - 1e-6, 200_001)
    unnormalised = stats.beta.pdf(theta, a, b) * stats.binom.pmf(s, s + f, theta)
    grid_posterior = unnormalised / np.trapezoid(unnormalised, theta)
    a_post, b_post = beta_binomial_update(a, b, s, f)
    assert (a_post, b_post) == (a + s, b + f)
    mid = slice(1000, -1000)  # away from integrable endpoint spikes
    np.testing.assert_allclose(beta_pdf(theta[mid], a_post, b_post), grid_posterior[mid], rtol=2e-3)


@SETTINGS
@given(st.lists(st.integers(0, 1), min_size=1, max_size=40), st.floats(0.1, 5), st.floats(0.1, 5))
def test_sequential_beta_updates_match_batch_updates(flips, a, b):
    history = beta_binomial_updates(a, b, flips)
    assert history.alphas.shape == (len(flips) + 1,)
    for k in range(len(flips) + 1):
        heads = sum(flips[:k])
        assert (history.alphas[k], history.betas[k]) == pytest.approx(
            beta_binomial_update(a, b, heads, k - heads))
    np.testing.assert_allclose(history.means, history.alphas / (history.alphas + history.betas))
    np.testing.assert_allclose(history.means[-1], stats.beta.mean(a + sum(flips),
                                                                  b + len(flips) - sum(flips)))


# ------------------------------------------------------------------ MLE and MAP

@SETTINGS
@given(arrays(np.float64, st.integers(2, 30), elements=finite))
def test_gaussian_mle_matches_scipy_norm_fit(x):
    mean, var = gaussian_mle(x)
    loc, scale = stats.norm.fit(x)
    assert mean == pytest.approx(loc, abs=1e-9)
    assert var == pytest.approx(scale**2, rel=1e-7, abs=1e-9)


def test_log_likelihood_surface_matches_scipy_and_peaks_at_the_mle():
    x = np.random.default_rng(0).normal(1.0, 2.0, 50)
    mu, var = np.meshgrid(np.linspace(-1, 3, 201), np.linspace(1, 8, 141))
    surface = log_likelihood_gaussian(x, mu, var)
    expected = stats.norm.logpdf(x[:, None, None], mu, np.sqrt(var)).sum(axis=0)
    np.testing.assert_allclose(surface, expected, rtol=1e-10)
    i, j = np.unravel_index(np.argmax(surface), surface.shape)
    mean, v = gaussian_mle(x)
    assert abs(mu[i, j] - mean) <= 0.02 and abs(var[i, j] - v) <= 0.05


@SETTINGS
@given(arrays(np.float64, st.integers(1, 20), elements=finite), st.floats(0.1, 5),
       st.floats(-3, 3), st.floats(0.1, 5))
def test_gaussian_mean_map_maximises_the_posterior(x, noise_var, prior_mean, prior_var):
    def neg_log_post(m):
        return -(stats.norm.logpdf(x, m, np.sqrt(noise_var)).sum()
                 + stats.norm.logpdf(m, prior_mean, np.sqrt(prior_var)))

    best = minimize_scalar(neg_log_post, bracket=(-20, 20), tol=1e-12).x
    map_mean, post_var = gaussian_mean_map(x, noise_var, prior_mean, prior_var)
    assert map_mean == pytest.approx(best, abs=1e-5)
    assert post_var == pytest.approx(1 / (1 / prior_var + len(x) / noise_var))


def test_map_tends_to_the_mle_with_data_and_to_the_prior_without():
    x = np.random.default_rng(1).normal(3.0, 1.0, 10_000)
    assert gaussian_mean_map(x, 1.0, -5.0, 1.0)[0] == pytest.approx(gaussian_mle(x)[0], abs=1e-3)
    assert gaussian_mean_map(x[:1], 1.0, -5.0, 1e-6)[0] == pytest.approx(-5.0, abs=1e-4)


@SETTINGS
@given(regressions())
def test_linear_regression_mle_matches_lstsq(data):
    X, y = data
    np.testing.assert_allclose(linear_regression_mle(X, y), np.linalg.lstsq(X, y, rcond=None)[0],
                               rtol=1e-7, atol=1e-9)


@SETTINGS
@given(regressions(), st.floats(0.01, 10))
def test_ridge_matches_sklearn(data, lam):
    X, y = data
    reference = Ridge(alpha=lam, fit_intercept=False, solver="cholesky").fit(X, y).coef_
    np.testing.assert_allclose(ridge_regression(X, y, lam), reference, rtol=1e-7, atol=1e-9)


@SETTINGS
@given(regressions(), st.floats(0.05, 5), st.floats(0.05, 5))
def test_map_with_gaussian_prior_is_ridge_with_lambda_noise_over_prior_variance(data, s2, t2):
    X, y = data
    np.testing.assert_allclose(map_linear_regression(X, y, s2, t2),
                               ridge_regression(X, y, s2 / t2), rtol=1e-8, atol=1e-10)


@SETTINGS
@given(regressions(), st.floats(0.1, 5), st.floats(0.1, 5), st.sampled_from(["gaussian", "laplace"]))
def test_neg_log_posterior_is_minus_the_scipy_log_densities(data, s2, scale, prior):
    X, y = data
    w = np.linspace(-1, 1, X.shape[1])
    log_prior = (stats.norm.logpdf(w, 0, np.sqrt(scale)) if prior == "gaussian"
                 else stats.laplace.logpdf(w, 0, scale)).sum()
    expected = -(stats.norm.logpdf(y, X @ w, np.sqrt(s2)).sum() + log_prior)
    got = neg_log_posterior(w, X, y, noise_var=s2, prior=prior, prior_scale=scale)
    assert got == pytest.approx(expected, rel=1e-10)


def test_posterior_covariance_is_the_inverse_hessian_of_the_neg_log_posterior():
    rng = np.random.default_rng(2)
    X, y = rng.normal(size=(20, 3)), rng.normal(size=20)
    post = linear_regression_posterior(X, y, 0.5, 2.0)

    def f(w):
        return neg_log_posterior(w, X, y, noise_var=0.5, prior="gaussian", prior_scale=2.0)

    h, e = 1e-3, np.eye(3)
    hessian = np.array([[(f(post.mean + h * e[i] + h * e[j]) - f(post.mean + h * e[i] - h * e[j])
                          - f(post.mean - h * e[i] + h * e[j]) + f(post.mean - h * e[i] - h * e[j]))
                         / (4 * h * h) for j in range(3)] for i in range(3)])
    np.testing.assert_allclose(post.cov, np.linalg.inv(hessian), rtol=1e-5)
    assert minimize(f, np.zeros(3), tol=1e-12).x == pytest.approx(post.mean, abs=1e-5)


def test_laplace_prior_map_is_the_lasso():
    """||y - Xw||^2 / (2 s2) + |w|_1 / b  =  (n / s2) * sklearn's lasso objective with alpha = s2 / (n b)."""
    rng = np.random.default_rng(4)
    X = rng.normal(size=(40, 4))
    y = X @ np.array([2.0, 0.0, -1.0, 0.0]) + 0.3 * rng.normal(size=40)
    s2, b = 0.5, 0.05
    lasso = Lasso(alpha=s2 / (40 * b), fit_intercept=False, tol=1e-12, max_iter=100_000).fit(X, y).coef_
    assert np.sum(lasso == 0) >= 1  # L1 makes exact zeros

    def f(w):
        return neg_log_posterior(w, X, y, noise_var=s2, prior="laplace", prior_scale=b)

    perturbations = 1e-3 * rng.normal(size=(200, 4))
    assert all(f(lasso) <= f(lasso + p) + 1e-9 for p in perturbations)


# ------------------------------------------------------------------ multivariate Gaussian

@SETTINGS
@given(spd_matrices(), st.data())
def test_multivariate_normal_matches_scipy(cov, data):
    d = len(cov)
    mean = data.draw(arrays(np.float64, d, elements=st.floats(-3, 3)))
    x = data.draw(arrays(np.float64, (5, d), elements=st.floats(-3, 3)))
    reference = stats.multivariate_normal(mean, cov)
    np.testing.assert_allclose(multivariate_normal_logpdf(x, mean, cov), reference.logpdf(x), rtol=1e-9)
    np.testing.assert_allclose(multivariate_normal_pdf(x, mean, cov), reference.pdf(x), rtol=1e-8)
    assert multivariate_normal_pdf(x[0], mean, cov) == pytest.approx(reference.pdf(x[0]), rel=1e-8)


@SETTINGS
@given(spd_matrices(d=2), arrays(np.float64, 2, elements=st.floats(-5, 5)), st.floats(0.5, 3))
def test_covariance_ellipse_points_are_at_mahalanobis_distance_n_std(cov, mean, k):
    ellipse = covariance_ellipse(mean, cov, n_std=k, n_points=400)
    diff = ellipse.points - mean
    mahalanobis = np.sqrt(np.sum(diff * np.linalg.solve(cov, diff.T).T, axis=1))
    np.testing.assert_allclose(mahalanobis, k, rtol=1e-8)
    (a, b), c = cov[0], cov[1, 1]
    half_gap = np.sqrt(((a - c) / 2) ** 2 + b**2)
    np.testing.assert_allclose(ellipse.semi_axes, k * np.sqrt([(a + c) / 2 + half_gap,
                                                               (a + c) / 2 - half_gap]), rtol=1e-7)
    if half_gap > 1e-3:  # orientation is defined only for a non-circular ellipse
        expected_angle = 0.5 * np.arctan2(2 * b, a - c)
        assert np.isclose(ellipse.angle, expected_angle, atol=1e-6) or \
            np.isclose(abs(ellipse.angle - expected_angle), np.pi, atol=1e-6)
    x, y = diff.T  # shoelace area vs pi * k^2 * sqrt(det)
    area = 0.5 * abs(np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]))
    assert area == pytest.approx(np.pi * k**2 * np.sqrt(np.linalg.det(cov)), rel=1e-3)


# ------------------------------------------------------------------ exponential family

@SETTINGS
@given(st.floats(0.01, 0.99))
def test_bernoulli_in_exponential_family_form(p):
    eta = bernoulli_natural_params(p)
    for y in (0, 1):
        assert np.exp(eta * y - bernoulli_log_partition(eta)) == pytest.approx(stats.bernoulli.pmf(y, p))
    h = 1e-6
    slope = (bernoulli_log_partition(eta + h) - bernoulli_log_partition(eta - h)) / (2 * h)
    assert slope == pytest.approx(p, abs=1e-7)


@SETTINGS
@given(st.floats(-3, 3), st.floats(0.2, 4), arrays(np.float64, 4, elements=st.floats(-5, 5)))
def test_gaussian_in_exponential_family_form(mu, var, x):
    eta = gaussian_natural_params(mu, var)
    density = np.exp(gaussian_sufficient_stats(x) @ eta - gaussian_log_partition(eta))
    np.testing.assert_allclose(density, stats.norm.pdf(x, mu, np.sqrt(var)), rtol=1e-9)
    h, e = 1e-6, np.eye(2)
    grad = [(gaussian_log_partition(eta + h * e[i]) - gaussian_log_partition(eta - h * e[i])) / (2 * h)
            for i in range(2)]
    np.testing.assert_allclose(grad, [mu, mu**2 + var], rtol=1e-5, atol=1e-6)


# ------------------------------------------------------------------ marginals and conditionals

@SETTINGS
@given(spd_matrices(d=3), arrays(np.float64, 3, elements=st.floats(-3, 3)), st.floats(-3, 3))
def test_gaussian_marginal_is_the_integral_of_the_joint(cov, mean, x0):
    # integrate the joint over x1 and x2 (scipy's density, a 2-D trapezoid) at x0
    m, c = gaussian_marginal(mean, cov, keep=0)
    s1, s2 = 7 * np.sqrt(cov[1, 1]), 7 * np.sqrt(cov[2, 2])
    g1 = np.linspace(mean[1] - s1, mean[1] + s1, 301)
    g2 = np.linspace(mean[2] - s2, mean[2] + s2, 301)
    G1, G2 = np.meshgrid(g1, g2, indexing="ij")
    pts = np.stack([np.full(G1.shape, x0), G1, G2], axis=-1)
    joint = stats.multivariate_normal(mean, cov).pdf(pts)
    integral = np.trapezoid(np.trapezoid(joint, g2, axis=1), g1)
    expected = stats.norm.pdf(x0, m[0], np.sqrt(c[0, 0]))
    assert integral == pytest.approx(expected, rel=1e-4, abs=1e-9)
    m2, c2 = gaussian_marginal(mean, cov, keep=[2, 0])
    np.testing.assert_array_equal(m2, mean[[2, 0]])
    np.testing.assert_array_equal(c2, cov[np.ix_([2, 0], [2, 0])])


@SETTINGS
@given(spd_matrices(d=2), arrays(np.float64, 2, elements=st.floats(-3, 3)), st.floats(-2, 2))
def test_gaussian_conditional_is_the_renormalised_slice(cov, mean, z):
    # the joint density along the line x0 = v, divided by its integral, is N(m, c)
    v = mean[0] + z * np.sqrt(cov[0, 0])
    m, c = gaussian_conditional(mean, cov, given=0, value=v)
    spread = 8 * np.sqrt(cov[1, 1])
    y = np.linspace(mean[1] - spread - 3, mean[1] + spread + 3, 20001)
    slice_ = stats.multivariate_normal(mean, cov).pdf(np.column_stack([np.full_like(y, v), y]))
    slice_ /= np.trapezoid(slice_, y)
    slice_mean = np.trapezoid(y * slice_, y)
    slice_var = np.trapezoid((y - slice_mean) ** 2 * slice_, y)
    assert m[0] == pytest.approx(slice_mean, abs=1e-6 * (1 + abs(slice_mean)))
    assert c[0, 0] == pytest.approx(slice_var, rel=1e-5)
    assert c[0, 0] <= cov[1, 1] + 1e-12  # conditioning never adds uncertainty


@SETTINGS
@given(spd_matrices(d=3), arrays(np.float64, 3, elements=st.floats(-3, 3)),
       arrays(np.float64, 2, elements=st.floats(-3, 3)))
def test_gaussian_conditional_matches_the_precision_matrix_identity(cov, mean, v):
    # an independent route: the conditional precision is the block Lambda_aa of Lambda = Sigma^-1,
    # and its mean is mu_a - Lambda_aa^-1 Lambda_ab (v - mu_b)  (Bishop, PRML 2.69, 2.75)
    m, c = gaussian_conditional(mean, cov, given=[1, 2], value=v)
    precision = np.linalg.inv(cov)
    np.testing.assert_allclose(np.linalg.inv(c), precision[:1, :1], rtol=1e-6, atol=1e-8)
    expected = mean[0] - (precision[0, 1:] @ (v - mean[1:])) / precision[0, 0]
    np.testing.assert_allclose(m, [expected], rtol=1e-6, atol=1e-8)


# ------------------------------------------------------------------ Gamma-Poisson

@pytest.mark.parametrize("shape, rate", [(0.5, 1.0), (1.0, 2.0), (3.0, 0.5), (12.5, 4.0)])
def test_gamma_pdf_matches_scipy(shape, rate):
    x = np.linspace(0.01, 20, 50)
    np.testing.assert_allclose(gamma_pdf(x, shape, rate), stats.gamma.pdf(x, shape, scale=1 / rate),
                               rtol=1e-10)
    assert gamma_pdf(0.0, 2.0, 1.0) == 0.0


@SETTINGS
@given(st.floats(0.5, 6), st.floats(0.2, 3), arrays(np.int64, st.integers(1, 8), elements=st.integers(0, 9)))
def test_gamma_poisson_update_is_bayes_on_a_grid(shape, rate, counts):
    post_shape, post_rate = gamma_poisson_update(shape, rate, counts)
    lam = np.linspace(1e-4, 40, 40001)
    unnormalised = stats.gamma.pdf(lam, shape, scale=1 / rate) * np.prod(
        stats.poisson.pmf(counts[:, None], lam[None, :]), axis=0)
    posterior = unnormalised / np.trapezoid(unnormalised, lam)
    expected = stats.gamma.pdf(lam, post_shape, scale=1 / post_rate)
    assert np.max(np.abs(posterior - expected)) < 1e-3 * max(1.0, expected.max())
    assert (post_shape, post_rate) == (shape + counts.sum(), rate + len(counts))


# ------------------------------------------------------------------ errors

@pytest.mark.parametrize("call, match", [
    (lambda: expectation([1, 2], [0.5, 0.6]), r"probs must sum to 1"),
    (lambda: expectation([1, 2, 3], [0.5, 0.5]), r"values and probs must have the same shape"),
    (lambda: variance([1, 2], [1.5, -0.5]), r"probs must be non-negative"),
    (lambda: bayes_posterior([0.5, 0.5], [0.1]), r"likelihood must have one value per hypothesis \(2\)"),
    (lambda: bayes_posterior([0.5, 0.5], [-0.1, 0.2]), r"likelihood must be non-negative"),
    (lambda: bayes_posterior([1.0, 0.0], [0.0, 1.0]), r"got evidence P\(D\) = 0"),
    (lambda: beta_pdf(1.5, 1.0, 1.0), r"x must lie in \[0, 1\]"),
    (lambda: beta_pdf(0.5, 0.0, 1.0), r"alpha must be a positive finite number, got 0.0"),
    (lambda: beta_binomial_update(1.0, 1.0, -1, 2), r"successes must be a non-negative integer, got -1"),
    (lambda: beta_binomial_update(1.0, 1.0, 1, 2.5), r"failures must be a non-negative integer"),
    (lambda: beta_binomial_updates(1.0, 1.0, [0, 2]), r"flips must be 0 or 1"),
    (lambda: gaussian_mle([[1.0, 2.0]]), r"x must be a 1-D vector"),
    (lambda: gaussian_mean_map([1.0], 0.0, 0.0, 1.0), r"noise_var must be a positive"),
    (lambda: log_likelihood_gaussian([1.0], 0.0, [1.0, -1.0]), r"var must be positive"),
    (lambda: ridge_regression(np.ones((3, 2)), np.ones(4), 1.0), r"y must have one target per row of X \(3\)"),
    (lambda: ridge_regression(np.ones((3, 2)), np.ones(3), 0.0), r"lam must be a positive"),
    (lambda: linear_regression_mle(np.ones((3, 2)), np.ones(3)), r"X must have full column rank 2"),
    (lambda: neg_log_posterior([0.0], [[1.0]], [1.0], noise_var=1.0, prior="cauchy", prior_scale=1.0),
     r"prior must be 'gaussian' or 'laplace', got 'cauchy'"),
    (lambda: neg_log_posterior([0.0, 1.0], [[1.0]], [1.0], noise_var=1.0, prior="gaussian",
                               prior_scale=1.0), r"w must have one weight per column of X \(1\)"),
    (lambda: multivariate_normal_pdf([0.0, 0.0], [0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]]),
     r"cov must be positive definite"),
    (lambda: multivariate_normal_pdf([0.0, 0.0], [0.0, 0.0], [[1.0, 0.5], [0.0, 1.0]]),
     r"cov must be symmetric"),
    (lambda: multivariate_normal_pdf([0.0, 0.0, 0.0], [0.0, 0.0], np.eye(2)),
     r"x must have shape \(2,\) or \(n, 2\), got \(3,\)"),
    (lambda: multivariate_normal_pdf([0.0], [0.0, 0.0], np.eye(3)), r"cov must be \(2, 2\) to match mean"),
    (lambda: covariance_ellipse([0.0, 0.0, 0.0], np.eye(3)), r"mean must be a 2-D point"),
    (lambda: covariance_ellipse([0.0, 0.0], np.eye(2), n_points=2), r"n_points must be at least 3"),
    (lambda: bernoulli_natural_params(1.0), r"p must lie in \(0, 1\)"),
    (lambda: gaussian_log_partition([1.0, 0.5]), r"eta must be a pair \(eta1, eta2\) with eta2 < 0"),
    (lambda: gaussian_marginal([0.0, 0.0], np.eye(2), keep=2), r"keep must be distinct indices in 0..1"),
    (lambda: gaussian_conditional([0.0, 0.0], np.eye(2), given=[0, 1], value=[1.0, 1.0]),
     r"given must leave at least one coordinate unobserved"),
    (lambda: gaussian_conditional([0.0, 0.0], np.eye(2), given=0, value=[1.0, 2.0]),
     r"value must have one entry per given index \(1\)"),
    (lambda: gaussian_conditional([0.0, 0.0], np.eye(2), given=0.5, value=1.0),
     r"given must be a non-empty list of coordinate indices"),
    (lambda: gamma_pdf(-1.0, 2.0, 1.0), r"x must be non-negative"),
    (lambda: gamma_pdf(1.0, 2.0, 0.0), r"rate must be a positive finite number"),
    (lambda: gamma_poisson_update(1.0, 1.0, [1, -2]), r"counts must be a 1-D list of non-negative integers"),
    (lambda: gamma_poisson_update(1.0, 1.0, [1.5]), r"counts must be a 1-D list of non-negative integers"),
])
def test_bad_input_names_the_argument(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_docstring_examples_run():
    assert doctest.testmod(probability).failed == 0


@pytest.mark.parametrize("k, n", [(0, 5), (3, 10), (7, 20), (12, 12)])
def test_bernoulli_log_likelihood_matches_scipy_and_its_score_is_its_slope(k, n):
    from mathcore.probability import bernoulli_score, log_likelihood_bernoulli
    p = np.linspace(0.02, 0.98, 49)
    flips = np.r_[np.ones(k), np.zeros(n - k)]  # (n,) any order gives the same likelihood
    oracle = stats.bernoulli.logpmf(flips[:, None], p).sum(axis=0)
    np.testing.assert_allclose(log_likelihood_bernoulli(k, n, p), oracle, rtol=1e-12, atol=1e-12)
    h = 1e-6
    slope = (stats.bernoulli.logpmf(flips[:, None], p + h).sum(axis=0)
             - stats.bernoulli.logpmf(flips[:, None], p - h).sum(axis=0)) / (2 * h)
    np.testing.assert_allclose(bernoulli_score(k, n, p), slope, rtol=1e-5, atol=1e-4)


def test_bernoulli_score_vanishes_at_k_over_n_and_rejects_bad_input():
    from mathcore.probability import bernoulli_score, log_likelihood_bernoulli
    assert float(bernoulli_score(7, 20, 7 / 20)) == pytest.approx(0.0, abs=1e-12)
    for bad in [(3, 2, 0.5), (1, 2, 0.0), (1, 2, 1.0), (-1, 2, 0.5)]:
        with pytest.raises(ValueError):
            log_likelihood_bernoulli(*bad)


# --------------------------------------------------------------------------- lesson 08: densities, binomial

@pytest.mark.parametrize("n, p", [(1, 0.3), (10, 0.5), (40, 0.85), (5, 0.0), (5, 1.0)])
def test_binomial_pmf_matches_scipy(n, p):
    np.testing.assert_allclose(probability.binomial_pmf(n, p), stats.binom.pmf(np.arange(n + 1), n, p),
                               atol=1e-12)
    # linearity of expectation: the mean of a sum of n Bernoullis is n p
    mean = probability.expectation(np.arange(n + 1), probability.binomial_pmf(n, p))
    assert mean == pytest.approx(n * p, abs=1e-10)


@pytest.mark.parametrize("x, mean, std", [(0.0, 0.0, 0.2), ([-1.0, 0.5, 2.0], 0.5, 1.5), (3.0, -1.0, 2.0)])
def test_normal_pdf_matches_scipy(x, mean, std):
    np.testing.assert_allclose(probability.normal_pdf(x, mean, std), stats.norm.pdf(x, mean, std),
                               rtol=1e-12)


def test_normal_density_can_exceed_one():
    assert probability.normal_pdf(0.0, 0.0, 0.2) == pytest.approx(1 / (0.2 * np.sqrt(2 * np.pi)), rel=1e-12)
    assert probability.normal_pdf(0.0, 0.0, 0.2) > 1


@pytest.mark.parametrize("a, b, std", [(-0.2, 0.2, 0.2), (0.0, 0.5, 0.2), (-1.0, 3.0, 1.0)])
def test_interval_probability_is_the_cdf_difference(a, b, std):
    area = probability.interval_probability(lambda x: probability.normal_pdf(x, 0.0, std), a, b)
    assert area == pytest.approx(stats.norm.cdf(b, 0, std) - stats.norm.cdf(a, 0, std), abs=1e-6)


def test_interval_probability_refuses_bad_input():
    with pytest.raises(ValueError, match="a <= b"):
        probability.interval_probability(lambda x: np.ones_like(x), 1.0, 0.0)
    with pytest.raises(ValueError, match="non-negative"):
        probability.interval_probability(lambda x: -np.ones_like(x), 0.0, 1.0)
    with pytest.raises(ValueError, match="p must lie"):
        probability.binomial_pmf(3, 1.5)
