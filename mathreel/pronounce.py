"""A narration beat as the viewer reads it and as the voice says it.

A beat's text is written once (``with self.beat("...")``) and may carry
markup (SSML, ``<bookmark mark='A'/>``), LaTeX (``$\\tfrac12 x^\\top A x$``),
Unicode maths (σ, ≈, ‖x‖), numbers, code (``np.linalg.eigh``) and the
course's acronyms. Two renderings of it:

* :func:`display`, the caption: markup removed, LaTeX turned into readable
  Unicode (see :mod:`mathreel.latex_text`); symbols stay, readers read them.
* :func:`spoken`, what the neural voice (piper, espeak-ng phonemes) is
  given: only words, since espeak-ng drops symbols, spells unknown
  all-caps tokens and mangles LaTeX leftovers. The alphabet of the result is
  :data:`SPOKEN_ALPHABET`: ASCII letters, space, apostrophe, hyphen inside
  a word and ``, . ; : ? !``. Numbers become words ("three point six two",
  "ten to the minus eight"), symbols become words (∇ "grad", ≈
  "approximately", ‖x‖ "the norm of x", p(x|y) "p of x given y"), and the
  vocabulary follows :mod:`mathreel.lexicon`.

Pure Python, no Manim: the voice engine calls it for every beat.
"""

from __future__ import annotations

import html
import re
import unicodedata

from .latex_text import FRACTIONS, GREEK, SUBSCRIPTS, SUPERSCRIPTS, latex_to_text
from .lexicon import LETTER_NAMES, SPELLED, TWO_LETTER_WORDS, WORDS

SPOKEN_ALPHABET = re.compile(r"[A-Za-z' ,.;:?!-]*")

_TAG_RE = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*/?>")
_ENTITY_RE = re.compile(r"&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);")


def display(text: str) -> str:
    """The caption for ``text``: markup removed, LaTeX as Unicode, spaces collapsed.

    >>> display(r"Apply $\\tfrac12 x^\\top A x$ <bookmark mark='a'/> with $\\sigma_1$.")
    'Apply ½ xᵀ A x with σ₁.'
    """
    text = _ENTITY_RE.sub(lambda m: html.unescape(m.group()), _TAG_RE.sub(" ", text))
    text = latex_to_text(text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r" ([,.;:?!])", r"\1", text)


def spoken(text: str) -> str:
    """What the voice says for ``text``: words only (see the module's docstring).

    >>> spoken(r"Here $\\sigma_1 \\approx 3.62$, about 5% of $10^{-3}$.")
    'Here sigma one is approximately three point six two, about five percent of ten to the minus three.'
    """
    s = display(text)
    for step in _STEPS:
        s = step(s)
    return s


# --------------------------------------------------------------------- words
GREEK_NAMES = {symbol: name for name, symbol in GREEK.items() if not name.startswith("var")}
GREEK_NAMES.update({"ϵ": "epsilon", "ϑ": "theta", "ϕ": "phi", "ς": "sigma", "ϱ": "rho",
                    "ϖ": "pi", "µ": "mu"})
GREEK_NAMES = {s: ("zai" if n.lower() == "xi" else n) for s, n in GREEK_NAMES.items()}
_SUPER_PLAIN = {v: k for k, v in SUPERSCRIPTS.items() if k not in "-'*⋆∗⊤"}
_SUPER_PLAIN.update({"⁻": "−", "*": "*", "′": "'", "ᵀ": "T"})
_SUB_PLAIN = {v: k for k, v in SUBSCRIPTS.items() if k != "-"}
_SUB_PLAIN["₋"] = "−"
_SUPER_CHARS = "".join(ch for ch in _SUPER_PLAIN if ch not in "*′")
_SUB_CHARS = "".join(ch for ch in _SUB_PLAIN if ch != ",")
_VULGAR = {v: k for k, v in FRACTIONS.items()}
_ACCENT_WORDS = {"\u0302": "hat", "\u0304": "bar", "\u0305": "bar", "\u0303": "tilde",
                 "\u0307": "dot", "\u0308": "double dot", "\u20d7": "vector", "\u030c": "check"}

