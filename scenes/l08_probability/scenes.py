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
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_beats import show_bridge
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT_2, ACCENT_3, BODY_SIZE, EDGE_BUFF, FAINT, LABEL_SIZE, LIKELIHOOD, MEAN, MUTED, POSTERIOR,
    PRIOR, PROB, SMALL_SIZE, SPREAD, TEXT,
)
from scenekit.widgets import (
    format_number, get_colored_tex, get_sampled_curve, get_traced_path, get_tracked_number,
)

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

EXPECTATION = Bridge(
    formula=r"\mathbb{E}[X] = \sum_x x\, P(X = x)",
    setup=("x = np.arange(1.0, 7.0)\n"
           f"p = np.array({DIE_PROBS.tolist()})"),
    mathcore=Snippet("probability.expectation(x, p)"),
    library=Snippet("np.average(x, weights=p)"),
    decimals=2,
)

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

# --------------------------------------------------------------------------- linearity of expectation
# Two rolls of the loaded die, added: S = X1 + X2 on 2..12. Independent rolls give
# the convolution of the die's distribution with itself; a second die that copies
# the first gives S = 2X. Both balance at 2 E[X].
SUM_VALUES = np.arange(2.0, 13.0)  # (11,)
SUM_PROBS = np.convolve(DIE_PROBS, DIE_PROBS)  # (11,) P(X1 + X2 = s), independent rolls
SUM_MEAN = probability.expectation(SUM_VALUES, SUM_PROBS)
DOUBLE_PROBS = np.zeros(11)
DOUBLE_PROBS[::2] = DIE_PROBS  # (11,) P(2X = s): only even totals
DOUBLE_MEAN = probability.expectation(SUM_VALUES, DOUBLE_PROBS)
# A classifier right on each of N_TEST examples with probability P_RIGHT: the number
# right is a sum of Bernoullis, binomially distributed, with mean N_TEST * P_RIGHT.
N_TEST, P_RIGHT = 40, 0.85
BERNOULLI_MEAN = probability.expectation([0.0, 1.0], [1 - P_RIGHT, P_RIGHT])
COUNT_VALUES = np.arange(N_TEST + 1.0)  # (41,)
COUNT_PROBS = probability.binomial_pmf(N_TEST, P_RIGHT)  # (41,)
COUNT_MEAN = probability.expectation(COUNT_VALUES, COUNT_PROBS)
LINEARITY = Bridge(
    formula=r"\mathbb{E}\Big[\sum_{i=1}^{n} X_i\Big] = \sum_{i=1}^{n} \mathbb{E}[X_i] = n p",
    setup=f"n, p = {N_TEST}, {P_RIGHT}",
    mathcore=Snippet("bern = [1 - p, p]\n"
                     "n * probability.expectation([0, 1], bern)"),
    library=Snippet("from scipy.stats import binom\n"
                    "binom(n, p).mean()", needs="scipy"),
    decimals=2,
)

# --------------------------------------------------------------------------- Var = E[X^2] - mu^2
DIE_SECOND_MOMENT = probability.expectation(DIE_VALUES ** 2, DIE_PROBS)  # E[X^2]
SHORTCUT_VAR = DIE_SECOND_MOMENT - DIE_MEAN ** 2  # equals DIE_VAR
ROLL_WEIGHTS = np.full(N_ROLLS, 1.0 / N_ROLLS)  # the empirical distribution of the rolls
ROLL_VAR = (probability.expectation(ROLLS ** 2, ROLL_WEIGHTS)
            - probability.expectation(ROLLS, ROLL_WEIGHTS) ** 2)
SHORTCUT = Bridge(
    formula=r"\operatorname{Var}[X] = \mathbb{E}[X^2] - \mu^2",
    setup=(f"rng = np.random.default_rng({SEED})\n"
           f"x = rng.choice(np.arange(1.0, 7.0), size={N_ROLLS},\n"
           f"               p={DIE_PROBS.tolist()})"),
    mathcore=Snippet("w = np.full(len(x), 1 / len(x))\n"
                     "m2 = probability.expectation(x**2, w)\n"
                     "m2 - probability.expectation(x, w)**2"),
    library=Snippet("np.var(x, ddof=0)"),
    decimals=3,
)

# --------------------------------------------------------------------------- continuous: a density
# A model's prediction errors, Gaussian with standard deviation ERROR_STD. Histograms
# at four bin widths, all drawn on the finest grid (a coarse bin repeats its height).
ERROR_STD = 0.2
N_ERRORS = 20_000
ERRORS = rng.normal(0.0, ERROR_STD, size=N_ERRORS)  # (N,)
HIST_RANGE = (-0.8, 0.8)
FINE_BINS = 128
BIN_WIDTHS = (0.1, 0.05, 0.025, 0.0125)
FINE_EDGES = np.linspace(*HIST_RANGE, FINE_BINS + 1)  # (129,)


