"""Lesson 00 — Overview: the map of the course.

Its scenes play in the order ``curriculum.toml`` lists them.

Lesson titles come from ``mathreel.curriculum.load_curriculum`` (never typed
twice); every number on screen is computed once, here at the top, by
``mathcore`` with a fixed seed.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, ORIGIN, RIGHT, UP, Arrow, Axes, Circumscribe, Create, Dot, FadeIn, FadeOut, GrowArrow,
    GrowFromCenter, Indicate, LaggedStart, Line, MathTex, RoundedRectangle, Tex, VGroup, Write,
)

from mathcore import attention, generative, information, linalg
from mathreel.curriculum import load_curriculum
from mathreel.scene_context import current
from scenekit.bridge import Bridge, Snippet
from scenekit.bridge_view import get_bridge
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene
from scenekit.style import (
    ACCENT, BACKGROUND, BODY_SIZE, DATA, DIST_P, EDGE_BUFF, EIGEN, FAINT, GRADIENT, LABEL_SIZE,
    MATRIX, MUTED, NOISE, QUERY, SMALL_SIZE, TEXT, TITLE_SIZE,
)
from scenekit.widgets import format_number, get_matrix, get_panel

SEED = 0  # the only randomness: the PCA cloud and the LoRA matrix

# --------------------------------------------------------------------------- the course
CURRICULUM = load_curriculum(current().root)
TITLES = {lesson.number: lesson.title for lesson in CURRICULUM.lessons}  # 0 .. 18

PHASES = [  # (name, colour, lesson numbers, why it matters)
    ("Linear algebra", MATRIX, (1, 2, 4, 13),
     "Data are vectors, layers are matrices, and decompositions find the structure in both."),
    ("Calculus and optimisation", GRADIENT, (3, 5, 6, 7, 14),
     "Training is descending a loss: gradients say which way, optimisers say how far."),
    ("Probability and information", DIST_P, (8, 9, 10, 11, 12),
     "Models are uncertain: losses are likelihoods, and cross-entropy measures surprise."),
    ("Deep-learning topics", ACCENT, (15, 16, 17, 18),
     "Graphs, manifolds, attention and generative models: where it all comes together."),
]
assert sorted([0] + [n for _, _, numbers, _ in PHASES for n in numbers]) == sorted(TITLES)

# --------------------------------------------------------------------------- the worked thread
# One tiny classifier, one example, one training step: every area of the course in one pass.
THREAD_SEED = 1  # the classifier's weights
THREAD_CLASSES = ["cat", "dog", "bird"]
THREAD_X = np.array([1.0, 0.5, -1.0])  # (3,) the example's three features
THREAD_LABEL = 2  # it is a bird
THREAD_W = np.round(np.random.default_rng(THREAD_SEED).normal(0, 0.7, size=(3, 3)), 1)  # (3, 3)
THREAD_LR = 0.5  # the learning rate eta
THREAD_Y = np.eye(3)[THREAD_LABEL]  # (3,) one-hot target
THREAD_Z = THREAD_W @ THREAD_X  # (3,) logits: linear algebra
THREAD_P = attention.softmax(THREAD_Z)  # (3,) probabilities
THREAD_LOSS = information.cross_entropy(THREAD_Y, THREAD_P)  # -log p_bird, in nats
THREAD_DZ = THREAD_P - THREAD_Y  # (3,) dL/dz: calculus
THREAD_DW = np.outer(THREAD_DZ, THREAD_X)  # (3, 3) dL/dW = (p - y) x^T
THREAD_W_NEW = THREAD_W - THREAD_LR * THREAD_DW  # (3, 3) one gradient step: optimisation
THREAD_P_NEW = attention.softmax(THREAD_W_NEW @ THREAD_X)  # (3,)
THREAD_LOSS_NEW = information.cross_entropy(THREAD_Y, THREAD_P_NEW)

CROSS_ENTROPY = Bridge(
    formula=r"L = -\log \operatorname{softmax}(\mathbf{z})_{\text{bird}}",
    setup=f"z = np.array({THREAD_Z.tolist()})\ny = np.array({THREAD_Y.tolist()})\nk = {THREAD_LABEL}",
    mathcore=Snippet("p = attention.softmax(z)\ninformation.cross_entropy(y, p)"),
    library=Snippet("from scipy.special import log_softmax\n-log_softmax(z)[k]", needs="scipy"),
    decimals=3,
)

# --------------------------------------------------------------------------- live examples
rng = np.random.default_rng(SEED)

# PCA: a correlated 2-D cloud; how much variance the first component keeps.
PCA_CLOUD = rng.multivariate_normal([0, 0], [[2.0, 1.2], [1.2, 1.0]], size=60)  # (60, 2)
PCA = linalg.pca(PCA_CLOUD, 2)
PCA_KEPT = float(PCA.explained_variance_ratio[0])

# LoRA: a 16 x 16 update that is rank 2 plus a little noise; its singular values.
LORA_B = rng.normal(size=(16, 2))  # (16, 2)
LORA_A = rng.normal(size=(2, 16))  # (2, 16)
LORA_UPDATE = LORA_B @ LORA_A + 0.05 * rng.normal(size=(16, 16))  # (16, 16)
_, LORA_SIGMA, _ = linalg.svd(LORA_UPDATE)  # (16,) descending
LORA_RANK = 2
LORA_ERROR = float(np.linalg.norm(LORA_UPDATE - linalg.low_rank_approx(LORA_UPDATE, LORA_RANK))
                   / np.linalg.norm(LORA_UPDATE))  # relative Frobenius error of rank 2

# Attention: one query's scores over five tokens, and the softmax weights.
ATTN_TOKENS = ["the", "cat", "sat", "on", "it"]
ATTN_SCORES = np.array([0.2, 2.1, 0.4, -0.5, 1.3])  # (5,) q . k / sqrt(d) for one query
ATTN_WEIGHTS = attention.softmax(ATTN_SCORES)  # (5,)

# Diffusion: the DDPM schedule; how much of the signal survives at step t.
DDPM_T = 1000
DDPM = generative.ddpm_schedule(DDPM_T)
SIGNAL_LEFT = np.sqrt(DDPM.alpha_bars)  # (T,) the weight of x_0 in x_t
SIGNAL_HALF_STEP = int(np.argmax(SIGNAL_LEFT < 0.5)) + 1  # first step t with sqrt(alpha_bar) < 1/2

DESTINATIONS = [  # (name, colour, lessons it draws on)
    ("PCA", EIGEN, (2, 4, 8)),
    ("LoRA", MATRIX, (1, 2, 7)),
    ("Attention", QUERY, (10, 13, 17)),
    ("Diffusion", NOISE, (11, 12, 18)),
]


NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                "seventeen", "eighteen"]


def spoken_lessons(numbers) -> str:
    """``(2, 4, 8)`` -> ``"lessons two, four and eight"``, for narration."""
    words = [NUMBER_WORDS[n] for n in numbers]
    return "lessons " + ", ".join(words[:-1]) + " and " + words[-1]


# =========================================================================== scene 0

THREAD_Y_ROW = 1.3  # the forward pass's row of vectors
THREAD_XS = (-5.4, -1.9, 1.7, 5.3)  # x, z, p, L
AREA_COLORS = {"linear": MATRIX, "prob": DIST_P, "info": QUERY, "calc": GRADIENT}


class OneModelFourAreas(NarratedScene):
    """Why these areas: one classifier's forward pass and one training step touch all of them."""

    def construct(self):
        # Step 1: the question, and the example: three features of an animal, three classes.
        self.show_example()
        # Step 2: a linear layer: z = W x (linear algebra).
        self.show_linear_layer()
        # Step 3: softmax turns scores into probabilities (probability).
        self.show_softmax()
        # Step 4: the loss is the surprise, -log p of the true class (information).
        self.show_loss()
        # Step 5: formula -> mathcore -> SciPy for the loss.
        self.show_bridge()
        # Step 6: the gradient and one step (calculus and optimisation); the loss falls.
        self.show_step()
        # Step 7: the argument: the whole course deepens these four links.
        self.show_argument()

    def get_vector(self, values, color, decimals: int = 2):
        return get_matrix(np.asarray(values)[:, None], decimals=decimals, font_size=LABEL_SIZE).set_color(color)

    def get_area_tag(self, text: str, color, arrow) -> Tex:
        return Tex(text, font_size=SMALL_SIZE, color=color).next_to(arrow, DOWN, buff=0.15)

    def show_example(self):
        question = Tex("Why these four areas of mathematics?", font_size=TITLE_SIZE)
        question.to_edge(UP, buff=EDGE_BUFF)
        self.x_vec = self.get_vector(THREAD_X, TEXT, decimals=1).move_to([THREAD_XS[0], THREAD_Y_ROW, 0])
        x_label = MathTex(r"\mathbf{x}", font_size=BODY_SIZE).next_to(self.x_vec, UP, buff=0.2)
        truth = Tex(rf"label: {THREAD_CLASSES[THREAD_LABEL]}", font_size=LABEL_SIZE, color=MUTED)
        truth.next_to(self.x_vec, DOWN, buff=0.3)
        with self.beat("Why these areas of mathematics, and not others? Instead of a list, follow "
                       "one model through one training step, and watch which mathematics it "
                       "needs."):
            self.play(Write(question), run_time=1.5)
            self.show_area_names(question)
        with self.beat("The model is a tiny classifier. Its input is one example: three numbers, "
                       "the features of an animal. It must say cat, dog or bird, and the right "
                       "answer is bird."):
            self.play(FadeIn(VGroup(self.x_vec, x_label), shift=0.1 * RIGHT))
            self.play(FadeIn(truth))
        self.question = question
        self.forward = VGroup(self.x_vec, x_label, truth)

    def show_area_names(self, question):
        """The four areas the thread will need, named under the question, then put away."""
        names = VGroup(*(Tex(name, font_size=LABEL_SIZE, color=AREA_COLORS[key]) for key, name in
                         (("linear", "linear algebra"), ("prob", "probability"),
                          ("info", "information"), ("calc", "calculus"))))
        names.arrange(RIGHT, buff=0.8).next_to(question, DOWN, buff=0.5)
        self.play(LaggedStart(*(FadeIn(n, shift=0.1 * DOWN) for n in names), lag_ratio=0.4),
                  run_time=2)
        self.play(FadeOut(names, shift=0.1 * UP))

    def show_linear_layer(self):
        self.z_vec = self.get_vector(THREAD_Z, AREA_COLORS["linear"]).move_to([THREAD_XS[1], THREAD_Y_ROW, 0])
        z_label = MathTex(r"\mathbf{z}", font_size=BODY_SIZE, color=AREA_COLORS["linear"])
        z_label.next_to(self.z_vec, UP, buff=0.2)
        arrow = Arrow(self.x_vec.get_right(), self.z_vec.get_left(), buff=0.25, color=MUTED)
        over = MathTex(r"W\mathbf{x}", font_size=LABEL_SIZE).next_to(arrow, UP, buff=0.1)
        tag = self.get_area_tag(r"linear\\algebra", AREA_COLORS["linear"], arrow)
        w_card = VGroup(MathTex("W =", font_size=LABEL_SIZE), get_matrix(THREAD_W, decimals=1, font_size=SMALL_SIZE + 2))
        w_card.arrange(RIGHT, buff=0.15).move_to([THREAD_XS[0] + 1.3, -1.6, 0])
        best = int(np.argmax(THREAD_Z))
        with self.beat("Step one is a linear layer: multiply by a weight matrix W. Each row of W "
                       "scores one class, as a dot product with x. That is linear algebra."):
            self.play(FadeIn(w_card, shift=0.1 * UP))
            self.play(GrowArrow(arrow), FadeIn(over), FadeIn(tag))
            self.play(FadeIn(VGroup(self.z_vec, z_label), shift=0.1 * RIGHT))
        with self.beat(f"The scores are {', '.join(format_number(v) for v in THREAD_Z)}. Right now "
                       f"the model likes {THREAD_CLASSES[best]} best: its weights are still bad."):
            # the row pulses inside its brackets (at 1.2 it grew over the right one)
            self.play(Indicate(w_card[1].get_rows()[best], color=ACCENT, scale_factor=1.05))
            self.play(Indicate(self.z_vec.get_entries()[best], color=ACCENT, scale_factor=1.4))
            self.play(Circumscribe(self.forward[2], color=ACCENT))
        self.w_card = w_card
        self.forward.add(self.z_vec, z_label, arrow, over, tag)
        self.tags = [tag]

    def show_softmax(self):
        self.p_vec = self.get_vector(THREAD_P, AREA_COLORS["prob"], decimals=3).move_to([THREAD_XS[2], THREAD_Y_ROW, 0])
        p_label = MathTex(r"\mathbf{p}", font_size=BODY_SIZE, color=AREA_COLORS["prob"])
        p_label.next_to(self.p_vec, UP, buff=0.2)
        arrow = Arrow(self.z_vec.get_right(), self.p_vec.get_left(), buff=0.25, color=MUTED)
        over = MathTex(r"\operatorname{softmax}", font_size=LABEL_SIZE).next_to(arrow, UP, buff=0.1)
        tag = self.get_area_tag("probability", AREA_COLORS["prob"], arrow)
        formula = MathTex(r"p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}", font_size=LABEL_SIZE)
        formula.move_to([THREAD_XS[2] - 0.1, -1.6, 0])
        with self.beat("Scores are not yet beliefs. The softmax exponentiates them and divides by "
                       "the total, so they are positive and add up to one: a probability "
                       "distribution over the three classes."):
            self.play(GrowArrow(arrow), FadeIn(over), FadeIn(tag))
            self.play(Write(formula))
            self.play(FadeIn(VGroup(self.p_vec, p_label), shift=0.1 * RIGHT))
        with self.beat(f"The model gives bird a probability of only "
                       f"{format_number(THREAD_P[THREAD_LABEL], 3)}."):
            self.play(Indicate(self.p_vec.get_entries()[THREAD_LABEL], color=ACCENT, scale_factor=1.4))
        self.softmax_formula = formula
        self.forward.add(self.p_vec, p_label, arrow, over, tag)
        self.tags.append(tag)

    def show_loss(self):
        self.loss = MathTex(rf"L = {format_number(THREAD_LOSS, 3)}", font_size=BODY_SIZE,
                            color=AREA_COLORS["info"]).move_to([THREAD_XS[3], THREAD_Y_ROW, 0])
        arrow = Arrow(self.p_vec.get_right(), self.loss.get_left(), buff=0.25, color=MUTED)
        over = MathTex(r"-\log p_{\text{bird}}", font_size=LABEL_SIZE).next_to(arrow, UP, buff=0.1)
        tag = self.get_area_tag("information", AREA_COLORS["info"], arrow)
        with self.beat("How wrong is it? Measure the surprise: minus the log of the probability it "
                       "gave the true class. That is the cross-entropy loss, an idea from "
                       f"information theory, and here it is {format_number(THREAD_LOSS, 3)}."):
            self.play(Indicate(self.p_vec.get_entries()[THREAD_LABEL], color=ACCENT, scale_factor=1.4))
            self.play(GrowArrow(arrow), FadeIn(over), FadeIn(tag))
            self.play(FadeIn(self.loss, shift=0.1 * RIGHT))
        with self.beat("A sure, correct model would score zero; a confident wrong one, a large "
                       "number. Every classifier you train minimises exactly this."):
            self.play(Indicate(self.loss, color=AREA_COLORS["info"], scale_factor=1.3))
            self.surprise = self.get_surprise_curve()
            self.play(Create(self.surprise[0]), run_time=1)
            self.play(Create(self.surprise[1]), FadeIn(self.surprise[2]), run_time=1.5)
            self.play(GrowFromCenter(self.surprise[3]))
        self.forward.add(self.loss, arrow, over, tag)
        self.tags.append(tag)

    def get_surprise_curve(self) -> VGroup:
        """(axes, -log p over p in (0, 1], its label, the model's point at p_bird)."""
        axes = Axes(x_range=(0, 1, 0.5), y_range=(0, 4, 2), x_length=2.6, y_length=1.8, tips=False,
                    axis_config={"stroke_color": FAINT, "stroke_width": 1, "include_numbers": True,
                                 "font_size": SMALL_SIZE})
        axes.move_to([THREAD_XS[3] - 0.2, -1.6, 0])
        curve = axes.plot(lambda q: -np.log(q), x_range=(np.exp(-4), 1), color=AREA_COLORS["info"])
        label = MathTex(r"-\log p", font_size=SMALL_SIZE + 4, color=AREA_COLORS["info"])
        label.next_to(axes.c2p(0.45, 2.6), RIGHT, buff=0.1)
        point = Dot(axes.c2p(THREAD_P[THREAD_LABEL], THREAD_LOSS), radius=0.07, color=ACCENT)
        return VGroup(axes, curve, label, point)

    def show_bridge(self):
        bridge = get_panel(get_bridge(CROSS_ENTROPY, value_color=AREA_COLORS["info"]))
        bridge.move_to([0, -1.75, 0])
        with self.beat("In code, the same number three ways: the formula; mathcore's softmax and "
                       "cross-entropy; and SciPy's log softmax, which is what PyTorch's cross "
                       "entropy computes inside."):
            self.play(FadeOut(self.w_card), FadeOut(self.softmax_formula), FadeOut(self.surprise))
            self.play(FadeIn(bridge[0]), FadeIn(bridge[1][0]))
            self.play(FadeIn(bridge[1][1], shift=0.1 * UP), FadeIn(bridge[1][2], shift=0.1 * UP))
            self.play(FadeIn(bridge[1][3]))
        self.bridge = bridge

    def show_step(self):
        grad = VGroup(MathTex(r"\frac{\partial L}{\partial \mathbf{z}} = \mathbf{p} - \mathbf{y} =",
                              font_size=LABEL_SIZE, color=AREA_COLORS["calc"]),
                      self.get_vector(THREAD_DZ, AREA_COLORS["calc"], decimals=3))
        grad.arrange(RIGHT, buff=0.2)
        step = MathTex(r"W \leftarrow W - \eta\, (\mathbf{p} - \mathbf{y})\, \mathbf{x}^{T}",
                       rf",\quad \eta = {format_number(THREAD_LR, 1)}", font_size=LABEL_SIZE,
                       color=AREA_COLORS["calc"])
        after = MathTex(rf"p_{{\text{{bird}}}}: {format_number(THREAD_P[THREAD_LABEL], 3)} \to "
                        rf"{format_number(THREAD_P_NEW[THREAD_LABEL], 3)}", r"\qquad",
                        rf"L: {format_number(THREAD_LOSS, 3)} \to {format_number(THREAD_LOSS_NEW, 3)}",
                        font_size=BODY_SIZE)
        left = VGroup(grad, step).arrange(DOWN, buff=0.35, aligned_edge=LEFT)
        block = VGroup(left, after).arrange(DOWN, buff=0.45).move_to([0, -1.75, 0])
        tag = Tex(r"calculus and optimisation", font_size=SMALL_SIZE, color=AREA_COLORS["calc"])
        tag.next_to(block, LEFT, buff=0.3).shift(0.6 * UP)
        with self.beat("Now learn. Calculus asks how the loss changes with each score: for softmax "
                       "with cross-entropy the answer is strikingly simple, p minus y, the "
                       "predicted probabilities minus the one-hot truth."):
            self.play(FadeOut(self.bridge))
            self.play(Write(grad[0]), FadeIn(tag))
            self.play(FadeIn(grad[1], shift=0.1 * RIGHT))
        with self.beat("The chain rule through the linear layer turns that into a gradient for "
                       "every weight, and optimisation takes a small step against it, with a "
                       "learning rate eta of one half."):
            self.play(Write(step), run_time=2)
        with self.beat(f"Run the same forward pass again. Bird's probability rises from "
                       f"{format_number(THREAD_P[THREAD_LABEL], 3)} to "
                       f"{format_number(THREAD_P_NEW[THREAD_LABEL], 3)}, and the loss falls from "
                       f"{format_number(THREAD_LOSS, 3)} to {format_number(THREAD_LOSS_NEW, 3)}. "
                       "That is one step of training."):
            self.play(FadeIn(after[0], shift=0.1 * UP))
            self.play(FadeIn(after[2], shift=0.1 * UP))
            self.play(Indicate(after[2], color=ACCENT))
        self.step_block = VGroup(block, tag)

    def show_argument(self):
        with self.beat("So that is the argument for the course. Every model, from this toy to a "
                       "transformer, is this loop: linear maps, turned into probabilities, scored "
                       "by information, improved by gradients."):
            self.play(*(Indicate(t, color=t.get_color()) for t in self.tags), run_time=2)
            self.play(Indicate(self.step_block[1], color=AREA_COLORS["calc"]))
        with self.beat("Scale it up and each link needs more mathematics: decompositions to "
                       "understand big matrices, matrix calculus to backpropagate through many "
                       "layers, probability and information for richer models and losses, "
                       "optimisers that behave on rough terrain. Here is how the lessons cover "
                       "them."):
            self.play(FadeOut(self.step_block), FadeOut(self.forward), FadeOut(self.question),
                      run_time=2)
            self.show_links_grow()

    def show_links_grow(self):
        """Each link of the loop, and the mathematics it grows into at scale."""
        rows = VGroup(*(VGroup(Tex(link, font_size=BODY_SIZE, color=AREA_COLORS[key]),
                               MathTex(r"\to", font_size=BODY_SIZE, color=MUTED),
                               Tex(grown, font_size=BODY_SIZE)).arrange(RIGHT, buff=0.3)
                        for key, link, grown in (
                            ("linear", "linear maps", "decompositions of big matrices"),
                            ("calc", "gradients", "matrix calculus, backpropagation"),
                            ("prob", "probabilities", "richer models"),
                            ("info", "surprise", "richer losses"),
                            ("calc", "one step", "optimisers on rough terrain"))))
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.35).move_to(ORIGIN)
        for row in rows:
            self.play(FadeIn(row[0]), GrowFromCenter(row[1]), FadeIn(row[2], shift=0.1 * LEFT),
                      run_time=0.8)
        self.play(FadeOut(rows))


