"""The "Try it" card that ends every lesson.

A lesson module declares ``class Lesson02TryIt(TryItScene): lesson = 2`` and
gets a narrated card posing the exercises of ``mathreel.exercises`` (the same
data the blog shows): the questions appear one at a time, a timer invites the
viewer to pause, then each answer is revealed under its question together
with the mathcore call that checks it.
"""

from __future__ import annotations

import re

from manim import (
    DOWN, LEFT, RIGHT, UP, Arc, Circle, Create, FadeIn, FadeOut, Indicate, Tex, Text,
    VGroup, Write, config, linear,
)

from mathreel.exercises import exercises_for
from narration import NarratedScene
from style import (
    ACCENT, BODY_SIZE, EDGE_BUFF, FAINT, LABEL_SIZE, MUTED, TEXT, TITLE_SIZE,
)

QUESTION_WIDTH_EM = 34  # line width of a question, in em of its font (LaTeX wraps it)
PAUSE_SECONDS = 4  # the on-screen timer that invites a pause
CODE_FONT = "DejaVu Sans Mono"
CODE_SIZE = 14  # Pango text runs larger than LaTeX at the same font_size


class TryItScene(NarratedScene):
    lesson: int = -1

    def construct(self):
        exercises = exercises_for(self.lesson)
        # Step 1: the card's title.
        title = Tex("Try it", font_size=TITLE_SIZE, color=ACCENT).to_edge(UP, buff=EDGE_BUFF)
        with self.beat("Time to practise. Pause the video and try these yourself."):
            self.play(Write(title))
        if not exercises:
            return
        # Step 2: pose each exercise, one at a time; answers are laid out but hidden.
        rows = self.get_rows(exercises, below=title)
        for index, (row, exercise) in enumerate(zip(rows, exercises)):
            with self.beat(f"Exercise {index + 1}. {spoken(exercise.question)}"):
                self.play(FadeIn(row.number), FadeIn(row.question, shift=0.2 * UP))
                self.wait(1)
        # Step 3: a timer: the moment to pause.
        self.show_pause_timer(title)
        # Step 4: reveal the answers, each under its question, with the code that checks it.
        for index, (row, exercise) in enumerate(zip(rows, exercises)):
            with self.beat(f"Answer {index + 1}: {spoken(exercise.answer)}"):
                self.play(FadeIn(row.answer, shift=0.1 * RIGHT), row.number.animate.set_color(ACCENT))
                self.play(FadeIn(row.code))
                self.wait(0.5)
        with self.beat("Every answer here was computed by mathcore, with the call shown under it. "
                       "Open the notebook and check."):
            self.play(*(Indicate(row.code, color=TEXT, scale_factor=1.05) for row in rows))
            self.wait(1)

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


# --------------------------------------------------------------------------- narration

GREEK = ("alpha beta gamma delta epsilon varepsilon eta theta kappa lambda mu nu xi pi rho "
         "sigma tau phi varphi chi psi omega Sigma Lambda Delta Omega").split()

# (pattern, replacement) applied in order to each $...$ span.
_SPOKEN_RULES = [
    (r"\\begin\{[pb]matrix\}(.*?)\\end\{[pb]matrix\}", None),  # see _spoken_matrix
    (r"\\\|(.*?)\\\|_F", r"the Frobenius norm of \1"),
    (r"\\\|(.*?)\\\|_\{?(\\infty|\w+)\}?", r"the \2 norm of \1"),
    (r"\\\|(.*?)\\\|", r"the norm of \1"),
    (r"\\mathbb\{E\}\s*\[(.*?)\]", r"the expected value of \1"),
    (r"\\frac\{(.*?)\}\{(.*?)\}", r"\1 over \2"),
    (r"\\sqrt\{(.*?)\}", r"the square root of \1"),
    (r"\\(?:text|mathrm|operatorname|mathbf|boldsymbol)\{(.*?)\}", r"\1"),
    (r"\\mathcal\{N\}", "normal"),
    (r"\\(?:left|right|big|Big)", ""),
    (r"\\infty", "infinity"),
    (r"\\(?:leq|le)(?![a-zA-Z])", " is at most "),
    (r"\\(?:geq|ge)(?![a-zA-Z])", " is at least "),
    (r"\\neq(?![a-zA-Z])", " is not "),
    (r"\\approx(?![a-zA-Z])", " is about "),
    (r"\\sim(?![a-zA-Z])", " distributed as "),
    (r"\\(?:cdot|times)(?![a-zA-Z])", " times "),
    (r"\\det(?![a-zA-Z])", "the determinant of "),
    (r"\\nabla(?![a-zA-Z])", "the gradient of "),
    (r"\\partial(?![a-zA-Z])", "partial "),
    (r"\\(?:log|ln)(?![a-zA-Z])", "log "),
    (r"\\exp(?![a-zA-Z])", "exp "),
    (r"\\sum(?![a-zA-Z])", "the sum of "),
    (r"\\(?:star|ast)(?![a-zA-Z])", " star"),
    (r"\\(?:quad|qquad)(?![a-zA-Z])", ", "),
    (r"\\[,;:! ]", " "),
    (r"\\(" + "|".join(GREEK) + r")(?![a-zA-Z])", r" \1 "),
    (r"\^\{?\s*T\s*\}?(?![a-zA-Z0-9])", " transpose "),
    (r"\^\{?\s*(?:\*| star)\s*\}?", " star"),
    (r"\^\{?2\}?(?![0-9])", " squared"),
    (r"\^\{?3\}?(?![0-9])", " cubed"),
    (r"e\^\{(.*?)\}", r"e to the \1"),
    (r"e\^(\w)", r"e to the \1"),
    (r"\^\{(.*?)\}", r" to the power \1"),
    (r"\^(\w)", r" to the power \1"),
    (r"_\{(.*?)\}", r" \1"),
    (r"_(\w)", r" \1"),
    (r"<", " is less than "), (r">", " is greater than "),
    (r"=", " equals "), (r"(?<![a-z])-", " minus "), (r"\+", " plus "),
]


def _spoken_matrix(match: re.Match) -> str:
    rows = [row.split("&") for row in match.group(1).split(r"\\")]
    rows = [", ".join(cell.strip() for cell in row) for row in rows if "".join(row).strip()]
    return "the matrix with rows " + ", and ".join(rows)


def _spoken_math(math: str) -> str:
    """One ``$...$`` span read aloud."""
    for pattern, word in _SPOKEN_RULES:
        math = re.sub(pattern, word if word is not None else _spoken_matrix, math)
    return re.sub(r"[{}\\]", "", math)


def spoken(text: str) -> str:
    """Narration for an exercise's text: its maths read the way a person would say it.

    >>> spoken(r"Find $\\lambda_1$ of $S = \\begin{pmatrix} 3 & -2 \\\\ -2 & 3 \\end{pmatrix}$.")
    'Find lambda 1 of S equals the matrix with rows 3, minus 2, and minus 2, 3.'
    """
    parts = text.split("$")
    words = "".join(_spoken_math(p) if i % 2 else p for i, p in enumerate(parts))
    words = re.sub(r"\s+([,.;:)])", r"\1", words)
    words = re.sub(r"\(\s+", "(", words)
    return " ".join(words.split())
