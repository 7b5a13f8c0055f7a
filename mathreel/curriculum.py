"""Load and validate ``curriculum.toml``: the lessons, their scenes, in order.

A lesson lives in one folder, ``scenes/lNN_<slug_with_underscores>/``: its
scenes in ``scenes.py``, its practice in ``exercises.py``; everything else
about it (order of scenes, chapter titles, notebook, flagship) is its
``[[lesson]]`` entry. Scene classes are found by reading the module's source (no import, no Manim), so
validation is fast and works without a renderer installed.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .project import CURRICULUM_FILE

REQUIRED_FIELDS = {
    "number": int,
    "slug": str,
    "title": str,
    "description": str,
    "tags": list,
    "scenes": list,
}
OPTIONAL_FIELDS = {  # field: (type, default)
    "notebook": (str, None),
    "flagship": (bool, False),
}
SCENES_FOLDER = "scenes"
SCENES_FILE = "scenes.py"  # a lesson's scenes, in its folder
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class CurriculumError(ValueError):
    """curriculum.toml is malformed; the message names the lesson at fault."""


class UnknownLessonError(LookupError):
    """No lesson has the number or slug asked for; the message says what is accepted."""


@dataclass(frozen=True)
class SceneRef:
    """One scene class in one file; ``lesson`` is None for a file outside the
    course. ``namespace`` names the output folder of a scene whose file is
    not a lesson module (its file's stem, see :func:`mathreel.project.scene_video`);
    None for the curriculum's scenes and title cards."""

    name: str
    path: Path
    title: str
    lesson: int | None = None
    namespace: str | None = None


@dataclass(frozen=True)
class Lesson:
    number: int
    slug: str
    title: str
    description: str
    tags: tuple[str, ...]
    scenes: tuple[SceneRef, ...]
    folder: Path  # scenes/lNN_<slug>/: scenes.py and exercises.py
    notebook: str | None = None  # the repository-relative notebook that runs its code
    flagship: bool = False  # a longer lesson (at least four teaching scenes)
    # why the lesson's module cannot be read (a half-saved file): its scenes
    # are listed unchecked, and every command that would run them fails this
    # lesson alone with this one line
    error: str | None = None

    @property
    def code(self) -> str:
        """The two-digit lesson number, as users type it: ``"02"``."""
        return f"{self.number:02d}"


def lesson_module_name(number: int, slug: str) -> str:
    """The name of a lesson's folder: ``lNN_<slug_with_underscores>``."""
    return f"l{number:02d}_{slug.replace('-', '_')}"


@dataclass(frozen=True)
class Curriculum:
    root: Path
    lessons: tuple[Lesson, ...]

    @property
    def scenes(self) -> tuple[SceneRef, ...]:
        return tuple(s for lesson in self.lessons for s in lesson.scenes)

    def lesson(self, key: str | int) -> Lesson | None:
        """The lesson with this number (``2``, ``"02"``) or slug, else None."""
        text = str(key)
        for lesson in self.lessons:
            if text == lesson.slug or (text.isdigit() and int(text) == lesson.number):
                return lesson
        return None

    def find_lesson(self, key: str | int) -> Lesson:
        """:meth:`lesson`, or UnknownLessonError naming what is accepted."""
        lesson = self.lesson(key)
        if lesson is None:
            codes = [l.code for l in self.lessons]
            raise UnknownLessonError(f"unknown lesson '{key}'; accepted: a lesson number "
                                     f"({codes[0]}-{codes[-1]}) or slug (see `mathreel list`)")
        return lesson

    def scene(self, name: str) -> SceneRef | None:
        return next((s for s in self.scenes if s.name == name), None)

    def error_of(self, scene: SceneRef) -> str | None:
        """The error of ``scene``'s lesson module, if it cannot be read."""
        lesson = next((l for l in self.lessons if l.number == scene.lesson), None)
        return self.lesson_error(lesson) if lesson is not None else None

    def lesson_error(self, lesson: Lesson) -> str | None:
        """Why ``lesson``'s module cannot be read (not UTF-8, a syntax error:
        a half-saved file), else None. Loading only reads class lines (fast);
        the module is parsed here, for the lessons a command is about to run."""
        if lesson.error or not lesson.scenes:
            return lesson.error
        path = lesson.folder / SCENES_FILE
        return _parse_error(str(path), path.relative_to(self.root).as_posix(),
                            *_stamp(path))

    def is_lesson_module(self, path: Path) -> bool:
        """Is ``path`` the module of one of the curriculum's lessons?"""
        path = Path(path).resolve()
        return any((l.folder / SCENES_FILE).resolve() == path for l in self.lessons)


def title_from_class_name(name: str) -> str:
    """``PowerIterationConverges`` -> ``Power iteration converges``."""
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", name)
    text = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)
    return text[:1].upper() + text[1:]


