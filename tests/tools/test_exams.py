"""exam_admission and retake_path on cases from §8.8-8.10, §8.34-8.36, §8.54 and §10."""

import pytest

from tools import ToolInputError, exam_admission, retake_path


@pytest.mark.parametrize(
    ("kwargs", "admitted", "average", "absences", "failed"),
    [
        ({"r1": 45, "r2": 56}, True, 50.5, 0, []),
        ({"r1": 50, "r2": 50}, True, 50, 0, []),
        ({"r1": 49, "r2": 50}, False, 49.5, 0, ["rating_below_50"]),  # 49.5 does not admit
        ({"r1": 49.9, "r2": 50}, False, 49.95, 0, ["rating_below_50"]),
        ({"r1": 100, "r2": 0}, True, 50, 0, []),
        # five late arrivals of over 20 minutes = one absence; exactly 50% still admits
        (
            {"r1": 60, "r2": 70, "missed": 14, "total_classes": 30, "late_over_20": 6},
            True,
            65,
            15,
            [],
        ),
        (
            {"r1": 60, "r2": 70, "missed": 14, "total_classes": 30, "late_over_20": 10},
            False,
            65,
            16,
            ["absences_over_50_percent"],
        ),
        (
            {"r1": 60, "r2": 70, "missed": 16, "total_classes": 30},
            False,
            65,
            16,
            ["absences_over_50_percent"],
        ),
        (
            {"r1": 60, "r2": 70, "missed": 15, "total_classes": 29},
            False,
            65,
            15,
            ["absences_over_50_percent"],
        ),
        (
            {"r1": 60, "r2": 70, "missed": 4, "total_classes": 30, "late_over_20": 4},
            True,
            65,
            4,
            [],
        ),
        # §8.10: a documented valid reason lets the dean admit
        (
            {
                "r1": 60,
                "r2": 70,
                "missed": 20,
                "total_classes": 30,
                "valid_reason_documented": True,
            },
            True,
            65,
            20,
            [],
        ),
        # the 50% rule of §8.9 is written for bachelor students
        (
            {"r1": 60, "r2": 70, "missed": 20, "total_classes": 30, "level": "master"},
            True,
            65,
            20,
            [],
        ),
        (
            {"r1": 70, "r2": 64, "coursework_required": True, "coursework_submitted": False},
            False,
            67,
            0,
            ["coursework_not_submitted"],
        ),
        ({"r1": 70, "r2": 64, "coursework_required": True}, True, 67, 0, []),
        ({"r1": 70, "r2": 64, "coursework_submitted": False}, True, 67, 0, []),
        # every unmet condition, not just the first
        (
            {
                "r1": 40,
                "r2": 45,
                "missed": 20,
                "total_classes": 30,
                "coursework_required": True,
                "coursework_submitted": False,
            },
            False,
            42.5,
            20,
            ["rating_below_50", "absences_over_50_percent", "coursework_not_submitted"],
        ),
    ],
)
def test_exam_admission(kwargs, admitted, average, absences, failed):
    result = exam_admission(**kwargs)
    assert result.admitted is admitted
    assert result.rating_average == average
    assert result.effective_absences == absences
    assert result.failed == failed


def test_absences_over_half_send_a_bachelor_to_summer():
    result = exam_admission(r1=60, r2=70, missed=16, total_classes=30)
    assert result.summer_semester_required is True
    assert result.absence_percent == 53.3
    assert "summer semester" in result.explanation.en


def test_rating_49_5_explains_why_it_is_not_rounded():
    result = exam_admission(r1=49, r2=50)
    assert "not rounded" in result.explanation.en
    assert "не округляется" in result.explanation.ru


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"r1": 60, "r2": 70, "missed": 3}, "total_classes"),  # cannot check 50% without it
        ({"r1": 60, "r2": 70, "missed": 31, "total_classes": 30}, "missed"),
        ({"r1": 60, "r2": 70, "missed": -1}, "missed"),
        ({"r1": 60, "r2": 70, "level": "college"}, "level"),
        ({"r1": 60, "r2": 170}, "r2"),
    ],
)
def test_exam_admission_bad_input(kwargs, field):
    with pytest.raises(ToolInputError) as info:
        exam_admission(**kwargs)
    assert info.value.field == field


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        (
            {"grade": "FX"},
            {
                "path": "fx_retake_additional_period",
                "restudy_required": False,
                "deadline_working_days_after_session": 10,
            },
        ),
        ({"grade": "FХ", "fx_count": 1}, {"path": "fx_retake_additional_period"}),
        ({"grade": "FX", "fx_count": 2}, {"path": "reenroll_course", "restudy_required": True}),
        ({"grade": "F"}, {"path": "reenroll_course", "restudy_required": True}),
        ({"grade": "B"}, {"path": "summer_semester", "restudy_required": True}),
        ({"grade": "D", "context": "course_exam"}, {"path": "summer_semester"}),
        (
            {"grade": "FX", "context": "kz_history_state_exam"},
            {"path": "reenroll_paid_next_period_or_summer", "restudy_required": True, "paid": True},
        ),
        (
            {"grade": "F", "context": "kz_history_state_exam"},
            {"path": "reenroll_paid_next_period_or_summer"},
        ),
        ({"grade": "C", "context": "kz_history_state_exam"}, {"path": "not_allowed"}),
        ({"grade": "B", "context": "final_attestation"}, {"path": "not_allowed"}),
        ({"grade": "А", "context": "final_attestation"}, {"path": "not_allowed"}),
        (
            {"grade": "F", "context": "final_attestation"},
            {"path": "reapply_next_academic_year", "apply_months_before_start": 1},
        ),
        (
            {"grade": "FX", "context": "final_attestation", "fx_count": 2},
            {"path": "reapply_next_academic_year"},
        ),
    ],
)
def test_retake_path(kwargs, expected):
    result = retake_path(**kwargs).to_json()
    assert {key: result.get(key) for key in expected} == expected


def test_retake_path_leaves_out_fields_that_do_not_apply():
    result = retake_path("B", context="final_attestation").to_json()
    assert "deadline_working_days_after_session" not in result
    assert "restudy_required" not in result


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"grade": "E"}, "unknown_letter"),
        ({"grade": "FX", "fx_count": 0}, "out_of_range"),
        ({"grade": "FX", "context": "thesis"}, "invalid_choice"),
        ({"grade": 3}, "unknown_letter"),
    ],
)
def test_retake_path_bad_input(kwargs, code):
    with pytest.raises(ToolInputError) as info:
        retake_path(**kwargs)
    assert info.value.code == code
