"""final_grade, gpa and igpa on cases worked out from the policy text (§8.29, Table 1, §9)."""

import pytest

from tools import ToolInputError, final_grade, gpa, igpa
from tools.citations import clause_id


@pytest.mark.parametrize(
    ("r1", "r2", "exam", "raw", "final", "letter"),
    [
        (72, 65, 48, 60.3, 60, "C-"),  # the issue's example
        (80, 70, 65, 71, 71, "C+"),
        (50, 55, 45, 49.5, 50, "D"),  # .5 rounds up: a pass, not FX
        (90, 91, 88, 89.5, 90, "A-"),
        (95, 94, 94, 94.3, 94, "A-"),  # .3 rounds down: not an A
        (50, 50, 48, 49.2, 49, "FX"),
        (100, 100, 100, 100, 100, "A"),
        (0, 0, 0, 0, 0, "F"),
        (60, 60, 37, 50.8, 51, "D"),
        (51, 50, 47, 49.1, 49, "FX"),
        (52, 50, 46, 49, 49, "FX"),
        (53, 50, 47, 49.7, 50, "D"),
        (95, 95, 94, 94.6, 95, "A"),
        (94, 95, 95, 94.7, 95, "A"),
        (94.5, 94.5, 94, 94.3, 94, "A-"),
    ],
)
def test_final_grade(r1, r2, exam, raw, final, letter):
    result = final_grade(r1, r2, exam)
    assert result.raw == raw  # exact: Decimal arithmetic, no 94.30000000000001
    assert (result.final, result.letter) == (final, letter)


def test_final_grade_rounds_a_fractional_exam_first():
    # §8.29 rounds the exam grade itself to whole points: 47.5 -> 48
    result = final_grade(60, 60, 47.5)
    assert result.raw == 0.6 * 60 + 0.4 * 48
    assert "47.5" in result.explanation.en and "48" in result.explanation.en


def test_final_grade_explanation_shows_the_arithmetic():
    result = final_grade(72, 65, 48)
    assert "0.6 × (72 + 65) / 2 + 0.4 × 48 = 60.3 → 60" in result.explanation.en
    assert "0,6 × (72 + 65) / 2 + 0,4 × 48 = 60,3 → 60" in result.explanation.ru
    assert "60,3 → 60" in result.explanation.kk
    assert "C-" in result.explanation.kk
    assert set(result.clauses) >= {clause_id("GRADE_FORMULA"), clause_id("LETTER_TABLE")}


def test_final_grade_flags_a_rating_below_admission():
    result = final_grade(40, 45, 90)
    assert result.rating_average == 42.5 and result.admitted_to_exam is False
    assert clause_id("EXAM_ADMISSION_50") in result.clauses
    assert "not admitted" in result.explanation.en


@pytest.mark.parametrize(
    ("courses", "expected", "credits"),
    [
        ([{"credits": 5, "letter": "A"}], 4.0, 5),
        (
            [
                {"credits": 5, "letter": "A-"},
                {"credits": 4, "letter": "B"},
                {"credits": 3, "letter": "C+"},
                {"credits": 6, "letter": "B+"},
            ],
            3.18,
            18,
        ),
        (
            [{"credits": 5, "score": 92}, {"credits": 5, "score": 68}, {"credits": 2, "score": 85}],
            2.92,
            12,
        ),
        ([{"credits": 3, "letter": "FX"}, {"credits": 3, "letter": "A"}], 2.25, 6),
        ([{"credits": 4, "letter": "F"}, {"credits": 4, "letter": "D"}], 0.5, 8),
        ([{"credits": 5, "letter": "В+"}, {"credits": 5, "score": 94.5}], 3.67, 10),  # 3.665
        ([{"credits": 1, "letter": "A-"}, {"credits": 2, "letter": "C"}], 2.56, 3),  # 2.5567
        ([{"credits": 5, "letter": "A", "score": 96, "name": "Maths"}], 4.0, 5),
    ],
)
def test_gpa(courses, expected, credits):
    result = gpa(courses)
    assert (result.gpa, result.total_credits) == (expected, credits)


def test_gpa_says_the_formula_is_a_reading():
    result = gpa([{"credits": 5, "letter": "A"}])
    assert "no GPA formula" in result.explanation.en
    assert "не приведена" in result.explanation.ru


