"""The blog: a static site of the stitched lessons that works from disk
(``file://``) or from any static host, with nothing fetched from a network.

::

    <out>/index.html                every lesson: poster, title, description
    <out>/lessons/NN_<slug>.html    video + captions, chapters that seek,
                                    transcript, exercises, notebook link
    <out>/media/NN_<slug>.mp4 .vtt  the stitched video and its WebVTT captions
    <out>/posters/NN_<slug>.jpg     a key frame, the video's poster
    <out>/notebooks/*.ipynb         the lessons' notebooks (when present)
    <out>/assets/site.css site.js   style (course palette) and the page script

Formulas (``$...$`` in exercises and descriptions) are inline SVG from the
same LaTeX Manim uses. Chrome will not fetch a ``<track>`` from a page opened
from disk, so each page also embeds its WebVTT text and the page script
hands it to the track when the file cannot be loaded.
"""

from __future__ import annotations

import html
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import exercise as exercise_module
from ..atomic import atomic_dir
from ..curriculum import Lesson
from ..chapters import youtube_timestamp as timestamp
from ..encode import grab_frame
from .lessons import PublishError, StitchedLesson, link_or_copy
from .mathsvg import MathRenderer
from .thumbnail import course_palette

SITE_TITLE = "mathreel: the mathematics of machine learning"
POSTER_WIDTH = 1280
#: written into every site: only a folder holding it (or an empty one) is replaced
SITE_MARKER = ".mathreel-site"


@dataclass(frozen=True)
class Site:
    folder: Path
    pages: tuple[Path, ...]
    warnings: tuple[str, ...] = field(default=())


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def _page(title: str, body: str, css: str, script: str | None = None) -> str:
    script_tag = f'\n<script src="{esc(script)}"></script>' if script else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<link rel="stylesheet" href="{esc(css)}">
</head>
<body>
{body}{script_tag}
</body>
</html>
"""


def _duration(seconds: float) -> str:
    return f"{timestamp(seconds)} min" if seconds >= 60 else f"{int(round(seconds))} s"


def index_html(entries: list[tuple[StitchedLesson, str]], math: MathRenderer) -> str:
    items = []
    for stitched, poster in entries:
        lesson = stitched.lesson
        width, height = _poster_size(stitched)
        href = f"lessons/{stitched.stem}.html"
        items.append(f"""<li class="card">
<a class="poster" href="{esc(href)}"><img src="{esc(poster)}" alt="" width="{width}" height="{height}" loading="lazy"></a>
<div class="card-text">
<p class="code">Lesson {lesson.code} · {_duration(stitched.duration)}</p>
<h2><a href="{esc(href)}">{esc(lesson.title)}</a></h2>
<p>{math.html(lesson.description)}</p>
</div>
</li>""")
    body = f"""<header class="site"><h1>{esc(SITE_TITLE)}</h1>
<p>{len(entries)} lesson{'s' if len(entries) != 1 else ''}, each a video with captions, chapters, a transcript and exercises.</p></header>
<main>
<ul class="lessons">
{chr(10).join(items)}
</ul>
</main>"""
    return _page(SITE_TITLE, body, "assets/site.css")


def _poster_size(stitched: StitchedLesson) -> tuple[int, int]:
    width, height = stitched.size
    if width > POSTER_WIDTH:
        height, width = round(height * POSTER_WIDTH / width / 2) * 2, POSTER_WIDTH
    return width, height


def _transcript(stitched: StitchedLesson) -> str:
    chapters = stitched.chapters or []
    cues = stitched.cues
    sections = []
    for index, chapter in enumerate(chapters):
        last = index == len(chapters) - 1
        texts = [c.text for c in cues
                 if c.start >= chapter.start - 0.01 and (last or c.start < chapter.end - 0.01)]
        paragraph = " ".join(texts)
        sections.append(
            f'<h3 id="transcript-{index + 1}"><a href="#t={chapter.start:g}" data-start="{chapter.start:g}">'
            f"{timestamp(chapter.start)}</a> {esc(chapter.title)}</h3>\n"
            f"<p>{esc(paragraph) if paragraph else '<em>(no narration)</em>'}</p>")
    if not chapters:
        sections.append(f"<p>{esc(' '.join(c.text for c in cues))}</p>")
    return "\n".join(sections)


def _exercises(items, math: MathRenderer) -> str:
    if not items:
        return "<p>No exercises for this lesson yet.</p>"
    out = []
    for number, exercise in enumerate(items, start=1):
        code = (f'\n<pre><code>{esc(exercise.code)}</code></pre>' if exercise.code else "")
        out.append(f"""<li>
