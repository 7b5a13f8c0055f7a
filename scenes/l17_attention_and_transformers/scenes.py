"""Lesson 17: the mathematics of attention and transformers.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed below, once, by ``mathcore.attention`` with
fixed inputs and a fixed seed.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, AnimationGroup, Axes, BackgroundRectangle, Circumscribe, Create,
    Cross, CurvedArrow, DashedLine,
    DecimalNumber, Dot, FadeIn, FadeOut, GrowArrow, GrowFromEdge, Indicate, LaggedStart, Line,
    MathTex, Rectangle, ReplacementTransform, Square, SurroundingRectangle, Tex, Text,
    TransformFromCopy, ValueTracker, VGroup, VMobject, Write, always_redraw, there_and_back,
)

from mathcore.attention import (
    causal_mask, multi_head_attention, parameter_count, scaled_dot_product_attention,
    sinusoidal_positional_encoding, softmax,
)
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_view import get_bridge
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, BACKGROUND, BODY_SIZE, EDGE_BUFF, FAINT, HEAD_COLORS, KEY, LABEL_SIZE, MUTED, QUERY,
    SMALL_SIZE, TEXT, VALUE,
)
from scenekit.widgets import (
    format_number, get_arrow, get_bar_row, get_matrix_heat_map, get_plane, lookup_rows,
)

# --------------------------------------------------------------------------- numbers

SEED = 3271  # a seed whose 2-D vectors are well spread (readable arrows and labels)
rng = np.random.default_rng(SEED)

TOKENS = ["the", "small", "cat", "sat", "down"]
N_TOKENS = len(TOKENS)
FOCUS = 2  # the query we follow: "cat"
ASKING_WORD = 1  # "small", which needs three other words at once:
WORD_NEEDS = ((2, "subject", UP), (0, "neighbour", DOWN), (3, "verb", DOWN))  # word, role, side

# Scene 1: two-dimensional queries, keys and values, so that they can be drawn.
D_K = 2
Q_2D = rng.normal(size=(N_TOKENS, D_K))  # (T, d)
K_2D = 1.6 * rng.normal(size=(N_TOKENS, D_K))  # (T, d)
V_2D = rng.normal(size=(N_TOKENS, D_K))  # (T, d)
OUTPUT_2D, WEIGHTS = scaled_dot_product_attention(Q_2D, K_2D, V_2D)  # (T, d), (T, T)
SCORES = Q_2D @ K_2D.T / np.sqrt(D_K)  # (T, T) the logits softmax turns into WEIGHTS
FOCUS_SCORES = SCORES[FOCUS]  # (T,)
FOCUS_WEIGHTS = WEIGHTS[FOCUS]  # (T,)
FOCUS_OUTPUT = OUTPUT_2D[FOCUS]  # (d,)

# Scene 2: one row of scores through softmax at many temperatures.
LOG2_T_MIN, LOG2_T_MAX = -2.0, 2.0
LOG2_TEMPERATURES = np.linspace(LOG2_T_MIN, LOG2_T_MAX, 161)  # (n_T,)
TEMPERATURES = 2.0 ** LOG2_TEMPERATURES
TEMPERATURE_WEIGHTS = np.stack(
    [softmax(FOCUS_SCORES, temperature=t) for t in TEMPERATURES])  # (n_T, T)
SHOWN_TEMPERATURES = (0.25, 1.0, 4.0)
SHOWN_TEMPERATURE_WEIGHTS = {t: softmax(FOCUS_SCORES, temperature=t) for t in SHOWN_TEMPERATURES}

# ...and why divide by root d: random vectors in d = 64 dimensions.
D_BIG = 64
Q_BIG = rng.normal(size=D_BIG)  # (d,)
K_BIG = rng.normal(size=(N_TOKENS, D_BIG))  # (T, d)
BIG_DOTS = K_BIG @ Q_BIG  # (T,) spread ~ root d
UNSCALED_WEIGHTS = softmax(BIG_DOTS)  # (T,) nearly one-hot
SCALED_WEIGHTS = softmax(BIG_DOTS / np.sqrt(D_BIG))  # (T,)

# Scene 3: multi-head attention, d_model = 8 split into 4 heads of 2.
D_MODEL, N_HEADS = 8, 4
D_HEAD = D_MODEL // N_HEADS
X_MH = rng.normal(size=(N_TOKENS, D_MODEL))  # (T, d_model)
W_Q, W_K, W_V, W_O = (rng.normal(size=(D_MODEL, D_MODEL)) / np.sqrt(D_MODEL) * s
                      for s in (1.5, 1.5, 1.0, 1.0))
MH_OUTPUT, HEAD_WEIGHTS = multi_head_attention(X_MH, W_Q, W_K, W_V, W_O, N_HEADS)  # (T, d), (h, T, T)
HEAD_OUTPUTS = np.stack([  # (h, T, d_head): each head alone, the blocks that get concatenated
    scaled_dot_product_attention(*(X_MH @ W[:, h * D_HEAD:(h + 1) * D_HEAD]
                                   for W in (W_Q, W_K, W_V)))[0]
    for h in range(N_HEADS)])
CONCAT = np.concatenate(list(HEAD_OUTPUTS), axis=1)  # (T, d_model)

# Where Q, K and V come from: learned projections of the embeddings X. Head 1's blocks of
# W_Q, W_K, W_V (d_model = 8 columns in, d_head = 2 out) are the projections we follow.
W_Q1, W_K1, W_V1 = (W[:, :D_HEAD] for W in (W_Q, W_K, W_V))  # (d_model, d_head) each
Q_1, K_1, V_1 = (X_MH @ W for W in (W_Q1, W_K1, W_V1))  # (T, d_head) each
OUTPUT_1, WEIGHTS_1 = scaled_dot_product_attention(Q_1, K_1, V_1)  # (T, d_head), (T, T)
RAW_SCORES = X_MH @ X_MH.T / np.sqrt(D_MODEL)  # (T, T) x_i . x_j: symmetric
PROJECTED_SCORES = Q_1 @ K_1.T / np.sqrt(D_HEAD)  # (T, T) q_i . k_j: not symmetric
MIRROR = (2, 3)  # the pair (i, j) and (j, i) compared on screen
ATTENTION_NUMPY = Bridge(
    formula=r"\mathrm{softmax}\!\left(QK^\top / \sqrt{d_k}\right) V",
    setup=(f"Q = np.array({Q_1.tolist()})\nK = np.array({K_1.tolist()})\n"
           f"V = np.array({V_1.tolist()})\n"
           "from mathcore.attention import scaled_dot_product_attention"),
    mathcore=Snippet("scaled_dot_product_attention(Q, K, V)[0][2]"),
    library=Snippet("S = Q @ K.T / np.sqrt(Q.shape[1])\n"
                    "W = np.exp(S - S.max(1, keepdims=True))\n"
                    "(W / W.sum(1, keepdims=True) @ V)[2]"),
    decimals=3,
)

# Causal masking: a word may not look at the words after it (GPT-style language models).
CAUSAL = causal_mask(N_TOKENS)  # (T, T) True on and below the diagonal
MASKED_SCORES = np.where(CAUSAL, PROJECTED_SCORES, -np.inf)  # (T, T) the future set to -inf
CAUSAL_OUTPUT, CAUSAL_WEIGHTS = scaled_dot_product_attention(Q_1, K_1, V_1, CAUSAL)  # (T, d), (T, T)
ZEROED_ROW = 1  # "small": zeroing its future weights after the softmax leaves a sum below 1
ZEROED_AFTER = np.where(CAUSAL[ZEROED_ROW], WEIGHTS_1[ZEROED_ROW], 0.0)  # (T,)
CAUSAL_TORCH = Bridge(
    formula=r"\mathrm{softmax}\!\left(QK^\top / \sqrt{d_k} + M\right) V",
    setup=ATTENTION_NUMPY.setup,
    mathcore=Snippet("mask = attention.causal_mask(5)\n"
                     "out, w = scaled_dot_product_attention(\n"
                     "    Q, K, V, mask)\n"
                     "out[2]"),
    library=Snippet("import torch, torch.nn.functional as F\n"
                    "q, k, v = map(torch.tensor, (Q, K, V))\n"
                    "out = F.scaled_dot_product_attention(\n"
                    "    q, k, v, is_causal=True)\n"
                    "out[2]", needs="torch"),
    decimals=3,
)

# How many numbers a transformer learns: 4 d^2 for attention, 8 d^2 for its MLP.
TOY_COUNT = parameter_count(D_MODEL, bias=False)  # our d = 8, no biases
GPT2 = dict(d_model=768, n_layers=12, vocab_size=50257, n_positions=1024)  # GPT-2 small
GPT2_COUNT = parameter_count(**GPT2)
GPT2_BLOCKS = GPT2["n_layers"] * GPT2_COUNT.block
BLOCK_TORCH = Bridge(
    formula=r"4d^2 + 8d^2 + 13d",
    setup="",
    mathcore=Snippet("attention.parameter_count(768).block"),
    library=Snippet("from torch import nn\n"
                    "layer = nn.TransformerEncoderLayer(\n"
                    "    768, nhead=12, dim_feedforward=3072)\n"
                    "sum(p.numel() for p in layer.parameters())", needs="torch"),
    decimals=0,
)

# Scene 4: sinusoidal positional encoding. Without it attention is blind to order: shuffle
# the words and the weight matrix is the same matrix with its rows and columns shuffled.
WORD_ORDER = np.array([3, 0, 4, 2, 1])  # a reordering: slot k now holds word WORD_ORDER[k]
SHUFFLED_WEIGHTS = scaled_dot_product_attention(
    Q_2D[WORD_ORDER], K_2D[WORD_ORDER], V_2D[WORD_ORDER])[1]  # (T, T) = WEIGHTS permuted
N_POSITIONS, PE_DIM = 32, 16
PE = sinusoidal_positional_encoding(N_POSITIONS, PE_DIM)  # (n_pos, d)
WAVE_DIMS = (0, 2, 4, 6)  # the sine columns of falling frequency
PE_SIMILARITY = PE @ PE.T  # (n_pos, n_pos) depends mostly on the distance
READ_POSITIONS = (3, 11, 24)  # where the reading line stops

# --------------------------------------------------------------------------- builders


def get_token_row(tokens=TOKENS, font_size=BODY_SIZE, color=TEXT) -> VGroup:
    """The sentence as a row of words, each on a faint card."""
    words = VGroup(*(Text(t, font_size=font_size, color=color) for t in tokens))
    cards = VGroup()
    for word in words:
        card = Rectangle(width=max(word.width + 0.3, 1.0), height=0.6, stroke_color=FAINT,
                         stroke_width=2, fill_color=BACKGROUND, fill_opacity=1)
        cards.add(VGroup(card, word.move_to(card)))
    return cards.arrange(RIGHT, buff=0.2)


def get_named_map(values, color, cell, rows=None, cols=None, decimals=None, vmax=None,
                  diverging=False, font_size=SMALL_SIZE) -> VGroup:
    """A heat map with word labels: ``[0]`` the grid, ``[1]`` row labels, ``[2]`` column labels."""
    grid = get_matrix_heat_map(values, color, cell=cell, decimals=decimals, vmax=vmax,
                               diverging=diverging, font_size=font_size)
    row_labels = VGroup(*(Text(t, font_size=SMALL_SIZE, color=QUERY).next_to(grid[i], LEFT,
                                                                             buff=0.15)
                          for i, t in enumerate(rows or [])))
    col_size = SMALL_SIZE if cell >= 0.8 else SMALL_SIZE - 4  # words fit above their column
    col_labels = VGroup(*(Text(t, font_size=col_size, color=KEY).next_to(grid[0][j], UP,
                                                                         buff=0.15)
                          for j, t in enumerate(cols or [])))
    return VGroup(grid, row_labels, col_labels)


# --------------------------------------------------------------------------- scenes


class AttentionFromDotProducts(NarratedScene):
    """One query scores every key; softmax makes weights; the output mixes the values."""

    def construct(self):
        # Step 1: the sentence, and the word we follow.
        tokens = get_token_row().to_edge(UP, buff=EDGE_BUFF)
        self.show_sentence(tokens)
        # Step 2: its query and every key, as arrows in a small plane.
        plane, q_arrow, k_arrows, k_labels = self.get_query_and_keys()
        self.show_query_and_keys(tokens, plane, q_arrow, k_arrows, k_labels)
        # Step 3: scores are dot products divided by root d, and softmax turns them into weights.
        table = self.get_score_table()
        self.show_scores(table, k_arrows)
        # Step 4: the output is the weighted average of the value vectors.
        self.show_output(plane, k_arrows, k_labels, q_arrow, table)
        # Step 5: every query at once: the attention matrix and its formula.
        self.show_weight_matrix(tokens, plane, q_arrow, table)

    # Step 1
    def show_sentence(self, tokens):
        with self.beat("Take a five word sentence: the small cat sat down. "
                       "Attention lets each word look at every other word, and decide how "
                       "much of each to take in."):
            self.play(LaggedStart(*(FadeIn(t, shift=0.2 * DOWN) for t in tokens), lag_ratio=0.2),
                      run_time=2)
            self.wait(1)
        with self.beat("Let's follow one word, cat."):
            self.play(tokens[FOCUS][0].animate.set_stroke(QUERY, width=4))

    # Step 2
    def get_query_and_keys(self):
        plane = get_plane(x_range=(-3, 3, 1), y_range=(-3, 3, 1), unit=0.95,
                          center=[-3.9, -0.75, 0])
        origin = plane.c2p(0, 0)
        q_arrow = get_arrow(origin, plane.c2p(*Q_2D[FOCUS]), QUERY)
        k_arrows = VGroup(*(get_arrow(origin, plane.c2p(*k), KEY, stroke_width=4) for k in K_2D))
        k_labels = VGroup()
        for token, k, arrow in zip(TOKENS, K_2D, k_arrows):
            direction = k / np.linalg.norm(k)
            label = MathTex(rf"k_{{\text{{{token}}}}}", font_size=LABEL_SIZE, color=KEY)
            label.move_to(arrow.get_end() + 0.42 * np.array([*direction, 0]))
            k_labels.add(label)
        return plane, q_arrow, k_arrows, k_labels

    def show_query_and_keys(self, tokens, plane, q_arrow, k_arrows, k_labels):
        q_label = MathTex(r"q_{\text{cat}}", font_size=LABEL_SIZE, color=QUERY)
        q_label.next_to(q_arrow.get_end(), UP + LEFT, buff=0.08)
        q_arrow.label = q_label
        with self.beat("Cat asks a question, written as a query vector q. Here it lives in "
                       "just two dimensions, so we can draw it."):
            self.play(Create(plane), run_time=1.5)
            self.play(TransformFromCopy(tokens[FOCUS], q_label), GrowArrow(q_arrow))
        with self.beat("Every word also offers a key vector k, a description of what it "
                       "contains."):
            self.play(LaggedStart(*(GrowArrow(a) for a in k_arrows), lag_ratio=0.15),
                      LaggedStart(*(FadeIn(l) for l in k_labels), lag_ratio=0.15), run_time=2.5)
        self.q_label = q_label

    # Step 3
    def get_score_table(self) -> VGroup:
        formula = MathTex(r"s_j", "=", r"{q", r"\cdot", r"k_j", r"\over", r"\sqrt{d}}",
                          font_size=BODY_SIZE)
        formula[2].set_color(QUERY)
        formula[4].set_color(KEY)
        rows = VGroup()
        for token, s in zip(TOKENS, FOCUS_SCORES):
            name = Text(token, font_size=LABEL_SIZE, color=KEY)
            score = MathTex(format_number(s, 2), font_size=LABEL_SIZE)
            rows.add(VGroup(name, score))
        rows.arrange(DOWN, buff=0.32)
        for row in rows:
            row[1].move_to(row[0].get_center() + RIGHT * 1.5)
            row[0].align_to(rows[0][0], RIGHT)
        rows.move_to([1.9, -0.9, 0])
        formula.next_to(rows, UP, buff=0.45).align_to(rows, LEFT).shift(0.2 * LEFT)
        # softmax bars beside the scores
        bars = VGroup()
        weight_labels = VGroup()
        for row, w in zip(rows, FOCUS_WEIGHTS):
            bar = Rectangle(width=max(2.6 * w, 1e-3), height=0.34, stroke_width=0,
                            fill_color=QUERY, fill_opacity=0.85)
            bar.next_to(row[1], RIGHT, buff=0.5).align_to(rows[0][1], LEFT).shift(1.0 * RIGHT)
            bar.set_y(row.get_y())
            label = MathTex(format_number(w, 2), font_size=LABEL_SIZE, color=QUERY)
            label.next_to(bar, RIGHT, buff=0.15)
            bars.add(bar)
            weight_labels.add(label)
        softmax_label = MathTex(r"w_j", "=", r"\mathrm{softmax}(s)_j", font_size=BODY_SIZE)
        softmax_label[0].set_color(QUERY)
        softmax_label.next_to(bars, UP, buff=0.45).align_to(bars, LEFT)
        softmax_label.set_y(formula.get_y())
        return VGroup(formula, rows, bars, weight_labels, softmax_label)

    def show_scores(self, table, k_arrows):
        formula, rows, bars, weight_labels, softmax_label = table
        with self.beat("How well does each key answer the question? Take the dot product of "
                       "q with each k, and divide by the square root of the dimension d."):
            self.play(Write(formula))
            self.play(LaggedStart(*(FadeIn(r[0]) for r in rows), lag_ratio=0.1))
        with self.beat("Keys pointing along the query score high, keys pointing away score "
                       "below zero."):
            self.play(LaggedStart(*(AnimationGroup(Indicate(a, color=KEY), FadeIn(r[1]))
                                    for a, r in zip(k_arrows, rows)), lag_ratio=0.3),
                      run_time=3)
        with self.beat("Softmax exponentiates the scores and divides by their sum, so the "
                       "weights are positive and add up to one."):
            self.play(Write(softmax_label))
            self.play(LaggedStart(*(GrowFromEdge(b, LEFT) for b in bars), lag_ratio=0.1),
                      LaggedStart(*(FadeIn(l) for l in weight_labels), lag_ratio=0.1),
                      run_time=2)
            self.wait(1)

    # Step 4
    def show_output(self, plane, k_arrows, k_labels, q_arrow, table):
        origin = plane.c2p(0, 0)
        v_arrows = VGroup(*(get_arrow(origin, plane.c2p(*v), VALUE, stroke_width=4)
                            .set_opacity(0.25 + 0.75 * w / FOCUS_WEIGHTS.max())
                            for v, w in zip(V_2D, FOCUS_WEIGHTS)))
        out_arrow = get_arrow(origin, plane.c2p(*FOCUS_OUTPUT), VALUE, stroke_width=7)
        out_label = MathTex(r"\textstyle\sum_j w_j v_j", font_size=LABEL_SIZE, color=VALUE)
        out_label.next_to(out_arrow.get_end(), RIGHT, buff=0.15)
        out_label = VGroup(BackgroundRectangle(out_label, color=BACKGROUND, fill_opacity=0.85,
                                               buff=0.06), out_label)
        with self.beat("Each word also carries a value vector v, the information it hands "
                       "over. Brighter arrows have larger weights."):
            self.play(FadeOut(k_arrows), FadeOut(k_labels))
            self.play(LaggedStart(*(GrowArrow(a) for a in v_arrows), lag_ratio=0.15), run_time=2)
        with self.beat("The output for cat is the weighted average of the values: the sum of "
                       "w j times v j."):
            self.play(GrowArrow(out_arrow), Write(out_label))
            self.wait(1.5)
        self.step4 = VGroup(v_arrows, out_arrow, out_label)

    # Step 5
    def show_weight_matrix(self, tokens, plane, q_arrow, table):
        grid = get_matrix_heat_map(WEIGHTS, QUERY, cell=0.92, vmax=1.0)
        row_labels = VGroup(*(Text(t, font_size=SMALL_SIZE + 2, color=QUERY) for t in TOKENS))
        col_labels = VGroup(*(Text(t, font_size=SMALL_SIZE, color=KEY) for t in TOKENS))
        for label, row in zip(row_labels, grid):
            label.next_to(row, LEFT, buff=0.2)
        for label, cell in zip(col_labels, grid[0]):
            label.next_to(cell, UP, buff=0.2)
        VGroup(grid, row_labels, col_labels).move_to([-3.3, -0.6, 0])
        highlight = SurroundingRectangle(grid[FOCUS], color=QUERY, buff=0.04)
        formula = MathTex(r"\mathrm{Attention}(", "Q", ",", "K", ",", "V",
                          r") = \mathrm{softmax}\!\left(", r"{Q", r"K^\top", r"\over",
                          r"\sqrt{d}}", r"\right)", "V", font_size=BODY_SIZE)
        for index, color in ((1, QUERY), (3, KEY), (5, VALUE), (7, QUERY), (8, KEY),
                             (12, VALUE)):
            formula[index].set_color(color)
        formula.move_to([3.3, 1.2, 0])
        rows_note = Tex(r"row $i$: how much word $i$ takes from each word $j$",
                        font_size=LABEL_SIZE, color=MUTED).next_to(formula, DOWN, buff=0.6)
        sum_note = Tex(r"every row sums to $1$", font_size=LABEL_SIZE, color=MUTED)
        sum_note.next_to(rows_note, DOWN, buff=0.3)
        focus_bars = table[2]
        with self.beat("Do the same for every word at once and the weights form a matrix. "
                       "Row cat is exactly the row of weights we just computed."):
            self.play(FadeOut(plane), FadeOut(q_arrow), FadeOut(self.q_label), FadeOut(self.step4),
                      FadeOut(VGroup(table[0], table[1], table[3], table[4])))
            self.play(ReplacementTransform(focus_bars, grid[FOCUS]),
                      FadeIn(row_labels), FadeIn(col_labels))
            self.play(LaggedStart(*(FadeIn(grid[i]) for i in range(N_TOKENS) if i != FOCUS),
                                  lag_ratio=0.15), Create(highlight), run_time=2)
        with self.beat("Stack the queries into a matrix Q, the keys into K and the values "
                       "into V. Then attention is softmax of Q times K transpose over root d, "
                       "times V."):
            self.play(Write(formula), run_time=2)
            self.wait(1.5)
        with self.beat("Row i says how much word i takes from each word j, and every row "
                       "sums to one."):
            self.play(FadeIn(rows_note, shift=0.1 * UP))
            self.play(FadeIn(sum_note, shift=0.1 * UP))
            self.wait(1.5)
        with self.beat("That is all of attention: dot products, a softmax, and a weighted "
                       "average."):
            self.play(FadeOut(tokens), FadeOut(highlight), FadeOut(rows_note), FadeOut(sum_note),
                      formula.animate.scale(1.15).move_to([3.3, 0, 0]))
            self.wait(1)


class QueriesKeysValuesAsProjections(NarratedScene):
    """Q = X W_Q, K = X W_K, V = X W_V: three learned views of the same embeddings."""

    def construct(self):
        # Step 1: the sentence as a matrix of embeddings, one row per word.
        x_map = self.get_embeddings()
        self.show_embeddings(x_map)
        # Step 2: a learned matrix W_Q turns every row into a query, shapes checked.
        self.show_projection(x_map)
        # Step 3: why not the embeddings themselves: their scores are symmetric.
        self.show_symmetry()
        # Step 4: the formula, mathcore and one line of NumPy give the same output.
        self.show_bridge()

    def get_embeddings(self) -> VGroup:
        x_map = get_named_map(X_MH, TEXT, 0.42, rows=TOKENS, diverging=True)
        x_map.move_to([-4.3, -0.3, 0])
        return x_map

    def show_embeddings(self, x_map):
        title = MathTex(r"Q", "=", r"X", r"W_Q", font_size=BODY_SIZE + 4)
        title[0].set_color(QUERY)
        title[3].set_color(QUERY)
        title.to_edge(UP, buff=EDGE_BUFF)
        x_name = MathTex("X", font_size=BODY_SIZE).next_to(x_map[0], UP, buff=0.25)
        x_shape = MathTex(r"(T,\ d) = (5,\ 8)", font_size=LABEL_SIZE, color=MUTED)
        x_shape.next_to(x_map[0], DOWN, buff=0.3)
        with self.beat("So far the queries, keys and values were simply given. In a transformer "
                       "they are computed. Each word arrives as an embedding, a row of d numbers, "
                       "here eight, and the sentence becomes a matrix X."):
            self.play(LaggedStart(*(FadeIn(VGroup(row, label), shift=0.2 * RIGHT)
                                    for row, label in zip(x_map[0], x_map[1])), lag_ratio=0.2),
                      run_time=2)
            self.play(FadeIn(x_name), FadeIn(x_shape))
        self.title, self.x_name, self.x_shape = title, x_name, x_shape

    def get_product(self, W, result, color, name: str, x_map) -> VGroup:
        w_map = get_matrix_heat_map(W, color, cell=0.36, decimals=None, diverging=True)
        w_map.move_to([-1.35, -0.3, 0])
        r_map = get_matrix_heat_map(result, color, cell=0.42, decimals=None, diverging=True)
        r_map.move_to([0.75, 0, 0]).align_to(x_map[0], UP)
        times = MathTex(r"\times", font_size=BODY_SIZE).move_to([-2.05, -0.3, 0])
        equals = MathTex("=", font_size=BODY_SIZE).move_to([-0.35, -0.3, 0])
        w_name = MathTex(rf"W_{name}", font_size=BODY_SIZE, color=color)
        w_name.next_to(w_map, UP, buff=0.2)
        r_name = MathTex(name, font_size=BODY_SIZE, color=color).next_to(r_map, UP, buff=0.25)
        w_shape = MathTex(r"(8,\ 2)", font_size=LABEL_SIZE, color=MUTED)
        w_shape.next_to(w_map, DOWN, buff=0.2)
        r_shape = MathTex(r"(5,\ 2)", font_size=LABEL_SIZE, color=MUTED)
        r_shape.next_to(r_map, DOWN, buff=0.3).set_y(self.x_shape.get_y())
        return VGroup(w_map, r_map, times, equals, w_name, r_name, w_shape, r_shape)

    def show_projection(self, x_map):
        q_prod = self.get_product(W_Q1, Q_1, QUERY, "Q", x_map)
        w_map, r_map, times, equals, w_name, r_name, w_shape, r_shape = q_prod
        inner = VGroup(MathTex("8", font_size=LABEL_SIZE, color=ACCENT),
                       MathTex("8", font_size=LABEL_SIZE, color=ACCENT))
        with self.beat("A learned matrix W Q, eight rows by two columns, turns each word's row "
                       "into a query: Q equals X times W Q."):
            self.play(Write(self.title))
            self.play(FadeIn(times), FadeIn(w_map), FadeIn(w_name))
            self.play(TransformFromCopy(VGroup(x_map[0], w_map), r_map), FadeIn(equals),
                      FadeIn(r_name), run_time=1.5)
        with self.beat("Check the shapes: five by eight, times eight by two. The inner eights "
                       "meet and are summed over, leaving five rows of two: one query per word."):
            self.play(FadeIn(w_shape), FadeIn(r_shape))
            inner[0].move_to(self.x_shape[0][-2])
            inner[1].move_to(w_shape[0][1])
            self.play(Indicate(self.x_shape[0][-2], color=ACCENT, scale_factor=1.6),
                      Indicate(w_shape[0][1], color=ACCENT, scale_factor=1.6), run_time=1.5)
            self.play(Circumscribe(r_map, color=QUERY))
        # the trio of results on the right, filled one by one
        slots = [4.0, 5.1, 6.2]
        trio = VGroup()
        for k, (W, result, color, name) in enumerate(((W_Q1, Q_1, QUERY, "Q"),
                                                      (W_K1, K_1, KEY, "K"),
                                                      (W_V1, V_1, VALUE, "V"))):
            target = get_matrix_heat_map(result, color, cell=0.42, decimals=None, diverging=True)
            target.move_to([slots[k], 0, 0]).align_to(x_map[0], UP)
            label = MathTex(name, font_size=BODY_SIZE, color=color).next_to(target, UP, buff=0.25)
            trio.add(VGroup(target, label))
        titles = MathTex(r"Q = X W_Q,", r"\quad K = X W_K,", r"\quad V = X W_V",
                         font_size=BODY_SIZE + 4).to_edge(UP, buff=EDGE_BUFF)
        for part, color in zip(titles, (QUERY, KEY, VALUE)):
            part.set_color(color)
        with self.beat("Two more learned matrices, W K and W V, make the keys and the values "
                       "from the very same rows. One input, three different views of it."):
            self.play(ReplacementTransform(self.title, titles[0]), FadeIn(titles[1:]),
                      run_time=0.8)
            self.play(ReplacementTransform(r_map, trio[0][0]),
                      ReplacementTransform(r_name, trio[0][1]), FadeOut(r_shape), run_time=1)
            for k, (W, result, color, name) in enumerate(((W_K1, K_1, KEY, "K"),
                                                          (W_V1, V_1, VALUE, "V")), start=1):
                nxt = self.get_product(W, result, color, name, x_map)
                self.play(ReplacementTransform(w_map, nxt[0]), ReplacementTransform(w_name, nxt[4]),
                          run_time=0.8)
                self.play(TransformFromCopy(VGroup(x_map[0], nxt[0]), trio[k][0]),
                          FadeIn(trio[k][1]), run_time=1.2)
                w_map, w_name = nxt[0], nxt[4]
        with self.beat("These three matrices are what the model learns. The attention step "
                       "itself, the dot products and the softmax, has no parameters at all."):
            self.play(Circumscribe(VGroup(w_map, w_name), color=ACCENT))
            self.play(Circumscribe(trio, color=MUTED))
        self.play(FadeOut(VGroup(x_map, self.x_name, self.x_shape, w_map, w_name, w_shape,
                                 times, equals, trio, titles)), run_time=0.8)

    def show_symmetry(self):
        left = get_named_map(RAW_SCORES, TEXT, 0.66, rows=TOKENS, cols=TOKENS, decimals=1,
                             diverging=True, vmax=3.0)
        right = get_named_map(PROJECTED_SCORES, TEXT, 0.66, rows=TOKENS, cols=TOKENS,
                              decimals=1, diverging=True, vmax=3.0)
        left.move_to([-3.3, -0.55, 0])
        right.move_to([3.6, -0.55, 0])
        left_title = MathTex(r"x_i \cdot x_j / \sqrt{d}", font_size=BODY_SIZE)
        left_title.next_to(left, UP, buff=0.3)
        right_title = MathTex(r"q_i", r"\cdot", r"k_j", r"/ \sqrt{d_k}", font_size=BODY_SIZE)
        right_title[0].set_color(QUERY)
        right_title[2].set_color(KEY)
        right_title.next_to(right, UP, buff=0.3)
        i, j = MIRROR
        pair_left = VGroup(*(SurroundingRectangle(left[0][a][b], color=ACCENT, buff=0.02)
                             for a, b in ((i, j), (j, i))))
        pair_right = VGroup(*(SurroundingRectangle(right[0][a][b], color=ACCENT, buff=0.02)
                              for a, b in ((i, j), (j, i))))
        diagonal = VGroup(*(SurroundingRectangle(left[0][k][k], color=QUERY, buff=0.02)
                            for k in range(N_TOKENS)))
        with self.beat("Why not skip the projections and score the embeddings directly? Then "
                       "the score of word i for word j is x i dot x j."):
            self.play(Write(left_title))
            self.play(FadeIn(left, lag_ratio=0.05), run_time=2)
        with self.beat(f"But a dot product does not care about order: {TOKENS[i]} scores "
                       f"{TOKENS[j]} exactly as {TOKENS[j]} scores {TOKENS[i]}, so the matrix "
                       "is a mirror image across its diagonal."):
            self.play(Create(pair_left))
            self.play(Indicate(pair_left, color=ACCENT, scale_factor=1.2), run_time=1.5)
        with self.beat("And each word scores itself highest, because nothing lines up with a "
                       "vector better than the vector itself. Asking and answering are stuck "
                       "being the same thing."):
            self.play(LaggedStart(*(Create(d) for d in diagonal), lag_ratio=0.2), run_time=2)
        with self.beat("With two different matrices, the score is x i W Q dotted with x j W K. "
                       "The mirror breaks: what a word looks for is no longer what it offers."):
            self.play(FadeOut(diagonal), Write(right_title))
            self.play(FadeIn(right, lag_ratio=0.05), run_time=2)
            self.play(TransformFromCopy(pair_left, pair_right))
        self.play(FadeOut(VGroup(left, right, left_title, right_title, pair_left, pair_right)),
                  run_time=0.8)

    def show_bridge(self):
        rows = get_bridge(ATTENTION_NUMPY).move_to([0, -0.4, 0])
        heading = Tex("formula, mathcore, NumPy", font_size=BODY_SIZE, color=MUTED)
        heading.to_edge(UP, buff=EDGE_BUFF)
        with self.beat("In code, attention is three lines of NumPy: the scaled scores, the "
                       "softmax with its maximum subtracted, and the product with V."):
            self.play(FadeIn(heading), FadeIn(rows[0]))
            self.play(FadeIn(rows[2], shift=0.1 * UP), run_time=1.5)
        with self.beat("Mathcore's function gives the same output for cat, to every digit "
                       "shown. The learned projections come first, as linear layers, and this "
                       "one formula follows."):
            self.play(FadeIn(rows[1], shift=0.1 * UP))
            self.play(FadeIn(rows[3]))
            self.play(Circumscribe(rows[3], color=ACCENT))


class AttentionSoftmaxTemperature(NarratedScene):
    """softmax(s / T): low temperature picks the best key, high temperature spreads out."""

    def construct(self):
        # Step 1: the formula and cat's five scores.
        formula = self.get_formula().to_edge(UP, buff=EDGE_BUFF)
        log_t = ValueTracker(0.0)
        chart = self.get_chart(log_t)
        self.show_setup(formula, chart, log_t)
        # Step 2: cool down: the largest score takes everything.
        self.show_temperature(log_t, -2.0, "Lower the temperature to a quarter. Dividing by a "
                              "small T stretches the gaps between scores, and the largest "
                              "score takes almost all the weight.",
                              note=self.get_note(r"$T \to 0$: softmax becomes argmax"))
        # Step 3: heat up: the weights flatten towards uniform.
        self.show_temperature(log_t, 2.0, "Raise it to four. The gaps shrink, and the "
                              "weights flatten towards one fifth each, a plain average.",
                              show_uniform=chart,
                              note=self.get_note(r"$T \to \infty$: a plain average"))
        # Step 4: back to T = 1, then why the square root of d.
        self.show_temperature(log_t, 0.0, "At T equal to one we are back to ordinary "
                              "softmax.")
        self.show_root_d(formula, chart)

    def get_formula(self) -> MathTex:
        formula = MathTex(r"w_j", "=", r"{e^{s_j / T}", r"\over", r"\sum_k e^{s_k / T}}",
                          font_size=BODY_SIZE + 4)
        formula[0].set_color(QUERY)
        return formula

    def get_chart(self, log_t: ValueTracker) -> VGroup:
        unit, width, buff = 4.2, 0.9, 0.45
        origin = np.array([-4.6, -2.6, 0])
        axis = Line(origin + LEFT * 0.3, origin + RIGHT * (N_TOKENS * (width + buff) + 0.1),
                    color=MUTED)
        weights = lambda: lookup_rows(TEMPERATURE_WEIGHTS, LOG2_TEMPERATURES, log_t.get_value())
        bars = always_redraw(lambda: get_bar_row(weights(), QUERY, origin, width, unit, buff))
        numbers = VGroup()
        for j in range(N_TOKENS):
            number = DecimalNumber(weights()[j], num_decimal_places=2, font_size=SMALL_SIZE + 4,
                                   color=QUERY)
            number.add_updater(lambda m, j=j: m.set_value(weights()[j]).next_to(
                origin + RIGHT * (j * (width + buff) + width / 2)
                + UP * unit * weights()[j], UP, buff=0.12))
            numbers.add(number)
        labels = VGroup()
        for j, (token, s) in enumerate(zip(TOKENS, FOCUS_SCORES)):
            x = origin + RIGHT * (j * (width + buff) + width / 2)
            name = Text(token, font_size=SMALL_SIZE + 2, color=KEY).move_to(x + DOWN * 0.35)
            score = MathTex(r"s=" + format_number(s, 2), font_size=SMALL_SIZE + 2, color=MUTED)
            score.move_to(x + DOWN * 0.8)
            labels.add(VGroup(name, score))
        t_label = MathTex("T", "=", font_size=BODY_SIZE + 4)
        t_value = DecimalNumber(1.0, num_decimal_places=2, font_size=BODY_SIZE + 4)
        t_value.add_updater(lambda m: m.set_value(2.0 ** log_t.get_value()))
        t_group = VGroup(t_label, t_value).arrange(RIGHT, buff=0.15).move_to([4.3, 1.6, 0])
        t_value.add_updater(lambda m: m.next_to(t_label, RIGHT, buff=0.15))
        slider = Line([2.6, 0.8, 0], [6.0, 0.8, 0], color=MUTED)
        ticks = VGroup()
        for value, text in ((-2, "1/4"), (0, "1"), (2, "4")):
            x = np.interp(value, [-2, 2], [2.6, 6.0])
            tick = Line([x, 0.7, 0], [x, 0.9, 0], color=MUTED)
            tick_label = MathTex(text, font_size=SMALL_SIZE, color=MUTED).next_to(tick, DOWN, 0.1)
            ticks.add(VGroup(tick, tick_label))
        knob = always_redraw(lambda: Square(0.2, fill_color=ACCENT, fill_opacity=1, stroke_width=0)
                             .move_to([np.interp(log_t.get_value(), [-2, 2], [2.6, 6.0]), 0.8, 0]))
        uniform = DashedLine(origin + UP * unit / N_TOKENS + LEFT * 0.3,
                             origin + UP * unit / N_TOKENS
                             + RIGHT * (N_TOKENS * (width + buff) + 0.1), color=FAINT,
                             stroke_width=2)
        uniform_label = MathTex(r"\tfrac{1}{5}", font_size=LABEL_SIZE, color=MUTED)
        uniform_label.next_to(uniform, LEFT, buff=0.1)
        return VGroup(axis, bars, numbers, labels, VGroup(t_group, slider, ticks, knob),
                      VGroup(uniform, uniform_label))

    def show_setup(self, formula, chart, log_t):
        axis, bars, numbers, labels, knob_group, uniform = chart
        with self.beat("One piece of the formula is still unexplained: the division by root d. "
                       "It works through a hidden dial of softmax, the temperature T. Divide every score by T "
                       "before exponentiating."):
            self.play(Write(formula), run_time=2)
        with self.beat("Here are cat's five scores from before, and the weights softmax gives "
                       "them at T equal to one."):
            self.play(Create(axis), FadeIn(labels))
            self.play(FadeIn(bars), FadeIn(numbers))
            self.play(FadeIn(knob_group))

    def show_temperature(self, log_t, target, text, show_uniform=None, note=None):
        with self.beat(text):
            if show_uniform is not None:
                self.play(FadeIn(show_uniform[5]))
            old_note = getattr(self, "note", None)
            self.play(log_t.animate.set_value(target), *([FadeOut(old_note)] if old_note else []),
                      run_time=4)
            self.note = note
            if note is not None:
                self.play(FadeIn(note, shift=0.1 * UP))
            self.wait(1)

    def get_note(self, text: str) -> Tex:
        return Tex(text, font_size=LABEL_SIZE, color=MUTED).move_to([4.3, -0.4, 0])

    def show_root_d(self, formula, chart):
        with self.beat("So why does attention divide by the square root of d? Take random "
                       "vectors in sixty four dimensions."):
            self.play(FadeOut(chart))
        left = self.get_small_chart(UNSCALED_WEIGHTS, r"\mathrm{softmax}(q \cdot k)",
                                    [-3.6, -1.6, 0])
        right = self.get_small_chart(SCALED_WEIGHTS, r"\mathrm{softmax}(q \cdot k / \sqrt{d})",
                                     [3.6, -1.6, 0])
        spread = MathTex(r"q \cdot k \ \text{has standard deviation}\ \sqrt{d} = 8",
                         font_size=LABEL_SIZE, color=MUTED).next_to(formula, DOWN, buff=0.5)
        with self.beat("Their dot products spread out like the square root of d, here eight. "
                       "Fed straight into softmax, that is a temperature far too low: nearly all "
                       "the weight lands on one or two keys."):
            self.play(FadeIn(spread))
            self.play(FadeIn(left[0]), FadeIn(left[2]))
            self.play(FadeIn(left[1]), run_time=1.5)
            self.wait(1)
        with self.beat("Dividing by root d sets the temperature back near one, so several "
                       "words can share the attention, and gradients keep flowing."):
            self.play(FadeIn(right[0]), FadeIn(right[2]))
            self.play(FadeIn(right[1]), run_time=1.5)
            self.wait(2)

    def get_small_chart(self, weights, tex, center) -> VGroup:
        unit, width, buff = 2.6, 0.55, 0.3
        bars = get_bar_row(weights, QUERY, bar_width=width, unit=unit, buff=buff)
        axis = Line(LEFT * 0.2, RIGHT * (N_TOKENS * (width + buff)), color=MUTED)
        numbers = VGroup(*(MathTex(format_number(w, 2), font_size=SMALL_SIZE, color=QUERY)
                           .next_to(bar, UP, buff=0.1) for w, bar in zip(weights, bars)))
        title = MathTex(tex, font_size=LABEL_SIZE)
        title.next_to(axis, DOWN, buff=0.35)
        group = VGroup(VGroup(axis, title), bars, numbers)
        return group.shift(np.asarray(center) - axis.get_center())


class CausalMasking(NarratedScene):
    """A language model may not look ahead: the upper triangle is -inf before the softmax."""

    def construct(self):
        # Step 1: a word predicting the next one must not see it.
        self.show_no_peeking()
        # Step 2: the scores, and the upper triangle set to minus infinity.
        scores = self.get_scores()
        self.show_mask(scores)
        # Step 3: softmax: the future gets weight 0, the past still sums to 1.
        self.show_masked_weights(scores)
        # Step 4: the same mask as a flag in PyTorch, beside mathcore.
        self.show_bridge()

    def show_no_peeking(self):
        tokens = get_token_row().scale(1.3).move_to([0, 0.6, 0])
        arrows = VGroup()
        for j in range(N_TOKENS):
            if j == FOCUS:
                continue
            side = UP if j < FOCUS else DOWN
            arrow = CurvedArrow(tokens[FOCUS].get_edge_center(side) + 0.05 * side,
                                tokens[j].get_edge_center(side) + 0.05 * side,
                                angle=-1.2 * np.sign(j - FOCUS) * side[1],
                                color=KEY if j < FOCUS else VALUE, stroke_width=4,
                                tip_length=0.2)
            arrows.add(arrow)
        crosses = VGroup(*(Cross(a, stroke_color=VALUE, stroke_width=5, scale_factor=0.4)
                           for a in arrows[FOCUS:]))
        note = Tex("predict the next word from the words before it", font_size=BODY_SIZE,
                   color=MUTED).to_edge(DOWN, buff=1.0)
        with self.beat("There is one more ingredient for a model that writes text, like GPT. It "
                       "is trained to predict every next word from the words before it."):
            self.play(FadeIn(tokens, lag_ratio=0.2))
            self.play(FadeIn(note, shift=0.1 * UP))
        with self.beat("So while cat is being processed, it may look back at the, small and "
                       "itself, but not ahead at sat and down, or the answer would leak."):
            self.play(tokens[FOCUS][0].animate.set_stroke(QUERY, width=4))
            self.play(LaggedStart(*(Create(a) for a in arrows[:FOCUS]), lag_ratio=0.3))
            self.play(LaggedStart(*(Create(a) for a in arrows[FOCUS:]), lag_ratio=0.3))
            self.play(LaggedStart(*(Create(c) for c in crosses), lag_ratio=0.3))
        self.play(FadeOut(VGroup(tokens, arrows, crosses, note)), run_time=0.8)

    def get_scores(self) -> VGroup:
        scores = get_named_map(PROJECTED_SCORES, TEXT, 0.8, rows=TOKENS, cols=TOKENS, decimals=1,
                               diverging=True, vmax=3.0, font_size=SMALL_SIZE + 2)
        scores.move_to([-3.2, -0.5, 0])
        return scores

    def show_mask(self, scores):
        grid = scores[0]
        title = MathTex(r"q_i \cdot k_j / \sqrt{d_k}", font_size=BODY_SIZE)
        title.next_to(scores, UP, buff=0.3)
        future = [(i, j) for i in range(N_TOKENS) for j in range(N_TOKENS) if j > i]
        shade = VGroup(*(grid[i][j][0].copy().set_fill(FAINT, 1) for i, j in future))
        infinities = VGroup(*(MathTex(r"-\infty", font_size=SMALL_SIZE + 2, color=MUTED)
                              .move_to(grid[i][j]) for i, j in future))
        rule = MathTex(r"M_{ij} =", r"\begin{cases} 0 & j \le i \\ -\infty & j > i \end{cases}",
                       font_size=BODY_SIZE).move_to([3.6, 1.2, 0])
        with self.beat("Here are head one's scores for our sentence: row i is the word asking, "
                       "column j the word answering. Everything above the diagonal is a word "
                       "looking into its future."):
            self.play(Write(title), FadeIn(scores, lag_ratio=0.02), run_time=2)
            self.play(LaggedStart(*(Indicate(grid[i][j], color=VALUE) for i, j in future),
                                  lag_ratio=0.08), run_time=2)
        with self.beat("The mask sets every one of those scores to minus infinity, before the "
                       "softmax. Below and on the diagonal, nothing changes."):
            self.play(Write(rule))
            self.play(LaggedStart(*(AnimationGroup(FadeIn(s), grid[i][j][1].animate.set_opacity(0),
                                                   FadeIn(inf))
                                    for s, inf, (i, j) in zip(shade, infinities, future)),
                                  lag_ratio=0.1), run_time=2)
            for i, j in future:  # the old score is gone for good, not just faded
                grid[i][j].remove(grid[i][j][1])
        self.masked = VGroup(shade, infinities)
        self.rule, self.scores_title = rule, title

    def show_masked_weights(self, scores):
        weights = get_named_map(CAUSAL_WEIGHTS, QUERY, 0.8, rows=TOKENS, cols=TOKENS, decimals=2,
                                vmax=1.0, font_size=SMALL_SIZE + 2)
        weights.move_to([3.6, -0.5, 0])
        title = MathTex(r"\mathrm{softmax}", font_size=BODY_SIZE).next_to(weights, UP, buff=0.3)
        arrow = get_arrow(scores.get_right() + 0.2 * RIGHT, weights[1].get_left() + 0.2 * LEFT,
                          MUTED, stroke_width=4)
        exp_note = MathTex(r"e^{-\infty} = 0", font_size=BODY_SIZE, color=MUTED)
        exp_note.next_to(arrow, DOWN, buff=0.2)
        first = SurroundingRectangle(weights[0][0], color=QUERY, buff=0.03)
        with self.beat("Now e to the minus infinity is exactly zero, so every future word gets "
                       "weight zero, and the softmax shares each row among the past alone."):
            self.play(FadeOut(self.rule), GrowArrow(arrow), FadeIn(exp_note))
            self.play(FadeIn(title), FadeIn(weights, lag_ratio=0.02), run_time=2)
        with self.beat("Each row still sums to one. The first word can only see itself, so it "
                       "puts all its weight there; the weight matrix is lower triangular."):
            self.play(Create(first))
            self.play(Indicate(weights[0][0][0][1], color=QUERY, scale_factor=1.5))
        # why before the softmax: zeroing afterwards breaks the average
        row = ZEROED_ROW
        after = MathTex(
            r"\text{zeroed after: }", " + ".join(format_number(w, 2)
                                                 for w in ZEROED_AFTER[:row + 1]),
            "=", format_number(ZEROED_AFTER.sum(), 2), font_size=BODY_SIZE, color=VALUE)
        before = MathTex(
            r"\text{masked before: }", " + ".join(format_number(w, 2)
                                                  for w in CAUSAL_WEIGHTS[row, :row + 1]),
            "=", format_number(CAUSAL_WEIGHTS[row].sum(), 2), font_size=BODY_SIZE, color=QUERY)
        VGroup(after, before).arrange(DOWN, aligned_edge=LEFT, buff=0.3).to_edge(DOWN, buff=0.35)
        row_box = SurroundingRectangle(weights[0][row], color=QUERY, buff=0.03)
        with self.beat(f"Why before the softmax and not after? Take the row for {TOKENS[row]}. "
                       "Zeroing the future weights afterwards leaves what is left summing to "
                       f"only {format_number(ZEROED_AFTER.sum(), 2)}, no longer an average."):
            self.play(FadeOut(first), Create(row_box))
            self.play(VGroup(scores, self.masked, self.scores_title, weights, title, arrow,
                             exp_note, row_box).animate.shift(0.55 * UP))
            self.play(FadeIn(after, shift=0.1 * UP))
        with self.beat("Masking the scores lets the softmax renormalise: the same two words "
                       "now share all of the weight."):
            self.play(FadeIn(before, shift=0.1 * UP))
            self.play(Circumscribe(before[3], color=QUERY))
        self.play(FadeOut(VGroup(scores, self.masked, self.scores_title, weights, title, arrow,
                                 exp_note, row_box, after, before)), run_time=0.8)

    def show_bridge(self):
        rows = get_bridge(CAUSAL_TORCH).move_to([0, -0.2, 0])
        heading = Tex(r"the causal mask in code", font_size=BODY_SIZE, color=MUTED)
        heading.to_edge(UP, buff=EDGE_BUFF)
        with self.beat("In PyTorch the mask is a single flag, is causal equals true, on the fused "
                       "attention function that every modern transformer calls."):
            self.play(FadeIn(heading), FadeIn(rows[0]))
            self.play(FadeIn(rows[2], shift=0.1 * UP), run_time=1.5)
        with self.beat("Mathcore takes the mask as an explicit matrix of allowed pairs. Same "
                       "queries, keys and values, same output for cat."):
            self.play(FadeIn(rows[1], shift=0.1 * UP))
            self.play(FadeIn(rows[3]))
            self.play(Circumscribe(rows[3], color=ACCENT))


class MultiHeadAttentionHeads(NarratedScene):
    """Several heads attend in parallel, each with its own pattern; W^O mixes them."""

    def construct(self):
        # Step 1: one head's formula.
        formula = self.get_head_formula().to_edge(UP, buff=EDGE_BUFF)
        self.show_head_formula(formula)
        # Step 2: four heads, four weight matrices side by side.
        maps = self.get_head_maps()
        self.show_head_maps(maps)
        # Step 3: what each head attends to most.
        self.show_head_focus(maps)
        # Step 4: concatenate the heads' outputs and mix them with W^O.
        self.show_concat(formula, maps)

    def get_head_formula(self) -> MathTex:
        formula = MathTex(r"\mathrm{head}_i", "=", r"\mathrm{Attention}(", r"X W_i^Q", ",",
                          r"X W_i^K", ",", r"X W_i^V", ")", font_size=BODY_SIZE)
        formula[3].set_color(QUERY)
        formula[5].set_color(KEY)
        formula[7].set_color(VALUE)
        return formula

    def show_head_formula(self, formula):
        self.formula = formula
        words = get_token_row().scale(1.4).move_to([0, 0.2, 0])
        needs = VGroup()
        for k, (target, name, side) in enumerate(WORD_NEEDS):
            start, end = words[ASKING_WORD], words[target]
            # bulging away from the row: clockwise going right above it, or left below it
            angle = -1.4 * np.sign(target - ASKING_WORD) * side[1]
            arrow = CurvedArrow(start.get_edge_center(side) + 0.05 * side,
                                end.get_edge_center(side) + 0.05 * side, angle=angle,
                                color=HEAD_COLORS[k], stroke_width=4, tip_length=0.2)
            label = Tex(name, font_size=LABEL_SIZE, color=HEAD_COLORS[k])
            label.next_to(arrow, side, buff=0.1)
            needs.add(VGroup(arrow, label))
        with self.beat("One attention pattern is rarely enough: a word may need its subject, "
                       "its neighbour and its verb all at once."):
            self.play(FadeIn(words, lag_ratio=0.2))
            self.play(Indicate(words[ASKING_WORD][1], color=QUERY), run_time=0.6)
            for need in needs:
                self.play(Create(need[0]), FadeIn(need[1], shift=0.1 * UP), run_time=0.8)
        with self.beat("So a transformer runs several heads in parallel. Head i has its own "
                       "query, key and value matrices, and attends with them."):
            self.play(FadeOut(VGroup(words, needs)), run_time=0.6)
            self.play(Write(formula), run_time=2.5)

    def get_head_maps(self) -> VGroup:
        maps = VGroup()
        for h in range(N_HEADS):
            grid = get_matrix_heat_map(HEAD_WEIGHTS[h], HEAD_COLORS[h], cell=0.52, decimals=None,
                                       vmax=1.0)
            title = Tex(f"head {h + 1}", font_size=LABEL_SIZE, color=HEAD_COLORS[h])
            title.next_to(grid, UP, buff=0.2)
            maps.add(VGroup(grid, title))
        maps.arrange(RIGHT, buff=0.45).move_to([0.45, 0.0, 0])
        row_labels = VGroup(*(Text(t, font_size=SMALL_SIZE, color=QUERY) for t in TOKENS))
        for label, row in zip(row_labels, maps[0][0]):
            label.next_to(row, LEFT, buff=0.15)
        maps.row_labels = row_labels
        return maps

    def show_head_maps(self, maps):
        with self.beat("Here are the weights of four heads on our sentence, each row a word "
                       "asking, each column a word answering."):
            self.play(FadeIn(maps.row_labels))
            self.play(LaggedStart(*(FadeIn(m) for m in maps), lag_ratio=0.3), run_time=3)
        with self.beat("Same words, same input, but four different patterns, because each head "
                       "learned its own projections."):
            self.play(Indicate(maps.row_labels, color=QUERY))
            # each map pulses in turn, keeping its colours, its title lit in the head's colour
            self.play(LaggedStart(*(AnimationGroup(m[0].animate(rate_func=there_and_back).scale(1.1),
                                                   Indicate(m[1], color=HEAD_COLORS[h]))
                                    for h, m in enumerate(maps)), lag_ratio=0.5), run_time=2)
            self.play(*(Circumscribe(self.formula[k], color=self.formula[k].get_color())
                        for k in (3, 5, 7)))

    def show_head_focus(self, maps):
        boxes = VGroup()
        for h, m in enumerate(maps):
            for i in range(N_TOKENS):
                j = int(np.argmax(HEAD_WEIGHTS[h, i]))
                boxes.add(SurroundingRectangle(m[0][i][j], color=HEAD_COLORS[h], buff=0.0,
                                               stroke_width=3))
        with self.beat("Box the strongest weight in every row. The heads disagree about where "
                       "to look, and that is the point: together they see more."):
            self.play(LaggedStart(*(Create(b) for b in boxes), lag_ratio=0.04), run_time=3)
            self.wait(1.5)
        self.play(FadeOut(boxes))

    def show_concat(self, formula, maps):
        blocks = VGroup()
        for h in range(N_HEADS):
            block = get_matrix_heat_map(HEAD_OUTPUTS[h], HEAD_COLORS[h], cell=0.36, decimals=None,
                                        vmax=np.abs(CONCAT).max(), diverging=True)
            block.set_stroke(HEAD_COLORS[h], width=2)
            blocks.add(block)
        blocks.arrange(RIGHT, buff=0.0)
        times = MathTex(r"\times\, W^O", font_size=BODY_SIZE)
        equals = MathTex("=", font_size=BODY_SIZE)
        output = get_matrix_heat_map(MH_OUTPUT, TEXT, cell=0.36, decimals=None, diverging=True)
        VGroup(blocks, times, equals, output).arrange(RIGHT, buff=0.35).move_to([0, -1.7, 0])
        concat_label = MathTex(r"\mathrm{Concat}(\mathrm{head}_1, \dots, \mathrm{head}_4)",
                               font_size=LABEL_SIZE).next_to(blocks, DOWN, buff=0.3)
        out_label = Tex("output, one row per word", font_size=LABEL_SIZE, color=MUTED)
        out_label.next_to(output, DOWN, buff=0.3)
        full = MathTex(r"\mathrm{MultiHead}(X) = \mathrm{Concat}(\mathrm{head}_1, \dots, "
                       r"\mathrm{head}_h)\, W^O", font_size=BODY_SIZE)
        full.next_to(formula, DOWN, buff=0.35)
        with self.beat("Each head returns a small output per word, two numbers wide here. "
                       "Set the four side by side and they fill the full width of eight."):
            self.play(maps.animate.scale(0.6).move_to([0.3, 1.0, 0]),
                      FadeOut(maps.row_labels))
            self.play(LaggedStart(*(TransformFromCopy(maps[h][0], blocks[h])
                                    for h in range(N_HEADS)), lag_ratio=0.25), run_time=2.5)
            self.play(Write(concat_label))
        with self.beat("One more matrix, W O, mixes the heads back together into the "
                       "output."):
            self.play(Write(times), Write(equals))
            self.play(TransformFromCopy(blocks, output), FadeIn(out_label), run_time=2)
        bottom = VGroup(blocks, concat_label, times, equals, output, out_label)
        with self.beat("Multi head attention is the concatenation of the heads, times W O."):
            self.play(FadeOut(maps), bottom.animate.shift(0.9 * UP))
            self.play(Write(full), run_time=2)
            self.wait(1.5)


class PositionalEncodingWaves(NarratedScene):
    """Sines and cosines of falling frequency give every position its own code."""

    def construct(self):
        # Step 1: attention has no idea of order; add a position code.
        formula = self.get_formula().to_edge(UP, buff=EDGE_BUFF)
        self.show_problem(formula)
        # Step 2: waves of falling frequency, one per pair of dimensions.
        axes_group = self.get_waves()
        self.show_waves(axes_group)
        # Step 3: a reading line: each position reads one value from each wave.
        self.show_reading(axes_group)
        # Step 4: all positions at once: the PE matrix, and distances in its dot products.
        self.show_matrix(axes_group, formula)

    def get_formula(self) -> VGroup:
        sin = MathTex(r"PE_{\mathrm{pos},\,2i} = \sin\!\left(\mathrm{pos} / 10000^{2i/d}\right)",
                      font_size=LABEL_SIZE + 2)
        cos = MathTex(r"PE_{\mathrm{pos},\,2i+1} = \cos\!\left(\mathrm{pos} / 10000^{2i/d}\right)",
                      font_size=LABEL_SIZE + 2)
        return VGroup(sin, cos).arrange(RIGHT, buff=0.7)

    def show_problem(self, formula):
        grid = get_matrix_heat_map(WEIGHTS, QUERY, cell=1.0, decimals=2, vmax=1.0)
        grid.move_to([0.4, 0.1, 0])
        rows = VGroup(*(Text(t, font_size=SMALL_SIZE, color=QUERY).next_to(grid[i], LEFT, buff=0.2)
                        for i, t in enumerate(TOKENS)))
        cols = VGroup(*(Text(t, font_size=SMALL_SIZE, color=KEY).next_to(grid[0][j], UP, buff=0.2)
                        for j, t in enumerate(TOKENS)))
        slot = np.argsort(WORD_ORDER)  # where each word goes
        anchors = [[cell.get_center() for cell in row] for row in grid]
        moves = [grid[i][j].animate.move_to(anchors[slot[i]][slot[j]])
                 for i in range(N_TOKENS) for j in range(N_TOKENS)]
        moves += [rows[i].animate.set_y(grid[slot[i]].get_y()) for i in range(N_TOKENS)]
        moves += [cols[j].animate.set_x(grid[0][slot[j]].get_x()) for j in range(N_TOKENS)]
        by_hand = MathTex(r"x_{\mathrm{word}}", "+", r"PE_{\mathrm{pos}}", font_size=BODY_SIZE)
        by_hand[2].set_color(ACCENT)
        by_hand.next_to(grid, DOWN, buff=0.45)
        with self.beat("Attention treats its input as a set: shuffle the words and every "
                       "weight just shuffles along. Order has to be added by hand."):
            self.play(FadeIn(grid), FadeIn(rows), FadeIn(cols))
            self.play(*moves, run_time=2)
            self.play(Write(by_hand))
        with self.beat("The original transformer adds to each word a vector of sines and "
                       "cosines of its position, at frequencies that fall geometrically with "
                       "the dimension."):
            self.play(FadeOut(VGroup(grid, rows, cols, by_hand)), run_time=0.6)
            self.play(Write(formula), run_time=3)

    def get_waves(self) -> VGroup:
        rows = VGroup()
        height, width = 1.05, 9.2
        for k, dim in enumerate(WAVE_DIMS):
            axes = Axes(x_range=(0, N_POSITIONS - 1, 4), y_range=(-1, 1, 1), x_length=width,
                        y_length=height * 0.8, tips=False,
                        axis_config={"stroke_color": FAINT, "stroke_width": 1})
            color = HEAD_COLORS[k]
            points = [axes.c2p(p, PE[p, dim]) for p in range(N_POSITIONS)]
            curve = VMobject(stroke_color=color, stroke_width=3).set_points_smoothly(points)
            dots = VGroup(*(Dot(pt, radius=0.04, color=color) for pt in points))
            label = MathTex(rf"i = {dim // 2}", font_size=LABEL_SIZE, color=color)
            rows.add(VGroup(axes, curve, dots, label))
        rows.arrange(DOWN, buff=0.25).move_to([-0.4, -0.75, 0])
        for row in rows:
            row[3].next_to(row[0], LEFT, buff=0.3)
        pos_label = Tex("position", font_size=LABEL_SIZE, color=MUTED)
        pos_label.next_to(rows, DOWN, buff=0.15).align_to(rows[0][0], RIGHT)
        return VGroup(rows, pos_label)

    def show_waves(self, axes_group):
        rows, pos_label = axes_group
        with self.beat("Dimension pair zero oscillates fast, once every six positions or so."):
            self.play(Create(rows[0][0]), FadeIn(rows[0][3]), FadeIn(pos_label))
            self.play(Create(rows[0][1]), FadeIn(rows[0][2]), run_time=2)
        with self.beat("Each next pair is slower by the same factor, like the hands of a clock: "
                       "seconds, minutes, hours."):
            for row in rows[1:]:
                self.play(Create(row[0]), FadeIn(row[3]), Create(row[1]), FadeIn(row[2]),
                          run_time=1.2)

    def show_reading(self, axes_group):
        rows, pos_label = axes_group
        pos = ValueTracker(READ_POSITIONS[0])
        axes0 = rows[0][0]
        line = always_redraw(lambda: DashedLine(
            [axes0.c2p(pos.get_value(), 0)[0], rows.get_top()[1] + 0.05, 0],
            [axes0.c2p(pos.get_value(), 0)[0], rows.get_bottom()[1] - 0.05, 0], color=ACCENT))
        pos_number = always_redraw(lambda: MathTex(
            rf"\mathrm{{pos}} = {int(round(pos.get_value()))}", font_size=LABEL_SIZE,
            color=ACCENT).next_to(line, UP, buff=0.05))
        values = VGroup()
        for row, dim in zip(rows, WAVE_DIMS):
            number = DecimalNumber(PE[READ_POSITIONS[0], dim], num_decimal_places=2,
                                   font_size=LABEL_SIZE,
                                   color=row[1].get_stroke_color(), include_sign=True)
            number.add_updater(lambda m, dim=dim: m.set_value(PE[int(round(pos.get_value())), dim]))
            number.move_to([5.55, row[0].get_center()[1], 0])
            values.add(number)
        header = MathTex(r"PE_{\mathrm{pos}}", font_size=LABEL_SIZE, color=ACCENT)
        header.next_to(values, UP, buff=0.3)
        with self.beat(f"Stand at position {READ_POSITIONS[0]} and read one value off every "
                       "wave: that column of numbers is the position's code."):
            self.play(Create(line), FadeIn(pos_number))
            self.play(FadeIn(header), FadeIn(values))
            self.play(LaggedStart(*(Indicate(row[2][READ_POSITIONS[0]], scale_factor=2.5)
                                    for row in rows), lag_ratio=0.2), run_time=2)
        for p in READ_POSITIONS[1:]:
            with self.beat(f"Slide to position {p}. The fast waves change a lot, the slow ones "
                           "barely move, and together no two positions get the same code."):
                self.play(pos.animate.set_value(p), run_time=2.5)
                self.play(LaggedStart(*(Indicate(row[2][p], scale_factor=2.5) for row in rows),
                                      lag_ratio=0.2), run_time=1.5)
        self.play(FadeOut(line), FadeOut(pos_number), FadeOut(header), FadeOut(values))

    def show_matrix(self, axes_group, formula):
        grid = get_matrix_heat_map(PE.T, TEXT, cell=0.2, decimals=None, vmax=1.0, diverging=True)
        grid.move_to([-2.6, -0.6, 0])
        x_label = Tex("position 0 to 31", font_size=LABEL_SIZE, color=MUTED)
        x_label.next_to(grid, DOWN, buff=0.2)
        y_label = Tex("dimension", font_size=LABEL_SIZE, color=MUTED).rotate(np.pi / 2)
        y_label.next_to(grid, LEFT, buff=0.2)
        sim = get_matrix_heat_map(PE_SIMILARITY, TEXT, cell=0.12, decimals=None, diverging=True)
        sim.move_to([3.9, -0.6, 0])
        sim_label = MathTex(r"PE_p \cdot PE_{p'}", font_size=LABEL_SIZE)
        sim_label.next_to(sim, DOWN, buff=0.2)
        with self.beat("Put all thirty two codes side by side and we get the encoding matrix: "
                       "a column per position, a row per dimension, red above zero and blue "
                       "below."):
            self.play(FadeOut(axes_group), run_time=1)
            self.play(FadeIn(grid, lag_ratio=0.01), FadeIn(x_label), FadeIn(y_label), run_time=3)
        with self.beat("Take dot products between positions. They depend mostly on how far "
                       "apart two positions are, so the model can read relative distance "
                       "straight off the codes."):
            self.play(FadeIn(sim, lag_ratio=0.002), FadeIn(sim_label), run_time=3)
            self.wait(2)


def spoken_count(n: int) -> str:
    """A parameter count as said aloud: 7.1 million, 124 million, 800."""
    if n >= 10 ** 8:
        return f"{n / 1e6:.0f} million"
    if n >= 10 ** 6:
        return f"{n / 1e6:.1f} million"
    return f"{n:,}"


class TransformerParameterCount(NarratedScene):
    """Four d-by-d matrices per attention layer, eight d squared in the MLP: count a real model."""

    def construct(self):
        # Step 1: one block drawn as its weight matrices, to scale.
        blocks = self.get_blocks()
        self.show_blocks(blocks)
        # Step 2: the toy model's count.
        self.show_toy_count(blocks)
        # Step 3: GPT-2 small, from the same formula, to its published size.
        self.show_gpt2()
        # Step 4: one block's count from mathcore and from PyTorch.
        self.show_bridge()

    def get_blocks(self) -> VGroup:
        side = 1.0  # d on screen
        squares = VGroup()
        for name, color in (("W_Q", QUERY), ("W_K", KEY), ("W_V", VALUE), ("W_O", TEXT)):
            square = Square(side, stroke_color=color, stroke_width=3, fill_color=color,
                            fill_opacity=0.25)
            label = MathTex(name, font_size=LABEL_SIZE, color=color).move_to(square)
            squares.add(VGroup(square, label))
        squares.arrange(RIGHT, buff=0.2)
        up = Rectangle(width=4 * side, height=side, stroke_color=ACCENT, stroke_width=3,
                       fill_color=ACCENT, fill_opacity=0.2)
        down = up.copy()
        mlp = VGroup(VGroup(up, MathTex(r"W_1:\ d \to 4d", font_size=LABEL_SIZE).move_to(up)),
                     VGroup(down, MathTex(r"W_2:\ 4d \to d", font_size=LABEL_SIZE)
                            .move_to(down))).arrange(DOWN, buff=0.2)
        att_label = Tex("attention", font_size=BODY_SIZE, color=MUTED)
        mlp_label = Tex("MLP", font_size=BODY_SIZE, color=MUTED)
        att = VGroup(att_label, squares).arrange(DOWN, buff=0.3)
        mlp_group = VGroup(mlp_label, mlp).arrange(DOWN, buff=0.3)
        VGroup(att, mlp_group).arrange(RIGHT, buff=1.0, aligned_edge=UP).move_to([0, 1.0, 0])
        count_y = mlp.get_bottom()[1] - 0.45  # both counts on one line, under the taller part
        att_count = MathTex(r"4d^2", font_size=BODY_SIZE + 4, color=TEXT)
        att_count.move_to([squares.get_x(), count_y, 0])
        mlp_count = MathTex(r"2 \cdot 4d^2 = 8d^2", font_size=BODY_SIZE + 4, color=TEXT)
        mlp_count.move_to([mlp.get_x(), count_y, 0])
        return VGroup(att, mlp_group, att_count, mlp_count)

    def show_blocks(self, blocks):
        att, mlp_group, att_count, mlp_count = blocks
        with self.beat("We now have every piece of a transformer block, so we can ask how many "
                       "numbers a model has to learn. Start with attention."):
            self.play(FadeIn(att[0]))
            self.play(LaggedStart(*(FadeIn(s, shift=0.2 * DOWN) for s in att[1]),
                                  lag_ratio=0.2), run_time=1.5)
        with self.beat("Its four matrices, W Q, W K and W V for all the heads together, and W O "
                       "to mix them, are each d by d. That is four d squared."):
            self.play(LaggedStart(*(Indicate(s, scale_factor=1.1) for s in att[1]),
                                  lag_ratio=0.2), run_time=1.5)
            self.play(Write(att_count))
        with self.beat("After attention every word passes through a small MLP that widens it to "
                       "four d and narrows it back: two matrices of four d squared each, eight d "
                       "squared."):
            self.play(FadeIn(mlp_group, shift=0.2 * LEFT))
            self.play(Write(mlp_count))
        total = MathTex(r"\approx 12 d^2 \text{ per block}", font_size=BODY_SIZE + 4,
                        color=ACCENT)
        total.next_to(VGroup(att_count, mlp_count), DOWN, buff=0.45)
        with self.beat("So a block holds about twelve d squared numbers, and two thirds of them "
                       "sit in the MLP, not in attention."):
            self.play(Write(total))
            self.play(Circumscribe(mlp_group, color=ACCENT))
        self.total = total

    def show_toy_count(self, blocks):
        toy = MathTex(
            rf"d = {D_MODEL}:\quad", f"{TOY_COUNT.attention}", "+", f"{TOY_COUNT.mlp}", "+",
            f"{TOY_COUNT.layer_norm}", "=", f"{TOY_COUNT.block}", font_size=BODY_SIZE + 4)
        toy[1].set_color(QUERY)
        toy[3].set_color(ACCENT)
        toy.to_edge(DOWN, buff=0.9)
        note = Tex(r"attention $+$ MLP $+$ two layer norms", font_size=LABEL_SIZE, color=MUTED)
        note.next_to(toy, DOWN, buff=0.2)
        with self.beat(f"Our toy model has d equal to eight: {TOY_COUNT.attention} numbers in "
                       f"attention and {TOY_COUNT.mlp} in the MLP. With a scale and a shift for "
                       f"each of the two layer norms, the block has {TOY_COUNT.block}."):
            self.play(FadeIn(toy[0]), TransformFromCopy(blocks[2], toy[1]))
            self.play(FadeIn(toy[2]), TransformFromCopy(blocks[3], toy[3]))
            self.play(FadeIn(toy[4:]), FadeIn(note))
        self.play(FadeOut(VGroup(blocks, self.total, toy, note)), run_time=0.8)

    def show_gpt2(self):
        d, layers, vocab = GPT2["d_model"], GPT2["n_layers"], GPT2["vocab_size"]
        lines = VGroup(
            MathTex(r"\text{GPT-2 small:}\ d = 768,\ 12 \text{ blocks}", font_size=BODY_SIZE + 4),
            MathTex(r"\text{one block}", "=", r"12 d^2 + 13 d", "=", f"{GPT2_COUNT.block:,}",
                    font_size=BODY_SIZE + 4),
            MathTex(r"\times 12", "=", f"{GPT2_BLOCKS:,}", font_size=BODY_SIZE + 4),
            MathTex(r"\text{embeddings } (50257 + 1024) \times 768", "=",
                    f"{GPT2_COUNT.embeddings:,}", font_size=BODY_SIZE + 4),
            MathTex(r"\text{total}", "=", f"{GPT2_COUNT.total:,}", r"\approx 124\text{M}",
                    font_size=BODY_SIZE + 4),
        ).arrange(DOWN, buff=0.4).move_to([0, 0.1, 0])
        lines[4][2:].set_color(ACCENT)
        with self.beat(f"Now a real model. GPT-2 small has d equal to {d} and {layers} blocks. "
                       "With its biases, one block is twelve d squared plus thirteen d: "
                       f"{spoken_count(GPT2_COUNT.block)} numbers."):
            self.play(Write(lines[0]))
            self.play(FadeIn(lines[1], shift=0.1 * DOWN))
        with self.beat(f"Twelve blocks make {spoken_count(GPT2_BLOCKS)}. The embedding table, a "
                       f"row of {d} for each of its {vocab:,} tokens, plus one per position, "
                       f"adds {spoken_count(GPT2_COUNT.embeddings)}."):
            self.play(Indicate(lines[1][4], color=ACCENT))  # one block ...
            self.play(FadeIn(lines[2], shift=0.1 * DOWN))  # ... times twelve
            self.play(FadeIn(lines[3], shift=0.1 * DOWN))
            self.play(Indicate(lines[3][0], color=ACCENT))  # a row per token and per position
        with self.beat(f"In all, {GPT2_COUNT.total:,}: the 124 million of the published model, "
                       "counted from two formulas."):
            self.play(Indicate(lines[2][2], color=ACCENT), Indicate(lines[3][2], color=ACCENT))
            self.play(FadeIn(lines[4], shift=0.1 * DOWN))
            self.play(Circumscribe(lines[4][2], color=ACCENT))
        note = Tex(r"attention scores: $T \times T$ per head, computed, never stored as weights",
                   font_size=LABEL_SIZE, color=MUTED).to_edge(DOWN, buff=0.4)
        with self.beat("Notice what is missing: the T by T attention matrix. It grows with the "
                       "length of the text, but it is computed afresh every time, so a longer "
                       "context costs compute and memory, never parameters."):
            self.play(FadeIn(note, shift=0.1 * UP))
            self.play(Indicate(lines[1][2], color=ACCENT))
            self.play(Circumscribe(note, color=ACCENT))
        self.play(FadeOut(VGroup(lines, note)), run_time=0.8)

    def show_bridge(self):
        rows = get_bridge(BLOCK_TORCH).move_to([0, -0.2, 0])
        heading = Tex("one block's parameters in code", font_size=BODY_SIZE, color=MUTED)
        heading.to_edge(UP, buff=EDGE_BUFF)
        with self.beat("PyTorch's own transformer layer, built at GPT-2's sizes, reports the "
                       "same count when you add up the sizes of its parameters."):
            self.play(FadeIn(heading), FadeIn(rows[0]))
            self.play(FadeIn(rows[2], shift=0.1 * UP), run_time=1.5)
        with self.beat("And mathcore's count, from d alone, agrees to the last parameter."):
            self.play(FadeIn(rows[1], shift=0.1 * UP))
            self.play(FadeIn(rows[3]))
            self.play(Circumscribe(rows[3], color=ACCENT))


class Lesson17TryIt(TryItScene):
    lesson = 17
