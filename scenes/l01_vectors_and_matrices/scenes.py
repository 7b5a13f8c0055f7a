"""Lesson 01 — Vectors and matrices.

Its scenes play in the order ``curriculum.toml`` lists them.

The matrices and vectors below are the lesson's inputs; every derived number
(products, determinants) is computed once, here at the top, and only drawn.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DL, DOWN, DR, LEFT, RIGHT, UL, UP, UR, ApplyMatrix, Circumscribe, Create, DecimalNumber, Dot, FadeIn,
    FadeOut, GrowArrow, Indicate, LaggedStart, MathTex, Polygon, ReplacementTransform, Restore,
    SurroundingRectangle, Tex, TransformFromCopy, ValueTracker, VGroup, Write, always_redraw,
)

from mathcore import linalg
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_beats import show_bridge
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, ACCENT_2, BODY_SIZE, EDGE_BUFF, I_HAT, J_HAT, LABEL_SIZE, MATRIX, MUTED, TEXT,
    TITLE_SIZE, VECTOR,
)
from scenekit.widgets import (
    format_number, get_arrow, get_background_plane, get_matrix, get_matrix_label, get_panel,
    get_plane, get_span_line, get_tip_dot, get_tracked_arrow,
)

# --------------------------------------------------------------------------- vectors and span
V = np.array([3.0, 2.0])  # the first vector of the lesson
SPAN_V = np.array([1.0, 0.5])  # two independent vectors: their span is the plane
SPAN_W = np.array([-0.5, 1.0])
SPAN_PATH = np.array([[1.0, 1.0], [2.0, -1.0], [-1.5, 1.5], [-1.0, -2.0], [1.5, 1.5]])  # (a, b) visited
DEPENDENT_W = -1.5 * SPAN_V  # a vector on v's line: together they only span that line
SPAN_UNIT = 1.4  # frame units per plane unit in the first scene
LATTICE = np.array([(a, b) for a in np.arange(-6, 6.5, 1.0) for b in np.arange(-5, 5.5, 1.0)
                    if abs(a - 0.5 * b) * SPAN_UNIT < 6.8 and abs(0.5 * a + b) * SPAN_UNIT < 3.7])
# (a, b) whose combination a*SPAN_V + b*SPAN_W lies inside the frame

# --------------------------------------------------------------------------- transformations
SHEAR = np.array([[1.0, 1.0],
                  [0.0, 1.0]])
ROTATE = np.array([[0.0, -1.0],
                   [1.0, 0.0]])  # a quarter turn
PRODUCT = linalg.matmul(ROTATE, SHEAR)  # (2, 2) first shear, then rotate: read right to left
PRODUCT_SR = linalg.matmul(SHEAR, ROTATE)  # (2, 2) first rotate, then shear: a different matrix
X = np.array([-1.0, 2.0])  # a vector followed through both maps
SHEAR_X = linalg.matmul(SHEAR, X)
PRODUCT_X = linalg.matmul(PRODUCT, X)  # (2,) where x lands under RS ...
PRODUCT_SR_X = linalg.matmul(PRODUCT_SR, X)  # (2,) ... and under SR
GHOST_OPACITY = 0.35  # the faint copy of where RS sent the arrows
FIELD_POINTS = [(a, b) for a in range(-3, 4) for b in range(-2, 3) if (a, b) != (0, 0)]
# "every vector of the plane": arrows to the grid points around the origin

# --------------------------------------------------------------------------- determinants
M_STRETCH = np.array([[2.0, 1.0],
                      [-0.5, 1.0]])
M_FLIP = np.array([[1.0, 2.0],
                   [1.0, 0.5]])
M_SQUASH = np.array([[1.0, 2.0],
                     [0.5, 1.0]])
DETS = {name: linalg.determinant(M) for name, M in
        (("stretch", M_STRETCH), ("flip", M_FLIP), ("squash", M_SQUASH))}
AREA_SQUARES = [(0, 0), (1, 0), (0, 1), (1, 1)]  # lower-left corners of the cells that get shaded

AREA = ACCENT  # the fill of areas in this lesson


def get_tip_label(symbol: str, point, direction, color=VECTOR) -> MathTex:
    """A vector's name, e.g. RSx, next to the frame point ``point`` where its arrow ends."""
    label = MathTex(symbol, font_size=LABEL_SIZE, color=color)
    return label.next_to(point, direction, buff=0.1).set_z_index(5)


def get_coords_label(coords, color=TEXT, font_size=LABEL_SIZE) -> MathTex:
    """A column vector of coordinates, e.g. [3; 2]."""
    entries = r" \\ ".join(format_number(x) for x in coords)
    return MathTex(r"\begin{bmatrix}" + entries + r"\end{bmatrix}", color=color, font_size=font_size)


# =========================================================================== scene 1

