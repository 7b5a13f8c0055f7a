"""The numbers lesson 08's deepened scenes show: linearity, E[X^2] - mu^2, a density, naive Bayes.

Each is compared with an independent oracle (scipy.stats, NumPy, a hand-written sum)
with explicit tolerances, and with the value the narration reads out.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from scene_modules import load_scene_module


@pytest.fixture(scope="module")
def l08():
    return load_scene_module("l08_probability")


def test_sum_of_two_dice_balances_at_twice_the_mean(l08):
    # the distribution of X1 + X2 by brute force over the 36 pairs
    pairs = np.add.outer(l08.DIE_VALUES, l08.DIE_VALUES).ravel()
    weights = np.outer(l08.DIE_PROBS, l08.DIE_PROBS).ravel()
    expected = [weights[pairs == s].sum() for s in range(2, 13)]
    np.testing.assert_allclose(l08.SUM_PROBS, expected, atol=1e-12)
    assert l08.SUM_MEAN == pytest.approx(8.6, abs=1e-12)  # "4.30 plus 4.30"
    assert l08.SUM_MEAN == pytest.approx(2 * l08.DIE_MEAN, abs=1e-12)


def test_a_copying_die_has_the_same_mean(l08):
    assert l08.DOUBLE_PROBS.sum() == pytest.approx(1.0, abs=1e-12)
    assert np.all(l08.DOUBLE_PROBS[1::2] == 0)  # "only even totals"
    twice = stats.rv_discrete(values=(2 * l08.DIE_VALUES.astype(int), l08.DIE_PROBS))
    assert l08.DOUBLE_MEAN == pytest.approx(twice.mean(), abs=1e-12)
    assert not np.allclose(l08.DOUBLE_PROBS, l08.SUM_PROBS)  # "a different distribution"


def test_count_of_correct_answers_is_n_p(l08):
    binom = stats.binom(l08.N_TEST, l08.P_RIGHT)
    np.testing.assert_allclose(l08.COUNT_PROBS, binom.pmf(np.arange(l08.N_TEST + 1)), atol=1e-12)
    assert l08.COUNT_MEAN == pytest.approx(binom.mean(), abs=1e-9)
    assert l08.COUNT_MEAN == pytest.approx(34.0, abs=1e-9)
    assert l08.BERNOULLI_MEAN == pytest.approx(0.85, abs=1e-12)
    # the chart starts at 20 right: what it leaves out is invisible at any height
    assert l08.COUNT_PROBS[:20].sum() < 1e-6


def test_variance_shortcut(l08):
    die = stats.rv_discrete(values=(l08.DIE_VALUES.astype(int), l08.DIE_PROBS))
    assert l08.DIE_SECOND_MOMENT == pytest.approx(die.moment(2), abs=1e-12)
    assert l08.DIE_SECOND_MOMENT == pytest.approx(20.8, abs=1e-12)
    assert l08.DIE_MEAN ** 2 == pytest.approx(18.49, abs=1e-12)
    assert l08.SHORTCUT_VAR == pytest.approx(die.var(), abs=1e-12)
    assert l08.ROLL_VAR == pytest.approx(np.var(l08.ROLLS, ddof=0), abs=1e-12)
    assert l08.ROLL_VAR < l08.DIE_VAR  # "a little less than the die's own"


def test_density_histograms_and_area(l08):
    for width, (share, density) in zip(l08.BIN_WIDTHS, l08.HISTOGRAMS):
        counts, _ = np.histogram(l08.ERRORS, bins=int(round(1.6 / width)), range=(-0.8, 0.8))
        assert share.max() == pytest.approx(counts.max() / l08.N_ERRORS, abs=1e-12)
        # every fine bar carries its coarse bin's share; fine bars of one bin sum to it
        assert share.sum() * (1.6 / l08.FINE_BINS) / width == pytest.approx(
            counts.sum() / l08.N_ERRORS, abs=1e-9)
        np.testing.assert_allclose(density, share / width)
    shares = [s.max() for s, _ in l08.HISTOGRAMS]
    assert all(a > b for a, b in zip(shares, shares[1:]))  # "every bar sinks"
    np.testing.assert_allclose(l08.DENSITY_Y, stats.norm.pdf(l08.DENSITY_X, 0, 0.2), rtol=1e-12)
    assert l08.DENSITY_PEAK == pytest.approx(stats.norm.pdf(0, 0, 0.2), rel=1e-12)
    assert round(l08.DENSITY_PEAK, 2) == 1.99  # "peaks at 1.99, above one"
    assert l08.INTERVAL_PROB == pytest.approx(stats.norm.cdf(1) - stats.norm.cdf(-1), abs=1e-6)
    assert f"{l08.INTERVAL_PROB:.3f}" == "0.683"
    assert l08.INTERVAL_SHARE == pytest.approx(np.mean(np.abs(l08.ERRORS) <= 0.2), abs=0)
    assert abs(l08.INTERVAL_SHARE - l08.INTERVAL_PROB) < 0.01  # the samples agree


def test_naive_bayes_product_equals_two_updates(l08):
    joint = np.array([0.3 * 0.6 * 0.3, 0.7 * 0.1 * 0.05])
    np.testing.assert_allclose(l08.NAIVE_JOINT, joint, atol=1e-15)
    np.testing.assert_allclose(l08.NAIVE_POSTERIOR, joint / joint.sum(), atol=1e-12)
    np.testing.assert_allclose(l08.BAYES_WINNER.posterior, l08.NAIVE_POSTERIOR, atol=1e-12)
    assert round(100 * l08.NAIVE_POSTERIOR[0]) == 94  # "94 percent"
