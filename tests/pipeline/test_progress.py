"""What a person sees: a live table on a terminal, one line per event elsewhere."""

from __future__ import annotations

import io
import re

from engine_kit import fixture_job, make_project
from rich.console import Console

from mathreel.progress import PlainReporter, RichReporter, make_reporter
from mathreel.render import render_many


def test_plain_output_is_one_line_per_event(tmp_path):
    root = make_project(tmp_path)
    stream = io.StringIO()
    jobs = [fixture_job(n, root=root) for n in ("ChunkSafe", "Broken")]
    render_many(root, jobs, reporter=PlainReporter(stream), n_jobs=2)
    lines = stream.getvalue().splitlines()
    done = [l for l in lines if l.startswith("done      ChunkSafe [low]")]
    assert len(done) == 1 and re.search(r", peak \d+ MB ", done[0])  # peak memory
    assert "failed    Broken [low]  RuntimeError: this scene is broken on purpose" in lines
    stream = io.StringIO()
    render_many(root, jobs[:1], reporter=PlainReporter(stream))
    assert stream.getvalue().startswith("cached    ChunkSafe [low]")
    quiet = io.StringIO()
    render_many(root, jobs, reporter=PlainReporter(quiet, quiet=True), force=True)
    assert quiet.getvalue().splitlines() == [
        "failed    Broken [low]  RuntimeError: this scene is broken on purpose"]


def test_live_display_shows_every_job_and_an_overall_bar():
    out = io.StringIO()
    reporter = RichReporter(Console(file=out, force_terminal=True, width=120))
    reporter.add("0", "SceneOne", "high", "cached", detail="media/high/scenes/SceneOne.mp4")
    reporter.add("1", "SceneTwo", "high", "queued", estimate=10)
    reporter.add("2", "SceneThree", "high", "queued", estimate=10)
    reporter.set("1", "rendering", chunks=2)
    reporter.frames("1", 120, 48.0, 0.5)
    reporter.set("2", "failed", "ValueError: bad")
    reporter.refresh()
    fraction, _ = reporter.overall()
    assert abs(fraction - 0.75) < 1e-9  # one failed (done) and half of another
    reporter.close()
    reporter.close()  # its maker's `with` may close it again: nothing happens
    screen = out.getvalue()
    for expected in ("SceneOne", "cached", "SceneTwo", "120 frames, 48 fps in 2 chunks",
                     "SceneThree", "failed", "ValueError: bad", "75%", "ETA"):
        assert expected in screen, expected


def test_auto_picks_plain_off_a_terminal(capsys):
    assert isinstance(make_reporter("auto"), PlainReporter)
    assert isinstance(make_reporter("auto", quiet=True), PlainReporter)