# symbol -> words, spaced; relations read "is ..." after a term
SYMBOL_WORDS = {
    "=": "equals", "≈": "is approximately", "≃": "is approximately", "≅": "is congruent to",
    "≠": "is not equal to", "≤": "is at most", "≥": "is at least", "<": "is less than",
    ">": "is greater than", "≪": "is much less than", "≫": "is much greater than",
    "∝": "is proportional to", "≡": "is equivalent to", "≜": "is defined as",
    "≔": "is defined as", "∼": "is distributed as", "+": "plus", "−": "minus", "±": "plus or minus",
    "∓": "minus or plus", "×": "times", "·": "dot", "⋅": "dot", "÷": "divided by",
    "∘": "composed with", "⊙": "elementwise times", "⊗": "tensor", "⊕": "direct sum",
    "→": "to", "⟶": "to", "←": "gets", "↦": "maps to", "⇒": "implies", "⇐": "is implied by",
    "⇔": "if and only if", "∈": "in", "∉": "not in", "⊂": "subset of", "⊆": "subset of",
    "⊃": "superset of", "⊇": "superset of", "∪": "union", "∩": "intersect",
    "∖": "minus", "⊥": "perpendicular to", "∧": "and", "∨": "or", "¬": "not",
    "∀": "for all", "∃": "there exists", "∅": "the empty set", "∞": "infinity",
    "∂": "partial", "∇": "grad", "∫": "the integral of", "∮": "the integral of",
    "ℓ": "ell", "ℝ": "R", "ℕ": "N", "ℤ": "Z", "ℚ": "Q", "ℂ": "C", "⋆": "star", "∗": "star",
    "†": "dagger", "∠": "angle", "°": "degrees", "ℏ": "h bar", "%": "percent", "&": "and",
    "@": "matmul", "#": "number", "…": "dot dot dot", "⋯": "dot dot dot", "⋮": "dot dot dot",
    "⋱": "dot dot dot", "⟨": "", "⟩": "", "⦃": "the set", "⦄": "", "⌊": "the floor of",
    "⌋": "", "⌈": "the ceiling of", "⌉": "", "√": "the square root of",
    "∛": "the cube root of", "∜": "the fourth root of", "/": "over", "(": ",", ")": ",",
    "[": ",", "]": ",", "{": ",", "}": ",", "_": " ", "^": "to the power", "$": "dollars",
    "`": " ", "\\": " ", "⊤": "transpose",
}
# named functions: how "name(" is read
FUNCTION_WORDS = {
    "P": "the probability of", "Pr": "the probability of", "E": "the expected value of",
    "Var": "the variance of", "Cov": "the covariance of", "det": "the determinant of",
    "tr": "the trace of", "diag": "diag of", "exp": "e to the", "max": "the max of",
    "min": "the min of", "N": "normal", "Beta": "Beta", "Bernoulli": "Bernoulli",
    "Binomial": "Binomial", "Poisson": "Poisson", "Categorical": "Categorical",
    "Uniform": "Uniform", "Dirichlet": "Dirichlet", "Gamma": "Gamma",
}


