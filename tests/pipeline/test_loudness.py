"""Publishing loudness: every stitched lesson and the course measure -16 LUFS
integrated (±1 LU) with the true peak at or under -1 dBTP, in AAC-LC 48 kHz,
whatever the level of the scenes' speech; a lesson without sound stays
digital silence. Measured with ffmpeg's ``ebur128`` filter (``peak=true``),
not with the loudnorm run that did the normalising."""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from lesson_media import probe, record_render, stream
from mathreel import loudness
from mathreel.curriculum import load_curriculum
from mathreel.project import QUALITIES, scene_video
from mathreel.publish.youtube import release_video
from mathreel.stitch import is_release_encode, join, lesson_parts, stitch_course, stitch_lesson

TARGET, WINDOW, PEAK_LIMIT = -16.0, 1.0, -1.0

CURRICULUM = '''
[[lesson]]
number = 1
slug = "levels"
title = "Quiet and loud"
description = "One scene at about -30 LUFS, one at about -10 LUFS."
tags = []
scenes = ["QuietScene", "LoudScene"]

[[lesson]]
number = 2
slug = "sparse"
title = "A little speech"
description = "One sentence in a long silence."
tags = []
scenes = ["SparseScene"]

[[lesson]]
number = 3
slug = "mute"
title = "No voice"
description = "A scene with a silent audio track."
tags = []
scenes = ["MuteScene"]
'''

#: each lesson's module (the curriculum requires it) -> its scene classes
MODULES = {"l01_levels": ["QuietScene", "LoudScene"], "l02_sparse": ["SparseScene"],
           "l03_mute": ["MuteScene"]}

QUIET = "The power iteration multiplies a vector by the matrix again and again."
LOUD = "Each step stretches the dominant direction the most."
SPARSE = "Now watch the vector turn toward the leading eigenvector. Why does this work?"
#: espeak-ng's lowest pitch, words 20 ms apart: peaks about 17 dB over the
#: loudness (stereo), like the piper voice's; loudnorm's dynamic mode alone
#: left this lesson at -17.3 LUFS
PEAKY = ["-p", "0", "-g", "20"]


def ebur128(path: Path) -> tuple[float, float]:
    """(integrated loudness in LUFS, true peak in dBTP) from ebur128's summary."""
    out = subprocess.run(["ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-i", str(path),
                          "-map", "0:a:0", "-af", "ebur128=peak=true", "-f", "null", "-"],
                         capture_output=True, text=True, check=True).stderr
    summary = out[out.rindex("Summary:"):]
    number = r"(-?inf|-?\d+(?:\.\d+)?)"
    return (float(re.search(rf"I:\s+{number} LUFS", summary).group(1)),
            float(re.search(rf"Peak:\s+{number} dBFS", summary).group(1)))


def max_sample(path: Path) -> int:
    """The largest absolute 16-bit sample of the decoded audio track."""
    raw = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-map", "0:a:0",
                          "-f", "s16le", "-acodec", "pcm_s16le", "-"],
                         capture_output=True, check=True).stdout
    samples = memoryview(raw).cast("h")
    return max((abs(s) for s in samples), default=0)


def scene_clip(path: Path, seconds: float, speech: Path | None = None, gain_db: float = 0.0,
               *, silent_track: bool = False) -> Path:
    """A test-pattern clip like Manim's; with ``speech``, that WAV (espeak-ng's
    22.05 kHz mono) at ``gain_db`` (limited under full scale) then silence;
    with ``silent_track``, an all-zero audio track."""
    path.parent.mkdir(parents=True, exist_ok=True)
    args = ["ffmpeg", "-v", "error", "-y", "-f", "lavfi",
            "-i", f"testsrc=size=854x480:rate=15:duration={seconds}"]
    if speech is not None:
        args += ["-i", str(speech), "-af",
                 f"volume={gain_db}dB,alimiter=limit=0.9:attack=0.1:release=1:level=false,apad", "-shortest"]
    elif silent_track:
        args += ["-f", "lavfi", "-i", f"anullsrc=r=22050:cl=mono:d={seconds}"]
    args += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    if speech is not None or silent_track:
        args += ["-c:a", "aac", "-ac", "1", "-ar", "22050"]
    subprocess.run(args + [str(path)], check=True)
    return path


