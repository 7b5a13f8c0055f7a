"""The numbers lesson 16 shows on screen, checked against SciPy and closed forms.

The scene module computes everything once at import (from mathcore, with a
fixed seed); these tests import it by path and compare its module-level
constants with an independent oracle (scipy.sparse.csgraph.shortest_path,
scipy.spatial.distance, the arc length integrated numerically, a direct
evaluation of KL(P || Q)), with explicit tolerances. The Try-it exercises are
checked the same way.
"""

from __future__ import annotations


import numpy as np
import pytest
from scipy.integrate import quad
from scipy.sparse.csgraph import shortest_path as scipy_shortest_path
from scipy.spatial.distance import pdist, squareform

from exercise_checks import arrays, assert_shows
from scene_modules import exercises_for, load_scene_module




@pytest.fixture(scope="module")
def l16():
    return load_scene_module("l16_manifolds_and_representations")


def arclength(t0: float, t1: float) -> float:
    """Length of the spiral (t cos t, t sin t) between t0 and t1, by quadrature."""
    return quad(lambda u: np.sqrt(1 + u * u), t0, t1)[0]


# --------------------------------------------------------------------------- swiss roll

def test_roll_points_lie_on_the_sheet(l16):
    t, h, X = l16.ROLL.t, l16.ROLL.height, l16.ROLL.points
    np.testing.assert_allclose(X, np.column_stack([t * np.cos(t), h, t * np.sin(t)]), atol=1e-12)
    assert l16.SHEET_LENGTH == pytest.approx(arclength(l16.T_MIN, l16.T_MAX), rel=1e-9)


def test_straight_line_distance(l16):
    a, b = l16.POINT_A, l16.POINT_B
    assert l16.STRAIGHT == pytest.approx(np.linalg.norm(l16.ROLL.points[a] - l16.ROLL.points[b]),
                                         abs=1e-12)
    assert abs(l16.ROLL.t[b] - l16.ROLL.t[a] - 2 * np.pi) < 0.1  # one turn apart


def test_knn_graph_and_shortest_path_match_scipy(l16):
    D = squareform(pdist(l16.ROLL.points))
    G = l16.KNN
    assert np.allclose(G, G.T)
    for i in range(0, l16.N_ROLL, 50):  # every point keeps its k nearest neighbours
        nearest = np.argsort(D[i])[1:l16.KNN_K + 1]
        np.testing.assert_allclose(G[i, nearest], D[i, nearest], atol=1e-12)
    dist, predecessors = scipy_shortest_path(G, directed=False, indices=l16.POINT_A,
                                             return_predecessors=True)
    assert l16.PATH_LENGTH == pytest.approx(dist[l16.POINT_B], rel=1e-9)
    assert l16.PATH[0] == l16.POINT_A and l16.PATH[-1] == l16.POINT_B
    assert all(G[i, j] > 0 for i, j in zip(l16.PATH[:-1], l16.PATH[1:]))


def test_exact_geodesic_and_ordering(l16):
    a, b = l16.POINT_A, l16.POINT_B
    along = arclength(l16.ROLL.t[a], l16.ROLL.t[b])
    across = l16.ROLL.height[b] - l16.ROLL.height[a]
    assert l16.EXACT_GEODESIC == pytest.approx(np.hypot(along, across), rel=1e-6)
    # a path on the graph can only be longer than the geodesic, and both far longer than the chord
    assert l16.STRAIGHT < l16.EXACT_GEODESIC <= l16.PATH_LENGTH
    assert l16.PATH_LENGTH < 1.15 * l16.EXACT_GEODESIC  # no short-circuit across layers


def test_drawn_geodesic_is_the_geodesic(l16):
    a, b = l16.POINT_A, l16.POINT_B
    t, h = l16.GEODESIC_T, l16.GEODESIC_H
    assert (t[0], h[0]) == pytest.approx((l16.ROLL.t[a], l16.ROLL.height[a]))
    assert (t[-1], h[-1]) == pytest.approx((l16.ROLL.t[b], l16.ROLL.height[b]))
    # its length in 3-D, summed segment by segment, is the exact geodesic
    xyz = np.column_stack([t * np.cos(t), h, t * np.sin(t)])
    length = np.linalg.norm(np.diff(xyz, axis=0), axis=1).sum()
    assert length == pytest.approx(l16.EXACT_GEODESIC, rel=1e-3)
    assert l16.DETOUR == pytest.approx(l16.EXACT_GEODESIC / l16.STRAIGHT, rel=1e-12)


