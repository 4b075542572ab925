"""The OpenAI-compatible API at /v1: chat front-ends (Open WebUI, LibreChat) and the
`openai` SDK talk to the assistant without losing its citations or disclosure records.

A FastAPI app of its own, mounted on the main one, so that its errors take the OpenAI
shape while /api keeps its own; it shares the main app's engine and settings, and the
body-size and rate limits act on it as on /api (ui/api/limits.py).
"""

from __future__ import annotations

from fastapi import FastAPI

from ui.api.engine import Engine
from ui.api.settings import ApiSettings
from ui.api.v1.errors import install_openai_error_handlers
from ui.api.v1.routes import router
from ui.api.v1.schemas import MODEL_ID

PREFIX = "/v1"

__all__ = ["MODEL_ID", "PREFIX", "create_v1_app"]


def create_v1_app(engine: Engine, settings: ApiSettings, version: str) -> FastAPI:
    app = FastAPI(
        title="Policy Assistant — OpenAI-compatible API",
        version=version,
        description=(
            "`GET /v1/models`, `POST /v1/chat/completions` (streaming with `stream: true`). "
            "Citations are `url_citation` annotations and §ids in the text; extension "
            "fields: `consent`, `conversation_id`, `lang` in; `disclosure_id`, "
            "`conversation_id`, `status`, `lang` out. Usage counts words and punctuation."
        ),
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.engine = engine
    app.state.settings = settings
    install_openai_error_handlers(app)
    app.include_router(router)
    return app
