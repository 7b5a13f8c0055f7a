"""Lesson 18: the mathematics of generative models.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed below, once, by ``mathcore.generative``
(and ``mathcore.information``) with fixed inputs and a fixed seed.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, UR, Axes, Circle, Circumscribe, Create, CurvedArrow, DashedLine, DashedVMobject,
    DecimalNumber, Dot, FadeIn, FadeOut, Indicate, Line, MathTex, Rectangle, ShowPassingFlash,
    SurroundingRectangle, Tex, ValueTracker, VGroup, Write, always_redraw, linear,
    Arrow, Cross, GrowArrow, GrowFromEdge, Group, Transform, ReplacementTransform, RoundedRectangle, TransformMatchingTex, there_and_back,
)

from mathcore.autodiff import Value
from mathcore.generative import (
    cosine_schedule, ddpm_reverse_step, ddpm_schedule, elbo_terms, epsilon_loss, forward_process,
    gan_value, gaussian_kl, generator_loss, ideal_epsilon, optimal_discriminator, q_sample,
    reparameterize,
)
from mathcore.information import js_divergence
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_view import get_bridge
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, ACCENT_3, BODY_SIZE, DATA, DATA_DIM, DIST_P, DIST_Q, EDGE_BUFF, FAINT, LABEL_SIZE, MUTED, NOISE,
    SMALL_SIZE, TEXT, VALUE,
)
from scenekit.widgets import format_number, get_sampled_curve, lookup, lookup_rows

SEED = 18
rng = np.random.default_rng(SEED)

# --------------------------------------------------------------------------- numbers

# Scene 1: a one-dimensional VAE. Prior p(z) = N(0, 1); decoder p(x | z) = N(z, 0.25);
# encoder q(z | x) = N(mu, sigma^2) for the data point x = 1.5.
X_DATA = 1.5
DECODER_VAR = 0.25
# The encoder walks from the prior, through the true posterior, to over-confidence.
POSTERIOR_MU = X_DATA / (1 + DECODER_VAR)  # the exact posterior of this linear-Gaussian model
POSTERIOR_SIGMA = np.sqrt(DECODER_VAR / (1 + DECODER_VAR))
ENCODER_WAYPOINTS = np.array([[0.0, 1.0], [POSTERIOR_MU, POSTERIOR_SIGMA], [X_DATA, 0.2]])
ENCODER_S = np.linspace(0.0, 2.0, 201)  # path parameter: 0 prior, 1 posterior, 2 over-confident
ENCODER_MU = np.interp(ENCODER_S, [0, 1, 2], ENCODER_WAYPOINTS[:, 0])
ENCODER_SIGMA = np.exp(np.interp(ENCODER_S, [0, 1, 2], np.log(ENCODER_WAYPOINTS[:, 1])))
ENCODER_LOGVAR = 2 * np.log(ENCODER_SIGMA)
# E_q[log p(x | z)] by Gauss-Hermite quadrature: z at mu + sigma * node, one ELBO term per node.
GH_NODES, GH_WEIGHTS = np.polynomial.hermite_e.hermegauss(20)
GH_WEIGHTS = GH_WEIGHTS / GH_WEIGHTS.sum()


def _elbo_along_path():
    recon, kl = [], []
    for mu, logvar, sigma in zip(ENCODER_MU, ENCODER_LOGVAR, ENCODER_SIGMA):
        z = mu + sigma * GH_NODES  # (n_nodes,) decoder means x_hat(z) = z
        terms = elbo_terms(np.full((len(z), 1), X_DATA), z[:, None], np.full((len(z), 1), mu),
                           np.full((len(z), 1), logvar), decoder_var=DECODER_VAR)
        recon.append(float(GH_WEIGHTS @ terms.reconstruction))
        kl.append(float(terms.kl[0]))
    recon, kl = np.array(recon), np.array(kl)
    return recon, kl, recon - kl


RECONSTRUCTION, KL_TERM, ELBO = _elbo_along_path()  # (n_s,) each
LOG_EVIDENCE = ELBO[np.argmin(np.abs(ENCODER_S - 1.0))]  # ELBO at the true posterior = log p(x)
PRIOR_KL = gaussian_kl([0.0], [0.0])  # 0: the encoder that ignores x

# Scene 2: GAN on a 1-D grid. Data N(2, 1); the generator's mean walks from -2 to 2.
GAN_X = np.linspace(-5.0, 6.0, 221)  # (n,)
GAN_SIGMA = 1.0


def _discretised_normal(mean):
    w = np.exp(-0.5 * ((GAN_X - mean) / GAN_SIGMA) ** 2)
    return w / w.sum()


P_DATA = _discretised_normal(2.0)  # (n,)
GEN_MEANS = np.linspace(-2.0, 2.0, 81)  # (n_steps,)
P_GEN = np.stack([_discretised_normal(m) for m in GEN_MEANS])  # (n_steps, n)
D_STAR = np.stack([optimal_discriminator(P_DATA, pg) for pg in P_GEN])  # (n_steps, n)
GAN_VALUES = np.array([gan_value(d, d, p_real=P_DATA, p_fake=pg)
                       for d, pg in zip(D_STAR, P_GEN)])  # (n_steps,)
GAN_JSD = np.array([js_divergence(P_DATA, pg) for pg in P_GEN])  # (n_steps,)
MINUS_LOG_4 = gan_value([0.5], [0.5])  # the value at equilibrium

# Scene 3: the DDPM schedule.
T_STEPS = 1000
BETAS, ALPHAS, ALPHA_BARS = ddpm_schedule(T_STEPS)  # (T,) each
COSINE_ALPHA_BARS = cosine_schedule(T_STEPS).alpha_bars  # (T,)
SIGNAL = np.sqrt(ALPHA_BARS)  # (T,) how much of x0 survives
NOISE_SCALE = np.sqrt(1.0 - ALPHA_BARS)  # (T,)
HALF_STEP = int(np.argmin(np.abs(ALPHA_BARS - 0.5)))  # where signal and noise variances cross
SIGNAL_LABEL_STEP = 420  # where the sqrt(alpha-bar) label touches down (layout only)
COSINE_LABEL_STEP = 650  # where the cosine schedule's label touches down (layout only)
CURVE_LABEL_BUFF = 0.12
HOP_STEPS = np.arange(0, 301, 60)  # steps one by one, drawn as hops along the curve (layout only)
JUMP_STEP = 600  # "any step": where the direct jump lands (layout only)

# Scene 4: a two-armed spiral of points noised by q_sample.
N_POINTS = 240
_angle = np.sqrt(rng.uniform(0.05, 1.0, N_POINTS)) * 3.2 * np.pi  # (n,)
_arm = rng.integers(0, 2, N_POINTS) * np.pi  # (n,)
X0 = 0.55 * np.stack([_angle * np.cos(_angle + _arm), _angle * np.sin(_angle + _arm)], axis=1) / 3
X0 = X0 + 0.03 * rng.standard_normal(X0.shape)  # (n, 2)
EPSILON = rng.standard_normal(X0.shape)  # (n, 2) one fixed noise draw
NORMAL_LABEL_ANGLE = np.pi / 3  # where the final cloud leaves room for its label (layout only)
STOP_STEPS = (49, 249, 499, T_STEPS - 1)  # 0-based indices of the steps t = 50, 250, 500, 1000
SHOWN_STEPS = np.unique(np.concatenate([np.arange(0, 300, 5), np.arange(300, T_STEPS, 20),
                                        STOP_STEPS]))  # (n_frames,)
CLOUD = np.stack([q_sample(X0, int(t), EPSILON, ALPHA_BARS) for t in SHOWN_STEPS])  # (n_f, n, 2)

# Openings: what each scene's first beats show while their words set the scene.
# The integrand of p(x) = integral of p(x | z) p(z) dz, for the VAE's opening sweep.
INTEGRAND = (normal_pdf := lambda m, sd, zs: np.exp(-0.5 * ((zs - m) / sd) ** 2)
             / (sd * np.sqrt(2 * np.pi)))(0.0, 1.0, np.linspace(-3.5, 3.5, 281)) * normal_pdf(
    X_DATA, np.sqrt(DECODER_VAR), np.linspace(-3.5, 3.5, 281))  # (n_z,)
EVIDENCE = float(np.exp(LOG_EVIDENCE))  # p(x): the integral, known in closed form here
# A few real and fake points, scored by the first generator's optimal discriminator.
REAL_POINTS = np.array([1.1, 1.7, 2.2, 2.6, 3.1])
FAKE_POINTS = np.array([-2.9, -2.3, -1.8, -1.2, -0.7])
REAL_SCORES = np.interp(REAL_POINTS, GAN_X, D_STAR[0])  # (5,) near 1
FAKE_SCORES = np.interp(FAKE_POINTS, GAN_X, D_STAR[0])  # (5,) near 0
# A few spiral points noised step by step with big steps (beta = 0.08), so each step shows.
OPENING_POINTS = 60
OPENING_STEPS = forward_process(X0[:OPENING_POINTS], np.full(12, 0.08), rng=SEED).xs  # (13, n, 2)

# Scene: the reparameterisation trick. Encoder q = N(1.2, 0.45^2) for x = 1.5; loss
# -log p(x | z) = (x - z)^2 / (2 * 0.25) + const, the decoder of the ELBO scene.
REPARAM_MU, REPARAM_SIGMA = 1.2, 0.45
EPS_DRAWS = np.round(rng.standard_normal(12), 2)  # (12,) draws of epsilon, as shown
EPS_ONE = float(EPS_DRAWS[0])  # the draw backpropagated by hand
Z_DRAWS = reparameterize(REPARAM_MU, REPARAM_SIGMA, EPS_DRAWS)  # (12,)


def _one_draw_gradients(eps: float) -> tuple[float, float]:
    mu, sigma = Value(REPARAM_MU), Value(REPARAM_SIGMA)
    loss = (X_DATA - (mu + sigma * eps)) ** 2 / (2 * DECODER_VAR)
    loss.backward()
    return mu.grad, sigma.grad


GRAD_MU_ONE, GRAD_SIGMA_ONE = _one_draw_gradients(EPS_ONE)
MANY_EPS = rng.standard_normal(20_000)  # (n,) for the Monte Carlo average
_many_z = reparameterize(REPARAM_MU, REPARAM_SIGMA, MANY_EPS)  # (n,)
GRAD_MU_MC = float(np.mean((_many_z - X_DATA) / DECODER_VAR))  # d/dmu of (x - z)^2 / 2v
GRAD_SIGMA_MC = float(np.mean((_many_z - X_DATA) / DECODER_VAR * MANY_EPS))  # chain rule: * eps
# E[(x - z)^2] / 2v = ((x - mu)^2 + sigma^2) / 2v: its exact gradients
GRAD_MU_EXACT = (REPARAM_MU - X_DATA) / DECODER_VAR
GRAD_SIGMA_EXACT = REPARAM_SIGMA / DECODER_VAR
REPARAM_SETUP = f"mu, sigma, eps = {REPARAM_MU}, {REPARAM_SIGMA}, {EPS_ONE}"
REPARAM = Bridge(
    formula=r"z = \mu + \sigma\,\varepsilon",
    setup=REPARAM_SETUP,
    mathcore=Snippet("generative.reparameterize(mu, sigma, eps)"),
    library=Snippet("mu + sigma * eps"),
    decimals=3,
)
RSAMPLE = Bridge(
    formula=r"\partial z / \partial \mu = 1",
    setup=REPARAM_SETUP,
    mathcore=Snippet("m = autodiff.Value(mu)\n"
                     "z = m + sigma * eps\n"
                     "z.backward()\n"
                     "m.grad"),
    library=Snippet("import torch\n"
                    "from torch.distributions import Normal\n"
                    "m = torch.tensor(mu, requires_grad=True)\n"
                    "Normal(m, sigma).rsample().backward()\n"
                    "m.grad", needs="torch"),
    decimals=3,
)

# Scene: the generator's two losses against D(G(z)).
D_GRID = np.linspace(0.01, 0.99, 197)  # (n,)
SATURATING = generator_loss(D_GRID, non_saturating=False)  # log(1 - D), slope -D
NON_SATURATING = generator_loss(D_GRID)  # -log D, slope -(1 - D)
D_CAUGHT = 0.02  # fakes the discriminator catches: early training
CAUGHT_SAT = float(generator_loss([D_CAUGHT], non_saturating=False).logit_gradients[0])
CAUGHT_NS = float(generator_loss([D_CAUGHT]).logit_gradients[0])
D_FAKES = [0.02, 0.1, 0.3]
GAN_LOSS = Bridge(
    formula=r"-\tfrac1n \sum_i \log D\big(G(z_i)\big)",
    setup=f"d = np.array({D_FAKES})",
    mathcore=Snippet("generative.generator_loss(d).losses.mean()"),
    library=Snippet("import torch\n"
                    "import torch.nn.functional as F\n"
                    "p = torch.tensor(d)\n"
                    "loss = F.binary_cross_entropy(\n"
                    "    p, torch.ones_like(p))\n"
                    "loss", needs="torch"),
    decimals=3,
)
GAN_LOSS_NUMPY = Bridge(
    formula=GAN_LOSS.formula,
    setup=GAN_LOSS.setup,
    mathcore=GAN_LOSS.mathcore,
    library=Snippet("-np.log(d).mean()"),
    decimals=3,
)

# Scene: the schedule in code.
ALPHA_BAR = Bridge(
    formula=r"\bar\alpha_t = \prod_{s \le t} (1 - \beta_s)",
    setup="",
    mathcore=Snippet("s = generative.ddpm_schedule(1000)\n"
                     "s.alpha_bars[499]"),
    library=Snippet("betas = np.linspace(1e-4, 0.02, 1000)\n"
                    "np.cumprod(1 - betas)[499]"),
    decimals=4,
)

# Scene: the reverse process. One point at step 500, then the whole cloud from noise.
EX_INDEX = 7  # the spiral point followed (layout only)
EX_STEP = 499  # 0-based: the paper's t = 500
EX_X0 = X0[EX_INDEX]  # (2,)
EX_EPS = np.round(EPSILON[EX_INDEX], 2)  # (2,) the noise drawn, as shown
EX_XT = np.round(q_sample(EX_X0, EX_STEP, EX_EPS, ALPHA_BARS), 2)  # (2,)
EX_PRED = np.round(ideal_epsilon(EX_XT[None], EX_STEP, X0, ALPHA_BARS)[0], 2)  # (2,)
EX_LOSS = epsilon_loss(EX_EPS, EX_PRED)
EX_Z = np.round(rng.standard_normal(2), 2)  # (2,) the fresh noise of the reverse step
EX_STEP_OUT = ddpm_reverse_step(EX_XT, EX_STEP, EX_PRED, EX_Z, BETAS)


def _vector(v) -> str:
    return "np.array([" + ", ".join(f"{x:.2f}" for x in v) + "])"


REVERSE_STEP = Bridge(
    formula=(r"\tfrac{1}{\sqrt{\alpha_t}}\big(x_t - \tfrac{\beta_t}{\sqrt{1-\bar\alpha_t}}"
             r"\,\varepsilon_\theta\big) + \sigma_t z"),
    setup=(f"betas = generative.ddpm_schedule({T_STEPS}).betas\n"
           f"xt, e, z = {_vector(EX_XT)}, {_vector(EX_PRED)}, {_vector(EX_Z)}"),
    mathcore=Snippet("step = generative.ddpm_reverse_step(\n"
                     f"    xt, {EX_STEP}, e, z, betas)\n"
                     "step.sample"),
    library=Snippet(f"b = betas[{EX_STEP}]\n"
                    f"ab = np.cumprod(1 - betas)[{EX_STEP}]\n"
                    "m = xt - b / np.sqrt(1 - ab) * e\n"
                    "m / np.sqrt(1 - b) + np.sqrt(b) * z"),
    decimals=2,
)


def _reverse_film() -> np.ndarray:
    """Run all T reverse steps from pure noise with the ideal noise prediction."""
    x = rng.standard_normal(X0.shape)  # (n, 2) x_T
    noises = rng.standard_normal((T_STEPS,) + X0.shape)  # (T, n, 2)
    frames = {T_STEPS: x}
    for t in range(T_STEPS - 1, -1, -1):
        x = ddpm_reverse_step(x, t, ideal_epsilon(x, t, X0, ALPHA_BARS), noises[t], BETAS).sample
        frames[t] = x
    # frames[t] is x_t (x_0 the output); shown from noise to data
    return np.stack([frames[t] for t in REVERSE_SHOWN])


REVERSE_SHOWN = np.concatenate([np.arange(T_STEPS, 300, -20), np.arange(300, -1, -5)])  # (n_f,)
REVERSE_CLOUD = _reverse_film()  # (n_f, n, 2)
REVERSE_NEAREST = float(np.median(np.min(np.linalg.norm(
    REVERSE_CLOUD[-1][:, None] - X0[None], axis=-1), axis=1)))  # how close outputs land to data

# --------------------------------------------------------------------------- builders


def get_axes(x_range, y_range, x_length, y_length, **kwargs) -> Axes:
    return Axes(x_range=x_range, y_range=y_range, x_length=x_length, y_length=y_length,
                tips=False, axis_config={"stroke_color": MUTED, "stroke_width": 2,
                                         "font_size": SMALL_SIZE}, **kwargs)


def get_axes_with_left_y_axis(x_range, y_range, x_length, y_length, y_numbers) -> Axes:
    """Axes whose y-axis (and its numbers) stands at the left end of the x-range, clear of
    every curve and level line, although 0 lies inside the x-range.

    Manim draws the y-axis at x = 0 and measures ``c2p`` from it, so that axis stays in the
    group, invisible, and a copy moved to the left end is the one drawn.
    """
    axes = get_axes(x_range, y_range, x_length, y_length)
    left_axis = axes.y_axis.copy().shift(axes.c2p(x_range[0], 0) - axes.c2p(0, 0))
    left_axis.add_numbers(y_numbers)
    axes.y_axis.set_opacity(0)
    axes.add(left_axis)
    return axes


def normal_pdf_samples(mu: float, sigma: float, zs: np.ndarray) -> np.ndarray:
    """The Gaussian density at ``zs`` (to draw q(z | x); the numbers shown come from mathcore)."""
    return np.exp(-0.5 * ((zs - mu) / sigma) ** 2) / (sigma * np.sqrt(2 * np.pi))


Z_GRID = np.linspace(-3.5, 3.5, 281)
PRIOR_PDF = normal_pdf_samples(0.0, 1.0, Z_GRID)
ENCODER_PDFS = np.stack([normal_pdf_samples(m, s, Z_GRID)
                         for m, s in zip(ENCODER_MU, ENCODER_SIGMA)])  # (n_s, n_z)

# --------------------------------------------------------------------------- scenes


class VAEEvidenceLowerBound(NarratedScene):
    """ELBO = E_q[log p(x|z)] - KL(q(z|x) || p(z)), and it never exceeds log p(x)."""

    def construct(self):
        # Step 1: the bound.
        formula = self.get_formula().to_edge(UP, buff=EDGE_BUFF)
        self.show_formula(formula)
        # Step 2: the latent line: prior, data point, encoder.
        s = ValueTracker(0.0)
        latent = self.get_latent(s)
        self.show_latent(latent)
        # Step 3: the two terms as bars, tracking the encoder.
        chart = self.get_chart(s)
        self.show_chart(chart)
        # Step 4: move the encoder: reconstruction against KL.
        self.show_tradeoff(s, chart)

    def get_formula(self) -> MathTex:
        formula = MathTex(r"\log p(x)", r"\ \ge\ ", r"\mathbb{E}_{q(z|x)}\big[\log p(x|z)\big]",
                          "-", r"D_{KL}\big(q(z|x)\,\|\,p(z)\big)", font_size=BODY_SIZE)
        formula[0].set_color(ACCENT)
        formula[2].set_color(DATA)
        formula[4].set_color(VALUE)
        return formula

    def show_formula(self, formula):
        self.formula = formula
        integral = MathTex(r"p(x) = \int p(x|z)\,p(z)\,dz", font_size=BODY_SIZE, color=ACCENT)
        integral.move_to([0, 2.2, 0])
        axes = get_axes((-3.5, 3.5, 1), (0, 0.2, 0.1), 7.0, 2.6).move_to([0, -0.6, 0])
        axes.y_axis.set_opacity(0)
        z_name = MathTex("z", font_size=LABEL_SIZE, color=MUTED).next_to(axes.x_axis, RIGHT, 0.1)
        curve = get_sampled_curve(axes, Z_GRID, INTEGRAND, ACCENT, stroke_width=4)
        sweep = ValueTracker(Z_GRID[0])
        area = always_redraw(lambda: get_sampled_curve(
            axes, Z_GRID[Z_GRID <= sweep.get_value()] if sweep.get_value() > Z_GRID[1]
            else Z_GRID[:2], INTEGRAND[Z_GRID <= sweep.get_value()] if sweep.get_value()
            > Z_GRID[1] else INTEGRAND[:2], ACCENT, stroke_width=0, fill_opacity=0.45))
        cursor = always_redraw(lambda: DashedLine(axes.c2p(sweep.get_value(), 0),
                                                  axes.c2p(sweep.get_value(), 0.2), color=FAINT))
        total = Tex(rf"here $p(x) = {format_number(EVIDENCE, 3)}$; for a real decoder, "
                    r"no closed form", font_size=LABEL_SIZE, color=MUTED)
        total.next_to(axes, DOWN, buff=0.35)
        with self.beat("A variational autoencoder wants the probability of its data, p of x. "
                       "That means adding up, over every latent code z, how likely the code "
                       "is and how well it explains x."):
            self.play(Write(integral), Create(axes), FadeIn(z_name), run_time=1.5)
            self.play(Create(curve), run_time=1.5)
            self.add(area, cursor)
            self.play(sweep.animate.set_value(Z_GRID[-1]), run_time=4, rate_func=linear)
        with self.beat("For our toy model the sum has a closed form. For a neural network "
                       "decoder and a thousand latent dimensions, it has none."):
            self.play(FadeIn(total, shift=0.2 * UP))
            self.play(FadeOut(cursor), Indicate(integral, color=ACCENT))
        with self.beat("Instead it maximises a lower bound, the ELBO: the expected "
                       "reconstruction log likelihood, minus the KL divergence of the encoder "
                       "from the prior."):
            self.play(FadeOut(VGroup(axes, z_name, curve, area, total)), run_time=0.8)
            self.play(ReplacementTransform(integral, formula[0]), run_time=1.2)
            self.play(Write(formula[1:3]), run_time=1.5)
            self.play(Write(formula[3:]), run_time=1.5)

    def get_latent(self, s: ValueTracker) -> VGroup:
        axes = get_axes((-3.5, 3.5, 1), (0, 2.1, 1), 6.2, 3.6).move_to([-3.6, -0.9, 0])
        axes.y_axis.set_opacity(0)
        prior = get_sampled_curve(axes, Z_GRID, PRIOR_PDF, FAINT, stroke_width=4)
        prior_label = MathTex(r"p(z) = \mathcal{N}(0, 1)", font_size=LABEL_SIZE, color=MUTED)
        prior_label.next_to(axes.c2p(-1.9, 0.45), UP, buff=0.1)
        encoder = always_redraw(lambda: get_sampled_curve(
            axes, Z_GRID, lookup_rows(ENCODER_PDFS, ENCODER_S, s.get_value()), VALUE,
            stroke_width=4))
        encoder_label = MathTex(r"q(z|x)", font_size=LABEL_SIZE, color=VALUE)
        encoder_label.add_updater(lambda m: m.next_to(
            axes.c2p(float(np.interp(s.get_value(), ENCODER_S, ENCODER_MU)), 0)
            + UP * axes.y_axis.unit_size
            * float(lookup_rows(ENCODER_PDFS, ENCODER_S, s.get_value()).max()), UP, buff=0.1))
        x_dot = Dot(axes.c2p(X_DATA, 0), color=DATA, radius=0.09)
        x_label = MathTex("x = " + format_number(X_DATA, 1), font_size=LABEL_SIZE, color=DATA)
        x_label.next_to(x_dot, DOWN, buff=0.45)
        z_label = MathTex("z", font_size=LABEL_SIZE, color=MUTED).next_to(axes.x_axis, RIGHT, 0.1)
        return VGroup(axes, prior, prior_label, encoder, encoder_label, x_dot, x_label, z_label)

    def show_latent(self, latent):
        axes, prior, prior_label, encoder, encoder_label, x_dot, x_label, z_label = latent
        with self.beat("A toy model with one latent number. The prior on z is a standard "
                       "normal, and the decoder says x is z plus a little noise."):
            self.play(Create(axes), FadeIn(z_label))
            self.play(Create(prior), FadeIn(prior_label))
        with self.beat("We observed x equal to one and a half. The encoder answers with a "
                       "Gaussian q of z given x. Right now it simply copies the prior."):
            self.play(FadeIn(x_dot, scale=2), FadeIn(x_label))
            self.play(Create(encoder), FadeIn(encoder_label))

    def get_chart(self, s: ValueTracker) -> VGroup:
        unit = 0.42  # frame units per nat
        base = np.array([0.9, 0.9, 0])
        width, gap = 0.8, 0.55
        zero = Line(base + LEFT * 0.4, base + RIGHT * (3 * width + 2 * gap + 0.4), color=MUTED)
        zero_label = MathTex("0", font_size=SMALL_SIZE, color=MUTED).next_to(zero, LEFT, 0.1)
        colors = (DATA, VALUE, ACCENT_3)
        values = lambda: (np.interp(s.get_value(), ENCODER_S, RECONSTRUCTION),
                          -np.interp(s.get_value(), ENCODER_S, KL_TERM),
                          np.interp(s.get_value(), ENCODER_S, ELBO))

        def bars():
            group = VGroup()
            for k, v in enumerate(values()):
                bar = Rectangle(width=width, height=max(abs(v) * unit, 1e-3), stroke_width=0,
                                fill_color=colors[k], fill_opacity=0.85)
                bar.move_to(base + RIGHT * (k * (width + gap) + width / 2),
                            DOWN if v >= 0 else UP)
                group.add(bar)
            return group

        bar_group = always_redraw(bars)
        names = VGroup(
            Tex("reconstruction", font_size=SMALL_SIZE + 2, color=DATA),
            MathTex(r"-\,\mathrm{KL}", font_size=SMALL_SIZE + 4, color=VALUE),
            Tex("ELBO", font_size=SMALL_SIZE + 2, color=ACCENT_3))
        for k, name in enumerate(names):
            name.move_to(base + RIGHT * (k * (width + gap) + width / 2) + UP * 0.35)
        numbers = VGroup()
        for k in range(3):
            number = DecimalNumber(values()[k], num_decimal_places=2, font_size=SMALL_SIZE + 4,
                                   color=colors[k])
            number.move_to(base + RIGHT * (k * (width + gap) + width / 2) + UP * 0.8)
            number.add_updater(lambda m, k=k: m.set_value(values()[k]))
            numbers.add(number)
        evidence_y = base[1] + LOG_EVIDENCE * unit
        evidence = DashedLine([base[0] - 0.4, evidence_y, 0],
                              [base[0] + 3 * width + 2 * gap + 0.4, evidence_y, 0], color=ACCENT)
        evidence_label = MathTex(r"\log p(x) = " + format_number(LOG_EVIDENCE, 2),
                                 font_size=SMALL_SIZE + 2, color=ACCENT)
        evidence_label.next_to(evidence, RIGHT, buff=0.15)
        return VGroup(zero, zero_label, bar_group, names, numbers, VGroup(evidence, evidence_label))

    def show_chart(self, chart):
        zero, zero_label, bars, names, numbers, evidence = chart
        with self.beat("Score it. Reconstruction is poor, because z drawn from the prior is "
                       "rarely near one and a half. The KL is exactly zero, since q is the "
                       "prior."):
            self.play(Create(zero), FadeIn(zero_label), FadeIn(names))
            self.play(FadeIn(bars), FadeIn(numbers), run_time=1.5)
            self.wait(1)
        # reconstruction minus a KL of zero: the reconstruction bar itself becomes the ELBO bar
        difference = bars[0].copy()
        with self.beat("The ELBO is their difference. The dashed line is the true log "
                       "evidence, which this simple model lets us compute exactly."):
            self.play(Indicate(names[0], color=DATA), Indicate(names[1], color=VALUE))
            self.play(difference.animate.move_to(bars[2]).set_fill(ACCENT_3), run_time=1.2)
            self.play(FadeOut(difference), Create(evidence[0]), FadeIn(evidence[1]))
            self.play(Indicate(self.formula[0], color=ACCENT), Indicate(evidence[1], color=ACCENT))

    def show_tradeoff(self, s, chart):
        with self.beat("Now let the encoder move towards x and sharpen. Reconstruction climbs, "
                       "the KL penalty grows, and the ELBO rises until it touches log p of x."):
            self.play(s.animate.set_value(1.0), run_time=5, rate_func=linear)
            self.wait(1)
        with self.beat("Here q is the true posterior, and the bound is tight: the gap between "
                       "the ELBO and log p of x is exactly the KL from q to the posterior."):
            self.play(chart[5].animate.set_stroke(width=6), rate_func=lambda t: 1 - abs(2 * t - 1),
                      run_time=1.5)
            self.wait(1.5)
        with self.beat("Push further, to a needle at x. Reconstruction barely improves, but the "
                       "KL keeps growing, so the ELBO falls again. The KL term is what keeps "
                       "the codes close to the prior."):
            self.play(s.animate.set_value(2.0), run_time=4, rate_func=linear)
            self.wait(1.5)


class GANValueAndDiscriminator(NarratedScene):
    """For a fixed generator the best discriminator is p_data / (p_data + p_g)."""

    def construct(self):
        # Step 1: the minimax objective.
        formula = self.get_formula().to_edge(UP, buff=EDGE_BUFF)
        self.show_formula(formula)
        # Step 2: data and generator densities on one axis.
        step = ValueTracker(0.0)
        plot = self.get_plot(step)
        self.show_densities(plot)
        # Step 3: the optimal discriminator between them.
        d_star_formula = self.get_d_star_formula(formula)
        self.show_discriminator(plot, d_star_formula)
        # Step 4: the generator moves in; D* flattens to 1/2, V falls to -log 4.
        meter = self.get_meter(step, d_star_formula)
        self.show_training(step, meter, plot)

    def get_formula(self) -> MathTex:
        formula = MathTex(r"\min_G \max_D\ V(D, G) = ",
                          r"\mathbb{E}_{x \sim p_{\mathrm{data}}}\!\left[\log D(x)\right]", "+",
                          r"\mathbb{E}_{x \sim p_g}\!\left[\log\big(1 - D(x)\big)\right]",
                          font_size=BODY_SIZE)
        formula[1].set_color(DIST_P)
        formula[3].set_color(DIST_Q)
        return formula

    def show_formula(self, formula):
        line = get_axes((-3.5, 3.5, 1), (0, 1, 1), 9.0, 2.4).move_to([0, -0.2, 0])
        line.y_axis.set_opacity(0)
        real = VGroup(*(Dot(line.c2p(x, 0), radius=0.1, color=DIST_P) for x in REAL_POINTS))
        fake = VGroup(*(Dot(line.c2p(x, 0), radius=0.1, color=DIST_Q) for x in FAKE_POINTS))
        bars = VGroup(*(Rectangle(width=0.22, height=max(score, 0.01) * line.y_axis.unit_size,
                                  stroke_width=0, fill_color=TEXT, fill_opacity=0.7)
                        .move_to(dot.get_center() + 0.12 * UP, DOWN)
                        for dot, score in zip([*real, *fake], [*REAL_SCORES, *FAKE_SCORES])))
        names = VGroup(Tex("real data", font_size=LABEL_SIZE, color=DIST_P),
                       Tex("generator's fakes", font_size=LABEL_SIZE, color=DIST_Q))
        names[0].next_to(real, DOWN, buff=0.35)
        names[1].next_to(fake, DOWN, buff=0.35)
        d_name = Tex(r"$D(x)$, the discriminator's score", font_size=LABEL_SIZE, color=TEXT)
        d_name.next_to(bars[:5], UP, buff=0.2)
        with self.beat("A GAN is a game. The discriminator D scores points: near one for real "
                       "data, near zero for fakes. The generator G tries to fool it."):
            self.play(FadeIn(real, lag_ratio=0.2), FadeIn(fake, lag_ratio=0.2), FadeIn(names))
            self.play(*(GrowFromEdge(bar, DOWN) for bar in bars), FadeIn(d_name), run_time=1.5)
            self.play(fake.animate.shift(RIGHT * 1.2), bars[5:].animate.shift(RIGHT * 1.2),
                      names[1].animate.shift(RIGHT * 1.2), rate_func=there_and_back, run_time=2)
        with self.beat("D maximises the expected log of D on real data plus the expected log of "
                       "one minus D on generated data. G minimises the same value."):
            self.play(FadeOut(VGroup(line, real, fake, bars, names, d_name)), Write(formula[0]),
                      run_time=1.5)
            self.play(Write(formula[1]), Indicate(formula[1], color=DIST_P), run_time=1.5)
            self.play(Write(formula[2:]), run_time=1.5)

    def get_plot(self, step: ValueTracker) -> VGroup:
        axes = get_axes_with_left_y_axis((GAN_X[0], GAN_X[-1], 1), (0, 1.05, 0.5), 7.8, 4.2,
                                         y_numbers=[0.5, 1.0]).move_to([-2.2, -1.2, 0])
        d_at_right_end = lambda: float(lookup_rows(D_STAR, GEN_MEANS, -2.0 + step.get_value())[-1])
        scale = 1.0 / (2.8 * P_DATA.max())  # densities drawn at a common scale
        data = get_sampled_curve(axes, GAN_X, scale * P_DATA, DIST_P, stroke_width=4)
        gen = always_redraw(lambda: get_sampled_curve(
            axes, GAN_X, scale * lookup_rows(P_GEN, GEN_MEANS, -2.0 + step.get_value()), DIST_Q,
            stroke_width=4))
        d_curve = always_redraw(lambda: get_sampled_curve(
            axes, GAN_X, lookup_rows(D_STAR, GEN_MEANS, -2.0 + step.get_value()), TEXT,
            stroke_width=4))
        data_label = MathTex(r"p_{\mathrm{data}}", font_size=LABEL_SIZE, color=DIST_P)
        data_label.next_to(axes.c2p(2.0, scale * P_DATA.max()), UP, buff=0.1).shift(RIGHT * 0.7)
        gen_label = MathTex(r"p_g", font_size=LABEL_SIZE, color=DIST_Q)
        gen_label.add_updater(lambda m: m.next_to(
            axes.c2p(-2.0 + step.get_value(), scale * P_DATA.max()), UP, buff=0.1)
            .shift(LEFT * 0.5))
        d_label = MathTex(r"D^*(x)", font_size=LABEL_SIZE, color=TEXT)
        # Above the curve's right end, where D* is largest: it rides down to 1/2 with the curve.
        d_label.add_updater(lambda m: m.next_to(axes.c2p(GAN_X[-1], d_at_right_end()), UP,
                                                buff=0.15, aligned_edge=RIGHT))
        half = DashedLine(axes.c2p(GAN_X[0], 0.5), axes.c2p(GAN_X[-1], 0.5), color=FAINT)
        return VGroup(axes, data, data_label, gen, gen_label, d_curve, d_label, half)

    def show_densities(self, plot):
        axes, data, data_label, gen, gen_label, *_ = plot
        with self.beat("Picture both distributions on one line: real data in blue, and the "
                       "generator's current samples in orange, still far off."):
            self.play(Create(axes))
            self.play(Create(data), FadeIn(data_label))
            self.play(Create(gen), FadeIn(gen_label))

    def get_d_star_formula(self, formula) -> MathTex:
        d_star = MathTex(r"D^*(x) = ", r"{p_{\mathrm{data}}(x)", r"\over",
                         r"p_{\mathrm{data}}(x) + p_g(x)}", font_size=BODY_SIZE)
        d_star[1].set_color(DIST_P)
        d_star.move_to([4.4, 1.3, 0])
        return d_star

    def show_discriminator(self, plot, d_star):
        *_, d_curve, d_label, half = plot
        with self.beat("For a fixed generator, the best discriminator has a closed form: the "
                       "data density divided by the sum of both densities."):
            self.play(Write(d_star), run_time=2)
        with self.beat("It is one where only real data lives, zero where only fakes live, and "
                       "a half where the two are equally likely."):
            self.play(Create(d_curve), FadeIn(d_label), Create(half), run_time=2)
            self.wait(1)

    def get_meter(self, step, d_star) -> VGroup:
        value = lambda: float(np.interp(-2.0 + step.get_value(), GEN_MEANS, GAN_VALUES))
        v_label = MathTex(r"V(D^*, G) =", font_size=BODY_SIZE)
        v_number = DecimalNumber(value(), num_decimal_places=3, font_size=BODY_SIZE, color=ACCENT)
        row = VGroup(v_label, v_number).arrange(RIGHT, buff=0.15)
        row.next_to(d_star, DOWN, buff=0.6).align_to(d_star, LEFT)
        v_number.add_updater(lambda m: m.set_value(value()))
        jsd = MathTex(r"= -\log 4 + 2\,\mathrm{JSD}(p_{\mathrm{data}} \,\|\, p_g)",
                      font_size=LABEL_SIZE).next_to(row, DOWN, buff=0.3).align_to(row, LEFT)
        floor = MathTex(r"-\log 4 = " + format_number(MINUS_LOG_4, 3), font_size=LABEL_SIZE,
                        color=MUTED).next_to(jsd, DOWN, buff=0.3).align_to(row, LEFT)
        return VGroup(row, jsd, floor)

    def show_training(self, step, meter, plot):
        row, jsd, floor = meter
        axes, data, data_label, gen, gen_label, d_curve, d_label, half = plot
        with self.beat("Plug that discriminator back in, and the value becomes minus log four "
                       "plus twice the Jensen Shannon divergence between data and generator."):
            self.play(FadeIn(row), Write(jsd), run_time=2)
        with self.beat("So training the generator shrinks that divergence. Move the generator "
                       "onto the data: the discriminator flattens, and the value falls."):
            self.play(step.animate.set_value(4.0), run_time=6, rate_func=linear)
        with self.beat("When the two distributions match, D star is one half everywhere and "
                       "the value hits its minimum, minus log four. The discriminator can no "
                       "longer tell real from fake."):
            # D* lies on the dashed half line: traced along it
            self.play(ShowPassingFlash(Line(half.get_start(), half.get_end(), color=TEXT,
                                            stroke_width=8), time_width=0.4),
                      Indicate(d_label, color=TEXT), run_time=1.2)
            self.play(FadeIn(floor), Indicate(row[1], color=ACCENT))
            self.play(Indicate(data, color=DIST_P), Indicate(data_label, color=DIST_P),
                      Indicate(gen_label, color=DIST_Q))


class DDPMNoiseSchedule(NarratedScene):
    """beta_t rises linearly; alpha-bar_t, the product of (1 - beta), decays to zero."""

    def construct(self):
        # Step 1: one step of noise.
        step_formula = self.get_step_formula().to_edge(UP, buff=EDGE_BUFF)
        self.show_step(step_formula)
        # Step 2: the betas, linear from 1e-4 to 0.02.
        beta_plot = self.get_beta_plot()
        self.show_betas(beta_plot)
        # Step 3: alpha-bar, the running product, and the closed form jump.
        ab_plot = self.get_alpha_bar_plot()
        self.show_alpha_bars(step_formula, ab_plot)
        # Step 4: signal against noise, and the cosine schedule for comparison.
        self.show_signal_noise(ab_plot)

    def get_step_formula(self) -> MathTex:
        formula = MathTex(r"x_t", "=", r"\sqrt{1 - \beta_t}", r"\, x_{t-1}", "+",
                          r"\sqrt{\beta_t}", r"\,\varepsilon_t", font_size=BODY_SIZE)
        formula[0].set_color(DATA)
        formula[3].set_color(DATA)
        formula[6].set_color(NOISE)
        return formula

    def show_step(self, formula):
        axes = get_axes((-3, 3, 1), (-3, 3, 1), 4.4, 4.4).move_to([0, -1.0, 0])
        axes.set_stroke(opacity=0.35)
        dots = VGroup(*(Dot(axes.c2p(*p), radius=0.05, color=DATA) for p in OPENING_STEPS[0]))
        counter = Tex("step 0", font_size=LABEL_SIZE, color=MUTED)
        counter.next_to(axes, RIGHT, buff=0.4)
        note = Tex(r"(steps of $\beta = 0.08$, big enough to see)", font_size=SMALL_SIZE + 2,
                   color=MUTED).next_to(counter, DOWN, buff=0.2, aligned_edge=LEFT)
        with self.beat("Diffusion models learn to undo noise. First we need the noise: a "
                       "forward process that, step by step, shrinks the data a little and "
                       "adds a little Gaussian noise."):
            self.play(Write(formula), Create(axes), FadeIn(dots), FadeIn(counter), FadeIn(note),
                      run_time=2)
            for k in range(1, len(OPENING_STEPS)):
                self.play(*(dot.animate.move_to(axes.c2p(*p))
                            for dot, p in zip(dots, OPENING_STEPS[k])),
                          Transform(counter, Tex(f"step {k}", font_size=LABEL_SIZE, color=MUTED)
                                    .move_to(counter, aligned_edge=LEFT)), run_time=0.45)
        with self.beat("The amount at step t is beta t, and it is fixed in advance by a "
                       "schedule."):
            self.play(formula[5].animate.set_color(ACCENT), FadeOut(VGroup(axes, dots, counter,
                                                                           note)))
            self.play(Indicate(formula[5], color=ACCENT))

    def get_beta_plot(self) -> VGroup:
        axes = get_axes((0, T_STEPS, 250), (0, 0.02, 0.01), 5.4, 3.0).move_to([-3.5, -1.0, 0])
        axes.x_axis.add_numbers([0, 500, 1000])
        axes.y_axis.add_numbers([0.01, 0.02], num_decimal_places=2)
        curve = get_sampled_curve(axes, np.arange(T_STEPS), BETAS, ACCENT, stroke_width=3)
        label = MathTex(r"\beta_t", font_size=LABEL_SIZE, color=ACCENT)
        label.next_to(axes.c2p(T_STEPS, BETAS[-1]), LEFT, buff=0.2).shift(UP * 0.25)
        t_label = MathTex("t", font_size=LABEL_SIZE, color=MUTED).next_to(axes.x_axis, DOWN, 0.4)
        ends = Tex(rf"from ${format_number(BETAS[0] * 1e4, 0)}\times 10^{{-4}}$ to "
                   rf"${format_number(BETAS[-1], 2)}$", font_size=LABEL_SIZE, color=MUTED)
        ends.next_to(axes, UP, buff=0.3)
        return VGroup(axes, curve, label, t_label, ends)

    def show_betas(self, plot):
        axes, curve, label, t_label, ends = plot
        with self.beat("The original DDPM uses a thousand steps, with beta rising in a straight "
                       "line from one in ten thousand to two in a hundred."):
            self.play(Create(axes), FadeIn(t_label))
            self.play(Create(curve), FadeIn(label), FadeIn(ends), run_time=2)
            self.wait(1)

    def get_alpha_bar_plot(self) -> VGroup:
        axes = get_axes((0, T_STEPS, 250), (0, 1, 0.5), 5.4, 3.0).move_to([3.5, -1.0, 0])
        axes.x_axis.add_numbers([0, 500, 1000])
        axes.y_axis.add_numbers([0.5, 1], num_decimal_places=1)
        curve = get_sampled_curve(axes, np.arange(T_STEPS), ALPHA_BARS, DATA, stroke_width=3)
        label = MathTex(r"\bar\alpha_t = \prod_{s \le t} (1 - \beta_s)", font_size=LABEL_SIZE,
                        color=DATA).next_to(axes, UP, buff=0.3)
        t_label = MathTex("t", font_size=LABEL_SIZE, color=MUTED)
        t_label.next_to(axes.x_axis, RIGHT, buff=0.15)
        jump = MathTex(r"x_t", "=", r"\sqrt{\bar\alpha_t}", r"\, x_0", "+",
                       r"\sqrt{1 - \bar\alpha_t}", r"\,\varepsilon", font_size=BODY_SIZE)
        jump[0].set_color(DATA)
        jump[3].set_color(DATA)
        jump[6].set_color(NOISE)
        signal = get_sampled_curve(axes, np.arange(T_STEPS), SIGNAL, DATA, stroke_width=3)
        signal.set_stroke(opacity=0.6)
        noise = get_sampled_curve(axes, np.arange(T_STEPS), NOISE_SCALE, NOISE, stroke_width=3)
        # Each label sits beside its own curve, on the side no other curve shown with it reaches:
        # above-right of a falling curve, under the flat end of the rising one.
        signal_label = MathTex(r"\sqrt{\bar\alpha_t}", font_size=SMALL_SIZE + 4, color=DATA)
        signal_label.next_to(axes.c2p(SIGNAL_LABEL_STEP, SIGNAL[SIGNAL_LABEL_STEP]), UR,
                             buff=CURVE_LABEL_BUFF)
        noise_label = MathTex(r"\sqrt{1-\bar\alpha_t}", font_size=SMALL_SIZE + 4, color=NOISE)
        noise_label.next_to(axes.c2p(T_STEPS, NOISE_SCALE[-1]), DOWN, buff=CURVE_LABEL_BUFF,
                            aligned_edge=RIGHT)
        cosine = get_sampled_curve(axes, np.arange(T_STEPS), COSINE_ALPHA_BARS, MUTED,
                                   stroke_width=3)
        cosine = DashedVMobject(cosine, num_dashes=40)
        cosine_label = Tex("cosine schedule", font_size=SMALL_SIZE + 2, color=MUTED)
        cosine_label.next_to(axes.c2p(COSINE_LABEL_STEP, COSINE_ALPHA_BARS[COSINE_LABEL_STEP]), UR,
                             buff=CURVE_LABEL_BUFF)
        half_dot = Dot(axes.c2p(HALF_STEP, ALPHA_BARS[HALF_STEP]), color=ACCENT)
        half_label = MathTex(rf"\bar\alpha_t = \tfrac12 \text{{ at }} t = {HALF_STEP + 1}",
                             font_size=SMALL_SIZE + 4, color=ACCENT)
        half_label.next_to(axes.x_axis, DOWN, buff=0.42).shift(LEFT * 0.5)
        return VGroup(axes, curve, label, t_label, jump,
                      VGroup(signal, noise, signal_label, noise_label),
                      VGroup(cosine, cosine_label), VGroup(half_dot, half_label))

    def show_alpha_bars(self, step_formula, plot):
        axes, curve, label, t_label, jump, *_ = plot
        with self.beat("Each step keeps a fraction one minus beta of the signal's variance, so "
                       "after t steps what is left is their product, alpha bar t."):
            self.play(Create(axes), FadeIn(t_label), Write(label))
            self.play(Create(curve), run_time=3)
        with self.beat("It starts at one and decays to almost exactly zero by the last step: "
                       "nothing of the data survives."):
            self.play(FadeIn(plot[7]))
            self.wait(1.5)
        jump.move_to(step_formula)
        on_curve = [axes.c2p(t, ALPHA_BARS[t]) for t in HOP_STEPS]
        hops = VGroup(*(CurvedArrow(a, b, angle=-1.2, color=MUTED, stroke_width=3, tip_length=0.12)
                        for a, b in zip(on_curve[:-1], on_curve[1:])))
        leap = CurvedArrow(on_curve[0], axes.c2p(JUMP_STEP, ALPHA_BARS[JUMP_STEP]), angle=-1.0,
                           color=ACCENT, stroke_width=4)
        # the current step, a band across the plot: it steps along, then leaps
        band = Rectangle(width=0.16, height=axes.y_length, stroke_width=0, fill_color=ACCENT,
                         fill_opacity=0.3).move_to(axes.c2p(0, 0.5))
        self.hops = VGroup(hops, leap, band)
        cards = VGroup(*(SurroundingRectangle(jump[a:b], buff=0.1, stroke_width=0, fill_color=color,
                                              fill_opacity=0.25).set_z_index(-1)
                         for (a, b), color in (((2, 4), DATA), ((5, 7), NOISE))))
        with self.beat("And because Gaussians add up to a Gaussian, we never need to run the "
                       "steps one by one. We can jump to any step directly: square root of "
                       "alpha bar times the data, plus square root of one minus alpha bar "
                       "times fresh noise."):
            self.play(FadeOut(step_formula, shift=0.3 * UP), run_time=0.8)
            self.play(FadeIn(band), run_time=0.3)
            for hop, point in zip(hops, on_curve[1:]):
                self.play(Create(hop), band.animate.set_x(point[0]), run_time=0.3)
            self.play(Create(leap), band.animate.set_x(leap.get_end()[0]))
            # each term on a tinted card of its colour: the data's share, then the noise's
            self.play(FadeIn(jump[:2], shift=0.3 * UP), Write(jump[2:4]), FadeIn(cards[0]))
            self.play(Write(jump[4:]), FadeIn(cards[1]))
        self.jump_cards = cards

    def show_signal_noise(self, plot):
        signal, noise, signal_label, noise_label = plot[5]
        with self.beat("Those two square roots are the weights of signal and noise. The noise "
                       "weight rises to one while the signal weight falls to zero."):
            self.play(FadeOut(self.hops), FadeOut(self.jump_cards), run_time=0.6)
            self.play(Create(signal), Create(noise), FadeIn(signal_label), FadeIn(noise_label),
                      run_time=2.5)
            self.wait(1)
        cosine, cosine_label = plot[6]
        with self.beat("The linear schedule destroys most of the signal early. The cosine "
                       "schedule, dashed, spends its steps more evenly, which helps small "
                       "images."):
            self.play(FadeOut(plot[5]), run_time=0.8)
            self.play(Create(cosine), FadeIn(cosine_label), run_time=2.5)
            self.wait(2)
        rows = get_bridge(ALPHA_BAR, formula_colors={r"\bar\alpha_t": DATA}).move_to([0, -0.3, 0])
        with self.beat(f"In code, alpha bar is a cumulative product. At step five hundred, "
                       f"mathcore's schedule and NumPy's cumprod both give "
                       f"{ALPHA_BAR.shown()}."):
            self.play(FadeOut(Group(*self.mobjects)), run_time=0.8)
            self.play(FadeIn(rows, lag_ratio=0.2), run_time=2)
            self.play(Indicate(rows[3], color=ACCENT))


class DiffusionForwardProcess(NarratedScene):
    """A spiral of points dissolves into N(0, I) as alpha-bar falls."""

    def construct(self):
        # Step 1: the data, a two-armed spiral.
        t_index = ValueTracker(0.0)
        cloud = self.get_cloud(t_index)
        self.show_data(cloud)
        # Step 2: the jump formula and the alpha-bar clock beside it.
        panel = self.get_panel(t_index)
        self.show_panel(panel)
        # Step 3: noise the cloud, stopping at a few steps.
        self.show_noising(t_index)
        # Step 4: the end is a standard normal, where the reverse process starts.
        self.show_gaussian(cloud)

    def get_cloud(self, t_index: ValueTracker) -> VGroup:
        axes = get_axes((-3.5, 3.5, 1), (-3.5, 3.5, 1), 6.6, 6.6).move_to([-3.3, -0.3, 0])
        axes.set_stroke(opacity=0.35)
        frame = lambda: lookup(CLOUD, t_index.get_value())
        dots = VGroup(*(Dot(axes.c2p(*p), radius=0.045, color=DATA) for p in X0))

        def follow(group):
            for dot, p in zip(group, frame()):
                dot.move_to(axes.c2p(*p))

        dots.add_updater(follow)
        return VGroup(axes, dots)

    def show_data(self, cloud):
        axes, dots = cloud
        with self.beat("Now watch the jump formula act on data. Here is a toy data set: two "
                       "hundred and forty points on a two armed "
                       "spiral. Each point is an x zero."):
            self.play(Create(axes), run_time=1)
            self.play(FadeIn(dots, lag_ratio=0.01), run_time=2)

    def get_panel(self, t_index: ValueTracker) -> VGroup:
        jump = MathTex(r"x_t", "=", r"\sqrt{\bar\alpha_t}", r"\, x_0", "+",
                       r"\sqrt{1 - \bar\alpha_t}", r"\,\varepsilon", font_size=BODY_SIZE)
        jump[0].set_color(DATA)
        jump[3].set_color(DATA)
        jump[6].set_color(NOISE)
        jump.move_to([3.6, 3.0, 0])
        axes = get_axes((0, T_STEPS, 250), (0, 1, 0.5), 5.0, 2.6).move_to([3.8, 0.3, 0])
        axes.x_axis.add_numbers([0, 500, 1000])
        axes.y_axis.add_numbers([0.5, 1], num_decimal_places=1)
        curve = get_sampled_curve(axes, np.arange(T_STEPS), ALPHA_BARS, DATA, stroke_width=3)
        label = MathTex(r"\bar\alpha_t", font_size=LABEL_SIZE, color=DATA)
        label.next_to(axes.c2p(120, 0.95), RIGHT, buff=0.2)
        step = lambda: float(np.interp(t_index.get_value(), np.arange(len(SHOWN_STEPS)),
                                       SHOWN_STEPS))
        dot = always_redraw(lambda: Dot(axes.c2p(step(), float(np.interp(
            step(), np.arange(T_STEPS), ALPHA_BARS))), color=ACCENT, radius=0.09))
        t_text = MathTex("t =", font_size=BODY_SIZE)
        t_number = DecimalNumber(0, num_decimal_places=0, font_size=BODY_SIZE, color=ACCENT)
        ab_text = MathTex(r"\bar\alpha_t =", font_size=BODY_SIZE, color=DATA)
        ab_number = DecimalNumber(ALPHA_BARS[0], num_decimal_places=3, font_size=BODY_SIZE,
                                  color=DATA)
        readout = VGroup(VGroup(t_text, t_number).arrange(RIGHT, buff=0.15),
                         VGroup(ab_text, ab_number).arrange(RIGHT, buff=0.15))
        readout.arrange(DOWN, aligned_edge=LEFT, buff=0.3).next_to(axes, DOWN, buff=0.6)
        t_number.add_updater(lambda m: m.set_value(round(step()) + 1))
        ab_number.add_updater(lambda m: m.set_value(float(np.interp(
            step(), np.arange(T_STEPS), ALPHA_BARS))))
        return VGroup(jump, VGroup(axes, curve, label), dot, readout)

    def show_panel(self, panel):
        jump, plot, dot, readout = panel
        with self.beat("We noise every point with the jump formula, using one fixed draw of "
                       "noise epsilon per point, and read alpha bar from the schedule."):
            self.play(Write(jump), run_time=2)
            self.play(Create(plot[0]), Create(plot[1]), FadeIn(plot[2]))
            self.play(FadeIn(dot), FadeIn(readout))

    def show_noising(self, t_index):
        texts = {
            STOP_STEPS[0]: "Fifty steps in, alpha bar is still close to one: the spiral only "
                           "blurs.",
            STOP_STEPS[1]: "By step two hundred and fifty, half the variance is noise and the "
                           "arms start to merge.",
            STOP_STEPS[2]: "At step five hundred little is left: alpha bar is below a tenth.",
            STOP_STEPS[3]: "At the last step alpha bar is practically zero, and each point is "
                           "pure noise.",
        }
        for stop in STOP_STEPS:
            target = float(np.searchsorted(SHOWN_STEPS, stop))
            with self.beat(texts[stop]):
                self.play(t_index.animate.set_value(target), run_time=3.5, rate_func=linear)
                self.wait(1)

    def show_gaussian(self, cloud):
        axes, dots = cloud
        rings = VGroup(*(Circle(radius=r * axes.x_axis.unit_size, color=NOISE, stroke_width=2)
                         .move_to(axes.c2p(0, 0)) for r in (1, 2)))
        label = MathTex(r"\mathcal{N}(0, I)", font_size=BODY_SIZE, color=NOISE)
        # Just outside the outer ring, in a gap of the final cloud (up and to the right).
        direction = np.array([np.cos(NORMAL_LABEL_ANGLE), np.sin(NORMAL_LABEL_ANGLE), 0.0])
        reach = (rings[1].width / 2 + 0.15 + abs(direction[0]) * label.width / 2
                 + abs(direction[1]) * label.height / 2)
        label.move_to(axes.c2p(0, 0) + reach * direction)
        with self.beat("The cloud is now a standard normal, rings at one and two standard "
                       "deviations. A diffusion model learns to run this film backwards, from "
                       "noise to spiral."):
            self.play(Create(rings), FadeIn(label), run_time=2)
            self.wait(2.5)


class Lesson18TryIt(TryItScene):
    lesson = 18


# --------------------------------------------------------------------------- new scenes


def get_node(tex: str, color, width: float = 1.3) -> VGroup:
    """A rounded box with a formula: one node of a computation graph."""
    label = MathTex(tex, font_size=BODY_SIZE, color=color)
    box = RoundedRectangle(corner_radius=0.12, width=max(width, label.width + 0.4),
                           height=label.height + 0.4, stroke_color=color, stroke_width=3)
    return VGroup(box, label.move_to(box))


class VAEReparameterisation(NarratedScene):
    """z = mu + sigma * eps: the sample becomes a function of mu and sigma, so gradients reach them."""

    def construct(self):
        # Step 1: a computation graph with a sampling node: the gradient stops there.
        graph = self.get_graph()
        self.show_blocked(graph)
        # Step 2: move the randomness out: z = mu + sigma * eps, and the gradient flows.
        self.show_trick(graph)
        # Step 3: the draws on a number line: nudge mu, nudge sigma.
        mu, sigma = ValueTracker(REPARAM_MU), ValueTracker(REPARAM_SIGMA)
        lines = self.get_lines(mu, sigma)
        self.show_nudges(self.graph, lines, mu, sigma)
        # Step 4: one draw by hand, then the average over many.
        self.show_gradients(lines)
        # Step 5: the same sample in mathcore, NumPy and PyTorch.
        self.show_bridges()

    def get_graph(self) -> VGroup:
        mu = get_node(r"\mu", VALUE).move_to([-5.6, 2.2, 0])
        sigma = get_node(r"\sigma", VALUE).move_to([-5.6, 0.6, 0])
        sample = get_node(r"z \sim \mathcal{N}(\mu, \sigma^2)", NOISE).move_to([-2.4, 1.4, 0])
        loss = get_node(r"-\log p(x|z)", DATA).move_to([2.4, 1.4, 0])
        ins = VGroup(*(Arrow(n.get_right(), sample.get_left(), buff=0.1, color=MUTED,
                             stroke_width=4) for n in (mu, sigma)))
        out = Arrow(sample.get_right(), loss.get_left(), buff=0.1, color=MUTED, stroke_width=4)
        return VGroup(mu, sigma, sample, loss, ins, out)

    def show_blocked(self, graph):
        mu, sigma, sample, loss, ins, out = graph
        with self.beat("To train the encoder we need the gradient of the ELBO with respect to "
                       "mu and sigma. But the reconstruction term averages over a z that is "
                       "drawn at random from q."):
            self.play(FadeIn(mu), FadeIn(sigma), run_time=0.8)
            self.play(GrowArrow(ins[0]), GrowArrow(ins[1]), FadeIn(sample))
            self.play(GrowArrow(out), FadeIn(loss))
        back = Arrow(loss.get_left() + 0.35 * DOWN, sample.get_right() + 0.35 * DOWN, buff=0.1,
                     color=ACCENT, stroke_width=5)
        cross = Cross(sample, stroke_color=ACCENT, stroke_width=6)
        with self.beat("Backpropagation walks from the loss back towards mu and sigma, and "
                       "stops at the dice roll: a random draw has no derivative with respect "
                       "to the numbers it was drawn with."):
            self.play(GrowArrow(back))
            self.play(Create(cross))
            self.play(Indicate(mu, color=VALUE), Indicate(sigma, color=VALUE))
        self.blocked = VGroup(back, cross)

    def show_trick(self, graph):
        mu, sigma, sample, loss, ins, out = graph
        eps = get_node(r"\varepsilon \sim \mathcal{N}(0, 1)", NOISE).move_to([-2.4, -0.4, 0])
        eps[0].set_stroke(width=3)
        formula = get_node(r"z = \mu + \sigma\,\varepsilon", ACCENT).move_to(sample)
        eps_in = Arrow(eps.get_top(), formula.get_bottom(), buff=0.1, color=NOISE, stroke_width=4)
        with self.beat("The trick is to draw the randomness first. Take epsilon from a standard "
                       "normal, which depends on nothing we train, and compute z as mu plus "
                       "sigma times epsilon."):
            self.play(FadeOut(self.blocked), run_time=0.6)
            self.play(FadeIn(eps, shift=0.3 * UP))
            self.play(GrowArrow(eps_in), ReplacementTransform(sample, formula))
        grads = VGroup(
            MathTex(r"\frac{\partial z}{\partial \mu} = 1", font_size=LABEL_SIZE, color=VALUE),
            MathTex(r"\frac{\partial z}{\partial \sigma} = \varepsilon", font_size=LABEL_SIZE,
                    color=VALUE))
        grads[0].next_to(ins[0], UP, buff=0.05)
        grads[1].next_to(ins[1], DOWN, buff=0.05)
        flows = VGroup(*(Line(a, b, color=ACCENT, stroke_width=8) for a, b in (
            (loss.get_left(), formula.get_right()), (formula.get_left(), mu.get_right()),
            (formula.get_left(), sigma.get_right()))))
        with self.beat("Now z is an ordinary function of mu and sigma, and the chain rule goes "
                       "straight through it: the derivative of z by mu is one, and by sigma it "
                       "is epsilon."):
            self.play(ShowPassingFlash(flows[0], time_width=0.6), run_time=1.2)
            self.play(ShowPassingFlash(flows[1], time_width=0.6),
                      ShowPassingFlash(flows[2], time_width=0.6), run_time=1.2)
            self.play(Write(grads[0]), Write(grads[1]))
        self.graph = VGroup(mu, sigma, formula, loss, ins, out, eps, eps_in, grads)

    def get_lines(self, mu: ValueTracker, sigma: ValueTracker) -> VGroup:
        eps_line = get_axes((-2.5, 2.5, 1), (0, 1, 1), 5.6, 1).move_to([3.4, -0.7, 0])
        eps_line.y_axis.set_opacity(0)
        z_line = get_axes((-0.5, 3.0, 0.5), (0, 1, 1), 5.6, 1).move_to([3.4, -2.4, 0])
        z_line.y_axis.set_opacity(0)
        eps_line.x_axis.add_numbers([-2, 0, 2], font_size=SMALL_SIZE)
        z_line.x_axis.add_numbers([0, 1, 2, 3], font_size=SMALL_SIZE)
        eps_name = MathTex(r"\varepsilon", font_size=LABEL_SIZE, color=NOISE)
        eps_name.next_to(eps_line.x_axis, LEFT, buff=0.25)
        z_name = MathTex("z", font_size=LABEL_SIZE, color=ACCENT)
        z_name.next_to(z_line.x_axis, LEFT, buff=0.25)
        eps_dots = VGroup(*(Dot(eps_line.c2p(e, 0), radius=0.07, color=NOISE) for e in EPS_DRAWS))
        z_of = lambda e: mu.get_value() + sigma.get_value() * e  # the line drawn, not a number shown
        z_dots = always_redraw(lambda: VGroup(*(Dot(z_line.c2p(z_of(e), 0), radius=0.07,
                                                    color=ACCENT) for e in EPS_DRAWS)))
        links = always_redraw(lambda: VGroup(*(Line(eps_line.c2p(e, 0), z_line.c2p(z_of(e), 0),
                                                    color=FAINT, stroke_width=2)
                                               for e in EPS_DRAWS)))
        readout = always_redraw(lambda: MathTex(
            rf"\mu = {mu.get_value():.2f},\ \ \sigma = {sigma.get_value():.2f}",
            font_size=LABEL_SIZE, color=VALUE).next_to(z_line, DOWN, buff=0.15))
        x_mark = Line(z_line.c2p(X_DATA, -0.25), z_line.c2p(X_DATA, 0.25), color=DATA,
                      stroke_width=5)
        return VGroup(eps_line, z_line, eps_name, z_name, eps_dots, links, z_dots, readout, x_mark)

    def show_nudges(self, graph, lines, mu, sigma):
        eps_line, z_line, eps_name, z_name, eps_dots, links, z_dots, readout, x_mark = lines
        with self.beat(f"See it with twelve draws of epsilon, and an encoder with mu "
                       f"{REPARAM_MU} and sigma {REPARAM_SIGMA}. Each draw lands at its own z."):
            self.play(graph.animate.scale(0.8).to_edge(UP, buff=EDGE_BUFF).to_edge(LEFT,
                                                                                  buff=EDGE_BUFF))
            self.play(Create(eps_line), FadeIn(eps_name), FadeIn(eps_dots, lag_ratio=0.1))
            self.play(Create(z_line), FadeIn(z_name), Create(links), FadeIn(z_dots),
                      FadeIn(readout))
        with self.beat("Nudge mu, and every sample slides by the same amount. That is the "
                       "derivative one."):
            self.play(mu.animate.set_value(REPARAM_MU + 0.5), run_time=1.5)
            self.play(mu.animate.set_value(REPARAM_MU), run_time=1.5)
        with self.beat("Nudge sigma, and each sample moves in proportion to its own epsilon: "
                       "the far draws move most, a draw near zero hardly moves. That is the "
                       "derivative epsilon."):
            self.play(sigma.animate.set_value(REPARAM_SIGMA + 0.35), run_time=1.5)
            self.play(sigma.animate.set_value(REPARAM_SIGMA), run_time=1.5)

    def show_gradients(self, lines):
        x_mark = lines[8]
        x_label = MathTex(rf"x = {X_DATA}", font_size=SMALL_SIZE + 4, color=DATA)
        x_label.next_to(x_mark, UP, buff=0.1)
        one = VGroup(
            MathTex(rf"\varepsilon = {EPS_ONE:.2f}:", font_size=LABEL_SIZE, color=NOISE),
            MathTex(rf"\frac{{\partial L}}{{\partial \mu}} = {format_number(GRAD_MU_ONE, 2)}",
                    font_size=LABEL_SIZE, color=VALUE),
            MathTex(rf"\frac{{\partial L}}{{\partial \sigma}} = {format_number(GRAD_SIGMA_ONE, 2)}",
                    font_size=LABEL_SIZE, color=VALUE)).arrange(RIGHT, buff=0.35)
        one.move_to([-3.4, -1.1, 0])
        many = VGroup(
            Tex(f"mean of {len(MANY_EPS):,} draws:", font_size=LABEL_SIZE, color=MUTED),
            MathTex(rf"{format_number(GRAD_MU_MC, 2)},\ {format_number(GRAD_SIGMA_MC, 2)}",
                    font_size=LABEL_SIZE, color=VALUE)).arrange(RIGHT, buff=0.25)
        exact = VGroup(
            Tex("exact:", font_size=LABEL_SIZE, color=MUTED),
            MathTex(rf"\frac{{\mu - x}}{{0.25}} = {format_number(GRAD_MU_EXACT, 2)},\ "
                    rf"\frac{{\sigma}}{{0.25}} = {format_number(GRAD_SIGMA_EXACT, 2)}",
                    font_size=LABEL_SIZE, color=ACCENT)).arrange(RIGHT, buff=0.25)
        VGroup(many, exact).arrange(DOWN, aligned_edge=LEFT, buff=0.3).next_to(one, DOWN, 0.45)
        VGroup(many, exact).align_to(one, LEFT)
        loss = MathTex(r"L = \frac{(x - z)^2}{2 \cdot 0.25}", font_size=LABEL_SIZE, color=DATA)
        loss.next_to(one, UP, buff=0.4).align_to(one, LEFT)
        with self.beat(f"Now a loss: the decoder's minus log likelihood of x equal to "
                       f"{X_DATA}. Backpropagate through the single draw epsilon equal to "
                       f"{EPS_ONE:.2f}, and mathcore's autodiff gives one gradient for mu and one "
                       f"for sigma."):
            self.play(Create(x_mark), FadeIn(x_label), Write(loss))
            self.play(FadeIn(one, shift=0.2 * RIGHT), run_time=1.5)
        with self.beat("One draw is noisy. Averaged over twenty thousand draws, the gradients "
                       "agree with the exact derivative of the expected loss, to within the "
                       "noise of the average. Those are the gradients that train every VAE."):
            self.play(FadeIn(many, shift=0.2 * UP))
            self.play(FadeIn(exact, shift=0.2 * UP))
            self.play(Indicate(exact[1], color=ACCENT, scale_factor=1.05))  # grows clear of "exact:"
        self.worked = VGroup(lines, x_label, one, many, exact, loss)

    def show_bridges(self):
        rows = get_bridge(REPARAM, formula_colors={r"\varepsilon": NOISE}).move_to([0, -0.2, 0])
        torch_rows = get_bridge(RSAMPLE).move_to([0, -0.5, 0])
        setup = Tex(rf"$\mu = {REPARAM_MU}$, $\sigma = {REPARAM_SIGMA}$, "
                    rf"$\varepsilon = {EPS_ONE:.2f}$", font_size=LABEL_SIZE, color=MUTED)
        setup.next_to(rows, UP, buff=0.35)
        with self.beat("In code the trick is one line. mathcore's reparameterize and NumPy's mu "
                       "plus sigma times epsilon give the same sample."):
            self.play(FadeOut(self.worked), FadeOut(self.graph), run_time=0.8)
            self.play(FadeIn(setup), FadeIn(rows[0]))
            self.play(FadeIn(rows[1]), FadeIn(rows[2]), FadeIn(rows[3]), run_time=1.5)
        with self.beat("PyTorch's Normal dot r sample draws epsilon for you and returns mu plus "
                       "sigma times epsilon, so the gradient of z reaches mu as a one. Plain "
                       "sample cuts the graph, just like the dice roll."):
            # the setup line moves up with the taller PyTorch rows, clear of their code
            self.play(FadeOut(rows, shift=0.2 * UP), setup.animate.next_to(torch_rows, UP, buff=0.35),
                      run_time=0.8)
            self.play(FadeIn(torch_rows, shift=0.2 * UP), run_time=1.5)
            # a frame around the call: the code keeps its size, clear of its label
            self.play(Circumscribe(torch_rows[2][1], color=ACCENT))
        with self.beat("That is how a VAE learns. The next model learns a generator without any "
                       "likelihood at all: it pits it against a critic."):
            self.play(FadeOut(VGroup(setup, torch_rows)), run_time=1.2)


class GANNonSaturatingLoss(NarratedScene):
    """Two generator losses against D(G(z)): log(1 - D) saturates where fakes are caught."""

    def construct(self):
        # Step 1: the two losses the generator could minimise.
        plot = self.get_plot()
        self.show_losses(plot)
        # Step 2: their slopes with respect to the logit, derived.
        derivation = self.get_derivation()
        self.show_derivation(derivation)
        # Step 3: slide to where fakes are caught: one gradient vanishes.
        d = ValueTracker(0.5)
        self.show_vanishing(plot, derivation, d)
        # Step 4: the loss in code.
        self.show_bridge(plot, derivation)

    def get_plot(self) -> VGroup:
        axes = get_axes((0, 1, 0.5), (-5, 5, 2.5), 5.6, 5.2).move_to([-3.4, -0.6, 0])
        axes.x_axis.add_numbers([0.5, 1.0], font_size=SMALL_SIZE)
        axes.y_axis.add_numbers([-2.5, 2.5, 5.0], font_size=SMALL_SIZE)
        x_name = MathTex(r"D\big(G(z)\big)", font_size=LABEL_SIZE, color=MUTED)
        x_name.next_to(axes.x_axis.get_right(), DOWN, buff=0.35).shift(LEFT * 0.4)
        sat = get_sampled_curve(axes, D_GRID, SATURATING.losses, DIST_Q, stroke_width=4)
        ns = get_sampled_curve(axes, D_GRID, NON_SATURATING.losses, ACCENT_3, stroke_width=4)
        sat_label = MathTex(r"\log\big(1 - D\big)", font_size=LABEL_SIZE, color=DIST_Q)
        sat_label.next_to(axes.c2p(0.55, -0.8), DOWN, buff=0.15)
        ns_label = MathTex(r"-\log D", font_size=LABEL_SIZE, color=ACCENT_3)
        ns_label.next_to(axes.c2p(0.22, 1.6), RIGHT, buff=0.15)
        return VGroup(axes, x_name, sat, sat_label, ns, ns_label)

    def show_losses(self, plot):
        axes, x_name, sat, sat_label, ns, ns_label = plot
        title = Tex("How the generator starts", font_size=BODY_SIZE, color=TEXT)
        title.to_edge(UP, buff=EDGE_BUFF)
        with self.beat("The value tells us where training ends. How it starts is another "
                       "matter: early on the fakes are poor, and the discriminator rejects "
                       "them, with D of G of z close to zero."):
            self.play(FadeIn(title), Create(axes), FadeIn(x_name))
            self.play(Create(sat), FadeIn(sat_label), run_time=2)
        with self.beat("In the game, the generator minimises log of one minus D. It could "
                       "instead minimise minus log D. Both fall as D rises, so both push the "
                       "fakes towards looking real."):
            self.play(Indicate(sat_label, color=DIST_Q))
            self.play(Create(ns), FadeIn(ns_label), run_time=2)
        self.title = title

    def get_derivation(self) -> VGroup:
        lines = VGroup(
            MathTex(r"D = \mathrm{sigmoid}(a), \quad \frac{dD}{da} = D(1 - D)",
                    font_size=LABEL_SIZE, color=TEXT),
            MathTex(r"\frac{\partial}{\partial a}\log(1 - D) = \frac{-D(1-D)}{1 - D} = -D",
                    font_size=LABEL_SIZE, color=DIST_Q),
            MathTex(r"\frac{\partial}{\partial a}\big(-\log D\big) = \frac{-D(1-D)}{D} = -(1 - D)",
                    font_size=LABEL_SIZE, color=ACCENT_3),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        return lines.move_to([3.3, 1.5, 0])

    def show_derivation(self, lines):
        with self.beat("What reaches the generator is the slope with respect to the "
                       "discriminator's logit a, the number before its sigmoid. The sigmoid's "
                       "derivative is D times one minus D."):
            self.play(Write(lines[0]), run_time=2)
        with self.beat("So the chain rule gives minus D for the first loss, and minus one "
                       "minus D for the second."):
            self.play(Write(lines[1]), run_time=1.5)
            self.play(Write(lines[2]), run_time=1.5)

    def show_vanishing(self, plot, derivation, d):
        axes, x_name, sat, sat_label, ns, ns_label = plot
        sat_y = lambda: float(np.interp(d.get_value(), D_GRID, SATURATING.losses))
        ns_y = lambda: float(np.interp(d.get_value(), D_GRID, NON_SATURATING.losses))
        dots = always_redraw(lambda: VGroup(
            Dot(axes.c2p(d.get_value(), sat_y()), color=DIST_Q, radius=0.08),
            Dot(axes.c2p(d.get_value(), ns_y()), color=ACCENT_3, radius=0.08)))
        guide = always_redraw(lambda: DashedLine(axes.c2p(d.get_value(), -5),
                                                 axes.c2p(d.get_value(), 5), color=FAINT))
        sat_grad = lambda: float(np.interp(d.get_value(), D_GRID, SATURATING.logit_gradients))
        ns_grad = lambda: float(np.interp(d.get_value(), D_GRID, NON_SATURATING.logit_gradients))
        base = np.array([1.4, -1.6, 0])
        unit = 3.2  # frame units per unit of gradient

        def bars():
            group = VGroup()
            for k, (value, color) in enumerate(((sat_grad(), DIST_Q), (ns_grad(), ACCENT_3))):
                bar = Rectangle(width=max(abs(value) * unit, 1e-3), height=0.45, stroke_width=0,
                                fill_color=color, fill_opacity=0.85)
                bar.move_to(base + DOWN * 0.75 * k, aligned_edge=LEFT)
                group.add(bar)
            return group

        bar_group = always_redraw(bars)
        names = VGroup(MathTex(r"|\partial_a| =", font_size=LABEL_SIZE, color=DIST_Q),
                       MathTex(r"|\partial_a| =", font_size=LABEL_SIZE, color=ACCENT_3))
        for k, name in enumerate(names):
            name.next_to(base + DOWN * 0.75 * k, LEFT, buff=0.9)
        numbers = VGroup(*(DecimalNumber(0.5, num_decimal_places=2, font_size=LABEL_SIZE,
                                         color=c) for c in (DIST_Q, ACCENT_3)))
        for k, number in enumerate(numbers):
            number.next_to(base + DOWN * 0.75 * k, LEFT, buff=0.12)
        numbers[0].add_updater(lambda m: m.set_value(abs(sat_grad())))
        numbers[1].add_updater(lambda m: m.set_value(abs(ns_grad())))
        d_read = always_redraw(lambda: MathTex(rf"D = {d.get_value():.2f}", font_size=LABEL_SIZE,
                                               color=TEXT).next_to(base + DOWN * 1.5, DOWN, 0.3)
                               .align_to(names, LEFT))
        with self.beat("Watch the two slopes as the discriminator wins. At D equal to one half "
                       "they are equal."):
            self.play(Create(guide), FadeIn(dots), FadeIn(names), FadeIn(numbers),
                      FadeIn(bar_group), FadeIn(d_read))
        with self.beat(f"Slide to where fakes are caught, D equal to {D_CAUGHT}. The first "
                       f"slope shrinks to {format_number(abs(CAUGHT_SAT), 2)}: the curve is flat "
                       f"there, the gradient vanishes, and the generator learns almost nothing "
                       f"exactly when it is worst."):
            self.play(d.animate.set_value(D_CAUGHT), run_time=4, rate_func=linear)
            self.play(Indicate(derivation[1], color=DIST_Q))
        with self.beat(f"The second is {format_number(abs(CAUGHT_NS), 2)}, its largest. Same "
                       f"direction, same fixed point, forty nine times the push. That is why "
                       f"GANs are trained with minus log D, the non saturating loss."):
            self.play(Indicate(derivation[2], color=ACCENT_3), Indicate(numbers[1], color=ACCENT_3))
            self.play(ShowPassingFlash(ns.copy().set_stroke(width=9), time_width=0.5), run_time=1.5)
        self.gauge = VGroup(dots, guide, bar_group, names, numbers, d_read)

    def show_bridge(self, plot, derivation):
        rows = get_bridge(GAN_LOSS).move_to([0, -0.6, 0])
        numpy_rows = get_bridge(GAN_LOSS_NUMPY)
        numpy_row = numpy_rows[2].move_to(rows[2], aligned_edge=LEFT)  # under the PyTorch call
        setup = MathTex(rf"D\big(G(z_i)\big) = {', '.join(str(v) for v in D_FAKES)}",
                        font_size=LABEL_SIZE, color=MUTED).next_to(rows, UP, buff=0.4)
        with self.beat("In PyTorch, this loss is binary cross entropy with the fakes labelled "
                       "real. For three fakes scored two hundredths, a tenth and three tenths, "
                       "mathcore and PyTorch give the same mean."):
            self.play(FadeOut(VGroup(plot, derivation, self.gauge, self.title)), run_time=0.8)
            self.play(FadeIn(setup), FadeIn(rows, lag_ratio=0.2), run_time=2)
        with self.beat("In plain NumPy it is minus the mean of log d."):
            self.play(FadeOut(rows[2], shift=0.2 * UP), FadeIn(numpy_row, shift=0.2 * UP))
        with self.beat("VAEs and GANs both learn a generator that maps a code to a sample in "
                       "one shot. Diffusion models take a third road."):
            self.play(FadeOut(VGroup(setup, rows[:2], rows[3], numpy_row)), run_time=1.2)


class DiffusionReverseProcess(NarratedScene):
    """Predict the noise, step back: the epsilon loss and one DDPM reverse step, with numbers."""

    def construct(self):
        # Step 1: knowing the noise is knowing the data.
        jump, inverse = self.get_jump()
        self.show_inversion(jump, inverse)
        # Step 2: the training loss, and one point at step 500.
        plane = self.get_plane()
        self.show_loss(jump, inverse, plane)
        # Step 3: one reverse step with numbers, and the step in code.
        self.show_step(plane)
        # Step 4: the whole film backwards, and what a perfect predictor does.
        self.show_film(plane)

    def get_jump(self):
        jump = MathTex(r"x_t", "=", r"\sqrt{\bar\alpha_t}", r"\, x_0", "+",
                       r"\sqrt{1 - \bar\alpha_t}", r"\,\varepsilon", font_size=BODY_SIZE)
        inverse = MathTex(r"x_0", "=", r"{x_t - \sqrt{1 - \bar\alpha_t}\,\varepsilon", r"\over",
                          r"\sqrt{\bar\alpha_t}}", font_size=BODY_SIZE)
        for part in (jump[0], jump[3], inverse[0]):
            part.set_color(DATA)
        jump[6].set_color(NOISE)
        jump.move_to([0, 2.6, 0])
        inverse.next_to(jump, DOWN, buff=0.5)
        return jump, inverse

    def show_inversion(self, jump, inverse):
        with self.beat("The forward film is fixed, with no parameters. To run it backwards, "
                       "turn the jump formula around."):
            self.play(FadeIn(jump, shift=0.3 * DOWN))
            self.play(Indicate(jump[6], color=NOISE))
        with self.beat("Solve it for x zero: if we knew the noise epsilon, we would know the "
                       "clean data. So the network is asked to predict the noise."):
            self.play(TransformMatchingTex(jump.copy(), inverse), run_time=2)
            self.play(Indicate(inverse[2], color=NOISE))

    def get_plane(self) -> VGroup:
        axes = get_axes((-3, 3, 1), (-3, 3, 1), 5.0, 5.0).move_to([-3.9, -1.1, 0])
        axes.set_stroke(opacity=0.35)
        data = VGroup(*(Dot(axes.c2p(*p), radius=0.035, color=DATA_DIM) for p in X0))
        return VGroup(axes, data)

    def show_loss(self, jump, inverse, plane):
        axes, data = plane
        loss = MathTex(r"L = \big\lVert\, \varepsilon - \varepsilon_\theta(x_t, t) \,\big\rVert^2",
                       font_size=BODY_SIZE).to_edge(UP, buff=EDGE_BUFF)
        loss_note = Tex(r"$x_0$ from the data, $t$ at random, $\varepsilon \sim \mathcal{N}(0, I)$",
                        font_size=LABEL_SIZE, color=MUTED).next_to(loss, DOWN, buff=0.25)
        with self.beat("Training draws a data point x zero, a step t and a noise epsilon, makes "
                       "x t with the jump formula, and minimises the squared error between "
                       "epsilon and the network's prediction, epsilon theta."):
            self.play(FadeOut(jump), FadeOut(inverse), run_time=0.6)
            self.play(Write(loss), run_time=2)
            self.play(FadeIn(loss_note))
        x0 = Dot(axes.c2p(*EX_X0), radius=0.09, color=DATA)
        xt = Dot(axes.c2p(*EX_XT), radius=0.09, color=NOISE)
        eps_arrow = Arrow(axes.c2p(0, 0), axes.c2p(*EX_EPS), buff=0, color=NOISE, stroke_width=5)
        pred_arrow = Arrow(axes.c2p(0, 0), axes.c2p(*EX_PRED), buff=0, color=ACCENT,
                           stroke_width=5)
        table = VGroup(
            MathTex(rf"t = {EX_STEP + 1},\ \ \bar\alpha_t = {format_number(ALPHA_BARS[EX_STEP], 3)}",
                    font_size=LABEL_SIZE),
            MathTex(rf"\varepsilon = ({EX_EPS[0]:.2f},\ {EX_EPS[1]:.2f})", font_size=LABEL_SIZE,
                    color=NOISE),
            MathTex(rf"x_t = ({EX_XT[0]:.2f},\ {EX_XT[1]:.2f})", font_size=LABEL_SIZE,
                    color=NOISE),
            MathTex(rf"\varepsilon_\theta = ({EX_PRED[0]:.2f},\ {EX_PRED[1]:.2f})",
                    font_size=LABEL_SIZE, color=ACCENT),
            MathTex(rf"L = {format_number(EX_LOSS, 4)}", font_size=LABEL_SIZE, color=ACCENT),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.25).move_to([2.6, -1.0, 0])
        with self.beat(f"Take this spiral point at step {EX_STEP + 1}, where alpha bar is "
                       f"below a tenth. Its noise epsilon carries it to x t, far from the "
                       f"spiral."):
            self.play(Create(axes), FadeIn(data), run_time=1)
            self.play(FadeIn(x0, scale=2), FadeIn(table[0]))
            self.play(GrowArrow(eps_arrow), FadeIn(table[1]))
            self.play(ReplacementTransform(x0.copy(), xt), FadeIn(table[2]))
        with self.beat("Our predictor is the best possible one for these two hundred and forty "
                       "points: the average noise, given x t. It cannot know the exact draw, "
                       f"only its average, so its loss here is {format_number(EX_LOSS, 2)}, "
                       "not zero."):
            self.play(GrowArrow(pred_arrow), FadeIn(table[3]))
            self.play(Indicate(eps_arrow), Indicate(pred_arrow))  # the draw, and its average
            self.play(FadeIn(table[4]), Indicate(loss, color=ACCENT))
        self.loss_group = VGroup(loss, loss_note, eps_arrow, pred_arrow, table[1], table[4])
        self.keep = VGroup(x0, xt, table[0], table[2], table[3])

    def show_step(self, plane):
        axes, data = plane
        loss_group, (x0, xt, t_row, xt_row, pred_row) = self.loss_group, self.keep
        step = MathTex(r"x_{t-1}", "=", r"\frac{1}{\sqrt{\alpha_t}}", r"\Big(x_t - ",
                       r"\frac{\beta_t}{\sqrt{1 - \bar\alpha_t}}", r"\,\varepsilon_\theta\Big)",
                       "+", r"\sigma_t z", font_size=BODY_SIZE).to_edge(UP, buff=EDGE_BUFF)
        step[0].set_color(DATA)
        step[5].set_color(ACCENT)
        step[7].set_color(NOISE)
        with self.beat("One reverse step removes a slice of the predicted noise, scales the "
                       "point back up by one over root alpha t, and adds a little fresh noise, "
                       "sigma t times z."):
            self.play(FadeOut(loss_group), run_time=0.6)
            self.play(Write(step), run_time=2.5)
        out = EX_STEP_OUT
        numbers = VGroup(
            MathTex(rf"\beta_t = {format_number(BETAS[EX_STEP], 4)},\ "
                    rf"\sigma_t = {format_number(out.std, 3)}", font_size=LABEL_SIZE),
            MathTex(rf"z = ({EX_Z[0]:.2f},\ {EX_Z[1]:.2f})", font_size=LABEL_SIZE, color=NOISE),
            MathTex(rf"x_{{t-1}} = ({out.sample[0]:.2f},\ {out.sample[1]:.2f})",
                    font_size=LABEL_SIZE, color=DATA),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.25).next_to(pred_row, DOWN, buff=0.25)
        numbers.align_to(pred_row, LEFT)
        moved = Dot(axes.c2p(*out.sample), radius=0.09, color=DATA)
        with self.beat(f"With beta t equal to {format_number(BETAS[EX_STEP], 4)}, one step "
                       f"moves the point only a little, as one of a thousand should."):
            self.play(FadeIn(numbers[0]), FadeIn(numbers[1]))
            self.play(ReplacementTransform(xt.copy(), moved), FadeIn(numbers[2]), run_time=1.5)
        rows = get_bridge(REVERSE_STEP, formula_colors={r"\varepsilon_\theta": ACCENT})
        rows.scale(0.9).move_to([0, -0.6, 0])
        with self.beat("In code, mathcore's reverse step and the same arithmetic in NumPy agree "
                       "to every digit shown."):
            self.play(FadeOut(VGroup(plane, x0, xt, moved, t_row, xt_row, pred_row, numbers,
                                     step)), run_time=0.8)
            self.play(FadeIn(rows, lag_ratio=0.2), run_time=2)
        self.bridge = rows

    def show_film(self, plane):
        axes, data = self.get_plane()
        axes.move_to([-1.5, -0.3, 0])
        data = VGroup(*(Dot(axes.c2p(*p), radius=0.035, color=TEXT) for p in X0))
        frame = ValueTracker(0.0)
        dots = VGroup(*(Dot(axes.c2p(*p), radius=0.045, color=DATA) for p in REVERSE_CLOUD[0]))
        dots.add_updater(lambda group: [dot.move_to(axes.c2p(*p)) for dot, p in
                                        zip(group, lookup(REVERSE_CLOUD, frame.get_value()))])
        step_of = lambda: int(round(float(np.interp(frame.get_value(),
                                                    np.arange(len(REVERSE_SHOWN)), REVERSE_SHOWN))))
        counter = always_redraw(lambda: MathTex(rf"t = {step_of()}", font_size=BODY_SIZE,
                                                color=ACCENT).next_to(axes, RIGHT, buff=0.6)
                                .shift(UP * 1.5))
        with self.beat("Now repeat that step a thousand times, from pure noise, for two hundred "
                       "and forty points."):
            self.play(FadeOut(self.bridge), run_time=0.8)
            self.play(Create(axes), FadeIn(dots), FadeIn(counter))
        with self.beat("The cloud contracts and gathers, and in the last few hundred steps the "
                       "two arms of the spiral reappear."):
            self.play(frame.animate.set_value(len(REVERSE_SHOWN) - 1), run_time=8,
                      rate_func=linear)
        note = Tex(r"a perfect predictor returns the training points", font_size=LABEL_SIZE,
                   color=MUTED).next_to(axes, DOWN, buff=0.2)
        with self.beat("A warning about perfection. Our predictor knows these points exactly, so "
                       "each sample lands on a training point. A real network only "
                       "approximates it, and that smoothing is what lets it make new points."):
            self.play(FadeIn(data, lag_ratio=0.01), FadeIn(note), run_time=1.5)
            self.play(Indicate(dots, color=ACCENT, scale_factor=1.05))
