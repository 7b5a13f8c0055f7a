"""Layout checks run during and after every animation of a scene (Manim
fast-forward).

The rules, from the course's visual language:

* every visible mobject lies inside the camera frame, less ``margin``
  (number planes and full-screen backgrounds, which are meant to run off the
  edge, are exempt; so is any mobject with ``layout_exempt = True``);
* no two text or formula mobjects overlap;
* nothing is drawn twice at the same place (a *ghost copy*: the source of a
  ``Transform`` left beside its target, a target added again after a morph);
* no formula is left mid-morph (see :mod:`mathreel.layout_motion`).

The still rules run at the end of every animation and, inside it, at the
fractions :data:`SAMPLES` of its length (:func:`mathreel.layout_motion.pose`),
where a fault counts only if the animation brings it in: its mobjects were
at no fault when the animation began, and the two mobjects are not both animated (a
cross-fade). A fault still there at the animation's end is reported at the
end; one that comes and goes inside it is reported at the fraction seen.

A problem names the scene, the animation number (and fraction) and the
mobjects at fault. Imports Manim: only the render runner (a child process)
uses this module.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from manim import FullScreenRectangle, ImageMobject, Mobject, NumberPlane, VMobject, Wait

from .layout_motion import MorphLedger, flatten, held_findings, moving_ids, pose
from .layout_terms import TEXT_TYPES, Finding, describe

from .palette import FRAME_MARGIN  # scene units (the frame is 14.22 x 8)

EXEMPT_TYPES = (NumberPlane, FullScreenRectangle)
OVERLAP_TOLERANCE = 0.02  # boxes may touch by this much
GHOST_TOLERANCE = 0.01  # two shapes whose points all lie this close are one drawn twice
SAMPLES = (0.5,)  # fractions of every animation at which the layout is checked too


@dataclass(frozen=True)
class Problem:
    scene: str
    animation: int  # 0-based, as Manim numbers animations (-n START,END)
    message: str
    alpha: float | None = None  # fraction of the animation; None: at its end

    def __str__(self) -> str:
        at = "" if self.alpha is None else f" at {self.alpha:.0%}"
        return f"{self.scene}, animation {self.animation}{at}: {self.message}"


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


def _leaves(mobjects: list[Mobject], live: set[int] | None = None,
            parents: dict[int, int] | None = None):
    """Visible checkable mobjects, each once: text-like ones whole, others by
    their drawn parts; exempt families skipped. Adds to ``live`` the ids of
    those an updater redraws or moves (it or a mobject above it has one),
    and to ``parents`` the id of the mobject each is a part of (0: none)."""
    stack, seen = [(mob, False, 0) for mob in reversed(mobjects)], set()
    while stack:
        mob, updated, parent = stack.pop()
        if id(mob) in seen or isinstance(mob, EXEMPT_TYPES) or getattr(mob, "layout_exempt", False):
            continue
        seen.add(id(mob))
        updated = updated or bool(mob.updaters)
        if updated and live is not None:
            live.add(id(mob))
        if parents is not None:
            parents[id(mob)] = parent
        if isinstance(mob, TEXT_TYPES):
            if _visible(mob):
                yield mob
            continue
        if _drawn(mob):
            yield mob
        stack.extend((part, updated, id(mob)) for part in reversed(mob.submobjects))


def _box(mob: Mobject) -> tuple[float, float, float, float]:
    """(left, right, bottom, top) of the bounding box, as Manim's
    ``get_critical_point`` has it (a VMobject's box holds its anchors)."""
    if isinstance(mob, VMobject):
        arrays = []
        for part in mob.get_family():
            points, n = part.points, getattr(part, "n_points_per_cubic_curve", 1)
            arrays += [points] if len(points) <= 1 else [points[::n], points[n - 1::n]]
        points = np.concatenate(arrays) if arrays else np.zeros((0, 3))
    else:
        points = mob.get_points_defining_boundary()
    if len(points) == 0:
        return 0.0, 0.0, 0.0, 0.0
    low, high = points.min(axis=0), points.max(axis=0)
    return low[0], high[0], low[1], high[1]


def frame_findings(leaves, boxes, frame_center, frame_width, frame_height, margin=FRAME_MARGIN):
    """Every visible mobject outside the frame (less margin); ``boxes``: id ->
    :func:`_box`."""
    cx, cy = frame_center[0], frame_center[1]
    left, right = cx - frame_width / 2 + margin, cx + frame_width / 2 - margin
    bottom, top = cy - frame_height / 2 + margin, cy + frame_height / 2 - margin
    found = []
    for mob in leaves:
        l, r, b, t = boxes[id(mob)]
        sides = [name for name, out in (("left", l < left), ("right", r > right),
                                        ("bottom", b < bottom), ("top", t > top)) if out]
        if sides:
            found.append(Finding(
                ("frame", frozenset((id(mob),)), describe(mob), tuple(sides)),
                f"{describe(mob)} runs off the {'/'.join(sides)} edge of the frame "
                f"(box x {l:.2f}..{r:.2f}, y {b:.2f}..{t:.2f})"))
    return found


def overlap_findings(texts, boxes, tolerance=OVERLAP_TOLERANCE, exempt=lambda a, b: False):
    """Every pair of text/formula mobjects whose boxes (``boxes``: id ->
    :func:`_box`) overlap, but pairs ``exempt(a, b)`` says are meant to."""
    boxes = [boxes[id(m)] for m in texts]
    found = []
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            (l1, r1, b1, t1), (l2, r2, b2, t2) = boxes[i], boxes[j]
            dx = min(r1, r2) - max(l1, l2)
            dy = min(t1, t2) - max(b1, b2)
            if dx > tolerance and dy > tolerance and not exempt(texts[i], texts[j]):
                found.append(Finding(
                    ("overlap", frozenset((id(texts[i]), id(texts[j]))), describe(texts[i])),
                    f"{describe(texts[i])} overlaps {describe(texts[j])}"))
    return found


def _shape(mob: Mobject, box):
    """(points, style) of a drawn mobject whose box is ``box``, or None. A
    text's points are its box's corners: a text morphed by ``Transform``
    keeps extra, empty parts."""
    if isinstance(mob, ImageMobject):
        return None
    first = next((m for m in mob.get_family() if isinstance(m, VMobject) and m.has_points()),
                 None)
    if first is None:
        return None
    if isinstance(mob, TEXT_TYPES):
        l, r, b, t = box
        points = np.array([[l, b, 0.0], [r, t, 0.0]])
    else:
        points = mob.points
    style = np.concatenate([first.get_fill_rgbas()[0], first.get_stroke_rgbas()[0],
                            [first.get_stroke_width()]])
    return points, style


def _twins(mob: Mobject, other: Mobject) -> bool:
    """Whether two mobjects are of one kind: both texts, or of one type."""
    both_text = isinstance(mob, TEXT_TYPES) and isinstance(other, TEXT_TYPES)
    return both_text or type(mob) is type(other)


def ghost_findings(leaves, boxes, tolerance=GHOST_TOLERANCE):
    """Every pair of mobjects of one kind and style whose points coincide:
    one shape drawn twice at the same place (``boxes``: id -> :func:`_box`)."""
    shapes = [(mob, shape) for mob in leaves
              if (shape := _shape(mob, boxes[id(mob)])) is not None]
    shapes.sort(key=lambda item: item[1][0][:, 0].min())
    found = []
    for i, (mob, (points, style)) in enumerate(shapes):
        left = points[:, 0].min()
        for other, (other_points, other_style) in shapes[i + 1:]:
            if other_points[:, 0].min() - left > tolerance:
                break
            if (_twins(mob, other) and other_points.shape == points.shape
                    and np.abs(other_points - points).max() <= tolerance
                    and np.allclose(other_style, style, atol=0.02)):
                l, r, b, t = boxes[id(mob)]
                names = sorted({describe(mob), describe(other)})
                what = f"{names[0]} and {names[1]} drawn" if len(names) == 2 else f"{names[0]} drawn twice"
                found.append(Finding(
                    ("ghost", frozenset((id(mob), id(other))), describe(mob)),
                    f"ghost copy: {what} at the same place "
                    f"(box x {l:.2f}..{r:.2f}, y {b:.2f}..{t:.2f})"))
    return found


def _ink_boxes(mob: Mobject) -> np.ndarray:
    """(n, 4) boxes (left, right, bottom, top) of the parts of ``mob`` that
    have points: its glyphs, for a text."""
    parts = [part for part in mob.get_family() if part.has_points()] or [mob]
    return np.array([_box(part) for part in parts])


def inks_apart(a: Mobject, b: Mobject, tolerance=OVERLAP_TOLERANCE) -> bool:
    """Whether no glyph of ``a`` overlaps a glyph of ``b`` (by more than
    ``tolerance``): the boxes of two texts can overlap while their ink does
    not, as when one is in mid-morph, its glyphs spread between two places."""
    p, q = _ink_boxes(a)[:, None, :], _ink_boxes(b)[None, :, :]
    dx = np.minimum(p[..., 1], q[..., 1]) - np.maximum(p[..., 0], q[..., 0])
    dy = np.minimum(p[..., 3], q[..., 3]) - np.maximum(p[..., 2], q[..., 2])
    return not np.any((dx > tolerance) & (dy > tolerance))


def still_findings(mobjects, frame, margin=FRAME_MARGIN, moving=frozenset()):
    """The faults of one still of ``mobjects``: off the frame ``frame``
    (center, width, height), overlapping text, ghost copies; but pairs both
    in ``moving`` (ids of mobjects being animated: a cross-fade), texts one
    of which moves whose glyphs do not meet (:func:`inks_apart`), and shapes
    at one place one of which an updater redraws (two moving marks meeting,
    not a copy left behind) or that are parts of one mobject (two points of
    one cloud that land on one place)."""
    live: set[int] = set()
    parents: dict[int, int] = {}
    leaves = list(_leaves(mobjects, live, parents))
    boxes = {id(mob): _box(mob) for mob in leaves}

    def copied(pair):
        first, second = pair
        return not (pair <= moving or pair & live
                    or parents[first] and parents[first] == parents[second])

    ghosts = [f for f in ghost_findings(leaves, boxes) if copied(f.key[1])]
    twins = {f.key[1] for f in ghosts}

    def exempt(a, b):
        if id(a) in moving and id(b) in moving or frozenset((id(a), id(b))) in twins:
            return True
        return (id(a) in moving or id(b) in moving) and inks_apart(a, b)

    texts = [m for m in leaves if isinstance(m, TEXT_TYPES)]
    return (frame_findings(leaves, boxes, *frame, margin)
            + overlap_findings(texts, boxes, exempt=exempt) + ghosts)


class LayoutRecorder:
    """Wraps a scene's ``play`` so that inside and after every animation the
    layout is checked; also records when each animation ends (for contact
    sheets)."""

    def __init__(self, scene, margin: float = FRAME_MARGIN, samples: tuple[float, ...] = SAMPLES):
        self.scene = scene
        self.margin = margin
        self.samples = samples
        self.problems: list[Problem] = []
        self.animation_ends: list[float] = []
        self._reported: set[tuple] = set()
        self._inside: list[tuple[float, Finding]] = []  # found inside the current animation
        self._morphs = MorphLedger()
        self._play, self._play_internal = scene.play, scene.play_internal
        scene.play, scene.play_internal = self._checked_play, self._sampled_play_internal

    def _checked_play(self, *args, **kwargs):
        self._inside = []
        self._play(*args, **kwargs)
        if getattr(self.scene, "stand_in", False):
            # a narrated beat's hold that stands in for the stretch a render gives its
            # animations: no play in the render, so no number here (numbers stay Manim's -n)
            return
        index = len(self.animation_ends)
        self.animation_ends.append(float(self.scene.time))
        self.check(index)

    def _sampled_play_internal(self, *args, **kwargs):
        """Manim's play loop (fast-forwarded: one step to the end), after
        posing the animations at each sampled fraction; the end step sets
        every mobject anew, so the scene ends as it would unsampled."""
        animations = self.scene.animations
        if self.samples and not all(isinstance(a, Wait) for a in animations):
            moving = moving_ids(animations)
            # mobjects already at fault when the animation begins (a copy that
            # starts as a ghost of its source and overlaps it halfway)
            before = {f.key[1] for f in self._findings(moving)}
            run_time = self.scene.get_run_time(animations)
            for alpha in self.samples:
                pose(self.scene, animations, alpha * run_time)
                self._inside += [(alpha, f) for f in self._findings(moving)
                                 if f.key[1] not in before]
        return self._play_internal(*args, **kwargs)

    def _frame(self):
        camera = self.scene.camera
        frame = getattr(camera, "frame", None)
        if frame is not None:  # MovingCameraScene
            return frame.get_center(), frame.width, frame.height
        return np.zeros(3), camera.frame_width, camera.frame_height

    def _findings(self, moving=frozenset()) -> list[Finding]:
        return still_findings(list(self.scene.mobjects), self._frame(), self.margin, moving)

    def check(self, index: int) -> None:
        """Report the faults of animation ``index``: those inside it that are
        gone by its end, then those at its end (each lasting fault once,
        where it starts)."""
        animations = flatten(self.scene.animations or [])
        end = self._findings() + held_findings(animations) + self._morphs.findings(animations)
        self._morphs.record(animations, index)
        at_end = {f.key[1] for f in end}  # the mobjects at fault
        name = type(self.scene).__name__
        for alpha, finding in self._inside:
            if finding.key[1] not in at_end and finding.key not in self._reported:
                self._reported.add(finding.key)
                self.problems.append(Problem(name, index, finding.message, alpha))
        for finding in end:
            if finding.key not in self._reported:
                self._reported.add(finding.key)
                self.problems.append(Problem(name, index, finding.message))
