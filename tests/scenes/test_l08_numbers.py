"""The numbers lesson 08 shows on screen, checked against SciPy and closed forms.

The scene module computes everything once at import (from mathcore, with a
fixed seed); these tests import it by path and compare its module-level
constants with an independent oracle (scipy.stats, hand-written sums), with
explicit tolerances. The exercises of the Try-it card are checked the same way.
"""

from __future__ import annotations


import numpy as np
import pytest
from scipy import stats

from exercise_checks import arrays, assert_shows
from scene_modules import exercises_for, load_scene_module

TOL = 1e-12  # sums of a handful of floats



@pytest.fixture(scope="module")
def l08():
    return load_scene_module("l08_probability")




# --------------------------------------------------------------------------- the loaded die

def test_die_is_a_distribution(l08):
    assert l08.DIE_PROBS.sum() == pytest.approx(1.0, abs=TOL)
    assert np.all(l08.DIE_PROBS >= 0)


def test_expectation_and_variance_match_scipy(l08):
    die = stats.rv_discrete(values=(l08.DIE_VALUES.astype(int), l08.DIE_PROBS))
    assert l08.DIE_MEAN == pytest.approx(die.mean(), abs=1e-12)
    assert l08.DIE_VAR == pytest.approx(die.var(), abs=1e-12)
    assert l08.DIE_STD == pytest.approx(die.std(), abs=1e-12)
    assert l08.DIE_MEAN == pytest.approx(4.3, abs=1e-12)  # the value the narration reads out


def test_contributions_add_up_to_the_variance(l08):
    expected = l08.DIE_PROBS * (l08.DIE_VALUES - 4.3) ** 2
    np.testing.assert_allclose(l08.CONTRIBUTIONS, expected, atol=TOL)
    assert l08.CONTRIBUTIONS.sum() == pytest.approx(l08.DIE_VAR, abs=TOL)


def test_running_means_are_sample_averages(l08):
    expected = np.cumsum(l08.ROLLS) / np.arange(1, l08.N_ROLLS + 1)
    np.testing.assert_allclose(l08.RUNNING_MEANS, expected, atol=1e-12)
    assert set(np.unique(l08.ROLLS)) <= set(l08.DIE_VALUES)
    # the narration says the average settles near E[X]
    assert abs(l08.RUNNING_MEANS[-1] - l08.DIE_MEAN) < 0.2


# --------------------------------------------------------------------------- same mean, other spreads

def test_reshaping_keeps_the_mean_and_the_variance_follows(l08):
    for probs in (l08.TIGHT_PROBS, l08.WIDE_PROBS):
        assert probs.sum() == pytest.approx(1.0, abs=TOL)
        assert float(l08.DIE_VALUES @ probs) == pytest.approx(l08.DIE_MEAN, abs=1e-12)
    np.testing.assert_allclose(l08.MEAN_PATH, l08.DIE_MEAN, atol=1e-12)
    np.testing.assert_allclose(l08.PMF_PATH.sum(axis=1), 1.0, atol=1e-12)
    expected = [stats.rv_discrete(values=(l08.DIE_VALUES.astype(int), p)).var() for p in l08.PMF_PATH]
    np.testing.assert_allclose(l08.VAR_PATH, expected, atol=1e-10)
    assert l08.TIGHT_VAR < l08.DIE_VAR < l08.WIDE_VAR  # what the scene says
    # keyframes sit where the scene's lookup index (t * 60) expects them
    for k, probs in enumerate(l08.KEYFRAMES):
        np.testing.assert_allclose(l08.PMF_PATH[60 * k], probs, atol=1e-12)


# --------------------------------------------------------------------------- Bayes

def bayes_oracle(prior, likelihood):
    joint = np.asarray(prior) * np.asarray(likelihood)
    return joint, joint.sum(), joint / joint.sum()


def test_spam_filter_posterior(l08):
    joint, evidence, posterior = bayes_oracle([0.3, 0.7], [0.6, 0.1])
    np.testing.assert_allclose(l08.BAYES_FREE.joint, joint, atol=TOL)
    assert l08.BAYES_FREE.evidence == pytest.approx(evidence, abs=TOL)
    np.testing.assert_allclose(l08.BAYES_FREE.posterior, posterior, atol=TOL)
    assert l08.BAYES_FREE.posterior[0] == pytest.approx(0.72, abs=1e-12)


def test_second_update_uses_the_first_posterior_as_prior(l08):
    _, _, posterior = bayes_oracle([0.3, 0.7], [0.6 * 0.3, 0.1 * 0.05])  # both words at once
    np.testing.assert_allclose(l08.BAYES_WINNER.posterior, posterior, atol=1e-12)


# --------------------------------------------------------------------------- exercises

def test_exercises_are_checked_by_an_oracle():
    moments, count, density, tests = exercises_for(8)
    values, probs = arrays(moments.inputs, "values", "probs")
    assert probs.sum() == pytest.approx(1.0, abs=1e-12)
    rv = stats.rv_discrete(values=(values.astype(int), probs))
    assert moments.answers["mean"] == pytest.approx(rv.mean(), abs=1e-12)
    assert moments.answers["second_moment"] == pytest.approx(rv.moment(2), abs=1e-12)
    assert moments.answers["variance"] == pytest.approx(rv.var(), abs=1e-12)
    assert_shows(moments.answer, [moments.answers[k] for k in ("mean", "second_moment", "variance")], 3)

    n, p = count.inputs["n"], count.inputs["p"]
    assert count.answers["expected"] == pytest.approx(stats.binom(n, p).mean(), abs=1e-9)
    assert_shows(count.answer, count.answers["expected"], 3)

    std = density.inputs["std"]
    assert density.answers["density"] == pytest.approx(stats.norm.pdf(0, 0, std), rel=1e-12)
    assert density.answers["density"] > 1  # the point of the exercise
    assert_shows(density.answer, density.answers["density"], 3)

    prevalence, sensitivity, false_positive = (
        tests.inputs[name] for name in ("prevalence", "sensitivity", "false_positive"))
    evidence = sensitivity * prevalence + false_positive * (1 - prevalence)
    sick = sensitivity * prevalence / evidence
    assert tests.answers["evidence"] == pytest.approx(evidence, abs=1e-12)
    assert tests.answers["posterior"] == pytest.approx(sick, abs=1e-12)
    twice = sensitivity**2 * prevalence  # both tests at once: independent given health
    twice /= twice + false_positive**2 * (1 - prevalence)
    assert tests.answers["second_posterior"] == pytest.approx(twice, abs=1e-12)
    assert_shows(tests.answer, [tests.answers["posterior"], tests.answers["second_posterior"]], 3)
