"""Reusable mobject builders shared by every lesson's scenes.

Every function here is named ``get_*``, builds mobjects and plays nothing; the
scenes' ``show_*`` methods animate them. Colours, sizes and spacing come from
``style``. Numbers are passed in (computed by mathcore at the top of a scene
module); nothing here computes mathematics beyond formatting.

Contents
--------
planes      get_plane, get_background_plane, get_unit_circle
arrows      get_arrow, get_tracked_arrow, get_tip_dot, get_span_line
matrices    format_number, get_matrix, get_matrix_label
text        get_formula, get_colored_tex, get_tracked_number, get_panel
charts      get_bar_row, get_matrix_heat_map (lookup, lookup_rows for tracker-driven tables)
"""

from __future__ import annotations

from typing import Callable, Iterable, Sequence

import numpy as np
from manim import (
    BLUE_D, DOWN, ORIGIN, RIGHT, UP, Arrow, BackgroundRectangle, Circle, DashedLine,
    DecimalNumber, Dot, Line, MathTex, Matrix, Mobject, NumberPlane, RoundedRectangle, Tex,
    ValueTracker, VGroup, VMobject, always_redraw, config,
)

from scenekit.style import (
    BACKGROUND, BODY_SIZE, BUFF, FAINT, FRAME_MARGIN, LABEL_SIZE, MUTED, NEGATIVE, POSITIVE,
    SMALL_SIZE, TEX_COLORS, TEXT,
)

# --------------------------------------------------------------------------- planes

PLANE_LINE_STYLE = {"stroke_color": BLUE_D, "stroke_width": 2, "stroke_opacity": 0.8}
FADED_LINE_STYLE = {"stroke_color": BLUE_D, "stroke_width": 1, "stroke_opacity": 0.35}


def get_plane(x_range=(-8, 8, 1), y_range=(-5, 5, 1), unit: float = 1.0,
              center=ORIGIN) -> NumberPlane:
    """The plane that bends under a matrix: 3b1b blue grid lines, white axes.

    ``unit`` is the length of one coordinate unit in frame units; the plane's
    origin sits at ``center``.
    """
    plane = NumberPlane(
        x_range=x_range, y_range=y_range,
        x_length=unit * (x_range[1] - x_range[0]), y_length=unit * (y_range[1] - y_range[0]),
        background_line_style=PLANE_LINE_STYLE, faded_line_style=FADED_LINE_STYLE,
        faded_line_ratio=1, axis_config={"stroke_color": TEXT, "stroke_width": 2},
    )
    plane.shift(np.asarray(center) - plane.c2p(0, 0))
    return plane


def get_background_plane(**kwargs) -> NumberPlane:
    """A faint static copy of the grid that stays put while the plane bends,
    so the eye can compare before and after."""
    plane = get_plane(**kwargs)
    plane.set_stroke(color=FAINT, opacity=0.45, width=1)
    return plane


def get_unit_circle(plane: NumberPlane, color=TEXT, radius: float = 1.0) -> Circle:
    """A circle of the given coordinate radius about the plane's origin."""
    unit = plane.get_x_unit_size()
    return Circle(radius=radius * unit, color=color, stroke_width=3).move_to(plane.c2p(0, 0))


# --------------------------------------------------------------------------- arrows

def get_arrow(start, end, color, stroke_width: float = 6) -> Arrow:
    """A 3b1b-style vector arrow from ``start`` to ``end`` (frame points)."""
    return Arrow(start, end, buff=0, color=color, stroke_width=stroke_width,
                 max_tip_length_to_length_ratio=0.25, max_stroke_width_to_length_ratio=8)


def get_tip_dot(plane: NumberPlane, coords: Sequence[float]) -> Dot:
    """An invisible point at plane coordinates ``coords``.

    Put it in the group a matrix is applied to and draw an arrow to it with
    :func:`get_tracked_arrow`: the arrow then follows the plane while keeping
    a proper tip (applying a stretch to an arrow itself would stretch its tip).
    """
    return Dot(plane.c2p(*coords), radius=0.001).set_opacity(0)


def get_tracked_arrow(plane: NumberPlane, tip: Mobject, color, **kwargs) -> Arrow:
    """An arrow from the plane's origin to ``tip``, redrawn every frame."""
    return always_redraw(lambda: get_arrow(plane.c2p(0, 0), tip.get_center(), color, **kwargs))


