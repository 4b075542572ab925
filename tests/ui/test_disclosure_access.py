"""Who sees a disclosure record, end to end: through the API and the CLI.

The repository's own rules (consent, unguessable ids, purge) are tested in
tests/assistant/test_storage_repository.py; here, what the interfaces let a caller reach.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from typer.testing import CliRunner

from assistant.storage.repository import Repository
from assistant.storage.schema import Disclosure
from tests.ui.conftest import ADMIN_TOKEN
from ui.cli import app

QUESTION = "My student number is 20-1234: how is the final grade calculated?"


def _chat(client, **body) -> dict:
    response = client.post("/api/chat", json={"message": QUESTION, **body})
    assert response.status_code == 200, response.text
    return response.json()


def test_a_shared_disclosure_id_opens_that_record_only(client):
    """A disclosure id is shared with teachers: it must not lead to the conversation."""
    answer = _chat(client)
    record = client.get(f"/api/disclosures/{answer['disclosure_id']}")
    assert record.status_code == 200
    data = record.json()
    assert "conversation_id" not in data
    assert answer["conversation_id"] not in record.text
    assert data["question"] is None and QUESTION not in record.text  # no consent


def test_a_conversations_statement_lists_only_its_own_records(client):
    mine = _chat(client)
    theirs = _chat(client, consent=True)
    data = client.get(
        "/api/disclosures/statement", params={"conversation_id": mine["conversation_id"]}
    ).json()
    assert data["ids"] == [mine["disclosure_id"]]
    assert theirs["disclosure_id"] not in json.dumps(data)
    assert QUESTION not in data["statement"]  # a statement never quotes a question


def test_guessed_ids_find_nothing(client):
    for guess in ("1", "0", "admin", "%", "*", "' OR '1'='1", "..%2F..%2Fetc%2Fpasswd"):
        response = client.get(f"/api/disclosures/{guess}")
        assert response.status_code == 404, guess
        assert response.json()["error"]["code"] in ("unknown_disclosure", "not_found")
        statement = client.get(
            "/api/disclosures/statement", params={"conversation_id": guess, "lang": "en"}
        )
        assert statement.status_code == 404, guess


def test_export_needs_the_token_in_a_header(client):
    path = "/api/admin/disclosures/export"
    assert client.get(path).status_code == 401
    assert client.get(path, params={"token": ADMIN_TOKEN}).status_code == 401
    assert client.get(path, headers={"Authorization": f"Basic {ADMIN_TOKEN}"}).status_code == 401
    assert client.get(path, headers={"X-Admin-Token": ADMIN_TOKEN + "x"}).status_code == 403
    assert client.get(path, headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}).status_code == 200
    assert client.get(path, headers={"X-Admin-Token": ADMIN_TOKEN}).status_code == 200


def test_the_export_keeps_questions_only_with_consent(client):
    without = _chat(client)
    with_consent = _chat(client, consent=True)
    rows = client.get(
        "/api/admin/disclosures/export", headers={"X-Admin-Token": ADMIN_TOKEN}
    ).json()["records"]
    by_id = {row["id"]: row for row in rows}
    assert by_id[without["disclosure_id"]]["question"] is None
    assert by_id[with_consent["disclosure_id"]]["question"] == QUESTION


def test_admin_routes_are_documented_as_protected(client):
    spec = client.get("/api/openapi.json").json()
    schemes = spec["components"]["securitySchemes"]
    assert schemes["AdminBearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "Authorization: Bearer <token>",
    }
    assert schemes["AdminToken"]["in"] == "header" and schemes["AdminToken"]["name"] == (
        "X-Admin-Token"
    )
    for path in ("/api/admin/reindex", "/api/admin/disclosures/export"):
        for operation in spec["paths"][path].values():
            assert {name for req in operation["security"] for name in req} == set(schemes)
    assert "security" not in spec["paths"]["/api/chat"]["post"]


def test_export_time_window_takes_iso_times_only(client):
    headers = {"X-Admin-Token": ADMIN_TOKEN}
    path = "/api/admin/disclosures/export"
    for bad in ("1700000000", "-1.5e3", "yesterday"):
        response = client.get(path, params={"since": bad}, headers=headers)
        assert response.status_code == 422, bad
    naive = client.get(path, params={"until": "2000-01-01T00:00:00"}, headers=headers)
    assert naive.status_code == 200 and naive.json()["count"] == 0  # read as UTC


# --- retention through the CLI ------------------------------------------------------------


def test_purge_command_removes_old_records(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'retention.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    store = Repository.open(url)
    old = store.add_disclosure(answer_lang="en", composer="extractive", models={})
    recent = store.add_disclosure(answer_lang="en", composer="extractive", models={})
    with store.engine.begin() as conn:
        when = datetime.now(UTC) - timedelta(days=400)
        conn.execute(update(Disclosure).where(Disclosure.id == old.id).values(created_at=when))
    runner = CliRunner()
    assert runner.invoke(app, ["disclosure", "purge", "--days", "-1", "--json"]).exit_code == 2
    monkeypatch.setenv("POLICY_RETENTION_DAYS", "365")
    result = runner.invoke(app, ["disclosure", "purge", "--json"], catch_exceptions=False)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"days": 365.0, "removed": 1}
    assert store.get_disclosure(old.id) is None
    assert store.get_disclosure(recent.id) is not None
    store.close()
