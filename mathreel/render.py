"""Render jobs: one (scene, quality, mode) each, cached by content hash,
run in parallel processes (or on a Dask cluster), long scenes split into
chunks.

``render_many`` is the engine:

1. every job gets its content-hash key (:mod:`mathreel.cache`); a job whose
   record matches is a *hit* and never starts Manim (unless ``force``);
2. the misses are estimated from their last render (or, the first time, from
   a quick probe: a dry run that counts the animations, which also warms the
   shared LaTeX cache) and the chunk-safe long ones are split into animation
   ranges (:mod:`mathreel.chunking`) where a simulated schedule says it pays;
3. tasks run longest first on ``n_jobs`` processes (:mod:`mathreel.executors`);
   one failing job does not stop the others;
4. each task renders into a private work folder under ``media/.work``; only
   a finished output is moved (``os.replace``, atomic) to its place under
   ``media/<quality>/``, and the cache record is written after it, so an
   interrupted render never leaves a file that a later run takes for valid.
"""

from __future__ import annotations

import heapq
import os
import queue
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import cache, chunking
from .contract import Caption, RenderStats, RunnerResult, RunnerTask, stats_from_dict
from .curriculum import SceneRef
from .executors import DaskPool, Done, LocalPool, Task
from .progress import NullReporter, Reporter
from .project import Quality, media_dir, range_suffix, scene_frame, scene_video, still_image, title_data_file

UNCACHED_MODES = ("dry-run", "check")  # they write no file: always run

#: Encoder options of the scene files. libx264 ``veryfast`` at Manim's CRF
#: costs about 0.7x the CPU of Manim's default (``medium``) at about the same
#: size (README, "Benchmark"); ``release`` is Manim's own default, for a final
#: encode. Every scene of a quality uses the same settings, so the stitcher can
#: join scenes by stream copy and the chunks of a scene are pixel-identical.
#: x264's thread count changes its bitstream, and left alone it follows the
#: cores it sees (1.5 per core): pinned to 3 (what 2 cores give), chunks
#: rendered on machines with other core counts still decode to the same frames.
X264_THREADS = "3"
ENCODERS = {
    "fast": {"crf": "23", "preset": "veryfast", "threads": X264_THREADS},
    "release": {"crf": "23", "preset": "medium", "threads": X264_THREADS},
}
DEFAULT_ENCODER = "fast"
#: rough seconds of one core per frame, for first-time estimates only
SECONDS_PER_FRAME = {"low": 0.012, "medium": 0.02, "high": 0.02, "production": 0.035, "4k": 0.08}
#: peak memory of one render process when no render of the job measured it
#: (README: 174 MB at -ql and 396 MB at -qh measured; the design notes' 700 MB at -qh)
MEMORY_PER_RENDER = {"low": 250 << 20, "medium": 450 << 20, "high": 700 << 20,
                     "production": 1000 << 20, "4k": 2000 << 20}
MEMORY_SHARE = 0.8  # of the available memory the renders may take
CHUNK_OVERHEAD = 0.4  # seconds: fork, concat, per chunk
PROBE_FRACTION = 0.08  # a probe (dry run) costs about this share of a render
#: A job estimated to need less than this (seconds of one core) is rendered
#: whole by one worker, with no probe: splitting it could save at most a part
#: of a few seconds, less than the probe, a second worker's Manim import (about
#: 1 s of CPU, on cores other processes share) and the join. So a short scene
#: costs what one ``manim`` process costs (README, Benchmark (f)).
MIN_SPLIT_SECONDS = 6.0


@dataclass(frozen=True)
class RenderJob:
    scene: SceneRef
    quality: Quality
    mode: str = "video"  # video | frame | dry-run | check (dry-run + layout)
    #: Manim's ``-n START[,END]``: only these animations (END included, None:
    #: to the end) are drawn; the output is named apart (project.range_suffix)
    #: and has no captions (their clock would count the skipped animations).
    animations: tuple[int, int | None] | None = None


@dataclass
class RenderResult:
    job: RenderJob
    ok: bool
    seconds: float
    duration: float = 0.0  # the scene's length in seconds (video time)
    outputs: dict[str, Path] = field(default_factory=dict)
    error: str | None = None
    cached: bool = False
    chunks: int = 1
    maxrss_kb: int = 0  # peak memory of the largest process that rendered it
    cpu: float = 0.0  # CPU seconds of the processes that rendered it
    problems: list[str] = field(default_factory=list)  # layout problems (check mode)
    animation_ends: list[float] = field(default_factory=list)  # check mode
    captions: list[Caption] = field(default_factory=list)  # on the video's clock
    beats: list[dict] = field(default_factory=list)  # a narrated scene's timing plan

    @property
    def output(self) -> Path | None:
        """The job's main file (see :func:`main_output`); None when it failed."""
        return main_output(self.outputs)


