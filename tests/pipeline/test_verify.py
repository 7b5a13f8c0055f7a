"""mathreel.verify: a video damaged in place (same size, even with its old
modification time) is refused before it is joined (issue #14, items 4-5)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from lesson_media import damage, make_clip
from mathreel.verify import DamagedVideoError, check_video

REPAIR = "mathreel render Clip -q low --force"


@pytest.fixture
def clip(tmp_path) -> tuple[Path, str]:
    video = make_clip(tmp_path / "clip.mp4", 20)  # 20 s at 15 fps: 300 frames
    return video, hashlib.sha256(video.read_bytes()).hexdigest()


def test_an_intact_video_passes(clip):
    video, digest = clip
    check_video(video, frames=300, duration=20.0, sha256=digest, repair=REPAIR, fps=15)
    check_video(video, frames=300, duration=20.0, sha256=None, repair=REPAIR, fps=15)


def test_a_byte_changed_in_place_is_caught_by_the_digest(clip):
    video, digest = clip
    damage(video, 0.5)
    with pytest.raises(DamagedVideoError) as caught:
        check_video(video, frames=300, duration=20.0, sha256=digest, repair=REPAIR, fps=15)
    assert str(caught.value) == (f"{video} is damaged (its content is not what was written); "
                                 f"run `{REPAIR}`")


@pytest.mark.parametrize("at", [0.5, 0.999])
def test_without_a_digest_ffprobe_reading_every_packet_catches_it(clip, at):
    video, _ = clip
    damage(video, at, length=600 if at > 0.9 else 1000)
    with pytest.raises(DamagedVideoError) as caught:
        check_video(video, frames=300, duration=20.0, sha256=None, repair=REPAIR, fps=15)
    message = str(caught.value)
    assert message.startswith(f"{video} is damaged (") and message.endswith(f"); run `{REPAIR}`")
    assert "\n" not in message


def test_a_wrong_frame_count_or_duration_is_named(clip):
    video, _ = clip
    with pytest.raises(DamagedVideoError, match=r"\(300 frames where 450 were written\)"):
        check_video(video, frames=450, duration=30.0, sha256=None, repair=REPAIR, fps=15)
    with pytest.raises(DamagedVideoError, match=r"\(20.000 s where 25.000 s were written\)"):
        check_video(video, frames=None, duration=25.0, sha256=None, repair=REPAIR, fps=15)
