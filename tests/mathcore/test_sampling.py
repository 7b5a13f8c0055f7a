"""mathcore.sampling: convergence where theory promises it, with fixed seeds and stated tolerances."""

import doctest

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.stats import kstest, norm

from mathcore import sampling
from mathcore.sampling import (
    gibbs_bivariate_normal, metropolis_hastings, monte_carlo_estimate, reparam_gradient_estimate,
    reparameterize, score_function_gradient_estimate,
)

SETTINGS = settings(max_examples=50, deadline=None)


def batch_means_se(x, n_batches=50):
    """Standard error of the mean of an autocorrelated chain, by batch means."""
    batches = np.array_split(np.asarray(x), n_batches)
    return np.std([b.mean() for b in batches], ddof=1) / np.sqrt(n_batches)


# ---------------------------------------------------------------- Monte Carlo

@SETTINGS
@given(arrays(np.float64, st.integers(2, 60), elements=st.floats(-1e3, 1e3)))
def test_monte_carlo_history_matches_numpy_on_every_prefix(data):
    result = monte_carlo_estimate(lambda x: x, lambda rng, n: data, len(data), rng=0)
    for k in range(2, len(data) + 1):
        assert result.running_mean[k - 1] == pytest.approx(data[:k].mean(), rel=1e-9, abs=1e-9)
        expected_se = data[:k].std(ddof=1) / np.sqrt(k)
        assert result.running_se[k - 1] == pytest.approx(expected_se, rel=1e-7, abs=1e-9)
    assert np.isnan(result.running_se[0])
    assert result.estimate == result.running_mean[-1]


def test_monte_carlo_error_shrinks_like_one_over_sqrt_n():
    # E[U^2] = 1/3 and sd(U^2) = sqrt(1/5 - 1/9) for U ~ Uniform(0, 1)
    result = monte_carlo_estimate(lambda u: u**2, lambda rng, n: rng.uniform(size=n), 40_000, rng=7)
    sd = np.sqrt(1 / 5 - 1 / 9)
    assert abs(result.estimate - 1 / 3) < 4 * result.standard_error
    for k in (1_000, 10_000, 40_000):
        assert result.running_se[k - 1] * np.sqrt(k) == pytest.approx(sd, rel=0.05)


def test_monte_carlo_intervals_cover_the_truth_about_95_percent_of_the_time():
    rng = np.random.default_rng(11)
    hits = 0
    for _ in range(400):
        r = monte_carlo_estimate(np.exp, lambda g, n: g.standard_normal(n), 200, rng=rng)
        hits += abs(r.estimate - np.exp(0.5)) < 1.96 * r.standard_error
    assert 0.88 < hits / 400 < 0.99


def test_monte_carlo_works_on_vector_draws():
    # fraction of the square inside the unit disc -> pi / 4
    result = monte_carlo_estimate(lambda xy: (xy**2).sum(axis=1) <= 1,
                                  lambda rng, n: rng.uniform(-1, 1, (n, 2)), 20_000, rng=2)
    assert abs(result.estimate - np.pi / 4) < 4 * result.standard_error


# --------------------------------------------------------- Metropolis-Hastings

def test_mh_recovers_the_mean_and_variance_of_a_gaussian_target():
    m, s = 3.0, 2.0
    chain = metropolis_hastings(lambda x: -0.5 * ((x[0] - m) / s) ** 2, [0.0], 40_000,
                                step=2.4 * s, rng=42)
    x = chain.samples[2_000:, 0]  # drop the burn-in
    assert abs(x.mean() - m) < 4 * batch_means_se(x)
    assert abs(x.var() - s**2) < 4 * batch_means_se((x - m) ** 2)


@pytest.mark.parametrize("step", [0.5, 2.4, 6.0])
def test_mh_acceptance_rate_matches_the_closed_form(step):
    """For a N(0, 1) target, E[min(1, pi(x')/pi(x))] = (2 / pi) arctan(2 / step)."""
    chain = metropolis_hastings(lambda x: -0.5 * x @ x, [0.0], 40_000, step=step, rng=5)
    assert chain.acceptance_rate == pytest.approx(2 / np.pi * np.arctan(2 / step), abs=0.015)


