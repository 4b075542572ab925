"""Non-formal recognition, transfer recount, academic difference, mobility (§5, §12, §14, §15)."""

import pytest

from tools import (
    ToolInputError,
    academic_difference,
    mobility_eligibility,
    nonformal_recognition,
    transfer_recount,
)


@pytest.mark.parametrize(
    ("kwargs", "eligible", "cap", "hours", "remaining", "failed"),
    [
        (
            {
                "program_credits": 240,
                "course_credits": 5,
                "nonformal_hours": 150,
                "already_recognized_credits": 32,
            },
            False,
            36,
            150,
            4,
            ["exceeds_15_percent_cap"],
        ),
        (
            {
                "program_credits": 240,
                "course_credits": 4,
                "nonformal_hours": 120,
                "already_recognized_credits": 32,
            },
            True,
            36,
            120,
            4,
            [],
        ),
        (
            {"program_credits": 300, "course_credits": 5, "nonformal_hours": 150},
            True,
            45,
            150,
            45,
            [],
        ),
        (
            {"program_credits": 120, "course_credits": 5, "nonformal_hours": 150},
            True,
            18,
            150,
            18,
            [],
        ),
        (
            {"program_credits": 90, "course_credits": 5, "nonformal_hours": 150},
            True,
            13,
            150,
            13,
            [],
        ),  # 13.5 -> 13: never above 15%
        (
            {"program_credits": 240, "course_credits": 5, "nonformal_hours": 149},
            False,
            36,
            150,
            36,
            ["partial_course_only"],
        ),
        (
            {
                "program_credits": 240,
                "course_credits": 5,
                "nonformal_hours": 150,
                "course_in_program": False,
            },
            False,
            36,
            150,
            36,
            ["course_not_in_program"],
        ),
        (
            {
                "program_credits": 240,
                "course_credits": 5,
                "nonformal_hours": 150,
                "days_before_period": 10,
            },
            True,
            36,
            150,
            36,
            [],
        ),
        (
            {
                "program_credits": 240,
                "course_credits": 5,
                "nonformal_hours": 150,
                "days_before_period": 9,
            },
            False,
            36,
            150,
            36,
            ["late_application"],
        ),
        (
            {
                "program_credits": 240,
                "course_credits": 6,
                "nonformal_hours": 60,
                "already_recognized_credits": 40,
                "course_in_program": False,
                "days_before_period": 2,
            },
            False,
            36,
            180,
            0,
            [
                "course_not_in_program",
                "partial_course_only",
                "exceeds_15_percent_cap",
                "late_application",
            ],
        ),
    ],
)
def test_nonformal_recognition(kwargs, eligible, cap, hours, remaining, failed):
    result = nonformal_recognition(**kwargs)
    assert (result.eligible, result.cap_credits, result.required_hours) == (eligible, cap, hours)
    assert result.remaining_cap_credits == remaining
    assert sorted(result.failed) == sorted(failed)


def test_nonformal_course_cannot_exceed_programme():
    with pytest.raises(ToolInputError) as info:
        nonformal_recognition(
            program_credits=60, course_credits=5, nonformal_hours=150, already_recognized_credits=61
        )
    assert info.value.field == "already_recognized_credits"


def test_transfer_recount_dev_example():
    result = transfer_recount(
        [
            {"name": "Математика", "credits": 5, "letter": "B"},
            {"name": "Физика", "credits": 5, "letter": "D"},
            {"name": "Химия", "credits": 4, "letter": "FX"},
            {"name": "История Казахстана", "credits": 3, "letter": "A"},
        ]
    )
    assert result.recounted_credits == 13
    assert result.difference_courses == ["Химия"]
    assert result.recounted_percent == 76.5
    assert (result.difference_credits, result.total_credits) == (4, 17)


