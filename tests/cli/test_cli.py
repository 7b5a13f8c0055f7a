"""The CLI as a user meets it: help, listing, and every error path's exact text."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from mathreel import cli as mathreel_cli
from mathreel.cli import cli
from conftest import FIXTURES, ffprobe

ACCEPTED = ("accepted: a lesson number (00-01), a lesson slug, a scene class name, 'all', "
            "or path/to/file.py:SceneName (see `mathreel list`)")


def run(*args, **kwargs):
    return CliRunner().invoke(cli, list(args), **kwargs)


def all_commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


@pytest.mark.parametrize("command", list(all_commands(cli)), ids=" ".join)
def test_every_command_has_help_with_an_example(command):
    result = run(*command, "--help")
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`mathreel {' '.join(command)} --help` shows no example"


def test_list_shows_lessons_scenes_and_rendered_qualities(mini_project):
    video = mini_project / "media" / "medium" / "scenes" / "GrowCircle.mp4"
    video.parent.mkdir(parents=True)
    video.write_bytes(b"")
    result = run("list")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "00  first-steps  First steps",
        "      GrowCircle                       medium",
        "01  empty-lesson  Empty lesson",
        "      (no scenes yet)",
    ]


@pytest.mark.parametrize("args, message", [
    (["render", "99"], f"Error: unknown target '99'; {ACCEPTED}"),
    (["render", "GrowCirle"], f"Error: unknown target 'GrowCirle'; did you mean 'GrowCircle'? "
                              f"{ACCEPTED}"),
    (["render", "01"], "Error: lesson 01 (empty-lesson) has no scenes yet"),
    (["render", "nope.py:Scene"], "Error: no such file: nope.py"),
    (["preview", "nope"], f"Error: unknown target 'nope'; {ACCEPTED}"),
])
def test_bad_input_is_one_line_with_exit_code_2(mini_project, args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == message + "\n"
    assert "Traceback" not in result.output


QUALITIES_ACCEPTED = "accepted: low (l), medium (m), high (h), production (p), 4k (k)"


@pytest.mark.parametrize("args, message", [
    (["render", "00", "-q", "ultra"],
     f"Error: Invalid value for '-q' / '--quality': 'ultra' is not a quality; {QUALITIES_ACCEPTED}"),
    (["render", "00", "-qz"],
     f"Error: Invalid value for '-q' / '--quality': 'z' is not a quality; {QUALITIES_ACCEPTED}"),
    (["render"], "Error: Missing argument 'TARGETS...'."),
    (["render", "00", "-n", "5,3"],
     "Error: Invalid value for '-n' / '--from-animation-number': '5,3' is not an animation "
     "range; accepted: START or START,END (animation numbers from 0, END included and not "
     "below START), e.g. 3 or 3,5"),
    (["render", "00", "--format", "avi"],
     "Error: Invalid value for '--format': 'avi' is not one of 'mp4', 'gif', 'webm', 'png'."),
])
def test_usage_errors_are_one_line_and_clicks_help_hint(mini_project, args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == message + f"\nTry 'mathreel {args[0]} --help' for help.\n"


@pytest.mark.parametrize("flag, quality", [("-ql", "low"), ("-qm", "medium"), ("-qh", "high"),
                                           ("-qp", "production"), ("-qk", "4k")])
def test_manims_quality_letters_name_the_presets(flag, quality):
    """Manim's own table (manim render --help: -ql 480p15 ... -qk 2160p60),
    typed as Manim users type it, reaches the command as the preset's name."""
    seen = {}

    @click.command()
    @mathreel_cli.QUALITY_OPTION
    def probe(quality):
        seen["quality"] = quality

    assert CliRunner().invoke(probe, [flag]).exit_code == 0
    assert seen["quality"] == quality


def test_a_file_without_that_scene_lists_what_it_defines(mini_project):
    path = os.path.relpath(FIXTURES / "manim_docs_example.py")
    result = run("render", f"{path}:CircleToSquare")
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {path} has no scene 'CircleToSquare'; "
                             "it defines: SquareToCircle\n")


def test_a_file_without_a_scene_name_asks_for_one(mini_project):
    path = os.path.relpath(FIXTURES / "failing_scenes.py")
    result = run("render", path)
    assert result.exit_code == 2
    assert result.stderr == (f"Error: name a scene in {path}: {path}:SceneName; "
                             "it defines: RaisesValueError, BadLatex\n")


@pytest.mark.parametrize("scene, message", [
    ("RaisesValueError", "ValueError: the matrix must be square, got shape (2, 3)"),
    ("BadLatex", 'LaTeX failed on "\\lambda = \\notacommand{3}": Undefined control sequence.'),
])
def test_a_failing_scene_reports_its_name_and_error_with_exit_code_1(mini_project, scene, message):
    result = run("render", f"{FIXTURES / 'failing_scenes.py'}:{scene}")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == f"Error: scene {scene} failed: {message}"
    assert not list((mini_project / "media").glob("*/scenes/*")), "a failed render left a file"


