"""Lesson 09's new content (issue 12), against independent oracles: the Bernoulli MLE
derived on screen (the slope vanishes at k / n), the Gaussian MLE's stationarity, and the
cross-entropy loss as the negative log-likelihood of the labels."""

import numpy as np
import pytest
from scipy import optimize, stats

from scene_modules import load_scene_module


@pytest.fixture(scope="module")
def l09():
    return load_scene_module("l09_mle_and_map")


def test_the_bernoulli_peak_is_the_fraction_of_heads(l09):
    assert l09.K_HEADS == int(l09.FLIPS.sum()) and 0 < l09.K_HEADS < l09.N_FLIPS
    nll = lambda p: -stats.bernoulli.logpmf(l09.FLIPS, p).sum()
    best = optimize.minimize_scalar(nll, bounds=(1e-6, 1 - 1e-6), method="bounded",
                                    options={"xatol": 1e-10})
    assert l09.P_HAT == pytest.approx(best.x, abs=1e-6)
    assert l09.BERN_LL_MAX == pytest.approx(-best.fun, abs=1e-9)
    np.testing.assert_allclose(l09.BERN_LL, stats.bernoulli.logpmf(l09.FLIPS[:, None], l09.P_GRID)
                               .sum(axis=0), atol=1e-9)


def test_the_tangent_turns_from_positive_to_negative_and_ends_flat(l09):
    slope = l09.P_PATH_SLOPE
    assert slope[0] > 0 and slope[69] < 0  # left of the peak rising, past it falling
    assert slope[-1] == pytest.approx(0.0, abs=1e-9)  # the path ends at p-hat
    assert l09.P_PATH[-1] == pytest.approx(l09.P_HAT)
    shown_axes = (0.0, 0.9, -26.0, -8.0)  # the scene's x_range and y_range
    assert shown_axes[0] < l09.P_GRID.min() and l09.P_GRID.max() < shown_axes[1]
    assert shown_axes[2] < l09.BERN_LL.min() and l09.BERN_LL.max() < shown_axes[3]


def test_the_gaussian_score_vanishes_at_the_mle(l09):
    x, mu, var = l09.DATA_X, l09.MLE_MEAN, l09.MLE_VAR
    assert np.sum(x - mu) / var == pytest.approx(0.0, abs=1e-9)
    assert -len(x) / (2 * var) + np.sum((x - mu) ** 2) / (2 * var**2) == pytest.approx(0.0, abs=1e-9)
    assert var == pytest.approx(np.var(x, ddof=0)) and var < np.var(x, ddof=1)  # biased: 1/n


def test_cross_entropy_is_the_mean_negative_log_likelihood_of_the_labels(l09):
    p, y = l09.CLASS_PROBS, l09.LABELS
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    picked = p[np.arange(len(y)), y]
    np.testing.assert_allclose(l09.EXAMPLE_LOSS, -np.log(picked), atol=1e-12)
    assert l09.MEAN_LOSS == pytest.approx(-stats.multinomial.logpmf(l09.ONE_HOT, 1, p).mean())
    assert l09.LIKELIHOOD_OF_LABELS == pytest.approx(np.prod(picked))
    assert l09.LIKELIHOOD_OF_LABELS == pytest.approx(0.7 * 0.6 * 0.6 * 0.3)  # as written on screen
    # the bridge's inputs are the bars on screen
    ns = {"np": np}
    exec(l09.CROSS_ENTROPY.setup, ns)
    np.testing.assert_array_equal(ns["p"], p)
    np.testing.assert_array_equal(ns["y"], y)


def test_the_norm_fit_bridge_uses_the_first_scenes_data(l09):
    ns = {"np": np}
    exec(l09.NORM_FIT.setup, ns)
    np.testing.assert_array_equal(ns["x"], l09.DATA_X)
