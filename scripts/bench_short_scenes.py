"""Short scenes in the style of Manim's documentation examples (2-4 s each),
for scripts/bench.py's start-up section: with scenes this short, what a
render costs beyond drawing and encoding (starting Python, importing Manim,
planning) is most of the wall time. Written for this benchmark, not copied."""

import numpy as np
from manim import (
    BLUE, DEGREES, DOWN, GREEN, LEFT, ORANGE, ORIGIN, PI, RED, RIGHT, UP, WHITE, YELLOW,
    Angle, Arrow, Axes, Brace, BraceBetweenPoints, Circle, Create, DashedLine, Difference,
    Dot, Ellipse, FadeIn, FadeOut, GrowArrow, Intersection, Line, MathTex, MoveAlongPath,
    NumberPlane, Rotate, Scene, Square, Star, Tex, Text, Transform, Union, ValueTracker,
    Vector, VGroup, Write, always_redraw, linear,
)


class BraceLabel(Scene):
    def construct(self):
        a, b = Dot(LEFT * 2), Dot(RIGHT * 2 + UP)
        line = Line(a.get_center(), b.get_center(), color=ORANGE)
        brace = BraceBetweenPoints(a.get_center(), b.get_center())
        self.play(Create(line), FadeIn(a, b))
        self.play(FadeIn(brace), Write(brace.get_text("distance")))


class ArrowOnPlane(Scene):
    def construct(self):
        plane = NumberPlane()
        arrow = Vector([2, 1], color=YELLOW)
        label = MathTex(r"\vec{v} = (2, 1)").next_to(arrow.get_end(), RIGHT)
        self.add(plane)
        self.play(GrowArrow(arrow), Write(label))
        self.wait(0.5)


class SetOperations(Scene):
    def construct(self):
        left = Ellipse(width=4, height=5, fill_opacity=0.5, color=BLUE).shift(LEFT)
        right = left.copy().set_color(RED).shift(RIGHT * 2)
        self.play(FadeIn(left), FadeIn(right))
        pieces = [Intersection(left, right, color=GREEN, fill_opacity=0.5),
                  Union(left, right, color=ORANGE, fill_opacity=0.5),
                  Difference(left, right, color=YELLOW, fill_opacity=0.5)]
        for piece, spot in zip(pieces, (UP * 2.5 + RIGHT * 4, RIGHT * 4, DOWN * 2.5 + RIGHT * 4)):
            self.play(FadeIn(piece.scale(0.3).move_to(spot)), run_time=0.5)


class DotAlongCircle(Scene):
    def construct(self):
        circle = Circle(radius=2)
        dot = Dot(circle.point_from_proportion(0), color=YELLOW)
        self.play(Create(circle))
        self.play(MoveAlongPath(dot, circle), rate_func=linear, run_time=2)


class TurningAngle(Scene):
    def construct(self):
        fixed = Line(ORIGIN, RIGHT * 3)
        turning = Line(ORIGIN, RIGHT * 3)
        tracker = ValueTracker(20)
        turning.add_updater(lambda m: m.set_angle(tracker.get_value() * DEGREES))
        arc = always_redraw(lambda: Angle(fixed, turning, radius=0.8))
        self.add(fixed, turning, arc)
        self.play(tracker.animate.set_value(110), run_time=1.5)
        self.play(tracker.animate.set_value(45), run_time=1)


class SineAndCosine(Scene):
    def construct(self):
        axes = Axes(x_range=[-PI, PI, 1], y_range=[-1.5, 1.5, 1], x_length=10, y_length=4)
        sine = axes.plot(np.sin, color=BLUE)
        cosine = axes.plot(np.cos, color=RED)
        self.play(Create(axes), run_time=1)
        self.play(Create(sine), Create(cosine), run_time=2)


class FindTheMinimum(Scene):
    def construct(self):
        axes = Axes(x_range=[0, 6], y_range=[0, 5], x_length=8, y_length=5)
        graph = axes.plot(lambda x: (x - 3.5) ** 2 / 3 + 1, color=GREEN)
        x = ValueTracker(0.5)
        dot = always_redraw(lambda: Dot(axes.i2gp(x.get_value(), graph), color=RED))
        self.add(axes, graph, dot)
        self.play(x.animate.set_value(3.5), run_time=2)


class AreaUnderCurve(Scene):
    def construct(self):
        axes = Axes(x_range=[0, 5], y_range=[0, 6], x_length=8, y_length=5)
        curve = axes.plot(lambda x: 0.2 * x**2 + 1, color=BLUE)
        area = axes.get_area(curve, x_range=(1, 4), color=BLUE, opacity=0.4)
        self.play(Create(axes), Create(curve))
        self.play(FadeIn(area))


class SquareToStar(Scene):
    def construct(self):
        square = Square(side_length=3, color=BLUE, fill_opacity=0.4)
        star = Star(outer_radius=2, color=YELLOW, fill_opacity=0.4)
        self.play(Create(square))
        self.play(Transform(square, star))
        self.play(Rotate(square, PI / 2))


class TitleAndFormula(Scene):
    def construct(self):
        title = Tex("Pythagoras").to_edge(UP)
        formula = MathTex("a^2", "+", "b^2", "=", "c^2").scale(1.5)
        self.play(Write(title))
        self.play(Write(formula))
        self.play(formula[4].animate.set_color(YELLOW))


class TextGreeting(Scene):
    def construct(self):
        words = Text("Hello, Manim", font_size=60)
        self.play(Write(words))
        self.play(words.animate.shift(UP * 2).set_color(GREEN))
        self.play(FadeOut(words))


class ArrowsAndDashes(Scene):
    def construct(self):
        arrows = VGroup(*[Arrow(ORIGIN, direction * 2, buff=0, color=color) for direction, color
                          in ((RIGHT, RED), (UP, GREEN), (LEFT, BLUE), (DOWN, WHITE))])
        dashed = DashedLine(LEFT * 4 + DOWN * 3, RIGHT * 4 + DOWN * 3)
        brace = Brace(dashed, UP)
        self.play(*[GrowArrow(a) for a in arrows])
        self.play(Create(dashed), FadeIn(brace))
