"""A chat message as tokens with positions and the forms each language's words match.

Users type Kazakh in Cyrillic, in ad-hoc Latin ("emtihan", "qorytyndy", "bagam") and mixed
with Russian, Russian loanwords in Latin letters ("dopusk", "raznica"), Russian with or
without "ё" and "ь", Latin and Cyrillic look-alikes in one word. Every word token therefore
carries three forms, and a vocabulary phrase is compiled to the form of its language:

- `low` (lower case): English words;
- `ru`: Russian words, Latin transliterated the Russian way, soft and hard signs dropped,
  so "dopusk", "допуск" and "мобилность" read "допуск" and "мобильность";
- `loose`: Kazakh words, Latin transliterated the Kazakh way and the Kazakh-only letters
  folded to their nearest common ones, so "bagam", "багам" and "бағам" are one word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from indexing.text import latin_kazakh_to_cyrillic

_DASHES = str.maketrans({d: "-" for d in "‐‑‒–—−"} | {"\u00a0": " ", "\u202f": " ", "\t": " "})
# Kazakh-only letters (and й, ы) to the letters ad-hoc Latin spellings lose them to.
_LOOSE = str.maketrans("қғәөұүіңһыйё", "кгаоууинхиие")
_RU_SIGNS = str.maketrans("", "", "ьъ'’")
_RU_LATIN = [
    ("shch", "щ"), ("sch", "щ"), ("ch", "ч"), ("sh", "ш"), ("zh", "ж"), ("kh", "х"),
    ("ts", "ц"), ("ya", "я"), ("yu", "ю"), ("yo", "е"), ("ye", "е"), ("iy", "ий"),
    ("a", "а"), ("b", "б"), ("c", "ц"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"),
    ("h", "х"), ("i", "и"), ("j", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"),
    ("v", "в"), ("w", "в"), ("x", "кс"), ("y", "ы"), ("z", "з"),
]  # fmt: skip
_RU_LATIN_RE = re.compile("|".join(re.escape(a) for a, _ in _RU_LATIN))
_RU_LATIN_MAP = dict(_RU_LATIN)
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_TOKEN = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)?)"
    r"|(?P<code>(?<![^\W\d_])[^\W\d_]{1,2}-?\d{1,2}(?![\d\w]))"  # R1, РК-2, B2
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<punct>[^\w\s])"
)
SENTENCE_END = frozenset(".!?;\n")


def normalize(text: str) -> str:
    """NFC, one kind of dash and space, no control or zero-width characters, ё as е."""
    text = unicodedata.normalize("NFC", text).translate(_DASHES).replace("\r\n", "\n")
    text = "".join(
        ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
    )
    return re.sub(r"[ ]{2,}", " ", text.replace("ё", "е").replace("Ё", "Е")).strip()


def is_latin(word: str) -> bool:
    """Written in Latin letters (Kazakh Latin's ğ, ñ, ú included), none Cyrillic."""
    return bool(_LATIN.search(word)) and not _CYRILLIC.search(word)


def loose(word: str) -> str:
    """The Kazakh matching form of a lower-case word: Latin to Cyrillic, letters folded."""
    if is_latin(word):
        # "ng" stays н+г ("reiting" = "рейтинг"); the transliterator would make it ң
        word = word.replace("kh", "х").replace("w", "у").replace("ng", "n_g")
        word = latin_kazakh_to_cyrillic(word).replace("_", "")
    return word.translate(_LOOSE)


def russian(word: str) -> str:
    """The Russian matching form of a lower-case word: Latin to Cyrillic, no ь or ъ."""
    if is_latin(word):
        word = _RU_LATIN_RE.sub(lambda m: _RU_LATIN_MAP[m.group(0)], word)
    return word.translate(_RU_SIGNS)


def fold(word: str) -> str:
    return word.lower().replace("ё", "е").replace("’", "'")


@dataclass(frozen=True)
class Token:
    """One token: its text, kind (num, code, word, punct), offsets and matching forms.

    `attached` says nothing (or only a hyphen) separates it from the token before: the
    suffix of "9-ын", "72ге", "2nd", "R1-ім". `brk` marks a sentence boundary, across
    which no label binds a value ("мат. сауаттылық" and "12.01.2025" have none).
    """

    text: str
    kind: str
    start: int
    end: int
    attached: bool
    low: str
    loose: str
    ru: str
    brk: bool = False

    @property
    def is_break(self) -> bool:
        return self.brk

    def form(self, lang: str) -> str:
        return self.loose if lang == "kk" else self.ru if lang == "ru" else self.low


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    last_end = -1
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        raw = m.group(0)
        between = text[last_end : m.start()] if last_end >= 0 else " "
        attached = between == "" or (between == "-" and kind != "punct")
        if kind == "punct" and raw == "-" and _glued_hyphen(text, m.start()):
            continue  # "9-ын", "R-1": the hyphen only joins; `attached` records it
        if "\n" in between:
            tokens.append(Token("\n", "punct", last_end, m.start(), False, "\n", "\n", "\n", True))
        low = fold(raw)
        brk = kind == "punct" and raw in SENTENCE_END and _ends_sentence(text, m.start(), raw)
        tokens.append(
            Token(raw, kind, m.start(), m.end(), attached, low, loose(low), russian(low), brk)
        )
        last_end = m.end()
    return tokens


def _glued_hyphen(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return not before.isspace() and not after.isspace() and (before.isalnum() or before in "+")


def _ends_sentence(text: str, pos: int, mark: str) -> bool:
    """A full stop inside a date ("12.01.2025") or after an abbreviation ("мат. сауат",
    "ак. часов") ends no sentence; other stops do."""
    if mark != ".":
        return True
    before = text[pos - 1] if pos > 0 else " "
    rest = text[pos + 1 :]
    if before.isdigit() and rest[:1].isdigit():
        return False
    following = rest.lstrip(" ")
    word = re.search(r"(\w+)$", text[:pos])
    abbreviation = word is not None and word.group(1).isalpha() and len(word.group(1)) <= 4
    return not (abbreviation and following[:1].isalpha() and following[:1].islower())
