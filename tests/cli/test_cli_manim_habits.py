"""What a Manim user types: ``file.py Scene``, ``-n``, ``--format``, ``-p``;
and click done fully: environment variables in --help, ``--project``,
``list --json``, shell completion through click's own completion API."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.shell_completion import ShellComplete
from click.testing import CliRunner

from mathreel import scene_context, viewer
from mathreel.cli import cli
from conftest import FIXTURES, ffprobe

SQUARE = FIXTURES / "manim_docs_example.py"  # three 1 s plays: Create, Transform, FadeOut
FPS_LOW = 15


def run(*args, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], **kwargs)


def frame_count(path: Path) -> int:
    out = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                          "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", str(path)],
                         capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def video_stream(path: Path) -> dict:
    return next(s for s in ffprobe(path)["streams"] if s["codec_type"] == "video")


def test_manims_file_then_scene_form_and_gif_and_webm(mini_project):
    gif = run("render", SQUARE, "SquareToCircle", "-ql", "--format", "gif")
    assert gif.exit_code == 0, gif.output
    clip = Path(gif.stdout.splitlines()[-1])
    assert clip.suffix == ".gif" and clip.with_suffix(".mp4").is_file()
    stream = video_stream(clip)
    assert (stream["codec_name"], stream["width"], stream["height"]) == ("gif", 854, 480)
    assert frame_count(clip) == 3 * FPS_LOW  # every frame of the three 1 s plays

    webm = run("render", SQUARE, "SquareToCircle", "-ql", "--format", "webm")
    assert webm.exit_code == 0, webm.output
    clip = Path(webm.stdout.splitlines()[-1])
    assert clip.suffix == ".webm" and video_stream(clip)["codec_name"] == "vp9"
    assert frame_count(clip) == 3 * FPS_LOW
    assert not [p for p in clip.parent.iterdir() if "mathreel-tmp" in p.name]


def test_a_file_with_one_scene_needs_no_name_and_n_renders_a_range(mini_project):
    """-n counts animations from 0 with END included (Manim's -n 1,1 is the
    Transform alone); the range is written apart from the whole scene."""
    middle = run("render", SQUARE, "-n", "1,1")
    assert middle.exit_code == 0, middle.output
    clip = Path(middle.stdout.splitlines()[-1])
    assert clip.name == "SquareToCircle.n1-1.mp4"
    assert frame_count(clip) == 1 * FPS_LOW
    assert not (clip.parent / "SquareToCircle.mp4").exists(), "the range replaced the scene"

    rest = run("render", SQUARE, "-n", "1")
    assert rest.exit_code == 0, rest.output
    assert Path(rest.stdout.splitlines()[-1]).name == "SquareToCircle.n1-.mp4"
    assert frame_count(Path(rest.stdout.splitlines()[-1])) == 2 * FPS_LOW

    beyond = run("render", SQUARE, "-n", "3")
    assert beyond.exit_code == 1
    assert beyond.stderr.splitlines()[-1] == (
        "Error: scene SquareToCircle failed: it produced no video: -n 3 starts after the last "
        "animation (the scene has 3, numbered from 0)")


@pytest.fixture()
def launches(monkeypatch):
    opened = []
    monkeypatch.setattr(viewer.click, "launch", lambda url, **kw: opened.append(url) or 0)
    return opened


def test_png_is_the_last_frame_and_p_opens_it_where_there_is_a_display(mini_project, launches,
                                                                       monkeypatch):
    monkeypatch.setattr(viewer.sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    result = run("render", "GrowCircle", "--format", "png", "-p")
    assert result.exit_code == 0, result.output
    png = mini_project / "media" / "low" / "frames" / "GrowCircle.png"
    assert result.stdout.splitlines()[-1] == str(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert launches == [str(png)]

    monkeypatch.delenv("DISPLAY")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    again = run("render", "GrowCircle", "--format", "png", "-p")  # cached; nowhere to show it
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines()[-1] == str(png)
    assert launches == [str(png)]


def test_file_then_scene_names_a_scene_the_file_lacks(mini_project):
    result = run("render", FIXTURES / "failing_scenes.py", "NoSuchScene")
    assert result.exit_code == 2
    path = FIXTURES / "failing_scenes.py"
    assert result.stderr == (f"Error: {path} has no scene 'NoSuchScene'; it defines: "
                             "RaisesValueError, BadLatex\n")


# ---------------------------------------------------------------- click, fully


def test_help_shows_the_environment_variables(mini_project):
    def shown(*args):
        return " ".join(run(*args, "--help").output.split())  # unwrapped
    assert "[env var: MATHREEL_ROOT]" in shown()
    assert "[env var: MATHREEL_VOICE]" in shown("render")
    assert "[env var: MATHREEL_VOICE]" in shown("build")
    assert "[env var: MATHREEL_YOUTUBE_TOKEN]" in shown("publish", "youtube")


def test_voice_is_read_from_mathreel_voice(mini_project):
    result = run("render", "GrowCircle", env={"MATHREEL_VOICE": "robot"})
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: Invalid value for '--voice' (env var: "
                                    "'MATHREEL_VOICE'): 'robot' is not one of")


def test_project_points_an_installed_mathreel_at_a_curriculum(mini_project, tmp_path_factory,
                                                              monkeypatch):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.delenv("MATHREEL_ROOT")
    monkeypatch.chdir(elsewhere)
    installed = tmp_path_factory.mktemp("venv") / "site-packages" / "mathreel" / "project.py"
    monkeypatch.setattr(scene_context, "__file__", str(installed))  # not an editable checkout
    lost = run("list")
    assert lost.exit_code == 1
    assert "point mathreel at a curriculum folder with --project DIR or $MATHREEL_ROOT" in lost.stderr

    found = run("--project", mini_project, "list")
    assert found.exit_code == 0, found.output
    assert found.output.splitlines()[0] == "00  first-steps  First steps"
    assert "MATHREEL_ROOT" not in os.environ, "--project leaked into the caller's environment"


def test_list_json(mini_project):
    video = mini_project / "media" / "high" / "scenes" / "GrowCircle.mp4"
    video.parent.mkdir(parents=True)
    video.write_bytes(b"")
    data = json.loads(run("list", "--json").stdout)
    assert data["root"] == str(mini_project)
    assert [(l["code"], l["slug"], l["title"]) for l in data["lessons"]] == [
        ("00", "first-steps", "First steps"), ("01", "empty-lesson", "Empty lesson")]
    assert data["lessons"][0]["scenes"] == [{
        "name": "GrowCircle", "title": "A circle grows",
        "file": str(mini_project / "scenes" / "l00_first_steps" / "scenes.py"),
        "rendered": {"high": str(video)}}]
    assert data["lessons"][1]["scenes"] == []


def complete(args: list[str], incomplete: str) -> list[tuple[str, str]]:
    """What bash would be offered (click's completion API, as
    ``_MATHREEL_COMPLETE=bash_complete`` runs it)."""
    completer = ShellComplete(cli, {}, "mathreel", "_MATHREEL_COMPLETE")
    return [(item.value, item.type) for item in completer.get_completions(args, incomplete)]


def test_completion_of_targets_lessons_and_qualities(mini_project, tmp_path_factory, monkeypatch):
    assert complete(["render"], "") == [("all", "plain"), ("00", "plain"),
                                        ("first-steps", "plain"), ("01", "plain"),
                                        ("empty-lesson", "plain"), ("GrowCircle", "plain")]
    assert complete(["render"], "Gr") == [("GrowCircle", "plain")]
    assert complete(["stitch"], "0") == [("00", "plain"), ("01", "plain")]
    assert complete(["render", "00", "-q"], "h") == [("high", "plain")]
    assert complete(["render"], "./sc") == [("./sc", "file")]  # the shell lists the files
    assert complete(["render", str(SQUARE)], "")[0] == ("SquareToCircle", "plain")
    assert complete(["render"], f"{SQUARE}:") == [(f"{SQUARE}:SquareToCircle", "plain")]

    monkeypatch.delenv("MATHREEL_ROOT")
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    assert complete(["--project", str(mini_project), "build"], "e") == [("empty-lesson", "plain")]


def test_completion_script_is_the_readme_line():
    """The README's `eval "$(_MATHREEL_COMPLETE=bash_source mathreel)"`."""
    result = CliRunner().invoke(cli, [], env={"_MATHREEL_COMPLETE": "bash_source"})
    script = result.output
    assert "_mathreel_completion()" in script and "_MATHREEL_COMPLETE=bash_complete" in script
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert 'eval "$(_MATHREEL_COMPLETE=bash_source mathreel)"' in readme


def test_a_broken_curriculum_still_completes_files(tmp_path, monkeypatch):
    (tmp_path / "curriculum.toml").write_text("not toml [")
    monkeypatch.setenv("MATHREEL_ROOT", str(tmp_path))
    assert complete(["render"], "x") == [("x", "file")]