@pytest.mark.parametrize(
    ("courses", "credits", "difference", "percent"),
    [
        ([{"name": "a", "credits": 5, "letter": "D"}], 5, [], 100.0),
        ([{"name": "a", "credits": 5, "letter": "F"}], 0, ["a"], 0.0),
        (
            [
                {"name": "a", "credits": 1, "letter": "A"},
                {"name": "b", "credits": 2, "letter": "F"},
            ],
            1,
            ["b"],
            33.3,
        ),
        (
            [
                {"name": "a", "credits": 2, "letter": "A"},
                {"name": "b", "credits": 1, "letter": "F"},
            ],
            2,
            ["b"],
            66.7,
        ),
        (
            [
                {"name": "a", "credits": 7, "letter": "С+"},
                {"name": "b", "credits": 1, "score": 49.4},
            ],
            7,
            ["b"],
            87.5,
        ),
        ([{"name": "a", "credits": 5, "score": 49.5}], 5, [], 100.0),  # 49.5 -> 50 = D
    ],
)
def test_transfer_recount(courses, credits, difference, percent):
    result = transfer_recount(courses)
    assert result.recounted_credits == credits
    assert result.difference_courses == difference
    assert result.recounted_percent == percent


@pytest.mark.parametrize(
    ("credits", "in_schedule", "within", "excess", "study_in"),
    [
        (38, True, False, 3, "current_period"),
        (35, True, True, 0, "current_period"),
        (0, True, True, 0, "current_period"),
        (12, False, True, 0, "summer_semester"),
        (40, False, False, 5, "summer_semester"),
    ],
)
def test_academic_difference(credits, in_schedule, within, excess, study_in):
    result = academic_difference(credits, in_schedule)
    assert (result.within_limit, result.max_credits) == (within, 35)
    assert (result.excess_credits, result.study_in) == (excess, study_in)


@pytest.mark.parametrize(
    ("kwargs", "eligible", "failed"),
    [
        (
            {"level": "bachelor", "year": 1, "english_level": "B2", "gpa": 3.1},
            False,
            ["year_not_eligible"],
        ),
        ({"level": "bachelor", "year": 2, "english_level": "B2", "gpa": 2.5}, True, []),
        ({"level": "bachelor", "year": 4, "english_level": "c1", "gpa": 3.9}, True, []),
        (
            {"level": "bachelor", "year": 5, "english_level": "C2", "gpa": 3.9},
            False,
            ["year_not_eligible"],
        ),
        (
            {"level": "master", "year": 1, "english_level": "B1", "gpa": 2.49},
            False,
            ["english_below_b2", "gpa_below_2_5"],
        ),
        (
            {
                "level": "doctoral",
                "year": 1,
                "english_level": "B2",
                "gpa": 3.0,
                "field_match": False,
            },
            False,
            ["field_mismatch"],
        ),
        (
            {
                "level": "bachelor",
                "year": 1,
                "english_level": "A2",
                "gpa": 1.0,
                "field_match": False,
            },
            False,
            ["year_not_eligible", "english_below_b2", "gpa_below_2_5", "field_mismatch"],
        ),
    ],
)
def test_mobility_eligibility(kwargs, eligible, failed):
    result = mobility_eligibility(**kwargs)
    assert result.eligible is eligible
    assert sorted(result.failed) == sorted(failed)


@pytest.mark.parametrize(
    ("kwargs", "code", "field"),
    [
        ({"year": 2, "english_level": "B3", "gpa": 3.0}, "invalid_choice", "english_level"),
        ({"year": 2, "english_level": "B2", "gpa": 4.5}, "out_of_range", "gpa"),
        ({"level": "master", "year": 3, "english_level": "B2", "gpa": 3.0}, "out_of_range", "year"),
        ({"english_level": "B2", "gpa": 3.0}, "missing_argument", "year"),
    ],
)
def test_mobility_bad_input(kwargs, code, field):
    with pytest.raises(ToolInputError) as info:
        mobility_eligibility(**kwargs)
    assert (info.value.code, info.value.field) == (code, field)
