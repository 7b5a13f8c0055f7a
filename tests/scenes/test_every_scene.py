"""Every scene of the curriculum runs (Manim dry-run: construct runs, nothing
is written), keeps its layout after every animation, and is narrated."""

from __future__ import annotations

import re

import pytest

from mathreel.curriculum import load_curriculum
from conftest import ROOT

SCENES = load_curriculum(ROOT).scenes
MIN_CAPTION_COVERAGE = 0.8
OUTPUT_SUFFIXES = {".mp4", ".mov", ".webm", ".gif", ".png", ".srt", ".wav"}
LATEX_MARKS = re.compile(r"[\\$^_{}]")  # narration must be speakable as written


def covered_seconds(captions) -> float:
    """Length of the union of the caption intervals."""
    total, end = 0.0, float("-inf")
    for start, stop, _ in sorted(captions):
        if stop > end:
            total += stop - max(start, end)
            end = stop
    return total


@pytest.mark.parametrize("scene", SCENES, ids=lambda s: s.name)
def test_scene_runs_and_writes_nothing(checked, scene):
    work_root, results = checked
    result = results[scene.name]
    assert result.ok, f"{scene.name} failed: {result.error}"
    assert result.duration > 0 and result.animation_ends
    assert result.outputs == {}
    media = [p for p in work_root.rglob("*") if p.suffix in OUTPUT_SUFFIXES]
    assert media == [], "a dry run wrote output media"  # LaTeX's cache (media/Tex) may fill


@pytest.mark.parametrize("scene", SCENES, ids=lambda s: s.name)
def test_layout_after_every_animation(checked, scene):
    result = checked[1][scene.name]
    assert result.ok, result.error
    assert result.problems == [], "\n".join(result.problems)


@pytest.mark.parametrize("scene", SCENES, ids=lambda s: s.name)
def test_narration_covers_the_scene(checked, scene):
    result = checked[1][scene.name]
    assert result.ok, result.error
    coverage = covered_seconds(result.captions) / result.duration
    assert coverage >= MIN_CAPTION_COVERAGE, (
        f"{scene.name}: captions cover {coverage:.0%} of {result.duration:.1f} s")
    starts = [c[0] for c in result.captions]
    assert starts == sorted(starts)
    assert all(c[1] <= result.duration + 1e-6 for c in result.captions)


@pytest.mark.parametrize("scene", SCENES, ids=lambda s: s.name)
def test_narration_is_plain_spoken_english(checked, scene):
    result = checked[1][scene.name]
    assert result.ok, result.error
    unspeakable = [text for _, _, text in result.captions if LATEX_MARKS.search(text)]
    assert unspeakable == [], f"{scene.name}: captions with LaTeX in them: {unspeakable}"
