"""Lesson 02 practice: eigenvalues, one power-iteration step, rank-1 error.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.linalg`` (the tests check them against NumPy).
"""

from __future__ import annotations

import numpy as np

from mathcore import linalg

from mathreel.exercise import Exercise, invertible_integer_matrix, latex_pmatrix, pylist
from mathreel.exercise import format_decimal as _fmt


def symmetric_matrix(rng: np.random.Generator) -> np.ndarray:
    """A 2x2 symmetric integer matrix with distinct eigenvalues."""
    a, c = rng.integers(1, 6, size=2)
    b = rng.integers(1, 4)
    return np.array([[a, b], [b, c]], dtype=float)  # b != 0, so the eigenvalues differ


def step_matrix(rng: np.random.Generator) -> np.ndarray:
    """A 2x2 integer matrix whose first column is not a multiple of e1."""
    A = rng.integers(0, 4, size=(2, 2)).astype(float)
    A[1, 0] = rng.integers(1, 4)  # so v0 = e1 is not an eigenvector
    A[0, 0] = max(A[0, 0], 1.0)
    return A


def exercises(rng: np.random.Generator) -> list[Exercise]:
    S = symmetric_matrix(rng)
    eigenvalues, _ = linalg.eigh(S)  # (2,) descending

    A = step_matrix(rng)
    e1 = np.array([1.0, 0.0])
    one_step = linalg.power_iteration(A, e1, max_iter=1)
    v1, lam1 = one_step.iterates[1], one_step.eigenvalues[1]

    B = invertible_integer_matrix(rng)  # full rank: sigma_2 > 0
    _, sigma, _ = linalg.svd(B)
    error = float(np.linalg.norm(B - linalg.low_rank_approx(B, 1)))  # Frobenius norm

    return [
        Exercise(
            question=rf"Find the eigenvalues of $S = {latex_pmatrix(S)}$.",
            answer=rf"$\lambda_1 = {_fmt(eigenvalues[0])}$, $\lambda_2 = {_fmt(eigenvalues[1])}$",
            code=f"mathcore.linalg.eigh({pylist(S)})",
            inputs={"S": S}, answers={"eigenvalues": eigenvalues},
        ),
        Exercise(
            question=(rf"One power-iteration step: with $A = {latex_pmatrix(A)}$ and "
                      r"$v_0 = (1, 0)$, find $v_1$ and the estimate $v_1^T A v_1$."),
            answer=(rf"$v_1 = ({_fmt(v1[0])}, {_fmt(v1[1])})$, "
                    rf"$v_1^T A v_1 = {_fmt(lam1)}$"),
            code=f"mathcore.linalg.power_iteration({pylist(A)}, [1, 0], max_iter=1)",
            inputs={"A": A, "v0": e1}, answers={"v1": v1, "estimate": lam1},
        ),
        Exercise(
            question=(rf"How far is $B = {latex_pmatrix(B)}$ from its best rank-one "
                      r"approximation $B_1$, in the Frobenius norm?"),
            answer=(rf"$\|B - B_1\|_F = \sigma_2 = {_fmt(error)}$ "
                    rf"(the singular values are {_fmt(sigma[0])} and {_fmt(sigma[1])})"),
            code=f"mathcore.linalg.low_rank_approx({pylist(B)}, 1)",
            inputs={"B": B}, answers={"error": error, "singular_values": sigma},
        ),
    ]
