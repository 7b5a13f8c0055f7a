"""mathcore.optim against closed forms, reference loops and SciPy."""

import math
import warnings

import numpy as np
import pytest
import scipy.linalg
from hypothesis import given, settings, strategies as st

from mathcore import optim
from predicates import random_orthogonal, seeds

SETTINGS = settings(max_examples=50, deadline=None)


@st.composite
def convex_quadratics(draw, max_kappa=10.0):
    """(A, b, x0): A symmetric PD with eigenvalues in [1, max_kappa]."""
    rng = np.random.default_rng(draw(seeds))
    d = draw(st.integers(1, 4))
    Q = random_orthogonal(rng, d)
    w = np.r_[1.0, max_kappa, rng.uniform(1.0, max_kappa, d)][:d] if d > 1 else np.array([max_kappa])
    A = Q @ np.diag(w) @ Q.T
    return (A + A.T) / 2, rng.normal(size=d), rng.normal(size=d) * 3


@SETTINGS
@given(convex_quadratics(), st.floats(0.2, 0.95))
def test_gradient_descent_closed_form_and_convergence_below_2_over_L(case, fraction):
    A, b, x0 = case
    q = optim.quadratic(A, b)
    lr = fraction * q.max_stable_lr
    run = optim.gradient_descent(q.grad, x0, lr=lr, n_steps=800, loss=q.f)  # rate <= 0.96
    x_star = np.linalg.solve(A, b)
    step = np.eye(len(b)) - lr * A
    for t in (1, 2, 10):  # x_t - x* = (I - lr A)^t (x0 - x*)
        np.testing.assert_allclose(run.xs[t] - x_star, np.linalg.matrix_power(step, t) @ (x0 - x_star),
                                   rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(run.x, x_star, rtol=0, atol=1e-8)
    assert np.all(np.diff(run.losses) <= 1e-12)  # monotone below 2/L
    assert run.xs.shape == (801, len(b)) and run.losses.shape == (801,)


@SETTINGS
@given(convex_quadratics(), st.floats(1.05, 1.5))
def test_gradient_descent_diverges_above_2_over_L(case, fraction):
    A, b, x0 = case
    q = optim.quadratic(A, b)
    w, V = np.linalg.eigh(A)
    start = np.linalg.solve(A, b) + V[:, -1]  # offset along the stiffest direction
    run = optim.gradient_descent(q.grad, start, lr=fraction * q.max_stable_lr, n_steps=200)
    distances = np.linalg.norm(run.xs - np.linalg.solve(A, b), axis=1)
    assert distances[-1] > 1e3 * distances[0]


def _first_nonfinite_step(step, x0: float, n: int):
    """Oracle: a plain-Python-float loop x <- step(x); the first t whose x is inf or NaN."""
    x = x0
    for t in range(1, n + 1):
        x = step(x)
        if not math.isfinite(x):
            return t
    return None


@pytest.mark.parametrize("method, kwargs, reference", [
    # x <- x - lr 2x = -3x: |x_t| = 3^t overflows near t = log(1.8e308) / log(3) = 646
    (optim.gradient_descent, dict(lr=2.0), lambda x: x - 2.0 * (2 * x)),
    (optim.momentum, dict(lr=2.0, beta=0.0), lambda x: x - 2.0 * (2 * x)),  # beta = 0: plain GD
])
def test_an_overflowing_run_stops_with_a_warning_naming_the_step(method, kwargs, reference):
    expected = _first_nonfinite_step(reference, 1.0, 2000)
    assert abs(expected - math.log(np.finfo(float).max) / math.log(3)) < 2
    with pytest.warns(optim.DivergenceWarning,
                      match=rf"became non-finite at step {expected} of 2000: .* diverged\. "
                            rf"Try a smaller lr \(got 2;"):
        run = method(lambda x: 2 * x, [1.0], n_steps=2000, loss=lambda x: float(x @ x), **kwargs)
    assert run.nonfinite_step == expected
    assert run.xs.shape == (2001, 1) and run.losses.shape == (2001,)  # the documented shapes stay
    t = np.arange(expected)
    np.testing.assert_allclose(run.xs[:expected, 0], (-3.0) ** t, rtol=1e-12)  # shown up to the blow-up
    assert np.all(np.isnan(run.xs[expected:])) and np.all(np.isnan(run.losses[expected:]))


def _sqrt_slope(x):
    return 0.5 / np.sqrt(x)  # gradient of sqrt(x): NaN for x < 0


@pytest.mark.parametrize("method, kwargs", [
    (optim.gradient_descent, {}), (optim.momentum, dict(beta=0.5)), (optim.rmsprop, {}), (optim.adam, {}),
])
def test_a_nan_gradient_stops_the_run_at_the_step_it_poisons(method, kwargs):
    with pytest.warns(optim.DivergenceWarning) as record, np.errstate(invalid="ignore"):
        run = method(_sqrt_slope, [1.0], lr=1.0, n_steps=20, **kwargs)
    t = run.nonfinite_step
    # the rule: xs[t-1] is the first iterate outside sqrt's domain, so grad there is NaN
    assert np.all(run.xs[:t - 1] >= 0) and run.xs[t - 1, 0] < 0 and np.all(np.isnan(run.xs[t:]))
    message = str(record[0].message)
    assert f"non-finite at step {t} of 20: grad returned [nan] at xs[{t - 1}]" in message
    assert "smaller lr (got 1)" in message


def test_the_nan_gradient_step_by_hand():
    """f = sqrt(x), lr = 1: x1 = 1 - 1/2, x2 = x1 - 1 / (2 sqrt(x1)) < 0, then grad(x2) = NaN."""
    x1 = 0.5
    x2 = x1 - 0.5 / math.sqrt(x1)
    with pytest.warns(optim.DivergenceWarning, match=r"step 3 of 5"), np.errstate(invalid="ignore"):
        run = optim.gradient_descent(_sqrt_slope, [1.0], lr=1.0, n_steps=5)
    assert run.nonfinite_step == 3
    np.testing.assert_allclose(run.xs[:3, 0], [1.0, x1, x2], rtol=1e-15)


def test_grad_is_never_called_on_a_non_finite_iterate():
    """A grad that validates its input (here via norms.lp_norm) would fail with 'x must be finite'."""
    from mathcore import norms

    def grad(x):
        return 2 * x if norms.lp_norm(x, 1) >= 0 else None  # raises ValueError on inf or NaN

    with pytest.warns(optim.DivergenceWarning, match="diverged"):
        run = optim.gradient_descent(grad, [1.0, -1.0], lr=3.0, n_steps=1000)
    assert run.nonfinite_step is not None and np.all(np.isfinite(run.xs[:run.nonfinite_step]))


def test_sgd_reports_divergence_with_its_own_names():
    with pytest.warns(optim.DivergenceWarning, match=r"^SGD: the iterate became non-finite at step \d+"):
        run = optim.sgd(lambda x, b: 2 * (x - b.mean(axis=0)), [1.0], [[0.0], [1.0]], lr=5.0,
                        batch_size=1, n_epochs=1000, rng=0)
    assert run.nonfinite_step is not None


def test_a_finite_run_has_no_nonfinite_step_and_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = optim.gradient_descent(lambda x: 2 * x, [1.0], lr=0.6, n_steps=50)  # |1 - 1.2| < 1
    assert run.nonfinite_step is None and np.all(np.isfinite(run.xs))


def test_divergence_can_be_made_an_error():
    with warnings.catch_warnings():
        warnings.simplefilter("error", optim.DivergenceWarning)
        with pytest.raises(optim.DivergenceWarning, match="step 646"):
            optim.gradient_descent(lambda x: 2 * x, [1.0], lr=2.0, n_steps=2000)


def momentum_reference(A, b, x0, lr, beta, n):
    """Oracle: the heavy-ball recursion as one linear map on the state (x_t, x_{t-1})."""
    d = len(b)
    x_star = np.linalg.solve(A, b)
    M = np.block([[(1 + beta) * np.eye(d) - lr * A, -beta * np.eye(d)], [np.eye(d), np.zeros((d, d))]])
    state = np.r_[x0 - x_star, x0 - x_star]
    xs = [x0]
    for _ in range(n):
        state = M @ state
        xs.append(state[:d] + x_star)
    return np.array(xs)


@SETTINGS
@given(convex_quadratics(), st.floats(0.0, 0.95), st.floats(0.05, 0.9))
def test_momentum_matches_linear_recursion(case, beta, fraction):
    A, b, x0 = case
    lr = fraction * 2 * (1 + beta) / np.linalg.eigvalsh(A).max()  # heavy ball is stable below 2(1+beta)/L
    run = optim.momentum(lambda x: A @ x - b, x0, lr=lr, beta=beta, n_steps=50)
    np.testing.assert_allclose(run.xs, momentum_reference(A, b, x0, lr, beta, 50), rtol=1e-8, atol=1e-8)


def adam_reference(grad, x0, lr, b1, b2, eps, n):
    x, m, v, xs = np.array(x0, float), 0.0, 0.0, [np.array(x0, float)]
    for t in range(1, n + 1):
        g = grad(x)
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g ** 2
        x = x - lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps)
        xs.append(x)
    return np.array(xs)


