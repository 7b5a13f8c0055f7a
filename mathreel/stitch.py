"""Stitch scene renders into a lesson video, and lessons into the course video.

A lesson is its title card, then its scenes in curriculum order. One ffmpeg
run (built with ffmpeg-python) writes the whole MP4:

* **video**: when every part has the same codec, resolution, frame rate and
  pixel format, the concat demuxer joins them by stream copy (no re-encode,
  each part's length given from its frame count so parts abut exactly);
  otherwise every part is scaled/padded to the quality's frame and
  re-encoded, and the result says which part differed in what. Release
  encoding (``-q production`` or ``release=True``) always re-encodes once,
  with YouTube's settings (see :mod:`mathreel.encode`).
* **audio**: each part's audio (or silence, when it has none) padded/trimmed
  to exactly its video length, joined, loudness-normalised as one programme
  (-16 LUFS, true peak under -1 dBTP: :mod:`mathreel.loudness`) and encoded
  as AAC-LC 48 kHz stereo, so narration never drifts across parts and every
  player and uploader gets an audio track. (AAC packets cannot be
  concatenated by copy without the encoder delay of each part piling up.)
* **captions**: the parts' ``.srt`` cues shifted by each part's start, as a
  soft ``mov_text`` track (players show CC) and as ``.srt``/``.vtt`` sidecars.
* **chapters**: one per scene (title from the curriculum), merged where
  shorter than YouTube allows, into the MP4's chapter metadata and the
  ``.chapters.json`` / ``.chapters.txt`` sidecars.

Everything is written to a temporary name in the destination folder, then
renamed. A lesson or course whose parts (each video's and captions' size and
modification time), titles and settings are those of the last stitch, and
whose outputs are still the files that stitch wrote, is not stitched again:
the record under ``media/.cache/<quality>/stitch/`` answers, so a no-op build
costs file stats, not ffmpeg runs.
"""

from __future__ import annotations

import functools
import hashlib
import json
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from pathlib import Path

import ffmpeg

from . import captions as cap
from . import loudness, media_tools
from .atomic import replacing, temp_dir, write_json, write_text
from .cache import kit_file
from .chapters import Chapter, format_ffmetadata, plan_chapters, write_chapters
from .curriculum import Curriculum, Lesson, SceneRef
from .encode import (
    AUDIO_RATE, VideoInfo, audio_options, probe, release_video_options,
    working_video_options,
)
from .project import (
    QUALITIES, Quality, course_video, lesson_video, scene_video, sidecar, still_image,
    stitch_record, title_data_file, title_scene_name,
)
from .filestate import sha256_file, stamp_or_none
from .verify import DamagedVideoError, check_render, check_stitched

TITLE_CARD_FILE = "title_card.py"  # the scene kit's title card, rendered by path
STITCH_VERSION = 1  # bump when join() writes something different for the same inputs
RELEASE_QUALITIES = ("production",)
RELEASE_COMMENT = "mathreel release encode (YouTube upload settings)"
BURN_STYLE = ("FontName=DejaVu Sans,FontSize=16,BorderStyle=3,Outline=1,Shadow=0,"
              "BackColour=&H80000000,MarginV=18")


class StitchError(RuntimeError):
    """A lesson cannot be stitched; the message says which part and why."""


class MissingRenderError(StitchError):
    """A part has not been rendered yet, or is damaged (the user can fix this
    by rendering)."""


class StillSceneError(StitchError):
    """A lesson lists a still scene (no animations: its render is a PNG), which
    cannot be a part of a video (the user can fix this in the scene)."""


@dataclass(frozen=True)
class Part:
    """One piece of a joined video."""

    video: Path
    title: str  # its chapter title
    srt: Path | None = None  # its captions, if any
    name: str = ""  # how messages name it (scene class, lesson code)
    # raises DamagedVideoError unless ``video`` is what its stage recorded;
    # run only when the part is joined (a no-op build costs file stats)
    check: Callable[[], None] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class JoinPlan:
    copy: bool  # video by stream copy
    reason: str = ""  # why it is re-encoded


