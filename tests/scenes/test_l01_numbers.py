"""The numbers lesson 01 shows on screen, checked against NumPy.

The scene module computes its products and determinants once at import;
these tests import it by path and compare with numpy.linalg, with explicit
tolerances. The Try-it exercises are checked the same way.
"""

from __future__ import annotations


import numpy as np
import pytest

from exercise_checks import arrays, assert_shows
from scene_modules import exercises_for, load_scene_module

TOL = 1e-12
SHOWN_TOL = 0.005  # half a unit in the last of the two decimals get_matrix draws


@pytest.fixture(scope="module")
def l01():
    return load_scene_module("l01_vectors_and_matrices")


def test_determinants_match_numpy(l01):
    for name, M in (("stretch", l01.M_STRETCH), ("flip", l01.M_FLIP), ("squash", l01.M_SQUASH)):
        assert l01.DETS[name] == pytest.approx(np.linalg.det(M), abs=1e-12), name


def test_the_three_determinant_cases_tell_their_story(l01):
    assert l01.DETS["stretch"] > 1  # areas grow
    assert l01.DETS["flip"] < 0  # orientation flips
    assert l01.DETS["squash"] == pytest.approx(0, abs=1e-12)  # the plane collapses


def test_composition_is_the_matrix_product(l01):
    np.testing.assert_allclose(l01.PRODUCT, np.matmul(l01.ROTATE, l01.SHEAR), atol=TOL)
    np.testing.assert_allclose(l01.PRODUCT_X, l01.ROTATE @ (l01.SHEAR @ l01.X), atol=TOL)
    np.testing.assert_allclose(l01.SHEAR_X, l01.X[0] * l01.SHEAR[:, 0] + l01.X[1] * l01.SHEAR[:, 1],
                               atol=TOL)
    # the product does not commute here, which is why the order is narrated
    assert not np.allclose(l01.ROTATE @ l01.SHEAR, l01.SHEAR @ l01.ROTATE)


def test_both_orders_on_screen_match_numpy(l01):
    """The cards RS and SR of the order-matters step, as drawn, against np.matmul."""
    cases = {"RS": (l01.PRODUCT, l01.SHEAR, l01.ROTATE), "SR": (l01.PRODUCT_SR, l01.ROTATE, l01.SHEAR)}
    for name, (product, first, then) in cases.items():
        oracle = np.matmul(then, first)  # `first` is applied first: the right-hand factor
        np.testing.assert_allclose(product, oracle, atol=TOL, err_msg=name)
        # the card's entries are get_matrix's text: format_number with two decimals
        shown = np.array([[float(l01.format_number(x)) for x in row] for row in product])
        np.testing.assert_allclose(shown, oracle, atol=SHOWN_TOL, err_msg=name)
        # its columns are where i-hat and j-hat land after the two moves, one by one
        landed = np.column_stack([np.matmul(then, np.matmul(first, e)) for e in np.eye(2)])
        np.testing.assert_allclose(product, landed, atol=TOL, err_msg=name)
    np.testing.assert_allclose(l01.PRODUCT_SR_X, np.matmul(l01.SHEAR, np.matmul(l01.ROTATE, l01.X)),
                               atol=TOL)
    # what the step shows: the two matrices differ, and x lands visibly elsewhere
    assert np.abs(l01.PRODUCT - l01.PRODUCT_SR).max() > 0.5
    assert np.linalg.norm(l01.PRODUCT_X - l01.PRODUCT_SR_X) > 1.0


def test_span_pairs(l01):
    assert abs(np.linalg.det(np.column_stack([l01.SPAN_V, l01.SPAN_W]))) > 0.5  # a basis
    assert np.linalg.matrix_rank(np.column_stack([l01.SPAN_V, l01.DEPENDENT_W])) == 1  # a line


# --------------------------------------------------------------------------- exercises

@pytest.fixture(scope="module")
def exercises():
    return exercises_for(1)


def test_area_exercise(exercises):
    (P,) = arrays(exercises[0].inputs, "P")
    assert exercises[0].answers["area"] == pytest.approx(abs(np.linalg.det(P)), abs=1e-12)
    assert_shows(exercises[0].answer, exercises[0].answers["area"])


def test_product_determinant_exercise(exercises):
    A, B = arrays(exercises[1].inputs, "A", "B")
    answers = exercises[1].answers
    assert answers["det_a"] == pytest.approx(np.linalg.det(A), abs=1e-12)
    assert answers["det_b"] == pytest.approx(np.linalg.det(B), abs=1e-12)
    assert answers["det_ab"] == pytest.approx(np.linalg.det(A @ B), abs=1e-12)
    assert_shows(exercises[1].answer, [answers["det_a"], answers["det_b"], answers["det_ab"]])


def test_basis_exercise(exercises):
    (pair,) = arrays(exercises[2].inputs, "pair")
    is_basis = np.linalg.matrix_rank(pair) == 2
    assert exercises[2].answers["basis"] == is_basis
    assert exercises[2].answers["det"] == pytest.approx(np.linalg.det(pair), abs=1e-12)
    assert exercises[2].answer.startswith("Yes" if is_basis else "No")
    if is_basis:
        assert_shows(exercises[2].answer, exercises[2].answers["det"])
