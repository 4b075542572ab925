"""`policy-assistant serve`: build or update the index, load the models, serve API and UI.

Everything heavy happens before the port opens (index update with a progress bar, model
loading, warm-up), so the first request after "serving on" pays for none of it.

With `--workers N` a child process builds the index (which saves the read-only copy
the workers load: embedded Qdrant admits one process; with QDRANT_URL they share the
server) and migrates the database once; then the parent hands the port to uvicorn's
process manager, which starts N workers (each listening on the port with a socket of its own:
ui/api/processes.py) and replaces any that dies. The parent itself
never loads the models or the index, so the process manager stays small. The workers get
the parent's settings as one serialized Settings (POLICY_SETTINGS: the index copy, the
served link, the UI flag).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from typing import TYPE_CHECKING, Annotated

import typer

from ui.console import configured, console, fail, progress_bar, start_failures

if TYPE_CHECKING:
    from ui.settings import Settings

HostOpt = Annotated[str, typer.Option("--host", help="Address to listen on.")]
PortOpt = Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")]


def serve(
    host: HostOpt = "127.0.0.1",
    port: PortOpt = 8000,
    ui: Annotated[bool, typer.Option("--ui/--no-ui", help="Mount the chat UI at /.")] = True,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "info",
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            help="Worker processes (each loads the models and the index copy: about 350 MiB "
            "apiece); "
            "default POLICY_WORKERS, else 1.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the web API (/api, docs at /api/docs) and the chat UI (/) on one port."""
    import uvicorn

    from ui.api.protocol import NoDelayHTTPProtocol

    started = time.perf_counter()
    shown = "localhost" if host in ("0.0.0.0", "::") else host
    url = f"http://{shown}:{port}/"
    settings = configured()
    workers = workers or settings.workers
    settings = settings.model_copy(
        update={
            # Disclosure statements name the link users reach the assistant at (section 19).
            "assistant_url": settings.assistant_url or url.rstrip("/"),
            "index_replica": None,  # set below for our own workers, never inherited
            "ui": ui and settings.ui,
            "workers": workers,
        }
    )
    app = "ui.api.worker:create_worker_app"  # what each of several workers imports
    with start_failures():
        if workers > 1:
            prepare_workers(settings)
        else:
            from ui.api import create_app

            update_index(settings)
            with console.status("loading models and warming up"):
                app = create_app(settings.build_assistant(), settings.api())
    more = f"; {workers} workers are loading the models" if workers > 1 else ""
    console.print(f"ready in {time.perf_counter() - started:.1f} s{more}")
    console.print(f"[bold green]Policy Assistant:[/bold green] {url}  (API docs: {url}api/docs)")
    print(url, flush=True)
    logging.basicConfig(level=logging.INFO)
    options = {"http": NoDelayHTTPProtocol, "host": host, "port": port, "log_level": log_level}
    if workers == 1:
        uvicorn.run(app, access_log=False, **options)
        return
    from ui.api import processes

    config = uvicorn.Config(app, factory=True, workers=workers, access_log=False, **options)
    try:
        processes.run(config)  # a listening socket per worker (ui/api/processes.py)
    except OSError as exc:  # the port is taken, or the address is not ours
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")


def update_index(settings: Settings) -> None:
    from indexing.build import build_index

    with progress_bar("updating the index") as advance:
        stats = build_index(settings.index(), progress=advance)
    console.print(
        f"index ready: {stats.points} points ({stats.embedded} embedded) in {stats.seconds:.1f} s"
    )


def prepare_workers(settings: Settings) -> Settings:
    """What workers must not race on, done once, in a child process (the index and its
    copy, the schema); then the settings, index copy included, go to the workers as one
    environment variable."""
    from indexing.errors import IndexUnavailable
    from indexing.replica import current_replica

    child = subprocess.run(
        [sys.executable, "-m", "ui.cli_serve"], env={**os.environ, **settings.worker_environ()}
    )
    if child.returncode != 0:
        raise typer.Exit(child.returncode)  # the child has said why
    index = settings.index()
    if not index.qdrant_url:
        replica = current_replica(index)
        if replica is None:
            raise IndexUnavailable("the index build saved no copy: run `policy-assistant index`")
        settings = settings.model_copy(update={"index_replica": replica})
    os.environ.update(settings.worker_environ())  # uvicorn's workers inherit it
    # The embedder parallelises one question over OpenMP threads: with as many busy workers
    # as cores, those threads only compete (and spin) for the same cores, so each worker
    # embeds with its share of them (an explicit OMP_NUM_THREADS wins).
    os.environ.setdefault("OMP_NUM_THREADS", str(embedder_threads(settings.workers)))
    return settings


def embedder_threads(workers: int) -> int:
    """Each worker's share of the cores this process may run on (at least one)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, (cores or 1) // max(1, workers))


def _prepare() -> None:
    """The child's part: build or update the index (a build saves the copy the workers
    load), and bring the schema to head (Alembic) before any worker opens it."""
    from assistant.storage.repository import Repository
    from ui.settings import Settings

    with start_failures():
        settings = Settings.inherited()
        update_index(settings)
        Repository.open(settings.database_url).close()


if __name__ == "__main__":
    _prepare()
