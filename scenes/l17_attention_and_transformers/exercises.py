"""Lesson 17 practice: attention weights, softmax temperature, positional encoding, and
the parameter count of a transformer block.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.attention`` (the tests check them against SciPy and closed forms).
"""

from __future__ import annotations

from functools import partial

import numpy as np

from mathcore import attention

from mathreel.exercise import Exercise, format_decimal, format_tuple


_fmt = partial(format_decimal, trailing_zeros=True)  # a fixed number of decimals


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

    d = int(rng.choice([16, 32, 64]))
    count = attention.parameter_count(d, bias=False)  # one block, no biases

    return [
        Exercise(
            question=(rf"A query $q = {format_tuple(q, 0)}$ attends to keys $k_1 = {format_tuple(K[0], 0)}$ and "
                      rf"$k_2 = {format_tuple(K[1], 0)}$ with $d = 4$. Find the two attention weights."),
            answer=(rf"scores ${_fmt(K[0] @ q / 2)}$ and ${_fmt(K[1] @ q / 2)}$, "
                    rf"weights $w_1 = {_fmt(w[0])}$, $w_2 = {_fmt(w[1])}$"),
            code=(f"mathcore.attention.scaled_dot_product_attention([{q.astype(int).tolist()}], "
                  f"{K.astype(int).tolist()}, numpy.eye(2))"),
            inputs={"q": q, "K": K}, answers={"scores": K @ q / 2, "weights": w},
        ),
        Exercise(
            question=(rf"Scores $s = {format_tuple(scores, 0)}$ at temperature $T = {_fmt(temperature, 1)}$: "
                      r"what is the largest softmax weight?"),
            answer=rf"${_fmt(hot.max(), 3)}$ (weights ${format_tuple(hot, 3, trailing_zeros=True)}$)",
            code=f"mathcore.attention.softmax({scores.tolist()}, temperature={temperature})",
            inputs={"scores": scores, "temperature": temperature},
            answers={"largest": hot.max(), "weights": hot},
        ),
        Exercise(
            question=(rf"Write the sinusoidal positional encoding of position {pos} "
                      r"with $d = 4$."),
            answer=rf"$PE_{{{pos}}} = {format_tuple(pe, 3, trailing_zeros=True)}$",
            code=f"mathcore.attention.sinusoidal_positional_encoding({pos + 1}, 4)[{pos}]",
            inputs={"position": pos, "d": 4}, answers={"encoding": pe},
        ),
        Exercise(
            question=(rf"A transformer block has $d = {d}$ and no biases. How many numbers do its "
                      r"four attention matrices hold, and how many its MLP?"),
            answer=(rf"attention $4d^2 = {count.attention}$, MLP $8d^2 = {count.mlp}$: "
                    r"two thirds sit in the MLP"),
            code=f"mathcore.attention.parameter_count({d}, bias=False)",
            inputs={"d": d}, answers={"attention": count.attention, "mlp": count.mlp},
        ),
    ]
