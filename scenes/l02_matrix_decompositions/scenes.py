"""Lesson 02 — Matrix decompositions.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed once, here at the top, by ``mathcore``
(with a fixed seed); the scenes only draw and format them.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, DR, LEFT, ORIGIN, RIGHT, UL, UP, UR, AnimationGroup, Axes, Create, DashedLine,
    Circumscribe, DashedVMobject, SurroundingRectangle,
    Dot, Ellipse, FadeIn, FadeOut, GrowArrow, GrowFromCenter, Indicate, LaggedStart, Line,
    MathTex, ReplacementTransform, RightAngle, Tex, Restore, Rotate, Transform, TransformFromCopy,
    ValueTracker, VGroup, Write, always_redraw, linear,
)
from manim import ApplyMatrix

from mathcore import linalg
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, ACCENT_2, ACCENT_3, BODY_SIZE, DATA, EDGE_BUFF, EIGEN, FAINT, I_HAT, J_HAT, LABEL_SIZE,
    MATRIX, MUTED, SMALL_SIZE, TEXT, TITLE_SIZE, VECTOR,
)
from scenekit.widgets import (
    format_number, get_arrow, get_background_plane, get_formula, get_matrix, get_matrix_label,
    get_panel, get_plane, get_span_line, get_tip_dot, get_tracked_arrow, get_tracked_number,
    get_unit_circle,
)

SEED = 2  # the only source of randomness in this lesson (the PCA point cloud)

# --------------------------------------------------------------------------- eigenvectors
# A symmetric matrix (like every covariance matrix): real eigenvalues and
# perpendicular eigenvectors, so eigh and power iteration both apply.
A = np.array([[3.0, 1.0],
              [1.0, 2.0]])  # (2, 2)
EIGENVALUES, EIGENVECTORS = linalg.eigh(A)  # (2,) descending, (2, 2) unit columns
OFF_SPAN_VECTOR = np.array([-1.0, 1.0])  # an ordinary vector, not an eigenvector

# --------------------------------------------------------------------------- power iteration
V0 = np.array([-0.5, 1.0])  # fixed start: mostly along the *small* eigenvector, so it must turn
POWER = linalg.power_iteration(A, V0, tol=1e-10, max_iter=200)
ITERATES = POWER.iterates  # (k+1, 2) unit vectors v_0 .. v_k
ESTIMATES = POWER.eigenvalues  # (k+1,) Rayleigh quotients v_j^T A v_j
PRODUCTS = ITERATES[:-1] @ A.T  # (k, 2) the un-normalised A v_j, drawn before each normalisation
N_SLOW_STEPS = 5  # steps shown one motion at a time; the rest play fast

# --------------------------------------------------------------------------- SVD
A_SVD = np.array([[2.0, 1.0],
                  [0.5, 1.5]])  # (2, 2) not symmetric; U and V^T both turn out to be rotations
U_SVD, S_SVD, VT_SVD = linalg.svd(A_SVD)  # (2, 2), (2,), (2, 2)
SVD_IMAGES = linalg.matmul(A_SVD, VT_SVD.T)  # (2, 2) column j: A v_j, a semi-axis of the ellipse


def rotation_angle(R: np.ndarray) -> float:
    """The angle (radians) of a 2-D rotation matrix R = [[c, -s], [s, c]]."""
    return float(np.arctan2(R[1, 0], R[0, 0]))


# --------------------------------------------------------------------------- PCA
rng = np.random.default_rng(SEED)
CLOUD_MEAN = np.array([1.6, 0.9])  # where the data sits before centring
CLOUD_COV = np.array([[2.2, 1.3],
                      [1.3, 1.2]])
CLOUD = rng.multivariate_normal(CLOUD_MEAN, CLOUD_COV, size=60)  # (60, 2)
PCA = linalg.pca(CLOUD, 2)  # components (2, 2), explained_variance (2,), ratio (2,), mean (2,)
PCA_1 = linalg.pca(CLOUD, 1)
PROJECTED = PCA_1.inverse_transform(PCA_1.transform(CLOUD)) - PCA.mean  # (60, 2) centred, on PC 1

# --------------------------------------------------------------------------- LU and QR
M = rng.integers(-4, 5, size=(3, 3)).astype(float)  # (3, 3) a seeded integer matrix
P_LU, L_LU, U_LU = linalg.lu(M)  # M = P L U
Q_QR, R_QR = linalg.qr(M)  # M = Q R

# --------------------------------------------------------------------------- Gram-Schmidt
# QR drawn in the plane, on two columns a1, a2 of a small matrix B. (M's columns live in 3-D,
# and its q1 . a2 = -0.24 would make the shadow too short to see.)
B_GS = np.array([[3.0, 1.0],
                 [2.0, 3.0]])  # (2, 2) columns a1 = (3, 2), a2 = (1, 3)
Q_GS, R_GS = linalg.qr(B_GS)  # (2, 2) columns q1, q2; (2, 2) upper triangular, diagonal >= 0
# a2 = r12 q1 + r22 q2, read off QR's factors: the shadow of a2 on q1, and what is left.
GS_SHADOW = R_GS[0, 1] * Q_GS[:, 0]  # (2,) (q1 . a2) q1
GS_REMAINDER = R_GS[1, 1] * Q_GS[:, 1]  # (2,) a2 - (q1 . a2) q1, perpendicular to q1


# =========================================================================== scene 1

EIGEN_UNIT = 1.3  # frame units per plane unit: big enough to see a stretch of 1.38

class EigenvectorsStayOnTheirSpan(NarratedScene):
    """Under A most vectors leave the line they span; eigenvectors only stretch."""

    def construct(self):
        # Step 1: the plane, i-hat and j-hat, and the matrix A.
        self.plane = get_plane(unit=EIGEN_UNIT)
        self.add(get_background_plane(unit=EIGEN_UNIT), self.plane)
        self.show_basis_and_matrix()
        # Step 2: the whole grid bends under A, then springs back.
        self.show_grid_morph()
        # Step 3: most vectors are knocked off their span.
        self.show_vectors_leave_their_span()
        # Step 4: the eigenvectors stay on their span and are only stretched.
        self.show_eigenvectors_stretch()
        # Step 5: the equation that says so.
        self.show_eigen_equation()

    # ------------------------------------------------------------------ steps
    def show_basis_and_matrix(self):
        plane = self.plane
        self.i_tip, self.j_tip = get_tip_dot(plane, (1, 0)), get_tip_dot(plane, (0, 1))
        self.i_hat = get_tracked_arrow(plane, self.i_tip, I_HAT)
        self.j_hat = get_tracked_arrow(plane, self.j_tip, J_HAT)
        self.add(self.i_tip, self.j_tip)
        with self.beat("Here is the plane, with its two basis vectors: i-hat in green, j-hat in red."):
            self.play(GrowArrow(self.i_hat), GrowArrow(self.j_hat))
        self.matrix_label = get_matrix_label("A", A, MATRIX, column_colors=(I_HAT, J_HAT))
        self.matrix_label.to_corner(UL, buff=EDGE_BUFF).set_z_index(10)
        with self.beat("And here is a matrix A. Its first column says where i-hat lands, "
                       "its second column where j-hat lands."):
            self.play(FadeIn(self.matrix_label, shift=0.2 * DOWN))
            self.play(Indicate(self.matrix_label[1][1].get_columns()[0], color=I_HAT),
                      Indicate(self.matrix_label[1][1].get_columns()[1], color=J_HAT))

    def get_moving_group(self) -> VGroup:
        """Everything that A moves: the plane and the tips of tracked arrows."""
        return VGroup(self.plane, *self.tips)

    def show_apply_A(self, run_time: float = 2.5):
        self.play(ApplyMatrix(A, self.get_moving_group(), about_point=self.plane.c2p(0, 0)),
                  run_time=run_time)

    def show_grid_morph(self):
        self.tips = [self.i_tip, self.j_tip]
        for mob in (self.plane, *self.tips):
            mob.save_state()
        with self.beat("Apply A, and the whole grid moves with its basis vectors. "
                       "Grid lines stay parallel and evenly spaced: that is what linear means."):
            self.show_apply_A()
            self.wait(1)
        with self.beat("Let's undo that, and follow a few single vectors instead."):
            self.play(*(Restore(m) for m in (self.plane, *self.tips)), run_time=1.5)

    def show_vectors_leave_their_span(self):
        plane = self.plane
        self.v_tip = get_tip_dot(plane, OFF_SPAN_VECTOR)
        self.v_arrow = get_tracked_arrow(plane, self.v_tip, VECTOR)
        self.v_tip.save_state()
        self.tips = [self.i_tip, self.j_tip, self.v_tip]
        self.add(self.v_tip)
        spans = VGroup(
            get_span_line(plane, (1, 0), I_HAT, stroke_width=2),
            get_span_line(plane, (0, 1), J_HAT, stroke_width=2),
            get_span_line(plane, OFF_SPAN_VECTOR, VECTOR, stroke_width=2),
        )
        with self.beat("Each vector spans a line through the origin: every multiple of it. "
                       "Here are the spans of i-hat, j-hat, and one more vector in blue."):
            self.play(GrowArrow(self.v_arrow))
            self.play(LaggedStart(*(Create(s) for s in spans), lag_ratio=0.3), run_time=2)
        with self.beat("Now apply A. Watch each arrow leave the line it started on. "
                       "Most vectors get knocked off their span."):
            self.show_apply_A(run_time=3)
            self.wait(1.5)
        with self.beat("That is what almost every vector does."):
            self.play(*(Restore(m) for m in (self.plane, *self.tips)), run_time=1.5)
            self.play(FadeOut(spans), FadeOut(self.v_arrow))
        self.remove(self.v_tip)
        self.tips = [self.i_tip, self.j_tip]

    def show_eigenvectors_stretch(self):
        plane = self.plane
        q_tips = [get_tip_dot(plane, EIGENVECTORS[:, j]) for j in range(2)]
        for tip in q_tips:
            tip.save_state()
        self.q_arrows = [get_tracked_arrow(plane, tip, EIGEN) for tip in q_tips]
        spans = VGroup(*(get_span_line(plane, EIGENVECTORS[:, j], EIGEN, dashed=True, stroke_width=2)
                         for j in range(2)))
        self.add(*q_tips)
        self.tips = [self.i_tip, self.j_tip, *q_tips]
        with self.beat("But some special vectors stay exactly on their span. "
                       "For this matrix they lie along these two yellow lines."):
            self.play(LaggedStart(*(Create(s) for s in spans), lag_ratio=0.4), run_time=2)
            self.play(*(GrowArrow(a) for a in self.q_arrows))
        with self.beat("Apply A once more. The yellow vectors do not turn at all; "
                       "they are only stretched."):
            self.show_apply_A(run_time=3)
        labels = VGroup(*(
            get_panel(MathTex(rf"\times\,{format_number(EIGENVALUES[j])}", font_size=LABEL_SIZE,
                              color=EIGEN), buff=0.08, opacity=0.7)
            for j in range(2)
        ))
        labels[0].next_to(q_tips[0], RIGHT, buff=0.15)
        labels[1].next_to(q_tips[1], LEFT, buff=0.15)
        with self.beat(f"One is stretched by a factor of {format_number(EIGENVALUES[0])}, "
                       f"the other by {format_number(EIGENVALUES[1])}. "
                       "These are the eigenvectors of A, and the stretch factors are its eigenvalues."):
            self.play(LaggedStart(*(FadeIn(l, shift=0.1 * UP) for l in labels), lag_ratio=0.5))
            self.wait(1.5)
        self.eigen_labels = labels

    def show_eigen_equation(self):
        equation = get_formula("A", r"\mathbf{v}", "=", r"\lambda", r"\mathbf{v}", font_size=44)
        equation[1].set_color(EIGEN)
        equation[4].set_color(EIGEN)
        values = MathTex(
            rf"\lambda_1 = {format_number(EIGENVALUES[0])}", r",\quad",
            rf"\lambda_2 = {format_number(EIGENVALUES[1])}", font_size=LABEL_SIZE,
        )
        values[0].set_color(EIGEN)
        values[2].set_color(EIGEN)
        card = get_panel(VGroup(equation, values).arrange(DOWN, buff=0.25))
        card.to_corner(DR, buff=EDGE_BUFF).set_z_index(10)
        with self.beat("In symbols: A times v equals lambda times v. Applying the matrix to an "
                       "eigenvector is the same as multiplying it by a single number, lambda."):
            self.play(FadeIn(card[0]), Write(equation[:2]))
            self.play(Write(equation[2:]))
            # "multiplying it by a single number": each arrow's stretch label becomes its lambda
            self.play(Indicate(equation[3], color=EIGEN), *(Indicate(label[1], color=EIGEN)
                                                            for label in self.eigen_labels))
            self.play(*(TransformFromCopy(label[1], values[2 * j])
                        for j, label in enumerate(self.eigen_labels)), FadeIn(values[1]))
            self.wait(0.5)
        self.remove(card[0], *equation, *values)
        self.add(card)
        with self.beat("Finding these directions is the first decomposition of this lesson. "
                       "Next: how a computer actually finds them."):
            self.play(Indicate(equation[3], color=EIGEN), run_time=1.5)
            self.wait(1)


# =========================================================================== scene 2

PLANE_CENTER = np.array([-4.24, -1.1, 0])  # the origin; the grid spans x in [-2, 4], y in [-2, 3]
PLANE_UNIT = 1.33
PANEL_LEFT, PANEL_RIGHT = 1.45, 6.85  # the text column right of the plane
ITERATE_LABEL_SIZE = BODY_SIZE + 4  # v_k and A v_k must read at 480p


class PowerIterationConverges(NarratedScene):
    """v <- A v / ||A v|| drawn step by step; the Rayleigh quotient converges."""

    def construct(self):
        # Step 1: a small plane on the left with the unit circle and the yellow eigen-line.
        self.plane = get_plane(x_range=(-2, 4, 1), y_range=(-2, 3, 1), unit=PLANE_UNIT,
                               center=PLANE_CENTER)
        self.circle = get_unit_circle(self.plane, color=MUTED)
        self.show_setup()
        # Step 2: the update rule and the eigenvalue estimate, coloured like the picture.
        self.show_formulas()
        # Step 3: the first few steps, one motion at a time: multiply, then normalise.
        for k in range(N_SLOW_STEPS):
            self.show_one_step(k, detailed=k < 2)
        # Step 4: the remaining steps, fast, driven by one ValueTracker along the iterates.
        self.show_fast_forward()
        # Step 5: the result agrees with the eigenvector from the full decomposition.
        self.show_agreement()

    # ------------------------------------------------------------------ helpers
    def point(self, coords) -> np.ndarray:
        return self.plane.c2p(*coords)

    def get_iterate_arrow(self, k: int, color=VECTOR):
        return get_arrow(self.point((0, 0)), self.point(ITERATES[k]), color)

    def get_tip_label(self, formula: MathTex, coords, sideways: float = 0.0) -> VGroup:
        """``formula`` on a dark backing just beyond the tip of the arrow from the origin
        to ``coords``, clear of the arrow, shifted ``sideways`` frame units
        counter-clockwise (the iterates turn clockwise, so that side stays free)."""
        label = get_panel(formula, buff=0.06, opacity=0.8).set_z_index(5)
        tip = self.point(coords)
        radial = tip - self.point((0, 0))
        radial = radial / np.linalg.norm(radial)
        across = np.array([-radial[1], radial[0], 0.0])
        reach = label.width / 2 * abs(radial[0]) + label.height / 2 * abs(radial[1]) + 0.12
        return label.move_to(tip + reach * radial + sideways * across)

    def get_iterate_label(self, k: int) -> VGroup:
        tex = rf"\mathbf{{v}}_{{{k}}}"
        formula = get_formula(tex, font_size=ITERATE_LABEL_SIZE, colors={tex: VECTOR})
        return self.get_tip_label(formula, ITERATES[k], sideways=0.22)

    # ------------------------------------------------------------------ steps
    def show_setup(self):
        with self.beat("A computer rarely solves for eigenvectors directly. "
                       "One of the simplest methods just keeps multiplying by the matrix."):
            self.play(FadeIn(self.plane), Create(self.circle), run_time=2)
        self.matrix_label = get_matrix_label("A", A, MATRIX, column_colors=(I_HAT, J_HAT),
                                             font_size=LABEL_SIZE)
        self.matrix_label.move_to([PANEL_LEFT, 3.6, 0], aligned_edge=UL)
        self.arrow = self.get_iterate_arrow(0)
        self.v_label = self.get_iterate_label(0)
        with self.beat("Take the same matrix A, and any start vector of length one. "
                       "Call it v zero."):
            self.play(FadeIn(self.matrix_label))
            self.play(GrowArrow(self.arrow), FadeIn(self.v_label))

    def show_formulas(self):
        update = get_formula(r"\mathbf{v}_{k+1}", "=",
                             r"{A \mathbf{v}_k \over \| A \mathbf{v}_k \|}", font_size=BODY_SIZE)
        update[0].set_color(VECTOR)
        rayleigh = get_formula(r"\lambda_k", "=", r"\mathbf{v}_k^{T}", "A", r"\mathbf{v}_k",
                               font_size=BODY_SIZE)
        rayleigh[0].set_color(EIGEN)
        rayleigh[2].set_color(VECTOR)
        rayleigh[3].set_color(MATRIX)
        rayleigh[4].set_color(VECTOR)
        formulas = VGroup(update, rayleigh).arrange(DOWN, buff=0.3, aligned_edge=LEFT)
        formulas.next_to(self.matrix_label, RIGHT, buff=0.4).align_to(self.matrix_label, UP)
        self.formulas = formulas
        with self.beat("The rule: multiply by A, then divide by the length, so the vector "
                       "stays on the unit circle."):
            self.play(Write(update[2]))
            self.play(Write(update[:2]))
            self.play(Indicate(self.circle, color=VECTOR, scale_factor=1.05))
        with self.beat("And after every step, the Rayleigh quotient, v transpose A v, "
                       "is our current guess for the eigenvalue lambda."):
            self.play(Write(rayleigh[2]), Indicate(self.v_label, color=VECTOR))
            self.play(Write(rayleigh[3]), Indicate(self.matrix_label[1][0], color=MATRIX))
            self.play(Write(rayleigh[4]), Indicate(self.v_label, color=VECTOR))
            self.play(Write(rayleigh[:2]))
        # The live readout: step counter and estimate, both looked up from POWER.
        self.step = ValueTracker(0)
        k_number = get_tracked_number(self.step, decimals=0, font_size=BODY_SIZE,
                                      value=lambda t: int(np.floor(t + 1e-9)))
        lam_number = get_tracked_number(self.step, decimals=4, color=EIGEN, font_size=BODY_SIZE,
                                        value=lambda t: ESTIMATES[int(np.floor(t + 1e-9))])
        k_text = MathTex("k", "=", font_size=BODY_SIZE)
        lam_text = MathTex(r"\lambda_k", r"\approx", font_size=BODY_SIZE)
        lam_text[0].set_color(EIGEN)
        readout = VGroup(VGroup(k_text, k_number), VGroup(lam_text, lam_number))
        for pair in readout:
            pair.arrange(RIGHT, buff=0.15)
        k_number.add_updater(lambda m: m.next_to(k_text, RIGHT, buff=0.15))
        lam_number.add_updater(lambda m: m.next_to(lam_text, RIGHT, buff=0.15))
        readout.arrange(RIGHT, buff=0.9).next_to(VGroup(self.matrix_label, formulas), DOWN, buff=0.4)
        readout.set_x((PANEL_LEFT + PANEL_RIGHT) / 2)
        self.readout = readout
        # The estimate per step, plotted against k, with the true value dashed.
        n = POWER.n_iter
        self.axes = Axes(
            x_range=(0, n, 5), y_range=(1, 4, 1), x_length=4.8, y_length=2.5,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
        ).add_coordinates(font_size=SMALL_SIZE)
        self.axes.next_to(readout, DOWN, buff=0.6).set_x((PANEL_LEFT + PANEL_RIGHT) / 2)
        axes_labels = VGroup(
            MathTex("k", font_size=LABEL_SIZE).next_to(self.axes.x_axis, RIGHT, buff=0.15),
            MathTex(r"\lambda_k", font_size=LABEL_SIZE, color=EIGEN)
            .next_to(self.axes.y_axis, UP, buff=0.15),
        )
        self.estimate_dots = VGroup(*(
            Dot(self.axes.c2p(j, ESTIMATES[j]), radius=0.05, color=EIGEN) for j in range(n + 1)
        ))
        with self.beat(f"At the start the guess is {format_number(ESTIMATES[0], 2)}. "
                       "We will plot the guess after every step."):
            self.play(FadeIn(readout), Create(self.axes), FadeIn(axes_labels))
            self.play(FadeIn(self.estimate_dots[0], scale=2))

    def show_one_step(self, k: int, detailed: bool):
        """v_k -> A v_k (longer, turned) -> v_{k+1} (back on the circle)."""
        product = get_arrow(self.point((0, 0)), self.point(PRODUCTS[k]), MATRIX)
        product_label = self.get_tip_label(
            get_formula("A", rf"\mathbf{{v}}_{{{k}}}", font_size=ITERATE_LABEL_SIZE,
                        colors={rf"\mathbf{{v}}_{{{k}}}": VECTOR}), PRODUCTS[k])
        new_arrow = self.get_iterate_arrow(k + 1)
        ghost = self.arrow.copy().set_stroke(opacity=0.3).set_fill(opacity=0.3).set_color(FAINT)
        new_label = self.get_iterate_label(k + 1)
        length = format_number(np.linalg.norm(PRODUCTS[k]), 2)
        if detailed:
            with self.beat(f"Multiply by A. The vector turns, and its length is now {length}."):
                self.play(TransformFromCopy(self.arrow, product), FadeIn(product_label), run_time=1.5)
            with self.beat(f"Divide by {length}, and it is back on the circle: v {k + 1}."):
                self.add(ghost)
                self.play(ReplacementTransform(product, new_arrow), FadeOut(product_label),
                          FadeOut(self.arrow), ReplacementTransform(self.v_label, new_label),
                          run_time=1.5)
            with self.beat(f"The guess for lambda moves to {format_number(ESTIMATES[k + 1], 2)}."):
                self.play(self.step.animate.set_value(k + 1),
                          FadeIn(self.estimate_dots[k + 1], scale=2), run_time=1)
        else:
            text = ("And again: multiply, normalise. Each step turns the vector further toward "
                    "one direction." if k == 2 else
                    f"Step {k + 1}: the guess is now {format_number(ESTIMATES[k + 1], 2)}.")
            with self.beat(text):
                self.play(TransformFromCopy(self.arrow, product), run_time=1)
                self.add(ghost)
                self.play(ReplacementTransform(product, new_arrow), FadeOut(self.arrow),
                          ReplacementTransform(self.v_label, new_label),
                          self.step.animate.set_value(k + 1),
                          FadeIn(self.estimate_dots[k + 1], scale=2), run_time=1)
        self.arrow, self.v_label = new_arrow, new_label

    def show_fast_forward(self):
        n = POWER.n_iter
        start = N_SLOW_STEPS

        def iterate_at(t: float) -> np.ndarray:
            """Look up the drawn vector between stored iterates j and j+1 (no algorithm here)."""
            j = min(int(np.floor(t)), n - 1)
            w = (1 - (t - j)) * ITERATES[j] + (t - j) * ITERATES[j + 1]
            return w / np.linalg.norm(w)

        moving = always_redraw(
            lambda: get_arrow(self.point((0, 0)), self.point(iterate_at(self.step.get_value())), VECTOR)
        )
        dots = always_redraw(lambda: VGroup(*self.estimate_dots[start + 1:int(self.step.get_value() + 1e-9) + 1]))
        self.remove(self.arrow)
        self.add(moving, dots)
        with self.beat("From here on, the changes are too small to see, so let's speed up. "
                       "Each step shrinks the error by roughly the same factor: the second "
                       "eigenvalue divided by the first."):
            self.play(FadeOut(self.v_label), run_time=0.5)
            self.play(self.step.animate.set_value(n), run_time=6, rate_func=linear)
        moving.clear_updaters()
        dots.clear_updaters()
        self.arrow = moving

    def show_agreement(self):
        n = POWER.n_iter
        truth = DashedLine(self.axes.c2p(0, EIGENVALUES[0]), self.axes.c2p(n, EIGENVALUES[0]),
                           color=EIGEN, stroke_width=2)
        eigen_line = get_span_line(self.plane, EIGENVECTORS[:, 0], EIGEN, dashed=True,
                                   length=4.6, stroke_width=2)
        eigen_arrow = get_arrow(self.point((0, 0)), self.point(EIGENVECTORS[:, 0]), EIGEN)
        with self.beat(f"After {n} multiplications the estimate stops changing, at "
                       f"{format_number(POWER.eigenvalue, 4)}. The dashed line is the largest "
                       "eigenvalue from the full decomposition: they agree."):
            self.play(Create(truth), run_time=1.5)
            self.play(Indicate(self.readout[1], color=EIGEN))
        verdict = "converged" if POWER.converged else "not converged"
        status = Tex(f"{verdict} after {n} steps", font_size=LABEL_SIZE, color=TEXT)
        status.next_to(self.axes, DOWN, buff=0.4)
        with self.beat("And the vector itself lies on the yellow eigenvector. Power iteration "
                       "found the direction A stretches most, using nothing but multiplication."):
            self.play(Create(eigen_line), run_time=1.5)
            self.play(ReplacementTransform(self.arrow, eigen_arrow), FadeIn(status, shift=0.1 * UP))
            self.wait(2)


# =========================================================================== scene 3

SVD_UNIT = 1.4  # frame units per plane unit
SIGMA_COLORS = (ACCENT, ACCENT_2)  # v1 / sigma_1 / u1 orange, v2 / sigma_2 / u2 pink


class SvdRotateStretchRotate(NarratedScene):
    """A = U Sigma V^T: rotate by V^T, stretch along the axes by Sigma, rotate by U."""

    def construct(self):
        # Step 1: plane, unit circle, basis vectors, and the matrix.
        self.plane = get_plane(unit=SVD_UNIT)
        self.add(get_background_plane(unit=SVD_UNIT), self.plane)
        self.show_circle_and_matrix()
        # Step 2: A at once turns the circle into an ellipse (kept as a dashed outline).
        self.show_A_at_once()
        # Step 3: the right singular vectors, and the formula A = U Sigma V^T.
        self.show_singular_vectors()
        # Step 4: the three motions, one at a time.
        self.show_rotate(VT_SVD, factor=3, text=(
            "First V transpose. It is a rotation: it turns the orange and pink vectors "
            "onto the two axes."))
        self.show_stretch()
        self.show_rotate(U_SVD, factor=1, text=(
            "Last, U. Another rotation, which turns the ellipse into its final position."))
        # Step 5: the three motions land exactly where A did in one go.
        self.show_match()

    # ------------------------------------------------------------------ steps
    def show_circle_and_matrix(self):
        plane = self.plane
        self.circle = get_unit_circle(plane, color=TEXT)
        self.i_tip, self.j_tip = get_tip_dot(plane, (1, 0)), get_tip_dot(plane, (0, 1))
        self.arrows = VGroup(get_tracked_arrow(plane, self.i_tip, I_HAT),
                             get_tracked_arrow(plane, self.j_tip, J_HAT))
        self.tips = [self.i_tip, self.j_tip]
        self.add(*self.tips)
        self.matrix_label = get_matrix_label("A", A_SVD, MATRIX, decimals=1,
                                             column_colors=(I_HAT, J_HAT))
        self.matrix_label.to_corner(UR, buff=EDGE_BUFF).set_z_index(10)
        with self.beat("Here is the unit circle, with i-hat and j-hat, and a new matrix A, "
                       "one that is not symmetric."):
            self.play(Create(self.circle), GrowArrow(self.arrows[0]), GrowArrow(self.arrows[1]))
            self.play(FadeIn(self.matrix_label, shift=0.2 * DOWN))

    def moving(self) -> VGroup:
        return VGroup(self.plane, self.circle, *self.tips)

    def show_A_at_once(self):
        for mob in self.moving():
            mob.save_state()
        origin = self.plane.c2p(0, 0)
        with self.beat("Apply A, and the circle becomes an ellipse. Every matrix does this to "
                       "the unit circle."):
            self.play(ApplyMatrix(A_SVD, self.moving(), about_point=origin), run_time=3)
        self.target_outline = DashedVMobject(self.circle.copy().set_stroke(color=MATRIX, width=3),
                                             num_dashes=40)
        with self.beat("Let's keep its outline, dashed, and undo A. The singular value "
                       "decomposition will build the same motion from three simple ones."):
            self.add(self.target_outline)
            self.play(*(Restore(m) for m in self.moving()), run_time=2)

    def show_singular_vectors(self):
        plane = self.plane
        self.v_tips = [get_tip_dot(plane, VT_SVD[j]) for j in range(2)]
        self.v_arrows = VGroup(*(get_tracked_arrow(plane, tip, color)
                                 for tip, color in zip(self.v_tips, SIGMA_COLORS)))
        self.tips += self.v_tips
        self.add(*self.v_tips)
        formula = MathTex("A", "=", "U", r"\Sigma", "V^{T}", font_size=48)
        formula[0].set_color(MATRIX)
        self.formula = get_panel(formula)
        self.formula.to_corner(UL, buff=EDGE_BUFF).set_z_index(10)
        origin = plane.c2p(0, 0)
        square = RightAngle(*(Line(origin, tip.get_center()) for tip in self.v_tips), length=0.25,
                            color=MUTED, stroke_width=2)
        # where A sends them: the semi-axes of the dashed ellipse
        images = VGroup(*(get_arrow(origin, plane.c2p(*SVD_IMAGES[:, j]), color, stroke_width=4)
                          .set_opacity(0.5) for j, color in enumerate(SIGMA_COLORS)))
        with self.beat("Two perpendicular directions, here in orange and pink, are special: "
                       "A sends them exactly onto the axes of the ellipse."):
            for arrow in self.v_arrows:
                self.play(GrowArrow(arrow), run_time=0.8)
            self.play(Create(square), run_time=0.6)
            self.play(*(TransformFromCopy(get_arrow(origin, tip.get_center(), color), image)
                        for tip, color, image in zip(self.v_tips, SIGMA_COLORS, images)),
                      FadeOut(square), run_time=1.5)
        formula = self.formula[1]
        with self.beat("The decomposition writes A as U, times Sigma, times V transpose. "
                       "Read it from right to left: three motions, one after another."):
            self.play(FadeIn(self.formula[0], shift=0.2 * DOWN), Write(formula[:2]))
            for factor in formula[2:]:
                self.play(Write(factor), run_time=0.6)
            for factor in reversed(formula[2:]):
                self.play(Indicate(factor, color=ACCENT), run_time=0.7)
            self.play(FadeOut(images))
        self.remove(self.formula[0], *formula)
        self.add(self.formula)

    def highlight(self, index: int) -> SurroundingRectangle:
        """A box around one factor of A = U Sigma V^T (index into the MathTex)."""
        return SurroundingRectangle(self.formula[1][index], color=ACCENT, buff=0.08, stroke_width=2)

    def show_rotate(self, R: np.ndarray, factor: int, text: str):
        box = self.highlight(factor + 1)
        origin = self.plane.c2p(0, 0)
        with self.beat(text):
            self.play(Create(box))
            self.play(Rotate(self.moving(), angle=rotation_angle(R), about_point=origin),
                      run_time=2.5)
            self.play(FadeOut(box))

    def show_stretch(self):
        box = self.highlight(3)
        origin = self.plane.c2p(0, 0)
        with self.beat("Then Sigma, a diagonal matrix: it stretches along the horizontal axis "
                       "and the vertical axis, each by its own amount."):
            self.play(Create(box))
            self.play(ApplyMatrix(np.diag(S_SVD), self.moving(), about_point=origin), run_time=2.5)
            self.play(FadeOut(box))
        labels = VGroup(*(
            get_panel(MathTex(rf"\sigma_{j + 1} = {format_number(S_SVD[j])}", font_size=LABEL_SIZE,
                              color=SIGMA_COLORS[j]), buff=0.08, opacity=0.75)
            for j in range(2)
        )).set_z_index(10)  # above the plane, which the last rotation brings to the front
        origin = self.plane.c2p(0, 0)
        axes = VGroup(*(Line(2 * origin - tip.get_center(), tip.get_center(), color=color,
                             stroke_width=5).set_opacity(0.7)
                        for tip, color in zip(self.v_tips, SIGMA_COLORS)))  # the ellipse's axes
        directions = (DR, UL)
        for label, tip, direction in zip(labels, self.v_tips, directions):
            label.add_updater(lambda m, tip=tip, d=direction: m.next_to(tip, d, buff=0.1))
        with self.beat(f"The stretch factors are the singular values: sigma one is "
                       f"{format_number(S_SVD[0])}, sigma two is {format_number(S_SVD[1])}. "
                       "They are the lengths of the ellipse's axes."):
            for label, axis in zip(labels, axes):
                self.play(FadeIn(label), Create(axis))
            self.play(*(Indicate(axis, color=axis.get_color(), scale_factor=1.05) for axis in axes))
            self.play(FadeOut(axes), run_time=0.5)
            self.wait(0.5)
        self.sigma_labels = labels

    def get_numeric_svd(self) -> VGroup:
        """A = U Sigma V^T with mathcore's numbers, on a card in the upper-left corner (it takes
        the place of the symbolic formula; the ellipse leaves that band free)."""
        matrices = [get_matrix(X, decimals=d, font_size=SMALL_SIZE + 2)
                    for X, d in ((A_SVD, 1), (U_SVD, 2), (np.diag(S_SVD), 2), (VT_SVD, 2))]
        for j, color in enumerate(SIGMA_COLORS):
            matrices[2].get_rows()[j][j].set_color(color)
        lhs = VGroup(matrices[0], MathTex("=", font_size=BODY_SIZE))
        names = [MathTex(t, font_size=SMALL_SIZE + 2, color=c) for t, c in
                 (("A", MATRIX), ("U", TEXT), (r"\Sigma", TEXT), ("V^{T}", TEXT))]
        row = VGroup(*lhs, *matrices[1:]).arrange(RIGHT, buff=0.12)
        for name, matrix in zip(names, matrices):
            name.next_to(matrix, DOWN, buff=0.12)
        factors = [VGroup(m, n) for m, n in zip(matrices[1:], names[1:])]
        card = get_panel(VGroup(row, *names))
        card.to_corner(UL, buff=EDGE_BUFF).set_z_index(10)
        return card, VGroup(*lhs, names[0]), factors

    def show_match(self):
        with self.beat("And the ellipse lands exactly on the dashed outline: rotate, stretch, "
                       "rotate is the same as applying A at once."):
            self.play(Indicate(self.target_outline, color=MATRIX, scale_factor=1.05), run_time=2)
            self.play(Indicate(self.formula[1], color=MATRIX), run_time=1.5)
        card, lhs, factors = self.get_numeric_svd()
        with self.beat("Every matrix can be taken apart this way, which is why the SVD shows up "
                       "everywhere from least squares to compressing images and LoRA."):
            self.play(ReplacementTransform(self.formula[0], card[0]), FadeOut(self.formula[1]),
                      Write(lhs))
            self.play(LaggedStart(*(FadeIn(f, shift=0.1 * UP) for f in factors), lag_ratio=0.5),
                      run_time=2)
            self.play(Circumscribe(card[1], color=MATRIX))
            self.wait(0.5)



# =========================================================================== scene 4

PCA_ORIGIN = np.array([-2.4, -0.4, 0])
PCA_UNIT = 0.9
PC_COLORS = (EIGEN, ACCENT)  # the first principal axis is the top eigenvector: yellow
PANEL_TOP_LEFT = np.array([2.9, 3.4, 0])  # the text column right of the plane


class PcaOnAPointCloud(NarratedScene):
    """Centre a seeded cloud, draw its principal axes, project onto the first."""

    def construct(self):
        # Step 1: the data, a correlated cloud of points.
        self.plane = get_plane(x_range=(-5, 5, 1), y_range=(-3, 4, 1), unit=PCA_UNIT,
                               center=PCA_ORIGIN)
        self.plane.set_stroke(opacity=0.35)
        self.show_cloud()
        # Step 2: subtract the mean.
        self.show_centring()
        # Step 3: the principal axes, scaled by the spread along them.
        self.show_principal_axes()
        # Step 4: keep one component: project every point onto the first axis.
        self.show_projection()
        # Step 5: how much of the variance that keeps.
        self.show_variance_ratio()

    def point(self, coords) -> np.ndarray:
        return self.plane.c2p(*coords)

    def show_cloud(self):
        self.dots = VGroup(*(Dot(self.point(x), radius=0.06, color=DATA) for x in CLOUD))
        with self.beat(f"Here are {len(CLOUD)} data points with two features each. "
                       "The features are correlated: the cloud leans."):
            self.play(FadeIn(self.plane))
            self.play(LaggedStart(*(GrowFromCenter(d) for d in self.dots), lag_ratio=0.04),
                      run_time=2.5)

    def show_centring(self):
        mean_dot = Dot(self.point(PCA.mean), radius=0.1, color=ACCENT)
        mean_label = MathTex(r"\boldsymbol{\mu}", font_size=LABEL_SIZE, color=ACCENT)
        mean_label.next_to(mean_dot, UR, buff=0.05)
        with self.beat("Principal component analysis starts from the mean of the data, "
                       "marked in orange."):
            self.play(GrowFromCenter(mean_dot), FadeIn(mean_label))
        shift = self.point((0, 0)) - self.point(PCA.mean)
        with self.beat("Subtract it from every point, so the cloud is centred on the origin."):
            self.play(self.dots.animate.shift(shift), mean_dot.animate.shift(shift),
                      FadeOut(mean_label), run_time=2)
            self.play(FadeOut(mean_dot))

    def show_principal_axes(self):
        origin = self.point((0, 0))
        self.axes_lines = VGroup()
        labels = VGroup()
        for j in range(2):
            half = 2 * np.sqrt(PCA.explained_variance[j]) * PCA.components[j]  # two std devs
            line = Line(self.point(-half), self.point(half), color=PC_COLORS[j], stroke_width=5)
            self.axes_lines.add(line)
            label = MathTex(rf"\text{{PC}}_{j + 1}", font_size=LABEL_SIZE, color=PC_COLORS[j])
            # beyond the last projected point, so no dot lands on the label
            reach = max(np.linalg.norm(half), np.max(PROJECTED @ PCA.components[j]))
            label.next_to(self.point(reach * PCA.components[j]), UR if j == 0 else UL, buff=0.15)
            labels.add(label)
        angle = float(np.arctan2(PCA.components[0][1], PCA.components[0][0]))
        ellipse = Ellipse(width=4 * np.sqrt(PCA.explained_variance[0]) * PCA_UNIT,
                          height=4 * np.sqrt(PCA.explained_variance[1]) * PCA_UNIT,
                          color=MUTED, stroke_width=2).rotate(angle).move_to(origin)
        with self.beat("The first principal axis is the direction in which the data spreads "
                       "the most. The second is perpendicular to it."):
            self.play(GrowFromCenter(self.axes_lines[0]), FadeIn(labels[0]), run_time=1.5)
            self.play(GrowFromCenter(self.axes_lines[1]), FadeIn(labels[1]), run_time=1.5)
        covariance = MathTex(r"C = \tfrac{1}{n-1} X^{T} X", font_size=BODY_SIZE)
        eigen = get_formula("C", r"\mathbf{w}_j", "=", r"\lambda_j", r"\mathbf{w}_j",
                            font_size=BODY_SIZE)
        for index in (1, 3, 4):
            eigen[index].set_color(EIGEN)
        formula = VGroup(covariance, eigen).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        self.formula = formula.move_to(PANEL_TOP_LEFT, aligned_edge=UL)
        with self.beat("They are the eigenvectors of the covariance matrix C, drawn yellow like "
                       "every eigenvector. Each is drawn two standard deviations long."):
            self.play(Write(formula[0]))
            self.play(Write(formula[1]), Create(ellipse), run_time=1.5)
        variances = VGroup(*(
            MathTex(rf"\lambda_{j + 1} = {format_number(PCA.explained_variance[j])}",
                    font_size=BODY_SIZE, color=PC_COLORS[j])
            for j in range(2)
        )).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        variances.next_to(formula, DOWN, buff=0.6, aligned_edge=LEFT)
        with self.beat(f"Their eigenvalues are the variances along each axis: "
                       f"{format_number(PCA.explained_variance[0])} along the first, only "
                       f"{format_number(PCA.explained_variance[1])} along the second."):
            self.play(FadeIn(variances, shift=0.1 * UP))
            self.wait(1)
        self.axis_labels, self.variances, self.ellipse = labels, variances, ellipse

    def show_projection(self):
        shadows = VGroup(*(Dot(self.point(p), radius=0.06, color=DATA) for p in PROJECTED))
        drops = VGroup(*(
            Line(d.get_center(), s.get_center(), color=MUTED, stroke_width=1.5)
            for d, s in zip(self.dots, shadows)
        ))
        with self.beat("To reduce the data to one dimension, drop every point onto the first "
                       "axis, along the perpendicular."):
            self.play(LaggedStart(*(Create(l) for l in drops), lag_ratio=0.02), run_time=1.5)
            self.play(*(Transform(d, s) for d, s in zip(self.dots, shadows)), run_time=2)
            self.play(FadeOut(drops), FadeOut(self.ellipse))

    def show_variance_ratio(self):
        ratio = PCA.explained_variance_ratio
        bar_width = 3.6
        bars = VGroup()
        for j in range(2):
            bar = Line(ORIGIN, RIGHT * bar_width * ratio[j], color=PC_COLORS[j], stroke_width=14)
            bars.add(bar)
        bars.arrange(RIGHT, buff=0)
        text = MathTex(rf"\text{{PC}}_1 \text{{ keeps }} {format_number(100 * ratio[0], 1)}\%",
                       font_size=BODY_SIZE, color=EIGEN)
        group = VGroup(text, bars).arrange(DOWN, buff=0.3, aligned_edge=LEFT)
        group.next_to(self.variances, DOWN, buff=0.6, aligned_edge=LEFT)
        with self.beat(f"The first component keeps {format_number(100 * ratio[0], 1)} percent of "
                       "the variance, its eigenvalue divided by the sum of both. One number per "
                       "point instead of two, and little is lost."):
            self.play(FadeIn(text), Create(bars[0]), run_time=1.5)
            self.play(Create(bars[1]))
            self.wait(2)


# =========================================================================== scene 5

GS_UNIT = 1.35  # frame units per plane unit in the Gram-Schmidt picture
GS_ORIGIN = np.array([-5.5, -1.45, 0])  # the grid spans x in [-1, 4], y in [-1, 3]
GS_PANEL_LEFT, GS_PANEL_TOP = 0.7, 2.75  # the text column right of the plane
Q_COLOR = ACCENT_3  # q1, q2 and the columns of Q
R_COLORS = (I_HAT, ACCENT, ACCENT_2)  # r11 = |a1| (green, like a1), r12 the shadow, r22 what is left


class FactorizationsAsProducts(NarratedScene):
    """Eigendecomposition, LU and QR as products of special matrices, with real entries;
    then QR's geometry: Gram-Schmidt on two columns, whose lengths and dot product are R."""

    def construct(self):
        # Step 1: eigendecomposition of the symmetric A from the first scene.
        self.show_eigendecomposition()
        # Step 2: LU with pivoting: Gaussian elimination, recorded.
        self.show_lu()
        # Step 3: QR: perpendicular columns times a triangle.
        self.show_qr()
        # Step 4: where Q and R come from: Gram-Schmidt on two columns a1, a2, in the plane.
        self.show_gram_schmidt_columns()
        # Step 5: q1 is a1 shrunk to length one; |a1| is r11.
        self.show_first_direction()
        # Step 6: the shadow of a2 on q1 (dashed); its length q1 . a2 is r12.
        self.show_shadow()
        # Step 7: what is left of a2 is perpendicular to q1; normalised, it is q2; its length is r22.
        self.show_remainder()
        # Step 8: those three numbers are exactly R.
        self.show_r_from_lengths()

    # ------------------------------------------------------------------ builders
    def get_equation(self, lhs, factors: list[tuple]) -> VGroup:
        """``lhs = F1 F2 ...`` in a row, each factor's name written under it.

        ``factors`` holds (matrix mobject, name tex, name colour) triples.
        """
        names = VGroup()
        row = VGroup(lhs, MathTex("=", font_size=BODY_SIZE + 8))
        for matrix, name, color in factors:
            row.add(matrix)
            names.add(MathTex(name, font_size=BODY_SIZE, color=color))
        row.arrange(RIGHT, buff=0.2)
        for (matrix, _, _), name in zip(factors, names):
            name.next_to(matrix, DOWN, buff=0.25)
        return VGroup(row, names)

    def get_caption(self, *lines: str) -> VGroup:
        return VGroup(*(Tex(line, font_size=LABEL_SIZE, color=MUTED) for line in lines)).arrange(
            DOWN, buff=0.15)

    def show_block(self, name: str, equation: VGroup, caption: VGroup, beats: list[tuple[str, list]]):
        """Title and equation appear in the first beat, the caption in the second;
        each beat then plays its own animations (highlights)."""
        title = Tex(name, font_size=TITLE_SIZE, color=TEXT)
        equation.scale(min(1.35, 12.5 / equation.width))
        block = VGroup(title, equation, caption).arrange(DOWN, buff=0.55).move_to(ORIGIN)
        for index, (text, anims) in enumerate(beats):
            with self.beat(text):
                if index == 0:
                    self.play(FadeIn(title, shift=0.2 * DOWN))
                    self.play(FadeIn(equation), run_time=1.5)
                elif index == 1:
                    self.play(FadeIn(caption, shift=0.1 * UP))
                for anim in anims:
                    self.play(anim)
                self.wait(1)
        self.play(FadeOut(block))

    # ------------------------------------------------------------------ steps
    def show_eigendecomposition(self):
        lam, Q = EIGENVALUES, EIGENVECTORS
        A_m = get_matrix(A, column_colors=(I_HAT, J_HAT), font_size=BODY_SIZE)
        Q_m = get_matrix(Q, column_colors=(EIGEN, EIGEN), font_size=BODY_SIZE)
        L_m = get_matrix(np.diag(lam), font_size=BODY_SIZE)
        L_m.get_entries()[0].set_color(EIGEN)
        L_m.get_entries()[3].set_color(EIGEN)
        Qt_m = get_matrix(Q.T, font_size=BODY_SIZE)
        Qt_m.get_rows().set_color(EIGEN)
        lhs = VGroup(MathTex("A", font_size=BODY_SIZE + 8, color=MATRIX),
                     MathTex("=", font_size=BODY_SIZE + 8), A_m).arrange(RIGHT, buff=0.2)
        equation = self.get_equation(lhs, [(Q_m, "Q", EIGEN), (L_m, r"\Lambda", EIGEN),
                                           (Qt_m, "Q^{T}", EIGEN)])
        caption = self.get_caption(r"columns of $Q$: the eigenvectors",
                                   r"diagonal of $\Lambda$: the eigenvalues")
        self.show_block(r"Eigendecomposition \; $A = Q \Lambda Q^{T}$", equation, caption, [
            ("The eigenvectors and eigenvalues from the first scene fit into one equation: "
             "A equals Q, times Lambda, times Q transpose.", []),
            ("The columns of Q are the two yellow eigenvectors, and Lambda holds the eigenvalues "
             "on its diagonal.", [Circumscribe(Q_m, color=EIGEN), Circumscribe(L_m, color=EIGEN)]),
            ("Because A is symmetric, Q is a rotation, and its inverse is simply its transpose. "
             "Read right to left: turn the eigenvectors onto the axes, stretch, turn back.",
             [Indicate(VGroup(A_m.get_entries()[1], A_m.get_entries()[2]), color=MATRIX),
              Circumscribe(Q_m, color=EIGEN),
              # the transpose: each column of Q becomes a row of Q^T
              AnimationGroup(*(TransformFromCopy(column, row) for column, row in
                               zip(Q_m.get_columns(), Qt_m.get_rows())), run_time=1.5),
              *(Circumscribe(m, color=ACCENT) for m in (Qt_m, L_m, Q_m))]),
        ])

    def show_lu(self):
        P_m, L_m, U_m = (get_matrix(X, font_size=BODY_SIZE) for X in (P_LU, L_LU, U_LU))
        for i in range(3):  # dim the structural zeros, so the triangles stand out
            for j in range(3):
                if j > i:
                    L_m.get_rows()[i][j].set_color(FAINT)
                if j < i:
                    U_m.get_rows()[i][j].set_color(FAINT)
                if P_LU[i, j] == 0:
                    P_m.get_rows()[i][j].set_color(FAINT)
        equation = self.get_equation(get_matrix(M, font_size=BODY_SIZE),
                                     [(P_m, "P", TEXT), (L_m, "L", TEXT), (U_m, "U", TEXT)])
        caption = self.get_caption(r"$U$: what elimination leaves \quad $L$: the multipliers it used",
                                   r"$P$: the row swaps")
        self.show_block(r"LU with pivoting \; $A = P L U$", equation, caption, [
            ("Now a three by three matrix. The LU factorization is Gaussian elimination, "
             "written down as matrices.", []),
            ("U is what elimination leaves: zeros below the diagonal. L records the multipliers "
             "it used, with zeros above the diagonal. And P records the row swaps made for "
             "stability.", [Circumscribe(U_m, color=ACCENT), Circumscribe(L_m, color=ACCENT),
                            Circumscribe(P_m, color=ACCENT)]),
            ("With it, solving a linear system becomes two easy triangular solves. It is what a "
             "linear solver does under the hood.",
             # forward substitution runs down L, back substitution up U
             [LaggedStart(*(Indicate(row, color=ACCENT) for row in L_m.get_rows()),
                          lag_ratio=0.5, run_time=1.5),
              LaggedStart(*(Indicate(row, color=ACCENT) for row in reversed(U_m.get_rows())),
                          lag_ratio=0.5, run_time=1.5),
              Circumscribe(equation[0], color=ACCENT)]),
        ])

    def show_qr(self):
        Q_m = get_matrix(Q_QR, font_size=BODY_SIZE)
        R_m = get_matrix(R_QR, font_size=BODY_SIZE)
        for i in range(3):
            for j in range(i):
                R_m.get_rows()[i][j].set_color(FAINT)
        equation = self.get_equation(get_matrix(M, font_size=BODY_SIZE),
                                     [(Q_m, "Q", TEXT), (R_m, "R", TEXT)])
        caption = self.get_caption(r"columns of $Q$: perpendicular, of length one",
                                   r"$R$: upper triangular")
        self.show_block(r"QR \; $A = Q R$", equation, caption, [
            ("The same matrix, factored differently: Q times R.", []),
            ("The columns of Q are perpendicular and of length one: Gram-Schmidt applied to the "
             "columns of A. R, upper triangular, says how to rebuild each column of A from them.",
             [Circumscribe(Q_m, color=ACCENT), Circumscribe(R_m, color=ACCENT)]),
        ])

    # ------------------------------------------------------------------ Gram-Schmidt
    def gs_point(self, coords) -> np.ndarray:
        return self.gs_plane.c2p(*coords)

    def get_gs_arrow(self, end, color, start=(0, 0)):
        return get_arrow(self.gs_point(start), self.gs_point(end), color)

    def get_gs_label(self, tex: str, color, arrow, direction) -> MathTex:
        return MathTex(tex, font_size=BODY_SIZE, color=color).next_to(arrow.get_end(), direction,
                                                                     buff=0.1)

    def get_gs_steps(self) -> VGroup:
        """The three numbers of R, one row per step, each coloured like what it measures."""
        r11, r12, r22 = (format_number(R_GS[i, j]) for i, j in ((0, 0), (0, 1), (1, 1)))
        a1, a2, q1 = r"\mathbf{a}_1", r"\mathbf{a}_2", r"\mathbf{q}_1"
        colors = {a1: I_HAT, a2: J_HAT, q1: Q_COLOR}
        rows = VGroup(
            get_formula("r_{11}", "=", r"\|", a1, r"\|", "=", r11, font_size=BODY_SIZE,
                        colors=colors),
            get_formula("r_{12}", "=", q1, r"\cdot", a2, "=", r12, font_size=BODY_SIZE,
                        colors=colors),
            get_formula("r_{22}", "=", r"\|", a2, "-", "r_{12}", q1, r"\|", "=", r22,
                        font_size=BODY_SIZE, colors=colors),
        )
        for row, color in zip(rows, R_COLORS):
            row[0].set_color(color)
            row[-1].set_color(color)
        rows[2][5].set_color(R_COLORS[1])
        return rows.arrange(DOWN, buff=0.3, aligned_edge=LEFT)

    def get_gs_product(self) -> VGroup:
        """B = Q R with the numbers of mathcore's QR: q1, q2 as Q's columns, R coloured."""
        Q_m = get_matrix(Q_GS, column_colors=(Q_COLOR, Q_COLOR), font_size=BODY_SIZE)
        R_m = get_matrix(R_GS, font_size=BODY_SIZE)
        entries = R_m.get_entries()  # row by row: r11, r12, 0, r22
        for entry, color in zip(entries, (R_COLORS[0], R_COLORS[1], FAINT, R_COLORS[2])):
            entry.set_color(color)
        lhs = MathTex("B", "=", font_size=BODY_SIZE + 4)
        lhs[0].set_color(MATRIX)
        row = VGroup(lhs, Q_m, R_m).arrange(RIGHT, buff=0.15)
        names = VGroup(MathTex("Q", font_size=LABEL_SIZE, color=Q_COLOR).next_to(Q_m, DOWN, buff=0.15),
                       MathTex("R", font_size=LABEL_SIZE).next_to(R_m, DOWN, buff=0.15))
        return VGroup(row, names)

    def get_qr_uses(self) -> VGroup:
        """Least squares (solve R x = Q^T b) and the QR algorithm (A_{k+1} = R_k Q_k)."""
        colors = {"Q": Q_COLOR, "Q^{T}": Q_COLOR, "Q_k": Q_COLOR}
        return VGroup(
            get_formula("R", r"\mathbf{x}", "=", "Q^{T}", r"\mathbf{b}", font_size=BODY_SIZE,
                        colors=colors),
            get_formula("A_{k+1}", "=", "R_k", "Q_k", font_size=BODY_SIZE, colors=colors),
        ).arrange(RIGHT, buff=0.8)

    def show_gram_schmidt_columns(self):
        self.gs_title = Tex(r"Gram--Schmidt: where $Q$ and $R$ come from", font_size=TITLE_SIZE,
                            color=TEXT).to_edge(UP, buff=EDGE_BUFF)
        self.gs_plane = get_plane(x_range=(-1, 4, 1), y_range=(-1, 3, 1), unit=GS_UNIT,
                                  center=GS_ORIGIN)
        self.gs_plane.set_stroke(opacity=0.4)
        self.a_arrows = VGroup(*(self.get_gs_arrow(B_GS[:, j], color)
                                 for j, color in enumerate((I_HAT, J_HAT))))
        self.a_labels = VGroup(
            self.get_gs_label(r"\mathbf{a}_1", I_HAT, self.a_arrows[0], RIGHT),
            self.get_gs_label(r"\mathbf{a}_2", J_HAT, self.a_arrows[1], UL),
        )
        self.b_label = get_matrix_label("B", B_GS, MATRIX, column_colors=(I_HAT, J_HAT))
        self.b_label.move_to([GS_PANEL_LEFT, GS_PANEL_TOP, 0], aligned_edge=UL)
        with self.beat("Where do Q and R come from? The idea is easiest to see in the plane. "
                       "Take a small matrix B, and draw its columns: a one in green, a two in red."):
            self.play(FadeIn(self.gs_title, shift=0.2 * DOWN), FadeIn(self.gs_plane))
            self.play(FadeIn(self.b_label), run_time=0.8)
            # each column of B drawn as its arrow
            for arrow, label, column in zip(self.a_arrows, self.a_labels,
                                            self.b_label[1][1].get_columns()):
                self.play(GrowArrow(arrow), FadeIn(label), Circumscribe(column, color=arrow.get_color()))
        self.gs_steps = self.get_gs_steps().next_to(self.b_label, DOWN, buff=0.45,
                                                    aligned_edge=LEFT)

    def show_first_direction(self):
        self.q_arrows = [self.get_gs_arrow(Q_GS[:, 0], Q_COLOR).set_z_index(1)]  # above the shadow
        q1_label = self.get_gs_label(r"\mathbf{q}_1", Q_COLOR, self.q_arrows[0], DR)
        self.q_labels = [q1_label]
        with self.beat(f"First, divide a one by its length, {format_number(R_GS[0, 0])}, to get "
                       "q one: the same direction, but length one."):
            self.play(TransformFromCopy(self.a_arrows[0], self.q_arrows[0]), run_time=1.5)
            self.play(self.a_arrows[0].animate.set_opacity(0.35),
                      self.a_labels[0].animate.set_opacity(0.5),
                      FadeIn(q1_label), Write(self.gs_steps[0]))

    def show_shadow(self):
        foot, tip = self.gs_point(GS_SHADOW), self.gs_point(B_GS[:, 1])
        self.drop = DashedLine(tip, foot, color=MUTED, stroke_width=3)
        self.shadow = DashedLine(self.gs_point((0, 0)), foot, color=R_COLORS[1], stroke_width=7)
        self.right_angle = RightAngle(Line(foot, self.gs_point((0, 0))), Line(foot, tip),
                                      length=0.22, color=MUTED, stroke_width=2)
        with self.beat(f"Next, drop a two at a right angle onto the line of q one. Its shadow, dashed, "
                       f"is {format_number(R_GS[0, 1])} long: the dot product of q one and a two."):
            self.play(Create(self.drop), Create(self.right_angle), run_time=1)
            self.play(Create(self.shadow), Write(self.gs_steps[1]), run_time=1.5)

    def show_remainder(self):
        foot, origin = self.gs_point(GS_SHADOW), self.gs_point((0, 0))
        remainder = self.get_gs_arrow(B_GS[:, 1], R_COLORS[2], start=GS_SHADOW)
        q2 = self.get_gs_arrow(Q_GS[:, 1], Q_COLOR).set_z_index(1)
        q2_label = self.get_gs_label(r"\mathbf{q}_2", Q_COLOR, q2, LEFT)
        with self.beat("Subtract the shadow from a two. What is left is perpendicular to q one, "
                       f"and {format_number(R_GS[1, 1])} long."):
            self.play(GrowArrow(remainder), run_time=1.5)
            self.play(Write(self.gs_steps[2]))
        with self.beat("Divide it by that length too, and we have q two."):
            self.play(remainder.animate.shift(origin - foot), run_time=1)
            self.play(ReplacementTransform(remainder, q2), FadeIn(q2_label))
        self.q_arrows.append(q2)
        self.q_labels.append(q2_label)

    def show_r_from_lengths(self):
        product = self.get_gs_product().next_to(self.gs_steps, DOWN, buff=0.5, aligned_edge=LEFT)
        (row, names), steps = product, self.gs_steps
        Q_m, R_m = row[1], row[2]
        r_entries = R_m.get_entries()
        uses = self.get_qr_uses().next_to(product, DOWN, buff=0.4, aligned_edge=LEFT)
        with self.beat("And those are exactly the entries of R: the two lengths on its diagonal, "
                       "the dot product above it. Q holds q one and q two."):
            self.play(FadeIn(row[0]), FadeIn(Q_m), FadeIn(names[0]),
                      FadeIn(VGroup(R_m.get_brackets(), r_entries[2], names[1])))
            self.play(*(TransformFromCopy(steps[i][-1], r_entries[k])
                        for i, k in ((0, 0), (1, 1), (2, 3))), run_time=1.5)
        with self.beat("A three by three matrix works the same way, one column at a time. "
                       "QR is how least-squares problems are solved stably, and repeated QR steps "
                       "are how libraries find all the eigenvalues at once."):
            # one column at a time: each column of B and the column of R that rebuilds it
            for j in range(2):
                self.play(Indicate(VGroup(self.a_arrows[j], self.a_labels[j]), color=ACCENT),
                          Circumscribe(R_m.get_columns()[j], color=ACCENT))
            self.play(Write(uses[0]), run_time=1.5)
            self.play(Write(uses[1]), run_time=1.5)
            self.wait(0.5)
        self.play(FadeOut(VGroup(self.gs_title, self.gs_plane, self.a_arrows, self.a_labels,
                                 self.drop, self.shadow, self.right_angle, *self.q_arrows,
                                 *self.q_labels, self.b_label, steps, product, uses)))


# =========================================================================== scene 6

class Lesson02TryIt(TryItScene):
    lesson = 2
