"""mathcore.linalg against NumPy, SciPy, scikit-learn and closed forms."""

import dataclasses

import numpy as np
import pytest
import scipy.linalg
from hypothesis import given, settings, strategies as st
from sklearn.datasets import load_digits
from sklearn.decomposition import PCA

from mathcore import linalg
from predicates import (
    assert_columns_equal_up_to_sign, has_largest_entry_positive, is_orthonormal_columns,
    is_permutation_matrix, is_unit_lower_triangular, is_upper_triangular, matrices,
    random_orthogonal, seeds, separated_singular_values, separated_spectra, square_matrices,
    symmetric_matrices,
)

SETTINGS = settings(max_examples=80, deadline=None)


def scale(A):
    return max(1.0, float(np.max(np.abs(A))))


# --------------------------------------------------------------------------- matmul

@st.composite
def product_pairs(draw):
    """(A, B) with A (m, n) and B (n, p), entries in [-10, 10]."""
    m, n, p = (draw(st.integers(1, 6)) for _ in range(3))
    rng = np.random.default_rng(draw(seeds))
    return rng.uniform(-10, 10, (m, n)), rng.uniform(-10, 10, (n, p))


@SETTINGS
@given(product_pairs())
def test_matmul_matches_numpy(pair):
    A, B = pair
    np.testing.assert_allclose(linalg.matmul(A, B), np.matmul(A, B), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(linalg.matmul(A, B[:, 0]), A @ B[:, 0], rtol=1e-12, atol=1e-12)
    assert linalg.matmul(A, B[:, 0]).shape == (A.shape[0],)


@SETTINGS
@given(product_pairs(), seeds)
def test_matmul_is_composition(pair, seed):
    """(AB)x = A(Bx): the product is the map "B, then A"."""
    A, B = pair
    x = np.random.default_rng(seed).standard_normal(B.shape[1])
    np.testing.assert_allclose(linalg.matmul(linalg.matmul(A, B), x),
                               linalg.matmul(A, linalg.matmul(B, x)), rtol=1e-10, atol=1e-9)


def test_matmul_order_matters():
    shear, turn = [[1.0, 1.0], [0.0, 1.0]], [[0.0, -1.0], [1.0, 0.0]]
    assert not np.allclose(linalg.matmul(turn, shear), linalg.matmul(shear, turn))


def test_matmul_names_the_mismatched_sizes():
    with pytest.raises(ValueError, match=r"A has 3 columns but B has 2 rows \(shapes \(2, 3\) "
                                         r"and \(2, 4\)\); the inner sizes must agree"):
        linalg.matmul(np.ones((2, 3)), np.ones((2, 4)))
    with pytest.raises(ValueError, match=r"B must be finite"):
        linalg.matmul(np.ones((2, 2)), [[1.0, np.nan], [0.0, 1.0]])


# --------------------------------------------------------------------------- power iteration

@st.composite
def dominant_spectra(draw):
    """Symmetric A whose dominant eigenvalue is >= 2x every other in magnitude."""
    n = draw(st.integers(1, 6))
    rng = np.random.default_rng(draw(seeds))
    top = draw(st.sampled_from([-1.0, 1.0])) * rng.uniform(1.0, 10.0)
    rest = rng.uniform(-0.5, 0.5, size=n - 1) * abs(top)
    Q = random_orthogonal(rng, n)
    return Q @ np.diag(np.r_[top, rest]) @ Q.T, top, Q[:, 0]


@SETTINGS
@given(dominant_spectra(), seeds)
def test_power_iteration_finds_dominant_eigenpair(case, seed):
    A, top, q = case
    result = linalg.power_iteration(A, rng=seed)
    assert result.converged
    np.testing.assert_allclose(result.eigenvalue, top, rtol=1e-9, atol=1e-10)
    assert_columns_equal_up_to_sign(result.eigenvector[:, None], q[:, None], atol=1e-8)
    assert has_largest_entry_positive(result.eigenvector)
    residual = np.linalg.norm(A @ result.eigenvector - result.eigenvalue * result.eigenvector)
    assert residual <= 1e-10 * max(1.0, abs(top))


@SETTINGS
@given(dominant_spectra(), seeds)
def test_power_iteration_history_shapes_and_units(case, seed):
    A, _, _ = case
    v0 = np.random.default_rng(seed).standard_normal(A.shape[0])
    result = linalg.power_iteration(A, v0, max_iter=500)
    k, n = result.n_iter, A.shape[0]
    assert result.iterates.shape == (k + 1, n) and result.eigenvalues.shape == (k + 1,)
    assert result.iterates.dtype == np.float64 and result.eigenvector.dtype == np.float64
    np.testing.assert_allclose(result.iterates[0], v0 / np.linalg.norm(v0), rtol=0, atol=1e-15)
    np.testing.assert_allclose(np.linalg.norm(result.iterates, axis=1), 1.0, rtol=0, atol=1e-12)
    rayleigh = np.einsum("ki,ij,kj->k", result.iterates, A, result.iterates)
    np.testing.assert_allclose(result.eigenvalues, rayleigh, rtol=1e-12, atol=1e-12)
    assert result.eigenvalues[-1] == result.eigenvalue


def test_power_iteration_step_is_normalised_product():
    A = np.array([[2.0, 1.0], [1.0, 3.0]])
    result = linalg.power_iteration(A, [1.0, 0.0], max_iter=3, tol=1e-300)
    w = A @ np.array([1.0, 0.0])
    np.testing.assert_allclose(result.iterates[1], w / np.linalg.norm(w), rtol=0, atol=1e-15)
    assert result.n_iter == 3 and not result.converged


def test_power_iteration_negative_dominant_eigenvalue_converges_despite_sign_flips():
    result = linalg.power_iteration(np.diag([-3.0, 1.0]), [1.0, 1.0])
    assert result.converged
    assert result.eigenvalue == pytest.approx(-3.0, abs=1e-10)
    np.testing.assert_allclose(result.eigenvector, [1.0, 0.0], atol=1e-10)
    assert result.iterates[1, 0] < 0 < result.iterates[2, 0]  # the arrow flips each step


@pytest.mark.parametrize("A", [np.diag([1.0, -1.0]), [[0.0, -1.0], [1.0, 0.0]],
                               [[np.cos(0.3), -np.sin(0.3)], [np.sin(0.3), np.cos(0.3)]]])
def test_power_iteration_reports_no_convergence_without_a_dominant_eigenvalue(A):
    result = linalg.power_iteration(A, [1.0, 0.5], max_iter=200)
    assert result.converged is False
    assert result.n_iter == 200 and result.iterates.shape == (201, 2)


def test_power_iteration_start_at_eigenvector_converges_immediately():
    result = linalg.power_iteration([[2.0, 0.0], [0.0, 1.0]], [-5.0, 0.0])
    assert result.converged and result.n_iter == 0
    np.testing.assert_array_equal(result.eigenvector, [1.0, 0.0])


def test_power_iteration_rng_is_explicit_and_global_state_untouched():
    A = np.array([[4.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 1.0]])
    state = np.random.get_state()[1].copy()
    first = linalg.power_iteration(A, rng=7)
    second = linalg.power_iteration(A, rng=np.random.default_rng(7))
    np.testing.assert_array_equal(first.iterates, second.iterates)
    np.testing.assert_array_equal(np.random.get_state()[1], state)
    v0 = np.random.default_rng(7).standard_normal(3)
    np.testing.assert_allclose(first.iterates[0], v0 / np.linalg.norm(v0), rtol=0, atol=1e-15)


def test_power_iteration_result_is_frozen():
    result = linalg.power_iteration(np.eye(2) * 2, [1.0, 0.0])
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.eigenvalue = 1.0


@pytest.mark.parametrize("kwargs, match", [
    (dict(A=np.ones((2, 3))), r"A must be square, got shape \(2, 3\)"),
    (dict(A=np.ones(3)), r"A must be a 2-D matrix, got shape \(3,\)"),
    (dict(A=np.zeros((0, 0))), r"A must not be empty"),
    (dict(A=[[1.0, np.nan], [0.0, 1.0]]), r"A must be finite"),
    (dict(A=[[1.0, np.inf], [0.0, 1.0]]), r"A must be finite"),
    (dict(A=np.eye(2), v0=[0.0, 0.0]), r"v0 must be a non-zero vector"),
    (dict(A=np.eye(2), v0=[1.0, 0.0, 0.0]), r"v0 must have shape \(2,\) to match A, got shape \(3,\)"),
    (dict(A=np.eye(2), tol=0.0), r"tol must be a positive finite number, got 0.0"),
    (dict(A=np.eye(2), tol=-1e-3), r"tol must be a positive finite number"),
    (dict(A=np.eye(2), tol=np.nan), r"tol must be a positive finite number"),
    (dict(A=np.eye(2), max_iter=0), r"max_iter must be a positive integer, got 0"),
    (dict(A=np.eye(2), max_iter=2.5), r"max_iter must be a positive integer, got 2.5"),
    (dict(A=np.eye(2), rng="seed"), r"rng must be a numpy Generator"),
])
def test_power_iteration_refuses_bad_input(kwargs, match):
    with pytest.raises(ValueError, match=match):
        linalg.power_iteration(**kwargs)


# --------------------------------------------------------------------------- eigh

@SETTINGS
@given(symmetric_matrices())
def test_eigh_eigenvalues_match_numpy_and_reconstruct(A):
    w, V = linalg.eigh(A)
    atol = 1e-10 * scale(A) * A.shape[0]
    np.testing.assert_allclose(w, np.linalg.eigvalsh(A)[::-1], rtol=0, atol=atol)
    assert np.all(np.diff(w) <= 0)
    assert is_orthonormal_columns(V)
    np.testing.assert_allclose(V @ np.diag(w) @ V.T, A, rtol=0, atol=atol)
    assert has_largest_entry_positive(V.T)


@SETTINGS
@given(separated_spectra())
def test_eigh_eigenvectors_match_numpy_up_to_sign(case):
    A, w_true = case
    w, V = linalg.eigh(A)
    np.testing.assert_allclose(w, w_true, rtol=0, atol=1e-10)
    assert_columns_equal_up_to_sign(V, np.linalg.eigh(A)[1][:, ::-1], atol=1e-9)


def _near_the_float_limit(factor):
    """A symmetric 4x4 with entries near 1e308 whose largest |eigenvalue| is factor * 1e308."""
    M = np.random.default_rng(0).uniform(-1, 1, (4, 4))
    M = (M + M.T) / 2
    return (factor * M / np.abs(np.linalg.eigvalsh(M)).max()) * 1e308


def test_entries_near_1e308_are_rescaled_not_overflowed():
    """Oracle: numpy.linalg on A / 1e308, scaled back. Used to be a bare RuntimeError (eigh),
    an eigenvalue of 0.0 (power_iteration) and an inf in R (qr)."""
    A = _near_the_float_limit(1.5)
    assert np.abs(A).max() > 5e307
    w, V = linalg.eigh(A)
    np.testing.assert_allclose(w, 1e308 * np.linalg.eigvalsh(A / 1e308)[::-1], rtol=1e-13)
    np.testing.assert_allclose((A / 1e308) @ V, V * (w / 1e308), atol=1e-13)
    assert linalg.power_iteration(A, rng=0, max_iter=5000).eigenvalue == pytest.approx(1.5e308, rel=1e-10)
    Q, R = linalg.qr(A)
    assert np.all(np.isfinite(R)) and is_orthonormal_columns(Q) and is_upper_triangular(R)
    np.testing.assert_allclose(Q @ (R / 1e308), A / 1e308, atol=1e-14)
    np.testing.assert_allclose(np.diag(R), 1e308 * np.abs(np.diag(np.linalg.qr(A / 1e308)[1])), rtol=1e-12)
    np.testing.assert_allclose(linalg.svd(A)[1], 1e308 * np.linalg.svd(A / 1e308, compute_uv=False),
                               rtol=1e-12)


@pytest.mark.parametrize("call, what", [
    (lambda A: linalg.eigh(A), "its eigenvalues"),
    (lambda A: linalg.power_iteration(A, rng=0), "its eigenvalue estimates"),
    (lambda A: linalg.svd(A), "its singular values"),
])
def test_results_beyond_float64_are_refused_with_the_reason(call, what):
    M = np.random.default_rng(0).uniform(-1, 1, (4, 4))
    A = 1.7e308 * ((M + M.T) / np.abs(M + M.T).max())  # entries fit in float64 ...
    assert np.abs(np.linalg.eigvalsh(A / 1e308)).max() > 1.8  # ... the largest eigenvalue does not
    with pytest.raises(ValueError, match=rf"A is too large: {what} would reach about 1e308\.\d, beyond "
                                         r"float64's largest 1\.8e\+308; divide A by a power of 10"):
        call(A)


def test_qr_refuses_an_r_beyond_float64():
    A = np.full((4, 1), 1.5e308)  # R = ||column|| = 2 * 1.5e308
    with pytest.raises(ValueError, match=r"A is too large: R would reach about 1e308\.5"):
        linalg.qr(A)


def test_eigh_refuses_non_symmetric():
    with pytest.raises(ValueError, match=r"A must be symmetric, got shape \(2, 2\)"):
        linalg.eigh([[1.0, 2.0], [0.0, 1.0]])


# --------------------------------------------------------------------------- qr

@SETTINGS
@given(st.integers(1, 6).flatmap(lambda n: st.integers(n, 7).flatmap(
    lambda m: matrices(rows=m, cols=n))))
def test_qr_identities(A):
    Q, R = linalg.qr(A)
    m, n = A.shape
    assert Q.shape == (m, n) and R.shape == (n, n)
    assert is_orthonormal_columns(Q) and is_upper_triangular(R)
    assert np.all(np.diag(R) >= 0)
    np.testing.assert_allclose(Q @ R, A, rtol=0, atol=1e-12 * scale(A) * m)


@SETTINGS
@given(seeds, st.integers(1, 6), st.integers(0, 3))
def test_qr_matches_numpy_with_positive_diagonal(seed, n, extra_rows):
    A = np.random.default_rng(seed).standard_normal((n + extra_rows, n))  # full column rank a.s.
    Q, R = linalg.qr(A)
    Q_np, R_np = np.linalg.qr(A)
    signs = np.sign(np.diag(R_np))
    np.testing.assert_allclose(Q, Q_np * signs, rtol=0, atol=1e-10)
    np.testing.assert_allclose(R, R_np * signs[:, None], rtol=0, atol=1e-10)


def test_qr_refuses_wide():
    with pytest.raises(ValueError, match=r"A must have at least as many rows as columns \(m >= n\), got shape \(2, 3\)"):
        linalg.qr(np.ones((2, 3)))


# --------------------------------------------------------------------------- lu and determinant

@SETTINGS
@given(matrices())
def test_lu_identities(A):
    P, L, U = linalg.lu(A)
    m, n = A.shape
    k = min(m, n)
    assert P.shape == (m, m) and L.shape == (m, k) and U.shape == (k, n)
    assert is_permutation_matrix(P) and is_upper_triangular(U)
    assert is_unit_lower_triangular(L[:k]) and np.all(np.triu(L, 1) == 0)
    assert np.all(np.abs(L) <= 1.0)  # partial pivoting
    np.testing.assert_allclose(P @ L @ U, A, rtol=0, atol=1e-12 * scale(A) * m)


@SETTINGS
@given(seeds, st.integers(1, 6), st.integers(1, 6))
def test_lu_matches_scipy(seed, m, n):
    A = np.random.default_rng(seed).standard_normal((m, n))  # no pivot ties a.s.
    for ours, theirs in zip(linalg.lu(A), scipy.linalg.lu(A)):
        np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-10)


