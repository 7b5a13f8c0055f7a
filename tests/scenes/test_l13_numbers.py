"""The numbers lesson 13 shows on screen, checked against NumPy and SciPy.

The scene module computes everything once at import (from mathcore.attention,
with a fixed seed); these tests import it by path and compare its module-level
constants with np.einsum, np.broadcast_shapes and scipy.special, with explicit
tolerances. The exercises of the Try-it card are checked the same way.
"""

from __future__ import annotations


import numpy as np
import pytest
from scipy import special

from mathcore import attention

from exercise_checks import arrays, assert_shows
from scene_modules import exercises_for, load_scene_module

TOL = 1e-12



@pytest.fixture(scope="module")
def l13():
    return load_scene_module("l13_linear_algebra_for_deep_learning")


# --------------------------------------------------------------------------- tensors, broadcasting

def test_tensor_shape(l13):
    assert l13.ACTIVATIONS.shape == (l13.B, l13.T, l13.C) == (2, 4, 3)


def test_broadcast_results(l13):
    assert l13.SHAPE_X_BIAS == np.broadcast_shapes(l13.X.shape, l13.BIAS.shape) == (4, 3)
    np.testing.assert_array_equal(l13.X_PLUS_BIAS,
                                  l13.X + np.broadcast_to(l13.BIAS, l13.X.shape))
    assert l13.SHAPE_COLUMN_ROW == np.broadcast_shapes(l13.COLUMN.shape, l13.ROW.shape)
    np.testing.assert_array_equal(l13.COLUMN_PLUS_ROW, np.add.outer(l13.COLUMN[:, 0], l13.ROW[0]))


def test_bad_shapes_really_fail(l13):
    with pytest.raises(ValueError):
        np.broadcast_shapes(*l13.BAD_SHAPES)
    assert "3" in l13.BAD_MESSAGE and "4" in l13.BAD_MESSAGE and "clash" in l13.BAD_MESSAGE


# --------------------------------------------------------------------------- einsum

def test_einsum_matches_numpy(l13):
    np.testing.assert_allclose(l13.C_MAT, np.einsum(l13.EINSUM_SPEC, l13.A_MAT, l13.B_MAT), atol=TOL)
    np.testing.assert_allclose(l13.C_MAT, l13.A_MAT @ l13.B_MAT, atol=TOL)


def test_partial_sums_are_the_loop_running_totals(l13):
    products = l13.A_MAT[:, :, None] * l13.B_MAT[None, :, :]  # (I, J, K)
    np.testing.assert_allclose(l13.PARTIAL_SUMS, np.cumsum(products, axis=1).transpose(1, 0, 2),
                               atol=TOL)
    np.testing.assert_allclose(l13.PARTIAL_SUMS[-1], l13.C_MAT, atol=TOL)


def test_other_specs_shapes(l13):
    for spec, shapes in l13.SPEC_SHAPES.items():
        expected = np.einsum(spec, *(np.ones(s) for s in shapes)).shape
        assert l13.SPEC_RESULTS[spec] == expected
    assert set(l13.SPEC_SHAPES) == {spec for spec, _, _ in l13.OTHER_SPECS}


# --------------------------------------------------------------------------- softmax

def test_naive_softmax_breaks(l13):
    assert np.all(np.isinf(l13.NAIVE_EXP))
    assert np.all(np.isnan(l13.NAIVE_SOFTMAX))
    assert np.isinf(l13.NAIVE_LSE)
    assert np.all(l13.NAIVE_LOW_EXP == 0) and np.all(np.isnan(l13.NAIVE_LOW_SOFTMAX))
    assert l13.LOGITS.max() > l13.FLOAT_MAX_LOG  # why it overflows
    assert l13.FLOAT_MAX_LOG == pytest.approx(709.782712893384, abs=1e-9)


def test_stable_softmax_and_logsumexp(l13):
    np.testing.assert_allclose(l13.SOFTMAX, special.softmax(l13.LOGITS), rtol=1e-12)
    np.testing.assert_allclose(l13.SOFTMAX_LOW, special.softmax(l13.LOW_LOGITS), rtol=1e-12)
    np.testing.assert_allclose(l13.SOFTMAX_LOW, l13.SOFTMAX, rtol=1e-12)
    assert l13.LSE == pytest.approx(special.logsumexp(l13.LOGITS), abs=1e-9)
    np.testing.assert_allclose(l13.LOG_SOFTMAX, special.log_softmax(l13.LOGITS), atol=1e-12)
    np.testing.assert_allclose(l13.SHIFTED_EXP / l13.SHIFTED_EXP.sum(), l13.SOFTMAX, rtol=1e-12)
    assert l13.SHIFT + np.log(l13.SHIFTED_EXP.sum()) == pytest.approx(l13.LSE, abs=1e-9)


def test_shifted_exponentials_sum_neither_overflows_nor_vanishes(l13):
    # sum_j e^(x_j - m) = e^(logsumexp(x) - m), by SciPy
    expected = np.exp(special.logsumexp(l13.LOGITS) - l13.LOGITS.max())
    assert l13.SHIFTED_EXP_SUM == pytest.approx(expected, rel=1e-12)
    assert 1.0 <= l13.SHIFTED_EXP_SUM <= len(l13.LOGITS)  # the largest term is exactly 1


# --------------------------------------------------------------------------- exercises

def test_exercises():
    shape_ex, einsum_ex, softmax_ex, float16_ex = exercises_for(13)
    left, right = shape_ex.inputs["x_shape"], shape_ex.inputs["y_shape"]
    shape = shape_ex.answers["shape"]
    assert shape == np.broadcast_shapes(left, right)
    assert shape != left and shape != right  # both operands are stretched
    assert shape_ex.answer == f"${shape}$"

    A, v = arrays(einsum_ex.inputs, "A", "v")
    np.testing.assert_allclose(einsum_ex.answers["Av"], np.einsum("ij,j->i", A, v), atol=1e-12)
    assert_shows(einsum_ex.answer, einsum_ex.answers["Av"], 0)

    (logits,) = arrays(softmax_ex.inputs, "logits")
    answers = softmax_ex.answers
    assert answers["shift"] == logits.max()
    np.testing.assert_allclose(answers["softmax"], special.softmax(logits), atol=1e-12)
    assert answers["logsumexp"] == pytest.approx(special.logsumexp(logits), abs=1e-9)
    assert_shows(softmax_ex.answer, answers["shift"], 0)
    assert_shows(softmax_ex.answer, [*answers["softmax"], answers["logsumexp"]], 3)

    addend = float16_ex.inputs["addend"]
    assert float16_ex.answers["epsilon"] == np.finfo(np.float16).eps == 2.0**-10
    assert float16_ex.answers["rounded"] == float(np.float16(1.0 + addend))
    assert_shows(float16_ex.answer, [float16_ex.answers["epsilon"], float16_ex.answers["rounded"]], 6)
    assert ("lost" in float16_ex.answer) == (float16_ex.answers["rounded"] == 1.0)


@pytest.mark.parametrize("addend", [0.0002, 0.0003, 0.0004, 0.0006, 0.0008])
def test_float16_addends_round_as_the_exercise_says(addend):
    """Every addend the exercise may draw: NumPy's float16 sum agrees with mathcore's rounding."""
    assert float(attention.round_to_format(1.0 + addend, "float16")) == float(np.float16(1.0 + addend))
