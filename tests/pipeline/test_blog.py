"""The static blog: every page parses as well-formed HTML, and carries what
the issue asks for (video, captions, chapters that seek, transcript,
exercises behind <details>, notebook link, offline formulas, phone layout)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from publish_fixtures import (  # noqa: F401  (fixtures)
    EXERCISES, fake_exercises, lesson_media, make_project, published_project,
)

from mathreel.curriculum import load_curriculum
from mathreel.publish.blog import build_site
from mathreel.publish.lessons import stitched_lessons

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
# Elements whose end tag HTML lets you omit; we never omit them, so none are listed.


class Page(HTMLParser):
    """A strict reading: every non-void element closed in order, ids unique,
    no network URL anywhere."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.elements: list[tuple[str, dict]] = []
        self.ids: set[str] = set()
        self.text: list[str] = []
        self.doctype = None
        self.feed(text)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed: {self.stack}")

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if "id" in attributes:
            if attributes["id"] in self.ids:
                self.errors.append(f"duplicate id {attributes['id']}")
            self.ids.add(attributes["id"])
        for name in ("src", "href", "poster", "xlink:href"):
            value = attributes.get(name) or ""
            if re.match(r"(https?:)?//", value):
                self.errors.append(f"network URL {value}")
        if tag not in VOID and not self._in_svg_leaf(tag):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        attributes = dict(attrs)
        if "id" in attributes:
            if attributes["id"] in self.ids:
                self.errors.append(f"duplicate id {attributes['id']}")
            self.ids.add(attributes["id"])

    def _in_svg_leaf(self, tag):
        return False

    def handle_endtag(self, tag):
        if tag in VOID:
            self.errors.append(f"end tag for void element {tag}")
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)

    def find(self, tag, **attrs):
        return [a for t, a in self.elements
                if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())]


@pytest.fixture(scope="module")
def site(tmp_path_factory, lesson_media) -> Path:
    """One site for the read-only tests (LaTeX runs once)."""
    root = make_project(tmp_path_factory.mktemp("blog-project"), lesson_media)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("mathreel.exercise.lesson_exercises", fake_exercises)
        result = build_site(stitched_lessons(load_curriculum(root), "low"), root / "site")
    assert result.warnings == ()
    return result.folder


def parse(path: Path) -> Page:
    page = Page(path.read_text(encoding="utf-8"))
    assert page.errors == [], (path.name, page.errors)
    assert page.doctype and page.doctype.lower() == "doctype html"
    assert page.find("html")[0]["lang"] == "en"
    assert page.find("meta", charset="utf-8")
    assert page.find("meta", name="viewport")[0]["content"] == "width=device-width, initial-scale=1"
    return page


def test_layout_and_every_page_parses(site):
    assert sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()) == [
        ".mathreel-site", "assets/site.css", "assets/site.js", "index.html",
        "lessons/02_matrix-decompositions.html", "lessons/03_matrix-calculus.html",
        "media/02_matrix-decompositions.mp4", "media/02_matrix-decompositions.vtt",
        "media/03_matrix-calculus.mp4", "media/03_matrix-calculus.vtt",
        "notebooks/01_linear_algebra.ipynb",
        "posters/02_matrix-decompositions.jpg", "posters/03_matrix-calculus.jpg"]
    for page in site.rglob("*.html"):
        parse(page)


def test_every_local_reference_exists(site):
    for path in site.rglob("*.html"):
        page = parse(path)
        for _, attrs in page.elements:
            for name in ("src", "href", "poster"):
                value = attrs.get(name)
                if not value or value.startswith(("#", "data:")):
                    continue
                target = (path.parent / value.split("#")[0]).resolve()
                assert target.is_file(), f"{path.name}: {name}={value} is missing"


def test_index_lists_every_lesson_with_a_poster(site):
    page = parse(site / "index.html")
    links = {a["href"] for a in page.find("a")}
    assert {"lessons/02_matrix-decompositions.html", "lessons/03_matrix-calculus.html"} <= links
    posters = [img["src"] for img in page.find("img")]
    assert posters == ["posters/02_matrix-decompositions.jpg", "posters/03_matrix-calculus.jpg"]
    text = " ".join(page.text)
    assert "Matrix decompositions" in text and "Matrix calculus" in text
    assert "Norms and distances" not in text  # not stitched


