"""The commands about whole lessons: stitch, build, pace."""

from __future__ import annotations

import dataclasses
from typing import Callable, Iterable, Iterator

from ..curriculum import Curriculum, Lesson
from . import Failure, InputError
from .selection import lessons_named


def _require_scenes(lessons: list[Lesson]) -> None:
    empty = [l for l in lessons if not l.scenes]
    if empty:
        raise InputError(f"lesson {empty[0].code} ({empty[0].slug}) has no scenes yet")


def stitch_lessons(curriculum: Curriculum, keys: Iterable[str], quality: str, *,
                   course: bool = False, release: bool = False, burn: bool = False,
                   force: bool = False, on_result: Callable | None = None,
                   reporter=None) -> list:
    """Render the title cards of the lessons ``keys`` names, join each
    lesson's title card and rendered scenes, then (``course``) every
    stitched lesson into the course video; ``on_result`` gets each
    :class:`~mathreel.stitch.StitchResult` as it is written.

    Raises
    ------
    InputError
        No lesson and no course asked for, a lesson without scenes or with
        an unreadable module, a scene not rendered yet or still.
    Failure
        A title card that failed, a join or an encode that failed.
    """
    from ..build import render_lessons
    from ..encode import EncodeError
    from ..stitch import (
        MissingRenderError, StillSceneError, StitchError, require_videos, stitch_course,
        stitch_lesson,
    )

    keys = list(keys)
    if not keys and not course:
        raise InputError("name a lesson (e.g. `mathreel stitch 02`) or pass --course")
    chosen = lessons_named(curriculum, keys)
    _require_scenes(chosen)
    for lesson in chosen:
        if curriculum.lesson_error(lesson):
            raise InputError(f"lesson {lesson.code}: {curriculum.lesson_error(lesson)}")
    on_result = on_result or (lambda result: None)
    results = []
    try:
        for lesson in chosen:  # before the title cards are rendered
            require_videos(curriculum.root, quality, lesson, lesson.scenes)
        # a lesson without scenes: render_lessons renders its title card only
        titles = render_lessons(curriculum.root,
                                [dataclasses.replace(l, scenes=()) for l in chosen], quality,
                                reporter=reporter)
        if reporter is not None:  # its display ends before the stitching prints
            reporter.close()
        failed = [r for rs in titles.values() for r in rs if not r.ok]
        if failed:
            raise Failure(f"title card {failed[0].job.scene.name} failed: {failed[0].error}")
        for lesson in chosen:
            results.append(stitch_lesson(curriculum.root, lesson, quality, release=release,
                                         burn=burn, force=force))
            on_result(results[-1])
        if course:
            results.append(stitch_course(curriculum.root, curriculum, quality,
                                         release=release, burn=burn, force=force))
            on_result(results[-1])
    except (MissingRenderError, StillSceneError) as exc:
        raise InputError(str(exc)) from None
    except (StitchError, EncodeError) as exc:
        raise Failure(str(exc)) from None
    return results


def build_lessons(curriculum: Curriculum, keys: Iterable[str], quality: str, *,
                  course: bool = True, on_lesson: Callable | None = None, **options):
    """Render and stitch the lessons ``keys`` names (none: every lesson that
    has scenes, then the course unless ``course`` is False); ``options``:
    more options of :func:`mathreel.build.build` (release, burn, force,
    n_jobs, scheduler, ...).

    Returns
    -------
    BuildReport
        What was built and what failed; :func:`build_error` words a failure.
    """
    from ..build import build

    keys = list(keys)
    chosen = lessons_named(curriculum, keys) if keys else list(curriculum.lessons)
    if keys:
        _require_scenes(chosen)
    try:
        return build(curriculum, chosen, quality, course=course and not keys,
                     on_lesson=on_lesson, **options)
    except ConnectionError as exc:
        raise InputError(str(exc)) from None


def build_error(report) -> str | None:
    """The one error a build report ends with, or None when all went well."""
    failed = [o for o in report.lessons if not o.ok]
    if len(failed) == 1:
        return f"lesson {failed[0].lesson.code} failed: {failed[0].error}"
    if failed:
        lines = "\n".join(f"  {o.lesson.code}: {o.error}" for o in failed)
        return f"{len(failed)} of {len(report.lessons)} lessons failed:\n{lines}"
    return report.course_error


def pace_reports(curriculum: Curriculum, keys: Iterable[str], quality: str, *,
                 plan: bool = False) -> Iterator:
    """Measure each lesson ``keys`` names (none: every lesson with scenes),
    one report at a time: its built video at ``quality``, or with ``plan``
    the timing plan of a dry run.

    Raises
    ------
    InputError
        A lesson not built at ``quality``.
    Failure
        A dry run that failed.
    """
    from ..audit import measure_lesson, plan_lesson
    from ..project import lesson_video

    keys = list(keys)
    chosen = lessons_named(curriculum, keys) if keys else [l for l in curriculum.lessons
                                                           if l.scenes]
    for lesson in chosen:
        if plan:
            try:
                report = plan_lesson(curriculum.root, lesson)
            except RuntimeError as exc:
                raise Failure(str(exc)) from None
            yield report
            continue
        video = lesson_video(curriculum.root, quality, lesson.number, lesson.slug)
        if not video.is_file():
            raise InputError(f"lesson {lesson.number:02d} is not built at {quality} ({video} "
                             f"is missing): run mathreel build {lesson.number:02d} -q {quality}")
        yield measure_lesson(video)
