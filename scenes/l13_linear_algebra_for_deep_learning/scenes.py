"""Lesson 13 — Linear algebra for deep learning.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed once, here at the top, by ``mathcore.attention``
(einsum as loops, broadcast shapes, stable softmax and log-sum-exp); the naive
formulas beside them are evaluated with NumPy only to show where they break.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UL, UP, UR, Arrow, Axes, VMobject, Brace, Circumscribe, Create, DashedVMobject, FadeIn,
    FadeOut, GrowFromEdge, Indicate, LaggedStart, MathTex, Rectangle, ReplacementTransform, Square, SurroundingRectangle,
    Tex, Text, Transform, TransformFromCopy, VGroup, Write,
)

from mathcore import attention, norms
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_view import get_bridge
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, ACCENT_3, BODY_SIZE, DATA, EDGE_BUFF, I_HAT, J_HAT, KEY, LABEL_SIZE,
    MUTED, SMALL_SIZE, TEXT, TITLE_SIZE,
)
from scenekit.widgets import format_number

SEED = 13  # the only source of randomness in this lesson (the integer entries)
rng = np.random.default_rng(SEED)

# --------------------------------------------------------------------------- tensors
B, T, C = 2, 4, 3  # batch, tokens (time), channels
ACTIVATIONS = rng.integers(0, 6, size=(B, T, C)).astype(float)  # (B, T, C)

# --------------------------------------------------------------------------- broadcasting
X = ACTIVATIONS[0]  # (T, C) one sequence
BIAS = rng.integers(1, 4, size=C).astype(float)  # (C,)
X_PLUS_BIAS = X + BIAS  # (T, C): NumPy broadcasting, the operation being shown
SHAPE_X_BIAS = attention.broadcast_shapes(X.shape, BIAS.shape)  # (T, C)
COLUMN = np.arange(1.0, T + 1)[:, None] * 10  # (T, 1)
ROW = np.arange(1.0, C + 1)[None, :]  # (1, C)
COLUMN_PLUS_ROW = COLUMN + ROW  # (T, C)
SHAPE_COLUMN_ROW = attention.broadcast_shapes(COLUMN.shape, ROW.shape)  # (T, C)
BAD_SHAPES = ((T, C), (T,))
try:
    attention.broadcast_shapes(*BAD_SHAPES)
    BAD_MESSAGE = ""
except ValueError as error:  # the point of the example: this pair does not broadcast
    BAD_MESSAGE = str(error)

# The silent bug: predictions as a column (4, 1) minus targets (4,) broadcast to (4, 4).
Y_TRUE = np.array([3.0, 1.0, 4.0, 2.0])  # (N,) targets
Y_PRED = np.array([[2.0], [1.0], [5.0], [2.0]])  # (N, 1) a model's output column
SHAPE_BUG = attention.broadcast_shapes(Y_PRED.shape, Y_TRUE.shape)  # (N, N), no error
PAIR_DIFFS = Y_PRED - Y_TRUE  # (N, N): NumPy broadcasting, the bug being shown
WRONG_MSE = float(np.mean(PAIR_DIFFS ** 2))  # the loss the buggy line reports
RIGHT_MSE = norms.euclidean(Y_PRED.ravel(), Y_TRUE) ** 2 / len(Y_TRUE)  # the intended loss

# --------------------------------------------------------------------------- einsum
EINSUM_SPEC = "ij,jk->ik"
A_MAT = rng.integers(1, 4, size=(2, 3)).astype(float)  # (I, J) no zeros: every term counts
B_MAT = rng.integers(-2, 4, size=(3, 2)).astype(float)  # (J, K)
C_MAT = attention.einsum_loops(EINSUM_SPEC, A_MAT, B_MAT)  # (I, K)
# C[i, k] after the first j + 1 terms of its sum: the loop's running total.
PARTIAL_SUMS = np.stack([attention.einsum_loops(EINSUM_SPEC, A_MAT[:, : j + 1], B_MAT[: j + 1])
                         for j in range(A_MAT.shape[1])])  # (J, I, K)
OTHER_SPECS = [  # (spec, what it is, shapes in -> out)
    ("i,i->", r"\text{dot product}", r"(n),\,(n) \to ()"),
    ("ij->ji", r"\text{transpose}", r"(m, n) \to (n, m)"),
    ("bij,bjk->bik", r"\text{batched matmul}", r"(B, m, n),\,(B, n, p) \to (B, m, p)"),
    ("btc,sc->bts", r"\text{scores } X W^T", r"(B, T, C),\,(S, C) \to (B, T, S)"),
]
SPEC_SHAPES = {  # operands of each spec, to check the shapes shown
    "i,i->": [(3,), (3,)], "ij->ji": [(2, 3)], "bij,bjk->bik": [(B, 2, 3), (B, 3, 2)],
    "btc,sc->bts": [(B, T, C), (5, C)],
}
SPEC_RESULTS = {spec: attention.einsum_loops(spec, *(np.ones(s) for s in shapes)).shape
                for spec, shapes in SPEC_SHAPES.items()}
BATCH_A = np.arange(12.0).reshape(2, 2, 3) % 5 - 1  # (B, I, J) small integers
BATCH_B = np.arange(12.0).reshape(2, 3, 2) % 4 - 1  # (B, J, K)
BATCHED_MATMUL = Bridge(
    formula=r"C_{bik} = \sum_j A_{bij} B_{bjk}",
    setup=f"A = np.array({BATCH_A.tolist()})\nB = np.array({BATCH_B.tolist()})",
    mathcore=Snippet('C = attention.einsum_loops(\n    "bij,bjk->bik", A, B)\nC[1, 0]'),
    library=Snippet('np.einsum("bij,bjk->bik", A, B)[1, 0]'),
    decimals=1,
)

# --------------------------------------------------------------------------- softmax
LOGITS = np.array([1000.0, 999.0, 997.0])  # (3,) e.g. a confident classifier's scores
with np.errstate(over="ignore", invalid="ignore"):
    NAIVE_EXP = np.exp(LOGITS)  # (3,) inf: e^1000 overflows float64
    NAIVE_SOFTMAX = NAIVE_EXP / NAIVE_EXP.sum()  # (3,) inf / inf = NaN
    NAIVE_LSE = np.log(NAIVE_EXP.sum())  # inf
FLOAT_MAX_LOG = float(np.log(np.finfo(np.float64).max))  # about 709.78: e^x overflows above it
SHIFT = LOGITS.max()  # m
SHIFTED = LOGITS - SHIFT  # (3,) <= 0
SHIFTED_EXP = np.exp(SHIFTED)  # (3,) in (0, 1], the largest exactly 1
SHIFTED_EXP_SUM = float(SHIFTED_EXP.sum())  # in [1, 3]: neither overflows nor vanishes
SOFTMAX = attention.softmax(LOGITS)  # (3,) stable
LSE = float(attention.logsumexp(LOGITS))
LOG_SOFTMAX = attention.log_softmax(LOGITS)  # (3,)
LOW_LOGITS = LOGITS - 2000.0  # (3,) around -1000: the other failure, underflow
with np.errstate(under="ignore", invalid="ignore", divide="ignore"):
    NAIVE_LOW_EXP = np.exp(LOW_LOGITS)  # (3,) all 0
    NAIVE_LOW_SOFTMAX = NAIVE_LOW_EXP / NAIVE_LOW_EXP.sum()  # 0 / 0 = NaN
SOFTMAX_LOW = attention.softmax(LOW_LOGITS)  # (3,) equal to SOFTMAX: shifting cancels

# --------------------------------------------------------------------------- low precision
FORMATS = (  # name, exponent bits, stored mantissa bits
    ("float32", 8, 23), ("float16", 5, 10), ("bfloat16", 8, 7))
EPSILON = {name: attention.machine_epsilon(name) for name, _, _ in FORMATS}
FLOAT16_MAX = float(np.finfo(np.float16).max)  # 65504: float16 overflows above it
NEAR_ONE = 1.001  # a number close to 1, then 1 subtracted: cancellation
CANCELLED = {name: float(attention.round_to_format(NEAR_ONE, name)) - 1.0
             for name in ("float64", "float16", "bfloat16")}
CANCEL_ERROR = abs(CANCELLED["float16"] - 0.001) / 0.001  # float16's relative error, 2 %
ADDEND, N_TERMS = 0.01, 10000  # add 0.01 ten thousand times: exactly 100
RUNNING = {name: attention.running_sum(np.full(N_TERMS, ADDEND), name)
           for name in ("float32", "float16", "bfloat16")}  # (N_TERMS,) each
STALL = {name: int(np.argmax(sums == sums[-1])) + 1 for name, sums in RUNNING.items()}
EPSILON_BRIDGE = Bridge(
    formula=r"\varepsilon = 2^{-p},\quad p = 10",
    setup="",
    mathcore=Snippet('attention.machine_epsilon("float16")'),
    library=Snippet("np.finfo(np.float16).eps"),
    decimals=7,
)

# --------------------------------------------------------------------------- drawing
CELL = 0.75
AXIS_COLORS = {"B": ACCENT_3, "T": KEY, "C": ACCENT}
INDEX_COLORS = {"i": I_HAT, "j": ACCENT, "k": J_HAT}
OVERFLOW = J_HAT  # broken numbers (inf, NaN) and errors: red
STABLE = I_HAT  # numbers that survive


def fmt(x: float, decimals: int = 2) -> str:
    """A number for MathTex; inf and NaN as a person would write them."""
    if np.isnan(x):
        return r"\text{NaN}"
    if np.isinf(x):
        return r"\infty" if x > 0 else r"-\infty"
    return format_number(x, decimals)


def spoken(x: float, decimals: int = 2) -> str:
    if np.isnan(x):
        return "not a number"
    if np.isinf(x):
        return "infinity" if x > 0 else "minus infinity"
    return format_number(x, decimals)


def tex_scientific(x: float, digits: int = 2) -> str:
    """``1.2 \\times 10^{-7}`` for MathTex; plain decimals from 0.001 up."""
    if x >= 1e-3:
        return f"{x:.{digits + 2}f}".rstrip("0")
    mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def get_grid(values, color=DATA, cell: float = CELL, font_size: float = SMALL_SIZE,
             show_values: bool = True, fill_opacity: float = 0.15) -> VGroup:
    """A (rows, cols) grid of square cells, each with its number; ``grid.cells[r][c]``."""
    values = np.atleast_2d(np.asarray(values, dtype=float))
    rows = VGroup()
    for r, row in enumerate(values):
        cells = VGroup()
        for c, value in enumerate(row):
            square = Square(cell, stroke_color=color, stroke_width=2, fill_color=color,
                            fill_opacity=fill_opacity).move_to([c * cell, -r * cell, 0])
            group = VGroup(square)
            if show_values:
                group.add(MathTex(fmt(value), font_size=font_size, color=TEXT).move_to(square))
            cells.add(group)
        rows.add(cells)
    grid = VGroup(rows)
    grid.cells = rows
    return grid


def fill_rows(grid: VGroup) -> LaggedStart:
    """A result grid coming in row by row from the left. (Morphing the
    operands' cells into it would swap digits through one another mid-way.)"""
    return LaggedStart(*(FadeIn(row, shift=0.2 * RIGHT) for row in grid.cells), lag_ratio=0.3)


def get_stack(values, color=DATA, offset=(0.32, 0.26), cell: float = CELL) -> VGroup:
    """A (B, T, C) tensor as B grids stacked back to front, the first in front."""
    layers = VGroup(*(get_grid(layer, color, cell, show_values=(b == 0), fill_opacity=0.9)
                      for b, layer in enumerate(values)))
    for b, layer in enumerate(layers):
        for cell_group in layer.cells:
            for square in cell_group:
                square[0].set_fill(color=interpolate_dark(color, b), opacity=1)
        layer.shift(b * np.array([offset[0], offset[1], 0]))
    stack = VGroup(*reversed(layers))  # back layer drawn first
    stack.layers = layers
    return stack


def interpolate_dark(color, depth: int):
    from manim import BLACK, interpolate_color
    return interpolate_color(color, BLACK, 0.55 + 0.15 * depth)


def shape_tex(shape, names=None, font_size: float = BODY_SIZE) -> MathTex:
    """``(4, 3)`` with each size coloured like its axis (names like ("T", "C"))."""
    parts = ["("]
    for i, size in enumerate(shape):
        if i:
            parts.append(",\\,")
        parts.append(str(size))
    parts.append(")" if len(shape) != 1 else ",)")
    tex = MathTex(*parts, font_size=font_size)
    if names:
        for name, part in zip(names, [p for p in tex if p.get_tex_string() not in ("(", ",\\,", ")", ",)")]):
            part.set_color(AXIS_COLORS.get(name, TEXT))
    return tex


# =========================================================================== scene 1

class TensorsAndBroadcasting(NarratedScene):
    """Tensors as grids of numbers with named axes; broadcasting copies along the missing axis."""

    def construct(self):
        # Step 1: scalar, vector, matrix: zero, one and two axes.
        self.show_ranks()
        # Step 2: a (B, T, C) tensor: a batch of sequences of feature vectors.
        self.show_btc()
        # Step 3: adding a bias of shape (C,) to (T, C): copy along the missing axis.
        self.show_bias_broadcast()
        # Step 4: a column plus a row: both are stretched; and a pair that does not broadcast.
        self.show_outer_broadcast()
        # Step 5: the pair that broadcasts when it should not: (4, 1) - (4,) is (4, 4).
        self.show_silent_bug()

    def show_ranks(self):
        scalar = get_grid([[ACTIVATIONS[0, 0, 0]]])
        vector = get_grid([ACTIVATIONS[0, 0]])
        matrix = get_grid(ACTIVATIONS[0])
        VGroup(scalar, vector, matrix).arrange(RIGHT, buff=1.4).move_to([0, 0.3, 0])
        labels = VGroup(*(
            VGroup(Tex(name, font_size=LABEL_SIZE, color=MUTED), shape_tex(shape, font_size=LABEL_SIZE))
            .arrange(DOWN, buff=0.15).next_to(item, DOWN, buff=0.35)
            for name, shape, item in (("scalar", (), scalar), ("vector", (C,), vector),
                                      ("matrix", (T, C), matrix))
        ))
        labels[0][1].become(MathTex("()", font_size=LABEL_SIZE).move_to(labels[0][1]))
        labels.align_to(labels[2], DOWN)
        with self.beat("In deep learning code everything is a tensor: a grid of numbers with some "
                       "number of axes. A scalar has none, a vector has one."):
            self.play(FadeIn(scalar), FadeIn(labels[0]))
            self.play(FadeIn(vector), FadeIn(labels[1]))
        with self.beat("A matrix has two. Its shape lists the length of each axis: four rows, "
                       "three columns."):
            self.play(FadeIn(matrix), FadeIn(labels[2]))
            self.wait(1)
        self.play(FadeOut(VGroup(scalar, vector, labels[:2])), run_time=0.6)
        self.matrix, self.matrix_label = matrix, labels[2]

    def show_btc(self):
        stack = get_stack(ACTIVATIONS).move_to([-1.2, 0.2, 0])
        front = stack.layers[0]
        t_brace = Brace(front, LEFT, color=AXIS_COLORS["T"])
        t_label = Tex(r"$T = 4$ tokens", font_size=LABEL_SIZE, color=AXIS_COLORS["T"])
        t_label.next_to(t_brace, LEFT, buff=0.15)
        c_brace = Brace(front, DOWN, color=AXIS_COLORS["C"])
        c_label = Tex(r"$C = 3$ channels", font_size=LABEL_SIZE, color=AXIS_COLORS["C"])
        c_label.next_to(c_brace, DOWN, buff=0.15)
        b_arrow = Arrow(stack.layers[0].get_corner(UR) + 0.1 * UP,
                        stack.layers[-1].get_corner(UR) + 0.35 * UP + 0.35 * RIGHT,
                        buff=0, color=AXIS_COLORS["B"], stroke_width=4)
        b_label = Tex(r"$B = 2$ sequences", font_size=LABEL_SIZE, color=AXIS_COLORS["B"])
        b_label.next_to(b_arrow.get_end(), RIGHT, buff=0.15)
        shape = VGroup(MathTex(r"\texttt{x.shape} =", font_size=BODY_SIZE),
                       shape_tex((B, T, C), ("B", "T", "C")))
        shape.arrange(RIGHT, buff=0.2).to_edge(UP, buff=EDGE_BUFF)
        letters = MathTex("(", "B", ",", "T", ",", "C", ")", font_size=BODY_SIZE)
        for index, name in ((1, "B"), (3, "T"), (5, "C")):
            letters[index].set_color(AXIS_COLORS[name])
        letters.next_to(shape, DOWN, buff=0.25)
        with self.beat("A language model's activations have three axes. Each token is a vector of "
                       "C channels, a sequence stacks T tokens, and a batch stacks B sequences."):
            self.play(FadeOut(self.matrix_label), ReplacementTransform(self.matrix, front))
            self.play(FadeIn(stack.layers[1], shift=0.3 * UR))
            self.add(stack)
            self.play(GrowFromEdge(t_brace, RIGHT), FadeIn(t_label), GrowFromEdge(c_brace, UP),
                      FadeIn(c_label))
            self.play(Create(b_arrow), FadeIn(b_label))
        with self.beat("So its shape is B by T by C: two by four by three here. Naming the axes "
                       "like this is the habit that keeps tensor code correct."):
            self.play(Write(shape))
            self.play(FadeIn(letters, shift=0.1 * DOWN))
            self.wait(1)
        self.play(FadeOut(VGroup(stack, t_brace, t_label, c_brace, c_label, b_arrow, b_label,
                                 shape, letters)), run_time=0.6)

    def show_bias_broadcast(self):
        x_grid = get_grid(X).move_to([-4.3, 0.2, 0])
        b_grid = get_grid([BIAS], color=ACCENT).move_to([-0.9, 0.2 + 1.5 * CELL, 0])
        out = get_grid(X_PLUS_BIAS, color=I_HAT).move_to([3.9, 0.2, 0])
        plus = MathTex("+", font_size=BODY_SIZE + 8).move_to([-2.6, 0.2, 0])
        equals = MathTex("=", font_size=BODY_SIZE + 8).move_to([1.9, 0.2, 0])
        x_shape = shape_tex(X.shape, ("T", "C")).next_to(x_grid, DOWN, buff=0.4)
        b_shape = shape_tex(BIAS.shape, ("C",)).next_to(b_grid, DOWN, buff=0.4)
        b_shape.set_y(x_shape.get_y())
        out_shape = shape_tex(SHAPE_X_BIAS, ("T", "C")).next_to(out, DOWN, buff=0.4)
        title = Tex(r"Broadcasting: align shapes on the right; a missing axis is copied",
                    font_size=BODY_SIZE).to_edge(UP, buff=EDGE_BUFF)
        with self.beat("Now add a bias, one number per channel, to every token. The shapes do not "
                       "match: four by three, plus just three."):
            self.play(FadeIn(x_grid), FadeIn(x_shape), FadeIn(plus))
            self.play(FadeIn(b_grid), FadeIn(b_shape))
        copies = VGroup()
        for t in range(1, T):
            copy = b_grid.copy().set_opacity(0.55)
            copy.shift(t * CELL * DOWN)
            copies.add(copy)
        with self.beat("Broadcasting lines the shapes up on the right. The bias has no token axis, "
                       "so it is copied along it, once per token, without using any memory."):
            self.play(Write(title))
            self.play(LaggedStart(*(TransformFromCopy(b_grid, c) for c in copies), lag_ratio=0.3),
                      run_time=2)
        highlight = SurroundingRectangle(out.cells[0], color=ACCENT, buff=0.04)
        with self.beat("Then the two grids are added entry by entry. The result has shape four by "
                       "three, like the activations."):
            self.play(FadeIn(equals), fill_rows(out), run_time=1.5)
            self.play(FadeIn(out_shape), Create(highlight))
            self.wait(0.5)
        self.play(FadeOut(VGroup(x_grid, b_grid, copies, out, plus, equals, x_shape, b_shape,
                                 out_shape, highlight)), run_time=0.6)
        self.title = title

    def show_outer_broadcast(self):
        col = get_grid(COLUMN, color=AXIS_COLORS["T"]).move_to([-5.8, -0.2, 0])
        row = get_grid(ROW, color=ACCENT).move_to([-1.6, 0.6, 0]).align_to(col, UP)
        out = get_grid(COLUMN_PLUS_ROW, color=I_HAT).move_to([2.6, -0.2, 0])
        plus = MathTex("+", font_size=BODY_SIZE + 8).move_to([-3.35, -0.2, 0])
        equals = MathTex("=", font_size=BODY_SIZE + 8).move_to([0.55, -0.2, 0])
        col_shape = shape_tex(COLUMN.shape, ("T", "")).next_to(col, DOWN, buff=0.4)
        row_shape = shape_tex(ROW.shape, ("", "C")).next_to(row, DOWN, buff=0.4)
        row_shape.set_y(col_shape.get_y())
        out_shape = shape_tex(SHAPE_COLUMN_ROW).next_to(out, DOWN, buff=0.4)
        # dashed outlines of the (T, C) block each operand stretches to fill
        col_reach = DashedVMobject(SurroundingRectangle(col, color=AXIS_COLORS["T"], buff=0))
        col_full = DashedVMobject(Rectangle(width=C * CELL, height=T * CELL,
                                            color=AXIS_COLORS["T"])
                                  .move_to(col, aligned_edge=UL))
        row_reach = DashedVMobject(SurroundingRectangle(row, color=ACCENT, buff=0))
        row_full = DashedVMobject(Rectangle(width=C * CELL, height=T * CELL, color=ACCENT)
                                  .move_to(row, aligned_edge=UL))
        with self.beat("A column plus a row: shape four by one, plus one by three. An axis of "
                       "length one also stretches to match."):
            self.play(FadeIn(col), FadeIn(col_shape), FadeIn(plus))
            self.play(FadeIn(row), FadeIn(row_shape))
            # the two axes of length one, then the directions they stretch in
            self.play(Indicate(col_shape[3], color=AXIS_COLORS["T"]),
                      Indicate(row_shape[1], color=ACCENT))
            self.play(Create(col_reach), Create(row_reach), run_time=0.5)
            self.play(Transform(col_reach, col_full), Transform(row_reach, row_full))
        col_copies = VGroup(*(col.copy().set_opacity(0.55).shift(c * CELL * RIGHT)
                              for c in range(1, C)))
        col_copies.next_to(col, RIGHT, buff=0)
        row_copies = VGroup(*(row.copy().set_opacity(0.55).shift(t * CELL * DOWN)
                              for t in range(1, T)))
        with self.beat("Both get copied, the column to the right and the row downwards, and the "
                       "sum is a full four by three table of every pairing."):
            self.play(LaggedStart(*(TransformFromCopy(col, c) for c in col_copies), lag_ratio=0.3),
                      LaggedStart(*(TransformFromCopy(row, c) for c in row_copies), lag_ratio=0.3),
                      run_time=2)
            self.play(FadeIn(equals), fill_rows(out), run_time=1.5)
            self.play(FadeIn(out_shape))
        self.play(FadeOut(VGroup(col, col_copies, row, row_copies, plus, equals, col_shape,
                                 row_shape, out, out_shape, col_reach, row_reach)), run_time=0.6)
        bad = VGroup(shape_tex(BAD_SHAPES[0], ("T", "C"), font_size=TITLE_SIZE),
                     MathTex("+", font_size=TITLE_SIZE),
                     shape_tex(BAD_SHAPES[1], ("T",), font_size=TITLE_SIZE)).arrange(RIGHT, buff=0.3)
        bad.move_to([0, 0.8, 0])
        message = Text(BAD_MESSAGE.replace(": ", ":\n"), font="DejaVu Sans Mono", font_size=26,
                       color=OVERFLOW, line_spacing=0.8).next_to(bad, DOWN, buff=0.6)
        with self.beat("But four by three plus four fails. Aligned on the right, three meets four, "
                       "and neither is one. The fix is to say which axis you mean: reshape the "
                       "four into four by one."):
            self.play(FadeIn(bad))
            self.play(FadeIn(message, shift=0.1 * UP))
            self.wait(2)
        self.bad, self.message = bad, message

    def show_silent_bug(self):
        pred = get_grid(Y_PRED, color=I_HAT).move_to([-5.6, -0.3, 0])
        true = get_grid([Y_TRUE], color=ACCENT).move_to([-2.0, 0.0, 0]).align_to(pred, UP)
        minus = MathTex("-", font_size=BODY_SIZE + 8).move_to([-4.55, -0.3, 0])
        equals = MathTex("=", font_size=BODY_SIZE + 8).move_to([0.05, -0.3, 0])
        out = get_grid(PAIR_DIFFS, color=OVERFLOW).move_to([2.3, -0.3, 0]).align_to(pred, UP)
        pred_shape = shape_tex(Y_PRED.shape, font_size=LABEL_SIZE).next_to(pred, DOWN, buff=0.3)
        true_shape = shape_tex(Y_TRUE.shape, font_size=LABEL_SIZE).next_to(true, DOWN, buff=0.3)
        out_shape = shape_tex(SHAPE_BUG, font_size=LABEL_SIZE).next_to(out, DOWN, buff=0.3)
        out_shape.set_color(OVERFLOW)
        names = VGroup(MathTex(r"\hat y", font_size=BODY_SIZE, color=I_HAT).next_to(pred, UP),
                       MathTex("y", font_size=BODY_SIZE, color=ACCENT).next_to(true, UP))
        title = Tex("The silent bug: no error, wrong shape", font_size=BODY_SIZE)
        title.to_edge(UP, buff=EDGE_BUFF)
        with self.beat("An error like that is the lucky case. The dangerous bug broadcasts "
                       "without a word of complaint."):
            self.play(FadeOut(VGroup(self.bad, self.message, self.title)), run_time=0.6)
            self.play(Write(title))
        with self.beat("A model's last layer returns one prediction per example as a column, "
                       "shape four by one. The targets are a plain vector, shape four."):
            self.play(FadeIn(pred), FadeIn(pred_shape), FadeIn(names[0]))
            self.play(FadeIn(minus), FadeIn(true), FadeIn(true_shape), FadeIn(names[1]))
        with self.beat("Subtract them, and the column meets the row, exactly the pattern we "
                       "just saw: a four by four table of every prediction minus every target."):
            self.play(FadeIn(equals), fill_rows(out), run_time=1.5)
            self.play(FadeIn(out_shape), Indicate(out_shape, color=OVERFLOW))
        diagonal = VGroup(*(SurroundingRectangle(out.cells[i][i], color=STABLE, buff=0.03)
                            for i in range(len(Y_TRUE))))
        losses = VGroup(
            MathTex(r"\text{mean of all 16 squares} =", format_number(WRONG_MSE, 2),
                    font_size=BODY_SIZE, color=OVERFLOW),
            MathTex(r"\text{intended loss, the diagonal} =", format_number(RIGHT_MSE, 2),
                    font_size=BODY_SIZE, color=STABLE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.25).to_edge(DOWN, buff=0.35)
        with self.beat(f"Square and average, and the loss is {spoken(WRONG_MSE, 1)} instead of "
                       f"{spoken(RIGHT_MSE, 1)}. Only the diagonal pairs a prediction with its "
                       "own target; the rest is noise, and the model trains on it anyway."):
            self.play(FadeIn(losses[0], shift=0.1 * UP))
            self.play(LaggedStart(*(Create(d) for d in diagonal), lag_ratio=0.2))
            self.play(FadeIn(losses[1], shift=0.1 * UP))
        fix = Text("assert y_hat.shape == y.shape", font="DejaVu Sans Mono", font_size=24,
                   color=STABLE)
        fix.move_to(losses).align_to(losses, LEFT)
        with self.beat("The fix is to check shapes where they meet: flatten the column, or "
                       "assert that both shapes agree before the loss. PyTorch's MSE loss "
                       "warns about exactly this mismatch."):
            self.play(FadeOut(losses), FadeIn(fix, shift=0.1 * UP))
            self.play(Circumscribe(fix, color=STABLE))


# =========================================================================== scene 2

class EinsumAsLoops(NarratedScene):
    """einsum("ij,jk->ik") as explicit loops: the summed index j lights up."""

    def construct(self):
        # Step 1: the spec: letters name axes; letters missing from the output are summed.
        self.show_spec()
        # Step 2: the matrices and the loops the spec stands for.
        self.show_operands_and_loops()
        # Step 3: one entry, term by term: j runs, products accumulate.
        self.show_first_entry()
        # Step 4: the remaining entries.
        self.show_remaining_entries()
        # Step 5: the same notation for other operations.
        self.show_other_specs()

    def get_spec(self, font_size: float = TITLE_SIZE) -> MathTex:
        parts = ["i", "j", ",", "j", "k", r"\to", "i", "k"]
        spec = MathTex(*parts, font_size=font_size)
        for part, letter in zip(spec, parts):
            if letter in INDEX_COLORS:
                part.set_color(INDEX_COLORS[letter])
        return spec

    def show_spec(self):
        self.spec = self.get_spec().to_edge(UP, buff=EDGE_BUFF).shift(2.5 * LEFT)
        call = Text('np.einsum("ij,jk->ik", A, B)', font="DejaVu Sans Mono", font_size=24,
                    color=MUTED).next_to(self.spec, RIGHT, buff=0.8)
        rule = Tex(r"letters in the output are kept; the others are summed over",
                   font_size=LABEL_SIZE, color=MUTED).next_to(VGroup(self.spec, call), DOWN,
                                                              buff=0.25)
        with self.beat("Broadcasting covers operations entry by entry. Products that sum over an "
                       "axis need a notation that names the axis. "
                       "Einsum writes a tensor operation as a string of index letters. Each letter "
                       "names an axis of an operand."):
            self.play(FadeIn(call))
            self.play(Write(self.spec))
            self.play(Indicate(self.spec), run_time=1.5)  # one letter per axis
        with self.beat("Letters that appear in the output are kept. Any letter missing from the "
                       "output, here j, is summed over. This one is the matrix product."):
            self.play(FadeIn(rule, shift=0.1 * DOWN))
            self.play(Indicate(self.spec[1], color=INDEX_COLORS["j"], scale_factor=1.4),
                      Indicate(self.spec[3], color=INDEX_COLORS["j"], scale_factor=1.4))
        self.call, self.rule = call, rule

    def show_operands_and_loops(self):
        cell = 0.7
        self.a = get_grid(A_MAT, color=DATA, cell=cell, font_size=LABEL_SIZE)
        self.b = get_grid(B_MAT, color=DATA, cell=cell, font_size=LABEL_SIZE)
        self.c = get_grid(np.zeros_like(C_MAT), color=I_HAT, cell=cell, font_size=LABEL_SIZE,
                          show_values=False)
        self.b.move_to([1.0, 2.2, 0], aligned_edge=UL)
        self.c.next_to(self.b, DOWN, buff=0.35)
        self.a.next_to(self.c, LEFT, buff=0.35).align_to(self.c, UP)
        names = VGroup(
            MathTex("A_{ij}", font_size=BODY_SIZE).next_to(self.a, LEFT, buff=0.25),
            MathTex("B_{jk}", font_size=BODY_SIZE).next_to(self.b, RIGHT, buff=0.25),
            MathTex("C_{ik}", font_size=BODY_SIZE).next_to(self.c, RIGHT, buff=0.25),
        )
        for name, letters in zip(names, ("ij", "jk", "ik")):
            for glyph, letter in zip(name[0][1:], letters):  # the subscript glyphs
                glyph.set_color(INDEX_COLORS[letter])
        code_lines = [  # (indent level, line): Pango drops leading spaces, so indent by shifting
            (0, "for i in range(2):"),
            (1, "for k in range(2):"),
            (2, "for j in range(3):"),
            (3, "C[i, k] += A[i, j] * B[j, k]"),
        ]
        code = VGroup(*(Text(line, font="DejaVu Sans Mono", font_size=22, color=TEXT)
                        for _, line in code_lines)).arrange(DOWN, aligned_edge=LEFT, buff=0.16)
        for line, (level, _) in zip(code, code_lines):
            line.shift(0.4 * level * RIGHT)
        for line, letter in zip(code[:3], "ikj"):
            line[3].set_color(INDEX_COLORS[letter])  # the loop variable
        code.move_to([-3.6, -2.75, 0])
        with self.beat("Here A is two by three and B is three by two. C will be two by two, with "
                       "one entry for every pair i, k."):
            self.play(FadeIn(self.a), FadeIn(names[0]), FadeIn(self.b), FadeIn(names[1]))
            self.play(FadeIn(self.c), FadeIn(names[2]))
        with self.beat("The string stands for three nested loops: over i and k, the kept letters, "
                       "and inside them over j, adding up products."):
            self.play(LaggedStart(*(FadeIn(line, shift=0.1 * RIGHT) for line in code),
                                  lag_ratio=0.3), run_time=2)
            self.wait(0.5)
        self.code, self.names = code, names

    def show_first_entry(self):
        i, k = 0, 0
        row = SurroundingRectangle(self.a.cells[i], color=INDEX_COLORS["i"], buff=0.04)
        col = SurroundingRectangle(VGroup(*(self.b.cells[j][k] for j in range(3))),
                                   color=INDEX_COLORS["k"], buff=0.04)
        target = SurroundingRectangle(self.c.cells[i][k], color=ACCENT, buff=0.04)
        with self.beat("Take i and k both zero: row zero of A, column zero of B, and the top left "
                       "entry of C."):
            self.play(Create(row), Create(col), Create(target))
        total = None
        terms = []
        for j in range(3):
            a_cell, b_cell = self.a.cells[i][j], self.b.cells[j][k]
            marks = VGroup(a_cell[0].copy().set_fill(ACCENT, 0.6), b_cell[0].copy().set_fill(ACCENT, 0.6))
            term = rf"({fmt(A_MAT[i, j])})({fmt(B_MAT[j, k])})"
            terms.append(term)
            line = MathTex(r"C_{00} = " + " + ".join(terms) + rf" = {fmt(PARTIAL_SUMS[j, i, k])}",
                           font_size=LABEL_SIZE).move_to([3.4, -2.75, 0])
            value = MathTex(fmt(PARTIAL_SUMS[j, i, k]), font_size=LABEL_SIZE,
                            color=TEXT).move_to(self.c.cells[i][k])
            text = (f"j equals {j}: multiply {spoken(A_MAT[i, j], 0)} by "
                    f"{spoken(B_MAT[j, k], 0)} and add.")
            if j == 0:
                text = ("Now j runs. " + text)
            with self.beat(text):
                self.play(FadeIn(marks), self.code[2][3].animate.set_color(ACCENT), run_time=0.6)
                anims = [FadeIn(line) if total is None else Transform(total[0], line),
                         FadeIn(value) if total is None else Transform(total[1], value)]
                self.play(*anims, run_time=0.8)
                self.play(FadeOut(marks), run_time=0.4)
            if total is None:
                total = VGroup(line, value)
        with self.beat(f"After three terms, C zero zero is {spoken(C_MAT[i, k], 0)}: row times "
                       "column, exactly the matrix product."):
            self.play(Indicate(total[1], color=ACCENT, scale_factor=1.5))
        self.play(FadeOut(VGroup(row, col, target, total[0])), run_time=0.5)
        self.filled = VGroup(total[1])

    def show_remaining_entries(self):
        anims = []
        for i in range(C_MAT.shape[0]):
            for k in range(C_MAT.shape[1]):
                if (i, k) == (0, 0):
                    continue
                value = MathTex(fmt(C_MAT[i, k]), font_size=LABEL_SIZE, color=TEXT)
                value.move_to(self.c.cells[i][k])
                row = SurroundingRectangle(self.a.cells[i], color=INDEX_COLORS["i"], buff=0.04)
                col = SurroundingRectangle(VGroup(*(self.b.cells[j][k] for j in range(3))),
                                           color=INDEX_COLORS["k"], buff=0.04)
                anims.append((row, col, value))
                self.filled.add(value)
        with self.beat("The outer loops visit the other three pairs the same way. Every entry is "
                       "a sum over the missing letter j."):
            for row, col, value in anims:
                self.play(Create(row), Create(col), run_time=0.5)
                self.play(FadeIn(value), FadeOut(row), FadeOut(col), run_time=0.6)
        with self.beat("This loop is mathcore's einsum loops, which is slow on purpose. NumPy's "
                       "einsum gives the same numbers, fast."):
            self.play(Indicate(self.c, color=I_HAT, scale_factor=1.05), run_time=1.5)
            self.wait(0.5)
        self.play(FadeOut(VGroup(self.a, self.b, self.c, self.filled, self.names, self.code)),
                  run_time=0.6)

    def show_other_specs(self):
        rows = VGroup()
        for spec, meaning, shapes in OTHER_SPECS:
            row = VGroup(Text(f'"{spec}"', font="DejaVu Sans Mono", font_size=26, color=ACCENT),
                         MathTex(meaning, font_size=LABEL_SIZE),
                         MathTex(shapes, font_size=LABEL_SIZE, color=MUTED))
            rows.add(row)
        for row in rows:
            row[0].move_to([-4.2, 0, 0], aligned_edge=LEFT)
            row[1].move_to([-0.6, 0, 0], aligned_edge=LEFT)
            row[2].move_to([2.4, 0, 0], aligned_edge=LEFT)
        for index, row in enumerate(rows):
            row.shift((0.9 - 0.85 * index) * UP)
        rows.shift(0.4 * LEFT)
        with self.beat("The same notation covers much more: a dot product sums the only letter, a "
                       "transpose just reorders letters, and a batch letter b rides along "
                       "untouched."):
            self.play(LaggedStart(*(FadeIn(r, shift=0.1 * RIGHT) for r in rows[:3]),
                                  lag_ratio=0.4), run_time=2.5)
        with self.beat("And attention scores multiply every token by every key, summing over the "
                       "channels c. Read the letters and you know the shapes."):
            self.play(FadeIn(rows[3], shift=0.1 * RIGHT))
            self.play(Indicate(rows[3][0], color=ACCENT))
            self.wait(1)
        with self.beat("NumPy, PyTorch and JAX all accept these same strings, so one line of "
                       "letters replaces a transpose, a reshape and a matrix product."):
            self.play(Indicate(self.spec, color=ACCENT, scale_factor=1.1), run_time=1.5)
            self.wait(1.5)
        self.show_bridge(rows)

    def show_bridge(self, rows):
        bridge = get_bridge(BATCHED_MATMUL).move_to([0, -0.6, 0])
        with self.beat("Take the batched product, a batch of two, and run it both ways. "
                       "Mathcore's loops and NumPy's einsum give the same row, C one zero."):
            self.play(FadeOut(rows), FadeOut(VGroup(self.call, self.rule)), run_time=0.6)
            self.play(FadeIn(bridge[0]), FadeIn(bridge[1]))
            self.play(FadeIn(bridge[2]), FadeIn(bridge[3]))
        with self.beat("In a transformer, b is the batch and the heads, and this one call "
                       "multiplies every head's matrices at once."):
            self.play(Circumscribe(bridge[2], color=ACCENT))
            self.wait(1)


# =========================================================================== scene 3

COLUMN_X = [-5.4, -2.8, -0.2, 2.4, 4.9]  # centres of the table's columns


class StableSoftmax(NarratedScene):
    """Softmax of logits near 1000 overflows; subtracting the maximum fixes it. Log-sum-exp too."""

    def construct(self):
        # Step 1: softmax, and logits of a confident model.
        self.show_formula_and_logits()
        # Step 2: the naive computation overflows: inf / inf = NaN.
        self.show_overflow()
        # Step 3: subtract the maximum: every exponent <= 0, the answer unchanged.
        self.show_shift()
        # Step 4: log-sum-exp the same way, and the underflow case.
        self.show_logsumexp()

    def get_column(self, header: str, values, color=TEXT, decimals: int = 3, x: float = 0.0,
                   header_color=TEXT) -> VGroup:
        head = MathTex(header, font_size=BODY_SIZE + 4, color=header_color)
        cells = VGroup(*(MathTex(fmt(v, decimals), font_size=BODY_SIZE + 10, color=color)
                         for v in values))
        head.move_to([x, 1.5, 0])
        for index, cell in enumerate(cells):
            cell.move_to([x, 0.5 - 1.0 * index, 0])
        return VGroup(head, cells)

    def show_formula_and_logits(self):
        formula = MathTex(r"\operatorname{softmax}(x)_i = \frac{e^{x_i}}{\sum_j e^{x_j}}",
                          font_size=BODY_SIZE + 4).to_edge(UP, buff=EDGE_BUFF)
        self.logits = self.get_column("x", LOGITS, decimals=0, x=COLUMN_X[0])
        with self.beat("Right shapes are not enough: the numbers inside are floats, and floats are "
                       "finite. Take the softmax of every classifier and attention layer. "
                       "It turns scores into probabilities: exponentiate each one, then "
                       "divide by the total."):
            self.play(Write(formula))
            self.play(Circumscribe(formula), run_time=1.5)
        with self.beat(f"A confident classifier can output logits like {spoken(LOGITS[0], 0)}, "
                       f"{spoken(LOGITS[1], 0)} and {spoken(LOGITS[2], 0)}. Let's compute it "
                       "exactly as written."):
            self.play(FadeIn(self.logits[0]))
            self.play(LaggedStart(*(FadeIn(c, shift=0.2 * RIGHT) for c in self.logits[1]),
                                  lag_ratio=0.4), run_time=1.5)
            self.play(Circumscribe(formula, color=ACCENT))
        self.formula = formula

    def show_overflow(self):
        exp_col = self.get_column("e^{x}", NAIVE_EXP, color=OVERFLOW, x=COLUMN_X[1])
        soft_col = self.get_column(r"\text{naive}", NAIVE_SOFTMAX, color=OVERFLOW, x=COLUMN_X[2])
        note = Tex(rf"float64 overflows above $e^{{{format_number(FLOAT_MAX_LOG, 2)}}}$",
                   font_size=BODY_SIZE, color=MUTED).move_to([0, -2.7, 0])
        with self.beat(f"But e to the {spoken(LOGITS[0], 0)} does not fit in a 64-bit float: "
                       f"anything above e to the {spoken(FLOAT_MAX_LOG, 0)} overflows to infinity."):
            self.play(TransformFromCopy(self.logits, exp_col), run_time=1.2)
            self.play(FadeIn(note))
        with self.beat("Infinity divided by infinity is not a number. Every probability comes out "
                       "NaN, and so will every gradient after it."):
            self.play(TransformFromCopy(exp_col, soft_col), run_time=1.2)
            self.play(Indicate(soft_col[1], color=OVERFLOW))
        self.broken = VGroup(exp_col, soft_col, note)

    def show_shift(self):
        identity = MathTex(r"\frac{e^{x_i}}{\sum_j e^{x_j}} = \frac{e^{x_i - m}}{\sum_j e^{x_j - m}},"
                           r"\quad m = \max_j x_j", font_size=BODY_SIZE).to_edge(UP, buff=EDGE_BUFF)
        shifted = self.get_column(rf"x - {fmt(SHIFT, 0)}", SHIFTED, decimals=0, x=COLUMN_X[1])
        exps = self.get_column(r"e^{x - m}", SHIFTED_EXP, color=STABLE, x=COLUMN_X[2])
        probs = self.get_column(r"\text{softmax}", SOFTMAX, color=STABLE, x=COLUMN_X[3])
        with self.beat("The fix: multiply top and bottom by e to the minus m, where m is the "
                       "largest logit. The factor cancels, so the answer is the same."):
            self.play(FadeOut(self.broken))
            self.play(ReplacementTransform(self.formula, identity), run_time=1.5)
        with self.beat(f"Subtract {spoken(SHIFT, 0)} from every logit. Now the largest is zero and "
                       "the others are negative."):
            self.play(TransformFromCopy(self.logits, shifted), run_time=1.2)
        exp_sum = MathTex(rf"\textstyle\sum = {fmt(SHIFTED_EXP_SUM, 3)}", font_size=BODY_SIZE,
                          color=STABLE).move_to([COLUMN_X[2], -2.4, 0])
        with self.beat("Their exponentials lie between zero and one, and the largest is exactly "
                       "one, so the sum can neither overflow nor vanish."):
            self.play(TransformFromCopy(shifted, exps), run_time=1.2)
            largest = int(np.argmax(SHIFTED_EXP))
            self.play(Circumscribe(exps[1][largest], color=STABLE))
            self.play(Write(exp_sum))
        with self.beat(f"Divide by their sum, and here are the probabilities: "
                       f"{spoken(SOFTMAX[0])}, {spoken(SOFTMAX[1])} and {spoken(SOFTMAX[2], 3)}. "
                       "This is what every library's softmax does."):
            self.play(TransformFromCopy(exps, probs), run_time=1.2)
            self.play(Indicate(probs[1], color=STABLE))
        bars = VGroup()
        for index, p in enumerate(SOFTMAX):
            bar = Rectangle(width=max(p * 2.2, 0.02), height=0.45, stroke_width=0,
                            fill_color=STABLE, fill_opacity=0.8)
            bar.move_to([COLUMN_X[4] - 0.9, probs[1][index].get_y(), 0], aligned_edge=LEFT)
            bars.add(bar)
        with self.beat("As bars, they add up to one."):
            self.play(LaggedStart(*(GrowFromEdge(b, LEFT) for b in bars), lag_ratio=0.2))
        self.table = VGroup(self.logits, shifted, exps, exp_sum, probs, bars)
        self.identity = identity

    def show_logsumexp(self):
        lse = MathTex(r"\log \sum_j e^{x_j} = m + \log \sum_j e^{x_j - m}", font_size=BODY_SIZE)
        lse.to_edge(UP, buff=EDGE_BUFF)
        naive = MathTex(rf"\text{{naive: }} \log({fmt(NAIVE_EXP.sum())}) = {fmt(NAIVE_LSE)}",
                        font_size=BODY_SIZE + 6, color=OVERFLOW)
        stable = MathTex(r"\text{stable: }", fmt(SHIFT, 0), rf"+ \log({fmt(SHIFTED_EXP_SUM, 3)})",
                         "=", fmt(LSE, 3), font_size=BODY_SIZE + 6, color=STABLE)
        log_softmax = MathTex(r"\log \operatorname{softmax}(x) = x - \operatorname{logsumexp}(x) = ",
                              rf"({fmt(LOG_SOFTMAX[0], 3)},\ {fmt(LOG_SOFTMAX[1], 3)},\ "
                              rf"{fmt(LOG_SOFTMAX[2], 3)})", font_size=BODY_SIZE)
        group = VGroup(naive, stable, log_softmax).arrange(DOWN, buff=0.45).move_to([0, 1.2, 0])
        with self.beat("Cross-entropy needs the log of that sum, the log-sum-exp. Computed naively "
                       "it is the log of infinity."):
            self.play(FadeOut(self.table), ReplacementTransform(self.identity, lse))
            self.play(FadeIn(naive))
        with self.beat(f"Pull the maximum out first, and it is {spoken(LSE, 3)}: just above the "
                       "largest logit, as it should be."):
            self.play(FadeIn(stable, shift=0.1 * DOWN))
            # the maximum pulled out, and the result just above it
            self.play(Indicate(stable[1], color=TEXT))
            self.play(Circumscribe(stable[4], color=STABLE))
        with self.beat("Log-softmax is the logits minus that number, which is how losses are "
                       "computed without ever taking the log of a rounded zero."):
            self.play(Write(log_softmax[0]))
            self.play(FadeIn(log_softmax[1], shift=0.1 * DOWN))
            self.play(Indicate(log_softmax[1], color=STABLE))
        low_x = MathTex(rf"x = ({fmt(LOW_LOGITS[0], 0)},\ {fmt(LOW_LOGITS[1], 0)},\ "
                        rf"{fmt(LOW_LOGITS[2], 0)}):", font_size=BODY_SIZE)
        low_results = MathTex(r"\text{naive } ", rf"({fmt(NAIVE_LOW_SOFTMAX[0])}, \dots)",
                              r"\qquad \text{stable } ",
                              rf"({fmt(SOFTMAX_LOW[0], 3)},\ {fmt(SOFTMAX_LOW[1], 3)},\ "
                              rf"{fmt(SOFTMAX_LOW[2], 3)})", font_size=BODY_SIZE)
        low_results[1].set_color(OVERFLOW)
        low_results[3].set_color(STABLE)
        VGroup(low_x, low_results).arrange(DOWN, buff=0.25).next_to(group, DOWN, buff=0.7)
        with self.beat("Very negative logits fail the other way: every exponential underflows to "
                       "zero, and zero over zero is again not a number."):
            self.play(FadeIn(low_x, shift=0.1 * UP))
            self.play(FadeIn(low_results[:2], shift=0.1 * UP))
            self.play(Indicate(low_results[1], color=OVERFLOW))
        with self.beat("The shifted softmax gives the same probabilities as before, because "
                       "shifting all logits changes nothing."):
            self.play(FadeIn(low_results[2:], shift=0.1 * UP))
            self.play(Circumscribe(low_results[3], color=STABLE))
        with self.beat("So never exponentiate raw logits yourself. Library functions like softmax, "
                       "log-softmax and log-sum-exp subtract the maximum for you."):
            self.play(Indicate(lse, color=STABLE), run_time=1.5)
            self.wait(2)


# =========================================================================== scene 4

class LowPrecisionFloats(NarratedScene):
    """float16 and bfloat16: machine epsilon, cancellation, and a sum that stops growing."""

    def construct(self):
        # Step 1: three formats as bit fields: sign, exponent, mantissa.
        self.show_formats()
        # Step 2: machine epsilon, the gap above 1, and the NumPy call that reports it.
        self.show_epsilon()
        # Step 3: cancellation: 1.001 - 1 in each format.
        self.show_cancellation()
        # Step 4: adding 0.01 ten thousand times: the 16-bit sums stall.
        self.show_running_sum()

    def get_bits(self, name: str, exponent: int, mantissa: int, unit: float) -> VGroup:
        widths = (1, exponent, mantissa)
        colors = (MUTED, ACCENT, KEY)
        fields = VGroup(*(Rectangle(width=w * unit, height=0.45, stroke_color=c, stroke_width=2,
                                    fill_color=c, fill_opacity=0.35)
                          for w, c in zip(widths, colors))).arrange(RIGHT, buff=0)
        counts = VGroup(*(MathTex(str(w), font_size=SMALL_SIZE, color=TEXT).move_to(f)
                          for w, f in zip(widths, fields)))
        label = Text(name, font="DejaVu Sans Mono", font_size=24, color=TEXT)
        label.next_to(fields, LEFT, buff=0.3)
        return VGroup(label, fields, counts)

    def show_formats(self):
        unit = 0.2
        rows = VGroup(*(self.get_bits(name, e, m, unit) for name, e, m in FORMATS))
        rows.arrange(DOWN, buff=0.45, aligned_edge=RIGHT).move_to([-2.4, 0.9, 0])
        for row in rows:
            row[1:].align_to(rows[0][1], LEFT)  # the fields start at one x
            row[0].next_to(row[1], LEFT, buff=0.3)
        legend = VGroup(*(Tex(text, font_size=LABEL_SIZE, color=color) for text, color in
                          (("sign", MUTED), ("exponent: range", ACCENT),
                           ("mantissa: precision", KEY)))).arrange(RIGHT, buff=0.6)
        legend.next_to(rows, DOWN, buff=0.5)
        with self.beat("Overflow is one way finite numbers bite. The other is rounding, and it "
                       "gets serious in the sixteen-bit formats used to train large models."):
            self.play(FadeIn(rows[0], shift=0.1 * DOWN))
            self.play(LaggedStart(*(FadeIn(r, shift=0.1 * DOWN) for r in rows[1:]),
                                  lag_ratio=0.4), run_time=1.5)
        with self.beat("A float stores a sign, an exponent that sets the range, and a mantissa "
                       "that sets the precision. float16 keeps ten mantissa bits; bfloat16 keeps "
                       "float32's exponent and only seven."):
            self.play(FadeIn(legend))
            self.play(Indicate(rows[1][1][2], color=KEY), Indicate(rows[2][1][1], color=ACCENT),
                      run_time=1.5)
            self.play(Indicate(rows[2][1][2], color=KEY))
        self.rows, self.legend = rows, legend

    def show_epsilon(self):
        eps = VGroup(*(MathTex(rf"\varepsilon = 2^{{-{m}}} \approx {tex_scientific(EPSILON[name])}",
                               font_size=LABEL_SIZE + 2, color=TEXT)
                       .move_to([2.0, row.get_y(), 0], aligned_edge=LEFT)
                       for (name, _, m), row in zip(FORMATS, self.rows)))
        rule = MathTex(r"1 + \varepsilon \text{ is the next number after } 1", font_size=BODY_SIZE)
        rule.to_edge(UP, buff=EDGE_BUFF)
        overflow = Tex(rf"float16 overflows above {FLOAT16_MAX:,.0f}; bfloat16 reaches "
                       r"$3.4 \times 10^{38}$ like float32", font_size=LABEL_SIZE, color=MUTED)
        overflow.move_to(self.legend)
        with self.beat("With p mantissa bits, the number after one is one plus two to the minus "
                       "p. That gap is the machine epsilon: about one in a thousand for float16, "
                       "one in a hundred and twenty eight for bfloat16."):
            self.play(Write(rule))
            self.play(LaggedStart(*(FadeIn(e, shift=0.1 * LEFT) for e in eps), lag_ratio=0.3),
                      run_time=1.5)
        with self.beat(f"So bfloat16 trades digits for range: float16 overflows above "
                       f"{FLOAT16_MAX:,.0f}, while bfloat16 goes as far as float32, which is why "
                       "training prefers it."):
            self.play(FadeOut(self.legend), FadeIn(overflow))
            self.play(Circumscribe(self.rows[2], color=ACCENT))
        bridge = get_bridge(EPSILON_BRIDGE).move_to([0, -2.5, 0])
        with self.beat("NumPy reports the same epsilon with finfo, and mathcore finds it by "
                       "halving a number until adding it to one no longer changes one."):
            self.play(FadeOut(overflow), VGroup(self.rows, eps).animate.shift(0.5 * UP))
            self.play(FadeIn(bridge[0]), FadeIn(bridge[2]), FadeIn(bridge[1]))
            self.play(FadeIn(bridge[3]))
        self.play(FadeOut(VGroup(self.rows, eps, rule, bridge)), run_time=0.8)

    def show_cancellation(self):
        header = MathTex(rf"{NEAR_ONE} - 1", font_size=TITLE_SIZE).to_edge(UP, buff=EDGE_BUFF)
        rows = VGroup()
        for name, color in (("float64", STABLE), ("float16", ACCENT), ("bfloat16", OVERFLOW)):
            stored = float(attention.round_to_format(NEAR_ONE, name))
            row = VGroup(Text(name, font="DejaVu Sans Mono", font_size=26, color=TEXT),
                         MathTex(rf"\text{{stores }} {stored:.7f}", font_size=BODY_SIZE + 4),
                         MathTex(rf"\to {CANCELLED[name]:.7f}", font_size=BODY_SIZE + 4,
                                 color=color))
            rows.add(row)
        for index, row in enumerate(rows):
            row[0].move_to([-5.0, 1.0 - 1.1 * index, 0], aligned_edge=LEFT)
            row[1].move_to([-2.4, 1.0 - 1.1 * index, 0], aligned_edge=LEFT)
            row[2].move_to([2.4, 1.0 - 1.1 * index, 0], aligned_edge=LEFT)
        note = Tex(rf"float16 is off by {100 * CANCEL_ERROR:.1f}\%; bfloat16 lost every digit",
                   font_size=BODY_SIZE, color=MUTED).to_edge(DOWN, buff=0.8)
        with self.beat("Rounding bites hardest when two nearly equal numbers are subtracted. "
                       "Take one point zero zero one minus one."):
            self.play(Write(header))
            self.play(FadeIn(rows[0], shift=0.1 * RIGHT))
        with self.beat("float16 cannot store one point zero zero one; its nearest number is "
                       "slightly smaller, so the difference comes out two percent low."):
            self.play(FadeIn(rows[1][:2], shift=0.1 * RIGHT))
            self.play(FadeIn(rows[1][2], shift=0.1 * RIGHT))
        with self.beat("In bfloat16 one point zero zero one rounds to exactly one, and the "
                       "difference is zero: the leading digits cancelled and nothing was left. "
                       "This is called catastrophic cancellation."):
            self.play(FadeIn(rows[2][:2], shift=0.1 * RIGHT))
            self.play(FadeIn(rows[2][2], shift=0.1 * RIGHT))
            self.play(FadeIn(note))
        self.play(FadeOut(VGroup(header, rows, note)), run_time=0.8)

    def show_running_sum(self):
        axes = Axes(x_range=(0, N_TERMS, 2000), y_range=(0, 100, 20), x_length=8.5,
                    y_length=4.6, tips=False, axis_config={"stroke_color": MUTED,
                                                           "include_numbers": True,
                                                           "font_size": SMALL_SIZE})
        axes.move_to([-0.9, -0.6, 0])
        x_label = Tex("terms added", font_size=LABEL_SIZE, color=MUTED)
        x_label.next_to(axes.x_axis, DOWN, buff=0.45)
        title = MathTex(rf"\text{{add }} {ADDEND} \text{{ ten thousand times}} = "
                        rf"{ADDEND * N_TERMS:.0f}", font_size=BODY_SIZE)
        title.to_edge(UP, buff=EDGE_BUFF)
        steps = np.arange(0, N_TERMS, 50)
        curves, labels = VGroup(), VGroup()
        for name, color in (("float32", STABLE), ("float16", ACCENT), ("bfloat16", OVERFLOW)):
            sums = RUNNING[name]
            curve = VMobject(stroke_color=color, stroke_width=4)
            curve.set_points_as_corners([axes.c2p(k + 1, sums[k]) for k in steps]
                                        + [axes.c2p(N_TERMS, sums[-1])])
            label = Tex(rf"{name}: {sums[-1]:.2f}", font_size=LABEL_SIZE, color=color)
            label.next_to(axes.c2p(N_TERMS, sums[-1]), RIGHT, buff=0.2)
            curves.add(curve)
            labels.add(label)
        gap = MathTex(r"\text{gap at } 32 = 2^{-5} = 0.03125 > 2 \times 0.01",
                      font_size=LABEL_SIZE, color=ACCENT)
        gap.move_to(axes.c2p(400, 88), aligned_edge=LEFT)  # above the float32 line
        with self.beat("Rounding also piles up over a long sum. Add zero point zero one ten "
                       "thousand times: the answer is one "
                       "hundred. Here is each running total, rounded to its format after every "
                       "addition."):
            self.play(Write(title), Create(axes), FadeIn(x_label))
            self.play(Create(curves[0]), FadeIn(labels[0]), run_time=2)
        with self.beat(f"float16 climbs, then stops dead at {RUNNING['float16'][-1]:.0f}, after "
                       f"{STALL['float16']:,} terms. bfloat16 stops at "
                       f"{RUNNING['bfloat16'][-1]:.0f}."):
            self.play(Create(curves[1]), FadeIn(labels[1]), run_time=2)
            self.play(Create(curves[2]), FadeIn(labels[2]), run_time=1.5)
        with self.beat("Why? At thirty two, neighbouring float16 numbers are a thirty second "
                       "apart. Zero point zero one is less than half that gap, so every addition "
                       "rounds straight back to thirty two."):
            self.play(FadeIn(gap, shift=0.1 * UP))
            self.play(Indicate(labels[1], color=ACCENT))
        with self.beat("That is why mixed precision training multiplies in sixteen bits but "
                       "accumulates sums, and keeps its master weights, in float32."):
            self.play(Circumscribe(labels[0], color=STABLE))
            self.wait(1)


# =========================================================================== scene 5

class Lesson13TryIt(TryItScene):
    lesson = 13
