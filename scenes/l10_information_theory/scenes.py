"""Lesson 10: information theory.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed below, once, by ``mathcore.information``
from fixed distributions. Everything is in bits (``base=2``).
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, Axes, Circle, Circumscribe, Create, DashedLine, DecimalNumber, Dot, FadeIn, FadeOut,
    Flash, GrowFromEdge, Group, Indicate, Line, LaggedStart, MathTex, Rectangle, ReplacementTransform, SurroundingRectangle,
    Tex, Text, Transform, TransformFromCopy, ValueTracker, VGroup, Write, always_redraw,
)

from mathcore import information, probability
from mathcore.information import cross_entropy, entropy, kl_divergence, mutual_information
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_beats import show_bridge
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, ACCENT_3, BODY_SIZE, DIST_P, DIST_Q, EDGE_BUFF, LABEL_SIZE, MUTED, SMALL_SIZE, TEXT,
)
from scenekit.widgets import (
    format_number, get_bar_row, get_matrix_heat_map, get_sampled_curve, lookup_rows,
)

BITS = 2

# --------------------------------------------------------------------------- numbers

# Scene 1: tomorrow's weather, four outcomes; the forecast walks typical -> certain -> uniform.
OUTCOMES = ["sun", "cloud", "rain", "snow"]
P_TYPICAL = np.array([0.6, 0.2, 0.15, 0.05])
P_CERTAIN = np.array([0.97, 0.01, 0.01, 0.01])
P_UNIFORM = np.full(4, 0.25)
PATH_S = np.linspace(0.0, 2.0, 161)  # 0 typical, 1 nearly certain, 2 uniform
PATH_P = np.stack([  # (n_s, 4) mixtures of probability vectors are probability vectors
    (1 - s) * P_TYPICAL + s * P_CERTAIN if s <= 1 else (2 - s) * P_CERTAIN + (s - 1) * P_UNIFORM
    for s in PATH_S])
ONE_HOT = np.eye(4)
# The surprise of outcome i is the cross-entropy of "i happened" against the forecast: -log2 p_i.
PATH_SURPRISE = np.array([[cross_entropy(ONE_HOT[i], p, base=BITS) for i in range(4)]
                          for p in PATH_P])  # (n_s, 4)
PATH_ENTROPY = np.array([entropy(p, base=BITS) for p in PATH_P])  # (n_s,)
MAX_ENTROPY = entropy(P_UNIFORM, base=BITS)  # log2 4 = 2 bits

# Scene 2: the forecast sent as bits. Huffman's code for one day, then for blocks of days.
CODE_LENGTHS = information.huffman_code_lengths(P_TYPICAL)  # (4,) bits per outcome
HUFFMAN_CODE = information.prefix_code(CODE_LENGTHS)  # e.g. sun "0", snow "111"
FIXED_CODE = information.prefix_code(np.full(4, 2))  # two bits for every outcome
MEAN_LENGTH = float(P_TYPICAL @ CODE_LENGTHS)  # average bits per day
SURPRISE = np.array([cross_entropy(ONE_HOT[i], P_TYPICAL, base=BITS) for i in range(4)])  # (4,)
H_FORECAST = PATH_ENTROPY[0]


def block_distribution(p: np.ndarray, days: int) -> np.ndarray:
    """The distribution of ``days`` independent days in a row: an outer product, flattened."""
    joint = p
    for _ in range(days - 1):
        joint = np.outer(joint, p).ravel()
    return joint


BLOCK_DAYS = (1, 2, 3)
BLOCK_BITS_PER_DAY = np.array([  # Huffman's average length of a block, per day
    block_distribution(P_TYPICAL, d) @ information.huffman_code_lengths(block_distribution(P_TYPICAL, d)) / d
    for d in BLOCK_DAYS])
STREAM = (0, 2, 0, 1)  # sun, rain, sun, cloud: sent as one run of bits
ENTROPY_BRIDGE = Bridge(
    formula=r"H(p) = -\sum_x p(x) \log_2 p(x)",
    setup="p = np.array([0.6, 0.2, 0.15, 0.05])",
    mathcore=Snippet("information.entropy(p, base=2)"),
    library=Snippet("from scipy.stats import entropy\nentropy(p, base=2)", needs="scipy"),
)

# Scene 3: a true distribution p with two likely outcomes, a model q that spreads out.
P_TRUE = np.array([0.49, 0.49, 0.01, 0.01])
Q_MODEL = np.array([0.25, 0.25, 0.25, 0.25])
H_P = entropy(P_TRUE, base=BITS)
H_PQ = cross_entropy(P_TRUE, Q_MODEL, base=BITS)
KL_PQ = kl_divergence(P_TRUE, Q_MODEL, base=BITS)
KL_QP = kl_divergence(Q_MODEL, P_TRUE, base=BITS)
LABEL = np.array([1.0, 0.0, 0.0, 0.0])  # a one-hot classification label
CLASSIFIER_Q = np.array([0.7, 0.1, 0.1, 0.1])
CLASSIFIER_LOSS = cross_entropy(LABEL, CLASSIFIER_Q, base=np.e)  # = -ln 0.7, the usual loss
LOG_LOSS_BRIDGE = Bridge(
    formula=r"H(p, q) = -\sum_x p(x) \ln q(x)",
    setup="y = np.array([1.0, 0.0, 0.0, 0.0])\nq = np.array([0.7, 0.1, 0.1, 0.1])",
    mathcore=Snippet("information.cross_entropy(y, q)"),
    library=Snippet("from sklearn.metrics import log_loss\nlog_loss([0], [q], labels=range(4))",
                    needs="sklearn"),
)

# Scene 4: KL >= 0 (Gibbs' inequality) from ln t <= t - 1, with t = q / p.
T_GRID = np.linspace(0.12, 3.2, 120)  # where ln t and t - 1 are drawn
T_PATH = np.concatenate([np.linspace(2.8, 0.3, 60), np.linspace(0.3, 1.0, 40)])  # a dot's walk
KL_BRIDGE = Bridge(
    formula=r"D_{KL}(p \,\|\, q) = \sum_x p(x) \log_2 \frac{p(x)}{q(x)}",
    setup="p = np.array([0.49, 0.49, 0.01, 0.01])\nq = np.full(4, 0.25)",
    mathcore=Snippet("information.kl_divergence(p, q, base=2)"),
    library=Snippet("from scipy.special import rel_entr\nrel_entr(p, q).sum() / np.log(2)",
                    needs="scipy"),
)

# Scene 5: one Gaussian fitted to two bumps, by KL in each direction (on a grid, in bits).
MODES = ((0.4, -2.0, 0.6), (0.6, 2.0, 0.6))  # (weight, mean, sd) of each bump of p
X_GRID = np.linspace(-12.0, 12.0, 961)  # (n,) wide enough for both densities and their tails
DX = float(X_GRID[1] - X_GRID[0])
DRAWN = np.abs(X_GRID) <= 6.0  # the part of the grid the axes show


def normal_pdf(x, mean: float, sd: float) -> np.ndarray:
    """A 1-D Gaussian density at the points ``x`` (n,), via mathcore's multivariate one."""
    return probability.multivariate_normal_pdf(np.asarray(x, dtype=float)[:, None], [mean], [[sd ** 2]])


MIXTURE = sum(w * normal_pdf(X_GRID, m, sd) for w, m, sd in MODES)  # (n,) the truth p
FIT_MEANS, FIT_SDS = np.linspace(-3.0, 3.0, 121), np.linspace(0.3, 3.0, 271)  # the search grid
FORWARD_FIT = information.fit_gaussian_kl(X_GRID, MIXTURE, "forward", FIT_MEANS, FIT_SDS, base=BITS)
REVERSE_FIT = information.fit_gaussian_kl(X_GRID, MIXTURE, "reverse", FIT_MEANS, FIT_SDS, base=BITS)
FORWARD_Q = normal_pdf(X_GRID, FORWARD_FIT.mean, FORWARD_FIT.sd)  # (n,) wide, over both bumps
REVERSE_Q = normal_pdf(X_GRID, REVERSE_FIT.mean, REVERSE_FIT.sd)  # (n,) narrow, in one bump
# each fit judged by the other direction too
FORWARD_FIT_REVERSE_KL = information.kl_divergence_density(FORWARD_Q, MIXTURE, DX, base=BITS)
REVERSE_FIT_FORWARD_KL = information.kl_divergence_density(MIXTURE, REVERSE_Q, DX, base=BITS)
# q's walks: narrow -> the forward fit (forward KL falls), then -> the reverse fit (reverse KL falls)
WALK = np.linspace(0.0, 1.0, 61)[:, None]
FORWARD_WALK = (1 - WALK) * [REVERSE_FIT.mean, REVERSE_FIT.sd] + WALK * [FORWARD_FIT.mean, FORWARD_FIT.sd]
REVERSE_WALK = FORWARD_WALK[::-1]  # (61, 2) mean, sd
FORWARD_WALK_Q = np.stack([normal_pdf(X_GRID, m, sd) for m, sd in FORWARD_WALK])  # (61, n)
REVERSE_WALK_Q = FORWARD_WALK_Q[::-1]
FORWARD_WALK_KL = np.array([information.kl_divergence_density(MIXTURE, q, DX, base=BITS)
                            for q in FORWARD_WALK_Q])  # (61,) falls to FORWARD_FIT.kl
