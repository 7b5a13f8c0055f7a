"""Render jobs: one (scene, quality, mode) each, run in its own process.

A job renders into a private work folder under ``media/.work``; only a
finished output is moved (``os.replace``, atomic on one file system) to its
place under ``media/<quality>/``, so an interrupted render never leaves a file
that a later run could take for valid.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .curriculum import SceneRef
from .project import Quality, media_dir, scene_frame, scene_video

MODES = ("video", "frame", "dry-run", "check")


@dataclass(frozen=True)
class RenderJob:
    scene: SceneRef
    quality: Quality
    mode: str = "video"  # video | frame | dry-run | check (dry-run + layout)


@dataclass
class RenderResult:
    job: RenderJob
    ok: bool
    seconds: float
    duration: float = 0.0  # the scene's length in seconds (video time)
    outputs: dict[str, Path] = field(default_factory=dict)
    error: str | None = None
    problems: list[str] = field(default_factory=list)  # layout problems (check mode)
    animation_ends: list[float] = field(default_factory=list)  # check mode
    captions: list[tuple[float, float, str]] = field(default_factory=list)  # check mode


def _destinations(root: Path, job: RenderJob) -> dict[str, Path]:
    name, quality = job.scene.name, job.quality.name
    if job.mode == "video":
        video = scene_video(root, quality, name)
        return {"video": video, "srt": video.with_suffix(".srt")}
    if job.mode == "frame":
        return {"frame": scene_frame(root, quality, name)}
    return {}


def _job_spec(job: RenderJob, work: Path) -> dict:
    return {
        "file": str(job.scene.path),
        "scene": job.scene.name,
        "manim_quality": job.quality.manim_name,
        "mode": job.mode,
        "media_dir": str(work / "manim"),
        "result": str(work / "result.json"),
        "disable_caching": True,
    }


def render_scene(root: Path, job: RenderJob, *, show_progress: bool = True) -> RenderResult:
    """Render one job in a child process and move its outputs into place."""
    work_root = media_dir(root) / ".work"
    work_root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"{job.scene.name}-{job.quality.name}-", dir=work_root))
    spec = _job_spec(job, work)
    if not show_progress:
        spec["progress_bar"] = "none"
    (work / "job.json").write_text(json.dumps(spec))
    started = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "mathreel.runner", str(work / "job.json")],
            stdout=None if show_progress else subprocess.DEVNULL,
            stderr=None if show_progress else subprocess.PIPE,
            text=True,
        )
        seconds = time.perf_counter() - started
        result_file = work / "result.json"
        if not result_file.exists():
            detail = (proc.stderr or "").strip().splitlines()[-1:] if not show_progress else []
            return RenderResult(job, False, seconds, error=(
                f"the renderer exited with code {proc.returncode} before reporting"
                + (f": {detail[0]}" if detail else "")))
        result = json.loads(result_file.read_text())
        if not result["ok"]:
            return RenderResult(job, False, seconds, error=result["error"])
        if job.mode == "video" and "video" not in result["outputs"]:
            return RenderResult(job, False, seconds, error=(
                "it produced no video: the scene has no play() or wait() calls"))
        if job.mode == "frame" and "frame" not in result["outputs"]:
            return RenderResult(job, False, seconds, error="it produced no frame")
        outputs = _move_outputs(root, job, result["outputs"])
        return RenderResult(job, True, seconds, result["duration"], outputs,
                            problems=result.get("problems", []),
                            animation_ends=result.get("animation_ends", []),
                            captions=[tuple(c) for c in result.get("captions", [])])
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _move_outputs(root: Path, job: RenderJob, produced: dict[str, str]) -> dict[str, Path]:
    moved: dict[str, Path] = {}
    for kind, destination in _destinations(root, job).items():
        if kind not in produced:
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(produced[kind], destination)
        moved[kind] = destination
    return moved


def render_many(root: Path, jobs: list[RenderJob], *, show_progress: bool = True,
                on_result=None) -> list[RenderResult]:
    """Render every job (one failing job does not stop the others) and return
    the results in job order. ``on_result(result)`` is called as each ends."""
    results = []
    for job in jobs:
        result = render_scene(root, job, show_progress=show_progress)
        if on_result is not None:
            on_result(result)
        results.append(result)
    return results
