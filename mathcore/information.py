"""Information theory for lesson 10: entropy, cross-entropy, KL and mutual information.

Every quantity uses the natural logarithm (nats) unless ``base`` is given
(``base=2`` gives bits).  The convention ``0 log 0 = 0`` holds throughout, and
probability vectors are checked to be non-negative and to sum to 1 within
``mathcore._validate.PROB_ATOL`` (1e-8) along their last axis.  A batch of
distributions is a stack whose last axis is the outcome axis.
"""

from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass

import numpy as np

from mathcore._validate import as_array, as_matrix, as_probabilities, as_vector

__all__ = [
    "entropy", "binary_entropy", "cross_entropy", "kl_divergence", "js_divergence",
    "joint_entropy", "conditional_entropy", "mutual_information", "huffman_code_lengths",
    "prefix_code", "kl_divergence_density", "GaussianFit", "fit_gaussian_kl",
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


def huffman_code_lengths(p) -> np.ndarray:
    r"""Codeword lengths of an optimal binary prefix code (Huffman's), in bits.

    Huffman's recipe merges the two least likely entries, again and again;
    each merge adds one bit to every outcome inside the two. The average
    length is within one bit of the entropy (Shannon's source coding theorem):

    .. math:: H(p) \le \sum_i p_i \ell_i < H(p) + 1

    Parameters
    ----------
    p : array_like, shape (n,)
        Probabilities; ties are broken by position, so the result is repeatable.

    Returns
    -------
    ndarray of int, shape (n,)
        ``lengths[i]`` bits for outcome ``i`` (0 for a single outcome: nothing to say).

    Examples
    --------
    >>> huffman_code_lengths([0.5, 0.25, 0.25]).tolist()
    [1, 2, 2]
    """
    p = as_probabilities(as_vector(p, "p"), "p")  # (n,)
    order = itertools.count()  # a tie-breaker, so heap entries never compare their lists
    heap = [(float(pi), next(order), [i]) for i, pi in enumerate(p)]
    heapq.heapify(heap)
    lengths = np.zeros(len(p), dtype=int)
    while len(heap) > 1:
        weight_a, _, members_a = heapq.heappop(heap)
        weight_b, _, members_b = heapq.heappop(heap)
        lengths[members_a + members_b] += 1
        heapq.heappush(heap, (weight_a + weight_b, next(order), members_a + members_b))
    return lengths


def prefix_code(lengths) -> list[str]:
    r"""The canonical binary prefix code with these codeword lengths.

    Codewords are handed out shortest first, each the previous one plus one,
    shifted left to the new length; this works whenever Kraft's inequality
    holds:

    .. math:: \sum_i 2^{-\ell_i} \le 1

    Parameters
    ----------
    lengths : array_like of int, shape (n,)
        Positive codeword lengths.

    Returns
    -------
    list of str, length n
        ``code[i]`` is outcome ``i``'s codeword; no codeword begins another.

    Examples
    --------
    >>> prefix_code([1, 2, 3, 3])
    ['0', '10', '110', '111']
    """
    raw = as_vector(lengths, "lengths")
    if np.any(raw < 1) or np.any(raw != np.round(raw)):
        raise ValueError(f"lengths must be positive integers, got {raw.tolist()}")
    lengths = raw.astype(int)
    if np.sum(2.0 ** -lengths) > 1 + 1e-12:
        raise ValueError(f"lengths {lengths.tolist()} break Kraft's inequality "
                         "(sum of 2^-length must be at most 1): no prefix code has them")
    code = [""] * len(lengths)
    value, previous = 0, int(lengths.min())
    for i in np.argsort(lengths, kind="stable"):
        value <<= int(lengths[i]) - previous
        previous = int(lengths[i])
        code[i] = format(value, f"0{previous}b")
        value += 1
    return code


def kl_divergence_density(p, q, dx, base=None) -> float:
    r"""KL divergence of two densities sampled on one evenly spaced grid (a Riemann sum).

    .. math:: D_{KL}(p \,\|\, q) = \int p(x) \log \frac{p(x)}{q(x)}\,dx
              \approx \sum_k p(x_k) \log \frac{p(x_k)}{q(x_k)}\,\Delta x

    Parameters
    ----------
    p, q : array_like, shape (n,)
        Non-negative density values at the grid points.
    dx : float
        The grid spacing.
    base : float, optional
        Logarithm base (natural log if None).

    Returns
    -------
    float
        ``inf`` where ``q`` is 0 at a point where ``p`` is not.

    Examples
    --------
    >>> kl_divergence_density([0.5, 0.5], [0.5, 0.5], dx=1.0)
    0.0
    """
    p, q = as_vector(p, "p"), as_vector(q, "q")
    _same_shape(p, q, "p and q")
    for name, values in (("p", p), ("q", q)):
        if np.any(values < 0):
            raise ValueError(f"{name} must be a density (no negative values), got min {values.min():.6g}")
    dx = float(as_array(dx, "dx", ndim=0))
    if dx <= 0:
        raise ValueError(f"dx must be a positive grid spacing, got {dx!r}")
    terms = _plogq(p, p) - _plogq(p, q)  # (n,) p log(p / q), 0 where p = 0
    return float(terms.sum() * dx / _log_base(base))


@dataclass(frozen=True)
class GaussianFit:
    """The best Gaussian ``N(mean, sd^2)`` of a grid search and its divergence."""

    mean: float
    sd: float
    kl: float


def fit_gaussian_kl(x, p, direction, means, sds, base=None) -> GaussianFit:
    r"""Fit one Gaussian to a density by minimising KL in either direction, over a grid.

    .. math:: \text{forward: } \min_{\mu,\sigma} D_{KL}(p \,\|\, q_{\mu,\sigma}),
              \qquad \text{reverse: } \min_{\mu,\sigma} D_{KL}(q_{\mu,\sigma} \,\|\, p)

    Forward KL weighs the log ratio by ``p``: ``q`` must cover everywhere
    ``p`` has mass (mode-covering; its optimum matches ``p``'s mean and
    variance). Reverse KL weighs it by ``q``: ``q`` must stay where ``p`` has
    mass (mode-seeking). Each KL is :func:`kl_divergence_density` on ``x``.

    Parameters
    ----------
    x : array_like, shape (n,)
        An evenly spaced grid wide enough to hold both densities.
    p : array_like, shape (n,)
        The target density at ``x``.
    direction : {"forward", "reverse"}
        Minimise ``KL(p || q)`` or ``KL(q || p)``.
    means, sds : array_like, shape (n_m,) and (n_s,)
        The candidate means and (positive) standard deviations.
    base : float, optional
        Logarithm base of the reported KL (natural log if None).

    Returns
    -------
    GaussianFit
        The best candidate (the first one on a tie) and its KL.

    Examples
    --------
    >>> x = np.linspace(-8, 8, 1601)
    >>> p = np.exp(-x ** 2 / 2) / np.sqrt(2 * np.pi)
    >>> fit = fit_gaussian_kl(x, p, "forward", [-1.0, 0.0, 1.0], [0.5, 1.0, 2.0])
    >>> fit.mean, fit.sd
    (0.0, 1.0)
    """
    if direction not in ("forward", "reverse"):
        raise ValueError(f"direction must be 'forward' or 'reverse', got {direction!r}")
    x, p = as_vector(x, "x"), as_vector(p, "p")  # (n,)
    _same_shape(x, p, "x and p")
    steps = np.diff(x)
    if len(x) < 2 or np.any(steps <= 0) or not np.allclose(steps, steps[0], rtol=1e-6, atol=0):
        raise ValueError("x must be an evenly spaced increasing grid of at least 2 points")
    means, sds = as_vector(means, "means"), as_vector(sds, "sds")
    if np.any(sds <= 0):
        raise ValueError(f"sds must be positive, got min {sds.min():.6g}")
    if np.any(p < 0):
        raise ValueError(f"p must be a density (no negative values), got min {p.min():.6g}")
    dx = float(steps[0])
    with np.errstate(divide="ignore"):
        log_p = np.log(p)  # (n,) -inf where p = 0
    best = (np.inf, 0, 0)
    for j, sd in enumerate(sds):
        z = (x[None, :] - means[:, None]) / sd  # (n_m, n)
        log_q = -0.5 * z ** 2 - np.log(sd * np.sqrt(2 * np.pi))  # (n_m, n)
        q = np.exp(log_q)
        if direction == "forward":  # sum p (log p - log q), 0 where p = 0
            terms = np.where(p > 0, p * (np.where(p > 0, log_p, 0.0) - log_q), 0.0)
        else:  # sum q (log q - log p), inf where q > 0 = p
            with np.errstate(invalid="ignore"):
                terms = np.where(q > 0, q * (log_q - log_p), 0.0)
        kl = terms.sum(axis=1) * dx  # (n_m,)
        i = int(np.argmin(kl))
        if kl[i] < best[0]:
            best = (float(kl[i]), i, j)
    kl, i, j = best
    return GaussianFit(float(means[i]), float(sds[j]), kl / _log_base(base))
