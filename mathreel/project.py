"""Where a mathreel project keeps things: its root, qualities, and output paths.

Every stage reads and writes through these functions, so the layout under
``media/`` is defined once::

    media/<quality>/scenes/<Scene>.mp4   (+ <Scene>.srt)   render (curriculum scenes)
    media/<quality>/scenes/<Scene>.png                       render of a still scene
    media/<quality>/frames/<Scene>.png                       preview --frame
    media/<quality>/files/<file-stem>/<Scene>.mp4 (.srt; .png)  render of any other file
    media/<quality>/files/<file-stem>/frames/<Scene>.png     its preview --frame
    media/.cache/<quality>/<mode>/<Scene>.json               render records
    media/.cache/<quality>/<mode>/files/<file-stem>/<Scene>.json   (of any other file)
    media/.cache/<quality>/stitch/<video-stem>.json          stitch records
    media/<quality>/lessons/NN_<slug>.mp4 (+ .srt .vtt       stitch
                          .chapters.json .chapters.txt; .burned.mp4 with --burn)
    media/<quality>/course.mp4 (+ the same sidecars)        stitch --course
    media/.titles/LessonNNTitle.json                         title card data (number, title)
    media/.voice/espeak/<hash>.wav                           draft voice cache
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .scene_context import CURRICULUM_FILE, ROOT_ENV, SceneContext, find_root, use, title_data_file

__all__ = ["CURRICULUM_FILE", "ROOT_ENV", "find_root", "title_data_file"]  # re-exported for the pipeline


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


#: Manim's quality letters (``-ql`` ... ``-qk``), accepted wherever a quality is.
QUALITY_FLAGS: dict[str, str] = {q.flag: q.name for q in QUALITIES.values()}


def quality_named(text: str) -> Quality:
    """The quality a user typed: a name (``high``) or Manim's letter (``h``,
    as in ``-qh``)."""
    name = QUALITY_FLAGS.get(text, text)
    if name not in QUALITIES:
        accepted = ", ".join(f"{q.name} ({q.flag})" for q in QUALITIES.values())
        raise ValueError(f"{text!r} is not a quality; accepted: {accepted}")
    return QUALITIES[name]


#: What ``render --format`` can write: the video, a copy in another container,
#: or the last frame (``png``, as Manim's ``--format png -s``).
FORMATS = ("mp4", "gif", "webm", "png")


def export_path(video: Path, fmt: str) -> Path:
    """Where a scene's video converted to ``fmt`` (gif, webm) goes: beside the
    video, same stem, so it follows wherever the video lives."""
    return video.with_suffix(f".{fmt}")


def range_suffix(animations: tuple[int, int | None] | None) -> str:
    """The file-name mark of an animation-range render (``-n 3,5`` ->
    ``.n3-5``, ``-n 3`` -> ``.n3-``): its video and cache record never
    replace the whole scene's."""
    if animations is None:
        return ""
    start, end = animations
    return f".n{start}-{'' if end is None else end}"


@contextlib.contextmanager
def use_root(folder: Path) -> Iterator[None]:
    """Within the block, :func:`find_root` (here and in every render process
    started) answers ``folder``; the caller's environment is restored after.
    How an installed mathreel, whose package holds no curriculum, is pointed
    at one (``mathreel --project DIR``)."""
    with use(SceneContext(root=Path(folder))):
        yield


def media_dir(root: Path) -> Path:
    return root / "media"


# A scene from a file that is not a curriculum lesson module (``render
# other.py:Scene``) lives in its own namespace, named after its file, as
# Manim's media/videos/<module>/: it can share a class name with a
# curriculum scene, or with a scene of another file, without overwriting
# either's video, captions or cache record. ``namespace`` is that file's stem
# (SceneRef.namespace), None for the curriculum's scenes and title cards.

def _foreign(root: Path, quality: str, namespace: str) -> Path:
    return media_dir(root) / quality / "files" / namespace


def still_image(video: Path) -> Path:
    """Where a *still* scene's picture goes, given where its video would be.

    A scene that only adds mobjects (no ``play``, no ``wait``) has no frames
    to encode; Manim writes its image as a PNG instead, and so does the
    render, beside the video it would have had. Derived from the video's
    path so that the two always live (and are replaced) together."""
    return video.with_suffix(".png")


def scene_video(root: Path, quality: str, scene: str, namespace: str | None = None) -> Path:
    folder = media_dir(root) / quality / "scenes" if namespace is None \
        else _foreign(root, quality, namespace)
    return folder / f"{scene}.mp4"


def scene_frame(root: Path, quality: str, scene: str, namespace: str | None = None) -> Path:
    folder = media_dir(root) / quality / "frames" if namespace is None \
        else _foreign(root, quality, namespace) / "frames"  # <Scene>.png there is a still
    return folder / f"{scene}.png"


def cache_dir(root: Path) -> Path:
    return media_dir(root) / ".cache"


def render_record(root: Path, quality: str, mode: str, scene: str,
                  namespace: str | None = None) -> Path:
    """The cache record of one render job (key, outputs, statistics)."""
    folder = cache_dir(root) / quality / mode
    if namespace is not None:
        folder = folder / "files" / namespace
    return folder / f"{scene}.json"


def lesson_video(root: Path, quality: str, number: int, slug: str) -> Path:
    return media_dir(root) / quality / "lessons" / f"{number:02d}_{slug}.mp4"


def sidecar(video: Path, kind: str) -> Path:
    """The sidecar ``kind`` (srt, vtt, chapters_json, chapters_txt, burned) of a
    lesson or course video; every sidecar shares the video's stem: NN_<slug>.srt,
    .vtt, .chapters.json ([{"start", "end", "title"}]), .chapters.txt (YouTube's
    list) and .burned.mp4."""
    suffix = {"srt": ".srt", "vtt": ".vtt", "chapters_json": ".chapters.json",
              "chapters_txt": ".chapters.txt", "burned": ".burned.mp4"}[kind]
    return video.with_name(video.stem + suffix)


def course_video(root: Path, quality: str) -> Path:
    return media_dir(root) / quality / "course.mp4"


def stitch_record(root: Path, quality: str, output: Path) -> Path:
    """Where the stitch of ``output`` (a lesson or the course) is remembered."""
    return cache_dir(root) / quality / "stitch" / f"{output.stem}.json"


def title_scene_name(number: int) -> str:
    return f"Lesson{number:02d}Title"
