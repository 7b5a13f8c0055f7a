"""Lesson 09 — Maximum likelihood and MAP.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed once, here at the top, by ``mathcore``
(with a fixed seed); the scenes only draw and format them. Motion is a
ValueTracker moving along precomputed arrays.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DL, DOWN, LEFT, ORIGIN, RIGHT, UL, UP, UR, Axes, Circle, Circumscribe, Create, Dot, FadeIn,
    FadeOut, Flash, Indicate, LaggedStart, Line, MathTex, Polygon, Rectangle, Tex,
    TransformFromCopy, Triangle, ValueTracker, VGroup, Write, always_redraw, linear, smooth,
)

from mathcore import convex, information, probability
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_beats import show_bridge
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    BACKGROUND, BODY_SIZE, CONTOUR_HIGH, CONTOUR_LOW, DATA, EDGE_BUFF, FAINT, LABEL_SIZE,
    LIKELIHOOD, MEAN, MUTED, POSTERIOR, PRIOR, SMALL_SIZE, SPREAD, TEXT,
)
from scenekit.widgets import (
    format_number, get_colored_tex, get_contour_lines, get_heat_map, get_panel, get_plane,
    get_sampled_curve, get_tracked_number, lookup,
)

SEED = 9  # the only source of randomness in this lesson (the three data sets)
rng = np.random.default_rng(SEED)


def normal_pdf(x, mean: float, var: float) -> np.ndarray:
    """A 1-D Gaussian density at the points ``x`` (n,), via mathcore's multivariate one."""
    return probability.multivariate_normal_pdf(np.asarray(x, dtype=float)[:, None], [mean], [[var]])


# --------------------------------------------------------------------------- 1. likelihood surface
N_DATA = 12
DATA_X = rng.normal(2.0, 1.2, size=N_DATA)  # (n,) i.i.d. draws; the scene never reveals 2.0, 1.2
MLE_MEAN, MLE_VAR = probability.gaussian_mle(DATA_X)  # the peak of the surface

SURFACE_MU = np.linspace(0.0, 3.6, 46)  # (46,) cell centres along the mean axis
SURFACE_VAR = np.linspace(0.3, 4.2, 40)  # (40,) ... and along the variance axis
SURFACE_LL = probability.log_likelihood_gaussian(
    DATA_X, *np.meshgrid(SURFACE_MU, SURFACE_VAR))  # (40, 46) log-likelihood per (mean, var)
LL_MAX = float(probability.log_likelihood_gaussian(DATA_X, MLE_MEAN, MLE_VAR))
LL_LEVELS = LL_MAX - np.array([0.5, 2.0, 4.5, 8.0, 12.5])  # contour lines below the peak

# The path the estimate takes: first the mean (at a wrong variance), then the variance.
START = np.array([0.5, 3.6])  # (mean, var)
PATH_STEPS = 60
PATH = np.concatenate([
    np.column_stack([np.linspace(START[0], MLE_MEAN, PATH_STEPS), np.full(PATH_STEPS, START[1])]),
    np.column_stack([np.full(PATH_STEPS, MLE_MEAN), np.linspace(START[1], MLE_VAR, PATH_STEPS)]),
])  # (120, 2)
PATH_LL = probability.log_likelihood_gaussian(DATA_X, PATH[:, 0], PATH[:, 1])  # (120,)
CURVE_X = np.linspace(-1.5, 5.5, 141)  # where the fitted curve is drawn
PATH_CURVES = np.stack([normal_pdf(CURVE_X, m, v) for m, v in PATH])  # (120, 141)
PATH_STEMS = np.stack([normal_pdf(DATA_X, m, v) for m, v in PATH])  # (120, n) density at each x_i

# --------------------------------------------------------------------------- 2. MAP for a mean
NOISE_VAR = 1.0  # sigma^2, known
PRIOR_MEAN, PRIOR_VAR = 0.0, 0.25  # mu_0, tau^2: a confident prior at 0
N_STREAM = 20
STREAM = rng.normal(2.0, np.sqrt(NOISE_VAR), size=N_STREAM)  # (N,) arriving one at a time
STREAM_MLE = np.array([probability.gaussian_mle(STREAM[:n])[0] for n in range(1, N_STREAM + 1)])
STREAM_MAP = np.array([probability.gaussian_mean_map(STREAM[:n], NOISE_VAR, PRIOR_MEAN, PRIOR_VAR)
                       for n in range(1, N_STREAM + 1)])  # (N, 2): MAP mean, posterior var
# index n = number of observations; with none, the posterior is the prior
MAP_MEANS = np.concatenate([[PRIOR_MEAN], STREAM_MAP[:, 0]])  # (N+1,)
POST_VARS = np.concatenate([[PRIOR_VAR], STREAM_MAP[:, 1]])  # (N+1,)
PSEUDO_COUNT = NOISE_VAR / PRIOR_VAR  # the prior weighs as much as this many observations
MU_X = np.linspace(-1.5, 5.0, 261)
PRIOR_CURVE = normal_pdf(MU_X, PRIOR_MEAN, PRIOR_VAR)  # (261,)
POST_CURVES = np.stack([normal_pdf(MU_X, m, v) for m, v in zip(MAP_MEANS, POST_VARS)])  # (N+1, 261)
# The likelihood of mu given n points, normalised to a density: N(x-bar, sigma^2 / n).
LIK_CURVES = np.stack([np.zeros_like(MU_X)] + [normal_pdf(MU_X, m, NOISE_VAR / n)
                                               for n, m in enumerate(STREAM_MLE, start=1)])

# --------------------------------------------------------------------------- 3. regularisation
N_REG = 30
REG_NOISE_VAR = 0.49  # sigma^2 of the regression noise
FEATURES = rng.normal(size=(N_REG, 2))
FEATURES[:, 1] = 0.6 * FEATURES[:, 0] + 0.8 * FEATURES[:, 1]  # correlated features: tilted contours
TRUE_W = np.array([1.5, 0.4])
TARGETS = FEATURES @ TRUE_W + rng.normal(0.0, np.sqrt(REG_NOISE_VAR), size=N_REG)  # (n,)
W_MLE = probability.linear_regression_mle(FEATURES, TARGETS)  # least squares
RIDGE_PRIOR_VAR = 0.1  # tau^2 of the Gaussian prior
RIDGE_LAMBDA = REG_NOISE_VAR / RIDGE_PRIOR_VAR  # lambda = sigma^2 / tau^2
W_RIDGE = probability.map_linear_regression(FEATURES, TARGETS, REG_NOISE_VAR, RIDGE_PRIOR_VAR)
LAPLACE_SCALE = 0.1  # b of the Laplace prior
LASSO_LAMBDA = REG_NOISE_VAR / LAPLACE_SCALE  # 1/2 ||y - Xw||^2 + lambda ||w||_1, lambda = sigma^2 / b
ISTA_STEPS = 1000
W_LASSO = convex.ista(FEATURES, TARGETS, LASSO_LAMBDA, n_steps=ISTA_STEPS).x
# The regularisation paths: the estimate for a sweep of prior strengths.
RIDGE_LAMBDAS = np.unique(np.append(np.geomspace(0.05, 400.0, 40), RIDGE_LAMBDA))
RIDGE_PATH = np.stack([probability.ridge_regression(FEATURES, TARGETS, lam) for lam in RIDGE_LAMBDAS])
LASSO_LAMBDAS = np.unique(np.append(np.geomspace(0.05, 40.0, 40), LASSO_LAMBDA))
LASSO_PATH = np.stack([convex.ista(FEATURES, TARGETS, lam, n_steps=ISTA_STEPS).x
                       for lam in LASSO_LAMBDAS])  # (41, 2)
