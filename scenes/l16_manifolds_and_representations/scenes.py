"""Lesson 16 — Manifold and representation learning.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed once, here at the top, by ``mathcore``
(fixed inputs, fixed seed); only the t-SNE run, which takes seconds, waits for
its first use (``get_tsne``), so the other scenes do not pay for it. The unrolling animation and the view of the roll
are display geometry, also precomputed here as arrays of frames; the scenes
only look them up.
"""

from __future__ import annotations

import copy
import functools

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, Axes, Brace, Circumscribe, Create, DashedLine, Dot, DoubleArrow, FadeIn,
    FadeOut, GrowFromCenter, Indicate, LaggedStart, Line, MathTex, Rectangle, ReplacementTransform,
    ShowPassingFlash, Tex, UpdateFromAlphaFunc, ValueTracker, VGroup, VMobject, Write,
    always_redraw, color_gradient, interpolate, linear, smooth, there_and_back,
)

from mathcore import manifold
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_view import get_bridge
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    BODY_SIZE, CHORD, CLUSTER_COLORS_3, DIST_P, DIST_Q, EDGE_BUFF, FAINT, GEODESIC, GRAPH_EDGE,
    LABEL_SIZE, MUTED, ROLL_COLORS, SMALL_SIZE, TEXT,
)
from scenekit.widgets import format_number, get_panel, lookup

SEED = 16  # the only randomness: the roll's points, the clusters and t-SNE's start

# --------------------------------------------------------------------------- the swiss roll
rng = np.random.default_rng(SEED)
N_ROLL = 600
ROLL = manifold.swiss_roll(N_ROLL, rng=rng)  # points (600, 3) = (t cos t, h, t sin t)
ROLL_S = manifold.swiss_roll_arclength(ROLL.t)  # (600,) the unrolled coordinate along the sheet
T_MIN, T_MAX = 1.5 * np.pi, 4.5 * np.pi
SHEET_LENGTH = manifold.swiss_roll_arclength(T_MAX) - manifold.swiss_roll_arclength(T_MIN)
SHEET_HEIGHT = 21.0

KNN_K = 6
KNN = manifold.knn_graph(ROLL.points, KNN_K)  # (600, 600) edge lengths, masked = no edge


def nearest_on_sheet(t: float, h: float) -> int:
    """The sample closest, on the unrolled sheet, to roll angle t and height h."""
    s = manifold.swiss_roll_arclength(t)
    return int(np.argmin((ROLL_S - s) ** 2 + (ROLL.height - h) ** 2))


# Two points one full turn apart, at the same height: close through space, far along the sheet.
POINT_A = nearest_on_sheet(2.4 * np.pi, 10.5)
POINT_B = nearest_on_sheet(4.4 * np.pi, 10.5)
STRAIGHT = float(manifold.pairwise_distances(ROLL.points[[POINT_A, POINT_B]])[0, 1])
PATH = manifold.shortest_path(KNN, POINT_A, POINT_B)  # node indices, A ... B
PATH_LENGTH = float(sum(KNN[i, j] for i, j in zip(PATH[:-1], PATH[1:])))  # graph geodesic
EXACT_GEODESIC = float(np.hypot(ROLL_S[POINT_A] - ROLL_S[POINT_B],
                                ROLL.height[POINT_A] - ROLL.height[POINT_B]))
DETOUR = EXACT_GEODESIC / STRAIGHT  # how many times longer the way along the sheet is
# The exact geodesic from a to b: straight on the unrolled sheet, so the height changes in
# proportion to the arc length along the spiral.
GEODESIC_T = np.linspace(ROLL.t[POINT_A], ROLL.t[POINT_B], 160)  # (160,)
GEODESIC_H = np.interp(manifold.swiss_roll_arclength(GEODESIC_T), ROLL_S[[POINT_A, POINT_B]],
                       ROLL.height[[POINT_A, POINT_B]])  # (160,)

# --------------------------------------------------------------------------- views of the roll
# The cross-section is the spiral c(t) = (t cos t, t sin t) with tangent angle phi(t). To unroll
# by a fraction alpha, scale every tangent angle by (1 - alpha) and integrate the same arc length:
# alpha = 0 is the roll, alpha = 1 a flat strip. Precomputed here, frame by frame.
N_UNROLL_FRAMES = 61
UNROLL_ALPHAS = np.linspace(0.0, 1.0, N_UNROLL_FRAMES)
_T_GRID = np.linspace(T_MIN, T_MAX, 4001)
_PHI = np.unwrap(np.arctan2(np.sin(_T_GRID) + _T_GRID * np.cos(_T_GRID),
                            np.cos(_T_GRID) - _T_GRID * np.sin(_T_GRID)))
_SPEED = np.sqrt(1 + _T_GRID**2)  # |c'(t)|


def unrolled_points(alpha: float) -> np.ndarray:
    """(n, 3) roll points with the cross-section unrolled by ``alpha``."""
    if alpha == 0:
        return ROLL.points
    angle = (1 - alpha) * _PHI
    dt = np.diff(_T_GRID)
    steps = np.column_stack([np.cos(angle), np.sin(angle)]) * _SPEED[:, None]  # (m, 2)
    curve = np.vstack([[0, 0], np.cumsum(0.5 * (steps[1:] + steps[:-1]) * dt[:, None], axis=0)])
    curve += np.array([T_MIN * np.cos(T_MIN), T_MIN * np.sin(T_MIN)])  # start where the roll starts
    x = np.interp(ROLL.t, _T_GRID, curve[:, 0])
    z = np.interp(ROLL.t, _T_GRID, curve[:, 1])
    return np.column_stack([x, ROLL.height, z])


OBLIQUE = np.array([[1.0, 0.28 * np.cos(0.6), 0.0],  # (2, 3) a cabinet view of (x, h, z):
                    [0.0, 0.28 * np.sin(0.6), 1.0]])  # the spiral face-on, the height receding
TOP = np.array([[1.0, 0.0, 0.0],  # looking straight at the flat sheet: (x, h)
                [0.0, 1.0, 0.0]])


