"""`mathreel publish youtube|blog` through click's CliRunner: exact errors,
paths printed, help present."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pipeline"))
from publish_fixtures import lesson_media, published_project  # noqa: E402,F401  (fixtures)

from mathreel.cli import cli  # noqa: E402


def run(*args, **env):
    result = CliRunner().invoke(cli, list(args), env=env or None)
    return result.exit_code, result.output


@pytest.fixture
def no_token(monkeypatch, tmp_path):
    monkeypatch.delenv("MATHREEL_YOUTUBE_TOKEN", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no stored sign-in


def test_help_for_every_publish_command():
    for args in (["publish"], ["publish", "youtube"], ["publish", "blog"]):
        code, out = run(*args, "--help")
        assert code == 0 and "Examples:" in out
    code, out = run("publish", "youtube", "--help")
    assert "--upload" in out and "--credentials FILE" in out and "MATHREEL_YOUTUBE_TOKEN" in out


def test_unstitched_lesson_is_one_line_naming_file_and_command(published_project):
    code, out = run("publish", "youtube", "02", "04", "-q", "low")
    assert code == 2
    assert out == ("Error: lesson 04 is not stitched at low quality: "
                   "media/low/lessons/04_norms-and-distances.mp4 is missing; "
                   "run `mathreel stitch 04 -q low`\n")
    assert not (published_project / "media" / "low" / "youtube").exists()  # nothing half-done


def test_default_quality_is_high(published_project):
    code, out = run("publish", "youtube", "02")
    assert code == 2
    assert out == ("Error: lesson 02 is not stitched at high quality: "
                   "media/high/lessons/02_matrix-decompositions.mp4 is missing; "
                   "run `mathreel stitch 02 -q high`\n")


def test_unknown_lesson(published_project):
    code, out = run("publish", "blog", "99", "-q", "low")
    assert (code, out) == (2, "Error: unknown lesson '99'; `mathreel list` shows the lessons\n")


def test_upload_without_credentials_fails_before_any_work(published_project, no_token):
    code, out = run("publish", "youtube", "02", "-q", "low", "--upload")
    assert code == 2
    assert out == ("Error: No YouTube credentials: sign in once with `mathreel publish youtube "
                   "--login CLIENT_SECRET.json`, or pass --credentials FILE or set "
                   "MATHREEL_YOUTUBE_TOKEN to an authorized-user token JSON (see README, "
                   "Publishing).\n")
    assert not (published_project / "media" / "low" / "youtube").exists()


def test_upload_with_a_missing_credentials_file(published_project, tmp_path):
    missing = tmp_path / "token.json"
    code, out = run("publish", "youtube", "02", "-q", "low", "--upload", "--credentials", str(missing))
    assert (code, out) == (2, f"Error: The YouTube credentials file {missing} does not exist.\n")


def test_youtube_prints_bundle_folders(published_project, tmp_path):
    result = CliRunner().invoke(cli, ["publish", "youtube", "02", "03", "-q", "low",
                                      "--out", str(tmp_path / "yt")])
    assert result.exit_code == 0, result.output
    lines = [l for l in result.stdout.splitlines() if l]
    assert lines == [str(tmp_path / "yt" / "02_matrix-decompositions"),
                     str(tmp_path / "yt" / "03_matrix-calculus")]
    assert (tmp_path / "yt" / "03_matrix-calculus" / "metadata.json").is_file()
    assert "warning: lesson 02: YouTube will not show chapters" in result.stderr


def test_blog_without_stitched_lessons(published_project):
    code, out = run("publish", "blog")  # nothing at high quality
    assert (code, out) == (2, "Error: no lesson is stitched at high quality; "
                              "run `mathreel stitch LESSON -q high` first\n")


def test_blog_prints_the_index(published_project):
    code, out = run("publish", "blog", "-q", "low", "03")
    assert code == 0, out
    index = published_project / "media" / "low" / "blog" / "index.html"
    assert out == f"{index}\n"
    assert "03_matrix-calculus.html" in index.read_text()
