"""Convexity, proximal operators and Lagrange duality (lesson 14).

Jensen's inequality as a convexity check, the proximal operators of the L1
norm (soft-thresholding) and of the squared L2 norm, ISTA for the lasso
(a gradient step, then a prox step), and the Lagrange dual of an
equality-constrained quadratic program with its duality gap.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from ._validate import (
    DivergenceWarning, as_array, as_count, as_matrix, as_positive_definite, as_positive_float, as_real,
    as_vector,
)
from .linalg import svd
from .optim import lagrange_equality_qp

__all__ = ["jensen_gap", "soft_threshold", "prox_l2sq", "ISTAResult", "ista", "QPDual", "equality_qp_dual"]


def jensen_gap(f, x, y, t) -> float:
    """How far f lies below its chord between x and y (>= 0 for every convex f).

    .. math::

        t f(x) + (1 - t) f(y) - f(t x + (1 - t) y) \\ge 0 \\quad \\forall t \\in [0, 1]
        \\iff f \\text{ convex}

    A negative value at any (x, y, t) proves f is not convex.

    Parameters
    ----------
    f : callable
        ``f(x) -> float``.
    x, y : array_like, shape (n,)
    t : float
        In [0, 1].

    Returns
    -------
    float

    Examples
    --------
    >>> jensen_gap(lambda v: float(v @ v), [0.0], [2.0], 0.5)
    1.0
    """
    x, y = as_vector(x, "x"), as_vector(y, "y")
    if x.shape != y.shape:
        raise ValueError(f"y must have the shape of x {x.shape}, got shape {y.shape}")
    if isinstance(t, bool) or not isinstance(t, (int, float, np.integer, np.floating)) or not 0.0 <= t <= 1.0:
        raise ValueError(f"t must be in [0, 1], got {t!r}")
    return float(t * _value(f, x) + (1 - t) * _value(f, y) - _value(f, t * x + (1 - t) * y))


def _value(f, x: np.ndarray) -> float:
    value = as_real(f(x), "f")
    if value.size != 1:
        raise ValueError(f"f must return a single number, got shape {value.shape} at x = {x}")
    return float(value.reshape(()))


def _as_lam(lam) -> float:
    if isinstance(lam, bool) or not isinstance(lam, (int, float, np.integer, np.floating)) \
            or not np.isfinite(lam) or lam < 0:
        raise ValueError(f"lam must be a finite number >= 0, got {lam!r}")
    return float(lam)


def soft_threshold(x, lam) -> np.ndarray:
    """Proximal operator of :math:`\\lambda\\|\\cdot\\|_1`: shrink towards 0, clip at 0.

    .. math::

        \\operatorname{prox}_{\\lambda\\|\\cdot\\|_1}(x)
        = \\arg\\min_z \\tfrac12\\|z - x\\|_2^2 + \\lambda\\|z\\|_1
        = \\operatorname{sign}(x_i)\\max(|x_i| - \\lambda, 0)

    Parameters
    ----------
    x : array_like, any shape
    lam : float
        :math:`\\lambda \\ge 0`.

    Returns
    -------
    ndarray, shape of x

    Examples
    --------
    >>> soft_threshold([-3.0, 0.5, 2.0], 1.0).tolist()
    [-2.0, 0.0, 1.0]
    """
    x = as_array(x, "x")
    return np.sign(x) * np.maximum(np.abs(x) - _as_lam(lam), 0.0)


def prox_l2sq(x, lam) -> np.ndarray:
    """Proximal operator of :math:`\\tfrac{\\lambda}{2}\\|\\cdot\\|_2^2`: uniform shrinkage.

    .. math::

        \\operatorname{prox}(x) = \\arg\\min_z \\tfrac12\\|z - x\\|_2^2 + \\tfrac{\\lambda}{2}\\|z\\|_2^2
        = \\frac{x}{1 + \\lambda}

    Parameters
    ----------
    x : array_like, any shape
    lam : float
        :math:`\\lambda \\ge 0`.

    Returns
    -------
    ndarray, shape of x

    Examples
    --------
    >>> prox_l2sq([2.0, -4.0], 1.0).tolist()
    [1.0, -2.0]
    """
    x = as_array(x, "x")
    return x / (1.0 + _as_lam(lam))


@dataclass(frozen=True)
class ISTAResult:
    """Every iterate of :func:`ista`.

    Attributes
    ----------
    xs : ndarray, shape (n_steps + 1, d)
    objectives : ndarray, shape (n_steps + 1,)
        Lasso objective at each iterate (non-increasing for lr <= 1/L; NaN where
        the iterate is not finite).
    lr : float
        Step size used.
    nonfinite_step : int or None
        The first t whose gradient step overflowed (lr far above 2/L), or None when
        every iterate is finite.  The run stops there: ``xs[t:]`` are NaN, and a
        :class:`~mathcore.DivergenceWarning` says which step and why.
    """

    xs: np.ndarray
    objectives: np.ndarray
    lr: float
    nonfinite_step: int | None = None

    @property
    def x(self) -> np.ndarray:
        """The final iterate (d,)."""
        return self.xs[-1]


def ista(A, b, lam, *, n_steps, lr=None, x0=None) -> ISTAResult:
    """Iterative soft-thresholding for the lasso.

    .. math::

        \\min_x \\tfrac12\\|Ax - b\\|_2^2 + \\lambda\\|x\\|_1, \\qquad
        x_{t+1} = \\operatorname{prox}_{\\eta\\lambda\\|\\cdot\\|_1}\\big(x_t - \\eta A^T(Ax_t - b)\\big)

    With :math:`\\eta \\le 1/L`, :math:`L = \\sigma_{\\max}(A)^2`, the
    objective never increases and converges at rate :math:`O(1/t)`.

    Parameters
    ----------
    A : array_like, shape (m, d)
    b : array_like, shape (m,)
    lam : float
        :math:`\\lambda \\ge 0`.
    n_steps : int
    lr : float, optional
        Step :math:`\\eta`; default :math:`1/\\sigma_{\\max}(A)^2` (via :func:`mathcore.linalg.svd`).
    x0 : array_like, shape (d,), optional
        Start; default zeros.

    Returns
    -------
    ISTAResult

    Warns
    -----
    DivergenceWarning
        If an iterate becomes non-finite: names the step; see ``ISTAResult.nonfinite_step``.

    Examples
    --------
    >>> ista(np.eye(2), [3.0, 0.5], 1.0, n_steps=5).x.tolist()
    [2.0, 0.0]
    """
    A, b = as_matrix(A, "A"), as_vector(b, "b")
    if b.shape != (A.shape[0],):
        raise ValueError(f"b must have shape ({A.shape[0]},) to match A {A.shape}, got shape {b.shape}")
    lam = _as_lam(lam)
    n = as_count(n_steps, "n_steps", bytes_each=8 * (A.shape[1] + 1), what="the iterates and objectives")
    sigma_max = svd(A)[1][0]
    if lr is None and sigma_max == 0:
        raise ValueError("A must not be all zeros when lr is None (the step 1/sigma_max^2 is undefined)")
    lr = 1.0 / sigma_max ** 2 if lr is None else as_positive_float(lr, "lr")
    x = np.zeros(A.shape[1]) if x0 is None else as_vector(x0, "x0")
    if x.shape != (A.shape[1],):
        raise ValueError(f"x0 must have shape ({A.shape[1]},) to match A {A.shape}, got shape {x.shape}")
    xs = np.full((n + 1, A.shape[1]), np.nan)  # (n_steps + 1, d)
    xs[0], stopped = x, None
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(1, n + 1):
            gradient_step = x - lr * A.T @ (A @ x - b)  # (d,) forward step on the smooth part
            if not np.all(np.isfinite(gradient_step)):
                stopped = t
                break
            x = xs[t] = soft_threshold(gradient_step, lr * lam)  # backward (prox) step on lam ||x||_1
        objectives = 0.5 * np.sum((xs @ A.T - b) ** 2, axis=1) + lam * np.sum(np.abs(xs), axis=1)
    if stopped is not None:
        warnings.warn(
            f"ista: the iterate became non-finite at step {stopped} of {n}: the iterates grew to "
            f"max |x_i| = {np.max(np.abs(x)):.3g} at step {stopped - 1} and the next step overflowed, "
            f"so the run diverged. Try a smaller lr (got {lr:g}; ISTA converges for "
            f"lr <= 1/sigma_max(A)^2 = {1.0 / sigma_max ** 2:.3g}). xs[{stopped}:] are NaN; "
            f"the result's nonfinite_step is {stopped}.", DivergenceWarning, stacklevel=2)
    return ISTAResult(xs=xs, objectives=objectives, lr=lr, nonfinite_step=stopped)


@dataclass(frozen=True)
class QPDual:
    """Primal and dual of :math:`\\min \\tfrac12 x^TQx + c^Tx` s.t. :math:`Ax = b` (see :func:`equality_qp_dual`).

    Attributes
    ----------
    Q : ndarray, shape (n, n)
        Symmetric positive definite.
    c : ndarray, shape (n,)
    A : ndarray, shape (p, n)
    b : ndarray, shape (p,)
    x_star : ndarray, shape (n,)
        Primal solution.
    nu_star : ndarray, shape (p,)
        Dual solution (the Lagrange multipliers).
    """

    Q: np.ndarray
    c: np.ndarray
    A: np.ndarray
    b: np.ndarray
    x_star: np.ndarray
    nu_star: np.ndarray

    def primal(self, x) -> float:
        """:math:`f(x) = \\tfrac12 x^TQx + c^Tx`."""
        x = as_vector(x, "x")
        return float(0.5 * x @ self.Q @ x + self.c @ x)

    def dual(self, nu) -> float:
        """:math:`g(\\nu) = \\min_x L(x, \\nu) = -\\tfrac12 (c + A^T\\nu)^T Q^{-1} (c + A^T\\nu) - b^T\\nu`."""
        nu = as_vector(nu, "nu")
        if nu.shape != self.b.shape:
            raise ValueError(f"nu must have shape {self.b.shape}, got shape {nu.shape}")
        r = self.c + self.A.T @ nu  # (n,)
        return float(-0.5 * r @ np.linalg.solve(self.Q, r) - self.b @ nu)

    def duality_gap(self, x, nu) -> float:
        """:math:`f(x) - g(\\nu) \\ge 0` for feasible x (weak duality); 0 at the optimum (strong duality)."""
        return self.primal(x) - self.dual(nu)


def equality_qp_dual(Q, c, A, b) -> QPDual:
    """Lagrange duality for an equality-constrained QP.

    .. math::

        L(x, \\nu) = \\tfrac12 x^TQx + c^Tx + \\nu^T(Ax - b), \\qquad
        g(\\nu) = \\min_x L(x, \\nu) \\le f(x) \\text{ for every feasible } x

    The minimising x of the Lagrangian is :math:`-Q^{-1}(c + A^T\\nu)`, which
    gives the closed-form dual in :meth:`QPDual.dual`; its maximiser is the
    multiplier of the KKT system (:func:`mathcore.optim.lagrange_equality_qp`).

    Parameters
    ----------
    Q : array_like, shape (n, n)
        Symmetric positive definite.
    c : array_like, shape (n,)
    A : array_like, shape (p, n)
        Full row rank.
    b : array_like, shape (p,)

    Returns
    -------
    QPDual

    Examples
    --------
    >>> d = equality_qp_dual(np.eye(2), [0.0, 0.0], [[1.0, 1.0]], [2.0]); round(d.duality_gap(d.x_star, d.nu_star), 12)
    0.0
    """
    Q = as_positive_definite(Q, "Q")
    solution = lagrange_equality_qp(Q, c, A, b)  # validates the shapes of c, A, b
    return QPDual(Q=Q, c=as_vector(c, "c"), A=as_matrix(A, "A"), b=as_vector(b, "b"),
                  x_star=solution.x, nu_star=solution.multipliers)
