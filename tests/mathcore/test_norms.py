"""mathcore.norms against NumPy, SciPy and closed forms."""

import numpy as np
import pytest
import scipy.spatial.distance as distance
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from mathcore import norms
from predicates import random_orthogonal, seeds

SETTINGS = settings(max_examples=100, deadline=None)

# entries 0 or |x| >= 1e-25: numpy's unscaled oracle sum |x|^p must not underflow (p <= 10)
moderate = st.one_of(st.just(0.0), st.floats(1e-25, 1e3), st.floats(-1e3, -1e-25))
vectors = hnp.arrays(np.float64, st.integers(1, 8), elements=moderate)
ps = st.one_of(st.floats(0.25, 10.0), st.sampled_from([1.0, 2.0, np.inf]))


def vector_pairs(min_norm=0.0):
    return st.integers(1, 8).flatmap(lambda n: st.tuples(
        *[hnp.arrays(np.float64, n, elements=st.floats(-1e3, 1e3, allow_nan=False))] * 2)).filter(
        lambda ab: min(np.linalg.norm(ab[0]), np.linalg.norm(ab[1])) > min_norm)


@SETTINGS
@given(vectors, ps)
def test_lp_norm_matches_numpy(x, p):
    assert norms.lp_norm(x, p) == pytest.approx(np.linalg.norm(x, ord=p), rel=1e-12, abs=1e-300)


def test_lp_norm_does_not_overflow_or_underflow():
    assert norms.lp_norm([1e200, 1e200], 2) == pytest.approx(np.sqrt(2) * 1e200, rel=1e-15)
    assert norms.lp_norm([3e-200, 4e-200], 2) == pytest.approx(5e-200, rel=1e-15)


@SETTINGS
@given(vector_pairs(), st.floats(1.0, 8.0))
def test_lp_norm_triangle_inequality_for_p_at_least_one(ab, p):
    a, b = ab
    assert norms.lp_norm(a + b, p) <= norms.lp_norm(a, p) + norms.lp_norm(b, p) + 1e-9


def test_quasi_norm_breaks_triangle_inequality():
    a, b = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    assert norms.lp_norm(a + b, 0.5) == pytest.approx(4.0)  # > ||a|| + ||b|| = 2


@SETTINGS
@given(ps, st.integers(4, 200))
def test_lp_unit_ball_points_have_unit_norm(p, n):
    points = norms.lp_unit_ball(p, n)
    assert points.shape == (n, 2)
    np.testing.assert_allclose([np.linalg.norm(v, ord=p) for v in points], 1.0, rtol=1e-12)
    angles = np.unwrap(np.arctan2(points[:, 1], points[:, 0]))
    np.testing.assert_allclose(angles, 2 * np.pi * np.arange(n) / n, atol=1e-12)


def test_lp_unit_ball_corner_cases():
    np.testing.assert_allclose(norms.lp_unit_ball(np.inf, 8)[1], [1.0, 1.0], atol=1e-15)
    np.testing.assert_allclose(norms.lp_unit_ball(1, 8)[1], [0.5, 0.5], atol=1e-15)


@pytest.mark.parametrize("p", [0, -1, np.nan, "2", True])
def test_lp_norm_refuses_bad_p(p):
    with pytest.raises(ValueError, match=r"p must be a number > 0 \(or np.inf\), got"):
        norms.lp_norm([1.0, 2.0], p)


@SETTINGS
@given(vector_pairs(min_norm=1e-3))
def test_cosine_similarity_matches_scipy(ab):
    a, b = ab
    cos = norms.cosine_similarity(a, b)
    assert cos == pytest.approx(1.0 - distance.cosine(a, b), abs=1e-12)
    assert -1.0 <= cos <= 1.0


def test_cosine_similarity_closed_forms():
    assert norms.cosine_similarity([1.0, 2.0], [2.0, 4.0]) == pytest.approx(1.0, abs=1e-15)
    assert norms.cosine_similarity([1.0, 0.0], [0.0, 5.0]) == 0.0
    assert norms.cosine_similarity([1e300, 1e300], [-1e300, -1e300]) == pytest.approx(-1.0, abs=1e-15)


@SETTINGS
@given(vector_pairs())
def test_distances_match_scipy(ab):
    a, b = ab
    assert norms.euclidean(a, b) == pytest.approx(distance.euclidean(a, b), rel=1e-12, abs=1e-12)
    assert norms.manhattan(a, b) == pytest.approx(distance.cityblock(a, b), rel=1e-12, abs=1e-12)


@st.composite
def gaussians(draw):
    rng = np.random.default_rng(draw(seeds))
    d = draw(st.integers(1, 5))
    Q = random_orthogonal(rng, d)
    cov = Q @ np.diag(rng.uniform(0.1, 10.0, d)) @ Q.T
    return rng.normal(size=d) * 3, rng.normal(size=d), (cov + cov.T) / 2


@SETTINGS
@given(gaussians())
def test_mahalanobis_matches_scipy(case):
    x, mean, cov = case
    expected = distance.mahalanobis(x, mean, np.linalg.inv(cov))
    assert norms.mahalanobis(x, mean, cov) == pytest.approx(expected, rel=1e-10, abs=1e-12)


def test_mahalanobis_identity_cov_is_euclidean():
    assert norms.mahalanobis([1.0, 2.0, 2.0], [0.0, 0.0, 0.0], np.eye(3)) == pytest.approx(3.0, rel=1e-15)


@pytest.mark.parametrize("call, match", [
    (lambda: norms.cosine_similarity([0.0, 0.0], [1.0, 2.0]), r"a must be a non-zero vector"),
    (lambda: norms.cosine_similarity([1.0, 0.0], [1.0, 2.0, 3.0]), r"b must have the shape of a \(2,\), got shape \(3,\)"),
    (lambda: norms.euclidean([1.0, np.inf], [1.0, 2.0]), r"a must be finite"),
    (lambda: norms.manhattan([[1.0]], [1.0]), r"a must be a 1-D vector, got shape \(1, 1\)"),
    (lambda: norms.mahalanobis([1.0, 0.0], [0.0, 0.0], [[1.0, 0.0], [0.0, -1.0]]), r"cov must be positive definite, got shape \(2, 2\)"),
    (lambda: norms.mahalanobis([1.0, 0.0], [0.0, 0.0], [[1.0, 2.0], [0.0, 1.0]]), r"cov must be symmetric"),
    (lambda: norms.mahalanobis([1.0, 0.0], [0.0, 0.0], np.eye(3)), r"cov must have shape \(2, 2\) to match x, got shape \(3, 3\)"),
    (lambda: norms.mahalanobis([1.0, 0.0], [0.0], np.eye(2)), r"mean must have the shape of x \(2,\), got shape \(1,\)"),
    (lambda: norms.lp_unit_ball(2, 0), r"n_points must be a positive integer, got 0"),
])
def test_norms_refuse_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()
