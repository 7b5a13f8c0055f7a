"""Chunked rendering: a chunk-safe scene split across processes decodes to
exactly the frames of a one-process render; a scene with an updater of any
kind (a TracedPath, a dt updater, a stateful updater without dt), or whose
verdict comes from an older version of it, is never split."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from engine_kit import fixture_job, frame_hashes

from mathreel import chunking
from mathreel.curriculum import SceneRef
from mathreel.progress import Reporter
from mathreel.project import QUALITIES
from mathreel.render import RenderJob, render_many


def test_split_ranges_cover_every_animation_once():
    times = [1.0, 0.5, 2.0, 0.5, 1.0, 1.0]
    for pieces in range(1, 8):
        ranges = chunking.split_ranges(times, pieces)
        assert ranges[0][0] == 0 and ranges[-1][1] == -1  # open-ended last chunk
        covered = []
        for start, upto in ranges:
            covered += list(range(start, (upto if upto >= 0 else len(times) - 1) + 1))
        assert covered == list(range(len(times)))
        assert len(ranges) == min(pieces, len(times))


def test_chunk_safety_is_detected_and_declared(tmp_path):
    fixtures = fixture_job("Traced", "traced.py").scene.path.parent
    assert chunking.chunk_safety(fixtures / "traced.py", "Traced", None)[0] is False
    # nothing in the source and nothing observed: unknown until a probe looks
    assert chunking.chunk_safety(fixtures / "chunky.py", "ChunkSafe", None)[0] is None
    assert chunking.chunk_safety(fixtures / "chunky.py", "ChunkSafe", [])[0] is True
    assert chunking.chunk_safety(fixtures / "chunky.py", "ChunkSafe",
                                 ["an updater on a VMobject (f)"])[0] is False
    # an updater that takes no dt is still an updater
    assert chunking.chunk_safety(fixtures / "stateful.py", "TraceTheDot", None)[0] is False
    declared = tmp_path / "d.py"
    declared.write_text("from manim import *\nclass D(Scene):\n    chunk_safe = False\n")
    assert chunking.chunk_safety(declared, "D", []) == (
        False, "declared chunk_safe = False")


@pytest.fixture(scope="module")
def whole_and_chunked(tmp_path_factory):
    root = tmp_path_factory.mktemp("chunks")
    job = fixture_job("ChunkSafe", "chunky.py")
    whole = render_many(root, [job], chunk=False, n_jobs=2)[0]
    assert whole.ok and whole.chunks == 1
    kept = {k: root / f"whole{p.suffix}" for k, p in whole.outputs.items()}
    for kind, path in whole.outputs.items():
        shutil.copy(path, kept[kind])
    chunked = render_many(root, [job], chunk=3, n_jobs=2, force=True)[0]
    return whole, kept, chunked


def test_chunked_render_is_pixel_identical(whole_and_chunked):
    whole, kept, chunked = whole_and_chunked
    assert chunked.ok and chunked.chunks == 3
    expected = frame_hashes(kept["video"])
    assert len(expected) == 43
    assert frame_hashes(chunked.outputs["video"]) == expected
    assert chunked.duration == pytest.approx(whole.duration)


def test_chunked_render_keeps_the_captions(whole_and_chunked):
    import srt

    _, kept, chunked = whole_and_chunked
    a = list(srt.parse(kept["srt"].read_text()))
    b = list(srt.parse(chunked.outputs["srt"].read_text()))
    assert [c.content for c in a] == [c.content for c in b] == ["A square appears.", "It moves up."]
    for x, y in zip(a, b):  # within one frame at 15 fps
        assert abs((x.start - y.start).total_seconds()) <= 1 / 15 + 1e-6
        assert abs((x.end - y.end).total_seconds()) <= 1 / 15 + 1e-6


def test_a_traced_path_scene_is_rendered_whole(tmp_path):
    job = fixture_job("Traced", "traced.py")
    result = render_many(tmp_path, [job], chunk=3, n_jobs=2)[0]
    assert result.ok and result.chunks == 1
    # and the render saw why: a time-based updater
    from mathreel import cache

    assert cache.read_record(tmp_path, job)["stats"]["time_based_updaters"] is True
    again = render_many(tmp_path, [job], chunk=3, n_jobs=2, force=True)[0]
    assert again.ok and again.chunks == 1


ONE_CORE_RENDER = '''
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from engine_kit import fixture_job
from mathreel.render import render_many
result = render_many(Path(sys.argv[1]), [fixture_job("ChunkSafe", "chunky.py")],
                     chunk=False, n_jobs=1)[0]
assert result.ok, result.error
print(result.outputs["video"])
'''


def test_a_machine_with_other_cores_renders_the_same_frames(whole_and_chunked, tmp_path):
    """x264 picks its thread count from the cores it sees, and the thread
    count changes the bitstream: chunks rendered on Dask workers with other
    core counts would not join into the one-process frames. The encoder
    settings pin it, so a render that sees one core matches."""
    import subprocess
    import sys
    from pathlib import Path

    _, kept, _ = whole_and_chunked
    kit = str(Path(__file__).parent)
    out = subprocess.run(["taskset", "-c", "0", sys.executable, "-c", ONE_CORE_RENDER,
                          str(tmp_path), kit], capture_output=True, text=True, check=True)
    assert frame_hashes(Path(out.stdout.strip())) == frame_hashes(kept["video"])


# ---- stateful updaters (issue #16) and stale verdicts (issue #14) ----------------

STATEFUL = ("TraceTheDot", "RedrawGrowingGroup", "ClosureOverList")


@pytest.fixture(scope="module")
def stateful_renders(tmp_path_factory):
    """Each stateful scene rendered whole, rendered with 3 chunks asked for,
    and (the proof that the fixtures matter) forced into 3 chunks by a
    copy that declares ``chunk_safe = True``."""
    base = tmp_path_factory.mktemp("stateful")
    jobs = [fixture_job(name, "stateful.py") for name in STATEFUL]
    whole = render_many(base / "whole", jobs, chunk=False, n_jobs=2)
    asked = render_many(base / "asked", jobs, chunk=3, n_jobs=2)
    forced_file = base / "forced" / "stateful.py"
    forced_file.parent.mkdir()
    forced_file.write_text(jobs[0].scene.path.read_text().replace(
        "(Scene):\n", "(Scene):\n    chunk_safe = True\n"))
    forced_jobs = [RenderJob(SceneRef(name, forced_file, name), QUALITIES["low"])
                   for name in STATEFUL]
    forced = render_many(base / "forced", forced_jobs, chunk=3, n_jobs=2)
    return whole, asked, forced


@pytest.mark.parametrize("index", range(len(STATEFUL)), ids=STATEFUL)
def test_a_stateful_updater_scene_is_rendered_whole(stateful_renders, index):
    whole, asked, _ = stateful_renders
    assert whole[index].ok and asked[index].ok, (whole[index].error, asked[index].error)
    assert asked[index].chunks == 1
    assert frame_hashes(asked[index].outputs["video"]) == frame_hashes(whole[index].outputs["video"])


@pytest.mark.parametrize("index", range(len(STATEFUL)), ids=STATEFUL)
def test_chunking_a_stateful_scene_would_change_its_frames(stateful_renders, index):
    """The oracle for the test above: forced into chunks by its author, the
    same scene no longer decodes to the whole render's frames."""
    whole, _, forced = stateful_renders
    assert forced[index].ok and forced[index].chunks == 3, forced[index].error
    assert frame_hashes(forced[index].outputs["video"]) != frame_hashes(
        whole[index].outputs["video"])