@SETTINGS
@given(square_matrices())
def test_determinant_matches_numpy(A):
    expected = np.linalg.det(A)
    assert linalg.determinant(A) == pytest.approx(expected, rel=1e-9, abs=1e-9 * scale(A) ** A.shape[0])


@pytest.mark.parametrize("A, det", [([[0.0, 1.0], [1.0, 0.0]], -1.0), (np.diag([2.0, 3.0, 4.0]), 24.0),
                                    (np.ones((3, 3)), 0.0), ([[1.0, 2.0], [3.0, 4.0]], -2.0)])
def test_determinant_closed_forms(A, det):
    assert linalg.determinant(A) == pytest.approx(det, abs=1e-12)


def test_determinant_refuses_non_square():
    with pytest.raises(ValueError, match=r"A must be square, got shape \(2, 3\)"):
        linalg.determinant(np.ones((2, 3)))


# --------------------------------------------------------------------------- svd

@SETTINGS
@given(matrices())
def test_svd_identities_and_singular_values(A):
    U, S, Vt = linalg.svd(A)
    m, n = A.shape
    k = min(m, n)
    assert U.shape == (m, k) and S.shape == (k,) and Vt.shape == (k, n)
    atol = 1e-10 * scale(A) * max(m, n)
    np.testing.assert_allclose(S, np.linalg.svd(A, compute_uv=False), rtol=0, atol=atol)
    assert np.all(np.diff(S) <= 0) and np.all(S >= 0)
    assert is_orthonormal_columns(U) and is_orthonormal_columns(Vt.T)
    np.testing.assert_allclose((U * S) @ Vt, A, rtol=0, atol=atol)
    assert has_largest_entry_positive(Vt)


