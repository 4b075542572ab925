"""Table 1 and letter_grade: the bands, the letters in both scripts, the rounding."""

from decimal import Decimal

import pytest

from corpus.store import clauses_by_id
from tools import letter_grade
from tools.citations import CITATIONS, cite
from tools.letters import TABLE_1, band_of_score, normalize_letter
from tools.rounding import fmt, fmt_points, round_half_up, round_score

TRADITIONAL_KK = {
    "Өте жақсы": "excellent",
    "Жақсы": "good",
    "Қанағаттанарлық": "satisfactory",
    "Қанағаттанарлықсыз": "unsatisfactory",
}


def test_table_matches_the_corpus_table():
    table = clauses_by_id("kk")[CITATIONS["LETTER_TABLE"][0]].table
    assert table is not None
    rows = [
        (
            normalize_letter(r.letter),
            Decimal(str(r.points)),
            r.min_percent,
            r.max_percent,
            TRADITIONAL_KK[r.traditional],
        )
        for r in table.rows
    ]
    assert rows == [(b.letter, b.points, b.lo, b.hi, b.traditional) for b in TABLE_1]


def test_bands_cover_0_to_100_without_gaps():
    covered = [s for band in TABLE_1 for s in range(band.lo, band.hi + 1)]
    assert sorted(covered) == list(range(101))


@pytest.mark.parametrize(
    ("score", "rounded", "letter", "points", "traditional"),
    [
        (100, 100, "A", 4.0, "excellent"),
        (95, 95, "A", 4.0, "excellent"),
        (94.5, 95, "A", 4.0, "excellent"),
        (94.4, 94, "A-", 3.67, "excellent"),
        (94.49, 94, "A-", 3.67, "excellent"),
        (90, 90, "A-", 3.67, "excellent"),
        (89.5, 90, "A-", 3.67, "excellent"),
        (89, 89, "B+", 3.33, "good"),
        (84, 84, "B", 3.0, "good"),
        (79, 79, "B-", 2.67, "good"),
        (74, 74, "C+", 2.33, "good"),
        (70, 70, "C+", 2.33, "good"),
        (69.4, 69, "C", 2.0, "satisfactory"),
        (64, 64, "C-", 1.67, "satisfactory"),
        (59, 59, "D+", 1.33, "satisfactory"),
        (50, 50, "D", 1.0, "satisfactory"),
        (49.5, 50, "D", 1.0, "satisfactory"),
        (49.4, 49, "FX", 0.5, "unsatisfactory"),
        (25, 25, "FX", 0.5, "unsatisfactory"),
        (24.5, 25, "FX", 0.5, "unsatisfactory"),
        (24, 24, "F", 0.0, "unsatisfactory"),
        (0, 0, "F", 0.0, "unsatisfactory"),
        (Decimal("0.5"), 1, "F", 0.0, "unsatisfactory"),
    ],
)
def test_letter_grade(score, rounded, letter, points, traditional):
    result = letter_grade(score)
    assert (result.score, result.letter, result.points, result.traditional) == (
        rounded,
        letter,
        points,
        traditional,
    )
    assert result.clauses == cite("ROUNDING", "LETTER_SYSTEM", "LETTER_TABLE")


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("A", "A"),
        ("А", "A"),  # Cyrillic А
        ("В+", "B+"),  # Cyrillic В
        ("С-", "C-"),  # Cyrillic С
        ("b-", "B-"),
        (" a – ", "A-"),  # en dash
        ("FХ", "FX"),  # Cyrillic Х, as printed in §8.30
        ("fx", "FX"),
        ("D+", "D+"),
        ("E", None),
        ("A+", None),
        ("", None),
        ("Д", None),
    ],
)
def test_letters_are_read_in_both_scripts(text, letter):
    assert normalize_letter(text) == letter


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("0.5", 0, "1"),
        ("1.5", 0, "2"),
        ("2.5", 0, "3"),  # Python's round(2.5) is 2; the policy says 3
        ("94.5", 0, "95"),
        ("94.4", 0, "94"),
        ("94.45", 0, "94"),
        ("3.185", 2, "3.19"),
        ("3.1844", 2, "3.18"),
        ("76.47", 1, "76.5"),
        ("3.16995", 4, "3.1700"),
    ],
)
def test_round_half_up_is_the_policy_rounding(value, places, expected):
    assert round_half_up(Decimal(value), places) == Decimal(expected)


def test_round_score_never_uses_bankers_rounding():
    assert [round_score(Decimal(x) + Decimal("0.5")) for x in range(0, 100)] == list(range(1, 101))
    assert round(2.5) == 2  # the trap this module avoids


def test_numbers_are_written_per_language():
    assert fmt(Decimal("60.3"), "kk") == "60,3"
    assert fmt(Decimal("60.3"), "en") == "60.3"
    assert fmt(Decimal("480000"), "en", grouped=True) == "480,000"
    assert fmt(Decimal("480000"), "ru", grouped=True) == "480\u00a0000"
    assert fmt_points(Decimal("1.0"), "ru") == "1,0"
    assert fmt_points(Decimal("3.67"), "en") == "3.67"


def test_band_of_score_rejects_out_of_table():
    with pytest.raises(ValueError):
        band_of_score(101)
