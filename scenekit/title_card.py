"""The card that opens every lesson video: its number and title, in the course style.

The pipeline (``mathreel build``/``stitch``) renders this file, by path, as
the scene ``LessonNNTitle`` of each lesson, and writes that lesson's number
and title as data beside the render: ``media/.titles/LessonNNTitle.json``
(:func:`mathreel.scene_context.title_data_file`). Asked for such a class,
this module makes it from that file (so the card is narrated, captioned and
voiced like any other scene). ``TitleCard`` itself is a scene with
placeholder text.
"""

import json
import re

from manim import DOWN, LEFT, RIGHT, UP, FadeIn, FadeOut, GrowFromCenter, Line, Text, VGroup, Write, config

from mathreel.scene_context import current, title_data_file
from scenekit.narration import NarratedScene
from scenekit.style import ACCENT, BODY_SIZE, EDGE_BUFF, MUTED, TEXT, TITLE_SIZE

TITLE_SCENE = re.compile(r"Lesson\d{2,}Title")


class TitleCard(NarratedScene):
    number: int = 0
    title: str = "Lesson"

    def construct(self):
        card = self.get_card()
        # Step 1: the lesson number, then its title, underlined.
        with self.beat(f"Lesson {self.number}. {self.title}."):
            self.play(FadeIn(card[0], shift=0.2 * DOWN), Write(card[1]), run_time=1.5)
            self.play(GrowFromCenter(card[2]), run_time=0.5)
            self.wait(0.5)
        # Step 2: clear the stage for the first scene.
        self.play(FadeOut(card, shift=0.2 * UP), run_time=0.5)

    def get_card(self) -> VGroup:
        label = Text(f"Lesson {self.number}", font_size=BODY_SIZE, color=MUTED)
        title = Text(self.title, font_size=TITLE_SIZE * 1.25, color=TEXT)
        max_width = config.frame_width - 2 * EDGE_BUFF - 1
        if title.width > max_width:
            title.scale_to_fit_width(max_width)
        rule = Line(LEFT, RIGHT, color=ACCENT, stroke_width=4).set_width(title.width * 0.6)
        return VGroup(label, title, rule).arrange(DOWN, buff=0.35)


def __getattr__(name: str) -> type[TitleCard]:
    """The title card ``LessonNNTitle``, with the number and title the
    pipeline wrote for it in the project of the scene context."""
    if not TITLE_SCENE.fullmatch(name):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    data = json.loads(title_data_file(current().root, name).read_text(encoding="utf-8"))
    return type(name, (TitleCard,), {"number": int(data["number"]), "title": str(data["title"]),
                                     "__module__": __name__})
