"""Lesson 15 — Graph theory and spectral methods.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed once, here at the top, by ``mathcore`` (with
fixed inputs and a fixed seed); the scenes only draw and format them.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, Circle, Circumscribe, Create, Cross, DashedLine, Dot, FadeIn, FadeOut, GrowFromCenter,
    Indicate, LaggedStart, Line, MathTex, ReplacementTransform, SurroundingRectangle, Tex,
    ValueTracker, VGroup, Write, always_redraw, interpolate_color, linear,
)

from mathcore import graphs, linalg
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    BODY_SIZE, CLUSTER_COLORS, DEGREE, EIGEN, FAINT, GRAPH_EDGE, GRAPH_NODE, LABEL_SIZE, LAPLACIAN,
    MUTED, NEGATIVE, POSITIVE, SMALL_SIZE, TEXT,
)
from scenekit.widgets import format_number, get_matrix, get_plane, get_weighted_graph, lookup

SEED = 15  # the only randomness in this lesson: the two rings and k-means' starts

# --------------------------------------------------------------------------- the small graph
# Two triangles joined by one light bridge (2 -- 3): the cut spectral methods should find.
EDGES = [(0, 1, 2.0), (0, 2, 1.0), (1, 2, 1.0), (3, 4, 1.0), (3, 5, 1.0), (4, 5, 2.0), (2, 3, 0.5)]
N_NODES = 6
A = np.zeros((N_NODES, N_NODES))  # (6, 6) symmetric edge weights (adjacency), 0 = no edge
for _i, _j, _w in EDGES:
    A[_i, _j] = A[_j, _i] = _w
DEGREES = A.sum(axis=1)  # (6,) row sums, the diagonal of D
L = graphs.laplacian(A)  # (6, 6) D - A
BRIDGE = (2, 3)

# Signals on the nodes and their energy x^T L x = 1/2 sum_ij w_ij (x_i - x_j)^2.
SIGNALS = {
    "constant": np.ones(N_NODES),
    "smooth": np.array([1.0, 1.0, 1.0, -1.0, -1.0, -1.0]),
    "rough": np.array([1.0, -1.0, 1.0, -1.0, 1.0, -1.0]),
}
ENERGIES = {name: float(x @ L @ x) for name, x in SIGNALS.items()}

# --------------------------------------------------------------------------- the spectrum
_values, _vectors = linalg.eigh(L)  # from scratch: eigenvalues descending, vectors as columns
SPECTRUM = _values[::-1]  # (6,) ascending: lambda_1 = 0 <= lambda_2 <= ...
EIGENVECTORS = _vectors[:, ::-1]  # (6, 6) columns in the same order
EIGENVECTORS = EIGENVECTORS * np.where(EIGENVECTORS[0] < 0, -1.0, 1.0)  # node 0 non-negative
FIEDLER = graphs.fiedler_vector(A)  # (6,) v_2, sign fixed by mathcore
FIEDLER = FIEDLER * np.sign(FIEDLER[0])  # shown with node 0 positive, like the others
FIEDLER_SIDES = (FIEDLER > 0).astype(int)  # (6,) 1 on the positive side
CUT_EDGES = [(i, j) for i, j, _ in EDGES if FIEDLER_SIDES[i] != FIEDLER_SIDES[j]]
CUT_WEIGHT = float(sum(A[i, j] for i, j in CUT_EDGES))
SHOWN_EIGENVECTORS = (0, 1, 3)  # v_1 constant, v_2 Fiedler, v_4 a wiggly one

# --------------------------------------------------------------------------- two rings
rng = np.random.default_rng(SEED)
N_INNER, N_OUTER = 30, 60  # points in proportion to each ring's length
RADII = (0.7, 2.0)
_angles = np.r_[np.linspace(0, 2 * np.pi, N_INNER, endpoint=False),
                np.linspace(0, 2 * np.pi, N_OUTER, endpoint=False)]
_angles = _angles + rng.uniform(0, 2 * np.pi) + 0.05 * rng.standard_normal(N_INNER + N_OUTER)
_radii = np.r_[np.full(N_INNER, RADII[0]), np.full(N_OUTER, RADII[1])]
_radii = _radii + 0.07 * rng.standard_normal(N_INNER + N_OUTER)
RINGS = np.column_stack([_radii * np.cos(_angles), _radii * np.sin(_angles)])  # (90, 2)
RING_OF = np.r_[np.zeros(N_INNER, int), np.ones(N_OUTER, int)]  # (90,) the truth

KMEANS = graphs.kmeans(RINGS, 2, rng=rng)  # on raw coordinates
KMEANS_LABELS = np.array([  # (n_iter + 1, 90) nearest centre of every iterate
    np.argmin(((RINGS[:, None, :] - C[None]) ** 2).sum(-1), axis=1) for C in KMEANS.centroid_history
])
KMEANS_ACCURACY = float(max(np.mean(KMEANS.labels == RING_OF), np.mean(KMEANS.labels != RING_OF)))

SIGMA = 0.3  # kernel width: about the spacing of neighbouring points on a ring
AFFINITY = graphs.rbf_affinity(RINGS, SIGMA)  # (90, 90)
SHOWN_EDGE_WEIGHT = 0.5  # draw the edges stronger than this (all others are nearly 0)
EMBEDDING = graphs.spectral_embedding(AFFINITY, 2)  # (90, 2) unit rows
SPECTRAL_LABELS = graphs.spectral_clustering(AFFINITY, 2, rng=rng)  # (90,)
SPECTRAL_ACCURACY = float(max(np.mean(SPECTRAL_LABELS == RING_OF),
                              np.mean(SPECTRAL_LABELS != RING_OF)))

# --------------------------------------------------------------------------- message passing
# One feature per node: node 0 knows "+1", node 5 knows "-1"; a layer averages over
# each node and its neighbours (mean aggregation with self-loops), Theta = [1].
H0 = np.array([[1.0], [0.0], [0.0], [0.0], [0.0], [-1.0]])  # (6, 1)
THETA = np.eye(1)  # (1, 1) the layer weights Theta, kept at 1 to watch the averaging
N_LAYERS = 3
FEATURES = [H0]
for _ in range(N_LAYERS):
    FEATURES.append(graphs.message_passing(A, FEATURES[-1], THETA, aggregation="mean",
                                           self_loops=True))
FEATURES = np.stack([H[:, 0] for H in FEATURES])  # (N_LAYERS + 1, 6)
FOCUS_NODE = 2  # the node whose update we write out
FOCUS_TOTAL_WEIGHT = 1.0 + DEGREES[FOCUS_NODE]  # self-loop + edges


# =========================================================================== shared drawing

GRAPH_POSITIONS = np.array([  # frame coordinates of the six nodes (scene 1 and 4)
    [-5.7, 1.25, 0], [-5.7, -1.25, 0], [-4.15, 0, 0], [-2.55, 0, 0], [-1.0, 1.25, 0],
    [-1.0, -1.25, 0],
])
WEIGHT_OFFSETS = {(0, 1): 0.3 * LEFT, (0, 2): 0.25 * UP + 0.2 * RIGHT,
                  (1, 2): 0.25 * DOWN + 0.2 * RIGHT, (3, 4): 0.25 * UP + 0.2 * LEFT,
                  (3, 5): 0.25 * DOWN + 0.2 * LEFT, (4, 5): 0.3 * RIGHT, (2, 3): 0.28 * UP}
NODE_LABEL_BUFF = 0.15  # gap between a node's disc and the number beside it


def signal_color(value: float, scale: float = 1.0):
    """Diverging colour of a node value: red positive, blue negative, grey near zero."""
    t = float(np.clip(abs(value) / scale, 0, 1))
    return interpolate_color(FAINT, POSITIVE if value > 0 else NEGATIVE, t)


def get_graph(positions=GRAPH_POSITIONS, show_weights=True, node_radius=0.26):
    offsets = WEIGHT_OFFSETS if show_weights else None
    return get_weighted_graph(positions, A, GRAPH_NODE, GRAPH_EDGE, node_radius=node_radius,
                              show_weights=show_weights, weight_offsets=offsets, decimals=1)


def get_node_labels(graph, values, color=TEXT, decimals=2, prefix="") -> VGroup:
    """A number beside every node, radially outward from the graph's centre.

    Every edge of a node runs inwards, towards the other nodes, so outward is where the
    number stays clear of them: the label's box is pushed along that direction until it
    is ``NODE_LABEL_BUFF`` from the node's disc (for the middle nodes 2 and 3 that puts
    the number inside their triangle).
    """
    return place_node_labels(graph, [
        MathTex(f"{prefix}{format_number(value, decimals)}", font_size=LABEL_SIZE, color=color)
        for value in values])


def place_node_labels(graph, labels) -> VGroup:
    """Put one label beside every node, radially outward (see ``get_node_labels``)."""
    centre = np.mean([node.get_center() for node in graph.nodes], axis=0)
    placed = VGroup()
    for node, label in zip(graph.nodes, labels):
        direction = node.get_center() - centre
        direction = direction / np.linalg.norm(direction)
        # how far the box reaches along ``direction`` from its centre
        half_extent = abs(direction[0]) * label.width / 2 + abs(direction[1]) * label.height / 2
        reach = node.width / 2 + NODE_LABEL_BUFF + half_extent
        placed.add(label.move_to(node.get_center() + reach * direction))
    return placed


def color_nodes(graph, values, scale=1.0) -> list:
    """Animations that fill each node with the colour of its value."""
    return [node.animate.set_fill(signal_color(v, scale), opacity=1, family=False)
            for node, v in zip(graph.nodes, values)]


# =========================================================================== scene 1

class GraphLaplacianFromWeights(NarratedScene):
    """A graph is a matrix A; its Laplacian L = D - A measures how much a signal varies."""

    def construct(self):
        # Step 1: the graph: six nodes, weighted edges.
        self.graph = get_graph()
        self.show_graph()
        # Step 2: the same graph as a symmetric adjacency matrix A.
        self.show_weight_matrix()
        # Step 3: degrees: the total weight at each node.
        self.show_degrees()
        # Step 4: L = D - A, rows summing to zero.
        self.show_laplacian()
        # Step 5: x^T L x: the energy of a signal on the nodes, three examples.
        self.show_energy()

    # ------------------------------------------------------------------ steps
    def show_graph(self):
        graph = self.graph
        with self.beat("A graph is a set of nodes joined by edges. Here are six nodes, and each "
                       "edge has a weight: how strongly it ties its two ends together."):
            self.play(LaggedStart(*(GrowFromCenter(n) for n in graph.nodes), lag_ratio=0.15))
            self.play(LaggedStart(*(Create(e) for e in graph.edges.values()), lag_ratio=0.15),
                      run_time=2)
            self.play(FadeIn(graph.weight_group()))
        bridge = graph.edges[BRIDGE]
        with self.beat("Two tight triangles, joined by a single light bridge of weight one half."):
            self.play(Indicate(bridge, color=DEGREE, scale_factor=1.2),
                      Indicate(graph.weights[BRIDGE], color=DEGREE), run_time=1.5)

    def show_weight_matrix(self):
        self.w_name = MathTex("A", font_size=BODY_SIZE + 4)
        self.w_name[0].set_color(LAPLACIAN)
        self.w_matrix = get_matrix(A, decimals=1, font_size=LABEL_SIZE - 2)
        group = VGroup(self.w_name, self.w_matrix).arrange(DOWN, buff=0.25)
        group.move_to([3.7, 1.5, 0])
        with self.beat("Write the weights into a matrix A, the adjacency matrix. Row i, column j holds the weight of the "
                       "edge between node i and node j, and zero where there is no edge."):
            self.play(FadeIn(group))
            entry = self.w_matrix.get_rows()[0][1]
            self.play(Indicate(entry, color=DEGREE), Indicate(self.graph.edges[(0, 1)], color=DEGREE),
                      Indicate(self.graph.weights[(0, 1)], color=DEGREE), run_time=1.5)
        with self.beat("An edge works both ways, so A is symmetric."):
            self.play(Indicate(self.w_matrix.get_rows()[1][0], color=DEGREE),
                      Indicate(entry, color=DEGREE), run_time=1.5)

    def show_degrees(self):
        self.degree_labels = get_node_labels(self.graph, DEGREES, color=DEGREE, decimals=1,
                                             prefix="d=")
        with self.beat("The degree of a node is the total weight of its edges, the sum of its row "
                       f"of A. Node two has degree {format_number(DEGREES[2])}."):
            self.play(LaggedStart(*(FadeIn(l, shift=0.1 * UP) for l in self.degree_labels),
                                  lag_ratio=0.1))
            self.play(Indicate(self.w_matrix.get_rows()[2], color=DEGREE),
                      Indicate(self.degree_labels[2], color=DEGREE), run_time=1.5)

    def show_laplacian(self):
        l_name = MathTex("L", "=", "D", "-", "A", font_size=BODY_SIZE + 4)
        l_name[0].set_color(LAPLACIAN)
        l_name[2].set_color(DEGREE)
        l_name[4].set_color(LAPLACIAN)
        l_matrix = get_matrix(L, decimals=1, font_size=LABEL_SIZE - 2)
        for i, row in enumerate(l_matrix.get_rows()):
            row[i].set_color(DEGREE)
        group = VGroup(l_name, l_matrix).arrange(DOWN, buff=0.25)
        group.move_to([3.7, 1.5, 0])
        with self.beat("Put the degrees on a diagonal matrix D. The graph Laplacian is L equals D "
                       "minus A: degrees on the diagonal, minus the weights everywhere else."):
            self.play(ReplacementTransform(self.w_name, l_name),
                      ReplacementTransform(self.w_matrix, l_matrix), run_time=2)
            self.play(*(Indicate(row[i], color=DEGREE) for i, row in enumerate(l_matrix.get_rows())))
        with self.beat("So every row of L sums to zero."):
            self.play(Indicate(l_matrix.get_rows()[2], color=TEXT), run_time=1.5)
        self.play(FadeOut(self.degree_labels))
        self.l_group = group

    def show_energy(self):
        energy = MathTex(r"\mathbf{x}^{T}", "L", r"\mathbf{x}", "=", r"\tfrac{1}{2} \sum_{i,j}",
                         "a_{ij}", r"(x_i - x_j)^2", font_size=BODY_SIZE)
        energy[1].set_color(LAPLACIAN)
        energy[5].set_color(GRAPH_EDGE)
        energy.next_to(self.l_group, DOWN, buff=0.45).set_x(self.l_group.get_x())
        names = place_node_labels(self.graph, [MathTex(f"x_{i}", font_size=LABEL_SIZE, color=TEXT)
                                               for i in range(N_NODES)])
        i, j = 0, 1  # the edge whose term is pointed at
        with self.beat("Why this matrix? Put a number x i on every node: a signal on the graph. "
                       "Then x transpose L x adds up, over all edges, the weight times the squared "
                       "difference across the edge."):
            self.play(LaggedStart(*(FadeIn(n, shift=0.1 * UP) for n in names), lag_ratio=0.15))
            self.play(Write(energy[:3]))
            self.play(Write(energy[3:5]), run_time=0.7)
            self.play(Write(energy[5]), Indicate(self.graph.edges[(i, j)], color=GRAPH_EDGE),
                      Indicate(self.graph.weights[(i, j)], color=GRAPH_EDGE))
            self.play(Write(energy[6]), Indicate(names[i]), Indicate(names[j]))
        value_tracker = None
        previous_labels = names
        beats = {
            "smooth": ("A signal that is plus one on one triangle and minus one on the other only "
                       "changes across the bridge. Its energy is just "
                       f"{format_number(ENERGIES['smooth'])}."),
            "rough": ("A signal that flips sign along almost every edge has a large energy: "
                      f"{format_number(ENERGIES['rough'])}."),
            "constant": ("And a constant signal has energy zero: no edge sees a difference. "
                         "So L times the all-ones vector is zero: an eigenvector, with eigenvalue "
                         "zero."),
        }
        for name in ("smooth", "rough", "constant"):
            x = SIGNALS[name]
            labels = get_node_labels(self.graph, x, decimals=0)
            for label, value in zip(labels, x):
                label.set_color(signal_color(value))
            readout = MathTex(r"\mathbf{x}^{T} L \mathbf{x}", "=", format_number(ENERGIES[name]),
                              font_size=BODY_SIZE)
            readout[0][2].set_color(LAPLACIAN)
            readout.next_to(energy, DOWN, buff=0.35)
            with self.beat(beats[name]):
                if value_tracker is None:  # the names x_i become the first signal's values
                    self.play(ReplacementTransform(previous_labels, labels),
                              *color_nodes(self.graph, x))
                    self.play(FadeIn(readout))
                else:
                    self.play(ReplacementTransform(previous_labels, labels),
                              ReplacementTransform(value_tracker, readout),
                              *color_nodes(self.graph, x), run_time=1.5)
                if name == "constant":  # no edge sees a difference: every edge, in turn
                    self.play(LaggedStart(*(Indicate(e, color=GRAPH_EDGE)
                                            for e in self.graph.edges.values()), lag_ratio=0.2))
                else:
                    self.wait(1.5)
            previous_labels, value_tracker = labels, readout
        with self.beat("Small energy means smooth across the graph. The eigenvectors of L are "
                       "exactly the smoothest signals, and that is the next scene."):
            self.play(Indicate(energy, color=LAPLACIAN), run_time=1.5)
            self.wait(1)


# =========================================================================== scene 2

SPECTRUM_GRAPH_POSITIONS = GRAPH_POSITIONS * np.array([1.0, 0.75, 1]) + np.array([0.6, 1.55, 0])
BAR_ORIGIN = np.array([-5.1, -1.65, 0])  # where bar 0 stands on the axis
BAR_SPACING = 1.05
BAR_UNIT = 2.0  # frame units per unit of eigenvector entry


class FiedlerVectorCutsTheGraph(NarratedScene):
    """Eigenvectors of L as signals; the Fiedler vector's signs cut the weak bridge."""

    def construct(self):
        # Step 1: the graph at the top left, L v = lambda v and the spectrum on the right.
        self.graph = get_graph(SPECTRUM_GRAPH_POSITIONS, show_weights=False, node_radius=0.22)
        self.show_graph_and_spectrum()
        # Step 2: an eigenvector drawn as bars, one per node, and as node colours: v_1.
        self.show_eigenvector(0)
        # Step 3: v_2, the Fiedler vector.
        self.show_eigenvector(1)
        # Step 4: a higher one wiggles.
        self.show_eigenvector(3)
        # Step 5: the signs of v_2 cut the graph.
        self.show_cut()

    # ------------------------------------------------------------------ builders
    def get_bars(self, v) -> VGroup:
        bars = VGroup()
        for i, value in enumerate(v):
            base = BAR_ORIGIN + i * BAR_SPACING * RIGHT
            top = base + BAR_UNIT * value * UP
            bar = Line(base, top if abs(value) > 1e-9 else base + 0.001 * UP,
                       color=signal_color(value, 0.45), stroke_width=22)
            bars.add(bar)
        return bars

    def get_bar_values(self, v) -> VGroup:
        values = VGroup()
        for i, value in enumerate(v):
            base = BAR_ORIGIN + i * BAR_SPACING * RIGHT
            label = MathTex(format_number(value), font_size=SMALL_SIZE, color=signal_color(value, 0.45))
            label.next_to(base + BAR_UNIT * value * UP, UP if value >= 0 else DOWN, buff=0.1)
            values.add(label)
        return values

    # ------------------------------------------------------------------ steps
    def show_graph_and_spectrum(self):
        graph = self.graph
        axis = Line(BAR_ORIGIN + 0.5 * LEFT, BAR_ORIGIN + (5 * BAR_SPACING + 0.5) * RIGHT,
                    color=MUTED, stroke_width=2)
        indices = VGroup(*(MathTex(str(i), font_size=SMALL_SIZE, color=MUTED)
                           .move_to(BAR_ORIGIN + i * BAR_SPACING * RIGHT + 1.85 * DOWN)
                           for i in range(N_NODES)))
        index_name = Tex("node", font_size=SMALL_SIZE, color=MUTED).next_to(indices, LEFT, buff=0.3)
        with self.beat("Here is the same graph. Its Laplacian is symmetric, so it has six "
                       "eigenvectors, perpendicular to each other, each with a real eigenvalue."):
            self.play(FadeIn(graph))
            self.play(Create(axis), FadeIn(indices), FadeIn(index_name))
        equation = MathTex("L", r"\mathbf{v}", "=", r"\lambda", r"\mathbf{v}", font_size=BODY_SIZE + 4)
        equation[0].set_color(LAPLACIAN)
        for k in (1, 3, 4):
            equation[k].set_color(EIGEN)
        rows = VGroup(*(MathTex(rf"\lambda_{k + 1}", "=", format_number(SPECTRUM[k]),
                                font_size=BODY_SIZE, color=EIGEN) for k in range(N_NODES)))
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        column = VGroup(equation, rows).arrange(DOWN, buff=0.5)
        column.move_to([3.9, 0.3, 0])
        with self.beat("An eigenvector of L is a signal on the nodes that L only rescales. Sorted "
                       "from small to large, these are the six eigenvalues, the spectrum of the "
                       "graph."):
            self.play(Write(equation))
            self.play(LaggedStart(*(FadeIn(r, shift=0.1 * RIGHT) for r in rows), lag_ratio=0.15))
        self.spectrum_rows, self.axis = rows, axis
        self.bars = self.values = self.highlight = None

    def show_eigenvector(self, k: int):
        v = EIGENVECTORS[:, k] if k != 1 else FIEDLER
        bars, values = self.get_bars(v), self.get_bar_values(v)
        highlight = SurroundingRectangle(self.spectrum_rows[k], color=EIGEN, buff=0.08)
        texts = {
            0: ("The smallest eigenvalue is zero, and its eigenvector is the constant signal we "
                "met before: every node gets the same value. Drawn as bars, one per node, it is "
                "flat, and it tells us nothing about the graph's shape."),
            1: ("The second eigenvector is the interesting one. It is called the Fiedler vector: "
                "the smoothest signal that is not constant. It is positive on one triangle and "
                "negative on the other, and changes sign across the bridge. Its eigenvalue, "
                f"{format_number(SPECTRUM[1])}, is small because the bridge is light."),
            3: ("Higher eigenvectors wiggle more. This one, with eigenvalue "
                f"{format_number(SPECTRUM[3])}, changes sign along many edges, so its energy is "
                "large."),
        }
        with self.beat(texts[k]):
            if self.bars is None:
                self.play(Create(highlight))
                self.play(LaggedStart(*(Create(b) for b in bars), lag_ratio=0.1),
                          *color_nodes(self.graph, v, 0.45))
                self.play(FadeIn(values))
            else:
                self.play(ReplacementTransform(self.highlight, highlight))
                self.play(ReplacementTransform(self.bars, bars), FadeOut(self.values),
                          *color_nodes(self.graph, v, 0.45), run_time=1.5)
                self.play(FadeIn(values))
            if k == 1:
                self.point_out_fiedler(bars, highlight)
            else:
                self.wait(1.5)
        self.bars, self.values, self.highlight = bars, values, highlight

    def point_out_fiedler(self, bars, highlight):
        """The Fiedler vector's positive side, its negative side, the bridge between them,
        and its eigenvalue, each pointed at as the words reach it."""
        for side in (1, 0):
            nodes = [n for n, s in zip(self.graph.nodes, FIEDLER_SIDES) if s == side]
            side_bars = [b for b, s in zip(bars, FIEDLER_SIDES) if s == side]
            color = POSITIVE if side else NEGATIVE
            self.play(*(Indicate(m, color=color) for m in nodes + side_bars))
        self.play(Indicate(self.graph.edges[BRIDGE], color=TEXT, scale_factor=1.3))
        self.play(Circumscribe(highlight, color=EIGEN))

    def show_cut(self):
        v = FIEDLER
        bars, values = self.get_bars(v), self.get_bar_values(v)
        highlight = SurroundingRectangle(self.spectrum_rows[1], color=EIGEN, buff=0.08)
        with self.beat("Back to the Fiedler vector."):
            self.play(ReplacementTransform(self.highlight, highlight),
                      ReplacementTransform(self.bars, bars), FadeOut(self.values),
                      *color_nodes(self.graph, v, 0.45), run_time=1.5)
            self.play(FadeIn(values))
        (i, j), = CUT_EDGES
        middle = (self.graph.nodes[i].get_center() + self.graph.nodes[j].get_center()) / 2
        reach = 0.25  # how far the cut runs past the top and bottom nodes
        cut = DashedLine([middle[0], self.graph.nodes.get_top()[1] + reach, 0],
                         [middle[0], self.graph.nodes.get_bottom()[1] - reach, 0],
                         color=TEXT, stroke_width=3)
        rule = Tex(r"split by the sign of $\mathbf{v}_2$", font_size=LABEL_SIZE, color=TEXT)
        rule[0][-2:].set_color(EIGEN)
        rule.next_to(cut, UP, buff=0.1)  # above the graph, clear of the bars and their values
        with self.beat("Split the nodes by its sign: positive on one side, negative on the "
                       "other. The cut crosses a single edge, the bridge, of weight "
                       f"{format_number(CUT_WEIGHT)}: the weakest way to cut this graph in two."):
            self.play(Create(cut), run_time=1.5)
            self.play(FadeIn(rule), Indicate(self.graph.edges[(i, j)], color=TEXT))
            self.wait(1.5)
        with self.beat("That is spectral clustering in its simplest form: eigenvectors of the "
                       "Laplacian turn a graph into coordinates in which its clusters separate."):
            self.play(Indicate(self.spectrum_rows[1], color=EIGEN), run_time=1.5)
            self.wait(1.5)


