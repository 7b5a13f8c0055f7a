"""Render one scene in this process with Manim's Python API.

Run as ``python -m mathreel.runner JOB.json`` (a
:class:`~mathreel.contract.RunnerTask` as JSON): one process per job, so a
crashing or leaking scene cannot take the pipeline down, and Manim's global
config is never shared between scenes. The outcome, a
:class:`~mathreel.contract.RunnerResult`, is written as JSON to the task's
``result_path``: the files produced (inside the job's private work folder) or
the error, with LaTeX failures reduced to the offending formula and
LaTeX's own message, plus what the engine learns for next time: the number of
animations and each one's length (to split a scene into chunks), whether a
time-based updater or a sound was seen (such scenes are never chunked), the
number of frames written.

``python -m mathreel.runner --serve`` is a *zygote*: it imports Manim once,
then for each job path read from stdin forks a child that runs the job, and
answers one JSON line (exit code, peak memory, CPU seconds). Every job still
runs in its own process, without paying Manim's ~1.3 s import each time.

While rendering, the child writes ``frames seconds`` to the task's
``progress_path`` (about four times a second) for the live display.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
import time
import traceback
from dataclasses import asdict
from pathlib import Path

from mathreel import lifeline
from mathreel.contract import RunnerResult, RunnerTask, task_from_dict
from mathreel.scene_context import SKIP_EVERY_ANIMATION

LATEX_LOG_RE = re.compile(r"the log file: (?P<log>\S+\.log)")
SPECIAL_RE = re.compile(r"\\special\{[^{}]*\}")  # Manim's dvisvgm markers
ENVIRONMENT_RE = re.compile(r"\\(begin|end)\{(align\*|center)\}")  # Manim's wrappers


def scene_module_name(file: Path) -> str:
    """A module name unique to a scene file: every lesson's file is called
    ``scenes.py``, so it is named by its folder
    (``scenes/l07_gradient_descent/scenes.py`` ->
    ``mathreel_scene_l07_gradient_descent``); any other file by its stem."""
    file = Path(file)
    stem = file.parent.name if file.stem == "scenes" else file.stem
    return "mathreel_scene_" + re.sub(r"\W", "_", stem)


def load_scene_class(file: Path, name: str):
    """Import ``file`` as a module (its folder on sys.path, as Manim does) and
    return its class ``name``."""
    module_name = scene_module_name(file)
    spec = importlib.util.spec_from_file_location(module_name, file)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    sys.path.insert(0, str(file.parent.resolve()))
    spec.loader.exec_module(module)
    found = getattr(module, name)
    from manim import Scene

    if not (isinstance(found, type) and issubclass(found, Scene)):
        # else Manim fails later with "'X' object has no attribute 'render'"
        raise TypeError(f"{name} in {file.name} is not a Manim scene; accepted: a class "
                        "deriving from manim's Scene")
    return found


def latex_error_message(error: Exception) -> str | None:
    """For Manim's "latex error converting to dvi" ValueError: the formula
    and LaTeX's first error line, read from the log it names."""
    match = LATEX_LOG_RE.search(str(error))
    if not match:
        return None
    log = Path(match["log"])
    tex = log.with_suffix(".tex")
    lines = log.read_text(errors="replace").splitlines() if log.exists() else []
    latex_says = next((l[2:].strip() for l in lines if l.startswith("! ")), "unknown error")
    formula = ""
    if tex.exists():
        body = tex.read_text(errors="replace")
        inner = body.split(r"\begin{document}")[-1].split(r"\end{document}")[0]
        inner = SPECIAL_RE.sub("", ENVIRONMENT_RE.sub("", inner))
        formula = " ".join(inner.split())
    return f'LaTeX failed on "{formula}": {latex_says}'


def find_outputs(media_dir: Path, scene: str) -> dict[str, str]:
    """The video, subtitle and image files Manim wrote for ``scene``."""
    found: dict[str, str] = {}
    for kind, pattern in (("video", f"{scene}.mp4"), ("srt", f"{scene}.srt"),
                          ("frame", f"{scene}*.png")):
        paths = [p for p in media_dir.rglob(pattern) if "partial_movie_files" not in p.parts]
        if paths:
            found[kind] = str(max(paths, key=lambda p: p.stat().st_mtime))
    return found


