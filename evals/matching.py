"""Does a clause hold a gold evidence string? Robust to the corpus's repairs.

Gold strings are copied from the raw PDF text: broken-font letters ("ӛ"),
line breaks inside hyphenated words, stray spaces. Both sides are reduced to
lower-case letters and digits before comparing.
"""

from __future__ import annotations

import re
import unicodedata

from corpus.source import repair_letters


def squash(text: str) -> str:
    text = repair_letters(unicodedata.normalize("NFC", text)).lower()
    return re.sub(r"[^\w]|_", "", text)


def contains_evidence(clause_text: str, gold: list[str]) -> bool:
    body = squash(clause_text)
    return any(squash(g) and squash(g) in body for g in gold)


def first_relevant_rank(texts: list[str], gold: list[str]) -> int | None:
    """1-based rank of the first text holding a gold string, or None."""
    for rank, text in enumerate(texts, start=1):
        if contains_evidence(text, gold):
            return rank
    return None
