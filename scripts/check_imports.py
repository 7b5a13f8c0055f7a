"""List the third-party imports of mathcore, mathreel, scenekit and scenes, and check
that each is declared in the right dependency group of pyproject.toml.

    python scripts/check_imports.py            # a table; exit 1 on a problem
    python scripts/check_imports.py --root DIR # another checkout

The rule: what only an optional command uses belongs to that command's extra
(:data:`EXTRA_OF`: Dask for ``--scheduler``, the Google clients for
``publish youtube --upload/--login``) and must be imported where it is used
(inside a function or an ``except ImportError`` guard), so that mathreel
installed without the extra still imports; everything else (the lessons,
mathcore, the render path) belongs to ``[project] dependencies``. ``dev`` is
not a runtime group. The ``voice`` extra has no import: piper runs as its
own process. Modules map to distributions through the installed metadata
(run it in the project's venv); a module that no installed distribution
provides is a problem too.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import tomllib
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

PACKAGES = ("mathcore", "mathreel", "scenekit", "scenes")
#: top-level module -> the extra it belongs to; any other import is core
EXTRA_OF = {
    "dask": "dask", "distributed": "dask",
    "google": "youtube", "googleapiclient": "youtube", "google_auth_httplib2": "youtube",
    "google_auth_oauthlib": "youtube", "httplib2": "youtube",
}


@dataclass
class Use:
    module: str  # dotted, as imported
    eager: bool  # runs when the importing module is imported
    where: list[str] = field(default_factory=list)


def _guarded(node: ast.Try) -> bool:
    names = []
    for handler in node.handlers:
        kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        names += [k.id for k in kinds if isinstance(k, ast.Name)]
    return bool({"ImportError", "ModuleNotFoundError"} & set(names))


def imports_of(path: Path) -> list[tuple[str, bool, int]]:
    """(dotted module, eager, line) for each absolute import in ``path``."""
    found: list[tuple[str, bool, int]] = []

    def visit(node: ast.AST, eager: bool) -> None:
        if isinstance(node, ast.Import):
            found.extend((a.name, eager, node.lineno) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module:
                found.append((node.module, eager, node.lineno))
        elif isinstance(node, ast.If) and _type_checking(node.test):
            for part in node.orelse:
                visit(part, eager)
        elif isinstance(node, ast.Try) and _guarded(node):
            for part in node.body:
                visit(part, False)
            for part in (*node.handlers, *node.orelse, *node.finalbody):
                visit(part, eager)
        else:
            lazy = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            for child in ast.iter_child_nodes(node):
                visit(child, eager and not lazy)

    visit(ast.parse(path.read_bytes(), filename=str(path)), True)
    return found


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def third_party_uses(root: Path) -> dict[str, Use]:
    """Imports of the packages that are neither the standard library nor the
    project itself (its packages)."""
    own = set(PACKAGES)
    uses: dict[str, Use] = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            for module, eager, line in imports_of(path):
                top = module.split(".")[0]
                if top in sys.stdlib_module_names or top in own or top == "__future__":
                    continue
                use = uses.setdefault(module, Use(module, False))
                use.eager |= eager
                use.where.append(f"{path.relative_to(root)}:{line}")
    return uses


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement.strip(), maxsplit=1)[0]


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_groups(pyproject: Path) -> dict[str, set[str]]:
    """Canonical distribution names per group: ``core`` and each extra,
    with ``mathreel[a,b]`` references expanded."""
    project = tomllib.loads(pyproject.read_text())["project"]
    own = canonical(project["name"])
    raw = {"core": project.get("dependencies", []), **project.get("optional-dependencies", {})}

    def expand(group: str, seen: frozenset = frozenset()) -> set[str]:
        names = set()
        for requirement in raw.get(group, []):
            if canonical(_name(requirement)) == own:
                extras = re.search(r"\[(.*?)\]", requirement).group(1).split(",")
                for extra in extras:
                    if extra.strip() not in seen:
                        names |= expand(extra.strip(), seen | {group})
            else:
                names.add(canonical(_name(requirement)))
        return names

    return {group: expand(group) for group in raw}


def distribution_of(module: str, providers: dict[str, list[str]]) -> str | None:
    """The installed distribution that provides ``module`` (for a namespace
    package such as ``google``, the one whose files hold the subpackage)."""
    parts = module.split(".")
    candidates = sorted(set(providers.get(parts[0], [])))
    if len(candidates) > 1 and len(parts) > 1:
        for depth in range(len(parts), 1, -1):
            stem = "/".join(parts[:depth])
            owners = [c for c in candidates
                      if any(str(f).startswith((stem + "/", stem + ".py"))
                             for f in (metadata.distribution(c).files or []))]
            if len(owners) == 1:
                return owners[0]
    return candidates[0] if len(candidates) == 1 else None


def check(root: Path) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    """(rows of module, distribution, group, where; problems)."""
    groups = declared_groups(root / "pyproject.toml")
    providers = metadata.packages_distributions()
    rows, problems = [], []
    for module, use in sorted(third_party_uses(root).items()):
        dist = distribution_of(module, providers)
        where = use.where[0] + (f" (+{len(use.where) - 1})" if len(use.where) > 1 else "")
        if dist is None:
            problems.append(f"{module} ({where}): no installed distribution provides it")
            rows.append((module, "?", "?", where))
            continue
        group = EXTRA_OF.get(module.split(".")[0], "core")
        declared = canonical(dist) in groups.get(group, set())
        rows.append((module, dist, group if declared else f"not in {group}", where))
        if not declared:
            home = "[project] dependencies" if group == "core" else f"the '{group}' extra"
            problems.append(f"{module} ({where}): declare {dist} in {home}")
        if group != "core" and use.eager:
            problems.append(f"{module} ({where}): imported when its module loads, so mathreel "
                            f"without the '{group}' extra fails; import it where it is used")
    return rows, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args(argv)
    rows, problems = check(args.root)
    width = max(len(r[0]) for r in rows) if rows else 10
    for module, dist, group, where in rows:
        print(f"{module:<{width}}  {dist:<26} {group:<10} {where}")
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
