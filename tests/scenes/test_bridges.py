"""Every formula -> code -> library bridge of every lesson runs as shown.

A bridge's number on screen is its mathcore line's value; here the library
line (NumPy, SciPy, scikit-learn; PyTorch when installed) is the oracle that
must agree with it, to the decimals the screen shows.
"""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from scenekit.bridge import Bridge, BridgeError, Snippet, format_value

from scene_modules import CURRICULUM, load_scene_module

HAS_TORCH = importlib.util.find_spec("torch") is not None


# A bridge of the kind lessons show, so the machinery below is exercised even
# while no lesson of a checkout defines one.
EXAMPLE = Bridge(
    formula=r"A\mathbf{v} = \lambda \mathbf{v}",
    setup="A = np.array([[2.0, 1.0], [1.0, 2.0]])",
    mathcore=Snippet("linalg.power_iteration(A).eigenvalue"),
    library=Snippet("np.linalg.eigh(A).eigenvalues[-1]"),
)


def all_bridges():
    found = [pytest.param(EXAMPLE, id="example")]
    for lesson in CURRICULUM.lessons:
        name = lesson.folder.name
        module = load_scene_module(name)
        for attr, value in vars(module).items():
            if isinstance(value, Bridge):
                found.append(pytest.param(value, id=f"{name}.{attr}"))
    return found


BRIDGES = all_bridges()


def test_a_wrong_number_on_screen_is_caught():
    wrong = Bridge(formula="x", setup=EXAMPLE.setup, mathcore=EXAMPLE.mathcore,
                   library=Snippet("np.linalg.eigh(A).eigenvalues[0]"))  # the other eigenvalue
    with pytest.raises(AssertionError):
        test_the_library_call_gives_the_number_on_screen(wrong)


@pytest.mark.parametrize("bridge", BRIDGES)
def test_the_library_call_gives_the_number_on_screen(bridge: Bridge):
    shown = bridge.value()
    if bridge.library.needs == "torch" and not HAS_TORCH:
        # without the optional torch extra the line is only compiled
        compile("\n".join(bridge.library.lines), "<bridge>", "exec")
        return
    oracle = bridge.library.run(bridge.setup)
    assert oracle.shape == shown.shape
    np.testing.assert_allclose(oracle, shown, rtol=0, atol=0.5 * 10.0 ** -bridge.decimals)
    assert format_value(oracle, bridge.decimals) == bridge.shown()


@pytest.mark.parametrize("bridge", BRIDGES)
def test_code_on_screen_fits_a_line(bridge: Bridge):
    for line in bridge.mathcore.lines + bridge.library.lines:
        assert len(line) <= 44, f"{line!r} is {len(line)} characters; at most 44 fit at body size"


def test_a_snippet_that_fails_names_its_line():
    with pytest.raises(BridgeError, match="np.linalg.inv"):
        Snippet("np.linalg.inv(np.zeros((2, 2)))").run()


def test_a_snippet_that_gives_no_number_is_refused():
    with pytest.raises(BridgeError, match="str"):
        Snippet("'three'").run()


def test_a_wrong_library_is_refused():
    with pytest.raises(BridgeError, match="accepted"):
        Snippet("x", needs="jax")


def test_format_value_matches_numpy_rounding():
    assert format_value(np.float64(3.14159), 3) == "3.142"
    assert format_value([-0.0001, 2.5], 2) == "[0.00, 2.50]"
    assert format_value([[1, 2], [3, 4]], 1) == "[[1.0, 2.0], [3.0, 4.0]]"
