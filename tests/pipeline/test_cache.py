"""The scene-level cache: what a key depends on, hits that never start
Manim, and renders killed half-way that leave nothing a re-run accepts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from engine_kit import fixture_job, frame_hashes, make_project

from mathreel import voice, cache, render
from mathreel.atomic import write_json
from mathreel.curriculum import SceneRef
from mathreel.project import QUALITIES, scene_video
from mathreel.render import RenderJob, render_many


def _project(root: Path) -> Path:
    (root / "mathcore").mkdir(parents=True)
    (root / "mathcore" / "__init__.py").write_text("from importlib import import_module\n")
    (root / "mathcore" / "_validate.py").write_text("def ok(x):\n    return x\n")
    (root / "mathcore" / "linalg.py").write_text("from ._validate import ok\nA = 1\n")
    (root / "mathcore" / "calculus.py").write_text("B = 2\n")
    (root / "mathcore" / "optim.py").write_text("C = 3\n")
    for folder in ("l01_a", "l02_b", "l03_c", "l04_d"):
        (root / "scenes" / folder).mkdir(parents=True)
    (root / "scenekit").mkdir()
    (root / "scenekit" / "__init__.py").write_text('"""The kit."""\n')
    (root / "scenekit" / "style.py").write_text("COLOR = 'red'\n")
    (root / "scenes" / "l01_a" / "scenes.py").write_text(
        "from manim import Scene\nfrom scenekit.style import COLOR\nfrom mathcore.linalg import A\n"
        "class SceneA(Scene):\n    pass\n")
    (root / "scenes" / "l02_b" / "scenes.py").write_text(
        "from manim import Scene\nimport mathcore\n"
        "class SceneB(Scene):\n    def construct(self):\n        mathcore.calculus.B\n")
    (root / "scenes" / "l03_c" / "scenes.py").write_text(
        "from manim import Scene\nfrom mathcore import optim, linalg\n"
        "class SceneC(Scene):\n    pass\n")
    (root / "mathreel").mkdir()
    (root / "mathreel" / "__init__.py").write_text("")
    (root / "mathreel" / "voice.py").write_text("VOICES = ()\n")
    (root / "scenekit" / "narration.py").write_text("from mathreel.voice import VOICES\n")
    (root / "scenes" / "l04_d" / "scenes.py").write_text(
        "from manim import Scene\nfrom scenekit.narration import VOICES\n"
        "class SceneD(Scene):\n    pass\n")
    return root


def _keys(root: Path, **kwargs) -> dict[str, str]:
    jobs = {name: RenderJob(SceneRef(name, root / "scenes" / folder / "scenes.py", name, 1),
                            QUALITIES["low"])
            for name, folder in (("SceneA", "l01_a"), ("SceneB", "l02_b"), ("SceneC", "l03_c"))}
    return {name: cache.job_key(root, job, **kwargs) for name, job in jobs.items()}


def test_import_graph_is_transitive_and_project_only(tmp_path):
    root = _project(tmp_path)
    resolver = cache.ImportResolver(root)
    rel = lambda paths: sorted(p.relative_to(root).as_posix() for p in paths)  # noqa: E731
    assert rel(resolver.closure(root / "scenes" / "l01_a" / "scenes.py")) == [
        "mathcore/__init__.py", "mathcore/_validate.py", "mathcore/linalg.py", "scenekit/__init__.py",
        "scenekit/style.py"]
    assert rel(resolver.closure(root / "scenes" / "l02_b" / "scenes.py")) == [
        "mathcore/__init__.py", "mathcore/calculus.py"]
    assert rel(resolver.closure(root / "scenes" / "l03_c" / "scenes.py")) == [
        "mathcore/__init__.py", "mathcore/_validate.py", "mathcore/linalg.py",
        "mathcore/optim.py"]


def test_editing_a_scene_changes_its_key_only(tmp_path):
    root = _project(tmp_path)
    before = _keys(root)
    assert before == _keys(root)  # stable
    file = root / "scenes" / "l02_b" / "scenes.py"
    file.write_text(file.read_text() + "EDITED = 1\n")
    after = _keys(root)
    assert [n for n in before if before[n] != after[n]] == ["SceneB"]


def test_editing_a_module_changes_exactly_its_importers(tmp_path):
    root = _project(tmp_path)
    before = _keys(root)
    (root / "mathcore" / "linalg.py").write_text("from ._validate import ok\nA = 10\n")
    after = _keys(root)
    assert sorted(n for n in before if before[n] != after[n]) == ["SceneA", "SceneC"]
    before = after
    (root / "mathcore" / "_validate.py").write_text("def ok(x):\n    return -x\n")
    after = _keys(root)
    assert sorted(n for n in before if before[n] != after[n]) == ["SceneA", "SceneC"]
    before = after
    (root / "scenekit" / "style.py").write_text("COLOR = 'blue'\n")
    after = _keys(root)
    assert [n for n in before if before[n] != after[n]] == ["SceneA"]


def test_key_covers_quality_encoder_voice_and_extra_inputs(tmp_path, monkeypatch):
    root = _project(tmp_path)
    job = RenderJob(SceneRef("SceneD", root / "scenes" / "l04_d" / "scenes.py", "SceneD", 1),
                    QUALITIES["low"])  # it imports the voice (through narration.py)
    silent = RenderJob(SceneRef("SceneA", root / "scenes" / "l01_a" / "scenes.py", "SceneA", 1),
                       QUALITIES["low"])
    monkeypatch.setenv("MATHREEL_VOICE", "none")
    silent_key = cache.job_key(root, silent)
    base = cache.job_key(root, job)
    assert cache.job_key(root, RenderJob(job.scene, QUALITIES["high"])) != base
    assert cache.job_key(root, RenderJob(job.scene, job.quality, "frame")) != base
    assert cache.job_key(root, job, encoder_options={"preset": "veryfast"}) != base
    assert cache.job_key(root, RenderJob(SceneRef("SceneD", job.scene.path, "Other title", 1),
                                         job.quality)) != base
    assert cache.job_key(root, job, extra_inputs={"thing": "x"}) != base
    monkeypatch.setenv("MATHREEL_VOICE", "espeak")
    assert cache.job_key(root, job) != base
    monkeypatch.setenv("MATHREEL_VOICE", "piper")
    assert cache.job_key(root, job) != base
    monkeypatch.setenv("MATHREEL_VOICE", "none")
    assert cache.job_key(root, job) == base
    # speech times every beat: the timing engine's settings are part of a silent render's key
    engine = voice.timing_engine("none")
    monkeypatch.setattr(type(engine), "estimate", voice.Estimate(1.0, 0.1, 0.2))
    if engine.available():
        monkeypatch.setattr(type(engine), "fingerprint", lambda self: "another model")
    assert cache.job_key(root, job) != base
    monkeypatch.undo()
    monkeypatch.setenv("MATHREEL_VOICE", "none")
    assert cache.job_key(root, job) == base
    recording = root / "narration" / "SceneD" / "01.wav"
    recording.parent.mkdir(parents=True)
    recording.write_bytes(b"RIFF")
    with_recording = cache.job_key(root, job)
    assert with_recording != base
    recording.write_bytes(b"RIFF2")
    assert cache.job_key(root, job) != with_recording
    # A scene that does not import the voice cannot narrate: the voice is not in its key.
    monkeypatch.setenv("MATHREEL_VOICE", "espeak")
    (root / "narration" / "SceneA").mkdir()
    (root / "narration" / "SceneA" / "01.wav").write_bytes(b"RIFF")
    assert cache.job_key(root, silent) == silent_key


def test_a_hit_does_not_start_manim_and_force_does(tmp_path, monkeypatch):
    root = make_project(tmp_path)
    job = fixture_job("ChunkSafe", root=root)
    first = render_many(root, [job])[0]
    assert first.ok and not first.cached and first.outputs["video"].exists()

    def no_pool(*args, **kwargs):
        raise AssertionError("a cache hit started a render process")

    monkeypatch.setattr(render, "LocalPool", no_pool)
    second = render_many(root, [job])[0]
    assert second.ok and second.cached and second.outputs == first.outputs
    with pytest.raises(AssertionError, match="started a render process"):
        render_many(root, [job], force=True)


def test_a_replaced_output_is_a_miss(tmp_path):
    root = make_project(tmp_path)
    job = fixture_job("Traced", root=root)
    render_many(root, [job])
    record = cache.read_record(root, job)
    key = record["key"]
    assert cache.is_hit(root, record, key)
    video = scene_video(root, "low", "Traced")
    video.write_bytes(b"not a video")
    assert not cache.is_hit(root, cache.read_record(root, job), key)
    again = render_many(root, [job])[0]
    assert again.ok and not again.cached and len(frame_hashes(video)) > 0


def _start_render(root: Path, scene: str) -> subprocess.Popen:
    code = ("import sys; from pathlib import Path; sys.path.insert(0, %r);"
            "from engine_kit import fixture_job; from mathreel.render import render_many;"
            "root = Path(%r); render_many(root, [fixture_job(%r, root=root)])"
            % (str(Path(__file__).parent), str(root), scene))
    return subprocess.Popen([sys.executable, "-c", code], start_new_session=True)


def test_a_render_killed_half_way_leaves_nothing_a_rerun_accepts(tmp_path):
    root = make_project(tmp_path)
    job = fixture_job("Slowpoke", root=root)
    # An edit after a good render: the old record no longer matches.
    proc = _start_render(root, "Slowpoke")
    deadline = time.time() + 90
    progress = []
    while time.time() < deadline and not progress:
        progress = list((root / "media" / ".work").glob("*/*/progress"))
        time.sleep(0.1)
    assert progress, "the render never started drawing frames"
    os.killpg(proc.pid, signal.SIGKILL)  # the CLI, the worker and the render itself
    proc.wait()
    video = scene_video(root, "low", "Slowpoke")
    assert not video.exists()
    assert cache.read_record(root, job) is None
    leftovers = list((root / "media").rglob("*.mp4"))
    assert all(".work" in p.parts for p in leftovers)  # only inside a work folder
    result = render_many(root, [job])[0]
    assert result.ok and not result.cached
    assert len(frame_hashes(video)) == int(round(result.duration * 15))
    assert not any((root / "media" / ".work").glob("*/*/progress"))  # stale work cleaned


def test_records_are_written_atomically(tmp_path):
    target = tmp_path / "r.json"
    write_json(target, {"a": 1})
    assert json.loads(target.read_text()) == {"a": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_editing_one_scene_of_a_module_leaves_its_siblings(tmp_path):
    root = _project(tmp_path)
    file = root / "scenes" / "l01_a" / "scenes.py"
    file.write_text(file.read_text() + "class Helper:\n    pass\n"
                    "class SceneD(Helper, Scene):\n    pass\n")
    jobs = {n: RenderJob(SceneRef(n, file, n, 1), QUALITIES["low"]) for n in ("SceneA", "SceneD")}
    before = {n: cache.job_key(root, j) for n, j in jobs.items()}
    file.write_text(file.read_text().replace("class SceneA(Scene):\n    pass",
                                             "class SceneA(Scene):\n    x = 1"))
    after = {n: cache.job_key(root, j) for n, j in jobs.items()}
    assert before["SceneA"] != after["SceneA"] and before["SceneD"] == after["SceneD"]
    file.write_text(file.read_text().replace("class Helper:\n    pass", "class Helper:\n    y = 2"))
    final = {n: cache.job_key(root, j) for n, j in jobs.items()}
    assert final["SceneA"] == after["SceneA"] and final["SceneD"] != after["SceneD"]
    file.write_text(file.read_text().replace("from scenekit.style import COLOR",
                                             "from scenekit.style import COLOR\nTOP = 3"))
    assert all(cache.job_key(root, j) != final[n] for n, j in jobs.items())


def test_the_installed_scene_kit_is_followed_for_a_project_without_one(tmp_path):
    """A project that has no scenekit/ of its own renders with the installed
    kit: its modules are part of the key all the same."""
    import scenekit

    scene = tmp_path / "scenes" / "l01_a" / "scenes.py"
    scene.parent.mkdir(parents=True)
    scene.write_text("from scenekit.style import ACCENT\n")
    kit = Path(scenekit.__file__).resolve().parent
    assert cache.ImportResolver(tmp_path).closure(scene) == [kit / "__init__.py", kit / "style.py"]


PRACTICE = '''
from scenekit.narration import NarratedScene
from scenekit.practice import TryItScene


class Teach(NarratedScene):
    pass


class Practice(TryItScene):
    lesson = 1
'''


def test_editing_exercises_changes_the_practice_cards_key_only(tmp_path):
    """The card loads ``exercises.py`` by path (no import line names it):
    the key of a TryItScene includes it; the lesson's other scenes do not."""
    folder = tmp_path / "scenes" / "l01_a"
    folder.mkdir(parents=True)
    (folder / "scenes.py").write_text(PRACTICE)
    exercises = folder / "exercises.py"
    exercises.write_text("def exercises(rng):\n    return []\n")
    jobs = {n: RenderJob(SceneRef(n, folder / "scenes.py", n, 1), QUALITIES["low"])
            for n in ("Teach", "Practice")}
    before = {n: cache.job_key(tmp_path, j) for n, j in jobs.items()}
    exercises.write_text("def exercises(rng):\n    return [1]\n")
    after = {n: cache.job_key(tmp_path, j) for n, j in jobs.items()}
    assert before["Practice"] != after["Practice"] and before["Teach"] == after["Teach"]
    # a Dask worker gets the exercises beside the card's scene file
    shipped = {n: render._shipped_files(tmp_path, j, []) for n, j in jobs.items()}
    assert shipped["Practice"]["scenes/l01_a/exercises.py"] == str(exercises.resolve())
    assert "scenes/l01_a/exercises.py" not in shipped["Teach"]


SELF_SAVING = '''
from pathlib import Path

from manim import Create, Scene, Square


class SavedMidRender(Scene):
    def construct(self):
        here = Path(__file__)
        marker = here.with_name("saved-once")
        if not marker.exists():  # an editor saves the file while Manim runs it
            marker.touch()
            here.write_text(here.read_text())
        self.play(Create(Square()), run_time=0.2)
'''


def test_a_source_saved_during_the_render_is_rendered_again(tmp_path):
    """The key is computed before Manim reads the file: a save in between
    (even back to the same text) means the video may show another version,
    so it is not recorded as a hit."""
    scene_file = tmp_path / "scenes" / "l01_saved" / "scenes.py"
    scene_file.parent.mkdir(parents=True)
    scene_file.write_text(SELF_SAVING)
    job = RenderJob(SceneRef("SavedMidRender", scene_file, "Saved"), QUALITIES["low"])
    first = render_many(tmp_path, [job])[0]
    assert first.ok and not first.cached and first.outputs["video"].is_file()
    assert cache.read_record(tmp_path, job)["key"] is None
    second = render_many(tmp_path, [job])[0]  # rendered again, untouched now
    assert second.ok and not second.cached
    third = render_many(tmp_path, [job])[0]
    assert third.ok and third.cached