SPINNER = '''
from manim import RIGHT, Scene, Square


class Spinner(Scene):
    def construct(self):
        square = Square()
        self.add(square)
        for _ in range(4):
            self.play(square.animate.shift(RIGHT * 0.4), run_time=0.6)
'''


def test_an_edit_that_adds_a_dt_updater_is_not_chunked_on_the_old_verdict(tmp_path):
    """Rendered in chunks, then edited to add ``lambda m, dt:``: the record's
    verdict belongs to the old key, so the new version is rendered whole and
    matches a whole render frame for frame."""
    scene_file = tmp_path / "project" / "spinner.py"
    scene_file.parent.mkdir()
    scene_file.write_text(SPINNER)
    job = RenderJob(SceneRef("Spinner", scene_file, "Spinner"), QUALITIES["low"])
    first = render_many(tmp_path / "project", [job], chunk=3, n_jobs=2)[0]
    assert first.ok and first.chunks == 3, first.error
    scene_file.write_text(SPINNER.replace(
        "self.add(square)", "self.add(square)\n        square.add_updater(lambda m, dt: m.rotate(dt))"))
    second = render_many(tmp_path / "project", [job], chunk=3, n_jobs=2)[0]
    assert second.ok and second.chunks == 1
    oracle = render_many(tmp_path / "oracle", [job], chunk=False)[0]
    assert frame_hashes(second.outputs["video"]) == frame_hashes(oracle.outputs["video"])


