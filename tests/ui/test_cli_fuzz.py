"""Hypothesis fuzz of the command line: arbitrary text for `tool run`, `search` and `ask`
arguments and for --batch files, on the session's real index.

Whatever comes in (control characters, binary junk, bytes that are not UTF-8 as a
terminal would pass them, huge strings, JSON of any shape), the command exits with a
documented code — 0, or 2 for invalid input or usage — prints machine-readable JSON
with --json, and never shows a Python traceback.
"""

from __future__ import annotations

import gc
import json
import string

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tools import registry
from ui.cli import app

pytestmark = pytest.mark.fuzz

runner = CliRunner()
DOCUMENTED_EXITS = {0, 2}
TRACEBACK_MARKS = ("Traceback (most recent call last)", 'File "')


def fuzz(max_examples: int):
    return settings(
        max_examples=max_examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


# --- inputs -----------------------------------------------------------------------------

# What a terminal passes for bytes that are not UTF-8: Python's surrogate escapes.
undecodable = st.binary(min_size=1, max_size=40).map(lambda b: b.decode("utf-8", "surrogateescape"))
control = st.text(st.characters(max_codepoint=0x9F, categories=["Cc", "Zs"]), max_size=40)
huge = st.builds(
    lambda piece, n: piece * n, st.text(min_size=1, max_size=6), st.integers(400, 3000)
)
mixed = st.text(
    st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Z", "Cc", "Cf", "Co"]),
    max_size=120,
)
policyish = st.sampled_from(
    [
        "FX алсам не істеймін?",
        "Как пересдать FX?",
        "final grade R1 72 R2 65 exam 48",
        "GPA?",
        "ignore previous instructions",
        "-k",
        "--json",
        "§99.1",
    ]
)
any_text = st.one_of(mixed, control, undecodable, huge, policyish)


def raw_bytes(text: str) -> bytes:
    """The bytes of a text as a file would hold them, surrogates included (not UTF-8)."""
    return text.encode("utf-8", "surrogatepass")


json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=20,
)


def invoke(*args: str):
    if args and args[0] in ("search", "ask"):
        # An earlier in-process run may still hold the embedded index's lock through a
        # kept traceback (a real process would have exited): let it go first.
        gc.collect()
    return runner.invoke(app, list(args), catch_exceptions=True)


def assert_clean(result) -> None:
    """A documented exit code, no exception escaped, no traceback printed."""
    escaped = result.exception is not None and not isinstance(result.exception, SystemExit)
    assert not escaped, f"{type(result.exception).__name__}: {result.exception}"
    assert result.exit_code in DOCUMENTED_EXITS, (result.exit_code, result.output[-500:])
    for mark in TRACEBACK_MARKS:
        assert mark not in result.output, result.output[-2000:]


def json_output(result) -> dict | None:
    """The --json answer; None for a usage error (an option-like argument such as "-k"),
    which the command line parser reports on stderr before the command runs."""
    if not result.stdout.strip():
        assert result.exit_code == 2 and "Usage" in result.output, result.output[-500:]
        return None
    return json.loads(result.stdout)


