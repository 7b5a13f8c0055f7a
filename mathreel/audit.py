"""Measure what a viewer gets: caption pace and readability, still
stretches, loudness and how much of a video is speech.

Two sources:

* a **timing plan** (:func:`plan_scenes`): every scene run fast-forwarded
  (the engine's ``check`` mode), each beat timed by the voice's calibrated
  estimate (or its cached real durations) without drawing a frame. Cheap
  enough for every test run.
* a **built video** (:func:`measure_video`): its ``.srt`` and the file itself,
  through ffmpeg's ``freezedetect``, ``ebur128`` and ``silencedetect``.

The caption rules (:data:`RULES`) are the ones of the Netflix, BBC and DCMP
style guides the narration is written to (see :mod:`mathreel.cues`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import media_tools
from .cues import MAX_CUE_SECONDS, MAX_LINE_CHARS, MAX_LINES, MIN_CUE_SECONDS

MAX_CPS = 17.0  # characters per second over a whole video
MAX_CPS_FASTEST = 20.0  # ... and for the fastest 5 % of its cues
PACE_WPM = (130.0, 175.0)  # words per minute of narration over a whole video

Cue = tuple[float, float, str]  # start, end (seconds), text (lines joined by newlines)


@dataclass(frozen=True)
class CaptionStats:
    """The pace and readability of a video's captions."""

    seconds: float  # the video's length
    cues: int
    words: int
    wpm: float  # words per minute of the video
    cps: float  # characters per second on screen, over all cues
    cps_p95: float  # the 95th percentile of the cues' characters per second
    shortest: float  # seconds on screen of the shortest cue
    longest: float
    problems: tuple[str, ...] = ()


def _chars(text: str) -> int:
    return len(" ".join(text.split()))


def caption_stats(cues: list[Cue], seconds: float) -> CaptionStats:
    """Pace and rule breaches of ``cues`` over a video ``seconds`` long."""
    problems: list[str] = []
    cues = sorted(cues)
    words = sum(len(text.split()) for _, _, text in cues)
    shown = [end - start for start, end, _ in cues]
    rates = sorted(_chars(text) / max(end - start, 1e-9) for start, end, text in cues)
    for (start, end, text), following in zip(cues, cues[1:] + [None]):
        lines = text.split("\n")
        where = f"{start:.2f}s {text[:30]!r}"
        if len(lines) > MAX_LINES or any(len(line) > MAX_LINE_CHARS for line in lines):
            problems.append(f"{where}: more than {MAX_LINES} lines of {MAX_LINE_CHARS} characters")
        if end - start < MIN_CUE_SECONDS - 0.002:
            problems.append(f"{where}: on screen {end - start:.2f} s, under 5/6 s")
        if end - start > MAX_CUE_SECONDS + 0.002:
            problems.append(f"{where}: on screen {end - start:.2f} s, over {MAX_CUE_SECONDS:g} s")
        if following is not None and following[0] < end - 0.002:
            problems.append(f"{where}: overlaps the next cue by {end - following[0]:.2f} s")
        if re.search(r"[\\$^{}]|\b(frac|tfrac|mathbf|sigma|lambda)\d", text):
            problems.append(f"{where}: raw LaTeX")
    cps = sum(_chars(t) for _, _, t in cues) / max(sum(shown), 1e-9)
    p95 = rates[min(len(rates) - 1, int(0.95 * len(rates)))] if rates else 0.0
    if cps > MAX_CPS:
        problems.append(f"{cps:.1f} characters per second over the video, above {MAX_CPS:g}")
    if p95 > MAX_CPS_FASTEST:
        problems.append(f"the fastest 5 % of cues reach {p95:.1f} characters per second, "
                        f"above {MAX_CPS_FASTEST:g}")
    return CaptionStats(seconds, len(cues), words, 60 * words / seconds if seconds else 0.0, cps,
                        p95, min(shown, default=0.0), max(shown, default=0.0), tuple(problems))


def read_srt(path: Path) -> list[Cue]:
    import srt

    return [(c.start.total_seconds(), c.end.total_seconds(), c.content)
            for c in srt.parse(path.read_text(encoding="utf-8"))]


# --------------------------------------------------------------------------- media

@dataclass(frozen=True)
class MediaStats:
    """What a built video sounds and looks like."""

    seconds: float
    longest_still: float  # seconds: the longest stretch without a changed pixel
    stills_over_6s: int  # how many still stretches last longer than 6 s
    loudness: float | None  # integrated, LUFS (None: digital silence)
    true_peak: float | None  # dBTP
    speech_share: float  # fraction of the video that is not silence
    stills: list[tuple[float, float]] = field(default_factory=list)  # (start, seconds)


def _ffmpeg_log(video: Path, *args: str) -> str:
    return media_tools.run([*media_tools.FFMPEG_LOG, "-i", str(video), *args, "-f", "null", "-"],
                           f"measuring {video.name}", check=False)


