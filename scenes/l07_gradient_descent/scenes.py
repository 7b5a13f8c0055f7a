"""Lesson 07 — Gradient descent theory (flagship).

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed once, here at the top, by ``mathcore``
(with a fixed seed); the scenes only draw and format them. Paths are drawn
by moving a ValueTracker along the precomputed iterates ``xs``.
"""

from __future__ import annotations

import numpy as np
import sympy
from manim import (
    DOWN, LEFT, RIGHT, UL, UP, UR, Axes, Circumscribe, Create, DashedLine, Dot, FadeIn, FadeOut, GrowArrow,
    Indicate, LaggedStart, ReplacementTransform, Tex, ValueTracker, VGroup,
    Write, always_redraw, linear,
)

from mathcore import calculus, optim
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, BODY_SIZE, CONTOUR_HIGH, CONTOUR_LOW, DATA, EDGE_BUFF, EIGEN, FAINT, GRADIENT,
    LABEL_SIZE, LEARNING_RATE, MATRIX, MUTED, OPTIMIZER_COLORS, SMALL_SIZE, TEXT,
)
from scenekit.widgets import (
    format_number, get_arrow, get_colored_tex, get_contour_lines, get_matrix, get_panel,
    get_path, get_plane, get_traced_path, get_tracked_number,
)

SEED = 7  # the only source of randomness in this lesson (the SGD data and mini-batches)
rng = np.random.default_rng(SEED)

# --------------------------------------------------------------------------- the bowl
# f(x) = 1/2 x^T A x, ten times steeper along y than along x.
A = np.diag([1.0, 10.0])  # (2, 2)
BOWL = optim.quadratic(A, np.zeros(2))  # f, its gradient and its curvature facts
L_MAX, MU = BOWL.L, BOWL.mu  # largest and smallest eigenvalue of A
CONDITION = optim.condition_number(A)  # kappa = L / mu
STEP_LIMIT = BOWL.max_stable_lr  # 2 / L: larger steps diverge
BEST_LR = BOWL.optimal_lr  # 2 / (L + mu): both directions shrink equally fast


def one_step_factor(direction: np.ndarray, lr: float) -> float:
    """How much one gradient-descent step scales a point on an eigen-direction."""
    run = optim.gradient_descent(BOWL.grad, direction, lr=lr, n_steps=1)
    return float(run.xs[1] @ direction / (direction @ direction))


X0 = np.array([-6.0, 1.0])
X0_LEVEL = float(BOWL.f(X0))  # the contour line through the start, which the gradient crosses

LR_MAIN = 0.16  # scene 1: a good step, just below the limit
N_MAIN = 30
GD_MAIN = optim.gradient_descent(BOWL.grad, X0, lr=LR_MAIN, n_steps=N_MAIN, loss=BOWL.f)
N_SLOW_STEPS = 3  # steps shown one at a time

# scene 2: too small, good, too large
LR_RUNS = {"small": 0.02, "good": LR_MAIN, "large": 0.22}
N_RUNS = {"small": 30, "good": 30, "large": 6}  # the diverging run leaves the map after 6 steps
RUNS = {
    name: optim.gradient_descent(BOWL.grad, X0, lr=lr, n_steps=N_RUNS[name], loss=BOWL.f)
    for name, lr in LR_RUNS.items()
}
LR_GRID = np.linspace(0.0025, 0.25, 100)  # the eta axis of the contraction plot
STEEP, SHALLOW = np.array([0.0, 1.0]), np.array([1.0, 0.0])  # eigenvectors of L and mu
FACTORS = {  # |1 - eta lambda|, measured by running one step of gradient descent
    "steep": np.array([abs(one_step_factor(STEEP, lr)) for lr in LR_GRID]),
    "shallow": np.array([abs(one_step_factor(SHALLOW, lr)) for lr in LR_GRID]),
}
BEST_RATE = abs(one_step_factor(STEEP, BEST_LR))  # = (kappa - 1) / (kappa + 1)

# Contour grid for the bowl (drawn by scenes 1 and 2).
BOWL_XS = np.linspace(-7.0, 7.0, 141)
BOWL_YS = np.linspace(-2.6, 2.6, 53)
BOWL_Z = BOWL.f(np.stack(np.meshgrid(BOWL_XS, BOWL_YS), axis=-1))  # (len(ys), len(xs))
BOWL_LEVELS = [0.3, 1, 2.5, 5, 9, 15, 23, 33]

# --------------------------------------------------------------------------- SGD
# Least squares: fit y = w1 x + w0 to noisy points. The mean squared error is
# a quadratic in w = (w1, w0); SGD estimates its gradient from 4 points a step.
N_POINTS = 40
DATA_X = rng.uniform(0.0, 3.0, size=N_POINTS)  # (n,)
TRUE_W = np.array([0.8, 0.5])
DATA_Y = TRUE_W[0] * DATA_X + TRUE_W[1] + rng.normal(0.0, 0.35, size=N_POINTS)  # (n,)
DESIGN = np.column_stack([DATA_X, np.ones(N_POINTS)])  # (n, 2) rows [x_i, 1]
SAMPLES = np.column_stack([DESIGN, DATA_Y])  # (n, 3) rows [x_i, 1, y_i]: what SGD shuffles
# f(w) = 1/(2n) ||X w - y||^2 = 1/2 w^T (X^T X / n) w - (X^T y / n)^T w + y^T y / (2n)
MSE = optim.quadratic(DESIGN.T @ DESIGN / N_POINTS, DESIGN.T @ DATA_Y / N_POINTS,
                      DATA_Y @ DATA_Y / (2 * N_POINTS))
W_STAR = MSE.minimizer  # (2,) the least-squares line


def batch_loss(w, batch) -> float:
    """Mean squared error over a mini-batch of rows [x_i, 1, y_i]."""
    residual = batch[:, :2] @ w - batch[:, 2]  # (|B|,)
    return 0.5 * float(residual @ residual) / len(batch)


def batch_grad(w, batch) -> np.ndarray:
    return calculus.gradient(lambda v: batch_loss(v, batch), w)  # central differences


W0 = np.array([-0.6, 2.6])
LR_SGD = 0.2
BATCH = 4
N_EPOCHS = 6
SGD = optim.sgd(batch_grad, W0, SAMPLES, lr=LR_SGD, batch_size=BATCH, n_epochs=N_EPOCHS,
                rng=rng, loss=MSE.f)
