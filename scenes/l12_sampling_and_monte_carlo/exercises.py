"""Lesson 12 practice: a Monte Carlo estimate and its standard error, one
Metropolis-Hastings acceptance probability, one reparameterized sample.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.sampling`` and ``mathcore.probability`` (the tests check them
against NumPy and SciPy).
"""

from __future__ import annotations

import numpy as np

from mathcore import probability, sampling

from mathreel.exercise import Exercise, format_decimal, format_tuple


def uniform_draws(rng: np.random.Generator, n: int = 4) -> np.ndarray:
    """n draws from U(0, 1), rounded to one decimal so they can be worked by hand."""
    return np.round(rng.uniform(0.05, 0.95, size=n), 1)


def exercises(rng: np.random.Generator) -> list[Exercise]:
    # 1. Monte Carlo estimate of E[X^2], X ~ U(0, 1), from four given draws.
    draws = uniform_draws(rng)  # (4,)
    mc = sampling.monte_carlo_estimate(lambda x: x**2, lambda _rng, n: draws, len(draws), rng=0)

    # 2. One Metropolis-Hastings step on a standard normal target.
    x = float(rng.integers(-2, 3))
    away = 1.0 if x >= 0 else -1.0  # a step away from the mode, so the ratio is below 1
    proposal = x + away * float(rng.choice([0.5, 1.0, 1.5]))
    ratio = (probability.multivariate_normal_pdf([proposal], [0.0], [[1.0]])
             / probability.multivariate_normal_pdf([x], [0.0], [[1.0]]))
    acceptance = min(1.0, ratio)

    # 3. A reparameterized sample and its derivatives.
    mu = float(rng.integers(-3, 4))
    sigma = float(rng.choice([0.5, 2.0, 3.0]))
    eps = float(np.round(rng.standard_normal(), 1))
    z = float(sampling.reparameterize(mu, np.log(sigma**2), eps))

    # Questions use only the LaTeX the Try-it card reads aloud (practice.spoken).
    return [
        Exercise(
            question=(rf"Estimate the mean of $X$ squared, for $X$ uniform on (0, 1), from the "
                      rf"draws $x = {format_tuple(draws, 1)}$, and give the standard error of your "
                      r"estimate: the sample standard deviation over the square root of $n$."),
            answer=(rf"estimate ${format_decimal(mc.estimate, 3)}$, "
                    rf"standard error ${format_decimal(mc.standard_error, 3)}$ "
                    r"(the exact mean is 1/3)"),
            code=(f"mathcore.sampling.monte_carlo_estimate(lambda x: x**2, "
                  f"lambda rng, n: numpy.array({draws.tolist()}), 4, rng=0)"),
            inputs={"draws": draws},
            answers={"estimate": mc.estimate, "standard_error": mc.standard_error},
        ),
        Exercise(
            question=(rf"A Metropolis-Hastings chain targets the standard normal density. It is "
                      rf"at $x = {format_decimal(x, 3)}$ and proposes $x' = {format_decimal(proposal, 3)}$. "
                      r"With what "
                      r"probability does it move?"),
            answer=rf"the ratio of the two densities, ${format_decimal(acceptance, 3)}$",
            code=(f"p = mathcore.probability.multivariate_normal_pdf([[{proposal}], [{x}]], "
                  f"[0], [[1]]); p[0] / p[1]"),
            inputs={"x": x, "proposal": proposal}, answers={"acceptance": acceptance},
        ),
        Exercise(
            question=(rf"With $\mu = {format_decimal(mu, 3)}$, $\sigma = {format_decimal(sigma, 3)}$ "
                      r"and a standard normal "
                      rf"noise draw of ${format_decimal(eps, 1)}$, find the reparameterized sample $z$ and "
                      r"its derivatives with respect to $\mu$ and $\sigma$."),
            answer=(rf"$z = {format_decimal(mu, 3)} + {format_decimal(sigma, 3)} \cdot "
                    rf"{format_decimal(eps, 1)} = {format_decimal(z, 3)}$; "
                    rf"the derivatives are 1 and the noise, ${format_decimal(eps, 1)}$"),
            code=(f"mathcore.sampling.reparameterize({mu}, numpy.log({sigma}**2), {eps})"),
            inputs={"mu": mu, "sigma": sigma, "eps": eps},
            answers={"z": z, "dz_dmu": 1.0, "dz_dsigma": eps},
        ),
    ]
