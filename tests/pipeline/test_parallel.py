"""Parallel rendering: longest first, failures isolated and reported, peak
memory measured."""

from __future__ import annotations

from engine_kit import fixture_job, make_project

from mathreel import executors, render
from mathreel.curriculum import SceneRef
from mathreel.executors import LocalPool, Task
from mathreel.contract import RenderStats
from mathreel.progress import Reporter
from mathreel.project import QUALITIES
from mathreel.render import RenderJob, render_many, simulate_makespan


def test_one_failing_scene_does_not_stop_the_others(tmp_path):
    root = make_project(tmp_path)
    jobs = [fixture_job(n, root=root) for n in ("Broken", "ChunkSafe", "Traced")]
    seen = []
    results = render_many(root, jobs, n_jobs=2, on_result=seen.append)
    assert [r.job.scene.name for r in results] == ["Broken", "ChunkSafe", "Traced"]
    assert [r.ok for r in results] == [False, True, True]
    assert results[0].error == "RuntimeError: this scene is broken on purpose"
    assert sorted(r.job.scene.name for r in seen) == ["Broken", "ChunkSafe", "Traced"]
    for result in results[1:]:
        assert result.outputs["video"].exists()
        assert result.maxrss_kb > 10_000  # peak memory of the render process
        assert result.cpu > 0


def test_longest_jobs_start_first(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    pool = LocalPool(tmp_path, 1, work_root=work)
    try:
        # Hold the only slot with a first task, then queue three more.
        job = fixture_job("ChunkSafe", "chunky.py")
        spec = render._spec(job, tmp_path, {}, mode="dry-run")
        pool.submit(Task("first", "probe", spec, 100.0))
        for name, estimate in (("short", 1.0), ("long", 9.0), ("middle", 5.0)):
            pool.submit(Task(name, "probe", spec, estimate))
        order = [pool.done.get(timeout=120).task.id for _ in range(4)]
    finally:
        pool.close()
    assert order == ["first", "long", "middle", "short"]


def test_schedule_model():
    assert simulate_makespan([4, 3, 3, 2], 2) == 6  # longest first: 4+2 | 3+3
    assert simulate_makespan([8], 2) == 8


def test_a_long_scene_is_split_when_it_pays():
    job = fixture_job("ChunkSafe", "chunky.py")
    plan = render._Plan(0, job, "k", RenderStats(play_times=[1.0] * 20), [])
    plan.estimate, plan.safe = 20.0, True
    render.plan_chunks([plan], 2)
    assert len(plan.chunks) >= 2
    small = render._Plan(0, job, "k", RenderStats(play_times=[1.0] * 20), [])
    small.estimate, small.safe = 0.3, True
    render.plan_chunks([small], 2)
    assert small.chunks == [(0, -1)]


ONE_ANIMATION = '''
from manim import Create, Scene, Square


class OnePlay(Scene):
    def construct(self):
        self.play(Create(Square()), run_time=0.3)
'''


class Counted(executors._Zygote):
    """A zygote that counts how many were started."""

    started = 0

    def __init__(self, cwd):
        type(self).started += 1
        super().__init__(cwd)


def test_j_is_capped_at_the_tasks_and_said(tmp_path, monkeypatch):
    """-j 6 on a one-animation scene: one task, so one zygote, and a note."""
    scene_file = tmp_path / "one.py"
    scene_file.write_text(ONE_ANIMATION)
    monkeypatch.setattr(executors, "_Zygote", Counted)
    Counted.started = 0
    reporter = Reporter()
    job = RenderJob(SceneRef("OnePlay", scene_file, "OnePlay"), QUALITIES["low"])
    result = render_many(tmp_path, [job], n_jobs=6, reporter=reporter)[0]
    assert result.ok and result.chunks == 1
    assert Counted.started == 1
    assert reporter.notes == ["-j 6: 1 task to run, so at most 1 render process"]


def test_j_is_capped_at_what_memory_allows_and_said(tmp_path, monkeypatch):
    """With memory for one render (of the default size at -ql), two scenes
    and -j 2 run one at a time."""
    root = make_project(tmp_path)
    monkeypatch.setattr(executors, "_Zygote", Counted)
    monkeypatch.setattr(render, "available_memory",
                        lambda: int(render.MEMORY_PER_RENDER["low"] * 1.5))
    Counted.started = 0
    reporter = Reporter()
    jobs = [fixture_job(n, root=root) for n in ("ChunkSafe", "Broken")]
    results = render_many(root, jobs, n_jobs=2, reporter=reporter, chunk=False)
    assert [r.ok for r in results] == [True, False]
    assert Counted.started == 1
    assert reporter.notes == ["1 render process at once instead of 2: 0.4 GB of memory "
                              "available, about 250 MB each"]
