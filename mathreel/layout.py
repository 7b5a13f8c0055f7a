"""Layout checks run after every animation of a scene (Manim dry-run).

Two rules, from the course's visual language:

* every visible mobject lies inside the camera frame, less ``margin``
  (number planes and full-screen backgrounds, which are meant to run off the
  edge, are exempt; so is any mobject with ``layout_exempt = True``);
* no two text or formula mobjects overlap.

A problem names the scene, the animation number and the mobjects at fault.
Imports Manim: only the render runner (a child process) uses this module.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from manim import (
    Code, DecimalNumber, FullScreenRectangle, ImageMobject, MarkupText, Mobject, NumberPlane,
    SingleStringMathTex, Text, VMobject,
)

from .palette import FRAME_MARGIN  # scene units (the frame is 14.22 x 8)

TEXT_TYPES = (Text, MarkupText, SingleStringMathTex, DecimalNumber, Code)
EXEMPT_TYPES = (NumberPlane, FullScreenRectangle)
OVERLAP_TOLERANCE = 0.02  # boxes may touch by this much


@dataclass(frozen=True)
class Problem:
    scene: str
    animation: int  # 0-based, as Manim numbers animations (-n START,END)
    message: str

    def __str__(self) -> str:
        return f"{self.scene}, animation {self.animation}: {self.message}"


def describe(mob: Mobject) -> str:
    """A short name a person can find in the scene's source."""
    kind = type(mob).__name__
    if isinstance(mob, (Text, MarkupText)):
        content = getattr(mob, "original_text", mob.text)
    elif isinstance(mob, SingleStringMathTex):
        content = mob.tex_string
    elif isinstance(mob, DecimalNumber):
        content = f"{mob.number:g}"
    else:
        return kind
    content = " ".join(str(content).split())
    return f"{kind}({content[:40]!r})"


def _drawn(mob: Mobject) -> bool:
    """Whether ``mob`` itself paints pixels: a VMobject with points and some
    visible fill or stroke, or an image. Plain Mobjects (ValueTracker keeps
    its value in its points) paint nothing."""
    if isinstance(mob, ImageMobject):
        return True
    if not isinstance(mob, VMobject) or not mob.has_points():
        return False
    stroke = mob.get_stroke_opacity() > 0.01 and mob.get_stroke_width() > 0
    return mob.get_fill_opacity() > 0.01 or stroke


def _visible(mob: Mobject) -> bool:
    return any(_drawn(part) for part in mob.get_family())


def _leaves(mobjects: list[Mobject]):
    """Visible checkable mobjects: text-like ones whole, others by their
    drawn parts; exempt families skipped."""
    stack = list(reversed(mobjects))
    while stack:
        mob = stack.pop()
        if isinstance(mob, EXEMPT_TYPES) or getattr(mob, "layout_exempt", False):
            continue
        if isinstance(mob, TEXT_TYPES):
            if _visible(mob):
                yield mob
            continue
        if _drawn(mob):
            yield mob
        stack.extend(reversed(mob.submobjects))


def _box(mob: Mobject) -> tuple[float, float, float, float]:
    """(left, right, bottom, top) of the bounding box."""
    low, high = mob.get_critical_point((-1, -1, 0)), mob.get_critical_point((1, 1, 0))
    return low[0], high[0], low[1], high[1]


def frame_problems(mobjects, frame_center, frame_width, frame_height, margin=FRAME_MARGIN):
    """Messages for every visible mobject outside the frame (less margin)."""
    cx, cy = frame_center[0], frame_center[1]
    left, right = cx - frame_width / 2 + margin, cx + frame_width / 2 - margin
    bottom, top = cy - frame_height / 2 + margin, cy + frame_height / 2 - margin
    messages = []
    for mob in _leaves(mobjects):
        l, r, b, t = _box(mob)
        sides = [name for name, out in (("left", l < left), ("right", r > right),
                                        ("bottom", b < bottom), ("top", t > top)) if out]
        if sides:
            messages.append(f"{describe(mob)} runs off the {'/'.join(sides)} edge of the frame "
                            f"(box x {l:.2f}..{r:.2f}, y {b:.2f}..{t:.2f})")
    return messages


def overlap_problems(mobjects, tolerance=OVERLAP_TOLERANCE):
    """Messages for every pair of visible text/formula mobjects that overlap."""
    texts = [m for m in _leaves(mobjects) if isinstance(m, TEXT_TYPES)]
    boxes = [_box(m) for m in texts]
    messages = []
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            (l1, r1, b1, t1), (l2, r2, b2, t2) = boxes[i], boxes[j]
            dx = min(r1, r2) - max(l1, l2)
            dy = min(t1, t2) - max(b1, b2)
            if dx > tolerance and dy > tolerance:
                messages.append(f"{describe(texts[i])} overlaps {describe(texts[j])}")
    return messages


class LayoutRecorder:
    """Wraps a scene's ``play`` so that after every animation the layout is
    checked; also records when each animation ends (for contact sheets)."""

    def __init__(self, scene, margin: float = FRAME_MARGIN):
        self.scene = scene
        self.margin = margin
        self.problems: list[Problem] = []
        self.animation_ends: list[float] = []
        self._play = scene.play
        scene.play = self._checked_play

    def _checked_play(self, *args, **kwargs):
        self._play(*args, **kwargs)
        index = len(self.animation_ends)
        self.animation_ends.append(float(self.scene.time))
        self.check(index)

    def _frame(self):
        camera = self.scene.camera
        frame = getattr(camera, "frame", None)
        if frame is not None:  # MovingCameraScene
            return frame.get_center(), frame.width, frame.height
        return np.zeros(3), camera.frame_width, camera.frame_height

    def check(self, index: int) -> None:
        center, width, height = self._frame()
        mobjects = list(self.scene.mobjects)
        name = type(self.scene).__name__
        seen = {p.message for p in self.problems}
        for message in (frame_problems(mobjects, center, width, height, self.margin)
                        + overlap_problems(mobjects)):
            if message not in seen:  # report a lasting problem once, where it starts
                self.problems.append(Problem(name, index, message))
