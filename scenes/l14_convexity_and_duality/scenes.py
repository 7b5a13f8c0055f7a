"""Lesson 14 — Convexity and duality.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed once, here at the top, by ``mathcore.convex``
(Jensen gap, soft-thresholding, the L2 prox, ISTA, the equality-QP dual), with a
fixed seed; the scenes only draw and format them.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UL, UP, UR, Axes, Create, DashedLine, Dot, Ellipse, FadeIn, FadeOut,
    Circumscribe, GrowFromCenter, Indicate, Line, MathTex, MoveAlongPath, NumberLine, Rectangle,
    ShowPassingFlash, Tex, TransformFromCopy, ValueTracker, VGroup, VMobject, Write, always_redraw, linear,
    there_and_back,
)

from mathcore import convex
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, ACCENT_2, BODY_SIZE, CONSTRAINT, CONTOUR_HIGH, CONTOUR_LOW, DATA, EDGE_BUFF, FAINT,
    I_HAT, J_HAT, LABEL_SIZE, MUTED, SMALL_SIZE, TEXT,
)
from scenekit.widgets import (
    format_number, get_contour_lines, get_plane, get_tracked_number,
)

SEED = 14  # the only source of randomness in this lesson (the lasso problem)
rng = np.random.default_rng(SEED)

# --------------------------------------------------------------------------- convex functions
CHORD_T = np.linspace(0.0, 1.0, 101)  # (101,) where the moving point sits on the chord


def bowl(x) -> float:
    """f(x) = x^2 / 2: convex."""
    x = np.asarray(x, dtype=float)
    return float(0.5 * x @ x)


def double_well(x) -> float:
    """g(x) = x^4 / 8 - x^2: not convex (a hump between two wells)."""
    x = float(np.asarray(x, dtype=float).reshape(-1)[0])
    return x**4 / 8 - x**2


BOWL_ENDS = (-2.0, 2.5)  # chord endpoints x, y
WELL_ENDS = (-2.0, 2.0)
# jensen_gap(f, x, y, t) = t f(x) + (1 - t) f(y) - f(t x + (1 - t) y); the chord point at
# t sits t of the way from y back to x, so t = 1 is the left end.
BOWL_GAPS = np.array([convex.jensen_gap(bowl, [BOWL_ENDS[0]], [BOWL_ENDS[1]], t) for t in CHORD_T])
WELL_GAPS = np.array([convex.jensen_gap(double_well, [WELL_ENDS[0]], [WELL_ENDS[1]], t)
                      for t in CHORD_T])
CURVE_X = np.linspace(-2.6, 2.9, 221)  # (221,)
BOWL_Y = np.array([bowl([x]) for x in CURVE_X])
BOWL_MIN_X = float(CURVE_X[np.argmin(BOWL_Y)])  # where a ball rolling down the bowl stops
WELL_Y = np.array([double_well([x]) for x in CURVE_X])

# --------------------------------------------------------------------------- Lagrange duality
QP_Q = np.array([[2.0, 0.5], [0.5, 1.0]])  # (2, 2) positive definite
QP_C = np.array([0.0, 0.0])  # (2,) the bowl's bottom is the origin, off the line
QP_A = np.array([[1.0, 1.0]])  # (1, 2): the constraint x1 + x2 = 2
QP_B = np.array([2.0])
DUAL = convex.equality_qp_dual(QP_Q, QP_C, QP_A, QP_B)
P_STAR = DUAL.primal(DUAL.x_star)  # primal optimum f(x*)
NU_STAR = float(DUAL.nu_star[0])
D_STAR = DUAL.dual(DUAL.nu_star)  # best lower bound g(nu*) (= p*: strong duality)
NU_NEAR = NU_STAR - 0.5  # a price near the best one: a small gap, shown for a moment
NU_GRID = np.linspace(-4.0, 0.5, 181)  # (181,) step 0.025
DUAL_VALUES = np.array([DUAL.dual([nu]) for nu in NU_GRID])  # (181,) g(nu)
GAPS = np.array([DUAL.duality_gap(DUAL.x_star, [nu]) for nu in NU_GRID])  # (181,) p* - g(nu)
# The minimiser of the Lagrangian for each nu, x(nu) = -Q^{-1}(c + A^T nu): the plain
# formula behind DUAL.dual, drawn as the point the dual function evaluates f + nu h at.
LAGRANGE_X = -np.linalg.solve(QP_Q, (QP_C[:, None] + QP_A.T * NU_GRID)).T  # (181, 2)
NU_START = -3.6  # where the tracker starts
GRID = np.linspace(-1.5, 3.0, 91)  # (91,) for the contours of f
F_GRID = np.array([[DUAL.primal([x, y]) for x in GRID] for y in GRID])  # (91, 91)
F_LEVELS = [0.25 * P_STAR, 0.6 * P_STAR, P_STAR, P_STAR + 1.5, P_STAR + 3.5, P_STAR + 6.0]

# --------------------------------------------------------------------------- proximal operators
LAM = 1.0
PROX_INPUTS = np.array([-2.6, -1.6, -0.7, 0.3, 0.8, 1.5, 2.7])  # (7,)
SOFT = convex.soft_threshold(PROX_INPUTS, LAM)  # (7,) shrink by lam, clip at 0
RIDGE = convex.prox_l2sq(PROX_INPUTS, LAM)  # (7,) divide by 1 + lam
SOFT_CURVE_X = np.linspace(-3.0, 3.0, 121)
SOFT_CURVE_Y = convex.soft_threshold(SOFT_CURVE_X, LAM)

# --------------------------------------------------------------------------- ISTA on a lasso
M, D = 30, 10
LASSO_A = rng.standard_normal((M, D)) / np.sqrt(M)  # (M, D)
X_TRUE = np.zeros(D)
X_TRUE[[1, 4, 7]] = [2.0, -1.5, 1.0]  # three features matter
LASSO_B = LASSO_A @ X_TRUE + 0.05 * rng.standard_normal(M)  # (M,)
LASSO_LAM = 0.2
N_ISTA = 40
ISTA = convex.ista(LASSO_A, LASSO_B, LASSO_LAM, n_steps=N_ISTA)
NONZEROS = (np.abs(ISTA.xs) > 0).sum(axis=1)  # (N_ISTA + 1,) how many coefficients are not 0
SPARSE_BY = int(np.argmax(NONZEROS == NONZEROS[-1]))  # first step with the final support size

# --------------------------------------------------------------------------- drawing
CHORD = ACCENT  # chords and the Jensen gap
GAP_OK = I_HAT  # a non-negative gap
GAP_BAD = J_HAT  # a negative gap: not convex
PRIMAL = TEXT
DUAL_COLOR = ACCENT_2
SHRINK = ACCENT  # soft-thresholded values
RIDGE_COLOR = DATA


def fmt(x: float, decimals: int = 2) -> str:
    return format_number(x, decimals)


def spoken(x: float, decimals: int = 2) -> str:
    text = format_number(x, decimals)
    return "minus " + text[1:] if text.startswith("-") else text


def get_curve(axes: Axes, xs, ys, color, stroke_width: float = 4) -> VMobject:
    curve = VMobject(stroke_color=color, stroke_width=stroke_width)
    curve.set_points_as_corners([axes.c2p(x, y) for x, y in zip(xs, ys)])
    return curve


def get_function_axes(y_range, center) -> Axes:
    axes = Axes(x_range=(-3, 3, 1), y_range=y_range, x_length=6.0, y_length=4.6,
                axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE})
    axes.move_to(center)
    return axes


# =========================================================================== scene 1

class ConvexSetsAndFunctions(NarratedScene):
    """Chords stay inside a convex set and above a convex function's graph."""

    def construct(self):
        # Step 1: a convex set and a non-convex one, tested with chords.
        self.show_sets()
        # Step 2: a convex function: every chord lies above the graph (Jensen gap >= 0).
        self.show_convex_function()
        # Step 3: a double well: a chord dips below, the gap turns negative.
        self.show_nonconvex_function()

    def show_sets(self):
        convex_set = Ellipse(width=4.2, height=3.0, color=I_HAT, fill_opacity=0.2)
        convex_set.move_to([-3.4, -0.2, 0])
        bean = self.get_crescent(np.array([3.4, -0.2, 0]))
        titles = VGroup(
            Tex("convex", font_size=BODY_SIZE, color=I_HAT).next_to(convex_set, UP, buff=0.5),
            Tex("not convex", font_size=BODY_SIZE, color=J_HAT).next_to(bean, UP, buff=0.5))
        titles[1].set_y(titles[0].get_y())
        definition = Tex(r"a set is convex when the segment between any two of its points "
                         r"stays inside", font_size=LABEL_SIZE, color=MUTED)
        definition.to_edge(UP, buff=EDGE_BUFF)
        with self.beat("Convexity first, for sets. A set is convex when the straight segment "
                       "between any two of its points stays inside the set."):
            self.play(Write(definition))
            self.play(FadeIn(convex_set), FadeIn(bean), FadeIn(titles))
        chord_in = self.get_chord(convex_set.point_from_proportion(0.08),
                                  convex_set.point_from_proportion(0.62))
        chord_out = self.get_chord(*self.crescent_tips)
        with self.beat("Any two points of the ellipse: the chord between them never leaves it."):
            self.play(Create(chord_in), run_time=1.5)
        with self.beat("In the crescent, pick the two tips: the chord crosses the bite, outside "
                       "the set. One such chord is enough to make it non-convex."):
            self.play(Create(chord_out), run_time=1.5)
            self.play(Indicate(chord_out[0], color=J_HAT))
        self.play(FadeOut(VGroup(convex_set, bean, titles, chord_in, chord_out, definition)),
                  run_time=0.6)

    def get_crescent(self, center) -> VMobject:
        """A disk of radius 1.7 with a disk of radius 1.3 bitten out of its top right;
        remembers its two tips in ``self.crescent_tips``."""
        R, r, offset = 1.7, 1.3, np.array([0.9, 0.9, 0])  # disk, bite, bite centre - centre
        # the big circle meets the bite where offset . u(t) = (R^2 + |offset|^2 - r^2) / (2R)
        cos_half = (R**2 + offset @ offset - r**2) / (2 * R * np.linalg.norm(offset))
        middle, half = np.arctan2(offset[1], offset[0]), np.arccos(cos_half)
        outer = np.linspace(middle + half, middle - half + 2 * np.pi, 120)  # the arc outside
        big = [center + R * np.array([np.cos(t), np.sin(t), 0]) for t in outer]
        bite_center = center + offset
        start, end = big[-1], big[0]
        a0 = np.arctan2(*(start - bite_center)[1::-1])
        a1 = np.arctan2(*(end - bite_center)[1::-1])
        if a1 > a0:
            a1 -= 2 * np.pi
        bite = [bite_center + r * np.array([np.cos(a), np.sin(a), 0])
                for a in np.linspace(a0, a1, 60)]
        shape = VMobject(stroke_color=J_HAT, fill_color=J_HAT, fill_opacity=0.2)
        shape.set_points_as_corners(big + bite + [big[0]])
        self.crescent_tips = (big[0], big[-1])
        return shape

    def get_chord(self, a, b) -> VGroup:
        return VGroup(Line(a, b, color=CHORD, stroke_width=4),
                      Dot(a, radius=0.08, color=CHORD), Dot(b, radius=0.08, color=CHORD))

    def show_function(self, xs, ys, ends, gaps, f, y_range, name: str, color):
        axes = get_function_axes(y_range, [-2.6, -0.5, 0])
        curve = get_curve(axes, xs, ys, color)
        a, b = ends
        fa, fb = f([a]), f([b])
        chord = self.get_chord(axes.c2p(a, fa), axes.c2p(b, fb))
        t = ValueTracker(0.5)

        def index() -> int:
            return int(round(t.get_value() * (len(CHORD_T) - 1)))

        def point_x() -> float:
            s = CHORD_T[index()]
            return s * a + (1 - s) * b

        def gap_segment():
            s = CHORD_T[index()]
            x = point_x()
            top = axes.c2p(x, s * fa + (1 - s) * fb)
            bottom = axes.c2p(x, f([x]))
            gap = gaps[index()]
            return VGroup(Line(bottom, top, color=GAP_OK if gap >= 0 else GAP_BAD, stroke_width=6),
                          Dot(top, radius=0.07, color=CHORD))
        segment = always_redraw(gap_segment)
        return axes, curve, chord, t, segment

    def get_gap_readout(self, t, gaps, anchor) -> VGroup:
        label = MathTex(r"\text{Jensen gap} =", font_size=BODY_SIZE)
        number = get_tracked_number(t, 2, font_size=BODY_SIZE,
                                    value=lambda v: gaps[int(round(v * (len(CHORD_T) - 1)))])
        number.add_updater(lambda m: m.next_to(label, RIGHT, buff=0.15).set_color(
            GAP_OK if m.get_value() >= -1e-12 else GAP_BAD))
        group = VGroup(label, number)
        label.move_to(anchor, aligned_edge=LEFT)
        number.update()
        return group

    def show_convex_function(self):
        axes, curve, chord, t, segment = self.show_function(
            CURVE_X, BOWL_Y, BOWL_ENDS, BOWL_GAPS, bowl, (-0.5, 4.5, 1), "f", I_HAT)
        name = MathTex(r"f(x) = \tfrac{1}{2}x^2", font_size=BODY_SIZE, color=I_HAT)
        name.next_to(axes.c2p(-2.6, 3.4), RIGHT, buff=0.1)
        jensen = MathTex(r"f\big(t x + (1 - t) y\big) \le t f(x) + (1 - t) f(y)",
                         font_size=BODY_SIZE).move_to([3.6, 2.6, 0])
        note = Tex(r"graph below the chord, for every $t \in [0, 1]$", font_size=LABEL_SIZE,
                   color=MUTED).next_to(jensen, DOWN, buff=0.25)
        readout = self.get_gap_readout(t, BOWL_GAPS, [1.6, 0.4, 0])
        with self.beat("Now functions. A function is convex when every chord of its graph lies "
                       "on or above the graph. Here is one half x squared."):
            self.play(Create(axes), Create(curve), FadeIn(name), run_time=2)
        with self.beat("Join two points of the graph with a chord. The point a fraction t of the "
                       "way along it must lie above the graph at the same x."):
            self.play(Create(chord), Write(jensen), run_time=2)
            self.play(FadeIn(note))
        with self.beat("The vertical distance between them is the Jensen gap. Slide along the "
                       "chord: the gap shrinks to zero at the ends, and it is never negative."):
            self.add(segment)
            self.play(FadeIn(readout))
            self.play(t.animate.set_value(0.02), run_time=2.5)
            self.play(t.animate.set_value(0.98), run_time=3.5)
            self.play(t.animate.set_value(0.5), run_time=1.5)
        # the region between chord and graph: one dip, no second valley hidden under the chord
        between = CURVE_X[(CURVE_X >= BOWL_ENDS[0]) & (CURVE_X <= BOWL_ENDS[1])]
        region = VMobject(stroke_width=0, fill_color=GAP_OK, fill_opacity=0.3)
        region.set_points_as_corners([axes.c2p(x, bowl([x])) for x in between]
                                     + [axes.c2p(BOWL_ENDS[0], bowl([BOWL_ENDS[0]]))])
        downhill = CURVE_X[(CURVE_X >= BOWL_MIN_X) & (CURVE_X <= BOWL_ENDS[1])][::-1]
        path = get_curve(axes, downhill, [bowl([x]) for x in downhill], ACCENT)
        ball = Dot(path.get_start(), radius=0.12, color=ACCENT)
        bottom = MathTex(r"	ext{local min} = 	ext{global min}", font_size=LABEL_SIZE,
                         color=ACCENT).next_to(path.get_end(), DOWN, buff=0.35)
        with self.beat("That is why convex problems are friendly: no chord can hide a valley "
                       "below it, so any local minimum is the global one."):
            self.play(FadeIn(region))
            self.play(FadeIn(ball, scale=0.5), run_time=0.5)
            self.play(MoveAlongPath(ball, path), run_time=1.5)
            self.play(FadeIn(bottom, shift=0.1 * UP))
        segment.clear_updaters()
        self.play(FadeOut(VGroup(axes, curve, chord, segment, name, readout, region, ball,
                                 bottom)), run_time=0.6)
        self.jensen, self.note = jensen, note

    def show_nonconvex_function(self):
        axes, curve, chord, t, segment = self.show_function(
            CURVE_X, WELL_Y, WELL_ENDS, WELL_GAPS, double_well, (-2.5, 2.5, 1), "g", J_HAT)
        name = MathTex(r"g(x) = \tfrac{1}{8}x^4 - x^2", font_size=BODY_SIZE, color=J_HAT)
        name.next_to(axes.c2p(-2.6, 2.2), RIGHT, buff=0.1)
        readout = self.get_gap_readout(t, WELL_GAPS, [1.6, 0.4, 0])
        worst = WELL_GAPS.min()
        with self.beat("Now a double well, with a hump between two valleys. Put the chord across "
                       "the hump, from one well to the other."):
            self.play(Create(axes), Create(curve), FadeIn(name), run_time=2)
            self.play(Create(chord))
        with self.beat(f"The graph rises above the chord, and the gap goes negative, down to "
                       f"{spoken(worst)} in the middle. So g is not convex, and gradient descent "
                       "can get stuck in either well."):
            self.add(segment)
            self.play(FadeIn(readout))
            self.play(t.animate.set_value(0.1), run_time=2)
            self.play(t.animate.set_value(0.5), run_time=2)
            self.play(Indicate(readout, color=GAP_BAD))
        segment.clear_updaters()