N_SGD = len(SGD.xs) - 1  # N_EPOCHS * N_POINTS / BATCH steps
# a mini-batch to point at while the words say what one is (its own generator: SGD's draws stay put)
SHOWN_BATCH = np.random.default_rng(SEED + 1).choice(N_POINTS, size=BATCH, replace=False)
N_JITTER = 2 * N_POINTS // BATCH  # the last two epochs' steps: the jitter near the bottom
FULL_GD = optim.gradient_descent(MSE.grad, W0, lr=LR_SGD, n_steps=N_SGD, loss=MSE.f)
W_XS = np.linspace(-1.0, 2.4, 69)
W_YS = np.linspace(-1.4, 3.0, 89)
W_Z = MSE.f(np.stack(np.meshgrid(W_XS, W_YS), axis=-1))  # (len(ys), len(xs))
W_LEVELS = MSE.f(W_STAR) + np.array([0.02, 0.08, 0.2, 0.4, 0.7, 1.1, 1.6, 2.2])


# --------------------------------------------------------------------------- the valley
# A Rosenbrock-like curved valley, minimum at (1, 1); its gradient is derived
# symbolically (exact, so the sensitive RMSProp path is reproducible).
_X, _Y = sympy.symbols("x y")
VALLEY_EXPR = (1 - _X) ** 2 + 10 * (_Y - _X ** 2) ** 2
_valley = sympy.lambdify((_X, _Y), VALLEY_EXPR, "numpy")
_valley_grad = sympy.lambdify((_X, _Y), calculus.symbolic_gradient(VALLEY_EXPR, [_X, _Y]), "numpy")


def valley(p) -> float:
    """f(x, y) = (1 - x)^2 + 10 (y - x^2)^2 at a point p = (x, y)."""
    return float(_valley(*p))


def valley_grad(p) -> np.ndarray:
    return np.asarray(_valley_grad(*p), dtype=float).ravel()  # (2,)


VALLEY_X0 = np.array([-1.5, 2.0])
VALLEY_MIN = np.array([1.0, 1.0])
N_RACE = 200
RACE_SETTINGS = {  # each optimizer with the step size that suits it
    "gd": {"lr": 0.01},
    "momentum": {"lr": 0.002, "beta": 0.9},
    "rmsprop": {"lr": 0.02},
    "adam": {"lr": 0.1, "betas": (0.9, 0.999)},
}
RACE_FUNCTIONS = {"gd": optim.gradient_descent, "momentum": optim.momentum,
                  "rmsprop": optim.rmsprop, "adam": optim.adam}
RACE = {name: RACE_FUNCTIONS[name](valley_grad, VALLEY_X0, n_steps=N_RACE, loss=valley, **kw)
        for name, kw in RACE_SETTINGS.items()}
VALLEY_XS = np.linspace(-2.0, 2.0, 121)
VALLEY_YS = np.linspace(-0.8, 3.0, 115)
VALLEY_Z = _valley(*np.meshgrid(VALLEY_XS, VALLEY_YS))  # (len(ys), len(xs))
VALLEY_LEVELS = [0.05, 0.25, 0.75, 1.5, 3, 5.5, 9, 14, 21]

# --------------------------------------------------------------------------- colours in formulas
GD_COLOR = OPTIMIZER_COLORS["gd"]
TEX_MAP = {
    r"\eta": LEARNING_RATE,
    r"\nabla f": GRADIENT,
    r"\mathbf{x}": GD_COLOR,
    r"\lambda": EIGEN,
    r"\kappa": EIGEN,
    "L": EIGEN,
    r"\mu": EIGEN,
    "A": MATRIX,
}


def loss_tex(x: float) -> str:
    """A loss for a label: two decimals, or a power of ten once it is tiny."""
    if abs(x) >= 0.01:
        return format_number(x, 2)
    exponent = int(np.floor(np.log10(abs(x))))
    return rf"{x / 10 ** exponent:.1f} \times 10^{{{exponent}}}"


def get_bowl_map(unit: float = 0.9, center=(0.0, -1.3)):
    """The faint plane and the contour lines of the bowl f(x) = 1/2 x^T A x."""
    plane = get_plane(x_range=(-7, 7, 1), y_range=(-2.6, 2.6, 1), unit=unit, center=(*center, 0))
    plane.set_stroke(color=FAINT, opacity=0.35, width=1)
    contours = get_contour_lines(plane, BOWL_XS, BOWL_YS, BOWL_Z, BOWL_LEVELS,
                                 colors=(CONTOUR_LOW, CONTOUR_HIGH))
    minimum = Dot(plane.c2p(0, 0), radius=0.05, color=TEXT)
    return plane, contours, minimum


# =========================================================================== scene 1