def manim_config(task: RunnerTask) -> dict:
    """Manim config for a task: quality, private media dir, output kind."""
    options = {
        "quality": task.manim_quality,
        "media_dir": task.media_dir,
        "disable_caching": True,  # the engine caches whole scenes (mathreel.cache)
        "progress_bar": task.progress_bar,
        "verbosity": "WARNING",
    }
    if task.mode == "frame":
        options["save_last_frame"] = True
    elif task.mode == "dry-run":
        options["dry_run"] = True
    elif task.mode == "check":
        # Fast-forward every animation (Manim's -n mechanism): each play() jumps
        # to its end state and the clock advances, but no frame is drawn. The
        # layout is checked on those end states; time-based (dt) updaters are
        # not integrated. About 5x faster than a dry run, which draws every frame.
        options["dry_run"] = True
        options["from_animation_number"] = SKIP_EVERY_ANIMATION
    for option in ("tex_dir", "text_dir"):  # caches shared between tasks
        if getattr(task, option):
            options[option] = getattr(task, option)
    if task.encoder_options:
        options["video_encoder_options"] = dict(task.encoder_options)
    # Unseeded randomness would differ between the processes rendering the
    # chunks of one scene; a scene's own seed still wins.
    options["seed"] = 0
    if task.from_animation is not None:
        options["from_animation_number"] = task.from_animation
    if task.upto_animation is not None:
        options["upto_animation_number"] = task.upto_animation
    return options


class Observer:
    """Watches a render from inside: animation lengths, frames written,
    everything that makes chunking unsafe (see :mod:`mathreel.chunking`);
    writes progress for the parent.

    Hazards are looked for before and after every ``play`` (a ``wait`` is a
    play too), in skipped animations as well as drawn ones: an updater of
    any kind on any mobject on screen or on the scene, an ``UpdateFromFunc``
    (or any animation class defined outside Manim, whose interpolation may
    keep state), a sound."""

    def __init__(self, progress_path: str | None):
        self.progress_path = progress_path
        self.play_times: list[float] = []
        self.play_starts: list[float] = []  # scene.time when each play began
        self.play_frames: list[int] = []  # frames each play wrote (0: skipped)
        self._frames_before = 0
        self.frames = 0
        self.time_based_updaters = False
        self.sound = False
        self.hazards: list[str] = []  # why chunking could change the frames
        self.started = time.monotonic()
        self._last_write = 0.0

    def hazard(self, what: str) -> None:
        if what not in self.hazards:
            self.hazards.append(what)

    def look(self, scene) -> None:
        """Record the updaters and stateful animations of the scene now."""
        if getattr(scene, "updaters", None):
            self.hazard("an updater on the scene")
        for mobject in scene.get_mobject_family_members():
            if mobject.updaters:
                names = ", ".join(getattr(u, "__name__", type(u).__name__)
                                  for u in mobject.updaters)
                self.hazard(f"an updater on a {type(mobject).__name__} ({names})")
                if mobject.has_time_based_updater():
                    self.time_based_updaters = True
        for animation in _flatten(getattr(scene, "animations", None) or []):
            cls = type(animation)
            if cls.__name__ in ("UpdateFromFunc", "UpdateFromAlphaFunc"):
                self.hazard(f"an {cls.__name__} animation")
            elif not cls.__module__.startswith("manim."):
                self.hazard(f"an animation defined outside Manim ({cls.__name__})")

    def before_play(self, scene) -> None:
        self.play_starts.append(round(float(scene.time), 6))
        self._frames_before = self.frames
        self.look(scene)

    def after_play(self, scene) -> None:
        self.play_frames.append(self.frames - self._frames_before)
        self.play_times.append(round(float(scene.duration or 0.0), 4))
        self.look(scene)

    def add_frames(self, count: int) -> None:
        self.frames += count
        now = time.monotonic()
        if self.progress_path and now - self._last_write > 0.25:
            self._last_write = now
            tmp = self.progress_path + ".tmp"
            with open(tmp, "w") as handle:
                handle.write(f"{self.frames} {now - self.started:.3f} {len(self.play_times)}")
            os.replace(tmp, self.progress_path)

    def install(self) -> None:
        from manim import Scene
        from manim.renderer.cairo_renderer import CairoRenderer

        observer = self
        original_play, original_add_frame = CairoRenderer.play, CairoRenderer.add_frame
        original_add_sound = Scene.add_sound

        def play(renderer, scene, *args, **kwargs):
            if getattr(scene, "planning", False):  # a narrated scene's timing pass: not the render
                return original_play(renderer, scene, *args, **kwargs)
            observer.before_play(scene)
            original_play(renderer, scene, *args, **kwargs)
            observer.after_play(scene)

        def add_frame(renderer, frame, num_frames=1):
            original_add_frame(renderer, frame, num_frames)
            if not renderer.skip_animations:
                observer.add_frames(num_frames)

        def add_sound(scene, *args, **kwargs):
            observer.sound = True
            observer.hazard("a sound")
            return original_add_sound(scene, *args, **kwargs)

        CairoRenderer.play, CairoRenderer.add_frame = play, add_frame
        Scene.add_sound = add_sound

