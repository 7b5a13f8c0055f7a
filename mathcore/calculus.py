"""Derivatives by central differences, Taylor approximations, symbolic Jacobians
(lessons 03 and 05).

Lesson 03 (matrix calculus): Jacobian and Hessian, numerically and with
SymPy (for the formulas a scene shows in LaTeX). Lesson 05 (multivariate
calculus): partial derivatives, the gradient as steepest ascent, the
directional derivative and first/second-order Taylor approximations.
SymPy is imported only by the symbolic helpers, so importing this module
stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validate import as_array, as_positive_float, as_real, as_vector

__all__ = [
    "gradient", "jacobian", "hessian", "directional_derivative", "TaylorApprox", "taylor_approx",
    "symbolic_gradient", "symbolic_jacobian", "symbolic_hessian", "to_latex",
]

_EPS = np.finfo(np.float64).eps


def _steps(x: np.ndarray, h, power: float) -> np.ndarray:
    """Per-coordinate step (n,): h, or eps^power * max(1, |x_i|) (balances truncation and rounding)."""
    if h is not None:
        return np.full(x.shape, as_positive_float(h, "h"))
    return _EPS ** power * np.maximum(1.0, np.abs(x))


def _scalar(f, x: np.ndarray) -> float:
    value = as_real(f(x), "f")
    if value.shape != () or not np.isfinite(value):
        raise ValueError(f"f must return a finite scalar, got {value!r} at x = {x}")
    return float(value)


def gradient(f, x, *, h=None) -> np.ndarray:
    """Gradient of a scalar function by central differences.

    .. math::

        \\frac{\\partial f}{\\partial x_i}(x) \\approx
        \\frac{f(x + h_i e_i) - f(x - h_i e_i)}{2 h_i}, \\qquad
        \\text{error } O(h_i^2)

    Parameters
    ----------
    f : callable
        ``f(x) -> float`` for x of shape (n,).
    x : array_like, shape (n,)
        Point.
    h : float, optional
        Step; default :math:`\\varepsilon^{1/3} \\max(1, |x_i|)`.

    Returns
    -------
    ndarray, shape (n,)

    Examples
    --------
    >>> gradient(lambda v: v[0] ** 2 + 3 * v[1], [1.0, 2.0]).round(6).tolist()
    [2.0, 3.0]
    """
    x = as_vector(x, "x")
    steps = _steps(x, h, 1 / 3)  # (n,)
    grad = np.empty_like(x)
    for i, h_i in enumerate(steps):
        e = np.zeros_like(x)
        e[i] = h_i
        grad[i] = (_scalar(f, x + e) - _scalar(f, x - e)) / (2.0 * h_i)
    return grad


def jacobian(f, x, *, h=None) -> np.ndarray:
    """Jacobian of a vector function by central differences, one column at a time.

    .. math::

        J_{ij} = \\frac{\\partial f_i}{\\partial x_j} \\approx
        \\frac{f_i(x + h_j e_j) - f_i(x - h_j e_j)}{2 h_j}

    Parameters
    ----------
    f : callable
        ``f(x) -> array`` of shape (m,) for x of shape (n,).
    x : array_like, shape (n,)
    h : float, optional
        Step; default :math:`\\varepsilon^{1/3} \\max(1, |x_j|)`.

    Returns
    -------
    ndarray, shape (m, n)

    Examples
    --------
    >>> jacobian(lambda v: np.array([v[0] * v[1], v[0]]), [2.0, 3.0]).round(6).tolist()
    [[3.0, 2.0], [1.0, 0.0]]
    """
    x = as_vector(x, "x")
    steps = _steps(x, h, 1 / 3)  # (n,)
    columns = []
    for j, h_j in enumerate(steps):
        e = np.zeros_like(x)
        e[j] = h_j
        columns.append((_vector_value(f, x + e) - _vector_value(f, x - e)) / (2.0 * h_j))  # (m,)
    return np.column_stack(columns)  # (m, n)


def _vector_value(f, x: np.ndarray) -> np.ndarray:
    value = as_real(f(x), "f")
    if value.ndim != 1 or not np.all(np.isfinite(value)):
        raise ValueError(f"f must return a finite 1-D array, got shape {value.shape} at x = {x}")
    return value


def hessian(f, x, *, h=None) -> np.ndarray:
    """Hessian of a scalar function by second-order central differences.

    .. math::

        H_{ij} \\approx \\frac{f(x + h_i e_i + h_j e_j) - f(x + h_i e_i - h_j e_j)
        - f(x - h_i e_i + h_j e_j) + f(x - h_i e_i - h_j e_j)}{4 h_i h_j}

    (on the diagonal this is :math:`(f(x + 2h_ie_i) - 2f(x) + f(x - 2h_ie_i)) / 4h_i^2`);
    the result is symmetrised, :math:`(H + H^T)/2`.

    Parameters
    ----------
    f : callable
        ``f(x) -> float`` for x of shape (n,).
    x : array_like, shape (n,)
    h : float, optional
        Step; default :math:`\\varepsilon^{1/4} \\max(1, |x_i|)`.

    Returns
    -------
    ndarray, shape (n, n)

    Examples
    --------
    >>> hessian(lambda v: v[0] ** 2 * v[1], [1.0, 2.0]).round(5).tolist()
    [[4.0, 2.0], [2.0, 0.0]]
    """
    x = as_vector(x, "x")
    steps = _steps(x, h, 1 / 4)  # (n,)
    n = x.size
    H = np.empty((n, n))
    for i in range(n):
        for j in range(i, n):
            e_i, e_j = np.zeros(n), np.zeros(n)
            e_i[i], e_j[j] = steps[i], steps[j]
            H[i, j] = H[j, i] = (_scalar(f, x + e_i + e_j) - _scalar(f, x + e_i - e_j)
                                 - _scalar(f, x - e_i + e_j) + _scalar(f, x - e_i - e_j)) / (4.0 * steps[i] * steps[j])
    return H


def directional_derivative(f, x, u, *, h=None) -> float:
    """Rate of change of f at x along the unit direction of u.

    .. math::

        D_{\\hat u} f(x) = \\nabla f(x) \\cdot \\hat u \\approx
        \\frac{f(x + h\\hat u) - f(x - h\\hat u)}{2h}, \\qquad \\hat u = u / \\|u\\|

    It is largest, :math:`\\|\\nabla f\\|`, when :math:`\\hat u` points along
    the gradient: the gradient is the direction of steepest ascent.

    Parameters
    ----------
    f : callable
        ``f(x) -> float``.
    x : array_like, shape (n,)
    u : array_like, shape (n,)
        Non-zero direction (normalised here).
    h : float, optional
        Step; default :math:`\\varepsilon^{1/3} \\max(1, \\|x\\|_\\infty)`.

    Returns
    -------
    float

    Examples
    --------
    >>> round(directional_derivative(lambda v: v[0] + v[1], [0.0, 0.0], [1.0, 1.0]), 6)
    1.414214
    """
    x, u = as_vector(x, "x"), as_vector(u, "u")
    if u.shape != x.shape:
        raise ValueError(f"u must have the shape of x {x.shape}, got shape {u.shape}")
    norm = np.linalg.norm(u)
    if norm == 0:
        raise ValueError("u must be a non-zero direction, got all zeros")
    step = float(_steps(np.array([np.max(np.abs(x))]), h, 1 / 3)[0])
    u_hat = u / norm
    return (_scalar(f, x + step * u_hat) - _scalar(f, x - step * u_hat)) / (2.0 * step)


@dataclass(frozen=True)
class TaylorApprox:
    """A first- or second-order Taylor polynomial around ``x0`` (see :func:`taylor_approx`).

    Attributes
    ----------
    x0 : ndarray, shape (n,)
    value : float
        :math:`f(x_0)`.
    gradient : ndarray, shape (n,)
    hessian : ndarray, shape (n, n) or None
        None for order 1.
    order : int
    """

    x0: np.ndarray
    value: float
    gradient: np.ndarray
    hessian: np.ndarray | None
    order: int

    def __call__(self, x) -> np.ndarray | float:
        """Evaluate at x of shape (n,) (a float) or (k, n) (shape (k,)), e.g. a grid for a scene."""
        x = as_array(x, "x")
        if x.shape[-1:] != self.x0.shape or x.ndim > 2:
            raise ValueError(f"x must have shape ({self.x0.size},) or (k, {self.x0.size}), got shape {x.shape}")
        d = x - self.x0  # (..., n)
        result = self.value + d @ self.gradient
        if self.hessian is not None:
            result = result + 0.5 * np.einsum("...i,ij,...j->...", d, self.hessian, d)
        return float(result) if x.ndim == 1 else result


def taylor_approx(f, x0, order=1, *, h=None) -> TaylorApprox:
    """Taylor polynomial of f around x0, derivatives by central differences.

    .. math::

        f(x) \\approx f(x_0) + \\nabla f(x_0)^T (x - x_0)
        \\;\\Big[ + \\tfrac12 (x - x_0)^T H(x_0) (x - x_0) \\Big]_{\\text{order } 2}

    Parameters
    ----------
    f : callable
        ``f(x) -> float``.
    x0 : array_like, shape (n,)
    order : {1, 2}
    h : float, optional
        Finite-difference step for :func:`gradient` and :func:`hessian`.

    Returns
    -------
    TaylorApprox
        Callable; also holds the coefficients.

    Examples
    --------
    >>> round(taylor_approx(lambda v: np.exp(v[0]), [0.0], order=2)([0.1]), 6)
    1.105
    """
    if order not in (1, 2) or isinstance(order, bool):
        raise ValueError(f"order must be 1 or 2, got {order!r}")
    x0 = as_vector(x0, "x0")
    H = hessian(f, x0, h=h) if order == 2 else None
    return TaylorApprox(x0=x0, value=_scalar(f, x0), gradient=gradient(f, x0, h=h), hessian=H, order=order)


def _sympy_symbols(symbols) -> list:
    import sympy

    symbols = list(symbols)
    if not symbols or not all(isinstance(s, sympy.Symbol) for s in symbols):
        raise ValueError(f"symbols must be a non-empty sequence of sympy Symbols, got {symbols!r}")
    return symbols


def symbolic_gradient(expr, symbols):
    """Symbolic gradient of a scalar SymPy expression, as a column Matrix.

    .. math::

        \\nabla f = \\Big(\\frac{\\partial f}{\\partial x_1}, \\dots,
        \\frac{\\partial f}{\\partial x_n}\\Big)^T

    Parameters
    ----------
    expr : sympy.Expr
    symbols : sequence of sympy.Symbol, length n

    Returns
    -------
    sympy.Matrix, shape (n, 1)

    Examples
    --------
    >>> import sympy; x, y = sympy.symbols("x y")
    >>> symbolic_gradient(x**2 * y, [x, y]).T
    Matrix([[2*x*y, x**2]])
    """
    import sympy

    symbols = _sympy_symbols(symbols)
    return sympy.Matrix([sympy.diff(expr, s) for s in symbols])


def symbolic_jacobian(exprs, symbols):
    """Symbolic Jacobian of a list of SymPy expressions.

    .. math::

        J_{ij} = \\frac{\\partial f_i}{\\partial x_j}

    Parameters
    ----------
    exprs : sequence of sympy.Expr, length m
    symbols : sequence of sympy.Symbol, length n

    Returns
    -------
    sympy.Matrix, shape (m, n)

    Examples
    --------
    >>> import sympy; r, t = sympy.symbols("r theta")
    >>> symbolic_jacobian([r * sympy.cos(t), r * sympy.sin(t)], [r, t])
    Matrix([
    [cos(theta), -r*sin(theta)],
    [sin(theta),  r*cos(theta)]])
    """
    import sympy

    symbols = _sympy_symbols(symbols)
    exprs = list(exprs)
    if not exprs:
        raise ValueError("exprs must be a non-empty sequence of sympy expressions, got none")
    return sympy.Matrix([[sympy.diff(e, s) for s in symbols] for e in exprs])


def symbolic_hessian(expr, symbols):
    """Symbolic Hessian of a scalar SymPy expression.

    .. math::

        H_{ij} = \\frac{\\partial^2 f}{\\partial x_i \\partial x_j}

    Parameters
    ----------
    expr : sympy.Expr
    symbols : sequence of sympy.Symbol, length n

    Returns
    -------
    sympy.Matrix, shape (n, n)

    Examples
    --------
    >>> import sympy; x, y = sympy.symbols("x y")
    >>> symbolic_hessian(x**2 * y, [x, y])
    Matrix([
    [2*y, 2*x],
    [2*x,   0]])
    """
    gradient_column = symbolic_gradient(expr, symbols)
    return symbolic_jacobian(list(gradient_column), symbols)


def to_latex(obj) -> str:
    """LaTeX for a SymPy object (what a scene passes to ``MathTex``).

    Examples
    --------
    >>> import sympy; x = sympy.Symbol("x")
    >>> to_latex(symbolic_hessian(x**3, [x]))
    '\\\\left[\\\\begin{matrix}6 x\\\\end{matrix}\\\\right]'
    """
    import sympy

    return sympy.latex(obj)
