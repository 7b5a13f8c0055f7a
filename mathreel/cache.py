"""Scene-level cache: a render job's key is a hash of everything its output
depends on; a job whose key matches its record skips Manim entirely.

The key of a job (scene, quality, mode) hashes, in a fixed order:

* the engine's version and Manim's version,
* the mode, the quality preset (size, frame rate) and the encoder options,
* the scene's class name, its curriculum entry (title, lesson) and its
  source: the scene file without the *other* scene classes (so editing one
  scene of a lesson module re-renders that scene alone), see
  :func:`scene_source_digest`,
* every *project* module the scene file imports, transitively, found by
  reading imports with :mod:`ast` (no import is executed): the packages
  ``mathcore``, ``mathreel`` and ``scenekit`` under the project root (the
  scene kit also where it is installed, for a project without its own copy)
  and the plain modules beside the scene file. Third-party modules are
  covered by the Manim version; others are not.
* for a practice card (a class deriving from ``TryItScene``), the
  ``exercises.py`` in the lesson's folder, which the card loads by path (no
  import line names it); the lesson's other scenes do not show exercises, so
  editing them leaves their keys alone.
* "extra inputs": the narration voice's fingerprint (the voice, its engine's
  model hash, version and settings: speech sets every beat's length, so a
  silent render depends on it too), recordings under ``narration/`` that
  name the scene (both only for a scene that imports ``mathreel.voice``,
  the only way to narrate: see :func:`speaks`), and whatever a caller adds.

A record ``media/.cache/<quality>/<mode>/<Scene>.json`` stores the key, the
outputs' sizes and mtimes (the cheap check that they were not replaced) and
the last render's statistics (wall time, CPU, peak memory, animation count
and per-animation durations), which the scheduler uses as its estimates even
when the key no longer matches. Records are written to a temporary name and
renamed, after the outputs are in place: a render killed at any point leaves
either the old record (a miss for the new key) or none.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from . import filestate
from .atomic import write_json
from .filestate import file_digest, sha256_file, stamp_or_none
from .project import cache_dir, range_suffix, render_record

ENGINE_VERSION = "mathreel-render-2"
PROJECT_PACKAGES = ("mathcore", "mathreel", "scenekit")
KIT_PACKAGE = "scenekit"  # followed where installed when the project has no copy
PRACTICE_BASE = "TryItScene"  # scenekit.practice's card: it shows the folder's exercises
EXERCISES_FILE = "exercises.py"
NARRATION_DIR = "narration"


# --------------------------------------------------------------------------- hashing

@lru_cache(maxsize=1)
def manim_version() -> str:
    try:
        return metadata.version("manim")
    except metadata.PackageNotFoundError:  # pragma: no cover - manim is a dependency
        return "unknown"


class Memo:
    """Results derived from a file's text (its project imports, a scene's
    source digest), remembered across runs under ``media/.cache/memo.json``
    and trusted while the file's size and mtime are unchanged: the cheap
    signal before the expensive one, so a no-op run parses nothing."""

    def __init__(self, path: Path | None):
        self.path = path
        self.data: dict[str, dict] = {}
        self.dirty = False
        if path is not None:
            try:
                self.data = json.loads(path.read_text())
            except (OSError, ValueError):
                self.data = {}

    stamp = staticmethod(filestate.stamp)

    def get(self, kind: str, key: str, stamp: list[int]):
        entry = self.data.get(kind, {}).get(key)
        return entry[1] if entry and entry[0] == stamp else None

    def put(self, kind: str, key: str, stamp: list[int], value) -> None:
        self.data.setdefault(kind, {})[key] = [stamp, value]
        self.dirty = True

    def save(self) -> None:
        if self.dirty and self.path is not None:
            try:
                write_json(self.path, self.data)
                self.dirty = False
            except OSError:
                pass


# --------------------------------------------------------------------------- import graph

def _module_file(base: Path, dotted: list[str]) -> Path | None:
    """``base/a/b.py`` or ``base/a/b/__init__.py`` for dotted ``[a, b]``."""
    target = base.joinpath(*dotted)
    if target.with_suffix(".py").is_file():
        return target.with_suffix(".py")
    if (target / "__init__.py").is_file():
        return target / "__init__.py"
    return None


def _installed_package_parent(name: str) -> Path | None:
    """The folder holding the installed package ``name`` (found, not imported), else None."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not spec.origin.endswith("__init__.py"):
        return None
    return Path(spec.origin).resolve().parent.parent


def kit_file(root: Path, name: str) -> Path | None:
    """``scenekit/<name>`` of the project, else of the installed scene kit
    (found, not imported), else None."""
    base = root if (root / KIT_PACKAGE / "__init__.py").is_file() else _installed_package_parent(KIT_PACKAGE)
    return None if base is None else (base / KIT_PACKAGE / name).resolve()