RIDGE_INDEX = int(np.flatnonzero(RIDGE_LAMBDAS == RIDGE_LAMBDA)[0])  # where each sweep stops
LASSO_INDEX = int(np.flatnonzero(LASSO_LAMBDAS == LASSO_LAMBDA)[0])
BALL_LIMIT = 1.6  # the largest ball that fits the drawn plane; sweeps start at the first that fits
RIDGE_START = int(np.argmax(np.linalg.norm(RIDGE_PATH, axis=1) <= BALL_LIMIT))
LASSO_START = int(np.argmax(np.abs(LASSO_PATH).sum(axis=1) <= BALL_LIMIT))
# The negative log-likelihood ||y - Xw||^2 / (2 sigma^2) on a grid, for contour lines.
W1_GRID = np.linspace(-1.6, 2.9, 181)
W2_GRID = np.linspace(-1.6, 1.6, 129)
W_MESH = np.stack(np.meshgrid(W1_GRID, W2_GRID), axis=-1)  # (129, 181, 2)
NLL_GRID = ((TARGETS - W_MESH @ FEATURES.T) ** 2).sum(axis=-1) / (2 * REG_NOISE_VAR)  # (129, 181)


def nll(w) -> float:
    """The data term of the negative log posterior at w (same units as NLL_GRID)."""
    r = TARGETS - FEATURES @ np.asarray(w)
    return float(r @ r / (2 * REG_NOISE_VAR))


NLL_MIN = nll(W_MLE)
NLL_LEVELS = NLL_MIN + np.array([0.5, 2, 4.5, 8, 12.5, 18])
RIDGE_TOUCH_LEVEL = nll(W_RIDGE)  # the contour the L2 ball touches
LASSO_TOUCH_LEVEL = nll(W_LASSO)  # the contour the L1 diamond touches

# --------------------------------------------------------------------------- 4. MLE by calculus
# (drawn after the three data sets above, so they stay what they were)
N_FLIPS = 20
FLIPS = (rng.random(N_FLIPS) < 0.3).astype(int)  # (20,) 1 = heads; the scene never reveals 0.3
K_HEADS = int(FLIPS.sum())
P_HAT = K_HEADS / N_FLIPS  # where the score vanishes: k / n
P_GRID = np.linspace(0.05, 0.85, 161)
BERN_LL = probability.log_likelihood_bernoulli(K_HEADS, N_FLIPS, P_GRID)  # (161,) the curve
BERN_LL_MAX = float(probability.log_likelihood_bernoulli(K_HEADS, N_FLIPS, P_HAT))
P_PATH = np.concatenate([np.linspace(0.12, 0.75, 70), np.linspace(0.75, P_HAT, 50)])  # (120,)
P_PATH_LL = probability.log_likelihood_bernoulli(K_HEADS, N_FLIPS, P_PATH)  # (120,)
P_PATH_SLOPE = probability.bernoulli_score(K_HEADS, N_FLIPS, P_PATH)  # (120,) d ell / d p
NORM_FIT = Bridge(
    formula=r"\hat\mu = \bar{x}, \quad \hat\sigma^2 = \tfrac1n \textstyle\sum_i (x_i - \bar{x})^2",
    setup=f"rng = np.random.default_rng({SEED})\nx = rng.normal(2.0, 1.2, size={N_DATA})",
    mathcore=Snippet("probability.gaussian_mle(x)"),
    library=Snippet("from scipy.stats import norm\n"
                    "loc, scale = norm.fit(x)\n"
                    "(loc, scale**2)", needs="scipy"),
    decimals=3,
)

# --------------------------------------------------------------------------- 5. cross-entropy
# A classifier's predicted probabilities for four examples (rows) over three classes, and
# the true labels: the inputs of the bridge, shown as bars.
CLASS_PROBS = np.array([[0.7, 0.2, 0.1],
                        [0.1, 0.6, 0.3],
                        [0.2, 0.2, 0.6],
                        [0.5, 0.3, 0.2]])  # (4, 3) each row sums to 1
LABELS = np.array([0, 1, 2, 1])  # (4,) the true class of each example
ONE_HOT = np.eye(3)[LABELS]  # (4, 3)
EXAMPLE_LOSS = information.cross_entropy(ONE_HOT, CLASS_PROBS)  # (4,) -log p_i[y_i]
MEAN_LOSS = float(EXAMPLE_LOSS.mean())  # the cross-entropy loss = the mean NLL
LIKELIHOOD_OF_LABELS = float(np.exp(-EXAMPLE_LOSS.sum()))  # prod_i p_i[y_i]
CROSS_ENTROPY = Bridge(
    formula=r"-\tfrac1n \textstyle\sum_i \log p_{i,\,y_i}",
    setup=("p = np.array([[0.7, 0.2, 0.1],\n"
           "              [0.1, 0.6, 0.3],\n"
           "              [0.2, 0.2, 0.6],\n"
           "              [0.5, 0.3, 0.2]])\n"
           "y = np.array([0, 1, 2, 1])"),
    mathcore=Snippet("onehot = np.eye(3)[y]\n"
                     "information.cross_entropy(onehot, p).mean()"),
    library=Snippet("-np.log(p[np.arange(4), y]).mean()"),
    decimals=3,
)

# --------------------------------------------------------------------------- formulas
TEX_MAP = {
    r"\hat\mu_{\text{MLE}}": LIKELIHOOD,
    r"\hat\sigma^2_{\text{MLE}}": LIKELIHOOD,
    r"\hat\mu_{\text{MAP}}": POSTERIOR,
    r"\hat{w}_{\text{MLE}}": LIKELIHOOD,
    r"\hat{w}_{\text{MAP}}": POSTERIOR,
    r"\mu_0": PRIOR,
    r"\tau^2": PRIOR,
    r"\ell": LIKELIHOOD,
    r"\bar{x}": LIKELIHOOD,
    r"\lambda": PRIOR,
    r"\|w\|_2^2": PRIOR,
    r"\|w\|_1": PRIOR,
}


def get_marker(axes: Axes, x: float, color, depth: float = 0.7) -> Triangle:
    """A small wedge under the x axis, pointing up at ``x``."""
    wedge = Triangle(color=color, fill_color=color, fill_opacity=1, stroke_width=0).scale(0.11)
    return wedge.move_to(axes.c2p(x, 0) + depth * DOWN)


# =========================================================================== scene 1

