"""Lesson 08 practice: expectation, E[X^2] and the variance; linearity; a density; Bayes twice.

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
    second_moment = probability.expectation(values ** 2, probs)
    var = probability.variance(values, probs)

    n_examples = int(rng.choice([20, 50, 80]))
    p_right = float(rng.choice([0.7, 0.75, 0.9, 0.95]))
    expected_right = n_examples * probability.expectation([0.0, 1.0], [1 - p_right, p_right])

    std = float(rng.choice([0.05, 0.1, 0.25]))
    peak = probability.normal_pdf(0.0, 0.0, std)

    prevalence, sensitivity, false_positive = diagnostic_test(rng)
    prior = np.array([prevalence, 1 - prevalence])  # (sick, healthy)
    likelihood = np.array([sensitivity, false_positive])  # P(+ | sick), P(+ | healthy)
    first = probability.bayes_posterior(prior, likelihood)
    second = probability.bayes_posterior(first.posterior, likelihood)

    table = rf"{_fmt(values[0])}$, ${_fmt(values[1])}$ or ${_fmt(values[2])}"
    weights = ", ".join(_fmt(p) for p in probs)
    return [
        Exercise(
            question=(rf"$X$ is ${table}$, with probabilities ${weights}$. Find "
                      r"$\mathbb{E}[X]$, $\mathbb{E}[X^2]$, the variance."),
            answer=(rf"$\mathbb{{E}}[X] = {_fmt(mean, 3)}$, $\mathbb{{E}}[X^2] = "
                    rf"{_fmt(second_moment, 3)}$, variance ${_fmt(var, 3)}$"),
            code=(f"mathcore.probability.variance([{format_list(values)}], "
                  f"[{format_list(probs)}])"),
            inputs={"values": values, "probs": probs},
            answers={"mean": mean, "second_moment": second_moment, "variance": var},
        ),
        Exercise(
            question=(rf"A model is right on each of ${n_examples}$ examples with probability "
                      rf"${_fmt(p_right)}$. How many right, on average?"),
            answer=(rf"${n_examples} \times {_fmt(p_right)} = {_fmt(expected_right, 3)}$, "
                    r"by linearity, dependent or not"),
            code=(f"{n_examples} * mathcore.probability.expectation([0, 1], "
                  f"[{_fmt(1 - p_right)}, {_fmt(p_right)}])"),
            inputs={"n": n_examples, "p": p_right}, answers={"expected": expected_right},
        ),
        Exercise(
            question=(rf"A Gaussian has mean $0$ and standard deviation ${_fmt(std)}$. "
                      r"What is its density at $0$?"),
            answer=(rf"${_fmt(peak, 3)}$: above 1, fine for a density, "
                    r"which is not a probability"),
            code=f"mathcore.probability.normal_pdf(0, 0, {_fmt(std)})",
            inputs={"std": std}, answers={"density": peak},
        ),
        Exercise(
            question=(rf"A test flags ${_fmt(100 * sensitivity)}\%$ of the sick, "
                      rf"${_fmt(100 * false_positive)}\%$ of the healthy; "
                      rf"${_fmt(100 * prevalence)}\%$ are sick. Two independent positive "
                      r"tests: chance you are sick after each?"),
            answer=(rf"${_fmt(first.posterior[0], 3)}$, then ${_fmt(second.posterior[0], 3)}$: "
                    r"the first posterior is the second prior"),
            code=(f"mathcore.probability.bayes_posterior([{_fmt(prevalence)}, "
                  f"{_fmt(1 - prevalence)}], [{_fmt(sensitivity)}, {_fmt(false_positive)}])"),
            inputs={"prevalence": prevalence, "sensitivity": sensitivity,
                    "false_positive": false_positive},
            answers={"evidence": first.evidence, "posterior": first.posterior[0],
                     "second_posterior": second.posterior[0]},
        ),
    ]
