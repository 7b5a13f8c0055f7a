"""Stitching: durations and frame counts (ffprobe), stream copy vs re-encode,
the audio and soft-subtitle tracks, and one real Manim lesson end to end."""

from __future__ import annotations

import json
import textwrap
from fractions import Fraction
from pathlib import Path

import pytest

from lesson_media import (
    LESSON_01, SCENE_CLIPS, fake_render, frames_and_rate, make_clip, make_project, probe,
    stream, video_packets,
)
from mathreel.curriculum import load_curriculum
from mathreel.project import QUALITIES, lesson_video, scene_video, sidecar
from mathreel.stitch import MissingRenderError, Part, join, stitch_lesson

FRAME = 1 / 15  # one frame at 15 fps: the tolerance of every duration check
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def stitched(tmp_path_factory):
    """Lesson 01 of the synthetic project, stitched once."""
    root = make_project(tmp_path_factory.mktemp("project"))
    for name in LESSON_01:
        fake_render(root, "low", name)
    lesson = load_curriculum(root).lesson(1)
    return root, stitch_lesson(root, lesson, "low")


def test_lesson_lands_at_its_contract_path_with_every_sidecar(stitched):
    root, result = stitched
    video = root / "media" / "low" / "lessons" / "01_first.mp4"
    assert result.output == video == lesson_video(root, "low", 1, "first")
    for suffix in (".srt", ".vtt", ".chapters.json", ".chapters.txt"):
        assert video.with_name("01_first" + suffix).is_file(), suffix
    assert not [p.name for p in video.parent.iterdir() if p.name.startswith(".")]


def test_duration_and_frame_count_equal_the_sum_of_the_parts(stitched):
    root, result = stitched
    parts = [frames_and_rate(scene_video(root, "low", n)) for n in LESSON_01]
    frames, rate = frames_and_rate(result.output)
    assert rate == Fraction(15)
    assert frames == sum(f for f, _ in parts) == 40 * 15
    info = probe(result.output)
    expected = sum(SCENE_CLIPS[n][0] for n in LESSON_01)
    assert abs(float(stream(info, "video")["duration"]) - expected) <= FRAME
    assert abs(float(info["format"]["duration"]) - expected) <= FRAME


def test_matching_parts_are_joined_by_stream_copy(stitched):
    root, result = stitched
    assert result.plan.copy and result.method == "stream copy"
    out = video_packets(result.output)
    at = 0
    for name in LESSON_01:
        part = video_packets(scene_video(root, "low", name))
        # The part's first packet (a keyframe) gains only its in-band SPS/PPS;
        # every other packet is byte for byte the rendered one: nothing re-encoded.
        assert 0 <= out[at][0] - part[0][0] < 64
        assert out[at + 1:at + len(part)] == part[1:]
        at += len(part)
    assert at == len(out)


def test_every_lesson_has_an_aac_48k_stereo_track_as_long_as_its_video(stitched):
    _, result = stitched
    info = probe(result.output)
    audio = stream(info, "audio")
    assert (audio["codec_name"], audio["profile"], audio["sample_rate"], audio["channels"]) == (
        "aac", "LC", "48000", 2)
    assert abs(float(audio["duration"]) - float(stream(info, "video")["duration"])) <= FRAME


def test_the_soft_subtitle_track_exists(stitched):
    _, result = stitched
    subtitle = stream(probe(result.output), "subtitle")
    assert subtitle["codec_name"] == "mov_text"
    assert subtitle["tags"]["language"] == "eng"


def test_parts_that_differ_are_re_encoded_and_the_difference_named(tmp_path):
    a = make_clip(tmp_path / "a.mp4", 2)
    b = make_clip(tmp_path / "b.mp4", 3, fps=30)
    c = make_clip(tmp_path / "c.mp4", 2, size="640x360")
    result = join([Part(a, "A", name="A"), Part(b, "B", name="B"), Part(c, "C", name="C")],
                  tmp_path / "out.mp4", title="mixed", quality=QUALITIES["low"])
    assert not result.plan.copy
    assert result.plan.reason == "B differs from A in frame rate (30 vs 15)"
    assert result.method.startswith("re-encoded: B differs")
    video = stream(probe(result.output), "video")
    assert (video["width"], video["height"], video["r_frame_rate"]) == (854, 480, "15/1")
    assert abs(float(video["duration"]) - 7) <= FRAME
    assert video_packets(result.output)[1:5] != video_packets(a)[1:5]


def test_a_resolution_difference_is_named(tmp_path):
    a = make_clip(tmp_path / "a.mp4", 1)
    c = make_clip(tmp_path / "c.mp4", 1, size="640x360")
    result = join([Part(a, "A", name="A"), Part(c, "C", name="C")], tmp_path / "out.mp4",
                  title="mixed", quality=QUALITIES["low"])
    assert result.plan.reason == "C differs from A in resolution (640x360 vs 854x480)"


