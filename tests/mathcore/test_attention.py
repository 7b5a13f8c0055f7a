"""mathcore.attention against SciPy, np.einsum, per-head loops and closed forms."""

import math

import numpy as np
import pytest
import scipy.special
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from mathcore import attention
from predicates import seeds

SETTINGS = settings(max_examples=80, deadline=None)

logits = hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=3, max_side=5),
                    elements=st.floats(-1000, 1000, allow_nan=False))
temperatures = st.floats(0.05, 20.0)


@SETTINGS
@given(logits, st.data())
def test_logsumexp_matches_scipy(x, data):
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    np.testing.assert_allclose(attention.logsumexp(x, axis=axis), scipy.special.logsumexp(x, axis=axis),
                               rtol=1e-12, atol=1e-12)


@SETTINGS
@given(logits, temperatures, st.data())
def test_softmax_matches_scipy_and_rows_sum_to_one(x, tau, data):
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    p = attention.softmax(x, axis=axis, temperature=tau)
    np.testing.assert_allclose(p, scipy.special.softmax(x / tau, axis=axis), rtol=1e-10, atol=1e-300)
    np.testing.assert_allclose(p.sum(axis=axis), 1.0, rtol=0, atol=1e-12)
    assert np.all(np.isfinite(p)) and np.all(p >= 0)


@SETTINGS
@given(logits, temperatures)
def test_log_softmax_matches_scipy(x, tau):
    out = attention.log_softmax(x, temperature=tau)
    np.testing.assert_allclose(out, scipy.special.log_softmax(x / tau, axis=-1), rtol=1e-12, atol=1e-9)
    assert np.all(np.isfinite(out))


def test_stability_at_plus_minus_1000():
    x = np.array([1000.0, -1000.0, 999.0])
    with np.errstate(over="raise", under="ignore", invalid="raise"):
        p = attention.softmax(x)
        lse = attention.logsumexp(x)
        lp = attention.log_softmax(x)
    e = math.exp(-1.0)
    np.testing.assert_allclose(p, [1 / (1 + e), 0.0, e / (1 + e)], rtol=1e-14, atol=1e-300)
    assert lse == pytest.approx(1000.0 + math.log1p(e), rel=1e-15)
    np.testing.assert_allclose(lp, [-math.log1p(e), -2000.0 - math.log1p(e), -1.0 - math.log1p(e)], rtol=0, atol=1e-12)  # |x| eps


def test_temperature_limits():
    x = np.array([1.0, 3.0, 2.0])
    np.testing.assert_allclose(attention.softmax(x, temperature=1e-3), [0.0, 1.0, 0.0], atol=1e-300)
    np.testing.assert_allclose(attention.softmax(x, temperature=1e6), np.full(3, 1 / 3), atol=1e-6)


@pytest.mark.parametrize("call, match", [
    (lambda: attention.softmax(1.0), r"x must have at least 1 dimension, got a scalar"),
    (lambda: attention.softmax([1.0, np.nan]), r"x must be finite"),
    (lambda: attention.softmax([1.0, 2.0], axis=1), r"axis must be in \[-1, 0\] for x of shape \(2,\), got 1"),
    (lambda: attention.softmax([1.0], temperature=0.0), r"temperature must be a positive finite number, got 0.0"),
    (lambda: attention.logsumexp([]), r"x must not be empty"),
])
def test_softmax_family_refuses_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()


# --------------------------------------------------------------------------- attention

def attention_loops(Q, K, V, mask=None):
    """Oracle: one query at a time, with Python floats."""
    T_q, d = Q.shape
    out, weights = np.zeros((T_q, V.shape[1])), np.zeros((T_q, K.shape[0]))
    for t in range(T_q):
        keys = [s for s in range(K.shape[0]) if mask is None or mask[t, s]]
        scores = [sum(Q[t, j] * K[s, j] for j in range(d)) / math.sqrt(d) for s in keys]
        top = max(scores)
        exps = [math.exp(v - top) for v in scores]
        for s, e in zip(keys, exps):
            weights[t, s] = e / sum(exps)
        out[t] = weights[t] @ V
    return out, weights


