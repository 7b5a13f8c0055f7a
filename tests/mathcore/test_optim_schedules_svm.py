"""mathcore.optim's step-size schedules, moving averages, Adam without bias
correction, SGD on a schedule and the hard-margin SVM, against closed forms,
reference loops, SciPy's SLSQP and scikit-learn's SVC."""

import math

import numpy as np
import pytest
from scipy.optimize import minimize
from sklearn.svm import SVC

from mathcore import optim


# --------------------------------------------------------------------------- schedules

@pytest.mark.parametrize("lr0, n, k0", [(0.5, 50, 10.0), (2.0, 7, 0.5)])
def test_inverse_time_decay_is_robbins_monro(lr0, n, k0):
    rates = optim.inverse_time_decay(lr0, n, k0=k0)
    np.testing.assert_allclose(rates, [lr0 / (1 + t / k0) for t in range(n)], rtol=1e-15)
    # sum of rates grows like log (diverges), sum of squares stays below its series limit
    long = optim.inverse_time_decay(lr0, 100_000, k0=k0)
    assert long.sum() > lr0 * k0 * math.log(1 + 99_999 / k0)
    # sum_t 1 / (k0 + t)^2 <= 1 / k0^2 + integral from k0 of 1 / s^2 = 1 / k0^2 + 1 / k0
    assert (long ** 2).sum() <= lr0 ** 2 * k0 ** 2 * (1 / k0 ** 2 + 1 / k0)


