"""Placeholder until the pronunciation layer lands: markup and dollars removed."""

from __future__ import annotations

import re

_TAG_RE = re.compile(r"<[^>]*>")


def spoken(text: str) -> str:
    return " ".join(_TAG_RE.sub(" ", text).replace("$", "").split())


def display(text: str) -> str:
    return spoken(text)
