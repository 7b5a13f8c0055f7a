"""Every ffmpeg and ffprobe failure is one EncodeError naming what was being
done and ffmpeg's own last words."""

from __future__ import annotations

import ffmpeg
import pytest

from mathreel import media_tools
from mathreel.media_tools import EncodeError


def test_a_failed_run_names_the_task_and_ffmpegs_message(tmp_path):
    missing = tmp_path / "nothing.mp4"
    stream = ffmpeg.input(str(missing)).output(str(tmp_path / "out.mp4")).overwrite_output()
    with pytest.raises(EncodeError) as err:
        media_tools.run(stream, "copying nothing")
    assert str(err.value).startswith("copying nothing: ffmpeg: ")
    assert "No such file or directory" in str(err.value)
    assert not (tmp_path / "out.mp4").exists()


def test_a_run_returns_ffmpegs_log(tmp_path):
    log = media_tools.run([*media_tools.FFMPEG_LOG, "-f", "lavfi", "-i", "anullsrc=d=0.1",
                           "-af", "volumedetect", "-f", "null", "-"], "measuring silence")
    assert "mean_volume" in log


def test_check_false_hands_back_the_log_of_a_failure(tmp_path):
    log = media_tools.run([*media_tools.FFMPEG_LOG, "-i", str(tmp_path / "nothing.mp4"),
                           "-f", "null", "-"], "reading nothing", check=False)
    assert "No such file or directory" in log


def test_a_probe_of_a_missing_file_is_an_encode_error(tmp_path):
    with pytest.raises(EncodeError, match=r"^cannot read .*nothing\.mp4: ffmpeg: .*No such file"):
        media_tools.probe(tmp_path / "nothing.mp4")


def test_a_missing_program_is_named_with_how_to_install_it(tmp_path):
    with pytest.raises(EncodeError, match=r"^converting: no-such-ffmpeg not found; install ffmpeg"):
        media_tools.run(["no-such-ffmpeg", "-version"], "converting")
