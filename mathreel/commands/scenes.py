"""The commands about scenes: list, render, preview, check, contact-sheet."""

from __future__ import annotations

import re
from itertools import accumulate
from pathlib import Path
from typing import Callable, Iterable

from ..curriculum import Curriculum, SceneRef
from ..project import QUALITIES, media_dir, scene_video
from ..render import RenderJob, RenderResult, render_many
from . import Failure, InputError
from .selection import raise_failures, scenes_named, split_unreadable

OnResult = Callable[[RenderResult], None]


def rendered_qualities(curriculum: Curriculum, scene: SceneRef) -> dict[str, Path]:
    """The qualities ``scene`` is rendered at, with each video's path."""
    videos = {q: scene_video(curriculum.root, q, scene.name) for q in QUALITIES}
    return {q: video for q, video in videos.items() if video.exists()}


def listing(curriculum: Curriculum) -> dict:
    """What ``list --json`` prints: the curriculum and what is rendered."""
    def scene_entry(scene):
        return {"name": scene.name, "title": scene.title, "file": str(scene.path),
                "rendered": {q: str(v) for q, v in rendered_qualities(curriculum, scene).items()}}
    return {"root": str(curriculum.root),
            "lessons": [{"number": lesson.number, "code": lesson.code, "slug": lesson.slug,
                         "title": lesson.title, "scenes": [scene_entry(s) for s in lesson.scenes]}
                        for lesson in curriculum.lessons]}


def render_targets(curriculum: Curriculum, targets: Iterable[str], quality: str, *,
                   fmt: str = "mp4", animations=None, on_output: Callable[[Path], None],
                   **engine) -> list[Path]:
    """Render the scenes ``targets`` name and, for ``fmt`` gif or webm,
    convert each video; ``on_output`` gets each finished file's path. A
    scene whose module cannot be read fails alone; the others still run.

    Returns
    -------
    list of Path
        The outputs (the clips for gif and webm).

    Raises
    ------
    InputError
        For an unknown target or an unreachable ``scheduler``.
    Failure
        Naming every scene that failed, after the others finished.
    """
    scenes, unreadable = split_unreadable(
        curriculum, scenes_named(curriculum, targets, broken_ok=True), quality)
    mode = "frame" if fmt == "png" else "video"
    jobs = [RenderJob(scene, QUALITIES[quality], mode, animations) for scene in scenes]
    converts = fmt in ("gif", "webm")

    def echo_output(result: RenderResult) -> None:
        if result.ok:
            on_output(result.output)
    try:
        results = render_many(curriculum.root, jobs,
                              on_result=None if converts else echo_output, **engine)
    except ConnectionError as exc:
        raise InputError(str(exc)) from None
    outputs = [r.output for r in results if r.ok]
    if converts:
        outputs = _convert(outputs, fmt, on_output)
    raise_failures(results + unreadable)
    return outputs


def _convert(videos: list[Path], fmt: str, on_output: Callable[[Path], None]) -> list[Path]:
    """Each video as ``fmt`` beside it."""
    from ..clips import ClipError, export

    clips = []
    for video in videos:
        try:
            clips.append(export(video, fmt))
        except ClipError as exc:
            raise Failure(str(exc)) from None
        on_output(clips[-1])
    return clips


def preview_target(curriculum: Curriculum, target: str, *, frame: bool, watch: bool,
                   on_output: Callable[[Path], None], echo: Callable[[str], None],
                   reload: Callable[[], Curriculum], reporter=None) -> None:
    """The fastest useful render of ``target`` at low quality (the last
    frame only with ``frame``); with ``watch``, again on every save (the
    curriculum is read again with ``reload`` on each pass)."""
    scenes = scenes_named(curriculum, [target])
    mode = "frame" if frame else "video"
    if watch:
        from ..watch import watch_and_render

        watch_and_render(curriculum.root, lambda: scenes_named(reload(), [target]),
                         QUALITIES["low"], mode, echo=echo)
        return
    jobs = [RenderJob(scene, QUALITIES["low"], mode) for scene in scenes]
    results = render_many(curriculum.root, jobs, reporter=reporter,
                          on_result=lambda r: on_output(r.output) if r.ok else None)
    raise_failures(results)


def check_targets(curriculum: Curriculum, targets: Iterable[str],
                  on_result: OnResult) -> list[RenderResult]:
    """Dry-run the scenes ``targets`` name and check their layout;
    ``on_result`` gets each scene's result (a failed one for a scene whose
    module cannot be read).

    Raises
    ------
    Failure
        When a scene failed or has layout problems.
    """
    scenes, unreadable = split_unreadable(
        curriculum, scenes_named(curriculum, targets, broken_ok=True), "low", "check")
    jobs = [RenderJob(scene, QUALITIES["low"], "check") for scene in scenes]
    results = render_many(curriculum.root, jobs, on_result=on_result)
    for failure in unreadable:
        on_result(failure)
    raise_failures(results + unreadable)
    if any(r.problems for r in results):
        raise Failure("layout problems found (see above)")
    return results


def contact_sheet(curriculum: Curriculum, target: str, quality: str, *,
                  every: float | None = None, out: Path | None = None, reporter=None) -> Path:
    """Render what ``target`` needs and write a PNG grid of its frames (the
    last frame of every animation, or one every ``every`` seconds) to
    ``out`` (default: ``media/<quality>/sheets/<target>.png``).

    Returns
    -------
    Path
        The sheet written.
    """
    from ..contact_sheet import Tile, frame_times, write_sheet
    from ..encode import probe
    from ..render import render_play_times

    preset = QUALITIES[quality]
    scenes = scenes_named(curriculum, [target])
    videos = render_many(curriculum.root, [RenderJob(s, preset) for s in scenes],
                         reporter=reporter)
    raise_failures(videos)
    still = next((v for v in videos if "video" not in v.outputs), None)
    if still is not None:
        raise InputError(f"{still.job.scene.name} is a still scene (no play() or wait()): "
                         f"its render is one picture, {still.output}")
    tiles = []
    for video in videos:
        # where each animation ends in this video: its render's own play lengths
        # (a narrated scene's animations are stretched to its speech)
        ends = [] if every else list(accumulate(render_play_times(curriculum.root, video.job)))
        times = frame_times(ends, probe(video.outputs["video"]).duration, preset.fps, every)
        name = video.job.scene.name
        tiles += [Tile(video.outputs["video"], t,
                       f"{name} {t:.1f}s" if every else f"{name} #{n} {t:.1f}s")
                  for n, t in enumerate(times)]
    default = media_dir(curriculum.root) / quality / "sheets" / f"{_file_stem(target)}.png"
    return write_sheet(tiles, out or default)


def _file_stem(target: str) -> str:
    """A file name for a target: ``02``, ``Scene``, ``file_Scene``."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", Path(target).name).strip("_") or "sheet"
