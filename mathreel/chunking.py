"""Split one scene into animation ranges rendered by different processes,
and join the pieces by stream copy.

Manim's ``from_animation_number``/``upto_animation_number`` (``-n START,END``)
play the animations before START without drawing them: each skipped play
jumps to its end in one step. That is exact for scenes whose state is a
function of the animations played, and wrong as soon as anything runs per
frame with memory: an updater (``lambda m, dt: ...``, a ``TracedPath``, but
also ``lambda m: m.become(...)`` over a growing path, an ``always_redraw``
whose builder reads a list that grows) is called once per skipped animation
instead of once per frame, and an ``UpdateFromFunc`` animation likewise.
Sounds are dropped from skipped animations too. So a scene is chunked only
when chunking provably cannot change its frames:

* declared: a class attribute ``chunk_safe = True`` / ``False``, written by
  the scene's author, wins;
* else observed: the runner lists every *hazard* it sees while probing or
  rendering the scene (an updater of any kind on any mobject or on the
  scene, before or after any animation; an ``UpdateFromFunc`` or an
  animation class defined outside Manim; a sound). A scene is safe only when
  a probe or a previous render of the *same* cache key saw none: a record of
  an older version of the scene says nothing about this one;
* else unknown: it is rendered whole, unless a probe is run first. A source
  that mentions an updater, ``TracedPath``, ``always_redraw`` or
  ``add_sound`` is unsafe without probing.

A chunked render checks itself: if any chunk reports a hazard (a scene
whose behaviour is not fixed by its key, say), the chunks are thrown away
and the scene is rendered whole.

Every chunk uses the same encoder settings, each animation is its own encoded
segment in Manim, so the joined file decodes to exactly the frames of a
one-process render. The last chunk is open-ended (to the end of the scene),
so a stale animation count can unbalance the split but never lose a frame.
"""

from __future__ import annotations

import ast
import os
import re
import tempfile
from pathlib import Path

from . import captions
from .contract import RunnerResult

UNSAFE_SOURCE_RE = re.compile(
    r"\b(TracedPath|add_sound|add_updater|always_redraw|UpdateFromFunc|UpdateFromAlphaFunc)\b"
    r"|\b(f_)?always\(")
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
    """The scene's file (or a project module it imports) mentions an
    updater, a traced path or a sound: not worth probing."""
    for file in (path, *dependencies):
        try:
            if UNSAFE_SOURCE_RE.search(Path(file).read_text(errors="replace")):
                return True
        except OSError:
            continue
    return False


def chunk_safety(path: Path, scene_name: str, hazards: list[str] | None,
                 dependencies: list[Path] = ()) -> tuple[bool | None, str]:
    """(safe, reason) for chunking this scene; safe is None when nothing
    decides yet (a probe would).

    ``hazards``: what a probe or a render of this very key observed
    (:attr:`mathreel.contract.RunnerResult.chunk_hazards`); None when
    nothing was observed.
    """
    declared = declared_chunk_safe(path, scene_name)
    if declared is not None:
        return declared, f"declared chunk_safe = {declared}"
    if hazards is not None:
        if hazards:
            return False, f"not chunk-safe: {hazards[0]}"
        return True, "no updater, sound or stateful animation observed"
    if source_looks_unsafe(path, dependencies):
        return False, "source mentions an updater, TracedPath or add_sound"
    return None, "not observed yet"


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
    import ffmpeg  # not at import: the CLI starts without ffmpeg-python

    from . import media_tools

    try:
        media_tools.run(ffmpeg.input(listing, f="concat", safe=0)
                        .output(str(target), c="copy", movflags="+faststart", f="mp4")
                        .global_args("-v", "error").overwrite_output(),
                        f"joining the chunks of {target.name}")
    finally:
        os.unlink(listing)


def joined_subcaptions(parts: list[RunnerResult], fps: int) -> list[tuple[float, float, str]]:
    """The subcaptions of a chunked scene on the joined video's clock.

    The last chunk saw every subcaption, but on a clock where skipped
    animations took exactly their run time, while a drawn animation takes a
    whole number of frames. Each animation's true start is the frames drawn
    before it (by whichever chunk drew them) over the frame rate; a time keeps
    its offset from the start of the animation it falls in (exact for cues
    that start or end on animation boundaries, as narration beats do)."""
    last = parts[-1]
    starts = list(last.play_starts)
    n = len(starts)
    frames = [0] * n
    for part in parts:
        for j, count in enumerate(part.play_frames):
            if j < n and count:
                frames[j] = count
    knots_from = [*starts, float(last.duration)]
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
            for start, end, text in last.captions]


def write_srt(subcaptions: list[tuple[float, float, str]], target: Path) -> None:
    """Write a joined scene's subcaptions as the SubRip file Manim would
    write for them (:func:`mathreel.captions.manim_cues`)."""
    captions.write_srt(captions.manim_cues(subcaptions), target)
