"""mathcore.convex against closed forms, SciPy and scikit-learn."""

import math

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp
from scipy.optimize import minimize_scalar
from sklearn.linear_model import Lasso

from mathcore import DivergenceWarning, convex, optim
from predicates import seeds

SETTINGS = settings(max_examples=60, deadline=None)

arrays = hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=2, max_side=5),
                    elements=st.floats(-10, 10, allow_nan=False))
lams = st.floats(0.0, 5.0)


@SETTINGS
@given(arrays, lams)
def test_soft_threshold_solves_its_prox_problem(x, lam):
    out = convex.soft_threshold(x, lam)
    for xi, zi in zip(x.ravel(), out.ravel()):  # prox separates over coordinates
        best = minimize_scalar(lambda z: 0.5 * (z - xi) ** 2 + lam * abs(z), bounds=(-11, 11),
                               method="bounded", options={"xatol": 1e-10})
        assert zi == pytest.approx(best.x, abs=1e-6)
    np.testing.assert_array_equal(out, np.sign(x) * np.clip(np.abs(x) - lam, 0, None))


@SETTINGS
@given(arrays, lams)
def test_prox_l2sq_solves_its_prox_problem(x, lam):
    out = convex.prox_l2sq(x, lam)
    np.testing.assert_allclose((out - x) + lam * out, 0.0, atol=1e-12)  # gradient of the prox objective
    assert out.shape == x.shape


@SETTINGS
@given(seeds, st.floats(0.0, 1.0))
def test_jensen_gap_closed_form_and_sign(seed, t):
    rng = np.random.default_rng(seed)
    x, y = rng.normal(size=3), rng.normal(size=3)
    # ||.||^2 has gap t(1-t)||x - y||^2
    assert convex.jensen_gap(lambda v: float(v @ v), x, y, t) == pytest.approx(
        t * (1 - t) * np.sum((x - y) ** 2), rel=1e-9, abs=1e-12)
    assert convex.jensen_gap(lambda v: float(np.logaddexp.reduce(v)), x, y, t) >= -1e-12  # convex
    assert convex.jensen_gap(lambda v: -float(v @ v), x, y, t) <= 1e-12  # concave


@st.composite
def lasso_problems(draw):
    rng = np.random.default_rng(draw(seeds))
    m, d = draw(st.integers(5, 15)), draw(st.integers(1, 4))
    A = rng.normal(size=(m, d))
    b = A @ (rng.normal(size=d) * (rng.random(d) < 0.6)) + 0.1 * rng.normal(size=m)
    return A, b, draw(st.floats(0.01, 3.0))


