"""Every beat of the curriculum: its caption shows no LaTeX and its speech
is words only, with no symbol lost and no token left for the voice to spell
by accident."""

import re

import pytest

from mathreel.lexicon import SPELLED, WORDS
from mathreel.pronounce import SPOKEN_ALPHABET, display, spoken

# products of single-letter matrices, spelled letter by letter on purpose
LETTER_PRODUCTS = {"AB", "RS", "SR"}
# what a reader sees -> a word the voice must say for it (written by hand)
SYMBOL_WORD = {
    "½": "half", "σ": "sigma", "μ": "mu", "λ": "lambda", "κ": "kappa", "η": "eta", "ν": "nu",
    "β": "beta", "α": "alpha", "θ": "theta", "ε": "epsilon", "π": "pi", "Σ": "Sigma",
    "ᵀ": "transpose", "²": "squared", "⁴": "four", "ˣ": "x", "₀": "zero", "₁": "one",
    "₂": "two", "₈": "eight", "ᵢ": "i", "ᵤ": "u", "−": "minus", "‖": ("norm", "from"),
    "∗": "star", "′": "prime", "≈": "approximately", "≤": "at most", "≥": "at least",
    "≠": "not", "×": "times", "·": ("dot", "times"), "∇": "grad", "∑": "sum", "→": "to",
    "√": "square root", "∂": "partial", "ᾱ": "alpha bar", "ŷ": "y hat",
    "ₖ": "k", "Θ": "Theta", "Â": "hat", "\u0303": "tilde", "⁻": "minus",
    "⁰": ("zero", "power"), "¹": ("one", "power"),  # 2⁻¹⁰: "two to the power minus ten"
}
ALL_CAPS = re.compile(r"\b[A-Z]{2,}s?\b")


@pytest.fixture(scope="session")
def beats(checked):
    """(scene, beat number, text) of every beat, from the one fast-forwarded run
    of the curriculum the scene tests share (conftest.checked)."""
    results = checked[1]
    for name, result in results.items():
        assert result.ok, f"{name}: {result.error}"
    return [(name, index, beat["text"]) for name, result in results.items()
            for index, beat in enumerate(result.beats, 1)]


def test_every_lesson_is_read(beats):
    assert len({scene for scene, _, _ in beats}) >= 80 and len(beats) >= 500


def test_captions_have_no_latex(beats):
    bad = [(s, i, display(t)) for s, i, t in beats if re.search(r"[\\$^_{}]", display(t))]
    assert bad == []


def test_speech_is_words_only(beats):
    bad = [(s, i, spoken(t)) for s, i, t in beats if not SPOKEN_ALPHABET.fullmatch(spoken(t))]
    assert bad == []
    assert all(spoken(t) for _, _, t in beats)


def test_no_all_caps_token_is_left_to_the_voice(beats):
    left = {(s, i, w) for s, i, t in beats for w in ALL_CAPS.findall(spoken(t))}
    assert left == set()


def test_every_all_caps_token_is_known(beats):
    """A new acronym must be put in the lexicon: said as a word or spelled."""
    known = SPELLED | set(WORDS) | LETTER_PRODUCTS
    unknown = {w for _, _, t in beats for w in ALL_CAPS.findall(display(t))
               if w not in known and w.rstrip("s") not in known}
    assert unknown == set()


def test_no_symbol_is_dropped(beats):
    missing = []
    for scene, index, text in beats:
        caption, speech = display(text), spoken(text)
        for char in sorted({c for c in caption if not c.isascii() or c in "=+<>*/|%@&#~"}):
            words = SYMBOL_WORD.get(char)
            if words is None and char in "=+<>*/|%@&#~":
                continue  # ASCII operators: covered by the alphabet check
            if isinstance(words, str):
                words = (words,)
            if words is None or not any(re.search(rf"\b{w}\b", speech) for w in words):
                missing.append((scene, index, char, speech))
    assert missing == []


def test_no_latex_leftover_is_spoken(beats):
    said = [(s, i, spoken(t)) for s, i, t in beats
            if re.search(r"\b(t?frac\d*|dfrac|mathbf|mathcal|mathbb|mathrm|pmatrix|bmatrix|operatorname|cdot|leq|geq|infty|sqrt)\b", spoken(t))]
    assert said == []
