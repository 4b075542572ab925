"""POST /api/chat: the assistant's answer object, as JSON or as server-sent events."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse

from assistant.presenter import answer_json
from assistant.storage.errors import StorageUnavailable
from indexing.errors import IndexUnavailable
from ui.api.deps import EngineDep
from ui.api.engine import Engine
from ui.api.errors import error_body
from ui.api.i18n import message, request_lang
from ui.api.schemas import ChatRequest, ChatResponse, ErrorResponse

router = APIRouter(prefix="/api", tags=["chat"])
log = logging.getLogger("policy_assistant.api")


@router.post(
    "/chat",
    response_model=None,
    responses={
        200: {
            "model": ChatResponse,
            "description": "The answer (or, with stream or Accept: text/event-stream, "
            "events `start`, `delta`…, `answer`, `done`).",
            "content": {"text/event-stream": {}},
        },
        422: {"model": ErrorResponse},
        429: {"model": ErrorResponse},
        503: {"model": ErrorResponse},
    },
)
async def chat(body: ChatRequest, request: Request, engine: EngineDep):
    """Ask the policy; the answer cites clauses and leaves a section 19 disclosure record."""
    lang = None if body.lang in (None, "auto") else body.lang
    accepts = request.headers.get("accept", "")
    if body.stream or "text/event-stream" in accepts:
        return StreamingResponse(
            _events(engine, body, lang, request_lang(request)),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )
    answer = await engine.thread(engine.ask, body.message, body.conversation_id, lang, body.consent)
    return JSONResponse(answer_json(answer))


def sse(event: str, data: Any) -> str:
    payload = json.dumps(data, ensure_ascii=False)
    return f"event: {event}\ndata: {payload}\n\n"


def chunks(text: str) -> list[str]:
    """The answer in small pieces (words with their spacing) for a typing effect."""
    return [piece for piece in re.findall(r"\S+\s*|\s+", text) if piece]


async def _events(
    engine: Engine, body: ChatRequest, lang: str | None, error_lang: str
) -> AsyncIterator[str]:
    yield sse("start", {"status": "thinking"})
    try:
        answer = await engine.thread(
            engine.ask, body.message, body.conversation_id, lang, body.consent
        )
    except (StorageUnavailable, IndexUnavailable) as exc:
        code = "storage_unavailable" if isinstance(exc, StorageUnavailable) else "index_unavailable"
        log.error("chat stream failed: %s", exc)
        yield sse("error", error_body(code, message(code, error_lang)))
        return
    except Exception:  # the stream has started: report, do not raise
        log.exception("chat stream failed")
        yield sse("error", error_body("internal_error", message("internal_error", error_lang)))
        return
    data = answer_json(answer)
    words = chunks(data["answer"])
    step = max(1, len(words) // 40)  # at most ~40 delta events
    for start in range(0, len(words), step):
        yield sse("delta", {"text": "".join(words[start : start + step])})
    yield sse("answer", data)
    yield sse("done", {})
