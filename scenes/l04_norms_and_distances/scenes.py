"""Lesson 04 — Norms and distances.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed once, here at the top, by ``mathcore.norms``
(and ``mathcore.probability.covariance_ellipse`` for the contours), with fixed
inputs and a fixed seed; the scenes only draw and format them. Shapes that
move are looked up in precomputed arrays by a ValueTracker.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UL, UP, UR, Arc, Create, DecimalNumber, Dot, FadeIn, FadeOut, Flash, GrowArrow,
    Indicate, LaggedStart, Line, MathTex, ReplacementTransform, Tex, ValueTracker, VGroup, VMobject, Write,
    always_redraw, linear,
)

from mathcore import convex, linalg, norms, probability
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_view import get_bridge
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, ACCENT_2, ACCENT_3, BODY_SIZE, CHORD, DATA, LABEL_SIZE, MUTED,
    MATRIX, SMALL_SIZE, SPREAD, TEXT, VECTOR, CONTOUR_HIGH,
)
from scenekit.widgets import format_number, get_arrow, get_matrix, get_panel, get_plane, lookup

SEED = 4  # the only randomness in this lesson: the point cloud of scene 3

# Each norm keeps one colour through the lesson: L1 (Manhattan) orange, L2
# (Euclidean) blue, L-infinity pink; the morphing ball and its p are white.
L1_COLOR, L2_COLOR, LINF_COLOR = ACCENT, VECTOR, ACCENT_2
BALL_COLOR = TEXT
MAHALANOBIS_COLOR = SPREAD  # teal, like every covariance ellipse in the course
MATRIX_COLOR = MATRIX  # a matrix and its Frobenius norm


def polygon(points, color, stroke_width: float = 4) -> VMobject:
    """A closed outline through frame points."""
    curve = VMobject(stroke_color=color, stroke_width=stroke_width)
    curve.set_points_as_corners([*points, points[0]])
    return curve


# --------------------------------------------------------------------------- scene 1: unit balls
N_BALL_POINTS = 400
Q_GRID = np.linspace(1.0, 0.0, 41)  # q = 1/p: 1 is p = 1, 0.5 is p = 2, 0 is p = infinity
P_GRID = np.array([1.0 / q if q > 0 else np.inf for q in Q_GRID])  # (41,)
INDEX_P2 = int(np.argmin(np.abs(Q_GRID - 0.5)))  # where the morph passes p = 2
INDEX_P10 = int(np.argmin(np.abs(Q_GRID - 0.1)))  # the last p the readout counts up to
BALLS = np.array([norms.lp_unit_ball(p, N_BALL_POINTS) for p in P_GRID])  # (41, 400, 2)
BALL_HALF = norms.lp_unit_ball(0.5, N_BALL_POINTS)  # (400, 2) p = 1/2: not convex
SAMPLE_X = np.array([0.9, 0.5])  # the vector whose three norms we read off
SAMPLE_NORMS = {p: norms.lp_norm(SAMPLE_X, p) for p in (1, 2, np.inf)}

# --------------------------------------------------------------------------- scene 2: L1 -> zeros
# Six samples of two correlated features; y was made from weights (2.0, 0.8) plus small noise.
SPARSE_X = np.array([[1.0, 0.6], [0.8, 1.0], [1.2, 0.9], [0.4, 0.2], [1.0, 1.1], [0.3, 0.5]])
SPARSE_Y = np.array([2.58, 2.2, 3.27, 0.91, 2.98, 0.9])  # (6,)
SPARSE_LAM = 2.0  # the penalty weight lambda of both fits
SPARSE_OLS = np.linalg.solve(SPARSE_X.T @ SPARSE_X, SPARSE_X.T @ SPARSE_Y)  # (2,) no penalty
# lasso: min 1/2 |Xw - y|^2 + lam |w|_1 by mathcore's iterative soft-thresholding
LASSO_W = convex.ista(SPARSE_X, SPARSE_Y, SPARSE_LAM, n_steps=3000).x  # (2,)
# ridge: min |Xw - y|^2 + lam |w|_2^2, closed form
RIDGE_W = probability.ridge_regression(SPARSE_X, SPARSE_Y, SPARSE_LAM)  # (2,)
LASSO_BUDGET = norms.lp_norm(LASSO_W, 1)  # the diamond's radius t = |w_lasso|_1
RIDGE_BUDGET = norms.lp_norm(RIDGE_W, 2)  # the circle's radius = |w_ridge|_2
SPARSE_H = SPARSE_X.T @ SPARSE_X  # (2, 2) the loss's curvature: contours are its ellipses


def loss_radius(w) -> float:
    """How many 'contour steps' w lies from the least-squares point: sqrt((w-w*)^T H (w-w*))."""
    d = np.asarray(w, dtype=float) - SPARSE_OLS
    return float(np.sqrt(d @ SPARSE_H @ d))


def loss_contour(radius: float) -> np.ndarray:
    """The level set of the squared loss through every w at ``loss_radius`` = radius, (120, 2)."""
    return probability.covariance_ellipse(SPARSE_OLS, np.linalg.inv(SPARSE_H), n_std=radius,
                                          n_points=121).points[:-1]


LASSO_TOUCH = loss_radius(LASSO_W)  # the contour that first meets the diamond ...
RIDGE_TOUCH = loss_radius(RIDGE_W)  # ... and the circle
SPARSE_SETUP = (f"X = np.array({SPARSE_X.tolist()})\n"
                f"y = np.array({SPARSE_Y.tolist()})\nlam = {SPARSE_LAM}")
LASSO = Bridge(
    formula=r"\min_{\mathbf{w}}\ \tfrac12\|X\mathbf{w} - \mathbf{y}\|_2^2 + \lambda\|\mathbf{w}\|_1",
    setup=SPARSE_SETUP,
    mathcore=Snippet("convex.ista(X, y, lam, n_steps=3000).x"),
    library=Snippet("from sklearn.linear_model import Lasso\n"
                    "lasso = Lasso(alpha=lam / len(y),\n"
                    "              fit_intercept=False)\n"
                    "lasso.fit(X, y).coef_", needs="sklearn"),
    decimals=3,
)
RIDGE = Bridge(
    formula=r"\min_{\mathbf{w}}\ \|X\mathbf{w} - \mathbf{y}\|_2^2 + \lambda\|\mathbf{w}\|_2^2",
    setup=SPARSE_SETUP,
    mathcore=Snippet("probability.ridge_regression(X, y, lam)"),
    library=Snippet("from sklearn.linear_model import Ridge\n"
                    "ridge = Ridge(alpha=lam,\n"
                    "              fit_intercept=False)\n"
                    "ridge.fit(X, y).coef_", needs="sklearn"),
    decimals=3,
)

# --------------------------------------------------------------------------- scene 5: axioms
AXIOM_POINTS = np.array([0.0, 1.0, 2.0])  # three points on a line: x, y, z
SQ_DIST = {(i, j): norms.euclidean([AXIOM_POINTS[i]], [AXIOM_POINTS[j]]) ** 2
           for i, j in ((0, 1), (1, 2), (0, 2))}  # squared Euclidean: not a metric
FRO_A = np.array([[3.0, 0.0], [4.0, -12.0]])  # (2, 2)
FRO_NORM = norms.lp_norm(FRO_A.ravel(), 2)  # the Frobenius norm: L2 of the flattened matrix
FRO_SIGMA = linalg.svd(FRO_A)[1]  # (2,) its singular values: |A|_F^2 = sum of sigma^2
L1_X = np.array([3.0, -4.0, 0.0, 1.0])  # a weight vector for the L1 bridge
FROBENIUS = Bridge(
    formula=r"\|A\|_F = \Big(\sum_{i,j} a_{ij}^2\Big)^{1/2}",
    setup=f"A = np.array({FRO_A.tolist()})",
    mathcore=Snippet("norms.lp_norm(A.ravel(), 2)"),
    library=Snippet("np.linalg.norm(A, 'fro')"),
    decimals=3,
)
L1_NORM = Bridge(
    formula=r"\|\mathbf{x}\|_1 = \sum_i |x_i|",
    setup=f"x = np.array({L1_X.tolist()})",
    mathcore=Snippet("norms.lp_norm(x, 1)"),
    library=Snippet("np.linalg.norm(x, 1)"),
    decimals=3,
)

# --------------------------------------------------------------------------- scene 2: cosine
EMBED_A = np.array([2.2, 0.9])  # "cat"
EMBED_B = np.array([1.7, 1.6])  # "kitten"
EMBED_C = np.array([-0.5, 2.1])  # "car"
COS_AB = norms.cosine_similarity(EMBED_A, EMBED_B)
COS_AC = norms.cosine_similarity(EMBED_A, EMBED_C)
ANGLE_A = float(np.arctan2(EMBED_A[1], EMBED_A[0]))
ANGLE_B = float(np.arctan2(EMBED_B[1], EMBED_B[0]))
# b swings round to point away from a, keeping its length.
SWEEP_ANGLES = np.linspace(ANGLE_B, ANGLE_A + np.pi, 121)  # (121,)
SWEEP_B = np.linalg.norm(EMBED_B) * np.column_stack([np.cos(SWEEP_ANGLES),
                                                     np.sin(SWEEP_ANGLES)])  # (121, 2)
SWEEP_COS = np.array([norms.cosine_similarity(EMBED_A, b) for b in SWEEP_B])  # (121,)
INDEX_RIGHT_ANGLE = int(np.argmin(np.abs(SWEEP_ANGLES - (ANGLE_A + np.pi / 2))))
# b stretched: the cosine stays, the distance does not.
SCALES = np.linspace(1.0, 0.45, 41)  # (41,)
SCALED_B = SCALES[:, None] * EMBED_B  # (41, 2)
SCALED_COS = np.array([norms.cosine_similarity(EMBED_A, b) for b in SCALED_B])  # (41,)
SCALED_DIST = np.array([norms.euclidean(EMBED_A, b) for b in SCALED_B])  # (41,)

# --------------------------------------------------------------------------- scene 3: distances
POINT_P = np.array([-2.0, -1.5])
POINT_Q = np.array([2.0, 1.5])
EUCLIDEAN_PQ = norms.euclidean(POINT_P, POINT_Q)
MANHATTAN_PQ = norms.manhattan(POINT_P, POINT_Q)
STAIRCASES = [  # three of the many shortest grid paths from P to Q (each a list of corners)
    [POINT_P, [2.0, -1.5], POINT_Q],
    [POINT_P, [-2.0, 1.5], POINT_Q],
    [POINT_P, [-1.0, -1.5], [-1.0, -0.5], [0.0, -0.5], [0.0, 0.5], [1.0, 0.5], [1.0, 1.5],
     POINT_Q],
]
STAIRCASE_LENGTHS = [float(sum(norms.manhattan(a, b) for a, b in zip(path[:-1], path[1:])))
                     for path in STAIRCASES]

rng = np.random.default_rng(SEED)
CLOUD_MEAN = np.array([0.0, 0.0])
CLOUD_COV = np.array([[1.2, 0.7],
                      [0.7, 0.6]])  # (2, 2) correlated, elongated
CLOUD = rng.multivariate_normal(CLOUD_MEAN, CLOUD_COV, size=150)  # (150, 2)
ELLIPSES = [probability.covariance_ellipse(CLOUD_MEAN, CLOUD_COV, n_std=k, n_points=120)
            for k in (1, 2, 3)]
MAJOR = np.array([np.cos(ELLIPSES[0].angle), np.sin(ELLIPSES[0].angle)])  # long axis direction
MINOR = np.array([-MAJOR[1], MAJOR[0]])  # short axis direction
RADIUS = 1.2  # both test points sit this far from the mean, in plain Euclidean terms
POINT_ALONG = CLOUD_MEAN + RADIUS * MAJOR  # with the grain of the data
POINT_ACROSS = CLOUD_MEAN + RADIUS * MINOR  # against it
EUCLID_ALONG = norms.euclidean(POINT_ALONG, CLOUD_MEAN)
EUCLID_ACROSS = norms.euclidean(POINT_ACROSS, CLOUD_MEAN)
MAHAL_ALONG = norms.mahalanobis(POINT_ALONG, CLOUD_MEAN, CLOUD_COV)
MAHAL_ACROSS = norms.mahalanobis(POINT_ACROSS, CLOUD_MEAN, CLOUD_COV)


# =========================================================================== scene 1

BALL_UNIT = 1.85  # frame units per plane unit
BALL_ORIGIN = np.array([-3.3, -0.35, 0.0])
COLUMN_X = 3.55  # centre of the text column


class LpUnitBallsMorph(NarratedScene):
    """The set of length-one vectors depends on how length is measured."""

    def construct(self):
        # Step 1: the plane, and the family of Lp norms.
        self.show_plane_and_formula()
        # Step 2: p = 1: the unit ball is a diamond.
        self.show_diamond()
        # Step 3: p grows to 2: the diamond swells into the circle.
        self.show_morph_to_circle()
        # Step 4: p grows on, and in the limit the ball is the square of the max norm.
        self.show_morph_to_square()
        # Step 5: the three famous balls, nested.
        self.show_three_balls()
        # Step 6: one vector, three lengths: the scaled ball through it.
        self.show_sample_vector()
        # Step 7: below p = 1: a star, no longer a norm.
        self.show_below_one()

    # ------------------------------------------------------------------ builders
    def point(self, coords) -> np.ndarray:
        return self.plane.c2p(*coords)

    def get_ball(self, points, color, scale: float = 1.0, stroke_width: float = 4) -> VMobject:
        return polygon([self.point(scale * x) for x in points], color, stroke_width)

    # ------------------------------------------------------------------ steps
    def show_plane_and_formula(self):
        self.plane = get_plane(x_range=(-2, 2, 0.5), y_range=(-2, 2, 0.5), unit=BALL_UNIT,
                               center=BALL_ORIGIN)
        self.plane.set_stroke(opacity=0.5)
        formula = MathTex(r"\|\mathbf{x}\|_{", "p", "} = \\big(|x_1|^{", "p", "} + |x_2|^{", "p",
                          r"}\big)^{1/", "p", "}", font_size=BODY_SIZE)
        for index in (1, 3, 5, 7):
            formula[index].set_color(ACCENT_3)
        self.formula = get_panel(formula).move_to([COLUMN_X, 2.9, 0])
        with self.beat("A norm is a way to measure the length of a vector. The Euclidean length "
                       "is one choice, but there is a whole family of them: the Lp norms."):
            self.play(FadeIn(self.plane), run_time=1.5)
            self.play(FadeIn(self.formula, shift=0.2 * DOWN), run_time=1.5)

    def show_diamond(self):
        self.t = ValueTracker(0)
        self.ball = always_redraw(lambda: self.get_ball(lookup(BALLS, self.t.get_value()),
                                                        BALL_COLOR))
        p_label = MathTex("p", "=", font_size=BODY_SIZE + 4)
        p_label[0].set_color(ACCENT_3)
        self.p_number = DecimalNumber(P_GRID[0], num_decimal_places=2, font_size=BODY_SIZE + 4,
                                      color=ACCENT_3)
        self.p_number.add_updater(lambda m: m.set_value(lookup(P_GRID[:-1], self.t.get_value())))
        self.p_readout = VGroup(p_label, self.p_number)
        p_label.move_to([COLUMN_X - 0.55, 1.6, 0])
        self.p_number.add_updater(lambda m: m.next_to(p_label, RIGHT, buff=0.2))
        with self.beat("Pick p, and draw every vector whose norm is exactly one: the unit "
                       "sphere, here a curve. Everything inside it, norm at most one, is the unit "
                       "ball. For p equal to one, the norm adds the absolute coordinates, and the "
                       "unit sphere is a diamond."):
            self.play(FadeIn(p_label), FadeIn(self.p_number))
            self.play(Create(self.ball), run_time=2.5)
            self.wait(1)

    def show_morph_to_circle(self):
        with self.beat("Now raise p. The diamond swells outward, and at p equal to two it is "
                       "the familiar circle of Euclidean length."):
            self.play(self.t.animate.set_value(INDEX_P2), run_time=4, rate_func=linear)
            self.wait(1)

    def show_morph_to_square(self):
        last_finite = INDEX_P10
        with self.beat("Keep going. As p grows, the largest coordinate matters more and more, "
                       "and the ball pushes out toward the corners."):
            self.play(self.t.animate.set_value(last_finite), run_time=4, rate_func=linear)
        infinity = MathTex(r"\infty", font_size=BODY_SIZE + 4, color=ACCENT_3)
        infinity.next_to(self.p_readout[0], RIGHT, buff=0.2)
        self.p_number.clear_updaters()
        max_norm = MathTex(r"\|\mathbf{x}\|_\infty = \max(|x_1|, |x_2|)", font_size=LABEL_SIZE)
        max_card = get_panel(max_norm).next_to(self.formula, DOWN, buff=1.0).set_x(COLUMN_X)
        with self.beat("In the limit, p equal to infinity, only the largest coordinate counts. "
                       "The unit ball is a square."):
            self.play(self.t.animate.set_value(len(P_GRID) - 1),
                      ReplacementTransform(self.p_number, infinity), run_time=1.5)
            self.play(FadeIn(max_card, shift=0.2 * DOWN))
            self.wait(1)
        self.ball.clear_updaters()
        self.p_readout = VGroup(self.p_readout[0], infinity)
        self.max_card = max_card

    def show_three_balls(self):
        balls = VGroup(self.get_ball(BALLS[0], L1_COLOR), self.get_ball(BALLS[INDEX_P2], L2_COLOR),
                       self.get_ball(BALLS[-1], LINF_COLOR))
        names = [("1", L1_COLOR, "Manhattan"), ("2", L2_COLOR, "Euclidean"),
                 (r"\infty", LINF_COLOR, "max")]
        legend = VGroup(*(
            VGroup(MathTex(rf"p = {p}", font_size=LABEL_SIZE, color=color),
                   Tex(name, font_size=LABEL_SIZE, color=MUTED)).arrange(RIGHT, buff=0.3)
            for p, color, name in names
        )).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        legend.move_to([COLUMN_X, 0.35, 0])
        with self.beat("Here are the three you will meet most: the diamond of the L1 or "
                       "Manhattan norm, the Euclidean circle, and the square of the max norm. "
                       "They are nested: the larger p, the larger the ball."):
            self.play(FadeOut(self.ball), FadeOut(self.p_readout), FadeOut(self.max_card))
            self.play(*(Create(b) for b in balls), FadeIn(legend), run_time=2)
            self.wait(1.5)
        self.balls, self.legend = balls, legend

    def show_sample_vector(self):
        x = SAMPLE_X
        arrow = get_arrow(self.point((0, 0)), self.point(x), TEXT, stroke_width=5)
        x_label = MathTex(rf"\mathbf{{x}} = ({format_number(x[0], 1)},\, {format_number(x[1], 1)})",
                          font_size=LABEL_SIZE)
        x_label = get_panel(x_label, buff=0.06, opacity=0.85).next_to(arrow.get_end(), UR, buff=0.05)
        scaled = VGroup(*(self.get_ball(b, c, scale=SAMPLE_NORMS[p], stroke_width=3)
                          for b, c, p in ((BALLS[0], L1_COLOR, 1), (BALLS[INDEX_P2], L2_COLOR, 2),
                                          (BALLS[-1], LINF_COLOR, np.inf))))
        values = VGroup(*(
            MathTex(rf"\|\mathbf{{x}}\|_{{{p}}} = {format_number(SAMPLE_NORMS[key])}",
                    font_size=LABEL_SIZE, color=color)
            for p, key, color in (("1", 1, L1_COLOR), ("2", 2, L2_COLOR),
                                  (r"\infty", np.inf, LINF_COLOR))
        )).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        values.next_to(self.legend, DOWN, buff=0.6).set_x(COLUMN_X)
        with self.beat("Now one vector, x. How long is it? Grow each ball until it touches x: "
                       "the factor you needed is x's norm."):
            self.play(self.balls.animate.set_stroke(opacity=0.3))
            self.play(GrowArrow(arrow), FadeIn(x_label))
            self.play(*(ReplacementTransform(b.copy(), s) for b, s in zip(self.balls, scaled)),
                      run_time=2.5)
        with self.beat(f"In the L1 norm x has length {format_number(SAMPLE_NORMS[1])}, in the "
                       f"Euclidean norm {format_number(SAMPLE_NORMS[2])}, and in the max norm "
                       f"{format_number(SAMPLE_NORMS[np.inf])}. Same arrow, three answers."):
            for value, ball in zip(values, scaled):  # each length with the ball that measured it
                self.play(FadeIn(value, shift=0.1 * UP),
                          Indicate(ball, color=ball.get_color(), scale_factor=1.05))
            self.play(Indicate(VGroup(arrow, x_label), color=TEXT))
            self.wait(0.5)
        self.sample = VGroup(arrow, x_label, scaled, values)

    def show_below_one(self):
        star = self.get_ball(BALL_HALF, ACCENT_3)
        label = MathTex(r"p = \tfrac12", font_size=LABEL_SIZE, color=ACCENT_3)
        note = Tex(r"not convex:\\ not a norm", font_size=LABEL_SIZE, color=MUTED)
        block = VGroup(label, note).arrange(DOWN, buff=0.15).move_to([COLUMN_X, -1.3, 0])
        with self.beat("And below p equal to one, the ball caves in to a star. It is no longer "
                       "convex, so this is no longer a norm."):
            self.play(FadeOut(self.sample), FadeOut(self.legend))
            self.play(Create(star), FadeIn(block), run_time=2)
        with self.beat("But notice where all these shapes keep their points: on the axes. That "
                       "is why the L1 norm, used as a penalty, pushes models toward sparse "
                       "weights, with many exactly zero."):
            self.play(Indicate(self.balls[0], color=L1_COLOR, scale_factor=1.05), run_time=2)
            self.wait(1.5)


# =========================================================================== scene 2

SPARSE_UNIT = 0.8  # frame units per weight unit
SPARSE_X_RANGE = (-2.5, 4.5, 0.5)
SPARSE_Y_RANGE = (-2.5, 2.5, 0.5)
SPARSE_ORIGINS = {"l2": np.array([-4.4, -0.45, 0.0]), "l1": np.array([2.8, -0.45, 0.0])}
N_CONTOURS = 4  # faint contours drawn inside the touching one


class L1PenaltyMakesZeros(NarratedScene):
    """Ridge and lasso on the same data: contours meet the circle on a slope, the diamond at a corner."""

    def construct(self):
        # Step 1: a penalty is a budget; the weight plane, the loss contours, least squares.
        self.show_planes_and_contours()
        # Step 2: the L2 budget: the contour that first touches the circle; both weights live.
        self.show_ridge()
        # Step 3: the L1 budget: the contour first touches the diamond at a corner; w2 = 0.
        self.show_lasso()
        # Step 4: why the corner: the diamond sticks out along the axes.
        self.show_why_corner()
        # Step 5: formula -> mathcore -> scikit-learn, for both.
        self.show_bridges()

    def p(self, key: str, coords) -> np.ndarray:
        return self.planes[key].c2p(*coords)

    def get_contour(self, key: str, radius: float, color, stroke_width: float = 2.5) -> VMobject:
        return polygon([self.p(key, w) for w in loss_contour(radius)], color, stroke_width)

    def show_planes_and_contours(self):
        self.planes = {}
        for key, origin in SPARSE_ORIGINS.items():
            plane = get_plane(x_range=SPARSE_X_RANGE, y_range=SPARSE_Y_RANGE, unit=SPARSE_UNIT,
                              center=origin)
            plane.set_stroke(opacity=0.35)
            self.planes[key] = plane
        self.axes_names = axes_names = VGroup(*(VGroup(
            MathTex("w_1", font_size=LABEL_SIZE).next_to(self.p(k, (SPARSE_X_RANGE[1], 0)), DOWN + LEFT,
                                                        buff=0.1),
            MathTex("w_2", font_size=LABEL_SIZE).next_to(self.p(k, (0, SPARSE_Y_RANGE[1])), LEFT,
                                                        buff=0.1)) for k in self.planes))
        titles = VGroup(
            MathTex(r"\text{ridge: } \|\mathbf{w}\|_2 \le t", font_size=BODY_SIZE, color=L2_COLOR),
            MathTex(r"\text{lasso: } \|\mathbf{w}\|_1 \le t", font_size=BODY_SIZE, color=L1_COLOR))
        for title, key in zip(titles, self.planes):
            title.next_to(self.planes[key], UP, buff=0.2)
        self.ols = {k: Dot(self.p(k, SPARSE_OLS), radius=0.07, color=TEXT).set_z_index(4)
                    for k in self.planes}
        ols_label = MathTex(rf"\mathbf{{w}}^* = ({format_number(SPARSE_OLS[0])},\ "
                            rf"{format_number(SPARSE_OLS[1])})", font_size=SMALL_SIZE + 2)
        ols_label.next_to(self.ols["l2"], UP, buff=0.15)
        self.ols_label = get_panel(ols_label, buff=0.06, opacity=0.8).set_z_index(5)
        radii = np.linspace(0.25, 0.85, N_CONTOURS)
        self.faint = VGroup(*(self.get_contour(k, r, CONTOUR_HIGH, 1.5).set_stroke(opacity=0.6)
                              for k in self.planes for r in radii))
        with self.beat("Why does an L1 penalty give weights that are exactly zero? Adding lambda "
                       "times a norm to the loss is the same as fitting under a budget: the "
                       "norm of w may be at most some t. Here is the plane of two weights, "
                       "twice: ridge on the left, lasso on the right."):
            self.play(*(FadeIn(p) for p in self.planes.values()), FadeIn(axes_names), run_time=1.5)
            self.play(FadeIn(titles, shift=0.1 * DOWN))
            self.play(Indicate(titles[0], color=L2_COLOR), run_time=1.2)  # ridge, left
            self.play(Indicate(titles[1], color=L1_COLOR), run_time=1.2)  # lasso, right
        with self.beat("The data are six samples of two correlated features. The squared loss is "
                       "smallest at the least-squares weights w star, and grows in ellipses "
                       "around it: its contour lines."):
            self.play(*(FadeIn(d, scale=2) for d in self.ols.values()), FadeIn(self.ols_label))
            self.play(Create(self.faint), run_time=2)
        self.titles = titles

    def show_ridge(self):
        circle = polygon([self.p("l2", RIDGE_BUDGET * b) for b in BALLS[INDEX_P2]], L2_COLOR)
        touching = self.get_contour("l2", RIDGE_TOUCH, TEXT)
        dot = Dot(self.p("l2", RIDGE_W), radius=0.08, color=L2_COLOR).set_z_index(4)
        label = MathTex(rf"\mathbf{{w}}_{{\text{{ridge}}}} = ({format_number(RIDGE_W[0])},\ "
                        rf"{format_number(RIDGE_W[1])})", font_size=LABEL_SIZE, color=L2_COLOR)
        label.next_to(self.planes["l2"], DOWN, buff=0.15)
        self.ridge = VGroup(circle, touching, dot, label)
        with self.beat("Ridge's budget is a disc. Let the loss grow, contour by contour, until its "
                       "level set first touches the circle: there is the ridge solution."):
            self.play(Create(circle), run_time=1.2)
            self.play(FadeOut(self.ols_label), Create(touching), run_time=1.8)
            self.play(FadeIn(dot, scale=2))
        with self.beat(f"The contour meets the round edge on a slope, so both weights stay: "
                       f"{format_number(RIDGE_W[0])} and {format_number(RIDGE_W[1])}. Ridge shrinks "
                       "the weights, but it does not zero them."):
            self.play(FadeIn(label, shift=0.1 * UP))
            self.play(Indicate(dot, color=L2_COLOR, scale_factor=1.8))

    def show_lasso(self):
        diamond = polygon([self.p("l1", LASSO_BUDGET * b) for b in BALLS[0]], L1_COLOR)
        touching = self.get_contour("l1", LASSO_TOUCH, TEXT)
        dot = Dot(self.p("l1", LASSO_W), radius=0.08, color=L1_COLOR).set_z_index(4)
        label = MathTex(rf"\mathbf{{w}}_{{\text{{lasso}}}} = ({format_number(LASSO_W[0])},\ "
                        rf"{format_number(abs(LASSO_W[1]))})", font_size=LABEL_SIZE, color=L1_COLOR)
        label.next_to(self.planes["l1"], DOWN, buff=0.15)
        self.lasso = VGroup(diamond, touching, dot, label)
        with self.beat("Now the lasso's budget: the L1 diamond. Grow the loss again until it first "
                       "touches the diamond."):
            self.play(Create(diamond), run_time=1.2)
            self.play(Create(touching), run_time=1.8)
        with self.beat(f"It touches at a corner, on the w one axis. So w two is exactly zero, not "
                       f"small: the lasso keeps w one at {format_number(LASSO_W[0])} and drops the "
                       "second feature."):
            self.play(FadeIn(dot, scale=2))
            self.play(FadeIn(label, shift=0.1 * UP))
            self.play(Indicate(dot, color=L1_COLOR, scale_factor=1.8))

    def show_why_corner(self):
        corner = self.p("l1", (LASSO_BUDGET, 0))
        tilts = VGroup(*(Line(corner + 1.1 * d, corner - 1.1 * d, color=ACCENT_3, stroke_width=3)
                         for d in (np.array([np.cos(a), np.sin(a), 0.0])
                                   for a in np.radians([55, 90, 125]))))
        with self.beat("Why a corner? The corners stick out. A line resting on the diamond at a "
                       "corner can tilt through a whole range of angles and still touch only the "
                       "corner, while the circle has exactly one tangent at each point. So for "
                       "most tilts of the loss, the first contact is a corner, where a weight is "
                       "zero."):
            self.play(LaggedStart(*(Create(t) for t in tilts), lag_ratio=0.4), run_time=2.5)
            self.play(Indicate(self.lasso[0], color=L1_COLOR, scale_factor=1.04))
            self.play(FadeOut(tilts))
        with self.beat("In higher dimensions the diamond has even more corners and edges, with "
                       "many coordinates zero. That is why an L1 penalty selects features, and "
                       "why it prunes the weights of a network."):
            self.play(Indicate(self.lasso[3], color=L1_COLOR), Indicate(self.ridge[3], color=L2_COLOR))
            corners = [self.p("l1", c) for c in ((LASSO_BUDGET, 0), (0, LASSO_BUDGET),
                                                  (-LASSO_BUDGET, 0), (0, -LASSO_BUDGET))]
            self.play(LaggedStart(*(Flash(c, color=L1_COLOR, line_length=0.15, flash_radius=0.12)
                                    for c in corners), lag_ratio=0.5), run_time=2.5)

    def show_bridges(self):
        scene_parts = VGroup(*self.planes.values(), self.axes_names, self.titles, self.faint,
                             self.ridge, self.lasso, *self.ols.values())
        lasso = get_panel(get_bridge(LASSO, value_color=L1_COLOR))
        ridge = get_panel(get_bridge(RIDGE, value_color=L2_COLOR))
        with self.beat("In code: mathcore solves the lasso by iterative soft-thresholding; "
                       "scikit-learn's Lasso gives the same weights, zero included. Its alpha is "
                       "lambda divided by the number of samples, because it averages the loss."):
            self.play(FadeOut(scene_parts))
            self.play(FadeIn(lasso[0]), FadeIn(lasso[1][0]))
            self.play(FadeIn(lasso[1][1], shift=0.1 * UP), FadeIn(lasso[1][2], shift=0.1 * UP))
            self.play(FadeIn(lasso[1][3]))
        with self.beat("Ridge has a closed form, and scikit-learn's Ridge with alpha equal to "
                       "lambda matches it: no zeros. Next, length for a different job: comparing "
                       "the directions of embeddings."):
            self.play(FadeOut(lasso))
            self.play(FadeIn(ridge[0]), FadeIn(ridge[1][0]))
            self.play(FadeIn(ridge[1][1], shift=0.1 * UP), FadeIn(ridge[1][2], shift=0.1 * UP))
            self.play(FadeIn(ridge[1][3]))


# =========================================================================== scene 2

EMBED_UNIT = 1.45
EMBED_ORIGIN = np.array([-3.3, -1.3, 0.0])
A_COLOR, B_COLOR, C_COLOR = VECTOR, ACCENT, ACCENT_3
COS_COLUMN_X = 3.7


class CosineSimilarityOfEmbeddings(NarratedScene):
    """cos(theta) = a . b / (|a| |b|): direction counts, length does not."""

    def construct(self):
        # Step 1: three word embeddings as arrows.
        self.show_embeddings()
        # Step 2: the angle between cat and kitten, and its cosine.
        self.show_cosine()
        # Step 3: car points elsewhere: a lower similarity.
        self.show_unrelated()
        # Step 4: swing b round: 1 when aligned, 0 at a right angle, -1 opposite.
        self.show_sweep()
        # Step 5: shrink b: the cosine stays, the Euclidean distance does not.
        self.show_length_does_not_matter()

    # ------------------------------------------------------------------ builders
    def point(self, coords) -> np.ndarray:
        return self.plane.c2p(*coords)

    def get_vector(self, coords, color):
        return get_arrow(self.point((0, 0)), self.point(coords), color, stroke_width=6)

    def get_angle(self, angle_b: float, radius: float = 0.8) -> Arc:
        """The arc from a's direction to the direction ``angle_b`` (radians, precomputed)."""
        return Arc(radius=radius, start_angle=ANGLE_A, angle=angle_b - ANGLE_A,
                   arc_center=self.point((0, 0)), color=TEXT, stroke_width=3)

    # ------------------------------------------------------------------ steps
    def show_embeddings(self):
        self.plane = get_plane(x_range=(-3, 3, 1), y_range=(-2, 3, 1), unit=EMBED_UNIT,
                               center=EMBED_ORIGIN)
        self.plane.set_stroke(opacity=0.45)
        self.a = self.get_vector(EMBED_A, A_COLOR)
        self.b = self.get_vector(EMBED_B, B_COLOR)
        self.c = self.get_vector(EMBED_C, C_COLOR)
        self.a_label = Tex(r"\textit{cat}", font_size=LABEL_SIZE, color=A_COLOR)
        self.a_label.next_to(self.a.get_end(), RIGHT, buff=0.12)
        self.b_label = Tex(r"\textit{kitten}", font_size=LABEL_SIZE, color=B_COLOR)
        self.b_label.next_to(self.b.get_end(), UP, buff=0.12)
        self.c_label = Tex(r"\textit{car}", font_size=LABEL_SIZE, color=C_COLOR)
        self.c_label.next_to(self.c.get_end(), UP, buff=0.12)
        with self.beat("A language model turns every word into a vector, an embedding, with "
                       "hundreds of coordinates. Here, in two dimensions, are cat and kitten."):
            self.play(FadeIn(self.plane))
            self.play(GrowArrow(self.a), FadeIn(self.a_label))
            self.play(GrowArrow(self.b), FadeIn(self.b_label))

    def show_cosine(self):
        self.angle = self.get_angle(ANGLE_B)
        theta = MathTex(r"\theta", font_size=LABEL_SIZE).move_to(
            self.get_angle(ANGLE_B, radius=1.15).point_from_proportion(0.5))
        formula = MathTex(r"\cos\theta", "=", r"{\mathbf{a}", r"\cdot", r"\mathbf{b}", r"\over",
                          r"\|\mathbf{a}\|", r"\,", r"\|\mathbf{b}\|}", font_size=BODY_SIZE + 4)
        formula[2].set_color(A_COLOR)
        formula[4].set_color(B_COLOR)
        formula[6].set_color(A_COLOR)
        formula[8].set_color(B_COLOR)
        self.formula = get_panel(formula).move_to([COS_COLUMN_X, 2.55, 0])
        self.ab_value = MathTex(rf"\cos(\text{{cat}}, \text{{kitten}}) = {format_number(COS_AB)}",
                                font_size=LABEL_SIZE)
        self.ab_value.move_to([COS_COLUMN_X, 0.95, 0])
        with self.beat("Similar meanings point in similar directions. So compare directions: "
                       "measure the angle theta between the two arrows."):
            self.play(Indicate(VGroup(self.a, self.a_label), color=A_COLOR),
                      Indicate(VGroup(self.b, self.b_label), color=B_COLOR), run_time=1.2)
            self.play(Create(self.angle))
            self.play(FadeIn(theta, scale=1.5), run_time=0.6)
            self.play(Indicate(theta, color=TEXT, scale_factor=1.5), run_time=0.8)
        with self.beat("Its cosine is the cosine similarity: the dot product divided by both "
                       "lengths. For cat and kitten it is "
                       f"{format_number(COS_AB)}, close to the maximum of one."):
            self.play(FadeIn(self.formula, shift=0.2 * DOWN), run_time=1.5)
            self.play(FadeIn(self.ab_value, shift=0.1 * UP))
            self.wait(1)
        self.theta = theta

    def show_unrelated(self):
        value = MathTex(rf"\cos(\text{{cat}}, \text{{car}}) = {format_number(COS_AC)}",
                        font_size=LABEL_SIZE)
        value.next_to(self.ab_value, DOWN, buff=0.3)
        with self.beat(f"Car points somewhere else. Its similarity to cat is only "
                       f"{format_number(COS_AC)}."):
            self.play(GrowArrow(self.c), FadeIn(self.c_label))
            self.play(FadeIn(value, shift=0.1 * UP))
            self.wait(1)
        with self.beat("Now let's move kitten around and watch the number."):
            self.play(FadeOut(self.c), FadeOut(self.c_label), FadeOut(value),
                      FadeOut(self.b_label), FadeOut(self.theta))
        self.c_value = value

    def show_sweep(self):
        s = ValueTracker(0)
        self.remove(self.b, self.angle)
        b = always_redraw(lambda: self.get_vector(lookup(SWEEP_B, s.get_value()), B_COLOR))
        angle = always_redraw(lambda: self.get_angle(lookup(SWEEP_ANGLES, s.get_value())))
        label = MathTex(r"\cos\theta =", font_size=BODY_SIZE)
        number = DecimalNumber(SWEEP_COS[0], num_decimal_places=2, font_size=BODY_SIZE,
                               include_sign=True)
        number.add_updater(lambda m: m.set_value(lookup(SWEEP_COS, s.get_value())))
        readout = VGroup(label, number).arrange(RIGHT, buff=0.2).move_to([COS_COLUMN_X, -0.6, 0])
        number.add_updater(lambda m: m.next_to(label, RIGHT, buff=0.2))
        self.add(b, angle)
        with self.beat("Swing it away from cat. At a right angle the dot product is zero, and "
                       "so is the similarity: unrelated."):
            self.play(FadeIn(readout))
            self.play(s.animate.set_value(INDEX_RIGHT_ANGLE), run_time=3, rate_func=linear)
            self.wait(0.5)
        with self.beat("Pointing the opposite way, the similarity is minus one."):
            self.play(s.animate.set_value(len(SWEEP_B) - 1), run_time=2.5, rate_func=linear)
            self.wait(0.5)
        with self.beat("Back to where kitten was."):
            self.play(s.animate.set_value(0), run_time=2)
        for mob in (b, angle, number):
            mob.clear_updaters()
        self.b, self.angle, self.readout = b, angle, readout

    def show_length_does_not_matter(self):
        k = ValueTracker(0)
        self.remove(self.b, self.angle, self.readout)
        b = always_redraw(lambda: self.get_vector(lookup(SCALED_B, k.get_value()), B_COLOR))
        angle = self.get_angle(ANGLE_B, radius=0.5)
        gap = always_redraw(lambda: Line(self.point(EMBED_A), self.point(lookup(SCALED_B, k.get_value())),
                                         color=CHORD, stroke_width=3))
        cos_label = MathTex(r"\cos\theta =", font_size=BODY_SIZE)
        cos_number = DecimalNumber(SCALED_COS[0], num_decimal_places=2, font_size=BODY_SIZE,
                                   include_sign=True)
        cos_number.add_updater(lambda m: m.set_value(lookup(SCALED_COS, k.get_value())))
        dist_label = MathTex(r"\|\mathbf{a} - \mathbf{b}\| =", font_size=BODY_SIZE, color=CHORD)
        dist_number = DecimalNumber(SCALED_DIST[0], num_decimal_places=2, font_size=BODY_SIZE,
                                    color=CHORD)
        dist_number.add_updater(lambda m: m.set_value(lookup(SCALED_DIST, k.get_value())))
        readouts = VGroup(VGroup(cos_label, cos_number), VGroup(dist_label, dist_number))
        for pair in readouts:
            pair.arrange(RIGHT, buff=0.2)
        readouts.arrange(DOWN, aligned_edge=LEFT, buff=0.3).move_to([COS_COLUMN_X, -0.9, 0])
        cos_number.add_updater(lambda m: m.next_to(cos_label, RIGHT, buff=0.2))
        dist_number.add_updater(lambda m: m.next_to(dist_label, RIGHT, buff=0.2))
        self.add(b, angle)
        with self.beat("Now shrink kitten without turning it, and compare with the straight-line "
                       "distance between the two arrow tips, in red."):
            self.play(FadeIn(readouts), Create(gap))
            self.play(k.animate.set_value(len(SCALES) - 1), run_time=3.5, rate_func=linear)
        with self.beat(f"The distance changed from {format_number(SCALED_DIST[0])} to "
                       f"{format_number(SCALED_DIST[-1])}. The cosine did not move. Cosine similarity "
                       "ignores length, which is why embeddings are compared by angle."):
            self.play(Indicate(cos_number, color=TEXT), Indicate(dist_number, color=CHORD),
                      run_time=1.5)
            self.wait(2.5)
        for mob in (b, gap, cos_number, dist_number):
            mob.clear_updaters()


