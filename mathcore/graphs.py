"""Graphs and spectral methods for lesson 15: the Laplacian, its eigenvectors,
spectral clustering (with k-means from scratch), GNN message passing and the
GCN's symmetric normalisation.

A weighted undirected graph on n nodes is its symmetric, non-negative weight
matrix ``W`` (n, n); ``W[i, j] = 0`` means no edge.  Eigenvectors come from
``numpy.linalg.eigh``: the lesson is about what they mean, not how to find them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from mathcore._validate import (
    as_matrix, as_positive_float, as_positive_int, as_rng, as_square, as_symmetric,
)

__all__ = [
    "rbf_affinity", "laplacian", "fiedler_vector", "spectral_embedding", "KMeansResult",
    "kmeans", "spectral_clustering", "gcn_propagation", "message_passing", "message_passing_loop",
]


def _as_weights(W, name: str = "W") -> np.ndarray:
    W = as_symmetric(W, name)  # (n, n)
    if np.any(W < 0):
        raise ValueError(f"{name} must have non-negative weights, got min {W.min():.6g}")
    return W


def rbf_affinity(X, sigma) -> np.ndarray:
    r"""A fully connected similarity graph on points with a Gaussian kernel.

    .. math:: W_{ij} = \exp\!\Big(-\frac{\lVert x_i - x_j \rVert^2}{2\sigma^2}\Big),
              \quad W_{ii} = 0

    Parameters
    ----------
    X : array_like, shape (n, d)
        Points, one per row.
    sigma : float
        Kernel width: points much further apart than ``sigma`` are barely linked.

    Returns
    -------
    ndarray, shape (n, n)
        Symmetric weights in (0, 1], zero diagonal.

    Examples
    --------
    >>> rbf_affinity([[0.0], [1.0]], 1.0).round(4).tolist()
    [[0.0, 0.6065], [0.6065, 0.0]]
    """
    X = as_matrix(X, "X")  # (n, d)
    sigma = as_positive_float(sigma, "sigma")
    sq_dist = np.sum((X[:, None, :] - X[None, :, :]) ** 2, axis=-1)  # (n, n)
    W = np.exp(-sq_dist / (2 * sigma**2))  # (n, n)
    np.fill_diagonal(W, 0.0)
    return W


def laplacian(W, normalized=False) -> np.ndarray:
    r"""The graph Laplacian, plain or symmetric-normalised.

    .. math:: L = D - W, \qquad
              L_{sym} = D^{-1/2} L D^{-1/2} = I - D^{-1/2} W D^{-1/2},
              \qquad D = \mathrm{diag}\Big(\sum_j W_{ij}\Big)

    :math:`x^\top L x = \tfrac12 \sum_{ij} W_{ij} (x_i - x_j)^2 \ge 0`: smooth
    signals on the graph have small energy.  Self-loops (the diagonal of ``W``)
    do not change ``L``; in ``L_sym`` they are ignored, and an isolated node gets a
    zero row (:math:`0^{-1/2} := 0`), as in ``scipy.sparse.csgraph.laplacian``.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Symmetric non-negative weights.
    normalized : bool
        Return ``L_sym`` instead of ``L``.

    Returns
    -------
    ndarray, shape (n, n)
        Symmetric positive semi-definite; the rows of ``L`` sum to 0.

    Examples
    --------
    >>> laplacian([[0.0, 1.0], [1.0, 0.0]]).tolist()
    [[1.0, -1.0], [-1.0, 1.0]]
    """
    W = _as_weights(W).copy()  # (n, n)
    np.fill_diagonal(W, 0.0)
    degree = W.sum(axis=1)  # (n,)
    L = np.diag(degree) - W  # (n, n)
    if not normalized:
        return L
    inv_sqrt = np.where(degree > 0, 1.0 / np.sqrt(np.where(degree > 0, degree, 1.0)), 0.0)  # (n,)
    return inv_sqrt[:, None] * L * inv_sqrt[None, :]


def _fix_signs(vectors: np.ndarray) -> np.ndarray:
    """Flip each column so its largest-magnitude entry is positive (eigh's sign is arbitrary)."""
    rows = np.argmax(np.abs(vectors), axis=0)  # (k,)
    return vectors * np.sign(vectors[rows, np.arange(vectors.shape[1])])


def _smallest_eigenvectors(L: np.ndarray, k: int) -> np.ndarray:
    _, vectors = np.linalg.eigh(L)  # eigenvalues ascending, vectors as columns
    return _fix_signs(vectors[:, :k])  # (n, k)


def fiedler_vector(W) -> np.ndarray:
    r"""The eigenvector of the second-smallest eigenvalue of ``L = D - W``.

    .. math:: v_2 = \arg\min_{x \perp \mathbf 1,\ \lVert x \rVert = 1} x^\top L x

    Its signs split the graph along a sparse cut; its eigenvalue (the algebraic
    connectivity) is positive exactly when the graph is connected.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Symmetric non-negative weights, n >= 2.

    Returns
    -------
    ndarray, shape (n,)
        Unit vector, sign fixed so that its largest-magnitude entry is positive.

    Examples
    --------
    >>> fiedler_vector([[0, 1, 0], [1, 0, 1], [0, 1, 0]])[[0, 2]].round(4).tolist()
    [0.7071, -0.7071]
    """
    L = laplacian(W)  # (n, n)
    if len(L) < 2:
        raise ValueError(f"W must have at least 2 nodes for a Fiedler vector, got shape {L.shape}")
    return _smallest_eigenvectors(L, 2)[:, 1]


def _as_k(k, n: int) -> int:
    k = as_positive_int(k, "k")
    if k > n:
        raise ValueError(f"k must be at most the number of nodes {n}, got {k}")
    return k


def spectral_embedding(W, k) -> np.ndarray:
    r"""Embed each node as a row of the first ``k`` eigenvectors of ``L_sym`` (Ng-Jordan-Weiss).

    .. math:: U = [u_1, \dots, u_k] \in \mathbb R^{n \times k}, \quad
              L_{sym} u_j = \lambda_j u_j,\ \lambda_1 \le \dots \le \lambda_k, \quad
              y_i = U_{i,:} / \lVert U_{i,:} \rVert

    Parameters
    ----------
    W : array_like, shape (n, n)
        Symmetric non-negative weights.
    k : int
        Embedding dimension (the number of clusters).

    Returns
    -------
    ndarray, shape (n, k)
        Unit rows; nodes in the same well-separated cluster land on the same point.

    Examples
    --------
    >>> spectral_embedding([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]], 2).shape
    (4, 2)
    """
    L = laplacian(W, normalized=True)  # (n, n)
    U = _smallest_eigenvectors(L, _as_k(k, len(L)))  # (n, k)
    norms = np.linalg.norm(U, axis=1, keepdims=True)  # (n, 1)
    return U / np.where(norms > 0, norms, 1.0)


@dataclass(frozen=True)
class KMeansResult:
    """Lloyd's k-means run, every iterate kept."""

    labels: np.ndarray  # (n,) int cluster of each point
    centroids: np.ndarray  # (k, d) final centres
    centroid_history: np.ndarray  # (n_iter + 1, k, d) starting centres, then after each update
    inertia_history: np.ndarray  # (n_iter + 1,) sum of squared distances to the assigned centre
    n_iter: int

    @property
    def inertia(self) -> float:
        return float(self.inertia_history[-1])


def _sq_distances(X: np.ndarray, C: np.ndarray) -> np.ndarray:
    return np.sum((X[:, None, :] - C[None, :, :]) ** 2, axis=-1)  # (n, k)


def _kmeans_plus_plus(X: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Spread the first centres out: each new one drawn with probability ~ D(x)^2."""
    centres = [X[rng.integers(len(X))]]
    for _ in range(1, k):
        d2 = _sq_distances(X, np.array(centres)).min(axis=1)  # (n,)
        p = d2 / d2.sum() if d2.sum() > 0 else np.full(len(X), 1.0 / len(X))
        centres.append(X[rng.choice(len(X), p=p)])
    return np.array(centres)  # (k, d)


def kmeans(X, k, *, rng, max_iter=100) -> KMeansResult:
    r"""Lloyd's algorithm with k-means++ initialisation.

    .. math:: \min_{c_1..c_k}\ \sum_i \min_j \lVert x_i - c_j \rVert^2: \quad
              \text{assign } z_i = \arg\min_j \lVert x_i - c_j \rVert, \ \
              \text{update } c_j = \mathrm{mean}\{x_i : z_i = j\}

    Parameters
    ----------
    X : array_like, shape (n, d)
        Points.
    k : int
        Number of clusters, at most n.
    rng : numpy Generator or int seed
    max_iter : int
        Stop after this many updates if the labels still change.

    Returns
    -------
    KMeansResult
        Labels (n,), centroids (k, d) and the centroid and inertia history.

    Examples
    --------
    >>> kmeans([[0.0], [0.1], [5.0], [5.1]], 2, rng=0).inertia < 0.02
    True
    """
    X = as_matrix(X, "X")  # (n, d)
    k = _as_k(k, len(X))
    max_iter = as_positive_int(max_iter, "max_iter")
    C = _kmeans_plus_plus(X, k, as_rng(rng))  # (k, d)
    labels = _sq_distances(X, C).argmin(axis=1)  # (n,)
    centroids, inertias = [C], [_sq_distances(X, C).min(axis=1).sum()]
    for _ in range(max_iter):
        C = np.array([X[labels == j].mean(axis=0) if np.any(labels == j) else C[j]
                      for j in range(k)])  # (k, d); an empty cluster keeps its centre
        d2 = _sq_distances(X, C)  # (n, k)
        new_labels = d2.argmin(axis=1)
        centroids.append(C)
        inertias.append(d2.min(axis=1).sum())
        if np.array_equal(new_labels, labels):
            break
        labels = new_labels
    return KMeansResult(labels, C, np.array(centroids), np.array(inertias), len(centroids) - 1)


def _first_appearance_order(labels: np.ndarray) -> np.ndarray:
    """Relabel so that clusters are numbered in the order their first node appears."""
    _, first = np.unique(labels, return_index=True)
    order = labels[np.sort(first)]  # old labels by first appearance
    mapping = np.empty(labels.max() + 1, dtype=int)
    mapping[order] = np.arange(len(order))
    return mapping[labels]


def spectral_clustering(W, k, *, rng, n_init=10) -> np.ndarray:
    r"""Cluster a graph's nodes: k-means on the spectral embedding of ``L_sym``.

    .. math:: \text{labels} = \mathrm{kmeans}\big(\text{rows of } U / \lVert\cdot\rVert\big),
              \quad U = \text{first } k \text{ eigenvectors of } L_{sym}

    A relaxation of the normalised cut: for ``k = 2`` it cuts along the sign
    pattern of the Fiedler vector.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Symmetric non-negative weights.
    k : int
        Number of clusters.
    rng : numpy Generator or int seed
    n_init : int
        k-means restarts; the one with the lowest inertia wins.

    Returns
    -------
    ndarray of int, shape (n,)
        Labels 0..k-1, numbered in the order clusters first appear (node 0 has label 0).

    Examples
    --------
    >>> spectral_clustering([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]], 2, rng=0).tolist()
    [0, 0, 1, 1]
    """
    embedding = spectral_embedding(W, k)  # (n, k)
    rng = as_rng(rng)
    runs = [kmeans(embedding, k, rng=rng) for _ in range(as_positive_int(n_init, "n_init"))]
    return _first_appearance_order(min(runs, key=lambda r: r.inertia).labels)


def gcn_propagation(A) -> np.ndarray:
    r"""The graph convolutional network's propagation matrix (Kipf and Welling).

    .. math:: \hat A = \tilde D^{-1/2} (A + I) \tilde D^{-1/2}
              = I - \tilde D^{-1/2} L \tilde D^{-1/2}, \qquad
              \tilde D = \mathrm{diag}\Big(1 + \sum_j A_{ij}\Big)

    Every node gets a self-loop, then each weight is divided by the square roots
    of both ends' degrees.  ``I - \hat A`` is the normalised Laplacian of the graph
    with self-loops, whose eigenvalues lie in [0, 2): one layer multiplies a
    signal's component along its eigenvector of eigenvalue :math:`\tilde\lambda`
    by :math:`1 - \tilde\lambda`, so smooth components pass and rough ones shrink.

    Parameters
    ----------
    A : array_like, shape (n, n)
        Symmetric non-negative edge weights with a zero diagonal.

    Returns
    -------
    ndarray, shape (n, n)
        Symmetric, eigenvalues in (-1, 1]; the square roots of the degrees of A + I
        form its eigenvector of eigenvalue 1.

    Examples
    --------
    >>> gcn_propagation([[0.0, 1.0], [1.0, 0.0]]).round(4).tolist()
    [[0.5, 0.5], [0.5, 0.5]]
    """
    A = _as_weights(A, "A")  # (n, n)
    if np.any(np.diag(A) != 0):
        raise ValueError("A must have a zero diagonal (gcn_propagation adds the self-loops), "
                         f"got diagonal {np.diag(A).tolist()}")
    A_tilde = A + np.eye(len(A))  # (n, n) with self-loops
    inv_sqrt = 1.0 / np.sqrt(A_tilde.sum(axis=1))  # (n,) every degree >= 1
    return inv_sqrt[:, None] * A_tilde * inv_sqrt[None, :]


def _check_layer(A, H, W) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    A = as_square(A, "A")  # (n, n)
    if np.any(A < 0):
        raise ValueError(f"A must have non-negative edge weights, got min {A.min():.6g}")
    H = as_matrix(H, "H")  # (n, d_in)
    W = as_matrix(W, "W")  # (d_in, d_out)
    if H.shape[0] != A.shape[0]:
        raise ValueError(f"H must have one row per node ({A.shape[0]}), got shape {H.shape}")
    if W.shape[0] != H.shape[1]:
        raise ValueError(f"W must have {H.shape[1]} rows to match H's features, got shape {W.shape}")
    return A, H, W


_AGGREGATIONS = ("mean", "sum")


def _check_aggregation(aggregation: str) -> None:
    if aggregation not in _AGGREGATIONS:
        raise ValueError(f"aggregation must be one of {_AGGREGATIONS}, got {aggregation!r}")


def _identity(x: np.ndarray) -> np.ndarray:
    return x


def message_passing(A, H, W, *, aggregation="mean", self_loops=True,
                    activation: Callable | None = None) -> np.ndarray:
    r"""One graph-neural-network layer in matrix form.

    .. math:: H' = \sigma\big(\hat D^{-1} \hat A H W\big) \ \ (\text{mean}), \qquad
              H' = \sigma\big(\hat A H W\big) \ \ (\text{sum}), \qquad
              \hat A = A + I \text{ with self-loops}

    Every node averages (or adds) its neighbours' feature vectors, weighted by
    the edge weights, then all nodes share one linear map ``W``.
    :func:`message_passing_loop` computes the same thing node by node.

    Parameters
    ----------
    A : array_like, shape (n, n)
        Non-negative adjacency; ``A[i, j]`` weighs the message from j to i.
    H : array_like, shape (n, d_in)
        Node features.
    W : array_like, shape (d_in, d_out)
        Shared weight matrix.
    aggregation : {"mean", "sum"}
    self_loops : bool
        Let each node also receive its own features.
    activation : callable, optional
        Elementwise nonlinearity :math:`\sigma` (identity if None).

    Returns
    -------
    ndarray, shape (n, d_out)
        A node with no incoming edges aggregates to zeros.

    Examples
    --------
    >>> message_passing([[0, 1], [1, 0]], [[1.0], [3.0]], [[1.0]]).tolist()
    [[2.0], [2.0]]
    """
    A, H, W = _check_layer(A, H, W)
    _check_aggregation(aggregation)
    A_hat = A + np.eye(len(A)) if self_loops else A  # (n, n)
    if aggregation == "mean":
        degree = A_hat.sum(axis=1, keepdims=True)  # (n, 1)
        A_hat = A_hat / np.where(degree > 0, degree, 1.0)
    return (activation or _identity)(A_hat @ H @ W)  # (n, d_out)


def message_passing_loop(A, H, W, *, aggregation="mean", self_loops=True,
                         activation: Callable | None = None) -> np.ndarray:
    r"""The GNN layer of :func:`message_passing`, written as the loop it stands for.

    .. math:: h_i' = \sigma\Big(\Big(\bigoplus_{j \in N(i)} A_{ij}\, h_j\Big) W\Big),
              \quad \bigoplus = \text{sum, or sum divided by } \textstyle\sum_j A_{ij}

    Parameters
    ----------
    A, H, W, aggregation, self_loops, activation
        As in :func:`message_passing`.

    Returns
    -------
    ndarray, shape (n, d_out)

    Examples
    --------
    >>> message_passing_loop([[0, 1], [1, 0]], [[1.0], [3.0]], [[1.0]]).tolist()
    [[2.0], [2.0]]
    """
    A, H, W = _check_layer(A, H, W)
    _check_aggregation(aggregation)
    out = np.zeros((len(A), W.shape[1]))  # (n, d_out)
    for i in range(len(A)):
        message, total_weight = np.zeros(H.shape[1]), 0.0  # (d_in,)
        for j in range(len(A)):
            weight = A[i, j] + (1.0 if self_loops and i == j else 0.0)
            if weight > 0:  # j sends its features to i
                message += weight * H[j]
                total_weight += weight
        if aggregation == "mean" and total_weight > 0:
            message /= total_weight
        out[i] = message @ W
    return (activation or _identity)(out)