def test_step_decay_matches_pytorch_steplr_formula():
    rates = optim.step_decay(0.1, 10, every=3, gamma=0.5)
    expected = [0.1 * 0.5 ** (t // 3) for t in range(10)]  # torch.optim.lr_scheduler.StepLR
    np.testing.assert_allclose(rates, expected, rtol=1e-15)


@pytest.mark.parametrize("warmup, lr_min", [(0, 0.0), (5, 0.01), (1, 0.0)])
def test_cosine_decay_matches_the_closed_form(warmup, lr_min):
    n, lr_max = 40, 0.3
    rates = optim.cosine_decay(lr_max, n, warmup=warmup, lr_min=lr_min)
    for t, rate in enumerate(rates):
        if t < warmup:
            expected = lr_max * (t + 1) / warmup
        else:  # CosineAnnealingLR with T_max = n - warmup, after the warm-up
            expected = lr_min + (lr_max - lr_min) * (1 + math.cos(math.pi * (t - warmup) / (n - warmup))) / 2
        assert rate == pytest.approx(expected, rel=1e-12, abs=1e-15)
    assert rates.max() == pytest.approx(lr_max) and rates[-1] > lr_min


# --------------------------------------------------------------------------- moving averages

def test_ema_is_a_decaying_sum_and_debiasing_recovers_a_constant():
    rng = np.random.default_rng(3)
    g = rng.normal(size=(12, 2))
    beta = 0.8
    m = optim.ema(g, beta)
    for t in range(1, 13):
        weights = (1 - beta) * beta ** (t - np.arange(1, t + 1))  # beta^(t-i), i = 1..t
        np.testing.assert_allclose(m[t - 1], weights @ g[:t], rtol=1e-12)
        assert weights.sum() == pytest.approx(1 - beta ** t)
    np.testing.assert_allclose(optim.ema(g, beta, debias=True),
                               m / (1 - beta ** np.arange(1, 13))[:, None], rtol=1e-12)
    constant = np.full(20, 3.0)
    np.testing.assert_allclose(optim.ema(constant, 0.9), 3.0 * (1 - 0.9 ** np.arange(1, 21)))
    np.testing.assert_allclose(optim.ema(constant, 0.9, debias=True), 3.0, rtol=1e-12)


def test_adam_without_bias_correction_takes_a_longer_first_step():
    g = np.array([3.0, -0.5])
    b1, b2, lr = 0.9, 0.999, 0.1
    raw = optim.adam(lambda x: g, [0.0, 0.0], lr=lr, n_steps=1, bias_correction=False).xs[1]
    expected = -lr * (1 - b1) * g / (np.sqrt((1 - b2) * g ** 2) + 1e-8)
    np.testing.assert_allclose(raw, expected, rtol=1e-12)
    np.testing.assert_allclose(np.abs(raw), lr * (1 - b1) / math.sqrt(1 - b2), rtol=1e-6)
    fixed = optim.adam(lambda x: g, [0.0, 0.0], lr=lr, n_steps=1).xs[1]
    np.testing.assert_allclose(fixed, -lr * np.sign(g), rtol=1e-6)


# --------------------------------------------------------------------------- SGD on a schedule

def test_sgd_follows_a_schedule_step_by_step():
    data = np.arange(6.0)[:, None]
    rates = optim.inverse_time_decay(0.5, 6, k0=2.0)
    run = optim.sgd(lambda x, b: x - b.mean(axis=0), [10.0], data, lr=rates, batch_size=2,
                    n_epochs=2, rng=np.random.default_rng(1))
    order = np.random.default_rng(1)  # the same shuffles, replayed by hand
    x, xs = np.array([10.0]), [np.array([10.0])]
    for epoch in range(2):
        perm = order.permutation(6)
        for k in range(3):
            batch = data[perm[2 * k:2 * k + 2]]
            x = x - rates[3 * epoch + k] * (x - batch.mean(axis=0))
            xs.append(x)
    np.testing.assert_allclose(run.xs, np.array(xs), rtol=1e-12)
    same = optim.sgd(lambda x, b: x - b.mean(axis=0), [10.0], data, lr=np.full(6, 0.3), batch_size=2,
                     n_epochs=2, rng=5)
    fixed = optim.sgd(lambda x, b: x - b.mean(axis=0), [10.0], data, lr=0.3, batch_size=2,
                      n_epochs=2, rng=5)
    np.testing.assert_array_equal(same.xs, fixed.xs)


# --------------------------------------------------------------------------- SVM

POINTS = np.array([[1.0, 2.0], [2.0, 3.0], [2.0, 1.0], [0.5, 3.5], [1.2, 3.0],
                   [4.0, 1.0], [3.5, 0.0], [5.0, 2.0], [4.5, -0.5], [3.2, 1.6]])
LABELS = np.array([-1, -1, -1, -1, -1, 1, 1, 1, 1, 1.0])


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_hard_margin_svm_matches_slsqp_and_sklearn(seed):
    rng = np.random.default_rng(seed)
    X = np.vstack([rng.normal([-1.5, 0.0], 0.6, size=(6, 2)), rng.normal([1.5, 0.5], 0.6, size=(6, 2))])
    y = np.r_[-np.ones(6), np.ones(6)]
    if seed == 0:
        X, y = POINTS, LABELS
    svm = optim.hard_margin_svm(X, y)
    # the primal QP by SciPy's SLSQP: min |w|^2 / 2 s.t. y_i (w.x_i + b) >= 1
    primal = minimize(lambda z: 0.5 * z[:2] @ z[:2], np.zeros(3), method="SLSQP",
                      constraints={"type": "ineq", "fun": lambda z: y * (X @ z[:2] + z[2]) - 1},
                      options={"ftol": 1e-12, "maxiter": 500})
    assert primal.success
    np.testing.assert_allclose(np.r_[svm.w, svm.b], primal.x, atol=1e-5)
    svc = SVC(kernel="linear", C=1e8, tol=1e-8).fit(X, y)
    np.testing.assert_array_equal(svm.support, np.sort(svc.support_))
    np.testing.assert_allclose(svm.mu[svc.support_], np.abs(svc.dual_coef_[0]), rtol=1e-3)
    # stationarity w = sum mu_i y_i x_i, and mu > 0 exactly on the margin
    np.testing.assert_allclose(svm.w, (svm.mu * y) @ X, atol=1e-9)
    margins = y * (X @ svm.w + svm.b)
    np.testing.assert_allclose(margins[svm.support], 1.0, atol=1e-9)
    assert np.all(margins >= 1 - 1e-9)
    assert svm.margin == pytest.approx(2 / np.linalg.norm(svm.w))


@pytest.mark.parametrize("call, match", [
    (lambda: optim.hard_margin_svm([[0.0], [1.0], [2.0]], [1, -1, 1]), r"must be linearly separable"),
    (lambda: optim.hard_margin_svm([[0.0], [1.0]], [0, 1]), r"y must hold one label -1 or \+1"),
    (lambda: optim.cosine_decay(1.0, 5, warmup=5), r"warmup must be an integer in \[0, n_steps\)"),
    (lambda: optim.step_decay(1.0, 5, every=0, gamma=0.5), r"every must be a positive integer"),
    (lambda: optim.ema([1.0], 1.0), r"beta must be in \[0, 1\)"),
    (lambda: optim.sgd(lambda x, b: x, [1.0], np.ones((4, 1)), lr=[0.1, 0.1], batch_size=2, n_epochs=2),
     r"lr must be a positive float or 4 positive rates"),
    (lambda: optim.adam(lambda x: x, [1.0], lr=0.1, n_steps=1, bias_correction=1), r"bias_correction must be True or False"),
])
def test_new_optim_functions_refuse_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()
