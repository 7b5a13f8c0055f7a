"""Lesson 08 practice: expectation and variance, Bayes' theorem, a second update.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.probability`` (the tests check them against SciPy and closed forms).
"""

from __future__ import annotations

import numpy as np

from mathcore import probability

from mathreel.exercise import Exercise, format_list
from mathreel.exercise import format_decimal as _fmt


def discrete_variable(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Three distinct integer values with probabilities in tenths (summing to 1)."""
    values = np.sort(rng.choice(np.arange(-2, 7), size=3, replace=False)).astype(float)
    cuts = np.sort(rng.choice(np.arange(1, 10), size=2, replace=False))
    probs = np.diff(np.concatenate([[0], cuts, [10]])) / 10.0  # (3,) each >= 0.1
    return values, probs


def diagnostic_test(rng: np.random.Generator) -> tuple[float, float, float]:
    """(prevalence, sensitivity, false-positive rate) of a medical test."""
    prevalence = float(rng.choice([0.01, 0.02, 0.05, 0.1]))
    sensitivity = float(rng.choice([0.8, 0.9, 0.95, 0.99]))
    false_positive = float(rng.choice([0.05, 0.1, 0.2]))
    return prevalence, sensitivity, false_positive


def exercises(rng: np.random.Generator) -> list[Exercise]:
    values, probs = discrete_variable(rng)
    mean = probability.expectation(values, probs)
    var = probability.variance(values, probs)

    prevalence, sensitivity, false_positive = diagnostic_test(rng)
    prior = np.array([prevalence, 1 - prevalence])  # (sick, healthy)
    likelihood = np.array([sensitivity, false_positive])  # P(+ | sick), P(+ | healthy)
    first = probability.bayes_posterior(prior, likelihood)
    second = probability.bayes_posterior(first.posterior, likelihood)

    table = ", ".join(f"$P(X={_fmt(x)}) = {_fmt(p)}$" for x, p in zip(values, probs))
    test = (rf"A disease affects ${_fmt(100 * prevalence)}\%$ of people; the test catches "
            rf"${_fmt(100 * sensitivity)}\%$ of the sick and wrongly flags "
            rf"${_fmt(100 * false_positive)}\%$ of the healthy.")
    return [
        Exercise(
            question=f"A random variable has {table}. Find its expectation and its variance.",
            answer=rf"The expectation is ${_fmt(mean, 3)}$ and the variance ${_fmt(var, 3)}$",
            code=(f"mathcore.probability.variance([{format_list(values)}], "
                  f"[{format_list(probs)}])"),
            inputs={"values": values, "probs": probs}, answers={"mean": mean, "variance": var},
        ),
        Exercise(
            question=rf"{test} You test positive. What is the probability that you are sick?",
            answer=(rf"A positive test has probability ${_fmt(first.evidence, 4)}$; "
                    rf"given one, you are sick with probability ${_fmt(first.posterior[0], 3)}$"),
            code=(f"mathcore.probability.bayes_posterior([{_fmt(prevalence)}, "
                  f"{_fmt(1 - prevalence)}], [{_fmt(sensitivity)}, {_fmt(false_positive)}])"),
            inputs={"prevalence": prevalence, "sensitivity": sensitivity,
                    "false_positive": false_positive},
            answers={"evidence": first.evidence, "posterior": first.posterior[0]},
        ),
        Exercise(
            question=(r"You take the same test again (independent given your health) and test "
                      r"positive a second time. Now what is the probability that you are sick?"),
            answer=(rf"${_fmt(second.posterior[0], 3)}$: the first posterior, "
                    rf"${_fmt(first.posterior[0], 3)}$, is the new prior"),
            code=(f"mathcore.probability.bayes_posterior([{_fmt(first.posterior[0], 3)}, "
                  f"{_fmt(first.posterior[1], 3)}], [{_fmt(sensitivity)}, {_fmt(false_positive)}])"),
            inputs={"prior": first.posterior[0], "sensitivity": sensitivity,
                    "false_positive": false_positive},
            answers={"posterior": second.posterior[0]},
        ),
    ]