# =========================================================================== scene 2

PLANE_CENTER = np.array([-4.6, -0.9, 0.0])
PLANE_UNIT = 1.05


class LagrangeDualBound(NarratedScene):
    """The dual function g(nu) lower-bounds the primal optimum; the gap closes at nu*."""

    def construct(self):
        # Step 1: the primal problem: a quadratic on a line.
        self.show_primal()
        # Step 2: the Lagrangian and the dual function.
        self.show_dual_definition()
        # Step 3: every g(nu) lies below p*: weak duality; the gap shrinks as nu improves.
        self.show_bound()
        # Step 4: at the best nu the gap is zero: strong duality, and x(nu) lands on x*.
        self.show_strong_duality()

    def show_primal(self):
        self.plane = get_plane(x_range=(-1.5, 3.0, 1), y_range=(-1.5, 3.0, 1), unit=PLANE_UNIT,
                               center=PLANE_CENTER - np.array([0.75, 0.75, 0]) * PLANE_UNIT)
        self.plane.shift(PLANE_CENTER - self.plane.c2p(0.75, 0.75))
        self.plane.set_stroke(opacity=0.3)
        contours = get_contour_lines(self.plane, GRID, GRID, F_GRID, F_LEVELS,
                                     colors=(CONTOUR_LOW, CONTOUR_HIGH))
        line = Line(self.plane.c2p(-0.9, 2.9), self.plane.c2p(2.9, -0.9), color=CONSTRAINT,
                    stroke_width=4)
        problem = MathTex(r"\min_x \; f(x) = \tfrac12 x^T Q x + c^T x", r"\quad \text{s.t.} \quad",
                          r"x_1 + x_2 = 2", font_size=BODY_SIZE).to_edge(UP, buff=EDGE_BUFF)
        problem[2].set_color(CONSTRAINT)
        x_star = Dot(self.plane.c2p(*DUAL.x_star), radius=0.09, color=ACCENT)
        x_label = MathTex(r"x^*", font_size=LABEL_SIZE, color=ACCENT).next_to(x_star, UR, buff=0.05)
        with self.beat("Here is a constrained problem: minimise a bowl-shaped quadratic f, but "
                       "only over the red line where x one plus x two equals two."):
            self.play(FadeIn(self.plane), Write(problem))
            self.play(Create(contours), run_time=1.5)
            self.play(Create(line))
        with self.beat(f"Its solution is where the line just touches a contour. The minimum value "
                       f"there, p star, is {spoken(P_STAR)}."):
            self.play(GrowFromCenter(x_star), FadeIn(x_label))
            self.wait(1)
        self.problem, self.x_star, self.line = problem, x_star, line

    def show_dual_definition(self):
        lagrangian = MathTex(r"L(x, \nu) = f(x) +", r"\nu\,", r"(x_1 + x_2 - 2)",
                             font_size=LABEL_SIZE)
        lagrangian[2].set_color(CONSTRAINT)
        dual = MathTex(r"g(\nu)", r"= \min_x L(x, \nu)", r"\;\le\; p^*", font_size=LABEL_SIZE)
        dual[0].set_color(DUAL_COLOR)
        group = VGroup(lagrangian, dual).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        group.move_to([0.3, 2.45, 0], aligned_edge=UL)
        # every x off the line breaks the constraint: the whole plane is tinted as charged
        low, high = self.plane.c2p(-1.5, -1.5), self.plane.c2p(3.0, 3.0)
        charged = Rectangle(width=high[0] - low[0], height=high[1] - low[1], stroke_width=0,
                            fill_color=CONSTRAINT, fill_opacity=0.18).move_to((low + high) / 2)
        charged.set_z_index(-1)
        with self.beat("Lagrange's idea: drop the constraint, and charge a price nu for breaking "
                       "it. That gives the Lagrangian."):
            # drop the constraint: the line and its equation fade
            self.play(self.line.animate.set_stroke(opacity=0.25),
                      self.problem[2].animate.set_opacity(0.35))
            self.play(FadeIn(lagrangian[0], shift=0.1 * DOWN))
            # the price nu times the violation, written from the constraint itself
            self.play(TransformFromCopy(self.problem[2], lagrangian[2]), FadeIn(lagrangian[1]),
                      FadeIn(charged))
        with self.beat("Minimise it over all x, with no constraint at all. The result, g of nu, "
                       "is the dual function. For every nu it is at most p star, since every "
                       "point on the line pays no penalty."):
            self.play(FadeIn(dual[1], shift=0.1 * DOWN),
                      charged.animate(rate_func=there_and_back).set_fill(opacity=0.4))
            self.play(FadeIn(dual[0], shift=0.1 * RIGHT))
            self.play(Write(dual[2]))
            # back on the line the violation is zero: the line returns, traced end to end
            self.play(self.line.animate.set_stroke(opacity=1),
                      self.problem[2].animate.set_opacity(1),
                      Indicate(lagrangian[2], color=CONSTRAINT), FadeOut(charged))
            self.play(ShowPassingFlash(self.line.copy().set_stroke(color=ACCENT, width=8),
                                       time_width=0.5), run_time=1.5)
        self.definitions = group

    def show_bound(self):
        axes = Axes(x_range=(-4, 0.5, 1), y_range=(-1.5, 2.5, 1), x_length=5.6, y_length=3.6,
                    axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
                    x_axis_config={"numbers_to_include": [-4, -3, -2, -1]},
                    y_axis_config={"numbers_to_include": [-1, 1, 2]})
        axes.move_to([3.3, -1.6, 0])
        nu_label = MathTex(r"\nu", font_size=LABEL_SIZE).next_to(axes.c2p(0.5, 0), UP, buff=0.2)
        p_line = DashedLine(axes.c2p(-4, P_STAR), axes.c2p(0.5, P_STAR), color=PRIMAL,
                            stroke_width=2)
        p_label = MathTex(r"p^*", font_size=LABEL_SIZE).next_to(p_line, RIGHT, buff=0.1)
        curve = get_curve(axes, NU_GRID, DUAL_VALUES, DUAL_COLOR)
        g_label = MathTex(r"g(\nu)", font_size=LABEL_SIZE, color=DUAL_COLOR)
        g_label.next_to(axes.c2p(-3.4, DUAL.dual([-3.4])), LEFT, buff=0.15)
        self.nu = ValueTracker(NU_START)

        def k() -> int:
            return int(np.argmin(np.abs(NU_GRID - self.nu.get_value())))

        marker = always_redraw(lambda: VGroup(
            Line(axes.c2p(NU_GRID[k()], DUAL_VALUES[k()]), axes.c2p(NU_GRID[k()], P_STAR),
                 color=ACCENT, stroke_width=5),
            Dot(axes.c2p(NU_GRID[k()], DUAL_VALUES[k()]), radius=0.08, color=DUAL_COLOR)))
        lagrange_point = always_redraw(lambda: Dot(self.plane.c2p(*LAGRANGE_X[k()]), radius=0.08,
                                                   color=DUAL_COLOR))
        gap = VGroup(MathTex(r"\text{gap } p^* - g(\nu) =", font_size=LABEL_SIZE),
                     get_tracked_number(self.nu, 3, color=ACCENT, font_size=LABEL_SIZE,
                                        value=lambda v: GAPS[int(np.argmin(np.abs(NU_GRID - v)))]))
        gap[1].add_updater(lambda m: m.next_to(gap[0], RIGHT, buff=0.15))
        gap.move_to([0.6, 0.85, 0], aligned_edge=LEFT)
        gap[1].update()
        with self.beat("Plot the dual function against nu. It is a concave curve, and it stays "
                       "below the dashed line at p star, whatever nu we pick."):
            self.play(Create(axes), FadeIn(nu_label), Create(p_line), FadeIn(p_label))
            self.play(Create(curve), FadeIn(g_label), run_time=2)
        with self.beat("Each nu gives a lower bound, and the orange bar is how far it falls short: "
                       "the duality gap. On the left, the pink point is the x that minimises the "
                       "Lagrangian for this price, off the line."):
            self.add(marker, lagrange_point)
            self.play(FadeIn(gap))
            self.play(self.nu.animate.set_value(0.3), run_time=3)
            self.play(self.nu.animate.set_value(-3.0), run_time=2.5)
        self.axes, self.gap, self.marker, self.lagrange_point = axes, gap, marker, lagrange_point
        self.curve = curve

    def show_strong_duality(self):
        best = MathTex(rf"\nu^* = {fmt(NU_STAR)}, \quad g(\nu^*) = {fmt(D_STAR)} = p^*",
                       font_size=LABEL_SIZE, color=ACCENT)
        best.next_to(self.gap, DOWN, buff=0.25, aligned_edge=LEFT)
        with self.beat(f"Now raise the bound as high as it goes. At nu star, {spoken(NU_STAR)}, "
                       "the gap closes to zero, and the pink point lands exactly on the solution."):
            self.play(self.nu.animate.set_value(NU_STAR), run_time=3)
            self.play(FadeIn(best, shift=0.1 * UP), Indicate(self.x_star, color=ACCENT))
        self.best = best
        with self.beat("For convex problems like this one the best lower bound equals the optimum: "
                       "strong duality. The dual is often easier to solve, and a small gap "
                       "certifies that a solution is nearly optimal."):
            self.play(Circumscribe(self.best, color=ACCENT))
            # the dual is one concave curve in one variable: traced end to end
            self.play(ShowPassingFlash(self.curve.copy().set_stroke(color=ACCENT, width=8),
                                       time_width=0.5), run_time=1.5)
            # a price near nu star leaves a small gap: the bound certifies near-optimality
            self.play(self.nu.animate.set_value(NU_NEAR))
            self.play(self.nu.animate.set_value(NU_STAR))
        self.marker.clear_updaters()
        self.lagrange_point.clear_updaters()


