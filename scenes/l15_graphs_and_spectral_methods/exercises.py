"""Lesson 15 practice: a Laplacian, the spectrum of a path, one message-passing step.

Parameters are drawn from ``rng``; every answer is computed by ``mathcore``
(the tests check them against NumPy and SciPy).
"""

from __future__ import annotations

import numpy as np

from mathcore import graphs, linalg

from mathreel.exercise import Exercise, format_list, latex_pmatrix, pylist
from mathreel.exercise import format_decimal as _fmt


def triangle_weights(rng: np.random.Generator) -> np.ndarray:
    """A triangle graph with integer edge weights 1..3."""
    a, b, c = rng.integers(1, 4, size=3).astype(float)
    return np.array([[0, a, b], [a, 0, c], [b, c, 0]])


def path_weights(rng: np.random.Generator) -> np.ndarray:
    """A path 0 - 1 - 2 with integer weights 1..4."""
    a, b = rng.integers(1, 5, size=2).astype(float)
    return np.array([[0, a, 0], [a, 0, b], [0, b, 0]])


def exercises(rng: np.random.Generator) -> list[Exercise]:
    T = triangle_weights(rng)
    L = graphs.laplacian(T)  # (3, 3)

    P = path_weights(rng)
    eigenvalues, _ = linalg.eigh(graphs.laplacian(P))  # descending
    lambda_2 = eigenvalues[1]  # the middle one: second-smallest of three

    h = rng.integers(-3, 4, size=3).astype(float)  # features on the triangle's nodes
    h_new = graphs.message_passing(T, h[:, None], np.eye(1))[:, 0]  # mean, with self-loops

    return [
        Exercise(
            question=rf"Write the Laplacian $L = D - W$ of the triangle with weights $W = {latex_pmatrix(T)}$.",
            answer=rf"$L = {latex_pmatrix(L)}$",
            code=f"mathcore.graphs.laplacian({pylist(T)})",
            inputs={"W": T}, answers={"L": L},
        ),
        Exercise(
            question=(rf"A path on nodes 0, 1, 2 has weight ${_fmt(P[0, 1])}$ on the edge from 0 to 1 "
                      rf"and ${_fmt(P[1, 2])}$ on the edge from 1 to 2. "
                      r"What is $\lambda_2$, the second-smallest eigenvalue of its Laplacian?"),
            answer=(rf"$\lambda_2 = {_fmt(lambda_2)}$ (the spectrum is "
                    rf"${_fmt(eigenvalues[2])}, {_fmt(eigenvalues[1])}, {_fmt(eigenvalues[0])}$)"),
            code=f"mathcore.linalg.eigh(mathcore.graphs.laplacian({pylist(P)}))",
            inputs={"W": P}, answers={"lambda_2": lambda_2, "eigenvalues": eigenvalues},
        ),
        Exercise(
            question=(r"On the same triangle, node features are "
                      rf"$h = ({format_list(h)})$. One mean message-passing "
                      r"step with self-loops and $W = [1]$: what is the new $h_0'$?"),
            answer=(rf"$h_0' = {_fmt(h_new[0])}$ (all three: ${format_list(h_new)}$)"),
            code=f"mathcore.graphs.message_passing({pylist(T)}, {pylist(h[:, None])}, [[1]])",
            inputs={"W": T, "h": h}, answers={"h_new": h_new},
        ),
    ]
