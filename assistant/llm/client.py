"""A minimal OpenAI-compatible chat client over httpx: one POST per round, clear errors.

Only the parts of the API every compatible server implements are used:
`POST {base}/chat/completions` (messages, tools, tool_choice, temperature) and
`GET {base}/models`. Every failure becomes an LLMError subclass, so the assistant
can fall back to the extractive composer with one `except`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import httpx

from assistant.llm.config import LLMConfig


class LLMError(RuntimeError):
    """The LLM gave no usable answer; the assistant falls back to the extractive composer."""


class LLMUnavailable(LLMError):
    """The endpoint cannot be reached (connection refused, DNS, TLS)."""


class LLMTimeout(LLMError):
    """The endpoint did not answer within POLICY_LLM_TIMEOUT."""


class LLMBadResponse(LLMError):
    """The endpoint answered, but not with a usable chat completion."""


@dataclass(frozen=True)
class RequestedCall:
    """One function call the model asked for; `arguments` is None when not a JSON object."""

    id: str
    name: str
    arguments: dict[str, Any] | None
    raw_arguments: str


@dataclass(frozen=True)
class Reply:
    content: str
    tool_calls: list[RequestedCall] = field(default_factory=list)
    model: str | None = None  # as the server names it
    fingerprint: str | None = None  # system_fingerprint, where the server sends one
    finish_reason: str | None = None


class ChatClient:
    def __init__(self, config: LLMConfig) -> None:
        self.config = config
        headers = {"Accept": "application/json"}
        if config.api_key:
            headers["Authorization"] = f"Bearer {config.api_key}"
        self._http = httpx.Client(
            base_url=config.base_url,
            headers=headers,
            timeout=httpx.Timeout(config.timeout),
        )

    def close(self) -> None:
        self._http.close()

    def models(self) -> list[str]:
        """Ids of the models the endpoint serves (GET /models)."""
        data = self._request("GET", "/models")
        items = data.get("data") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise LLMBadResponse("GET /models: no 'data' list in the response")
        return [str(m["id"]) for m in items if isinstance(m, dict) and m.get("id")]

    def chat(
        self,
        model: str,
        messages: list[dict[str, Any]],
        tools: list[dict[str, Any]] | None = None,
        tool_choice: str | dict[str, Any] | None = None,
    ) -> Reply:
        body: dict[str, Any] = {
            "model": model,
            "messages": messages,
            "temperature": self.config.temperature,
            "max_tokens": self.config.max_tokens,
            "stream": False,
        }
        if tools:
            body["tools"] = tools
            body["tool_choice"] = tool_choice or "auto"
        data = self._request("POST", "/chat/completions", json=body)
        return _parse_reply(data)

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        where = f"{method} {self.config.base_url}{path}"
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TimeoutException as error:
            raise LLMTimeout(f"{where}: no answer within {self.config.timeout:g} s") from error
        except httpx.HTTPError as error:  # connection refused, DNS, TLS, protocol
            raise LLMUnavailable(f"{where}: {type(error).__name__}: {error}") from error
        if response.status_code >= 400:
            raise LLMBadResponse(f"{where}: HTTP {response.status_code}: {response.text[:300]}")
        try:
            return response.json()
        except ValueError as error:
            raise LLMBadResponse(
                f"{where}: the body is not JSON: {response.text[:200]!r}"
            ) from error


def _parse_reply(data: Any) -> Reply:
    try:
        choice = data["choices"][0]
        message = choice["message"]
    except (KeyError, IndexError, TypeError):
        raise LLMBadResponse(f"no choices[0].message in the response: {str(data)[:300]}") from None
    if not isinstance(message, dict):
        raise LLMBadResponse("choices[0].message is not an object")
    calls: list[RequestedCall] = []
    for n, call in enumerate(message.get("tool_calls") or []):
        function = call.get("function") if isinstance(call, dict) else None
        if not isinstance(function, dict) or not isinstance(function.get("name"), str):
            raise LLMBadResponse(f"tool call {n} has no function name")
        raw = function.get("arguments")
        raw_text = raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False)
        calls.append(
            RequestedCall(
                id=str(call.get("id") or f"call_{n}"),
                name=function["name"],
                arguments=_arguments(raw),
                raw_arguments=raw_text,
            )
        )
    content = message.get("content")
    return Reply(
        content=content if isinstance(content, str) else "",
        tool_calls=calls,
        model=data.get("model") if isinstance(data.get("model"), str) else None,
        fingerprint=data.get("system_fingerprint") or None,
        finish_reason=choice.get("finish_reason"),
    )


def _arguments(raw: Any) -> dict[str, Any] | None:
    if isinstance(raw, dict):
        return raw
    if not isinstance(raw, str):
        return None
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
