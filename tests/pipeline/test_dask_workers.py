"""The README's recipe on one machine: a `dask scheduler` and two
`dask worker` processes (single-threaded) on 127.0.0.1, rendering a small
lesson-like set of LaTeX scenes from a cold LaTeX cache, twice. Both workers
compile the same formulas at the same time; each render works on its own
copy of the cache and publishes only complete files, so no render reads
another's half-written SVG (issue #14, item 13)."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mathreel.curriculum import SceneRef
from mathreel.executors import worker_tex_cache
from mathreel.project import QUALITIES
from mathreel.render import RenderJob, render_many

pytest.importorskip("distributed", reason="the dask extra is not installed")

LESSON = '''
from manim import DOWN, UP, FadeIn, MathTex, Scene, Write

FORMULAS = [r"e^{i\\pi} + 1 = 0", r"\\int_0^1 x^2 \\, dx = \\tfrac{1}{3}",
            r"\\nabla_\\theta \\mathcal{L}", r"\\sum_{k=1}^{n} k = \\tfrac{n(n+1)}{2}"]


class Formulas(Scene):
    order = (0, 1, 2, 3)

    def construct(self):
        for i in self.order:
            tex = MathTex(FORMULAS[i]).shift(UP * (1.5 - i))
            self.play(FadeIn(tex), run_time=0.2)


class FormulasBackwards(Formulas):
    order = (3, 2, 1, 0)


class FormulasShuffled(Formulas):
    order = (2, 0, 3, 1)


class Caption(Scene):
    def construct(self):
        self.play(Write(MathTex(FORMULAS[0], r"\\Rightarrow", FORMULAS[2]).shift(DOWN)),
                  run_time=0.3)
'''
SCENES = ("Formulas", "FormulasBackwards", "FormulasShuffled", "Caption")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _dask(*args: str, env: dict, log: Path) -> subprocess.Popen:
    dask = Path(sys.executable).with_name("dask")
    return subprocess.Popen([str(dask), *args], env=env, stdout=log.open("w"),
                            stderr=subprocess.STDOUT, start_new_session=True)


@pytest.fixture
def workers(tmp_path):
    """A scheduler and two workers on 127.0.0.1 whose temporary folder (and
    so their LaTeX cache) starts empty."""
    tmp = tmp_path / "worker-tmp"
    tmp.mkdir()
    env = dict(os.environ, TMPDIR=str(tmp))
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [_dask("scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard",
                   env=env, log=tmp_path / "scheduler.log")]
    try:
        for i in range(2):
            procs.append(_dask("worker", address, "--host", "127.0.0.1", "--nthreads", "1",
                               "--no-dashboard", env=env, log=tmp_path / f"worker{i}.log"))
        from dask.distributed import Client

        deadline = time.time() + 60
        with Client(address, timeout=30) as client:
            while len(client.scheduler_info()["workers"]) < 2:
                assert time.time() < deadline, "the workers did not join"
                time.sleep(0.2)
        yield address, tmp
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def test_two_workers_on_a_cold_latex_cache_render_a_lesson_twice(workers, tmp_path):
    address, worker_tmp = workers
    project = tmp_path / "project"
    scene_file = project / "scenes" / "l05_formulas" / "scenes.py"
    scene_file.parent.mkdir(parents=True)
    scene_file.write_text(LESSON)
    jobs = [RenderJob(SceneRef(name, scene_file, name), QUALITIES["low"]) for name in SCENES]
    for attempt in range(2):
        results = render_many(project, jobs, scheduler=address, force=True)
        failed = [f"{r.job.scene.name}: {r.error}" for r in results if not r.ok]
        assert failed == [], f"render {attempt + 1}: {failed}"
    cache = worker_tmp / f"mathreel-tex-{os.getuid()}"
    assert any(cache.glob("*.svg"))  # the workers shared what they compiled
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700


def test_a_latex_cache_folder_of_someone_else_is_not_used(tmp_path, monkeypatch):
    """A folder at the cache's path that is writable by others (or a
    symlink) is not trusted: the render keeps its LaTeX to itself."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    folder = tmp_path / f"mathreel-tex-{os.getuid()}"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    assert worker_tex_cache() is None
    folder.rmdir()
    target = tmp_path / "elsewhere"
    target.mkdir(mode=0o700)
    folder.symlink_to(target)
    assert worker_tex_cache() is None
    folder.unlink()
    assert worker_tex_cache() == folder and stat.S_IMODE(folder.stat().st_mode) == 0o700
