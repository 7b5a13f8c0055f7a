"""A throw-away project with two stitched lessons, as ``mathreel stitch``
leaves them: a 12 s H.264/AAC video with a soft subtitle track, .srt, .vtt,
.chapters.json and .chapters.txt. The media is made once per test session
with ffmpeg (testsrc + anullsrc, 854x480) and hard-linked into each project.

Import the fixtures into a test module: ``from publish_fixtures import
published_project  # noqa: F401``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from mathreel.exercise import Exercise

DURATION = 12.0
QUALITY = "low"
LESSONS = {
    2: ("matrix-decompositions", "Matrix decompositions"),
    3: ("matrix-calculus", "Matrix calculus"),
}
CHAPTERS = [(0.0, 4.0, "Title"), (4.0, 8.0, "Power iteration converges"), (8.0, 12.0, "Try it")]
CUES = [
    (0.5, 3.5, "Welcome & hello: eigenvectors only stretch."),
    (4.2, 7.5, "Multiply by A and normalise."),
    (8.3, 11.5, "Time to practise."),
]
CURRICULUM = '''
[[lesson]]
number = 2
slug = "matrix-decompositions"
title = "Matrix decompositions"
description = """Eigenvectors are the directions a matrix only stretches: $A v = \\\\lambda v$."""
tags = ["linear algebra", "eigenvalues", "power iteration"]
notebook = "notebooks/01_linear_algebra.ipynb"
scenes = []

[[lesson]]
number = 3
slug = "matrix-calculus"
title = "Matrix calculus"
description = "Derivatives of functions between vector spaces."
tags = ["matrix calculus", "Jacobian"]
notebook = "notebooks/01_linear_algebra.ipynb"
scenes = []

[[lesson]]
number = 4
slug = "norms-and-distances"
title = "Norms and distances"
description = "How far apart are two vectors?"
tags = ["norms"]
notebook = "notebooks/01_linear_algebra.ipynb"
scenes = []
'''
EXERCISES = {
    2: [Exercise(r"Find the largest eigenvalue of $A = \begin{pmatrix} 2 & 1 \\ 1 & 2 \end{pmatrix}$.",
                 r"$\lambda_1 = 3$", "linalg.power_iteration(A).eigenvalue"),
        Exercise("Is every matrix diagonalizable?", "No: $\\begin{pmatrix} 1 & 1 \\\\ 0 & 1 \\end{pmatrix}$ is not.",
                 "")],
    3: [],
}


def fake_exercises(lesson) -> list[Exercise]:
    return EXERCISES.get(lesson.number, [])


def _stamp(seconds: float, sep: str) -> str:
    ms = round(seconds * 1000)
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}{sep}{ms % 1000:03d}"


def write_sidecars(video: Path) -> None:
    srt = "\n".join(f"{i}\n{_stamp(a, ',')} --> {_stamp(b, ',')}\n{t}\n"
                    for i, (a, b, t) in enumerate(CUES, start=1))
    video.with_suffix(".srt").write_text(srt, encoding="utf-8")
    vtt = "WEBVTT\n\n" + "\n".join(f"{_stamp(a, '.')} --> {_stamp(b, '.')}\n{t.replace('&', '&amp;')}\n"
                                   for a, b, t in CUES)
    video.with_suffix(".vtt").write_text(vtt, encoding="utf-8")
    chapters = [{"start": a, "end": b, "title": t} for a, b, t in CHAPTERS]
    video.with_suffix(".chapters.json").write_text(json.dumps(chapters), encoding="utf-8")
    video.with_suffix(".chapters.txt").write_text(
        "".join(f"0:{int(a):02d} {t}\n" for a, _, t in CHAPTERS), encoding="utf-8")


def make_video(dst: Path) -> Path:
    """12 s of testsrc (854x480, 15 fps) with silent 48 kHz AAC and a
    mov_text subtitle track, like a stitched lesson."""
    srt = dst.with_suffix(".srt")
    write_sidecars(dst)
    subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-y",
         "-f", "lavfi", "-i", f"testsrc=size=854x480:rate=15:duration={DURATION}",
         "-f", "lavfi", "-i", f"anullsrc=r=48000:cl=stereo:d={DURATION}",
         "-i", str(srt), "-map", "0:v", "-map", "1:a", "-map", "2:s",
         "-c:v", "libx264", "-preset", "ultrafast", "-profile:v", "high", "-pix_fmt", "yuv420p",
         "-g", "15", "-c:a", "aac", "-b:a", "64k", "-c:s", "mov_text", "-metadata:s:s:0",
         "language=eng", "-t", str(DURATION), "-movflags", "+faststart", str(dst)],
        check=True, capture_output=True)
    return dst


@pytest.fixture(scope="session")
def lesson_media(tmp_path_factory) -> Path:
    """One stitched lesson's video + sidecars, made once per session."""
    folder = tmp_path_factory.mktemp("stitched")
    return make_video(folder / "lesson.mp4")


def make_project(root: Path, media: Path, stitched=(2, 3)) -> Path:
    """A project at ``root`` with lessons 02-04, of which ``stitched`` are
    stitched at low quality, and the linear-algebra notebook."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "curriculum.toml").write_text(textwrap.dedent(CURRICULUM), encoding="utf-8")
    (root / "scenes").mkdir(exist_ok=True)
    (root / "notebooks").mkdir(exist_ok=True)
    (root / "notebooks" / "01_linear_algebra.ipynb").write_text(
        '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n', encoding="utf-8")
    lessons = root / "media" / QUALITY / "lessons"
    lessons.mkdir(parents=True, exist_ok=True)
    for number in stitched:
        stem = f"{number:02d}_{LESSONS[number][0]}"
        for suffix in (".mp4", ".srt", ".vtt", ".chapters.json", ".chapters.txt"):
            src = media.with_suffix(suffix)
            try:
                os.link(src, lessons / f"{stem}{suffix}")
            except OSError:
                shutil.copy2(src, lessons / f"{stem}{suffix}")
        write_stitch_record(root, lessons / f"{stem}.mp4")
    return root


def write_stitch_record(root: Path, video: Path) -> None:
    """The part of ``mathreel stitch``'s record that publishing checks: the
    video's frames and duration (the clip's 12 s at 15 fps) and its SHA-256."""
    record = root / "media" / ".cache" / QUALITY / "stitch" / f"{video.stem}.json"
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps({
        "result": {"frames": round(DURATION * 15), "duration": DURATION},
        "video_sha256": hashlib.sha256(video.read_bytes()).hexdigest()}), encoding="utf-8")


@pytest.fixture
def published_project(tmp_path, lesson_media, monkeypatch) -> Path:
    """A project root with lessons 02 and 03 stitched at low quality, set as
    ``MATHREEL_ROOT``, with the exercises replaced by ``EXERCISES``."""
    root = make_project(tmp_path / "project", lesson_media)
    monkeypatch.setenv("MATHREEL_ROOT", str(root))
    monkeypatch.setattr("mathreel.exercise.lesson_exercises", fake_exercises)
    return root
