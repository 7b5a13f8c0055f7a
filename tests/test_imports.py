"""Dependencies point one way: the import-linter contracts of pyproject.toml
(``[tool.importlinter]``) hold for the project, and each kind of contract
catches a wrong import planted in a copy of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGES = ("mathcore", "mathreel", "scenekit", "scenes")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(project: Path) -> subprocess.CompletedProcess:
    """``lint-imports`` over ``project`` (its pyproject.toml and packages)."""
    env = dict(os.environ, PYTHONPATH=str(project))
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--config", str(project / "pyproject.toml")],
                          cwd=project, env=env, capture_output=True, text=True)


def test_the_projects_imports_keep_every_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory) -> Path:
    """The project's packages and pyproject.toml, Python files only."""
    copy = tmp_path_factory.mktemp("imports")
    shutil.copy(ROOT / "pyproject.toml", copy)
    for package in PACKAGES:
        shutil.copytree(ROOT / package, copy / package,
                        ignore=lambda folder, names: [n for n in names if n == "__pycache__"
                                                      or (Path(folder, n).is_file() and not n.endswith(".py"))])
    return copy


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("mathcore/linalg.py", "from scenekit import style", "lessons -> scene kit -> mathcore"),
    ("scenekit/style.py", "import scenes.l01_vectors_and_matrices.scenes",
     "lessons -> scene kit -> mathcore"),
    ("mathreel/stitch.py", "import scenekit.title_card", "the pipeline never imports a scene"),
    ("mathcore/norms.py", "import click", "mathcore imports nothing of the project"),
    ("mathreel/publish/thumbnail.py", "from mathreel import render", "publishing never imports rendering"),
    # indirectly: a narration service that imports the pipeline breaks the scene kit's contract
    ("mathreel/cues.py", "from mathreel import stitch", "use only the narration services"),
])
def test_a_planted_wrong_import_breaks_its_contract(project_copy, module, line, contract):
    path = project_copy / module
    original = path.read_text()
    path.write_text(original + f"\n{line}  # planted by the test\n")
    try:
        result = lint_imports(project_copy)
    finally:
        path.write_text(original)
    assert result.returncode != 0, result.stdout
    broken = [row for row in result.stdout.splitlines() if row.endswith("BROKEN") or "BROKEN (" in row]
    assert len(broken) >= 1 and any(contract in row for row in broken), result.stdout
