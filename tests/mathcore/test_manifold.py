"""mathcore.manifold against scipy.sparse.csgraph, scipy.spatial, scikit-learn and closed forms."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.integrate import quad
from scipy.sparse.csgraph import csgraph_from_masked
from scipy.sparse.csgraph import shortest_path as scipy_shortest_path
from scipy.spatial.distance import cdist
from scipy.special import rel_entr
from scipy.stats import entropy as scipy_entropy
from sklearn.datasets import make_blobs
from sklearn.manifold import Isomap, trustworthiness
from sklearn.neighbors import kneighbors_graph

from mathcore import DivergenceWarning, manifold
from mathcore.manifold import (
    calibrate_perplexity, geodesic_distances, knn_graph, pairwise_distances, shortest_path,
    swiss_roll, swiss_roll_arclength, tsne, tsne_objective,
)

SETTINGS = settings(max_examples=60, deadline=None)


@st.composite
def graphs(draw, symmetric=None):
    n = draw(st.integers(1, 9))
    G = draw(arrays(np.float64, (n, n), elements=st.just(0.0) | st.floats(0.1, 10.0)))
    if symmetric if symmetric is not None else draw(st.booleans()):
        G = np.triu(G) + np.triu(G, 1).T
    np.fill_diagonal(G, 0.0)
    return G


@st.composite
def distinct_points(draw):
    """Random normal points: no two distances tie, so nearest neighbours are unique."""
    n, d, seed = draw(st.integers(4, 15)), draw(st.integers(1, 3)), draw(st.integers(0, 10_000))
    return draw(st.floats(0.1, 10)) * np.random.default_rng(seed).normal(size=(n, d))


# ------------------------------------------------------------------ swiss roll and geodesics

def test_swiss_roll_lies_on_the_rolled_sheet():
    roll = swiss_roll(200, rng=0)
    t = roll.t
    np.testing.assert_allclose(roll.points, np.column_stack([t * np.cos(t), roll.height, t * np.sin(t)]))
    assert t.min() >= 1.5 * np.pi and t.max() <= 4.5 * np.pi
    assert roll.height.min() >= 0 and roll.height.max() <= 21
    noisy = swiss_roll(200, rng=0, noise=0.5)
    assert 0.3 < np.std(noisy.points - roll.points) < 0.7


@pytest.mark.parametrize("t", [0.0, 1.0, 4.7, 14.1])
def test_arclength_matches_numerical_integration(t):
    assert swiss_roll_arclength(t) == pytest.approx(quad(lambda u: np.sqrt(1 + u * u), 0, t)[0], rel=1e-10)


@SETTINGS
@given(distinct_points())
def test_pairwise_distances_match_scipy_cdist(X):
    np.testing.assert_allclose(pairwise_distances(X), cdist(X, X), rtol=1e-10, atol=1e-9)


@SETTINGS
@given(distinct_points(), st.integers(1, 3))
def test_knn_graph_matches_sklearn_symmetrised(X, k):
    reference = kneighbors_graph(X, k, mode="distance").toarray()
    reference = np.maximum(reference, reference.T)
    G = knn_graph(X, k)
    np.testing.assert_array_equal(~np.ma.getmaskarray(G), reference > 0)  # the same edges
    np.testing.assert_allclose(G.filled(0.0), reference, rtol=1e-10, atol=1e-12)


@st.composite
def points_with_duplicates(draw):
    """Random normal points, some of them twice: each copy's nearest neighbour is its twin, at 0."""
    n, d, seed = draw(st.integers(3, 12)), draw(st.integers(1, 3)), draw(st.integers(0, 10_000))
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    twins = rng.choice(n, size=draw(st.integers(1, n)), replace=False)  # pairs only, no triples
    return rng.permutation(np.vstack([X, X[twins]]))


def _isomap_oracle(X, k):
    """scikit-learn's k-NN graph (a sparse matrix keeps zero-length edges) and SciPy's Dijkstra."""
    return scipy_shortest_path(kneighbors_graph(X, k, mode="distance"), method="D", directed=False)


