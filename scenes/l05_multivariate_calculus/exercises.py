"""Lesson 05 practice: a gradient, a directional derivative, a Taylor estimate.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.calculus`` (the tests check them against hand-derived formulas).
"""

from __future__ import annotations

import numpy as np

from mathcore import calculus

from mathreel.exercise import Exercise, format_decimal


def exercises(rng: np.random.Generator) -> list[Exercise]:
    # 1. gradient of f(x, y) = a x^2 y + b y at an integer point
    a, b = int(rng.integers(2, 6)), int(rng.integers(1, 5))
    p = rng.integers(-3, 4, size=2).astype(float)
    grad = calculus.gradient(lambda v: a * v[0] ** 2 * v[1] + b * v[1], p)

    # 2. directional derivative of g(x, y) = x^2 + c y^2 along (3, 4)
    c = int(rng.integers(2, 6))
    q = rng.integers(-2, 3, size=2).astype(float)
    q[1] = q[1] or 1.0
    slope = calculus.directional_derivative(lambda v: v[0] ** 2 + c * v[1] ** 2, q, [3.0, 4.0])

    # 3. first-order Taylor estimate of h(x, y) = y e^x near (0, y0)
    y0 = int(rng.integers(1, 4))
    dx, dy = (float(v) for v in rng.choice([-0.2, -0.1, 0.1, 0.2], size=2))
    taylor = calculus.taylor_approx(lambda v: v[1] * np.exp(v[0]), [0.0, float(y0)], order=1)
    estimate = taylor([dx, y0 + dy])

    return [
        Exercise(
            question=(rf"Find the gradient of $f(x, y) = {a} x^2 y + {b} y$ at "
                      rf"$({format_decimal(p[0], 3)}, {format_decimal(p[1], 3)})$."),
            answer=rf"$\nabla f = ({format_decimal(grad[0], 3)}, {format_decimal(grad[1], 3)})$",
            code=f"mathcore.calculus.gradient(lambda v: {a}*v[0]**2*v[1] + {b}*v[1], "
                 f"[{format_decimal(p[0], 3)}, {format_decimal(p[1], 3)}])",
            inputs={"a": a, "b": b, "point": p}, answers={"gradient": grad},
        ),
        Exercise(
            question=(rf"How fast does $g(x, y) = x^2 + {c} y^2$ change at "
                      rf"$({format_decimal(q[0], 3)}, {format_decimal(q[1], 3)})$ in the direction of $(3, 4)$?"),
            answer=rf"$D_u g = \nabla g \cdot (0.6, 0.8) = {format_decimal(slope, 3)}$",
            code=f"mathcore.calculus.directional_derivative(lambda v: v[0]**2 + {c}*v[1]**2, "
                 f"[{format_decimal(q[0], 3)}, {format_decimal(q[1], 3)}], [3, 4])",
            inputs={"c": c, "point": q, "direction": (3.0, 4.0)}, answers={"slope": slope},
        ),
        Exercise(
            question=(rf"Estimate $h(x, y) = y\,e^x$ at "
                      rf"$({format_decimal(dx, 3)}, {format_decimal(y0 + dy, 3)})$ with its "
                      rf"first-order Taylor polynomial around $(0, {y0})$."),
            answer=rf"$h \approx {y0} + {y0}\,x + (y - {y0}) = {format_decimal(estimate, 3)}$",
            code=f"mathcore.calculus.taylor_approx(lambda v: v[1]*np.exp(v[0]), [0, {y0}], "
                 f"order=1)([{format_decimal(dx, 3)}, {format_decimal(y0 + dy, 3)}])",
            inputs={"y0": y0, "dx": dx, "dy": dy}, answers={"estimate": estimate},
        ),
    ]