class ModuleError(ValueError):
    """A scene file cannot be read as Python; the message names the file and,
    for a syntax error, the line."""


def scene_classes_in(path: Path, shown: str | None = None) -> list[str]:
    """Names of the top-level classes in a Python file, in source order.
    Raise ModuleError (naming the file as ``shown``) when it is not UTF-8
    text or not valid Python."""
    shown = shown or str(path)
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except UnicodeDecodeError as exc:
        raise ModuleError(f"{shown} is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} "
                          f"at offset {exc.start})") from None
    except SyntaxError as exc:
        raise ModuleError(f"{shown} is not valid Python: line {exc.lineno}: {exc.msg}") from None
    except ValueError as exc:  # e.g. a NUL byte
        raise ModuleError(f"{shown} is not valid Python: {exc}") from None
    except OSError as exc:
        raise ModuleError(f"cannot read {shown}: {exc.strerror or exc}") from None
    return [node.name for node in tree.body if isinstance(node, ast.ClassDef)]


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


@functools.lru_cache(maxsize=256)
def _parse_error(path: str, shown: str, size: int, mtime_ns: int) -> str | None:
    """scene_classes_in's error for this version of the file, else None."""
    try:
        scene_classes_in(Path(path), shown)
    except ModuleError as exc:
        return str(exc)
    return None


CLASS_LINE_RE = re.compile(r"^class\s+([A-Za-z_]\w*)", re.MULTILINE)


def class_lines_in(path: Path) -> set[str]:
    """Names on lines that start with ``class Name``: every top-level class
    (its statement always starts a line), read about 50 times faster than by
    parsing, which matters because every command loads the curriculum (parsing
    this course's 19 lesson modules took 0.2-0.35 s per command). A ``class``
    line inside a multi-line string counts too; a scene listed only there
    fails when rendered, naming the missing class."""
    return set(CLASS_LINE_RE.findall(path.read_text(encoding="utf-8")))


def _where(index: int, raw: dict) -> str:
    number, slug = raw.get("number"), raw.get("slug")
    if isinstance(number, int):
        return f"lesson {number:02d}" + (f" ({slug})" if isinstance(slug, str) else "")
    return f"lesson #{index + 1} in the file"


def _check_fields(index: int, raw: dict) -> None:
    where = _where(index, raw)
    for field, kind in REQUIRED_FIELDS.items():
        if field not in raw:
            raise CurriculumError(f"{CURRICULUM_FILE}: {where}: missing field '{field}'")
        value = raw[field]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise CurriculumError(
                f"{CURRICULUM_FILE}: {where}: field '{field}' must be {kind.__name__}, "
                f"got {type(value).__name__}"
            )
    if not 0 <= raw["number"] <= 99:
        raise CurriculumError(
            f"{CURRICULUM_FILE}: lesson #{index + 1} in the file: number {raw['number']} must be "
            "0-99 (it names scenes/lNN_<slug>/)")
    if not SLUG_RE.match(raw["slug"]):
        raise CurriculumError(
            f"{CURRICULUM_FILE}: {where}: slug {raw['slug']!r} must be lowercase words "
            "joined by '-'"
        )
    if not all(isinstance(t, str) for t in raw["tags"]):
        raise CurriculumError(f"{CURRICULUM_FILE}: {where}: tags must be strings")
    for field, (kind, _) in OPTIONAL_FIELDS.items():
        if field in raw and not isinstance(raw[field], kind):
            raise CurriculumError(
                f"{CURRICULUM_FILE}: {where}: field '{field}' must be {kind.__name__}, "
                f"got {type(raw[field]).__name__}"
            )


