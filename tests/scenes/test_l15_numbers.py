"""The numbers lesson 15 shows on screen, checked against NumPy and SciPy.

The scene module computes everything once at import (from mathcore, with a
fixed seed); these tests import it by path and compare its module-level
constants with an independent oracle (numpy.linalg.eigh, scipy.sparse.csgraph,
scikit-free closed forms), with explicit tolerances. The Try-it exercises are
checked the same way.
"""

from __future__ import annotations


import numpy as np
import pytest
from scipy.sparse.csgraph import laplacian as scipy_laplacian

from mathreel.exercise import latex_pmatrix
from exercise_checks import arrays, assert_shows
from scene_modules import exercises_for, load_scene_module

TOL = 1e-9  # exact to round-off on 6x6 inputs



@pytest.fixture(scope="module")
def l15():
    return load_scene_module("l15_graphs_and_spectral_methods")


# --------------------------------------------------------------------------- the small graph

def test_weights_and_laplacian(l15):
    assert np.allclose(l15.A, l15.A.T)
    for i, j, w in l15.EDGES:
        assert l15.A[i, j] == w
    np.testing.assert_allclose(l15.DEGREES, [3, 3, 2.5, 2.5, 3, 3], atol=TOL)
    np.testing.assert_allclose(l15.L, scipy_laplacian(l15.A), atol=TOL)
    np.testing.assert_allclose(l15.L.sum(axis=1), 0, atol=TOL)


def test_energies_are_sums_over_edges(l15):
    for name, x in l15.SIGNALS.items():
        by_edges = sum(w * (x[i] - x[j]) ** 2 for i, j, w in l15.EDGES)
        assert l15.ENERGIES[name] == pytest.approx(by_edges, abs=TOL)
    assert l15.ENERGIES["constant"] == pytest.approx(0, abs=TOL)
    assert l15.ENERGIES["smooth"] == pytest.approx(0.5 * 2**2, abs=TOL)  # only the bridge
    assert l15.ENERGIES["smooth"] < l15.ENERGIES["rough"]


def test_spectrum_matches_numpy(l15):
    values, vectors = np.linalg.eigh(l15.L)  # ascending
    np.testing.assert_allclose(l15.SPECTRUM, values, atol=1e-8)
    assert l15.SPECTRUM[0] == pytest.approx(0, abs=1e-8)
    for k in l15.SHOWN_EIGENVECTORS:
        if k == 1:
            continue  # the Fiedler vector is checked below
        if np.isclose(values[k], values[np.arange(6) != k]).any():
            pytest.fail(f"eigenvalue {k} is repeated: its eigenvector is not unique")
        v = l15.EIGENVECTORS[:, k]
        np.testing.assert_allclose(l15.L @ v, values[k] * v, atol=1e-8)
        assert abs(v @ vectors[:, k]) == pytest.approx(1, abs=1e-8)
    np.testing.assert_allclose(l15.EIGENVECTORS[:, 0], np.full(6, 1 / np.sqrt(6)), atol=1e-8)


def test_fiedler_vector_and_cut(l15):
    values, vectors = np.linalg.eigh(l15.L)
    assert abs(l15.FIEDLER @ vectors[:, 1]) == pytest.approx(1, abs=1e-8)
    assert l15.FIEDLER[0] > 0
    # closed form of the sign pattern: one triangle positive, the other negative
    np.testing.assert_array_equal(l15.FIEDLER_SIDES, [1, 1, 1, 0, 0, 0])
    assert l15.CUT_EDGES == [l15.BRIDGE]
    assert l15.CUT_WEIGHT == 0.5


# --------------------------------------------------------------------------- rings