def test_lesson_page_has_video_track_chapters_transcript_exercises(site):
    page = parse(site / "lessons" / "02_matrix-decompositions.html")
    video, = page.find("video")
    assert video["preload"] == "metadata" and "controls" in video
    assert video["poster"] == "../posters/02_matrix-decompositions.jpg"
    source, = page.find("source")
    assert source == {"src": "../media/02_matrix-decompositions.mp4", "type": "video/mp4"}
    track, = page.find("track")
    assert track["kind"] == "captions" and track["srclang"] == "en" and "default" in track
    assert track["src"] == "../media/02_matrix-decompositions.vtt"
    chapters = [a for a in page.find("a") if "data-start" in a and a["href"].startswith("#t=")]
    assert [a["data-start"] for a in chapters][:3] == ["0", "4", "8"]
    text = " ".join(page.text)
    for title in ("Title", "Power iteration converges", "Try it"):
        assert title in text
    # The transcript: every cue's words, entities decoded once.
    for words in ("Welcome & hello: eigenvectors only stretch.", "Multiply by A and normalise.",
                  "Time to practise."):
        assert words in text
    # Exercises: the answers are hidden behind <details>.
    html_text = (site / "lessons" / "02_matrix-decompositions.html").read_text()
    assert len(page.find("details")) == len(EXERCISES[2]) == 2
    assert html_text.count("<summary>Show the answer</summary>") == 2
    assert "linalg.power_iteration(A).eigenvalue" in text
    # The notebook, copied into the site and linked.
    assert page.find("a", href="../notebooks/01_linear_algebra.ipynb")
    assert page.find("script", src="../assets/site.js")


def test_formulas_are_inline_svg_not_tex(site):
    html_text = (site / "lessons" / "02_matrix-decompositions.html").read_text()
    assert "$" not in re.sub(r"<script.*?</script>", "", html_text, flags=re.S)
    svgs = re.findall(r"<svg\b[^>]*class=\"math\"[^>]*>", html_text)
    assert len(svgs) >= 4  # description, question, two answers
    assert 'aria-label="\\lambda_1 = 3"' in html_text
    assert "<path" in html_text and 'fill="currentColor"' in html_text


def test_embedded_captions_match_the_vtt(site):
    import json

    html_text = (site / "lessons" / "02_matrix-decompositions.html").read_text()
    embedded = re.search(r'<script type="application/json" id="captions-vtt">(.*?)</script>',
                         html_text, re.S).group(1)
    assert json.loads(embedded) == (site / "media" / "02_matrix-decompositions.vtt").read_text()


def test_phone_friendly_css(site):
    css = (site / "assets" / "site.css").read_text()
    assert ".player video { display: block; width: 100%; height: auto;" in css
    assert "max-width: 100%" in css


def test_rebuild_replaces_the_site_whole(published_project):
    lessons = stitched_lessons(load_curriculum(published_project), "low")
    out = published_project / "site"
    build_site(lessons[1:], out)
    (out / "stale.html").write_text("old")
    build_site(lessons[1:], out)
    assert not (out / "stale.html").exists()
    assert (out / "lessons" / "03_matrix-calculus.html").is_file()
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".site")]


def test_a_formula_latex_cannot_typeset_is_shown_as_source(published_project, monkeypatch):
    broken = {3: [type(EXERCISES[2][0])("What is $\\frac{1}{$?", "Nothing.", "")]}
    monkeypatch.setattr("mathreel.exercise.lesson_exercises", lambda l: broken.get(l.number, []))
    lessons = stitched_lessons(load_curriculum(published_project), "low")
    result = build_site(lessons[1:], published_project / "site")
    assert len(result.warnings) == 1 and "\\frac{1}{" in result.warnings[0]
    page = (result.folder / "lessons" / "03_matrix-calculus.html").read_text()
    assert '<code class="tex">$\\frac{1}{$</code>' in page
    parse(result.folder / "lessons" / "03_matrix-calculus.html")