def _flatten(animations) -> list:
    """Animations and, inside groups (``AnimationGroup``, ``Succession``),
    their members."""
    flat = []
    for animation in animations:
        flat.append(animation)
        flat.extend(_flatten(getattr(animation, "animations", None) or []))
    return flat


def quote_concat_path(path: str) -> str:
    """``path`` as a single-quoted token of ffmpeg's concat lists: inside
    quotes nothing is special but the quote itself, written ``'\\''``."""
    return "'" + path.replace("'", "'\\''") + "'"


def install_quoted_manifest() -> bool:
    """Manim lists a scene's segments for ffmpeg's concat demuxer as
    ``file 'file:PATH'`` without escaping a quote in PATH, so in a project
    whose path holds a ``'`` every render failed ("No such file or
    directory: '<none>'"). The same list, with PATH quoted. Returns False,
    changing nothing, when this Manim writes its list another way."""
    from manim.scene.scene_file_writer import SceneFileWriter

    if not hasattr(SceneFileWriter, "_concat_manifest_bytes"):
        return False

    def manifest_bytes(input_files: list[str]) -> bytes:
        lines = "".join(f"file {quote_concat_path('file:' + Path(f).as_posix())}\n"
                        for f in input_files)
        return ("# This file records the segment order used by Manim.\n" + lines).encode()

    SceneFileWriter._concat_manifest_bytes = staticmethod(manifest_bytes)
    return True


def install_frame_encoding() -> bool:
    """Make Manim's segment encoder hand frames to the codec without waste.

    For each frame, Manim's ``VideoSegmentEncoder.write_frame`` builds a new
    RGBA ``av.VideoFrame`` with ``from_ndarray`` (about 10 ms of CPU for a
    1080p frame: more than encoding it) and the stream converts that to its
    pixel format (YUV 4:2:0); a still frame (a ``wait`` without updaters),
    written as ``write_frame(pixels, repeat=n)``, pays both ``n`` times. Here
    each encoder copies the pixels into one RGBA frame it keeps (0.3 ms),
    converts it once with the same reformatter call the stream would make, and
    sends the converted frame ``n`` times with consecutive timestamps. The
    packets are the same (tests/pipeline/test_frame_encoding.py). Returns
    False, changing nothing, when this Manim's encoder is not the one this was
    written for.
    """
    from fractions import Fraction

    import av
    import numpy as np
    from av.video.reformatter import VideoReformatter

    try:
        from manim.scene.video_segment_encoder import VideoSegmentEncoder
    except ImportError:
        return False
    needed = ("write_frame", "_validate_frame", "_operation_error")
    if not all(hasattr(VideoSegmentEncoder, name) for name in needed):
        return False
    manims_own = VideoSegmentEncoder.write_frame

    def write_frame(self, pixels, *, repeat: int = 1) -> None:
        context = self._stream.codec_context
        if context.format.name == "rgba":  # nothing to convert: the codec keeps the frame
            return manims_own(self, pixels, repeat=repeat)
        self._validate_frame(pixels, repeat)
        rate = self.spec.frame_rate
        time_base = Fraction(rate.denominator, rate.numerator)
        try:
            state = self.__dict__.get("_mathreel_frames")
            if state is None:
                rgba = av.VideoFrame(context.width, context.height, "rgba")
                plane = rgba.planes[0]
                rows = np.frombuffer(plane, np.uint8).reshape(plane.height, plane.line_size)
                state = self._mathreel_frames = (rgba, rows, VideoReformatter())
            rgba, rows, reformatter = state
            rows[:, :pixels.shape[1] * 4] = pixels.reshape(pixels.shape[0], -1)
            frame = reformatter.reformat(rgba, context.width, context.height, context.format,
                                         threads=context.thread_count)
            for _ in range(repeat):
                frame.pts = self._next_pts
                frame.time_base = time_base
                self._next_pts += 1
                for packet in self._stream.encode(frame):
                    self._container.mux(packet)
        except BaseException as error:
            raise self._operation_error("encode", error) from error

    VideoSegmentEncoder.write_frame = write_frame
    return True


