"""Chapters: YouTube's rules checked by an independent reader of the
``0:00 Title`` list, merges of short scenes, and the MP4's chapter metadata."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from lesson_media import LESSON_01, fake_render, make_project
from mathreel.chapters import Chapter, format_youtube, plan_chapters, youtube_timestamp
from mathreel.curriculum import load_curriculum
from mathreel.project import sidecar
from mathreel.stitch import stitch_lesson


def youtube_rule_breaks(text: str, video_seconds: float) -> list[str]:
    """YouTube's description-chapter rules, read from the text alone."""
    starts, titles = [], []
    for line in text.strip().splitlines():
        match = re.fullmatch(r"(?:(\d+):)?(\d{1,2}):(\d{2}) (.+)", line)
        assert match, f"not a chapter line: {line!r}"
        h, m, s, title = match.groups()
        starts.append(int(h or 0) * 3600 + int(m) * 60 + int(s))
        titles.append(title)
    ends = starts[1:] + [video_seconds]
    breaks = []
    if len(starts) < 3:
        breaks.append("fewer than 3")
    if starts and starts[0] != 0:
        breaks.append("first not at 0:00")
    if starts != sorted(set(starts)):
        breaks.append("not ascending")
    breaks += [f"{t} shorter than 10 s" for t, a, b in zip(titles, starts, ends) if b - a < 10]
    return breaks


@pytest.fixture(scope="module")
def lesson(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("chapters"))
    for name in LESSON_01:
        fake_render(root, "low", name)
    return stitch_lesson(root, load_curriculum(root).lesson(1), "low")


def test_the_youtube_list_obeys_the_rules_and_merges_short_scenes(lesson):
    text = sidecar(lesson.output, "chapters_txt").read_text()
    assert youtube_rule_breaks(text, 40) == []
    # Title card (3 s) opens Alpha's chapter; Beta (4 s) joins Alpha; the rest stand.
    assert text == "0:00 Alpha scene\n0:19 Gamma scene\n0:30 Delta scene\n"
    assert lesson.notes == ["chapter 'Beta, titled' (4.0 s) is shorter than 10 s: "
                            "merged into 'Alpha scene'"]


def test_chapters_json_and_the_mp4_chapter_metadata_agree(lesson):
    data = json.loads(sidecar(lesson.output, "chapters_json").read_text())
    assert data == [{"start": 0.0, "end": 19.0, "title": "Alpha scene"},
                    {"start": 19.0, "end": 30.0, "title": "Gamma scene"},
                    {"start": 30.0, "end": 40.0, "title": "Delta scene"}]
    out = subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-print_format", "json",
                          str(lesson.output)], capture_output=True, text=True, check=True)
    chapters = json.loads(out.stdout)["chapters"]
    assert [(float(c["start_time"]), float(c["end_time"]), c["tags"]["title"])
            for c in chapters] == [(d["start"], d["end"], d["title"]) for d in data]


def test_a_short_first_scene_opens_the_next_chapter():
    plan = plan_chapters([(0, 6, "Intro"), (6, 20, "A"), (20, 35, "B"), (35, 50, "C")])
    assert [(c.start, c.title) for c in plan.chapters] == [(0, "A"), (20, "B"), (35, "C")]
    assert plan.notes == ["chapter 'Intro' (6.0 s) is shorter than 10 s: merged into 'A'"]


def test_a_short_last_scene_joins_the_one_before():
    plan = plan_chapters([(0, 12, "A"), (12, 24, "B"), (24, 40, "C"), (40, 45, "D")])
    assert [(c.start, c.end, c.title) for c in plan.chapters] == [
        (0, 12, "A"), (12, 24, "B"), (24, 45, "C")]
    assert youtube_rule_breaks(format_youtube(plan.chapters), 45) == []


def test_fewer_than_three_chapters_leave_the_youtube_list_empty_and_say_why():
    plan = plan_chapters([(0, 15, "A"), (15, 30, "B")])
    assert format_youtube(plan.chapters) == ""
    assert plan.notes == ["only 2 chapter(s) of at least 10 s; YouTube needs 3, so the "
                          "YouTube chapter list is left empty"]


def test_a_chapter_under_ten_seconds_is_merged_even_when_its_timestamps_show_ten():
    # B lasts 9.7 s but shows as 0:10 -> 0:20: merged all the same.
    plan = plan_chapters([(0, 10.5, "A"), (10.5, 20.2, "B"), (20.2, 31, "C"), (31, 45, "D")])
    assert [(c.start, c.end, c.title) for c in plan.chapters] == [
        (0, 20.2, "A"), (20.2, 31, "C"), (31, 45, "D")]
    assert all(c.duration >= 10 for c in plan.chapters)
    assert youtube_rule_breaks(format_youtube(plan.chapters), 45) == []


@pytest.mark.parametrize("seconds, text", [(0, "0:00"), (9.99, "0:09"), (65, "1:05"),
                                           (3723.4, "1:02:03")])
def test_youtube_timestamps(seconds, text):
    assert youtube_timestamp(seconds) == text


def test_a_chapter_is_its_span():
    assert Chapter(3.0, 13.5, "x").duration == 10.5