# =========================================================================== scene 3

GRID_UNIT = 0.78
GRID_ORIGIN = np.array([-3.65, -0.35, 0.0])
CLOUD_UNIT = 0.78
CLOUD_ORIGIN = np.array([3.55, -0.35, 0.0])


class ThreeDistancesSideBySide(NarratedScene):
    """Straight line, staircase, and the ellipses a covariance draws."""

    def construct(self):
        # Step 1: two points on a grid.
        self.show_points()
        # Step 2: Euclidean: the straight line.
        self.show_euclidean()
        # Step 3: Manhattan: any staircase, always the same length.
        self.show_manhattan()
        # Step 4: a correlated cloud, and its covariance ellipses.
        self.show_cloud()
        # Step 5: two points equally far in Euclidean terms, not in Mahalanobis terms.
        self.show_mahalanobis()

    def p(self, coords) -> np.ndarray:
        return self.grid.c2p(*coords)

    def c(self, coords) -> np.ndarray:
        return self.cloud_plane.c2p(*coords)

    def show_points(self):
        self.grid = get_plane(x_range=(-3, 3, 1), y_range=(-3, 3, 1), unit=GRID_UNIT,
                              center=GRID_ORIGIN)
        self.grid.set_stroke(opacity=0.5)
        title = Tex("Euclidean and Manhattan", font_size=BODY_SIZE, color=TEXT)
        title.move_to([GRID_ORIGIN[0], 3.45, 0])
        self.dot_p = Dot(self.p(POINT_P), radius=0.08, color=TEXT)
        self.dot_q = Dot(self.p(POINT_Q), radius=0.08, color=TEXT)
        label_p = MathTex("P", font_size=LABEL_SIZE).next_to(self.dot_p, DOWN, buff=0.12)
        label_q = MathTex("Q", font_size=LABEL_SIZE).next_to(self.dot_q, UP, buff=0.12)
        with self.beat("Cosine compares directions, but nearest neighbours and k-means need how far "
                       "apart two points are. It depends on the norm you measure the "
                       "difference with. Here are P and Q on a grid."):
            self.play(FadeIn(self.grid), Write(title))
            self.play(FadeIn(self.dot_p, scale=2), FadeIn(self.dot_q, scale=2), FadeIn(label_p),
                      FadeIn(label_q))

    def show_euclidean(self):
        line = Line(self.p(POINT_P), self.p(POINT_Q), color=L2_COLOR, stroke_width=5)
        value = MathTex(rf"\|P - Q\|_2 = {format_number(EUCLIDEAN_PQ)}", font_size=LABEL_SIZE,
                        color=L2_COLOR)
        value.move_to([GRID_ORIGIN[0], -3.1, 0]).shift(1.45 * LEFT)
        with self.beat(f"The Euclidean distance is the straight line, as the crow flies: "
                       f"{format_number(EUCLIDEAN_PQ)}. It uses the L2 norm."):
            self.play(Create(line), run_time=1.5)
            self.play(FadeIn(value, shift=0.1 * UP))
        self.euclid_line = line

    def show_manhattan(self):
        paths = [VMobject(stroke_color=L1_COLOR, stroke_width=5).set_points_as_corners(
            [self.p(c) for c in path]) for path in STAIRCASES]
        value = MathTex(rf"\|P - Q\|_1 = {format_number(MANHATTAN_PQ)}", font_size=LABEL_SIZE,
                        color=L1_COLOR)
        value.move_to([GRID_ORIGIN[0], -3.1, 0]).shift(1.45 * RIGHT)
        with self.beat(f"The Manhattan distance walks along the streets of the grid: "
                       f"{format_number(MANHATTAN_PQ)} blocks, the L1 norm of the difference."):
            self.play(Create(paths[0]), run_time=2)
            self.play(FadeIn(value, shift=0.1 * UP))
        with self.beat("Every staircase that never steps backward has exactly the same length, "
                       "so there are many shortest paths, not one."):
            self.play(ReplacementTransform(paths[0], paths[1]), run_time=1.5)
            self.play(ReplacementTransform(paths[1], paths[2]), run_time=1.5)
            self.wait(0.5)

    def show_cloud(self):
        self.cloud_plane = get_plane(x_range=(-4, 4, 1), y_range=(-3, 3, 1), unit=CLOUD_UNIT,
                                     center=CLOUD_ORIGIN)
        self.cloud_plane.set_stroke(opacity=0.3)
        title = Tex("Mahalanobis", font_size=BODY_SIZE, color=TEXT).move_to([CLOUD_ORIGIN[0], 3.45, 0])
        dots = VGroup(*(Dot(self.c(x), radius=0.035, color=DATA, fill_opacity=0.7) for x in CLOUD))
        ellipses = VGroup(*(polygon([self.c(x) for x in e.points[:-1]], MAHALANOBIS_COLOR,
                                    stroke_width=3) for e in ELLIPSES))
        labels = VGroup(*(MathTex(str(k), font_size=SMALL_SIZE, color=MAHALANOBIS_COLOR)
                          .move_to(self.c(e.center - (e.semi_axes[1] + 0.25) * MINOR))
                          for k, e in zip((1, 2, 3), ELLIPSES)))
        with self.beat("Data rarely spreads equally in every direction. Here is a cloud of "
                       "points whose two features are correlated."):
            self.play(FadeIn(self.cloud_plane), Write(title))
            self.play(FadeIn(dots, lag_ratio=0.02), run_time=2)
        with self.beat("Its covariance matrix draws ellipses around the mean: one, two and "
                       "three standard deviations out, along and across the grain of the data."):
            self.play(*(Create(e) for e in ellipses), FadeIn(labels), run_time=2.5)
        self.dots, self.ellipses = dots, ellipses

    def show_mahalanobis(self):
        mean = self.c(CLOUD_MEAN)
        along = Dot(self.c(POINT_ALONG), radius=0.1, color=TEXT).set_z_index(3)
        across = Dot(self.c(POINT_ACROSS), radius=0.1, color=TEXT).set_z_index(3)
        spokes = VGroup(Line(mean, along.get_center(), color=L2_COLOR, stroke_width=4),
                        Line(mean, across.get_center(), color=L2_COLOR, stroke_width=4))
        name_a = MathTex("A", font_size=LABEL_SIZE).next_to(along, UR, buff=0.08)
        name_b = MathTex("B", font_size=LABEL_SIZE).next_to(across, UL, buff=0.08)
        euclid = MathTex(rf"\|A - \mu\|_2 = \|B - \mu\|_2 = {format_number(EUCLID_ALONG)}",
                         font_size=LABEL_SIZE, color=L2_COLOR)
        euclid.move_to([CLOUD_ORIGIN[0], -2.85, 0])
        formula = MathTex(r"d_M(\mathbf{x}) =", r"\|\Sigma^{-1/2}(\mathbf{x} - \mu)\|_2 = "
                          r"\sqrt{(\mathbf{x} - \mu)^{T}\, \Sigma^{-1}"
                          r"(\mathbf{x} - \mu)}", font_size=LABEL_SIZE, color=MAHALANOBIS_COLOR)
        formula = get_panel(formula, buff=0.12).move_to([CLOUD_ORIGIN[0], 2.75, 0])
        values = MathTex(rf"d_M(A) = {format_number(MAHAL_ALONG)}", r"\qquad",
                         rf"d_M(B) = {format_number(MAHAL_ACROSS)}", font_size=LABEL_SIZE,
                         color=MAHALANOBIS_COLOR)
        values.next_to(euclid, DOWN, buff=0.22)
        with self.beat(f"Take two points A and B, both {format_number(EUCLID_ALONG)} from the mean in "
                       "a straight line. Euclid says they are equally far."):
            self.play(FadeIn(along, scale=2), FadeIn(across, scale=2), FadeIn(name_a),
                      FadeIn(name_b))
            self.play(Create(spokes), FadeIn(euclid, shift=0.1 * UP))
        with self.beat("The Mahalanobis distance measures in units of the data's own spread: "
                       "it whitens the offset with sigma to the minus one half, the inverse square "
                       "root of the covariance, then takes the Euclidean length. Squared, the two "
                       "halves make the inverse covariance."):
            # the data's own spread, then the formula, then the straight lengths it ends with
            self.play(*(Indicate(e, color=MAHALANOBIS_COLOR, scale_factor=1.05)
                        for e in self.ellipses))
            self.play(FadeIn(formula[0], shift=0.2 * DOWN), Write(formula[1][0]), run_time=0.8)
            self.play(Write(formula[1][1]), run_time=1.5)
            self.play(Indicate(spokes, color=L2_COLOR, scale_factor=1.1))
            self.wait(0.5)
        self.remove(formula[0], *formula[1])
        self.add(formula)
        where_b = "beyond the third ellipse" if MAHAL_ACROSS > 3 else "out by the third ellipse"
        with self.beat(f"A lies with the grain, inside the first ellipse: distance "
                       f"{format_number(MAHAL_ALONG)}. B lies across it, {where_b}: "
                       f"{format_number(MAHAL_ACROSS)}. B is the outlier."):
            self.play(FadeIn(values, shift=0.1 * UP))
            self.play(Indicate(across, color=MAHALANOBIS_COLOR, scale_factor=1.6), run_time=1.5)
            self.wait(1.5)
        with self.beat("Three distances, three different answers: pick the one whose unit ball "
                       "matches how your data varies."):
            self.play(Indicate(self.ellipses[0], color=MAHALANOBIS_COLOR, scale_factor=1.05),
                      Indicate(self.euclid_line, color=L2_COLOR, scale_factor=1.05), run_time=2)
            self.wait(1)