REVERSE_WALK_KL = np.array([information.kl_divergence_density(q, MIXTURE, DX, base=BITS)
                            for q in REVERSE_WALK_Q])  # (61,) falls to REVERSE_FIT.kl

# Scene 6: a joint table whose marginals stay fixed while X and Y become dependent.
MARGINAL = np.array([0.4, 0.3, 0.2, 0.1])
INDEPENDENT = np.outer(MARGINAL, MARGINAL)  # (4, 4) p(x) p(y)
DEPENDENT = np.diag(MARGINAL)  # (4, 4) Y = X, same marginals
MIX = np.linspace(0.0, 1.0, 101)  # (n_m,)
JOINTS = np.stack([(1 - m) * INDEPENDENT + m * DEPENDENT for m in MIX])  # (n_m, 4, 4)
MI = np.array([mutual_information(j, base=BITS) for j in JOINTS])  # (n_m,)
H_X = entropy(MARGINAL, base=BITS)  # the ceiling: I(X; Y) <= H(X)
MI_BRIDGE = Bridge(
    formula=r"I(X; Y) = \sum_{x,y} p(x,y) \log_2 \frac{p(x,y)}{p(x)\,p(y)}",
    setup="J = np.diag([0.4, 0.3, 0.2, 0.1])  # Y = X",
    mathcore=Snippet("information.mutual_information(J, base=2)"),
    library=Snippet("from sklearn import metrics\nn = (10 * J).astype(int)  # counts\n"
                    "mi = metrics.mutual_info_score\nmi(None, None, contingency=n) / np.log(2)",
                    needs="sklearn"),
)

# --------------------------------------------------------------------------- scenes