def test_stitching_an_unrendered_lesson_names_the_missing_scenes(tmp_path):
    root = make_project(tmp_path)
    fake_render(root, "low", "AlphaScene")
    with pytest.raises(MissingRenderError) as err:
        stitch_lesson(root, load_curriculum(root).lesson(1), "low")
    assert str(err.value) == (
        "lesson 01: not rendered at low quality: Lesson01Title, BetaScene, GammaScene, "
        "DeltaScene; run `mathreel build 01 -q low`")


REAL_SCENES = '''
    from manim import Circle, Create, FadeOut, Square

    from scenekit.narration import NarratedScene


    class CircleAppears(NarratedScene):
        def construct(self):
            circle = Circle()
            with self.beat("A circle appears, <bookmark mark='A'/> and this sentence takes "
                           "longer to say than the animation takes to play."):
                self.play(Create(circle), run_time=0.5)


    class SquareFades(NarratedScene):
        def construct(self):
            square = Square()
            self.add(square)
            with self.beat("Now the square fades."):
                self.play(FadeOut(square), run_time=0.5)
'''


def test_a_real_narrated_lesson_renders_speaks_and_stitches(tmp_path, monkeypatch):
    """The one real render: two tiny narrated scenes and a title card, with the
    espeak draft voice, through `mathreel build`."""
    from click.testing import CliRunner

    import srt
    from mathreel.cli import cli

    root = tmp_path
    (root / "scenes" / "l01_tiny").mkdir(parents=True)
    (root / "scenes" / "l01_tiny" / "scenes.py").write_text(textwrap.dedent(REAL_SCENES))
    (root / "curriculum.toml").write_text(textwrap.dedent('''
        [[lesson]]
        number = 1
        slug = "tiny"
        title = "Tiny lesson"
        description = "Two scenes."
        tags = []
        scenes = ["CircleAppears", { scene = "SquareFades", title = "The square fades" }]
    '''))
    monkeypatch.setenv("MATHREEL_ROOT", str(root))
    monkeypatch.delenv("MATHREEL_VOICE", raising=False)
    result = CliRunner().invoke(cli, ["build", "-q", "low", "--voice", "espeak"])
    assert result.exit_code == 0, result.output

    names = ["Lesson01Title", "CircleAppears", "SquareFades"]
    lesson = lesson_video(root, "low", 1, "tiny")
    frames, _ = frames_and_rate(lesson)
    assert frames == sum(frames_and_rate(scene_video(root, "low", n))[0] for n in names)
    # Each scene carries its speech; the long beat outlasts its 0.5 s animation
    # and its speech (espeak's WAV, bookmark not spoken).
    from mathreel.voice import Narrator
    text = ("A circle appears, <bookmark mark='A'/> and this sentence takes longer to say "
            "than the animation takes to play.")
    [beat] = Narrator(root, "espeak").speeches("CircleAppears", [text])
    spoken = json.loads(beat.path.with_suffix(".json").read_text())["sentences"]
    assert spoken and not any("bookmark" in sentence for sentence in spoken)
    speech = beat.duration
    assert speech > 3
    circle = probe(scene_video(root, "low", "CircleAppears"))
    assert float(stream(circle, "video")["duration"]) >= speech
    assert stream(circle, "audio")["codec_name"] == "aac"
    cues = list(srt.parse(scene_video(root, "low", "CircleAppears").with_suffix(".srt")
                          .read_text()))
    assert cues[-1].end.total_seconds() >= speech - 0.01
    # The lesson's captions start each scene's cues at that scene's start.
    title_seconds = frames_and_rate(scene_video(root, "low", "Lesson01Title"))[0] / 15
    lesson_cues = list(srt.parse(sidecar(lesson, "srt").read_text()))
    first_circle = next(c for c in lesson_cues if c.content.startswith("A circle"))
    assert abs(first_circle.start.total_seconds() - title_seconds) <= FRAME
    assert stream(probe(lesson), "subtitle")["codec_name"] == "mov_text"
    assert (root / "media" / "low" / "course.mp4").is_file()


def test_burn_in_a_project_whose_path_holds_quote_colon_comma(tmp_path):
    """The subtitles filter reads its file name as filter syntax (issue #14,
    item 12): a path with ' : , must still burn the captions."""
    import subprocess

    (tmp_path / "it's: odd, really").mkdir()
    root = make_project(tmp_path / "it's: odd, really")
    for name in LESSON_01:
        fake_render(root, "low", name)
    result = stitch_lesson(root, load_curriculum(root).lesson(1), "low", burn=True)
    burned = result.sidecars["burned"]
    assert burned == result.output.with_name("01_first.burned.mp4") and burned.is_file()
    assert frames_and_rate(burned)[0] == frames_and_rate(result.output)[0]

    def first_frame(video: Path) -> bytes:  # the title card's cue is on screen at 0.0 s
        return subprocess.run(["ffmpeg", "-v", "error", "-i", str(video), "-frames:v", "1",
                               "-f", "rawvideo", "-pix_fmt", "gray", "-"],
                              capture_output=True, check=True).stdout

    assert first_frame(burned) != first_frame(result.output)  # captions drawn in
    assert not [p.name for p in burned.parent.iterdir() if p.name.startswith(".")]
