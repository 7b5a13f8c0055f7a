"""Speech is the clock: a narrated scene rendered by the engine lasts as long
as its speech, its animations stretch to fill each beat, a silent render has
the same frames' timing as a voiced one, and its captions can be read."""

from __future__ import annotations

import subprocess
import textwrap

import pytest

from mathreel import voice
from mathreel.audit import caption_stats, measure_video, read_srt
from mathreel.curriculum import SceneRef
from mathreel.pacing import BREATH, MAX_STRETCH
from mathreel.project import QUALITIES
from mathreel.render import RenderJob, render_many

SCENE = '''
from manim import Dot, LEFT, RIGHT, Square, Create, FadeIn, linear
from scenekit.narration import NarratedScene


class Walk(NarratedScene):
    def construct(self):
        dot = Square(side_length=3, fill_opacity=1).move_to(LEFT * 4)  # big enough for freezedetect
        with self.beat("A dot walks from the left edge of the picture to the right edge, "
                       "slowly enough that you can follow every step it takes."):
            self.play(dot.animate.move_to(RIGHT * 4), run_time=1, rate_func=linear)
        with self.beat("Now it stops. The square keeps its written speed.", keep_speed=True):
            self.play(Create(Square()), run_time=1)
        with self.beat("Short."):
            self.play(FadeIn(Dot()), run_time=2)
'''

VOICE = "piper" if voice.ENGINES["piper"].available() else "espeak"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "scenes").mkdir()
    (tmp_path / "scenes" / "walk.py").write_text(textwrap.dedent(SCENE))
    return tmp_path


def render(root, voice_name, monkeypatch, mode="video"):
    monkeypatch.setenv(voice.VOICE_ENV, voice_name)
    job = RenderJob(SceneRef("Walk", root / "scenes" / "walk.py", "Walk"), QUALITIES["low"], mode)
    [result] = render_many(root, [job], chunk=False)
    assert result.ok, result.error
    return result


def frames(video):
    out = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                          "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", str(video)],
                         capture_output=True, text=True, check=True).stdout
    return int(out.strip())


def streams(video):
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "stream=codec_type",
                          "-of", "csv=p=0", str(video)], capture_output=True, text=True).stdout
    return out.split()


def test_speech_sets_the_pace_and_a_silent_render_matches_the_voiced_one(project, monkeypatch):
    voiced = render(project, VOICE, monkeypatch)
    voiced_frames, voiced_streams = frames(voiced.outputs["video"]), streams(voiced.outputs["video"])
    stats = measure_video(voiced.outputs["video"])
    cues = read_srt(voiced.outputs["srt"])
    silent = render(project, "none", monkeypatch)  # the same files, rendered again without sound
    plan = render(project, VOICE, monkeypatch, mode="check").beats
    assert [b["text"][:10] for b in plan] == ["A dot walk", "Now it sto", "Short."]
    walk, square, short = plan
    # 1. each beat lasts its speech plus a breath; the walk is stretched to fill it
    assert walk["length"] == pytest.approx(walk["speech"] + BREATH)
    assert walk["stretch"] == pytest.approx(min(MAX_STRETCH, walk["length"] / walk["motion"]))
    assert square["stretch"] == 1.0 and square["hold"] > 0  # keep_speed: a hold instead
    assert short["length"] == short["motion"] == 2.0  # never shortened
    # 2. the silent render is timed like the voiced one (within a frame per beat)
    assert abs(voiced_frames - frames(silent.outputs["video"])) <= len(plan)
    total = sum(b["length"] for b in plan)
    assert voiced_frames / 15 == pytest.approx(total, abs=len(plan) / 15)
    assert "audio" in voiced_streams and "audio" not in streams(silent.outputs["video"])
    # 3. the picture moves while the words are said: no still stretch in the stretched beat
    walking = (0.0, walk["motion"] * walk["stretch"])
    assert not [s for s in stats.stills if s[0] < walking[1] - 0.2], stats.stills
    assert stats.speech_share > 0.5
    # 4. captions: readable, never two at once, each sentence when it is spoken
    report = caption_stats(cues, stats.seconds)
    assert not report.problems, report.problems
    assert cues[0][0] == 0.0
    second_beat = next(c for c in cues if c[2].startswith("Now it stops."))
    assert second_beat[0] == pytest.approx(walk["length"], abs=0.1)


def test_beats_that_change_between_passes_are_refused(project, monkeypatch):
    (project / "scenes" / "walk.py").write_text(textwrap.dedent('''
        import time
        from manim import Dot, FadeIn
        from scenekit.narration import NarratedScene


        class Walk(NarratedScene):
            def construct(self):
                with self.beat(f"It is {time.perf_counter_ns()} now."):
                    self.play(FadeIn(Dot()))
    '''))
    monkeypatch.setenv(voice.VOICE_ENV, "none")
    job = RenderJob(SceneRef("Walk", project / "scenes" / "walk.py", "Walk"), QUALITIES["low"])
    [result] = render_many(project, [job], chunk=False)
    assert not result.ok
    assert "beat 1 differs between the planning pass and the render" in result.error


def test_a_render_records_where_its_stretched_animations_end(project, monkeypatch):
    """The contact sheet takes its frames at these ends: they are the video's
    own (stretched) timeline, not the written one."""
    from mathreel.render import render_play_times

    result = render(project, "none", monkeypatch)
    plays = render_play_times(project, result.job)
    plan = render(project, "none", monkeypatch, mode="check").beats
    walk = plan[0]
    assert plays[0] == pytest.approx(walk["motion"] * walk["stretch"], abs=1 / 15)
    assert sum(plays) == pytest.approx(frames(result.outputs["video"]) / 15, abs=len(plays) / 15)


def test_a_check_numbers_animations_as_the_render_does(project, monkeypatch):
    """`mathreel check` names animations by the numbers Manim's ``-n`` takes:
    the hold a check plays where the render stretches a beat instead is not
    counted, a hold the render plays too is."""
    from mathreel.render import render_play_times

    (project / "scenes" / "walk.py").write_text(textwrap.dedent('''
        from manim import Dot, FadeIn, FadeOut
        from scenekit.narration import NarratedScene


        class Walk(NarratedScene):
            def construct(self):
                dot = Dot()
                with self.beat("Short."):  # 0.4 s in a beat of 1 s: stretched, no hold
                    self.play(FadeIn(dot), run_time=0.4)
                with self.beat("Kept.", keep_speed=True):  # at its speed: then a hold
                    self.play(FadeOut(dot), run_time=0.4)
    '''))
    plays = render_play_times(project, render(project, "none", monkeypatch).job)
    check = render(project, "none", monkeypatch, mode="check")
    assert len(plays) == 3  # the stretched fade in; the fade out and its hold
    assert len(check.animation_ends) == len(plays)
