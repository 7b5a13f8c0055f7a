"""What every publishing target shares: a stitched lesson and its sidecars,
chapters, caption cues, the lesson's notebook, frames, and atomic writes.

A stitched lesson is ``media/<quality>/lessons/NN_<slug>.mp4`` with, beside
it, ``.srt``, ``.vtt``, ``.chapters.json`` (``[{"start", "end", "title"}]``,
seconds) and ``.chapters.txt`` (YouTube's ``0:00 Title`` list).
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..curriculum import Curriculum, Lesson
from ..project import lesson_video

# Which notebook runs a lesson's mathcore code, by lesson number. Paths are
# relative to the repository root.
NOTEBOOKS: tuple[tuple[range, str], ...] = (
    (range(0, 5), "notebooks/01_linear_algebra.ipynb"),  # overview, vectors .. norms
    (range(5, 8), "notebooks/02_optimization.ipynb"),  # multivariate calculus .. gradient descent
    (range(8, 13), "notebooks/03_probability_and_information.ipynb"),  # probability .. sampling
    (range(13, 19), "notebooks/04_advanced_topics.ipynb"),  # DL linear algebra .. generative
)


class PublishError(ValueError):
    """Input the user can correct (unknown or unstitched lesson, bad option):
    a one-line message, exit code 2 at the CLI."""


class PublishFailure(RuntimeError):
    """A tool failed while publishing (ffmpeg, LaTeX): exit code 1."""


@dataclass(frozen=True)
class Chapter:
    start: float
    end: float
    title: str


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str


def notebook_for(number: int) -> str:
    """The repository-relative path of the notebook for a lesson."""
    for numbers, path in NOTEBOOKS:
        if number in numbers:
            return path
    return NOTEBOOKS[-1][1]


def timestamp(seconds: float) -> str:
    """YouTube's chapter stamp: ``0:00``, ``12:05``, ``1:02:03``."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


_TIME_RE = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})")


def _seconds(text: str) -> float:
    match = _TIME_RE.fullmatch(text.strip())
    if not match:
        raise ValueError(f"bad cue time {text!r}")
    hours, minutes, secs, millis = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(secs) + int(millis) / 1000


def parse_vtt(text: str) -> list[Cue]:
    """The cues of a WebVTT file, with tags stripped and entities decoded."""
    cues = []
    for block in re.split(r"\r?\n\s*\r?\n", text.replace("\ufeff", "")):
        lines = block.strip().splitlines()
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if timing is None:
            continue  # the header, NOTE and STYLE blocks
        start, _, rest = lines[timing].partition("-->")
        end = rest.strip().split()[0]
        body = " ".join(line.strip() for line in lines[timing + 1:])
        body = html.unescape(re.sub(r"<[^>]+>", "", body)).strip()
        if body:
            cues.append(Cue(_seconds(start), _seconds(end), body))
    return cues


@dataclass(frozen=True)
class StitchedLesson:
    """One lesson as ``mathreel stitch`` left it, at one quality."""

    lesson: Lesson
    quality: str
    video: Path
    root: Path  # the project root

    @property
    def stem(self) -> str:
        return self.video.stem  # NN_<slug>

    @property
    def srt(self) -> Path:
        return self.video.with_suffix(".srt")

    @property
    def vtt(self) -> Path:
        return self.video.with_suffix(".vtt")

    @property
    def chapters_json(self) -> Path:
        return self.video.with_suffix(".chapters.json")

    @property
    def chapters_txt(self) -> Path:
        return self.video.with_suffix(".chapters.txt")

    @property
    def notebook(self) -> str:
        return notebook_for(self.lesson.number)

    @cached_property
    def chapters(self) -> list[Chapter]:
        try:
            raw = json.loads(self.chapters_json.read_text(encoding="utf-8"))
            chapters = [Chapter(float(c["start"]), float(c["end"]), str(c["title"])) for c in raw]
        except (ValueError, KeyError, TypeError) as exc:
            raise PublishError(f"{self.chapters_json} is not a chapter list: {exc}") from None
        return sorted(chapters, key=lambda c: c.start)

    @cached_property
    def chapters_text(self) -> str:
        """YouTube's chapter list, as stitch wrote it."""
        return self.chapters_txt.read_text(encoding="utf-8").strip()

    @cached_property
    def cues(self) -> list[Cue]:
        return parse_vtt(self.vtt.read_text(encoding="utf-8"))

    @cached_property
    def info(self) -> dict:
        return probe(self.video)

    @property
    def duration(self) -> float:
        return float(self.info["format"]["duration"])

    @property
    def size(self) -> tuple[int, int]:
        video = next(s for s in self.info["streams"] if s["codec_type"] == "video")
        return int(video["width"]), int(video["height"])

    def key_frame_time(self) -> float:
        """Where the lesson shows what it is about: the middle of its second
        chapter (the first after the opening), else 40% of the way in."""
        if len(self.chapters) >= 2:
            second = self.chapters[1]
            return min((second.start + second.end) / 2, self.duration - 0.1)
        return 0.4 * self.duration


