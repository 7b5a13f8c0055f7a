"""Small synthetic media for the lesson-video tests: ffmpeg test clips made in
the test, hand-written captions, a throw-away one-lesson project, and probes
that do not use mathreel's own code."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import textwrap
from fractions import Fraction
from pathlib import Path

from mathreel.cache import write_record
from mathreel.curriculum import SceneRef
from mathreel.project import QUALITIES, scene_video
from mathreel.render import RenderJob

LOW = dict(size="854x480", fps=15)


def make_clip(path: Path, seconds: float, *, size: str = "854x480", fps: int = 15,
              audio: bool = False, pix_fmt: str = "yuv420p", tone: int = 440) -> Path:
    """An H.264 test-pattern clip like Manim's (x264, yuv420p), optionally with
    a mono 22.05 kHz tone (espeak's format) as its audio."""
    path.parent.mkdir(parents=True, exist_ok=True)
    args = ["ffmpeg", "-v", "error", "-y", "-f", "lavfi",
            "-i", f"testsrc=size={size}:rate={fps}:duration={seconds}"]
    if audio:
        args += ["-f", "lavfi", "-i", f"sine=frequency={tone}:sample_rate=22050:duration={seconds}"]
    args += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", pix_fmt]
    if audio:
        args += ["-c:a", "aac", "-ac", "1"]
    subprocess.run(args + [str(path)], check=True)
    return path


def write_srt(path: Path, cues: list[tuple[float, float, str]]) -> Path:
    def stamp(t: float) -> str:
        ms = round(t * 1000)
        return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"
    path.write_text("".join(f"{i}\n{stamp(a)} --> {stamp(b)}\n{text}\n\n"
                            for i, (a, b, text) in enumerate(cues, 1)), encoding="utf-8")
    return path


def probe(path: Path, *extra: str) -> dict:
    out = subprocess.run(["ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                          "-show_streams", "-show_chapters", *extra, str(path)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def stream(info: dict, kind: str) -> dict:
    found = [s for s in info["streams"] if s["codec_type"] == kind]
    assert found, f"no {kind} stream"
    return found[0]


def frames_and_rate(path: Path) -> tuple[int, Fraction]:
    video = stream(probe(path), "video")
    return int(video["nb_frames"]), Fraction(video["r_frame_rate"])


def video_packets(path: Path) -> list[tuple[int, str]]:
    """(size, MD5 of the payload) of every video packet, in file order."""
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_packets",
                          "-show_data_hash", "md5", "-print_format", "json", str(path)],
                         capture_output=True, text=True, check=True)
    return [(int(p["size"]), p["data_hash"]) for p in json.loads(out.stdout)["packets"]]


def top_level_atoms(path: Path) -> list[str]:
    """The MP4's top-level box types in order (an independent faststart check)."""
    atoms, data = [], path.read_bytes()
    i = 0
    while i + 8 <= len(data):
        size = int.from_bytes(data[i:i + 4], "big")
        kind = data[i + 4:i + 8].decode("latin-1")
        if size == 1:
            size = int.from_bytes(data[i + 8:i + 16], "big")
        atoms.append(kind)
        if size == 0:
            break
        i += size
    return atoms


def damage(video: Path, at: float, length: int = 1000) -> None:
    """Overwrite ``length`` bytes at ``at`` (a fraction of the file) with 0xFF,
    keeping the size and the modification time."""
    stat = video.stat()
    data = bytearray(video.read_bytes())
    start = min(int(len(data) * at), len(data) - length)
    data[start:start + length] = b"\xff" * length
    video.unlink()  # break any hard link to a shared clip
    video.write_bytes(bytes(data))
    os.utime(video, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert video.stat().st_size == stat.st_size


CURRICULUM = '''
[[lesson]]
number = 1
slug = "first"
title = "First lesson"
description = "Three scenes."
tags = []
scenes = ["AlphaScene", { scene = "BetaScene", title = "Beta, titled" }, "GammaScene",
          "DeltaScene"]

[[lesson]]
number = 2
slug = "second"
title = "Second lesson"
description = "One scene that breaks."
tags = []
scenes = ["BrokenScene"]

[[lesson]]
number = 3
slug = "later"
title = "Later"
description = "No scenes yet."
tags = []
scenes = []
'''

SCENES = {
    "l01_first": '''
        from manim import Scene
        class AlphaScene(Scene):
            pass
        class BetaScene(Scene):
            pass
        class GammaScene(Scene):
            pass
        class DeltaScene(Scene):
            pass
    ''',
    "l02_second": '''
        from manim import Scene
        class BrokenScene(Scene):
            def construct(self):
                1 / 0
    ''',
}

#: the synthetic renders: scene -> (seconds, cues in scene time)
SCENE_CLIPS = {
    "Lesson01Title": (3, [(0.0, 2.0, "Lesson 1. First lesson.")]),
    "Lesson02Title": (3, [(0.0, 2.0, "Lesson 2. Second lesson.")]),
    "AlphaScene": (12, [(0.0, 5.0, "Alpha begins."), (5.0, 12.0, "Alpha ends.")]),
    "BetaScene": (4, [(0.0, 4.0, "Beta is short.")]),
    "GammaScene": (11, [(1.0, 6.5, "Gamma."), (6.5, 11.5, "Gamma runs past its end.")]),
    "DeltaScene": (10, [(0.0, 10.0, "Delta <b>bold</b> & done.")]),
}
LESSON_01 = ["Lesson01Title", "AlphaScene", "BetaScene", "GammaScene", "DeltaScene"]


def make_project(root: Path) -> Path:
    """A three-lesson project: lesson 01 of three scenes, lesson 02 whose scene
    fails, lesson 03 without scenes."""
    (root / "curriculum.toml").write_text(textwrap.dedent(CURRICULUM))
    for name, source in SCENES.items():
        (root / "scenes" / name).mkdir(parents=True, exist_ok=True)
        (root / "scenes" / name / "scenes.py").write_text(textwrap.dedent(source))
    return root


_CLIPS = Path(tempfile.mkdtemp(prefix="mathreel-test-clips-"))


def fake_render(root: Path, quality: str, name: str) -> Path:
    """Put a synthetic render (clip + .srt) where the render stage would, with
    the render record it would write (each clip is made once per test
    session, then copied). The record's frame count is the clip's length
    times its 15 fps, as made by ``make_clip``."""
    seconds, cues = SCENE_CLIPS[name]
    made = _CLIPS / f"{name}.mp4"
    if not made.is_file():
        make_clip(made, seconds, audio=name == "AlphaScene")
    video = scene_video(root, quality, name)
    video.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(made, video)
    write_srt(video.with_suffix(".srt"), cues)
    return record_render(root, quality, name, seconds)


def record_render(root: Path, quality: str, name: str, seconds: int) -> Path:
    """Write the render record of the clip of ``seconds`` at 15 fps now at
    ``name``'s place, as the render stage does after a render."""
    video = scene_video(root, quality, name)
    outputs = {"video": video}
    if video.with_suffix(".srt").is_file():
        outputs["srt"] = video.with_suffix(".srt")
    job = RenderJob(SceneRef(name, root / "scenes" / "unused.py", name), QUALITIES[quality])
    write_record(root, job, None, outputs,
                 {"frames": seconds * LOW["fps"], "duration": float(seconds)})
    return video
