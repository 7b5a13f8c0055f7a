"""Lesson 12 — Sampling and Monte Carlo.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed once, here at the top, by ``mathcore.sampling``
(with fixed seeds); the scenes only draw and format them.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, UR, Arrow, Axes, Circle, Create, Cross, CurvedArrow,
    DashedLine, Dot, FadeIn, FadeOut, Flash, GrowArrow, GrowFromCenter, Indicate, LaggedStart, Line, MathTex,
    NumberLine, Polygon, Rectangle, ReplacementTransform, RoundedRectangle, Square, Tex,
    Transform, TransformFromCopy, ValueTracker, VGroup, VMobject, Write, always_redraw, linear,
)

from mathcore import probability, sampling
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_beats import show_bridge
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, ACCENT_2, BODY_SIZE, DATA, EDGE_BUFF, FAINT, GRADIENT, I_HAT, J_HAT, LABEL_SIZE, MEAN,
    MUTED, NOISE, PROB, SMALL_SIZE, SPREAD, TEXT,
)
from scenekit.widgets import (
    format_number, get_plane, get_traced_path, get_tracked_number,
)

SEED = 12  # every random draw in this lesson comes from generators seeded from this

# --------------------------------------------------------------------------- Monte Carlo: pi
N_DARTS = 2000
CURVE_START = 30  # the running estimate and its band are drawn from this many darts on


def square_sampler(rng: np.random.Generator, n: int) -> np.ndarray:
    """n darts uniform on the square [-1, 1]^2, shape (n, 2)."""
    return rng.uniform(-1.0, 1.0, size=(n, 2))


def four_if_inside(points: np.ndarray) -> np.ndarray:
    """4 for a dart inside the unit circle, else 0: its mean is 4 * (pi / 4) = pi. (n,)"""
    return 4.0 * (np.sum(points**2, axis=1) <= 1.0)


PI_MC = sampling.monte_carlo_estimate(four_if_inside, square_sampler, N_DARTS,
                                      rng=np.random.default_rng(SEED))
DARTS = square_sampler(np.random.default_rng(SEED), N_DARTS)  # (N, 2) the same draws, to draw them
INSIDE = PI_MC.values > 0  # (N,)
SE_CHECKPOINTS = (500, 2000)  # four times the darts ...
SE_AT = tuple(float(PI_MC.running_se[n - 1]) for n in SE_CHECKPOINTS)  # ... half the error

# --------------------------------------------------------------------------- Metropolis-Hastings
# The target: a two-bump mixture of Gaussians (normalised here only so the
# histogram can be compared with it; MH itself never needs the constant).
MIX_WEIGHTS = np.array([0.35, 0.65])
MIX_MEANS = np.array([-1.8, 1.3])
MIX_SDS = np.array([0.55, 0.75])


def target_density(x) -> np.ndarray:
    """p(x) for an array of points x (n,): the mixture's density (pi is kept for 3.14...)."""
    x = np.atleast_1d(np.asarray(x, dtype=float))
    return sum(w * probability.multivariate_normal_pdf(x[:, None], [m], [[s**2]])
               for w, m, s in zip(MIX_WEIGHTS, MIX_MEANS, MIX_SDS))


def log_target(x) -> float:
    """log p(x) at one point x of shape (1,)."""
    return float(np.log(target_density(x)[0]))


MH_STEP = 1.2
MH_X0 = -3.8  # start out in the left tail, so the walk has to find both bumps
N_MH = 4000
N_SLOW_STEPS = 6  # steps shown one at a time
CHAIN = sampling.metropolis_hastings(log_target, [MH_X0], N_MH, step=MH_STEP,
                                     rng=np.random.default_rng(SEED + 1))
MH_SAMPLES = CHAIN.samples[:, 0]  # (N_MH,)
MH_PROPOSALS = CHAIN.proposals[:, 0]  # (N_MH,)
MH_CURRENT = np.concatenate([[MH_X0], MH_SAMPLES[:-1]])  # (N_MH,) the state each proposal left
MH_RATIOS = target_density(MH_PROPOSALS[:N_SLOW_STEPS]) / target_density(MH_CURRENT[:N_SLOW_STEPS])
HIST_EDGES = np.linspace(-4.5, 4.5, 37)  # (37,) 36 bins of width 0.25
HIST_WIDTH = HIST_EDGES[1] - HIST_EDGES[0]
_bin = np.clip(np.digitize(MH_SAMPLES, HIST_EDGES) - 1, 0, len(HIST_EDGES) - 2)  # (N_MH,)
HIST_COUNTS = np.vstack([np.zeros(len(HIST_EDGES) - 1),
                         np.cumsum(np.eye(len(HIST_EDGES) - 1)[_bin], axis=0)])  # (N_MH+1, 36)
MH_ACCEPT_RATE = CHAIN.acceptance_rate

# --------------------------------------------------------------------------- why it works
# A three-state target and an asymmetric proposal: the smallest place detailed balance
# can be checked with numbers.
STATES_P_TILDE = np.array([1.0, 2.0, 4.0])  # unnormalised target of states 1, 2, 3
STATES_P = STATES_P_TILDE / STATES_P_TILDE.sum()  # (3,) 1/7, 2/7, 4/7
STATES_Q = np.array([[0.0, 0.5, 0.5], [0.2, 0.0, 0.8], [0.5, 0.5, 0.0]])  # q(j | i), rows i
KERNEL_MH = sampling.metropolis_hastings_kernel(STATES_P_TILDE, STATES_Q)  # (3, 3)
KERNEL_NAIVE = sampling.metropolis_hastings_kernel(STATES_P_TILDE, STATES_Q,
                                                   hastings_correction=False)  # (3, 3)
PAIR = (1, 2)  # states 2 and 3 (0-based): the pair whose flows are shown
ALPHA_MH = KERNEL_MH / np.where(STATES_Q > 0, STATES_Q, 1.0)  # (3, 3) acceptance probabilities
ALPHA_NAIVE = KERNEL_NAIVE / np.where(STATES_Q > 0, STATES_Q, 1.0)  # (3, 3)
FLOW_MH = STATES_P[:, None] * KERNEL_MH  # (3, 3) p(i) P(i -> j)
FLOW_NAIVE = STATES_P[:, None] * KERNEL_NAIVE  # (3, 3)
STATIONARY_MH = sampling.stationary_distribution(KERNEL_MH)  # (3,) equals STATES_P
STATIONARY_NAIVE = sampling.stationary_distribution(KERNEL_NAIVE)  # (3,) does not

STATIONARY = Bridge(
    formula=r"p\,P = p",
    setup=("p_tilde = np.array([1.0, 2.0, 4.0])\n"
           "Q = np.array([[0.0, 0.5, 0.5], [0.2, 0.0, 0.8], [0.5, 0.5, 0.0]])\n"
           "P = sampling.metropolis_hastings_kernel(p_tilde, Q)"),
    mathcore=Snippet("sampling.stationary_distribution(P)"),
    library=Snippet("w, V = np.linalg.eig(P.T)\n"
                    "v = V[:, np.argmax(w.real)].real\n"
                    "v / v.sum()"),
)

# --------------------------------------------------------------------------- burn-in, ESS
FAR_X0 = -12.0  # far out in the tail: the trace shows the walk in
N_LONG = 3000
N_TRACE = 300  # steps drawn on the trace
BURN_IN = 50
LONG = sampling.metropolis_hastings(log_target, [FAR_X0], N_LONG, step=MH_STEP,
                                    rng=np.random.default_rng(SEED + 5))
LONG_X = LONG.samples[:, 0]  # (N_LONG,)
KEPT = LONG_X[BURN_IN:]  # (N_LONG - BURN_IN,)
TRUE_MEAN = float(MIX_WEIGHTS @ MIX_MEANS)
MEAN_ALL, MEAN_KEPT = float(LONG_X.mean()), float(KEPT.mean())
MAX_LAG = 40
ACF = sampling.autocorrelation(KEPT, MAX_LAG)  # (MAX_LAG + 1,)
ESS = sampling.effective_sample_size(KEPT)
SD_KEPT = float(KEPT.std(ddof=1))
NAIVE_SE = SD_KEPT / np.sqrt(len(KEPT))
HONEST_SE = SD_KEPT / np.sqrt(ESS)

EFFECTIVE_SIZE = Bridge(
    formula=r"n_{\text{eff}} = \frac{n}{1 + 2\sum_k \hat\rho_k}",
    setup=(f"lp = lambda x: np.log(sum(w * probability.multivariate_normal_pdf("
           f"x[:, None], [m], [[s**2]]) for w, m, s in zip({MIX_WEIGHTS.tolist()}, "
           f"{MIX_MEANS.tolist()}, {MIX_SDS.tolist()}))[0])\n"
           f"x = sampling.metropolis_hastings(lp, [{FAR_X0}], {N_LONG}, step={MH_STEP}, "
           f"rng=np.random.default_rng({SEED + 5})).samples[{BURN_IN}:, 0]"),
    mathcore=Snippet("sampling.effective_sample_size(x)"),
    library=Snippet("d = x - x.mean()\n"
                    "r = np.correlate(d, d, 'full')[len(d) - 1:]\n"
                    "r = r / r[0]\n"
                    "k = np.argmax(r[1:] <= 0)\n"
                    "len(d) / (1 + 2 * r[1:k + 1].sum())"),
    decimals=1,
)