def _markup_free(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    s = s.translate(str.maketrans({"’": "'", "‘": "'", "“": "", "”": "", '"': "", "–": ", ",
                                   "—": ", ", "\u00a0": " ", "\u2009": " ", "\u200a": " "}))
    for short, long in (("e.g.", "for example"), ("i.e.", "that is"), ("etc.", "etcetera"),
                        ("vs.", "versus"), ("w.r.t.", "with respect to"), ("s.t.", "such that"),
                        ("cf.", "compare")):
        s = s.replace(short, long)
    return s


def _code(s: str) -> str:
    """``np.linalg.eigh`` -> "np dot linalg dot eigh"; ``a @ b``; ``x**2``; snake_case."""
    s = re.sub(r"(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)",
               lambda m: " dot ".join(m.group(1).split(".")), s)
    s = re.sub(r"\*\*\(?([^\s()]+)\)?", r" to the power \1", s)
    s = s.replace("@", " matmul ")
    return re.sub(r"(?<=[A-Za-z])_(?=[A-Za-z])", " ", s)


def _matrices(s: str) -> str:
    def matrix(m: re.Match) -> str:
        rows = re.findall(r"\[([^\[\]]*)\]", m.group(1))
        return " the matrix with rows " + ", and ".join(rows) + ","
    s = re.sub(r"(?<!\w)det\[(\[[^\[\]]*\](?:,\s*\[[^\[\]]*\])*)\]",
               lambda m: " the determinant of" + matrix(m), s)
    return re.sub(r"\[(\[[^\[\]]*\](?:,\s*\[[^\[\]]*\])*)\]", matrix, s)


def _bars(s: str) -> str:
    """Norms, absolute values, conditioning and divergences."""
    s = re.sub(r"\s‖\s", " from ", s)  # KL(p ‖ q): "of p from q"
    def norm(m: re.Match) -> str:
        sub, sup = m.group(2) or "", m.group(3) or ""
        words = "the "
        if sup == "²":
            words += "squared "
        if sub:
            words += _subscript_words(sub) + " "
        return f" {words}norm of {m.group(1)},"
    s = re.sub(rf"‖([^‖]+)‖([{_SUB_CHARS}]*)(²?)(?:\s(F)\b)?",
               lambda m: norm(m) if not m.group(4) else f" the Frobenius norm of {m.group(1)},", s)
    s = re.sub(r"\(([^()|]*)\|([^()|]*)\)", r"(\1 given \2)", s)
    s = re.sub(r"\|([^|]+)\|", r" the absolute value of \1,", s)
    return s.replace("|", " given ")


def _big_operators(s: str) -> str:
    def big(m: re.Match) -> str:
        name = "sum" if m.group(1) == "∑" else "product"
        sub, sup = m.group(2), m.group(3)
        if sub and sup:
            return f" the {name} from {_subscript_words(sub)} to {_superscript_words(sup)} of "
        if sub:
            return f" the {name} over {_subscript_words(sub)} of "
        return f" the {name} of "
    s = re.sub(rf"([∑∏])([{_SUB_CHARS}]*)([{_SUPER_CHARS}]*)", big, s)
    s = re.sub(rf"\b(max|min|arg max|arg min|argmax|argmin)([{_SUB_CHARS}]+)",
               lambda m: f" the {m.group(1)} over {_subscript_words(m.group(2))} of ", s)
    s = re.sub(r"√\(([^()]*)\)", r" the square root of \1,", s)
    return s


def _numbers_first(s: str) -> str:
    """Forms that must be read before digits become words."""
    s = re.sub(r"(\d)([" + "".join(_VULGAR) + "])", lambda m: m.group(1) + " and " + m.group(2), s)
    s = re.sub("[" + "".join(_VULGAR) + "]", lambda m: " " + _fraction_words(*_VULGAR[m.group()]) + " ", s)
    s = re.sub(r"(?<![\w.])(\d+(?:\.\d+)?)[eE]([-−+]?)(\d+)(?![\w]|\.\d)", _scientific, s)
    s = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", s)  # 1,000
    s = re.sub(r"(?<![\w./])(\d+)/(\d+)(?![\w/]|\.\d)", lambda m: " " + _fraction_words(
        int(m.group(1)), int(m.group(2))) + " " if _small_fraction(m) else
        f"{m.group(1)} over {m.group(2)}", s)
    s = re.sub(r"(\d)\s?%", r"\1 percent", s)
    return s


def _small_fraction(m: re.Match) -> bool:
    top, bottom = int(m.group(1)), int(m.group(2))
    return 0 < top < bottom <= 10


def _scientific(m: re.Match) -> str:
    mantissa, sign, power = m.groups()
    minus = "minus " if sign in "-−" and sign else ""
    ten = f"ten to the {minus}{power}"
    return f" {ten} " if mantissa == "1" else f" {mantissa} times {ten} "


def _calls(s: str) -> str:
    """``f(x)`` -> "f of x", ``P(X = 1)`` -> "the probability that X equals 1"."""
    name_re = re.compile(r"([A-Za-zα-ωΑ-Ω][A-Za-z]*[\u0300-\u036f\u20d7]*['′]*"
                         rf"[{_SUB_CHARS}{_SUPER_CHARS}*']*)$")
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c in "([":
            j = _matching(s, i)
            if j < 0:
                out.append(" ")
                i += 1
                continue
            inner = _calls(s[i + 1:j])
            before = "".join(out)
            spaced_det = re.search(r"(?<!\w)det\s+$", before)
            if spaced_det:
                before = before.rstrip()
            m = name_re.search(before) if (c == "(" or re.search(r"(?<!\w)(E|det)$", before)) else None
            if m and (spaced_det or i == 0 or not s[i - 1].isspace()):
                name = m.group(1)
                plain = re.sub(rf"[{_SUB_CHARS}{_SUPER_CHARS}'′*]+$", "", name)
                inner = inner.replace(";", " and")
                if plain in {"P", "Pr"} and re.search(r"=|equals", inner):
                    out = [before[:m.start()], " the probability that ", inner, " "]
                elif plain in FUNCTION_WORDS and name == plain:
                    out = [before[:m.start()], f" {FUNCTION_WORDS[plain]} ", inner, " "]
                else:
                    out = [before, " of ", inner, " "]
            else:
                out.append(f", {inner}, ")
            i = j + 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _matching(s: str, i: int) -> int:
    pairs = {"(": ")", "[": "]"}
    depth = 0
    for j in range(i, len(s)):
        if s[j] in pairs:
            depth += 1
        elif s[j] in ")]":
            depth -= 1
            if depth == 0:
                return j
    return -1


def _scripts(s: str) -> str:
    """Superscripts, subscripts, primes, stars and accents after their base."""
    # decompose letters only: "≠" would become "=" and a combining overlay
    s = "".join(unicodedata.normalize("NFD", c) if c.isalpha() else c for c in s)
    s = re.sub(r"(?<![A-Za-z])([A-Za-zα-ωΑ-Ω])([\u0302-\u0308\u030c\u20d7]+)",
               lambda m: m.group(1) + " " + " ".join(_ACCENT_WORDS[a] for a in m.group(2)) + _pad(m), s)
    s = re.sub(r"(?<=[A-Za-z])[\u0300-\u036f]", "", s)  # café: the letter stays
    s = unicodedata.normalize("NFC", s)
    s = re.sub(rf"(?<![A-Za-z'])([A-Za-z][{_SUB_CHARS}]*|\d+)(''|′′)(?![A-Za-z])",
               lambda m: m.group(1) + " double prime" + _pad(m), s)
    s = re.sub(rf"(?<![A-Za-z'])([A-Za-z][{_SUB_CHARS}]*|\d+)('|′)(?![A-Za-z])",
               lambda m: m.group(1) + " prime" + _pad(m), s)
    s = re.sub(rf"(\S?)([{_SUPER_CHARS}]+)", _superscript, s)
    s = re.sub(rf"([{_SUB_CHARS}]+(?:,[{_SUB_CHARS}]+)*)",
               lambda m: " " + _subscript_words(m.group(1)) + _pad(m), s)
    return re.sub(r"(?<=[A-Za-z])\*", lambda m: " star" + _pad(m), s)


def _superscript(m: re.Match) -> str:
    base, run = m.group(1), m.group(2)
    plain = "".join(_SUPER_PLAIN[c] for c in run)
    if plain == "2":
        return base + " squared" + _pad(m)
    if plain == "3":
        return base + " cubed" + _pad(m)
    if plain == "T" and base not in _ASCII_DIGITS:
        return base + " transpose" + _pad(m)
    if plain == "−1" and base and base not in _ASCII_DIGITS + "e":
        return base + " inverse" + _pad(m)
    words = _superscript_words(run)
    if base in "ℝℂℕℤℚ" and base:
        return f"{base} {words}" + _pad(m)
    if base == "e" or base == "0" and _ends_with_ten(m):
        return f"{base} to the {words}" + _pad(m)
    return f"{base} to the power {words}" + _pad(m)


_ASCII_DIGITS = "0123456789"


def _pad(m: re.Match) -> str:
    """A space after words put in for a script, unless a call's "(" follows."""
    return "" if m.string[m.end():m.end() + 1] in ("(", "[") else " "


def _ends_with_ten(m: re.Match) -> bool:
    return m.string[:m.start(2)].endswith("10") and not m.string[:m.start(2)].endswith("010")


def _superscript_words(run: str) -> str:
    plain = "".join(_SUPER_PLAIN.get(c, c) for c in run)
    plain = plain.replace("−", " minus ").replace("+", " plus ").replace("=", " equals ")
    return " ".join(_letters_and_numbers(plain))


def _subscript_words(run: str) -> str:
    plain = "".join(_SUB_PLAIN.get(c, c) for c in run)
    plain = plain.replace("−", " minus ").replace("+", " plus ").replace("=", " equals ")
    return " ".join(_letters_and_numbers(plain, digit_by_digit=True))


def _letters_and_numbers(plain: str, *, digit_by_digit: bool = False) -> list[str]:
    words = []
    for token in re.findall(r"\d+|[A-Za-z]+|[α-ωΑ-Ω]|\S", plain):
        if token.isdigit():
            words.extend(_DIGITS[int(d)] for d in token) if digit_by_digit \
                else words.append(_int_words(int(token)))
        elif token in GREEK_NAMES:
            words.append(GREEK_NAMES[token])
        elif token == ",":
            continue
        else:
            words.extend(LETTER_NAMES.get(c, c) for c in token) if len(token) <= 3 \
                else words.append(token)
    return words


def _symbols(s: str) -> str:
    s = re.sub(r"(?<=\d)(\s*,?\s*)·(\s*,?\s*)(?=[\d(−-])", r"\1 times \2", s)
    s = re.sub(r"[α-ωΑ-Ωϵϑϕςϱϖµ]", lambda m: f" {GREEK_NAMES[m.group()]} ", s)
    s = re.sub(r"~(?=\s*\d)", " about ", s)
    s = s.replace("~", " is distributed as ")
    s = re.sub(r"\bdet\s+(?=\w)", " the determinant of ", s)
    s = re.sub(r"(?<=[\s(\[=,])[-−](?=\d)|^[-−](?=\d)", " minus ", s)
    s = re.sub(r"(?<=\d)-(?=\d)", " to ", s)
    s = re.sub(r"\s-\s", ", ", s)
    s = re.sub(r"(?<=[A-Za-z0-9])\s*/\s*(?=[A-Za-z0-9])",
               lambda m: " or " if _wordy(m) else " over ", s)
    s = re.sub(r"\*", " times ", s)
    return "".join(f" {SYMBOL_WORDS[c]} " if c in SYMBOL_WORDS else c for c in s)


def _wordy(m: re.Match) -> bool:
    left = re.search(r"[A-Za-z]+$", m.string[:m.start()])
    right = re.match(r"[A-Za-z]+", m.string[m.end():])
    return bool(left and right and len(left.group()) > 2 and len(right.group()) > 2)


_DIGITS = "zero one two three four five six seven eight nine".split()
_TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
          "nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))


def _int_words(n: int) -> str:
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return _TEENS[n - 10]
    if n < 100:
        return _TENS[n // 10] + (f"-{_DIGITS[n % 10]}" if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return f"{_DIGITS[n // 100]} hundred" + (f" and {_int_words(rest)}" if rest else "")
    for size, name in _SCALES:
        if n >= size:
            head, rest = divmod(n, size)
            tail = "" if not rest else (f" and {_int_words(rest)}" if rest < 100
                                        else f" {_int_words(rest)}")
            return f"{_int_words(head)} {name}{tail}"
    raise AssertionError(n)


def _ordinal(words: str) -> str:
    last = words.split(" ")[-1].split("-")[-1]
    special = {"one": "first", "two": "second", "three": "third", "five": "fifth",
               "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}
    if last in special:
        new = special[last]
    elif last.endswith("y"):
        new = last[:-1] + "ieth"
    else:
        new = last + "th"
    return words[: len(words) - len(last)] + new


def _fraction_words(top: int, bottom: int) -> str:
    name = {2: "half", 4: "quarter"}.get(bottom) or _ordinal(_int_words(bottom))
    if top > 1:
        name = {"half": "halves"}.get(name, name + "s")
    return f"{_int_words(top)} {name}"


def _number_words(m: re.Match) -> str:
    whole, fraction = m.group(1), m.group(2)
    if len(whole) > 1 and whole.startswith("0") or len(whole) > 15:
        head = " ".join(_DIGITS[int(d)] for d in whole)
    else:
        head = _int_words(int(whole)) if whole else ""
    if fraction is not None:
        head = (head + " point " + " ".join(_DIGITS[int(d)] for d in fraction)).strip()
    return f" {head} "


def _numbers(s: str) -> str:
    s = re.sub(r"(?<![\w.])(\d+)(st|nd|rd|th)\b", lambda m: " " + _ordinal(_int_words(int(m.group(1)))) + " ", s)
    s = re.sub(r"(?<=\d)(?=[A-Za-z])|(?<=[A-Za-z])(?=\d)", " ", s)  # 2xy, L2, 4D
    s = re.sub(r"(?<=\d)-(?=[A-Za-z])", " ", s)  # 64-bit
    return re.sub(r"(\d*)(?:\.(\d+))?", lambda m: _number_words(m) if m.group() else "", s)


def _words(s: str) -> str:
    tokens = re.split(r"([A-Za-z][A-Za-z']*(?:-[A-Za-z']+)*)", s)
    out = []
    for index, token in enumerate(tokens):
        if index % 2 == 0:
            out.append(token)
            continue
        out.append(_word(token, tokens, index))
    return "".join(out)


def _word(token: str, tokens: list[str], index: int) -> str:
    if token in WORDS:
        return WORDS[token]
    if token.lower() in WORDS and token.islower():
        return WORDS[token.lower()]
    if "-" in token:
        return "-".join(_word(part, tokens, index) for part in token.split("-"))
    if token.endswith("'s") and len(token) > 3:  # RMSProp's, PCA's
        return _word(token[:-2], tokens, index) + "'s"
    if re.fullmatch(r"[A-Z]{2,}s", token) and token[:-1] in SPELLED:
        return _spell(token[:-1]) + "'s"
    if re.fullmatch(r"[A-Z]{2,}", token):
        return _spell(token)
    if re.fullmatch(r"[A-Z][a-z]", token) and token not in TWO_LETTER_WORDS:
        return _spell(token)
    if token in ("ij", "ik", "jk", "ijk", "xy", "xyz", "uv"):
        return _spell(token)
    if token in "Aa":
        return _a(token, tokens, index)
    return token


def _spell(letters: str) -> str:
    return " ".join(LETTER_NAMES.get(c, c.upper() if c.isupper() else c) for c in letters)


_MATHS_AFTER_A = re.compile(r"\s*(?:$|[,.;:?!)]|(?:equals|times|plus|minus|over|is|has|lies|matmul|"
                            r"sends|stretches|makes|and|or|transpose|inverse|squared|to|"
                            r"prime|star|hat|bar)\b)")


def _a(token: str, tokens: list[str], index: int) -> str:
    """A lone ``A``/``a``: the letter (the voice needs "eh") unless it is the article."""
    before = "".join(tokens[:index])
    after = "".join(tokens[index + 1:])
    at_start = not before.strip() or re.search(r"[.?!:;]\s*$", before)
    if token == "A" and not at_start:
        return "eh"
    if _MATHS_AFTER_A.match(after) and not (at_start and re.match(r"\s*(times|plus) [a-z]{3,}", after)):
        return "eh"
    return token


def _tidy(s: str) -> str:
    s = re.sub(r"[^A-Za-z' ,.;:?!-]", lambda m: _unknown(m.group()), s)
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"\s+([,.;:?!])", r"\1", s)
    s = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", s)
    s = re.sub(r",([.;:?!])", r"\1", s)
    s = re.sub(r"([.;:?!])\s*,", r"\1", s)
    s = re.sub(r"(?<![A-Za-z])-|-(?![A-Za-z])", " ", s)
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"\s+([,.;:?!])", r"\1", s)
    return s.strip(" ,;:")


def _unknown(char: str) -> str:
    """A character no rule handled: its Unicode name, so nothing is silently dropped."""
    if char.isspace():
        return " "
    name = re.sub(r"[^a-z ]", " ", unicodedata.name(char, "").lower())
    return f" {name} "


_STEPS = (_markup_free, _code, _matrices, _bars, _big_operators, _numbers_first, _scripts,
          _calls, _symbols, _numbers, _words, _tidy)