def find_lesson(curriculum: Curriculum, key: str) -> Lesson:
    lesson = curriculum.lesson(key)
    if lesson is None:
        raise PublishError(f"unknown lesson '{key}'; `mathreel list` shows the lessons")
    return lesson


def find_stitched(curriculum: Curriculum, key: str | Lesson, quality: str) -> StitchedLesson:
    """The stitched lesson ``key`` (number or slug) at ``quality``, with every
    sidecar present; else a PublishError naming the missing file and the
    command that makes it."""
    lesson = key if isinstance(key, Lesson) else find_lesson(curriculum, key)
    video = lesson_video(curriculum.root, quality, lesson.number, lesson.slug)
    stitched = StitchedLesson(lesson, quality, video, curriculum.root)
    for path in (video, stitched.srt, stitched.vtt, stitched.chapters_json, stitched.chapters_txt):
        if not path.is_file():
            shown = path.relative_to(curriculum.root) if path.is_relative_to(curriculum.root) else path
            raise PublishError(
                f"lesson {lesson.code} is not stitched at {quality} quality: {shown} is missing; "
                f"run `mathreel stitch {lesson.code} -q {quality}`"
            )
    return stitched


def stitched_lessons(curriculum: Curriculum, quality: str) -> list[StitchedLesson]:
    """Every lesson whose video is stitched at ``quality`` (sidecars checked)."""
    return [
        find_stitched(curriculum, lesson, quality)
        for lesson in curriculum.lessons
        if lesson_video(curriculum.root, quality, lesson.number, lesson.slug).is_file()
    ]


# ---------------------------------------------------------------- ffmpeg


def _run(cmd: list[str], what: str) -> subprocess.CompletedProcess:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    except FileNotFoundError:
        raise PublishFailure(f"{cmd[0]} not found; install ffmpeg (`mathreel doctor`)") from None
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise PublishFailure(f"{what} failed: {last}")
    return done


def probe(video: Path) -> dict:
    done = _run(["ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                 "-show_streams", str(video)], f"ffprobe {video.name}")
    return json.loads(done.stdout)


def grab_frame(video: Path, at: float, dst: Path, width: int | None = None) -> Path:
    """One frame at ``at`` seconds as an image (format from dst's suffix)."""
    scale = ["-vf", f"scale={width}:-2"] if width else []
    quality = ["-q:v", "3"] if dst.suffix.lower() in (".jpg", ".jpeg") else []
    _run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-ss", f"{max(at, 0):.3f}", "-i", str(video),
          "-frames:v", "1", *scale, *quality, str(dst)], f"grabbing a frame of {video.name}")
    if not dst.is_file():
        raise PublishFailure(f"grabbing a frame of {video.name} at {at:.1f} s wrote nothing")
    return dst


def remux(src: Path, dst: Path) -> None:
    """Video and audio by stream copy (no re-encode), moov atom first."""
    _run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", str(src), "-map", "0:v:0", "-map", "0:a?",
          "-c", "copy", "-movflags", "+faststart", str(dst)], f"remuxing {src.name}")


def link_or_copy(src: Path, dst: Path) -> None:
    """A hard link where the file system allows it (instant, no extra space), else a copy."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


# ---------------------------------------------------------------- atomic output


@contextlib.contextmanager
def atomic_dir(dest: Path) -> Iterator[Path]:
    """Yield an empty private folder beside ``dest``; on success it replaces
    ``dest``, on failure it is removed and ``dest`` is left as it was."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.tmp-", dir=dest.parent))
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    os.chmod(tmp, 0o755)
    old = None
    if dest.exists():
        old = dest.parent / f".{dest.name}.old-{os.getpid()}"
        shutil.rmtree(old, ignore_errors=True)
        dest.rename(old)
    tmp.rename(dest)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_text_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
