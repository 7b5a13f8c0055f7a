"""mathcore.generative against closed forms, scipy quadrature and scipy's Jensen-Shannon."""

import doctest
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.integrate import quad
from scipy.spatial.distance import jensenshannon
from scipy.stats import norm

from mathcore import generative
from mathcore.generative import (
    cosine_schedule, ddpm_schedule, elbo_terms, forward_process, gan_value, gaussian_kl,
    optimal_discriminator, q_sample,
)

SETTINGS = settings(max_examples=80, deadline=None)


@SETTINGS
@given(st.integers(2, 2000), st.floats(1e-5, 0.05), st.floats(0.0, 0.5))
def test_ddpm_schedule_is_linear_and_alpha_bars_decrease_inside_0_1(T, beta_start, spread):
    beta_end = beta_start + spread
    betas, alphas, alpha_bars = ddpm_schedule(T, beta_start, beta_end)
    t = np.arange(T)
    np.testing.assert_allclose(betas, beta_start + (beta_end - beta_start) * t / (T - 1),
                               rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(alphas, 1.0 - betas, rtol=0, atol=0)
    np.testing.assert_allclose(alpha_bars, np.exp(np.cumsum(np.log1p(-betas))), rtol=1e-9)
    assert np.all(np.diff(alpha_bars) < 0)
    assert np.all((alpha_bars > 0) & (alpha_bars < 1))


def test_ddpm_default_schedule_ends_near_pure_noise():
    _, _, alpha_bars = ddpm_schedule(1000)
    # closed form for the linear schedule: log ab_T = sum_t log(1 - beta_t)
    expected = np.exp(sum(np.log(1 - (1e-4 + (0.02 - 1e-4) * t / 999)) for t in range(1000)))
    assert alpha_bars[-1] == pytest.approx(expected, rel=1e-9)
    assert 3e-5 < alpha_bars[-1] < 5e-5


@SETTINGS
@given(st.integers(2, 1000))
def test_cosine_schedule_follows_the_squared_cosine(T):
    betas, alphas, alpha_bars = cosine_schedule(T)
    s = 0.008
    f = np.cos((np.arange(T + 1) / T + s) / (1 + s) * np.pi / 2) ** 2
    unclipped = betas < 0.999
    np.testing.assert_allclose(alpha_bars[:-1], (f[1:] / f[0])[:-1], rtol=1e-9)
    assert np.all(betas <= 0.999) and unclipped[:-1].all()
    np.testing.assert_allclose(alphas, 1 - betas)
    assert np.all(np.diff(alpha_bars) < 0)


@SETTINGS
@given(arrays(np.float64, (5, 3), elements=st.floats(-3, 3)),
       arrays(np.float64, (5, 3), elements=st.floats(-3, 3)),
       arrays(np.int64, 5, elements=st.integers(0, 99)))
def test_q_sample_matches_the_closed_form_per_row(x0, noise, t):
    _, _, alpha_bars = ddpm_schedule(100)
    got = q_sample(x0, t, noise, alpha_bars)
    for i in range(5):
        ab = np.prod(1 - np.linspace(1e-4, 0.02, 100)[: t[i] + 1])
        np.testing.assert_allclose(got[i], np.sqrt(ab) * x0[i] + np.sqrt(1 - ab) * noise[i],
                                   rtol=1e-9, atol=1e-12)


def test_q_sample_has_the_promised_marginal():
    rng = np.random.default_rng(0)
    _, _, alpha_bars = ddpm_schedule(50)
    n, t, x0 = 200_000, 30, 2.0
    xt = q_sample(np.full(n, x0), t, rng.standard_normal(n), alpha_bars)
    mean, var = np.sqrt(alpha_bars[t]) * x0, 1 - alpha_bars[t]
    assert abs(xt.mean() - mean) < 4 * np.sqrt(var / n)
    assert xt.var() == pytest.approx(var, rel=0.02)


def test_forward_process_marginals_match_q_sample():
    betas, _, alpha_bars = ddpm_schedule(40, 1e-3, 0.1)
    n, x0 = 50_000, 1.5
    result = forward_process(np.full(n, x0), betas, rng=1)
    assert result.xs.shape == (41, n) and result.noises.shape == (40, n)
    np.testing.assert_array_equal(result.xs[0], x0)
    for t in (0, 19, 39):
        xt = result.xs[t + 1]
        mean, var = np.sqrt(alpha_bars[t]) * x0, 1 - alpha_bars[t]
        assert abs(xt.mean() - mean) < 4 * np.sqrt(var / n)
        assert xt.var() == pytest.approx(var, rel=0.03)
    again = forward_process(np.full(n, x0), betas, rng=1)
    np.testing.assert_array_equal(result.xs, again.xs)


def _kl_by_quadrature(mu, logvar):
    sigma = np.exp(logvar / 2)

    def integrand(z):  # q(z) log(q(z) / p(z)) with q = N(mu, sigma^2), p = N(0, 1)
        log_q = -0.5 * ((z - mu) / sigma) ** 2 - math.log(sigma * math.sqrt(2 * math.pi))
        log_p = -0.5 * z * z - math.log(math.sqrt(2 * math.pi))
        return math.exp(log_q) * (log_q - log_p)

    return quad(integrand, mu - 30 * sigma, mu + 30 * sigma, limit=200)[0]


@settings(max_examples=50, deadline=None)
@given(arrays(np.float64, 3, elements=st.floats(-3, 3)),
       arrays(np.float64, 3, elements=st.floats(-3, 2)))
def test_gaussian_kl_matches_numerical_integration(mu, logvar):
    expected = sum(_kl_by_quadrature(m, lv) for m, lv in zip(mu, logvar))
    assert gaussian_kl(mu, logvar) == pytest.approx(expected, rel=1e-6, abs=1e-8)


def test_gaussian_kl_sums_over_the_last_axis_only():
    mu = np.array([[0.0, 0.0], [1.0, 2.0]])
    logvar = np.array([[0.0, 0.0], [0.0, np.log(4.0)]])
    # per row: 0; and 0.5 * (1 + 1 - 1 - 0) + 0.5 * (4 + 4 - 1 - log 4)
    np.testing.assert_allclose(gaussian_kl(mu, logvar), [0.0, 0.5 + 0.5 * (7 - np.log(4))])


@SETTINGS
@given(arrays(np.float64, (4, 3), elements=st.floats(-5, 5)),
       arrays(np.float64, (4, 3), elements=st.floats(-5, 5)),
       st.floats(0.01, 10.0))
def test_elbo_reconstruction_is_the_gaussian_log_likelihood(x, x_mean, var):
    mu, logvar = np.zeros((4, 2)), np.zeros((4, 2))
    terms = elbo_terms(x, x_mean, mu, logvar, decoder_var=var)
    expected = norm.logpdf(x, x_mean, np.sqrt(var)).sum(axis=-1)
    np.testing.assert_allclose(terms.reconstruction, expected, rtol=1e-10)
    np.testing.assert_allclose(terms.elbo, expected - terms.kl, rtol=1e-10)


@pytest.mark.parametrize("x", [-1.0, 0.3, 2.5])
def test_elbo_is_tight_at_the_true_posterior_and_loose_elsewhere(x):
    """z ~ N(0, 1), x | z ~ N(z, s2): log p(x) = log N(x; 0, 1 + s2), posterior known."""
    s2, n = 0.5, 200_000
    rng = np.random.default_rng(3)
    log_px = norm.logpdf(x, 0, np.sqrt(1 + s2))

    def mean_elbo(mu, var):
        z = mu + np.sqrt(var) * rng.standard_normal((n, 1))
        terms = elbo_terms(np.full((n, 1), x), z, np.full((n, 1), mu),
                           np.full((n, 1), np.log(var)), decoder_var=s2)
        return terms.elbo.mean(), terms.elbo.std() / np.sqrt(n)

    tight, se = mean_elbo(x / (1 + s2), s2 / (1 + s2))
    assert abs(tight - log_px) < 5 * se
    loose, _ = mean_elbo(0.0, 1.0)
    assert loose < log_px - 0.05


@SETTINGS
@given(arrays(np.float64, 7, elements=st.floats(0.01, 0.99)),
       arrays(np.float64, 4, elements=st.floats(0.01, 0.99)))
def test_gan_value_is_a_sum_of_sample_means(d_real, d_fake):
    expected = np.mean(np.log(d_real)) + np.mean(np.log(1 - d_fake))
    assert gan_value(d_real, d_fake) == pytest.approx(expected, rel=1e-12)


@st.composite
def distribution_pairs(draw):
    n = draw(st.integers(1, 10))
    pair = []
    for _ in range(2):
        # exact zeros or weights >= 1e-3: D* = p / (p + 1e-131) rounds to exactly 1
        w = draw(arrays(np.float64, n, elements=st.just(0.0) | st.floats(1e-3, 5.0)))
        w[0] = w[0] if w.sum() > 0 else 1.0
        pair.append(w / w.sum())
    return pair


@SETTINGS
@given(distribution_pairs())
def test_value_at_the_optimal_discriminator_is_minus_log4_plus_2_jsd(pair):
    p_data, p_g = pair
    d_star = optimal_discriminator(p_data, p_g)
    value = gan_value(d_star, d_star, p_real=p_data, p_fake=p_g)
    expected = -np.log(4) + 2 * jensenshannon(p_data, p_g) ** 2
    assert value == pytest.approx(expected, rel=1e-9, abs=1e-12)


@SETTINGS
@given(distribution_pairs(), st.data())
def test_no_discriminator_beats_the_optimal_one(pair, data):
    p_data, p_g = pair
    d_other = data.draw(arrays(np.float64, len(p_data), elements=st.floats(0.001, 0.999)))
    d_star = optimal_discriminator(p_data, p_g)
    best = gan_value(d_star, d_star, p_real=p_data, p_fake=p_g)
    assert gan_value(d_other, d_other, p_real=p_data, p_fake=p_g) <= best + 1e-12


def test_optimal_discriminator_closed_form():
    np.testing.assert_allclose(optimal_discriminator([0.6, 0.4, 0.0], [0.2, 0.3, 0.5]),
                               [0.75, 0.4 / 0.7, 0.0])
    assert gan_value([0.5], [0.5]) == pytest.approx(-np.log(4))


@pytest.mark.parametrize("call, match", [
    (lambda: ddpm_schedule(0), r"T must be a positive integer, got 0"),
    (lambda: ddpm_schedule(10, 0.02, 0.01), r"beta_start <= beta_end < 1"),
    (lambda: ddpm_schedule(10, 0.01, 1.5), r"beta_end < 1, got 0.01 and 1.5"),
    (lambda: ddpm_schedule(10, -0.1), r"beta_start must be a positive finite number"),
    (lambda: cosine_schedule(10, max_beta=1.0), r"max_beta must lie in \(0, 1\)"),
    (lambda: q_sample([1.0, 2.0], 0, [0.0], [0.5]), r"noise must have the shape of x0 \(2,\)"),
    (lambda: q_sample([1.0], 3, [0.0], [0.9, 0.8]), r"t must be integer step indices in \[0, 1\]"),
    (lambda: q_sample([1.0], 0.5, [0.0], [0.9]), r"t must be integer step indices"),
    (lambda: q_sample([1.0, 2.0], [0, 1, 0], [0.0, 0.0], [0.9, 0.8]),
     r"t must hold one step per row of x0"),
    (lambda: q_sample([1.0], 0, [0.0], [1.2]), r"alpha_bars must lie in \(0, 1\]"),
    (lambda: q_sample([np.nan], 0, [0.0], [0.5]), r"x0 must be finite"),
    (lambda: forward_process([0.0], [0.5, 1.0], rng=0), r"betas must lie in \(0, 1\)"),
    (lambda: gaussian_kl([0.0, 0.0], [0.0]), r"mu and logvar must have the same shape"),
    (lambda: elbo_terms([0.0], [0.0, 1.0], [0.0], [0.0]), r"x and x_mean must have the same shape"),
    (lambda: elbo_terms([[0.0], [1.0]], [[0.0], [1.0]], [0.0], [0.0]),
     r"x and mu must share their leading shape"),
    (lambda: elbo_terms([0.0], [0.0], [0.0], [0.0], decoder_var=0.0), r"decoder_var must be a positive"),
    (lambda: gan_value([1.2], [0.5]), r"d_real must be discriminator outputs in \[0, 1\]"),
    (lambda: gan_value([0.5], [0.5], p_fake=[0.5, 0.5]), r"p_fake must have one weight per"),
    (lambda: gan_value([0.5, 0.5], [0.5], p_real=[0.9, 0.3]), r"p_real must sum to 1"),
    (lambda: optimal_discriminator([1.0], [0.5, 0.5]), r"p_data and p_g must have the same shape"),
    (lambda: optimal_discriminator([[1.0]], [1.0]), r"p_data must be a 1-D vector"),
])
def test_bad_input_names_the_argument(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_docstring_examples_run():
    assert doctest.testmod(generative).failed == 0


# --------------------------------------------------------------- lesson 18: reparameterisation,
# the generator's losses, the epsilon loss and the reverse step

@SETTINGS
@given(st.floats(-3, 3), st.floats(0.1, 3), st.floats(-3, 3))
def test_reparameterize_is_the_normal_quantile_of_the_same_draw(mu, sigma, eps):
    # z = mu + sigma * eps is the N(mu, sigma^2) quantile at the standard normal's cdf(eps)
    expected = norm(mu, sigma).ppf(norm.cdf(eps))
    assert float(generative.reparameterize(mu, sigma, eps)) == pytest.approx(expected, abs=1e-6)


def test_reparameterize_gradients_are_one_and_eps():
    mu, sigma, eps, h = 0.7, 0.4, -1.3, 1e-6
    z = lambda m, s: float(generative.reparameterize(m, s, eps))
    assert (z(mu + h, sigma) - z(mu - h, sigma)) / (2 * h) == pytest.approx(1.0, abs=1e-6)
    assert (z(mu, sigma + h) - z(mu, sigma - h)) / (2 * h) == pytest.approx(eps, abs=1e-6)


def test_reparameterize_refuses_a_non_positive_sigma():
    with pytest.raises(ValueError, match="sigma"):
        generative.reparameterize(0.0, 0.0, 1.0)


@SETTINGS
@given(arrays(np.float64, 6, elements=st.floats(-6, 6)))
def test_generator_losses_and_their_logit_gradients(logits):
    from scipy.special import expit
    d = expit(logits)
    h = 1e-6
    for non_saturating, loss in ((True, lambda a: -np.log(expit(a))),
                                 (False, lambda a: np.log(1 - expit(a)))):
        out = generative.generator_loss(d, non_saturating=non_saturating)
        np.testing.assert_allclose(out.losses, loss(logits), rtol=1e-9, atol=1e-12)
        numeric = (loss(logits + h) - loss(logits - h)) / (2 * h)
        np.testing.assert_allclose(out.logit_gradients, numeric, atol=1e-5)


def test_the_saturating_gradient_vanishes_where_fakes_are_caught():
    caught = generative.generator_loss([0.01], non_saturating=False).logit_gradients[0]
    kept = generative.generator_loss([0.01]).logit_gradients[0]
    assert abs(caught) == pytest.approx(0.01) and abs(kept) == pytest.approx(0.99)


def test_epsilon_loss_is_the_squared_norm():
    rng = np.random.default_rng(0)
    eps, pred = rng.standard_normal((2, 5, 3))
    np.testing.assert_allclose(generative.epsilon_loss(eps, pred),
                               np.linalg.norm(eps - pred, axis=1) ** 2, rtol=1e-12)


def test_ideal_epsilon_of_one_point_is_the_noise_itself():
    alpha_bars = ddpm_schedule(100).alpha_bars
    x0, eps = np.array([[0.3, -1.2]]), np.array([[0.5, 2.0]])
    x_t = q_sample(x0, 40, eps, alpha_bars)
    np.testing.assert_allclose(generative.ideal_epsilon(x_t, 40, x0, alpha_bars), eps,
                               rtol=1e-10)


def test_ideal_epsilon_weights_the_data_by_their_gaussian_likelihood():
    from scipy.stats import multivariate_normal
    alpha_bars = ddpm_schedule(100).alpha_bars
    data = np.array([[1.0, 0.0], [-1.0, 0.5], [0.2, 2.0]])
    x_t = np.array([[0.4, 0.3]])
    ab = alpha_bars[60]
    like = np.array([multivariate_normal(np.sqrt(ab) * x, (1 - ab) * np.eye(2)).pdf(x_t[0])
                     for x in data])
    x0_mean = like @ data / like.sum()
    expected = (x_t - np.sqrt(ab) * x0_mean) / np.sqrt(1 - ab)
    np.testing.assert_allclose(generative.ideal_epsilon(x_t, 60, data, alpha_bars), expected,
                               rtol=1e-9)


def test_reverse_step_with_the_true_noise_is_the_forward_posterior_mean():
    # q(x_{t-1} | x_t, x_0) has mean sqrt(ab_{t-1}) b_t / (1 - ab_t) x0
    #                               + sqrt(a_t) (1 - ab_{t-1}) / (1 - ab_t) x_t
    betas, alphas, alpha_bars = ddpm_schedule(200)
    x0, eps, t = np.array([0.8, -0.4]), np.array([1.1, 0.3]), 120
    x_t = q_sample(x0, t, eps, alpha_bars)
    posterior = (np.sqrt(alpha_bars[t - 1]) * betas[t] / (1 - alpha_bars[t]) * x0
                 + np.sqrt(alphas[t]) * (1 - alpha_bars[t - 1]) / (1 - alpha_bars[t]) * x_t)
    step = generative.ddpm_reverse_step(x_t, t, eps, np.zeros(2), betas)
    np.testing.assert_allclose(step.mean, posterior, rtol=1e-9)
    assert step.std == pytest.approx(np.sqrt(betas[t]))
    np.testing.assert_allclose(generative.ddpm_reverse_step(x_t, t, eps, np.ones(2), betas).sample,
                               posterior + np.sqrt(betas[t]), rtol=1e-9)


def test_the_last_reverse_step_adds_no_noise():
    step = generative.ddpm_reverse_step([0.5], 0, [0.1], [3.0], [0.01, 0.02])
    assert step.std == 0.0 and step.sample[0] == step.mean[0]
