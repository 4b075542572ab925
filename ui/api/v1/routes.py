"""GET /v1/models and POST /v1/chat/completions, answered by the same engine as /api/chat.

The last user message is the question; the assistant reads nothing else from the
history a client sends (system prompts and earlier turns are data, not instructions).
The conversation it continues is the one named by the `conversation_id` extension, or
else the one whose last reply the client sent back, so a calculation that asked for a
value picks it up from the next message in Open WebUI as in our own UI.
"""

from __future__ import annotations

import json
import logging
import secrets
import time
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from assistant.models import Answer
from assistant.safety import MAX_MESSAGE_CHARS
from assistant.storage.errors import StorageUnavailable
from indexing.errors import IndexUnavailable
from ui.api.deps import EngineDep, SettingsDep
from ui.api.engine import Engine
from ui.api.errors import ApiError
from ui.api.i18n import message as error_message
from ui.api.i18n import request_lang
from ui.api.routes.chat import chunks
from ui.api.v1 import render
from ui.api.v1.errors import openai_error_body
from ui.api.v1.schemas import (
    MODEL_ID,
    ChatCompletion,
    ChatCompletionRequest,
    ChatMessage,
    ModelCard,
    ModelList,
)

log = logging.getLogger("policy_assistant.api")
OWNER = "ektu"
MAX_DELTAS = 40  # a streamed answer arrives in at most this many pieces
BEARER = HTTPBearer(auto_error=False, scheme_name="ApiKey", description="POLICY_OPENAI_API_KEY")


def require_api_key(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)] = None,
) -> None:
    """With POLICY_OPENAI_API_KEY set, every /v1 request carries it as a bearer key."""
    expected = settings.openai_api_key
    if not expected:
        return
    presented = credentials.credentials.strip() if credentials else ""
    if not secrets.compare_digest(presented.encode(), expected.encode()):
        raise ApiError(401, "invalid_api_key", headers={"WWW-Authenticate": "Bearer"})


router = APIRouter(dependencies=[Depends(require_api_key)])


def _model_card(engine: Engine) -> ModelCard:
    return ModelCard(id=MODEL_ID, created=int(engine.started), owned_by=OWNER)


@router.get("/models", response_model=ModelList)
async def models(engine: EngineDep) -> ModelList:
    """The one model served: the policy assistant."""
    return ModelList(data=[_model_card(engine)])


@router.get("/models/{model}", response_model=ModelCard)
async def model(model: str, engine: EngineDep) -> ModelCard:
    _check_model(model)
    return _model_card(engine)


def _check_model(model: str) -> None:
    if model != MODEL_ID:
        raise ApiError(404, "model_not_found", field="model", model=model, known=MODEL_ID)


def _text(message: ChatMessage) -> str:
    if isinstance(message.content, str):
        return message.content
    parts = message.content or []
    if any(part.type != "text" for part in parts):
        raise ApiError(400, "text_only", field="messages")
    return "\n".join(part.text or "" for part in parts)


def question_of(body: ChatCompletionRequest) -> str:
    """The last message, which must be the user's text, within the chat limit."""
    last = body.messages[-1]
    if last.role != "user":
        raise ApiError(400, "no_question", field="messages")
    text = _text(last)
    if not text.strip():
        raise ApiError(400, "no_question", field="messages")
    if len(text) > MAX_MESSAGE_CHARS:
        raise ApiError(400, "too_long", field="messages", limit=MAX_MESSAGE_CHARS)
    return text


def conversation_of(body: ChatCompletionRequest, engine: Engine) -> tuple[str | None, bool]:
    """(conversation id, whether it came from the history): the explicit extension, else
    the conversation of the last reply the client sent back, found by that reply's text
    together with the disclosure id its footer names (neither alone opens one)."""
    if body.conversation_id:
        return body.conversation_id, False
    replies = [m for m in body.messages[:-1] if m.role == "assistant" and m.content]
    store = engine.store
    if not replies or store is None:
        return None, False
    try:
        reply = _text(replies[-1])
    except ApiError:
        return None, False
    disclosure_id = render.disclosure_in(reply)
    if disclosure_id is None:
        return None, False
    found = store.conversation_for_reply(render.own_text(reply), disclosure_id)
    return found, found is not None


def _base_url(request: Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc}"


def _usage(question: str, text: str) -> dict[str, int]:
    prompt, completion = render.count_tokens(question), render.count_tokens(text)
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