class GradientDescentOnQuadratic(NarratedScene):
    """Gradient descent on an elongated quadratic bowl: the update rule, step by step."""

    def construct(self):
        # Step 1: the loss surface, seen from above as contour lines.
        self.show_contour_map()
        # Step 2: the quadratic that made it.
        self.show_loss_formula()
        # Step 3: the starting point and the gradient there.
        self.show_start_and_gradient()
        # Step 4: the update rule, with the step size eta.
        self.show_update_rule()
        # Step 5: the first steps, one at a time.
        self.show_first_steps()
        # Step 6: the remaining steps, and the loss falling.
        self.show_remaining_steps()
        # Step 7: the zigzag that the next scene explains.
        self.show_zigzag()

    # ------------------------------------------------------------------ steps
    def show_contour_map(self):
        self.plane, self.contours, self.minimum = get_bowl_map()
        self.add(self.plane)
        with self.beat("Here is a loss surface, seen from above. Each ellipse is a contour line: "
                       "every point on it has the same loss."):
            self.play(LaggedStart(*(Create(c) for c in self.contours), lag_ratio=0.08),
                      run_time=3)
        with self.beat("The lowest point, the one we want to find, sits in the middle."):
            self.play(FadeIn(self.minimum, scale=2))
            self.play(Indicate(self.minimum, color=ACCENT))

    def show_loss_formula(self):
        formula = get_colored_tex(r"f(\mathbf{x}) = \tfrac{1}{2}\, \mathbf{x}^\top A \, \mathbf{x}",
                                  TEX_MAP)
        matrix = VGroup(get_colored_tex("A =", TEX_MAP),
                        get_matrix(A, column_colors=None)).arrange(RIGHT, buff=0.15)
        matrix[1].set_color(MATRIX)
        self.loss_formula = VGroup(formula, matrix).arrange(RIGHT, buff=0.6)
        self.loss_formula.to_corner(UL, buff=EDGE_BUFF)
        with self.beat("The loss is a quadratic: one half x transpose A x. "
                       f"The matrix A makes the bowl {format_number(CONDITION)} times steeper "
                       "along y than along x, so the contours are long and thin."):
            self.play(Write(formula))
            self.play(FadeIn(matrix, shift=0.2 * LEFT))
            self.wait(1.5)

    def show_start_and_gradient(self):
        plane = self.plane
        self.x_dot = Dot(plane.c2p(*X0), radius=0.08, color=GD_COLOR)
        label = get_colored_tex(r"\mathbf{x}_0", TEX_MAP,
                                font_size=LABEL_SIZE).next_to(self.x_dot, UP, buff=0.12)
        with self.beat("We start from a guess, x zero."):
            self.play(FadeIn(self.x_dot, scale=2), Write(label))
        grad = BOWL.grad(X0)
        direction = grad / np.linalg.norm(grad)
        start = plane.c2p(*X0)
        self.grad_arrow = get_arrow(start, plane.c2p(*(X0 + 1.4 * direction)), GRADIENT,
                                    stroke_width=5)
        grad_label = get_colored_tex(r"\nabla f", TEX_MAP, font_size=LABEL_SIZE)
        grad_label.next_to(self.grad_arrow.get_end(), RIGHT, buff=0.1)
        # the start's own contour line, traced, so the crossing is seen
        level_line = get_contour_lines(plane, BOWL_XS, BOWL_YS, BOWL_Z, [X0_LEVEL],
                                       colors=(ACCENT, ACCENT), stroke_width=5)
        with self.beat("The gradient at that point is the direction of steepest ascent. "
                       "It cuts straight across the contour lines, uphill."):
            self.play(GrowArrow(self.grad_arrow), FadeIn(grad_label))
            self.play(Create(level_line), run_time=1.5)
            self.play(Indicate(self.grad_arrow, color=GRADIENT), FadeOut(level_line))
        step_arrow = get_arrow(start, plane.c2p(*GD_MAIN.xs[1]), GD_COLOR, stroke_width=5)
        with self.beat("To go down, gradient descent steps the other way, "
                       "by a small multiple of it."):
            self.play(ReplacementTransform(self.grad_arrow, step_arrow), FadeOut(grad_label),
                      FadeOut(label))
        self.step_arrow = step_arrow

    def show_update_rule(self):
        rule = get_colored_tex(r"\mathbf{x}_{k+1} = \mathbf{x}_k - \eta \, \nabla f(\mathbf{x}_k)",
                               TEX_MAP)
        eta = get_colored_tex(rf"\eta = {format_number(LR_MAIN)}", TEX_MAP, font_size=LABEL_SIZE)
        self.rule = VGroup(rule, eta).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        self.rule.next_to(self.loss_formula, DOWN, buff=0.3, aligned_edge=LEFT)
        with self.beat("That is the whole algorithm: the next point is the current point, "
                       "minus eta times the gradient there."):
            self.play(Write(rule))
        with self.beat(f"Eta is the step size, also called the learning rate. "
                       f"Here it is {format_number(LR_MAIN)}."):
            self.play(FadeIn(eta, shift=0.1 * DOWN))
            self.play(Indicate(rule[rule.index_of_part_by_tex(r"\eta")] if False else eta,
                               color=LEARNING_RATE))

    def get_counter(self, tracker: ValueTracker) -> VGroup:
        """``k = ..`` and ``f(x_k) = ..``, reading the precomputed losses."""
        losses = GD_MAIN.losses
        k_label = get_colored_tex("k =", TEX_MAP, font_size=LABEL_SIZE)
        k_value = get_tracked_number(tracker, decimals=0, font_size=LABEL_SIZE,
                                     value=lambda t: np.floor(t + 1e-6))
        f_label = get_colored_tex(r"f(\mathbf{x}_k) =", TEX_MAP, font_size=LABEL_SIZE)
        f_value = get_tracked_number(tracker, decimals=3, font_size=LABEL_SIZE,
                                     value=lambda t: losses[int(np.floor(t + 1e-6))])
        k_row = VGroup(k_label, k_value).arrange(RIGHT, buff=0.12)
        f_row = VGroup(f_label, f_value).arrange(RIGHT, buff=0.12)
        k_value.add_updater(lambda m: m.next_to(k_label, RIGHT, buff=0.12))
        f_value.add_updater(lambda m: m.next_to(f_label, RIGHT, buff=0.12))
        counter = VGroup(k_row, f_row).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        return counter.to_corner(UR, buff=EDGE_BUFF).shift(0.6 * LEFT)

    def show_first_steps(self):
        plane = self.plane
        self.k = ValueTracker(0)
        self.counter = self.get_counter(self.k)
        with self.beat("Let's count the steps, and watch the loss."):
            self.play(FadeIn(self.counter))
        self.path = get_traced_path(plane, GD_MAIN.xs, self.k, GD_COLOR)
        self.remove(self.x_dot)
        self.add(self.path)
        arrows = VGroup(self.step_arrow)
        for k in range(N_SLOW_STEPS):
            text = ("First step." if k == 0 else
                    "Compute the gradient at the new point, and step again." if k == 1 else
                    "And again.")
            with self.beat(text):
                if k > 0:
                    arrow = get_arrow(plane.c2p(*GD_MAIN.xs[k]), plane.c2p(*GD_MAIN.xs[k + 1]),
                                      GD_COLOR, stroke_width=5)
                    self.play(GrowArrow(arrow), run_time=0.8)
                    arrows.add(arrow)
                self.play(self.k.animate.set_value(k + 1), run_time=1.2)
                self.wait(0.4)
        self.play(FadeOut(arrows), run_time=0.5)

    def show_remaining_steps(self):
        with self.beat(f"Then it just keeps going. After {N_MAIN} steps the loss has fallen "
                       f"from {format_number(GD_MAIN.losses[0])} to "
                       f"{format_number(GD_MAIN.losses[-1], 3)}."):
            self.play(self.k.animate.set_value(N_MAIN), run_time=6, rate_func=linear)
            self.wait(1)

    def show_zigzag(self):
        plane = self.plane
        first = get_path(plane, GD_MAIN.xs[: 8], GD_COLOR, stroke_width=5, dots=False)
        overshoots = get_panel(Tex("steep: overshoots", font_size=LABEL_SIZE, color=TEXT),
                               buff=0.1)
        overshoots.next_to(plane.c2p(*GD_MAIN.xs[1]), DOWN, buff=0.2)
        creeps = get_panel(Tex("shallow: creeps", font_size=LABEL_SIZE, color=TEXT), buff=0.1)
        creeps.next_to(plane.c2p(*GD_MAIN.xs[6]), UP, buff=0.45)
        with self.beat("But look at the path. Along the steep direction every step overshoots, "
                       "and the point zigzags across the valley."):
            self.play(Create(first), run_time=2)
            self.play(FadeIn(overshoots, shift=0.1 * UP))
        with self.beat("Along the shallow direction, meanwhile, it only creeps."):
            self.play(FadeIn(creeps, shift=0.1 * DOWN))
            self.wait(1)
        with self.beat("Why that happens, and how large a step can be, is the subject of the "
                       "next scene."):
            self.play(FadeOut(first), FadeOut(overshoots), FadeOut(creeps))
            self.wait(1)


