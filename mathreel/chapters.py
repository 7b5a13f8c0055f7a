"""Chapters: one per scene (its curriculum title), kept within YouTube's rules.

YouTube shows chapters from a description only when the list starts at
``0:00``, has at least three entries, ascends, and every chapter lasts at
least ten seconds. A part shorter than that is merged into its neighbour (the
title card into the first scene, any other into the chapter before it) and the
merge is reported; with fewer than three chapters left the YouTube list is
empty (YouTube would show none) while the MP4 keeps the chapters it has.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from .atomic import write_text

MIN_CHAPTER_SECONDS = 10
MIN_CHAPTERS = 3


@dataclass(frozen=True)
class Chapter:
    start: float
    end: float
    title: str

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class ChapterPlan:
    chapters: list[Chapter]
    notes: list[str]  # what was merged, and why the YouTube list may be empty


def _span(a: float, b: float) -> float:
    """A chapter's length as strict as anyone reads it: the lesser of its
    real length and the whole seconds between its displayed (floored)
    timestamps."""
    return min(b - a, math.floor(b) - math.floor(a))


def plan_chapters(segments: list[tuple[float, float, str]], *,
                  leading_untitled: bool = False) -> ChapterPlan:
    """Chapters from ``(start, end, title)`` segments in playing order.

    ``leading_untitled``: the first segment (a title card) never names a
    chapter of its own; it opens the first scene's chapter.
    """
    chapters = [Chapter(s, e, t) for s, e, t in segments if e > s]
    notes: list[str] = []
    if leading_untitled and len(chapters) > 1:
        chapters[:2] = [Chapter(chapters[0].start, chapters[1].end, chapters[1].title)]
    # A short first chapter opens the next one (the list must start at 0:00).
    while len(chapters) > 1 and _span(chapters[0].start, chapters[0].end) < MIN_CHAPTER_SECONDS:
        first, second = chapters[0], chapters[1]
        notes.append(f"chapter '{first.title}' ({first.duration:.1f} s) is shorter than "
                     f"{MIN_CHAPTER_SECONDS} s: merged into '{second.title}'")
        chapters[:2] = [Chapter(first.start, second.end, second.title)]
    # Any later short chapter joins the one before it.
    i = 1
    while i < len(chapters):
        chapter = chapters[i]
        if _span(chapter.start, chapter.end) < MIN_CHAPTER_SECONDS:
            before = chapters[i - 1]
            notes.append(f"chapter '{chapter.title}' ({chapter.duration:.1f} s) is shorter than "
                         f"{MIN_CHAPTER_SECONDS} s: merged into '{before.title}'")
            chapters[i - 1:i + 1] = [Chapter(before.start, chapter.end, before.title)]
        else:
            i += 1
    if chapters:
        chapters[0] = Chapter(0.0, chapters[0].end, chapters[0].title)
    if len(chapters) < MIN_CHAPTERS:
        notes.append(f"only {len(chapters)} chapter(s) of at least {MIN_CHAPTER_SECONDS} s; "
                     f"YouTube needs {MIN_CHAPTERS}, so the YouTube chapter list is left empty")
    return ChapterPlan(chapters, notes)


def youtube_timestamp(seconds: float) -> str:
    """``0:00``, ``4:05``, ``1:02:03``: YouTube's description format."""
    total = int(math.floor(seconds + 1e-9))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def youtube_problems(chapters: list[Chapter]) -> list[str]:
    """Which of YouTube's chapter rules the list breaks (empty: none)."""
    problems = []
    if len(chapters) < MIN_CHAPTERS:
        problems.append(f"fewer than {MIN_CHAPTERS} chapters")
    if chapters and math.floor(chapters[0].start) != 0:
        problems.append("the first chapter does not start at 0:00")
    for a, b in zip(chapters, chapters[1:]):
        if math.floor(b.start) <= math.floor(a.start):
            problems.append(f"'{b.title}' does not start after '{a.title}'")
    for c in chapters:
        if _span(c.start, c.end) < MIN_CHAPTER_SECONDS:
            problems.append(f"'{c.title}' is shorter than {MIN_CHAPTER_SECONDS} s")
    return problems


def format_youtube(chapters: list[Chapter]) -> str:
    """The description's chapter list, or "" when YouTube's rules cannot be met."""
    if youtube_problems(chapters):
        return ""
    return "".join(f"{youtube_timestamp(c.start)} {c.title}\n" for c in chapters)


def _escape_ffmeta(text: str) -> str:
    for ch in ("\\", "=", ";", "#", "\n"):
        text = text.replace(ch, "\\" + ch)
    return text


def format_ffmetadata(chapters: list[Chapter], title: str | None = None,
                      tags: dict[str, str] | None = None) -> str:
    """An ffmpeg metadata file carrying the chapters (millisecond time base),
    the video's title and any other global ``tags``."""
    lines = [";FFMETADATA1"]
    for key, value in (({"title": title} if title else {}) | (tags or {})).items():
        lines.append(f"{key}={_escape_ffmeta(value)}")
    for c in chapters:
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={int(round(c.start * 1000))}",
                  f"END={int(round(c.end * 1000))}", f"title={_escape_ffmeta(c.title)}"]
    return "\n".join(lines) + "\n"


def write_chapters(chapters: list[Chapter], json_path: Path, txt_path: Path) -> None:
    """The sidecars: ``.chapters.json`` (start, end, title, to the
    millisecond) and ``.chapters.txt``, YouTube's list made from the same
    rounded times (so a reader of the JSON, such as the YouTube bundle's
    description, applies :func:`youtube_problems` to exactly these numbers)."""
    kept = [Chapter(round(c.start, 3), round(c.end, 3), c.title) for c in chapters]
    data = [{"start": c.start, "end": c.end, "title": c.title} for c in kept]
    write_text(json_path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    write_text(txt_path, format_youtube(kept))


def read_chapters(json_path: Path) -> list[Chapter]:
    return [Chapter(**item) for item in json.loads(Path(json_path).read_text())]

