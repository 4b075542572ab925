"""Deterministic policy tools: every number an answer states comes from here.

Each tool is a pure, typed function with a pydantic argument model and result model;
results carry the clause ids they implement and an explanation in kk / ru / en. Bad
input raises ToolInputError, never a wrong number. `tools.registry` exposes them all
(JSON schema, descriptions, runner) to the CLI, REST API, UI and LLM function calling.
"""

import importlib
from typing import Any

from tools.errors import ToolError, ToolInputError

# Each tool's module, imported on first use (`from tools import gpa`): a process that only
# reads tools.models (a search) does not build the 15 tools' argument models.
_TOOLS = {
    "admission_bachelor": "tools.admission",
    "admission_doctoral": "tools.admission",
    "admission_master": "tools.admission",
    "credit_hours": "tools.credits",
    "summer_semester": "tools.credits",
    "exam_admission": "tools.exams",
    "retake_path": "tools.exams",
    "final_grade": "tools.grades",
    "gpa": "tools.grades",
    "igpa": "tools.grades",
    "letter_grade": "tools.grades",
    "academic_difference": "tools.recognition",
    "mobility_eligibility": "tools.recognition",
    "nonformal_recognition": "tools.recognition",
    "transfer_recount": "tools.recognition",
}


def __getattr__(name: str) -> Any:
    if name in _TOOLS:
        return getattr(importlib.import_module(_TOOLS[name]), name)
    raise AttributeError(f"module 'tools' has no attribute {name!r}")


__all__ = [
    "ToolError",
    "ToolInputError",
    "academic_difference",
    "admission_bachelor",
    "admission_doctoral",
    "admission_master",
    "credit_hours",
    "exam_admission",
    "final_grade",
    "gpa",
    "igpa",
    "letter_grade",
    "mobility_eligibility",
    "nonformal_recognition",
    "retake_path",
    "summer_semester",
    "transfer_recount",
]
