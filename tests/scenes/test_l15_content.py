"""Lesson 15's new numbers (the normalised Laplacian, GCN as a low-pass filter),
checked against SciPy and NumPy, and its notation: A for the graph, Theta for a layer.

The scene module computes everything once at import (from mathcore); these tests
import it by path and compare its constants with independent oracles
(``scipy.sparse.csgraph.laplacian``, ``numpy.linalg.eigh``, sums over edges).
"""

from __future__ import annotations

import ast
import re

import numpy as np
import pytest
from scipy.sparse.csgraph import laplacian as scipy_laplacian

from scene_modules import load_scene_module

TOL = 1e-9  # 6x6 inputs: exact to round-off


def _distinct(values):
    """Sorted eigenvalues with repeats (within 1e-6) kept once."""
    return values[np.r_[True, np.diff(values) > 1e-6]]


@pytest.fixture(scope="module")
def l15():
    return load_scene_module("l15_graphs_and_spectral_methods")


# --------------------------------------------------------------------------- L_sym

def test_normalised_laplacian_matches_scipy(l15):
    expected = scipy_laplacian(l15.A, normed=True)
    np.testing.assert_allclose(l15.L_SYM, expected, atol=TOL)
    np.testing.assert_allclose(l15.SPECTRUM_SYM, np.linalg.eigvalsh(expected), atol=1e-8)
    assert l15.SPECTRUM_SYM[0] == pytest.approx(0, abs=1e-8)
    assert l15.SPECTRUM_SYM[-1] <= 2  # the bound derived on screen
    i, j = l15.ENTRY_EDGE
    assert l15.L_SYM[i, j] == pytest.approx(-l15.A[i, j] / np.sqrt(l15.DEGREES[i] * l15.DEGREES[j]))
    assert l15.L_SYM[i, j] == pytest.approx(-2 / 3, abs=TOL)  # -2 / sqrt(3 * 3), as shown


def test_bound_on_the_energy_holds_for_every_signal(l15):
    # x^T L_sym x = 1/2 sum_ij a_ij (x_i/sqrt(d_i) - x_j/sqrt(d_j))^2 <= 2 |x|^2
    rng = np.random.default_rng(0)
    d = l15.DEGREES
    for x in rng.standard_normal((50, 6)):
        y = x / np.sqrt(d)
        by_edges = 0.5 * np.sum(l15.A * (y[:, None] - y[None, :]) ** 2)
        assert x @ l15.L_SYM @ x == pytest.approx(by_edges, abs=1e-9)
        assert by_edges <= 2 * x @ x + 1e-12


def test_second_eigenvector_of_l_sym_cuts_the_bridge(l15):
    values, vectors = np.linalg.eigh(scipy_laplacian(l15.A, normed=True))
    v = l15.SECOND_SYM
    np.testing.assert_allclose(l15.L_SYM @ v, values[1] * v, atol=1e-8)
    assert abs(v @ vectors[:, 1]) == pytest.approx(1, abs=1e-8)
    np.testing.assert_array_equal(v > 0, l15.FIEDLER_SIDES == 1)


# --------------------------------------------------------------------------- GCN

def test_gcn_propagation_is_identity_minus_the_self_loop_normalised_laplacian(l15):
    d_tilde = l15.A.sum(axis=1) + 1
    np.testing.assert_allclose(l15.A_HAT, (l15.A + np.eye(6)) / np.sqrt(np.outer(d_tilde, d_tilde)),
                               atol=TOL)
    # the line on screen: I - D~^-1/2 (D~ - A - I) D~^-1/2, with D~ - A - I = D - A = L
    scale = 1 / np.sqrt(d_tilde)
    np.testing.assert_allclose(l15.A_HAT, np.eye(6) - scale[:, None] * scipy_laplacian(l15.A) * scale,
                               atol=TOL)


