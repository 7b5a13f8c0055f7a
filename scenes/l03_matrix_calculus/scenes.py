"""Lesson 03 — Matrix calculus.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed once, here at the top, by ``mathcore``
(``calculus`` for derivatives, ``autodiff`` for the graph and the network,
``linalg`` for eigenvalues), with fixed inputs and a fixed seed; the scenes only
draw and format them.
"""

from __future__ import annotations

import re

import numpy as np
import sympy
from manim import (
    DOWN, LEFT, ORIGIN, RIGHT, UL, UP, UR, ApplyPointwiseFunction, Arrow, Axes, Circle, Circumscribe,
    Create,
    Dot, FadeIn, FadeOut, GrowArrow, Indicate, LaggedStart, Line, MathTex, Matrix, MobjectMatrix,
    RoundedRectangle, ShowPassingFlash, SurroundingRectangle, Tex, Transform, VGroup, VMobject,
    Write,
)

from mathcore import autodiff, calculus, linalg
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_view import get_bridge
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, BACKGROUND, BODY_SIZE, EDGE_BUFF, EIGEN, FAINT, GRADIENT, I_HAT, J_HAT, LABEL_SIZE,
    MUTED, SMALL_SIZE, TEXT, VECTOR, CONTOUR_HIGH, CONTOUR_LOW,
)
from scenekit.widgets import (
    format_number, get_arrow, get_background_plane, get_contour_lines, get_matrix, get_panel,
    get_plane,
)

SEED = 3  # the only randomness in this lesson: the weights of the network in scene 4

# This lesson's symbols, coloured like the objects they name: inputs x and y
# like the basis vectors they move along, derivatives flowing back in gold.
TEX_MAP = {"x": I_HAT, "y": J_HAT}
FORWARD = VECTOR  # values flowing forward through a network
BACKWARD = GRADIENT  # gradients flowing back
INPUT = TEX_MAP["x"]  # the network's input x: green, like the input x of scenes 1 and 2
# Scene 4's symbols: the input green, the values it produces blue, the loss gold.
NET_TEX_MAP = {r"\mathbf{x}": INPUT, "x": INPUT, r"\mathbf{z}": FORWARD, r"\mathbf{h}": FORWARD,
               "h": FORWARD, r"\hat y": FORWARD, "L": BACKWARD}


# --------------------------------------------------------------------------- scene 1: Jacobian
X_SYM, Y_SYM = sympy.symbols("x y")
WARP_EXPRS = [X_SYM + sympy.sin(Y_SYM), Y_SYM + sympy.sin(X_SYM)]  # f(x, y), the map we study
WARP_JACOBIAN_SYM = calculus.symbolic_jacobian(WARP_EXPRS, [X_SYM, Y_SYM])  # (2, 2) sympy


def warp(p) -> np.ndarray:
    """f(x, y) = (x + sin y, y + sin x): smooth, not linear."""
    x, y = p
    return np.array([x + np.sin(y), y + np.sin(x)])


P_WARP = np.array([2.0, 1.2])  # the point we zoom in on
F_P_WARP = warp(P_WARP)  # (2,) where it lands
JACOBIAN = calculus.jacobian(warp, P_WARP)  # (2, 2) central differences
SMALL_GRID_HALF = 0.75  # the orange patch around p: p + [-0.75, 0.75]^2 ...
SMALL_GRID_STEP = 0.25  # ... in cells of 0.25
D_STEP = np.array([2.0, 1.0]) * SMALL_GRID_STEP  # a small step d from p, to a node of the patch

# --------------------------------------------------------------------------- scene 2: Hessian
WELL_EXPR = (X_SYM ** 2 - 1) ** 2 + 2 * (Y_SYM - X_SYM / 2) ** 2  # a double well with a pass
WELL_HESSIAN_SYM = calculus.symbolic_hessian(sympy.expand(WELL_EXPR), [X_SYM, Y_SYM])


def well(p) -> float:
    """f(x, y) = (x^2 - 1)^2 + 2 (y - x/2)^2: two valleys and a saddle between them."""
    p = np.asarray(p, dtype=float)
    x, y = p[..., 0], p[..., 1]
    return (x ** 2 - 1) ** 2 + 2 * (y - x / 2) ** 2


CRITICAL_POINTS = {"valley": np.array([1.0, 0.5]), "saddle": np.array([0.0, 0.0])}
CRITICAL_GRADIENTS = {k: calculus.gradient(well, p) for k, p in CRITICAL_POINTS.items()}  # ~0
HESSIANS = {k: calculus.hessian(well, p) for k, p in CRITICAL_POINTS.items()}  # (2, 2) each
HESSIAN_EIGEN = {k: linalg.eigh(H) for k, H in HESSIANS.items()}  # (values descending, columns)
SLICE_T = np.linspace(-0.6, 0.6, 49)  # how far we walk along each eigenvector
SLICES = {  # f(p + t q_j) - f(p) for j = 1, 2: the curvature, seen as a curve
    k: np.array([[well(p + t * HESSIAN_EIGEN[k][1][:, j]) - well(p) for t in SLICE_T]
                 for j in range(2)])
    for k, p in CRITICAL_POINTS.items()
}
WELL_GRID = np.linspace(-2.0, 2.0, 161)
WELL_GRID_Y = np.linspace(-1.5, 1.5, 121)
WELL_Z = well(np.stack(np.meshgrid(WELL_GRID, WELL_GRID_Y), axis=-1))  # (len(y), len(x))
WELL_LEVELS = [0.08, 0.3, 0.6, 1.0, 1.5, 2.3, 3.3, 4.5]

# --------------------------------------------------------------------------- scene 3: identities
ID_A_VEC = np.array([3.0, -1.0])  # a in a^T x
ID_A = np.array([[2.0, 1.0],
                 [0.0, 3.0]])  # (2, 2) not symmetric, so A + A^T differs from 2A
ID_X = np.array([1.0, 2.0])  # the point x


def id_quadratic(x) -> float:
    """x^T A x, the quadratic form whose gradient the scene derives."""
    return float(x @ ID_A @ x)


ID_LINEAR_FD = calculus.gradient(lambda x: float(ID_A_VEC @ x), ID_X)  # (2,) = a
ID_QUAD_FORMULA = (ID_A + ID_A.T) @ ID_X  # (2,) the identity's answer
ID_QUAD_FD = calculus.gradient(id_quadratic, ID_X)  # (2,) finite differences agree
ID_QUAD_WRONG = 2 * ID_A @ ID_X  # (2,) the symmetric-only shortcut, wrong here

QUADRATIC_GRADIENT = Bridge(
    formula=r"\nabla_{\mathbf{x}} (\mathbf{x}^{T} A \mathbf{x}) = (A + A^{T})\,\mathbf{x}",
    setup="A = np.array([[2.0, 1.0], [0.0, 3.0]])\nx = np.array([1.0, 2.0])",
    mathcore=Snippet("calculus.gradient(lambda v: v @ A @ v, x)"),
    library=Snippet("from scipy.optimize import approx_fprime\n"
                    "approx_fprime(x, lambda v: v @ A @ v)", needs="scipy"),
    decimals=3,
)

# --------------------------------------------------------------------------- scene 3: a neuron
NEURON_INPUTS = {"x1": 1.5, "w1": 0.8, "x2": -0.5, "w2": -1.2, "b": -0.4}


def build_neuron() -> dict[str, autodiff.Value]:
    """o = tanh(x1 w1 + x2 w2 + b) as a graph of Values, every node labelled."""
    v = {name: autodiff.Value(value, label=name) for name, value in NEURON_INPUTS.items()}
    v["x1w1"] = v["x1"] * v["w1"]
    v["x2w2"] = v["x2"] * v["w2"]
    v["s"] = v["x1w1"] + v["x2w2"]
    v["n"] = v["s"] + v["b"]
    v["o"] = v["n"].tanh()
    for name, node in v.items():
        node.label = name
    v["o"].backward()
    return v


NEURON = build_neuron()
NEURON_ORDER = [node.label for node in NEURON["o"].topological_order()]  # inputs before outputs
NEURON_DATA = {name: node.data for name, node in NEURON.items()}
NEURON_GRAD = {name: node.grad for name, node in NEURON.items()}  # d o / d node
TANH_LOCAL = 1 - NEURON_DATA["o"] ** 2  # the local derivative of tanh, as the scene says it

# --------------------------------------------------------------------------- scene 4: a network
rng = np.random.default_rng(SEED)
NET_X = np.array([[1.0, -0.5]])  # (B=1, n=2) one input
NET_Y = np.array([[1.0]])  # (1, m=1) its target
NET_W1 = np.round(rng.normal(0, 0.8, size=(2, 3)), 1)  # (n, h) = (2, 3)
NET_B1 = np.round(rng.normal(0, 0.3, size=3), 1)  # (3,)
NET_W2 = np.round(rng.normal(0, 0.8, size=(3, 1)), 1)  # (h, m) = (3, 1)
NET_B2 = np.array([0.1])  # (1,)
NET = autodiff.mlp_backprop(NET_X, NET_Y, NET_W1, NET_B1, NET_W2, NET_B2)


def net_layer1(x):
    """z = x W1 + b1, for one input x (2,) -> (3,)."""
    return x @ NET_W1 + NET_B1