@SETTINGS
@given(separated_singular_values())
def test_svd_vectors_match_numpy_up_to_sign(case):
    A, s = case
    U, S, Vt = linalg.svd(A)
    U_np, _, Vt_np = np.linalg.svd(A, full_matrices=False)
    np.testing.assert_allclose(S, s, rtol=1e-10, atol=1e-10)
    assert_columns_equal_up_to_sign(U, U_np, atol=1e-8)
    assert_columns_equal_up_to_sign(Vt.T, Vt_np.T, atol=1e-8)


@SETTINGS
@given(seeds, st.integers(1, 3), st.integers(4, 7), st.integers(4, 7))
def test_svd_rank_deficient(seed, rank, m, n):
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((m, rank)) @ rng.standard_normal((rank, n))
    U, S, Vt = linalg.svd(A)
    assert is_orthonormal_columns(U) and is_orthonormal_columns(Vt.T)
    np.testing.assert_allclose(S[rank:], 0.0, atol=1e-12 * S[0])
    np.testing.assert_allclose((U * S) @ Vt, A, rtol=0, atol=1e-12 * scale(A) * max(m, n))


def test_svd_of_2x2_is_rotate_stretch_rotate():
    theta, phi = 0.4, -1.1
    rot = lambda a: np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    A = rot(theta) @ np.diag([3.0, 0.5]) @ rot(phi)
    U, S, Vt = linalg.svd(A)
    np.testing.assert_allclose(S, [3.0, 0.5], atol=1e-14)
    assert is_orthonormal_columns(U) and is_orthonormal_columns(Vt.T)
    assert_columns_equal_up_to_sign(U, rot(theta), atol=1e-12)


