"""Practice for every lesson, written once: the "Try it" scenes pose these
exercises and the blog prints them with their answers.

Each lesson with exercises has a module ``lNN.py`` here defining::

    def exercises(rng: numpy.random.Generator) -> list[Exercise]

whose parameters are drawn from ``rng`` and whose answers come from
mathcore. ``exercises_for(lesson)`` calls it with the lesson's fixed seed, so
the video and the page always show the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

import numpy as np

SEED = 2024  # one seed for all practice; the lesson number is mixed in


@dataclass(frozen=True)
class Exercise:
    """One exercise: LaTeX-capable text in, answer out.

    ``question`` and ``answer`` are plain sentences in which maths is written
    between ``$...$`` (rendered by Manim's Tex in the video, by the blog as
    MathML/SVG). ``code`` is the mathcore call that checks the answer, as a
    viewer would type it in a notebook.
    """

    question: str
    answer: str
    code: str


def format_decimal(x: float, decimals: int = 2) -> str:
    """``x`` rounded to ``decimals`` places, trailing zeros dropped, zero as
    ``0`` (never ``-0``): ``2.50 -> "2.5"``, ``-0.001 -> "0"``."""
    text = f"{float(x):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if float(text) == 0 else text


def format_tuple(v, decimals: int = 2) -> str:
    """The entries of ``v`` through ``format_decimal``, as ``(a, b, c)``."""
    return "(" + ", ".join(format_decimal(x, decimals) for x in v) + ")"


def latex_pmatrix(A, decimals: int = 2) -> str:
    """A 2-D array as a LaTeX ``pmatrix``, entries through ``format_decimal``."""
    rows = [" & ".join(format_decimal(x, decimals) for x in row) for row in np.asarray(A)]
    return r"\begin{pmatrix} " + r" \\ ".join(rows) + r" \end{pmatrix}"


def exercises_for(lesson: int) -> list[Exercise]:
    """The exercises of a lesson (an empty list where none are written)."""
    try:
        module = import_module(f"{__name__}.l{lesson:02d}")
    except ModuleNotFoundError as exc:
        if exc.name == f"{__name__}.l{lesson:02d}":
            return []
        raise
    rng = np.random.default_rng([SEED, lesson])
    return list(module.exercises(rng))