def net_layer2(h):
    """y_hat = h W2 + b2, (3,) -> (1,)."""
    return h @ NET_W2 + NET_B2


def net_loss_of_output(y_hat):
    """L = (y_hat - y)^2 / 2, (1,) -> (1,) (a vector, so it has a 1x1 Jacobian)."""
    return 0.5 * (y_hat - NET_Y[0]) ** 2


def net_loss_of_input(x) -> float:
    """The whole network, input to loss, for the finite-difference check."""
    return float(net_loss_of_output(net_layer2(np.tanh(net_layer1(x))))[0])


NET_Z = NET.Z1[0]  # (3,)
NET_H = NET.H[0]  # (3,)
NET_YHAT = NET.Y_hat[0]  # (1,)
J_LOSS = calculus.jacobian(net_loss_of_output, NET_YHAT)  # (1, 1)  dL/dy_hat
J_LAYER2 = calculus.jacobian(net_layer2, NET_H)  # (1, 3)  dy_hat/dh = W2^T
J_TANH = calculus.jacobian(np.tanh, NET_Z)  # (3, 3)  dh/dz, diagonal 1 - h^2
J_LAYER1 = calculus.jacobian(net_layer1, NET_X[0])  # (3, 2)  dz/dx = W1^T
CHAIN_PRODUCT = J_LOSS @ J_LAYER2 @ J_TANH @ J_LAYER1  # (1, 2)  dL/dx
FD_INPUT_GRADIENT = calculus.gradient(net_loss_of_input, NET_X[0])  # (2,) the check
NET_DELTA2 = (NET.Y_hat - NET_Y) / NET_X.shape[0]  # (1, 1) as mathcore defines it
NET_DELTA1 = NET.db1  # (3,) with one sample, dL/db1 = delta_1


def net_loss_of_w1(w1_flat) -> float:
    """The loss as a function of W1 alone (for checking mathcore's dW1)."""
    return autodiff.mlp_backprop(NET_X, NET_Y, w1_flat.reshape(2, 3), NET_B1, NET_W2, NET_B2).loss


FD_W1_GRADIENT = calculus.gradient(net_loss_of_w1, NET_W1.ravel()).reshape(2, 3)

DELTA_RECURSION = Bridge(  # delta_1 = dL/dz_1 = dL/db_1 (one sample), by backprop and by nudging b_1
    formula=r"\delta_1 = (\delta_2 W_2^{T}) \odot (1 - \mathbf{h}^2)",
    setup=(f"X = np.array({NET_X.tolist()})\nY = np.array({NET_Y.tolist()})\n"
           f"W1 = np.array({NET_W1.tolist()})\nb1 = np.array({NET_B1.tolist()})\n"
           f"W2 = np.array({NET_W2.tolist()})\nb2 = np.array({NET_B2.tolist()})"),
    mathcore=Snippet("net = autodiff.mlp_backprop(\n    X, Y, W1, b1, W2, b2)\nnet.db1"),
    library=Snippet("from scipy.optimize import approx_fprime\n"
                    "def loss(b):\n"
                    "    r = np.tanh(X @ W1 + b) @ W2 + b2 - Y\n"
                    "    return 0.5 * (r ** 2).sum()\n"
                    "approx_fprime(b1, loss)", needs="scipy"),
    decimals=2,
)


def tex(text: str, font_size: float = BODY_SIZE, colors: dict | None = None, **kwargs) -> MathTex:
    """MathTex where each symbol written ``{{x}}`` is a part of its own, coloured by ``colors``
    (default ``TEX_MAP``): ``tex(r"f({{x}}, {{y}})")`` has a green x and a red y. A symbol that
    ends in a brace needs spaces inside the marks: ``{{ \\mathbf{x} }}``."""
    colors = TEX_MAP if colors is None else colors
    pieces = re.split(r"\{\{(.*?)\}\}", text)
    parts = [(piece, index % 2 == 1) for index, piece in enumerate(pieces) if piece]
    formula = MathTex(*(piece for piece, _ in parts), font_size=font_size, **kwargs)
    for part, (piece, marked) in zip(formula, parts):
        if marked and piece.strip() in colors:
            part.set_color(colors[piece.strip()])
    return formula


def get_symbolic_matrix(M: sympy.Matrix, font_size: float = LABEL_SIZE,
                        column_colors=None) -> Matrix:
    """A sympy matrix as a bracketed Matrix mobject, each entry typeset by ``to_latex``."""
    entries = [[calculus.to_latex(M[i, j]) for j in range(M.cols)] for i in range(M.rows)]
    widest = max(MathTex(e, font_size=font_size).width for row in entries for e in row)
    matrix = Matrix(entries, element_to_mobject_config={"font_size": font_size},
                    h_buff=widest + 0.45, v_buff=0.75 * font_size / LABEL_SIZE,
                    bracket_h_buff=0.15, bracket_v_buff=0.15, element_alignment_corner=ORIGIN)
    if column_colors is not None:
        for column, color in zip(matrix.get_columns(), column_colors):
            column.set_color(color)
    return matrix


def polyline(points, color, stroke_width: float = 2, opacity: float = 1.0) -> VMobject:
    curve = VMobject(stroke_color=color, stroke_width=stroke_width, stroke_opacity=opacity)
    curve.set_points_as_corners(points)
    return curve


# =========================================================================== scene 1

WARP_UNIT = 0.9  # frame units per plane unit
WARP_ORIGIN = np.array([-2.6, 0.0, 0.0])  # the plane's origin on screen
ZOOM = 2.2  # how much the zoom magnifies
ZOOM_CENTER = np.array([-3.4, -0.25, 0.0])  # where f(p) sits after the zoom
RIGHT_COLUMN_X = 3.6  # centre of the text column ...
RIGHT_COLUMN_WIDTH = 5.7  # ... and the widest its contents get: the column keeps EDGE_BUFF
COLUMN_GAP = 0.22  # between the column's cards (four of them must fit the frame's height)


def warp_frame_point(point: np.ndarray) -> np.ndarray:
    """f applied to a point on screen (through the plane's coordinates)."""
    coords = (point[:2] - WARP_ORIGIN[:2]) / WARP_UNIT
    return np.append(WARP_ORIGIN[:2] + WARP_UNIT * warp(coords), 0.0)


def to_frame(coords) -> np.ndarray:
    """Plane coordinates -> screen, before the zoom."""
    return np.append(WARP_ORIGIN[:2] + WARP_UNIT * np.asarray(coords, dtype=float), 0.0)


def to_zoomed_frame(coords) -> np.ndarray:
    """Plane coordinates of the *output* of f -> screen, after the zoom about f(p)."""
    d = np.asarray(coords, dtype=float) - F_P_WARP
    return ZOOM_CENTER + np.append(ZOOM * WARP_UNIT * d, 0.0)


def grid_lines(half: float, step: float, n_samples: int = 25):
    """Offsets d (k, 2) along every line of the square grid [-half, half]^2 with spacing step."""
    ticks = np.arange(-half, half + 1e-9, step)
    s = np.linspace(-half, half, n_samples)
    lines = [np.column_stack([np.full_like(s, t), s]) for t in ticks]  # vertical lines
    lines += [np.column_stack([s, np.full_like(s, t)]) for t in ticks]  # horizontal lines
    return lines


