"""Lesson 09 practice: a Gaussian MLE, a MAP mean, and ridge as MAP.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.probability`` (the tests check them against closed forms and SciPy).
"""

from __future__ import annotations

import numpy as np

from mathcore import probability

from mathreel.exercise import Exercise
from mathreel.exercise import format_list
from mathreel.exercise import format_decimal as _fmt


def exercises(rng: np.random.Generator) -> list[Exercise]:
    data = rng.integers(-2, 8, size=4).astype(float)  # (4,)
    mean, var = probability.gaussian_mle(data)

    n = int(rng.integers(2, 6))
    sample_mean = float(rng.integers(2, 7))
    prior_var = float(rng.choice([0.5, 1.0, 2.0]))
    noise_var = float(rng.choice([1.0, 2.0, 4.0]))
    observations = np.full(n, sample_mean)  # only the mean and the count matter
    map_mean, post_var = probability.gaussian_mean_map(observations, noise_var, 0.0, prior_var)

    x = rng.integers(1, 4, size=3).astype(float)  # (3,) one feature
    y = 2.0 * x + rng.integers(-1, 2, size=3)  # (3,)
    reg_noise, reg_prior = 1.0, float(rng.choice([0.25, 0.5, 1.0]))
    w_map = probability.map_linear_regression(x[:, None], y, reg_noise, reg_prior)[0]
    lam = reg_noise / reg_prior

    return [
        Exercise(
            question=(f"Fit a Gaussian by maximum likelihood to the data ${format_list(data)}$. "
                      "What are the estimated mean and variance?"),
            answer=(rf"mean ${_fmt(mean, 3)}$, variance ${_fmt(var, 3)}$ "
                    r"(divide by $n$, not $n - 1$)"),
            code=f"mathcore.probability.gaussian_mle([{format_list(data)}])",
            inputs={"data": data}, answers={"mean": mean, "variance": var},
        ),
        Exercise(
            question=(rf"Noise variance ${_fmt(noise_var)}$, prior on the mean with centre $0$ and "
                      rf"variance ${_fmt(prior_var)}$. After ${n}$ points with sample mean "
                      rf"${_fmt(sample_mean)}$, what is the MAP estimate of the mean?"),
            answer=(rf"${_fmt(map_mean, 3)}$, with posterior variance ${_fmt(post_var, 3)}$"),
            code=(f"mathcore.probability.gaussian_mean_map([{_fmt(sample_mean)}] * {n}, "
                  f"{_fmt(noise_var)}, 0, {_fmt(prior_var)})"),
            inputs={"n": n, "sample_mean": sample_mean, "prior_var": prior_var,
                    "noise_var": noise_var},
            answers={"map_mean": map_mean, "posterior_var": post_var},
        ),
        Exercise(
            question=(rf"Fit $y = w x$ to the points $x = {format_list(x)}$, $y = {format_list(y)}$ with noise "
                      rf"variance $1$ and a Gaussian prior on $w$ with centre $0$ and variance "
                      rf"${_fmt(reg_prior)}$. What is the MAP weight, and which ridge penalty "
                      r"gives the same answer?"),
            answer=rf"$w = {_fmt(w_map, 3)}$, ridge with $\lambda = {_fmt(lam)}$",
            code=(f"mathcore.probability.ridge_regression([[{_fmt(x[0])}], [{_fmt(x[1])}], "
                  f"[{_fmt(x[2])}]], [{format_list(y)}], {_fmt(lam)})"),
            inputs={"x": x, "y": y, "noise_var": reg_noise, "prior_var": reg_prior},
            answers={"w": w_map, "ridge_lambda": lam},
        ),
    ]