@dataclass
class StitchResult:
    output: Path
    duration: float  # of the written video stream
    frames: int
    expected_frames: int  # sum of the parts' frames
    plan: JoinPlan
    parts: list[VideoInfo]
    chapters: list[Chapter]
    notes: list[str] = field(default_factory=list)
    sidecars: dict[str, Path] = field(default_factory=dict)
    seconds: float = 0.0  # wall time of the stitch
    cached: bool = False  # up to date: the last stitch's outputs, nothing run

    @property
    def method(self) -> str:
        return "stream copy" if self.plan.copy else f"re-encoded: {self.plan.reason}"


# ---- the stitch record: skip a join whose inputs did not change --------------

def join_key(parts: list[Part], output: Path, settings: dict) -> str:
    """What a join depends on: every part's video and captions (as size and
    modification time: a re-render replaces the file), titles, names, the
    output's name and the settings."""
    inputs = {"version": STITCH_VERSION, "output": output.name, "settings": settings,
              "parts": [[str(p.video), stamp_or_none(p.video), str(p.srt), stamp_or_none(p.srt),
                         p.title, p.name] for p in parts]}
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, default=str).encode()).hexdigest()


def _result_to_json(result: StitchResult) -> dict:
    return {"duration": result.duration, "frames": result.frames,
            "expected_frames": result.expected_frames, "plan": asdict(result.plan),
            "parts": [{**asdict(i), "path": str(i.path), "fps": str(i.fps)}
                      for i in result.parts],
            "chapters": [asdict(c) for c in result.chapters], "notes": result.notes}


def _result_from_json(output: Path, data: dict, sidecars: dict[str, Path]) -> StitchResult:
    infos = [VideoInfo(**{**i, "path": Path(i["path"]), "fps": Fraction(i["fps"])})
             for i in data["parts"]]
    return StitchResult(output, data["duration"], data["frames"], data["expected_frames"],
                        JoinPlan(**data["plan"]), infos,
                        [Chapter(**c) for c in data["chapters"]], data["notes"], sidecars,
                        cached=True)


def _up_to_date(record_path: Path, key: str, output: Path) -> StitchResult | None:
    try:
        record = json.loads(record_path.read_text())
    except (OSError, ValueError):
        return None
    files = {name: Path(path) for name, (path, _) in record.get("outputs", {}).items()}
    if record.get("key") != key or "video" not in files or any(
            stamp_or_none(files[name]) != stamp for name, (_, stamp) in record["outputs"].items()):
        return None
    sidecars = {name: path for name, path in files.items() if name != "video"}
    try:
        return _result_from_json(output, record["result"], sidecars)
    except (KeyError, TypeError, ValueError):
        return None


def _remember(record_path: Path, key: str, result: StitchResult) -> None:
    """Written after every output is in place, so a stitch killed half-way
    is never taken for done."""
    files = {"video": result.output, **result.sidecars}
    write_json(record_path, {
        "key": key, "result": _result_to_json(result), "video_sha256": sha256_file(result.output),
        "outputs": {name: [str(path), stamp_or_none(path)] for name, path in files.items()}})


def plan_join(infos: list[VideoInfo], names: list[str], *, release: bool = False) -> JoinPlan:
    """Stream copy when every part matches the first in codec, resolution,
    frame rate and pixel format (and release encoding is not asked for)."""
    if release:
        return JoinPlan(False, "release encoding (YouTube upload settings)")
    first = infos[0].signature()
    for info, name in zip(infos[1:], names[1:]):
        sig = info.signature()
        for key, value in sig.items():
            if value != first[key]:
                return JoinPlan(False, f"{name} differs from {names[0]} in {key} "
                                       f"({value} vs {first[key]})")
    return JoinPlan(True)


def _concat_list(infos: list[VideoInfo], folder: Path) -> Path:
    lines = ["ffconcat version 1.0"]
    for info in infos:
        quoted = str(info.path.resolve()).replace("'", "'\\''")
        lines += [f"file '{quoted}'", f"duration {info.duration:.6f}"]
    path = folder / "parts.ffconcat"
    path.write_text("\n".join(lines) + "\n")
    return path