# --------------------------------------------------------------------------- Gibbs
RHO = 0.85
GIBBS_X0 = (-2.6, -2.4)
N_GIBBS = 400
N_STAIR_SWEEPS = 8  # sweeps drawn as a staircase
GIBBS = sampling.gibbs_bivariate_normal(RHO, N_GIBBS, rng=np.random.default_rng(SEED + 2),
                                        x0=GIBBS_X0)
GIBBS_COV = np.array([[1.0, RHO], [RHO, 1.0]])
GIBBS_ELLIPSES = [probability.covariance_ellipse([0.0, 0.0], GIBBS_COV, n_std=k)
                  for k in (1.0, 2.0, 3.0)]
COND_SD = float(np.sqrt(1 - RHO**2))  # sd of x | y and of y | x
SAMPLE_CORR = float(np.corrcoef(GIBBS.samples.T)[0, 1])
STRONG_RHO = 0.98  # the caution: a stronger correlation, drawn over the real one
STRONG_ELLIPSE = probability.covariance_ellipse([0.0, 0.0], [[1.0, STRONG_RHO], [STRONG_RHO, 1.0]],
                                                n_std=2.0)
STRONG_COND_SD = float(np.sqrt(1 - STRONG_RHO**2))  # the conditional sd: the step size, shrunk
# The first two conditionals, drawn as bumps along the line the move runs on.
COND_GRID = np.linspace(-3.4, 3.4, 121)  # (121,)
COND_X_GIVEN_Y = probability.multivariate_normal_pdf(
    COND_GRID[:, None], [RHO * GIBBS.path[0, 1]], [[COND_SD**2]])  # (121,) x | y0
COND_Y_GIVEN_X = probability.multivariate_normal_pdf(
    COND_GRID[:, None], [RHO * GIBBS.path[1, 0]], [[COND_SD**2]])  # (121,) y | x1

# --------------------------------------------------------------------------- reparameterization
N_EPS = 14
EPS = np.sort(np.random.default_rng(SEED + 3).standard_normal(N_EPS))  # (N_EPS,)
# (mu, sigma) keyframes the z dots move through; z = mu + sigma * eps at each.
REPARAM_KEYFRAMES = [(0.0, 1.0), (1.5, 1.0), (1.5, 0.4), (-1.0, 1.6)]
Z_KEYFRAMES = [sampling.reparameterize(mu, np.log(sigma**2), EPS)
               for mu, sigma in REPARAM_KEYFRAMES]  # each (N_EPS,)
# Gradients of E[z^2] for z ~ N(mu, sigma^2) at mu = 1, sigma = 1:
# exactly (2 mu, sigma^2) = (2, 1) with respect to (mu, log sigma^2).
GRAD_MU, GRAD_LOG_VAR = 1.0, 0.0
N_GRAD = 500
PATHWISE = sampling.reparam_gradient_estimate(lambda z: 2 * z, GRAD_MU, GRAD_LOG_VAR, N_GRAD,
                                              rng=np.random.default_rng(SEED + 4))
SCORE = sampling.score_function_gradient_estimate(lambda z: z**2, GRAD_MU, GRAD_LOG_VAR, N_GRAD,
                                                  rng=np.random.default_rng(SEED + 4))
EXACT_GRAD_MU = 2 * GRAD_MU  # d/dmu (mu^2 + sigma^2)
SE_RATIO = float(SCORE.standard_error[0] / PATHWISE.standard_error[0])

# --------------------------------------------------------------------------- drawing
ACCEPT = I_HAT  # an accepted proposal: green
REJECT = J_HAT  # a rejected proposal: red
CHAIN_COLOR = MEAN  # the chain's current state (and the running estimate)
INSIDE_COLOR = DATA
OUTSIDE_COLOR = MUTED

TEX_MAP = {
    r"\hat{\pi}_n": MEAN,
    r"\mathrm{SE}": SPREAD,
    r"\tilde{p}(x')": ACCEPT,
    r"\tilde{p}(x)": CHAIN_COLOR,
    r"\mu": MEAN,
    r"\sigma": SPREAD,
    r"\varepsilon": NOISE,
    r"\rho": ACCENT,
    r"\nabla": GRADIENT,
}


def tex(text: str, font_size: float = BODY_SIZE, colors: dict | None = None, **kwargs) -> MathTex:
    """MathTex with the lesson's symbols coloured like the objects they name."""
    colors = TEX_MAP if colors is None else colors
    used = {k: v for k, v in colors.items() if k in text}
    return MathTex(text, font_size=font_size, substrings_to_isolate=list(used),
                   tex_to_color_map=used, **kwargs)


def fmt(x: float, decimals: int = 2) -> str:
    return format_number(x, decimals)


def fmt_ratio(x: float) -> str:
    """A density ratio for the screen: whole numbers when large, powers of ten when tiny."""
    if x >= 10:
        return format_number(round(x), 0)
    if x < 0.01:
        exponent = int(np.floor(np.log10(x)))
        return rf"{x / 10**exponent:.1f} \times 10^{{{exponent}}}"
    return format_number(x, 2)


def spoken_ratio(x: float) -> str:
    return "almost zero" if x < 0.01 else fmt_ratio(x)


def get_curve(axes: Axes, xs, ys, color, stroke_width: float = 3) -> VMobject:
    """The polyline through (xs, ys) in ``axes`` coordinates."""
    curve = VMobject(stroke_color=color, stroke_width=stroke_width)
    curve.set_points_as_corners([axes.c2p(x, y) for x, y in zip(xs, ys)])
    return curve


# =========================================================================== scene 1

SQUARE_CENTER = np.array([-3.75, -0.45, 0.0])
SQUARE_SIDE = 5.6  # frame units for the side of [-1, 1]^2


