"""Narration audio: the espeak draft voice writes real, cached WAVs; a
recording wins over it and its length is what counts; markup is never spoken."""

from __future__ import annotations

import subprocess
import wave

import pytest

from mathreel import voice


def test_spoken_text_drops_bookmarks_markup_and_dollars():
    assert voice.spoken_text("Look <bookmark mark='A'/> here: $x^2$ <b>now</b>.") == \
        "Look here: x^2 now ."


def test_espeak_writes_a_real_wav_and_reuses_it(tmp_path):
    path = voice.synthesize_espeak("Power iteration converges.", tmp_path)
    assert path.read_bytes()[:4] == b"RIFF"  # WAV, not PCM under another name
    with wave.open(str(path)) as w:
        seconds = w.getnframes() / w.getframerate()
    assert 0.8 < seconds < 5
    assert voice.audio_duration(path) == pytest.approx(seconds)
    mtime = path.stat().st_mtime_ns
    assert voice.synthesize_espeak("Power iteration  converges.", tmp_path) == path
    assert path.stat().st_mtime_ns == mtime
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary left


def test_longer_text_takes_longer_to_say(tmp_path):
    short = voice.audio_duration(voice.synthesize_espeak("Yes.", tmp_path))
    long = voice.audio_duration(voice.synthesize_espeak(
        "The eigenvector is the direction the matrix only stretches.", tmp_path))
    assert long > short + 1


def record(path, seconds):
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    f"sine=frequency=300:duration={seconds}", str(path)], check=True)
    return path


def test_a_recording_wins_and_its_length_drives_the_beat(tmp_path):
    take = record(tmp_path / "narration" / "MyScene" / "02.mp3", 2.5)
    speech = voice.speech_for_beat(tmp_path, "MyScene", 2, "Anything.", "espeak")
    assert (speech.path, speech.source) == (take, "recording")
    assert speech.duration == pytest.approx(2.5, abs=0.06)
    other = voice.speech_for_beat(tmp_path, "MyScene", 1, "Drafted.", "espeak")
    assert other.source == "espeak" and other.path.suffix == ".wav"


def test_recorded_voice_leaves_beats_without_a_take_silent(tmp_path):
    record(tmp_path / "narration" / "MyScene" / "01.wav", 1.0)
    assert voice.speech_for_beat(tmp_path, "MyScene", 1, "x", "recorded").source == "recording"
    assert voice.speech_for_beat(tmp_path, "MyScene", 2, "x", "recorded") is None
    assert voice.speech_for_beat(tmp_path, "MyScene", 1, "x", "none") is None


def test_the_voice_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv(voice.VOICE_ENV, raising=False)
    assert voice.current_voice() == "none"
    monkeypatch.setenv(voice.VOICE_ENV, "espeak")
    assert voice.current_voice() == "espeak"
    monkeypatch.setenv(voice.VOICE_ENV, "robot")
    with pytest.raises(voice.VoiceError) as err:
        voice.current_voice()
    assert str(err.value) == ("unknown voice 'robot' in $MATHREEL_VOICE; "
                              "accepted: none, espeak, recorded")


def test_the_fingerprint_follows_the_voice_and_the_recordings(tmp_path):
    silent = voice.fingerprint(tmp_path, "MyScene", "none")
    draft = voice.fingerprint(tmp_path, "MyScene", "espeak")
    take = record(tmp_path / "narration" / "MyScene" / "01.wav", 1.0)
    recorded = voice.fingerprint(tmp_path, "MyScene", "espeak")
    record(take, 1.5)
    assert len({silent, draft, recorded, voice.fingerprint(tmp_path, "MyScene", "espeak")}) == 4
