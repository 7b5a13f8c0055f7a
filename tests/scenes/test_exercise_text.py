"""Every lesson's exercise text, byte for byte, against a recorded fixture.

``fixtures/exercises.json`` holds the question, answer and code of every
exercise as the course shows them (lesson seed included). A change to an
exercise, a formatter or a mathcore result that moves a digit fails here, so
the fixture is regenerated deliberately, never by accident.
"""

import json
from pathlib import Path

import pytest

from scene_modules import CURRICULUM, exercises_for

FIXTURE = Path(__file__).parent / "fixtures" / "exercises.json"
RECORDED = json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_the_fixture_covers_every_lesson():
    assert sorted(RECORDED) == sorted(f"{lesson.number:02d}" for lesson in CURRICULUM.lessons)


@pytest.mark.parametrize("lesson", sorted(RECORDED))
def test_exercise_text_is_unchanged(lesson):
    shown = [{"question": e.question, "answer": e.answer, "code": e.code}
             for e in exercises_for(int(lesson))]
    assert shown == RECORDED[lesson]
