"""Errors: stable codes, messages in the request's language, no stack traces."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tools import registry


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == code
    assert "Traceback" not in response.text and 'File "' not in response.text
    return error


def test_unknown_clause_is_404_in_the_request_language(client):
    error = _error(client.get("/api/clauses/99.99"), 404, "unknown_clause")
    assert error["message"] == "The policy has no clause '99.99'."
    kk = _error(
        client.get("/api/clauses/99.99", headers={"Accept-Language": "kk-KZ,ru;q=0.8"}),
        404,
        "unknown_clause",
    )
    assert kk["message"] == "Саясатта «99.99» тармағы жоқ."


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("kk", "«message» міндетті өрісі берілмеген."),
        ("ru", "Не указано обязательное поле «message»."),
        ("en", "The required field 'message' is missing."),
    ],
)
def test_validation_error_speaks_the_request_language(client, lang, expected):
    error = _error(client.post(f"/api/chat?lang={lang}", json={}), 422, "validation_error")
    assert error["field"] == "message"
    assert error["details"] == [{"field": "message", "code": "missing", "message": expected}]
    assert expected in error["message"]


def test_validation_language_from_accept_language(client):
    response = client.post(
        "/api/chat", json={"message": ""}, headers={"Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5"}
    )
    error = _error(response, 422, "validation_error")
    assert error["details"][0]["code"] == "too_short"
    assert "слишком короткое" in error["message"]


def test_validation_never_echoes_input(client):
    secret = "<script>alert(1)</script>" * 3
    response = client.post("/api/chat", json={"message": secret, "lang": "xx"})
    error = _error(response, 422, "validation_error")
    assert error["details"][0]["code"] == "invalid_choice"
    assert "<script>" not in response.text


def test_invalid_json_and_wrong_types(client):
    _error(
        client.post(
            "/api/chat", content=b'{"message": ', headers={"Content-Type": "application/json"}
        ),
        422,
        "invalid_json",
    )
    error = _error(client.post("/api/chat", json={"message": 5}), 422, "validation_error")
    assert error["details"][0]["code"] == "wrong_type"
    error = _error(
        client.post("/api/chat", json={"message": "hi", "extra": 1}), 422, "validation_error"
    )
    assert error["details"][0] == {
        "field": "extra",
        "code": "unknown_field",
        "message": "There is no field 'extra'.",
    }


def test_search_validation(client):
    error = _error(client.get("/api/search"), 422, "validation_error")
    assert error["field"] == "q"
    _error(client.get("/api/search", params={"q": "   "}), 422, "invalid_query")
    _error(client.get("/api/search", params={"q": "a\x00b"}), 422, "invalid_query")
    error = _error(client.get("/api/search", params={"q": "FX", "k": 0}), 422, "validation_error")
    assert error["details"][0]["code"] == "out_of_range"


def test_unknown_tool_is_404_with_the_tools_message(client):
    error = _error(client.post("/api/tools/teleport?lang=ru", json={}), 404, "unknown_tool")
    assert error["message"].startswith("Инструмента «teleport» нет.")
    assert set(error["messages"]) == {"kk", "ru", "en"}
    _error(client.get("/api/tools/teleport"), 404, "unknown_tool")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_tool_input_error_in_each_language(client, lang):
    response = client.post(
        f"/api/tools/final_grade?lang={lang}", json={"r1": 72, "r2": 65, "exam": 105}
    )
    error = _error(response, 422, "out_of_range")
    assert error["field"] == "exam"
    try:
        registry.run("final_grade", {"r1": 72, "r2": 65, "exam": 105})
    except Exception as exc:  # the tool's own error is the reference
        assert error["message"] == exc.message[lang]
        assert error["messages"] == exc.message
    assert "105" in error["message"]


def test_tool_missing_and_several_problems(client):
    error = _error(
        client.post(
            "/api/tools/final_grade", json={"r1": "abc"}, headers={"Accept-Language": "kk"}
        ),
        422,
        "not_a_number",
    )
    assert error["field"] == "r1" and "сан болуы керек" in error["message"]
    assert {d["field"] for d in error["details"]} == {"r1", "r2", "exam"}


def test_tool_body_must_be_an_object(client):
    error = _error(client.post("/api/tools/final_grade", json=[1, 2, 3]), 422, "validation_error")
    assert error["details"][0]["code"] == "wrong_type"


def test_unknown_disclosures(client):
    _error(client.get("/api/disclosures/nope"), 404, "unknown_disclosure")
    error = _error(
        client.get("/api/disclosures/statement", params={"ids": "nope1,nope2", "lang": "ru"}),
        404,
        "unknown_disclosure",
    )
    assert error["ids"] == ["nope1", "nope2"]
    assert "nope1, nope2" in error["message"]
    _error(client.get("/api/disclosures/statement"), 404, "no_disclosures")
    _error(
        client.get("/api/disclosures/statement", params={"ids": "x", "lang": "de"}),
        422,
        "validation_error",
    )


def test_unknown_api_path_and_method(client):
    error = _error(client.get("/api/nothing/here?lang=kk"), 404, "not_found")
    assert error["message"] == "Мұндай мекенжай жоқ: /api/nothing/here."
    _error(client.delete("/api/tools/final_grade"), 405, "method_not_allowed")
    _error(client.get("/api/chat"), 405, "method_not_allowed")


def test_unexpected_errors_are_logged_not_leaked(api_app, monkeypatch):
    engine = api_app.state.engine

    def broken(*args, **kwargs):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(engine, "ask", broken)
    with TestClient(api_app, raise_server_exceptions=False) as client:
        response = client.post(
            "/api/chat", json={"message": "hi"}, headers={"Accept-Language": "ru"}
        )
    error = _error(response, 500, "internal_error")
    assert error["message"].startswith("Внутренняя ошибка сервера")
    assert "secret" not in response.text


def test_stream_reports_errors_as_events(api_app, monkeypatch):
    engine = api_app.state.engine
    monkeypatch.setattr(engine, "ask", lambda *a, **k: 1 / 0)
    with TestClient(api_app) as client:
        response = client.post("/api/chat", json={"message": "hi", "stream": True})
    assert response.status_code == 200
    assert "event: error" in response.text and "internal_error" in response.text
    assert "ZeroDivisionError" not in response.text