def main_output(outputs: dict[str, Path]) -> Path | None:
    """A job's main file: its video, or the PNG of a still scene (one with no
    animations), or the frame of a ``frame`` job."""
    return next((outputs[kind] for kind in ("video", "image", "frame") if kind in outputs), None)


def _destinations(root: Path, job: RenderJob) -> dict[str, Path]:
    name, quality, namespace = job.scene.name, job.quality.name, job.scene.namespace
    ranged = range_suffix(job.animations)
    if job.mode == "video" and ranged:
        video = scene_video(root, quality, name, namespace)
        return {"video": video.with_name(f"{video.stem}{ranged}.mp4")}
    if job.mode == "video":
        video = scene_video(root, quality, name, namespace)
        return {"video": video, "srt": video.with_suffix(".srt"), "image": still_image(video)}
    if job.mode == "frame":
        frame = scene_frame(root, quality, name, namespace)
        return {"frame": frame.with_name(f"{frame.stem}{ranged}.png")}
    return {}


def _move_outputs(root: Path, job: RenderJob, produced: dict[str, str]) -> dict[str, Path]:
    """Move produced files into place; the video last, so that a kill between
    moves leaves an old video (and a record that no longer matches). A file
    of a kind this render did not produce is removed: captions of a scene
    that no longer narrates, the video of a scene that became a still (or
    the still of one that gained an animation), so none is taken for current."""
    moved: dict[str, Path] = {}
    destinations = _destinations(root, job)
    for kind in sorted(destinations, key=lambda k: k == "video"):
        destination = destinations[kind]
        if kind not in produced:
            if job.mode == "video":
                destination.unlink(missing_ok=True)
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(produced[kind], destination)
        moved[kind] = destination
    return moved


def encoder_options(name: str | None = None) -> dict[str, str]:
    return dict(ENCODERS[name or DEFAULT_ENCODER])


def _file_rel(root: Path, path: Path) -> str:
    """``path`` inside the project (how a Dask worker's mirror names it)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return f"_external/{path.name}"


def _spec(job: RenderJob, root: Path, encoder: dict, *, mode: str | None = None,
          chunk: tuple[int, int] | None = None) -> RunnerTask:
    """The runner's task for ``job`` (or its ``chunk``, animations FROM..UPTO)."""
    start, end = chunk if chunk is not None else job.animations or (None, None)
    return RunnerTask(file=str(Path(job.scene.path).resolve()), scene=job.scene.name,
                      file_rel=_file_rel(root, Path(job.scene.path)),
                      manim_quality=job.quality.manim_name, mode=mode or job.mode,
                      encoder_options=dict(encoder), from_animation=start, upto_animation=end)


def _shipped_files(root: Path, job: RenderJob, deps: list[Path]) -> dict[str, str]:
    """Files a Dask worker needs: the scene, its project imports, the
    exercises a practice card loads from beside it, and all of mathreel (so
    the mirror's package shadows an older installed one whole)."""
    scene, rel = Path(job.scene.path).resolve(), _file_rel(root, Path(job.scene.path))
    files = {rel: str(scene)}
    for shown in cache.exercise_inputs(scene, job.scene.name):
        files[Path(rel).with_name(shown.name).as_posix()] = str(shown)
    for dep in deps:
        files[_file_rel(root, dep)] = str(dep)
    data = title_data_file(root, job.scene.name)  # a title card's number and title
    if data.is_file():
        files[_file_rel(root, data)] = str(data)
    mathreel_dir = root / "mathreel"
    if mathreel_dir.is_dir():
        for path in mathreel_dir.rglob("*.py"):
            files[path.relative_to(root).as_posix()] = str(path)
    for name, value in cache.narration_inputs(root, job.scene.name).items():
        if isinstance(value, Path):
            files[value.relative_to(root).as_posix()] = str(value)
    return files


