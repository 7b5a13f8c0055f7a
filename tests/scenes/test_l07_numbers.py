"""The numbers lesson 07 shows, against independent oracles (NumPy closed forms,
plain re-implementations of each optimizer, SciPy's minimizer)."""


import numpy as np
import pytest
import sympy
from scipy.optimize import minimize

from exercise_checks import arrays, assert_shows
from scene_modules import exercises_for, load_scene_module

RTOL, ATOL = 1e-9, 1e-9


@pytest.fixture(scope="module")
def l07():
    return load_scene_module("l07_gradient_descent")


# --------------------------------------------------------------------------- the bowl

def test_curvature_facts(l07):
    eigenvalues = np.linalg.eigvalsh(l07.A)  # ascending
    mu, L = eigenvalues[0], eigenvalues[-1]
    assert l07.L_MAX == pytest.approx(L, rel=RTOL)
    assert l07.MU == pytest.approx(mu, rel=RTOL)
    assert l07.CONDITION == pytest.approx(np.linalg.cond(l07.A), rel=RTOL)
    assert l07.STEP_LIMIT == pytest.approx(2.0 / L, rel=RTOL)
    assert l07.BEST_LR == pytest.approx(2.0 / (L + mu), rel=RTOL)
    kappa = L / mu
    assert l07.BEST_RATE == pytest.approx((kappa - 1) / (kappa + 1), rel=1e-9)


def closed_form_gd(A, x0, lr, n_steps):
    """x_k = (I - lr A)^k x0 for k = 0..n_steps."""
    M = np.eye(len(x0)) - lr * A
    return np.array([np.linalg.matrix_power(M, k) @ x0 for k in range(n_steps + 1)])


def test_main_trajectory_and_losses(l07):
    xs = closed_form_gd(l07.A, l07.X0, l07.LR_MAIN, l07.N_MAIN)
    np.testing.assert_allclose(l07.GD_MAIN.xs, xs, rtol=RTOL, atol=1e-12)
    losses = 0.5 * np.einsum("ki,ij,kj->k", xs, l07.A, xs)
    np.testing.assert_allclose(l07.GD_MAIN.losses, losses, rtol=RTOL, atol=1e-12)
    assert l07.LR_MAIN < 2.0 / np.linalg.eigvalsh(l07.A)[-1]  # the scene calls it stable


def test_three_runs_small_good_large(l07):
    limit = 2.0 / np.linalg.eigvalsh(l07.A)[-1]
    for name, run in l07.RUNS.items():
        xs = closed_form_gd(l07.A, l07.X0, l07.LR_RUNS[name], l07.N_RUNS[name])
        np.testing.assert_allclose(run.xs, xs, rtol=RTOL, atol=1e-12)
    assert l07.LR_RUNS["small"] < l07.LR_RUNS["good"] < limit < l07.LR_RUNS["large"]
    large = l07.RUNS["large"].losses
    assert large[-1] > 1.9 * large[0]  # narrated: "the loss has doubled"
    assert l07.RUNS["small"].losses[-1] > 5.0  # narrated: "has barely left the start"
    # the diverging path stays on its map (it is drawn, not clipped)
    assert np.all(np.abs(l07.RUNS["large"].xs[:, 1]) <= l07.BOWL_YS[-1] + 0.5)


def test_contraction_factors(l07):
    mu, L = np.linalg.eigvalsh(l07.A)[[0, -1]]
    np.testing.assert_allclose(l07.FACTORS["steep"], np.abs(1 - l07.LR_GRID * L), rtol=RTOL,
                               atol=1e-12)
    np.testing.assert_allclose(l07.FACTORS["shallow"], np.abs(1 - l07.LR_GRID * mu), rtol=RTOL,
                               atol=1e-12)


