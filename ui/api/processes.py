"""The process manager of `serve --workers N`: uvicorn's, with one listening socket per worker.

uvicorn's manager binds one socket and shares it: whichever worker wakes first accepts every
connection waiting, so a burst of keep-alive connections can all land on one worker while
the other idles (measured: at 32 clients one worker did all the work, the other none). Here
every worker binds its own socket with SO_REUSEPORT, and the kernel spreads new
connections over them. The parent checks that the port is free first (a plain bind, which
also fails against another server's reuse-port sockets), so a second server can never
silently join this one. Where SO_REUSEPORT is missing, the shared socket is kept.
"""

from __future__ import annotations

import socket

import uvicorn
from uvicorn.supervisors import multiprocess

REUSE_PORT = hasattr(socket, "SO_REUSEPORT")


def listening_socket(host: str, port: int, backlog: int, reuse_port: bool) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


class OwnSocketProcess(multiprocess.Process):
    """A worker that listens on a socket of its own (bound in the worker, on start)."""

    def target(self, sockets: list[socket.socket] | None = None) -> None:  # pragma: no cover
        config = self.config
        own = listening_socket(config.host, config.port, config.backlog, reuse_port=True)
        super().target([own])


def run(config: uvicorn.Config) -> None:
    """Serve `config` (an import string with workers > 1) until a signal stops it."""
    if not REUSE_PORT:
        multiprocess.Multiprocess(config, sockets=[config.bind_socket()]).run()
        return
    # fails clearly if anything listens there, our own reuse-port workers included
    listening_socket(config.host, config.port, config.backlog, reuse_port=False).close()
    # uvicorn's manager starts (and restarts) workers through this module-level name
    multiprocess.Process = OwnSocketProcess  # type: ignore[misc]
    multiprocess.Multiprocess(config, sockets=[]).run()
