"""Lesson 05 — Multivariate calculus.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed once, here at the top, by
``mathcore.calculus`` (central differences); the scenes only draw and format.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DEGREES, DOWN, LEFT, RIGHT, UL, UP, UR, Axes, Circumscribe, Create, DashedLine, Dot, Dot3D, FadeIn,
    FadeOut, GrowArrow, Indicate, Line, MathTex, ParametricFunction, Polygon, Surface,
    ThreeDAxes, ThreeDScene, ValueTracker, VGroup, VMobject, Write, always_redraw, linear, there_and_back,
)

from mathcore import calculus
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_beats import show_bridge
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, CONTOUR_HIGH, CONTOUR_LOW, EDGE_BUFF, FAINT, GRADIENT, I_HAT, J_HAT,
    LABEL_SIZE, MUTED, SMALL_SIZE, TEXT, VECTOR,
)
from scenekit.widgets import (
    format_number, get_arrow, get_colored_tex, get_contour_lines, get_panel, get_plane,
)

# --------------------------------------------------------------------------- the hill
PEAK = 3.0


def hill(p) -> float:
    """f(x, y) = 3 exp(-(x^2 + 2 y^2) / 6): a smooth hill with its top at the origin."""
    x, y = np.asarray(p, dtype=float)[..., 0], np.asarray(p, dtype=float)[..., 1]
    return PEAK * np.exp(-(x ** 2 + 2 * y ** 2) / 6)


P0 = np.array([1.0, 0.5])  # the point we study
F0 = float(hill(P0))
GRAD = calculus.gradient(hill, P0)  # (2,) (df/dx, df/dy)
GRAD_NORM = float(np.linalg.norm(GRAD))
GRAD_ANGLE = float(np.arctan2(GRAD[1], GRAD[0]) % (2 * np.pi))  # in [0, 2 pi)

# Slices through P0: along x (y fixed) and along y (x fixed).
SLICE_T = np.linspace(-3.0, 3.0, 121)
SLICE_X = np.array([hill((t, P0[1])) for t in SLICE_T])  # f(t, y0)
SLICE_Y = np.array([hill((P0[0], t)) for t in SLICE_T])  # f(x0, t)

# Directional derivatives at P0 for unit vectors at every whole degree.
ANGLES = np.radians(np.arange(0, 361))
DIRECTIONAL = np.array([calculus.directional_derivative(hill, P0, (np.cos(a), np.sin(a)))
                        for a in ANGLES])  # (361,)
SAMPLE_DEGREES = 120  # a downhill direction shown before the sweep
SAMPLE_ANGLE = np.radians(SAMPLE_DEGREES)
STEP_SHOWN = 1.1  # the drawn length of u, and of the step split into its x and y parts
SAMPLE_DERIVATIVE = float(calculus.directional_derivative(
    hill, P0, (np.cos(SAMPLE_ANGLE), np.sin(SAMPLE_ANGLE))))

# Taylor polynomials at P0, compared along the line P0 + t u.
T1 = calculus.taylor_approx(hill, P0, order=1)
T2 = calculus.taylor_approx(hill, P0, order=2)
HESSIAN = T2.hessian  # (2, 2)
LINE_DIRECTION = -P0 / np.linalg.norm(P0)  # straight over the top and beyond
LINE_T = np.linspace(-1.2, 4.2, 109)
LINE_POINTS = P0 + LINE_T[:, None] * LINE_DIRECTION  # (k, 2)
LINE_F = hill(LINE_POINTS)  # (k,)
LINE_T1 = T1(LINE_POINTS)  # (k,)
LINE_T2 = T2(LINE_POINTS)  # (k,)
NEAR_T = 0.3  # "near": the errors quoted at this distance
NEAR_POINT = P0 + NEAR_T * LINE_DIRECTION
NEAR_ERRORS = (abs(float(hill(NEAR_POINT)) - T1(NEAR_POINT)),
               abs(float(hill(NEAR_POINT)) - T2(NEAR_POINT)))
FAR_T = 2.5  # "far away": past the top, where both polynomials have left the hill

# Contour grid.
GRID = np.linspace(-3.2, 3.2, 129)
GRID_Z = hill(np.stack(np.meshgrid(GRID, GRID), axis=-1))  # (len(y), len(x))
LEVELS = [0.25, 0.5, 0.9, 1.4, 1.9, 2.4, 2.8]

# Formula -> code -> library, with the hill and the point of the scenes.
HILL_SETUP = ("f = lambda v: 3 * np.exp(-(v[0]**2 + 2 * v[1]**2) / 6)\n"
              "p = np.array([1.0, 0.5])")
GRADIENT_BRIDGE = Bridge(
    formula=r"\nabla f = \left( \frac{\partial f}{\partial x},\, \frac{\partial f}{\partial y} \right)",
    setup=HILL_SETUP,
    mathcore=Snippet("calculus.gradient(f, p)"),
    library=Snippet("from scipy.optimize import approx_fprime\n"
                    "approx_fprime(p, f, 1e-7)", needs="scipy"),
    decimals=3,
)
DIRECTIONAL_BRIDGE = Bridge(
    formula=r"D_{\mathbf{u}} f = \nabla f \cdot \mathbf{u}",
    setup=HILL_SETUP + f"\na = np.radians({SAMPLE_DEGREES})\nu = np.array([np.cos(a), np.sin(a)])",
    mathcore=Snippet("calculus.directional_derivative(f, p, u)"),
    library=Snippet("from scipy.optimize import approx_fprime\n"
                    "approx_fprime(p, f, 1e-7) @ u", needs="scipy"),
    decimals=3,
)
HESSIAN_BRIDGE = Bridge(
    formula=r"H_{ij} = \frac{\partial^2 f}{\partial x_i\, \partial x_j}",
    setup=HILL_SETUP,
    mathcore=Snippet("calculus.hessian(f, p)"),
    # by hand: f = 3 exp(-(s1 x^2 + s2 y^2) / 2), so H = f (g g^T - diag(s)), g = -s * p
    library=Snippet("s = np.array([1, 2]) / 3\n"
                    "g = -s * p\n"
                    "H = np.outer(g, g) - np.diag(s)\n"
                    "f(p) * H"),
    decimals=2,
)

TEX_MAP = {r"\nabla f": GRADIENT, r"\partial x": I_HAT, r"\partial y": J_HAT,
           r"\mathbf{u}": VECTOR, r"D_{\mathbf{u}}": VECTOR}
T1_COLOR, T2_COLOR = ACCENT, VECTOR


# The hill in 3-D: a 24 x 24 surface, seen from the front left, then from straight above.
SURFACE_RESOLUTION = 24
CAMERA_PHI, CAMERA_THETA = 62 * DEGREES, -115 * DEGREES
# Shifts the 3-D hill 2.6 units to the left of the screen (screen right is the floor's
# direction at angle theta + 90 degrees), leaving the right for flat slices and a map.
HILL_SHIFT = -2.6 * np.array([np.cos(CAMERA_THETA + np.pi / 2), np.sin(CAMERA_THETA + np.pi / 2), 0])
CUT_LEVEL = 4  # LEVELS[4]: the horizontal plane's height
MAP_CENTER = (4.6, -0.4, 0)  # the small flat map beside the surface


def get_hill_map(center=(-3.6, -0.3, 0), unit: float = 1.05):
    """The hill seen from above: faint plane, contour lines, the point P0."""
    plane = get_plane(x_range=(-3.2, 3.2, 1), y_range=(-3.2, 3.2, 1), unit=unit)
    plane.move_to(center).set_stroke(color=FAINT, opacity=0.35, width=1)
    contours = get_contour_lines(plane, GRID, GRID, GRID_Z, LEVELS,
                                 colors=(CONTOUR_LOW, CONTOUR_HIGH))
    point = Dot(plane.c2p(*P0), radius=0.07, color=TEXT)
    return plane, contours, point


def parts_by_tex(tex: MathTex, string: str) -> VGroup:
    """Every occurrence of an isolated substring ``string`` of ``tex``."""
    return VGroup(*(tex.id_to_vgroup_dict[key] for text, key in tex.matched_strings_and_ids
                    if text == string))


def clear_screen(scene) -> None:
    """Fade out everything on screen (frozen first: a redrawn mobject would not fade)."""
    shown = VGroup(*(m for m in scene.mobjects if isinstance(m, VMobject)))
    for mob in shown.get_family():
        mob.clear_updaters()
    scene.play(FadeOut(shown))
    scene.remove(*scene.mobjects)


def get_slice_axes(y_label: str, color) -> Axes:
    axes = Axes(x_range=(-3, 3, 1), y_range=(0, 3.2, 1), x_length=4.6, y_length=2.3,
                axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
                x_axis_config={"numbers_to_include": [-2, 0, 2]},
                y_axis_config={"numbers_to_include": [1, 2, 3]})
    axes.x_axis.set_color(color)
    return axes


# =========================================================================== scene 0

def get_hill_axes() -> ThreeDAxes:
    """Floor (x, y) from -3 to 3 and height f from 0 to 3.2, in the course's muted colour."""
    axes = ThreeDAxes(x_range=(-3, 3, 1), y_range=(-3, 3, 1), z_range=(0, 3.2, 1),
                      x_length=6, y_length=6, z_length=3.2,
                      axis_config={"color": MUTED, "include_tip": False, "stroke_width": 2})
    axes.layout_exempt = True  # drawn in 3-D: the layout check sees only flat coordinates
    return axes


