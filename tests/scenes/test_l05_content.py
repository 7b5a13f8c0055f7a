"""Lesson 05's new content (issue 12), against independent oracles: the 3-D hill's
contour lines at their heights, the slices' shapes as narrated, the dot product derived
from the two partial steps, and the Hessian's entries read on screen."""

import numpy as np
import pytest
from scipy import optimize

from scenekit.bridge import PRELUDE
from scene_modules import load_scene_module


@pytest.fixture(scope="module")
def l05():
    return load_scene_module("l05_multivariate_calculus")


def f(x, y):
    return 3.0 * np.exp(-(x ** 2 + 2 * y ** 2) / 6)


def test_the_lifted_contour_lines_lie_on_the_surface_at_their_heights(l05):
    axes = l05.get_hill_axes()
    loops = l05.get_lifted_contours(axes)
    assert len(loops) == len(l05.LEVELS)  # one group of pieces per height
    for pieces, level in zip(loops, l05.LEVELS):
        for piece in pieces:
            x, y, z = np.array([axes.point_to_coords(p) for p in piece.get_anchors()]).T
            np.testing.assert_allclose(z, level, atol=1e-9)
            np.testing.assert_allclose(f(x, y), level, rtol=0.02)  # linear interpolation
    # "raise a plane to the height 1.9": it meets the hill in one closed loop
    level = l05.LEVELS[l05.CUT_LEVEL]
    assert level == pytest.approx(1.9)
    (loop,) = loops[l05.CUT_LEVEL]
    assert np.allclose(loop.get_anchors()[0], loop.get_anchors()[-1])
    # six more heights; the flat map draws the same levels
    assert len(l05.LEVELS) - 1 == 6
    plane, _, _ = l05.get_hill_map()
    flat = l05.get_map_by_level(plane)
    assert [len(group) for group in flat] == [len(group) for group in loops]


def test_the_y_slice_is_the_narrower_bump(l05):
    def half_width(values):
        above = l05.SLICE_T[values >= values.max() / 2]
        return above.max() - above.min()
    # f(x, 0.5) and f(1, y) are Gaussians with standard deviations sqrt(3) and sqrt(3/2)
    assert half_width(l05.SLICE_Y) < half_width(l05.SLICE_X)
    assert half_width(l05.SLICE_X) == pytest.approx(2 * np.sqrt(3 * 2 * np.log(2)), abs=0.11)  # the grid step is 0.05
    assert half_width(l05.SLICE_Y) == pytest.approx(2 * np.sqrt(1.5 * 2 * np.log(2)), abs=0.11)  # the grid step is 0.05


def test_the_slope_along_u_is_the_sum_of_the_two_partial_steps(l05):
    u = np.array([np.cos(l05.SAMPLE_ANGLE), np.sin(l05.SAMPLE_ANGLE)])
    x, y = l05.P0
    h = 1e-6
    step = (f(x + h * u[0], y + h * u[1]) - f(x - h * u[0], y - h * u[1])) / (2 * h)
    partial_steps = (optimize.approx_fprime(l05.P0, lambda v: f(*v), 1e-8) * h * u).sum() / h
    assert l05.SAMPLE_DERIVATIVE == pytest.approx(step, abs=1e-6)
    assert l05.SAMPLE_DERIVATIVE == pytest.approx(partial_steps, abs=1e-5)
    assert np.degrees(l05.SAMPLE_ANGLE) == pytest.approx(120)  # "at a hundred and twenty degrees"


def test_the_hessian_entries_as_narrated(l05):
    x, y = l05.P0
    exact = f(x, y) * np.array([[x * x / 9 - 1 / 3, 2 * x * y / 9],
                                [2 * x * y / 9, 4 * y * y / 9 - 2 / 3]])
    np.testing.assert_allclose(l05.HESSIAN, exact, atol=1e-4)
    h = l05.HESSIAN
    assert h[1, 1] < h[0, 0] < 0  # both slices bend down, the y slice faster
    assert h[0, 1] > 0 and h[0, 1] == pytest.approx(h[1, 0], abs=1e-6)


def test_the_bridges_use_the_hill_and_the_point_of_the_scenes(l05):
    namespace = {}
    exec(PRELUDE + l05.HILL_SETUP, namespace)
    np.testing.assert_array_equal(namespace["p"], l05.P0)
    for point in ([0.0, 0.0], l05.P0, [-1.3, 2.2]):
        assert namespace["f"](np.array(point)) == pytest.approx(f(*point), rel=1e-12)
    assert l05.GRADIENT_BRIDGE.value() == pytest.approx(l05.GRAD, abs=1e-9)
    assert float(l05.DIRECTIONAL_BRIDGE.value()) == pytest.approx(l05.SAMPLE_DERIVATIVE, abs=1e-9)