# --------------------------------------------------------------------------- pca

@st.composite
def anisotropic_data(draw):
    """(X, k): Gaussian data with well-separated column scales, so components are stable."""
    rng = np.random.default_rng(draw(seeds))
    n, d = draw(st.integers(8, 40)), draw(st.integers(1, 5))
    stds = 2.0 ** np.arange(d, 0, -1)  # (d,) 2^d, ..., 2
    X = (rng.standard_normal((n, d)) * stds) @ random_orthogonal(rng, d) + rng.normal(size=d)
    return X, draw(st.integers(1, min(n, d)))


@SETTINGS
@given(anisotropic_data())
def test_pca_matches_sklearn(case):
    X, k = case
    result = linalg.pca(X, k)
    gold = PCA(n_components=k, svd_solver="full").fit(X)
    np.testing.assert_allclose(result.mean, gold.mean_, rtol=0, atol=1e-12 * scale(X))
    np.testing.assert_allclose(result.explained_variance, gold.explained_variance_, rtol=1e-9)
    np.testing.assert_allclose(result.explained_variance_ratio, gold.explained_variance_ratio_, rtol=1e-9)
    assert_columns_equal_up_to_sign(result.components.T, gold.components_.T, atol=1e-7)
    np.testing.assert_allclose(result.transform(X), gold.transform(X) * np.sign(
        np.sum(result.components * gold.components_, axis=1)), rtol=0, atol=1e-7 * scale(X))


