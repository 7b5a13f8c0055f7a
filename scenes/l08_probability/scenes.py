"""Lesson 08 — Probability for machine learning.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed once, here at the top, by
``mathcore.probability`` (with a fixed seed); the scenes only draw and format them.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, UR, Arrow, Axes, Circumscribe, Create, DashedLine, Dot, FadeIn, FadeOut,
    GrowFromEdge, Indicate, LaggedStart, Line, MathTex, Rectangle, ReplacementTransform,
    RoundedRectangle, Tex, Transform, Triangle, ValueTracker, VGroup, Write, always_redraw,
    linear, smooth,
)

from mathcore import probability
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT_2, ACCENT_3, BODY_SIZE, EDGE_BUFF, FAINT, LABEL_SIZE, LIKELIHOOD, MEAN, MUTED, POSTERIOR,
    PRIOR, PROB, SMALL_SIZE, SPREAD, TEXT,
)
from scenekit.widgets import format_number, get_colored_tex, get_traced_path, get_tracked_number

SEED = 8  # the only source of randomness in this lesson (the die rolls)
rng = np.random.default_rng(SEED)

# --------------------------------------------------------------------------- a loaded die
# The random variable X: each face of the die -> its number of pips.
DIE_VALUES = np.arange(1.0, 7.0)  # (6,) x = 1..6
DIE_PROBS = np.array([0.05, 0.10, 0.15, 0.20, 0.20, 0.30])  # (6,) P(X = x), loaded toward six
DIE_MEAN = probability.expectation(DIE_VALUES, DIE_PROBS)  # E[X]
DIE_VAR = probability.variance(DIE_VALUES, DIE_PROBS)  # Var[X]
DIE_STD = float(np.sqrt(DIE_VAR))
CONTRIBUTIONS = DIE_PROBS * (DIE_VALUES - DIE_MEAN) ** 2  # (6,) p_i (x_i - E[X])^2, summing to Var

# The long-run average: the sample mean after n rolls is the expectation of X
# under the empirical distribution of those n rolls (each weighted 1/n).
N_ROLLS = 150
ROLLS = rng.choice(DIE_VALUES, size=N_ROLLS, p=DIE_PROBS)  # (N,)
RUNNING_MEANS = np.array([probability.expectation(ROLLS[:n], np.full(n, 1.0 / n))
                          for n in range(1, N_ROLLS + 1)])  # (N,) x-bar_1 .. x-bar_N

# --------------------------------------------------------------------------- same mean, other spreads
# Three more distributions on 1..6 with the same mean as the loaded die: one
# tight, one wide. The chart morphs along PMF_PATH; every frame looks its
# variance up in VAR_PATH.
TIGHT_PROBS = np.array([0.0, 0.0, 0.15, 0.40, 0.45, 0.0])
WIDE_PROBS = np.array([0.25, 0.05, 0.0, 0.0, 0.25, 0.45])
KEYFRAMES = np.stack([DIE_PROBS, TIGHT_PROBS, WIDE_PROBS, DIE_PROBS])  # (4, 6)
PATH_T = np.linspace(0.0, 3.0, 181)  # the morph parameter: keyframe k at t = k
PMF_PATH = np.stack([np.interp(PATH_T, np.arange(4), KEYFRAMES[:, i]) for i in range(6)], axis=1)  # (181, 6)
MEAN_PATH = np.array([probability.expectation(DIE_VALUES, p) for p in PMF_PATH])  # constant
VAR_PATH = np.array([probability.variance(DIE_VALUES, p) for p in PMF_PATH])  # (181,)
TIGHT_VAR = probability.variance(DIE_VALUES, TIGHT_PROBS)
WIDE_VAR = probability.variance(DIE_VALUES, WIDE_PROBS)

# --------------------------------------------------------------------------- Bayes: a spam filter
HYPOTHESES = ("spam", "ham")
PRIOR_SPAM = np.array([0.3, 0.7])  # P(spam), P(ham) before reading the email
LIKELIHOOD_FREE = np.array([0.6, 0.1])  # P(contains "free" | spam), P(... | ham)
BAYES_FREE = probability.bayes_posterior(PRIOR_SPAM, LIKELIHOOD_FREE)  # joint, evidence, posterior
LIKELIHOOD_WINNER = np.array([0.3, 0.05])  # P(contains "winner" | spam), P(... | ham)
BAYES_WINNER = probability.bayes_posterior(BAYES_FREE.posterior, LIKELIHOOD_WINNER)  # second update

# --------------------------------------------------------------------------- drawing constants
CHART_ORIGIN = np.array([-6.3, -2.5, 0.0])  # where (0, 0) of the probability chart sits
X_UNIT = 1.05
Y_UNIT = 9.0  # frame units per unit of probability
BAR_WIDTH = 0.62
CONTRIB_UNIT = 1.25  # frame units per unit of squared deviation (the variance chart)
SQUARE_SIDE = 5.0  # the unit square of the Bayes scene, in frame units
SQUARE_CORNER = np.array([-6.4, -2.9, 0.0])  # its lower-left corner
SPAM_COLOR, HAM_COLOR = ACCENT_2, ACCENT_3
PANEL_LEFT = np.array([0.2, 0.0, 0.0])  # left edge of the Bayes scene's formula column

TEX_MAP = {
    r"\mathbb{E}[X]": MEAN,
    r"\mu": MEAN,
    r"\bar{x}_n": MEAN,
    r"\operatorname{Var}[X]": SPREAD,
    r"\sigma": SPREAD,
    r"P(\text{spam})": PRIOR,
    r"P(\text{free} \mid \text{spam})": LIKELIHOOD,
    r"P(\text{free} \mid \text{ham})": LIKELIHOOD,
    r"P(\text{spam} \mid \text{free})": POSTERIOR,
    r"P(\text{free})": TEXT,
}


# --------------------------------------------------------------------------- builders

def get_pmf_axes() -> Axes:
    """Axes for a distribution on 1..6: x in frame units of X_UNIT, probability up to 0.35."""
    axes = Axes(
        x_range=(0, 7, 1), y_range=(0, 0.5, 0.1), x_length=7 * X_UNIT, y_length=0.5 * Y_UNIT,
        axis_config={"color": MUTED, "include_tip": False, "font_size": LABEL_SIZE},
        x_axis_config={"numbers_to_include": list(range(1, 7))},
        y_axis_config={"numbers_to_include": [0.1, 0.2, 0.3, 0.4], "decimal_number_config":
                       {"num_decimal_places": 1}, "font_size": SMALL_SIZE},
    )
    axes.shift(CHART_ORIGIN - axes.c2p(0, 0))
    return axes


def get_bars(axes: Axes, probs, color=PROB) -> VGroup:
    """One bar per value x = 1..6, of height P(X = x)."""
    bars = VGroup()
    for x, p in zip(DIE_VALUES, probs):
        height = max(p * Y_UNIT, 1e-3)
        bar = Rectangle(width=BAR_WIDTH, height=height, stroke_width=1, stroke_color=color,
                        fill_color=color, fill_opacity=0.75)
        bar.move_to(axes.c2p(x, 0), aligned_edge=DOWN)
        bars.add(bar)
    return bars


def get_bar_labels(bars: VGroup, probs, font_size: float = SMALL_SIZE) -> VGroup:
    return VGroup(*(MathTex(format_number(p), font_size=font_size,
                            color=TEXT).next_to(bar, UP, buff=0.08)
                    for bar, p in zip(bars, probs)))


def get_envelope(width: float = 1.2) -> VGroup:
    """An email, drawn as an envelope: a rectangle and the V of its flap."""
    body = Rectangle(width=width, height=0.65 * width, stroke_color=TEXT, stroke_width=3,
                     fill_color=FAINT, fill_opacity=0.8)
    flap = VGroup(Line(body.get_corner(UP + LEFT), body.get_center() + 0.05 * width * DOWN),
                  Line(body.get_center() + 0.05 * width * DOWN, body.get_corner(UP + RIGHT)))
    return VGroup(body, flap.set_stroke(TEXT, 3))


def get_die_face(n: int, side: float = 0.7) -> VGroup:
    """A die face with ``n`` pips."""
    square = RoundedRectangle(corner_radius=0.1, width=side, height=side, stroke_color=TEXT,
                              stroke_width=2, fill_color=FAINT, fill_opacity=0.3)
    q = side * 0.27
    spots = {1: [(0, 0)], 2: [(-1, 1), (1, -1)], 3: [(-1, 1), (0, 0), (1, -1)],
             4: [(-1, 1), (1, 1), (-1, -1), (1, -1)],
             5: [(-1, 1), (1, 1), (0, 0), (-1, -1), (1, -1)],
             6: [(-1, 1), (1, 1), (-1, 0), (1, 0), (-1, -1), (1, -1)]}[n]
    pips = VGroup(*(Dot(square.get_center() + q * np.array([a, b, 0]), radius=0.05, color=TEXT)
                    for a, b in spots))
    return VGroup(square, pips)


def get_fulcrum(axes: Axes, x: float, height: float = 0.42) -> VGroup:
    """A balance point under the chart at X = x: a dashed line and a wedge."""
    top = axes.c2p(x, height)
    line = DashedLine(axes.c2p(x, 0), top, color=MEAN, stroke_width=3)
    wedge = Triangle(color=MEAN, fill_color=MEAN, fill_opacity=1).scale(0.16)
    wedge.next_to(axes.c2p(x, 0), DOWN, buff=0.42)
    return VGroup(line, wedge)


# =========================================================================== scene 1

class DieAsARandomVariable(NarratedScene):
    """A random variable maps outcomes to numbers; E[X] is the balance point and the long-run average."""

    def construct(self):
        self.axes = get_pmf_axes()
        # Step 1: outcomes of a die, mapped to numbers: that map is the random variable.
        self.show_outcomes_to_numbers()
        # Step 2: each number gets a probability: the distribution of X.
        self.show_distribution()
        # Step 3: the expectation, as the point where the bars balance.
        self.show_expectation()
        # Step 4: roll the die; the running average settles on E[X].
        self.show_long_run_average()

    def show_outcomes_to_numbers(self):
        faces = VGroup(*(get_die_face(n) for n in range(1, 7)))
        for face, x in zip(faces, DIE_VALUES):
            face.move_to(self.axes.c2p(x, 0) + 4.6 * UP)
        arrows = VGroup(*(Arrow(face.get_bottom(), self.axes.c2p(x, 0) + 0.1 * UP, buff=0.08,
                                color=MUTED, stroke_width=3, max_tip_length_to_length_ratio=0.06)
                          for face, x in zip(faces, DIE_VALUES)))
        definition = get_colored_tex(r"X : \text{outcome} \mapsto \text{number}", TEX_MAP,
                                     font_size=BODY_SIZE)
        definition.to_corner(UR, buff=EDGE_BUFF)
        with self.beat("Roll a die. The outcome is a face with some pips on it. "
                       "A random variable turns each outcome into a number."):
            self.play(LaggedStart(*(FadeIn(f, shift=0.2 * DOWN) for f in faces), lag_ratio=0.15))
            self.play(Create(self.axes), run_time=1.2)
        with self.beat("Here the random variable X simply counts the pips. Formally it is a "
                       "function, from outcomes to numbers."):
            self.play(LaggedStart(*(Create(a) for a in arrows), lag_ratio=0.1), Write(definition),
                      run_time=2)
            self.wait(0.5)
        self.faces, self.arrows, self.definition = faces, arrows, definition

    def show_distribution(self):
        bars = get_bars(self.axes, DIE_PROBS)
        labels = get_bar_labels(bars, DIE_PROBS)
        pmf = get_colored_tex(r"P(X = x)", {"P": PROB}, font_size=LABEL_SIZE)
        pmf.next_to(self.axes.c2p(0, 0.5), RIGHT, buff=0.2)
        note = Tex(r"loaded: the probabilities add up to 1", font_size=LABEL_SIZE, color=MUTED)
        note.next_to(self.definition, DOWN, buff=0.4).align_to(self.definition, RIGHT)
        with self.beat("This die is loaded. Each value of X gets a probability, drawn as a bar, "
                       "and the bars add up to one. That is the distribution of X."):
            self.play(FadeOut(self.arrows), FadeOut(self.faces, shift=0.3 * UP))
            self.play(LaggedStart(*(GrowFromEdge(b, DOWN) for b in bars), lag_ratio=0.12),
                      FadeIn(pmf), run_time=2)
            self.play(LaggedStart(*(FadeIn(l) for l in labels), lag_ratio=0.1), FadeIn(note))
        self.bars, self.bar_labels, self.note = bars, labels, note

    def show_expectation(self):
        formula = get_colored_tex(r"\mathbb{E}[X] = \sum_x x \, P(X = x)", {**TEX_MAP, "P": PROB},
                                  font_size=BODY_SIZE)
        terms = " + ".join(rf"{int(x)}\cdot{format_number(p)}" for x, p in zip(DIE_VALUES, DIE_PROBS))
        worked = MathTex(terms, font_size=LABEL_SIZE - 2, color=MUTED)
        result = get_colored_tex(rf"\mathbb{{E}}[X] = {format_number(DIE_MEAN)}", TEX_MAP,
                                 font_size=BODY_SIZE)
        card = VGroup(formula, worked, result).arrange(DOWN, buff=0.25)
        card.next_to(self.note, DOWN, buff=0.5).align_to(self.definition, RIGHT)
        with self.beat("The expectation of X is the probability-weighted average of its values: "
                       "each value times its probability, summed."):
            self.play(FadeOut(self.note), Write(formula))
            self.play(FadeIn(worked, shift=0.1 * DOWN))
        position = ValueTracker(2.0)
        fulcrum = always_redraw(lambda: get_fulcrum(self.axes, position.get_value()))
        with self.beat("Picture the bars as weights on a rod. Slide a pivot along under it: "
                       "there is exactly one point where the rod balances."):
            self.play(FadeIn(fulcrum))
            self.play(position.animate.set_value(5.6), run_time=2.2, rate_func=smooth)
            self.play(position.animate.set_value(DIE_MEAN), run_time=1.8, rate_func=smooth)
        with self.beat(f"That balance point is the expectation, {format_number(DIE_MEAN)}. It need not "
                       "be a value the die can show."):
            self.play(Write(result))
            self.play(Indicate(result, color=MEAN))
        fulcrum.clear_updaters()
        self.card, self.fulcrum = card, fulcrum

    def show_long_run_average(self):
        plot = Axes(
            x_range=(0, N_ROLLS, 50), y_range=(1, 6, 1), x_length=4.2, y_length=2.2,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
        ).add_coordinates(font_size=SMALL_SIZE)
        plot.to_corner(DOWN + RIGHT, buff=EDGE_BUFF + 0.15).shift(0.2 * UP)
        n_label = MathTex("n", font_size=LABEL_SIZE).next_to(plot.x_axis, DOWN, buff=0.35)
        n_label.align_to(plot.x_axis, RIGHT)
        y_label = get_colored_tex(r"\bar{x}_n", TEX_MAP,
                                  font_size=LABEL_SIZE).next_to(plot.y_axis, UP, buff=0.12)
        target = DashedLine(plot.c2p(0, DIE_MEAN), plot.c2p(N_ROLLS, DIE_MEAN), color=MEAN,
                            stroke_width=2, stroke_opacity=0.7)
        n_tracker = ValueTracker(0)
        points = np.column_stack([np.arange(1, N_ROLLS + 1), RUNNING_MEANS])  # (N, 2)
        path = get_traced_path(plot, points, n_tracker, MEAN, stroke_width=3, head_radius=0.06)
        with self.beat("Now roll this die over and over, and keep the average of everything "
                       "rolled so far."):
            self.play(FadeOut(self.card[:2]), self.card[2].animate.next_to(
                self.definition, DOWN, buff=0.5).align_to(self.definition, RIGHT))
            self.play(Create(plot), FadeIn(n_label), FadeIn(y_label), Create(target))
            self.add(path)
        with self.beat(f"The first rolls pull the average around. After {N_ROLLS} rolls it has settled "
                       f"near {format_number(DIE_MEAN)}: the expectation is the long-run average."):
            self.play(n_tracker.animate.set_value(N_ROLLS - 1), run_time=6, rate_func=linear)
        path.clear_updaters()
        final = get_colored_tex(rf"\bar{{x}}_{{{N_ROLLS}}} = {format_number(RUNNING_MEANS[-1])}",
                                {r"\bar{x}": MEAN}, font_size=LABEL_SIZE)
        final.next_to(plot.c2p(N_ROLLS, RUNNING_MEANS[-1]), UP, buff=0.45).align_to(plot, RIGHT)
        with self.beat(f"This run ended at {format_number(RUNNING_MEANS[-1])}. More rolls, and it "
                       "would creep closer still."):
            self.play(FadeIn(final, shift=0.1 * UP))
            self.wait(1)


# =========================================================================== scene 2

class VarianceIsSpread(NarratedScene):
    """Var[X] = E[(X - E[X])^2]: how far the values fall from the mean, on average, squared."""

    def construct(self):
        self.axes = get_pmf_axes()
        # Step 1: the loaded die again, with its mean.
        self.show_distribution_and_mean()
        # Step 2: the squared distances from the mean, weighted by probability.
        self.show_squared_deviations()
        # Step 3: they add up to the variance; its square root is the spread sigma.
        self.show_variance_and_sigma()
        # Step 4: the same mean, tighter and wider: the variance tells them apart.
        self.show_reshaping()

    def show_distribution_and_mean(self):
        self.bars = get_bars(self.axes, DIE_PROBS)
        self.mean_line = get_fulcrum(self.axes, DIE_MEAN, height=0.5)[0]
        mean_label = get_colored_tex(rf"\mu = {format_number(DIE_MEAN)}", TEX_MAP, font_size=LABEL_SIZE)
        mean_label.next_to(self.mean_line, UP, buff=0.1)
        with self.beat("Back to the loaded die. Its expectation, the mean, was "
                       f"{format_number(DIE_MEAN)}. Call it mu."):
            self.play(Create(self.axes), FadeIn(self.bars))
            self.play(Create(self.mean_line), FadeIn(mean_label))
        self.mean_label = mean_label

    def show_squared_deviations(self):
        definition = get_colored_tex(r"\operatorname{Var}[X] = \mathbb{E}\big[(X - \mu)^2\big]",
                                     TEX_MAP,
                                     font_size=BODY_SIZE)
        expanded = get_colored_tex(r"= \sum_x (x - \mu)^2 \, P(X = x)", {**TEX_MAP, "P": PROB},
                                   font_size=BODY_SIZE)
        formulas = VGroup(definition, expanded).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        formulas.to_corner(UR, buff=EDGE_BUFF)
        deviations = VGroup()
        for x, bar in zip(DIE_VALUES, self.bars):
            y = bar.get_top()[1] + 0.12
            deviations.add(Line([self.axes.c2p(DIE_MEAN, 0)[0], y, 0], [bar.get_center()[0], y, 0],
                                color=SPREAD, stroke_width=3))
        with self.beat("The variance asks: how far from the mean does X land, on average? "
                       "We square each distance, so left and right both count."):
            self.play(Write(definition))
            self.play(LaggedStart(*(Create(d) for d in deviations), lag_ratio=0.1), run_time=1.5)
        # The contributions p (x - mu)^2 as a second bar chart, on the right.
        contrib_axes = Axes(
            x_range=(0, 8, 1), y_range=(0, 2.5, 0.5), x_length=4.8, y_length=2.5 * CONTRIB_UNIT,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
            x_axis_config={"numbers_to_include": list(range(1, 7))},
            y_axis_config={"numbers_to_include": [1, 2]},
        )
        contrib_axes.next_to(formulas, DOWN, buff=0.75).align_to(formulas, RIGHT)
        contrib_bars = VGroup()
        for x, c in zip(DIE_VALUES, CONTRIBUTIONS):
            bar = Rectangle(width=0.4, height=max(c * CONTRIB_UNIT, 1e-3), stroke_width=1,
                            stroke_color=SPREAD, fill_color=SPREAD, fill_opacity=0.75)
            contrib_bars.add(bar.move_to(contrib_axes.c2p(x, 0), aligned_edge=DOWN))
        contrib_title = get_colored_tex(r"(x - \mu)^2 \, P(X = x)", {r"\mu": MEAN, "P": PROB},
                                        font_size=LABEL_SIZE)
        contrib_title.next_to(contrib_axes, UP, buff=0.2)
        with self.beat("Weight each squared distance by its probability. Far values count "
                       "most, even when they are rare, like the one at the far left."):
            self.play(Write(expanded))
            self.play(Create(contrib_axes), FadeIn(contrib_title))
            self.play(LaggedStart(*(GrowFromEdge(b, DOWN) for b in contrib_bars), lag_ratio=0.12),
                      run_time=1.8)
        self.formulas, self.deviations = formulas, deviations
        self.contrib = VGroup(contrib_axes, contrib_bars, contrib_title)
        self.contrib_bars = contrib_bars

    def show_variance_and_sigma(self):
        stack = VGroup()
        for bar in self.contrib_bars:
            stack.add(bar.copy())
        target = VGroup(*(b.copy() for b in self.contrib_bars)).arrange(UP, buff=0)
        target.move_to(self.contrib[0].c2p(7.2, 0), aligned_edge=DOWN)
        result = get_colored_tex(rf"\operatorname{{Var}}[X] = {format_number(DIE_VAR)}", TEX_MAP,
                                 font_size=BODY_SIZE)
        sigma = get_colored_tex(r"\sigma = \sqrt{\operatorname{Var}[X]} = "
                                rf"{format_number(DIE_STD)}", TEX_MAP,
                                font_size=BODY_SIZE)
        results = VGroup(result, sigma).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        results.next_to(self.contrib, DOWN, buff=0.35).align_to(self.formulas, LEFT)
        with self.beat(f"Stack them up, and the total is the variance: {format_number(DIE_VAR)}."):
            self.play(ReplacementTransform(stack, target), run_time=1.5)
            self.play(Write(result))
        bracket = self.get_sigma_bracket(DIE_STD)
        with self.beat("Its square root, sigma, is back in the units of X. "
                       f"Mu plus or minus sigma spans {format_number(DIE_MEAN - DIE_STD)} to "
                       f"{format_number(DIE_MEAN + DIE_STD)}: the typical spread around the mean."):
            self.play(Write(sigma))
            self.play(FadeOut(self.deviations), Create(bracket))
            self.wait(0.5)
        self.results, self.stack, self.bracket = results, target, bracket

    def get_sigma_bracket(self, std: float) -> VGroup:
        y = self.axes.c2p(0, 0)[1] - 0.75
        left = np.array([self.axes.c2p(DIE_MEAN - std, 0)[0], y, 0])
        right = np.array([self.axes.c2p(DIE_MEAN + std, 0)[0], y, 0])
        bar = Line(left, right, color=SPREAD, stroke_width=5)
        ends = VGroup(*(Line(p + 0.12 * UP, p + 0.12 * DOWN, color=SPREAD, stroke_width=5)
                        for p in (left, right)))
        return VGroup(bar, ends)

    def show_reshaping(self):
        t = ValueTracker(0.0)

        def lookup(array):
            return lambda: array[int(round(t.get_value() * 60))]

        bars = always_redraw(lambda: get_bars(self.axes, lookup(PMF_PATH)()))
        bracket = always_redraw(lambda: self.get_sigma_bracket(float(np.sqrt(lookup(VAR_PATH)()))))
        var_text = get_colored_tex(r"\operatorname{Var}[X] =", TEX_MAP, font_size=BODY_SIZE)
        var_number = get_tracked_number(t, decimals=2, color=SPREAD, font_size=BODY_SIZE,
                                        value=lambda s: VAR_PATH[int(round(s * 60))])
        readout = VGroup(var_text, var_number).arrange(RIGHT, buff=0.15)
        readout.next_to(self.formulas, DOWN, buff=0.6).align_to(self.formulas, LEFT)
        var_number.add_updater(lambda m: m.next_to(var_text, RIGHT, buff=0.15))
        with self.beat("Now keep the mean fixed and reshape the distribution."):
            self.play(FadeOut(self.contrib), FadeOut(self.stack), FadeOut(self.results))
            self.remove(self.bars, self.bracket)
            self.add(bars, bracket)
            self.play(FadeIn(readout))
        with self.beat(f"Pile the probability close to the mean, and the variance shrinks to "
                       f"{format_number(TIGHT_VAR)}."):
            self.play(t.animate.set_value(1.0), run_time=2.5)
            self.wait(0.5)
        with self.beat(f"Push it out to the two ends, and it grows to {format_number(WIDE_VAR)}. "
                       "The balance point never moved."):
            self.play(t.animate.set_value(2.0), run_time=2.5)
            self.play(Indicate(self.mean_label, color=MEAN))
        with self.beat("Mean says where a distribution sits; variance says how widely it spreads. "
                       "Most of machine learning's uncertainty talk is built on these two numbers."):
            self.play(t.animate.set_value(3.0), run_time=2.5)
            self.wait(1)
        for m in (bars, bracket, var_number):
            m.clear_updaters()


# =========================================================================== scene 3

class BayesShrinksTheSquare(NarratedScene):
    """Conditional probability and Bayes' theorem as areas of a unit square."""

    def construct(self):
        # Step 1: the unit square: all emails, total probability one.
        self.show_square()
        # Step 2: the prior splits it into spam and ham columns.
        self.show_prior()
        # Step 3: within each column, the fraction that says "free": the likelihood.
        self.show_likelihood()
        # Step 4: the evidence arrives; everything inconsistent with it disappears.
        self.show_evidence()
        # Step 5: renormalise: the survivors fill the square again. That is Bayes' theorem.
        self.show_renormalise()
        # Step 6: a second word, a second update: yesterday's posterior is today's prior.
        self.show_second_update()

    # ------------------------------------------------------------------ helpers
    def point(self, u: float, v: float) -> np.ndarray:
        """Frame point at fraction (u, v) of the unit square."""
        return SQUARE_CORNER + SQUARE_SIDE * np.array([u, v, 0.0])

    def get_block(self, u0, u1, v0, v1, color, opacity=0.7) -> Rectangle:
        rect = Rectangle(width=(u1 - u0) * SQUARE_SIDE, height=max((v1 - v0) * SQUARE_SIDE, 1e-3),
                         stroke_color=TEXT, stroke_width=2, fill_color=color, fill_opacity=opacity)
        return rect.move_to(self.point(u0, v0), aligned_edge=DOWN + LEFT)

    def get_columns(self, weights, opacity=0.35) -> VGroup:
        edges = np.concatenate([[0.0], np.cumsum(weights)])
        return VGroup(*(self.get_block(edges[i], edges[i + 1], 0, 1, color, opacity)
                        for i, color in enumerate((SPAM_COLOR, HAM_COLOR))))

    def get_column_labels(self, weights, color=PRIOR) -> VGroup:
        edges = np.concatenate([[0.0], np.cumsum(weights)])
        labels = VGroup()
        for i, name in enumerate(HYPOTHESES):
            label = Tex(rf"{name}\\ {format_number(weights[i])}", font_size=LABEL_SIZE)
            label[0][:len(name)].set_color((SPAM_COLOR, HAM_COLOR)[i])
            label[0][len(name):].set_color(color)
            labels.add(label.next_to(self.point((edges[i] + edges[i + 1]) / 2, 1), UP, buff=0.15))
        return labels

    def get_panel_formula(self, text: str, font_size=LABEL_SIZE, colors=None) -> MathTex:
        return get_colored_tex(text, TEX_MAP if colors is None else colors, font_size=font_size)

    # ------------------------------------------------------------------ steps
    def show_square(self):
        self.square = self.get_block(0, 1, 0, 1, FAINT, opacity=0.25)
        caption = Tex("every email: total area 1", font_size=LABEL_SIZE, color=MUTED)
        caption.next_to(self.square, DOWN, buff=0.2)
        outline = self.square.copy().set_fill(opacity=0)
        email = get_envelope().move_to(self.square)
        with self.beat("A spam filter reads an email. Let this square stand for every email "
                       "it could be reading. Its area is one: probability is area."):
            # one email; then all of them, the square; then its area filling in
            self.play(FadeIn(email, shift=0.3 * UP))
            self.play(Create(outline), email.animate.scale(0.35).move_to(self.point(0.8, 0.8)),
                      run_time=1.5)
            self.play(GrowFromEdge(self.square, DOWN), FadeIn(caption), FadeOut(email),
                      run_time=1.5)
            self.remove(outline)
        self.caption = caption

    def show_prior(self):
        self.columns = self.get_columns(PRIOR_SPAM)
        self.column_labels = self.get_column_labels(PRIOR_SPAM)
        prior = self.get_panel_formula(rf"P(\text{{spam}}) = {format_number(PRIOR_SPAM[0])}")
        prior.move_to(PANEL_LEFT + 3.3 * UP, aligned_edge=LEFT)
        note = Tex("prior: before reading", font_size=SMALL_SIZE, color=PRIOR)
        note.next_to(prior, DOWN, buff=0.12).align_to(prior, LEFT)
        with self.beat(f"Before reading a word, {int(100 * PRIOR_SPAM[0])} percent of email is "
                       "spam. Split the square into two columns with those widths. "
                       "This is the prior."):
            self.play(FadeIn(self.columns), FadeOut(self.square))
            self.play(FadeIn(self.column_labels), Write(prior), FadeIn(note))
        self.prior_formula, self.prior_note = prior, note

    def show_likelihood(self):
        edges = np.concatenate([[0.0], np.cumsum(PRIOR_SPAM)])
        self.shaded = VGroup(*(self.get_block(edges[i], edges[i + 1], 0, LIKELIHOOD_FREE[i],
                                              (SPAM_COLOR, HAM_COLOR)[i], opacity=0.95)
                               for i in range(2)))
        likelihood = VGroup(
            self.get_panel_formula(r"P(\text{free} \mid \text{spam}) = "
                                   rf"{format_number(LIKELIHOOD_FREE[0])}"),
            self.get_panel_formula(r"P(\text{free} \mid \text{ham}) = "
                                   rf"{format_number(LIKELIHOOD_FREE[1])}"),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        likelihood.next_to(self.prior_note, DOWN, buff=0.45).align_to(self.prior_formula, LEFT)
        with self.beat(f"Spam often says the word free: {int(100 * LIKELIHOOD_FREE[0])} percent "
                       "of spam does. Shade that fraction of the spam column."):
            self.play(GrowFromEdge(self.shaded[0], DOWN), Write(likelihood[0]), run_time=1.5)
        with self.beat(f"Only {int(100 * LIKELIHOOD_FREE[1])} percent of honest mail, ham, says "
                       "free. These are conditional probabilities: a fraction of one column, "
                       "not of the whole square."):
            self.play(GrowFromEdge(self.shaded[1], DOWN), Write(likelihood[1]), run_time=1.5)
            # the fraction is of the ham column alone: outline that column, then the formula
            self.play(Circumscribe(self.columns[1], color=HAM_COLOR, buff=0.05))
            self.play(Indicate(likelihood[1], color=HAM_COLOR),
                      Indicate(self.shaded[1], color=TEXT, scale_factor=1))
        self.likelihood = likelihood

    def show_evidence(self):
        unshaded = VGroup(*(self.get_block(
            np.concatenate([[0.0], np.cumsum(PRIOR_SPAM)])[i],
            np.cumsum(PRIOR_SPAM)[i], LIKELIHOOD_FREE[i], 1, (SPAM_COLOR, HAM_COLOR)[i], 0.35)
            for i in range(2)))
        joint_labels = VGroup(*(MathTex(format_number(BAYES_FREE.joint[i]), font_size=LABEL_SIZE,
                                        color=TEXT)
                                .move_to(self.shaded[i]) for i in range(2)))
        evidence = self.get_panel_formula(
            rf"P(\text{{free}}) = {format_number(BAYES_FREE.joint[0])} + "
            rf"{format_number(BAYES_FREE.joint[1])} = {format_number(BAYES_FREE.evidence)}")
        evidence.next_to(self.likelihood, DOWN, buff=0.45).align_to(self.prior_formula, LEFT)
        new_caption = Tex(r"emails that say ``free''", font_size=LABEL_SIZE, color=MUTED)
        new_caption.move_to(self.caption)
        self.add(unshaded)
        self.remove(self.columns)
        with self.beat("Now the evidence arrives: this email does say free. Every email that "
                       "does not is ruled out. The world shrinks to the shaded strips."):
            self.play(Transform(self.caption, new_caption), Indicate(self.likelihood, color=TEXT))
            self.play(FadeOut(unshaded), FadeOut(self.column_labels), run_time=1.5)
            self.play(*(Circumscribe(strip, color=TEXT, buff=0.04) for strip in self.shaded))
        with self.beat(f"Their areas are the joint probabilities: {format_number(BAYES_FREE.joint[0])} "
                       f"for spam, {format_number(BAYES_FREE.joint[1])} for ham. Together, "
                       f"{format_number(BAYES_FREE.evidence)}: the probability of the evidence."):
            # each strip's area lights up as its number appears, then their sum
            for strip, label in zip(self.shaded, joint_labels):
                self.play(FadeIn(label), Indicate(strip, color=TEXT, scale_factor=1))
            self.play(Write(evidence))
        self.joint_labels, self.evidence = joint_labels, evidence

    def show_renormalise(self):
        post = BAYES_FREE.posterior
        filled = self.get_columns(post, opacity=0.95)
        labels = self.get_column_labels(post, color=POSTERIOR)
        bayes = self.get_panel_formula(
            r"P(\text{spam} \mid \text{free}) = "
            r"\frac{P(\text{free} \mid \text{spam})\, P(\text{spam})}{P(\text{free})}",
            font_size=LABEL_SIZE)
        value = self.get_panel_formula(
            rf"= \frac{{{format_number(BAYES_FREE.joint[0])}}}{{{format_number(BAYES_FREE.evidence)}}} "
            rf"= {format_number(post[0])}",
            colors={})
        value[0][-len(format_number(post[0])):].set_color(POSTERIOR)
        block = VGroup(bayes, value).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        block.next_to(self.evidence, DOWN, buff=0.5).align_to(self.prior_formula, LEFT)
        caption = Tex(r"renormalised: total area 1 again", font_size=LABEL_SIZE, color=MUTED)
        caption.move_to(self.caption)
        with self.beat("Conditioning means: keep only what survived, and stretch it back to "
                       "area one. Divide each piece by the evidence."):
            self.play(ReplacementTransform(self.shaded, filled), FadeOut(self.joint_labels),
                      Transform(self.caption, caption), run_time=2)
            self.play(FadeIn(labels))
        with self.beat(f"The spam column now fills {int(round(100 * post[0]))} percent of the square. "
                       "That is Bayes' theorem: likelihood times prior, divided by the evidence."):
            self.play(Indicate(filled[0], color=TEXT, scale_factor=1))
            self.play(Write(bayes))
            self.play(Write(value))
            self.play(Indicate(labels[0], color=POSTERIOR))
        self.columns, self.column_labels, self.bayes_block = filled, labels, block

    def show_second_update(self):
        prior = BAYES_FREE.posterior
        post = BAYES_WINNER.posterior
        edges = np.concatenate([[0.0], np.cumsum(prior)])
        shaded = VGroup(*(self.get_block(edges[i], edges[i + 1], 0, LIKELIHOOD_WINNER[i],
                                         (SPAM_COLOR, HAM_COLOR)[i], opacity=0.95)
                          for i in range(2)))
        faded = self.get_columns(prior, opacity=0.3)
        colors = {r"P(\text{winner} \mid \text{spam})": LIKELIHOOD,
                  r"P(\text{winner} \mid \text{ham})": LIKELIHOOD}
        likelihood = VGroup(*(self.get_panel_formula(
            rf"P(\text{{winner}} \mid \text{{{name}}}) = "
            rf"{format_number(LIKELIHOOD_WINNER[i])}", colors=colors)
            for i, name in enumerate(HYPOTHESES))).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        likelihood.next_to(self.bayes_block, DOWN, buff=0.45).align_to(self.prior_formula, LEFT)
        with self.beat("Then the filter reads a second word: winner. Yesterday's posterior "
                       "becomes today's prior. Shade the part of each column that says winner."):
            self.play(FadeOut(self.column_labels), Transform(self.columns, faded))
            self.play(FadeIn(shaded), FadeIn(likelihood))
        filled = self.get_columns(post, opacity=0.95)
        labels = self.get_column_labels(post, color=POSTERIOR)
        with self.beat(f"Rule out the rest, renormalise, and spam now fills "
                       f"{int(round(100 * post[0]))} percent. Each piece of evidence shrinks the "
                       "square, and dividing by the evidence restores it."):
            self.play(FadeOut(self.columns), run_time=0.8)
            self.play(ReplacementTransform(shaded, filled), run_time=1.8)
            self.play(FadeIn(labels))
            self.wait(1)


# =========================================================================== scene 4

class Lesson08TryIt(TryItScene):
    lesson = 8
