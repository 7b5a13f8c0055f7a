"""Input checks shared by every mathcore module.

Each function converts its input to a float64 array and raises a ValueError
that names the argument, what it got (shape or value) and what was expected.
"""

from __future__ import annotations

import numpy as np

PROB_ATOL = 1e-8  # tolerance for "sums to 1"


def as_array(x, name: str, *, ndim: int | None = None) -> np.ndarray:
    """``x`` as a finite float64 array with ``ndim`` dimensions (any if None)."""
    try:
        arr = np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be numeric, got {type(x).__name__}") from None
    if ndim is not None and arr.ndim != ndim:
        kind = {0: "a scalar", 1: "a 1-D vector", 2: "a 2-D matrix"}.get(ndim, f"{ndim}-D")
        raise ValueError(f"{name} must be {kind}, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got NaN or inf in shape {arr.shape}")
    return arr


def as_vector(x, name: str) -> np.ndarray:
    """A finite 1-D float64 vector."""
    return as_array(x, name, ndim=1)


def as_matrix(x, name: str) -> np.ndarray:
    """A finite 2-D float64 matrix."""
    return as_array(x, name, ndim=2)


def as_square(x, name: str) -> np.ndarray:
    """A finite square float64 matrix."""
    arr = as_matrix(x, name)
    if arr.shape[0] != arr.shape[1]:
        raise ValueError(f"{name} must be square, got shape {arr.shape}")
    return arr


def as_symmetric(x, name: str, *, atol: float = 1e-10) -> np.ndarray:
    """A finite symmetric matrix (|A - A^T| <= atol * max(1, |A|))."""
    arr = as_square(x, name)
    scale = max(1.0, float(np.max(np.abs(arr))))
    if not np.allclose(arr, arr.T, atol=atol * scale, rtol=0.0):
        raise ValueError(f"{name} must be symmetric, got shape {arr.shape} with A != A.T")
    return arr


def as_positive_definite(x, name: str) -> np.ndarray:
    """A symmetric positive-definite matrix (checked by attempting a Cholesky)."""
    arr = as_symmetric(x, name, atol=1e-8)
    try:
        np.linalg.cholesky(arr)
    except np.linalg.LinAlgError:
        raise ValueError(f"{name} must be positive definite, got shape {arr.shape} "
                         "with a non-positive eigenvalue") from None
    return arr


def as_probabilities(p, name: str, *, axis: int = -1, atol: float = PROB_ATOL) -> np.ndarray:
    """Non-negative values summing to 1 along ``axis`` (within ``atol``)."""
    arr = as_array(p, name)
    if np.any(arr < 0):
        raise ValueError(f"{name} must be non-negative, got min {arr.min():.6g}")
    sums = arr.sum(axis=axis)
    if not np.allclose(sums, 1.0, atol=atol, rtol=0.0):
        worst = float(np.ravel(sums)[np.argmax(np.abs(np.ravel(sums) - 1.0))])
        raise ValueError(f"{name} must sum to 1 (within {atol:g}), got a sum of {worst:.6g}")
    return arr


def as_positive_int(n, name: str) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"{name} must be a positive integer, got {n!r}")
    return int(n)


def as_rng(rng) -> np.random.Generator:
    """A numpy Generator from a Generator, a seed, or None (fresh entropy)."""
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None or isinstance(rng, (int, np.integer)):
        return np.random.default_rng(rng)
    raise ValueError(f"rng must be a numpy Generator, an int seed or None, got {type(rng).__name__}")


def as_positive_float(x, name: str) -> float:
    """A finite float > 0 (a tolerance, a step size, a temperature)."""
    if isinstance(x, bool) or not isinstance(x, (int, float, np.integer, np.floating)):
        raise ValueError(f"{name} must be a positive number, got {x!r}")
    if not np.isfinite(x) or x <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {x!r}")
    return float(x)
