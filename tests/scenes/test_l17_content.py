"""Lesson 17's new numbers (learned projections, causal mask, parameter count) against
independent oracles: SciPy's softmax, explicit loops and GPT-2's published size."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.special import softmax as sp_softmax

from scene_modules import load_scene_module

TOL = 1e-12


@pytest.fixture(scope="module")
def l17():
    return load_scene_module("l17_attention_and_transformers")


def test_queries_keys_values_are_projections_of_the_embeddings(l17):
    X = l17.X_MH
    assert X.shape == (5, 8) and l17.W_Q1.shape == (8, 2)  # "five by eight, times eight by two"
    for W, M in ((l17.W_Q, l17.Q_1), (l17.W_K, l17.K_1), (l17.W_V, l17.V_1)):
        expected = np.array([[sum(X[t, c] * W[c, k] for c in range(8)) for k in range(2)]
                             for t in range(5)])
        np.testing.assert_allclose(M, expected, atol=TOL)


def test_the_projected_head_is_head_one_of_multi_head_attention(l17):
    weights = sp_softmax(l17.Q_1 @ l17.K_1.T / np.sqrt(2), axis=-1)
    np.testing.assert_allclose(l17.WEIGHTS_1, weights, atol=TOL)
    np.testing.assert_allclose(l17.WEIGHTS_1, l17.HEAD_WEIGHTS[0], atol=TOL)
    np.testing.assert_allclose(l17.OUTPUT_1, weights @ l17.V_1, atol=TOL)


def test_raw_scores_are_symmetric_with_the_diagonal_on_top_and_projected_ones_are_not(l17):
    raw, projected = l17.RAW_SCORES, l17.PROJECTED_SCORES
    np.testing.assert_allclose(raw, raw.T, atol=TOL)
    assert all(np.argmax(raw[i]) == i for i in range(5))  # "each word scores itself highest"
    i, j = l17.MIRROR
    # the two cells differ even at the one decimal shown
    assert round(projected[i, j], 1) != round(projected[j, i], 1)


def test_causal_weights_mask_the_future_before_the_softmax(l17):
    scores = l17.Q_1 @ l17.K_1.T / np.sqrt(2)
    upper = np.triu(np.ones((5, 5), dtype=bool), k=1)
    expected = sp_softmax(np.where(upper, -np.inf, scores), axis=-1)
    np.testing.assert_allclose(l17.CAUSAL_WEIGHTS, expected, atol=TOL)
    assert np.all(l17.CAUSAL_WEIGHTS[upper] == 0.0)
    np.testing.assert_allclose(l17.CAUSAL_WEIGHTS.sum(axis=1), 1.0, atol=TOL)
    assert l17.CAUSAL_WEIGHTS[0, 0] == 1.0  # the first word sees only itself
    np.testing.assert_allclose(l17.CAUSAL_OUTPUT, expected @ l17.V_1, atol=TOL)


def test_zeroing_after_the_softmax_leaves_a_row_short_of_one(l17):
    row = l17.ZEROED_ROW
    kept = sp_softmax(l17.Q_1 @ l17.K_1.T / np.sqrt(2), axis=-1)[row, :row + 1]
    assert l17.ZEROED_AFTER.sum() == pytest.approx(kept.sum(), abs=TOL)
    assert l17.ZEROED_AFTER.sum() < 0.9  # visibly not an average


def test_parameter_counts(l17):
    toy = l17.TOY_COUNT
    assert (toy.attention, toy.mlp, toy.layer_norm, toy.block) == (256, 512, 32, 800)
    d = 768
    gpt2 = l17.GPT2_COUNT
    assert gpt2.block == 12 * d * d + 13 * d == 7_087_872
    assert l17.GPT2_BLOCKS == 12 * gpt2.block
    assert gpt2.embeddings == (50257 + 1024) * d
    assert gpt2.total == 124_439_808  # GPT-2 small's published parameter count
    assert l17.spoken_count(gpt2.total) == "124 million"
    assert l17.spoken_count(gpt2.block) == "7.1 million"


def test_numpy_bridge_gives_the_number_on_screen(l17):
    bridge = l17.ATTENTION_NUMPY
    np.testing.assert_allclose(bridge.library.run(bridge.setup), bridge.value(), atol=TOL)
    np.testing.assert_allclose(bridge.value(), l17.OUTPUT_1[2], atol=TOL)  # cat's output


def test_torch_bridges_compile_and_their_mathcore_lines_match_the_scene(l17):
    for bridge in (l17.CAUSAL_TORCH, l17.BLOCK_TORCH):
        assert bridge.library.needs == "torch"
        compile("\n".join(bridge.library.lines), "<bridge>", "exec")
        assert all(len(line) <= 44 for line in bridge.mathcore.lines + bridge.library.lines)
    np.testing.assert_allclose(l17.CAUSAL_TORCH.value(), l17.CAUSAL_OUTPUT[2], atol=TOL)
    assert l17.BLOCK_TORCH.value() == 12 * 768 ** 2 + 13 * 768
