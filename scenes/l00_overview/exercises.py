"""Lesson 00 practice: three quick questions, one from each early phase, answered by mathcore.

Parameters are drawn from ``rng``; every answer is computed by ``mathcore``
(the tests check them against NumPy and SciPy).
"""

from __future__ import annotations

import numpy as np

from mathcore import attention, information, norms

from mathreel.exercise import Exercise, format_tuple, pylist
from mathreel.exercise import format_decimal as _fmt

DISTRIBUTIONS = (  # distributions whose entropy in bits is a short number
    (0.5, 0.25, 0.25), (0.5, 0.5), (0.25, 0.25, 0.25, 0.25), (0.5, 0.25, 0.125, 0.125),
)


def exercises(rng: np.random.Generator) -> list[Exercise]:
    while True:  # two non-zero integer vectors that are not parallel
        a, b = rng.integers(-3, 4, size=(2, 3)).astype(float)
        if np.any(a) and np.any(b) and abs(abs(a @ b) - np.linalg.norm(a) * np.linalg.norm(b)) > 1e-9:
            break
    cosine = norms.cosine_similarity(a, b)

    p = np.array(DISTRIBUTIONS[int(rng.integers(len(DISTRIBUTIONS)))])
    bits = information.entropy(p, base=2)

    while True:  # scores that are not all equal
        scores = rng.integers(0, 4, size=3).astype(float)
        if np.ptp(scores) > 0:
            break
    weights = attention.softmax(scores)

    return [
        Exercise(
            question=(rf"Linear algebra: what is the cosine similarity of $a = {format_tuple(a, 3)}$ and "
                      rf"$b = {format_tuple(b, 3)}$?"),
            answer=rf"$\cos\theta = {_fmt(cosine)}$",
            code=f"mathcore.norms.cosine_similarity({pylist(a, 3)}, {pylist(b, 3)})",
            inputs={"a": a, "b": b}, answers={"cosine": cosine},
        ),
        Exercise(
            question=rf"Information: what is the entropy, in bits, of $p = {format_tuple(p, 3)}$?",
            answer=rf"$H(p) = {_fmt(bits)}$ bits",
            code=f"mathcore.information.entropy({pylist(p, 3)}, base=2)",
            inputs={"p": p}, answers={"bits": bits},
        ),
        Exercise(
            question=(rf"Attention: what weights does the softmax give the scores ${format_tuple(scores, 3)}$?"),
            answer=rf"${format_tuple(np.round(weights, 3), 3)}$",
            code=f"mathcore.attention.softmax({pylist(scores, 3)})",
            inputs={"scores": scores}, answers={"weights": weights},
        ),
    ]