@SETTINGS
@given(convex_quadratics(), st.floats(1e-3, 0.5), st.floats(0.0, 0.99), st.floats(0.9, 0.9999))
def test_adam_matches_reference_loop(case, lr, b1, b2):
    A, b, x0 = case
    grad = lambda x: A @ x - b
    run = optim.adam(grad, x0, lr=lr, betas=(b1, b2), n_steps=15)  # few steps: large-lr Adam amplifies rounding
    np.testing.assert_allclose(run.xs, adam_reference(grad, x0, lr, b1, b2, 1e-8, 15), rtol=1e-9, atol=1e-11)


@SETTINGS
@given(convex_quadratics())
def test_adam_first_step_is_lr_times_sign(case):
    A, b, x0 = case
    g = A @ x0 - b
    run = optim.adam(lambda x: A @ x - b, x0, lr=0.1, n_steps=1)
    np.testing.assert_allclose(run.xs[1] - x0, -0.1 * np.sign(g) * np.abs(g) / (np.abs(g) + 1e-8), atol=1e-12)


@settings(max_examples=8, deadline=None)
@given(convex_quadratics())
def test_adam_and_rmsprop_converge_on_a_quadratic(case):
    A, b, x0 = case
    x_star = np.linalg.solve(A, b)
    grad = lambda x: A @ x - b
    # moves <= ~lr per step per coordinate; a start ~10 away along the shallow direction still
    # needs ~5000 steps (hypothesis found one: 0.0503 after 4000, 0.0014 after 5000, 0 after 6000)
    adam_run = optim.adam(grad, x0, lr=0.01, n_steps=6000)
    assert np.linalg.norm(adam_run.x - x_star) < 0.05
    rms_run = optim.rmsprop(grad, x0, lr=0.01, n_steps=6000)
    assert np.linalg.norm(rms_run.x - x_star) < 0.05


