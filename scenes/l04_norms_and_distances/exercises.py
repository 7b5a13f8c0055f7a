"""Lesson 04 practice: three norms of one vector, a cosine similarity, a Mahalanobis distance.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.norms`` (the tests check them against NumPy and SciPy).
"""

from __future__ import annotations

import numpy as np

from mathcore import norms

from mathreel.exercise import Exercise, format_tuple, pylist
from mathreel.exercise import format_decimal as _fmt


def nonzero_integers(rng: np.random.Generator, size: int, low: int = -5, high: int = 6) -> np.ndarray:
    """Integers in [low, high) with no zeros (so every coordinate counts)."""
    values = rng.integers(low, high - 1, size=size)
    return np.where(values >= 0, values + 1, values).astype(float)


def exercises(rng: np.random.Generator) -> list[Exercise]:
    v = nonzero_integers(rng, 3)
    l1, l2, linf = (norms.lp_norm(v, p) for p in (1, 2, np.inf))

    a = nonzero_integers(rng, 3, -3, 4)
    b = nonzero_integers(rng, 3, -3, 4)
    cos = norms.cosine_similarity(a, b)

    sigmas = rng.integers(1, 4, size=2).astype(float)  # standard deviations of two features
    cov = np.diag(sigmas ** 2)
    x = rng.integers(-4, 5, size=2).astype(float)
    x[0] = x[0] or 2.0
    d_m = norms.mahalanobis(x, np.zeros(2), cov)
    d_e = norms.euclidean(x, np.zeros(2))

    return [
        Exercise(
            question=rf"Find the L1 norm, the L2 norm and the max norm of $v = {format_tuple(v)}$.",
            answer=(rf"$\|v\|_1 = {_fmt(l1)}$, $\|v\|_2 = {_fmt(l2)}$, "
                    rf"$\max_i |v_i| = {_fmt(linf)}$"),
            code=f"mathcore.norms.lp_norm({pylist(v)}, 2)",
            inputs={"v": v}, answers={"l1": l1, "l2": l2, "linf": linf},
        ),
        Exercise(
            question=(rf"Find the cosine similarity of $a = {format_tuple(a)}$ and $b = {format_tuple(b)}$."),
            answer=rf"$\cos\theta = {_fmt(cos, 3)}$",
            code=f"mathcore.norms.cosine_similarity({pylist(a)}, {pylist(b)})",
            inputs={"a": a, "b": b}, answers={"cosine": cos},
        ),
        Exercise(
            question=(rf"Two independent features have standard deviations {_fmt(sigmas[0])} and "
                      rf"{_fmt(sigmas[1])} and mean $(0, 0)$. How far is $x = {format_tuple(x)}$ from the "
                      r"mean, in Mahalanobis and in Euclidean distance?"),
            answer=rf"$d_M = {_fmt(d_m, 3)}$, Euclidean ${_fmt(d_e, 3)}$",
            code=(f"mathcore.norms.mahalanobis({pylist(x)}, [0, 0], "
                  f"{pylist(cov)})"),
            inputs={"sigmas": sigmas, "x": x}, answers={"mahalanobis": d_m, "euclidean": d_e},
        ),
    ]
