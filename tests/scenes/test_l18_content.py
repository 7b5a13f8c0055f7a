"""Lesson 18's new numbers (reparameterisation, the generator's losses, the reverse process)
against independent oracles: closed forms, SciPy, NumPy written out."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.integrate import trapezoid
from scipy.special import expit, logit
from scipy.stats import norm

from scene_modules import load_scene_module


@pytest.fixture(scope="module")
def l18():
    return load_scene_module("l18_generative_models")


def test_the_opening_integral_is_the_evidence(l18):
    # p(x) for z ~ N(0, 1), x | z ~ N(z, 0.25) is N(x; 0, 1.25)
    expected = norm(0, np.sqrt(1 + l18.DECODER_VAR)).pdf(l18.X_DATA)
    assert l18.EVIDENCE == pytest.approx(expected, rel=1e-9)
    assert trapezoid(l18.INTEGRAND, np.linspace(-3.5, 3.5, 281)) == pytest.approx(expected,
                                                                                 rel=1e-3)


def test_the_opening_scores_separate_real_from_fake(l18):
    assert np.all(l18.REAL_SCORES > 0.9) and np.all(l18.FAKE_SCORES < 0.1)


def test_one_draw_gradients_are_the_chain_rule_by_hand(l18):
    mu, sigma, eps, x, v = l18.REPARAM_MU, l18.REPARAM_SIGMA, l18.EPS_ONE, l18.X_DATA, 0.25
    z = mu + sigma * eps
    assert l18.GRAD_MU_ONE == pytest.approx((z - x) / v, rel=1e-12)
    assert l18.GRAD_SIGMA_ONE == pytest.approx((z - x) / v * eps, rel=1e-12)


def test_averaged_gradients_approach_the_exact_ones(l18):
    # exact: d/dmu and d/dsigma of ((x - mu)^2 + sigma^2) / (2 * 0.25)
    assert l18.GRAD_MU_EXACT == pytest.approx(2 * (l18.REPARAM_MU - l18.X_DATA) / 0.5)
    assert l18.GRAD_SIGMA_EXACT == pytest.approx(2 * l18.REPARAM_SIGMA / 0.5)
    n = len(l18.MANY_EPS)
    # within four standard errors of the Monte Carlo mean
    se_mu = l18.REPARAM_SIGMA / 0.25 / np.sqrt(n)
    assert abs(l18.GRAD_MU_MC - l18.GRAD_MU_EXACT) < 4 * se_mu
    assert abs(l18.GRAD_SIGMA_MC - l18.GRAD_SIGMA_EXACT) < 4 * 3 * se_mu


def test_the_caught_fakes_slopes(l18):
    a = logit(l18.D_CAUGHT)
    h = 1e-6
    sat = lambda a: np.log(1 - expit(a))
    ns = lambda a: -np.log(expit(a))
    assert l18.CAUGHT_SAT == pytest.approx((sat(a + h) - sat(a - h)) / (2 * h), abs=1e-6)
    assert l18.CAUGHT_NS == pytest.approx((ns(a + h) - ns(a - h)) / (2 * h), abs=1e-6)
    # "forty nine times the push", as narrated
    assert round(l18.CAUGHT_NS / l18.CAUGHT_SAT) == 49


def test_the_generator_loss_curves(l18):
    np.testing.assert_allclose(l18.SATURATING.losses, np.log(1 - l18.D_GRID), rtol=1e-12)
    np.testing.assert_allclose(l18.NON_SATURATING.losses, -np.log(l18.D_GRID), rtol=1e-12)


def test_the_worked_epsilon_loss(l18):
    assert l18.EX_LOSS == pytest.approx(np.sum((l18.EX_EPS - l18.EX_PRED) ** 2), rel=1e-12)
    assert 0 < l18.EX_LOSS  # the ideal prediction is an average, not the draw


def test_the_worked_reverse_step_by_hand(l18):
    t = l18.EX_STEP
    betas = np.linspace(1e-4, 0.02, 1000)
    ab = np.prod(1 - betas[:t + 1])
    mean = (l18.EX_XT - betas[t] / np.sqrt(1 - ab) * l18.EX_PRED) / np.sqrt(1 - betas[t])
    np.testing.assert_allclose(l18.EX_STEP_OUT.sample, mean + np.sqrt(betas[t]) * l18.EX_Z,
                               rtol=1e-10)
    assert l18.EX_STEP_OUT.std == pytest.approx(np.sqrt(betas[t]))


def test_the_reverse_film_ends_on_the_training_points(l18):
    assert l18.REVERSE_SHOWN[0] == 1000 and l18.REVERSE_SHOWN[-1] == 0
    assert l18.REVERSE_NEAREST < 1e-3  # "each sample lands on a training point"
    # and it starts as a standard normal cloud
    start = l18.REVERSE_CLOUD[0]
    assert abs(start.mean()) < 0.2 and abs(start.std() - 1) < 0.15
