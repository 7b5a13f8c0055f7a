"""click parameter types of the CLI: qualities as Manim spells them, and
targets and lessons that complete in the shell.

Kept apart from :mod:`mathreel.cli` so the commands stay thin: conversion
and completion live here, the candidates themselves in the library
(:mod:`mathreel.project`, :mod:`mathreel.targets`).
"""

from __future__ import annotations

from pathlib import Path

import click
from click.shell_completion import CompletionItem

from .project import QUALITIES, quality_named


class QualityParam(click.ParamType):
    """A quality name (``high``) or Manim's letter (``h``), so ``-qh`` works
    as it does in Manim; the value is the name."""

    name = "quality"

    def convert(self, value, param, ctx):
        try:
            return quality_named(value).name
        except ValueError as exc:
            self.fail(str(exc), param, ctx)

    def shell_complete(self, ctx, param, incomplete):
        return [CompletionItem(q.name, help=f"-q{q.flag}, {q.label}")
                for q in QUALITIES.values() if q.name.startswith(incomplete)]


QUALITY_METAVAR = "[" + "|".join(QUALITIES) + "]"


def completion_curriculum(ctx: click.Context):
    """The curriculum while completing: the one ``--project`` (or
    ``$MATHREEL_ROOT``) names, else the nearest; None when it cannot be
    read (completion then offers nothing rather than failing)."""
    from .curriculum import load_curriculum
    from .project import find_root

    project = ctx.find_root().params.get("project")  # else find_root reads $MATHREEL_ROOT
    try:
        return load_curriculum(Path(project).resolve() if project else find_root())
    except Exception:  # noqa: BLE001 - a broken curriculum must never break the shell
        return None


class TargetParam(click.ParamType):
    """A render target: completes lesson numbers, slugs, scene names,
    ``all``, file paths, and the scenes of a ``file.py`` before it."""

    name = "target"

    def shell_complete(self, ctx, param, incomplete):
        from .targets import target_candidates

        if ".py:" in incomplete:
            return [CompletionItem(value, help=help)
                    for value, help in target_candidates(None, incomplete)]
        if "/" in incomplete or incomplete.startswith((".", "~")) or incomplete.endswith(".py"):
            return [CompletionItem(incomplete, type="file")]
        curriculum = completion_curriculum(ctx)
        if curriculum is None:
            return [CompletionItem(incomplete, type="file")]
        before = list(ctx.params.get(param.name) or ())
        return [CompletionItem(value, help=help)
                for value, help in target_candidates(curriculum, incomplete, before)]


class LessonParam(click.ParamType):
    """A lesson number or slug: completes both."""

    name = "lesson"

    def shell_complete(self, ctx, param, incomplete):
        curriculum = completion_curriculum(ctx)
        if curriculum is None:
            return []
        items = []
        for lesson in curriculum.lessons:
            items += [CompletionItem(key, help=lesson.title) for key in (lesson.code, lesson.slug)
                      if key.startswith(incomplete)]
        return items


class AnimationRange(click.ParamType):
    """Manim's ``-n START[,END]``: animations START to END (both counted
    from 0, END included), or START to the end of the scene."""

    name = "range"

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        parts = str(value).split(",")
        try:
            numbers = [int(part) for part in parts]
        except ValueError:
            numbers = []
        if len(parts) > 2 or not numbers or min(numbers) < 0 or numbers != sorted(numbers):
            self.fail(f"{value!r} is not an animation range; accepted: START or START,END "
                      "(animation numbers from 0, END included and not below START), "
                      "e.g. 3 or 3,5", param, ctx)
        return numbers[0], numbers[1] if len(numbers) == 2 else None
