"""Loudness normalisation of a joined programme (a lesson, the course).

The web and YouTube expect about -16 LUFS integrated with the true peak at or
under -1 dBTP. Every stitched programme is brought there with ffmpeg's
``loudnorm`` in two passes, on the whole joined audio (so a programme has one
loudness, not one per scene):

1. :func:`measure` runs the joined audio through ``loudnorm`` with
   ``print_format=json`` and reads its input measurement (integrated
   loudness, true peak, loudness range, gating threshold, target offset);
2. :func:`normalise` gives the filter chain for the real encode: ``loudnorm``
   with those ``measured_*`` values, ``offset`` and ``linear=true``, then
   ``aresample`` to 48 kHz (``loudnorm`` works at 192 kHz whenever it is not
   in linear mode).

loudnorm's linear mode (one constant gain: the programme keeps its own
dynamics) is taken only when that gain leaves the true peak under ``TP``.
Speech rarely allows it: the peaks of espeak-ng and of the piper voice stand
15.5-18 dB over their loudness (stereo), more than the 14.5 dB between -16
LUFS and -1.5 dBTP. loudnorm then falls back to its dynamic mode, whose
limiter takes loudness with the peaks: 24 s of piper speech at -23.9 LUFS came
out at -17.2, outside the window. So when the first measurement says the peaks
forbid the constant gain, the programme first gets that gain with its peaks
held at ``TP`` - 1 dB by ``alimiter`` working at 192 kHz (4x oversampled, so
its sample peaks stand for the true peaks at 48 kHz); it is measured again,
and loudnorm's linear mode makes the last, small correction (the limiter cost
0.4-0.8 LU on speech; the 1 dB margin leaves room for it). Measured on the
same piper speech, stitched: -16.0 LUFS, -1.4 dBTP. Three passes for such a
programme, two otherwise.

Settings, and why (ffmpeg 5.1's ``af_loudnorm.c``; checked with ``ebur128``
in ``tests/pipeline/test_loudness.py``):

* ``TP`` -1.5 dBTP, not -1: the AAC encoder adds a little to the peaks
  (0.1-0.2 dB measured on speech at 192 and 384 kb/s), so the encoded file
  stays at or under -1 dBTP.
* ``LRA`` 50 LU (the filter's maximum): linear mode also needs the measured
  range to be at most the target range; with the maximum the range never
  forbids it (a quiet scene next to a loud one keeps its difference), and in
  the dynamic mode left as a fallback the gain follows the running integrated
  loudness instead of squeezing the programme into a narrow range.
* Three seconds of silence are appended for both passes (and trimmed off
  after): the first pass's measurement adds the last ~3 s of its input twice
  when it flushes, which overweights the end of a short programme (a loud last
  sentence read 1 LU high); and a programme shorter than 3 s takes a path that
  mixes dB and linear gain (-31.7 LUFS out for -16 asked). Silence is below
  the -70 LUFS gate, so it does not change what is measured.
* ``dual_mono`` is left off: it only affects 1-channel input, and the joined
  audio is already stereo (a mono voice upmixed at -3 dB a channel), which is
  what is delivered and what a player measures.
* A programme without sound (no voice: ``input_i`` is ``-inf``) is left as it
  is, digital silence; nothing is run when no part has an audio stream.

:func:`settings` is part of a join's settings, so changing a target re-joins.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass

import ffmpeg

from .encode import AUDIO_RATE, EncodeError
from .media_tools import run

TARGET_I = -16.0  # LUFS integrated: the web's and YouTube's level for speech
TARGET_TP = -1.5  # dBTP asked of loudnorm; the encoded file measures <= -1
TARGET_LRA = 50.0  # LU: loudnorm's maximum (see the module docstring)
LIMIT_MARGIN = 1.0  # dB: the limiter's ceiling under TARGET_TP (room for the correction)
LIMIT_RATE = 192_000  # Hz: the limiter's rate (4x oversampled: its peaks are true peaks)
PAD_SECONDS = 3.0  # silence appended while measuring and normalising
METHOD = "loudnorm two-pass, linear=true, padded; gain+alimiter first when peaks forbid linear"


@dataclass(frozen=True)
class Measurement:
    """loudnorm's first-pass reading of a programme's input."""

    i: float  # integrated loudness, LUFS (-inf: silence)
    tp: float  # true peak, dBTP
    lra: float  # loudness range, LU
    thresh: float  # relative gating threshold, LUFS
    offset: float  # loudnorm's target offset, LU

    @property
    def silent(self) -> bool:
        return not math.isfinite(self.i)


def settings() -> dict:
    """What the normalised audio depends on, for the stitch record's key."""
    return {"I": TARGET_I, "TP": TARGET_TP, "LRA": TARGET_LRA, "pad": PAD_SECONDS,
            "limit_margin": LIMIT_MARGIN, "limit_rate": LIMIT_RATE, "method": METHOD}


