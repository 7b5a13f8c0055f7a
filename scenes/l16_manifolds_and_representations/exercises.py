"""Lesson 16 practice: straight line versus arc length, a graph geodesic, a t-SNE cost.

Parameters are drawn from ``rng``; every answer is computed by
``mathcore.manifold`` (the tests check them against SciPy and closed forms).
"""

from __future__ import annotations

import numpy as np

from mathcore import manifold

from mathreel.exercise import Exercise, pylist
from mathreel.exercise import format_decimal as _fmt


def spiral_angles(rng: np.random.Generator) -> tuple[float, float]:
    """Two angles of the spiral (t cos t, t sin t), one full turn apart (in units of pi)."""
    k = int(rng.integers(2, 5))  # t1 = k pi
    return float(k), float(k + 2)


def square_graph(rng: np.random.Generator) -> np.ndarray:
    """A 4-cycle 0-1-2-3-0 with a diagonal 0-2, integer lengths; the diagonal is a detour."""
    a, b, c, d = rng.integers(1, 5, size=4).astype(float)
    diagonal = float(rng.integers(4, 9))
    G = np.zeros((4, 4))
    for (i, j), w in zip([(0, 1), (1, 2), (2, 3), (3, 0), (0, 2)], [a, b, c, d, diagonal]):
        G[i, j] = G[j, i] = w
    return G


def exercises(rng: np.random.Generator) -> list[Exercise]:
    k1, k2 = spiral_angles(rng)
    t = np.array([k1, k2]) * np.pi
    points = np.column_stack([t * np.cos(t), t * np.sin(t)])  # (2, 2)
    straight = manifold.pairwise_distances(points)[0, 1]
    along = manifold.swiss_roll_arclength(t[1]) - manifold.swiss_roll_arclength(t[0])

    G = square_graph(rng)
    geodesic = manifold.geodesic_distances(G)[1, 3]
    path = manifold.shortest_path(G, 1, 3)

    a = int(rng.integers(1, 3))
    b = a + int(rng.integers(1, 4))
    Y = np.array([[0.0], [float(a)], [float(b)]])  # (3, 1) a map on a line
    P = np.zeros((3, 3))
    P[0, 1] = P[1, 0] = 0.5  # all neighbour mass on the pair (0, 1)
    cost, _ = manifold.tsne_objective(P, Y)

    return [
        Exercise(
            question=(rf"Two points of the spiral $(t \cos t, t \sin t)$ sit at $t = {int(k1)}\pi$ "
                      rf"and $t = {int(k2)}\pi$. How far apart are they in a straight line, and "
                      r"along the spiral?"),
            answer=rf"straight: ${_fmt(straight)}$, along the spiral: ${_fmt(along)}$",
            code=f"mathcore.manifold.swiss_roll_arclength({int(k2)} * pi) - "
                 f"mathcore.manifold.swiss_roll_arclength({int(k1)} * pi)",
            inputs={"t1_over_pi": k1, "t2_over_pi": k2},
            answers={"straight": straight, "along": along},
        ),
        Exercise(
            question=(r"Nodes 0, 1, 2, 3 form a ring: the edges from 0 to 1, 1 to 2, 2 to 3 and "
                      rf"3 to 0 have lengths ${_fmt(G[0, 1])}, {_fmt(G[1, 2])}, {_fmt(G[2, 3])}, "
                      rf"{_fmt(G[3, 0])}$, and a diagonal from 0 to 2 has length ${_fmt(G[0, 2])}$. "
                      r"What is the shortest-path distance from node 1 to node 3?"),
            answer=(rf"${_fmt(geodesic)}$, along the path "
                    + " $\\to$ ".join(str(i) for i in path)),
            code=f"mathcore.manifold.geodesic_distances({pylist(G)})[1, 3]",
            inputs={"G": G}, answers={"distance": geodesic, "path": tuple(int(i) for i in path)},
        ),
        Exercise(
            question=(r"t-SNE: $P$ puts all its mass on the pair (0, 1): $p_{01} = p_{10} = 0.5$. "
                      rf"The map is $y = (0, {a}, {b})$ on a line. What is the cost $C$, the KL "
                      r"divergence from $P$ to $Q$?"),
            answer=rf"$C = {_fmt(cost, 3)}$",
            code=f"mathcore.manifold.tsne_objective(P, [[0], [{a}], [{b}]])[0]",
            inputs={"P": P, "Y": Y}, answers={"cost": cost},
        ),
    ]
