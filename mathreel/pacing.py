"""The narration is the clock: how long each beat lasts and how its
animations fill it.

A beat is one or two spoken sentences and the animations played while they
are said. Its length is set by its speech: ``speech + BREATH`` (at least
``MIN_BEAT``). Its animations (``motion``: the plays that move something) are
slowed down together by one factor, at most ``MAX_STRETCH``, so the picture
moves while the words describe the motion; its ``wait`` calls keep their
length; what the stretch cannot fill is a *hold* at the end of the beat (a
still frame, which costs one frame to render). A beat whose animations are
already longer than its speech is not shortened. A beat marked
``keep_speed`` is never stretched (a timer, a motion whose speed means
something).

The same plan times a voiced render and a silent one: both take the speech
durations from :class:`mathreel.voice.Narrator`.
"""

from __future__ import annotations

from dataclasses import dataclass

BREATH = 0.45  # seconds of quiet after a beat's speech, before the next beat
MIN_BEAT = 1.0  # seconds: even a silent beat stays long enough to see
MAX_STRETCH = 4.0  # animations play at most this many times slower than written


@dataclass(frozen=True)
class BeatTiming:
    """How one beat is played: its animations' stretch factor, the hold at
    its end, and its total length, in seconds."""

    stretch: float
    hold: float
    length: float


def time_beat(motion: float, waits: float, speech: float | None,
              keep_speed: bool = False) -> BeatTiming:
    """Time one beat.

    Parameters
    ----------
    motion : float
        Seconds of animation (plays other than ``wait``) as written.
    waits : float
        Seconds of ``wait`` as written.
    speech : float or None
        Seconds of speech, or None for a beat with nothing to say.
    keep_speed : bool
        Never stretch this beat's animations.
    """
    natural = motion + waits
    target = max(MIN_BEAT, speech + BREATH) if speech else MIN_BEAT
    if natural >= target:
        return BeatTiming(1.0, 0.0, natural)
    stretch = 1.0
    if motion > 0 and not keep_speed:
        stretch = max(1.0, min(MAX_STRETCH, (target - waits) / motion))
    hold = max(0.0, target - waits - motion * stretch)
    return BeatTiming(stretch, hold, target)
