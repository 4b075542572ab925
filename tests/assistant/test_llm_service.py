"""The LLM composer inside Assistant.ask, over HTTP, against a scripted endpoint.

The endpoint is a real local HTTP server that speaks the OpenAI chat API and replays
scripted replies, so every path is exercised deterministically: an accepted answer,
an invented citation, an invented number, the tool-call loop, the round limit. The
real model runs in tests/llm (group `llm_server`).
"""

from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.llm import LLMComposer, LLMConfig
from assistant.llm.prompt import system_prompt
from assistant.service import Assistant
from assistant.storage.repository import Repository
from tools import registry

MODEL = "scripted-model"
FX = "How can I retake an exam graded FX?"
FX_RU = "Как пересдать экзамен с оценкой FX?"
GRADE = "My R1 is 80, R2 is 90 and my exam is 70. What is my final grade?"


class Endpoint(ThreadingHTTPServer):
    """Replays `script` (one reply per chat request) and keeps every request body."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script: list[dict] = []
        self.requests: list[dict] = []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


class _Handler(BaseHTTPRequestHandler):
    server: Endpoint

    def do_GET(self):  # noqa: N802
        self._send({"object": "list", "data": [{"id": MODEL, "object": "model"}]})

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(body)
        message = {"role": "assistant", "content": None}
        reply = self.server.script.pop(0)
        if "calls" in reply:
            message["tool_calls"] = [
                {
                    "id": f"call_{n}",
                    "type": "function",
                    "function": {
                        "name": name,
                        "arguments": args if isinstance(args, str) else json.dumps(args),
                    },
                }
                for n, (name, args) in enumerate(reply["calls"])
            ]
        else:
            message["content"] = reply["text"]
        self._send(
            {
                "object": "chat.completion",
                "model": MODEL,
                "system_fingerprint": "fp_test",
                "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
            }
        )

    def _send(self, data: dict) -> None:
        raw = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args):
        pass


@pytest.fixture
def endpoint():
    server = Endpoint()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def store(tmp_path):
    return Repository.open(f"sqlite:///{tmp_path / 'llm.db'}")


def assistant(retriever, store, endpoint, **settings) -> Assistant:
    llm = LLMComposer(LLMConfig(base_url=endpoint.base_url, **settings))
    return Assistant(retriever, store, llm=llm)


def test_an_accepted_answer_is_shown_with_its_valid_citations(retriever, store, endpoint, caplog):
    expected = Assistant(retriever).ask(FX, lang="en")
    cid = expected.citations[0].clause_id
    endpoint.script = [{"text": f"Apply online through the SSC [§{cid}] [§19.99]."}]
    with caplog.at_level(logging.WARNING, logger="assistant.llm"):
        answer = assistant(retriever, store, endpoint, model=MODEL).ask(FX, lang="en")
    assert answer.answer.startswith(f"Apply online through the SSC [§{cid}].")
    assert "19.99" not in answer.answer  # an invented citation is never shown
    assert "The Kazakh text is official" in answer.answer
    assert [c.clause_id for c in answer.citations] == [cid]
    assert answer.citations[0].text["kk"] and answer.status == "answered" and answer.grounded
    assert any("19.99" in r.getMessage() for r in caplog.records)  # ... but logged
    record = store.get_disclosure(answer.disclosure_id)
    assert record.composer == f"llm:{MODEL}"
    assert record.models["llm"] == f"{MODEL} (fp_test)"
    assert record.models["embedder"] and record.cited_clause_ids == [cid]


def test_the_request_keeps_rules_and_data_apart(retriever, store, endpoint):
    expected = Assistant(retriever).ask(FX_RU, lang="ru")
    assert expected.status == "answered"
    endpoint.script = [{"text": "Нет данных."}]
    assistant(retriever, store, endpoint, model=MODEL).ask(FX_RU, lang="ru")
    (request,) = endpoint.requests
    system, user = request["messages"]
    assert system == {"role": "system", "content": system_prompt("ru")}
    data = json.loads(user["content"])
    assert data["question"] == FX_RU and data["answer_language"] == "ru"
    assert [c["id"] for c in data["clauses"]] == [c.clause_id for c in expected.citations]
    assert all(c["text"] and c["text_kk"] for c in data["clauses"])
    assert request["model"] == MODEL and request["temperature"] == 0
    assert [t["function"]["name"] for t in request["tools"]] == registry.names()
    assert request["tool_choice"] == "auto"


def test_an_invented_number_falls_back_to_the_extractive_answer(retriever, store, endpoint, caplog):
    expected = Assistant(retriever).ask(FX, lang="en")
    cid = expected.citations[0].clause_id
    endpoint.script = [{"text": f"You have 14 working days to apply [§{cid}]."}]
    with caplog.at_level(logging.WARNING, logger="assistant.llm"):
        answer = assistant(retriever, store, endpoint, model=MODEL).ask(FX, lang="en")
    assert answer.answer == expected.answer and answer.citations == expected.citations
    assert any("'14'" in r.getMessage() for r in caplog.records)
    record = store.get_disclosure(answer.disclosure_id)
    assert record.composer == "extractive" and record.models["llm"] is None


def test_numbers_from_the_cited_clause_are_fine(retriever, store, endpoint):
    expected = Assistant(retriever).ask(FX, lang="en")
    assert "8.35" in [c.clause_id for c in expected.citations]  # it says "10 working days"
    endpoint.script = [{"text": "Apply within 10 working days after the session [§8.35]."}]
    answer = assistant(retriever, store, endpoint, model=MODEL).ask(FX, lang="en")
    assert answer.answer.startswith("Apply within 10 working days")


def test_tool_calls_are_computed_by_the_registry_and_fed_back(retriever, store, endpoint):
    arguments = {"r1": 80, "r2": 90, "exam": 70}
    computed = registry.run("final_grade", arguments).model_dump(mode="json")
    endpoint.script = [
        {"calls": [("final_grade", arguments), ("final_grade", {"r1": 88, "r2": 90, "exam": 70})]},
        {"text": f"Your final grade is {computed['final']}, {computed['letter']} [§8.29]."},
    ]
    llm = assistant(retriever, store, endpoint, model=MODEL, tools=("final_grade",))
    answer = llm.ask(GRADE, lang="en")
    first, second = endpoint.requests
    assert [t["function"]["name"] for t in first["tools"]] == ["final_grade"]
    replies = [m for m in second["messages"] if m["role"] == "tool"]
    assert [m["tool_call_id"] for m in replies] == ["call_0", "call_1"]
    assert json.loads(replies[0]["content"])["result"]["final"] == computed["final"]
    # 88 is neither in the question nor in a tool result: refused, and the model is told why
    assert json.loads(replies[1]["content"])["error"]["code"] == "ungrounded_argument"
    assert answer.answer.startswith(f"Your final grade is {computed['final']}")
    llm_call = answer.tool_calls[-1]
    assert llm_call.arguments == arguments and llm_call.result.model_dump(mode="json") == computed
    assert all(t.arguments.get("r1") != 88 for t in answer.tool_calls)  # refused: not shown
    assert "8.29" in [c.clause_id for c in answer.citations]
    assert store.get_disclosure(answer.disclosure_id).tools == ["final_grade"]


def test_the_round_limit_holds(retriever, store, endpoint, caplog):
    expected = Assistant(retriever).ask(FX, lang="en")
    endpoint.script = [{"calls": [("letter_grade", "{not json")]}, {"calls": [("gpa", {})]}]
    with caplog.at_level(logging.WARNING, logger="assistant.llm"):
        answer = assistant(retriever, store, endpoint, model=MODEL, max_rounds=2).ask(FX)
    assert len(endpoint.requests) == 2
    assert endpoint.requests[1]["tool_choice"] == "none"  # the last round must answer
    tool_reply = next(m for m in endpoint.requests[1]["messages"] if m["role"] == "tool")
    assert json.loads(tool_reply["content"])["error"]["code"] == "invalid_json"
    assert answer.answer == expected.answer
    assert any("no answer text after 2 round" in r.getMessage() for r in caplog.records)


def test_no_tools_are_offered_when_switched_off(retriever, store, endpoint):
    endpoint.script = [{"text": "Нет данных."}]
    assistant(retriever, store, endpoint, model=MODEL, tools=()).ask(FX)
    assert "tools" not in endpoint.requests[0]


def test_the_model_is_asked_of_the_endpoint_when_not_configured(retriever, store, endpoint):
    endpoint.script = [{"text": "No."}]
    assistant(retriever, store, endpoint).ask(FX, lang="en")
    assert endpoint.requests[0]["model"] == MODEL


def test_questions_that_need_input_do_not_reach_the_llm(retriever, store, endpoint):
    answer = assistant(retriever, store, endpoint, model=MODEL).ask(
        "Calculate my final grade", lang="en"
    )
    assert answer.status == "needs_input" and answer.missing
    assert endpoint.requests == []
