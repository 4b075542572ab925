"""Errors in the OpenAI shape, `{"error": {"message", "type", "param", "code"}}`, for /v1.

OpenAI clients read `type` and the HTTP status to pick an exception class (the official
Python client raises BadRequestError for 400, AuthenticationError for 401, RateLimitError
for 429 …), so /v1 answers in that shape while `message` stays in the caller's language
(?lang= or Accept-Language) and `code` is the same stable code /api uses. Validation
errors are 400, as OpenAI's own API answers them, and never echo the input.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI
from starlette.responses import JSONResponse

from ui.api.errors import install_error_handlers, validation_problems
from ui.api.i18n import message

ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "invalid_request_error",
    405: "invalid_request_error",
    413: "invalid_request_error",
    429: "rate_limit_error",
}


def openai_error_body(status: int, code: str, text: str, param: str | None = None) -> dict:
    kind = ERROR_TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
    return {"error": {"message": text, "type": kind, "param": param, "code": code}}


def openai_error_response(
    status: int,
    code: str,
    lang: str,
    headers: Mapping[str, str] | None = None,
    extra: Mapping[str, Any] | None = None,
    **values: Any,
) -> JSONResponse:
    """The error in OpenAI's shape; what /api answers 422 is a 400 here, as OpenAI's own
    API answers an invalid request. `field` (a value or an extra) becomes `param`."""
    status = 400 if status == 422 else status
    field = (extra or {}).get("field", values.get("field"))
    param = field if isinstance(field, str) else None
    body = openai_error_body(status, code, message(code, lang, **values), param)
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def openai_validation_response(errors: Sequence[Mapping[str, Any]], lang: str) -> JSONResponse:
    problems = validation_problems(errors, lang)
    if all(p["code"] == "invalid_json" for p in problems):
        return openai_error_response(400, "invalid_json", lang)
    details = " ".join(p["message"] for p in problems)
    text = message("validation_error", lang, details=details)
    return JSONResponse(
        openai_error_body(400, "validation_error", text, problems[0]["field"]), status_code=400
    )


def install_openai_error_handlers(app: FastAPI) -> None:
    """Every failure under /v1 in the OpenAI shape, in the request's language."""
    install_error_handlers(app, openai_error_response, openai_validation_response)