class MonteCarloDartsForPi(NarratedScene):
    """Darts in a square estimate pi; the running estimate and its shrinking +-2 SE band."""

    def construct(self):
        # Step 1: a square with its inscribed circle.
        self.show_square_and_circle()
        # Step 2: the estimator: four times the fraction of darts inside.
        self.show_estimator()
        # Step 3: the first darts, slowly, with the running estimate.
        self.show_first_darts()
        # Step 4: thousands of darts; the estimate settles.
        self.show_many_darts()
        # Step 5: the error band, standard error = s / sqrt(n), shrinking like 1 / sqrt(n).
        self.show_error_band()

    def to_frame(self, p) -> np.ndarray:
        return SQUARE_CENTER + SQUARE_SIDE / 2 * np.array([p[0], p[1], 0.0])

    # ------------------------------------------------------------------ builders
    def get_darts(self) -> VGroup:
        return VGroup(*(
            Dot(self.to_frame(p), radius=0.03, color=INSIDE_COLOR if inside else OUTSIDE_COLOR)
            for p, inside in zip(DARTS, INSIDE)
        ))

    def get_plot(self) -> Axes:
        axes = Axes(
            x_range=(0, N_DARTS, 500), y_range=(2.4, 3.8, 0.2), x_length=5.6, y_length=3.2,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
            y_axis_config={"decimal_number_config": {"num_decimal_places": 1}},
        ).add_coordinates(font_size=SMALL_SIZE)
        axes.move_to([3.55, -1.75, 0])
        return axes

    def get_running_curve(self, axes: Axes, n: ValueTracker) -> VMobject:
        def build():
            k = int(n.get_value())
            ks = np.arange(CURVE_START, max(k, CURVE_START + 1) + 1)  # darts counted
            return get_curve(axes, ks, PI_MC.running_mean[ks - 1], CHAIN_COLOR, 2.5)
        return always_redraw(build)

    def get_band(self, axes: Axes, n_max: int) -> Polygon:
        ks = np.arange(CURVE_START, n_max + 1, 5)  # (m,)
        mean, se = PI_MC.running_mean[ks - 1], PI_MC.running_se[ks - 1]
        upper = [axes.c2p(k, m + 2 * s) for k, m, s in zip(ks, mean, se)]
        lower = [axes.c2p(k, m - 2 * s) for k, m, s in zip(ks, mean, se)]
        return Polygon(*upper, *reversed(lower), stroke_width=0, fill_color=SPREAD,
                       fill_opacity=0.35)

    # ------------------------------------------------------------------ steps
    def show_square_and_circle(self):
        self.square = Square(SQUARE_SIDE, color=TEXT, stroke_width=3).move_to(SQUARE_CENTER)
        self.circle = Circle(SQUARE_SIDE / 2, color=INSIDE_COLOR, stroke_width=3)
        self.circle.move_to(SQUARE_CENTER)
        side = MathTex("2", font_size=LABEL_SIZE, color=MUTED).next_to(self.square, DOWN, buff=0.12)
        ratio = tex(r"\frac{\text{circle}}{\text{square}} = \frac{\pi \cdot 1^2}{2^2} = \frac{\pi}{4}",
                    font_size=BODY_SIZE)
        ratio.to_corner(UR, buff=EDGE_BUFF).shift(0.4 * LEFT)
        with self.beat("Here is a way to compute pi by throwing darts. Take a square of side two, "
                       "with a circle of radius one inside it."):
            self.play(Create(self.square), FadeIn(side))
            self.play(Create(self.circle))
        with self.beat("The circle covers pi over four of the square's area."):
            self.play(Write(ratio))
            self.wait(0.5)
        self.side, self.ratio = side, ratio

    def show_estimator(self):
        estimator = tex(r"\hat{\pi}_n = 4 \cdot \frac{\text{darts inside}}{n}", font_size=BODY_SIZE)
        estimator.move_to(self.ratio, aligned_edge=LEFT)
        general = tex(r"\mathbb{E}[f(X)] \approx \frac{1}{n}\sum_{i=1}^{n} f(x_i)",
                      font_size=LABEL_SIZE, color=MUTED)
        general.next_to(estimator, DOWN, buff=0.3).align_to(estimator, LEFT)
        with self.beat("So if the darts land uniformly at random, each one falls inside with "
                       "probability pi over four, and four times the fraction inside estimates pi."):
            # the inside shaded (where a dart counts), its share, then the estimator it gives
            self.play(self.circle.animate.set_fill(INSIDE_COLOR, opacity=0.3))
            self.play(Indicate(self.ratio, color=INSIDE_COLOR))
            self.play(ReplacementTransform(self.ratio, estimator),
                      self.circle.animate.set_fill(opacity=0), run_time=1.5)
        with self.beat("This is a Monte Carlo estimate: an expectation, replaced by the average "
                       "over random draws."):
            self.play(FadeIn(general, shift=0.1 * DOWN))
            self.wait(1)
        self.estimator, self.general = estimator, general

    def show_first_darts(self):
        self.darts = self.get_darts()
        self.n = ValueTracker(0)
        thrown = VGroup()

        def throw(group):
            k = int(self.n.get_value())
            if k > len(group):
                group.add(*self.darts[len(group):k])
        thrown.add_updater(throw)
        self.add(thrown)
        self.axes = self.get_plot()
        y_label = tex(r"\hat{\pi}_n", font_size=LABEL_SIZE).next_to(self.axes.y_axis, UP, buff=0.15)
        x_label = MathTex("n", font_size=LABEL_SIZE).next_to(self.axes.x_axis, RIGHT, buff=0.15)
        x_label.shift(0.25 * DOWN)
        pi_line = DashedLine(self.axes.c2p(0, np.pi), self.axes.c2p(N_DARTS, np.pi), color=TEXT,
                             stroke_width=2, stroke_opacity=0.8)
        pi_label = MathTex(r"\pi", font_size=LABEL_SIZE).next_to(pi_line, RIGHT, buff=0.1)
        n_readout = VGroup(MathTex("n =", font_size=LABEL_SIZE),
                           get_tracked_number(self.n, 0, font_size=LABEL_SIZE))
        n_readout[1].add_updater(lambda m: m.next_to(n_readout[0], RIGHT, buff=0.12))
        pi_readout = VGroup(tex(r"\hat{\pi}_n =", font_size=LABEL_SIZE),
                            get_tracked_number(self.n, 3, color=MEAN, font_size=LABEL_SIZE,
                                               value=lambda t: PI_MC.running_mean[max(int(t), 1) - 1]))
        pi_readout[1].add_updater(lambda m: m.next_to(pi_readout[0], RIGHT, buff=0.12))
        readouts = VGroup(n_readout, pi_readout)
        n_readout.move_to([1.6, 0.55, 0], aligned_edge=LEFT)
        pi_readout.move_to([4.2, 0.55, 0], aligned_edge=LEFT)
        for readout in readouts:
            readout[1].update()
        curve = self.get_running_curve(self.axes, self.n)
        with self.beat("Let's throw. Blue darts landed inside the circle, grey ones outside."):
            self.play(FadeIn(readouts), run_time=0.6)
            self.play(self.n.animate.set_value(30), run_time=4, rate_func=linear)
        with self.beat("Plot the estimate against the number of darts, from the thirtieth on. "
                       "With few darts it jumps around: one lucky dart moves it a lot."):
            self.play(Create(self.axes), FadeIn(x_label), FadeIn(y_label), Create(pi_line),
                      FadeIn(pi_label))
            self.add(curve)
            self.play(self.n.animate.set_value(150), run_time=4, rate_func=linear)
        self.curve, self.readouts = curve, readouts

    def show_many_darts(self):
        # the error bar at the last dart, shown before it is explained (the next beat's marks)
        se = PI_MC.running_se[N_DARTS - 1]
        self.preview_bar = Line(self.axes.c2p(N_DARTS, PI_MC.estimate - 2 * se),
                                self.axes.c2p(N_DARTS, PI_MC.estimate + 2 * se), color=SPREAD,
                                stroke_width=5)
        with self.beat(f"Keep throwing, up to {N_DARTS} darts. The estimate wanders less and less, "
                       "and settles near pi."):
            self.play(self.n.animate.set_value(N_DARTS), run_time=8, rate_func=linear)
        with self.beat(f"After {N_DARTS} darts it reads {fmt(PI_MC.estimate, 3)}. But how far off "
                       "could it be? A Monte Carlo estimate comes with its own error bar."):
            self.play(Indicate(self.readouts[1], color=MEAN))
            self.play(Flash(self.axes.c2p(N_DARTS, PI_MC.estimate), color=MEAN, flash_radius=0.35))
            self.play(GrowFromCenter(self.preview_bar), run_time=1.5)

    def show_error_band(self):
        se = tex(r"\mathrm{SE} = \frac{s}{\sqrt{n}}", font_size=BODY_SIZE)
        se.next_to(self.general, DOWN, buff=0.3).align_to(self.general, LEFT)
        band = self.get_band(self.axes, N_DARTS)
        band_label = tex(r"\hat{\pi}_n \pm 2\,\mathrm{SE}", font_size=SMALL_SIZE)
        band_label.next_to(self.axes.c2p(1300, 3.3), UP, buff=0.05)
        with self.beat("The standard error is the spread of the values, s, divided by the square "
                       "root of n. Two standard errors either side make the shaded band."):
            self.play(Write(se), FadeOut(self.preview_bar))
            self.play(FadeIn(band), FadeIn(band_label), run_time=1.5)
        marks = VGroup()
        for n, value in zip(SE_CHECKPOINTS, SE_AT):
            line = Line(self.axes.c2p(n, PI_MC.running_mean[n - 1] - 2 * value),
                        self.axes.c2p(n, PI_MC.running_mean[n - 1] + 2 * value),
                        color=SPREAD, stroke_width=5)
            label = tex(rf"\mathrm{{SE}} = {fmt(value, 3)}", font_size=SMALL_SIZE)
            label.next_to(line, DOWN, buff=0.12)
            if n == N_DARTS:
                label.shift(0.5 * LEFT)
            marks.add(VGroup(line, label))
        with self.beat(f"At {SE_CHECKPOINTS[0]} darts the standard error is {fmt(SE_AT[0], 3)}. "
                       f"At {SE_CHECKPOINTS[1]}, four times as many, it is {fmt(SE_AT[1], 3)}: "
                       "only half. The error shrinks like one over the square root of n."):
            self.play(LaggedStart(*(FadeIn(m) for m in marks), lag_ratio=0.6), run_time=2.5)
            self.wait(2)
        any_dimension = tex(r"X \in \mathbb{R}^d,\ \text{any } d", font_size=SMALL_SIZE,
                            color=MUTED)
        any_dimension.next_to(se, RIGHT, buff=0.3)
        with self.beat("That rate does not depend on the dimension, which is why Monte Carlo is "
                       "how machine learning estimates expectations in thousands of dimensions."):
            self.play(Indicate(se, color=SPREAD))
            self.play(Write(any_dimension), run_time=1.5)
            self.play(Indicate(self.general, color=MEAN))


# =========================================================================== scene 2