<p>{math.html(exercise.question)}</p>
<details>
<summary>Show the answer</summary>
<p>{math.html(exercise.answer)}</p>{code}
</details>
</li>""")
    return '<ol class="exercises">\n' + "\n".join(out) + "\n</ol>"


def lesson_html(stitched: StitchedLesson, *, poster: str, notebook: str | None,
                previous: StitchedLesson | None, following: StitchedLesson | None,
                exercise_items, math: MathRenderer) -> str:
    lesson = stitched.lesson
    stem = stitched.stem
    width, height = stitched.size
    chapters = "\n".join(
        f'<li><a href="#t={c.start:g}" data-start="{c.start:g}">'
        f'<span class="time">{timestamp(c.start)}</span> {esc(c.title)}</a></li>'
        for c in stitched.chapters)
    vtt_text = stitched.vtt.read_text(encoding="utf-8")
    embedded = json.dumps(vtt_text).replace("</", "<\\/")
    if notebook:
        notebook_html = (f'<p>Every number in this video comes from mathcore. Run it yourself: '
                         f'<a href="../{esc(notebook)}" download>{esc(Path(notebook).name)}</a> '
                         f'(<code>{esc(stitched.notebook)}</code> in the repository).</p>')
    elif stitched.notebook:
        notebook_html = (f"<p>Every number in this video comes from mathcore. Run it yourself "
                         f"with <code>{esc(stitched.notebook)}</code> in the mathreel repository.</p>")
    else:
        notebook_html = "<p>Every number in this video comes from mathcore.</p>"
    nav = []
    if previous:
        nav.append(f'<a rel="prev" href="{esc(previous.stem)}.html">← {esc(previous.lesson.title)}</a>')
    nav.append('<a href="../index.html">All lessons</a>')
    if following:
        nav.append(f'<a rel="next" href="{esc(following.stem)}.html">{esc(following.lesson.title)} →</a>')
    body = f"""<header class="site"><p><a href="../index.html">{esc(SITE_TITLE)}</a></p></header>