class VectorsBasisAndSpan(NarratedScene):
    """A vector is a list of numbers and an arrow; the numbers scale the basis."""

    def construct(self):
        self.plane = get_plane(unit=SPAN_UNIT)
        self.add(self.plane)
        # Step 1: a vector, as an arrow and as a list of numbers.
        self.show_vector()
        # Step 2: the numbers are how much of i-hat and j-hat to add.
        self.show_as_combination()
        # Step 3: two vectors whose combinations reach the whole plane.
        self.show_span_of_two()
        # Step 4: two vectors on one line only reach that line.
        self.show_dependent_span()

    def p(self, coords):
        return self.plane.c2p(*coords)

    def show_vector(self):
        self.v = get_arrow(self.p((0, 0)), self.p(V), VECTOR)
        label = get_coords_label(V, VECTOR, font_size=BODY_SIZE).next_to(self.v.get_end(), UR, buff=0.1)
        with self.beat("A vector in the plane is an arrow from the origin. "
                       "It is also a list of two numbers: its coordinates."):
            self.play(GrowArrow(self.v))
            self.play(FadeIn(label, shift=0.1 * UP))
        self.v_label = label

    def show_as_combination(self):
        a, b = V
        i_hat = get_arrow(self.p((0, 0)), self.p((1, 0)), I_HAT)
        j_hat = get_arrow(self.p((0, 0)), self.p((0, 1)), J_HAT)
        with self.beat("The plane comes with two basis vectors: i-hat, one step to the right, "
                       "and j-hat, one step up."):
            self.play(GrowArrow(i_hat))
            self.play(GrowArrow(j_hat))
        scaled_i = get_arrow(self.p((0, 0)), self.p((a, 0)), I_HAT)
        scaled_j = get_arrow(self.p((a, 0)), self.p((a, b)), J_HAT)
        formula = MathTex(r"\mathbf{v}", "=", format_number(a), r"\hat{\imath}", "+",
                          format_number(b), r"\hat{\jmath}", font_size=BODY_SIZE + 8)
        formula[0].set_color(VECTOR)
        formula[2:4].set_color(I_HAT)
        formula[5:7].set_color(J_HAT)
        card = get_panel(formula).to_corner(UL, buff=EDGE_BUFF)
        with self.beat(f"The coordinates say how far to scale each one: {format_number(a)} times "
                       f"i-hat, then {format_number(b)} times j-hat, added tip to tail."):
            self.play(TransformFromCopy(i_hat, scaled_i), run_time=1.5)
            self.play(TransformFromCopy(j_hat, scaled_j), run_time=1.5)
        with self.beat("So every vector is a combination of the basis vectors, "
                       "and its coordinates are the weights."):
            self.play(FadeIn(card, shift=0.2 * DOWN))
            self.play(Indicate(self.v, color=VECTOR))
        with self.beat("Now let's pick two other vectors, and ask which vectors "
                       "their combinations can reach."):
            self.play(FadeOut(VGroup(i_hat, j_hat, scaled_i, scaled_j, card, self.v, self.v_label)))

    def get_combination(self, w: np.ndarray, color_w):
        """Arrows a*v (tail at origin), b*w (tail at a*v's tip) and their sum, driven by trackers."""
        a, b = ValueTracker(1.0), ValueTracker(1.0)
        av = always_redraw(lambda: get_arrow(self.p((0, 0)), self.p(a.get_value() * SPAN_V), VECTOR))
        bw = always_redraw(lambda: get_arrow(self.p(a.get_value() * SPAN_V),
                                             self.p(a.get_value() * SPAN_V + b.get_value() * w),
                                             color_w))
        total = always_redraw(lambda: get_arrow(
            self.p((0, 0)), self.p(a.get_value() * SPAN_V + b.get_value() * w), TEXT, stroke_width=4))
        return a, b, VGroup(av, bw, total)

    def get_lattice_dots(self, avoid) -> VGroup:
        """A dot at every combination in LATTICE, except where a card in ``avoid`` would
        half-hide it (a dot peeking out from under a card's border reads as a smudge)."""
        def hidden(point):
            return any(np.all(np.abs(point[:2] - m.get_center()[:2])
                              <= np.array([m.width, m.height]) / 2 + 0.15) for m in avoid)

        points = [self.p(x * SPAN_V + y * SPAN_W) for x, y in LATTICE]
        return VGroup(*(Dot(point, radius=0.05, color=TEXT) for point in points if not hidden(point)))

    def show_span_of_two(self):
        v = get_arrow(self.p((0, 0)), self.p(SPAN_V), VECTOR)
        w = get_arrow(self.p((0, 0)), self.p(SPAN_W), ACCENT_2)
        formula = MathTex("a", r"\mathbf{v}", "+", "b", r"\mathbf{w}", font_size=BODY_SIZE + 8)
        formula[1].set_color(VECTOR)
        formula[4].set_color(ACCENT_2)
        card = get_panel(formula).to_corner(UL, buff=EDGE_BUFF)
        with self.beat("Here are v in blue and w in pink. Scale each by any number, "
                       "a and b, and add them."):
            self.play(GrowArrow(v), GrowArrow(w))
            self.play(FadeIn(card, shift=0.2 * DOWN))
        a, b, arrows = self.get_combination(SPAN_W, ACCENT_2)
        with self.beat("As a and b change, the sum, in white, moves around. "
                       "It can point anywhere in the plane."):
            self.play(FadeIn(arrows))
            for a_value, b_value in SPAN_PATH:
                self.play(a.animate.set_value(a_value), b.animate.set_value(b_value), run_time=1.2)
        title = get_panel(Tex("span$(\\mathbf{v}, \\mathbf{w})$ = the whole plane",
                              font_size=BODY_SIZE)).to_corner(UR, buff=EDGE_BUFF)
        dots = self.get_lattice_dots(avoid=(card, title))
        with self.beat("Every combination lands somewhere, and together they cover the plane. "
                       "The set of all combinations is called the span. Here the span is "
                       "everything, so v and w form a basis, just like i-hat and j-hat."):
            self.play(FadeOut(arrows))
            self.play(LaggedStart(*(FadeIn(d, scale=0.5) for d in dots), lag_ratio=0.01), run_time=2)
            self.play(FadeIn(title))
            self.wait(1)
        self.play(FadeOut(VGroup(dots, title, w)))
        self.span_card, self.v_arrow = card, v

    def show_dependent_span(self):
        w = get_arrow(self.p((0, 0)), self.p(DEPENDENT_W), ACCENT_2)
        line = get_span_line(self.plane, SPAN_V, VECTOR, dashed=True, stroke_width=2)
        with self.beat("But if w lies on the same line as v, the combinations never leave "
                       "that line."):
            self.play(GrowArrow(w))
            a, b, arrows = self.get_combination(DEPENDENT_W, ACCENT_2)
            self.play(FadeIn(arrows))
            for a_value, b_value in SPAN_PATH[:3]:
                self.play(a.animate.set_value(a_value), b.animate.set_value(b_value), run_time=1.2)
        title = get_panel(Tex("span$(\\mathbf{v}, \\mathbf{w})$ = a line",
                              font_size=BODY_SIZE)).to_corner(UR, buff=EDGE_BUFF)
        with self.beat("Their span is just a line: one of the two vectors adds nothing new. "
                       "A basis needs vectors that each add a new direction."):
            self.play(FadeOut(arrows), Create(line), run_time=1.5)
            self.play(FadeIn(title))
            self.wait(1.5)


# =========================================================================== scene 2

# A tiny data table: one row per house, one column per feature.
FEATURES = ("area", "rooms", "age", "floor")
HOUSES = np.array([[1.2, 3.0, 20.0, 2.0],
                   [0.8, 2.0, 5.0, 1.0],
                   [2.0, 5.0, 35.0, 0.0]])  # (3, 4) area in 100 m^2
