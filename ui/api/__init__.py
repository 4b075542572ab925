"""The web API (FastAPI) with the chat UI mounted on it: `create_app(assistant, settings)`.

Both names load lazily, so `ui.api.settings` (which `ui.settings` needs) imports without
FastAPI and the assistant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.api.app import create_app
    from ui.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from ui.api.app import create_app

        return create_app
    if name == "ApiSettings":
        from ui.api.settings import ApiSettings

        return ApiSettings
    raise AttributeError(f"module 'ui.api' has no attribute {name!r}")
