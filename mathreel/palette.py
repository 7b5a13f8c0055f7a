"""The course's palette and layout margin, read as data from ``palette.toml``
beside this module: one source for the scene kit (:mod:`scenekit.style`),
the layout check (:mod:`mathreel.layout`) and the thumbnails
(:mod:`mathreel.publish.thumbnail`). Imports nothing of the project."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PALETTE_FILE = Path(__file__).with_name("palette.toml")


@dataclass(frozen=True)
class Palette:
    """``colours``: name -> hex; ``colour_sets``: name -> a list (or a table)
    of hex; ``frame_margin``: scene units."""

    colours: dict[str, str]
    colour_sets: dict[str, list[str] | dict[str, str]]
    frame_margin: float


@cache
def course_palette() -> Palette:
    """The palette of ``palette.toml`` (read once per process)."""
    data = tomllib.loads(PALETTE_FILE.read_text(encoding="utf-8"))
    return Palette(dict(data["colours"]), dict(data["colour_sets"]), float(data["layout"]["FRAME_MARGIN"]))


#: The one layout margin (scene units), see palette.toml.
FRAME_MARGIN = course_palette().frame_margin
