"""The layout inside an animation, for :mod:`mathreel.layout`.

:func:`pose` sets a play's animations to a moment inside it, the way
Manim's play loop does, but with no time passing for updaters (they run
with ``dt = 0``): the loop's own step to the end then sets every mobject
anew, so sampling leaves the scene as it would be unsampled.

Two rules about morphs:

* a formula must not be *held mid-morph*: an animation whose rate function
  ends neither at its start (0) nor at its target (1) leaves its mobject
  between two shapes;
* a ``Transform`` turns its source into the target's shape but leaves the
  source on screen under its old text; a later ``TransformMatchingTex`` /
  ``TransformMatchingShapes`` from it matches parts by that old text and
  garbles the morph (:class:`MorphLedger`). ``ReplacementTransform`` puts
  the target itself on screen.
"""

from __future__ import annotations

from manim import ReplacementTransform, Transform, TransformFromCopy, Wait
from manim.animation.transform_matching_parts import TransformMatchingAbstractBase

from .layout_terms import TEXT_TYPES, Finding, describe

ENDS = 1e-3  # a rate function this close to 0 or 1 at the end finishes the animation


def flatten(animations) -> list:
    """Animations and, inside groups (``AnimationGroup``, ``Succession``,
    the matching transforms), their members."""
    flat = []
    for animation in animations:
        flat.append(animation)
        flat.extend(flatten(getattr(animation, "animations", None) or []))
    return flat


def moving_ids(animations) -> frozenset[int]:
    """Ids of every mobject the animations move, fade or morph."""
    return frozenset(id(part) for animation in flatten(animations)
                     for part in animation.mobject.get_family())


def pose(scene, animations, t: float) -> None:
    """Set ``animations`` (the scene's current play) to ``t`` seconds in,
    as Manim's ``update_to_time`` does, with no time passing."""
    for animation in animations:
        animation.update_mobjects(0)
        animation.interpolate(t / animation.run_time)
    scene.update_mobjects(0)


def held_findings(animations) -> list[Finding]:
    """Every animation (of a flattened play) whose rate function leaves its
    mobject between start and target."""
    found = []
    for animation in animations:
        if isinstance(animation, Wait):
            continue
        end = animation.rate_func(1.0)
        if min(abs(end), abs(end - 1)) > ENDS:
            name = describe(animation.mobject)
            found.append(Finding(
                ("held", frozenset((id(animation.mobject),)), name),
                f"{name} is held mid-morph: {type(animation).__name__}'s rate function "
                f"ends at {end:.2f}, neither at the start (0) nor at the target (1)"))
    return found


def _renames(animation) -> bool:
    """Whether ``animation`` morphs a text into another text and leaves the
    source on screen under its old text."""
    return (isinstance(animation, Transform)
            and not isinstance(animation, (ReplacementTransform, TransformFromCopy))
            and not animation.replace_mobject_with_target_in_scene
            and isinstance(animation.mobject, TEXT_TYPES)
            and isinstance(animation.target_mobject, TEXT_TYPES)
            and describe(animation.mobject) != describe(animation.target_mobject))


class MorphLedger:
    """Texts a ``Transform`` left on screen under their old text: id ->
    (the mobject, the text it shows, the animation that morphed it)."""

    def __init__(self):
        self._shown: dict[int, tuple[object, str, int]] = {}

    def record(self, animations, index: int) -> None:
        """Note the renaming morphs of animation ``index`` (flattened)."""
        for animation in animations:
            if _renames(animation):
                self._shown[id(animation.mobject)] = (
                    animation.mobject, describe(animation.target_mobject), index)

    def findings(self, animations) -> list[Finding]:
        """Matching transforms (of a flattened play) from a renamed text."""
        found = []
        for animation in animations:
            if not isinstance(animation, TransformMatchingAbstractBase):
                continue
            source = animation.to_remove[0]
            mob, shown, index = self._shown.get(id(source), (None, "", 0))
            if mob is source:
                found.append(Finding(
                    ("garbled", frozenset((id(source),)), describe(source)),
                    f"{type(animation).__name__} from {describe(source)}, which animation "
                    f"{index} turned into {shown} with Transform: its parts are matched by the "
                    "old text, so the morph is garbled (use ReplacementTransform before)"))
        return found
