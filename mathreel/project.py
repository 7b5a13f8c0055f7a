"""Where a mathreel project keeps things: its root, qualities, and output paths.

Every stage reads and writes through these functions, so the layout under
``media/`` is defined once::

    media/<quality>/scenes/<Scene>.mp4   (+ <Scene>.srt)   render
    media/<quality>/frames/<Scene>.png                       preview --frame
    media/<quality>/lessons/NN_<slug>.mp4 (+ .srt .vtt)      stitch
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

CURRICULUM_FILE = "curriculum.toml"


@dataclass(frozen=True)
class Quality:
    """A Manim quality preset under the name mathreel uses for it."""

    name: str  # mathreel's name: low, medium, high, production, 4k
    flag: str  # manim's -q letter
    manim_name: str  # manim's config.quality value
    height: int
    width: int
    fps: int

    @property
    def label(self) -> str:
        return f"{self.height}p{self.fps}"


QUALITIES: dict[str, Quality] = {
    q.name: q
    for q in (
        Quality("low", "l", "low_quality", 480, 854, 15),
        Quality("medium", "m", "medium_quality", 720, 1280, 30),
        Quality("high", "h", "high_quality", 1080, 1920, 60),
        Quality("production", "p", "production_quality", 1440, 2560, 60),
        Quality("4k", "k", "fourk_quality", 2160, 3840, 60),
    )
}


def find_root(start: Path | None = None) -> Path:
    """The project root: ``$MATHREEL_ROOT``, else the nearest folder upwards
    from ``start`` (default: the working directory) holding curriculum.toml,
    else the checkout this package was installed from."""
    env = os.environ.get("MATHREEL_ROOT")
    if env:
        return Path(env).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CURRICULUM_FILE).is_file():
            return folder
    return Path(__file__).resolve().parent.parent


def media_dir(root: Path) -> Path:
    return root / "media"


def scene_video(root: Path, quality: str, scene: str) -> Path:
    return media_dir(root) / quality / "scenes" / f"{scene}.mp4"


def scene_frame(root: Path, quality: str, scene: str) -> Path:
    return media_dir(root) / quality / "frames" / f"{scene}.png"


def lesson_video(root: Path, quality: str, number: int, slug: str) -> Path:
    return media_dir(root) / quality / "lessons" / f"{number:02d}_{slug}.mp4"