def _targets() -> dict:
    return {"I": TARGET_I, "TP": TARGET_TP, "LRA": TARGET_LRA}


_JSON = re.compile(r"\{[^{}]*\"input_i\"[^{}]*\}")


def _parse(stderr: str) -> Measurement:
    """The last loudnorm JSON block in ffmpeg's log."""
    blocks = _JSON.findall(stderr)
    if not blocks:
        raise ValueError("no loudnorm measurement in ffmpeg's output")
    data = json.loads(blocks[-1])
    return Measurement(float(data["input_i"]), float(data["input_tp"]),
                       float(data["input_lra"]), float(data["input_thresh"]),
                       float(data["target_offset"]))


def measure(audio, what: str) -> Measurement:
    """First pass: run ``audio`` (an ffmpeg-python stream) through loudnorm
    into the null muxer and return its measurement."""
    probe = (audio.filter("apad", pad_dur=PAD_SECONDS)
             .filter("loudnorm", **_targets(), print_format="json"))
    args = (ffmpeg.output(probe, "-", f="null")
            .global_args("-nostdin", "-hide_banner", "-nostats").compile())
    log = run(args, what)
    try:
        return _parse(log)
    except (ValueError, KeyError) as exc:
        raise EncodeError(f"{what}: {exc}") from None


def linear_fits(m: Measurement) -> bool:
    """Whether one constant gain to TARGET_I keeps the true peak under TARGET_TP
    (loudnorm's own condition for linear mode, with LRA never in the way)."""
    return m.tp + (TARGET_I - m.i) <= TARGET_TP


def gain_and_limit(audio, gain_db: float):
    """``audio`` raised by ``gain_db`` with its true peaks held LIMIT_MARGIN
    under TARGET_TP (a lookahead limiter, delay compensated, at LIMIT_RATE)."""
    ceiling = 10 ** ((TARGET_TP - LIMIT_MARGIN) / 20)
    return (audio.filter("volume", f"{gain_db:.3f}dB", precision="double")
            .filter("aresample", LIMIT_RATE)
            .filter("alimiter", limit=f"{ceiling:.6f}", level="false", latency="true")
            .filter("aresample", AUDIO_RATE))


def normalise(audio, duration: float, *, has_sound: bool, what: str):
    """``audio`` (a 48 kHz stereo stream of ``duration`` seconds) brought to
    the targets: measured, limited first if its peaks need it (measured
    again), then the second-pass chain, trimmed back to ``duration``.
    Returned unchanged when it has no sound to normalise."""
    if not has_sound:
        return audio
    m = measure(audio, what)
    if m.silent:
        return audio
    if not linear_fits(m):
        audio = gain_and_limit(audio, TARGET_I - m.i)
        m = measure(audio, what)
    return (audio.filter("apad", pad_dur=PAD_SECONDS)
            .filter("loudnorm", **_targets(), measured_I=m.i, measured_LRA=m.lra,
                    measured_TP=m.tp, measured_thresh=m.thresh, offset=m.offset,
                    linear="true")
            .filter("aresample", AUDIO_RATE)
            .filter("atrim", duration=f"{duration:.6f}"))
