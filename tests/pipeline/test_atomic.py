"""mathreel.atomic.atomic_dir never deletes a folder that is not mathreel's
(issue #14, item 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mathreel.atomic import DestinationError, atomic_dir


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_files_put_into_the_folder_while_it_was_being_written_are_kept(tmp_path):
    dest = tmp_path / "site"
    dest.mkdir()  # empty when the work starts: replaceable
    with pytest.raises(DestinationError, match="it is not empty and was not written by mathreel"):
        with atomic_dir(dest, ".mark") as tmp:
            (tmp / "index.html").write_text("new")
            (dest / "notes.txt").write_text("typed meanwhile")
    assert [p.name for p in dest.iterdir()] == ["notes.txt"]
    assert leftovers(tmp_path) == []


def test_a_failure_inside_leaves_the_old_folder_and_no_temp(tmp_path):
    dest = tmp_path / "site"
    with atomic_dir(dest, ".mark") as tmp:
        (tmp / "index.html").write_text("first")
    with pytest.raises(RuntimeError):
        with atomic_dir(dest, ".mark") as tmp:
            (tmp / "index.html").write_text("second")
            raise RuntimeError("ffmpeg failed")
    assert (dest / "index.html").read_text() == "first"
    assert leftovers(tmp_path) == []


def test_a_symbolic_link_is_not_followed_nor_replaced(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "thesis.tex").write_text("keep")
    link = tmp_path / "link"
    link.symlink_to(real)
    with pytest.raises(DestinationError, match="it exists and is a symbolic link"):
        with atomic_dir(link, ".mark"):
            pass
    assert link.is_symlink() and (real / "thesis.tex").read_text() == "keep"