def _clean_stale_work(work_base: Path) -> None:
    """Remove work folders left by renders that were killed (their pid is gone)."""
    if not work_base.is_dir():
        return
    for entry in work_base.iterdir():
        pid = entry.name.split("-", 1)[0]
        if not pid.isdigit():
            shutil.rmtree(entry, ignore_errors=True)
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(entry, ignore_errors=True)
        except PermissionError:
            pass


def available_memory() -> int | None:
    """Bytes of memory a new process can take: the kernel's MemAvailable,
    lowered to the cgroup's limit (a container) when there is one."""
    found = []
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                found.append(int(line.split()[1]) * 1024)
    except (OSError, ValueError, IndexError):
        pass
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
        if limit != "max":
            used = int(Path("/sys/fs/cgroup/memory.current").read_text())
            found.append(max(0, int(limit) - used))
    except (OSError, ValueError):
        pass
    return min(found) if found else None


def memory_slots(plans: list[_Plan]) -> tuple[int | None, int, int | None]:
    """(how many renders fit in memory at once or None when unknown, the
    bytes one takes, the bytes available): each render is assumed to peak
    at the largest peak measured for these jobs, else
    :data:`MEMORY_PER_RENDER` for the quality."""
    per = max([p.stats.maxrss_kb * 1024 for p in plans]
              + [MEMORY_PER_RENDER.get(p.job.quality.name, 700 << 20) for p in plans
                 if not p.stats.maxrss_kb])
    available = available_memory()
    if available is None or per <= 0:
        return None, per, available
    return max(1, int(available * MEMORY_SHARE // per)), per, available


def simulate_makespan(pieces: list[float], workers: int) -> float:
    loads = [0.0] * max(1, workers)
    for piece in sorted(pieces, reverse=True):
        heapq.heapreplace(loads, loads[0] + piece)
    return max(loads)


@dataclass
class _Plan:
    index: int
    job: RenderJob
    key: str | None
    stats: RenderStats
    deps: list[Path]
    encoder: str = DEFAULT_ENCODER  # the encoder of this run (stats.encoder: of the last)
    estimate: float = 1.0
    safe: bool | None = False  # chunk-safe; None: unknown until a probe observes it
    safety: str = ""
    chunks: list[tuple[int, int]] = field(default_factory=lambda: [(0, -1)])
    done: dict[int, Done] = field(default_factory=dict)
    probe_seconds: float = 0.0
    sources: dict[str, list[int] | None] = field(default_factory=dict)  # stamps at planning

    @property
    def label(self) -> str:
        return str(self.index)

    def ordered_parts(self) -> list[Done]:
        return [self.done[i] for i in sorted(self.done)]


def splittable(plan: _Plan, forced: int | None = None) -> bool:
    """Whether the job may be probed and split into chunks: a video not known
    to be chunk-unsafe, long enough to gain from a split (or any such video
    when the caller forces a chunk count)."""
    return (plan.safe is not False and plan.job.mode == "video"
            and (bool(forced) or plan.estimate >= MIN_SPLIT_SECONDS))


def _known_plays(plan: _Plan) -> list[float]:
    return plan.stats.play_times or []


def plan_chunks(plans: list[_Plan], workers: int, forced: int | None = None) -> None:
    """Split chunk-safe jobs while a simulated longest-first schedule of the
    pieces (each extra chunk paying its fast-forward and a fixed cost) ends
    sooner; ``forced``: split each chunk-safe job into that many chunks."""
    if forced:
        for plan in plans:
            plan.chunks = (chunking.split_ranges(_known_plays(plan), forced)
                           if plan.safe and len(_known_plays(plan)) > 1 else [(0, -1)])
        return
    counts = _chunk_counts(plans, workers)
    for plan in plans:
        k = counts[id(plan)]
        plan.chunks = chunking.split_ranges(_known_plays(plan), k) if k > 1 else [(0, -1)]


def _chunk_counts(plans: list[_Plan], workers: int) -> dict[int, int]:
    """How many chunks each plan gets (by ``id``): one more at a time, to
    the plan with the longest pieces, while the simulated makespan drops."""
    def pieces(plan: _Plan, k: int) -> list[float]:
        if k == 1:
            return [plan.estimate]
        ff = plan.probe_seconds or plan.estimate * PROBE_FRACTION
        return [plan.estimate / k + ff * i / k + CHUNK_OVERHEAD for i in range(k)]

    counts = {id(p): 1 for p in plans}

    def makespan() -> float:
        return simulate_makespan([x for p in plans for x in pieces(p, counts[id(p)])], workers)

    candidates = [p for p in plans if p.safe and splittable(p) and len(_known_plays(p)) > 1]
    best = makespan()
    improved = True
    while candidates and improved:
        improved = False
        for plan in sorted(candidates, key=lambda p: -p.estimate / counts[id(p)]):
            if counts[id(plan)] >= min(len(_known_plays(plan)), 2 * workers):
                continue
            counts[id(plan)] += 1
            trial = makespan()
            if trial < best - 0.05:
                best, improved = trial, True
                break
            counts[id(plan)] -= 1
    return counts


def _estimate(plan: _Plan) -> float:
    stats = plan.stats
    if stats.seconds and stats.encoder == plan.encoder:
        return float(stats.seconds)
    fps = plan.job.quality.fps
    per_frame = SECONDS_PER_FRAME.get(plan.job.quality.name, 0.02)
    if stats.play_times:
        video = sum(stats.play_times)
        return 1.0 + video * fps * per_frame + 0.05 * len(stats.play_times)
    if stats.duration:
        return 1.0 + stats.duration * fps * per_frame
    return 1.0 + static_animation_count(plan.job.scene) * 1.5 * fps * per_frame


def static_animation_count(scene: SceneRef) -> int:
    """First-time estimate without running anything: the ``play``/``wait``/
    ``beat`` calls written in the scene's class (loops count once)."""
    import ast

    try:
        tree = ast.parse(Path(scene.path).read_bytes())
    except (OSError, SyntaxError, ValueError):
        return 10
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == scene.name:
            return max(1, sum(1 for n in ast.walk(node) if isinstance(n, ast.Call)
                              and isinstance(n.func, ast.Attribute)
                              and n.func.attr in ("play", "wait", "beat")))
    return 10


def _local_files(result: RunnerResult) -> dict[str, str]:
    return {k: v for k, v in result.outputs.items() if v and Path(v).exists()}


def render_many(root: Path, jobs: list[RenderJob], *, on_result=None,
                n_jobs: int | None = None, force: bool = False, scheduler: str | None = None,
                chunk: bool | int = True, encoder: str | None = None,
                extra_inputs: dict | None = None, reporter: Reporter | None = None
                ) -> list[RenderResult]:
    """Render every job and return the results in job order.

    ``on_result(result)`` is called as each job ends (hits first).
    ``n_jobs``: processes (default: the number of cores). ``force``: ignore
    the cache. ``scheduler``: a Dask scheduler address, or ``"local"`` for a
    LocalCluster. ``chunk``: allow splitting chunk-safe scenes (an int > 1:
    split each chunk-safe scene into that many chunks, whatever the schedule
    says). ``encoder``: a name in :data:`ENCODERS`. ``extra_inputs``: more
    things the cache key depends on (name -> value or Path), e.g. a narration
    voice. ``reporter``: what shows the progress (default: nothing); the
    caller closes it.
    """
    root = Path(root).resolve()
    reporter = reporter if reporter is not None else NullReporter()
    results: dict[int, RenderResult] = {}

    def finish(result: RenderResult, index: int) -> None:
        results[index] = result
        if on_result is not None:
            on_result(result)

    _clean_stale_work(media_dir(root) / ".work")  # even when every job is a hit: a listing
    settings = _Settings(root, reporter, finish, encoder or DEFAULT_ENCODER,
                         forced=chunk if not isinstance(chunk, bool) and chunk > 1 else None,
                         asked=n_jobs if n_jobs and not scheduler else None)
    plans = _plan_jobs(settings, jobs, force=force, chunk=bool(chunk), extra_inputs=extra_inputs)
    if plans:
        _execute(settings, plans, max(1, n_jobs or os.cpu_count() or 1), scheduler)
    return [results[i] for i in range(len(jobs))]


@dataclass(frozen=True)
class _Settings:
    """What every step of one :func:`render_many` call shares."""

    root: Path
    reporter: Reporter
    finish: Callable[[RenderResult, int], None]  # a job's result, as it ends
    encoder: str
    forced: int | None = None  # chunks per chunk-safe scene, when the caller forces it
    asked: int | None = None  # an explicit -j, said when capped


def _plan_jobs(settings: _Settings, jobs: list[RenderJob], *, force: bool, chunk: bool,
               extra_inputs: dict | None) -> list[_Plan]:
    """Key every job: finish the hits, return a plan for each miss."""
    root, reporter = settings.root, settings.reporter
    resolver = cache.ImportResolver(root)
    enc = encoder_options(settings.encoder)
    plans = []
    for index, job in enumerate(jobs):
        label = job.scene.name + ("" if job.mode == "video" else f" ({job.mode})")
        deps = resolver.closure(Path(job.scene.path))
        sources = cache.source_stamps([Path(job.scene.path).resolve(), *deps,
                                       *cache.exercise_inputs(job.scene.path, job.scene.name)])
        record, key = None, None
        if job.mode not in UNCACHED_MODES:
            record = cache.read_record(root, job) or {}
            key = cache.job_key(root, job, encoder_options=enc, extra_inputs=extra_inputs,
                                resolver=resolver)
            if not force and cache.is_hit(root, record, key):
                result = _cached_result(root, job, record)
                reporter.add(str(index), label, job.quality.name, "cached",
                             detail=str(result.output or ""))
                settings.finish(result, index)
                continue
        stats = stats_from_dict((record or {}).get("stats"))
        if key is None or (record or {}).get("key") != key:
            stats.chunk_hazards = None  # what a render of another version saw says nothing
        plan = _Plan(index, job, key, stats, deps, settings.encoder, sources=sources)
        plan.estimate = _estimate(plan)
        if job.mode == "video" and chunk and job.animations is None:
            plan.safe, plan.safety = chunking.chunk_safety(
                Path(job.scene.path), job.scene.name, stats.chunk_hazards, deps)
        plans.append(plan)
        reporter.add(str(index), label, job.quality.name, "queued", estimate=plan.estimate)
    resolver.memo.save()
    return plans


def _cached_result(root: Path, job: RenderJob, record: dict) -> RenderResult:
    outputs = {kind: root / entry["path"] for kind, entry in record["outputs"].items()}
    duration = stats_from_dict(record.get("stats")).duration
    return RenderResult(job, True, 0.0, float(duration), outputs, cached=True)


def _execute(settings: _Settings, plans: list[_Plan], n_jobs: int, scheduler: str | None
             ) -> None:
    """Run the plans on a pool made for them, in a work folder of this run."""
    root = settings.root
    work_base = media_dir(root) / ".work"
    work_base.mkdir(parents=True, exist_ok=True)
    work_root = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=work_base))
    pool = None
    try:
        if scheduler:
            pool = DaskPool(root, scheduler, n_jobs, work_root=work_root)
        else:
            # LaTeX and Pango results, shared by every job: Manim's own folders in the
            # project's media/ (a plain ``manim`` run here fills the same ones).
            shared = {"tex_dir": media_dir(root) / "Tex", "text_dir": media_dir(root) / "texts"}
            slots = _local_slots(n_jobs, plans, settings.reporter, settings.forced)
            pool = LocalPool(root, slots, work_root=work_root, shared=shared, eager=len(plans))
        _Batch(settings, plans, pool, remote=scheduler is not None).run()
    except BaseException:
        if pool is not None:
            pool.close(kill=True)
        raise
    else:
        pool.close()
    finally:
        shutil.rmtree(work_root, ignore_errors=True)