def _audio_tracks(inputs, infos: list[VideoInfo]) -> list:
    """Each part's audio at 48 kHz stereo, exactly as long as its video:
    its own sound, or a branch of one shared silence source."""
    silent = [i for i, info in enumerate(infos) if not info.has_audio]
    branches = {}
    if silent:
        source = ffmpeg.input(f"anullsrc=r={AUDIO_RATE}:cl=stereo", f="lavfi")["a"]
        split = source.filter_multi_output("asplit", len(silent))
        branches = {index: split.stream(n) for n, index in enumerate(silent)}
    return [_fit_audio(branches.get(i) or inputs[i]["a"], info)
            for i, info in enumerate(infos)]


def _fit_audio(stream, info: VideoInfo):
    return (stream.filter("asetpts", "PTS-STARTPTS")
            .filter("aresample", AUDIO_RATE)
            .filter("aformat", sample_fmts="fltp", channel_layouts="stereo")
            .filter("apad")
            .filter("atrim", duration=f"{info.duration:.6f}")
            .filter("asetpts", "N/SR/TB"))


def _video_for(index_input, width: int, height: int, fps):
    return (index_input["v"].filter("setpts", "PTS-STARTPTS")
            .filter("fps", fps=str(fps))
            .filter("scale", width, height, force_original_aspect_ratio="decrease")
            .filter("pad", width, height, "(ow-iw)/2", "(oh-ih)/2")
            .filter("setsar", "1")
            .filter("format", "yuv420p"))


def _insert_chapters(args: list[str], metadata: Path, output: Path) -> list[str]:
    """Add the ffmetadata file as the last input and take chapters and global
    metadata from it (ffmpeg-python has no way to map an input's chapters)."""
    inputs = [i for i, a in enumerate(args) if a == "-i"]
    at = inputs[-1] + 2
    index = len(inputs)
    args = args[:at] + ["-f", "ffmetadata", "-i", str(metadata)] + args[at:]
    out = args.index(str(output))
    return args[:out] + ["-map_metadata", str(index), "-map_chapters", str(index)] + args[out:]


def join(parts: list[Part], output: Path, *, title: str, quality: Quality | None = None,
         release: bool = False, burn: bool = False, leading_untitled: bool = False,
         copy_if_release_encoded: bool = False, record: Path | None = None,
         force: bool = False, normalised_parts: bool = False) -> StitchResult:
    """Join ``parts`` into ``output`` with its captions and chapters sidecars.

    ``leading_untitled``: the first part (a title card) opens the first
    chapter instead of being one. ``copy_if_release_encoded``: in release
    mode, join by stream copy when every part is already a release encode
    (the course from release lessons). ``record``: a JSON file remembering
    this join; when the inputs and outputs are unchanged since, nothing is
    run and the remembered result comes back with ``cached=True`` (unless
    ``force``). ``normalised_parts``: every part is a programme this module
    already normalised (the course's lessons): their joined audio is at the
    targets already, so it is not measured and normalised again (about ten
    minutes of CPU for a course of a hundred minutes).
    """
    started = time.perf_counter()
    if not parts:
        raise StitchError(f"{output.name}: nothing to join")
    key = None
    if record is not None:
        key = join_key(parts, output, {
            "title": title, "release": release, "burn": burn,
            "leading_untitled": leading_untitled,
            "copy_if_release_encoded": copy_if_release_encoded,
            "frame": [quality.width, quality.height, quality.fps] if quality else None,
            "loudness": "parts normalised" if normalised_parts else loudness.settings()})
        remembered = None if force else _up_to_date(record, key, output)
        if remembered is not None:
            remembered.seconds = time.perf_counter() - started
            return remembered
    _check_parts(parts)
    infos = [probe(p.video) for p in parts]
    already = copy_if_release_encoded and all(is_release_encode(p.video) for p in parts)
    plan = plan_join(infos, [p.name or p.video.stem for p in parts],
                     release=release and not already)
    starts = _starts(infos)
    cues = _lesson_cues(parts, starts, infos)
    chapter_plan = plan_chapters(
        [(s, s + i.duration, p.title) for p, s, i in zip(parts, starts, infos)],
        leading_untitled=leading_untitled)
    width, height, fps = ((quality.width, quality.height, quality.fps) if quality
                          else (infos[0].width, infos[0].height, infos[0].fps))
    programme = _Programme(parts, infos, plan, cues, chapter_plan.chapters, title,
                           (width, height, fps), release, tagged=release or already,
                           normalise=not normalised_parts)
    written = _encode(programme, output)
    sidecars = _write_sidecars(output, cues, chapter_plan.chapters)
    if burn:
        sidecars["burned"] = burn_captions(output, sidecars["srt"], release=release,
                                           height=height, fps=fps)
    expected = (sum(i.frames for i in infos) if plan.copy
                else round(programme.duration * float(fps)))
    notes = ([f"re-encoding: {plan.reason}"] if not plan.copy else []) + list(chapter_plan.notes)
    result = StitchResult(output, written.duration, written.frames, expected, plan, infos,
                          chapter_plan.chapters, notes, sidecars)
    if record is not None:
        _remember(record, key, result)
    result.seconds = time.perf_counter() - started
    return result