def test_mh_on_a_correlated_2d_gaussian():
    cov = np.array([[1.0, 0.8], [0.8, 1.0]])
    precision = np.linalg.inv(cov)
    chain = metropolis_hastings(lambda x: -0.5 * x @ precision @ x, [1.0, -1.0], 30_000,
                                step=1.0, rng=3)
    np.testing.assert_allclose(np.cov(chain.samples[1_000:].T), cov, atol=0.1)


def test_mh_history_is_consistent():
    log_prob = lambda x: -0.5 * x @ x  # noqa: E731
    chain = metropolis_hastings(log_prob, [0.5, 0.5], 500, step=1.0, rng=9)
    previous = chain.x0
    for sample, proposal, accepted, lp in zip(chain.samples, chain.proposals, chain.accepted,
                                              chain.log_probs):
        np.testing.assert_array_equal(sample, proposal if accepted else previous)
        assert lp == pytest.approx(log_prob(sample))
        previous = sample
    assert chain.acceptance_rate == chain.accepted.mean()
    again = metropolis_hastings(log_prob, [0.5, 0.5], 500, step=1.0, rng=9)
    np.testing.assert_array_equal(chain.samples, again.samples)


def test_mh_never_leaves_the_support():
    log_prob = lambda x: 0.0 if 0 <= x[0] <= 1 else -np.inf  # noqa: E731
    chain = metropolis_hastings(log_prob, 0.5, 20_000, step=0.5, rng=1)
    x = chain.samples[:, 0]
    assert x.min() >= 0 and x.max() <= 1
    assert abs(x.mean() - 0.5) < 4 * batch_means_se(x)


# ------------------------------------------------------------------ Gibbs

@settings(max_examples=20, deadline=None)
@given(st.floats(-0.9, 0.9))
def test_gibbs_sample_correlation_is_rho(rho):
    chain = gibbs_bivariate_normal(rho, 20_000, rng=0)
    assert chain.samples.shape == (20_000, 2)
    assert np.corrcoef(chain.samples.T)[0, 1] == pytest.approx(rho, abs=0.05)
    np.testing.assert_allclose(chain.samples.var(axis=0), 1.0, atol=0.1)


def test_gibbs_moves_one_coordinate_at_a_time_with_the_right_conditional():
    rho = 0.7
    chain = gibbs_bivariate_normal(rho, 20_000, rng=4, x0=(2.0, -1.0))
    steps = np.diff(chain.path, axis=0)
    np.testing.assert_array_equal(chain.path[0], [2.0, -1.0])
    assert np.all(steps[0::2, 1] == 0) and np.all(steps[1::2, 0] == 0)
    np.testing.assert_array_equal(chain.samples, chain.path[2::2])
    # x_i | y_{i-1} ~ N(rho y, 1 - rho^2): regress the new x on the old y
    y_old, x_new = chain.path[0:-1:2, 1], chain.path[1::2, 0]
    slope, intercept = np.polyfit(y_old, x_new, 1)
    assert slope == pytest.approx(rho, abs=0.02) and abs(intercept) < 0.03
    residual = x_new - slope * y_old - intercept
    assert residual.var() == pytest.approx(1 - rho**2, rel=0.05)


# ------------------------------------------------- reparameterization trick

@SETTINGS
@given(arrays(np.float64, 4, elements=st.floats(-5, 5)),
       arrays(np.float64, 4, elements=st.floats(-4, 4)),
       arrays(np.float64, 4, elements=st.floats(-3, 3)))
def test_reparameterize_is_mu_plus_sigma_eps(mu, log_var, eps):
    np.testing.assert_allclose(reparameterize(mu, log_var, eps), mu + np.sqrt(np.exp(log_var)) * eps,
                               rtol=1e-12, atol=1e-12)


def test_reparameterized_samples_are_gaussian_with_the_right_parameters():
    eps = np.random.default_rng(0).standard_normal(5_000)
    z = reparameterize(1.5, np.log(0.25), eps)
    assert kstest(z, norm(loc=1.5, scale=0.5).cdf).pvalue > 0.01
    assert reparameterize([0.0, 1.0], 0.0, np.zeros((3, 2))).shape == (3, 2)


def _closed_form_gradient(expr, mu_value, log_var_value):
    mu, lv = sp.symbols("mu lv")
    e = expr(mu, lv)
    return np.array([float(sp.diff(e, v).subs({mu: mu_value, lv: log_var_value})) for v in (mu, lv)])


