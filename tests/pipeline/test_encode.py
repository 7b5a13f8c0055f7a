"""Release encoding checked with ffprobe: H.264 High, yuv420p, closed GOP of
half the frame rate, YouTube's bitrate, AAC-LC 48 kHz stereo, faststart."""

from __future__ import annotations

import json
import subprocess
from fractions import Fraction

import pytest

from lesson_media import make_clip, probe, stream, top_level_atoms
from mathreel.encode import gop_size, moov_before_mdat, youtube_bitrate
from mathreel.project import QUALITIES
from mathreel.stitch import Part, is_release, join


@pytest.mark.parametrize("height, fps, rate", [
    (1440, 60, "24000k"), (1080, 60, "12000k"), (1080, 30, "8000k"), (720, 30, "5000k"),
    (480, 15, "2500k"), (2160, 60, "53000k"), (2160, 30, "35000k")])
def test_youtube_recommended_bitrates(height, fps, rate):
    assert youtube_bitrate(height, fps) == rate


def test_production_quality_means_release_encoding():
    assert is_release("production") and is_release("low", True) and not is_release("high")
    assert gop_size(60) == 30 and gop_size(30) == 15 and gop_size(Fraction(15)) == 8


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    folder = tmp_path_factory.mktemp("release")
    parts = [Part(make_clip(folder / f"p{i}.mp4", 2, audio=i == 1), f"Part {i}", name=f"p{i}")
             for i in range(3)]
    return join(parts, folder / "release.mp4", title="release", quality=QUALITIES["low"],
                release=True)


def test_release_video_is_h264_high_yuv420p_with_b_frames_at_the_bitrate(release):
    info = probe(release.output)
    video = stream(info, "video")
    assert (video["codec_name"], video["profile"], video["pix_fmt"]) == ("h264", "High", "yuv420p")
    assert int(video["has_b_frames"]) >= 1
    assert abs(int(video["bit_rate"]) - 2_500_000) / 2_500_000 < 0.15
    assert release.method == "re-encoded: release encoding (YouTube upload settings)"


def test_release_gop_is_closed_and_half_the_frame_rate(release):
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_frames",
                          "-show_entries", "frame=key_frame,pict_type", "-print_format", "json",
                          str(release.output)], capture_output=True, text=True, check=True)
    frames = json.loads(out.stdout)["frames"]
    keys = [i for i, f in enumerate(frames) if f["key_frame"] == 1]
    assert keys == list(range(0, len(frames), 8))  # 15 fps -> every 8 frames
    assert all(frames[i]["pict_type"] == "I" for i in keys)
    # Closed GOP: no picture decoded after a keyframe is shown before it
    # (an open GOP has such "leading" B-frames referring across the cut).
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_packets",
                          "-show_entries", "packet=pts,flags", "-print_format", "json",
                          str(release.output)], capture_output=True, text=True, check=True)
    packets = json.loads(out.stdout)["packets"]  # decode order
    for i, packet in enumerate(packets):
        if "K" in packet["flags"]:
            assert all(int(p["pts"]) > int(packet["pts"]) for p in packets[i + 1:]), i


def test_release_audio_is_aac_lc_48k_stereo(release):
    audio = stream(probe(release.output), "audio")
    assert (audio["codec_name"], audio["profile"], audio["sample_rate"], audio["channels"]) == (
        "aac", "LC", "48000", 2)


def test_moov_comes_before_mdat(release):
    atoms = top_level_atoms(release.output)
    assert atoms.index("moov") < atoms.index("mdat")
    assert moov_before_mdat(release.output)


def test_a_plain_mp4_is_detected_as_not_faststart(tmp_path):
    clip = make_clip(tmp_path / "plain.mp4", 1)  # ffmpeg writes moov last by default
    atoms = top_level_atoms(clip)
    assert atoms.index("mdat") < atoms.index("moov")
    assert not moov_before_mdat(clip)
