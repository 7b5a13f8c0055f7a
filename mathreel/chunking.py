"""Split one scene into animation ranges rendered by different processes,
and join the pieces by stream copy.

Manim's ``from_animation_number``/``upto_animation_number`` (``-n START,END``)
play animations before START without drawing them, so every chunk starts from
the state the whole render would have. That is exact for scenes whose state
is a function of the animations played, and wrong for scenes whose state
accumulates per frame: a time-based updater (``lambda m, dt: ...``, a
``TracedPath``) is stepped once per skipped animation instead of once per
frame. Sounds are dropped from skipped animations too. So a scene is chunked
only when it is *chunk-safe*:

* declared: a class attribute ``chunk_safe = True`` / ``False`` wins;
* else observed: the runner reports time-based updaters and sounds seen while
  rendering or probing the scene; any one makes the scene unsafe;
* else read: a source that mentions ``TracedPath``, ``add_sound`` or an
  updater taking ``dt`` is unsafe until a render has observed otherwise.

Every chunk uses the same encoder settings, each animation is its own encoded
segment in Manim, so the joined file decodes to exactly the frames of a
one-process render. The last chunk is open-ended (to the end of the scene),
so a stale animation count can unbalance the split but never lose a frame.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import tempfile
from pathlib import Path

UNSAFE_SOURCE_RE = re.compile(r"\bTracedPath\b|\badd_sound\b|\badd_updater\b[^\n]*\bdt\b|"
                              r"\bdef\s+\w+\s*\([^)]*\bdt\b")
#: per-animation constant cost, in seconds of video, added to each length
ANIMATION_OVERHEAD = 0.15


def declared_chunk_safe(path: Path, scene_name: str) -> bool | None:
    """The scene class's literal ``chunk_safe = True|False``, if any."""
    try:
        tree = ast.parse(Path(path).read_bytes())
    except (OSError, SyntaxError, ValueError):
        return None
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == scene_name:
            for stmt in node.body:
                targets = (stmt.targets if isinstance(stmt, ast.Assign) else
                           [stmt.target] if isinstance(stmt, ast.AnnAssign) else [])
                for target in targets:
                    if (isinstance(target, ast.Name) and target.id == "chunk_safe"
                            and isinstance(getattr(stmt, "value", None), ast.Constant)):
                        return bool(stmt.value.value)
    return None


def source_looks_unsafe(path: Path, dependencies: list[Path] = ()) -> bool:
    """The scene's file (or a project module it imports) mentions a
    per-frame accumulator."""
    for file in (path, *dependencies):
        try:
            if UNSAFE_SOURCE_RE.search(Path(file).read_text(errors="replace")):
                return True
        except OSError:
            continue
    return False


def chunk_safety(path: Path, scene_name: str, stats: dict | None,
                 dependencies: list[Path] = ()) -> tuple[bool, str]:
    """(safe, reason) for chunking this scene."""
    declared = declared_chunk_safe(path, scene_name)
    if declared is not None:
        return declared, f"declared chunk_safe = {declared}"
    if stats and "time_based_updaters" in stats:
        if stats["time_based_updaters"]:
            return False, "has time-based updaters"
        if stats.get("sound"):
            return False, "adds sounds"
        return True, "no time-based updater or sound observed"
    if source_looks_unsafe(path, dependencies):
        return False, "source mentions a per-frame updater, TracedPath or add_sound"
    return True, "no per-frame updater in the source"


def split_ranges(play_times: list[float], pieces: int) -> list[tuple[int, int]]:
    """Split animations 0..n-1 into ``pieces`` contiguous ranges of about
    equal length (by video time); ranges are (from, upto) inclusive with the
    last one open-ended (upto = -1)."""
    n = len(play_times)
    pieces = max(1, min(pieces, n))
    if pieces == 1:
        return [(0, -1)]
    weights = [t + ANIMATION_OVERHEAD for t in play_times]
    total = sum(weights)
    bounds, acc, index = [], 0.0, 0
    for piece in range(1, pieces):
        goal = total * piece / pieces
        while index < n - 1 and acc + weights[index] / 2 < goal:
            acc += weights[index]
            index += 1
        start = bounds[-1] if bounds else 0
        bounds.append(max(index, start + 1))
    bounds = [b for b in dict.fromkeys(bounds) if 0 < b < n]
    starts = [0, *bounds]
    ranges = [(s, e - 1) for s, e in zip(starts, [*bounds, None]) if e is not None]
    return [*ranges, (starts[-1], -1)]


def concat_videos(parts: list[Path], target: Path) -> None:
    """Join MP4 files with identical codec settings by stream copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if len(parts) == 1:
        os.replace(parts[0], target)
        return
    fd, listing = tempfile.mkstemp(suffix=".txt", dir=target.parent)
    with os.fdopen(fd, "w") as handle:
        for part in parts:
            escaped = str(Path(part).resolve()).replace("'", r"'\''")
            handle.write(f"file '{escaped}'\n")
    try:
        proc = subprocess.run(
            ["ffmpeg", "-y", "-v", "error", "-f", "concat", "-safe", "0", "-i", listing,
             "-c", "copy", "-movflags", "+faststart", "-f", "mp4", str(target)],
            capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"ffmpeg could not join the chunks: {proc.stderr.strip()[-300:]}")
    finally:
        os.unlink(listing)


def joined_subcaptions(parts: list[dict], fps: int) -> list[tuple[float, float, str]]:
    """The subcaptions of a chunked scene on the joined video's clock.

    The last chunk saw every subcaption, but on a clock where skipped
    animations took exactly their run time, while a drawn animation takes a
    whole number of frames. Each animation's true start is the frames drawn
    before it (by whichever chunk drew them) over the frame rate; a time keeps
    its offset from the start of the animation it falls in (exact for cues
    that start or end on animation boundaries, as narration beats do)."""
    last = parts[-1]
    starts = list(last.get("play_starts") or [])
    n = len(starts)
    frames = [0] * n
    for part in parts:
        for j, count in enumerate(part.get("play_frames") or []):
            if j < n and count:
                frames[j] = count
    knots_from = [*starts, float(last.get("duration", starts[-1] if starts else 0.0))]
    knots_to, acc = [], 0
    for count in frames:
        knots_to.append(acc / fps)
        acc += count
    knots_to.append(acc / fps)

    def convert(t: float) -> float:
        for j in range(len(knots_from) - 1):
            a, b = knots_from[j], knots_from[j + 1]
            if t < b or j == len(knots_from) - 2:
                return knots_to[j] + max(0.0, t - a)
        return t

    return [(convert(start), convert(end), text)
            for start, end, text in last.get("subcaptions") or []]


def write_srt(cues: list[tuple[float, float, str]], target: Path) -> None:
    """Write cues as SubRip, the way Manim does (``srt.compose``)."""
    import datetime

    import srt

    subtitles = [srt.Subtitle(index=i + 1, start=datetime.timedelta(seconds=a),
                              end=datetime.timedelta(seconds=b), content=text)
                 for i, (a, b, text) in enumerate(cues)]
    target.write_text(srt.compose(subtitles), encoding="utf-8")