def get_span_line(plane: NumberPlane, direction: Sequence[float], color, length: float | None = None,
                  dashed: bool = False, stroke_width: float = 3) -> Line:
    """The line through the origin spanned by ``direction`` (plane coordinates).

    By default it runs to the edge of the frame (less twice ``FRAME_MARGIN``,
    clear of the layout check's margin); give
    ``length`` (in plane units) for a shorter segment centred on the origin.
    """
    d = np.asarray(direction, dtype=float)
    d = d / np.linalg.norm(d)
    origin = plane.c2p(0, 0)
    if length is None:
        step = plane.c2p(*d) - origin  # frame displacement of one unit along d
        start = origin - _distance_to_frame_edge(origin, -step) * step
        end = origin + _distance_to_frame_edge(origin, step) * step
    else:
        start, end = plane.c2p(*(-length / 2 * d)), plane.c2p(*(length / 2 * d))
    cls = DashedLine if dashed else Line
    return cls(start, end, color=color, stroke_width=stroke_width, stroke_opacity=0.8)


def _distance_to_frame_edge(point: np.ndarray, step: np.ndarray,
                            margin: float = 2 * FRAME_MARGIN) -> float:
    """Largest t >= 0 with ``point + t * step`` inside the frame less ``margin``."""
    half = np.array([config.frame_width / 2 - margin, config.frame_height / 2 - margin])
    ts = []
    for axis in range(2):
        if abs(step[axis]) > 1e-12:
            bound = half[axis] if step[axis] > 0 else -half[axis]
            ts.append((bound - point[axis]) / step[axis])
    return max(0.0, min(ts))


# --------------------------------------------------------------------------- matrices

def format_number(x: float, decimals: int = 2, trim: bool = False) -> str:
    """``x`` with ``decimals`` places, integers without a point, never ``-0``.

    ``trim=True`` drops trailing zeros (2.50 -> 2.5) for a lone number; keep
    the default in tables and matrices, where columns should line up.
    """
    x = float(x)
    if abs(x - round(x)) < 0.5 * 10 ** -(decimals + 1):
        return str(int(round(x))) if round(x) != 0 else "0"
    text = f"{x:.{decimals}f}"
    if float(text) == 0:
        return "0"
    return text.rstrip("0").rstrip(".") if trim else text


def get_matrix(A, decimals: int = 2, column_colors: Iterable | None = None,
               font_size: float = LABEL_SIZE, h_buff: float | None = None) -> Matrix:
    """A bracketed matrix of numbers (entries formatted by :func:`format_number`).

    ``column_colors`` colours whole columns, e.g. i-hat's landing spot green
    and j-hat's red.
    """
    A = np.atleast_2d(np.asarray(A, dtype=float))
    entries = [[format_number(x, decimals) for x in row] for row in A]
    width = max(len(e) for row in entries for e in row)
    matrix = Matrix(entries, element_to_mobject_config={"font_size": font_size},
                    h_buff=h_buff if h_buff is not None else (0.3 + 0.13 * width) * font_size / LABEL_SIZE,
                    v_buff=0.5 * font_size / LABEL_SIZE,
                    bracket_h_buff=0.15, bracket_v_buff=0.15)
    if column_colors is not None:
        for column, color in zip(matrix.get_columns(), column_colors):
            if color is not None:
                column.set_color(color)
    return matrix


def get_matrix_label(symbol: str, A, color, decimals: int = 2, column_colors=None,
                     font_size: float = BODY_SIZE) -> VGroup:
    """``symbol = [matrix]`` with a background rectangle, for a plane's corner."""
    name = MathTex(symbol, "=", font_size=font_size + 4)
    name[0].set_color(color)
    matrix = get_matrix(A, decimals, column_colors, font_size)
    label = VGroup(name, matrix).arrange(RIGHT, buff=0.15)
    return get_panel(label)


# --------------------------------------------------------------------------- text

def get_formula(*parts: str, font_size: float = BODY_SIZE, colors: dict | None = None,
                **kwargs) -> MathTex:
    """A MathTex whose symbols are coloured like the objects they name.

    ``parts`` are the formula's pieces; any piece equal to a key of
    ``colors`` (default: ``style.TEX_COLORS``) gets that colour, so write the
    symbols to colour as separate pieces, e.g.
    ``get_formula("A", r"\\mathbf{v}", "=", r"\\lambda", r"\\mathbf{v}")``.
    """
    formula = MathTex(*parts, font_size=font_size, **kwargs)
    palette = TEX_COLORS if colors is None else {**TEX_COLORS, **colors}
    for part, tex in zip(formula, parts):
        if tex in palette:
            part.set_color(palette[tex])
    return formula