class MetropolisHastingsWalk(NarratedScene):
    """A random-walk Metropolis chain (Metropolis-Hastings with a symmetric proposal) on a
    two-bump density; its histogram fills in."""

    def construct(self):
        # Step 1: the target density, known only up to a constant.
        self.show_target()
        # Step 2: the rule: propose nearby, accept with probability min(1, ratio).
        self.show_rule()
        # Step 3: a few steps, one at a time: green accepted, red rejected.
        self.show_slow_steps()
        # Step 4: thousands of steps; the histogram of the chain fills in the density.
        self.show_fast_steps()

    # ------------------------------------------------------------------ builders
    def get_axes(self) -> Axes:
        axes = Axes(
            x_range=(-4.5, 4.5, 1), y_range=(0, 0.5, 0.1), x_length=11.0, y_length=4.2,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
            x_axis_config={"numbers_to_include": list(range(-4, 5))},
        )
        axes.move_to([0, -1.35, 0])
        return axes

    def get_histogram(self, k_tracker: ValueTracker) -> VMobject:
        def build():
            k = int(k_tracker.get_value())
            heights = HIST_COUNTS[k] / max(k, 1) / HIST_WIDTH  # density scale
            bars = VGroup()
            for left, h in zip(HIST_EDGES[:-1], heights):
                if h <= 0:
                    continue
                bottom_left = self.axes.c2p(left, 0)
                top_right = self.axes.c2p(left + HIST_WIDTH, min(h, 0.5))
                bars.add(Rectangle(width=top_right[0] - bottom_left[0],
                                   height=top_right[1] - bottom_left[1], stroke_width=1,
                                   stroke_color=CHAIN_COLOR, fill_color=CHAIN_COLOR,
                                   fill_opacity=0.35).move_to(bottom_left, aligned_edge=DOWN + LEFT))
            return bars
        return always_redraw(build)

    def state_dot(self, x, color, radius=0.1) -> Dot:
        return Dot(self.axes.c2p(x, 0), radius=radius, color=color)

    # ------------------------------------------------------------------ steps
    def show_target(self):
        self.axes = self.get_axes()
        xs = np.linspace(-4.5, 4.5, 241)
        self.density = get_curve(self.axes, xs, target_density(xs), PROB, 4)
        label = tex(r"p(x)", font_size=BODY_SIZE, colors={r"p(x)": PROB})
        label.next_to(self.axes.c2p(2.6, target_density([2.6])[0]), UR, buff=0.2)
        with self.beat("Monte Carlo needs draws from the distribution, and uniform darts were "
                       "easy. Most densities are not: here is one with two bumps. "
                       "Suppose we can evaluate it, but only up "
                       "to a constant, and we want samples from it."):
            self.play(Create(self.axes), run_time=1)
            self.play(Create(self.density), FadeIn(label), run_time=2)
        self.label = label

    def show_rule(self):
        rule = tex(r"x' = x + \text{step}\cdot\varepsilon, \qquad "
                   r"\text{accept with probability } "
                   r"\min\!\Big(1, \frac{\tilde{p}(x')}{\tilde{p}(x)}\Big)",
                   font_size=BODY_SIZE)
        rule.to_edge(UP, buff=EDGE_BUFF)
        note = Tex(r"$p = \tilde{p} / Z$: the unknown constant $Z$ cancels in the ratio",
                   font_size=LABEL_SIZE, color=MUTED)
        note.next_to(rule, DOWN, buff=0.2)
        with self.beat("The Metropolis rule, the simplest case of Metropolis-Hastings, walks a "
                       "chain. From the current point x, propose a symmetric "
                       "random step to x prime. If the density is higher there, move."):
            self.play(Write(rule), run_time=2)
        # p = p~ / Z with Z unknown: Z cancels in the ratio
        cancel = VGroup(MathTex(r"\frac{p(x')}{p(x)}", font_size=LABEL_SIZE),
                        MathTex("=", font_size=LABEL_SIZE),
                        MathTex(r"\frac{\tilde{p}(x') / Z}{\tilde{p}(x) / Z}", font_size=LABEL_SIZE),
                        MathTex("=", font_size=LABEL_SIZE),
                        tex(r"\frac{\tilde{p}(x')}{\tilde{p}(x)}", font_size=LABEL_SIZE))
        cancel.arrange(RIGHT, buff=0.2)
        cancel.next_to(note, DOWN, buff=0.2)
        with self.beat("If it is lower, move only with probability equal to the ratio of the "
                       "densities. The unknown constant cancels in that ratio."):
            self.play(Indicate(rule.get_part_by_tex(r"\tilde{p}(x')"), color=ACCEPT),
                      Indicate(rule.get_part_by_tex(r"\tilde{p}(x)"), color=CHAIN_COLOR))
            self.play(FadeIn(note, shift=0.1 * DOWN), Write(cancel[:3]), run_time=1.5)
            self.play(Indicate(cancel[2], color=ACCEPT))
            self.play(Write(cancel[3]), TransformFromCopy(cancel[2], cancel[4]), run_time=1.5)
        self.rule, self.note = rule, VGroup(note, cancel)

    def show_slow_steps(self):
        self.current = self.state_dot(MH_X0, CHAIN_COLOR, 0.11)
        x_label = tex(r"x", font_size=LABEL_SIZE, colors={}).set_color(CHAIN_COLOR)
        x_label.add_updater(lambda m: m.next_to(self.current, DOWN, buff=0.45))
        with self.beat("The chain starts far out in the left tail, where the density is tiny."):
            self.play(GrowFromCenter(self.current), FadeIn(x_label))
        ratio_anchor = np.array([3.3, 1.25, 0])
        for i in range(N_SLOW_STEPS):
            x, proposal, ok = MH_CURRENT[i], MH_PROPOSALS[i], CHAIN.accepted[i]
            color = ACCEPT if ok else REJECT
            p_dot = self.state_dot(proposal, TEXT, 0.08)
            hop = CurvedArrow(self.axes.c2p(x, 0.015), self.axes.c2p(proposal, 0.015),
                              color=TEXT, stroke_width=2, tip_length=0.15,
                              angle=-0.9 if proposal > x else 0.9)
            heights = VGroup(
                DashedLine(self.axes.c2p(x, 0), self.axes.c2p(x, target_density([x])[0]),
                           color=CHAIN_COLOR, stroke_width=3),
                DashedLine(self.axes.c2p(proposal, 0),
                           self.axes.c2p(proposal, target_density([proposal])[0]),
                           color=ACCEPT, stroke_width=3),
            )
            ratio = tex(rf"\frac{{\tilde{{p}}(x')}}{{\tilde{{p}}(x)}} = {fmt_ratio(MH_RATIOS[i])}",
                        font_size=LABEL_SIZE)
            verdict = Tex("accepted" if ok else "rejected", font_size=LABEL_SIZE, color=color)
            readout = VGroup(ratio, verdict).arrange(DOWN, buff=0.15).move_to(ratio_anchor)
            if i == 0:
                text = ("Propose a step. Compare the two heights: their ratio is "
                        f"{spoken_ratio(MH_RATIOS[i])}, so the move is "
                        f"{'taken' if ok else 'refused'}, and the proposal turns "
                        f"{'green' if ok else 'red'}.")
            elif i == 1:
                text = ("Each step repeats this. A rejected proposal is not wasted: the chain "
                        "stays put and records its current point again.")
            else:
                text = (f"Ratio {spoken_ratio(MH_RATIOS[i])}: "
                        f"{'accepted' if ok else 'rejected'}.")
            with self.beat(text):
                self.play(Create(hop), FadeIn(p_dot), run_time=0.8)
                self.play(Create(heights), FadeIn(ratio), run_time=0.8)
                self.play(p_dot.animate.set_color(color), FadeIn(verdict), run_time=0.5)
                if ok:
                    self.play(self.current.animate.move_to(p_dot), FadeOut(p_dot),
                              FadeOut(hop), FadeOut(heights), FadeOut(readout), run_time=0.7)
                else:
                    self.play(FadeOut(p_dot), FadeOut(hop), FadeOut(heights), FadeOut(readout),
                              run_time=0.7)
        self.x_label = x_label

    def show_fast_steps(self):
        k = ValueTracker(N_SLOW_STEPS)
        histogram = self.get_histogram(k)
        self.remove(self.current)
        current = always_redraw(lambda: self.state_dot(MH_SAMPLES[int(k.get_value()) - 1],
                                                       CHAIN_COLOR, 0.11))
        proposal = always_redraw(lambda: self.state_dot(
            MH_PROPOSALS[int(k.get_value()) - 1],
            ACCEPT if CHAIN.accepted[int(k.get_value()) - 1] else REJECT, 0.07))
        self.x_label.clear_updaters()
        step_readout = VGroup(MathTex(r"\text{steps} =", font_size=LABEL_SIZE),
                              get_tracked_number(k, 0, font_size=LABEL_SIZE))
        step_readout[1].add_updater(lambda m: m.next_to(step_readout[0], RIGHT, buff=0.12))
        step_readout.move_to([-5.0, 1.2, 0], aligned_edge=LEFT)
        step_readout[1].update()
        rate = MathTex(rf"\text{{accepted: }} {fmt(100 * MH_ACCEPT_RATE, 1)}\%",
                       font_size=LABEL_SIZE, color=ACCEPT)
        rate.next_to(step_readout, DOWN, buff=0.2, aligned_edge=LEFT)
        with self.beat("Now let it run. The yellow bars count where the chain has been, scaled "
                       "to have area one."):
            self.play(FadeOut(self.x_label), FadeOut(self.note), FadeIn(step_readout))
            self.add(histogram, proposal, current)
            self.play(k.animate.set_value(200), run_time=4, rate_func=linear)
        with self.beat(f"After {N_MH} steps the histogram has filled in the density, both bumps "
                       "in the right proportion, although the chain only ever compared two "
                       "heights at a time."):
            self.play(k.animate.set_value(N_MH), run_time=8, rate_func=linear)
        with self.beat(f"About {fmt(100 * MH_ACCEPT_RATE, 0)} percent of the proposals were "
                       "accepted. The step size trades that rate against how far each move goes."):
            self.play(FadeIn(rate, shift=0.1 * UP))
            self.play(Indicate(self.density, color=PROB, scale_factor=1.0))
            self.wait(1)


# =========================================================================== scene 2b

STATE_POS = [np.array([-5.0, -0.2, 0.0]), np.array([-3.2, -2.6, 0.0]),
             np.array([-1.4, -0.2, 0.0])]  # where states 1, 2, 3 sit
STATE_COLORS = [DATA, ACCENT, PROB]


def f3(x: float) -> str:
    return format_number(x, 3)


