"""Lesson 10's numbers on screen equal an independent oracle (scipy.stats.entropy, formulas)."""

from __future__ import annotations


import numpy as np
import pytest
from scipy.stats import entropy as sp_entropy

from exercise_checks import arrays, assert_shows
from scene_modules import exercises_for, load_scene_module

TOL = 1e-12


@pytest.fixture(scope="module")
def l10():
    return load_scene_module("l10_information_theory")


def oracle_mi(joint):
    px, py = joint.sum(axis=1), joint.sum(axis=0)
    return sp_entropy(joint.ravel(), np.outer(px, py).ravel(), base=2)


def test_surprise_and_entropy_along_the_path(l10):
    assert np.all(l10.PATH_P >= 0)
    np.testing.assert_allclose(l10.PATH_P.sum(axis=1), 1.0, atol=TOL)
    np.testing.assert_allclose(l10.PATH_SURPRISE, -np.log2(l10.PATH_P), atol=1e-12)
    for p, h in zip(l10.PATH_P, l10.PATH_ENTROPY):
        assert h == pytest.approx(sp_entropy(p, base=2), abs=TOL)
    # the values the scene names: typical, nearly certain, uniform (2 bits)
    assert l10.PATH_ENTROPY[0] == pytest.approx(sp_entropy([0.6, 0.2, 0.15, 0.05], base=2))
    assert l10.PATH_ENTROPY[-1] == pytest.approx(2.0, abs=TOL)
    assert l10.MAX_ENTROPY == pytest.approx(2.0, abs=TOL)
    assert l10.PATH_ENTROPY.min() < 0.3


def test_cross_entropy_is_entropy_plus_kl(l10):
    p, q = l10.P_TRUE, l10.Q_MODEL
    assert l10.H_P == pytest.approx(sp_entropy(p, base=2), abs=TOL)
    assert l10.KL_PQ == pytest.approx(sp_entropy(p, q, base=2), abs=TOL)
    assert l10.KL_QP == pytest.approx(sp_entropy(q, p, base=2), abs=TOL)
    assert l10.H_PQ == pytest.approx(-np.sum(p * np.log2(q)), abs=TOL)
    assert l10.H_PQ == pytest.approx(l10.H_P + l10.KL_PQ, abs=TOL)
    assert abs(l10.KL_PQ - l10.KL_QP) > 0.5  # the asymmetry the scene shows
    assert l10.CLASSIFIER_LOSS == pytest.approx(-np.log(0.7), abs=TOL)


def test_mutual_information_along_the_mix(l10):
    for joint, mi in zip(l10.JOINTS, l10.MI):
        np.testing.assert_allclose(joint.sum(axis=1), l10.MARGINAL, atol=TOL)
        np.testing.assert_allclose(joint.sum(axis=0), l10.MARGINAL, atol=TOL)
        assert mi == pytest.approx(oracle_mi(joint), abs=1e-10)
    assert l10.MI[0] == pytest.approx(0.0, abs=1e-12)
    assert l10.MI[-1] == pytest.approx(sp_entropy(l10.MARGINAL, base=2), abs=1e-10)
    assert l10.H_X == pytest.approx(sp_entropy(l10.MARGINAL, base=2), abs=TOL)
    assert np.all(np.diff(l10.MI) > 0)


def test_exercises_against_oracle():
    entropy_ex, kl_ex, mi_ex = exercises_for(10)
    (p,) = arrays(entropy_ex.inputs, "p")
    assert entropy_ex.answers["bits"] == pytest.approx(sp_entropy(p, base=2), abs=TOL)
    assert_shows(entropy_ex.answer, entropy_ex.answers["bits"], 3)

    P, Q = arrays(kl_ex.inputs, "p", "q")
    shown = [kl_ex.answers["kl_pq"], kl_ex.answers["kl_qp"]]
    np.testing.assert_allclose(shown, [sp_entropy(P, Q, base=2), sp_entropy(Q, P, base=2)], atol=TOL)
    assert_shows(kl_ex.answer, shown, 3)

    e = mi_ex.inputs["flip"]
    binary = -(e * np.log2(e) + (1 - e) * np.log2(1 - e))
    assert mi_ex.answers["mi"] == pytest.approx(1 - binary, abs=TOL)  # I = 1 - H_b(e), binary channel
    assert_shows(mi_ex.answer, mi_ex.answers["mi"], 3)