@SETTINGS
@given(points_with_duplicates(), st.integers(1, 3))
def test_duplicate_points_are_joined_at_distance_zero_and_geodesics_match_scipy(X, k):
    G = knn_graph(X, k)
    same = np.all(X[:, None, :] == X[None, :, :], axis=-1) & ~np.eye(len(X), dtype=bool)
    assert np.all(~np.ma.getmaskarray(G)[same]) and np.all(G[same] == 0.0)  # twins: an edge of length 0
    expected = _isomap_oracle(X, k)
    np.testing.assert_allclose(geodesic_distances(G), expected, rtol=1e-10, atol=1e-12)
    for source, target in [(0, len(X) - 1), *zip(*np.nonzero(same))]:
        path = shortest_path(G, int(source), int(target))
        if np.isinf(expected[source, target]):
            assert path == []
        else:
            assert path[0] == source and path[-1] == target
            assert not np.any(np.ma.getmaskarray(G)[path[:-1], path[1:]])  # hops along edges
            assert sum(G[u, v] for u, v in zip(path, path[1:])) == pytest.approx(
                expected[source, target], rel=1e-10, abs=1e-12)


def test_the_issues_duplicate_example_gets_distance_zero_not_inf():
    X = np.array([[0.0, 0.0], [0.0, 0.0], [2.0, 2.0]])
    np.testing.assert_allclose(geodesic_distances(knn_graph(X, 1)), _isomap_oracle(X, 1))
    assert geodesic_distances(knn_graph(X, 1))[0, 1] == 0.0
    assert shortest_path(knn_graph(X, 1), 1, 2) in ([1, 0, 2], [1, 2])


def test_swiss_roll_with_duplicates_matches_sklearns_isomap_graph():
    roll = swiss_roll(300, rng=1)
    X = np.vstack([roll.points, roll.points[::7]])  # 43 points twice
    isomap = Isomap(n_neighbors=8, n_components=2).fit(X)
    np.testing.assert_allclose(geodesic_distances(knn_graph(X, 8)), isomap.dist_matrix_, rtol=1e-9)


def test_masked_graphs_keep_zero_edges_and_plain_graphs_keep_zero_as_no_edge():
    # scipy's documented example of a significant zero edge (csgraph module docs)
    lengths = np.array([[np.inf, 2, 0], [2, np.inf, np.inf], [0, np.inf, np.inf]])
    masked = np.ma.masked_invalid(lengths)
    np.testing.assert_allclose(geodesic_distances(masked),
                               scipy_shortest_path(csgraph_from_masked(masked), directed=False))
    assert geodesic_distances(masked)[0, 2] == 0.0
    assert geodesic_distances(np.where(np.isinf(lengths), 0.0, lengths))[0, 2] == np.inf


@SETTINGS
@given(graphs())
def test_floyd_warshall_matches_scipy(G):
    np.testing.assert_allclose(geodesic_distances(G), scipy_shortest_path(G, method="D"), rtol=1e-12)


@SETTINGS
@given(graphs(), st.data())
def test_dijkstra_path_is_a_real_path_of_the_shortest_length(G, data):
    n = len(G)
    source, target = data.draw(st.integers(0, n - 1)), data.draw(st.integers(0, n - 1))
    expected = scipy_shortest_path(G, method="D")[source, target]
    path = shortest_path(G, source, target)
    if np.isinf(expected):
        assert path == []
    else:
        assert path[0] == source and path[-1] == target
        assert all(G[u, v] > 0 for u, v in zip(path, path[1:]))
        assert sum(G[u, v] for u, v in zip(path, path[1:])) == pytest.approx(expected, rel=1e-12)


def test_knn_geodesics_on_the_swiss_roll_approximate_the_unrolled_distance():
    roll = swiss_roll(600, rng=0)
    geodesic = geodesic_distances(knn_graph(roll.points, 10))
    s = swiss_roll_arclength(roll.t)
    flat = np.hypot(s[:, None] - s[None, :], roll.height[:, None] - roll.height[None, :])
    far = flat > 10
    ratio = geodesic[far] / flat[far]
    assert 0.97 < ratio.min() and np.median(ratio) < 1.08 and np.quantile(ratio, 0.95) < 1.3
    # straight-line distance cuts across the layers: much shorter for some far-apart pairs
    euclidean = pairwise_distances(roll.points)
    assert np.min(euclidean[far] / flat[far]) < 0.3


# ------------------------------------------------------------------ perplexity and t-SNE

