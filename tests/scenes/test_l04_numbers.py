"""The numbers lesson 04 shows on screen, checked against NumPy and SciPy.

The scene module computes everything once at import (from mathcore.norms and
mathcore.probability, with fixed inputs and a fixed seed); these tests import
it by path and compare its module-level constants with independent oracles:
numpy.linalg.norm, scipy.spatial.distance (cosine, euclidean, cityblock,
mahalanobis) and numpy.linalg.eigh. The exercises of the Try-it card are
checked the same way.
"""

from __future__ import annotations


import numpy as np
import pytest
from scipy.spatial import distance

from exercise_checks import arrays, assert_shows
from scene_modules import exercises_for, load_scene_module

TOL = 1e-12  # closed-form norms: exact to round-off
SHOWN = 0.005  # numbers printed with two decimals



@pytest.fixture(scope="module")
def l04():
    return load_scene_module("l04_norms_and_distances")


# --------------------------------------------------------------------------- unit balls

def test_every_ball_point_has_norm_one(l04):
    for p, ball in zip(l04.P_GRID, l04.BALLS):
        norms = np.linalg.norm(ball, ord=p, axis=1)
        np.testing.assert_allclose(norms, 1.0, atol=1e-9, err_msg=f"p = {p}")


def test_the_morph_passes_diamond_circle_square(l04):
    assert l04.P_GRID[0] == 1.0 and l04.P_GRID[-1] == np.inf
    assert l04.P_GRID[l04.INDEX_P2] == pytest.approx(2.0, abs=TOL)
    assert l04.P_GRID[l04.INDEX_P10] == pytest.approx(10.0, abs=1e-9)
    assert np.all(np.diff(l04.P_GRID) > 0)  # p only grows as the tracker runs
    square = l04.BALLS[-1]
    np.testing.assert_allclose(np.abs(square).max(axis=1), 1.0, atol=TOL)


def test_half_ball_is_not_convex(l04):
    ball = l04.BALL_HALF
    np.testing.assert_allclose((np.sqrt(np.abs(ball)).sum(axis=1)) ** 2, 1.0, atol=1e-9)
    # the midpoint of (1, 0) and (0, 1) lies outside the p = 1/2 ball
    mid = np.array([0.5, 0.5])
    assert np.sqrt(np.abs(mid)).sum() ** 2 > 1


def test_sample_vector_norms(l04):
    x = l04.SAMPLE_X
    for p in (1, 2, np.inf):
        assert l04.SAMPLE_NORMS[p] == pytest.approx(np.linalg.norm(x, ord=p), abs=TOL)


# --------------------------------------------------------------------------- cosine

def test_cosine_similarities(l04):
    assert l04.COS_AB == pytest.approx(1 - distance.cosine(l04.EMBED_A, l04.EMBED_B), abs=TOL)
    assert l04.COS_AC == pytest.approx(1 - distance.cosine(l04.EMBED_A, l04.EMBED_C), abs=TOL)
    assert l04.COS_AB > 0.9 > 0.3 > l04.COS_AC  # kitten is close to cat, car is not


def test_sweep_goes_from_kitten_to_opposite(l04):
    expected = [1 - distance.cosine(l04.EMBED_A, b) for b in l04.SWEEP_B]
    np.testing.assert_allclose(l04.SWEEP_COS, expected, atol=1e-12)
    np.testing.assert_allclose(l04.SWEEP_B[0], l04.EMBED_B, atol=1e-12)
    assert l04.SWEEP_COS[l04.INDEX_RIGHT_ANGLE] == pytest.approx(0.0, abs=SHOWN)
    assert l04.SWEEP_COS[-1] == pytest.approx(-1.0, abs=TOL)
    np.testing.assert_allclose(np.linalg.norm(l04.SWEEP_B, axis=1), np.linalg.norm(l04.EMBED_B))


def test_scaling_keeps_the_cosine_and_changes_the_distance(l04):
    np.testing.assert_allclose(l04.SCALED_COS, l04.COS_AB, atol=1e-12)
    expected = [distance.euclidean(l04.EMBED_A, b) for b in l04.SCALED_B]
    np.testing.assert_allclose(l04.SCALED_DIST, expected, atol=TOL)
    assert l04.SCALED_DIST[-1] - l04.SCALED_DIST[0] > 0.3  # visibly different


