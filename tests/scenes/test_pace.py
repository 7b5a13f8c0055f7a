"""Every lesson at the speed of speech: its timing plan (every scene run
fast-forwarded, each beat timed by the voice's speech: its cached real
durations or its calibrated estimate) gives a narrated pace of 130-175 words
per minute and captions a person can read (mathreel.cues / mathreel.audit)."""

from __future__ import annotations

import pytest

from mathreel.audit import PACE_WPM, caption_stats, on_one_clock
from mathreel.curriculum import load_curriculum
from mathreel.pacing import BREATH
from mathreel.project import QUALITIES
from mathreel.render import RenderJob, render_many
from conftest import ROOT

CURRICULUM = load_curriculum(ROOT)
LESSONS = [lesson for lesson in CURRICULUM.lessons if lesson.scenes]


def lesson_plan(results, lesson):
    """The lesson's captions on one clock, and its length (title card aside)."""
    for scene in lesson.scenes:
        assert results[scene.name].ok, results[scene.name].error
    return on_one_clock([(results[s.name].captions, results[s.name].duration) for s in lesson.scenes])


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda l: l.code)
def test_captions_follow_the_style_rules(checked, lesson):
    cues, seconds = lesson_plan(checked[1], lesson)
    report = caption_stats(cues, seconds)
    assert not report.problems, "\n".join(report.problems[:10])


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda l: l.code)
def test_the_narration_runs_at_a_speaking_pace(checked, lesson):
    cues, seconds = lesson_plan(checked[1], lesson)
    wpm = caption_stats(cues, seconds).wpm
    low, high = PACE_WPM
    assert low <= wpm <= high, f"lesson {lesson.code}: {wpm:.0f} words per minute"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda l: l.code)
def test_every_beat_lasts_its_speech(checked, lesson):
    for scene in lesson.scenes:
        for beat in checked[1][scene.name].beats:
            if beat["speech"]:
                assert beat["length"] >= beat["speech"] + BREATH - 1e-6, beat["text"]
                assert beat["length"] == pytest.approx(
                    beat["motion"] * beat["stretch"] + beat["waits"] + beat["hold"])


def test_a_silent_plan_equals_the_voiced_plan(checked, tmp_path, monkeypatch):
    """--voice none is timed exactly like the default voice, beat by beat."""
    lesson = CURRICULUM.lesson("04")
    monkeypatch.setenv("MATHREEL_VOICE", "none")
    jobs = [RenderJob(scene, QUALITIES["low"], "check") for scene in lesson.scenes]
    silent = {r.job.scene.name: r for r in render_many(tmp_path, jobs)}
    for scene in lesson.scenes:
        voiced = checked[1][scene.name]
        assert [(b["text"], b["length"]) for b in silent[scene.name].beats] == \
            [(b["text"], b["length"]) for b in voiced.beats]
        assert silent[scene.name].duration == pytest.approx(voiced.duration)
