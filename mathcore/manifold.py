"""Manifolds and representations for lesson 16: geodesic versus straight-line
distance on a swiss roll, shortest paths on a k-nearest-neighbour graph, and a
small t-SNE written out in full (perplexity calibration, KL objective, gradient).

A graph here is a dense (n, n) matrix of edge lengths.  In a plain array 0
means "no edge" (SciPy's dense convention); in a ``numpy.ma.MaskedArray`` a
masked entry means "no edge" and an unmasked 0 is an edge of length 0, which
is how :func:`knn_graph` keeps duplicate points connected.
"""

from __future__ import annotations

import heapq
import warnings
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from mathcore._validate import (
    DivergenceWarning, as_array, as_count, as_matrix, as_positive_float, as_positive_int, as_rng, as_square, as_symmetric,
)

__all__ = [
    "SwissRoll", "swiss_roll", "swiss_roll_arclength", "pairwise_distances", "knn_graph",
    "geodesic_distances", "shortest_path", "calibrate_perplexity", "tsne_objective",
    "TSNEResult", "tsne", "FuzzyGraph", "fuzzy_graph",
]


class SwissRoll(NamedTuple):
    """Points on a rolled-up sheet and their coordinates on the flat sheet."""

    points: np.ndarray  # (n, 3)
    t: np.ndarray  # (n,) roll angle, in [1.5 pi, 4.5 pi]
    height: np.ndarray  # (n,) position across the roll, in [0, 21]


def swiss_roll(n, *, rng, noise=0.0) -> SwissRoll:
    r"""Sample the swiss roll, a 2-D sheet rolled up in 3-D (as in scikit-learn).

    .. math:: x = (t \cos t,\ h,\ t \sin t), \quad t \sim U(1.5\pi, 4.5\pi),\ h \sim U(0, 21)

    Parameters
    ----------
    n : int
        Number of points.
    rng : numpy Generator or int seed
    noise : float
        Standard deviation of Gaussian noise added to the points.

    Returns
    -------
    SwissRoll
        ``points`` (n, 3), and the intrinsic ``t`` (n,) and ``height`` (n,).

    Examples
    --------
    >>> swiss_roll(5, rng=0).points.shape
    (5, 3)
    """
    n = as_count(n, "n", bytes_each=8 * 8, what="the points (n, 3) and their coordinates")
    if isinstance(noise, bool) or not isinstance(noise, (int, float, np.integer, np.floating)) \
            or not np.isfinite(noise) or noise < 0:
        raise ValueError(f"noise must be a non-negative number, got {noise!r}")
    rng = as_rng(rng)
    t = 1.5 * np.pi * (1 + 2 * rng.uniform(size=n))  # (n,)
    height = 21 * rng.uniform(size=n)  # (n,)
    points = np.column_stack([t * np.cos(t), height, t * np.sin(t)])  # (n, 3)
    return SwissRoll(points + noise * rng.standard_normal((n, 3)), t, height)


def swiss_roll_arclength(t):
    r"""Arc length along the roll's spiral from angle 0: the unrolled coordinate.

    .. math:: s(t) = \int_0^t \sqrt{1 + u^2}\, du
              = \tfrac12 \big(t \sqrt{1 + t^2} + \operatorname{arsinh} t\big)

    The geodesic between two points of the roll is the straight line on the
    unrolled sheet: :math:`\sqrt{(s_i - s_j)^2 + (h_i - h_j)^2}`.

    Parameters
    ----------
    t : float or array_like

    Returns
    -------
    float or ndarray, same shape as ``t``

    Examples
    --------
    >>> swiss_roll_arclength(0.0)
    0.0
    """
    t = as_array(t, "t")
    s = 0.5 * (t * np.sqrt(1 + t**2) + np.arcsinh(t))
    return float(s) if s.ndim == 0 else s


