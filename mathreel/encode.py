"""What a probe of a video says about it, and the encoder settings mathreel uses.

Two kinds of encode:

* **working** (when parts differ and must be re-encoded, or captions are
  burned in): libx264 ``veryfast`` at CRF 18, yuv420p; quick, near-lossless.
* **release** (``-q production`` or ``--release``): YouTube's recommended
  upload settings: H.264 High profile, yuv420p, progressive, 2 consecutive
  B-frames, CABAC, a closed GOP of half the frame rate (a fixed keyframe
  interval: no extra scene-cut keyframes), the recommended SDR bitrate for the
  resolution and frame rate (held with x264's HRD: Manim's flat frames would
  otherwise come out far below it, e.g. 0.55 of 2.5 Mb/s at 480p), AAC-LC 48 kHz stereo at 384 kb/s, and
  ``+faststart`` (the moov atom before mdat).

Every mathreel video's audio is AAC-LC, 48 kHz, stereo, loudness-normalised
once, when it is stitched (:mod:`mathreel.loudness`); re-encoding it here
changes its bitrate, not its level. Every MP4 is written with ``+faststart``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import ffmpeg

from . import media_tools
from .media_tools import EncodeError

AUDIO_RATE = 48_000
AUDIO_CHANNELS = 2
AUDIO_BITRATE = "192k"
RELEASE_AUDIO_BITRATE = "384k"  # YouTube: stereo 384 kb/s

# YouTube's recommended SDR upload bitrates in Mbit/s by frame height:
# (standard frame rate 24-30, high frame rate 48-60). 2160p gives a range
# (35-45, 53-68); mathreel takes its lower end.
YOUTUBE_BITRATES_MBPS: dict[int, tuple[float, float]] = {
    2160: (35, 53),
    1440: (16, 24),
    1080: (8, 12),
    720: (5, 7.5),
    480: (2.5, 4),
    360: (1, 1.5),
}


@dataclass(frozen=True)
class VideoInfo:
    """The facts of one video file that decide how it can be joined."""

    path: Path
    codec: str
    profile: str | None
    width: int
    height: int
    fps: Fraction
    pix_fmt: str
    frames: int
    has_audio: bool

    @property
    def duration(self) -> float:
        """The video stream's length: frames / frame rate."""
        return float(self.frames / self.fps)

    def signature(self) -> dict[str, str]:
        """What must match for a stream-copy join, by human name."""
        return {
            "codec": self.codec,
            "resolution": f"{self.width}x{self.height}",
            "frame rate": _fps_text(self.fps),
            "pixel format": self.pix_fmt,
        }


def _fps_text(fps: Fraction) -> str:
    return str(fps.numerator) if fps.denominator == 1 else f"{float(fps):.3f}"


def probe(path: Path) -> VideoInfo:
    """The facts of ``path``'s video; raises EncodeError when it has no video stream."""
    info = media_tools.probe(path)
    videos = [s for s in info["streams"] if s.get("codec_type") == "video"]
    if not videos:
        raise EncodeError(f"{path} has no video stream")
    v = videos[0]
    # r_frame_rate is the stream's base rate; avg_frame_rate drifts by a hair
    # when a file was joined from chunks (706560/47099 for 15 fps).
    fps = Fraction(v.get("r_frame_rate") or "0/1")
    if fps <= 0:
        fps = Fraction(v.get("avg_frame_rate") or "0/1")
    if fps <= 0:
        raise EncodeError(f"{path}: ffprobe reports no frame rate")
    frames = int(v["nb_frames"]) if v.get("nb_frames", "").isdigit() else round(
        float(v.get("duration") or info["format"]["duration"]) * fps)
    return VideoInfo(
        path=Path(path), codec=v["codec_name"], profile=v.get("profile"),
        width=int(v["width"]), height=int(v["height"]), fps=fps,
        pix_fmt=v.get("pix_fmt", ""), frames=frames,
        has_audio=any(s.get("codec_type") == "audio" for s in info["streams"]))


def youtube_bitrate(height: int, fps: float) -> str:
    """YouTube's recommended video bitrate for this frame height and rate,
    as an ffmpeg bitrate string (``24M``, ``7500k``)."""
    rows = sorted(YOUTUBE_BITRATES_MBPS)
    row = next((h for h in rows if height <= h), rows[-1])
    mbps = YOUTUBE_BITRATES_MBPS[row][1 if fps > 30 else 0]
    return f"{int(mbps * 1000)}k"


def gop_size(fps: Fraction | float) -> int:
    """Half the frame rate, in frames (YouTube's closed GOP), at least 1."""
    return max(1, int(round(float(fps) / 2)))


def working_video_options() -> dict:
    return {"c:v": "libx264", "preset": "veryfast", "crf": 18, "pix_fmt": "yuv420p",
            "profile:v": "high"}


def release_video_options(height: int, fps: Fraction | float) -> dict:
    """libx264 options for YouTube's recommended upload settings."""
    gop = gop_size(fps)
    rate = youtube_bitrate(height, float(fps))
    kbps = int(rate.rstrip("k"))
    return {
        "c:v": "libx264", "preset": "medium", "profile:v": "high", "pix_fmt": "yuv420p",
        "b:v": rate, "minrate": rate, "maxrate": rate, "bufsize": f"{kbps * 2}k",
        "x264-params": "nal-hrd=cbr:force-cfr=1",
        "g": gop, "keyint_min": gop, "sc_threshold": 0, "bf": 2, "coder": "cabac",
        "flags": "+cgop",
    }


def audio_options(release: bool = False) -> dict:
    return {"c:a": "aac", "profile:a": "aac_low", "ar": AUDIO_RATE, "ac": AUDIO_CHANNELS,
            "b:a": RELEASE_AUDIO_BITRATE if release else AUDIO_BITRATE}


def moov_before_mdat(path: Path) -> bool:
    """True when the MP4's moov atom comes before its mdat (faststart)."""
    with open(path, "rb") as f:
        while True:
            header = f.read(8)
            if len(header) < 8:
                return False
            size = int.from_bytes(header[:4], "big")
            kind = header[4:8]
            if kind == b"moov":
                return True
            if kind == b"mdat":
                return False
            if size == 1:
                size = int.from_bytes(f.read(8), "big")
                f.seek(size - 16, 1)
            elif size == 0:
                return False
            else:
                f.seek(size - 8, 1)


def grab_frame(video: Path, at: float, dst: Path, width: int | None = None) -> Path:
    """The frame of ``video`` at ``at`` seconds as an image file (format from
    ``dst``'s suffix), scaled to ``width`` pixels wide if given."""
    stream = ffmpeg.input(str(video), ss=f"{max(at, 0):.3f}")
    if width:
        stream = stream.filter("scale", width, -2)
    quality = {"q:v": 3} if dst.suffix.lower() in (".jpg", ".jpeg") else {}
    media_tools.run(ffmpeg.output(stream, str(dst), vframes=1, **quality).overwrite_output(),
                    f"grabbing a frame of {video.name} at {at:.1f} s")
    if not dst.is_file():
        raise EncodeError(f"grabbing a frame of {video.name} at {at:.1f} s wrote nothing")
    return dst