# =========================================================================== scene 2

class StepSizeAndConditioning(NarratedScene):
    """Each eigen-direction shrinks by |1 - eta lambda| per step: kappa and the limit 2/L."""

    def construct(self):
        # Step 1: along each eigenvector a step multiplies the coordinate by 1 - eta lambda.
        self.show_factor_formula()
        # Step 2: plot both factors against eta; stable where both stay below 1.
        self.show_factor_plot()
        # Step 3: move eta along its axis: the best step and the limit 2 / L.
        self.show_eta_sweep()
        # Step 4: the condition number.
        self.show_condition_number()
        # Step 5: three step sizes on the bowl: crawl, converge, diverge.
        self.clear_plot()
        self.show_three_runs()

    # ------------------------------------------------------------------ steps
    def show_factor_formula(self):
        title = Tex("One step, along each eigenvector of $A$", font_size=BODY_SIZE, color=TEXT)
        title[0][-1].set_color(MATRIX)
        title.to_corner(UL, buff=EDGE_BUFF)
        formula = get_colored_tex(r"\nabla f(\mathbf{x}) = A\mathbf{x} \quad\Rightarrow\quad "
                                  r"x_i \;\leftarrow\; (1 - \eta\,\lambda_i)\, x_i", TEX_MAP)
        formula.next_to(title, DOWN, buff=0.35, aligned_edge=LEFT)
        eig = VGroup(*(
            VGroup(get_colored_tex(rf"\lambda_{i} = {name} = {format_number(value)}", TEX_MAP,
                                   font_size=LABEL_SIZE),
                   Tex(f"({word})", font_size=SMALL_SIZE, color=MUTED)).arrange(RIGHT, buff=0.2)
            for i, name, value, word in ((1, "L", L_MAX, "steep"), (2, r"\mu", MU, "shallow"))
        )).arrange(RIGHT, buff=0.8)
        eig.next_to(formula, DOWN, buff=0.3, aligned_edge=LEFT)
        with self.beat("Why the zigzag? For this bowl the gradient is A times x. "
                       "Write x in the eigenvectors of A, and one gradient step simply "
                       "multiplies each coordinate by one minus eta times its eigenvalue."):
            self.play(Write(title))
            self.play(Write(formula), run_time=2)
        with self.beat(f"Our A has a large eigenvalue L equal to {format_number(L_MAX)}, "
                       f"the steep direction, and a small one, mu equal to {format_number(MU)}, "
                       "the shallow direction."):
            self.play(Indicate(formula.get_part_by_tex(r"\lambda"), color=EIGEN))
            self.play(FadeIn(eig[0], shift=0.1 * DOWN))
            self.play(Indicate(eig[0], color=EIGEN))
            self.play(FadeIn(eig[1], shift=0.1 * DOWN))
            self.play(Indicate(eig[1], color=EIGEN))
        self.header = VGroup(title, formula, eig)

    def show_factor_plot(self):
        axes = Axes(x_range=(0, 0.25, 0.05), y_range=(0, 1.6, 0.5), x_length=8.5, y_length=3.6,
                    axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
                    x_axis_config={"numbers_to_include": [0.05, 0.1, 0.15, 0.2, 0.25],
                                   "decimal_number_config": {"num_decimal_places": 2}},
                    y_axis_config={"numbers_to_include": [0.5, 1, 1.5],
                                   "decimal_number_config": {"num_decimal_places": 1}})
        axes.to_edge(DOWN, buff=0.7).shift(0.6 * LEFT)
        x_label = get_colored_tex(r"\eta", TEX_MAP,
                                  font_size=LABEL_SIZE).next_to(axes.x_axis, RIGHT, buff=0.2)
        y_label = get_colored_tex(r"|1 - \eta\,\lambda|", TEX_MAP, font_size=LABEL_SIZE)
        y_label.next_to(axes.y_axis, UP, buff=0.15)
        one = DashedLine(axes.c2p(0, 1), axes.c2p(0.25, 1), color=MUTED, stroke_width=2)
        steep = axes.plot_line_graph(LR_GRID, FACTORS["steep"], line_color=EIGEN,
                                     add_vertex_dots=False, stroke_width=4)
        shallow = axes.plot_line_graph(LR_GRID, FACTORS["shallow"], line_color=EIGEN,
                                       add_vertex_dots=False, stroke_width=4)
        shallow.set_stroke(opacity=0.55)
        steep_label = get_colored_tex(r"\lambda = L", TEX_MAP, font_size=LABEL_SIZE).next_to(
            axes.c2p(0.14, float(np.interp(0.14, LR_GRID, FACTORS["steep"]))), RIGHT, buff=0.25)
        shallow_label = get_colored_tex(r"\lambda = \mu", TEX_MAP, font_size=LABEL_SIZE).next_to(
            axes.c2p(0.035, 1.0), UP, buff=0.15)
        with self.beat("Plot the size of that factor against the step size. "
                       "Below the dashed line at one, a direction shrinks every step; "
                       "above it, it grows."):
            self.play(Create(axes), Write(x_label), Write(y_label))
            self.play(Create(one))
        with self.beat("The shallow direction, in faint yellow, shrinks only a little for any "
                       "small step. The steep direction forms a V: it shrinks fast, then "
                       "overshoots, and past a point it grows."):
            self.play(Create(shallow), FadeIn(shallow_label))
            self.play(Create(steep), FadeIn(steep_label), run_time=2)
        self.plot = VGroup(axes, x_label, y_label, one, steep, shallow, steep_label,
                           shallow_label)
        self.axes = axes
        self.curves = {"steep": steep, "shallow": shallow, "shallow_label": shallow_label}

    def show_eta_sweep(self):
        axes = self.axes
        eta = ValueTracker(0.02)

        def factor(name, value):
            return float(np.interp(value, LR_GRID, FACTORS[name]))

        dots = VGroup(*(
            always_redraw(lambda n=name: Dot(axes.c2p(eta.get_value(),
                                                      factor(n, eta.get_value())),
                                             color=EIGEN, radius=0.07))
            for name in ("steep", "shallow")
        ))
        marker = always_redraw(lambda: DashedLine(axes.c2p(eta.get_value(), 0),
                                                  axes.c2p(eta.get_value(), 1.6),
                                                  color=LEARNING_RATE, stroke_width=2))
        with self.beat("Slide the step size to the right. Both directions speed up, until the "
                       "steep one starts to overshoot."):
            self.play(FadeIn(marker), FadeIn(dots))
            self.play(eta.animate.set_value(BEST_LR), run_time=3)
        best = get_colored_tex(r"\eta^\star = \tfrac{2}{L + \mu} \approx "
                               rf"{format_number(BEST_LR, 3)}", TEX_MAP,
                               font_size=SMALL_SIZE)
        best_panel = get_panel(best, buff=0.1).next_to(axes.c2p(BEST_LR, 1.6), LEFT, buff=0.1)
        with self.beat(f"The best step makes both factors equal, about "
                       f"{format_number(BEST_RATE)} each, at eta equals two over L plus mu."):
            self.play(FadeIn(best_panel))
            self.wait(1)
        limit_line = DashedLine(axes.c2p(STEP_LIMIT, 0), axes.c2p(STEP_LIMIT, 1.6),
                                color=ACCENT, stroke_width=3)
        limit = get_colored_tex(rf"\tfrac{{2}}{{L}} = {format_number(STEP_LIMIT)}", TEX_MAP,
                                font_size=SMALL_SIZE)
        limit_panel = get_panel(limit, buff=0.1).next_to(axes.c2p(STEP_LIMIT, 1.6), RIGHT,
                                                          buff=0.1)
        with self.beat(f"Keep going, and at eta equals two over L, that is "
                       f"{format_number(STEP_LIMIT)}, the steep factor reaches one. "
                       "Beyond it, gradient descent diverges."):
            self.play(eta.animate.set_value(0.24), run_time=2.5)
            self.play(Create(limit_line), FadeIn(limit_panel))
            self.wait(1)
        self.plot.add(dots, marker, best_panel, limit_line, limit_panel)
        self.eta, self.best_panel = eta, best_panel
        self.limit_line, self.limit_panel = limit_line, limit_panel

    def show_condition_number(self):
        kappa = get_colored_tex(rf"\kappa = \frac{{L}}{{\mu}} = {format_number(CONDITION)}",
                                TEX_MAP, font_size=LABEL_SIZE)
        rate = get_colored_tex(rf"\text{{rate}} = \frac{{\kappa - 1}}{{\kappa + 1}} \approx "
                               rf"{format_number(BEST_RATE)}", TEX_MAP, font_size=LABEL_SIZE)
        formulas = VGroup(kappa, rate).arrange(RIGHT, buff=0.6)
        formulas.next_to(self.header[1], RIGHT, buff=0.8).align_to(self.header[2], DOWN)
        formulas.to_edge(RIGHT, buff=EDGE_BUFF)
        with self.beat(f"So the step is capped by the steepest direction, while progress is "
                       f"limited by the shallowest. Their ratio, L over mu, is the condition "
                       f"number kappa, here {format_number(CONDITION)}. Even the best step only "
                       f"shrinks the error by a factor kappa minus one over kappa plus one "
                       f"per step."):
            # one motion per clause: the cap, the shallow curve, kappa, the best rate
            self.play(Circumscribe(VGroup(self.limit_line, self.limit_panel), color=ACCENT),
                      Indicate(self.curves["steep"], color=ACCENT, scale_factor=1.05))
            self.play(Indicate(self.curves["shallow"], color=ACCENT, scale_factor=1.05),
                      Indicate(self.curves["shallow_label"], color=ACCENT))
            self.play(Write(kappa), run_time=1.5)
            self.play(Write(rate), run_time=1.5)
            self.play(self.eta.animate.set_value(BEST_LR), Indicate(self.best_panel,
                                                                        color=EIGEN))
        self.header.add(formulas)

    def clear_plot(self):
        with self.beat("Now let's see three step sizes on the bowl itself."):
            self.play(FadeOut(self.plot), FadeOut(self.header))

    def get_run_legend(self) -> VGroup:
        rows = VGroup()
        for name in ("small", "good", "large"):
            lr = LR_RUNS[name]
            rows.add(get_colored_tex(rf"\eta = {format_number(lr)}", {r"\eta": RUN_COLORS[name]},
                                     font_size=LABEL_SIZE))
        rows.arrange(RIGHT, buff=1.2).to_edge(UP, buff=EDGE_BUFF)
        for row, name in zip(rows, ("small", "good", "large")):
            row.set_color(RUN_COLORS[name])
        return rows

    def show_three_runs(self):
        plane, contours, minimum = get_bowl_map(center=(0.0, -0.75))
        self.play(FadeIn(plane), FadeIn(contours), FadeIn(minimum))
        legend = self.get_run_legend()
        limit = get_colored_tex(rf"\tfrac{{2}}{{L}} = {format_number(STEP_LIMIT)}", TEX_MAP,
                                font_size=LABEL_SIZE)
        limit.next_to(legend, DOWN, buff=0.3)
        trackers = {name: ValueTracker(0) for name in RUNS}
        paths = {name: get_traced_path(plane, RUNS[name].xs, trackers[name], RUN_COLORS[name])
                 for name in RUNS}
        finals = {}
        for index, name in enumerate(("small", "good", "large")):
            run = RUNS[name]
            final = get_colored_tex(rf"f = {loss_tex(run.losses[-1])}", TEX_MAP, font_size=SMALL_SIZE)
            final.set_color(RUN_COLORS[name]).next_to(legend[index], DOWN, buff=0.2)
            finals[name] = final
        texts = {
            "small": (f"A tiny step, {format_number(LR_RUNS['small'])}: safe, but after "
                      f"{N_RUNS['small']} steps it has barely left the start. The loss is still "
                      f"{format_number(RUNS['small'].losses[-1])}."),
            "good": (f"The step from before, {format_number(LR_RUNS['good'])}, just under the limit: "
                     "it zigzags, but it arrives."),
            "large": (f"And {format_number(LR_RUNS['large'])}, just over two over L. Every step "
                      "overshoots the valley by more than the last; in "
                      f"{N_RUNS['large']} steps the loss has doubled, to "
                      f"{format_number(RUNS['large'].losses[-1], 1)}, and it keeps growing."),
        }
        for index, name in enumerate(("small", "good", "large")):
            with self.beat(texts[name]):
                self.play(FadeIn(legend[index]))
                self.add(paths[name])
                self.play(trackers[name].animate.set_value(N_RUNS[name]),
                          run_time=4 if name != "large" else 3.5, rate_func=linear)
                self.play(FadeIn(finals[name], shift=0.1 * DOWN))
        with self.beat("The step size has to respect the steepest direction, and the condition "
                       "number says how much that slows down everything else."):
            self.play(Indicate(legend[1], color=RUN_COLORS["good"]))
            self.wait(2)


