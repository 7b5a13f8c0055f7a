"""A still scene (only ``add``, no ``play`` or ``wait``): Manim writes its
picture as a PNG instead of a video, and so does ``mathreel render``; the
picture is cached like a video, and a lesson cannot list such a scene.
(That the PNG is Manim's own, pixel for pixel: tests/pipeline/test_manim_parity.py.)"""

from __future__ import annotations

import struct
import textwrap

import pytest
from click.testing import CliRunner

from mathreel.cli import cli

STILL = '''
from manim import Circle, Scene, Square


class Card(Scene):
    def construct(self):
        self.add(Circle(), Square())
'''

CURRICULUM = '''
[[lesson]]
number = 0
slug = "stills"
title = "Stills"
description = "A lesson that lists a still scene."
tags = []
scenes = ["Card"]
'''


def run(*args):
    return CliRunner().invoke(cli, list(args))


def png_size(path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "curriculum.toml").write_text(textwrap.dedent(CURRICULUM))
    (tmp_path / "scenes" / "l00_stills").mkdir(parents=True)
    (tmp_path / "scenes" / "l00_stills" / "scenes.py").write_text(STILL)
    monkeypatch.setenv("MATHREEL_ROOT", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_still_scene_renders_to_a_png_cached_like_a_video(project):
    result = run("render", "Card", "-q", "low")
    assert result.exit_code == 0, result.output
    png = project / "media" / "low" / "scenes" / "Card.png"
    assert result.stdout == f"{png}\n"
    assert png_size(png) == (854, 480)
    assert not png.with_suffix(".mp4").exists()
    written = png.stat().st_mtime_ns

    again = run("render", "Card", "-q", "low")
    assert again.exit_code == 0, again.output
    assert again.stdout == f"{png}\n"
    assert f"cached    Card [low]  {png}" in again.stderr.splitlines()
    assert png.stat().st_mtime_ns == written


def test_a_still_that_gains_an_animation_leaves_no_stale_png(project):
    assert run("render", "Card").exit_code == 0
    scene = project / "scenes" / "l00_stills" / "scenes.py"
    scene.write_text(STILL + "        self.wait(0.2)\n")
    result = run("render", "Card")
    assert result.exit_code == 0, result.output
    video = project / "media" / "low" / "scenes" / "Card.mp4"
    assert result.stdout == f"{video}\n"
    assert not video.with_suffix(".png").exists()
    scene.write_text(STILL)  # and back: the video goes
    assert run("render", "Card").stdout == f"{video.with_suffix('.png')}\n"
    assert not video.exists()


def test_stitch_refuses_a_lesson_that_lists_a_still_scene(project):
    assert run("render", "00").exit_code == 0
    result = run("stitch", "00")
    assert (result.exit_code, result.output) == (
        2, "Error: lesson 00: Card is a still scene (no play() or wait(), so the render is a "
           "PNG) and a lesson joins videos; give it an animation or a self.wait()\n")