def test_contour_grid(l07):
    X, Y = np.meshgrid(l07.BOWL_XS, l07.BOWL_YS)
    np.testing.assert_allclose(l07.BOWL_Z, 0.5 * (l07.A[0, 0] * X ** 2 + l07.A[1, 1] * Y ** 2),
                               rtol=RTOL, atol=1e-12)


# --------------------------------------------------------------------------- SGD

def test_least_squares_minimum_and_loss(l07):
    w_star, *_ = np.linalg.lstsq(l07.DESIGN, l07.DATA_Y, rcond=None)
    np.testing.assert_allclose(l07.W_STAR, w_star, rtol=1e-9, atol=1e-12)
    w = np.array([0.3, -0.7])
    mse = 0.5 * np.mean((l07.DESIGN @ w - l07.DATA_Y) ** 2)
    assert l07.MSE.f(w) == pytest.approx(mse, rel=1e-12)


def test_full_batch_and_sgd_paths(l07):
    X, y, n = l07.DESIGN, l07.DATA_Y, l07.N_POINTS
    # full batch: plain loop with the exact gradient X^T (X w - y) / n
    w = l07.W0.copy()
    full = [w]
    for _ in range(l07.N_SGD):
        w = w - l07.LR_SGD * X.T @ (X @ w - y) / n
        full.append(w)
    np.testing.assert_allclose(l07.FULL_GD.xs, np.array(full), rtol=1e-7, atol=1e-9)
    # SGD: replay the seeded draws, reshuffle each epoch, exact batch gradients
    rng = np.random.default_rng(l07.SEED)
    rng.uniform(0.0, 3.0, size=n)
    rng.normal(0.0, 0.35, size=n)
    w = l07.W0.copy()
    path = [w]
    for _ in range(l07.N_EPOCHS):
        order = rng.permutation(n)
        for start in range(0, n, l07.BATCH):
            idx = order[start:start + l07.BATCH]
            w = w - l07.LR_SGD * X[idx].T @ (X[idx] @ w - y[idx]) / len(idx)
            path.append(w)
    np.testing.assert_allclose(l07.SGD.xs, np.array(path), rtol=1e-6, atol=1e-8)
    assert l07.N_SGD == l07.N_EPOCHS * n // l07.BATCH
    losses = 0.5 * np.mean((np.array(path) @ X.T - y) ** 2, axis=1)
    np.testing.assert_allclose(l07.SGD.losses, losses, rtol=1e-9, atol=1e-12)


# --------------------------------------------------------------------------- the race

def valley_grad(p):
    x, y = p
    return np.array([-2 * (1 - x) - 40 * x * (y - x ** 2), 20 * (y - x ** 2)])


def reference_run(grad, name, x0, n_steps, lr, beta=0.9, rho=0.9, betas=(0.9, 0.999), eps=1e-8):
    """Each optimizer's textbook update, written out in plain NumPy."""
    x = np.array(x0, dtype=float)
    v = m = s = np.zeros_like(x)
    xs = [x]
    for t in range(1, n_steps + 1):
        g = grad(x)
        if name == "gd":
            x = x - lr * g
        elif name == "momentum":
            v = beta * v + g
            x = x - lr * v
        elif name == "rmsprop":
            s = rho * s + (1 - rho) * g ** 2
            x = x - lr * g / (np.sqrt(s) + eps)
        else:
            m = betas[0] * m + (1 - betas[0]) * g
            s = betas[1] * s + (1 - betas[1]) * g ** 2
            m_hat, s_hat = m / (1 - betas[0] ** t), s / (1 - betas[1] ** t)
            x = x - lr * m_hat / (np.sqrt(s_hat) + eps)
        xs.append(x)
    return np.array(xs)


def test_valley_gradient(l07):
    rng = np.random.default_rng(0)
    for p in rng.uniform(-2, 3, size=(50, 2)):
        np.testing.assert_allclose(l07.valley_grad(p), valley_grad(p), rtol=1e-12, atol=1e-10)
        x, y = p
        assert l07.valley(p) == pytest.approx((1 - x) ** 2 + 10 * (y - x ** 2) ** 2, rel=1e-12)


