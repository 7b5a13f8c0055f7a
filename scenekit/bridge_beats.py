"""Play a formula -> code -> library bridge in a narrated scene, one beat per row.

The rows come from :func:`scenekit.bridge_view.get_bridge`; this module only
decides what appears in which beat, so every lesson shows its bridges the same way.
"""

from __future__ import annotations

from manim import DOWN, LEFT, UP, Circumscribe, FadeIn, FadeOut, Tex, TransformFromCopy, VGroup, Write

from scenekit.bridge import Bridge
from scenekit.bridge_view import get_bridge
from scenekit.style import ACCENT, TEXT, TITLE_SIZE

TITLE = r"Formula $\to$ code $\to$ library"


def show_bridge(scene, bridge: Bridge, texts: tuple[str, str, str], title: str = TITLE) -> None:
    """The formula, then the mathcore line with its value, then the library call with the
    same value, under ``title``: one beat each, spoken as ``texts``. Fades out at the end.

    Parameters
    ----------
    scene : scenekit.narration.NarratedScene
    bridge : Bridge
        A module-level constant of the lesson (tests/scenes/test_bridges.py runs it).
    texts : tuple of three str
        What the narrator says over the formula row, the mathcore row and the library row.
    title : str
        The heading above the rows (LaTeX text).
    """
    rows = get_bridge(bridge).move_to(0.3 * DOWN)
    heading = Tex(title, font_size=TITLE_SIZE, color=TEXT).next_to(rows, UP, buff=0.9)
    formula_row, mathcore_row, library_row, values = rows
    with scene.beat(texts[0]):
        scene.play(FadeIn(heading, shift=0.2 * DOWN))
        scene.play(FadeIn(formula_row[0]), Write(formula_row[1]))
    with scene.beat(texts[1]):
        scene.play(FadeIn(mathcore_row[0]), Write(mathcore_row[1]), run_time=1.5)
        scene.play(FadeIn(values[0], shift=0.2 * LEFT))
    with scene.beat(texts[2]):
        scene.play(FadeIn(library_row[0]), Write(library_row[1]), run_time=1.5)
        scene.play(TransformFromCopy(values[0], values[1]))
        scene.play(Circumscribe(values, color=ACCENT))
    scene.play(FadeOut(VGroup(heading, rows)))
