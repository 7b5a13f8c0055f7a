"""The course's visual language in one place: palette, font sizes, spacing.

Follows the 3Blue1Brown "Essence of linear algebra" look: dark background,
basis vectors green (i-hat) and red (j-hat), eigenvectors yellow, formulas
coloured like the objects they name. Scenes import from here; no scene picks
its own colours.
"""

from manim import (
    BLUE, BLUE_C, BLUE_E, GREEN_C, GREY_B, GREY_D, MAROON_B, ORANGE, PINK,
    PURPLE_B, RED_C, TEAL_C, WHITE, YELLOW,
)

BACKGROUND = "#0c0c10"

# Objects and the symbols that name them share a colour.
I_HAT = GREEN_C  # first basis vector
J_HAT = RED_C  # second basis vector
EIGEN = YELLOW  # eigenvectors, eigenvalues
VECTOR = BLUE_C  # an ordinary vector that turns under a matrix
MATRIX = TEAL_C  # the matrix A itself
DATA = BLUE  # data points
DATA_DIM = BLUE_E  # data in the background
ACCENT = ORANGE  # the one thing to look at now
ACCENT_2 = PINK
ACCENT_3 = PURPLE_B
PROB = MAROON_B  # probability mass and densities
TEXT = WHITE
MUTED = GREY_B
FAINT = GREY_D

# Font sizes (Manim units of font size).
TITLE_SIZE = 44
BODY_SIZE = 32
LABEL_SIZE = 28
SMALL_SIZE = 22

# Spacing.
EDGE_BUFF = 0.4  # distance from the frame edge for titles and corner labels
BUFF = 0.25  # between neighbours
FRAME_MARGIN = 0.1  # the layout test's allowed distance to the frame edge

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
GRADIENT = "#F9B775"  # gradient arrows and the symbol nabla f (light gold)
LEARNING_RATE = "#A6CF8C"  # the step size eta (light green)
CONTOUR_LOW = "#236B8E"  # contour lines near a minimum ...
CONTOUR_HIGH = "#8FB8CE"  # ... fading to pale blue higher up
CONSTRAINT = RED_C  # a constraint curve g(x) = 0 and its gradient
OPTIMIZER_COLORS = {"gd": ORANGE, "sgd": RED_C, "momentum": PINK, "rmsprop": PURPLE_B,
                    "adam": YELLOW}

# Lessons 08, 09, 11: probability, estimation and distributions.
MEAN = YELLOW  # expectations, means and sample averages (E[X], mu, x-bar)
SPREAD = TEAL_C  # variance, standard deviation, covariance and its ellipses
PRIOR = GREEN_C  # a prior belief and its parameters
LIKELIHOOD = BLUE_C  # the likelihood: what the data say (and the MLE)
POSTERIOR = ORANGE  # the posterior and the MAP estimate

# Lessons 10, 17, 18: attention's query/key/value, heads, distributions, noise.
QUERY = YELLOW  # a query vector and the row of weights it produces
KEY = TEAL_C  # key vectors
VALUE = RED_C  # value vectors and the mixed output
HEAD_COLORS = (BLUE_C, GREEN_C, ORANGE, PINK)  # attention heads 1..4
POSITIVE = RED_C  # a diverging colour map: positive entries
NEGATIVE = BLUE_C  # negative entries
DIST_P = BLUE_C  # the true distribution p (also p_data)
DIST_Q = ORANGE  # the model distribution q (also the generator's p_g)
NOISE = GREY_B  # Gaussian noise

# Lessons 15, 16: graphs, spectral methods and manifolds.
GRAPH_NODE = BLUE_C  # a node of a graph, and the data points it stands for
GRAPH_EDGE = GREY_B  # edges; their weights w_ij
DEGREE = ORANGE  # degrees and the degree matrix D
LAPLACIAN = TEAL_C  # the Laplacian L = D - W (and W itself, the matrix the graph is)
CLUSTER_COLORS = (YELLOW, PINK)  # cluster 1, cluster 2
CHORD = RED_C  # straight-line (ambient, Euclidean) distance
GEODESIC = YELLOW  # distance along the manifold, shortest paths on a graph
CLUSTER_COLORS_3 = (YELLOW, PINK, GREEN_C)  # three clusters (t-SNE's groups)
ROLL_COLORS = (PURPLE_B, BLUE_C, GREEN_C, ORANGE)  # position along a manifold, start to end
