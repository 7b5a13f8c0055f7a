"""The numbers lesson 06 shows, against closed forms and scipy.optimize."""


import numpy as np
import pytest
from scipy.optimize import minimize, minimize_scalar

from exercise_checks import assert_shows
from scene_modules import exercises_for, load_scene_module



@pytest.fixture(scope="module")
def l06():
    return load_scene_module("l06_optimization_fundamentals")


def test_convex_descent_reaches_the_vertex(l06):
    assert l06.CONVEX_RUN.xs[-1, 0] == pytest.approx(-0.3, abs=1e-3)  # vertex of 0.5x^2 + 0.3x
    # every chord the scene draws lies above the convex graph (and one below the wavy one)
    t = np.linspace(0, 1, 50)
    for a, b in l06.CHORD_ENDS:
        chord = t * l06.convex(a) + (1 - t) * l06.convex(b)
        assert np.all(chord >= l06.convex(t * a + (1 - t) * b) - 1e-12)
    a, b = l06.WAVY_CHORD
    chord = t * l06.wavy(a) + (1 - t) * l06.wavy(b)
    assert np.any(chord < l06.wavy(t * a + (1 - t) * b))


def test_wavy_local_minima(l06):
    right = minimize_scalar(l06.wavy, bounds=(0.5, 2.5), method="bounded", options={"xatol": 1e-10})
    left = minimize_scalar(l06.wavy, bounds=(-2.5, -0.5), method="bounded", options={"xatol": 1e-10})
    assert l06.WAVY_RUNS["right"].xs[-1, 0] == pytest.approx(right.x, abs=1e-3)
    assert l06.WAVY_RUNS["left"].xs[-1, 0] == pytest.approx(left.x, abs=1e-3)
    assert l06.WAVY_RUNS["right"].losses[-1] == pytest.approx(right.fun, abs=1e-6)
    assert l06.WAVY_RUNS["left"].losses[-1] == pytest.approx(left.fun, abs=1e-6)
    assert right.fun > left.fun  # narrated: only one of them is the best


def f(v):
    x, y = v
    return x ** 2 + 2 * y ** 2 - 4 * x - 4 * y  # the scene's formula


def test_lagrange_solution(l06):
    best = minimize(f, [0.0, 0.0], constraints=[{"type": "eq", "fun": lambda v: v[0] + v[1] - 1}],
                    method="SLSQP", options={"ftol": 1e-12})
    np.testing.assert_allclose(l06.X_STAR, best.x, atol=1e-6)
    np.testing.assert_allclose(l06.X_STAR, [2 / 3, 1 / 3], atol=1e-12)  # by hand
    grad = np.array([2 * l06.X_STAR[0] - 4, 4 * l06.X_STAR[1] - 4])
    np.testing.assert_allclose(l06.GRAD_F_STAR, grad, atol=1e-12)
    assert l06.NU == pytest.approx(8 / 3, abs=1e-12)  # grad f = -nu (1, 1)
    np.testing.assert_allclose(grad, -l06.NU * np.array([1.0, 1.0]), atol=1e-12)
    np.testing.assert_allclose(l06.FREE_MIN, [2.0, 1.0], atol=1e-12)
    assert l06.FREE_VALUE == pytest.approx(f([2.0, 1.0]), abs=1e-12)
    assert l06.LAGRANGE.objective == pytest.approx(f(l06.X_STAR), abs=1e-12)
    # the multiplier is the sensitivity: d f*/d b for the constraint x + y = b
    def best_value(b):
        x = np.linalg.solve([[2, 0, 1], [0, 4, 1], [1, 1, 0]], [4, 4, b])[:2]
        return f(x)
    h = 1e-5
    assert -(best_value(1 + h) - best_value(1 - h)) / (2 * h) == pytest.approx(l06.NU, abs=1e-6)


def test_kkt_cases(l06):
    for name, case in l06.KKT_CASES.items():
        objective = (lambda v: f(v)) if name == "active" else (lambda v: l06.INSIDE.f(v))
        best = minimize(objective, [-2.0, -2.0], method="SLSQP", options={"ftol": 1e-12},
                        constraints=[{"type": "ineq", "fun": lambda v: 1 - v[0] - v[1]}])
        np.testing.assert_allclose(case["x"], best.x, atol=1e-5)
        r = case["residuals"]
        assert max(r.stationarity, r.primal_feasibility, r.dual_feasibility,
                   r.complementary_slackness) < 1e-10
    assert l06.KKT_CASES["inactive"]["mu"] == 0 and l06.KKT_CASES["inactive"]["g"] < 0
    assert l06.KKT_CASES["active"]["mu"] > 0 and abs(l06.KKT_CASES["active"]["g"]) < 1e-12


def test_exercise_answers():
    first, second, third = exercises_for(6)
    a, b, c = (first.inputs[name] for name in "abc")
    np.testing.assert_allclose(first.answers["x"], c * np.array([a, b]) / (a ** 2 + b ** 2), atol=1e-9)
    assert first.answers["nu"] == pytest.approx(-2 * c / (a ** 2 + b ** 2), abs=1e-9)
    assert_shows(first.answer, [*first.answers["x"], first.answers["nu"]], 3)

    k = second.inputs["k"]
    assert second.answers["curvature"] == pytest.approx(-2 * k, abs=1e-5)  # finite differences
    assert_shows(second.answer, second.answers["curvature"], 3)

    p, q = third.inputs["p"], third.inputs["q"]
    assert p > q  # the constraint x <= q is active
    assert third.answers["x"] == pytest.approx(q, abs=1e-9)
    assert third.answers["mu"] == pytest.approx(2 * (p - q), abs=1e-9)
    assert_shows(third.answer, [third.answers["x"], third.answers["mu"]], 3)