def _check_parts(parts: list[Part]) -> None:
    """Each part's own check (its video is what its stage recorded); a
    damaged part is a MissingRenderError naming the command that redoes it."""
    try:
        for part in parts:
            if part.check is not None:
                part.check()
    except DamagedVideoError as exc:
        raise MissingRenderError(str(exc)) from None


def _starts(infos: list[VideoInfo]) -> list[float]:
    """Where each part starts in the joined video, in seconds."""
    starts, t = [], 0.0
    for info in infos:
        starts.append(t)
        t += info.duration
    return starts


def _lesson_cues(parts: list[Part], starts: list[float], infos: list[VideoInfo]) -> list[cap.Cue]:
    """Each part's captions, clipped to it, shifted by its start."""
    return cap.merge([(cap.read_srt(p.srt) if p.srt and p.srt.is_file() else [], s, i.duration)
                      for p, s, i in zip(parts, starts, infos)])


@dataclass(frozen=True)
class _Programme:
    """Everything the one ffmpeg run of a join writes."""

    parts: list[Part]
    infos: list[VideoInfo]
    plan: JoinPlan
    cues: list[cap.Cue]
    chapters: list[Chapter]
    title: str
    frame: tuple  # (width, height, fps) of a re-encode
    release: bool  # YouTube's encoder settings
    tagged: bool  # tagged as a release encode
    normalise: bool  # measure and normalise the joined audio

    @property
    def duration(self) -> float:
        return _starts(self.infos)[-1] + self.infos[-1].duration


def _video_stream(programme: _Programme, inputs: list, work: Path) -> tuple:
    """The joined picture and its encoder options: the parts' packets by
    stream copy, or each part fitted to the frame and encoded once."""
    if programme.plan.copy:
        video = ffmpeg.input(str(_concat_list(programme.infos, work)), f="concat", safe=0)["v"]
        return video, {"c:v": "copy"}
    width, height, fps = programme.frame
    video = ffmpeg.concat(*[_video_for(i, width, height, fps) for i in inputs], v=1, a=0)
    return video, (release_video_options(height, fps) if programme.release
                   else working_video_options())


def _audio_stream(programme: _Programme, inputs: list, output: Path):
    """The joined sound, each part as long as its picture, normalised as one
    programme unless its parts already were."""
    audio = ffmpeg.concat(*_audio_tracks(inputs, programme.infos), v=0, a=1)
    if not programme.normalise:
        return audio
    return loudness.normalise(audio, programme.duration,
                              has_sound=any(i.has_audio for i in programme.infos),
                              what=f"measuring the loudness of {output.name}")


