"""Lesson 15 practice: a Laplacian, GCN's normalised weights, one message-passing step.

Parameters are drawn from ``rng``; every answer is computed by ``mathcore``
(the tests check them against NumPy and SciPy).
"""

from __future__ import annotations

import numpy as np

from mathcore import graphs

from mathreel.exercise import Exercise, format_list, latex_pmatrix, pylist
from mathreel.exercise import format_decimal as _fmt


def triangle_weights(rng: np.random.Generator) -> np.ndarray:
    """A triangle graph with integer edge weights 1..3."""
    a, b, c = rng.integers(1, 4, size=3).astype(float)
    return np.array([[0, a, b], [a, 0, c], [b, c, 0]])


def exercises(rng: np.random.Generator) -> list[Exercise]:
    T = triangle_weights(rng)
    L = graphs.laplacian(T)  # (3, 3)

    A_hat = graphs.gcn_propagation(T)  # (3, 3) D~^(-1/2) (A + I) D~^(-1/2)

    h = rng.integers(-3, 4, size=3).astype(float)  # features on the triangle's nodes
    h_new = graphs.message_passing(T, h[:, None], np.eye(1))[:, 0]  # mean, with self-loops

    return [
        Exercise(
            question=rf"Write the Laplacian $L = D - A$ of the triangle with edge weights $A = {latex_pmatrix(T)}$.",
            answer=rf"$L = {latex_pmatrix(L)}$",
            code=f"mathcore.graphs.laplacian({pylist(T)})",
            inputs={"A": T}, answers={"L": L},
        ),
        Exercise(
            question=(r"On the same triangle, node features are "
                      rf"$h = ({format_list(h)})$. One mean message-passing "
                      r"step with self-loops and layer weights $\Theta = [1]$: what is the new $h_0'$?"),
            answer=(rf"$h_0' = {_fmt(h_new[0])}$ (all three: ${format_list(h_new)}$)"),
            code=f"mathcore.graphs.message_passing({pylist(T)}, {pylist(h[:, None])}, [[1]])",
            inputs={"A": T, "h": h}, answers={"h_new": h_new},
        ),
        Exercise(
            question=(r"On the same triangle, a GCN layer adds a self-loop to every node, so "
                      r"$\tilde d_i = d_i + 1$, and divides each edge weight by the square roots "
                      r"of both ends' degrees. What is $\hat A_{01} = \frac{a_{01}}{\sqrt{\tilde d_0 \tilde d_1}}$?"),
            answer=(rf"$\hat A_{{01}} = {_fmt(T[0, 1])} / \sqrt{{{_fmt(T[0].sum() + 1)} \cdot "
                    rf"{_fmt(T[1].sum() + 1)}}} = {_fmt(A_hat[0, 1])}$"),
            code=f"mathcore.graphs.gcn_propagation({pylist(T)})[0, 1]",
            inputs={"A": T}, answers={"A_hat": A_hat},
        ),
    ]
