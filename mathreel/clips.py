"""A rendered scene in another container, for a blog post or a README
(``render --format gif|webm``, as Manim's ``--format``).

The scene is rendered (and cached) as MP4 like any other; the clip is
converted from that file with ffmpeg and written beside it
(:func:`mathreel.project.export_path`), under a temporary name first. A clip
newer than its video is up to date: a re-render replaces the video, which
makes it older than the clip's source again.
"""

from __future__ import annotations

from pathlib import Path

from . import media_tools
from .atomic import replacing
from .project import export_path

#: ffmpeg arguments per format. GIF: one palette made for the clip
#: (``palettegen`` with ``stats_mode=diff`` favours what moves) and applied
#: with ordered dithering, which keeps flat backgrounds flat. WebM: VP9 at
#: constant quality (Manim's own WebM codec) with Opus for the narration.
CONVERSIONS: dict[str, list[str]] = {
    "gif": ["-filter_complex",
            "[0:v]split[a][b];[a]palettegen=stats_mode=diff[p];"
            "[b][p]paletteuse=dither=bayer:bayer_scale=5", "-an", "-loop", "0"],
    "webm": ["-c:v", "libvpx-vp9", "-crf", "32", "-b:v", "0", "-row-mt", "1",
             "-pix_fmt", "yuv420p", "-c:a", "libopus", "-b:a", "96k"],
}


class ClipError(RuntimeError):
    """ffmpeg could not convert a video; the message names it and why."""


def export(video: Path, fmt: str) -> Path:
    """``video`` as ``fmt`` (a key of :data:`CONVERSIONS`) beside it; the
    existing clip when it is newer than the video."""
    if fmt not in CONVERSIONS:
        raise ValueError(f"format must be one of {', '.join(CONVERSIONS)}, got {fmt!r}")
    target = export_path(video, fmt)
    if target.is_file() and target.stat().st_mtime_ns > video.stat().st_mtime_ns:
        return target
    with replacing(target) as tmp:
        try:
            media_tools.run([*media_tools.FFMPEG_QUIET, "-i", str(video), *CONVERSIONS[fmt],
                             str(tmp)], f"converting {video.name} to {fmt}")
        except media_tools.EncodeError as exc:
            raise ClipError(str(exc)) from None
    return target