@settings(max_examples=30, deadline=None)
@given(st.integers(4, 30), st.integers(1, 5), st.integers(0, 10_000), st.floats(0.1, 0.9))
def test_calibrated_rows_reach_the_target_perplexity(n, d, seed, fraction):
    # random points: tied nearest neighbours would make small perplexities unreachable
    X = np.random.default_rng(seed).normal(size=(n, d))
    perplexity = 1 + fraction * (n - 2)
    D = cdist(X, X)
    P, sigmas = calibrate_perplexity(D, perplexity)
    np.testing.assert_allclose(P.sum(axis=1), 1.0, atol=1e-12)
    np.testing.assert_array_equal(np.diag(P), 0.0)
    for i in range(n):
        others = np.arange(n) != i
        assert 2 ** scipy_entropy(P[i, others], base=2) == pytest.approx(perplexity, rel=1e-3)
        gaussian = np.exp(-(D[i, others] ** 2 - D[i, others].min() ** 2) / (2 * sigmas[i] ** 2))
        np.testing.assert_allclose(P[i, others], gaussian / gaussian.sum(), rtol=1e-6, atol=1e-12)


def _q_oracle(Y):
    kernel = 1 / (1 + cdist(Y, Y, "sqeuclidean"))
    np.fill_diagonal(kernel, 0)
    return kernel / kernel.sum()


@settings(max_examples=30, deadline=None)
@given(st.integers(3, 8), st.integers(1, 3), st.integers(0, 10_000))
def test_tsne_objective_and_gradient_match_rel_entr_and_finite_differences(n, c, seed):
    rng = np.random.default_rng(seed)
    P = rng.uniform(size=(n, n))
    P = P + P.T
    np.fill_diagonal(P, 0)
    P /= P.sum()
    Y = rng.normal(size=(n, c))
    kl, gradient = tsne_objective(P, Y)
    assert kl == pytest.approx(rel_entr(P, _q_oracle(Y)).sum(), rel=1e-10)
    h = 1e-6
    numeric = np.zeros_like(Y)
    for idx in np.ndindex(Y.shape):
        step = np.zeros_like(Y)
        step[idx] = h
        numeric[idx] = (rel_entr(P, _q_oracle(Y + step)).sum()
                        - rel_entr(P, _q_oracle(Y - step)).sum()) / (2 * h)
    np.testing.assert_allclose(gradient, numeric, rtol=1e-5, atol=1e-8)


@pytest.fixture(scope="module")
def blobs_tsne():
    X, labels = make_blobs(100, n_features=10, centers=3, random_state=0)
    return X, labels, tsne(X, perplexity=20.0, rng=0)


def test_tsne_kl_decreases_and_keeps_the_history(blobs_tsne):
    X, _, result = blobs_tsne
    assert result.history.shape == (301, 100, 2) and result.kl_history.shape == (301,)
    np.testing.assert_array_equal(result.history[-1], result.embedding)
    assert result.kl_history[-1] < 0.3 * result.kl_history[0]
    after_exaggeration = np.diff(result.kl_history[51:])
    assert np.mean(after_exaggeration <= 1e-12) > 0.95
    np.testing.assert_allclose(result.P, result.P.T)
    assert result.P.sum() == pytest.approx(1.0)
    assert result.kl_history[-1] == pytest.approx(tsne_objective(result.P, result.embedding)[0])


def test_tsne_keeps_neighbourhoods_and_separates_clusters(blobs_tsne):
    X, labels, result = blobs_tsne
    Y = result.embedding
    assert trustworthiness(X, Y, n_neighbors=5) > 0.93
    nearest = np.argsort(cdist(Y, Y), axis=1)[:, 1]
    assert np.mean(labels[nearest] == labels) == 1.0
    again = tsne(X, perplexity=20.0, rng=0, n_iter=5)
    np.testing.assert_array_equal(again.history, result.history[:6])


