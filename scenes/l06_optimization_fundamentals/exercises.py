"""Lesson 06 practice: a Lagrange multiplier, a convexity check, an active KKT constraint.

Parameters are drawn from ``rng``; every answer is computed by ``mathcore``
(``optim.lagrange_equality_qp``, ``calculus.hessian``, ``optim.kkt_conditions``);
the tests check them against closed forms.
"""

from __future__ import annotations

import numpy as np

from mathcore import calculus, optim

from mathreel.exercise import Exercise, format_decimal


def exercises(rng: np.random.Generator) -> list[Exercise]:
    # 1. min x^2 + y^2 subject to a x + b y = c
    a, b = int(rng.integers(2, 5)), int(rng.integers(1, 5))
    c = int(rng.integers(1, 7))
    qp = optim.lagrange_equality_qp(2 * np.eye(2), [0.0, 0.0], [[a, b]], [c])

    # 2. is f(x) = x^4 - k x^2 convex? its second derivative at 0 says no
    k = int(rng.integers(1, 5))
    curvature = float(calculus.hessian(lambda v: v[0] ** 4 - k * v[0] ** 2, [0.0])[0, 0])

    # 3. min (x - p)^2 subject to x <= q, with p > q: the constraint is active
    q = int(rng.integers(-2, 3))
    p = q + int(rng.integers(1, 4))
    active = optim.lagrange_equality_qp([[2.0]], [-2.0 * p], [[1.0]], [float(q)])
    mu = float(active.multipliers[0])
    check = optim.kkt_conditions([2 * (active.x[0] - p)], g=[active.x[0] - q], jac_g=[[1.0]],
                                 mu=[mu])
    assert check.satisfied()

    return [
        Exercise(
            question=(rf"Minimise $x^2 + y^2$ subject to ${a}x + {b}y = {c}$. Find the point and "
                      r"the Lagrange multiplier $\nu$ (with $\nabla f + \nu \nabla g = 0$)."),
            answer=(rf"$x^\star = ({format_decimal(qp.x[0], 3)}, {format_decimal(qp.x[1], 3)})$, "
                    rf"$\nu = {format_decimal(qp.multipliers[0], 3)}$"),
            code=f"mathcore.optim.lagrange_equality_qp(2*np.eye(2), [0, 0], [[{a}, {b}]], [{c}])",
            inputs={"a": a, "b": b, "c": c}, answers={"x": qp.x, "nu": qp.multipliers[0]},
        ),
        Exercise(
            question=rf"Is $f(x) = x^4 - {k}x^2$ convex? Look at $f''(0)$.",
            answer=rf"No: $f''(0) = {format_decimal(curvature, 3)} < 0$, it curves down at the origin",
            code=f"mathcore.calculus.hessian(lambda v: v[0]**4 - {k}*v[0]**2, [0.0])",
            inputs={"k": k}, answers={"curvature": curvature},
        ),
        Exercise(
            question=(rf"Minimise $(x - {p})^2$ subject to $x \le {q}$. Find $x^\star$ and the "
                      r"KKT multiplier $\mu$."),
            answer=rf"$x^\star = {format_decimal(active.x[0], 3)}$ (active), $\mu = {format_decimal(mu, 3)} > 0$",
            code=(f"mathcore.optim.kkt_conditions([2*({format_decimal(active.x[0], 3)} - {p})], "
                  f"g=[0.0], jac_g=[[1.0]], mu=[{format_decimal(mu, 3)}])"),
            inputs={"p": p, "q": q}, answers={"x": active.x[0], "mu": mu},
        ),
    ]
