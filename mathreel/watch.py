"""``mathreel preview TARGET --watch``: render again on every save.

Every change under the project's source folders (``scenes/``, ``scenekit/``,
``mathcore/``, ``mathreel/``, ``curriculum.toml``, and the folder of a scene file outside the
project) triggers a pass of the render engine over the target's scenes. The
scene-level cache decides what the change affects: a scene whose content hash
did not change is not rendered again. Each pass prints the path of every
output that was rendered anew.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from .progress import PlainReporter
from .project import Quality
from .render import RenderJob, RenderResult, render_many

WATCHED = ("scenes", "scenekit", "mathcore", "mathreel", "curriculum.toml", "narration")


def watched_paths(root: Path, scenes) -> list[Path]:
    paths = [root / name for name in WATCHED if (root / name).exists()]
    for scene in scenes:
        folder = Path(scene.path).resolve().parent
        if not any(folder == p or p in folder.parents for p in paths if p.is_dir()):
            paths.append(folder)
    return list(dict.fromkeys(paths))


def _is_source(change) -> bool:
    path = str(change[1])
    return path.endswith((".py", ".toml", ".wav", ".flac", ".mp3", ".m4a", ".ogg")) \
        and "__pycache__" not in path


def render_pass(root: Path, scenes, quality: Quality, mode: str, echo: Callable[[str], None],
                **kwargs) -> list[RenderResult]:
    jobs = [RenderJob(scene, quality, mode) for scene in scenes]
    reporter = kwargs.pop("reporter", None) or PlainReporter()  # a line per event: one pass of many
    results = render_many(root, jobs, reporter=reporter, **kwargs)
    for result in results:
        if not result.ok:
            echo(f"Error: scene {result.job.scene.name} failed: {result.error}")
        elif not result.cached:
            echo(str(result.output))
    return results


def watch_and_render(root: Path, resolve: Callable[[], list], quality: Quality, mode: str, *,
                     echo: Callable[[str], None] = print, stop_event: threading.Event | None = None,
                     on_pass: Callable[[list[RenderResult]], None] | None = None,
                     debounce_ms: int = 300, **kwargs) -> None:
    """Render the target now, then again after each save, until interrupted
    (or ``stop_event`` is set). ``resolve()`` returns the target's scenes (it
    is called on every pass, so a scene added to the curriculum is picked
    up); a resolve error is printed and waited out."""
    import watchfiles

    def one_pass() -> None:
        try:
            scenes = resolve()
        except Exception as exc:  # noqa: BLE001 - e.g. a half-saved curriculum.toml
            echo(f"Error: {getattr(exc, 'message', None) or exc}")
            return
        results = render_pass(root, scenes, quality, mode, echo, **kwargs)
        if on_pass is not None:
            on_pass(results)

    one_pass()
    try:
        scenes = resolve()
    except Exception:  # noqa: BLE001
        scenes = []
    echo(f"watching {', '.join(str(p) for p in watched_paths(root, scenes))} (Ctrl-C to stop)")
    for changes in watchfiles.watch(*watched_paths(root, scenes), stop_event=stop_event,
                                    debounce=debounce_ms, step=50, rust_timeout=500,
                                    yield_on_timeout=False, raise_interrupt=False):
        if any(_is_source(change) for change in changes):
            one_pass()
