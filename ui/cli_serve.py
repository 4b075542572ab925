"""`policy-assistant serve`: build or update the index, load the models, serve API and UI.

Everything heavy happens before the port opens (index update with a progress bar, model
loading, warm-up), so the first request after "serving on" pays for none of it.

With `--workers N` the parent builds the index, writes a read-only copy of it for the
workers (embedded Qdrant admits one process; with QDRANT_URL they share the server),
migrates the database once, and hands the port to uvicorn's process manager, which
starts N workers and replaces any that dies.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import replace
from typing import Annotated

import typer

from ui.console import console, fail, progress_bar

HostOpt = Annotated[str, typer.Option("--host", help="Address to listen on.")]
PortOpt = Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")]


def serve(
    host: HostOpt = "127.0.0.1",
    port: PortOpt = 8000,
    ui: Annotated[bool, typer.Option("--ui/--no-ui", help="Mount the chat UI at /.")] = True,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "info",
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            envvar="POLICY_WORKERS",
            help="Worker processes (each loads the models: about 350 MiB apiece).",
        ),
    ] = 1,
) -> None:
    """Serve the web API (/api, docs at /api/docs) and the chat UI (/) on one port."""
    import uvicorn

    from assistant.storage.errors import StorageUnavailable
    from indexing.build import build_index
    from indexing.qdrant import IndexUnavailable
    from indexing.replica import REPLICA_ENV
    from ui.api import ApiSettings, create_app
    from ui.api.worker import NoDelayHTTPProtocol

    started = time.perf_counter()
    shown = "localhost" if host in ("0.0.0.0", "::") else host
    url = f"http://{shown}:{port}/"
    # Disclosure statements name the link users reach the assistant at (section 19).
    os.environ.setdefault("POLICY_ASSISTANT_URL", url.rstrip("/"))
    os.environ.pop(REPLICA_ENV, None)  # set below for our own workers, never inherited
    app = "ui.api.worker:create_worker_app"  # what each of several workers imports
    try:
        with progress_bar("updating the index") as advance:
            stats = build_index(progress=advance)
        console.print(
            f"index ready: {stats.points} points ({stats.embedded} embedded) "
            f"in {stats.seconds:.1f} s"
        )
        if workers > 1:
            prepare_workers(ui)
        else:
            with console.status("loading models and warming up"):
                from assistant.factory import build_assistant

                settings = ApiSettings.from_env()
                settings = replace(settings, ui=ui and settings.ui)
                app = create_app(build_assistant(), settings)
    except IndexUnavailable as exc:
        fail(str(exc), kind="index_unavailable")
    except StorageUnavailable as exc:
        fail(str(exc), kind="storage_unavailable")
    except ValueError as exc:  # a malformed POLICY_* setting
        fail(str(exc), kind="configuration")
    more = f"; {workers} workers are loading the models" if workers > 1 else ""
    console.print(f"ready in {time.perf_counter() - started:.1f} s{more}")
    console.print(f"[bold green]Policy Assistant:[/bold green] {url}  (API docs: {url}api/docs)")
    print(url, flush=True)
    logging.basicConfig(level=logging.INFO)
    uvicorn.run(
        app,
        factory=workers > 1,
        http=NoDelayHTTPProtocol,
        host=host,
        port=port,
        log_level=log_level,
        workers=workers,
        access_log=False,
    )


def prepare_workers(ui: bool) -> None:
    """What workers must not race on, done once: the index copy and the schema."""
    from assistant.storage.repository import Repository
    from indexing.config import IndexSettings
    from indexing.qdrant import open_client
    from indexing.replica import REPLICA_ENV, export_replica
    from ui.api import ApiSettings

    settings = IndexSettings.from_env()
    if not settings.qdrant_url:
        client = open_client(settings)
        try:
            os.environ[REPLICA_ENV] = str(export_replica(client, settings))
        finally:
            client.close()  # releases the embedded store's lock
    Repository.open().close()  # Alembic upgrade to head before any worker opens it
    os.environ["POLICY_UI"] = "1" if ui and ApiSettings.from_env().ui else "0"