def _local_slots(n_jobs: int, plans: list[_Plan], reporter: Reporter,
                 forced: int | None = None) -> int:
    """Processes for the local pool: ``n_jobs``, but no more than the tasks
    there can be (a job that cannot or will not be chunked is one task; one
    with known animations at most one per animation) and than fit in memory
    (said)."""
    def most_tasks(plan: _Plan) -> int:
        if not splittable(plan, forced):
            return 1
        known = len(_known_plays(plan))
        return min(n_jobs, known) if plan.safe and known else n_jobs

    slots = min(n_jobs, max(1, sum(most_tasks(p) for p in plans)))
    fit, per, available = memory_slots(plans)
    if fit is not None and fit < slots:
        reporter.note(f"{fit} render process{'es' if fit > 1 else ''} at once instead of "
                      f"{slots}: {available / 2**30:.1f} GB of memory available, about "
                      f"{per / 2**20:.0f} MB each")
        slots = fit
    return slots


class _Batch:
    """The plans of one run on one pool: probe what needs it, plan the
    chunks, submit, and finish each job as its last part comes back."""

    def __init__(self, settings: _Settings, plans: list[_Plan], pool, *, remote: bool):
        self.settings, self.plans, self.pool, self.remote = settings, plans, pool, remote
        self.reporter = settings.reporter
        self.pending = {plan.index: plan for plan in plans}
        self.by_task: dict[str, _Plan] = {}
        self.probing: set[int] = set()

    def run(self) -> None:
        self.start()
        while self.pending:
            try:
                done = self.pool.done.get(timeout=0.25)
            except queue.Empty:
                _poll_progress(self.pool, self.by_task, self.reporter)
                self.reporter.refresh()
                continue
            if done.task.kind == "probe":
                self.probed(done)
            else:
                self.part_done(done)

    def start(self) -> None:
        """Probe the jobs whose chunk safety is unknown (never observed under
        this key) and that are long enough to be split, if few enough to
        matter. (A probe runs the scene's construct once without drawing:
        worth it only when there are too few scenes to keep every core busy
        without chunks.) Unknown and not probed: rendered whole."""
        forced = self.settings.forced
        to_probe = [p for p in self.plans if splittable(p, forced)
                    and (p.safe is None or p.stats.play_times is None)]
        if len(self.plans) >= 2 * self.pool.n and not forced:
            to_probe = []
        for plan in to_probe:
            self.probing.add(plan.index)
            self.reporter.set(plan.label, "probing")
            probe = _spec(plan.job, self.settings.root, {}, mode="dry-run")
            self.submit(plan, Task(f"{plan.index}-{plan.job.scene.name}-probe", "probe",
                                   probe, plan.estimate * 10))
        if not self.probing:
            self.submit_renders(self.plans)

    def spec(self, plan: _Plan, chunk: tuple[int, int] | None = None) -> RunnerTask:
        """The runner's task to render the job (or one chunk of it)."""
        return _spec(plan.job, self.settings.root, encoder_options(self.settings.encoder),
                     chunk=chunk)

    def submit(self, plan: _Plan, task: Task) -> None:
        if self.remote:
            task.files = _shipped_files(self.settings.root, plan.job, plan.deps)
        self.by_task[task.id] = plan
        self.pool.submit(task)

    def submit_renders(self, plans: list[_Plan]) -> None:
        """Chunk the videos among ``plans`` and submit them all, longest first."""
        plan_chunks([p for p in self.plans if p.job.mode == "video"], self.pool.n,
                    self.settings.forced)
        _say_tasks(plans, self.settings.asked, self.reporter)
        for plan in sorted(plans, key=lambda p: -p.estimate):
            self.submit_render(plan)

    def submit_render(self, plan: _Plan) -> None:
        k = len(plan.chunks)
        name = f"{plan.index}-{plan.job.scene.name}"
        if k == 1:
            self.submit(plan, Task(name, "render", self.spec(plan), plan.estimate))
        for i, (start, upto) in enumerate(plan.chunks if k > 1 else []):
            self.submit(plan, Task(f"{name}#{i + 1}of{k}", "chunk",
                                   self.spec(plan, chunk=(start, upto)), plan.estimate / k,
                                   chunk=(i, start, upto)))
        self.reporter.set(plan.label, "queued", chunks=k,
                          detail=f"{k} chunks ({plan.safety})" if k > 1 else "")

    def probed(self, done: Done) -> None:
        """A probe ended: learn from it (or fail its job), and once every
        probe has, submit the renders."""
        plan = self.by_task[done.task.id]
        self.probing.discard(plan.index)
        if done.result.ok:
            _learn_from_probe(plan, done)
            self.reporter.set(plan.label, "queued", estimate=plan.estimate)
        else:  # the dry run failed: the render would fail the same way
            plan.chunks, plan.done = [(0, -1)], {0: done}
            self.finish(plan)
        if not self.probing:
            self.submit_renders(list(self.pending.values()))
        _cleanup(done.task)

    def part_done(self, done: Done) -> None:
        """A render or chunk ended: finish its job when it was the last part
        (or render the job whole when its chunks saw a hazard)."""
        plan = self.by_task[done.task.id]
        plan.done[done.task.chunk[0] if done.task.chunk else 0] = done
        if len(plan.done) < len(plan.chunks):
            return
        hazard = _unforeseen_hazard(plan)
        if hazard:
            # The chunks saw what the verdict did not: their join could differ
            # from a whole render, so it is never used; render the scene whole.
            for part in plan.done.values():
                _cleanup(part.task)
            plan.done, plan.chunks = {}, [(0, -1)]
            plan.safe, plan.safety = False, f"a chunk saw {hazard}: rendered whole"
            self.submit_render(plan)
            return
        self.finish(plan)

    def finish(self, plan: _Plan) -> None:
        result = _finalize(self.settings.root, plan, self.settings.encoder, self.reporter)
        for part in plan.done.values():
            _cleanup(part.task)
        del self.pending[plan.index]
        self.settings.finish(result, plan.index)


