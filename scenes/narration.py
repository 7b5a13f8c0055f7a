"""Narration written beat by beat beside the animation it explains.

A *beat* is one or two spoken sentences and the animations they cover::

    with self.beat("Most vectors get knocked off their span."):
        self.play(ApplyMatrix(A, plane))

When the block ends, the beat's text becomes Manim subcaptions covering
exactly the time its animations took, so every render writes an ``.srt`` whose
cues follow the animation. Long beats are split at sentence (then word)
boundaries into cues short enough to read, each timed by its share of the
characters.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

from manim import Scene

from style import apply_style

MAX_CUE_CHARS = 90  # two short lines of subtitles
MIN_BEAT_SECONDS = 1.0


def split_caption(text: str, max_chars: int = MAX_CUE_CHARS) -> list[str]:
    """Split narration into cues of at most ``max_chars`` characters, at
    sentence ends where possible, else at spaces."""
    text = " ".join(text.split())
    sentences = re.split(r"(?<=[.!?;:])\s+", text)
    cues: list[str] = []
    for sentence in sentences:
        words = sentence.split(" ")
        current = ""
        for word in words:
            candidate = f"{current} {word}".strip()
            if len(candidate) > max_chars and current:
                cues.append(current)
                current = word
            else:
                current = candidate
        if current:
            if cues and len(cues[-1]) + 1 + len(current) <= max_chars and not re.search(
                r"[.!?]$", cues[-1]
            ):
                cues[-1] = f"{cues[-1]} {current}"
            else:
                cues.append(current)
    return cues


class NarratedScene(Scene):
    """A Scene whose script is a sequence of ``beat`` blocks."""

    def setup(self):
        super().setup()
        apply_style(self.camera)

    @contextmanager
    def beat(self, text: str):
        """Narrate ``text`` over the animations played inside the block.

        A beat with no animation inside waits ``MIN_BEAT_SECONDS`` so its
        caption is on screen long enough to be read.
        """
        start = self.time
        yield
        if self.time - start < MIN_BEAT_SECONDS:
            self.wait(MIN_BEAT_SECONDS - (self.time - start))
        self.add_captions(text, start, self.time)

    def add_captions(self, text: str, start: float, end: float) -> None:
        """Subcaptions for ``text`` filling [start, end], split into readable cues."""
        cues = split_caption(text)
        total = sum(len(c) for c in cues)
        t = start
        for cue in cues:
            duration = (end - start) * len(cue) / total
            self.add_subcaption(cue, duration=duration, offset=t - self.time)
            t += duration
