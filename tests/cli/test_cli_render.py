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
