"""The one FastAPI app: REST under /api (OpenAPI at /api/docs), the OpenAI-compatible /v1,
the MCP server at /mcp, probes, and the chat UI at /.

`create_app(assistant, settings)` takes the assistant its caller built (models and index
loaded once: `ui.settings.Settings.build_assistant()`, or the tests' own), warms it, and
shares it with every request and with the Gradio UI.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from starlette.routing import Match

from assistant.service import Assistant
from ui.api.docs import install_docs
from ui.api.engine import Engine
from ui.api.errors import ApiError, install_error_handlers
from ui.api.limits import BodyLimitMiddleware, RateLimitMiddleware
from ui.api.routes import (
    admin,
    chat,
    clauses,
    disclosures,
    feedback,
    health,
    report,
    search,
    tools,
)
from ui.api.settings import ApiSettings
from ui.api.v1 import PREFIX as V1_PREFIX
from ui.api.v1 import create_v1_app
from ui.mcp.http import mount_mcp

log = logging.getLogger("policy_assistant.api")
DESCRIPTION = (
    "Trilingual (kk / ru / en) answers over the Academic Policy AS 029-V-2025: every answer "
    "cites the policy's clauses (official Kazakh text beside the translation), every number "
    "comes from a deterministic tool, and every answer leaves a section 19 disclosure record. "
    'Errors are `{"error": {"code", "message"}}` in the language of `?lang=` or '
    "Accept-Language."
)
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]


def create_app(assistant: Assistant, settings: ApiSettings) -> FastAPI:
    engine = Engine(assistant)
    engine.warm_up()
    log.info("assistant warmed up in %s ms", engine.warm_ms)

    app = FastAPI(
        title="Policy Assistant",
        version=assistant.version,
        description=DESCRIPTION,
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.engine = engine
    app.state.settings = settings
    install_error_handlers(app)
    install_docs(app)
    for module in (health, chat, search, clauses, tools, disclosures, feedback, admin, report):
        app.include_router(module.router)
    _api_not_found(app)
    app.mount(V1_PREFIX, create_v1_app(engine, settings, assistant.version))
    mount_mcp(app, engine)  # /mcp: the MCP server over streamable HTTP (before the UI at /)

    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        openai_max_bytes=settings.openai_max_body_bytes,
    )
    if settings.rate_limit is not None:
        app.add_middleware(
            RateLimitMiddleware, limit=settings.rate_limit, trust_proxy=settings.trust_proxy
        )
    if settings.cors_origins:  # outermost, so 413 / 429 answers carry CORS headers too
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Content-Type", "Authorization", "Accept-Language", "X-Admin-Token"],
            expose_headers=["Retry-After"],
            max_age=600,
        )
    if settings.ui:
        from ui.web.mount import mount_ui

        mount_ui(app, engine, assistant_url=settings.assistant_url)
    return app


def _api_not_found(app: FastAPI) -> None:
    """JSON 404 / 405 for unknown /api paths (the UI mounted at / would answer HTML)."""

    @app.api_route("/api/{path:path}", methods=METHODS, include_in_schema=False)
    async def not_found(request: Request, path: str) -> None:
        for route in app.router.routes:
            if getattr(route, "endpoint", None) is not_found:
                continue
            match, _ = route.matches(request.scope)
            if match is Match.PARTIAL:
                raise ApiError(405, "method_not_allowed", method=request.method)
        raise ApiError(404, "not_found", path=request.url.path)