def pairwise_distances(X) -> np.ndarray:
    r"""Euclidean ("straight-line") distances between all pairs of rows.

    .. math:: D_{ij} = \lVert x_i - x_j \rVert_2

    Parameters
    ----------
    X : array_like, shape (n, d)

    Returns
    -------
    ndarray, shape (n, n)

    Examples
    --------
    >>> pairwise_distances([[0.0, 0.0], [3.0, 4.0]]).tolist()
    [[0.0, 5.0], [5.0, 0.0]]
    """
    X = as_matrix(X, "X")  # (n, d)
    return np.sqrt(np.sum((X[:, None, :] - X[None, :, :]) ** 2, axis=-1))  # (n, n)


def knn_graph(X, k) -> np.ndarray:
    r"""Symmetric k-nearest-neighbour graph weighted by Euclidean distance.

    .. math:: G_{ij} = \lVert x_i - x_j \rVert \ \text{ if } j \in kNN(i) \text{ or }
              i \in kNN(j), \text{ else } 0

    Short edges follow the manifold; shortest paths along them approximate geodesics (Isomap).

    Parameters
    ----------
    X : array_like, shape (n, d)
        Points; duplicates are allowed.
    k : int
        Neighbours per point, less than n.

    Returns
    -------
    numpy.ma.MaskedArray, shape (n, n)
        Edge lengths, masked where there is no edge (and on the diagonal).  A
        duplicate point is its copy's nearest neighbour at distance 0, an edge
        that a plain "0 = no edge" matrix could not hold; ``.filled(0.0)`` gives
        that plain matrix, without such edges.

    Examples
    --------
    >>> knn_graph([[0.0], [1.0], [3.0]], 1).tolist()
    [[None, 1.0, None], [1.0, None, 2.0], [None, 2.0, None]]
    >>> knn_graph([[2.0], [2.0]], 1).tolist()  # duplicates: an edge of length 0
    [[None, 0.0], [0.0, None]]
    """
    D = pairwise_distances(X)  # (n, n)
    k = as_positive_int(k, "k")
    if k >= len(D):
        raise ValueError(f"k must be less than the number of points {len(D)}, got {k}")
    np.fill_diagonal(D, np.inf)  # a point is not its own neighbour
    neighbours = np.argsort(D, axis=1, kind="stable")[:, :k]  # (n, k)
    mask = np.zeros(D.shape, dtype=bool)  # (n, n)
    mask[np.arange(len(D))[:, None], neighbours] = True
    mask |= mask.T
    return np.ma.MaskedArray(np.where(mask, D, 0.0), mask=~mask)


def _as_graph(G) -> tuple[np.ndarray, np.ndarray]:
    """(lengths (n, n), edges (n, n) bool): no edge where G is masked, else where a plain G is 0."""
    if np.ma.isMaskedArray(G):
        edges = ~np.ma.getmaskarray(G)  # (n, n)
        lengths = as_square(np.where(edges, np.ma.getdata(G), 0), "G")  # masked entries (any value) -> 0
    else:
        lengths = as_square(G, "G")  # (n, n)
        edges = lengths > 0
    if np.any(lengths < 0):
        raise ValueError(f"G must have non-negative edge lengths, got min {lengths.min():.6g}")
    return lengths, edges


def geodesic_distances(G) -> np.ndarray:
    r"""All-pairs shortest path lengths on a graph (Floyd-Warshall).

    .. math:: d^{(k)}_{ij} = \min\big(d^{(k-1)}_{ij},\ d^{(k-1)}_{ik} + d^{(k-1)}_{kj}\big),
              \quad k = 1..n

    After step k, :math:`d_{ij}` is the shortest path using only nodes 1..k in between.

    Parameters
    ----------
    G : array_like or numpy.ma.MaskedArray, shape (n, n)
        Non-negative edge lengths (directed if not symmetric); no edge where
        masked, or where a plain array is 0.

    Returns
    -------
    ndarray, shape (n, n)
        ``inf`` between nodes with no path.

    Examples
    --------
    >>> geodesic_distances([[0, 1, 0], [1, 0, 2], [0, 2, 0]]).tolist()
    [[0.0, 1.0, 3.0], [1.0, 0.0, 2.0], [3.0, 2.0, 0.0]]
    """
    G, edges = _as_graph(G)
    d = np.where(edges, G, np.inf)  # (n, n)
    np.fill_diagonal(d, 0.0)
    for k in range(len(d)):
        d = np.minimum(d, d[:, k:k + 1] + d[k:k + 1, :])  # paths through node k
    return d


