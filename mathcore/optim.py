"""First-order optimisers, quadratic test problems, Lagrange and KKT (lessons 06 and 07).

Lesson 06 (optimization fundamentals): equality-constrained quadratic
programs solved through their KKT system, and a KKT checker for
inequality-constrained problems. Lesson 07 (gradient descent theory):
gradient descent on a quadratic (condition number, the step-size limit 2/L,
divergence beyond it), SGD on mini-batches, momentum, RMSProp and Adam, each
returning its whole trajectory for a scene to draw.

A diverging run (step above 2/L) is not an error: its ``xs`` grow so the
divergence can be shown.  If an iterate becomes non-finite (it overflowed, or
``grad`` returned NaN or inf) the run stops there with a
:class:`~mathcore.DivergenceWarning` naming the step, and the trajectory
records it in ``nonfinite_step``.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from itertools import combinations
from typing import Callable

import numpy as np

from ._validate import (
    DivergenceWarning, as_array, as_count, as_matrix, as_positive_definite, as_positive_float, as_positive_int,
    as_real, as_rng, as_symmetric, as_vector,
)
from .linalg import eigh, svd

__all__ = [
    "DivergenceWarning", "Trajectory", "gradient_descent", "momentum", "rmsprop", "adam", "sgd",
    "Quadratic", "quadratic", "condition_number",
    "EqualityQPSolution", "lagrange_equality_qp", "KKTResiduals", "kkt_conditions",
    "inverse_time_decay", "step_decay", "cosine_decay", "ema", "SVMSolution", "hard_margin_svm",
]


@dataclass(frozen=True)
class Trajectory:
    """Every iterate of an optimiser run.

    Attributes
    ----------
    xs : ndarray, shape (n_steps + 1, d)
        ``xs[0]`` is the start, ``xs[t]`` the point after t updates.
    losses : ndarray, shape (n_steps + 1,) or None
        ``loss(xs[t])`` when a loss function was given (NaN where ``xs[t]`` is not finite).
    method : str
        Name of the optimiser.
    nonfinite_step : int or None
        The first t whose iterate ``xs[t]`` is not finite (the steps overflowed, or
        ``grad`` returned NaN or inf at ``xs[t - 1]``), or None when every iterate
        is finite.  The run stops there: ``xs[t:]`` are NaN, and a
        :class:`~mathcore.DivergenceWarning` says which step and why.
    """

    xs: np.ndarray
    losses: np.ndarray | None
    method: str
    nonfinite_step: int | None = None

    @property
    def x(self) -> np.ndarray:
        """The final iterate (d,)."""
        return self.xs[-1]


def _as_fraction(value, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) \
            or not 0.0 <= value < 1.0:
        raise ValueError(f"{name} must be in [0, 1), got {value!r}")
    return float(value)


class _NonFiniteGradient(Exception):
    """grad returned NaN or inf: the step cannot be taken (caught by :func:`_run`)."""

    def __init__(self, g: np.ndarray):
        super().__init__()
        self.g = g


def _gradient_at(grad: Callable, x: np.ndarray, *args, name: str = "grad") -> np.ndarray:
    g = as_real(grad(x, *args), name)
    if g.shape != x.shape:
        raise ValueError(f"{name} must return an array of shape {x.shape} like x0, got shape {g.shape}")
    if not np.all(np.isfinite(g)):
        raise _NonFiniteGradient(g)
    return g


_STABLE_LR = {"gradient descent": "lr < 2/L", "momentum": "lr < 2(1 + beta)/L"}  # L: largest curvature


def _nonfinite_message(method: str, t: int, n: int, previous: np.ndarray, g, lr: float) -> str:
    """Why step t of ``method`` has no finite iterate, and what to try."""
    where = f"{method}: the iterate became non-finite at step {t} of {n}"
    if g is not None:
        return (f"{where}: grad returned {np.array2string(g, precision=4, threshold=6)} at "
                f"xs[{t - 1}] = {np.array2string(previous, precision=4, threshold=6)}. Is that point "
                f"outside grad's domain? A smaller lr (got {lr:g}) keeps the iterates closer to x0. "
                f"xs[{t}:] are NaN; the result's nonfinite_step is {t}.")
    limit = _STABLE_LR.get(method)
    hint = f"; on a quadratic, {method} converges only for {limit}" if limit else ""
    return (f"{where}: the iterates grew to max |x_i| = {np.max(np.abs(previous)):.3g} at step {t - 1} "
            f"and the next step overflowed, so the run diverged. Try a smaller lr (got {lr:g}{hint}). "
            f"xs[{t}:] are NaN; the result's nonfinite_step is {t}.")


def _run(update: Callable, x0, n_steps, loss, method: str, lr: float) -> Trajectory:
    """Apply ``x <- update(x, t)`` for t = 1..n_steps, recording every iterate.

    Stops at the first non-finite iterate with a DivergenceWarning (see
    :class:`Trajectory`): later steps could only give NaN, and a grad or loss
    that validates its input would fail on it with a message about x, not lr.
    """
    x = as_vector(x0, "x0")  # (d,)
    n = as_count(n_steps, "n_steps", bytes_each=8 * (x.size + 1),
                 what=f"the trajectory of {x.size}-D iterates and losses")
    if loss is not None and not callable(loss):
        raise ValueError(f"loss must be callable or None, got {type(loss).__name__}")
    xs = np.full((n + 1, x.size), np.nan)  # (n_steps + 1, d)
    xs[0] = x
    stopped = None
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging run is shown, not refused
        for t in range(1, n + 1):
            try:
                xs[t] = update(xs[t - 1], t)
            except _NonFiniteGradient as bad:
                stopped, g = t, bad.g
                break
            if not np.all(np.isfinite(xs[t])):
                stopped, g = t, None
                xs[t] = np.nan
                break
        finite = n + 1 if stopped is None else stopped  # rows 0 .. finite-1 hold iterates
        losses = None
        if loss is not None:
            losses = np.full(n + 1, np.nan)  # (n_steps + 1,)
            losses[:finite] = [float(loss(x)) for x in xs[:finite]]
    if stopped is not None:
        warnings.warn(_nonfinite_message(method, stopped, n, xs[stopped - 1], g, lr),
                      DivergenceWarning, stacklevel=3)
    return Trajectory(xs=xs, losses=losses, method=method, nonfinite_step=stopped)


def gradient_descent(grad, x0, *, lr, n_steps, loss=None) -> Trajectory:
    """Plain gradient descent.

    .. math::

        x_{t+1} = x_t - \\eta \\nabla f(x_t)

    On a quadratic with Hessian eigenvalues in :math:`[\\mu, L]` it converges
    iff :math:`0 < \\eta < 2/L`, at the rate :math:`\\max_i |1 - \\eta\\lambda_i|`.

    Parameters
    ----------
    grad : callable
        ``grad(x) -> (d,)``.
    x0 : array_like, shape (d,)
    lr : float
        Step size :math:`\\eta > 0`.
    n_steps : int
    loss : callable, optional
        ``loss(x) -> float``, recorded at every iterate.

    Returns
    -------
    Trajectory

    Warns
    -----
    DivergenceWarning
        If an iterate becomes non-finite: names the step; see ``Trajectory.nonfinite_step``.

    Examples
    --------
    >>> gradient_descent(lambda x: 2 * x, [1.0], lr=0.25, n_steps=2).xs.ravel().tolist()
    [1.0, 0.5, 0.25]
    """
    lr = as_positive_float(lr, "lr")
    return _run(lambda x, t: x - lr * _gradient_at(grad, x), x0, n_steps, loss, "gradient descent", lr)


def momentum(grad, x0, *, lr, beta=0.9, n_steps, loss=None) -> Trajectory:
    """Gradient descent with heavy-ball momentum (PyTorch's convention).

    .. math::

        v_{t+1} = \\beta v_t + \\nabla f(x_t), \\qquad x_{t+1} = x_t - \\eta v_{t+1}, \\qquad v_0 = 0

    Parameters
    ----------
    grad : callable
        ``grad(x) -> (d,)``.
    x0 : array_like, shape (d,)
    lr : float
        :math:`\\eta > 0`.
    beta : float
        :math:`\\beta \\in [0, 1)`; 0 is plain gradient descent.
    n_steps : int
    loss : callable, optional

    Returns
    -------
    Trajectory

    Warns
    -----
    DivergenceWarning
        If an iterate becomes non-finite: names the step; see ``Trajectory.nonfinite_step``.

    Examples
    --------
    >>> momentum(lambda x: np.ones(1), [0.0], lr=1.0, beta=0.5, n_steps=2).xs.ravel().tolist()
    [0.0, -1.0, -2.5]
    """
    lr, beta = as_positive_float(lr, "lr"), _as_fraction(beta, "beta")
    velocity = np.zeros(np.shape(x0))  # (d,)

    def update(x, t):
        nonlocal velocity
        velocity = beta * velocity + _gradient_at(grad, x)
        return x - lr * velocity
    return _run(update, x0, n_steps, loss, "momentum", lr)


def rmsprop(grad, x0, *, lr, rho=0.9, eps=1e-8, n_steps, loss=None) -> Trajectory:
    """RMSProp: divide each coordinate's step by a running RMS of its gradient.

    .. math::

        s_{t+1} = \\rho s_t + (1 - \\rho) g_t^2, \\qquad
        x_{t+1} = x_t - \\eta \\frac{g_t}{\\sqrt{s_{t+1}} + \\epsilon}, \\qquad s_0 = 0

    Parameters
    ----------
    grad : callable
        ``grad(x) -> (d,)``.
    x0 : array_like, shape (d,)
    lr : float
    rho : float
        Decay in [0, 1).
    eps : float
        > 0, guards the division.
    n_steps : int
    loss : callable, optional

    Returns
    -------
    Trajectory

    Warns
    -----
    DivergenceWarning
        If an iterate becomes non-finite: names the step; see ``Trajectory.nonfinite_step``.

    Examples
    --------
    >>> rmsprop(lambda x: np.array([4.0]), [0.0], lr=0.1, rho=0.0, n_steps=1).xs.ravel().round(6).tolist()
    [0.0, -0.1]
    """
    lr, rho, eps = as_positive_float(lr, "lr"), _as_fraction(rho, "rho"), as_positive_float(eps, "eps")
    square_avg = np.zeros(np.shape(x0))  # (d,)

    def update(x, t):
        nonlocal square_avg
        g = _gradient_at(grad, x)
        square_avg = rho * square_avg + (1 - rho) * g ** 2
        return x - lr * g / (np.sqrt(square_avg) + eps)
    return _run(update, x0, n_steps, loss, "RMSProp", lr)


def adam(grad, x0, *, lr, betas=(0.9, 0.999), eps=1e-8, n_steps, loss=None,
         bias_correction=True) -> Trajectory:
    """Adam: momentum on the gradient and on its square, bias-corrected.

    .. math::

        m_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t,\\quad
        v_t = \\beta_2 v_{t-1} + (1-\\beta_2) g_t^2,\\quad
        x_t = x_{t-1} - \\eta \\frac{m_t / (1 - \\beta_1^t)}{\\sqrt{v_t / (1 - \\beta_2^t)} + \\epsilon}

    The first step moves every coordinate by about :math:`\\eta` against the
    sign of its gradient, whatever the gradient's size.

    Parameters
    ----------
    grad : callable
        ``grad(x) -> (d,)``.
    x0 : array_like, shape (d,)
    lr : float
        :math:`\\eta > 0`.
    betas : (float, float)
        :math:`(\\beta_1, \\beta_2)`, each in [0, 1).
    eps : float
        > 0.
    n_steps : int
    loss : callable, optional
    bias_correction : bool
        Divide m and v by :math:`1 - \\beta^t` (as every library does). False shows
        why: the zero start shrinks m by :math:`1 - \\beta_1` and v by
        :math:`1 - \\beta_2` at the first step, which makes it
        :math:`(1 - \\beta_1)/\\sqrt{1 - \\beta_2} \\approx 3.2` times too long.

    Returns
    -------
    Trajectory

    Warns
    -----
    DivergenceWarning
        If an iterate becomes non-finite: names the step; see ``Trajectory.nonfinite_step``.

    Examples
    --------
    >>> adam(lambda x: np.array([100.0, -0.01]), [0.0, 0.0], lr=0.1, n_steps=1).xs[1].round(6).tolist()
    [-0.1, 0.1]
    """
    lr, eps = as_positive_float(lr, "lr"), as_positive_float(eps, "eps")
    if not isinstance(bias_correction, bool):
        raise ValueError(f"bias_correction must be True or False, got {bias_correction!r}")
    if not isinstance(betas, (tuple, list)) or len(betas) != 2:
        raise ValueError(f"betas must be a pair (beta1, beta2), got {betas!r}")
    beta1, beta2 = _as_fraction(betas[0], "betas[0]"), _as_fraction(betas[1], "betas[1]")
    m, v = np.zeros(np.shape(x0)), np.zeros(np.shape(x0))  # (d,), (d,)

    def update(x, t):
        nonlocal m, v
        g = _gradient_at(grad, x)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g ** 2
        m_hat, v_hat = m, v
        if bias_correction:  # m_0 = v_0 = 0 pulls both towards zero; their weights sum to 1 - beta^t
            m_hat, v_hat = m / (1 - beta1 ** t), v / (1 - beta2 ** t)
        return x - lr * m_hat / (np.sqrt(v_hat) + eps)
    return _run(update, x0, n_steps, loss, "Adam", lr)


# --------------------------------------------------------------------------- step-size schedules

def _schedule_steps(n_steps) -> np.ndarray:
    return np.arange(as_count(n_steps, "n_steps", what="the schedule"), dtype=float)  # t = 0..n-1


def inverse_time_decay(lr0, n_steps, *, k0) -> np.ndarray:
    """The Robbins-Monro schedule :math:`\\eta_t = \\eta_0 / (1 + t / k_0)`.

    Its sum diverges and the sum of its squares converges, the two conditions
    under which SGD's iterates converge to the minimiser (rather than jitter
    around it at a level set by a constant step).

    Parameters
    ----------
    lr0 : float
        :math:`\\eta_0 > 0`, the rate at step 0.
    n_steps : int
    k0 : float
        > 0, the step at which the rate has halved.

    Returns
    -------
    ndarray, shape (n_steps,)
        ``rates[t]`` is the rate of step t + 1.

    Examples
    --------
    >>> inverse_time_decay(1.0, 3, k0=1.0).tolist()
    [1.0, 0.5, 0.3333333333333333]
    """
    lr0, k0 = as_positive_float(lr0, "lr0"), as_positive_float(k0, "k0")
    return lr0 / (1.0 + _schedule_steps(n_steps) / k0)


def step_decay(lr0, n_steps, *, every, gamma) -> np.ndarray:
    """Multiply the rate by ``gamma`` every ``every`` steps (PyTorch's ``StepLR``).

    .. math:: \\eta_t = \\eta_0 \\, \\gamma^{\\lfloor t / \\text{every} \\rfloor}

    Parameters
    ----------
    lr0 : float
        > 0.
    n_steps : int
    every : int
        >= 1.
    gamma : float
        In (0, 1).

    Returns
    -------
    ndarray, shape (n_steps,)

    Examples
    --------
    >>> step_decay(1.0, 5, every=2, gamma=0.5).tolist()
    [1.0, 1.0, 0.5, 0.5, 0.25]
    """
    lr0, every = as_positive_float(lr0, "lr0"), as_positive_int(every, "every")
    gamma = _as_fraction(gamma, "gamma")
    return lr0 * gamma ** np.floor(_schedule_steps(n_steps) / every)


def cosine_decay(lr_max, n_steps, *, warmup=0, lr_min=0.0) -> np.ndarray:
    """Linear warm-up to ``lr_max``, then half a cosine down to ``lr_min``.

    .. math::

        \\eta_t = \\eta_{\\max} \\frac{t + 1}{W} \\;(t < W), \\qquad
        \\eta_t = \\eta_{\\min} + \\tfrac12 (\\eta_{\\max} - \\eta_{\\min})
        \\Big(1 + \\cos \\frac{\\pi (t - W)}{T - W}\\Big) \\;(t \\ge W)

    with T = ``n_steps`` and W = ``warmup`` (PyTorch's ``CosineAnnealingLR`` after a
    ``LinearLR`` warm-up).

    Parameters
    ----------
    lr_max : float
        > 0, the peak rate.
    n_steps : int
    warmup : int
        0 <= warmup < n_steps.
    lr_min : float
        0 <= lr_min <= lr_max.

    Returns
    -------
    ndarray, shape (n_steps,)

    Examples
    --------
    >>> cosine_decay(1.0, 4, warmup=2).round(6).tolist()
    [0.5, 1.0, 1.0, 0.5]
    """
    lr_max = as_positive_float(lr_max, "lr_max")
    t = _schedule_steps(n_steps)
    if isinstance(warmup, bool) or not isinstance(warmup, (int, np.integer)) or not 0 <= warmup < t.size:
        raise ValueError(f"warmup must be an integer in [0, n_steps) = [0, {t.size}), got {warmup!r}")
    if isinstance(lr_min, bool) or not isinstance(lr_min, (int, float, np.integer, np.floating)) \
            or not 0.0 <= lr_min <= lr_max:
        raise ValueError(f"lr_min must be in [0, lr_max] = [0, {lr_max:g}], got {lr_min!r}")
    phase = (t - warmup) / (t.size - warmup)  # 0 at the end of the warm-up, < 1 at the last step
    cosine = lr_min + 0.5 * (lr_max - lr_min) * (1.0 + np.cos(np.pi * phase))
    return np.where(t < warmup, lr_max * (t + 1) / max(warmup, 1), cosine)


def ema(values, beta, *, debias=False) -> np.ndarray:
    """Exponentially weighted moving average from a zero start, as momentum and Adam keep it.

    .. math::

        m_t = \\beta m_{t-1} + (1 - \\beta) g_t
            = (1 - \\beta) \\sum_{i=1}^{t} \\beta^{t-i} g_i, \\qquad m_0 = 0

    A decaying sum: the gradient of i steps ago weighs :math:`\\beta^i` as much as
    today's. The weights sum to :math:`1 - \\beta^t`, so early averages are
    pulled towards the zero start; ``debias`` divides by that sum (Adam's bias
    correction), which makes the average of a constant equal that constant.

    Parameters
    ----------
    values : array_like, shape (T,) or (T, d)
        :math:`g_1, \\dots, g_T`.
    beta : float
        In [0, 1).
    debias : bool
        Divide :math:`m_t` by :math:`1 - \\beta^t`.

    Returns
    -------
    ndarray, shape of ``values``
        ``out[t - 1]`` is :math:`m_t`.

    Examples
    --------
    >>> ema([1.0, 1.0], 0.5).tolist(), ema([1.0, 1.0], 0.5, debias=True).tolist()
    ([0.5, 0.75], [1.0, 1.0])
    """
    values, beta = as_array(values, "values"), _as_fraction(beta, "beta")
    if values.ndim not in (1, 2):
        raise ValueError(f"values must have shape (T,) or (T, d), got shape {values.shape}")
    out = np.empty_like(values)
    m = np.zeros(values.shape[1:])
    for t, g in enumerate(values):
        m = beta * m + (1.0 - beta) * g
        out[t] = m
    if debias:
        t = np.arange(1, len(values) + 1).reshape((-1,) + (1,) * (values.ndim - 1))
        out = out / (1.0 - beta ** t)
    return out


def sgd(grad_fn_batch, x0, data, *, lr, batch_size, n_epochs, rng=None, loss=None) -> Trajectory:
    """Stochastic gradient descent on shuffled mini-batches.

    .. math::

        x_{t+1} = x_t - \\eta \\, \\nabla f_{\\mathcal B_t}(x_t), \\qquad
        \\mathbb E[\\nabla f_{\\mathcal B}] = \\nabla f

    Each epoch shuffles the rows of ``data`` with ``rng`` and walks through
    them in batches of ``batch_size`` (the last batch may be smaller), so
    there are ``n_epochs * ceil(N / batch_size)`` steps.

    Parameters
    ----------
    grad_fn_batch : callable
        ``grad_fn_batch(x, batch) -> (d,)``, the gradient of the loss on ``batch``.
    x0 : array_like, shape (d,)
    data : array_like, shape (N, ...)
        Samples as rows.
    lr : float or array_like, shape (n_steps,)
        One step size for every step, or one per step (a schedule such as
        :func:`inverse_time_decay`; ``lr[t - 1]`` is the rate of step t).
    batch_size : int
        1 <= batch_size <= N.
    n_epochs : int
    rng : numpy.random.Generator or int or None
    loss : callable, optional
        ``loss(x) -> float`` (e.g. the full-data loss).

    Returns
    -------
    Trajectory

    Warns
    -----
    DivergenceWarning
        If an iterate becomes non-finite: names the step; see ``Trajectory.nonfinite_step``.

    Examples
    --------
    >>> sgd(lambda x, b: x - b.mean(axis=0), [0.0], [[1.0], [3.0]], lr=1.0, batch_size=2, n_epochs=1).xs[-1].tolist()
    [2.0]
    """
    data = as_real(data, "data")
    if data.ndim < 1 or data.shape[0] == 0 or not np.all(np.isfinite(data)):
        raise ValueError(f"data must be a finite array with samples as rows, got shape {data.shape}")
    N = data.shape[0]
    batch_size = as_positive_int(batch_size, "batch_size")
    if batch_size > N:
        raise ValueError(f"batch_size must be <= the number of samples {N}, got {batch_size}")
    per_epoch = -(-N // batch_size)  # ceil(N / batch_size)
    d = as_vector(x0, "x0").size
    n_steps = per_epoch * as_count(n_epochs, "n_epochs", bytes_each=per_epoch * 8 * (d + 1),
                                   what=f"the trajectory ({per_epoch} steps per epoch, {d}-D iterates)")
    rates = _as_rates(lr, n_steps)  # (n_steps,)
    generator = as_rng(rng)
    order = np.empty(0, dtype=int)

    def update(x, t):
        nonlocal order
        k = (t - 1) % per_epoch
        if k == 0:
            order = generator.permutation(N)  # new epoch: reshuffle
        batch = data[order[k * batch_size:(k + 1) * batch_size]]
        return x - rates[t - 1] * _gradient_at(grad_fn_batch, x, batch, name="grad_fn_batch")
    return _run(update, x0, n_steps, loss, "SGD", float(rates[0]))


def _as_rates(lr, n_steps: int) -> np.ndarray:
    """A step size per step: a positive float repeated, or a schedule of n_steps positive rates."""
    if np.ndim(lr) == 0:
        return np.full(n_steps, as_positive_float(lr, "lr"))
    rates = as_vector(lr, "lr")
    if rates.shape != (n_steps,) or np.any(rates <= 0):
        raise ValueError(f"lr must be a positive float or {n_steps} positive rates, one per step; "
                         f"got shape {rates.shape} with minimum {rates.min():g}")
    return rates


@dataclass(frozen=True)
class Quadratic:
    """The convex quadratic of lesson 07 (see :func:`quadratic`).

    Attributes
    ----------
    A : ndarray, shape (d, d)
        Symmetric positive-definite Hessian.
    b : ndarray, shape (d,)
    c : float
    eigenvalues : ndarray, shape (d,)
        Of A, descending (curvatures along the principal axes).
    """

    A: np.ndarray
    b: np.ndarray
    c: float
    eigenvalues: np.ndarray

    def f(self, x) -> np.ndarray | float:
        """:math:`\\tfrac12 x^TAx - b^Tx + c` for x (d,) or a batch (..., d) (e.g. a contour grid)."""
        x = self._as_points(x)
        value = 0.5 * np.einsum("...i,ij,...j->...", x, self.A, x) - x @ self.b + self.c
        return float(value) if x.ndim == 1 else value

    def grad(self, x) -> np.ndarray:
        """:math:`Ax - b`, shape of x."""
        return self._as_points(x) @ self.A - self.b  # A symmetric: x A = (A x)^T

    def _as_points(self, x) -> np.ndarray:
        x = as_real(x, "x")
        if x.shape[-1:] != self.b.shape:
            raise ValueError(f"x must have shape (..., {self.b.size}), got shape {x.shape}")
        return x

    @property
    def minimizer(self) -> np.ndarray:
        """:math:`x^* = A^{-1}b` (solved, not inverted)."""
        return np.linalg.solve(self.A, self.b)

    @property
    def L(self) -> float:
        """Smoothness constant: the largest eigenvalue of A."""
        return float(self.eigenvalues[0])

    @property
    def mu(self) -> float:
        """Strong-convexity constant: the smallest eigenvalue of A."""
        return float(self.eigenvalues[-1])

    @property
    def condition_number(self) -> float:
        """:math:`\\kappa = L / \\mu`."""
        return self.L / self.mu

    @property
    def max_stable_lr(self) -> float:
        """:math:`2/L`: gradient descent converges for steps below it, diverges above."""
        return 2.0 / self.L

    @property
    def optimal_lr(self) -> float:
        """:math:`2/(L + \\mu)`, the step with the best rate :math:`(\\kappa - 1)/(\\kappa + 1)`."""
        return 2.0 / (self.L + self.mu)


def quadratic(A, b, c=0.0) -> Quadratic:
    """A convex quadratic and its curvature facts.

    .. math::

        f(x) = \\tfrac12 x^T A x - b^T x + c, \\qquad \\nabla f(x) = Ax - b, \\qquad
        \\kappa = \\frac{\\lambda_{\\max}(A)}{\\lambda_{\\min}(A)}

    Parameters
    ----------
    A : array_like, shape (d, d)
        Symmetric positive definite.
    b : array_like, shape (d,)
    c : float

    Returns
    -------
    Quadratic

    Examples
    --------
    >>> q = quadratic([[10.0, 0.0], [0.0, 1.0]], [0.0, 0.0]); (q.condition_number, q.max_stable_lr)
    (10.0, 0.2)
    """
    A = as_positive_definite(A, "A")
    b = as_vector(b, "b")
    if b.shape != (A.shape[0],):
        raise ValueError(f"b must have shape ({A.shape[0]},) to match A, got shape {b.shape}")
    if isinstance(c, bool) or not isinstance(c, (int, float, np.integer, np.floating)) or not np.isfinite(c):
        raise ValueError(f"c must be a finite number, got {c!r}")
    return Quadratic(A=A, b=b, c=float(c), eigenvalues=eigh(A)[0])


def condition_number(A) -> float:
    """2-norm condition number from the singular values.

    .. math::

        \\kappa_2(A) = \\frac{\\sigma_{\\max}(A)}{\\sigma_{\\min}(A)}
        \\quad (= \\lambda_{\\max}/\\lambda_{\\min} \\text{ for symmetric positive definite } A)

    Parameters
    ----------
    A : array_like, shape (m, n)

    Returns
    -------
    float
        Huge (about 1/eps or more) for a numerically rank-deficient A; ``inf`` if a
        singular value is exactly 0.

    Examples
    --------
    >>> condition_number([[10.0, 0.0], [0.0, 1.0]])
    10.0
    """
    S = svd(as_matrix(A, "A"))[1]
    return float(S[0] / S[-1]) if S[-1] > 0 else float("inf")


@dataclass(frozen=True)
class EqualityQPSolution:
    """Solution of an equality-constrained QP (see :func:`lagrange_equality_qp`).

    Attributes
    ----------
    x : ndarray, shape (n,)
        Minimiser.
    multipliers : ndarray, shape (p,)
        Lagrange multipliers :math:`\\nu` (Lagrangian :math:`f + \\nu^T(Ax - b)`).
    objective : float
        :math:`f(x)`.
    """

    x: np.ndarray
    multipliers: np.ndarray
    objective: float


def lagrange_equality_qp(Q, c, A, b) -> EqualityQPSolution:
    """Minimise a quadratic subject to linear equalities via the KKT system.

    .. math::

        \\min_x \\tfrac12 x^TQx + c^Tx \\;\\text{ s.t. }\\; Ax = b
        \\quad\\Longleftrightarrow\\quad
        \\begin{bmatrix} Q & A^T \\\\ A & 0 \\end{bmatrix}
        \\begin{bmatrix} x \\\\ \\nu \\end{bmatrix} =
        \\begin{bmatrix} -c \\\\ b \\end{bmatrix}

    The first block row is stationarity :math:`\\nabla f + A^T\\nu = 0` (the
    objective's gradient is a combination of the constraint normals: level
    sets are tangent to the constraint), the second is feasibility.

    Parameters
    ----------
    Q : array_like, shape (n, n)
        Symmetric, positive definite on the null space of A.
    c : array_like, shape (n,)
    A : array_like, shape (p, n)
        Full row rank, p <= n.
    b : array_like, shape (p,)

    Returns
    -------
    EqualityQPSolution

    Examples
    --------
    >>> lagrange_equality_qp(np.eye(2), [0.0, 0.0], [[1.0, 1.0]], [2.0]).x.round(12).tolist()
    [1.0, 1.0]
    """
    Q, c = as_symmetric(Q, "Q"), as_vector(c, "c")
    A, b = as_matrix(A, "A"), as_vector(b, "b")
    n, p = Q.shape[0], A.shape[0]
    for name, got, want in (("c", c.shape, (n,)), ("A", A.shape, (p, n)), ("b", b.shape, (p,))):
        if got != want:
            raise ValueError(f"{name} must have shape {want} to match Q {Q.shape} and A {A.shape}, got shape {got}")
    kkt = np.block([[Q, A.T], [A, np.zeros((p, p))]])  # (n + p, n + p)
    try:
        solution = np.linalg.solve(kkt, np.concatenate([-c, b]))
    except np.linalg.LinAlgError:
        raise ValueError("the KKT matrix [[Q, A^T], [A, 0]] must be nonsingular: A needs full row rank "
                         "and Q must be positive definite on the null space of A") from None
    x = solution[:n]
    return EqualityQPSolution(x=x, multipliers=solution[n:], objective=float(0.5 * x @ Q @ x + c @ x))


@dataclass(frozen=True)
class KKTResiduals:
    """How far a point and multipliers are from satisfying the KKT conditions.

    Attributes
    ----------
    stationarity : float
        :math:`\\|\\nabla f + J_g^T\\mu + J_h^T\\lambda\\|_\\infty`.
    primal_feasibility : float
        :math:`\\max(\\max_i g_i^+, \\max_j |h_j|)`.
    dual_feasibility : float
        :math:`\\max_i (-\\mu_i)^+`.
    complementary_slackness : float
        :math:`\\max_i |\\mu_i g_i|`.
    """

    stationarity: float
    primal_feasibility: float
    dual_feasibility: float
    complementary_slackness: float

    def satisfied(self, tol=1e-8) -> bool:
        """Whether every residual is <= tol."""
        tol = as_positive_float(tol, "tol")
        return max(self.stationarity, self.primal_feasibility, self.dual_feasibility,
                   self.complementary_slackness) <= tol


def _constraint_block(values, jac, multipliers, kind: str, n: int):
    """Validated (values (k,), jacobian (k, n), multipliers (k,)) or empty arrays when absent."""
    given = [v is not None for v in (values, jac, multipliers)]
    if not any(given):
        return np.zeros(0), np.zeros((0, n)), np.zeros(0)
    if not all(given):
        raise ValueError(f"{kind} constraints need all of {kind}, jac_{kind} and its multipliers")
    values, jac = as_vector(values, kind), as_matrix(jac, f"jac_{kind}")
    multipliers = as_vector(multipliers, "mu" if kind == "g" else "lam")
    k = values.size
    if jac.shape != (k, n) or multipliers.shape != (k,):
        raise ValueError(f"jac_{kind} must have shape ({k}, {n}) and the multipliers shape ({k},), "
                         f"got {jac.shape} and {multipliers.shape}")
    return values, jac, multipliers


def kkt_conditions(grad_f, *, g=None, jac_g=None, mu=None, h=None, jac_h=None, lam=None) -> KKTResiduals:
    """Residuals of the KKT conditions at a candidate point.

    For :math:`\\min f(x)` s.t. :math:`g(x) \\le 0`, :math:`h(x) = 0`, with
    Lagrangian :math:`f + \\mu^Tg + \\lambda^Th`, a point is optimal (for a
    convex problem) iff

    .. math::

        \\nabla f + J_g^T\\mu + J_h^T\\lambda = 0,\\quad g \\le 0,\\quad h = 0,\\quad
        \\mu \\ge 0,\\quad \\mu_i g_i = 0

    Everything is passed evaluated at the candidate point.

    Parameters
    ----------
    grad_f : array_like, shape (n,)
        :math:`\\nabla f(x)`.
    g, jac_g, mu : array_like, shapes (k,), (k, n), (k,), optional
        Inequality values, their Jacobian, multipliers.
    h, jac_h, lam : array_like, shapes (p,), (p, n), (p,), optional
        Equality values, their Jacobian, multipliers.

    Returns
    -------
    KKTResiduals

    Examples
    --------
    >>> kkt_conditions([-2.0, -2.0], g=[0.0], jac_g=[[1.0, 1.0]], mu=[2.0]).satisfied()
    True
    """
    grad_f = as_vector(grad_f, "grad_f")
    n = grad_f.size
    g, jac_g, mu = _constraint_block(g, jac_g, mu, "g", n)
    h, jac_h, lam = _constraint_block(h, jac_h, lam, "h", n)
    stationarity = grad_f + jac_g.T @ mu + jac_h.T @ lam  # (n,)
    return KKTResiduals(
        stationarity=float(np.max(np.abs(stationarity))),
        primal_feasibility=float(max(np.max(g, initial=0.0), np.max(np.abs(h), initial=0.0))),
        dual_feasibility=float(np.max(-mu, initial=0.0)),
        complementary_slackness=float(np.max(np.abs(mu * g), initial=0.0)),
    )


@dataclass(frozen=True)
class SVMSolution:
    """A hard-margin linear SVM and its KKT multipliers (see :func:`hard_margin_svm`).

    Attributes
    ----------
    w : ndarray, shape (d,)
        Normal of the separating hyperplane :math:`w^Tx + b = 0`.
    b : float
    mu : ndarray, shape (n,)
        One KKT multiplier per training point (the dual variables
        :math:`\\alpha_i`); zero except on the support vectors.
    support : ndarray of int, shape (s,)
        Indices of the points with :math:`\\mu_i > 0`, ascending.
    margin : float
        :math:`2 / \\|w\\|`, the width of the empty band between the classes.
    """

    w: np.ndarray
    b: float
    mu: np.ndarray
    support: np.ndarray
    margin: float


def hard_margin_svm(X, y, *, tol=1e-9) -> SVMSolution:
    """The widest-margin separating hyperplane, found through its KKT conditions.

    .. math::

        \\min_{w, b} \\tfrac12 \\|w\\|^2 \\;\\text{ s.t. }\\;
        g_i = 1 - y_i (w^Tx_i + b) \\le 0, \\quad i = 1..n

    An active-set search: for each set S of at most d + 1 points (smallest sets
    first) it makes their constraints equalities, solves that equality QP with
    :func:`lagrange_equality_qp`, and keeps the first solution at which
    :func:`kkt_conditions` holds for all n constraints (multipliers 0 off S).
    The problem is convex, so that point is the optimum; complementary
    slackness makes :math:`\\mu_i > 0` only where :math:`y_i (w^Tx_i + b) = 1`:
    the support vectors. For small n (a lesson's picture), not for real data.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,)
        Labels, each -1 or +1, both present; the classes must be linearly separable.
    tol : float
        Tolerance of the KKT check.

    Returns
    -------
    SVMSolution

    Examples
    --------
    >>> s = hard_margin_svm([[0.0, 0.0], [2.0, 0.0]], [-1, 1]); (s.w.tolist(), s.b, s.mu.tolist())
    ([1.0, 0.0], -1.0, [0.5, 0.5])
    """
    X, y = as_matrix(X, "X"), as_vector(y, "y")
    n, d = X.shape
    if y.shape != (n,) or not np.all(np.isin(y, (-1.0, 1.0))) or np.unique(y).size != 2:
        raise ValueError(f"y must hold one label -1 or +1 per row of X ({n}), both classes present; got {y!r}")
    tol = as_positive_float(tol, "tol")
    Q = np.diag(np.r_[np.ones(d), 0.0])  # (d + 1, d + 1): 1/2 |w|^2, b free
    rows = -y[:, None] * np.column_stack([X, np.ones(n)])  # (n, d + 1): the Jacobian of g
    for size in range(2, d + 2):
        for S in combinations(range(n), size):
            S = list(S)
            if np.unique(y[S]).size != 2 or np.linalg.matrix_rank(rows[S]) < size:
                continue
            try:
                qp = lagrange_equality_qp(Q, np.zeros(d + 1), -rows[S], np.ones(size))
            except ValueError:
                continue
            mu = np.zeros(n)
            mu[S] = -qp.multipliers  # the Lagrangian of -rows_S z = 1 uses nu = -mu
            g = 1.0 + rows @ qp.x  # (n,)
            residuals = kkt_conditions(Q @ qp.x, g=g, jac_g=rows, mu=mu)
            if residuals.satisfied(tol * max(1.0, float(np.max(np.abs(X))))):
                w, b = qp.x[:d], float(qp.x[d])
                return SVMSolution(w=w, b=b, mu=mu, support=np.flatnonzero(mu > tol),
                                   margin=float(2.0 / np.linalg.norm(w)))
    raise ValueError("no separating hyperplane: the two classes of X must be linearly separable")
