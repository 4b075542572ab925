"""Swagger UI at /api/docs served from a pip package, so the docs page needs no CDN."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS = "/api/docs"
ASSETS = "/api/docs/assets"


def swagger_assets() -> Path | None:
    """The bundled Swagger UI files (package swagger-ui-bundle-v2), if installed."""
    try:
        import swagger_ui_bundle
    except ImportError:
        return None
    path = Path(swagger_ui_bundle.swagger_ui_path)
    return path if (path / "swagger-ui-bundle.js").exists() else None


def install_docs(app: FastAPI) -> None:
    assets = swagger_assets()
    kwargs: dict[str, str] = {}
    if assets is not None:
        app.mount(ASSETS, StaticFiles(directory=assets), name="swagger-assets")
        kwargs = {
            "swagger_js_url": f"{ASSETS}/swagger-ui-bundle.js",
            "swagger_css_url": f"{ASSETS}/swagger-ui.css",
            "swagger_favicon_url": f"{ASSETS}/favicon-32x32.png",
        }

    @app.get(DOCS, include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/api/openapi.json",
            title=f"{app.title} — API",
            **kwargs,
        )