def _learn_from_probe(plan: _Plan, done: Done) -> None:
    """What a probe observed: the animations, the hazards, and so the
    job's chunk safety and estimate."""
    seen = done.result
    plan.stats.play_times, plan.stats.chunk_hazards = seen.play_times, seen.chunk_hazards
    plan.stats.time_based_updaters, plan.stats.sound = seen.time_based_updaters, seen.sound
    plan.probe_seconds = max(0.0, done.seconds - 0.1)
    plan.safe, plan.safety = chunking.chunk_safety(
        Path(plan.job.scene.path), plan.job.scene.name, plan.stats.chunk_hazards, plan.deps)
    plan.estimate = _estimate(plan)


def _unforeseen_hazard(plan: _Plan) -> str | None:
    """The first hazard the chunks of a job saw, when they all rendered and
    no declaration vouches for them; None when whole or nothing was seen."""
    parts = plan.done.values()
    hazards = [h for part in parts for h in part.result.chunk_hazards]
    if (len(plan.chunks) > 1 and hazards and not plan.safety.startswith("declared")
            and all(p.result.ok for p in parts)):
        return hazards[0]
    return None


def _say_tasks(plans: list[_Plan], asked: int | None, reporter: Reporter) -> None:
    """Say so when ``-j`` asked for more processes than there are tasks."""
    tasks = sum(len(p.chunks) for p in plans)
    if asked and tasks < asked:
        reporter.note(f"-j {asked}: {tasks} task{'s' if tasks > 1 else ''} to run, so at most "
                      f"{tasks} render process{'es' if tasks > 1 else ''}")