def get_hill_surface(axes: ThreeDAxes) -> Surface:
    """The graph z = f(x, y) over the floor, 24 x 24 patches, coloured by height."""
    surface = Surface(lambda u, v: axes.c2p(u, v, float(hill((u, v)))), u_range=(-3.2, 3.2),
                      v_range=(-3.2, 3.2), resolution=(SURFACE_RESOLUTION, SURFACE_RESOLUTION),
                      fill_opacity=0.7, stroke_width=0.4, stroke_color=FAINT)
    surface.set_fill_by_value(axes=axes, colorscale=[(CONTOUR_LOW, 0.0), (CONTOUR_HIGH, PEAK)],
                              axis=2)
    surface.layout_exempt = True
    return surface


def get_lifted_contours(axes: ThreeDAxes) -> VGroup:
    """The contour lines of the flat map, each lifted to its own height on the surface."""
    from contourpy import contour_generator
    from manim import color_gradient
    generator = contour_generator(GRID, GRID, GRID_Z)
    palette = color_gradient([CONTOUR_LOW, CONTOUR_HIGH], len(LEVELS))
    loops = VGroup()  # one group per level (a low level is cut in two by the floor's edge)
    for level, color in zip(LEVELS, palette):
        pieces = VGroup()
        for line in generator.lines(level):
            piece = VMobject(stroke_color=color, stroke_width=3)
            piece.set_points_as_corners([axes.c2p(x, y, level) for x, y in line])
            pieces.add(piece)
        loops.add(pieces)
    loops.layout_exempt = True
    return loops


def get_map_by_level(plane) -> VGroup:
    """The flat map's contour lines, one group per level, coloured as in get_hill_map."""
    from manim import color_gradient
    palette = color_gradient([CONTOUR_LOW, CONTOUR_HIGH], len(LEVELS))
    return VGroup(*(get_contour_lines(plane, GRID, GRID, GRID_Z, [level], colors=(color, color))
                    for level, color in zip(LEVELS, palette)))


