"""The database fails under the API (disk full, file unreadable): a clear 503, then recovery.

Both faults are real SQLite conditions: a full disk is SQLite's SQLITE_FULL, caused by
capping the file with max_page_count; an unreadable database is a file overwritten
with bytes that are not a database.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from ui.api import create_app
from ui.api.settings import ApiSettings


@pytest.fixture()
def store_and_client(retriever, tmp_path):
    from assistant.service import Assistant
    from assistant.storage.repository import Repository

    path = tmp_path / "assistant.sqlite"
    store = Repository.open(f"sqlite:///{path}")
    app = create_app(Assistant(retriever, store), ApiSettings(rate_limit=None, ui=False))
    with TestClient(app) as client:
        yield store, client, path
    store.close()


def _chat(client: TestClient, text: str = "What is FX?"):
    return client.post("/api/chat?lang=ru", json={"message": text, "consent": True})


def test_disk_full_is_a_clear_503_and_service_resumes(store_and_client):
    store, client, _ = store_and_client
    before = _chat(client)
    assert before.status_code == 200
    kept = before.json()["disclosure_id"]
    store.engine.dispose()
    cap = {"on": True}

    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_connection: Any, _record: Any) -> None:
        if cap["on"]:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    failed = None
    for _ in range(50):  # a few answers may still fit in free pages
        response = _chat(client, "x" * 1500 + " FX?")
        if response.status_code != 200:
            failed = response
            break
    assert failed is not None and failed.status_code == 503
    body = failed.json()["error"]
    assert body["code"] == "storage_unavailable"
    assert body["message"].startswith("База данных")  # in the request's language
    assert "Traceback" not in failed.text and "sqlite" not in failed.text.lower()
    assert failed.headers["Retry-After"] == "30"
    assert client.get("/healthz").status_code == 200

    cap["on"] = False  # space is freed
    store.engine.dispose()
    after = _chat(client)
    assert after.status_code == 200
    assert client.get(f"/api/disclosures/{kept}").status_code == 200  # nothing was lost


def test_unreadable_database_is_a_503_and_service_resumes_when_restored(store_and_client):
    store, client, path = store_and_client
    first = _chat(client)
    assert first.status_code == 200
    store.engine.dispose()
    good = path.read_bytes()
    path.write_bytes(b"this is not a database" * 200)
    try:
        broken = _chat(client)
        assert broken.status_code == 503 and broken.json()["error"]["code"] == "storage_unavailable"
        assert client.get("/readyz").status_code == 503
    finally:
        store.engine.dispose()
        path.write_bytes(good)  # the database is back
    assert client.get("/readyz").status_code == 200
    again = _chat(client)
    assert again.status_code == 200
    assert client.get(f"/api/disclosures/{first.json()['disclosure_id']}").status_code == 200