def shortest_path(G, source, target) -> list[int]:
    r"""The nodes of a shortest path from ``source`` to ``target`` (Dijkstra).

    .. math:: \text{repeatedly settle the closest unsettled node } u, \text{ then }
              d_v \leftarrow \min(d_v,\ d_u + G_{uv}) \text{ for its neighbours } v

    Parameters
    ----------
    G : array_like or numpy.ma.MaskedArray, shape (n, n)
        Non-negative edge lengths; no edge where masked, or where a plain array is 0.
    source, target : int
        Node indices.

    Returns
    -------
    list of int
        ``[source, ..., target]``, empty if ``target`` is unreachable.

    Examples
    --------
    >>> shortest_path([[0, 1, 5], [1, 0, 1], [5, 1, 0]], 0, 2)
    [0, 1, 2]
    """
    G, edges = _as_graph(G)
    n = len(G)
    for name, node in (("source", source), ("target", target)):
        if isinstance(node, bool) or not isinstance(node, (int, np.integer)) or not 0 <= node < n:
            raise ValueError(f"{name} must be a node index in [0, {n - 1}], got {node!r}")
    dist = np.full(n, np.inf)  # (n,)
    previous = np.full(n, -1)  # (n,)
    dist[source] = 0.0
    queue, settled = [(0.0, source)], np.zeros(n, dtype=bool)
    while queue:
        d_u, u = heapq.heappop(queue)
        if settled[u]:
            continue
        settled[u] = True
        for v in np.flatnonzero(edges[u]):
            if d_u + G[u, v] < dist[v]:
                dist[v], previous[v] = d_u + G[u, v], u
                heapq.heappush(queue, (dist[v], int(v)))
    if not np.isfinite(dist[target]):
        return []
    path = [int(target)]
    while path[-1] != source:
        path.append(int(previous[path[-1]]))
    return path[::-1]


def _row_distribution(sq_dist_row: np.ndarray, beta: float) -> tuple[np.ndarray, float]:
    """p_j proportional to exp(-beta d_j^2), and its entropy in bits."""
    logits = -beta * (sq_dist_row - sq_dist_row.min())  # (n-1,) shift for stability
    p = np.exp(logits)
    p /= p.sum()
    nonzero = p > 0
    return p, float(-np.sum(p[nonzero] * np.log2(p[nonzero])))


