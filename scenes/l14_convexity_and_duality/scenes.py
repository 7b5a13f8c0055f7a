"""Lesson 14 — Convexity and duality.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed once, here at the top, by ``mathcore.convex``
(Jensen gap, soft-thresholding, the L2 prox, ISTA, the equality-QP dual), with a
fixed seed; the scenes only draw and format them.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, DR, LEFT, RIGHT, UL, UP, UR, Arrow, Axes, Circle, Circumscribe, Create, Cross, DashedLine,
    DashedVMobject, Dot, DrawBorderThenFill, Ellipse, FadeIn, FadeOut, GrowArrow, GrowFromCenter,
    Indicate, LaggedStart, Line, MathTex, MoveAlongPath, NumberLine, Polygon, Rectangle,
    ShowPassingFlash, Tex, TransformFromCopy, ValueTracker, VGroup, VMobject, Write, always_redraw,
    linear, there_and_back,
)

from mathcore import convex, optim
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_beats import show_bridge
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, ACCENT_2, BODY_SIZE, CONSTRAINT, CONTOUR_HIGH, CONTOUR_LOW, DATA, EDGE_BUFF, FAINT,
    GRADIENT, I_HAT, J_HAT, LABEL_SIZE, MUTED, OPTIMIZER_COLORS, SMALL_SIZE, TEXT,
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
DUAL_BRIDGE = Bridge(
    formula=r"\max_\nu g(\nu) = g(\nu^*) = p^* = \min_{Ax = b} f(x)",
    setup=("Q = np.array([[2.0, 0.5], [0.5, 1.0]])\n"
           "c = np.zeros(2)\n"
           "A = np.array([[1.0, 1.0]])\n"
           "b = np.array([2.0])"),
    mathcore=Snippet("d = convex.equality_qp_dual(Q, c, A, b)\n"
                     "d.dual(d.nu_star)"),
    library=Snippet("from scipy.optimize import minimize\n"
                    "f = lambda x: 0.5 * x @ Q @ x + c @ x\n"
                    "con = {'type': 'eq',\n"
                    "       'fun': lambda x: A @ x - b}\n"
                    "res = minimize(f, np.zeros(2),\n"
                    "               constraints=con)\n"
                    "res.fun", needs="scipy"),
    decimals=3,
)
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
        # Step 5: formula -> code -> library: the dual's best bound against SciPy's primal solve.
        self.show_code()

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
        with self.beat("Convex problems are friendly, but most come with constraints. Here is "
                       "one: minimise a bowl-shaped quadratic f, but only over the red line "
                       "where x one plus x two equals two."):
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
        with self.beat("Here the best lower bound equals the optimum: strong duality. It holds "
                       "because f is convex and the constraint is affine and can be met, a case "
                       "of Slater's condition, which we meet in a moment. A small gap certifies "
                       "that a solution is nearly optimal."):
            self.play(Circumscribe(self.best, color=ACCENT))
            # the dual is one concave curve in one variable: traced end to end
            self.play(ShowPassingFlash(self.curve.copy().set_stroke(color=ACCENT, width=8),
                                       time_width=0.5), run_time=1.5)
            # a price near nu star leaves a small gap: the bound certifies near-optimality
            self.play(self.nu.animate.set_value(NU_NEAR))
            self.play(self.nu.animate.set_value(NU_STAR))
        self.marker.clear_updaters()
        self.lagrange_point.clear_updaters()

    def show_code(self):
        self.play(*(FadeOut(m) for m in self.mobjects if isinstance(m, VMobject)), run_time=0.6)
        show_bridge(self, DUAL_BRIDGE, (
            "In code: the best bound of the dual equals the constrained minimum.",
            f"Mathcore builds the dual in closed form and evaluates it at nu star: "
            f"{spoken(D_STAR, 3)}.",
            "SciPy never forms a dual: minimize runs on the primal problem with the constraint, "
            "and lands on the same value.",
        ))


# =========================================================================== scene 3

# A linear program with a corner optimum: min c^T x s.t. A x <= b (four inequalities).
LP_C = np.array([-4.0, -5.0])  # (2,) f(x) = -4 x1 - 5 x2 falls toward the upper right
LP_A = np.array([[1.0, 2.0], [2.0, 1.0], [-1.0, 0.0], [0.0, -1.0]])  # (4, 2) rows = grad g_i
LP_B = np.array([6.0, 6.0, 0.0, 0.0])  # (4,)
LP_CORNERS = np.array([[0.0, 0.0], [3.0, 0.0], [2.0, 2.0], [0.0, 3.0]])  # the feasible region
ACTIVE = [0, 1]  # the two constraints that meet at the optimal corner
# With both active constraints held as equalities the corner and its multipliers solve the
# KKT system (no curvature needed: two equations fix the point).
CORNER = optim.lagrange_equality_qp(np.zeros((2, 2)), LP_C, LP_A[ACTIVE], LP_B[ACTIVE])
X_CORNER = CORNER.x  # (2,) = (2, 2)
MU = np.zeros(4)
MU[ACTIVE] = CORNER.multipliers  # (4,) = (2, 1, 0, 0): zero on the slack constraints
LP_G = LP_A @ X_CORNER - LP_B  # (4,) constraint values: 0 on the active ones
KKT = optim.kkt_conditions(LP_C, g=LP_G, jac_g=LP_A, mu=MU)
P_LP = float(LP_C @ X_CORNER)
WRONG_ACTIVE = [1, 3]  # the corner (3, 0): g2 and x2 >= 0 active
WRONG = optim.lagrange_equality_qp(np.zeros((2, 2)), LP_C, LP_A[WRONG_ACTIVE], LP_B[WRONG_ACTIVE])
F_WRONG = float(LP_C @ WRONG.x)
# Directions that stay feasible at the corner run between the two edges leaving it.
EDGE_DIRECTIONS = np.array([LP_CORNERS[1] - X_CORNER, LP_CORNERS[3] - X_CORNER])  # (2, 2)
PROBE_ANGLES = np.linspace(np.arctan2(*EDGE_DIRECTIONS[0][::-1]),
                           np.arctan2(*EDGE_DIRECTIONS[1][::-1]) - 2 * np.pi, 121)  # clockwise
PROBE_SLOPES = np.array([LP_C @ [np.cos(a), np.sin(a)] for a in PROBE_ANGLES])  # grad f . d >= 0
ARROW_SCALE = 0.4  # plane units per unit of gradient
LP_PLANE = dict(x_range=(-0.8, 4.6, 1), y_range=(-0.8, 4.6, 1), unit=1.0,
                center=np.array([-5.7, -2.4, 0.0]))
KKT_BRIDGE = Bridge(
    formula=r"-\nabla f = \mu_1 \nabla g_1 + \mu_2 \nabla g_2,\quad \mu \ge 0",
    setup=("c = np.array([-4.0, -5.0])\n"
           "A = np.array([[1.0, 2.0], [2.0, 1.0],\n"
           "              [-1.0, 0.0], [0.0, -1.0]])\n"
           "b = np.array([6.0, 6.0, 0.0, 0.0])"),
    mathcore=Snippet("kkt = optim.lagrange_equality_qp(\n"
                     "    np.zeros((2, 2)), c, A[:2], b[:2])\n"
                     "kkt.multipliers"),
    library=Snippet("from scipy.optimize import linprog\n"
                    "res = linprog(c, A_ub=A, b_ub=b,\n"
                    "              bounds=(None, None))\n"
                    "-res.ineqlin.marginals[:2]", needs="scipy"),
    decimals=2,
)


def clip_line(normal, level, box) -> tuple[np.ndarray, np.ndarray] | None:
    """The part of the line normal . x = level inside box = ((x_lo, x_hi), (y_lo, y_hi)):
    its two ends, or None when it misses the box."""
    normal = np.asarray(normal, dtype=float)
    points = []
    for axis in (0, 1):
        other = 1 - axis
        for edge in box[axis]:
            if normal[other] == 0:
                continue
            p = np.empty(2)
            p[axis], p[other] = edge, (level - normal[axis] * edge) / normal[other]
            if box[other][0] - 1e-9 <= p[other] <= box[other][1] + 1e-9:
                points.append(p)
    if len(points) < 2:
        return None
    points = sorted(points, key=lambda p: (p[0], p[1]))
    return points[0], points[-1]


class KKTAtACorner(NarratedScene):
    """At the optimal corner, -grad f is a non-negative combination of the active gradients."""

    def construct(self):
        # Step 1: an inequality-constrained problem, and its corner optimum.
        self.show_problem()
        # Step 2: the arrows at the corner: -grad f inside the cone of the active gradients.
        self.show_cone()
        # Step 3: why that proves optimality: no feasible direction goes downhill.
        self.show_no_descent()
        # Step 4: a corner where it fails: a negative multiplier, and a way down.
        self.show_wrong_corner()
        # Step 5: the four conditions, with complementary slackness on the slack constraints.
        self.show_conditions()
        # Step 6: formula -> code -> library.
        self.show_code()

    def arrow(self, start, vector, color, scale=ARROW_SCALE) -> Arrow:
        start = np.asarray(start, dtype=float)
        return Arrow(self.plane.c2p(*start), self.plane.c2p(*(start + scale * np.asarray(vector))),
                     buff=0, color=color, stroke_width=5, max_tip_length_to_length_ratio=0.2)

    def show_problem(self):
        self.plane = get_plane(**LP_PLANE).set_stroke(opacity=0.35)
        region = Polygon(*(self.plane.c2p(*p) for p in LP_CORNERS), stroke_color=CONSTRAINT,
                         stroke_width=3, fill_color=CONSTRAINT, fill_opacity=0.15)
        problem = MathTex(r"\min_x\; f(x) = -4x_1 - 5x_2", font_size=BODY_SIZE)
        constraints = MathTex(r"g_1 = x_1 + 2x_2 - 6 \le 0", r"\qquad g_2 = 2x_1 + x_2 - 6 \le 0",
                              font_size=LABEL_SIZE)
        constraints[0].set_color(CONSTRAINT)
        constraints[1].set_color(CONSTRAINT)
        signs = MathTex(r"g_3 = -x_1 \le 0, \qquad g_4 = -x_2 \le 0", font_size=LABEL_SIZE,
                        color=MUTED)
        header = VGroup(problem, constraints, signs).arrange(DOWN, buff=0.2)
        header.to_edge(UP, buff=EDGE_BUFF).set_x(2.4)
        with self.beat("Lagrange handled a constraint that is an equation. Most constraints in "
                       "machine learning are inequalities: weights at least zero, margins at "
                       "least one. Here is a small problem with four of them."):
            self.add(self.plane)
            self.play(Write(problem))
            self.play(FadeIn(constraints, shift=0.1 * DOWN), FadeIn(signs, shift=0.1 * DOWN))
            self.play(DrawBorderThenFill(region), run_time=1.5)
        level = ValueTracker(0.0)
        box = (LP_PLANE["x_range"][:2], LP_PLANE["y_range"][:2])
        sweep = always_redraw(lambda: Line(*(self.plane.c2p(*p) for p in clip_line(
            -LP_C, -level.get_value(), box)), color=GRADIENT, stroke_width=3))
        corner = Dot(self.plane.c2p(*X_CORNER), radius=0.09, color=ACCENT)
        corner_label = MathTex(rf"x^* = ({fmt(X_CORNER[0], 0)}, {fmt(X_CORNER[1], 0)})",
                               font_size=LABEL_SIZE, color=ACCENT)
        corner_label.next_to(corner, DOWN + LEFT, buff=0.2)
        value = MathTex(rf"f(x^*) = {fmt(P_LP, 0)}", font_size=LABEL_SIZE, color=ACCENT)
        value.next_to(header, DOWN, buff=0.45).set_x(2.4)
        with self.beat("The level lines of f are straight, and f falls toward the upper right. "
                       "Slide a level line downhill: the last allowed point it touches is the "
                       f"corner two, two, where f is {spoken(P_LP, 0)}."):
            self.add(sweep)
            self.play(level.animate.set_value(P_LP), run_time=4, rate_func=linear)
            self.play(GrowFromCenter(corner), FadeIn(corner_label), FadeIn(value))
        sweep.clear_updaters()
        self.play(FadeOut(sweep), run_time=0.4)
        self.region, self.corner, self.corner_label = region, corner, corner_label
        self.header, self.value = header, value

    def show_cone(self):
        grads = VGroup(*(self.arrow(X_CORNER, LP_A[i], CONSTRAINT) for i in ACTIVE))
        grad_labels = VGroup(
            MathTex(r"\nabla g_1", font_size=LABEL_SIZE, color=CONSTRAINT).next_to(
                grads[0].get_end(), UP, buff=0.1),
            MathTex(r"\nabla g_2", font_size=LABEL_SIZE, color=CONSTRAINT).next_to(
                grads[1].get_end(), RIGHT, buff=0.1))
        cone = Polygon(self.plane.c2p(*X_CORNER),
                       self.plane.c2p(*(X_CORNER + 2.0 * ARROW_SCALE * LP_A[0])),
                       self.plane.c2p(*(X_CORNER + 2.0 * ARROW_SCALE * LP_A[1])),
                       stroke_width=0, fill_color=CONSTRAINT, fill_opacity=0.25)
        down = self.arrow(X_CORNER, -LP_C, GRADIENT)
        down_label = MathTex(r"-\nabla f", font_size=LABEL_SIZE, color=GRADIENT)
        down_label.next_to(down.get_end(), RIGHT, buff=0.12)
        with self.beat("Why is that corner the best? Two constraints are active there, g one "
                       "and g two, and each gradient points out of the region, the way that "
                       "constraint grows."):
            self.play(GrowArrow(grads[0]), FadeIn(grad_labels[0]))
            self.play(GrowArrow(grads[1]), FadeIn(grad_labels[1]))
            self.play(FadeIn(cone))
        with self.beat("The downhill direction, minus the gradient of f, points between them, "
                       "inside the shaded cone of the two outward arrows."):
            self.play(GrowArrow(down), FadeIn(down_label))
            self.play(Indicate(cone, color=CONSTRAINT, scale_factor=1.05))
        parts = VGroup(
            DashedVMobject(self.arrow(X_CORNER, MU[0] * LP_A[0], CONSTRAINT), num_dashes=12),
            DashedVMobject(self.arrow(X_CORNER + ARROW_SCALE * MU[0] * LP_A[0], MU[1] * LP_A[1],
                                      CONSTRAINT), num_dashes=8))
        combo = MathTex(r"-\nabla f", r"=", rf"{fmt(MU[0], 0)}", r"\nabla g_1", "+",
                        rf"{fmt(MU[1], 0)}", r"\nabla g_2", font_size=BODY_SIZE)
        combo[0].set_color(GRADIENT)
        combo[3].set_color(CONSTRAINT)
        combo[6].set_color(CONSTRAINT)
        numbers = MathTex(rf"({fmt(-LP_C[0], 0)}, {fmt(-LP_C[1], 0)}) = {fmt(MU[0], 0)}"
                          rf"\,({fmt(LP_A[0, 0], 0)}, {fmt(LP_A[0, 1], 0)}) + {fmt(MU[1], 0)}"
                          rf"\,({fmt(LP_A[1, 0], 0)}, {fmt(LP_A[1, 1], 0)})",
                          font_size=LABEL_SIZE, color=MUTED)
        VGroup(combo, numbers).arrange(DOWN, buff=0.2).next_to(self.value, DOWN, buff=0.4)
        with self.beat(f"Inside the cone means a combination with non-negative weights: "
                       f"minus grad f is {spoken(MU[0], 0)} times grad g one plus "
                       f"{spoken(MU[1], 0)} times grad g two. Those weights are the "
                       "multipliers mu."):
            self.play(Create(parts[0]), run_time=1.2)
            self.play(Create(parts[1]), run_time=1.0)
            self.play(Write(combo))
            self.play(FadeIn(numbers, shift=0.1 * UP))
        self.arrows = VGroup(grads, grad_labels, cone, down, down_label, parts)
        self.combo = VGroup(combo, numbers)

    def show_no_descent(self):
        probe = ValueTracker(0)

        def direction() -> np.ndarray:
            a = PROBE_ANGLES[int(round(probe.get_value()))]
            return np.array([np.cos(a), np.sin(a)])

        probe_arrow = always_redraw(lambda: self.arrow(X_CORNER, direction(), ACCENT_2, 1.1))
        edges = VGroup(*(DashedLine(self.plane.c2p(*X_CORNER), self.plane.c2p(*p), color=ACCENT_2,
                                    stroke_width=3) for p in (LP_CORNERS[1], LP_CORNERS[3])))
        proof = MathTex(r"\nabla f^T d", rf"= -{fmt(MU[0], 0)}\,\nabla g_1^T d - {fmt(MU[1], 0)}\,"
                        r"\nabla g_2^T d", r"\;\ge 0",
                        font_size=LABEL_SIZE)
        proof[0].set_color(ACCENT_2)
        rate = VGroup(MathTex(r"\nabla f^T d =", font_size=LABEL_SIZE, color=ACCENT_2),
                      get_tracked_number(probe, 2, color=ACCENT_2, font_size=LABEL_SIZE,
                                         value=lambda v: PROBE_SLOPES[int(round(v))]))
        rate[1].add_updater(lambda m: m.next_to(rate[0], RIGHT, buff=0.15))
        VGroup(proof, rate).arrange(DOWN, buff=0.25).next_to(self.combo, DOWN, buff=0.45)
        rate[1].update()
        with self.beat("That is exactly the proof. A direction d that stays in the region must "
                       "not climb either active constraint: grad g transpose d is at most zero "
                       "for both."):
            self.play(Create(edges))
            self.add(probe_arrow)
            self.play(FadeIn(rate))
            self.play(probe.animate.set_value(len(PROBE_ANGLES) - 1), run_time=3)
        with self.beat("Then the slope of f along d is minus two times one of those, minus one "
                       "times the other: never negative. No allowed direction goes downhill, "
                       "so the corner is optimal."):
            self.play(Write(proof))
            self.play(probe.animate.set_value((len(PROBE_ANGLES) - 1) // 2), run_time=2)
            self.play(Circumscribe(proof[2], color=ACCENT))
        probe_arrow.clear_updaters()
        self.play(FadeOut(VGroup(probe_arrow, edges, proof, rate)), run_time=0.5)

    def show_wrong_corner(self):
        start = WRONG.x
        dot = Dot(self.plane.c2p(*start), radius=0.09, color=J_HAT)
        grads = VGroup(self.arrow(start, LP_A[WRONG_ACTIVE[0]], CONSTRAINT),
                       self.arrow(start, LP_A[WRONG_ACTIVE[1]], CONSTRAINT))
        down = self.arrow(start, -LP_C, GRADIENT)
        mus = MathTex(rf"\mu_2 = {fmt(WRONG.multipliers[0], 0)}, \quad "
                      rf"\mu_4 = {fmt(WRONG.multipliers[1], 0)} < 0", font_size=LABEL_SIZE,
                      color=J_HAT)
        mus.next_to(self.combo, DOWN, buff=0.45)
        t = ValueTracker(0.0)
        slide = always_redraw(lambda: Dot(self.plane.c2p(*(start + t.get_value() * (X_CORNER - start))),
                                          radius=0.09, color=J_HAT))
        readout = VGroup(MathTex(r"f =", font_size=LABEL_SIZE, color=J_HAT),
                         get_tracked_number(t, 1, color=J_HAT, font_size=LABEL_SIZE,
                                            value=lambda v: float(LP_C @ (start + v * (X_CORNER - start)))))
        readout[1].add_updater(lambda m: m.next_to(readout[0], RIGHT, buff=0.15))
        readout.next_to(mus, DOWN, buff=0.3)
        readout[1].update()
        with self.beat(f"Compare the corner three, zero. There minus grad f lies outside the cone "
                       f"of its active gradients, and the weight it would need is "
                       f"{spoken(WRONG.multipliers[1], 0)}: negative."):
            self.play(FadeOut(self.arrows), GrowFromCenter(dot))
            self.play(*(GrowArrow(g) for g in grads), GrowArrow(down))
            self.play(FadeIn(mus, shift=0.1 * UP))
        with self.beat(f"A negative multiplier means a way down: slide along the edge, and f "
                       f"falls from {spoken(F_WRONG, 0)} to {spoken(P_LP, 0)} at the optimal "
                       "corner. So the multipliers must be at least zero."):
            self.add(slide)
            self.play(FadeIn(readout), FadeOut(grads), FadeOut(down))
            self.play(t.animate.set_value(1.0), run_time=3)
            self.play(Indicate(self.corner, color=ACCENT))
        slide.clear_updaters()
        self.play(FadeOut(VGroup(dot, slide, mus, readout)), FadeIn(self.arrows), run_time=0.6)

    def show_conditions(self):
        rows = [("stationarity", r"\nabla f + \textstyle\sum_i \mu_i \nabla g_i = 0", "stationarity"),
                ("primal feasibility", r"g_i(x) \le 0", "primal_feasibility"),
                ("dual feasibility", r"\mu_i \ge 0", "dual_feasibility"),
                ("complementary slackness", r"\mu_i\, g_i(x) = 0", "complementary_slackness")]
        table = VGroup()
        for name, formula, attribute in rows:
            table.add(VGroup(Tex(name, font_size=SMALL_SIZE, color=MUTED),
                             MathTex(formula, font_size=LABEL_SIZE),
                             MathTex(rf"{fmt(getattr(KKT, attribute), 0)}\;\checkmark",
                                     font_size=LABEL_SIZE, color=ACCENT)))
        for row in table:
            row[1].next_to(row[0], DOWN, buff=0.08, aligned_edge=LEFT)
        table.arrange(DOWN, aligned_edge=LEFT, buff=0.22)
        table.next_to(self.value, DOWN, buff=0.4).set_x(2.0)
        for row in table:
            row[2].move_to(row[1]).set_x(5.6)
        slack = MathTex(rf"g_3 = {fmt(LP_G[2], 0)},\ g_4 = {fmt(LP_G[3], 0)}"
                        rf"\ \Rightarrow\ \mu_3 = \mu_4 = 0", font_size=LABEL_SIZE, color=MUTED)
        slack.next_to(table, DOWN, buff=0.3).set_x(2.4)
        with self.beat("These are the four Karush-Kuhn-Tucker conditions: stationarity, both "
                       "kinds of feasibility, and complementary slackness."):
            self.play(FadeOut(self.combo))
            self.play(LaggedStart(*(FadeIn(row[:2], shift=0.1 * DOWN) for row in table),
                                  lag_ratio=0.3), run_time=2.5)
        axes_sides = VGroup(Line(self.plane.c2p(0, 0), self.plane.c2p(3, 0), color=ACCENT_2,
                                 stroke_width=6),
                            Line(self.plane.c2p(0, 0), self.plane.c2p(0, 3), color=ACCENT_2,
                                 stroke_width=6))
        with self.beat(f"The other two constraints, x one and x two at least zero, are slack at "
                       f"the corner, with g equal to {spoken(LP_G[2], 0)}. So their multipliers "
                       "are zero, and mu times g is zero for every constraint. Every residual "
                       "is zero: the corner passes."):
            self.play(Create(axes_sides))
            self.play(FadeIn(slack, shift=0.1 * UP))
            self.play(LaggedStart(*(FadeIn(row[2]) for row in table), lag_ratio=0.3),
                      run_time=2)
            self.play(FadeOut(axes_sides))
        self.play(FadeOut(VGroup(self.plane, self.region, self.corner, self.corner_label,
                                 self.arrows, self.header, self.value, table, slack)),
                  run_time=0.6)

    def show_code(self):
        show_bridge(self, KKT_BRIDGE, (
            "In code: the formula, the multipliers of the two active constraints.",
            "Mathcore holds the active constraints as equations and solves the Lagrange system: "
            f"mu equals {spoken(MU[0], 0)} and {spoken(MU[1], 0)}.",
            "SciPy's linprog reports the same numbers as marginals, with a minus sign: how fast "
            "the optimum falls as each right-hand side grows. Any solver's certificate of "
            "optimality is this check.",
        ))


# =========================================================================== scene 4

# Slater's condition on a disk: min c^T x s.t. |x|^2 <= r, the disk shrinking to a point.
BALL_C = np.array([0.6, 0.8])  # (2,) |c| = 1
RADII = np.linspace(1.0, 0.12, 89)  # (89,) sqrt(r) as the disk shrinks
BALLS = [convex.linear_over_ball_dual(BALL_C, s**2) for s in RADII]
POINT = convex.linear_over_ball_dual(BALL_C, 0.0)  # r = 0: the disk is the point 0
MU_AXIS = (0.0, 6.0)
DUAL_FLOOR = -2.5  # the dual axes' bottom: the curve is drawn where g(mu) is above it
MU_SAMPLES = np.linspace(0.02, MU_AXIS[1], 300)  # (300,)
BALL_CURVES = np.array([[b.dual(mu) for mu in MU_SAMPLES] for b in BALLS])  # (89, 300)
POINT_CURVE = np.array([POINT.dual(mu) for mu in MU_SAMPLES])  # (300,) -1/(4 mu) < 0 = p*
BALL_SCALE = 0.8  # plane units per unit of gradient
BALL_PLANE = dict(x_range=(-2.2, 1.4, 1), y_range=(-2.4, 1.4, 1), unit=1.25,
                  center=np.array([-3.9, -0.4, 0.0]))


class SlaterCondition(NarratedScene):
    """Strong duality and KKT multipliers need a strictly feasible point; shrink it away."""

    def construct(self):
        # Step 1: the condition, stated.
        self.show_statement()
        # Step 2: a disk with a strictly feasible centre; KKT arrows and the dual's peak at p*.
        self.show_disk()
        # Step 3: shrink the disk: the multiplier grows, the dual's peak slides right.
        self.show_shrinking()
        # Step 4: r = 0: no strictly feasible point, no multiplier, the bound never reached.
        self.show_failure()

    def show_statement(self):
        title = Tex(r"Slater's condition", font_size=BODY_SIZE, color=ACCENT)
        body = MathTex(r"f,\, g_i \text{ convex},\ h \text{ affine},\ \text{and some } x_0"
                       r" \text{ with } g_i(x_0) < 0,\ h(x_0) = 0", font_size=LABEL_SIZE)
        then = MathTex(r"\Rightarrow\ d^* = p^* \text{ and a best } \mu^* \text{ exists}",
                       font_size=LABEL_SIZE, color=ACCENT)
        statement = VGroup(title, body, then).arrange(DOWN, buff=0.18)
        statement.to_edge(UP, buff=EDGE_BUFF)
        with self.beat("In the equality problem the best bound reached p star. That is not "
                       "automatic. For a convex problem it is guaranteed by a condition, the "
                       "usual one is Slater's: some point satisfies every inequality strictly."):
            self.play(FadeIn(title, shift=0.1 * DOWN))
            self.play(Write(body), run_time=2.5)
        with self.beat("Then the best lower bound equals the optimum, and the best multipliers "
                       "exist: the KKT conditions have a solution. Affine constraints, like "
                       "Lagrange's line, need only be satisfied."):
            self.play(FadeIn(then, shift=0.1 * UP))
            self.play(Circumscribe(body, color=ACCENT))
            self.play(Indicate(then, color=ACCENT, scale_factor=1.05))
        self.statement = statement

    def radius_index(self) -> int:
        return int(round(self.s.get_value()))

    def ball(self):
        return BALLS[self.radius_index()] if self.radius_index() < len(BALLS) else POINT

    def show_disk(self):
        self.plane = get_plane(**BALL_PLANE).set_stroke(opacity=0.35)
        self.plane.set_y(self.plane.get_y() - 0.35)
        self.s = ValueTracker(0)
        unit = BALL_PLANE["unit"]
        disk = always_redraw(lambda: Circle(
            radius=max(np.sqrt(self.ball().r) * unit, 1e-3), color=CONSTRAINT, stroke_width=3,
            fill_color=CONSTRAINT, fill_opacity=0.2).move_to(self.plane.c2p(0, 0)))
        problem = MathTex(r"\min_x\; c^T x \quad \text{s.t.} \quad \|x\|^2 \le r",
                          font_size=LABEL_SIZE)
        problem.next_to(self.statement, DOWN, buff=0.35).set_x(2.9)
        centre = Dot(self.plane.c2p(0, 0), radius=0.07, color=ACCENT_2)
        centre_label = MathTex(r"g(0) = -r < 0", font_size=SMALL_SIZE, color=ACCENT_2)
        centre_label.next_to(centre, UR, buff=0.1)
        with self.beat("Test it on a linear f over a disk: minimise c transpose x with the "
                       "squared length of x at most r. The centre is strictly inside, so "
                       "Slater's condition holds."):
            self.add(self.plane)
            self.play(Write(problem))
            self.play(GrowFromCenter(disk))
            self.play(GrowFromCenter(centre), FadeIn(centre_label))

        def arrows():
            b = self.ball()
            x = self.plane.c2p(*b.x_star)
            group = VGroup(Dot(x, radius=0.08, color=ACCENT))
            if b.r > 0:
                group.add(Arrow(x, self.plane.c2p(*(b.x_star + BALL_SCALE * 2 * b.x_star)), buff=0,
                                color=CONSTRAINT, stroke_width=5, max_tip_length_to_length_ratio=0.25))
            group.add(Arrow(x, self.plane.c2p(*(b.x_star - BALL_SCALE * BALL_C)), buff=0,
                            color=GRADIENT, stroke_width=5, max_tip_length_to_length_ratio=0.25))
            return group
        kkt = always_redraw(arrows)
        legend = VGroup(MathTex(r"-\nabla f = -c", font_size=SMALL_SIZE, color=GRADIENT),
                        MathTex(r"\nabla g = 2x^*", font_size=SMALL_SIZE, color=CONSTRAINT))
        legend.arrange(DOWN, aligned_edge=LEFT, buff=0.12)
        legend.next_to(self.plane.c2p(-2.2, 1.4), DR, buff=0.15)
        stationarity = MathTex(r"-\nabla f = \mu\, \nabla g", font_size=LABEL_SIZE)
        readouts = VGroup(
            VGroup(MathTex(r"r =", font_size=LABEL_SIZE),
                   get_tracked_number(self.s, 2, font_size=LABEL_SIZE,
                                      value=lambda v: BALLS[min(int(round(v)), len(BALLS) - 1)].r)),
            VGroup(MathTex(r"p^* =", font_size=LABEL_SIZE),
                   get_tracked_number(self.s, 2, font_size=LABEL_SIZE,
                                      value=lambda v: BALLS[min(int(round(v)), len(BALLS) - 1)].p_star)),
            VGroup(MathTex(r"\mu^* =", font_size=LABEL_SIZE, color=DUAL_COLOR),
                   get_tracked_number(self.s, 2, font_size=LABEL_SIZE, color=DUAL_COLOR,
                                      value=lambda v: BALLS[min(int(round(v)), len(BALLS) - 1)].mu_star)))
        for row in readouts:
            row[1].add_updater(lambda m, row=row: m.next_to(row[0], RIGHT, buff=0.15))
            row[1].update()
        readouts.arrange(RIGHT, buff=0.7)
        column = VGroup(stationarity, readouts).arrange(DOWN, buff=0.25)
        column.next_to(problem, DOWN, buff=0.3)
        for row in readouts:
            row[1].update()
        first = BALLS[0]
        with self.beat(f"The optimum sits on the rim, opposite c. There KKT is one arrow "
                       f"against another: minus grad f equals mu times grad g, with mu star "
                       f"{spoken(first.mu_star)} when r is {spoken(first.r, 0)}."):
            self.add(kkt)
            self.play(FadeIn(kkt), FadeIn(legend))
            self.play(Write(stationarity))
            self.play(FadeIn(readouts))
        self.disk, self.kkt, self.readouts, self.problem = disk, kkt, readouts, problem
        self.stationarity, self.legend = stationarity, legend
        self.centre = VGroup(centre, centre_label)

    def show_shrinking(self):
        axes = Axes(x_range=(*MU_AXIS, 1), y_range=(DUAL_FLOOR, 0.5, 1), x_length=5.0,
                    y_length=2.5, axis_config={"color": MUTED, "include_tip": False,
                                               "font_size": SMALL_SIZE},
                    x_axis_config={"numbers_to_include": [1, 2, 3, 4, 5]},
                    y_axis_config={"numbers_to_include": [-2, -1]})
        axes.move_to([3.7, -2.35, 0])
        mu_label = MathTex(r"\mu", font_size=LABEL_SIZE).next_to(axes.x_axis.get_right(), UR,
                                                                  buff=0.1)

        def curve_points(values):
            keep = values >= DUAL_FLOOR
            return [axes.c2p(m, v) for m, v in zip(MU_SAMPLES[keep], values[keep])]

        def dual_curve():
            k = self.radius_index()
            curve = VMobject(stroke_color=DUAL_COLOR, stroke_width=4)
            curve.set_points_as_corners(curve_points(BALL_CURVES[k] if k < len(BALLS)
                                                     else POINT_CURVE))
            b = self.ball()
            line = DashedLine(axes.c2p(0, b.p_star), axes.c2p(MU_AXIS[1], b.p_star), color=PRIMAL,
                              stroke_width=2)
            group = VGroup(line, curve)
            if b.mu_star <= MU_AXIS[1]:
                group.add(Dot(axes.c2p(b.mu_star, b.p_star), radius=0.08, color=ACCENT))
            return group
        dual = always_redraw(dual_curve)
        names = VGroup(MathTex(r"g(\mu)", font_size=SMALL_SIZE, color=DUAL_COLOR),
                       MathTex(r"p^*", font_size=SMALL_SIZE, color=PRIMAL))
        names.arrange(RIGHT, buff=0.4).next_to(axes, UP, buff=0.1).align_to(axes, RIGHT)
        formula = MathTex(r"g(\mu) = -\frac{\|c\|^2}{4\mu} - \mu r", font_size=LABEL_SIZE,
                          color=DUAL_COLOR)
        formula.next_to(axes, LEFT, buff=0.3).shift(0.3 * UP)
        with self.beat("Its dual function, minus the squared length of c over four mu, minus mu "
                       "r, peaks at mu star, and the peak touches the dashed line at p star: "
                       "zero gap."):
            self.play(Create(axes), FadeIn(mu_label), FadeIn(names))
            self.play(Write(formula))
            self.play(Create(dual), run_time=1.5)
        self.add(dual)
        with self.beat("Now shrink the disk. The rim moves in, so grad g, two x star, gets "
                       "shorter, and mu must grow to balance the same minus grad f. The peak "
                       "of the dual slides to the right."):
            self.play(self.s.animate.set_value(len(BALLS) - 1), run_time=6, rate_func=linear)
        self.axes, self.dual, self.dual_formula = axes, dual, formula
        self.dual_names = VGroup(mu_label, names)

    def show_failure(self):
        for row in self.readouts:
            row[1].clear_updaters()
        zero = VGroup(MathTex(rf"r = {fmt(POINT.r, 0)}", font_size=LABEL_SIZE),
                      MathTex(rf"p^* = {fmt(POINT.p_star, 0)}", font_size=LABEL_SIZE),
                      MathTex(r"\mu^* \text{ does not exist}", font_size=LABEL_SIZE, color=J_HAT))
        for new, old in zip(zero, self.readouts):
            new.move_to(old, aligned_edge=LEFT)
        fails = Tex(r"no strictly feasible point: Slater fails", font_size=LABEL_SIZE, color=J_HAT)
        fails.next_to(self.readouts, DOWN, buff=0.3)
        centre_cross = Cross(self.centre[0], stroke_color=J_HAT, stroke_width=4, scale_factor=2.5)
        with self.beat("At r equal to zero the disk is a single point. Nothing is strictly "
                       "inside, so Slater fails. There grad g is zero, and no multiplier can "
                       "balance minus grad f: the KKT conditions have no solution."):
            self.play(FadeOut(self.centre[1]))
            self.s.set_value(len(BALLS))
            self.play(FadeOut(self.readouts), FadeIn(zero))
            self.play(Create(centre_cross), FadeIn(fails, shift=0.1 * UP))
        with self.beat(f"The dual curve, minus one over four mu, creeps up toward p star, zero, "
                       f"but no mu reaches it: at mu equal to {spoken(MU_AXIS[1], 0)} it is "
                       f"still {spoken(POINT.dual(MU_AXIS[1]), 3)}. In other problems without a "
                       "strictly feasible point a real gap stays open."):
            self.play(ShowPassingFlash(self.dual[1].copy().set_stroke(color=ACCENT, width=8),
                                       time_width=0.5), run_time=2)
            self.play(Indicate(self.dual[0], color=ACCENT))
        self.dual.clear_updaters()
        self.kkt.clear_updaters()
        self.disk.clear_updaters()
        with self.beat("So the rule to remember: convex, plus a strictly feasible point, gives "
                       "strong duality and KKT multipliers. The support vector machine passes "
                       "that test, and its dual is where kernels come from."):
            self.play(Circumscribe(self.statement, color=ACCENT))
            self.play(FadeOut(VGroup(self.plane, self.disk, self.kkt, self.legend, self.centre[0],
                                     centre_cross, self.problem, self.stationarity, zero, fails, self.axes, self.dual,
                                     self.dual_formula, self.dual_names)))
            self.play(FadeOut(self.statement))


# =========================================================================== scene 5

# The hard-margin SVM and its dual: alpha_i > 0 only on the support vectors.
SVM_X = np.array([[1.0, 1.0], [2.0, 3.0], [0.5, 2.5], [0.2, 0.5],
                  [3.0, 0.5], [4.0, 2.0], [3.5, -0.5], [4.5, 1.0]])  # (8, 2)
SVM_Y = np.array([-1.0, -1.0, -1.0, -1.0, 1.0, 1.0, 1.0, 1.0])  # (8,)
SVM = optim.hard_margin_svm(SVM_X, SVM_Y)  # mu: the KKT multipliers = the dual's alphas
ALPHA = SVM.mu  # (8,)
GRAM = SVM_X @ SVM_X.T  # (8, 8) inner products: all the dual sees of the data
DUAL_VALUE = convex.svm_dual_objective(ALPHA, GRAM, SVM_Y)
PRIMAL_VALUE = float(0.5 * SVM.w @ SVM.w)
W_PARTS = (ALPHA * SVM_Y)[:, None] * SVM_X  # (8, 2) alpha_i y_i x_i: zero off the support
W_FROM_DUAL = W_PARTS.sum(axis=0)  # (2,) = SVM.w
SVM_PLANE = dict(x_range=(-0.6, 5.0, 1), y_range=(-1.0, 3.6, 1), unit=1.0,
                 center=np.array([-6.0, -2.2, 0.0]))
SVM_DUAL_BRIDGE = Bridge(
    formula=r"\mathbf{w} = \sum_i \alpha_i\, y_i\, \mathbf{x}_i",
    setup=("X = np.array([[1.0, 1.0], [2.0, 3.0], [0.5, 2.5],\n"
           "              [0.2, 0.5], [3.0, 0.5], [4.0, 2.0],\n"
           "              [3.5, -0.5], [4.5, 1.0]])\n"
           "y = np.array([-1.0] * 4 + [1.0] * 4)"),
    mathcore=Snippet("s = optim.hard_margin_svm(X, y)\n"
                     "(s.mu * y) @ X"),
    library=Snippet("from sklearn.svm import SVC\n"
                    "svc = SVC(kernel='linear', C=1e6)\n"
                    "svc.fit(X, y)\n"
                    "svc.dual_coef_[0] @ svc.support_vectors_", needs="sklearn"),
    decimals=2,
)
SUPPORT = [int(i) for i in SVM.support]


class SvmDual(NarratedScene):
    """The SVM's dual: maximise over alpha; w = sum alpha_i y_i x_i; only inner products."""

    def construct(self):
        # Step 1: the data and the primal problem.
        self.show_primal()
        # Step 2: the Lagrangian, its two stationarity conditions, and the dual.
        self.show_derivation()
        # Step 3: the solution: alpha > 0 on the support vectors; w built from them.
        self.show_alphas()
        # Step 4: the dual's value equals the primal's: strong duality.
        self.show_values()
        # Step 5: only inner products: the kernel trick.
        self.show_kernel()
        # Step 6: formula -> code -> library.
        self.show_code()

    def band(self, level: float, **style) -> Line:
        box = (SVM_PLANE["x_range"][:2], SVM_PLANE["y_range"][:2])
        return Line(*(self.plane.c2p(*p) for p in clip_line(SVM.w, level - SVM.b, box)), **style)

    def show_primal(self):
        self.plane = get_plane(**SVM_PLANE).set_stroke(opacity=0.35)
        colors = {-1.0: OPTIMIZER_COLORS["adam"], 1.0: OPTIMIZER_COLORS["momentum"]}
        self.dots = VGroup(*(Dot(self.plane.c2p(*x), radius=0.09, color=colors[label])
                             for x, label in zip(SVM_X, SVM_Y)))
        primal = MathTex(r"\min_{\mathbf{w}, b}\; \tfrac12 \|\mathbf{w}\|^2 \quad \text{s.t.}\quad "
                         r"y_i(\mathbf{w}^T\mathbf{x}_i + b) \ge 1", font_size=LABEL_SIZE)
        primal.to_edge(UP, buff=EDGE_BUFF).set_x(2.6)
        with self.beat("Here is that machine learning payoff. The hard-margin support vector "
                       "machine: the widest band between two classes, written as a convex "
                       "problem with one inequality per point."):
            self.add(self.plane)
            self.play(LaggedStart(*(FadeIn(d, scale=2) for d in self.dots), lag_ratio=0.1))
            self.play(Write(primal), run_time=2)
        with self.beat("Slater holds: scale up any separating line and every point clears the "
                       "margin strictly. So the dual has the same optimum. Lesson six read the "
                       "support vectors off the multipliers; now we solve for the multipliers "
                       "themselves, called alpha."):
            self.play(Indicate(primal, color=ACCENT))
            self.play(LaggedStart(*(Indicate(d, scale_factor=1.5) for d in self.dots),
                                  lag_ratio=0.1), run_time=2)
        self.primal = primal

    def show_derivation(self):
        lagrangian = MathTex(r"L = \tfrac12 \|\mathbf{w}\|^2 + \sum_i \alpha_i \big(1 - "
                             r"y_i(\mathbf{w}^T\mathbf{x}_i + b)\big)", font_size=LABEL_SIZE)
        d_w = MathTex(r"\partial_{\mathbf{w}} L = 0:\quad", r"\mathbf{w} = \sum_i \alpha_i y_i "
                      r"\mathbf{x}_i", font_size=LABEL_SIZE)
        d_b = MathTex(r"\partial_b L = 0:\quad", r"\sum_i \alpha_i y_i = 0", font_size=LABEL_SIZE)
        d_w[1].set_color(ACCENT)
        steps = VGroup(lagrangian, d_w, d_b).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        steps.next_to(self.primal, DOWN, buff=0.4).set_x(2.6)
        dual = MathTex(r"\max_{\alpha \ge 0}\; \sum_i \alpha_i - \tfrac12 \sum_{i,j} \alpha_i "
                       r"\alpha_j y_i y_j\,", r"\mathbf{x}_i^T \mathbf{x}_j", font_size=LABEL_SIZE,
                       color=DUAL_COLOR)
        dual.next_to(steps, DOWN, buff=0.45).set_x(2.6)
        with self.beat("Its Lagrangian: half the squared length of w, plus alpha i times how "
                       "far each point falls short of its margin."):
            self.play(Write(lagrangian), run_time=2)
        with self.beat("Set its gradient in w to zero: w is a sum of alpha i y i x i. Its "
                       "gradient in b gives the sum of alpha i y i equal to zero."):
            self.play(FadeIn(d_w, shift=0.1 * DOWN))
            self.play(Circumscribe(d_w[1], color=ACCENT))
            self.play(FadeIn(d_b, shift=0.1 * DOWN))
        with self.beat("Substitute them back, and w and b disappear. What is left is the dual: "
                       "maximise the sum of the alphas minus half a double sum, over alphas "
                       "at least zero."):
            self.play(Write(dual), run_time=2.5)
            self.play(Indicate(dual, color=DUAL_COLOR, scale_factor=1.05))
        self.steps, self.dual = steps, dual

    def show_alphas(self):
        boundary = self.band(0.0, color=TEXT, stroke_width=4)
        edges = VGroup(*(DashedLine(*self.band(level).get_start_and_end(), color=MUTED,
                                    stroke_width=3) for level in (-1.0, 1.0)))
        labels = VGroup()
        for i in SUPPORT:
            side = LEFT if SVM_Y[i] < 0 else RIGHT
            labels.add(MathTex(rf"\alpha = {fmt(ALPHA[i])}", font_size=SMALL_SIZE, color=ACCENT)
                       .next_to(self.dots[i], side, buff=0.15))
        rings = VGroup(*(Circle(radius=0.2, color=ACCENT, stroke_width=4).move_to(self.dots[i])
                         for i in SUPPORT))
        others = VGroup(*(d for i, d in enumerate(self.dots) if i not in SUPPORT))
        with self.beat(f"Solved, only {len(SUPPORT)} alphas are above zero: the support vectors, "
                       f"on the edges of the band. The other {len(SVM_X) - len(SUPPORT)} points "
                       "have alpha exactly zero."):
            self.play(Create(boundary), Create(edges))
            self.play(LaggedStart(*(Create(r) for r in rings), lag_ratio=0.3),
                      others.animate.set_opacity(0.35))
            self.play(LaggedStart(*(FadeIn(l) for l in labels), lag_ratio=0.3))
        origin = np.zeros(2)
        parts = VGroup()
        for i in SUPPORT:
            parts.add(Arrow(self.plane.c2p(*origin), self.plane.c2p(*(origin + W_PARTS[i])),
                            buff=0, color=ACCENT, stroke_width=4,
                            max_tip_length_to_length_ratio=0.3))
            origin = origin + W_PARTS[i]
        w_arrow = Arrow(self.plane.c2p(0, 0), self.plane.c2p(*W_FROM_DUAL), buff=0, color=TEXT,
                        stroke_width=6, max_tip_length_to_length_ratio=0.25)
        w_label = MathTex(rf"= ({fmt(SVM.w[0])}, {fmt(SVM.w[1])})", font_size=LABEL_SIZE,
                          color=ACCENT).next_to(self.steps[1], RIGHT, buff=0.2)
        with self.beat("W is built from the support vectors alone: alpha times y times x for "
                       "each, laid tip to tail from the origin, lands exactly on w, the normal "
                       "of the band."):
            self.play(Circumscribe(self.steps[1][1], color=ACCENT))
            self.play(LaggedStart(*(GrowArrow(p) for p in parts), lag_ratio=0.8), run_time=3)
            self.play(GrowArrow(w_arrow), FadeIn(w_label))
        self.picture = VGroup(boundary, edges, labels, rings, parts, w_arrow, w_label)

    def show_values(self):
        values = MathTex(r"D(\alpha) =", rf"{fmt(DUAL_VALUE, 3)}", r"\;=\;",
                         rf"\tfrac12 \|\mathbf{{w}}\|^2 = {fmt(PRIMAL_VALUE, 3)}",
                         font_size=LABEL_SIZE)
        values[0:2].set_color(DUAL_COLOR)
        values.next_to(self.dual, DOWN, buff=0.4).set_x(2.6)
        with self.beat(f"And the value: the dual objective at these alphas is "
                       f"{spoken(DUAL_VALUE, 3)}, the same as half the squared length of w. "
                       "Strong duality, as Slater promised."):
            self.play(FadeIn(values[:2], shift=0.1 * UP))
            self.play(FadeIn(values[2:], shift=0.1 * UP))
            self.play(Circumscribe(values, color=ACCENT))
        self.values = values

    def show_kernel(self):
        gram = self.dual[1]
        kernel = MathTex(r"\mathbf{x}_i^T \mathbf{x}_j \;\to\; k(\mathbf{x}_i, \mathbf{x}_j) = "
                         r"e^{-\gamma \|\mathbf{x}_i - \mathbf{x}_j\|^2}", font_size=LABEL_SIZE,
                         color=ACCENT)
        kernel.next_to(self.values, DOWN, buff=0.4).set_x(2.6)
        with self.beat("Now look at what the dual needs from the data: only the inner products "
                       "x i transpose x j, the Gram matrix. Not the coordinates themselves."):
            self.play(Circumscribe(gram, color=ACCENT))
            self.play(gram.animate.set_color(ACCENT))
        with self.beat("Replace them by a kernel, for example a Gaussian of the distance, and the "
                       "same dual draws curved boundaries in a feature space it never builds. "
                       "That is the kernel trick behind SVC with kernel r b f."):
            self.play(FadeIn(kernel, shift=0.2 * DOWN), run_time=1.5)
            self.play(Indicate(kernel, color=ACCENT))
        self.play(FadeOut(VGroup(self.plane, self.dots, self.picture, self.primal, self.steps,
                                 self.dual, self.values, kernel)), run_time=0.6)

    def show_code(self):
        show_bridge(self, SVM_DUAL_BRIDGE, (
            "In code, the stationarity condition that builds w from the alphas.",
            "Mathcore's SVM returns its multipliers, which are the alphas; alpha times y, "
            "times X, gives w.",
            "Scikit-learn's SVC keeps alpha times y for the support vectors only, in dual "
            "coef, and the same product gives the same w.",
        ))


# =========================================================================== scene 6

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
        with self.beat("Duality turned constraints into prices. The last tool handles a penalty "
                       "with a kink, the L1 norm, where a gradient step alone cannot land on "
                       "zero. A proximal operator takes a point x and finds the nearest z that "
                       "also keeps a penalty h small."):
            self.play(Write(prox), run_time=2)
            self.play(Circumscribe(prox, color=SHRINK), run_time=1.5)  # near x, and h small
            self.play(Indicate(prox, color=SHRINK, scale_factor=1.05))
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


# =========================================================================== try it

class Lesson14TryIt(TryItScene):
    lesson = 14
