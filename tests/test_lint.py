"""pyflakes over the whole project: undefined names, unused imports and
variables, syntax errors (the slips a dry run can miss in an untaken branch)."""

import subprocess
import sys

from conftest import ROOT


def test_ruff_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--output-format", "concise",
                             "mathcore", "mathreel", "scenes", "scripts", "tests"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