U_DOT = np.array([1.0, 2.0, 0.0, 3.0])  # (4,) two vectors of R^4 for the dot product
W_DOT = np.array([2.0, -1.0, 4.0, 1.0])
DOT_TERMS = U_DOT * W_DOT  # (4,) the products of matching entries, summed below
DOT_UW = linalg.matmul(U_DOT[None, :], W_DOT)[0]  # u^T w: a 1x4 row times a 4-entry column
M_T = np.array([[1.0, 2.0, 3.0],
                [4.0, 5.0, 6.0]])  # (2, 3) a matrix and its transpose (3, 2)
DOT_BRIDGE = Bridge(
    formula=r"\mathbf{u}^{T}\mathbf{w} = \textstyle\sum_i u_i w_i",
    setup="u = np.array([1.0, 2.0, 0.0, 3.0])\nw = np.array([2.0, -1.0, 4.0, 1.0])",
    mathcore=Snippet("linalg.matmul(u[None, :], w)[0]"),
    library=Snippet("u @ w"),
    decimals=1,
)


class VectorsBeyondThePlane(NarratedScene):
    """A vector is any list of n numbers (a row of data); vector spaces and dimension;
    the dot product and the transpose; the bridge to ``u @ w``."""

    def construct(self):
        # Step 1: a row of a data table is a vector with four entries.
        self.show_data_rows()
        # Step 2: what makes a vector space; dimension counts a basis.
        self.show_space_and_dimension()
        # Step 3: the dot product: multiply matching entries, add.
        self.show_dot_product()
        # Step 4: the transpose: rows become columns, and u^T w is a matrix product.
        self.show_transpose()
        # Step 5: formula -> code -> library.
        show_bridge(self, DOT_BRIDGE, (
            "The dot product as formula, mathcore line and library call.",
            f"mathcore multiplies the row u transpose by the column w: {DOT_BRIDGE.shown()}.",
            "In NumPy it is one operator, the at sign, which is matrix multiplication. Same "
            "number. Keep that operator in mind: it is the next scene's whole subject."))

    def show_data_rows(self):
        header = VGroup(*(Tex(f, font_size=LABEL_SIZE, color=MUTED) for f in FEATURES))
        rows = [VGroup(*(MathTex(format_number(x, trim=True), font_size=BODY_SIZE) for x in row))
                for row in HOUSES]
        table = VGroup(header, *rows)
        for i, row in enumerate(table):
            for j, cell in enumerate(row):
                cell.move_to([-5.2 + 1.5 * j, 2.2 - 0.7 * i, 0])
        title = Tex("a data set: one row per house", font_size=BODY_SIZE, color=TEXT)
        title.next_to(table, UP, buff=0.4)
        with self.beat("Nothing we did needed exactly two numbers. Here is a small data set: "
                       "three houses, four features each."):
            self.play(FadeIn(title), FadeIn(header))
            self.play(LaggedStart(*(FadeIn(r, shift=0.1 * RIGHT) for r in rows), lag_ratio=0.3),
                      run_time=1.5)
        box = SurroundingRectangle(rows[0], color=VECTOR, buff=0.12)
        column = get_coords_label(HOUSES[0], VECTOR, font_size=BODY_SIZE)
        name = MathTex(r"\mathbf{x}", r"\in \mathbb{R}^4", font_size=BODY_SIZE + 4)
        name[0].set_color(VECTOR)
        VGroup(name, column).arrange(RIGHT, buff=0.3).move_to([3.6, 1.0, 0])
        with self.beat("Each row is a vector: a list of four numbers, a point in a space with "
                       "four axes, called R four. We cannot draw four axes, but everything we "
                       "did in the plane still works: add vectors entry by entry, scale them."):
            self.play(Create(box))
            # the row pulses as its column fades in (a copy flown from the row ran over the
            # table's other cells halfway)
            self.play(Circumscribe(rows[0], color=VECTOR), FadeIn(column, shift=0.2 * RIGHT),
                      FadeIn(name), run_time=1.5)
        self.data = VGroup(title, table, box)
        self.x_vector = VGroup(name, column)

    def show_space_and_dimension(self):
        rules = VGroup(
            MathTex(r"\mathbf{u} + \mathbf{w} \in V, \qquad c\,\mathbf{u} \in V",
                    font_size=BODY_SIZE),
            MathTex(r"\dim \mathbb{R}^4 = 4: \quad \mathbf{e}_1, \mathbf{e}_2, \mathbf{e}_3, "
                    r"\mathbf{e}_4", font_size=BODY_SIZE),
            MathTex(r"28 \times 28 \text{ image} \in \mathbb{R}^{784}", font_size=BODY_SIZE),
        ).arrange(DOWN, buff=0.35, aligned_edge=LEFT).move_to([0, -1.9, 0])
        with self.beat("A vector space is any collection where sums and multiples stay inside. "
                       "Lists of n numbers are the main example, but functions and images "
                       "behave the same way."):
            self.play(Write(rules[0]), run_time=1.5)
        with self.beat("The dimension is how many vectors a basis needs. R four needs four, the "
                       "four one-hot vectors, just as the plane needed i-hat and j-hat. A 28 by "
                       "28 image is one vector in a space of dimension 784."):
            self.play(Write(rules[1]), run_time=1.5)
            self.play(Write(rules[2]), run_time=1.5)
        self.play(FadeOut(VGroup(self.data, self.x_vector, rules)))

    def show_dot_product(self):
        u_entries = [format_number(x, trim=True) for x in U_DOT]
        w_entries = [format_number(x, trim=True) for x in W_DOT]
        u = get_coords_label(U_DOT, VECTOR, font_size=BODY_SIZE)
        w = get_coords_label(W_DOT, ACCENT_2, font_size=BODY_SIZE)
        names = VGroup(MathTex(r"\mathbf{u} =", font_size=BODY_SIZE, color=VECTOR),
                       MathTex(r"\mathbf{w} =", font_size=BODY_SIZE, color=ACCENT_2))
        pair = VGroup(names[0], u, names[1], w).arrange(RIGHT, buff=0.2).move_to([-3.6, 1.2, 0])
        pair[2].shift(0.4 * RIGHT)
        pair[3].shift(0.4 * RIGHT)
        terms = " + ".join(f"{a}\\cdot{b}" if not b.startswith("-") else f"{a}\\cdot({b})"
                           for a, b in zip(u_entries, w_entries))
        formula = VGroup(
            MathTex(r"\mathbf{u} \cdot \mathbf{w} = \textstyle\sum_i u_i w_i", font_size=BODY_SIZE),
            MathTex(rf"= {terms}", font_size=LABEL_SIZE),
            MathTex(rf"= {format_number(DOT_UW, trim=True)}", font_size=BODY_SIZE, color=ACCENT),
        ).arrange(DOWN, buff=0.3, aligned_edge=LEFT).move_to([2.6, 1.2, 0])
        with self.beat("With rows of data as vectors, the first question is how alike two of them "
                       "are. Two vectors of the same dimension have a dot product: multiply matching "
                       "entries, and add."):
            self.play(FadeIn(pair), run_time=1.5)
            self.play(Write(formula[0]), run_time=1.5)
        with self.beat(f"Here that is two, minus two, zero, plus three: "
                       f"{format_number(DOT_UW, trim=True)}."):
            self.play(Indicate(u, color=VECTOR), Indicate(w, color=ACCENT_2),
                      Write(formula[1]), run_time=1.5)
            self.play(FadeIn(formula[2], shift=0.1 * UP))
        meaning = VGroup(
            MathTex(r"\mathbf{u} \cdot \mathbf{w} = \|\mathbf{u}\|\,\|\mathbf{w}\| \cos\theta",
                    font_size=BODY_SIZE),
            Tex(r"$> 0$: same side \quad $= 0$: perpendicular \quad $< 0$: opposite",
                font_size=LABEL_SIZE, color=MUTED),
        ).arrange(DOWN, buff=0.3).move_to([0, -1.3, 0])
        with self.beat("In the plane, the dot product is the two lengths times the cosine of the "
                       "angle between the arrows. Its sign says whether they point the same way, "
                       "at right angles, or apart. That is why embeddings are compared with dot "
                       "products, and why a neuron computes w dot x plus b."):
            self.play(FadeOut(VGroup(pair, formula)), Write(meaning[0]), run_time=1.5)
            turning = self.show_dot_and_angle()
            self.play(FadeIn(meaning[1], shift=0.1 * UP))
        self.play(FadeOut(VGroup(meaning, turning)))

    def show_dot_and_angle(self) -> VGroup:
        """w turns around u in the plane; u . w (mathcore's matmul) falls through zero at the
        right angle. Returns what stays on screen."""
        origin, u = np.array([-1.5, 1.0, 0.0]), np.array([2.0, 0.0])
        angle = ValueTracker(np.radians(35))

        def w() -> np.ndarray:  # (2,) length 1.5 at the tracked angle
            return 1.5 * np.array([np.cos(angle.get_value()), np.sin(angle.get_value())])

        u_arrow = get_arrow(origin, origin + [*u, 0], VECTOR)
        w_arrow = always_redraw(lambda: get_arrow(origin, origin + [*w(), 0], ACCENT_2))
        names = VGroup(MathTex(r"\mathbf{u}", font_size=BODY_SIZE, color=VECTOR)
                       .next_to(u_arrow, DOWN, buff=0.15),
                       MathTex(r"\mathbf{u} \cdot \mathbf{w} =", font_size=BODY_SIZE))
        names[1].move_to([2.6, 1.3, 0])
        value = DecimalNumber(0, num_decimal_places=2, font_size=BODY_SIZE, color=ACCENT)
        value.add_updater(lambda m: m.set_value(linalg.matmul(u[None, :], w())[0])
                          .next_to(names[1], RIGHT, buff=0.2))
        self.play(GrowArrow(u_arrow), FadeIn(names[0]), run_time=0.8)
        w_name = MathTex(r"\mathbf{w}", font_size=BODY_SIZE, color=ACCENT_2)
        w_name.add_updater(lambda m: m.move_to(origin + [*(1.25 * w()), 0]))
        self.add(w_arrow, w_name.update())
        self.play(FadeIn(names[1]), FadeIn(value.update()), run_time=0.8)
        self.play(angle.animate.set_value(np.radians(90)), run_time=2)  # a right angle: zero
        self.play(angle.animate.set_value(np.radians(150)), run_time=2)  # apart: negative
        for mob in (value, w_arrow, w_name):
            mob.clear_updaters()
        return VGroup(u_arrow, w_arrow, w_name, names, value)

    def show_transpose(self):
        M_m = get_matrix(M_T, font_size=BODY_SIZE)
        Mt_m = get_matrix(M_T.T, font_size=BODY_SIZE)
        for row, color in zip(M_m.get_rows(), (VECTOR, ACCENT_2)):
            row.set_color(color)
        for column, color in zip(Mt_m.get_columns(), (VECTOR, ACCENT_2)):
            column.set_color(color)
        left = VGroup(MathTex("M =", font_size=BODY_SIZE + 4, color=MATRIX), M_m).arrange(RIGHT)
        right = VGroup(MathTex("M^{T} =", font_size=BODY_SIZE + 4, color=MATRIX),
                       Mt_m.copy().set_opacity(0)).arrange(RIGHT)
        VGroup(left, right).arrange(RIGHT, buff=1.2).move_to(1.3 * UP)
        Mt_m.move_to(right[1])
        with self.beat("To write that product with matrices we need one more operation. The "
                       "transpose turns rows into columns: row one of M "
                       "becomes column one of M transpose. A two by three matrix becomes three "
                       "by two."):
            self.play(FadeIn(left))
            self.play(FadeIn(right[0]), FadeIn(Mt_m.get_brackets()))
            # row i of M framed as column i of M^T fades in (copies flown from the rows
            # crossed "M^T =" halfway)
            for r, c, color in zip(M_m.get_rows(), Mt_m.get_columns(), (VECTOR, ACCENT_2)):
                self.play(Circumscribe(r, color=color), FadeIn(c, shift=0.1 * RIGHT), run_time=1)
        identity = MathTex(r"\mathbf{u} \cdot \mathbf{w} = \mathbf{u}^{T}\mathbf{w}",
                           r"\qquad (1 \times n)(n \times 1) = 1 \times 1", font_size=BODY_SIZE)
        identity.move_to(1.3 * DOWN)
        with self.beat("Vectors are columns, so u transpose is a row, and the dot product is a "
                       "row times a column: u transpose w. From here on, every dot product is a "
                       "matrix product."):
            self.play(Write(identity[0]), run_time=1.5)
            self.play(FadeIn(identity[1], shift=0.1 * UP))
        self.play(FadeOut(VGroup(left, right, Mt_m, identity)))


