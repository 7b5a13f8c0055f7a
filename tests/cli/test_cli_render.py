"""`mathreel render` engine options and `preview --watch`, through CliRunner."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "pipeline"))
from engine_kit import make_project  # noqa: E402

from mathreel.cli import cli  # noqa: E402


@pytest.fixture()
def project(tmp_path, monkeypatch):
    root = make_project(tmp_path)
    monkeypatch.setenv("MATHREEL_ROOT", str(root))
    monkeypatch.chdir(root)
    return root


def run(*args):
    return CliRunner().invoke(cli, list(args), standalone_mode=True)


def test_bad_jobs_is_a_one_line_error(project):
    result = run("render", "ChunkSafe", "-j", "0")
    assert result.exit_code == 2
    assert result.output == ("Error: Invalid value for '-j' / '--jobs': 0 is not in the range x>=1.\n"
                             "Try 'mathreel render --help' for help.\n")


def test_bad_encoder_is_a_one_line_error(project):
    result = run("render", "ChunkSafe", "--encoder", "slow")
    assert result.exit_code == 2
    assert result.output == ("Error: Invalid value for '--encoder': 'slow' is not one of "
                             "'fast', 'release'.\nTry 'mathreel render --help' for help.\n")


def test_unreachable_scheduler_is_a_one_line_error(project):
    result = run("render", "ChunkSafe", "--scheduler", "tcp://127.0.0.1:9", "--quiet")
    assert result.exit_code == 2
    assert result.output.startswith(
        "Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")
    assert result.output.count("\n") == 1


def test_render_quiet_prints_paths_then_failures_and_exits_1(project):
    result = run("render", "ChunkSafe", "Broken", "Traced", "-j", "2", "--quiet")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert str(project / "media" / "low" / "scenes" / "ChunkSafe.mp4") in lines
    assert str(project / "media" / "low" / "scenes" / "Traced.mp4") in lines
    assert ("failed    Broken [low]  RuntimeError: this scene is broken on purpose") in lines
    assert lines[-1] == ("Error: scene Broken failed: RuntimeError: this scene is broken "
                         "on purpose")
    again = run("render", "ChunkSafe", "Traced", "--quiet")  # all cached
    assert again.exit_code == 0
    assert again.output.splitlines() == [
        str(project / "media" / "low" / "scenes" / "ChunkSafe.mp4"),
        str(project / "media" / "low" / "scenes" / "Traced.mp4")]


def test_force_renders_again(project):
    assert run("render", "Traced", "--quiet").exit_code == 0
    result = run("render", "Traced", "--force")  # not a terminal: plain lines
    assert result.exit_code == 0
    assert any(line.startswith("done      Traced [low]") for line in result.output.splitlines())


def test_help_names_the_engine_options(project):
    text = run("render", "--help").output
    for option in ("-j, --jobs N", "--force", "--scheduler ADDRESS", "--quiet", "--encoder"):
        assert option in text
    assert "--watch" in run("preview", "--help").output


# ---- foreign scenes render into their own namespace (issue #14, item 2)

IMPOSTOR = '''
from manim import RED, Dot, FadeIn, Scene


class ChunkSafe(Scene):
    def construct(self):
        self.play(FadeIn(Dot(color=RED)), run_time={seconds})
'''


def _seconds(video: Path) -> float:
    import subprocess
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration",
                          "-of", "csv=p=0", str(video)], capture_output=True, text=True, check=True)
    return float(out.stdout)


def test_a_foreign_scene_with_a_curriculum_class_name_collides_with_nothing(project, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "other.py").write_text(IMPOSTOR.format(seconds=0.4))
    (elsewhere / "another.py").write_text(IMPOSTOR.format(seconds=0.8))
    assert run("render", "ChunkSafe", "--quiet").exit_code == 0
    ours = project / "media" / "low" / "scenes" / "ChunkSafe.mp4"
    ours_bytes, ours_srt = ours.read_bytes(), ours.with_suffix(".srt").read_text()
    record = project / "media" / ".cache" / "low" / "video" / "ChunkSafe.json"
    ours_record = record.read_text()

    first = run("render", str(elsewhere / "other.py") + ":ChunkSafe", "--quiet")
    second = run("render", str(elsewhere / "another.py") + ":ChunkSafe", "--quiet")
    assert (first.exit_code, second.exit_code) == (0, 0), first.output + second.output
    foreign = project / "media" / "low" / "files"
    assert first.output == f"{foreign / 'other' / 'ChunkSafe.mp4'}\n"
    assert second.output == f"{foreign / 'another' / 'ChunkSafe.mp4'}\n"
    # each file's own video (the fixture's 0.4 s and 0.8 s fade), own record
    assert abs(_seconds(foreign / "other" / "ChunkSafe.mp4") - 0.4) < 0.1
    assert abs(_seconds(foreign / "another" / "ChunkSafe.mp4") - 0.8) < 0.1
    records = project / "media" / ".cache" / "low" / "video" / "files"
    assert (records / "other" / "ChunkSafe.json").is_file()
    assert (records / "another" / "ChunkSafe.json").is_file()
    # the curriculum scene is untouched: video, captions, record; still a cache hit
    assert ours.read_bytes() == ours_bytes
    assert ours.with_suffix(".srt").read_text() == ours_srt
    assert record.read_text() == ours_record
    again = run("render", "ChunkSafe")
    assert again.exit_code == 0 and "cached    ChunkSafe [low]" in again.output


def test_a_curriculum_file_target_keeps_the_curriculum_paths(project):
    result = run("render", "scenes/l01_fixture/scenes.py:Traced", "--quiet")
    assert result.exit_code == 0, result.output
    assert result.output == f"{project / 'media' / 'low' / 'scenes' / 'Traced.mp4'}\n"


# ---- what the render cache promises, and what stitch checks (issue #14, items 4-5)

def test_the_cache_trusts_size_and_mtime_and_the_record_catches_the_rest(project):
    from lesson_media import damage

    from mathreel.curriculum import load_curriculum
    from mathreel.verify import DamagedVideoError, check_render

    assert run("render", "ChunkSafe", "--quiet").exit_code == 0
    scene = load_curriculum(project).scene("ChunkSafe")
    repair = "mathreel render ChunkSafe -q low --force"
    check_render(project, "low", scene, repair)  # a real render's record matches ffprobe
    video = project / "media" / "low" / "scenes" / "ChunkSafe.mp4"
    damage(video, 0.5, length=300)
    # documented (README, Cache): a hit compares size and modification time only
    assert "cached    ChunkSafe [low]" in run("render", "ChunkSafe").output
    with pytest.raises(DamagedVideoError, match="its content is not what was written"):
        check_render(project, "low", scene, repair)
    assert run("render", "ChunkSafe", "--force", "--quiet").exit_code == 0
    check_render(project, "low", scene, repair)


def test_render_in_a_project_whose_path_holds_a_quote_and_a_colon(tmp_path, monkeypatch):
    """Manim's segment list did not quote a ' (issue #14, item 12)."""
    root = tmp_path / "it's: odd"
    root.mkdir()
    make_project(root)
    monkeypatch.setenv("MATHREEL_ROOT", str(root))
    monkeypatch.chdir(root)
    result = run("render", "Traced", "--quiet")
    assert result.exit_code == 0, result.output
    video = root / "media" / "low" / "scenes" / "Traced.mp4"
    assert result.output == f"{video}\n" and _seconds(video) == pytest.approx(1.6, abs=0.1)
