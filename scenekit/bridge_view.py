"""Draw a :class:`scenekit.bridge.Bridge`: formula, mathcore line, library call.

Three rows under one another, each with a small label on the left, and the
value they share on the right of each code row::

      maths     A v = λ v
   mathcore     power_iteration(A).eigenvalue           → 3.000
      NumPy     np.linalg.eigh(A).eigenvalues[-1]       → 3.000

Code is syntax-highlighted by Manim's ``Code`` in a monospace font whose
capitals are as tall as body text, so it reads at 480p.
"""

from __future__ import annotations

from manim import LEFT, ORIGIN, RIGHT, UP, Code, MathTex, Tex, VGroup

from scenekit.bridge import Bridge
from scenekit.style import ACCENT, BODY_SIZE, BUFF, LABEL_SIZE, MUTED, TEX_COLORS, TEXT

CODE_FONT = "DejaVu Sans Mono"
CODE_SIZE = 24  # Pango size whose capitals match BODY_SIZE LaTeX capitals (0.24 vs 0.23 units)
CODE_STYLE = "monokai"
ROW_BUFF = 0.35


def get_code(lines: list[str]) -> Code:
    """Highlighted Python, no line numbers, on a transparent background."""
    code = Code(code_string="\n".join(lines), language="python", formatter_style=CODE_STYLE,
                add_line_numbers=False, paragraph_config={"font": CODE_FONT, "font_size": CODE_SIZE})
    code.remove(code.background)  # the panel behind the bridge is the background
    return code


def get_bridge_row(label: str, content, label_color=MUTED) -> VGroup:
    """``label`` right-aligned against x = 0, ``content`` left-aligned after it."""
    tag = Tex(label, font_size=LABEL_SIZE, color=label_color)
    tag.move_to(ORIGIN, aligned_edge=RIGHT)
    content.move_to(2 * BUFF * RIGHT, aligned_edge=LEFT)
    tag.match_y(content[-1] if isinstance(content, Code) else content)
    return VGroup(tag, content)


def get_bridge(bridge: Bridge, formula_colors: dict | None = None,
               value_color=ACCENT) -> VGroup:
    """The three rows and the value; ``[0]`` formula row, ``[1]`` mathcore row,
    ``[2]`` library row, ``[3]`` the two values (one per code row)."""
    formula = MathTex(bridge.formula, font_size=BODY_SIZE,
                      tex_to_color_map=formula_colors or TEX_COLORS, color=TEXT)
    rows = VGroup(
        get_bridge_row("maths", formula),
        get_bridge_row("mathcore", get_code(bridge.mathcore.lines)),
        get_bridge_row(bridge.label, get_code(bridge.library.lines)),
    )
    top = 0.0
    for row in rows:  # stack the rows, keeping the label column where it is
        row.shift((top - row.get_top()[1]) * UP)
        top = row.get_bottom()[1] - ROW_BUFF
    shown = bridge.shown()
    right = max(row[1].get_right()[0] for row in rows[1:])
    values = VGroup(*(
        MathTex(rf"\to {shown}", font_size=BODY_SIZE, color=value_color)
        .move_to([right, row.get_center()[1], 0], aligned_edge=LEFT).shift(2 * BUFF * RIGHT)
        for row in rows[1:]
    ))
    return VGroup(*rows, values).move_to(ORIGIN)
