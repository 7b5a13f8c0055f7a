"""Lesson 18 practice: the VAE's KL term, the DDPM schedule, the optimal discriminator.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.generative`` (the tests check them against closed forms).
"""

from __future__ import annotations

from functools import partial

import numpy as np

from mathcore import generative

from mathreel.exercise import Exercise, format_decimal


_fmt = partial(format_decimal, trailing_zeros=True)  # a fixed number of decimals


def exercises(rng: np.random.Generator) -> list[Exercise]:
    mu = float(rng.choice([0.5, 1.0, 1.5, 2.0]))
    sigma = float(rng.choice([0.5, 2.0]))
    kl = generative.gaussian_kl([mu], [2 * np.log(sigma)])

    T = int(rng.choice([4, 5, 10]))
    beta = float(rng.choice([0.1, 0.2]))
    alpha_bars = generative.ddpm_schedule(T, beta, beta).alpha_bars  # constant betas

    p_data, p_g = (float(x) for x in rng.choice([0.1, 0.2, 0.3, 0.6], size=2, replace=False))
    d_star = generative.optimal_discriminator([p_data, 1 - p_data], [p_g, 1 - p_g])[0]

    return [
        Exercise(
            question=(rf"A VAE encoder outputs $\mu = {_fmt(mu, 1)}$, $\sigma = {_fmt(sigma, 1)}$ "
                      r"in one dimension. Find $D_{KL}(q \,\|\, \mathcal{N}(0, 1))$."),
            answer=(rf"$\tfrac12(\sigma^2 + \mu^2 - 1 - \log \sigma^2) = {_fmt(kl, 3)}$ nats"),
            code=f"mathcore.generative.gaussian_kl([{mu}], [2 * numpy.log({sigma})])",
            inputs={"mu": mu, "sigma": sigma}, answers={"kl": kl},
        ),
        Exercise(
            question=(rf"Every step of a {T}-step diffusion has $\beta = {_fmt(beta, 1)}$. "
                      rf"What is $\bar\alpha$ after the last step?"),
            answer=rf"$\bar\alpha = (1 - {_fmt(beta, 1)})^{{{T}}} = {_fmt(alpha_bars[-1], 4)}$",
            code=f"mathcore.generative.ddpm_schedule({T}, {beta}, {beta}).alpha_bars[-1]",
            inputs={"T": T, "beta": beta}, answers={"alpha_bar": alpha_bars[-1]},
        ),
        Exercise(
            question=(rf"At a point $x$, $p_{{data}}(x) = {_fmt(p_data, 1)}$ and "
                      rf"$p_g(x) = {_fmt(p_g, 1)}$. What does the optimal discriminator output?"),
            answer=(rf"$D^*(x) = {_fmt(p_data, 1)} / ({_fmt(p_data, 1)} + {_fmt(p_g, 1)}) "
                    rf"= {_fmt(d_star, 3)}$"),
            code=(f"mathcore.generative.optimal_discriminator([{p_data}, {1 - p_data:.1f}], "
                  f"[{p_g}, {1 - p_g:.1f}])[0]"),
            inputs={"p_data": p_data, "p_g": p_g}, answers={"d_star": d_star},
        ),
    ]
