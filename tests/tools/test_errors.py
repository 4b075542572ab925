"""Bad input raises a typed, coded error with a message in kk / ru / en — never a number."""

import math

import pytest

from tools import ToolInputError, credit_hours, final_grade, gpa, letter_grade, registry

BAD = [
    # (tool, arguments, code, field)
    ("letter_grade", {"score": 105}, "out_of_range", "score"),
    ("letter_grade", {"score": -0.5}, "out_of_range", "score"),
    ("letter_grade", {"score": "seventy"}, "not_a_number", "score"),
    ("letter_grade", {"score": "72"}, "not_a_number", "score"),  # text is never read as a number
    ("letter_grade", {"score": True}, "not_a_number", "score"),
    ("letter_grade", {"score": None}, "not_a_number", "score"),
    ("letter_grade", {"score": math.nan}, "not_a_number", "score"),
    ("letter_grade", {"score": math.inf}, "not_a_number", "score"),
    ("letter_grade", {}, "missing_argument", "score"),
    ("letter_grade", {"score": 70, "bonus": 5}, "unknown_argument", "bonus"),
    ("final_grade", {"r1": 72, "r2": 65}, "missing_argument", "exam"),
    ("final_grade", {"r1": [72], "r2": 65, "exam": 48}, "not_a_number", "r1"),
    ("gpa", {"courses": [{"credits": 5, "letter": "E"}]}, "unknown_letter", "courses[0].letter"),
    ("gpa", {"courses": [{"credits": -3, "letter": "A"}]}, "out_of_range", "courses[0].credits"),
    ("gpa", {"courses": [{"credits": 2.5, "letter": "A"}]}, "not_an_integer", "courses[0].credits"),
    ("gpa", {"courses": [{"credits": 5}]}, "missing_argument", "courses[0].letter"),
    ("gpa", {"courses": []}, "empty_list", "courses"),
    ("gpa", {"courses": "A, B"}, "invalid_type", "courses"),
    ("gpa", {"courses": ["A"]}, "invalid_type", "courses[0]"),
    ("credit_hours", {"credits": -6}, "out_of_range", "credits"),
    ("summer_semester", {"retake_credits": -1}, "out_of_range", "retake_credits"),
    (
        "nonformal_recognition",
        {"program_credits": 240, "course_credits": -5, "nonformal_hours": 150},
        "out_of_range",
        "course_credits",
    ),
    (
        "exam_admission",
        {"r1": 60, "r2": 70, "coursework_required": "maybe"},
        "not_a_boolean",
        "coursework_required",
    ),
    ("retake_path", {"grade": "E"}, "unknown_letter", "grade"),
    (
        "admission_bachelor",
        {"unt_total": 52, "subject_scores": [12, 6, 4, 15, 15, 3]},
        "too_many_items",
        "subject_scores",
    ),
    ("admission_bachelor", {"unt_total": 141, "subject_scores": [50]}, "out_of_range", "unt_total"),
    ("admission_master", {"track": "mba", "readiness": 10}, "invalid_choice", "track"),
    (
        "mobility_eligibility",
        {"year": 2, "english_level": "fluent", "gpa": 3},
        "invalid_choice",
        "english_level",
    ),
    ("igpa", {"year": 2, "gpa": -1, "ssci": 3}, "out_of_range", "gpa"),
    ("exam_admission", {"r1": 60, "r2": 70, "missed": -2}, "below_minimum", "missed"),
]


@pytest.mark.parametrize(
    ("tool", "arguments", "code", "field"),
    BAD,
    ids=[f"{b[0]}-{b[2]}-{i}" for i, b in enumerate(BAD)],
)
def test_bad_input_raises_a_coded_error(tool, arguments, code, field):
    with pytest.raises(ToolInputError) as info:
        registry.run(tool, arguments)
    error = info.value
    assert (error.code, error.field) == (code, field)
    assert set(error.message) == {"kk", "ru", "en"}
    assert all(len(text) > 10 for text in error.message.values())
    assert error.to_dict()["message"] == error.message


def test_messages_name_the_field_and_value_in_each_language():
    with pytest.raises(ToolInputError) as info:
        letter_grade(105)
    assert info.value.message == {
        "kk": "«score» мәні 0 мен 100 аралығында болуы керек, ал берілгені: 105.",
        "ru": "Значение «score» должно быть от 0 до 100, а получено: 105.",
        "en": "'score' must be between 0 and 100, but got 105.",
    }


def test_unknown_letter_lists_the_table():
    with pytest.raises(ToolInputError) as info:
        gpa([{"credits": 5, "letter": "E"}])
    assert "FX" in info.value.message["en"] and '"E"' in info.value.message["kk"]


def test_python_functions_raise_the_same_errors():
    with pytest.raises(ToolInputError):
        final_grade(72, 65, 148)
    with pytest.raises(ToolInputError):
        credit_hours(credits="six")


def test_several_problems_are_all_reported():
    with pytest.raises(ToolInputError) as info:
        registry.run("final_grade", {"r1": 105, "r2": -1})
    fields = [detail.field for detail in info.value.details]
    assert fields == ["r1", "r2", "exam"]
    assert len(info.value.to_dict()["errors"]) == 3


def test_unknown_tool_and_non_object_arguments():
    with pytest.raises(ToolInputError) as info:
        registry.run("grade_predictor", {})
    assert info.value.code == "unknown_tool" and "final_grade" in info.value.message["en"]
    with pytest.raises(ToolInputError) as info:
        registry.run("letter_grade", [70])  # type: ignore[arg-type]
    assert info.value.code == "invalid_type"


def test_tool_input_error_is_not_a_value_error_swallowed_by_pydantic():
    assert not issubclass(ToolInputError, ValueError)