def measure_video(video: Path) -> MediaStats:
    """Still stretches (``freezedetect``, 2 s or more), loudness
    (``ebur128``, true peak), and the share of the video that is speech
    (``silencedetect`` at -40 dB, pauses of 0.3 s or more)."""
    from .encode import probe

    seconds = probe(video).duration
    log = _ffmpeg_log(video, "-map", "0:v:0", "-vf", "freezedetect=n=0.001:d=2")
    starts = [float(x) for x in re.findall(r"freeze_start: ([\d.]+)", log)]
    lengths = [float(x) for x in re.findall(r"freeze_duration: ([\d.]+)", log)]
    if len(starts) > len(lengths):  # frozen until the end
        lengths.append(seconds - starts[-1])
    stills = list(zip(starts, lengths))
    loudness = peak = None
    share = 0.0
    # one pass over the audio: ebur128 hands its input on to silencedetect
    audio = _ffmpeg_log(video, "-map", "0:a:0?", "-af",
                        "ebur128=peak=true,silencedetect=noise=-40dB:d=0.3")
    summary = audio.rsplit("Summary:", 1)[-1]
    match_i = re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary)
    match_p = re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary)
    if match_i and match_i[1] != "-inf" and float(match_i[1]) > -70:
        loudness = float(match_i[1])
        peak = float(match_p[1]) if match_p and match_p[1] != "-inf" else None
        silence = audio
        quiet = sum(float(x) for x in re.findall(r"silence_duration: ([\d.]+)", silence))
        open_start = re.findall(r"silence_start: ([\d.]+)", silence)
        if len(open_start) > len(re.findall(r"silence_end", silence)):
            quiet += seconds - float(open_start[-1])
        share = max(0.0, 1 - quiet / seconds) if seconds else 0.0
    return MediaStats(seconds, max(lengths, default=0.0), sum(1 for x in lengths if x > 6.0),
                      loudness, peak, share, stills)


# --------------------------------------------------------------------------- timing plans

@dataclass
class ScenePlan:
    """One scene's timing plan from a fast-forwarded run."""

    scene: str
    lesson: int | None
    seconds: float
    beats: list[dict]
    captions: list[Cue]
    error: str | None = None


def plan_scenes(root: Path, scenes: list, **engine) -> list[ScenePlan]:
    """Run ``scenes`` (SceneRefs) fast-forwarded through the render engine and
    return each one's beats (text, written animation lengths, speech, stretch,
    hold) and captions. Nothing is drawn or written; the voice's speech comes
    from its cache or its calibrated estimate, never a new synthesis."""
    from .project import QUALITIES
    from .render import RenderJob, render_many

    jobs = [RenderJob(scene, QUALITIES["low"], "check") for scene in scenes]
    results = render_many(root, jobs, **engine)
    return [ScenePlan(r.job.scene.name, r.job.scene.lesson, r.duration, r.beats,
                      [tuple(c) for c in r.captions], None if r.ok else r.error)
            for r in results]


# --------------------------------------------------------------------------- lessons

@dataclass
class LessonPace:
    """One lesson's pace: from its built video (``media`` set) or its plan."""

    name: str
    captions: CaptionStats
    media: MediaStats | None = None
    longest_hold: float = 0.0  # plan only: the longest hold at the end of a beat

    def problems(self) -> list[str]:
        found = list(self.captions.problems)
        low, high = PACE_WPM
        if not low <= self.captions.wpm <= high:
            found.append(f"{self.captions.wpm:.0f} words per minute, outside {low:g}-{high:g}")
        return found

    def row(self) -> str:
        c, m = self.captions, self.media
        line = (f"{self.name:<40} {c.seconds / 60:5.1f} min {c.wpm:4.0f} wpm {c.cps:5.1f} cps "
                f"(p95 {c.cps_p95:4.1f})")
        if m is not None:
            loud = f"{m.loudness:6.1f} LUFS {m.true_peak:5.1f} dBTP" if m.loudness is not None \
                else "   silent            "
            line += f"  still <= {m.longest_still:4.1f} s  {loud}  speech {100 * m.speech_share:3.0f} %"
        else:
            line += f"  hold <= {self.longest_hold:4.1f} s"
        return line


def measure_lesson(video: Path) -> LessonPace:
    """A stitched lesson or course video and its ``.srt``, measured."""
    media = measure_video(video)
    cues = read_srt(video.with_suffix(".srt")) if video.with_suffix(".srt").is_file() else []
    return LessonPace(video.stem, caption_stats(cues, media.seconds), media)


def on_one_clock(parts: list[tuple[list[Cue], float]]) -> tuple[list[Cue], float]:
    """Scenes played one after another: each (cues, length) shifted by the
    lengths before it; all the cues, and the total length."""
    cues, t = [], 0.0
    for part_cues, seconds in parts:
        cues += [(a + t, b + t, text) for a, b, text in part_cues]
        t += seconds
    return cues, t


def plan_lesson(root: Path, lesson, **engine) -> LessonPace:
    """A lesson's pace from its scenes' timing plans (title card not included)."""
    plans = plan_scenes(root, list(lesson.scenes), **engine)
    failed = [p for p in plans if p.error]
    if failed:
        raise RuntimeError(f"scene {failed[0].scene} failed: {failed[0].error}")
    cues, t = on_one_clock([(plan.captions, plan.seconds) for plan in plans])
    hold = max((b["hold"] for p in plans for b in p.beats), default=0.0)
    return LessonPace(f"{lesson.number:02d}_{lesson.slug}", caption_stats(cues, t), None, hold)
