"""Table 1 of the policy (§8.30, 8.T1): letters, grade points, score bands, traditional grades.

The table is printed with Cyrillic А, В, С (and «FХ» with a Cyrillic Х in §8.30); users
type either script. Letters are read in both and always written in Latin.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Band:
    """One row of Table 1: a letter, its grade points and the whole-score band it covers."""

    letter: str
    points: Decimal
    lo: int
    hi: int
    traditional: str  # excellent | good | satisfactory | unsatisfactory

    @property
    def positive(self) -> bool:
        """A pass: A to D (§8.30); FX and F are "unsatisfactory"."""
        return self.traditional != "unsatisfactory"


# §8.T1 — copied from the table; tests/tools/test_letters.py checks it against the corpus.
TABLE_1: tuple[Band, ...] = (
    Band("A", Decimal("4.0"), 95, 100, "excellent"),
    Band("A-", Decimal("3.67"), 90, 94, "excellent"),
    Band("B+", Decimal("3.33"), 85, 89, "good"),
    Band("B", Decimal("3.0"), 80, 84, "good"),
    Band("B-", Decimal("2.67"), 75, 79, "good"),
    Band("C+", Decimal("2.33"), 70, 74, "good"),
    Band("C", Decimal("2.0"), 65, 69, "satisfactory"),
    Band("C-", Decimal("1.67"), 60, 64, "satisfactory"),
    Band("D+", Decimal("1.33"), 55, 59, "satisfactory"),
    Band("D", Decimal("1.0"), 50, 54, "satisfactory"),
    Band("FX", Decimal("0.5"), 25, 49, "unsatisfactory"),
    Band("F", Decimal("0"), 0, 24, "unsatisfactory"),
)

LETTERS: tuple[str, ...] = tuple(band.letter for band in TABLE_1)
POSITIVE_LETTERS: tuple[str, ...] = tuple(b.letter for b in TABLE_1 if b.positive)
_BY_LETTER = {band.letter: band for band in TABLE_1}

# The traditional grade of Table 1's last column, in the three languages.
TRADITIONAL: dict[str, dict[str, str]] = {
    "excellent": {"kk": "өте жақсы", "ru": "отлично", "en": "excellent"},
    "good": {"kk": "жақсы", "ru": "хорошо", "en": "good"},
    "satisfactory": {"kk": "қанағаттанарлық", "ru": "удовлетворительно", "en": "satisfactory"},
    "unsatisfactory": {
        "kk": "қанағаттанарлықсыз",
        "ru": "неудовлетворительно",
        "en": "unsatisfactory",
    },
}

# Cyrillic look-alikes of the table's Latin letters, and dash variants of the minus.
_LOOKALIKES = str.maketrans(
    {"А": "A", "В": "B", "С": "C", "Х": "X", "а": "A", "в": "B", "с": "C", "х": "X"}
    | {dash: "-" for dash in "‐‑‒–—−"}
)


def normalize_letter(text: str) -> str | None:
    """The Latin letter of Table 1 that `text` spells ("В+", "b+", "FХ"), or None."""
    letter = "".join(text.translate(_LOOKALIKES).split()).upper()
    return letter if letter in _BY_LETTER else None


def band_of_letter(letter: str) -> Band:
    return _BY_LETTER[letter]


def band_of_score(score: int) -> Band:
    """The row of Table 1 whose band holds a whole score 0-100 (round first, §8.29)."""
    for band in TABLE_1:
        if band.lo <= score <= band.hi:
            return band
    raise ValueError(f"score {score} is outside 0-100")