RUN_COLORS = {"small": LEARNING_RATE, "good": GD_COLOR, "large": OPTIMIZER_COLORS["sgd"]}


# =========================================================================== scene 3

class StochasticGradientDescent(NarratedScene):
    """Mini-batch gradients: noisy, cheap, and on average right."""

    def construct(self):
        # Step 1: the data and a line through it; the weights of the line.
        self.show_data_and_weights()
        # Step 2: the loss over weight space.
        self.show_weight_space()
        # Step 3: full-batch gradient descent, smooth.
        self.show_full_batch()
        # Step 4: stochastic gradient descent on mini-batches, noisy.
        self.show_mini_batches()
        # Step 5: what the noise buys and costs.
        self.show_summary()

    def show_data_and_weights(self):
        axes = Axes(x_range=(0, 3.2, 1), y_range=(-1, 4, 1), x_length=5.2, y_length=4.0,
                    axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
                    x_axis_config={"numbers_to_include": [1, 2, 3]},
                    y_axis_config={"numbers_to_include": [0, 2, 4]})
        axes.to_corner(UL, buff=EDGE_BUFF).shift(0.4 * DOWN + 0.3 * RIGHT)
        dots = VGroup(*(Dot(axes.c2p(x, y), radius=0.05, color=DATA)
                        for x, y in zip(DATA_X, DATA_Y)))
        with self.beat(f"Here are {N_POINTS} noisy points, and we want the straight line "
                       "through them that has the smallest mean squared error."):
            self.play(Create(axes))
            self.play(LaggedStart(*(FadeIn(d, scale=2) for d in dots), lag_ratio=0.03),
                      run_time=2)
        self.axes, self.dots = axes, dots
        model = get_colored_tex(r"\hat y = w_1 x + w_0", TEX_MAP, font_size=LABEL_SIZE)
        loss = get_colored_tex(r"f(\mathbf{w}) = \frac{1}{2n}\sum_{i=1}^{n} (\hat y_i - y_i)^2",
                               {r"\mathbf{w}": GD_COLOR}, font_size=LABEL_SIZE)
        VGroup(model, loss).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        VGroup(model, loss).next_to(axes, DOWN, buff=0.3).align_to(axes, LEFT)
        self.formulas = VGroup(model, loss)
        with self.beat("A line has two weights, a slope w one and an intercept w zero. The "
                       "loss f of w averages the squared misses over all the points."):
            self.play(Write(model))
            self.play(Write(loss))

    def show_weight_space(self):
        plane = get_plane(x_range=(-1.0, 2.4, 1), y_range=(-1.4, 3.0, 1), unit=1.3)
        plane.move_to((3.6, -0.6, 0))
        plane.set_stroke(color=FAINT, opacity=0.35, width=1)
        contours = get_contour_lines(plane, W_XS, W_YS, W_Z, W_LEVELS,
                                     colors=(CONTOUR_LOW, CONTOUR_HIGH))
        w1 = get_colored_tex("w_1", TEX_MAP, font_size=LABEL_SIZE)
        w1.next_to(plane.c2p(2.4, -1.4), UP + LEFT, buff=0.1)
        w0 = get_colored_tex("w_0", TEX_MAP, font_size=LABEL_SIZE)
        w0.next_to(plane.c2p(-1.0, 3.0), DOWN + RIGHT, buff=0.1)
        best = Dot(plane.c2p(*W_STAR), radius=0.06, color=TEXT)
        with self.beat("Every point of this plane is one choice of the two weights. Over it, "
                       "the loss is a tilted bowl, with the best line at its bottom."):
            self.play(FadeIn(plane), LaggedStart(*(Create(c) for c in contours), lag_ratio=0.1),
                      run_time=2.5)
            self.play(FadeIn(w1), FadeIn(w0), FadeIn(best, scale=2))
        self.plane = plane

    def get_fit_line(self, tracker: ValueTracker, xs: np.ndarray, color):
        """The data-space line for the weights at step ``tracker`` (a lookup in ``xs``)."""
        axes = self.axes

        def line():
            k = int(np.clip(round(tracker.get_value()), 0, len(xs) - 1))
            w1, w0 = xs[k]
            x_lo, x_hi = 0.0, 3.2
            y_lo, y_hi = w1 * x_lo + w0, w1 * x_hi + w0
            # clip to the axes' y range so the line never leaves its panel
            if not -1 <= y_lo <= 4 or not -1 <= y_hi <= 4:
                y_lo, y_hi = np.clip([y_lo, y_hi], -1, 4)
                x_lo, x_hi = (y_lo - w0) / w1, (y_hi - w0) / w1
                x_lo, x_hi = np.clip(sorted([x_lo, x_hi]), 0, 3.2)
                y_lo, y_hi = w1 * x_lo + w0, w1 * x_hi + w0
            return DashedLine(axes.c2p(x_lo, y_lo), axes.c2p(x_hi, y_hi), color=color,
                              stroke_width=3)
        return always_redraw(line)

    def get_legend_row(self, text: str, tracker: ValueTracker, run, color) -> VGroup:
        """``text   f = ..`` with the loss of ``run`` at step ``tracker`` (a lookup)."""
        name = Tex(text, font_size=LABEL_SIZE, color=color)
        f_label = get_colored_tex(r"f =", {}, font_size=LABEL_SIZE)
        f_value = get_tracked_number(tracker, decimals=3, font_size=LABEL_SIZE, color=color,
                                     value=lambda t: run.losses[int(round(t))])
        row = VGroup(name, f_label, f_value).arrange(RIGHT, buff=0.25)
        f_value.add_updater(lambda m: m.next_to(f_label, RIGHT, buff=0.15))
        return row

    def show_full_batch(self):
        self.k_full = ValueTracker(0)
        path = get_traced_path(self.plane, FULL_GD.xs, self.k_full, GD_COLOR)
        fit = self.get_fit_line(self.k_full, FULL_GD.xs, GD_COLOR)
        legend = self.get_legend_row("full batch", self.k_full, FULL_GD, GD_COLOR)
        legend.to_corner(UR, buff=EDGE_BUFF)
        with self.beat(f"Plain gradient descent uses all {N_POINTS} points for every step. "
                       "Its path through weight space is smooth, and the line on the left "
                       "swings into place."):
            self.add(path)
            self.play(FadeIn(fit), FadeIn(legend))
            self.play(self.k_full.animate.set_value(N_SGD), run_time=5, rate_func=linear)
        self.full = VGroup(path, fit, legend)

    def show_mini_batches(self):
        k = ValueTracker(0)
        path = get_traced_path(self.plane, SGD.xs, k, OPTIMIZER_COLORS["sgd"])
        fit = self.get_fit_line(k, SGD.xs, OPTIMIZER_COLORS["sgd"])
        legend = self.get_legend_row(f"mini-batch of {BATCH}", k, SGD, OPTIMIZER_COLORS["sgd"])
        legend.next_to(self.full[2], DOWN, buff=0.15, aligned_edge=RIGHT)
        with self.beat(f"Stochastic gradient descent estimates the gradient from a random "
                       f"mini-batch, here just {BATCH} points a step. On average the estimate "
                       "is right, but each one is noisy."):
            batch = VGroup(*(self.dots[i] for i in SHOWN_BATCH))
            self.play(self.full[0].animate.set_opacity(0.35), FadeOut(self.full[1]))
            self.play(batch.animate.scale(2.5).set_color(OPTIMIZER_COLORS["sgd"]))
            self.add(path)
            self.play(FadeIn(fit), FadeIn(legend))
            self.play(batch.animate.scale(1 / 2.5).set_color(DATA))
        with self.beat(f"So the path wanders. It still heads down the bowl, step for step about "
                       f"as fast, while each step reads only {BATCH} of the {N_POINTS} points."):
            self.play(k.animate.set_value(N_SGD), run_time=6, rate_func=linear)
        self.sgd = VGroup(path, fit, legend)

    def show_summary(self):
        with self.beat(f"With a fixed step size it never settles exactly: it keeps jittering "
                       f"near the bottom. After {N_SGD} steps both losses are close, "
                       f"{format_number(FULL_GD.losses[-1], 3)} and "
                       f"{format_number(SGD.losses[-1], 3)}, which is why real training "
                       "shrinks the step size over time."):
            jitter = get_path(self.plane, SGD.xs[-N_JITTER - 1:], OPTIMIZER_COLORS["sgd"],
                              stroke_width=6, dots=False)
            self.play(Create(jitter), run_time=1.5)
            self.play(Indicate(self.sgd[2], color=OPTIMIZER_COLORS["sgd"]))
            self.play(Indicate(self.full[2], color=GD_COLOR))
            self.play(FadeOut(jitter))


