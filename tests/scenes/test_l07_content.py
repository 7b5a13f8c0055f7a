"""Lesson 07's new content (issue 12), against independent oracles: the 1/k
bound, momentum on the ill-conditioned bowl, Robbins-Monro step sizes, Adam's
bias correction, the two bridges, and the corrected claims."""

import inspect

import numpy as np
import pytest

from scene_modules import load_scene_module


@pytest.fixture(scope="module")
def l07():
    return load_scene_module("l07_gradient_descent")


# --------------------------------------------------------------------------- corrections

def test_the_optimizers_do_not_see_the_same_gradients(l07):
    """Each optimiser asks for the gradient at its own iterate: after one step they differ."""
    grads = {name: np.array([l07.valley_grad(x) for x in run.xs[1:6]]) for name, run in l07.RACE.items()}
    names = list(grads)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not np.allclose(grads[a], grads[b]), (a, b)
    source = inspect.getsource(l07)
    assert "exactly the same gradients" not in source
    assert "running sum" not in source
    assert "if False" not in source


def test_momentum_velocity_is_a_decaying_sum(l07):
    """v_k = sum_i beta^i g_{k-i}, by unrolling a plain loop of momentum on the bowl."""
    beta, lr = l07.MOMENTUM_BETA, l07.MOMENTUM_LR
    x, v, grads = l07.X0.copy(), np.zeros(2), []
    for k in range(6):
        g = l07.A @ x
        grads.append(g)
        v = beta * v + g
        unrolled = sum(beta ** i * grads[k - i] for i in range(k + 1))
        np.testing.assert_allclose(v, unrolled, rtol=1e-12)
        x = x - lr * v
        np.testing.assert_allclose(l07.BALL_RUNS["momentum"].xs[k + 1], x, rtol=1e-12)


# --------------------------------------------------------------------------- the 1/k rate

def test_flat_quadratic_follows_one_over_k_under_the_bound(l07):
    lam = np.linalg.eigvalsh(l07.FLAT.A)
    L = lam.max()
    k = np.arange(l07.N_RATE + 1)
    x0 = l07.FLAT_X0  # diagonal A: each coordinate shrinks by (1 - lam / L) per step
    closed = 0.5 * ((lam[None, :] * (1 - lam[None, :] / L) ** (2 * k[:, None])) * x0 ** 2).sum(axis=1)
    np.testing.assert_allclose(l07.FLAT_RUN.losses, closed, rtol=1e-9, atol=1e-14)
    bound = L * (x0 @ x0) / (2 * k[1:])
    assert np.all(closed[1:] <= bound)
    np.testing.assert_allclose(l07.RATE_BOUND, L * (x0 @ x0) / (2 * l07.RATE_KS), rtol=1e-12)
    # narrated: ten times the steps, about ten times smaller (slope -1 on log-log)
    assert 5 < closed[100] / closed[1000] < 20
    slope = np.polyfit(np.log10(k[100:]), np.log10(closed[100:]), 1)[0]
    assert -1.3 < slope < -0.8
    # the strongly convex bowl falls far faster: linear rate (1 - mu / L)^2 per step
    assert l07.BOWL_RUN.losses[100] < 1e-4 * closed[100]


# --------------------------------------------------------------------------- momentum on the bowl

