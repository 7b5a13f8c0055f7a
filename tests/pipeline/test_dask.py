"""The same jobs on a real Dask LocalCluster (worker processes on 127.0.0.1);
outputs come back to the client as bytes."""

from __future__ import annotations

from dataclasses import asdict

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
    answer = client.submit(_render_remote, asdict(spec), files, pure=False).result()
    assert answer["result"]["ok"], answer["result"]
    name, data = answer["files"]["video"]
    assert name == "ChunkSafe.mp4" and isinstance(data, bytes) and data[4:8] == b"ftyp"
    assert answer["maxrss_kb"] > 0


def test_render_a_lesson_on_the_cluster(cluster, tmp_path):
    cluster_obj, _ = cluster
    root = make_project(tmp_path)
    jobs = [fixture_job(n, root=root) for n in ("ChunkSafe", "Traced", "Broken")]
    results = render_many(root, jobs, scheduler=cluster_obj.scheduler_address)
    assert [r.ok for r in results] == [True, True, False]
    assert "broken on purpose" in results[2].error
    assert len(frame_hashes(results[0].outputs["video"])) == 43
    assert results[0].outputs["srt"].read_text().count("-->") == 2
    again = render_many(root, jobs[:2], scheduler=cluster_obj.scheduler_address)
    assert all(r.cached for r in again)


def test_build_a_lesson_with_its_title_card_on_the_cluster(cluster, tmp_path):
    """`mathreel build --scheduler`: the generated title card and the scenes
    render in the workers' mirrors of the project (no shared disk), then the
    client stitches the lesson."""
    import dataclasses

    from mathreel.build import build
    from mathreel.curriculum import load_curriculum
    from mathreel.project import lesson_video, scene_video

    cluster_obj, _ = cluster
    root = make_project(tmp_path)
    curriculum = load_curriculum(root)
    lesson = dataclasses.replace(curriculum.lesson(1),
                                 scenes=curriculum.lesson(1).scenes[:1])  # ChunkSafe
    report = build(curriculum, [lesson], "low", course=False,
                   scheduler=cluster_obj.scheduler_address)
    assert report.ok, report.lessons[0].error
    title = scene_video(root, "low", "Lesson01Title")
    parts = [len(frame_hashes(title)), len(frame_hashes(scene_video(root, "low", "ChunkSafe")))]
    assert parts[0] > 0 and parts[1] == 43
    assert len(frame_hashes(lesson_video(root, "low", 1, "fixture"))) == sum(parts)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_scheduler_address_that_speaks_http_fails_in_seconds(tmp_path, monkeypatch):
    """The Dask dashboard's port (HTTP) instead of the scheduler's: Dask's
    client would wait for a handshake forever; the CLI says what is wrong
    in one line within a few seconds (exit 2)."""
    import threading
    import time
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from click.testing import CliRunner

    from mathreel.cli import cli

    server = ThreadingHTTPServer(("127.0.0.1", 0), SimpleHTTPRequestHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("MATHREEL_ROOT", str(make_project(tmp_path)))
    address = f"tcp://127.0.0.1:{server.server_address[1]}"
    try:
        started = time.monotonic()
        result = CliRunner().invoke(cli, ["render", "ChunkSafe", "--quiet", "--scheduler", address])
        elapsed = time.monotonic() - started
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 2 and elapsed < 10
    assert result.stderr == (
        f"Error: {address} accepted a connection but did not answer like a Dask scheduler "
        "within 4 s; is it the dashboard's HTTP port? The scheduler listens on 8786 by "
        "default (the dashboard on 8787)\n")
    assert not any((tmp_path / "media" / ".work").iterdir())  # no work folder left behind


def test_a_closed_scheduler_port_fails_in_one_line(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from mathreel.cli import cli

    monkeypatch.setenv("MATHREEL_ROOT", str(make_project(tmp_path)))
    address = f"tcp://127.0.0.1:{_free_port()}"
    result = CliRunner().invoke(cli, ["render", "ChunkSafe", "--quiet", "--scheduler", address])
    assert result.exit_code == 2
    assert result.stderr == f"Error: cannot reach the Dask scheduler at {address}: Connection refused\n"