def espeak(text: str, path: Path, *options: str) -> Path:
    subprocess.run(["espeak-ng", *options, "-w", str(path), text], check=True)
    return path


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """Three lessons rendered (synthetically) at low quality: speech at about
    -30 and -10 LUFS; a few seconds of peaky speech then silence; a silent
    audio track."""
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is not installed (scripts/setup installs it)")
    root = tmp_path_factory.mktemp("loud")
    (root / "curriculum.toml").write_text(textwrap.dedent(CURRICULUM))
    for module, classes in MODULES.items():
        (root / "scenes" / module).mkdir(parents=True)
        (root / "scenes" / module / "scenes.py").write_text("from manim import Scene\n" + "".join(
            f"class {name}(Scene):\n    pass\n" for name in classes))
    wav = root / "wav"
    wav.mkdir()
    def clip(name, seconds, *args, **kwargs):  # the render and its record, as rendering leaves them
        scene_clip(scene_video(root, "low", name), seconds, *args, **kwargs)
        record_render(root, "low", name, seconds)

    for number in (1, 2, 3):
        clip(f"Lesson{number:02d}Title", 3)
    clip("QuietScene", 5, espeak(QUIET, wav / "quiet.wav"), -9.6)
    clip("LoudScene", 4, espeak(LOUD, wav / "loud.wav"), 16.0)
    clip("SparseScene", 12, espeak(SPARSE, wav / "sparse.wav", *PEAKY))
    clip("MuteScene", 3, silent_track=True)
    return root


@pytest.fixture(scope="module")
def lessons(project):
    curriculum = load_curriculum(project)
    return {n: stitch_lesson(project, curriculum.lesson(n), "low") for n in (1, 2, 3)}


def assert_published_loudness(path: Path) -> tuple[float, float]:
    integrated, peak = ebur128(path)
    assert abs(integrated - TARGET) <= WINDOW, f"{path.name}: {integrated} LUFS"
    assert peak <= PEAK_LIMIT, f"{path.name}: true peak {peak} dBTP"
    audio = stream(probe(path), "audio")
    assert (audio["codec_name"], audio["profile"], audio["sample_rate"]) == ("aac", "LC", "48000")
    return integrated, peak


def test_the_fixture_scenes_are_far_from_the_target(project):
    quiet, _ = ebur128(scene_video(project, "low", "QuietScene"))
    loud, _ = ebur128(scene_video(project, "low", "LoudScene"))
    assert -33 <= quiet <= -27 and -13 <= loud <= -7


def test_quiet_and_loud_speech_become_one_programme_at_minus_16(lessons):
    assert_published_loudness(lessons[1].output)


def test_a_little_speech_in_long_silence_still_lands_in_the_window(lessons):
    assert_published_loudness(lessons[2].output)


def test_normalising_keeps_the_audio_as_long_as_the_video(lessons):
    for result in lessons.values():
        info = probe(result.output)
        audio, video = stream(info, "audio"), stream(info, "video")
        assert abs(float(audio["duration"]) - float(video["duration"])) <= 1 / 15


def test_a_lesson_without_sound_stays_digital_silence(lessons):
    output = lessons[3].output
    assert max_sample(output) == 0


def test_the_course_of_normalised_lessons_keeps_their_loudness(project, lessons):
    course = stitch_course(project, load_curriculum(project), "low")
    assert_published_loudness(course.output)


def test_the_youtube_release_encode_keeps_the_lesson_loudness(lessons, tmp_path):
    lesson = lessons[1].output
    released = tmp_path / "release.mp4"
    release_video(lesson, released)
    before, _ = ebur128(lesson)
    after, _ = assert_published_loudness(released)
    assert abs(after - before) <= 0.2


def test_a_release_stitch_is_normalised_and_its_bundle_copy_keeps_it(project, tmp_path):
    lesson = load_curriculum(project).lesson(2)
    stitched = join(lesson_parts(project, "low", lesson), tmp_path / "02_release.mp4",
                    title="02 release", quality=QUALITIES["low"], release=True,
                    leading_untitled=True)
    assert is_release_encode(stitched.output)
    level, _ = assert_published_loudness(stitched.output)
    bundled = tmp_path / "bundle.mp4"
    release_video(stitched.output, bundled)  # a release encode: copied, not re-encoded
    assert ebur128(bundled)[0] == level


def test_changing_the_loudness_settings_joins_again(project, tmp_path, monkeypatch):
    root = tmp_path / "copy"  # its own project: the other tests keep theirs
    shutil.copytree(project, root, ignore=shutil.ignore_patterns("lessons", "stitch"))
    lesson = load_curriculum(root).lesson(2)
    assert not stitch_lesson(root, lesson, "low").cached
    assert stitch_lesson(root, lesson, "low").cached
    monkeypatch.setattr(loudness, "TARGET_I", -26.0)  # the scene alone: -23.5
    again = stitch_lesson(root, lesson, "low")
    assert not again.cached
    assert abs(ebur128(again.output)[0] - -26.0) <= WINDOW
