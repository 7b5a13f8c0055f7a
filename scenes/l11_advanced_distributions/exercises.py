"""Lesson 11 practice: a Beta-Binomial update, a Gaussian conditional, a natural parameter.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.probability`` (the tests check them against SciPy and closed forms).
"""

from __future__ import annotations

import numpy as np

from mathcore import probability

from mathreel.exercise import Exercise, latex_pmatrix
from mathreel.exercise import format_decimal as _fmt


def exercises(rng: np.random.Generator) -> list[Exercise]:
    alpha, beta = (float(x) for x in rng.integers(1, 5, size=2))
    heads, tails = (int(x) for x in rng.integers(2, 9, size=2))
    post_alpha, post_beta = probability.beta_binomial_update(alpha, beta, heads, tails)
    post_mean = post_alpha / (post_alpha + post_beta)

    a, c = (float(x) for x in rng.integers(2, 6, size=2))
    b = float(rng.integers(1, 2 + int(min(a, c)) - 1))  # keeps the matrix positive definite
    cov = np.array([[a, b], [b, c]])
    observed = float(rng.choice([-2.0, -1.0, 1.0, 2.0, 3.0]))
    cond_mean, cond_cov = probability.gaussian_conditional([0.0, 0.0], cov, given=0, value=observed)
    cond_mean, cond_var = float(cond_mean[0]), float(cond_cov[0, 0])

    p = float(rng.choice([0.2, 0.25, 0.75, 0.8, 0.9]))
    eta = probability.bernoulli_natural_params(p)
    log_partition = probability.bernoulli_log_partition(eta)

    return [
        Exercise(
            question=(rf"A coin's bias has prior Beta$({_fmt(alpha)}, {_fmt(beta)})$. "
                      rf"You see ${heads}$ heads and ${tails}$ tails. What is the posterior, and "
                      "its mean?"),
            answer=(rf"Beta$({_fmt(post_alpha)}, {_fmt(post_beta)})$, "
                    rf"mean ${_fmt(post_mean, 3)}$"),
            code=(f"mathcore.probability.beta_binomial_update({_fmt(alpha)}, {_fmt(beta)}, "
                  f"{heads}, {tails})"),
            inputs={"alpha": alpha, "beta": beta, "heads": heads, "tails": tails},
            answers={"alpha": post_alpha, "beta": post_beta, "mean": post_mean},
        ),
        Exercise(
            question=(rf"$(x_1, x_2)$ is Gaussian with mean $0$ and covariance "
                      rf"$\Sigma = {latex_pmatrix(cov)}$. You observe $x_1 = {_fmt(observed)}$. "
                      r"What are the mean and variance of $x_2$ given $x_1$?"),
            answer=(rf"mean ${_fmt(cond_mean, 3)}$ and variance ${_fmt(cond_var, 3)}$: "
                    r"$\Sigma_{21}/\Sigma_{11} \cdot x_1$ and $\Sigma_{22} - \Sigma_{21}^2/\Sigma_{11}$"),
            code=(f"mathcore.probability.gaussian_conditional([0, 0], {cov.tolist()}, given=0, "
                  f"value={_fmt(observed)})"),
            inputs={"cov": cov, "observed": observed},
            answers={"mean": cond_mean, "var": cond_var},
        ),
        Exercise(
            question=(rf"Write a Bernoulli with $p = {_fmt(p)}$ in exponential-family form. What "
                      r"are its natural parameter $\eta$ and its log-partition $A(\eta)$?"),
            answer=(rf"$\eta = {_fmt(eta, 3)}$, the log-odds, and "
                    rf"$A(\eta) = {_fmt(log_partition, 3)}$"),
            code=f"mathcore.probability.bernoulli_natural_params({_fmt(p)})",
            inputs={"p": p}, answers={"eta": eta, "log_partition": log_partition},
        ),
    ]