# =========================================================================== scene 3

RING_CENTER = np.array([-3.7, -0.25, 0])
RING_UNIT = 1.35
EMBED_CENTER = np.array([3.9, -1.2, 0])
EMBED_UNIT = 1.5


class SpectralClusteringOnRings(NarratedScene):
    """k-means on raw coordinates cuts two rings in half; spectral clustering separates them."""

    def construct(self):
        # Step 1: the data: two rings of points.
        self.plane = get_plane(x_range=(-3, 3, 1), y_range=(-3, 3, 1), unit=RING_UNIT,
                               center=RING_CENTER)
        self.plane.set_stroke(opacity=0.3)
        self.show_rings()
        # Step 2: k-means on the raw coordinates, iterate by iterate: it cuts the rings in half.
        self.show_kmeans()
        # Step 3: a similarity graph: nearby points joined.
        self.show_affinity_graph()
        # Step 4: the spectral embedding: every point moves to its row of eigenvectors.
        self.show_embedding()
        # Step 5: k-means there, and the labels carried back: the rings come apart.
        self.show_spectral_labels()

    def point(self, xy):
        return self.plane.c2p(*xy)

    # ------------------------------------------------------------------ steps
    def show_rings(self):
        self.dots = VGroup(*(Dot(self.point(x), radius=0.055, color=GRAPH_NODE) for x in RINGS))
        with self.beat(f"Here are {len(RINGS)} points, lying on two rings, one inside the other. "
                       "Which points belong together?"):
            self.play(FadeIn(self.plane))
            self.play(LaggedStart(*(GrowFromCenter(d) for d in self.dots), lag_ratio=0.02),
                      run_time=2)

    def show_kmeans(self):
        formula = MathTex(r"\min \sum_i \lVert x_i - c_{z_i} \rVert^2", font_size=BODY_SIZE)
        title = Tex("k-means on the coordinates", font_size=BODY_SIZE, color=TEXT)
        header = VGroup(title, formula).arrange(DOWN, buff=0.3).move_to([3.9, 2.6, 0])
        step = ValueTracker(0)
        history = KMEANS.centroid_history  # (n_iter + 1, 2, 2)

        def centre(j):
            return always_redraw(lambda: Cross(
                scale_factor=0.16, stroke_color=CLUSTER_COLORS[j], stroke_width=6,
            ).move_to(self.point(lookup(history, step.get_value())[j])))

        centres = VGroup(centre(0), centre(1))
        with self.beat("The usual answer is k-means: pick two centres, give every point to the "
                       "nearest one, move each centre to the mean of its points, and repeat."):
            self.play(FadeIn(header))
            self.play(FadeIn(centres),
                      *(d.animate.set_color(CLUSTER_COLORS[z]) for d, z in zip(self.dots, KMEANS_LABELS[0])))
        with self.beat(f"It settles after {KMEANS.n_iter} updates, each lowering the total squared "
                       "distance to the centres."):
            for k in range(1, len(history)):
                self.play(step.animate.set_value(k),
                          *(d.animate.set_color(CLUSTER_COLORS[z])
                            for d, z in zip(self.dots, KMEANS_LABELS[k])), run_time=0.6)
        verdict = Tex(rf"{format_number(100 * KMEANS_ACCURACY, 0)}\% of points grouped with their ring",
                      font_size=LABEL_SIZE, color=MUTED).next_to(header, DOWN, buff=0.35)
        with self.beat("But look at the result: a straight cut through both rings. k-means "
                       "assumes round blobs around a centre, and two rings are not that."):
            self.play(FadeIn(verdict))
            self.wait(2)
        self.play(FadeOut(centres), FadeOut(header), FadeOut(verdict),
                  *(d.animate.set_color(GRAPH_NODE) for d in self.dots))

    def show_affinity_graph(self):
        edges = VGroup()
        for i in range(len(RINGS)):
            for j in range(i + 1, len(RINGS)):
                if AFFINITY[i, j] > SHOWN_EDGE_WEIGHT:
                    edges.add(Line(self.point(RINGS[i]), self.point(RINGS[j]), color=GRAPH_EDGE,
                                   stroke_width=3 * AFFINITY[i, j], stroke_opacity=0.7))
        formula = MathTex("a_{ij}", "=", r"\exp\!\Big(-\frac{\lVert x_i - x_j \rVert^2}{2\sigma^2}\Big)",
                          font_size=BODY_SIZE)
        formula[0].set_color(GRAPH_EDGE)
        sigma = MathTex(rf"\sigma = {format_number(SIGMA)}", font_size=LABEL_SIZE, color=MUTED)
        title = Tex("spectral clustering", font_size=BODY_SIZE, color=TEXT)
        header = VGroup(title, formula, sigma).arrange(DOWN, buff=0.25).move_to([3.9, 2.35, 0])
        with self.beat("Spectral clustering first turns the points into a graph. Every pair gets "
                       "an edge whose weight decays with distance; here the edges that matter, "
                       "between near neighbours, are drawn."):
            self.play(FadeIn(title), Write(formula), FadeIn(sigma))
            self.play(Create(edges), run_time=2.5)
        self.edges, self.header = edges, header

    def show_embedding(self):
        circle = Circle(radius=EMBED_UNIT, color=FAINT, stroke_width=2).move_to(EMBED_CENTER)
        axes = VGroup(Line(EMBED_CENTER + 1.8 * LEFT, EMBED_CENTER + 1.8 * RIGHT),
                      Line(EMBED_CENTER + 1.8 * DOWN, EMBED_CENTER + 1.8 * UP)).set_stroke(MUTED, 1.5)
        labels = VGroup(MathTex(r"\mathbf{u}_1", font_size=LABEL_SIZE, color=EIGEN)
                        .next_to(axes[0], RIGHT, buff=0.1),
                        MathTex(r"\mathbf{u}_2", font_size=LABEL_SIZE, color=EIGEN)
                        .next_to(axes[1], UP, buff=0.05))
        self.originals = [d.get_center() for d in self.dots]
        targets = [EMBED_CENTER + EMBED_UNIT * np.array([y[0], y[1], 0]) for y in EMBEDDING]
        with self.beat("Then it takes the two eigenvectors of the normalised Laplacian with the "
                       "smallest eigenvalues, and gives every point the two numbers they hold "
                       "for it: new coordinates."):
            self.play(FadeOut(self.header[2]), Create(axes), Create(circle), FadeIn(labels))
            self.play(FadeOut(self.edges))
        with self.beat("Watch the points move to their new coordinates. Each ring collapses to "
                       "nearly a single spot."):
            self.play(*(d.animate.move_to(t) for d, t in zip(self.dots, targets)), run_time=3)
            self.wait(1)
        self.embed_axes = VGroup(axes, circle, labels)

    def show_spectral_labels(self):
        with self.beat("There, k-means has an easy job: two tight clumps, two clusters."):
            self.play(*(d.animate.set_color(CLUSTER_COLORS[z])
                        for d, z in zip(self.dots, SPECTRAL_LABELS)))
            self.wait(1)
        verdict = Tex(rf"{format_number(100 * SPECTRAL_ACCURACY, 0)}\% of points grouped with their ring",
                      font_size=LABEL_SIZE, color=MUTED).next_to(self.header[1], DOWN, buff=0.35)
        with self.beat("Carry the labels back to the original points, and the two rings come "
                       f"apart: {format_number(100 * SPECTRAL_ACCURACY, 0)} percent correct, "
                       "because the graph followed the shape of the data, not its distance to a "
                       "centre."):
            self.play(*(d.animate.move_to(p) for d, p in zip(self.dots, self.originals)),
                      FadeOut(self.embed_axes), run_time=3)
            self.play(FadeIn(verdict))
            self.wait(1.5)


