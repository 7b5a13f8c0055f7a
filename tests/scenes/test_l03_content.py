"""Lesson 03's added content: the identities scene and what the chain-rule scene says.

Oracles are written out by hand in NumPy (the gradient of aᵀx and xᵀAx from
their entries), independent of the formula the scene draws.
"""

from __future__ import annotations

import numpy as np
import pytest

from scene_modules import load_scene_module

FIRST_TOL = 1e-6  # central differences, first derivatives


@pytest.fixture(scope="module")
def l03():
    return load_scene_module("l03_matrix_calculus")


def test_gradient_of_a_dot_x_is_a(l03):
    np.testing.assert_allclose(l03.ID_LINEAR_FD, l03.ID_A_VEC, atol=FIRST_TOL)


def test_gradient_of_the_quadratic_form_from_its_entries(l03):
    A, x = l03.ID_A, l03.ID_X
    # d/dx_k sum_ij A_ij x_i x_j = sum_j A_kj x_j + sum_i A_ik x_i, written out entry by entry
    by_hand = np.array([sum(A[k, j] * x[j] for j in range(2)) + sum(A[i, k] * x[i] for i in range(2))
                        for k in range(2)])
    np.testing.assert_allclose(l03.ID_QUAD_FORMULA, by_hand, atol=1e-12)
    np.testing.assert_allclose(l03.ID_QUAD_FD, by_hand, atol=FIRST_TOL)


def test_the_shortcut_2ax_shown_as_wrong_is_wrong(l03):
    assert not np.allclose(l03.ID_A, l03.ID_A.T)  # the example needs a non-symmetric A
    assert np.abs(l03.ID_QUAD_WRONG - l03.ID_QUAD_FD).max() > 0.5


def test_the_linear_layers_jacobian_on_screen_is_w1_transposed(l03):
    # z = x W1 + b1: dz_i/dx_j = W1[j, i]; the narration says "W one transposed"
    np.testing.assert_allclose(l03.J_LAYER1, l03.NET_W1.T, atol=FIRST_TOL)
    np.testing.assert_allclose(l03.J_LAYER2, l03.NET_W2.T, atol=FIRST_TOL)


def test_delta_recursion_matches_the_two_line_derivation(l03):
    h = l03.NET_H
    delta2 = l03.NET_DELTA2  # (1, 1)
    dl_dh = delta2 @ l03.NET_W2.T  # line one: dL/dh = delta2 W2^T
    delta1 = dl_dh @ np.diag(1 - h ** 2)  # line two: times tanh's diagonal Jacobian
    np.testing.assert_allclose(l03.NET_DELTA1, delta1[0], atol=1e-12)

