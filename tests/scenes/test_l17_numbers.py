"""Lesson 17's numbers on screen equal an independent oracle (SciPy, closed forms)."""

from __future__ import annotations


import numpy as np
import pytest
from scipy.special import softmax as sp_softmax

from exercise_checks import arrays, assert_shows
from scene_modules import exercises_for, load_scene_module

TOL = 1e-12


@pytest.fixture(scope="module")
def l17():
    return load_scene_module("l17_attention_and_transformers")


def oracle_attention(Q, K, V):
    weights = sp_softmax(Q @ K.T / np.sqrt(K.shape[-1]), axis=-1)
    return weights @ V, weights


def oracle_pe(n, d):
    pe = np.zeros((n, d))
    for pos in range(n):
        for i in range(0, d, 2):
            pe[pos, i] = np.sin(pos / 10000 ** (i / d))
            if i + 1 < d:
                pe[pos, i + 1] = np.cos(pos / 10000 ** (i / d))
    return pe


def test_attention_weights_and_output(l17):
    output, weights = oracle_attention(l17.Q_2D, l17.K_2D, l17.V_2D)
    np.testing.assert_allclose(l17.WEIGHTS, weights, atol=TOL)
    np.testing.assert_allclose(l17.OUTPUT_2D, output, atol=TOL)
    np.testing.assert_allclose(l17.FOCUS_WEIGHTS, weights[l17.FOCUS], atol=TOL)
    np.testing.assert_allclose(l17.FOCUS_OUTPUT, weights[l17.FOCUS] @ l17.V_2D, atol=TOL)
    np.testing.assert_allclose(l17.WEIGHTS.sum(axis=1), 1.0, atol=TOL)


def test_shuffled_words_shuffle_the_weights(l17):
    order = l17.WORD_ORDER
    assert sorted(order) == list(range(l17.N_TOKENS)) and list(order) != sorted(order)
    _, weights = oracle_attention(l17.Q_2D[order], l17.K_2D[order], l17.V_2D[order])
    np.testing.assert_allclose(l17.SHUFFLED_WEIGHTS, weights, atol=TOL)
    np.testing.assert_allclose(l17.SHUFFLED_WEIGHTS, l17.WEIGHTS[order][:, order], atol=TOL)


def test_scores_are_scaled_dot_products(l17):
    q = l17.Q_2D[l17.FOCUS]
    expected = np.array([q @ k for k in l17.K_2D]) / np.sqrt(2)
    np.testing.assert_allclose(l17.FOCUS_SCORES, expected, atol=TOL)


def test_temperature_softmax(l17):
    for t, row in zip(l17.TEMPERATURES, l17.TEMPERATURE_WEIGHTS):
        np.testing.assert_allclose(row, sp_softmax(l17.FOCUS_SCORES / t), atol=TOL)
    for t, row in l17.SHOWN_TEMPERATURE_WEIGHTS.items():
        np.testing.assert_allclose(row, sp_softmax(l17.FOCUS_SCORES / t), atol=TOL)
    # the story the scene tells: cold is nearly one-hot, hot is nearly uniform
    assert l17.SHOWN_TEMPERATURE_WEIGHTS[0.25].max() > 0.9
    assert np.ptp(l17.SHOWN_TEMPERATURE_WEIGHTS[4.0]) < 0.15


def test_root_d_scaling(l17):
    np.testing.assert_allclose(l17.UNSCALED_WEIGHTS, sp_softmax(l17.K_BIG @ l17.Q_BIG), atol=TOL)
    np.testing.assert_allclose(l17.SCALED_WEIGHTS, sp_softmax(l17.K_BIG @ l17.Q_BIG / 8.0),
                               atol=TOL)
    assert l17.UNSCALED_WEIGHTS.max() > l17.SCALED_WEIGHTS.max()


def test_multi_head_attention(l17):
    X, h, dh = l17.X_MH, l17.N_HEADS, l17.D_HEAD
    heads, weights = [], []
    for i in range(h):
        cols = slice(i * dh, (i + 1) * dh)
        out, w = oracle_attention(X @ l17.W_Q[:, cols], X @ l17.W_K[:, cols], X @ l17.W_V[:, cols])
        heads.append(out)
        weights.append(w)
    np.testing.assert_allclose(l17.HEAD_WEIGHTS, np.stack(weights), atol=1e-10)
    np.testing.assert_allclose(l17.HEAD_OUTPUTS, np.stack(heads), atol=1e-10)
    np.testing.assert_allclose(l17.CONCAT, np.concatenate(heads, axis=1), atol=1e-10)
    np.testing.assert_allclose(l17.MH_OUTPUT, np.concatenate(heads, axis=1) @ l17.W_O,
                               atol=1e-10)


def test_positional_encoding(l17):
    expected = oracle_pe(l17.N_POSITIONS, l17.PE_DIM)
    np.testing.assert_allclose(l17.PE, expected, atol=1e-12)
    np.testing.assert_allclose(l17.PE_SIMILARITY, expected @ expected.T, atol=1e-10)
    # the relative-position property the scene states: PE_p . PE_{p+k} depends on k only
    for k in (1, 5):
        diagonal = np.diagonal(l17.PE_SIMILARITY, offset=k)
        expected_k = sum(np.cos(k / 10000 ** (i / l17.PE_DIM)) for i in range(0, l17.PE_DIM, 2))
        np.testing.assert_allclose(diagonal, expected_k, atol=1e-10)


def test_exercises_against_oracle():
    attention_ex, temperature_ex, pe_ex, count_ex = exercises_for(17)
    q, K = arrays(attention_ex.inputs, "q", "K")
    scores = K @ q / np.sqrt(len(q))
    np.testing.assert_allclose(attention_ex.answers["scores"], scores, atol=1e-12)
    np.testing.assert_allclose(attention_ex.answers["weights"], sp_softmax(scores), atol=1e-12)
    assert_shows(attention_ex.answer, [*scores, *attention_ex.answers["weights"]], 2,
                 trailing_zeros=True)

    (s,) = arrays(temperature_ex.inputs, "scores")
    hot = sp_softmax(s / temperature_ex.inputs["temperature"])
    np.testing.assert_allclose(temperature_ex.answers["weights"], hot, atol=1e-12)
    assert temperature_ex.answers["largest"] == pytest.approx(hot.max(), abs=1e-12)
    assert_shows(temperature_ex.answer, temperature_ex.answers["weights"], 3, trailing_zeros=True)

    pos, d = pe_ex.inputs["position"], pe_ex.inputs["d"]
    np.testing.assert_allclose(pe_ex.answers["encoding"], oracle_pe(pos + 1, d)[pos], atol=1e-12)
    assert_shows(pe_ex.answer, pe_ex.answers["encoding"], 3, trailing_zeros=True)

    d = count_ex.inputs["d"]
    attention_shapes = [(d, d)] * 4  # W_Q, W_K, W_V for all heads together, and W_O
    mlp_shapes = [(d, 4 * d), (4 * d, d)]  # widen to 4d, narrow back
    assert count_ex.answers["attention"] == sum(np.zeros(shape).size for shape in attention_shapes)
    assert count_ex.answers["mlp"] == sum(np.zeros(shape).size for shape in mlp_shapes)
    assert 3 * count_ex.answers["mlp"] == 2 * (count_ex.answers["attention"] + count_ex.answers["mlp"])
    assert_shows(count_ex.answer, [count_ex.answers["attention"], count_ex.answers["mlp"]], 0)
