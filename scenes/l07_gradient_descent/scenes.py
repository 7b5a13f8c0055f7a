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
    DL, DOWN, DR, LEFT, ORIGIN, RIGHT, UL, UP, UR, Axes, Circumscribe, Create, DashedLine, Dot, FadeIn, FadeOut, GrowArrow,
    Indicate, LaggedStart, ReplacementTransform, Tex, ValueTracker, VGroup,
    Write, always_redraw, linear,
)

from mathcore import calculus, optim
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_view import get_bridge
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
LR_BRIDGE, N_BRIDGE = 0.2, 500  # full-batch descent run to convergence, for the bridge

LEAST_SQUARES = Bridge(
    formula=r"\nabla f(\mathbf{w}) = \tfrac{1}{n} X^\top (X\mathbf{w} - \mathbf{y}) = \mathbf{0}",
    setup=(f"rng = np.random.default_rng({SEED})\n"  # the 40 points on screen, drawn as above
           f"x = rng.uniform(0.0, 3.0, size={N_POINTS})\n"
           f"y = {TRUE_W[0]} * x + {TRUE_W[1]} + rng.normal(0.0, 0.35, size={N_POINTS})\n"
           f"X = np.column_stack([x, np.ones({N_POINTS})])\n"
           f"f = optim.quadratic(X.T @ X / {N_POINTS}, X.T @ y / {N_POINTS})\n"
           f"w0 = np.array([{W0[0]}, {W0[1]}])"),
    mathcore=Snippet("gd = optim.gradient_descent\n"
                     f"run = gd(f.grad, w0, lr={LR_BRIDGE}, n_steps={N_BRIDGE})\n"
                     "run.x"),
    library=Snippet("np.linalg.lstsq(X, y, rcond=None)[0]"),
    decimals=3,
)


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
            self.play(Indicate(eta, color=LEARNING_RATE))

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
        # Step 6: the same fit in code, and what a practitioner calls instead.
        self.show_bridge()

    def show_data_and_weights(self):
        axes = Axes(x_range=(0, 3.2, 1), y_range=(-1, 4, 1), x_length=5.2, y_length=4.0,
                    axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
                    x_axis_config={"numbers_to_include": [1, 2, 3]},
                    y_axis_config={"numbers_to_include": [0, 2, 4]})
        axes.to_corner(UL, buff=EDGE_BUFF).shift(0.4 * DOWN + 0.3 * RIGHT)
        dots = VGroup(*(Dot(axes.c2p(x, y), radius=0.05, color=DATA)
                        for x, y in zip(DATA_X, DATA_Y)))
        with self.beat(f"So far every step used the exact gradient. In machine learning that "
                       f"means a pass over all the data for every step. Here are {N_POINTS} noisy "
                       "points, and we want the straight line through them that has the smallest "
                       "mean squared error."):
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

    def show_bridge(self):
        rows = get_bridge(LEAST_SQUARES, formula_colors={r"\mathbf{w}": GD_COLOR})
        rows.move_to(ORIGIN)
        inputs = get_colored_tex(rf"X: \text{{rows }} (x_i,\, 1), \quad \mathbf{{y}}: \text{{the "
                                 rf"{N_POINTS} }} y_i, \quad \mathbf{{w}}_0 = "
                                 rf"({format_number(W0[0], 1)},\, {format_number(W0[1], 1)})",
                                 {r"\mathbf{w}": GD_COLOR}, font_size=LABEL_SIZE)
        inputs.next_to(rows, UP, buff=0.5)
        with self.beat(f"In code, the full-batch run is one line of mathcore: {N_BRIDGE} steps land "
                       "on the weights where the gradient vanishes. For least squares a "
                       "practitioner would not iterate at all: NumPy's lstsq solves for the same "
                       "weights directly."):
            self.play(*(FadeOut(m) for m in self.mobjects))
            self.play(FadeIn(inputs), FadeIn(rows[0]))
            self.play(FadeIn(rows[1]), FadeIn(rows[3][0]))
            self.play(FadeIn(rows[2]), FadeIn(rows[3][1]))
        with self.beat("Gradient descent earns its place where no formula exists: a network's "
                       "loss, or data too large to hold at once. That is where the stochastic "
                       "version, and a shrinking step, come in."):
            self.play(Indicate(rows[1][1], color=ACCENT, scale_factor=1.03))
            self.play(Circumscribe(rows[2][1], color=ACCENT))


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
    "momentum": ("Momentum keeps a velocity: a decaying sum of past gradients, each one "
                 "weighted by beta once more for every step it ages. Consistent directions "
                 "build up speed, and zigzags cancel out. It overshoots, but it gets much "
                 "further."),
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
        with self.beat("A schedule sets the step's size over time. The next optimizers also "
                       "reshape each step from the gradients they have seen. Their test: a long "
                       "valley that bends, like the loss of a real network in miniature. The "
                       "minimum is at one, one."):
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
        note = get_panel(Tex("one gradient a step, different memory of them",
                             font_size=LABEL_SIZE, color=TEXT), buff=0.15)
        note.to_edge(DOWN, buff=EDGE_BUFF).align_to(RIGHT_COLUMN, LEFT)
        with self.beat("They do not see the same gradients: each one asks for the gradient at "
                       "its own point, so their paths feed them different numbers. What they "
                       "share is the cost, one gradient a step. What differs is what they "
                       "remember of past gradients, and how they scale each direction."):
            self.play(FadeIn(note, shift=0.1 * UP))
            # each one's gradient comes from its own path
            self.play(LaggedStart(*(Indicate(row[0], color=OPTIMIZER_COLORS[name])
                                    for name, row in zip(RACE_ORDER, self.rows)), lag_ratio=0.5),
                      run_time=3)
            self.play(Circumscribe(note, color=ACCENT))