class HillInThreeD(NarratedScene, ThreeDScene):
    """The graph of f(x, y) as a surface; vertical planes cut slices, horizontal planes
    cut contour lines; seen from straight above it is the contour map."""

    def construct(self):
        # Step 1: the surface z = f(x, y) and why a programmer meets one.
        self.show_surface()
        # Step 2: vertical planes cut the surface along slices, drawn flat beside it.
        self.show_vertical_cut("x")
        self.show_vertical_cut("y")
        # Step 3: a horizontal plane cuts a contour line, drawn on the flat map beside it.
        self.show_horizontal_cut()
        # Step 4: all the contour lines, seen from straight above: the contour map.
        self.show_map_from_above()

    def show_surface(self):
        self.set_camera_orientation(phi=CAMERA_PHI, theta=CAMERA_THETA, zoom=0.8)
        self.axes = axes = get_hill_axes().shift(HILL_SHIFT)
        self.surface = get_hill_surface(axes)
        formula = get_colored_tex(r"z = f(x, y) = 3\, e^{-(x^2 + 2y^2)/6}", TEX_MAP,
                                  font_size=LABEL_SIZE)
        formula.to_corner(UL, buff=EDGE_BUFF)
        self.add_fixed_in_frame_mobjects(formula)
        self.remove(formula)
        names = VGroup(*(MathTex(name, font_size=LABEL_SIZE, color=MUTED).move_to(axes.c2p(*end))
                         for name, end in (("x", (3.4, 0, 0)), ("y", (0, 3.4, 0)),
                                           ("z", (0, 0, 3.6)))))
        names.layout_exempt = True
        self.add_fixed_orientation_mobjects(*names)
        self.remove(*names)
        with self.beat("Before we measure any slope, look at the whole function. Above each "
                       "point x, y of the floor we draw the height f of x and y, and the "
                       "heights make a surface: a smooth hill."):
            self.play(Create(axes), FadeIn(names), run_time=1.5)
            self.play(Create(self.surface), run_time=3)
            self.play(Write(formula))
        with self.beat("Every loss function of two weights is such a landscape: the floor "
                       "holds the weights, the height is the loss, and training walks across "
                       "it. Our hill is upside down, but the tools are the same."):
            self.move_camera(theta=CAMERA_THETA + 40 * DEGREES, run_time=4)
            self.move_camera(theta=CAMERA_THETA, run_time=3)
        self.formula, self.names = formula, names

    def show_vertical_cut(self, axis: str):
        axes = self.axes
        along_x = axis == "x"
        color = I_HAT if along_x else J_HAT
        x0, y0 = P0
        if along_x:
            corners = [(-3, y0, 0), (3, y0, 0), (3, y0, 3.2), (-3, y0, 3.2)]
            curve = ParametricFunction(lambda t: axes.c2p(t, y0, float(hill((t, y0)))),
                                       t_range=(-3, 3), color=color, stroke_width=5)
        else:
            corners = [(x0, -3, 0), (x0, 3, 0), (x0, 3, 3.2), (x0, -3, 3.2)]
            curve = ParametricFunction(lambda t: axes.c2p(x0, t, float(hill((x0, t)))),
                                       t_range=(-3, 3), color=color, stroke_width=5)
        plane = Polygon(*(axes.c2p(*c) for c in corners), stroke_color=color, stroke_width=1,
                        fill_color=color, fill_opacity=0.25)
        curve.layout_exempt = plane.layout_exempt = True
        flat = get_slice_axes("f", color).scale(0.8)
        flat.to_edge(RIGHT, buff=0.5)
        flat.to_edge(UP, buff=1.2) if along_x else flat.to_edge(DOWN, buff=0.7)
        graph = flat.plot_line_graph(SLICE_T, SLICE_X if along_x else SLICE_Y, line_color=color,
                                     add_vertex_dots=False, stroke_width=3)
        name = get_colored_tex(rf"f(x,\, {format_number(y0, 1)})" if along_x else
                               rf"f({format_number(x0, 1)},\, y)", TEX_MAP, font_size=SMALL_SIZE)
        name.set_color(color).next_to(flat, UP, buff=0.05).align_to(flat, LEFT)
        flat_dot = Dot(flat.c2p(x0 if along_x else y0, F0), radius=0.06, color=TEXT)
        self.add_fixed_in_frame_mobjects(flat, graph, name, flat_dot)
        self.remove(flat, graph, name, flat_dot)
        if along_x:
            text = (f"Now cut the hill with a vertical plane, at y equals {format_number(y0, 1)}. "
                    "The plane meets the surface in a curve: the height as we walk along x "
                    "with y held fixed.")
            follow = ("Lay that curve flat and it is an ordinary function of one variable, a "
                      "slice. Its slope at our point will be the first partial derivative.")
        else:
            text = (f"Cut the other way, with the plane x equals {format_number(x0, 1)}, and "
                    "you get the slice along y.")
            follow = ("It is a narrower bump, because the hill falls off faster in y. Each "
                      "slice is a function of one variable, and its slope is a number we "
                      "already know how to find.")
        with self.beat(text):
            self.play(FadeIn(plane), run_time=1.5)
            self.play(Create(curve), run_time=2)
        point = Dot3D(axes.c2p(x0, y0, F0 + 0.05), radius=0.1, color=TEXT, resolution=(8, 8))
        point.layout_exempt = True
        with self.beat(follow):
            self.play(Create(flat), FadeIn(name), Create(graph), run_time=2)
            self.play(FadeIn(flat_dot, scale=2), *([FadeIn(point)] if along_x else []),
                      Indicate(curve, color=color))
        self.play(FadeOut(plane))
        if along_x:
            self.point = point
        setattr(self, f"cut_{axis}", VGroup(curve))
        setattr(self, f"flat_{axis}", VGroup(flat, graph, name, flat_dot))

    def show_horizontal_cut(self):
        axes = self.axes
        level = LEVELS[CUT_LEVEL]
        height = ValueTracker(0.0)
        square = [(-3, -3), (3, -3), (3, 3), (-3, 3)]

        def floor_plane():
            z = height.get_value()
            plane = Polygon(*(axes.c2p(x, y, z) for x, y in square), stroke_color=TEXT,
                            stroke_width=1, fill_color=TEXT, fill_opacity=0.2)
            plane.layout_exempt = True
            return plane

        plane = always_redraw(floor_plane)
        loops = get_lifted_contours(axes)
        cut_loop = loops[CUT_LEVEL]
        map_plane, _, _ = get_hill_map(center=MAP_CENTER, unit=0.55)
        contours = get_map_by_level(map_plane)
        map_loop = contours[CUT_LEVEL]
        self.add_fixed_in_frame_mobjects(map_plane, map_loop)
        self.remove(map_plane, map_loop)
        with self.beat("Cut it horizontally instead. Raise a flat plane to the height "
                       f"{format_number(level, 1)}: it meets the hill in a closed loop, and every "
                       "point of that loop has the same height."):
            self.play(FadeOut(self.flat_x), FadeOut(self.flat_y), FadeOut(self.cut_x),
                      FadeOut(self.cut_y))
            self.add(plane)
            self.play(height.animate.set_value(level), run_time=2.5)
            self.play(Create(cut_loop), run_time=2)
        with self.beat("That loop is a contour line. Drawn on the floor, from above, it is the "
                       "first line of a map."):
            self.play(FadeIn(map_plane), run_time=1)
            self.play(Create(map_loop), Indicate(cut_loop, color=TEXT), run_time=2)
        others = [i for i in range(len(loops)) if i != CUT_LEVEL]
        self.add_fixed_in_frame_mobjects(*(contours[i] for i in others))
        self.remove(*(contours[i] for i in others))
        with self.beat("Do the same at six more heights, and the hill is drawn as nested "
                       "loops, the highest and smallest in the middle, around the top."):
            self.play(FadeOut(plane))
            self.play(*(Create(loops[i]) for i in others), *(Create(contours[i]) for i in others),
                      run_time=3)
        self.loops, self.map_group = loops, VGroup(map_plane, contours)

    def show_map_from_above(self):
        with self.beat("Now look straight down on the surface. The heights disappear, the loops "
                       "stay, and the hill becomes its contour map: the flat picture the rest "
                       "of this lesson works on."):
            self.play(FadeOut(self.map_group))
            hill_3d = VGroup(self.axes, self.names, self.surface, self.loops, self.point)
            self.move_camera(phi=0, theta=-90 * DEGREES, zoom=1.0, run_time=4,
                             added_anims=[hill_3d.animate.shift(-HILL_SHIFT)])
            self.play(self.surface.animate.set_fill(opacity=0.15), run_time=1.5)