def test_heavy_ball_beats_descent_on_the_bowl(l07):
    mu, L = np.linalg.eigvalsh(l07.A)[[0, -1]]
    kappa = L / mu
    assert l07.MOMENTUM_RATE == pytest.approx((np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1), rel=1e-12)
    assert l07.MOMENTUM_LR == pytest.approx(4 / (np.sqrt(L) + np.sqrt(mu)) ** 2, rel=1e-12)

    def steps(lr, beta):  # a plain heavy-ball loop, beta = 0 is gradient descent
        x, v = l07.X0.copy(), np.zeros(2)
        for k in range(1, 500):
            v = beta * v + l07.A @ x
            x = x - lr * v
            if 0.5 * x @ l07.A @ x < l07.TARGET_LOSS:
                return k
    assert l07.STEPS_TO_TARGET["gd"] == steps(2 / (L + mu), 0.0)
    assert l07.STEPS_TO_TARGET["momentum"] == steps(l07.MOMENTUM_LR, l07.MOMENTUM_BETA)
    assert l07.STEPS_TO_TARGET["momentum"] < l07.STEPS_TO_TARGET["gd"] / 2
    # the steep component of the gradient flips sign, the shallow one keeps it (narrated)
    assert np.all(np.diff(np.sign(l07.BALL_GRADS[:, 1])) != 0)
    assert np.all(np.sign(l07.BALL_GRADS[:, 0]) == np.sign(l07.BALL_GRADS[0, 0]))


# --------------------------------------------------------------------------- Robbins-Monro

def test_decaying_step_settles_where_the_constant_one_jitters(l07):
    rates = l07.SCHEDULES["inverse"]
    t = np.arange(l07.N_SCHEDULE)
    np.testing.assert_allclose(rates, l07.LR_PEAK / (1 + t / l07.DECAY_K0), rtol=1e-12)
    for name, run in l07.SCHEDULE_RUNS.items():
        d = np.linalg.norm(run.xs - np.linalg.lstsq(l07.DESIGN, l07.DATA_Y, rcond=None)[0], axis=1)
        np.testing.assert_allclose(l07.SCHEDULE_DISTANCE[name], d, rtol=1e-9, atol=1e-12)
        assert l07.TAIL_MAX[name] == pytest.approx(d[-l07.N_TAIL:].max())
    assert l07.TAIL_MAX["inverse"] < l07.TAIL_MAX["constant"] / 5
    cosine = l07.SCHEDULES["cosine"]
    assert cosine.max() == pytest.approx(l07.LR_PEAK) and cosine[0] < cosine[29] and cosine[-1] < 0.01


# --------------------------------------------------------------------------- Adam's bias correction

def test_adam_bias_correction_numbers(l07):
    b1, b2 = l07.BETA1, l07.BETA2
    t = l07.BIAS_T
    np.testing.assert_allclose(l07.M_RAW, 1 - b1 ** t, rtol=1e-12)
    np.testing.assert_allclose(l07.M_HAT, 1.0, rtol=1e-12)
    raw = (1 - b1 ** t) / (np.sqrt(1 - b2 ** t) + 1e-8 / 1.0)  # m / sqrt(s) for g = 1, eps included
    np.testing.assert_allclose(l07.ADAM_STEPS["raw"], raw, rtol=1e-6)
    np.testing.assert_allclose(l07.ADAM_STEPS["fixed"], 1.0, rtol=1e-6)
    assert l07.ADAM_STEPS["raw"][0] == pytest.approx((1 - b1) / np.sqrt(1 - b2), rel=1e-6)
    assert l07.RAW_PEAK == int(np.argmax(raw))


# --------------------------------------------------------------------------- bridges

def test_least_squares_bridge_uses_the_data_on_screen(l07):
    namespace = {"np": np}
    from mathcore import optim
    namespace["optim"] = optim
    exec(l07.LEAST_SQUARES.setup, namespace)
    np.testing.assert_array_equal(namespace["X"], l07.DESIGN)
    np.testing.assert_array_equal(namespace["y"], l07.DATA_Y)
    np.testing.assert_array_equal(namespace["w0"], l07.W0)


@pytest.mark.parametrize("name", ["LEAST_SQUARES", "ADAM_STEP"])
def test_bridge_lines_agree(l07, name):
    bridge = getattr(l07, name)
    shown, oracle = bridge.value(), bridge.library.run(bridge.setup)
    np.testing.assert_allclose(shown, oracle, atol=0.5 * 10 ** -bridge.decimals)
    assert all(len(line) <= 44 for s in (bridge.mathcore, bridge.library) for line in s.lines)
