"""The chat channels side by side: /api/chat and the OpenAI-compatible /v1, one live server.

One uvicorn server (in this process, on a free port, a scratch SQLite database) answers
the development questions through POST /api/chat and POST /v1/chat/completions,
alternating question by question so both channels see the same machine state; the
ratio of their medians is the cost of the OpenAI layer. Streaming is timed to the first
content delta (what a chat window shows first) and to the end of the stream.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import httpx

from evals.dataset import DEV_SET, load_items
from evals.load import serve_in_thread
from indexing.config import IndexSettings
from indexing.search import QueryVectors

MODEL = "policy-assistant"


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _stream(client: httpx.Client, question: str) -> tuple[float, float]:
    """(ms to the first content delta, ms to [DONE]) of one streamed completion."""
    body = {"model": MODEL, "stream": True, "messages": [{"role": "user", "content": question}]}
    started = time.perf_counter()
    first: float | None = None
    with client.stream("POST", "/v1/chat/completions", json=body) as response:
        response.raise_for_status()
        for line in response.iter_lines():
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            delta = json.loads(line[6:])["choices"]
            if first is None and delta and delta[0]["delta"].get("content"):
                first = _ms(started)
    total = _ms(started)
    return (first if first is not None else total), total


def measure_channels(settings: IndexSettings, repeats: int = 3) -> dict:
    """Percentiles per channel (ms) and the ratio of /v1's median to /api's."""
    from assistant.factory import build_assistant
    from evals.bench import percentiles
    from ui.api import create_app
    from ui.api.settings import ApiSettings

    questions = [item.question for item in load_items(DEV_SET)]
    scratch = Path(tempfile.mkdtemp(prefix="bench-channels-"))
    assistant = build_assistant(settings, f"sqlite:///{scratch / 'bench.sqlite'}")
    # both channels ask each question: without this, the second would find it embedded
    assistant.retriever.query_vectors = QueryVectors(size=0)
    app = create_app(assistant, ApiSettings(rate_limit=None, ui=False))
    api: list[float] = []
    v1: list[float] = []
    first: list[float] = []
    whole: list[float] = []
    try:
        with serve_in_thread(app) as base, httpx.Client(base_url=base, timeout=60) as client:
            for question in questions[:5]:  # warm the connection and every lazy path
                client.post("/api/chat", json={"message": question}).raise_for_status()
            for _ in range(repeats):
                for question in questions:
                    started = time.perf_counter()
                    client.post("/api/chat", json={"message": question}).raise_for_status()
                    api.append(_ms(started))
                    body = {"model": MODEL, "messages": [{"role": "user", "content": question}]}
                    started = time.perf_counter()
                    client.post("/v1/chat/completions", json=body).raise_for_status()
                    v1.append(_ms(started))
                    to_first, to_end = _stream(client, question)
                    first.append(to_first)
                    whole.append(to_end)
    finally:
        assistant.retriever.close()
    api_p, v1_p = percentiles(api), percentiles(v1)
    return {
        "api_chat_ms": api_p,
        "v1_chat_ms": v1_p,
        "v1_over_api_p50": round(v1_p["p50"] / api_p["p50"], 3),
        "v1_stream_first_content_ms": percentiles(first),
        "v1_stream_total_ms": percentiles(whole),
    }