# =========================================================================== scene 4

RACE_ORDER = ("gd", "momentum", "rmsprop", "adam")
RIGHT_COLUMN = np.array([0.5, 0.0, 0.0])  # left edge of the formulas beside the valley
RACE_NAMES = {"gd": "Gradient descent", "momentum": "Momentum", "rmsprop": "RMSProp",
              "adam": "Adam"}
RACE_RULES = {
    "gd": r"\mathbf{x} \leftarrow \mathbf{x} - \eta\, \nabla f",
    "momentum": r"\mathbf{v} \leftarrow \beta \mathbf{v} + \nabla f, \;\; "
                r"\mathbf{x} \leftarrow \mathbf{x} - \eta\, \mathbf{v}",
    "rmsprop": r"\mathbf{s} \leftarrow \rho \mathbf{s} + (1 - \rho) \nabla f^2, \;\; "
               r"\mathbf{x} \leftarrow \mathbf{x} - \eta \frac{\nabla f}{\sqrt{\mathbf{s}}}",
    "adam": r"&\mathbf{m} \leftarrow \beta_1 \mathbf{m} + (1 - \beta_1) \nabla f, \;\; "
            r"\mathbf{s} \leftarrow \beta_2 \mathbf{s} + (1 - \beta_2) \nabla f^2, \\ "
            r"&\mathbf{x} \leftarrow \mathbf{x} - \eta \frac{\hat{\mathbf{m}}}{\sqrt{\hat{\mathbf{s}}}}",
}
RACE_TEXTS = {
    "gd": ("Plain gradient descent, with the largest step this valley allows. It drops into "
           "the valley fast, and then crawls along the curved floor."),
    "momentum": ("Momentum keeps a running sum of past gradients, a velocity. Consistent "
                 "directions build up speed, and zigzags cancel out. It overshoots, but it "
                 "gets much further."),
    "rmsprop": ("RMSProp divides each coordinate's step by the root of its recent squared "
                "gradients, so steep and shallow directions take steps of similar size."),
    "adam": ("Adam does both: a momentum average on top, and RMSProp's scaling underneath, "
             "with a correction for the first few steps."),
}


