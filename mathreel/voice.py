"""Narration audio for beats: recorded takes first, else an offline draft voice.

The shape follows manim-voiceover (a speech service turns a beat's text into an
audio file, cached by a hash of the text and the engine; the scene adds it
with ``add_sound`` and waits until it ends), without its dependencies: its
offline path needs pyttsx3, whose espeak driver writes PCM under an ``.mp3``
name, and engines that do not strip SSML read its bookmarks aloud. Here the
draft voice is the ``espeak-ng`` program, writing real WAV files, and any
markup is stripped from the text before it is spoken.

Voices (``MATHREEL_VOICE``, set by the CLI's ``--voice``):

``none``       no narration audio (the default); stitching adds a silent track
``espeak``     a recording where one exists, else espeak-ng synthesises the beat
``recorded``   a recording where one exists, else the beat is silent

Recordings live in the project at ``narration/<Scene>/<NN>.<ext>``: ``NN`` is the
beat's number in playing order, from ``01``; ``ext`` is wav, flac, mp3, m4a or
ogg. The recording's length drives the beat's timing, as the synthetic voice's
does.

This module never imports Manim: the narration base class calls it inside the
render process, and the render engine calls :func:`fingerprint` for its cache
key.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

VOICE_ENV = "MATHREEL_VOICE"
VOICES = ("none", "espeak", "recorded")
RECORDINGS_DIR = "narration"  # <root>/narration/<Scene>/<NN>.<ext>
AUDIO_EXTENSIONS = (".wav", ".flac", ".mp3", ".m4a", ".ogg")
ESPEAK_VOICE = "en-us"
ESPEAK_WORDS_PER_MINUTE = 165
SPEECH_TAIL = 0.25  # seconds of quiet after a beat's speech before the next beat

_TAG_RE = re.compile(r"<[^>]*>")  # SSML / manim-voiceover bookmarks: never spoken


class VoiceError(RuntimeError):
    """A voice cannot be produced: unknown voice, missing espeak-ng, bad file."""


@dataclass(frozen=True)
class Speech:
    """The audio for one beat."""

    path: Path
    duration: float  # seconds
    source: str  # "recording" | "espeak"


def current_voice() -> str:
    """The voice this render uses, from ``$MATHREEL_VOICE`` (default ``none``)."""
    voice = os.environ.get(VOICE_ENV, "none").strip().lower() or "none"
    if voice not in VOICES:
        raise VoiceError(f"unknown voice {voice!r} in ${VOICE_ENV}; "
                         f"accepted: {', '.join(VOICES)}")
    return voice


def spoken_text(text: str) -> str:
    """What a voice says for ``text``: markup removed, maths dollars dropped,
    whitespace collapsed."""
    text = _TAG_RE.sub(" ", text).replace("$", "")
    return " ".join(text.split())


def recording_for(root: Path, scene: str, index: int) -> Path | None:
    """The recorded take of beat ``index`` (1-based) of ``scene``, if any."""
    folder = root / RECORDINGS_DIR / scene
    for ext in AUDIO_EXTENSIONS:
        path = folder / f"{index:02d}{ext}"
        if path.is_file():
            return path
    return None


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


def espeak_version() -> str:
    exe = shutil.which("espeak-ng")
    if exe is None:
        raise VoiceError("espeak-ng is not installed (apt-get install espeak-ng); "
                         "it is the offline draft voice")
    out = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout
    return " ".join(out.split()[:4])


def voice_cache_dir(root: Path) -> Path:
    return root / "media" / ".voice" / "espeak"


def synthesize_espeak(text: str, cache_dir: Path) -> Path:
    """A WAV of espeak-ng saying ``text``, cached by a hash of the text, the
    engine version and its settings; written to a temporary name, then renamed."""
    spoken = spoken_text(text)
    key = hashlib.sha256("\0".join(
        [espeak_version(), ESPEAK_VOICE, str(ESPEAK_WORDS_PER_MINUTE), spoken]).encode()
    ).hexdigest()[:20]
    target = cache_dir / f"{key}.wav"
    if target.is_file():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".wav", dir=cache_dir, prefix=".tmp-")
    os.close(fd)
    try:
        proc = subprocess.run(
            ["espeak-ng", "-v", ESPEAK_VOICE, "-s", str(ESPEAK_WORDS_PER_MINUTE), "-w", tmp],
            input=spoken, capture_output=True, text=True)
        if proc.returncode != 0 or os.path.getsize(tmp) <= 44:
            raise VoiceError(f"espeak-ng failed on {spoken[:60]!r}: "
                             f"{proc.stderr.strip() or 'no audio written'}")
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def speech_for_beat(root: Path, scene: str, index: int, text: str,
                    voice: str | None = None) -> Speech | None:
    """The audio for beat ``index`` of ``scene``, or None when it is silent."""
    voice = current_voice() if voice is None else voice
    if voice == "none":
        return None
    recording = recording_for(root, scene, index)
    if recording is not None:
        return Speech(recording, audio_duration(recording), "recording")
    if voice == "espeak" and spoken_text(text):
        path = synthesize_espeak(text, voice_cache_dir(root))
        return Speech(path, audio_duration(path), "espeak")
    return None


def fingerprint(root: Path, scene: str, voice: str | None = None) -> str:
    """A string that changes whenever the audio a render of ``scene`` would get
    changes: the voice, espeak-ng's version, and the recordings' bytes. The
    render engine adds it to a scene's cache key."""
    voice = current_voice() if voice is None else voice
    if voice == "none":
        return "voice=none"
    digest = hashlib.sha256(f"voice={voice}".encode())
    if voice == "espeak":
        digest.update(espeak_version().encode())
    folder = root / RECORDINGS_DIR / scene
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in AUDIO_EXTENSIONS:
                digest.update(path.name.encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return f"voice={voice}:{digest.hexdigest()[:16]}"
