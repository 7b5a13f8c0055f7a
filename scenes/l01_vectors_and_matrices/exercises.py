"""Lesson 01 practice: determinants as areas, products, and whether vectors form a basis.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.linalg.determinant`` (the tests check them against NumPy).
"""

from __future__ import annotations

import numpy as np

from mathcore import linalg

from mathreel.exercise import Exercise, format_tuple, invertible_integer_matrix, latex_pmatrix, pylist
from mathreel.exercise import format_decimal as _fmt


def _paren(x: float) -> str:
    return f"({_fmt(x)})" if x < 0 else _fmt(x)


def exercises(rng: np.random.Generator) -> list[Exercise]:
    # 1. area of the parallelogram spanned by two vectors
    P = invertible_integer_matrix(rng)  # columns u, w
    u, w = P[:, 0], P[:, 1]
    area = abs(linalg.determinant(P))

    # 2. determinant of a product: det(AB) = det(A) det(B)
    A, B = invertible_integer_matrix(rng), invertible_integer_matrix(rng)
    det_a, det_b = linalg.determinant(A), linalg.determinant(B)
    det_ab = linalg.determinant(A @ B)

    # 3. do two vectors form a basis? (drawn dependent, w = k u, or independent, at random)
    a = rng.integers(1, 4, size=2).astype(float) * rng.choice([-1.0, 1.0], size=2)
    if rng.random() < 0.5:
        pair = np.column_stack([a, float(rng.choice([-2.0, 2.0, 3.0])) * a])
    else:
        pair = invertible_integer_matrix(rng)
    det_pair = linalg.determinant(pair)
    if abs(det_pair) < 1e-9:
        verdict = r"No: $\det [u\ w] = 0$, so $w$ lies on the line of $u$ and they span only a line"
    else:
        verdict = (rf"Yes: $\det [u\ w] = {_fmt(det_pair)} \neq 0$, so together they span "
                   "the whole plane")

    return [
        Exercise(
            question=(rf"What is the area of the parallelogram spanned by $u = {format_tuple(u)}$ "
                      rf"and $w = {format_tuple(w)}$?"),
            answer=rf"$|\det [u\ w]| = {_fmt(area)}$",
            code=f"abs(mathcore.linalg.determinant({pylist(P)}))",
            inputs={"P": P}, answers={"area": area},
        ),
        Exercise(
            question=(rf"With $A = {latex_pmatrix(A)}$ and $B = {latex_pmatrix(B)}$, find $\det(AB)$, "
                      r"the factor by which $AB$ scales areas."),
            answer=(rf"$\det(AB) = \det A \cdot \det B = {_paren(det_a)} \cdot {_paren(det_b)} "
                    rf"= {_fmt(det_ab)}$"),
            code=f"mathcore.linalg.determinant(numpy.array({pylist(A)}) @ {pylist(B)})",
            inputs={"A": A, "B": B}, answers={"det_a": det_a, "det_b": det_b, "det_ab": det_ab},
        ),
        Exercise(
            question=(rf"Do $u = {format_tuple(pair[:, 0])}$ and $w = {format_tuple(pair[:, 1])}$ "
                      r"form a basis of the plane?"),
            answer=verdict,
            code=f"mathcore.linalg.determinant({pylist(pair)})",
            inputs={"pair": pair}, answers={"det": det_pair, "basis": abs(det_pair) >= 1e-9},
        ),
    ]
