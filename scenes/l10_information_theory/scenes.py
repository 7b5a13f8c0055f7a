"""Lesson 10: information theory.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed below, once, by ``mathcore.information``
from fixed distributions. Everything is in bits (``base=2``).
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, Circumscribe, Create, DashedLine, DecimalNumber, FadeIn, FadeOut, Indicate, Line,
    LaggedStart, MathTex, Rectangle, ReplacementTransform, Tex, Text, Transform, TransformFromCopy, ValueTracker, VGroup,
    Write, always_redraw,
)

from mathcore.information import cross_entropy, entropy, kl_divergence, mutual_information
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, ACCENT_3, BODY_SIZE, DIST_P, DIST_Q, EDGE_BUFF, LABEL_SIZE, MUTED, SMALL_SIZE, TEXT,
)
from scenekit.widgets import format_number, get_bar_row, get_matrix_heat_map, lookup_rows

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

# Scene 2: a true distribution p with two likely outcomes, a model q that spreads out.
P_TRUE = np.array([0.49, 0.49, 0.01, 0.01])
Q_MODEL = np.array([0.25, 0.25, 0.25, 0.25])
H_P = entropy(P_TRUE, base=BITS)
H_PQ = cross_entropy(P_TRUE, Q_MODEL, base=BITS)
KL_PQ = kl_divergence(P_TRUE, Q_MODEL, base=BITS)
KL_QP = kl_divergence(Q_MODEL, P_TRUE, base=BITS)
LABEL = np.array([1.0, 0.0, 0.0, 0.0])  # a one-hot classification label
CLASSIFIER_Q = np.array([0.7, 0.1, 0.1, 0.1])
CLASSIFIER_LOSS = cross_entropy(LABEL, CLASSIFIER_Q, base=np.e)  # = -ln 0.7, the usual loss

# Scene 3: a joint table whose marginals stay fixed while X and Y become dependent.
MARGINAL = np.array([0.4, 0.3, 0.2, 0.1])
INDEPENDENT = np.outer(MARGINAL, MARGINAL)  # (4, 4) p(x) p(y)
DEPENDENT = np.diag(MARGINAL)  # (4, 4) Y = X, same marginals
MIX = np.linspace(0.0, 1.0, 101)  # (n_m,)
JOINTS = np.stack([(1 - m) * INDEPENDENT + m * DEPENDENT for m in MIX])  # (n_m, 4, 4)
MI = np.array([mutual_information(j, base=BITS) for j in JOINTS])  # (n_m,)
H_X = entropy(MARGINAL, base=BITS)  # the ceiling: I(X; Y) <= H(X)

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
            self.wait(1)

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
            self.wait(1.5)

    def show_extremes(self, s):
        with self.beat("Make the forecast nearly certain: sun at ninety seven percent. The "
                       "likely outcome carries almost no surprise, the unlikely ones are huge "
                       "but almost never happen, so entropy falls towards zero."):
            self.play(s.animate.set_value(1.0), run_time=4)
            self.wait(1.5)
        with self.beat("Now make every outcome equally likely. Each one surprises by exactly "
                       "two bits, and entropy reaches its maximum, log two of four, two bits."):
            self.play(s.animate.set_value(2.0), run_time=4)
            self.wait(1.5)

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
        # Step 4: swap the arguments: KL is not symmetric.
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
        with self.beat("Here is a true distribution p, in blue: two outcomes are likely, two "
                       "are almost impossible."):
            self.play(Create(axis), FadeIn(names), FadeIn(legend[0]))
            self.play(FadeIn(p_bars, shift=0.2 * UP))
        with self.beat("And a model q, in orange, that spreads its bets evenly over all "
                       "four."):
            self.play(FadeIn(legend[1]), FadeIn(q_bars, shift=0.2 * UP))

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
        with self.beat("KL of p from q only looks where p has mass. That is why fitting with "
                       "one direction covers every mode, and with the other locks onto one."):
            self.play(Write(by_p), Indicate(p_bars[:2], color=TEXT, scale_factor=1), run_time=1.5)
            self.play(Indicate(by_p[1], color=DIST_P))
            self.play(Indicate(VGroup(pq, pq_label), color=TEXT, scale_factor=1))
            self.play(Indicate(VGroup(qp, qp_label), color=TEXT, scale_factor=1))


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
        self.show_dependence(m, table)

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

    def show_dependence(self, m, table):
        with self.beat("Now move probability onto the diagonal, keeping both marginals "
                       "fixed. X and Y start to agree, and the mutual information grows."):
            self.play(m.animate.set_value(0.5), run_time=4)
            self.wait(1)
        ceiling = self.get_ceiling()
        with self.beat("All the way: Y always equals X. Knowing X removes all doubt about Y, "
                       "so the mutual information equals the whole entropy of X, its "
                       "ceiling."):
            self.play(m.animate.set_value(1.0), run_time=4)
            self.play(Create(ceiling[0]), FadeIn(ceiling[1]))
            self.wait(1.5)
        with self.beat("Mutual information is the number of bits one variable tells you about "
                       "the other."):
            self.wait(2.5)

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
