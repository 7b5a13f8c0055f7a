"""Lesson 07 practice: condition number and step limit, one gradient step, Adam's first step,
and a Robbins-Monro step-size schedule.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.optim`` (the tests check them against NumPy closed forms).
"""

from __future__ import annotations

import numpy as np

from mathcore import optim

from mathreel.exercise import Exercise, format_decimal, format_tuple, latex_pmatrix, pylist


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

    lr0 = float(rng.choice([0.2, 0.4, 0.8]))
    k0 = int(rng.choice([10, 20, 30]))
    k = k0 * int(rng.choice([1, 3, 4]))
    rate = float(optim.inverse_time_decay(lr0, k + 1, k0=k0)[k])  # eta_0 / (1 + k / k_0)

    return [
        Exercise(
            question=(rf"For $f(x) = \tfrac12 x^T A x$ with $A = {latex_pmatrix(D, 3)}$, find the condition "
                      r"number $\kappa$ and the largest stable step size $2/L$."),
            answer=(rf"$\kappa = {format_decimal(bowl.condition_number, 3)}$, "
                    rf"$2/L = {format_decimal(bowl.max_stable_lr, 3)}$"),
            code=f"q = mathcore.optim.quadratic({pylist(D, 3)}, [0, 0]); q.condition_number, q.max_stable_lr",
            inputs={"A": D}, answers={"kappa": bowl.condition_number, "max_lr": bowl.max_stable_lr},
        ),
        Exercise(
            question=(rf"One gradient-descent step on $f(x) = \tfrac12 x^T A x$, $A = {latex_pmatrix(A, 3)}$, "
                      rf"from $x_0 = {format_tuple(x0, 3)}$ with $\eta = {format_decimal(lr, 3)}$: find $x_1$."),
            answer=rf"$x_1 = x_0 - \eta A x_0 = {format_tuple(step.xs[1], 3)}$",
            code=(f"mathcore.optim.gradient_descent(lambda x: np.array({pylist(A, 3)}) @ x, "
                  f"{pylist(x0, 3)}, lr={format_decimal(lr, 3)}, n_steps=1).xs[1]"),
            inputs={"A": A, "x0": x0, "lr": lr}, answers={"x1": step.xs[1]},
        ),
        Exercise(
            question=(rf"Adam with $\eta = {format_decimal(adam_lr, 3)}$ starts at "
                      rf"$x_0 = {format_tuple(y0, 3)}$ where the "
                      rf"gradient is $g = {format_tuple(g, 3)}$. Where is $x_1$? (Hint: bias correction.)"),
            answer=rf"$x_1 = {format_tuple(adam.xs[1], 3)}$, a step of $\eta$ per coordinate",
            code=(f"mathcore.optim.adam(lambda x: np.array({pylist(g, 3)}), {pylist(y0, 3)}, "
                  f"lr={format_decimal(adam_lr, 3)}, n_steps=1).xs[1]"),
            inputs={"g": g, "x0": y0, "lr": adam_lr}, answers={"x1": adam.xs[1]},
        ),
        Exercise(
            question=(rf"Steps $\eta_k = \eta_0 / (1 + k/k_0)$, $\eta_0 = {format_decimal(lr0, 3)}$, $k_0 = {k0}$: "
                      rf"what is the step at $k = {k}$? Do they meet Robbins and Monro's conditions? "
                      r"Would a constant step?"),
            answer=(rf"$\eta = {format_decimal(rate, 3)}$; yes: they sum to infinity, their squares "
                    r"do not. A constant step: no"),
            code=f"mathcore.optim.inverse_time_decay({format_decimal(lr0, 3)}, {k + 1}, k0={k0})[{k}]",
            inputs={"lr0": lr0, "k0": k0, "k": k}, answers={"rate": rate},
        ),
    ]
