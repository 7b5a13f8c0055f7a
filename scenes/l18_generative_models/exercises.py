"""Lesson 18 practice: the optimal discriminator, the GAN generator's two losses, the
DDPM schedule.

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
    d_fake = float(rng.choice([0.02, 0.05, 0.1, 0.2]))  # a fake the discriminator catches
    saturating = generative.generator_loss([d_fake], non_saturating=False).logit_gradients[0]
    non_saturating = generative.generator_loss([d_fake]).logit_gradients[0]

    T = int(rng.choice([4, 5, 10]))
    beta = float(rng.choice([0.1, 0.2]))
    alpha_bars = generative.ddpm_schedule(T, beta, beta).alpha_bars  # constant betas

    p_data, p_g = (float(x) for x in rng.choice([0.1, 0.2, 0.3, 0.6], size=2, replace=False))
    d_star = generative.optimal_discriminator([p_data, 1 - p_data], [p_g, 1 - p_g])[0]

    return [
        Exercise(
            question=(rf"At a point $x$, $p_{{data}}(x) = {_fmt(p_data, 1)}$ and "
                      rf"$p_g(x) = {_fmt(p_g, 1)}$. What does the optimal discriminator output?"),
            answer=(rf"$D^*(x) = {_fmt(p_data, 1)} / ({_fmt(p_data, 1)} + {_fmt(p_g, 1)}) "
                    rf"= {_fmt(d_star, 3)}$"),
            code=(f"mathcore.generative.optimal_discriminator([{p_data}, {1 - p_data:.1f}], "
                  f"[{p_g}, {1 - p_g:.1f}])[0]"),
            inputs={"p_data": p_data, "p_g": p_g}, answers={"d_star": d_star},
        ),
        Exercise(
            question=(rf"Early in training the discriminator scores a fake $D = {_fmt(d_fake, 2)}$. "
                      r"Through its logit $a$, what slope does the generator get from the "
                      r"saturating loss $\log(1 - D)$, and from the non-saturating $-\log D$?"),
            answer=(rf"$-D = {_fmt(saturating, 2)}$ and $-(1 - D) = {_fmt(non_saturating, 2)}$: "
                    rf"{format_decimal(non_saturating / saturating, 0)} times the push"),
            code=(f"[mathcore.generative.generator_loss([{d_fake}], non_saturating=s)"
                  f".logit_gradients for s in (False, True)]"),
            inputs={"d_fake": d_fake},
            answers={"saturating": saturating, "non_saturating": non_saturating},
        ),
        Exercise(
            question=(rf"Every step of a {T}-step diffusion has $\beta = {_fmt(beta, 1)}$. "
                      rf"What is $\bar\alpha$ after the last step?"),
            answer=rf"$\bar\alpha = (1 - {_fmt(beta, 1)})^{{{T}}} = {_fmt(alpha_bars[-1], 4)}$",
            code=f"mathcore.generative.ddpm_schedule({T}, {beta}, {beta}).alpha_bars[-1]",
            inputs={"T": T, "beta": beta}, answers={"alpha_bar": alpha_bars[-1]},
        ),
    ]