def get_colored_tex(text: str, colors: dict, font_size: float = BODY_SIZE, **kwargs) -> MathTex:
    """A MathTex written as one string, with every symbol that is a key of
    ``colors`` (a lesson's ``TEX_MAP``) isolated and given its colour, e.g.
    ``get_colored_tex(r"\\nabla f(\\mathbf{x}) = 0", {r"\\nabla f": GRADIENT})``.
    Only the keys that occur in ``text`` are isolated.
    """
    used = {k: v for k, v in colors.items() if k in text}
    return MathTex(text, font_size=font_size, substrings_to_isolate=list(used),
                   tex_to_color_map=used, **kwargs)


def get_tracked_number(tracker: ValueTracker, decimals: int = 3, color=TEXT,
                       font_size: float = BODY_SIZE,
                       value: Callable[[float], float] | None = None) -> DecimalNumber:
    """A number that shows ``value(tracker)`` (default: the tracker itself).

    ``value`` may only *look up* precomputed numbers (e.g. the estimate at
    step ``round(t)``); no algorithm runs in an updater.
    """
    get = (lambda: tracker.get_value()) if value is None else (lambda: value(tracker.get_value()))
    number = DecimalNumber(get(), num_decimal_places=decimals, color=color, font_size=font_size)
    number.add_updater(lambda m: m.set_value(get()))
    return number


def get_panel(mobject: Mobject, buff: float = BUFF, opacity: float = 0.85) -> VGroup:
    """``mobject`` on a dark rounded card, so it reads on top of a grid."""
    card = RoundedRectangle(
        corner_radius=0.12, width=mobject.width + 2 * buff, height=mobject.height + 2 * buff,
        fill_color=BACKGROUND, fill_opacity=opacity, stroke_color=MUTED, stroke_width=1,
    ).move_to(mobject)
    return VGroup(card, mobject)


def get_caption(text: str, font_size: float = LABEL_SIZE, color=MUTED) -> VGroup:
    """A short line of plain text on a dark backing (for on-screen notes)."""
    tex = Tex(text, font_size=font_size, color=color)
    return VGroup(BackgroundRectangle(tex, fill_opacity=0.8, color=BACKGROUND, buff=0.08), tex)


# --------------------------------------------------------------------------- loss surfaces
# (lessons 05-07) contour maps seen from above and optimizer paths traced on them

def get_contour_lines(plane, xs, ys, Z, levels, colors=(BLUE_D, TEXT),
                      stroke_width: float = 2) -> VGroup:
    """Level sets of a function sampled on a grid, drawn on ``plane``.

    ``Z`` (len(ys), len(xs)) holds precomputed values at the grid ``xs`` x
    ``ys``; ``levels`` are the heights to draw, coloured from ``colors[0]``
    (lowest) to ``colors[-1]`` (highest). Geometry only: contourpy traces the
    polylines through the given numbers.
    """
    from contourpy import contour_generator
    from manim import color_gradient

    generator = contour_generator(np.asarray(xs), np.asarray(ys), np.asarray(Z))
    palette = color_gradient(list(colors), max(len(levels), 2))
    group = VGroup()
    for level, color in zip(levels, palette):
        for line in generator.lines(level):
            if len(line) < 2:
                continue
            curve = VMobject(stroke_color=color, stroke_width=stroke_width)
            curve.set_points_as_corners([plane.c2p(x, y) for x, y in line])
            group.add(curve)
    return group


def get_path(plane, xs, color, stroke_width: float = 3, dots: bool = True,
             dot_radius: float = 0.045) -> VGroup:
    """The polyline through the iterates ``xs`` (k+1, 2), with a dot on each."""
    points = [plane.c2p(*x) for x in np.asarray(xs)]
    line = VMobject(stroke_color=color, stroke_width=stroke_width)
    line.set_points_as_corners(points)
    group = VGroup(line)
    if dots:
        group.add(VGroup(*(Dot(p, radius=dot_radius, color=color) for p in points)))
    return group


def get_traced_path(plane, xs, tracker: ValueTracker, color, stroke_width: float = 3,
                    head_radius: float = 0.08) -> VGroup:
    """A path through the precomputed iterates ``xs`` drawn up to step
    ``tracker`` (fractional steps interpolate between iterates), with a dot
    at its head. Only looks up ``xs``; nothing is computed while animating.
    """
    xs = np.asarray(xs, dtype=float)

    def position(t: float) -> np.ndarray:
        t = float(np.clip(t, 0, len(xs) - 1))
        k = min(int(np.floor(t)), len(xs) - 2)
        return xs[k] + (t - k) * (xs[k + 1] - xs[k])

    def get_line():
        t = tracker.get_value()
        k = int(np.clip(np.floor(t), 0, len(xs) - 1))
        points = [plane.c2p(*x) for x in xs[: k + 1]] + [plane.c2p(*position(t))]
        line = VMobject(stroke_color=color, stroke_width=stroke_width)
        line.set_points_as_corners(points)
        return line

    line = always_redraw(get_line)
    head = always_redraw(lambda: Dot(plane.c2p(*position(tracker.get_value())),
                                     radius=head_radius, color=color))
    return VGroup(line, head)


