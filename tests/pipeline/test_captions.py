"""Lesson captions: offsets against the known scene durations, well-formed
cues, and round trips through independent SRT and WebVTT parsers."""

from __future__ import annotations

import html

import pytest
import srt
import webvtt

from lesson_media import LESSON_01, SCENE_CLIPS, fake_render, make_project
from mathreel import captions as cap
from mathreel.curriculum import load_curriculum
from mathreel.project import lesson_video, sidecar
from mathreel.stitch import stitch_lesson

MS = 0.001


@pytest.fixture(scope="module")
def lesson(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("captions"))
    for name in LESSON_01:
        fake_render(root, "low", name)
    stitch_lesson(root, load_curriculum(root).lesson(1), "low")
    return lesson_video(root, "low", 1, "first")


def expected_cues():
    """Each scene's cues shifted by the sum of the durations before it, and
    clipped to the scene (Gamma's last cue runs 0.5 s past its end)."""
    start, cues = 0.0, []
    for name in LESSON_01:
        seconds, scene_cues = SCENE_CLIPS[name]
        cues += [(start + a, start + min(b, seconds), text) for a, b, text in scene_cues]
        start += seconds
    return cues


def test_srt_cues_are_offset_by_their_scene_start(lesson):
    cues = list(srt.parse(sidecar(lesson, "srt").read_text(encoding="utf-8")))
    want = expected_cues()
    assert [c.content for c in cues] == [t for _, _, t in want]
    for cue, (start, end, _) in zip(cues, want):
        assert abs(cue.start.total_seconds() - start) <= MS
        assert abs(cue.end.total_seconds() - end) <= MS


def test_webvtt_parses_the_same_cues(lesson):
    cues = webvtt.read(str(sidecar(lesson, "vtt")))
    want = expected_cues()
    # WebVTT text is HTML-escaped ('<' and '&' are markup): read it as a player does.
    assert [html.unescape(c.text) for c in cues] == [t for _, _, t in want]
    for cue, (start, end, _) in zip(cues, want):
        assert abs(_seconds(cue.start) - start) <= MS
        assert abs(_seconds(cue.end) - end) <= MS


def _seconds(stamp: str) -> float:
    h, m, s = stamp.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def test_cues_are_ordered_non_overlapping_and_inside_the_video(lesson):
    cues = list(srt.parse(sidecar(lesson, "srt").read_text(encoding="utf-8")))
    total = sum(SCENE_CLIPS[n][0] for n in LESSON_01)
    for a, b in zip(cues, cues[1:]):
        assert a.start < a.end <= b.start
    assert cues[0].start.total_seconds() >= 0
    assert cues[-1].end.total_seconds() <= total


def test_srt_round_trip_through_the_srt_package():
    cues = [cap.Cue(0.0, 1.5, "One"), cap.Cue(1.5, 3.25, "Two lines\nof text")]
    parsed = list(srt.parse(cap.format_srt(cues)))
    assert [(c.start.total_seconds(), c.end.total_seconds(), c.content) for c in parsed] == [
        (0.0, 1.5, "One"), (1.5, 3.25, "Two lines\nof text")]
    assert cap.parse_srt(srt.compose(parsed)) == cues


def test_vtt_escapes_markup_so_text_survives(tmp_path):
    path = tmp_path / "x.vtt"
    path.write_text(cap.format_vtt([cap.Cue(0, 1, "a < b & c --> d")]))
    assert html.unescape(webvtt.read(str(path))[0].text) == "a < b & c -> d"


def test_normalise_sorts_clips_and_removes_overlaps():
    cues = [cap.Cue(2.0, 4.0, "b"), cap.Cue(0.0, 2.5, "a"), cap.Cue(3.9, 9.0, "c"),
            cap.Cue(9.5, 10.0, "beyond")]
    assert cap.normalise(cues, duration=8.0) == [
        cap.Cue(0.0, 2.5, "a"), cap.Cue(2.5, 4.0, "b"), cap.Cue(4.0, 8.0, "c")]


def test_merge_shifts_each_part_by_its_start():
    parts = [([cap.Cue(0, 1, "x")], 0.0, 2.0), ([cap.Cue(0.5, 3.0, "y")], 2.0, 2.0)]
    assert cap.merge(parts) == [cap.Cue(0, 1, "x"), cap.Cue(2.5, 4.0, "y")]


def test_a_malformed_srt_names_the_file_and_line():
    with pytest.raises(cap.CaptionError) as err:
        cap.parse_srt("1\n00:00:01,000 --> later\nhi\n", "scene.srt")
    assert str(err.value) == "scene.srt:2: bad timestamp 'later'"