def test_render_any_manim_file_from_the_manim_docs(mini_project):
    result = run("render", f"{FIXTURES / 'manim_docs_example.py'}:SquareToCircle", "-q", "low")
    assert result.exit_code == 0, result.output
    # a file outside the curriculum renders into a folder named after it
    video = mini_project / "media" / "low" / "files" / "manim_docs_example" / "SquareToCircle.mp4"
    assert result.stdout.splitlines()[-1] == str(video)
    info = ffprobe(video)
    stream = next(s for s in info["streams"] if s["codec_type"] == "video")
    assert (stream["width"], stream["height"]) == (854, 480)
    assert stream["r_frame_rate"] == "15/1"
    assert float(info["format"]["duration"]) == pytest.approx(3.0, abs=0.1)  # three 1 s plays
    assert not (mini_project / "media" / ".work").exists() or not any(
        (mini_project / "media" / ".work").iterdir()), "the work folder was not cleaned up"


def test_preview_frame_writes_the_last_frame_as_png(mini_project):
    result = run("preview", "GrowCircle", "--frame")
    assert result.exit_code == 0, result.output
    png = mini_project / "media" / "low" / "frames" / "GrowCircle.png"
    assert result.stdout.splitlines()[-1] == str(png)
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (854, 480)


def test_doctor_finds_everything_the_setup_installs():
    result = run("doctor")
    assert result.exit_code == 0, result.output
    assert "MISSING" not in result.output


def test_doctor_says_what_to_install_when_tools_are_missing(tmp_path):
    result = run("doctor", env={"PATH": str(tmp_path)})
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert ("MISSING ffmpeg: not found; install: sudo apt-get install ffmpeg "
            "(or run `make setup`)") in lines
    assert ("MISSING dvisvgm: not found; install: sudo apt-get install dvisvgm "
            "(or run `make setup`)") in lines
    assert result.stderr.endswith("Error: some required tools are missing (see above)\n")


def test_check_reports_layout_problems_with_scene_animation_and_mobjects(mini_project, tmp_path):
    scene = tmp_path / "crowded.py"
    scene.write_text(
        "from manim import *\n"
        "class Crowded(Scene):\n"
        "    def construct(self):\n"
        "        self.play(Write(Text('first label')))\n"
        "        self.play(Write(MathTex('x^2').shift(0.2 * RIGHT)))\n"
        "        self.play(Create(Circle().shift(9 * RIGHT)))\n")
    result = run("check", f"{scene}:Crowded")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1:] == [
        "       Crowded, animation 1: Text('first label') overlaps MathTex('x^2')",
        "       Crowded, animation 2: Circle runs off the right edge of the frame "
        "(box x 8.00..10.00, y -1.00..1.00)",
    ]


def test_contact_sheet_has_one_tile_per_animation(mini_project):
    from PIL import Image

    from mathreel.contact_sheet import GAP, TILE_WIDTH

    result = run("contact-sheet", f"{FIXTURES / 'manim_docs_example.py'}:SquareToCircle")
    assert result.exit_code == 0, result.output
    sheet = Path(result.stdout.splitlines()[-1])
    assert sheet == mini_project / "media" / "low" / "sheets" / (
        "manim_docs_example_py_SquareToCircle.png")
    with Image.open(sheet) as image:
        assert image.width == GAP + 3 * (TILE_WIDTH + GAP)  # three animations in one row
        # the middle tile shows the pink circle: some pixel there is far from the background
        middle = image.crop((GAP + TILE_WIDTH + GAP, GAP, GAP + 2 * (TILE_WIDTH + GAP), 200))
        assert middle.getextrema()[0][1] > 100  # max of the red band


def test_check_follows_value_tracker_driven_motion(mini_project, tmp_path):
    scene = tmp_path / "tracked.py"
    scene.write_text(
        "from manim import *\n"
        "class Tracked(Scene):\n"
        "    def construct(self):\n"
        "        t = ValueTracker(0)\n"
        "        self.add(always_redraw(lambda: Dot([t.get_value(), 0, 0])))\n"
        "        self.play(t.animate.set_value(2))\n"
        "        self.play(t.animate.set_value(9))\n")
    result = run("check", f"{scene}:Tracked")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1:] == [
        "       Tracked, animation 1: Dot runs off the right edge of the frame "
        "(box x 8.92..9.08, y -0.08..0.08)",
    ]


def test_voice_option_does_not_leak_into_the_callers_environment(mini_project, monkeypatch):
    monkeypatch.delenv("MATHREEL_VOICE", raising=False)
    result = run("render", "99", "--voice", "espeak")
    assert result.exit_code == 2
    assert "MATHREEL_VOICE" not in os.environ
