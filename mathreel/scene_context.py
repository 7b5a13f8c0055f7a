"""What a scene learns from the run that renders it: the project root and the
narration voice, through one explicit API.

The CLI and the render engine choose them (``--project``, ``--voice``) and
call :func:`use`; a scene, or the narration services it calls, asks
:func:`current`. The values travel to render processes in two environment
variables (``$MATHREEL_ROOT``, ``$MATHREEL_VOICE``), which this module alone
reads and writes, so a plain ``manim -ql scenes/lNN_x/scenes.py Scene`` gets
the defaults: the nearest project upwards and the default voice.

This module imports nothing of the project: the scene kit and the pipeline
may both import it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT_ENV = "MATHREEL_ROOT"  # the project root, for every process mathreel starts
VOICE_ENV = "MATHREEL_VOICE"  # the narration voice (mathreel.voice.VOICES)
DEFAULT_VOICE = "piper"
CURRICULUM_FILE = "curriculum.toml"
#: Manim's ``-n START`` past every animation: a run that draws nothing (a layout check)
SKIP_EVERY_ANIMATION = 10**9
TITLES_DIR = ".titles"  # media/.titles/<Scene>.json: a title card's number and title


@dataclass(frozen=True)
class SceneContext:
    """The project a scene belongs to and the voice that narrates it.

    ``voice`` is as given (lower-cased); :func:`mathreel.voice.current_voice`
    checks it against the voices that exist. ``None`` leaves a value to the
    environment's choice in :func:`use`."""

    root: Path | None = None
    voice: str | None = None


def find_root(start: Path | None = None) -> Path:
    """The project root: ``$MATHREEL_ROOT``, else the nearest folder upwards
    from ``start`` (default: the working directory) holding curriculum.toml,
    else the checkout this package was installed from (an editable install),
    else ``start`` itself: an installed package holds no curriculum, so
    loading then fails with a message naming ``--project DIR``. A
    curriculum.toml that is not a file still marks the root (loading it then
    says what is wrong), rather than silently using another checkout."""
    env = os.environ.get(ROOT_ENV)
    if env:
        return Path(env).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if os.path.lexists(folder / CURRICULUM_FILE):
            return folder
    checkout = Path(__file__).resolve().parent.parent
    return checkout if (checkout / CURRICULUM_FILE).is_file() else here


def current() -> SceneContext:
    """The context of this process: the root (:func:`find_root`) and the
    voice (``$MATHREEL_VOICE``, default ``piper``)."""
    voice = os.environ.get(VOICE_ENV, DEFAULT_VOICE).strip().lower() or DEFAULT_VOICE
    return SceneContext(root=find_root(), voice=voice)


@contextlib.contextmanager
def use(context: SceneContext) -> Iterator[None]:
    """Within the block, :func:`current` answers ``context`` (its fields that
    are not None), here and in every render process started, which inherit
    the environment; the caller's environment is restored after."""
    values = {ROOT_ENV: None if context.root is None else str(Path(context.root).expanduser().resolve()),
              VOICE_ENV: context.voice}
    with contextlib.ExitStack() as stack:
        for name, value in values.items():
            if value is not None:
                stack.enter_context(_environment(name, value))
        yield


@contextlib.contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


def title_data_file(root: Path, scene: str) -> Path:
    """Where a lesson's title card scene ``scene`` (``Lesson07Title``) finds
    its number and title: ``media/.titles/<scene>.json``, written by the
    pipeline, read by :mod:`scenekit.title_card`."""
    return Path(root) / "media" / TITLES_DIR / f"{scene}.json"
