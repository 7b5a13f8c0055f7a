"""Render one scene in this process with Manim's Python API.

Run as ``python -m mathreel.runner JOB.json``: the render engine starts one
such process per job, so a crashing or leaking scene cannot take the
pipeline down, and Manim's global config is never shared between scenes. The
outcome is written as JSON to the job's ``result`` path: the files produced
(inside the job's private work folder) or the error, with LaTeX failures
reduced to the offending formula and LaTeX's own message.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import traceback
from pathlib import Path

LATEX_LOG_RE = re.compile(r"the log file: (?P<log>\S+\.log)")
SPECIAL_RE = re.compile(r"\\special\{[^{}]*\}")  # Manim's dvisvgm markers
ENVIRONMENT_RE = re.compile(r"\\(begin|end)\{(align\*|center)\}")  # Manim's wrappers


def load_scene_class(file: Path, name: str):
    """Import ``file`` as a module (its folder on sys.path, as Manim does) and
    return its class ``name``."""
    module_name = f"mathreel_scene_{file.stem}"
    spec = importlib.util.spec_from_file_location(module_name, file)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    sys.path.insert(0, str(file.parent.resolve()))
    spec.loader.exec_module(module)
    return getattr(module, name)


def latex_error_message(error: Exception) -> str | None:
    """For Manim's "latex error converting to dvi" ValueError: the formula
    and LaTeX's first error line, read from the log it names."""
    match = LATEX_LOG_RE.search(str(error))
    if not match:
        return None
    log = Path(match["log"])
    tex = log.with_suffix(".tex")
    lines = log.read_text(errors="replace").splitlines() if log.exists() else []
    latex_says = next((l[2:].strip() for l in lines if l.startswith("! ")), "unknown error")
    formula = ""
    if tex.exists():
        body = tex.read_text(errors="replace")
        inner = body.split(r"\begin{document}")[-1].split(r"\end{document}")[0]
        inner = SPECIAL_RE.sub("", ENVIRONMENT_RE.sub("", inner))
        formula = " ".join(inner.split())
    return f'LaTeX failed on "{formula}": {latex_says}'


def find_outputs(media_dir: Path, scene: str) -> dict[str, str]:
    """The video, subtitle and image files Manim wrote for ``scene``."""
    found: dict[str, str] = {}
    for kind, pattern in (("video", f"{scene}.mp4"), ("srt", f"{scene}.srt"),
                          ("frame", f"{scene}*.png")):
        paths = [p for p in media_dir.rglob(pattern) if "partial_movie_files" not in p.parts]
        if paths:
            found[kind] = str(max(paths, key=lambda p: p.stat().st_mtime))
    return found


def manim_config(job: dict) -> dict:
    """Manim config for a job: quality, private media dir, output kind."""
    options = {
        "quality": job["manim_quality"],
        "media_dir": job["media_dir"],
        "disable_caching": job.get("disable_caching", False),
        "progress_bar": job.get("progress_bar", "display"),
        "verbosity": job.get("verbosity", "WARNING"),
    }
    mode = job["mode"]
    if mode == "frame":
        options["save_last_frame"] = True
    elif mode in ("dry-run", "check"):
        options["dry_run"] = True
    options.update(job.get("extra_config", {}))
    return options


def run(job: dict) -> dict:
    from manim import tempconfig

    scene_class = load_scene_class(Path(job["file"]), job["scene"])
    with tempconfig(manim_config(job)):
        scene = scene_class()
        recorder = None
        if job["mode"] == "check":
            from .layout import LayoutRecorder

            recorder = LayoutRecorder(scene)
        scene.render()
        duration = float(scene.time)
    result = {"ok": True, "duration": duration,
              "outputs": find_outputs(Path(job["media_dir"]), job["scene"])}
    if recorder is not None:
        result["problems"] = [str(p) for p in recorder.problems]
        result["animation_ends"] = recorder.animation_ends
        result["captions"] = recorded_captions(scene)
    return result


def recorded_captions(scene) -> list[tuple[float, float, str]]:
    """(start, end, text) of every subcaption the scene added."""
    writer = scene.renderer.file_writer
    return [(c.start.total_seconds(), c.end.total_seconds(), c.content)
            for c in writer.subcaptions]


def main(argv: list[str]) -> int:
    job = json.loads(Path(argv[0]).read_text())
    try:
        result = run(job)
    except BaseException as exc:  # noqa: BLE001 - every failure is reported, not raised
        if isinstance(exc, KeyboardInterrupt):
            raise
        message = latex_error_message(exc) or f"{type(exc).__name__}: {exc}"
        result = {"ok": False, "error": message, "traceback": traceback.format_exc()}
    Path(job["result"]).write_text(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
