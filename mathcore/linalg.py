"""Matrix products and decompositions from scratch (lessons 01 and 02; LoRA in
lessons 02 and 17).

The matrix product as row-by-column sums (lesson 01), power iteration, symmetric eigendecomposition (cyclic Jacobi), QR
(Householder), LU (partial pivoting), SVD (QR-preconditioned one-sided
Jacobi), PCA, the best low-rank approximation and LoRA's low-rank update.
Only NumPy array arithmetic is used; ``np.linalg`` serves nothing but norms.

Sign conventions (eigenvectors and singular vectors are only defined up to
sign, so a scene needs one fixed choice):

* eigenvectors (``power_iteration``, ``eigh``) and right singular vectors
  (rows of ``Vt`` in ``svd``, PCA components): the entry of largest absolute
  value is positive (the first such entry on ties), as scikit-learn's PCA;
* ``qr``: the diagonal of ``R`` is non-negative.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validate import (
    as_matrix, as_positive_float, as_positive_int, as_rng, as_square, as_symmetric, as_vector,
)

__all__ = [
    "matmul", "PowerIterationResult", "power_iteration", "eigh", "qr", "lu", "determinant",
    "solve_triangular", "solve", "inverse", "svd",
    "PCAResult", "pca", "low_rank_approx", "LoRAUpdate", "lora_update",
]

_EPS = np.finfo(np.float64).eps
_MAX_SWEEPS = 100  # Jacobi methods converge quadratically; ~10 sweeps is typical


def _sign_by_largest_entry(vectors: np.ndarray) -> np.ndarray:
    """+1/-1 per row of ``vectors`` (k, n) making its largest-|entry| positive."""
    rows = np.arange(vectors.shape[0])
    largest = vectors[rows, np.argmax(np.abs(vectors), axis=1)]  # (k,)
    return np.where(largest < 0, -1.0, 1.0)


def _magnitude(A: np.ndarray) -> float:
    """max |a_ij|, or 1 for the zero matrix: a scale to divide by."""
    return float(np.max(np.abs(A))) or 1.0


def _power_of_two_scale(A: np.ndarray) -> float:
    """2^e with max |a_ij| / 2^e in [1, 2) (1 for the zero matrix).

    Dividing by a power of two is exact, so an algorithm run on ``A / scale``
    gives the same digits as on ``A`` while no sum of products can overflow.
    (2^e rather than 2^(e+1), which is inf for entries near 1e308.)
    """
    _, exponent = np.frexp(np.max(np.abs(A)))  # max |a_ij| = mantissa * 2^exponent, mantissa in [1/2, 1)
    return float(np.ldexp(1.0, int(exponent) - 1)) if np.any(A) else 1.0


def _unscale(values: np.ndarray, scale: float, what: str) -> np.ndarray:
    """``values * scale``, refused with a ValueError if the product overflows float64."""
    with np.errstate(over="ignore"):
        out = values * scale
    if not np.all(np.isfinite(out)):
        exponent = np.log10(np.max(np.abs(values))) + np.log10(scale)
        raise ValueError(f"A is too large: {what} would reach about 1e{exponent:.1f}, beyond float64's "
                         f"largest {np.finfo(np.float64).max:.3g}; divide A by a power of 10 and "
                         f"multiply {what} by it")
    return out


# --------------------------------------------------------------------------- power iteration

@dataclass(frozen=True)
class PowerIterationResult:
    """The whole run of :func:`power_iteration`, ready to animate.

    Attributes
    ----------
    eigenvalue : float
        Rayleigh quotient :math:`v^T A v` of the last iterate.
    eigenvector : ndarray, shape (n,)
        Last iterate, unit length, sign fixed so its largest-|entry| is positive.
    iterates : ndarray, shape (k+1, n)
        Every normalised iterate, the start vector first (signs as computed,
        so a negative eigenvalue shows as a flipping arrow).
    eigenvalues : ndarray, shape (k+1,)
        Rayleigh-quotient estimate at each iterate.
    converged : bool
        Whether :math:`\\|Av - \\lambda v\\| \\le tol \\cdot \\max(1, |\\lambda|)` was reached.
    n_iter : int
        Number of multiplications by ``A`` performed (k).
    """

    eigenvalue: float
    eigenvector: np.ndarray
    iterates: np.ndarray
    eigenvalues: np.ndarray
    converged: bool
    n_iter: int


def _eigen_residual(A: np.ndarray, v: np.ndarray, lam: float) -> float:
    return float(np.linalg.norm(A @ v - lam * v))


def power_iteration(A, v0=None, *, tol=1e-10, max_iter=1000, rng=None) -> PowerIterationResult:
    """Dominant eigenpair of ``A`` by repeated multiplication.

    .. math::

        v_{k+1} = \\frac{A v_k}{\\|A v_k\\|}, \\qquad
        \\lambda_k = v_k^T A v_k \\quad (\\|v_k\\| = 1)

    Stops once the eigen-residual :math:`\\|A v_k - \\lambda_k v_k\\| \\le
    tol \\cdot \\max(1, |\\lambda_k|)`; the residual ignores the sign of
    :math:`v_k`, so a negative dominant eigenvalue (whose iterates flip sign)
    still converges. The iterates converge like :math:`|\\lambda_2/\\lambda_1|^k`.

    When no single eigenvalue dominates in magnitude (e.g. ``diag(1, -1)``,
    or a rotation whose eigenvalues are complex) the iterates never settle:
    the result then has ``converged=False`` after ``max_iter`` steps and its
    ``eigenvalue``/``eigenvector`` are only the last estimate, not an eigenpair.
    A start vector orthogonal to the dominant eigenvector may converge to
    another eigenpair; a random start (the default) avoids this with
    probability one.

    Parameters
    ----------
    A : array_like, shape (n, n)
        Finite square matrix.
    v0 : array_like, shape (n,), optional
        Non-zero start vector; drawn from a standard normal with ``rng`` if None.
    tol : float
        Relative tolerance on the eigen-residual, > 0.
    max_iter : int
        Maximum number of multiplications by ``A``, >= 1.
    rng : numpy.random.Generator or int or None
        Source of the random start vector (used only when ``v0`` is None).

    Returns
    -------
    PowerIterationResult

    Examples
    --------
    >>> round(power_iteration([[2.0, 1.0], [1.0, 2.0]], rng=0).eigenvalue, 8)
    3.0
    """
    A = as_square(A, "A")  # (n, n)
    tol = as_positive_float(tol, "tol")
    max_iter = as_positive_int(max_iter, "max_iter")
    v = _start_vector(v0, A.shape[0], rng)  # (n,)
    scale = _power_of_two_scale(A)  # iterate with A / scale: A v cannot overflow, same digits
    A = A / scale
    iterates, estimates = [v], [float(v @ A @ v)]
    converged = _eigen_residual(A, v, estimates[-1]) <= tol * max(1.0 / scale, abs(estimates[-1]))
    while not converged and len(iterates) <= max_iter:
        w = A @ v  # (n,)  w = 0 only if v is an eigenvector for 0, caught above
        v = w / np.linalg.norm(w)
        lam = float(v @ A @ v)
        iterates.append(v)
        estimates.append(lam)
        converged = _eigen_residual(A, v, lam) <= tol * max(1.0 / scale, abs(lam))
    sign = _sign_by_largest_entry(v[None, :])[0]
    estimates = _unscale(np.array(estimates), scale, "its eigenvalue estimates")
    return PowerIterationResult(
        eigenvalue=float(estimates[-1]), eigenvector=sign * v, iterates=np.array(iterates),
        eigenvalues=estimates, converged=bool(converged), n_iter=len(iterates) - 1,
    )


def _start_vector(v0, n: int, rng) -> np.ndarray:
    """Unit start vector (n,): ``v0`` normalised, or a standard-normal draw."""
    if v0 is None:
        v = as_rng(rng).standard_normal(n)
    else:
        v = as_vector(v0, "v0")
        if v.shape != (n,):
            raise ValueError(f"v0 must have shape ({n},) to match A, got shape {v.shape}")
    norm = np.linalg.norm(v)
    if norm == 0:
        raise ValueError("v0 must be a non-zero vector, got all zeros")
    return v / norm


# --------------------------------------------------------------------------- symmetric eigen

def _jacobi_rotation(a_pp: float, a_qq: float, a_pq: float) -> np.ndarray:
    """J = [[c, s], [-s, c]] (2, 2) making J^T [[a_pp, a_pq], [a_pq, a_qq]] J diagonal."""
    theta = (a_qq - a_pp) / (2.0 * a_pq)  # cot(2 angle)
    t = (1.0 if theta >= 0 else -1.0) / (abs(theta) + np.hypot(1.0, theta))  # tan(angle), |t| <= 1
    c = 1.0 / np.sqrt(1.0 + t * t)
    return np.array([[c, t * c], [-t * c, c]])


def _negligible(a_pq: float, a_pp: float, a_qq: float, floor: float) -> bool:
    """Whether a_pq is rounding noise: <= eps sqrt(|a_pp a_qq|) (Demmel–Veselić) or <= floor."""
    return abs(a_pq) <= max(_EPS * np.sqrt(abs(a_pp)) * np.sqrt(abs(a_qq)), floor)


def eigh(A) -> tuple[np.ndarray, np.ndarray]:
    """Eigendecomposition of a symmetric matrix by cyclic Jacobi rotations.

    .. math::

        A = V \\Lambda V^T, \\qquad A \\leftarrow J_{pq}^T A J_{pq}
        \\text{ zeroes } a_{pq} \\text{ for every pair } p < q \\text{ (one sweep)}

    Sweeps repeat until every :math:`|a_{pq}| \\le \\varepsilon \\max(\\sqrt{|a_{pp} a_{qq}|}, \\|A\\|_F)`;
    :math:`V` is the product of all rotations.

    Parameters
    ----------
    A : array_like, shape (n, n)
        Finite symmetric matrix.

    Returns
    -------
    eigenvalues : ndarray, shape (n,)
        In descending order.
    eigenvectors : ndarray, shape (n, n)
        Orthonormal columns, ``eigenvectors[:, i]`` for ``eigenvalues[i]``;
        each column's largest-|entry| is positive.

    Examples
    --------
    >>> eigh([[2.0, 1.0], [1.0, 2.0]])[0].round(12).tolist()
    [3.0, 1.0]
    """
    A = as_symmetric(A, "A")
    size = _magnitude(A)
    D = A / size  # (n, n) entries in [-1, 1]: no overflow, even for entries near 1e308
    D = (D + D.T) / 2.0  # exactly symmetric
    n = D.shape[0]
    V = np.eye(n)  # (n, n) accumulated rotations
    floor = _EPS * np.linalg.norm(D)  # entries this small change no eigenvalue beyond rounding
    for _ in range(_MAX_SWEEPS):
        rotated = False
        for p in range(n - 1):
            for q in range(p + 1, n):
                if not _negligible(D[p, q], D[p, p], D[q, q], floor):
                    _rotate_symmetric(D, V, p, q)
                    rotated = True
        if not rotated:
            break
    else:
        raise RuntimeError(f"Jacobi eigenvalue iteration did not converge in {_MAX_SWEEPS} sweeps")
    order = np.argsort(-np.diag(D), kind="stable")
    eigenvalues, eigenvectors = _unscale(np.diag(D)[order], size, "its eigenvalues"), V[:, order]
    return eigenvalues, eigenvectors * _sign_by_largest_entry(eigenvectors.T)


def _rotate_symmetric(D: np.ndarray, V: np.ndarray, p: int, q: int) -> None:
    """In place: D <- J^T D J, V <- V J for the rotation zeroing D[p, q]."""
    J = _jacobi_rotation(D[p, p], D[q, q], D[p, q])  # (2, 2)
    pq = [p, q]
    D[:, pq] = D[:, pq] @ J
    D[pq, :] = J.T @ D[pq, :]
    D[p, q] = D[q, p] = 0.0  # exactly zero in exact arithmetic
    V[:, pq] = V[:, pq] @ J


# --------------------------------------------------------------------------- QR and LU

def qr(A) -> tuple[np.ndarray, np.ndarray]:
    """Reduced QR factorisation by Householder reflections.

    .. math::

        A = QR, \\qquad H_k = I - 2 u_k u_k^T \\text{ zeroes column } k
        \\text{ below the diagonal}, \\qquad Q = H_1 H_2 \\cdots H_n

    Sign convention: the diagonal of ``R`` is non-negative (columns of ``Q``
    and rows of ``R`` are flipped together), which makes the factorisation
    unique for full column rank.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Finite matrix with m >= n (rank-deficient allowed).

    Returns
    -------
    Q : ndarray, shape (m, n)
        Orthonormal columns.
    R : ndarray, shape (n, n)
        Upper triangular, non-negative diagonal.

    Examples
    --------
    >>> qr([[3.0, 1.0], [4.0, 2.0]])[1].round(12).tolist()
    [[5.0, 2.2], [0.0, 0.4]]
    """
    A = as_matrix(A, "A")
    m, n = A.shape
    if m < n:
        raise ValueError(f"A must have at least as many rows as columns (m >= n), got shape {A.shape}")
    scale = _power_of_two_scale(A)  # reflect A / scale: no overflow, same digits
    R = A / scale  # (m, n), becomes upper triangular
    reflectors = []
    for k in range(n):
        u = _householder_vector(R[k:, k])  # (m-k,)
        R[k:, k:] -= 2.0 * np.outer(u, u @ R[k:, k:])
        reflectors.append(u)
    Q = np.eye(m, n)  # (m, n) = H_1 ... H_n applied to the first n columns of I
    for k in reversed(range(n)):
        u = reflectors[k]
        Q[k:, :] -= 2.0 * np.outer(u, u @ Q[k:, :])
    signs = np.where(np.diag(R) < 0, -1.0, 1.0)  # (n,)
    return Q * signs, _unscale(np.triu(signs[:, None] * R[:n, :]), scale, "R")


def _householder_vector(x: np.ndarray) -> np.ndarray:
    """Unit u with (I - 2uu^T) x = -sign(x_0) ||x|| e_1 (zero vector if x = 0)."""
    size = np.max(np.abs(x))
    if size == 0:
        return np.zeros_like(x)
    u = x / size  # scaled so squaring neither underflows nor overflows; u is scale-free
    u[0] += (1.0 if u[0] >= 0 else -1.0) * np.linalg.norm(u)  # x - alpha e_1, alpha = -sign(x_0)||x||: no cancellation
    return u / np.linalg.norm(u)


def _lu_factor(A: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """(perm, L, U, n_swaps) with A[perm] = L @ U, by Gaussian elimination with partial pivoting."""
    m, n = A.shape
    K = min(m, n)
    U = A.copy()  # (m, n)
    L = np.eye(m)  # (m, m), multipliers below the diagonal
    perm = np.arange(m)
    n_swaps = 0
    for k in range(K):
        pivot = k + int(np.argmax(np.abs(U[k:, k])))
        if pivot != k:
            U[[k, pivot]] = U[[pivot, k]]
            L[[k, pivot], :k] = L[[pivot, k], :k]
            perm[[k, pivot]] = perm[[pivot, k]]
            n_swaps += 1
        if U[k, k] != 0.0:  # a zero pivot column needs no elimination
            L[k + 1:, k] = U[k + 1:, k] / U[k, k]
            U[k + 1:, k:] -= np.outer(L[k + 1:, k], U[k, k:])
        U[k + 1:, k] = 0.0
    return perm, L[:, :K], np.triu(U[:K, :]), n_swaps


def lu(A) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """LU factorisation with partial pivoting (Gaussian elimination).

    .. math::

        A = P L U, \\qquad \\ell_{ik} = \\frac{u_{ik}}{u_{kk}}, \\quad
        \\text{row}_i \\leftarrow \\text{row}_i - \\ell_{ik}\\,\\text{row}_k

    At step k the row with the largest :math:`|u_{ik}|` (i >= k) is swapped
    up first, so :math:`|\\ell_{ik}| \\le 1`. Same shapes as ``scipy.linalg.lu``.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Finite matrix (singular allowed).

    Returns
    -------
    P : ndarray, shape (m, m)
        Permutation matrix.
    L : ndarray, shape (m, min(m, n))
        Unit lower triangular (trapezoidal if m > n).
    U : ndarray, shape (min(m, n), n)
        Upper triangular (trapezoidal if m < n).

    Examples
    --------
    >>> lu([[1.0, 2.0], [3.0, 4.0]])[2].round(12).tolist()
    [[3.0, 4.0], [0.0, 0.666666666667]]
    """
    A = as_matrix(A, "A")
    perm, L, U, _ = _lu_factor(A)
    P = np.eye(A.shape[0])[perm].T  # (m, m): P^T A = A[perm] = L U
    return P, L, U


def determinant(A) -> float:
    """Determinant from the LU factorisation.

    .. math::

        \\det A = \\det P \\, \\prod_k u_{kk}, \\qquad \\det P = (-1)^{\\#\\text{swaps}}

    Parameters
    ----------
    A : array_like, shape (n, n)
        Finite square matrix.

    Returns
    -------
    float

    Examples
    --------
    >>> round(determinant([[1.0, 2.0], [3.0, 4.0]]), 12)
    -2.0
    """
    A = as_square(A, "A")
    _, _, U, n_swaps = _lu_factor(A)
    return float((-1.0) ** n_swaps * np.prod(np.diag(U)))


def solve_triangular(T, b, *, lower: bool = False) -> np.ndarray:
    """Solve ``T x = b`` for triangular ``T`` by substitution.

    .. math::

        x_i = \\frac{b_i - \\sum_{j \\ne i} t_{ij} x_j}{t_{ii}}

    Back substitution (``lower=False``) runs from the last row up, each row
    using the unknowns already found below it; forward substitution
    (``lower=True``) runs from the first row down.

    Parameters
    ----------
    T : array_like, shape (n, n)
        Triangular matrix with a non-zero diagonal; only the triangle named by
        ``lower`` is read.
    b : array_like, shape (n,)
    lower : bool
        Whether ``T`` is lower (True) or upper (False) triangular.

    Returns
    -------
    ndarray, shape (n,)

    Raises
    ------
    ValueError
        When a diagonal entry is zero (``T`` is singular) or the shapes disagree.

    Examples
    --------
    >>> solve_triangular([[4.0, 3.0], [0.0, 3.5]], [10.0, 7.0]).tolist()
    [1.0, 2.0]
    """
    T = as_square(T, "T")
    b = as_vector(b, "b")
    n = T.shape[0]
    if b.shape[0] != n:
        raise ValueError(f"b has {b.shape[0]} entries but T is {n}x{n}; they must agree")
    if np.any(np.diag(T) == 0.0):
        raise ValueError("T has a zero on its diagonal, so T x = b has no unique solution")
    x = np.zeros(n)
    for i in (range(n) if lower else reversed(range(n))):
        known = slice(0, i) if lower else slice(i + 1, n)
        x[i] = (b[i] - T[i, known] @ x[known]) / T[i, i]
    return x


def solve(A, b) -> np.ndarray:
    """Solve ``A x = b`` with :func:`lu`: one forward and one back substitution.

    .. math::

        A = P L U: \\quad L\\mathbf{y} = P^{T}\\mathbf{b}, \\quad U\\mathbf{x} = \\mathbf{y}

    Parameters
    ----------
    A : array_like, shape (n, n)
        Invertible matrix.
    b : array_like, shape (n,)

    Returns
    -------
    ndarray, shape (n,)

    Raises
    ------
    ValueError
        When ``A`` is singular (a zero pivot) or the shapes disagree.

    Examples
    --------
    >>> solve([[4.0, 3.0], [2.0, 5.0]], [10.0, 12.0]).tolist()
    [1.0, 2.0]
    """
    A = as_square(A, "A")
    P, L, U = lu(A)
    if np.any(np.diag(U) == 0.0):
        raise ValueError("A is singular (its LU factorisation has a zero pivot), "
                         "so A x = b has no unique solution")
    y = solve_triangular(L, P.T @ as_vector(b, "b"), lower=True)
    return solve_triangular(U, y)


def inverse(A) -> np.ndarray:
    """The inverse matrix: column ``j`` solves ``A x = e_j`` (:func:`solve`).

    .. math::

        A A^{-1} = A^{-1} A = I

    Parameters
    ----------
    A : array_like, shape (n, n)
        Invertible matrix (non-zero determinant).

    Returns
    -------
    ndarray, shape (n, n)

    Raises
    ------
    ValueError
        When ``A`` is singular: then no matrix undoes it.

    Examples
    --------
    >>> inverse([[1.0, 1.0], [0.0, 1.0]]).tolist()
    [[1.0, -1.0], [0.0, 1.0]]
    """
    A = as_square(A, "A")
    identity = np.eye(A.shape[0])
    return np.column_stack([solve(A, identity[:, j]) for j in range(A.shape[0])])


def matmul(A, B) -> np.ndarray:
    """The matrix product: entry ``(i, j)`` is row ``i`` of ``A`` against
    column ``j`` of ``B``.

    .. math::

        (AB)_{ij} = \\sum_{k=1}^{n} a_{ik}\\, b_{kj}

    Applying ``AB`` to a vector applies ``B`` first, then ``A``.

    Parameters
    ----------
    A : array_like, shape (m, n)
    B : array_like, shape (n, p) or (n,)
        A vector is treated as one column; the result is then a vector.

    Returns
    -------
    ndarray, shape (m, p) or (m,)

    Raises
    ------
    ValueError
        When ``A`` has a different number of columns than ``B`` has rows.

    Examples
    --------
    >>> S = [[1.0, 1.0], [0.0, 1.0]]   # shear
    >>> R = [[0.0, -1.0], [1.0, 0.0]]  # quarter turn
    >>> matmul(R, S)                   # shear, then turn
    array([[ 0., -1.],
           [ 1.,  1.]])
    >>> matmul(S, R)                   # turn, then shear: another map
    array([[ 1., -1.],
           [ 1.,  0.]])
    """
    A = as_matrix(A, "A")  # (m, n)
    vector = np.ndim(B) == 1
    B = as_vector(B, "B")[:, None] if vector else as_matrix(B, "B")  # (n, p)
    if A.shape[1] != B.shape[0]:
        raise ValueError(
            f"A has {A.shape[1]} columns but B has {B.shape[0]} rows (shapes {A.shape} and "
            f"{B.shape[:1] if vector else B.shape}); the inner sizes must agree")
    C = np.zeros((A.shape[0], B.shape[1]))  # (m, p)
    for k in range(A.shape[1]):  # the sum over k, one term for every (i, j) at once:
        C += A[:, k:k + 1] * B[k:k + 1, :]  # a_ik * b_kj, (m, 1) * (1, p)
    return C[:, 0] if vector else C


# --------------------------------------------------------------------------- SVD

def svd(A) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Thin singular value decomposition by one-sided (Hestenes) Jacobi.

    .. math::

        A = U \\Sigma V^T, \\qquad W \\leftarrow W J_{pq} \\text{ until all
        columns of } W = U\\Sigma \\text{ are orthogonal}, \\quad \\sigma_j = \\|w_j\\|

    A tall matrix is first reduced by :func:`qr` (A = QR, then the Jacobi
    sweeps run on the small R and U = Q U_R); a wide matrix is handled
    through its transpose. Columns of U for zero singular values are
    completed to an orthonormal set, so rank-deficient inputs are fine.
    Sign convention: each row of ``Vt`` has its largest-|entry| positive.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Finite matrix.

    Returns
    -------
    U : ndarray, shape (m, k)
        Orthonormal columns, k = min(m, n).
    S : ndarray, shape (k,)
        Singular values, descending, >= 0.
    Vt : ndarray, shape (k, n)
        Orthonormal rows.

    Examples
    --------
    >>> svd([[3.0, 0.0], [0.0, -2.0]])[1].round(12).tolist()
    [3.0, 2.0]
    """
    A = as_matrix(A, "A")
    size = _magnitude(A)  # work on A / size, entries in [-1, 1]: squared norms cannot overflow
    if A.shape[0] >= A.shape[1]:
        U, S, Vt = _svd_tall(A / size)
    else:
        V, S, Ut = _svd_tall(A.T / size)
        U, Vt = Ut.T, V.T
    signs = _sign_by_largest_entry(Vt)  # (k,)
    return U * signs, _unscale(S, size, "its singular values"), Vt * signs[:, None]


def _svd_tall(A: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Thin SVD of A (m, n), m >= n: QR, then one-sided Jacobi on R (n, n)."""
    Q, R = qr(A)  # (m, n), (n, n)
    W, V = _one_sided_jacobi(R)  # W = R V has orthogonal columns
    S = np.linalg.norm(W, axis=0)  # (n,)
    order = np.argsort(-S, kind="stable")
    S, W, V = S[order], W[:, order], V[:, order]
    rank = int(np.sum(S > max(A.shape) * _EPS * np.linalg.norm(A)))  # >= the Jacobi zero-column size
    U_R = np.empty_like(W)  # (n, n)
    U_R[:, :rank] = W[:, :rank] / S[:rank]
    U_R[:, rank:] = _orthonormal_complement(U_R[:, :rank], W.shape[0] - rank)
    return Q @ U_R, S, V.T


def _one_sided_jacobi(R: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(W, V) with W = R V, V orthogonal, columns of W mutually orthogonal."""
    W = R.copy()  # (n, n)
    n = W.shape[1]
    V = np.eye(n)  # (n, n)
    zero_column = (n * _EPS * np.linalg.norm(W)) ** 2  # squared norm of a numerically zero column
    for _ in range(_MAX_SWEEPS):
        rotated = False
        for p in range(n - 1):
            for q in range(p + 1, n):
                alpha, beta = W[:, p] @ W[:, p], W[:, q] @ W[:, q]
                gamma = W[:, p] @ W[:, q]
                if min(alpha, beta) > zero_column and not _negligible(gamma, alpha, beta, 0.0):
                    # rotate so the 2x2 Gram matrix [[alpha, gamma], [gamma, beta]] is diagonal
                    J = _jacobi_rotation(alpha, beta, gamma)  # (2, 2)
                    W[:, [p, q]] = W[:, [p, q]] @ J
                    V[:, [p, q]] = V[:, [p, q]] @ J
                    rotated = True
        if not rotated:
            return W, V
    raise RuntimeError(f"one-sided Jacobi SVD did not converge in {_MAX_SWEEPS} sweeps")


def _orthonormal_complement(B: np.ndarray, k: int) -> np.ndarray:
    """k orthonormal columns (m, k) orthogonal to the orthonormal columns of B (m, r).

    Greedy Gram-Schmidt on the standard basis: each time take the e_i with the
    largest component outside the current span (>= 1/sqrt(m)), orthogonalised twice.
    """
    m = B.shape[0]
    basis = B.copy()  # (m, r), grows to (m, r + k)
    for _ in range(k):
        outside = 1.0 - np.sum(basis * basis, axis=1)  # (m,) ||(I - BB^T) e_i||^2
        e = np.zeros(m)
        e[int(np.argmax(outside))] = 1.0
        for _ in range(2):
            e -= basis @ (basis.T @ e)
        basis = np.column_stack([basis, e / np.linalg.norm(e)])
    return basis[:, B.shape[1]:]


# --------------------------------------------------------------------------- PCA, low rank, LoRA

@dataclass(frozen=True)
class PCAResult:
    """Principal components of a data set (see :func:`pca`).

    Attributes
    ----------
    components : ndarray, shape (k, d)
        Unit principal directions as rows, largest variance first; each row's
        largest-|entry| is positive.
    explained_variance : ndarray, shape (k,)
        Sample variance (ddof=1) of the data along each component, descending.
    explained_variance_ratio : ndarray, shape (k,)
        ``explained_variance`` divided by the total sample variance.
    mean : ndarray, shape (d,)
        Per-feature mean removed before projecting.
    """

    components: np.ndarray
    explained_variance: np.ndarray
    explained_variance_ratio: np.ndarray
    mean: np.ndarray

    def transform(self, X) -> np.ndarray:
        """Coordinates (n, k) of the rows of X (n, d): :math:`(X - \\mu) C^T`."""
        X = _as_data(X, "X", self.mean.shape[0])
        return (X - self.mean) @ self.components.T

    def inverse_transform(self, Z) -> np.ndarray:
        """Reconstruction (n, d) from coordinates Z (n, k): :math:`Z C + \\mu`."""
        Z = _as_data(Z, "Z", self.components.shape[0])
        return Z @ self.components + self.mean


def _as_data(X, name: str, n_columns: int) -> np.ndarray:
    X = as_matrix(X, name)
    if X.shape[1] != n_columns:
        raise ValueError(f"{name} must have {n_columns} columns, got shape {X.shape}")
    return X


def pca(X, n_components) -> PCAResult:
    """Principal component analysis through :func:`svd` of the centred data.

    .. math::

        X - \\mathbf{1}\\mu^T = U \\Sigma V^T, \\qquad
        \\text{components} = V^T_{1:k}, \\qquad
        \\text{variance}_j = \\frac{\\sigma_j^2}{n - 1}

    Parameters
    ----------
    X : array_like, shape (n, d)
        Data, one sample per row, n >= 2, with non-zero total variance.
    n_components : int
        Number of components k, 1 <= k <= min(n, d).

    Returns
    -------
    PCAResult

    Examples
    --------
    >>> pca([[0.0, 0.0], [2.0, 0.0], [4.0, 0.0]], 1).explained_variance.round(12).tolist()
    [4.0]
    """
    X = as_matrix(X, "X")  # (n, d)
    n, d = X.shape
    if n < 2:
        raise ValueError(f"X must have at least 2 rows (samples), got shape {X.shape}")
    k = as_positive_int(n_components, "n_components")
    if k > min(n, d):
        raise ValueError(f"n_components must be <= min(n_samples, n_features) = {min(n, d)}, got {k}")
    mean = X.mean(axis=0)  # (d,)
    _, S, Vt = svd(X - mean)
    variance = S ** 2 / (n - 1)  # (min(n, d),)
    total = variance.sum()
    if total == 0:
        raise ValueError(f"X must vary: its total sample variance is 0 (are all {n} rows equal?)")
    return PCAResult(components=Vt[:k], explained_variance=variance[:k],
                     explained_variance_ratio=variance[:k] / total, mean=mean)


def low_rank_approx(A, r) -> np.ndarray:
    """Best rank-r approximation (Eckart–Young) via :func:`svd`.

    .. math::

        A_r = \\sum_{j=1}^{r} \\sigma_j u_j v_j^T, \\qquad
        \\|A - A_r\\|_F = \\sqrt{\\textstyle\\sum_{j>r} \\sigma_j^2}

    Parameters
    ----------
    A : array_like, shape (m, n)
        Finite matrix.
    r : int
        Target rank, 1 <= r <= min(m, n).

    Returns
    -------
    ndarray, shape (m, n)

    Examples
    --------
    >>> low_rank_approx([[3.0, 0.0], [0.0, 1.0]], 1).round(12).tolist()
    [[3.0, 0.0], [0.0, 0.0]]
    """
    A = as_matrix(A, "A")
    r = as_positive_int(r, "r")
    if r > min(A.shape):
        raise ValueError(f"r must be <= min(m, n) = {min(A.shape)} for A of shape {A.shape}, got {r}")
    U, S, Vt = svd(A)
    return (U[:, :r] * S[:r]) @ Vt[:r]  # (m, r) (r, n) -> (m, n)


@dataclass(frozen=True)
class LoRAUpdate:
    """A LoRA-adapted weight and its parameter arithmetic (see :func:`lora_update`).

    Attributes
    ----------
    merged : ndarray, shape (d, k)
        :math:`W + BA`.
    delta : ndarray, shape (d, k)
        :math:`BA`, of rank at most r.
    rank : int
        r, the inner dimension of B (d, r) and A (r, k).
    full_parameters : int
        d * k, the entries of a full update of W.
    lora_parameters : int
        r * (d + k), the entries of B and A.
    parameter_ratio : float
        lora_parameters / full_parameters.
    """

    merged: np.ndarray
    delta: np.ndarray
    rank: int
    full_parameters: int
    lora_parameters: int
    parameter_ratio: float


def lora_update(W, B, A) -> LoRAUpdate:
    """LoRA's low-rank update of a frozen weight matrix.

    .. math::

        W' = W + BA, \\qquad B \\in \\mathbb{R}^{d\\times r},\\;
        A \\in \\mathbb{R}^{r\\times k}, \\qquad
        \\#\\text{params}: r(d + k) \\text{ instead of } dk

    Parameters
    ----------
    W : array_like, shape (d, k)
        Frozen weight.
    B : array_like, shape (d, r)
    A : array_like, shape (r, k)

    Returns
    -------
    LoRAUpdate

    Examples
    --------
    >>> lora_update(np.zeros((1000, 1000)), np.ones((1000, 8)), np.ones((8, 1000))).parameter_ratio
    0.016
    """
    W, B, A = as_matrix(W, "W"), as_matrix(B, "B"), as_matrix(A, "A")
    (d, k), r = W.shape, B.shape[1]
    if B.shape[0] != d:
        raise ValueError(f"B must have shape ({d}, r) to match W of shape {W.shape}, got shape {B.shape}")
    if A.shape != (r, k):
        raise ValueError(f"A must have shape ({r}, {k}) to match B {B.shape} and W {W.shape}, got shape {A.shape}")
    delta = B @ A  # (d, r) (r, k) -> (d, k)
    return LoRAUpdate(merged=W + delta, delta=delta, rank=r, full_parameters=d * k,
                      lora_parameters=r * (d + k), parameter_ratio=r * (d + k) / (d * k))
