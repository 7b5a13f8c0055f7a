"""The numbers lesson 00 shows on screen, checked against NumPy, SciPy and closed forms.

The scene module reads the lesson titles from curriculum.toml and computes its
live examples once at import (from mathcore, with a fixed seed); these tests
import it by path and compare with an independent oracle. The Try-it
exercises are checked the same way.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import numpy as np
import pytest
from scipy.special import log_softmax, softmax as scipy_softmax

from exercise_checks import arrays, assert_shows
from scene_modules import exercises_for, load_scene_module

ROOT = Path(__file__).resolve().parents[2]



@pytest.fixture(scope="module")
def l00():
    return load_scene_module("l00_overview")


def test_titles_come_from_the_curriculum_file(l00):
    raw = tomllib.loads((ROOT / "curriculum.toml").read_text(encoding="utf-8"))["lesson"]
    assert l00.TITLES == {lesson["number"]: lesson["title"] for lesson in raw}
    assert len(l00.TITLES) == 19


def test_every_lesson_is_in_exactly_one_phase(l00):
    numbers = [n for _, _, phase, _ in l00.PHASES for n in phase]
    assert sorted(numbers) == list(range(1, 19))
    assert len(l00.PHASES) == 4
    for _, _, lessons in l00.DESTINATIONS:
        assert set(lessons) <= set(numbers)


def test_pca_variance_kept(l00):
    cov = np.cov(l00.PCA_CLOUD, rowvar=False)
    eigenvalues = np.linalg.eigvalsh(cov)[::-1]
    assert l00.PCA_KEPT == pytest.approx(eigenvalues[0] / eigenvalues.sum(), abs=1e-9)


def test_lora_rank_two_error(l00):
    sigma = np.linalg.svd(l00.LORA_UPDATE, compute_uv=False)
    np.testing.assert_allclose(l00.LORA_SIGMA, sigma, atol=1e-8)
    # Eckart-Young: the best rank-r error is the norm of the discarded singular values
    expected = np.sqrt(np.sum(sigma[l00.LORA_RANK:] ** 2)) / np.sqrt(np.sum(sigma**2))
    assert l00.LORA_ERROR == pytest.approx(expected, abs=1e-9)
    assert l00.LORA_ERROR < 0.05


def test_attention_weights(l00):
    np.testing.assert_allclose(l00.ATTN_WEIGHTS, scipy_softmax(l00.ATTN_SCORES), atol=1e-12)


def test_diffusion_signal_left(l00):
    betas = np.linspace(1e-4, 0.02, l00.DDPM_T)  # the linear DDPM schedule
    signal = np.sqrt(np.cumprod(1 - betas))
    np.testing.assert_allclose(l00.SIGNAL_LEFT, signal, atol=1e-12)
    t = l00.SIGNAL_HALF_STEP  # 1-based step
    assert signal[t - 1] < 0.5 <= signal[t - 2]


def test_spoken_lessons(l00):
    assert l00.spoken_lessons((2, 4, 8)) == "lessons two, four and eight"


# --------------------------------------------------------------------------- exercises

def test_exercises_against_oracles():
    ex = exercises_for(0)
    assert len(ex) == 3
    W, x = arrays(ex[0].inputs, "W", "x")
    np.testing.assert_allclose(ex[0].answers["z"], [row @ x for row in W], atol=1e-12)
    assert_shows(ex[0].answer, ex[0].answers["z"])

    (scores,) = arrays(ex[1].inputs, "scores")
    truth = ex[1].inputs["truth"]
    np.testing.assert_allclose(ex[1].answers["p"], scipy_softmax(scores), atol=1e-12)
    assert ex[1].answers["loss"] == pytest.approx(-log_softmax(scores)[truth], abs=1e-12)
    assert_shows(ex[1].answer, [*ex[1].answers["p"], ex[1].answers["loss"]], 3)


def _loss_of_weights(W, x, label):
    return -log_softmax(W @ x)[label]


def test_gradient_exercise_against_finite_differences():
    ex = exercises_for(0)[2]
    p, x = arrays(ex.inputs, "p", "x")
    label = ex.inputs["label"]
    assert p.sum() == pytest.approx(1) and np.all(p > 0)
    # weights whose scores give exactly p: W x = log p
    W = np.outer(np.log(p), x) / (x @ x)
    np.testing.assert_allclose(scipy_softmax(W @ x), p, atol=1e-12)
    h = 1e-6
    numeric = np.zeros_like(W)
    for i, j in np.ndindex(W.shape):
        step = np.zeros_like(W)
        step[i, j] = h
        numeric[i, j] = (_loss_of_weights(W + step, x, label)
                         - _loss_of_weights(W - step, x, label)) / (2 * h)
    np.testing.assert_allclose(ex.answers["dW"], numeric, atol=1e-7)
    np.testing.assert_allclose(ex.answers["dz"], p - np.eye(3)[label], atol=1e-12)
    assert_shows(ex.answer, [*ex.answers["dz"], *np.ravel(ex.answers["dW"])])
