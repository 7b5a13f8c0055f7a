"""Parallel rendering: longest first, failures isolated and reported, peak
memory measured."""

from __future__ import annotations


from engine_kit import fixture_job, make_project

from mathreel import render
from mathreel.executors import LocalPool, Task
from mathreel.render import render_many, simulate_makespan


def test_one_failing_scene_does_not_stop_the_others(tmp_path):
    root = make_project(tmp_path)
    jobs = [fixture_job(n, root=root) for n in ("Broken", "ChunkSafe", "Traced")]
    seen = []
    results = render_many(root, jobs, progress="none", n_jobs=2, on_result=seen.append)
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
    plan = render._Plan(0, job, "k", {"play_times": [1.0] * 20}, [])
    plan.estimate, plan.safe = 20.0, True
    render.plan_chunks([plan], 2)
    assert len(plan.chunks) >= 2
    small = render._Plan(0, job, "k", {"play_times": [1.0] * 20}, [])
    small.estimate, small.safe = 0.3, True
    render.plan_chunks([small], 2)
    assert small.chunks == [(0, -1)]
