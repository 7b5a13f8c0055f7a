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
    assert (code, out) == (2, "Error: unknown lesson '99'; accepted: a lesson number (02-04) or slug "
                              "(see `mathreel list`)\n")


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


# ---- --out never deletes what mathreel did not write (issue #14, item 1)

def _no_temp_copies(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if "mathreel-tmp-" in p.name
            or "mathreel-old-" in p.name]


def test_blog_out_refuses_a_folder_of_other_files(published_project, tmp_path):
    thesis = tmp_path / "thesis"
    thesis.mkdir()
    (thesis / "thesis.tex").write_text("years of work")
    code, out = run("publish", "blog", "-q", "low", "--out", str(thesis))
    assert code == 2
    assert out == (f"Error: refusing to replace {thesis}: it is not empty and was not written by "
                   "mathreel (no .mathreel-site in it); choose a new or empty folder, "
                   "or remove it yourself\n")
    assert (thesis / "thesis.tex").read_text() == "years of work"
    assert sorted(p.name for p in thesis.iterdir()) == ["thesis.tex"]
    assert _no_temp_copies(tmp_path) == []


def test_blog_out_replaces_an_empty_folder_then_its_own_site(published_project, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    assert run("publish", "blog", "-q", "low", "--out", str(site))[0] == 0
    assert (site / ".mathreel-site").is_file() and (site / "index.html").is_file()
    (site / "stale.html").write_text("from the last run")
    code, out = run("publish", "blog", "-q", "low", "--out", str(site))
    assert (code, out) == (0, f"{site / 'index.html'}\n")
    assert not (site / "stale.html").exists()
    assert _no_temp_copies(tmp_path) == []


@pytest.mark.parametrize("where", ["root", "ancestor", "dot"])
def test_blog_out_refuses_the_project_and_its_ancestors(published_project, monkeypatch, where):
    (published_project / "notes.txt").write_text("uncommitted")
    before = sorted(p.name for p in published_project.iterdir())
    monkeypatch.chdir(published_project)
    out = {"root": str(published_project), "ancestor": str(published_project.parent),
           "dot": "."}[where]
    code, text = run("publish", "blog", "-q", "low", "--out", out)
    assert code == 2
    assert text.startswith(f"Error: refusing to write to {Path(out).absolute().resolve()}: "
                           "it is or contains the project")
    assert text.count("\n") == 1
    assert sorted(p.name for p in published_project.iterdir()) == before
    assert (published_project / "notes.txt").read_text() == "uncommitted"
    assert _no_temp_copies(published_project) == _no_temp_copies(published_project.parent) == []


def test_blog_out_refuses_the_working_directory(published_project, tmp_path, monkeypatch):
    outer = tmp_path / "outer"
    (outer / "here").mkdir(parents=True)
    monkeypatch.chdir(outer / "here")
    code, out = run("publish", "blog", "-q", "low", "--out", str(outer))
    assert code == 2 and "it is or contains the working directory" in out
    assert (outer / "here").is_dir() and _no_temp_copies(tmp_path) == []


def test_blog_out_below_a_file_or_unwritable_is_one_line(published_project, tmp_path):
    afile = tmp_path / "file"
    afile.write_text("x")
    code, out = run("publish", "blog", "-q", "low", "--out", str(afile / "sub"))
    assert (code, out) == (2, f"Error: cannot write to {afile / 'sub'}: {afile} is a file, not a folder\n")
    code, out = run("publish", "blog", "-q", "low", "--out", str(afile))
    assert (code, out) == (2, f"Error: Invalid value for '-o' / '--out': Directory '{afile}' "
                              "is a file.\nTry 'mathreel publish blog --help' for help.\n")
    assert afile.read_text() == "x"
    # sysfs refuses new folders to every user, root included
    code, out = run("publish", "blog", "-q", "low", "--out", "/sys/mathreel-site")
    assert (code, out) == (2, "Error: cannot write to /sys/mathreel-site: "
                              "Operation not permitted\n")


def test_youtube_bundle_folder_of_other_files_is_kept(published_project, tmp_path):
    bundle = tmp_path / "yt" / "02_matrix-decompositions"
    bundle.mkdir(parents=True)
    (bundle / "my-edit.mp4").write_text("hand-made cut")
    code, out = run("publish", "youtube", "02", "-q", "low", "--out", str(tmp_path / "yt"))
    assert code == 2
    assert out == (f"Error: refusing to replace {bundle}: it is not empty and was not written by "
                   "mathreel (no .mathreel-bundle in it); choose a new or empty folder, "
                   "or remove it yourself\n")
    assert sorted(p.name for p in bundle.iterdir()) == ["my-edit.mp4"]
    assert _no_temp_copies(bundle.parent) == []


def test_publish_refuses_a_lesson_damaged_in_place(published_project, tmp_path):
    from lesson_media import damage

    video = published_project / "media" / "low" / "lessons" / "03_matrix-calculus.mp4"
    damage(video, 0.5)  # same size and mtime; the shared clip is not touched
    expected = (f"Error: {video} is damaged (its content is not what was written); "
                "run `mathreel stitch 03 -q low --force`\n")
    assert run("publish", "blog", "-q", "low", "--out", str(tmp_path / "site")) == (2, expected)
    assert run("publish", "youtube", "03", "-q", "low", "--out", str(tmp_path / "yt")) == \
        (2, expected)
    assert not (tmp_path / "site").exists() and not (tmp_path / "yt").exists()


@pytest.mark.parametrize("content, detail", [
    ("[1, 2]", "a JSON list, not an object"),
    ('"token"', "a JSON str, not an object"),
])
def test_upload_with_credentials_that_are_not_a_json_object(published_project, tmp_path,
                                                            content, detail):
    creds = tmp_path / "token.json"
    creds.write_text(content)
    code, out = run("publish", "youtube", "02", "-q", "low", "--upload", "--credentials",
                    str(creds))
    assert (code, out) == (2, f"Error: {creds} is not an authorized-user token JSON "
                              f"({detail}).\n")
    assert not (published_project / "media" / "low" / "youtube").exists()


def test_a_bundle_written_before_the_marker_is_still_replaced(published_project, tmp_path):
    bundle = tmp_path / "yt" / "02_matrix-decompositions"
    bundle.mkdir(parents=True)
    for name in ("02_matrix-decompositions.mp4", "description.txt", "metadata.json"):
        (bundle / name).write_text("from an older mathreel")
    code, out = run("publish", "youtube", "02", "-q", "low", "--out", str(tmp_path / "yt"))
    assert code == 0 and out.splitlines()[-1] == str(bundle)
    assert (bundle / ".mathreel-bundle").is_file()
    assert (bundle / "description.txt").read_text() != "from an older mathreel"
