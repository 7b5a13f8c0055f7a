"""Input that used to end in a traceback: a half-saved lesson module fails
its lesson alone, a broken curriculum.toml is one line (issue #14, items 6-7)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pipeline"))
from lesson_media import LESSON_01, fake_render, make_project  # noqa: E402
from mathreel import build as build_module  # noqa: E402
from mathreel.commands import scenes as scenes_module  # noqa: E402
from mathreel.cli import cli  # noqa: E402
from mathreel.render import RenderResult  # noqa: E402

HALF_SAVED = "from manim import Scene\nclass BrokenScene(Scene:\n"


def run(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "project").mkdir()
    root = make_project(tmp_path / "project")
    monkeypatch.setenv("MATHREEL_ROOT", str(root))
    monkeypatch.delenv("MATHREEL_VOICE", raising=False)
    return root


@pytest.fixture
def engine(monkeypatch):
    """render_many stand-in (for render and build): records the scenes it is
    given and 'renders' each as a synthetic clip."""
    seen: list[str] = []

    def render_many(root, jobs, **kwargs):
        results = []
        for job in jobs:
            seen.append(job.scene.name)
            video = fake_render(root, job.quality.name, job.scene.name)
            results.append(RenderResult(job, True, 0.1, outputs={"video": video}))
        return results

    monkeypatch.setattr(scenes_module, "render_many", render_many)
    monkeypatch.setattr(build_module, "render_many", render_many)
    return seen


def test_a_half_saved_lesson_module_fails_that_lesson_alone(project, engine, tmp_path):
    (project / "scenes" / "l02_second" / "scenes.py").write_text(HALF_SAVED)
    why = "scenes/l02_second/scenes.py is not valid Python: line 2: "

    listed = run("list")
    assert listed.exit_code == 0, listed.output
    assert "AlphaScene" in listed.output  # list reads class lines only: no traceback

    result = run("render", "02")
    assert result.exit_code == 1 and engine == []
    assert result.output.startswith(f"Error: scene BrokenScene failed: {why}")
    assert result.output.count("\n") == 1

    result = run("render", "01", "02", "--quiet")
    assert result.exit_code == 1
    assert engine == LESSON_01[1:]  # lesson 01 rendered, lesson 02 not started
    assert result.output.splitlines()[-1].startswith(f"Error: scene BrokenScene failed: {why}")

    other = tmp_path / "elsewhere.py"
    other.write_text("from manim import Scene\nclass AlphaScene(Scene):\n    pass\n")
    engine.clear()
    assert run("render", f"{other}:AlphaScene").exit_code == 0 and engine == ["AlphaScene"]

    result = run("preview", "BrokenScene")
    assert result.exit_code == 2 and result.output.startswith(f"Error: {why}")
    result = run("stitch", "02")
    assert result.exit_code == 2 and result.output.startswith(f"Error: lesson 02: {why}")


def test_build_fails_only_the_lesson_whose_module_is_half_saved(project, engine):
    (project / "scenes" / "l02_second" / "scenes.py").write_text(HALF_SAVED)
    result = run("build")
    assert result.exit_code == 1
    assert (project / "media" / "low" / "lessons" / "01_first.mp4").is_file()
    assert "Lesson02Title" not in engine
    assert result.output.splitlines()[-1].startswith(
        "Error: lesson 02 failed: scenes/l02_second/scenes.py is not valid Python: line 2: ")


def test_a_scene_file_that_is_not_utf8(project, engine, tmp_path):
    (project / "scenes" / "l02_second" / "scenes.py").write_bytes(b"# \xff\xfe latin-1 caf\xe9\n")
    listed = run("list")
    assert listed.exit_code == 0
    assert ("error: scenes/l02_second/scenes.py is not UTF-8 text (byte 0xff at offset 2)"
            in listed.output)
    foreign = tmp_path / "latin.py"
    foreign.write_bytes(b"# caf\xe9\n")
    result = run("render", f"{foreign}:Scene")
    assert (result.exit_code, result.output) == (
        2, f"Error: {foreign} is not UTF-8 text (byte 0xe9 at offset 5)\n")


def test_a_curriculum_that_is_not_utf8_is_one_line(project):
    (project / "curriculum.toml").write_bytes(b"# \xe9\n")
    result = run("list")
    assert (result.exit_code, result.output) == (
        1, f"Error: {project / 'curriculum.toml'} is not UTF-8 text (byte 0xe9 at offset 2)\n")


def test_a_curriculum_toml_folder_is_named_not_skipped(tmp_path, monkeypatch):
    monkeypatch.delenv("MATHREEL_ROOT", raising=False)
    (tmp_path / "curriculum.toml").mkdir()
    monkeypatch.chdir(tmp_path)
    result = run("list")
    assert (result.exit_code, result.output) == (
        1, f"Error: {tmp_path / 'curriculum.toml'} is not a file; it must be the "
           "curriculum's TOML file\n")


@pytest.mark.parametrize("number", [-1, 100])
def test_a_lesson_number_outside_0_to_99_is_named(project, number):
    toml = project / "curriculum.toml"
    toml.write_text(toml.read_text().replace("number = 1\n", f"number = {number}\n", 1))
    result = run("list")
    assert (result.exit_code, result.output) == (
        1, f"Error: curriculum.toml: lesson #1 in the file: number {number} must be 0-99 "
           "(it names scenes/lNN_<slug>/)\n")


def test_a_target_class_that_is_not_a_scene(project, tmp_path):
    helper = tmp_path / "helpers.py"
    helper.write_text("class Palette:\n    colours = 3\n")
    result = run("render", f"{helper}:Palette", "--quiet")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "Error: scene Palette failed: TypeError: Palette in helpers.py is not a Manim scene; "
        "accepted: a class deriving from manim's Scene")
