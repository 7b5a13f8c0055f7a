"""LaTeX to readable Unicode text, for captions.

A narration beat may carry maths as LaTeX, in ``$...$`` or bare
(``\\tfrac12``, ``x^2``, ``\\sigma``). A caption must not show it raw, and a
viewer reads Unicode maths fine: ``$\\tfrac12 x^\\top A x$`` becomes
``½ xᵀ A x``. Rules, chosen for a reader of captions:

* Greek letters and operators become their symbols (σ, ∇, ≈, ≤, →, ×, ‖).
* ``\\frac{a}{b}`` becomes a vulgar fraction when one exists (½, ⅔), else
  ``a/b`` with parentheses around a compound part: ``(κ − 1)/(κ + 1)``.
* Superscripts and subscripts become Unicode ones when every character has
  one (x², xᵀ, x⁻¹, x₁, Wᵢⱼ, p₀₁). Otherwise a superscript on ``e`` becomes
  ``exp(...)`` and any other one ``**(...)`` (Python's power), and a
  subscript follows its base after a space: ``D_{KL}`` -> ``D KL``,
  ``p_{data}`` -> ``p data``.
* Accents combine with their letter (ŷ, ᾱ, x̃); fonts (``\\mathbf``,
  ``\\text``) are dropped; ``\\mathbb{R}`` is ℝ; ``\\mathbb{E}`` and
  ``\\mathcal{N}`` are plain E and N (their double-struck and script forms
  are missing from many caption fonts).
* Matrices are NumPy-style nested lists: ``[[3, −2], [−2, 3]]``.
* In maths, ``-`` is the minus sign ``−`` and binary operators get a space
  on each side; the author's own spaces are kept (collapsed), so
  ``$x^T A x$`` reads ``xᵀ A x``.

Outside ``$...$`` only what is unmistakably LaTeX is converted (commands,
``^``/``_`` with a braced, numeric or single-character argument); a
``snake_case`` name stays as it is. This module is pure Python and never
imports Manim.
"""

from __future__ import annotations

import re
import unicodedata

GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "θ", "iota": "ι", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "π", "rho": "ρ",
    "varrho": "ρ", "sigma": "σ", "varsigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ",
    "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
    "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}

# binary operators and relations: spaced on both sides in maths
OPERATORS = {
    "cdot": "·", "times": "×", "pm": "±", "mp": "∓", "div": "÷", "ast": "∗", "circ": "∘",
    "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "leq": "≤", "le": "≤", "leqslant": "≤",
    "geq": "≥", "ge": "≥", "geqslant": "≥", "neq": "≠", "ne": "≠", "approx": "≈",
    "sim": "∼", "simeq": "≃", "cong": "≅", "propto": "∝", "equiv": "≡", "ll": "≪", "gg": "≫",
    "to": "→", "rightarrow": "→", "longrightarrow": "→", "leftarrow": "←", "gets": "←",
    "longleftarrow": "←", "mapsto": "↦", "Rightarrow": "⇒", "implies": "⇒",
    "Leftarrow": "⇐", "iff": "⇔", "Leftrightarrow": "⇔", "in": "∈", "notin": "∉",
    "subset": "⊂", "subseteq": "⊆", "supset": "⊃", "supseteq": "⊇", "cup": "∪", "cap": "∩",
    "setminus": "∖", "perp": "⊥", "mid": "|", "triangleq": "≜", "coloneqq": "≔",
    "land": "∧", "wedge": "∧", "lor": "∨", "vee": "∨",
}
ASCII_OPERATORS = {"=": "=", "+": "+", "-": "−", "<": "<", ">": ">", "−": "−", "×": "×",
                   "·": "·", "≤": "≤", "≥": "≥", "≈": "≈", "≠": "≠", "→": "→", "±": "±"}
UNARY = {"−", "+", "±", "∓"}

LARGE = {"sum", "prod", "int", "oint"}  # big operators: a space before, then their limits
SYMBOLS = {
    "infty": "∞", "partial": "∂", "nabla": "∇", "sum": "∑", "prod": "∏", "int": "∫",
    "oint": "∮", "ell": "ℓ", "top": "⊤", "intercal": "⊤", "star": "⋆", "forall": "∀",
    "exists": "∃", "emptyset": "∅", "varnothing": "∅", "neg": "¬", "langle": "⟨",
    "rangle": "⟩", "lVert": "‖", "rVert": "‖", "Vert": "‖", "lvert": "|", "rvert": "|",
    "vert": "|", "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱",
    "prime": "′", "dagger": "†", "angle": "∠", "degree": "°", "hbar": "ℏ", "lbrace": "⦃",
    "rbrace": "⦄", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
}
ESCAPES = {"|": "‖", "{": "⦃", "}": "⦄", "%": "%", "&": "&", "#": "#", "$": "$", "_": "_",
           ",": " ", ";": " ", ":": " ", "!": "", " ": " ", "\\": "; "}