def calibrate_perplexity(distances, perplexity, *, tol=1e-5, max_iter=100):
    r"""Choose each point's Gaussian width so its neighbour distribution has a given perplexity.

    .. math:: p_{j \mid i} = \frac{\exp(-d_{ij}^2 / 2\sigma_i^2)}{\sum_{k \ne i}
              \exp(-d_{ik}^2 / 2\sigma_i^2)}, \qquad
              2^{H(P_i)} = \text{perplexity}, \quad H(P_i) = -\sum_j p_{j|i} \log_2 p_{j|i}

    Entropy grows with :math:`\sigma_i`, so each :math:`\sigma_i` is found by
    bisection on the precision :math:`\beta_i = 1 / 2\sigma_i^2`.  If m nearest
    neighbours tie, perplexities below m are out of reach and the row stops near m.

    Parameters
    ----------
    distances : array_like, shape (n, n)
        Symmetric Euclidean distances (not squared), zero diagonal.
    perplexity : float
        Effective number of neighbours, in (1, n - 1).
    tol : float
        Accepted error of the entropy, in bits.
    max_iter : int
        Bisection steps per point.

    Returns
    -------
    tuple of ndarray
        ``P`` (n, n), the conditional :math:`p_{j|i}` (rows sum to 1, zero diagonal),
        and ``sigmas`` (n,).

    Examples
    --------
    >>> P, sigmas = calibrate_perplexity([[0, 1, 2], [1, 0, 1], [2, 1, 0]], 1.5)
    >>> P.sum(axis=1).round(6).tolist()
    [1.0, 1.0, 1.0]
    """
    D = as_symmetric(distances, "distances", atol=1e-8)  # (n, n)
    n = len(D)
    perplexity = as_positive_float(perplexity, "perplexity")
    if not 1 < perplexity < n - 1 + 1e-12 or n < 3:
        raise ValueError(f"perplexity must lie in (1, n - 1) = (1, {n - 1}) for {n} points, "
                         f"got {perplexity!r}")
    tol, max_iter = as_positive_float(tol, "tol"), as_positive_int(max_iter, "max_iter")
    target = np.log2(perplexity)
    P, betas = np.zeros((n, n)), np.ones(n)  # (n, n), (n,)
    for i in range(n):
        others = np.arange(n) != i
        sq = D[i, others] ** 2  # (n-1,)
        low, high, beta = 0.0, np.inf, 1.0 / np.median(sq[sq > 0]) if np.any(sq > 0) else 1.0
        for _ in range(max_iter):
            p, entropy_bits = _row_distribution(sq, beta)
            if abs(entropy_bits - target) < tol:
                break
            if entropy_bits > target:  # too flat: sharpen
                low, beta = beta, beta * 2 if high == np.inf else (beta + high) / 2
            else:
                high, beta = beta, (beta + low) / 2
        P[i, others], betas[i] = p, beta
    return P, np.sqrt(1.0 / (2 * betas))


