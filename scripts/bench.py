#!/usr/bin/env python
"""Benchmark the render engine against plain ``manim`` on this machine, in one run.

    .venv/bin/python scripts/bench.py                 # -ql and -qh, default scene set
    .venv/bin/python scripts/bench.py -q low          # just -ql (about a minute)
    .venv/bin/python scripts/bench.py --scenes PowerIterationConverges PcaOnAPointCloud

Everything happens in a scratch copy of the project (``scenes/`` copied,
``mathcore``/``mathreel``/``curriculum.toml`` linked), so the checkout's media
and scenes are untouched. For each quality it prints:

(a) cold ``mathreel render -j <cores>`` vs plain sequential ``manim`` of the
    same scenes (one process per scene file, scenes named on the command line,
    fresh media folder: cold LaTeX for both): wall ratio (goal <= 0.60); and
    the same cold render with ``--encoder release`` (Manim's own x264 settings,
    so the same output quality as plain ``manim``);
(b) a no-op rebuild of the same scenes through the CLI, the time to hash every
    scene of the curriculum, and (``-q low``, unless ``--no-curriculum``) a
    no-op ``mathreel build`` of the whole curriculum in the checkout itself
    (goal <= 2 s): a first ``build`` brings the checkout's preview up to date
    (what ``make preview`` does: minutes when nothing is rendered yet, its time
    is printed), the second is the one timed;
(c) one scene edited (a class attribute added), rebuilt, vs. that scene's plain
    ``manim --disable_caching`` render with a warm LaTeX cache (goal <= 1.1x);
(d) joining the rendered scenes by stream copy, as a fraction of their duration
    (goal <= 1%);
(e) the floor: ffmpeg encoding the same number of frames at the same settings
    from a synthetic source, and the render's CPU time / cores;
(f) the narrated curriculum's first build time over its video duration;
(g) the voice's synthesis real-time factor;
(h) each built lesson's pace: minutes, words per minute, caption characters
    per second, longest still stretch, loudness and speech share;
plus peak memory per worker process; and, once per run,
(i) start-up on short scenes: each scene of a set of short documentation-style
    scenes (``SHORT_SCENE_FILES``) rendered alone by plain ``manim -ql``, by
    ``mathreel render FILE:Scene -q low`` and by ``mathreel preview FILE:Scene``,
    one process each, interleaved (goal: no slower than plain ``manim``); the
    per-scene ratios, their median and the worst are printed
    (``--startup-only`` runs just this section).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mathreel import cache  # noqa: E402
from mathreel.curriculum import CurriculumError, load_curriculum  # noqa: E402
from mathreel.audit import plan_scenes  # noqa: E402
from mathreel.encode import probe  # noqa: E402
from mathreel.project import QUALITIES, course_video, lesson_video  # noqa: E402
from mathreel.render import ENCODERS, DEFAULT_ENCODER, RenderJob  # noqa: E402

SHORT_SCENE_FILES = [ROOT / "tests" / "fixtures" / "manim_docs_example.py",
                     ROOT / "tests" / "fixtures" / "manim_features.py",
                     ROOT / "scripts" / "bench_short_scenes.py"]
DEFAULT_SCENES = ["EigenvectorsStayOnTheirSpan", "PowerIterationConverges",
                  "SvdRotateStretchRotate", "PcaOnAPointCloud"]
BIN = Path(sys.executable).parent


def children_cpu() -> tuple[float, int]:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def timed(cmd: list[str], **kwargs) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its children)."""
    cpu0, _ = children_cpu()
    started = time.perf_counter()
    proc = subprocess.run(cmd, stderr=subprocess.PIPE, text=True, **kwargs)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(map(str, cmd))}\n"
                         f"{proc.stderr[-2000:]}")
    return wall, children_cpu()[0] - cpu0