class WhyMetropolisWorks(NarratedScene):
    """Detailed balance on a three-state chain; the Hastings correction for an asymmetric
    proposal, with the flows computed by mathcore."""

    def construct(self):
        # Step 1: three states, a target p, and an asymmetric proposal.
        self.show_states()
        # Step 2: detailed balance, and why it makes p stationary.
        self.show_detailed_balance()
        # Step 3: the plain Metropolis ratio on an asymmetric proposal: flows unequal.
        self.show_naive_flows()
        # Step 4: the Hastings correction balances them; the long run matches p.
        self.show_corrected_flows()
        # Step 5: formula -> code -> library: the stationary distribution.
        show_bridge(self, STATIONARY, (
            "In code: the chain's long-run distribution is the vector p that the transition "
            "matrix leaves unchanged.",
            "mathcore builds the Metropolis-Hastings matrix and iterates p times P until it "
            "stops moving: one seventh, two sevenths, four sevenths.",
            "NumPy finds the same vector as the eigenvector of P transposed with eigenvalue one.",
        ))

    def show_states(self):
        self.states = VGroup()
        for i, (pos, color) in enumerate(zip(STATE_POS, STATE_COLORS)):
            circle = Circle(0.42, color=color, stroke_width=4).move_to(pos)
            name = MathTex(str(i + 1), font_size=BODY_SIZE).move_to(pos)
            prob = MathTex(rf"p = \tfrac{{{int(STATES_P_TILDE[i])}}}{{7}}", font_size=LABEL_SIZE,
                           color=color).next_to(circle, UP, buff=0.15)
            self.states.add(VGroup(circle, name, prob))
        a, b = PAIR
        self.q_forward = CurvedArrow(STATE_POS[a] + 0.45 * RIGHT, STATE_POS[b] + 0.45 * DOWN,
                                     angle=0.6, color=TEXT, stroke_width=3, tip_length=0.18)
        self.q_back = CurvedArrow(STATE_POS[b] + 0.45 * LEFT, STATE_POS[a] + 0.45 * UP,
                                  angle=0.6, color=MUTED, stroke_width=3, tip_length=0.18)
        q_ab = MathTex(rf"q(3 \mid 2) = {fmt(STATES_Q[a, b], 1)}", font_size=LABEL_SIZE)
        q_ab.next_to(self.q_forward, DOWN + RIGHT, buff=0.0).shift(0.2 * DOWN)
        q_ba = MathTex(rf"q(2 \mid 3) = {fmt(STATES_Q[b, a], 1)}", font_size=LABEL_SIZE,
                       color=MUTED)
        q_ba.move_to([-4.6, -1.4, 0])
        with self.beat("Why does comparing two heights give samples from the density? Look at "
                       "the smallest case: three states, with target probabilities one, two and "
                       "four sevenths."):
            self.play(LaggedStart(*(FadeIn(s) for s in self.states), lag_ratio=0.3))
        with self.beat("And a proposal that is not symmetric: from state two it proposes three "
                       "with probability 0.8, but from three it proposes two only half the time."):
            self.play(Create(self.q_forward), FadeIn(q_ab))
            self.play(Create(self.q_back), FadeIn(q_ba))
        self.q_labels = VGroup(q_ab, q_ba)

    def show_detailed_balance(self):
        balance = MathTex(r"p(x)\, q(x' \mid x)\, \alpha(x \to x')", "=",
                          r"p(x')\, q(x \mid x')\, \alpha(x' \to x)", font_size=LABEL_SIZE)
        balance.move_to([3.0, 3.0, 0])
        name = Tex("detailed balance: flow $x \\to x'$ = flow back", font_size=LABEL_SIZE,
                   color=MUTED).next_to(balance, DOWN, buff=0.2)
        stationary = MathTex(r"\sum_x p(x) P(x \to x')", "=",
                             r"\sum_x p(x') P(x' \to x)", "=", "p(x')", font_size=LABEL_SIZE)
        stationary.next_to(name, DOWN, buff=0.35)
        stationary[-1].set_color(PROB)
        with self.beat("A chain keeps p forever if, for every pair of states, the probability "
                       "flowing from x to x prime equals the flow back. That is detailed balance."):
            self.play(Write(balance), run_time=2)
            self.play(FadeIn(name, shift=0.1 * DOWN))
        with self.beat("Why it is enough: sum the flows into x prime. By balance they equal the "
                       "flows out of x prime, which add up to p of x prime. So one step leaves "
                       "p unchanged."):
            self.play(Write(stationary[:3]), run_time=2)
            self.play(Write(stationary[3:]))
            self.play(Indicate(stationary[-1], color=PROB))
        self.balance = VGroup(balance, name, stationary)

    def flow_rows(self, flow, alpha, alpha_tex, color) -> VGroup:
        a, b = PAIR
        forward = MathTex(rf"2 \to 3:\ \tfrac{{2}}{{7}} \cdot {fmt(STATES_Q[a, b], 1)} \cdot "
                          rf"{fmt(alpha[a, b], 1)} = {f3(flow[a, b])}", font_size=LABEL_SIZE)
        back = MathTex(rf"3 \to 2:\ \tfrac{{4}}{{7}} \cdot {fmt(STATES_Q[b, a], 1)} \cdot "
                       rf"{fmt(alpha[b, a], 1)} = {f3(flow[b, a])}", font_size=LABEL_SIZE)
        rule = MathTex(alpha_tex, font_size=LABEL_SIZE, color=color)
        return VGroup(rule, forward, back).arrange(DOWN, aligned_edge=LEFT, buff=0.25)

    def show_naive_flows(self):
        a, b = PAIR
        rows = self.flow_rows(FLOW_NAIVE, ALPHA_NAIVE,
                              r"\alpha = \min\!\Big(1, \frac{\tilde p(x')}{\tilde p(x)}\Big)",
                              REJECT)
        rows.move_to([3.0, -1.6, 0])
        verdict = MathTex(r"\ne", font_size=BODY_SIZE, color=REJECT).next_to(rows[1:], RIGHT)
        with self.beat(f"Use the plain Metropolis ratio. Going up from two to three is always "
                       f"accepted; coming down is accepted half the time. The flow up is "
                       f"{f3(FLOW_NAIVE[a, b])}, the flow down only {f3(FLOW_NAIVE[b, a])}."):
            self.play(self.balance.animate.set_opacity(0.45), FadeIn(rows[0]))
            self.play(Write(rows[1]), Indicate(self.q_forward, color=TEXT))
            self.play(Write(rows[2]), Indicate(self.q_back, color=TEXT))
            self.play(FadeIn(verdict))
        with self.beat(f"Balance fails, and the chain drifts toward state three: in the long run "
                       f"it spends {fmt(100 * STATIONARY_NAIVE[2], 1)} percent of its time there, "
                       f"not {fmt(100 * STATES_P[2], 1)}."):
            self.play(Indicate(self.states[2], color=REJECT))
            self.wait(1)
        self.naive = VGroup(rows, verdict)

    def show_corrected_flows(self):
        a, b = PAIR
        rows = self.flow_rows(FLOW_MH, ALPHA_MH,
                              r"\alpha = \min\!\Big(1, \frac{\tilde p(x')\, q(x \mid x')}"
                              r"{\tilde p(x)\, q(x' \mid x)}\Big)", ACCEPT)
        rows.move_to([3.0, -1.6, 0])
        verdict = MathTex("=", font_size=BODY_SIZE, color=ACCEPT).next_to(rows[1:], RIGHT)
        with self.beat("The Hastings correction multiplies the ratio by q of x given x prime over "
                       "q of x prime given x: the proposal's own bias, divided out."):
            self.play(FadeOut(self.naive[1]), ReplacementTransform(self.naive[0][0], rows[0]))
        with self.beat(f"Coming down is now accepted with probability {fmt(ALPHA_MH[b, a], 1)}, "
                       f"and both flows are {f3(FLOW_MH[a, b])}. Every pair balances, so the "
                       f"chain's long run is one, two and four sevenths, the target."):
            self.play(ReplacementTransform(self.naive[0][1], rows[1]),
                      ReplacementTransform(self.naive[0][2], rows[2]))
            self.play(FadeIn(verdict), Indicate(self.states[2], color=ACCEPT))
        with self.beat("With a symmetric proposal the two q's are equal and cancel: that is the "
                       "Metropolis rule we ran on the two bumps."):
            self.play(Indicate(rows[0], color=ACCEPT))
            self.wait(1)
        self.play(FadeOut(VGroup(self.states, self.q_forward, self.q_back, self.q_labels,
                                 self.balance, rows, verdict)))


# =========================================================================== scene 2c

