"""Lesson 01's added content against NumPy: the dot product, the transpose, the inverse
(and the squash that has none), and two linear layers composed into one matrix."""

from __future__ import annotations

import numpy as np
import pytest

from scene_modules import load_scene_module

TOL = 1e-12


@pytest.fixture(scope="module")
def l01():
    return load_scene_module("l01_vectors_and_matrices")


def test_dot_product_matches_numpy(l01):
    assert l01.DOT_UW == pytest.approx(np.dot(l01.U_DOT, l01.W_DOT), abs=TOL)
    assert l01.DOT_TERMS.sum() == pytest.approx(np.dot(l01.U_DOT, l01.W_DOT), abs=TOL)
    assert l01.U_DOT.shape == l01.W_DOT.shape == (len(l01.FEATURES),)


def test_data_rows_are_vectors_of_the_feature_space(l01):
    assert l01.HOUSES.shape[1] == len(l01.FEATURES) == 4


def test_inverses_match_numpy_and_undo(l01):
    for M, M_inv in ((l01.SHEAR, l01.SHEAR_INV), (l01.M_STRETCH, l01.STRETCH_INV)):
        np.testing.assert_allclose(M_inv, np.linalg.inv(M), atol=TOL)
        np.testing.assert_allclose(M_inv @ M, np.eye(2), atol=TOL)


def test_the_two_by_two_formula_on_screen(l01):
    (a, b), (c, d) = l01.M_STRETCH
    formula = np.array([[d, -b], [-c, a]]) / (a * d - b * c)
    np.testing.assert_allclose(l01.STRETCH_INV, formula, atol=TOL)


def test_the_squash_sends_a_nonzero_vector_to_zero(l01):
    assert np.linalg.norm(l01.SQUASHED) > 0
    np.testing.assert_allclose(l01.SQUASHED_IMAGE, l01.M_SQUASH @ l01.SQUASHED, atol=TOL)
    np.testing.assert_allclose(l01.SQUASHED_IMAGE, 0, atol=TOL)
    with pytest.raises(np.linalg.LinAlgError):
        np.linalg.inv(l01.M_SQUASH)


def test_two_linear_layers_are_one_matrix(l01):
    np.testing.assert_allclose(l01.W21, l01.W2 @ l01.W1, atol=TOL)
    x = np.array([0.3, -1.7])
    np.testing.assert_allclose(l01.W2 @ (l01.W1 @ x), l01.W21 @ x, atol=TOL)
    assert l01.W1.shape == (3, 2) and l01.W2.shape == (1, 3)


def test_the_inverse_scales_areas_back(l01):
    assert l01.DET_STRETCH_INV == pytest.approx(1 / np.linalg.det(l01.M_STRETCH), abs=TOL)
    assert l01.DET_STRETCH_INV == pytest.approx(np.linalg.det(l01.STRETCH_INV), abs=TOL)