# =========================================================================== scene 1

COLUMN_X = (-5.3, -1.77, 1.77, 5.3)
COLUMN_WIDTH = 3.3


class CourseMap(NarratedScene):
    """Nineteen lessons in four phases, and why each phase matters."""

    def construct(self):
        # Step 1: the course's title.
        self.show_title()
        # Step 2: the four phases, one column at a time, each with its lessons.
        self.columns = [self.get_column(k) for k in range(len(PHASES))]
        for k in range(len(PHASES)):
            self.show_phase(k)
        # Step 3: how the phases feed each other.
        self.show_flow()

    # ------------------------------------------------------------------ builders
    def get_column(self, k: int) -> VGroup:
        name, color, numbers, _ = PHASES[k]
        header = Tex(rf"\parbox{{8em}}{{\centering {name}}}", font_size=BODY_SIZE, color=color)
        rows = VGroup()
        for n in numbers:
            number = Tex(f"{n:02d}", font_size=LABEL_SIZE - 2, color=color)
            title = Tex(rf"\parbox{{9.5em}}{{\raggedright {TITLES[n]}}}", font_size=LABEL_SIZE - 2,
                        color=TEXT)
            title.next_to(number, RIGHT, buff=0.15, aligned_edge=UP)
            rows.add(VGroup(number, title))
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.28)
        column = VGroup(header, rows).arrange(DOWN, buff=0.4)
        if column.width > COLUMN_WIDTH:
            column.scale_to_fit_width(COLUMN_WIDTH)
        column.move_to([COLUMN_X[k], 0, 0]).to_edge(UP, buff=1.35)
        column.set_x(COLUMN_X[k])
        return column

    # ------------------------------------------------------------------ steps
    def show_title(self):
        title = Tex(TITLES[0].split(":")[1].strip().capitalize(), font_size=TITLE_SIZE, color=TEXT)
        title.to_edge(UP, buff=EDGE_BUFF)
        with self.beat(f"This course has {len(TITLES)} lessons. Here is the map: what is in it, "
                       "and why each part matters when you read or write machine learning code."):
            self.play(Write(title), run_time=2)
            self.wait(1.5)
        self.title = title

    def show_phase(self, k: int):
        name, color, numbers, why = PHASES[k]
        column = self.columns[k]
        why_text = Tex(why, font_size=LABEL_SIZE, color=MUTED).to_edge(DOWN, buff=0.6)
        with self.beat(f"{name}: {spoken_lessons(numbers)}. {why}"):
            self.play(FadeIn(column[0], shift=0.2 * DOWN))
            self.play(LaggedStart(*(FadeIn(r, shift=0.1 * RIGHT) for r in column[1]),
                                  lag_ratio=0.2), FadeIn(why_text), run_time=2)
            self.wait(2.5)
        self.play(FadeOut(why_text), run_time=0.5)

    def show_flow(self):
        y = np.mean([c[0].get_y() for c in self.columns])  # the headers' height
        arrows = VGroup(*(
            Arrow([self.columns[k][1].get_right()[0], y, 0], [self.columns[k + 1][1].get_left()[0], y, 0],
                  buff=0.05, color=FAINT, stroke_width=4, max_tip_length_to_length_ratio=0.5)
            for k in range(len(PHASES) - 1)
        ))
        note = Tex(r"Lesson 13, for instance, joins linear algebra to deep learning: tensors, "
                   r"einsum, a stable softmax", font_size=LABEL_SIZE - 2, color=MUTED)
        note.to_edge(DOWN, buff=0.6)
        with self.beat("The phases build on each other, left to right: the vectors of the first "
                       "phase are what gradients move, what probabilities describe, and what "
                       "attention mixes."):
            self.play(LaggedStart(*(Create(a) for a in arrows), lag_ratio=0.4), run_time=2)
            self.wait(1)
        with self.beat("Every lesson shows three things side by side: the picture, the formula, "
                       "and the from-scratch code in mathcore that made every number on screen."):
            self.play(FadeIn(note))
            self.play(*(Indicate(c[0], color=c[0].get_color()) for c in self.columns), run_time=2)
            self.wait(1)
        with self.beat("And each lesson ends with a few exercises whose answers the same code "
                       "checks. Come back to this map whenever you wonder where a lesson fits."):
            self.play(Indicate(self.title, color=TEXT), run_time=2)
            self.wait(2)


