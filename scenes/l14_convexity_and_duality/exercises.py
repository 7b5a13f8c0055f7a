"""Lesson 14 practice: a Jensen gap, soft-thresholding, a Lagrange dual bound, KKT multipliers.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.convex`` (the tests check them against closed forms and NumPy).
Questions use only the LaTeX the Try-it card reads aloud.
"""

from __future__ import annotations

import numpy as np

from mathcore import convex, optim

from mathreel.exercise import Exercise, format_decimal, format_tuple


def exercises(rng: np.random.Generator) -> list[Exercise]:
    # 1. Jensen gap of x^2 at the midpoint of a chord: (x - y)^2 / 4.
    x, y = (float(v) for v in rng.choice(np.arange(-4, 5), size=2, replace=False))
    gap = convex.jensen_gap(lambda v: float(v @ v), [x], [y], 0.5)

    # 2. Soft-thresholding a vector.
    lam = float(rng.choice([0.5, 1.0, 1.5]))
    magnitudes = np.concatenate([rng.choice([0.2, 0.4], size=1),  # clipped to 0
                                 rng.choice([1.2, 1.8, 2.3, 2.9], size=3, replace=False)])
    v = rng.permutation(magnitudes * rng.choice([-1.0, 1.0], size=4))
    shrunk = convex.soft_threshold(v, lam)

    # 3. The dual bound of min x1^2 + x2^2 subject to x1 + x2 = b, at a given nu.
    b = float(rng.integers(1, 5))
    nu = float(rng.choice([v for v in (-4, -3, -2, -1) if v != -b]))  # not the best price -b
    dual = convex.equality_qp_dual(2 * np.eye(2), [0.0, 0.0], [[1.0, 1.0]], [b])
    bound, optimum = dual.dual([nu]), dual.primal(dual.x_star)

    # 4. KKT multipliers at the corner (2, 2) of x1 + 2 x2 <= 6, 2 x1 + x2 <= 6.
    slopes = [(4, 5), (5, 4), (3, 3), (5, 7), (7, 5), (8, 7), (7, 8)]  # both multipliers > 0
    a, b_slope = (float(v) for v in slopes[rng.integers(len(slopes))])
    A_active = np.array([[1.0, 2.0], [2.0, 1.0]])
    corner = optim.lagrange_equality_qp(np.zeros((2, 2)), [-a, -b_slope], A_active, [6.0, 6.0])

    return [
        Exercise(
            question=(rf"For $f(x) = x^2$, how far above the graph is the midpoint of the chord "
                      rf"from $x = {format_decimal(x, 3)}$ to $x = {format_decimal(y, 3)}$?"),
            answer=rf"the Jensen gap is ${format_decimal(gap, 3)}$",
            code=f"mathcore.convex.jensen_gap(lambda v: v @ v, [{x}], [{y}], 0.5)",
            inputs={"x": x, "y": y}, answers={"gap": gap},
        ),
        Exercise(
            question=(rf"Soft-threshold $v = {format_tuple(v, 1)}$ at $\lambda = {format_decimal(lam, 3)}$."),
            answer=rf"${format_tuple(shrunk, 1)}$",
            code=f"mathcore.convex.soft_threshold({v.tolist()}, {lam})",
            inputs={"v": v, "lam": lam}, answers={"shrunk": shrunk},
        ),
        Exercise(
            question=(rf"Minimise $x_1^2 + x_2^2$ subject to $x_1 + x_2 = {format_decimal(b, 3)}$. What lower "
                      rf"bound does the dual function give at the price $\nu = {format_decimal(nu, 3)}$, and "
                      r"what is the optimum?"),
            answer=rf"the bound is ${format_decimal(bound, 3)}$; the optimum is ${format_decimal(optimum, 3)}$",
            code=(f"mathcore.convex.equality_qp_dual(2 * numpy.eye(2), [0, 0], [[1, 1]], [{b}])"
                  f".dual([{nu}])"),
            inputs={"b": b, "nu": nu}, answers={"bound": bound, "optimum": optimum},
        ),
        Exercise(
            question=(rf"Minimise $-{format_decimal(a, 3)} x_1 - {format_decimal(b_slope, 3)} x_2$ "
                      r"subject to $x_1 + 2 x_2 \le 6$ and $2 x_1 + x_2 \le 6$. At the corner "
                      r"$(2, 2)$, which multipliers $\mu_1, \mu_2$ give "
                      r"$-\nabla f = \mu_1 \nabla g_1 + \mu_2 \nabla g_2$?"),
            answer=rf"$\mu = {format_tuple(corner.multipliers, 3)}$, both at least zero: the corner is optimal",
            code=("mathcore.optim.lagrange_equality_qp(numpy.zeros((2, 2)), "
                  f"[{-a}, {-b_slope}], [[1, 2], [2, 1]], [6, 6]).multipliers"),
            inputs={"a": a, "b": b_slope}, answers={"mu": corner.multipliers},
        ),
    ]
