"""Reviewing an LLM's text: citations validated like ours, numbers only from sources."""

from __future__ import annotations

import logging

import pytest

from assistant.llm.guard import (
    canonical,
    cited_ids,
    drop_citations,
    review,
    unsupported_numbers,
)
from assistant.llm.integration import clause_data, run_tool
from tools import registry

TEXTS = {
    "8.35": ("Assessment", "An FX may be retaken within 10 working days.", "10 жұмыс күні"),
    "8.36": ("Assessment", "A second F means re-enrolling in the course.", "екінші рет"),
    "8.T1": ("Assessment", "A 95-100 4,0; A- 90-94 3,67", "A 95-100 4,0"),
}


def test_citation_markers_are_read_in_order():
    text = "Retake within 10 days [§8.35]; see [§8.36, §8.T1] and § 8.35 and [5.8]."
    assert cited_ids(text) == ["8.35", "8.36", "8.T1", "5.8"]
    assert cited_ids("No citation, only 8.35 in prose.") == []


def test_invalid_ids_are_removed_from_the_text():
    text = "Retake it [§8.35]. Also [§9.99, §8.36] and [§1.1]."
    assert drop_citations(text, {"9.99", "1.1"}) == "Retake it [§8.35]. Also [§8.36] and."


def test_numbers_are_compared_as_numbers():
    assert canonical("3,5") == canonical("3.50") == "3.5"
    assert canonical("100") == "100"
    assert canonical("27.08.2025") == "27.08.2025"
    assert unsupported_numbers("GPA 3,67 and 4.0", ["A- 90-94 3.67; A 4,0"]) == []
    assert unsupported_numbers("within 14 days or 10", ["10 working days"]) == ["14"]
    # digits inside citation markers are ids, and list enumerators count nothing
    assert unsupported_numbers("see [§8.35]", []) == []
    assert unsupported_numbers("Steps:\n1. Apply [§8.35].\n2) Retake.\n 3. Wait", []) == []
    assert unsupported_numbers("Steps:\n12. Apply within 10 days", []) == ["10"]


def test_a_valid_answer_passes():
    result = review("An FX is retaken within 10 working days [§8.35].", {"8.35", "8.36"}, TEXTS, [])
    assert result.ok and result.cited == ["8.35"] and result.dropped == []


def test_an_invented_citation_is_dropped_not_fatal(caplog):
    text = "An FX is retaken within 10 working days [§8.35] [§12.4]."
    result = review(text, {"8.35"}, TEXTS, [])
    assert result.ok
    assert result.cited == ["8.35"] and result.dropped == ["12.4"]
    assert "12.4" not in result.text


def test_a_number_from_nowhere_rejects_the_answer():
    result = review("An FX is retaken within 14 working days [§8.35].", {"8.35"}, TEXTS, [])
    assert not result.ok and result.unsupported == ["14"]
    assert "14" in result.problem


def test_numbers_must_come_from_cited_clauses_not_merely_retrieved_ones():
    # "95" is in 8.T1, which was retrieved but not cited by this text.
    result = review("The top grade needs 95 points [§8.35].", {"8.35", "8.T1"}, TEXTS, [])
    assert not result.ok and result.unsupported == ["95"]
    assert review("The top grade needs 95 points [§8.T1].", {"8.T1"}, TEXTS, []).ok


def test_numbers_from_a_tool_call_are_allowed():
    result = registry.run("final_grade", {"r1": 80, "r2": 90, "exam": 70})
    call = {
        "name": "final_grade",
        "arguments": {"r1": 80, "r2": 90, "exam": 70},
        "result": result.model_dump(mode="json"),
    }
    final = result.model_dump(mode="json")["final"]
    text = f"With R1 80, R2 90 and an exam of 70 your final score is {final} [§8.29]."
    assert review(text, {"8.29"}, {"8.29": ("", "0,6 and 0,4", "")}, [call]).ok
    assert not review(text.replace(str(final), "99"), {"8.29"}, {}, [call]).ok


def test_an_answer_that_cites_nothing_is_rejected():
    result = review("FX can be retaken.", {"8.35"}, TEXTS, [])
    assert not result.ok and "cites no" in result.problem
    assert not review("Only [§7.7] here.", {"8.35"}, TEXTS, []).ok  # all citations invalid
    assert not review("   ", {"8.35"}, TEXTS, []).ok


def test_clause_data_has_both_languages():
    (clause,) = clause_data(["8.35", "nope"], "en")
    assert clause.id == "8.35" and clause.text_in_lang != clause.text_kk
    assert clause_data(["8.35"], "kk")[0].text_in_lang == clause.text_kk


@pytest.mark.parametrize(
    ("name", "arguments", "code"),
    [
        ("final_grade", {"r1": 105, "r2": 90, "exam": 70}, "out_of_range"),
        ("no_such_tool", {}, "unknown_tool"),
        ("final_grade", None, "invalid_json"),
    ],
)
def test_tool_calls_from_the_model_are_validated(name, arguments, code):
    record = run_tool(name, arguments)
    assert record.result is None and record.error["code"] == code


def test_a_tool_call_from_the_model_is_computed_by_the_registry():
    record = run_tool("letter_grade", {"score": 91})
    assert record.error is None
    assert record.result == registry.run("letter_grade", {"score": 91})


def test_review_logs_nothing_by_itself(caplog):
    with caplog.at_level(logging.WARNING):
        review("x [§8.35]", {"8.35"}, TEXTS, [])
    assert caplog.records == []
