"""Narration written beat by beat beside the animation it explains; the
speech is the clock.

A *beat* is one or two spoken sentences and the animations they cover::

    with self.beat("Most vectors get knocked off their span."):
        self.play(ApplyMatrix(A, plane))

A beat lasts as long as its speech plus a breath (``mathreel.pacing``): its
animations are slowed down together to fill that time (at most
``pacing.MAX_STRETCH`` times), its ``wait`` calls keep their length, and
what is left is a still hold at its end. ``self.beat(text, keep_speed=True)``
never stretches (a timer, a motion whose speed means something).

To know each beat's animations before it plays, a render first runs the
scene's ``construct`` once fast-forwarded (no frame drawn, LaTeX cached for
the real pass), then asks the narrator (``mathreel.voice``) for every beat's
speech at once: recordings under ``narration/<Scene>/NN.wav`` first, else
the voice engine (synthesised once per text and voice, cached), else, for a
silent render without the engine, its calibrated estimate. So a silent
render is timed exactly like a voiced one, and previews, captions and
chapters match the final video.

Captions follow the speech: each sentence's cue appears when it is spoken
(``mathreel.cues``: at most 2 lines of 42 characters, 5/6 s to 7 s on
screen, never two at once).
"""

from __future__ import annotations

import random
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from manim import Scene, Wait, config, tempconfig

from mathreel.cues import MIN_CUE_SECONDS, layout_beat, split_sentences
from mathreel.pacing import BeatTiming, time_beat
from mathreel.pronounce import display
from mathreel.scene_context import SKIP_EVERY_ANIMATION, current
from mathreel.voice import Narrator, Speech, char_share_spans, current_voice
from scenekit.style import apply_style



@dataclass
class BeatRecord:
    """What a beat is, as written: its text and its animations' lengths."""

    text: str
    keep_speed: bool = False
    motion: float = 0.0  # seconds of plays other than wait
    waits: float = 0.0  # seconds of wait


def fast_forwarding() -> bool:
    """Whether this run draws nothing (a layout check: every animation skipped)."""
    return config.from_animation_number >= SKIP_EVERY_ANIMATION