# =========================================================================== scene 1

class PartialDerivativesOnAHill(NarratedScene):
    """A partial derivative is the slope of one slice; together they make the gradient."""

    def construct(self):
        # Step 1: the hill from above, and the point we study.
        self.show_hill()
        # Step 2: slice along x; its slope is df/dx.
        self.show_slice("x")
        # Step 3: slice along y; its slope is df/dy.
        self.show_slice("y")
        # Step 4: the two slopes side by side are the gradient, drawn as an arrow.
        self.show_gradient()

    def show_hill(self):
        self.plane, contours, self.point = get_hill_map()
        formula = get_colored_tex(r"f(x, y) = 3\, e^{-(x^2 + 2y^2)/6}", TEX_MAP, font_size=LABEL_SIZE)
        formula.to_corner(UL, buff=EDGE_BUFF)
        with self.beat("Here is the hill again as its contour map, seen from above: each "
                       "contour line joins points of equal height, and the top is in the "
                       "middle."):
            self.add(self.plane)
            self.play(Create(contours), run_time=2.5)
            self.play(Write(formula))
            self.wait(1)
        label = get_colored_tex(rf"({format_number(P0[0], 1)},\, {format_number(P0[1], 1)})", TEX_MAP,
                                font_size=SMALL_SIZE)
        label.next_to(self.point, DR_OFFSET, buff=0.1)
        east = get_arrow(self.point.get_center(), self.plane.c2p(*(P0 + (0.9, 0))), I_HAT)
        north = get_arrow(self.point.get_center(), self.plane.c2p(*(P0 + (0, 0.9))), J_HAT)
        with self.beat(f"Stand at the point {format_number(P0[0], 1)}, {format_number(P0[1], 1)}. How "
                       "steep is the ground here? In two dimensions the answer depends on the "
                       "direction: east along x, or north along y."):
            self.play(FadeIn(self.point, scale=2), FadeIn(label))
            self.play(GrowArrow(east))
            self.play(GrowArrow(north))
            self.play(FadeOut(east), FadeOut(north))
        self.formula, self.point_label = formula, label

    def show_slice(self, axis: str):
        plane = self.plane
        along_x = axis == "x"
        color = I_HAT if along_x else J_HAT
        if along_x:
            cut = Line(plane.c2p(-3.2, P0[1]), plane.c2p(3.2, P0[1]), color=color, stroke_width=3)
        else:
            cut = Line(plane.c2p(P0[0], -3.2), plane.c2p(P0[0], 3.2), color=color, stroke_width=3)
        axes = get_slice_axes("f", color)
        axes.to_edge(RIGHT, buff=0.6)
        axes.to_edge(UP, buff=0.9) if along_x else axes.to_edge(DOWN, buff=0.6)
        values = SLICE_X if along_x else SLICE_Y
        graph = axes.plot_line_graph(SLICE_T, values, line_color=color, add_vertex_dots=False,
                                     stroke_width=3)
        t0 = P0[0] if along_x else P0[1]
        slope = GRAD[0] if along_x else GRAD[1]
        tangent = Line(axes.c2p(t0 - 1.0, F0 - slope), axes.c2p(t0 + 1.0, F0 + slope),
                       color=GRADIENT, stroke_width=3)
        dot = Dot(axes.c2p(t0, F0), radius=0.06, color=TEXT)
        name = get_colored_tex(r"f(x,\, " + format_number(P0[1], 1) + ")" if along_x else
                               r"f(" + format_number(P0[0], 1) + r",\, y)",
                               TEX_MAP, font_size=SMALL_SIZE)
        name.set_color(color).next_to(axes, UP, buff=0.05).align_to(axes, LEFT)
        symbol = r"\frac{\partial f}{\partial x}" if along_x else r"\frac{\partial f}{\partial y}"
        value = get_colored_tex(symbol + " = " + format_number(slope), TEX_MAP, font_size=LABEL_SIZE)
        value.next_to(axes, LEFT, buff=0.15)
        spoken = "x" if along_x else "y"
        other = "y" if along_x else "x"
        with self.beat(f"Hold {other} fixed and walk along {spoken} only. That cuts a slice "
                       "through the hill, an ordinary curve of one variable."):
            self.play(Create(cut))
            self.play(Create(axes), FadeIn(name), Create(graph), run_time=2)
            self.play(FadeIn(dot))
        with self.beat(f"Its slope at our point is the partial derivative of f with respect to "
                       f"{spoken}: {format_number(slope)}."):
            self.play(Create(tangent))
            self.play(Write(value))
            self.wait(1)
        setattr(self, f"slice_{axis}", VGroup(cut, axes, graph, tangent, dot, name, value))

    def show_gradient(self):
        plane = self.plane
        tip = P0 + GRAD  # drawn at its true length, in plane units
        arrow = get_arrow(plane.c2p(*P0), plane.c2p(*tip), GRADIENT, stroke_width=5)
        formula = get_colored_tex(r"\nabla f = \left( \frac{\partial f}{\partial x},\, "
                                  r"\frac{\partial f}{\partial y} \right) = "
                                  rf"({format_number(GRAD[0])},\, "
                                  rf"{format_number(GRAD[1])})", TEX_MAP, font_size=LABEL_SIZE)
        formula.next_to(self.formula, DOWN, buff=0.25, aligned_edge=LEFT)
        panel = get_panel(formula, buff=0.1)
        with self.beat("Put the two partial derivatives side by side and you have the gradient, "
                       "nabla f, a vector."):
            self.play(FadeIn(panel, shift=0.1 * DOWN))
            self.wait(1)
        with self.beat("Drawn at the point, it crosses the contour line at a right angle and "
                       "points uphill, towards the top."):
            self.play(GrowArrow(arrow))
            self.play(Indicate(arrow, color=GRADIENT))
            self.wait(1)
        with self.beat("In a network with a million weights the gradient has a million "
                       "partial derivatives, one per weight, each the slope of its own slice. "
                       "Backpropagation computes them all at once."):
            self.play(FadeOut(self.slice_x), FadeOut(self.slice_y))
            # a colour pulse in place: grown by Indicate's 1.2 it ran off the left edge
            self.play(Indicate(formula, color=GRADIENT, scale_factor=1.0), run_time=2)
        # formula -> code -> library, then the question of the next scene
        clear_screen(self)
        show_bridge(self, GRADIENT_BRIDGE, (
            "Here is the gradient three ways. The formula: the partial derivatives, side by "
            "side.",
            "The mathcore line computes each one as the slope of a slice, by central "
            f"differences. Here both come out as {format_number(GRAD[0], 3)}.",
            "And SciPy's approx f prime gives the same numbers. It is the finite-difference "
            "gradient check people run against backpropagation when they write a layer by "
            "hand. But why does this arrow point uphill, and the steepest way up? That is "
            "the next scene."))


