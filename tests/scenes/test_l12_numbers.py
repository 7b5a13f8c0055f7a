"""The numbers lesson 12 shows on screen, checked against independent oracles.

The scene module computes everything once at import (from mathcore.sampling,
with fixed seeds); these tests import it by path and compare its module-level
constants with NumPy/SciPy and closed forms, with explicit tolerances. The
exercises of the Try-it card are checked the same way.
"""

from __future__ import annotations


import numpy as np
import pytest
from scipy import integrate, stats

from exercise_checks import arrays, assert_shows
from scene_modules import exercises_for, load_scene_module

TOL = 1e-12



@pytest.fixture(scope="module")
def l12():
    return load_scene_module("l12_sampling_and_monte_carlo")


# --------------------------------------------------------------------------- darts for pi

def test_drawn_darts_are_the_ones_averaged(l12):
    inside = np.hypot(l12.DARTS[:, 0], l12.DARTS[:, 1]) <= 1.0
    np.testing.assert_array_equal(l12.PI_MC.values, 4.0 * inside)
    np.testing.assert_array_equal(l12.INSIDE, inside)


def test_pi_estimate_and_standard_error(l12):
    values = 4.0 * l12.INSIDE
    n = len(values)
    assert l12.PI_MC.estimate == pytest.approx(values.mean(), abs=TOL)
    assert l12.PI_MC.standard_error == pytest.approx(values.std(ddof=1) / np.sqrt(n), abs=TOL)
    # the estimate lies within three standard errors of pi (it is shown inside its band)
    assert abs(l12.PI_MC.estimate - np.pi) < 3 * l12.PI_MC.standard_error


def test_running_band_and_checkpoints(l12):
    values = l12.PI_MC.values
    for n, se in zip(l12.SE_CHECKPOINTS, l12.SE_AT):
        assert se == pytest.approx(values[:n].std(ddof=1) / np.sqrt(n), rel=1e-9)
        assert l12.PI_MC.running_mean[n - 1] == pytest.approx(values[:n].mean(), abs=TOL)
    # four times the darts: the error roughly halves (the narration says "only half")
    assert l12.SE_AT[0] / l12.SE_AT[1] == pytest.approx(2.0, abs=0.15)


# --------------------------------------------------------------------------- Metropolis-Hastings

def test_target_is_the_normalised_mixture(l12):
    xs = np.linspace(-4, 4, 9)
    oracle = sum(w * stats.norm.pdf(xs, m, s)
                 for w, m, s in zip(l12.MIX_WEIGHTS, l12.MIX_MEANS, l12.MIX_SDS))
    np.testing.assert_allclose(l12.target_density(xs), oracle, rtol=1e-12)
    area, _ = integrate.quad(lambda x: l12.target_density([x])[0], -np.inf, np.inf)
    assert area == pytest.approx(1.0, abs=1e-8)


def test_chain_follows_the_acceptance_rule(l12):
    current, proposals = l12.MH_CURRENT, l12.MH_PROPOSALS
    ratio = l12.target_density(proposals) / l12.target_density(current)
    # a proposal with a higher density is always taken
    assert np.all(l12.CHAIN.accepted[ratio >= 1])
    # where accepted the chain moved to the proposal, otherwise it stayed
    np.testing.assert_array_equal(
        l12.MH_SAMPLES, np.where(l12.CHAIN.accepted, proposals, current))
    np.testing.assert_allclose(l12.MH_RATIOS, ratio[: l12.N_SLOW_STEPS], rtol=1e-9)
    assert l12.MH_ACCEPT_RATE == pytest.approx(l12.CHAIN.accepted.mean(), abs=TOL)


def test_histogram_counts_and_fit(l12):
    counts, _ = np.histogram(l12.MH_SAMPLES, bins=l12.HIST_EDGES)
    np.testing.assert_array_equal(l12.HIST_COUNTS[-1], counts)
    k = 1000
    np.testing.assert_array_equal(l12.HIST_COUNTS[k],
                                  np.histogram(l12.MH_SAMPLES[:k], bins=l12.HIST_EDGES)[0])
    # after the whole chain, the histogram's mean is near the mixture's mean
    mixture_mean = float(l12.MIX_WEIGHTS @ l12.MIX_MEANS)
    assert l12.MH_SAMPLES.mean() == pytest.approx(mixture_mean, abs=0.25)


# --------------------------------------------------------------------------- Gibbs

