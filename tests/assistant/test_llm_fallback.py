"""Any LLM failure falls back to the extractive answer: real sockets, no mocks.

- a closed localhost port: connection refused;
- a listening socket that never answers: a timeout;
- a real HTTP server that answers with something other than a chat completion.
"""

from __future__ import annotations

import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.llm import (
    LLMBadResponse,
    LLMComposer,
    LLMConfig,
    LLMTimeout,
    LLMUnavailable,
)
from assistant.llm.integration import llm_answer
from assistant.service import Assistant

QUESTION = "How can I retake an exam graded FX?"


def closed_port() -> int:
    """A localhost port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def refused() -> LLMComposer:
    composer = LLMComposer(
        LLMConfig(base_url=f"http://127.0.0.1:{closed_port()}/v1", model="any", timeout=5)
    )
    yield composer
    composer.close()


@pytest.fixture
def silent():
    """A socket that accepts connections (backlog) but never answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(8)
        port = s.getsockname()[1]
        composer = LLMComposer(
            LLMConfig(base_url=f"http://127.0.0.1:{port}/v1", model="any", timeout=0.5)
        )
        yield composer
        composer.close()


class _NotJSON(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 (http.server's naming)
        body = b"<html>502 Bad Gateway (as HTML, with status 200)</html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST

    def log_message(self, *args):
        pass


@pytest.fixture
def garbled():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NotJSON)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address
    composer = LLMComposer(LLMConfig(base_url=f"http://{host}:{port}/v1", model="any"))
    yield composer
    composer.close()
    server.shutdown()
    server.server_close()


def test_connection_refused_is_a_clear_error(refused):
    with pytest.raises(LLMUnavailable, match=r"127\.0\.0\.1.*Connect"):
        refused.compose(QUESTION, "en", [])


def test_no_model_named_and_no_endpoint_is_the_same_error():
    composer = LLMComposer(LLMConfig(base_url=f"http://127.0.0.1:{closed_port()}/v1"))
    with pytest.raises(LLMUnavailable, match="/models"):
        composer.compose(QUESTION, "en", [])
    composer.close()


def test_a_silent_endpoint_times_out(silent):
    with pytest.raises(LLMTimeout, match="0.5 s"):
        silent.compose(QUESTION, "en", [])


def test_a_body_that_is_not_json_is_a_bad_response(garbled):
    with pytest.raises(LLMBadResponse, match="not JSON"):
        garbled.compose(QUESTION, "en", [])


@pytest.mark.parametrize("endpoint", ["refused", "silent", "garbled"])
def test_llm_answer_gives_none_and_logs_the_reason(endpoint, request, caplog):
    composer = request.getfixturevalue(endpoint)
    with caplog.at_level(logging.WARNING, logger="assistant.llm"):
        assert llm_answer(composer, QUESTION, "en", ["8.35"], {"8.35"}, []) is None
    assert any("extractive answer used" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("endpoint", ["refused", "silent", "garbled"])
def test_the_user_still_gets_the_extractive_answer(endpoint, request, retriever, caplog):
    composer = request.getfixturevalue(endpoint)
    expected = Assistant(retriever).ask(QUESTION, lang="en")
    with caplog.at_level(logging.WARNING, logger="assistant.llm"):
        answer = Assistant(retriever, llm=composer).ask(QUESTION, lang="en")
    assert answer == expected
    assert answer.citations and answer.status == "answered"
    assert any("LLM composer failed" in r.getMessage() for r in caplog.records)


def test_the_disclosure_names_the_extractive_composer_after_a_fallback(
    refused, retriever, tmp_path
):
    from assistant.storage.repository import Repository

    store = Repository.open(f"sqlite:///{tmp_path / 'llm.db'}")
    answer = Assistant(retriever, store, llm=refused).ask(QUESTION, lang="en")
    record = store.get_disclosure(answer.disclosure_id)
    assert record.composer == "extractive"
    assert record.models["llm"] is None
    assert record.cited_clause_ids == [c.clause_id for c in answer.citations]
