"""What the numbers tests check of an exercise, besides the oracle: that its
text shows each answer as the shared formatter writes it.

The numbers themselves are read from ``exercise.inputs`` and
``exercise.answers`` (never parsed back out of the LaTeX).
"""

from __future__ import annotations

import numpy as np

from mathreel.exercise import format_decimal


def arrays(mapping, *names):
    """The named entries of an exercise's ``inputs`` or ``answers`` as float
    arrays (scalars as 0-d arrays), in order."""
    return [np.asarray(mapping[name], dtype=float) for name in names]


def assert_shows(text: str, values, decimals: int = 2, trailing_zeros: bool = False) -> None:
    """Every entry of ``values``, through :func:`format_decimal`, is in ``text``."""
    for x in np.ravel(values):
        shown = format_decimal(x, decimals, trailing_zeros)
        assert shown in text, f"{shown!r} is not shown in {text!r}"