def test_frequencies_and_factors_match_numpy(l15):
    values = np.linalg.eigvalsh(np.eye(6) - l15.A_HAT)  # ascending
    distinct = _distinct(values)
    np.testing.assert_allclose(l15.FREQUENCIES, distinct, atol=1e-8)
    assert len(l15.FREQUENCIES) == 5  # 1.25 is a double eigenvalue: one bar for both
    np.testing.assert_allclose(l15.FACTORS, 1 - distinct, atol=1e-8)
    # the self-loops keep the top eigenvalue below L_sym's: |1 - lambda| shrinks
    assert l15.FREQUENCIES[-1] < l15.SPECTRUM_SYM[-1]
    assert l15.FREQUENCIES[-1] == pytest.approx(1.25, abs=1e-9)
    assert 1 - l15.SPECTRUM_SYM[-1] == pytest.approx(-2 / 3, abs=1e-9)


def test_frequency_amounts_are_projections_and_one_layer_scales_them(l15):
    values, vectors = np.linalg.eigh(np.eye(6) - l15.A_HAT)
    groups = np.split(np.arange(6), np.flatnonzero(np.diff(values) > 1e-6) + 1)

    def amounts(x):
        return np.array([np.linalg.norm(vectors[:, g] @ (vectors[:, g].T @ x)) for g in groups])

    np.testing.assert_allclose(l15.AMOUNTS, amounts(l15.NOISY), atol=1e-8)
    assert np.sum(l15.AMOUNTS**2) == pytest.approx(l15.NOISY @ l15.NOISY)  # nothing lost
    np.testing.assert_allclose(l15.FILTERED, l15.A_HAT @ l15.NOISY, atol=TOL)
    np.testing.assert_allclose(l15.AMOUNTS_AFTER, amounts(l15.FILTERED), atol=1e-8)
    np.testing.assert_allclose(l15.AMOUNTS_AFTER, np.abs(1 - _distinct(values)) * l15.AMOUNTS,
                               atol=1e-8)
    assert np.argmax(l15.AMOUNTS) == 1  # most of the signal: the left-against-right pattern


def test_energy_falls_after_one_layer(l15):
    def by_edges(x):
        return sum(w * (x[i] - x[j]) ** 2 for i, j, w in l15.EDGES)

    assert l15.ENERGY_NOISY == pytest.approx(by_edges(l15.NOISY), abs=TOL)
    assert l15.ENERGY_FILTERED == pytest.approx(by_edges(l15.A_HAT @ l15.NOISY), abs=TOL)
    assert l15.ENERGY_FILTERED < 0.4 * l15.ENERGY_NOISY


def test_many_layers_over_smooth(l15):
    np.testing.assert_allclose(l15.DEEP, np.linalg.matrix_power(l15.A_HAT, l15.N_DEEP) @ l15.NOISY,
                               atol=TOL)
    np.testing.assert_allclose(l15.DEEPER,
                               np.linalg.matrix_power(l15.A_HAT, l15.N_DEEPER) @ l15.NOISY, atol=TOL)
    np.testing.assert_allclose(l15.DEEP_FACTORS, l15.FACTORS**l15.N_DEEP, atol=TOL)
    # only the eigenvalue-0 part survives: sqrt(d~) times its coefficient
    root_d = np.sqrt(l15.A.sum(axis=1) + 1)
    limit = root_d * (root_d @ l15.NOISY) / (root_d @ root_d)
    np.testing.assert_allclose(l15.DEEPER, limit, atol=0.005)
    assert np.ptp(l15.DEEPER) < 0.01  # "nearly the same value" on every node


# --------------------------------------------------------------------------- notation

def _strings(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def test_w_names_neither_the_graph_nor_a_layer(l15):
    """Issue 12: W meant both the edge weights and a layer's weights. The graph is A (entries
    a_ij), a layer's weights Theta: no string the scenes show or say uses W or w_ij."""
    source = open(l15.__file__, encoding="utf-8").read()
    offending = [s for s in _strings(ast.parse(source))
                 if re.search(r"(?<![A-Za-z_\\])W(?![A-Za-z_])|w_\{?ij", s)]
    assert offending == []
    assert "Theta" in source and r"\Theta" in source
