"""``preview --watch``: every save renders again what the change affects."""

from __future__ import annotations

import threading
import time

from engine_kit import make_project

from mathreel.curriculum import load_curriculum
from mathreel.progress import NullReporter
from mathreel.project import QUALITIES
from mathreel.targets import resolve_targets
from mathreel.watch import watch_and_render


def test_watch_renders_again_only_what_a_save_affects(tmp_path):
    root = make_project(tmp_path)
    (root / "scenes" / "other.py").write_text("X = 1\n")
    passes, printed = [], []
    stop = threading.Event()
    got_pass = threading.Condition()

    def on_pass(results):
        with got_pass:
            passes.append([(r.job.scene.name, r.cached, r.ok) for r in results])
            got_pass.notify_all()

    def wait_for(n, timeout=90):
        deadline = time.time() + timeout
        with got_pass:
            while len(passes) < n and time.time() < deadline:
                got_pass.wait(0.5)
        assert len(passes) >= n, f"only {len(passes)} passes"

    def resolve():
        return resolve_targets(load_curriculum(root), ["ChunkSafe", "Traced"])

    thread = threading.Thread(target=watch_and_render, daemon=True, kwargs=dict(
        root=root, resolve=resolve, quality=QUALITIES["low"], mode="frame",
        echo=printed.append, stop_event=stop, on_pass=on_pass, debounce_ms=100,
        reporter=NullReporter()))
    thread.start()
    try:
        wait_for(1)
        assert passes[0] == [("ChunkSafe", False, True), ("Traced", False, True)]
        frame = root / "media" / "low" / "frames" / "ChunkSafe.png"
        assert str(frame) in printed
        time.sleep(0.5)  # let the watcher start
        scene_file = root / "scenes" / "l01_fixture" / "scenes.py"
        scene_file.write_text(scene_file.read_text().replace(
            "square = Square(color=BLUE).shift(LEFT)", "square = Square(color=GREEN).shift(LEFT)"))
        wait_for(2)
        assert passes[1] == [("ChunkSafe", False, True), ("Traced", True, True)]
        (root / "scenes" / "other.py").write_text("X = 2\n")  # nothing imports it
        wait_for(3)
        assert passes[2] == [("ChunkSafe", True, True), ("Traced", True, True)]
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()
