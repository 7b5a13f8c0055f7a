"""Adding a lesson takes one ``[[lesson]]`` entry and one folder: in a copy of
the course, lesson 19 (a narrated scene and its practice card) is listed,
checked, rendered, and its exercises are what the card and the blog show."""

from __future__ import annotations

import textwrap

from click.testing import CliRunner

from mathreel.cli import cli
from mathreel.curriculum import load_curriculum
from mathreel.exercise import SEED, lesson_exercises

ENTRY = '''
[[lesson]]
number = 19
slug = "throwaway"
title = "A throw-away lesson"
description = "One narrated scene and its practice card, added by a test."
tags = ["test"]
scenes = ["DotAppears", { scene = "Lesson19TryIt", title = "Try it" }]
'''

SCENES = '''
    """Lesson 19: a throw-away lesson."""

    from manim import Create, Dot

    from scenekit.narration import NarratedScene
    from scenekit.practice import TryItScene


    class DotAppears(NarratedScene):
        def construct(self):
            with self.beat("A dot appears."):
                self.play(Create(Dot()), run_time=0.5)


    class Lesson19TryIt(TryItScene):
        lesson = 19
'''

EXERCISES = '''
    """Lesson 19 practice: one sum."""

    from mathreel.exercise import Exercise


    def exercises(rng):
        a, b = (int(n) for n in rng.integers(2, 9, size=2))
        return [Exercise(question=f"What is ${a} + {b}$?", answer=f"${a + b}$",
                         code=f"{a} + {b}")]
'''


def add_lesson_19(root):
    """The one entry and the one folder; nothing else of the project is edited."""
    with (root / "curriculum.toml").open("a", encoding="utf-8") as toml:
        toml.write(ENTRY)
    folder = root / "scenes" / "l19_throwaway"
    folder.mkdir()
    (folder / "__init__.py").write_text('"""Lesson 19: a throw-away lesson."""\n')
    (folder / "scenes.py").write_text(textwrap.dedent(SCENES))
    (folder / "exercises.py").write_text(textwrap.dedent(EXERCISES))


def test_a_new_lesson_is_one_entry_and_one_folder(course_copy):
    import numpy as np

    add_lesson_19(course_copy)
    lesson = load_curriculum(course_copy).lesson(19)
    assert [s.name for s in lesson.scenes] == ["DotAppears", "Lesson19TryIt"]
    assert lesson.folder == course_copy / "scenes" / "l19_throwaway"

    # the exercises the card and the blog load: the lesson's seed, drawn as written
    a, b = (int(n) for n in np.random.default_rng([SEED, 19]).integers(2, 9, size=2))
    [exercise] = lesson_exercises(lesson)
    assert (exercise.question, exercise.answer) == (f"What is ${a} + {b}$?", f"${a + b}$")

    listed = CliRunner().invoke(cli, ["list"])
    assert listed.exit_code == 0, listed.output
    assert "throwaway" in listed.output and "Lesson19TryIt" in listed.output

    checked = CliRunner().invoke(cli, ["check", "19"])
    assert checked.exit_code == 0, checked.output

    rendered = CliRunner().invoke(cli, ["render", "19", "-q", "low", "--voice", "none", "--quiet"])
    assert rendered.exit_code == 0, rendered.output
    videos = [course_copy / "media" / "low" / "scenes" / f"{n}.mp4" for n in ("DotAppears", "Lesson19TryIt")]
    assert rendered.output.split() == [str(v) for v in videos]
    assert all(v.is_file() and v.stat().st_size > 0 for v in videos)
    # the card posed this lesson's exercise: its narration names the sum
    captions = videos[1].with_suffix(".srt").read_text(encoding="utf-8")
    assert f"What is {a} + {b}?" in captions
