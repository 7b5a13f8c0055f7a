"""The curriculum of the current project, and the scenes and lessons a
command names."""

from __future__ import annotations

from typing import Iterable

from ..curriculum import (
    Curriculum, CurriculumError, Lesson, SceneRef, UnknownLessonError, load_curriculum,
)
from ..project import QUALITIES, find_root
from ..render import RenderJob, RenderResult
from ..targets import TargetError, resolve_targets
from . import Failure, InputError


def current_curriculum() -> Curriculum:
    """The curriculum of the project (``--project``, ``$MATHREEL_ROOT`` or
    the nearest folder upwards holding ``curriculum.toml``).

    Raises
    ------
    Failure
        When ``curriculum.toml`` cannot be read or is malformed.
    """
    try:
        return load_curriculum(find_root())
    except CurriculumError as exc:
        raise Failure(str(exc)) from None


def scenes_named(curriculum: Curriculum, targets: Iterable[str], *,
                 broken_ok: bool = False) -> list[SceneRef]:
    """The scenes ``targets`` name. A scene whose lesson module cannot be
    read (a half-saved file) is an error naming the file and line, unless
    ``broken_ok``: then the caller reports it as that scene's failure (see
    :func:`split_unreadable`) and the other scenes still run."""
    try:
        scenes = resolve_targets(curriculum, list(targets))
    except TargetError as exc:
        raise InputError(str(exc)) from None
    if not broken_ok:
        for scene in scenes:
            if curriculum.error_of(scene):
                raise InputError(curriculum.error_of(scene))
    return scenes


def split_unreadable(curriculum: Curriculum, scenes: list[SceneRef], quality: str,
                     mode: str = "video") -> tuple[list[SceneRef], list[RenderResult]]:
    """(the scenes that can run, a failed result for each that cannot)."""
    ok = [s for s in scenes if not curriculum.error_of(s)]
    failed = [RenderResult(RenderJob(s, QUALITIES[quality], mode), False, 0.0,
                           error=curriculum.error_of(s)) for s in scenes if s not in ok]
    return ok, failed


def raise_failures(results: list[RenderResult]) -> None:
    """Raise :class:`Failure` naming every failed scene of ``results``."""
    failed = [r for r in results if not r.ok]
    if len(failed) == 1:
        raise Failure(f"scene {failed[0].job.scene.name} failed: {failed[0].error}")
    if failed:
        lines = "\n".join(f"  {r.job.scene.name}: {r.error}" for r in failed)
        raise Failure(f"{len(failed)} of {len(results)} scenes failed:\n{lines}")


def lessons_named(curriculum: Curriculum, keys: Iterable[str]) -> list[Lesson]:
    """The lessons named by number or slug, each once, in curriculum order."""
    chosen: list[Lesson] = []
    for key in keys:
        try:
            lesson = curriculum.find_lesson(key)
        except UnknownLessonError as exc:
            raise InputError(str(exc)) from None
        if lesson not in chosen:
            chosen.append(lesson)
    return sorted(chosen, key=lambda l: l.number)
