"""Lesson 06 — Optimization fundamentals.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed once, here at the top, by ``mathcore``
(``optim.gradient_descent``, ``optim.lagrange_equality_qp``,
``optim.kkt_conditions``); the scenes only draw and format them.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, ORIGIN, RIGHT, UP, UR, Axes, Circle, Create, DashedLine, Difference, Dot, Ellipse,
    FadeIn, FadeOut, Flash, GrowArrow, Indicate, LaggedStart, Line, MathTex, Polygon, Tex,
    Transform, ValueTracker, VGroup, Write, always_redraw,
)

from mathcore import calculus, linalg, optim
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_view import get_bridge
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, BODY_SIZE, CONSTRAINT, CONTOUR_HIGH, CONTOUR_LOW, EDGE_BUFF, FAINT, GRADIENT,
    LABEL_SIZE, MUTED, OPTIMIZER_COLORS, SMALL_SIZE, TEXT,
)
from scenekit.widgets import format_number, get_arrow, get_colored_tex, get_contour_lines, get_plane

# --------------------------------------------------------------------------- convexity
CURVE_X = np.linspace(-2.5, 2.5, 201)
WAVY_X = np.linspace(-2.5, 2.3, 193)  # the quartic leaves the axes beyond 2.3


def convex(x):
    """0.5 x^2 + 0.3 x: a parabola, convex."""
    return 0.5 * x ** 2 + 0.3 * x


def wavy(x):
    """A quartic with two valleys: not convex."""
    return 0.25 * x ** 4 - 1.0 * x ** 2 + 0.35 * x + 1.2


CONVEX_Y = convex(CURVE_X)
WAVY_Y = wavy(CURVE_X)
CHORD_ENDS = np.array([[-2.2, 1.9], [-1.2, 2.3], [-2.0, 0.4]])  # (a, b) pairs the chord visits
WAVY_CHORD = np.array([-1.6, 1.3])  # a chord that dips below the wavy graph


def _wavy_grad(x):
    return calculus.gradient(lambda v: float(wavy(v[0])), x)


# Gradient descent from two starts on the wavy function: two different answers.
WAVY_STARTS = {"right": np.array([2.3]), "left": np.array([-0.3])}
WAVY_RUNS = {name: optim.gradient_descent(_wavy_grad, x0, lr=0.08, n_steps=40,
                                          loss=lambda v: float(wavy(v[0])))
             for name, x0 in WAVY_STARTS.items()}
CONVEX_RUN = optim.gradient_descent(lambda v: calculus.gradient(lambda w: float(convex(w[0])), v),
                                    np.array([2.3]), lr=0.3, n_steps=25,
                                    loss=lambda v: float(convex(v[0])))

# --------------------------------------------------------------------------- Lagrange
# minimise f(x) = 1/2 x^T Q x + c^T x  subject to  a^T x = b  (the line x + y = 1)
Q = np.diag([2.0, 4.0])
C = np.array([-4.0, -4.0])
A_EQ = np.array([[1.0, 1.0]])
B_EQ = np.array([1.0])
OBJECTIVE = optim.quadratic(Q, -C)  # the same f, as 1/2 x^T Q x - b^T x with b = -c
FREE_MIN = OBJECTIVE.minimizer  # (2,) the unconstrained minimum
FREE_VALUE = OBJECTIVE.f(FREE_MIN)
LAGRANGE = optim.lagrange_equality_qp(Q, C, A_EQ, B_EQ)
X_STAR = LAGRANGE.x  # (2,) on the line, where a level set touches it
NU = float(LAGRANGE.multipliers[0])
GRAD_F_STAR = OBJECTIVE.grad(X_STAR)  # (2,)
GRAD_G = A_EQ[0]  # the constraint's normal, the gradient of g(x) = x + y - 1
LEVELS = FREE_VALUE + np.array([0.15, 0.5, 1.0, 1.7, 2.6, 3.7, 5.0])
MAP_XS = np.linspace(-2.5, 5.0, 151)
MAP_YS = np.linspace(-2.5, 3.0, 111)
LINE_ENDS = np.array([[-2.0, 3.0], [3.5, -2.5]])  # x + y = 1 where it crosses the map
MAP_Z = OBJECTIVE.f(np.stack(np.meshgrid(MAP_XS, MAP_YS), axis=-1))  # (len(ys), len(xs))

# --------------------------------------------------------------------------- KKT
# minimise f subject to g(x) = x + y - 1 <= 0. Case "active": the f above, whose free
# minimum breaks the constraint; case "inactive": the same bowl moved inside.
INSIDE_SHIFT = np.array([-2.5, -1.5])
INSIDE = optim.quadratic(Q, Q @ (FREE_MIN + INSIDE_SHIFT))  # minimum at FREE_MIN + shift
KKT_CASES = {
    "inactive": {"x": INSIDE.minimizer, "mu": 0.0, "grad": INSIDE.grad(INSIDE.minimizer)},
    "active": {"x": X_STAR, "mu": NU, "grad": GRAD_F_STAR},
}
for case in KKT_CASES.values():
    case["g"] = float(A_EQ[0] @ case["x"] - B_EQ[0])
    case["residuals"] = optim.kkt_conditions(case["grad"], g=[case["g"]], jac_g=A_EQ,
                                             mu=[case["mu"]])
INSIDE_Z = INSIDE.f(np.stack(np.meshgrid(MAP_XS, MAP_YS), axis=-1))
INSIDE_LEVELS = INSIDE.f(INSIDE.minimizer) + np.array([0.15, 0.5, 1.0, 1.7, 2.6, 3.7])

F_COLOR = OPTIMIZER_COLORS["gd"]
TEX_MAP = {r"\nabla f": GRADIENT, r"\nabla g": CONSTRAINT, r"\nu": ACCENT, r"\mu": ACCENT,
           "g(": CONSTRAINT}


def get_map(zs=MAP_Z, levels=LEVELS, center=(-3.35, -0.45, 0), unit: float = 0.95):
    plane = get_plane(x_range=(-2.5, 5.0, 1), y_range=(-2.5, 3.0, 1), unit=unit)
    plane.move_to(center).set_stroke(color=FAINT, opacity=0.35, width=1)
    contours = get_contour_lines(plane, MAP_XS, MAP_YS, zs, levels,
                                 colors=(CONTOUR_LOW, CONTOUR_HIGH))
    return plane, contours


def get_constraint_line(plane) -> Line:
    """The line x + y = 1 across the map."""
    return Line(plane.c2p(*LINE_ENDS[0]), plane.c2p(*LINE_ENDS[1]), color=CONSTRAINT,
                stroke_width=4)


# =========================================================================== scene 1

class ConvexFunctions(NarratedScene):
    """Convex: every chord lies above the graph, so every local minimum is global."""

    def construct(self):
        # Step 1: a convex function and the chord test.
        self.show_convex()
        # Step 2: gradient descent on it can only end at the one minimum.
        self.show_convex_descent()
        # Step 3: a non-convex function fails the chord test.
        self.show_wavy()
        # Step 4: there, where you start decides where you end.
        self.show_wavy_descent()

    def get_axes(self) -> Axes:
        axes = Axes(x_range=(-2.5, 2.5, 1), y_range=(-0.5, 4.0, 1), x_length=8.0, y_length=5.2,
                    axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
                    x_axis_config={"numbers_to_include": [-2, -1, 1, 2]},
                    y_axis_config={"numbers_to_include": [1, 2, 3]})
        return axes.to_edge(DOWN, buff=0.5).to_edge(LEFT, buff=0.8)

    def get_chord(self, axes, ys_of, a: ValueTracker, b: ValueTracker):
        def chord():
            xa, xb = a.get_value(), b.get_value()
            return Line(axes.c2p(xa, float(np.interp(xa, CURVE_X, ys_of))),
                        axes.c2p(xb, float(np.interp(xb, CURVE_X, ys_of))),
                        color=ACCENT, stroke_width=4)
        ends = always_redraw(lambda: VGroup(*(
            Dot(axes.c2p(t.get_value(), float(np.interp(t.get_value(), CURVE_X, ys_of))),
                radius=0.07, color=ACCENT) for t in (a, b))))
        return always_redraw(chord), ends

    def show_convex(self):
        self.axes = axes = self.get_axes()
        graph = axes.plot_line_graph(CURVE_X, CONVEX_Y, line_color=F_COLOR, add_vertex_dots=False,
                                     stroke_width=4)
        definition = get_colored_tex(r"f\big(t a + (1-t) b\big) \le t f(a) + (1-t) f(b)", {},
                                     font_size=LABEL_SIZE)
        definition.to_corner(UR, buff=EDGE_BUFF)
        title = Tex("convex", font_size=BODY_SIZE, color=F_COLOR).next_to(definition, DOWN,
                                                                         buff=0.25)
        with self.beat("A function is convex if it curves upward everywhere. Here is one, a "
                       "parabola."):
            self.play(Create(axes), Create(graph), run_time=2)
            self.play(FadeIn(title))
        a, b = ValueTracker(CHORD_ENDS[0, 0]), ValueTracker(CHORD_ENDS[0, 1])
        chord, ends = self.get_chord(axes, CONVEX_Y, a, b)
        with self.beat("The test: pick any two points on the graph and join them. For a convex "
                       "function the chord never dips below the graph."):
            self.play(Create(chord), FadeIn(ends))
            self.play(Write(definition), run_time=2)
        with self.beat("Wherever the two points go, the chord stays above."):
            for x_a, x_b in CHORD_ENDS[1:]:
                self.play(a.animate.set_value(x_a), b.animate.set_value(x_b), run_time=1.5)
        self.convex_group = VGroup(graph, chord, ends, title, definition)

    def show_convex_descent(self):
        axes = self.axes
        k = ValueTracker(0)
        xs = CONVEX_RUN.xs[:, 0]
        ball = always_redraw(lambda: Dot(axes.c2p(
            float(np.interp(k.get_value(), np.arange(len(xs)), xs)),
            float(np.interp(float(np.interp(k.get_value(), np.arange(len(xs)), xs)),
                            CURVE_X, CONVEX_Y))), radius=0.09, color=TEXT))
        with self.beat("So there is exactly one valley. Gradient descent, started anywhere, "
                       f"rolls to the same bottom, at x equals {format_number(CONVEX_RUN.xs[-1, 0])}."):
            self.play(FadeOut(self.convex_group[1]), FadeOut(self.convex_group[2]))
            self.play(FadeIn(ball))
            self.play(k.animate.set_value(len(xs) - 1), run_time=3)
        with self.beat("To see what that buys, look at a function that is not convex."):
            self.play(FadeOut(ball), FadeOut(self.convex_group[0]), FadeOut(self.convex_group[3]))

    def show_wavy(self):
        axes = self.axes
        graph = axes.plot_line_graph(WAVY_X, wavy(WAVY_X), line_color=F_COLOR, add_vertex_dots=False,
                                     stroke_width=4)
        title = Tex("not convex", font_size=BODY_SIZE, color=F_COLOR)
        title.next_to(self.convex_group[4], DOWN, buff=0.25)
        a, b = ValueTracker(WAVY_CHORD[0]), ValueTracker(WAVY_CHORD[1])
        chord, ends = self.get_chord(axes, WAVY_Y, a, b)
        with self.beat("This one has two valleys with a hump between them. Join a point in each "
                       "valley, and the chord passes below the hump: the test fails."):
            self.play(Create(graph), FadeIn(title), run_time=2)
            self.play(Create(chord), FadeIn(ends))
            self.wait(1)
        self.play(FadeOut(chord), FadeOut(ends))
        self.wavy = graph

    def show_wavy_descent(self):
        axes = self.axes
        balls, labels = VGroup(), VGroup()
        k = ValueTracker(0)
        for name, color in (("right", OPTIMIZER_COLORS["momentum"]), ("left", OPTIMIZER_COLORS["adam"])):
            xs = WAVY_RUNS[name].xs[:, 0]
            steps = np.arange(len(xs))
            balls.add(always_redraw(lambda xs=xs, steps=steps, color=color: Dot(axes.c2p(
                float(np.interp(k.get_value(), steps, xs)),
                float(wavy(np.interp(k.get_value(), steps, xs)))), radius=0.09, color=color)))
            end = WAVY_RUNS[name]
            label = get_colored_tex(rf"f = {format_number(end.losses[-1])}", {}, font_size=SMALL_SIZE)
            label.set_color(color).next_to(axes.c2p(end.xs[-1, 0], float(wavy(end.xs[-1, 0]))),
                                           UP, buff=0.3)
            labels.add(label)
        right, left = WAVY_RUNS["right"], WAVY_RUNS["left"]
        best = min(right.losses[-1], left.losses[-1])  # the lower of the two valleys
        floor = DashedLine(axes.c2p(WAVY_X[0], best), axes.c2p(WAVY_X[-1], best), color=MUTED,
                           stroke_width=3)
        ends = [axes.c2p(run.xs[-1, 0], float(wavy(run.xs[-1, 0]))) for run in (right, left)]
        with self.beat("Run gradient descent from two starting points. Each rolls into the "
                       "nearest valley and stops there."):
            self.play(FadeIn(balls))
            self.play(k.animate.set_value(len(right.xs) - 1), run_time=3.5)
        with self.beat(f"One ends at a loss of {format_number(right.losses[-1])}, the other at "
                       f"{format_number(left.losses[-1])}. Both are local minima; only one is the "
                       "best. With a convex function this cannot happen, and that is why convexity "
                       "makes life easy."):
            for label, end, color in zip(labels, ends, (OPTIMIZER_COLORS["momentum"],
                                                        OPTIMIZER_COLORS["adam"])):
                self.play(FadeIn(label, shift=0.1 * UP), Flash(end, color=color))
            # only one is the best: the other valley sits above the lower one's level
            self.play(Create(floor))
            self.play(*(Indicate(label, color=label.get_color()) for label in labels))
            # the convexity inequality, which rules this out
            # a colour pulse in place: grown by Indicate's 1.2 it ran off the right edge
            self.play(Indicate(self.convex_group[4], color=F_COLOR, scale_factor=1.0), run_time=1.2)
            self.wait(0.5)


# =========================================================================== scene 2: convex sets, Hessian test

# A convex set (an ellipse) and a non-convex one (a crescent), each with a segment to slide.
ELLIPSE_AXES = (2.0, 1.2)  # semi-axes of the convex set
CRESCENT_OUTER, CRESCENT_INNER, CRESCENT_SHIFT = 1.6, 1.25, 0.75  # disc minus a shifted disc
CONVEX_SEGMENTS = np.array([[[-1.6, -0.4], [1.2, 0.7]], [[-0.5, 1.0], [0.8, -1.0]]])
CRESCENT_SEGMENT = np.array([[-0.2, 1.45], [-0.2, -1.45]])  # both ends inside, middle outside


def in_crescent(p) -> bool:
    """Inside the outer disc and outside the inner one, shifted right."""
    p = np.asarray(p, dtype=float)
    return bool(p @ p <= CRESCENT_OUTER ** 2
                and (p - [CRESCENT_SHIFT, 0.0]) @ (p - [CRESCENT_SHIFT, 0.0]) > CRESCENT_INNER ** 2)


SEGMENT_MIDPOINT = CRESCENT_SEGMENT.mean(axis=0)  # (2,) leaves the crescent
SET_COLOR = CONTOUR_HIGH  # the sets; their segments are ACCENT


def objective(v) -> float:
    """The bowl of the Lagrange scene, f(x, y) = x^2 + 2y^2 - 4x - 4y."""
    return float(v[0] ** 2 + 2 * v[1] ** 2 - 4 * v[0] - 4 * v[1])


BOWL_HESSIAN = calculus.hessian(objective, np.zeros(2))  # (2, 2) constant: f is quadratic
BOWL_CURVATURES = np.sort(linalg.eigh(BOWL_HESSIAN)[0])  # ascending
WAVY_CURVATURE = float(calculus.hessian(lambda v: float(wavy(v[0])), np.zeros(1))[0, 0])  # f''(0)

# Least squares on three points: its Hessian X^T X / n is PSD for any data.
LS_X = np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 3.0]])
LS_Y = np.array([1.0, 0.0, 2.0])
HESSIAN_TEST = Bridge(
    formula=r"\nabla^2 f \succeq 0 \iff \lambda_{\min}(\nabla^2 f) \ge 0",
    setup=("X = np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 3.0]])\n"
           "y = np.array([1.0, 0.0, 2.0])\n"
           "f = lambda w: np.sum((X @ w - y) ** 2) / 6"),
    mathcore=Snippet("H = calculus.hessian(f, np.zeros(2))\n"
                     "np.sort(linalg.eigh(H)[0])"),
    library=Snippet("np.linalg.eigvalsh(X.T @ X / 3)"),
    decimals=3,
)
LS_CURVATURES = HESSIAN_TEST.value()  # (2,) ascending: both >= 0


class ConvexSetsAndHessian(NarratedScene):
    """Convex sets (the segment stays inside), and the Hessian test for convex functions."""

    def construct(self):
        # Step 1: a convex set and a non-convex one.
        self.show_sets()
        # Step 2: the Hessian test, on the bowl and the wavy curve.
        self.show_hessian_test()
        # Step 3: least squares is convex for any data, in code.
        self.show_bridge()

    def get_segment(self, plane, ends):
        a, b = ends
        return VGroup(Line(plane.c2p(*a), plane.c2p(*b), color=ACCENT, stroke_width=4),
                      Dot(plane.c2p(*a), radius=0.07, color=ACCENT),
                      Dot(plane.c2p(*b), radius=0.07, color=ACCENT))

    def show_sets(self):
        left = get_plane(x_range=(-2.5, 2.5, 1), y_range=(-2, 2, 1), unit=1.0).move_to((-3.4, -0.6, 0))
        right = get_plane(x_range=(-2.5, 2.5, 1), y_range=(-2, 2, 1), unit=1.0).move_to((3.4, -0.6, 0))
        for plane in (left, right):
            plane.set_stroke(opacity=0)
        ellipse = Ellipse(width=2 * ELLIPSE_AXES[0], height=2 * ELLIPSE_AXES[1], color=SET_COLOR,
                          fill_opacity=0.2, stroke_width=4).move_to(left.c2p(0, 0))
        outer = Circle(radius=CRESCENT_OUTER, color=SET_COLOR).move_to(right.c2p(0, 0))
        inner = Circle(radius=CRESCENT_INNER).move_to(right.c2p(CRESCENT_SHIFT, 0))
        crescent = Difference(outer, inner, color=SET_COLOR, fill_opacity=0.2, stroke_width=4)
        titles = VGroup(Tex("convex set", font_size=BODY_SIZE, color=SET_COLOR).next_to(ellipse, UP, buff=0.5),
                        Tex("not convex", font_size=BODY_SIZE, color=SET_COLOR).next_to(crescent, UP, buff=0.5))
        titles[1].match_y(titles[0])
        definition = get_colored_tex(r"a, b \in C \;\Rightarrow\; t a + (1-t) b \in C", {},
                                     font_size=LABEL_SIZE).to_edge(UP, buff=EDGE_BUFF)
        with self.beat("Optimisation also limits where we may look, and that region should be convex "
                       "too. Convex functions have a partner: convex sets. A set is convex if the "
                       "segment between any two of its points stays inside it."):
            self.play(Write(definition))
            self.play(FadeIn(ellipse), FadeIn(titles[0]))
        segment = self.get_segment(left, CONVEX_SEGMENTS[0])
        with self.beat("An ellipse passes: wherever the two ends go, the segment never leaves."):
            self.play(Create(segment))
            self.play(Transform(segment, self.get_segment(left, CONVEX_SEGMENTS[1])), run_time=1.5)
        bad = self.get_segment(right, CRESCENT_SEGMENT)
        gap = Dot(right.c2p(*SEGMENT_MIDPOINT), radius=0.09, color=CONSTRAINT)
        with self.beat("A crescent fails: join its two horns, and the middle of the segment "
                       "falls in the hole. Constraint sets in optimisation, like the half-plane "
                       "of the KKT scene ahead, are convex, and that is part of what makes a "
                       "local answer the global one."):
            self.play(FadeIn(crescent), FadeIn(titles[1]))
            self.play(Create(bad))
            self.play(Flash(gap, color=CONSTRAINT), FadeIn(gap))
        self.sets = VGroup(definition, ellipse, crescent, titles, segment, bad, gap)

    def show_hessian_test(self):
        test = get_colored_tex(r"f \text{ convex} \iff \nabla^2 f(\mathbf{x}) \succeq 0 "
                               r"\text{ for every } \mathbf{x}", {}, font_size=BODY_SIZE)
        test.to_edge(UP, buff=EDGE_BUFF)
        meaning = Tex(r"every eigenvalue of the Hessian $\ge 0$: curving up in every direction",
                      font_size=LABEL_SIZE, color=MUTED).next_to(test, DOWN, buff=0.25)
        with self.beat("No one can check every chord, so we want a test at single points. "
                       "For a smooth function the chord test has a local form: f is convex "
                       "exactly when its Hessian is positive semidefinite everywhere. Every "
                       "eigenvalue at least zero: the surface curves up, or stays flat, in "
                       "every direction."):
            self.play(FadeOut(self.sets))
            self.play(Write(test), run_time=2)
            self.play(FadeIn(meaning, shift=0.1 * DOWN))
        cases = VGroup(
            VGroup(get_colored_tex(r"f(x, y) = x^2 + 2y^2 - 4x - 4y", {}, font_size=LABEL_SIZE),
                   get_colored_tex(rf"\nabla^2 f = {matrix_tex(BOWL_HESSIAN)},\;\; \lambda = "
                                   rf"{format_number(BOWL_CURVATURES[0], 3)},\, "
                                   rf"{format_number(BOWL_CURVATURES[1], 3)} \;\ge 0", {},
                                   font_size=LABEL_SIZE)).arrange(DOWN, aligned_edge=LEFT, buff=0.2),
            VGroup(Tex("the two-valley curve", font_size=LABEL_SIZE, color=TEXT),
                   get_colored_tex(rf"f''(0) = {format_number(WAVY_CURVATURE, 3)} < 0", {},
                                   font_size=LABEL_SIZE)).arrange(DOWN, aligned_edge=LEFT, buff=0.2),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.5).next_to(meaning, DOWN, buff=0.6)
        checks = VGroup(Tex("convex", font_size=LABEL_SIZE, color=ACCENT),
                        Tex("not convex", font_size=LABEL_SIZE, color=CONSTRAINT))
        column = cases.get_right()[0] + 0.8
        for check, case in zip(checks, cases):
            check.next_to(case, RIGHT, buff=0.8).set_x(column, direction=LEFT)
        with self.beat(f"The bowl of the next scene has the same Hessian everywhere, with "
                       f"eigenvalues {format_number(BOWL_CURVATURES[0], 1)} and "
                       f"{format_number(BOWL_CURVATURES[1], 1)}: convex. The two-valley curve "
                       f"has a second derivative of {format_number(WAVY_CURVATURE, 1)} at zero, "
                       "on its hump: not convex."):
            self.play(FadeIn(cases[0]))
            self.play(FadeIn(checks[0]))
            self.play(FadeIn(cases[1]))
            self.play(FadeIn(checks[1]))
        self.hessian = VGroup(test, meaning, cases, checks)

    def show_bridge(self):
        rows = get_bridge(HESSIAN_TEST)
        rows.move_to(ORIGIN).shift(0.3 * DOWN)
        loss = get_colored_tex(r"f(\mathbf{w}) = \tfrac{1}{2n}\|X\mathbf{w} - \mathbf{y}\|^2, "
                               r"\qquad \nabla^2 f = \tfrac{1}{n} X^\top X", {},
                               font_size=BODY_SIZE)
        data = get_colored_tex(rf"X = {matrix_tex(LS_X)}, \quad \mathbf{{y}} = "
                               rf"{matrix_tex(LS_Y[:, None])}", {}, font_size=LABEL_SIZE)
        VGroup(data, loss).arrange(RIGHT, buff=0.8).next_to(rows, UP, buff=0.5)
        why = get_colored_tex(r"\mathbf{v}^\top X^\top X \mathbf{v} = \|X\mathbf{v}\|^2 \ge 0", {},
                              font_size=LABEL_SIZE).next_to(rows, DOWN, buff=0.6)
        with self.beat("Where ML uses it: the least-squares loss on any data X has Hessian X "
                       "transpose X over n. Take three points. In code, mathcore's "
                       "finite-difference Hessian and NumPy's eigvalsh give the same two "
                       "curvatures, both positive."):
            self.play(FadeOut(self.hessian))
            self.play(FadeIn(data), Write(loss))
            self.play(FadeIn(rows[0]))
            self.play(FadeIn(rows[1]), FadeIn(rows[3][0]))
            self.play(FadeIn(rows[2]), FadeIn(rows[3][1]))
        with self.beat("And never negative: v transpose X transpose X v is a squared length. So "
                       "linear regression, like logistic regression, is convex, and a neural "
                       "network's loss, with its many valleys, is not."):
            self.play(Write(why))
            self.play(*(Indicate(value, color=ACCENT) for value in rows[3]))


def matrix_tex(M) -> str:
    """A small matrix as LaTeX, entries formatted like the rest of the screen."""
    rows = r" \\ ".join(" & ".join(format_number(v, 0) for v in row) for row in M)
    return rf"\begin{{pmatrix}} {rows} \end{{pmatrix}}"



# =========================================================================== scene 2

class LagrangeMultipliers(NarratedScene):
    """Minimise f on a line: the best level set just touches it, so the gradients align."""

    def construct(self):
        # Step 1: the objective's contour map and its free minimum.
        self.show_objective()
        # Step 2: the constraint line.
        self.show_constraint()
        # Step 3: grow a level set until it touches the line.
        self.show_growing_level_set()
        # Step 4: at the touching point the gradients are parallel.
        self.show_parallel_gradients()
        # Step 5: the Lagrange condition and the multiplier.
        self.show_multiplier()

    def show_objective(self):
        self.plane, contours = get_map()
        formula = get_colored_tex(r"f(x, y) = x^2 + 2y^2 - 4x - 4y", {}, font_size=LABEL_SIZE)
        formula.to_corner(UR, buff=EDGE_BUFF)
        self.free = Dot(self.plane.c2p(*FREE_MIN), radius=0.07, color=TEXT)
        with self.beat("Often the best point is not free to be anywhere: weights must sum to "
                       "one, or a budget caps them. Minimise this bowl-shaped function. On its "
                       f"own, its lowest point is here, at {format_number(FREE_MIN[0])}, "
                       f"{format_number(FREE_MIN[1])}."):
            self.add(self.plane)
            self.play(Create(contours), Write(formula), run_time=2.5)
            self.play(FadeIn(self.free, scale=2))
        self.formula, self.contours = formula, contours

    def show_constraint(self):
        self.line = get_constraint_line(self.plane)
        constraint = get_colored_tex(r"g(x, y) = x + y - 1 = 0", TEX_MAP, font_size=LABEL_SIZE)
        constraint.next_to(self.formula, DOWN, buff=0.25, aligned_edge=LEFT)
        with self.beat("But we are only allowed to stand on this red line, where x plus y "
                       "equals one. The free minimum is off the line."):
            self.play(Create(self.line), Write(constraint), run_time=2)
            self.play(self.contours.animate.set_stroke(opacity=0.35))
        self.constraint = constraint

    def show_growing_level_set(self):
        plane = self.plane
        level = ValueTracker(FREE_VALUE + 0.05)

        def ellipse():
            # the level set f = level: semi-axes sqrt(2 (level - f_min) / q_ii)
            r = np.sqrt(2 * (level.get_value() - FREE_VALUE) / np.diag(Q))
            unit = plane.get_x_unit_size()
            return Ellipse(width=2 * r[0] * unit, height=2 * r[1] * unit, color=F_COLOR,
                           stroke_width=4).move_to(plane.c2p(*FREE_MIN))
        self.level_set = always_redraw(ellipse)
        with self.beat("Picture one contour line of f, and let it grow outward from the minimum: "
                       "larger and larger values of f."):
            self.play(FadeIn(self.level_set))
            self.play(level.animate.set_value(FREE_VALUE + 0.8), run_time=2)
        self.star = Dot(plane.c2p(*X_STAR), radius=0.08, color=ACCENT)
        with self.beat("The first moment it reaches the red line, it just touches it. That "
                       "touching point is the constrained minimum: any other point on the line "
                       "sits on a larger contour."):
            self.play(level.animate.set_value(LAGRANGE.objective), run_time=2.5)
            self.play(FadeIn(self.star, scale=2))
            self.wait(1)

    def show_parallel_gradients(self):
        plane = self.plane
        start = plane.c2p(*X_STAR)
        scale = 0.45
        grad_f = get_arrow(start, plane.c2p(*(X_STAR + scale * GRAD_F_STAR)), GRADIENT)
        grad_g = get_arrow(start, plane.c2p(*(X_STAR + 1.0 * GRAD_G)), CONSTRAINT)
        labels = VGroup(
            get_colored_tex(r"\nabla f", TEX_MAP,
                            font_size=LABEL_SIZE).next_to(grad_f.get_end(), LEFT, buff=0.1),
            get_colored_tex(r"\nabla g", TEX_MAP,
                            font_size=LABEL_SIZE).next_to(grad_g.get_end(), RIGHT, buff=0.1),
        )
        with self.beat("Touching means tangent. Both gradients stand at right angles to that "
                       "common tangent, so they point along the same line."):
            self.play(GrowArrow(grad_f), FadeIn(labels[0]))
            self.play(GrowArrow(grad_g), FadeIn(labels[1]))
            self.wait(1)
        self.gradients = VGroup(grad_f, grad_g)

    def show_multiplier(self):
        condition = get_colored_tex(r"\nabla f = -\nu\, \nabla g", TEX_MAP, font_size=BODY_SIZE)
        condition.next_to(self.constraint, DOWN, buff=0.5, aligned_edge=LEFT)
        values = VGroup(
            get_colored_tex(rf"\mathbf{{x}}^\star = ({format_number(X_STAR[0], 3)},\, "
                            rf"{format_number(X_STAR[1], 3)})", {},
                            font_size=LABEL_SIZE),
            get_colored_tex(rf"\nu = {format_number(NU, 3)}", TEX_MAP, font_size=LABEL_SIZE),
            get_colored_tex(rf"\nabla f(\mathbf{{x}}^\star) = ({format_number(GRAD_F_STAR[0], 3)},\, "
                            rf"{format_number(GRAD_F_STAR[1], 3)})", TEX_MAP, font_size=LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        values.next_to(condition, DOWN, buff=0.35, aligned_edge=LEFT)
        with self.beat("In symbols: the gradient of f is a multiple of the gradient of g. The "
                       "factor, nu, is the Lagrange multiplier."):
            self.play(Write(condition))
            self.play(*(Indicate(a, color=a.get_color(), scale_factor=1.15) for a in self.gradients))
            self.play(Indicate(condition.get_part_by_tex(r"\nu"), color=ACCENT, scale_factor=1.5))
            self.wait(0.5)
        with self.beat("Solving that together with the constraint gives the point "
                       f"{format_number(X_STAR[0], 3)}, {format_number(X_STAR[1], 3)} and nu equal to "
                       f"{format_number(NU, 3)}: the gradient there is exactly minus "
                       f"{format_number(NU, 3)} times one, one."):
            # the point, then nu, then the gradient there, each as it is said
            self.play(FadeIn(values[0], shift=0.1 * DOWN), Indicate(self.star, scale_factor=2))
            self.play(FadeIn(values[1], shift=0.1 * DOWN))
            self.play(FadeIn(values[2], shift=0.1 * DOWN))
            self.play(*(Indicate(a, color=a.get_color(), scale_factor=1.15) for a in self.gradients))
            self.wait(0.5)
        with self.beat("The multiplier also has a meaning: it is how fast the best value of f "
                       "would fall if the constraint were relaxed a little."):
            self.play(Indicate(values[1], color=ACCENT))
            self.wait(1.5)


# =========================================================================== scene 3

KKT_ROWS = (
    ("stationarity", r"\nabla f + \mu \nabla g = 0", "stationarity"),
    ("primal feasibility", r"g(\mathbf{x}) \le 0", "primal_feasibility"),
    ("dual feasibility", r"\mu \ge 0", "dual_feasibility"),
    ("complementary slackness", r"\mu\, g(\mathbf{x}) = 0", "complementary_slackness"),
)


class KKTConditions(NarratedScene):
    """With g(x) <= 0 the constraint is either inactive (mu = 0) or active (mu > 0)."""

    def construct(self):
        # Step 1: the four KKT conditions.
        self.show_conditions()
        # Step 2: case one, the minimum is inside: the constraint is inactive.
        self.show_case("inactive")
        # Step 3: case two, the minimum is outside: the constraint is active.
        self.show_case("active")
        # Step 4: complementary slackness ties the two cases together.
        self.show_summary()

    def show_conditions(self):
        title = get_colored_tex(r"\min f(\mathbf{x}) \;\;\text{s.t.}\;\; g(\mathbf{x}) = x + y - 1 \le 0",
                                TEX_MAP, font_size=LABEL_SIZE)
        title.to_corner(UR, buff=EDGE_BUFF)
        rows = VGroup()
        for name, formula, _ in KKT_ROWS:
            rows.add(VGroup(Tex(name, font_size=SMALL_SIZE, color=MUTED),
                            get_colored_tex(formula, TEX_MAP,
                                            font_size=LABEL_SIZE)).arrange(DOWN, aligned_edge=LEFT,
                                                                        buff=0.08))
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        rows.next_to(title, DOWN, buff=0.4).align_to(title, LEFT)
        with self.beat("Real limits are more often caps than exact equations: a budget is at most, "
                       "not exactly. Now the constraint is an inequality: stay on one side of the line, where "
                       "g is at most zero."):
            self.play(Write(title))
        with self.beat("The Karush-Kuhn-Tucker conditions say when a point is optimal. "
                       "Stationarity, as with Lagrange; primal feasibility, the point obeys the "
                       "constraint; dual feasibility, the multiplier mu is not negative; and "
                       "complementary slackness, mu times g is zero."):
            self.play(LaggedStart_rows(rows), run_time=4)
            self.wait(1)
        self.title, self.rows = title, rows
        self.plane = None

    def show_case(self, name: str):
        case = KKT_CASES[name]
        zs, levels = (INSIDE_Z, INSIDE_LEVELS) if name == "inactive" else (MAP_Z, LEVELS)
        plane, contours = get_map(zs, levels)
        line = get_constraint_line(plane)
        corners = [*LINE_ENDS, (5.0, -2.5), (5.0, 3.0)]  # the map's part where g > 0
        infeasible = Polygon(*(plane.c2p(*c) for c in corners), stroke_width=0,
                             fill_color=CONSTRAINT, fill_opacity=0.12)
        point = Dot(plane.c2p(*case["x"]), radius=0.08, color=ACCENT)
        residuals = case["residuals"]
        column = self.rows.get_right()[0] + 0.5  # one column of residuals, right of the rows
        checks = VGroup()
        for row, (_, _, attribute) in zip(self.rows, KKT_ROWS):
            check = get_colored_tex(rf"{format_number(getattr(residuals, attribute), 3)}\;\checkmark",
                                    {}, font_size=SMALL_SIZE).set_color(ACCENT)
            check.move_to(row[1]).set_x(column, direction=LEFT)
            checks.add(check)
        mu = get_colored_tex(rf"\mu = {format_number(case['mu'], 3)}, \quad g = "
                             rf"{format_number(case['g'], 3)}", TEX_MAP,
                             font_size=LABEL_SIZE)
        mu.next_to(self.rows, DOWN, buff=0.4).align_to(self.rows, LEFT)
        if name == "inactive":
            text_1 = ("First case: the bowl's minimum lies inside the allowed region. Then the "
                      "constraint changes nothing: it is inactive.")
            text_2 = ("The multiplier is zero, g is negative, and all four conditions hold, "
                      "with every residual zero.")
        else:
            text_1 = ("Second case: the bowl's minimum lies outside, beyond the line. The best "
                      "allowed point is on the line, where a level set touches it: the "
                      "constraint is active.")
            text_2 = (f"Now g is zero and mu is positive, {format_number(case['mu'], 3)}, the same "
                      "multiplier as before. Again every residual is zero.")
        with self.beat(text_1):
            if self.plane is not None:
                self.play(FadeOut(self.case_group))
            self.add(plane)
            self.play(FadeIn(infeasible), Create(line), Create(contours), run_time=2)
            self.play(FadeIn(point, scale=2))
        with self.beat(text_2):
            self.play(Write(mu))
            self.play(LaggedStart_rows(checks), run_time=2)
            self.wait(1)
        self.plane = plane
        self.case_group = VGroup(plane, contours, line, infeasible, point, checks, mu)

    def show_summary(self):
        row = self.rows[3]
        _, _, line, infeasible, point, _, mu = self.case_group
        constraint = VGroup(line, infeasible)
        switch = MathTex(r"\mu = 0", r"\quad\text{or}\quad", r"g = 0", font_size=LABEL_SIZE)
        switch[0][0].set_color(ACCENT)  # mu and g coloured as in the conditions
        switch[2][0].set_color(CONSTRAINT)
        switch.next_to(mu, DOWN, buff=0.35).align_to(mu, LEFT)
        with self.beat("Complementary slackness is the switch between the two cases: either mu "
                       "is zero and the constraint does not matter, or g is zero and you are "
                       "standing on the boundary."):
            self.play(Indicate(row, color=ACCENT))
            # the switch fades in under mu's value (a copy flown from the row crossed that
            # value halfway)
            self.play(Indicate(row[1], color=ACCENT, scale_factor=1.05),
                      FadeIn(switch, shift=0.1 * DOWN))
            # mu = 0: the constraint might as well not be there ...
            self.play(Indicate(switch[0], color=ACCENT),
                      constraint.animate.set_opacity(0.2))
            self.play(constraint.animate.set_opacity(1), run_time=0.5)
            # ... or g = 0: the point sits on the line
            self.play(Indicate(switch[2], color=ACCENT),
                      Indicate(point, color=ACCENT, scale_factor=2),
                      Indicate(line, color=CONSTRAINT, scale_factor=1.02))
            self.wait(0.5)


def LaggedStart_rows(group):
    return LaggedStart(*(FadeIn(m, shift=0.1 * DOWN) for m in group), lag_ratio=0.3)


# =========================================================================== scene 5: support vectors

SVM_X = np.array([[1.0, 2.0], [2.0, 3.0], [2.0, 1.0], [0.5, 3.5], [1.2, 3.0],
                  [4.0, 1.0], [3.5, 0.0], [5.0, 2.0], [4.5, -0.5], [3.2, 1.6]])  # (10, 2)
SVM_Y = np.array([-1, -1, -1, -1, -1, 1, 1, 1, 1, 1.0])  # (10,)
SVM = optim.hard_margin_svm(SVM_X, SVM_Y)
SVM_MARGINS = SVM_Y * (SVM_X @ SVM.w + SVM.b)  # (10,) = 1 on the margin, > 1 beyond it
SVM_RANGE = ((-0.5, 6.0), (-1.0, 4.0))  # the plane's x and y ranges
SUPPORT_VECTORS = Bridge(
    formula=r"\mu_i > 0 \iff y_i(\mathbf{w}^\top \mathbf{x}_i + b) = 1",
    setup=("X = np.array([[1.0, 2.0], [2.0, 3.0], [2.0, 1.0], [0.5, 3.5],\n"
           "              [1.2, 3.0], [4.0, 1.0], [3.5, 0.0], [5.0, 2.0],\n"
           "              [4.5, -0.5], [3.2, 1.6]])\n"
           "y = np.array([-1, -1, -1, -1, -1, 1, 1, 1, 1, 1.0])"),
    mathcore=Snippet("optim.hard_margin_svm(X, y).support"),
    library=Snippet("from sklearn.svm import SVC\n"
                    "svc = SVC(kernel='linear', C=1e6)\n"
                    "np.sort(svc.fit(X, y).support_)", needs="sklearn"),
    decimals=0,
)


class SupportVectors(NarratedScene):
    """KKT in ML: the SVM's multipliers are positive only on the margin, the support vectors."""

    def construct(self):
        # Step 1: two classes of points, and the widest-margin problem.
        self.show_problem()
        # Step 2: the solution, its margin, and a multiplier per point.
        self.show_solution()
        # Step 3: complementary slackness picks the support vectors.
        self.show_support_vectors()
        # Step 4: the same support vectors from scikit-learn.
        self.show_bridge()

    def line_points(self, level: float):
        """Two ends of w.x + b = level across the plane (w has a non-zero first entry)."""
        (y_lo, y_hi) = SVM_RANGE[1]
        w, b = SVM.w, SVM.b
        return [self.plane.c2p((level - b - w[1] * y) / w[0], y) for y in (y_lo, y_hi)]

    def show_problem(self):
        plane = get_plane(x_range=(*SVM_RANGE[0], 1), y_range=(*SVM_RANGE[1], 1), unit=1.1)
        plane.move_to((-3.3, -0.7, 0)).set_stroke(color=FAINT, opacity=0.35, width=1)
        self.plane = plane
        colors = {-1.0: OPTIMIZER_COLORS["adam"], 1.0: OPTIMIZER_COLORS["momentum"]}
        self.dots = VGroup(*(Dot(plane.c2p(*x), radius=0.09, color=colors[label])
                             for x, label in zip(SVM_X, SVM_Y)))
        problem = VGroup(
            get_colored_tex(r"\min_{\mathbf{w}, b}\; \tfrac12 \|\mathbf{w}\|^2", {},
                            font_size=LABEL_SIZE),
            get_colored_tex(r"g_i = 1 - y_i(\mathbf{w}^\top \mathbf{x}_i + b) \le 0", TEX_MAP,
                            font_size=LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        problem.to_corner(UR, buff=EDGE_BUFF)
        with self.beat("Where does KKT show up in machine learning? In the support vector "
                       "machine. Here are two classes of points, labelled plus and minus one."):
            self.add(plane)
            self.play(LaggedStart(*(FadeIn(d, scale=2) for d in self.dots), lag_ratio=0.1))
        with self.beat("It looks for the separating line with the widest empty band around it. "
                       "Written out: make w small, subject to one inequality per point, every "
                       "point on its side, at least one unit away."):
            self.play(Write(problem[0]))
            self.play(Write(problem[1]))
        self.problem = problem

    def show_solution(self):
        boundary = Line(*self.line_points(0.0), color=TEXT, stroke_width=4)
        margins = VGroup(*(DashedLine(*self.line_points(level), color=MUTED, stroke_width=3)
                           for level in (-1.0, 1.0)))
        width = get_colored_tex(rf"\text{{margin}} = \tfrac{{2}}{{\|\mathbf{{w}}\|}} = "
                                rf"{format_number(SVM.margin, 3)}", {}, font_size=LABEL_SIZE)
        width.next_to(self.problem, DOWN, buff=0.4, aligned_edge=LEFT)
        with self.beat("Solved through the KKT conditions, here is the answer: the line, and "
                       f"an empty band {format_number(SVM.margin, 2)} wide."):
            self.play(Create(boundary))
            self.play(Create(margins), FadeIn(width))
        labels = VGroup()
        for dot, mu in zip(self.dots, SVM.mu):
            label = get_colored_tex(rf"\mu = {format_number(mu, 2)}", TEX_MAP, font_size=SMALL_SIZE)
            # a support vector's label goes outward, clear of the band's edge it sits on
            side = DOWN if mu == 0 else (UP + LEFT if SVM_Y[len(labels)] < 0 else RIGHT)
            labels.add(label.next_to(dot, side, buff=0.15))
        with self.beat("Each constraint has its multiplier mu, one per point. Most of them are "
                       "exactly zero."):
            self.play(LaggedStart(*(FadeIn(l) for l in labels), lag_ratio=0.1), run_time=2)
        self.solution = VGroup(boundary, margins, width)
        self.labels = labels

    def show_support_vectors(self):
        support = list(SVM.support)
        rings = VGroup(*(Circle(radius=0.2, color=ACCENT, stroke_width=4).move_to(self.dots[i])
                         for i in support))
        others = VGroup(*(l for i, l in enumerate(self.labels) if i not in support))
        stationarity = get_colored_tex(r"\mathbf{w} = \sum_i \mu_i\, y_i\, \mathbf{x}_i", TEX_MAP,
                                       font_size=LABEL_SIZE)
        stationarity.next_to(self.solution[2], DOWN, buff=0.4, aligned_edge=LEFT)
        with self.beat("Complementary slackness says why. A point beyond the band has an "
                       "inactive constraint, so its mu is zero. Only the points exactly on the "
                       f"band's edges, these {len(support)}, have mu above zero. They are the "
                       "support vectors."):
            self.play(others.animate.set_opacity(0.3))
            self.play(LaggedStart(*(Create(r) for r in rings), lag_ratio=0.3))
        with self.beat("Stationarity then builds w from them alone. Move any other point, "
                       "as long as it stays outside the band, and the line does not change."):
            self.play(Write(stationarity))
            self.play(*(Indicate(self.dots[i], color=ACCENT, scale_factor=1.6) for i in support))
        self.rest = VGroup(rings, stationarity)

    def show_bridge(self):
        rows = get_bridge(SUPPORT_VECTORS, formula_colors=TEX_MAP)
        rows.to_edge(DOWN, buff=0.5)
        with self.beat("scikit-learn's SVC solves the same problem and reports the same support "
                       "vectors, by index. The multipliers it keeps are exactly the positive mu."):
            self.play(*(FadeOut(m) for m in (self.problem, self.solution[2], self.rest[1])),
                      VGroup(self.plane, self.dots, self.labels, self.solution[:2],
                             self.rest[0]).animate.scale(0.6).to_edge(UP, buff=0.3))
            self.play(FadeIn(rows[0]))
            self.play(FadeIn(rows[1]), FadeIn(rows[3][0]))
            self.play(FadeIn(rows[2]), FadeIn(rows[3][1]))


# =========================================================================== try it

class Lesson06TryIt(TryItScene):
    lesson = 6
