"""The Exercise record and the shared formatters the exercise text is rendered with."""

import dataclasses

import numpy as np
import pytest

from mathreel.exercise import (Exercise, format_decimal, format_list, format_tuple,
                               invertible_integer_matrix, latex_pmatrix, pylist)


def test_numbers_are_stored_read_only_as_plain_python():
    e = Exercise("q", "a", "c", inputs={"A": np.array([[1.0, 2.0], [3.0, 4.5]]), "n": np.int64(3)},
                 answers={"kappa": np.float64(6.0)})
    assert e.inputs["A"] == ((1.0, 2.0), (3.0, 4.5))
    assert type(e.inputs["n"]) is int and type(e.answers["kappa"]) is float
    with pytest.raises(TypeError):
        e.inputs["A"] = None
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.answers = {}
    np.testing.assert_array_equal(np.asarray(e.inputs["A"]), [[1.0, 2.0], [3.0, 4.5]])


def test_equal_numbers_compare_equal_and_the_hash_is_the_texts():
    a = Exercise("q", "a", "c", inputs={"v": np.array([1.0, 2.0])})
    b = Exercise("q", "a", "c", inputs={"v": (1.0, 2.0)})
    assert a == b and hash(a) == hash(Exercise("q", "a", "c"))
    assert a != Exercise("q", "a", "c", inputs={"v": (1.0, 3.0)})
    assert Exercise("q", "a", "c").inputs == {}  # text-only exercises still work


@pytest.mark.parametrize("x, decimals, trailing, text", [
    (2.5, 2, False, "2.5"), (2.5, 2, True, "2.50"), (-0.001, 2, False, "0"),
    (-0.001, 2, True, "0"), (3.0, 0, False, "3"), (0.1111, 3, False, "0.111"), (-7.99999, 3, False, "-8"),
])
def test_format_decimal(x, decimals, trailing, text):
    assert format_decimal(x, decimals, trailing) == text


def test_list_tuple_pylist_and_pmatrix_share_the_number_format():
    assert format_list([1.0, -0.5]) == "1, -0.5"
    assert format_tuple([1.0, -0.5], 2, trailing_zeros=True) == "(1.00, -0.50)"
    assert pylist([1.25, 0.0], 1) == "[1.2, 0]"  # round half to even, as f-strings do
    assert pylist([[1.0, 0.5], [0.0, 2.0]]) == "[[1, 0.5], [0, 2]]"
    assert latex_pmatrix([[1.0, 0.5], [0.0, 2.0]]) == r"\begin{pmatrix} 1 & 0.5 \\ 0 & 2 \end{pmatrix}"


@pytest.mark.parametrize("seed", range(20))
def test_invertible_integer_matrix_spans_the_plane(seed):
    M = invertible_integer_matrix(np.random.default_rng(seed), low=-2, high=3)
    assert M.shape == (2, 2) and M.dtype == float
    np.testing.assert_array_equal(M, np.round(M))
    assert M.min() >= -2 and M.max() <= 2
    assert abs(np.linalg.det(M)) >= 1 - 1e-9
    assert np.linalg.matrix_rank(M) == 2
