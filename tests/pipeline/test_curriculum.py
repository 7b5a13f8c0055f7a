"""curriculum.toml: the real course loads; malformed files name the lesson at fault."""

from __future__ import annotations

import re
import textwrap

import pytest

from mathreel.curriculum import (
    CurriculumError, UnknownLessonError, class_lines_in, load_curriculum, scene_classes_in,
    title_from_class_name,
)
from conftest import ROOT

LESSON = '''
[[lesson]]
number = {number}
slug = "{slug}"
title = "A title"
description = "A description."
tags = ["t"]
scenes = {scenes}
'''


def write(tmp_path, *lessons, module: str | None = None):
    text = "".join(LESSON.format(**{"scenes": "[]", **lesson}) for lesson in lessons)
    (tmp_path / "curriculum.toml").write_text(text)
    if module is not None:
        (tmp_path / "scenes" / "l00_intro").mkdir(parents=True)
        (tmp_path / "scenes" / "l00_intro" / "scenes.py").write_text(textwrap.dedent(module))
    return tmp_path


def test_the_course_has_all_nineteen_lessons_in_order():
    curriculum = load_curriculum(ROOT)
    assert [l.number for l in curriculum.lessons] == list(range(19))
    assert len({l.slug for l in curriculum.lessons}) == 19
    for lesson in curriculum.lessons:
        assert lesson.title and len(lesson.description) > 80, lesson.slug
        assert lesson.tags, lesson.slug


def test_every_listed_scene_is_a_class_in_its_lesson_module():
    curriculum = load_curriculum(ROOT)
    for lesson in curriculum.lessons:
        for scene in lesson.scenes:
            assert scene.path == ROOT / "scenes" / f"l{lesson.code}_{lesson.slug.replace('-', '_')}" / "scenes.py"
            assert re.search(rf"^class {scene.name}\(", scene.path.read_text(), re.M)


def test_scenes_keep_their_order_and_titles(tmp_path):
    module = "class Second: pass\nclass First: pass\n"
    root = write(tmp_path, {"number": 0, "slug": "intro",
                            "scenes": '["First", { scene = "Second", title = "Part two" }]'},
                 module=module)
    lesson = load_curriculum(root).lesson("00")
    assert [(s.name, s.title) for s in lesson.scenes] == [("First", "First"),
                                                          ("Second", "Part two")]


@pytest.mark.parametrize("lessons, module, message", [
    ([{"number": 0, "slug": "intro"}, {"number": 0, "slug": "again"}], None,
     "curriculum.toml: lesson 00 (again): duplicate lesson number 00 (also intro)"),
    ([{"number": 0, "slug": "intro"}, {"number": 1, "slug": "intro"}], None,
     "curriculum.toml: lesson 01 (intro): duplicate slug 'intro'"),
    ([{"number": 0, "slug": "intro", "scenes": '["Missing"]'}], "class Present: pass\n",
     "curriculum.toml: lesson 00 (intro): unknown scene 'Missing'; "
     "scenes/l00_intro/scenes.py defines: Present"),
    ([{"number": 0, "slug": "intro", "scenes": '["Anything"]'}], None,
     "curriculum.toml: lesson 00 (intro): lists scenes but scenes/l00_intro/scenes.py does not exist"),
    ([{"number": 0, "slug": "Intro Lesson"}], None,
     "curriculum.toml: lesson 00 (Intro Lesson): slug 'Intro Lesson' must be lowercase words "
     "joined by '-'"),
    ([{"number": 0, "slug": "intro", "scenes": "[3]"}], None,
     'curriculum.toml: lesson 00 (intro): a scene must be a class name or '
     '{ scene = "ClassName", title = "..." }, got 3'),
])
def test_malformed_curriculum_names_the_lesson(tmp_path, lessons, module, message):
    root = write(tmp_path, *lessons, module=module)
    with pytest.raises(CurriculumError) as error:
        load_curriculum(root)
    assert str(error.value) == message