def test_gpa_rejects_disagreeing_letter_and_score():
    with pytest.raises(ToolInputError) as info:
        gpa([{"credits": 5, "letter": "A", "score": 70}])
    assert info.value.code == "inconsistent_arguments"
    assert info.value.field == "courses[0].score"


@pytest.mark.parametrize(
    ("kwargs", "gpa_used", "value"),
    [
        ({"year": 2, "gpa": 3.2, "ssci": 3.0}, 3.2, 3.17),
        ({"year": 1, "gpa": 3.0, "ssci": 2.0}, 3.0, 2.85),
        ({"year": 4, "gpa": 3.4, "iros": 2.8, "ssci": 3.6}, 3.4, 3.22),
        ({"year": 3, "gpa": 2.95, "iros": 3.1, "ssci": 2.2}, 2.95, 2.89),  # 1.475+1.085+0.33
        ({"year": 1, "academic": 3.5, "research": 3.0, "ssci": 3.0}, 3.4, 3.34),
        ({"year": 2, "gpa": 3.33, "ssci": 3.67}, 3.33, 3.381),  # 2.8305 + 0.5505
        ({"year": 2, "gpa": 3.21, "ssci": 3.17}, 3.21, 3.204),  # 2.7285 + 0.4755
        ({"year": 3, "gpa": 3.33, "iros": 3.33, "ssci": 3.33}, 3.33, 3.33),
        ({"year": 1, "gpa": 1, "ssci": 1, "academic": 2, "research": 2}, 2.0, 1.85),
    ],
)
def test_igpa(kwargs, gpa_used, value):
    result = igpa(**kwargs)
    assert result.gpa_used == gpa_used
    assert result.igpa == pytest.approx(value, abs=1e-9)
    assert result.progression_ok is None  # only with scale_max


def test_igpa_rounds_to_four_decimals_half_up():
    # 3.12345 * 0.85 + 2.1 * 0.15 = 2.6549325 + 0.315 = 2.9699325 -> 2.9699
    assert igpa(year=1, gpa=3.12345, ssci=2.1).igpa == 2.9699
    # 3.00005 * 0.5 + 0 + 0 = 1.500025 -> 1.5000 ; 3.0001*0.5 = 1.50005 -> 1.5001 (half up)
    assert igpa(year=3, gpa=3.0001, iros=0, ssci=0).igpa == 1.5001


@pytest.mark.parametrize(
    ("kwargs", "ok", "failed"),
    [
        ({"year": 4, "gpa": 3.4, "iros": 2.8, "ssci": 3.6, "scale_max": 4}, True, []),
        (
            {"year": 4, "gpa": 3.4, "iros": 1.9, "ssci": 3.6, "scale_max": 4},
            False,
            ["iros_below_50_percent"],
        ),
        ({"year": 2, "gpa": 2.0, "ssci": 1.99, "scale_max": 4}, False, ["ssci_below_50_percent"]),
        ({"year": 2, "gpa": 50, "ssci": 50, "scale_max": 100}, True, []),
        (
            {"year": 1, "gpa": 40, "ssci": 20, "scale_max": 100},
            False,
            ["gpa_below_50_percent", "ssci_below_50_percent"],
        ),
    ],
)
def test_igpa_progression_needs_half_of_every_block(kwargs, ok, failed):
    result = igpa(**kwargs)
    assert result.progression_ok is ok
    assert result.progression_failed == failed


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"year": 3, "gpa": 3.0, "ssci": 3.0}, "iros"),  # years 3-4 need iROS
        ({"year": 1, "ssci": 3.0}, "gpa"),
        ({"year": 1, "ssci": 3.0, "academic": 3.0}, "research"),
        ({"year": 2, "gpa": 3.0}, "ssci"),
        ({"year": 5, "gpa": 3.0, "ssci": 3.0}, "year"),
        ({"year": 2, "gpa": 4.5, "ssci": 3.0, "scale_max": 4}, "gpa"),
    ],
)
def test_igpa_bad_input(kwargs, field):
    with pytest.raises(ToolInputError) as info:
        igpa(**kwargs)
    assert info.value.field == field


def test_igpa_notes_ignored_arguments():
    result = igpa(year=1, gpa=3.0, ssci=3.0, iros=2.0)
    assert result.igpa == 3.0
    assert "ignored" in result.explanation.en