def test_tsne_with_a_far_too_large_step_stops_with_a_warning_naming_the_step():
    X = np.random.default_rng(0).normal(size=(20, 3))
    with pytest.warns(DivergenceWarning, match=r"^tsne: the embedding became non-finite at "
                      r"step (\d+) of 100: .* Try a smaller lr \(got 1e\+300;") as record:
        result = tsne(X, perplexity=5.0, n_iter=100, lr=1e300, rng=0)
    t = result.nonfinite_step
    assert f"step {t} of 100" in str(record[0].message)
    assert result.history.shape == (101, 20, 2) and result.kl_history.shape == (101,)
    assert np.all(np.isfinite(result.history[:t])) and np.all(np.isnan(result.history[t:]))
    assert np.all(np.isnan(result.kl_history[t:]))
    # the same run with the default step: no warning, every iterate finite
    assert tsne(X, perplexity=5.0, n_iter=5, rng=0).nonfinite_step is None


# ------------------------------------------------------------------ errors

@pytest.mark.parametrize("call, match", [
    (lambda: swiss_roll(0, rng=0), r"n must be a positive integer"),
    (lambda: swiss_roll(10, rng=0, noise=-1.0), r"noise must be a non-negative number"),
    (lambda: pairwise_distances([1.0, 2.0]), r"X must be a 2-D matrix"),
    (lambda: knn_graph(np.zeros((3, 2)), 3), r"k must be less than the number of points 3, got 3"),
    (lambda: geodesic_distances([[0, -1], [1, 0]]), r"G must have non-negative edge lengths"),
    (lambda: geodesic_distances([[0, 1, 2]]), r"G must be square"),
    (lambda: shortest_path([[0, 1], [1, 0]], 0, 2), r"target must be a node index in \[0, 1\], got 2"),
    (lambda: calibrate_perplexity(cdist(np.eye(4), np.eye(4)), 3.5),
     r"perplexity must lie in \(1, n - 1\) = \(1, 3\) for 4 points, got 3.5"),
    (lambda: calibrate_perplexity([[0, 1], [2, 0]], 1.5), r"distances must be symmetric"),
    (lambda: tsne_objective(np.full((2, 2), 0.25), np.zeros((3, 2))), r"Y must have one row per point \(2\)"),
    (lambda: tsne(np.eye(5), rng=0), r"perplexity must lie in \(1, n - 1\)"),
    (lambda: tsne(np.eye(5), perplexity=2.0, lr=-1.0, rng=0), r"lr must be a positive"),
    (lambda: tsne(np.eye(5), perplexity=2.0, exaggeration_iters=-1, rng=0),
     r"exaggeration_iters must be a non-negative integer"),
])
def test_bad_input_names_the_argument(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_docstring_examples_run():
    assert doctest.testmod(manifold).failed == 0


# --------------------------------------------------------------- UMAP's fuzzy neighbour graph

def test_fuzzy_graph_scales_solve_the_row_sum_equation():
    from scipy.optimize import brentq
    X = np.random.default_rng(3).normal(size=(30, 2)) * np.repeat([0.2, 3.0], 15)[:, None]
    k = 6
    g = manifold.fuzzy_graph(X, k)
    D = np.linalg.norm(X[:, None] - X[None], axis=-1)
    for i in range(len(X)):
        d = np.sort(np.delete(D[i], i))[:k]
        f = lambda s: np.exp(-(d - d[0]) / s).sum() - np.log2(k)
        assert g.sigmas[i] == pytest.approx(brentq(f, 1e-6, 1e6, xtol=1e-12), rel=1e-4)
        assert g.rhos[i] == pytest.approx(d[0])


def test_fuzzy_graph_is_a_fuzzy_union_of_the_directed_weights():
    X = np.random.default_rng(4).normal(size=(20, 3))
    g = manifold.fuzzy_graph(X, 4)
    W = g.weights
    np.testing.assert_allclose(W, W.T)
    assert np.all((W >= 0) & (W <= 1)) and np.all(np.diag(W) == 0)
    # each point is joined with full strength to its nearest neighbour
    D = np.linalg.norm(X[:, None] - X[None], axis=-1) + np.diag(np.full(20, np.inf))
    np.testing.assert_allclose(W[np.arange(20), D.argmin(axis=1)], 1.0)
    # at most k directed edges per row, so at most 2k symmetric ones
    assert np.all((W > 0).sum(axis=1) <= 8)


def test_fuzzy_graph_refuses_a_k_out_of_range():
    with pytest.raises(ValueError, match="k must"):
        manifold.fuzzy_graph(np.zeros((5, 2)) + np.arange(5)[:, None], 5)
