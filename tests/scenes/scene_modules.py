"""Load a lesson's scenes and exercises the way the pipeline does, for the
numbers tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from mathreel.curriculum import load_curriculum
from mathreel.exercise import lesson_exercises
from mathreel.runner import scene_module_name

ROOT = Path(__file__).resolve().parents[2]
CURRICULUM = load_curriculum(ROOT)


def load_scene_module(name: str):
    """A fresh module from ``scenes/<name>/scenes.py`` (``name`` is the
    lesson's folder, e.g. ``l07_gradient_descent``), under the runner's
    module name for that file."""
    file = ROOT / "scenes" / name / "scenes.py"
    spec = importlib.util.spec_from_file_location(scene_module_name(file), file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def exercises_for(number: int):
    """The exercises of lesson ``number``, loaded from its folder as the
    practice card and the blog load them."""
    return lesson_exercises(CURRICULUM.find_lesson(number))
