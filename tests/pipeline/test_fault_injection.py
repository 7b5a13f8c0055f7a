"""Fault injection: the render engine is killed at random points (seeded,
a bounded number of trials), in mid-probe, mid-render, mid-join or between
moving outputs and writing the record, sometimes the whole process group
(a crash), sometimes only the parent (a `kill -9` of mathreel; its workers
follow it). After every kill, whatever the cache would accept must be a
whole video whose frames are those of an independent reference render and
whose record matches it; a later run must finish every job correctly and
leave no work folder behind."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from engine_kit import fixture_job, frame_hashes, make_project

from mathreel import cache, render
from mathreel.render import render_many

SEED = 20261207
TRIALS = 6
SCENES = ("ChunkSafe", "Traced")

RUN = '''
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from engine_kit import fixture_job
from mathreel.render import render_many
root = Path(sys.argv[1])
jobs = [fixture_job(name, root=root) for name in sys.argv[3:]]
render_many(root, jobs, n_jobs=2, chunk=3, force=True)
'''


def session_alive(sid: int) -> bool:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z" and int(fields[3]) == sid:
                return True
    return False


def run_engine(root: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", RUN, str(root), str(Path(__file__).parent),
                             *SCENES], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def accepted(root: Path) -> dict[str, Path]:
    """The videos a run would take from the cache now (key and stamps match)."""
    found = {}
    for name in SCENES:
        job = fixture_job(name, root=root)
        record = cache.read_record(root, job)
        key = cache.job_key(root, job, encoder_options=render.encoder_options())
        if cache.is_hit(root, record, key):
            found[name] = root / record["outputs"]["video"]["path"]
    return found


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """Frames of each scene rendered whole, undisturbed, in another project,
    and how long a full (killable) run takes."""
    root = make_project(tmp_path_factory.mktemp("reference"))
    started = time.monotonic()
    results = render_many(root, [fixture_job(n, root=root) for n in SCENES],
                          n_jobs=2, chunk=False)
    assert all(r.ok for r in results)
    return {r.job.scene.name: frame_hashes(r.outputs["video"]) for r in results}, (
        time.monotonic() - started)


def test_no_run_accepts_a_partial_output_after_a_kill(reference, tmp_path):
    frames, full_run = reference
    root = make_project(tmp_path)
    rng = random.Random(SEED)
    for trial in range(TRIALS):
        proc = run_engine(root)
        time.sleep(rng.uniform(0.0, 1.3 * full_run + 2.0))  # + Python and Manim start-up
        if rng.random() < 0.5:
            os.killpg(proc.pid, signal.SIGKILL)  # a crash: every process at once
        else:
            os.kill(proc.pid, signal.SIGKILL)  # the parent only: its workers must follow
        proc.wait()
        deadline = time.time() + 10
        while session_alive(proc.pid) and time.time() < deadline:
            time.sleep(0.1)
        assert not session_alive(proc.pid), f"trial {trial}: workers outlived the engine"
        for name, video in accepted(root).items():
            assert frame_hashes(video) == frames[name], f"trial {trial}: {name} accepted"
            record = cache.read_record(root, fixture_job(name, root=root))
            assert record["stats"]["frames"] == len(frames[name])
    final = render_many(root, [fixture_job(n, root=root) for n in SCENES],
                        n_jobs=2)
    for result in final:
        assert result.ok, result.error
        assert frame_hashes(result.outputs["video"]) == frames[result.job.scene.name]
    assert set(accepted(root)) == set(SCENES)
    assert not any((root / "media" / ".work").iterdir())  # killed runs' folders removed
