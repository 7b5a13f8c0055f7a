"""mathcore: the mathematics of the mathreel curriculum, from scratch in NumPy.

Every number a mathreel video shows comes from here, and every function is
tested against an independent oracle (NumPy, SciPy, SymPy or a closed form).
Modules are named after the maths and load on first use::

    >>> import mathcore
    >>> mathcore.linalg.power_iteration([[2.0, 1.0], [1.0, 2.0]]).eigenvalue  # doctest: +SKIP
    3.0

Bad input is a ValueError naming the argument; an iterative method whose
iterate becomes non-finite stops there with a ``mathcore.DivergenceWarning``.

mathcore never imports manim or click.
"""

from importlib import import_module

__all__ = [
    "linalg", "calculus", "autodiff", "norms", "optim", "probability",
    "information", "sampling", "convex", "graphs", "manifold", "attention",
    "generative",
]


def __getattr__(name: str):
    if name in __all__:
        module = import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    if name == "DivergenceWarning":  # defined with the shared checks, loaded on first use too
        return import_module("._validate", __name__).DivergenceWarning
    raise AttributeError(f"module 'mathcore' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + __all__ + ["DivergenceWarning"])
