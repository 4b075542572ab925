"""Body size limit, rate limit, CORS, admin token and readiness, on the real app."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.ui.conftest import ADMIN_TOKEN, PORTAL
from ui.api import ApiSettings, create_app
from ui.api.settings import RateLimit
from ui.settings import Settings, SettingsError, load_settings


def _code(response) -> str:
    return response.json()["error"]["code"]


# --- body size --------------------------------------------------------------------------


def test_oversized_body_is_413_in_the_request_language(client):
    big = {"message": "x" * 5000}
    response = client.post("/api/chat", json=big, headers={"Accept-Language": "kk"})
    assert response.status_code == 413
    assert _code(response) == "payload_too_large"
    assert response.json()["error"]["message"] == "Сұрау денесі тым үлкен: ең көбі 4096 байт."


def test_oversized_chunked_body_is_413(client):
    def chunks():
        for _ in range(10):
            yield b"x" * 1000

    response = client.post(
        "/api/tools/gpa", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert _code(response) == "payload_too_large"


def test_body_within_the_limit_passes(client):
    response = client.post("/api/tools/letter_grade", json={"score": 91})
    assert response.status_code == 200


# --- rate limit -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def limited_app(ui_assistant):
    settings = ApiSettings(rate_limit=RateLimit(3, 60.0), ui=False, trust_proxy=True)
    return create_app(ui_assistant, settings)


def test_rate_limit_answers_429_with_retry_after(limited_app):
    with TestClient(limited_app) as client:
        headers = {"X-Forwarded-For": "203.0.113.7"}
        for _ in range(3):
            assert client.get("/api/sections", headers=headers).status_code == 200
        response = client.get("/api/sections?lang=ru", headers=headers)
        assert response.status_code == 429
        assert _code(response) == "rate_limited"
        retry = int(response.headers["Retry-After"])
        assert 1 <= retry <= 20
        assert f"через {retry} с" in response.json()["error"]["message"]
        # another client is not affected, and probes are never limited
        other = client.get("/api/sections", headers={"X-Forwarded-For": "203.0.113.8"})
        assert other.status_code == 200
        assert client.get("/healthz", headers=headers).status_code == 200
        assert client.get("/readyz", headers=headers).status_code == 200


def test_rate_limiter_refills():
    from ui.api.limits import RateLimiter

    now = [0.0]
    limiter = RateLimiter(RateLimit(2, 10.0), clock=lambda: now[0])
    assert limiter.take("a") == 0 and limiter.take("a") == 0
    assert limiter.take("a") == pytest.approx(5.0)
    now[0] = 5.0
    assert limiter.take("a") == 0


def test_rate_limit_parsing():
    assert RateLimit.parse("60/minute") == RateLimit(60, 60.0)
    assert RateLimit.parse("5/second") == RateLimit(5, 1.0)
    assert RateLimit.parse("100/10s") == RateLimit(100, 10.0)
    assert RateLimit.parse("off") is None
    with pytest.raises(ValueError):
        RateLimit.parse("lots")


def test_settings_from_environment(monkeypatch):
    for name, value in {
        "POLICY_ADMIN_TOKEN": "t",
        "POLICY_CORS_ORIGINS": "https://a.example, https://b.example",
        "POLICY_RATE_LIMIT": "10/minute",
        "POLICY_MAX_BODY_BYTES": "1000",
    }.items():
        monkeypatch.setenv(name, value)
    settings = Settings().api()
    assert settings.admin_token == "t"
    assert settings.cors_origins == ("https://a.example", "https://b.example")
    assert settings.rate_limit == RateLimit(10, 60.0)
    assert settings.max_body_bytes == 1000
    monkeypatch.delenv("POLICY_ADMIN_TOKEN")
    assert Settings().api().admin_token is None
    monkeypatch.setenv("POLICY_RATE_LIMIT", "lots")
    with pytest.raises(SettingsError, match="POLICY_RATE_LIMIT must look like '60/minute'"):
        load_settings()


# --- CORS -------------------------------------------------------------------------------


def test_cors_preflight_and_simple_requests(client):
    preflight = client.options(
        "/api/chat",
        headers={
            "Origin": PORTAL,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == PORTAL
    simple = client.get("/api/sections", headers={"Origin": PORTAL})
    assert simple.headers["access-control-allow-origin"] == PORTAL
    other = client.get("/api/sections", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_cors_headers_on_limit_errors(client):
    response = client.post("/api/chat", json={"message": "x" * 5000}, headers={"Origin": PORTAL})
    assert response.status_code == 413
    assert response.headers["access-control-allow-origin"] == PORTAL


# --- admin ------------------------------------------------------------------------------


def test_admin_needs_a_token(client):
    missing = client.post("/api/admin/reindex")
    assert missing.status_code == 401 and _code(missing) == "unauthorized"
    assert missing.headers["WWW-Authenticate"] == "Bearer"
    wrong = client.post("/api/admin/reindex", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403 and _code(wrong) == "forbidden"
    wrong = client.get("/api/admin/disclosures/export", headers={"X-Admin-Token": "nope"})
    assert wrong.status_code == 403


def test_admin_reindex_with_the_token(client):
    response = client.post("/api/admin/reindex", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
    assert response.status_code == 200, response.text
    stats = response.json()
    assert stats["points"] > 0 and stats["embedded"] == 0  # nothing changed since the build
    assert client.get("/api/search", params={"q": "FX"}).json()["hits"]


def test_admin_export(client, chat_answer):
    headers = {"X-Admin-Token": ADMIN_TOKEN}
    data = client.get("/api/admin/disclosures/export", headers=headers).json()
    assert data["count"] == len(data["records"]) >= 1
    assert chat_answer["disclosure_id"] in {r["id"] for r in data["records"]}
    lines = client.get("/api/admin/disclosures/export", params={"format": "jsonl"}, headers=headers)
    assert lines.headers["content-type"].startswith("application/x-ndjson")
    assert len(lines.text.strip().splitlines()) == data["count"]
    future = client.get(
        "/api/admin/disclosures/export", params={"since": "2999-01-01T00:00:00Z"}, headers=headers
    ).json()
    assert future["count"] == 0


def test_admin_disabled_without_a_configured_token(limited_app):
    with TestClient(limited_app) as client:
        response = client.post(
            "/api/admin/reindex",
            headers={"Authorization": "Bearer anything", "X-Forwarded-For": "198.51.100.1"},
        )
    assert response.status_code == 403 and _code(response) == "admin_disabled"


# --- readiness --------------------------------------------------------------------------


def test_readyz_fails_when_the_database_is_unavailable(retriever, tmp_path):
    from assistant.service import Assistant
    from assistant.storage.repository import Repository

    path = tmp_path / "broken.sqlite"
    store = Repository.open(f"sqlite:///{path}")
    app = create_app(Assistant(retriever, store), ApiSettings(rate_limit=None, ui=False))
    with TestClient(app) as client:
        assert client.get("/readyz").status_code == 200
        store.engine.dispose()
        path.write_bytes(b"this is not a database" * 200)
        for suffix in ("-wal", "-shm"):
            (tmp_path / f"broken.sqlite{suffix}").unlink(missing_ok=True)
        response = client.get("/readyz")
        assert response.status_code == 503
        assert response.json() == {
            "status": "unavailable",
            "checks": {"index": "ok", "database": "error"},
        }
        assert client.get("/healthz").status_code == 200  # the process itself is fine
        chat = client.post("/api/chat", json={"message": "What is FX?"})
        assert chat.status_code == 503 and _code(chat) == "storage_unavailable"
        assert "not a database" not in chat.text
    store.close()


# --- concurrency ------------------------------------------------------------------------


def test_concurrent_requests_stay_responsive(api_app):
    """Eight chats at once all answer, and a health probe is not stuck behind them."""

    async def scenario() -> tuple[list[int], float]:
        transport = httpx.ASGITransport(app=api_app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            questions = ["What is FX?", "Что такое GPA?", "FX дегеніміз не?", "What is iGPA?"] * 2
            chats = [client.post("/api/chat", json={"message": q}) for q in questions]
            loop = asyncio.get_running_loop()

            async def probe() -> float:
                await asyncio.sleep(0.05)
                started = loop.time()
                await client.get("/healthz")
                return loop.time() - started

            *responses, probe_seconds = await asyncio.gather(*chats, probe())
            return [r.status_code for r in responses], probe_seconds

    statuses, probe_seconds = asyncio.run(scenario())
    assert statuses == [200] * 8
    assert probe_seconds < 2.0
