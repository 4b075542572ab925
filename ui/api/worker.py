"""What each `serve --workers N` process runs: the app factory (its HTTP protocol is in
ui/api/protocol.py, which the process manager imports without loading the app).

The parent process has built the index, written its read-only copy and brought the
database schema up to date before any worker starts, and passes its whole configuration
as one serialized Settings (POLICY_SETTINGS: the index copy, the database, the served
link, whether the UI is on): a worker only loads, warms up and serves.
"""

from __future__ import annotations

from fastapi import FastAPI

from ui.api.app import create_app
from ui.settings import Settings


def create_worker_app() -> FastAPI:
    settings = Settings.inherited()
    return create_app(settings.build_assistant(), settings.api())