def test_rolled_view_puts_sheet_coordinates_on_the_points(l16):
    view = l16.rolled_view(l16.ROLL.t, l16.ROLL.height)
    np.testing.assert_allclose(view, l16.UNROLL_FRAMES[0], atol=1e-9)


def test_unrolling_preserves_the_sheet(l16):
    rolled = l16.unrolled_points(0.0)
    np.testing.assert_allclose(rolled, l16.ROLL.points)
    flat = l16.unrolled_points(1.0)
    # flat: the cross-section is a straight line, points sit at their arc length from the start
    s = l16.ROLL_S - l16.manifold.swiss_roll_arclength(l16.T_MIN)
    np.testing.assert_allclose(flat[:, 0] - flat[:, 0].min(), s - s.min(), atol=1e-3)
    np.testing.assert_allclose(flat[:, 2], flat[0, 2], atol=1e-9)
    assert l16.UNROLL_FRAMES.shape == (l16.N_UNROLL_FRAMES, l16.N_ROLL, 2)


# --------------------------------------------------------------------------- t-SNE

def test_tsne_kl_history_is_the_kl_of_each_iterate(l16):
    P = l16.TSNE.P
    assert P.sum() == pytest.approx(1, abs=1e-12)
    for k in (0, 50, 150, l16.TSNE_ITERS):
        Y = l16.TSNE.history[k]
        d2 = squareform(pdist(Y, "sqeuclidean"))
        kernel = 1 / (1 + d2)
        np.fill_diagonal(kernel, 0)
        Q = kernel / kernel.sum()
        mask = P > 0
        kl = np.sum(P[mask] * np.log(P[mask] / Q[mask]))
        assert l16.TSNE_KL[k] == pytest.approx(kl, rel=1e-9)
    assert l16.TSNE_KL[-1] < 0.5 * l16.TSNE_KL[0]


def test_tsne_map_separates_the_groups(l16):
    Y = l16.TSNE.embedding
    groups = l16.TSNE_GROUP
    centres = np.array([Y[groups == g].mean(axis=0) for g in range(l16.N_CLUSTERS)])
    nearest = np.argmin(((Y[:, None, :] - centres[None]) ** 2).sum(-1), axis=1)
    np.testing.assert_array_equal(nearest, groups)


def test_perplexity_is_calibrated(l16):
    P_cond, _ = l16.manifold.calibrate_perplexity(squareform(pdist(l16.TSNE_X)), l16.PERPLEXITY)
    rows = np.where(P_cond > 0, P_cond, 1)
    entropy_bits = -np.sum(P_cond * np.log2(rows), axis=1)
    np.testing.assert_allclose(2**entropy_bits, l16.PERPLEXITY, rtol=1e-3)


# --------------------------------------------------------------------------- exercises

def test_exercises_against_oracles():
    ex = exercises_for(16)
    assert len(ex) == 3
    # 1. chord and arc length on the spiral
    t1, t2 = ex[0].inputs["t1_over_pi"] * np.pi, ex[0].inputs["t2_over_pi"] * np.pi
    chord = np.hypot(t2 * np.cos(t2) - t1 * np.cos(t1), t2 * np.sin(t2) - t1 * np.sin(t1))
    assert ex[0].answers["straight"] == pytest.approx(chord, abs=1e-9)
    assert ex[0].answers["along"] == pytest.approx(arclength(t1, t2), abs=1e-6)
    assert_shows(ex[0].answer, [ex[0].answers["straight"], ex[0].answers["along"]])
    # 2. shortest path on the ring with a diagonal
    (G,) = arrays(ex[1].inputs, "G")
    expected = scipy_shortest_path(G, directed=False)[1, 3]
    assert ex[1].answers["distance"] == pytest.approx(expected, abs=1e-12)
    path = ex[1].answers["path"]
    assert path[0] == 1 and path[-1] == 3
    assert sum(G[i, j] for i, j in zip(path, path[1:])) == pytest.approx(expected)
    assert_shows(ex[1].answer, ex[1].answers["distance"])
    # 3. KL(P || Q) for three points on a line
    P, Y = arrays(ex[2].inputs, "P", "Y")
    y = Y[:, 0]
    kernel = 1 / (1 + (y[:, None] - y[None]) ** 2)
    np.fill_diagonal(kernel, 0)
    Q = kernel / kernel.sum()
    mask = P > 0
    assert ex[2].answers["cost"] == pytest.approx(np.sum(P[mask] * np.log(P[mask] / Q[mask])), abs=1e-9)
    assert_shows(ex[2].answer, ex[2].answers["cost"], 3)