def _cleanup(task: Task) -> None:
    if task.work is not None:
        shutil.rmtree(task.work, ignore_errors=True)


def _poll_progress(pool, by_task: dict[str, _Plan], reporter: Reporter) -> None:
    per_plan: dict[int, list[Task]] = {}
    for task in list(pool.running.values()):
        if task.kind == "probe":
            continue
        plan = by_task.get(task.id)
        if plan is not None:
            per_plan.setdefault(plan.index, []).append(task)
    for index, tasks in per_plan.items():
        plan = by_task[tasks[0].id]
        frames, rate = 0, 0.0
        for task in tasks:
            try:
                parts = task.progress_file.read_text().split()
                f, seconds = int(parts[0]), float(parts[1])
            except (OSError, ValueError, IndexError, AttributeError):
                continue
            frames += f
            rate += f / seconds if seconds > 0 else 0.0
        finished = sum(d.result.frames for d in plan.done.values())
        expected = sum(_known_plays(plan)) * plan.job.quality.fps or plan.stats.frames or 0
        fraction = (frames + finished) / expected if expected else 0.0
        reporter.set(str(index), "rendering")
        reporter.frames(str(index), frames + finished, rate, fraction)


def _finalize(root: Path, plan: _Plan, enc_name: str, reporter: Reporter) -> RenderResult:
    """A job whose parts all ended: its outputs put in place and recorded,
    or its failure; said to the reporter either way."""
    job, parts = plan.job, plan.ordered_parts()
    cost = {"chunks": len(parts), "maxrss_kb": max(p.maxrss_kb for p in parts),
            "cpu": sum(p.cpu for p in parts)}
    seconds = sum(p.seconds for p in parts)
    failed = next((p.result.error or "unknown error" for p in parts if not p.result.ok), None)
    if failed is None:
        try:
            captions = _captions(job, parts)
            outputs = _place_outputs(root, job, _produced_files(job, parts, captions),
                                     len(parts[-1].result.play_times))
        except Exception as exc:  # noqa: BLE001 - reported as this job's failure
            failed = str(exc)
    if failed is not None:
        reporter.set(plan.label, "failed", failed)
        return RenderResult(job, False, seconds, error=failed, **cost)
    stats = _stats(job, parts, enc_name)
    changed = _record(root, plan, outputs, stats)
    chunks = f" in {len(parts)} chunks" if len(parts) > 1 else ""
    reporter.set(plan.label, "done", f"{seconds:.1f}s{chunks}, peak {cost['maxrss_kb'] / 1024:.0f}"
                 f" MB  {main_output(outputs) or ''}{changed}")
    last = parts[-1].result
    return RenderResult(job, True, seconds, stats.duration, outputs, **cost,
                        problems=last.problems, animation_ends=last.animation_ends,
                        captions=captions, beats=last.beats or [])


