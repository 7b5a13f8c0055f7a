"""Build: render every scene and title card of the chosen lessons, stitch each
lesson whose parts all rendered, then (for the whole curriculum) the course.

A failed scene fails its lesson with that scene's error; the other lessons
still finish. The report says what failed; the CLI turns it into exit code 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .curriculum import Curriculum, Lesson
from .encode import EncodeError
from .progress import Reporter
from .project import QUALITIES
from .render import RenderJob, RenderResult, render_many
from .stitch import StitchError, StitchResult, stitch_course, stitch_lesson, title_card


@dataclass
class LessonOutcome:
    lesson: Lesson
    result: StitchResult | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class BuildReport:
    lessons: list[LessonOutcome] = field(default_factory=list)
    skipped: list[Lesson] = field(default_factory=list)  # no scenes yet
    course: StitchResult | None = None
    course_error: str | None = None

    @property
    def ok(self) -> bool:
        return all(o.ok for o in self.lessons) and self.course_error is None


def render_lessons(root: Path, lessons: list[Lesson], quality: str,
                   **engine) -> dict[int, list[RenderResult]]:
    """Render the title card and scenes of each lesson in one batch (so the
    engine can schedule them together); results grouped by lesson number.
    ``engine``: options of :func:`mathreel.render.render_many` (reporter,
    on_result, n_jobs, force, scheduler, ...)."""
    jobs = []
    for lesson in lessons:
        jobs.append(RenderJob(title_card(root, lesson), QUALITIES[quality]))
        jobs += [RenderJob(scene, QUALITIES[quality]) for scene in lesson.scenes]
    results = render_many(root, jobs, **engine)
    grouped: dict[int, list[RenderResult]] = {l.number: [] for l in lessons}
    for result in results:
        grouped[result.job.scene.lesson].append(result)
    return grouped


def build(curriculum: Curriculum, lessons: list[Lesson], quality: str, *, course: bool,
          release: bool = False, burn: bool = False, on_lesson=None, force: bool = False,
          reporter: Reporter | None = None, **engine) -> BuildReport:
    """Render the lessons' title cards and scenes, stitch each lesson whose
    parts all rendered, then (``course``) the course. ``force``: render and
    stitch even what is up to date; ``reporter``: shows the renders, and is
    closed when they end (so that what the stitching prints comes after its
    display); ``engine``: more options of :func:`mathreel.render.render_many`
    (on_result, n_jobs, scheduler, ...)."""
    root = curriculum.root
    report = BuildReport()
    report.skipped = [l for l in lessons if not l.scenes]
    todo = [l for l in lessons if l.scenes]
    errors = {l.number: curriculum.lesson_error(l) for l in todo}
    readable = [l for l in todo if not errors[l.number]]  # a half-saved module fails its lesson alone
    rendered = render_lessons(root, readable, quality, force=force, reporter=reporter,
                              **engine) if readable else {}
    if reporter is not None:
        reporter.close()
    for lesson in todo:
        failed = [r for r in rendered.get(lesson.number, []) if not r.ok]
        if errors[lesson.number]:
            outcome = LessonOutcome(lesson, error=errors[lesson.number])
        elif failed:
            outcome = LessonOutcome(lesson, error="; ".join(
                f"scene {r.job.scene.name} failed: {r.error}" for r in failed))
        else:
            try:
                outcome = LessonOutcome(lesson, stitch_lesson(
                    root, lesson, quality, release=release, burn=burn, force=force))
            except (StitchError, EncodeError) as exc:
                outcome = LessonOutcome(lesson, error=str(exc))
        report.lessons.append(outcome)
        if on_lesson is not None:
            on_lesson(outcome)
    if course and report.lessons:
        if all(o.ok for o in report.lessons):
            try:
                report.course = stitch_course(root, curriculum, quality, release=release,
                                              burn=burn, force=force)
            except (StitchError, EncodeError) as exc:
                report.course_error = str(exc)
        else:
            failed = ", ".join(o.lesson.code for o in report.lessons if not o.ok)
            report.course_error = f"course not joined: lesson(s) {failed} failed"
    return report
