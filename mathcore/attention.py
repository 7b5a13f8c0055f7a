"""Stable softmax, attention and einsum from scratch (lessons 13 and 17).

Lesson 13 (linear algebra for deep learning): broadcasting, einsum as explicit
loops, and the log-sum-exp trick that keeps softmax finite for logits of
±1000, and low-precision floats (float16, bfloat16: machine epsilon and a
sum that stops growing). Lesson 17 (attention and transformers): scaled
dot-product attention, causal masking, softmax temperature, multi-head
attention, sinusoidal positional encoding, and a transformer's parameter count.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from ._validate import (
    as_array, as_count, as_matrix, as_positive_float, as_positive_int, as_vector,
)

__all__ = [
    "softmax", "log_softmax", "logsumexp", "causal_mask", "scaled_dot_product_attention",
    "multi_head_attention", "sinusoidal_positional_encoding", "einsum_loops", "broadcast_shapes",
    "round_to_bfloat16", "round_to_format", "machine_epsilon", "running_sum", "ParameterCount",
    "parameter_count",
]


def _as_logits(x, axis: int) -> tuple[np.ndarray, int]:
    x = as_array(x, "x")
    if x.ndim == 0:
        raise ValueError("x must have at least 1 dimension, got a scalar")
    if not -x.ndim <= axis < x.ndim:
        raise ValueError(f"axis must be in [{-x.ndim}, {x.ndim - 1}] for x of shape {x.shape}, got {axis}")
    return x, axis


def logsumexp(x, axis=-1) -> np.ndarray:
    """Log of a sum of exponentials without overflow.

    .. math::

        \\log \\sum_i e^{x_i} = m + \\log \\sum_i e^{x_i - m}, \\qquad m = \\max_i x_i

    Every :math:`x_i - m \\le 0`, so no exponential overflows and the
    largest term is exactly 1, so the sum cannot underflow to 0.

    Parameters
    ----------
    x : array_like, shape (..., n, ...)
        Finite logits.
    axis : int
        Axis summed over (removed from the result).

    Returns
    -------
    ndarray, shape of x without ``axis``

    Examples
    --------
    >>> float(logsumexp([1000.0, 1000.0]))  # naive: log(inf)
    1000.6931471805599
    """
    x, axis = _as_logits(x, axis)
    m = np.max(x, axis=axis, keepdims=True)  # (..., 1, ...)
    return np.squeeze(m, axis=axis) + np.log(np.sum(np.exp(x - m), axis=axis))


def softmax(x, axis=-1, temperature=1.0) -> np.ndarray:
    """Softmax with temperature, shifted by the maximum for stability.

    .. math::

        \\operatorname{softmax}(x)_i = \\frac{e^{x_i / \\tau}}{\\sum_j e^{x_j / \\tau}}
        = \\frac{e^{x_i/\\tau - m}}{\\sum_j e^{x_j/\\tau - m}}, \\quad m = \\max_j x_j / \\tau

    Small :math:`\\tau` sharpens towards the arg-max (one-hot), large
    :math:`\\tau` flattens towards uniform.

    Parameters
    ----------
    x : array_like, shape (..., n, ...)
        Finite logits.
    axis : int
        Axis normalised over.
    temperature : float
        :math:`\\tau > 0`.

    Returns
    -------
    ndarray, same shape as x
        Non-negative, sums to 1 along ``axis``.

    Examples
    --------
    >>> softmax([1000.0, 1000.0, -1000.0]).tolist()
    [0.5, 0.5, 0.0]
    """
    x, axis = _as_logits(x, axis)
    z = x / as_positive_float(temperature, "temperature")
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))  # largest term is exactly 1
    return e / np.sum(e, axis=axis, keepdims=True)


def log_softmax(x, axis=-1, temperature=1.0) -> np.ndarray:
    """Log of the softmax, computed as a difference (never log of a rounded 0).

    .. math::

        \\log \\operatorname{softmax}(x)_i = x_i/\\tau - \\log \\sum_j e^{x_j/\\tau}

    Parameters
    ----------
    x : array_like, shape (..., n, ...)
        Finite logits.
    axis : int
        Axis normalised over.
    temperature : float
        :math:`\\tau > 0`.

    Returns
    -------
    ndarray, same shape as x

    Examples
    --------
    >>> log_softmax([1000.0, 0.0]).tolist()
    [0.0, -1000.0]
    """
    x, axis = _as_logits(x, axis)
    z = x / as_positive_float(temperature, "temperature")
    return z - np.expand_dims(logsumexp(z, axis=axis), axis)


def causal_mask(n_positions) -> np.ndarray:
    """Boolean (T, T) mask, True where query t may attend to key s (s <= t).

    Examples
    --------
    >>> causal_mask(2).tolist()
    [[True, False], [True, True]]
    """
    n = as_count(n_positions, "n_positions", bytes_each=1, square=True, what="the (T, T) mask")
    return np.tril(np.ones((n, n), dtype=bool))


def _as_mask(mask, shape: tuple) -> np.ndarray:
    mask = np.asarray(mask)
    if mask.dtype != bool:
        raise ValueError(f"mask must be a boolean array (True = may attend), got dtype {mask.dtype}")
    try:
        mask = np.broadcast_to(mask, shape)
    except ValueError:
        raise ValueError(f"mask must broadcast to the scores' shape {shape}, got shape {mask.shape}") from None
    if not np.all(mask.any(axis=-1)):
        raise ValueError("mask must let every query attend to at least one key, got a row of all False")
    return mask


def scaled_dot_product_attention(Q, K, V, mask=None) -> tuple[np.ndarray, np.ndarray]:
    """Attention: every query takes a softmax-weighted average of the values.

    .. math::

        \\operatorname{Attention}(Q, K, V) = \\operatorname{softmax}\\!\\left(
        \\frac{QK^T}{\\sqrt{d_k}}\\right) V

    Masked-out scores are set to :math:`-\\infty` before the softmax, so
    their weights are exactly 0.

    Parameters
    ----------
    Q : array_like, shape (..., T_q, d_k)
    K : array_like, shape (..., T_k, d_k)
    V : array_like, shape (..., T_k, d_v)
    mask : array_like of bool, broadcastable to (..., T_q, T_k), optional
        True where a query may attend to a key (see :func:`causal_mask`).

    Returns
    -------
    output : ndarray, shape (..., T_q, d_v)
    weights : ndarray, shape (..., T_q, T_k)
        Rows sum to 1.

    Examples
    --------
    >>> scaled_dot_product_attention([[1.0, 0.0]], [[1.0, 0.0], [-1.0, 0.0]], [[1.0], [0.0]])[1].round(4).tolist()
    [[0.8044, 0.1956]]
    """
    Q, K, V = (as_array(M, name) for M, name in ((Q, "Q"), (K, "K"), (V, "V")))
    _check_attention_shapes(Q, K, V)
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])  # (..., T_q, d_k) (..., d_k, T_k) -> (..., T_q, T_k)
    if mask is not None:
        scores = np.where(_as_mask(mask, scores.shape), scores, -np.inf)
    weights = _softmax_last(scores)  # (..., T_q, T_k)
    return weights @ V, weights  # (..., T_q, T_k) (..., T_k, d_v) -> (..., T_q, d_v)


def _softmax_last(scores: np.ndarray) -> np.ndarray:
    """Softmax over the last axis that tolerates -inf entries (masked keys)."""
    e = np.exp(scores - np.max(scores, axis=-1, keepdims=True))  # exp(-inf) = 0
    return e / np.sum(e, axis=-1, keepdims=True)


def _check_attention_shapes(Q: np.ndarray, K: np.ndarray, V: np.ndarray) -> None:
    for M, name in ((Q, "Q"), (K, "K"), (V, "V")):
        if M.ndim < 2:
            raise ValueError(f"{name} must have shape (..., T, d), got shape {M.shape}")
    if K.shape[-1] != Q.shape[-1]:
        raise ValueError(f"K must have d_k = {Q.shape[-1]} columns like Q {Q.shape}, got shape {K.shape}")
    if V.shape[-2] != K.shape[-2]:
        raise ValueError(f"V must have T_k = {K.shape[-2]} rows like K {K.shape}, got shape {V.shape}")


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, mask=None) -> tuple[np.ndarray, np.ndarray]:
    """Multi-head self-attention: h attentions on d_model / h-dimensional slices.

    .. math::

        \\text{head}_i = \\operatorname{Attention}(X W^Q_i, X W^K_i, X W^V_i), \\qquad
        \\operatorname{MHA}(X) = [\\text{head}_1, \\dots, \\text{head}_h] W^O

    where :math:`W^Q_i` is the i-th block of :math:`d_{model}/h` columns of
    :math:`W^Q` (likewise K, V): one big matrix product, then a reshape.

    Parameters
    ----------
    X : array_like, shape (..., T, d_model)
    Wq, Wk, Wv, Wo : array_like, shape (d_model, d_model)
    n_heads : int
        Must divide d_model.
    mask : array_like of bool, broadcastable to (..., n_heads, T, T), optional

    Returns
    -------
    output : ndarray, shape (..., T, d_model)
    weights : ndarray, shape (..., n_heads, T, T)
        Attention weights of each head.

    Examples
    --------
    >>> multi_head_attention(np.ones((3, 4)), *[np.eye(4)] * 4, n_heads=2)[1].shape
    (2, 3, 3)
    """
    X = as_array(X, "X")
    if X.ndim < 2:
        raise ValueError(f"X must have shape (..., T, d_model), got shape {X.shape}")
    d_model = X.shape[-1]
    weights_in = [_as_projection(W, name, d_model) for W, name in
                  ((Wq, "Wq"), (Wk, "Wk"), (Wv, "Wv"), (Wo, "Wo"))]
    h = as_positive_int(n_heads, "n_heads")
    if d_model % h:
        raise ValueError(f"n_heads must divide d_model = {d_model}, got {h}")
    Q, K, V = (_split_heads(X @ W, h) for W in weights_in[:3])  # (..., h, T, d_model / h)
    heads, weights = scaled_dot_product_attention(Q, K, V, mask)  # (..., h, T, d_head), (..., h, T, T)
    concat = np.swapaxes(heads, -3, -2).reshape(X.shape)  # (..., T, h, d_head) -> (..., T, d_model)
    return concat @ weights_in[3], weights


def _as_projection(W, name: str, d_model: int) -> np.ndarray:
    W = as_matrix(W, name)
    if W.shape != (d_model, d_model):
        raise ValueError(f"{name} must have shape ({d_model}, {d_model}) for d_model = {d_model}, got shape {W.shape}")
    return W


def _split_heads(Y: np.ndarray, h: int) -> np.ndarray:
    """(..., T, d_model) -> (..., h, T, d_model / h): column block i is head i."""
    *batch, T, d_model = Y.shape
    return np.swapaxes(Y.reshape(*batch, T, h, d_model // h), -3, -2)


def sinusoidal_positional_encoding(n_positions, d_model, base=10000.0) -> np.ndarray:
    """The Transformer's sinusoidal position encoding.

    .. math::

        PE_{t, 2i} = \\sin\\!\\left(\\frac{t}{b^{2i/d}}\\right), \\qquad
        PE_{t, 2i+1} = \\cos\\!\\left(\\frac{t}{b^{2i/d}}\\right), \\qquad b = 10000

    Each pair of columns is a rotation at its own frequency, so
    :math:`PE_{t+k}` is a fixed linear (rotation) map of :math:`PE_t`.

    Parameters
    ----------
    n_positions : int
        T, number of positions 0, ..., T-1.
    d_model : int
        d, encoding width (odd d ends with a sine column).
    base : float
        b > 0.

    Returns
    -------
    ndarray, shape (n_positions, d_model)

    Examples
    --------
    >>> sinusoidal_positional_encoding(2, 2).round(4).tolist()
    [[0.0, 1.0], [0.8415, 0.5403]]
    """
    T = as_count(n_positions, "n_positions", what="the (T, d_model) encoding")
    d = as_count(d_model, "d_model", bytes_each=8 * T, what=f"the ({T}, d_model) encoding")
    b = as_positive_float(base, "base")
    t = np.arange(T)[:, None]  # (T, 1)
    two_i = np.arange(0, d, 2)  # (ceil(d/2),)
    angles = t / b ** (two_i / d)  # (T, ceil(d/2))
    pe = np.empty((T, d))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles[:, : d // 2])
    return pe


def _parse_einsum(spec: str, n_operands: int) -> tuple[list[str], str]:
    if not isinstance(spec, str) or spec.count("->") != 1:
        raise ValueError(f"spec must be explicit, like 'ij,jk->ik', got {spec!r}")
    inputs, output = spec.replace(" ", "").split("->")
    terms = inputs.split(",")
    if len(terms) != n_operands:
        raise ValueError(f"spec {spec!r} names {len(terms)} operands, got {n_operands}")
    letters = "".join(terms) + output
    if not all(c.isalpha() for c in letters):
        raise ValueError(f"spec must use letters for indices, got {spec!r}")
    if len(set(output)) != len(output) or not set(output) <= set("".join(terms)):
        raise ValueError(f"spec output {output!r} must use distinct indices that appear in the inputs")
    return terms, output


def _index_sizes(terms: list[str], operands: list[np.ndarray]) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for k, (term, X) in enumerate(zip(terms, operands)):
        if len(term) != X.ndim:
            raise ValueError(f"operand {k} must have {len(term)} dimensions for {term!r}, got shape {X.shape}")
        for letter, size in zip(term, X.shape):
            if sizes.setdefault(letter, size) != size:
                raise ValueError(f"index {letter!r} has size {sizes[letter]} and {size}: operand {k} has shape {X.shape}")
    return sizes


def einsum_loops(spec, *operands) -> np.ndarray:
    """Einstein summation written as the explicit loops it stands for.

    .. math::

        \\texttt{"ij,jk->ik"}: \\quad C_{ik} = \\sum_j A_{ij} B_{jk}

    Indices in the output are kept; every other index is summed over. The
    loop runs over every combination of all indices and adds the product of
    the operands' entries to the output entry (slow: for teaching, compare
    with ``np.einsum``).

    Parameters
    ----------
    spec : str
        Explicit spec with ``->``, one comma-separated term per operand,
        e.g. ``"ij,jk->ik"``, ``"bij,bjk->bik"``, ``"i,i->"``, ``"ii->i"``.
    *operands : array_like
        One or more arrays with as many dimensions as their term has letters.

    Returns
    -------
    ndarray, one dimension per output index (a 0-d array for ``"...->"``)

    Examples
    --------
    >>> float(einsum_loops("i,i->", [1.0, 2.0], [3.0, 4.0]))
    11.0
    """
    if not operands:
        raise ValueError("einsum_loops needs at least one operand, got none")
    arrays = [as_array(X, f"operand {k}") for k, X in enumerate(operands)]
    terms, output = _parse_einsum(spec, len(arrays))
    sizes = _index_sizes(terms, arrays)
    letters = sorted(sizes)
    result = np.zeros(tuple(sizes[c] for c in output))
    for values in itertools.product(*(range(sizes[c]) for c in letters)):
        at = dict(zip(letters, values))
        term_product = 1.0
        for term, X in zip(terms, arrays):
            term_product *= X[tuple(at[c] for c in term)]
        result[tuple(at[c] for c in output)] += term_product
    return result


def broadcast_shapes(*shapes) -> tuple[int, ...]:
    """The shape NumPy broadcasting gives, with the rule spelled out.

    Align shapes on the right; in each position the sizes must be equal or
    one of them 1 (which is stretched); missing leading dimensions count as 1.

    .. math::

        (3, 1) \\text{ with } (4,) \\to (3, 4)

    Parameters
    ----------
    *shapes : tuple of int

    Returns
    -------
    tuple of int

    Examples
    --------
    >>> broadcast_shapes((3, 1), (4,))
    (3, 4)
    """
    ndim = max((len(s) for s in shapes), default=0)
    result = []
    for position in range(-ndim, 0):
        sizes = {s[position] for s in shapes if len(s) >= -position} - {1}
        if len(sizes) > 1:
            raise ValueError(f"shapes {', '.join(map(str, shapes))} do not broadcast: sizes "
                             f"{sorted(sizes)} clash in dimension {position} (from the right)")
        result.append(sizes.pop() if sizes else 1)
    return tuple(result)


# --------------------------------------------------------------------------- low precision

FLOAT_FORMATS = ("float64", "float32", "float16", "bfloat16")


def round_to_bfloat16(x) -> np.ndarray:
    """Round to the nearest bfloat16 number, returned as float64.

    bfloat16 keeps float32's 8 exponent bits but only 7 of its 23 stored
    mantissa bits: it is the top half of a float32. Rounding adds half of the
    16 dropped bits' range (ties to even) and clears them::

        bits + 0x7FFF + (bit 16)  then  & 0xFFFF0000

    Values are first rounded to float32, as hardware does when it converts a
    float32 tensor (a float64 input can therefore be double-rounded).

    Parameters
    ----------
    x : array_like
        Finite reals.

    Returns
    -------
    ndarray, same shape as x

    Examples
    --------
    >>> round_to_bfloat16([1.001, 3.14159]).tolist()
    [1.0, 3.140625]
    """
    x32 = np.atleast_1d(as_array(x, "x")).astype(np.float32)  # (n,) even for a scalar
    bits = x32.view(np.uint32).astype(np.uint64)  # room for the carry
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000
    out = rounded.astype(np.uint32).view(np.float32).astype(np.float64)
    return out.reshape(np.shape(x))


def round_to_format(x, fmt: str) -> np.ndarray:
    """Round to the nearest number of a floating-point format, returned as float64.

    Parameters
    ----------
    x : array_like
        Finite reals.
    fmt : {"float64", "float32", "float16", "bfloat16"}

    Returns
    -------
    ndarray, same shape as x

    Examples
    --------
    >>> round_to_format(1.001, "float16").item()
    1.0009765625
    """
    if fmt not in FLOAT_FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(FLOAT_FORMATS)}, got {fmt!r}")
    x = as_array(x, "x")
    if fmt == "bfloat16":
        return round_to_bfloat16(x)
    with np.errstate(over="ignore"):  # too large for float16 becomes inf, as on hardware
        return x.astype(fmt).astype(np.float64)


def machine_epsilon(fmt: str) -> float:
    """The gap between 1 and the next number of a format, found by halving.

    Start from :math:`\\varepsilon = 1` and halve while
    :math:`1 + \\varepsilon/2` still rounds to something above 1: the last
    :math:`\\varepsilon` is :math:`2^{-p}` for a format with p stored
    mantissa bits (float16: 10, bfloat16: 7, float32: 23, float64: 52).
    A relative change smaller than about half of it is rounded away.

    Parameters
    ----------
    fmt : {"float64", "float32", "float16", "bfloat16"}

    Returns
    -------
    float

    Examples
    --------
    >>> machine_epsilon("bfloat16")
    0.0078125
    """
    eps = 1.0
    while round_to_format(1.0 + eps / 2, fmt).item() > 1.0:
        eps /= 2
    return eps


def running_sum(values, fmt: str) -> np.ndarray:
    """Add numbers one at a time, rounding every partial sum to ``fmt``.

    How an accumulator of that precision sums: once the total is large, a
    small addend is below half the gap between neighbouring numbers and is
    rounded away (the sum stops growing).

    Parameters
    ----------
    values : array_like, shape (n,)
        Finite reals (each is first rounded to ``fmt``).
    fmt : {"float64", "float32", "float16", "bfloat16"}

    Returns
    -------
    ndarray, shape (n,)
        The partial sums; the last is the total.

    Examples
    --------
    >>> running_sum([0.01] * 3000, "float16")[-1].item()
    32.0
    """
    values = round_to_format(as_vector(values, "values"), fmt)
    sums = np.empty_like(values)
    total = 0.0
    for k, v in enumerate(values):
        total = round_to_format(total + v, fmt).item()
        sums[k] = total
    return sums


# --------------------------------------------------------------------------- parameters


@dataclass(frozen=True)
class ParameterCount:
    """The learned numbers of a decoder-only transformer, part by part.

    Attributes
    ----------
    attention : int
        One attention layer: W_Q, W_K, W_V, W_O of shape (d, d), 4 d^2 (plus 4 d biases).
    mlp : int
        One MLP: d -> r d -> d, 2 r d^2 (plus (r + 1) d biases).
    layer_norm : int
        The two layer norms of one block, 4 d (a scale and a shift each).
    block : int
        attention + mlp + layer_norm.
    embeddings : int
        Token embeddings (vocab, d) and learned positions (n_positions, d).
    total : int
        n_layers blocks, the embeddings and a final layer norm (2 d); the
        output layer reuses the token embeddings.
    """

    attention: int
    mlp: int
    layer_norm: int
    block: int
    embeddings: int
    total: int


def _as_size(n, name: str) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise ValueError(f"{name} must be a non-negative integer, got {n!r}")
    return int(n)


def parameter_count(d_model, n_layers=1, vocab_size=0, n_positions=0, mlp_ratio=4,
                    bias=True) -> ParameterCount:
    """Count a GPT-style transformer's parameters from its sizes.

    .. math::

        \\underbrace{4d^2}_{W_Q, W_K, W_V, W_O} + \\underbrace{2 r d^2}_{\\text{MLP}}
        = 12 d^2 \\text{ per block for } r = 4

    Parameters
    ----------
    d_model : int
        d, the width of every token vector.
    n_layers : int
        Number of blocks.
    vocab_size, n_positions : int
        Rows of the token and position embedding tables (0: none).
    mlp_ratio : int
        r, the MLP's hidden width over d.
    bias : bool
        Whether the linear layers have biases (GPT-2's do).

    Returns
    -------
    ParameterCount

    Examples
    --------
    >>> parameter_count(768, 12, 50257, 1024).total  # GPT-2 small
    124439808
    """
    d = as_positive_int(d_model, "d_model")
    layers = as_positive_int(n_layers, "n_layers")
    r = as_positive_int(mlp_ratio, "mlp_ratio")
    vocab, positions = (_as_size(n, name) for n, name in
                        ((vocab_size, "vocab_size"), (n_positions, "n_positions")))
    attention = 4 * d * d + (4 * d if bias else 0)
    mlp = 2 * r * d * d + ((r + 1) * d if bias else 0)
    layer_norm = 4 * d
    block = attention + mlp + layer_norm
    embeddings = (vocab + positions) * d
    total = layers * block + embeddings + 2 * d
    return ParameterCount(attention, mlp, layer_norm, block, embeddings, total)
