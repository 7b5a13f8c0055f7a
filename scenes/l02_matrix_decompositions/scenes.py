"""Lesson 02 — Matrix decompositions.

Its scenes play in the order ``curriculum.toml`` lists them.

Each major idea ends on a formula -> code -> library bridge (module-level ``Bridge``
constants; tests/scenes/test_bridges.py runs their library lines).

Every number on screen is computed once, here at the top, by ``mathcore``
(with a fixed seed); the scenes only draw and format them.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DL, DOWN, DR, LEFT, ORIGIN, RIGHT, UL, UP, UR, Axes, Create, DashedLine,
    Circumscribe, DashedVMobject, SurroundingRectangle,
    Dot, Ellipse, FadeIn, FadeOut, GrowArrow, GrowFromCenter, Indicate, LaggedStart, Line,
    MathTex, ReplacementTransform, RightAngle, Tex, Restore, Rotate, Transform, TransformFromCopy,
    ValueTracker, VGroup, Write, always_redraw, linear,
)
from manim import ApplyMatrix

from mathcore import linalg, norms
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_beats import show_bridge
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, ACCENT_2, ACCENT_3, BODY_SIZE, DATA, EDGE_BUFF, EIGEN, FAINT, I_HAT, J_HAT, LABEL_SIZE,
    MATRIX, MUTED, SMALL_SIZE, TEXT, TITLE_SIZE, VECTOR,
)
from scenekit.widgets import (
    format_number, get_caption, get_arrow, get_background_plane, get_formula, get_matrix, get_matrix_label,
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
# det(A - lambda I) = lambda^2 - trace(A) lambda + det(A) for a 2x2 matrix: its roots are EIGENVALUES
TRACE_A, DET_A = A[0, 0] + A[1, 1], linalg.determinant(A)

# --------------------------------------------------------------------------- power iteration
V0 = np.array([-0.5, 1.0])  # fixed start: mostly along the *small* eigenvector, so it must turn
POWER = linalg.power_iteration(A, V0, tol=1e-10, max_iter=200)
ITERATES = POWER.iterates  # (k+1, 2) unit vectors v_0 .. v_k
ESTIMATES = POWER.eigenvalues  # (k+1,) Rayleigh quotients v_j^T A v_j
PRODUCTS = ITERATES[:-1] @ A.T  # (k, 2) the un-normalised A v_j, drawn before each normalisation
N_SLOW_STEPS = 5  # steps shown one motion at a time; the rest play fast

# --------------------------------------------------------------------------- how fast it converges
# In the eigenvector basis v_k is proportional to q_1 + t_k q_2, t_k = (c_2 / c_1)(lambda_2 / lambda_1)^k:
# the direction's error t_k shrinks by RATE per step, the estimate's error by RATE squared.
RATE = EIGENVALUES[1] / EIGENVALUES[0]  # lambda_2 / lambda_1
COEFFS = linalg.matmul(EIGENVECTORS.T, ITERATES[0])  # (2,) v_0 = c_1 q_1 + c_2 q_2
TANGENTS = (linalg.matmul(ITERATES, EIGENVECTORS[:, 1])
            / linalg.matmul(ITERATES, EIGENVECTORS[:, 0]))  # (k+1,) t_k, the q_2 part over the q_1 part
ERRORS = EIGENVALUES[0] - ESTIMATES  # (k+1,) lambda_1 - lambda_k
RATE_STEPS = range(4, 9)  # the steps tabulated: error ratios settling on RATE squared
POWER_BRIDGE = Bridge(
    formula=r"A\mathbf{v} = \lambda \mathbf{v}",
    setup="A = np.array([[3.0, 1.0], [1.0, 2.0]])",
    mathcore=Snippet("linalg.power_iteration(A).eigenvalue"),
    library=Snippet("np.linalg.eigh(A).eigenvalues[-1]"),
    decimals=3,
)

# --------------------------------------------------------------------------- SVD
A_SVD = np.array([[2.0, 1.0],
                  [0.5, 1.5]])  # (2, 2) not symmetric; U and V^T both turn out to be rotations
U_SVD, S_SVD, VT_SVD = linalg.svd(A_SVD)  # (2, 2), (2,), (2, 2)
SVD_IMAGES = linalg.matmul(A_SVD, VT_SVD.T)  # (2, 2) column j: A v_j, a semi-axis of the ellipse
# An orthogonal matrix is a rotation when its determinant is +1, a reflection when it is -1;
# the scene turns the plane for V^T and U, so both must be +1 (tests/scenes/test_l02_content.py).
VT_DET, U_DET = linalg.determinant(VT_SVD), linalg.determinant(U_SVD)


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
PCA_BRIDGE = Bridge(
    formula=r"\lambda_j \,/\, (\lambda_1 + \lambda_2)",
    setup=("rng = np.random.default_rng(2)\n"
           "X = rng.multivariate_normal([1.6, 0.9], [[2.2, 1.3], [1.3, 1.2]], size=60)"),
    mathcore=Snippet("linalg.pca(X, 2).explained_variance_ratio"),
    library=Snippet("from sklearn.decomposition import PCA\n"
                    "PCA(2).fit(X).explained_variance_ratio_", needs="sklearn"),
    decimals=3,
)

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
        self.show_characteristic_equation()
        with self.beat("Finding these directions is the first decomposition of this lesson. "
                       "By hand this only works for tiny matrices. Next: how a computer "
                       "actually finds them."):
            self.play(Indicate(card[1][0][3], color=EIGEN), run_time=1.5)
            self.wait(1)

    def show_characteristic_equation(self):
        trace, det = format_number(TRACE_A, trim=True), format_number(DET_A, trim=True)
        lines = VGroup(
            get_formula("(", "A", r"- \lambda I)", r"\mathbf{v}", r"= \mathbf{0}",
                        font_size=LABEL_SIZE),
            get_formula(r"\det(", "A", r"- \lambda I) = 0", font_size=LABEL_SIZE),
            MathTex(rf"\lambda^2 - {trace}\lambda + {det} = 0", font_size=LABEL_SIZE, color=EIGEN),
        ).arrange(DOWN, buff=0.25, aligned_edge=LEFT)
        card = get_panel(lines).next_to(self.matrix_label, DOWN, buff=0.25, aligned_edge=LEFT)
        card.set_z_index(10)
        with self.beat("How would you find them by hand? Move lambda v to the left: A minus lambda "
                       "times the identity sends a non-zero v to zero. So it squashes the plane, "
                       "and from lesson one, its determinant must be zero."):
            self.play(FadeOut(self.eigen_labels), FadeIn(card[0]), Write(lines[0]), run_time=1.5)
            self.play(Write(lines[1]), run_time=1.5)
        with self.beat(f"For this A that is lambda squared, minus {trace} lambda, plus {det}, equals "
                       f"zero. Its two roots are {format_number(EIGENVALUES[0])} and "
                       f"{format_number(EIGENVALUES[1])}, the two stretch factors."):
            self.play(Write(lines[2]), run_time=1.5)
            self.play(Indicate(lines[2], color=EIGEN))


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
                       "Each step closes a fixed fraction of the remaining gap; in a moment we "
                       "will see exactly which fraction, and why."):
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
                       "found the direction A stretches most, using nothing but multiplication. "
                       "But why does it work, and how many steps does it need?"):
            self.play(Create(eigen_line), run_time=1.5)
            self.play(ReplacementTransform(self.arrow, eigen_arrow), FadeIn(status, shift=0.1 * UP))
            self.wait(2)


# =========================================================================== scene 3

RATE_COLORS = {r"\mathbf{q}_1": EIGEN, r"\mathbf{q}_2": EIGEN, r"\lambda_1": EIGEN,
               r"\lambda_2": EIGEN, r"\mathbf{v}_k": VECTOR, r"\mathbf{v}_k^{T}": VECTOR, r"\mathbf{v}_0": VECTOR, "A": MATRIX}


class PowerIterationRate(NarratedScene):
    """Why power iteration converges: in the eigenvector basis the q_2 part shrinks by
    lambda_2 / lambda_1 per step, and the Rayleigh quotient's error by its square."""

    def construct(self):
        self.title = Tex("Why it converges, and how fast", font_size=TITLE_SIZE, color=TEXT)
        self.title.to_edge(UP, buff=EDGE_BUFF)
        # Step 1: write v_0 in the eigenvector basis.
        self.show_start_in_eigenbasis()
        # Step 2: every multiplication multiplies each part by its eigenvalue.
        self.show_powers()
        # Step 3: the q_2 part shrinks by lambda_2 / lambda_1 per step.
        self.show_direction_error()
        # Step 4: the estimate's error goes with the square of that part.
        self.show_estimate_error()
        # Step 5: the numbers of the run: the error ratio settles on (lambda_2 / lambda_1)^2.
        self.show_table()
        # Step 6: what it means in practice, then formula -> code -> library.
        self.show_practice()
        show_bridge(self, POWER_BRIDGE, (
            "Here is the whole idea in three lines. The formula: A v equals lambda v.",
            "The mathcore line runs the loop we just watched, and gives "
            f"{POWER_BRIDGE.shown()}.",
            "And the call you would write in practice, NumPy's eigh for a symmetric matrix, "
            "gives the same number. Its eigenvalues come in increasing order, so the largest "
            "is the last."))

    def get_lines(self) -> VGroup:
        c1, c2 = (format_number(c) for c in COEFFS)
        f = lambda *parts: get_formula(*parts, font_size=BODY_SIZE, colors=RATE_COLORS)
        lines = VGroup(
            f(r"\mathbf{v}_0", "=", "c_1", r"\mathbf{q}_1", "+", "c_2", r"\mathbf{q}_2",
              rf"\quad (c_1 = {c1},\ c_2 = {c2})"),
            f("A^k", r"\mathbf{v}_0", "=", "c_1", r"\lambda_1", "^k", r"\mathbf{q}_1", "+", "c_2",
              r"\lambda_2", "^k", r"\mathbf{q}_2"),
            f(r"\mathbf{v}_k", r"\propto", r"\mathbf{q}_1", "+", "t_k", r"\mathbf{q}_2",
              r",\quad t_k =", r"\tfrac{c_2}{c_1}", r"\big(", r"\lambda_2", "/", r"\lambda_1",
              r"\big)^k"),
            f(r"\lambda_1", "-", r"\mathbf{v}_k^{T}", "A", r"\mathbf{v}_k", "=",
              r"(", r"\lambda_1", "-", r"\lambda_2", r")\,", r"\frac{t_k^2}{1 + t_k^2}"),
        )
        lines[0][0].set_color(VECTOR)
        return lines.arrange(DOWN, buff=0.4, aligned_edge=LEFT)

    def show_start_in_eigenbasis(self):
        self.lines = self.get_lines().next_to(self.title, DOWN, buff=0.5).to_edge(LEFT, buff=0.8)
        first = self.lines[0]
        with self.beat("Why does multiplying over and over find the eigenvector, and how fast? "
                       "Write the start vector in the basis of eigenvectors: some amount of q one, "
                       "plus some amount of q two."):
            self.play(FadeIn(self.title, shift=0.2 * DOWN))
            self.play(Write(first[:7]), run_time=2)
        with self.beat(f"Our start is almost all q two: c one is only "
                       f"{format_number(COEFFS[0])}, c two is {format_number(COEFFS[1])}."):
            self.play(FadeIn(first[7], shift=0.1 * LEFT))
            self.play(Indicate(first[6], color=EIGEN))

    def show_powers(self):
        line = self.lines[1]
        with self.beat("Each multiplication by A multiplies each part by its own eigenvalue. "
                       "After k steps, the first part has grown by lambda one to the k, the second "
                       "by lambda two to the k."):
            self.play(TransformFromCopy(self.lines[0][:7], line), run_time=2)
            self.play(Indicate(line[4:6], color=EIGEN), Indicate(line[9:11], color=EIGEN))

    def show_direction_error(self):
        line = self.lines[2]
        with self.beat("Divide by the first part's size, since we normalise anyway. What is left "
                       "of q two is t k, and every step multiplies it by lambda two over lambda "
                       f"one: {format_number(RATE, 3)}. So the direction closes in on q one at "
                       "that rate."):
            self.play(Write(line[:6]), run_time=1.5)
            self.play(Write(line[6:]), run_time=1.5)
            self.play(Circumscribe(line[8:], color=ACCENT))

    def show_estimate_error(self):
        line = self.lines[3]
        with self.beat("Now put v k into the Rayleigh quotient. Two lines of algebra give the "
                       "estimate's error: lambda one minus lambda two, times t k squared over one "
                       "plus t k squared."):
            self.play(Write(line[:6]), run_time=1.5)
            self.play(Write(line[6:]), run_time=1.5)
        square = MathTex(r"\text{error} \propto t_k^2 \propto \big(\lambda_2/\lambda_1\big)^{2k}",
                         font_size=BODY_SIZE, color=ACCENT)
        square.next_to(line, DOWN, buff=0.4, aligned_edge=LEFT)
        self.square = square
        with self.beat("The error goes with t k squared. So each step shrinks it by lambda two "
                       f"over lambda one, squared: {format_number(RATE ** 2, 3)}, not "
                       f"{format_number(RATE, 3)}. The estimate converges twice as fast, in digits, "
                       "as the vector."):
            self.play(Indicate(line[-1], color=ACCENT))
            self.play(Indicate(self.lines[2][8:], color=ACCENT))
            self.play(FadeIn(square, shift=0.1 * UP))
            self.play(Circumscribe(square, color=ACCENT))

    def get_table(self) -> VGroup:
        header = ["k", "t_k", r"\lambda_1 - \lambda_k", r"\text{ratio}"]
        rows = [[str(k), format_number(TANGENTS[k], 3), f"{ERRORS[k]:.5f}",
                 format_number(ERRORS[k] / ERRORS[k - 1], 3)] for k in RATE_STEPS]
        cells = [[MathTex(t, font_size=LABEL_SIZE, color=MUTED) for t in header]]
        cells += [[MathTex(t, font_size=LABEL_SIZE, color=TEXT) for t in row] for row in rows]
        widths = [max(row[j].width for row in cells) for j in range(4)]
        table = VGroup()
        for i, row in enumerate(cells):
            x = 0.0
            for j, cell in enumerate(row):
                cell.move_to([x + widths[j] / 2, -0.5 * i, 0])
                x += widths[j] + 0.5
            table.add(VGroup(*row))
        for row in table[1:]:
            row[3].set_color(ACCENT)
        return table

    def show_table(self):
        table = self.get_table()
        table.move_to([1.2, self.lines[1].get_top()[1], 0], aligned_edge=UL)
        rule = Line(table[0].get_corner(DL) + 0.12 * DOWN, table[0].get_corner(DR) + 0.12 * DOWN,
                    color=FAINT, stroke_width=2)
        first, last = RATE_STEPS[0], RATE_STEPS[-1]
        with self.beat(f"Check it on the run we just watched. From step {first} to step {last}, "
                       f"t k shrinks by {format_number(RATE, 3)} every time, and the estimate's "
                       "error divided by the one before it settles on "
                       f"{format_number(RATE ** 2, 3)}."):
            self.play(FadeIn(table[0]), Create(rule))
            self.play(LaggedStart(*(FadeIn(row, shift=0.1 * UP) for row in table[1:]),
                                  lag_ratio=0.3), run_time=2.5)
            self.play(Circumscribe(VGroup(*(row[3] for row in table[-2:])), color=ACCENT))
        self.table = VGroup(table, rule)

    def show_practice(self):
        note = get_caption(r"fast when $\lambda_2 \ll \lambda_1$, slow when $\lambda_2 \approx "
                           r"\lambda_1$", font_size=BODY_SIZE, color=TEXT)
        note.next_to(self.table, DOWN, buff=0.6).align_to(self.table, LEFT)
        with self.beat("So power iteration is fast when the top eigenvalue stands out, and slow "
                       "when the second one is close. This loop runs inside PageRank, and inside "
                       "spectral normalisation, which estimates a layer's largest stretch with one "
                       "step per training step."):
            self.play(Indicate(self.lines[2][9:12], color=EIGEN))  # lambda_2 / lambda_1
            self.play(FadeIn(note, shift=0.1 * LEFT))
            self.play(Indicate(self.table[0][-1][3], color=ACCENT))
            self.play(Circumscribe(note, color=ACCENT))
        self.play(FadeOut(VGroup(self.title, self.lines, self.square, self.table, note)))