# =========================================================================== scene 3

class MatrixAsTransformation(NarratedScene):
    """A matrix moves the whole grid; a product of matrices is one move after another."""

    def construct(self):
        big = {"x_range": (-16, 16, 1), "y_range": (-12, 12, 1)}  # still covers the frame once sheared
        self.plane = get_plane(**big)
        self.add(get_background_plane(), self.plane)
        self.tips = [get_tip_dot(self.plane, (1, 0)), get_tip_dot(self.plane, (0, 1)),
                     get_tip_dot(self.plane, X)]
        self.add(*self.tips)
        # Step 1: the basis and a vector x.
        self.show_basis_and_x()
        # Step 2: the shear: the columns are where i-hat and j-hat land.
        self.show_shear()
        # Step 3: then a rotation; together, the product matrix.
        self.show_composition()
        # Step 4: the other order, rotate then shear, lands elsewhere: SR is not RS.
        self.show_order_matters()

    def moving(self):
        return VGroup(self.plane, *self.tips)

    def apply(self, M, *also, run_time=2.5):
        """Move the plane and the tracked tips by ``M``, playing ``also`` alongside."""
        self.play(ApplyMatrix(M, self.moving(), about_point=self.plane.c2p(0, 0)), *also,
                  run_time=run_time)

    def show_basis_and_x(self):
        arrows = [get_tracked_arrow(self.plane, tip, color)
                  for tip, color in zip(self.tips, (I_HAT, J_HAT, VECTOR))]
        origin = self.plane.c2p(0, 0)
        field = VGroup(*(get_arrow(origin, self.plane.c2p(a, b), VECTOR, stroke_width=3)
                         .set_opacity(0.45) for a, b in FIELD_POINTS))
        with self.beat("So far a matrix was a table of numbers; its real job is to act on "
                       "vectors. A matrix is a way to move every vector of the plane at once. "
                       "Follow i-hat, j-hat, and one more vector x."):
            # "every vector": a field of them; then the three the scene follows, as named
            self.play(LaggedStart(*(GrowArrow(a) for a in field), lag_ratio=0.03), run_time=1.5)
            self.play(FadeOut(field))
            for arrow in arrows:
                self.play(GrowArrow(arrow), run_time=0.7)
        for mob in self.moving():
            mob.save_state()

    def show_shear(self):
        label = get_matrix_label("S", SHEAR, MATRIX, column_colors=(I_HAT, J_HAT))
        label.to_corner(UL, buff=EDGE_BUFF).set_z_index(10)
        with self.beat("Here is a matrix S. Its first column is where i-hat lands; "
                       "its second column is where j-hat lands."):
            self.play(FadeIn(label, shift=0.2 * DOWN))
            for column, color in zip(label[1][1].get_columns(), (I_HAT, J_HAT)):
                self.play(Circumscribe(column, color=color))
        with self.beat("Apply it. The grid lines stay straight, parallel and evenly spaced; "
                       "this kind of motion is called a shear."):
            self.apply(SHEAR)
        x, y = X
        rule = MathTex(r"S\mathbf{x}", "=", format_number(x), r"\,S\hat{\imath}", "+",
                       format_number(y), r"\,S\hat{\jmath}", "=", font_size=BODY_SIZE)
        rule[0].set_color(VECTOR)
        rule[2:4].set_color(I_HAT)
        rule[5:7].set_color(J_HAT)
        result = get_coords_label(SHEAR_X, VECTOR, font_size=BODY_SIZE)
        card = get_panel(VGroup(rule, result).arrange(RIGHT, buff=0.15))
        card.next_to(label, DOWN, buff=0.25, aligned_edge=LEFT).set_z_index(10)
        # x's recipe, tip to tail on the sheared grid: x times where i-hat landed, then y times
        # where j-hat landed, ending on S x
        origin = self.plane.c2p(0, 0)
        s_i, s_j = (tip.get_center() - origin for tip in self.tips[:2])
        legs = VGroup(get_arrow(origin, origin + x * s_i, I_HAT),
                      get_arrow(origin + x * s_i, origin + x * s_i + y * s_j, J_HAT))
        with self.beat(f"And x? It was {format_number(x)} i-hat plus {format_number(y)} j-hat, "
                       "so it lands on the same combination of where they landed. "
                       "That is all matrix times vector means."):
            self.play(FadeIn(card[0]), Write(rule[:2]))
            self.play(Write(rule[2:4]), GrowArrow(legs[0]))
            self.play(Write(rule[4:7]), GrowArrow(legs[1]))
            self.play(Write(rule[7]), FadeIn(result, shift=0.1 * LEFT))
            self.play(Circumscribe(card, color=VECTOR))
        self.remove(card[0], *rule, result)
        self.add(card)
        self.shear_label, self.rule_card, self.legs = label, card, legs

    def show_composition(self):
        label = get_matrix_label("R", ROTATE, MATRIX, column_colors=(I_HAT, J_HAT))
        label.to_corner(UR, buff=EDGE_BUFF).set_z_index(10)
        with self.beat("A network applies one matrix after another, so follow the shear with a "
                       "second matrix R, a quarter turn."):
            self.play(FadeOut(self.rule_card), FadeOut(self.legs), FadeIn(label, shift=0.2 * DOWN))
            self.apply(ROTATE)
            self.wait(0.5)
        product_card = self.get_product_card("RS", PRODUCT).to_corner(DR, buff=EDGE_BUFF)
        backing, (name, matrix) = product_card
        columns = matrix.get_columns()
        landed = [get_coords_label(PRODUCT[:, k], color).next_to(tip, side, buff=0.15)
                  for k, (tip, color, side) in enumerate(((self.tips[0], I_HAT, RIGHT),
                                                          (self.tips[1], J_HAT, UP)))]
        with self.beat("The two moves together are again a single matrix: the product R times S. "
                       "Its columns are where i-hat and j-hat ended up."):
            self.play(FadeIn(VGroup(backing, name, matrix.get_brackets()), shift=0.2 * UP))
            # each column is read off where a basis vector landed, and flies into place
            for label_k, column in zip(landed, columns):
                self.play(FadeIn(label_k, scale=0.8), run_time=0.7)
                self.play(ReplacementTransform(label_k, column))
        self.remove(backing, name, matrix.get_brackets(), *columns)
        self.add(product_card)
        with self.beat("Undo everything, and apply R S in one go. The plane lands in exactly the "
                       "same place. Read a product from right to left: S first, then R."):
            self.play(*(Restore(m) for m in self.moving()), run_time=1.5)
            self.apply(PRODUCT, run_time=3)
            self.play(Circumscribe(product_card, color=ACCENT))
        self.rotate_label, self.product_card = label, product_card

    def get_product_card(self, symbols: str, M) -> VGroup:
        """``RS = [M]`` on a card, the matrix as large as the S and R labels'."""
        name = MathTex(*symbols, "=", font_size=BODY_SIZE + 4)
        name[:len(symbols)].set_color(MATRIX)
        matrix = get_matrix(M, column_colors=(I_HAT, J_HAT), font_size=BODY_SIZE)
        return get_panel(VGroup(name, matrix).arrange(RIGHT, buff=0.15)).set_z_index(10)

    def get_ghosts(self) -> VGroup:
        """Faint static copies of the three arrows where they are now, and x's label."""
        origin = self.plane.c2p(0, 0)
        arrows = VGroup(*(get_arrow(origin, tip.get_center(), color).set_opacity(GHOST_OPACITY)
                          for tip, color in zip(self.tips, (I_HAT, J_HAT, VECTOR))))
        label = get_tip_label(r"RS\mathbf{x}", arrows[2].get_end(), UL).set_opacity(0.6)
        return VGroup(arrows, label)

    def get_symbol_flash(self, label: VGroup) -> Indicate:
        """Flash the letter of a matrix label (panel, then name, then letter) while it acts;
        flashing the whole panel would paint its dark backing orange."""
        return Indicate(label[1][0][0], color=ACCENT, scale_factor=1.5, run_time=2)

    def show_order_matters(self):
        ghosts = self.get_ghosts()
        with self.beat("Does the order matter? Keep a faint copy of where R S sent the arrows, "
                       "undo, and this time turn first, then shear."):
            self.play(FadeIn(ghosts))
            self.play(*(Restore(m) for m in self.moving()), run_time=1.5)
            self.apply(ROTATE, self.get_symbol_flash(self.rotate_label), run_time=2)
            self.wait(0.5)
            self.apply(SHEAR, self.get_symbol_flash(self.shear_label), run_time=2)
            self.wait(0.5)
        x_label = get_tip_label(r"SR\mathbf{x}", self.tips[2].get_center(), DL)
        other_card = self.get_product_card("SR", PRODUCT_SR)
        not_equal = MathTex(r"\neq", font_size=BODY_SIZE + 8, color=ACCENT)
        VGroup(other_card, not_equal).arrange(RIGHT, buff=0.3).next_to(
            self.product_card, LEFT, buff=0.3)
        with self.beat("Everything lands somewhere else. As one matrix, this is S times R: "
                       "R first, then S. Its columns are not those of R S."):
            self.play(FadeIn(x_label, shift=0.1 * DOWN))
            self.play(FadeIn(other_card, shift=0.2 * UP), FadeIn(not_equal))
            self.wait(2)
        with self.beat("So matrix products do not commute: S R is not R S. A product is a list "
                       "of moves, read from right to left, and the order of the moves matters."):
            self.play(Circumscribe(VGroup(other_card, self.product_card), color=ACCENT))
            # read right to left: replay the moves of S R, its R first, then its S, each letter
            # lit with its matrix while the grid moves
            sr_name = other_card[1][0]
            self.play(FadeOut(x_label), *(Restore(m) for m in self.moving()))
            for letter, label, M in ((sr_name[1], self.rotate_label, ROTATE),
                                     (sr_name[0], self.shear_label, SHEAR)):
                self.apply(M, Indicate(letter, color=ACCENT, scale_factor=1.4),
                           Indicate(label[1][0][0], color=ACCENT, scale_factor=1.5), run_time=1.5)
            # the order matters: from where R S sent x to where S R sends it
            self.play(FadeIn(x_label),
                      GrowArrow(get_arrow(ghosts[0][2].get_end(), self.tips[2].get_center(),
                                          ACCENT, stroke_width=4)))