class JacobianIsALocalLinearMap(NarratedScene):
    """A nonlinear map bends the plane; near one point it is the linear map J."""

    def construct(self):
        # Step 1: the plane and the map f(x, y) = (x + sin y, y + sin x).
        self.show_plane_and_map()
        # Step 2: a small orange patch around p; apply f to everything: lines curve.
        self.show_warp()
        # Step 3: zoom in on f(p): the curved grid looks almost straight.
        self.show_zoom()
        # Step 4: the linear map J, applied to the same patch, lands on top of it.
        self.show_linearisation()
        # Step 5: J's entries: partial derivatives, symbolic and at p; its columns.
        self.show_jacobian_matrix()

    # ------------------------------------------------------------------ builders
    def get_patch(self) -> VGroup:
        """The orange grid p + [-0.75, 0.75]^2, lines finely sampled so they can bend."""
        return VGroup(*(polyline([to_frame(P_WARP + d) for d in line], ACCENT, 2.5)
                        for line in grid_lines(SMALL_GRID_HALF, SMALL_GRID_STEP)))

    def get_linear_patch(self) -> VGroup:
        """The same grid sent through f(p) + J (x - p), drawn after the zoom."""
        return VGroup(*(
            Line(to_zoomed_frame(F_P_WARP + JACOBIAN @ line[0]),
                 to_zoomed_frame(F_P_WARP + JACOBIAN @ line[-1]),
                 color=EIGEN, stroke_width=2.5)
            for line in grid_lines(SMALL_GRID_HALF, SMALL_GRID_STEP)
        ))

    # ------------------------------------------------------------------ steps
    def show_plane_and_map(self):
        self.background = get_background_plane(unit=WARP_UNIT, center=WARP_ORIGIN,
                                               x_range=(-6, 12, 1), y_range=(-6, 6, 1))
        self.plane = get_plane(unit=WARP_UNIT, center=WARP_ORIGIN, x_range=(-6, 12, 1),
                               y_range=(-6, 6, 1))
        self.plane.prepare_for_nonlinear_transform(num_inserted_curves=40)
        formula = tex(r"f({{x}}, {{y}}) = \begin{bmatrix} {{x}} + \sin {{y}} \\ {{y}} + \sin {{x}} "
                      r"\end{bmatrix}", font_size=BODY_SIZE)
        self.map_card = get_panel(formula).move_to([RIGHT_COLUMN_X, 0, 0])
        self.map_card.to_edge(UP, buff=EDGE_BUFF).set_z_index(10)
        with self.beat("Here is a map from the plane to the plane: f of x and y is x plus sine y, "
                       "y plus sine x. It is smooth, but it is not linear."):
            self.add(self.background)
            self.play(FadeIn(self.plane), run_time=1.5)
            self.play(FadeIn(self.map_card, shift=0.2 * DOWN))

    def show_warp(self):
        self.p_dot = Dot(to_frame(P_WARP), radius=0.07, color=ACCENT).set_z_index(5)
        p_label = tex(rf"\mathbf{{p}} = ({format_number(P_WARP[0], 1)},\, "
                      rf"{format_number(P_WARP[1], 1)})",
                      font_size=LABEL_SIZE, color=ACCENT)
        p_label = get_panel(p_label, buff=0.08, opacity=0.8).next_to(self.p_dot, DOWN, buff=0.95)
        self.patch = self.get_patch()
        with self.beat("Pick a point p, and draw a small orange grid around it."):
            self.play(FadeIn(self.p_dot, scale=2), FadeIn(p_label))
            self.play(Create(self.patch), run_time=1.5)
        with self.beat("Now apply f to the whole plane. Grid lines curve and spacing changes "
                       "from place to place: that is what nonlinear looks like."):
            self.play(FadeOut(p_label))
            self.play(ApplyPointwiseFunction(warp_frame_point, VGroup(self.plane, self.patch)),
                      self.p_dot.animate.move_to(warp_frame_point(self.p_dot.get_center())),
                      run_time=3)
            self.wait(0.5)

    def show_zoom(self):
        fp = self.p_dot.get_center()
        moving = VGroup(self.plane, self.patch, self.p_dot)
        with self.beat("But zoom in on where p landed. The closer we look, the straighter "
                       "the orange lines get."):
            self.play(FadeOut(self.background))
            self.play(moving.animate.scale(ZOOM, about_point=fp).shift(ZOOM_CENTER - fp),
                      run_time=2.5)
            self.wait(0.5)
        with self.beat("Lines stay nearly straight, parallel and evenly spaced: near one point, "
                       "a smooth map looks like a linear map."):
            self.play(self.plane.animate.set_stroke(opacity=0.35), run_time=1)
            self.play(Indicate(self.patch, color=ACCENT, scale_factor=1.03), run_time=1.5)

    def show_linearisation(self):
        self.linear_patch = self.get_linear_patch()
        formula = MathTex(r"f(\mathbf{p} + \mathbf{d})", r"\approx", r"f(\mathbf{p})", "+", "J",
                          r"\,\mathbf{d}", font_size=BODY_SIZE)
        formula[4].set_color(EIGEN)  # J: yellow, like the linear patch it draws
        card = get_panel(formula).next_to(self.map_card, DOWN, buff=COLUMN_GAP).set_z_index(10)
        card.set_x(RIGHT_COLUMN_X)
        # the step d from p, seen after f: where f really sends p + d (a node of the orange
        # grid), and the arrow J d from f(p), which lands next to it
        landed = Dot(to_zoomed_frame(warp(P_WARP + D_STEP)), radius=0.07, color=ACCENT)
        step = get_arrow(to_zoomed_frame(F_P_WARP), to_zoomed_frame(F_P_WARP + JACOBIAN @ D_STEP),
                         EIGEN, stroke_width=5)
        with self.beat("Which linear map? Call its matrix J. Move a little, by d, away from p, "
                       "and f moves by about J times d."):
            self.play(FadeIn(card[0], shift=0.2 * DOWN), Write(formula[:3]))
            self.play(Write(formula[3:]))
            self.play(FadeIn(landed, scale=2), Indicate(formula[0], color=ACCENT))
            self.play(GrowArrow(step), Indicate(formula[4:], color=EIGEN))
        self.remove(card[0], *formula)
        self.add(card)
        with self.beat("Here, in yellow, is the same grid sent through that linear map instead "
                       "of through f. In the middle the two agree; only at the edges of the "
                       "patch do they drift apart."):
            self.play(Create(self.linear_patch), FadeOut(landed), FadeOut(step), run_time=2.5)
            self.wait(1.5)
        self.approx_card = card

    def show_jacobian_matrix(self):
        partials = MobjectMatrix(
            [[tex(rf"\frac{{\partial f_{i}}}{{\partial {{{{{v}}}}}}}", font_size=LABEL_SIZE)
              for v in ("x", "y")] for i in (1, 2)],
            h_buff=1.1, v_buff=0.95, bracket_h_buff=0.15, bracket_v_buff=0.15)
        definition = VGroup(MathTex("J", "=", font_size=BODY_SIZE), partials).arrange(RIGHT, buff=0.15)
        card = get_panel(definition).next_to(self.approx_card, DOWN, buff=COLUMN_GAP)
        card.set_x(RIGHT_COLUMN_X).set_z_index(10)
        with self.beat("J is the Jacobian: the matrix of all partial derivatives. Row i belongs "
                       "to output i, column j to input j."):
            self.play(FadeIn(card, shift=0.2 * DOWN), run_time=1.5)
            self.wait(0.5)
        symbolic = get_symbolic_matrix(WARP_JACOBIAN_SYM, column_colors=(I_HAT, J_HAT))
        numeric = get_matrix(JACOBIAN, column_colors=(I_HAT, J_HAT), font_size=LABEL_SIZE)
        values = VGroup(MathTex("=", font_size=BODY_SIZE), symbolic,
                        MathTex(r"\;\xrightarrow{\ \mathbf{p}\ }\;", font_size=BODY_SIZE),
                        numeric).arrange(RIGHT, buff=0.15)
        if values.width > RIGHT_COLUMN_WIDTH:
            values.scale_to_fit_width(RIGHT_COLUMN_WIDTH)
        values_card = get_panel(values).next_to(card, DOWN, buff=COLUMN_GAP).set_x(RIGHT_COLUMN_X)
        values_card.set_z_index(10)
        with self.beat("For our f, differentiate each entry by hand, or let SymPy do it: ones "
                       "on the diagonal, cosines off it."):
            self.play(FadeIn(VGroup(values_card[0], *values[:2]), shift=0.2 * DOWN), run_time=1.5)
            self.wait(0.5)
        with self.beat(f"At our point p, the numbers are 1 and {format_number(JACOBIAN[0, 1])} in the "
                       f"top row, {format_number(JACOBIAN[1, 0])} and 1 in the bottom row."):
            self.play(FadeIn(values[2:], shift=0.2 * RIGHT))
            self.wait(0.5)
        # The columns of J are where the two small steps along x and along y go.
        origin = to_zoomed_frame(F_P_WARP)
        steps = [get_arrow(origin, to_zoomed_frame(F_P_WARP + SMALL_GRID_HALF * JACOBIAN[:, j]),
                           color, stroke_width=6).set_z_index(6)
                 for j, color in enumerate((I_HAT, J_HAT))]
        columns = numeric.get_columns()
        with self.beat("Read it like any matrix: the first column is where a step along x "
                       "goes, the second where a step along y goes. The yellow grid is spanned "
                       "by exactly these two arrows."):
            self.play(GrowArrow(steps[0]), Indicate(columns[0], color=I_HAT))
            self.play(GrowArrow(steps[1]), Indicate(columns[1], color=J_HAT))
            self.wait(1)
        with self.beat("So the Jacobian is the derivative of a vector function: the best linear "
                       "map near a point, one matrix per point."):
            self.play(Indicate(self.linear_patch, color=EIGEN, scale_factor=1.03), run_time=1.5)
            self.wait(1)


# =========================================================================== scene 2

WELL_UNIT = 1.5
WELL_ORIGIN = np.array([-3.55, -0.45, 0.0])
SLICE_COLORS = (EIGEN, ACCENT)  # eigen-direction 1 (yellow) and 2 (orange)