@SETTINGS
@given(matrices(min_side=2).filter(lambda X: np.var(X, axis=0).sum() > 1e-100), st.data())
def test_pca_identities(X, data):
    k = data.draw(st.integers(1, min(X.shape)))
    result = linalg.pca(X, k)
    assert result.components.shape == (k, X.shape[1])
    assert is_orthonormal_columns(result.components.T)
    assert has_largest_entry_positive(result.components)
    assert np.all(np.diff(result.explained_variance) <= 1e-12 * scale(X) ** 2)
    Z = result.transform(X)  # (n, k)
    np.testing.assert_allclose(np.var(Z, axis=0, ddof=1), result.explained_variance,
                               rtol=1e-9, atol=1e-10 * scale(X) ** 2)
    total = np.var(X, axis=0, ddof=1).sum()
    np.testing.assert_allclose(result.explained_variance_ratio, result.explained_variance / total,
                               rtol=1e-9, atol=1e-12)


def test_pca_full_rank_inverse_transform_reconstructs():
    X = np.random.default_rng(0).standard_normal((20, 4))
    result = linalg.pca(X, 4)
    np.testing.assert_allclose(result.inverse_transform(result.transform(X)), X, rtol=0, atol=1e-12)
    assert result.explained_variance_ratio.sum() == pytest.approx(1.0, abs=1e-12)


