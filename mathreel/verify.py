"""Check a video before it is joined into another one.

The render cache trusts a file's size and modification time (cheap enough for
a no-op build of the whole curriculum to cost file stats), so a file damaged
in place and given its old mtime back still counts as rendered. What is
*joined* is checked harder, once per join: ``stitch`` checks every scene
video against its render record and ``publish`` every lesson video against
its stitch record:

* the SHA-256 of the file, when the record has one (every record written
  since this check exists): any changed byte;
* a probe reading every packet (``-count_packets``, no decoding, a fraction
  of a second per minute of video): the video's frame count and duration
  against the record's, and no demuxer error. A record without a digest is
  checked this way alone. (A file damaged in the middle of its data can keep
  its container's frame count while the concat demuxer stops at the damage:
  that is what the digest and the demuxer's errors are for.)

A damaged file is a one-line :class:`DamagedVideoError` naming the file and
the command that makes it again.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

from .curriculum import SceneRef
from .filestate import sha256_file
from .media_tools import ffprobe
from .project import QUALITIES, render_record, scene_video, stitch_record


class DamagedVideoError(ValueError):
    """A video no longer matches what the stage that wrote it recorded."""


def read_packets(path: Path) -> tuple[int, float, str]:
    """(video frames read, video duration in seconds, demuxer errors) of
    ``path``, every packet read by the probe."""
    proc = ffprobe("-v", "error", "-count_packets", "-select_streams", "v:0",
                   "-show_entries", "stream=nb_read_packets,r_frame_rate,duration",
                   "-of", "json", str(path))
    errors = " / ".join(line.strip() for line in proc.stderr.splitlines() if line.strip())
    try:
        stream = json.loads(proc.stdout)["streams"][0]
        frames = int(stream["nb_read_packets"])
    except (ValueError, KeyError, IndexError, TypeError):
        return 0, 0.0, errors or "no video stream could be read"
    try:
        duration = float(stream["duration"])
    except (KeyError, ValueError):
        duration = float(frames / Fraction(stream.get("r_frame_rate", "0/1"))) \
            if stream.get("r_frame_rate", "0/1") != "0/1" else 0.0
    if proc.returncode != 0 and not errors:
        errors = "ffprobe failed"
    return frames, duration, errors


def check_video(path: Path, *, frames: int | None, duration: float | None,
                sha256: str | None, repair: str, fps: float | None = None) -> None:
    """Raise DamagedVideoError unless ``path`` is the video its record
    describes (``frames``, ``duration`` and ``sha256`` as recorded; None:
    not recorded, not checked). ``repair``: the command that makes it again."""
    def damaged(why: str) -> DamagedVideoError:
        return DamagedVideoError(f"{path} is damaged ({why}); run `{repair}`")

    if sha256 is not None and sha256_file(path) != sha256:
        raise damaged("its content is not what was written")
    got_frames, got_duration, errors = read_packets(path)
    if errors:
        raise damaged(f"ffprobe: {errors[:200]}")
    if frames is not None and got_frames != frames:
        raise damaged(f"{got_frames} frames where {frames} were written")
    tolerance = 0.5 / fps if fps else 0.02
    if duration is not None and abs(got_duration - duration) > max(tolerance, 0.02):
        raise damaged(f"{got_duration:.3f} s where {duration:.3f} s were written")


def check_render(root: Path, quality: str, ref: SceneRef, repair: str) -> None:
    """Raise DamagedVideoError unless ``ref``'s video at ``quality`` is the
    file its render record describes."""
    video = scene_video(root, quality, ref.name, ref.namespace)
    try:
        record = json.loads(render_record(root, quality, "video", ref.name, ref.namespace)
                            .read_text(encoding="utf-8"))
        entry, stats = record["outputs"]["video"], record["stats"]
    except (OSError, ValueError, KeyError, TypeError):
        raise DamagedVideoError(f"{video} has no render record, so it cannot be checked; "
                                f"run `{repair}`") from None
    check_video(video, frames=stats.get("frames"), duration=stats.get("duration"),
                sha256=entry.get("sha256"), repair=repair, fps=QUALITIES[quality].fps)


def check_stitched(root: Path, quality: str, video: Path, repair: str) -> None:
    """Raise DamagedVideoError unless the lesson or course ``video`` is the
    file its stitch record describes."""
    try:
        record = json.loads(stitch_record(root, quality, video).read_text(encoding="utf-8"))
        result = record["result"]
    except (OSError, ValueError, KeyError, TypeError):
        raise DamagedVideoError(f"{video} has no stitch record, so it cannot be checked; "
                                f"run `{repair}`") from None
    check_video(video, frames=result.get("frames"), duration=result.get("duration"),
                sha256=record.get("video_sha256"), repair=repair, fps=QUALITIES[quality].fps)
