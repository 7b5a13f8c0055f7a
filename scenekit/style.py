"""The course's visual language in one place: palette, font sizes, spacing.

Follows the 3Blue1Brown "Essence of linear algebra" look: dark background,
basis vectors green (i-hat) and red (j-hat), eigenvectors yellow, formulas
coloured like the objects they name. Scenes import from here; no scene picks
its own colours. The colours and the frame margin are data, in
``mathreel/palette.toml`` (which the thumbnails read too); this module gives
them their names as Manim colours.
"""

from manim import ManimColor

from mathreel.palette import course_palette

_PALETTE = course_palette()
_COLOURS = {name: ManimColor(value) for name, value in _PALETTE.colours.items()}

BACKGROUND = _COLOURS["BACKGROUND"]

# Objects and the symbols that name them share a colour.
I_HAT = _COLOURS["I_HAT"]  # first basis vector
J_HAT = _COLOURS["J_HAT"]  # second basis vector
EIGEN = _COLOURS["EIGEN"]  # eigenvectors, eigenvalues
VECTOR = _COLOURS["VECTOR"]  # an ordinary vector that turns under a matrix
MATRIX = _COLOURS["MATRIX"]  # the matrix A itself
DATA = _COLOURS["DATA"]  # data points
DATA_DIM = _COLOURS["DATA_DIM"]  # data in the background
ACCENT = _COLOURS["ACCENT"]  # the one thing to look at now
ACCENT_2 = _COLOURS["ACCENT_2"]
ACCENT_3 = _COLOURS["ACCENT_3"]
PROB = _COLOURS["PROB"]  # probability mass and densities
TEXT = _COLOURS["TEXT"]
MUTED = _COLOURS["MUTED"]
FAINT = _COLOURS["FAINT"]

# Font sizes (Manim units of font size).
TITLE_SIZE = 44
BODY_SIZE = 32
LABEL_SIZE = 28
SMALL_SIZE = 22

# Spacing.
EDGE_BUFF = 0.4  # distance from the frame edge for titles and corner labels
BUFF = 0.25  # between neighbours
FRAME_MARGIN = _PALETTE.frame_margin  # the layout check's distance to the frame edge (palette.toml)

# Default timing.
SHORT = 0.6
NORMAL = 1.2
LONG = 2.4

# Colour a formula's symbols like the objects they name.
TEX_COLORS = {
    r"\hat{\imath}": I_HAT,
    r"\hat{\jmath}": J_HAT,
    r"\lambda": EIGEN,
    r"\mathbf{v}": VECTOR,
    r"A": MATRIX,
}


def apply_style(camera) -> None:
    """Give a scene's camera the course background."""
    camera.background_color = BACKGROUND
    camera.init_background()

# Lessons 05-07: loss surfaces, gradients and optimizers.
GRADIENT = _COLOURS["GRADIENT"]  # gradient arrows and the symbol nabla f (light gold)
LEARNING_RATE = _COLOURS["LEARNING_RATE"]  # the step size eta (light green)
CONTOUR_LOW = _COLOURS["CONTOUR_LOW"]  # contour lines near a minimum ...
CONTOUR_HIGH = _COLOURS["CONTOUR_HIGH"]  # ... fading to pale blue higher up
CONSTRAINT = _COLOURS["CONSTRAINT"]  # a constraint curve g(x) = 0 and its gradient
OPTIMIZER_COLORS = {k: ManimColor(v) for k, v in _PALETTE.colour_sets["OPTIMIZER_COLORS"].items()}

# Lessons 08, 09, 11: probability, estimation and distributions.
MEAN = _COLOURS["MEAN"]  # expectations, means and sample averages (E[X], mu, x-bar)
SPREAD = _COLOURS["SPREAD"]  # variance, standard deviation, covariance and its ellipses
PRIOR = _COLOURS["PRIOR"]  # a prior belief and its parameters
LIKELIHOOD = _COLOURS["LIKELIHOOD"]  # the likelihood: what the data say (and the MLE)
POSTERIOR = _COLOURS["POSTERIOR"]  # the posterior and the MAP estimate

# Lessons 10, 17, 18: attention's query/key/value, heads, distributions, noise.
QUERY = _COLOURS["QUERY"]  # a query vector and the row of weights it produces
KEY = _COLOURS["KEY"]  # key vectors
VALUE = _COLOURS["VALUE"]  # value vectors and the mixed output
HEAD_COLORS = tuple(ManimColor(v) for v in _PALETTE.colour_sets["HEAD_COLORS"])  # attention heads 1..4
POSITIVE = _COLOURS["POSITIVE"]  # a diverging colour map: positive entries
NEGATIVE = _COLOURS["NEGATIVE"]  # negative entries
DIST_P = _COLOURS["DIST_P"]  # the true distribution p (also p_data)
DIST_Q = _COLOURS["DIST_Q"]  # the model distribution q (also the generator's p_g)
NOISE = _COLOURS["NOISE"]  # Gaussian noise

# Lessons 15, 16: graphs, spectral methods and manifolds.
GRAPH_NODE = _COLOURS["GRAPH_NODE"]  # a node of a graph, and the data points it stands for
GRAPH_EDGE = _COLOURS["GRAPH_EDGE"]  # edges; their weights w_ij
DEGREE = _COLOURS["DEGREE"]  # degrees and the degree matrix D
LAPLACIAN = _COLOURS["LAPLACIAN"]  # the Laplacian L = D - W (and W itself, the matrix the graph is)
CLUSTER_COLORS = tuple(ManimColor(v) for v in _PALETTE.colour_sets["CLUSTER_COLORS"])  # cluster 1, cluster 2
CHORD = _COLOURS["CHORD"]  # straight-line (ambient, Euclidean) distance
GEODESIC = _COLOURS["GEODESIC"]  # distance along the manifold, shortest paths on a graph
CLUSTER_COLORS_3 = tuple(ManimColor(v) for v in _PALETTE.colour_sets["CLUSTER_COLORS_3"])  # three clusters (t-SNE's groups)
ROLL_COLORS = tuple(ManimColor(v) for v in _PALETTE.colour_sets["ROLL_COLORS"])  # position along a manifold, start to end
