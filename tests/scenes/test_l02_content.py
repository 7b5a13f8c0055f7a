"""Lesson 02's added content, checked against NumPy and SciPy: the convergence rate of power
iteration (the Rayleigh quotient's error shrinks by (lambda2/lambda1)^2 per step, the
direction's by lambda2/lambda1), rotations named by their determinant, the rank-one
approximation's error, and the LU worked example."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.linalg

from scene_modules import load_scene_module

TOL = 1e-9


@pytest.fixture(scope="module")
def l02():
    return load_scene_module("l02_matrix_decompositions")


# --------------------------------------------------------------------------- convergence rate

def test_the_estimate_error_shrinks_by_the_squared_ratio_not_the_ratio(l02):
    lam = np.linalg.eigvalsh(l02.A)[::-1]  # descending
    rate = lam[1] / lam[0]
    assert l02.RATE == pytest.approx(rate, abs=TOL)
    errors = lam[0] - np.array([v @ l02.A @ v for v in l02.ITERATES])  # independent Rayleigh quotients
    np.testing.assert_allclose(l02.ERRORS, errors, atol=TOL)
    ratios = errors[1:] / errors[:-1]
    k = max(l02.RATE_STEPS)
    assert ratios[k - 1] == pytest.approx(rate ** 2, abs=1e-3)  # the table's last row
    assert abs(ratios[k - 1] - rate) > 0.2  # and clearly not lambda2 / lambda1 itself


def test_the_direction_error_shrinks_by_the_ratio_each_step(l02):
    w, V = np.linalg.eigh(l02.A)
    q1, q2 = V[:, 1], V[:, 0]
    t = (l02.ITERATES @ q2) / (l02.ITERATES @ q1)
    np.testing.assert_allclose(np.abs(l02.TANGENTS), np.abs(t), rtol=1e-9, atol=1e-12)
    head = t[:12]  # while t_k is far above round-off
    np.testing.assert_allclose(head[1:] / head[:-1], w[0] / w[1], rtol=1e-6)


def test_the_error_formula_on_screen_holds(l02):
    """lambda1 - v_k^T A v_k = (lambda1 - lambda2) t_k^2 / (1 + t_k^2) at every step."""
    lam = np.linalg.eigvalsh(l02.A)[::-1]
    t = l02.TANGENTS
    np.testing.assert_allclose(l02.ERRORS, (lam[0] - lam[1]) * t ** 2 / (1 + t ** 2), atol=1e-9)


def test_start_coefficients_rebuild_v0(l02):
    np.testing.assert_allclose(l02.EIGENVECTORS @ l02.COEFFS, l02.ITERATES[0], atol=TOL)


# --------------------------------------------------------------------------- rotations, not reflections

def test_the_matrices_turned_on_screen_are_rotations(l02):
    """The scenes animate Q, V^T and U as turns, and say so from the determinant."""
    for name, R in (("Q", l02.EIGENVECTORS), ("V^T", l02.VT_SVD), ("U", l02.U_SVD)):
        np.testing.assert_allclose(R.T @ R, np.eye(2), atol=TOL, err_msg=name)
        assert np.linalg.det(R) == pytest.approx(1.0, abs=TOL), name
    assert l02.VT_DET == pytest.approx(np.linalg.det(l02.VT_SVD), abs=TOL)
    assert l02.U_DET == pytest.approx(np.linalg.det(l02.U_SVD), abs=TOL)
    assert l02.Q_DET == pytest.approx(np.linalg.det(l02.EIGENVECTORS), abs=TOL)


def test_eigendecomposition_rebuilds_A(l02):
    Q, lam = l02.EIGENVECTORS, l02.EIGENVALUES
    np.testing.assert_allclose(Q @ np.diag(lam) @ Q.T, l02.A, atol=TOL)


# --------------------------------------------------------------------------- low rank

def test_rank_one_pieces_sum_to_A_and_the_error_is_sigma2(l02):
    s = np.linalg.svd(l02.A_SVD, compute_uv=False)
    np.testing.assert_allclose(l02.SVD_PIECES[0] + l02.SVD_PIECES[1], l02.A_SVD, atol=TOL)
    for piece in l02.SVD_PIECES:
        assert np.linalg.matrix_rank(piece) == 1
    assert l02.FROBENIUS_A == pytest.approx(np.linalg.norm(l02.A_SVD, "fro"), abs=TOL)
    assert l02.FROBENIUS_A == pytest.approx(np.hypot(*s), abs=TOL)
    assert l02.RANK_ONE_ERROR == pytest.approx(s[1], abs=TOL)


def test_no_random_rank_one_matrix_beats_eckart_young(l02):
    rng = np.random.default_rng(0)
    best = np.linalg.norm(l02.A_SVD - l02.A_SVD_1, "fro")
    for _ in range(2000):
        B = np.outer(rng.normal(size=2), rng.normal(size=2))
        assert np.linalg.norm(l02.A_SVD - B, "fro") >= best - 1e-12


# --------------------------------------------------------------------------- LU worked example

def test_lu_example_matches_scipy(l02):
    P, L, U = scipy.linalg.lu(l02.A_LU)
    np.testing.assert_allclose(l02.P_LU2, P, atol=TOL)
    np.testing.assert_allclose(l02.L_LU2, L, atol=TOL)
    np.testing.assert_allclose(l02.U_LU2, U, atol=TOL)
    assert l02.MULTIPLIER == pytest.approx(l02.A_LU[1, 0] / l02.A_LU[0, 0], abs=TOL)
    np.testing.assert_allclose(l02.Y_LU, scipy.linalg.solve_triangular(L, P.T @ l02.B_LU, lower=True),
                               atol=TOL)
    np.testing.assert_allclose(l02.X_LU, np.linalg.solve(l02.A_LU, l02.B_LU), atol=TOL)


# --------------------------------------------------------------------------- by hand

def test_the_characteristic_polynomial_on_screen_has_the_eigenvalues_as_roots(l02):
    assert l02.TRACE_A == pytest.approx(np.trace(l02.A), abs=TOL)
    assert l02.DET_A == pytest.approx(np.linalg.det(l02.A), abs=TOL)
    roots = np.sort(np.roots([1.0, -l02.TRACE_A, l02.DET_A]))[::-1]
    np.testing.assert_allclose(roots, l02.EIGENVALUES, atol=TOL)
