"""The blog in a real browser: Debian's Chromium, driven by Playwright, on
the site served from 127.0.0.1 (with HTTP range requests, as any static host
serves video) and opened from disk.

Skipped, with the reason, only where Chromium or Playwright cannot run.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from publish_fixtures import fake_exercises, lesson_media, make_project  # noqa: F401  (fixtures)

from mathreel.curriculum import load_curriculum
from mathreel.publish.blog import build_site
from mathreel.publish.lessons import stitched_lessons

CHROMIUM = os.environ.get("MATHREEL_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--autoplay-policy=no-user-gesture-required"]
SCREENSHOT = Path("/tmp/mathreel-blog-lesson.png")


class RangeHandler(SimpleHTTPRequestHandler):
    """Static files with single-range requests (seeking in a video needs them)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        match = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers.get("Range", ""))
        path = Path(self.translate_path(self.path))
        if not match or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        start = int(match.group(1) or 0)
        end = min(int(match.group(2)) if match.group(2) else size - 1, size - 1)
        handle = path.open("rb")
        handle.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        self._remaining = end - start + 1
        return handle

    def copyfile(self, source, outputfile):
        remaining = getattr(self, "_remaining", None)
        if remaining is None:
            return super().copyfile(source, outputfile)
        while remaining > 0:
            block = source.read(min(1 << 16, remaining))
            if not block:
                break
            outputfile.write(block)
            remaining -= len(block)


@pytest.fixture(scope="module")
def site(tmp_path_factory, lesson_media) -> Path:
    root = make_project(tmp_path_factory.mktemp("browser-project"), lesson_media)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("mathreel.exercise.lesson_exercises", fake_exercises)
        return build_site(stitched_lessons(load_curriculum(root), "low"), root / "site").folder


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(RangeHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[dev]')")
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.skip(f"Chromium not found at {CHROMIUM} (sudo apt-get install chromium)")
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as exc:  # e.g. a sandbox without the namespaces Chromium needs
            pytest.skip(f"Chromium at {CHROMIUM} cannot start here: {str(exc).splitlines()[0]}")
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1024, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.route(re.compile(r"^(?!http://127\.0\.0\.1|file:|data:).*"),
               lambda route: (errors.append(f"network request {route.request.url}"), route.abort()))
    yield page
    context.close()
    assert errors == []


LESSON = "lessons/02_matrix-decompositions.html"


def wait_for_metadata(page):
    page.wait_for_function("document.getElementById('lesson-video').readyState >= 1", timeout=15000)


def test_index_lists_every_lesson(page, server):
    page.goto(f"{server}/index.html")
    titles = page.locator(".lessons h2").all_inner_texts()
    assert titles == ["Matrix decompositions", "Matrix calculus"]
    posters = page.locator(".lessons img")
    assert posters.count() == 2
    page.wait_for_function("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    page.locator(".lessons h2 a").first.click()
    page.wait_for_url(f"{server}/{LESSON}")


def test_lesson_video_captions_and_chapters(page, server):
    page.goto(f"{server}/{LESSON}")
    assert page.evaluate("document.createElement('video').canPlayType('video/mp4; codecs=\"avc1.640028, mp4a.40.2\"')") in ("probably", "maybe")
    wait_for_metadata(page)
    duration, width, height = page.evaluate(
        "(() => { const v = document.getElementById('lesson-video');"
        " return [v.duration, v.videoWidth, v.videoHeight]; })()")
    assert abs(duration - 12.0) < 0.2 and (width, height) == (854, 480)

    # The caption track loads (from the .vtt over HTTP) and has the cues.
    page.wait_for_function(
        "(() => { const t = document.getElementById('lesson-video').textTracks[0];"
        " return t && t.cues && t.cues.length === 3; })()", timeout=10000)
    track = page.evaluate(
        "(() => { const v = document.getElementById('lesson-video'); const t = v.textTracks[0];"
        " return {kind: t.kind, lang: t.language, mode: t.mode,"
        " first: t.cues[0].text, embedded: v.querySelector('track').hasAttribute('data-embedded')}; })()")
    assert track == {"kind": "captions", "lang": "en", "mode": "showing",
                     "first": "Welcome &amp; hello: eigenvectors only stretch.",  # raw cue text
                     "embedded": False}

    # Clicking a chapter seeks the video (and plays it: H.264 decodes here).
    page.get_by_role("link", name=re.compile("Power iteration converges")).first.click()
    page.wait_for_function("document.getElementById('lesson-video').currentTime >= 4", timeout=10000)
    assert page.evaluate("document.getElementById('lesson-video').currentTime") < 7
    assert page.url.endswith("#t=4")
    page.wait_for_function(
        "(() => { const v = document.getElementById('lesson-video');"
        " return !v.paused && v.readyState >= 2 && v.currentTime > 4.3; })()", timeout=10000)
    page.evaluate("document.getElementById('lesson-video').pause()")
    page.screenshot(path=str(SCREENSHOT), full_page=False)
    assert SCREENSHOT.stat().st_size > 10_000


def test_answers_are_hidden_until_opened(page, server):
    page.goto(f"{server}/{LESSON}")
    answer = page.locator("details").first.locator("p")
    assert not answer.is_visible()
    page.locator("details summary").first.click()
    assert answer.is_visible()
    # The formula in the answer is drawn (inline SVG with glyph paths), not TeX source.
    box = answer.locator("svg.math").bounding_box()
    assert box and box["width"] > 10 and box["height"] > 5


def test_readable_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    for path in ("index.html", LESSON):
        page.goto(f"{server}/{path}")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 375, f"{path} scrolls sideways ({scroll_width}px)"
        font = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert font >= 16
    video_width = page.evaluate("document.getElementById('lesson-video').getBoundingClientRect().width")
    assert 300 <= video_width <= 375
    page.screenshot(path=str(SCREENSHOT.with_name("mathreel-blog-phone.png")), full_page=False)
    context.close()


def test_opened_from_disk(page, site):
    """file:// pages may not fetch the .vtt; the embedded captions take over."""
    page.goto((site / LESSON).as_uri())
    wait_for_metadata(page)
    page.wait_for_function(
        "(() => { const t = document.getElementById('lesson-video').textTracks[0];"
        " return t && t.cues && t.cues.length === 3; })()", timeout=10000)
    page.get_by_role("link", name=re.compile("Try it")).first.click()
    page.wait_for_function("document.getElementById('lesson-video').currentTime >= 8", timeout=10000)
    page.goto((site / "index.html").as_uri())
    assert page.locator(".lessons li").count() == 2
