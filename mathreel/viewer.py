"""Open a finished render in the system's viewer (``render -p``, as Manim's
``-p``), and do nothing where nothing could be shown."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click


def has_display() -> bool:
    """Whether a viewer window could appear: always on macOS and Windows; on
    other systems only with an X11 or Wayland display (not over plain SSH,
    in CI or in a container)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def show(path: Path) -> bool:
    """Open ``path`` with the default application (``click.launch``: xdg-open,
    open, start). Quietly False where there is no display or no opener."""
    if not has_display():
        return False
    return click.launch(str(path)) == 0