def test_gibbs_staircase_moves_one_coordinate_at_a_time(l12):
    steps = np.diff(l12.GIBBS.path, axis=0)  # (2n, 2)
    assert np.all(steps[0::2, 1] == 0)  # x moves, y fixed
    assert np.all(steps[1::2, 0] == 0)  # y moves, x fixed
    np.testing.assert_array_equal(l12.GIBBS.path[0], l12.GIBBS_X0)


def test_gibbs_correlation_and_conditionals(l12):
    assert l12.SAMPLE_CORR == pytest.approx(np.corrcoef(l12.GIBBS.samples.T)[0, 1], abs=TOL)
    assert l12.SAMPLE_CORR == pytest.approx(l12.RHO, abs=0.06)
    y0 = l12.GIBBS.path[0, 1]
    oracle = stats.norm.pdf(l12.COND_GRID, l12.RHO * y0, np.sqrt(1 - l12.RHO**2))
    np.testing.assert_allclose(l12.COND_X_GIVEN_Y, oracle, rtol=1e-10)


def test_contours_are_mahalanobis_circles(l12):
    inv = np.linalg.inv(l12.GIBBS_COV)
    for k, ellipse in zip((1.0, 2.0, 3.0), l12.GIBBS_ELLIPSES):
        d2 = np.einsum("ni,ij,nj->n", ellipse.points, inv, ellipse.points)
        np.testing.assert_allclose(d2, k**2, rtol=1e-9)


# --------------------------------------------------------------------------- reparameterization

def test_reparameterized_keyframes(l12):
    for (mu, sigma), zs in zip(l12.REPARAM_KEYFRAMES, l12.Z_KEYFRAMES):
        np.testing.assert_allclose(zs, mu + sigma * l12.EPS, atol=TOL)


def test_gradient_estimates_match_the_exact_gradient(l12):
    # E[z^2] = mu^2 + sigma^2, so d/dmu = 2 mu = 2 at mu = 1, sigma = 1
    assert l12.EXACT_GRAD_MU == 2.0
    for estimate in (l12.PATHWISE, l12.SCORE):
        g, se = estimate.grad[0], estimate.standard_error[0]
        assert abs(g - 2.0) < 3 * se
    # pathwise per-sample gradients are 2 z, with z = 1 + eps
    eps = np.random.default_rng(l12.SEED + 4).standard_normal(l12.N_GRAD)
    np.testing.assert_allclose(l12.PATHWISE.per_sample[:, 0], 2 * (1 + eps), atol=1e-12)
    np.testing.assert_allclose(l12.SCORE.per_sample[:, 0], (1 + eps) ** 2 * eps, atol=1e-12)
    assert l12.SE_RATIO > 2  # the narration: a much wider error bar


# --------------------------------------------------------------------------- exercises

def test_exercises():
    mc, mh, rep = exercises_for(12)
    (draws,) = arrays(mc.inputs, "draws")
    assert len(draws) == 4
    assert mc.answers["estimate"] == pytest.approx((draws**2).mean(), abs=1e-12)
    assert mc.answers["standard_error"] == pytest.approx((draws**2).std(ddof=1) / 2, abs=1e-12)
    assert_shows(mc.answer, [mc.answers["estimate"], mc.answers["standard_error"]], 3)

    p_x, p_new, q_fwd, q_back = (mh.inputs[name] for name in
                                 ("height", "height_new", "q_forward", "q_back"))
    expected = min(1.0, p_new * q_back / (p_x * q_fwd))
    assert expected < 1 and q_fwd != q_back  # an asymmetric proposal and a real ratio
    assert mh.answers["acceptance"] == pytest.approx(expected, abs=1e-12)
    # detailed balance, the lesson's reason the correction is right: the flow x -> x'
    # equals the flow back, whose acceptance is 1
    assert p_x * q_fwd * mh.answers["acceptance"] == pytest.approx(p_new * q_back, abs=1e-12)
    assert_shows(mh.answer, mh.answers["acceptance"], 3)
    assert_shows(mh.answer, [p_x, p_new, q_fwd, q_back])

    mu, sigma, eps = (rep.inputs[name] for name in ("mu", "sigma", "eps"))
    assert rep.answers["z"] == pytest.approx(mu + sigma * eps, abs=1e-12)
    assert rep.answers["dz_dmu"] == 1.0 and rep.answers["dz_dsigma"] == eps  # dz/dsigma = eps
    assert_shows(rep.answer, rep.answers["z"], 3)
    assert_shows(rep.answer, rep.answers["dz_dsigma"], 1)
