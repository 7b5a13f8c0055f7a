"""Lesson 13 practice: a broadcast shape, an einsum by hand, a stable softmax, and
what float16 rounds away.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.attention`` (the tests check them against NumPy and SciPy).
"""

from __future__ import annotations

import numpy as np

from mathcore import attention

from mathreel.exercise import Exercise, format_decimal, format_tuple, latex_pmatrix

FLOAT16_ADDENDS = (0.0002, 0.0003, 0.0004, 0.0006, 0.0008)  # below and above half float16's gap


def _shape(shape) -> str:
    return "(" + ", ".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"


def broadcastable_shapes(rng: np.random.Generator) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A (B, 1, C) shape and a shape that stretches its 1 to T (so both operands grow)."""
    b, t, c = (int(v) for v in rng.integers(2, 9, size=3))
    other = [(t, 1), (t, c), (b, t, 1)][int(rng.integers(0, 3))]
    return (b, 1, c), other


def exercises(rng: np.random.Generator) -> list[Exercise]:
    left, right = broadcastable_shapes(rng)
    shape = attention.broadcast_shapes(left, right)

    A = rng.integers(-2, 4, size=(2, 2)).astype(float)
    v = rng.integers(-2, 4, size=2).astype(float)
    Av = attention.einsum_loops("ij,j->i", A, v)  # (2,)

    top = float(rng.integers(500, 1000))
    logits = top - np.array([0.0, float(rng.integers(1, 3)), float(rng.integers(3, 5))])
    probs = attention.softmax(logits)  # (3,)
    lse = float(attention.logsumexp(logits))

    eps16 = attention.machine_epsilon("float16")  # 2^-10
    addend = float(rng.choice(FLOAT16_ADDENDS))
    rounded = float(attention.round_to_format(1.0 + addend, "float16"))

    return [
        Exercise(
            question=(rf"What is the shape of $x + y$ for $x$ of shape ${_shape(left)}$ and $y$ of "
                      rf"shape ${_shape(right)}$?"),
            answer=rf"${_shape(shape)}$",
            code=f"mathcore.attention.broadcast_shapes({left}, {right})",
            inputs={"x_shape": left, "y_shape": right}, answers={"shape": shape},
        ),
        Exercise(
            question=(rf"Compute the einsum $ij, j \to i$ of $A = {latex_pmatrix(A, 3)}$ and "
                      rf"$v = {format_tuple(v, 0)}$. Which letter is summed?"),
            answer=rf"${format_tuple(Av, 0)}$; $j$ is summed (it is missing from the output)",
            code=f"mathcore.attention.einsum_loops('ij,j->i', {A.tolist()}, {v.tolist()})",
            inputs={"A": A, "v": v}, answers={"Av": Av},
        ),
        Exercise(
            question=(rf"Find the softmax and the log-sum-exp of the logits $x = {format_tuple(logits, 0)}$ "
                      r"without overflowing."),
            answer=(rf"subtract ${format_decimal(top, 0)}$: softmax $= {format_tuple(probs, 3)}$, "
                    rf"log-sum-exp $= {format_decimal(lse, 3)}$"),
            code=(f"mathcore.attention.softmax({logits.tolist()}), "
                  f"mathcore.attention.logsumexp({logits.tolist()})"),
            inputs={"logits": logits}, answers={"shift": top, "softmax": probs, "logsumexp": lse},
        ),
        Exercise(
            question=(r"float16 keeps 10 mantissa bits. What is its machine epsilon, and what is "
                      rf"$1 + {format_decimal(addend, 4)}$ in float16?"),
            answer=(rf"$\varepsilon = 2^{{-10}} = {format_decimal(eps16, 6)}$; the sum rounds to "
                    rf"${format_decimal(rounded, 6)}$"
                    + (", the addend is lost" if rounded == 1.0 else ", the next float16 after 1")),
            code=(f"mathcore.attention.machine_epsilon('float16'), "
                  f"mathcore.attention.round_to_format(1 + {format_decimal(addend, 4)}, 'float16')"),
            inputs={"addend": addend}, answers={"epsilon": eps16, "rounded": rounded},
        ),
    ]
