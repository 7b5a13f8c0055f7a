"""Practice for every lesson, written once: the "Try it" card poses these
exercises and the blog prints them with their answers.

A lesson with exercises has an ``exercises.py`` in its folder
(``scenes/lNN_<slug>/exercises.py``) defining::

    def exercises(rng: numpy.random.Generator) -> list[Exercise]

whose parameters are drawn from ``rng`` and whose answers come from
mathcore. Each :class:`Exercise` keeps those numbers (``inputs``,
``answers``) beside the text rendered from them by the shared formatters
here (:func:`format_decimal`, :func:`format_tuple`, :func:`pylist`,
:func:`latex_pmatrix`), so tests compare numbers, not LaTeX. :func:`load_exercises` runs it with the lesson's fixed seed, so the
video and the page always show the same numbers. The file is loaded by its
path, never imported as part of a package: the pipeline never imports
``scenes``, and an exercise module imports only NumPy, mathcore and this module.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import numpy as np

SEED = 2024  # one seed for all practice; the lesson number is mixed in


def frozen_value(value):
    """``value`` as immutable plain Python: an array, list or tuple becomes a
    (nested) tuple of Python numbers, a NumPy scalar a Python ``int``/``float``/
    ``bool``; strings and Python numbers are kept."""
    if isinstance(value, (np.ndarray, list, tuple)):
        array = np.asarray(value)
        if array.dtype != object:
            value = array.tolist()
        return tuple(frozen_value(v) for v in value) if isinstance(value, list) else value
    if isinstance(value, np.generic):
        return value.item()
    return value


def _frozen_mapping(values: Mapping) -> Mapping:
    return MappingProxyType({str(k): frozen_value(v) for k, v in dict(values).items()})


@dataclass(frozen=True)
class Exercise:
    """One exercise: its numbers, and the text rendered from them.

    ``inputs`` are the numbers the question poses (drawn from the lesson's
    RNG) and ``answers`` the numbers mathcore computes from them, each by
    name. They are stored read-only: a read-only mapping whose arrays are
    nested tuples of Python numbers (``np.asarray(exercise.inputs["A"])``
    gives the array back) and whose scalars are Python ``int``/``float``.
    They take part in ``==`` but not in the hash, which is the text's.

    ``question`` and ``answer`` are plain sentences rendered from those
    numbers by the formatters below, with maths written between ``$...$``
    (rendered by Manim's Tex in the video, by the blog as MathML/SVG).
    ``code`` is the mathcore call that checks the answer, as a viewer would
    type it in a notebook.
    """

    question: str
    answer: str
    code: str
    inputs: Mapping = field(default_factory=dict, hash=False)
    answers: Mapping = field(default_factory=dict, hash=False)

    def __post_init__(self):
        object.__setattr__(self, "inputs", _frozen_mapping(self.inputs))
        object.__setattr__(self, "answers", _frozen_mapping(self.answers))


def format_decimal(x: float, decimals: int = 2, trailing_zeros: bool = False) -> str:
    """``x`` rounded to ``decimals`` places, zero as ``0`` (never ``-0``).

    Trailing zeros are dropped unless ``trailing_zeros``:
    ``2.50 -> "2.5"`` (``"2.50"`` with ``trailing_zeros``), ``-0.001 -> "0"``.
    """
    text = f"{float(x):.{decimals}f}"
    if not trailing_zeros and "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if float(text) == 0 else text


def format_list(v, decimals: int = 2, trailing_zeros: bool = False) -> str:
    """The entries of ``v`` through ``format_decimal``, as ``a, b, c``."""
    return ", ".join(format_decimal(x, decimals, trailing_zeros) for x in v)


def format_tuple(v, decimals: int = 2, trailing_zeros: bool = False) -> str:
    """The entries of ``v`` through ``format_decimal``, as ``(a, b, c)``."""
    return "(" + format_list(v, decimals, trailing_zeros) + ")"


def pylist(A, decimals: int = 2) -> str:
    """An array of any dimension as a Python list literal, entries through
    ``format_decimal``: ``[[1, 0.5], [0, 2]]``."""
    A = np.asarray(A)
    if A.ndim == 1:
        return "[" + format_list(A, decimals) + "]"
    return "[" + ", ".join(pylist(row, decimals) for row in A) + "]"


def latex_pmatrix(A, decimals: int = 2) -> str:
    """A 2-D array as a LaTeX ``pmatrix``, entries through ``format_decimal``."""
    rows = [" & ".join(format_decimal(x, decimals) for x in row) for row in np.asarray(A)]
    return r"\begin{pmatrix} " + r" \\ ".join(rows) + r" \end{pmatrix}"


def invertible_integer_matrix(rng: np.random.Generator, low: int = -3, high: int = 4) -> np.ndarray:
    """A 2x2 float matrix of integers in ``[low, high)`` whose determinant is not
    zero (so at least one in size: it spans the plane), drawn from ``rng`` until
    one qualifies."""
    while True:
        M = rng.integers(low, high, size=(2, 2)).astype(float)
        if abs(M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0]) >= 1:
            return M


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
