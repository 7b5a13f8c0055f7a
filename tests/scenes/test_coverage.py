"""The curriculum on screen: every lesson has its scenes, its length and its
practice, as the course promises."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from mathreel.curriculum import Curriculum, Lesson, SceneRef, load_curriculum
from mathreel.exercise import lesson_exercises
from conftest import ROOT

CURRICULUM = load_curriculum(ROOT)
MIN_LESSON_SECONDS = 90


def scene_classes(module: Path) -> set[str]:
    """The scene classes a module defines, read from its syntax tree: every
    top-level class deriving (directly or through the module's own classes)
    from a class whose name ends in ``Scene``, except the bases the module's
    other scenes derive from (such as lesson 16's ``RollScene``)."""
    classes = [n for n in ast.parse(module.read_text(encoding="utf-8")).body
               if isinstance(n, ast.ClassDef)]
    bases = {n.name: {ast.unparse(b).rsplit(".", 1)[-1] for b in n.bases} for n in classes}
    scenes: set[str] = set()
    while True:
        found = {name for name, of in bases.items()
                 if any(b.endswith("Scene") or b in scenes for b in of)}
        if found == scenes:
            break
        scenes = found
    parents = set().union(*bases.values())
    return scenes - parents


def curriculum_mismatches(curriculum: Curriculum) -> list[str]:
    """Each scene curriculum.toml lists that its lesson's modules do not
    define, and each scene they define that it does not list."""
    problems = []
    for lesson in curriculum.lessons:
        listed = {s.name for s in lesson.scenes}
        defined = set().union(*(scene_classes(m) for m in {s.path for s in lesson.scenes}))
        problems += [f"lesson {lesson.code}: {name} is listed but not defined"
                     for name in sorted(listed - defined)]
        problems += [f"lesson {lesson.code}: {name} is defined but not listed"
                     for name in sorted(defined - listed)]
    return problems


def test_the_curriculum_lists_exactly_the_scenes_of_its_lessons():
    assert curriculum_mismatches(CURRICULUM) == []
    modules = {s.path for s in CURRICULUM.scenes}
    assert sum(len(scene_classes(m)) for m in modules) == len(CURRICULUM.scenes)


SAMPLE_MODULE = "\n".join([
    '"""A lesson module.',
    "",
    "class Ghost(NarratedScene):  (a class line inside a string is not a class)",
    '"""',
    "class Helper(VGroup): ...",
    "class RollScene(NarratedScene): ...",
    "class Listed(RollScene): ...",
    "class Forgotten(manim.Scene): ...",
])


def test_a_scene_missing_from_either_side_is_named(tmp_path):
    module = tmp_path / "l42_sample.py"
    module.write_text(SAMPLE_MODULE, encoding="utf-8")
    scenes = tuple(SceneRef(name=name, path=module, title=name, lesson=42)
                   for name in ("Listed", "Ghost"))
    lesson = Lesson(number=42, slug="sample", title="Sample", description="", tags=(),
                    scenes=scenes, folder=tmp_path)
    assert curriculum_mismatches(Curriculum(root=tmp_path, lessons=(lesson,))) == [
        "lesson 42: Ghost is listed but not defined",
        "lesson 42: Forgotten is defined but not listed",
    ]


@pytest.mark.parametrize("lesson", CURRICULUM.lessons, ids=lambda l: l.code)
def test_every_lesson_has_its_scenes(lesson):
    least = 4 if lesson.flagship else 2
    teaching = [s for s in lesson.scenes if not s.name.endswith("TryIt")]
    assert len(teaching) >= least, f"lesson {lesson.code} has {len(teaching)} scenes, needs {least}"


@pytest.mark.parametrize("lesson", CURRICULUM.lessons, ids=lambda l: l.code)
def test_every_lesson_ends_with_practice_from_one_place(lesson):
    assert lesson.scenes and lesson.scenes[-1].name == f"Lesson{lesson.code}TryIt"
    exercises = lesson_exercises(lesson)
    assert 2 <= len(exercises) <= 4  # "a few exercises" (curriculum.md); the card fits four
    assert all(e.question and e.answer and e.code for e in exercises)


@pytest.mark.parametrize("lesson", CURRICULUM.lessons, ids=lambda l: l.code)
def test_every_lesson_lasts_long_enough(checked, lesson):
    results = checked[1]
    seconds = sum(results[s.name].duration for s in lesson.scenes if results[s.name].ok)
    assert seconds >= MIN_LESSON_SECONDS, f"lesson {lesson.code} lasts {seconds:.0f} s"
