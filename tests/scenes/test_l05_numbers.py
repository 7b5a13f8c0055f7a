"""The numbers lesson 05 shows, against hand-derived derivatives of the hill
f(x, y) = 3 exp(-(x^2 + 2 y^2) / 6) and SciPy/NumPy closed forms."""


import numpy as np
import pytest

from exercise_checks import arrays, assert_shows
from scene_modules import exercises_for, load_scene_module

TOL = 1e-6  # central differences: O(h^2) error, h ~ 6e-6


@pytest.fixture(scope="module")
def l05():
    return load_scene_module("l05_multivariate_calculus")


def f(x, y):
    return 3.0 * np.exp(-(x ** 2 + 2 * y ** 2) / 6)


def grad_f(x, y):
    return f(x, y) * np.array([-x / 3, -2 * y / 3])


def hessian_f(x, y):
    v = f(x, y)
    return v * np.array([[x ** 2 / 9 - 1 / 3, 2 * x * y / 9],
                         [2 * x * y / 9, 4 * y ** 2 / 9 - 2 / 3]])


def test_value_and_gradient(l05):
    x, y = l05.P0
    assert l05.F0 == pytest.approx(f(x, y), rel=1e-12)
    np.testing.assert_allclose(l05.GRAD, grad_f(x, y), atol=TOL)
    assert l05.GRAD_NORM == pytest.approx(np.linalg.norm(grad_f(x, y)), abs=TOL)


def test_slices_are_the_function(l05):
    x, y = l05.P0
    np.testing.assert_allclose(l05.SLICE_X, f(l05.SLICE_T, y), rtol=1e-12)
    np.testing.assert_allclose(l05.SLICE_Y, f(x, l05.SLICE_T), rtol=1e-12)


def test_directional_derivatives(l05):
    g = grad_f(*l05.P0)
    u = np.stack([np.cos(l05.ANGLES), np.sin(l05.ANGLES)], axis=1)  # (361, 2)
    np.testing.assert_allclose(l05.DIRECTIONAL, u @ g, atol=TOL)
    # steepest ascent: the maximum is |grad f|, at the gradient's angle (to a degree)
    assert l05.DIRECTIONAL.max() == pytest.approx(np.linalg.norm(g), abs=2e-4)
    best = np.degrees(l05.ANGLES[np.argmax(l05.DIRECTIONAL)])
    assert best == pytest.approx(np.degrees(np.arctan2(g[1], g[0])) % 360, abs=0.5)
    assert l05.SAMPLE_DERIVATIVE < 0  # narrated as a downhill direction


def test_taylor_polynomials(l05):
    x0 = l05.P0
    np.testing.assert_allclose(l05.HESSIAN, hessian_f(*x0), atol=1e-4)
    d = l05.LINE_POINTS - x0  # (k, 2)
    t1 = f(*x0) + d @ grad_f(*x0)
    t2 = t1 + 0.5 * np.einsum("ki,ij,kj->k", d, hessian_f(*x0), d)
    np.testing.assert_allclose(l05.LINE_T1, t1, atol=1e-5)
    np.testing.assert_allclose(l05.LINE_T2, t2, atol=1e-3)
    np.testing.assert_allclose(l05.LINE_F, f(l05.LINE_POINTS[:, 0], l05.LINE_POINTS[:, 1]),
                               rtol=1e-12)
    e1, e2 = l05.NEAR_ERRORS
    near = x0 + l05.NEAR_T * l05.LINE_DIRECTION
    true = f(*near)
    dn = near - x0
    assert e1 == pytest.approx(abs(true - (f(*x0) + dn @ grad_f(*x0))), abs=1e-5)
    assert e2 == pytest.approx(abs(true - (f(*x0) + dn @ grad_f(*x0)
                                           + 0.5 * dn @ hessian_f(*x0) @ dn)), abs=1e-5)
    assert e2 < e1  # narrated: the parabola is closer near the point


def test_exercise_answers():
    first, second, third = exercises_for(5)
    a, b = first.inputs["a"], first.inputs["b"]
    (p,) = arrays(first.inputs, "point")
    np.testing.assert_allclose(first.answers["gradient"], [2 * a * p[0] * p[1], a * p[0] ** 2 + b],
                               atol=1e-6)  # central differences
    assert_shows(first.answer, first.answers["gradient"], 3)

    c = second.inputs["c"]
    q, u = arrays(second.inputs, "point", "direction")
    slope = np.array([2 * q[0], 2 * c * q[1]]) @ (u / np.linalg.norm(u))
    assert second.answers["slope"] == pytest.approx(slope, abs=1e-6)
    assert_shows(second.answer, second.answers["slope"], 3)

    y0, dx, dy = (third.inputs[name] for name in ("y0", "dx", "dy"))
    assert third.answers["estimate"] == pytest.approx(y0 + y0 * dx + dy, abs=1e-6)
    assert_shows(third.answer, third.answers["estimate"], 3)
