"""`mathreel stitch` and `mathreel build` as a user meets them: exact error
text, exit codes, and a failed scene failing only its lesson."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pipeline"))

from lesson_media import LESSON_01, damage, fake_render, make_project  # noqa: E402
from mathreel import build as build_module  # noqa: E402
from mathreel.cli import cli  # noqa: E402
from mathreel.progress import PlainReporter  # noqa: E402
from mathreel.project import course_video, lesson_video, scene_video, still_image  # noqa: E402
from mathreel.render import RenderResult  # noqa: E402


def run(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = make_project(tmp_path)
    monkeypatch.setenv("MATHREEL_ROOT", str(root))
    monkeypatch.delenv("MATHREEL_VOICE", raising=False)
    return root


@pytest.fixture
def fake_engine(project, monkeypatch):
    """render_many stand-in: synthetic clips for known scenes (made when
    missing or forced, like a cache hit otherwise); BrokenScene fails; the
    scenes in ``render_many.stills`` come out as PNGs (still scenes).
    ``render_many.voices``: the voice each job's render process would inherit;
    ``render_many.options``: the engine options of the last call."""
    calls, voices = [], []

    def render_many(root, jobs, **kwargs):
        render_many.options = kwargs
        results = []
        for job in jobs:
            calls.append(job.scene.name)
            voices.append(os.environ.get("MATHREEL_VOICE"))
            video = scene_video(root, job.quality.name, job.scene.name)
            if job.scene.name == "BrokenScene":
                result = RenderResult(job, False, 0.1, error="ZeroDivisionError: division by zero")
            elif job.scene.name in render_many.stills:  # no animation: Manim writes a PNG
                png = still_image(video)
                png.write_bytes(b"\x89PNG\r\n\x1a\n")
                result = RenderResult(job, True, 0.1, outputs={"image": png})
            elif video.is_file() and not kwargs.get("force"):
                result = RenderResult(job, True, 0.0, outputs={"video": video}, cached=True)
            else:
                video = fake_render(root, job.quality.name, job.scene.name)
                result = RenderResult(job, True, 0.1, outputs={"video": video})
            if kwargs.get("on_result"):
                kwargs["on_result"](result)
            results.append(result)
        return results

    render_many.voices = voices
    render_many.stills = set()
    monkeypatch.setattr(build_module, "render_many", render_many)
    return calls


def test_stitch_needs_a_lesson_or_course(project):
    result = run("stitch")
    assert (result.exit_code, result.output) == (
        2, "Error: name a lesson (e.g. `mathreel stitch 02`) or pass --course\n")


def test_stitch_unknown_lesson(project):
    result = run("stitch", "42")
    assert (result.exit_code, result.output) == (
        2, "Error: unknown lesson '42'; accepted: a lesson number (01-03) or slug "
           "(see `mathreel list`)\n")


def test_stitch_a_lesson_without_scenes(project):
    result = run("stitch", "later")
    assert (result.exit_code, result.output) == (2, "Error: lesson 03 (later) has no scenes yet\n")


def test_stitch_before_rendering_says_what_to_run(project):
    result = run("stitch", "01")
    assert (result.exit_code, result.output) == (
        2, "Error: lesson 01: not rendered at low quality: AlphaScene, BetaScene, GammaScene, "
           "DeltaScene; run `mathreel build 01 -q low`\n")


def test_build_fails_the_lesson_that_lists_a_still_scene(project, fake_engine):
    build_module.render_many.stills.add("GammaScene")
    result = run("build", "first")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "Error: lesson 01 failed: lesson 01: GammaScene is a still scene (no play() or wait(), "
        "so the render is a PNG) and a lesson joins videos; give it an animation or a self.wait()")
    assert not lesson_video(project, "low", 1, "first").exists()


def test_stitch_bad_voice(project):
    result = run("stitch", "01", "--voice", "robot")
    assert result.exit_code == 2
    assert result.output.startswith("Error: Invalid value for '--voice' (env var: 'MATHREEL_VOICE'): "
                                    "'robot' is not one of")
    assert result.output.endswith("\nTry 'mathreel stitch --help' for help.\n")


def test_stitch_renders_the_title_card_and_prints_the_video(project, fake_engine):
    for name in LESSON_01[1:]:
        fake_render(project, "low", name)
    result = run("stitch", "01")
    assert result.exit_code == 0, result.output
    assert fake_engine == ["Lesson01Title"]
    assert result.stdout == f"{lesson_video(project, 'low', 1, 'first')}\n"
    assert "5 parts, 0:40.00, stream copy, 3 chapters" in result.stderr
    assert "note: chapter 'Beta, titled' (4.0 s) is shorter than 10 s: merged into 'Alpha scene'" \
        in result.stderr


def test_the_course_needs_every_lesson_with_scenes(project, fake_engine):
    for name in LESSON_01[1:]:
        fake_render(project, "low", name)
    assert run("stitch", "01").exit_code == 0
    result = run("stitch", "--course")
    assert (result.exit_code, result.stderr) == (
        2, "Error: course: lessons not stitched at low quality: 02; run `mathreel build -q low`\n")


def test_build_fails_only_the_lesson_whose_scene_failed(project, fake_engine):
    result = run("build", "-q", "low")
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "Error: lesson 02 failed: scene BrokenScene failed: ZeroDivisionError: division by zero\n")
    assert "course not joined: lesson(s) 02 failed" in result.stderr
    assert "skipped (no scenes yet): 03" in result.stderr
    assert lesson_video(project, "low", 1, "first").is_file()  # the other lesson finished
    assert not lesson_video(project, "low", 2, "second").exists()
    assert not course_video(project, "low").exists()
    assert fake_engine == ["Lesson01Title", *LESSON_01[1:], "Lesson02Title", "BrokenScene"]


def test_build_named_lessons_makes_no_course(project, fake_engine):
    result = run("build", "first", "--burn")
    assert result.exit_code == 0, result.output
    burned = lesson_video(project, "low", 1, "first").with_name("01_first.burned.mp4")
    assert result.stdout.splitlines() == [str(lesson_video(project, "low", 1, "first")),
                                          str(burned)]
    assert not course_video(project, "low").exists()
    assert scene_video(project, "low", "BrokenScene").exists() is False


def test_build_sets_the_voice_for_the_render_processes(project, fake_engine, monkeypatch):
    monkeypatch.delenv("MATHREEL_VOICE", raising=False)
    run("build", "first", "--voice", "espeak")
    assert set(build_module.render_many.voices) == {"espeak"}
    assert "MATHREEL_VOICE" not in os.environ  # the caller's environment is left as it was


def test_a_second_build_joins_nothing_again(project, fake_engine):
    assert run("build", "first").exit_code == 0
    video = lesson_video(project, "low", 1, "first")
    written = video.stat().st_mtime_ns
    result = run("build", "first")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{video}\n"
    assert "5 parts, 0:40.00, stream copy, 3 chapters, up to date" in result.stderr
    assert video.stat().st_mtime_ns == written
    forced = run("build", "first", "--force")
    assert forced.exit_code == 0 and "up to date" not in forced.stderr
    assert build_module.render_many.options["force"] is True
    assert video.stat().st_mtime_ns != written


def test_build_takes_the_render_engine_options(project, fake_engine):
    result = run("build", "first", "-j", "1", "--quiet", "--encoder", "release")
    assert result.exit_code == 0, result.output
    options = build_module.render_many.options
    assert (options["n_jobs"], options["encoder"], options["force"]) == (1, "release", False)
    reporter = options["reporter"]  # --quiet: failures only, one plain line each
    assert isinstance(reporter, PlainReporter) and reporter.quiet


def test_build_with_an_unreachable_scheduler_is_one_line(project):
    result = run("build", "first", "--scheduler", "tcp://127.0.0.1:9", "--quiet")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")
    assert len(result.stderr.splitlines()) == 1


# ---- stitch checks what it joins (issue #14, items 4-5)

def test_stitch_refuses_a_scene_damaged_in_place_even_with_its_old_mtime(project, fake_engine):
    for name in LESSON_01[1:]:
        fake_render(project, "low", name)
    alpha = scene_video(project, "low", "AlphaScene")
    damage(alpha, 0.5)  # same size, same modification time
    result = run("stitch", "01")
    assert result.exit_code == 2
    assert result.output == (f"Error: {alpha} is damaged (its content is not what was written); "
                             "run `mathreel render AlphaScene -q low --force`\n")
    assert not lesson_video(project, "low", 1, "first").exists()
    fake_render(project, "low", "AlphaScene")  # what `render --force` does
    result = run("stitch", "01")
    assert result.exit_code == 0, result.output
    assert "5 parts, 0:40.00" in result.stderr  # 3 + 12 + 4 + 11 + 10 s (lesson_media)


def test_stitch_refuses_a_scene_without_a_render_record(project, fake_engine):
    for name in LESSON_01[1:]:
        fake_render(project, "low", name)
    record = project / "media" / ".cache" / "low" / "video" / "GammaScene.json"
    record.unlink()
    result = run("stitch", "01")
    gamma = scene_video(project, "low", "GammaScene")
    assert (result.exit_code, result.output) == (
        2, f"Error: {gamma} has no render record, so it cannot be checked; "
           "run `mathreel render GammaScene -q low --force`\n")