# =========================================================================== scene 2

CARD_WIDTH, CARD_HEIGHT = 6.6, 3.45
CARD_CENTERS = (np.array([-3.45, 1.85, 0]), np.array([3.45, 1.85, 0]),
                np.array([-3.45, -1.95, 0]), np.array([3.45, -1.95, 0]))


class WhereTheMathGoes(NarratedScene):
    """PCA, LoRA, attention and diffusion, each with the lessons it draws on and a live number."""

    def construct(self):
        # Step 1: four cards, one per destination.
        self.show_intro()
        # Step 2: PCA: eigenvectors of a covariance.
        self.show_pca()
        # Step 3: LoRA: a weight update of low rank.
        self.show_lora()
        # Step 4: attention: a softmax over dot products.
        self.show_attention()
        # Step 5: diffusion: noise added by a schedule.
        self.show_diffusion()
        # Step 6: the way back to lesson 1.
        self.show_close()

    # ------------------------------------------------------------------ builders
    def get_card(self, k: int) -> VGroup:
        name, color, lessons = DESTINATIONS[k]
        frame = RoundedRectangle(corner_radius=0.15, width=CARD_WIDTH, height=CARD_HEIGHT,
                                 stroke_color=color, stroke_width=2, fill_color=BACKGROUND,
                                 fill_opacity=1).move_to(CARD_CENTERS[k])
        title = Tex(name, font_size=BODY_SIZE, color=color)
        uses = Tex("lessons " + ", ".join(f"{n:02d}" for n in lessons), font_size=SMALL_SIZE,
                   color=MUTED)
        header = VGroup(title, uses).arrange(RIGHT, buff=0.3, aligned_edge=DOWN)
        header.move_to(frame.get_corner(UP + LEFT) + np.array([0.25, -0.35, 0]), aligned_edge=LEFT)
        return VGroup(frame, header)

    def get_plot_area(self, k: int) -> np.ndarray:
        """Centre of the picture inside card k (left part; the readout goes right)."""
        return CARD_CENTERS[k] + np.array([-1.3, -0.35, 0])

    def get_readout(self, k: int, *lines: str) -> VGroup:
        group = VGroup(*(MathTex(line, font_size=LABEL_SIZE, color=TEXT) for line in lines))
        group.arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        group.move_to(CARD_CENTERS[k] + np.array([1.75, -0.35, 0]))
        return group

    # ------------------------------------------------------------------ steps
    def show_intro(self):
        self.cards = [self.get_card(k) for k in range(4)]
        with self.beat("The map says what the lessons are; the reason to learn them is what they "
                       "build. Where does all this mathematics go? Four places you meet every day: "
                       "PCA, LoRA, attention and diffusion. Each draws on several lessons."):
            self.play(LaggedStart(*(FadeIn(c) for c in self.cards), lag_ratio=0.3), run_time=3)
            self.wait(1)

    def show_pca(self):
        center, unit = self.get_plot_area(0), 0.55
        dots = VGroup(*(Dot(center + unit * np.array([*x, 0]), radius=0.035, color=DATA)
                        for x in PCA_CLOUD - PCA.mean))
        axis = PCA.components[0] * 2 * np.sqrt(PCA.explained_variance[0])
        line = Line(center - unit * np.array([*axis, 0]), center + unit * np.array([*axis, 0]),
                    color=EIGEN, stroke_width=5)
        readout = self.get_readout(0, r"\text{PC}_1 \text{ keeps}",
                                   rf"{format_number(100 * PCA_KEPT, 1)}\%")
        readout[1].set_color(EIGEN)
        with self.beat("PCA compresses data along the eigenvectors of its covariance. For this "
                       f"cloud of {len(PCA_CLOUD)} points, the first component alone keeps "
                       f"{format_number(100 * PCA_KEPT, 1)} percent of the variance. "
                       f"{spoken_lessons(DESTINATIONS[0][2]).capitalize()}."):
            self.play(LaggedStart(*(GrowFromCenter(d) for d in dots), lag_ratio=0.02), run_time=1.5)
            self.play(GrowFromCenter(line), FadeIn(readout))
            self.wait(1.5)

    def show_lora(self):
        center = self.get_plot_area(1)
        bars = VGroup()
        scale = 1.9 / LORA_SIGMA[0]
        for j, sigma in enumerate(LORA_SIGMA):
            bottom = center + np.array([-1.45 + 0.19 * j, -1.0, 0])
            bars.add(Line(bottom, bottom + scale * sigma * UP + 0.001 * UP,
                          color=MATRIX if j < LORA_RANK else FAINT, stroke_width=9))
        readout = self.get_readout(1, r"\text{rank } 2 \text{ error}",
                                   rf"{format_number(100 * LORA_ERROR, 1)}\%")
        readout[1].set_color(MATRIX)
        update = MathTex(r"\Delta W", "=", "B", "A", font_size=BODY_SIZE, color=TEXT)
        update[2:].set_color(MATRIX)
        update.next_to(readout, UP, buff=0.45)
        with self.beat("LoRA fine-tunes a big model with a low-rank update, B times A. The "
                       "singular values of a typical update show why that works: two are large, "
                       "the rest are tiny, so a rank two update loses only "
                       f"{format_number(100 * LORA_ERROR, 1)} percent. "
                       f"{spoken_lessons(DESTINATIONS[1][2]).capitalize()}."):
            # one motion per clause: the product, the spectrum, the two large values, the error
            self.play(Write(update))
            self.play(LaggedStart(*(Create(b) for b in bars), lag_ratio=0.05), run_time=1.5)
            self.play(Indicate(bars[:LORA_RANK], color=MATRIX, scale_factor=1.15),
                      bars[LORA_RANK:].animate.set_opacity(0.5))
            self.play(FadeIn(readout, shift=0.1 * UP))
            self.play(Indicate(self.cards[1][1][1], color=MATRIX))
            self.wait(1)

    def show_attention(self):
        center = self.get_plot_area(2)
        bars, labels = VGroup(), VGroup()
        for j, (token, weight) in enumerate(zip(ATTN_TOKENS, ATTN_WEIGHTS)):
            bottom = center + np.array([-1.4 + 0.65 * j, -0.85, 0])
            bars.add(Line(bottom, bottom + 2.4 * weight * UP, color=QUERY, stroke_width=16))
            labels.add(Tex(token, font_size=SMALL_SIZE, color=MUTED).next_to(bottom, DOWN, buff=0.1))
        best = int(np.argmax(ATTN_WEIGHTS))
        readout = self.get_readout(2, rf"\text{{weight on ``{ATTN_TOKENS[best]}''}}",
                                   format_number(ATTN_WEIGHTS[best]))
        readout[1].set_color(QUERY)
        with self.beat("Attention turns dot products into weights with a softmax, and mixes the "
                       f"values with them. Here one query puts {format_number(ATTN_WEIGHTS[best])} "
                       f"of its attention on the word {ATTN_TOKENS[best]}. "
                       f"{spoken_lessons(DESTINATIONS[2][2]).capitalize()}."):
            self.play(FadeIn(labels), LaggedStart(*(Create(b) for b in bars), lag_ratio=0.1),
                      run_time=1.5)
            self.play(FadeIn(readout))
            self.wait(3)

    def show_diffusion(self):
        center = self.get_plot_area(3)
        axes = Axes(x_range=(0, DDPM_T, 500), y_range=(0, 1, 0.5), x_length=2.9, y_length=1.9,
                    axis_config={"color": MUTED, "stroke_width": 2}, tips=False).move_to(center)
        curve = axes.plot_line_graph(np.arange(1, DDPM_T + 1), SIGNAL_LEFT, add_vertex_dots=False,
                                     line_color=TEXT, stroke_width=3)
        readout = self.get_readout(3, r"\sqrt{\bar\alpha_t} < \tfrac12",
                                   rf"\text{{from }} t = {SIGNAL_HALF_STEP}")
        readout[0].set_color(NOISE)
        with self.beat("Diffusion models learn to undo noise that a fixed schedule adds step by "
                       "step. Under the standard schedule, less than half of the original signal "
                       f"is left after step {SIGNAL_HALF_STEP} of {DDPM_T}. "
                       f"{spoken_lessons(DESTINATIONS[3][2]).capitalize()}."):
            self.play(Create(axes))
            self.play(Create(curve), run_time=2)
            self.play(FadeIn(readout))
            self.wait(2.5)

    def show_close(self):
        with self.beat("Four destinations, one toolkit. It starts with the simplest object of all: "
                       "a vector. That is lesson one."):
            self.play(*(Indicate(c[1][0], color=c[1][0].get_color()) for c in self.cards),
                      run_time=2)
            self.wait(3)


# =========================================================================== scene 3

class Lesson00TryIt(TryItScene):
    lesson = 0