def test_rmsprop_closed_form_steps():
    # constant gradient g: s_t = (1 - rho^t) g^2, step = lr / sqrt(1 - rho^t) (eps ~ 0)
    run = optim.rmsprop(lambda x: np.array([3.0]), [0.0], lr=0.1, rho=0.5, eps=1e-300, n_steps=3)
    expected = -np.cumsum([0.1 / np.sqrt(1 - 0.5 ** t) for t in (1, 2, 3)])
    np.testing.assert_allclose(run.xs[1:, 0], expected, rtol=1e-14)


@SETTINGS
@given(seeds, st.integers(1, 20), st.integers(1, 3))
def test_sgd_full_batch_is_gradient_descent_and_minibatches_follow_rng(seed, N, epochs):
    rng = np.random.default_rng(seed)
    data = rng.normal(size=(N, 2))
    grad_batch = lambda x, batch: x - batch.mean(axis=0)  # loss 1/2 mean ||x - d||^2
    full = optim.sgd(grad_batch, [5.0, -5.0], data, lr=0.3, batch_size=N, n_epochs=epochs, rng=seed)
    gd = optim.gradient_descent(lambda x: x - data.mean(axis=0), [5.0, -5.0], lr=0.3, n_steps=epochs)
    np.testing.assert_allclose(full.xs, gd.xs, rtol=1e-12, atol=1e-12)
    batch_size = max(1, N // 3)
    run = optim.sgd(grad_batch, [0.0, 0.0], data, lr=0.1, batch_size=batch_size, n_epochs=epochs, rng=seed)
    per_epoch = -(-N // batch_size)
    assert run.xs.shape == (epochs * per_epoch + 1, 2)
    order_rng, x, xs = np.random.default_rng(seed), np.zeros(2), [np.zeros(2)]
    for _ in range(epochs):
        order = order_rng.permutation(N)
        for k in range(per_epoch):
            x = x - 0.1 * (x - data[order[k * batch_size:(k + 1) * batch_size]].mean(axis=0))
            xs.append(x)
    np.testing.assert_allclose(run.xs, np.array(xs), rtol=1e-12, atol=1e-12)


def test_sgd_converges_near_the_mean():
    data = np.random.default_rng(0).normal(loc=[1.0, -2.0], size=(200, 2))
    run = optim.sgd(lambda x, batch: x - batch.mean(axis=0), [0.0, 0.0], data, lr=0.05,
                    batch_size=10, n_epochs=20, rng=1, loss=lambda x: 0.5 * np.mean(np.sum((x - data) ** 2, axis=1)))
    np.testing.assert_allclose(run.x, data.mean(axis=0), atol=0.15)
    assert run.losses[-1] < run.losses[0] / 2


@SETTINGS
@given(convex_quadratics(max_kappa=50.0))
def test_quadratic_facts_match_numpy(case):
    A, b, _ = case
    q = optim.quadratic(A, b, c=1.5)
    w = np.linalg.eigvalsh(A)
    assert q.L == pytest.approx(w[-1], rel=1e-10) and q.mu == pytest.approx(w[0], rel=1e-10)
    assert q.condition_number == pytest.approx(np.linalg.cond(A), rel=1e-9)
    assert q.max_stable_lr == pytest.approx(2 / w[-1], rel=1e-10)
    assert q.optimal_lr == pytest.approx(2 / (w[0] + w[-1]), rel=1e-10)
    np.testing.assert_allclose(q.minimizer, scipy.linalg.solve(A, b), rtol=1e-9, atol=1e-12)
    x = np.arange(len(b), dtype=float)
    assert q.f(x) == pytest.approx(0.5 * x @ A @ x - b @ x + 1.5, rel=1e-12)
    grid = np.stack([x, 2 * x])
    np.testing.assert_allclose(q.f(grid), [q.f(x), q.f(2 * x)], rtol=1e-12)
    np.testing.assert_allclose(q.grad(x), A @ x - b, rtol=1e-12, atol=1e-12)


@SETTINGS
@given(seeds, st.integers(1, 5), st.integers(1, 5))
def test_condition_number_matches_numpy(seed, m, n):
    A = np.random.default_rng(seed).normal(size=(m, n))
    assert optim.condition_number(A) == pytest.approx(np.linalg.cond(A), rel=1e-8)
    assert optim.condition_number(np.ones((3, 3))) > 1e15  # rank 1: sigma_min is rounding noise or 0


@st.composite
def equality_qps(draw):
    rng = np.random.default_rng(draw(seeds))
    n = draw(st.integers(1, 5))
    p = draw(st.integers(1, n))
    M = rng.normal(size=(n, n))
    return M @ M.T + 0.5 * np.eye(n), rng.normal(size=n), rng.normal(size=(p, n)), rng.normal(size=p)


@SETTINGS
@given(equality_qps())
def test_lagrange_equality_qp_matches_null_space_method(qp):
    Q, c, A, b = qp
    sol = optim.lagrange_equality_qp(Q, c, A, b)
    x_p = np.linalg.lstsq(A, b, rcond=None)[0]  # a feasible point
    N = scipy.linalg.null_space(A)  # (n, n - p): x = x_p + N z
    if N.shape[1]:
        z = np.linalg.solve(N.T @ Q @ N, -N.T @ (Q @ x_p + c))
        x_expected = x_p + N @ z
    else:
        x_expected = x_p
    np.testing.assert_allclose(sol.x, x_expected, rtol=1e-8, atol=1e-8)
    np.testing.assert_allclose(A @ sol.x, b, atol=1e-9)
    np.testing.assert_allclose(Q @ sol.x + c + A.T @ sol.multipliers, 0.0, atol=1e-8)
    assert sol.objective == pytest.approx(0.5 * x_expected @ Q @ x_expected + c @ x_expected, rel=1e-8, abs=1e-8)
    assert optim.kkt_conditions(Q @ sol.x + c, h=A @ sol.x - b, jac_h=A, lam=sol.multipliers).satisfied(1e-8)


@st.composite
def kkt_points(draw):
    """A convex QP built around a known KKT point: (grad_f, g, jac_g, mu) at x*."""
    rng = np.random.default_rng(draw(seeds))
    n, k = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    G = rng.normal(size=(k, n))
    active = rng.random(k) < 0.5
    mu = np.where(active, rng.uniform(0.1, 2.0, k), 0.0)
    g = np.where(active, 0.0, -rng.uniform(0.1, 2.0, k))
    return -G.T @ mu, g, G, mu  # stationarity: grad_f = -G^T mu


@SETTINGS
@given(kkt_points(), st.floats(0.01, 1.0))
def test_kkt_residuals_are_zero_at_a_kkt_point_and_measure_each_violation(case, delta):
    grad_f, g, G, mu = case
    assert optim.kkt_conditions(grad_f, g=g, jac_g=G, mu=mu).satisfied(1e-12)
    r = optim.kkt_conditions(grad_f + delta, g=g, jac_g=G, mu=mu)
    assert r.stationarity == pytest.approx(delta, rel=1e-9)
    r = optim.kkt_conditions(grad_f, g=g + np.r_[delta, np.zeros(len(g) - 1)] + np.r_[-g[0], np.zeros(len(g) - 1)],
                             jac_g=G, mu=mu)
    assert r.primal_feasibility == pytest.approx(delta, rel=1e-9)
    assert r.complementary_slackness == pytest.approx(mu[0] * delta, rel=1e-9)
    r = optim.kkt_conditions(grad_f - G[0] * (-delta - mu[0]), g=g, jac_g=G, mu=np.r_[-delta, mu[1:]])
    assert r.dual_feasibility == pytest.approx(delta, rel=1e-9) and r.stationarity < 1e-9


def test_kkt_textbook_example():
    # min (x-2)^2 + (y-1)^2 s.t. x + y <= 1: x* = (1, 0), mu = 2
    x = np.array([1.0, 0.0])
    res = optim.kkt_conditions(2 * (x - [2.0, 1.0]), g=[x.sum() - 1.0], jac_g=[[1.0, 1.0]], mu=[2.0])
    assert res.satisfied()
    wrong = optim.kkt_conditions(2 * (x - [2.0, 1.0]), g=[x.sum() - 1.0], jac_g=[[1.0, 1.0]], mu=[1.0])
    assert wrong.stationarity == pytest.approx(1.0) and not wrong.satisfied()


@pytest.mark.parametrize("call, match", [
    (lambda: optim.gradient_descent(lambda x: x, [1.0], lr=0.0, n_steps=3), r"lr must be a positive finite number, got 0.0"),
    (lambda: optim.gradient_descent(lambda x: x, [1.0], lr=0.1, n_steps=0), r"n_steps must be a positive integer, got 0"),
    (lambda: optim.gradient_descent(lambda x: x, [[1.0]], lr=0.1, n_steps=1), r"x0 must be a 1-D vector"),
    (lambda: optim.gradient_descent(lambda x: np.ones(2), [1.0], lr=0.1, n_steps=1), r"grad must return an array of shape \(1,\) like x0, got shape \(2,\)"),
    (lambda: optim.momentum(lambda x: x, [1.0], lr=0.1, beta=1.0, n_steps=1), r"beta must be in \[0, 1\), got 1.0"),
    (lambda: optim.adam(lambda x: x, [1.0], lr=0.1, betas=(0.9,), n_steps=1), r"betas must be a pair"),
    (lambda: optim.adam(lambda x: x, [1.0], lr=0.1, betas=(0.9, 1.5), n_steps=1), r"betas\[1\] must be in \[0, 1\), got 1.5"),
    (lambda: optim.rmsprop(lambda x: x, [1.0], lr=0.1, eps=-1.0, n_steps=1), r"eps must be a positive finite number"),
    (lambda: optim.sgd(lambda x, b: x, [1.0], np.ones((3, 1)), lr=0.1, batch_size=4, n_epochs=1), r"batch_size must be <= the number of samples 3, got 4"),
    (lambda: optim.sgd(lambda x, b: x, [1.0], [[np.nan]], lr=0.1, batch_size=1, n_epochs=1), r"data must be a finite array"),
    (lambda: optim.gradient_descent(lambda x: x, [1.0], lr=0.1, n_steps=1, loss=3), r"loss must be callable or None, got int"),
    (lambda: optim.quadratic([[1.0, 0.0], [0.0, -1.0]], [0.0, 0.0]), r"A must be positive definite"),
    (lambda: optim.quadratic(np.eye(2), [0.0]), r"b must have shape \(2,\) to match A, got shape \(1,\)"),
    (lambda: optim.quadratic(np.eye(2), [0.0, 0.0]).f(np.ones(3)), r"x must have shape \(\.\.\., 2\), got shape \(3,\)"),
    (lambda: optim.lagrange_equality_qp(np.eye(2), [0.0, 0.0], [[1.0, 1.0], [2.0, 2.0]], [1.0, 2.0]), r"the KKT matrix \[\[Q, A\^T\], \[A, 0\]\] must be nonsingular"),
    (lambda: optim.lagrange_equality_qp(np.eye(2), [0.0, 0.0], [[1.0, 1.0]], [1.0, 2.0]), r"b must have shape \(1,\) to match Q \(2, 2\) and A \(1, 2\), got shape \(2,\)"),
    (lambda: optim.kkt_conditions([1.0], g=[0.0]), r"g constraints need all of g, jac_g and its multipliers"),
    (lambda: optim.kkt_conditions([1.0], g=[0.0], jac_g=[[1.0, 2.0]], mu=[1.0]), r"jac_g must have shape \(1, 1\)"),
])
def test_optim_refuses_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()