class Seen(Reporter):
    """Remembers the chunk count of every render the engine queues."""

    def __init__(self):
        super().__init__()
        self.chunks = []

    def set(self, key, state, detail="", **fields):
        if state == "queued" and "chunks" in fields:
            self.chunks.append(fields["chunks"])
        super().set(key, state, detail, **fields)


MOODY = '''
import os

from manim import RIGHT, Scene, Square


class Moody(Scene):
    def construct(self):
        square = Square()
        self.add(square)
        if os.environ.get("MATHREEL_TEST_SPIN"):  # behaviour outside the cache key
            getattr(square, "add_" + "updater")(lambda m, dt: m.rotate(dt))
        for _ in range(4):
            self.play(square.animate.shift(RIGHT * 0.4), run_time=0.6)
'''


def test_chunks_that_see_an_updater_are_thrown_away_and_the_scene_rendered_whole(
        tmp_path, monkeypatch):
    """The same key's record says "no hazard", but the chunks report an
    updater: their join is never used (nor recorded); the scene is rendered
    whole."""
    scene_file = tmp_path / "project" / "moody.py"
    scene_file.parent.mkdir()
    scene_file.write_text(MOODY)
    job = RenderJob(SceneRef("Moody", scene_file, "Moody"), QUALITIES["low"])
    calm = render_many(tmp_path / "project", [job], chunk=False)[0]
    assert calm.ok
    monkeypatch.setenv("MATHREEL_TEST_SPIN", "1")
    seen = Seen()
    spun = render_many(tmp_path / "project", [job], chunk=3, n_jobs=2, force=True,
                       reporter=seen)[0]
    assert spun.ok and spun.chunks == 1, spun.error
    assert seen.chunks == [3, 1]  # split on the record's verdict, then rendered whole
    from mathreel import cache

    assert cache.read_record(tmp_path / "project", job)["stats"]["chunk_hazards"]
    oracle = render_many(tmp_path / "oracle", [job], chunk=False)[0]
    assert frame_hashes(spun.outputs["video"]) == frame_hashes(oracle.outputs["video"])


# Subcaptions that exercise every way a SubRip writer can differ: times on
# and around half-milliseconds and microseconds, cues out of order and equal
# in time, empty and blank-lined text, a negative start, a cue ending before
# it starts, hours.
EDGE_SUBCAPTIONS = [
    (0.0, 1.0, "First."),
    (1.0004, 1.0005, "Under a millisecond."),
    (1.0005, 2.0015, "Half milliseconds."),
    (2.9999996, 3.0000004, "Microsecond rounding."),
    (5.0, 4.0, "Backwards: dropped."),
    (-0.5, 0.5, "Negative start: dropped."),
    (6.0, 7.0, "   "),
    (4.5, 5.5, "Out of order."),
    (4.5, 5.5, "Same times, second."),
    (8.0, 9.0, "\nBlank\n\nlines\n"),
    (3725.1234567, 3726.9876543, "Over an hour."),
] + [(k * 2.0666666 + k / 7, k * 2.0666666 + k / 7 + 1.3333333, f"Cue {k} & <{k}>")
     for k in range(10, 40)]
MANIM_SRT = Path(__file__).parent / "data" / "manim_subcaptions.srt"


def test_a_joined_scenes_captions_are_written_as_manim_writes_them(tmp_path):
    """The fixture was written by the ``srt`` package's ``compose`` (what
    Manim writes for a scene rendered in one piece), before mathreel had one
    caption writer."""
    target = tmp_path / "joined.srt"
    chunking.write_srt(EDGE_SUBCAPTIONS, target)
    assert target.read_bytes() == MANIM_SRT.read_bytes()