def _extensions(answer: Answer, from_history: bool) -> dict[str, Any]:
    """The extension fields; a conversation found from the history is not named (the
    client continues it by sending the history again), so a crafted history cannot learn
    the id that opens a conversation's records."""
    return {
        "disclosure_id": answer.disclosure_id,
        "conversation_id": None if from_history else answer.conversation_id,
        "status": answer.status,
        "lang": str(answer.lang),
    }


@router.post(
    "/chat/completions",
    response_model=None,
    responses={200: {"model": ChatCompletion, "content": {"text/event-stream": {}}}},
)
async def chat_completions(body: ChatCompletionRequest, request: Request, engine: EngineDep):
    """An OpenAI chat completion: the answer's text with its sources, citations as
    `url_citation` annotations, and the disclosure id (extension fields)."""
    _check_model(body.model)
    if body.n not in (None, 1):
        raise ApiError(400, "one_choice", field="n")
    question = question_of(body)
    lang = None if body.lang in (None, "auto") else body.lang
    completion_id = f"chatcmpl-{secrets.token_urlsafe(12)}"
    created = int(time.time())
    if body.stream:
        include_usage = bool(body.stream_options and body.stream_options.include_usage)
        events = _stream(
            engine, body, question, lang, request, completion_id, created, include_usage
        )
        return StreamingResponse(
            events,
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )
    conversation_id, from_history = await engine.thread(conversation_of, body, engine)
    answer = await engine.thread(engine.ask, question, conversation_id, lang, body.consent)
    base = _base_url(request)
    reply = render.message(answer, base)
    completion = ChatCompletion(
        id=completion_id,
        created=created,
        model=MODEL_ID,
        choices=[{"index": 0, "message": reply, "finish_reason": "stop", "logprobs": None}],
        usage=_usage(question, reply["content"]),
        **_extensions(answer, from_history),
    )
    return JSONResponse(completion.model_dump(mode="json"))


def _chunk(completion_id: str, created: int, delta: dict, finish: str | None = None) -> dict:
    return {
        "id": completion_id,
        "object": "chat.completion.chunk",
        "created": created,
        "model": MODEL_ID,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
    }


def _data(payload: Any) -> str:
    return f"data: {json.dumps(payload, ensure_ascii=False)}\n\n"


async def _stream(
    engine: Engine,
    body: ChatCompletionRequest,
    question: str,
    lang: str | None,
    request: Request,
    completion_id: str,
    created: int,
    include_usage: bool,
) -> AsyncIterator[str]:
    """The role at once, the text in pieces, then annotations and the extensions on the
    final chunk, usage (when asked for) and [DONE]. A failure after the stream has begun
    arrives as an error event in the OpenAI shape, which the official client raises."""
    yield _data(_chunk(completion_id, created, {"role": "assistant", "content": ""}))
    try:
        conversation_id, from_history = await engine.thread(conversation_of, body, engine)
        answer = await engine.thread(engine.ask, question, conversation_id, lang, body.consent)
    except (StorageUnavailable, IndexUnavailable) as exc:
        code = "storage_unavailable" if isinstance(exc, StorageUnavailable) else "index_unavailable"
        log.error("chat completion stream failed: %s", exc)
        yield _data(openai_error_body(503, code, error_message(code, request_lang(request))))
        return
    except Exception:  # the stream has started: report, do not raise
        log.exception("chat completion stream failed")
        text = error_message("internal_error", request_lang(request))
        yield _data(openai_error_body(500, "internal_error", text))
        return
    reply = render.message(answer, _base_url(request))
    pieces = chunks(reply["content"])
    step = max(1, -(-len(pieces) // MAX_DELTAS))
    for start in range(0, len(pieces), step):
        delta = {"content": "".join(pieces[start : start + step])}
        yield _data(_chunk(completion_id, created, delta))
    final = _chunk(completion_id, created, {"annotations": reply["annotations"]}, "stop")
    if reply["refusal"]:
        final["choices"][0]["delta"]["refusal"] = reply["refusal"]
    yield _data({**final, **_extensions(answer, from_history)})
    if include_usage:
        usage_chunk = {**_chunk(completion_id, created, {}), "choices": []}
        yield _data({**usage_chunk, "usage": _usage(question, reply["content"])})
    yield "data: [DONE]\n\n"