# =========================================================================== scene 5

AXIOM_UNIT = 2.2  # frame units per unit on the number line of the counter-example


class WhatMakesADistance(NarratedScene):
    """The three metric axioms, squared distance failing one, and norms of matrices."""

    def construct(self):
        # Step 1: three rules every distance obeys.
        self.show_axioms()
        # Step 2: a counter-example: squared Euclidean distance breaks the triangle inequality.
        self.show_counter_example()
        # Step 3: the L1 norm in code.
        self.show_l1_bridge()
        # Step 4: matrices have norms too: the Frobenius norm, and in code.
        self.show_frobenius()

    def show_axioms(self):
        title = Tex("What makes a distance", font_size=BODY_SIZE).to_edge(UP, buff=0.5)
        rules = VGroup(
            MathTex(r"d(\mathbf{x}, \mathbf{y}) \ge 0,\quad d(\mathbf{x}, \mathbf{y}) = 0 "
                    r"\iff \mathbf{x} = \mathbf{y}", font_size=BODY_SIZE),
            MathTex(r"d(\mathbf{x}, \mathbf{y}) = d(\mathbf{y}, \mathbf{x})", font_size=BODY_SIZE),
            MathTex(r"d(\mathbf{x}, \mathbf{z}) \le d(\mathbf{x}, \mathbf{y}) + d(\mathbf{y}, \mathbf{z})",
                    font_size=BODY_SIZE),
        ).arrange(DOWN, buff=0.4, aligned_edge=LEFT)
        names = VGroup(*(Tex(t, font_size=LABEL_SIZE, color=MUTED) for t in
                         ("positive", "symmetric", "triangle inequality")))
        for name, rule in zip(names, rules):
            name.next_to(rule, LEFT, buff=0.5)
        block = VGroup(names, rules).move_to([0, 1.0, 0])
        norm_line = MathTex(r"d(\mathbf{x}, \mathbf{y}) = \|\mathbf{x} - \mathbf{y}\|",
                            font_size=BODY_SIZE, color=L2_COLOR).next_to(block, DOWN, buff=0.5)
        with self.beat("Three distances, three answers. What makes each of them a distance at "
                       "all? Three rules, the metric axioms. A distance is never negative, and "
                       "it is zero only from a point to itself."):
            self.play(FadeIn(title))
            self.play(FadeIn(names[0]), Write(rules[0]), run_time=1.5)
        with self.beat("It is symmetric: from x to y as far as from y to x. And it obeys the "
                       "triangle inequality: a detour through y is never shorter than going "
                       "straight."):
            self.play(FadeIn(names[1]), Write(rules[1]))
            self.play(FadeIn(names[2]), Write(rules[2]), run_time=1.5)
        with self.beat("Any norm gives a distance this way: the norm of x minus y. The triangle "
                       "inequality of the norm becomes the triangle inequality of the distance. "
                       "Euclid, Manhattan and Mahalanobis all pass."):
            self.play(Write(norm_line))
            self.play(Indicate(rules[2], color=ACCENT))
        self.axioms = VGroup(title, block, norm_line)
        self.triangle_rule = rules[2]

    def show_counter_example(self):
        xs = AXIOM_POINTS
        origin = np.array([-AXIOM_UNIT, -2.35, 0.0])
        line = Line(origin + 0.5 * LEFT, origin + (2 * AXIOM_UNIT + 0.5) * RIGHT, color=MUTED)
        dots = VGroup(*(Dot(origin + AXIOM_UNIT * x * RIGHT, radius=0.08, color=TEXT) for x in xs))
        names = VGroup(*(MathTex(rf"{n} = {format_number(x, 0)}", font_size=LABEL_SIZE)
                         .next_to(d, DOWN, buff=0.15) for n, x, d in zip("xyz", xs, dots)))
        arcs = VGroup(
            Arc(radius=AXIOM_UNIT / 2, start_angle=0, angle=np.pi, color=ACCENT, stroke_width=3)
            .move_arc_center_to(origin + AXIOM_UNIT / 2 * RIGHT),
            Arc(radius=AXIOM_UNIT / 2, start_angle=0, angle=np.pi, color=ACCENT, stroke_width=3)
            .move_arc_center_to(origin + 1.5 * AXIOM_UNIT * RIGHT),
            Arc(radius=AXIOM_UNIT, start_angle=0, angle=np.pi, color=ACCENT_2, stroke_width=3)
            .move_arc_center_to(origin + AXIOM_UNIT * RIGHT).stretch(0.72, 1, about_edge=DOWN),
        )  # the two short hops below the long direct arc
        values = VGroup(
            MathTex(format_number(SQ_DIST[(0, 1)], 0), font_size=LABEL_SIZE, color=ACCENT)
            .next_to(arcs[0], UP, buff=0.08),
            MathTex(format_number(SQ_DIST[(1, 2)], 0), font_size=LABEL_SIZE, color=ACCENT)
            .next_to(arcs[1], UP, buff=0.08),
            MathTex(format_number(SQ_DIST[(0, 2)], 0), font_size=LABEL_SIZE, color=ACCENT_2)
            .next_to(arcs[2], UP, buff=0.08),
        )
        verdict = MathTex(rf"d^2(x, z) = {format_number(SQ_DIST[(0, 2)], 0)} \;>\; "
                          rf"d^2(x, y) + d^2(y, z) = {format_number(SQ_DIST[(0, 1)] + SQ_DIST[(1, 2)], 0)}",
                          font_size=BODY_SIZE, color=ACCENT_2)
        verdict.next_to(line, DOWN, buff=0.75)
        with self.beat("A counter-example: the squared Euclidean distance, which k-means and mean "
                       "squared error use. Put x, y and z at zero, one and two on a line."):
            self.play(self.axioms[1][0][:2].animate.set_opacity(0.3),
                      self.axioms[1][1][:2].animate.set_opacity(0.3), FadeOut(self.axioms[2]))
            self.play(Create(line), FadeIn(dots), FadeIn(names))
        with self.beat("Squared, x to y is one and y to z is one, so the detour costs two. But x to "
                       "z directly is two squared, four: longer than the detour. The triangle "
                       "inequality fails, so squared distance is a fine loss but not a metric."):
            self.play(Create(arcs[0]), FadeIn(values[0]), Create(arcs[1]), FadeIn(values[1]))
            self.play(Create(arcs[2]), FadeIn(values[2]), Write(verdict), run_time=1.5)
            self.play(Indicate(self.triangle_rule, color=ACCENT_2))
        with self.beat("It matters in practice: nearest-neighbour search with ball trees skips "
                       "whole regions using the triangle inequality, so it needs a true metric."):
            self.play(Indicate(verdict, color=ACCENT_2, scale_factor=1.05), run_time=2)
        self.counter = VGroup(line, dots, names, arcs, values, verdict)

    def show_l1_bridge(self):
        bridge = get_panel(get_bridge(L1_NORM, value_color=L1_COLOR)).move_to([0, 0.3, 0])
        with self.beat("The norms themselves are one line of code. The L1 norm adds absolute "
                       "values: for three, minus four, zero, one it is eight, in mathcore and in "
                       "NumPy's norm with ord one."):
            self.play(FadeOut(self.axioms), FadeOut(self.counter))
            self.play(FadeIn(bridge[0]), FadeIn(bridge[1][0]))
            self.play(FadeIn(bridge[1][1], shift=0.1 * UP), FadeIn(bridge[1][2], shift=0.1 * UP))
            self.play(FadeIn(bridge[1][3]))
        self.l1_bridge = bridge

    def show_frobenius(self):
        matrix = VGroup(MathTex("A =", font_size=BODY_SIZE), get_matrix(FRO_A, decimals=0))
        matrix.arrange(RIGHT, buff=0.2)
        flat = MathTex(r"\|A\|_F = \sqrt{3^2 + 0^2 + 4^2 + 12^2} = \sqrt{169} = "
                       + format_number(FRO_NORM, 0), font_size=BODY_SIZE)
        sigma = MathTex(rf"= \sqrt{{\sigma_1^2 + \sigma_2^2}} = \sqrt{{{format_number(FRO_SIGMA[0], 2)}^2 + "
                        rf"{format_number(FRO_SIGMA[1], 2)}^2}}", font_size=LABEL_SIZE, color=MUTED)
        block = VGroup(matrix, flat, sigma).arrange(DOWN, buff=0.4).move_to([0, 0.4, 0])
        bridge = get_panel(get_bridge(FROBENIUS, value_color=MATRIX_COLOR)).move_to([0, 0.3, 0])
        with self.beat("A network's weights are matrices, and they need a length too. Flatten "
                       "the matrix into one long vector and take "
                       "its Euclidean length: that is the Frobenius norm. For this A it is the "
                       "square root of one hundred and sixty-nine, thirteen."):
            self.play(FadeOut(self.l1_bridge))
            self.play(FadeIn(matrix))
            self.play(Write(flat), run_time=2)
        with self.beat("It is also the root of the sum of the squared singular values, so it "
                       "measures how much a low-rank approximation leaves out, and its square is "
                       "the weight decay on a layer's weight matrix."):
            self.play(FadeIn(sigma, shift=0.1 * UP))
            self.play(Indicate(sigma, color=MATRIX_COLOR))
        with self.beat("In NumPy, the same thirteen is norm of A with ord F R O."):
            self.play(FadeOut(block))
            self.play(FadeIn(bridge[0]), FadeIn(bridge[1][0]))
            self.play(FadeIn(bridge[1][1], shift=0.1 * UP), FadeIn(bridge[1][2], shift=0.1 * UP))
            self.play(FadeIn(bridge[1][3]))


# =========================================================================== scene 4

class Lesson04TryIt(TryItScene):
    lesson = 4
