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


@contextlib.contextmanager
def atomic_dir(dest: Path) -> Iterator[Path]:
    """Yield an empty private folder beside ``dest``; on success it replaces
    ``dest``, on failure it is removed and ``dest`` is left as it was."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    sweep(dest.parent)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.{temp_tag()}", dir=dest.parent))
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    os.chmod(tmp, 0o755)
    old = None
    if dest.exists():
        old = dest.parent / f".{dest.name}.mathreel-old-{os.getpid()}-"
        shutil.rmtree(old, ignore_errors=True)
        dest.rename(old)
    tmp.rename(dest)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