# =========================================================================== scene 4

EIG_UNIT = 1.2  # frame units per plane unit: the ellipse's long axis, 2 x 3.62, fits the frame
EIGH_BRIDGE = Bridge(
    formula=r"A = Q \Lambda Q^{T}",
    setup="A = np.array([[3.0, 1.0], [1.0, 2.0]])",
    mathcore=Snippet("linalg.eigh(A)[0]"),
    library=Snippet("np.linalg.eigh(A).eigenvalues[::-1]"),
    decimals=3,
)
Q_ANGLE = rotation_angle(EIGENVECTORS)  # Q turns i-hat onto q_1 (det Q = +1: a rotation)
Q_DET = linalg.determinant(EIGENVECTORS)


class EigendecompositionChangesBasis(NarratedScene):
    """A = Q Lambda Q^T as a change of basis: turn the eigenvectors onto the axes (Q^T),
    stretch along the axes (Lambda), turn back (Q); then the numbers, powers, and eigh."""

    def construct(self):
        # Step 1: the plane, the unit circle and the two eigenvectors of A.
        self.plane = get_plane(unit=EIG_UNIT)
        self.add(get_background_plane(unit=EIG_UNIT), self.plane)
        self.show_eigenvectors()
        # Step 2: A at once; keep the ellipse's outline and undo.
        self.show_A_at_once()
        # Step 3: the three motions: Q^T (into eigen-coordinates), Lambda (stretch), Q (back).
        self.show_formula()
        self.show_turn(-Q_ANGLE, 4, (
            f"First Q transpose. Q's determinant is {format_number(Q_DET, trim=True)}, so it is a "
            "rotation, not a reflection, and Q transpose turns the yellow eigenvectors onto the "
            "two axes. That is a change of basis: a vector's new coordinates are its amounts of "
            "q one and q two."))
        self.show_lambda()
        self.show_turn(Q_ANGLE, 2, (
            "Last, Q turns everything back. The circle lands exactly on the dashed outline: "
            "turn into the eigenvector basis, stretch, turn back. That is A."))
        # Step 4: the same equation with the numbers.
        self.show_numbers()
        # Step 5: why powers are easy: Q^T Q = I cancels.
        self.show_powers()
        # Step 6: formula -> code -> library.
        show_bridge(self, EIGH_BRIDGE, (
            "In code, one call finds every eigenvalue and eigenvector of a symmetric matrix "
            "at once.",
            f"mathcore's eigh gives {EIGH_BRIDGE.shown()}, largest first, by rotating A "
            "until it is diagonal.",
            "NumPy's eigh gives the same two numbers, in increasing order, so we reverse them. "
            "This is the call behind every PCA."))
        with self.beat("All of this needed a symmetric matrix, with perpendicular eigenvectors. "
                       "For any other matrix, the next decomposition uses two different bases, "
                       "one on each side."):
            self.play(FadeIn(self.closing, shift=0.1 * UP))
            self.play(Indicate(self.closing, color=ACCENT))
        self.play(FadeOut(self.closing))

    def moving(self) -> VGroup:
        return VGroup(self.plane, self.circle, *self.q_tips)

    def show_eigenvectors(self):
        plane = self.plane
        self.circle = get_unit_circle(plane, color=TEXT)
        self.q_tips = [get_tip_dot(plane, EIGENVECTORS[:, j]) for j in range(2)]
        self.q_arrows = [get_tracked_arrow(plane, tip, EIGEN) for tip in self.q_tips]
        self.add(*self.q_tips)
        labels = VGroup(*(MathTex(rf"\mathbf{{q}}_{j + 1}", font_size=LABEL_SIZE, color=EIGEN)
                          for j in range(2)))
        for label, tip, side in zip(labels, self.q_tips, (UR, UL)):
            label.add_updater(lambda m, tip=tip, side=side: m.next_to(tip, side, buff=0.08))
        self.matrix_label = get_matrix_label("A", A, MATRIX).to_corner(UL, buff=EDGE_BUFF)
        self.matrix_label.set_z_index(10)
        with self.beat("That analysis worked because, in the basis of its eigenvectors, A only "
                       "stretches. Make that the whole description of A. "
                       "Back to the symmetric matrix A and its two yellow eigenvectors, q one and "
                       "q two. They are perpendicular, and each has length one."):
            self.play(FadeIn(self.matrix_label, shift=0.2 * DOWN), Create(self.circle))
            self.play(*(GrowArrow(a) for a in self.q_arrows), FadeIn(labels))
            square = RightAngle(*(Line(plane.c2p(0, 0), t.get_center()) for t in self.q_tips),
                                length=0.25, color=MUTED, stroke_width=2)
            self.play(Create(square), run_time=0.8)
            self.play(FadeOut(square), run_time=0.5)
        self.q_labels = labels
        self.add(*labels)

    def show_A_at_once(self):
        for mob in self.moving():
            mob.save_state()
        origin = self.plane.c2p(0, 0)
        with self.beat("Since A only stretches them, A is easiest to describe in their "
                       "coordinates. Watch A once more: the circle becomes an ellipse, whose axes "
                       "lie along q one and q two."):
            self.play(ApplyMatrix(A, self.moving(), about_point=origin), run_time=3)
        self.outline = DashedVMobject(self.circle.copy().set_stroke(color=MATRIX, width=3),
                                      num_dashes=40)
        with self.beat("Keep its outline, and undo. Now build the same motion in three steps."):
            self.add(self.outline)
            self.play(*(Restore(m) for m in self.moving()), run_time=2)

    def show_formula(self):
        formula = get_formula("A", "=", "Q", r"\Lambda", "Q^{T}", font_size=48)
        for index in (2, 3, 4):
            formula[index].set_color(EIGEN)
        self.formula = get_panel(formula).to_corner(DR, buff=EDGE_BUFF).set_z_index(10)
        with self.beat("The eigendecomposition writes A as Q, times Lambda, times Q transpose. "
                       "Q holds the eigenvectors as columns, Lambda the eigenvalues on its "
                       "diagonal. Read it from right to left."):
            self.play(FadeIn(self.formula[0]), Write(formula), run_time=2)
            for factor in reversed(formula[2:]):
                self.play(Indicate(factor, color=ACCENT), run_time=0.7)

    def get_box(self, index: int) -> SurroundingRectangle:
        return SurroundingRectangle(self.formula[1][index], color=ACCENT, buff=0.08,
                                    stroke_width=2)

    def show_turn(self, angle: float, index: int, text: str):
        box = self.get_box(index)
        with self.beat(text):
            self.play(Create(box))
            self.play(Rotate(self.moving(), angle=angle, about_point=self.plane.c2p(0, 0)),
                      run_time=2.5)
            self.play(FadeOut(box))

    def show_lambda(self):
        box = self.get_box(3)
        lam = np.diag(EIGENVALUES)
        stretch = get_matrix_label(r"\Lambda", lam, EIGEN).next_to(self.matrix_label, RIGHT,
                                                                    buff=0.25)  # above the ellipse
        stretch.set_z_index(10)
        with self.beat("In the eigenvector basis, A is just Lambda, a diagonal matrix: stretch "
                       f"the horizontal axis by {format_number(EIGENVALUES[0])} and the vertical "
                       f"by {format_number(EIGENVALUES[1])}. No mixing, no turning."):
            self.play(Create(box), FadeIn(stretch, shift=0.2 * DOWN))
            self.play(ApplyMatrix(lam, self.moving(), about_point=self.plane.c2p(0, 0)),
                      run_time=2.5)
            self.play(FadeOut(box))
        self.stretch_label = stretch

    def get_numeric(self) -> VGroup:
        """A = Q Lambda Q^T with mathcore's numbers, each factor named underneath."""
        size = BODY_SIZE
        matrices = [get_matrix(A, font_size=size, column_colors=(I_HAT, J_HAT)),
                    get_matrix(EIGENVECTORS, font_size=size, column_colors=(EIGEN, EIGEN)),
                    get_matrix(np.diag(EIGENVALUES), font_size=size),
                    get_matrix(EIGENVECTORS.T, font_size=size)]
        matrices[2].get_entries()[0].set_color(EIGEN)
        matrices[2].get_entries()[3].set_color(EIGEN)
        matrices[3].get_rows().set_color(EIGEN)
        row = VGroup(matrices[0], MathTex("=", font_size=size + 8), *matrices[1:])
        row.arrange(RIGHT, buff=0.2)
        names = VGroup(*(MathTex(t, font_size=size, color=c).next_to(m, DOWN, buff=0.25)
                         for t, c, m in (("A", MATRIX, matrices[0]), ("Q", EIGEN, matrices[1]),
                                         (r"\Lambda", EIGEN, matrices[2]),
                                         ("Q^{T}", EIGEN, matrices[3]))))
        return VGroup(row, names)

    def show_numbers(self):
        numeric = self.get_numeric().move_to(1.2 * UP)
        (row, names) = numeric
        Q_m, Qt_m = row[2], row[4]
        with self.beat("Here it is with the numbers. The columns of Q are the eigenvectors, and "
                       "Lambda holds the eigenvalues."):
            self.play(FadeOut(VGroup(self.plane, self.circle, self.outline, *self.q_arrows,
                                     self.q_labels, self.matrix_label, self.stretch_label)),
                      self.formula.animate.to_edge(UP, buff=EDGE_BUFF).set_x(0))
            self.play(FadeIn(numeric), run_time=1.5)
            self.play(Circumscribe(Q_m, color=EIGEN), Circumscribe(row[3], color=EIGEN))
        inverse = get_formula("Q^{T}", "Q", "=", "I", font_size=BODY_SIZE + 4)
        inverse[0].set_color(EIGEN)
        inverse[1].set_color(EIGEN)
        inverse.next_to(numeric, DOWN, buff=0.6)
        with self.beat("Each row of Q transpose is a column of Q. Because those columns are "
                       "perpendicular and of length one, Q transpose times Q is the identity: "
                       "undoing the turn costs nothing but a transpose."):
            # column i of Q and row i of Q^T framed together (a copy flown from one to the
            # other crossed Lambda's entries halfway)
            for column, row in zip(Q_m.get_columns(), Qt_m.get_rows()):
                self.play(Circumscribe(column, color=EIGEN), Circumscribe(row, color=EIGEN),
                          run_time=0.75)
            self.play(Write(inverse))
        self.numeric, self.inverse = numeric, inverse

    def show_powers(self):
        powers = VGroup(
            MathTex(r"A^2 = Q \Lambda \underbrace{Q^{T} Q}_{I} \Lambda Q^{T} = Q \Lambda^2 Q^{T}",
                    font_size=BODY_SIZE),
            MathTex(r"A^k = Q \Lambda^k Q^{T}, \quad \Lambda^k = \mathrm{diag}(\lambda_1^k, "
                    r"\lambda_2^k)", font_size=BODY_SIZE),
        ).arrange(DOWN, buff=0.35).next_to(self.inverse, DOWN, buff=0.5)
        with self.beat("That is why this form is so useful. Square A, and the Q transpose Q in "
                       "the middle cancels: A squared is Q, Lambda squared, Q transpose."):
            self.play(Write(powers[0]), run_time=2)
        with self.beat("Any power of A just raises the eigenvalues to that power. That is the "
                       "lambda one to the k we met in power iteration, and PCA will use this "
                       "same form on a covariance matrix."):
            self.play(Write(powers[1]), run_time=2)
            self.play(Circumscribe(powers[1], color=ACCENT))
        self.play(FadeOut(VGroup(self.numeric, self.inverse, powers, self.formula)))
        self.closing = Tex(r"not symmetric? \; $A = U \Sigma V^{T}$", font_size=TITLE_SIZE,
                           color=TEXT)


