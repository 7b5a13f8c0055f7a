"""Lesson 12 practice: a Monte Carlo estimate and its standard error, one
Metropolis-Hastings acceptance probability with an asymmetric proposal (the
Hastings correction), one reparameterized sample.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.sampling`` and ``mathcore.probability`` (the tests check them
against NumPy and SciPy).
"""

from __future__ import annotations

import numpy as np

from mathcore import sampling

from mathreel.exercise import Exercise, format_decimal, format_tuple


HEIGHTS = (1, 2, 3, 4, 6)  # unnormalised target probabilities of two states
PROPOSALS = (0.2, 0.4, 0.5, 0.8)  # proposal probabilities, one each way


def uniform_draws(rng: np.random.Generator, n: int = 4) -> np.ndarray:
    """n draws from U(0, 1), rounded to one decimal so they can be worked by hand."""
    return np.round(rng.uniform(0.05, 0.95, size=n), 1)


def exercises(rng: np.random.Generator) -> list[Exercise]:
    # 1. Monte Carlo estimate of E[X^2], X ~ U(0, 1), from four given draws.
    draws = uniform_draws(rng)  # (4,)
    mc = sampling.monte_carlo_estimate(lambda x: x**2, lambda _rng, n: draws, len(draws), rng=0)

    # 2. One Metropolis-Hastings step with an asymmetric proposal, as in the lesson's
    #    three states: the ratio of targets times the Hastings correction q(x|x') / q(x'|x).
    while True:
        height, height_new = (float(h) for h in rng.choice(HEIGHTS, size=2, replace=False))
        q_forward, q_back = (float(q) for q in rng.choice(PROPOSALS, size=2, replace=False))
        if height_new * q_back < height * q_forward:  # a move that is not always accepted
            break
    kernel = sampling.metropolis_hastings_kernel(
        [height, height_new], [[1 - q_forward, q_forward], [q_back, 1 - q_back]])
    acceptance = float(kernel[0, 1] / q_forward)

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
            question=(rf"A Metropolis-Hastings chain is at state $x$, whose unnormalised target "
                      rf"is {format_decimal(height)}, and proposes $x'$, whose target is "
                      rf"{format_decimal(height_new)}. From $x$ it proposes $x'$ with probability "
                      rf"{format_decimal(q_forward)}; from $x'$ it proposes $x$ with probability "
                      rf"{format_decimal(q_back)}. With what probability does it accept the move?"),
            answer=(rf"the target ratio times the Hastings correction: "
                    rf"${format_decimal(height_new)} \times {format_decimal(q_back)} / "
                    rf"({format_decimal(height)} \times {format_decimal(q_forward)}) = "
                    rf"{format_decimal(acceptance, 3)}$"),
            code=(f"P = mathcore.sampling.metropolis_hastings_kernel([{format_decimal(height)}, "
                  f"{format_decimal(height_new)}], [[{format_decimal(1 - q_forward)}, "
                  f"{format_decimal(q_forward)}], [{format_decimal(q_back)}, "
                  f"{format_decimal(1 - q_back)}]]); P[0, 1] / {format_decimal(q_forward)}"),
            inputs={"height": height, "height_new": height_new, "q_forward": q_forward,
                    "q_back": q_back},
            answers={"acceptance": acceptance},
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
