"""Reverse-mode automatic differentiation, micrograd-sized (lesson 03).

``Value`` records every scalar operation in a graph (``_prev`` children,
``_op`` label, for drawing it) and ``backward()`` applies the chain rule from
the output back to every input. ``mlp_backprop`` is the same computation for a
tiny two-layer network in matrix form, the chain rule a scene writes out as
:math:`\\delta = (\\hat Y - Y)/B`, :math:`\\partial L/\\partial W_2 = H^T\\delta`, ...
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._validate import as_matrix, as_vector

__all__ = ["Value", "MLPBackprop", "mlp_backprop"]


class Value:
    """A scalar that remembers how it was computed, for reverse-mode autodiff.

    .. math::

        \\frac{\\partial L}{\\partial x} = \\sum_{y \\,:\\, x \\to y}
        \\frac{\\partial L}{\\partial y} \\frac{\\partial y}{\\partial x}

    ``backward()`` visits the graph in reverse topological order and adds each
    node's local derivative times its output's gradient into ``grad``.

    Parameters
    ----------
    data : float
        Finite value.
    label : str
        Name shown when the graph is drawn.

    Attributes
    ----------
    data : float
    grad : float
        :math:`\\partial L / \\partial \\text{self}` after ``L.backward()``.
    _prev : tuple of Value
        Inputs of the operation that produced this value.
    _op : str
        That operation ("+", "*", "tanh", ...; "" for a leaf).

    Examples
    --------
    >>> x = Value(3.0); y = x * x + x; y.backward(); x.grad
    7.0
    """

    __slots__ = ("data", "grad", "label", "_prev", "_op", "_backward")

    def __init__(self, data, label="", _prev=(), _op=""):
        if isinstance(data, bool) or not isinstance(data, (int, float, np.integer, np.floating)) \
                or not math.isfinite(data):
            raise ValueError(f"data must be a finite real number, got {data!r}")
        self.data = float(data)
        self.grad = 0.0
        self.label = label
        self._prev = tuple(_prev)
        self._op = _op
        self._backward = lambda: None

    def __repr__(self):
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g})"

    @staticmethod
    def _lift(other) -> Value:
        return other if isinstance(other, Value) else Value(other)

    def _result(self, data: float, prev: tuple, op: str, local_grads: tuple) -> Value:
        """New node; its backward adds out.grad * d(out)/d(input) to each input."""
        out = Value(data, _prev=prev, _op=op)

        def backward():
            for node, local in zip(prev, local_grads):
                node.grad += local * out.grad
        out._backward = backward
        return out

    def __add__(self, other):
        other = self._lift(other)
        return self._result(self.data + other.data, (self, other), "+", (1.0, 1.0))

    def __mul__(self, other):
        other = self._lift(other)
        return self._result(self.data * other.data, (self, other), "*", (other.data, self.data))

    def __pow__(self, exponent):
        if isinstance(exponent, Value) or isinstance(exponent, bool) \
                or not isinstance(exponent, (int, float)):
            raise ValueError(f"exponent must be an int or float constant, got {exponent!r}")
        return self._result(self.data ** exponent, (self,), f"**{exponent}",
                            (exponent * self.data ** (exponent - 1),))

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-self._lift(other))

    def __truediv__(self, other):
        return self * self._lift(other) ** -1

    def __radd__(self, other):
        return self + other

    def __rmul__(self, other):
        return self * other

    def __rsub__(self, other):
        return self._lift(other) - self

    def __rtruediv__(self, other):
        return self._lift(other) / self

    def tanh(self):
        """:math:`\\tanh x`, derivative :math:`1 - \\tanh^2 x`."""
        t = math.tanh(self.data)
        return self._result(t, (self,), "tanh", (1.0 - t * t,))

    def exp(self):
        """:math:`e^x`, derivative :math:`e^x`."""
        e = math.exp(self.data)
        return self._result(e, (self,), "exp", (e,))

    def log(self):
        """:math:`\\log x` (x > 0), derivative :math:`1/x`."""
        if self.data <= 0:
            raise ValueError(f"log needs a positive value, got {self.data!r}")
        return self._result(math.log(self.data), (self,), "log", (1.0 / self.data,))

    def relu(self):
        """:math:`\\max(0, x)`, derivative 1 for x > 0 else 0."""
        return self._result(max(0.0, self.data), (self,), "relu", (float(self.data > 0),))

    def sigmoid(self):
        """:math:`\\sigma(x) = 1/(1 + e^{-x})`, derivative :math:`\\sigma(1 - \\sigma)`."""
        s = 0.5 * (1.0 + math.tanh(0.5 * self.data))  # = 1 / (1 + exp(-x)), overflow-free
        return self._result(s, (self,), "sigmoid", (s * (1.0 - s),))

    def topological_order(self) -> list[Value]:
        """Every node of the graph ending here, each after all of its inputs."""
        order, seen = [], set()
        stack = [(self, False)]
        while stack:  # iterative depth-first search: deep graphs do not hit the recursion limit
            node, expanded = stack.pop()
            if expanded:
                order.append(node)
            elif id(node) not in seen:
                seen.add(id(node))
                stack.append((node, True))
                stack.extend((child, False) for child in node._prev)
        return order

    def backward(self) -> None:
        """Set ``grad`` of every node to :math:`\\partial\\,\\text{self} / \\partial\\,\\text{node}`."""
        order = self.topological_order()
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):
            node._backward()


@dataclass(frozen=True)
class MLPBackprop:
    """Forward values and gradients of a two-layer tanh network (see :func:`mlp_backprop`).

    Attributes
    ----------
    Z1 : ndarray, shape (B, h)
        Pre-activations :math:`X W_1 + b_1`.
    H : ndarray, shape (B, h)
        Hidden activations :math:`\\tanh Z_1`.
    Y_hat : ndarray, shape (B, m)
        Outputs :math:`H W_2 + b_2`.
    loss : float
        :math:`\\frac{1}{2B}\\|\\hat Y - Y\\|_F^2`.
    dW1 : ndarray, shape (n, h)
    db1 : ndarray, shape (h,)
    dW2 : ndarray, shape (h, m)
    db2 : ndarray, shape (m,)
    """

    Z1: np.ndarray
    H: np.ndarray
    Y_hat: np.ndarray
    loss: float
    dW1: np.ndarray
    db1: np.ndarray
    dW2: np.ndarray
    db2: np.ndarray


def _check_mlp_shapes(X, Y, W1, b1, W2, b2) -> None:
    (B, n), h, m = X.shape, W1.shape[1], W2.shape[1]
    expected = {"Y": (Y.shape, (B, m)), "W1": (W1.shape, (n, h)), "b1": (b1.shape, (h,)),
                "W2": (W2.shape, (h, m)), "b2": (b2.shape, (m,))}
    for name, (got, want) in expected.items():
        if got != want:
            raise ValueError(f"{name} must have shape {want} for X {X.shape}, W1 {W1.shape}, W2 {W2.shape}, "
                             f"got shape {got}")


def mlp_backprop(X, Y, W1, b1, W2, b2) -> MLPBackprop:
    """Forward and backward pass of a tiny network, the chain rule in matrix form.

    .. math::

        Z_1 = XW_1 + b_1,\\quad H = \\tanh Z_1,\\quad \\hat Y = HW_2 + b_2,\\quad
        L = \\tfrac{1}{2B}\\|\\hat Y - Y\\|_F^2

        \\delta_2 = \\tfrac{1}{B}(\\hat Y - Y),\\;
        \\tfrac{\\partial L}{\\partial W_2} = H^T\\delta_2,\\;
        \\delta_1 = (\\delta_2 W_2^T) \\odot (1 - H^2),\\;
        \\tfrac{\\partial L}{\\partial W_1} = X^T\\delta_1

    Parameters
    ----------
    X : array_like, shape (B, n)
        Batch of inputs.
    Y : array_like, shape (B, m)
        Targets.
    W1 : array_like, shape (n, h)
    b1 : array_like, shape (h,)
    W2 : array_like, shape (h, m)
    b2 : array_like, shape (m,)

    Returns
    -------
    MLPBackprop

    Examples
    --------
    >>> mlp_backprop([[1.0]], [[0.0]], [[0.0]], [0.0], [[1.0]], [0.5]).dW2.tolist()
    [[0.0]]
    """
    X, Y, W1, W2 = (as_matrix(M, name) for M, name in ((X, "X"), (Y, "Y"), (W1, "W1"), (W2, "W2")))
    b1, b2 = as_vector(b1, "b1"), as_vector(b2, "b2")
    _check_mlp_shapes(X, Y, W1, b1, W2, b2)
    B = X.shape[0]
    Z1 = X @ W1 + b1  # (B, n) (n, h) -> (B, h)
    H = np.tanh(Z1)  # (B, h)
    Y_hat = H @ W2 + b2  # (B, h) (h, m) -> (B, m)
    residual = Y_hat - Y  # (B, m)
    delta2 = residual / B  # (B, m) dL/dY_hat
    delta1 = (delta2 @ W2.T) * (1.0 - H ** 2)  # (B, h) dL/dZ1, tanh' = 1 - tanh^2
    return MLPBackprop(
        Z1=Z1, H=H, Y_hat=Y_hat, loss=float(np.sum(residual ** 2) / (2 * B)),
        dW1=X.T @ delta1, db1=delta1.sum(axis=0), dW2=H.T @ delta2, db2=delta2.sum(axis=0),
    )
