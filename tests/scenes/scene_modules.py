"""Load a lesson module of scenes/ the way Manim does, for the numbers tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SCENES = Path(__file__).resolve().parents[2] / "scenes"


def load_scene_module(name: str):
    """A fresh module from ``scenes/<name>.py`` (scenes/ on sys.path: scene
    modules import their siblings, style and widgets, by plain name)."""
    if str(SCENES) not in sys.path:
        sys.path.insert(0, str(SCENES))
    spec = importlib.util.spec_from_file_location(name, SCENES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
