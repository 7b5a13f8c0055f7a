"""Lesson 01 — Vectors and matrices.

Its scenes play in the order ``curriculum.toml`` lists them.

The matrices and vectors below are the lesson's inputs; every derived number
(products, determinants) is computed once, here at the top, and only drawn.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DL, DOWN, DR, LEFT, RIGHT, UL, UP, UR, ApplyMatrix, Circumscribe, Create, Dot, FadeIn, FadeOut,
    GrowArrow, Indicate, LaggedStart, MathTex, Polygon, ReplacementTransform, Restore, Tex,
    TransformFromCopy, ValueTracker, VGroup, Write, always_redraw,
)

from mathcore import linalg
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, ACCENT_2, BODY_SIZE, EDGE_BUFF, I_HAT, J_HAT, LABEL_SIZE, MATRIX, TEXT,
    VECTOR,
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
        with self.beat("A matrix is a way to move every vector of the plane at once. "
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
        with self.beat("Now follow the shear with a second matrix R, a quarter turn."):
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


# =========================================================================== scene 3

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
        with self.beat("i-hat and j-hat span a square of area one."):
            self.play(FadeIn(self.unit), *(GrowArrow(a) for a in arrows))
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
                       "zero, so the determinant is zero, and nothing can undo this move."),
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


# =========================================================================== scene 4

class Lesson01TryIt(TryItScene):
    lesson = 1