@pytest.mark.parametrize("name", ["gd", "momentum", "rmsprop", "adam"])
def test_race_trajectories(l07, name):
    # The same gradient function as the scene: RMSProp's oscillating path on this
    # valley amplifies round-off (a 1e-16 change in a gradient grows to 1e-2 in
    # ~150 steps), so the optimizer's arithmetic is what is tested here, and the
    # gradient is tested against the analytic one above.
    xs = reference_run(l07.valley_grad, name, l07.VALLEY_X0, l07.N_RACE, **l07.RACE_SETTINGS[name])
    np.testing.assert_allclose(l07.RACE[name].xs, xs, rtol=1e-5, atol=1e-6)
    losses = [(1 - x) ** 2 + 10 * (y - x ** 2) ** 2 for x, y in xs]
    np.testing.assert_allclose(l07.RACE[name].losses, losses, rtol=1e-5, atol=1e-8)


def test_race_outcome_as_narrated(l07):
    best = minimize(l07.valley, l07.VALLEY_X0, method="BFGS", options={"gtol": 1e-10}).x
    np.testing.assert_allclose(l07.VALLEY_MIN, best, atol=1e-5)
    final = {n: l07.RACE[n].losses[-1] for n in l07.RACE_ORDER}
    assert final["adam"] < 1e-4 < final["momentum"] < final["gd"]
    assert final["rmsprop"] < final["gd"]
    np.testing.assert_allclose(l07.RACE["adam"].xs[-1], best, atol=1e-2)


# --------------------------------------------------------------------------- exercises

def test_exercise_answers():
    first, second, third, _ = exercises_for(7)
    (D,) = arrays(first.inputs, "A")
    mu, L = np.linalg.eigvalsh(D)[[0, -1]]
    assert first.answers["kappa"] == pytest.approx(L / mu, rel=RTOL)
    assert first.answers["max_lr"] == pytest.approx(2.0 / L, rel=RTOL)
    assert_shows(first.answer, [first.answers["kappa"], first.answers["max_lr"]], 3)

    A, x0 = arrays(second.inputs, "A", "x0")
    lr = second.inputs["lr"]
    np.testing.assert_allclose(second.answers["x1"], x0 - lr * A @ x0, rtol=RTOL, atol=ATOL)
    assert_shows(second.answer, second.answers["x1"], 3)

    # Adam's first step: m_hat = g, s_hat = g^2, so x1 = x0 - lr g / (|g| + eps)
    g, y0 = arrays(third.inputs, "g", "x0")
    np.testing.assert_allclose(third.answers["x1"], y0 - third.inputs["lr"] * g / (np.abs(g) + 1e-8),
                               rtol=RTOL, atol=ATOL)
    assert_shows(third.answer, third.answers["x1"], 3)


def test_schedule_exercise_against_the_closed_form_and_sympy():
    ex = exercises_for(7)[3]
    lr0, k0, k = (ex.inputs[name] for name in ("lr0", "k0", "k"))
    assert ex.answers["rate"] == pytest.approx(lr0 / (1 + k / k0), rel=1e-12)
    assert_shows(ex.answer, ex.answers["rate"], 3)
    # Robbins-Monro, decided by SymPy's series tests: the schedule passes, a constant step fails
    step = sympy.symbols("step", integer=True, nonnegative=True)
    schedule = sympy.Rational(str(lr0)) / (1 + step / k0)
    assert not sympy.Sum(schedule, (step, 0, sympy.oo)).is_convergent()
    assert sympy.Sum(schedule**2, (step, 0, sympy.oo)).is_convergent()
    assert not sympy.Sum(sympy.Rational(str(lr0)) ** 2, (step, 0, sympy.oo)).is_convergent()
    assert "yes" in ex.answer and "constant step: no" in ex.answer
