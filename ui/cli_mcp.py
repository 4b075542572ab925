"""`policy-assistant mcp`: the assistant as an MCP server over stdio, for MCP clients that
start it themselves (Claude Desktop, IDE agents, the SDK's stdio client).

stdout carries the protocol and nothing else. The index build (first run), model loading
and every log line go to stderr, and until the server takes stdout over, whatever a
library prints there is sent to stderr too: one stray byte would break the client.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from typing import Annotated

import typer

from ui.console import configured, console, fail, progress_bar, start_failures

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def mcp(
    log_level: Annotated[
        str, typer.Option("--log-level", help="Log level (stderr): debug, info, warning, error.")
    ] = "warning",
) -> None:
    """Serve the MCP server over stdio: tools search_policy, get_clause, ask and every policy
    tool; resources clause://{id}?lang= and glossary://. The index is built on first use."""
    from ui.api.engine import Engine
    from ui.mcp import build_mcp_server

    level = getattr(logging, log_level.upper(), None)
    if not isinstance(level, int):
        fail(f"unknown log level {log_level!r}: use debug, info, warning or error", code=2)
    logging.basicConfig(level=level, stream=sys.stderr, format=LOG_FORMAT, force=True)
    settings = configured()
    with start_failures(), stdout_to_stderr():
        console.print("loading the index and models (the first run builds the index)")
        with progress_bar("building the index (first use)") as advance:
            assistant = settings.build_assistant(progress=advance)
        engine = Engine(assistant)
        engine.warm_up()
        server = build_mcp_server(engine)
    console.print(f"Policy Assistant {assistant.version}: MCP server on stdio")
    try:
        server.run("stdio")
    except KeyboardInterrupt:
        pass
    finally:
        assistant.retriever.close()
        if assistant.store is not None:
            assistant.store.close()


@contextlib.contextmanager
def stdout_to_stderr() -> Iterator[None]:
    """Point stdout (Python's and, where it is a real descriptor, fd 1) at stderr while
    inside, so nothing printed before the server starts can reach the protocol stream."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
        os.dup2(2, 1)
    except OSError:  # no descriptor 1 to divert: Python's stdout is still redirected
        saved = None
    try:
        with contextlib.redirect_stdout(sys.stderr):
            yield
    finally:
        if saved is not None:
            os.dup2(saved, 1)
            os.close(saved)