class HessianIsCurvature(NarratedScene):
    """At a flat point the Hessian's eigenvalues say bowl (both > 0) or saddle (mixed signs)."""

    def construct(self):
        # Step 1: the double well as a contour map; its formula.
        self.show_landscape()
        # Step 2: three flat points: the gradient is zero at each.
        self.show_flat_points()
        # Step 3: the Hessian, the matrix of second derivatives, symbolic.
        self.show_hessian_formula()
        # Step 4: at a valley floor: two positive eigenvalues, curving up both ways.
        self.show_point("valley")
        # Step 5: at the pass: one positive, one negative: a saddle.
        self.show_point("saddle")
        # Step 6: the rule.
        self.show_rule()

    def show_landscape(self):
        self.plane = get_plane(x_range=(-2, 2, 1), y_range=(-1.5, 1.5, 0.5), unit=WELL_UNIT,
                               center=WELL_ORIGIN)
        self.plane.set_stroke(color=FAINT, opacity=0.35, width=1)
        contours = get_contour_lines(self.plane, WELL_GRID, WELL_GRID_Y, WELL_Z, WELL_LEVELS,
                                     colors=(CONTOUR_LOW, CONTOUR_HIGH))
        formula = tex(r"f({{x}}, {{y}}) = ({{x}}^2 - 1)^2 + 2\left({{y}} - \tfrac{ {{x}} }{2}\right)^2",
                      font_size=LABEL_SIZE)
        formula.to_corner(UL, buff=EDGE_BUFF)
        with self.beat("The Jacobian holds first derivatives: it sees slopes, not shapes. To tell "
                       "a valley from a pass we need second derivatives. "
                       "A landscape with two valleys and a mountain pass between them, seen from "
                       "above as contour lines."):
            self.add(self.plane)
            self.play(Create(contours), run_time=2.5)
            self.play(Write(formula))
        self.formula = formula

    def show_flat_points(self):
        self.dots = {k: Dot(self.plane.c2p(*p), radius=0.08, color=TEXT).set_z_index(5)
                     for k, p in CRITICAL_POINTS.items()}
        mirror = Dot(self.plane.c2p(*(-CRITICAL_POINTS["valley"])), radius=0.08, color=TEXT)
        flat = MathTex(r"\nabla f", "=", r"\mathbf{0}", font_size=BODY_SIZE)
        flat[0].set_color(GRADIENT)
        flat.next_to(self.formula, DOWN, buff=0.35, aligned_edge=LEFT)
        with self.beat("At the bottom of each valley, and at the top of the pass, the ground is "
                       "flat: the gradient is zero. The gradient alone cannot tell them apart."):
            self.play(*(FadeIn(d, scale=2) for d in (self.dots["valley"], mirror)))
            self.play(FadeIn(self.dots["saddle"], scale=2), run_time=0.7)
            self.play(Write(flat))
            self.play(*(Indicate(d, color=GRADIENT, scale_factor=2)
                        for d in (*self.dots.values(), mirror)))
            self.wait(0.5)
        self.flat_label = flat

    def show_hessian_formula(self):
        lhs = MathTex("H", "=", font_size=BODY_SIZE)
        partials = MobjectMatrix(
            [[tex(r"\frac{\partial^2 f}{\partial {{x}}^2}", font_size=LABEL_SIZE),
              tex(r"\frac{\partial^2 f}{\partial {{x}} \partial {{y}}}", font_size=LABEL_SIZE)],
             [tex(r"\frac{\partial^2 f}{\partial {{y}} \partial {{x}}}", font_size=LABEL_SIZE),
              tex(r"\frac{\partial^2 f}{\partial {{y}}^2}", font_size=LABEL_SIZE)]],
            h_buff=1.35, v_buff=1.0, bracket_h_buff=0.12, bracket_v_buff=0.12)
        symbolic = get_symbolic_matrix(WELL_HESSIAN_SYM, font_size=LABEL_SIZE)
        row = VGroup(lhs, partials, MathTex("=", font_size=BODY_SIZE), symbolic)
        row.arrange(RIGHT, buff=0.15)
        if row.width > 6.2:
            row.scale_to_fit_width(6.2)
        self.hessian_card = get_panel(row).to_corner(UR, buff=EDGE_BUFF)
        with self.beat("The second derivatives can. Collect them in a matrix, the Hessian: "
                       "the Jacobian of the gradient. It is symmetric, because the order of "
                       "differentiation does not matter."):
            backing = self.hessian_card[0]
            self.play(FadeIn(backing), Write(lhs), FadeIn(partials.get_brackets()),
                      FadeOut(self.flat_label))
            self.play(LaggedStart(*(FadeIn(e, scale=0.8) for e in partials.get_entries()),
                                  lag_ratio=0.3), run_time=1.5)
            # the Jacobian of the gradient, worked out
            self.play(Write(row[2]), FadeIn(symbolic, shift=0.1 * LEFT), run_time=1.5)
            # symmetric: the two mixed partials, and their values, agree
            for matrix in (partials, symbolic):  # each pulses in place (one Indicate over
                # both scaled them apart, over their neighbours)
                self.play(*(Indicate(matrix.get_entries()[k], color=ACCENT, scale_factor=1.1)
                            for k in (1, 2)))
            self.wait(0.5)
        self.remove(backing, lhs, partials.get_brackets(), *partials.get_entries(), row[2],
                    symbolic)
        self.add(self.hessian_card)
        self.slice_axes = Axes(
            x_range=(-0.6, 0.6, 0.6), y_range=(-1, 3, 1), x_length=3.6, y_length=2.2,
            axis_config={"color": MUTED, "include_tip": False, "font_size": SMALL_SIZE},
            y_axis_config={"numbers_to_include": [-1, 1, 2, 3]},
        )
        self.slice_axes.to_edge(RIGHT, buff=0.8).set_y(-2.5)
        t_label = MathTex("t", font_size=LABEL_SIZE, color=MUTED)
        t_label.next_to(self.slice_axes.x_axis, RIGHT, buff=0.12)
        self.slice_title = VGroup(
            tex(r"f(\mathbf{p} + t\,\mathbf{q}_j) - f(\mathbf{p})", font_size=SMALL_SIZE + 2)
            .set_color(MUTED).next_to(self.slice_axes, UP, buff=0.12),
            t_label)

    def show_point(self, kind: str):
        p = CRITICAL_POINTS[kind]
        values, vectors = HESSIAN_EIGEN[kind]
        H = HESSIANS[kind]
        dot = self.dots[kind]
        ring = Circle(radius=0.2, color=ACCENT, stroke_width=4).move_to(dot)
        lines = VGroup(*(
            Line(self.plane.c2p(*(p - 0.55 * vectors[:, j])), self.plane.c2p(*(p + 0.55 * vectors[:, j])),
                 color=SLICE_COLORS[j], stroke_width=5)
            for j in range(2)))
        matrix = get_matrix(H, decimals=2, font_size=LABEL_SIZE)
        point_tex = rf"({format_number(p[0], 1)},\, {format_number(p[1], 1)})"
        head = MathTex(rf"H{point_tex}", "=", font_size=LABEL_SIZE)
        eigen = VGroup(*(MathTex(rf"\lambda_{j + 1} = {format_number(values[j])}", font_size=LABEL_SIZE,
                                 color=SLICE_COLORS[j]) for j in range(2)))
        eigen.arrange(DOWN, aligned_edge=LEFT, buff=0.15)
        block = VGroup(head, matrix, eigen).arrange(RIGHT, buff=0.25)
        card = get_panel(block).next_to(self.hessian_card, DOWN, buff=0.3).set_x(self.hessian_card.get_x())
        graphs = VGroup(*(self.slice_axes.plot_line_graph(SLICE_T, SLICES[kind][j],
                                                          line_color=SLICE_COLORS[j],
                                                          add_vertex_dots=False, stroke_width=4)
                          for j in range(2)))
        if kind == "valley":
            first = (f"Take the valley floor at 1, 0.5. There the Hessian is this matrix, and "
                     f"its eigenvalues are {format_number(values[0])} and {format_number(values[1])}.")
            second = ("Its eigenvectors are the directions of pure curvature, here in yellow and "
                      "orange. Walk along either one, and the height curves upward: both "
                      "eigenvalues are positive. A bowl, so a minimum.")
        else:
            first = ("Now the pass at the origin. Its Hessian has eigenvalues "
                     f"{format_number(values[0])} and {format_number(values[1])}: one positive, one "
                     "negative.")
            second = ("Along the yellow direction the ground curves up; along the orange one it "
                      "curves down. A saddle: a minimum one way, a maximum the other.")
        with self.beat(first):
            self.play(Create(ring))
            self.play(FadeIn(card, shift=0.2 * DOWN))
            self.wait(0.5)
        with self.beat(second):
            self.play(Create(lines), run_time=1.5)
            if kind == "valley":
                self.play(Create(self.slice_axes), FadeIn(self.slice_title))
            self.play(Create(graphs[0]), Create(graphs[1]), run_time=2)
            self.wait(1)
        self.play(FadeOut(ring), FadeOut(card), FadeOut(graphs), lines.animate.set_stroke(opacity=0.5))

    def show_rule(self):
        rule = tex(r"f(\mathbf{p} + t\,\mathbf{q}) \approx f(\mathbf{p}) + \tfrac12 \lambda\, t^2",
                   font_size=BODY_SIZE)
        note = Tex(r"all $\lambda > 0$: minimum \quad mixed signs: saddle", font_size=LABEL_SIZE,
                   color=MUTED)
        card = get_panel(VGroup(rule, note).arrange(DOWN, buff=0.2))
        card.next_to(self.hessian_card, DOWN, buff=0.3).set_x(self.hessian_card.get_x())
        with self.beat("Where the gradient vanishes, a step of length t along an eigenvector "
                       "changes f by one half lambda t squared. So the signs of the Hessian's "
                       "eigenvalues decide: all positive is a minimum, mixed signs a saddle."):
            self.play(FadeOut(self.slice_axes), FadeOut(self.slice_title))
            self.play(FadeIn(card, shift=0.2 * DOWN), run_time=1.5)
            self.wait(2.5)


