"""Every narration beat of the curriculum, as its scene says it.

Each lesson scene's ``construct`` runs in this process with
``NarratedScene.beat`` wrapped to record its text, and with ``Scene.play``
and ``Scene.wait`` doing nothing: beat texts come from the lesson's numbers,
its loops and its exercises, never from where an animation left a mobject,
so skipping the animations gives the same beats (checked against a Manim
fast-forward run of all 19 lessons: the same 785 beats) at a fraction of the
cost; Manim's own fast-forward still copies and aligns every mobject each
animation touches. Building the mobjects (LaTeX, SVG) is what remains.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from mathreel.curriculum import load_curriculum

ROOT = Path(__file__).resolve().parents[2]


def curriculum_beats(root: Path = ROOT) -> list[tuple[str, int, str]]:
    """``[(scene name, beat number from 1, text), ...]`` in playing order."""
    from manim import Scene, tempconfig

    scenes_dir = str(root / "scenes")
    if scenes_dir not in sys.path:
        sys.path.insert(0, scenes_dir)
    import narration

    recorded: list[tuple[str, int, str]] = []
    counts: dict[str, int] = {}

    @contextmanager
    def beat(scene, text, **options):  # options: keep_speed
        name = type(scene).__name__
        counts[name] = counts.get(name, 0) + 1
        recorded.append((name, counts[name], text))
        yield

    modules = {}
    with tempfile.TemporaryDirectory() as media, \
            mock.patch.dict(os.environ, {"MATHREEL_VOICE": "none"}), \
            mock.patch.object(narration.NarratedScene, "beat", beat), \
            mock.patch.object(Scene, "play", lambda self, *a, **k: None), \
            mock.patch.object(Scene, "wait", lambda self, *a, **k: None):
        for ref in load_curriculum(root).scenes:
            if ref.path not in modules:
                spec = importlib.util.spec_from_file_location(f"beats_{ref.path.stem}", ref.path)
                modules[ref.path] = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(modules[ref.path])
            # fast-forward settings: NarratedScene then plans no speech before the pass
            options = {"dry_run": True, "from_animation_number": 10**9, "media_dir": media,
                       "disable_caching": True,
                       "tex_dir": str(root / "media" / "Tex"),  # LaTeX's cache, shared with renders
                       "text_dir": str(root / "media" / "texts"),
                       "verbosity": "ERROR", "progress_bar": "none"}
            with tempconfig(options):
                getattr(modules[ref.path], ref.name)().render()
    return recorded