@settings(max_examples=12, deadline=None)
@given(lasso_problems())
def test_ista_matches_sklearn_lasso(problem):
    A, b, lam = problem
    run = convex.ista(A, b, lam, n_steps=3000)
    m = A.shape[0]  # sklearn: (1/2m)||b - Ax||^2 + alpha ||x||_1, so alpha = lam / m
    gold = Lasso(alpha=lam / m, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(A, b).coef_
    objective = lambda x: 0.5 * np.sum((A @ x - b) ** 2) + lam * np.sum(np.abs(x))
    assert run.objectives[-1] == pytest.approx(objective(gold), rel=1e-6, abs=1e-8)
    np.testing.assert_allclose(run.x, gold, atol=1e-4)
    assert np.all(np.diff(run.objectives) <= 1e-10 * run.objectives[0])  # monotone for lr = 1/L
    np.testing.assert_allclose(run.objectives, [objective(x) for x in run.xs], rtol=1e-12)
    assert run.lr == pytest.approx(1 / np.linalg.norm(A, 2) ** 2, rel=1e-10)


def test_ista_with_a_far_too_large_step_stops_with_a_warning_naming_the_step():
    """A = 3 I, lr = 1 (1/L = 1/9): the gradient step maps x - b/3 to -8 (x - b/3), then
    soft-thresholding; the reference loop below runs that in plain floats until inf."""
    A, b, lam, lr = 3 * np.eye(2), np.array([3.0, 3.0]), 0.1, 1.0

    def reference(x):
        g = x - lr * 3 * (3 * x - 3.0)
        return math.copysign(max(abs(g) - lr * lam, 0.0), g)

    x, expected = 0.0, None
    for t in range(1, 2001):
        if not math.isfinite(x - lr * 3 * (3 * x - 3.0)):
            expected = t
            break
        x = reference(x)
    with pytest.warns(DivergenceWarning, match=rf"ista: the iterate became non-finite at step {expected} of 2000: .*"
                            r"Try a smaller lr \(got 1; ISTA converges for lr <= 1/sigma_max\(A\)\^2 = 0\.111\)"):
        run = convex.ista(A, b, lam, n_steps=2000, lr=lr)
    assert run.nonfinite_step == expected and run.xs.shape == (2001, 2)
    assert np.all(np.isfinite(run.xs[:expected])) and np.all(np.isnan(run.xs[expected:]))
    assert np.all(np.isnan(run.objectives[expected:]))


def test_ista_large_lambda_gives_zero():
    A = np.random.default_rng(0).normal(size=(6, 3))
    b = np.ones(6)
    lam = 1.01 * np.max(np.abs(A.T @ b))  # above lam_max the lasso solution is 0
    np.testing.assert_array_equal(convex.ista(A, b, lam, n_steps=50).x, np.zeros(3))


@st.composite
def qps(draw):
    rng = np.random.default_rng(draw(seeds))
    n = draw(st.integers(1, 5))
    p = draw(st.integers(1, n))
    M = rng.normal(size=(n, n))
    return M @ M.T + 0.5 * np.eye(n), rng.normal(size=n), rng.normal(size=(p, n)), rng.normal(size=p), rng


@SETTINGS
@given(qps())
def test_weak_and_strong_duality(case):
    Q, c, A, b, rng = case
    dual = convex.equality_qp_dual(Q, c, A, b)
    # strong duality: the gap closes at (x*, nu*)
    assert dual.duality_gap(dual.x_star, dual.nu_star) == pytest.approx(0.0, abs=1e-8 * max(1, abs(dual.primal(dual.x_star))))
    # weak duality: any feasible x and any nu
    x_feasible = dual.x_star + (np.eye(len(c)) - np.linalg.pinv(A) @ A) @ rng.normal(size=len(c))
    nu = rng.normal(size=len(b)) * 3
    assert dual.dual(nu) <= dual.primal(x_feasible) + 1e-9
    assert dual.dual(nu) <= dual.dual(dual.nu_star) + 1e-9  # nu* maximises g
    # closed form of g: min over x of the Lagrangian, found by a direct solve
    x_nu = np.linalg.solve(Q, -(c + A.T @ nu))
    lagrangian = 0.5 * x_nu @ Q @ x_nu + c @ x_nu + nu @ (A @ x_nu - b)
    assert dual.dual(nu) == pytest.approx(lagrangian, rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("call, match", [
    (lambda: convex.soft_threshold([1.0], -0.5), r"lam must be a finite number >= 0, got -0.5"),
    (lambda: convex.prox_l2sq([np.nan], 1.0), r"x must be finite"),
    (lambda: convex.jensen_gap(lambda v: 0.0, [1.0], [1.0, 2.0], 0.5), r"y must have the shape of x \(1,\), got shape \(2,\)"),
    (lambda: convex.jensen_gap(lambda v: 0.0, [1.0], [2.0], 1.5), r"t must be in \[0, 1\], got 1.5"),
    (lambda: convex.ista(np.eye(2), [1.0], 0.1, n_steps=5), r"b must have shape \(2,\) to match A \(2, 2\), got shape \(1,\)"),
    (lambda: convex.ista(np.zeros((2, 2)), [1.0, 1.0], 0.1, n_steps=5), r"A must not be all zeros when lr is None"),
    (lambda: convex.ista(np.eye(2), [1.0, 1.0], 0.1, n_steps=5, x0=[1.0]), r"x0 must have shape \(2,\) to match A"),
    (lambda: convex.equality_qp_dual(-np.eye(2), [0.0, 0.0], [[1.0, 1.0]], [1.0]), r"Q must be positive definite"),
    (lambda: convex.equality_qp_dual(np.eye(2), [0.0, 0.0], [[1.0, 1.0]], [1.0]).dual([1.0, 2.0]), r"nu must have shape \(1,\), got shape \(2,\)"),
])
def test_convex_refuses_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()


# --------------------------------------------------------------------------- Slater on a disk

@pytest.mark.parametrize("c, r", [([1.0, 0.5], 1.0), ([3.0, -4.0], 0.25), ([2.0], 9.0)])
def test_linear_over_ball_matches_slsqp_and_closes_the_gap(c, r):
    from scipy.optimize import minimize
    d = convex.linear_over_ball_dual(c, r)
    c = np.asarray(c)
    res = minimize(lambda x: c @ x, np.zeros(c.size), method="SLSQP", options={"ftol": 1e-12},
                   constraints=[{"type": "ineq", "fun": lambda x: r - x @ x}])
    np.testing.assert_allclose(d.x_star, res.x, atol=1e-5)
    assert d.p_star == pytest.approx(res.fun, abs=1e-8)
    mus = np.linspace(1e-3, 20, 20001)
    values = np.array([d.dual(mu) for mu in mus])
    assert np.all(values <= d.p_star + 1e-12)  # weak duality
    assert d.dual(d.mu_star) == pytest.approx(d.p_star, abs=1e-12)  # strong duality (Slater)
    assert mus[np.argmax(values)] == pytest.approx(d.mu_star, abs=2e-3)
    # KKT stationarity c + 2 mu* x* = 0, the constraint active
    assert optim.kkt_conditions(c + 0 * d.x_star, g=[d.x_star @ d.x_star - r],
                                       jac_g=[2 * d.x_star], mu=[d.mu_star]).satisfied(1e-10)


def test_point_disk_has_no_multiplier():
    d = convex.linear_over_ball_dual([1.0, 0.5], 0.0)
    assert d.p_star == 0 and d.mu_star == np.inf
    mus = np.logspace(-3, 6, 50)
    values = np.array([d.dual(mu) for mu in mus])
    assert np.all(values < 0) and np.all(np.diff(values) > 0)  # below p* = 0, rising toward it
    assert values[-1] == pytest.approx(-1.25 / 4e6)
    assert d.dual(0.0) == -np.inf
    # stationarity c + 2 mu x* = c at x* = 0: no mu >= 0 makes it vanish
    assert all(not optim.kkt_conditions([1.0, 0.5], g=[0.0], jac_g=[[0.0, 0.0]], mu=[m])
               .satisfied(1e-6) for m in mus)


@pytest.mark.parametrize("c, r", [([0.0, 0.0], 1.0), ([1.0], -1.0), ([1.0], np.inf)])
def test_linear_over_ball_refuses(c, r):
    with pytest.raises(ValueError, match="c must|r must"):
        convex.linear_over_ball_dual(c, r)


def test_ball_dual_refuses_negative_mu():
    with pytest.raises(ValueError, match="mu must"):
        convex.linear_over_ball_dual([1.0], 1.0).dual(-0.5)


# --------------------------------------------------------------------------- the SVM dual

@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_svm_dual_objective_at_the_kkt_multipliers_equals_the_primal(seed):
    rng = np.random.default_rng(seed)
    X = np.vstack([rng.normal([-2.0, 0.0], 0.5, (4, 2)), rng.normal([2.0, 0.0], 0.5, (4, 2))])
    y = np.r_[-np.ones(4), np.ones(4)]
    svm = optim.hard_margin_svm(X, y)
    K = X @ X.T
    assert convex.svm_dual_objective(svm.mu, K, y) == pytest.approx(0.5 * svm.w @ svm.w, abs=1e-9)
    # the maximiser found independently by SciPy over alpha >= 0, sum alpha y = 0
    from scipy.optimize import minimize
    res = minimize(lambda a: -(a.sum() - 0.5 * (a * y) @ K @ (a * y)), np.full(8, 0.1),
                   method="SLSQP", bounds=[(0, None)] * 8, options={"ftol": 1e-14, "maxiter": 500},
                   constraints=[{"type": "eq", "fun": lambda a: a @ y}])
    assert -res.fun == pytest.approx(0.5 * svm.w @ svm.w, rel=1e-5)
    np.testing.assert_allclose(X.T @ (res.x * y), svm.w, atol=1e-3)


def test_svm_dual_objective_closed_form_and_refusals():
    # two points at distance 2 on a line: alpha = (1/2, 1/2), D = 1 - 1/2 * 1/4 * |x1 - x2|^2
    X = np.array([[0.0, 0.0], [2.0, 0.0]])
    assert convex.svm_dual_objective([0.5, 0.5], X @ X.T, [-1.0, 1.0]) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="y must"):
        convex.svm_dual_objective([0.5, 0.5], X @ X.T, [0.0, 1.0])
    with pytest.raises(ValueError, match="K shape"):
        convex.svm_dual_objective([0.5, 0.5], np.eye(3), [-1.0, 1.0])
