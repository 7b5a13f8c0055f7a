"""The whole curriculum built as `make preview` builds it (low quality, the
real voice), measured as a viewer gets it: caption pace and readability,
speech for most of every video, loudness to publishing standards.

Slow (a build of every lesson from nothing takes tens of minutes on two
cores): run with ``pytest -m slow tests/scenes/test_narrated_build.py``.
``scripts/bench.py`` prints the same measurements for the checkout's build.
"""

from __future__ import annotations

import os
import shutil

import pytest
from click.testing import CliRunner

from mathreel.audit import PACE_WPM, measure_lesson
from mathreel.cli import cli
from mathreel.curriculum import load_curriculum
from mathreel.project import lesson_video
from mathreel.voice import ENGINES
from conftest import ROOT

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not ENGINES["piper"].available(), reason="needs the voice extra")]
MIN_SPEECH_SHARE = 0.55


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "curriculum.toml", root)
    shutil.copytree(ROOT / "scenes", root / "scenes", ignore=shutil.ignore_patterns("__pycache__"))
    os.environ["MATHREEL_ROOT"] = str(root)
    try:
        result = CliRunner().invoke(cli, ["build", "-q", "low", "--voice", "piper", "--quiet"])
    finally:
        del os.environ["MATHREEL_ROOT"]
    assert result.exit_code == 0, result.output
    return root


LESSONS = [lesson for lesson in load_curriculum(ROOT).lessons if lesson.scenes]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda l: l.code)
def test_a_built_lesson_can_be_followed(built, lesson):
    report = measure_lesson(lesson_video(built, "low", lesson.number, lesson.slug))
    captions, media = report.captions, report.media
    assert not captions.problems, captions.problems[:10]
    assert PACE_WPM[0] <= captions.wpm <= PACE_WPM[1]
    assert media.speech_share >= MIN_SPEECH_SHARE
    assert media.loudness == pytest.approx(-16.0, abs=1.0)
    assert media.true_peak <= -1.0
