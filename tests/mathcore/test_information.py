"""mathcore.information against scipy.stats.entropy, scipy.special.rel_entr and closed forms."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.spatial.distance import jensenshannon
from scipy.special import rel_entr
from scipy.stats import entropy as scipy_entropy

from mathcore import information
from mathcore.information import (
    binary_entropy, conditional_entropy, cross_entropy, entropy, joint_entropy,
    js_divergence, kl_divergence, mutual_information,
)

SETTINGS = settings(max_examples=100, deadline=None)
RTOL, ATOL = 1e-10, 1e-12


@st.composite
def distributions(draw, n=None, *, with_zeros=True):
    """A probability vector of length n (drawn if None), possibly with exact zeros."""
    n = draw(st.integers(1, 12)) if n is None else n
    low = 0.0 if with_zeros else 1e-3
    weights = draw(arrays(np.float64, n, elements=st.floats(low, 10.0)))
    if weights.sum() == 0:
        weights[0] = 1.0
    return weights / weights.sum()


@st.composite
def pairs(draw, *, q_positive=True):
    n = draw(st.integers(1, 12))
    return draw(distributions(n)), draw(distributions(n, with_zeros=not q_positive))


@st.composite
def joints(draw):
    shape = (draw(st.integers(1, 6)), draw(st.integers(1, 6)))
    weights = draw(arrays(np.float64, shape, elements=st.floats(0.0, 10.0)))
    if weights.sum() == 0:
        weights[0, 0] = 1.0
    return weights / weights.sum()


bases = st.sampled_from([None, 2, np.e, 10])


@SETTINGS
@given(distributions(), bases)
def test_entropy_matches_scipy_and_is_bounded_by_log_n(p, base):
    expected = scipy_entropy(p, base=base)
    assert entropy(p, base) == pytest.approx(expected, rel=RTOL, abs=ATOL)
    log_n = np.log(len(p)) / (np.log(base) if base else 1.0)
    assert -ATOL <= entropy(p, base) <= log_n + 1e-9


def test_entropy_of_a_batch_is_per_row():
    p = np.array([[0.5, 0.5], [1.0, 0.0], [0.9, 0.1]])
    np.testing.assert_allclose(entropy(p), scipy_entropy(p, axis=1), rtol=RTOL)


def test_entropy_extremes():
    assert entropy([0.0, 1.0, 0.0]) == 0.0
    assert entropy(np.full(8, 1 / 8), base=2) == pytest.approx(3.0, rel=1e-12)


@SETTINGS
@given(st.floats(0.0, 1.0), bases)
def test_binary_entropy_matches_two_outcome_entropy(p, base):
    assert binary_entropy(p, base) == pytest.approx(scipy_entropy([p, 1 - p], base=base),
                                                    rel=RTOL, abs=ATOL)


def test_binary_entropy_is_elementwise_and_symmetric():
    p = np.linspace(0, 1, 11)
    h = binary_entropy(p, base=2)
    assert h.shape == (11,)
    np.testing.assert_allclose(h, h[::-1], atol=1e-12)
    assert h[5] == pytest.approx(1.0) and h[0] == 0.0


@SETTINGS
@given(pairs(q_positive=True), bases)
def test_cross_entropy_is_entropy_plus_kl(pq, base):
    p, q = pq
    expected = -np.sum(np.where(p > 0, p * np.log(q), 0.0)) / (np.log(base) if base else 1.0)
    assert cross_entropy(p, q, base) == pytest.approx(expected, rel=RTOL, abs=ATOL)
    assert cross_entropy(p, q, base) == pytest.approx(
        scipy_entropy(p, base=base) + scipy_entropy(p, q, base=base), rel=1e-9, abs=1e-10)


@SETTINGS
@given(pairs(q_positive=False), bases)
def test_kl_matches_scipy_rel_entr_including_infinities(pq, base):
    p, q = pq
    expected = rel_entr(p, q).sum() / (np.log(base) if base else 1.0)
    got = kl_divergence(p, q, base)
    if np.isinf(expected):
        assert got == np.inf
    else:
        assert got == pytest.approx(expected, rel=RTOL, abs=ATOL)
        assert got >= -ATOL


@SETTINGS
@given(distributions())
def test_kl_of_a_distribution_with_itself_is_zero(p):
    assert kl_divergence(p, p) == pytest.approx(0.0, abs=1e-14)


def test_kl_is_asymmetric_and_infinite_off_support():
    p, q = [0.9, 0.1], [0.5, 0.5]
    assert kl_divergence(p, q) != pytest.approx(kl_divergence(q, p))
    assert kl_divergence([0.5, 0.5], [1.0, 0.0]) == np.inf
    assert cross_entropy([0.5, 0.5], [1.0, 0.0]) == np.inf
    assert kl_divergence([1.0, 0.0], [0.5, 0.5]) == pytest.approx(np.log(2))


@SETTINGS
@given(pairs(q_positive=False), bases)
def test_js_divergence_matches_scipy(pq, base):
    p, q = pq
    m = 0.5 * (p + q)
    expected = 0.5 * (rel_entr(p, m).sum() + rel_entr(q, m).sum()) / np.log(base or np.e)
    assert js_divergence(p, q, base) == pytest.approx(expected, rel=1e-9, abs=1e-12)
    assert js_divergence(p, q, base) == pytest.approx(js_divergence(q, p, base), abs=1e-14)
    assert js_divergence(p, q, base) >= 0.0
    distance = jensenshannon(p, q, base=base)  # NaN where rounding makes its square negative
    if np.isfinite(distance):
        assert js_divergence(p, q, base) == pytest.approx(distance**2, rel=1e-9, abs=1e-12)


def test_js_divergence_of_a_distribution_with_itself_is_zero():
    p = np.full(3, 1 / 3)
    assert js_divergence(p, p) == 0.0


def _mi_oracle(joint):
    p_x, p_y = joint.sum(axis=1), joint.sum(axis=0)
    return scipy_entropy(p_x) + scipy_entropy(p_y) - scipy_entropy(joint.ravel())


@SETTINGS
@given(joints(), bases)
def test_mutual_information_is_sum_of_marginal_entropies_minus_joint(joint, base):
    scale = np.log(base) if base else 1.0
    mi = mutual_information(joint, base)
    assert mi == pytest.approx(_mi_oracle(joint) / scale, rel=1e-9, abs=1e-10)
    assert mi >= 0.0
    assert joint_entropy(joint, base) == pytest.approx(scipy_entropy(joint.ravel(), base=base),
                                                       rel=RTOL, abs=ATOL)
    h_y_given_x = (scipy_entropy(joint.ravel()) - scipy_entropy(joint.sum(axis=1))) / scale
    assert conditional_entropy(joint, base) == pytest.approx(h_y_given_x, rel=1e-9, abs=1e-10)


@SETTINGS
@given(distributions(), distributions())
def test_mutual_information_of_independent_variables_is_zero(p_x, p_y):
    assert mutual_information(np.outer(p_x, p_y)) == pytest.approx(0.0, abs=1e-12)


def test_mutual_information_of_a_copy_is_the_entropy():
    p = np.array([0.2, 0.3, 0.5])
    assert mutual_information(np.diag(p)) == pytest.approx(scipy_entropy(p), rel=1e-12)


@pytest.mark.parametrize("call, match", [
    (lambda: entropy([0.5, 0.6]), r"p must sum to 1 .*1\.1"),
    (lambda: entropy([1.5, -0.5]), r"p must be non-negative"),
    (lambda: entropy([0.5, np.nan]), r"p must be finite"),
    (lambda: entropy([]), r"p must not be empty"),
    (lambda: entropy([0.5, 0.5], base=1), r"base must be a positive number other than 1"),
    (lambda: entropy([0.5, 0.5], base=-2), r"base must be a positive number"),
    (lambda: cross_entropy([0.5, 0.5], [0.2, 0.2]), r"q must sum to 1"),
    (lambda: kl_divergence([0.5, 0.5], [0.2, 0.3, 0.5]), r"p and q must have the same shape"),
    (lambda: kl_divergence([0.5, 0.5], [-0.5, 1.5]), r"q must be non-negative"),
    (lambda: js_divergence([1.0], [0.5, 0.5]), r"p and q must have the same shape"),
    (lambda: mutual_information([0.5, 0.5]), r"joint must be a 2-D matrix"),
    (lambda: mutual_information([[0.5, 0.5], [0.5, 0.5]]), r"joint must sum to 1"),
    (lambda: binary_entropy(1.2), r"p must lie in \[0, 1\]"),
])
def test_bad_input_names_the_argument(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_docstring_examples_run():
    assert doctest.testmod(information).failed == 0
