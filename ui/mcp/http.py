"""/mcp on the web app: the MCP server over streamable HTTP, beside /api and /v1.

Stateless, with JSON responses: every POST is answered on its own and no MCP session is
kept, so `serve --workers N` may hand any request to any worker; conversations continue by
the `conversation_id` that `ask` returns, as on /api/chat. Both /mcp and /mcp/ answer; GET
(the stream for messages the server starts, which it never does) is 405.

The SDK's session manager must run inside the app's lifespan and can run only once, while
one app may be started more than once (each TestClient starts it anew, possibly while
another runs, each on its own event loop): every start gets a manager of its own, and a
request goes to the manager started on its event loop.

Host-header (DNS-rebinding) checks are off, as for /api: the app is reached by whatever
name its deployment gives it (a reverse proxy, a campus host name), and /mcp serves nothing
that /api does not. Cross-origin browsers stay out as on /api (POST needs a JSON content
type, hence a CORS preflight that only POLICY_CORS_ORIGINS pass). Body size and request
rate are limited by the app's middleware (ui/api/limits.py), as for /api.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from mcp.server.mcpserver import MCPServer
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from starlette.responses import JSONResponse
from starlette.types import Receive, Scope, Send

from ui.api.engine import Engine
from ui.mcp.server import build_mcp_server

MCP_PATH = "/mcp"
NO_HOST_CHECK = TransportSecuritySettings(enable_dns_rebinding_protection=False)


class McpEndpoint:
    """The ASGI app at /mcp: hands each request to the manager running on its event loop."""

    def __init__(self, server: MCPServer) -> None:
        self.server = server
        self._managers: dict[asyncio.AbstractEventLoop, StreamableHTTPSessionManager] = {}

    @asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        """One start of the app: a fresh session manager, running until the app stops."""
        self.server.streamable_http_app(
            streamable_http_path=MCP_PATH,
            stateless_http=True,
            json_response=True,
            transport_security=NO_HOST_CHECK,
        )
        manager = self.server.session_manager  # the one that call just made
        loop = asyncio.get_running_loop()
        async with manager.run():
            self._managers[loop] = manager
            try:
                yield
            finally:
                self._managers.pop(loop, None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            # Stateless: the server never speaks first, so there is no event stream to open;
            # MCP's answer for that is 405 (and no connection is left hanging).
            refusal = _refusal(405, "method_not_allowed", "POST MCP messages here.")
            refusal.headers["Allow"] = "POST"
            await refusal(scope, receive, send)
            return
        manager = self._managers.get(asyncio.get_running_loop())
        if manager is None:  # a request outside the app's lifespan
            await _refusal(503, "not_ready", "The MCP server is not running.")(scope, receive, send)
            return
        await manager.handle_request(scope, receive, send)


def _refusal(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def mount_mcp(app: FastAPI, engine: Engine) -> MCPServer:
    """Serve a new MCP server on `engine` at /mcp (and /mcp/), run in the app's lifespan.

    Call it before anything is mounted at / (the chat UI), which would answer first."""
    server = build_mcp_server(engine)
    endpoint = McpEndpoint(server)
    for path in (MCP_PATH, f"{MCP_PATH}/"):
        app.router.add_route(path, endpoint, include_in_schema=False)
    outer = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(started: Any) -> AsyncIterator[Any]:
        async with outer(started) as state, endpoint.running():
            yield state

    app.router.lifespan_context = lifespan
    return server
