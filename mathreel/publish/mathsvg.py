"""Formulas for web pages without a network: ``$...$`` in a sentence becomes
inline SVG, typeset by the same LaTeX -> dvisvgm path (and the same template)
Manim uses for the videos' ``Tex``.

The SVG's glyphs are ``currentColor``, so a formula takes the colour of the
text around it; ids are prefixed per formula so many formulas share a page.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

MATH_RE = re.compile(r"(?<!\\)\$(.+?)(?<!\\)\$", re.S)
PT_PER_EM = 10.0  # the template's body font size


class MathRenderer:
    """Turns ``$...$`` into inline SVG; formulas LaTeX cannot typeset are
    shown as their source in ``<code>`` and listed in ``failures``."""

    def __init__(self, cache_dir: Path):
        self.cache_dir = Path(cache_dir)
        self.failures: list[str] = []
        self._count = 0  # ids stay unique when a formula repeats on a page

    def svg(self, tex: str) -> str | None:
        try:
            text = _typeset(str(self.cache_dir), tex)
        except Exception as exc:  # LaTeX missing or the formula failed: show its source
            self.failures.append(f"${tex}$: {str(exc).splitlines()[0] if str(exc) else exc}")
            return None
        self._count += 1
        return _inline(text, tex, f"m{self._count}-")

    def html(self, sentence: str) -> str:
        """``sentence`` as HTML: text escaped, each ``$...$`` as SVG."""
        out, last = [], 0
        for match in MATH_RE.finditer(sentence):
            out.append(html.escape(sentence[last:match.start()]))
            tex = match.group(1).strip()
            out.append(self.svg(tex) or f'<code class="tex">${html.escape(tex)}$</code>')
            last = match.end()
        out.append(html.escape(sentence[last:]))
        return "".join(out)


@lru_cache(maxsize=512)
def _typeset(cache_dir: str, tex: str) -> str:
    from manim import tempconfig
    from manim.utils.tex_file_writing import tex_to_svg_file

    Path(cache_dir).mkdir(parents=True, exist_ok=True)
    with tempconfig({"tex_dir": cache_dir, "verbosity": "ERROR"}):
        path = tex_to_svg_file(f"${tex}$", environment=None)
    return Path(path).read_text(encoding="utf-8")


def _pt(value: str) -> float:
    return float(re.sub(r"[a-z]+$", "", value.strip()))


def _inline(svg: str, tex: str, prefix: str) -> str:
    svg = re.sub(r"<\?xml[^>]*\?>\s*", "", svg)
    svg = re.sub(r"<!--.*?-->\s*", "", svg, flags=re.S)
    svg = re.sub(r"""\bid=(['"])([^'"]+)\1""", lambda m: f'id="{prefix}{m.group(2)}"', svg)
    svg = re.sub(r"""((?:xlink:)?href)=(['"])#([^'"]+)\2""",
                 lambda m: f'{m.group(1)}="#{prefix}{m.group(3)}"', svg)
    head = re.search(r"<svg\b[^>]*>", svg)
    if head is None:
        raise ValueError("dvisvgm wrote no <svg> element")
    tag = head.group(0)

    def attr(name: str) -> str | None:
        found = re.search(rf"""\s{name}=(['"])([^'"]*)\1""", tag)
        return found.group(2) if found else None

    width, height, view_box = attr("width"), attr("height"), attr("viewBox")
    new = re.sub(r"""\s(width|height)=(['"])[^'"]*\2""", "", tag)
    extra = ""
    if width and height:
        extra += (f' width="{_pt(width) / PT_PER_EM:.3f}em"'
                  f' height="{_pt(height) / PT_PER_EM:.3f}em"')
        if view_box:  # dvisvgm puts the baseline at y = 0: sink the formula by its depth
            min_y, box_height = float(view_box.split()[1]), float(view_box.split()[3])
            depth = (box_height + min_y) / PT_PER_EM
            extra += f' style="vertical-align:{-depth:.3f}em"'
    label = html.escape(tex, quote=True)
    new = new[:-1] + f'{extra} class="math" role="img" aria-label="{label}" fill="currentColor">'
    svg = svg.replace(tag, new, 1)
    return re.sub(r">\s+<", "><", svg.strip())
