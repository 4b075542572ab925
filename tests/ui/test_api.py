"""Every endpoint of the real app on the real index: the happy paths."""

from __future__ import annotations

import json

from assistant.models import Answer
from assistant.presenter import answer_json

ANSWER_KEYS = set(answer_json(Answer(answer="", lang="en", grounded=False)))


def test_healthz_and_readyz(client):
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["status"] == "ok"
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "checks": {"index": "ok", "database": "ok"}}


def test_openapi_lists_every_endpoint(client):
    spec = client.get("/api/openapi.json").json()
    paths = set(spec["paths"])
    assert {
        "/api/chat",
        "/api/search",
        "/api/clauses/{clause_id}",
        "/api/sections",
        "/api/tools",
        "/api/tools/{name}",
        "/api/disclosures/{disclosure_id}",
        "/api/disclosures/statement",
        "/api/admin/reindex",
        "/api/admin/disclosures/export",
        "/healthz",
        "/readyz",
    } <= paths
    assert "ChatRequest" in spec["components"]["schemas"]


def test_docs_page_uses_bundled_assets(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert "/api/docs/assets/swagger-ui-bundle.js" in page.text
    assert "cdn." not in page.text
    asset = client.get("/api/docs/assets/swagger-ui-bundle.js")
    assert asset.status_code == 200


def test_chat_answer_has_the_cli_shape(chat_answer):
    assert set(chat_answer) == ANSWER_KEYS
    assert chat_answer["lang"] == "kk"
    assert chat_answer["citations"], chat_answer
    first = chat_answer["citations"][0]
    assert set(first) == {"clause_id", "text"}
    assert "kk" in first["text"]
    assert chat_answer["disclosure_id"] and chat_answer["conversation_id"]


def test_chat_equals_presenter_of_the_stored_answer(client, ui_store, chat_answer):
    """The API returns exactly what `ask --json` prints for the same Answer."""
    history = ui_store.history(chat_answer["conversation_id"])
    stored = Answer.model_validate(history[-1].answer)
    assert answer_json(stored) == chat_answer


def test_chat_runs_a_tool_and_continues_a_conversation(client):
    first = client.post(
        "/api/chat", json={"message": "Final grade with R1 72, R2 65 and exam 48?", "lang": "en"}
    ).json()
    assert first["lang"] == "en"
    calls = [c for c in first["tool_calls"] if c["name"] == "final_grade"]
    assert calls and calls[0]["result"]["final"] == 60
    follow = client.post(
        "/api/chat",
        json={"message": "What is FX?", "conversation_id": first["conversation_id"]},
    ).json()
    assert follow["conversation_id"] == first["conversation_id"]


def _events(text: str) -> list[tuple[str, dict]]:
    events = []
    for block in text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((lines["event"], json.loads(lines["data"])))
    return events


def test_chat_streams_server_sent_events(client):
    with client.stream(
        "POST", "/api/chat", json={"message": "Что будет, если я получил FX?", "stream": True}
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        body = response.read().decode()
    events = _events(body)
    names = [name for name, _ in events]
    assert names[0] == "start" and names[-2:] == ["answer", "done"]
    answer = events[-2][1]
    assert set(answer) == ANSWER_KEYS and answer["lang"] == "ru"
    streamed = "".join(data["text"] for name, data in events if name == "delta")
    assert streamed == answer["answer"]


def test_chat_streams_on_accept_header(client):
    response = client.post(
        "/api/chat",
        json={"message": "How is the final grade calculated?"},
        headers={"Accept": "text/event-stream"},
    )
    assert response.headers["content-type"].startswith("text/event-stream")
    assert "event: answer" in response.text


def test_search_returns_hits_with_kazakh_and_query_language(client):
    response = client.get("/api/search", params={"q": "пересдача FX", "k": 3})
    assert response.status_code == 200
    data = response.json()
    assert data["lang"] == "ru" and len(data["hits"]) == 3
    hit = data["hits"][0]
    assert {"clause_id", "score", "section", "section_title", "text"} <= set(hit)
    assert set(hit["text"]) == {"kk", "ru"}


def test_search_with_explicit_language(client):
    data = client.get("/api/search", params={"q": "final grade", "lang": "en"}).json()
    assert data["lang"] == "en"
    assert any(h["clause_id"] == "8.29" for h in data["hits"])


def test_clause_in_requested_language_beside_kazakh(client):
    data = client.get("/api/clauses/8.35", params={"lang": "ru"}).json()
    assert data["clause_id"] == "8.35" and data["section"] == 8
    assert set(data["text"]) == {"kk", "ru"}
    assert data["status"] == "unofficial translation"
    assert set(data["section_titles"]) == {"kk", "ru", "en"}
    table = client.get("/api/clauses/8.T1").json()
    assert table["kind"] == "table" and set(table["text"]) == {"kk", "en"}


def test_sections_have_titles_in_three_languages(client):
    data = client.get("/api/sections").json()
    assert data["code"] and data["languages"] == ["kk", "ru", "en"]
    eight = next(s for s in data["sections"] if s["section"] == 8)
    assert set(eight["title"]) == {"kk", "ru", "en"}
    assert eight["counts"]["kk"] == eight["counts"]["en"] > 0


def test_tools_catalogue_and_one_tool(client):
    tools = client.get("/api/tools", params={"lang": "ru"}).json()
    names = {t["name"] for t in tools}
    assert {"final_grade", "gpa", "admission_bachelor", "nonformal_recognition"} <= names
    final = next(t for t in tools if t["name"] == "final_grade")
    assert final["parameters"]["required"] == ["r1", "r2", "exam"]
    assert final["description"] == final["descriptions"]["ru"]
    one = client.get("/api/tools/gpa").json()
    assert one["name"] == "gpa" and "courses" in one["parameters"]["properties"]


def test_run_tool(client):
    response = client.post("/api/tools/final_grade", json={"r1": 72, "r2": 65, "exam": 48})
    assert response.status_code == 200
    data = response.json()
    assert data["tool"] == "final_grade"
    assert data["result"]["final"] == 60 and data["result"]["letter"] == "C-"
    assert "8.29" in data["result"]["clauses"]
    assert set(data["result"]["explanation"]) == {"kk", "ru", "en"}


def test_disclosure_record_and_statement(client, chat_answer):
    record = client.get(f"/api/disclosures/{chat_answer['disclosure_id']}").json()
    assert record["id"] == chat_answer["disclosure_id"]
    assert record["cited_clause_ids"] == [c["clause_id"] for c in chat_answer["citations"]]
    assert record["question"] is None and record["consent"] is False
    for lang, marker in (("kk", "19-бөлім"), ("ru", "раздел 19"), ("en", "section 19")):
        data = client.get(
            "/api/disclosures/statement",
            params={"ids": chat_answer["disclosure_id"], "lang": lang},
        ).json()
        assert data["lang"] == lang and marker in data["statement"]
        assert data["ids"] == [chat_answer["disclosure_id"]]


def test_statement_for_a_whole_conversation(client):
    first = client.post("/api/chat", json={"message": "What is FX?"}).json()
    second = client.post(
        "/api/chat",
        json={"message": "And what is an F?", "conversation_id": first["conversation_id"]},
    ).json()
    data = client.get(
        "/api/disclosures/statement",
        params={"conversation_id": first["conversation_id"], "lang": "en"},
    ).json()
    assert data["ids"] == [first["disclosure_id"], second["disclosure_id"]]
    both = client.get(
        "/api/disclosures/statement",
        params=[("ids", f"{first['disclosure_id']},{second['disclosure_id']}")],
    ).json()
    assert both["ids"] == data["ids"]


def test_consent_keeps_the_question(client):
    answer = client.post(
        "/api/chat", json={"message": "How many credits in the summer?", "consent": True}
    ).json()
    record = client.get(f"/api/disclosures/{answer['disclosure_id']}").json()
    assert record["consent"] is True and record["question"] == "How many credits in the summer?"


def test_chat_ui_is_served_at_root(client):
    page = client.get("/")
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
    assert "gradio" in page.text.lower()
