"""Lesson 11 — Advanced distributions.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed once, here at the top, by ``mathcore``
(with a fixed seed); the scenes only draw and format them. Motion is a
ValueTracker moving along precomputed arrays.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, DR, LEFT, RIGHT, UP, UR, Axes, Circle, Circumscribe, Create, DashedLine, Dot, FadeIn,
    FadeOut, GrowFromCenter, GrowFromEdge, Group, Indicate, LaggedStart, Line, MathTex, Rectangle,
    ReplacementTransform, RoundedRectangle, SurroundingRectangle, Tex, TransformFromCopy,
    ValueTracker, VGroup, VMobject, Write, always_redraw, linear, smooth,
)

from mathcore import calculus, norms, probability
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_beats import show_bridge
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

# --------------------------------------------------------------------------- 4. Gaussian in the template
# (the draws below come after the cloud and the flips above, so those stay what they were)
GAUSS_X = 2.0  # the point where the two ways of writing the density are compared
GAUSS_T = probability.gaussian_sufficient_stats(GAUSS_X)  # (2,) T(x) = (x, x^2)
GAUSS_A = probability.gaussian_log_partition(GAUSS_ETA)  # mu^2 / (2 var) + log(2 pi var) / 2
GAUSS_DOT = float(GAUSS_ETA @ GAUSS_T)  # eta . T(x)
GAUSS_DENSITY = float(np.exp(GAUSS_DOT - GAUSS_A))  # exp(eta . T(x) - A(eta)), h(x) = 1
GAUSS_GRID = np.linspace(-1.0, 3.0, 161)
GAUSS_CURVE = probability.multivariate_normal_pdf(GAUSS_GRID[:, None], [GAUSS_MEAN], [[GAUSS_VAR]])
GAUSS_FORM = Bridge(
    formula=r"\mathcal{N}(x; \mu, \sigma^2) = \exp\big(\eta^{\top} T(x) - A(\eta)\big)",
    setup=f"mu, var, x = {GAUSS_MEAN}, {GAUSS_VAR}, {GAUSS_X}",
    mathcore=Snippet("p = probability\n"
                     "eta = p.gaussian_natural_params(mu, var)\n"
                     "T = p.gaussian_sufficient_stats(x)\n"
                     "A = p.gaussian_log_partition(eta)\n"
                     "np.exp(eta @ T - A)"),
    library=Snippet("from scipy.stats import norm\n"
                    "norm.pdf(x, loc=mu, scale=np.sqrt(var))", needs="scipy"),
    decimals=3,
)

# --------------------------------------------------------------------------- 5. moment matching
FIT_N = 40
FIT_DATA = rng.normal(2.0, 1.2, size=FIT_N)  # (n,) forty measurements
FIT_T_BAR = probability.gaussian_sufficient_stats(FIT_DATA).mean(axis=0)  # (2,) mean of x, of x^2
FIT_MEAN = float(FIT_T_BAR[0])  # E[x] = mean of x
FIT_VAR = float(FIT_T_BAR[1] - FIT_T_BAR[0] ** 2)  # E[x^2] = mu^2 + var = mean of x^2
FIT_ETA = probability.gaussian_natural_params(FIT_MEAN, FIT_VAR)  # (2,) eta-hat
GUESS_MEAN, GUESS_VAR = -0.5, 0.6  # a poor first guess
GUESS_ETA = probability.gaussian_natural_params(GUESS_MEAN, GUESS_VAR)
FIT_S = np.linspace(0.0, 1.0, 121)
FIT_ETA_PATH = GUESS_ETA + FIT_S[:, None] * (FIT_ETA - GUESS_ETA)  # (121, 2) a straight line in eta
FIT_MODEL_T = np.array([calculus.gradient(probability.gaussian_log_partition, eta)
                        for eta in FIT_ETA_PATH])  # (121, 2) the model's E[T] = grad A(eta)
FIT_VAR_PATH = -0.5 / FIT_ETA_PATH[:, 1]  # (121,) sigma^2 = -1 / (2 eta_2)
FIT_MEAN_PATH = FIT_ETA_PATH[:, 0] * FIT_VAR_PATH  # (121,) mu = eta_1 sigma^2
FIT_LL_PATH = np.array([float(probability.log_likelihood_gaussian(FIT_DATA, m, v))
                        for m, v in zip(FIT_MEAN_PATH, FIT_VAR_PATH)])  # (121,) rises to the fit
FIT_X = np.linspace(-3.0, 6.5, 191)
FIT_CURVES = np.stack([probability.multivariate_normal_pdf(FIT_X[:, None], [m], [[v]])
                       for m, v in zip(FIT_MEAN_PATH, FIT_VAR_PATH)])  # (121, 191)
FIT_BINS = np.arange(-1.0, 6.01, 0.7)
FIT_HIST = np.histogram(FIT_DATA, bins=FIT_BINS, density=True)[0]  # (10,) drawn behind the curve
MOMENT_FIT = Bridge(
    formula=r"\nabla A(\hat\eta) = \tfrac{1}{n}\textstyle\sum_i T(x_i)",
    setup=f"x = np.array({FIT_DATA.tolist()})",  # the forty measurements on screen
    mathcore=Snippet("T = probability.gaussian_sufficient_stats(x)\n"
                     "m1, m2 = T.mean(axis=0)\n"
                     "(m1, m2 - m1**2)"),
    library=Snippet("from scipy.stats import norm\n"
                    "loc, scale = norm.fit(x)\n"
                    "(loc, scale**2)", needs="scipy"),
    decimals=3,
)

# --------------------------------------------------------------------------- 6. marginal and conditional
COND_RHO = 0.8
COND_COV = np.array([[SIGMA_1**2, COND_RHO * SIGMA_1 * SIGMA_2],
                     [COND_RHO * SIGMA_1 * SIGMA_2, SIGMA_2**2]])
COND_CLOUD = Z @ np.linalg.cholesky(COND_COV).T  # (N, 2) the same draws, correlated
MARGINAL_MEAN, MARGINAL_COV = probability.gaussian_marginal(CENTER, COND_COV, keep=0)
MARGINAL_X = np.linspace(-4.0, 4.0, 161)
MARGINAL_CURVE = probability.multivariate_normal_pdf(MARGINAL_X[:, None], MARGINAL_MEAN,
                                                     MARGINAL_COV)  # (161,) x1 alone
COND_A = 1.5  # the observed value of x1
COND_A_KEYS = np.array([COND_A, -2.5, 2.0, COND_A])
COND_A_PATH = np.concatenate([np.linspace(a, b, 60, endpoint=False)
                              for a, b in zip(COND_A_KEYS, COND_A_KEYS[1:])] + [[COND_A_KEYS[-1]]])
COND_PATH = [probability.gaussian_conditional(CENTER, COND_COV, given=0, value=a) for a in COND_A_PATH]
COND_MEAN_PATH = np.array([float(m[0]) for m, _ in COND_PATH])  # (181,) on the regression line
COND_VAR = float(COND_PATH[0][1][0, 0])  # the same for every a
COND_MEAN = float(COND_MEAN_PATH[0])  # at x1 = COND_A
COND_GAIN = float(COND_COV[1, 0] / COND_COV[0, 0])  # Sigma_21 / Sigma_11
COND_Y = np.linspace(-3.0, 3.0, 121)
COND_SLICE = probability.multivariate_normal_pdf(np.column_stack([np.full_like(COND_Y, COND_A), COND_Y]),
                                                 CENTER, COND_COV)  # (121,) joint along x1 = a
COND_SHAPES = np.stack([probability.multivariate_normal_pdf(COND_Y[:, None], m, c)
                        for m, c in COND_PATH])  # (181, 121) the conditional densities
CONDITIONAL = Bridge(
    formula=r"\mu_{2\mid 1} = \mu_2 + \tfrac{\Sigma_{21}}{\Sigma_{11}}(a - \mu_1), \quad "
            r"\sigma^2_{2\mid 1} = \Sigma_{22} - \tfrac{\Sigma_{21}^2}{\Sigma_{11}}",
    setup=(f"mu = np.zeros(2)\nS = np.array({np.round(COND_COV, 6).tolist()})\na = {COND_A}"),
    mathcore=Snippet("m, c = probability.gaussian_conditional(\n"
                     "    mu, S, given=0, value=a)\n"
                     "(m[0], c[0, 0])"),
    library=Snippet("from scipy.stats import multivariate_normal\n"
                    "y = np.linspace(-8, 8, 4001)\n"
                    "xy = np.c_[np.full_like(y, a), y]\n"
                    "p = multivariate_normal(mu, S).pdf(xy)\n"
                    "m = (y * p).sum() / p.sum()\n"
                    "(m, ((y - m)**2 * p).sum() / p.sum())", needs="scipy"),
    decimals=3,
)

# --------------------------------------------------------------------------- 7. Gamma-Poisson
GP_ALPHA, GP_BETA = 2.0, 1.0  # prior Gamma(shape, rate): like one minute with two requests
GP_TRUE_RATE = 5.0  # the simulation's rate (the scene lets the data speak)
GP_N = 12
GP_COUNTS = rng.poisson(GP_TRUE_RATE, size=GP_N)  # (n,) requests in each of twelve minutes
GP_HISTORY = np.array([(GP_ALPHA, GP_BETA)] + [probability.gamma_poisson_update(
    GP_ALPHA, GP_BETA, GP_COUNTS[:k]) for k in range(1, GP_N + 1)])  # (n+1, 2) shape, rate
GP_MEANS = GP_HISTORY[:, 0] / GP_HISTORY[:, 1]  # (n+1,) posterior means
LAM = np.linspace(0.0, 10.0, 201)
GP_CURVES = np.stack([probability.gamma_pdf(LAM, a, b) for a, b in GP_HISTORY])  # (n+1, 241)
N_SLOW_MINUTES = 2
GAMMA_POSTERIOR = Bridge(
    formula=r"\text{Gamma}\big(\alpha + \textstyle\sum_i k_i,\ \beta + n\big)",
    setup=f"a, b = {GP_ALPHA}, {GP_BETA}\nk = np.array({GP_COUNTS.tolist()})",
    mathcore=Snippet("a1, b1 = probability.gamma_poisson_update(\n"
                     "    a, b, k)\n"
                     "a1 / b1"),
    library=Snippet("from scipy.stats import gamma\n"
                    "n, s = k.size, k.sum()\n"
                    "gamma(a + s, scale=1 / (b + n)).mean()", needs="scipy"),
    decimals=3,
)

TEX_MAP = {
    r"\eta": ETA_COLOR,
    r"T(x)": STAT_COLOR,
    r"T(y)": STAT_COLOR,
    r"T(x_i)": STAT_COLOR,
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
        # Step 4: why: A is the log of a sum, and its derivative averages T.
        self.show_why_slope_is_mean()

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

    def show_why_slope_is_mean(self):
        why = VGroup(
            get_colored_tex(r"A(\eta) = \log \textstyle\sum_y h(y)\, e^{\eta\, T(y)}", TEX_MAP,
                            font_size=LABEL_SIZE),
            get_colored_tex(r"A'(\eta) = \dfrac{\sum_y T(y)\, h(y)\, e^{\eta\, T(y)}}"
                            r"{\sum_y h(y)\, e^{\eta\, T(y)}} = \textstyle\sum_y T(y)\, "
                            r"p(y \mid \eta) = \mathbb{E}[T(y)]", TEX_MAP, font_size=LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        why.next_to(self.bernoulli, DOWN, buff=0.6).align_to(self.bernoulli, LEFT)
        with self.beat("Why is the slope the mean? A is the log of the normaliser: the sum, over "
                       "every outcome, of h times e to the eta T."):
            self.play(FadeOut(self.lower), run_time=0.8)
            self.play(Write(why[0]), run_time=2)
        with self.beat("Differentiate a log of a sum: each term picks up a factor T, and dividing "
                       "by the sum turns the terms into probabilities. So A prime is the average "
                       "of T under the model. For the coin, T is y, and its average is p."):
            self.play(Write(why[1]), run_time=3)
            self.play(Circumscribe(VGroup(*why[1][-3:]), color=MEAN))
        with self.beat("That one fact pays off twice: maximum likelihood becomes matching "
                       "averages, and Bayesian updates become counting. To see both, put the "
                       "Gaussian into the same template."):
            self.play(Indicate(self.form, color=TEXT, scale_factor=1.05))
            self.play(FadeOut(VGroup(self.names, self.bernoulli, why)))


class GaussianTemplate(NarratedScene):
    """The Gaussian rewritten step by step as exp(eta . T(x) - A(eta)), then checked with numbers."""

    def construct(self):
        # Step 1: the density, the square expanded, the terms grouped.
        self.show_derivation()
        # Step 2: read off eta, T, h and A.
        self.show_parts()
        # Step 3: numbers: mu = 1, sigma^2 = 0.5; the two forms agree at x = 2.
        self.show_numbers()
        # Step 4: grad A is the mean of T, as the coin promised.
        self.show_gradient()
        # Step 5: formula -> mathcore -> scipy.stats.norm.pdf.
        self.play(FadeOut(VGroup(self.steps, self.parts, self.numbers, self.plot)))
        show_bridge(self, GAUSS_FORM, (
            "In code: build eta, the statistics and A, and take the exponential.",
            f"mathcore's three functions give {format_number(GAUSS_DENSITY, 3)} at x equals "
            f"{format_number(GAUSS_X, 0)}.",
            "SciPy's norm dot pdf, with the usual mean and standard deviation, gives the same "
            "height. Same distribution, written two ways."))

    def show_derivation(self):
        colors = {**TEX_MAP, r"\mu": MEAN, r"\sigma^2": SPREAD}
        steps = VGroup(
            get_colored_tex(r"\mathcal{N}(x; \mu, \sigma^2) = \frac{1}{\sqrt{2\pi\sigma^2}}\,"
                            r"\exp\Big(-\frac{(x-\mu)^2}{2\sigma^2}\Big)", colors, font_size=LABEL_SIZE),
            get_colored_tex(r"= \exp\Big(-\frac{x^2}{2\sigma^2} + \frac{\mu x}{\sigma^2} - "
                            r"\frac{\mu^2}{2\sigma^2} - \tfrac12 \log(2\pi\sigma^2)\Big)", colors,
                            font_size=LABEL_SIZE),
            get_colored_tex(r"= \exp\Big(\frac{\mu}{\sigma^2}\cdot x \;+\; \Big(-\frac{1}{2\sigma^2}"
                            r"\Big)\cdot x^2 \;-\; \Big[\frac{\mu^2}{2\sigma^2} + \tfrac12 "
                            r"\log(2\pi\sigma^2)\Big]\Big)", colors, font_size=LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3).to_corner(UP + LEFT, buff=EDGE_BUFF)
        steps[1:].shift(0.9 * RIGHT)
        with self.beat("The Gaussian, the bell curve behind least squares and most noise models, "
                       "fits the template too. Start from its density."):
            self.play(Write(steps[0]), run_time=2.5)
        with self.beat("Expand the square in the exponent, and move the normalising constant up "
                       "into the exponent, as a log."):
            self.play(FadeIn(steps[1], shift=0.2 * DOWN), run_time=1.5)
            self.play(Indicate(steps[1][-1], color=SPREAD))
        with self.beat("Now group the terms: x times mu over sigma squared, plus x squared times "
                       "minus one over two sigma squared, minus everything without an x."):
            self.play(FadeIn(steps[2], shift=0.2 * DOWN), run_time=1.5)
        self.steps = steps

    def show_parts(self):
        parts = get_colored_tex(
            r"\eta = \Big(\frac{\mu}{\sigma^2},\, -\frac{1}{2\sigma^2}\Big), \quad T(x) = (x,\, x^2), "
            r"\quad h(x) = 1, \quad A(\eta) = \frac{\mu^2}{2\sigma^2} + \tfrac12 \log(2\pi\sigma^2)",
            {**TEX_MAP, r"\mu": ETA_COLOR}, font_size=LABEL_SIZE)
        parts.next_to(self.steps, DOWN, buff=0.45).align_to(self.steps, LEFT)
        box = SurroundingRectangle(parts, color=MUTED, buff=0.15, stroke_width=2)
        with self.beat("Read off the parts. Two natural parameters multiply two statistics, x and "
                       "x squared. h is one, and A collects the rest: it only depends on the "
                       "parameters."):
            self.play(Write(parts), run_time=3)
            self.play(Create(box))
        self.parts = VGroup(parts, box)

    def show_numbers(self):
        eta1, eta2 = (format_number(v, 0) for v in GAUSS_ETA)
        numbers = VGroup(
            get_colored_tex(rf"\mu = {format_number(GAUSS_MEAN, 0)},\ \sigma^2 = "
                            rf"{format_number(GAUSS_VAR, 1)}:\quad \eta = ({eta1},\, {eta2}), \quad "
                            rf"A(\eta) = {format_number(GAUSS_A, 3)}", TEX_MAP, font_size=LABEL_SIZE),
            get_colored_tex(rf"x = {format_number(GAUSS_X, 0)}:\quad T(x) = "
                            rf"({format_number(GAUSS_T[0], 0)},\, {format_number(GAUSS_T[1], 0)}), "
                            rf"\quad \eta^{{\top}} T(x) = {format_number(GAUSS_DOT, 0)}", TEX_MAP,
                            font_size=LABEL_SIZE),
            get_colored_tex(rf"e^{{\,0 - {format_number(GAUSS_A, 3)}}} = "
                            rf"{format_number(GAUSS_DENSITY, 3)}", {}, font_size=LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        numbers.next_to(self.parts, DOWN, buff=0.45).align_to(self.steps, LEFT)
        axes = Axes(x_range=(-1, 3, 1), y_range=(0, 0.6, 0.2), x_length=4.2, y_length=2.3,
                    axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
                    x_axis_config={"numbers_to_include": [-1, 0, 1, 2, 3]},
                    ).to_corner(DOWN + RIGHT, buff=EDGE_BUFF).shift(0.2 * UP)
        curve = get_sampled_curve(axes, GAUSS_GRID, GAUSS_CURVE, PROB, fill_opacity=0.15)
        x_label = MathTex("x", font_size=LABEL_SIZE).next_to(axes.x_axis, RIGHT, buff=0.1)
        stem = DashedLine(axes.c2p(GAUSS_X, 0), axes.c2p(GAUSS_X, GAUSS_DENSITY), color=ACCENT_2)
        dot = Dot(axes.c2p(GAUSS_X, GAUSS_DENSITY), radius=0.07, color=ACCENT_2)
        height = MathTex(format_number(GAUSS_DENSITY, 3), font_size=SMALL_SIZE, color=ACCENT_2)
        height.next_to(dot, UR, buff=0.08)
        with self.beat(f"Put in numbers: mu one, sigma squared one half. Then eta is {eta1} and "
                       f"{eta2}, and A is {format_number(GAUSS_A, 3)}."):
            self.play(Write(numbers[0]), Create(axes), FadeIn(x_label), run_time=2)
            self.play(Create(curve), run_time=1.5)
        with self.beat(f"Check one point, x equals {format_number(GAUSS_X, 0)}. The statistics are "
                       "two and four, and eta dot T is four minus four: zero."):
            self.play(Write(numbers[1]), run_time=2)
            self.play(Create(stem))
        with self.beat(f"So the density there is e to the minus A: {format_number(GAUSS_DENSITY, 3)}, "
                       "exactly the height of the bell curve at two."):
            self.play(Write(numbers[2]), GrowFromCenter(dot), run_time=1.5)
            self.play(FadeIn(height), Indicate(numbers[2], color=ACCENT_2))
        self.numbers, self.plot = numbers, VGroup(axes, curve, x_label, stem, dot, height)

    def show_gradient(self):
        grad = get_colored_tex(rf"\nabla A(\eta) = \mathbb{{E}}[T(x)] = (\mathbb{{E}}[x],\, "
                               rf"\mathbb{{E}}[x^2]) = ({format_number(GAUSS_GRAD_A[0])},\, "
                               rf"{format_number(GAUSS_GRAD_A[1])})", TEX_MAP, font_size=LABEL_SIZE)
        grad.next_to(self.numbers, DOWN, buff=0.35).align_to(self.steps, LEFT)
        with self.beat("And the coin's promise holds: the gradient of this A, measured numerically, "
                       f"is {format_number(GAUSS_GRAD_A[0])} and {format_number(GAUSS_GRAD_A[1])}: "
                       "the mean of x, and the mean of x squared, mu squared plus sigma squared."):
            self.play(Write(grad), run_time=2.5)
            self.play(Circumscribe(grad, color=PARTITION_COLOR))
        self.numbers.add(grad)


class MomentMatching(NarratedScene):
    """The MLE of an exponential family sets the model's mean statistics to the data's."""

    def construct(self):
        # Step 1: forty measurements, as a histogram.
        self.show_data()
        # Step 2: the log-likelihood in the template, its gradient set to zero.
        self.show_derivation()
        # Step 3: the data's averages of x and x^2.
        self.show_data_moments()
        # Step 4: a guess moves straight to the match; the log-likelihood climbs.
        self.show_matching()
        # Step 5: where ML fits this way.
        self.show_uses()
        # Step 6: formula -> mathcore -> scipy.stats.norm.fit.
        self.play(FadeOut(Group(*self.mobjects)))
        show_bridge(self, MOMENT_FIT, (
            "In code, moment matching is two averages and one subtraction.",
            f"mathcore averages the statistics of the forty points: mean "
            f"{format_number(FIT_MEAN, 3)}, variance {format_number(FIT_VAR, 3)}.",
            "SciPy's norm dot fit maximises the likelihood its own way, and lands on the same "
            "two numbers. It returns the standard deviation, so we square it."))

    def show_data(self):
        self.axes = Axes(
            x_range=(-3, 6.5, 1), y_range=(0, 0.6, 0.2), x_length=6.2, y_length=3.0,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
            x_axis_config={"numbers_to_include": [-2, 0, 2, 4, 6]},
            y_axis_config={"numbers_to_include": [0.2, 0.4]},
        ).to_corner(DOWN + LEFT, buff=EDGE_BUFF).shift(0.2 * UP + 0.2 * RIGHT)
        x_label = MathTex("x", font_size=LABEL_SIZE).next_to(self.axes.x_axis, RIGHT, buff=0.1)
        bars = VGroup(*(
            Rectangle(width=self.axes.x_axis.unit_size * (right - left) * 0.96,
                      height=max(self.axes.y_axis.unit_size * h, 1e-3), stroke_width=1,
                      stroke_color=DATA, fill_color=DATA, fill_opacity=0.35)
            .move_to(self.axes.c2p((left + right) / 2, 0), aligned_edge=DOWN)
            for left, right, h in zip(FIT_BINS[:-1], FIT_BINS[1:], FIT_HIST)))
        rug = VGroup(*(Line(self.axes.c2p(x, 0), self.axes.c2p(x, 0.03), color=DATA, stroke_width=2)
                       for x in FIT_DATA))
        with self.beat(f"The first payoff. Here are {FIT_N} measurements. Which Gaussian makes "
                       "them most likely?"):
            self.play(Create(self.axes), FadeIn(x_label))
            # the rug falls in as one mobject, mark after mark (faded in one by one, each joined
            # the scene alone, and repeated measurements' marks counted as ghost copies)
            self.play(FadeIn(rug, shift=0.3 * DOWN, lag_ratio=0.05), run_time=2)
            self.play(LaggedStart(*(GrowFromEdge(b, DOWN) for b in bars), lag_ratio=0.1))
        self.data = VGroup(x_label, rug, bars)

    def show_derivation(self):
        lines = VGroup(
            get_colored_tex(r"\ell(\eta) = \textstyle\sum_i \log p(x_i \mid \eta) = "
                            r"\eta^{\top} \textstyle\sum_i T(x_i) \;-\; n\, A(\eta) + \text{const}",
                            TEX_MAP, font_size=LABEL_SIZE),
            get_colored_tex(r"\nabla \ell = \textstyle\sum_i T(x_i) - n\, \nabla A(\eta) = 0",
                            TEX_MAP, font_size=LABEL_SIZE),
            get_colored_tex(r"\Rightarrow\quad \nabla A(\hat\eta) = \tfrac{1}{n}\textstyle\sum_i "
                            r"T(x_i)", {r"\nabla A": PARTITION_COLOR, r"T(x_i)": STAT_COLOR},
                            font_size=BODY_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3).to_corner(UP + LEFT, buff=EDGE_BUFF)
        words = VGroup(Tex("model's average", font_size=SMALL_SIZE, color=PARTITION_COLOR),
                       Tex("data's average", font_size=SMALL_SIZE, color=STAT_COLOR))
        box = SurroundingRectangle(lines[2], color=ACCENT_2, buff=0.12, stroke_width=3)
        words[0].next_to(box, DOWN, buff=0.12).align_to(box, LEFT).shift(0.5 * RIGHT)
        words[1].next_to(box, DOWN, buff=0.12).align_to(box, RIGHT)
        with self.beat("In the template, the log-likelihood of all n points is eta dot the sum of "
                       "their statistics, minus n times A."):
            self.play(Write(lines[0]), run_time=3)
        with self.beat("Set its gradient to zero. We just saw that the gradient of A is the "
                       "model's average of T."):
            self.play(Write(lines[1]), run_time=2)
            # colour pulses in place: grown by Indicate's 1.2 they ran off the left edge
            self.play(Indicate(lines[1][-4:], color=PARTITION_COLOR, scale_factor=1.0))
        with self.beat("So the maximum likelihood fit is the one whose average statistics equal "
                       "the data's averages. That is called moment matching."):
            self.play(Write(lines[2]), run_time=1.5)
            self.play(Create(box), LaggedStart(*(FadeIn(w, shift=0.1 * LEFT) for w in words),
                                               lag_ratio=0.5))
        self.lines = VGroup(lines, box, words)

    def show_data_moments(self):
        t = self.t = ValueTracker(0.0)
        head = VGroup(Tex("data", font_size=LABEL_SIZE, color=STAT_COLOR),
                      Tex("model", font_size=LABEL_SIZE, color=PARTITION_COLOR))
        rows = VGroup(MathTex(r"\text{mean of } x", font_size=LABEL_SIZE),
                      MathTex(r"\text{mean of } x^2", font_size=LABEL_SIZE))
        data_values = VGroup(*(MathTex(format_number(v), font_size=LABEL_SIZE, color=STAT_COLOR)
                               for v in FIT_T_BAR))
        model_values = VGroup(*(get_tracked_number(t, decimals=2, color=PARTITION_COLOR,
                                                   font_size=LABEL_SIZE,
                                                   value=lambda s, j=j: float(lookup(FIT_MODEL_T[:, j], s)))
                                for j in range(2)))
        x0, x1, x2 = 1.6, 3.9, 5.6  # column centres
        y0 = -1.05
        for j, row in enumerate(rows):
            row.move_to([x0, y0 - 0.6 * (j + 1), 0])
            data_values[j].move_to([x1, y0 - 0.6 * (j + 1), 0])
            model_values[j].move_to([x2, y0 - 0.6 * (j + 1), 0])
            model_values[j].add_updater(lambda m, j=j: m.move_to([x2, y0 - 0.6 * (j + 1), 0]))
        head[0].move_to([x1, y0, 0])
        head[1].move_to([x2, y0, 0])
        self.ll = get_readout(r"\ell", t, lambda s: float(lookup(FIT_LL_PATH, s)), ACCENT_2,
                              decimals=1, colors={r"\ell": ACCENT_2})
        self.ll.move_to([x2 - 0.5, y0 - 2.0, 0])
        with self.beat("For the Gaussian there are two averages: of x, and of x squared. For these "
                       f"points: {format_number(FIT_T_BAR[0])} and {format_number(FIT_T_BAR[1])}."):
            self.play(FadeIn(head[0]), FadeIn(rows))
            self.play(LaggedStart(*(Write(v) for v in data_values), lag_ratio=0.5), run_time=1.5)
        self.table = VGroup(head, rows, data_values, model_values)
        self.head_model = head[1]

    def show_matching(self):
        curve = always_redraw(lambda: get_sampled_curve(
            self.axes, FIT_X, lookup(FIT_CURVES, self.t.get_value()), PARTITION_COLOR,
            stroke_width=4))
        with self.beat(f"Start from a poor guess: mean {format_number(GUESS_MEAN, 1)}, variance "
                       f"{format_number(GUESS_VAR, 1)}. Its averages are far from the data's, and "
                       "the log-likelihood is low."):
            self.play(Create(curve), FadeIn(self.head_model), FadeIn(self.table[3]), run_time=1.5)
            self.play(FadeIn(self.ll))
        with self.beat("Move eta in a straight line toward the match. The model's averages close "
                       "in on the data's, and the log-likelihood climbs all the way."):
            self.play(self.t.animate.set_value(len(FIT_S) - 1), run_time=6, rate_func=smooth)
        with self.beat("It peaks exactly where they agree: mean "
                       f"{format_number(FIT_MEAN)}, and variance {format_number(FIT_T_BAR[1])} "
                       f"minus {format_number(FIT_MEAN)} squared, {format_number(FIT_VAR)}."):
            self.play(Circumscribe(VGroup(self.table[2], self.table[3]), color=ACCENT_2))
            self.play(Indicate(self.ll, color=ACCENT_2))
        for m in (curve, *self.table[3], self.ll[1]):
            m.clear_updaters()

    def show_uses(self):
        uses = get_colored_tex(r"\text{Bernoulli: } \hat p = \bar y \qquad \text{Poisson: } "
                               r"\hat\lambda = \bar k \qquad \text{categorical: } \hat p_c = n_c / n",
                               {}, font_size=LABEL_SIZE, color=TEXT)
        uses.next_to(self.lines, DOWN, buff=0.35).align_to(self.lines, LEFT)
        with self.beat("Every exponential family fits this way. A coin's p is the fraction of "
                       "heads, a Poisson rate is the mean count, and a classifier's class "
                       "probabilities are the class frequencies."):
            self.play(Write(uses), run_time=3)
        with self.beat("And the gradient of logistic regression's loss has the same shape: the "
                       "data's label minus the model's predicted average, times the input."):
            self.play(Indicate(self.lines[0][1], color=ACCENT_2, scale_factor=1.0))
            self.play(Circumscribe(uses, color=STAT_COLOR))


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


class MarginalsAndConditionals(NarratedScene):
    """Marginal: drop the other coordinates. Conditional: a renormalised slice, mean on a line."""

    def construct(self):
        # Step 1: a correlated cloud and its ellipses.
        self.show_joint()
        # Step 2: the marginal of x1: every draw drops onto the axis; N(mu1, Sigma11).
        self.show_marginal()
        # Step 3: the conditional given x1 = a: a slice, renormalised, with its formula.
        self.show_slice()
        self.show_conditional_formula()
        # Step 4: slide a: the mean runs along the regression line, the width stays.
        self.show_sweep()
        # Step 5: where ML uses it; formula -> mathcore -> SciPy.
        self.show_uses()
        self.play(FadeOut(Group(*self.mobjects)))
        show_bridge(self, CONDITIONAL, (
            "In code: the conditional's mean and variance straight from the blocks of mu and "
            "Sigma.",
            f"mathcore gives {format_number(COND_MEAN, 3)} and {format_number(COND_VAR, 3)} at "
            f"x one equals {format_number(COND_A, 1)}.",
            "SciPy has no conditional, so take the slice: the joint density along the line, "
            "normalised, and its mean and variance. The same two numbers."))

    # ------------------------------------------------------------------ builders
    def get_slice(self, a: float, values, scale: float, color) -> VMobject:
        """A density over x2 drawn sideways, to the right of the line x1 = a."""
        curve = VMobject(stroke_color=color, stroke_width=3, fill_color=color, fill_opacity=0.25)
        edge = [self.plane.c2p(a, y) + scale * v * RIGHT for y, v in zip(COND_Y, values)]
        curve.set_points_as_corners([self.plane.c2p(a, COND_Y[0])] + edge + [self.plane.c2p(a, COND_Y[-1])])
        return curve

    def show_joint(self):
        self.plane = get_plane(x_range=(-4, 4, 1), y_range=(-3, 3, 1), unit=0.72, center=(-3.55, 1.0, 0))
        self.plane.set_stroke(opacity=0.4)
        cloud = VGroup(*(Dot(self.plane.c2p(*p), radius=0.03, color=DATA, fill_opacity=0.6)
                         for p in COND_CLOUD if abs(p[1]) < 2.9))
        ellipses = VGroup(*(
            VMobject(stroke_color=SPREAD, stroke_width=w).set_points_as_corners(
                [self.plane.c2p(*p) for p in probability.covariance_ellipse(
                    CENTER, COND_COV, n_std=k, n_points=120).points])
            for k, w in ((1.0, 3.5), (2.0, 2.5))))
        names = VGroup(MathTex("x_1", font_size=LABEL_SIZE).next_to(self.plane.c2p(4, 0), UP, buff=0.1),
                       MathTex("x_2", font_size=LABEL_SIZE).next_to(self.plane.c2p(0, 3), RIGHT, buff=0.1))
        joint = get_colored_tex(
            r"\begin{pmatrix} x_1 \\ x_2 \end{pmatrix} \sim \mathcal{N}\Big(0,\ \Sigma = "
            rf"\begin{{pmatrix}} {format_number(COND_COV[0, 0])} & {format_number(COND_COV[0, 1])} \\ "
            rf"{format_number(COND_COV[1, 0])} & {format_number(COND_COV[1, 1])} \end{{pmatrix}}\Big)",
            TEX_MAP, font_size=LABEL_SIZE)
        joint.to_corner(UR, buff=EDGE_BUFF)
        with self.beat("A joint Gaussian is how a model keeps several quantities at once. Two "
                       "questions come up all the time: what is one of them on its own, and what "
                       "does seeing one tell us about the other?"):
            self.play(FadeIn(self.plane), FadeIn(names), FadeIn(cloud), run_time=1.5)
            self.play(Create(ellipses), Write(joint), run_time=2)
        self.cloud, self.joint = cloud, joint

    def show_marginal(self):
        unit = self.plane.x_axis.unit_size
        axes = Axes(x_range=(-4, 4, 1), y_range=(0, 0.3, 0.1), x_length=8 * unit, y_length=1.35,
                    axis_config={"color": MUTED, "include_tip": False})
        axes.shift(self.plane.c2p(0, 0)[0] * RIGHT - axes.c2p(0, 0)[0] * RIGHT)
        axes.shift((-3.45 - axes.c2p(0, 0)[1]) * UP)
        base = axes.c2p(0, 0)[1]
        rug = VGroup(*(Line([d.get_x(), base, 0], [d.get_x(), base + 0.15, 0], color=DATA,
                            stroke_width=1.5) for d in self.cloud))
        curve = get_sampled_curve(axes, MARGINAL_X, MARGINAL_CURVE, PROB, fill_opacity=0.2)
        formula = get_colored_tex(rf"x_1 \sim \mathcal{{N}}(\mu_1, \Sigma_{{11}}) = \mathcal{{N}}(0,\ "
                                  rf"{format_number(MARGINAL_COV[0, 0])})", TEX_MAP, font_size=LABEL_SIZE)
        formula.next_to(self.joint, DOWN, buff=0.45).align_to(self.joint, LEFT)
        tag = Tex("marginal:", font_size=SMALL_SIZE, color=PROB).next_to(formula, LEFT, buff=0.15)
        with self.beat("On its own: forget the second coordinate. Every draw drops straight down "
                       "onto the first axis."):
            self.play(Create(axes))
            self.play(TransformFromCopy(self.cloud, rug), run_time=2.5)
        with self.beat("The marks pile up into a Gaussian whose mean and variance are simply the "
                       "first entries of mu and Sigma. A Gaussian's marginal is read off the "
                       "matrix, with no integral to do."):
            self.play(Create(curve), run_time=1.5)
            self.play(Write(formula), FadeIn(tag))
            # a colour pulse in place: grown by Indicate's 1.2 it ran off the right edge
            self.play(Indicate(self.joint[0], color=SPREAD, scale_factor=1.0))
        self.marginal = VGroup(axes, rug, curve)
        self.marginal_formula = VGroup(tag, formula)

    def show_slice(self):
        a = ValueTracker(COND_A)
        self.a = a
        line = always_redraw(lambda: DashedLine(self.plane.c2p(a.get_value(), -3),
                                                self.plane.c2p(a.get_value(), 3), color=ACCENT_2,
                                                stroke_width=3))
        label = always_redraw(lambda: MathTex(rf"x_1 = {format_number(a.get_value(), 1)}",
                                              font_size=SMALL_SIZE, color=ACCENT_2)
                              .next_to(self.plane.c2p(a.get_value(), 3), UP, buff=0.08))
        self.path_t = ValueTracker(0.0)
        joint_slice = self.get_slice(COND_A, COND_SLICE, 4.0, FAINT)
        self.slice = always_redraw(lambda: self.get_slice(
            a.get_value(), lookup(COND_SHAPES, self.path_t.get_value()), 1.8, ACCENT_2))
        near = VGroup(*(d for d in self.cloud if abs(self.plane.p2c(d.get_center())[0] - COND_A) < 0.15))
        with self.beat(f"Now observe the first coordinate: x one equals {format_number(COND_A, 1)}. "
                       "Every point consistent with that lies on this line."):
            self.play(Create(line), FadeIn(label))
            # each dot grows where it is (scaled as one group, they spread off the line and
            # onto other points of the cloud)
            self.play(*(d.animate.set_color(ACCENT_2).scale(1.6) for d in near), run_time=1.5)
        with self.beat("Along the line, the joint density is a bump. Its exponent is still a "
                       "quadratic in x two, so the bump is a Gaussian."):
            self.play(Create(joint_slice), run_time=2)
        with self.beat("Divide by its area, which is the marginal density at the observed value, "
                       "and it becomes the conditional distribution of x two."):
            self.play(ReplacementTransform(joint_slice, self.slice), run_time=2)
        self.line, self.line_label = line, label

    def show_conditional_formula(self):
        colors = {**TEX_MAP, r"\mu_{2\mid 1}": ACCENT_2, r"\sigma^2_{2\mid 1}": ACCENT_2}
        formulas = VGroup(
            get_colored_tex(r"\mu_{2\mid 1} = \mu_2 + \frac{\Sigma_{21}}{\Sigma_{11}}(a - \mu_1) = "
                            rf"{format_number(COND_GAIN)} \cdot {format_number(COND_A, 1)} = "
                            rf"{format_number(COND_MEAN)}", colors, font_size=LABEL_SIZE),
            get_colored_tex(r"\sigma^2_{2\mid 1} = \Sigma_{22} - \frac{\Sigma_{21}^2}{\Sigma_{11}} = "
                            rf"{format_number(COND_VAR)} < \Sigma_{{22}} = {format_number(COND_COV[1, 1])}",
                            colors, font_size=LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        formulas.next_to(self.marginal_formula, DOWN, buff=0.45).align_to(self.marginal_formula, LEFT)
        tag = Tex("conditional:", font_size=SMALL_SIZE, color=ACCENT_2)
        tag.next_to(formulas, UP, buff=0.12).align_to(formulas, LEFT)
        mean_dot = always_redraw(lambda: Dot(self.plane.c2p(
            self.a.get_value(), float(lookup(COND_MEAN_PATH, self.path_t.get_value()))),
            radius=0.07, color=ACCENT_2))
        with self.beat("Its mean shifts by Sigma two one over Sigma one one, times how far a is "
                       f"from mu one: here {format_number(COND_GAIN)} times "
                       f"{format_number(COND_A, 1)}, {format_number(COND_MEAN)}."):
            self.play(FadeIn(tag), Write(formulas[0]), run_time=2)
            self.play(GrowFromCenter(mean_dot))
        with self.beat(f"Its variance shrinks, from {format_number(COND_COV[1, 1])} to "
                       f"{format_number(COND_VAR)}: seeing x one removed {format_number(100 * COND_RHO**2, 0)} "
                       "percent of the uncertainty, rho squared."):
            self.play(Write(formulas[1]), run_time=2)
            self.play(Indicate(formulas[1][-1], color=SPREAD))
        self.formulas, self.mean_dot = VGroup(tag, formulas), mean_dot

    def show_sweep(self):
        regression = Line(self.plane.c2p(-4, -4 * COND_GAIN), self.plane.c2p(4, 4 * COND_GAIN),
                          color=MEAN, stroke_width=3)

        def move(k):
            return (self.a.animate.set_value(COND_A_KEYS[k]),
                    self.path_t.animate.set_value(60 * k))
        with self.beat("Slide the observation. The conditional mean runs along a straight line: "
                       "the regression line of x two on x one."):
            self.play(Create(regression), *move(1), run_time=4, rate_func=smooth)
        with self.beat("And the width never changes. Where x one lands moves the guess, but how "
                       "much seeing it tells you is fixed by Sigma alone."):
            self.play(*move(2), run_time=4, rate_func=smooth)
            self.play(*move(3), run_time=2, rate_func=smooth)
        for m in (self.line, self.line_label, self.slice, self.mean_dot):
            m.clear_updaters()
        self.regression = regression

    def show_uses(self):
        uses = Tex(r"Gaussian-process predictions, Kalman filters,\\ filling in a missing feature",
                   font_size=SMALL_SIZE, color=TEXT)
        uses.next_to(self.formulas, DOWN, buff=0.45).align_to(self.formulas, LEFT)
        with self.beat("These two formulas are exactly how a Gaussian process predicts at a new "
                       "point, how a Kalman filter folds in a measurement, and how a model fills "
                       "in a missing feature from the ones it sees."):
            self.play(FadeIn(uses, shift=0.2 * UP))
            self.play(Circumscribe(self.formulas, color=ACCENT_2), run_time=2)


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
        bayes = MathTex(r"p(\theta \mid \text{data})", r"\;\propto\;", r"p(\text{data} \mid \theta)",
                        r"\, p(\theta)", font_size=BODY_SIZE)
        bayes[0].set_color(POSTERIOR)
        bayes[3].set_color(PRIOR)
        bayes.to_edge(UP, buff=EDGE_BUFF)
        with self.beat("Seeing one coordinate turned a Gaussian into another Gaussian. The "
                       "template's second payoff does the same for a model's parameters: with a "
                       "conjugate prior, the posterior has the prior's form."):
            self.play(Create(self.axes), FadeIn(theta))
            self.play(Write(bayes), run_time=2)
            self.play(Indicate(VGroup(bayes[0], bayes[3]), color=ACCENT_2))
        self.bayes = bayes
        with self.beat("A coin of unknown bias theta. Before any flip, we believe theta is "
                       "somewhere in the middle: a Beta two, two prior."):
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
            self.play(FadeOut(self.bayes), run_time=0.6)
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


class GammaPoissonUpdates(NarratedScene):
    """Counts with a Poisson rate; a Gamma prior updates by adding counts and minutes."""

    def construct(self):
        # Step 1: the Poisson in the template.
        self.show_poisson()
        # Step 2: a Gamma prior with the likelihood's shape; the update rule.
        self.show_prior()
        self.show_rule()
        # Step 3: minutes of counts arrive; the posterior narrows.
        for k in range(N_SLOW_MINUTES):
            self.show_minute(k)
        self.show_remaining_minutes()
        # Step 4: the same counting elsewhere; formula -> mathcore -> scipy.stats.gamma.
        self.show_uses()
        self.play(FadeOut(Group(*self.mobjects)))
        show_bridge(self, GAMMA_POSTERIOR, (
            "In code: the posterior is a Gamma whose shape gains the counts and whose rate gains "
            "the minutes.",
            f"mathcore's update, and the posterior mean: {format_number(GP_MEANS[-1], 3)} "
            "requests a minute.",
            "SciPy's gamma, with scale one over the rate, gives the same mean, and its interval "
            "and samples if you need them."))

    def get_count(self, k: int) -> VGroup:
        box = RoundedRectangle(width=0.46, height=0.46, corner_radius=0.08, stroke_color=DATA,
                               fill_color=DATA, fill_opacity=0.25, stroke_width=2)
        number = MathTex(str(int(GP_COUNTS[k])), font_size=LABEL_SIZE, color=TEXT)
        return VGroup(box, number).move_to(self.axes.c2p(0, 0.92) + RIGHT * (0.3 + 0.55 * k))

    def show_poisson(self):
        lines = VGroup(
            get_colored_tex(r"p(k \mid \lambda) = \frac{\lambda^{k} e^{-\lambda}}{k!} = \frac{1}{k!}\,"
                            r"\exp\big(k \log\lambda - \lambda\big)",
                            {r"\lambda": MEAN}, font_size=LABEL_SIZE),
            get_colored_tex(r"\eta = \log\lambda, \quad T(k) = k, \quad A(\eta) = e^{\eta} = \lambda",
                            TEX_MAP, font_size=LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3).to_corner(UP + LEFT, buff=EDGE_BUFF)
        with self.beat("Coins are not the only data. Counts are everywhere: requests per minute, "
                       "clicks per hour, words in a document. The Poisson distribution gives a "
                       "count k at a rate lambda."):
            self.play(Write(lines[0]), run_time=3)
        with self.beat("It is in the template too: eta is the log of the rate, the statistic is "
                       "the count itself, and A is e to the eta, the rate."):
            self.play(Write(lines[1]), run_time=2)
        self.poisson = lines

    def show_prior(self):
        self.axes = Axes(
            x_range=(0, 10, 1), y_range=(0, 0.8, 0.2), x_length=6.6, y_length=3.2,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
            x_axis_config={"numbers_to_include": [0, 2, 4, 6, 8, 10]},
            y_axis_config={"numbers_to_include": [0.2, 0.4, 0.6]},
        ).to_corner(DOWN + LEFT, buff=EDGE_BUFF).shift(0.3 * RIGHT + 0.1 * UP)
        lam = MathTex(r"\lambda", font_size=LABEL_SIZE, color=MEAN).next_to(self.axes.x_axis, RIGHT,
                                                                            buff=0.12)
        self.t = ValueTracker(0.0)
        prior = get_sampled_curve(self.axes, LAM, GP_CURVES[0], PRIOR, stroke_width=3)
        prior.set_stroke(opacity=0.6)
        self.curve = always_redraw(lambda: get_sampled_curve(
            self.axes, LAM, lookup(GP_CURVES, self.t.get_value()), POSTERIOR, stroke_width=4,
            fill_opacity=0.2))
        self.mean_line = always_redraw(lambda: DashedLine(
            self.axes.c2p(float(lookup(GP_MEANS, self.t.get_value())), 0),
            self.axes.c2p(float(lookup(GP_MEANS, self.t.get_value())), 0.8), color=MEAN, stroke_width=2))
        gamma = get_colored_tex(r"\text{Gamma}(\lambda; \alpha, \beta) \propto \lambda^{\alpha - 1} "
                                r"e^{-\beta\lambda}", {r"\lambda": MEAN, r"\text{Gamma}": PRIOR},
                                font_size=LABEL_SIZE)
        gamma.next_to(self.poisson, DOWN, buff=0.45).align_to(self.poisson, LEFT)
        prior_label = get_colored_tex(rf"\text{{prior: Gamma}}({format_number(GP_ALPHA, 0)}, "
                                      rf"{format_number(GP_BETA, 0)})", {r"\text{prior: Gamma}": PRIOR},
                                      font_size=SMALL_SIZE)
        prior_label.move_to(self.axes.c2p(0.25, float(GP_CURVES[0].max()) + 0.1), aligned_edge=LEFT)
        with self.beat("For a prior on lambda, take the likelihood's own shape: a power of lambda "
                       "times e to the minus beta lambda. That is the Gamma distribution."):
            self.play(Write(gamma), Create(self.axes), FadeIn(lam), run_time=2)
            self.play(Create(prior), FadeIn(prior_label), run_time=1.5)
        self.add(self.curve)
        self.gamma, self.prior_label = gamma, prior_label

    def show_rule(self):
        colors = {r"\lambda": MEAN, r"\alpha": POSTERIOR, r"\beta": POSTERIOR}
        why = get_colored_tex(r"\textstyle\prod_i \lambda^{k_i} e^{-\lambda} \cdot \lambda^{\alpha-1}"
                              r"e^{-\beta\lambda} = \lambda^{\alpha + \sum_i k_i - 1}\, "
                              r"e^{-(\beta + n)\lambda}", colors, font_size=LABEL_SIZE)
        rule = get_colored_tex(r"\alpha \to \alpha + \textstyle\sum_i k_i, \qquad \beta \to \beta + n",
                               colors, font_size=LABEL_SIZE)
        block = VGroup(why, rule).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        block.to_corner(UR, buff=EDGE_BUFF)
        self.counts = VGroup(
            get_readout(r"\alpha", self.t, lambda s: float(GP_HISTORY[int(round(s)), 0]), POSTERIOR,
                        decimals=0),
            get_readout(r"\beta", self.t, lambda s: float(GP_HISTORY[int(round(s)), 1]), POSTERIOR,
                        decimals=0),
            get_readout(r"\text{mean } \alpha / \beta", self.t,
                        lambda s: float(GP_MEANS[int(round(s))]), MEAN,
                        colors={r"\text{mean }": MEAN, r"\alpha": POSTERIOR, r"\beta": POSTERIOR}),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        self.counts.to_corner(DR, buff=EDGE_BUFF).shift(0.5 * UP)
        with self.beat("Multiply the prior by the likelihood of n counts. The powers of lambda add, "
                       "and so do the exponents: the posterior is a Gamma again."):
            self.play(Write(why), run_time=3)
        with self.beat("So updating is counting: add the counts to alpha, and the number of "
                       "minutes to beta. The prior is worth one minute with two requests."):
            self.play(Write(rule), run_time=2)
            self.play(FadeIn(self.counts), FadeIn(self.mean_line))
        self.rule = block

    def show_minute(self, k: int):
        count = self.get_count(k)
        c = int(GP_COUNTS[k])
        text = (f"Minute one: {c} requests. Alpha gains {c}, beta gains one, and the curve moves "
                "right." if k == 0 else
                f"Minute two: {c} more. The curve narrows: beta counts the minutes seen.")
        with self.beat(text):
            self.play(FadeIn(count, shift=0.3 * DOWN), run_time=0.6)
            self.play(self.t.animate.set_value(k + 1), run_time=1.5)

    def show_remaining_minutes(self):
        counts = VGroup(*(self.get_count(k) for k in range(N_SLOW_MINUTES, GP_N)))
        average = float(GP_COUNTS.mean())
        with self.beat(f"Keep counting. After {GP_N} minutes and {int(GP_COUNTS.sum())} requests, "
                       f"the posterior is Gamma {format_number(GP_HISTORY[-1, 0], 0)}, "
                       f"{format_number(GP_HISTORY[-1, 1], 0)}, narrow, with mean "
                       f"{format_number(GP_MEANS[-1])}."):
            self.play(LaggedStart(*(FadeIn(c, shift=0.3 * DOWN) for c in counts), lag_ratio=0.5),
                      self.t.animate.set_value(GP_N), run_time=7, rate_func=linear)
        mle = DashedLine(self.axes.c2p(average, 0), self.axes.c2p(average, 0.8), color=STAT_COLOR,
                         stroke_width=2)
        mle_label = get_panel(MathTex(rf"\bar k = {format_number(average)}", font_size=SMALL_SIZE,
                                      color=STAT_COLOR), buff=0.06, opacity=0.9)
        mle_label.move_to(self.axes.c2p(average + 0.35, 0.76), aligned_edge=LEFT)
        with self.beat(f"The data alone, by moment matching, say {format_number(average)}: the "
                       f"average count. The posterior mean sits between it and the prior's "
                       f"{format_number(GP_MEANS[0], 0)}, pulled by one minute's worth of prior."):
            self.play(Create(mle), FadeIn(mle_label))
            self.play(Indicate(self.counts[2], color=MEAN))
            self.play(Indicate(self.prior_label, color=PRIOR))
        for m in (self.curve, self.mean_line, *(c[1] for c in self.counts)):
            m.clear_updaters()

    def show_uses(self):
        uses = Tex(r"Dirichlet + counts of classes: add-one smoothing", font_size=SMALL_SIZE,
                   color=TEXT)
        uses.next_to(self.rule, DOWN, buff=0.35).align_to(self.rule, RIGHT)
        with self.beat("The same counting, with a Dirichlet prior over many classes, is the add-one "
                       "smoothing of naive Bayes and of word counts in language models."):
            self.play(FadeIn(uses, shift=0.2 * UP))
            self.play(Circumscribe(self.rule, color=POSTERIOR))


# =========================================================================== scene 4

class Lesson11TryIt(TryItScene):
    lesson = 11