class EntropyAsSurprise(NarratedScene):
    """Surprise is -log2 p; entropy is the surprise you expect on average."""

    def construct(self):
        # Step 1: a forecast as bars of probability.
        s = ValueTracker(0.0)
        probs = self.get_probability_chart(s)
        self.show_forecast(probs)
        # Step 2: surprise of each outcome, -log2 p.
        surprise = self.get_surprise_chart(s)
        self.show_surprise(surprise)
        # Step 3: entropy is the average surprise.
        formula = self.get_formula().to_edge(UP, buff=EDGE_BUFF)
        level = self.get_entropy_level(s, surprise)
        self.entropy_level = level
        self.show_entropy(formula, level)
        # Step 4: certain forecast -> low entropy; uniform forecast -> maximal entropy.
        self.show_extremes(s)
        # Step 5: two bits are two yes/no questions.
        self.show_questions(formula, level)

    UNIT_P, UNIT_S = 3.0, 0.5  # frame units per probability, per bit
    ORIGIN_P = np.array([-6.6, -2.9, 0])
    ORIGIN_S = np.array([-1.0, -2.9, 0])
    BAR_WIDTH, BAR_BUFF = 0.7, 0.35

    def get_probability_chart(self, s) -> VGroup:
        p = lambda: lookup_rows(PATH_P, PATH_S, s.get_value())
        bars = always_redraw(lambda: get_bar_row(
            p(), DIST_P, self.ORIGIN_P, self.BAR_WIDTH, self.UNIT_P, self.BAR_BUFF))
        axis = Line(self.ORIGIN_P + LEFT * 0.2, self.ORIGIN_P + RIGHT * 4.3, color=MUTED)
        names = VGroup(*(Text(o, font_size=SMALL_SIZE, color=TEXT).move_to(
            self.ORIGIN_P + RIGHT * (j * 1.05 + 0.35) + DOWN * 0.3) for j, o in enumerate(OUTCOMES)))
        numbers = VGroup()
        for j in range(4):
            number = DecimalNumber(p()[j], num_decimal_places=2, font_size=SMALL_SIZE, color=DIST_P)
            number.add_updater(lambda m, j=j: m.set_value(p()[j]).next_to(
                self.ORIGIN_P + RIGHT * (j * 1.05 + 0.35) + UP * self.UNIT_P * p()[j], UP, 0.1))
            numbers.add(number)
        title = MathTex(r"p(x)", font_size=BODY_SIZE, color=DIST_P)
        title.move_to(self.ORIGIN_P + RIGHT * 2.05 + UP * 4.4)
        return VGroup(axis, names, bars, numbers, title)

    def show_forecast(self, chart):
        axis, names, bars, numbers, title = chart
        with self.beat("A weather forecast for tomorrow: sun with probability point six, "
                       "cloud point two, rain point one five, snow point zero five."):
            self.play(Create(axis), FadeIn(names), FadeIn(title))
            self.play(FadeIn(bars), FadeIn(numbers), run_time=1.5)
            self.play(LaggedStart(*(Indicate(n, color=DIST_P) for n in numbers), lag_ratio=0.3))

    def get_surprise_chart(self, s) -> VGroup:
        sur = lambda: lookup_rows(PATH_SURPRISE, PATH_S, s.get_value())
        bars = always_redraw(lambda: get_bar_row(
            sur(), ACCENT, self.ORIGIN_S, self.BAR_WIDTH, self.UNIT_S, self.BAR_BUFF))
        axis = Line(self.ORIGIN_S + LEFT * 0.2, self.ORIGIN_S + RIGHT * 4.3, color=MUTED)
        names = VGroup(*(Text(o, font_size=SMALL_SIZE, color=TEXT).move_to(
            self.ORIGIN_S + RIGHT * (j * 1.05 + 0.35) + DOWN * 0.3) for j, o in enumerate(OUTCOMES)))
        numbers = VGroup()
        for j in range(4):
            number = DecimalNumber(sur()[j], num_decimal_places=2, font_size=SMALL_SIZE,
                                   color=ACCENT)
            number.add_updater(lambda m, j=j: m.set_value(sur()[j]).next_to(
                self.ORIGIN_S + RIGHT * (j * 1.05 + 0.35) + UP * self.UNIT_S * sur()[j], UP, 0.1))
            numbers.add(number)
        title = MathTex(r"\text{surprise} = -\log_2 p(x)\ \text{bits}", font_size=BODY_SIZE,
                        color=ACCENT)
        title.move_to(self.ORIGIN_S + RIGHT * 2.05 + UP * 4.4)
        return VGroup(axis, names, bars, numbers, title)

    def show_surprise(self, chart):
        axis, names, bars, numbers, title = chart
        with self.beat("How surprised should you be by each outcome? Rare outcomes surprise "
                       "more. Information theory measures surprise as minus log base two of "
                       "the probability, in bits."):
            self.play(Write(title), run_time=2)
            self.play(Create(axis), FadeIn(names))
            self.play(FadeIn(bars), FadeIn(numbers), run_time=1.5)
        with self.beat("Sun, at point six, surprises you by under one bit. Snow, one day in "
                       "twenty, by more than four."):
            # (the bars redraw themselves every frame: outline them rather than rescale them)
            self.play(Circumscribe(VGroup(bars[0], numbers[0], names[0]), color=ACCENT))
            self.play(Circumscribe(VGroup(bars[3], numbers[3], names[3]), color=ACCENT))

    def get_formula(self) -> MathTex:
        formula = MathTex(r"H(p)", "=", r"\sum_x", r"p(x)", r"\,\big(-\log_2 p(x)\big)",
                          font_size=BODY_SIZE)
        formula[0].set_color(TEXT)
        formula[3].set_color(DIST_P)
        formula[4].set_color(ACCENT)
        return formula

    def get_entropy_level(self, s, chart) -> VGroup:
        h = lambda: float(np.interp(s.get_value(), PATH_S, PATH_ENTROPY))
        left, right = self.ORIGIN_S[0] - 0.2, self.ORIGIN_S[0] + 4.3
        line = always_redraw(lambda: DashedLine(
            [left, self.ORIGIN_S[1] + self.UNIT_S * h(), 0],
            [right, self.ORIGIN_S[1] + self.UNIT_S * h(), 0], color=TEXT, stroke_width=3))
        label = MathTex("H =", font_size=LABEL_SIZE)
        number = DecimalNumber(h(), num_decimal_places=2, font_size=LABEL_SIZE)
        unit = Tex("bits", font_size=LABEL_SIZE)
        group = VGroup(label, number, unit).arrange(RIGHT, buff=0.12)
        group.add_updater(lambda m: m.next_to([right, self.ORIGIN_S[1] + self.UNIT_S * h(), 0],
                                              RIGHT, buff=0.15))
        number.add_updater(lambda m: m.set_value(h()))
        return VGroup(line, group)

    def show_entropy(self, formula, level):
        with self.beat("Entropy is the surprise you expect: each outcome's surprise, weighted "
                       "by its probability, summed."):
            self.play(Write(formula), run_time=2.5)
        with self.beat(f"For this forecast that is {format_number(PATH_ENTROPY[0], 2)} bits, "
                       "drawn as a level across the surprise bars."):
            self.play(Create(level[0]), FadeIn(level[1]))
            self.play(Circumscribe(level[1], color=TEXT), run_time=1.5)

    def show_extremes(self, s):
        with self.beat("Make the forecast nearly certain: sun at ninety seven percent. The "
                       "likely outcome carries almost no surprise, the unlikely ones are huge "
                       "but almost never happen, so entropy falls towards zero."):
            self.play(s.animate.set_value(1.0), run_time=4)
            self.play(Indicate(self.entropy_level[1], color=TEXT), run_time=1.5)
        with self.beat("Now make every outcome equally likely. Each one surprises by exactly "
                       "two bits, and entropy reaches its maximum, log two of four, two bits."):
            self.play(s.animate.set_value(2.0), run_time=4)
            self.play(Indicate(self.entropy_level[1], color=TEXT), run_time=1.5)

    def get_question_tree(self) -> VGroup:
        """Two rounds of yes/no questions that single out one of the four outcomes:
        as many rounds as the uniform forecast's entropy in bits."""
        rows_y = (3.5, 2.85, 2.2)
        root = Text(f"{OUTCOMES[0]} or {OUTCOMES[1]}?", font_size=SMALL_SIZE, color=TEXT)
        root.move_to([0, rows_y[0], 0])
        middle = VGroup(*(Text(f"{OUTCOMES[k]}?", font_size=SMALL_SIZE, color=TEXT)
                          .move_to([x, rows_y[1], 0]) for k, x in ((0, -2.2), (2, 2.2))))
        leaves = VGroup(*(Text(o, font_size=SMALL_SIZE, color=DIST_P).move_to([x, rows_y[2], 0])
                          for o, x in zip(OUTCOMES, (-3.2, -1.2, 1.2, 3.2))))
        edges_1 = VGroup(*(Line(root.get_bottom(), m.get_top(), buff=0.05, color=MUTED)
                           for m in middle))
        edges_2 = VGroup(*(Line(middle[k // 2].get_bottom(), leaf.get_top(), buff=0.05,
                                color=MUTED) for k, leaf in enumerate(leaves)))
        return VGroup(VGroup(root, edges_1, middle), VGroup(edges_2, leaves))

    def show_questions(self, formula, level):
        first, second = self.get_question_tree()
        with self.beat("Entropy measures uncertainty: how many yes or no questions, on "
                       "average, it takes to learn the outcome."):
            self.play(FadeOut(formula), Circumscribe(level[1], color=ACCENT))
            self.play(FadeIn(first[0]), Create(first[1]), FadeIn(first[2]))
            self.play(Create(second[0]), FadeIn(second[1]))
            self.play(Circumscribe(VGroup(first, second), color=ACCENT),
                      Circumscribe(level[1], color=ACCENT))
        with self.beat("Each answer is one bit. Write the answers down and you have a code: "
                       "that is where the name bit comes from, and what the next scene makes "
                       "precise."):
            self.play(Indicate(first[1], color=ACCENT), Indicate(second[0], color=ACCENT))
            self.play(FadeOut(Group(*self.mobjects)), run_time=1.5)


class BitsAreCodeLengths(NarratedScene):
    """A bit is a length: Huffman's code for the forecast averages 1.60 bits, near H = 1.53."""

    def construct(self):
        # Step 1: the forecast, to be sent down a wire.
        table = self.get_table()
        self.show_forecast(table)
        # Step 2: the obvious code, two bits a day.
        self.show_fixed_code(table)
        # Step 3: Huffman's recipe builds a tree; codewords are its paths.
        tree = self.get_tree()
        self.show_tree(tree, table)
        # Step 4: no codeword begins another: a stream decodes without commas.
        self.show_stream(tree)
        # Step 5: the average length, and the surprises it tracks.
        self.show_average(table, tree)
        # Step 6: blocks of days approach the entropy (the source coding theorem).
        self.show_blocks(table)
        # Step 7: formula -> code -> library.
        show_bridge(self, ENTROPY_BRIDGE, (
            "In code, the entropy is one line.",
            f"mathcore's entropy with base two gives {format_number(H_FORECAST, 3)} bits.",
            "And SciPy's stats dot entropy, with base two, gives the same number: the floor "
            "under every code for this forecast.",
        ))

    COLUMNS = (-5.7, -4.2, -2.6, -0.9, 0.9)  # x of: outcome, p, fixed code, Huffman code, surprise
    ROWS_Y = (1.5, 0.8, 0.1, -0.6)
    HEADER_Y = 2.4

    def get_table(self) -> VGroup:
        """Columns (each a VGroup of header + four cells): outcome, p, fixed, Huffman, surprise."""
        x = self.COLUMNS
        cells = [
            [Text(o, font_size=SMALL_SIZE + 2, color=TEXT) for o in OUTCOMES],
            [MathTex(format_number(p), font_size=LABEL_SIZE, color=DIST_P) for p in P_TYPICAL],
            [Text(c, font="DejaVu Sans Mono", font_size=SMALL_SIZE + 2, color=MUTED) for c in FIXED_CODE],
            [Text(c, font="DejaVu Sans Mono", font_size=SMALL_SIZE + 2, color=ACCENT_3)
             for c in HUFFMAN_CODE],
            [MathTex(format_number(v), font_size=LABEL_SIZE, color=ACCENT) for v in SURPRISE],
        ]
        headers = [Tex("outcome", font_size=LABEL_SIZE, color=TEXT),
                   MathTex("p(x)", font_size=LABEL_SIZE, color=DIST_P),
                   Tex("fixed", font_size=LABEL_SIZE, color=MUTED),
                   Tex("Huffman", font_size=LABEL_SIZE, color=ACCENT_3),
                   MathTex(r"-\log_2 p(x)", font_size=LABEL_SIZE, color=ACCENT)]
        columns = VGroup()
        for k, (header, column) in enumerate(zip(headers, cells)):
            header.move_to([x[k], self.HEADER_Y, 0])
            for cell, y in zip(column, self.ROWS_Y):
                cell.move_to([x[k], y, 0])
            columns.add(VGroup(header, *column))
        return columns

    def show_forecast(self, table):
        outcomes, probs = table[0], table[1]
        with self.beat("Bits are more than a unit on a log scale. They count something you can "
                       "hold: the length of a message. Suppose you must send tomorrow's "
                       "forecast down a wire, as zeros and ones, every day."):
            self.play(LaggedStart(*(FadeIn(m, shift=0.2 * RIGHT) for m in outcomes), lag_ratio=0.2))
            self.play(LaggedStart(*(FadeIn(m) for m in probs), lag_ratio=0.2))
            self.play(Circumscribe(VGroup(outcomes, probs), color=DIST_P))

    def show_fixed_code(self, table):
        fixed = table[2]
        note = MathTex(r"\text{fixed: } 2 \text{ bits every day}", font_size=LABEL_SIZE, color=MUTED)
        note.move_to([self.COLUMNS[2], -1.5, 0])
        self.fixed_note = note
        with self.beat("The obvious code gives each of the four outcomes two bits: zero zero, "
                       "zero one, one zero, one one. Every day costs two bits, whatever the "
                       "weather."):
            self.play(FadeIn(fixed[0]))
            self.play(LaggedStart(*(Write(m) for m in fixed[1:]), lag_ratio=0.3), run_time=2)
            self.play(FadeIn(note, shift=0.1 * UP))

    def get_tree(self) -> VGroup:
        """Huffman's merges for the forecast, bottom up: rain + snow, then cloud, then sun.

        Returns (leaves, merges), each merge a VGroup(node, edges, bit labels)."""
        spot = {name: np.array([x, y, 0.0]) for name, (x, y) in {
            "root": (3.4, 2.3), "sun": (2.0, 1.2), "n40": (4.8, 1.2), "cloud": (3.6, 0.1),
            "n20": (5.8, 0.1), "rain": (5.0, -1.0), "snow": (6.2, -1.0)}.items()}
        leaves = VGroup(*(
            VGroup(Text(o, font_size=SMALL_SIZE + 2, color=TEXT),
                   MathTex(format_number(p), font_size=SMALL_SIZE + 4, color=DIST_P)
                   ).arrange(DOWN, buff=0.08).move_to(spot[o])
            for o, p in zip(OUTCOMES, P_TYPICAL)))

        def merge(name, weight, left, right):
            node = MathTex(format_number(weight), font_size=SMALL_SIZE + 4, color=TEXT)
            node.move_to(spot[name])
            circle = Circle(radius=0.33, color=MUTED, stroke_width=2).move_to(node)
            edges, bits = VGroup(), VGroup()
            for child, bit in ((left, "0"), (right, "1")):
                edge = Line(circle.get_bottom(), child.get_top(), buff=0.08, color=MUTED)
                label = Text(bit, font="DejaVu Sans Mono", font_size=SMALL_SIZE, color=ACCENT_3)
                label.next_to(edge.get_center(), UP + (LEFT if bit == "0" else RIGHT), buff=0.05)
                edges.add(edge)
                bits.add(label)
            return VGroup(VGroup(circle, node), edges, bits)

        sun, cloud, rain, snow = leaves
        n20 = merge("n20", P_TYPICAL[2] + P_TYPICAL[3], rain, snow)
        n40 = merge("n40", P_TYPICAL[1:].sum(), cloud, n20[0])
        root = merge("root", 1.0, sun, n40[0])
        return VGroup(leaves, VGroup(n20, n40, root))

    def show_tree(self, tree, table):
        leaves, (n20, n40, root) = tree
        sun, cloud, rain, snow = leaves
        with self.beat("To do better, give short words to likely days. Huffman's recipe: take "
                       "the two least likely outcomes, rain and snow, and join them into one "
                       "node worth point two."):
            self.play(FadeIn(leaves), FadeOut(self.fixed_note))
            self.play(Indicate(rain, color=ACCENT_3), Indicate(snow, color=ACCENT_3))
            self.play(Create(n20[1]), FadeIn(n20[0]), run_time=1.5)
        with self.beat("Repeat with the new list: the two smallest are now cloud and that "
                       "node, point four together. Last, join sun, and the tree is done."):
            self.play(Create(n40[1]), FadeIn(n40[0]), run_time=1.5)
            self.play(Create(root[1]), FadeIn(root[0]), run_time=1.5)
        huffman = table[3]
        nodes = (root, n40, n20)  # the branch points from the top down
        with self.beat("Label every left branch zero and every right branch one. An outcome's "
                       "codeword is the path down to it: sun is zero, cloud one zero, rain one "
                       "one zero, snow one one one."):
            self.play(LaggedStart(*(FadeIn(m[2]) for m in (root, n40, n20)), lag_ratio=0.3))
            self.play(FadeIn(huffman[0]))
            for leaf, word, code in zip(leaves, huffman[1:], HUFFMAN_CODE):
                path = [nodes[depth][2][int(bit)] for depth, bit in enumerate(code)]
                self.play(Indicate(leaf, color=ACCENT_3), *(Indicate(b, color=ACCENT) for b in path),
                          FadeIn(word, shift=0.2 * RIGHT), run_time=0.9)

    def show_stream(self, tree):
        bits = "".join(HUFFMAN_CODE[i] for i in STREAM)
        stream = Text(bits, font="DejaVu Sans Mono", font_size=BODY_SIZE, color=ACCENT_3)
        stream.move_to([-3.3, -1.8, 0])
        words = VGroup(*(VGroup(Text(HUFFMAN_CODE[i], font="DejaVu Sans Mono", font_size=BODY_SIZE,
                                     color=ACCENT_3),
                                Text(OUTCOMES[i], font_size=SMALL_SIZE + 2, color=TEXT))
                         .arrange(DOWN, buff=0.15) for i in STREAM)).arrange(RIGHT, buff=0.45)
        words.move_to([-3.3, -2.55, 0])
        with self.beat("No codeword is the start of another, so a run of bits needs no commas. "
                       "Read until a word ends: zero is sun, one one zero is rain, zero is sun, "
                       "one zero is cloud."):
            self.play(Write(stream), run_time=1.5)
            self.play(stream.animate.shift(0.55 * UP))
            self.play(LaggedStart(*(FadeIn(w, shift=0.15 * DOWN) for w in words), lag_ratio=0.5),
                      run_time=2.5)
        self.stream = VGroup(stream, words)

    def show_average(self, table, tree):
        average = MathTex(r"\bar\ell = \sum_x p(x)\,\ell(x)", "=", format_number(MEAN_LENGTH),
                          r"\text{ bits}", font_size=BODY_SIZE)
        average[0].set_color(ACCENT_3)
        average[2].set_color(ACCENT_3)
        average.move_to([-5.9, -1.9, 0], aligned_edge=LEFT)
        with self.beat("How many bits a day on average? Weigh each word's length by how often "
                       "it is sent: point six times one, plus point two times two, plus point "
                       "two, rain and snow together, times three. One point six bits a day, down from two."):
            self.play(FadeOut(self.stream))
            self.play(Write(average[:2]), run_time=1.5)
            self.play(Circumscribe(VGroup(table[1], table[3]), color=ACCENT_3))
            self.play(Write(average[2:]))
        surprise = table[4]
        entropy_line = MathTex(r"H(p) = \sum_x p(x)\,\big(-\log_2 p(x)\big) = "
                               + format_number(H_FORECAST), r"\text{ bits}", font_size=BODY_SIZE,
                               color=ACCENT)
        entropy_line.next_to(average, DOWN, buff=0.3, aligned_edge=LEFT)
        with self.beat("Now set the lengths beside the surprises, minus log two of p. Sun is "
                       "surprising by point seven four bits and gets one; snow by four point "
                       "three two and gets three. The best code spends about a surprise's "
                       "worth of bits on each outcome."):
            self.play(FadeOut(tree))
            self.play(FadeIn(surprise[0]), LaggedStart(*(FadeIn(m) for m in surprise[1:]),
                                                       lag_ratio=0.3), run_time=2)
            for k in (1, 4):
                self.play(Indicate(table[3][k], color=ACCENT_3), Indicate(surprise[k], color=ACCENT))
        with self.beat(f"So its average sits just above the average surprise, the entropy: "
                       f"{format_number(H_FORECAST)} bits. That is what a bit of entropy "
                       "counts."):
            self.play(Write(entropy_line), run_time=2)
            self.play(Circumscribe(VGroup(average, entropy_line), color=ACCENT))
        self.averages = VGroup(average, entropy_line)

    def get_block_chart(self) -> VGroup:
        base = np.array([1.9, -2.6, 0])
        unit = 1.7  # frame units per bit
        values = np.concatenate([[2.0], BLOCK_BITS_PER_DAY])
        names = ["fixed", "1 day", "2 days", "3 days"]
        bars, labels, numbers = VGroup(), VGroup(), VGroup()
        for k, (v, name) in enumerate(zip(values, names)):
            bar = Rectangle(width=0.6, height=unit * v, stroke_width=0,
                            fill_color=MUTED if k == 0 else ACCENT_3, fill_opacity=0.85)
            bar.move_to(base + RIGHT * (0.3 + 1.0 * k), DOWN)
            bars.add(bar)
            labels.add(Text(name, font_size=SMALL_SIZE - 3, color=TEXT).next_to(bar, DOWN, buff=0.15))
            numbers.add(MathTex(f"{v:.2f}", font_size=SMALL_SIZE + 4, color=TEXT)
                        .next_to(bar, UP, buff=0.1))
        axis = Line(base + LEFT * 0.1, base + RIGHT * 3.8, color=MUTED)
        floor = DashedLine(base + LEFT * 0.1 + UP * unit * H_FORECAST,
                           base + RIGHT * 3.8 + UP * unit * H_FORECAST, color=ACCENT, stroke_width=3)
        floor_label = MathTex(r"H = " + format_number(H_FORECAST), font_size=SMALL_SIZE + 4,
                              color=ACCENT).next_to(floor, RIGHT, buff=0.12)
        title = Tex("bits per day", font_size=LABEL_SIZE, color=TEXT)
        title.move_to(base + RIGHT * 1.8 + UP * 4.4)
        return VGroup(axis, bars, labels, numbers, VGroup(floor, floor_label), title)

    def show_blocks(self, table):
        chart = self.get_block_chart()
        axis, bars, labels, numbers, floor, title = chart
        with self.beat("Shannon proved that no code can average fewer bits than the entropy. "
                       "And coding several days as one message gets as close as you like."):
            self.play(Create(axis), FadeIn(title), Create(floor[0]), FadeIn(floor[1]))
            self.play(GrowFromEdge(bars[0], DOWN), FadeIn(labels[0]), FadeIn(numbers[0]))
            self.play(GrowFromEdge(bars[1], DOWN), FadeIn(labels[1]), FadeIn(numbers[1]))
        with self.beat(f"Huffman's code for pairs of days costs {format_number(BLOCK_BITS_PER_DAY[1])} "
                       f"bits a day; for three days, {format_number(BLOCK_BITS_PER_DAY[2])}, "
                       "pressing down on the entropy floor."):
            for k in (2, 3):
                self.play(GrowFromEdge(bars[k], DOWN), FadeIn(labels[k]), FadeIn(numbers[k]),
                          run_time=1.5)
            # a colour pulse in place: grown by Indicate's 1.2 the floor pushed its label off
            # the right edge
            self.play(Indicate(floor, color=ACCENT, scale_factor=1.0))
        with self.beat("That is why a language model's loss is quoted in bits per token: its "
                       "cross entropy is the length of the text compressed with the model's "
                       "own predictions. Better prediction is shorter code."):
            self.play(Circumscribe(VGroup(bars, numbers), color=ACCENT_3), run_time=2)
            self.play(Indicate(floor[1], color=ACCENT), run_time=1.5)
        self.play(FadeOut(Group(*self.mobjects)))


class CrossEntropyAndKL(NarratedScene):
    """Coding p with q costs H(p, q) = H(p) + KL(p || q); KL is not symmetric."""

    def construct(self):
        # Step 1: the truth p and a model q, side by side.
        chart = self.get_pair_chart()
        self.chart = chart
        self.show_pair(chart)
        # Step 2: cross-entropy as entropy plus the KL overhead, a stacked bar.
        formula = self.get_formula().to_edge(UP, buff=EDGE_BUFF)
        stack = self.get_stack()
        self.stack = stack
        self.show_cross_entropy(formula, stack)
        # Step 3: classifiers minimise exactly this.
        self.show_classifier(formula)
        # Step 4: formula -> code -> library for the classifier's loss.
        shown = Group(*self.mobjects)
        self.play(FadeOut(shown))
        show_bridge(self, LOG_LOSS_BRIDGE, (
            "Here is that loss in code: a one hot label y, and the classifier's probabilities q, "
            "point seven on the true class.",
            f"mathcore's cross entropy, in nats, gives {format_number(CLASSIFIER_LOSS, 3)}.",
            "scikit-learn's log loss gives the same number, and so would PyTorch's cross "
            "entropy on the logits: the loss every classifier is trained on.",
        ))
        self.play(FadeIn(shown))
        # Step 5: swap the arguments: KL is not symmetric.
        self.show_asymmetry(formula, stack)

    PAIR_ORIGIN = np.array([-6.4, -2.3, 0])
    PAIR_UNIT, PAIR_WIDTH = 4.0, 0.42

    def get_pair_bars(self, p, q) -> tuple[VGroup, VGroup]:
        """Side-by-side bars of p (blue) and q (orange) over the four outcomes."""
        origin, unit, width = self.PAIR_ORIGIN, self.PAIR_UNIT, self.PAIR_WIDTH
        p_bars, q_bars = VGroup(), VGroup()
        for j in range(4):
            x = origin + RIGHT * j * 1.25
            p_bars.add(Rectangle(width=width, height=max(unit * p[j], 1e-3), stroke_width=0,
                                 fill_color=DIST_P, fill_opacity=0.9).move_to(x, DOWN + LEFT))
            q_bars.add(Rectangle(width=width, height=max(unit * q[j], 1e-3), stroke_width=0,
                                 fill_color=DIST_Q, fill_opacity=0.9)
                       .move_to(x + RIGHT * width, DOWN + LEFT))
        return p_bars, q_bars

    def get_pair_chart(self) -> VGroup:
        origin, width = self.PAIR_ORIGIN, self.PAIR_WIDTH
        p_bars, q_bars = self.get_pair_bars(P_TRUE, Q_MODEL)
        names = VGroup(*(MathTex(f"x_{j + 1}", font_size=SMALL_SIZE + 4, color=MUTED)
                         .move_to(origin + RIGHT * (j * 1.25 + width) + DOWN * 0.3)
                         for j in range(4)))
        axis = Line(origin + LEFT * 0.2, origin + RIGHT * 4.8, color=MUTED)
        p_label = MathTex(r"p \text{ (truth)}", font_size=LABEL_SIZE, color=DIST_P)
        q_label = MathTex(r"q \text{ (model)}", font_size=LABEL_SIZE, color=DIST_Q)
        legend = VGroup(p_label, q_label).arrange(RIGHT, buff=0.5)
        legend.next_to(axis, DOWN, buff=0.7)
        return VGroup(axis, names, p_bars, q_bars, legend)

    def show_pair(self, chart):
        axis, names, p_bars, q_bars, legend = chart
        with self.beat("A code built for one distribution is wasteful on another. Here is a "
                       "true distribution p, in blue: two outcomes are likely, two are almost "
                       "impossible."):
            self.play(Create(axis), FadeIn(names), FadeIn(legend[0]))
            self.play(FadeIn(p_bars, shift=0.2 * UP))
        with self.beat("And a model q, in orange, that spreads its bets evenly over all "
                       "four."):
            self.play(FadeIn(legend[1]), FadeIn(q_bars, shift=0.2 * UP))
            self.play(LaggedStart(*(Indicate(b, color=TEXT, scale_factor=1) for b in q_bars),
                                  lag_ratio=0.3))

    def get_formula(self) -> MathTex:
        formula = MathTex(r"H(p, q)", "=", r"-\sum_x p(x) \log_2 q(x)", "=", r"H(p)", "+",
                          r"D_{KL}(p \,\|\, q)", font_size=BODY_SIZE)
        formula[0].set_color(DIST_Q)
        formula[4].set_color(DIST_P)
        formula[6].set_color(ACCENT_3)
        return formula

    UNIT = 1.3  # frame units per bit in the stacked bars
    BASE = np.array([1.2, -2.3, 0])

    def get_stack(self) -> VGroup:
        width = 1.0
        h_bar = Rectangle(width=width, height=self.UNIT * H_P, stroke_width=0, fill_color=DIST_P,
                          fill_opacity=0.9).move_to(self.BASE, DOWN + LEFT)
        kl_bar = Rectangle(width=width, height=self.UNIT * KL_PQ, stroke_width=0,
                           fill_color=ACCENT_3, fill_opacity=0.9).next_to(h_bar, UP, buff=0)
        h_label = MathTex(r"H(p) = " + format_number(H_P, 2), font_size=LABEL_SIZE,
                          color=DIST_P).next_to(h_bar, RIGHT, buff=0.2)
        kl_label = MathTex(r"D_{KL}(p\,\|\,q) = " + format_number(KL_PQ, 2),
                           font_size=LABEL_SIZE, color=ACCENT_3).next_to(kl_bar, RIGHT, buff=0.2)
        brace_top = self.BASE[1] + self.UNIT * H_PQ
        total = MathTex(r"H(p, q) = " + format_number(H_PQ, 2) + r"\text{ bits}",
                        font_size=LABEL_SIZE, color=DIST_Q)
        total.move_to([self.BASE[0] + width / 2, brace_top + 0.35, 0])
        axis = Line(self.BASE + LEFT * 0.3, self.BASE + RIGHT * 5.6, color=MUTED)
        return VGroup(axis, h_bar, kl_bar, h_label, kl_label, total)

    def show_cross_entropy(self, formula, stack):
        axis, h_bar, kl_bar, h_label, kl_label, total = stack
        with self.beat("If the world follows p but you code, or predict, with q, the average "
                       "number of bits you pay is the cross entropy: minus the sum of p times "
                       "log q."):
            self.play(Write(formula[:3]), run_time=2.5)
            self.play(Create(axis), FadeIn(h_bar), FadeIn(kl_bar), FadeIn(total))
        with self.beat(f"Split it in two. {format_number(H_P, 2)} bits are the entropy of p "
                       "itself, the unavoidable part. The rest is the KL divergence, the "
                       "overhead of using the wrong model."):
            self.play(Write(formula[3:]), run_time=2)
            # each part of the bar lights up as the words name it
            self.play(FadeIn(h_label), Indicate(h_bar, color=TEXT, scale_factor=1))
            self.play(FadeIn(kl_label), Indicate(kl_bar, color=TEXT, scale_factor=1))

    def show_classifier(self, formula):
        note = MathTex(r"\text{classifier: } p = \text{one-hot label},\ ",
                       r"H(p, q) = -\ln q(\text{true class})",
                       " = " + format_number(CLASSIFIER_LOSS, 3), font_size=LABEL_SIZE,
                       color=MUTED)
        note.next_to(formula, DOWN, buff=0.35)
        note[2].set_color(DIST_Q)
        _, _, p_bars, q_bars, _ = self.chart
        label_p, label_q = self.get_pair_bars(LABEL, CLASSIFIER_Q)
        truth_p, truth_q = p_bars.copy(), q_bars.copy()
        true_q = MathTex(format_number(CLASSIFIER_Q[0]), font_size=SMALL_SIZE + 4, color=DIST_Q)
        true_q.next_to(label_q[0], UP, buff=0.1)
        with self.beat("This is the loss every classifier minimises. The label is a one hot p, "
                       "so the cross entropy is minus the log of the probability given to the "
                       "true class; point seven gives point three five seven nats."):
            # the chart becomes a classification: a one-hot p, a classifier's q
            self.play(Transform(p_bars, label_p), FadeIn(note[0], shift=0.1 * DOWN), run_time=1.5)
            self.play(Transform(q_bars, label_q), Write(note[1]), run_time=1.5)
            self.play(Indicate(q_bars[0], color=TEXT, scale_factor=1), FadeIn(true_q, shift=0.1 * UP))
            self.play(Write(note[2]), Indicate(q_bars[0], color=TEXT, scale_factor=1))
        _, h_bar, kl_bar, *_ = self.stack
        with self.beat("Since H of p is fixed by the data, minimising cross entropy is the "
                       "same as minimising the KL divergence to the truth."):
            self.play(Indicate(formula[4], color=DIST_P), Indicate(h_bar, color=TEXT, scale_factor=1))
            self.play(Indicate(formula[6], color=ACCENT_3), Indicate(kl_bar, color=TEXT, scale_factor=1))
            self.play(FadeOut(note), FadeOut(true_q), Transform(p_bars, truth_p),
                      Transform(q_bars, truth_q), run_time=1.5)

    def show_asymmetry(self, formula, stack):
        axis, h_bar, kl_bar, h_label, kl_label, total = stack
        width = 1.0
        pq = Rectangle(width=width, height=self.UNIT * KL_PQ, stroke_width=0, fill_color=ACCENT_3,
                       fill_opacity=0.9).move_to(self.BASE + RIGHT * 1.2, DOWN + LEFT)
        qp = Rectangle(width=width, height=self.UNIT * KL_QP, stroke_width=0, fill_color=ACCENT,
                       fill_opacity=0.9).move_to(self.BASE + RIGHT * 3.4, DOWN + LEFT)
        pq_label = MathTex(r"D_{KL}(p\,\|\,q)", "=" + format_number(KL_PQ, 2),
                           font_size=LABEL_SIZE, color=ACCENT_3).next_to(pq, UP, buff=0.15)
        qp_label = MathTex(r"D_{KL}(q\,\|\,p)", "=" + format_number(KL_QP, 2),
                           font_size=LABEL_SIZE, color=ACCENT).next_to(qp, UP, buff=0.15)
        with self.beat("Now swap the two arguments. KL of p from q and KL of q from p are "
                       "different numbers: KL is not a distance."):
            self.play(FadeOut(h_bar), FadeOut(h_label), FadeOut(total), FadeOut(kl_label),
                      ReplacementTransform(kl_bar, pq))
            self.play(FadeIn(pq_label))
            self.play(TransformFromCopy(pq, qp), FadeIn(qp_label))
        _, names, p_bars, q_bars, _ = self.chart
        by_q = MathTex(r"D_{KL}(q\,\|\,p) = \sum_x", r"q(x)", r"\log_2 \frac{q(x)}{p(x)}",
                       font_size=LABEL_SIZE)
        by_p = MathTex(r"D_{KL}(p\,\|\,q) = \sum_x", r"p(x)", r"\log_2 \frac{p(x)}{q(x)}",
                       font_size=LABEL_SIZE)
        by_q[0].set_color(ACCENT)
        by_q[1].set_color(DIST_Q)
        by_p[0].set_color(ACCENT_3)
        by_p[1].set_color(DIST_P)
        VGroup(by_q, by_p).arrange(DOWN, aligned_edge=LEFT, buff=0.3).next_to(formula, DOWN,
                                                                             buff=0.35)
        rare = VGroup(p_bars[2:], q_bars[2:], names[2:])
        with self.beat("KL of q from p weighs the log ratio by q. The model puts a quarter of "
                       "its mass on outcomes the truth almost never produces, and pays "
                       "heavily for it."):
            self.play(Write(by_q), Indicate(q_bars, color=TEXT, scale_factor=1), run_time=1.5)
            self.play(Indicate(by_q[1], color=DIST_Q))
            self.play(Circumscribe(rare, color=DIST_Q),
                      Indicate(q_bars[2:], color=TEXT, scale_factor=1), run_time=1.5)
            self.play(Indicate(VGroup(qp, qp_label), color=TEXT, scale_factor=1))
        with self.beat("KL of p from q only looks where p has mass. So the two directions "
                       "punish different mistakes: missing mass the truth has, or putting mass "
                       "where it has none."):
            self.play(Write(by_p), Indicate(p_bars[:2], color=TEXT, scale_factor=1), run_time=1.5)
            self.play(Indicate(by_p[1], color=DIST_P))
            self.play(Indicate(VGroup(pq, pq_label), color=TEXT, scale_factor=1))
            self.play(Indicate(VGroup(qp, qp_label), color=TEXT, scale_factor=1))
        self.play(FadeOut(Group(*self.mobjects)))


class KLIsNeverNegative(NarratedScene):
    """Gibbs' inequality: D_KL(p || q) >= 0, from ln t <= t - 1 with t = q / p."""

    def construct(self):
        # Step 1: the inequality ln t <= t - 1, as a picture.
        axes = self.get_axes()
        self.show_log_below_line(axes)
        # Step 2: the two-line derivation, with t = q / p.
        self.show_derivation()
        # Step 3: what it means for training.
        self.show_floor()
        # Step 4: formula -> code -> library.
        show_bridge(self, KL_BRIDGE, (
            "KL divergence is one line of code too. Here are the truth p and the spread-out "
            "model q from before.",
            f"mathcore's KL divergence in base two gives {format_number(KL_PQ, 3)} bits.",
            "SciPy's special dot rel entr gives the terms p log p over q; their sum, divided by "
            "the log of two, is the same number.",
        ))

    def get_axes(self) -> VGroup:
        axes = Axes(x_range=(0, 3.3, 1), y_range=(-2.2, 2.3, 1), x_length=5.6, y_length=5.0,
                    axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
                    x_axis_config={"numbers_to_include": [1, 2, 3]},
                    y_axis_config={"numbers_to_include": [-2, -1, 1, 2]},
                    ).to_edge(LEFT, buff=EDGE_BUFF + 0.2).shift(0.3 * DOWN)
        log_curve = get_sampled_curve(axes, T_GRID, np.log(T_GRID), ACCENT_3)
        line_t = np.array([T_GRID[0], 3.3])
        line = get_sampled_curve(axes, line_t, line_t - 1, ACCENT)
        log_label = MathTex(r"\ln t", font_size=LABEL_SIZE, color=ACCENT_3)
        log_label.next_to(axes.c2p(3.2, np.log(3.2)), DOWN + LEFT, buff=0.15).shift(0.2 * DOWN)
        line_label = MathTex(r"t - 1", font_size=LABEL_SIZE, color=ACCENT)
        line_label.next_to(axes.c2p(3.0, 2.0), LEFT, buff=0.25)
        t_label = MathTex("t", font_size=LABEL_SIZE, color=TEXT).next_to(axes.x_axis, RIGHT, buff=0.1)
        touch = Dot(axes.c2p(1, 0), radius=0.07, color=TEXT)
        return VGroup(axes, log_curve, line, log_label, line_label, t_label, touch)

    def show_log_below_line(self, group):
        axes, log_curve, line, log_label, line_label, t_label, touch = group
        with self.beat("We called KL divergence an overhead. Can it ever be negative: could a "
                       "wrong model beat the truth? The answer rests on one picture."):
            self.play(Create(axes), FadeIn(t_label), run_time=1.5)
            self.play(Create(log_curve), FadeIn(log_label), run_time=1.5)
        s = ValueTracker(0.0)
        t = lambda: float(np.interp(s.get_value(), np.linspace(0, 1, len(T_PATH)), T_PATH))
        gap = always_redraw(lambda: Line(axes.c2p(t(), np.log(t())), axes.c2p(t(), t() - 1),
                                         color=TEXT, stroke_width=4))
        dot = always_redraw(lambda: Dot(axes.c2p(t(), np.log(t())), radius=0.06, color=ACCENT_3))
        with self.beat("The logarithm bends down, so it lies under its tangent at one, the line "
                       "t minus one. The gap between them is never negative, and closes only "
                       "at t equal to one."):
            self.play(Create(line), FadeIn(line_label), FadeIn(touch))
            self.add(gap, dot)
            self.play(s.animate.set_value(1.0), run_time=4)
            self.play(Flash(touch, color=TEXT))
        self.remove(gap, dot)
        self.axes_group = group

    def show_derivation(self):
        lines = MathTex(
            r"-D_{KL}(p\,\|\,q)", r"= \sum_x p(x) \ln \frac{q(x)}{p(x)}",
            r"\le \sum_x p(x) \Big(\frac{q(x)}{p(x)} - 1\Big)",
            r"= \sum_x q(x) - \sum_x p(x)", r"= 1 - 1 = 0",
            font_size=LABEL_SIZE)
        rows = VGroup(VGroup(lines[0], lines[1]), lines[2], lines[3], lines[4])
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.3).to_edge(RIGHT, buff=EDGE_BUFF + 0.2).shift(0.9 * UP)
        for row in rows[1:]:
            row.align_to(lines[1], LEFT)
        lines[0].set_color(ACCENT_3)
        reason = MathTex(r"\ln t \le t - 1,\ t = \tfrac{q(x)}{p(x)}", font_size=SMALL_SIZE + 4,
                         color=ACCENT).next_to(lines[2], DOWN, buff=0.08).align_to(lines[2], RIGHT)
        rows[2].shift(0.3 * DOWN)
        rows[3].shift(0.3 * DOWN)
        block = VGroup(rows, reason)  # keep the widest row clear of the frame's right edge
        block.shift(LEFT * max(0.0, block.get_right()[0] - 6.4))
        result = MathTex(r"D_{KL}(p\,\|\,q) \ge 0", font_size=BODY_SIZE, color=ACCENT_3)
        result.next_to(rows, DOWN, buff=0.45)
        box = SurroundingRectangle(result, color=ACCENT_3, buff=0.15)
        with self.beat("Now write minus the KL divergence as p times the log of q over p, and "
                       "call that ratio t."):
            self.play(Write(rows[0]), run_time=2)
        line = self.axes_group[2]
        with self.beat("Every log is at most t minus one, so the sum is at most p times q over "
                       "p, minus one."):
            self.play(Write(rows[1]), Indicate(line, color=ACCENT, scale_factor=1), run_time=2)
            self.play(FadeIn(reason, shift=0.1 * UP))
        with self.beat("The p's cancel: what is left is the total of q minus the total of p, "
                       "one minus one, zero."):
            self.play(Write(rows[2]), run_time=1.5)
            self.play(Write(rows[3]), run_time=1.5)
        with self.beat("So KL divergence is never negative, in any base, and it is zero only "
                       "when every ratio sits at the touching point: q equal to p. That is "
                       "Gibbs' inequality."):
            self.play(Write(result), Create(box), run_time=1.5)
            self.play(Flash(self.axes_group[6], color=TEXT), Indicate(rows[3], color=TEXT))
        self.derivation = VGroup(rows, reason, result, box)

    def show_floor(self):
        note = MathTex(r"H(p, q) = H(p) + D_{KL}(p\,\|\,q) \ \ge\ H(p)", font_size=BODY_SIZE)
        note.to_edge(DOWN, buff=EDGE_BUFF + 0.1).shift(2.6 * RIGHT)
        note[0][-4:].set_color(DIST_P)
        with self.beat("For training it sets a floor. Cross entropy is the entropy plus a KL "
                       "that cannot go below zero, so no model's loss can beat the entropy of "
                       "the data: the level a loss curve flattens towards."):
            self.play(FadeOut(self.derivation[2:]), Write(note), run_time=2)
            self.play(Circumscribe(note, color=ACCENT_3), run_time=1.5)
        self.play(FadeOut(Group(*self.mobjects)))


