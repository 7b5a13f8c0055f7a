"""Lesson 00 practice: the one training step the lesson follows, in three
questions (a linear layer, softmax and cross-entropy, the gradient p - y),
answered by mathcore.

Parameters are drawn from ``rng``; every answer is computed by ``mathcore``
(the tests check them against NumPy, SciPy and finite differences).
"""

from __future__ import annotations

import numpy as np

from mathcore import attention, information, linalg

from mathreel.exercise import Exercise, format_tuple, latex_pmatrix, pylist
from mathreel.exercise import format_decimal as _fmt

CLASSES = ("cat", "dog", "bird")  # the lesson's three classes
PREDICTIONS = (  # softmax outputs with short decimals, each summing to one
    (0.2, 0.5, 0.3), (0.1, 0.6, 0.3), (0.5, 0.2, 0.3), (0.4, 0.4, 0.2), (0.7, 0.2, 0.1),
)


def exercises(rng: np.random.Generator) -> list[Exercise]:
    W = rng.integers(-2, 3, size=(3, 2)).astype(float)
    x = rng.integers(-2, 4, size=2).astype(float)
    z = linalg.matmul(W, x)

    while True:  # scores that are not all equal
        scores = rng.integers(0, 4, size=3).astype(float)
        if np.ptp(scores) > 0:
            break
    truth = int(rng.integers(3))
    p = attention.softmax(scores)
    loss = information.cross_entropy(np.eye(3)[truth], p)

    q = np.array(PREDICTIONS[int(rng.integers(len(PREDICTIONS)))])
    label = int(rng.integers(3))
    x_step = rng.permutation([1.0, 2.0, 3.0])[:2]  # two different features
    dz = q - np.eye(3)[label]
    dW = linalg.matmul(dz[:, None], x_step[None, :])

    return [
        Exercise(
            question=(rf"Linear layer: $W$ has the rows {', '.join(f'${format_tuple(row)}$' for row in W[:-1])} "
                      rf"and ${format_tuple(W[-1])}$, one for each class. What scores "
                      rf"$\mathbf{{z}} = W\mathbf{{x}}$ does it give $\mathbf{{x}} = {format_tuple(x)}$?"),
            answer=rf"$\mathbf{{z}} = {format_tuple(z)}$",
            code=f"mathcore.linalg.matmul({pylist(W)}, {pylist(x)})",
            inputs={"W": W, "x": x}, answers={"z": z},
        ),
        Exercise(
            question=(rf"Softmax and loss: the scores are ${format_tuple(scores)}$ for "
                      rf"({', '.join(CLASSES)}) and the answer is {CLASSES[truth]}. What are "
                      rf"the probabilities, and the cross-entropy loss $-\log p_{{\text{{{CLASSES[truth]}}}}}$?"),
            answer=rf"$\mathbf{{p}} = {format_tuple(p, 3)}$, $L = {_fmt(loss, 3)}$",
            code=(f"mathcore.information.cross_entropy(numpy.eye(3)[{truth}], "
                  f"mathcore.attention.softmax({pylist(scores)}))"),
            inputs={"scores": scores, "truth": truth}, answers={"p": p, "loss": loss},
        ),
        Exercise(
            question=(rf"Gradient: the model says $\mathbf{{p}} = {format_tuple(q)}$ for "
                      rf"$\mathbf{{x}} = {format_tuple(x_step)}$ and the answer is {CLASSES[label]}. "
                      rf"What are $\mathbf{{p}} - \mathbf{{y}}$ and the gradient "
                      rf"$(\mathbf{{p}} - \mathbf{{y}})\,\mathbf{{x}}^T$ for $W$?"),
            answer=(rf"$\mathbf{{p}} - \mathbf{{y}} = {format_tuple(dz)}$, "
                    rf"$\partial L / \partial W = {latex_pmatrix(dW)}$"),
            code=f"numpy.outer(numpy.array({pylist(q)}) - numpy.eye(3)[{label}], {pylist(x_step)})",
            inputs={"p": q, "label": label, "x": x_step}, answers={"dz": dz, "dW": dW},
        ),
    ]