class BurnInAndAutocorrelation(NarratedScene):
    """A trace started far away (burn-in); the autocorrelation of the kept samples and the
    effective sample size that replaces n in s / sqrt(n)."""

    def construct(self):
        # Step 1: the trace from far away; the burn-in to discard.
        self.show_trace()
        # Step 2: neighbouring samples are alike: the autocorrelation.
        self.show_autocorrelation()
        # Step 3: the effective sample size and the honest error bar.
        self.show_effective_size()
        # Step 4: formula -> code -> library: the effective sample size.
        show_bridge(self, EFFECTIVE_SIZE, (
            "In code: the effective sample size is the chain's length over one plus twice the "
            "summed autocorrelations.",
            f"mathcore's effective sample size of the kept chain: {fmt(ESS, 1)}.",
            "NumPy computes the same autocorrelations with correlate, and the same sum.",
        ))

    def show_trace(self):
        axes = Axes(x_range=(0, N_TRACE, 50), y_range=(-13, 4, 4), x_length=11.5, y_length=2.8,
                    axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
                    y_axis_config={"numbers_to_include": [-12, -8, -4, 0]})
        axes.to_edge(UP, buff=0.7)
        x_name = Tex(f"steps 0 to {N_TRACE}", font_size=SMALL_SIZE, color=MUTED)
        x_name.next_to(axes, DOWN, buff=0.1).align_to(axes, RIGHT)
        y_name = MathTex("x", font_size=LABEL_SIZE, color=CHAIN_COLOR).next_to(axes.y_axis, LEFT)
        trace = get_curve(axes, np.arange(N_TRACE + 1),
                          np.concatenate([[FAR_X0], LONG_X[:N_TRACE]]), CHAIN_COLOR, 2)
        burn = Rectangle(width=axes.c2p(BURN_IN, 0)[0] - axes.c2p(0, 0)[0],
                         height=axes.y_length, stroke_width=0, fill_color=REJECT,
                         fill_opacity=0.25).move_to(axes.c2p(0, -13), aligned_edge=DOWN + LEFT)
        burn_name = Tex("burn-in", font_size=LABEL_SIZE, color=REJECT).next_to(burn, DOWN,
                                                                               buff=0.45)
        with self.beat("Balance promises the target in the long run, not that each sample is a "
                       "fresh draw. "
                       f"Samples from the walk are not yet independent draws, for two reasons. "
                       f"The first: where it starts. Start it far out, at {fmt(FAR_X0, 0)}, "
                       f"and plot its position at every step: a trace."):
            self.play(Create(axes), FadeIn(x_name), FadeIn(y_name))
            self.play(Create(trace), run_time=4, rate_func=linear)
        with self.beat(f"The first steps are a march toward the density, not samples from it. "
                       f"That stretch is the burn-in; here we discard the first {BURN_IN} steps."):
            self.play(FadeIn(burn), FadeIn(burn_name))
        means = MathTex(rf"\bar x_{{\text{{all}}}} = {fmt(MEAN_ALL)}, \quad "
                        rf"\bar x_{{\text{{kept}}}} = {fmt(MEAN_KEPT)}, \quad "
                        rf"\mathbb{{E}}_p[x] = {fmt(TRUE_MEAN)}", font_size=LABEL_SIZE)
        means.next_to(burn_name, DOWN, buff=0.3).set_x(0)
        with self.beat(f"Over all {N_LONG} steps, the mean is {fmt(MEAN_ALL)}; without the "
                       f"burn-in it is {fmt(MEAN_KEPT)}, close to the true {fmt(TRUE_MEAN)}. A few "
                       f"dozen steps from far away pull the average off."):
            self.play(Write(means), run_time=2)
        self.trace_group = VGroup(axes, x_name, y_name, trace, burn, burn_name)
        self.means = means

    def show_autocorrelation(self):
        self.play(FadeOut(self.means), self.trace_group.animate.scale(0.8).to_edge(UP, buff=0.3))
        axes = Axes(x_range=(0, MAX_LAG, 10), y_range=(0, 1, 0.5), x_length=6.0, y_length=2.6,
                    axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
                    x_axis_config={"numbers_to_include": [10, 20, 30, 40]},
                    y_axis_config={"numbers_to_include": [0.5, 1.0],
                                   "decimal_number_config": {"num_decimal_places": 1}})
        axes.move_to([-3.2, -1.6, 0])
        bars = VGroup(*(Line(axes.c2p(k, 0), axes.c2p(k, max(r, 0.0)), color=ACCENT,
                             stroke_width=5) for k, r in enumerate(ACF)))
        lag_name = Tex("lag $k$", font_size=SMALL_SIZE, color=MUTED).next_to(axes.x_axis, DOWN,
                                                                             buff=0.35)
        rho_name = MathTex(r"\hat\rho_k", font_size=LABEL_SIZE, color=ACCENT)
        rho_name.next_to(axes.y_axis, UP, buff=0.1)
        with self.beat(f"The second reason: each step moves a little, or not at all, so a "
                       f"sample looks like its neighbours. The autocorrelation at lag k measures "
                       f"it: {fmt(ACF[1])} one step apart, {fmt(ACF[10])} ten steps apart."):
            self.play(Create(axes), FadeIn(lag_name), FadeIn(rho_name))
            self.play(LaggedStart(*(Create(b) for b in bars), lag_ratio=0.05), run_time=3)
        self.acf = VGroup(axes, bars, lag_name, rho_name)

    def show_effective_size(self):
        ess = MathTex(r"n_{\text{eff}} = \frac{n}{1 + 2\sum_k \hat\rho_k}",
                      rf"= \frac{{{len(KEPT)}}}{{{fmt(len(KEPT) / ESS, 1)}}} = {fmt(ESS, 0)}",
                      font_size=LABEL_SIZE)
        ess.move_to([3.4, -1.2, 0])
        naive = MathTex(rf"\frac{{s}}{{\sqrt{{n}}}} = {fmt(NAIVE_SE, 3)}", font_size=LABEL_SIZE,
                        color=REJECT)
        honest = MathTex(rf"\frac{{s}}{{\sqrt{{n_{{\text{{eff}}}}}}}} = {fmt(HONEST_SE, 3)}",
                         font_size=LABEL_SIZE, color=ACCEPT)
        errors = VGroup(naive, honest).arrange(RIGHT, buff=0.8).next_to(ess, DOWN, buff=0.4)
        with self.beat(f"Correlated samples carry less information. The effective sample size "
                       f"divides n by one plus twice the summed autocorrelations: the "
                       f"{len(KEPT)} kept steps are worth about {fmt(ESS, 0)} independent draws."):
            self.play(Write(ess[0]), Indicate(self.acf[1], color=ACCENT), run_time=2)
            self.play(Write(ess[1]))
        with self.beat(f"So the standard error from the start of the lesson, s over root n, "
                       f"breaks: it claims {fmt(NAIVE_SE, 3)}. With the effective size it is "
                       f"{fmt(HONEST_SE, 3)}, about {fmt(HONEST_SE / NAIVE_SE, 0)} times wider."):
            self.play(FadeIn(naive, shift=0.1 * UP))
            self.play(TransformFromCopy(naive, honest))
        with self.beat("That honest error bar is what probabilistic programming libraries "
                       "report next to every posterior mean they sample."):
            self.play(Indicate(honest, color=ACCEPT))
            self.wait(1)
        self.play(FadeOut(VGroup(self.trace_group, self.acf, ess, errors)))


# =========================================================================== scene 3

GIBBS_CENTER = np.array([-3.3, 0.15, 0.0])
GIBBS_UNIT = 0.95
TEXT_LEFT = 0.9  # x where the right-hand text column starts