# =========================================================================== scene 4

DET_ORIGIN = np.array([-2.0, -1.0, 0])  # images of the shaded squares lie up and to the right
DET_UNIT = 1.15


class DeterminantIsArea(NarratedScene):
    """The determinant is the factor by which a matrix scales areas (sign: orientation)."""

    def construct(self):
        self.plane = get_plane(x_range=(-10, 10, 1), y_range=(-7, 7, 1), unit=DET_UNIT,
                               center=DET_ORIGIN)
        self.add(get_background_plane(x_range=(-10, 10, 1), y_range=(-7, 7, 1), unit=DET_UNIT,
                                      center=DET_ORIGIN), self.plane)
        # Step 1: the unit square, spanned by i-hat and j-hat.
        self.show_unit_square()
        # Step 2: a matrix stretches every area by the same factor: det.
        self.show_case(M_STRETCH, "stretch", first=True)
        # Step 3: a negative determinant: the plane is flipped over.
        self.show_case(M_FLIP, "flip")
        # Step 4: determinant zero: the plane is squashed onto a line.
        self.show_case(M_SQUASH, "squash")

    def square(self, corner, opacity):
        x, y = corner
        return Polygon(*(self.plane.c2p(*p) for p in ((x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1))),
                       stroke_color=AREA, stroke_width=2, fill_color=AREA, fill_opacity=opacity)

    def show_unit_square(self):
        self.unit = self.square((0, 0), 0.6)
        self.cells = VGroup(*(self.square(c, 0.25) for c in AREA_SQUARES[1:]))
        self.tips = [get_tip_dot(self.plane, (1, 0)), get_tip_dot(self.plane, (0, 1))]
        self.add(*self.tips)
        arrows = [get_tracked_arrow(self.plane, t, c) for t, c in zip(self.tips, (I_HAT, J_HAT))]
        with self.beat("A matrix stretches some regions and squashes others, and one number "
                       "says by how much. Start from i-hat and j-hat: they span a square of area one."):
            self.play(FadeIn(self.unit), *(GrowArrow(a) for a in arrows))
            self.play(Indicate(self.unit, color=AREA, scale_factor=1.1))  # area one
        with self.beat("Shade a few more grid squares, each also of area one."):
            self.play(FadeIn(self.cells))
        self.moving = VGroup(self.plane, self.unit, self.cells, *self.tips)
        for mob in self.moving:
            mob.save_state()

    def show_case(self, M, name, first=False):
        det = DETS[name]
        label = get_matrix_label("M", M, MATRIX, decimals=1, column_colors=(I_HAT, J_HAT))
        label.to_corner(UL, buff=EDGE_BUFF).set_z_index(10)
        value = MathTex(r"\det M", "=", format_number(det, trim=True), font_size=BODY_SIZE + 4)
        value[0].set_color(MATRIX)
        value[2].set_color(AREA)
        value_card = get_panel(value).next_to(label, DOWN, buff=0.25, aligned_edge=LEFT)
        value_card.set_z_index(10)
        speech = {
            "stretch": (f"Apply a matrix M. Every square becomes a parallelogram, and every one has "
                        f"the same area: {format_number(det, trim=True)}. That common factor is the "
                        "determinant of M."),
            "flip": (f"This matrix flips the plane over: j-hat ends up to the right of i-hat. The "
                     f"area scales by {format_number(abs(det), trim=True)}, and the minus sign in "
                     f"{format_number(det, trim=True)} records the flip."),
            "squash": ("And this one squashes the whole plane onto a line. Every area becomes "
                       "zero, so the determinant is zero. As we will see next, no matrix can "
                       "undo this move."),
        }[name]
        intro = ("Here is a matrix M." if first else "Back to the square, and a new matrix M.")
        with self.beat(intro):
            if not first:
                self.play(*(Restore(m) for m in self.moving), FadeOut(self.previous), run_time=1.5)
            self.play(FadeIn(label, shift=0.2 * DOWN))
        with self.beat(speech):
            self.play(ApplyMatrix(M, self.moving, about_point=self.plane.c2p(0, 0)), run_time=3)
            self.play(FadeIn(value_card, shift=0.2 * DOWN))
            self.wait(1.5)
        self.previous = VGroup(label, value_card)


