"""The issue's answer-level targets on the dev set, checked in CI (figures in evals/reports)."""

import pytest

from evals.answers import evaluate_answers, run_probes
from evals.dataset import load_items


@pytest.fixture(scope="module")
def dev_result(assistant):
    return evaluate_answers(assistant, load_items())


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_citation_hit_rate_per_language(dev_result, lang):
    assert dev_result["metrics"]["citation_hit"][lang] >= 0.90


def test_every_dev_tool_question_gets_the_expected_numbers_through_ask(dev_result):
    assert dev_result["metrics"]["tool_accuracy"]["all"] == 1.0


def test_unanswerable_questions_are_declined(dev_result):
    assert dev_result["metrics"]["declined"]["all"] >= 0.90


def test_no_invalid_citation_anywhere(dev_result):
    assert dev_result["invalid_citations"] == []


def test_no_list_item_is_quoted_without_its_lead_in(dev_result):
    assert dev_result["bare_list_items"] == []


def test_answerable_questions_are_rarely_declined(dev_result):
    assert dev_result["metrics"]["wrongly_declined"]["all"] <= 0.05


def test_injection_and_bad_input_probes(assistant):
    probes = run_probes(assistant)
    failed = [r for r in probes["results"] if not r["passed"]]
    assert not failed
