"""The same jobs on a real Dask LocalCluster (worker processes on 127.0.0.1);
outputs come back to the client as bytes."""

from __future__ import annotations

import pytest
from engine_kit import fixture_job, frame_hashes, make_project

from mathreel import render
from mathreel.executors import _render_remote
from mathreel.render import render_many


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield cluster, client


def test_a_worker_returns_the_outputs_as_bytes(cluster, tmp_path):
    _, client = cluster
    root = make_project(tmp_path)
    job = fixture_job("ChunkSafe", root=root)
    spec = render._spec(job, root, render.encoder_options())
    files = {rel: open(path, "rb").read()
             for rel, path in render._shipped_files(root, job, []).items()}
    answer = client.submit(_render_remote, spec, files, spec["file_rel"], pure=False).result()
    assert answer["result"]["ok"], answer["result"]
    name, data = answer["files"]["video"]
    assert name == "ChunkSafe.mp4" and isinstance(data, bytes) and data[4:8] == b"ftyp"
    assert answer["maxrss_kb"] > 0


def test_render_a_lesson_on_the_cluster(cluster, tmp_path):
    cluster_obj, _ = cluster
    root = make_project(tmp_path)
    jobs = [fixture_job(n, root=root) for n in ("ChunkSafe", "Traced", "Broken")]
    results = render_many(root, jobs, progress="none", scheduler=cluster_obj.scheduler_address)
    assert [r.ok for r in results] == [True, True, False]
    assert "broken on purpose" in results[2].error
    assert len(frame_hashes(results[0].outputs["video"])) == 43
    assert results[0].outputs["srt"].read_text().count("-->") == 2
    again = render_many(root, jobs[:2], progress="none", scheduler=cluster_obj.scheduler_address)
    assert all(r.cached for r in again)