<main>
<article>
<p class="code">Lesson {lesson.code} · {_duration(stitched.duration)}</p>
<h1>{esc(lesson.title)}</h1>
<div class="player">
<video id="lesson-video" controls preload="metadata" playsinline poster="../{esc(poster)}" width="{width}" height="{height}">
<source src="../media/{esc(stem)}.mp4" type="video/mp4">
<track kind="captions" srclang="en" label="English" src="../media/{esc(stem)}.vtt" default>
<p>Your browser cannot play this video: <a href="../media/{esc(stem)}.mp4">download it (MP4)</a>.</p>
</video>
</div>
<p class="description">{math.html(lesson.description)}</p>
<section aria-labelledby="chapters-heading">
<h2 id="chapters-heading">Chapters</h2>
<ol class="chapters">
{chapters}
</ol>
</section>
<section aria-labelledby="exercises-heading">
<h2 id="exercises-heading">Try it</h2>
{_exercises(exercise_items, math)}
</section>
<section aria-labelledby="notebook-heading">
<h2 id="notebook-heading">Notebook</h2>
{notebook_html}
</section>
<section aria-labelledby="transcript-heading">
<h2 id="transcript-heading">Transcript</h2>
{_transcript(stitched)}
</section>
</article>
<nav class="pager">{' '.join(nav)}</nav>
</main>
<script type="application/json" id="captions-vtt">{embedded}</script>"""
    return _page(f"{lesson.code} · {lesson.title}", body, "../assets/site.css", "../assets/site.js")


SITE_JS = r"""// Chapter links seek the video; captions work even from a page opened from disk.
(function () {
  "use strict";
  var video = document.getElementById("lesson-video");
  if (!video) return;

  function seek(seconds, play) {
    function go() {
      video.currentTime = seconds;
      if (play) {
        var playing = video.play();
        if (playing && playing.catch) playing.catch(function () {});
      }
    }
    if (video.readyState >= 1) go();
    else video.addEventListener("loadedmetadata", go, { once: true });
  }

  var links = Array.prototype.slice.call(document.querySelectorAll("a[data-start]"));
  links.forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      seek(parseFloat(link.getAttribute("data-start")), true);
      history.replaceState(null, "", link.getAttribute("href"));
      video.scrollIntoView({ block: "nearest" });
    });
  });

  // A deep link such as lesson.html#t=75 starts there.
  var match = /^#t=(\d+(?:\.\d+)?)$/.exec(location.hash);
  if (match) seek(parseFloat(match[1]), false);

  // The chapter playing now is marked in the list.
  var chapterLinks = Array.prototype.slice.call(document.querySelectorAll(".chapters a[data-start]"));
  video.addEventListener("timeupdate", function () {
    var current = null;
    chapterLinks.forEach(function (link) {
      if (parseFloat(link.getAttribute("data-start")) <= video.currentTime + 0.05) current = link;
    });
    chapterLinks.forEach(function (link) {
      if (link === current) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    });
  });

  // Browsers refuse to fetch a <track> for a page opened from disk (file:),
  // so the same WebVTT text, embedded in the page, is handed to the track.
  var track = video.querySelector("track");
  var embedded = document.getElementById("captions-vtt");
  function useEmbedded() {
    if (!track || !embedded || track.getAttribute("data-embedded")) return;
    track.setAttribute("data-embedded", "true");
    track.src = "data:text/vtt;charset=utf-8," + encodeURIComponent(JSON.parse(embedded.textContent));
  }
  if (track) {
    track.addEventListener("error", useEmbedded);
    if (track.readyState === 3) useEmbedded();
  }
})();
"""


def site_css(palette) -> str:
    return f""":root {{
  --bg: {palette.background};
  --text: {palette.text};
  --muted: {palette.muted};
  --accent: {palette.accent};
  --panel: #1b1b22;
  color-scheme: dark;
}}
* {{ box-sizing: border-box; }}
html {{ -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }}
body {{
  margin: 0 auto; max-width: 60rem; padding: 1rem;
  background: var(--bg); color: var(--text);
  font: 1.0625rem/1.6 "DejaVu Sans", system-ui, sans-serif;
  overflow-wrap: break-word;
}}
a {{ color: var(--accent); }}
a:focus-visible {{ outline: 2px solid var(--accent); outline-offset: 2px; }}
h1, h2, h3 {{ line-height: 1.25; }}
header.site {{ border-bottom: 1px solid var(--panel); margin-bottom: 1rem; }}
header.site h1 {{ font-size: 1.6rem; }}
.code {{ color: var(--muted); font-size: .9rem; margin: 0; text-transform: uppercase; letter-spacing: .04em; }}
.player video {{ display: block; width: 100%; height: auto; background: #000; border-radius: 6px; }}
video::cue {{ background: rgba(0, 0, 0, .75); color: #fff; }}
.lessons {{ list-style: none; padding: 0; display: grid; gap: 1.25rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr)); }}
.card {{ background: var(--panel); border-radius: 8px; overflow: hidden; }}
.card img {{ display: block; width: 100%; height: auto; }}
.card-text {{ padding: .75rem 1rem 1rem; }}
.card h2 {{ font-size: 1.2rem; margin: .25rem 0 .5rem; }}
.card h2 a {{ color: var(--text); text-decoration: none; }}
.chapters {{ padding-left: 1.5rem; }}
.chapters a {{ text-decoration: none; }}
.chapters a[aria-current] {{ font-weight: bold; }}
.time {{ font-variant-numeric: tabular-nums; color: var(--muted); margin-right: .4rem; }}
.exercises li {{ margin-bottom: 1rem; }}
details {{ background: var(--panel); border-radius: 6px; padding: .5rem .75rem; }}
summary {{ cursor: pointer; color: var(--accent); }}
pre {{ overflow-x: auto; white-space: pre-wrap; background: #000; padding: .5rem; border-radius: 4px; }}
code {{ font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: .9em; }}
svg.math {{ max-width: 100%; height: auto; }}
h3 a {{ font-variant-numeric: tabular-nums; text-decoration: none; margin-right: .4rem; }}
.pager {{ display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem;
  border-top: 1px solid var(--panel); padding-top: 1rem; margin-top: 2rem; }}
"""


def build_site(lessons: list[StitchedLesson], out: Path, *,
               exercises: Callable[[Lesson], list] | None = None) -> Site:
    """Write the site for ``lessons`` (in course order) to ``out``, replacing
    it as a whole when everything is written."""
    if not lessons:
        raise PublishError("no lessons to publish")
    exercises = exercises or exercise_module.lesson_exercises
    root = lessons[0].root
    math = MathRenderer(root / "media" / ".cache" / "tex")
    palette = course_palette()
    warnings: list[str] = []
    lessons = sorted(lessons, key=lambda s: s.lesson.number)
    with atomic_dir(out, SITE_MARKER, protect=(root,)) as tmp:
        for folder in ("assets", "lessons", "media", "posters", "notebooks"):
            (tmp / folder).mkdir()
        (tmp / "assets" / "site.css").write_text(site_css(palette), encoding="utf-8")
        (tmp / "assets" / "site.js").write_text(SITE_JS, encoding="utf-8")
        entries, pages = [], []
        for index, stitched in enumerate(lessons):
            stem = stitched.stem
            link_or_copy(stitched.video, tmp / "media" / f"{stem}.mp4")
            link_or_copy(stitched.vtt, tmp / "media" / f"{stem}.vtt")
            poster = f"posters/{stem}.jpg"
            width, _ = _poster_size(stitched)
            grab_frame(stitched.video, stitched.key_frame_time(), tmp / poster, width=width)
            notebook_src = root / stitched.notebook if stitched.notebook else None
            notebook = None
            if notebook_src is not None and notebook_src.is_file():
                notebook = f"notebooks/{notebook_src.name}"
                if not (tmp / notebook).exists():
                    shutil.copy2(notebook_src, tmp / notebook)
            elif notebook_src is not None:
                warnings.append(f"lesson {stitched.lesson.code}: {stitched.notebook} does not exist "
                                "yet; the page names it without a link")
            page = tmp / "lessons" / f"{stem}.html"
            page.write_text(lesson_html(
                stitched, poster=poster, notebook=notebook,
                previous=lessons[index - 1] if index > 0 else None,
                following=lessons[index + 1] if index + 1 < len(lessons) else None,
                exercise_items=exercises(stitched.lesson), math=math), encoding="utf-8")
            pages.append(out / "lessons" / page.name)
            entries.append((stitched, poster))
        (tmp / "index.html").write_text(index_html(entries, math), encoding="utf-8")
    warnings += [f"formula shown as LaTeX source (typesetting failed): {f}" for f in math.failures]
    return Site(out, tuple(pages), tuple(warnings))
