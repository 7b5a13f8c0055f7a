"""Lesson 12's new numbers: detailed balance on the three-state chain, the Hastings
correction, burn-in and the effective sample size, against NumPy and by hand."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from scene_modules import load_scene_module

m = load_scene_module("l12_sampling_and_monte_carlo")


def test_flows_shown_balance_only_with_the_hastings_correction():
    a, b = m.PAIR
    # by hand: p(2) q(3|2) alpha = 2/7 * 0.8 * 1, p(3) q(2|3) alpha = 4/7 * 0.5 * alpha
    assert m.FLOW_MH[a, b] == pytest.approx(2 / 7 * 0.8)
    assert m.FLOW_MH[b, a] == pytest.approx(4 / 7 * 0.5 * min(1, (2 * 0.8) / (4 * 0.5)))
    assert m.FLOW_NAIVE[b, a] == pytest.approx(4 / 7 * 0.5 * 0.5)
    assert m.FLOW_NAIVE[a, b] != pytest.approx(m.FLOW_NAIVE[b, a])


def test_long_run_of_each_kernel_against_numpy_eig():
    for kernel, shown in ((m.KERNEL_MH, m.STATIONARY_MH), (m.KERNEL_NAIVE, m.STATIONARY_NAIVE)):
        w, V = np.linalg.eig(kernel.T)
        v = V[:, np.argmax(w.real)].real
        np.testing.assert_allclose(shown, v / v.sum(), atol=1e-9)
    np.testing.assert_allclose(m.STATIONARY_MH, [1 / 7, 2 / 7, 4 / 7], atol=1e-9)


def test_density_is_not_called_pi():
    source = Path(m.__file__).read_text(encoding="utf-8")
    assert r"\pi(x" not in source and r"\pi(x')" not in source


def test_burn_in_and_error_bars_against_numpy():
    kept = m.LONG_X[m.BURN_IN:]
    assert m.MEAN_KEPT == pytest.approx(kept.mean())
    assert abs(m.MEAN_KEPT - m.TRUE_MEAN) < abs(m.MEAN_ALL - m.TRUE_MEAN)
    assert m.TRUE_MEAN == pytest.approx(0.35 * -1.8 + 0.65 * 1.3)
    d = kept - kept.mean()
    r = np.correlate(d, d, "full")[len(d) - 1:]
    r = r / r[0]
    np.testing.assert_allclose(m.ACF, r[: m.MAX_LAG + 1], atol=1e-12)
    k = np.argmax(r[1:] <= 0)
    assert m.ESS == pytest.approx(len(d) / (1 + 2 * r[1:k + 1].sum()))
    assert m.NAIVE_SE == pytest.approx(np.std(kept, ddof=1) / np.sqrt(len(kept)))
    assert m.HONEST_SE > 3 * m.NAIVE_SE  # the naive error bar is far too narrow