class OptimizersCompared(NarratedScene):
    """GD, momentum, RMSProp and Adam traced on one curved valley, then raced."""

    def construct(self):
        # Step 1: the curved valley and its minimum.
        self.show_valley()
        # Step 2-5: each optimizer's rule, then its path.
        for name in RACE_ORDER:
            self.show_optimizer(name)
        # Step 6: all four at once, with their losses.
        self.show_race()
        # Step 7: the takeaway.
        self.show_takeaway()

    def show_valley(self):
        plane = get_plane(x_range=(-2, 2, 1), y_range=(-0.8, 3.0, 1), unit=1.75)
        plane.move_to((-3.5, -0.15, 0))
        plane.set_stroke(color=FAINT, opacity=0.35, width=1)
        contours = get_contour_lines(plane, VALLEY_XS, VALLEY_YS, VALLEY_Z, VALLEY_LEVELS,
                                     colors=(CONTOUR_LOW, CONTOUR_HIGH))
        formula = get_colored_tex(r"f(x, y) = (1 - x)^2 + 10\,(y - x^2)^2", TEX_MAP,
                                  font_size=LABEL_SIZE)
        formula.to_edge(UP, buff=EDGE_BUFF).align_to(RIGHT_COLUMN, LEFT)
        minimum = Dot(plane.c2p(*VALLEY_MIN), radius=0.06, color=TEXT)
        start = Dot(plane.c2p(*VALLEY_X0), radius=0.06, color=MUTED)
        with self.beat("A harder surface: a long valley that bends, like the loss of a real "
                       "network in miniature. The minimum is at one, one."):
            self.play(FadeIn(plane), LaggedStart(*(Create(c) for c in contours),
                                                 lag_ratio=0.1), run_time=3)
            self.play(Write(formula), FadeIn(minimum, scale=2))
        with self.beat(f"Every optimizer starts from the same point and gets {N_RACE} steps."):
            self.play(FadeIn(start, scale=2))
        self.plane, self.formula = plane, formula
        self.rows = VGroup()

    def get_row(self, name: str) -> VGroup:
        color = OPTIMIZER_COLORS[name]
        title = Tex(RACE_NAMES[name], font_size=LABEL_SIZE, color=color)
        rule = get_colored_tex(RACE_RULES[name], {r"\eta": LEARNING_RATE, r"\nabla f": GRADIENT},
                               font_size=SMALL_SIZE)
        return VGroup(title, rule).arrange(DOWN, aligned_edge=LEFT, buff=0.12)

    def show_optimizer(self, name: str):
        row = self.get_row(name)
        anchor = self.formula if len(self.rows) == 0 else self.rows[-1]
        row.next_to(anchor, DOWN, buff=0.4).align_to(RIGHT_COLUMN, LEFT)
        self.rows.add(row)
        tracker = ValueTracker(0)
        path = get_traced_path(self.plane, RACE[name].xs, tracker, OPTIMIZER_COLORS[name],
                               stroke_width=2.5, head_radius=0.07)
        with self.beat(RACE_TEXTS[name]):
            self.play(FadeIn(row, shift=0.1 * DOWN))
            self.add(path)
            self.play(tracker.animate.set_value(N_RACE), run_time=4, rate_func=linear)
        self.remove(path)
        static = get_path(self.plane, RACE[name].xs, OPTIMIZER_COLORS[name], stroke_width=2.5,
                          dots=False)
        self.add(static)
        self.play(static.animate.set_stroke(opacity=0.25), run_time=0.5)
        setattr(self, f"static_{name}", static)

    def show_race(self):
        statics = VGroup(*(getattr(self, f"static_{n}") for n in RACE_ORDER))
        self.play(FadeOut(statics), run_time=0.5)
        k = ValueTracker(0)
        paths = VGroup(*(get_traced_path(self.plane, RACE[n].xs, k, OPTIMIZER_COLORS[n],
                                         stroke_width=2.5, head_radius=0.07)
                         for n in RACE_ORDER))
        readouts = VGroup()
        for name, row in zip(RACE_ORDER, self.rows):
            losses = RACE[name].losses
            value = get_tracked_number(k, decimals=4, font_size=SMALL_SIZE,
                                       color=OPTIMIZER_COLORS[name],
                                       value=lambda t, ls=losses: ls[int(round(t))])
            value.next_to(row[0], RIGHT, buff=0.3)
            value.add_updater(lambda m, r=row: m.next_to(r[0], RIGHT, buff=0.3))
            readouts.add(value)
        with self.beat("Now race them, side by side, with the loss of each one beside its "
                       "name."):
            self.add(paths)
            self.play(FadeIn(readouts))
            self.play(k.animate.set_value(N_RACE), run_time=8, rate_func=linear)
        self.readouts = readouts
        losses = {n: RACE[n].losses[-1] for n in RACE_ORDER}
        with self.beat(f"After {N_RACE} steps, plain descent is still at "
                       f"{format_number(losses['gd'], 2)}, momentum at "
                       f"{format_number(losses['momentum'], 3)}, RMSProp at "
                       f"{format_number(losses['rmsprop'], 3)}, and Adam is essentially "
                       "at the bottom."):
            adam = self.readouts[-1]
            exact = get_colored_tex(loss_tex(losses["adam"]), {}, font_size=SMALL_SIZE)
            exact.set_color(OPTIMIZER_COLORS["adam"]).move_to(adam, LEFT)
            adam.clear_updaters()
            self.play(Indicate(self.rows[-1][0], color=OPTIMIZER_COLORS["adam"]))
            self.play(ReplacementTransform(adam, exact))
            self.wait(2)

    def show_takeaway(self):
        note = get_panel(Tex("same gradients, different memory of them", font_size=LABEL_SIZE,
                             color=TEXT), buff=0.15)
        note.to_edge(DOWN, buff=EDGE_BUFF).align_to(RIGHT_COLUMN, LEFT)
        with self.beat("All four see exactly the same gradients. What differs is what they "
                       "remember of past gradients, and how they scale each direction."):
            self.play(FadeIn(note, shift=0.1 * UP))
            self.wait(2.5)


# =========================================================================== try it

class Lesson07TryIt(TryItScene):
    lesson = 7