def _captions(job: RenderJob, parts: list[Done]) -> list[Caption]:
    """The scene's subcaptions on its video's clock: the last part saw them
    all (on its own clock, when there are chunks)."""
    if len(parts) > 1:
        return chunking.joined_subcaptions([p.result for p in parts], job.quality.fps)
    return list(parts[-1].result.captions)


def _produced_files(job: RenderJob, parts: list[Done], captions: list[Caption]
                    ) -> dict[str, str]:
    """The files the job's parts produced, by kind; chunks joined into one
    video (and their captions written as its SRT)."""
    if len(parts) == 1:
        return _local_files(parts[0].result)
    produced = {}
    if captions:
        srt_file = Path(parts[-1].task.work) / f"{job.scene.name}.joined.srt"
        chunking.write_srt(captions, srt_file)
        produced["srt"] = str(srt_file)
    videos = [Path(p.result.outputs["video"]) for p in parts if p.result.outputs.get("video")]
    if videos:
        joined = Path(parts[0].task.work) / f"{job.scene.name}.joined.mp4"
        chunking.concat_videos(videos, joined)
        produced["video"] = str(joined)
    return produced


def _place_outputs(root: Path, job: RenderJob, produced: dict[str, str],
                   animations: int) -> dict[str, Path]:
    """Move what the job was asked for into place (nothing for the modes
    that write no file); raise when it is missing. ``animations``: how many
    the scene has, for the message."""
    if job.mode in UNCACHED_MODES:
        return {}
    if job.mode == "video" and "video" not in produced and job.animations is not None:
        raise RuntimeError(f"it produced no video: -n {job.animations[0]} starts after the "
                           f"last animation (the scene has {animations}, numbered from 0)")
    if job.mode == "video" and "video" not in produced:
        if "frame" not in produced:
            raise RuntimeError("it produced no video and no image")
        # A still scene (no play or wait): Manim wrote its picture as a PNG.
        produced = {"image": produced["frame"]}
    if job.mode == "frame" and "frame" not in produced:
        raise RuntimeError("it produced no frame")
    return _move_outputs(root, job, produced)


