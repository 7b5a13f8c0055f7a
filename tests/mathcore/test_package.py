"""The mathcore package as a whole: import hygiene, import time, docstring examples."""

import doctest
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

MATHCORE = Path(__file__).resolve().parents[2] / "mathcore"
SUBMODULES = sorted(p.stem for p in MATHCORE.glob("*.py") if p.stem != "__init__")
PUBLIC = [name for name in SUBMODULES if not name.startswith("_")]

IMPORT_ALL = f"""
import json, sys, time
start = time.perf_counter()
import mathcore
for name in {SUBMODULES!r}:
    __import__("mathcore." + name)
elapsed = time.perf_counter() - start
print(json.dumps({{"elapsed": elapsed, "modules": sorted(sys.modules)}}))
"""


@pytest.fixture(scope="module")
def fresh_import():
    """Import mathcore and every submodule in a fresh interpreter; report time and sys.modules."""
    out = subprocess.run([sys.executable, "-c", IMPORT_ALL], capture_output=True, text=True, check=True,
                         cwd=MATHCORE.parent)
    return json.loads(out.stdout)


def test_every_design_module_exists():
    import mathcore

    assert set(mathcore.__all__) <= set(PUBLIC), set(mathcore.__all__) - set(PUBLIC)


@pytest.mark.parametrize("forbidden", ["manim", "click"])
def test_mathcore_never_imports_manim_or_click(fresh_import, forbidden):
    leaked = [m for m in fresh_import["modules"] if m == forbidden or m.startswith(forbidden + ".")]
    assert leaked == []


def test_importing_mathcore_and_all_submodules_takes_under_a_second(fresh_import):
    assert fresh_import["elapsed"] < 1.0, f"import took {fresh_import['elapsed']:.2f} s"


@pytest.mark.parametrize("name", ["__init__"] + SUBMODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module("mathcore" if name == "__init__" else f"mathcore.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {module.__name__}"
    if name in PUBLIC:
        assert result.attempted > 0, f"{module.__name__} has no docstring examples"
