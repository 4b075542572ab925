"""Admission thresholds of §5 on cases built from the clauses."""

import pytest

from tools import ToolInputError, admission_bachelor, admission_doctoral, admission_master


@pytest.mark.parametrize(
    ("total", "subjects", "route", "eligible", "threshold", "failed"),
    [
        (52, [12, 6, 4, 15, 15], "standard", False, 50, ["subject_below_5"]),
        (50, [10, 10, 10, 10, 10], "standard", True, 50, []),
        (49, [10, 10, 10, 10, 9], "standard", False, 50, ["total_below_threshold"]),
        (47, [20, 5, 4, 9, 9], "standard", False, 50, ["total_below_threshold", "subject_below_5"]),
        (27, [5, 6, 5, 6, 5], "shortened_tvet", True, 25, []),
        (25, [5, 5, 5, 5, 5], "shortened_tvet", True, 25, []),
        (
            24,
            [5, 5, 5, 5, 4],
            "shortened_tvet",
            False,
            25,
            ["total_below_threshold", "subject_below_5"],
        ),
        (120, [20, 10, 10, 40, 40], "standard", True, 50, []),
    ],
)
def test_admission_bachelor(total, subjects, route, eligible, threshold, failed):
    result = admission_bachelor(total, subjects, route)
    assert (result.eligible, result.threshold, result.failed) == (eligible, threshold, failed)


def test_a_total_below_its_subjects_is_refused_not_judged():
    # "история 15, чтение 8, ..., профильные 31 и 27": a subject read as the total
    with pytest.raises(ToolInputError) as error:
        admission_bachelor(15, [8, 9, 31, 27])
    assert "75" in error.value.message["en"] and "15" in error.value.message["en"]


@pytest.mark.parametrize(
    ("kwargs", "eligible", "total", "threshold", "failed"),
    [
        (
            {
                "track": "sci_ped",
                "foreign_language": 30,
                "profile_single": 12,
                "profile_multiple": 20,
                "readiness": 14,
            },
            True,
            76,
            75,
            [],
        ),
        (
            {
                "track": "sci_ped",
                "foreign_language": 24,
                "profile_single": 20,
                "profile_multiple": 30,
                "readiness": 14,
            },
            False,
            88,
            75,
            ["foreign_language_below_25"],
        ),
        (
            {
                "track": "sci_ped",
                "foreign_language": 30,
                "profile_single": 6,
                "profile_multiple": 6,
                "readiness": 6,
            },
            False,
            48,
            75,
            [
                "total_below_threshold",
                "profile_single_below_7",
                "profile_multiple_below_7",
                "readiness_below_7",
            ],
        ),
        # §5: a language certificate counts as 50 points of the foreign-language block
        (
            {
                "track": "sci_ped",
                "language_certificate": True,
                "profile_single": 7,
                "profile_multiple": 7,
                "readiness": 11,
            },
            True,
            75,
            75,
            [],
        ),
        (
            {"track": "profile", "profile_single": 20, "profile_multiple": 20, "readiness": 10},
            True,
            50,
            50,
            [],
        ),
        (
            {"track": "profile", "profile_single": 20, "profile_multiple": 22, "readiness": 7},
            False,
            49,
            50,
            ["total_below_threshold"],
        ),
        (
            {
                "track": "profile",
                "profile_single": 30,
                "profile_multiple": 30,
                "readiness": 5,
                "foreign_language": 10,
            },
            False,
            65,
            50,
            ["readiness_below_7"],
        ),
        (
            {
                "track": "creative",
                "foreign_language": 25,
                "readiness": 10,
                "creative_exams": [20, 20],
            },
            True,
            75,
            75,
            [],
        ),
        (
            {
                "track": "creative",
                "foreign_language": 40,
                "readiness": 10,
                "creative_exams": [6, 30],
            },
            False,
            86,
            75,
            ["creative_exam_below_7"],
        ),
    ],
)
def test_admission_master(kwargs, eligible, total, threshold, failed):
    result = admission_master(**kwargs)
    assert (result.eligible, result.total, result.threshold) == (eligible, total, threshold)
    assert sorted(result.failed) == sorted(failed)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        (
            {"track": "sci_ped", "profile_single": 12, "profile_multiple": 20, "readiness": 14},
            "foreign_language",
        ),
        ({"track": "profile", "profile_single": 12, "readiness": 14}, "profile_multiple"),
        ({"track": "creative", "foreign_language": 30, "readiness": 14}, "creative_exams"),
        (
            {
                "track": "sci_ped",
                "foreign_language": 51,
                "profile_single": 1,
                "profile_multiple": 1,
                "readiness": 1,
            },
            "foreign_language",
        ),
        ({"track": "phd", "readiness": 10}, "track"),
    ],
)
def test_admission_master_bad_input(kwargs, field):
    with pytest.raises(ToolInputError) as info:
        admission_master(**kwargs)
    assert info.value.field == field


