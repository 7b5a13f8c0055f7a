"""Huffman code lengths, prefix codes, and one Gaussian fitted by KL in either direction,
against independent oracles: a brute-force search over Kraft's inequality, SciPy's
quadrature and optimiser, and the closed-form KL of two Gaussians."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, optimize, stats

from mathcore.information import (
    fit_gaussian_kl, huffman_code_lengths, kl_divergence_density, prefix_code,
)


def best_lengths_by_brute_force(p) -> float:
    """The least average length over every length vector obeying Kraft's inequality."""
    n = len(p)
    best = np.inf
    for lengths in itertools.product(range(1, n), repeat=n):
        if sum(2.0 ** -np.array(lengths)) <= 1:
            best = min(best, float(np.dot(p, lengths)))
    return best


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(0.01, 1.0), min_size=2, max_size=5))
def test_huffman_is_as_short_as_any_prefix_code(weights):
    p = np.array(weights) / sum(weights)
    lengths = huffman_code_lengths(p)
    assert np.dot(p, lengths) == pytest.approx(best_lengths_by_brute_force(p), abs=1e-12)
    assert np.sum(2.0 ** -lengths) == pytest.approx(1.0)  # a full tree: Kraft with equality
    h = stats.entropy(p, base=2)
    assert h - 1e-12 <= np.dot(p, lengths) < h + 1  # the source coding theorem's bounds


def test_huffman_of_the_weather_forecast():
    assert huffman_code_lengths([0.6, 0.2, 0.15, 0.05]).tolist() == [1, 2, 3, 3]
    assert huffman_code_lengths([0.25] * 4).tolist() == [2, 2, 2, 2]
    assert huffman_code_lengths([1.0]).tolist() == [0]


@pytest.mark.parametrize("lengths", [[1, 2, 3, 3], [2, 2, 2, 2], [3, 1, 3, 2], [2, 3, 3, 3, 3]])
def test_prefix_code_has_the_lengths_and_no_word_begins_another(lengths):
    code = prefix_code(lengths)
    assert [len(word) for word in code] == lengths
    assert set("".join(code)) <= {"0", "1"}
    for a, b in itertools.permutations(code, 2):
        assert not b.startswith(a)


def test_prefix_code_refuses_lengths_that_break_kraft():
    with pytest.raises(ValueError, match="Kraft"):
        prefix_code([1, 1, 2])
    with pytest.raises(ValueError, match="positive integers"):
        prefix_code([1, 1.5])


def test_kl_of_two_gaussians_on_a_grid_matches_the_closed_form():
    x = np.linspace(-12, 12, 4801)
    (m1, s1), (m2, s2) = (0.5, 1.0), (-1.0, 2.0)
    p, q = stats.norm.pdf(x, m1, s1), stats.norm.pdf(x, m2, s2)
    closed = np.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - 0.5
    assert kl_divergence_density(p, q, x[1] - x[0]) == pytest.approx(closed, abs=1e-9)
    assert kl_divergence_density(p, q, x[1] - x[0], base=2) == pytest.approx(closed / np.log(2), abs=1e-9)
    assert kl_divergence_density(p, np.where(x > 0, q, 0.0), x[1] - x[0]) == np.inf
    with pytest.raises(ValueError, match="dx"):
        kl_divergence_density(p, q, 0.0)


MIX = ((0.4, -2.0, 0.6), (0.6, 2.0, 0.6))  # (weight, mean, sd) of each bump


def mixture_pdf(x):
    return sum(w * stats.norm.pdf(x, m, s) for w, m, s in MIX)


def test_forward_kl_fit_matches_the_mixtures_mean_and_sd():
    x = np.linspace(-7, 7, 561)
    fit = fit_gaussian_kl(x, mixture_pdf(x), "forward", np.linspace(-3, 3, 121),
                          np.linspace(0.3, 3, 271))
    mean = sum(w * m for w, m, _ in MIX)
    var = sum(w * (s ** 2 + m ** 2) for w, m, s in MIX) - mean ** 2
    assert fit.mean == pytest.approx(mean, abs=0.05)  # the grid's spacing
    assert fit.sd == pytest.approx(np.sqrt(var), abs=0.01)


def test_reverse_kl_fit_matches_scipys_optimiser_on_one_mode():
    x = np.linspace(-7, 7, 561)
    fit = fit_gaussian_kl(x, mixture_pdf(x), "reverse", np.linspace(-3, 3, 121),
                          np.linspace(0.3, 3, 271), base=2)

    def reverse_kl(theta):
        m, s = theta
        f = lambda t: stats.norm.pdf(t, m, s) * (stats.norm.logpdf(t, m, s) - np.log(mixture_pdf(t)))
        return integrate.quad(f, m - 12 * s, m + 12 * s, limit=200)[0]

    best = optimize.minimize(reverse_kl, [1.5, 1.0], method="Nelder-Mead",
                             options={"xatol": 1e-6, "fatol": 1e-10})
    assert fit.mean == pytest.approx(best.x[0], abs=0.05)
    assert fit.sd == pytest.approx(best.x[1], abs=0.01)
    assert fit.kl == pytest.approx(best.fun / np.log(2), abs=1e-3)
    # it sits inside the heavier bump: about the surprise of that bump, -log2 0.6 bits
    assert fit.kl == pytest.approx(-np.log2(0.6), abs=0.01)


def test_fit_refuses_a_bad_direction_or_grid():
    x = np.linspace(-1, 1, 5)
    with pytest.raises(ValueError, match="direction"):
        fit_gaussian_kl(x, np.ones(5), "sideways", [0.0], [1.0])
    with pytest.raises(ValueError, match="evenly spaced"):
        fit_gaussian_kl([0.0, 1.0, 3.0], np.ones(3), "forward", [0.0], [1.0])
    with pytest.raises(ValueError, match="sds"):
        fit_gaussian_kl(x, np.ones(5), "forward", [0.0], [0.0])