class ModeCoveringAndModeSeeking(NarratedScene):
    """One Gaussian q fitted to a two-bump p: KL(p || q) covers both bumps, KL(q || p) picks one."""

    def construct(self):
        # Step 1: a truth with two bumps; a model allowed only one Gaussian.
        axes, p_curve = self.get_axes()
        self.show_problem(axes, p_curve)
        # Step 2: minimise KL(p || q): q must cover wherever p has mass.
        wide = self.show_forward(axes)
        # Step 3: minimise KL(q || p): q must stay where p has mass.
        self.show_reverse(axes, wide)
        # Step 4: where machine learning uses each direction.
        self.show_uses()

    def get_axes(self):
        axes = Axes(x_range=(-6, 6, 2), y_range=(0, 0.75, 0.25), x_length=11.0, y_length=3.9,
                    axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
                    x_axis_config={"numbers_to_include": [-4, -2, 0, 2, 4]},
                    ).to_edge(DOWN, buff=EDGE_BUFF + 0.1)
        p_curve = get_sampled_curve(axes, X_GRID[DRAWN], MIXTURE[DRAWN], DIST_P, fill_opacity=0.25)
        return axes, p_curve

    def get_walking_q(self, axes, s, table):
        return always_redraw(lambda: get_sampled_curve(
            axes, X_GRID[DRAWN], lookup_rows(table, WALK[:, 0], s.get_value())[DRAWN], DIST_Q))

    def get_readout(self, tex, s, values, color) -> VGroup:
        label = MathTex(tex, font_size=BODY_SIZE, color=color)
        number = DecimalNumber(values[0], num_decimal_places=2, font_size=BODY_SIZE, color=color)
        unit = Tex("bits", font_size=BODY_SIZE, color=color)
        group = VGroup(label, number, unit).arrange(RIGHT, buff=0.15)
        number.add_updater(lambda n: n.set_value(float(np.interp(s.get_value(), WALK[:, 0], values))))
        return group

    def show_problem(self, axes, p_curve):
        p_label = MathTex(r"p", r"\text{: two bumps}", font_size=LABEL_SIZE, color=DIST_P)
        p_label.next_to(axes.c2p(-2, 0.27), UP, buff=0.15)
        with self.beat("KL is never negative, but it is not symmetric, and the asymmetry "
                       "decides what a model learns when it is too simple for the truth. Here the truth p has two bumps, and the model q may only be "
                       "a single bell curve."):
            self.play(Create(axes), run_time=1.5)
            self.play(Create(p_curve), FadeIn(p_label), run_time=2)
        self.p_label = p_label
        form = MathTex(r"q = \mathcal{N}(\mu, \sigma^2)", r"\quad \text{which } \mu, \sigma\text{?}",
                       font_size=BODY_SIZE, color=DIST_Q).to_edge(UP, buff=EDGE_BUFF)
        self.form = form
        with self.beat("Which mean and which spread should q take? Search a grid of both, and "
                       "keep the one with the smallest KL divergence. But in which direction?"):
            self.play(Write(form), run_time=1.5)
            self.play(Indicate(p_curve, color=DIST_P, scale_factor=1), run_time=1.5)

    def show_forward(self, axes):
        s = ValueTracker(0.0)
        q = self.get_walking_q(axes, s, FORWARD_WALK_Q)
        formula = MathTex(r"D_{KL}(p\,\|\,q) = \int", r"p(x)", r"\log \frac{p(x)}{q(x)}\,dx",
                          font_size=BODY_SIZE).to_edge(UP, buff=EDGE_BUFF)
        formula[1].set_color(DIST_P)
        readout = self.get_readout(r"D_{KL}(p\,\|\,q) =", s, FORWARD_WALK_KL, ACCENT_3)
        readout.next_to(formula, DOWN, buff=0.3)
        left = DRAWN & (X_GRID < -0.5)
        uncovered = get_sampled_curve(axes, X_GRID[left], MIXTURE[left], ACCENT,
                                      stroke_width=6)
        with self.beat("First, KL of p from q. It weighs the log ratio by p: wherever the truth "
                       "has mass and q has almost none, the log of p over q explodes."):
            self.play(FadeOut(self.form), Write(formula), run_time=1.5)
            self.play(Create(q), FadeIn(readout))
            self.play(Create(uncovered), Indicate(formula[1], color=DIST_P), run_time=1.5)
        with self.beat(f"A q sitting on one bump leaves the other uncovered and pays "
                       f"{format_number(FORWARD_WALK_KL[0], 1)} bits. So q spreads out until it "
                       "covers both."):
            self.play(FadeOut(uncovered))
            self.play(s.animate.set_value(1.0), run_time=4)
        wide = get_sampled_curve(axes, X_GRID[DRAWN], FORWARD_Q[DRAWN], ACCENT_3)
        wide_label = MathTex(r"\min D_{KL}(p\,\|\,q)", r"\text{: covers both}", font_size=LABEL_SIZE,
                             color=ACCENT_3).move_to(axes.c2p(-3.9, 0.66))
        numbers = MathTex(r"\mu = " + format_number(FORWARD_FIT.mean) + r",\ \sigma = "
                          + format_number(FORWARD_FIT.sd), font_size=LABEL_SIZE, color=ACCENT_3)
        numbers.next_to(wide_label, DOWN, buff=0.1)
        with self.beat(f"The best q has mean {format_number(FORWARD_FIT.mean)} and spread "
                       f"{format_number(FORWARD_FIT.sd)}: exactly the mean and spread of p. "
                       f"It covers both bumps, {format_number(FORWARD_FIT.kl)} bits, and puts "
                       "its peak in the valley, where the truth has almost nothing."):
            self.remove(q)
            self.add(wide)
            self.play(FadeIn(wide_label), FadeIn(numbers), FadeOut(self.p_label))
            self.play(Indicate(readout, color=TEXT), run_time=1.5)
            self.play(Circumscribe(Line(axes.c2p(-0.8, 0), axes.c2p(0.8, 0.2)), color=ACCENT), run_time=1.5)
        self.play(FadeOut(formula), FadeOut(readout))
        return VGroup(wide, wide_label, numbers)

    def show_reverse(self, axes, wide):
        s = ValueTracker(0.0)
        q = self.get_walking_q(axes, s, REVERSE_WALK_Q)
        formula = MathTex(r"D_{KL}(q\,\|\,p) = \int", r"q(x)", r"\log \frac{q(x)}{p(x)}\,dx",
                          font_size=BODY_SIZE).to_edge(UP, buff=EDGE_BUFF)
        formula[1].set_color(DIST_Q)
        readout = self.get_readout(r"D_{KL}(q\,\|\,p) =", s, REVERSE_WALK_KL, ACCENT)
        readout.next_to(formula, DOWN, buff=0.3)
        valley = (X_GRID > -1.0) & (X_GRID < 1.0)
        wasted = get_sampled_curve(axes, X_GRID[valley], FORWARD_Q[valley], ACCENT, stroke_width=7)
        with self.beat("Now swap the arguments: KL of q from p weighs the log ratio by q. "
                       "Where the model puts mass and the truth has none, q pays, and the "
                       f"wide curve's valley costs it {format_number(REVERSE_WALK_KL[0])} bits."):
            self.play(Write(formula), run_time=1.5)
            self.add(q)
            self.play(FadeIn(readout), Indicate(formula[1], color=DIST_Q))
            self.play(Create(wasted), run_time=1.5)
        narrow_label = MathTex(r"\min D_{KL}(q\,\|\,p)", r"\text{: picks one}", font_size=LABEL_SIZE,
                               color=ACCENT).move_to(axes.c2p(4.6, 0.7))
        numbers = MathTex(r"\mu = " + f"{REVERSE_FIT.mean:.2f}" + r",\ \sigma = "
                          + format_number(REVERSE_FIT.sd), font_size=LABEL_SIZE, color=ACCENT)
        numbers.next_to(narrow_label, DOWN, buff=0.1)
        with self.beat("So q shrinks into one bump and stays there, ignoring the other "
                       f"entirely. Its best fit is the taller bump: mean "
                       f"{format_number(REVERSE_FIT.mean)}, spread {format_number(REVERSE_FIT.sd)}."):
            self.play(FadeOut(wasted))
            self.play(s.animate.set_value(1.0), run_time=4)
            self.remove(q)
            q = get_sampled_curve(axes, X_GRID[DRAWN], REVERSE_Q[DRAWN], ACCENT)
            self.add(q)
            self.play(FadeIn(narrow_label), FadeIn(numbers))
        with self.beat(f"It pays only {format_number(REVERSE_FIT.kl)} bits, about minus log two "
                       "of point six: the surprise of which bump it chose. Judged the other way, "
                       f"this narrow q would cost {format_number(REVERSE_FIT_FORWARD_KL, 1)} "
                       "bits."):
            self.play(Indicate(readout, color=TEXT), run_time=1.5)
            self.play(Indicate(VGroup(narrow_label, numbers), color=TEXT), run_time=1.5)
        self.play(FadeOut(formula), FadeOut(readout))
        self.fits = VGroup(wide, narrow_label, numbers, q)

    def show_uses(self):
        rows = VGroup(
            MathTex(r"\min_q D_{KL}(p_{\text{data}}\,\|\,q)", r"= \text{maximum likelihood: covers every mode}",
                    font_size=LABEL_SIZE, color=ACCENT_3),
            MathTex(r"\min_q D_{KL}(q\,\|\,p)", r"= \text{variational inference, VAEs: seeks one mode}",
                    font_size=LABEL_SIZE, color=ACCENT),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.25).to_edge(UP, buff=EDGE_BUFF)
        with self.beat("Both directions are everywhere in machine learning. Training on data by "
                       "cross entropy, maximum likelihood, minimises KL of the data from the "
                       "model: it covers every mode, even at the price of blur."):
            self.play(Write(rows[0]), run_time=2)
            self.play(Indicate(self.fits[0], color=ACCENT_3, scale_factor=1), run_time=1.5)
        with self.beat("Variational inference, the approximate posterior in a VAE, minimises "
                       "KL of the model from the target: it locks onto one mode and "
                       "underestimates the spread."):
            self.play(Write(rows[1]), run_time=2)
            self.play(Indicate(self.fits[3], color=ACCENT, scale_factor=1), run_time=1.5)
        with self.beat("Which direction you minimise is a modelling choice, not a detail. "
                       "Next, KL measures something else entirely: how much two variables "
                       "know about each other."):
            self.play(Circumscribe(rows, color=TEXT), run_time=2)
            self.play(FadeOut(Group(*self.mobjects)), run_time=1.5)