class GibbsStaircase(NarratedScene):
    """Gibbs sampling: each move redraws one coordinate from its conditional."""

    def construct(self):
        # Step 1: a correlated Gaussian, as contours.
        self.show_contours()
        # Step 2: the conditionals are one-dimensional Gaussians we can sample exactly.
        self.show_conditionals()
        # Step 3: the first moves, one coordinate at a time, with the conditional drawn.
        self.show_first_moves()
        # Step 4: the staircase continues; the samples fill the ellipses.
        self.show_staircase_and_samples()

    def p(self, x, y) -> np.ndarray:
        return self.plane.c2p(x, y)

    def get_bump(self, along: str, at: float, density) -> VMobject:
        """A conditional density drawn as a bump standing on the line it samples along."""
        scale = 1.2  # coordinate units per unit of density
        if along == "x":
            points = [self.p(g, at + scale * d) for g, d in zip(COND_GRID, density)]
        else:
            points = [self.p(at + scale * d, g) for g, d in zip(COND_GRID, density)]
        bump = VMobject(stroke_color=ACCENT, stroke_width=3)
        bump.set_points_as_corners(points)
        return bump

    def show_contours(self):
        self.plane = get_plane(x_range=(-3.5, 3.5, 1), y_range=(-4, 3.5, 1), unit=GIBBS_UNIT,
                               center=GIBBS_CENTER)
        self.plane.set_stroke(opacity=0.3)
        contours = VGroup()
        for ellipse, opacity in zip(GIBBS_ELLIPSES, (1.0, 0.7, 0.45)):
            curve = VMobject(stroke_color=PROB, stroke_width=3, stroke_opacity=opacity)
            curve.set_points_as_corners([self.p(*q) for q in ellipse.points])
            contours.add(curve)
        title = tex(r"(x, y) \sim \mathcal{N}\!\left(0, \begin{pmatrix} 1 & \rho \\ \rho & 1 "
                    r"\end{pmatrix}\right), \quad \rho = " + fmt(RHO), font_size=BODY_SIZE)
        title.move_to([TEXT_LEFT, 3.1, 0], aligned_edge=LEFT)
        with self.beat("Metropolis proposes blindly and throws many proposals away. When each "
                       "coordinate alone is easy to sample, a chain can keep every move. "
                       f"Take two dimensions: a Gaussian whose coordinates are correlated, with "
                       f"correlation rho equal to {fmt(RHO)}. Its contours are tilted ellipses."):
            self.play(FadeIn(self.plane), run_time=1)
            self.play(LaggedStart(*(Create(c) for c in contours), lag_ratio=0.3), Write(title),
                      run_time=2.5)
        self.contours, self.title = contours, title

    def show_conditionals(self):
        x_cond = tex(r"x \mid y \sim \mathcal{N}(\rho\, y,\; 1 - \rho^2)", font_size=BODY_SIZE)
        y_cond = tex(r"y \mid x \sim \mathcal{N}(\rho\, x,\; 1 - \rho^2)", font_size=BODY_SIZE)
        group = VGroup(x_cond, y_cond).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        group.next_to(self.title, DOWN, buff=0.55).align_to(self.title, LEFT)
        with self.beat("Sampling the pair at once may be hard. But fix y, and x alone is a "
                       "one-dimensional Gaussian centred at rho times y. The same holds the other "
                       "way round."):
            self.play(FadeIn(x_cond, shift=0.1 * DOWN))
            self.play(FadeIn(y_cond, shift=0.1 * DOWN))
            self.wait(1)
        with self.beat("Gibbs sampling alternates: redraw x given y, then y given x, again and "
                       "again."):
            self.play(Indicate(x_cond, color=ACCENT), run_time=1)
            self.play(Indicate(y_cond, color=ACCENT), run_time=1)
        self.conditionals = group

    def show_first_moves(self):
        path = GIBBS.path
        start = Dot(self.p(*path[0]), radius=0.08, color=ACCENT)
        self.tracker = ValueTracker(0)
        self.stairs = get_traced_path(self.plane, path, self.tracker, ACCENT, stroke_width=3,
                                      head_radius=0.08)
        with self.beat("Start in a corner, far from the centre."):
            self.play(GrowFromCenter(start))
        line_x = DashedLine(self.p(-3.4, path[0, 1]), self.p(3.4, path[0, 1]), color=MUTED,
                            stroke_width=2)
        bump_x = self.get_bump("x", path[0, 1], COND_X_GIVEN_Y)
        with self.beat("Hold y fixed: the chain may only move along this horizontal line, and the "
                       "bump is the conditional density of x there. Draw x from it."):
            self.play(Create(line_x), Create(bump_x), run_time=1.5)
            self.add(self.stairs)
            self.remove(start)
            self.play(self.tracker.animate.set_value(1), run_time=1.2)
        line_y = DashedLine(self.p(path[1, 0], -3.4), self.p(path[1, 0], 3.4), color=MUTED,
                            stroke_width=2)
        bump_y = self.get_bump("y", path[1, 0], COND_Y_GIVEN_X)
        with self.beat("Now hold x fixed and draw y from its conditional, along the vertical "
                       "line."):
            self.play(FadeOut(line_x), FadeOut(bump_x), Create(line_y), Create(bump_y),
                      run_time=1.5)
            self.play(self.tracker.animate.set_value(2), run_time=1.2)
            self.play(FadeOut(line_y), FadeOut(bump_y))

    def show_staircase_and_samples(self):
        with self.beat("Every move is parallel to an axis, so the path is a staircase. It climbs "
                       "towards the centre, and then wanders inside the ellipses."):
            self.play(self.tracker.animate.set_value(2 * N_STAIR_SWEEPS), run_time=6,
                      rate_func=linear)
        samples = VGroup(*(Dot(self.p(*s), radius=0.03, color=DATA) for s in GIBBS.samples))
        corr = tex(rf"\text{{sample correlation}} = {fmt(SAMPLE_CORR)}", font_size=LABEL_SIZE)
        corr.next_to(self.conditionals, DOWN, buff=0.55).align_to(self.conditionals, LEFT)
        note = Tex(r"$\rho$ near 1: tiny steps, slow mixing", font_size=LABEL_SIZE, color=MUTED)
        note.next_to(corr, DOWN, buff=0.3).align_to(corr, LEFT)
        note[0][0].set_color(ACCENT)
        with self.beat(f"Keep one point per sweep, {N_GIBBS} sweeps in all. The samples fill the "
                       f"ellipses, and their correlation comes out at {fmt(SAMPLE_CORR)}, close "
                       f"to {fmt(RHO)}."):
            self.play(FadeOut(self.stairs))
            # the cloud fades in as one mobject, dot by dot (faded in one by one, each dot
            # joined the scene alone and two samples on one spot counted as a ghost copy)
            self.play(FadeIn(samples, lag_ratio=0.01), run_time=4)
            self.play(FadeIn(corr, shift=0.1 * UP))
        strong = VMobject(stroke_color=ACCENT, stroke_width=3)
        strong.set_points_as_corners([self.p(*q) for q in STRONG_ELLIPSE.points])
        strong_label = tex(rf"\rho = {fmt(STRONG_RHO)}", font_size=LABEL_SIZE)
        strong_label.next_to(note, DOWN, buff=0.3).align_to(note, LEFT)
        # the typical x-step (two conditional sds either side), before and after
        step = Line(self.p(-2 * COND_SD, 0), self.p(2 * COND_SD, 0), color=ACCENT, stroke_width=8)
        small_step = Line(self.p(-2 * STRONG_COND_SD, 0), self.p(2 * STRONG_COND_SD, 0),
                          color=ACCENT, stroke_width=8)
        with self.beat("One caution. The stronger the correlation, the narrower the ellipse, and "
                       "the smaller each axis-parallel step: the chain then explores slowly."):
            self.play(FadeIn(note, shift=0.1 * UP))
            self.play(Create(strong), FadeIn(strong_label), run_time=1.5)
            self.play(GrowFromCenter(step))
            self.play(Transform(step, small_step), run_time=1.5)


# =========================================================================== scene 4

NODE_SIZE = 0.95


def get_node(label: MathTex, color, random: bool = False, width: float | None = None) -> VGroup:
    """A node of a computation graph: a rounded box; random nodes are filled and dashed-free."""
    box = RoundedRectangle(corner_radius=0.15, width=width or max(NODE_SIZE, label.width + 0.4),
                           height=NODE_SIZE, stroke_color=color, stroke_width=3,
                           fill_color=PROB if random else color,
                           fill_opacity=0.35 if random else 0.08)
    return VGroup(box, label.move_to(box))


