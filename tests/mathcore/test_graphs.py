"""mathcore.graphs against scipy.sparse.csgraph, scipy.linalg, scikit-learn and closed forms."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.linalg import eigvalsh
from scipy.sparse.csgraph import connected_components
from scipy.sparse.csgraph import laplacian as scipy_laplacian
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs, make_moons
from sklearn.manifold import spectral_embedding as sklearn_spectral_embedding
from sklearn.metrics import adjusted_rand_score
from sklearn.metrics.pairwise import rbf_kernel

from mathcore import graphs
from mathcore.graphs import (
    fiedler_vector, gcn_propagation, kmeans, laplacian, message_passing, message_passing_loop, rbf_affinity,
    spectral_clustering, spectral_embedding,
)

SETTINGS = settings(max_examples=80, deadline=None)


@st.composite
def weight_matrices(draw, min_n=1, max_n=9):
    """Symmetric non-negative weights, many exact zeros (missing edges), any diagonal."""
    n = draw(st.integers(min_n, max_n))
    raw = draw(arrays(np.float64, (n, n), elements=st.just(0.0) | st.floats(0.01, 5.0)))
    return np.triu(raw) + np.triu(raw, 1).T


@SETTINGS
@given(arrays(np.float64, st.tuples(st.integers(1, 8), st.integers(1, 3)),
              elements=st.floats(-3, 3)), st.floats(0.1, 3.0))
def test_rbf_affinity_matches_sklearn(X, sigma):
    expected = rbf_kernel(X, gamma=1 / (2 * sigma**2))
    np.fill_diagonal(expected, 0.0)
    np.testing.assert_allclose(rbf_affinity(X, sigma), expected, rtol=1e-9, atol=1e-12)


@SETTINGS
@given(weight_matrices(), st.booleans())
def test_laplacian_matches_scipy(W, normalized):
    np.testing.assert_allclose(laplacian(W, normalized), scipy_laplacian(W, normed=normalized),
                               rtol=1e-10, atol=1e-12)


@SETTINGS
@given(weight_matrices(), st.data())
def test_laplacian_rows_sum_to_zero_and_quadratic_form_is_the_edge_energy(W, data):
    L = laplacian(W)
    n = len(W)
    x = data.draw(arrays(np.float64, n, elements=st.floats(-5, 5)))
    np.testing.assert_allclose(L.sum(axis=1), 0.0, atol=1e-10)
    off = W - np.diag(np.diag(W))
    energy = 0.5 * sum(off[i, j] * (x[i] - x[j]) ** 2 for i in range(n) for j in range(n))
    assert x @ L @ x == pytest.approx(energy, rel=1e-9, abs=1e-9)


@SETTINGS
@given(weight_matrices())
def test_laplacian_spectra_are_psd_and_zeros_count_components(W):
    values = eigvalsh(laplacian(W))
    assert values.min() > -1e-9
    n_components, _ = connected_components(W - np.diag(np.diag(W)) > 0, directed=False)
    assert np.sum(values < 1e-8) == n_components
    normalized = eigvalsh(laplacian(W, normalized=True))
    assert normalized.min() > -1e-9 and normalized.max() < 2 + 1e-9


@SETTINGS
@given(weight_matrices())
def test_gcn_propagation_is_one_minus_the_self_loop_normalised_laplacian(W):
    A = W - np.diag(np.diag(W))  # zero diagonal: the function adds the self-loops
    d_tilde = A.sum(axis=1) + 1.0
    scale = 1.0 / np.sqrt(d_tilde)
    expected = np.eye(len(A)) - scale[:, None] * scipy_laplacian(A) * scale[None, :]
    A_hat = gcn_propagation(A)
    np.testing.assert_allclose(A_hat, expected, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(A_hat, (A + np.eye(len(A))) / np.sqrt(np.outer(d_tilde, d_tilde)),
                               rtol=1e-10, atol=1e-12)
    values = eigvalsh(A_hat)
    assert values.min() > -1 and values.max() == pytest.approx(1.0, abs=1e-9)
    np.testing.assert_allclose(A_hat @ np.sqrt(d_tilde), np.sqrt(d_tilde), rtol=1e-9)


@pytest.mark.parametrize("n", [3, 6, 11])
def test_fiedler_vector_of_a_path_is_the_first_cosine(n):
    """Path graph P_n: lambda_2 = 2 - 2 cos(pi / n), v_2(i) ~ cos(pi (i + 1/2) / n)."""
    W = np.diag(np.ones(n - 1), 1) + np.diag(np.ones(n - 1), -1)
    v = fiedler_vector(W)
    expected = np.cos(np.pi * (np.arange(n) + 0.5) / n)
    expected /= np.linalg.norm(expected)
    assert abs(v @ expected) == pytest.approx(1.0, abs=1e-9)
    assert v @ laplacian(W) @ v == pytest.approx(2 - 2 * np.cos(np.pi / n), rel=1e-9)


@SETTINGS
@given(weight_matrices(min_n=2))
def test_fiedler_vector_attains_the_second_smallest_eigenvalue(W):
    v = fiedler_vector(W)
    L = scipy_laplacian(W)
    assert np.linalg.norm(v) == pytest.approx(1.0)
    assert v @ L @ v == pytest.approx(eigvalsh(L)[1], abs=1e-9)
    assert v[np.argmax(np.abs(v))] > 0


def two_blocks(sizes=(6, 9), cross=1e-3, seed=0):
    rng = np.random.default_rng(seed)
    n = sum(sizes)
    W = np.full((n, n), cross)
    start = 0
    for size in sizes:
        W[start:start + size, start:start + size] = rng.uniform(0.5, 1.0, (size, size))
        start += size
    W = (W + W.T) / 2
    np.fill_diagonal(W, 0.0)
    truth = np.repeat(np.arange(len(sizes)), sizes)
    return W, truth


def test_fiedler_vector_signs_split_two_blocks():
    W, truth = two_blocks()
    v = fiedler_vector(W)
    assert len(set(np.sign(v[truth == 0]))) == 1 and len(set(np.sign(v[truth == 1]))) == 1
    assert np.sign(v[0]) != np.sign(v[-1])


def test_spectral_embedding_sends_disconnected_blocks_to_orthogonal_points():
    W, truth = two_blocks(cross=0.0)
    Y = spectral_embedding(W, 2)
    np.testing.assert_allclose(np.linalg.norm(Y, axis=1), 1.0)
    for block in (0, 1):
        np.testing.assert_allclose(Y[truth == block], Y[truth == block][:1].repeat(
            np.sum(truth == block), axis=0), atol=1e-9)
    assert Y[0] @ Y[-1] == pytest.approx(0.0, abs=1e-9)


def test_spectral_embedding_matches_sklearn_after_row_normalisation():
    """sklearn returns D^{-1/2} u per eigenvector; normalising rows removes D and leaves ours."""
    W, _ = two_blocks(sizes=(5, 7, 6), cross=0.05, seed=3)
    reference = sklearn_spectral_embedding(W, n_components=3, norm_laplacian=True,
                                           drop_first=False, random_state=0)
    reference /= np.linalg.norm(reference, axis=1, keepdims=True)
    ours = spectral_embedding(W, 3)
    signs = np.sign(np.sum(ours * reference, axis=0))
    np.testing.assert_allclose(ours, reference * signs, atol=1e-6)


@pytest.mark.parametrize("seed", range(4))
def test_kmeans_matches_sklearn_on_separated_blobs(seed):
    X, truth = make_blobs(150, centers=3, cluster_std=0.5, random_state=seed)
    ours = kmeans(X, 3, rng=seed)
    reference = KMeans(3, n_init=10, random_state=seed).fit(X)
    assert adjusted_rand_score(reference.labels_, ours.labels) == 1.0
    assert ours.inertia == pytest.approx(reference.inertia_, rel=1e-9)
    assert np.all(np.diff(ours.inertia_history) <= 1e-9)
    for j in range(3):  # a fixed point: each centre is the mean of its points
        np.testing.assert_allclose(ours.centroids[j], X[ours.labels == j].mean(axis=0))
    assert ours.centroid_history.shape == (ours.n_iter + 1, 3, 2)


@pytest.mark.parametrize("sizes", [(6, 9), (10, 10, 5)])
def test_spectral_clustering_recovers_well_separated_blocks(sizes):
    W, truth = two_blocks(sizes=sizes, cross=1e-3, seed=len(sizes))
    labels = spectral_clustering(W, len(sizes), rng=0)
    np.testing.assert_array_equal(labels, truth)


def test_spectral_clustering_separates_two_moons_where_kmeans_cannot():
    X, truth = make_moons(200, noise=0.06, random_state=0)
    labels = spectral_clustering(rbf_affinity(X, 0.1), 2, rng=0)
    assert adjusted_rand_score(truth, labels) == 1.0
    assert labels[0] == 0 and labels.dtype.kind == "i"
    assert adjusted_rand_score(truth, kmeans(X, 2, rng=0).labels) < 0.5


@st.composite
def layers(draw):
    n, d_in, d_out = draw(st.integers(1, 7)), draw(st.integers(1, 4)), draw(st.integers(1, 3))
    A = draw(arrays(np.float64, (n, n), elements=st.just(0.0) | st.floats(0.1, 2.0)))
    H = draw(arrays(np.float64, (n, d_in), elements=st.floats(-3, 3)))
    W = draw(arrays(np.float64, (d_in, d_out), elements=st.floats(-3, 3)))
    return A, H, W


@SETTINGS
@given(layers(), st.sampled_from(["mean", "sum"]), st.booleans(), st.sampled_from([None, np.tanh]))
def test_message_passing_matrix_form_equals_the_loop(layer, aggregation, self_loops, activation):
    A, H, W = layer
    kwargs = dict(aggregation=aggregation, self_loops=self_loops, activation=activation)
    np.testing.assert_allclose(message_passing(A, H, W, **kwargs),
                               message_passing_loop(A, H, W, **kwargs), rtol=1e-10, atol=1e-10)


def test_message_passing_by_hand():
    # star: node 0 linked to 1 and 2; features are scalars, W = [[2]]
    A = np.array([[0, 1, 1], [1, 0, 0], [1, 0, 0]], dtype=float)
    H = np.array([[3.0], [6.0], [9.0]])
    W = np.array([[2.0]])
    mean = message_passing(A, H, W)
    np.testing.assert_allclose(mean[:, 0], [2 * (3 + 6 + 9) / 3, 2 * (3 + 6) / 2, 2 * (3 + 9) / 2])
    total = message_passing(A, H, W, aggregation="sum", self_loops=False)
    np.testing.assert_allclose(total[:, 0], [2 * 15, 2 * 3, 2 * 3])
    relu = message_passing(A, -H, W, activation=lambda x: np.maximum(x, 0))
    np.testing.assert_array_equal(relu, 0.0)
    isolated = message_passing(np.zeros((2, 2)), H[:2], W, self_loops=False)
    np.testing.assert_array_equal(isolated, 0.0)


@pytest.mark.parametrize("call, match", [
    (lambda: laplacian([[0, 1], [2, 0]]), r"W must be symmetric"),
    (lambda: laplacian([[0, -1], [-1, 0]]), r"W must have non-negative weights, got min -1"),
    (lambda: laplacian([[0, 1, 2]]), r"W must be square, got shape \(1, 3\)"),
    (lambda: laplacian([[0, np.nan], [np.nan, 0]]), r"W must be finite"),
    (lambda: fiedler_vector([[0.0]]), r"W must have at least 2 nodes"),
    (lambda: spectral_embedding(np.ones((3, 3)), 4), r"k must be at most the number of nodes 3, got 4"),
    (lambda: spectral_clustering(np.ones((3, 3)), 0, rng=0), r"k must be a positive integer"),
    (lambda: kmeans([1.0, 2.0], 1, rng=0), r"X must be a 2-D matrix"),
    (lambda: rbf_affinity([[0.0]], 0.0), r"sigma must be a positive finite number"),
    (lambda: gcn_propagation(np.eye(2)), r"A must have a zero diagonal"),
    (lambda: gcn_propagation([[0, -1], [-1, 0]]), r"A must have non-negative weights"),
    (lambda: message_passing(np.eye(2), np.ones((3, 2)), np.ones((2, 1))),
     r"H must have one row per node \(2\), got shape \(3, 2\)"),
    (lambda: message_passing(np.eye(2), np.ones((2, 2)), np.ones((3, 1))),
     r"W must have 2 rows to match H's features, got shape \(3, 1\)"),
    (lambda: message_passing(-np.eye(2), np.ones((2, 2)), np.ones((2, 1))),
     r"A must have non-negative edge weights"),
    (lambda: message_passing_loop(np.eye(2), np.ones((2, 2)), np.ones((2, 1)), aggregation="max"),
     r"aggregation must be one of \('mean', 'sum'\), got 'max'"),
])
def test_bad_input_names_the_argument(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_docstring_examples_run():
    assert doctest.testmod(graphs).failed == 0
