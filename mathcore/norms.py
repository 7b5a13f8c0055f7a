"""Norms, unit balls, similarities and distances (lesson 04).

Lp norms and the shapes of their unit balls (diamond, circle, square, and the
star-shaped quasi-norm balls for p < 1 that explain why L1 promotes
sparsity), cosine similarity, and Euclidean, Manhattan and Mahalanobis
distances.
"""

from __future__ import annotations

import numpy as np

from ._validate import as_count, as_positive_definite, as_vector

__all__ = ["lp_norm", "lp_unit_ball", "cosine_similarity", "euclidean", "manhattan", "mahalanobis"]


def _as_p(p) -> float:
    if isinstance(p, bool) or not isinstance(p, (int, float, np.integer, np.floating)) or np.isnan(p) or p <= 0:
        raise ValueError(f"p must be a number > 0 (or np.inf), got {p!r}")
    return float(p)


def lp_norm(x, p) -> float:
    """The Lp norm of a vector.

    .. math::

        \\|x\\|_p = \\Big(\\sum_i |x_i|^p\\Big)^{1/p}, \\qquad
        \\|x\\|_\\infty = \\max_i |x_i|

    Computed as :math:`m\\,\\|x/m\\|_p` with :math:`m = \\max_i |x_i|` so no
    power overflows or underflows. For 0 < p < 1 the same formula is only a
    quasi-norm: the triangle inequality fails (its unit ball is not convex).

    Parameters
    ----------
    x : array_like, shape (n,)
        Finite vector.
    p : float
        p > 0, or ``np.inf``.

    Returns
    -------
    float

    Examples
    --------
    >>> lp_norm([3.0, -4.0], 2), lp_norm([3.0, -4.0], 1), lp_norm([3.0, -4.0], np.inf)
    (5.0, 7.0, 4.0)
    """
    x = as_vector(x, "x")  # (n,)
    return _lp(np.abs(x), _as_p(p))


def _lp(a: np.ndarray, p: float) -> float:
    """Lp norm of the non-negative vector a (n,)."""
    m = float(np.max(a))
    if p == np.inf or m == 0.0:
        return m
    return m * float(np.sum((a / m) ** p) ** (1.0 / p))


def lp_unit_ball(p, n_points=400) -> np.ndarray:
    """Points on the boundary of the 2-D Lp unit ball, for drawing.

    .. math::

        \\{x \\in \\mathbb{R}^2 : \\|x\\|_p = 1\\}, \\qquad
        x(\\theta) = \\frac{(\\cos\\theta, \\sin\\theta)}{\\|(\\cos\\theta, \\sin\\theta)\\|_p}

    Every ray from the origin at angle :math:`\\theta` (evenly spaced in
    :math:`[0, 2\\pi)`) is scaled until it has p-norm 1. p = 1 gives a
    diamond, p = 2 the circle, p = inf the square; 0 < p < 1 a star
    (non-convex quasi-norm ball).

    Parameters
    ----------
    p : float
        p > 0, or ``np.inf``.
    n_points : int
        Number of boundary points.

    Returns
    -------
    ndarray, shape (n_points, 2)
        Counter-clockwise from (1, 0).

    Examples
    --------
    >>> lp_unit_ball(1, 4).round(12).tolist()
    [[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [-0.0, -1.0]]
    """
    p = _as_p(p)
    n = as_count(n_points, "n_points", bytes_each=6 * 8, what="the boundary points")
    theta = 2.0 * np.pi * np.arange(n) / n  # (n,)
    directions = np.column_stack([np.cos(theta), np.sin(theta)])  # (n, 2)
    norms = np.array([_lp(np.abs(d), p) for d in directions])  # (n,)
    return directions / norms[:, None]


def _as_pair(a, b) -> tuple[np.ndarray, np.ndarray]:
    a, b = as_vector(a, "a"), as_vector(b, "b")
    if a.shape != b.shape:
        raise ValueError(f"b must have the shape of a {a.shape}, got shape {b.shape}")
    return a, b


