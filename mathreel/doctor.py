"""Check the tools a render needs, and say how to install what is missing."""

from __future__ import annotations

import importlib.metadata
import shutil
import subprocess
from dataclasses import dataclass

SETUP_HINT = "or run `make setup`"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str  # the version found, or how to install it
    required: bool = True


def _first_line(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    text = (out.stdout or out.stderr).strip()
    return text.splitlines()[0] if text else ""


def _tool(name: str, version_cmd: list[str], package: str, required: bool = True) -> Check:
    if shutil.which(version_cmd[0]) is None:
        return Check(name, False, f"not found; install: sudo apt-get install {package} ({SETUP_HINT})",
                     required)
    return Check(name, True, _first_line(version_cmd) or "found", required)


def _latex_packages() -> Check:
    """Manim's default template needs the standalone class and preview."""
    if shutil.which("kpsewhich") is None:
        return Check("LaTeX packages", False, "kpsewhich not found (no TeX installation)")
    missing = [f for f in ("standalone.cls", "preview.sty", "amsmath.sty", "babel.sty")
               if not _first_line(["kpsewhich", f])]
    if missing:
        return Check("LaTeX packages", False,
                     f"missing {', '.join(missing)}; install: sudo apt-get install "
                     f"texlive-latex-extra texlive-latex-recommended ({SETUP_HINT})")
    return Check("LaTeX packages", True, "standalone, preview, amsmath, babel")


def _cairo_pango() -> Check:
    if shutil.which("pkg-config") is None:
        return Check("Cairo/Pango", False,
                     f"pkg-config not found; install: sudo apt-get install pkg-config "
                     f"libcairo2-dev libpango1.0-dev ({SETUP_HINT})")
    versions = [_first_line(["pkg-config", "--modversion", lib]) for lib in ("cairo", "pangocairo")]
    if not all(versions):
        return Check("Cairo/Pango", False,
                     f"headers not found; install: sudo apt-get install libcairo2-dev "
                     f"libpango1.0-dev ({SETUP_HINT})")
    return Check("Cairo/Pango", True, f"cairo {versions[0]}, pango {versions[1]}")


def _python_package(name: str) -> Check:
    try:
        return Check(name, True, importlib.metadata.version(name))
    except importlib.metadata.PackageNotFoundError:
        return Check(name, False, f"not installed; install: pip install -e . ({SETUP_HINT})")


def run_checks() -> list[Check]:
    return [
        _tool("ffmpeg", ["ffmpeg", "-version"], "ffmpeg"),
        _tool("ffprobe", ["ffprobe", "-version"], "ffmpeg"),
        _tool("latex", ["latex", "--version"], "texlive-latex-base"),
        _tool("dvisvgm", ["dvisvgm", "--version"], "dvisvgm"),
        _latex_packages(),
        _cairo_pango(),
        _python_package("manim"),
        _tool("espeak-ng (draft voice)", ["espeak-ng", "--version"], "espeak-ng", required=False),
    ]
