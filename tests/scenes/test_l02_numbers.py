"""The numbers lesson 02 shows on screen, checked against NumPy.

The scene module computes everything once at import (from mathcore, with a
fixed seed); these tests import it by path and compare its module-level
constants with an independent oracle (numpy.linalg, np.cov), with explicit
tolerances. The exercises of the Try-it card are checked the same way.
"""

from __future__ import annotations


import numpy as np
import pytest

from exercise_checks import arrays, assert_shows
from scene_modules import exercises_for, load_scene_module

TOL = 1e-9  # mathcore is exact to round-off on these 2x2 and 3x3 inputs



@pytest.fixture(scope="module")
def l02():
    return load_scene_module("l02_matrix_decompositions")


def same_direction(u, v) -> float:
    """|cos| of the angle between u and v (1 = same line)."""
    return abs(float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v))))


# --------------------------------------------------------------------------- eigenvectors

def test_eigenpairs_match_numpy(l02):
    w, V = np.linalg.eigh(l02.A)  # ascending
    np.testing.assert_allclose(l02.EIGENVALUES, w[::-1], atol=TOL)
    for j in range(2):
        assert same_direction(l02.EIGENVECTORS[:, j], V[:, ::-1][:, j]) == pytest.approx(1, abs=TOL)
        np.testing.assert_allclose(l02.A @ l02.EIGENVECTORS[:, j],
                                   l02.EIGENVALUES[j] * l02.EIGENVECTORS[:, j], atol=TOL)


def test_off_span_vector_really_leaves_its_span(l02):
    v = l02.OFF_SPAN_VECTOR
    assert same_direction(v, l02.A @ v) < 0.99  # visibly turned


# --------------------------------------------------------------------------- power iteration

def test_power_iteration_converges_to_numpy_top_eigenpair(l02):
    w, V = np.linalg.eig(l02.A)
    top = np.argmax(np.abs(w))
    assert l02.POWER.converged
    assert l02.POWER.eigenvalue == pytest.approx(w[top], abs=1e-8)
    assert same_direction(l02.POWER.eigenvector, V[:, top]) == pytest.approx(1, abs=1e-8)
    assert same_direction(l02.ITERATES[-1], V[:, top]) == pytest.approx(1, abs=1e-8)


def test_iterates_are_the_normalised_products_from_v0(l02):
    v = l02.V0 / np.linalg.norm(l02.V0)
    np.testing.assert_allclose(l02.ITERATES[0], v, atol=TOL)
    for k in range(1, len(l02.ITERATES)):
        v = l02.A @ v
        v = v / np.linalg.norm(v)
        np.testing.assert_allclose(l02.ITERATES[k], v, atol=1e-12)
        assert l02.ESTIMATES[k] == pytest.approx(v @ l02.A @ v, abs=1e-12)
    assert len(l02.ITERATES) == l02.POWER.n_iter + 1


def test_drawn_products_are_A_times_each_iterate(l02):
    for k, product in enumerate(l02.PRODUCTS):
        np.testing.assert_allclose(product, l02.A @ l02.ITERATES[k], atol=TOL)


def test_the_iterate_visibly_turns_during_the_slow_steps(l02):
    """The scene's story: the start is far from the eigenvector, and the slow steps show it turning."""
    top = l02.EIGENVECTORS[:, 0]
    assert same_direction(l02.ITERATES[0], top) < 0.5
    assert same_direction(l02.ITERATES[l02.N_SLOW_STEPS], top) > 0.99
    assert l02.POWER.n_iter > l02.N_SLOW_STEPS


# --------------------------------------------------------------------------- SVD

def test_singular_values_match_numpy(l02):
    np.testing.assert_allclose(l02.S_SVD, np.linalg.svd(l02.A_SVD, compute_uv=False), atol=TOL)
    np.testing.assert_allclose(l02.U_SVD @ np.diag(l02.S_SVD) @ l02.VT_SVD, l02.A_SVD, atol=TOL)


def test_svd_factors_are_rotations_with_the_angles_drawn(l02):
    for R in (l02.U_SVD, l02.VT_SVD):
        assert np.linalg.det(R) == pytest.approx(1, abs=TOL)  # rotations, not reflections
        theta = l02.rotation_angle(R)
        np.testing.assert_allclose(
            R, [[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]], atol=TOL)


# --------------------------------------------------------------------------- PCA

def test_pca_matches_covariance_eigendecomposition(l02):
    C = np.cov(l02.CLOUD, rowvar=False)  # (2, 2), ddof = 1
    w, V = np.linalg.eigh(C)
    w, V = w[::-1], V[:, ::-1]
    np.testing.assert_allclose(l02.PCA.explained_variance, w, rtol=1e-10)
    np.testing.assert_allclose(l02.PCA.explained_variance_ratio, w / w.sum(), rtol=1e-10)
    np.testing.assert_allclose(l02.PCA.mean, l02.CLOUD.mean(axis=0), atol=TOL)
    for j in range(2):
        assert same_direction(l02.PCA.components[j], V[:, j]) == pytest.approx(1, abs=1e-10)


def test_projection_lands_on_the_first_axis(l02):
    c1 = l02.PCA.components[0]
    centred = l02.CLOUD - l02.CLOUD.mean(axis=0)
    np.testing.assert_allclose(l02.PROJECTED, np.outer(centred @ c1, c1), atol=1e-10)


# --------------------------------------------------------------------------- LU and QR

