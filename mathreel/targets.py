"""Turn what a user types (``02``, ``matrix-decompositions``,
``PowerIterationConverges``, ``path/file.py:Scene``, ``all``) into scenes."""

from __future__ import annotations

import difflib
from pathlib import Path

from .curriculum import Curriculum, SceneRef, scene_classes_in, title_from_class_name


class TargetError(ValueError):
    """A target names nothing; the message lists what is accepted."""


def _accepted(curriculum: Curriculum) -> str:
    numbers = [l.code for l in curriculum.lessons]
    return (f"accepted: a lesson number ({numbers[0]}-{numbers[-1]}), a lesson slug, "
            "a scene class name, 'all', or path/to/file.py:SceneName (see `mathreel list`)")


def _file_target(curriculum: Curriculum, target: str) -> list[SceneRef]:
    file_part, _, scene = target.rpartition(":") if ":" in target else (target, "", "")
    path = Path(file_part).expanduser()
    if not path.is_absolute():
        path = (Path.cwd() / path).resolve()
    if not path.is_file():
        raise TargetError(f"no such file: {file_part}")
    try:
        defined = scene_classes_in(path)
    except SyntaxError as exc:
        raise TargetError(f"{file_part} is not valid Python: line {exc.lineno}: {exc.msg}") from None
    if not scene:
        raise TargetError(f"name a scene in {file_part}: {file_part}:SceneName; "
                          f"it defines: {', '.join(defined) or 'no classes'}")
    if scene not in defined:
        raise TargetError(f"{file_part} has no scene '{scene}'; "
                          f"it defines: {', '.join(defined) or 'no classes'}")
    known = curriculum.scene(scene)
    if known is not None and known.path.resolve() == path:
        return [known]
    return [SceneRef(scene, path, title_from_class_name(scene))]


def _one_target(curriculum: Curriculum, target: str) -> list[SceneRef]:
    if target == "all":
        return list(curriculum.scenes)
    if target.endswith(".py") or ".py:" in target:
        return _file_target(curriculum, target)
    lesson = curriculum.lesson(target)
    if lesson is not None:
        if not lesson.scenes:
            raise TargetError(f"lesson {lesson.code} ({lesson.slug}) has no scenes yet")
        return list(lesson.scenes)
    scene = curriculum.scene(target)
    if scene is not None:
        return [scene]
    names = [l.slug for l in curriculum.lessons] + [s.name for s in curriculum.scenes]
    close = difflib.get_close_matches(target, names, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    raise TargetError(f"unknown target '{target}'; {hint}{_accepted(curriculum)}")


def resolve_targets(curriculum: Curriculum, targets: list[str] | tuple[str, ...]) -> list[SceneRef]:
    """The scenes the targets name, in order, each once."""
    scenes: list[SceneRef] = []
    for target in targets:
        for scene in _one_target(curriculum, target):
            if scene not in scenes:
                scenes.append(scene)
    return scenes