# named operators, written upright and followed by a space before their argument
FUNCTIONS = {
    "log", "ln", "lg", "exp", "sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh",
    "arcsin", "arccos", "arctan", "det", "max", "min", "arg", "argmax", "argmin", "sup",
    "inf", "lim", "limsup", "liminf", "Pr", "dim", "ker", "deg", "gcd", "hom", "tr",
}
FONTS = {"mathbf", "boldsymbol", "bm", "mathrm", "mathit", "mathsf", "mathtt", "mathnormal",
         "mathscr", "mathfrak"}
TEXT_FONTS = {"text", "textrm", "textit", "textbf", "textsf", "texttt", "textnormal", "emph",
              "mbox", "hbox"}  # their argument is prose, not maths
BLACKBOARD = {"R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ"}
ACCENTS = {"hat": "\u0302", "widehat": "\u0302", "bar": "\u0304", "overline": "\u0305",
           "tilde": "\u0303", "widetilde": "\u0303", "dot": "\u0307", "ddot": "\u0308",
           "vec": "\u20d7", "check": "\u030c", "acute": "\u0301", "grave": "\u0300"}
SPACING = {"enspace": " ", "thinspace": " ", "medspace": " ",
           "thickspace": " ", "space": " ", "nobreakspace": " "}
IGNORED = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
           "biggl", "biggr", "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits",
           "middle", "nonumber", "notag", "label", "tag", "raggedright", "centering",
           "noindent", "par", "phantom", "hphantom", "vphantom", "mathstrut", "strut"}
SKIP_ARGUMENT = {"label", "tag", "phantom", "hphantom", "vphantom"}  # their argument is not shown

SUPERSCRIPTS = dict(zip(
    "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWαβγδεθιφχ⊤*⋆∗′'†",
    "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵅᵝᵞᵟᵋᶿᶥᵠᵡᵀ***′′†"))
SUBSCRIPTS = dict(zip("0123456789+-−=()aehijklmnoprstuvxβγρφχ,",
                      "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ,"))
FRACTIONS = {(1, 2): "½", (1, 3): "⅓", (2, 3): "⅔", (1, 4): "¼", (3, 4): "¾", (1, 5): "⅕",
             (2, 5): "⅖", (3, 5): "⅗", (4, 5): "⅘", (1, 6): "⅙", (5, 6): "⅚", (1, 7): "⅐",
             (1, 8): "⅛", (3, 8): "⅜", (5, 8): "⅝", (7, 8): "⅞", (1, 9): "⅑", (1, 10): "⅒"}
MATRICES = {"matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix"}

_TOKEN_RE = re.compile(r"\\[A-Za-z]+\*?|\\.|[{}^_&$]|\s+|.", re.S)
_COMPOUND_RE = re.compile(r"[\s=+−<>×·≤≥≈≠→±,/]")  # a fraction part with these needs ( )


def latex_to_text(text: str) -> str:
    """``text`` with its ``$...$`` spans and bare LaTeX turned into Unicode."""
    pieces = []
    for index, part in enumerate(_split_dollars(text)):
        pieces.append(_Renderer(part, math=index % 2 == 1).render())
    return "".join(pieces)


def _split_dollars(text: str) -> list[str]:
    """Alternating text and maths segments; ``$$`` counts as ``$``, ``\\$`` is a
    literal dollar, and an unpaired ``$`` is kept as text."""
    segments, current, math = [], [], False
    i = 0
    while i < len(text):
        if text.startswith("\\$", i):
            current.append("\\$")
            i += 2
            continue
        if text[i] == "$":
            i += 2 if text.startswith("$$", i) else 1
            segments.append("".join(current))
            current, math = [], not math
            continue
        current.append(text[i])
        i += 1
    if math:  # unpaired: the last "$" was text
        last = segments.pop()
        current = [last, "$", *current]
    segments.append("".join(current))
    return segments