# =========================================================================== scene 5

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
            "First V transpose. Its columns are perpendicular and of length one, so it can only "
            "turn or mirror the plane. Its determinant is "
            f"{format_number(VT_DET, trim=True)}, so here it turns: a rotation, not a "
            "reflection. It turns the orange and pink vectors onto the two axes."))
        self.show_stretch()
        self.show_rotate(U_SVD, factor=1, text=(
            f"Last, U. Its determinant is {format_number(U_DET, trim=True)} too: another "
            "rotation, which turns the ellipse into its final position."))
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
        """A = U Sigma V^T with mathcore's numbers, on a card in the lower-right corner (it takes
        the place of the symbolic formula; the top band is where A sends j-hat, and the
        ellipse leaves the lower right free)."""
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
        card.to_corner(DR, buff=EDGE_BUFF).set_z_index(10)
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



# =========================================================================== scene 6

# The SVD as a sum of rank-one pieces, the best rank-one approximation and its error.
SVD_PIECES = [S_SVD[j] * linalg.matmul(U_SVD[:, j:j + 1], VT_SVD[j:j + 1]) for j in range(2)]
A_SVD_1 = linalg.low_rank_approx(A_SVD, 1)  # (2, 2) = SVD_PIECES[0]
FROBENIUS_A = norms.lp_norm(A_SVD.ravel(), 2)  # ||A||_F: the length of A's four entries
RANK_ONE_ERROR = norms.lp_norm((A_SVD - A_SVD_1).ravel(), 2)  # ||A - A_1||_F = sigma_2
LOW_RANK_BRIDGE = Bridge(
    formula=r"\| A - A_1 \|_F = \sigma_2",
    setup="A = np.array([[2.0, 1.0], [0.5, 1.5]])",
    mathcore=Snippet("A1 = linalg.low_rank_approx(A, 1)\nnorms.lp_norm((A - A1).ravel(), 2)"),
    library=Snippet("np.linalg.svd(A).S[1]"),
    decimals=3,
)
LOW_UNIT = 1.0
LOW_ORIGIN = np.array([-3.7, -1.2, 0])  # the small plane, left of the formulas
LOW_PANEL_LEFT = 0.0  # the formula column right of the plane


