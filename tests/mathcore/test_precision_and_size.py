"""mathcore.attention's low-precision helpers and parameter count against
NumPy's own float16/float32, a brute-force bfloat16 grid and published sizes."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from mathcore import attention

SETTINGS = settings(max_examples=200, deadline=None)


def nearest_bfloat16(x: float) -> float:
    """The nearest number with an 8-bit significand (ties to even), by brute force."""
    if x == 0:
        return 0.0
    exponent = np.floor(np.log2(abs(x)))
    step = 2.0 ** (exponent - 7)  # the gap between neighbours in [2^e, 2^(e+1))
    k = abs(x) / step
    low = np.floor(k)
    candidates = [low, low + 1]
    best = min(candidates, key=lambda c: (abs(c - k), c % 2))  # ties go to the even one
    return float(np.sign(x) * best * step)


@SETTINGS
@given(st.floats(-1e30, 1e30, allow_nan=False).filter(lambda x: x == 0 or abs(x) > 1e-30))
def test_bfloat16_rounds_to_the_nearest_eight_bit_significand(x):
    x32 = float(np.float32(x))  # hardware converts float32 tensors
    assert attention.round_to_bfloat16(x).item() == nearest_bfloat16(x32)


def test_bfloat16_keeps_shapes_and_known_values():
    assert attention.round_to_bfloat16(np.ones((2, 3))).shape == (2, 3)
    assert attention.round_to_bfloat16(1 + 2 ** -8).item() == 1.0  # a tie: to even
    assert attention.round_to_bfloat16(1 + 3 * 2 ** -8).item() == 1 + 2 ** -6  # a tie: up to even


@pytest.mark.parametrize("fmt", ["float16", "float32", "float64"])
def test_machine_epsilon_matches_numpy_finfo(fmt):
    assert attention.machine_epsilon(fmt) == float(np.finfo(fmt).eps)


def test_bfloat16_epsilon_is_two_to_the_minus_seven():
    assert attention.machine_epsilon("bfloat16") == 2.0 ** -7


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="float16"):
        attention.round_to_format(1.0, "float8")


@pytest.mark.parametrize("fmt", ["float16", "float32"])
def test_running_sum_matches_numpy_arithmetic_in_that_format(fmt):
    values = np.random.default_rng(0).uniform(0, 0.05, size=2000)
    dtype = np.dtype(fmt).type
    total, expected = dtype(0), []
    for v in values:
        total = dtype(total + dtype(v))
        expected.append(float(total))
    np.testing.assert_array_equal(attention.running_sum(values, fmt), expected)


def test_float16_running_sum_stalls_where_the_gap_outgrows_the_addend():
    sums = attention.running_sum([0.01] * 3000, "float16")
    assert sums[-1] == 32.0  # the gap at 32 is 2^-5 and 0.01 is below half of it
    assert attention.running_sum([0.01] * 3000, "float64")[-1] == pytest.approx(30.0)


def parameter_shapes_gpt2(d, layers, vocab, positions):
    """GPT-2's weight tensors, shape by shape (the Hugging Face checkpoint's layout)."""
    shapes = [(vocab, d), (positions, d)]
    for _ in range(layers):
        shapes += [(d,), (d,), (d, 3 * d), (3 * d,), (d, d), (d,),  # ln_1, c_attn, c_proj
                   (d,), (d,), (d, 4 * d), (4 * d,), (4 * d, d), (d,)]  # ln_2, mlp
    shapes += [(d,), (d,)]  # ln_f
    return shapes


def test_parameter_count_of_gpt2_small_is_its_published_size():
    count = attention.parameter_count(768, 12, 50257, 1024)
    oracle = sum(int(np.prod(s)) for s in parameter_shapes_gpt2(768, 12, 50257, 1024))
    assert count.total == oracle == 124_439_808  # "124M"
    assert count.block * 12 + count.embeddings + 2 * 768 == count.total


@given(st.integers(1, 64), st.integers(1, 8))
def test_parameter_count_without_biases_is_twelve_d_squared_per_block(d, r):
    count = attention.parameter_count(d, mlp_ratio=r, bias=False)
    assert count.attention == 4 * d * d
    assert count.mlp == 2 * r * d * d
    assert count.block == (4 + 2 * r) * d * d + 4 * d


def test_parameter_count_refuses_a_negative_vocabulary():
    with pytest.raises(ValueError, match="vocab_size"):
        attention.parameter_count(8, vocab_size=-1)