def _encode(programme: _Programme, output: Path) -> VideoInfo:
    """Write ``output`` (picture, sound, soft captions, chapters) in one
    ffmpeg run under a temporary name; what was written, as probed."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with temp_dir(output.parent, "stitch") as work:
        work = Path(work)
        srt_tmp = work / "captions.srt"
        srt_tmp.write_text(cap.format_srt(programme.cues), encoding="utf-8")
        meta = work / "chapters.ffmeta"
        tags = {"comment": RELEASE_COMMENT} if programme.tagged else {}
        meta.write_text(format_ffmetadata(programme.chapters, programme.title, tags),
                        encoding="utf-8")
        inputs = [ffmpeg.input(str(p.video)) for p in programme.parts]
        video, video_opts = _video_stream(programme, inputs, work)
        streams = [video, _audio_stream(programme, inputs, output)]
        sub_opts = {}
        if programme.cues:
            streams.append(ffmpeg.input(str(srt_tmp), f="srt")["s"])
            sub_opts = {"c:s": "mov_text", "metadata:s:s:0": "language=eng",
                        "metadata:s:s": "handler_name=English"}
        with replacing(output) as tmp:
            out = ffmpeg.output(*streams, str(tmp), f="mp4", movflags="+faststart",
                                **video_opts, **audio_options(programme.release), **sub_opts,
                                **{"metadata:s:a:0": "language=eng"})
            args = _insert_chapters(out.overwrite_output().compile(), meta, tmp)
            media_tools.run(args, f"stitching {output.name}")
            written = probe(tmp)
    return written


def _write_sidecars(output: Path, cues: list[cap.Cue], chapters: list[Chapter]) -> dict[str, Path]:
    """The captions (``.srt``, ``.vtt``) and chapters (``.chapters.json``,
    ``.chapters.txt``) beside ``output``; their paths by kind."""
    sidecars = {kind: sidecar(output, kind) for kind in ("srt", "vtt", "chapters_json",
                                                         "chapters_txt")}
    cap.write_captions(cues, sidecars["srt"], sidecars["vtt"])
    write_chapters(chapters, sidecars["chapters_json"], sidecars["chapters_txt"])
    return sidecars


def is_release_encode(video: Path) -> bool:
    """Whether ``video`` is a release encode made by mathreel (tagged so)."""
    try:
        tags = media_tools.probe(video)["format"].get("tags", {})
    except media_tools.EncodeError:
        return False
    return tags.get("comment") == RELEASE_COMMENT


def burn_captions(video: Path, srt: Path, *, release: bool = False, height: int = 480,
                  fps=15) -> Path:
    """A second file with the captions drawn into the picture (``.burned.mp4``).

    The subtitles filter takes its file name inside the filter graph, where
    ``'``, ``:``, ``\\`` and ``,`` are syntax (and ffmpeg-python escapes them
    twice over), so a project path holding one broke the burn. The captions
    are copied under a plain name into a private folder that ffmpeg runs in,
    and the filter names only that."""
    target = sidecar(video, "burned")
    source = ffmpeg.input(str(Path(video).resolve()))
    picture = source["v"].filter("subtitles", "captions.srt", force_style=BURN_STYLE)
    opts = release_video_options(height, fps) if release else working_video_options()
    with replacing(target) as tmp, temp_dir(target.parent, "burn") as work:
        shutil.copyfile(srt, Path(work) / "captions.srt")
        out = ffmpeg.output(picture, source["a"], str(Path(tmp).resolve()), f="mp4",
                            movflags="+faststart", map_chapters=0, **opts, **{"c:a": "copy"})
        media_tools.run(out.overwrite_output(), f"burning captions into {video.name}", cwd=work)
    return target


# ---- lessons and the course -------------------------------------------------

def title_card(root: Path, lesson: Lesson) -> SceneRef:
    """The lesson's title card: the scene kit's ``title_card.py`` rendered as
    ``LessonNNTitle``, with the lesson's number and title written as data to
    ``media/.titles/LessonNNTitle.json`` (only rewritten when they change).
    The render's cache key holds the title and number (the scene's curriculum
    entry), and each lesson's card has its own name, video and record."""
    name = title_scene_name(lesson.number)
    data = title_data_file(root, name)
    text = json.dumps({"number": lesson.number, "title": lesson.title}, ensure_ascii=False) + "\n"
    if not data.is_file() or data.read_text(encoding="utf-8") != text:
        write_text(data, text)
    card = kit_file(root, TITLE_CARD_FILE)
    if card is None:
        raise StitchError(f"lesson {lesson.code}: the scene kit (scenekit/{TITLE_CARD_FILE}) is "
                          "neither in the project nor installed")
    return SceneRef(name, card, lesson.title, lesson.number)


