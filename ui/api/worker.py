"""The app factory each `serve --workers N` process calls (uvicorn imports it by name).

The parent process has built the index, written its read-only copy and brought the
database schema up to date before any worker starts, and passes what the workers need
through the environment (POLICY_INDEX_REPLICA, DATABASE_URL, POLICY_UI, ...): a worker
only loads, warms up and serves.
"""

from __future__ import annotations

from fastapi import FastAPI

from ui.api.app import create_app


def create_worker_app() -> FastAPI:
    return create_app()
