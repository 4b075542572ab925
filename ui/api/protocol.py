"""The HTTP protocol every `serve` process speaks: uvicorn's, with TCP_NODELAY."""

from __future__ import annotations

import socket

from uvicorn.protocols.http.auto import AutoHTTPProtocol


class NoDelayHTTPProtocol(AutoHTTPProtocol):  # type: ignore[misc, valid-type]
    """uvicorn's HTTP protocol with TCP_NODELAY on every connection.

    With several workers uvicorn binds the listening socket itself, without naming TCP as
    its protocol, and asyncio then leaves Nagle's algorithm on for the connections it
    accepts: a response written in two parts waits for the client's delayed ACK, about
    40 ms a request on Linux (measured: a tool call took 44 ms instead of 3.4 ms).
    """

    def connection_made(self, transport) -> None:  # noqa: ANN001 - asyncio's transport
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