def test_a_missing_field_is_named(tmp_path):
    (tmp_path / "curriculum.toml").write_text(
        '[[lesson]]\nnumber = 3\nslug = "calc"\ndescription = "d"\ntags = []\nscenes = []\n')
    with pytest.raises(CurriculumError, match=r"^curriculum.toml: lesson 03 \(calc\): "
                                              r"missing field 'title'$"):
        load_curriculum(tmp_path)


def test_a_wrongly_typed_field_is_named(tmp_path):
    (tmp_path / "curriculum.toml").write_text(
        '[[lesson]]\nnumber = "3"\nslug = "calc"\ntitle = "t"\ndescription = "d"\n'
        'tags = []\nscenes = []\n')
    with pytest.raises(CurriculumError, match=r"^curriculum.toml: lesson #1 in the file: "
                                              r"field 'number' must be int, got str$"):
        load_curriculum(tmp_path)


def test_notebook_and_flagship_are_read_from_the_lesson_entry():
    curriculum = load_curriculum(ROOT)
    assert [l.code for l in curriculum.lessons if l.flagship] == ["02", "07", "17", "18"]
    assert curriculum.lesson(7).notebook == "notebooks/02_optimization.ipynb"
    for lesson in curriculum.lessons:
        assert (ROOT / lesson.notebook).is_file(), lesson.code


def test_notebook_and_flagship_are_optional(tmp_path):
    lesson = load_curriculum(write(tmp_path, {"number": 0, "slug": "intro"})).lesson(0)
    assert (lesson.notebook, lesson.flagship) == (None, False)
    assert lesson.folder == tmp_path / "scenes" / "l00_intro"


@pytest.mark.parametrize("line, message", [
    ('flagship = "yes"', "field 'flagship' must be bool, got str"),
    ("notebook = 3", "field 'notebook' must be str, got int"),
])
def test_a_wrongly_typed_optional_field_is_named(tmp_path, line, message):
    (tmp_path / "curriculum.toml").write_text(
        f'[[lesson]]\nnumber = 3\nslug = "calc"\ntitle = "t"\ndescription = "d"\n'
        f'tags = []\nscenes = []\n{line}\n')
    with pytest.raises(CurriculumError) as error:
        load_curriculum(tmp_path)
    assert str(error.value) == f"curriculum.toml: lesson 03 (calc): {message}"


@pytest.mark.parametrize("key", ["7", "07", 7, "gradient-descent"])
def test_one_lesson_lookup_accepts_number_or_slug(key):
    assert load_curriculum(ROOT).find_lesson(key).number == 7


def test_an_unknown_lesson_names_what_is_accepted():
    with pytest.raises(UnknownLessonError) as error:
        load_curriculum(ROOT).find_lesson("99")
    assert str(error.value) == ("unknown lesson '99'; accepted: a lesson number (00-18) "
                                "or slug (see `mathreel list`)")


def test_invalid_toml_is_reported(tmp_path):
    (tmp_path / "curriculum.toml").write_text("[[lesson]\n")
    with pytest.raises(CurriculumError, match=r"^curriculum.toml: not valid TOML: "):
        load_curriculum(tmp_path)


def test_a_scene_listed_twice_is_refused(tmp_path):
    root = write(tmp_path, {"number": 0, "slug": "intro", "scenes": '["A", "A"]'},
                 module="class A: pass\n")
    with pytest.raises(CurriculumError, match=r"scene 'A' is already listed in lesson 00 \(intro\)"):
        load_curriculum(root)


@pytest.mark.parametrize("name, title", [
    ("PowerIterationConverges", "Power iteration converges"),
    ("SvdRotateStretchRotate", "Svd rotate stretch rotate"),
    ("PCAOnAPointCloud", "PCA on a point cloud"),
    ("Lesson02TryIt", "Lesson02 try it"),
])
def test_chapter_titles_from_class_names(name, title):
    assert title_from_class_name(name) == title


@pytest.mark.parametrize("module", sorted((ROOT / "scenes").glob("l*/scenes.py")),
                         ids=lambda p: p.parent.name)
def test_the_fast_class_reader_finds_every_top_level_class(module):
    """The loader checks listed scenes against ``class_lines_in`` (no parse):
    it must find every class the parser finds (a superset is harmless)."""
    assert set(scene_classes_in(module)) <= class_lines_in(module)
