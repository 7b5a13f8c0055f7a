"""Lesson 15 — Graph theory and spectral methods.

Its scenes play in the order ``curriculum.toml`` lists them.

Every number on screen is computed once, here at the top, by ``mathcore`` (with
fixed inputs and a fixed seed); the scenes only draw and format them.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, ORIGIN, RIGHT, UP, Circle, Circumscribe, Create, Cross, DashedLine, Dot, FadeIn,
    FadeOut, GrowFromCenter, GrowFromEdge, Indicate, LaggedStart, Line, MathTex, Mobject,
    ReplacementTransform, SurroundingRectangle, Tex, Transform, TransformFromCopy, ValueTracker,
    VGroup, Write, always_redraw, interpolate_color, linear,
)

from mathcore import graphs, linalg
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_beats import show_bridge
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT_2, ACCENT_3, BODY_SIZE, CLUSTER_COLORS, DEGREE, EIGEN, FAINT, GRAPH_EDGE, GRAPH_NODE, LABEL_SIZE, LAPLACIAN,
    MUTED, NEGATIVE, POSITIVE, SMALL_SIZE, TEXT,
)
from scenekit.widgets import (
    format_number, get_bar_row, get_matrix, get_plane, get_weighted_graph, lookup,
)

LAYER_WEIGHTS = ACCENT_3  # a layer's learnt weights Theta: unlike A, not the graph
FILTER = ACCENT_2  # the factors 1 - lambda~ one GCN layer multiplies the frequencies by
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

FIEDLER_VALUE = Bridge(
    formula=r"\lambda_2 = \mathbf{v}_2^{T} L\, \mathbf{v}_2",
    setup=f"A = np.array({A.tolist()})",
    mathcore=Snippet("v = graphs.fiedler_vector(A)\n"
                     "v @ graphs.laplacian(A) @ v"),
    library=Snippet("from scipy.sparse.csgraph import laplacian\n"
                    "np.linalg.eigh(laplacian(A))[0][1]", needs="scipy"),
    decimals=2,
)

# --------------------------------------------------------------------------- the normalised Laplacian
# L_sym = D^-1/2 L D^-1/2 = I - D^-1/2 A D^-1/2: every entry divided by sqrt(d_i d_j).
L_SYM = graphs.laplacian(A, normalized=True)  # (6, 6)
SPECTRUM_SYM = linalg.eigh(L_SYM)[0][::-1]  # (6,) ascending, all in [0, 2]
_vectors_sym = linalg.eigh(L_SYM)[1][:, ::-1]  # (6, 6) columns ascending
SECOND_SYM = _vectors_sym[:, 1] * np.sign(_vectors_sym[0, 1])  # (6,) node 0 positive
ENTRY_EDGE = (0, 1)  # the entry worked out on screen: -a_01 / sqrt(d_0 d_1)

NORMALISED = Bridge(
    formula=r"L_{sym} = I - D^{-1/2} A\, D^{-1/2}",
    setup=f"A = np.array({A.tolist()})",
    mathcore=Snippet("Ls = graphs.laplacian(A, normalized=True)\n"
                     "max(linalg.eigh(Ls)[0])"),
    library=Snippet("from scipy.sparse.csgraph import laplacian\n"
                    "Ls = laplacian(A, normed=True)\n"
                    "np.linalg.eigvalsh(Ls)[-1]", needs="scipy"),
    decimals=2,
)

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

MEAN_LAYER = Bridge(
    formula=r"H' = \hat D^{-1} (A + I)\, H\, \Theta",  # \hat A would split at the coloured A
    setup=(f"A = np.array({A.tolist()})\nH = np.array({H0.tolist()})\n"
           "Theta = np.eye(1)"),
    mathcore=Snippet("graphs.message_passing(A, H, Theta)[2, 0]"),
    library=Snippet("A_hat = A + np.eye(6)\n"
                    "D_inv = 1 / A_hat.sum(axis=1, keepdims=True)\n"
                    "(D_inv * A_hat @ H @ Theta)[2, 0]"),
    decimals=2,
)


# --------------------------------------------------------------------------- GCN as a filter
# GCN propagates with A_hat = D~^-1/2 (A + I) D~^-1/2 = I - L~_sym, L~_sym the normalised
# Laplacian of the graph with a self-loop on every node: it multiplies the signal's part
# along each eigenvector of L~_sym (eigenvalue lambda~) by 1 - lambda~.
A_HAT = graphs.gcn_propagation(A)  # (6, 6)
L_TILDE = np.eye(N_NODES) - A_HAT  # (6, 6) normalised Laplacian with self-loops
_values, _vectors = linalg.eigh(L_TILDE)  # descending
_values, _vectors = _values[::-1], _vectors[:, ::-1]  # ascending
# one bar per distinct frequency: a repeated eigenvalue's eigenvectors are not unique, the
# part of a signal in their span (its projection) is
_groups = np.split(np.arange(N_NODES), np.flatnonzero(np.diff(_values) > 1e-6) + 1)
FREQUENCIES = np.array([_values[g].mean() for g in _groups])  # (5,) distinct lambda~, ascending
FREQUENCY_BASES = [_vectors[:, g] for g in _groups]  # orthonormal columns per frequency
FACTORS = 1 - FREQUENCIES  # (5,) what one layer multiplies each frequency by
NOISY = np.array([1.3, 0.6, 1.2, -0.65, -1.3, -0.75])  # (6,) +-1 per triangle, plus noise
FILTERED = A_HAT @ NOISY  # (6,) one GCN layer, Theta = [1]


def frequency_amounts(x: np.ndarray) -> np.ndarray:
    """(5,) the length of x's projection on each frequency's eigenvectors: x = sum of parts."""
    return np.array([np.linalg.norm(V @ (V.T @ x)) for V in FREQUENCY_BASES])


AMOUNTS = frequency_amounts(NOISY)  # (5,)
AMOUNTS_AFTER = frequency_amounts(FILTERED)  # (5,) = |1 - lambda~| * AMOUNTS
ENERGY_NOISY = float(NOISY @ L @ NOISY)  # x^T L x, scene 1's energy
ENERGY_FILTERED = float(FILTERED @ L @ FILTERED)
N_DEEP, N_DEEPER = 8, 100  # layers stacked in the over-smoothing remark
DEEP_FACTORS = FACTORS**N_DEEP  # (5,)
DEEP = np.linalg.matrix_power(A_HAT, N_DEEP) @ NOISY  # (6,) after N_DEEP layers
DEEPER = np.linalg.matrix_power(A_HAT, N_DEEPER) @ NOISY  # (6,) nearly one value, up to degree

GCN_FILTER = Bridge(
    formula=r"\mathbf{y} = \tilde D^{-1/2} (A + I)\, \tilde D^{-1/2} \mathbf{x}",
    setup=f"A = np.array({A.tolist()})\nx = np.array({NOISY.tolist()})",
    mathcore=Snippet("y = graphs.gcn_propagation(A) @ x\n"
                     "y @ graphs.laplacian(A) @ y"),
    library=Snippet("r = 1 / np.sqrt(A.sum(axis=1) + 1)\n"
                    "S = r[:, None] * (A + np.eye(6)) * r\n"
                    "lam, V = np.linalg.eigh(np.eye(6) - S)\n"
                    "y = V @ ((1 - lam) * (V.T @ x))\n"
                    "y @ (np.diag(A.sum(axis=1)) - A) @ y"),
    decimals=2,
)


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


def drawn(scene) -> list:
    """What the scene shows now (a bare ``Mobject`` draws nothing: the narration's own)."""
    return [m for m in scene.mobjects if type(m) is not Mobject]


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
            # rows pulse inside their brackets (at Indicate's 1.2 they grew over them)
            self.play(Indicate(self.w_matrix.get_rows()[2], color=DEGREE, scale_factor=1.05),
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
            self.play(Indicate(l_matrix.get_rows()[2], color=TEXT, scale_factor=1.05), run_time=1.5)
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
        # Step 6: formula -> code -> library: the Fiedler value.
        self.play(*(FadeOut(m) for m in drawn(self)))
        show_bridge(self, FIEDLER_VALUE, (
            "In code: the Fiedler vector's eigenvalue is its energy, v transpose L v.",
            "mathcore finds the vector and measures its energy: "
            f"{format_number(SPECTRUM[1])}.",
            "SciPy builds the Laplacian and NumPy's eigh sorts the eigenvalues from small to "
            f"large: the second one is the same {format_number(SPECTRUM[1])}.",
        ))

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

NORM_GRAPH_POSITIONS = (GRAPH_POSITIONS - [-3.35, 0, 0]) * 0.75 + [-3.9, 1.95, 0]
SPECTRUM_ZERO = np.array([-5.0, -1.35, 0])  # where 0 sits on the upper (L) number line
SPECTRUM_UNIT = 2.0  # frame units per unit of eigenvalue, the same on both lines
SPECTRUM_GAP = 1.45  # from the L line down to the L_sym line


class NormalisedLaplacian(NarratedScene):
    """Dividing by the degrees: L_sym = I - D^-1/2 A D^-1/2, its eigenvalues squeezed into [0, 2]."""

    def construct(self):
        # Step 1: the graph with its degrees, and L's spectrum on a number line: up to 5.
        self.graph = get_graph(NORM_GRAPH_POSITIONS, show_weights=False, node_radius=0.22)
        self.show_plain_spectrum()
        # Step 2: the definition, and one entry worked out.
        self.show_definition()
        # Step 3: why its eigenvalues lie in [0, 2]: a two-line bound on the energy.
        self.show_bound()
        # Step 4: the spectrum of L_sym on the same scale.
        self.show_normalised_spectrum()
        # Step 5: formula -> code -> library.
        self.clear_for_bridge()
        show_bridge(self, NORMALISED, (
            "In code, the normalised Laplacian is one line, and its largest eigenvalue is a "
            "quick check of the bound.",
            "mathcore divides the Laplacian by the square roots of the degrees and finds "
            f"{format_number(SPECTRUM_SYM[-1])}, below two.",
            "SciPy's laplacian, with normed equal to true, gives the same matrix, and NumPy's "
            "eigvalsh the same largest eigenvalue.",
        ))
        self.graph.move_to(ORIGIN)
        with self.beat("Its second eigenvector still cuts this graph at the bridge. Spectral "
                       "clustering runs on the eigenvectors of this normalised Laplacian: next, "
                       "we watch it separate data where plain distance fails."):
            self.play(FadeIn(self.graph))
            self.play(*color_nodes(self.graph, SECOND_SYM, 0.45), run_time=1.5)
            self.play(Indicate(self.graph.edges[BRIDGE], color=TEXT, scale_factor=1.3))

    # ------------------------------------------------------------------ builders
    def get_number_line(self, y: float, top: int) -> VGroup:
        zero = SPECTRUM_ZERO + y * UP
        axis = Line(zero + 0.2 * LEFT, zero + (top + 0.4) * SPECTRUM_UNIT * RIGHT, color=MUTED,
                    stroke_width=2)
        ticks = VGroup(*(Line(zero + k * SPECTRUM_UNIT * RIGHT + 0.08 * UP,
                              zero + k * SPECTRUM_UNIT * RIGHT + 0.08 * DOWN, color=MUTED,
                              stroke_width=2) for k in range(top + 1)))
        numbers = VGroup(*(MathTex(str(k), font_size=SMALL_SIZE, color=MUTED)
                           .next_to(tick, DOWN, buff=0.1) for k, tick in enumerate(ticks)))
        return VGroup(axis, ticks, numbers)

    def get_eigen_dots(self, values, y: float) -> VGroup:
        zero = SPECTRUM_ZERO + y * UP
        return VGroup(*(Dot(zero + v * SPECTRUM_UNIT * RIGHT, radius=0.09, color=EIGEN)
                        for v in values))

    def get_value_label(self, dot, value) -> MathTex:
        return MathTex(format_number(value), font_size=SMALL_SIZE, color=EIGEN).next_to(dot, UP, buff=0.12)

    # ------------------------------------------------------------------ steps
    def show_plain_spectrum(self):
        self.degree_labels = get_node_labels(self.graph, DEGREES, color=DEGREE, decimals=1,
                                             prefix="d=")
        for n, toward_bridge in ((2, RIGHT), (3, LEFT)):  # inside the triangles they would
            label = self.degree_labels[n]                     # touch this smaller graph's edges
            label.scale(SMALL_SIZE / LABEL_SIZE).next_to(self.graph.nodes[n], DOWN, buff=0.1)
            label.shift(0.15 * toward_bridge)
        line = self.get_number_line(0.0, 5)
        name = MathTex("L = D - A", font_size=LABEL_SIZE, color=LAPLACIAN)
        name.next_to(line[0], UP, buff=0.15).align_to(line[0], LEFT)
        dots = self.get_eigen_dots(SPECTRUM, 0.0)
        top_label = self.get_value_label(dots[-1], SPECTRUM[-1])
        with self.beat("The Laplacian L equals D minus A has one catch: its size follows the "
                       "degrees. The eigenvalues of our small graph run from zero up to "
                       f"{format_number(SPECTRUM[-1], trim=True)}, and a node with many heavy "
                       "edges would weigh more than the rest in every one of them."):
            self.play(FadeIn(self.graph), LaggedStart(*(FadeIn(l) for l in self.degree_labels),
                                                      lag_ratio=0.1))
            self.play(Create(line), FadeIn(name))
            # the spectrum comes in as one set, dot after dot (grown one by one, each dot joined
            # the scene alone and a repeated eigenvalue's two dots counted as a ghost copy)
            self.play(FadeIn(dots, lag_ratio=0.15))
            self.play(FadeIn(top_label), Indicate(dots[-1], color=EIGEN))
        self.plain = VGroup(line, name, dots, top_label)

    def show_definition(self):
        definition = MathTex(r"L_{sym}", "=", r"D^{-1/2}", "L", r"D^{-1/2}", "=", "I", "-",
                             r"D^{-1/2}", "A", r"D^{-1/2}", font_size=BODY_SIZE)
        definition[0].set_color(LAPLACIAN)
        definition[3].set_color(LAPLACIAN)
        for k in (2, 4, 8, 10):
            definition[k].set_color(DEGREE)
        entries = MathTex(r"(L_{sym})_{ij}", "=", r"-\frac{a_{ij}}{\sqrt{d_i\, d_j}}", r",\quad",
                          r"(L_{sym})_{ii} = 1", font_size=BODY_SIZE)
        i, j = ENTRY_EDGE
        worked = MathTex(rf"(L_{{sym}})_{{{i}{j}}}", "=",
                         rf"-\frac{{{format_number(A[i, j], trim=True)}}}"
                         rf"{{\sqrt{{{format_number(DEGREES[i], trim=True)} \cdot "
                         rf"{format_number(DEGREES[j], trim=True)}}}}}",
                         "=", format_number(L_SYM[i, j]), font_size=BODY_SIZE)
        worked[4].set_color(LAPLACIAN)
        column = VGroup(definition, entries, worked).arrange(DOWN, buff=0.35)
        column.move_to([2.9, 2.3, 0])
        with self.beat("So divide by the degrees, symmetrically: every entry of L, row i and "
                       "column j, by the square roots of the degrees at both ends. That is the "
                       "normalised Laplacian, L sym: the identity, minus the adjacency scaled "
                       "by one over root d on both sides."):
            self.play(Write(definition[:5]), run_time=1.5)
            self.play(*(Indicate(l, color=DEGREE) for l in self.degree_labels))
            self.play(Write(definition[5:]), run_time=1.5)
        with self.beat("Its diagonal is all ones, and off the diagonal sits minus the edge "
                       f"weight over the root of both degrees. For the edge from node {i} to "
                       f"node {j}: minus {format_number(A[i, j], trim=True)} over the root of "
                       f"{format_number(DEGREES[i], trim=True)} times "
                       f"{format_number(DEGREES[j], trim=True)}, which is "
                       f"{format_number(L_SYM[i, j])}."):
            self.play(FadeIn(entries, shift=0.1 * DOWN))
            self.play(Indicate(self.graph.edges[ENTRY_EDGE], color=GRAPH_EDGE, scale_factor=1.3),
                      Indicate(self.degree_labels[i], color=DEGREE),
                      Indicate(self.degree_labels[j], color=DEGREE))
            self.play(Write(worked), run_time=1.5)
        self.definition, self.details = definition, VGroup(entries, worked)

    def show_bound(self):
        energy = MathTex(r"\mathbf{x}^{T} L_{sym}\, \mathbf{x}", "=",
                         r"\tfrac{1}{2} \sum_{i,j} a_{ij} \Big(\frac{x_i}{\sqrt{d_i}} - "
                         r"\frac{x_j}{\sqrt{d_j}}\Big)^2", font_size=BODY_SIZE)
        bound = MathTex(r"\le", r"\sum_{i,j} a_{ij} \Big(\frac{x_i^2}{d_i} + \frac{x_j^2}{d_j}\Big)",
                        "=", r"2\, \lVert \mathbf{x} \rVert^2", font_size=BODY_SIZE)
        hint = MathTex(r"(u - v)^2 \le 2u^2 + 2v^2", font_size=LABEL_SIZE, color=MUTED)
        energy[0][2:6].set_color(LAPLACIAN)
        lines = VGroup(energy, bound).arrange(DOWN, buff=0.3, aligned_edge=LEFT)
        lines.next_to(self.definition, DOWN, buff=0.4).set_x(self.definition.get_x())
        hint.next_to(bound, DOWN, buff=0.2).align_to(bound, RIGHT)
        conclusion = MathTex(r"0 \le \lambda \le 2", font_size=BODY_SIZE, color=EIGEN)
        conclusion.next_to(hint, LEFT, buff=0.6)
        with self.beat("Why squeeze? Its energy is the same sum over edges as before, now of the "
                       "differences of x over root d, so it is never negative: every "
                       "eigenvalue is at least zero."):
            self.play(FadeOut(self.details))
            self.play(Write(energy), run_time=2)
        with self.beat("And a squared difference is at most twice the sum of the squares. "
                       "Summed over the edges, each node's degree cancels, and the energy is at "
                       "most twice the length of x squared. So every eigenvalue lies between "
                       "zero and two, whatever the degrees."):
            self.play(FadeIn(hint, shift=0.1 * UP))
            self.play(Write(bound), run_time=2)
            self.play(Circumscribe(bound[3], color=EIGEN))
            self.play(FadeIn(conclusion, shift=0.1 * RIGHT))
        self.bound = VGroup(energy, bound, hint, conclusion)

    def show_normalised_spectrum(self):
        line = self.get_number_line(-SPECTRUM_GAP, 2)
        name = MathTex("L_{sym}", font_size=LABEL_SIZE, color=LAPLACIAN)
        name.next_to(line[0], UP, buff=0.15).align_to(line[0], RIGHT)  # clear of lambda_2's label
        dots = self.get_eigen_dots(SPECTRUM_SYM, -SPECTRUM_GAP)
        top_label = self.get_value_label(dots[-1], SPECTRUM_SYM[-1])
        second_label = self.get_value_label(dots[1], SPECTRUM_SYM[1])
        second_label.next_to(dots[1], UP, buff=0.12).shift(0.25 * RIGHT)
        band = Line(line[1][0].get_center(), line[1][2].get_center(), color=EIGEN,
                    stroke_width=10, stroke_opacity=0.35)
        with self.beat("Here are its six eigenvalues, on the same scale as before: all inside "
                       f"zero to two, the largest {format_number(SPECTRUM_SYM[-1])}."):
            self.play(Create(line), FadeIn(name))
            self.play(TransformFromCopy(self.plain[2], dots), run_time=2)
            self.play(Create(band), FadeIn(top_label))
        with self.beat("The meaning is unchanged: zero for the smoothest signal, and a small "
                       f"second eigenvalue, {format_number(SPECTRUM_SYM[1])}, because the "
                       "bridge between the triangles is light."):
            self.play(Indicate(dots[0], color=EIGEN), Indicate(dots[1], color=EIGEN))
            self.play(FadeIn(second_label), Indicate(self.graph.edges[BRIDGE], color=TEXT,
                                                     scale_factor=1.3))
        self.normalised = VGroup(line, name, dots, top_label, second_label, band)

    def clear_for_bridge(self):
        self.play(FadeOut(VGroup(self.graph, self.degree_labels, self.plain, self.definition,
                                 self.bound, self.normalised)))


# =========================================================================== scene 4

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
            # one cloud, dot after dot (grown one by one, each dot joined the scene alone, and
            # the embedding's two clumps, where each ring lands on nearly one spot, counted as
            # ghost copies)
            self.play(FadeIn(self.dots, lag_ratio=0.02), run_time=2)

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


# =========================================================================== scene 5

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
        # Step 6: formula -> code -> library: one mean layer, at node 2.
        self.play(*(FadeOut(m) for m in drawn(self)))
        show_bridge(self, MEAN_LAYER, (
            "In code, a whole layer is that one matrix product.",
            f"mathcore's message passing gives node {FOCUS_NODE} the value we worked out by "
            f"hand, {format_number(FEATURES[1][FOCUS_NODE])}.",
            "In NumPy: add the self-loops, divide each row by its total, multiply by the "
            "features and by theta. The same number. Which matrix a layer multiplies by decides "
            "what it does to a signal, as we see next.",
        ))

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
        # one group of messages: those a node sends start on it together, those it receives
        # meet on it, and all leave at the end (faded in one by one, each joined the scene
        # alone and the stacked ones counted as ghost copies)
        dots = VGroup(*(dot for dot, _ in moves))
        self.play(FadeIn(dots), run_time=0.3)
        self.play(*(d.animate(rate_func=linear).move_to(end) for d, end in moves), run_time=run_time)
        self.play(FadeOut(dots), run_time=0.3)

    # ------------------------------------------------------------------ steps
    def show_features(self):
        self.current = FEATURES[0]
        self.labels = self.get_labels(0)
        with self.beat("Spectral clustering computes eigenvectors once, for a fixed graph. A graph "
                       "neural network learns from the graph with a cheaper move, repeated."):
            self.play(FadeIn(self.graph))
            self.play(LaggedStart(*(Indicate(e, color=GRAPH_EDGE) for e in self.graph.edges.values()),
                                  lag_ratio=0.15))
        with self.beat("It keeps a feature at every node. Here each node "
                       "has a single number: node zero says plus one, node five says minus one, "
                       "and the others know nothing yet."):
            colors = color_nodes(self.graph, FEATURES[0], FEATURE_COLOR_SCALE)
            knowing = [n for n in range(N_NODES) if FEATURES[0][n] != 0]  # nodes zero and five
            for n in knowing:
                self.play(FadeIn(self.labels[n], shift=0.1 * UP), colors[n])
            self.play(*(FadeIn(self.labels[n]) for n in range(N_NODES) if n not in knowing),
                      *(colors[n] for n in range(N_NODES) if n not in knowing), run_time=0.7)

    def show_rule(self):
        rule = MathTex(r"h_i'", "=", r"\frac{h_i + \sum_j a_{ij} h_j}{1 + \sum_j a_{ij}}",
                       r"\,\Theta", font_size=BODY_SIZE)
        rule[3].set_color(LAYER_WEIGHTS)
        matrix_form = MathTex("H'", "=", r"\hat D^{-1}", r"\hat A", "H", r"\Theta", font_size=BODY_SIZE)
        matrix_form[2].set_color(DEGREE)
        matrix_form[3].set_color(GRAPH_EDGE)
        matrix_form[5].set_color(LAYER_WEIGHTS)
        self.rules = VGroup(rule, matrix_form).arrange(DOWN, buff=0.35).move_to([3.9, 2.4, 0])
        with self.beat("One layer of message passing: every node collects its neighbours' "
                       "features, weighted by the edges, adds its own, and takes the average."):
            self.play(Write(rule), run_time=2)
        with self.beat("Then every node applies the same weight matrix, theta. For all nodes at once "
                       "this is one matrix product: the adjacency with self-loops, divided by the "
                       "degrees, times the features, times theta."):
            self.play(Indicate(rule[3], color=LAYER_WEIGHTS))
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
            self.play(Circumscribe(self.rules[1][5], color=LAYER_WEIGHTS))
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
            self.play(Circumscribe(self.rules[1][2:4], color=DEGREE))


# =========================================================================== scene 6

GCN_GRAPH_POSITIONS = NORM_GRAPH_POSITIONS
BAR_BASE = np.array([-5.4, -2.75, 0])  # left end of the frequency bars' axis
FREQ_BAR_WIDTH, FREQ_BAR_BUFF, FREQ_BAR_UNIT = 0.6, 0.45, 0.85
REMARKS_LEFT = 0.9  # left edge of the energy readout and the remarks under it
SIGNAL_SCALE = 1.0  # |x| at which a node's colour is full


class GcnIsALowPassFilter(NarratedScene):
    """GCN's D~^-1/2 (A + I) D~^-1/2 = I - L~_sym multiplies each frequency by 1 - lambda~."""

    def construct(self):
        # Step 1: the GCN propagation matrix, against the mean layer just seen.
        self.graph = get_graph(GCN_GRAPH_POSITIONS, show_weights=False, node_radius=0.22)
        self.show_propagation()
        # Step 2: two lines: A_hat = I - L~_sym, so A_hat v = (1 - lambda~) v.
        self.show_derivation()
        # Step 3: a noisy signal, split into frequencies: bars.
        self.show_signal_and_spectrum()
        # Step 4: the filter 1 - lambda~ under each bar; one layer shrinks the rough bars.
        self.show_filtering()
        # Step 5: why the self-loops, and what many layers do.
        self.show_self_loops_and_depth()
        # Step 6: formula -> code -> library.
        self.play(FadeOut(VGroup(self.graph, self.labels, self.formulas, self.chart, self.remarks)))
        show_bridge(self, GCN_FILTER, (
            "In code, one GCN layer with theta equal to one is a matrix product, and the energy "
            "of the result measures how smooth it is.",
            "mathcore builds the propagation matrix and multiplies: the energy drops from "
            f"{format_number(ENERGY_NOISY)} to {format_number(ENERGY_FILTERED)}.",
            "NumPy does it in the frequency domain: eigh, multiply each part by one minus "
            "lambda, add the parts back. The same number: the two views are one filter.",
        ))

    # ------------------------------------------------------------------ builders
    def get_labels(self, x) -> VGroup:
        labels = get_node_labels(self.graph, x)
        for label, value in zip(labels, x):
            label.set_color(signal_color(value, SIGNAL_SCALE))
        return labels

    def get_bars(self, amounts) -> VGroup:
        return get_bar_row(amounts, EIGEN, origin=BAR_BASE + 0.3 * RIGHT, bar_width=FREQ_BAR_WIDTH,
                           unit=FREQ_BAR_UNIT, buff=FREQ_BAR_BUFF)

    def get_bar_values(self, bars, amounts) -> VGroup:
        return VGroup(*(MathTex(format_number(a), font_size=SMALL_SIZE, color=EIGEN)
                        .next_to(bar, UP, buff=0.1) for bar, a in zip(bars, amounts)))

    # ------------------------------------------------------------------ steps
    def show_propagation(self):
        gcn = MathTex(r"\hat A", "=", r"\tilde D^{-1/2}", "(A + I)", r"\tilde D^{-1/2}",
                      font_size=BODY_SIZE)
        gcn[0].set_color(GRAPH_EDGE)
        gcn[2].set_color(DEGREE)
        gcn[4].set_color(DEGREE)
        layer = MathTex("H'", "=", r"\hat A", "H", r"\Theta", font_size=BODY_SIZE)
        layer[2].set_color(GRAPH_EDGE)
        layer[4].set_color(LAYER_WEIGHTS)
        header = VGroup(layer, gcn).arrange(RIGHT, buff=0.8).move_to([2.7, 3.2, 0])
        with self.beat("The mean layer divided each node's sum by that node's own degree. The "
                       "graph convolutional network, GCN, the most used graph layer, divides "
                       "symmetrically instead."):
            self.play(FadeIn(self.graph))
            self.play(Write(layer), run_time=1.5)
        with self.beat("It adds a self-loop to every node, so every degree grows by one, then "
                       "divides each edge weight by the square roots of the degrees at both of "
                       "its ends."):
            self.play(Write(gcn[:2]), FadeIn(gcn[3]))
            self.play(*(Indicate(n) for n in self.graph.nodes))
            self.play(FadeIn(gcn[2]), FadeIn(gcn[4]),
                      *(Indicate(e, color=GRAPH_EDGE) for e in self.graph.edges.values()))
        self.formulas = VGroup(header)

    def show_derivation(self):
        first = MathTex(r"\hat A", "=", r"I - \tilde D^{-1/2} (\tilde D - A - I)\, \tilde D^{-1/2}",
                        "=", r"I - \tilde L_{sym}", font_size=BODY_SIZE)
        second = MathTex(r"\tilde L_{sym} \mathbf{v} = \tilde\lambda \mathbf{v}", r"\;\Rightarrow\;",
                         r"\hat A \mathbf{v} = (1 - \tilde\lambda)\, \mathbf{v}", font_size=BODY_SIZE)
        first[0].set_color(GRAPH_EDGE)
        second[2][5:9].set_color(FILTER)
        lines = VGroup(first, second).arrange(DOWN, buff=0.35, aligned_edge=LEFT)
        lines.next_to(self.formulas, DOWN, buff=0.45).align_to(self.formulas, RIGHT)
        with self.beat("Why does that smooth? Write D tilde minus A minus I: it is the Laplacian "
                       "of the graph with self-loops. So A hat is the identity minus the "
                       "normalised Laplacian we just met, of the graph with self-loops."):
            self.play(Write(first[:3]), run_time=2)
            self.play(Write(first[3:]))
            self.play(Circumscribe(first[4], color=LAPLACIAN))
        with self.beat("So A hat has the same eigenvectors, and it multiplies each one by one "
                       "minus its eigenvalue."):
            self.play(Write(second), run_time=2)
            self.play(Indicate(second[2][5:9], color=FILTER))
        self.formulas.add(lines)

    def show_signal_and_spectrum(self):
        self.labels = self.get_labels(NOISY)
        with self.beat("Take a noisy signal: about plus one on the left triangle, minus one on "
                       "the right, with noise on top."):
            self.play(*color_nodes(self.graph, NOISY, SIGNAL_SCALE),
                      LaggedStart(*(FadeIn(l, shift=0.1 * UP) for l in self.labels), lag_ratio=0.1))
        axis = Line(BAR_BASE, BAR_BASE + (0.3 + len(FREQUENCIES) * (FREQ_BAR_WIDTH + FREQ_BAR_BUFF))
                    * RIGHT, color=MUTED, stroke_width=2)
        bars = self.get_bars(AMOUNTS)
        lambdas = VGroup(*(MathTex(format_number(f), font_size=SMALL_SIZE, color=MUTED)
                           .next_to(bar, DOWN, buff=0.12).set_y(BAR_BASE[1] - 0.3)
                           for bar, f in zip(bars, FREQUENCIES)))
        lambda_name = MathTex(r"\tilde\lambda", font_size=LABEL_SIZE, color=MUTED)
        lambda_name.next_to(lambdas, LEFT, buff=0.25)
        title = Tex("how much of each frequency", font_size=LABEL_SIZE, color=TEXT)
        title.next_to(axis, UP, buff=2.45).align_to(axis, LEFT)
        values = self.get_bar_values(bars, AMOUNTS)
        with self.beat("Split it into the eigenvectors of the normalised Laplacian, the way a "
                       "sound splits into pure tones. Each bar is how much of the signal lies "
                       "along one eigenvalue: small eigenvalues are smooth, large ones rough."):
            self.play(Create(axis), FadeIn(lambdas), FadeIn(lambda_name), FadeIn(title))
            self.play(LaggedStart(*(GrowFromEdge(b, DOWN) for b in bars), lag_ratio=0.2),
                      run_time=2)
            self.play(FadeIn(values))
        with self.beat("Most of it sits at the second eigenvalue, the left-against-right "
                       "pattern; the noise spreads over the rough end."):
            self.play(Indicate(VGroup(bars[1], values[1]), color=EIGEN))
            self.play(Indicate(VGroup(bars[2:], values[2:]), color=EIGEN))
        self.chart = VGroup(axis, lambdas, lambda_name, title, bars, values)

    def show_filtering(self):
        axis, lambdas, lambda_name, title, bars, values = self.chart
        factors = VGroup(*(MathTex(rf"\times {{{format_number(f)}}}", font_size=SMALL_SIZE, color=FILTER)
                           .move_to([bar.get_x(), BAR_BASE[1] - 0.7, 0])
                           for bar, f in zip(bars, FACTORS)))
        factor_name = MathTex(r"1 - \tilde\lambda", font_size=LABEL_SIZE, color=FILTER)
        factor_name.next_to(factors, LEFT, buff=0.25)
        with self.beat("Under each bar, one minus its eigenvalue: one at the smooth end, "
                       f"{format_number(FACTORS[1])} for the left-against-right pattern, near zero "
                       f"in the middle, and {format_number(FACTORS[-1])} at the rough end."):
            self.play(LaggedStart(*(FadeIn(f, shift=0.1 * UP) for f in factors), lag_ratio=0.2),
                      FadeIn(factor_name), run_time=2)
            for k in (0, 1, 2, len(factors) - 1):  # in the order the words name them
                self.play(Indicate(factors[k], color=FILTER), run_time=0.6)
        new_bars = self.get_bars(AMOUNTS_AFTER)
        new_values = self.get_bar_values(new_bars, AMOUNTS_AFTER)
        new_labels = self.get_labels(FILTERED)
        energy = MathTex(r"\mathbf{x}^{T} L\, \mathbf{x}", "=", format_number(ENERGY_NOISY),
                         font_size=BODY_SIZE)
        energy[0][2].set_color(LAPLACIAN)
        energy.move_to([REMARKS_LEFT, -1.0, 0], aligned_edge=LEFT)
        new_energy = MathTex(r"\mathbf{y}^{T} L\, \mathbf{y}", "=", format_number(ENERGY_FILTERED),
                             font_size=BODY_SIZE)
        new_energy[0][2].set_color(LAPLACIAN)
        new_energy.move_to(energy, LEFT)
        with self.beat("Now apply one GCN layer. The smooth bars barely move; the rough ones "
                       "shrink almost to nothing. On the graph, the noise fades, and the energy "
                       f"falls from {format_number(ENERGY_NOISY)} to "
                       f"{format_number(ENERGY_FILTERED)}."):
            self.play(FadeIn(energy))
            self.play(Transform(bars, new_bars), FadeOut(values), run_time=2)
            self.play(FadeIn(new_values), FadeOut(self.labels), FadeIn(new_labels),
                      *color_nodes(self.graph, FILTERED, SIGNAL_SCALE), run_time=1.5)
            self.play(FadeOut(energy[2], shift=0.2 * UP), FadeIn(new_energy[2], shift=0.2 * UP),
                      FadeOut(energy[0]), FadeIn(new_energy[0]))
        with self.beat("That is a low-pass filter: smooth patterns pass, rough ones are cut. A "
                       "GCN layer assumes neighbours should agree."):
            self.play(Circumscribe(VGroup(bars[:2], new_values[:2]), color=EIGEN))
            self.play(Indicate(factors[2:], color=FILTER))
        self.labels = new_labels
        self.chart = VGroup(axis, lambdas, lambda_name, title, bars, new_values, factors, factor_name)
        self.energy = VGroup(new_energy[0], energy[1], new_energy[2])

    def show_self_loops_and_depth(self):
        without = MathTex(r"\text{no self-loops: } \lambda_{max} =", format_number(SPECTRUM_SYM[-1]),
                          r"\to \times", f"{{{format_number(1 - SPECTRUM_SYM[-1])}}}", font_size=LABEL_SIZE)
        with_loops = MathTex(r"\text{self-loops: } \tilde\lambda_{max} =", format_number(FREQUENCIES[-1]),
                             r"\to \times", f"{{{format_number(FACTORS[-1])}}}", font_size=LABEL_SIZE)
        deep = MathTex(rf"{N_DEEP} \text{{ layers: }} \times (1 - \tilde\lambda)^{{{N_DEEP}}}",
                       font_size=LABEL_SIZE)
        for line in (without, with_loops):
            line[3].set_color(FILTER)
        remarks = VGroup(without, with_loops, deep).arrange(DOWN, buff=0.25, aligned_edge=LEFT)
        remarks.next_to(self.energy, DOWN, buff=0.4).set_x(REMARKS_LEFT, LEFT)
        with self.beat("Why the self-loops? Without them, A hat would be the identity minus L "
                       "sym, whose eigenvalues reach up to two."):
            self.play(FadeIn(without[:2], shift=0.1 * UP))
            self.play(Indicate(without[1], color=EIGEN))
        with self.beat(f"For our graph the top one is {format_number(SPECTRUM_SYM[-1])}, so the "
                       "roughest part would be multiplied by "
                       f"{format_number(1 - SPECTRUM_SYM[-1])}: only a third removed, and its "
                       "sign flipped at every layer."):
            self.play(FadeIn(without[2:], shift=0.1 * RIGHT))
            self.play(Indicate(without[3], color=FILTER))
            self.play(Indicate(self.chart[4][-1], color=EIGEN))  # the roughest part's bar
        with self.beat("With self-loops the top eigenvalue drops to "
                       f"{format_number(FREQUENCIES[-1])}, and the roughest part is multiplied by "
                       f"only {format_number(FACTORS[-1])}."):
            self.play(FadeIn(with_loops, shift=0.1 * UP))
            self.play(Indicate(with_loops[3], color=FILTER), Indicate(self.chart[6][-1], color=FILTER))
        deep_bars = self.get_bars(AMOUNTS * np.abs(DEEP_FACTORS))
        deep_labels, deeper_labels = self.get_labels(DEEP), self.get_labels(DEEPER)
        with self.beat(f"Stack {N_DEEP} layers and each part is multiplied {N_DEEP} times over: "
                       "the rough bars vanish, and even the left-against-right bar shrinks to "
                       f"{format_number(DEEP_FACTORS[1])} of itself."):
            self.play(FadeIn(deep, shift=0.1 * UP), FadeOut(self.energy))  # one layer's energy
            self.play(Transform(self.chart[4], deep_bars), FadeOut(self.chart[5]),
                      FadeOut(self.labels), FadeIn(deep_labels),
                      *color_nodes(self.graph, DEEP, SIGNAL_SCALE), run_time=2)
            self.play(Indicate(self.chart[4][1], color=EIGEN))
        with self.beat(f"Keep going, to {N_DEEPER} layers, and only the smoothest part survives: "
                       "every node drifts to nearly the same value. That is over-smoothing, one "
                       "reason graph networks stay shallow, often two or three layers."):
            self.play(FadeOut(deep_labels), FadeIn(deeper_labels),
                      *color_nodes(self.graph, DEEPER, SIGNAL_SCALE), run_time=2)
            self.play(Indicate(deeper_labels))
        self.labels = deeper_labels
        self.remarks = remarks


# =========================================================================== scene 7

class Lesson15TryIt(TryItScene):
    lesson = 15
