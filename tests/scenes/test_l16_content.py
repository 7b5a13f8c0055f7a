"""Lesson 16's UMAP and map-reading numbers against independent oracles (SciPy, NumPy)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import brentq

from scene_modules import load_scene_module


@pytest.fixture(scope="module")
def l16():
    return load_scene_module("l16_manifolds_and_representations")


def test_each_sigma_solves_its_row_equation(l16):
    D = np.linalg.norm(l16.MAP_X[:, None] - l16.MAP_X[None], axis=-1)
    for i in (l16.DENSE_POINT, l16.SPARSE_POINT):
        d = np.sort(np.delete(D[i], i))[:l16.UMAP_K]
        f = lambda s: np.exp(-(d - d[0]) / s).sum() - np.log2(l16.UMAP_K)
        assert l16.FUZZY.sigmas[i] == pytest.approx(brentq(f, 1e-4, 1e4), abs=1e-4)
    # "in the wide group sigma is larger": the graph measures each point in its own unit
    assert l16.FUZZY.sigmas[l16.SPARSE_POINT] > l16.FUZZY.sigmas[l16.DENSE_POINT]


def test_the_map_misleads_as_narrated(l16):
    data, shown = l16.DATA_SPREADS, l16.MAP_SPREADS
    # the data's middle group is about four times as wide; the map draws it the smallest
    assert 3.5 < data[1] / max(data[0], data[2]) < 4.5
    assert shown.argmin() == 1
    # the data's gaps differ by a factor of almost two; the map's nearly agree
    assert 1.6 < l16.DATA_GAPS[1] / l16.DATA_GAPS[0] < 1.8
    assert abs(l16.MAP_GAPS[1] / l16.MAP_GAPS[0] - 1) < 0.15
    # spreads and gaps computed independently
    groups = [l16.MAP_X[l16.MAP_GROUP == g] for g in range(3)]
    np.testing.assert_allclose(data, [np.mean(np.std(g, axis=0)) for g in groups])
    centres = np.array([g.mean(axis=0) for g in groups])
    np.testing.assert_allclose(l16.DATA_GAPS, np.hypot(*(centres[1:] - centres[:-1]).T))