# --------------------------------------------------------------------------- graphs
# (lessons 15, 16) weighted graphs drawn as dots and lines

class WeightedGraph(VGroup):
    """Nodes, edges and (optionally) weight labels of a weighted graph.

    ``nodes[i]`` is node i's disc (with its index inside), ``edges[(i, j)]``
    (i < j) its line, ``weights[(i, j)]`` the label of its weight.
    """

    def __init__(self, nodes: VGroup, edges: dict, weights: dict):
        super().__init__(VGroup(*edges.values()), nodes, VGroup(*weights.values()))
        self.nodes, self.edges, self.weights = nodes, edges, weights

    def edge_group(self) -> VGroup:
        return self.submobjects[0]

    def weight_group(self) -> VGroup:
        return self.submobjects[2]


def get_weighted_graph(positions, W, node_color, edge_color, node_radius: float = 0.26,
                       show_weights: bool = True, show_indices: bool = True,
                       weight_offsets: dict | None = None, font_size: float = LABEL_SIZE - 4,
                       max_stroke: float = 8.0, decimals: int = 2) -> WeightedGraph:
    """A graph drawn from its weight matrix ``W`` (n, n) at frame ``positions`` (n, 3).

    Edge thickness is proportional to the weight; ``weight_offsets[(i, j)]``
    moves a weight label from the edge's midpoint (default: a little above).
    """
    positions = np.asarray(positions, dtype=float)
    W = np.asarray(W, dtype=float)
    w_max = W.max() if W.max() > 0 else 1.0
    nodes = VGroup()
    for index, point in enumerate(positions):
        disc = Circle(radius=node_radius, color=node_color, fill_color=BACKGROUND, fill_opacity=1,
                      stroke_width=3).move_to(point).set_z_index(1)  # nodes above edges
        if show_indices:
            disc.add(MathTex(str(index), font_size=font_size, color=TEXT).move_to(point)
                     .set_z_index(2))
        nodes.add(disc)
    edges, weights = {}, {}
    for i in range(len(W)):
        for j in range(i + 1, len(W)):
            if W[i, j] <= 0:
                continue
            edges[(i, j)] = Line(positions[i], positions[j], color=edge_color,
                                 stroke_width=max_stroke * W[i, j] / w_max)
            if show_weights:
                offset = (weight_offsets or {}).get((i, j), 0.28 * UP)
                label = MathTex(format_number(W[i, j], decimals), font_size=font_size,
                                color=edge_color)
                weights[(i, j)] = label.move_to((positions[i] + positions[j]) / 2 + offset)
    return WeightedGraph(nodes, edges, weights)


# --------------------------------------------------------------------------- trackers

def lookup(table, t: float) -> np.ndarray:
    """Row ``t`` of a precomputed table, linearly interpolated between rows for
    fractional ``t`` (clamped to the table). For updaters driven by a tracker:
    they look numbers up, they never compute them.
    """
    t = float(np.clip(t, 0, len(table) - 1))
    k = min(int(np.floor(t)), len(table) - 2)
    return (1 - (t - k)) * table[k] + (t - k) * table[k + 1]


def lookup_rows(table, grid, x: float) -> np.ndarray:
    """Like :func:`lookup`, but the rows ``table[k]`` were computed at the
    (increasing) parameter values ``grid[k]``: the row at ``x``, linearly
    interpolated between neighbouring rows, clamped to the grid's ends.
    """
    k = int(np.clip(np.searchsorted(grid, x) - 1, 0, len(grid) - 2))
    s = float(np.clip((x - grid[k]) / (grid[k + 1] - grid[k]), 0.0, 1.0))
    return (1 - s) * table[k] + s * table[k + 1]


# --------------------------------------------------------------------------- densities
# (lessons 08, 09, 11) curves and heat maps drawn from precomputed samples

