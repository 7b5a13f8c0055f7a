"""Captions: read and write SRT and WebVTT, shift cues, merge scenes into a lesson.

Manim writes one ``.srt`` per scene from the narration beats. A lesson's
captions are those cues, each shifted by its scene's start in the lesson,
then made well-formed: ordered, non-overlapping, inside the video.
Times are kept in seconds as floats and rounded to milliseconds only when
written, from the same absolute value, so cues that touch stay touching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from .atomic import write_text

_TIME_RE = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})[,.](\d{1,3})")
_ARROW_RE = re.compile(r"^\s*(\S+)\s+-->\s+(\S+)")


class CaptionError(ValueError):
    """A caption file cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str


def _parse_time(text: str, where: str) -> float:
    match = _TIME_RE.fullmatch(text.strip())
    if not match:
        raise CaptionError(f"{where}: bad timestamp {text!r}")
    hours, minutes, seconds, millis = match.groups()
    return (int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
            + int(millis.ljust(3, "0")) / 1000)


def parse_srt(text: str, name: str = "<srt>") -> list[Cue]:
    """Cues of an SRT document (also accepts WebVTT-style ``.`` millis)."""
    cues: list[Cue] = []
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\ufeff", "").strip())
    line_no = 1
    for block in blocks:
        lines = block.split("\n")
        arrow_at = next((i for i, l in enumerate(lines) if "-->" in l), None)
        if arrow_at is None:
            if block.strip():
                raise CaptionError(f"{name}:{line_no}: a cue without a 'start --> end' line")
            continue
        match = _ARROW_RE.match(lines[arrow_at])
        where = f"{name}:{line_no + arrow_at}"
        if not match:
            raise CaptionError(f"{where}: bad timing line {lines[arrow_at]!r}")
        start, end = _parse_time(match[1], where), _parse_time(match[2], where)
        body = "\n".join(l for l in lines[arrow_at + 1:] if l.strip())
        if body:
            cues.append(Cue(start, end, body))
        line_no += len(lines) + 1
    return cues


def read_srt(path: Path) -> list[Cue]:
    return parse_srt(Path(path).read_text(encoding="utf-8-sig"), str(path))


def _timestamp(seconds: float, sep: str) -> str:
    millis = int(round(max(seconds, 0.0) * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{sep}{millis:03d}"


def format_srt(cues: list[Cue]) -> str:
    return "".join(
        f"{i}\n{_timestamp(c.start, ',')} --> {_timestamp(c.end, ',')}\n{c.text}\n\n"
        for i, c in enumerate(cues, 1))


def _vtt_text(text: str) -> str:
    # WebVTT reserves '<' and '&' for markup, and a line with '-->' ends a cue.
    text = text.replace("-->", "->")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def format_vtt(cues: list[Cue]) -> str:
    body = "".join(
        f"{i}\n{_timestamp(c.start, '.')} --> {_timestamp(c.end, '.')}\n{_vtt_text(c.text)}\n\n"
        for i, c in enumerate(cues, 1))
    return "WEBVTT\n\n" + body


def _ms(seconds: float) -> int:
    return int(round(seconds * 1000))


def normalise(cues: list[Cue], duration: float | None = None) -> list[Cue]:
    """Cues sorted by start, clipped to [0, duration], each starting no
    earlier than the previous one ends (compared in whole milliseconds, as
    written); cues left empty are dropped."""
    out: list[Cue] = []
    limit = _ms(duration) if duration is not None else None
    for cue in sorted(cues, key=lambda c: (c.start, c.end)):
        start, end = _ms(cue.start), _ms(cue.end)
        start = max(start, 0, _ms(out[-1].end) if out else 0)
        if limit is not None:
            end = min(end, limit)
        if end <= start:
            continue
        out.append(Cue(start / 1000, end / 1000, cue.text))
    return out


def shift(cues: list[Cue], offset: float) -> list[Cue]:
    return [Cue(c.start + offset, c.end + offset, c.text) for c in cues]


def merge(parts: list[tuple[list[Cue], float, float]]) -> list[Cue]:
    """One timeline from ``(cues, start, duration)`` per part: each part's cues
    are clipped to its own duration, then shifted by its start."""
    merged: list[Cue] = []
    for cues, start, duration in parts:
        merged += shift(normalise(cues, duration), start)
    total = max((start + duration for _, start, duration in parts), default=0.0)
    return normalise(merged, total)


def write_srt(cues: list[Cue], path: Path) -> None:
    write_text(path, format_srt(cues))


def write_captions(cues: list[Cue], srt_path: Path, vtt_path: Path) -> None:
    write_srt(cues, srt_path)
    write_text(vtt_path, format_vtt(cues))


_MICROSECOND = timedelta(microseconds=1)


def _legal_text(text: str) -> str:
    """No blank line inside a cue, none before or after it."""
    if text and text[0] != "\n" and "\n\n" not in text:
        return text
    return re.sub(r"\n\n+", "\n", text.strip("\n"))


def manim_cues(subcaptions: list[tuple[float, float, str]]) -> list[Cue]:
    """Manim's ``(start, end, text)`` subcaptions as the cues of the SubRip
    file Manim writes for them (with the ``srt`` package), so that a scene
    whose captions mathreel writes (joined from chunks) gets the bytes of one
    Manim wrote: times taken to the microsecond, shown truncated to the
    millisecond; cues in time order; cues without text, starting before 0 or
    not before their end dropped; blank lines removed from the text."""
    timed = []
    for start, end, text in subcaptions:
        a = timedelta(seconds=start) // _MICROSECOND
        b = timedelta(seconds=end) // _MICROSECOND
        if text.strip() and 0 <= a < b:
            timed.append((a, b, _legal_text(text)))
    timed.sort(key=lambda cue: cue[:2])
    return [Cue(a // 1000 / 1000, b // 1000 / 1000, text) for a, b, text in timed]