def histogram_on_fine_grid(width: float) -> tuple[np.ndarray, np.ndarray]:
    """(share, density) of the errors in bins of ``width``, repeated onto the fine bins."""
    n_bins = int(round((HIST_RANGE[1] - HIST_RANGE[0]) / width))
    counts, _ = np.histogram(ERRORS, bins=n_bins, range=HIST_RANGE)
    share = np.repeat(counts / N_ERRORS, FINE_BINS // n_bins)  # (128,)
    return share, share / width


HISTOGRAMS = [histogram_on_fine_grid(w) for w in BIN_WIDTHS]  # shares and densities
DENSITY_X = np.linspace(*HIST_RANGE, 321)
DENSITY_Y = probability.normal_pdf(DENSITY_X, 0.0, ERROR_STD)  # (321,)
DENSITY_PEAK = probability.normal_pdf(0.0, 0.0, ERROR_STD)  # 1.99: more than one
INTERVAL = (-ERROR_STD, ERROR_STD)
INTERVAL_PROB = probability.interval_probability(
    lambda x: probability.normal_pdf(x, 0.0, ERROR_STD), *INTERVAL)
INTERVAL_SHARE = float(np.mean(np.abs(ERRORS) <= ERROR_STD))  # the samples' own answer
DENSITY = Bridge(
    formula=r"P(a \le X \le b) = \int_a^b f(x)\, dx",
    setup=f"a, b, s = {INTERVAL[0]}, {INTERVAL[1]}, {ERROR_STD}",
    mathcore=Snippet("pdf = probability.normal_pdf\n"
                     "f = lambda x: pdf(x, 0, s)\n"
                     "probability.interval_probability(f, a, b)"),
    library=Snippet("from scipy.stats import norm\n"
                    "norm.cdf(b, 0, s) - norm.cdf(a, 0, s)", needs="scipy"),
    decimals=3,
)

# --------------------------------------------------------------------------- Bayes: a spam filter
HYPOTHESES = ("spam", "ham")
PRIOR_SPAM = np.array([0.3, 0.7])  # P(spam), P(ham) before reading the email
LIKELIHOOD_FREE = np.array([0.6, 0.1])  # P(contains "free" | spam), P(... | ham)
BAYES_FREE = probability.bayes_posterior(PRIOR_SPAM, LIKELIHOOD_FREE)  # joint, evidence, posterior
LIKELIHOOD_WINNER = np.array([0.3, 0.05])  # P(contains "winner" | spam), P(... | ham)
BAYES_WINNER = probability.bayes_posterior(BAYES_FREE.posterior, LIKELIHOOD_WINNER)  # second update

# Two words in one update: the product of the likelihoods, which is what the two
# updates in a row compute when the words are independent given the class.
NAIVE_JOINT = PRIOR_SPAM * LIKELIHOOD_FREE * LIKELIHOOD_WINNER  # (2,)
NAIVE_POSTERIOR = NAIVE_JOINT / NAIVE_JOINT.sum()  # equals BAYES_WINNER.posterior
TWO_WORDS = Bridge(
    formula=(r"P(\text{spam} \mid f, w) \propto "
             r"P(f \mid \text{spam})\, P(w \mid \text{spam})\, P(\text{spam})"),
    setup=(f"prior = np.array({PRIOR_SPAM.tolist()})\n"
           f"l_free = np.array({LIKELIHOOD_FREE.tolist()})\n"
           f"l_win = np.array({LIKELIHOOD_WINNER.tolist()})"),
    mathcore=Snippet("bayes = probability.bayes_posterior\n"
                     "p1 = bayes(prior, l_free).posterior\n"
                     "bayes(p1, l_win).posterior"),
    library=Snippet("joint = prior * l_free * l_win\n"
                    "joint / joint.sum()"),
    decimals=3,
)

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


def get_bars(axes: Axes, probs, color=PROB, values=DIE_VALUES, width: float = BAR_WIDTH) -> VGroup:
    """One bar per value x (by default 1..6), of height P(X = x) on ``axes``."""
    bars = VGroup()
    unit = axes.c2p(0, 1)[1] - axes.c2p(0, 0)[1]  # frame units per unit of probability
    for x, p in zip(values, probs):
        height = max(p * unit, 1e-3)
        bar = Rectangle(width=width, height=height, stroke_width=1, stroke_color=color,
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
        # Step 5: formula -> mathcore -> np.average with weights.
        self.play(*(FadeOut(m) for m in self.mobjects))
        show_bridge(self, EXPECTATION, (
            "Here is the expectation three ways. The formula: each value times its probability, "
            "summed.",
            "The mathcore line takes the six values and their probabilities: "
            f"{format_number(DIE_MEAN)}.",
            "NumPy's average, weighted by the probabilities, is the same call a practitioner "
            "writes for a weighted mean: the same number."))

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

class LinearityOfExpectation(NarratedScene):
    """E[X + Y] = E[X] + E[Y], with or without independence; counts of successes; a bridge."""

    def construct(self):
        self.axes = self.get_sum_axes()
        # Step 1: roll the loaded die twice and add: the distribution of the sum.
        self.show_sum_distribution()
        # Step 2: its balance point is E[X1] + E[X2]; the two-line reason why.
        self.show_sum_of_means()
        self.show_derivation()
        # Step 3: a copying second die: another distribution, the same balance point.
        self.show_dependent_copy()
        # Step 4: where ML uses it: counts of correct answers, minibatch gradients.
        self.show_counts()
        # Step 5: formula -> mathcore -> scipy.stats.binom.
        show_bridge(self, LINEARITY, (
            "Here it is three ways. The formula: the expectation of a sum of n Bernoullis is n "
            "times p.",
            f"The mathcore line takes one Bernoulli's expectation, {format_number(P_RIGHT)}, and "
            f"multiplies by {N_TEST}: {format_number(COUNT_MEAN)}.",
            "SciPy's binom object is the whole distribution of the count, and its mean is the "
            "same number."))

    # ------------------------------------------------------------------ builders
    def get_sum_axes(self) -> Axes:
        axes = Axes(
            x_range=(1, 13, 1), y_range=(0, 0.35, 0.1), x_length=6.6, y_length=4.2,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
            x_axis_config={"numbers_to_include": list(range(2, 13))},
            y_axis_config={"numbers_to_include": [0.1, 0.2, 0.3], "decimal_number_config":
                           {"num_decimal_places": 1}},
        )
        axes.shift(CHART_ORIGIN + 0.2 * RIGHT - axes.c2p(1, 0))
        return axes

    # ------------------------------------------------------------------ steps
    def show_sum_distribution(self):
        dice = VGroup(get_die_face(4, side=0.6), MathTex("+", font_size=BODY_SIZE, color=TEXT),
                      get_die_face(6, side=0.6)).arrange(RIGHT, buff=0.25)
        sum_def = get_colored_tex(r"S = X_1 + X_2", TEX_MAP, font_size=BODY_SIZE)
        header = VGroup(dice, sum_def).arrange(RIGHT, buff=0.5).to_corner(UR, buff=EDGE_BUFF)
        self.bars = get_bars(self.axes, SUM_PROBS, values=SUM_VALUES, width=0.36)
        label = get_colored_tex(r"P(S = s)", {"P": PROB}, font_size=LABEL_SIZE)
        label.next_to(self.axes.c2p(1, 0.35), RIGHT, buff=0.2)
        with self.beat("Expectation has one property that machine learning leans on all the "
                       "time: it is linear. To see it, roll the loaded die twice and add the two "
                       "numbers."):
            self.play(FadeIn(dice, shift=0.2 * DOWN), Write(sum_def))
            self.play(Create(self.axes), FadeIn(label), run_time=1.5)
        with self.beat("The sum runs from two to twelve. Its distribution takes some work: for "
                       "every total, add up the chances of every pair of faces that makes it."):
            self.play(LaggedStart(*(GrowFromEdge(b, DOWN) for b in self.bars), lag_ratio=0.1),
                      run_time=2.5)
            self.play(Indicate(self.bars[8], color=TEXT, scale_factor=1.1))
        self.header, self.bar_label = header, label

    def show_sum_of_means(self):
        position = ValueTracker(4.0)
        fulcrum = always_redraw(lambda: get_fulcrum(self.axes, position.get_value(), height=0.3))
        balance = MathTex(rf"\mathbb{{E}}[S] = {format_number(SUM_MEAN)}", font_size=BODY_SIZE,
                          color=MEAN)
        split = MathTex(rf"= {format_number(DIE_MEAN)} + {format_number(DIE_MEAN)}",
                        font_size=BODY_SIZE, color=TEXT)
        result = VGroup(balance, split).arrange(RIGHT, buff=0.2)
        rule = get_colored_tex(r"\mathbb{E}[X_1 + X_2] = \mathbb{E}[X_1] + \mathbb{E}[X_2]",
                               TEX_MAP, font_size=BODY_SIZE)
        card = VGroup(result, rule).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        card.next_to(self.header, DOWN, buff=0.6).align_to(self.header, RIGHT)
        with self.beat(f"Slide the pivot to where this new chart balances: "
                       f"{format_number(SUM_MEAN)}."):
            self.play(FadeIn(fulcrum))
            self.play(position.animate.set_value(SUM_MEAN), run_time=2, rate_func=smooth)
            self.play(Write(balance))
        with self.beat(f"That is {format_number(DIE_MEAN)} plus {format_number(DIE_MEAN)}: the "
                       "expectation of a sum is the sum of the expectations. We never needed "
                       "the sum's distribution at all."):
            self.play(Write(split))
            self.play(Write(rule))
            self.play(Circumscribe(rule, color=MEAN))
        fulcrum.clear_updaters()
        self.fulcrum, self.card = fulcrum, card

    def show_derivation(self):
        lines = VGroup(
            MathTex(r"\mathbb{E}[X + Y]", "=", r"\sum_{x,y} (x + y)\,", "p(x, y)",
                    font_size=LABEL_SIZE),
            MathTex("=", r"\sum_{x,y} x\, p(x, y) + \sum_{x,y} y\, p(x, y)", font_size=LABEL_SIZE),
            MathTex("=", r"\sum_x x\, p(x) + \sum_y y\, p(y)", font_size=LABEL_SIZE),
            MathTex("=", r"\mathbb{E}[X] + \mathbb{E}[Y]", font_size=LABEL_SIZE),
        ).set_color(TEXT).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        lines[3][1].set_color(MEAN)
        for line in lines[1:]:  # the equals signs under one another
            line.shift((lines[0][1].get_x() - line[0].get_x()) * RIGHT)
        lines.next_to(self.card, DOWN, buff=0.5).align_to(self.card, RIGHT)
        with self.beat("Why? Write the expectation as a sum over every pair x, y, weighted by "
                       "the joint probability p of x and y. Then split the sum in two."):
            self.play(Write(lines[0]), run_time=2)
            self.play(Write(lines[1]), run_time=2)
        with self.beat("In the first half, summing p of x and y over y leaves p of x, the "
                       "chance of x alone. The same happens in the second half, and each half "
                       "is one expectation."):
            self.play(Write(lines[2]), run_time=2)
            self.play(Write(lines[3]))
            self.play(Indicate(lines[3], color=MEAN))
        with self.beat("Notice what the derivation never used: independence. The joint p of x "
                       "and y can be anything at all."):
            self.play(Circumscribe(lines[0][3], color=ACCENT_2))
            self.play(Indicate(lines[1], color=ACCENT_2, scale_factor=1.05))
        self.derivation = lines

    def show_dependent_copy(self):
        copy_bars = get_bars(self.axes, DOUBLE_PROBS, values=SUM_VALUES, width=0.36)
        note = get_colored_tex(r"X_2 = X_1:\ \mathbb{E}[2X_1] = " + format_number(DOUBLE_MEAN),
                               TEX_MAP, font_size=LABEL_SIZE)
        note.next_to(self.axes.c2p(1, 0.35), RIGHT, buff=0.2).align_to(self.axes.c2p(7, 0), LEFT)
        with self.beat("Test it on the most dependent pair there is: the second die simply "
                       "copies the first, so the sum is two X. Only even totals are possible now."):
            self.play(ReplacementTransform(self.bars, copy_bars), run_time=2)
            self.play(FadeIn(note, shift=0.1 * DOWN))
        scaling = get_colored_tex(r"\mathbb{E}[aX + b] = a\,\mathbb{E}[X] + b", TEX_MAP,
                                  font_size=BODY_SIZE)
        scaling.move_to(self.derivation, aligned_edge=UP + LEFT)
        with self.beat(f"A different distribution, and the same balance point, "
                       f"{format_number(DOUBLE_MEAN)}. Scaling passes through too: the "
                       "expectation of a times X plus b is a times the expectation, plus b."):
            self.play(Indicate(self.fulcrum, color=MEAN), Indicate(note, color=MEAN))
            self.play(FadeOut(self.derivation))
            self.play(Write(scaling))
            self.play(Circumscribe(scaling, color=MEAN))
        self.play(FadeOut(VGroup(self.header, self.card, scaling, note, copy_bars,
                                 self.fulcrum, self.axes, self.bar_label)))

    def show_counts(self):
        axes = Axes(
            x_range=(20, 41, 5), y_range=(0, 0.2, 0.05), x_length=6.0, y_length=4.0,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
            x_axis_config={"numbers_to_include": [20, 25, 30, 35, 40]},
            y_axis_config={"numbers_to_include": [0.05, 0.1, 0.15], "decimal_number_config":
                           {"num_decimal_places": 2}},
        )
        axes.to_corner(DOWN + LEFT, buff=EDGE_BUFF + 0.3).shift(0.5 * UP)
        shown = COUNT_VALUES >= 20
        bars = get_bars(axes, COUNT_PROBS[shown], values=COUNT_VALUES[shown], width=0.22)
        x_label = Tex("number right, of 40", font_size=LABEL_SIZE, color=MUTED)
        x_label.next_to(axes.x_axis, DOWN, buff=0.45)
        bernoulli = get_colored_tex(
            rf"X_i = 1 \text{{ if example }} i \text{{ is right}}: \ "
            rf"\mathbb{{E}}[X_i] = {format_number(BERNOULLI_MEAN)}", TEX_MAP, font_size=LABEL_SIZE)
        count = get_colored_tex(
            rf"\mathbb{{E}}\Big[\sum_{{i=1}}^{{{N_TEST}}} X_i\Big] = {N_TEST} \cdot "
            rf"{format_number(BERNOULLI_MEAN)} = {format_number(COUNT_MEAN, trim=True)}",
            TEX_MAP, font_size=BODY_SIZE)
        minibatch = get_colored_tex(
            r"\mathbb{E}\Big[\tfrac{1}{B} \sum_{i \in \text{batch}} \nabla \ell_i\Big] "
            r"= \nabla L", TEX_MAP, font_size=BODY_SIZE)
        column = VGroup(bernoulli, count, minibatch).arrange(DOWN, aligned_edge=LEFT, buff=0.5)
        column.to_corner(UR, buff=EDGE_BUFF + 0.1)
        fulcrum = get_fulcrum(axes, COUNT_MEAN, height=0.19)
        with self.beat(f"Machine learning meets sums like this constantly. A classifier is right "
                       f"on each test example with probability {format_number(P_RIGHT)}: a "
                       "Bernoulli variable, one when right, zero when wrong."):
            self.play(Write(bernoulli), run_time=2)
            self.play(Create(axes), FadeIn(x_label))
        with self.beat(f"The number right out of {N_TEST} is a sum of {N_TEST} Bernoullis. Its "
                       "distribution is the binomial, with its factorials. Its expectation needs "
                       f"none of them: {N_TEST} times {format_number(P_RIGHT)}, "
                       f"{format_number(COUNT_MEAN, trim=True)}."):
            self.play(LaggedStart(*(GrowFromEdge(b, DOWN) for b in bars), lag_ratio=0.05),
                      run_time=2.5)
            self.play(Write(count), FadeIn(fulcrum, shift=0.2 * UP))
        with self.beat("The same step makes a minibatch gradient honest. A randomly drawn "
                       "example's gradient is, on average, the full gradient, so by linearity the "
                       "batch average is too. On average, stochastic gradient descent walks "
                       "downhill."):
            self.play(Write(minibatch), run_time=2)
            self.play(Circumscribe(minibatch, color=MEAN))
        self.play(FadeOut(VGroup(axes, bars, x_label, column, fulcrum)))


# =========================================================================== scene 3

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
        # Step 5: linearity gives the shortcut Var = E[X^2] - mu^2.
        self.show_shortcut()
        # Step 6: formula -> mathcore -> np.var(ddof=0), on the rolls of scene 1.
        show_bridge(self, SHORTCUT, (
            f"Here it is three ways, on the {N_ROLLS} rolls from the first scene. The formula: "
            "the mean of the squares, minus the square of the mean.",
            "The mathcore line gives every roll a weight of one over n and applies that formula: "
            f"{format_number(ROLL_VAR, 3)}, a little less than the die's own "
            f"{format_number(DIE_VAR)}.",
            "NumPy's var, with ddof equal to zero, divides by n and gives the same number. With "
            "ddof equal to one it divides by n minus one: the unbiased estimate of the next "
            "lesson."))

    def show_distribution_and_mean(self):
        self.bars = get_bars(self.axes, DIE_PROBS)
        self.mean_line = get_fulcrum(self.axes, DIE_MEAN, height=0.5)[0]
        mean_label = get_colored_tex(rf"\mu = {format_number(DIE_MEAN)}", TEX_MAP, font_size=LABEL_SIZE)
        mean_label.next_to(self.mean_line, UP, buff=0.1)
        with self.beat("Back to the loaded die. Its expectation, the mean, says where X sits: "
                       f"{format_number(DIE_MEAN)}. Call it mu. The next question is how far X "
                       "strays from it."):
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
        self.readout = readout

    def show_shortcut(self):
        definition, expanded = self.formulas
        steps = VGroup(
            get_colored_tex(r"= \mathbb{E}\big[X^2 - 2\mu X + \mu^2\big]", TEX_MAP,
                            font_size=BODY_SIZE),
            get_colored_tex(r"= \mathbb{E}[X^2] - 2\mu\, \mathbb{E}[X] + \mu^2", TEX_MAP,
                            font_size=BODY_SIZE),
            get_colored_tex(r"= \mathbb{E}[X^2] - \mu^2", TEX_MAP, font_size=BODY_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        steps.next_to(definition, DOWN, buff=0.3).align_to(expanded, LEFT)
        worked = MathTex(
            rf"{format_number(DIE_SECOND_MOMENT)} - {format_number(DIE_MEAN)}^2 = "
            rf"{format_number(DIE_SECOND_MOMENT)} - {format_number(DIE_MEAN ** 2)} = "
            rf"{format_number(SHORTCUT_VAR)}", font_size=BODY_SIZE, color=TEXT)
        worked[0][-4:].set_color(SPREAD)
        moment = get_colored_tex(rf"\mathbb{{E}}[X^2] = \sum_x x^2\, P(X = x) = "
                                 rf"{format_number(DIE_SECOND_MOMENT)}", {"P": PROB},
                                 font_size=LABEL_SIZE)
        moment.next_to(steps, DOWN, buff=0.5).to_edge(RIGHT, buff=EDGE_BUFF)
        worked.next_to(moment, DOWN, buff=0.35).to_edge(RIGHT, buff=EDGE_BUFF)
        with self.beat("There is a second formula for the variance, and linearity hands it to "
                       "us. Expand the square inside the expectation."):
            self.play(FadeOut(self.readout), FadeOut(expanded))
            self.play(Write(steps[0]), run_time=1.5)
        with self.beat("Linearity lets the expectation pass through each term. The expectation "
                       "of X is mu, so the middle term is minus two mu squared, and what is left "
                       "is the expectation of X squared, minus mu squared."):
            self.play(Write(steps[1]), run_time=1.5)
            self.play(Write(steps[2]), run_time=1.5)
            self.play(Circumscribe(steps[2], color=SPREAD))
        with self.beat(f"For the loaded die, the average of X squared is "
                       f"{format_number(DIE_SECOND_MOMENT)}, and mu squared is "
                       f"{format_number(DIE_MEAN ** 2)}. The difference is "
                       f"{format_number(SHORTCUT_VAR)}, the variance we stacked up before."):
            self.play(FadeIn(moment, shift=0.1 * DOWN))
            self.play(Write(worked), run_time=2)
            self.play(Indicate(worked[0][-4:], color=SPREAD))
        with self.beat("Code likes this form: one pass keeps running sums of x and of x "
                       "squared. With a large mean the subtraction cancels digits, so careful "
                       "libraries centre the data first."):
            self.play(Indicate(steps[2], color=SPREAD))
            self.play(Circumscribe(moment, color=MUTED))
            self.play(Circumscribe(worked[0][:5], color=MUTED))
        self.play(*(FadeOut(m) for m in self.mobjects))


# =========================================================================== scene 4

class DensityIsArea(NarratedScene):
    """A continuous variable: histograms with narrowing bins become a density; probability is area."""

    def construct(self):
        self.share_axes, self.density_axes = self.get_axes(0.25, "share"), self.get_axes(2.5, "density")
        # Step 1: a continuous quantity: prediction errors, no list of values.
        self.show_continuous_values()
        # Step 2: histograms of shares; narrower bins, shorter bars.
        self.show_shrinking_shares()
        # Step 3: divide by the bin width: the bars settle onto the density.
        self.show_density()
        # Step 4: a density can exceed one; probability is the area under it.
        self.show_area()
        # Step 5: sums become integrals; where ML meets densities.
        self.show_sums_become_integrals()
        # Step 6: formula -> mathcore -> scipy.stats.norm.
        show_bridge(self, DENSITY, (
            "Here it is three ways. The formula: the probability of an interval is the integral "
            "of the density over it.",
            "The mathcore line adds up thin trapezoids under the density, from minus 0.2 to 0.2: "
            f"{format_number(INTERVAL_PROB, 3)}.",
            "SciPy's norm dot c d f is the area to the left of a point, so the difference of two "
            "calls gives the same number. Its norm dot p d f is the height, the density itself."))

    # ------------------------------------------------------------------ builders
    def get_axes(self, top: float, kind: str) -> VGroup:
        """Axes for the errors, with y up to ``top``; both kinds share one frame position."""
        axes = Axes(
            x_range=(-0.8, 0.8, 0.2), y_range=(0, top, top / 5), x_length=7.2, y_length=4.4,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
            x_axis_config={"numbers_to_include": [-0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6],
                           "decimal_number_config": {"num_decimal_places": 1}},
        )  # no numbers on the y-axis: it runs through the middle of the bars
        axes.shift(np.array([-2.6, -2.6, 0.0]) - axes.c2p(0, 0))
        text = "share of errors" if kind == "share" else "density $f(x)$"
        label = Tex(text, font_size=LABEL_SIZE, color=PROB if kind == "share" else SPREAD)
        label.next_to(axes.c2p(-0.8, top), RIGHT, buff=0.25)
        return VGroup(axes, label)

    def get_histogram(self, heights, axes: Axes, color=PROB, opacity=0.75) -> VGroup:
        """The fine-grid bars (128 of them, no gaps) of the given heights."""
        width = axes.c2p(FINE_EDGES[1], 0)[0] - axes.c2p(FINE_EDGES[0], 0)[0]
        bars = VGroup()
        for left, h in zip(FINE_EDGES[:-1], heights):
            bar = Rectangle(width=width, height=max(axes.c2p(0, h)[1] - axes.c2p(0, 0)[1], 1e-3),
                            stroke_width=0, fill_color=color, fill_opacity=opacity)
            bars.add(bar.move_to(axes.c2p(left, 0), aligned_edge=DOWN + LEFT))
        return bars

    def get_area(self, a: float, b: float, color=MEAN, opacity: float = 0.55):
        """The area under the density from ``a`` to ``b`` (its precomputed samples)."""
        keep = (DENSITY_X >= a - 1e-9) & (DENSITY_X <= max(b, a + 0.01) + 1e-9)
        return get_sampled_curve(self.density_axes[0], DENSITY_X[keep], DENSITY_Y[keep], color,
                                 stroke_width=0, fill_opacity=opacity)

    def get_width_table(self) -> VGroup:
        """Rows (bin width, tallest bar's share), one per histogram, under a header."""
        header = VGroup(Tex("bin width", font_size=LABEL_SIZE, color=MUTED),
                        Tex("tallest bar", font_size=LABEL_SIZE, color=PROB))
        rows = [header] + [
            VGroup(MathTex(f"{w:g}", font_size=LABEL_SIZE, color=TEXT),
                   MathTex(format_number(share.max(), 3), font_size=LABEL_SIZE, color=TEXT))
            for w, (share, _) in zip(BIN_WIDTHS, HISTOGRAMS)]
        table = VGroup(*rows)
        for i, row in enumerate(rows):
            row[0].move_to([0, -0.45 * i, 0], aligned_edge=RIGHT)
            row[1].move_to([0.6, -0.45 * i, 0], aligned_edge=LEFT)
        return table.to_corner(UR, buff=EDGE_BUFF)

    # ------------------------------------------------------------------ steps
    def show_continuous_values(self):
        axes = self.share_axes[0]
        dots = VGroup(*(Dot(axes.c2p(x, 0) + 0.12 * UP, radius=0.045, color=PROB, fill_opacity=0.8)
                        for x in ERRORS[:60] if abs(x) < 0.78))
        question = MathTex(r"P(X = 0.1) = \ ?", font_size=BODY_SIZE, color=TEXT)
        question.to_corner(UR, buff=EDGE_BUFF).shift(1.2 * DOWN)
        with self.beat("The die's values could be listed, one probability each. Many quantities "
                       "in machine learning are continuous instead: a weight, a pixel's "
                       "brightness, the error of a prediction."):
            self.play(Create(axes.x_axis), run_time=1.5)
            # the draws fall in as one mobject, dot after dot (faded in one by one, each joined
            # the scene alone, and draws on one spot counted as ghost copies)
            self.play(FadeIn(dots, shift=0.6 * DOWN, lag_ratio=0.05),
                      run_time=3)
        with self.beat("Here are sixty prediction errors of a regression model. Between any two "
                       "values lie infinitely many others, so what is the chance of one exact "
                       "value?"):
            self.play(Write(question))
            self.play(Indicate(question, color=ACCENT_2))
        self.dots, self.question = dots, question

    def show_shrinking_shares(self):
        axes, label = self.share_axes
        hists = [self.get_histogram(share, axes) for share, _ in HISTOGRAMS]
        table = self.get_width_table()
        with self.beat(f"Collect {N_ERRORS:,} errors. Sort them into bins a tenth wide, and "
                       "draw each bin's share of the errors as a bar."):
            self.play(FadeOut(self.dots), FadeOut(self.question))
            self.play(Create(axes.y_axis), FadeIn(label), FadeIn(table[0]))
            self.play(GrowFromEdge(hists[0], DOWN), FadeIn(table[1]), run_time=1.5)
        with self.beat("Halve the bins. Each one now catches about half as many errors, so "
                       "every bar is about half as tall. Halve them again."):
            self.play(ReplacementTransform(hists[0], hists[1]), FadeIn(table[2], shift=0.1 * DOWN),
                      run_time=1.5)
            self.play(ReplacementTransform(hists[1], hists[2]), FadeIn(table[3], shift=0.1 * DOWN),
                      run_time=1.5)
        with self.beat("Narrower still, and every bar sinks toward zero. For a continuous "
                       "variable, the chance of landing on one exact value is zero."):
            self.play(ReplacementTransform(hists[2], hists[3]), FadeIn(table[4], shift=0.1 * DOWN),
                      run_time=1.5)
            self.play(Circumscribe(VGroup(*(row[1] for row in table[1:])), color=PROB))
        self.hist, self.table = hists[3], table

    def show_density(self):
        axes, label = self.density_axes
        dens = self.get_histogram(HISTOGRAMS[3][1], axes, color=SPREAD, opacity=0.6)
        rule = MathTex(r"\text{height} = \frac{\text{share}}{\text{bin width}}",
                       font_size=LABEL_SIZE, color=TEXT)
        rule.to_corner(UR, buff=EDGE_BUFF)
        curve = get_sampled_curve(axes, DENSITY_X, DENSITY_Y, SPREAD)
        with self.beat("The fix: divide each bar's share by the width of its bin. The heights "
                       "stop shrinking, and the bars trace a smooth curve: the density, f of x."):
            self.play(FadeOut(self.table), run_time=0.6)
            self.play(Write(rule))
            self.play(FadeOut(self.share_axes), FadeIn(self.density_axes),
                      ReplacementTransform(self.hist, dens), run_time=2)
            self.play(Create(curve), run_time=2)
        self.hist, self.curve, self.rule = dens, curve, rule

    def show_area(self):
        axes = self.density_axes[0]
        one = VGroup(DashedLine(axes.c2p(-0.8, 1), axes.c2p(0.8, 1), color=MUTED, stroke_width=2))
        one.add(MathTex("1", font_size=LABEL_SIZE, color=MUTED).next_to(one[0], LEFT, buff=0.15))
        peak = Dot(axes.c2p(0, DENSITY_PEAK), color=SPREAD, radius=0.07)
        peak_label = MathTex(rf"f(0) = {format_number(DENSITY_PEAK)} > 1", font_size=LABEL_SIZE,
                             color=SPREAD)
        peak_label.next_to(axes.c2p(0.1, DENSITY_PEAK), RIGHT, buff=0.3)
        with self.beat(f"This curve is not a probability. It peaks at "
                       f"{format_number(DENSITY_PEAK)}, above one, and nothing is wrong: a "
                       "density is probability per unit of x."):
            self.play(FadeOut(self.hist), Create(one[0]), FadeIn(one[1]))
            self.play(FadeIn(peak, scale=0.5), Write(peak_label))
            self.play(Indicate(peak_label, color=SPREAD))
        a, b = INTERVAL
        right = ValueTracker(a)
        area = always_redraw(lambda: self.get_area(a, right.get_value()))
        formula = MathTex(rf"P({format_number(a, 1)} \le X \le {format_number(b, 1)})",
                          font_size=LABEL_SIZE, color=TEXT)
        value = MathTex(rf"= \int_{{{format_number(a, 1)}}}^{{{format_number(b, 1)}}} f(x)\, dx "
                        rf"= {format_number(INTERVAL_PROB, 3)}", font_size=LABEL_SIZE, color=TEXT)
        value[0][-5:].set_color(MEAN)
        count = MathTex(rf"\text{{share of the errors: }} {format_number(INTERVAL_SHARE, 3)}",
                        font_size=LABEL_SIZE, color=MUTED)
        block = VGroup(formula, value, count).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        block.next_to(self.rule, DOWN, buff=0.6).align_to(self.rule, RIGHT)
        with self.beat("Probability is area under it. The chance that an error lands between "
                       f"minus 0.2 and plus 0.2 is this shaded area: "
                       f"{format_number(INTERVAL_PROB, 3)}."):
            self.add(area)
            self.play(right.animate.set_value(b), run_time=2.5, rate_func=linear)
            self.play(Write(formula), Write(value), run_time=2)
        area.clear_updaters()
        with self.beat(f"Count the {N_ERRORS:,} errors themselves: "
                       f"{format_number(INTERVAL_SHARE, 3)} of them landed there. About "
                       "two thirds of the time, within one sigma of the mean."):
            self.play(FadeIn(count, shift=0.1 * DOWN))
            self.play(Indicate(area, color=MEAN, scale_factor=1))
        self.area, self.block = area, block
        self.extras = VGroup(one, peak, peak_label)

    def show_sums_become_integrals(self):
        sums = MathTex(r"\sum_x P(X = x) = 1", r"\quad\to\quad", r"\int f(x)\, dx = 1",
                       font_size=LABEL_SIZE, color=TEXT)
        means = MathTex(r"\sum_x x\, P(X = x)", r"\quad\to\quad", r"\int x\, f(x)\, dx",
                        font_size=LABEL_SIZE, color=TEXT)
        means[2].set_color(MEAN)
        table = VGroup(sums, means).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        table.next_to(self.block, DOWN, buff=0.6).align_to(self.block, RIGHT)
        whole = self.get_area(*HIST_RANGE, color=SPREAD, opacity=0.3)
        with self.beat("The whole area is one, as the die's bars added to one. Every formula "
                       "carries over, with the sum over values becoming an integral over x."):
            self.play(FadeIn(whole))
            self.play(Write(sums), run_time=1.5)
            self.play(Write(means), run_time=1.5)
        with self.beat("That is why a regression model's Gaussian log-likelihood can come out "
                       "positive: it adds up log-densities, and a density can be above one."):
            self.play(Indicate(self.extras[2], color=SPREAD))
            self.play(Circumscribe(means[2], color=MEAN))
        self.play(FadeOut(VGroup(self.density_axes, self.curve, self.area, whole, self.block,
                                 table, self.rule, self.extras)))


# =========================================================================== scene 5

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
        # Step 7: the assumption that update made: the words independent given the class.
        self.show_independence()
        # Step 8: formula -> mathcore (two updates) -> NumPy (one product).
        show_bridge(self, TWO_WORDS, (
            "Here are both updates three ways. The formula: with that assumption, the posterior "
            "is proportional to the prior times the two likelihoods.",
            "The mathcore line updates twice in a row, the posterior after free becoming the "
            f"prior for winner: {format_number(NAIVE_POSTERIOR[0], 3)} spam.",
            "In NumPy it is one product of arrays, normalised: the same two numbers. "
            "Scikit-learn's naive Bayes classifiers compute this same product, in logs."))

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
        with self.beat("Learning something changes a distribution. That is conditioning, and "
                       "Bayes' theorem is its rule. A spam filter reads an email: let this square "
                       "stand for every email it could be reading. Its area is one."):
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
        self.columns, self.column_labels, self.likelihood_winner = filled, labels, likelihood

    def show_independence(self):
        panel = VGroup(self.prior_formula, self.prior_note, self.likelihood, self.evidence,
                       self.bayes_block, self.likelihood_winner)
        given = MathTex(r"P(\text{free}, \text{winner} \mid \text{spam})", font_size=LABEL_SIZE,
                        color=TEXT)
        split = MathTex(r"= P(\text{free} \mid \text{spam})\, P(\text{winner} \mid \text{spam})",
                        font_size=LABEL_SIZE, color=LIKELIHOOD)
        assumption = Tex("independent given the class", font_size=SMALL_SIZE, color=MUTED)
        joint = NAIVE_JOINT
        spam = MathTex(rf"\text{{spam: }} {format_number(PRIOR_SPAM[0])} \cdot "
                       rf"{format_number(LIKELIHOOD_FREE[0])} \cdot "
                       rf"{format_number(LIKELIHOOD_WINNER[0])} = {format_number(joint[0], 4)}",
                       font_size=LABEL_SIZE, color=TEXT)
        ham = MathTex(rf"\text{{ham: }} {format_number(PRIOR_SPAM[1])} \cdot "
                      rf"{format_number(LIKELIHOOD_FREE[1])} \cdot "
                      rf"{format_number(LIKELIHOOD_WINNER[1])} = {format_number(joint[1], 4)}",
                      font_size=LABEL_SIZE, color=TEXT)
        share = MathTex(rf"\frac{{{format_number(joint[0], 4)}}}{{{format_number(joint[0], 4)} + "
                        rf"{format_number(joint[1], 4)}}} = {format_number(NAIVE_POSTERIOR[0], 3)}",
                        font_size=LABEL_SIZE, color=TEXT)
        share[0][-5:].set_color(POSTERIOR)
        block = VGroup(given, split, assumption, spam, ham, share).arrange(
            DOWN, aligned_edge=LEFT, buff=0.3)
        block.move_to(PANEL_LEFT + 3.3 * UP, aligned_edge=UP + LEFT)
        with self.beat("That second update hid an assumption. We used the chance of winner given "
                       "spam as if free had not been seen: the words are treated as independent, "
                       "once the class is known."):
            self.play(FadeOut(panel))
            self.play(Write(given), Write(split), run_time=2)
            self.play(FadeIn(assumption, shift=0.1 * DOWN))
        with self.beat("Under that assumption, two updates in a row are one update with the "
                       "product of the likelihoods. Spam keeps the same share of the square, "
                       f"{int(round(100 * NAIVE_POSTERIOR[0]))} percent. That product is the "
                       "naive in naive Bayes."):
            self.play(FadeIn(spam, shift=0.1 * RIGHT), FadeIn(ham, shift=0.1 * RIGHT))
            self.play(Write(share))
            self.play(Indicate(self.column_labels[0], color=POSTERIOR), Indicate(share[0][-5:]))
        with self.beat("Real words are not independent: free and winner turn up together in "
                       "spam. Two clues that travel together get counted as two, which is why "
                       "naive Bayes is often overconfident."):
            self.play(Circumscribe(VGroup(given, split), color=ACCENT_2))
            self.play(Indicate(assumption, color=ACCENT_2))
            self.play(Indicate(VGroup(spam, ham), color=ACCENT_2, scale_factor=1.05))
        self.play(*(FadeOut(m) for m in self.mobjects))


# =========================================================================== scene 6

class Lesson08TryIt(TryItScene):
    """The practice card; each question is written out as it is read, so the card never stands still."""

    lesson = 8

    def show_question(self, row) -> None:
        self.play(FadeIn(row.number))
        self.play(Write(row.question), run_time=2.5)
        self.play(Indicate(row.number, color=ACCENT_2))
