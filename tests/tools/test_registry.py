"""The registry: one entry per tool with schema, descriptions in three languages, runner."""

import inspect

import pytest

import tools
from tools import registry

CONTRACT = {
    "letter_grade": ["score"],
    "final_grade": ["r1", "r2", "exam"],
    "gpa": ["courses"],
    "igpa": ["year", "gpa", "ssci", "iros", "academic", "research", "scale_max"],
    "exam_admission": [
        "r1",
        "r2",
        "level",
        "missed",
        "total_classes",
        "late_over_20",
        "coursework_required",
        "coursework_submitted",
        "valid_reason_documented",
    ],
    "retake_path": ["grade", "fx_count", "context"],
    "admission_bachelor": ["unt_total", "subject_scores", "route"],
    "admission_master": [
        "track",
        "profile_single",
        "profile_multiple",
        "readiness",
        "foreign_language",
        "creative_exams",
        "language_certificate",
    ],
    "admission_doctoral": [
        "has_master",
        "work_months",
        "exam_score",
        "program",
        "funding",
        "language_certificate",
        "certificate_type",
    ],
    "nonformal_recognition": [
        "program_credits",
        "course_credits",
        "nonformal_hours",
        "already_recognized_credits",
        "course_in_program",
        "days_before_period",
    ],
    "transfer_recount": ["courses"],
    "academic_difference": ["difference_credits", "in_current_schedule"],
    "summer_semester": [
        "retake_credits",
        "credit_price",
        "new_r1",
        "new_r2",
        "coursework_required",
        "coursework_defended",
    ],
    "mobility_eligibility": ["level", "year", "english_level", "gpa", "field_match"],
    "credit_hours": ["credits", "academic_hours"],
}
CONTRACT_DEFAULTS = {
    "igpa": {"iros": None, "academic": None, "research": None, "scale_max": None},
    "exam_admission": {
        "level": "bachelor",
        "missed": 0,
        "total_classes": None,
        "late_over_20": 0,
        "coursework_required": False,
        "coursework_submitted": True,
        "valid_reason_documented": False,
    },
    "retake_path": {"fx_count": 1, "context": "course_exam"},
    "admission_master": {
        "foreign_language": None,
        "creative_exams": None,
        "language_certificate": False,
    },
    "admission_doctoral": {
        "program": "phd",
        "funding": "paid",
        "language_certificate": True,
        "certificate_type": None,
    },
    "nonformal_recognition": {
        "already_recognized_credits": 0,
        "course_in_program": True,
        "days_before_period": None,
    },
    "academic_difference": {"in_current_schedule": True},
    "summer_semester": {
        "credit_price": None,
        "new_r1": None,
        "new_r2": None,
        "coursework_required": False,
        "coursework_defended": True,
    },
    "mobility_eligibility": {"field_match": True},
}


def test_registry_holds_exactly_the_contract_tools():
    assert set(registry.names()) == set(CONTRACT)


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_arguments_follow_the_contract(name):
    spec = registry.get(name)
    assert list(spec.args.model_fields) == CONTRACT[name]
    assert list(inspect.signature(spec.function).parameters) == CONTRACT[name]
    assert spec.function is getattr(tools, name)


@pytest.mark.parametrize("name", sorted(CONTRACT_DEFAULTS))
def test_defaults_follow_the_contract(name):
    fields = registry.get(name).args.model_fields
    signature = inspect.signature(registry.get(name).function).parameters
    for arg, default in CONTRACT_DEFAULTS[name].items():
        assert fields[arg].default == default, (name, arg)
        assert signature[arg].default == default, (name, arg)


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_schema_is_plain_json_schema_for_function_calling(name):
    entry = registry.describe(name)
    schema = entry["parameters"]
    assert schema["type"] == "object" and schema["additionalProperties"] is False
    assert "$defs" not in schema and "$ref" not in str(schema)
    for prop in schema["properties"].values():
        assert "type" in prop or "anyOf" in prop, prop
        assert prop.get("description"), prop
    assert set(entry["descriptions"]) == {"kk", "ru", "en"}
    assert entry["description"] == entry["descriptions"]["en"]


def test_numbers_are_typed_as_numbers_with_ranges():
    schema = registry.parameters("final_grade")
    assert schema["properties"]["r1"] == {
        "type": "number",
        "minimum": 0,
        "maximum": 100,
        "description": "Rating 1 (R1), 0-100.",
        "title": "R1",
    }
    assert schema["required"] == ["r1", "r2", "exam"]
    courses = registry.parameters("gpa")["properties"]["courses"]
    letter, null = courses["items"]["properties"]["letter"]["anyOf"]  # optional: may be null
    assert letter["enum"][0] == "A" and null == {"type": "null"}
    price = registry.parameters("summer_semester")["properties"]["credit_price"]
    assert price["anyOf"] == [
        {"type": "number", "minimum": 0, "maximum": 100000000},
        {"type": "null"},
    ]
    given_null = registry.run("summer_semester", {"retake_credits": 12, "credit_price": None})
    assert given_null.to_json() == registry.run("summer_semester", {"retake_credits": 12}).to_json()


def test_catalogue_in_each_language():
    for lang in ("kk", "ru", "en"):
        catalogue = registry.catalogue(lang)
        assert len(catalogue) == len(CONTRACT)
        assert all(entry["description"] == entry["descriptions"][lang] for entry in catalogue)