class LowRankApproximation(NarratedScene):
    """A = sigma_1 u_1 v_1^T + sigma_2 u_2 v_2^T; keep the first piece; the Frobenius norm
    measures what is lost, and Eckart-Young says nothing of rank one does better."""

    def construct(self):
        # Step 1: the SVD as a sum of two rank-one pieces, with the numbers.
        self.show_pieces()
        # Step 2: keep the first piece: the circle is squashed onto the ellipse's long axis.
        self.plane = get_plane(x_range=(-3, 3, 1), y_range=(-2, 2, 1), unit=LOW_UNIT,
                               center=LOW_ORIGIN)
        self.plane.set_stroke(opacity=0.5)
        self.show_rank_one_picture()
        # Step 3: the Frobenius norm: a matrix measured as a list of its entries.
        self.show_frobenius()
        # Step 4: the error of A_1 is sigma_2, and Eckart-Young: nothing of rank one is closer.
        self.show_error_and_theorem()
        # Step 5: keep r of n, and where ML does; then formula -> code -> library.
        self.show_uses()
        show_bridge(self, LOW_RANK_BRIDGE, (
            "The theorem in three lines: the error of the best rank-one approximation is "
            "sigma two.",
            "mathcore builds A one from the SVD and measures the distance as the length of "
            f"the difference's entries: {LOW_RANK_BRIDGE.shown()}.",
            "NumPy's SVD returns the singular values; the second one is the same number, "
            "exactly as Eckart and Young promise."))

    def show_pieces(self):
        size = LABEL_SIZE
        colors = (I_HAT, J_HAT)
        symbolic = MathTex("A", "=", r"\sigma_1 \mathbf{u}_1 \mathbf{v}_1^{T}", "+",
                           r"\sigma_2 \mathbf{u}_2 \mathbf{v}_2^{T}", font_size=BODY_SIZE + 4)
        symbolic[0].set_color(MATRIX)
        symbolic[2].set_color(SIGMA_COLORS[0])
        symbolic[4].set_color(SIGMA_COLORS[1])
        numeric = VGroup(get_matrix(A_SVD, decimals=2, font_size=size, column_colors=colors),
                         MathTex("=", font_size=size + 4),
                         get_matrix(SVD_PIECES[0], font_size=size).set_color(SIGMA_COLORS[0]),
                         MathTex("+", font_size=size + 4),
                         get_matrix(SVD_PIECES[1], font_size=size).set_color(SIGMA_COLORS[1]))
        numeric.arrange(RIGHT, buff=0.2)
        top = VGroup(symbolic, numeric).arrange(RIGHT, buff=0.8).to_edge(UP, buff=EDGE_BUFF)
        with self.beat("The SVD says more, and it is where compression comes from. Multiply it "
                       "out, and A is a sum of two simple pieces: "
                       "sigma one, times u one, times v one transpose, plus the same with "
                       "the twos."):
            self.play(Write(symbolic), run_time=2)
            self.play(FadeIn(numeric, shift=0.1 * LEFT), run_time=1.5)
        with self.beat("Each piece is a column times a row, so all its columns point the same "
                       "way. Its rank is one. The first piece is big, because sigma one is "
                       f"{format_number(S_SVD[0])}; the second is small, sigma two is "
                       f"{format_number(S_SVD[1])}."):
            self.play(LaggedStart(*(Indicate(column, color=SIGMA_COLORS[0])
                                    for column in numeric[2].get_columns()), lag_ratio=0.5))
            self.play(*(Circumscribe(numeric[j], color=numeric[j].get_color()) for j in (2, 4)))
            self.play(Indicate(symbolic[2], color=SIGMA_COLORS[0]))
            self.play(Indicate(symbolic[4], color=SIGMA_COLORS[1]))
        self.top = top

    def show_rank_one_picture(self):
        plane = self.plane
        origin = plane.c2p(0, 0)
        circle = get_unit_circle(plane, color=TEXT)
        ellipse = circle.copy().apply_matrix(A_SVD, about_point=origin)
        ellipse = DashedVMobject(ellipse.set_stroke(color=MATRIX, width=3), num_dashes=40)
        with self.beat("Picture it on the unit circle. A turns the circle into this ellipse."):
            self.play(FadeIn(plane), Create(circle))
            self.play(TransformFromCopy(circle, ellipse), run_time=2)
        squashed = circle.copy().apply_matrix(A_SVD_1, about_point=origin)
        squashed.set_stroke(color=SIGMA_COLORS[0], width=6)
        label = MathTex("A_1", font_size=LABEL_SIZE, color=SIGMA_COLORS[0])
        label.next_to(plane.c2p(*(S_SVD[0] * U_SVD[:, 0])), UR, buff=0.1)
        with self.beat("Keep only the first piece, and call it A one. It squashes the circle flat, "
                       "onto the long axis of the ellipse. The short axis, sigma two, is "
                       "thrown away."):
            self.play(Transform(circle, squashed), FadeIn(label), run_time=2.5)
            self.play(Indicate(ellipse, color=MATRIX, scale_factor=1.03))
        self.picture = VGroup(plane, circle, ellipse, label)

    def show_frobenius(self):
        entries = " + ".join(f"{format_number(x, trim=True)}^2" for x in A_SVD.ravel())
        lines = VGroup(
            MathTex(r"\| M \|_F = \sqrt{\textstyle\sum_{ij} m_{ij}^2}", font_size=BODY_SIZE),
            MathTex(rf"\| A \|_F = \sqrt{{{entries}}} = {format_number(FROBENIUS_A, 3)}",
                    font_size=LABEL_SIZE),
            MathTex(r"= \sqrt{\sigma_1^2 + \sigma_2^2}", font_size=LABEL_SIZE),
        ).arrange(DOWN, buff=0.3, aligned_edge=LEFT)
        lines.move_to([LOW_PANEL_LEFT, 1.3, 0], aligned_edge=UL)
        lines[2].align_to(lines[1][0], LEFT).shift(0.9 * RIGHT)
        with self.beat("How far is A one from A? Measure a matrix the way lesson one measured a "
                       "vector: write out its entries as one long list, and take its length. "
                       "That is the Frobenius norm."):
            self.play(Write(lines[0]), run_time=2)
        with self.beat(f"For A, it is the square root of the four squared entries: "
                       f"{format_number(FROBENIUS_A, 3)}. Rotations do not change lengths, so it "
                       "is also the square root of sigma one squared plus sigma two squared."):
            self.play(FadeIn(lines[1], shift=0.1 * UP))
            self.play(Write(lines[2]))
        self.frobenius = lines

    def show_error_and_theorem(self):
        error = MathTex(r"A - A_1 = \sigma_2 \mathbf{u}_2 \mathbf{v}_2^{T}", r"\;\Rightarrow\;",
                        rf"\| A - A_1 \|_F = \sigma_2 = {format_number(RANK_ONE_ERROR, 3)}",
                        font_size=LABEL_SIZE)
        error[2].set_color(SIGMA_COLORS[1])
        error.next_to(self.frobenius, DOWN, buff=0.45, aligned_edge=LEFT)
        theorem = VGroup(
            Tex("Eckart--Young:", font_size=LABEL_SIZE, color=ACCENT),
            MathTex(r"\min_{\operatorname{rank} B \le 1} \| A - B \|_F = \sigma_2",
                    font_size=BODY_SIZE),
        ).arrange(RIGHT, buff=0.3)
        theorem = get_panel(theorem).next_to(error, DOWN, buff=0.45, aligned_edge=LEFT)
        with self.beat("What A one leaves out is exactly the second piece, so the error is "
                       f"sigma two: {format_number(RANK_ONE_ERROR, 3)}."):
            self.play(Write(error[0]), run_time=1.5)
            self.play(Write(error[1:]), run_time=1.5)
        with self.beat("And no matrix of rank one does better. That is the Eckart-Young theorem. "
                       "The reason: in the singular vectors' coordinates A is just the two "
                       "stretches, and a rank-one matrix can copy only one of them. Copy the "
                       "larger, and the smaller is what you lose."):
            self.play(FadeIn(theorem, shift=0.1 * UP))
            self.play(Circumscribe(theorem, color=ACCENT))
            self.play(Indicate(self.frobenius[2], color=SIGMA_COLORS[0]))  # both stretches
            self.play(Indicate(error[2], color=SIGMA_COLORS[1]))  # the one a rank-one copy loses
        self.error, self.theorem = error, theorem

    def show_uses(self):
        rule = MathTex(r"\| A - A_r \|_F = \sqrt{\sigma_{r+1}^2 + \dots + \sigma_n^2}",
                       font_size=BODY_SIZE, color=TEXT)
        rule = get_panel(rule).move_to(ORIGIN)
        with self.beat("The same holds for any size. Keep the r largest pieces, and the error is "
                       "the length of the singular values you dropped. Image compression, "
                       "embedding tables, and LoRA's low-rank updates all lean on this: when the "
                       "singular values fall fast, a few pieces carry almost everything."):
            self.play(FadeOut(VGroup(self.top, self.picture, self.frobenius, self.error,
                                     self.theorem)))
            self.play(FadeIn(rule, shift=0.1 * UP), run_time=1.5)
            self.play(Circumscribe(rule, color=ACCENT))
        self.play(FadeOut(rule))