class MutualInformationTable(NarratedScene):
    """I(X; Y) = KL(p(x, y) || p(x) p(y)): zero when independent, H(X) when Y = X."""

    def construct(self):
        # Step 1: a joint table with its marginals.
        m = ValueTracker(0.0)
        table = self.get_table(m)
        self.show_table(table)
        # Step 2: the formula: how far the joint is from the product of marginals.
        formula = self.get_formula().to_edge(UP, buff=EDGE_BUFF)
        meter = self.get_meter(m)
        self.show_formula(formula, meter)
        # Step 3: make X and Y dependent, marginals unchanged.
        self.show_dependence(m, table, meter)

    CELL = 0.85
    ORIGIN = np.array([-4.9, 1.0, 0])  # centre of the top-left cell

    def cell_center(self, i, j):
        return self.ORIGIN + RIGHT * j * self.CELL + DOWN * i * self.CELL

    def get_table(self, m) -> VGroup:
        joint = lambda: lookup_rows(JOINTS, MIX, m.get_value())
        vmax = DEPENDENT.max()

        grid = always_redraw(lambda: get_matrix_heat_map(
            joint(), ACCENT_3, cell=self.CELL, decimals=None, vmax=vmax).shift(self.ORIGIN))
        numbers = VGroup()
        for i in range(4):
            for j in range(4):
                number = DecimalNumber(joint()[i, j], num_decimal_places=2, font_size=SMALL_SIZE,
                                       color=TEXT)
                number.move_to(self.cell_center(i, j))
                number.add_updater(lambda n, i=i, j=j: n.set_value(joint()[i, j]))
                numbers.add(number)
        # marginals: p(x) to the right of each row, p(y) under each column
        px = VGroup(*(Rectangle(width=1.6 * MARGINAL[i] / MARGINAL.max(), height=0.5,
                                stroke_width=0, fill_color=DIST_P, fill_opacity=0.85)
                      .move_to(self.cell_center(i, 3) + RIGHT * (self.CELL / 2 + 0.25), LEFT)
                      for i in range(4)))
        py = VGroup(*(Rectangle(width=0.5, height=1.2 * MARGINAL[j] / MARGINAL.max(),
                                stroke_width=0, fill_color=DIST_Q, fill_opacity=0.85)
                      .move_to(self.cell_center(3, j) + DOWN * (self.CELL / 2 + 0.2), UP)
                      for j in range(4)))
        px_label = MathTex("p(x)", font_size=LABEL_SIZE, color=DIST_P)
        px_label.next_to(px, UP, buff=0.2)
        py_label = MathTex("p(y)", font_size=LABEL_SIZE, color=DIST_Q)
        py_label.next_to(py, LEFT, buff=0.3)
        x_names = VGroup(*(MathTex(f"x_{i + 1}", font_size=SMALL_SIZE + 4, color=DIST_P)
                           .next_to(self.cell_center(i, 0), LEFT, buff=self.CELL / 2 + 0.15)
                           for i in range(4)))
        y_names = VGroup(*(MathTex(f"y_{j + 1}", font_size=SMALL_SIZE + 4, color=DIST_Q)
                           .next_to(self.cell_center(0, j), UP, buff=self.CELL / 2 + 0.12)
                           for j in range(4)))
        return VGroup(grid, numbers, VGroup(px, px_label), VGroup(py, py_label),
                      VGroup(x_names, y_names))

    def show_table(self, table):
        grid, numbers, px, py, names = table
        with self.beat("Two random variables, X and Y, each with four values. Their joint "
                       "distribution is a table: each cell the probability of one pair."):
            self.play(FadeIn(names), FadeIn(grid), run_time=1.5)
            self.play(FadeIn(numbers))
        with self.beat("Summing rows gives the marginal of X, summing columns the marginal of "
                       "Y."):
            self.play(FadeIn(px), FadeIn(py), run_time=1.5)
        product = MathTex(r"p(x_1)", r"\,", r"p(y_1)",
                          "= " + format_number(MARGINAL[0]) + r" \times " + format_number(MARGINAL[0])
                          + " = " + format_number(INDEPENDENT[0, 0]), font_size=LABEL_SIZE)
        product[0].set_color(DIST_P)
        product[2].set_color(DIST_Q)
        product.move_to([2.8, self.ORIGIN[1], 0])
        self.product = product
        with self.beat("Right now every cell is just p of x times p of y: X and Y are "
                       "independent. Knowing X tells you nothing about Y."):
            # one cell, its two marginals, their product; then every row shaped like p(y)
            # (the table redraws itself every frame: outline it rather than rescale it)
            self.play(Circumscribe(numbers[0], color=ACCENT_3), Indicate(px[0][0], color=DIST_P),
                      Indicate(py[0][0], color=DIST_Q))
            self.play(Write(product), run_time=1.5)
            self.play(LaggedStart(*(Circumscribe(numbers[4 * i:4 * i + 4], color=DIST_Q)
                                    for i in range(4)), lag_ratio=0.4), run_time=2)

    def get_formula(self) -> MathTex:
        formula = MathTex(r"I(X; Y)", "=", r"\sum_{x,y} p(x,y) \log_2 "
                          r"\frac{p(x,y)}{p(x)\,p(y)}", "=", r"D_{KL}\big(p(x,y)\,\|\,p(x)\,p(y)\big)",
                          font_size=BODY_SIZE)
        formula[0].set_color(ACCENT_3)
        return formula

    def get_meter(self, m) -> VGroup:
        mi = lambda: float(np.interp(m.get_value(), MIX, MI))
        base = np.array([1.0, -2.6, 0])
        unit = 2.3  # frame units per bit
        axis = Line(base + LEFT * 0.3, base + RIGHT * 1.6, color=MUTED)
        bar = always_redraw(lambda: Rectangle(
            width=1.0, height=max(unit * mi(), 1e-3), stroke_width=0, fill_color=ACCENT_3,
            fill_opacity=0.9).move_to(base + RIGHT * 0.3, DOWN + LEFT))
        label = MathTex(r"I(X;Y) =", font_size=LABEL_SIZE, color=ACCENT_3)
        number = DecimalNumber(mi(), num_decimal_places=2, font_size=LABEL_SIZE, color=ACCENT_3)
        bits = Tex("bits", font_size=LABEL_SIZE, color=ACCENT_3)
        readout = VGroup(label, number, bits).arrange(RIGHT, buff=0.12)
        readout.next_to(axis, RIGHT, buff=0.4).shift(UP * 0.2)
        number.add_updater(lambda n: n.set_value(mi()))
        return VGroup(axis, bar, readout)

    def show_formula(self, formula, meter):
        with self.beat("Mutual information measures how far the joint is from that "
                       "independent product: it is the KL divergence between them."):
            self.play(Write(formula), FadeOut(self.product), run_time=3)
        with self.beat("Here it is exactly zero bits."):
            self.play(Create(meter[0]), FadeIn(meter[1]), FadeIn(meter[2]))

    def show_dependence(self, m, table, meter):
        with self.beat("Now move probability onto the diagonal, keeping both marginals "
                       "fixed. X and Y start to agree, and the mutual information grows."):
            self.play(m.animate.set_value(0.5), run_time=4)
            self.play(Indicate(meter[2], color=TEXT), run_time=1.5)
        ceiling = self.get_ceiling()
        with self.beat("All the way: Y always equals X. Knowing X removes all doubt about Y, "
                       "so the mutual information equals the whole entropy of X, its "
                       "ceiling."):
            self.play(m.animate.set_value(1.0), run_time=4)
            self.play(Create(ceiling[0]), FadeIn(ceiling[1]))
            self.play(Indicate(ceiling[1], color=DIST_P), run_time=1.5)
        with self.beat("Mutual information is the number of bits one variable tells you about "
                       "the other. Feature selection ranks inputs by it, and contrastive "
                       "learning maximises a bound on it."):
            self.play(LaggedStart(*(Circumscribe(table[1][5 * i], color=ACCENT_3) for i in range(4)),
                                  lag_ratio=0.4), run_time=2.5)
            self.play(Indicate(meter[2], color=TEXT), run_time=1.5)
        self.play(FadeOut(Group(*self.mobjects)))
        show_bridge(self, MI_BRIDGE, (
            "In code: the table where Y always equals X, written as counts.",
            f"mathcore's mutual information gives {format_number(H_X, 3)} bits, the entropy "
            "of X.",
            "scikit-learn's mutual info score on the same counts works in nats; divided by the "
            "log of two it is the same number.",
        ))

    def get_ceiling(self) -> VGroup:
        base = np.array([1.0, -2.6, 0])
        unit = 2.3
        ceiling = DashedLine(base + LEFT * 0.3 + UP * unit * H_X,
                             base + RIGHT * 1.6 + UP * unit * H_X, color=DIST_P)
        label = MathTex(r"H(X) = " + format_number(H_X, 2), font_size=LABEL_SIZE,
                        color=DIST_P).next_to(ceiling, RIGHT, buff=0.15)
        return VGroup(ceiling, label)


class Lesson10TryIt(TryItScene):
    lesson = 10
