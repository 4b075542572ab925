"""The real app on the session's real index, with its own SQLite database."""

from __future__ import annotations

import os
import shutil

import httpx
import pytest

from evals.load import free_port, serve_in_thread, spawn, stop
from ui.api.settings import ApiSettings

ADMIN_TOKEN = "test-admin-token-0123456789"
PORTAL = "https://portal.example.edu"


@pytest.fixture(scope="session")
def ui_store(tmp_path_factory):
    from assistant.storage.repository import Repository

    path = tmp_path_factory.mktemp("ui-db") / "assistant.sqlite"
    store = Repository.open(f"sqlite:///{path}")
    yield store
    store.close()


@pytest.fixture(scope="session")
def ui_assistant(retriever, ui_store):
    from assistant.service import Assistant

    return Assistant(retriever, ui_store)


@pytest.fixture(scope="session")
def api_settings() -> ApiSettings:
    return ApiSettings(
        admin_token=ADMIN_TOKEN,
        cors_origins=(PORTAL,),
        rate_limit=None,
        max_body_bytes=4096,
        ui=True,
    )


@pytest.fixture(scope="session")
def api_app(ui_assistant, api_settings):
    from ui.api import create_app

    return create_app(ui_assistant, api_settings)


@pytest.fixture(scope="session")
def client(api_app):
    from fastapi.testclient import TestClient

    with TestClient(api_app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def chat_answer(client) -> dict:
    """One real answer (with citations and a disclosure record) shared by several tests."""
    response = client.post("/api/chat", json={"message": "Қорытынды баға қалай есептеледі?"})
    assert response.status_code == 200, response.text
    return response.json()


@pytest.fixture(scope="session")
def workers_server(retriever, index_settings, tmp_path_factory):
    """`policy-assistant serve --workers 2` (UI on) as its own process tree on a free port.

    A fresh data folder reuses the session's embedding cache (so its index build is
    quick); the database is PostgreSQL when the run has one (POLICY_TEST_DATABASE_URL),
    else SQLite. Yields (server process, base URL, database URL).
    """
    data = tmp_path_factory.mktemp("workers-data")
    shutil.copy(index_settings.cache_path, data / "embedding_cache.sqlite")
    database = os.environ.get("POLICY_TEST_DATABASE_URL") or f"sqlite:///{data / 'db.sqlite'}"
    env = {
        "POLICY_DATA_DIR": str(data),
        "DATABASE_URL": database,
        "POLICY_ADMIN_TOKEN": "workers-admin-token",
    }
    port = free_port()
    with (data / "serve.log").open("w+", encoding="utf-8") as log:
        process = spawn(port, 2, ui=True, env=env, log=log, deadline_s=300)
        try:
            base = f"http://127.0.0.1:{port}"
            warm_every_worker(base)
            yield process, base, database
        finally:
            stop(process)


def warm_every_worker(base: str) -> None:
    """New connections go to whichever worker accepts first: send a few until all warm."""
    for _ in range(20):
        with httpx.Client(base_url=base, timeout=60) as client:
            client.get("/api/search", params={"q": "FX"})


@pytest.fixture(scope="session")
def live_base(ui_assistant, api_settings):
    """A fresh app (its own lifespan: the MCP session manager runs once per app) on the
    session's assistant, behind a real uvicorn server on a free port: the base URL."""
    from ui.api import create_app

    with serve_in_thread(create_app(ui_assistant, api_settings)) as base:
        yield base
