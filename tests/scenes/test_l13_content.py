"""Lesson 13's new numbers (the silent broadcasting bug, float16 and bfloat16) against
NumPy's own float16/float32 arithmetic, explicit loops and closed forms."""

from __future__ import annotations

import numpy as np
import pytest

from scene_modules import load_scene_module


@pytest.fixture(scope="module")
def l13():
    return load_scene_module("l13_linear_algebra_for_deep_learning")


def test_a_column_minus_a_vector_is_a_square_table(l13):
    assert l13.Y_PRED.shape == (4, 1) and l13.Y_TRUE.shape == (4,)
    assert l13.SHAPE_BUG == np.broadcast_shapes((4, 1), (4,)) == (4, 4)
    table = np.array([[l13.Y_PRED[i, 0] - l13.Y_TRUE[j] for j in range(4)] for i in range(4)])
    np.testing.assert_array_equal(l13.PAIR_DIFFS, table)
    assert l13.WRONG_MSE == pytest.approx(np.mean(table ** 2), abs=1e-12)
    intended = np.mean([(l13.Y_PRED[i, 0] - l13.Y_TRUE[i]) ** 2 for i in range(4)])
    assert l13.RIGHT_MSE == pytest.approx(intended, abs=1e-12)
    assert l13.WRONG_MSE != pytest.approx(l13.RIGHT_MSE)  # the bug changes the loss


def test_machine_epsilons(l13):
    assert l13.EPSILON["float16"] == float(np.finfo(np.float16).eps) == 2.0 ** -10
    assert l13.EPSILON["float32"] == float(np.finfo(np.float32).eps)
    assert l13.EPSILON["bfloat16"] == 2.0 ** -7
    for name, _, mantissa in l13.FORMATS:
        assert l13.EPSILON[name] == 2.0 ** -mantissa  # the formula on screen
    assert l13.FLOAT16_MAX == 65504.0


def test_cancellation(l13):
    assert l13.CANCELLED["float16"] == float(np.float16(1.001)) - 1.0
    assert l13.CANCELLED["bfloat16"] == 0.0  # 1.001 is within half a bfloat16 gap of 1
    assert abs(1.001 - 1.0) < 2.0 ** -8  # half of bfloat16's epsilon
    assert l13.CANCEL_ERROR == pytest.approx(0.0234375)  # "two percent"


def test_running_sums_match_numpy_arithmetic(l13):
    for name, dtype in (("float16", np.float16), ("float32", np.float32)):
        total = dtype(0)
        for _ in range(l13.N_TERMS):
            total = dtype(total + dtype(l13.ADDEND))
        assert l13.RUNNING[name][-1] == float(total)
    assert l13.RUNNING["float16"][-1] == 32.0
    assert l13.RUNNING["bfloat16"][-1] == 4.0
    assert l13.STALL["float16"] == 2798  # the first term after which the sum never changes
    # why it stalls: at 32 float16's gap is 2^-5 and the addend is under half of it
    assert np.spacing(np.float16(32.0)) == 2.0 ** -5 > 2 * l13.ADDEND


def test_bridges_give_the_numbers_on_screen(l13):
    for bridge in (l13.BATCHED_MATMUL, l13.EPSILON_BRIDGE):
        np.testing.assert_allclose(bridge.library.run(bridge.setup), bridge.value(), atol=1e-12)
        assert all(len(line) <= 44 for line in bridge.mathcore.lines + bridge.library.lines)
    np.testing.assert_array_equal(l13.BATCHED_MATMUL.value(), (l13.BATCH_A @ l13.BATCH_B)[1, 0])
