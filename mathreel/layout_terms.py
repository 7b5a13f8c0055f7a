"""What the layout checks (:mod:`mathreel.layout`) report: a fault found
in one still of a scene, and the name of a mobject a person can find in the
scene's source. Imports Manim."""

from __future__ import annotations

from dataclasses import dataclass

from manim import Code, DecimalNumber, MarkupText, Mobject, SingleStringMathTex, Text

TEXT_TYPES = (Text, MarkupText, SingleStringMathTex, DecimalNumber, Code)


@dataclass(frozen=True)
class Finding:
    """One fault in one still: ``key`` names it from moment to moment (the
    rule, then the frozenset of the ids of the mobjects at fault, then what
    else tells it apart), ``message`` says it to a person."""

    key: tuple
    message: str


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
