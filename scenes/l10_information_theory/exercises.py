"""Lesson 10 practice: entropy, KL in both directions, mutual information.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.information`` in bits (the tests check them against SciPy).
"""

from __future__ import annotations

import numpy as np

from mathcore import information

from mathreel.exercise import Exercise, format_decimal, format_tuple

DISTRIBUTIONS = (  # small dyadic distributions, so the answers are short
    (0.5, 0.25, 0.25), (0.5, 0.5, 0.0), (0.25, 0.25, 0.5), (0.75, 0.125, 0.125),
)


def exercises(rng: np.random.Generator) -> list[Exercise]:
    p = np.array(DISTRIBUTIONS[rng.integers(len(DISTRIBUTIONS))])
    h = information.entropy(p, base=2)

    a, b = float(rng.choice([0.5, 0.6])), float(rng.choice([0.9, 0.95]))
    P, Q = np.array([a, round(1 - a, 2)]), np.array([b, round(1 - b, 2)])
    kl_pq = information.kl_divergence(P, Q, base=2)
    kl_qp = information.kl_divergence(Q, P, base=2)

    e = float(rng.choice([0.1, 0.2, 0.25]))
    joint = np.array([[0.5 - e / 2, e / 2], [e / 2, 0.5 - e / 2]])  # a noisy copy of a fair bit
    mi = information.mutual_information(joint, base=2)

    return [
        Exercise(
            question=rf"What is the entropy, in bits, of $p = {format_tuple(p, 3)}$?",
            answer=rf"$H(p) = {format_decimal(h, 3)}$ bits",
            code=f"mathcore.information.entropy({p.tolist()}, base=2)",
            inputs={"p": p}, answers={"bits": h},
        ),
        Exercise(
            question=(rf"Coins $p = {format_tuple(P, 3)}$ and $q = {format_tuple(Q, 3)}$. Find "
                      r"$D_{KL}(p\,\|\,q)$ and $D_{KL}(q\,\|\,p)$ in bits."),
            answer=(rf"$D_{{KL}}(p\,\|\,q) = {format_decimal(kl_pq, 3)}$, "
                    rf"$D_{{KL}}(q\,\|\,p) = {format_decimal(kl_qp, 3)}$: not symmetric"),
            code=f"mathcore.information.kl_divergence({P.tolist()}, {Q.tolist()}, base=2)",
            inputs={"p": P, "q": Q}, answers={"kl_pq": kl_pq, "kl_qp": kl_qp},
        ),
        Exercise(
            question=(rf"A fair bit $X$ is copied to $Y$ but flipped with probability "
                      rf"${format_decimal(e, 3)}$. What is $I(X; Y)$ in bits?"),
            answer=rf"$I(X; Y) = {format_decimal(mi, 3)}$ bits",
            code=f"mathcore.information.mutual_information({joint.tolist()}, base=2)",
            inputs={"flip": e, "joint": joint}, answers={"mi": mi},
        ),
    ]
