"""Information theory for lesson 10: entropy, cross-entropy, KL and mutual information.

Every quantity uses the natural logarithm (nats) unless ``base`` is given
(``base=2`` gives bits).  The convention ``0 log 0 = 0`` holds throughout, and
probability vectors are checked to be non-negative and to sum to 1 within
``mathcore._validate.PROB_ATOL`` (1e-8) along their last axis.  A batch of
distributions is a stack whose last axis is the outcome axis.
"""

from __future__ import annotations

import numpy as np

from mathcore._validate import as_array, as_matrix, as_probabilities

__all__ = [
    "entropy", "binary_entropy", "cross_entropy", "kl_divergence", "js_divergence",
    "joint_entropy", "conditional_entropy", "mutual_information",
]


def _log_base(base) -> float:
    """The natural log of ``base`` (1.0 for nats), after checking it."""
    if base is None:
        return 1.0
    if isinstance(base, bool) or not np.isscalar(base) or not np.isfinite(base) \
            or base <= 0 or base == 1:
        raise ValueError(f"base must be a positive number other than 1, got {base!r}")
    return float(np.log(base))


def _plogq(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Elementwise p log q with 0 log q = 0 (also when q = 0); -inf where p > 0 = q."""
    with np.errstate(divide="ignore"):
        return np.where(p > 0, p * np.log(np.where(p > 0, q, 1.0)), 0.0)


def _scalar_or_array(x: np.ndarray):
    """A 0-d result as a Python float, anything else as a float64 array."""
    return float(x) if np.ndim(x) == 0 else np.asarray(x, dtype=np.float64)


def _same_shape(p: np.ndarray, q: np.ndarray, names: str) -> None:
    if p.shape != q.shape:
        raise ValueError(f"{names} must have the same shape, got {p.shape} and {q.shape}")


def entropy(p, base=None):
    r"""Shannon entropy of a discrete distribution: the average surprise.

    .. math:: H(p) = -\sum_i p_i \log p_i

    Parameters
    ----------
    p : array_like, shape (n,) or (..., n)
        Probabilities along the last axis.
    base : float, optional
        Logarithm base (natural log if None).

    Returns
    -------
    float or ndarray, shape (...)
        Between 0 (a certain outcome) and ``log n`` (the uniform distribution).

    Examples
    --------
    >>> entropy([0.5, 0.5], base=2)
    1.0
    """
    p = as_probabilities(p, "p")  # (..., n)
    return _scalar_or_array(-_plogq(p, p).sum(axis=-1) / _log_base(base))


def binary_entropy(p, base=None):
    r"""Entropy of a coin with heads probability ``p``, elementwise.

    .. math:: H_b(p) = -p \log p - (1 - p) \log (1 - p)

    Parameters
    ----------
    p : float or array_like, any shape
        Heads probabilities in [0, 1].
    base : float, optional
        Logarithm base (natural log if None).

    Returns
    -------
    float or ndarray, same shape as ``p``

    Examples
    --------
    >>> binary_entropy(0.5, base=2)
    1.0
    """
    p = as_array(p, "p")
    if np.any((p < 0) | (p > 1)):
        raise ValueError(f"p must lie in [0, 1], got values in [{p.min():.6g}, {p.max():.6g}]")
    pq = np.stack([p, 1.0 - p], axis=-1)  # (..., 2)
    return _scalar_or_array(-_plogq(pq, pq).sum(axis=-1) / _log_base(base))


def cross_entropy(p, q, base=None):
    r"""Cross-entropy: the average code length when data from ``p`` is coded for ``q``.

    .. math:: H(p, q) = -\sum_i p_i \log q_i = H(p) + D_{KL}(p \,\|\, q)

    Parameters
    ----------
    p, q : array_like, shape (n,) or (..., n)
        The true and the model distribution, probabilities along the last axis.
    base : float, optional
        Logarithm base (natural log if None).

    Returns
    -------
    float or ndarray, shape (...)
        ``inf`` where ``q`` is 0 on an outcome ``p`` can produce.

    Examples
    --------
    >>> round(cross_entropy([1.0, 0.0], [0.5, 0.5], base=2), 12)
    1.0
    """
    p = as_probabilities(p, "p")  # (..., n)
    q = as_probabilities(q, "q")  # (..., n)
    _same_shape(p, q, "p and q")
    return _scalar_or_array(-_plogq(p, q).sum(axis=-1) / _log_base(base))


def kl_divergence(p, q, base=None):
    r"""Kullback-Leibler divergence of ``q`` from ``p`` (not symmetric).

    .. math:: D_{KL}(p \,\|\, q) = \sum_i p_i \log \frac{p_i}{q_i}

    Parameters
    ----------
    p, q : array_like, shape (n,) or (..., n)
        Probabilities along the last axis.
    base : float, optional
        Logarithm base (natural log if None).

    Returns
    -------
    float or ndarray, shape (...)
        Non-negative, 0 exactly when ``p == q``, ``inf`` where ``q_i = 0 < p_i``.

    Examples
    --------
    >>> kl_divergence([0.5, 0.5], [0.5, 0.5])
    0.0
    """
    p = as_probabilities(p, "p")  # (..., n)
    q = as_probabilities(q, "q")  # (..., n)
    _same_shape(p, q, "p and q")
    terms = _plogq(p, p) - _plogq(p, q)  # (..., n), each p_i log(p_i / q_i)
    return _scalar_or_array(terms.sum(axis=-1) / _log_base(base))


def js_divergence(p, q, base=None):
    r"""Jensen-Shannon divergence: the symmetric, bounded cousin of KL.

    .. math:: JSD(p \,\|\, q) = \tfrac12 D_{KL}(p \,\|\, m) + \tfrac12 D_{KL}(q \,\|\, m),
              \quad m = \tfrac12 (p + q)

    Parameters
    ----------
    p, q : array_like, shape (n,) or (..., n)
        Probabilities along the last axis.
    base : float, optional
        Logarithm base (natural log if None); at most ``log 2``.

    Returns
    -------
    float or ndarray, shape (...)

    Examples
    --------
    >>> js_divergence([1.0, 0.0], [0.0, 1.0], base=2)
    1.0
    """
    p = as_probabilities(p, "p")  # (..., n)
    q = as_probabilities(q, "q")  # (..., n)
    _same_shape(p, q, "p and q")
    m = 0.5 * (p + q)  # (..., n)
    jsd = 0.5 * kl_divergence(p, m, base) + 0.5 * kl_divergence(q, m, base)
    # JSD >= 0; for p == q rounding can leave -1e-17, which is 0.
    return _scalar_or_array(np.maximum(jsd, 0.0))


def _joint(joint) -> np.ndarray:
    joint = as_matrix(joint, "joint")  # (n_x, n_y)
    return as_probabilities(joint, "joint", axis=None)


def joint_entropy(joint, base=None) -> float:
    r"""Entropy of a pair ``(X, Y)`` from its joint probability table.

    .. math:: H(X, Y) = -\sum_{x, y} p(x, y) \log p(x, y)

    Parameters
    ----------
    joint : array_like, shape (n_x, n_y)
        ``joint[i, j] = P(X = i, Y = j)``, all entries summing to 1.
    base : float, optional
        Logarithm base (natural log if None).

    Returns
    -------
    float

    Examples
    --------
    >>> joint_entropy([[0.25, 0.25], [0.25, 0.25]], base=2)
    2.0
    """
    joint = _joint(joint)  # (n_x, n_y)
    return float(-_plogq(joint, joint).sum() / _log_base(base))


def conditional_entropy(joint, base=None) -> float:
    r"""What remains uncertain about ``Y`` once ``X`` (the rows) is known.

    .. math:: H(Y \mid X) = H(X, Y) - H(X)

    Parameters
    ----------
    joint : array_like, shape (n_x, n_y)
        ``joint[i, j] = P(X = i, Y = j)``.
    base : float, optional
        Logarithm base (natural log if None).

    Returns
    -------
    float

    Examples
    --------
    >>> conditional_entropy([[0.5, 0.0], [0.0, 0.5]])
    0.0
    """
    joint = _joint(joint)  # (n_x, n_y)
    p_x = joint.sum(axis=1)  # (n_x,)
    return joint_entropy(joint, base) - float(-_plogq(p_x, p_x).sum() / _log_base(base))


def mutual_information(joint, base=None) -> float:
    r"""How much knowing ``X`` (the rows) tells about ``Y`` (the columns).

    .. math:: I(X; Y) = \sum_{x, y} p(x, y) \log \frac{p(x, y)}{p(x)\, p(y)}
              = D_{KL}\big(p(x, y) \,\|\, p(x) p(y)\big)

    Parameters
    ----------
    joint : array_like, shape (n_x, n_y)
        ``joint[i, j] = P(X = i, Y = j)``, all entries summing to 1.
    base : float, optional
        Logarithm base (natural log if None).

    Returns
    -------
    float
        Non-negative; 0 exactly when ``X`` and ``Y`` are independent.

    Examples
    --------
    >>> mutual_information([[0.5, 0.0], [0.0, 0.5]], base=2)
    1.0
    """
    joint = _joint(joint)  # (n_x, n_y)
    p_x, p_y = joint.sum(axis=1), joint.sum(axis=0)  # (n_x,), (n_y,)
    # log p(x) p(y) as a sum of logs: the product itself can underflow to 0
    log_independent = np.log(np.where(p_x > 0, p_x, 1.0))[:, None] \
        + np.log(np.where(p_y > 0, p_y, 1.0))[None, :]  # (n_x, n_y)
    terms = _plogq(joint, joint) - joint * log_independent  # (n_x, n_y)
    return max(float(terms.sum() / _log_base(base)), 0.0)
