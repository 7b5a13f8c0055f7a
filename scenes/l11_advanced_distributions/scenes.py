"""Lesson 11 — Advanced distributions.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed once, here at the top, by ``mathcore``
(with a fixed seed); the scenes only draw and format them. Motion is a
ValueTracker moving along precomputed arrays.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, DR, LEFT, RIGHT, UP, UR, Axes, Circle, Create, DashedLine, Dot, FadeIn, FadeOut,
    Indicate, LaggedStart, Line, MathTex, Rectangle, Tex, ValueTracker, VGroup, VMobject, Write,
    always_redraw, linear, smooth,
)

from mathcore import calculus, norms, probability
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT_2, ACCENT_3, BODY_SIZE, DATA, EDGE_BUFF, EIGEN, FAINT, LABEL_SIZE, MEAN,
    MUTED, POSTERIOR, PRIOR, PROB, SMALL_SIZE, SPREAD, TEXT,
)
from scenekit.widgets import (
    format_number, get_arrow, get_colored_tex, get_panel, get_plane, get_sampled_curve,
    get_tracked_number, lookup,
)

SEED = 11  # the only source of randomness in this lesson (the cloud and the coin flips)
rng = np.random.default_rng(SEED)

ETA_COLOR = ACCENT_3  # natural parameters eta
STAT_COLOR = DATA  # sufficient statistics T(x)
PARTITION_COLOR = ACCENT_2  # the log-partition A(eta)


# --------------------------------------------------------------------------- 1. exponential family
ETA_X = np.linspace(-4.0, 4.0, 161)
PARTITION_CURVE = probability.bernoulli_log_partition(ETA_X)  # (161,) A(eta) = log(1 + e^eta)
P_KEYS = np.array([0.5, 0.88, 0.12, 0.7])  # the bias p visits these values
P_PATH = np.concatenate([np.linspace(a, b, 40, endpoint=False) for a, b in zip(P_KEYS, P_KEYS[1:])]
                        + [[P_KEYS[-1]]])  # (121,)
ETA_PATH = probability.bernoulli_natural_params(P_PATH)  # (121,) log-odds
A_PATH = probability.bernoulli_log_partition(ETA_PATH)  # (121,)
SLOPE_PATH = np.array([calculus.gradient(lambda e: probability.bernoulli_log_partition(e[0]),
                                         np.array([eta]))[0] for eta in ETA_PATH])  # A'(eta)
GAUSS_MEAN, GAUSS_VAR = 1.0, 0.5  # one Gaussian written in natural form
GAUSS_ETA = probability.gaussian_natural_params(GAUSS_MEAN, GAUSS_VAR)  # (2,)
GAUSS_GRAD_A = calculus.gradient(probability.gaussian_log_partition, GAUSS_ETA)  # E[T(x)] = (mu, mu^2 + var)

# --------------------------------------------------------------------------- 2. multivariate Gaussian
SIGMA_1, SIGMA_2 = 1.4, 0.9  # standard deviations of the two coordinates
RHO_KEYS = np.array([0.0, 0.8, -0.7, 0.3])
RHO_PATH = np.concatenate([np.linspace(a, b, 60, endpoint=False) for a, b in zip(RHO_KEYS, RHO_KEYS[1:])]
                          + [[RHO_KEYS[-1]]])  # (181,)
COV_PATH = np.array([[[SIGMA_1**2, r * SIGMA_1 * SIGMA_2], [r * SIGMA_1 * SIGMA_2, SIGMA_2**2]]
                     for r in RHO_PATH])  # (181, 2, 2)
CENTER = np.zeros(2)
N_CLOUD = 250
Z = rng.standard_normal(size=(N_CLOUD, 2))  # fixed draws, reshaped by each covariance
CLOUD_PATH = np.stack([Z @ np.linalg.cholesky(cov).T for cov in COV_PATH])  # (181, N, 2)
ELLIPSES_1 = [probability.covariance_ellipse(CENTER, cov, n_std=1.0, n_points=120) for cov in COV_PATH]
ELLIPSES_2 = [probability.covariance_ellipse(CENTER, cov, n_std=2.0, n_points=120) for cov in COV_PATH]
ELLIPSE_1_POINTS = np.stack([e.points for e in ELLIPSES_1])  # (181, 120, 2)
ELLIPSE_2_POINTS = np.stack([e.points for e in ELLIPSES_2])
SEMI_AXES = np.stack([e.semi_axes for e in ELLIPSES_1])  # (181, 2) sqrt of the eigenvalues
ANGLES = np.array([e.angle for e in ELLIPSES_1])  # (181,) major axis angle
# The axes' end points (major, minor), unwrapped so the drawing turns smoothly.
MAJOR_DIRS = np.column_stack([np.cos(ANGLES), np.sin(ANGLES)])  # (181, 2)
MINOR_DIRS = np.column_stack([-np.sin(ANGLES), np.cos(ANGLES)])
AXIS_ENDS = np.stack([SEMI_AXES[:, :1] * MAJOR_DIRS, SEMI_AXES[:, 1:] * MINOR_DIRS], axis=1)  # (181, 2, 2)
KEY_INDEX = [60 * k for k in range(len(RHO_KEYS))]  # where each keyframe sits on the path
INSIDE_1 = sum(norms.mahalanobis(x, CENTER, COV_PATH[0]) <= 1.0 for x in CLOUD_PATH[0])  # draws within k = 1

# --------------------------------------------------------------------------- 3. Beta-Binomial
PRIOR_ALPHA, PRIOR_BETA = 2.0, 2.0
TRUE_BIAS = 0.7
N_FLIPS = 24
FLIPS = (rng.random(N_FLIPS) < TRUE_BIAS).astype(int)  # (N,) 1 = heads
HISTORY = probability.beta_binomial_updates(PRIOR_ALPHA, PRIOR_BETA, FLIPS)  # alphas, betas (N+1,)
THETA = np.linspace(0.0, 1.0, 201)
BETA_CURVES = np.stack([probability.beta_pdf(THETA, a, b)
                        for a, b in zip(HISTORY.alphas, HISTORY.betas)])  # (N+1, 201)
POSTERIOR_MEANS = HISTORY.means  # (N+1,)
N_SLOW_FLIPS = 4

TEX_MAP = {
    r"\eta": ETA_COLOR,
    r"T(x)": STAT_COLOR,
    r"T(y)": STAT_COLOR,
    r"A(\eta)": PARTITION_COLOR,
    r"A'(\eta)": PARTITION_COLOR,
    r"\nabla A": PARTITION_COLOR,
    r"\Sigma": SPREAD,
    r"\mu": MEAN,
    r"\rho": SPREAD,
    r"\alpha": POSTERIOR,
    r"\beta": POSTERIOR,
}


def get_readout(symbol: str, tracker, value, color, decimals=2, font_size=LABEL_SIZE,
                colors=None) -> VGroup:
    """``symbol = <number>`` where the number looks up ``value(t)``."""
    label = get_colored_tex(symbol + " =", TEX_MAP if colors is None else colors, font_size=font_size)
    number = get_tracked_number(tracker, decimals=decimals, color=color, font_size=font_size,
                                value=value)
    group = VGroup(label, number).arrange(RIGHT, buff=0.12)
    number.add_updater(lambda m: m.next_to(label, RIGHT, buff=0.12))
    return group


# =========================================================================== scene 1

class ExponentialFamilyForm(NarratedScene):
    """p(x | eta) = h(x) exp(eta T(x) - A(eta)); for the Bernoulli, A'(eta) is the mean."""

    def construct(self):
        # Step 1: the one formula.
        self.show_general_form()
        # Step 2: the Bernoulli rewritten in it: eta is the log-odds.
        self.show_bernoulli()
        # Step 3: the log-partition curve; its slope is the mean, as p changes.
        self.show_slope_is_mean()
        # Step 4: the Gaussian fits the same form, with two natural parameters.
        self.show_gaussian()

    def show_general_form(self):
        form = get_colored_tex(r"p(x \mid \eta) = h(x)\, \exp\big(\eta^{\top} T(x) - A(\eta)\big)",
                               TEX_MAP, font_size=BODY_SIZE + 4)
        form.to_edge(UP, buff=EDGE_BUFF)
        names = VGroup(
            Tex(r"natural parameter", font_size=SMALL_SIZE, color=ETA_COLOR),
            Tex(r"sufficient statistic", font_size=SMALL_SIZE, color=STAT_COLOR),
            Tex(r"log-partition", font_size=SMALL_SIZE, color=PARTITION_COLOR),
        ).arrange(RIGHT, buff=0.6).next_to(form, DOWN, buff=0.2)
        with self.beat("Bernoulli, Gaussian, Poisson, Beta, categorical: most distributions in "
                       "machine learning share one template, the exponential family."):
            self.play(Write(form), run_time=2)
        with self.beat("A natural parameter eta, a sufficient statistic T of the data, and a "
                       "log-partition function A that makes everything sum to one."):
            self.play(LaggedStart(*(FadeIn(n, shift=0.1 * UP) for n in names), lag_ratio=0.4))
        self.form, self.names = form, names

    def show_bernoulli(self):
        lines = VGroup(
            get_colored_tex(r"p^{y}(1-p)^{1-y} = \exp\Big(y \log\tfrac{p}{1-p} - "
                            r"\log\tfrac{1}{1-p}\Big)", TEX_MAP,
                            font_size=LABEL_SIZE),
            get_colored_tex(r"\eta = \log\tfrac{p}{1-p}, \quad T(y) = y, \quad A(\eta) = \log(1 + "
                            r"e^{\eta})", TEX_MAP,
                            font_size=LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        lines.next_to(self.names, DOWN, buff=0.45)
        with self.beat("Take a coin that lands heads with probability p. Rewrite its probability "
                       "as an exponential."):
            self.play(Write(lines[0]), run_time=2)
        with self.beat("Read off the parts: the natural parameter is the log-odds, the statistic "
                       "is the outcome itself, and A is log of one plus e to the eta."):
            self.play(Write(lines[1]), run_time=2)
        self.bernoulli = lines

    def show_slope_is_mean(self):
        axes = Axes(
            x_range=(-4, 4, 1), y_range=(0, 4.5, 1), x_length=6.0, y_length=3.2,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
            x_axis_config={"numbers_to_include": [-4, -2, 0, 2, 4]},
            y_axis_config={"numbers_to_include": [1, 2, 3, 4]},
        ).to_corner(DOWN + RIGHT, buff=EDGE_BUFF).shift(0.1 * UP)
        curve = get_sampled_curve(axes, ETA_X, PARTITION_CURVE, PARTITION_COLOR)
        labels = VGroup(get_colored_tex(r"\eta", TEX_MAP,
                                        font_size=LABEL_SIZE).next_to(axes.x_axis, RIGHT, buff=0.1),
                        get_colored_tex(r"A(\eta)", TEX_MAP,
                                        font_size=LABEL_SIZE).next_to(axes.y_axis, UP, buff=0.1))
        t = ValueTracker(0.0)

        def tangent():
            eta, a, slope = (float(lookup(arr, t.get_value())) for arr in (ETA_PATH, A_PATH, SLOPE_PATH))
            half = 1.2
            line = Line(axes.c2p(eta - half, a - half * slope), axes.c2p(eta + half, a + half * slope),
                        color=MEAN, stroke_width=4)
            return VGroup(line, Dot(axes.c2p(eta, a), radius=0.07, color=ETA_COLOR))

        touching = always_redraw(tangent)
        # The coin itself: two bars, P(y = 0) and P(y = 1).
        bars_axes = Axes(
            x_range=(-0.5, 1.5, 1), y_range=(0, 1, 0.5), x_length=2.6, y_length=2.6,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
            x_axis_config={"numbers_to_include": [0, 1]}, y_axis_config={"numbers_to_include": [0.5, 1]},
        ).to_corner(DOWN + LEFT, buff=EDGE_BUFF).shift(0.4 * RIGHT + 0.1 * UP)

        def bars():
            p = float(lookup(P_PATH, t.get_value()))
            group = VGroup()
            for y, h in ((0, 1 - p), (1, p)):
                group.add(Rectangle(width=0.7, height=max(h * 2.6, 1e-3), stroke_width=1,
                                    fill_color=PROB, fill_opacity=0.75, stroke_color=PROB)
                          .move_to(bars_axes.c2p(y, 0), aligned_edge=DOWN))
            return group

        coin = always_redraw(bars)
        y_label = MathTex("y", font_size=LABEL_SIZE).next_to(bars_axes.x_axis, RIGHT, buff=0.1)
        readouts = VGroup(
            get_readout("p", t, lambda s: float(lookup(P_PATH, s)), PROB, colors={"p": PROB}),
            get_readout(r"\eta", t, lambda s: float(lookup(ETA_PATH, s)), ETA_COLOR),
            get_readout(r"A'(\eta)", t, lambda s: float(lookup(SLOPE_PATH, s)), MEAN),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        readouts.next_to(bars_axes, RIGHT, buff=0.5).align_to(bars_axes, UP)
        with self.beat("Here is A, plotted against eta, next to the coin's two probabilities."):
            self.play(Create(axes), FadeIn(labels), Create(curve), Create(bars_axes), FadeIn(y_label),
                      FadeIn(coin), run_time=2)
        with self.beat("At a fair coin, eta is zero, and the slope of A there is exactly one half: "
                       "the probability of heads."):
            self.play(FadeIn(touching), FadeIn(readouts))
            self.wait(1)
        with self.beat("Change the coin. Eta moves along the curve, and the slope of the tangent "
                       "always equals p. The derivative of the log-partition is the mean."):
            self.play(t.animate.set_value(len(P_PATH) - 1), run_time=7, rate_func=linear)
        for m in (touching, coin, *(r[1] for r in readouts)):
            m.clear_updaters()
        self.lower = VGroup(axes, curve, labels, touching, bars_axes, coin, y_label, readouts)

    def show_gaussian(self):
        colors = {**TEX_MAP, r"\mu": MEAN}
        gaussian = VGroup(
            get_colored_tex(rf"\mathcal{{N}}(\mu{{=}}{format_number(GAUSS_MEAN)}, "
                            rf"\sigma^2{{=}}{format_number(GAUSS_VAR)}): \quad \eta = "
                            r"\big(\tfrac{\mu}{\sigma^2}, -\tfrac{1}{2\sigma^2}\big) = "
                            rf"({format_number(GAUSS_ETA[0])}, "
                            rf"{format_number(GAUSS_ETA[1])})", colors, font_size=LABEL_SIZE),
            get_colored_tex(r"T(x) = (x, x^2), \quad \nabla A = \mathbb{E}[T(x)] = "
                            rf"({format_number(GAUSS_GRAD_A[0])}, "
                            rf"{format_number(GAUSS_GRAD_A[1])})", colors, font_size=LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        gaussian.next_to(self.bernoulli, DOWN, buff=0.3).align_to(self.bernoulli, LEFT)
        with self.beat("The Gaussian fits too, with two natural parameters and the statistics x "
                       "and x squared. The gradient of its A is their mean: mu, and mu squared "
                       "plus sigma squared."):
            self.play(FadeOut(self.lower[4:]), run_time=0.8)
            self.play(Write(gaussian), run_time=2.5)
        # what the template buys, in its own symbols, where the coin's bars were
        mle = MathTex(r"\text{MLE:}\ ", r"\nabla A", r"(\hat\eta)", "=",
                      r"\tfrac{1}{n}\textstyle\sum_i", r"T(x_i)", font_size=LABEL_SIZE)
        conjugate = MathTex(r"\text{conjugate prior:}\ ", r"p(\eta)", r"\propto \exp\big(",
                            r"\eta", r"^{\top}\tau - \nu\,", r"A(\eta)", r"\big)",
                            font_size=LABEL_SIZE)
        for tex, parts in ((mle, {1: PARTITION_COLOR, 2: ETA_COLOR, 5: STAT_COLOR}),
                           (conjugate, {1: ETA_COLOR, 3: ETA_COLOR, 5: PARTITION_COLOR})):
            for index, color in parts.items():
                tex[index].set_color(color)
        uses = VGroup(mle, conjugate).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        uses.to_corner(DOWN + LEFT, buff=EDGE_BUFF).shift(0.3 * UP)
        with self.beat("This is why these distributions have tidy maximum likelihood estimates, "
                       "and conjugate priors. We will meet one shortly."):
            self.play(Indicate(self.form, color=TEXT, scale_factor=1.05))
            self.play(Write(mle), run_time=1.5)
            self.play(Write(conjugate), run_time=1.5)
            self.play(Indicate(conjugate, color=POSTERIOR))


# =========================================================================== scene 2

class CovarianceEllipses(NarratedScene):
    """A 2-D Gaussian: covariance ellipses turn and stretch as the correlation changes."""

    def construct(self):
        # Step 1: a cloud of draws from a 2-D Gaussian, uncorrelated.
        self.show_cloud()
        # Step 2: the density and its level sets: ellipses from the covariance.
        self.show_density_and_ellipses()
        # Step 3: the ellipse's axes are the eigenvectors of Sigma.
        self.show_axes()
        # Step 4: change the correlation: the cloud and its ellipses turn and stretch.
        self.show_correlation_sweep()

    def get_cloud(self, t: float) -> VGroup:
        points = lookup(CLOUD_PATH, t)
        return VGroup(*(Dot(self.plane.c2p(*p), radius=0.035, color=DATA, fill_opacity=0.7)
                        for p in points))

    def get_ellipse(self, path, t: float, color, width: float) -> VMobject:
        curve = VMobject(stroke_color=color, stroke_width=width)
        curve.set_points_as_corners([self.plane.c2p(*p) for p in lookup(path, t)])
        return curve

    def get_axes_arrows(self, t: float) -> VGroup:
        k = int(round(t))  # eigen-directions are looked up, not interpolated (sign flips)
        origin = self.plane.c2p(0, 0)
        return VGroup(*(get_arrow(origin, self.plane.c2p(*AXIS_ENDS[k, j]), EIGEN, stroke_width=5)
                        for j in range(2)))

    def show_cloud(self):
        self.plane = get_plane(x_range=(-4, 4, 1), y_range=(-4, 4, 1), unit=0.95,
                               center=(-2.95, 0, 0))
        self.plane.set_stroke(opacity=0.4)
        self.t = ValueTracker(0.0)
        self.cloud = always_redraw(lambda: self.get_cloud(self.t.get_value()))
        with self.beat(f"Here are {N_CLOUD} draws from a two-dimensional Gaussian. Each "
                       "coordinate has its own spread, and for now they are independent."):
            self.play(FadeIn(self.plane))
            self.play(FadeIn(self.cloud), run_time=1.5)

    def show_density_and_ellipses(self):
        density = get_colored_tex(r"\mathcal{N}(x; \mu, \Sigma) = \frac{\exp\!\big(-\tfrac12 "
                                  r"(x-\mu)^{\top}\Sigma^{-1}(x-\mu)\big)}{\sqrt{\det(2\pi\Sigma)}}",
                                  TEX_MAP, font_size=LABEL_SIZE)
        cov = get_colored_tex(r"\Sigma = \begin{pmatrix} \sigma_1^2 & \rho\,\sigma_1\sigma_2 \\ "
                              r"\rho\,\sigma_1\sigma_2 & \sigma_2^2 \end{pmatrix}, \quad \sigma_1 = "
                              rf"{format_number(SIGMA_1)},\ \sigma_2 = "
                              rf"{format_number(SIGMA_2)}", TEX_MAP, font_size=LABEL_SIZE)
        level = get_colored_tex(r"\text{ellipse: } (x-\mu)^{\top}\Sigma^{-1}(x-\mu) = k^2", TEX_MAP,
                                font_size=LABEL_SIZE)
        block = VGroup(density, cov, level).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        block.to_corner(UR, buff=EDGE_BUFF)
        self.ellipse_1 = always_redraw(lambda: self.get_ellipse(ELLIPSE_1_POINTS, self.t.get_value(),
                                                                SPREAD, 4))
        self.ellipse_2 = always_redraw(lambda: self.get_ellipse(ELLIPSE_2_POINTS, self.t.get_value(),
                                                                SPREAD, 2.5))
        k_labels = VGroup(Tex("$k=1$", font_size=SMALL_SIZE, color=SPREAD),
                          Tex("$k=2$", font_size=SMALL_SIZE, color=SPREAD))
        k_labels[0].next_to(self.plane.c2p(SIGMA_1, 0), DR, buff=0.05)
        k_labels[1].next_to(self.plane.c2p(2 * SIGMA_1, 0), DR, buff=0.05)
        with self.beat("Its density depends on the point only through one quadratic form, built "
                       "from the covariance matrix Sigma."):
            self.play(Write(density), run_time=2)
            self.play(Write(cov), run_time=1.5)
        with self.beat("So the points of equal density are ellipses: here at distance one and two "
                       f"in units of the spread. {INSIDE_1} of these {N_CLOUD} draws fall inside "
                       "the first."):
            self.play(Write(level))
            self.play(Create(self.ellipse_1), Create(self.ellipse_2), FadeIn(k_labels), run_time=2)
        self.block, self.k_labels = block, k_labels

    def show_axes(self):
        self.axis_arrows = always_redraw(lambda: self.get_axes_arrows(self.t.get_value()))
        note = get_colored_tex(r"\text{axes: eigenvectors of } \Sigma, \text{ lengths } k\sqrt{\lambda_i}",
                               {**TEX_MAP, r"\lambda_i": EIGEN, r"\text{axes: eigenvectors of }": EIGEN},
                               font_size=LABEL_SIZE)
        note.next_to(self.block, DOWN, buff=0.35).align_to(self.block, LEFT)
        readouts = VGroup(
            get_readout(r"\rho", self.t, lambda s: float(lookup(RHO_PATH, s)), SPREAD),
            get_readout(r"\sqrt{\lambda_1}", self.t, lambda s: float(lookup(SEMI_AXES[:, 0], s)), EIGEN,
                        colors={r"\lambda_1": EIGEN}),
            get_readout(r"\sqrt{\lambda_2}", self.t, lambda s: float(lookup(SEMI_AXES[:, 1], s)), EIGEN,
                        colors={r"\lambda_2": EIGEN}),
        ).arrange(RIGHT, buff=0.6)
        readouts.next_to(note, DOWN, buff=0.4).align_to(self.block, LEFT)
        with self.beat("The ellipse's axes point along the eigenvectors of Sigma, in yellow, and "
                       "their lengths are the square roots of its eigenvalues: "
                       f"{format_number(SEMI_AXES[0, 0])} and {format_number(SEMI_AXES[0, 1])} while "
                       "rho is zero."):
            self.play(FadeOut(self.k_labels), FadeIn(self.axis_arrows), Write(note))
            self.play(FadeIn(readouts))
        self.readouts = readouts

    def show_correlation_sweep(self):
        r1, r2, r3 = RHO_KEYS[1:]
        with self.beat(f"Now correlate the coordinates. At rho {format_number(r1)} the cloud leans "
                       "along the diagonal: the ellipses turn and stretch, the minor axis shrinks."):
            self.play(self.t.animate.set_value(KEY_INDEX[1]), run_time=4, rate_func=smooth)
        with self.beat(f"Negative correlation, rho {format_number(r2)}, tilts it the other way."):
            self.play(self.t.animate.set_value(KEY_INDEX[2]), run_time=4, rate_func=smooth)
        with self.beat(f"And back to a mild {format_number(r3)}. The mean never moved; only Sigma "
                       "changed, and with it the eigenvectors and eigenvalues that draw the "
                       "ellipses."):
            self.play(self.t.animate.set_value(KEY_INDEX[3]), run_time=3, rate_func=smooth)
            self.wait(1)
        for m in (self.cloud, self.ellipse_1, self.ellipse_2, self.axis_arrows,
                  *(r[1] for r in self.readouts)):
            m.clear_updaters()


# =========================================================================== scene 3

class BetaBinomialUpdates(NarratedScene):
    """A Beta prior on a coin's bias, updated flip by flip: Beta(alpha + heads, beta + tails)."""

    def construct(self):
        # Step 1: the prior over the coin's bias.
        self.show_prior()
        # Step 2: the conjugate update rule.
        self.show_rule()
        # Step 3: the first flips, one at a time.
        for k in range(N_SLOW_FLIPS):
            self.show_flip(k)
        # Step 4: the rest, fast; the posterior narrows around the truth.
        self.show_remaining_flips()

    def get_coin(self, k: int) -> VGroup:
        heads = bool(FLIPS[k])
        color = POSTERIOR if heads else FAINT
        disc = Circle(radius=0.19, color=color, fill_color=color, fill_opacity=0.8, stroke_width=2)
        letter = Tex("H" if heads else "T", font_size=SMALL_SIZE, color=TEXT)
        return VGroup(disc, letter).move_to(LEFT * 5.8 + RIGHT * 0.5 * k + UP * 3.4)

    def show_prior(self):
        self.axes = Axes(
            x_range=(0, 1, 0.1), y_range=(0, 5, 1), x_length=7.6, y_length=4.6,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
            x_axis_config={"numbers_to_include": [0, 0.2, 0.4, 0.6, 0.8, 1.0],
                           "decimal_number_config": {"num_decimal_places": 1}},
            y_axis_config={"numbers_to_include": [1, 2, 3, 4, 5]},
        ).to_corner(DOWN + LEFT, buff=EDGE_BUFF).shift(0.3 * RIGHT + 0.2 * UP)
        theta = MathTex(r"\theta", font_size=LABEL_SIZE).next_to(self.axes.x_axis, RIGHT, buff=0.12)
        self.t = ValueTracker(0.0)
        prior = get_sampled_curve(self.axes, THETA, BETA_CURVES[0], PRIOR, stroke_width=3)
        prior.set_stroke(opacity=0.6)
        self.curve = always_redraw(lambda: get_sampled_curve(
            self.axes, THETA, lookup(BETA_CURVES, self.t.get_value()), POSTERIOR, stroke_width=4,
            fill_opacity=0.2))
        self.mean_line = always_redraw(lambda: DashedLine(
            self.axes.c2p(float(lookup(POSTERIOR_MEANS, self.t.get_value())), 0),
            self.axes.c2p(float(lookup(POSTERIOR_MEANS, self.t.get_value())), 5),
            color=MEAN, stroke_width=2))
        prior_label = get_colored_tex(rf"\text{{prior: Beta}}({format_number(PRIOR_ALPHA)}, "
                                      rf"{format_number(PRIOR_BETA)})", {r"\text{prior: Beta}": PRIOR},
                                      font_size=LABEL_SIZE)
        prior_label.to_corner(UR, buff=EDGE_BUFF).shift(0.9 * DOWN)
        with self.beat("A coin of unknown bias theta. Before any flip, we believe theta is "
                       "somewhere in the middle: a Beta two, two prior."):
            self.play(Create(self.axes), FadeIn(theta))
            self.play(Create(prior), FadeIn(prior_label), run_time=1.5)
        self.add(self.curve)
        self.prior_curve, self.prior_label = prior, prior_label

    def show_rule(self):
        rule = get_colored_tex(r"\text{Beta}(\alpha, \beta) \;\xrightarrow{\ s \text{ heads},\ f \text{ tails}\ }\;"
                               r"\text{Beta}(\alpha + s,\ \beta + f)", TEX_MAP, font_size=LABEL_SIZE)
        why = get_colored_tex(r"\theta^{s}(1-\theta)^{f} \cdot "
                              r"\theta^{\alpha-1}(1-\theta)^{\beta-1} = "
                              r"\theta^{\alpha+s-1}(1-\theta)^{\beta+f-1}",
                              TEX_MAP, font_size=LABEL_SIZE)
        block = VGroup(rule, why).arrange(DOWN, aligned_edge=RIGHT, buff=0.3)
        block.next_to(self.prior_label, DOWN, buff=0.4).align_to(self.prior_label, RIGHT)
        self.counts = VGroup(
            get_readout(r"\alpha", self.t, lambda s: float(HISTORY.alphas[int(round(s))]), POSTERIOR,
                        decimals=0),
            get_readout(r"\beta", self.t, lambda s: float(HISTORY.betas[int(round(s))]), POSTERIOR,
                        decimals=0),
            get_readout(r"\text{mean}", self.t, lambda s: float(POSTERIOR_MEANS[int(round(s))]), MEAN,
                        colors={r"\text{mean}": MEAN}),
        ).arrange(RIGHT, buff=0.6)
        self.counts.next_to(block, DOWN, buff=0.5).align_to(block, RIGHT)
        with self.beat("Bayes' rule multiplies the prior by the likelihood of the flips. Both "
                       "are powers of theta and one minus theta, so the product is another Beta."):
            self.play(Write(why), run_time=2)
        with self.beat("The update is just counting: add the heads to alpha and the tails to "
                       "beta. That is what makes the Beta the conjugate prior of a coin."):
            self.play(Write(rule), run_time=2)
            self.play(FadeIn(self.counts), FadeIn(self.mean_line))
        self.rule = block

    def show_flip(self, k: int):
        coin = self.get_coin(k)
        side = "Heads" if FLIPS[k] else "Tails"
        which = "alpha" if FLIPS[k] else "beta"
        if k == 0:
            text = f"First flip: {side.lower()}. Add one to {which}, and the curve leans " + (
                "right, toward heads." if FLIPS[k] else "left, toward tails.")
        elif FLIPS[k] == FLIPS[k - 1]:
            text = f"{side} again: {which} grows by one more."
        else:
            text = f"{side} this time: now {which} grows by one."
        if k == N_SLOW_FLIPS - 1:
            text += (f" After {k + 1} flips the posterior mean is "
                     f"{format_number(POSTERIOR_MEANS[k + 1])}.")
        with self.beat(text):
            self.play(FadeIn(coin, shift=0.3 * DOWN), run_time=0.6)
            self.play(self.t.animate.set_value(k + 1), run_time=1.2)

    def show_remaining_flips(self):
        coins = VGroup(*(self.get_coin(k) for k in range(N_SLOW_FLIPS, N_FLIPS)))
        heads = int(FLIPS.sum())
        with self.beat(f"Keep flipping. After {N_FLIPS} flips, {heads} heads and {N_FLIPS - heads} "
                       f"tails, the posterior is Beta {format_number(HISTORY.alphas[-1])}, "
                       f"{format_number(HISTORY.betas[-1])}: taller, narrower, and centred near the "
                       "truth."):
            self.play(LaggedStart(*(FadeIn(c, shift=0.3 * DOWN) for c in coins), lag_ratio=0.5),
                      self.t.animate.set_value(N_FLIPS), run_time=7, rate_func=linear)
        truth = DashedLine(self.axes.c2p(TRUE_BIAS, 0), self.axes.c2p(TRUE_BIAS, 5), color=TEXT,
                           stroke_width=2)
        truth_label = get_panel(Tex(f"true bias {format_number(TRUE_BIAS, 1)}", font_size=SMALL_SIZE,
                                    color=TEXT), buff=0.06, opacity=0.9)
        truth_label.next_to(self.axes.c2p(TRUE_BIAS, 5), LEFT, buff=0.12)
        with self.beat(f"The coin's real bias was {format_number(TRUE_BIAS, 1)}. The posterior mean, "
                       f"{format_number(POSTERIOR_MEANS[-1])}, got there by counting, with no "
                       "integrals at all."):
            self.play(Create(truth), FadeIn(truth_label))
            self.play(Indicate(self.counts[2], color=MEAN))
            self.wait(1)
        for m in (self.curve, self.mean_line, *(c[1] for c in self.counts)):
            m.clear_updaters()


# =========================================================================== scene 4

class Lesson11TryIt(TryItScene):
    lesson = 11
