"""Every run of ffmpeg and ffprobe, in one place.

Callers build their commands with ffmpeg-python (or, where it has no word for
an option, as an argument list) and hand them to :func:`run`; files are read
with :func:`probe` (ffmpeg-python's) or, when the log matters as much as the
answer, :func:`ffprobe`. A failure becomes one :class:`EncodeError` whose
message says what was being done and ffmpeg's own last lines, never a
traceback or a bare exit status.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import ffmpeg

INSTALL_HINT = "install ffmpeg (`mathreel doctor`)"
#: the start of a command whose only output is the file it writes (over any old one)
FFMPEG_QUIET = ("ffmpeg", "-nostdin", "-loglevel", "error", "-y")
#: the start of a command whose log is the answer (filters that print what they measure)
FFMPEG_LOG = ("ffmpeg", "-hide_banner", "-nostats")


class EncodeError(RuntimeError):
    """ffmpeg or ffprobe failed; the message has ffmpeg's own last lines."""


def _last_lines(log: str | bytes | None, count: int = 3) -> str:
    if isinstance(log, bytes):
        log = log.decode(errors="replace")
    lines = [line.strip() for line in (log or "").strip().splitlines() if line.strip()]
    return " / ".join(lines[-count:]) or "failed"


def _args(stream_or_args) -> list[str]:
    if isinstance(stream_or_args, (list, tuple)):
        return [str(a) for a in stream_or_args]
    return stream_or_args.compile()


def run(stream_or_args, what: str, *, cwd: Path | None = None, timeout: float | None = None,
        check: bool = True) -> str:
    """Run ffmpeg (an ffmpeg-python output stream, or a whole argument list
    starting with ``ffmpeg``) and return its log (stderr). With ``check``, a
    non-zero exit is an EncodeError ``"<what>: ffmpeg: <last lines>"``."""
    args = _args(stream_or_args)
    try:
        proc = subprocess.run(args, capture_output=True, text=True, cwd=cwd, timeout=timeout)
    except FileNotFoundError:
        raise EncodeError(f"{what}: {args[0]} not found; {INSTALL_HINT}") from None
    except subprocess.TimeoutExpired:
        raise EncodeError(f"{what}: ffmpeg still running after {timeout:.0f} s") from None
    if check and proc.returncode != 0:
        raise EncodeError(f"{what}: ffmpeg: {_last_lines(proc.stderr)}")
    return proc.stderr


def probe(path: Path, what: str | None = None) -> dict:
    """ffprobe's JSON (``format`` and ``streams``) for ``path``."""
    try:
        return ffmpeg.probe(str(path))
    except ffmpeg.Error as exc:
        raise EncodeError(f"{what or f'cannot read {path}'}: ffmpeg: "
                          f"{_last_lines(exc.stderr)}") from None
    except FileNotFoundError:
        raise EncodeError(f"{what or f'cannot read {path}'}: ffprobe not found; "
                          f"{INSTALL_HINT}") from None


@dataclass(frozen=True)
class ProbeLog:
    """What one ffprobe run printed, and how it ended."""

    returncode: int
    stdout: str
    stderr: str


def ffprobe(*args: str) -> ProbeLog:
    """Run ``ffprobe`` with ``args`` and keep its log as well as its answer
    (a demuxer error printed on the way is news even when ffprobe ends well)."""
    proc = subprocess.run(["ffprobe", *args], capture_output=True, text=True)
    return ProbeLog(proc.returncode, proc.stdout, proc.stderr)