class ImportResolver:
    """Resolves the imports of project files to project files, within ``root``."""

    def __init__(self, root: Path, memo: Memo | None = None):
        self.root = root.resolve()
        self.memo = memo if memo is not None else Memo(cache_dir(self.root) / "memo.json")
        # package name -> the folder it lives in (the root, or the installed kit's parent)
        self.packages = {name: self.root for name in PROJECT_PACKAGES
                         if (self.root / name / "__init__.py").is_file()}
        if KIT_PACKAGE not in self.packages:
            installed = _installed_package_parent(KIT_PACKAGE)
            if installed is not None:
                self.packages[KIT_PACKAGE] = installed
        self._direct: dict[Path, tuple[Path, ...]] = {}

    @staticmethod
    def _plain_module(name: str, near: Path) -> Path | None:
        candidate = near.parent / f"{name}.py"
        return candidate.resolve() if candidate.is_file() else None

    def _absolute(self, dotted: list[str], near: Path, names: list[str]) -> list[Path]:
        """Files executed by ``import a.b.c`` / ``from a.b.c import names``."""
        found: list[Path] = []
        top = dotted[0]
        if top in self.packages:
            base = self.packages[top]
            for depth in range(1, len(dotted) + 1):
                file = _module_file(base, dotted[:depth])
                if file is not None:
                    found.append(file.resolve())
            for name in names:  # ``from pkg import submodule``
                file = _module_file(base, [*dotted, name])
                if file is not None:
                    found.append(file.resolve())
        elif len(dotted) == 1:
            file = self._plain_module(top, near)
            if file is not None:
                found.append(file)
        return found

    def _relative(self, file: Path, level: int, module: str | None, names: list[str]) -> list[Path]:
        package = file.parent
        for _ in range(level - 1):
            package = package.parent
        try:
            relative = package.resolve().relative_to(self.root)
        except ValueError:
            return []
        dotted = [*relative.parts, *(module.split(".") if module else [])]
        if not dotted or dotted[0] not in self.packages:
            return []
        return self._absolute(dotted, file, names)

    def direct_imports(self, file: Path) -> tuple[Path, ...]:
        """Project files that ``file`` imports directly (in any scope)."""
        file = file.resolve()
        if file in self._direct:
            return self._direct[file]
        try:
            stamp = Memo.stamp(file)
        except OSError:
            self._direct[file] = ()
            return ()
        remembered = self.memo.get("imports", str(file), stamp)
        if remembered is not None:
            self._direct[file] = tuple(Path(p) for p in remembered)
            return self._direct[file]
        found = self._parse_imports(file)
        self.memo.put("imports", str(file), stamp, [str(p) for p in found])
        self._direct[file] = found
        return found

    def _parse_imports(self, file: Path) -> tuple[Path, ...]:
        try:
            tree = ast.parse(file.read_bytes(), filename=str(file))
        except (SyntaxError, ValueError, OSError):
            return ()
        found: list[Path] = []
        aliases: dict[str, list[str]] = {}  # local name -> dotted package path
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    dotted = alias.name.split(".")
                    found += self._absolute(dotted, file, [])
                    if alias.asname:
                        aliases[alias.asname] = dotted
                    else:
                        aliases[dotted[0]] = dotted[:1]
            elif isinstance(node, ast.ImportFrom):
                names = [a.name for a in node.names]
                if node.level:
                    found += self._relative(file, node.level, node.module, names)
                elif node.module:
                    found += self._absolute(node.module.split("."), file, names)
                    for a in node.names:
                        if a.name != "*":
                            aliases.setdefault(a.asname or a.name, [*node.module.split("."), a.name])
        # Lazily loaded submodules: ``import mathcore`` then ``mathcore.linalg.f()``.
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                chain: list[str] = []
                current: ast.AST = node
                while isinstance(current, ast.Attribute):
                    chain.append(current.attr)
                    current = current.value
                if isinstance(current, ast.Name) and current.id in aliases:
                    dotted = aliases[current.id]
                    if dotted[0] in self.packages:
                        sub = _module_file(self.packages[dotted[0]], [*dotted, chain[-1]])
                        if sub is not None:
                            found.append(sub.resolve())
        return tuple(dict.fromkeys(p for p in found if p != file))

    def closure(self, file: Path) -> list[Path]:
        """Every project file ``file`` imports, transitively, sorted."""
        file = file.resolve()
        seen: set[Path] = set()
        stack = [file]
        while stack:
            current = stack.pop()
            for dep in self.direct_imports(current):
                if dep not in seen and dep != file:
                    seen.add(dep)
                    stack.append(dep)
        return sorted(seen)