# =========================================================================== scene 4

MP_POSITIONS = GRAPH_POSITIONS + np.array([0.2, 0.6, 0])
FEATURE_COLOR_SCALE = 0.4  # |h| at which a node's colour is full


class MessagePassingAlongEdges(NarratedScene):
    """One GNN layer: every node averages its own and its neighbours' features."""

    def construct(self):
        # Step 1: the graph with one feature per node.
        self.graph = get_graph(MP_POSITIONS)
        self.show_features()
        # Step 2: the update rule, for one node and in matrix form.
        self.show_rule()
        # Step 3: one node's update written out, messages flowing in.
        self.show_focus_update()
        # Step 4: every node at once, layer after layer.
        for layer in range(1, N_LAYERS + 1):
            self.show_layer(layer)
        # Step 5: what the layers learnt: the two communities.
        self.show_takeaway()

    # ------------------------------------------------------------------ builders
    def get_labels(self, layer: int) -> VGroup:
        labels = get_node_labels(self.graph, FEATURES[layer])
        for label, value in zip(labels, FEATURES[layer]):
            label.set_color(signal_color(value, FEATURE_COLOR_SCALE))
        return labels

    def get_messages(self, receivers=None) -> list:
        """Dots that travel along every edge into ``receivers`` (default: all nodes)."""
        moves = []
        for (i, j) in self.graph.edges:
            for sender, receiver in ((i, j), (j, i)):
                if receivers is not None and receiver not in receivers:
                    continue
                start = self.graph.nodes[sender].get_center()
                end = self.graph.nodes[receiver].get_center()
                dot = Dot(start, radius=0.07,
                          color=signal_color(self.current[sender], FEATURE_COLOR_SCALE))
                moves.append((dot, end))
        return moves

    def play_messages(self, receivers=None, run_time=1.2):
        moves = self.get_messages(receivers)
        dots = [dot for dot, _ in moves]
        self.play(*(FadeIn(d) for d in dots), run_time=0.3)
        self.play(*(d.animate(rate_func=linear).move_to(end) for d, end in moves), run_time=run_time)
        self.play(*(FadeOut(d) for d in dots), run_time=0.3)

    # ------------------------------------------------------------------ steps
    def show_features(self):
        self.current = FEATURES[0]
        self.labels = self.get_labels(0)
        with self.beat("A graph neural network keeps a feature at every node. Here each node "
                       "has a single number: node zero says plus one, node five says minus one, "
                       "and the others know nothing yet."):
            self.play(FadeIn(self.graph))
            colors = color_nodes(self.graph, FEATURES[0], FEATURE_COLOR_SCALE)
            knowing = [n for n in range(N_NODES) if FEATURES[0][n] != 0]  # nodes zero and five
            for n in knowing:
                self.play(FadeIn(self.labels[n], shift=0.1 * UP), colors[n])
            self.play(*(FadeIn(self.labels[n]) for n in range(N_NODES) if n not in knowing),
                      *(colors[n] for n in range(N_NODES) if n not in knowing), run_time=0.7)

    def show_rule(self):
        rule = MathTex(r"h_i'", "=", r"\frac{h_i + \sum_j a_{ij} h_j}{1 + \sum_j a_{ij}}",
                       r"\,\Theta", font_size=BODY_SIZE)
        rule[3].set_color(LAPLACIAN)
        matrix_form = MathTex("H'", "=", r"\hat D^{-1}", r"\hat A", "H", r"\Theta", font_size=BODY_SIZE)
        matrix_form[2].set_color(DEGREE)
        matrix_form[3].set_color(GRAPH_EDGE)
        matrix_form[5].set_color(LAPLACIAN)
        self.rules = VGroup(rule, matrix_form).arrange(DOWN, buff=0.35).move_to([3.9, 2.4, 0])
        with self.beat("One layer of message passing: every node collects its neighbours' "
                       "features, weighted by the edges, adds its own, and takes the average."):
            self.play(Write(rule), run_time=2)
        with self.beat("Then every node applies the same weight matrix, theta. For all nodes at once "
                       "this is one matrix product: the adjacency with self-loops, divided by the "
                       "degrees, times the features, times theta."):
            self.play(Indicate(rule[3], color=LAPLACIAN))
            # the product, factor by factor in the order the words name them
            self.play(FadeIn(matrix_form[:2]), run_time=0.6)
            self.play(FadeIn(matrix_form[3], shift=0.1 * DOWN),
                      *(Indicate(e, color=GRAPH_EDGE) for e in self.graph.edges.values()), run_time=0.8)
            self.play(FadeIn(matrix_form[2], shift=0.1 * DOWN),
                      *(Indicate(n, color=DEGREE) for n in self.graph.nodes), run_time=0.8)
            self.play(FadeIn(matrix_form[4], shift=0.1 * DOWN), Indicate(self.labels), run_time=0.8)
            self.play(FadeIn(matrix_form[5], shift=0.1 * DOWN), run_time=0.8)
        note = Tex(r"here $\Theta = [\,1\,]$: watch the averaging", font_size=LABEL_SIZE, color=MUTED)
        note.next_to(self.rules, DOWN, buff=0.3)
        with self.beat("A real network has many features and learns theta. We keep one feature "
                       "and theta equal to one, to watch the averaging itself."):
            self.play(Circumscribe(self.rules[1][5], color=LAPLACIAN))
            self.play(FadeIn(note))
            self.play(Indicate(self.labels))
        self.note = note

    def show_focus_update(self):
        i = FOCUS_NODE
        neighbours = [j for j in range(N_NODES) if A[i, j] > 0]
        terms = [f"{format_number(FEATURES[0][i])}"] + [
            rf"{format_number(A[i, j])} \cdot {format_number(FEATURES[0][j])}" for j in neighbours]
        numerator = " + ".join(terms)
        formula = MathTex(rf"h_{i}'", "=", rf"\frac{{{numerator}}}{{{format_number(FOCUS_TOTAL_WEIGHT)}}}",
                          "=", format_number(FEATURES[1][i]), font_size=LABEL_SIZE)
        formula[4].set_color(signal_color(FEATURES[1][i], FEATURE_COLOR_SCALE))
        formula.next_to(self.note, DOWN, buff=0.45)
        with self.beat(f"Take node {i}. Messages arrive from its three neighbours, and one from "
                       "itself."):
            self.play(Indicate(self.graph.nodes[i], color=TEXT))
            self.play_messages(receivers={i})
        with self.beat(f"Weighted, summed and divided by the total weight "
                       f"{format_number(FOCUS_TOTAL_WEIGHT)}, they give "
                       f"{format_number(FEATURES[1][i])}: node {i} now leans positive, because "
                       "node zero is its neighbour."):
            self.play(Write(formula), run_time=2)
            self.wait(1.5)
        self.play(FadeOut(formula))

    def show_layer(self, layer: int):
        labels = self.get_labels(layer)
        counter = Tex(f"after layer {layer}", font_size=BODY_SIZE, color=TEXT)
        counter.move_to([3.9, -1.0, 0])
        texts = {
            1: "Now every node does the same, all at once. That is one layer.",
            2: ("A second layer brings news from two edges away. Node two's value drops a "
                "little: through node three, it has now heard from node five."),
            3: "A third layer spreads it one edge further: now every node has heard from both ends.",
        }
        with self.beat(texts[layer]):
            self.play_messages(run_time=1.2 if layer == 1 else 0.9)
            self.current = FEATURES[layer]
            anims = [ReplacementTransform(self.labels, labels), *color_nodes(self.graph, FEATURES[layer], FEATURE_COLOR_SCALE)]
            if layer == 1:
                anims.append(FadeIn(counter))
            else:
                anims.append(ReplacementTransform(self.counter, counter))
            self.play(*anims)
            self.wait(1)
        self.labels, self.counter = labels, counter

    def show_takeaway(self):
        signs = VGroup(Tex(r"signs after 3 layers", font_size=LABEL_SIZE, color=TEXT),
                       Tex(r"$=$ signs of the Fiedler vector", font_size=LABEL_SIZE, color=TEXT))
        signs.arrange(DOWN, buff=0.15).next_to(self.counter, DOWN, buff=0.4)
        with self.beat("After three layers every node on the left is positive and every node on "
                       "the right negative: the same split the Fiedler vector found. Each layer "
                       "lets a node see one more edge away."):
            self.play(FadeIn(signs))
            self.play(*(Indicate(n, color=TEXT, scale_factor=1.1) for n in self.graph.nodes),
                      run_time=1.5)
            self.wait(1)
        with self.beat("Message passing is the heart of graph neural networks: averaging over a "
                       "graph is multiplying by a matrix built from it, just like the Laplacian."):
            self.play(Indicate(self.rules[1], color=TEXT), run_time=1.5)
            self.wait(1)


# =========================================================================== scene 5

class Lesson15TryIt(TryItScene):
    lesson = 15
