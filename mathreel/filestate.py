"""File state and digests: the one place mathreel asks whether a file changed.

On the model of doit's ``MD5Checker``: a file's *stamp* (size, modification
time in nanoseconds) is the cheap check, read first; its SHA-256 is the
expensive one, computed only when the stamp is not the one a digest was
remembered with. Three memories of digests, by how long they last:

* :func:`file_digest`: for the life of the process (render keys);
* :func:`remembered_sha256`: across runs, in :data:`HASH_MEMO` (the voice
  model, 63 MB: 0.3 s to read, 1 ms remembered);
* :func:`sha256_file`: none, for what is checked once (a receipt, a record).
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from .atomic import write_text

HASH_MEMO = Path.home() / ".cache" / "mathreel" / "file-hashes.json"


def stamp(path: Path) -> list[int]:
    """``[size, mtime_ns]`` of ``path`` (OSError when it cannot be read)."""
    stat = Path(path).stat()
    return [stat.st_size, stat.st_mtime_ns]


def stamp_or_none(path: Path | None) -> list[int] | None:
    """:func:`stamp`, or None when there is no such file."""
    try:
        return stamp(path) if path is not None else None
    except OSError:
        return None


def sha256_file(path: Path) -> str:
    """SHA-256 of a file's bytes, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@lru_cache(maxsize=4096)
def _digest_at(path: str, size: int, mtime_ns: int) -> str:
    return sha256_file(Path(path))


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, remembered in this process while its stamp
    is unchanged."""
    return _digest_at(str(path), *stamp(path))


@lru_cache(maxsize=8)
def _remembered_at(path: str, size: int, mtime_ns: int, memo_file: Path) -> str:
    key = f"{path}|{size}|{mtime_ns}"
    try:
        memo = json.loads(memo_file.read_text())
    except (OSError, ValueError):
        memo = {}
    if isinstance(memo, dict) and isinstance(memo.get(key), str):
        return memo[key]
    digest = sha256_file(Path(path))
    memo = {k: v for k, v in (memo if isinstance(memo, dict) else {}).items()
            if not k.startswith(f"{path}|")}
    memo[key] = digest
    try:
        write_text(memo_file, json.dumps(memo))
    except OSError:
        pass  # a read-only home: hash again next time
    return digest


def remembered_sha256(path: Path, memo_file: Path | None = None) -> str:
    """SHA-256 of a file, remembered across runs in ``memo_file`` (default
    :data:`HASH_MEMO`) while its stamp is unchanged."""
    return _remembered_at(str(path), *stamp(path), memo_file or HASH_MEMO)