# =========================================================================== scene 5

SHEAR_INV = linalg.inverse(SHEAR)  # (2, 2) the matrix that undoes the shear
STRETCH_INV = linalg.inverse(M_STRETCH)  # (2, 2) 1/det times the swapped-and-negated entries
DET_STRETCH_INV = linalg.determinant(STRETCH_INV)  # = 1 / det M: areas scaled back
SQUASHED = np.array([2.0, -1.0])  # a non-zero vector the squash sends to the origin
SQUASHED_IMAGE = linalg.matmul(M_SQUASH, SQUASHED)  # (2,) = (0, 0)
# a two-layer linear network: x (2 inputs) -> W1 (3 hidden) -> W2 (1 output)
W1 = np.array([[1.0, -1.0],
               [0.5, 2.0],
               [-1.0, 1.0]])  # (3, 2)
W2 = np.array([[2.0, 1.0, -1.0]])  # (1, 3)
W21 = linalg.matmul(W2, W1)  # (1, 2) the two layers as one matrix
INVERSE_BRIDGE = Bridge(
    formula=r"M^{-1} M = I",
    setup="M = np.array([[2.0, 1.0], [-0.5, 1.0]])",
    mathcore=Snippet("linalg.inverse(M)"),
    library=Snippet("np.linalg.inv(M)"),
    decimals=2,
)
LAYERS_BRIDGE = Bridge(
    formula=r"W_2 (W_1 \mathbf{x}) = (W_2 W_1)\, \mathbf{x}",
    setup=("W1 = np.array([[1.0, -1.0], [0.5, 2.0], [-1.0, 1.0]])\n"
           "W2 = np.array([[2.0, 1.0, -1.0]])"),
    mathcore=Snippet("linalg.matmul(W2, W1)"),
    library=Snippet("W2 @ W1"),
    decimals=1,
)
INV_UNIT = 1.0
INV_ORIGIN = np.array([-3.2, -0.6, 0])


