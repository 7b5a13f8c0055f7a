"""Fit a voice's duration estimate on its own speech of the course's narration.

A silent render, a dry run and the test suite's timing plans time every beat
by ``Estimate.seconds(sentence)`` when the voice engine is not there to ask
(``mathreel.voice``). This script collects every sentence the curriculum
speaks (a fast-forwarded run of every scene), synthesises a seeded sample
with the real engine, fits ``base + per_char * chars + per_pause * pauses`` by
least squares, and prints the coefficients to paste into ``mathreel/voice.py``
with the fit's error on the sample and on held-out sentences.

    .venv/bin/python scripts/calibrate_voice.py                 # piper, 240 sentences
    .venv/bin/python scripts/calibrate_voice.py --engine espeak --sample 120
"""

from __future__ import annotations

import argparse
import json
import tempfile
import wave
from pathlib import Path

import numpy as np

from mathreel.audit import plan_scenes
from mathreel.cues import split_sentences
from mathreel.curriculum import load_curriculum
from mathreel.pronounce import spoken
from mathreel.voice import ENGINES, Estimate


def features(sentence: str) -> list[float]:
    return [1.0, *map(float, Estimate.features(sentence))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=sorted(ENGINES), default="piper")
    parser.add_argument("--sample", type=int, default=240, help="sentences to synthesise")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--beats", type=Path, default=None,
                        help="a JSON list of beat texts to use instead of a dry run of every scene")
    args = parser.parse_args()
    engine = ENGINES[args.engine]
    if not engine.available():
        raise SystemExit(f"{args.engine} is not installed")

    if args.beats:
        texts = json.loads(args.beats.read_text())
    else:
        root = Path(__file__).resolve().parent.parent
        curriculum = load_curriculum(root)
        scenes = [scene for lesson in curriculum.lessons for scene in lesson.scenes]
        texts = [beat["text"] for plan in plan_scenes(root, scenes) for beat in plan.beats]
    sentences = sorted({spoken(s) for text in texts for s in split_sentences(text)
                        if spoken(s).strip(" .,;:!?")})
    rng = np.random.default_rng(args.seed)
    chosen = [sentences[i] for i in rng.choice(len(sentences), min(args.sample, len(sentences)),
                                               replace=False)]
    with tempfile.TemporaryDirectory() as tmp:
        wavs = engine.synthesize(chosen, Path(tmp))
        seconds = []
        for path in wavs:
            with wave.open(str(path)) as w:
                seconds.append(w.getnframes() / w.getframerate())
    X = np.array([features(s) for s in chosen])  # (n, 3)
    y = np.array(seconds)  # (n,)
    half = len(chosen) // 2
    coef, *_ = np.linalg.lstsq(X[:half], y[:half], rcond=None)
    held_out = X[half:] @ coef
    err_held = np.abs(held_out - y[half:]) / y[half:]
    coef, *_ = np.linalg.lstsq(X, y, rcond=None)  # the final fit uses every sentence
    fitted = X @ coef
    total_err = abs(fitted.sum() - y.sum()) / y.sum()
    chars = X[:, 1].sum()
    print(f"{len(sentences)} distinct sentences in the curriculum; {len(chosen)} synthesised, "
          f"{y.sum():.1f} s of speech ({60 * sum(len(s.split()) for s in chosen) / y.sum():.0f} wpm, "
          f"{chars / y.sum():.1f} chars/s)")
    print(f"held-out error per sentence: median {100 * np.median(err_held):.1f} %, "
          f"90th percentile {100 * np.quantile(err_held, 0.9):.1f} %; sum over the sample "
          f"{100 * total_err:.2f} %")
    print(f"estimate = Estimate(base={coef[0]:.3f}, per_char={coef[1]:.4f}, per_pause={coef[2]:.3f})")


if __name__ == "__main__":
    main()
