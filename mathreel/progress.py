"""What a person sees while rendering.

On a terminal: a live table with one line per job (cached, queued, probing,
rendering with frames and frame rate, done, failed) under an overall bar with
an ETA. Elsewhere (a pipe, CI, ``--quiet``): one plain line per event.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass

STATES = ("cached", "queued", "probing", "rendering", "joining", "done", "failed")


@dataclass
class JobLine:
    name: str
    quality: str
    state: str = "queued"
    detail: str = ""
    frames: int = 0
    rate: float = 0.0
    chunks: int = 1
    estimate: float = 1.0
    fraction: float = 0.0  # of this job's work, while rendering


def _short(text: str, width: int = 70) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


class Reporter:
    """What the engine tells as it renders: jobs added and their states,
    frames, remarks about the run. This base keeps the state and shows
    nothing; subclasses show it. Made once (:func:`make_reporter`) by whoever
    starts the renders, passed down, and closed by its maker (a context
    manager: ``with make_reporter(...) as reporter``)."""

    def __init__(self):
        self.lines: dict[str, JobLine] = {}
        self.notes: list[str] = []
        self.started = time.monotonic()

    def add(self, key: str, name: str, quality: str, state: str, estimate: float = 1.0,
            detail: str = "") -> None:
        self.lines[key] = JobLine(name, quality, state, detail, estimate=estimate)
        self.event(key)

    def set(self, key: str, state: str, detail: str = "", **fields) -> None:
        line = self.lines[key]
        changed = state != line.state or (detail and detail != line.detail)
        line.state, line.detail = state, detail or line.detail
        for name, value in fields.items():
            setattr(line, name, value)
        if changed:
            self.event(key)

    def frames(self, key: str, frames: int, rate: float, fraction: float) -> None:
        line = self.lines[key]
        line.frames, line.rate, line.fraction = frames, rate, min(fraction, 0.99)

    def overall(self) -> tuple[float, float | None]:
        """(fraction done, seconds left or None) over the jobs to render."""
        todo = [l for l in self.lines.values() if l.state != "cached"]
        total = sum(l.estimate for l in todo) or 1.0
        done = sum(l.estimate * (1.0 if l.state in ("done", "failed") else l.fraction)
                   for l in todo)
        fraction = done / total
        elapsed = time.monotonic() - self.started
        eta = elapsed * (1 - fraction) / fraction if fraction > 0.02 else None
        return fraction, eta

    def event(self, key: str) -> None:  # a state change
        pass

    def note(self, text: str) -> None:
        """A remark about the whole run (e.g. fewer processes than asked for)."""
        self.notes.append(text)

    def refresh(self) -> None:  # called a few times a second
        pass

    def close(self) -> None:
        """End the display (a second call does nothing)."""

    def __enter__(self) -> Reporter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class PlainReporter(Reporter):
    """One line per state change, for logs and pipes."""

    def __init__(self, stream=None, *, quiet: bool = False):
        super().__init__()
        self.stream = stream or sys.stderr
        self.quiet = quiet

    def event(self, key: str) -> None:
        line = self.lines[key]
        if self.quiet and line.state not in ("failed",):
            return
        if line.state in ("queued",):
            return
        detail = f"  {_short(line.detail, 200)}" if line.detail else ""
        print(f"{line.state:<9} {line.name} [{line.quality}]{detail}", file=self.stream, flush=True)

    def note(self, text: str) -> None:
        super().note(text)
        if not self.quiet:
            print(f"note: {text}", file=self.stream, flush=True)


class NullReporter(Reporter):
    """Shows nothing (the engine's default)."""


class RichReporter(Reporter):
    """The live display."""

    STYLE = {"cached": "dim", "queued": "dim", "probing": "cyan", "rendering": "yellow",
             "joining": "cyan", "done": "green", "failed": "bold red"}

    def __init__(self, console=None):
        super().__init__()
        from rich.console import Console
        from rich.live import Live

        self.console = console or Console(stderr=True)
        self.live = Live(self._render(), console=self.console, refresh_per_second=4,
                         transient=False)
        self.live.start()

    def _render(self):
        from rich.console import Group
        from rich.progress_bar import ProgressBar
        from rich.table import Table

        table = Table.grid(padding=(0, 2))
        for _ in range(4):
            table.add_column()
        for line in self.lines.values():
            style = self.STYLE.get(line.state, "")
            if line.state == "rendering":
                chunks = f" in {line.chunks} chunks" if line.chunks > 1 else ""
                info = f"{line.frames} frames, {line.rate:.0f} fps{chunks}"
            else:
                info = _short(line.detail, 80)
            table.add_row(f"[{style}]{line.state}[/]", line.name, line.quality, info)
        fraction, eta = self.overall()
        counts = {s: sum(1 for l in self.lines.values() if l.state == s) for s in STATES}
        summary = Table.grid(padding=(0, 2))
        summary.add_row(ProgressBar(total=1.0, completed=fraction, width=40),
                        f"{fraction:4.0%}",
                        f"ETA {eta:4.0f} s" if eta is not None else "ETA  ...",
                        " ".join(f"{n} {s}" for s, n in counts.items() if n))
        return Group(table, summary)

    def event(self, key: str) -> None:
        if hasattr(self, "live"):
            self.live.update(self._render())

    def refresh(self) -> None:
        self.live.update(self._render())

    def note(self, text: str) -> None:
        super().note(text)
        self.console.print(f"note: {text}", markup=False, highlight=False)

    def close(self) -> None:
        if self.live.is_started:
            self.live.update(self._render())
            self.live.stop()


def make_reporter(progress: str | None, *, quiet: bool = False) -> Reporter:
    """The reporter a command's flags ask for. ``progress``: "rich",
    "plain", "none", or "auto" (rich on a terminal, plain otherwise);
    ``quiet``: failures only (plain)."""
    progress = progress or "auto"
    if progress == "none":
        return NullReporter()
    if progress == "auto":
        progress = "rich" if sys.stderr.isatty() and not quiet else "plain"
    if progress == "rich":
        return RichReporter()
    return PlainReporter(quiet=quiet)