@st.composite
def qkv(draw, batch=()):
    rng = np.random.default_rng(draw(seeds))
    T_q, T_k, d, d_v = (draw(st.integers(1, 5)) for _ in range(4))
    return (rng.normal(size=(*batch, T_q, d)) * 3, rng.normal(size=(*batch, T_k, d)) * 3,
            rng.normal(size=(*batch, T_k, d_v)))


@SETTINGS
@given(qkv())
def test_attention_matches_loops(case):
    Q, K, V = case
    out, weights = attention.scaled_dot_product_attention(Q, K, V)
    gold_out, gold_weights = attention_loops(Q, K, V)
    np.testing.assert_allclose(weights, gold_weights, rtol=1e-10, atol=1e-14)
    np.testing.assert_allclose(out, gold_out, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(weights.sum(axis=-1), 1.0, atol=1e-12)


@SETTINGS
@given(qkv(batch=(2, 3)))
def test_attention_batches_like_each_slice(case):
    Q, K, V = case
    out, weights = attention.scaled_dot_product_attention(Q, K, V)
    assert out.shape == (2, 3, Q.shape[-2], V.shape[-1]) and weights.shape == (2, 3, Q.shape[-2], K.shape[-2])
    for b, h in np.ndindex(2, 3):
        gold_out, gold_weights = attention_loops(Q[b, h], K[b, h], V[b, h])
        np.testing.assert_allclose(out[b, h], gold_out, rtol=1e-10, atol=1e-12)


@SETTINGS
@given(seeds, st.integers(1, 6), st.integers(1, 4))
def test_causal_mask_zeroes_the_future(seed, T, d):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(T, d))
    mask = attention.causal_mask(T)
    out, weights = attention.scaled_dot_product_attention(X, X, X, mask)
    assert np.all(weights[np.triu_indices(T, 1)] == 0.0)
    gold_out, gold_weights = attention_loops(X, X, X, mask)
    np.testing.assert_allclose(weights, gold_weights, rtol=1e-10, atol=1e-14)
    np.testing.assert_allclose(out[0], X[0], rtol=1e-12)  # the first token sees only itself


@pytest.mark.parametrize("args, match", [
    ((np.ones((2, 3)), np.ones((2, 4)), np.ones((2, 1))), r"K must have d_k = 3 columns like Q \(2, 3\), got shape \(2, 4\)"),
    ((np.ones((2, 3)), np.ones((2, 3)), np.ones((4, 1))), r"V must have T_k = 2 rows like K \(2, 3\), got shape \(4, 1\)"),
    ((np.ones(3), np.ones((2, 3)), np.ones((2, 1))), r"Q must have shape \(\.\.\., T, d\), got shape \(3,\)"),
    ((np.ones((2, 3)), np.ones((2, 3)), np.ones((2, 1)), np.ones((2, 2))), r"mask must be a boolean array"),
    ((np.ones((2, 3)), np.ones((2, 3)), np.ones((2, 1)), np.ones((3, 3), bool)), r"mask must broadcast to the scores' shape \(2, 2\)"),
    ((np.ones((2, 3)), np.ones((2, 3)), np.ones((2, 1)), np.array([[True, True], [False, False]])), r"at least one key"),
])
def test_attention_refuses_bad_input(args, match):
    with pytest.raises(ValueError, match=match):
        attention.scaled_dot_product_attention(*args)


def multi_head_loops(X, Wq, Wk, Wv, Wo, h):
    """Oracle: slice the weight matrices head by head and concatenate."""
    d_head = X.shape[1] // h
    heads, weights = [], []
    for i in range(h):
        cols = slice(i * d_head, (i + 1) * d_head)
        out, w = attention_loops(X @ Wq[:, cols], X @ Wk[:, cols], X @ Wv[:, cols])
        heads.append(out)
        weights.append(w)
    return np.concatenate(heads, axis=1) @ Wo, np.array(weights)