# --------------------------------------------------------------------------- scene source

@lru_cache(maxsize=128)
def _parsed(path: str, size: int, mtime_ns: int):
    """(source lines, top-level statements, classes by name) of a file, or None."""
    source = Path(path).read_text(encoding="utf-8", errors="replace")
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source.splitlines(keepends=True), None, None
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    names = {id(node): {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
             for node in tree.body}
    return source.splitlines(keepends=True), tree.body, (classes, names)


def _node_text(lines: list[str], node: ast.AST) -> str:
    first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    return "".join(lines[first - 1:node.end_lineno])


@lru_cache(maxsize=1024)
def _scene_source(path: str, size: int, mtime_ns: int, scene_name: str) -> str:
    lines, body, index = _parsed(path, size, mtime_ns)
    if body is None or scene_name not in index[0]:
        return hashlib.sha256("".join(lines).encode()).hexdigest()
    classes, names = index
    included = [n for n in body if not isinstance(n, ast.ClassDef)] + [classes[scene_name]]
    names_done: set[str] = {scene_name}
    frontier = list(included)
    while frontier:
        node = frontier.pop()
        for name in names[id(node)]:
            if name in classes and name not in names_done:
                names_done.add(name)
                included.append(classes[name])
                frontier.append(classes[name])
    included.sort(key=lambda n: n.lineno)
    digest = hashlib.sha256()
    for node in included:
        digest.update(_node_text(lines, node).encode())
        digest.update(b"\0")
    return digest.hexdigest()


def scene_source_digest(path: Path, scene_name: str, memo: Memo | None = None) -> str:
    """Hash of the part of a scene file that can change this scene: all
    module-level code except the *other* classes, plus the classes this one
    uses by name (its bases, helpers), transitively. Editing one scene of a
    lesson module leaves its sibling scenes' keys alone."""
    stamp = filestate.stamp(path)
    key = f"{Path(path).resolve()}::{scene_name}"
    if memo is not None:
        remembered = memo.get("scene_source", key, stamp)
        if remembered is not None:
            return remembered
    digest = _scene_source(str(path), *stamp, scene_name)
    if memo is not None:
        memo.put("scene_source", key, stamp, digest)
    return digest


def shows_exercises(path: Path, scene_name: str) -> bool:
    """Does class ``scene_name`` derive from ``TryItScene`` (directly or
    through classes of its own file)? Read from the source, not imported."""
    stat = Path(path).stat()
    _, body, index = _parsed(str(path), stat.st_size, stat.st_mtime_ns)
    if body is None:
        return True  # unreadable: the card may be in it
    classes = index[0]
    pending, seen = [scene_name], set()
    while pending:
        node = classes.get(pending.pop())
        if node is None or node.name in seen:
            continue
        seen.add(node.name)
        bases = [b.id if isinstance(b, ast.Name) else getattr(b, "attr", None) for b in node.bases]
        if PRACTICE_BASE in bases:
            return True
        pending += [b for b in bases if b]
    return False


def exercise_inputs(scene_path: Path, scene_name: str) -> list[Path]:
    """The lesson folder's ``exercises.py`` for a practice card, else nothing."""
    exercises = Path(scene_path).parent / EXERCISES_FILE
    if exercises.is_file() and shows_exercises(scene_path, scene_name):
        return [exercises]
    return []


# --------------------------------------------------------------------------- keys

def _display_path(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path.resolve())


_IMPORTS_MATHREEL = re.compile(rb"^[ \t]*(?:from|import)[ \t]+mathreel\b", re.MULTILINE)


@lru_cache(maxsize=4096)
def _imports_mathreel(path: str, size: int, mtime_ns: int) -> bool:
    try:
        return bool(_IMPORTS_MATHREEL.search(Path(path).read_bytes()))
    except OSError:
        return True  # unreadable: assume it may narrate


def speaks(root: Path, deps: list[Path], scene_file: Path | None = None) -> bool:
    """Whether a scene can narrate: only through ``mathreel`` (the
    narrated-scene base imports ``mathreel.voice``), imported by the scene
    file or one of its project imports ``deps``, whether mathreel lives in the
    project or is installed (then the resolver does not follow it, so the
    import lines themselves are read). A plain Manim scene's key leaves the
    voice out, so its render is not redone when the voice changes, and no
    command hashes the voice model for it (a 60 MB file: about 0.2 s of CPU
    per command)."""
    if (root.resolve() / "mathreel" / "voice.py") in deps:
        return True
    for file in ([scene_file] if scene_file else []) + list(deps):
        stamp = stamp_or_none(file)
        if stamp is not None and _imports_mathreel(str(file), *stamp):
            return True
    return False


def narration_inputs(root: Path, scene_name: str) -> dict[str, object]:
    """The narration's part of a scene's key: the voice's fingerprint (voice,
    the timing engine's model hash, version and settings, the recordings'
    bytes: :func:`mathreel.voice.fingerprint`) and the recordings under
    ``narration/`` whose path names the scene (shipped to Dask workers)."""
    from .voice import fingerprint

    inputs: dict[str, object] = {"voice": fingerprint(root, scene_name)}
    folder = root / NARRATION_DIR
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and scene_name in path.relative_to(folder).as_posix():
                inputs[f"narration/{path.relative_to(folder).as_posix()}"] = path
    return inputs


@dataclass
class KeyParts:
    """What went into a key, in order (kept for ``explain`` and tests)."""

    parts: list[tuple[str, str]] = field(default_factory=list)

    def add(self, name: str, value: object) -> None:
        if isinstance(value, Path):
            value = f"file:{file_digest(value)}" if value.is_file() else "missing"
        elif not isinstance(value, str):
            value = json.dumps(value, sort_keys=True, default=str)
        self.parts.append((name, value))

    def digest(self) -> str:
        h = hashlib.sha256()
        for name, value in self.parts:
            h.update(name.encode())
            h.update(b"\0")
            h.update(value.encode())
            h.update(b"\n")
        return h.hexdigest()


def job_key_parts(root: Path, job, *, encoder_options: dict | None = None,
                  extra_inputs: dict[str, object] | None = None,
                  resolver: ImportResolver | None = None) -> KeyParts:
    resolver = resolver or ImportResolver(root)
    scene, quality = job.scene, job.quality
    parts = KeyParts()
    parts.add("engine", ENGINE_VERSION)
    parts.add("manim", manim_version())
    parts.add("mode", job.mode)
    parts.add("quality", [quality.name, quality.width, quality.height, quality.fps])
    parts.add("encoder", encoder_options or {})
    parts.add("scene", scene.name)
    if job.animations is not None:  # absent otherwise: whole-scene keys unchanged
        parts.add("animations", list(job.animations))
    parts.add("entry", {"title": scene.title, "lesson": scene.lesson})
    parts.add(f"source:{_display_path(root, scene.path)}",
              scene_source_digest(Path(scene.path), scene.name, resolver.memo))
    deps = resolver.closure(Path(scene.path))
    for dep in deps:
        parts.add(f"import:{_display_path(root, dep)}", dep)
    for shown in exercise_inputs(Path(scene.path), scene.name):
        parts.add(f"exercises:{_display_path(root, shown)}", shown)
    inputs = narration_inputs(root, scene.name) if speaks(root, deps, Path(scene.path)) else {}
    inputs.update(extra_inputs or {})
    for name in sorted(inputs):
        parts.add(f"extra:{name}", inputs[name])
    return parts


def job_key(root: Path, job, **kwargs) -> str:
    """The content hash of a render job (see the module docstring)."""
    return job_key_parts(root, job, **kwargs).digest()


# --------------------------------------------------------------------------- records

def record_path(root: Path, job) -> Path:
    ranged = range_suffix(job.animations)
    return render_record(root, job.quality.name, job.mode, f"{job.scene.name}{ranged}",
                         job.scene.namespace)


def read_record(root: Path, job) -> dict | None:
    try:
        return json.loads(record_path(root, job).read_text())
    except (OSError, ValueError):
        return None


def _stamp(path: Path) -> dict:
    return dict(zip(("size", "mtime_ns"), filestate.stamp(path)))


def source_stamps(files: list[Path]) -> dict[str, list[int] | None]:
    """(size, mtime) of each file a render reads, taken before its key: if
    they differ when the render ends, a file was saved while Manim read it,
    and the output may show another version than the key names."""
    return {str(file): stamp_or_none(file) for file in files}


def is_hit(root: Path, record: dict | None, key: str) -> bool:
    """The record has this key and each output is still the file it wrote."""
    if not record or record.get("key") != key or not record.get("outputs"):
        return False
    for entry in record["outputs"].values():
        path = root / entry["path"]
        try:
            if _stamp(path) != {"size": entry["size"], "mtime_ns": entry["mtime_ns"]}:
                return False
        except OSError:
            return False
    return True


def write_record(root: Path, job, key: str | None, outputs: dict[str, Path], stats: dict) -> None:
    """Record a finished render (call after the outputs are in place);
    ``key=None`` records statistics only (never a hit). Each output's SHA-256
    is kept for the stages that check what they join (:mod:`mathreel.verify`);
    a hit itself only compares size and modification time."""
    entries = {kind: {"path": _display_path(root, path), **_stamp(path),
                      "sha256": sha256_file(path)}
               for kind, path in outputs.items()}
    write_json(record_path(root, job), {"key": key, "outputs": entries, "stats": stats})
