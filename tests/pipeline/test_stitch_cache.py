"""Stitching again only what changed: a lesson (or the course) whose parts and
settings are those of its last join is answered from its record, and any
change to a part, a caption file, a setting or an output joins it again."""

from __future__ import annotations

from pathlib import Path

import pytest

from lesson_media import (
    LESSON_01, fake_render, frames_and_rate, make_clip, make_project, record_render,
)
from mathreel.curriculum import load_curriculum
from mathreel.project import course_video, scene_video, sidecar
from mathreel.stitch import stitch_course, stitch_lesson, stitch_record


@pytest.fixture
def lesson(tmp_path):
    """Lesson 01 of the synthetic project, rendered and stitched once."""
    root = make_project(tmp_path)
    for name in LESSON_01:
        fake_render(root, "low", name)
    lesson = load_curriculum(root).lesson(1)
    first = stitch_lesson(root, lesson, "low")
    assert not first.cached
    return root, lesson, first


def stamps(paths: list[Path]) -> list[int]:
    return [p.stat().st_mtime_ns for p in paths]


def outputs(result) -> list[Path]:
    return [result.output, *result.sidecars.values()]


def test_an_unchanged_lesson_is_not_joined_again(lesson):
    root, lesson, first = lesson
    before = stamps(outputs(first))
    again = stitch_lesson(root, lesson, "low")
    assert again.cached
    assert stamps(outputs(first)) == before  # nothing rewritten
    # the remembered result is the one the join produced
    assert (again.output, again.duration, again.frames, again.expected_frames) == (
        first.output, first.duration, first.frames, first.expected_frames)
    assert again.plan == first.plan and again.chapters == first.chapters
    assert again.parts == first.parts and again.notes == first.notes
    assert again.sidecars == first.sidecars


def test_a_re_rendered_scene_joins_its_lesson_again(lesson, tmp_path):
    root, lesson, first = lesson
    # BetaScene re-rendered, now 6 s instead of 4 s
    make_clip(scene_video(root, "low", "BetaScene"), 6)
    record_render(root, "low", "BetaScene", 6)
    again = stitch_lesson(root, lesson, "low")
    assert not again.cached
    frames, _ = frames_and_rate(again.output)
    assert frames == first.frames + 2 * 15


def test_changed_captions_or_settings_join_again(lesson):
    root, lesson, first = lesson
    srt = scene_video(root, "low", "DeltaScene").with_suffix(".srt")
    srt.write_text(srt.read_text().replace("done", "finished"))
    again = stitch_lesson(root, lesson, "low")
    assert not again.cached
    assert "finished" in sidecar(again.output, "srt").read_text()
    assert stitch_lesson(root, lesson, "low").cached
    burned = stitch_lesson(root, lesson, "low", burn=True)  # a setting changed
    assert not burned.cached and burned.sidecars["burned"].is_file()


def test_a_missing_or_replaced_output_joins_again(lesson):
    root, lesson, first = lesson
    sidecar(first.output, "vtt").unlink()
    assert not stitch_lesson(root, lesson, "low").cached
    assert sidecar(first.output, "vtt").is_file()
    first.output.write_bytes(b"not a video")  # someone overwrote it
    again = stitch_lesson(root, lesson, "low")
    assert not again.cached and frames_and_rate(again.output)[0] == first.frames


def test_a_lost_or_damaged_record_joins_again(lesson):
    root, lesson, first = lesson
    record = stitch_record(root, "low", first.output)
    record.write_text("{not json")
    assert not stitch_lesson(root, lesson, "low").cached
    assert stitch_lesson(root, lesson, "low").cached
    record.unlink()  # e.g. a join killed after the video, before its record
    assert not stitch_lesson(root, lesson, "low").cached


def test_force_joins_again(lesson):
    root, lesson, first = lesson
    before = first.output.stat().st_mtime_ns
    again = stitch_lesson(root, lesson, "low", force=True)
    assert not again.cached and again.output.stat().st_mtime_ns != before


def test_the_course_follows_its_lessons(tmp_path):
    root = make_project(tmp_path)
    for name in LESSON_01:
        fake_render(root, "low", name)
    curriculum = load_curriculum(root)
    # the synthetic course is lesson 01 alone (02 fails to render, 03 is empty):
    # give lesson 02 a rendered scene so the course has two parts
    lessons = [l for l in curriculum.lessons if l.scenes]
    for lesson in lessons:
        for name in [f"Lesson{lesson.code}Title", *(s.name for s in lesson.scenes)]:
            if not scene_video(root, "low", name).is_file():
                make_clip(scene_video(root, "low", name), 2)
                record_render(root, "low", name, 2)
        stitch_lesson(root, lesson, "low")
    course = stitch_course(root, curriculum, "low")
    assert not course.cached and course_video(root, "low") == course.output
    assert stitch_course(root, curriculum, "low").cached
    make_clip(scene_video(root, "low", "AlphaScene"), 5)
    record_render(root, "low", "AlphaScene", 5)
    assert stitch_course(root, curriculum, "low").cached  # lesson 01 not stitched again yet
    assert not stitch_lesson(root, lessons[0], "low").cached
    again = stitch_course(root, curriculum, "low")
    assert not again.cached
    assert frames_and_rate(again.output)[0] == course.frames - 7 * 15


def test_the_title_card_is_data_for_the_scene_kits_card(tmp_path):
    """No Python is generated: each lesson's card is the scene kit's
    title_card.py, by path, with its number and title in its own JSON file;
    the render key follows the title."""
    import json

    from mathreel.cache import job_key
    from mathreel.project import QUALITIES
    from mathreel.render import RenderJob
    from mathreel.stitch import title_card

    root = make_project(tmp_path)
    curriculum = load_curriculum(root)
    one, two = title_card(root, curriculum.lesson(1)), title_card(root, curriculum.lesson(2))
    assert Path(one.path) == Path(two.path) and Path(one.path).name == "title_card.py"
    assert Path(one.path).parent.name == "scenekit" and root not in Path(one.path).parents
    assert one.name != two.name
    titles = {path.name: json.loads(path.read_text()) for path in (root / "media").rglob("*.json")}
    assert titles == {f"{one.name}.json": {"number": 1, "title": curriculum.lesson(1).title},
                      f"{two.name}.json": {"number": 2, "title": curriculum.lesson(2).title}}
    assert not list((root / "media").rglob("*.py"))
    key = job_key(root, RenderJob(one, QUALITIES["low"]))
    curriculum_file = root / "curriculum.toml"
    old_title = curriculum.lesson(1).title
    curriculum_file.write_text(curriculum_file.read_text().replace(old_title, old_title + " again", 1))
    renamed = title_card(root, load_curriculum(root).lesson(1))
    assert json.loads((root / "media" / ".titles" / f"{one.name}.json").read_text())["title"] \
        == old_title + " again"
    assert job_key(root, RenderJob(renamed, QUALITIES["low"])) != key


def test_the_scene_kits_title_card_reads_its_number_and_title(tmp_path):
    import scenekit.title_card as kit
    from mathreel.scene_context import SceneContext, title_data_file, use

    data = title_data_file(tmp_path, "Lesson05Title")
    data.parent.mkdir(parents=True)
    data.write_text('{"number": 5, "title": "Probability, é"}')
    with use(SceneContext(root=tmp_path)):
        card = kit.Lesson05Title
    assert (card.__name__, card.number, card.title) == ("Lesson05Title", 5, "Probability, é")
    assert issubclass(card, kit.TitleCard)
    with pytest.raises(AttributeError):
        kit.Overview  # noqa: B018 - not a title card's name
