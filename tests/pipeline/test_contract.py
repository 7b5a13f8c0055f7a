"""The render <-> runner contract survives its trip through JSON, and a cache
record written by the engine before the contract was typed still reads."""

from __future__ import annotations

import json
from dataclasses import asdict

from mathreel.contract import (
    RenderStats, RunnerResult, RunnerTask, result_from_dict, stats_from_dict, task_from_dict,
)


def test_a_task_and_a_result_come_back_equal_from_json():
    task = RunnerTask(file="/p/scenes/a.py", scene="A", file_rel="scenes/a.py",
                      manim_quality="low_quality", mode="video",
                      encoder_options={"crf": "23"}, from_animation=2, upto_animation=-1,
                      media_dir="/w/manim", result_path="/w/result.json")
    assert task_from_dict(json.loads(json.dumps(asdict(task)))) == task
    result = RunnerResult(ok=True, duration=2.5, outputs={"video": "/w/A.mp4"},
                          captions=[(0.0, 1.5, "One."), (1.5, 2.5, "Two.")],
                          play_times=[1.5, 1.0], play_starts=[0.0, 1.5], play_frames=[23, 15],
                          frames=38, chunk_hazards=["a sound"], beats=[{"text": "One."}])
    back = result_from_dict(json.loads(json.dumps(asdict(result))))
    assert back == result and back.captions[0] == (0.0, 1.5, "One.")  # tuples, not lists


def test_a_failed_run_reads_with_only_its_error():
    back = result_from_dict({"ok": False, "error": "ValueError: no", "traceback": "..."})
    assert (back.ok, back.error, back.outputs, back.play_times) == (False, "ValueError: no", {}, [])


def test_an_older_record_reads_and_unobserved_stays_unknown():
    record = {"seconds": 3.2, "cpu": 2.9, "maxrss_kb": 180000, "duration": 4.0,
              "encoder": "fast", "chunks": 1, "frames": 60, "play_times": [1.0, 3.0],
              "time_based_updaters": False, "sound": False, "chunk_hazards": []}
    stats = stats_from_dict(record)
    assert list(asdict(stats).items()) == list(record.items())  # same keys, same order
    assert stats_from_dict({"seconds": 1.0}).play_times is None
    assert stats_from_dict(None) == RenderStats()
