"""One real low-quality render of a lesson 02 scene, as `mathreel render` does it."""

from __future__ import annotations

import pytest
import srt

from mathreel.curriculum import load_curriculum
from mathreel.project import QUALITIES, scene_video
from mathreel.render import RenderJob, render_scene
from conftest import ffprobe


def test_a_lesson_02_scene_renders_to_video_and_captions(course_copy):
    curriculum = load_curriculum(course_copy)
    scenes = curriculum.lesson("02").scenes
    assert scenes, "lesson 02 has no scenes"
    scene = scenes[0]
    result = render_scene(course_copy, RenderJob(scene, QUALITIES["low"]))
    assert result.ok, result.error
    video = scene_video(course_copy, "low", scene.name)
    assert result.outputs == {"video": video, "srt": video.with_suffix(".srt")}

    info = ffprobe(video)
    [stream] = [s for s in info["streams"] if s["codec_type"] == "video"]
    assert (stream["width"], stream["height"], stream["r_frame_rate"]) == (854, 480, "15/1")
    duration = float(info["format"]["duration"])
    assert duration > 0
    assert duration == pytest.approx(result.duration, abs=1 / 15 + 1e-3)

    cues = list(srt.parse(video.with_suffix(".srt").read_text()))
    assert cues, "the render wrote no captions"
    assert all(a.end <= b.start for a, b in zip(cues, cues[1:]))
    assert cues[-1].end.total_seconds() <= duration + 1 / 15