# --------------------------------------------------------------------------- distances

def test_euclidean_and_manhattan(l04):
    P, Q = l04.POINT_P, l04.POINT_Q
    assert l04.EUCLIDEAN_PQ == pytest.approx(distance.euclidean(P, Q), abs=TOL)
    assert l04.MANHATTAN_PQ == pytest.approx(distance.cityblock(P, Q), abs=TOL)


def test_every_staircase_is_a_shortest_grid_path(l04):
    for path, length in zip(l04.STAIRCASES, l04.STAIRCASE_LENGTHS):
        path = np.asarray(path, dtype=float)
        steps = np.diff(path, axis=0)
        assert np.all((steps[:, 0] == 0) | (steps[:, 1] == 0))  # axis-parallel moves only
        assert np.all(steps >= 0)  # never backward
        assert length == pytest.approx(distance.cityblock(path[0], path[-1]), abs=TOL)


def test_mahalanobis_points(l04):
    inv = np.linalg.inv(l04.CLOUD_COV)
    mean = l04.CLOUD_MEAN
    assert l04.MAHAL_ALONG == pytest.approx(distance.mahalanobis(l04.POINT_ALONG, mean, inv), abs=1e-10)
    assert l04.MAHAL_ACROSS == pytest.approx(distance.mahalanobis(l04.POINT_ACROSS, mean, inv), abs=1e-10)
    assert l04.EUCLID_ALONG == pytest.approx(l04.EUCLID_ACROSS, abs=1e-12)  # equally far for Euclid
    assert l04.MAHAL_ACROSS > 3 * l04.MAHAL_ALONG  # not for Mahalanobis


def test_ellipses_are_mahalanobis_level_sets(l04):
    inv = np.linalg.inv(l04.CLOUD_COV)
    w, V = np.linalg.eigh(l04.CLOUD_COV)
    np.testing.assert_allclose(abs(l04.MAJOR @ V[:, 1]), 1.0, atol=1e-12)  # long axis: top eigenvector
    for k, ellipse in zip((1, 2, 3), l04.ELLIPSES):
        d = [distance.mahalanobis(x, l04.CLOUD_MEAN, inv) for x in ellipse.points]
        np.testing.assert_allclose(d, k, atol=1e-10)


# --------------------------------------------------------------------------- exercises

@pytest.fixture(scope="module")
def exercises():
    return exercises_for(4)


def test_three_exercises_with_code(exercises):
    assert len(exercises) == 3
    for e in exercises:
        assert e.code.startswith("mathcore.norms.")


def test_norms_exercise(exercises):
    (v,) = arrays(exercises[0].inputs, "v")
    shown = [exercises[0].answers[name] for name in ("l1", "l2", "linf")]
    np.testing.assert_allclose(shown, [np.linalg.norm(v, 1), np.linalg.norm(v, 2),
                                       np.linalg.norm(v, np.inf)], atol=TOL)
    assert_shows(exercises[0].answer, shown)


def test_cosine_exercise(exercises):
    a, b = arrays(exercises[1].inputs, "a", "b")
    assert exercises[1].answers["cosine"] == pytest.approx(1 - distance.cosine(a, b), abs=TOL)
    assert_shows(exercises[1].answer, exercises[1].answers["cosine"], 3)


def test_mahalanobis_exercise(exercises):
    sigmas, x = arrays(exercises[2].inputs, "sigmas", "x")
    inv = np.linalg.inv(np.diag(sigmas ** 2))
    answers = exercises[2].answers
    assert answers["mahalanobis"] == pytest.approx(distance.mahalanobis(x, np.zeros(2), inv), abs=TOL)
    assert answers["euclidean"] == pytest.approx(distance.euclidean(x, np.zeros(2)), abs=TOL)
    assert_shows(exercises[2].answer, [answers["mahalanobis"], answers["euclidean"]], 3)
