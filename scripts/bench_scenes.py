"""Stand-in curriculum scenes for scripts/bench.py, used only while no lesson
scenes exist yet: the kind of content the lessons draw (a bending grid, formulas,
plots driven by a ValueTracker), at the lessons' lengths (about 26, 16 and 10 s)."""

import numpy as np
from manim import (
    BLUE, DOWN, GREEN, ORANGE, RED, RIGHT, UP, UL, UR, WHITE, YELLOW,
    ApplyMatrix, Arrow, Axes, Create, DecimalNumber, Dot, FadeIn, FadeOut, MathTex,
    NumberPlane, Scene, Transform, ValueTracker, Vector, VGroup, Write, always_redraw,
)

A = np.array([[2.0, 1.0], [1.0, 2.0]])


class BenchGridTransform(Scene):
    """About 26 s: a plane bends under A, power iteration swings an arrow."""

    def construct(self):
        plane = NumberPlane(x_range=(-8, 8), y_range=(-5, 5))
        title = MathTex(r"A = \begin{bmatrix} 2 & 1 \\ 1 & 2 \end{bmatrix}").to_corner(UL)
        self.play(Create(plane), run_time=2)
        self.play(Write(title))
        i_hat, j_hat = Vector(RIGHT, color=GREEN), Vector(UP, color=RED)
        self.play(FadeIn(i_hat), FadeIn(j_hat))
        self.play(ApplyMatrix(A, VGroup(plane, i_hat, j_hat)), run_time=3)
        self.wait(1)
        self.play(ApplyMatrix(np.linalg.inv(A), VGroup(plane, i_hat, j_hat)), run_time=3)
        v = np.array([1.0, -0.3])
        arrow = Vector([*v, 0], color=YELLOW)
        label = MathTex(r"v_0").next_to(arrow.get_end(), UR, buff=0.1)
        self.play(Create(arrow), Write(label))
        for k in range(1, 7):
            v = A @ v
            v = v / np.linalg.norm(v)
            new = Vector([*(1.8 * v), 0], color=YELLOW)
            new_label = MathTex(rf"v_{k}").next_to(new.get_end(), UR, buff=0.1)
            self.play(Transform(arrow, new), Transform(label, new_label), run_time=1.2)
            self.wait(0.6)
        result = MathTex(r"\lambda_{\max} = 3").to_corner(UR)
        self.play(Write(result))
        self.wait(2)
        self.play(FadeOut(VGroup(plane, i_hat, j_hat, arrow, label, title, result)), run_time=1.5)


class BenchGradientDescent(Scene):
    """About 16 s: a dot descends a parabola, its value tracked on screen."""

    def construct(self):
        axes = Axes(x_range=(-3, 3), y_range=(0, 9), x_length=9, y_length=5.5)
        graph = axes.plot(lambda x: x**2, color=BLUE)
        formula = MathTex(r"x_{t+1} = x_t - \eta \nabla f(x_t)").to_edge(UP)
        self.play(Create(axes), Create(graph), run_time=2)
        self.play(Write(formula))
        x = ValueTracker(2.8)
        dot = always_redraw(lambda: Dot(axes.c2p(x.get_value(), x.get_value() ** 2), color=ORANGE))
        value = always_redraw(lambda: DecimalNumber(x.get_value(), num_decimal_places=3)
                              .next_to(formula, DOWN))
        self.play(FadeIn(dot), FadeIn(value))
        for _ in range(8):
            self.play(x.animate.set_value(x.get_value() * 0.6), run_time=1.2)
        self.wait(1)
        self.play(FadeOut(VGroup(axes, graph, formula, dot, value)))


class BenchSoftmax(Scene):
    """About 10 s: a bar chart of logits becomes a probability distribution."""

    def construct(self):
        logits = np.array([2.0, 1.0, 0.1, -1.0, 0.5])
        probs = np.exp(logits) / np.exp(logits).sum()
        bars = VGroup(*(Arrow(DOWN * 2, DOWN * 2 + UP * max(l, 0.05) * 1.5, buff=0, color=BLUE)
                        for l in logits)).arrange(RIGHT, buff=0.6, aligned_edge=DOWN)
        title = MathTex(r"\mathrm{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}").to_edge(UP)
        self.play(Write(title))
        self.play(Create(bars), run_time=2)
        new = VGroup(*(Arrow(DOWN * 2, DOWN * 2 + UP * p * 6, buff=0, color=WHITE)
                       for p in probs)).arrange(RIGHT, buff=0.6, aligned_edge=DOWN)
        self.play(Transform(bars, new), run_time=2.5)
        self.wait(2)
        self.play(FadeOut(VGroup(bars, title)), run_time=1)