def box_fit(uv: np.ndarray, width: float, height: float) -> tuple[np.ndarray, float]:
    """The centre and scale that put 2-D points centred on the origin in a width x height box."""
    low, high = uv.min(axis=0), uv.max(axis=0)
    return (low + high) / 2, min(width / (high[0] - low[0]), height / (high[1] - low[1]))


def fit_to_box(uv: np.ndarray, width: float, height: float) -> np.ndarray:
    """Centre 2-D points on the origin and scale them to fit a width x height box."""
    centre, scale = box_fit(uv, width, height)
    return (uv - centre) * scale


ROLL_BOX = (7.4, 6.4)  # frame units available for the picture
UNROLL_FRAMES = np.stack([  # (frames, n, 2) the picture at each alpha, fitted to the box
    fit_to_box(unrolled_points(a) @ ((1 - a) * OBLIQUE + a * TOP).T, *ROLL_BOX)
    for a in UNROLL_ALPHAS
])

# The rolled view of any sheet coordinates (t, h), fitted like the points at alpha = 0: the
# spiral cross-section drawn through the roll, and a point moved by its two coordinates.
_ROLL_FIT = box_fit(ROLL.points @ OBLIQUE.T, *ROLL_BOX)


def rolled_view(t, h) -> np.ndarray:
    """(n, 2) picture of the roll's points at angles ``t`` and heights ``h`` (as in frame 0)."""
    t, h = np.broadcast_arrays(np.asarray(t, dtype=float), np.asarray(h, dtype=float))
    xyz = np.column_stack([t * np.cos(t), h, t * np.sin(t)])
    return (xyz @ OBLIQUE.T - _ROLL_FIT[0]) * _ROLL_FIT[1]


SPIRAL_T = np.linspace(T_MIN, T_MAX, 240)  # (240,) the cross-section, drawn at mid height
MID_HEIGHT = SHEET_HEIGHT / 2
BAND_T = (T_MAX - T_MIN) / 14  # half-width of the lit band swept along the roll
BAND_S = SHEET_LENGTH / 14  # ... along the flat sheet
BAND_H = SHEET_HEIGHT / 14  # ... and across it

# --------------------------------------------------------------------------- t-SNE
N_CLUSTERS, CLUSTER_SIZE, DIM = 3, 30, 10
CLUSTER_CENTRES = 4.0 * rng.normal(size=(N_CLUSTERS, DIM))  # (3, 10)
TSNE_X = np.concatenate([c + rng.normal(size=(CLUSTER_SIZE, DIM)) for c in CLUSTER_CENTRES])  # (90, 10)
TSNE_GROUP = np.repeat(np.arange(N_CLUSTERS), CLUSTER_SIZE)  # (90,) for colouring only
PERPLEXITY = 10.0
TSNE_ITERS = 300
EXAGGERATION_ITERS = 50  # tsne's default: P is multiplied by 4 for the first 50 steps
TSNE_BOX = 5.8  # frame units of the square the map is drawn in
_TSNE_RNG = copy.deepcopy(rng)  # the generator as t-SNE's random start finds it


# The run itself takes seconds and only TsneObjective (and the number tests) need it, so it
# happens on first use rather than at every import of this module; same numbers either way.
@functools.cache
def get_tsne() -> manifold.TSNEResult:
    """The t-SNE run on TSNE_X, with every iterate."""
    return manifold.tsne(TSNE_X, perplexity=PERPLEXITY, n_iter=TSNE_ITERS, lr=10.0,
                         rng=copy.deepcopy(_TSNE_RNG))


@functools.cache
def get_tsne_frames() -> np.ndarray:
    """(301, 90, 2) every iterate of the map, fitted to the TSNE_BOX square."""
    return np.stack([fit_to_box(Y, TSNE_BOX, TSNE_BOX) for Y in get_tsne().history])


_LAZY = {
    "TSNE": get_tsne,
    "TSNE_KL": lambda: get_tsne().kl_history,  # (301,) KL(P || Q) of every iterate
    "TSNE_FRAMES": get_tsne_frames,
}


def __getattr__(name: str):
    """``TSNE``, ``TSNE_KL`` and ``TSNE_FRAMES`` as module constants, computed on first use."""
    if name in _LAZY:
        return _LAZY[name]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def roll_colors(t: np.ndarray) -> list:
    """Colours along the sheet: each point coloured by how far along the roll it sits."""
    palette = color_gradient(list(ROLL_COLORS), 64)
    index = np.clip(((t - T_MIN) / (T_MAX - T_MIN) * 63).round().astype(int), 0, 63)
    return [palette[i] for i in index]


# =========================================================================== shared drawing

ROLL_CENTER = np.array([-2.8, -0.2, 0])


class RollScene(NarratedScene):
    """Draws the roll's points at a frame of the unrolling, driven by ``self.unroll``."""

    def get_roll(self, radius: float = 0.04) -> VGroup:
        self.unroll = ValueTracker(0)
        colors = roll_colors(ROLL.t)
        dots = VGroup()
        for i in range(N_ROLL):
            dot = Dot(self.roll_point(i), radius=radius, color=colors[i])
            dot.add_updater(lambda m, i=i: m.move_to(self.roll_point(i)))
            dots.add(dot)
        return dots

    def roll_point(self, i: int) -> np.ndarray:
        u, v = lookup(UNROLL_FRAMES[:, i], self.unroll.get_value())
        return ROLL_CENTER + np.array([u, v, 0])

    def play_sweep(self, values, low: float, high: float, width: float, run_time: float = 2,
                   along=()):
        """Light the points whose ``values`` lie within ``width`` of a level running from
        ``low`` to ``high``, the others dimmed: a highlight swept across the sheet (with
        the animations ``along``, played at the same steady pace)."""
        base = self.dots[0].get_fill_opacity()
        dim = 0.15 * base

        def shader(level, start, end):
            """Lit points at full opacity, the others going from ``start`` to ``end``."""
            def shade(dots, alpha):
                at = level(alpha)
                for dot, value in zip(dots, values):
                    dot.set_opacity(base if abs(value - at) < width else interpolate(start, end, alpha))
            return shade

        self.play(UpdateFromAlphaFunc(self.dots, shader(lambda a: low, base, dim)), run_time=0.4)
        self.play(UpdateFromAlphaFunc(self.dots, shader(lambda a: interpolate(low, high, a), dim, dim)),
                  *along, run_time=run_time, rate_func=linear)
        self.play(UpdateFromAlphaFunc(self.dots, shader(lambda a: high, dim, base)), run_time=0.4)

    def get_spiral(self, t_values, h: float, color, stroke_width: float = 5) -> VMobject:
        """The roll's cross-section through ``t_values`` at height ``h``, as currently rolled."""
        spiral = VMobject(stroke_color=color, stroke_width=stroke_width)
        spiral.set_points_smoothly([ROLL_CENTER + np.array([u, v, 0])
                                    for u, v in rolled_view(t_values, h)])
        return spiral

    def show_unroll(self, run_time: float = 5):
        self.play(self.unroll.animate.set_value(N_UNROLL_FRAMES - 1), run_time=run_time,
                  rate_func=smooth)


