"""Kazakh letters restored from the policy's own words, for Kazakh typed in Latin letters.

People who type Kazakh in Latin letters drop the letters Latin lacks: "toleu" is «төлеу»,
"kurstardan" is «курстардан», "biyl" is «биыл». Letter by letter, a transliteration can
only guess («толеу», «кұрстардан», «біыл»), and a guess that misses a letter misses the
clause for BM25 and blurs it for the embedder. The policy's own Kazakh text settles most
guesses: a word that matches a policy word once the look-alike letters are set aside
(ұ/ү/у, і/и/ы/й, ө/о, ә/а, ғ/г, қ/к, ң/н, һ/х) takes that word's spelling, the most frequent
one if several match; an inflected word takes the spelling of the longest policy word
beginning it, and keeps its own ending.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from corpus.store import load_clauses

LOOSE = str.maketrans("әғқңөұүһіиыйэ", "агкноуухииииe")
MIN_PREFIX = 4  # shorter beginnings are too common to settle a spelling
MAX_PREFIX = 14
WORD = re.compile(r"[а-яәғқңөұүһіё]+", re.IGNORECASE)


def loose(word: str) -> str:
    return word.lower().translate(LOOSE)


@cache
def _spellings() -> tuple[dict[str, str], dict[str, str]]:
    """(loose word -> its policy spelling, loose beginning -> its policy spelling)."""
    words: Counter[str] = Counter()
    for clause in load_clauses("kk"):
        words.update(w.lower() for w in WORD.findall(clause.text))
    whole: dict[str, str] = {}
    starts: dict[str, str] = {}
    for word, _ in words.most_common():  # the most frequent spelling comes first and stays
        whole.setdefault(loose(word), word)
        for n in range(MIN_PREFIX, min(len(word), MAX_PREFIX) + 1):
            starts.setdefault(loose(word[:n]), word[:n])
    return whole, starts


def restore(word: str) -> str:
    """The policy's spelling of a transliterated Kazakh word (unchanged if none fits)."""
    if len(word) < MIN_PREFIX or not WORD.fullmatch(word):
        return word
    whole, starts = _spellings()
    key = loose(word)
    if key in whole:
        return whole[key]
    for n in range(min(len(word), MAX_PREFIX), MIN_PREFIX - 1, -1):
        start = starts.get(key[:n])
        if start is not None:
            return start + word[n:]
    return word


def restore_text(text: str) -> str:
    return WORD.sub(lambda m: restore(m.group(0)), text)
