"""The real app on the session's real index, with its own SQLite database."""

from __future__ import annotations

import pytest

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