def _stats(job: RenderJob, parts: list[Done], enc_name: str) -> RenderStats:
    """What the next run learns from this render."""
    last = parts[-1].result
    frames = sum(p.result.frames for p in parts)
    duration = last.duration
    if len(parts) > 1:  # the last chunk's clock ran skipped animations unquantised
        duration = frames / job.quality.fps
    return RenderStats(
        seconds=round(sum(p.seconds for p in parts), 3),
        cpu=round(sum(p.cpu for p in parts), 3), maxrss_kb=max(p.maxrss_kb for p in parts),
        duration=duration, encoder=enc_name, chunks=len(parts), frames=frames,
        play_times=last.play_times,
        time_based_updaters=any(p.result.time_based_updaters for p in parts),
        sound=any(p.result.sound for p in parts),
        chunk_hazards=list(dict.fromkeys(h for p in parts for h in p.result.chunk_hazards)))


def _record(root: Path, plan: _Plan, outputs: dict[str, Path], stats: RenderStats) -> str:
    """Write the job's cache record; returns what to add to its "done" line."""
    if plan.job.mode in UNCACHED_MODES:
        return ""
    # A source saved during the render: the output may show another version
    # than the key names (even one saved back to the same text), so it is
    # kept but not recorded as a hit; the next run renders it again.
    if cache.source_stamps([Path(p) for p in plan.sources]) != plan.sources:
        cache.write_record(root, plan.job, None, outputs, asdict(stats))
        return " (a source changed while rendering: next run renders again)"
    cache.write_record(root, plan.job, plan.key, outputs, asdict(stats))
    return ""


def render_play_times(root: Path, job: RenderJob) -> list[float]:
    """The length of every ``play``/``wait`` of the job's last render, in
    order, from its cache record (empty when it has none)."""
    record = cache.read_record(root, job) or {}
    return [float(t) for t in stats_from_dict(record.get("stats")).play_times or []]


def render_scene(root: Path, job: RenderJob, **kwargs) -> RenderResult:
    """Render one job (through the cache) and return its result; ``kwargs``:
    those of :func:`render_many`."""
    return render_many(root, [job], **kwargs)[0]
