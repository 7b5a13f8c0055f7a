"""Shared fixtures: the repository, and throw-away projects for the pipeline."""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from mathreel.curriculum import load_curriculum
from mathreel.project import QUALITIES
from mathreel.render import RenderJob, render_many

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"

MINI_CURRICULUM = '''
[[lesson]]
number = 0
slug = "first-steps"
title = "First steps"
description = "A lesson with one scene."
tags = ["test"]
scenes = [{ scene = "GrowCircle", title = "A circle grows" }]

[[lesson]]
number = 1
slug = "empty-lesson"
title = "Empty lesson"
description = "A lesson with no scenes yet."
tags = []
scenes = []
'''

MINI_SCENE = '''
from manim import Circle, Create, Scene


class GrowCircle(Scene):
    def construct(self):
        self.play(Create(Circle()))
'''


@pytest.fixture
def mini_project(tmp_path, monkeypatch) -> Path:
    """A two-lesson project in a temporary folder, set as the project root."""
    (tmp_path / "curriculum.toml").write_text(textwrap.dedent(MINI_CURRICULUM))
    (tmp_path / "scenes" / "l00_first_steps").mkdir(parents=True)
    (tmp_path / "scenes" / "l00_first_steps" / "scenes.py").write_text(textwrap.dedent(MINI_SCENE))
    monkeypatch.setenv("MATHREEL_ROOT", str(tmp_path))
    return tmp_path


@pytest.fixture
def course_copy(tmp_path_factory, monkeypatch) -> Path:
    """A copy of the real course (curriculum.toml and scenes/) set as the
    project root, so renders in tests never touch the repository's media/."""
    root = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "curriculum.toml", root)
    shutil.copytree(ROOT / "scenes", root / "scenes",
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setenv("MATHREEL_ROOT", str(root))
    return root


def ffprobe(path: Path) -> dict:
    """ffprobe's JSON description of a media file's format and streams."""
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
         str(path)],
        capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.fixture(scope="session")
def checked(tmp_path_factory):
    """Every curriculum scene run once in check mode (Manim dry-run plus the
    layout check), as many at a time as there are cores: (work folder,
    {scene name: RenderResult})."""
    work_root = tmp_path_factory.mktemp("check")
    jobs = [RenderJob(scene, QUALITIES["low"], "check") for scene in load_curriculum(ROOT).scenes]
    results = render_many(work_root, jobs)
    return work_root, {r.job.scene.name: r for r in results}