DR_OFFSET = np.array([1.0, -1.0, 0.0])


# =========================================================================== scene 2

class DirectionalDerivative(NarratedScene):
    """D_u f = grad f . u: largest along the gradient, zero along the contour."""

    def construct(self):
        # Step 1: the hill, the point and its gradient.
        self.show_setup()
        # Step 2: one direction u and the slope along it.
        self.show_one_direction()
        # Step 3: turn u all the way round; plot the slope against the angle.
        self.show_sweep()
        # Step 4: the maximum is along the gradient, the zeros along the contour.
        self.show_steepest_ascent()

    def show_setup(self):
        self.plane, contours, point = get_hill_map()
        plane = self.plane
        self.grad_arrow = get_arrow(plane.c2p(*P0), plane.c2p(*(P0 + 0.9 * GRAD)), GRADIENT,
                                    stroke_width=4)
        self.grad_arrow.set_opacity(0.5)
        with self.beat("Back on the hill, at the same point, with the gradient drawn faintly."):
            self.add(plane, contours, point)
            self.play(GrowArrow(self.grad_arrow))

    def get_direction_arrow(self, angle: ValueTracker):
        plane = self.plane
        return always_redraw(lambda: get_arrow(
            plane.c2p(*P0),
            plane.c2p(*(P0 + STEP_SHOWN * np.array([np.cos(angle.get_value()),
                                              np.sin(angle.get_value())]))),
            VECTOR, stroke_width=5))

    def show_one_direction(self):
        self.angle = ValueTracker(SAMPLE_ANGLE)
        self.u_arrow = self.get_direction_arrow(self.angle)
        formula = get_colored_tex(r"D_{\mathbf{u}} f = \nabla f \cdot \mathbf{u} = "
                                  r"\|\nabla f\| \cos\theta", TEX_MAP, font_size=LABEL_SIZE)
        formula.to_corner(UR, buff=EDGE_BUFF)
        value = get_colored_tex(rf"D_{{\mathbf{{u}}}} f = {format_number(SAMPLE_DERIVATIVE)}", TEX_MAP,
                                font_size=LABEL_SIZE)
        value.next_to(formula, DOWN, buff=0.25, aligned_edge=LEFT)
        with self.beat("Pick any unit direction u. The directional derivative is the slope of "
                       "the ground if you walk that way."):
            self.play(GrowArrow(self.u_arrow))
            self.play(FadeIn(value))
            self.wait(1)
        self.show_why_dot_product()
        with self.beat("So the slope along u is a dot product: the length of the gradient "
                       "times the cosine of the angle between them. Walking this way goes "
                       f"downhill, at slope {format_number(SAMPLE_DERIVATIVE)}."):
            self.play(Write(formula), run_time=2)
            self.play(Indicate(value, color=VECTOR))
        self.formula, self.sample_value = formula, value

    def show_why_dot_product(self):
        """A step along u is a step along x plus a step along y; each changes the height by
        its partial derivative times its length; divide by the step's length."""
        plane = self.plane
        u = np.array([np.cos(SAMPLE_ANGLE), np.sin(SAMPLE_ANGLE)])
        corner = P0 + (STEP_SHOWN * u[0], 0)
        leg_x = DashedLine(plane.c2p(*P0), plane.c2p(*corner), color=I_HAT, stroke_width=4)
        leg_y = DashedLine(plane.c2p(*corner), plane.c2p(*(P0 + STEP_SHOWN * u)), color=J_HAT,
                           stroke_width=4)
        leg_names = VGroup(
            MathTex(r"h u_1", font_size=SMALL_SIZE, color=I_HAT).next_to(leg_x, LEFT, buff=0.1),
            MathTex(r"h u_2", font_size=SMALL_SIZE, color=J_HAT).next_to(leg_y, LEFT, buff=0.1),
        )
        lines = VGroup(
            get_colored_tex(r"\Delta f \approx \frac{\partial f}{\partial x}\, h u_1 + "
                            r"\frac{\partial f}{\partial y}\, h u_2", TEX_MAP, font_size=LABEL_SIZE),
            get_colored_tex(r"D_{\mathbf{u}} f = \frac{\Delta f}{h} = \nabla f \cdot \mathbf{u}",
                            TEX_MAP, font_size=LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        lines.to_edge(RIGHT, buff=EDGE_BUFF).shift(0.6 * UP)
        with self.beat("Why a dot product? Take a small step of length h along u. It is a step "
                       "of h times u one along x, then h times u two along y."):
            self.play(Create(leg_x), FadeIn(leg_names[0]))
            self.play(Create(leg_y), FadeIn(leg_names[1]))
        with self.beat("Each part changes the height by its partial derivative times its "
                       "length. Add the two and divide by h: the slope along u is the gradient "
                       "dotted with u."):
            self.play(Write(lines[0]), run_time=2)
            self.play(Write(lines[1]), run_time=1.5)
            self.play(Circumscribe(lines[1], color=VECTOR))
        self.play(FadeOut(lines), FadeOut(leg_x), FadeOut(leg_y), FadeOut(leg_names))

    def show_sweep(self):
        axes = Axes(x_range=(0, 360, 90), y_range=(-1.25, 1.25, 0.5), x_length=5.6, y_length=3.2,
                    axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
                    x_axis_config={"numbers_to_include": [90, 180, 270, 360]},
                    y_axis_config={"numbers_to_include": [-1, -0.5, 0.5, 1],
                                   "decimal_number_config": {"num_decimal_places": 1}})
        axes.to_edge(RIGHT, buff=0.5).to_edge(DOWN, buff=0.8)
        x_label = get_colored_tex(r"\text{angle of } \mathbf{u}", TEX_MAP, font_size=SMALL_SIZE)
        x_label.next_to(axes.x_axis, DOWN, buff=0.45)
        degrees = np.degrees(ANGLES)
        start = int(round(np.degrees(SAMPLE_ANGLE)))
        order = np.r_[start:361, 0:start + 1]  # from the sample angle once round
        angle = self.angle

        def trace():
            k = int(np.clip(round(np.degrees(angle.get_value())) - start, 0, 360))
            idx = order[: k + 1]
            # split where the angle wraps from 360 to 0
            pieces = VGroup()
            for part in np.split(idx, np.where(np.diff(degrees[idx]) < 0)[0] + 1):
                if len(part) > 1:
                    pieces.add(axes.plot_line_graph(degrees[part], DIRECTIONAL[part],
                                                    line_color=VECTOR, add_vertex_dots=False,
                                                    stroke_width=3))
            return pieces

        def head():
            a = np.degrees(angle.get_value()) % 360
            k = int(round(a)) % 360
            return Dot(axes.c2p(a, DIRECTIONAL[k]), radius=0.06, color=VECTOR)

        curve, dot = always_redraw(trace), always_redraw(head)
        readout = always_redraw(lambda: get_colored_tex(
            r"D_{\mathbf{u}} f = "
            rf"{format_number(DIRECTIONAL[int(round(np.degrees(angle.get_value()))) % 360])}", TEX_MAP,
            font_size=LABEL_SIZE).move_to(self.sample_value, LEFT))
        with self.beat("Now turn u all the way round, and plot the slope against the angle."):
            self.play(Create(axes), FadeIn(x_label))
            self.remove(self.sample_value)
            self.add(readout, curve, dot)
        with self.beat("The slope rises and falls like a cosine: uphill on one side of the "
                       "contour, downhill on the other."):
            self.play(angle.animate.set_value(SAMPLE_ANGLE + 2 * np.pi), run_time=7,
                      rate_func=linear)
            self.wait(1)
        full = axes.plot_line_graph(degrees, DIRECTIONAL, line_color=VECTOR,
                                    add_vertex_dots=False, stroke_width=3)
        self.remove(curve)
        self.add(full)
        self.axes, self.readout = axes, readout

    def show_steepest_ascent(self):
        axes = self.axes
        top = DashedLine(axes.c2p(0, GRAD_NORM), axes.c2p(360, GRAD_NORM), color=GRADIENT,
                         stroke_width=2)
        label = get_colored_tex(rf"\|\nabla f\| = {format_number(GRAD_NORM)}", TEX_MAP,
                                font_size=SMALL_SIZE)
        label.next_to(axes.c2p(360, GRAD_NORM), UP, buff=0.1).shift(0.6 * LEFT)
        with self.beat(f"The largest slope is exactly the length of the gradient, "
                       f"{format_number(GRAD_NORM)}, and it happens when u points along the gradient. "
                       "That is why the gradient is the direction of steepest ascent."):
            target = 2 * np.pi + GRAD_ANGLE  # the next time u points along the gradient
            if target < self.angle.get_value():
                target += 2 * np.pi
            self.play(self.angle.animate.set_value(target), run_time=2.5)
            self.play(Create(top), FadeIn(label), self.grad_arrow.animate.set_opacity(1))
            self.wait(1)
        with self.beat("Turn a quarter turn, along the contour line, and the slope is zero: "
                       "the height does not change along a contour, which is why the gradient "
                       "crosses it at a right angle. Turn all the way round, against the "
                       "gradient, and you descend fastest: that is the direction gradient "
                       "descent takes."):
            along = self.angle.get_value()
            self.play(self.angle.animate.set_value(along + np.pi / 2), run_time=2)
            self.wait(0.5)
            self.play(self.angle.animate.set_value(along + np.pi), run_time=2)
            self.wait(1)
        # formula -> code -> library, then why the next scene follows
        clear_screen(self)
        show_bridge(self, DIRECTIONAL_BRIDGE, (
            "The directional derivative three ways. The formula: the gradient dotted with a "
            "unit vector.",
            "The mathcore line walks a tiny step along u, both ways, and takes the slope: "
            "for the downhill direction at a hundred and twenty degrees, "
            f"{format_number(SAMPLE_DERIVATIVE, 3)}.",
            "And with SciPy: the finite-difference gradient, dotted with u. Forward-mode "
            "automatic differentiation, the Jacobian-vector product in PyTorch and JAX, "
            "computes exactly this slope in one pass, without forming the gradient."))


# =========================================================================== scene 3

class TaylorApproximation(NarratedScene):
    """Near a point, f is almost a plane (order 1) and almost a bowl (order 2)."""

    def construct(self):
        # Step 1: the formula of the Taylor polynomials.
        self.show_formula()
        # Step 2: a line through the point, and f along it.
        self.show_line_and_slice()
        # Step 3: the first-order approximation: a tangent line.
        self.show_order("1")
        # Step 4: the second-order approximation: a parabola.
        self.show_order("2")
        # Step 5: how good each is near the point, and far from it.
        self.show_errors()

    def show_formula(self):
        formula = MathTex(r"f(\mathbf{x}) \approx", r"f(\mathbf{x}_0)",
                          r"+ \nabla f^\top (\mathbf{x} - \mathbf{x}_0)",
                          r"+ \tfrac12 (\mathbf{x} - \mathbf{x}_0)^\top H (\mathbf{x} - \mathbf{x}_0)",
                          font_size=LABEL_SIZE)
        formula[2].set_color(T1_COLOR)
        formula[3].set_color(T2_COLOR)
        formula.to_edge(UP, buff=EDGE_BUFF)
        entries = [format_number(v) for v in HESSIAN.ravel()]  # h11, h12, h21, h22
        hessian = MathTex(rf"H = \begin{{pmatrix}} {entries[0]} & {entries[1]} \\ "
                          rf"{entries[2]} & {entries[3]} \end{{pmatrix}}",
                          substrings_to_isolate=sorted(set(entries)), font_size=SMALL_SIZE)
        hessian.set_color(T2_COLOR)
        with self.beat("The gradient gives the slope in every direction, so it gives the best "
                       "plane through our point. How good is that plane, and what does better? "
                       "Close to a point, every smooth function looks simple. The Taylor "
                       "approximation says how simple: the value there, plus the gradient "
                       "term, a plane,"):
            self.play(Write(formula[:2]), run_time=2)
            self.play(Write(formula[2]), run_time=2)
            self.play(Indicate(formula[2], color=T1_COLOR))
        with self.beat("plus a curvature term with the Hessian H, the matrix of second "
                       "derivatives, which makes it a bowl or a saddle."):
            self.play(Write(formula[3]), run_time=2)
            self.wait(1)
        self.formula, self.hessian = formula, hessian

    def show_line_and_slice(self):
        self.plane, contours, point = get_hill_map(center=(-4.0, -0.7, 0), unit=0.92)
        plane = self.plane
        a, b = LINE_POINTS[0], LINE_POINTS[-1]
        line = Line(plane.c2p(*a), plane.c2p(*b), color=MUTED, stroke_width=3)
        self.hessian.next_to(self.formula, DOWN, buff=0.3).to_edge(RIGHT, buff=EDGE_BUFF)
        with self.beat("Take our hill and our point again, and a straight line through it that "
                       "runs over the top."):
            self.add(plane)
            self.play(FadeIn(contours), FadeIn(point))
            self.play(Create(line))
        axes = Axes(x_range=(-1.2, 4.2, 1), y_range=(0, 4, 1), x_length=6.0, y_length=4.2,
                    axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
                    x_axis_config={"numbers_to_include": [0, 1, 2, 3, 4]},
                    y_axis_config={"numbers_to_include": [1, 2, 3, 4]})
        axes.to_edge(RIGHT, buff=0.5).to_edge(DOWN, buff=0.6)
        t_label = get_colored_tex(r"t", TEX_MAP,
                                  font_size=SMALL_SIZE).next_to(axes.x_axis, RIGHT, buff=0.1)
        graph = axes.plot_line_graph(LINE_T, LINE_F, line_color=TEXT, add_vertex_dots=False,
                                     stroke_width=4)
        dot = Dot(axes.c2p(0, F0), radius=0.06, color=TEXT)
        with self.beat("Here is the height of the hill along that line: it climbs over the top "
                       "and falls away again."):
            self.play(Create(axes), FadeIn(t_label))
            self.play(Create(graph), FadeIn(dot), run_time=2)
        self.axes, self.line, self.hill_graph = axes, line, graph

    def show_order(self, order: str):
        axes = self.axes
        values, color = (LINE_T1, T1_COLOR) if order == "1" else (LINE_T2, T2_COLOR)
        keep = (values > -0.3) & (values < 4.0)  # the polynomial where it is on the axes
        graph = axes.plot_line_graph(LINE_T[keep], values[keep], line_color=color,
                                     add_vertex_dots=False, stroke_width=3)
        text = ("The first-order approximation, in orange, is the tangent line. It matches "
                "the height and the slope at the point, then shoots off." if order == "1" else
                "The second-order approximation, in blue, also matches the curvature. It bends "
                "over the way the hill does and hugs it for longer, though far away it "
                "misses the top.")
        with self.beat(text):
            self.play(Create(graph), run_time=2)
            self.play(Indicate(self.formula[1 + int(order)], color=color))
            self.wait(1)
            if order == "2":
                self.play(FadeIn(self.hessian))
                self.t2_graph = graph
        if order == "2":
            self.show_hessian_entries()

    def show_hessian_entries(self):
        h = HESSIAN
        with self.beat("The Hessian's entries are slopes of slopes. On the diagonal, "
                       f"{format_number(h[0, 0])} and {format_number(h[1, 1])}: both slices bend "
                       "down, the y slice faster, the narrower bump we cut at the start. Off "
                       f"the diagonal, {format_number(h[0, 1])}: how the x slope changes as y "
                       "moves."):
            self.play(Circumscribe(self.hessian, color=T2_COLOR), run_time=1.5)
            diagonal = [parts_by_tex(self.hessian, format_number(HESSIAN[i, i])) for i in (0, 1)]
            off = parts_by_tex(self.hessian, format_number(HESSIAN[0, 1]))
            self.play(Indicate(diagonal[0], color=TEXT, scale_factor=1.4))
            self.play(Indicate(diagonal[1], color=TEXT, scale_factor=1.4))
            # both bend down: the hill's slice and the bowl that copies its curvature
            self.play(*(graph.animate.set_stroke(width=8) for graph in (self.hill_graph, self.t2_graph)),
                      rate_func=there_and_back, run_time=2)
            self.play(Indicate(off, color=TEXT, scale_factor=1.4))
            self.play(Indicate(self.line, color=T2_COLOR, scale_factor=1.0), run_time=1.5)  # y moves

    def show_errors(self):
        e1, e2 = NEAR_ERRORS
        note = MathTex(rf"t = {format_number(NEAR_T, 1)}: \quad", rf"|f - T_1| = {format_number(e1, 3)},",
                       rf"\quad |f - T_2| = {format_number(e2, 4)}", font_size=SMALL_SIZE)
        note[1].set_color(T1_COLOR)
        note[2].set_color(T2_COLOR)
        note.next_to(self.formula, DOWN, buff=0.3).to_edge(LEFT, buff=EDGE_BUFF)
        t = ValueTracker(NEAR_T)
        gaps = self.get_gaps(t)
        with self.beat("A third of a unit from the point, the tangent line is off by "
                       f"{format_number(e1, 3)}, the parabola by only {format_number(e2, 4)}. Far "
                       "away, both fail. Optimizers live on this fact: gradient descent trusts the "
                       "plane, Newton's method trusts the bowl."):
            # at t = 0.3: the gap from the hill to each polynomial, then its size
            self.play(Create(gaps), FadeIn(note[0], shift=0.1 * DOWN))
            self.play(FadeIn(note[1], shift=0.1 * DOWN), Indicate(gaps[1], color=T1_COLOR))
            self.play(FadeIn(note[2], shift=0.1 * DOWN))
            # far away: walk the marker past the top; both gaps open up
            self.play(t.animate.set_value(FAR_T), run_time=2, rate_func=linear)
            # the plane and the bowl of the formula
            self.play(Indicate(self.formula[2], color=T1_COLOR))
            self.play(Indicate(self.formula[3], color=T2_COLOR))
            self.wait(0.5)
        # formula -> code -> library for the Hessian, then on to practice
        clear_screen(self)
        show_bridge(self, HESSIAN_BRIDGE, (
            "The Hessian three ways. The formula: every second partial derivative, one per "
            "pair of inputs.",
            "The mathcore line takes finite differences of finite differences: at our point, "
            f"{format_number(HESSIAN[0, 0])} and {format_number(HESSIAN[1, 1])} on the "
            f"diagonal, {format_number(HESSIAN[0, 1])} off it.",
            "And the same matrix by hand, from the derivative of the exponential, in NumPy. For "
            "a network with a million weights nobody builds this matrix: Newton-type "
            "optimizers and curvature checks use Hessian-vector products instead. Now try "
            "the three tools yourself."))

    def get_gaps(self, t: ValueTracker) -> VGroup:
        """At the marker t: a dashed vertical line, the gaps from the hill's height f(t) to
        T1(t) (orange) and T2(t) (blue), and, shaded, the same gaps all the way from NEAR_T to t;
        all clipped to the axes."""
        axes = self.axes
        top = axes.y_range[1]

        def point(value, heights):
            return axes.c2p(value, float(np.clip(np.interp(value, LINE_T, heights), 0, top)))

        def band(end, heights, color):
            ts = [NEAR_T, *LINE_T[(LINE_T > NEAR_T) & (LINE_T < end)], end]
            outline = [point(v, LINE_F) for v in ts] + [point(v, heights) for v in reversed(ts)]
            return Polygon(*outline, stroke_width=0, fill_color=color, fill_opacity=0.3)

        polynomials = ((LINE_T1, T1_COLOR), (LINE_T2, T2_COLOR))
        return always_redraw(lambda: VGroup(
            DashedLine(axes.c2p(t.get_value(), 0), axes.c2p(t.get_value(), top), color=MUTED,
                       stroke_width=2),
            *(Line(point(t.get_value(), LINE_F), point(t.get_value(), heights), color=color,
                   stroke_width=6) for heights, color in polynomials),
            *(band(t.get_value(), heights, color) for heights, color in polynomials),
        ))


# =========================================================================== try it

class Lesson05TryIt(TryItScene):
    lesson = 5
