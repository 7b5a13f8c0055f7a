"""The "Try it" card that ends every lesson.

A lesson module declares ``class Lesson02TryIt(TryItScene): lesson = 2`` and
gets a narrated card posing the exercises of ``mathreel.exercises`` (the same
data the blog shows), then revealing each answer.
"""

from manim import DOWN, LEFT, UP, FadeIn, FadeOut, Tex, VGroup, Write

from mathreel.exercises import exercises_for
from narration import NarratedScene
from style import ACCENT, BODY_SIZE, EDGE_BUFF, MUTED, SMALL_SIZE, TITLE_SIZE


class TryItScene(NarratedScene):
    lesson: int = -1

    def construct(self):
        exercises = exercises_for(self.lesson)
        # Step 1: the card's title.
        title = Tex("Try it", font_size=TITLE_SIZE, color=ACCENT).to_edge(UP, buff=EDGE_BUFF)
        with self.beat("Time to practise. Pause the video and try these yourself."):
            self.play(Write(title))
        # Step 2: pose each exercise, one at a time.
        items = self.get_questions(exercises).next_to(title, DOWN, buff=0.5)
        for index, item in enumerate(items):
            with self.beat(f"Exercise {index + 1}. {_spoken(exercises[index].question)}"):
                self.play(FadeIn(item, shift=0.2 * UP))
                self.wait(1.5)
        # Step 3: reveal the answers, each under its question.
        for index, exercise in enumerate(exercises):
            answer = Tex(f"Answer: {exercise.answer}", font_size=SMALL_SIZE, color=MUTED)
            answer.next_to(items[index], DOWN, buff=0.1, aligned_edge=LEFT)
            with self.beat(f"Answer {index + 1}: {_spoken(exercise.answer)}"):
                self.play(FadeIn(answer))
        with self.beat("Every answer here was computed with mathcore. Open the notebook and check."):
            self.wait(1)
            self.play(FadeOut(title))

    def get_questions(self, exercises) -> VGroup:
        items = VGroup(*(
            Tex(rf"{i + 1}.\ {e.question}", font_size=BODY_SIZE, tex_environment=None)
            for i, e in enumerate(exercises)
        ))
        return items.arrange(DOWN, aligned_edge=LEFT, buff=0.7)


def _spoken(text: str) -> str:
    """Narration for a question: the maths as written, without dollar signs."""
    return text.replace("$", "")