class ReparameterizationTrick(NarratedScene):
    """z = mu + sigma * eps: move the randomness to an input so the gradient flows to mu, sigma."""

    def construct(self):
        # Step 1: sampling z ~ N(mu, sigma^2) inside the graph blocks the gradient.
        self.show_blocked_graph()
        # Step 2: rewrite z = mu + sigma * eps; the randomness becomes an input.
        self.show_reparameterized_graph()
        # Step 3: the same eps, moved and stretched by mu and sigma.
        self.show_eps_to_z()
        # Step 4: pathwise gradients have far smaller variance than the score function.
        self.show_estimator_comparison()

    def show_blocked_graph(self):
        self.mu = get_node(tex(r"\mu"), MEAN).move_to([-5.3, 2.0, 0])
        self.sigma = get_node(tex(r"\sigma"), SPREAD).move_to([-5.3, 0.2, 0])
        self.z = get_node(tex(r"z \sim \mathcal{N}(\mu, \sigma^2)"), PROB, random=True)
        self.z.move_to([-1.4, 1.1, 0])
        self.f = get_node(tex(r"f(z)"), TEXT).move_to([2.6, 1.1, 0])
        self.loss = get_node(tex(r"\mathbb{E}[f(z)]", colors={}), TEXT).move_to([5.4, 1.1, 0])
        forward = VGroup(
            Arrow(self.mu.get_right(), self.z.get_left(), buff=0.1, color=MUTED, stroke_width=3),
            Arrow(self.sigma.get_right(), self.z.get_left(), buff=0.1, color=MUTED, stroke_width=3),
            Arrow(self.z.get_right(), self.f.get_left(), buff=0.1, color=MUTED, stroke_width=3),
            Arrow(self.f.get_right(), self.loss.get_left(), buff=0.1, color=MUTED, stroke_width=3),
        )
        with self.beat("So far, samples estimated numbers. Training needs more: the gradient of an "
                       "expectation with respect to the distribution we sample from. "
                       "A variational autoencoder samples a latent z from a Gaussian whose mean mu "
                       "and spread sigma the network outputs, and trains on the expected loss."):
            self.play(FadeIn(self.mu), FadeIn(self.sigma))
            self.play(GrowArrow(forward[0]), GrowArrow(forward[1]), FadeIn(self.z))
            self.play(GrowArrow(forward[2]), FadeIn(self.f), GrowArrow(forward[3]),
                      FadeIn(self.loss))
            self.play(Indicate(self.z), run_time=1.2)  # the sample ...
            self.play(Indicate(self.loss), run_time=1.2)  # ... and the loss it is trained on
        back_fz = CurvedArrow(self.f.get_bottom() + 0.05 * DOWN, self.z.get_bottom() + 0.05 * DOWN,
                              color=GRADIENT, stroke_width=4, angle=-1.0)
        back_zmu = CurvedArrow(self.z.get_top() + 0.05 * UP, self.mu.get_top() + 0.05 * UP,
                               color=GRADIENT, stroke_width=4, angle=0.8)
        cross = Cross(back_zmu, stroke_color=REJECT, stroke_width=6).scale(0.45)
        question = tex(r"\frac{\partial z}{\partial \mu} = \;?", font_size=BODY_SIZE)
        question.next_to(back_zmu, UP, buff=0.1)
        df_dz = tex(r"\frac{\partial f}{\partial z}", font_size=LABEL_SIZE, colors={})
        df_dz.next_to(back_fz, DOWN, buff=0.1).set_color(GRADIENT)
        with self.beat("Training needs the gradient of that loss with respect to mu and sigma. It "
                       "flows back from f to z without trouble."):
            self.play(Indicate(self.loss, color=GRADIENT))
            self.play(Indicate(self.mu, color=GRADIENT), Indicate(self.sigma, color=GRADIENT))
            self.play(Create(back_fz), run_time=1.2)
            self.play(Write(df_dz))
        with self.beat("But z is a random draw. How does a draw change when mu changes? Sampling "
                       "is not a function we can differentiate: the gradient is stuck."):
            self.play(Create(back_zmu), Write(question), run_time=1.2)
            self.play(Create(cross))
            self.wait(1)
        self.forward, self.blocked = forward, VGroup(back_fz, df_dz, back_zmu, cross, question)

    def show_reparameterized_graph(self):
        z_new = get_node(tex(r"z = \mu + \sigma \cdot \varepsilon"), TEXT).move_to(self.z)
        eps = get_node(tex(r"\varepsilon \sim \mathcal{N}(0, 1)"), PROB, random=True)
        eps.move_to([-5.0, -1.7, 0])
        eps_arrow = Arrow(eps.get_right(), z_new.get_bottom(), buff=0.1, color=MUTED,
                          stroke_width=3)
        formula = tex(r"\frac{\partial z}{\partial \mu} = 1, \qquad "
                      r"\frac{\partial z}{\partial \sigma} = \varepsilon", font_size=BODY_SIZE)
        formula.move_to([2.8, -1.5, 0])
        back = VGroup(
            CurvedArrow(self.f.get_bottom() + 0.05 * DOWN, z_new.get_bottom() + 0.3 * RIGHT,
                        color=GRADIENT, stroke_width=4, angle=-1.0),
            CurvedArrow(z_new.get_top() + 0.05 * UP, self.mu.get_top() + 0.05 * UP,
                        color=GRADIENT, stroke_width=4, angle=0.8),
            CurvedArrow(z_new.get_bottom() + 0.4 * LEFT, self.sigma.get_bottom() + 0.12 * DOWN,
                        color=GRADIENT, stroke_width=4, angle=-0.8),
        )
        with self.beat("The trick: write z as mu plus sigma times epsilon, where epsilon is drawn "
                       "from a standard normal. Same distribution for z, but the randomness is "
                       "now an input on the side."):
            self.play(FadeOut(self.blocked))
            self.play(ReplacementTransform(self.z, z_new), run_time=1.5)
            self.play(FadeIn(eps), GrowArrow(eps_arrow))
        with self.beat("Now z is an ordinary function of mu and sigma. Its derivatives are one and "
                       "epsilon, and the gradient flows all the way back."):
            self.play(Write(formula))
            self.play(LaggedStart(*(Create(a) for a in back), lag_ratio=0.4), run_time=2.5)
        self.graph = VGroup(self.mu, self.sigma, z_new, self.f, self.loss, eps, self.forward,
                            eps_arrow, back, formula)

    def show_eps_to_z(self):
        eps_line = NumberLine(x_range=(-4, 4, 1), length=11, color=MUTED, include_numbers=True,
                              font_size=SMALL_SIZE).move_to([0.4, 1.2, 0])
        z_line = NumberLine(x_range=(-4, 4, 1), length=11, color=MUTED, include_numbers=True,
                            font_size=SMALL_SIZE).move_to([0.4, -1.8, 0])
        eps_name = tex(r"\varepsilon", font_size=BODY_SIZE).next_to(eps_line, LEFT, buff=0.3)
        z_name = tex(r"z", font_size=BODY_SIZE, colors={}).next_to(z_line, LEFT, buff=0.3)
        eps_dots = VGroup(*(Dot(eps_line.n2p(e), radius=0.07, color=NOISE) for e in EPS))
        z_dots = VGroup(*(Dot(z_line.n2p(z), radius=0.07, color=MEAN) for z in Z_KEYFRAMES[0]))
        links = VGroup(*(Line(a.get_center(), b.get_center(), color=FAINT, stroke_width=1.5)
                         for a, b in zip(eps_dots, z_dots)))
        for link, a, b in zip(links, eps_dots, z_dots):
            link.add_updater(lambda m, a=a, b=b: m.put_start_and_end_on(a.get_center(),
                                                                       b.get_center()))
        readout = tex(rf"\mu = {fmt(REPARAM_KEYFRAMES[0][0])}, \quad "
                      rf"\sigma = {fmt(REPARAM_KEYFRAMES[0][1])}", font_size=BODY_SIZE)
        readout.to_edge(UP, buff=EDGE_BUFF)
        with self.beat(f"Here are {N_EPS} draws of epsilon, fixed once. Each is mapped to a z by "
                       "the same formula."):
            self.play(FadeOut(self.graph))
            self.play(Create(eps_line), FadeIn(eps_name), FadeIn(eps_dots))
            self.play(Create(z_line), FadeIn(z_name), Write(readout))
            self.play(LaggedStart(*(Create(l) for l in links), lag_ratio=0.05),
                      FadeIn(z_dots), run_time=1.5)
        spoken = ["Change mu, and every z slides by the same amount.",
                  "Shrink sigma, and the z's squeeze together around mu.",
                  "Any mu and sigma: the noise stays put, and z moves smoothly with the "
                  "parameters. That smooth dependence is what backpropagation needs."]
        for (mu, sigma), zs, text in zip(REPARAM_KEYFRAMES[1:], Z_KEYFRAMES[1:], spoken):
            new_readout = tex(rf"\mu = {fmt(mu)}, \quad \sigma = {fmt(sigma)}", font_size=BODY_SIZE)
            new_readout.move_to(readout)
            with self.beat(text):
                self.play(*(d.animate.move_to(z_line.n2p(z)) for d, z in zip(z_dots, zs)),
                          Transform(readout, new_readout), run_time=2)
                self.wait(0.5)
        for link in links:
            link.clear_updaters()
        self.play(FadeOut(VGroup(eps_line, z_line, eps_name, z_name, eps_dots, z_dots, links,
                                 readout)))

    def show_estimator_comparison(self):
        title = tex(r"\nabla_{\mu}\, \mathbb{E}\big[z^2\big] \text{ at } \mu = 1,\ \sigma = 1: "
                    rf"\text{{ exactly }} {fmt(EXACT_GRAD_MU)}", font_size=BODY_SIZE)
        title.to_edge(UP, buff=EDGE_BUFF)
        axis = NumberLine(x_range=(0.5, 3.0, 0.5), length=9, color=MUTED, include_numbers=True,
                          font_size=SMALL_SIZE,
                          decimal_number_config={"num_decimal_places": 1}).move_to([0.8, -2.6, 0])
        truth = DashedLine(axis.n2p(EXACT_GRAD_MU) + 0.1 * DOWN,
                           axis.n2p(EXACT_GRAD_MU) + 4.6 * UP, color=TEXT, stroke_width=2)
        rows = VGroup()
        for y, name, estimate, color in ((0.6, r"\text{pathwise (reparameterized)}", PATHWISE, GRADIENT),
                                         (-0.9, r"\text{score function (REINFORCE)}", SCORE, ACCENT_2)):
            g, se = estimate.grad[0], estimate.standard_error[0]
            bar = Line(axis.n2p(g - 2 * se), axis.n2p(g + 2 * se), color=color, stroke_width=8)
            bar.set_y(y)
            dot = Dot(bar.get_center(), radius=0.1, color=color).move_to([axis.n2p(g)[0], y, 0])
            label = MathTex(name, font_size=LABEL_SIZE, color=color)
            label.next_to(bar, UP, buff=0.2).set_x(axis.n2p(1.75)[0])
            value = MathTex(rf"{fmt(g)} \pm {fmt(2 * se)}", font_size=LABEL_SIZE, color=color)
            value.next_to(bar, DOWN, buff=0.2).set_x(dot.get_x())
            rows.add(VGroup(bar, dot, label, value))
        with self.beat(f"Does it matter? Estimate the gradient of the expected square of z, whose "
                       f"exact value is {fmt(EXACT_GRAD_MU)}, from {N_GRAD} samples, two ways."):
            self.play(Write(title))
            self.play(Create(axis), Create(truth))
        with self.beat(f"Through the reparameterized path: {fmt(PATHWISE.grad[0])}, give or take "
                       f"{fmt(2 * PATHWISE.standard_error[0])}."):
            self.play(FadeIn(rows[0], shift=0.1 * UP))
            self.wait(1)
        with self.beat(f"The score-function estimator, which never differentiates f, gives "
                       f"{fmt(SCORE.grad[0])}, give or take {fmt(2 * SCORE.standard_error[0])}: "
                       f"an error bar {fmt(SE_RATIO, 1)} times wider for the same samples."):
            self.play(FadeIn(rows[1], shift=0.1 * UP))
            # the pathwise bar laid inside the score bar: same centre, a fraction of the width
            inner = rows[0][0].copy().set_y(rows[1][0].get_y()).set_x(rows[1][1].get_x())
            self.play(TransformFromCopy(rows[0][0], inner), run_time=1.5)
            wider = MathTex(rf"\times {fmt(SE_RATIO, 1)}", font_size=LABEL_SIZE, color=ACCENT_2)
            wider.next_to(rows[1][0], RIGHT, buff=0.25)
            self.play(FadeIn(wider, shift=0.1 * LEFT), Indicate(rows[1][0], color=ACCENT_2))
        with self.beat("That lower variance is why the reparameterization trick made training "
                       "variational autoencoders practical."):
            self.play(Indicate(rows[0][0], color=GRADIENT))
            self.wait(1.5)


# =========================================================================== scene 5

class Lesson12TryIt(TryItScene):
    lesson = 12
