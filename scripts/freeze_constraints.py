"""Write constraints.txt: the exact versions, taken from the working venv, of
every distribution that ``pip install -e '.[dev]'`` brings in, and nothing
else (``pip freeze`` trimmed to what pyproject.toml requires, transitively,
with every extra of mathreel).

    .venv/bin/python scripts/freeze_constraints.py          # rewrite constraints.txt
    .venv/bin/python scripts/freeze_constraints.py --check  # exit 1 if it would change

scripts/setup.sh installs with ``pip install -c constraints.txt``, so every
fresh set-up gets the manim, PyAV (with its x264) and NumPy that the
byte-identical chunk, cache and framemd5 tests were made with. Run this after
deliberately upgrading a package, and commit both files together.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
HEADER = ("# Exact versions for `pip install -c constraints.txt -e '.[dev]'` "
          "(scripts/setup.sh).\n# Written by scripts/freeze_constraints.py from the "
          "working venv; do not edit by hand.\n")


def top_requirements(pyproject: Path) -> list[Requirement]:
    """pyproject's dependencies and every extra's, the project's own
    self-references (``mathreel[voice,...]``) left out: all extras are in."""
    project = tomllib.loads(pyproject.read_text())["project"]
    own = canonicalize_name(project["name"])
    groups = [project.get("dependencies", [])] + list(project.get("optional-dependencies", {}).values())
    return [r for group in groups for r in map(Requirement, group)
            if canonicalize_name(r.name) != own]


def closure(requirements: list[Requirement]) -> dict[str, str]:
    """{canonical name: installed version} of the requirements and what they
    require in turn (markers evaluated here, with the extras asked for)."""
    found: dict[str, str] = {}
    todo = [(r, "") for r in requirements]
    seen_extras: set[tuple[str, str]] = set()
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        try:
            dist = metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            raise SystemExit(f"{requirement.name} is required but not installed in this venv; "
                             "install the project first (make setup)") from None
        for wanted in [""] + sorted(requirement.extras):
            if (name, wanted) in seen_extras:
                continue
            seen_extras.add((name, wanted))
            todo += [(Requirement(r), wanted) for r in dist.requires or []]
        found[name] = dist.version
    return found


def render(pinned: dict[str, str]) -> str:
    return HEADER + "".join(f"{name}=={version}\n" for name, version in sorted(pinned.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="only say whether constraints.txt matches the venv")
    args = parser.parse_args(argv)
    text = render(closure(top_requirements(ROOT / "pyproject.toml")))
    target = ROOT / "constraints.txt"
    if args.check:
        same = target.is_file() and target.read_text() == text
        print("constraints.txt matches this venv" if same else
              "constraints.txt differs from this venv: run scripts/freeze_constraints.py")
        return 0 if same else 1
    target.write_text(text)
    print(f"{target}: {text.count(chr(10)) - HEADER.count(chr(10))} pinned distributions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