class LikelihoodSurfacePeak(NarratedScene):
    """The likelihood over (mean, variance); its peak is the maximum-likelihood estimate."""

    def construct(self):
        # Step 1: data on a line, and one candidate Gaussian over it.
        self.show_data_and_a_guess()
        # Step 2: the likelihood: the product of the curve's heights at the data.
        self.show_likelihood_formula()
        # Step 3: every (mean, variance) pair has a likelihood: the surface.
        self.show_surface()
        # Step 4: climb: first the mean, then the variance, to the peak.
        self.show_climb()
        # Step 5: the peak in closed form: sample mean and (1/n) sample variance.
        self.show_closed_form()

    # ------------------------------------------------------------------ builders
    def get_stems(self, t: float) -> VGroup:
        heights = lookup(PATH_STEMS, t)
        return VGroup(*(Line(self.data_axes.c2p(x, 0), self.data_axes.c2p(x, h), color=LIKELIHOOD,
                             stroke_width=3) for x, h in zip(DATA_X, heights)))

    def get_curve(self, t: float):
        return get_sampled_curve(self.data_axes, CURVE_X, lookup(PATH_CURVES, t), MEAN,
                                 stroke_width=4, fill_opacity=0.15)

    # ------------------------------------------------------------------ steps
    def show_data_and_a_guess(self):
        self.data_axes = Axes(
            x_range=(-1.5, 5.5, 1), y_range=(0, 0.45, 0.1), x_length=6.4, y_length=2.8,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
            x_axis_config={"numbers_to_include": list(range(-1, 6))},
        ).to_corner(UL, buff=EDGE_BUFF).shift(0.3 * DOWN)
        dots = VGroup(*(Dot(self.data_axes.c2p(x, 0), radius=0.07, color=DATA) for x in DATA_X))
        x_label = MathTex("x", font_size=LABEL_SIZE).next_to(self.data_axes.x_axis, RIGHT, buff=0.1)
        with self.beat(f"Here are {N_DATA} measurements. We believe they came from a Gaussian, "
                       "but we do not know its mean or its variance."):
            self.play(Create(self.data_axes), FadeIn(x_label))
            # the points drop onto the line one after another, as one cloud (faded in one by
            # one each joined the scene alone, and two measurements on one spot counted as a
            # ghost copy)
            self.play(FadeIn(dots, shift=0.2 * DOWN, lag_ratio=0.08))
        self.t = ValueTracker(0.0)
        curve = always_redraw(lambda: self.get_curve(self.t.get_value()))
        guess = get_colored_tex(rf"\mu = {format_number(START[0])}, \; \sigma^2 = "
                                rf"{format_number(START[1])}",
                                {r"\mu": MEAN, r"\sigma^2": SPREAD}, font_size=LABEL_SIZE)
        guess.next_to(self.data_axes, UP, buff=0.05).align_to(self.data_axes, RIGHT)
        with self.beat(f"Guess one: mean {format_number(START[0])}, variance "
                       f"{format_number(START[1])}. That is one yellow curve."):
            self.play(Create(curve), FadeIn(guess))
        self.dots, self.curve, self.guess = dots, curve, guess

    def show_likelihood_formula(self):
        stems = always_redraw(lambda: self.get_stems(self.t.get_value()))
        product = get_colored_tex(r"L(\mu, \sigma^2) = \prod_{i=1}^{n} \mathcal{N}(x_i \mid \mu, \sigma^2)",
                                  {"L": LIKELIHOOD, r"\mu": MEAN, r"\sigma^2": SPREAD},
                                  font_size=LABEL_SIZE + 2)
        log = get_colored_tex(r"\ell = \log L = -\frac{n}{2}\log(2\pi\sigma^2) - \sum_i "
                              r"\frac{(x_i-\mu)^2}{2\sigma^2}",
                              {r"\ell": LIKELIHOOD, r"\mu": MEAN, r"\sigma^2": SPREAD},
                              font_size=LABEL_SIZE)
        formulas = VGroup(product, log).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        formulas.next_to(self.data_axes, DOWN, buff=0.55).align_to(self.data_axes, LEFT)
        with self.beat("How well does it explain the data? Read off the curve's height above "
                       "every point. Multiplied together, those heights are the likelihood."):
            self.play(Create(stems), run_time=1.5)
            self.play(Write(product))
        with self.beat("Products of small numbers get tiny, so we take the log, and the product "
                       "becomes a sum."):
            self.play(Write(log))
        self.stems, self.formulas = stems, formulas

    def show_surface(self):
        self.surface_axes = Axes(
            x_range=(0, 3.6, 1), y_range=(0.3, 4.2, 1), x_length=5.2, y_length=4.6,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
            x_axis_config={"numbers_to_include": [1, 2, 3]},
            y_axis_config={"numbers_to_include": [1, 2, 3, 4]},
        ).to_corner(UR, buff=EDGE_BUFF).shift(0.2 * LEFT + 0.25 * DOWN)
        axes = self.surface_axes
        heat = get_heat_map(axes, SURFACE_MU, SURFACE_VAR, np.exp(SURFACE_LL - LL_MAX),
                            colors=(BACKGROUND, CONTOUR_LOW, LIKELIHOOD, TEXT), opacity=0.9)
        contours = get_contour_lines(axes, SURFACE_MU, SURFACE_VAR, SURFACE_LL, LL_LEVELS,
                                     colors=(CONTOUR_HIGH, CONTOUR_LOW), stroke_width=1.5)
        labels = VGroup(
            get_colored_tex(r"\mu", {r"\mu": MEAN},
                            font_size=LABEL_SIZE).next_to(axes.x_axis, DOWN, buff=0.35)
            .align_to(axes.x_axis, RIGHT),
            get_colored_tex(r"\sigma^2", {r"\sigma^2": SPREAD}, font_size=LABEL_SIZE)
            .next_to(axes.y_axis, UP, buff=0.1),
        )
        title = Tex("likelihood of every guess", font_size=LABEL_SIZE, color=MUTED)
        title.next_to(axes, DOWN, buff=0.5)
        self.surface_title = title
        with self.beat("Every pair of mean and variance gets such a number. Lay them all out on a "
                       "plane, mean across, variance up, and colour by likelihood."):
            self.play(Create(axes), FadeIn(labels))
            self.play(FadeIn(heat), run_time=1.5)
            self.play(Create(contours), FadeIn(title), run_time=1.5)
        self.marker = always_redraw(lambda: Dot(axes.c2p(*lookup(PATH, self.t.get_value())),
                                                radius=0.08, color=MEAN))
        ll_text = get_colored_tex(r"\ell =", TEX_MAP, font_size=LABEL_SIZE)
        ll_value = get_tracked_number(self.t, decimals=2, color=LIKELIHOOD, font_size=LABEL_SIZE,
                                      value=lambda t: float(lookup(PATH_LL, t)))
        readout = VGroup(ll_text, ll_value).arrange(RIGHT, buff=0.12)
        readout.next_to(self.surface_title, DOWN, buff=0.25)
        ll_value.add_updater(lambda m: m.next_to(ll_text, RIGHT, buff=0.12))
        with self.beat(f"Our guess is this yellow dot, down in the dark: log-likelihood "
                       f"{format_number(PATH_LL[0])}."):
            self.play(FadeIn(self.marker, scale=2), FadeIn(readout))
        self.readout = readout

    def show_climb(self):
        guess_value = always_redraw(lambda: get_colored_tex(
            rf"\mu = {format_number(lookup(PATH, self.t.get_value())[0])}, \; "
            rf"\sigma^2 = {format_number(lookup(PATH, self.t.get_value())[1])}",
            {r"\mu": MEAN, r"\sigma^2": SPREAD}, font_size=LABEL_SIZE,
        ).next_to(self.data_axes, UP, buff=0.05).align_to(self.data_axes, RIGHT))
        self.remove(self.guess)
        self.add(guess_value)
        with self.beat("Slide the mean first. The curve moves over the data, the heights grow, "
                       "and the dot climbs."):
            self.play(self.t.animate.set_value(PATH_STEPS - 1), run_time=4, rate_func=smooth)
        with self.beat("Now the variance. Too wide, and every height is low. Narrow it until "
                       "the curve hugs the data as tightly as it can."):
            self.play(self.t.animate.set_value(2 * PATH_STEPS - 1), run_time=4, rate_func=smooth)
        for m in (self.curve, self.stems, self.marker, guess_value, self.readout[1]):
            m.clear_updaters()
        self.guess = guess_value

    def show_closed_form(self):
        peak = Dot(self.surface_axes.c2p(MLE_MEAN, MLE_VAR), radius=0.1, color=LIKELIHOOD)
        mle = get_colored_tex(r"\hat\mu_{\text{MLE}} = \frac{1}{n}\sum_i x_i = "
                              rf"{format_number(MLE_MEAN)}", TEX_MAP,
                              font_size=LABEL_SIZE)
        var = get_colored_tex(r"\hat\sigma^2_{\text{MLE}} = \frac{1}{n}\sum_i (x_i - "
                              rf"\hat\mu)^2 = {format_number(MLE_VAR)}", TEX_MAP, font_size=LABEL_SIZE)
        block = VGroup(mle, var).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        block.move_to(self.formulas, aligned_edge=UP + LEFT)  # replaces the likelihood formulas
        flat = get_colored_tex(r"\frac{\partial \ell}{\partial \mu} = "
                               r"\frac{\partial \ell}{\partial \sigma^2} = 0",
                               {r"\ell": LIKELIHOOD, r"\mu": MEAN, r"\sigma^2": SPREAD},
                               font_size=LABEL_SIZE)
        flat.next_to(self.formulas, DOWN, buff=0.3).align_to(self.formulas, LEFT)
        with self.beat("This is the top of the hill: the maximum likelihood estimate. "
                       "Setting the slope of the log-likelihood to zero gives it in closed form."):
            self.play(FadeIn(peak, scale=2), Indicate(self.readout, color=LIKELIHOOD))
            # a colour pulse in place: grown by Indicate's 1.2 it ran off the left edge
            self.play(Indicate(self.formulas[1], color=LIKELIHOOD, scale_factor=1.0))
            self.play(Write(flat), run_time=1.5)
        self.formulas.add(flat)  # leaves with them, for the closed form
        with self.beat(f"The sample mean, {format_number(MLE_MEAN)}, and the average squared "
                       f"deviation, {format_number(MLE_VAR)}. Note the one over n: maximum likelihood "
                       "slightly underestimates the variance."):
            self.play(FadeOut(self.formulas, shift=0.2 * UP))
            self.play(Write(mle))
            self.play(Write(var))
            self.wait(1)


