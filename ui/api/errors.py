"""Every failure becomes JSON `{"error": {"code", "message", ...}}` in the caller's language.

Clients branch on `code` (stable); people read `message`. Validation errors name the
field and never echo the input or a stack trace; unexpected exceptions are logged here
and answered with a bare `internal_error`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from assistant.storage.errors import StorageUnavailable
from indexing.errors import IndexUnavailable
from tools.errors import ToolInputError
from ui.api.i18n import message, request_lang

log = logging.getLogger("policy_assistant.api")


class ApiError(Exception):
    """An expected failure with a stable code; `values` fill the message template."""

    def __init__(
        self,
        status: int,
        code: str,
        *,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
        **values: Any,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.values = values
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})


def error_body(code: str, text: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": text, **extra}}


def error_response(
    status_code: int,
    code: str,
    lang: str,
    headers: Mapping[str, str] | None = None,
    extra: Mapping[str, Any] | None = None,
    **values: Any,
) -> JSONResponse:
    body = error_body(code, message(code, lang, **values), **(extra or {}))
    return JSONResponse(body, status_code=status_code, headers=dict(headers or {}))


# --- request validation (422) -----------------------------------------------------------

_LOCATIONS = ("body", "query", "path", "header", "cookie")


def _field(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc if str(p) not in _LOCATIONS]
    text = ""
    for part in parts:
        text += f"[{part}]" if part.isdigit() else (f".{part}" if text else part)
    return text or "body"


def _problem(error: Mapping[str, Any], lang: str) -> dict[str, Any]:
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    field = _field(error.get("loc", ()))
    if kind == "missing":
        code, values = "missing", {}
    elif kind == "json_invalid":
        code, values = "invalid_json", {}
    elif kind == "extra_forbidden":
        code, values = "unknown_field", {}
    elif kind in ("string_too_short", "too_short"):
        code, values = "too_short", {"limit": ctx.get("min_length", "")}
    elif kind in ("string_too_long", "too_long"):
        code, values = "too_long", {"limit": ctx.get("max_length", "")}
    elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        code, values = "out_of_range", {}
    elif kind in ("literal_error", "enum"):
        code, values = "invalid_choice", {"choices": ctx.get("expected", "")}
    elif kind.endswith("_type") or kind.endswith("_parsing"):
        code, values = "wrong_type", {}
    else:
        code, values = "invalid_value", {}
    return {"field": field, "code": code, "message": message(code, lang, field=field, **values)}


def validation_problems(errors: Sequence[Mapping[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Each validation error as {field, code, message}; never the input itself."""
    return [_problem(e, lang) for e in errors] or [
        {"field": "body", "code": "invalid_value", "message": message("invalid_value", lang)}
    ]


def validation_response(errors: Sequence[Mapping[str, Any]], lang: str) -> JSONResponse:
    problems = validation_problems(errors, lang)
    if all(p["code"] == "invalid_json" for p in problems):
        return error_response(422, "invalid_json", lang)
    details = " ".join(p["message"] for p in problems)
    return JSONResponse(
        error_body(
            "validation_error",
            message("validation_error", lang, details=details),
            field=problems[0]["field"],
            details=problems,
        ),
        status_code=422,
    )


# --- handlers ---------------------------------------------------------------------------


def tool_error_response(error: ToolInputError, lang: str) -> JSONResponse:
    status = 404 if error.code == "unknown_tool" else 422
    extra: dict[str, Any] = {"field": error.field, "messages": dict(error.message)}
    if error.details:
        extra["details"] = [
            {"field": d.field, "code": d.code, "message": d.message[lang]} for d in error.details
        ]
    return JSONResponse(error_body(error.code, error.message[lang], **extra), status_code=status)


# (status, code, lang, headers=None, extra=None, **values) -> the error in a client's shape
Respond = Callable[..., JSONResponse]
OnValidation = Callable[[Sequence[Mapping[str, Any]], str], JSONResponse]


def install_error_handlers(
    app: FastAPI,
    respond: Respond = error_response,
    on_validation: OnValidation = validation_response,
) -> None:
    """JSON errors for everything the app can raise, in the request's language; `respond`
    and `on_validation` give them the shape the app's clients read (ours by default; the
    OpenAI-compatible /v1 passes OpenAI's)."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return respond(
            exc.status, exc.code, request_lang(request), exc.headers, exc.extra, **exc.values
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return on_validation(exc.errors(), request_lang(request))

    @app.exception_handler(ToolInputError)
    async def _tool_input(request: Request, exc: ToolInputError) -> JSONResponse:
        return tool_error_response(exc, request_lang(request))

    @app.exception_handler(StorageUnavailable)
    async def _storage(request: Request, exc: StorageUnavailable) -> JSONResponse:
        log.error("storage unavailable: %s", exc)
        return respond(503, "storage_unavailable", request_lang(request), {"Retry-After": "30"})

    @app.exception_handler(IndexUnavailable)
    async def _index(request: Request, exc: IndexUnavailable) -> JSONResponse:
        log.error("index unavailable: %s", exc)
        return respond(503, "index_unavailable", request_lang(request), {"Retry-After": "30"})

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        lang = request_lang(request)
        headers = dict(exc.headers or {})
        if exc.status_code == 404:
            return respond(404, "not_found", lang, headers, path=request.url.path)
        if exc.status_code == 405:
            return respond(405, "method_not_allowed", lang, headers, method=request.method)
        if exc.status_code == 400 and isinstance(exc.__cause__, ValueError | RecursionError):
            # FastAPI's body parser: bytes that are not UTF-8, or JSON nested deeper than
            # the parser goes, are invalid JSON like any other.
            return respond(422, "invalid_json", lang)
        return respond(exc.status_code, "http_error", lang, headers, status=exc.status_code)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return respond(500, "internal_error", request_lang(request))