# =========================================================================== scene 2b

ID_TOP = 3.2  # the y of the first line of the identities scene


class MatrixDerivativeIdentities(NarratedScene):
    """The layout convention, then aᵀx and xᵀAx differentiated, derived and checked."""

    def construct(self):
        # Step 1: why a convention: the shape of dy/dx, one row per output.
        self.show_layout()
        # Step 2: the gradient of a^T x is a.
        self.show_linear_identity()
        # Step 3: x^T A x, expanded at x + h: the gradient (A + A^T) x, derived.
        self.show_quadratic_derivation()
        # Step 4: numbers: formula, finite differences, and the 2Ax shortcut that fails.
        self.show_quadratic_numbers()
        # Step 5: formula -> mathcore -> SciPy, then where ML uses both identities.
        self.show_bridge_and_least_squares()

    def show_layout(self):
        jac = tex(r"\frac{\partial \mathbf{y}}{\partial {{x}}} \in \mathbb{R}^{m \times n}",
                  font_size=BODY_SIZE)
        jac_note = Tex(r"one row per output $y_i$, one column per input $x_j$",
                       font_size=LABEL_SIZE, color=MUTED)
        chain = MathTex(r"\underbrace{\frac{\partial \mathbf{z}}{\partial {x}}}_{m \times n}",
                        "=", r"\underbrace{\frac{\partial \mathbf{z}}{\partial \mathbf{y}}}_{m \times k}",
                        r"\underbrace{\frac{\partial \mathbf{y}}{\partial {x}}}_{k \times n}",
                        font_size=BODY_SIZE)
        grad = tex(r"\nabla f = \Big(\frac{\partial f}{\partial {{x}}}\Big)^{T} \in \mathbb{R}^{n},"
                   r"\qquad {{x}} - \eta \nabla f", font_size=BODY_SIZE)
        grad[-1].set_color(GRADIENT)
        block = VGroup(jac, jac_note, chain, grad).arrange(DOWN, buff=0.45)
        block.move_to([0, 0.3, 0])
        self.layout_block = block
        with self.beat("Backpropagation needs derivatives of expressions full of vectors and "
                       "matrices, so first a convention for their shapes. The derivative of y in "
                       "R m by x in R n is an m by n matrix: one row per output, one column per "
                       "input. That is numerator layout, and this course uses it."):
            self.play(Write(jac), run_time=1.5)
            self.play(Indicate(jac[-1], color=ACCENT))  # m by n
            self.play(FadeIn(jac_note, shift=0.1 * UP))
            self.play(Circumscribe(jac_note, color=ACCENT))
        with self.beat("Why this one? With rows for outputs, the chain rule is a plain matrix "
                       "product in the order of the chain: m by k times k by n is m by n, and "
                       "the inner sizes match like a pipe. Denominator layout transposes "
                       "everything and reverses the order."):
            self.play(FadeIn(chain, shift=0.1 * UP), run_time=1.5)
            self.play(Indicate(chain[2], color=ACCENT), Indicate(chain[3], color=ACCENT))
            self.play(Circumscribe(VGroup(chain[2], chain[3]), color=ACCENT))  # k meets k
            self.play(Indicate(chain[0], color=ACCENT))  # m by n
        with self.beat("For a scalar loss f the derivative is then a row. Its transpose, the "
                       "gradient, is a column shaped exactly like x, so a gradient step, x minus "
                       "eta times the gradient, adds two things of the same shape."):
            self.play(Write(grad), run_time=2)
            self.play(Indicate(grad[-1], color=GRADIENT))

    def show_linear_identity(self):
        title = Tex("Two identities do most of the work", font_size=BODY_SIZE, color=TEXT)
        title.move_to([0, ID_TOP, 0])
        lines = VGroup(
            tex(r"\mathbf{a}^{T} {{x}} = a_1 {{x}}_1 + a_2 {{x}}_2", font_size=BODY_SIZE),
            tex(r"\frac{\partial}{\partial {{x}}_i} \mathbf{a}^{T} {{x}} = a_i"
                r"\quad\Longrightarrow\quad \nabla_{ {{x}} } (\mathbf{a}^{T} {{x}}) = \mathbf{a}",
                font_size=BODY_SIZE),
        ).arrange(DOWN, buff=0.4, aligned_edge=LEFT).next_to(title, DOWN, buff=0.5)
        check = MathTex(rf"\mathbf{{a}} = ({format_number(ID_A_VEC[0], 0)},\ "
                        rf"{format_number(ID_A_VEC[1], 0)}):\quad \text{{finite differences give }}"
                        rf"({format_number(ID_LINEAR_FD[0], 3)},\ {format_number(ID_LINEAR_FD[1], 3)})",
                        font_size=LABEL_SIZE, color=MUTED)
        check.next_to(lines, DOWN, buff=0.4).set_x(0)
        with self.beat("With that settled, two identities do most of the work. The first: a "
                       "transpose x is a weighted sum, a one x one plus a two x two."):
            self.play(FadeOut(self.layout_block), FadeIn(title))
            self.play(Write(lines[0]), run_time=1.5)
        with self.beat("Differentiate by x i and only a i survives. So the gradient of a "
                       "transpose x is a itself; mathcore's finite differences agree, to three "
                       "decimals."):
            self.play(Write(lines[1]), run_time=2)
            self.play(FadeIn(check, shift=0.1 * UP))
        self.identity_block = VGroup(title, lines, check)

    def show_quadratic_derivation(self):
        lines = VGroup(
            tex(r"f({{x}} + \mathbf{h}) = ({{x}} + \mathbf{h})^{T} A ({{x}} + \mathbf{h})",
                font_size=BODY_SIZE),
            tex(r"= {{x}}^{T} A {{x}} + \mathbf{h}^{T} A {{x}} + {{x}}^{T} A \mathbf{h}"
                r" + \mathbf{h}^{T} A \mathbf{h}", font_size=BODY_SIZE),
            tex(r"= f({{x}}) + \mathbf{h}^{T} (A + A^{T}) {{x}} + O(\|\mathbf{h}\|^2)",
                font_size=BODY_SIZE),
            tex(r"\nabla_{ {{x}} } ({{x}}^{T} A {{x}}) = (A + A^{T})\, {{x}}", font_size=BODY_SIZE + 4),
        ).arrange(DOWN, buff=0.35, aligned_edge=LEFT).move_to([0, 0.2, 0])
        lines[3].set_x(0).shift(0.15 * DOWN)
        box = SurroundingRectangle(lines[3], color=GRADIENT, buff=0.15)
        note = tex(r"{{x}}^{T} A \mathbf{h} = \mathbf{h}^{T} A^{T} {{x}} \ \text{(a number is its own transpose)}",
                   font_size=LABEL_SIZE, color=MUTED).to_edge(DOWN, buff=EDGE_BUFF + 0.2)
        with self.beat("The second is the quadratic form, x transpose A x, the shape of every "
                       "squared loss. Do not memorise its gradient: derive it. Step from x to x "
                       "plus a small h and expand."):
            self.play(FadeOut(self.identity_block))
            self.play(Write(lines[0]), run_time=1.5)
            self.play(Write(lines[1]), run_time=2)
        with self.beat("The two middle terms are numbers, and a number is its own transpose, so "
                       "x transpose A h equals h transpose A transpose x. Together they are h "
                       "transpose, times A plus A transpose, times x; the last term is tiny."):
            self.play(FadeIn(note, shift=0.1 * UP))
            self.play(Write(lines[2]), run_time=2)
        with self.beat("Whatever multiplies h in the linear term is the gradient: A plus A "
                       "transpose, times x. Only when A is symmetric is that two A x."):
            self.play(Write(lines[3]), Create(box), run_time=1.5)
        self.derivation = VGroup(lines, box, note)

    def show_quadratic_numbers(self):
        result = self.derivation[0][3]
        self.play(FadeOut(self.derivation[0][:3]), FadeOut(self.derivation[1:]), run_time=0.6)
        self.play(result.animate.move_to([0, ID_TOP - 0.1, 0]), run_time=0.6)
        inputs = VGroup(MathTex("A =", font_size=BODY_SIZE), get_matrix(ID_A, decimals=0),
                        tex(r"{{x}} =", font_size=BODY_SIZE), get_matrix(ID_X[:, None], decimals=0))
        inputs.arrange(RIGHT, buff=0.2)
        inputs[2].shift(0.5 * RIGHT)
        inputs[3].next_to(inputs[2], RIGHT, buff=0.2)
        inputs.move_to([0, 1.3, 0])
        rows = VGroup(
            VGroup(MathTex(r"(A + A^{T})\,\mathbf{x}", font_size=BODY_SIZE),
                   get_matrix(ID_QUAD_FORMULA[None, :], decimals=3)),
            VGroup(Tex("finite differences", font_size=BODY_SIZE, color=MUTED),
                   get_matrix(ID_QUAD_FD[None, :], decimals=3)),
            VGroup(MathTex(r"2A\mathbf{x}", font_size=BODY_SIZE, color=MUTED),
                   get_matrix(ID_QUAD_WRONG[None, :], decimals=3)),
        )
        for row in rows:
            row.arrange(RIGHT, buff=0.3)
        rows.arrange(DOWN, buff=0.3, aligned_edge=RIGHT).next_to(inputs, DOWN, buff=0.5).set_x(0)
        cross = Line(rows[2].get_left(), rows[2].get_right(), color=ACCENT, stroke_width=4)
        with self.beat("Check it with numbers. A is two, one, zero, three, not symmetric, and x is "
                       "one, two. The identity says the gradient is "
                       f"{format_number(ID_QUAD_FORMULA[0], 0)}, {format_number(ID_QUAD_FORMULA[1], 0)}."):
            self.play(FadeIn(inputs, shift=0.1 * DOWN))
            self.play(FadeIn(rows[0], shift=0.1 * UP))
        with self.beat("mathcore's finite differences, which never saw the formula, give the same "
                       "two numbers. The symmetric shortcut, two A x, gives "
                       f"{format_number(ID_QUAD_WRONG[0], 0)} and {format_number(ID_QUAD_WRONG[1], 0)}: "
                       "wrong, because this A is not symmetric."):
            self.play(FadeIn(rows[1], shift=0.1 * UP))
            self.play(Indicate(VGroup(rows[0][1], rows[1][1]), color=GRADIENT))
            self.play(FadeIn(rows[2], shift=0.1 * UP))
            self.play(Create(cross))
        self.numbers = VGroup(result, inputs, rows, cross)

    def show_bridge_and_least_squares(self):
        bridge = get_bridge(QUADRATIC_GRADIENT)
        bridge = get_panel(bridge).move_to([0, 0.6, 0])
        ml = tex(r"\|X\mathbf{w} - \mathbf{y}\|^2 = \mathbf{w}^{T} X^{T} X \mathbf{w} - "
                 r"2\,\mathbf{y}^{T} X \mathbf{w} + \mathbf{y}^{T}\mathbf{y}"
                 r"\ \Longrightarrow\ \nabla = 2X^{T}(X\mathbf{w} - \mathbf{y})",
                 font_size=LABEL_SIZE).next_to(bridge, DOWN, buff=0.45)
        with self.beat("In code: the formula, the mathcore line that nudges each coordinate, and "
                       "the call a practitioner would use to check a gradient, SciPy's approx f "
                       "prime. All three give six and thirteen."):
            self.play(FadeOut(self.numbers))
            self.play(FadeIn(bridge[0]), FadeIn(bridge[1][0]), run_time=0.8)
            self.play(FadeIn(bridge[1][1], shift=0.1 * UP))
            self.play(FadeIn(bridge[1][2], shift=0.1 * UP))
            self.play(FadeIn(bridge[1][3]))
        with self.beat("Where ML uses them: the least-squares loss expands into exactly a "
                       "quadratic form plus a linear term, so the two identities give its "
                       "gradient, two X transpose times the residual, with no index juggling. "
                       "Next, the same bookkeeping one node at a time, in a graph."):
            self.play(Write(ml), run_time=2.5)
            self.play(Indicate(ml, color=GRADIENT, scale_factor=1.03))