def _student_t_affinities(Y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Low-dimensional q_ij and the kernel (1 + |y_i - y_j|^2)^-1."""
    sq = np.sum((Y[:, None, :] - Y[None, :, :]) ** 2, axis=-1)  # (n, n)
    kernel = 1.0 / (1.0 + sq)  # (n, n)
    np.fill_diagonal(kernel, 0.0)
    return kernel / kernel.sum(), kernel


def tsne_objective(P, Y) -> tuple[float, np.ndarray]:
    r"""The t-SNE objective and its gradient.

    .. math:: C = D_{KL}(P \,\|\, Q) = \sum_{i \ne j} p_{ij} \log\frac{p_{ij}}{q_{ij}}, \quad
              q_{ij} = \frac{(1 + \lVert y_i - y_j \rVert^2)^{-1}}{\sum_{k \ne l}
              (1 + \lVert y_k - y_l \rVert^2)^{-1}}

    .. math:: \frac{\partial C}{\partial y_i} = 4 \sum_j (p_{ij} - q_{ij})
              \frac{y_i - y_j}{1 + \lVert y_i - y_j \rVert^2}

    Attraction where :math:`p_{ij} > q_{ij}` (neighbours drawn too far apart),
    repulsion where :math:`p_{ij} < q_{ij}`.

    Parameters
    ----------
    P : array_like, shape (n, n)
        Symmetric joint affinities summing to 1, zero diagonal.
    Y : array_like, shape (n, c)
        Embedding.

    Returns
    -------
    tuple
        ``(kl, gradient)``: a float and an (n, c) array.

    Examples
    --------
    >>> tsne_objective([[0, 0.5], [0.5, 0]], [[0.0], [1.0]])[0]
    0.0
    """
    P = as_symmetric(P, "P", atol=1e-8)  # (n, n)
    Y = as_matrix(Y, "Y")  # (n, c)
    if len(Y) != len(P):
        raise ValueError(f"Y must have one row per point ({len(P)}), got shape {Y.shape}")
    Q, kernel = _student_t_affinities(Y)  # (n, n) each
    mask = P > 0
    kl = float(np.sum(P[mask] * np.log(P[mask] / np.maximum(Q[mask], 1e-300))))
    weights = (P - Q) * kernel  # (n, n)
    gradient = 4 * (weights.sum(axis=1)[:, None] * Y - weights @ Y)  # (n, c)
    return kl, gradient


@dataclass(frozen=True)
class TSNEResult:
    """A t-SNE run with every iterate."""

    embedding: np.ndarray  # (n, c) final embedding
    history: np.ndarray  # (n_iter + 1, n, c) embedding before the first and after each step
    kl_history: np.ndarray  # (n_iter + 1,) KL(P || Q) of each iterate (without exaggeration)
    P: np.ndarray  # (n, n) symmetric joint affinities
    sigmas: np.ndarray  # (n,) calibrated Gaussian widths
    nonfinite_step: int | None = None  # first step whose embedding overflowed (lr far too large), or None


def tsne(X, n_components=2, *, perplexity=30.0, n_iter=300, lr=10.0, rng,
         early_exaggeration=4.0, exaggeration_iters=50) -> TSNEResult:
    r"""t-SNE from scratch: match Gaussian neighbour probabilities with Student-t ones.

    .. math:: p_{ij} = \frac{p_{j|i} + p_{i|j}}{2n}, \qquad
              Y \leftarrow Y - \eta\, \nabla_Y D_{KL}(P \,\|\, Q) + \text{momentum}

    The first ``exaggeration_iters`` steps multiply P by ``early_exaggeration``
    to form well-separated clusters early; momentum rises from 0.5 to 0.8 after them.

    Parameters
    ----------
    X : array_like, shape (n, d)
        High-dimensional points.
    n_components : int
        Embedding dimension.
    perplexity : float
        Effective number of neighbours, less than n - 1.
    n_iter : int
        Gradient steps.
    lr : float
        Learning rate :math:`\eta`; the default suits about 100 points (P's
        entries, and so the gradient, shrink like 1/n).
    rng : numpy Generator or int seed
        For the initial embedding, N(0, 1e-4 I).
    early_exaggeration : float
    exaggeration_iters : int

    Returns
    -------
    TSNEResult
        ``embedding`` (n, c), ``history`` (n_iter + 1, n, c), ``kl_history`` (n_iter + 1,).

    Warns
    -----
    DivergenceWarning
        If the embedding becomes non-finite (a far too large ``lr``): the run stops
        there, ``nonfinite_step`` records the step and the later history is NaN.

    Examples
    --------
    >>> tsne(np.eye(6), perplexity=2.0, n_iter=10, rng=0).history.shape
    (11, 6, 2)
    """
    D = pairwise_distances(X)  # (n, n)
    n_components = as_positive_int(n_components, "n_components")
    n_iter = as_count(n_iter, "n_iter", bytes_each=8 * (len(D) * n_components + 1),
                      what=f"the history of ({len(D)}, {n_components}) embeddings")
    lr = as_positive_float(lr, "lr")
    exaggeration = as_positive_float(early_exaggeration, "early_exaggeration")
    if isinstance(exaggeration_iters, bool) or not isinstance(exaggeration_iters, (int, np.integer)) \
            or exaggeration_iters < 0:
        raise ValueError(f"exaggeration_iters must be a non-negative integer, got {exaggeration_iters!r}")
    conditional, sigmas = calibrate_perplexity(D, perplexity)
    P = (conditional + conditional.T) / (2 * len(D))  # (n, n)
    Y = 1e-2 * as_rng(rng).standard_normal((len(D), n_components))  # (n, c)
    velocity = np.zeros_like(Y)
    history, kls = np.full((n_iter + 1,) + Y.shape, np.nan), np.full(n_iter + 1, np.nan)
    history[0], kls[0], stopped = Y, tsne_objective(P, Y)[0], None
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for step in range(1, n_iter + 1):
            early = step <= exaggeration_iters
            _, gradient = tsne_objective(P * exaggeration if early else P, Y)
            velocity = (0.5 if early else 0.8) * velocity - lr * gradient
            if not np.all(np.isfinite(Y + velocity)):
                stopped = step
                break
            Y = history[step] = Y + velocity
            kls[step] = tsne_objective(P, Y)[0]
    if stopped is not None:
        warnings.warn(f"tsne: the embedding became non-finite at step {stopped} of {n_iter}: it had "
                      f"grown to max |y| = {np.max(np.abs(Y)):.3g}, so the run diverged. Try a smaller lr "
                      f"(got {lr:g}; the default 10.0 suits about 100 points). history[{stopped}:] "
                      f"is NaN; the result's nonfinite_step is {stopped}.", DivergenceWarning, stacklevel=2)
    return TSNEResult(history[-1], history, kls, P, sigmas, stopped)


class FuzzyGraph(NamedTuple):
    """UMAP's fuzzy neighbour graph: symmetric edge weights and each point's scale."""

    weights: np.ndarray  # (n, n) membership strengths in [0, 1], symmetric, zero diagonal
    rhos: np.ndarray  # (n,) distance to the nearest neighbour
    sigmas: np.ndarray  # (n,) each point's length scale


def fuzzy_graph(X, k, *, tol=1e-6, max_iter=100) -> FuzzyGraph:
    r"""UMAP's first half: a weighted k-nearest-neighbour graph, each point at its own scale.

    .. math:: w_{j|i} = \exp\!\Big(-\frac{d_{ij} - \rho_i}{\sigma_i}\Big)
              \ \ (j \in kNN(i)), \qquad \sum_{j \in kNN(i)} w_{j|i} = \log_2 k,
              \qquad w_{ij} = w_{j|i} + w_{i|j} - w_{j|i}\, w_{i|j}

    :math:`\rho_i` is the distance to the nearest neighbour, so every point is
    fully connected to at least one other; :math:`\sigma_i` (found by bisection)
    stretches each neighbourhood to the same total weight, so dense and sparse
    regions count alike; the last step is a fuzzy "or" that makes the graph symmetric.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Points.
    k : int
        Neighbours per point, 2 <= k < n.
    tol : float
        Accepted error of the row sum.
    max_iter : int
        Bisection steps per point.

    Returns
    -------
    FuzzyGraph
        ``weights`` (n, n), ``rhos`` (n,) and ``sigmas`` (n,).

    Examples
    --------
    >>> g = fuzzy_graph([[0.0], [1.0], [3.0], [4.5]], 2)
    >>> bool(np.allclose(g.weights, g.weights.T)), float(g.weights.max())
    (True, 1.0)
    """
    D = pairwise_distances(X)  # (n, n)
    n = len(D)
    k = as_positive_int(k, "k")
    if not 2 <= k < n:
        raise ValueError(f"k must satisfy 2 <= k < n = {n}, got {k}")
    tol, max_iter = as_positive_float(tol, "tol"), as_positive_int(max_iter, "max_iter")
    np.fill_diagonal(D, np.inf)
    neighbours = np.argsort(D, axis=1, kind="stable")[:, :k]  # (n, k)
    near = np.take_along_axis(D, neighbours, axis=1)  # (n, k) ascending
    rhos = near[:, 0]  # (n,)
    target = np.log2(k)
    sigmas = np.ones(n)  # (n,)
    for i in range(n):
        gaps = near[i] - rhos[i]  # (k,) >= 0
        low, high = 0.0, np.inf
        sigma = 1.0
        for _ in range(max_iter):
            total = np.exp(-gaps / sigma).sum()
            if abs(total - target) < tol:
                break
            if total > target:  # too wide: shrink
                high, sigma = sigma, (low + sigma) / 2
            else:
                low, sigma = sigma, sigma * 2 if high == np.inf else (sigma + high) / 2
        sigmas[i] = sigma
    directed = np.zeros((n, n))  # (n, n) w_{j|i} in row i
    rows = np.arange(n)[:, None]
    directed[rows, neighbours] = np.exp(-(near - rhos[:, None]) / sigmas[:, None])
    weights = directed + directed.T - directed * directed.T
    return FuzzyGraph(weights, rhos, sigmas)