@SETTINGS
@given(seeds, st.integers(1, 5), st.sampled_from([(1, 3), (2, 2), (2, 4), (3, 6), (4, 4)]))
def test_multi_head_attention_matches_per_head_loop(seed, T, heads_width):
    h, d_model = heads_width
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(T, d_model))
    Ws = [rng.normal(size=(d_model, d_model)) / np.sqrt(d_model) for _ in range(4)]
    out, weights = attention.multi_head_attention(X, *Ws, n_heads=h)
    gold_out, gold_weights = multi_head_loops(X, *Ws, h)
    assert out.shape == (T, d_model) and weights.shape == (h, T, T)
    np.testing.assert_allclose(weights, gold_weights, rtol=1e-10, atol=1e-14)
    np.testing.assert_allclose(out, gold_out, rtol=1e-10, atol=1e-12)


def test_multi_head_attention_refuses_bad_heads_and_shapes():
    X, W = np.ones((3, 4)), np.eye(4)
    with pytest.raises(ValueError, match=r"n_heads must divide d_model = 4, got 3"):
        attention.multi_head_attention(X, W, W, W, W, n_heads=3)
    with pytest.raises(ValueError, match=r"Wk must have shape \(4, 4\) for d_model = 4, got shape \(4, 3\)"):
        attention.multi_head_attention(X, W, np.ones((4, 3)), W, W, n_heads=2)


# --------------------------------------------------------------------------- positions, einsum, broadcasting

@SETTINGS
@given(st.integers(1, 30), st.integers(1, 12))
def test_sinusoidal_positional_encoding_closed_form(T, d):
    pe = attention.sinusoidal_positional_encoding(T, d)
    assert pe.shape == (T, d)
    for t in range(T):
        for j in range(d):
            freq = 10000.0 ** (-(j - j % 2) / d)
            expected = math.sin(t * freq) if j % 2 == 0 else math.cos(t * freq)
            assert pe[t, j] == pytest.approx(expected, abs=1e-12)


def test_positional_encoding_refuses_bad_sizes():
    with pytest.raises(ValueError, match=r"d_model must be a positive integer, got 0"):
        attention.sinusoidal_positional_encoding(4, 0)


@st.composite
def einsum_cases(draw):
    spec = draw(st.sampled_from(["ij,jk->ik", "bij,bjk->bik", "i,i->", "i,j->ij", "ij->ji", "ii->i",
                                 "ij->", "ij,ij->i", "ijk->kj", "bi,ij->bj"]))
    sizes = {c: draw(st.integers(1, 4)) for c in set(spec) if c.isalpha()}
    rng = np.random.default_rng(draw(seeds))
    terms = spec.split("->")[0].split(",")
    return spec, [rng.normal(size=tuple(sizes[c] for c in term)) for term in terms]


@SETTINGS
@given(einsum_cases())
def test_einsum_loops_matches_numpy(case):
    spec, operands = case
    np.testing.assert_allclose(attention.einsum_loops(spec, *operands), np.einsum(spec, *operands),
                               rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("spec, shapes, match", [
    ("ij,jk", [(2, 3), (3, 2)], r"spec must be explicit, like 'ij,jk->ik', got 'ij,jk'"),
    ("ij,jk->ik", [(2, 3)], r"spec 'ij,jk->ik' names 2 operands, got 1"),
    ("ij,jk->ik", [(2, 3), (4, 2)], r"index 'j' has size 3 and 4: operand 1 has shape \(4, 2\)"),
    ("ij->iz", [(2, 3)], r"spec output 'iz' must use distinct indices that appear in the inputs"),
    ("ijk->i", [(2, 3)], r"operand 0 must have 3 dimensions for 'ijk', got shape \(2, 3\)"),
])
def test_einsum_loops_refuses_bad_specs(spec, shapes, match):
    with pytest.raises(ValueError, match=match):
        attention.einsum_loops(spec, *(np.ones(s) for s in shapes))


shapes = hnp.array_shapes(min_dims=0, max_dims=4, min_side=1, max_side=4)


@SETTINGS
@given(st.lists(shapes, min_size=1, max_size=3))
def test_broadcast_shapes_matches_numpy(shape_list):
    try:
        expected = np.broadcast_shapes(*shape_list)
    except ValueError:
        with pytest.raises(ValueError, match=r"do not broadcast: sizes \[\d+, \d+.*\] clash in dimension -\d"):
            attention.broadcast_shapes(*shape_list)
    else:
        assert attention.broadcast_shapes(*shape_list) == expected
