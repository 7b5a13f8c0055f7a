"""Lesson 10's new content (issue 12), against independent oracles: Huffman's code for the
forecast (lengths, average, blocks of days, a stream that decodes), Gibbs' inequality, one
Gaussian fitted to two bumps by KL in each direction (SciPy quadrature and closed forms),
and the bridges' inputs equal to what the scenes draw."""

import heapq

import numpy as np
import pytest
from scipy import integrate, stats

from scene_modules import load_scene_module


@pytest.fixture(scope="module")
def l10():
    return load_scene_module("l10_information_theory")


def huffman_cost(p) -> float:
    """The average Huffman length as the sum of the weights of every merge (an identity
    independent of code lengths: each merge adds one bit to the mass it joins)."""
    heap = list(map(float, p))
    heapq.heapify(heap)
    cost = 0.0
    while len(heap) > 1:
        merged = heapq.heappop(heap) + heapq.heappop(heap)
        cost += merged
        heapq.heappush(heap, merged)
    return cost


def test_the_forecasts_code(l10):
    p = l10.P_TYPICAL
    assert l10.HUFFMAN_CODE == ["0", "10", "110", "111"]  # as narrated
    assert l10.FIXED_CODE == ["00", "01", "10", "11"]
    assert [len(w) for w in l10.HUFFMAN_CODE] == list(l10.CODE_LENGTHS)
    assert l10.MEAN_LENGTH == pytest.approx(0.6 * 1 + 0.2 * 2 + 0.2 * 3)  # spoken: 1.6 bits
    assert l10.MEAN_LENGTH == pytest.approx(huffman_cost(p))
    np.testing.assert_allclose(l10.SURPRISE, -np.log2(p), atol=1e-12)
    h = stats.entropy(p, base=2)
    assert l10.H_FORECAST == pytest.approx(h) and h <= l10.MEAN_LENGTH < h + 1


def test_blocks_of_days_approach_the_entropy(l10):
    p = l10.P_TYPICAL
    h = stats.entropy(p, base=2)
    for days, bits in zip(l10.BLOCK_DAYS, l10.BLOCK_BITS_PER_DAY):
        block = p
        for _ in range(days - 1):
            block = np.kron(block, p)
        assert bits == pytest.approx(huffman_cost(block) / days, abs=1e-12)
        assert h <= bits < h + 1 / days  # Shannon's bound for blocks
    assert np.all(np.diff(l10.BLOCK_BITS_PER_DAY) < 0)  # as drawn: each bar lower
    assert [round(b, 2) for b in l10.BLOCK_BITS_PER_DAY] == [1.6, 1.56, 1.54]


def test_the_stream_decodes_without_commas(l10):
    bits = "".join(l10.HUFFMAN_CODE[i] for i in l10.STREAM)
    assert bits == "0110010"
    decoded, word = [], ""
    for bit in bits:  # read until a codeword ends
        word += bit
        if word in l10.HUFFMAN_CODE:
            decoded.append(l10.HUFFMAN_CODE.index(word))
            word = ""
    assert tuple(decoded) == l10.STREAM and word == ""
    assert [l10.OUTCOMES[i] for i in l10.STREAM] == ["sun", "rain", "sun", "cloud"]  # as narrated


def test_gibbs_inequality_on_screen(l10):
    t = l10.T_GRID
    assert np.all(np.log(t) <= t - 1)  # the curve lies under its tangent
    p, q = l10.P_TRUE, l10.Q_MODEL
    lhs = np.sum(p * np.log(q / p))  # -KL in nats
    assert lhs == pytest.approx(-stats.entropy(p, q))
    assert lhs <= np.sum(p * (q / p - 1)) == pytest.approx(0.0, abs=1e-12)
    assert l10.T_PATH[-1] == pytest.approx(1.0)  # the dot ends where the gap closes


def mixture(x, l10):
    return sum(w * stats.norm.pdf(x, m, s) for w, m, s in l10.MODES)


def kl_quad(f, g, lo=-12.0, hi=12.0):
    """KL(f || g) in bits by SciPy's quadrature."""
    return integrate.quad(lambda x: f(x) * np.log(f(x) / g(x)) if f(x) > 0 else 0.0, lo, hi,
                          limit=400, points=[-2, 0, 2])[0] / np.log(2)


def test_forward_fit_matches_the_moments_of_p(l10):
    mean = sum(w * m for w, m, _ in l10.MODES)
    var = sum(w * (s ** 2 + m ** 2) for w, m, s in l10.MODES) - mean ** 2
    fit = l10.FORWARD_FIT
    assert fit.mean == pytest.approx(mean, abs=1e-9)
    assert fit.sd == pytest.approx(np.sqrt(var), abs=0.005)  # the sd grid's half step
    q = lambda x: stats.norm.pdf(x, fit.mean, fit.sd)
    p = lambda x: mixture(x, l10)
    assert fit.kl == pytest.approx(kl_quad(p, q), abs=1e-3)
    assert l10.FORWARD_FIT_REVERSE_KL == pytest.approx(kl_quad(q, p), abs=1e-3)


def test_reverse_fit_sits_in_the_taller_bump(l10):
    fit = l10.REVERSE_FIT
    assert (fit.mean, fit.sd) == pytest.approx((2.0, 0.6), abs=0.01)  # the 0.6-weight bump
    q = lambda x: stats.norm.pdf(x, fit.mean, fit.sd)
    p = lambda x: mixture(x, l10)
    assert fit.kl == pytest.approx(kl_quad(q, p), abs=1e-3)
    assert fit.kl == pytest.approx(-np.log2(0.6), abs=0.01)  # spoken: about -log2 0.6
    assert l10.REVERSE_FIT_FORWARD_KL == pytest.approx(kl_quad(p, q), abs=0.05)
    # the walks start and end at the fits, with the KL each readout shows
    assert l10.FORWARD_WALK_KL[0] == pytest.approx(l10.REVERSE_FIT_FORWARD_KL)
    assert l10.FORWARD_WALK_KL[-1] == pytest.approx(l10.FORWARD_FIT.kl)
    assert l10.REVERSE_WALK_KL[0] == pytest.approx(l10.FORWARD_FIT_REVERSE_KL)
    assert l10.REVERSE_WALK_KL[-1] == pytest.approx(fit.kl)


def test_the_bridges_use_the_numbers_on_screen(l10):
    def inputs(bridge):
        ns = {"np": np}
        exec(bridge.setup, ns)
        return ns
    np.testing.assert_array_equal(inputs(l10.ENTROPY_BRIDGE)["p"], l10.P_TYPICAL)
    kl = inputs(l10.KL_BRIDGE)
    np.testing.assert_array_equal(kl["p"], l10.P_TRUE)
    np.testing.assert_array_equal(kl["q"], l10.Q_MODEL)
    loss = inputs(l10.LOG_LOSS_BRIDGE)
    np.testing.assert_array_equal(loss["y"], l10.LABEL)
    np.testing.assert_array_equal(loss["q"], l10.CLASSIFIER_Q)
    np.testing.assert_array_equal(inputs(l10.MI_BRIDGE)["J"], l10.DEPENDENT)
    assert float(l10.LOG_LOSS_BRIDGE.value()) == pytest.approx(-np.log(0.7))
