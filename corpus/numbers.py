"""The numbers of a text, compared across languages: a translation keeps every figure."""

from __future__ import annotations

import re
from collections import Counter

# "20 000", "20,000" and "20 000" are one number; "0,6" and "0.6" are the same pair of runs.
THOUSANDS = re.compile(r"(?<=\d)[\s\u00a0\u202f,](?=\d{3}(?!\d))")
DIGITS = re.compile(r"\d+")


def numbers_in(text: str) -> Counter[int]:
    """Multiset of the digit runs in `text` (leading zeros ignored: "08" == "8")."""
    return Counter(int(run) for run in DIGITS.findall(THOUSANDS.sub("", text)))


def number_diff(original: str, translation: str) -> tuple[Counter[int], Counter[int]]:
    """(numbers missing from the translation, numbers the translation added)."""
    a, b = numbers_in(original), numbers_in(translation)
    return a - b, b - a