def test_rings_kmeans_fails_and_spectral_succeeds(l15):
    radii = np.linalg.norm(l15.RINGS, axis=1)
    assert radii[l15.RING_OF == 0].max() < radii[l15.RING_OF == 1].min()  # two separate rings
    assert l15.KMEANS_ACCURACY < 0.7  # the straight cut: close to half right
    assert l15.SPECTRAL_ACCURACY == 1.0
    # the labels the scene colours by each k-means iterate: nearest centre, by brute force
    for C, labels in zip(l15.KMEANS.centroid_history, l15.KMEANS_LABELS):
        d = np.linalg.norm(l15.RINGS[:, None, :] - C[None], axis=-1)
        np.testing.assert_array_equal(labels, d.argmin(axis=1))
    np.testing.assert_array_equal(l15.KMEANS_LABELS[-1], l15.KMEANS.labels)


def test_affinity_and_embedding(l15):
    X, sigma = l15.RINGS, l15.SIGMA
    d2 = ((X[:, None, :] - X[None]) ** 2).sum(-1)
    expected = np.exp(-d2 / (2 * sigma**2))
    np.fill_diagonal(expected, 0)
    np.testing.assert_allclose(l15.AFFINITY, expected, atol=1e-12)
    # the embedding spans the two smallest eigenvectors of L_sym (scipy's normalised Laplacian)
    _, vectors = np.linalg.eigh(scipy_laplacian(expected, normed=True))
    U = vectors[:, :2]
    rows = l15.EMBEDDING / np.linalg.norm(l15.EMBEDDING, axis=1, keepdims=True)
    np.testing.assert_allclose(np.linalg.norm(l15.EMBEDDING, axis=1), 1, atol=1e-9)
    U_unit = U / np.linalg.norm(U, axis=1, keepdims=True)
    # same points up to an orthogonal map of the plane: compare Gram matrices
    np.testing.assert_allclose(rows @ rows.T, U_unit @ U_unit.T, atol=1e-6)


# --------------------------------------------------------------------------- message passing

def test_message_passing_layers(l15):
    A_hat = l15.A + np.eye(6)
    H = l15.H0[:, 0]
    for layer in range(l15.N_LAYERS + 1):
        np.testing.assert_allclose(l15.FEATURES[layer], H, atol=TOL)
        H = (A_hat @ H) / A_hat.sum(axis=1)
    i = l15.FOCUS_NODE
    assert l15.FOCUS_TOTAL_WEIGHT == pytest.approx(A_hat[i].sum())
    assert l15.FEATURES[1][i] == pytest.approx(1 / 3.5, abs=TOL)  # only node 0 sends +1


def test_three_layers_find_the_fiedler_split(l15):
    np.testing.assert_array_equal(np.sign(l15.FEATURES[-1]), np.where(l15.FIEDLER > 0, 1, -1))


# --------------------------------------------------------------------------- exercises

def test_exercises_against_numpy():
    ex = exercises_for(15)
    assert len(ex) == 3
    # 1. the Laplacian of the triangle
    (T,) = arrays(ex[0].inputs, "A")
    expected = np.diag(T.sum(axis=1)) - T
    np.testing.assert_allclose(ex[0].answers["L"], expected, atol=1e-12)
    assert latex_pmatrix(ex[0].answers["L"]) in ex[0].answer
    # 2. one mean step with self-loops on the triangle
    (A, h) = arrays(ex[1].inputs, "A", "h")
    np.testing.assert_array_equal(A, T)  # the same triangle
    A_self = A + np.eye(3)
    np.testing.assert_allclose(ex[1].answers["h_new"], A_self @ h / A_self.sum(axis=1), atol=1e-12)
    assert_shows(ex[1].answer, ex[1].answers["h_new"])
    # 3. GCN's symmetric normalisation of the triangle, entry (0, 1), by hand
    (A,) = arrays(ex[2].inputs, "A")
    np.testing.assert_array_equal(A, T)
    d_tilde = A.sum(axis=1) + 1
    A_hat = np.asarray(ex[2].answers["A_hat"])
    assert A_hat[0, 1] == pytest.approx(A[0, 1] / np.sqrt(d_tilde[0] * d_tilde[1]),
                                                         abs=1e-12)
    np.testing.assert_allclose(A_hat,
                               (A + np.eye(3)) / np.sqrt(np.outer(d_tilde, d_tilde)),
                               atol=1e-12)
    assert_shows(ex[2].answer, A_hat[0, 1])