# =========================================================================== scene 3: 1/k

# A convex quadratic whose curvatures run from 1 down to 1e-4, evenly on a log scale (as the
# Hessians of over-parameterised least squares do): no mu worth the name, so only 1/k is promised.
N_FLAT = 40
FLAT = optim.quadratic(np.diag(np.logspace(0.0, -4.0, N_FLAT)), np.zeros(N_FLAT))
FLAT_X0 = np.ones(N_FLAT)
N_RATE = 1000
FLAT_RUN = optim.gradient_descent(FLAT.grad, FLAT_X0, lr=1 / FLAT.L, n_steps=N_RATE, loss=FLAT.f)
BOWL_RUN = optim.gradient_descent(BOWL.grad, X0, lr=1 / BOWL.L, n_steps=N_RATE, loss=BOWL.f)
RATE_KS = np.unique(np.round(np.logspace(0, 3, 61)).astype(int))  # k = 1 .. 1000, log-spaced
RATE_BOUND = FLAT.L * float(FLAT_X0 @ FLAT_X0) / (2 * RATE_KS)  # L ||x0 - x*||^2 / (2k)
RATE_FLOOR = -3.5  # log10 of the plot's lowest value: the strongly convex curve leaves through it


class ConvexRateOneOverK(NarratedScene):
    """Smooth convex, not strongly convex: f(x_k) - f* <= L ||x0 - x*||^2 / (2k), derived and plotted."""

    def construct(self):
        # Step 1: why the rate above needs mu > 0, and what is left without it.
        self.show_question()
        # Step 2: the three-line derivation of the 1/k bound.
        self.show_derivation()
        # Step 3: the bound and a real run on log-log axes.
        self.show_plot()

    def show_question(self):
        title = Tex(r"Convex and $L$-smooth, but $\mu = 0$", font_size=BODY_SIZE, color=TEXT)
        title.to_corner(UL, buff=EDGE_BUFF)
        examples = VGroup(*(Tex(t, font_size=LABEL_SIZE, color=MUTED) for t in (
            "least squares, more features than points",
            "logistic regression, separable data"))).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        examples.next_to(title, DOWN, buff=0.4, aligned_edge=LEFT)
        with self.beat("That rate, kappa minus one over kappa plus one, needs mu above zero: a "
                       "bowl curved in every direction. Many ML losses are flatter than that. "
                       "Least squares with more features than data points, or logistic "
                       "regression on separable data, have directions of almost no curvature."):
            self.play(Write(title))
            for example in examples:
                self.play(FadeIn(example, shift=0.1 * DOWN))
        self.title, self.examples = title, examples

    def show_derivation(self):
        lines = VGroup(
            get_colored_tex(r"f(\mathbf{x}_{k+1}) \le f(\mathbf{x}_k) - \tfrac{\eta}{2}\,"
                            r"\|\nabla f(\mathbf{x}_k)\|^2", TEX_MAP, font_size=LABEL_SIZE),
            get_colored_tex(r"f(\mathbf{x}_{k+1}) - f^\star \le \tfrac{1}{2\eta}\big("
                            r"\|\mathbf{x}_k - \mathbf{x}^\star\|^2 - "
                            r"\|\mathbf{x}_{k+1} - \mathbf{x}^\star\|^2\big)", TEX_MAP,
                            font_size=LABEL_SIZE),
            get_colored_tex(r"f(\mathbf{x}_k) - f^\star \le \frac{\|\mathbf{x}_0 - "
                            r"\mathbf{x}^\star\|^2}{2\eta k}", TEX_MAP, font_size=LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        notes = VGroup(*(Tex(t, font_size=SMALL_SIZE, color=MUTED) for t in (
            r"one step, $\eta \le 1/L$", "add convexity", "sum $k$ steps: it telescopes")))
        lines.next_to(self.title, DOWN, buff=0.4, aligned_edge=LEFT)
        for note, line in zip(notes, lines):  # one column of notes, right of the widest line
            note.next_to(line, RIGHT, buff=0.5).set_x(lines.get_right()[0] + 0.5, direction=LEFT)
        with self.beat("With eta at most one over L, one step lowers f by at least eta over two "
                       "times the squared gradient: the descent lemma."):
            self.play(FadeOut(self.examples))
            self.play(Write(lines[0]), FadeIn(notes[0]), run_time=2)
        with self.beat("Convexity turns that gradient into distance: the gap to the best value "
                       "is at most the drop in squared distance to the minimiser, over two eta."):
            self.play(Write(lines[1]), FadeIn(notes[1]), run_time=2)
        with self.beat("Add k of those steps. The distances telescope, leaving only the first "
                       "one, and f only falls, so the gap after k steps is at most the starting "
                       "distance squared over two eta k. Ten times the steps, a tenth of the gap."):
            self.play(Write(lines[2]), FadeIn(notes[2]), run_time=2)
            self.play(Circumscribe(lines[2], color=ACCENT))
        self.derivation = VGroup(lines, notes)

    def show_plot(self):
        self.play(self.derivation.animate.scale(0.75).to_corner(UL, buff=EDGE_BUFF),
                  FadeOut(self.title))
        top = 2 - RATE_FLOOR  # the plot's y is log10(value) - RATE_FLOOR, so its x-axis is the floor
        axes = Axes(x_range=(0, 3, 1), y_range=(0, top, 1), x_length=6.4, y_length=4.2,
                    axis_config={"color": MUTED, "include_tip": False})
        axes.to_corner(DL, buff=0.6).shift(0.6 * RIGHT)

        def log_point(k, value):
            return axes.c2p(np.log10(k), np.log10(value) - RATE_FLOOR)

        ticks = VGroup(*(get_colored_tex(rf"10^{{{e}}}", {}, font_size=SMALL_SIZE)
                         .next_to(axes.c2p(e, 0), DOWN, buff=0.15) for e in range(4)))
        ticks.add(*(get_colored_tex(rf"10^{{{e}}}", {}, font_size=SMALL_SIZE)
                    .next_to(log_point(1, 10.0 ** e), LEFT, buff=0.15) for e in range(-3, 3)))
        x_label = get_colored_tex("k", TEX_MAP, font_size=LABEL_SIZE).next_to(
            axes.x_axis, RIGHT, buff=0.2)
        y_label = get_colored_tex(r"f(\mathbf{x}_k) - f^\star", TEX_MAP,
                                  font_size=LABEL_SIZE).next_to(axes.c2p(0, top), UP, buff=0.15)

        def log_curve(ks, values, color, width):
            return axes.plot_line_graph(np.log10(ks), np.log10(values) - RATE_FLOOR,
                                        line_color=color, add_vertex_dots=False, stroke_width=width)
        bound = log_curve(RATE_KS, RATE_BOUND, TEXT, 3)
        flat = log_curve(RATE_KS, FLAT_RUN.losses[RATE_KS], GD_COLOR, 4)
        shown = BOWL_RUN.losses[RATE_KS] >= 10 ** RATE_FLOOR
        bowl = log_curve(RATE_KS[shown], BOWL_RUN.losses[RATE_KS][shown], EIGEN, 4)
        legend = VGroup(
            get_colored_tex(r"\text{bound } \frac{L\|\mathbf{x}_0 - \mathbf{x}^\star\|^2}{2k}"
                            r"\text{ for orange}", {}, font_size=LABEL_SIZE).set_color(TEXT),
            Tex(r"curvatures $1 \dots 10^{-4}$", font_size=LABEL_SIZE, color=GD_COLOR),
            Tex(r"the bowl, $\mu = 1$", font_size=LABEL_SIZE, color=EIGEN),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        legend.next_to(axes, RIGHT, buff=0.5).align_to(axes, UP).shift(0.3 * DOWN)
        with self.beat("Here it is on log-log axes, where one over k is a straight line of slope "
                       "minus one. The white line is the bound for a quadratic whose "
                       "curvatures run from one down to ten to the minus four."):
            self.play(Create(axes), FadeIn(ticks), Write(x_label), Write(y_label))
            self.play(Create(bound), FadeIn(legend[0]), run_time=2)
        k100 = FLAT_RUN.losses[100]
        with self.beat(f"Gradient descent on it runs parallel to the line and below it: after 100 "
                       f"steps the gap is {format_number(k100, 3)}, after 1000 it is "
                       f"{format_number(FLAT_RUN.losses[N_RATE], 4)}, ten times smaller."):
            self.play(Create(flat), FadeIn(legend[1]), run_time=3)
        with self.beat("Our first bowl, with mu equal to one, falls off a cliff instead: "
                       "a constant factor per step is a straight line on a log scale in k, "
                       "and a plunge on this one. That is what strong convexity buys."):
            self.play(Create(bowl), FadeIn(legend[2]), run_time=2.5)
            self.wait(1)


# =========================================================================== scene 4: momentum

MOMENTUM_LR = 4 / (np.sqrt(L_MAX) + np.sqrt(MU)) ** 2  # the heavy ball's best step on the bowl
MOMENTUM_BETA = ((np.sqrt(CONDITION) - 1) / (np.sqrt(CONDITION) + 1)) ** 2
N_BALL = 50  # enough for plain descent to pass the target below
BALL_RUNS = {
    "gd": optim.gradient_descent(BOWL.grad, X0, lr=BEST_LR, n_steps=N_BALL, loss=BOWL.f),
    "momentum": optim.momentum(BOWL.grad, X0, lr=MOMENTUM_LR, beta=MOMENTUM_BETA, n_steps=N_BALL,
                               loss=BOWL.f),
}
TARGET_LOSS = 1e-6
STEPS_TO_TARGET = {name: int(np.argmax(run.losses < TARGET_LOSS)) for name, run in BALL_RUNS.items()}
N_SIGNS = 5  # gradients listed per direction
BALL_GRADS = np.array([BOWL.grad(x) for x in BALL_RUNS["gd"].xs[:N_SIGNS]])  # (N_SIGNS, 2)
MOMENTUM_RATE = float(np.sqrt(MOMENTUM_BETA))  # (sqrt(kappa) - 1) / (sqrt(kappa) + 1)


class MomentumOnTheBowl(NarratedScene):
    """Why momentum helps: on the kappa = 10 bowl, zigzags cancel in the velocity, the slope adds up."""

    def construct(self):
        # Step 1: the bowl again, and the gradients plain descent sees along its path.
        self.show_gradients()
        # Step 2: the velocity as a decaying sum.
        self.show_velocity()
        # Step 3: the race on the bowl, and the rate.
        self.show_race()

    def show_gradients(self):
        self.plane, contours, minimum = get_bowl_map(unit=0.72, center=(0.0, -1.85))
        rows = VGroup()
        for index, name in ((1, "steep"), (0, "shallow")):
            values = " ".join(f"{format_number(v, 1)}," for v in BALL_GRADS[:, index])
            rows.add(get_colored_tex(rf"\text{{{name}:}}\;\; {values} \dots", {},
                                     font_size=LABEL_SIZE))
        head = Tex("gradients along plain descent's path", font_size=SMALL_SIZE, color=MUTED)
        head.to_corner(UL, buff=EDGE_BUFF)
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.2).next_to(head, DOWN, buff=0.15,
                                                                 aligned_edge=LEFT)
        with self.beat("Back to the bowl, where mu is above zero: can anything beat its rate? "
                       "Momentum can. To see why, read the gradients plain descent meets along "
                       "its zigzag."):
            self.add(self.plane)
            self.play(Create(contours), FadeIn(minimum), run_time=2)
            self.play(FadeIn(head), Write(rows[0]), Write(rows[1]))
        with self.beat("Across the valley, the steep component flips sign every step. "
                       "Along it, the shallow component keeps the same sign, step after step."):
            # colour pulses in place: grown by Indicate's 1.2 the rows ran off the left edge
            self.play(Indicate(rows[0], color=ACCENT, scale_factor=1.0))
            self.play(Indicate(rows[1], color=ACCENT, scale_factor=1.0))
        self.rows = VGroup(head, rows)

    def show_velocity(self):
        formula = get_colored_tex(r"\mathbf{v}_k = \nabla f(\mathbf{x}_k) + \beta\, \nabla "
                                  r"f(\mathbf{x}_{k-1}) + \beta^2\, \nabla f(\mathbf{x}_{k-2}) "
                                  r"+ \dots", {r"\nabla f": GRADIENT, r"\beta": ACCENT},
                                  font_size=LABEL_SIZE)
        formula.next_to(self.rows, DOWN, buff=0.35, aligned_edge=LEFT)
        sums = Tex(r"flips cancel; a steady slope adds up to $\tfrac{1}{1-\beta}$ times",
                   font_size=SMALL_SIZE, color=MUTED).next_to(formula, DOWN, buff=0.2,
                                                             aligned_edge=LEFT)
        with self.beat("Momentum steps along a velocity: the gradients of the last steps, each "
                       "weighted by beta once more for every step it ages. An exponentially "
                       "decaying sum, not a running total."):
            self.play(Write(formula), run_time=2)
        with self.beat("In that sum, gradients that flip sign cancel, so the zigzag is damped, "
                       "while a steady slope adds up, to as much as one over one minus beta "
                       "times a single gradient."):
            self.play(FadeIn(sums, shift=0.1 * DOWN))
            self.play(Indicate(self.rows[1][0], scale_factor=1.0),
                      Indicate(self.rows[1][1], scale_factor=1.0))
        self.formula = VGroup(formula, sums)

    def show_race(self):
        k = ValueTracker(0)
        paths = VGroup(*(get_traced_path(self.plane, BALL_RUNS[name].xs, k, OPTIMIZER_COLORS[name])
                         for name in ("gd", "momentum")))
        settings = VGroup(
            get_colored_tex(rf"\text{{descent: }} \eta = {format_number(BEST_LR, 3)}", TEX_MAP,
                            font_size=LABEL_SIZE).set_color(OPTIMIZER_COLORS["gd"]),
            get_colored_tex(rf"\text{{momentum: }} \eta = {format_number(MOMENTUM_LR, 3)},\; "
                            rf"\beta = {format_number(MOMENTUM_BETA, 3)}", TEX_MAP,
                            font_size=LABEL_SIZE).set_color(OPTIMIZER_COLORS["momentum"]),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3).to_corner(UL, buff=EDGE_BUFF)
        steps = VGroup(*(
            get_colored_tex(rf"f < 10^{{-6}} \text{{ after }} {STEPS_TO_TARGET[name]} "
                            r"\text{ steps}", {}, font_size=LABEL_SIZE)
            .set_color(OPTIMIZER_COLORS[name]).next_to(row, RIGHT, buff=0.6)
            for name, row in zip(("gd", "momentum"), settings)))
        for line in steps:  # one column, right of the longer setting
            line.set_x(settings.get_right()[0] + 0.6, direction=LEFT)
        rates = get_colored_tex(rf"\frac{{\kappa - 1}}{{\kappa + 1}} = "
                                rf"{format_number(BEST_RATE, 3)} \quad\to\quad "
                                rf"\frac{{\sqrt{{\kappa}} - 1}}{{\sqrt{{\kappa}} + 1}} = "
                                rf"{format_number(MOMENTUM_RATE, 3)}", TEX_MAP,
                                font_size=LABEL_SIZE)
        rates.next_to(settings, DOWN, buff=0.35, aligned_edge=LEFT)
        with self.beat("Race both from the same start, each with its best settings for this "
                       "bowl. Momentum overshoots too, but the speed it builds along the valley "
                       "carries it to the bottom much sooner."):
            self.play(FadeOut(self.rows), FadeOut(self.formula))
            self.play(FadeIn(settings))
            self.add(paths)
            self.play(k.animate.set_value(N_BALL), run_time=6, rate_func=linear)
        with self.beat(f"Plain descent needs {STEPS_TO_TARGET['gd']} steps to bring the loss under "
                       f"one in a million; momentum needs {STEPS_TO_TARGET['momentum']}. Its rate "
                       "per step depends on the square root of kappa instead of kappa: "
                       f"{format_number(MOMENTUM_RATE, 3)} instead of "
                       f"{format_number(BEST_RATE, 3)}."):
            self.play(FadeIn(steps[0]))
            self.play(FadeIn(steps[1]))
            self.play(Write(rates), run_time=2)
            self.wait(1)


# =========================================================================== scene 6: schedules

N_SCHEDULE_EPOCHS = 30
N_SCHEDULE = N_SCHEDULE_EPOCHS * N_POINTS // BATCH  # 300 steps
LR_PEAK = 0.4
DECAY_K0 = 30.0  # the inverse-time schedule halves its step after 30 steps
SCHEDULES = {
    "constant": np.full(N_SCHEDULE, LR_PEAK),
    "inverse": optim.inverse_time_decay(LR_PEAK, N_SCHEDULE, k0=DECAY_K0),
    "step": optim.step_decay(LR_PEAK, N_SCHEDULE, every=100, gamma=0.3),
    "cosine": optim.cosine_decay(LR_PEAK, N_SCHEDULE, warmup=30),
}
SCHEDULE_RUNS = {  # the same shuffles for both (one generator each, same seed)
    name: optim.sgd(batch_grad, W0, SAMPLES, lr=SCHEDULES[name], batch_size=BATCH,
                    n_epochs=N_SCHEDULE_EPOCHS, rng=np.random.default_rng(SEED + 2), loss=MSE.f)
    for name in ("constant", "inverse")
}
SCHEDULE_DISTANCE = {name: np.linalg.norm(run.xs - W_STAR, axis=1)
                     for name, run in SCHEDULE_RUNS.items()}  # (N_SCHEDULE + 1,) each
N_TAIL = 50  # the last steps, where the constant step's jitter is measured
TAIL_MAX = {name: float(d[-N_TAIL:].max()) for name, d in SCHEDULE_DISTANCE.items()}
SCHEDULE_COLORS = {"constant": OPTIMIZER_COLORS["sgd"], "inverse": EIGEN,
                   "step": OPTIMIZER_COLORS["rmsprop"], "cosine": OPTIMIZER_COLORS["momentum"]}
SCHEDULE_NAMES = {"constant": "constant", "inverse": r"$\eta_0 / (1 + k/k_0)$",
                  "step": r"step decay $\times 0.3$", "cosine": "warm-up, then cosine"}


class StepSizeSchedules(NarratedScene):
    """Robbins-Monro: the step sizes must sum to infinity, their squares must not; schedules in practice."""

    def construct(self):
        # Step 1: the two conditions, and why each is needed.
        self.show_conditions()
        # Step 2: constant vs decaying step on the least-squares fit.
        self.show_distance_plot()
        # Step 3: the schedules real training uses.
        self.show_schedules()

    def show_conditions(self):
        conditions = get_colored_tex(r"\sum_k \eta_k = \infty, \qquad \sum_k \eta_k^2 < \infty",
                                     TEX_MAP)
        conditions.to_edge(UP, buff=EDGE_BUFF)
        reasons = VGroup(
            Tex("enough total distance to reach the minimum", font_size=SMALL_SIZE, color=MUTED),
            Tex("a finite total of noise variance", font_size=SMALL_SIZE, color=MUTED),
        )
        reasons.arrange(RIGHT, buff=0.8).next_to(conditions, DOWN, buff=0.25)
        with self.beat("So how should the step shrink? Robbins and Monro gave the conditions "
                       "for stochastic gradients to converge: the step sizes must add up to "
                       "infinity, but their squares must not."):
            self.play(Write(conditions), run_time=2)
        with self.beat("The first lets the steps travel any distance, however far the start. "
                       "The second caps the noise: each step adds noise with variance "
                       "proportional to eta squared, and the total must stay finite."):
            self.play(FadeIn(reasons[0], shift=0.1 * DOWN))
            self.play(FadeIn(reasons[1], shift=0.1 * DOWN))
        self.conditions = VGroup(conditions, reasons)

    def get_log_axes(self, y_range, x_length=7.0, y_length=4.2):
        axes = Axes(x_range=(0, N_SCHEDULE, 100), y_range=y_range, x_length=x_length,
                    y_length=y_length, axis_config={"color": MUTED, "include_tip": False,
                                                    "font_size": SMALL_SIZE},
                    x_axis_config={"numbers_to_include": [100, 200, 300]})
        return axes

    def show_distance_plot(self):
        floor = -3  # the plot's y is log10(distance) - floor, so its x-axis is the floor
        axes = self.get_log_axes((0, 1 - floor, 1))
        axes.to_corner(DL, buff=0.6).shift(0.6 * RIGHT)
        ticks = VGroup(*(get_colored_tex(rf"10^{{{e}}}", {}, font_size=SMALL_SIZE)
                         .next_to(axes.c2p(0, e - floor), LEFT, buff=0.15) for e in range(-3, 2)))
        y_label = get_colored_tex(r"\|\mathbf{w}_k - \mathbf{w}^\star\|", TEX_MAP,
                                  font_size=LABEL_SIZE).next_to(axes.c2p(0, 1 - floor), UP, buff=0.15)
        x_label = get_colored_tex("k", TEX_MAP, font_size=LABEL_SIZE).next_to(axes.x_axis, RIGHT,
                                                                          buff=0.2)
        steps = np.arange(N_SCHEDULE + 1)
        curves = {name: axes.plot_line_graph(steps, np.log10(np.maximum(SCHEDULE_DISTANCE[name],
                                                                        10.0 ** floor)) - floor,
                                             line_color=SCHEDULE_COLORS[name],
                                             add_vertex_dots=False, stroke_width=2.5)
                  for name in ("constant", "inverse")}
        legend = VGroup(*(
            VGroup(get_colored_tex(label, {}, font_size=LABEL_SIZE),
                   Tex(f"worst of the last {N_TAIL}: {format_number(TAIL_MAX[name], 3)}",
                       font_size=SMALL_SIZE)).arrange(DOWN, aligned_edge=LEFT, buff=0.12)
            .set_color(SCHEDULE_COLORS[name])
            for name, label in (("constant", rf"\eta = {format_number(LR_PEAK, 1)}"),
                                ("inverse", rf"\eta_k = \tfrac{{{format_number(LR_PEAK, 1)}}}"
                                            rf"{{1 + k/{int(DECAY_K0)}}}"))
        )).arrange(DOWN, aligned_edge=LEFT, buff=0.4)
        legend.next_to(axes, RIGHT, buff=0.4).align_to(axes, UP)
        with self.beat(f"Back to the line fit, now for {N_SCHEDULE} steps, plotting the distance "
                       "to the best weights on a log scale. With a constant step of "
                       f"{format_number(LR_PEAK, 1)}, it drops fast, then hovers and jitters."):
            self.play(Create(axes), FadeIn(ticks), Write(y_label), Write(x_label))
            self.play(Create(curves["constant"]), run_time=3)
            self.play(FadeIn(legend[0]))
        with self.beat("Shrink the step like one over k, which meets both conditions, and the "
                       f"jitter dies out: over the last {N_TAIL} steps it stays within "
                       f"{format_number(TAIL_MAX['inverse'], 3)} of the minimum, against "
                       f"{format_number(TAIL_MAX['constant'], 2)} for the constant step."):
            self.play(Create(curves["inverse"]), run_time=3)
            self.play(FadeIn(legend[1]))
        self.distance = VGroup(axes, ticks, y_label, x_label, *curves.values(), legend)

    def show_schedules(self):
        axes = self.get_log_axes((0, 0.45, 0.1), x_length=7.0, y_length=3.8)
        axes.y_axis.add_numbers([0.2, 0.4], num_decimal_places=1, font_size=SMALL_SIZE)
        axes.to_corner(DL, buff=0.6).shift(0.6 * RIGHT)
        y_label = get_colored_tex(r"\eta_k", TEX_MAP, font_size=LABEL_SIZE).next_to(
            axes.c2p(0, 0.45), UP, buff=0.15)
        steps = np.arange(N_SCHEDULE)
        curves = VGroup(*(axes.plot_line_graph(steps, SCHEDULES[name], line_color=SCHEDULE_COLORS[name],
                                               add_vertex_dots=False, stroke_width=3.5)
                          for name in SCHEDULES))
        legend = VGroup(*(Tex(SCHEDULE_NAMES[name], font_size=SMALL_SIZE, color=SCHEDULE_COLORS[name])
                          for name in SCHEDULES)).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        legend.next_to(axes, RIGHT, buff=0.4).align_to(axes, UP)
        with self.beat("Real training uses schedules in the same spirit. Step decay cuts the "
                       "rate by a factor every so many epochs. The most common today warms up "
                       "for a few hundred steps, then follows half a cosine down to zero."):
            self.play(FadeOut(self.distance), FadeOut(self.conditions[1]))
            self.play(Create(axes), Write(y_label))
            self.play(LaggedStart(*(Create(c) for c in curves), lag_ratio=0.4),
                      LaggedStart(*(FadeIn(t) for t in legend), lag_ratio=0.4), run_time=4)
        with self.beat("The warm-up keeps the first steps small while Adam's averages and the "
                       "weights are still settling; the long decay at the end is Robbins and "
                       "Monro's lesson: let the noise die down."):
            self.play(Indicate(legend[3], color=SCHEDULE_COLORS["cosine"]))
            self.play(Indicate(curves[3], color=ACCENT, scale_factor=1.02))
            self.wait(1)


# =========================================================================== scene 8: Adam's bias correction

BETA1, BETA2 = RACE_SETTINGS["adam"]["betas"]
N_BIAS = 40
BIAS_T = np.arange(1, N_BIAS + 1)
CONSTANT_G = np.ones(N_BIAS)  # g = 1 at every step: m should be 1
M_RAW = optim.ema(CONSTANT_G, BETA1)  # (N_BIAS,) = 1 - beta1^t
M_HAT = optim.ema(CONSTANT_G, BETA1, debias=True)  # (N_BIAS,) = 1
ADAM_LR = 0.1
ADAM_STEPS = {  # step lengths / eta of Adam under a constant gradient, with and without the fix
    name: np.abs(np.diff(optim.adam(lambda x: np.ones(1), [0.0], lr=ADAM_LR, n_steps=N_BIAS,
                                    bias_correction=fix).xs[:, 0])) / ADAM_LR
    for name, fix in (("raw", False), ("fixed", True))
}
RAW_PEAK = int(np.argmax(ADAM_STEPS["raw"]))  # the step where the uncorrected one is longest

ADAM_STEP = Bridge(
    formula=r"\mathbf{x}_1 = \mathbf{x}_0 - \eta\,\frac{\hat{\mathbf{m}}_1}"
            r"{\sqrt{\hat{\mathbf{s}}_1} + \epsilon}",
    setup="g = np.array([3.0, -0.5])\nx0 = np.array([1.0, 2.0])",
    mathcore=Snippet("run = optim.adam(lambda x: g, x0,\n"
                     "                 lr=0.1, n_steps=1)\n"
                     "run.x"),
    library=Snippet("m = (1 - 0.9) * g / (1 - 0.9)\n"
                    "s = (1 - 0.999) * g**2 / (1 - 0.999)\n"
                    "x0 - 0.1 * m / (np.sqrt(s) + 1e-8)"),
    decimals=3,
    library_name="NumPy, one step",
)


class AdamBiasCorrection(NarratedScene):
    """Adam's averages start at zero; dividing by 1 - beta^t undoes that, shown on a constant gradient."""

    def construct(self):
        # Step 1: a constant gradient, and the zero-started average m lagging behind it.
        self.show_lagging_average()
        # Step 2: the weights sum to 1 - beta^t; dividing by it gives g back.
        self.show_correction()
        # Step 3: what the uncorrected steps would be.
        self.show_step_lengths()
        # Step 4: the first step in code.
        self.show_bridge()

    def get_axes(self, y_range, numbers):
        return Axes(x_range=(0, N_BIAS, 10), y_range=y_range, x_length=5.4, y_length=3.4,
                    axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
                    x_axis_config={"numbers_to_include": [10, 20, 30, 40]},
                    y_axis_config={"numbers_to_include": numbers})

    def show_lagging_average(self):
        sum_tex = get_colored_tex(r"\mathbf{m}_t = (1 - \beta_1) \sum_{i=1}^{t} \beta_1^{\,t-i}\, "
                                  r"\mathbf{g}_i \;=\; (1 - \beta_1^{\,t})\, \mathbf{g}",
                                  {r"\beta_1": ACCENT}, font_size=LABEL_SIZE)
        sum_tex.to_corner(UL, buff=EDGE_BUFF)
        axes = self.get_axes((0, 1.2, 0.5), [0.5, 1.0]).to_corner(DL, buff=0.6).shift(0.3 * RIGHT)
        t_label = get_colored_tex("t", {}, font_size=LABEL_SIZE).next_to(axes.x_axis, RIGHT, buff=0.15)
        m_label = get_colored_tex(r"\mathbf{m}_t / \mathbf{g}", {}, font_size=LABEL_SIZE).next_to(
            axes.c2p(0, 1.2), UP, buff=0.15)
        raw = axes.plot_line_graph(BIAS_T, M_RAW, line_color=OPTIMIZER_COLORS["sgd"],
                                   add_vertex_dots=False, stroke_width=4)
        with self.beat("Adam won the race, and one detail of it deserves a closer look: its averages "
                       "start at zero. "
                       "To see what that does, feed it the same gradient g at every step. The "
                       "average m should simply be g."):
            self.play(Write(sum_tex), run_time=2)
            self.play(Create(axes), Write(t_label), Write(m_label))
        first = get_colored_tex(rf"{format_number(M_RAW[0], 2)}", {}, font_size=SMALL_SIZE)
        first.set_color(OPTIMIZER_COLORS["sgd"]).next_to(axes.c2p(1, M_RAW[0]), RIGHT, buff=0.15)
        with self.beat(f"It is not. After one step m is only {format_number(M_RAW[0], 1)} g, and it "
                       f"creeps up: {format_number(M_RAW[9], 2)} g after ten steps."):
            self.play(Create(raw), run_time=3)
            self.play(FadeIn(first))
        self.axes, self.sum_tex, self.raw = axes, sum_tex, raw
        self.left = VGroup(axes, t_label, m_label, raw, first)

    def show_correction(self):
        fixed = self.axes.plot_line_graph(BIAS_T, M_HAT, line_color=EIGEN, add_vertex_dots=False,
                                          stroke_width=4)
        hat = get_colored_tex(r"\hat{\mathbf{m}}_t = \frac{\mathbf{m}_t}{1 - \beta_1^{\,t}}",
                              {r"\beta_1": ACCENT}, font_size=LABEL_SIZE)
        hat.next_to(self.sum_tex, DOWN, buff=0.3, aligned_edge=LEFT)
        with self.beat("The reason is in the sum: its weights add up to one minus beta one to "
                       "the t, not to one. The missing weight sits on the zero we started from."):
            self.play(Indicate(self.sum_tex[0][-7:], color=ACCENT), run_time=1.5)
        with self.beat("So divide by that sum. The corrected average, m hat, is exactly g from "
                       "the first step on. The squared average s gets the same fix, with beta two."):
            self.play(Write(hat))
            self.play(Create(fixed), run_time=2)
        self.left.add(fixed)
        self.hat = hat

    def show_step_lengths(self):
        axes = self.get_axes((0, 7, 2), [2, 4, 6]).to_corner(DR, buff=0.6)
        t_label = get_colored_tex("t", {}, font_size=LABEL_SIZE).next_to(axes.x_axis, RIGHT, buff=0.15)
        y_label = get_colored_tex(r"\text{step} / \eta", TEX_MAP, font_size=LABEL_SIZE).next_to(
            axes.c2p(0, 7), UP, buff=0.15)
        raw = axes.plot_line_graph(BIAS_T, ADAM_STEPS["raw"], line_color=OPTIMIZER_COLORS["sgd"],
                                   add_vertex_dots=False, stroke_width=4)
        fixed = axes.plot_line_graph(BIAS_T, ADAM_STEPS["fixed"], line_color=EIGEN,
                                     add_vertex_dots=False, stroke_width=4)
        with self.beat(f"It matters most for s, because beta two is {format_number(BETA2, 3)}: "
                       "its bias lasts for thousands of steps. Uncorrected, Adam's first step "
                       f"would be {format_number(ADAM_STEPS['raw'][0], 2)} times eta, and by step "
                       f"{RAW_PEAK + 1}, {format_number(ADAM_STEPS['raw'][RAW_PEAK], 1)} times: "
                       "the longest steps, just when the averages know least."):
            self.play(Create(axes), Write(t_label), Write(y_label))
            self.play(Create(raw), run_time=3)
        with self.beat("Corrected, every step is eta long, as the first step of the exercise "
                       "will ask you to check: each coordinate moves by eta against the sign of "
                       "its gradient."):
            self.play(Create(fixed), run_time=2)
            self.play(Indicate(self.hat, color=EIGEN))
        self.right = VGroup(axes, t_label, y_label, raw, fixed)

    def show_bridge(self):
        rows = get_bridge(ADAM_STEP, formula_colors={r"\eta": LEARNING_RATE})
        rows.move_to(ORIGIN)
        setup = get_colored_tex(r"\mathbf{g} = (3, -0.5), \quad \mathbf{x}_0 = (1, 2), \quad "
                                r"\eta = 0.1", TEX_MAP, font_size=LABEL_SIZE)
        setup.next_to(rows, UP, buff=0.5)
        with self.beat("In code: mathcore's Adam, and the same step written out in NumPy, "
                       "with both corrections. A gradient of three and a gradient of minus one "
                       "half both move their coordinate by exactly 0.1."):
            self.play(FadeOut(self.left), FadeOut(self.right), FadeOut(self.sum_tex),
                      FadeOut(self.hat))
            self.play(FadeIn(setup), FadeIn(rows[0]))
            self.play(FadeIn(rows[1]), FadeIn(rows[3][0]))
            self.play(FadeIn(rows[2]), FadeIn(rows[3][1]))
            self.wait(1)


# =========================================================================== try it

class Lesson07TryIt(TryItScene):
    lesson = 7
