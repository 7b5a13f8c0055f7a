"""What crosses the process boundary between the engine and the runner.

The engine (:mod:`mathreel.render`) asks a runner process
(:mod:`mathreel.runner`) for one render with a :class:`RunnerTask`; the
runner answers with a :class:`RunnerResult`. Both travel as JSON: written
with :func:`dataclasses.asdict`, read back with :func:`task_from_dict` and
:func:`result_from_dict`. :class:`RenderStats` is what a render's cache record
keeps for the next run (the ``stats`` of :func:`mathreel.cache.write_record`).

This module imports nothing heavy: the runner's zygote imports it before Manim.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

Caption = tuple[float, float, str]  # (start, end, text), seconds


@dataclass(frozen=True)
class RunnerTask:
    """One render for the runner: which scene, how, and where to write.

    ``from_animation``/``upto_animation`` are Manim's ``-n START,END`` (None:
    not set). The paths (``media_dir``, ``result_path``, ``progress_path``,
    ``tex_dir``, ``text_dir``) are filled in by the executor that runs it
    (:meth:`placed`)."""

    file: str
    scene: str
    file_rel: str  # the scene file inside the project (a Dask worker's mirror)
    manim_quality: str
    mode: str  # video | frame | dry-run | check
    encoder_options: dict[str, str] = field(default_factory=dict)
    from_animation: int | None = None
    upto_animation: int | None = None
    media_dir: str = ""
    result_path: str = ""
    progress_path: str | None = None
    progress_bar: str = "display"
    tex_dir: str | None = None
    text_dir: str | None = None

    def placed(self, **paths) -> RunnerTask:
        """This task with its paths (and ``progress_bar``) filled in."""
        return replace(self, **paths)


@dataclass(frozen=True)
class RunnerResult:
    """What a runner reports: the files it produced (inside its work folder)
    or the error, and what it observed for next time (see
    :class:`mathreel.runner.Observer`)."""

    ok: bool
    error: str | None = None
    traceback: str | None = None
    duration: float = 0.0  # the scene's clock at its end (seconds)
    outputs: dict[str, str] = field(default_factory=dict)  # kind -> path
    captions: list[Caption] = field(default_factory=list)  # every subcaption added
    play_times: list[float] = field(default_factory=list)  # each play's length
    play_starts: list[float] = field(default_factory=list)  # scene time at each play
    play_frames: list[int] = field(default_factory=list)  # frames each play wrote
    frames: int = 0
    time_based_updaters: bool = False
    sound: bool = False
    chunk_hazards: list[str] = field(default_factory=list)
    beats: list[dict] | None = None  # a narrated scene's timing plan
    problems: list[str] = field(default_factory=list)  # check mode: layout problems
    animation_ends: list[float] = field(default_factory=list)  # check mode


@dataclass
class RenderStats:
    """What a job's last render taught: its cost, length and animations, and
    whether it may be chunked. ``play_times`` and ``chunk_hazards`` are None
    when never observed (under this cache key, for the hazards)."""

    seconds: float = 0.0
    cpu: float = 0.0
    maxrss_kb: int = 0
    duration: float = 0.0
    encoder: str = ""
    chunks: int = 1
    frames: int = 0
    play_times: list[float] | None = None
    time_based_updaters: bool = False
    sound: bool = False
    chunk_hazards: list[str] | None = None


def _known(cls, data: dict) -> dict:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def task_from_dict(data: dict) -> RunnerTask:
    """The :class:`RunnerTask` that ``asdict`` turned into ``data``."""
    return RunnerTask(**data)


def result_from_dict(data: dict) -> RunnerResult:
    """The :class:`RunnerResult` that ``asdict`` turned into ``data``."""
    known = _known(RunnerResult, data)
    known["captions"] = [tuple(c) for c in known.get("captions") or []]
    return RunnerResult(**known)


def stats_from_dict(data: dict | None) -> RenderStats:
    """A cache record's ``stats`` (missing entries take their defaults, so
    a record written by an older engine still reads)."""
    return RenderStats(**_known(RenderStats, data or {}))