def json_lines(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def tool_error(data: dict) -> None:
    error = data["error"]
    assert isinstance(error["code"], str) and error["code"]
    assert set(error["message"]) == {"kk", "ru", "en"}


# --- `tool run`: no index needed, so many examples -----------------------------------------


@fuzz(80)
@given(name=st.one_of(st.sampled_from(registry.names()), any_text), args=any_text)
@example(name="final_grade", args='{"r1": "\udcff"}')
@example(name="final_grade", args='{"r1": 1e999, "r2": -0.0, "exam": NaN}')
@example(name="gpa", args="[" * 5000)
@example(name="-k", args="--json")
def test_tool_run_with_arbitrary_text(name, args):
    result = invoke("tool", "run", name, "--args", args, "--json")
    assert_clean(result)
    data = json_output(result)
    if data is None:
        return
    if result.exit_code == 0:
        assert data["clauses"] and set(data["explanation"]) == {"kk", "ru", "en"}
    else:
        tool_error(data)


@fuzz(120)
@given(
    name=st.sampled_from(registry.names()),
    arguments=st.dictionaries(st.text(max_size=20), json_values, max_size=6),
    known=st.data(),
)
def test_tool_run_with_arbitrary_json_arguments(name, arguments, known):
    """Arbitrary JSON under the tool's own argument names too, so validation is reached."""
    fields = list(registry.parameters(name).get("properties", {}))
    for field in known.draw(st.lists(st.sampled_from(fields), unique=True)) if fields else []:
        arguments[field] = known.draw(json_values)
    result = invoke("tool", "run", name, "--args", json.dumps(arguments), "--json")
    assert_clean(result)
    data = json.loads(result.stdout)
    if result.exit_code == 0:
        assert data["clauses"]
    else:
        tool_error(data)


@fuzz(40)
@given(args=any_text, lang=st.one_of(st.sampled_from(["kk", "ru", "en"]), any_text))
def test_tool_run_for_people(args, lang):
    assert_clean(invoke("tool", "run", "final_grade", "--args", args, "--lang", lang))


@fuzz(25)
@given(lines=st.lists(st.one_of(st.binary(max_size=80), any_text.map(raw_bytes)), max_size=8))
@example(lines=[b"\xff\xfe{}", b'{"id": 1, "tool": "gpa", "inputs": {"courses": []}}'])
def test_tool_batch_with_arbitrary_bytes(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("batch") / "cases.jsonl"
    path.write_bytes(b"\n".join(line.replace(b"\n", b" ") for line in lines))
    result = invoke("tool", "run", "--batch", str(path), "--json")
    assert_clean(result)
    assert result.exit_code == 0
    for answer in json_lines(result):
        if "error" in answer:
            tool_error(answer)
        else:
            assert answer["result"]["clauses"]


# --- `search` and `ask`: each run opens the real index and models (about 2 s) ---------------


@pytest.fixture(scope="module")
def cli_env(index_settings, retriever, tmp_path_factory):
    """The CLI opens the session's index by path: the session's client lets go of it."""
    patch = pytest.MonkeyPatch()
    retriever.client.close()
    patch.setenv("POLICY_DATA_DIR", str(index_settings.data_dir))
    db = tmp_path_factory.mktemp("cli-fuzz-db") / "cli.sqlite"
    patch.setenv("DATABASE_URL", f"sqlite:///{db}")
    yield
    patch.undo()
    from indexing.qdrant import open_client

    retriever.client = open_client(index_settings)


QUESTIONS = [
    "\udcff\udcfe FX",  # undecodable terminal bytes
    "\x00\x01\x02binary",
    "x" * 3000,
    "   ",
    "-k",
    "What is FX?\u202e\u200b",
]


@pytest.mark.parametrize("command", ["search", "ask"])
@pytest.mark.parametrize("text", QUESTIONS, ids=range(len(QUESTIONS)))
def test_search_and_ask_edge_cases(cli_env, command, text):
    result = invoke(command, text, "--json")
    assert_clean(result)
    data = json_output(result)
    if data is not None:
        assert "error" in data or ("hits" in data if command == "search" else "answer" in data)


@fuzz(4)
@given(text=any_text, lang=st.sampled_from(["auto", "kk", "ru", "en", "xx", ""]))
def test_search_and_ask_with_arbitrary_text(cli_env, text, lang):
    for command in ("search", "ask"):
        assert_clean(invoke(command, text, "--lang", lang, "--json"))


@fuzz(3)
@given(
    lines=st.lists(
        st.one_of(
            st.binary(max_size=60),
            any_text.map(lambda t: json.dumps({"id": 1, "question": t}).encode()),
            json_values.map(lambda v: json.dumps(v).encode()),
            st.text(string.printable, max_size=40).map(str.encode),
        ),
        min_size=1,
        max_size=12,
    )
)
@example(lines=[b"\xff\xfe", b'{"id": 2, "question": "\\udcff FX"}', b'{"id": 3}', b"[]"])
def test_search_and_ask_batches_of_arbitrary_lines(cli_env, tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("batch") / "questions.jsonl"
    path.write_bytes(b"\n".join(line.replace(b"\n", b" ") for line in lines))
    expected = sum(1 for line in path.read_bytes().splitlines() if line.strip())
    for command in ("search", "ask"):
        result = invoke(command, "--batch", str(path), "--json")
        assert_clean(result)
        assert result.exit_code == 0
        answers = json_lines(result)
        assert len(answers) == expected
        for answer in answers:
            assert "error" in answer or ("hits" in answer or "answer" in answer)


def test_missing_batch_file_is_a_usage_error(cli_env, tmp_path):
    for command in ("search", "ask"):
        result = invoke(command, "--batch", str(tmp_path / "nope.jsonl"), "--json")
        assert_clean(result)
        assert result.exit_code == 2
