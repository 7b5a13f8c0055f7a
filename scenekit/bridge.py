"""Formula -> code -> library: one idea written three ways, with one number.

A lesson shows the maths it just animated as the line of ``mathcore`` that
computes it and the call a practitioner makes (NumPy, SciPy, scikit-learn,
PyTorch), side by side, with the value they all give::

    EIGH = Bridge(
        formula=r"A\\mathbf{v} = \\lambda \\mathbf{v}",
        setup="A = np.array([[2.0, 1.0], [1.0, 2.0]])",
        mathcore=Snippet("power_iteration(A).eigenvalue"),
        library=Snippet("np.linalg.eigh(A).eigenvalues[-1]", needs="numpy"),
        decimals=3,
    )

The number on screen is the mathcore line's own value (:meth:`Bridge.value`
runs the code exactly as shown), and ``tests/scenes/test_bridges.py`` runs
the library line of every bridge of every lesson as the oracle. Building the
bridge needs no Manim: :func:`get_bridge` in ``scenekit.bridge_view`` draws it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np

# What a snippet may name without importing it (the namespace it runs in).
PRELUDE = """\
import numpy as np
import mathcore
from mathcore import attention, autodiff, calculus, convex, generative, graphs, information, linalg, manifold, norms, optim, probability, sampling
"""

LIBRARIES = ("numpy", "scipy", "sklearn", "torch")


class BridgeError(ValueError):
    """A bridge's code failed to run or gave no number."""


@dataclass(frozen=True)
class Snippet:
    """One expression (or a few statements ending in an expression) of Python.

    ``code`` is shown exactly as written; its last line is an expression whose
    value is the snippet's result. ``needs`` names the library it calls
    (one of ``LIBRARIES``; ``"numpy"`` for mathcore lines).
    """

    code: str
    needs: str = "numpy"

    def __post_init__(self):
        if self.needs not in LIBRARIES:
            raise BridgeError(f"Snippet needs {self.needs!r}; accepted: {', '.join(LIBRARIES)}")
        if not self.code.strip():
            raise BridgeError("Snippet code is empty; accepted: Python ending in an expression")

    @property
    def lines(self) -> list[str]:
        return textwrap.dedent(self.code).strip("\n").splitlines()

    def run(self, setup: str = "") -> np.ndarray:
        """Run ``setup`` then the snippet; the value of its last line, as an array."""
        *body, last = self.lines
        namespace: dict = {}
        source = PRELUDE + textwrap.dedent(setup) + "\n" + "\n".join(body)
        try:
            exec(compile(source, "<bridge>", "exec"), namespace)
            value = eval(compile(last, "<bridge>", "eval"), namespace)
        except Exception as error:  # the message names the code at fault
            raise BridgeError(f"{last!r} failed: {type(error).__name__}: {error}") from error
        if hasattr(value, "detach"):  # a torch tensor
            value = value.detach().numpy()
        try:
            return np.asarray(value, dtype=float)
        except (TypeError, ValueError) as error:
            raise BridgeError(f"{last!r} gave {type(value).__name__}, not a number or array") from error


@dataclass(frozen=True)
class Bridge:
    """The formula, the mathcore line and the library call for one idea.

    ``setup`` defines the inputs both snippets use (shown elsewhere in the
    scene, e.g. the matrix on screen); ``decimals`` is how the value is shown.
    """

    formula: str
    setup: str
    mathcore: Snippet
    library: Snippet
    decimals: int = 3
    library_name: str = ""  # the label over the library line; default from ``needs``

    @property
    def label(self) -> str:
        names = {"numpy": "NumPy", "scipy": "SciPy", "sklearn": "scikit-learn", "torch": "PyTorch"}
        return self.library_name or names[self.library.needs]

    def value(self) -> np.ndarray:
        """The mathcore line's value: the number the screen shows."""
        return self.mathcore.run(self.setup)

    def shown(self) -> str:
        """The value as the screen writes it (a scalar or a short vector)."""
        return format_value(self.value(), self.decimals)


def format_value(value, decimals: int) -> str:
    """``3.618`` for a scalar, ``[0.851, 0.526]`` for a vector (minus signs as ``-``)."""
    value = np.asarray(value, dtype=float)
    fmt = lambda x: f"{round(x, decimals) + 0.0:.{decimals}f}"  # + 0.0: never "-0.00"
    if value.ndim == 0:
        return fmt(float(value))
    if value.ndim == 1:
        return "[" + ", ".join(fmt(x) for x in value) + "]"
    return "[" + ", ".join(format_value(row, decimals) for row in value) + "]"
