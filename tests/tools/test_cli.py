"""`policy-assistant tool list | describe | run`, including --batch over the dev set."""

import json

import pytest
from typer.testing import CliRunner

from tests.tools.helpers import dev_tool_cases, mismatches
from tools.citations import clause_id
from ui.cli import app

runner = CliRunner()


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, ["tool", *args], input=input)


def test_list_json_gives_name_description_parameters():
    result = invoke("list", "--json")
    assert result.exit_code == 0
    entries = json.loads(result.stdout)
    assert len(entries) == 15
    for entry in entries:
        assert {"name", "description", "parameters"} <= set(entry)
        assert entry["parameters"]["type"] == "object"


def test_list_in_kazakh_and_for_people():
    kk = json.loads(invoke("list", "--json", "--lang", "kk").stdout)
    assert kk[0]["description"] == kk[0]["descriptions"]["kk"]
    table = invoke("list")
    assert table.exit_code == 0 and "final_grade" in table.stdout


def test_describe_one_tool():
    result = invoke("describe", "final_grade")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["parameters"]["required"] == ["r1", "r2", "exam"]


def test_run_json_prints_the_result_object():
    result = invoke("run", "final_grade", "--args", '{"r1": 72, "r2": 65, "exam": 48}', "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["raw"], data["final"], data["letter"]) == (60.3, 60, "C-")
    assert set(data["explanation"]) == {"kk", "ru", "en"}
    assert clause_id("GRADE_FORMULA") in data["clauses"]


def test_run_for_people_shows_the_explanation():
    result = invoke("run", "letter_grade", "--args", '{"score": 94.5}', "--lang", "ru")
    assert result.exit_code == 0
    assert "94,5 → 95" in result.stdout


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["run", "final_grade", "--args", '{"r1": 105, "r2": 65, "exam": 48}'], "out_of_range"),
        (["run", "final_grade", "--args", '{"r1": 72, "r2": 65}'], "missing_argument"),
        (
            ["run", "gpa", "--args", '{"courses": [{"credits": 5, "letter": "E"}]}'],
            "unknown_letter",
        ),
        (["run", "final_grade", "--args", '{"r1": "high"}'], "not_a_number"),
        (["run", "final_grade", "--args", "{r1: 72"], "invalid_json"),
        (["run", "final_grade", "--args", "[72, 65, 48]"], "invalid_json"),
        (["run", "grade_predictor", "--args", "{}"], "unknown_tool"),
        (["run"], "missing_argument"),
    ],
)
def test_invalid_input_prints_an_error_and_exits_2(args, code):
    result = invoke(*args, "--json")
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert error["code"] == code
    assert set(error["message"]) == {"kk", "ru", "en"} and "field" in error


def test_invalid_input_for_people_goes_to_stderr_in_the_chosen_language():
    result = invoke("run", "letter_grade", "--args", '{"score": 105}', "--lang", "kk")
    assert result.exit_code == 2
    assert "аралығында" in result.stderr


def test_batch_over_the_dev_set(tmp_path):
    cases = dev_tool_cases()
    batch = tmp_path / "dev_tools.jsonl"
    batch.write_text(
        "".join(
            json.dumps(
                {"id": c["id"], "tool": c["tool"], "inputs": c["inputs"]}, ensure_ascii=False
            )
            + "\n"
            for c in cases
        ),
        encoding="utf-8",
    )
    result = invoke("run", "--batch", str(batch), "--json")
    assert result.exit_code == 0
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["id"] for a in answers] == [c["id"] for c in cases]
    for case, answer in zip(cases, answers, strict=True):
        assert "result" in answer, answer
        assert mismatches(case["expected"], answer["result"]) == [], case["id"]


def test_batch_answers_bad_lines_with_errors(tmp_path):
    batch = tmp_path / "mixed.jsonl"
    batch.write_text(
        '{"id": "a", "tool": "letter_grade", "inputs": {"score": 74}}\n'
        "\n"
        '{"id": "b", "tool": "letter_grade", "inputs": {"score": 105}}\n'
        "not json\n"
        '{"id": "d", "tool": "nope", "inputs": {}}\n'
        '{"id": "e", "inputs": {"score": 50}}\n',
        encoding="utf-8",
    )
    result = invoke("run", "--batch", str(batch), "--json")
    assert result.exit_code == 0
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["id"] for a in answers] == ["a", "b", None, "d", "e"]
    assert answers[0]["result"]["letter"] == "C+"
    assert [a["error"]["code"] for a in answers[1:]] == [
        "out_of_range",
        "invalid_json",
        "unknown_tool",
        "missing_argument",
    ]


def test_batch_from_stdin_with_a_default_tool_for_people():
    lines = '{"id": 1, "inputs": {"credits": 6}}\n{"id": 2, "inputs": {"credits": -1}}\n'
    result = invoke("run", "credit_hours", "--batch", "-", input=lines)
    assert result.exit_code == 0
    assert "1/2 ok" in result.stdout


def test_missing_batch_file_exits_2(tmp_path):
    result = invoke("run", "--batch", str(tmp_path / "absent.jsonl"), "--json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["code"] == "unreadable_file"
