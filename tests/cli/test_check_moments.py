"""`mathreel check` inside animations: a fault that comes and goes within a
play is reported at the fraction it was seen, ghost copies and formulas
left mid-morph are caught, a clean scene passes, and sampling leaves the
scene's end states as they are unsampled."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest
from click.testing import CliRunner

from mathreel.cli import cli
from conftest import MINI_CURRICULUM, MINI_SCENE

SCENES = '''
from manim import *


class Swing(Scene):
    """A unit square at x = 5 swung half a turn about (1.5, 0): halfway it
    is at (1.5, 3.5), top edge y = 4 (the frame ends at 4); it ends at
    (-2, 0), inside."""

    def construct(self):
        square = Square(1).shift(5 * RIGHT)
        self.add(square)
        self.play(Rotate(square, PI, about_point=1.5 * RIGHT, rate_func=linear))


class Ghost(Scene):
    def construct(self):
        a, b = MathTex("x^2").shift(LEFT), MathTex("y").shift(RIGHT)
        small = Circle(radius=0.5).shift(2 * DOWN + 3 * RIGHT)
        c = Circle().shift(2 * DOWN)
        self.play(Write(a), Create(c))
        self.play(Transform(a, b), Transform(c, small))  # a and c stay, shaped as b and small
        self.play(FadeIn(b), Create(small))  # ... and the targets come too


class Held(Scene):
    def construct(self):
        a = MathTex("a+b")
        self.play(Write(a))
        self.play(Transform(a, MathTex("c").shift(RIGHT), rate_func=lambda t: 0.5 * t))


class Garbled(Scene):
    def construct(self):
        a = MathTex("a", "+", "b")
        self.play(Write(a))
        self.play(Transform(a, MathTex("c", "=", "d")))
        self.play(TransformMatchingTex(a, MathTex("a", "=", "d").shift(UP)))


class Clean(Scene):
    """Morphs and moves that keep the layout at every moment."""

    def construct(self):
        a, b = MathTex("x^2").shift(LEFT), MathTex("y").shift(RIGHT)
        self.play(Write(a))
        self.play(ReplacementTransform(a, b))
        self.play(b.animate.shift(UP))
        self.play(TransformFromCopy(b, MathTex("z").shift(DOWN)))
        self.play(FadeOut(b, shift=UP), FadeIn(Text("next").shift(UP)))  # a cross-fade
        dot = Dot(2 * LEFT)
        self.add(dot)
        self.play(FadeOut(dot), FadeIn(dot.copy()))  # one shape cross-faded with itself
        self.wait()


class Spread(Scene):
    """A formula whose two glyphs, 3.2 apart, pass either side of a text:
    its box covers the text, its ink never does; then a formula slides
    across the text, ink over ink, and back off it."""

    def construct(self):
        mid = Text("mid", font_size=24)
        spread = MathTex("1", "2").arrange(DOWN, buff=3).shift(4 * LEFT)
        slider = MathTex("x").shift(4 * LEFT + 3.5 * DOWN)
        self.add(mid, spread, slider)
        self.play(spread.animate.shift(8 * RIGHT), rate_func=linear)
        self.play(slider.animate.move_to(ORIGIN), rate_func=linear)  # ends on mid
        self.play(slider.animate.shift(3 * RIGHT), rate_func=linear)


class Meet(Scene):
    """Two dots an updater redraws meet at one place: marks in motion, not
    a copy left behind."""

    def construct(self):
        t = ValueTracker(2)
        self.add(always_redraw(lambda: Dot([-t.get_value(), 0, 0])),
                 always_redraw(lambda: Dot([t.get_value(), 0, 0])))
        self.play(t.animate.set_value(0))
        self.wait()


class Cloud(Scene):
    """Two points of one cloud land on one place (a projection): parts of
    one figure, not a copy left behind."""

    def construct(self):
        cloud = VGroup(Dot(UP), Dot(DOWN), Dot(2 * RIGHT))
        self.play(FadeIn(cloud))
        self.play(cloud[0].animate.move_to(ORIGIN), cloud[1].animate.move_to(ORIGIN))
'''

NAMES = ("Swing", "Ghost", "Held", "Garbled", "Clean", "Spread", "Meet", "Cloud")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """`mathreel check` over the scenes above: scene name -> its output lines."""
    root = tmp_path_factory.mktemp("moments")
    (root / "curriculum.toml").write_text(textwrap.dedent(MINI_CURRICULUM))
    (root / "scenes" / "l00_first_steps").mkdir(parents=True)
    (root / "scenes" / "l00_first_steps" / "scenes.py").write_text(textwrap.dedent(MINI_SCENE))
    file = root / "moments.py"
    file.write_text(SCENES)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MATHREEL_ROOT", str(root))
        result = CliRunner().invoke(cli, ["check", *(f"{file}:{name}" for name in NAMES)])
    assert result.exit_code == 1, result.output
    lines, scene = {}, None
    for line in result.stdout.splitlines():
        if line.startswith(("ok ", "FAIL ")):
            scene = line.split()[1].rstrip(":")
            lines[scene] = [line]
        elif scene is not None:
            lines[scene].append(line.strip())
    assert sorted(lines) == sorted(NAMES), result.output
    return lines


def test_a_fault_inside_an_animation_is_caught_where_its_end_is_fine(report):
    assert report["Swing"][1:] == [
        "Swing, animation 0 at 50%: Square runs off the top edge of the frame "
        "(box x 1.00..2.00, y 3.00..4.00)"]


def test_ghost_copies_are_caught(report):
    assert report["Ghost"][1:] == [
        "Ghost, animation 2: ghost copy: MathTex('x^2') and MathTex('y') drawn at the same "
        "place (box x 0.89..1.11, y -0.16..0.16)",
        "Ghost, animation 2: ghost copy: Circle drawn twice at the same place "
        "(box x 2.50..3.50, y -2.50..-1.50)"]


def test_a_formula_held_mid_morph_is_caught(report):
    assert report["Held"][1:] == [
        "Held, animation 1: MathTex('a+b') is held mid-morph: Transform's rate function ends "
        "at 0.50, neither at the start (0) nor at the target (1)"]


def test_a_matching_morph_from_a_renamed_formula_is_caught(report):
    assert report["Garbled"][1:] == [
        "Garbled, animation 2: TransformMatchingTex from MathTex('a + b'), which animation 1 "
        "turned into MathTex('c = d') with Transform: its parts are matched by the old text, "
        "so the morph is garbled (use ReplacementTransform before)"]


def test_a_clean_scene_passes(report):
    assert report["Clean"] == ["ok   Clean (7.0 s, 7 animations)"]


def test_inside_an_animation_text_overlaps_are_judged_by_their_ink(report):
    """The spread formula's box covers "mid" halfway, its glyphs do not: no
    fault; the slider's glyph does, on its way in (reported at its end,
    where it stays) and not again on its way out (it began there)."""
    assert report["Spread"][1:] == ["Spread, animation 1: Text('mid') overlaps MathTex('x')"]


def test_dots_an_updater_redraws_may_meet(report):
    assert report["Meet"] == ["ok   Meet (2.0 s, 2 animations)"]


def test_points_of_one_cloud_may_land_on_one_place(report):
    assert report["Cloud"] == ["ok   Cloud (2.0 s, 2 animations)"]


SAMPLED = '''
from manim import *


class Busy(Scene):
    def construct(self):
        t = ValueTracker(0)
        dot = always_redraw(lambda: Dot([t.get_value(), 0, 0]))
        spinner = Square().add_updater(lambda m, dt: m.rotate(0.7 * dt))
        self.add(dot, spinner)
        self.play(t.animate.set_value(2), Succession(Create(Circle()), FadeOut(Triangle())))
        self.play(LaggedStart(*(Indicate(m) for m in (dot, spinner)), lag_ratio=0.5))
        self.play(Transform(spinner, Star().shift(LEFT), path_arc=PI / 2), run_time=1.7)
'''


def end_states(tmp_path, samples):
    """Every mobject's points after each play of Busy, checked with ``samples``."""
    from manim import tempconfig

    from mathreel.layout import LayoutRecorder
    from mathreel.runner import SKIP_EVERY_ANIMATION, load_scene_class

    file = tmp_path / "busy.py"
    file.write_text(SAMPLED)
    settings = {"dry_run": True, "from_animation_number": SKIP_EVERY_ANIMATION,
                "media_dir": str(tmp_path / "media"), "disable_caching": True}
    with tempconfig(settings):
        scene = load_scene_class(file, "Busy")()
        recorder = LayoutRecorder(scene, samples=samples)
        states, check = [], recorder.check

        def snapshot(index):
            states.append([m.get_all_points().copy() for m in scene.mobjects])
            check(index)

        recorder.check = snapshot
        scene.render()
    return states


def test_sampling_leaves_the_end_states_unchanged(tmp_path):
    plain = end_states(tmp_path, ())
    sampled = end_states(tmp_path, (0.25, 0.5, 0.75))
    assert len(plain) == len(sampled) == 3
    for before, after in zip(plain, sampled):
        assert len(before) == len(after)
        for a, b in zip(before, after):
            np.testing.assert_allclose(b, a, atol=1e-9)
