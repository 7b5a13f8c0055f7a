"""The "Try it" card that ends every lesson.

A lesson's ``scenes.py`` declares ``class Lesson02TryIt(TryItScene): lesson = 2``
and gets a narrated card posing the exercises of the ``exercises.py`` beside
it (loaded by :func:`mathreel.exercise.load_exercises`, as the blog loads
them): the questions appear one at a time, a timer invites the viewer to
pause, then each answer is revealed under its question together with the
mathcore call that checks it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from manim import (
    DOWN, LEFT, RIGHT, UP, Arc, Circle, Create, FadeIn, FadeOut, Indicate, Tex, Text,
    VGroup, Write, config, linear,
)

from mathreel.exercise import load_exercises
from mathreel.pronounce import display
from scenekit.narration import NarratedScene
from scenekit.style import (
    ACCENT, BODY_SIZE, EDGE_BUFF, FAINT, LABEL_SIZE, MUTED, TEXT, TITLE_SIZE,
)

QUESTION_WIDTH_EM = 34  # line width of a question, in em of its font (LaTeX wraps it)
PAUSE_SECONDS = 4  # the on-screen timer that invites a pause
CODE_FONT = "DejaVu Sans Mono"
CODE_SIZE = 14  # Pango text runs larger than LaTeX at the same font_size


class TryItScene(NarratedScene):
    lesson: int = -1

    def construct(self):
        exercises = self.get_exercises()
        # Step 1: the card's title.
        title = Tex("Try it", font_size=TITLE_SIZE, color=ACCENT).to_edge(UP, buff=EDGE_BUFF)
        with self.beat("Time to practise. Pause the video and try these yourself."):
            self.play(Write(title))
        if not exercises:
            return
        # Step 2: pose each exercise, one at a time; answers are laid out but hidden.
        rows = self.get_rows(exercises, below=title)
        for index, (row, exercise) in enumerate(zip(rows, exercises)):
            with self.beat(f"Exercise {index + 1}. {display(exercise.question)}"):
                self.show_question(row)
        # Step 3: a timer: the moment to pause.
        self.show_pause_timer(title)
        # Step 4: reveal the answers, each under its question, with the code that checks it.
        for index, (row, exercise) in enumerate(zip(rows, exercises)):
            with self.beat(f"Answer {index + 1}: {display(exercise.answer)}"):
                self.play(FadeIn(row.answer, shift=0.1 * RIGHT), row.number.animate.set_color(ACCENT))
                self.play(FadeIn(row.code))
                self.wait(0.5)
        with self.beat("Every answer here was computed by mathcore, with the call shown under it. "
                       "Open the notebook and check."):
            self.play(*(Indicate(row.code, color=TEXT, scale_factor=1.05) for row in rows))
            self.wait(1)

    def show_question(self, row: "ExerciseRow") -> None:
        """Pose one exercise while its question is read (a lesson may override this)."""
        self.play(FadeIn(row.number), FadeIn(row.question, shift=0.2 * UP))
        self.wait(1)

    def get_exercises(self) -> list:
        """The exercises in the ``exercises.py`` beside this scene's own file."""
        folder = Path(sys.modules[type(self).__module__].__file__).parent
        return load_exercises(folder, self.lesson)

    # ------------------------------------------------------------------ builders
    def get_rows(self, exercises, below) -> VGroup:
        """One row per exercise: number, question, answer and code, fitted to the frame."""
        rows = VGroup(*(get_exercise_row(i, e) for i, e in enumerate(exercises)))
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.45)
        available_height = below.get_bottom()[1] + config.frame_height / 2 - 0.35 - EDGE_BUFF
        available_width = config.frame_width - 2 * EDGE_BUFF
        scale = min(1.0, available_height / rows.height, available_width / rows.width)
        rows.scale(scale)
        rows.next_to(below, DOWN, buff=0.35).set_x(0)
        return rows

    def show_pause_timer(self, title) -> None:
        ring = Circle(radius=0.28, color=FAINT, stroke_width=4)
        ring.next_to(title, RIGHT, buff=0.5)
        sweep = Arc(radius=0.28, start_angle=1.5708, angle=-6.2831, color=ACCENT, stroke_width=4)
        sweep.move_arc_center_to(ring.get_center())
        with self.beat("Pause now, and work them out on paper. The answers come next."):
            self.play(FadeIn(ring))
            self.play(Create(sweep), run_time=PAUSE_SECONDS, rate_func=linear)
            self.play(FadeOut(ring), FadeOut(sweep))


class ExerciseRow(VGroup):
    """An exercise on the card; ``question`` shows first, ``answer`` and ``code`` later."""

    def __init__(self, number, question, answer, code):
        super().__init__(number, question, answer, code)
        self.number, self.question, self.answer, self.code = number, question, answer, code


def get_exercise_row(index: int, exercise) -> ExerciseRow:
    number = Tex(f"{index + 1}.", font_size=BODY_SIZE, color=MUTED)
    question = Tex(rf"\parbox{{{QUESTION_WIDTH_EM}em}}{{\raggedright {exercise.question}}}",
                   font_size=BODY_SIZE, color=TEXT)
    answer = Tex(exercise.answer, font_size=LABEL_SIZE, color=ACCENT)
    code = Text(exercise.code, font=CODE_FONT, font_size=CODE_SIZE, color=MUTED)
    number.next_to(question, LEFT, buff=0.2, aligned_edge=UP)
    answer.next_to(question, DOWN, buff=0.18, aligned_edge=LEFT)
    code.next_to(answer, DOWN, buff=0.12, aligned_edge=LEFT)
    return ExerciseRow(number, question, answer, code)