class _Renderer:
    """Recursive descent over LaTeX tokens; ``math`` selects maths mode rules."""

    def __init__(self, source: str, *, math: bool):
        self.tokens = _TOKEN_RE.findall(source)
        self.pos = 0
        self.math = math

    # ------------------------------------------------------------ driving
    def render(self) -> str:
        return self._join(self._sequence(stop=None))

    def _peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _take(self) -> str:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def _skip_space(self) -> None:
        while (token := self._peek()) is not None and token.isspace():
            self.pos += 1

    def _sequence(self, stop: set[str] | None, *, consume: bool = True) -> list[tuple[str, str]]:
        """(kind, text) pieces up to a token in ``stop`` (consumed unless
        ``consume`` is false) or the end."""
        pieces: list[tuple[str, str]] = []
        while (token := self._peek()) is not None:
            if stop and token in stop:
                self.pos += consume
                break
            pieces.extend(self._piece(pieces))
        return pieces

    def _group(self) -> str:
        """The rendering of a ``{...}`` group whose ``{`` was just consumed."""
        return self._join(self._sequence(stop={"}"}))

    def _argument(self) -> str:
        """One macro argument: a braced group, a command or a single character."""
        self._skip_space()
        token = self._peek()
        if token is None:
            return ""
        if token == "{":
            self.pos += 1
            return self._group()
        pieces = self._piece([])
        return self._join(pieces)

    def _raw_argument(self) -> str:
        """An argument's source text, unrendered (environment names, \\label)."""
        self._skip_space()
        if self._peek() != "{":
            return self._take() if self._peek() is not None else ""
        self.pos += 1
        depth, out = 1, []
        while self._peek() is not None:
            token = self._take()
            depth += token == "{"
            depth -= token == "}"
            if depth == 0:
                break
            out.append(token)
        return "".join(out)

    def _optional_argument(self) -> str | None:
        self._skip_space()
        if self._peek() != "[":
            return None
        self.pos += 1
        return self._join(self._sequence(stop={"]"}))

    # ------------------------------------------------------------ pieces
    def _piece(self, before: list[tuple[str, str]]) -> list[tuple[str, str]]:
        token = self._take()
        if token.isspace():
            return [("space", " ")]
        if token == "{":
            return [("atom", self._group())]
        if token == "}":
            return []
        if token in "^_":
            return self._script(token, before)
        if token.startswith("\\"):
            return self._command(token, before)
        if not self.math:
            return [("text", token)]
        if token == "&":
            return [("space", " ")]
        if token in ASCII_OPERATORS:
            return [("op", ASCII_OPERATORS[token])]
        if token in ",;":
            return [("punct", token)]
        if token in "([":
            return [("open", token)]
        if token in ")]":
            return [("close", token)]
        if token == "~":
            return [("space", " ")]
        return [("atom", token)]

    def _command(self, token: str, before) -> list[tuple[str, str]]:
        name = token[1:]
        if len(name) == 1 and not name.isalpha():
            if name == "\\":
                return [("punct", ";")]
            return [("space" if ESCAPES.get(name, name).isspace() else "atom",
                     ESCAPES.get(name, name))]
        name = name.rstrip("*")
        if name in GREEK:
            return [("atom", GREEK[name])]
        if name in OPERATORS:
            return [("op", OPERATORS[name])]
        if name in {"quad", "qquad"}:  # separates formulas: a comma in text
            return [("punct", ",")]
        if name in LARGE:
            return [("large", SYMBOLS[name])]
        if name in SYMBOLS:
            return [("atom", SYMBOLS[name])]
        if name in SPACING:
            return [("space", " ")]
        if name in IGNORED:
            if name in SKIP_ARGUMENT:
                self._raw_argument()
            elif name in {"left", "right", "middle"} and self._peek() == ".":
                self.pos += 1  # the invisible delimiter
            return []
        if name in FUNCTIONS:
            return [("func", name)]
        if name in {"frac", "tfrac", "dfrac", "cfrac"}:
            return [("atom", self._fraction(self._argument(), self._argument()))]
        if name == "binom":
            top, bottom = self._argument(), self._argument()
            return [("atom", f"({top} choose {bottom})")]
        if name == "sqrt":
            index = self._optional_argument()
            body = self._argument()
            root = {"3": "∛", "4": "∜"}.get(index or "", "√")
            if index and root == "√":
                root = "".join(SUPERSCRIPTS.get(c, c) for c in index) + "√"
            return [("atom", root + (f"({body})" if _is_compound(body) or len(body) > 2 else body))]
        if name in FONTS:
            return [("atom", self._argument())]
        if name in TEXT_FONTS:
            math, self.math = self.math, False
            body = self._argument()
            self.math = math
            return [("atom", body)]
        if name == "mathbb":
            body = self._argument()
            return [("atom", "".join(BLACKBOARD.get(c, c) for c in body))]
        if name == "mathcal":
            return [("atom", self._argument())]
        if name in ACCENTS:
            body = self._argument()
            return [("atom", unicodedata.normalize("NFC", "".join(c + ACCENTS[name] for c in body)))]
        if name == "operatorname":
            return [("func", self._argument())]
        if name == "begin":
            return self._environment(self._raw_argument())
        if name == "end":
            self._raw_argument()
            return []
        return [("atom", name)]  # unknown command: its name, never a backslash

    def _fraction(self, top: str, bottom: str) -> str:
        if top.isdigit() and bottom.isdigit() and (int(top), int(bottom)) in FRACTIONS:
            return FRACTIONS[int(top), int(bottom)]
        if _is_compound(top):
            top = f"({top})"
        if _is_compound(bottom) or (len(bottom) > 1 and not bottom.isdigit()
                                    and not re.fullmatch(r"√.*|[d∂∆δ]\w", bottom)):
            bottom = f"({bottom})"
        return f"{top}/{bottom}"

    def _script(self, kind: str, before) -> list[tuple[str, str]]:
        if not self.math and not self._text_script_follows():
            return [("text", kind)]
        # ``10^-3``: a sign and its number go up together, as written
        self._skip_space()
        sign = ""
        if self._peek() in {"-", "−", "+"} and self.pos + 1 < len(self.tokens) \
                and self.tokens[self.pos + 1].isdigit():
            sign = "−" if self._take() in "-−" else "+"
        if sign:
            body = sign + self._digits()
        elif not self.math and self._peek() and self._peek().isdigit():
            body = self._digits()
        else:
            body = self._argument()
        body = body.replace(" ", "")
        table = SUPERSCRIPTS if kind == "^" else SUBSCRIPTS
        if body and all(c in table for c in body):
            return [("script", "".join(table[c] for c in body))]
        if kind == "_":
            return [("space", " "), ("atom", body)]
        base = before[-1][1] if before and before[-1][0] == "atom" else None
        if base == "e":
            before.pop()
            return [("atom", f"exp({body})")]
        return [("atom", "**" + (f"({body})" if len(body) > 1 else body))]

    def _digits(self) -> str:
        out = []
        while (token := self._peek()) is not None and token.isdigit():
            out.append(self._take())
        return "".join(out)

    def _text_script_follows(self) -> bool:
        """Outside maths, ``^``/``_`` are LaTeX only before ``{``, a command,
        digits, ``-digits`` or one character followed by a non-word: a
        ``snake_case_name`` is left alone."""
        rest = "".join(self.tokens[self.pos:self.pos + 3])
        return bool(re.match(r"\{|\\|[-−+]?\d|\w(?!\w)", rest))

    def _environment(self, name: str) -> list[tuple[str, str]]:
        rows: list[list[str]] = [[]]
        while self._peek() is not None:
            rows[-1].append(self._join(self._sequence(stop={"&", "\\\\", "\\end"}, consume=False)))
            token = self._take() if self._peek() is not None else None
            if token == "\\\\":
                rows.append([])
            elif token == "\\end":
                self._raw_argument()
                break
        rows = [[c.strip() for c in row] for row in rows if any(c.strip() for c in row)]
        if name.rstrip("*") in MATRICES:
            text = "[" + ", ".join("[" + ", ".join(row) + "]" for row in rows) + "]"
            return [("atom", "det" + text if name.startswith("vmatrix") else text)]
        return [("atom", "; ".join(" ".join(row) for row in rows))]

    # ------------------------------------------------------------ output
    def _join(self, pieces: list[tuple[str, str]]) -> str:
        out: list[str] = []
        previous = None  # kind of the last piece that was not a space
        for index, (kind, text) in enumerate(pieces):
            if kind == "space":
                out.append(" ")
                continue
            if kind == "op":
                unary = text in UNARY and previous in {None, "op", "open", "punct", "func"}
                out.append(text if unary else f" {text} ")
            elif kind == "punct":
                out.append(text + " ")
            elif kind == "large":
                out.append(" " + text)
                kind = "op"  # a sign right after it is unary
            elif kind == "func":
                following = next((k for k, _ in pieces[index + 1:] if k != "space"), None)
                out.append(text + (" " if following in {"atom", "func"} else ""))
            else:
                out.append(text)
            previous = kind
        return _tidy_math("".join(out)) if self.math else "".join(out)


def _is_compound(part: str) -> bool:
    return bool(_COMPOUND_RE.search(part.strip()))


def _tidy_math(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"([(\[]) ", r"\1", text)
    text = re.sub(r" ([)\],;])", r"\1", text)
    return text