def scratch_project(base: Path, name: str = "project") -> Path:
    """A snapshot of scenes/ and curriculum.toml (others edit them while we
    run), with the packages linked."""
    root = base / name
    root.mkdir()
    for name in ("mathcore", "mathreel", "narration", "notebooks"):
        if (ROOT / name).exists():
            (root / name).symlink_to(ROOT / name)
    for attempt in range(5):
        shutil.rmtree(root / "scenes", ignore_errors=True)
        shutil.copytree(ROOT / "scenes", root / "scenes",
                        ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(ROOT / "curriculum.toml", root / "curriculum.toml")
        try:
            load_curriculum(root)
            return root
        except CurriculumError as exc:
            print(f"curriculum not consistent yet ({exc}); retrying", flush=True)
            time.sleep(5)
    raise SystemExit("curriculum.toml does not match scenes/")


def pick_scenes(curriculum, names: list[str] | None):
    wanted = names or DEFAULT_SCENES
    found = [s for s in (curriculum.scene(n) for n in wanted) if s is not None]
    if found and (names or len(found) == len(wanted)):
        return found
    for number in (2, 1):
        lesson = curriculum.lesson(number)
        if lesson is not None and lesson.scenes:
            return list(lesson.scenes)
    return []


def plain_manim(scenes, quality, media: Path, cwd: Path, extra=()) -> tuple[float, float]:
    """One sequential ``manim`` per scene file, the file's scenes named."""
    wall = cpu = 0.0
    by_file: dict[Path, list[str]] = {}
    for scene in scenes:
        by_file.setdefault(scene.path, []).append(scene.name)
    for file, names in by_file.items():
        w, c = timed([str(BIN / "manim"), f"-q{quality.flag}", "--media_dir", str(media),
                      "--progress_bar", "none", "-v", "WARNING", *extra, str(file), *names],
                     cwd=cwd, stdout=subprocess.DEVNULL)
        wall, cpu = wall + w, cpu + c
    return wall, cpu


def mathreel_cli(args: list[str], root: Path) -> tuple[float, float]:
    env = dict(os.environ, MATHREEL_ROOT=str(root))
    return timed([str(BIN / "mathreel"), "render", *args, "--quiet"], cwd=root, env=env,
                 stdout=subprocess.DEVNULL)


def records(root: Path, quality: str) -> dict[str, dict]:
    folder = root / "media" / ".cache" / quality / "video"
    return {p.stem: json.loads(p.read_text())["stats"] for p in folder.glob("*.json")}


def ffprobe_frames(video: Path) -> int:
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-count_packets",
                          "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0",
                          str(video)], capture_output=True, text=True).stdout
    return int(out.strip() or 0)


def edit_scene(file: Path, name: str) -> None:
    text = file.read_text()
    new, count = re.subn(rf"^(class {name}\b[^\n]*:\n)", r"\1    _bench_edit = 1\n", text,
                         count=1, flags=re.M)
    assert count == 1, f"class {name} not found in {file}"
    file.write_text(new)


