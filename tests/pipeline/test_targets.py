"""What a user types as a TARGET resolves to the scenes they meant."""

from __future__ import annotations

import pytest

from mathreel.curriculum import load_curriculum
from mathreel.targets import TargetError, resolve_targets, target_candidates
from conftest import FIXTURES


@pytest.fixture
def curriculum(mini_project):
    return load_curriculum(mini_project)


@pytest.mark.parametrize("target", ["00", "0", "first-steps", "GrowCircle", "all"])
def test_lesson_number_slug_scene_and_all(curriculum, target):
    assert [s.name for s in resolve_targets(curriculum, [target])] == ["GrowCircle"]


def test_each_scene_once_in_the_order_given(curriculum):
    scenes = resolve_targets(curriculum, [f"{FIXTURES / 'manim_docs_example.py'}:SquareToCircle",
                                          "GrowCircle", "00"])
    assert [s.name for s in scenes] == ["SquareToCircle", "GrowCircle"]


def test_a_file_target_outside_the_course(curriculum):
    [scene] = resolve_targets(curriculum, [f"{FIXTURES / 'manim_docs_example.py'}:SquareToCircle"])
    assert scene.path == FIXTURES / "manim_docs_example.py"
    assert scene.lesson is None


def test_a_course_file_named_by_path_is_the_course_scene(curriculum, mini_project):
    [scene] = resolve_targets(curriculum, [f"{mini_project}/scenes/l00_first_steps/scenes.py:GrowCircle"])
    assert scene.lesson == 0 and scene.title == "A circle grows"


def test_a_python_file_with_a_syntax_error(curriculum, tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text("class A(:\n")
    with pytest.raises(TargetError, match=r"broken.py is not valid Python: line 1: "):
        resolve_targets(curriculum, [f"{broken}:A"])


FAILING = FIXTURES / "failing_scenes.py"  # RaisesValueError, BadLatex


def test_manims_file_then_scenes_form(curriculum):
    """`manim file.py A B` names A and B of file.py; the group ends at the
    first target that is a lesson or a curriculum scene not in the file."""
    scenes = resolve_targets(curriculum, [str(FAILING), "BadLatex", "RaisesValueError", "00",
                                          str(FIXTURES / "manim_docs_example.py"), "GrowCircle"])
    assert [(s.name, s.path) for s in scenes] == [
        ("BadLatex", FAILING), ("RaisesValueError", FAILING),
        ("GrowCircle", curriculum.scene("GrowCircle").path),
        ("SquareToCircle", FIXTURES / "manim_docs_example.py")]  # its only scene


def test_a_bare_name_after_a_file_that_lacks_it_is_that_files_error(curriculum):
    with pytest.raises(TargetError, match="has no scene 'Missing'; it defines: RaisesValueError, "
                                          "BadLatex$"):
        resolve_targets(curriculum, [str(FAILING), "Missing"])


def test_completion_candidates(curriculum):
    assert target_candidates(curriculum, "first") == [("first-steps", "First steps")]
    assert target_candidates(curriculum, "G") == [("GrowCircle", "scene of lesson 00")]
    assert [v for v, _ in target_candidates(curriculum, "", [str(FAILING)])][:3] == [
        "RaisesValueError", "BadLatex", "all"]
    after_one = [v for v, _ in target_candidates(curriculum, "", ["00", str(FAILING), "BadLatex"])]
    assert after_one[:2] == ["RaisesValueError", "all"]
    assert target_candidates(curriculum, "R", [str(FAILING), "00"]) == []  # the group has ended
    assert target_candidates(None, f"{FAILING}:B") == [(f"{FAILING}:BadLatex", "scene")]


def test_a_file_path_holding_a_colon(mini_project, tmp_path):
    folder = tmp_path / "a:b"
    folder.mkdir()
    (folder / "one.py").write_text("from manim import Scene\nclass Only(Scene):\n    pass\n")
    curriculum = load_curriculum(mini_project)
    for target in (f"{folder}/one.py", f"{folder}/one.py:Only"):
        [scene] = resolve_targets(curriculum, [target])
        assert (scene.name, scene.path, scene.namespace) == ("Only", folder / "one.py", "one")