# =========================================================================== scene 3

NODE_POSITIONS = {  # frame positions of the value boxes, inputs on the left
    "x1": (-5.4, 2.0), "w1": (-5.4, 0.75), "x2": (-5.4, -0.75), "w2": (-5.4, -2.0),
    "x1w1": (-2.55, 1.375), "x2w2": (-2.55, -1.375), "s": (0.0, 0.55), "b": (0.0, -1.65),
    "n": (2.5, -0.3), "o": (5.45, -0.3),
}
NODE_NAMES = {"x1": "x_1", "w1": "w_1", "x2": "x_2", "w2": "w_2", "x1w1": r"x_1 w_1",
              "x2w2": r"x_2 w_2", "s": r"x_1 w_1 + x_2 w_2", "b": "b", "n": "n", "o": "o"}
OP_SYMBOLS = {"*": r"\times", "+": "+", "tanh": r"\tanh"}
BOX_WIDTH, BOX_HEIGHT = 1.25, 0.82


class GraphNode(VGroup):
    """A Value drawn as a box: its value on top (blue), its gradient below (gold, shown later)."""

    def __init__(self, name: str):
        box = RoundedRectangle(corner_radius=0.1, width=BOX_WIDTH, height=BOX_HEIGHT,
                               stroke_color=MUTED, stroke_width=2, fill_color=BACKGROUND,
                               fill_opacity=1)
        value = MathTex(format_number(NEURON_DATA[name]), font_size=LABEL_SIZE, color=FORWARD)
        grad = MathTex(format_number(NEURON_GRAD[name]), font_size=LABEL_SIZE, color=BACKWARD)
        value.move_to(box).shift(0.18 * UP)
        grad.move_to(box).shift(0.2 * DOWN)
        label = MathTex(NODE_NAMES[name], font_size=SMALL_SIZE, color=TEXT)
        if name in ("x1", "w1", "x2", "w2"):
            label.next_to(box, LEFT, buff=0.12)
        elif name == "b":
            label.next_to(box, DOWN, buff=0.1)
        else:
            label.next_to(box, UP, buff=0.1)
        super().__init__(box, label, value, grad)
        self.box, self.label, self.value, self.grad = box, label, value, grad
        self.move_to_position = np.array([*NODE_POSITIONS[name], 0.0])
        self.shift(self.move_to_position - box.get_center())


class BackpropThroughAGraph(NarratedScene):
    """o = tanh(x1 w1 + x2 w2 + b) as autodiff Values; forward right, backward left."""

    def construct(self):
        # Step 1: the neuron's formula, and its graph drawn from the Values' _prev and _op.
        self.show_formula()
        self.show_graph()
        # Step 2: the forward pass: values flow left to right, in blue.
        self.show_forward()
        # Step 3: the backward pass: gradients flow right to left, in gold.
        self.show_backward()
        # Step 4: the rule every node applies.
        self.show_local_rule()

    # ------------------------------------------------------------------ builders
    def get_ops(self):
        """For each computed node: its op circle and the arrows input -> op -> node."""
        ops = {}
        for name in NEURON_ORDER:
            node = NEURON[name]
            if not node._prev:
                continue
            target = self.nodes[name].box
            center = target.get_left() + 0.62 * LEFT
            circle = Circle(radius=0.28, color=MUTED, stroke_width=2, fill_color=BACKGROUND,
                            fill_opacity=1).move_to(center)
            symbol = MathTex(OP_SYMBOLS[node._op], font_size=SMALL_SIZE if node._op == "tanh"
                             else LABEL_SIZE, color=TEXT).move_to(center)
            if symbol.width > 0.46:
                symbol.scale_to_fit_width(0.46)
            out_edge = Arrow(circle.get_right(), target.get_left(), buff=0.02, color=MUTED,
                             stroke_width=2, max_tip_length_to_length_ratio=0.5, tip_length=0.14)
            in_edges = VGroup(*(
                Arrow(self.nodes[child.label].box.get_right(), circle.get_center(), buff=0.3,
                      color=MUTED, stroke_width=2, tip_length=0.14)
                for child in node._prev))
            ops[name] = VGroup(in_edges, circle, symbol, out_edge)
        return ops

    # ------------------------------------------------------------------ steps
    def show_formula(self):
        formula = tex(r"o = \tanh(x_1 w_1 + x_2 w_2 + b)", font_size=BODY_SIZE)
        formula.to_edge(UP, buff=EDGE_BUFF).set_x(-1.5)
        with self.beat("A single neuron: multiply two inputs by two weights, add a bias, and "
                       "squash the sum with tanh."):
            self.play(Write(formula))
        self.formula = formula

    def show_graph(self):
        self.nodes = {name: GraphNode(name) for name in NODE_POSITIONS}
        self.ops = self.get_ops()
        leaves = [n for n in NEURON_ORDER if not NEURON[n]._prev]
        with self.beat("Mathcore's Value records every operation as it happens, so the formula "
                       "becomes a graph: inputs and weights on the left, each operation a "
                       "circle, the output on the right."):
            self.play(*(FadeIn(VGroup(self.nodes[n].box, self.nodes[n].label)) for n in leaves))
            for name in NEURON_ORDER:
                if name in self.ops:
                    self.play(FadeIn(self.ops[name]),
                              FadeIn(VGroup(self.nodes[name].box, self.nodes[name].label)),
                              run_time=0.6)

    def show_forward(self):
        leaves = [n for n in NEURON_ORDER if not NEURON[n]._prev]
        values = ", ".join(f"{NODE_SPOKEN[n]} is {format_number(NEURON_DATA[n])}" for n in leaves
                           if n != "b")
        self.legend = VGroup(Tex("value", font_size=LABEL_SIZE, color=FORWARD),
                             tex(r"\text{gradient } \partial o / \partial(\text{node})",
                                 font_size=LABEL_SIZE).set_color(BACKWARD))
        self.legend.arrange(DOWN, aligned_edge=LEFT, buff=0.15).move_to([4.4, -2.7, 0])
        self.legend[1].align_to(self.legend[0], LEFT)
        with self.beat(f"The forward pass. Put in numbers: {values}, and the bias is "
                       f"{format_number(NEURON_DATA['b'])}."):
            self.play(FadeIn(self.legend[0]), run_time=0.5)
            # each number as it is said
            for n in [n for n in leaves if n != "b"] + ["b"]:
                self.play(FadeIn(self.nodes[n].value, shift=0.1 * RIGHT),
                          Circumscribe(self.nodes[n].box, color=FORWARD), run_time=0.7)
        with self.beat("Each operation computes its value from its inputs, left to right, "
                       f"until the output: tanh of {format_number(NEURON_DATA['n'])} is "
                       f"{format_number(NEURON_DATA['o'])}."):
            for name in NEURON_ORDER:
                if name not in self.ops:
                    continue
                in_edges, _, _, out_edge = self.ops[name]
                flash = VGroup(*(e.copy().set_color(FORWARD).set_stroke(width=5)
                                 for e in (*in_edges, out_edge)))
                self.play(ShowPassingFlash(flash, time_width=0.6),
                          FadeIn(self.nodes[name].value, shift=0.1 * RIGHT), run_time=0.8)
            self.wait(0.5)

    def show_backward(self):
        out = self.nodes["o"]
        with self.beat("Now backward. Calling backward on the output sets its own gradient to "
                       "one: the output changes one for one with itself."):
            self.play(Circumscribe(out.box, color=BACKWARD), FadeIn(self.legend[1]))
            self.play(FadeIn(out.grad, shift=0.1 * LEFT, scale=1.5))
            self.play(Indicate(VGroup(out.value, out.grad), color=BACKWARD))
        tanh_op = self.ops["o"]
        local = MathTex("1 - o^2", "=", format_number(TANH_LOCAL), font_size=LABEL_SIZE,
                        color=BACKWARD).next_to(tanh_op[1], DOWN, buff=0.35)
        with self.beat(f"Through tanh, multiply by its local derivative, one minus o squared, "
                       f"which is {format_number(TANH_LOCAL)}. That is the gradient at n."):
            self.play(Indicate(VGroup(tanh_op[1], tanh_op[2]), color=BACKWARD), run_time=0.8)
            self.play(Write(local[0]))
            self.play(Write(local[1:]))
            self.show_backward_step("o")
            self.play(Indicate(self.nodes["n"].grad, color=BACKWARD), FadeOut(local))
        with self.beat("A plus node passes the gradient unchanged to both of its inputs."):
            self.show_backward_step("n")
            self.show_backward_step("s")
        with self.beat("A times node swaps: the gradient of w one is x one times the gradient "
                       f"coming in, {format_number(NEURON_GRAD['w1'])}; the gradient of x one is w one "
                       f"times it, {format_number(NEURON_GRAD['x1'])}."):
            self.show_backward_step("x1w1")
            self.show_backward_step("x2w2")
            self.wait(1)

    def show_backward_step(self, name: str):
        """Gold flash from node ``name`` back to its inputs; their gradients appear."""
        in_edges, _, _, out_edge = self.ops[name]
        flash = VGroup(*(Line(e.get_end(), e.get_start()).set_color(BACKWARD).set_stroke(width=5)
                         for e in (out_edge, *in_edges)))
        children = [self.nodes[c.label].grad for c in NEURON[name]._prev]
        self.play(ShowPassingFlash(flash, time_width=0.6),
                  *(FadeIn(g, shift=0.1 * LEFT) for g in children), run_time=1)

    def show_local_rule(self):
        rule = tex(r"\frac{\partial o}{\partial \text{input}} = "
                   r"\frac{\partial o}{\partial \text{output}} \cdot "
                   r"\frac{\partial\, \text{output}}{\partial \text{input}}", font_size=LABEL_SIZE)
        rule.set_color(BACKWARD)
        card = get_panel(rule, buff=0.15).to_corner(UR, buff=EDGE_BUFF)
        card.shift(0.05 * DOWN)
        with self.beat("Every node did the same thing: gradient coming in, times its own local "
                       "derivative. That is the chain rule, applied one node at a time, and it "
                       "is all backpropagation is."):
            self.play(FadeIn(card, shift=0.2 * DOWN))
            self.play(*(Indicate(self.nodes[n].grad, color=BACKWARD) for n in ("w1", "w2", "b")))
            self.wait(1.5)


