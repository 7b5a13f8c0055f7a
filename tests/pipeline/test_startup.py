"""Start-up of a small render: what one short scene does not need is not done.

No timings here (they belong to scripts/bench.py, section (f)): these tests
check the rules that keep ``mathreel render FILE:Scene`` as cheap as one
``manim`` process: the CLI imports no stitcher, ffmpeg-python, PIL, rich or
Dask; a short scene is rendered whole by one worker with no probe; a long one
is still probed and split across the workers.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from engine_kit import fixture_job

from mathreel import cache, render
from mathreel.executors import LocalPool
from mathreel.render import MIN_SPLIT_SECONDS, render_many

NOT_AT_START = ("ffmpeg", "PIL", "rich", "dask", "distributed", "manim", "mathreel.stitch",
                "mathreel.encode", "mathreel.build", "mathreel.contact_sheet", "mathreel.doctor")


def test_the_cli_starts_without_the_stitcher_ffmpeg_pil_rich_or_dask():
    out = subprocess.run([sys.executable, "-c", "import json, sys, mathreel.cli; "
                          "print(json.dumps(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True).stdout
    loaded = set(json.loads(out))
    assert "mathreel.render" in loaded  # the check sees what the CLI imported
    assert sorted(loaded & set(NOT_AT_START)) == []


@pytest.fixture
def spy_pool(monkeypatch):
    """The worker pools render_many starts: their sizes (one zygote per slot)
    and the kinds of the tasks submitted to them."""
    seen = {"sizes": [], "kinds": []}

    class SpyPool(LocalPool):
        def __init__(self, root, n, **kwargs):
            super().__init__(root, n, **kwargs)
            seen["sizes"].append(self.n)

        def submit(self, task):
            seen["kinds"].append(task.kind)
            super().submit(task)

    monkeypatch.setattr(render, "LocalPool", SpyPool)
    return seen


def test_a_short_scene_gets_one_worker_and_no_probe(tmp_path, spy_pool):
    job = fixture_job("ChunkSafe", "chunky.py")  # chunk-safe, about 3 s of video
    result = render_many(tmp_path, [job], n_jobs=2)[0]
    assert result.ok, result.error
    assert spy_pool == {"sizes": [1], "kinds": ["render"]}
    assert result.chunks == 1


def test_a_long_scene_is_still_probed_and_split(tmp_path, spy_pool):
    job = fixture_job("ChunkSafe", "chunky.py")
    # Its last render (statistics only, no play_times) took long: worth splitting.
    cache.write_record(tmp_path, job, None, {},
                       {"seconds": 4 * MIN_SPLIT_SECONDS, "encoder": render.DEFAULT_ENCODER})
    result = render_many(tmp_path, [job], n_jobs=2)[0]
    assert result.ok, result.error
    assert spy_pool["sizes"] == [2]
    assert spy_pool["kinds"][0] == "probe"
    assert spy_pool["kinds"][1:] == ["chunk"] * result.chunks and result.chunks >= 2