def test_pca_on_digits_matches_sklearn():
    X = load_digits().data  # (1797, 64), several constant pixels: rank deficient
    result = linalg.pca(X, 10)
    gold = PCA(n_components=10, svd_solver="full").fit(X)
    np.testing.assert_allclose(result.explained_variance, gold.explained_variance_, rtol=1e-10)
    np.testing.assert_allclose(result.components, gold.components_, rtol=0, atol=1e-9)


@pytest.mark.parametrize("X, k, match", [
    (np.ones((1, 3)), 1, r"X must have at least 2 rows \(samples\), got shape \(1, 3\)"),
    (np.ones((4, 3)), 1, r"X must vary: its total sample variance is 0 \(are all 4 rows equal\?\)"),
    (np.eye(3), 4, r"n_components must be <= min\(n_samples, n_features\) = 3, got 4"),
    (np.eye(3), 0, r"n_components must be a positive integer, got 0"),
    (np.ones(3), 1, r"X must be a 2-D matrix"),
])
def test_pca_refuses_bad_input(X, k, match):
    with pytest.raises(ValueError, match=match):
        linalg.pca(X, k)


def test_pca_transform_refuses_wrong_width():
    result = linalg.pca(np.eye(3), 2)
    with pytest.raises(ValueError, match=r"X must have 3 columns, got shape \(2, 2\)"):
        result.transform(np.ones((2, 2)))
    with pytest.raises(ValueError, match=r"Z must have 2 columns, got shape \(2, 3\)"):
        result.inverse_transform(np.ones((2, 3)))


# --------------------------------------------------------------------------- low rank and LoRA

@SETTINGS
@given(separated_singular_values(), st.data())
def test_low_rank_approx_is_eckart_young(case, data):
    A, s = case
    r = data.draw(st.integers(1, len(s)))
    A_r = linalg.low_rank_approx(A, r)
    U, S, Vt = np.linalg.svd(A, full_matrices=False)
    np.testing.assert_allclose(A_r, (U[:, :r] * S[:r]) @ Vt[:r], rtol=0, atol=1e-9)
    assert np.linalg.matrix_rank(A_r, tol=1e-8) == r
    assert np.linalg.norm(A - A_r) == pytest.approx(np.sqrt(np.sum(s[r:] ** 2)), abs=1e-9)


def test_low_rank_approx_refuses_too_large_rank():
    with pytest.raises(ValueError, match=r"r must be <= min\(m, n\) = 2 for A of shape \(2, 3\), got 3"):
        linalg.low_rank_approx(np.ones((2, 3)), 3)


@SETTINGS
@given(seeds, st.integers(1, 8), st.integers(1, 8), st.integers(1, 4))
def test_lora_update_parameter_arithmetic(seed, d, k, r):
    rng = np.random.default_rng(seed)
    W, B, A = rng.normal(size=(d, k)), rng.normal(size=(d, r)), rng.normal(size=(r, k))
    update = linalg.lora_update(W, B, A)
    np.testing.assert_allclose(update.merged, W + np.einsum("ir,rj->ij", B, A), rtol=1e-12, atol=1e-12)
    assert np.linalg.matrix_rank(update.delta) <= r
    assert (update.rank, update.full_parameters, update.lora_parameters) == (r, d * k, r * d + r * k)
    assert update.parameter_ratio == pytest.approx((r * d + r * k) / (d * k))


@pytest.mark.parametrize("shapes, match", [
    (((4, 5), (3, 2), (2, 5)), r"B must have shape \(4, r\) to match W of shape \(4, 5\), got shape \(3, 2\)"),
    (((4, 5), (4, 2), (3, 5)), r"A must have shape \(2, 5\) to match B \(4, 2\) and W \(4, 5\), got shape \(3, 5\)"),
])
def test_lora_update_refuses_mismatched_shapes(shapes, match):
    with pytest.raises(ValueError, match=match):
        linalg.lora_update(*(np.ones(s) for s in shapes))