def run(task: RunnerTask) -> RunnerResult:
    """Render ``task`` in this process and say what came of it."""
    from manim import tempconfig

    observer = Observer(task.progress_path)
    observer.install()
    install_frame_encoding()
    install_quoted_manifest()
    scene_class = load_scene_class(Path(task.file), task.scene)
    with tempconfig(manim_config(task)):
        scene = scene_class()
        recorder = None
        if task.mode == "check":
            from .layout import LayoutRecorder

            recorder = LayoutRecorder(scene)
        scene.render()
        duration = float(scene.time)
    return RunnerResult(
        ok=True, duration=duration, outputs=find_outputs(Path(task.media_dir), task.scene),
        captions=recorded_captions(scene), play_times=observer.play_times,
        play_starts=observer.play_starts, play_frames=observer.play_frames,
        frames=observer.frames, time_based_updaters=observer.time_based_updaters,
        sound=observer.sound, chunk_hazards=observer.hazards,
        beats=beat_plan(scene) if getattr(scene, "beat_records", None) is not None else None,
        problems=[str(p) for p in recorder.problems] if recorder else [],
        animation_ends=list(recorder.animation_ends) if recorder else [])


def beat_plan(scene) -> list[dict]:
    """A narrated scene's beats as timed: text, animation lengths as written,
    speech length and source, stretch, hold and length (seconds)."""
    plan = []
    for record, timing, speech in zip(scene.beat_records, scene.beat_timings, scene.beat_speeches):
        plan.append({"text": record.text, "motion": record.motion, "waits": record.waits,
                     "keep_speed": record.keep_speed,
                     "speech": speech.duration if speech else None,
                     "speech_source": speech.source if speech else None,
                     "stretch": timing.stretch, "hold": timing.hold, "length": timing.length})
    return plan


def recorded_captions(scene) -> list[tuple[float, float, str]]:
    """(start, end, text) of every subcaption the scene added."""
    writer = scene.renderer.file_writer
    return [(c.start.total_seconds(), c.end.total_seconds(), c.content)
            for c in writer.subcaptions]


def main(argv: list[str]) -> int:
    task = task_from_dict(json.loads(Path(argv[0]).read_text()))
    try:
        result = run(task)
    except BaseException as exc:  # noqa: BLE001 - every failure is reported, not raised
        if isinstance(exc, KeyboardInterrupt):
            raise
        message = latex_error_message(exc) or f"{type(exc).__name__}: {exc}"
        result = RunnerResult(ok=False, error=message, traceback=traceback.format_exc())
    tmp = task.result_path + ".tmp"
    Path(tmp).write_text(json.dumps(asdict(result)))
    os.replace(tmp, task.result_path)  # the parent never reads half a result
    return 0 if result.ok else 1


def _child(job_path: str, zygote: int) -> None:
    """In a forked child: output to the job's log, run the job, exit. The
    child dies with its zygote (:mod:`mathreel.lifeline`)."""
    code = 1
    try:
        lifeline.die_with_parent(zygote)
        log = os.open(str(Path(job_path).with_name("runner.log")),
                      os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        sys.stdout = os.fdopen(1, "w", buffering=1)
        sys.stderr = os.fdopen(2, "w", buffering=1)
        code = main([job_path])
    except BaseException:  # noqa: BLE001 - the log tells, the exit code says
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def serve() -> int:
    """The zygote loop: one job path per stdin line, one JSON line back."""
    lifeline.die_with_parent(lifeline.parent_from_env())
    import manim  # noqa: F401 - the point of the zygote: import once, fork many

    out = sys.stdout
    print(json.dumps({"ready": os.getpid()}), file=out, flush=True)
    while True:
        line = sys.stdin.readline()
        if not line:
            return 0
        job_path = line.strip()
        if not job_path:
            continue
        zygote = os.getpid()
        pid = os.fork()
        if pid == 0:
            _child(job_path, zygote)
        print(json.dumps({"started": pid}), file=out, flush=True)
        _, status, usage = os.wait4(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        print(json.dumps({"pid": pid, "rc": code, "maxrss_kb": usage.ru_maxrss,
                          "cpu": usage.ru_utime + usage.ru_stime}), file=out, flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        sys.exit(serve())
    lifeline.die_with_parent(lifeline.parent_from_env())
    sys.exit(main(sys.argv[1:]))
