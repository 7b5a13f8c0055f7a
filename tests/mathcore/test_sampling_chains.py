"""Discrete Metropolis-Hastings kernels, stationary distributions, autocorrelation and
effective sample size, checked against NumPy and against identities."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import sampling

P_TILDE = np.array([1.0, 2.0, 4.0])
Q = np.array([[0.0, 0.5, 0.5], [0.2, 0.0, 0.8], [0.5, 0.5, 0.0]])  # asymmetric


def numpy_stationary(P):
    w, V = np.linalg.eig(P.T)
    v = V[:, np.argmax(w.real)].real
    return v / v.sum()


def test_kernel_satisfies_detailed_balance_and_keeps_the_target():
    P = sampling.metropolis_hastings_kernel(P_TILDE, Q)
    p = P_TILDE / P_TILDE.sum()
    flows = p[:, None] * P
    np.testing.assert_allclose(flows, flows.T, atol=1e-15)
    np.testing.assert_allclose(P.sum(axis=1), 1.0, atol=1e-15)
    np.testing.assert_allclose(numpy_stationary(P), p, atol=1e-12)
    np.testing.assert_allclose(sampling.stationary_distribution(P), p, atol=1e-10)


def test_kernel_without_the_correction_misses_the_target_for_an_asymmetric_proposal():
    P = sampling.metropolis_hastings_kernel(P_TILDE, Q, hastings_correction=False)
    assert np.abs(numpy_stationary(P) - P_TILDE / P_TILDE.sum()).max() > 0.05
    symmetric = np.full((3, 3), 0.5) - 0.5 * np.eye(3)
    both = [sampling.metropolis_hastings_kernel(P_TILDE, symmetric, hastings_correction=c)
            for c in (True, False)]
    np.testing.assert_allclose(both[0], both[1])


def test_kernel_rejects_a_bad_proposal():
    with pytest.raises(ValueError, match="rows summing to 1"):
        sampling.metropolis_hastings_kernel(P_TILDE, Q * 2)
    with pytest.raises(ValueError, match="exactly when"):
        sampling.metropolis_hastings_kernel(P_TILDE, [[0, 1, 0], [0.5, 0, 0.5], [0.5, 0.5, 0]])


def test_stationary_distribution_matches_numpy_eig():
    P = np.random.default_rng(0).uniform(size=(5, 5))
    P /= P.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(sampling.stationary_distribution(P), numpy_stationary(P), atol=1e-10)


def test_autocorrelation_matches_np_correlate():
    x = np.random.default_rng(1).standard_normal(300).cumsum()
    d = x - x.mean()
    full = np.correlate(d, d, "full")[len(d) - 1:]
    np.testing.assert_allclose(sampling.autocorrelation(x, 40), full[:41] / full[0], atol=1e-12)


def test_effective_sample_size_of_an_ar1_chain_is_near_theory():
    phi, n = 0.8, 100_000
    rng = np.random.default_rng(2)
    x = np.empty(n)
    x[0] = 0.0
    noise = rng.standard_normal(n)
    for t in range(1, n):
        x[t] = phi * x[t - 1] + noise[t]
    theory = n * (1 - phi) / (1 + phi)
    assert sampling.effective_sample_size(x) == pytest.approx(theory, rel=0.05)


def test_effective_sample_size_of_independent_draws_is_about_n():
    x = np.random.default_rng(3).standard_normal(20_000)
    assert sampling.effective_sample_size(x) == pytest.approx(20_000, rel=0.1)
