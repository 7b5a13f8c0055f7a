"""Turn what a user types (``02``, ``matrix-decompositions``,
``PowerIterationConverges``, ``path/file.py:Scene``, Manim's ``path/file.py
Scene [Scene...]``, ``all``) into scenes."""

from __future__ import annotations

import difflib
from pathlib import Path

from .curriculum import (
    Curriculum, ModuleError, SceneRef, scene_classes_in, title_from_class_name,
)


class TargetError(ValueError):
    """A target names nothing; the message lists what is accepted."""


def _accepted(curriculum: Curriculum) -> str:
    numbers = [l.code for l in curriculum.lessons]
    return (f"accepted: a lesson number ({numbers[0]}-{numbers[-1]}), a lesson slug, "
            "a scene class name, 'all', or path/to/file.py:SceneName (see `mathreel list`)")


def _file_target(curriculum: Curriculum, target: str) -> list[SceneRef]:
    # a path may hold ':' itself: only a name after the last one is a scene
    file_part, _, scene = (target, "", "") if target.endswith(".py") or ":" not in target \
        else target.rpartition(":")
    path = Path(file_part).expanduser()
    if not path.is_absolute():
        path = (Path.cwd() / path).resolve()
    if not path.is_file():
        raise TargetError(f"no such file: {file_part}")
    try:
        defined = scene_classes_in(path, file_part)
    except ModuleError as exc:
        raise TargetError(str(exc)) from None
    if not scene and len(defined) == 1:  # as `manim file.py` does
        scene = defined[0]
    if not scene:
        raise TargetError(f"name a scene in {file_part}: {file_part}:SceneName; "
                          f"it defines: {', '.join(defined) or 'no classes'}")
    if scene not in defined:
        raise TargetError(f"{file_part} has no scene '{scene}'; "
                          f"it defines: {', '.join(defined) or 'no classes'}")
    known = curriculum.scene(scene)
    if known is not None and known.path.resolve() == path:
        return [known]
    namespace = None if curriculum.is_lesson_module(path) else path.stem
    return [SceneRef(scene, path, title_from_class_name(scene), namespace=namespace)]


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


def _defined_in(target: str) -> list[str]:
    """The classes of a bare ``file.py`` target; none when it is not one (or
    cannot be read: resolving it then says why)."""
    if not target.endswith(".py"):
        return []
    path = Path(target).expanduser()
    try:
        return scene_classes_in(path) if path.is_file() else []
    except (SyntaxError, UnicodeDecodeError, OSError):
        return []


def _takes_name(curriculum: Curriculum, defined: list[str], name: str) -> bool:
    """After ``file.py``, is ``name`` a scene of that file (Manim's
    ``manim file.py Scene...``)? Yes when the file defines it, or when it is
    a bare name that names nothing in the curriculum (then the file's error
    lists what it defines)."""
    if name in defined:
        return True
    return (name.isidentifier() and name != "all" and curriculum.lesson(name) is None
            and curriculum.scene(name) is None)


def group_targets(curriculum: Curriculum, targets: list[str] | tuple[str, ...]) -> list[str]:
    """Manim's ``file.py Scene1 Scene2`` rewritten as ``file.py:Scene1``,
    ``file.py:Scene2``; every other target unchanged."""
    grouped: list[str] = []
    index = 0
    while index < len(targets):
        target = targets[index]
        index += 1
        defined = _defined_in(target)
        names = []
        while defined and index < len(targets) and _takes_name(curriculum, defined, targets[index]):
            names.append(targets[index])
            index += 1
        grouped += [f"{target}:{name}" for name in names] or [target]
    return grouped


def resolve_targets(curriculum: Curriculum, targets: list[str] | tuple[str, ...]) -> list[SceneRef]:
    """The scenes the targets name, in order, each once."""
    scenes: list[SceneRef] = []
    for target in group_targets(curriculum, targets):
        for scene in _one_target(curriculum, target):
            if scene not in scenes:
                scenes.append(scene)
    return scenes


def _open_file_group(before: list[str] | tuple[str, ...]) -> list[tuple[int, str]]:
    """After ``file.py [Scene...]``: (the file's index, each of its classes not
    named yet), so that completion continues Manim's ``file.py A B`` form."""
    for index in range(len(before) - 1, -1, -1):
        defined = _defined_in(before[index])
        if defined:
            named = before[index + 1:]
            if all(name in defined for name in named):
                return [(index, name) for name in defined if name not in named]
            return []
    return []


def target_candidates(curriculum: Curriculum | None, incomplete: str,
                      before: list[str] | tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """What a target could be, for shell completion: (value, help) pairs
    starting with ``incomplete``. After a bare ``file.py``, its classes come
    first (Manim's ``file.py Scene``); ``file.py:`` completes to its classes
    (and needs no ``curriculum``)."""
    if ":" in incomplete:
        file_part, _, _ = incomplete.rpartition(":")
        return [(f"{file_part}:{name}", "scene") for name in _defined_in(file_part)
                if f"{file_part}:{name}".startswith(incomplete)]
    found = [(name, f"scene of {before[index]}") for index, name in _open_file_group(before)]
    found.append(("all", "every scene of the curriculum"))
    for lesson in curriculum.lessons:
        found += [(lesson.code, lesson.title), (lesson.slug, lesson.title)]
    found += [(scene.name, f"scene of lesson {scene.lesson:02d}" if scene.lesson is not None
               else "scene") for scene in curriculum.scenes]
    unique: dict[str, str] = {}
    for value, help in found:
        if value.startswith(incomplete):
            unique.setdefault(value, help)
    return list(unique.items())
