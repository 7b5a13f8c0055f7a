"""The palette is data (mathreel/palette.toml): the scene kit's names keep the
colours they had as Manim constants and literals, and the thumbnails read the
same values as the scenes."""

from __future__ import annotations

from manim import (
    BLUE, BLUE_C, BLUE_E, GREEN_C, GREY_B, GREY_D, MAROON_B, ORANGE, PINK, PURPLE_B, RED_C, TEAL_C,
    WHITE, YELLOW, ManimColor,
)

from mathreel import layout
from mathreel.publish.thumbnail import course_palette
from scenekit import style, widgets

#: what scenekit/style.py said before the palette became data (Manim's constants, literals)
BEFORE = {
    "BACKGROUND": "#0c0c10", "I_HAT": GREEN_C, "J_HAT": RED_C, "EIGEN": YELLOW, "VECTOR": BLUE_C,
    "MATRIX": TEAL_C, "DATA": BLUE, "DATA_DIM": BLUE_E, "ACCENT": ORANGE, "ACCENT_2": PINK,
    "ACCENT_3": PURPLE_B, "PROB": MAROON_B, "TEXT": WHITE, "MUTED": GREY_B, "FAINT": GREY_D,
    "GRADIENT": "#F9B775", "LEARNING_RATE": "#A6CF8C", "CONTOUR_LOW": "#236B8E",
    "CONTOUR_HIGH": "#8FB8CE", "CONSTRAINT": RED_C, "MEAN": YELLOW, "SPREAD": TEAL_C,
    "PRIOR": GREEN_C, "LIKELIHOOD": BLUE_C, "POSTERIOR": ORANGE, "QUERY": YELLOW, "KEY": TEAL_C,
    "VALUE": RED_C, "POSITIVE": RED_C, "NEGATIVE": BLUE_C, "DIST_P": BLUE_C, "DIST_Q": ORANGE,
    "NOISE": GREY_B, "GRAPH_NODE": BLUE_C, "GRAPH_EDGE": GREY_B, "DEGREE": ORANGE,
    "LAPLACIAN": TEAL_C, "CHORD": RED_C, "GEODESIC": YELLOW,
    "OPTIMIZER_COLORS": {"gd": ORANGE, "sgd": RED_C, "momentum": PINK, "rmsprop": PURPLE_B,
                         "adam": YELLOW},
    "HEAD_COLORS": (BLUE_C, GREEN_C, ORANGE, PINK), "CLUSTER_COLORS": (YELLOW, PINK),
    "CLUSTER_COLORS_3": (YELLOW, PINK, GREEN_C), "ROLL_COLORS": (PURPLE_B, BLUE_C, GREEN_C, ORANGE),
}


def rgba(colour) -> tuple[float, ...]:
    return tuple(ManimColor(colour).to_rgba())


def test_every_style_colour_is_what_it_was():
    for name, colour in BEFORE.items():
        now = getattr(style, name)
        if isinstance(colour, dict):
            assert {k: rgba(v) for k, v in now.items()} == {k: rgba(v) for k, v in colour.items()}, name
        elif isinstance(colour, tuple):
            assert [rgba(c) for c in now] == [rgba(c) for c in colour], name
        else:
            assert rgba(now) == rgba(colour), name


def test_the_thumbnail_reads_the_scenes_colours():
    palette = course_palette()
    for field, name in (("background", "BACKGROUND"), ("text", "TEXT"), ("accent", "ACCENT"),
                        ("muted", "MUTED")):
        assert rgba(getattr(palette, field)) == rgba(BEFORE[name]), field
    assert palette.background == "#0c0c10"  # the blog's CSS keeps its bytes


def test_one_layout_margin():
    """The layout check and the lines drawn to the frame's edge use one value,
    the palette's: the check keeps mobjects 0.05 inside the frame (as it always
    has), and lines drawn "to the edge" stop at twice that, clear of the rule
    (where they always stopped: 0.1)."""
    assert style.FRAME_MARGIN == 0.05
    assert layout.frame_findings.__defaults__ == (style.FRAME_MARGIN,)
    assert layout.still_findings.__defaults__[0] == style.FRAME_MARGIN
    assert layout.LayoutRecorder.__init__.__defaults__[0] == style.FRAME_MARGIN
    assert widgets._distance_to_frame_edge.__defaults__ == (2 * style.FRAME_MARGIN,)