NODE_SPOKEN = {"x1": "x one", "w1": "w one", "x2": "x two", "w2": "w two", "b": "b"}


# =========================================================================== scene 4

class ChainRuleAsJacobians(NarratedScene):
    """A 2-3-1 network: dL/dx is the product of the layers' Jacobians; weights likewise."""

    def construct(self):
        # Step 1: the network as a chain of functions, with shapes.
        self.show_chain()
        # Step 2: one Jacobian per link, with its numbers.
        self.show_jacobians()
        # Step 3: their product is the gradient; finite differences agree.
        self.show_product()
        # Step 4: the same chain for the weights: delta derived, then mathcore's mlp_backprop.
        self.show_weight_gradients()
        # Step 5: formula -> mathcore -> SciPy for delta_1.
        self.show_delta_bridge()

    def show_chain(self):
        parts = [r"\mathbf{x}", r"\mathbf{z}", r"\mathbf{h}", r"\hat y", "L"]
        labels = [r"{{x}} W_1 + b_1", r"\tanh", r"{{h}} W_2 + b_2", r"\tfrac12 ({{\hat y}} - y)^2"]
        shapes = ["2", "3", "3", "1", "1"]
        symbols = VGroup(*(MathTex(s, font_size=BODY_SIZE + 6, color=NET_TEX_MAP[s]) for s in parts))
        symbols.arrange(RIGHT, buff=1.9).to_edge(UP, buff=0.9)
        arrows = VGroup(*(Arrow(a.get_right(), b.get_left(), buff=0.15, color=MUTED,
                                stroke_width=3, tip_length=0.18)
                          for a, b in zip(symbols[:-1], symbols[1:])))
        over = VGroup(*(tex(t, font_size=SMALL_SIZE, colors=NET_TEX_MAP, color=MUTED)
                        .next_to(a, UP, buff=0.08) for t, a in zip(labels, arrows)))
        dims = VGroup(*(MathTex(rf"\mathbb{{R}}^{{{d}}}", font_size=SMALL_SIZE, color=MUTED)
                        .next_to(s, DOWN, buff=0.15) for d, s in zip(shapes, symbols)))
        with self.beat("One neuron passed single numbers; a real layer passes vectors, so each "
                       "local derivative becomes a Jacobian. "
                       "Now a whole network, two inputs, three hidden units, one output, "
                       "written as a chain of functions: a linear layer, tanh, another linear "
                       "layer, and the loss."):
            self.play(FadeIn(symbols[0]))
            for k in range(4):
                self.play(GrowArrow(arrows[k]), FadeIn(over[k]), FadeIn(symbols[k + 1]),
                          run_time=0.7)
            self.play(FadeIn(dims))
        self.chain = VGroup(symbols, arrows, over, dims)
        self.symbols = symbols

    def show_jacobians(self):
        names = [r"\frac{\partial L}{\partial \hat y}", r"\frac{\partial \hat y}{\partial \mathbf{h}}",
                 r"\frac{\partial \mathbf{h}}{\partial \mathbf{z}}",
                 r"\frac{\partial \mathbf{z}}{\partial {{ \mathbf{x} }}}"]  # only x, the input, coloured
        matrices = [J_LOSS, J_LAYER2, J_TANH, J_LAYER1]
        lhs = VGroup(tex(r"\frac{\partial L}{\partial {{ \mathbf{x} }}}", font_size=BODY_SIZE,
                         colors=NET_TEX_MAP, color=BACKWARD),
                     MathTex("=", font_size=BODY_SIZE)).arrange(RIGHT, buff=0.2)
        factors = VGroup(*(get_matrix(M, decimals=2, font_size=SMALL_SIZE + 2) for M in matrices))
        row = VGroup(lhs, *factors).arrange(RIGHT, buff=0.22)
        row.next_to(self.chain, DOWN, buff=0.75).set_x(0)
        top = max(f.get_top()[1] for f in factors)
        bottom = min(f.get_bottom()[1] for f in factors)
        headers = VGroup(*(tex(n, font_size=SMALL_SIZE + 2, colors=NET_TEX_MAP, color=BACKWARD)
                           for n in names))
        for header, factor in zip(headers, factors):
            header.move_to([factor.get_x(), top + 0.15 + header.height / 2, 0])
        shapes = ["1 \\times 1", "1 \\times 3", "3 \\times 3", "3 \\times 2"]
        footers = VGroup(*(MathTex(s, font_size=SMALL_SIZE, color=MUTED) for s in shapes))
        for footer, factor in zip(footers, factors):
            footer.move_to([factor.get_x(), bottom - 0.12 - footer.height / 2, 0])
        with self.beat("The chain rule for vector functions says: the derivative of a chain is "
                       "the product of the Jacobians of its links."):
            self.play(Write(lhs))
            self.play(FadeIn(headers), run_time=1.2)
        with self.beat("Each link has its own Jacobian matrix. Our linear layer multiplies the "
                       "row x by W one, so its Jacobian is W one transposed, three by two: row i "
                       "holds the weights into unit i. Written with columns, W x, it would be W "
                       "itself. For tanh, a diagonal matrix of one minus h squared, because each "
                       "unit only sees its own input."):
            self.play(LaggedStart(*(FadeIn(f, shift=0.1 * UP) for f in factors), lag_ratio=0.3),
                      run_time=2.5)
            self.play(FadeIn(footers))
            # a small pulse: at Indicate's default 1.2 a matrix grows into its neighbours
            self.play(Indicate(factors[3], color=ACCENT, scale_factor=1.05),
                      Indicate(factors[1], color=ACCENT, scale_factor=1.05))
            self.play(Indicate(factors[2], color=BACKWARD, scale_factor=1.05))
        self.jacobian_row = VGroup(row, headers, footers)
        self.factors = factors

    def show_product(self):
        result = VGroup(MathTex("=", font_size=BODY_SIZE),
                        get_matrix(CHAIN_PRODUCT, decimals=3, font_size=LABEL_SIZE))
        result.arrange(RIGHT, buff=0.2)
        check = VGroup(Tex("finite differences:", font_size=LABEL_SIZE, color=MUTED),
                       get_matrix(FD_INPUT_GRADIENT[None, :], decimals=3, font_size=LABEL_SIZE))
        check.arrange(RIGHT, buff=0.2)
        block = VGroup(result, check).arrange(RIGHT, buff=0.8)
        block.next_to(self.jacobian_row, DOWN, buff=0.45).set_x(0)
        rows, cols = CHAIN_PRODUCT.shape
        shape = MathTex(rf"{rows} \times {cols}", font_size=SMALL_SIZE, color=MUTED)
        shape.next_to(result[1], DOWN, buff=0.12)
        result.add(shape)
        factors, footers = self.factors, self.jacobian_row[2]
        with self.beat("Multiply them out, and the shapes chain together: one by one, times one by "
                       "three, times three by three, times three by two, gives one by two: "
                       f"{format_number(CHAIN_PRODUCT[0, 0], 3)} and "
                       f"{format_number(CHAIN_PRODUCT[0, 1], 3)}."):
            for factor, footer in zip(factors, footers):  # each shape as it is read
                self.play(Indicate(footer, color=ACCENT, scale_factor=1.4),
                          Circumscribe(factor, color=ACCENT), run_time=0.7)
            self.play(FadeIn(result[:2], shift=0.1 * RIGHT))
            self.play(FadeIn(shape), Indicate(result[1], color=BACKWARD))
            self.wait(0.5)
        # "from the left": a box that grows over the factors, one matrix at a time
        boxes = [SurroundingRectangle(factors[:k], color=BACKWARD, buff=0.08)
                 for k in range(1, len(factors) + 1)]
        with self.beat("Nudging each input a tiny bit and measuring the loss gives the same "
                       "numbers. Backpropagation multiplies this chain from the left, so it only "
                       "ever multiplies a row vector by a matrix."):
            self.play(FadeIn(check[0], shift=0.1 * RIGHT))
            self.play(FadeIn(check[1], shift=0.1 * RIGHT))
            # each matrix's entries pulse in place (one Indicate over both spread them apart,
            # over the brackets and the equals sign)
            self.play(Indicate(result[1].get_entries(), color=ACCENT, scale_factor=1.05),
                      Indicate(check[1].get_entries(), color=ACCENT, scale_factor=1.05))
            self.play(Create(boxes[0]), run_time=0.7)
            for box in boxes[1:]:
                self.play(Transform(boxes[0], box), run_time=0.7)
            self.play(FadeOut(boxes[0]), run_time=0.5)
        self.product_block = block

    def show_weight_gradients(self):
        delta = VGroup(tex(r"\delta_1 = (\delta_2 W_2^{T}) \odot (1 - {{h}}^2) =", font_size=LABEL_SIZE,
                           colors=NET_TEX_MAP),
                       get_matrix(NET_DELTA1[None, :], decimals=3, font_size=SMALL_SIZE + 2))
        delta.arrange(RIGHT, buff=0.2)
        grad_w2 = VGroup(tex(r"\frac{\partial L}{\partial W_2} = {{h}}^{T} \delta_2 =",
                             font_size=LABEL_SIZE, colors=NET_TEX_MAP, color=BACKWARD),
                         get_matrix(NET.dW2, decimals=3, font_size=SMALL_SIZE + 2))
        grad_w1 = VGroup(tex(r"\frac{\partial L}{\partial W_1} = {{x}}^{T} \delta_1 =",
                             font_size=LABEL_SIZE, colors=NET_TEX_MAP, color=BACKWARD),
                         get_matrix(NET.dW1, decimals=3, font_size=SMALL_SIZE + 2))
        for group in (grad_w2, grad_w1):
            group.arrange(RIGHT, buff=0.2)
        formulas = VGroup(delta, VGroup(grad_w2, grad_w1).arrange(RIGHT, buff=0.8))
        formulas.arrange(DOWN, buff=0.35)
        formulas.next_to(self.jacobian_row, DOWN, buff=0.4).set_x(0)
        self.show_delta_derivation()
        with self.beat("The weights get their gradients from the same chain. The error at the output "
                       f"is delta two, {format_number(NET_DELTA2[0, 0], 3)}; pulled back through W two "
                       "and tanh it becomes delta one, one number per hidden unit."):
            self.play(FadeOut(self.product_block))
            self.play(Write(delta[0]))
            self.play(FadeIn(delta[1], shift=0.1 * RIGHT))
        with self.beat("Each weight matrix's gradient is the layer's input, transposed, times the "
                       "delta after it. These are exactly the numbers mathcore's mlp backprop "
                       "returns, and finite differences agree with them too."):
            for grad in (grad_w2, grad_w1):
                self.play(Write(grad[0]))
                self.play(FadeIn(grad[1], shift=0.1 * RIGHT), run_time=0.8)
            for grad in (grad_w2, grad_w1):  # the numbers mathcore's mlp_backprop returns
                self.play(Circumscribe(grad[1], color=BACKWARD))
            self.wait(0.5)
        self.weight_formulas = formulas

    def show_delta_derivation(self):
        """Two lines of chain rule: delta_1 from delta_2, before its numbers."""
        lines = VGroup(
            tex(r"\frac{\partial L}{\partial {{ \mathbf{h} }}} = "
                r"\frac{\partial L}{\partial \hat y}\,\frac{\partial \hat y}{\partial {{ \mathbf{h} }}}"
                r" = \delta_2\, W_2^{T}", font_size=LABEL_SIZE, colors=NET_TEX_MAP),
            tex(r"\delta_1 = \frac{\partial L}{\partial {{ \mathbf{z} }}} = "
                r"\frac{\partial L}{\partial {{ \mathbf{h} }}}\,"
                r"\frac{\partial {{ \mathbf{h} }}}{\partial {{ \mathbf{z} }}}"
                r" = (\delta_2 W_2^{T})\, \mathrm{diag}(1 - {{h}}^2) = (\delta_2 W_2^{T}) \odot (1 - {{h}}^2)",
                font_size=LABEL_SIZE, colors=NET_TEX_MAP),
        ).arrange(DOWN, buff=0.3, aligned_edge=LEFT)
        column = MathTex(r"\text{with columns: }\ \delta_l = (W_{l+1}^{T}\delta_{l+1}) \odot \sigma'(\mathbf{z}_l)",
                         font_size=SMALL_SIZE + 2, color=MUTED)
        block = VGroup(lines, column).arrange(DOWN, buff=0.3)
        block.next_to(self.jacobian_row, DOWN, buff=0.4).set_x(0)
        with self.beat("To reach the weights, carry the chain backwards one layer at a time. "
                       "Define delta as the derivative of "
                       "the loss by a layer's pre-activation z. One step of the chain rule through "
                       "the linear layer gives the gradient at h: delta two times W two transposed, "
                       "the Jacobian we just saw."):
            self.play(FadeOut(self.product_block))
            self.play(Write(lines[0]), run_time=2)
            self.play(Indicate(self.jacobian_row, color=ACCENT))  # the Jacobian we just saw
        with self.beat("A second step through tanh multiplies by its diagonal Jacobian, and "
                       "multiplying by a diagonal matrix is an elementwise product with one minus "
                       "h squared. That is the whole backward recursion; written with column "
                       "vectors, as most papers do, it is W transposed times delta, times sigma "
                       "prime."):
            self.play(Write(lines[1]), run_time=2.5)
            self.play(FadeIn(column, shift=0.1 * UP))
            self.play(Circumscribe(column, color=ACCENT))
        self.play(FadeOut(block), run_time=0.6)

    def show_delta_bridge(self):
        bridge = get_panel(get_bridge(DELTA_RECURSION, formula_colors=NET_TEX_MAP))
        bridge.move_to(ORIGIN)
        with self.beat("In code: mathcore's mlp backprop returns delta one as the gradient of the "
                       "bias. To check it, nudge each bias in plain NumPy and let SciPy's approx f "
                       "prime measure the loss: the same three numbers."):
            self.play(FadeOut(self.weight_formulas), FadeOut(self.jacobian_row), FadeOut(self.chain))
            self.play(FadeIn(bridge[0]), FadeIn(bridge[1][0]))
            self.play(FadeIn(bridge[1][1], shift=0.1 * UP))
            self.play(FadeIn(bridge[1][2], shift=0.1 * UP))
            self.play(FadeIn(bridge[1][3]))


# =========================================================================== scene 5

class Lesson03TryIt(TryItScene):
    lesson = 3