# =========================================================================== scene 7

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
        with self.beat("For data, a few big pieces mean a few directions that carry most of "
                       f"the spread, and finding them is PCA. Here are {len(CLOUD)} data points "
                       "with two features each. "
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
        eigen = get_formula("C", "=", "Q", r"\Lambda", "Q^{T}", font_size=BODY_SIZE)
        for index in (2, 3, 4):
            eigen[index].set_color(EIGEN)
        formula = VGroup(covariance, eigen).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        self.formula = formula.move_to(PANEL_TOP_LEFT, aligned_edge=UL)
        with self.beat("Where do they come from? The covariance matrix C is symmetric, so it has "
                       "the eigendecomposition we just built: C equals Q Lambda Q transpose. The "
                       "principal axes are the columns of Q, the eigenvectors of C, drawn yellow "
                       "like every eigenvector, each two standard deviations long."):
            self.play(Write(formula[0]))
            self.play(Write(formula[1]), Create(ellipse), run_time=1.5)
            self.play(Indicate(formula[1][2], color=EIGEN),  # Q's columns are the axes
                      *(Indicate(line, color=line.get_color()) for line in self.axes_lines),
                      run_time=1.5)
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
        self.play(*(FadeOut(m) for m in self.mobjects))
        self.show_svd_route()
        show_bridge(self, PCA_BRIDGE, (
            "The share of variance each component keeps: its eigenvalue over the sum.",
            f"mathcore's PCA on our {len(CLOUD)} points gives {PCA_BRIDGE.shown()}.",
            "And scikit-learn's PCA, fitted on the same points, reports the same two shares "
            "as its explained variance ratio."))
        with self.beat("So far every matrix was square and symmetric, or taken apart for its "
                       "geometry. The last two factorizations are the workhorses of solving "
                       "equations."):
            self.play(FadeIn(self.closing, shift=0.1 * UP))
            self.play(Indicate(self.closing, color=ACCENT))
        self.play(FadeOut(self.closing))

    def show_svd_route(self):
        lines = VGroup(
            MathTex(r"X = U \Sigma V^{T}", font_size=BODY_SIZE + 4),
            MathTex(r"X^{T} X = V \Sigma U^{T} U \Sigma V^{T} = V \Sigma^2 V^{T}",
                    font_size=BODY_SIZE + 4),
            MathTex(r"C = \tfrac{1}{n-1} X^{T} X: \quad Q = V, \quad "
                    r"\lambda_j = \tfrac{\sigma_j^2}{n-1}", font_size=BODY_SIZE + 4),
        ).arrange(DOWN, buff=0.45)
        with self.beat("Libraries take one shortcut. They never form C. They take the SVD of the "
                       "centred data matrix X itself."):
            self.play(Write(lines[0]))
        with self.beat("Then X transpose X is V Sigma squared V transpose: U transpose U cancels, "
                       "just like Q transpose Q did. So the right singular vectors of the data are "
                       "the principal axes, and sigma squared over n minus one are the variances. "
                       "Eigendecomposition, SVD and PCA are one idea."):
            self.play(Write(lines[1]), run_time=2)
            self.play(Write(lines[2]), run_time=2)
            self.play(Circumscribe(lines[2], color=ACCENT))
        self.play(FadeOut(lines))
        self.closing = Tex(r"next: $A = PLU$ and $A = QR$", font_size=TITLE_SIZE, color=TEXT)


# =========================================================================== scene 8

# LU taught on a 2x2 system whose first pivot is already the largest (so P = I).
A_LU = np.array([[4.0, 3.0],
                 [2.0, 5.0]])  # (2, 2)
B_LU = np.array([10.0, 12.0])  # (2,) the right-hand side
P_LU2, L_LU2, U_LU2 = linalg.lu(A_LU)  # P = I here: 4 is the larger entry of column one
MULTIPLIER = L_LU2[1, 0]  # l_21 = a_21 / a_11
Y_LU = linalg.solve_triangular(L_LU2, linalg.matmul(P_LU2.T, B_LU), lower=True)  # L y = b, going down
X_LU = linalg.solve_triangular(U_LU2, Y_LU)  # U x = y, going up
SOLVE_BRIDGE = Bridge(
    formula=r"A\mathbf{x} = \mathbf{b}, \quad A = LU",
    setup="A = np.array([[4.0, 3.0], [2.0, 5.0]])\nb = np.array([10.0, 12.0])",
    mathcore=Snippet("linalg.solve(A, b)"),
    library=Snippet("from scipy.linalg import lu_factor, lu_solve\nlu_solve(lu_factor(A), b)",
                    needs="scipy"),
    decimals=3,
)
LU_COLORS = {"L": ACCENT, "U": ACCENT_2}  # the multipliers' matrix and what elimination leaves


class LuIsElimination(NarratedScene):
    """Gaussian elimination on a 2x2 system, recorded: U is what it leaves, L the multiplier;
    then a new right-hand side costs two triangular sweeps."""

    def construct(self):
        self.title = Tex(r"LU: elimination, written down", font_size=TITLE_SIZE, color=TEXT)
        self.title.to_edge(UP, buff=EDGE_BUFF)
        # Step 1: the system A x = b.
        self.show_system()
        # Step 2: one elimination step: row 2 minus l_21 times row 1.
        self.show_elimination()
        # Step 3: U is what is left, L holds the multiplier, and L U = A.
        self.show_factors()
        # Step 4: solving with the factors: forward down L, back up U.
        self.show_substitution()
        # Step 5: why factor: once n^3, then n^2 per right-hand side; where ML solves systems.
        self.show_cost()
        show_bridge(self, SOLVE_BRIDGE, (
            "Formula, code, library, once more.",
            "mathcore's solve factors A, then runs the two sweeps: x is "
            f"{SOLVE_BRIDGE.shown()}.",
            "SciPy splits the same two steps into two calls: lu factor once, then lu solve for "
            "each right-hand side. Same answer."))

    def get_row(self, a: float, b: float, c: float) -> MathTex:
        row = MathTex(format_number(a, trim=True), "x_1", "+", format_number(b, trim=True), "x_2",
                      "=", format_number(c, trim=True), font_size=BODY_SIZE + 4)
        return row

    def show_system(self):
        rows = VGroup(*(self.get_row(*A_LU[i], B_LU[i]) for i in range(2)))
        rows.arrange(DOWN, buff=0.35, aligned_edge=RIGHT)
        rows.move_to([-3.6, 1.5, 0])
        self.rows = rows
        with self.beat("Solving A x equals b is the most common job in numerical computing. "
                       "Here are two equations in two unknowns."):
            self.play(FadeIn(self.title, shift=0.2 * DOWN))
            self.play(LaggedStart(*(Write(r) for r in rows), lag_ratio=0.5), run_time=2)

    def show_elimination(self):
        rows = self.rows
        new_row = self.get_row(U_LU2[1, 0], U_LU2[1, 1], Y_LU[1]).move_to(rows[1], aligned_edge=RIGHT)
        step = MathTex(r"\text{row}_2 - ", format_number(MULTIPLIER, trim=True),
                       r"\,\text{row}_1", font_size=LABEL_SIZE, color=MUTED)
        step[1].set_color(LU_COLORS["L"])
        step.next_to(rows[1], DOWN, buff=0.4)
        with self.beat(f"Elimination clears the 2 under the 4. The multiplier is 2 over 4, "
                       f"{format_number(MULTIPLIER, trim=True)}: subtract "
                       f"{format_number(MULTIPLIER, trim=True)} times row one from row two."):
            self.play(Indicate(VGroup(rows[0][0], rows[1][0]), color=ACCENT))
            self.play(FadeIn(step, shift=0.1 * UP))
            # row one and its multiplier pulse together (a copy of row one sent onto row two
            # ran its digits through both rows halfway)
            self.play(Indicate(rows[0], color=LU_COLORS["L"], scale_factor=1.05),
                      Indicate(step[1:], color=LU_COLORS["L"]), run_time=0.8)
            self.play(Transform(rows[1], new_row), run_time=1.5)
        self.step = step
        with self.beat(f"Row two now reads {format_number(U_LU2[1, 1], trim=True)} x two equals "
                       f"{format_number(Y_LU[1], trim=True)}. The system is a triangle: the last "
                       "equation has one unknown, the one above has two."):
            self.play(Indicate(rows[1][3:], color=ACCENT_2))
            self.play(Circumscribe(rows, color=ACCENT_2))

    def show_factors(self):
        size = BODY_SIZE
        L_m = get_matrix(L_LU2, font_size=size)
        U_m = get_matrix(U_LU2, font_size=size)
        L_m.get_entries()[1].set_color(FAINT)
        U_m.get_entries()[2].set_color(FAINT)
        L_m.get_entries()[2].set_color(LU_COLORS["L"])
        equation = VGroup(get_matrix(A_LU, font_size=size), MathTex("=", font_size=size + 8), L_m,
                          U_m).arrange(RIGHT, buff=0.2)
        names = VGroup(*(MathTex(t, font_size=size, color=c).next_to(m, DOWN, buff=0.2)
                         for t, c, m in (("A", MATRIX, equation[0]), ("L", LU_COLORS["L"], L_m),
                                         ("U", LU_COLORS["U"], U_m))))
        block = VGroup(equation, names).move_to([3.4, 1.4, 0])
        with self.beat("Write down what elimination did. U is the triangle it left. L keeps the "
                       f"multiplier, {format_number(MULTIPLIER, trim=True)}, below a diagonal of "
                       "ones."):
            self.play(FadeIn(VGroup(equation[0], equation[1], names[0])))
            # the eliminated rows framed as U fades in (their copies flown into U crossed A and
            # its equals sign halfway)
            self.play(Circumscribe(self.rows, color=LU_COLORS["U"]),
                      FadeIn(U_m, shift=0.2 * RIGHT), FadeIn(names[2]), run_time=1.5)
            self.play(TransformFromCopy(self.step[1], L_m.get_entries()[2]),
                      FadeIn(VGroup(L_m.get_brackets(), *(L_m.get_entries()[k] for k in (0, 1, 3)),
                                    names[1])), run_time=1.5)
        with self.beat("Multiply L by U, and the elimination is undone: A comes back. So A equals "
                       "L U, a lower triangle times an upper one."):
            self.play(Circumscribe(VGroup(L_m, U_m), color=ACCENT))
            self.play(Indicate(equation[0], color=MATRIX))
        self.remove(L_m)
        self.add(L_m)
        self.factors = block

    def show_substitution(self):
        y1, y2 = (format_number(v, trim=True) for v in Y_LU)
        x1, x2 = (format_number(v, trim=True) for v in X_LU)
        b1, b2 = (format_number(v, trim=True) for v in B_LU)
        l21 = format_number(MULTIPLIER, trim=True)
        u11, u12, u22 = (format_number(U_LU2[i, j], trim=True) for i, j in ((0, 0), (0, 1), (1, 1)))
        forward = VGroup(
            MathTex(r"L\mathbf{y} = \mathbf{b}:", font_size=LABEL_SIZE, color=LU_COLORS["L"]),
            MathTex(rf"y_1 = {b1}", font_size=LABEL_SIZE),
            MathTex(rf"y_2 = {b2} - {l21} \cdot {y1} = {y2}", font_size=LABEL_SIZE),
        ).arrange(DOWN, buff=0.25, aligned_edge=LEFT)
        back = VGroup(
            MathTex(r"U\mathbf{x} = \mathbf{y}:", font_size=LABEL_SIZE, color=LU_COLORS["U"]),
            MathTex(rf"x_2 = {y2} / {u22} = {x2}", font_size=LABEL_SIZE),
            MathTex(rf"x_1 = ({y1} - {u12} \cdot {x2}) / {u11} = {x1}", font_size=LABEL_SIZE),
        ).arrange(DOWN, buff=0.25, aligned_edge=LEFT)
        sweeps = VGroup(forward, back).arrange(RIGHT, buff=1.0, aligned_edge=UP)
        sweeps.move_to([0, -1.6, 0])
        with self.beat(f"Now any right-hand side takes two easy sweeps. Forward, down L: y one is "
                       f"{y1}, and y two is {b2} minus {l21} times {y1}, which is {y2}."):
            self.play(FadeIn(forward[0]))
            self.play(Write(forward[1]))
            self.play(Write(forward[2]), run_time=1.5)
        with self.beat(f"Then back, up U: x two is {y2} over {u22}, which is {x2}; and x one is "
                       f"{x1}. Each line uses only unknowns we already have."):
            self.play(FadeIn(back[0]))
            self.play(Write(back[1]))
            self.play(Write(back[2]), run_time=1.5)
            self.play(Circumscribe(VGroup(back[1], back[2]), color=ACCENT))
        self.sweeps = sweeps

    def show_cost(self):
        cost = MathTex(r"\text{factor once: } \sim\tfrac{n^3}{3} \qquad "
                       r"\text{each new } \mathbf{b}\text{: } \sim n^2", font_size=BODY_SIZE)
        cost = get_panel(cost).to_edge(DOWN, buff=EDGE_BUFF)
        with self.beat("That is the point of factoring. Elimination costs about n cubed over "
                       "three operations, once. After that every new right-hand side costs "
                       "about n squared. Least squares through the normal equations, Newton "
                       "steps, and Gaussian processes all solve systems this way."):
            self.play(FadeOut(self.step), FadeIn(cost, shift=0.1 * UP))
            self.play(Indicate(self.factors, color=ACCENT), run_time=1.5)  # factored once
            self.play(Indicate(self.sweeps, color=ACCENT), run_time=1.5)  # then each b is cheap
            self.play(Circumscribe(cost, color=ACCENT))
        self.play(FadeOut(VGroup(self.title, self.rows, self.factors, self.sweeps, cost)))


# =========================================================================== scene 9

GS_UNIT = 1.35  # frame units per plane unit in the Gram-Schmidt picture
GS_ORIGIN = np.array([-5.5, -1.45, 0])  # the grid spans x in [-1, 4], y in [-1, 3]
GS_PANEL_LEFT, GS_PANEL_TOP = 0.7, 2.75  # the text column right of the plane
Q_COLOR = ACCENT_3  # q1, q2 and the columns of Q
R_COLORS = (I_HAT, ACCENT, ACCENT_2)  # r11 = |a1| (green, like a1), r12 the shadow, r22 what is left


class FactorizationsAsProducts(NarratedScene):
    """Eigendecomposition, LU and QR as products of special matrices, with real entries;
    then QR's geometry: Gram-Schmidt on two columns, whose lengths and dot product are R."""

    def construct(self):
        # Step 1: LU with pivoting on a 3x3 matrix: the row swaps.
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
            ("Real matrices need one more ingredient, because elimination may meet a zero, or "
             "a tiny number, where it must divide. Here is a three by three one, factored "
             "the way every library does it: A equals P, L, U.", []),
            ("U and L are as before: the triangle elimination leaves, and the multipliers it "
             "used. P records row swaps: before each step, the row with the largest entry in "
             "the column moves up, so no multiplier is larger than one and rounding errors "
             "stay small.", [Circumscribe(U_m, color=ACCENT), Circumscribe(L_m, color=ACCENT),
                            Circumscribe(P_m, color=ACCENT)]),
            ("Then solving is the same two sweeps, down L and up U, after applying the swaps to "
             "b. This is what NumPy's solve runs under the hood. Next, a factorization built "
             "from perpendicular columns instead.",
             # forward substitution runs down L, back substitution up U
             # each row pulses in place (at Indicate's 1.2 a row grows over the brackets)
             [LaggedStart(*(Indicate(row, color=ACCENT, scale_factor=1.05)
                            for row in L_m.get_rows()), lag_ratio=0.5, run_time=1.5),
              LaggedStart(*(Indicate(row, color=ACCENT, scale_factor=1.05)
                            for row in reversed(U_m.get_rows())), lag_ratio=0.5, run_time=1.5),
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
            ("The same matrix, factored differently: Q times R. Perpendicular columns never "
             "magnify rounding errors, which is why least squares prefers this form.", []),
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
            # each number pulses where it was found as its entry of R fades in (copies flown
            # down from the steps crossed the rows below them halfway)
            self.play(*(anim for i, k in ((0, 0), (1, 1), (2, 3)) for anim in (
                Indicate(steps[i][-1], color=R_COLORS[i], scale_factor=1.1),
                FadeIn(r_entries[k], shift=0.1 * DOWN))), run_time=1.5)
        with self.beat("A three by three matrix works the same way, one column at a time. "
                       "QR is how least-squares problems are solved stably, and repeated QR steps "
                       "are how libraries find all the eigenvalues at once."):
            # one column at a time: each column of B and the column of R that rebuilds it
            for j in range(2):
                # arrow and label each pulse in place (scaled as one group, a2's label rose
                # into the title)
                self.play(Indicate(self.a_arrows[j], color=ACCENT),
                          Indicate(self.a_labels[j], color=ACCENT, scale_factor=1.1),
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
