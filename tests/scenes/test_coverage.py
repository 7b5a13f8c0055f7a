"""The curriculum on screen: every lesson has its scenes, its length and its
practice, as the course promises."""

from __future__ import annotations

import pytest

from mathreel.curriculum import load_curriculum
from mathreel.exercise import lesson_exercises
from conftest import ROOT

CURRICULUM = load_curriculum(ROOT)
MIN_LESSON_SECONDS = 90


@pytest.mark.parametrize("lesson", CURRICULUM.lessons, ids=lambda l: l.code)
def test_every_lesson_has_its_scenes(lesson):
    least = 4 if lesson.flagship else 2
    teaching = [s for s in lesson.scenes if not s.name.endswith("TryIt")]
    assert len(teaching) >= least, f"lesson {lesson.code} has {len(teaching)} scenes, needs {least}"


@pytest.mark.parametrize("lesson", CURRICULUM.lessons, ids=lambda l: l.code)
def test_every_lesson_ends_with_practice_from_one_place(lesson):
    assert lesson.scenes and lesson.scenes[-1].name == f"Lesson{lesson.code}TryIt"
    exercises = lesson_exercises(lesson)
    assert 2 <= len(exercises) <= 3
    assert all(e.question and e.answer and e.code for e in exercises)
    # the same seed gives the same numbers: the video and the blog agree
    assert lesson_exercises(lesson) == exercises


@pytest.mark.parametrize("lesson", CURRICULUM.lessons, ids=lambda l: l.code)
def test_every_lesson_lasts_long_enough(checked, lesson):
    results = checked[1]
    seconds = sum(results[s.name].duration for s in lesson.scenes if results[s.name].ok)
    assert seconds >= MIN_LESSON_SECONDS, f"lesson {lesson.code} lasts {seconds:.0f} s"
