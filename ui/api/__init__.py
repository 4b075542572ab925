"""The web API (FastAPI) with the chat UI mounted on it: `create_app(assistant, settings)`."""

from ui.api.app import create_app
from ui.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