# =========================================================================== scene 3

class SoftThresholdingAndIsta(NarratedScene):
    """Soft-thresholding shrinks toward zero and clips; ISTA's iterates go sparse."""

    def construct(self):
        # Step 1: the proximal operator, and the L1 one: soft-thresholding.
        self.show_prox_definition()
        # Step 2: its graph: a dead zone of width 2 lambda.
        self.show_soft_threshold_graph()
        # Step 3: points shrink toward zero; the small ones become exactly 0 (L2 never does).
        self.show_shrinking_points()
        # Step 4: ISTA on a lasso: gradient step, then soft-threshold; coefficients go sparse.
        self.show_ista()

    def show_prox_definition(self):
        prox = MathTex(r"\operatorname{prox}_{\lambda h}(x) = \arg\min_z \;"
                       r"\tfrac12 (z - x)^2 + \lambda\, h(z)", font_size=BODY_SIZE)
        prox.to_edge(UP, buff=EDGE_BUFF)
        soft = MathTex(r"h = |\cdot|: \quad", r"\operatorname{prox}(x) = ",
                       r"\operatorname{sign}(x)\,\max(", r"|x| - \lambda", r",\ 0", r")",
                       font_size=BODY_SIZE, color=SHRINK).next_to(prox, DOWN, buff=0.3)
        with self.beat("A proximal operator takes a point x and finds the nearest z that also "
                       "keeps a penalty h small: a compromise between staying close and paying "
                       "little."):
            self.play(Write(prox), run_time=2)
        with self.beat("For the absolute value, the L1 penalty, the answer is soft-thresholding: "
                       "move x toward zero by lambda, and stop at zero."):
            self.play(FadeIn(soft[0], shift=0.1 * DOWN))
            self.play(Write(soft[1:]))
            # shrink by lambda, then the clip at zero
            self.play(Circumscribe(soft[3], color=ACCENT_2))
            self.play(Circumscribe(soft[4], color=ACCENT_2))
        self.prox, self.soft = prox, soft

    def show_soft_threshold_graph(self):
        axes = Axes(x_range=(-3, 3, 1), y_range=(-2.5, 2.5, 1), x_length=5.0, y_length=4.0,
                    axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
                    x_axis_config={"numbers_to_include": [-2, -1, 1, 2]},
                    y_axis_config={"numbers_to_include": [-2, -1, 1, 2]})
        axes.move_to([-3.6, -1.35, 0])
        identity = DashedLine(axes.c2p(-2.5, -2.5), axes.c2p(2.5, 2.5), color=MUTED, stroke_width=2)
        curve = get_curve(axes, SOFT_CURVE_X, SOFT_CURVE_Y, SHRINK)
        zone = Rectangle(width=axes.c2p(LAM, 0)[0] - axes.c2p(-LAM, 0)[0], height=0.5,
                         stroke_width=0, fill_color=SHRINK, fill_opacity=0.25)
        zone.move_to(axes.c2p(0, 0))
        zone_label = MathTex(r"[-\lambda, \lambda] \mapsto 0", font_size=LABEL_SIZE, color=SHRINK)
        zone_label.next_to(zone, DOWN, buff=0.55).shift(0.9 * RIGHT)
        lam = MathTex(rf"\lambda = {fmt(LAM)}", font_size=LABEL_SIZE).next_to(axes, UP, buff=0.1)
        lam.align_to(axes, LEFT)
        with self.beat(f"Its graph, with lambda equal to {spoken(LAM)}: outside the shaded zone it "
                       "runs parallel to the identity, lambda lower. Inside, every input is "
                       "mapped to exactly zero."):
            self.play(Create(axes), Create(identity), FadeIn(lam))
            self.play(Create(curve), run_time=1.5)
            self.play(FadeIn(zone), FadeIn(zone_label))
        self.graph = VGroup(axes, identity, curve, zone, zone_label, lam)

    def show_shrinking_points(self):
        top = NumberLine(x_range=(-3, 3, 1), length=5.6, color=MUTED, include_numbers=True,
                         font_size=SMALL_SIZE).move_to([3.3, -0.5, 0])
        bottom = top.copy().move_to([3.3, -2.6, 0])
        names = VGroup(Tex("soft (L1)", font_size=LABEL_SIZE, color=SHRINK).next_to(top, UP, buff=0.3),
                       Tex(r"L2: $x / (1 + \lambda)$", font_size=LABEL_SIZE,
                           color=RIDGE_COLOR).next_to(bottom, UP, buff=0.3))
        soft_dots = VGroup(*(Dot(top.n2p(x), radius=0.08, color=TEXT) for x in PROX_INPUTS))
        ridge_dots = VGroup(*(Dot(bottom.n2p(x), radius=0.08, color=TEXT) for x in PROX_INPUTS))
        zeros = int(np.sum(SOFT == 0))
        with self.beat(f"Take {len(PROX_INPUTS)} numbers and apply it. Each moves toward zero by "
                       f"lambda; the {zeros} that were within lambda of zero land exactly on it."):
            self.play(Create(top), FadeIn(names[0]), FadeIn(soft_dots))
            self.play(*(d.animate.move_to(top.n2p(x)).set_color(SHRINK)
                        for d, x in zip(soft_dots, SOFT)), run_time=2)
        with self.beat("Compare the squared L2 penalty: its proximal map divides by one plus "
                       "lambda. Everything shrinks, but nothing becomes zero. That clipping is "
                       "why L1 gives sparse solutions."):
            self.play(Create(bottom), FadeIn(names[1]), FadeIn(ridge_dots))
            self.play(*(d.animate.move_to(bottom.n2p(x)).set_color(RIDGE_COLOR)
                        for d, x in zip(ridge_dots, RIDGE)), run_time=2)
            self.wait(1)
        self.play(FadeOut(VGroup(self.graph, top, bottom, names, soft_dots, ridge_dots, self.prox,
                                 self.soft)), run_time=0.6)

    def show_ista(self):
        problem = MathTex(r"\min_x \; \tfrac12 \|Ax - b\|^2 + \lambda \|x\|_1", font_size=BODY_SIZE)
        step = MathTex(r"x_{t+1} = \operatorname{soft}_{\eta\lambda}\big(x_t - \eta A^T(Ax_t - b)\big)",
                       font_size=BODY_SIZE, color=SHRINK)
        header = VGroup(problem, step).arrange(DOWN, buff=0.25).to_edge(UP, buff=EDGE_BUFF)
        axes = Axes(x_range=(0, D, 1), y_range=(-2, 2.5, 1), x_length=7.0, y_length=3.8,
                    axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
                    x_axis_config={"include_ticks": False},
                    y_axis_config={"numbers_to_include": [-2, -1, 1, 2]})
        axes.move_to([-2.2, -1.6, 0])
        t = ValueTracker(0)
        bar_width = 0.5

        def bars():
            k = int(t.get_value())
            group = VGroup()
            for j, value in enumerate(ISTA.xs[k]):
                height = abs(axes.c2p(0, value)[1] - axes.c2p(0, 0)[1])
                bar = Rectangle(width=bar_width, height=max(height, 1e-3), stroke_width=0,
                                fill_color=SHRINK if value != 0 else FAINT, fill_opacity=0.85)
                bar.move_to(axes.c2p(j + 0.5, 0), aligned_edge=DOWN if value >= 0 else UP)
                group.add(bar)
            return group
        coefficient_bars = always_redraw(bars)
        truth = VGroup(*(Line(axes.c2p(j + 0.2, v), axes.c2p(j + 0.8, v), color=TEXT,
                              stroke_width=3) for j, v in enumerate(X_TRUE) if v != 0))
        truth_label = Tex("true coefficients", font_size=SMALL_SIZE, color=TEXT)
        truth_label.next_to(truth[0], UP, buff=0.12)
        readout = VGroup(MathTex(r"\text{step } t =", font_size=LABEL_SIZE),
                         get_tracked_number(t, 0, font_size=LABEL_SIZE))
        nonzero = VGroup(MathTex(r"\text{nonzero} =", font_size=LABEL_SIZE),
                         get_tracked_number(t, 0, color=SHRINK, font_size=LABEL_SIZE,
                                            value=lambda v: NONZEROS[int(v)]))
        for row in (readout, nonzero):
            row[1].add_updater(lambda m, row=row: m.next_to(row[0], RIGHT, buff=0.15))
        readout.move_to([3.0, 0.6, 0], aligned_edge=LEFT)
        nonzero.move_to([3.0, 0.0, 0], aligned_edge=LEFT)
        for row in (readout, nonzero):
            row[1].update()
        objective_axes = Axes(x_range=(0, N_ISTA, 10), y_range=(0, 4, 1), x_length=3.4,
                              y_length=2.0, axis_config={"color": MUTED, "include_tip": False,
                                                         "font_size": SMALL_SIZE}).add_coordinates(
            font_size=SMALL_SIZE)
        objective_axes.move_to([4.6, -2.4, 0])
        objective = always_redraw(lambda: get_curve(
            objective_axes, np.arange(int(t.get_value()) + 1),
            ISTA.objectives[: int(t.get_value()) + 1], SHRINK, 3) if t.get_value() >= 1
            else Dot(objective_axes.c2p(0, ISTA.objectives[0]), radius=0.04, color=SHRINK))
        objective_label = Tex("objective", font_size=SMALL_SIZE, color=MUTED)
        objective_label.next_to(objective_axes, UP, buff=0.1)
        with self.beat(f"Soft-thresholding is the engine of ISTA, which solves the lasso: least "
                       f"squares plus lambda times the L1 norm. Here with {D} coefficients, only "
                       f"{int(np.sum(X_TRUE != 0))} of which really matter."):
            self.play(Write(header), run_time=2)
            self.play(Create(axes), Create(truth), FadeIn(truth_label))
        with self.beat(f"Each step is a gradient step on the squared error, then a "
                       f"soft-threshold. Starting from zero, the first step already switches "
                       f"{NONZEROS[1]} coefficients on."):
            self.add(coefficient_bars, objective)
            self.play(FadeIn(readout), FadeIn(nonzero), Create(objective_axes),
                      FadeIn(objective_label))
            self.play(t.animate.set_value(1), run_time=1.5, rate_func=linear)
            self.wait(1)
        with self.beat(f"The next steps pull the useless ones back, and the threshold snaps them "
                       f"to exactly zero: after {SPARSE_BY} steps only {NONZEROS[SPARSE_BY]} are "
                       "left."):
            self.play(t.animate.set_value(SPARSE_BY), run_time=5, rate_func=linear)
        with self.beat(f"The rest of the {N_ISTA} steps only polish the survivors. They sit near "
                       "the true values, shrunk a little by the penalty, and the objective has "
                       "levelled off."):
            self.play(t.animate.set_value(N_ISTA), run_time=4, rate_func=linear)
            self.wait(1)
        coefficient_bars.clear_updaters()
        objective.clear_updaters()


# =========================================================================== scene 4

class Lesson14TryIt(TryItScene):
    lesson = 14
