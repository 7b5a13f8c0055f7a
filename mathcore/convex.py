"""Convexity, proximal operators and Lagrange duality (lesson 14).

Jensen's inequality as a convexity check, the proximal operators of the L1
norm (soft-thresholding) and of the squared L2 norm, ISTA for the lasso
(a gradient step, then a prox step), and the Lagrange dual of an
equality-constrained quadratic program with its duality gap; Slater's
condition on a linear objective over a disk (the dual optimum runs off to
infinity as the disk shrinks to a point), and the SVM's dual objective.
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

__all__ = ["jensen_gap", "soft_threshold", "prox_l2sq", "ISTAResult", "ista", "QPDual", "equality_qp_dual",
           "BallDual", "linear_over_ball_dual", "svm_dual_objective"]


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


def _as_nonnegative(x, name: str, why: str = "") -> float:
    """A finite real number >= 0 as a float (bools, complex and arrays refused)."""
    if isinstance(x, bool) or not isinstance(x, (int, float, np.integer, np.floating)) \
            or not np.isfinite(x) or x < 0:
        raise ValueError(f"{name} must be a finite number >= 0{why}, got {x!r}")
    return float(x)


def _as_lam(lam) -> float:
    return _as_nonnegative(lam, "lam")


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


@dataclass(frozen=True)
class BallDual:
    """Primal and dual of :math:`\\min c^Tx` s.t. :math:`\\|x\\|^2 \\le r` (see :func:`linear_over_ball_dual`).

    Attributes
    ----------
    c : ndarray, shape (n,)
        The objective's gradient, not zero.
    r : float
        The squared radius, >= 0.
    x_star : ndarray, shape (n,)
        Primal solution :math:`-\\sqrt{r}\\, c / \\|c\\|`.
    p_star : float
        Primal optimum :math:`-\\sqrt{r}\\,\\|c\\|`.
    mu_star : float
        Dual solution :math:`\\|c\\| / (2\\sqrt{r})`, the KKT multiplier; ``inf``
        when r = 0: then no multiplier exists.
    """

    c: np.ndarray
    r: float
    x_star: np.ndarray
    p_star: float
    mu_star: float

    def dual(self, mu) -> float:
        """:math:`g(\\mu) = \\min_x c^Tx + \\mu(\\|x\\|^2 - r) = -\\|c\\|^2/(4\\mu) - \\mu r`
        for :math:`\\mu > 0`; :math:`-\\infty` at :math:`\\mu = 0` (a linear function has no minimum)."""
        mu = _as_nonnegative(mu, "mu", " (the multiplier of an inequality)")
        if mu == 0:
            return -np.inf
        return float(-(self.c @ self.c) / (4.0 * mu) - mu * self.r)


def linear_over_ball_dual(c, r) -> BallDual:
    """Lagrange duality for a linear objective over a disk: Slater's condition at work.

    .. math::

        \\min_x c^Tx \\;\\text{ s.t. }\\; g(x) = \\|x\\|^2 - r \\le 0, \\qquad
        g(\\mu) = -\\frac{\\|c\\|^2}{4\\mu} - \\mu r

    The problem is convex. For r > 0 the centre is strictly feasible
    (g(0) = -r < 0): Slater's condition holds, so the best bound
    :math:`g(\\mu^*)` at :math:`\\mu^* = \\|c\\|/(2\\sqrt r)` equals
    :math:`p^* = -\\sqrt r\\,\\|c\\|`, and KKT stationarity
    :math:`c + 2\\mu^* x^* = 0` holds. For r = 0 the feasible set is the single
    point 0, nothing is strictly feasible, and no multiplier exists:
    :math:`g(\\mu) < 0 = p^*` for every :math:`\\mu`, approaching it only as
    :math:`\\mu \\to \\infty`.

    Parameters
    ----------
    c : array_like, shape (n,)
        Not all zeros.
    r : float
        Squared radius, >= 0.

    Returns
    -------
    BallDual

    Examples
    --------
    >>> d = linear_over_ball_dual([3.0, 4.0], 1.0); (d.p_star, d.mu_star, d.dual(d.mu_star))
    (-5.0, 2.5, -5.0)
    """
    c = as_vector(c, "c")
    norm = float(np.linalg.norm(c))
    if norm == 0:
        raise ValueError("c must not be all zeros (then every feasible x is optimal and any mu >= 0 works)")
    r = _as_nonnegative(r, "r", " (a squared radius)")
    root = float(np.sqrt(r))
    return BallDual(c=c, r=r, x_star=-root * c / norm, p_star=-root * norm,
                    mu_star=norm / (2.0 * root) if r > 0 else np.inf)


def svm_dual_objective(alpha, K, y) -> float:
    """The hard-margin SVM's dual objective at multipliers alpha.

    .. math::

        D(\\alpha) = \\sum_i \\alpha_i - \\tfrac12 \\sum_{i,j} \\alpha_i\\alpha_j\\,
        y_i y_j\\, K_{ij}, \\qquad K_{ij} = x_i^Tx_j \\text{ (or any kernel)}

    Maximised over :math:`\\alpha \\ge 0` with :math:`\\sum_i \\alpha_i y_i = 0`, it
    equals the primal optimum :math:`\\tfrac12\\|w\\|^2` (strong duality), and
    :math:`w = \\sum_i \\alpha_i y_i x_i`. Only the Gram matrix K enters: the
    data appear through inner products alone, which is what lets a kernel
    replace them.

    Parameters
    ----------
    alpha : array_like, shape (n,)
        Multipliers, one per point.
    K : array_like, shape (n, n)
        Gram matrix of the points, symmetric.
    y : array_like, shape (n,)
        Labels, each -1 or +1.

    Returns
    -------
    float

    Examples
    --------
    >>> svm_dual_objective([0.5, 0.5], [[0.0, 0.0], [0.0, 4.0]], [-1.0, 1.0])
    0.5
    """
    alpha, y = as_vector(alpha, "alpha"), as_vector(y, "y")
    K = as_matrix(K, "K")
    n = alpha.size
    if y.shape != (n,) or K.shape != (n, n):
        raise ValueError(f"y must have shape ({n},) and K shape ({n}, {n}) to match alpha, "
                         f"got {y.shape} and {K.shape}")
    if not np.all(np.isin(y, (-1.0, 1.0))):
        raise ValueError(f"y must hold labels -1 or +1, got {y!r}")
    signed = alpha * y  # (n,)
    return float(np.sum(alpha) - 0.5 * signed @ K @ signed)
