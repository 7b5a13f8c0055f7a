"""Lesson 07 practice: condition number and step limit, one gradient step, Adam's first step.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.optim`` (the tests check them against NumPy closed forms).
"""

from __future__ import annotations

import numpy as np

from mathcore import optim

from . import Exercise


def _fmt(x: float, decimals: int = 3) -> str:
    text = f"{float(x):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if float(text) == 0 else text


def _pmatrix(A) -> str:
    rows = [" & ".join(_fmt(x) for x in row) for row in np.asarray(A)]
    return r"\begin{pmatrix} " + r" \\ ".join(rows) + r" \end{pmatrix}"


def _vec(x) -> str:
    return "(" + ", ".join(_fmt(v) for v in x) + ")"


def _pylist(A) -> str:
    A = np.asarray(A)
    if A.ndim == 1:
        return "[" + ", ".join(_fmt(v) for v in A) + "]"
    return "[" + ", ".join(_pylist(row) for row in A) + "]"


def diagonal_hessian(rng: np.random.Generator) -> np.ndarray:
    """diag(mu, L) with small integer mu < L."""
    mu = int(rng.integers(1, 4))
    L = int(rng.integers(mu + 3, 21))
    return np.diag([float(mu), float(L)])


def symmetric_hessian(rng: np.random.Generator) -> np.ndarray:
    """A 2x2 symmetric positive-definite integer matrix."""
    a, c = rng.integers(2, 6, size=2)
    b = int(rng.integers(-1, 2))
    return np.array([[a, b], [b, c]], dtype=float)  # |b| <= 1 < min(a, c): positive definite


def exercises(rng: np.random.Generator) -> list[Exercise]:
    D = diagonal_hessian(rng)
    bowl = optim.quadratic(D, np.zeros(2))

    A = symmetric_hessian(rng)
    x0 = rng.integers(-3, 4, size=2).astype(float)
    x0[0] = x0[0] or 1.0  # never the minimum itself
    lr = float(rng.choice([0.05, 0.1, 0.2]))
    step = optim.gradient_descent(optim.quadratic(A, np.zeros(2)).grad, x0, lr=lr, n_steps=1)

    g = rng.integers(-5, 6, size=2).astype(float)
    g[g == 0] = 2.0  # a gradient with no zero component
    y0 = rng.integers(-2, 3, size=2).astype(float)
    adam_lr = 0.1
    adam = optim.adam(lambda x: g, y0, lr=adam_lr, n_steps=1)  # a constant gradient g

    return [
        Exercise(
            question=(rf"For $f(x) = \tfrac12 x^T A x$ with $A = {_pmatrix(D)}$, find the condition "
                      r"number $\kappa$ and the largest stable step size $2/L$."),
            answer=rf"$\kappa = {_fmt(bowl.condition_number)}$, $2/L = {_fmt(bowl.max_stable_lr)}$",
            code=f"q = mathcore.optim.quadratic({_pylist(D)}, [0, 0]); q.condition_number, q.max_stable_lr",
        ),
        Exercise(
            question=(rf"One gradient-descent step on $f(x) = \tfrac12 x^T A x$, $A = {_pmatrix(A)}$, "
                      rf"from $x_0 = {_vec(x0)}$ with $\eta = {_fmt(lr)}$: find $x_1$."),
            answer=rf"$x_1 = x_0 - \eta A x_0 = {_vec(step.xs[1])}$",
            code=(f"mathcore.optim.gradient_descent(lambda x: np.array({_pylist(A)}) @ x, "
                  f"{_pylist(x0)}, lr={_fmt(lr)}, n_steps=1).xs[1]"),
        ),
        Exercise(
            question=(rf"Adam with $\eta = {_fmt(adam_lr)}$ starts at $x_0 = {_vec(y0)}$ where the "
                      rf"gradient is $g = {_vec(g)}$. Where is $x_1$? (Hint: bias correction.)"),
            answer=rf"$x_1 = {_vec(adam.xs[1])}$, a step of $\eta$ per coordinate",
            code=(f"mathcore.optim.adam(lambda x: np.array({_pylist(g)}), {_pylist(y0)}, "
                  f"lr={_fmt(adam_lr)}, n_steps=1).xs[1]"),
        ),
    ]
