"""credit_hours and summer_semester (§7, §11)."""

import pytest

from tools import ToolInputError, credit_hours, summer_semester


@pytest.mark.parametrize(
    ("kwargs", "credits", "hours", "minutes", "classroom"),
    [
        ({"credits": 6}, 6, 180, 9000, 54),
        ({"credits": 5}, 5, 150, 7500, 45),
        ({"credits": 1}, 1, 30, 1500, 9),
        ({"credits": 0}, 0, 0, 0, 0),
        ({"credits": 2.5}, 2.5, 75, 3750, 22.5),
        ({"academic_hours": 180}, 6, 180, 9000, 54),
        ({"academic_hours": 95}, 3.17, 95, 4750, 28.5),
        ({"credits": 6, "academic_hours": 180}, 6, 180, 9000, 54),
    ],
)
def test_credit_hours(kwargs, credits, hours, minutes, classroom):
    result = credit_hours(**kwargs)
    assert (result.credits, result.academic_hours) == (credits, hours)
    assert (result.minutes, result.min_classroom_academic_hours) == (minutes, classroom)


def test_credit_hours_json_keeps_whole_numbers_whole():
    data = credit_hours(credits=6).to_json()
    assert data["academic_hours"] == 180 and isinstance(data["academic_hours"], int)


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({}, "missing_argument"),
        ({"credits": 6, "academic_hours": 100}, "inconsistent_arguments"),
        ({"credits": -1}, "out_of_range"),
    ],
)
def test_credit_hours_bad_input(kwargs, code):
    with pytest.raises(ToolInputError) as info:
        credit_hours(**kwargs)
    assert info.value.code == code


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"retake_credits": 24, "credit_price": 20000}, {"within_limit": True, "fee": 480000}),
        ({"retake_credits": 30}, {"within_limit": True, "max_credits": 30}),
        ({"retake_credits": 31, "credit_price": 1000}, {"within_limit": False, "fee": 31000}),
        ({"retake_credits": 5, "credit_price": 20500.5}, {"fee": 102502.5}),
        ({"retake_credits": 5, "new_r1": 50, "new_r2": 50}, {"exam_admitted": True}),
        (
            {"retake_credits": 5, "new_r1": 49, "new_r2": 50},
            {"exam_admitted": False, "failed": ["rating_below_50"]},
        ),
        (
            {
                "retake_credits": 5,
                "new_r1": 70,
                "new_r2": 80,
                "coursework_required": True,
                "coursework_defended": False,
            },
            {"exam_admitted": False, "failed": ["coursework_not_defended"]},
        ),
        (
            {"retake_credits": 5, "new_r1": 70, "new_r2": 80, "coursework_required": True},
            {"exam_admitted": True, "rating_average": 75},
        ),
    ],
)
def test_summer_semester(kwargs, expected):
    result = summer_semester(**kwargs).to_json()
    assert {key: result.get(key) for key in expected} == expected


def test_summer_semester_leaves_out_fee_and_admission_when_not_asked():
    result = summer_semester(12).to_json()
    assert "fee" not in result and "exam_admitted" not in result


def test_summer_fee_explanation_shows_the_product():
    result = summer_semester(24, credit_price=20000)
    assert "20,000 × 24 = 480,000" in result.explanation.en
    assert "20\u00a0000 × 24 = 480\u00a0000" in result.explanation.kk


def test_summer_needs_both_new_ratings():
    with pytest.raises(ToolInputError) as info:
        summer_semester(5, new_r1=60)
    assert info.value.field == "new_r2"
