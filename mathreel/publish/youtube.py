"""The YouTube bundle: everything an upload needs, in one folder per lesson.

::

    media/<quality>/youtube/NN_<slug>/
        NN_<slug>.mp4       the video, to YouTube's recommended upload settings
        NN_<slug>.en.srt    captions (SubRip), uploaded with captions.insert
        NN_<slug>.en.vtt    captions (WebVTT), for Studio or other hosts
        description.txt     the lesson's description, chapters, notebook pointer
        metadata.json       the request body of videos.insert: {"snippet", "status"}
        thumbnail.png       1280x720, < 2 MB: key frame + title in the course style
        upload.json         written by --upload: what has been sent (video id, ...)

A bundle is built in a private folder and renamed into place, so a folder
that exists is complete. ``upload.py`` sends a bundle.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import atomic_dir
from ..chapters import format_youtube, youtube_problems
from ..filestate import sha256_file
from .lessons import PublishError, PublishFailure, StitchedLesson, link_or_copy, remux
from .thumbnail import make_thumbnail

EDUCATION_CATEGORY = "27"  # videoCategories: "Education"
PRIVACY_STATUSES = ("private", "unlisted", "public")
TITLE_MAX = 100  # characters
DESCRIPTION_MAX = 5000  # bytes
TAGS_MAX = 500  # characters, a tag with a space counting its quotes
METADATA = "metadata.json"
DESCRIPTION = "description.txt"
THUMBNAIL = "thumbnail.png"
RECEIPT = "upload.json"
#: written into every bundle: only a folder holding it (or an empty one) is replaced
BUNDLE_MARKER = ".mathreel-bundle"


@dataclass(frozen=True)
class Bundle:
    """A written bundle folder and the names of its files."""

    folder: Path
    stem: str
    warnings: tuple[str, ...] = field(default=())

    @property
    def video(self) -> Path:
        return self.folder / f"{self.stem}.mp4"

    @property
    def srt(self) -> Path:
        return self.folder / f"{self.stem}.en.srt"

    @property
    def vtt(self) -> Path:
        return self.folder / f"{self.stem}.en.vtt"

    @property
    def metadata(self) -> Path:
        return self.folder / METADATA

    @property
    def description(self) -> Path:
        return self.folder / DESCRIPTION

    @property
    def thumbnail(self) -> Path:
        return self.folder / THUMBNAIL

    @property
    def receipt(self) -> Path:
        return self.folder / RECEIPT

    @classmethod
    def open(cls, folder: Path) -> "Bundle":
        videos = sorted(folder.glob("*.mp4"))
        if not videos or not (folder / METADATA).is_file():
            raise PublishError(f"{folder} is not a YouTube bundle (no video or {METADATA})")
        return cls(folder, videos[0].stem)


def chapter_warnings(stitched: StitchedLesson) -> list[str]:
    """Why YouTube will show no chapters for the lesson (by
    :func:`mathreel.chapters.youtube_problems`, the rules stitch applies)."""
    problems = youtube_problems(stitched.chapters)
    if not problems:
        return []
    return [f"lesson {stitched.lesson.code}: YouTube will not show chapters ({'; '.join(problems)})"]


def description_text(stitched: StitchedLesson) -> str:
    """The video description: what the lesson is, its chapters (when YouTube
    can show them: the list stitch wrote, by the same rules), where its code is."""
    lesson = stitched.lesson
    chapters = format_youtube(stitched.chapters)
    parts = [lesson.description.strip(), *(["Chapters\n" + chapters.strip()] if chapters else [])]
    if stitched.notebook:
        parts.append(f"Run the code yourself: the notebook {stitched.notebook} in the mathreel "
                     "repository computes every number in this video with mathcore.")
    return "\n\n".join(parts) + "\n"


def _tags_fitting(tags: tuple[str, ...]) -> list[str]:
    chosen, used = [], 0
    for tag in tags:
        cost = len(tag) + (2 if " " in tag else 0) + (1 if chosen else 0)
        if used + cost > TAGS_MAX:
            break
        chosen.append(tag)
        used += cost
    return chosen


def metadata(stitched: StitchedLesson, description: str, privacy: str = "private") -> dict:
    """The ``body`` of ``youtube.videos().insert(part="snippet,status", body=...)``."""
    lesson = stitched.lesson
    if privacy not in PRIVACY_STATUSES:
        raise PublishError(f"privacy must be one of {', '.join(PRIVACY_STATUSES)}, got '{privacy}'")
    title = lesson.title.strip()
    for name, text in (("title", title), ("description", description)):
        if "<" in text or ">" in text:
            raise PublishError(f"lesson {lesson.code}: YouTube rejects '<' and '>' in a video {name}")
    if len(title) > TITLE_MAX:
        raise PublishError(f"lesson {lesson.code}: the title has {len(title)} characters, "
                           f"YouTube allows {TITLE_MAX}")
    if len(description.encode("utf-8")) > DESCRIPTION_MAX:
        raise PublishError(f"lesson {lesson.code}: the description is over YouTube's "
                           f"{DESCRIPTION_MAX} bytes")
    return {
        "snippet": {
            "title": title,
            "description": description,
            "tags": _tags_fitting(lesson.tags),
            "categoryId": EDUCATION_CATEGORY,
            "defaultLanguage": "en",
            "defaultAudioLanguage": "en",
        },
        "status": {
            "privacyStatus": privacy,
            "embeddable": True,
            "license": "youtube",
            "publicStatsViewable": True,
            "selfDeclaredMadeForKids": False,
        },
    }


def release_video(src: Path, dst: Path) -> list[str]:
    """The video at YouTube's recommended upload settings, without the soft
    subtitle track (captions travel as files) and with the index first.

    A lesson stitched with ``--release`` / ``-q production`` is already a
    release encode (stitch tags it): it is copied stream by stream. Anything
    else is encoded once with ``mathreel.encode``'s release settings, the
    only place encoder settings live.
    """
    import ffmpeg

    from .. import encode, media_tools
    from ..stitch import RELEASE_COMMENT, is_release_encode

    if is_release_encode(src):
        remux(src, dst)
        return []
    video = encode.probe(src)
    source = ffmpeg.input(str(src))
    streams = [source["v:0"]] + ([source["a:0"]] if video.has_audio else [])
    options = {**encode.release_video_options(video.height, video.fps),
               **(encode.audio_options(release=True) if video.has_audio else {})}
    out = ffmpeg.output(*streams, str(dst), f="mp4", movflags="+faststart",
                        metadata=f"comment={RELEASE_COMMENT}", **options)
    try:
        media_tools.run(out.overwrite_output(), f"release encode of {src.name}")
    except media_tools.EncodeError as exc:
        raise PublishFailure(str(exc)) from None
    return [] if video.has_audio else [f"{src.name} has no audio track"]




def build_bundle(stitched: StitchedLesson, out_dir: Path, *, privacy: str = "private",
                 thumbnail_at: float | None = None) -> Bundle:
    """Write ``out_dir/NN_<slug>/`` for one stitched lesson; return it.

    An earlier ``upload.json`` is kept when the new video is byte-identical to
    the one it describes, so a re-run does not upload the same video twice.
    """
    stem = stitched.stem
    dest = out_dir / stem
    description = description_text(stitched)
    body = metadata(stitched, description, privacy)  # validate before any work
    warnings = chapter_warnings(stitched)
    old_receipt = dest / RECEIPT
    # a bundle written before the marker existed holds only these files
    legacy = frozenset({f"{stem}.mp4", f"{stem}.en.srt", f"{stem}.en.vtt", DESCRIPTION,
                        METADATA, THUMBNAIL, RECEIPT})
    with atomic_dir(dest, BUNDLE_MARKER, protect=(stitched.root,), own_files=legacy) as tmp:
        bundle = Bundle(tmp, stem)
        warnings += release_video(stitched.video, bundle.video)
        link_or_copy(stitched.srt, bundle.srt)
        link_or_copy(stitched.vtt, bundle.vtt)
        bundle.description.write_text(description, encoding="utf-8")
        bundle.metadata.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
        make_thumbnail(stitched, bundle.thumbnail, thumbnail_at)
        if old_receipt.is_file():
            try:
                receipt = json.loads(old_receipt.read_text(encoding="utf-8"))
            except ValueError:
                receipt = {}
            if receipt.get("videoSha256") == sha256_file(bundle.video):
                bundle.receipt.write_text(old_receipt.read_text(encoding="utf-8"), encoding="utf-8")
    return Bundle(dest, stem, tuple(warnings))
