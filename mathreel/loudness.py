"""Loudness normalisation of a joined programme (a lesson, the course).

The web and YouTube expect about -16 LUFS integrated with the true peak at or
under -1 dBTP. Every stitched programme is brought there in two passes, on the
whole joined audio (so a programme has one loudness, not one per scene):

1. :func:`measure` runs the joined audio through ffmpeg's ``ebur128`` filter
   (``peak=true``: the ITU-R BS.1770 integrated loudness and the true peak,
   4x oversampled) into the null muxer, audio only;
2. :func:`normalise` gives the chain for the real encode: one constant gain
   (``volume``) from the measured loudness to ``TARGET_I``. This is what
   ``loudnorm`` does in its linear mode (``linear=true``), without the filter:
   loudnorm resamples to 192 kHz to measure, which made its passes cost 31 s
   of CPU on the 342 s of lesson 18's raw audio; these take 12 s (beside the
   AAC encode's 11 s), for -16.1 LUFS and -1.5 dBTP after the encode.

The constant gain alone is taken only when it leaves the true peak under
``TARGET_TP``. Speech rarely allows it: the peaks of espeak-ng and of the piper
voice stand 15.5-18 dB over their loudness (stereo), more than the 14.5 dB
between -16 LUFS and -1.5 dBTP (loudnorm would fall back to its dynamic mode,
whose limiter took loudness with the peaks: 24 s of piper speech at -23.9 LUFS
came out at -17.2). So when the first measurement says the peaks forbid the
constant gain, the programme gets that gain with its peaks held at ``TP`` -
``LIMIT_MARGIN`` by ``alimiter`` working at 192 kHz (4x oversampled, so its
sample peaks stand for the true peaks at 48 kHz); that is measured again, and
a last constant gain makes the small correction (the limiter cost 0.4-0.8 LU
on speech; the margin leaves room for it). The correction never lifts the true
peak over ``TARGET_TP``; should the limiter have cost more than the margin,
the limited pass is run again with the gain raised by what was missing (at
most ``LIMIT_PASSES`` times). The final encode runs the same deterministic
chain, so it sounds exactly as measured.

Settings, and why (checked with ``ebur128`` after the AAC encode in
``tests/pipeline/test_loudness.py``):

* ``TP`` -1.5 dBTP, not -1: the AAC encoder adds a little to the peaks
  (0.1-0.2 dB measured on speech at 192 and 384 kb/s), so the encoded file
  stays at or under -1 dBTP.
* The gain is applied to the joined audio as it is (48 kHz stereo: a mono
  voice upmixed at -3 dB a channel), which is what is delivered and what a
  player measures; a quiet scene next to a loud one keeps its difference.
* A programme without sound (ebur128 reads its -70 LUFS floor: nothing passes
  the absolute gate) is left as it is, digital silence; nothing is run when no
  part has an audio stream.

:func:`settings` is part of a join's settings, so changing a target re-joins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ffmpeg

from .encode import AUDIO_RATE, EncodeError
from .media_tools import run

TARGET_I = -16.0  # LUFS integrated: the web's and YouTube's level for speech
TARGET_TP = -1.5  # dBTP; the encoded file measures <= -1
LIMIT_MARGIN = 1.0  # dB: the limiter's ceiling under TARGET_TP (room for the correction)
LIMIT_RATE = 192_000  # Hz: the limiter's rate (4x oversampled: its peaks are true peaks)
LIMIT_PASSES = 3  # limited passes at most, when the limiter costs more than the margin
SILENCE_FLOOR = -70.0  # LUFS: ebur128's reading when nothing passes the absolute gate
METHOD = "ebur128 measure, constant gain; gain+alimiter at 192 kHz first when peaks forbid it"


@dataclass(frozen=True)
class Measurement:
    """ebur128's reading of a programme."""

    i: float  # integrated loudness, LUFS (SILENCE_FLOOR: silence)
    tp: float  # true peak, dBTP (-inf: digital silence)

    @property
    def silent(self) -> bool:
        return self.i <= SILENCE_FLOOR

    @property
    def gain(self) -> float:
        """The constant gain, dB, that brings the programme to TARGET_I."""
        return TARGET_I - self.i

    @property
    def linear_fits(self) -> bool:
        """Whether that gain keeps the true peak under TARGET_TP."""
        return self.tp + self.gain <= TARGET_TP


def settings() -> dict:
    """What the normalised audio depends on, for the stitch record's key."""
    return {"I": TARGET_I, "TP": TARGET_TP, "limit_margin": LIMIT_MARGIN,
            "limit_rate": LIMIT_RATE, "limit_passes": LIMIT_PASSES, "method": METHOD}


_NUMBER = r"(-?inf|-?\d+(?:\.\d+)?)"
_I = re.compile(rf"\bI:\s+{_NUMBER} LUFS")
_PEAK = re.compile(rf"\bPeak:\s+{_NUMBER} dBFS")


def _parse(stderr: str) -> Measurement:
    """The integrated loudness and true peak of ebur128's last summary."""
    at = stderr.rfind("Summary:")
    if at < 0:
        raise ValueError("no ebur128 summary in ffmpeg's output")
    i, peak = _I.search(stderr, at), _PEAK.search(stderr, at)
    if i is None or peak is None:
        raise ValueError("ebur128's summary has no integrated loudness or true peak")
    return Measurement(float(i.group(1)), float(peak.group(1)))


def measure(audio, what: str) -> Measurement:
    """A measuring pass: ``audio`` (an ffmpeg-python stream) through ebur128
    into the null muxer (no other stream is decoded)."""
    probe = audio.filter("ebur128", peak="true", framelog="verbose")
    args = (ffmpeg.output(probe, "-", f="null")
            .global_args("-nostdin", "-hide_banner", "-nostats").compile())
    log = run(args, what)
    try:
        return _parse(log)
    except ValueError as exc:
        raise EncodeError(f"{what}: {exc}") from None


def gain(audio, gain_db: float):
    """``audio`` raised by a constant ``gain_db``."""
    return audio.filter("volume", f"{gain_db:.3f}dB", precision="double")


def gain_and_limit(audio, gain_db: float):
    """``audio`` raised by ``gain_db`` with its true peaks held LIMIT_MARGIN
    under TARGET_TP (a lookahead limiter, delay compensated, at LIMIT_RATE)."""
    ceiling = 10 ** ((TARGET_TP - LIMIT_MARGIN) / 20)
    return (gain(audio, gain_db)
            .filter("aresample", LIMIT_RATE)
            .filter("alimiter", limit=f"{ceiling:.6f}", level="false", latency="true")
            .filter("aresample", AUDIO_RATE))


def normalise(audio, duration: float, *, has_sound: bool, what: str):
    """``audio`` (a 48 kHz stereo stream of ``duration`` seconds) brought to
    the targets: measured, limited first if its peaks need it (measured
    again), then one constant gain, trimmed to ``duration``. Returned
    unchanged when it has no sound to normalise."""
    if not has_sound:
        return audio
    m = measure(audio, what)
    if m.silent:
        return audio
    if m.linear_fits:
        return gain(audio, m.gain).filter("atrim", duration=f"{duration:.6f}")
    to_limit = m.gain
    for _ in range(LIMIT_PASSES):
        limited = gain_and_limit(audio, to_limit)
        m = measure(limited, what)
        if m.linear_fits:
            break
        to_limit += m.gain  # the limiter cost more than the margin: limit higher
    correction = min(m.gain, TARGET_TP - m.tp)
    return gain(limited, correction).filter("atrim", duration=f"{duration:.6f}")
