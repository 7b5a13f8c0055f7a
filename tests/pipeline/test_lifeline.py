"""Killing mathreel: its render processes die with it (SIGTERM and SIGKILL),
and what a killed stitch leaves behind is removed by the next write into
that folder (issue #14, item 10)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from engine_kit import make_project
from lesson_media import make_clip

from mathreel.atomic import sweep, write_text
from mathreel.stitch import Part, join

CLI = "from mathreel.cli import main; main()"


def session_members(sid: int) -> list[int]:
    """Pids of the live processes in session ``sid`` (from /proc)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z" and int(fields[3]) == sid:  # state, ppid, pgrp, session
            members.append(int(entry.name))
    return members


def start_render(root: Path) -> subprocess.Popen:
    """``mathreel render Slowpoke`` in its own session; returns once a
    render process is drawing frames."""
    env = dict(os.environ, MATHREEL_ROOT=str(root))
    proc = subprocess.Popen([sys.executable, "-c", CLI, "render", "Slowpoke", "--quiet"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline:
        if list((root / "media" / ".work").glob("*/*/progress")):
            return proc
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGKILL)
    raise AssertionError("the render never started drawing frames")


def wait_until_alone(sid: int, seconds: float) -> list[int]:
    deadline = time.time() + seconds
    while time.time() < deadline:
        left = session_members(sid)
        if not left:
            return []
        time.sleep(0.1)
    return session_members(sid)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["TERM", "KILL"])
def test_the_workers_die_with_mathreel(tmp_path, signum):
    root = make_project(tmp_path)
    proc = start_render(root)
    assert len(session_members(proc.pid)) >= 3  # the CLI, a zygote, its render child
    os.kill(proc.pid, signum)  # only the CLI, as a plain `kill` does
    _, err = proc.communicate(timeout=30)
    left = wait_until_alone(proc.pid, 5)
    if left:
        os.killpg(proc.pid, signal.SIGKILL)
    assert left == [], "render processes outlived mathreel"
    if signum == signal.SIGTERM:
        assert proc.returncode == 143 and err.strip().endswith("Terminated.")
        assert not any((root / "media" / ".work").iterdir())  # it cleaned up on the way out


KILLED_STITCH = '''
import os, signal, sys
from pathlib import Path
from mathreel import media_tools, stitch

real_run = media_tools.run

def run_then_die(args, what, **kwargs):
    log = real_run(args, what, **kwargs)
    if what.startswith("stitching"):  # ffmpeg wrote the whole temporary file...
        os.kill(os.getpid(), signal.SIGKILL)  # ...and the process dies before the rename
    return log

media_tools.run = run_then_die
parts = [stitch.Part(Path(p), f"Part {i}") for i, p in enumerate(sys.argv[2:])]
stitch.join(parts, Path(sys.argv[1]), title="killed")
'''


def test_a_stitch_killed_mid_way_leaves_nothing_after_the_next_run(tmp_path):
    clips = [make_clip(tmp_path / "clips" / f"{i}.mp4", 1) for i in range(2)]
    lessons = tmp_path / "media" / "low" / "lessons"
    output = lessons / "01_fixture.mp4"
    lessons.mkdir(parents=True)
    killed = subprocess.run([sys.executable, "-c", KILLED_STITCH, str(output), *map(str, clips)])
    assert killed.returncode == -signal.SIGKILL
    leftovers = sorted(p.name for p in lessons.iterdir())
    assert not output.exists()
    assert any(n.startswith(".stitch.") for n in leftovers)
    assert any(n.startswith(".01_fixture.") and n.endswith(".mp4") for n in leftovers)

    result = join([Part(c, f"Part {i}") for i, c in enumerate(clips)], output, title="again")
    assert result.output == output and output.is_file()
    assert sorted(p.name for p in lessons.iterdir() if p.name.startswith(".")) == []


def test_a_live_writers_temporaries_are_kept(tmp_path):
    mine = tmp_path / f".video.mathreel-tmp-{os.getpid()}-abc.mp4"
    mine.write_bytes(b"being written")
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    dead = tmp_path / f".video.mathreel-tmp-{gone}-xyz.mp4"
    dead.write_bytes(b"half")
    write_text(tmp_path / "notes.txt", "x")
    assert mine.exists() and not dead.exists()
    assert sweep(tmp_path) == []
