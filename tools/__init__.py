"""Deterministic policy tools: every number an answer states comes from here.

Each tool is a pure, typed function with a pydantic argument model and result model;
results carry the clause ids they implement and an explanation in kk / ru / en. Bad
input raises ToolInputError, never a wrong number. `tools.registry` exposes them all
(JSON schema, descriptions, runner) to the CLI, REST API, UI and LLM function calling.
"""

from tools.admission import admission_bachelor, admission_doctoral, admission_master
from tools.credits import credit_hours, summer_semester
from tools.errors import ToolError, ToolInputError
from tools.exams import exam_admission, retake_path
from tools.grades import final_grade, gpa, igpa, letter_grade
from tools.recognition import (
    academic_difference,
    mobility_eligibility,
    nonformal_recognition,
    transfer_recount,
)

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