def cosine_similarity(a, b) -> float:
    """Cosine of the angle between two vectors.

    .. math::

        \\cos\\theta = \\frac{a \\cdot b}{\\|a\\|_2 \\, \\|b\\|_2} \\in [-1, 1]

    Parameters
    ----------
    a, b : array_like, shape (n,)
        Non-zero finite vectors.

    Returns
    -------
    float

    Examples
    --------
    >>> cosine_similarity([1.0, 0.0], [1.0, 1.0]).__round__(12)
    0.707106781187
    """
    a, b = _as_pair(a, b)
    norm_a, norm_b = _lp(np.abs(a), 2.0), _lp(np.abs(b), 2.0)
    for norm, name in ((norm_a, "a"), (norm_b, "b")):
        if norm == 0.0:
            raise ValueError(f"{name} must be a non-zero vector (its direction is undefined), got all zeros")
    cos = float((a / norm_a) @ (b / norm_b))  # unit vectors first: no overflow
    return min(1.0, max(-1.0, cos))  # rounding can step just past +-1


def euclidean(a, b) -> float:
    """Euclidean (L2) distance.

    .. math::

        d_2(a, b) = \\|a - b\\|_2 = \\sqrt{\\textstyle\\sum_i (a_i - b_i)^2}

    Parameters
    ----------
    a, b : array_like, shape (n,)

    Returns
    -------
    float

    Examples
    --------
    >>> euclidean([0.0, 0.0], [3.0, 4.0])
    5.0
    """
    a, b = _as_pair(a, b)
    return _lp(np.abs(a - b), 2.0)


def manhattan(a, b) -> float:
    """Manhattan (L1, taxicab) distance.

    .. math::

        d_1(a, b) = \\|a - b\\|_1 = \\textstyle\\sum_i |a_i - b_i|

    Parameters
    ----------
    a, b : array_like, shape (n,)

    Returns
    -------
    float

    Examples
    --------
    >>> manhattan([0.0, 0.0], [3.0, -4.0])
    7.0
    """
    a, b = _as_pair(a, b)
    return float(np.sum(np.abs(a - b)))


def mahalanobis(x, mean, cov) -> float:
    """Mahalanobis distance: Euclidean distance after whitening by the covariance.

    .. math::

        d_M(x) = \\sqrt{(x - \\mu)^T \\Sigma^{-1} (x - \\mu)} = \\|L^{-1}(x - \\mu)\\|_2,
        \\qquad \\Sigma = L L^T

    Computed by solving :math:`Lz = x - \\mu` (Cholesky factor), never by
    forming :math:`\\Sigma^{-1}`.

    Parameters
    ----------
    x : array_like, shape (d,)
    mean : array_like, shape (d,)
    cov : array_like, shape (d, d)
        Symmetric positive definite.

    Returns
    -------
    float

    Examples
    --------
    >>> mahalanobis([2.0, 0.0], [0.0, 0.0], [[4.0, 0.0], [0.0, 1.0]])
    1.0
    """
    x, mean = as_vector(x, "x"), as_vector(mean, "mean")
    if mean.shape != x.shape:
        raise ValueError(f"mean must have the shape of x {x.shape}, got shape {mean.shape}")
    cov = as_positive_definite(cov, "cov")
    if cov.shape != (x.size, x.size):
        raise ValueError(f"cov must have shape ({x.size}, {x.size}) to match x, got shape {cov.shape}")
    L = np.linalg.cholesky(cov)  # (d, d) lower triangular, cov = L L^T
    z = _forward_substitution(L, x - mean)  # (d,) whitened offset
    return _lp(np.abs(z), 2.0)


def _forward_substitution(L: np.ndarray, r: np.ndarray) -> np.ndarray:
    """Solve L z = r for lower-triangular L (d, d), row by row."""
    z = np.zeros_like(r)
    for i in range(r.size):
        z[i] = (r[i] - L[i, :i] @ z[:i]) / L[i, i]
    return z
