"""Lesson 18's numbers on screen equal an independent oracle (closed forms, SciPy)."""

from __future__ import annotations


import numpy as np
import pytest
from scipy.spatial.distance import jensenshannon
from scipy.special import expit, logit
from scipy.stats import norm

from exercise_checks import assert_shows
from scene_modules import exercises_for, load_scene_module



@pytest.fixture(scope="module")
def l18():
    return load_scene_module("l18_generative_models")


def test_elbo_terms_match_the_closed_form(l18):
    x, s2 = l18.X_DATA, l18.DECODER_VAR
    mu, sigma = l18.ENCODER_MU, l18.ENCODER_SIGMA
    # E_{z ~ N(mu, sigma^2)}[log N(x; z, s2)] in closed form
    reconstruction = -0.5 * ((x - mu) ** 2 + sigma**2) / s2 - 0.5 * np.log(2 * np.pi * s2)
    kl = 0.5 * (sigma**2 + mu**2 - 1 - np.log(sigma**2))
    np.testing.assert_allclose(l18.RECONSTRUCTION, reconstruction, atol=1e-10)
    np.testing.assert_allclose(l18.KL_TERM, kl, atol=1e-12)
    np.testing.assert_allclose(l18.ELBO, reconstruction - kl, atol=1e-10)


def test_elbo_is_a_lower_bound_tight_at_the_posterior(l18):
    log_px = norm.logpdf(l18.X_DATA, loc=0.0, scale=np.sqrt(1 + l18.DECODER_VAR))
    np.testing.assert_allclose(l18.LOG_EVIDENCE, log_px, atol=1e-10)
    assert np.all(l18.ELBO <= log_px + 1e-10)
    assert np.argmax(l18.ELBO) == np.argmin(np.abs(l18.ENCODER_S - 1.0))
    assert l18.PRIOR_KL == 0.0 and l18.KL_TERM[0] == pytest.approx(0.0, abs=1e-12)


def test_gan_optimal_discriminator_and_value(l18):
    for p_g, d_star, value, jsd in zip(l18.P_GEN, l18.D_STAR, l18.GAN_VALUES, l18.GAN_JSD):
        expected_d = l18.P_DATA / (l18.P_DATA + p_g)
        np.testing.assert_allclose(d_star, expected_d, atol=1e-12)
        expected_v = np.sum(l18.P_DATA * np.log(expected_d)) + np.sum(p_g * np.log(1 - expected_d))
        assert value == pytest.approx(expected_v, abs=1e-9)
        js = jensenshannon(l18.P_DATA, p_g) ** 2  # scipy returns the distance, natural log
        assert jsd == pytest.approx(js, abs=1e-9)
        assert value == pytest.approx(-np.log(4) + 2 * js, abs=1e-9)
    assert l18.MINUS_LOG_4 == pytest.approx(-np.log(4), abs=1e-12)
    assert l18.GAN_VALUES[-1] == pytest.approx(-np.log(4), abs=1e-9)
    assert np.all(np.isfinite(l18.GAN_VALUES))


def test_ddpm_schedule(l18):
    betas = np.linspace(1e-4, 0.02, 1000)
    np.testing.assert_allclose(l18.BETAS, betas, atol=1e-15)
    alpha_bars = np.array([np.prod(1 - betas[: t + 1]) for t in range(1000)])
    np.testing.assert_allclose(l18.ALPHA_BARS, alpha_bars, rtol=1e-10)
    np.testing.assert_allclose(l18.SIGNAL**2 + l18.NOISE_SCALE**2, 1.0, atol=1e-12)
    assert abs(alpha_bars[l18.HALF_STEP] - 0.5) == np.min(np.abs(alpha_bars - 0.5))
    f = np.cos((np.arange(1001) / 1000 + 0.008) / 1.008 * np.pi / 2) ** 2
    np.testing.assert_allclose(l18.COSINE_ALPHA_BARS,
                               np.cumprod(1 - np.minimum(1 - f[1:] / f[:-1], 0.999)), rtol=1e-9)


def test_diffusion_cloud_is_q_sample(l18):
    for t, frame in zip(l18.SHOWN_STEPS, l18.CLOUD):
        ab = np.prod(1 - np.linspace(1e-4, 0.02, 1000)[: t + 1])
        np.testing.assert_allclose(frame, np.sqrt(ab) * l18.X0 + np.sqrt(1 - ab) * l18.EPSILON,
                                   atol=1e-10)
    assert l18.SHOWN_STEPS[0] == 0 and l18.SHOWN_STEPS[-1] == 999


def test_noising_stops_where_the_narration_says(l18):
    # 0-based indices of the steps t = 50, 250, 500, 1000 the readout shows (t = index + 1)
    assert [int(s) + 1 for s in l18.STOP_STEPS] == [50, 250, 500, 1000]
    assert set(l18.STOP_STEPS) <= set(l18.SHOWN_STEPS.tolist())
    betas = np.linspace(1e-4, 0.02, 1000)
    alpha_bar = lambda t: np.prod(1 - betas[:t])  # after t steps
    assert alpha_bar(50) > 0.9  # "still close to one"
    assert alpha_bar(250) == pytest.approx(0.5, abs=0.05)  # "half the variance is noise"
    assert alpha_bar(500) < 0.1  # "below a tenth"
    assert alpha_bar(1000) < 1e-4  # "practically zero"


def test_exercises_against_oracle():
    disc_ex, gan_ex, schedule_ex = exercises_for(18)
    d = gan_ex.inputs["d_fake"]
    a, h = logit(d), 1e-6  # the discriminator's logit: D = sigmoid(a)
    slope = {  # central differences through the sigmoid, never the formula
        "saturating": (np.log1p(-expit(a + h)) - np.log1p(-expit(a - h))) / (2 * h),
        "non_saturating": (-np.log(expit(a + h)) + np.log(expit(a - h))) / (2 * h),
    }
    for name, oracle in slope.items():
        assert gan_ex.answers[name] == pytest.approx(oracle, abs=1e-8)
        assert_shows(gan_ex.answer, gan_ex.answers[name], 2, trailing_zeros=True)
    assert_shows(gan_ex.answer, slope["non_saturating"] / slope["saturating"], 0)

    T, beta = schedule_ex.inputs["T"], schedule_ex.inputs["beta"]
    assert schedule_ex.answers["alpha_bar"] == pytest.approx((1 - beta) ** T, abs=1e-12)
    assert_shows(schedule_ex.answer, schedule_ex.answers["alpha_bar"], 4, trailing_zeros=True)

    p_data, p_g = disc_ex.inputs["p_data"], disc_ex.inputs["p_g"]
    assert disc_ex.answers["d_star"] == pytest.approx(p_data / (p_data + p_g), abs=1e-12)
    assert_shows(disc_ex.answer, disc_ex.answers["d_star"], 3, trailing_zeros=True)
