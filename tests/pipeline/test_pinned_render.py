"""Under the pinned versions (constraints.txt), a render decodes to exactly
the frames committed in tests/fixtures/SquareToCircle.low.framemd5.

That file was made by plain Manim, not by mathreel, with the encoder
settings of mathreel's scene files (``fast``: x264 veryfast, CRF 23, 3
threads), in a scratch folder:

    manim -ql --disable_caching --encoder-option preset=veryfast \\
        --encoder-option crf=23 --encoder-option threads=3 \\
        tests/fixtures/manim_docs_example.py SquareToCircle
    ffmpeg -i media/videos/manim_docs_example/480p15/SquareToCircle.mp4 -map 0:v -f framemd5 -

A new manim, PyAV (with its x264), NumPy, pycairo ... may draw or encode
differently, which is what the pins guard against: the cache's and the
chunks' byte-identical promises are only as good as the same versions
everywhere. When the installed versions of Manim's dependency tree are not
the pinned ones the test is skipped and says which; a fresh ``make setup``
(and CI) installs exactly the pinned ones, so there it always runs.
"""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from mathreel.curriculum import SceneRef
from mathreel.project import QUALITIES
from mathreel.render import RenderJob, render_many
from conftest import FIXTURES, ROOT

GOLDEN = FIXTURES / "SquareToCircle.low.framemd5"


def _freeze_script():
    spec = importlib.util.spec_from_file_location("freeze_constraints",
                                                  ROOT / "scripts" / "freeze_constraints.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pinned() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[name] = version
    return pins


def drawing_stack_differences() -> list[str]:
    """Manim's installed dependency tree against the pins: one phrase per
    package that differs (or is not pinned at all)."""
    installed = _freeze_script().closure([Requirement("manim")])
    pins = pinned()
    return [f"{name} {version} installed, {pins[name]} pinned" if name in pins
            else f"{name} {version} installed, not in constraints.txt"
            for name, version in sorted(installed.items()) if pins.get(name) != version]


def framemd5(video: Path) -> list[str]:
    out = subprocess.run(["ffmpeg", "-v", "error", "-i", str(video), "-map", "0:v", "-f",
                          "framemd5", "-"], capture_output=True, text=True, check=True).stdout
    return [line for line in out.splitlines() if not line.startswith("#") or "dimensions" in line]


def test_pinned_versions_render_the_committed_frames(mini_project):
    differences = drawing_stack_differences()
    if differences:
        pytest.skip("installed versions differ from constraints.txt: " + "; ".join(differences))
    scene = SceneRef("SquareToCircle", FIXTURES / "manim_docs_example.py", "Square to circle")
    [result] = render_many(mini_project, [RenderJob(scene, QUALITIES["low"])],
                           encoder="fast")
    assert result.ok, result.error
    got = framemd5(result.outputs["video"])
    want = [line for line in GOLDEN.read_text().splitlines()
            if not line.startswith("#") or "dimensions" in line]
    assert len(got) == len(want)
    first = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), None)
    assert first is None, f"frames differ from the committed framemd5 from line {first}: {got[first]}"
