"""Helpers for the render engine's tests: a tiny project and frame hashes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from mathreel.curriculum import SceneRef
from mathreel.project import QUALITIES
from mathreel.render import RenderJob

FIXTURES = Path(__file__).parent / "fixtures"

CURRICULUM = '''
[[lesson]]
number = 1
slug = "fixture"
title = "Fixture"
description = "Scenes for the engine's tests."
tags = ["test"]
scenes = ["ChunkSafe", "Traced", "Broken", "Slowpoke"]
'''


def make_project(root: Path) -> Path:
    """A project with the fixture scenes as lesson 01 (scenes/l01_fixture/scenes.py)."""
    (root / "scenes" / "l01_fixture").mkdir(parents=True, exist_ok=True)
    parts = []
    for name in ("chunky.py", "traced.py", "broken.py", "slowpoke.py"):
        body = (FIXTURES / name).read_text()
        parts.append(body.split('"""', 2)[2] if body.startswith('"""') else body)
    (root / "scenes" / "l01_fixture" / "scenes.py").write_text("\n".join(parts))
    (root / "curriculum.toml").write_text(CURRICULUM)
    return root


def fixture_job(name: str, file: str | None = None, root: Path | None = None,
                quality: str = "low", mode: str = "video") -> RenderJob:
    path = (root / "scenes" / "l01_fixture" / "scenes.py") if root else FIXTURES / file
    return RenderJob(SceneRef(name, path, name), QUALITIES[quality], mode)


def frame_hashes(video: Path) -> list[str]:
    """MD5 of every decoded video frame (ffmpeg's framemd5 muxer)."""
    out = subprocess.run(["ffmpeg", "-v", "error", "-i", str(video), "-map", "0:v:0",
                          "-f", "framemd5", "-"],
                         capture_output=True, text=True, check=True).stdout
    return [line.split(",")[-1].strip() for line in out.splitlines()
            if line.strip() and not line.startswith("#")]


def copy_fixture(name: str, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / name, target)
    return target