def curriculum_noop(qname: str, out: dict) -> None:
    """(b) for the whole curriculum: ``mathreel build`` twice in the checkout."""
    env = dict(os.environ, MATHREEL_ROOT=str(ROOT))
    command = [str(BIN / "mathreel"), "build", "-q", qname, "--quiet"]
    first, _ = timed(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    again, again_cpu = timed(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    lessons = len(load_curriculum(ROOT).lessons)
    print(f"(b) whole curriculum ({lessons} lessons + course), no-op `mathreel build -q {qname}`:"
          f" {again:.2f} s wall, {again_cpu:.2f} s CPU (goal <= 2 s); bringing the checkout"
          f" up to date first took {first:.0f} s", flush=True)
    out[qname]["curriculum_noop_wall"] = again
    out[qname]["curriculum_first_wall"] = first
    course = course_video(ROOT, qname)
    if course.is_file():
        seconds = probe(course).duration
        print(f"(f) the narrated curriculum is {seconds / 60:.1f} min of video; building it took "
              f"{first / seconds:.2f}x its duration (aim <= 0.35 at low quality, when nothing was "
              f"built before)", flush=True)
        out[qname]["course_seconds"] = seconds
    pace_table(qname, out)


def synthesis_rtf(out: dict, sample: int = 12) -> None:
    """(g) the voice's real-time factor: synthesis time over speech time, for
    a sample of the course's beats in one engine run (model load included),
    into a fresh cache."""
    from mathreel.voice import ENGINES, Narrator

    if not ENGINES["piper"].available():
        print("(g) piper is not installed: no synthesis measured", flush=True)
        return
    texts = [beat["text"] for plan in plan_scenes(ROOT, pick_scenes(load_curriculum(ROOT), None))
             for beat in plan.beats][:sample]
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        speeches = Narrator(Path(tmp), "piper").speeches("Bench", texts)
        wall = time.perf_counter() - start
    audio = sum(s.duration for s in speeches if s)
    print(f"(g) piper synthesis: {audio:.1f} s of speech in {wall:.1f} s wall: real-time factor "
          f"{wall / audio:.3f} (load {os.getloadavg()[0]:.1f})", flush=True)
    out["synthesis_rtf"] = wall / audio


def pace_table(qname: str, out: dict) -> None:
    """(h) what a viewer gets from each built lesson (mathreel.audit)."""
    from mathreel.audit import measure_lesson

    rows = []
    print("| lesson | minutes | wpm | cps | cps p95 | longest still | LUFS | dBTP | speech |")
    print("|---|---|---|---|---|---|---|---|---|")
    for lesson in load_curriculum(ROOT).lessons:
        video = lesson_video(ROOT, qname, lesson.number, lesson.slug)
        if not video.is_file():
            continue
        report = measure_lesson(video)
        c, m = report.captions, report.media
        loud = f"{m.loudness:.1f} | {m.true_peak:.1f}" if m.loudness is not None else "– | –"
        print(f"| {video.stem} | {c.seconds / 60:.1f} | {c.wpm:.0f} | {c.cps:.1f} | {c.cps_p95:.1f} | "
              f"{m.longest_still:.1f} s | {loud} | {100 * m.speech_share:.0f} % |", flush=True)
        rows.append({"lesson": video.stem, "minutes": c.seconds / 60, "wpm": c.wpm, "cps": c.cps,
                     "cps_p95": c.cps_p95, "longest_still": m.longest_still,
                     "loudness": m.loudness, "true_peak": m.true_peak,
                     "speech_share": m.speech_share, "problems": report.problems()})
    out[qname]["pace"] = rows


def bench_quality(qname: str, scenes_wanted, jobs: int, out: dict) -> None:
    quality = QUALITIES[qname]
    base = Path(tempfile.mkdtemp(prefix=f"mathreel-bench-{qname}-"))
    try:
        root = scratch_project(base)
        curriculum = load_curriculum(root)
        scenes = pick_scenes(curriculum, scenes_wanted)
        names = [s.name for s in scenes]
        print(f"\n== {qname} ({quality.label}), {len(scenes)} scenes: {', '.join(names)}",
              flush=True)

        plain_wall, plain_cpu = plain_manim(scenes, quality, base / "plain-media", root)
        print(f"plain manim (sequential)     {plain_wall:7.1f} s wall {plain_cpu:7.1f} s CPU",
              flush=True)
        cold_wall, cold_cpu = mathreel_cli([*names, "-q", qname, "-j", str(jobs)], root)
        stats = records(root, qname)
        ratio = cold_wall / plain_wall
        print(f"(a) mathreel render -j {jobs}     {cold_wall:7.1f} s wall {cold_cpu:7.1f} s CPU"
              f"   ratio {ratio:.2f}  (goal <= 0.60)", flush=True)
        # Cores kept busy on average: plain manim cannot use more than what one
        # process's threads (Cairo, ffmpeg) overlap; the engine should use them all.
        # Under load from other processes wall times stretch, CPU seconds hardly do.
        print(f"    CPU ratio {cold_cpu / plain_cpu:.2f}; cores busy: plain "
              f"{plain_cpu / plain_wall:.2f}, engine {cold_cpu / cold_wall:.2f} "
              f"(load average now {os.getloadavg()[0]:.1f})", flush=True)
        for name in names:
            s = stats.get(name, {})
            print(f"      {name:<32} {s.get('seconds', 0):6.1f} s  {s.get('chunks', 1)} chunk(s)"
                  f"  peak {s.get('maxrss_kb', 0) / 1024:5.0f} MB  {s.get('duration', 0):5.1f} s video")
        # The same with Manim's own encoder settings (x264 medium): equal output
        # quality, so only the engine's scheduling and waste-cutting count.
        same_root = scratch_project(base, "project-release")
        same_wall, same_cpu = mathreel_cli([*names, "-q", qname, "-j", str(jobs),
                                            "--encoder", "release"], same_root)
        print(f"    with --encoder release (Manim's x264 settings): {same_wall:7.1f} s wall "
              f"{same_cpu:7.1f} s CPU   ratio {same_wall / plain_wall:.2f}", flush=True)

        noop_wall, _ = mathreel_cli([*names, "-q", qname], root)
        started = time.perf_counter()
        resolver = cache.ImportResolver(root)
        every = [RenderJob(s, quality) for s in curriculum.scenes]
        for job in every:
            cache.job_key(root, job, encoder_options=ENCODERS[DEFAULT_ENCODER], resolver=resolver)
        key_time = time.perf_counter() - started
        resolver.memo.save()
        started = time.perf_counter()
        resolver = cache.ImportResolver(root)  # a new run: parses remembered by mtime
        for job in every:
            cache.job_key(root, job, encoder_options=ENCODERS[DEFAULT_ENCODER], resolver=resolver)
        warm_key_time = time.perf_counter() - started
        print(f"(b) no-op rebuild (CLI)      {noop_wall:7.2f} s (goal <= 2 s); hashing all "
              f"{len(every)} curriculum scenes: {key_time * 1000:.0f} ms the first time "
              f"(parsing), {warm_key_time * 1000:.0f} ms after", flush=True)

        target = max(scenes, key=lambda s: stats.get(s.name, {}).get("duration", 0))
        plain_one, _ = plain_manim([target], quality, base / "plain-media", root,
                                   extra=["--disable_caching"])
        edit_scene(target.path, target.name)
        edit_wall, _ = mathreel_cli([*names, "-q", qname], root)
        after = records(root, qname)
        rerendered = [n for n in names if after.get(n) != stats.get(n)]
        print(f"(c) edit {target.name}: rebuild {edit_wall:6.1f} s vs plain {plain_one:6.1f} s"
              f"  ratio {edit_wall / plain_one:.2f} (goal <= 1.1); re-rendered: "
              f"{', '.join(rerendered)}", flush=True)

        videos = [root / "media" / qname / "scenes" / f"{n}.mp4" for n in names]
        duration = sum(after.get(n, {}).get("duration", 0) for n in names)
        listing = base / "concat.txt"
        listing.write_text("".join(f"file '{v}'\n" for v in videos))
        stitch_wall, _ = timed(["ffmpeg", "-y", "-v", "error", "-f", "concat", "-safe", "0",
                                "-i", str(listing), "-c", "copy", str(base / "joined.mp4")])
        print(f"(d) stream-copy join         {stitch_wall:7.2f} s for {duration:.1f} s of video:"
              f" {stitch_wall / duration:.3%} (goal <= 1%)", flush=True)

        frames = sum(ffprobe_frames(v) for v in videos)
        opts = ENCODERS[DEFAULT_ENCODER]
        floor_wall, floor_cpu = timed([
            "ffmpeg", "-v", "error", "-f", "lavfi", "-i",
            f"testsrc2=size={quality.width}x{quality.height}:rate={quality.fps}",
            "-frames:v", str(frames), "-c:v", "libx264", "-preset", opts["preset"],
            "-crf", opts["crf"], "-pix_fmt", "yuv420p", "-f", "null", "-"])
        cores = os.cpu_count() or 1
        render_cpu = sum(after.get(n, {}).get("cpu", 0) for n in names)
        print(f"(e) floor: ffmpeg encodes {frames} frames in {floor_wall:.1f} s wall "
              f"({floor_cpu:.1f} s CPU); render CPU / {cores} cores = {cold_cpu / cores:.1f} s; "
              f"cold wall {cold_wall:.1f} s is {cold_wall / (cold_cpu / cores):.2f}x that",
              flush=True)
        peak = max((after.get(n, {}).get("maxrss_kb", 0) for n in names), default=0) / 1024
        print(f"    peak memory per worker: {peak:.0f} MB", flush=True)
        out[qname] = {
            "scenes": names, "plain_wall": plain_wall, "plain_cpu": plain_cpu,
            "cold_wall": cold_wall, "cold_cpu": cold_cpu, "ratio": ratio,
            "release_wall": same_wall, "release_cpu": same_cpu,
            "noop_wall": noop_wall, "key_ms_all": key_time * 1000,
            "edit_scene": target.name, "edit_wall": edit_wall, "plain_one": plain_one,
            "rerendered": rerendered, "stitch_wall": stitch_wall, "video_seconds": duration,
            "floor_wall": floor_wall, "floor_cpu": floor_cpu, "frames": frames,
            "render_cpu": render_cpu, "peak_mb": peak,
            "chunks": {n: after.get(n, {}).get("chunks", 1) for n in names},
        }
    finally:
        shutil.rmtree(base, ignore_errors=True)


def short_scenes() -> list[tuple[Path, str]]:
    """(file, class name) of every scene in SHORT_SCENE_FILES, in file order."""
    found = []
    for file in SHORT_SCENE_FILES:
        tree = ast.parse(file.read_text())
        found += [(file, node.name) for node in tree.body if isinstance(node, ast.ClassDef)]
    return found


def bench_startup(out: dict) -> None:
    """(i): one short scene per process, plain ``manim -ql`` against
    ``mathreel render -q low`` and ``mathreel preview``, interleaved (the
    order alternates per scene, so load that comes and goes hits both).
    Each side keeps one media folder across the scenes (LaTeX warms up the
    same way for both); ``preview`` has a project of its own, since it would
    otherwise find the ``render`` output in the cache."""
    base = Path(tempfile.mkdtemp(prefix="mathreel-bench-startup-"))
    try:
        root = scratch_project(base)
        preview_root = scratch_project(base, "project-preview")
        plain_cwd = base / "plain"
        plain_cwd.mkdir()
        scenes = short_scenes()
        print(f"\n== (i) start-up: {len(scenes)} short scenes, one process each, -ql",
              flush=True)
        print(f"    {'scene':<22} {'video':>6} {'manim':>7} {'render':>7} {'preview':>7}"
              f"  render/manim  preview/manim", flush=True)
        rows = []
        for index, (file, name) in enumerate(scenes):
            def plain():
                return timed([str(BIN / "manim"), "-ql", "--media_dir", str(base / "plain-media"),
                              "--progress_bar", "none", "-v", "WARNING", str(file), name],
                             cwd=plain_cwd, stdout=subprocess.DEVNULL)

            def mathreel(command: str, project: Path):
                env = dict(os.environ, MATHREEL_ROOT=str(project))
                args = [str(BIN / "mathreel"), command, f"{file}:{name}"]
                args += ["-q", "low"] if command == "render" else []
                return timed(args, cwd=project, env=env, stdout=subprocess.DEVNULL)

            runs = {"manim": plain, "render": lambda: mathreel("render", root),
                    "preview": lambda: mathreel("preview", preview_root)}
            order = list(runs) if index % 2 == 0 else list(runs)[::-1]
            times = {kind: runs[kind]() for kind in order}  # kind -> (wall, CPU)
            row = {"scene": name, "video": render_duration(root, name),
                   **{kind: wall for kind, (wall, _) in times.items()},
                   **{f"{kind}_cpu": cpu for kind, (_, cpu) in times.items()}}
            rows.append(row)
            print(f"    {name:<22} {row['video']:5.1f}s {row['manim']:6.2f}s {row['render']:6.2f}s "
                  f"{row['preview']:6.2f}s  {row['render'] / row['manim']:12.2f}  "
                  f"{row['preview'] / row['manim']:13.2f}", flush=True)
        summary = {}
        for kind in ("render", "preview"):
            ratios = sorted(r[kind] / r["manim"] for r in rows)
            worst = max(rows, key=lambda r: r[kind] / r["manim"])
            total = sum(r[kind] for r in rows) / sum(r["manim"] for r in rows)
            cpu = sum(r[f"{kind}_cpu"] for r in rows) / sum(r["manim_cpu"] for r in rows)
            summary[kind] = {"median": statistics.median(ratios), "worst": ratios[-1],
                             "worst_scene": worst["scene"], "total": total, "cpu_total": cpu}
            print(f"(i) {kind:<8} / manim, wall: median {statistics.median(ratios):.2f}, worst "
                  f"{ratios[-1]:.2f} ({worst['scene']}), total {total:.2f}; CPU total {cpu:.2f} "
                  f"(goal: wall <= 1.00; load average now {os.getloadavg()[0]:.1f})", flush=True)
        out["startup"] = {"scenes": rows, **summary}
    finally:
        shutil.rmtree(base, ignore_errors=True)


def render_duration(root: Path, name: str) -> float:
    """The video length the engine recorded for a scene (0 for a still)."""
    for record in (root / "media" / ".cache" / "low" / "video").glob(f"{name}.json"):
        return float(json.loads(record.read_text())["stats"].get("duration", 0.0))
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-q", "--quality", nargs="+", default=["low", "high"],
                        choices=list(QUALITIES))
    parser.add_argument("--scenes", nargs="+", default=None)
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", type=Path, default=None, help="also write the numbers here")
    parser.add_argument("--no-curriculum", action="store_true",
                        help="skip the whole-curriculum no-op build in the checkout (-q low)")
    parser.add_argument("--startup-only", action="store_true",
                        help="run only (i): short scenes, one process each, against plain manim")
    args = parser.parse_args()
    print(f"mathreel bench: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, "
          f"encoder {DEFAULT_ENCODER} {ENCODERS[DEFAULT_ENCODER]}")
    out: dict = {}
    if args.startup_only:
        args.quality = []
    else:
        synthesis_rtf(out)
    for qname in args.quality:
        bench_quality(qname, args.scenes, args.jobs, out)
        if qname == "low" and not args.no_curriculum:
            curriculum_noop(qname, out)
    bench_startup(out)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
