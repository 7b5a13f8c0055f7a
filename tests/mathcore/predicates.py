"""Shared predicates and hypothesis strategies for the mathcore tests.

Predicates return bools with an explicit tolerance so a test reads as
``assert is_orthonormal_columns(Q)``; strategies build inputs for which an
oracle comparison is well conditioned.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

ATOL = 1e-10

seeds = st.integers(min_value=0, max_value=2**32 - 1)


def is_orthonormal_columns(Q, atol=ATOL) -> bool:
    """Q^T Q = I."""
    Q = np.asarray(Q)
    return bool(np.allclose(Q.T @ Q, np.eye(Q.shape[1]), rtol=0.0, atol=atol))


def is_upper_triangular(R) -> bool:
    return bool(np.all(np.tril(np.asarray(R), -1) == 0.0))


def is_unit_lower_triangular(L) -> bool:
    L = np.asarray(L)
    return bool(np.all(np.triu(L, 1) == 0.0) and np.all(np.diag(L) == 1.0))


def is_permutation_matrix(P) -> bool:
    P = np.asarray(P)
    return bool(np.all((P == 0.0) | (P == 1.0)) and np.all(P.sum(axis=0) == 1)
                and np.all(P.sum(axis=1) == 1))


def is_symmetric_positive_definite(A, atol=ATOL) -> bool:
    A = np.asarray(A)
    return bool(np.allclose(A, A.T, rtol=0.0, atol=atol) and np.linalg.eigvalsh(A).min() > 0)


def has_largest_entry_positive(vectors) -> bool:
    """Each row's entry of largest absolute value (first on ties) is positive."""
    V = np.atleast_2d(vectors)
    largest = V[np.arange(V.shape[0]), np.argmax(np.abs(V), axis=1)]
    return bool(np.all(largest > 0))


def assert_columns_equal_up_to_sign(actual, expected, *, atol):
    """Each column of ``actual`` equals the matching column of ``expected`` or its negative."""
    actual, expected = np.asarray(actual), np.asarray(expected)
    signs = np.sign(np.sum(actual * expected, axis=0))
    np.testing.assert_allclose(actual * signs, expected, rtol=0.0, atol=atol)


def matrices(min_side=1, max_side=6, *, rows=None, cols=None, bound=10.0):
    """Finite float64 matrices with entries in [-bound, bound]."""
    side = st.integers(min_side, max_side)
    shape = st.tuples(side if rows is None else st.just(rows), side if cols is None else st.just(cols))
    elements = st.floats(-bound, bound, allow_nan=False, allow_infinity=False)
    return hnp.arrays(np.float64, shape, elements=elements)


def square_matrices(min_side=1, max_side=6, bound=10.0):
    return st.integers(min_side, max_side).flatmap(
        lambda n: matrices(rows=n, cols=n, bound=bound))


def symmetric_matrices(min_side=1, max_side=6, bound=10.0):
    return square_matrices(min_side, max_side, bound).map(lambda A: (A + A.T) / 2.0)


def random_orthogonal(rng, n):
    """Haar-distributed orthogonal (n, n) matrix (QR of a Gaussian, signs fixed)."""
    Q, R = np.linalg.qr(rng.standard_normal((n, n)))
    return Q * np.sign(np.diag(R))


@st.composite
def separated_spectra(draw, min_side=1, max_side=6, gap=0.5):
    """(A, eigenvalues descending) for symmetric A = Q diag(w) Q^T with |w_i - w_j| >= gap."""
    n = draw(st.integers(min_side, max_side))
    rng = np.random.default_rng(draw(seeds))
    steps = gap + rng.uniform(0.0, 2.0, size=n)  # (n,) spacings >= gap
    w = np.sort(np.cumsum(steps) - steps.sum() / 2)[::-1]  # descending, centred near 0
    Q = random_orthogonal(rng, n)
    return Q @ np.diag(w) @ Q.T, w


@st.composite
def separated_singular_values(draw, max_side=6, gap=0.5):
    """(A, singular values descending) with A = U diag(s) V^T, s >= gap and gaps >= gap."""
    m, n = draw(st.integers(1, max_side)), draw(st.integers(1, max_side))
    rng = np.random.default_rng(draw(seeds))
    k = min(m, n)
    s = np.sort(np.cumsum(gap + rng.uniform(0.0, 2.0, size=k)))[::-1]  # (k,)
    U = random_orthogonal(rng, m)[:, :k]
    V = random_orthogonal(rng, n)[:, :k]
    return (U * s) @ V.T, s
