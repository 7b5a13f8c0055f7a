"""Lesson 03 practice: a Jacobian at a point, a Hessian's verdict, one neuron's backward pass.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.calculus`` (central differences, ``linalg.eigh`` for the verdict) or
``mathcore.autodiff`` (the tests check them against derivatives taken by hand).
"""

from __future__ import annotations

import numpy as np

from mathcore import autodiff, calculus, linalg

from mathreel.exercise import Exercise, latex_pmatrix
from mathreel.exercise import format_decimal as _fmt


def _signed(c: int, term: str, first: bool = False) -> str:
    """``c term`` with its sign, for writing a polynomial: ``+ 3xy``, ``- xy``, ``x^2``."""
    magnitude = "" if abs(c) == 1 else str(abs(c))
    if first:
        return ("-" if c < 0 else "") + magnitude + term
    return (" - " if c < 0 else " + ") + magnitude + term


def jacobian_problem(rng: np.random.Generator):
    """f(x, y) = (a x y, x + b y^2) and an integer point."""
    a, b = (int(v) for v in rng.integers(2, 5, size=2))
    point = rng.integers(-2, 3, size=2).astype(float)
    point[1] = point[1] or 1.0  # y != 0, so no entry is trivially zero
    return a, b, point


def quadratic_problem(rng: np.random.Generator):
    """f(x, y) = a x^2 + c xy + d y^2 with a, d > 0 and c drawn so either verdict can occur."""
    a, d = (int(v) for v in rng.integers(1, 4, size=2))
    c = int(rng.choice([-5, -4, -3, 3, 4, 5]))
    return a, c, d


def neuron_problem(rng: np.random.Generator):
    """o = tanh(w x + b) with small numbers."""
    x = float(rng.choice([-2.0, -1.0, 1.0, 2.0]))
    w = float(rng.integers(-5, 6)) / 10
    b = float(rng.integers(-5, 6)) / 10
    return x, w, b


def exercises(rng: np.random.Generator) -> list[Exercise]:
    a, b, point = jacobian_problem(rng)
    J = calculus.jacobian(lambda v: np.array([a * v[0] * v[1], v[0] + b * v[1] ** 2]), point)

    qa, qc, qd = quadratic_problem(rng)
    H = calculus.hessian(lambda v: qa * v[0] ** 2 + qc * v[0] * v[1] + qd * v[1] ** 2,
                         np.zeros(2))
    eigenvalues, _ = linalg.eigh(H)  # descending
    verdict = "a minimum" if eigenvalues[-1] > 0 else "a saddle"

    x, w, bias = neuron_problem(rng)
    w_value = autodiff.Value(w, label="w")
    o = (w_value * x + bias).tanh()
    o.backward()

    quadratic = (_signed(qa, "x^2", first=True) + _signed(qc, "xy") + _signed(qd, "y^2"))
    return [
        Exercise(
            question=(rf"Find the Jacobian of $f(x, y) = ({a}xy,\ x + {b}y^2)$ at "
                      rf"$({_fmt(point[0])}, {_fmt(point[1])})$."),
            answer=rf"$J = {latex_pmatrix(J)}$",
            code=(f"mathcore.calculus.jacobian(lambda v: [{a}*v[0]*v[1], v[0] + {b}*v[1]**2], "
                  f"[{_fmt(point[0])}, {_fmt(point[1])}])"),
            inputs={"a": a, "b": b, "point": point}, answers={"jacobian": J},
        ),
        Exercise(
            question=(rf"Is the flat point $(0, 0)$ of $f(x, y) = {quadratic}$ a minimum or a "
                      r"saddle? Use the Hessian."),
            answer=(rf"$H = {latex_pmatrix(H)}$, eigenvalues ${_fmt(eigenvalues[0])}$ and "
                    rf"${_fmt(eigenvalues[1])}$: {verdict}"),
            code=(f"mathcore.calculus.hessian(lambda v: {qa}*v[0]**2 {'-' if qc < 0 else '+'} "
                  f"{abs(qc)}*v[0]*v[1] + {qd}*v[1]**2, [0, 0])"),
            inputs={"a": qa, "c": qc, "d": qd},
            answers={"hessian": H, "eigenvalues": eigenvalues, "minimum": bool(eigenvalues[-1] > 0)},
        ),
        Exercise(
            question=(rf"A neuron computes $o = \tanh(w x + b)$ with $x = {_fmt(x)}$, "
                      rf"$w = {_fmt(w)}$, $b = {_fmt(bias)}$. Find $o$ and $\partial o / \partial w$."),
            answer=rf"$o = {_fmt(o.data, 3)}$, $\partial o / \partial w = {_fmt(w_value.grad, 3)}$",
            code=(f"w = Value({_fmt(w)}); o = (w * {_fmt(x)} {'-' if bias < 0 else '+'} "
                  f"{_fmt(abs(bias))}).tanh(); o.backward(); w.grad"),
            inputs={"x": x, "w": w, "b": bias}, answers={"o": o.data, "do_dw": w_value.grad},
        ),
    ]