class NarratedScene(Scene):
    """A Scene whose script is a sequence of ``beat`` blocks, timed by speech.

    ``narrator``: the :class:`mathreel.voice.Narrator` to use; by default one
    for the voice and project of :func:`mathreel.scene_context.current`.
    """

    narrator: Narrator | None = None

    def setup(self):
        super().setup()
        apply_style(self.camera)

    # ------------------------------------------------------------------ timing
    def render(self, preview: bool = False):
        self.planning = getattr(self, "planning", False)
        self.beat_records: list[BeatRecord] = []
        self.beat_timings: list[BeatTiming] = []
        self.beat_speeches: list[Speech | None] = []
        self._beats_played = 0
        self._stretch = 1.0
        self._current: BeatRecord | None = None
        self._last_cue_end = 0.0
        # A layout check fast-forwards every animation anyway: it times each
        # beat when the beat ends instead of planning first.
        if not self.planning and not fast_forwarding():
            self.plan_beats()
        return super().render(preview)

    def get_narrator(self) -> Narrator:
        if self.narrator is None:  # one for this render, from the scene context
            self.narrator = Narrator(current().root, current_voice(),
                                     synthesize=not (fast_forwarding() or config.save_last_frame))
        return self.narrator

    def plan_beats(self) -> None:
        """Fast-forward a copy of this scene to learn its beats, then fetch
        every beat's speech at once and time each beat."""
        settings = {"dry_run": True, "from_animation_number": SKIP_EVERY_ANIMATION,
                    "upto_animation_number": -1, "save_last_frame": False,
                    "write_to_movie": False, "disable_caching": True, "preview": False}
        with tempconfig(settings):
            planner = type(self)()
            planner.planning = True
            planner.render()
        # the planner re-seeded and used the global generators: start this pass afresh
        random.seed(self.random_seed)
        np.random.seed(self.random_seed)  # noqa: NPY002 - Manim seeds the global generator too
        self.beat_records = planner.beat_records
        self.beat_speeches = self.get_narrator().speeches(
            type(self).__name__, [r.text for r in self.beat_records])
        self.beat_timings = [
            time_beat(r.motion, r.waits, s.duration if s else None, r.keep_speed)
            for r, s in zip(self.beat_records, self.beat_speeches)]

    def compile_animations(self, *args, **kwargs):
        """Manim's compile step, then: while a beat is being measured, note
        each play's length; while rendering, stretch the beat's animations."""
        animations = super().compile_animations(*args, **kwargs)
        is_wait = len(animations) == 1 and isinstance(animations[0], Wait)
        if self._current is not None:
            length = self.validate_run_time(max(a.run_time for a in animations), self.play)
            if is_wait:
                self._current.waits += length
            else:
                self._current.motion += length
        elif self._stretch != 1.0 and not is_wait:
            for animation in animations:
                animation.run_time = animation.run_time * self._stretch
        return animations

    # ------------------------------------------------------------------ beats
    @contextmanager
    def beat(self, text: str, *, keep_speed: bool = False):
        """Narrate ``text`` over the animations played inside the block.

        The beat lasts as long as its speech plus a breath (see
        ``mathreel.pacing``); ``keep_speed=True`` keeps its animations at
        their written speed.
        """
        if self.planning:
            self._current = BeatRecord(text, keep_speed)
            yield
            self.beat_records.append(self._current)
            self._current = None
            return
        index = self._beats_played
        self._beats_played += 1
        start = self.time
        if fast_forwarding():  # measure the beat as it runs, time it at its end
            yield from self._timed_at_end(index, text, keep_speed)
        else:
            if index >= len(self.beat_records) or self.beat_records[index].text != text:
                raise RuntimeError(
                    f"{type(self).__name__}: beat {index + 1} differs between the planning pass "
                    f"and the render ({text[:40]!r}); a scene's beats must not depend on "
                    "unseeded randomness or on the time")
            speech = self.beat_speeches[index]
            if speech is not None and speech.path is not None:
                self.add_sound(str(speech.path))
            self._stretch = self.beat_timings[index].stretch
            try:
                yield
            finally:
                self._stretch = 1.0
        hold = self.beat_timings[index].length - (self.time - start)
        if hold >= 0.5 / config.frame_rate:  # less than half a frame: the beat is on time
            # a layout check stretches nothing: where a render stretches the beat's animations
            # and holds nothing, this wait stands in for the stretch, not for a play of its own
            self.stand_in = (fast_forwarding()
                             and self.beat_timings[index].hold < 0.5 / config.frame_rate)
            try:
                self.wait(max(hold, 1 / config.frame_rate))
            finally:
                self.stand_in = False
        self.add_beat_captions(text, self.beat_speeches[index], start, self.time)

    def _timed_at_end(self, index: int, text: str, keep_speed: bool):
        self._current = record = BeatRecord(text, keep_speed)
        try:
            yield
        finally:
            self._current = None
        speech = self.get_narrator().speeches(type(self).__name__, [text], first=index + 1)[0]
        self.beat_records.append(record)
        self.beat_speeches.append(speech)
        timing = time_beat(record.motion, record.waits, speech.duration if speech else None,
                           keep_speed)
        self.beat_timings.append(timing)  # nothing was stretched: the hold makes up the rest

    def add_beat_captions(self, text: str, speech: Speech | None, start: float, end: float) -> None:
        """Subcaptions that follow the speech (``mathreel.cues``), never two at once."""
        sentences = [display(s) for s in split_sentences(text)]
        sentences = [s for s in sentences if s.strip()]
        if not sentences:
            return
        if speech is not None and len(speech.spans) == len(sentences):
            spans = list(speech.spans)
        else:  # no speech: the sentences share the beat by their characters
            spans = list(char_share_spans(sentences, end - start))
        for cue_start, cue_end, cue_text in layout_beat(sentences, spans, end - start):
            cue_start = max(start + cue_start, self._last_cue_end)
            cue_end = max(start + cue_end, cue_start + MIN_CUE_SECONDS)
            self._last_cue_end = cue_end
            self.add_subcaption(cue_text, duration=cue_end - cue_start,
                                offset=cue_start - self.time)
