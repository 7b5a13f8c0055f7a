"""Captions a person can read: narration split into cues that follow the speech.

The rules are the common ones of the Netflix, BBC and DCMP caption style
guides:

* at most ``MAX_LINE_CHARS`` (42) characters a line and ``MAX_LINES`` (2)
  lines a cue, broken at the most natural point (after punctuation, else
  nearest the middle);
* on screen at least ``MIN_CUE_SECONDS`` (5/6 s) and at most
  ``MAX_CUE_SECONDS`` (7 s);
* never two cues at once;
* a cue appears when its words are spoken: each sentence's start and end come
  from the voice (:class:`mathreel.voice.Speech` spans), and inside a long
  sentence the cues share its time by their characters.

Pure Python, no Manim: the narrated scene calls :func:`layout_beat` and
writes the result as Manim subcaptions.
"""

from __future__ import annotations

import math
import re

MAX_LINE_CHARS = 42
MAX_LINES = 2
MAX_CUE_CHARS = MAX_LINE_CHARS * MAX_LINES
MIN_CUE_SECONDS = 5 / 6
MAX_CUE_SECONDS = 7.0

# A sentence ends at . ! ? followed by space and a capital, digit or opening
# mark (so "e.g. the", "3.62" and "np.linalg" stay whole).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'‘“])")
_CLAUSE_END = re.compile(r"[,;:—–]$")


def split_sentences(text: str) -> list[str]:
    """``text`` (whitespace collapsed) cut into its sentences."""
    text = " ".join(text.split())
    return [s for s in _SENTENCE_END.split(text) if s]


def wrap(text: str, width: int = MAX_LINE_CHARS) -> list[str]:
    """``text`` as one line, or two lines of at most ``width`` characters
    broken at the best space: after punctuation if that keeps the lines
    balanced, else nearest the middle. More than two lines only when no
    two-line break fits (a caller then splits the text further)."""
    text = " ".join(text.split())
    if len(text) <= width:
        return [text]
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    fitting = [i for i in spaces if i <= width and len(text) - i - 1 <= width]
    if not fitting:
        lines, current = [], ""
        for word in text.split(" "):
            if current and len(current) + 1 + len(word) > width:
                lines.append(current)
                current = word
            else:
                current = f"{current} {word}".strip()
        return lines + [current]

    def badness(i: int) -> float:
        imbalance = abs(len(text) - 2 * i) / len(text)
        return imbalance - (0.25 if _CLAUSE_END.search(text[:i]) else 0.0)

    best = min(fitting, key=badness)
    return [text[:best], text[best + 1:]]


def fits(text: str) -> bool:
    """Whether ``text`` fits one cue (two lines of 42 characters)."""
    return len(wrap(text)) <= MAX_LINES


def _split_long(sentence: str) -> list[str]:
    """A sentence cut into pieces that each fit a cue: as few pieces as
    possible, of about equal length, preferably cut after a clause (a
    dynamic programme over the word boundaries)."""
    if fits(sentence):
        return [sentence]
    words = sentence.split(" ")
    n = len(words)
    target = len(sentence) / math.ceil(len(sentence) / (MAX_CUE_CHARS - 8))

    def cost(i: int, j: int) -> float | None:  # the piece words[i:j]
        piece = " ".join(words[i:j])
        if not fits(piece):
            return None
        clause = j < n and bool(_CLAUSE_END.search(piece))
        return 1000.0 + ((len(piece) - target) / target) ** 2 - (0.3 if clause else 0.0)

    best: list[tuple[float, int]] = [(0.0, 0)] + [(math.inf, 0)] * n  # (cost, start of last piece)
    for j in range(1, n + 1):
        for i in range(j - 1, -1, -1):
            c = cost(i, j)
            if c is None:
                if j - i > 1:
                    break  # longer pieces ending at j do not fit either
                c = 1000.0 + 10.0  # a single word longer than a cue: alone, it must do
            if best[i][0] + c < best[j][0]:
                best[j] = (best[i][0] + c, i)
    pieces, j = [], n
    while j > 0:
        i = best[j][1]
        pieces.append(" ".join(words[i:j]))
        j = i
    return pieces[::-1]


def layout_beat(sentences: list[str], spans: list[tuple[float, float]],
                end: float) -> list[tuple[float, float, str]]:
    """Cues (start, end, text with lines joined by newlines) for one beat.

    ``sentences``: the caption text of each spoken sentence; ``spans``: when
    each is spoken, in seconds from the beat's start; ``end``: the beat's
    length (the last cue may stay until then, at most ``MAX_CUE_SECONDS``).
    """
    # 1. pieces that each fit a cue, timed by their share of the sentence's characters
    pieces: list[list] = []  # [start, speech_end, text]
    for sentence, (s0, s1) in zip(sentences, spans):
        parts = _split_long(sentence)
        total = sum(len(p) for p in parts)
        t = s0
        for part in parts:
            length = (s1 - s0) * len(part) / total
            pieces.append([t, t + length, part])
            t += length
    # 2. merge a piece too short to read with a neighbour it fits with
    i = 0
    while i < len(pieces):
        start, stop, text = pieces[i]
        next_start = pieces[i + 1][0] if i + 1 < len(pieces) else end
        shown = min(next_start, start + MAX_CUE_SECONDS) - start
        if shown < MIN_CUE_SECONDS:
            if i + 1 < len(pieces) and fits(f"{text} {pieces[i + 1][2]}") and \
                    pieces[i + 1][1] - start <= MAX_CUE_SECONDS:
                pieces[i] = [start, pieces[i + 1][1], f"{text} {pieces[i + 1][2]}"]
                del pieces[i + 1]
                continue
            if i > 0 and fits(f"{pieces[i - 1][2]} {text}") and stop - pieces[i - 1][0] <= MAX_CUE_SECONDS:
                pieces[i - 1] = [pieces[i - 1][0], stop, f"{pieces[i - 1][2]} {text}"]
                del pieces[i]
                i -= 1
                continue
        i += 1
    # 3. times: a cue stays until the next one starts (never two at once), at
    #    least MIN_CUE_SECONDS (pushing the next one later if it must), at most
    #    MAX_CUE_SECONDS, and the last one at most until the beat ends
    cues: list[tuple[float, float, str]] = []
    for i, (start, stop, text) in enumerate(pieces):
        if cues:
            start = max(start, cues[-1][1])
        limit = pieces[i + 1][0] if i + 1 < len(pieces) else end
        finish = min(max(limit, stop), start + MAX_CUE_SECONDS)
        if i + 1 == len(pieces):
            finish = min(max(end, stop), start + MAX_CUE_SECONDS)
        finish = max(finish, start + MIN_CUE_SECONDS)
        cues.append((start, finish, "\n".join(wrap(text))))
    return cues
