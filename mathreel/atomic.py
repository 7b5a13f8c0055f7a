"""Atomic outputs: every file and folder mathreel writes appears whole or not
at all. Work happens under a temporary name beside the target (same file
system), then one rename puts it in place, so a crash, Ctrl-C or kill never
leaves a half-written file that a later run could take for valid.

A process killed outright (SIGKILL, a power cut) cannot remove its
temporaries, so their names carry the writer's pid
(``.<name>.mathreel-tmp-<pid>-<random>``); whoever next writes into that
folder removes those whose process is gone (:func:`sweep`).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


def public(path) -> None:
    """Give a file made by mkstemp (0600) the usual permissions (0666 less umask)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


TEMP_RE = re.compile(r"\.mathreel-(?:tmp|old)-(\d+)-")


def temp_tag() -> str:
    """The part of a temporary name that says whose it is."""
    return f"mathreel-tmp-{os.getpid()}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's: alive
        return True
    return True


def sweep(folder: Path) -> list[Path]:
    """Remove the temporaries in ``folder`` left by processes that no longer
    run (killed before they could clean up); returns what was removed."""
    removed = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = TEMP_RE.search(entry.name)
        if not match or not entry.name.startswith(".") or _alive(int(match[1])):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed


def temp_dir(folder: Path, name: str) -> tempfile.TemporaryDirectory:
    """A private working folder inside ``folder`` (removed when done, and
    by :func:`sweep` if this process is killed first)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    sweep(folder)
    return tempfile.TemporaryDirectory(prefix=f".{name}.{temp_tag()}", dir=folder)


def temp_beside(path: Path) -> Path:
    """A new empty file next to ``path``, with the same suffix (tools such as
    ffmpeg pick the format from it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.{temp_tag()}", suffix=path.suffix,
                               dir=path.parent)
    os.close(fd)
    public(tmp)
    return Path(tmp)


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block succeeds it
    replaces ``path``, when it fails it is removed."""
    path = Path(path)
    tmp = temp_beside(path)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_text(path: Path, text: str) -> Path:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` atomically."""
    with replacing(Path(path)) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")
    return Path(path)


def write_json(path: Path, data) -> Path:
    """Write ``data`` as JSON (one-space indent) to ``path`` atomically."""
    with replacing(Path(path)) as tmp:
        tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return Path(path)


class DestinationError(ValueError):
    """A folder mathreel was asked to replace is not its own to replace; the
    message names it and says what is accepted."""


def _contains(folder: Path, path: Path) -> bool:
    return path == folder or folder in path.parents


def check_replaceable(dest: Path, marker: str, *, protect: tuple[Path, ...] = (),
                      own_files: frozenset[str] = frozenset()) -> Path:
    """``dest`` made absolute, if mathreel may replace it as a whole: it does
    not exist, is an empty folder, holds ``marker`` (a file mathreel writes
    into every folder it replaces), or holds nothing but plain files named in
    ``own_files`` (what an older mathreel wrote there before the marker
    existed). A folder holding or equal to one of ``protect`` (the project
    root) or the working directory is refused, whatever it holds. Raise
    DestinationError otherwise."""
    dest = Path(os.path.abspath(Path(dest).expanduser()))
    kept = [("the project", Path(p)) for p in protect] + [("the working directory", Path.cwd())]
    for what, folder in kept:
        if _contains(dest.resolve(), folder.resolve()):
            raise DestinationError(f"refusing to write to {dest}: it is or contains {what} "
                                   f"({folder.resolve()}), and the output folder is replaced "
                                   "as a whole; choose a new or empty folder")
    if dest.is_symlink() or (dest.exists() and not dest.is_dir()):
        kind = "a symbolic link" if dest.is_symlink() else "not a folder"
        raise DestinationError(f"refusing to write to {dest}: it exists and is {kind}; "
                               "choose a new or empty folder")
    if dest.is_dir():
        try:
            entries = {entry.name for entry in dest.iterdir()}
        except OSError as exc:
            raise DestinationError(f"cannot read {dest}: {exc.strerror}") from None
        ours = all(name in own_files and (dest / name).is_file()
                   and not (dest / name).is_symlink() for name in entries)
        if entries and marker not in entries and not ours:
            raise DestinationError(
                f"refusing to replace {dest}: it is not empty and was not written by mathreel "
                f"(no {marker} in it); choose a new or empty folder, or remove it yourself")
    return dest


@contextlib.contextmanager
def atomic_dir(dest: Path, marker: str, *, protect: tuple[Path, ...] = (),
               own_files: frozenset[str] = frozenset()) -> Iterator[Path]:
    """Yield an empty private folder beside ``dest``; on success it replaces
    ``dest`` (with ``marker`` written into it), on failure it is removed and
    ``dest`` is left as it was.

    ``dest`` must pass :func:`check_replaceable` first: a folder that is not
    mathreel's own is never deleted (DestinationError instead), so pointing
    ``--out`` at a folder of other files loses nothing.
    """
    dest = check_replaceable(dest, marker, protect=protect, own_files=own_files)
    existing = next(folder for folder in dest.parents if folder.exists())
    if not existing.is_dir():
        raise DestinationError(f"cannot write to {dest}: {existing} is a file, not a folder")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        sweep(dest.parent)
        tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.{temp_tag()}", dir=dest.parent))
    except OSError as exc:
        raise DestinationError(f"cannot write to {dest}: {exc.strerror or exc}") from None
    try:
        yield tmp
        (tmp / marker).write_text("written by mathreel: the folder is replaced as a whole "
                                  "on every run\n", encoding="utf-8")
        os.chmod(tmp, 0o755)
        # again: files may have been put there while the new folder was written
        check_replaceable(dest, marker, protect=protect, own_files=own_files)
        _swap(tmp, dest)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # gone already after a swap


def _swap(tmp: Path, dest: Path) -> None:
    """Put ``tmp`` at ``dest``; the old ``dest`` (checked to be mathreel's or
    empty) is renamed aside first and put back if the second rename fails."""
    old = None
    try:
        if dest.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{dest.name}.mathreel-old-{os.getpid()}-",
                                        dir=dest.parent))
            os.replace(dest, old)  # an empty folder is replaced by a rename
        os.rename(tmp, dest)
    except OSError as exc:
        if old is not None and not dest.exists():
            os.rename(old, dest)
            old = None
        raise DestinationError(f"cannot write to {dest}: {exc.strerror or exc}") from None
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