CASES = [  # f, f', E[f(z)] for z ~ N(mu, exp(lv)) as a SymPy expression
    (np.sin, np.cos, lambda mu, lv: sp.sin(mu) * sp.exp(-sp.exp(lv) / 2)),
    (lambda z: z**2, lambda z: 2 * z, lambda mu, lv: mu**2 + sp.exp(lv)),
    (lambda z: z**3, lambda z: 3 * z**2, lambda mu, lv: mu**3 + 3 * mu * sp.exp(lv)),
]


@pytest.mark.parametrize("f, df, expectation", CASES)
@pytest.mark.parametrize("mu, log_var", [(0.3, -1.0), (1.0, 0.5)])
def test_both_gradient_estimators_agree_with_the_closed_form(f, df, expectation, mu, log_var):
    exact = _closed_form_gradient(expectation, mu, log_var)
    pathwise = reparam_gradient_estimate(df, mu, log_var, 50_000, rng=1)
    score = score_function_gradient_estimate(f, mu, log_var, 50_000, rng=2)
    for est in (pathwise, score):
        assert est.per_sample.shape == (50_000, 2)
        assert np.all(np.abs(est.grad - exact) < 5 * est.standard_error + 1e-12)


def test_pathwise_gradient_has_much_lower_variance_than_the_score_function():
    pathwise = reparam_gradient_estimate(lambda z: 2 * z, 1.0, 0.0, 20_000, rng=3)
    score = score_function_gradient_estimate(lambda z: z**2, 1.0, 0.0, 20_000, rng=3)
    assert np.all(pathwise.standard_error < 0.5 * score.standard_error)


# ------------------------------------------------------------------ errors

@pytest.mark.parametrize("call, match", [
    (lambda: monte_carlo_estimate(lambda x: x, lambda r, n: r.uniform(size=n), 0, rng=0),
     r"n must be a positive integer, got 0"),
    (lambda: monte_carlo_estimate(lambda x: x[:3], lambda r, n: r.uniform(size=n), 5, rng=0),
     r"f\(samples\) must return one value per draw, shape \(5,\), got shape \(3,\)"),
    (lambda: monte_carlo_estimate(lambda x: x, lambda r, n: r.uniform(size=n), 5, rng="seed"),
     r"rng must be a numpy Generator"),
    (lambda: metropolis_hastings(lambda x: 0.0, [0.0], 10, step=0.0, rng=0),
     r"step must be a positive finite number, got 0.0"),
    (lambda: metropolis_hastings(lambda x: 0.0, [[0.0]], 10, step=1.0, rng=0),
     r"x0 must be a scalar or a 1-D vector, got shape \(1, 1\)"),
    (lambda: metropolis_hastings(lambda x: -np.inf, [0.0], 10, step=1.0, rng=0),
     r"x0 must have a finite log_prob"),
    (lambda: metropolis_hastings(lambda x: np.nan, [0.0], 10, step=1.0, rng=0),
     r"log_prob must return a finite number or -inf, got nan"),
    (lambda: metropolis_hastings(lambda x: 0.0, [np.inf], 10, step=1.0, rng=0), r"x0 must be finite"),
    (lambda: metropolis_hastings(lambda x: np.zeros(2), [0.0], 10, step=1.0, rng=0),
     r"log_prob must return a single number, got shape \(2,\)"),
    (lambda: gibbs_bivariate_normal(1.0, 10, rng=0), r"rho must be a correlation strictly inside"),
    (lambda: gibbs_bivariate_normal(-1.5, 10, rng=0), r"inside \(-1, 1\), got -1.5"),
    (lambda: gibbs_bivariate_normal(0.5, 10, rng=0, x0=(1.0, 2.0, 3.0)), r"x0 must be a point"),
    (lambda: gibbs_bivariate_normal(0.5, -3, rng=0), r"n_samples must be a positive integer"),
    (lambda: reparameterize([0.0, 0.0], [0.0, 0.0, 0.0], 0.0), r"must broadcast together"),
    (lambda: reparameterize(0.0, np.nan, 0.0), r"log_var must be finite"),
    (lambda: reparam_gradient_estimate(np.cos, [0.0, 1.0], 0.0, 10, rng=0), r"mu must be a scalar"),
    (lambda: score_function_gradient_estimate(lambda z: z[:2], 0.0, 0.0, 10, rng=0),
     r"f\(z\) must return one value per draw"),
])
def test_bad_input_names_the_argument(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_docstring_examples_run():
    assert doctest.testmod(sampling).failed == 0