class InverseAndLinearLayers(NarratedScene):
    """The inverse undoes a matrix, and exists exactly when det != 0; then why an ML
    programmer cares: a data set is a matrix, a linear layer is a matrix, ``@`` composes."""

    def construct(self):
        # Step 1: the shear, undone by its inverse.
        self.show_undo()
        # Step 2: the 2x2 formula: dividing by det is why det = 0 has no inverse.
        self.show_formula()
        # Step 3: the squash: two vectors land on one point, so nothing can undo it.
        self.show_no_inverse()
        show_bridge(self, INVERSE_BRIDGE, (
            "The inverse, as formula, mathcore line and library call.",
            "mathcore finds each column of the inverse by solving a small system.",
            "NumPy's inv gives the same four numbers. In practice you rarely form an inverse: "
            "you solve the system directly, which the next lesson takes apart."))
        # Step 4: why an ML programmer cares: data, layers, composition.
        self.show_layers()
        show_bridge(self, LAYERS_BRIDGE, (
            "Composition, as formula, mathcore line and library call.",
            "mathcore multiplies the two weight matrices: one row of two numbers.",
            "In NumPy or PyTorch it is the at sign again. The order matters here too: "
            "W two at W one, read right to left, just like R S."))

    def p(self, coords):
        return self.plane.c2p(*coords)

    def show_undo(self):
        self.plane = get_plane(x_range=(-3, 3, 1), y_range=(-3, 3, 1), unit=INV_UNIT,
                               center=INV_ORIGIN)
        tips = [get_tip_dot(self.plane, (1, 0)), get_tip_dot(self.plane, (0, 1))]
        arrows = [get_tracked_arrow(self.plane, t, c) for t, c in zip(tips, (I_HAT, J_HAT))]
        self.add(*tips)
        moving = VGroup(self.plane, *tips)
        labels = VGroup(get_matrix_label("S", SHEAR, MATRIX),
                        get_matrix_label("S^{-1}", SHEAR_INV, MATRIX))
        labels.arrange(DOWN, buff=0.3, aligned_edge=LEFT).move_to([2.4, 2.0, 0], aligned_edge=UL)
        with self.beat("The squash had no undo. Most matrices do. Here is the shear S from "
                       "before."):
            self.play(FadeIn(self.plane), *(GrowArrow(a) for a in arrows))
            self.play(FadeIn(labels[0], shift=0.2 * DOWN))
            self.play(ApplyMatrix(SHEAR, moving, about_point=self.p((0, 0))), run_time=2)
        with self.beat("Its inverse, S inverse, shears the other way, and puts every vector back "
                       "where it started. S inverse times S is the identity: the matrix that "
                       "changes nothing."):
            self.play(FadeIn(labels[1], shift=0.2 * DOWN))
            self.play(ApplyMatrix(SHEAR_INV, moving, about_point=self.p((0, 0))), run_time=2)
            self.play(*(Indicate(a, color=a.get_color()) for a in arrows))
        self.play(FadeOut(VGroup(self.plane, *arrows, *tips, labels)))

    def show_formula(self):
        a, b, c, d = (format_number(x, trim=True) for x in M_STRETCH.ravel())
        det = format_number(DETS["stretch"], trim=True)
        general = MathTex(r"\begin{bmatrix} a & b \\ c & d \end{bmatrix}^{-1}", "=",
                          r"\frac{1}{ad - bc}", r"\begin{bmatrix} d & -b \\ -c & a \end{bmatrix}",
                          font_size=BODY_SIZE + 4)
        general[2].set_color(AREA)
        numbers = VGroup(MathTex(r"M^{-1} = \frac{1}{" + det + "}", font_size=BODY_SIZE + 4),
                         get_matrix(np.array([[M_STRETCH[1, 1], -M_STRETCH[0, 1]],
                                              [-M_STRETCH[1, 0], M_STRETCH[0, 0]]]),
                                    font_size=BODY_SIZE),
                         MathTex("=", font_size=BODY_SIZE + 4),
                         get_matrix(STRETCH_INV, font_size=BODY_SIZE)).arrange(RIGHT, buff=0.2)
        VGroup(general, numbers).arrange(DOWN, buff=0.6).move_to(1.0 * UP)
        with self.beat("For a two by two matrix there is a formula: swap the diagonal, negate "
                       "the other two entries, and divide by a d minus b c, which is the "
                       "determinant."):
            self.play(Write(general), run_time=2.5)
            self.play(Indicate(general[2], color=AREA))
        with self.beat(f"For the matrix M whose determinant was {det}: divide by {det}. Dividing "
                       "by the determinant is exactly what fails when it is zero."):
            self.play(FadeIn(numbers, shift=0.1 * UP), run_time=1.5)
            self.play(Circumscribe(numbers[3], color=ACCENT))
        rule = MathTex(r"\det(AB) = \det A \cdot \det B", r"\quad\Rightarrow\quad",
                       rf"\det M^{{-1}} = \tfrac{{1}}{{\det M}} = "
                       rf"{format_number(DET_STRETCH_INV, trim=True)}", font_size=BODY_SIZE)
        rule.next_to(numbers, DOWN, buff=0.6)
        rule[2].set_color(AREA)
        with self.beat("Determinants multiply: doing B, then A, scales areas by both factors. So "
                       f"the inverse scales areas back, by one over {det}, which is "
                       f"{format_number(DET_STRETCH_INV, trim=True)}. And a matrix whose "
                       "determinant is not zero has columns that span the whole plane: a basis."):
            self.play(Write(rule[0]), run_time=1.5)
            self.play(Write(rule[1:]), run_time=1.5)
        self.play(FadeOut(VGroup(general, numbers, rule)))

    def show_no_inverse(self):
        x, y = (format_number(v, trim=True) for v in SQUASHED)
        zero = get_coords_label(SQUASHED_IMAGE, font_size=BODY_SIZE)
        line = VGroup(MathTex(r"M_{\text{squash}}", font_size=BODY_SIZE, color=MATRIX),
                      get_coords_label(SQUASHED, VECTOR, font_size=BODY_SIZE),
                      MathTex("=", font_size=BODY_SIZE), zero,
                      MathTex("=", font_size=BODY_SIZE),
                      MathTex(r"M_{\text{squash}}", font_size=BODY_SIZE, color=MATRIX),
                      get_coords_label((0, 0), VECTOR, font_size=BODY_SIZE)).arrange(RIGHT, buff=0.2)
        line.move_to(0.6 * UP)
        note = Tex(r"$\det = 0$: two inputs, one output, no way back", font_size=BODY_SIZE,
                   color=MUTED).next_to(line, DOWN, buff=0.5)
        with self.beat(f"And the squash? It sends the vector {x}, {y} to zero, and it sends zero "
                       "to zero as well. Two different inputs, one output: no matrix can know "
                       "which one to give back. That is what a zero determinant means."):
            self.play(Write(line), run_time=2)
            self.play(FadeIn(note, shift=0.1 * UP))
        self.play(FadeOut(VGroup(line, note)))

    def show_layers(self):
        title = Tex("why an ML programmer cares", font_size=TITLE_SIZE, color=TEXT)
        title.to_edge(UP, buff=EDGE_BUFF)
        lines = VGroup(
            MathTex(r"X \in \mathbb{R}^{n \times d}", r"\quad \text{one row per example}",
                    font_size=BODY_SIZE),
            MathTex(r"\mathbf{h} = W_1 \mathbf{x} + \mathbf{b}", r"\quad W_1: 3 \times 2",
                    font_size=BODY_SIZE),
            MathTex(r"W_2 (W_1 \mathbf{x}) = (W_2 W_1)\,\mathbf{x}", font_size=BODY_SIZE),
        ).arrange(DOWN, buff=0.5, aligned_edge=LEFT).next_to(title, DOWN, buff=0.5)
        for line in lines:
            line[0].set_color(TEXT)
        w1 = get_matrix_label("W_1", W1, MATRIX, decimals=1)
        w2 = get_matrix_label("W_2", W2, MATRIX, decimals=1)
        w21 = get_matrix_label("W_2 W_1", W21, ACCENT, decimals=1)
        mats = VGroup(w2, w1, w21).arrange(RIGHT, buff=0.4).to_edge(DOWN, buff=EDGE_BUFF)
        with self.beat("Why does a machine learning programmer care? A data set is a matrix: "
                       "each row, one example, is a vector."):
            self.play(FadeIn(title, shift=0.2 * DOWN))
            self.play(Write(lines[0]), run_time=1.5)
        with self.beat("A linear layer is a matrix: it moves every input vector at once, like "
                       "the grid moved, then adds a bias. This W one takes two numbers to three."):
            self.play(Write(lines[1]), FadeIn(w1, shift=0.1 * UP), run_time=1.5)
            self.play(Circumscribe(w1, color=MATRIX))
        with self.beat("Stack a second layer, W two. Applying one after the other is the product "
                       "W two W one: one single matrix. So two linear layers are no more "
                       "expressive than one. That is why networks put a nonlinearity between "
                       "them."):
            self.play(Write(lines[2]), FadeIn(w2, shift=0.1 * UP), run_time=2)
            # the two factors framed, then their product fades in beside them (copies flown
            # into it crossed W_1's entries halfway)
            self.play(Circumscribe(VGroup(w2, w1), color=ACCENT), run_time=0.8)
            self.play(FadeIn(w21, shift=0.2 * RIGHT), run_time=0.8)
        self.play(FadeOut(VGroup(title, lines, mats)))


# =========================================================================== scene 6

class Lesson01TryIt(TryItScene):
    lesson = 1
