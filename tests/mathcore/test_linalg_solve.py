"""Triangular solves, LU solves and the inverse against SciPy and NumPy."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.linalg

from mathcore import linalg

TOL = 1e-10


@pytest.mark.parametrize("lower", [True, False])
def test_solve_triangular_matches_scipy(lower):
    rng = np.random.default_rng(0)
    T = rng.normal(size=(5, 5)) + 5 * np.eye(5)
    T = np.tril(T) if lower else np.triu(T)
    b = rng.normal(size=5)
    x = linalg.solve_triangular(T, b, lower=lower)
    np.testing.assert_allclose(x, scipy.linalg.solve_triangular(T, b, lower=lower), atol=TOL)


def test_solve_triangular_reads_only_its_triangle():
    U = np.array([[2.0, 1.0], [99.0, 4.0]])  # the 99 below the diagonal must be ignored
    np.testing.assert_allclose(linalg.solve_triangular(U, [4.0, 8.0]), [1.0, 2.0], atol=TOL)


def test_solve_matches_numpy_including_a_row_swap():
    rng = np.random.default_rng(1)
    A = rng.normal(size=(4, 4))
    A[0, 0] = 0.0  # partial pivoting must swap rows to proceed
    b = rng.normal(size=4)
    np.testing.assert_allclose(linalg.solve(A, b), np.linalg.solve(A, b), atol=TOL)


def test_inverse_matches_numpy_and_undoes_A():
    rng = np.random.default_rng(2)
    A = rng.normal(size=(3, 3))
    A_inv = linalg.inverse(A)
    np.testing.assert_allclose(A_inv, np.linalg.inv(A), atol=TOL)
    np.testing.assert_allclose(A @ A_inv, np.eye(3), atol=TOL)


@pytest.mark.parametrize("call", [lambda A: linalg.solve(A, [1.0, 1.0]), linalg.inverse])
def test_a_singular_matrix_is_refused(call):
    with pytest.raises(ValueError, match="singular"):
        call(np.array([[1.0, 2.0], [0.5, 1.0]]))


def test_mismatched_shapes_are_refused():
    with pytest.raises(ValueError, match="entries"):
        linalg.solve_triangular(np.eye(3), [1.0, 2.0])
