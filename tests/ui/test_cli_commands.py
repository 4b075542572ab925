"""The `policy-assistant` commands, run through Typer's runner on the session's real index."""

import json

import pytest
from typer.testing import CliRunner

from ui.cli import app

runner = CliRunner()


@pytest.fixture()
def env(index_settings, retriever, monkeypatch, tmp_path):
    # The session index is built (by `retriever`); the CLI opens it by path, so the
    # session's client must let go of the embedded store first.
    retriever.client.close()
    monkeypatch.setenv("POLICY_DATA_DIR", str(index_settings.data_dir))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite'}")
    yield
    from indexing.qdrant import open_client

    retriever.client = open_client(index_settings)


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_corpus_check_and_summary():
    assert run("corpus", "check").exit_code == 0
    summary = json.loads(run("corpus", "summary", "--json").stdout)
    assert summary["total"] == {"kk": 511, "ru": 511, "en": 511}


def test_search_json_shape(env):
    result = run("search", "что будет если получил FX", "-k", "3", "--json")
    data = json.loads(result.stdout)
    assert data["lang"] == "ru" and len(data["hits"]) == 3
    hit = data["hits"][0]
    assert {"clause_id", "score", "section", "section_title", "text"} <= set(hit)
    assert set(hit["text"]) == {"kk", "ru"}


def test_search_batch_and_bad_lines(env, tmp_path):
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"id": 1, "question": "GPA"}\nnot json\n{"id": 3, "question": ""}\n')
    lines = [
        json.loads(x) for x in run("search", "--batch", str(batch), "--json").stdout.splitlines()
    ]
    assert lines[0]["id"] == 1 and lines[0]["hits"]
    assert "error" in lines[1] and "error" in lines[2]


def test_empty_query_is_a_usage_error(env):
    result = run("search", "   ", "--json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["code"] == "invalid_query"


def test_ask_then_disclosure_statement(env):
    answer = json.loads(run("ask", "Қорытынды баға қалай есептеледі?", "--json").stdout)
    assert {"answer", "lang", "grounded", "citations", "tool_calls", "disclosure_id"} <= set(answer)
    assert answer["citations"] and set(answer["citations"][0]["text"]) == {"kk"}
    statement = run("disclosure", "statement", answer["disclosure_id"], "--lang", "ru")
    assert statement.exit_code == 0 and "Policy Assistant" in statement.stdout
    unknown = run("disclosure", "statement", "nope", "--json")
    assert unknown.exit_code == 2


def test_purge_needs_a_retention_period(env, monkeypatch):
    monkeypatch.delenv("POLICY_RETENTION_DAYS", raising=False)
    assert run("disclosure", "purge").exit_code == 2
    assert json.loads(run("disclosure", "purge", "--days", "365", "--json").stdout)["removed"] == 0
