"""Request body size limit and per-client rate limit for the machine-facing routes:
/api, the OpenAI-compatible /v1 (refused in the OpenAI error shape) and the MCP server
at /mcp.

Both are plain ASGI middleware so that they act before FastAPI reads or parses a body:
an oversized upload is refused from its Content-Length, or cut off as soon as the bytes
received pass the limit (chunked bodies), and a client over its rate gets 429 with
Retry-After without costing the assistant any work. The chat UI at / is left alone:
it calls the assistant in-process and has Gradio's own queue.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ui.api.errors import error_response
from ui.api.i18n import accept_language, pick_lang
from ui.api.settings import RateLimit
from ui.api.v1.errors import openai_error_response

LIMITED_PREFIXES = ("/api", "/v1", "/mcp")
OPENAI_PREFIX = "/v1"
MAX_TRACKED_CLIENTS = 10_000


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + "/")


def _limited(scope: Scope) -> bool:
    path = scope.get("path", "")
    return scope["type"] == "http" and any(_under(path, p) for p in LIMITED_PREFIXES)


def _refusal(
    scope: Scope, status: int, code: str, headers: dict[str, str], **values: object
) -> Response:
    """The refusal in the shape the route's clients read: OpenAI's under /v1, ours else."""
    if _under(scope.get("path", ""), OPENAI_PREFIX):
        return openai_error_response(status, code, _lang(scope), headers, **values)
    return error_response(status, code, _lang(scope), headers, **values)


def _lang(scope: Scope) -> str:
    query = scope.get("query_string", b"").decode("latin-1")
    for part in query.split("&"):
        key, _, value = part.partition("=")
        if key == "lang" and pick_lang(value):
            return pick_lang(value) or "en"
    headers = dict(scope.get("headers") or [])
    return accept_language(headers.get(b"accept-language", b"").decode("latin-1")) or "en"


class BodyLimitMiddleware:
    """413 for request bodies larger than the limit: refused from Content-Length
    before anything is read, or, for chunked bodies, as soon as the bytes pass the limit."""

    def __init__(self, app: ASGIApp, max_bytes: int, openai_max_bytes: int | None = None) -> None:
        self.app = app
        self.default_max_bytes = max_bytes
        self.openai_max_bytes = openai_max_bytes or max_bytes

    def limit_for(self, scope: Scope) -> int:
        """/v1 clients resend the conversation each turn: its own, larger limit."""
        if _under(scope.get("path", ""), OPENAI_PREFIX):
            return self.openai_max_bytes
        return self.default_max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _limited(scope):
            await self.app(scope, receive, send)
            return
        max_bytes = self.limit_for(scope)
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > max_bytes
            except ValueError:
                too_big = True
            if too_big:
                await self._refuse(scope, receive, send, max_bytes)
                return
        if declared is not None:  # the server holds the client to its Content-Length
            await self.app(scope, receive, send)
            return
        # A chunked body: read it here, up to the limit, and replay it to the app.
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > max_bytes:
                await self._refuse(scope, receive, send, max_bytes)
                return
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, max_bytes: int) -> None:
        response = _refusal(
            scope, 413, "payload_too_large", {"Connection": "close"}, limit=max_bytes
        )
        await response(scope, receive, send)


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """Token buckets per client key; thread-safe, bounded in memory."""

    def __init__(self, limit: RateLimit, clock=time.monotonic) -> None:
        self.capacity = float(limit.requests)
        self.rate = limit.requests / limit.seconds  # tokens per second
        self.clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0 when the request may pass, else the seconds until it would."""
        now = self.clock()
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                if len(self._buckets) >= MAX_TRACKED_CLIENTS:
                    self._prune(now)
                bucket = self._buckets[key] = _Bucket(self.capacity, now)
            bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.updated) * self.rate)
            bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / self.rate

    def _prune(self, now: float) -> None:
        full = [
            k
            for k, b in self._buckets.items()
            if b.tokens + (now - b.updated) * self.rate >= self.capacity
        ]
        for key in full:
            del self._buckets[key]
        if len(self._buckets) >= MAX_TRACKED_CLIENTS:  # all busy: forget the oldest
            oldest = sorted(self._buckets, key=lambda k: self._buckets[k].updated)
            for key in oldest[: len(oldest) // 2]:
                del self._buckets[key]


class RateLimitMiddleware:
    """429 with Retry-After once a client exceeds its rate on /api."""

    def __init__(self, app: ASGIApp, limit: RateLimit, trust_proxy: bool = False) -> None:
        self.app = app
        self.limiter = RateLimiter(limit)
        self.trust_proxy = trust_proxy

    def client_key(self, scope: Scope) -> str:
        if self.trust_proxy:
            headers = dict(scope.get("headers") or [])
            forwarded = headers.get(b"x-forwarded-for", b"").decode("latin-1")
            if forwarded.strip():
                return forwarded.split(",")[0].strip()
        client = scope.get("client")
        return client[0] if client else "unknown"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _limited(scope) or scope.get("method") == "OPTIONS":
            await self.app(scope, receive, send)
            return
        wait = self.limiter.take(self.client_key(scope))
        if wait <= 0:
            await self.app(scope, receive, send)
            return
        seconds = max(1, math.ceil(wait))
        response = _refusal(
            scope, 429, "rate_limited", {"Retry-After": str(seconds)}, seconds=seconds
        )
        await response(scope, receive, send)
