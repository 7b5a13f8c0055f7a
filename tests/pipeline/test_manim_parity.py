"""mathreel renders what Manim renders.

Every scene of tests/fixtures/manim_features.py (one common Manim feature
each: updaters of every kind, ``always_redraw``, ``ValueTracker``, moving,
3D and zoomed cameras, tables, code, LaTeX) is rendered by the ``manim`` CLI
itself, in a temporary folder with ``--disable_caching``, and by
``mathreel render``; the oracle is Manim's own output:

* with ``--encoder release`` (Manim's x264 settings) the decoded frames are
  identical, frame for frame (ffmpeg ``framemd5``);
* with the default ``fast`` encoder (x264 ``veryfast``) the frame count is
  the same and every frame is within 40 dB PSNR of Manim's (ffmpeg ``psnr``);
* the still scene's PNG has Manim's pixels.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from engine_kit import frame_hashes
from PIL import Image

from mathreel.cli import cli

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "manim_features.py"
SCENES = [node.name for node in ast.parse(FIXTURE.read_text()).body
          if isinstance(node, ast.ClassDef)]
STILL = "StillPicture"
VIDEOS = [name for name in SCENES if name != STILL]
MIN_PSNR_DB = 40.0
# x264 picks its thread count from the cores it sees (1.5 per core) and the
# count changes the bitstream; mathreel pins 3 (README, "Encoder"), so plain
# manim gets the same here, on any machine.
MANIM_THREADS = "threads=3"

CURRICULUM = '''
[[lesson]]
number = 0
slug = "empty"
title = "Empty"
description = "No scenes: the scenes rendered here come from a file outside the curriculum."
tags = []
scenes = []
'''


@pytest.fixture(scope="module")
def renders(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """{"manim" | "release" | "fast": {scene: its video, or the still's PNG}}."""
    base = tmp_path_factory.mktemp("parity")
    manim_media = base / "manim-media"
    subprocess.run([str(Path(sys.executable).parent / "manim"), "render", "-ql",
                    "--disable_caching", "--progress_bar", "none", "-v", "WARNING",
                    "--encoder-option", MANIM_THREADS, "--media_dir", str(manim_media),
                    "-a", str(FIXTURE)], cwd=base, check=True, capture_output=True)
    found = {"manim": {p.stem: p for p in (manim_media / "videos").rglob("*.mp4")
                       if "partial_movie_files" not in p.parts}}
    found["manim"][STILL] = next((manim_media / "images").rglob(f"{STILL}_*.png"))

    project = base / "project"
    project.mkdir()
    (project / "curriculum.toml").write_text(textwrap.dedent(CURRICULUM))
    for encoder in ("release", "fast"):  # one project: LaTeX is compiled once
        result = CliRunner().invoke(
            cli, ["render", *[f"{FIXTURE}:{name}" for name in SCENES], "-q", "low",
                  "--encoder", encoder, "--quiet"], env={"MATHREEL_ROOT": str(project)})
        assert result.exit_code == 0, result.output
        kept = base / encoder
        kept.mkdir()
        found[encoder] = {}
        for line in result.stdout.splitlines():  # the next render replaces these files
            path = Path(line)
            found[encoder][path.stem] = Path(shutil.copy(path, kept / path.name))
    return found


def frame_psnrs(reference: Path, video: Path) -> list[float]:
    """PSNR of each frame of ``video`` against the same frame of ``reference``."""
    out = subprocess.run(["ffmpeg", "-v", "error", "-i", str(video), "-i", str(reference),
                          "-lavfi", "[0:v][1:v]psnr=stats_file=-", "-f", "null", "-"],
                         capture_output=True, text=True, check=True).stdout
    return [float(value) for value in re.findall(r"psnr_avg:(\S+)", out)]


def test_every_scene_was_rendered_by_both(renders):
    assert sorted(renders["manim"]) == sorted(SCENES)
    assert sorted(renders["release"]) == sorted(SCENES)
    assert sorted(renders["fast"]) == sorted(SCENES)


@pytest.mark.parametrize("scene", VIDEOS)
def test_with_manims_encoder_settings_every_frame_is_manims(renders, scene):
    ours, manims = frame_hashes(renders["release"][scene]), frame_hashes(renders["manim"][scene])
    assert len(ours) == len(manims)
    assert ours == manims


@pytest.mark.parametrize("scene", VIDEOS)
def test_with_the_fast_encoder_every_frame_is_within_40_db(renders, scene):
    manims = renders["manim"][scene]
    assert len(frame_hashes(renders["fast"][scene])) == len(frame_hashes(manims))
    psnrs = frame_psnrs(manims, renders["fast"][scene])
    assert len(psnrs) == len(frame_hashes(manims))
    assert min(psnrs) >= MIN_PSNR_DB


def test_a_still_scene_is_manims_png(renders):
    ours, manims = (Image.open(renders[kind][STILL]) for kind in ("release", "manim"))
    assert (ours.size, ours.mode) == (manims.size, manims.mode) == ((854, 480), "RGBA")
    assert np.array_equal(np.asarray(ours), np.asarray(manims))
