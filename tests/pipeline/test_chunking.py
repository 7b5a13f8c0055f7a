"""Chunked rendering: a chunk-safe scene split across processes decodes to
exactly the frames of a one-process render; a scene with a TracedPath is
never split."""

from __future__ import annotations

import shutil

import pytest
from engine_kit import fixture_job, frame_hashes

from mathreel import chunking
from mathreel.render import render_many


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
    assert chunking.chunk_safety(fixtures / "chunky.py", "ChunkSafe", None)[0] is True
    # observed at render time beats reading the source
    assert chunking.chunk_safety(fixtures / "chunky.py", "ChunkSafe",
                                 {"time_based_updaters": True})[0] is False
    declared = tmp_path / "d.py"
    declared.write_text("from manim import *\nclass D(Scene):\n    chunk_safe = False\n")
    assert chunking.chunk_safety(declared, "D", {"time_based_updaters": False}) == (
        False, "declared chunk_safe = False")


@pytest.fixture(scope="module")
def whole_and_chunked(tmp_path_factory):
    root = tmp_path_factory.mktemp("chunks")
    job = fixture_job("ChunkSafe", "chunky.py")
    whole = render_many(root, [job], progress="none", chunk=False, n_jobs=2)[0]
    assert whole.ok and whole.chunks == 1
    kept = {k: root / f"whole{p.suffix}" for k, p in whole.outputs.items()}
    for kind, path in whole.outputs.items():
        shutil.copy(path, kept[kind])
    chunked = render_many(root, [job], progress="none", chunk=3, n_jobs=2, force=True)[0]
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
    result = render_many(tmp_path, [job], progress="none", chunk=3, n_jobs=2)[0]
    assert result.ok and result.chunks == 1
    # and the render saw why: a time-based updater
    from mathreel import cache

    assert cache.read_record(tmp_path, job)["stats"]["time_based_updaters"] is True
    again = render_many(tmp_path, [job], progress="none", chunk=3, n_jobs=2, force=True)[0]
    assert again.ok and again.chunks == 1


ONE_CORE_RENDER = '''
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from engine_kit import fixture_job
from mathreel.render import render_many
result = render_many(Path(sys.argv[1]), [fixture_job("ChunkSafe", "chunky.py")],
                     progress="none", chunk=False, n_jobs=1)[0]
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
