"""Input checks shared by every mathcore module.

Each function converts its input to a float64 array and raises a ValueError
that names the argument, what it got (shape or value) and what was expected.
Complex input is refused rather than cast: NumPy's cast drops the imaginary
part with only a ComplexWarning, and every mathcore function is real maths.
"""

from __future__ import annotations

import math

import numpy as np

PROB_ATOL = 1e-8  # tolerance for "sums to 1"
MAX_RESULT_BYTES = 2**31  # 2 GiB: the largest result a size argument may ask for


def _is_complex(raw: np.ndarray) -> bool:
    if np.iscomplexobj(raw):
        return True
    return raw.dtype == object and any(isinstance(v, (complex, np.complexfloating)) for v in raw.flat)


def as_real(x, name: str) -> np.ndarray:
    """``x`` as a float64 array of any shape, refusing complex or non-numeric input.

    For values a caller's function returned (a gradient, a log density), whose
    finiteness the caller checks with its own message.
    """
    try:
        raw = np.asarray(x)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be numeric, got {type(x).__name__}") from None
    if _is_complex(raw):
        raise ValueError(f"{name} must be real, got complex values (dtype {raw.dtype}, shape {raw.shape}); "
                         "pass .real if the imaginary part is meant to be dropped")
    try:
        return raw.astype(np.float64, copy=False)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be numeric, got {type(x).__name__}") from None


def as_array(x, name: str, *, ndim: int | None = None) -> np.ndarray:
    """``x`` as a finite real float64 array with ``ndim`` dimensions (any if None)."""
    arr = as_real(x, name)
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


def _bytes(n: float) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB", "PiB"):
        if n < 1024 or unit == "PiB":
            return f"{n:.3g} {unit}"
        n /= 1024
    raise AssertionError("unreachable")


def as_count(n, name: str, *, bytes_each: int = 8, what: str = "the result", square: bool = False) -> int:
    """A positive int ``n`` for which ``what`` fits in MAX_RESULT_BYTES.

    ``what`` takes ``n * bytes_each`` bytes (``n * n * bytes_each`` if ``square``).
    Checked before allocating: a size that cannot be met should be a one-line
    error naming the argument and its limit, not a MemoryError (or the kernel's
    OOM killer) after NumPy starts filling memory.
    """
    n = as_positive_int(n, name)
    budget = MAX_RESULT_BYTES // max(1, bytes_each)
    limit = max(1, math.isqrt(budget) if square else budget)
    if n > limit:
        size = n * n * bytes_each if square else n * bytes_each
        raise ValueError(f"{name} must be at most {limit:,} here: {what} would take "
                         f"{_bytes(size)}, over mathcore's {_bytes(MAX_RESULT_BYTES)} "
                         f"limit for one result; got {n:,}")
    return n


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
        kind = "real " if isinstance(x, (complex, np.complexfloating)) else ""
        raise ValueError(f"{name} must be a positive {kind}number, got {x!r}")
    if not np.isfinite(x) or x <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {x!r}")
    return float(x)


class DivergenceWarning(RuntimeWarning):
    """An iterative method's iterate became non-finite (inf or NaN) and the run stopped there.

    Raised as a warning, not an error, so a diverging run can still be drawn:
    the result records the step (``nonfinite_step``) and its later rows are NaN.
    Turn it into an error with ``warnings.simplefilter("error", DivergenceWarning)``.
    """
