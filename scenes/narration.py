"""Narration written beat by beat beside the animation it explains.

A *beat* is one or two spoken sentences and the animations they cover::

    with self.beat("Most vectors get knocked off their span."):
        self.play(ApplyMatrix(A, plane))

When the block ends, the beat's text becomes Manim subcaptions covering
exactly the time its animations took, so every render writes an ``.srt`` whose
cues follow the animation. Long beats are split at sentence (then word)
boundaries into cues short enough to read, each timed by its share of the
characters.

A beat can also be *heard*: with ``MATHREEL_VOICE=espeak`` (the CLI's
``--voice espeak``) or ``recorded``, each beat gets its speech with
``add_sound`` at the beat's start (a recording from ``narration/<Scene>/<NN>.wav``
where one exists, else espeak-ng's draft; see ``mathreel.voice``), and the beat
lasts at least as long as its speech, so words and animation stay in step.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

from manim import Scene, config, logger

from mathreel.project import find_root
from mathreel.voice import SPEECH_TAIL, current_voice, speech_for_beat
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
        self.voice = current_voice()
        self.beats_spoken = 0
        if self.voice != "none" and not config.disable_caching:
            # Manim drops sounds added around cached (skipped) animations
            # (ManimCommunity/manim#4751): a voiced render never uses its cache.
            logger.info("narration: voice %s, disabling Manim's cache", self.voice)
            config.disable_caching = True

    @contextmanager
    def beat(self, text: str):
        """Narrate ``text`` over the animations played inside the block.

        A beat lasts at least ``MIN_BEAT_SECONDS`` so its caption is on screen
        long enough to be read and, when the render has a voice, at least as
        long as its speech plus ``SPEECH_TAIL``.
        """
        self.beats_spoken += 1
        speech = speech_for_beat(find_root(), type(self).__name__, self.beats_spoken, text,
                                 self.voice)
        start = self.time
        if speech is not None:
            self.add_sound(str(speech.path))
        yield
        least = MIN_BEAT_SECONDS
        if speech is not None:
            least = max(least, speech.duration + SPEECH_TAIL)
        if self.time - start < least - 1e-6:
            self.wait(least - (self.time - start))
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