def test_lu_and_qr_reconstruct_M(l02):
    M = l02.M
    np.testing.assert_allclose(l02.P_LU @ l02.L_LU @ l02.U_LU, M, atol=TOL)
    np.testing.assert_allclose(np.tril(l02.L_LU), l02.L_LU, atol=0)
    np.testing.assert_allclose(np.diag(l02.L_LU), 1, atol=TOL)
    np.testing.assert_allclose(np.triu(l02.U_LU), l02.U_LU, atol=0)
    np.testing.assert_allclose(l02.Q_QR @ l02.R_QR, M, atol=TOL)
    np.testing.assert_allclose(l02.Q_QR.T @ l02.Q_QR, np.eye(3), atol=TOL)
    # |det| from numpy equals the product of R's diagonal
    assert abs(np.linalg.det(M)) == pytest.approx(abs(np.prod(np.diag(l02.R_QR))), rel=1e-10)


# --------------------------------------------------------------------------- Gram-Schmidt

SHOWN = 0.005  # the scene writes two decimals (format_number): half a unit in the last place


def numpy_qr_nonnegative_diagonal(B):
    """numpy.linalg.qr (LAPACK Householder, whose R may have negative diagonal entries),
    with columns of Q and rows of R flipped together so that diag(R) >= 0, as mathcore does."""
    Q, R = np.linalg.qr(B)
    signs = np.where(np.diag(R) < 0, -1.0, 1.0)
    return Q * signs, signs[:, None] * R


def test_gram_schmidt_q_and_r_match_numpy(l02):
    Q, R = numpy_qr_nonnegative_diagonal(l02.B_GS)
    np.testing.assert_allclose(l02.Q_GS[:, 0], Q[:, 0], atol=TOL)  # q1
    np.testing.assert_allclose(l02.Q_GS[:, 1], Q[:, 1], atol=TOL)  # q2
    np.testing.assert_allclose(l02.R_GS, R, atol=TOL)
    assert l02.R_GS[1, 0] == 0


def test_gram_schmidt_numbers_on_screen(l02):
    """The two-decimal strings drawn in the Q and R matrices and the r11, r12, r22 rows."""
    Q, R = numpy_qr_nonnegative_diagonal(l02.B_GS)
    for i in range(2):
        for j in range(2):
            assert float(l02.format_number(l02.Q_GS[i, j])) == pytest.approx(Q[i, j], abs=SHOWN)
            assert float(l02.format_number(l02.R_GS[i, j])) == pytest.approx(R[i, j], abs=SHOWN)


def test_r_entries_are_the_lengths_and_dot_product_drawn(l02):
    """r11 = |a1|, r12 = q1 . a2, r22 = |a2 - (q1 . a2) q1|, with the picture's vectors."""
    a1, a2 = l02.B_GS[:, 0], l02.B_GS[:, 1]
    q1 = a1 / np.linalg.norm(a1)
    remainder = a2 - (q1 @ a2) * q1
    assert l02.R_GS[0, 0] == pytest.approx(np.linalg.norm(a1), abs=TOL)
    assert l02.R_GS[0, 1] == pytest.approx(q1 @ a2, abs=TOL)
    assert l02.R_GS[1, 1] == pytest.approx(np.linalg.norm(remainder), abs=TOL)
    np.testing.assert_allclose(l02.GS_SHADOW, (q1 @ a2) * q1, atol=TOL)  # dashed
    np.testing.assert_allclose(l02.GS_REMAINDER, remainder, atol=TOL)
    np.testing.assert_allclose(l02.GS_SHADOW + l02.GS_REMAINDER, a2, atol=TOL)
    assert l02.GS_REMAINDER @ q1 == pytest.approx(0, abs=TOL)  # the right angle drawn


def test_gram_schmidt_picture_is_readable(l02):
    """The shadow is long enough to see and the three entries of R differ, so each number
    on screen points at one thing in the picture."""
    r11, r12, r22 = l02.R_GS[0, 0], l02.R_GS[0, 1], l02.R_GS[1, 1]
    assert 0.3 * r11 < r12 < 0.9 * r11  # a visible dashed segment, ending before a1's tip
    assert min(abs(r11 - r12), abs(r11 - r22), abs(r12 - r22)) > 0.2


# --------------------------------------------------------------------------- exercises

@pytest.fixture(scope="module")
def exercises():
    return exercises_for(2)


def test_three_exercises_with_code(exercises):
    assert len(exercises) == 3
    for e in exercises:
        assert e.code.startswith("mathcore.linalg.")


def test_eigenvalue_exercise(exercises):
    (S,) = arrays(exercises[0].inputs, "S")
    expected = np.sort(np.linalg.eigvalsh(S))[::-1]
    np.testing.assert_allclose(exercises[0].answers["eigenvalues"], expected, atol=TOL)
    assert_shows(exercises[0].answer, exercises[0].answers["eigenvalues"])


def test_power_step_exercise(exercises):
    A, v0 = arrays(exercises[1].inputs, "A", "v0")
    np.testing.assert_array_equal(v0, [1.0, 0.0])  # the question's v_0 = (1, 0)
    w = A @ v0
    v1 = w / np.linalg.norm(w)
    np.testing.assert_allclose(exercises[1].answers["v1"], v1, atol=TOL)
    assert exercises[1].answers["estimate"] == pytest.approx(v1 @ A @ v1, abs=TOL)
    assert_shows(exercises[1].answer, [*exercises[1].answers["v1"], exercises[1].answers["estimate"]])


def test_rank_one_error_exercise(exercises):
    (B,) = arrays(exercises[2].inputs, "B")
    s = np.linalg.svd(B, compute_uv=False)
    assert np.linalg.matrix_rank(B) == 2
    assert exercises[2].answers["error"] == pytest.approx(s[1], abs=TOL)
    np.testing.assert_allclose(exercises[2].answers["singular_values"], s, atol=TOL)
    assert_shows(exercises[2].answer, [exercises[2].answers["error"], *s])