def lesson_parts(root: Path, quality: str, lesson: Lesson) -> list[Part]:
    """The title card and the scenes of ``lesson``, rendered at ``quality``."""
    if not lesson.scenes:
        raise StitchError(f"lesson {lesson.code} ({lesson.slug}) has no scenes yet")
    refs = [title_card(root, lesson), *lesson.scenes]
    require_videos(root, quality, lesson, refs)
    parts = []
    for ref in refs:
        video = scene_video(root, quality, ref.name)
        # a title card is rendered by stitch/build, not by a render target
        repair = (f"mathreel build {lesson.code} -q {quality} --force" if ref is refs[0]
                  else f"mathreel render {ref.name} -q {quality} --force")
        parts.append(Part(video, ref.title, video.with_suffix(".srt"), ref.name,
                          check=functools.partial(check_render, root, quality, ref, repair)))
    return parts


def require_videos(root: Path, quality: str, lesson: Lesson, refs) -> None:
    """Every scene of ``refs`` has its video at ``quality``; else a one-line
    :class:`StillSceneError` (a scene rendered to a PNG, having no animation)
    or :class:`MissingRenderError` (not rendered yet)."""
    videos = {ref.name: scene_video(root, quality, ref.name) for ref in refs}
    missing = [name for name, video in videos.items() if not video.is_file()]
    stills = [name for name in missing if still_image(videos[name]).is_file()]
    if stills:
        raise StillSceneError(
            f"lesson {lesson.code}: {', '.join(stills)} "
            f"{'is a still scene' if len(stills) == 1 else 'are still scenes'} (no play() or "
            "wait(), so the render is a PNG) and a lesson joins videos; give it an animation "
            "or a self.wait()")
    if missing:
        raise MissingRenderError(
            f"lesson {lesson.code}: not rendered at {quality} quality: {', '.join(missing)}; "
            f"run `mathreel build {lesson.code} -q {quality}`")


def is_release(quality: str, release: bool = False) -> bool:
    return release or quality in RELEASE_QUALITIES


def stitch_lesson(root: Path, lesson: Lesson, quality: str, *, release: bool = False,
                  burn: bool = False, force: bool = False) -> StitchResult:
    """``media/<q>/lessons/NN_<slug>.mp4`` and its sidecars from rendered
    parts (not joined again when nothing changed, unless ``force``)."""
    parts = lesson_parts(root, quality, lesson)
    output = lesson_video(root, quality, lesson.number, lesson.slug)
    return join(parts, output, title=f"{lesson.code} {lesson.title}", quality=QUALITIES[quality],
                release=is_release(quality, release), burn=burn, leading_untitled=True,
                record=stitch_record(root, quality, output), force=force)


def course_chapter_title(lesson: Lesson) -> str:
    return f"{lesson.number}. {lesson.title}"


def stitch_course(root: Path, curriculum: Curriculum, quality: str, *, release: bool = False,
                  burn: bool = False, force: bool = False) -> StitchResult:
    """``media/<q>/course.mp4``: every lesson that has scenes, in order (not
    joined again when nothing changed, unless ``force``)."""
    lessons = [l for l in curriculum.lessons if l.scenes]
    if not lessons:
        raise StitchError("no lesson has scenes yet: nothing to join into a course")
    missing = [l.code for l in lessons
               if not lesson_video(root, quality, l.number, l.slug).is_file()]
    if missing:
        raise MissingRenderError(
            f"course: lessons not stitched at {quality} quality: {', '.join(missing)}; "
            f"run `mathreel build -q {quality}`")
    parts = []
    for lesson in lessons:
        video = lesson_video(root, quality, lesson.number, lesson.slug)
        parts.append(Part(video, course_chapter_title(lesson), sidecar(video, "srt"),
                          f"lesson {lesson.code}", check=functools.partial(
                              check_stitched, root, quality, video,
                              f"mathreel stitch {lesson.code} -q {quality} --force")))
    output = course_video(root, quality)
    return join(parts, output, title="mathreel: the mathematics of ML",
                quality=QUALITIES[quality], release=is_release(quality, release), burn=burn,
                copy_if_release_encoded=True, record=stitch_record(root, quality, output),
                force=force, normalised_parts=True)
