"""The runner's frame encoding (one reused RGBA frame per encoder, a held frame
converted once) writes the same packets as Manim's own segment encoder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = r'''
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np
from manim._config.video_encoder import VideoEncoderSpec
from manim.scene.video_segment_encoder import VideoSegmentEncoder

from mathreel.runner import install_frame_encoding

target, patched, preset = Path(sys.argv[1]), sys.argv[2] == "1", sys.argv[3]
if patched:
    assert install_frame_encoding()
# 318 wide: the RGBA frame's rows are padded (line size > width * 4)
spec = VideoEncoderSpec("mp4", "libx264", "yuv420p", 318, 180, Fraction(15),
                        (("crf", "23"), ("preset", preset)))
rng = np.random.default_rng(7)
encoder = VideoSegmentEncoder(target=target, spec=spec)
# held frames first (before the codec is open), then a mix of single and held frames
for repeat in (5, 1, 1, 3, 1, 12, 2, 1):
    pixels = np.zeros((180, 318, 4), np.uint8)
    pixels[..., 3] = 255
    x, y = rng.integers(0, 250), rng.integers(0, 120)
    pixels[y:y + 60, x:x + 70, :3] = rng.integers(0, 256, 3)  # a coloured block
    pixels[::7, :, 1] = 200  # stripes: chroma to subsample
    encoder.write_frame(pixels, repeat=int(repeat))
encoder.finish()
'''


def packets(video: Path) -> list[str]:
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_packets",
                          "-show_data_hash", "md5", "-show_entries", "packet=pts,data_hash",
                          "-of", "csv=p=0", str(video)], capture_output=True, text=True,
                         check=True).stdout
    return out.split()


@pytest.mark.parametrize("preset", ["veryfast", "medium"])
def test_frames_encode_to_the_same_packets(tmp_path, preset):
    videos = []
    for patched in ("0", "1"):
        video = tmp_path / f"segment-{patched}.mp4"
        subprocess.run([sys.executable, "-c", SCRIPT, str(video), patched, preset], check=True)
        videos.append(video)
    manim_own, held_once = (packets(v) for v in videos)
    assert len(manim_own) == 26  # every repeat is a frame of its own
    assert held_once == manim_own