# =========================================================================== scene 2

class MleByCalculus(NarratedScene):
    """The MLE derived on screen: write the log-likelihood, differentiate, set to zero."""

    def construct(self):
        # Step 1: twenty coin flips, and the likelihood of a bias p.
        self.show_flips()
        # Step 2: the log-likelihood curve, with its tangent sliding to the flat top.
        self.show_slope()
        # Step 3: the derivation: differentiate, set to zero, solve: p-hat = k / n.
        self.show_derivation()
        # Step 4: the same recipe for the Gaussian gives the sample mean and variance.
        self.show_gaussian()
        # Step 5: formula -> mathcore -> scipy.stats.norm.fit.
        show_bridge(self, NORM_FIT, (
            "Here is that result three ways. The formula: the sample mean, and the average "
            "squared deviation, divided by n.",
            "The mathcore line computes both from the twelve measurements of the first "
            f"scene: {format_number(MLE_MEAN, 3)} and {format_number(MLE_VAR, 3)}.",
            "And the call a practitioner writes, SciPy's norm dot fit, which is maximum "
            "likelihood too. It returns the standard deviation, so we square it: the same "
            "two numbers."))

    # ------------------------------------------------------------------ builders
    def get_tangent(self, t: float) -> VGroup:
        """The tangent to the log-likelihood at the p of step ``t``, and its touching point."""
        axes = self.axes
        p, ll, slope = (float(lookup(table, t)) for table in (P_PATH, P_PATH_LL, P_PATH_SLOPE))
        point = np.array(axes.c2p(p, ll))
        direction = np.array(axes.c2p(p + 1.0, ll + slope)) - point
        direction /= np.linalg.norm(direction)
        line = Line(point - 1.1 * direction, point + 1.1 * direction, color=POSTERIOR,
                    stroke_width=4)
        return VGroup(line, Dot(point, radius=0.08, color=POSTERIOR))

    # ------------------------------------------------------------------ steps
    def show_flips(self):
        coins = VGroup(*(
            Circle(radius=0.14, color=LIKELIHOOD if f else MUTED, stroke_width=3)
            .set_fill(LIKELIHOOD, opacity=1.0 if f else 0.0) for f in FLIPS
        )).arrange(RIGHT, buff=0.12).to_corner(UL, buff=EDGE_BUFF).shift(0.1 * DOWN)
        count = get_colored_tex(rf"k = {K_HEADS} \text{{ heads in }} n = {N_FLIPS} \text{{ flips}}",
                                {"k": LIKELIHOOD}, font_size=LABEL_SIZE)
        count.next_to(coins, DOWN, buff=0.25).align_to(coins, LEFT)
        with self.beat("The last scene claimed that setting the slope of the log-likelihood to "
                       "zero gives the estimate in closed form. Let us actually do it, starting "
                       f"with the simplest model there is: a coin. We flip it {N_FLIPS} times "
                       f"and see {K_HEADS} heads."):
            self.play(LaggedStart(*(FadeIn(c, scale=1.6) for c in coins), lag_ratio=0.06),
                      run_time=2)
            self.play(Write(count))
        lines = VGroup(
            get_colored_tex(r"L(p) = p^{k}\,(1-p)^{n-k}", {"L": LIKELIHOOD, "p": MEAN},
                            font_size=LABEL_SIZE + 2),
            get_colored_tex(r"\ell(p) = k \log p + (n-k) \log(1-p)",
                            {r"\ell": LIKELIHOOD, "p": MEAN}, font_size=LABEL_SIZE + 2),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        lines.move_to(3.6 * RIGHT + 2.4 * UP)
        with self.beat("If the coin lands heads with probability p, each head contributes a "
                       "factor p, each tail a factor one minus p. The flips are independent, "
                       "so the likelihood is the product."):
            # a colour pulse in place: the row grown by Indicate's 1.2 ran off the left edge
            self.play(Indicate(coins, color=LIKELIHOOD, scale_factor=1.0))
            self.play(Write(lines[0]), run_time=1.5)
        with self.beat("Take the log: the product of powers becomes a weighted sum of two logs."):
            self.play(TransformFromCopy(lines[0], lines[1]), run_time=1.5)
        self.coins, self.count, self.lines = coins, count, lines

    def show_slope(self):
        self.axes = axes = Axes(
            x_range=(0, 0.9, 0.2), y_range=(-26, -8, 4), x_length=6.0, y_length=3.8,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
            x_axis_config={"numbers_to_include": [0.2, 0.4, 0.6, 0.8]},
            y_axis_config={"numbers_to_include": [-24, -20, -16, -12]},
        ).to_corner(DL, buff=EDGE_BUFF).shift(0.4 * RIGHT + 0.2 * UP)
        labels = VGroup(
            get_colored_tex("p", {"p": MEAN}, font_size=LABEL_SIZE)
            .next_to(axes.x_axis, RIGHT, buff=0.15),
            get_colored_tex(r"\ell(p)", {r"\ell": LIKELIHOOD, "p": MEAN}, font_size=LABEL_SIZE)
            .next_to(axes.y_axis, UP, buff=0.1),
        )
        curve = get_sampled_curve(axes, P_GRID, BERN_LL, LIKELIHOOD)
        t = ValueTracker(0.0)
        tangent = always_redraw(lambda: self.get_tangent(t.get_value()))
        slope_text = get_colored_tex(r"\frac{d\ell}{dp} =", {r"\ell": LIKELIHOOD, "p": MEAN},
                                     font_size=LABEL_SIZE)
        slope_value = get_tracked_number(t, decimals=1, color=POSTERIOR, font_size=LABEL_SIZE,
                                         value=lambda s: float(lookup(P_PATH_SLOPE, s)))
        readout = VGroup(slope_text, slope_value).arrange(RIGHT, buff=0.12)
        readout.next_to(labels[0], DOWN, buff=0.35).align_to(labels[0], LEFT)
        slope_value.add_updater(lambda m: m.next_to(slope_text, RIGHT, buff=0.12))
        with self.beat("Here is that log-likelihood for every p. It has one peak, and the peak "
                       "is where the curve is flat."):
            self.play(Create(axes), FadeIn(labels))
            self.play(Create(curve), run_time=1.5)
        with self.beat("Lay a tangent on it. Left of the peak the slope is positive, so raising "
                       "p helps. Past the peak it turns negative. Bring it back, and at the top "
                       "the slope is exactly zero."):
            self.play(FadeIn(tangent), FadeIn(readout))
            self.play(t.animate.set_value(69), run_time=3, rate_func=smooth)
            self.play(t.animate.set_value(len(P_PATH) - 1), run_time=2.5, rate_func=smooth)
        for m in (tangent, slope_value):
            m.clear_updaters()
        self.graph = VGroup(axes, labels, curve, tangent, readout)

    def show_derivation(self):
        colors = {r"\ell": LIKELIHOOD, "p": MEAN, r"\hat p": POSTERIOR}
        steps = VGroup(
            get_colored_tex(r"\frac{d\ell}{dp} = \frac{k}{p} - \frac{n-k}{1-p} = 0", colors,
                            font_size=LABEL_SIZE + 2),
            get_colored_tex(r"k\,(1-p) = (n-k)\,p \;\Rightarrow\; k = n\,p", colors,
                            font_size=LABEL_SIZE + 2),
            get_colored_tex(rf"\hat p = \frac{{k}}{{n}} = \frac{{{K_HEADS}}}{{{N_FLIPS}}} = "
                            rf"{format_number(P_HAT)}", colors, font_size=LABEL_SIZE + 2),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        steps.next_to(self.lines, DOWN, buff=0.45).align_to(self.lines, LEFT)
        with self.beat("Now by calculus. Differentiate: the derivative of log p is one over p, "
                       "and of log one minus p it is minus one over one minus p. Set the sum "
                       "to zero."):
            self.play(Write(steps[0]), run_time=2)
        with self.beat("Multiply out the denominators. The terms with k times p cancel, "
                       "leaving k equals n times p."):
            self.play(TransformFromCopy(steps[0], steps[1]), run_time=1.5)
        with self.beat(f"So the maximum likelihood estimate is the fraction of heads: {K_HEADS} "
                       f"over {N_FLIPS}, {format_number(P_HAT)}. Exactly where the tangent "
                       "went flat. The obvious answer, now with a reason."):
            # the slope readout (now 0) sits where the result is written: it gives way
            self.play(Write(steps[2]), FadeOut(self.graph[4]))
            self.graph.remove(self.graph[4])  # gone, so the later fade-out leaves it gone
            self.play(Circumscribe(steps[2], color=POSTERIOR),
                      Indicate(self.graph[3], color=POSTERIOR))
        self.steps = steps

    def show_gaussian(self):
        self.play(FadeOut(VGroup(self.coins, self.count, self.graph, self.lines, self.steps)))
        colors = {r"\ell": LIKELIHOOD, r"\mu": MEAN, r"\sigma^2": SPREAD, r"\sigma^4": SPREAD,
                  r"\hat\mu": MEAN, r"\hat\sigma^2": SPREAD}
        lines = VGroup(
            get_colored_tex(r"\ell(\mu, \sigma^2) = -\frac{n}{2}\log(2\pi\sigma^2) - \sum_i "
                            r"\frac{(x_i-\mu)^2}{2\sigma^2}", colors, font_size=BODY_SIZE),
            get_colored_tex(r"\frac{\partial \ell}{\partial \mu} = \sum_i \frac{x_i - \mu}"
                            r"{\sigma^2} = 0 \;\Rightarrow\; \hat\mu = \frac1n \sum_i x_i = \bar{x}",
                            colors, font_size=BODY_SIZE),
            get_colored_tex(r"\frac{\partial \ell}{\partial \sigma^2} = -\frac{n}{2\sigma^2} + "
                            r"\sum_i \frac{(x_i-\mu)^2}{2\sigma^4} = 0 \;\Rightarrow\; "
                            r"\hat\sigma^2 = \frac1n \sum_i (x_i - \bar{x})^2", colors,
                            font_size=BODY_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.5).move_to(ORIGIN)
        with self.beat("The same three moves work for the Gaussian of the first scene. Write "
                       "its log-likelihood."):
            self.play(Write(lines[0]), run_time=2)
        with self.beat("Differentiate in the mean: the sum of the deviations must be zero, so "
                       "the mean is the sample average."):
            self.play(Write(lines[1]), run_time=2)
        with self.beat("Differentiate in the variance and solve: the average squared deviation, "
                       "divided by n, not n minus one. Maximum likelihood gives the biased "
                       "estimate."):
            self.play(Write(lines[2]), run_time=2)
            self.play(Circumscribe(lines[2], color=SPREAD))
        self.play(FadeOut(lines))


# =========================================================================== scene 3

BAR_SCALE = 1.8  # screen height of a bar of probability 1


class CrossEntropyIsNll(NarratedScene):
    """Bernoulli and categorical MLE: the negative log-likelihood of labels is the cross-entropy loss."""

    def construct(self):
        # Step 1: a binary classifier is a coin per example: its NLL is binary cross-entropy.
        self.show_binary()
        # Step 2: three classes, four examples: the likelihood is the product of the true bars.
        self.show_bars()
        # Step 3: the average -log is the cross-entropy against one-hot labels.
        self.show_cross_entropy()
        # Step 4: formula -> mathcore -> NumPy.
        show_bridge(self, CROSS_ENTROPY, (
            "In code. The formula: minus the mean log probability of the true labels.",
            "mathcore writes it as the cross-entropy between one-hot labels and the "
            f"predictions: {CROSS_ENTROPY.shown()}.",
            "And the NumPy line you would write: pick each row's probability of its true "
            "label, take logs, average, negate. The same number, which is also what PyTorch's "
            "cross entropy loss computes, from logits."))
        # Step 5: why MLE is not the end: with few data it is overconfident.
        self.show_overconfidence()

    # ------------------------------------------------------------------ builders
    def get_example(self, probs, label: int, loss: float) -> VGroup:
        """One example's three predicted probabilities as bars, the true class lit."""
        bars = VGroup(*(
            Rectangle(width=0.42, height=max(BAR_SCALE * q, 0.02), stroke_width=0,
                      fill_color=LIKELIHOOD if c == label else FAINT, fill_opacity=1)
            for c, q in enumerate(probs)
        )).arrange(RIGHT, buff=0.1, aligned_edge=DOWN)
        classes = VGroup(*(MathTex(str(c), font_size=SMALL_SIZE, color=MUTED).next_to(b, DOWN, buff=0.1)
                           for c, b in enumerate(bars)))
        value = MathTex(format_number(probs[label], 1), font_size=SMALL_SIZE, color=LIKELIHOOD)
        value.next_to(bars[label], UP, buff=0.08)
        nll = get_colored_tex(rf"-\log = {format_number(loss)}", {}, font_size=SMALL_SIZE)
        nll.next_to(classes, DOWN, buff=0.2)
        return VGroup(bars, classes, value, nll)

    # ------------------------------------------------------------------ steps
    def show_binary(self):
        colors = {"y": DATA, "p": MEAN}
        lines = VGroup(
            get_colored_tex(r"P(y \mid p) = p^{y}\,(1-p)^{1-y}, \quad y \in \{0, 1\}", colors,
                            font_size=LABEL_SIZE + 2),
            get_colored_tex(r"-\log P(y \mid p) = -\big[\,y \log p + (1-y)\log(1-p)\,\big]",
                            colors, font_size=LABEL_SIZE + 2),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35).to_corner(UL, buff=EDGE_BUFF)
        name = Tex("binary cross-entropy", font_size=LABEL_SIZE, color=POSTERIOR)
        name.next_to(lines[1], RIGHT, buff=0.4)
        with self.beat("Why does this matter to a programmer? Because a classifier is a coin "
                       "with a different bias for every input. A binary classifier predicts p, "
                       "the probability that the label y is one, and the label is one flip."):
            self.play(Write(lines[0]), run_time=2)
            self.play(Circumscribe(lines[0], color=DATA))  # one flip, one label
        with self.beat("Its negative log-likelihood is minus y log p, minus one minus y, times "
                       "log of one minus p. That is the binary cross-entropy loss, "
                       "letter for letter."):
            self.play(TransformFromCopy(lines[0], lines[1]), run_time=1.5)
            self.play(FadeIn(name, shift=0.2 * LEFT))
        self.binary = VGroup(lines, name)

    def show_bars(self):
        examples = VGroup(*(self.get_example(probs, label, loss) for probs, label, loss
                            in zip(CLASS_PROBS, LABELS, EXAMPLE_LOSS)))
        examples.arrange(RIGHT, buff=0.7, aligned_edge=DOWN)
        examples.to_corner(DL, buff=EDGE_BUFF).shift(0.3 * RIGHT)
        top = examples[0][0].get_bottom()[1] + BAR_SCALE * CLASS_PROBS.max() + 0.45  # over the tallest bar
        titles = VGroup(*(Tex(f"example {i + 1}, $y = {y}$", font_size=SMALL_SIZE, color=TEXT)
                          .move_to([ex[0].get_center()[0], top, 0])
                          for i, (ex, y) in enumerate(zip(examples, LABELS))))
        with self.beat("With more classes, the coin becomes a die. Here a model predicts "
                       "probabilities over three classes for four examples. The blue bar is the "
                       "probability it gave to the true label."):
            self.play(LaggedStart(*(FadeIn(VGroup(ex[0], ex[1], t), shift=0.2 * UP)
                                    for ex, t in zip(examples, titles)), lag_ratio=0.2),
                      run_time=2)
            self.play(LaggedStart(*(FadeIn(ex[2]) for ex in examples), lag_ratio=0.2))
        product = get_colored_tex(
            r"L = \prod_i p_{i,\,y_i} = 0.7 \cdot 0.6 \cdot 0.6 \cdot 0.3 = "
            rf"{format_number(LIKELIHOOD_OF_LABELS, 3)}", {"L": LIKELIHOOD},
            font_size=LABEL_SIZE + 2)
        product.next_to(self.binary, DOWN, buff=0.4).align_to(self.binary, LEFT)
        with self.beat("The examples are independent, so the likelihood of all four labels is "
                       "the product of the blue bars. Maximum likelihood training makes that "
                       "product as large as it can."):
            self.play(LaggedStart(*(Indicate(ex[0], color=LIKELIHOOD) for ex in examples),
                                  lag_ratio=0.2))
            self.play(Write(product), run_time=1.5)
        self.examples, self.titles, self.product = examples, titles, product

    def show_cross_entropy(self):
        colors = {"H": POSTERIOR, r"\mathbf{1}": DATA}
        lines = VGroup(
            get_colored_tex(r"-\tfrac{1}{n}\log L = -\tfrac{1}{n}\sum_i \log p_{i,\,y_i} = "
                            rf"{format_number(MEAN_LOSS, 3)}", colors, font_size=LABEL_SIZE + 2),
            get_colored_tex(r"-\log p_{i,\,y_i} = -\sum_c \mathbf{1}[y_i = c]\,\log p_{i,c} = "
                            r"H(\mathbf{1}_{y_i},\, p_i)", colors, font_size=LABEL_SIZE + 2),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        lines.next_to(self.product, DOWN, buff=0.35).align_to(self.product, LEFT)
        with self.beat("Take minus the log and divide by n: the product becomes an average of "
                       "minus log probabilities, one per example. The confident right answer "
                       f"costs {format_number(EXAMPLE_LOSS[0])}, the hesitant one "
                       f"{format_number(EXAMPLE_LOSS[3])}. Their mean is "
                       f"{format_number(MEAN_LOSS, 3)}."):
            self.play(LaggedStart(*(FadeIn(ex[3], shift=0.1 * DOWN) for ex in self.examples),
                                  lag_ratio=0.2))
            self.play(Write(lines[0]), run_time=1.5)
        with self.beat("Write the label as a one-hot vector, and each term is the cross-entropy "
                       "between the label and the prediction. So the negative log-likelihood "
                       "of the labels is the cross-entropy loss: minimising one is maximising "
                       "the other."):
            self.play(Write(lines[1]), run_time=2)
            self.play(Circumscribe(lines[1], color=POSTERIOR))
        self.play(FadeOut(VGroup(self.binary, self.examples, self.titles, self.product, lines)))

    def show_overconfidence(self):
        colors = {"p": MEAN, r"\hat p": POSTERIOR}
        coins = VGroup(*(Circle(radius=0.22, color=MUTED, stroke_width=4) for _ in range(3)))
        coins.arrange(RIGHT, buff=0.25).move_to(1.6 * UP)
        lines = VGroup(
            get_colored_tex(r"\hat p = \frac{0}{3} = 0", colors, font_size=BODY_SIZE),
            get_colored_tex(r"\text{next flip heads:}\quad -\log \hat p = -\log 0 = \infty",
                            colors, font_size=BODY_SIZE),
        ).arrange(DOWN, buff=0.4).next_to(coins, DOWN, buff=0.6)
        with self.beat("One warning before we go on. Flip a new coin three times and see three "
                       "tails. Maximum likelihood says the chance of heads is zero."):
            self.play(LaggedStart(*(FadeIn(c, scale=1.6) for c in coins), lag_ratio=0.3))
            self.play(Write(lines[0]))
        with self.beat("If the next flip is heads, its loss is minus log zero: infinite. With "
                       "few data, the MLE trusts them completely. To temper it we need a belief "
                       "held before the data arrive: a prior. That is MAP estimation."):
            self.play(Write(lines[1]), run_time=1.5)
            self.play(Indicate(lines[1], color=POSTERIOR))
        self.play(FadeOut(VGroup(coins, lines)))


# =========================================================================== scene 4

class MapBetweenPriorAndMle(NarratedScene):
    """With a prior on the mean, the MAP estimate slides from the prior mean toward the MLE."""

    def construct(self):
        # Step 1: a prior belief about the mean.
        self.show_prior()
        # Step 2: the first observations: likelihood and posterior, MLE and MAP.
        self.show_first_points()
        # Step 3: the formula: a weighted average, the prior worth sigma^2 / tau^2 observations.
        self.show_formula()
        # Step 4: more data: the MAP estimate slides to the MLE; the posterior narrows.
        self.show_more_data()

    # ------------------------------------------------------------------ builders
    def get_curve(self, curves, color, fill=0.15):
        return always_redraw(lambda: get_sampled_curve(
            self.axes, MU_X, lookup(curves, self.n.get_value()), color, stroke_width=4,
            fill_opacity=fill))

    def get_tracked_marker(self, values, color):
        return always_redraw(lambda: get_marker(self.axes, float(lookup(values, self.n.get_value())),
                                                color))

    # ------------------------------------------------------------------ steps
    def show_prior(self):
        self.axes = Axes(
            x_range=(-1.5, 5.0, 0.5), y_range=(0, 2.2, 0.5), x_length=7.6, y_length=3.7,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
            x_axis_config={"numbers_to_include": [-1, 0, 1, 2, 3, 4, 5]},
            y_axis_config={"numbers_to_include": [0.5, 1, 1.5, 2]},
        ).to_corner(UL, buff=EDGE_BUFF).shift(0.6 * DOWN)
        mu_label = get_colored_tex(r"\mu", {r"\mu": MEAN}, font_size=LABEL_SIZE)
        mu_label.next_to(self.axes.x_axis, RIGHT, buff=0.15)
        self.n = ValueTracker(0.0)
        prior = get_sampled_curve(self.axes, MU_X, PRIOR_CURVE, PRIOR, fill_opacity=0.15)
        prior_marker = get_marker(self.axes, PRIOR_MEAN, PRIOR)
        prior_text = get_colored_tex(r"\text{prior}: \; \mu \sim \mathcal{N}(\mu_0 = "
                                     rf"{format_number(PRIOR_MEAN)},\ \tau^2 = "
                                     rf"{format_number(PRIOR_VAR)})",
                                     {**TEX_MAP, r"\text{prior}": PRIOR}, font_size=LABEL_SIZE)
        prior_text.to_corner(UR, buff=EDGE_BUFF)
        # the measurement model, where the readout of the estimates comes later
        self.noise_model = get_colored_tex(
            rf"x_i \sim \mathcal{{N}}(\mu,\ \sigma^2 = {format_number(NOISE_VAR)})",
            {r"\mu": MEAN, r"\sigma^2": DATA}, font_size=LABEL_SIZE)
        self.noise_model.next_to(self.axes.c2p(0, 0)[1] * UP, DOWN, buff=1.9)
        self.noise_model.align_to(self.axes, LEFT)
        with self.beat("Estimate an unknown mean mu again, from measurements with noise variance "
                       "one. But this time we start with a belief."):
            self.play(Create(self.axes), FadeIn(mu_label))
            self.play(Write(self.noise_model), run_time=1.5)
            self.play(Indicate(mu_label, color=MEAN),
                      Indicate(self.noise_model.get_part_by_tex(r"\mu"), color=MEAN))
        with self.beat(f"The prior says: mu is probably near {format_number(PRIOR_MEAN)}, give or take "
                       f"{format_number(np.sqrt(PRIOR_VAR))}. That is the green curve."):
            self.play(Create(prior), FadeIn(prior_marker), Write(prior_text), run_time=2)
        self.prior, self.prior_text = prior, prior_text

    def show_first_points(self):
        strip_y = self.axes.c2p(0, 0)[1] - 1.2
        self.data_dots = VGroup(*(Dot([self.axes.c2p(x, 0)[0], strip_y, 0], radius=0.06, color=DATA)
                                  for x in STREAM))
        strip_label = Tex("data", font_size=SMALL_SIZE, color=DATA)
        strip_label.next_to(self.data_dots, LEFT, buff=0.3).set_y(strip_y)
        strip_label.set_x(self.axes.c2p(-1.5, 0)[0] - 0.05)
        likelihood = self.get_curve(LIK_CURVES, LIKELIHOOD, fill=0.0)
        posterior = self.get_curve(POST_CURVES, POSTERIOR, fill=0.2)
        mle_marker = self.get_tracked_marker(np.concatenate([[STREAM_MLE[0]], STREAM_MLE]), LIKELIHOOD)
        map_marker = self.get_tracked_marker(MAP_MEANS, POSTERIOR)
        legend = VGroup(
            get_colored_tex(r"\text{likelihood}, \text{ peak } \hat\mu_{\text{MLE}} = \bar{x}",
                            {**TEX_MAP, r"\text{likelihood}": LIKELIHOOD}, font_size=LABEL_SIZE),
            get_colored_tex(r"\text{posterior}, \text{ peak } \hat\mu_{\text{MAP}}",
                            {**TEX_MAP, r"\text{posterior}": POSTERIOR}, font_size=LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        legend.next_to(self.prior_text, DOWN, buff=0.35).align_to(self.prior_text, LEFT)
        self.add(likelihood)
        with self.beat(f"The first measurement arrives: {format_number(STREAM[0])}. On its own, it "
                       "says the mean is right there: the blue likelihood, peaked at the MLE."):
            self.play(FadeIn(self.data_dots[0], scale=2), FadeIn(strip_label))
            self.play(self.n.animate.set_value(1), FadeIn(mle_marker), FadeIn(legend[0]), run_time=1.5)
        with self.beat("Multiply prior by likelihood and renormalise: the orange posterior. "
                       f"Its peak, the MAP estimate, is a compromise: {format_number(MAP_MEANS[1])}."):
            self.play(FadeIn(posterior), FadeIn(map_marker), FadeIn(legend[1]), run_time=1.5)
            self.play(Indicate(legend[1], color=POSTERIOR))
        with self.beat("A second and a third point. The likelihood narrows; the posterior follows."):
            for n in (2, 3):
                self.play(FadeIn(self.data_dots[n - 1], scale=2),
                          self.n.animate.set_value(n), run_time=1.2)
        self.likelihood, self.posterior, self.legend = likelihood, posterior, legend
        self.markers = VGroup(mle_marker, map_marker)

    def show_formula(self):
        formula = get_colored_tex(r"\hat\mu_{\text{MAP}} = \frac{\frac{\mu_0}{\tau^2} + "
                                  r"\frac{n\,\bar{x}}{\sigma^2}}{\frac{1}{\tau^2} + "
                                  r"\frac{n}{\sigma^2}}", TEX_MAP, font_size=BODY_SIZE)
        note = get_colored_tex(rf"\sigma^2 / \tau^2 = {format_number(PSEUDO_COUNT)} \text{{ "
                               r"observations at } \mu_0", TEX_MAP,
                               font_size=LABEL_SIZE)
        block = VGroup(formula, note).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        block.next_to(self.legend, DOWN, buff=0.45).align_to(self.legend, LEFT)
        with self.beat("In symbols: the MAP estimate is a weighted average of the prior mean and "
                       "the sample mean, each weighted by how certain it is."):
            self.play(Write(formula), run_time=2)
        with self.beat(f"This prior weighs as much as {format_number(PSEUDO_COUNT)} extra "
                       "observations, all sitting at zero."):
            self.play(FadeIn(note, shift=0.1 * UP))
            self.wait(0.5)
        self.block = block

    def show_more_data(self):
        readout = VGroup(
            VGroup(get_colored_tex(r"n =", TEX_MAP, font_size=LABEL_SIZE),
                   get_tracked_number(self.n, decimals=0, font_size=LABEL_SIZE,
                                      value=lambda t: round(t))),
            VGroup(get_colored_tex(r"\hat\mu_{\text{MLE}} =", TEX_MAP, font_size=LABEL_SIZE),
                   get_tracked_number(self.n, decimals=2, color=LIKELIHOOD, font_size=LABEL_SIZE,
                                      value=lambda t: STREAM_MLE[max(round(t), 1) - 1])),
            VGroup(get_colored_tex(r"\hat\mu_{\text{MAP}} =", TEX_MAP, font_size=LABEL_SIZE),
                   get_tracked_number(self.n, decimals=2, color=POSTERIOR, font_size=LABEL_SIZE,
                                      value=lambda t: MAP_MEANS[round(t)])),
        )
        for pair in readout:
            pair.arrange(RIGHT, buff=0.12)
            pair[1].add_updater(lambda m, p=pair: m.next_to(p[0], RIGHT, buff=0.12))
        readout.arrange(RIGHT, buff=0.7).next_to(self.data_dots, DOWN, buff=0.7)
        readout.align_to(self.axes, LEFT)
        with self.beat("Now let the data pour in."):
            self.play(FadeOut(self.noise_model), FadeIn(readout))
        with self.beat(f"With every point the data outweigh the prior a little more. After {N_STREAM} "
                       f"points the MAP estimate, {format_number(MAP_MEANS[-1])}, has slid most of the "
                       f"way to the MLE, {format_number(STREAM_MLE[-1])}."):
            self.play(LaggedStart(*(FadeIn(d, scale=2) for d in self.data_dots[3:]), lag_ratio=0.3),
                      self.n.animate.set_value(N_STREAM), run_time=6, rate_func=linear)
        with self.beat("Few data: trust the prior. Many data: trust the data. The posterior also "
                       "narrows: we grow more certain."):
            # (the curves and markers redraw themselves every frame: outline, not rescale)
            # a colour pulse in place: grown by Indicate's 1.2 it ran off the right edge
            self.play(Indicate(self.prior_text, color=PRIOR, scale_factor=1.0))
            self.play(Indicate(self.data_dots, color=DATA))
            self.play(Circumscribe(self.posterior, color=POSTERIOR))
        for m in (self.likelihood, self.posterior, *self.markers, *(p[1] for p in readout)):
            m.clear_updaters()


# =========================================================================== scene 5

class RegularizationIsAPrior(NarratedScene):
    """MAP weights: a Gaussian prior is L2 regularisation (ridge), a Laplace prior is L1 (lasso)."""

    def construct(self):
        # Step 1: the loss contours over two weights; the MLE at their centre.
        self.show_loss()
        # Step 2: the log posterior = log likelihood + log prior; a Gaussian prior gives ridge.
        self.show_map_objective()
        # Step 3: the L2 ball touches a contour at the MAP estimate; stronger priors shrink it.
        self.show_ridge()
        # Step 4: a Laplace prior: the L1 diamond, and its corners give exact zeros.
        self.show_lasso()

    # ------------------------------------------------------------------ builders
    def get_ball(self, w, kind: str):
        """The L2 circle or L1 diamond through the estimate w."""
        plane = self.plane
        if kind == "l2":
            r = float(np.linalg.norm(w))
            ball = Circle(radius=max(r * plane.get_x_unit_size(), 1e-3), color=PRIOR, stroke_width=4)
            ball.set_fill(PRIOR, opacity=0.12).move_to(plane.c2p(0, 0))
            return ball
        r = max(float(np.abs(w).sum()), 1e-3)
        return Polygon(plane.c2p(r, 0), plane.c2p(0, r), plane.c2p(-r, 0), plane.c2p(0, -r),
                       color=PRIOR, stroke_width=4, fill_color=PRIOR, fill_opacity=0.12)

    def get_estimate(self, path, t):
        return Dot(self.plane.c2p(*lookup(path, t)), radius=0.09, color=POSTERIOR)

    def get_sliding_estimate(self, path, start, kind: str):
        """A tracker along ``path`` and the ball and estimate that follow it (``kind`` as
        in :meth:`get_ball`); call ``clear_updaters`` on both once the slide is over."""
        t = ValueTracker(start)
        ball = always_redraw(lambda: self.get_ball(lookup(path, t.get_value()), kind))
        dot = always_redraw(lambda: self.get_estimate(path, t.get_value()))
        return t, ball, dot

    def get_touching_contour(self, level):
        """The loss contour at ``level``, the one that just touches the prior's ball."""
        return get_contour_lines(self.plane, W1_GRID, W2_GRID, NLL_GRID, [level],
                                 colors=(POSTERIOR, POSTERIOR), stroke_width=3)

    def get_map_value(self, w1: float, w2: float):
        return get_colored_tex(rf"\hat{{w}}_{{\text{{MAP}}}} = ({format_number(w1)},\ "
                               rf"{format_number(w2)})", TEX_MAP, font_size=LABEL_SIZE)

    # ------------------------------------------------------------------ steps
    def show_loss(self):
        self.plane = get_plane(x_range=(-1.6, 2.9, 1), y_range=(-1.6, 1.6, 1), unit=1.45,
                               center=(-4.3, -0.7, 0))
        self.plane.set_stroke(opacity=0.35)
        contours = get_contour_lines(self.plane, W1_GRID, W2_GRID, NLL_GRID, NLL_LEVELS,
                                     colors=(CONTOUR_HIGH, CONTOUR_LOW))
        labels = VGroup(
            MathTex("w_1", font_size=LABEL_SIZE).next_to(self.plane.c2p(2.9, 0), DOWN, buff=0.1)
            .shift(0.25 * LEFT),
            MathTex("w_2", font_size=LABEL_SIZE).next_to(self.plane.c2p(0, 1.6), RIGHT, buff=0.12)
            .shift(0.25 * DOWN),
        )
        mle = Dot(self.plane.c2p(*W_MLE), radius=0.09, color=LIKELIHOOD)
        mle_label = get_panel(get_colored_tex(r"\hat{w}_{\text{MLE}}", TEX_MAP, font_size=LABEL_SIZE),
                              buff=0.05, opacity=0.8)
        mle_label.next_to(mle, UP, buff=0.12)
        with self.beat("In a model, the prior sits on the weights, and there it becomes a tool "
                       "every programmer has used. "
                       f"Linear regression with two weights, fitted to {N_REG} noisy points. "
                       "These are the contours of the negative log-likelihood: the squared error."):
            self.play(FadeIn(self.plane), FadeIn(labels))
            self.play(Create(contours), run_time=2)
        with self.beat("Its bottom is least squares, the maximum likelihood estimate under "
                       "Gaussian noise."):
            self.play(FadeIn(mle, scale=2), FadeIn(mle_label))
        self.contours, self.mle, self.mle_label = contours, mle, mle_label

    def show_map_objective(self):
        lines = VGroup(
            get_colored_tex(r"-\log p(w \mid \mathcal{D}) = \frac{\|y - Xw\|^2}{2\sigma^2} - "
                            r"\log p(w) + c", {r"\log p(w)": PRIOR, r"\|y - Xw\|^2": LIKELIHOOD},
                            font_size=LABEL_SIZE),
            get_colored_tex(r"w \sim \mathcal{N}(0, \tau^2 I): \quad -\log p(w) = "
                            r"\frac{\|w\|_2^2}{2\tau^2} + c", TEX_MAP,
                            font_size=LABEL_SIZE),
            get_colored_tex(r"\Rightarrow\ \text{ridge}: \; \|y - Xw\|^2 + \lambda \|w\|_2^2, \quad "
                            r"\lambda = \frac{\sigma^2}{\tau^2} = "
                            rf"{format_number(RIDGE_LAMBDA)}",
                            {**TEX_MAP, r"\|y - Xw\|^2": LIKELIHOOD}, font_size=LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        lines.to_corner(UR, buff=EDGE_BUFF)
        with self.beat("MAP adds the prior. Minus the log posterior is the squared error, plus "
                       "minus the log prior."):
            self.play(Write(lines[0]), run_time=2)
        with self.beat("With a Gaussian prior centred on zero, minus its log is the squared "
                       "length of w. That is exactly ridge regression's L2 penalty, with lambda "
                       "equal to the noise variance over the prior variance."):
            self.play(Write(lines[1]), run_time=1.5)
            self.play(Write(lines[2]), run_time=1.5)
        self.ridge_lines = lines

    def show_ridge(self):
        t, ball, dot = self.get_sliding_estimate(RIDGE_PATH, RIDGE_START, "l2")
        level_sets = VGroup(*(Circle(radius=r * self.plane.get_x_unit_size(), color=PRIOR,
                                     stroke_width=2).move_to(self.plane.c2p(0, 0))
                              for r in BALL_LIMIT * np.array([0.25, 0.5, 0.75, 1.0])))
        with self.beat("Geometrically, the prior's level sets are circles. Start with a weak "
                       "prior: the MAP estimate sits almost on the MLE."):
            self.play(LaggedStart(*(Create(c) for c in level_sets), lag_ratio=0.3),
                      run_time=1.5)
            self.play(FadeOut(level_sets), FadeIn(ball), FadeIn(dot))
            self.play(Circumscribe(VGroup(self.mle, self.mle_label), color=POSTERIOR))
        with self.beat("Strengthen the prior. The estimate is pulled toward zero, along a curve, "
                       "to where a loss contour just touches a circle."):
            self.play(t.animate.set_value(RIDGE_INDEX), run_time=4, rate_func=smooth)
        touch = self.get_touching_contour(RIDGE_TOUCH_LEVEL)
        value = self.get_map_value(W_RIDGE[0], W_RIDGE[1])
        value.next_to(self.ridge_lines, DOWN, buff=0.35).align_to(self.ridge_lines, LEFT)
        with self.beat(f"At lambda {format_number(RIDGE_LAMBDA)} the ridge estimate is "
                       f"{format_number(W_RIDGE[0])}, {format_number(W_RIDGE[1])}. Both weights "
                       "shrink, but neither reaches zero: a circle has no corners."):
            self.play(Create(touch), Write(value))
            self.wait(1)
        for m in (ball, dot):
            m.clear_updaters()
        self.ridge = VGroup(ball, dot, touch, value)

    def show_lasso(self):
        lines = VGroup(
            get_colored_tex(r"w_j \sim \text{Laplace}(0, b): \quad -\log p(w) = \frac{\|w\|_1}{b} + c",
                            TEX_MAP,
                            font_size=LABEL_SIZE),
            get_colored_tex(r"\Rightarrow\ \text{lasso}: \; \tfrac12\|y - Xw\|^2 + \lambda \|w\|_1, "
                            r"\quad \lambda = \frac{\sigma^2}{b} = "
                            rf"{format_number(LASSO_LAMBDA)}",
                            {**TEX_MAP, r"\|y - Xw\|^2": LIKELIHOOD}, font_size=LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        lines.next_to(self.ridge_lines[0], DOWN, buff=0.3).align_to(self.ridge_lines, LEFT)
        with self.beat("To get weights that are exactly zero, swap the prior for a Laplace "
                       "distribution, sharply peaked at zero. "
                       "Minus its log is the sum of absolute values: the L1 penalty of the lasso."):
            self.play(FadeOut(self.ridge), FadeOut(self.ridge_lines[1:]))
            self.play(Write(lines[0]), run_time=1.5)
            self.play(Write(lines[1]), run_time=1.5)
        t, ball, dot = self.get_sliding_estimate(LASSO_PATH, LASSO_START, "l1")
        with self.beat("Its level sets are diamonds. Strengthen the prior again and watch the "
                       "estimate slide."):
            self.play(FadeIn(ball), FadeIn(dot))
            self.play(t.animate.set_value(LASSO_INDEX), run_time=4, rate_func=smooth)
        touch = self.get_touching_contour(LASSO_TOUCH_LEVEL)
        value = self.get_map_value(W_LASSO[0], abs(W_LASSO[1]))  # abs: never "-0"
        value.next_to(lines, DOWN, buff=0.35).align_to(lines, LEFT)
        with self.beat("The contour meets the diamond at a corner, on the axis. The second weight is "
                       f"exactly zero, and the first is {format_number(W_LASSO[0])}. A Laplace prior "
                       "picks features: that is why the lasso gives sparse models."):
            # the corner, the zero weight, then the penalty that made it
            self.play(Create(touch))
            self.play(Flash(self.plane.c2p(*W_LASSO), color=POSTERIOR, flash_radius=0.45))
            self.play(Write(value))
            self.play(Indicate(value, color=POSTERIOR))
            # a colour pulse in place: grown by Indicate's 1.2 it ran off the right edge
            self.play(Indicate(lines[1], color=PRIOR, scale_factor=1.0))
        for m in (ball, dot):
            m.clear_updaters()


# =========================================================================== scene 6

class Lesson09TryIt(TryItScene):
    lesson = 9