def _scene_entries(where: str, raw_scenes: list) -> list[tuple[str, str]]:
    entries = []
    for entry in raw_scenes:
        if isinstance(entry, str):
            entries.append((entry, title_from_class_name(entry)))
        elif isinstance(entry, dict) and isinstance(entry.get("scene"), str):
            title = entry.get("title", title_from_class_name(entry["scene"]))
            entries.append((entry["scene"], str(title)))
        else:
            raise CurriculumError(
                f"{CURRICULUM_FILE}: {where}: a scene must be a class name or "
                f'{{ scene = "ClassName", title = "..." }}, got {entry!r}'
            )
    return entries


def _load_lesson(root: Path, index: int, raw: dict) -> Lesson:
    _check_fields(index, raw)
    where = _where(index, raw)
    optional = {field: raw.get(field, default) for field, (_, default) in OPTIONAL_FIELDS.items()}
    folder = root / SCENES_FOLDER / lesson_module_name(raw["number"], raw["slug"])
    lesson = Lesson(raw["number"], raw["slug"], raw["title"], raw["description"],
                    tuple(raw["tags"]), (), folder, **optional)
    entries = _scene_entries(where, raw["scenes"])
    path = lesson.folder / SCENES_FILE
    if entries and not path.is_file():
        raise CurriculumError(
            f"{CURRICULUM_FILE}: {where}: lists scenes but {path.relative_to(root)} does not exist"
        )
    shown = path.relative_to(root).as_posix()
    try:
        candidates = class_lines_in(path) if entries else set()
    except (UnicodeDecodeError, OSError):  # this lesson fails; the others still load
        scenes = tuple(SceneRef(name, path, title, lesson.number) for name, title in entries)
        try:
            scene_classes_in(path, shown)
        except ModuleError as exc:
            return dataclasses.replace(lesson, scenes=scenes, error=str(exc))
        raise
    scenes = []
    for name, title in entries:
        if name not in candidates:
            defined = scene_classes_in(path)  # parsed for the message only
            raise CurriculumError(
                f"{CURRICULUM_FILE}: {where}: unknown scene '{name}'; "
                f"{path.relative_to(root)} defines: {', '.join(defined) or 'no classes'}"
            )
        scenes.append(SceneRef(name, path, title, lesson.number))
    return dataclasses.replace(lesson, scenes=tuple(scenes))


def load_curriculum(root: Path) -> Curriculum:
    """Read ``root/curriculum.toml``; raise CurriculumError naming the fault."""
    file = root / CURRICULUM_FILE
    if file.exists() and not file.is_file():
        raise CurriculumError(f"{file} is not a file; it must be the curriculum's TOML file")
    if not file.is_file():
        raise CurriculumError(f"no {CURRICULUM_FILE} in {root}; point mathreel at a curriculum "
                              "folder with --project DIR or $MATHREEL_ROOT")
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise CurriculumError(f"{CURRICULUM_FILE}: not valid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise CurriculumError(f"{file} is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} "
                              f"at offset {exc.start})") from None
    except OSError as exc:
        raise CurriculumError(f"cannot read {file}: {exc.strerror or exc}") from None
    raw_lessons = data.get("lesson")
    if not isinstance(raw_lessons, list) or not raw_lessons:
        raise CurriculumError(f"{CURRICULUM_FILE}: no [[lesson]] tables")
    lessons: list[Lesson] = []
    seen_numbers: dict[int, str] = {}
    seen_slugs: set[str] = set()
    seen_scenes: dict[str, str] = {}
    for index, raw in enumerate(raw_lessons):
        lesson = _load_lesson(root, index, raw)
        where = _where(index, raw)
        if lesson.number in seen_numbers:
            raise CurriculumError(
                f"{CURRICULUM_FILE}: {where}: duplicate lesson number {lesson.code} "
                f"(also {seen_numbers[lesson.number]})"
            )
        if lesson.slug in seen_slugs:
            raise CurriculumError(f"{CURRICULUM_FILE}: {where}: duplicate slug '{lesson.slug}'")
        for scene in lesson.scenes:
            if scene.name in seen_scenes:
                raise CurriculumError(
                    f"{CURRICULUM_FILE}: {where}: scene '{scene.name}' is already listed in "
                    f"{seen_scenes[scene.name]}"
                )
            seen_scenes[scene.name] = where
        seen_numbers[lesson.number] = lesson.slug
        seen_slugs.add(lesson.slug)
        lessons.append(lesson)
    return Curriculum(root, tuple(sorted(lessons, key=lambda l: l.number)))
