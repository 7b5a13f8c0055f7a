"""Lesson 00's worked thread: one classifier's forward pass and one training step.

Oracles: scipy.special.softmax / log_softmax and central differences written
out in NumPy, independent of mathcore.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.special import log_softmax, softmax

from scene_modules import load_scene_module


@pytest.fixture(scope="module")
def l00():
    return load_scene_module("l00_overview")


def test_forward_pass(l00):
    z = l00.THREAD_W @ l00.THREAD_X
    np.testing.assert_allclose(l00.THREAD_Z, z, atol=1e-12)
    np.testing.assert_allclose(l00.THREAD_P, softmax(z), atol=1e-12)
    assert l00.THREAD_LOSS == pytest.approx(-log_softmax(z)[l00.THREAD_LABEL], abs=1e-12)
    assert int(np.argmax(z)) != l00.THREAD_LABEL  # the story: the untrained model is wrong


def test_gradient_is_p_minus_y(l00):
    loss = lambda z: -log_softmax(z)[l00.THREAD_LABEL]
    h = 1e-6
    fd = np.array([(loss(l00.THREAD_Z + h * e) - loss(l00.THREAD_Z - h * e)) / (2 * h)
                   for e in np.eye(3)])
    np.testing.assert_allclose(l00.THREAD_DZ, fd, atol=1e-8)


def test_one_step_lowers_the_loss_as_shown(l00):
    W_new = l00.THREAD_W - l00.THREAD_LR * np.outer(l00.THREAD_DZ, l00.THREAD_X)
    z_new = W_new @ l00.THREAD_X
    assert l00.THREAD_LOSS_NEW == pytest.approx(-log_softmax(z_new)[l00.THREAD_LABEL], abs=1e-12)
    assert l00.THREAD_LOSS_NEW < l00.THREAD_LOSS
    assert l00.THREAD_P_NEW[l00.THREAD_LABEL] == pytest.approx(softmax(z_new)[l00.THREAD_LABEL])