# =========================================================================== scene 1

class SwissRollIsASheet(RollScene):
    """Points in 3-D that really live on a 2-D sheet: the manifold hypothesis."""

    def construct(self):
        # Step 1: the cloud of points in three dimensions.
        self.dots = self.get_roll()
        self.show_cloud()
        # Step 2: the two numbers that say where each point is.
        self.show_parametrisation()
        # Step 3: unroll the sheet: the data were two-dimensional all along.
        self.show_unrolling()
        # Step 4: the manifold hypothesis.
        self.show_hypothesis()

    def show_cloud(self):
        with self.beat(f"Here are {N_ROLL} points in three dimensions. Each one is three numbers: "
                       "x, y and z."):
            self.play(LaggedStart(*(FadeIn(d) for d in self.dots), lag_ratio=0.004), run_time=3)
        self.spiral = self.get_spiral(SPIRAL_T, MID_HEIGHT, TEXT)
        with self.beat("But they do not fill space. They lie on a thin sheet, rolled up like a "
                       "swiss roll. The colour shows how far along the sheet each point sits."):
            self.play(Create(self.spiral), run_time=2)  # the sheet's cross-section, traced
            self.play_sweep(ROLL.t, T_MIN, T_MAX, BAND_T)

    def show_parametrisation(self):
        formula = MathTex(r"\mathbf{x}", "=", r"(\,", r"t", r"\cos", r"t", ",", r"\;h", ",", r"\;t",
                          r"\sin", r"t", r"\,)", font_size=BODY_SIZE)
        for k in (3, 5, 9, 11):
            formula[k].set_color(ROLL_COLORS[2])
        formula[7].set_color(ROLL_COLORS[3])
        names = VGroup(Tex(r"$t$: how far along the roll", font_size=LABEL_SIZE),
                       Tex(r"$h$: how high", font_size=LABEL_SIZE)).arrange(DOWN, aligned_edge=LEFT)
        names[0][0][0].set_color(ROLL_COLORS[2])
        names[1][0][0].set_color(ROLL_COLORS[3])
        card = VGroup(formula, names).arrange(DOWN, buff=0.3, aligned_edge=LEFT)
        self.card = get_panel(card).to_corner(UP + RIGHT, buff=EDGE_BUFF).set_z_index(5)
        # a point steered by its two sheet coordinates: first along the roll, then up
        t, h = ValueTracker(SPIRAL_T[0]), ValueTracker(MID_HEIGHT)
        walker = always_redraw(lambda: Dot(
            ROLL_CENTER + np.array([*rolled_view(t.get_value(), h.get_value())[0], 0]),
            radius=0.13, color=TEXT))
        with self.beat("In fact two numbers are enough to say where a point is: t, how far along "
                       "the roll, and h, how high up. Three coordinates, but only two degrees of "
                       "freedom."):
            self.play(FadeIn(self.card, shift=0.2 * LEFT))
            self.play(FadeIn(walker, scale=0.5), Indicate(names[0], color=ROLL_COLORS[2]),
                      run_time=0.5)
            # the points at the walker's t light up as it goes along the roll ...
            far = SPIRAL_T[len(SPIRAL_T) * 3 // 4]
            self.play_sweep(ROLL.t, SPIRAL_T[0], far, BAND_T, run_time=1.5,
                            along=[t.animate.set_value(far)])
            # ... and those at its height as it climbs the whole sheet, bottom to top
            self.play(h.animate.set_value(0), Indicate(names[1], color=ROLL_COLORS[3]),
                      run_time=0.6)
            self.play_sweep(ROLL.height, 0, SHEET_HEIGHT, BAND_H, run_time=1.2,
                            along=[h.animate.set_value(SHEET_HEIGHT)])
            self.play(Circumscribe(formula, color=TEXT))
        self.walker = walker

    def show_unrolling(self):
        with self.beat("So unroll it. Every point keeps its place on the sheet, and the sheet "
                       "lies flat."):
            self.play(FadeOut(self.card), FadeOut(self.walker), FadeOut(self.spiral))
            self.show_unroll(run_time=6)
        axes = VGroup(
            Tex(r"along the sheet $s(t)$", font_size=LABEL_SIZE, color=ROLL_COLORS[2]),
            Tex(r"height $h$", font_size=LABEL_SIZE, color=ROLL_COLORS[3]),
        )
        low = ROLL_CENTER + np.array([*UNROLL_FRAMES[-1].min(axis=0), 0])
        high = ROLL_CENTER + np.array([*UNROLL_FRAMES[-1].max(axis=0), 0])
        axes[0].next_to(np.array([(low[0] + high[0]) / 2, low[1], 0]), DOWN, buff=0.25)
        axes[1].rotate(np.pi / 2).next_to(np.array([low[0], (low[1] + high[1]) / 2, 0]), LEFT, 0.2)
        with self.beat("Now it is plainly a two-dimensional strip: one coordinate along it, one "
                       "across. The colours run smoothly from one end to the other."):
            self.play(FadeIn(axes[0]))
            self.play_sweep(ROLL_S, ROLL_S.min(), ROLL_S.max(), BAND_S, run_time=1.5)
            self.play(FadeIn(axes[1]))
            self.play_sweep(ROLL.height, 0, SHEET_HEIGHT, BAND_H, run_time=1.5)
        self.axes = axes

    def show_hypothesis(self):
        title = Tex("The manifold hypothesis", font_size=BODY_SIZE + 4, color=TEXT)
        lines = VGroup(
            Tex(r"a 28 $\times$ 28 image is a point in $\mathbb{R}^{784}$", font_size=LABEL_SIZE),
            Tex(r"real images fill a tiny, curved, low-dimensional part of it", font_size=LABEL_SIZE),
            Tex(r"learning a representation = finding its coordinates", font_size=LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        lines.set_color(MUTED)
        card = VGroup(title, lines).arrange(DOWN, buff=0.35)
        card.to_edge(UP, buff=EDGE_BUFF + 0.2)
        with self.beat("This is the manifold hypothesis. A small photo is a point in a space of "
                       "hundreds of dimensions, yet real photos fill only a thin, curved, "
                       "low-dimensional part of it."):
            self.play(FadeIn(title))
            self.play(LaggedStart(*(FadeIn(l, shift=0.1 * UP) for l in lines[:2]), lag_ratio=0.5),
                      run_time=2)
            self.wait(1)
        with self.beat("Representation learning is the search for its few true coordinates, "
                       "like unrolling this sheet."):
            self.play(FadeIn(lines[2], shift=0.1 * UP))
            self.wait(2)


# =========================================================================== scene 2

class GeodesicVersusStraightLine(RollScene):
    """Close through space, far along the sheet; shortest paths on a k-NN graph follow it."""

    def construct(self):
        # Step 1: the roll, dimmed, with two marked points.
        self.dots = self.get_roll(radius=0.035)
        self.show_two_points()
        # Step 2: the straight line through space.
        self.show_straight_line()
        # Step 3: a neighbourhood graph, and the shortest path along it.
        self.show_graph_path()
        # Step 4: the exact geodesic, from the unrolled coordinates.
        self.show_numbers()
        # Step 5: unroll: the geodesic becomes a straight line on the sheet.
        self.show_unrolled_path()

    def get_marker(self, index: int, name: str, direction) -> VGroup:
        dot = Dot(self.roll_point(index), radius=0.1, color=TEXT)
        dot.add_updater(lambda m: m.move_to(self.roll_point(index)))
        label = MathTex(name, font_size=BODY_SIZE, color=TEXT)
        label.add_updater(lambda m: m.next_to(dot, direction, buff=0.1))
        return VGroup(dot, label)

    def get_path_flash(self) -> ShowPassingFlash:
        """A flash running along the graph's shortest path as it lies now."""
        path = VMobject(stroke_color=TEXT, stroke_width=9)
        path.set_points_as_corners([self.roll_point(i) for i in PATH])
        return ShowPassingFlash(path, time_width=0.4)

    def show_two_points(self):
        self.dots.set_opacity(0.45)
        self.a = self.get_marker(POINT_A, r"\mathbf{a}", LEFT)
        self.b = self.get_marker(POINT_B, r"\mathbf{b}", RIGHT)
        with self.beat("To find those coordinates, distance must be measured along the sheet, not "
                       "through space. Take the same swiss roll, and two points, a and b, "
                       "one full turn of the roll "
                       "apart, at the same height."):
            self.play(FadeIn(self.dots), run_time=1.5)
            self.play(GrowFromCenter(self.a[0]), GrowFromCenter(self.b[0]),
                      FadeIn(self.a[1]), FadeIn(self.b[1]))

    def show_straight_line(self):
        self.chord = Line(self.a[0].get_center(), self.b[0].get_center(), color=CHORD, stroke_width=5)
        self.readouts = VGroup(
            MathTex(r"\lVert \mathbf{a} - \mathbf{b} \rVert", "=", format_number(STRAIGHT, 1),
                    font_size=BODY_SIZE, color=CHORD),
        )
        self.readouts.to_corner(UP + RIGHT, buff=EDGE_BUFF)
        with self.beat("Through space they are close: the straight line between them has length "
                       f"{format_number(STRAIGHT, 1)}. But that line leaves the sheet and jumps "
                       "across the gap between two layers."):
            self.play(Create(self.chord), run_time=1.5)
            self.play(FadeIn(self.readouts[0]))
            self.wait(1.5)

    def show_graph_path(self):
        edges = VGroup()
        rows, cols = np.nonzero(np.triu(KNN))
        for i, j in zip(rows, cols):
            edges.add(Line(self.roll_point(i), self.roll_point(j), color=GRAPH_EDGE,
                           stroke_width=1, stroke_opacity=0.35))
        with self.beat(f"An ant walking on the sheet cannot jump. To measure its way, join every "
                       f"point to its {KNN_K} nearest neighbours. Short hops stay on the sheet."):
            self.play(Create(edges), run_time=2.5)
        self.path = always_redraw(lambda: VMobject(stroke_color=GEODESIC, stroke_width=6)
                                  .set_points_as_corners([self.roll_point(i) for i in PATH]))
        readout = MathTex(r"d_{\text{graph}}(\mathbf{a}, \mathbf{b})", "=",
                          format_number(PATH_LENGTH, 1), font_size=BODY_SIZE, color=GEODESIC)
        readout.next_to(self.readouts, DOWN, buff=0.3, aligned_edge=RIGHT)
        with self.beat(f"The shortest path through this graph, found with Dijkstra's algorithm, "
                       f"winds once around the roll: {len(PATH) - 1} hops, total length "
                       f"{format_number(PATH_LENGTH, 1)}."):
            self.play(Create(self.path), run_time=3)
            self.play(FadeIn(readout))
        self.readouts.add(readout)
        self.play(FadeOut(edges))

    def show_numbers(self):
        exact = MathTex(r"d_{\text{sheet}}(\mathbf{a}, \mathbf{b})", "=",
                        format_number(EXACT_GEODESIC, 1), font_size=BODY_SIZE, color=GEODESIC)
        exact.next_to(self.readouts, DOWN, buff=0.3, aligned_edge=RIGHT)
        ratio = MathTex(r"\frac{d_{\text{sheet}}}{\lVert \mathbf{a} - \mathbf{b} \rVert}",
                        r"\approx", format_number(DETOUR, 0), font_size=BODY_SIZE, color=TEXT)
        ratio.next_to(exact, DOWN, buff=0.3, aligned_edge=RIGHT)
        with self.beat("The true distance along the sheet, the geodesic, comes from the arc "
                       f"length of the spiral: {format_number(EXACT_GEODESIC, 1)}. The graph's path "
                       "comes close, a little longer because it zigzags. The straight line is off "
                       f"by a factor of about {format_number(DETOUR, 0)}."):
            self.play(FadeIn(exact))
            # the geodesic traced along the spiral, then the graph's zigzag beside it
            geodesic = self.get_spiral(GEODESIC_T, GEODESIC_H, TEXT, stroke_width=9)
            self.play(ShowPassingFlash(geodesic, time_width=0.4), Indicate(exact, color=GEODESIC),
                      run_time=1.5)
            self.play(self.get_path_flash(), Indicate(self.readouts[1], color=GEODESIC),
                      run_time=1.5)
            self.play(Indicate(self.readouts[0], color=CHORD), Indicate(self.chord, color=CHORD))
            # the long way round, lit from a to b, as the ratio is written
            self.play_sweep(ROLL.t, ROLL.t[POINT_A], ROLL.t[POINT_B], BAND_T, run_time=1.2,
                            along=[Write(ratio)])
        self.readouts.add(exact, ratio)

    def show_unrolled_path(self):
        with self.beat("Unroll the sheet, and carry the path along."):
            self.play(FadeOut(self.chord))
            self.show_unroll(run_time=5)
        straight = DashedLine(self.a[0].get_center(), self.b[0].get_center(), color=TEXT,
                              stroke_width=3)
        isomap = Tex(r"Isomap: graph distances $\to$ flat coordinates", font_size=LABEL_SIZE,
                     color=MUTED).next_to(self.readouts, DOWN, buff=0.4, aligned_edge=RIGHT)
        with self.beat("On the flat sheet the shortest path is nearly a straight line: a geodesic "
                       "is what a straight line becomes on a curved surface. Methods like Isomap "
                       "use exactly these graph distances to lay the data out flat."):
            self.play(Create(straight), run_time=1.5)
            self.play(self.get_path_flash())
            self.play(Indicate(self.readouts[1], color=GEODESIC))
            # laid out flat: the sheet's own coordinate, swept from end to end
            self.play_sweep(ROLL_S, ROLL_S.min(), ROLL_S.max(), BAND_S, run_time=1.5,
                            along=[FadeIn(isomap, shift=0.1 * UP)])


# =========================================================================== scene 3

TSNE_CENTER = np.array([-3.55, -0.35, 0])
KL_AXES_CENTER = np.array([3.75, -2.35, 0])


class TsneObjective(NarratedScene):
    """P from the data, Q from the map, gradient descent on KL(P || Q)."""

    def construct(self):
        # Step 1: the data: 90 points in 10-D, and a random start for the map.
        self.step = ValueTracker(0)
        self.frames, self.kl = get_tsne_frames(), get_tsne().kl_history  # (301, 90, 2), (301,)
        self.show_start()
        # Step 2: p_ij: neighbours in the data.
        self.show_p()
        # Step 3: q_ij: neighbours on the map, with a heavy tail.
        self.show_q()
        # Step 4: the objective and its gradient: attraction and repulsion.
        self.show_objective()
        # Step 5: run it: the map organises itself and the KL falls.
        self.show_optimisation()

    def map_point(self, i: int) -> np.ndarray:
        u, v = lookup(self.frames[:, i], self.step.get_value())
        return TSNE_CENTER + np.array([u, v, 0])

    def show_start(self):
        frame = Rectangle(width=TSNE_BOX + 0.5, height=TSNE_BOX + 0.5, color=FAINT, stroke_width=2)
        frame.move_to(TSNE_CENTER)
        title = Tex("the map", font_size=LABEL_SIZE, color=MUTED).next_to(frame, UP, buff=0.1)
        self.dots = VGroup()
        for i in range(len(TSNE_X)):
            dot = Dot(self.map_point(i), radius=0.06, color=CLUSTER_COLORS_3[TSNE_GROUP[i]])
            dot.add_updater(lambda m, i=i: m.move_to(self.map_point(i)))
            self.dots.add(dot)
        with self.beat("Isomap keeps every distance, far ones too. For a picture, what matters "
                       "most is who is near whom, and that is what t-SNE keeps. "
                       f"Here are ninety points in {DIM} dimensions, drawn from three groups. We cannot "
                       "look at ten dimensions, so t-SNE draws a two-dimensional map of them."):
            self.play(Create(frame), FadeIn(title))
            self.play(LaggedStart(*(GrowFromCenter(d) for d in self.dots), lag_ratio=0.01), run_time=2)
            self.play(Indicate(self.dots, scale_factor=1.15), run_time=1.5)
        with self.beat("The map starts as a random cloud. The colours show the true groups, for "
                       "us only: t-SNE never sees them."):
            self.play(Circumscribe(frame, color=MUTED))
            for group, color in enumerate(CLUSTER_COLORS_3[:N_CLUSTERS]):
                self.play(*(Indicate(d, color=color, scale_factor=1.8)
                            for d, g in zip(self.dots, TSNE_GROUP) if g == group), run_time=0.8)

    def show_p(self):
        p = MathTex("p_{j|i}", "=", r"\frac{e^{-\lVert x_i - x_j \rVert^2 / 2\sigma_i^2}}"
                    r"{\sum_{k} e^{-\lVert x_i - x_k \rVert^2 / 2\sigma_i^2}}", font_size=LABEL_SIZE)
        p[0].set_color(DIST_P)
        note = Tex(rf"$\sigma_i$ tuned to perplexity {format_number(PERPLEXITY)}",
                   font_size=SMALL_SIZE, color=MUTED)
        self.p_group = VGroup(p, note).arrange(DOWN, buff=0.15)
        self.p_group.move_to([3.75, 2.95, 0])
        with self.beat("First, in the data: how likely is point i to pick point j as its "
                       "neighbour? A Gaussian around x i answers, with its width tuned so that "
                       "each point has about ten effective neighbours."):
            self.play(Write(p), run_time=2)
            self.play(FadeIn(note))
            self.wait(1)

    def show_q(self):
        q = MathTex("q_{ij}", "=", r"\frac{(1 + \lVert y_i - y_j \rVert^2)^{-1}}"
                    r"{\sum_{k \ne l} (1 + \lVert y_k - y_l \rVert^2)^{-1}}", font_size=LABEL_SIZE)
        q[0].set_color(DIST_Q)
        q.next_to(self.p_group, DOWN, buff=0.3)
        with self.beat("On the map, the same question gets a different kernel: a Student t with "
                       "a heavy tail. Far-apart groups can then sit far apart without cost."):
            self.play(Write(q), run_time=2)
            self.wait(1)
        self.q = q

    def show_objective(self):
        cost = MathTex("C", "=", r"\mathrm{KL}(", "P", r"\,\Vert\,", "Q", ")", "=",
                       r"\sum_{i \ne j}", "p_{ij}", r"\log \frac{p_{ij}}{q_{ij}}", font_size=LABEL_SIZE)
        cost[3].set_color(DIST_P)
        cost[5].set_color(DIST_Q)
        cost[9].set_color(DIST_P)
        cost.next_to(self.q, DOWN, buff=0.3)
        grad = MathTex(r"\frac{\partial C}{\partial y_i} = 4 \sum_j", r"(p_{ij} - q_{ij})",
                       r"\frac{y_i - y_j}{1 + \lVert y_i - y_j \rVert^2}", font_size=LABEL_SIZE)
        grad.next_to(cost, DOWN, buff=0.25)
        with self.beat("t-SNE moves the map points to make Q match P: it minimises the KL "
                       "divergence from P to Q, by gradient descent."):
            self.play(Write(cost), run_time=2)
        with self.beat("The gradient reads like springs. Where p is bigger than q, neighbours "
                       "drawn too far apart, it pulls together; where p is smaller, it pushes "
                       "apart."):
            self.play(Write(grad), run_time=2)
            self.play(Indicate(grad[1], color=TEXT), run_time=1.5)
        self.formulas = VGroup(self.p_group, self.q, cost, grad)

    def show_optimisation(self):
        axes = Axes(x_range=(0, TSNE_ITERS, 100), y_range=(0, 2.5, 0.5), x_length=5.2, y_length=1.9,
                    axis_config={"color": MUTED, "stroke_width": 2, "include_ticks": True},
                    tips=False).move_to(KL_AXES_CENTER)
        label = MathTex(r"\mathrm{KL}(P \Vert Q)", font_size=SMALL_SIZE + 2, color=TEXT)
        label.next_to(axes, UP, buff=0.1).align_to(axes, LEFT)
        iters = Tex("iteration", font_size=SMALL_SIZE, color=MUTED).next_to(axes, DOWN, buff=0.1)
        def traced_curve():
            k = max(1, int(self.step.get_value()))
            return axes.plot_line_graph(np.arange(k + 1), self.kl[: k + 1],
                                        add_vertex_dots=False,
                                        line_color=DIST_Q, stroke_width=3)

        head = always_redraw(lambda: Dot(axes.c2p(self.step.get_value(),
                                                  float(np.interp(self.step.get_value(),
                                                                  np.arange(TSNE_ITERS + 1), self.kl))),
                                         radius=0.06, color=DIST_Q))
        with self.beat(f"Here is the KL divergence of the start: {format_number(self.kl[0])}. "
                       "Let gradient descent run."):
            self.play(FadeOut(self.formulas[3]), Create(axes), FadeIn(label), FadeIn(iters))
            self.play(FadeIn(head))
        self.add(always_redraw(traced_curve))
        with self.beat("For the first fifty steps P is exaggerated, to pull groups together "
                       "early. Then the map settles. The view zooms out as the map grows."):
            self.play(self.step.animate.set_value(EXAGGERATION_ITERS), run_time=4, rate_func=linear)
        with self.beat(f"After {TSNE_ITERS} steps the KL has fallen to "
                       f"{format_number(self.kl[-1])}, and the three groups sit apart on the map."):
            self.play(self.step.animate.set_value(TSNE_ITERS), run_time=6, rate_func=linear)
            self.wait(1)
        with self.beat("Nobody told t-SNE about the groups: they came out of P alone, the "
                       "neighbours in ten dimensions, kept as neighbours on the map."):
            self.play(*(Indicate(d, color=TEXT, scale_factor=1.3) for d in self.dots[::15]),
                      run_time=1.5)
            self.wait(1.5)


# =========================================================================== scene 4

# --------------------------------------------------------------------------- UMAP, and reading maps
# Three groups in the plane, so the data itself can be drawn: a tight one, a wide one five
# times its spread, and a tight one far away. Rounded to the two decimals the bridge shows.
_map_rng = np.random.default_rng(SEED + 145)
MAP_X = np.round(np.concatenate([
    _map_rng.normal(size=(20, 2)) * 0.3 + [-3, 0],
    _map_rng.normal(size=(20, 2)) * 1.5 + [3, 0],
    _map_rng.normal(size=(20, 2)) * 0.3 + [12, 0]]), 2)  # (60, 2)
MAP_GROUP = np.repeat(np.arange(3), 20)  # (60,) for colouring only
UMAP_K = 8
FUZZY = manifold.fuzzy_graph(MAP_X, UMAP_K)  # weights (60, 60), rhos, sigmas
DENSE_POINT, SPARSE_POINT = 0, 25  # one point of the tight group, one of the wide group
EDGE_PAIRS = list(zip(*np.nonzero(np.triu(FUZZY.weights))))  # (i, j) with i < j, drawn as lines
SIGMA_BRIDGE = Bridge(
    formula=r"\sum_{j \in kNN(i)} e^{-(d_{ij} - \rho_i)/\sigma_i} = \log_2 k",
    setup=f"X = np.array({MAP_X.tolist()})\nk = {UMAP_K}",
    mathcore=Snippet("manifold.fuzzy_graph(X, k).sigmas[0]"),
    library=Snippet("from scipy.optimize import brentq\n"
                    "r = np.linalg.norm(X - X[0], axis=1)\n"
                    "d = np.sort(r)[1:k + 1]\n"
                    "f = lambda s: np.exp(-(d - d[0]) / s).sum()\n"
                    "brentq(lambda s: f(s) - np.log2(k), .01, 9)", needs="scipy"),
    decimals=3,
)
MAP_PERPLEXITY = 8.0
MAP_TSNE = manifold.tsne(MAP_X, perplexity=MAP_PERPLEXITY, n_iter=300, rng=SEED).embedding
_groups = [np.flatnonzero(MAP_GROUP == g) for g in range(3)]


def _spreads(Y: np.ndarray) -> np.ndarray:
    """(3,) each group's mean standard deviation per axis: its size."""
    return np.array([Y[g].std(axis=0).mean() for g in _groups])


def _gaps(Y: np.ndarray) -> np.ndarray:
    """(2,) distances between the centres of groups 1-2 and 2-3."""
    c = np.array([Y[g].mean(axis=0) for g in _groups])
    return np.linalg.norm(c[1:] - c[:-1], axis=1)


DATA_SPREADS, MAP_SPREADS = _spreads(MAP_X), _spreads(MAP_TSNE)
DATA_GAPS, MAP_GAPS = _gaps(MAP_X), _gaps(MAP_TSNE)


class UmapAndReadingMaps(NarratedScene):
    """UMAP's fuzzy graph (each point at its own scale), and what a t-SNE map's sizes and
    distances do not mean."""

    def construct(self):
        # Step 1: the data, three groups of different spreads.
        axes, dots = self.get_data()
        self.show_data(axes, dots)
        # Step 2: UMAP's fuzzy graph, each point's rho and sigma; the bridge to SciPy.
        edges = self.get_edges(axes)
        self.show_graph(axes, dots, edges)
        # Step 3: a t-SNE map of the same data: sizes and gaps equalised.
        self.show_map(axes, dots, edges)

    def get_data(self):
        axes = Axes(x_range=(-5, 15, 5), y_range=(-5, 5, 5), x_length=8.0, y_length=4.0,
                    tips=False, axis_config={"stroke_color": FAINT, "stroke_width": 1})
        axes.move_to([-2.4, 0.6, 0])
        dots = VGroup(*(Dot(axes.c2p(*p), radius=0.05, color=CLUSTER_COLORS_3[g])
                        for p, g in zip(MAP_X, MAP_GROUP)))
        return axes, dots

    def show_data(self, axes, dots):
        with self.beat("t-SNE is one way to draw a map. UMAP, the other common one, splits the "
                       "job in two: first a fuzzy graph of neighbours, then a layout that keeps "
                       "that graph. Here are sixty points in the plane, in three groups."):
            self.play(Create(axes), run_time=1)
            self.play(FadeIn(dots, lag_ratio=0.03), run_time=2)

    def get_edges(self, axes) -> VGroup:
        return VGroup(*(Line(axes.c2p(*MAP_X[a]), axes.c2p(*MAP_X[b]), color=GRAPH_EDGE,
                             stroke_width=3, stroke_opacity=float(FUZZY.weights[a, b]))
                        for a, b in EDGE_PAIRS))

    def show_graph(self, axes, dots, edges):
        card = VGroup(
            MathTex(r"w_{j|i} = e^{-(d_{ij} - \rho_i)/\sigma_i}", font_size=BODY_SIZE),
            Tex(rf"$\rho_i$: distance to the nearest neighbour; "
                rf"$\sigma_i$: row sums to $\log_2 {UMAP_K}$", font_size=LABEL_SIZE, color=MUTED),
        ).arrange(DOWN, buff=0.2).to_edge(UP, buff=EDGE_BUFF)
        with self.beat(f"Each point joins its {UMAP_K} nearest neighbours. Rho is the distance "
                       "to the closest one, which gets full weight; sigma stretches the rest "
                       f"until the {UMAP_K} weights add up to log two of {UMAP_K}, three."):
            self.play(Write(card[0]), run_time=1.5)
            self.play(FadeIn(card[1]), Create(edges, lag_ratio=0.01), run_time=2.5)
        # each sigma beside its point's group, in the group's colour: above the tight group,
        # below the wide one (under the point itself they sat on the axis and on the edges)
        numbers = VGroup(*(MathTex(
            rf"\sigma = {format_number(FUZZY.sigmas[k], 2)}", font_size=LABEL_SIZE,
            color=CLUSTER_COLORS_3[MAP_GROUP[k]]).next_to(
                VGroup(*(dots[j] for j in np.flatnonzero(MAP_GROUP == MAP_GROUP[k]))), side,
                buff=0.25)
            for k, side in ((DENSE_POINT, UP), (SPARSE_POINT, DOWN))))
        with self.beat(f"So each point measures distance in its own unit. In the tight group "
                       f"sigma is {format_number(FUZZY.sigmas[DENSE_POINT], 2)}, in the wide "
                       f"one {format_number(FUZZY.sigmas[SPARSE_POINT], 2)}, and both "
                       f"neighbourhoods end up with the same total weight. The graph forgets "
                       f"density, on purpose."):
            self.play(Indicate(dots[DENSE_POINT], scale_factor=2.5),
                      Indicate(dots[SPARSE_POINT], scale_factor=2.5))
            self.play(FadeIn(numbers))
            self.show_neighbourhoods(edges)
        bridge = get_bridge(SIGMA_BRIDGE).scale(0.9).move_to([0, -2.2, 0])
        with self.beat("Each sigma is a root of one equation: mathcore finds it by bisection, "
                       "and SciPy's brentq finds the same number."):
            self.play(FadeOut(VGroup(axes, dots, edges, numbers, card)), run_time=0.8)
            self.play(FadeIn(bridge.move_to([0, 0, 0]), lag_ratio=0.2), run_time=2)
        with self.beat("The second half of UMAP lays the graph out in two dimensions: edges pull "
                       "their ends together, non edges push apart, much like t-SNE's springs. "
                       "Which raises the question of what such a map can tell you."):
            self.play(FadeOut(bridge), run_time=0.8)
            self.play(FadeIn(VGroup(axes, dots, edges)), run_time=1.5)
            self.play(edges.animate.set_stroke(width=6), rate_func=there_and_back, run_time=2)

    def show_neighbourhoods(self, edges):
        """Light up the edges of the two marked points: short ones in the tight group, long
        ones in the wide group, the same total weight."""
        for k in (DENSE_POINT, SPARSE_POINT):
            # each edge animated as itself: a group of them played would join the scene beside
            # `edges`, and the far group's two coinciding points (one dot drawn) would have
            # their edges counted twice
            mine = [edge for edge, pair in zip(edges, EDGE_PAIRS) if k in pair]
            color = CLUSTER_COLORS_3[MAP_GROUP[k]]
            self.play(*(edge.animate.set_stroke(color=color, width=5) for edge in mine),
                      run_time=1.2)
            self.play(*(Indicate(edge, color=color, scale_factor=1.05) for edge in mine))
        self.play(edges.animate.set_stroke(color=GRAPH_EDGE, width=3))  # opacities (weights) kept

    def show_map(self, axes, dots, edges):
        target = VGroup(axes, dots, edges)
        with self.beat("Put the data on the left, and beside it a t-SNE map of the same sixty "
                       "points, made with mathcore's t-SNE."):
            self.play(FadeOut(edges), target.animate.scale(0.6).move_to([-3.6, 1.0, 0]))
            box = fit_to_box(MAP_TSNE, 4.2, 4.2)
            map_dots = VGroup(*(Dot([3.6 + u, 0.4 + v, 0], radius=0.05,
                                    color=CLUSTER_COLORS_3[g]) for (u, v), g in zip(box, MAP_GROUP)))
            # one morph of the whole cloud, dot i to map dot i (the map, like the data, has
            # two points on one spot: parts of one cloud, not a copy left behind)
            self.play(ReplacementTransform(dots.copy(), map_dots), run_time=2.5)
        names = VGroup(Tex("data", font_size=LABEL_SIZE, color=MUTED).next_to(axes, UP, 0.15),
                       Tex("t-SNE map", font_size=LABEL_SIZE, color=MUTED)
                       .next_to(map_dots, UP, 0.15))
        fmt = lambda v: r",\ ".join(format_number(x, 1) for x in v)
        table = VGroup(
            MathTex(rf"\text{{sizes: }} {fmt(DATA_SPREADS)} \ \to\ {fmt(MAP_SPREADS)}",
                    font_size=LABEL_SIZE),
            MathTex(rf"\text{{gaps: }} {fmt(DATA_GAPS)} \ \to\ {fmt(MAP_GAPS)}",
                    font_size=LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3).move_to([0, -2.6, 0])
        with self.beat("Sizes first. In the data the middle group is about four times as "
                       "wide as the others. On the map it is even drawn the smallest: "
                       "perplexity gives every point the same number of neighbours, so a "
                       "cluster's size on the map says nothing about its spread."):
            self.play(FadeIn(names))
            self.play(FadeIn(table[0], shift=0.2 * UP))
            self.show_sizes(dots, map_dots)
        with self.beat("Distances next. In the data the third group is almost twice as far from "
                       "the middle one as the first group is. On the map the two gaps are nearly the same. "
                       "Beyond the nearest neighbours, distances between clusters carry little "
                       "meaning, in t-SNE and in UMAP alike. Read these maps for who is next to "
                       "whom, and nothing more."):
            self.play(FadeIn(table[1], shift=0.2 * UP))
            self.show_gaps(dots, map_dots)
            self.play(Indicate(table[1], color=TEXT))

    @staticmethod
    def get_group_widths(dots) -> VGroup:
        """(3,) a brace under each group's dots: the group's size on that picture."""
        return VGroup(*(Brace(VGroup(*(dots[k] for k in members)), DOWN, buff=0.08,
                              color=CLUSTER_COLORS_3[g])
                        for g, members in enumerate(_groups)))

    def show_sizes(self, dots, map_dots):
        """Brace each group in the data and on the map, then point at the middle one."""
        data_widths, map_widths = self.get_group_widths(dots), self.get_group_widths(map_dots)
        self.play(GrowFromCenter(data_widths, lag_ratio=0.3), run_time=1.5)
        self.play(GrowFromCenter(map_widths, lag_ratio=0.3), run_time=1.5)
        self.play(*(Indicate(w[1], color=CLUSTER_COLORS_3[1]) for w in (data_widths, map_widths)),
                  run_time=1.2)
        self.play(FadeOut(data_widths), FadeOut(map_widths))

    @staticmethod
    def get_gap_arrows(dots) -> VGroup:
        """(2,) double arrows between the centres of groups 1-2 and 2-3 on that picture."""
        centres = [VGroup(*(dots[k] for k in members)).get_center() for members in _groups]
        return VGroup(*(DoubleArrow(a, b, buff=0.05, color=TEXT, stroke_width=2, tip_length=0.15,
                                    max_tip_length_to_length_ratio=0.3)
                        for a, b in zip(centres[:-1], centres[1:])))

    def show_gaps(self, dots, map_dots):
        """The two gaps in the data, then the same two on the map."""
        data_gaps, map_gaps = self.get_gap_arrows(dots), self.get_gap_arrows(map_dots)
        self.play(GrowFromCenter(data_gaps[0]), GrowFromCenter(map_gaps[0]), run_time=1.2)
        self.play(GrowFromCenter(data_gaps[1]), GrowFromCenter(map_gaps[1]), run_time=1.2)
        self.play(Indicate(map_gaps, color=TEXT), run_time=1.2)
        self.play(FadeOut(data_gaps), FadeOut(map_gaps))


class Lesson16TryIt(TryItScene):
    lesson = 16
