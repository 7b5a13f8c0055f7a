"""Practice for every lesson, written once: the "Try it" card poses these
exercises and the blog prints them with their answers.

A lesson with exercises has an ``exercises.py`` in its folder
(``scenes/lNN_<slug>/exercises.py``) defining::

    def exercises(rng: numpy.random.Generator) -> list[Exercise]

whose parameters are drawn from ``rng`` and whose answers come from
mathcore. :func:`load_exercises` runs it with the lesson's fixed seed, so the
video and the page always show the same numbers. The file is loaded by its
path, never imported as part of a package: the pipeline never imports
``scenes``, and an exercise module imports only NumPy, mathcore and this module.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

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


EXERCISES_FILE = "exercises.py"  # beside a lesson's scenes.py


def load_exercises(folder: Path, lesson: int) -> list[Exercise]:
    """The exercises in ``folder/exercises.py`` for lesson number ``lesson``
    (an empty list when the folder has none), drawn with the lesson's seed.

    The file is executed afresh, by its path, under a module name unique to
    its folder (``mathreel_exercises_l07_gradient_descent``), and is not
    added to ``sys.modules``: no package import, no clash between lessons.
    """
    path = Path(folder) / EXERCISES_FILE
    if not path.is_file():
        return []
    name = f"mathreel_exercises_{Path(folder).name}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rng = np.random.default_rng([SEED, lesson])
    return list(module.exercises(rng))


def lesson_exercises(lesson) -> list[Exercise]:
    """The exercises of a curriculum lesson (a :class:`mathreel.curriculum.Lesson`),
    from its folder."""
    return load_exercises(lesson.folder, lesson.number)
