"""What every publishing target shares: a stitched lesson and its sidecars
(read through mathreel's captions and chapters modules), the lesson's
notebook, and the few ffmpeg calls only publishing needs.

A stitched lesson is ``media/<quality>/lessons/NN_<slug>.mp4`` with, beside
it, ``.srt``, ``.vtt``, ``.chapters.json`` (``[{"start", "end", "title"}]``,
seconds) and ``.chapters.txt`` (YouTube's ``0:00 Title`` list).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..captions import CaptionError, Cue, read_srt
from ..chapters import Chapter, read_chapters
from ..curriculum import Curriculum, Lesson, UnknownLessonError
from .. import media_tools
from ..encode import VideoInfo, probe
from ..media_tools import EncodeError
from ..project import lesson_video, sidecar
from ..verify import DamagedVideoError, check_stitched

class PublishError(ValueError):
    """Input the user can correct (unknown or unstitched lesson, bad option):
    a one-line message, exit code 2 at the CLI."""


class PublishFailure(RuntimeError):
    """A tool failed while publishing (ffmpeg, LaTeX): exit code 1."""


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
        return sidecar(self.video, "srt")

    @property
    def vtt(self) -> Path:
        return sidecar(self.video, "vtt")

    @property
    def chapters_json(self) -> Path:
        return sidecar(self.video, "chapters_json")

    @property
    def chapters_txt(self) -> Path:
        return sidecar(self.video, "chapters_txt")

    @property
    def notebook(self) -> str | None:
        """The repository-relative notebook of the lesson (its ``notebook`` field)."""
        return self.lesson.notebook

    @cached_property
    def chapters(self) -> list[Chapter]:
        try:
            chapters = read_chapters(self.chapters_json)
        except (ValueError, KeyError, TypeError) as exc:
            raise PublishError(f"{self.chapters_json} is not a chapter list: {exc}") from None
        return sorted(chapters, key=lambda c: c.start)

    @cached_property
    def cues(self) -> list[Cue]:
        try:
            return read_srt(self.srt)
        except CaptionError as exc:
            raise PublishError(str(exc)) from None

    @cached_property
    def info(self) -> VideoInfo:
        return probe(self.video)

    @property
    def duration(self) -> float:
        return self.info.duration

    @property
    def size(self) -> tuple[int, int]:
        return self.info.width, self.info.height

    def key_frame_time(self) -> float:
        """Where the lesson shows what it is about: the middle of its second
        chapter (the first after the opening), else 40% of the way in."""
        if len(self.chapters) >= 2:
            second = self.chapters[1]
            return min((second.start + second.end) / 2, self.duration - 0.1)
        return 0.4 * self.duration


def find_lesson(curriculum: Curriculum, key: str) -> Lesson:
    try:
        return curriculum.find_lesson(key)
    except UnknownLessonError as exc:
        raise PublishError(str(exc)) from None


def find_stitched(curriculum: Curriculum, key: str | Lesson, quality: str) -> StitchedLesson:
    """The stitched lesson ``key`` (number or slug) at ``quality``, with every
    sidecar present and the video the file its stitch record describes
    (:func:`mathreel.verify.check_stitched`); else a PublishError naming the
    missing or damaged file and the command that makes it."""
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
    try:
        check_stitched(curriculum.root, quality, video,
                       f"mathreel stitch {lesson.code} -q {quality} --force")
    except DamagedVideoError as exc:
        raise PublishError(str(exc)) from None
    return stitched


def stitched_lessons(curriculum: Curriculum, quality: str) -> list[StitchedLesson]:
    """Every lesson whose video is stitched at ``quality`` (sidecars checked)."""
    return [
        find_stitched(curriculum, lesson, quality)
        for lesson in curriculum.lessons
        if lesson_video(curriculum.root, quality, lesson.number, lesson.slug).is_file()
    ]


# ---------------------------------------------------------------- ffmpeg


def remux(src: Path, dst: Path) -> None:
    """Video and audio by stream copy (no re-encode), moov atom first."""
    try:
        media_tools.run([*media_tools.FFMPEG_QUIET, "-i", str(src), "-map", "0:v:0",
                         "-map", "0:a?", "-c", "copy", "-movflags", "+faststart", str(dst)],
                        f"remuxing {src.name}", timeout=600)
    except EncodeError as exc:
        raise PublishFailure(str(exc)) from None


def link_or_copy(src: Path, dst: Path) -> None:
    """A hard link where the file system allows it (instant, no extra space), else a copy."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
