"""Lesson 18: the mathematics of generative models.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed below, once, by ``mathcore.generative``
(and ``mathcore.information``) with fixed inputs and a fixed seed.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, UR, Axes, Circle, Create, CurvedArrow, DashedLine, DashedVMobject,
    DecimalNumber, Dot, FadeIn, FadeOut, Indicate, Line, MathTex, Rectangle, ShowPassingFlash,
    SurroundingRectangle, Tex, ValueTracker, VGroup, Write, always_redraw, linear,
)

from mathcore.generative import (
    cosine_schedule, ddpm_schedule, elbo_terms, gan_value, gaussian_kl, optimal_discriminator,
    q_sample,
)
from mathcore.information import js_divergence
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, ACCENT_3, BODY_SIZE, DATA, DIST_P, DIST_Q, EDGE_BUFF, FAINT, LABEL_SIZE, MUTED, NOISE,
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
        with self.beat("A variational autoencoder wants the probability of its data, log p of "
                       "x, but that needs an integral over every latent code z."):
            self.play(Write(formula[0]), run_time=1.5)
            self.wait(1)
        with self.beat("Instead it maximises a lower bound, the ELBO: the expected "
                       "reconstruction log likelihood, minus the KL divergence of the encoder "
                       "from the prior."):
            self.play(Write(formula[1:]), run_time=3)
            self.wait(1)

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
        with self.beat("A GAN is a game. The discriminator D scores points: near one for real "
                       "data, near zero for fakes. The generator G tries to fool it."):
            self.play(Write(formula[0]), run_time=2)
        with self.beat("D maximises the expected log of D on real data plus the expected log of "
                       "one minus D on generated data. G minimises the same value."):
            self.play(Write(formula[1:]), run_time=3)

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
        with self.beat("Diffusion models learn to undo noise. First we need the noise: a "
                       "forward process that, step by step, shrinks the data a little and "
                       "adds a little Gaussian noise."):
            self.play(Write(formula), run_time=3)
        with self.beat("The amount at step t is beta t, and it is fixed in advance by a "
                       "schedule."):
            self.play(formula[5].animate.set_color(ACCENT))
            self.wait(1)

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
        with self.beat("Here is a toy data set: two hundred and forty points on a two armed "
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