def get_sampled_curve(axes, xs, ys, color, stroke_width: float = 4,
                      fill_opacity: float = 0.0) -> VMobject:
    """The graph through precomputed samples ``(xs[i], ys[i])`` on ``axes``.

    With ``fill_opacity`` > 0 the area down to y = 0 is shaded (a density).
    Only draws the numbers it is given; evaluate the function beforehand.
    """
    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    points = [axes.c2p(x, y) for x, y in zip(xs, ys)]
    curve = VMobject(stroke_color=color, stroke_width=stroke_width)
    if fill_opacity > 0:
        points = [axes.c2p(xs[0], 0)] + points + [axes.c2p(xs[-1], 0), axes.c2p(xs[0], 0)]
        curve.set_fill(color, opacity=fill_opacity)
    curve.set_points_as_corners(points)
    return curve


def get_heat_map(axes, xs, ys, Z, colors=(BACKGROUND, BLUE_D), opacity: float = 1.0) -> VGroup:
    """A grid of cells coloured by ``Z`` (len(ys), len(xs)), sampled at cell centres
    ``xs`` x ``ys``: ``colors[0]`` at min(Z), ``colors[-1]`` at max(Z)."""
    from manim import Rectangle, interpolate_color, ManimColor

    xs, ys, Z = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float), np.asarray(Z, dtype=float)
    dx = axes.c2p(xs[1], 0)[0] - axes.c2p(xs[0], 0)[0]
    dy = axes.c2p(0, ys[1])[1] - axes.c2p(0, ys[0])[1]
    low, high = Z.min(), Z.max()
    stops = [ManimColor(c) for c in colors]
    cells = VGroup()
    for j, y in enumerate(ys):
        for i, x in enumerate(xs):
            s = (Z[j, i] - low) / (high - low) if high > low else 0.0
            k = min(int(s * (len(stops) - 1)), len(stops) - 2)
            local = s * (len(stops) - 1) - k
            color = interpolate_color(stops[k], stops[k + 1], local)
            cells.add(Rectangle(width=abs(dx) * 1.02, height=abs(dy) * 1.02, stroke_width=0,
                                fill_color=color, fill_opacity=opacity).move_to(axes.c2p(x, y)))
    return cells


# --------------------------------------------------------------------------- charts
# (lessons 10, 17) bars of probabilities and matrices drawn as grids of coloured squares

def get_bar_row(values, color, origin=ORIGIN, bar_width: float = 0.6, unit: float = 3.0,
                buff: float = 0.25, opacity: float = 0.85) -> VGroup:
    """A row of vertical bars of height ``unit * value``, standing on ``origin``'s
    y, the first bar's left edge at its x, ``buff`` between neighbours."""
    from manim import Rectangle

    bars = VGroup()
    for j, x in enumerate(values):
        bar = Rectangle(width=bar_width, height=max(unit * float(x), 1e-3), stroke_width=0,
                        fill_color=color, fill_opacity=opacity)
        bar.move_to(np.asarray(origin) + RIGHT * (j * (bar_width + buff) + bar_width / 2), DOWN)
        bars.add(bar)
    return bars


def get_matrix_heat_map(values, color, cell: float = 0.7, decimals: int | None = 2,
                        font_size: float = SMALL_SIZE, vmax: float | None = None,
                        diverging: bool = False) -> VGroup:
    """A matrix as a grid of squares of side ``cell``, one per entry, filled by
    value; row 0 on top, entry (0, 0) centred on the origin.

    Sequential: from the background to ``color`` as the value goes 0 -> ``vmax``
    (default: the largest magnitude). Diverging: ``NEGATIVE`` below zero,
    ``POSITIVE`` above. With ``decimals`` the entries are written in their
    squares. Returns a VGroup of rows, each a VGroup of cells ``VGroup(square[,
    number])``. (For a function sampled on axes, see :func:`get_heat_map`.)
    """
    from manim import ManimColor, Square, Text, interpolate_color

    values = np.atleast_2d(values)
    vmax = float(np.abs(values).max()) if vmax is None else vmax
    rows = VGroup()
    for i, row in enumerate(values):
        cells = VGroup()
        for j, x in enumerate(row):
            if diverging:
                fill = interpolate_color(ManimColor(BACKGROUND),
                                         ManimColor(POSITIVE if x > 0 else NEGATIVE),
                                         min(abs(x) / vmax, 1.0))
            else:
                fill = interpolate_color(ManimColor(BACKGROUND), ManimColor(color),
                                         min(max(x / vmax, 0.0), 1.0))
            square = Square(side_length=cell, stroke_color=FAINT,
                            stroke_width=1 if cell > 0.3 else 0,
                            fill_color=fill, fill_opacity=1)
            square.move_to(RIGHT * j * cell + DOWN * i * cell)
            parts = VGroup(square)
            if decimals is not None:
                number = Text(format_number(x, decimals), font_size=font_size, color=TEXT)
                parts.add(number.move_to(square))
            cells.add(parts)
        rows.add(cells)
    return rows