def test_admission_master_total_cannot_exceed_the_scale():
    with pytest.raises(ToolInputError) as info:
        admission_master("profile", profile_single=60, profile_multiple=40, readiness=30)
    assert info.value.code == "out_of_range"


@pytest.mark.parametrize(
    ("kwargs", "eligible", "threshold", "max_score", "extra_test", "failed"),
    [
        (
            {"has_master": True, "work_months": 8, "exam_score": 80},
            False,
            75,
            100,
            False,
            ["work_experience_below_9_months"],
        ),
        ({"has_master": True, "work_months": 9, "exam_score": 75}, True, 75, 100, False, []),
        (
            {"has_master": True, "work_months": 12, "exam_score": 74.5},
            False,
            75,
            100,
            False,
            ["exam_below_threshold"],
        ),
        (
            {"has_master": True, "work_months": 24, "exam_score": 50, "program": "profile"},
            True,
            50,
            80,
            False,
            [],
        ),
        (
            {
                "has_master": True,
                "work_months": 24,
                "exam_score": 49,
                "program": "profile",
                "funding": "grant",
            },
            False,
            50,
            80,
            False,
            ["exam_below_threshold"],
        ),
        (
            {"has_master": True, "work_months": 24, "exam_score": 90, "funding": "grant"},
            True,
            75,
            100,
            False,
            [],
        ),
        (
            {
                "has_master": True,
                "work_months": 24,
                "exam_score": 90,
                "certificate_type": "TOEFL ITP",
            },
            True,
            75,
            100,
            True,
            [],
        ),
        (
            {
                "has_master": True,
                "work_months": 24,
                "exam_score": 90,
                "certificate_type": "toefl-itp",
            },
            True,
            75,
            100,
            True,
            [],
        ),
        (
            {
                "has_master": True,
                "work_months": 24,
                "exam_score": 90,
                "certificate_type": "TOEFL iBT",
            },
            True,
            75,
            100,
            False,
            [],
        ),
        (
            {
                "has_master": False,
                "work_months": 0,
                "exam_score": 10,
                "language_certificate": False,
            },
            False,
            75,
            100,
            False,
            [
                "no_master_degree",
                "work_experience_below_9_months",
                "exam_below_threshold",
                "no_language_certificate",
            ],
        ),
    ],
)
def test_admission_doctoral(kwargs, eligible, threshold, max_score, extra_test, failed):
    result = admission_doctoral(**kwargs)
    assert (result.eligible, result.threshold, result.max_score) == (
        eligible,
        threshold,
        max_score,
    )
    assert result.additional_english_test is extra_test
    assert sorted(result.failed) == sorted(failed)


def test_profile_doctorate_exam_is_out_of_80():
    with pytest.raises(ToolInputError) as info:
        admission_doctoral(True, 12, 85, program="profile")
    assert (info.value.code, info.value.field) == ("out_of_range", "exam_score")
