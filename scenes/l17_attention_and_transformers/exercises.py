"""Lesson 17 practice: attention weights, softmax temperature, positional encoding.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.attention`` (the tests check them against SciPy and closed forms).
"""

from __future__ import annotations

import numpy as np

from mathcore import attention

from mathreel.exercise import Exercise


def _fmt(x: float, decimals: int = 2) -> str:
    text = f"{float(x):.{decimals}f}"
    return "0" if float(text) == 0 else text


def _vec(v, decimals: int = 0) -> str:
    return "(" + ", ".join(_fmt(x, decimals) for x in v) + ")"


def query_and_keys(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """A query and two keys in 4 dimensions with small integer entries and different scores."""
    while True:
        q = rng.integers(-2, 3, size=4).astype(float)
        K = rng.integers(-2, 3, size=(2, 4)).astype(float)
        scores = K @ q
        if np.any(q) and scores[0] != scores[1]:
            return q, K


def exercises(rng: np.random.Generator) -> list[Exercise]:
    q, K = query_and_keys(rng)
    V = np.eye(2)  # values that read the weights back out
    _, weights = attention.scaled_dot_product_attention(q[None, :], K, V)  # (1, 2)
    w = weights[0]

    scores = rng.integers(0, 4, size=3).astype(float)
    temperature = float(rng.choice([0.5, 2.0]))
    hot = attention.softmax(scores, temperature=temperature)  # (3,)

    pos = int(rng.integers(2, 9))
    pe = attention.sinusoidal_positional_encoding(pos + 1, 4)[pos]  # (4,)

    return [
        Exercise(
            question=(rf"A query $q = {_vec(q)}$ attends to keys $k_1 = {_vec(K[0])}$ and "
                      rf"$k_2 = {_vec(K[1])}$ with $d = 4$. Find the two attention weights."),
            answer=(rf"scores ${_fmt(K[0] @ q / 2)}$ and ${_fmt(K[1] @ q / 2)}$, "
                    rf"weights $w_1 = {_fmt(w[0])}$, $w_2 = {_fmt(w[1])}$"),
            code=(f"mathcore.attention.scaled_dot_product_attention([{q.astype(int).tolist()}], "
                  f"{K.astype(int).tolist()}, numpy.eye(2))"),
        ),
        Exercise(
            question=(rf"Scores $s = {_vec(scores)}$ at temperature $T = {_fmt(temperature, 1)}$: "
                      r"what is the largest softmax weight?"),
            answer=rf"${_fmt(hot.max(), 3)}$ (weights ${_vec(hot, 3)}$)",
            code=f"mathcore.attention.softmax({scores.tolist()}, temperature={temperature})",
        ),
        Exercise(
            question=(rf"Write the sinusoidal positional encoding of position {pos} "
                      r"with $d = 4$."),
            answer=rf"$PE_{{{pos}}} = {_vec(pe, 3)}$",
            code=f"mathcore.attention.sinusoidal_positional_encoding({pos + 1}, 4)[{pos}]",
        ),
    ]
