"""The production HTTP server for ``presswatch run``, ``up`` and ``demo``: waitress.

Why waitress (docs/OPERATIONS.md says more): it is pure Python (no compiler, installs from PyPI
like the rest), runs on Linux and Windows alike, and serves a fixed pool of worker threads behind
an asynchronous front end that reads whole requests before a thread sees them, so a slow or idle
client holds a socket, not a worker. Werkzeug's server (``flask run``) starts one unbounded thread
per connection and says itself that it is for development only.
"""

from __future__ import annotations

import errno
import signal
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from flask import Flask

from search.config import settings


def _env_int(name: str, default: int) -> int:
    number = settings().integer(name, default)
    if number < 1:
        raise ValueError(f"{name} must be at least 1, not {number}")
    return number


@dataclass(frozen=True)
class ServerSettings:
    threads: int = 8  # requests handled at once; more wait in waitress's queue
    connections: int = 200  # open client connections; more wait in the listen backlog
    channel_timeout: int = 60  # seconds a connection may stay idle (a half-sent request too)
    max_body: int = 16 * 1024 * 1024  # bytes of a request body (forms, topic profiles)

    @classmethod
    def from_env(cls) -> ServerSettings:
        """``PRESSWATCH_WEB_THREADS``, ``_CONNECTIONS``, ``_TIMEOUT`` and ``_MAX_BODY_MB``."""
        return cls(
            threads=_env_int("PRESSWATCH_WEB_THREADS", cls.threads),
            connections=_env_int("PRESSWATCH_WEB_CONNECTIONS", cls.connections),
            channel_timeout=_env_int("PRESSWATCH_WEB_TIMEOUT", cls.channel_timeout),
            max_body=_env_int("PRESSWATCH_WEB_MAX_BODY_MB", cls.max_body // 2**20) * 2**20,
        )


class PortInUse(OSError):
    """The address is taken by another listener (a demo or app still running): the message says
    which and what to do, for the commands to print instead of waitress's traceback."""

    def __init__(self, host: str, port: int) -> None:
        super().__init__(
            errno.EADDRINUSE,
            f"Port {port} on {host} is already in use (another Presswatch or another program "
            "listens there): stop it, or choose another port with --port.",
        )

    def __str__(self) -> str:
        return str(self.strerror)


def port_problem(host: str, port: int) -> str | None:
    """Why ``port`` cannot be served on, None when it can: a command that works before it serves
    (the demo crawls first) asks here so it does not do that work for nothing."""
    if port == 0:
        return None
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as waitress binds
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return str(PortInUse(host, port))
            raise
    return None


def make_server(app: Flask, host: str, port: int, settings: ServerSettings | None = None) -> Any:
    """A bound waitress server (``port`` 0 picks a free one: ``server.effective_port``); a port
    another program holds raises ``PortInUse``."""
    from waitress.server import create_server

    settings = settings or ServerSettings.from_env()
    try:
        return create_server(
            app,
            host=host,
            port=port,
            threads=settings.threads,
            connection_limit=settings.connections,
            channel_timeout=settings.channel_timeout,
            max_request_body_size=settings.max_body,
            # How often idle connections are looked for (at most the timeout itself).
            cleanup_interval=min(30, settings.channel_timeout),
            ident="presswatch",
            # X-Forwarded-* are judged by the app (ProxyFix, PRESSWATCH_TRUSTED_PROXIES), which
            # ignores them unless a proxy is configured; waitress passes them on untouched.
            clear_untrusted_proxy_headers=False,
        )
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise PortInUse(host, port) from None
        raise


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(
    app: Flask,
    host: str,
    port: int,
    settings: ServerSettings | None = None,
    listening: Callable[[], object] | None = None,
) -> None:
    """Serve until Ctrl-C or SIGTERM (what systemd and docker send); then return, after the
    requests in progress have finished (waitress waits for its threads). ``listening`` is called
    once the port is bound (a server that could not bind it records nothing)."""
    server = make_server(app, host, port, settings)
    if listening is not None:
        listening()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.run()  # returns after KeyboardInterrupt/SystemExit, worker threads stopped
    finally:
        server.close()


@contextmanager
def serving_in_thread(
    app: Flask, host: str = "127.0.0.1", port: int = 0, settings: ServerSettings | None = None
) -> Iterator[str]:
    """Serve ``app`` from a background thread (tests, benchmarks); yields the base URL."""
    from waitress import wasyncore

    server = make_server(app, host, port, settings)
    stop = threading.Event()

    def loop() -> None:
        # waitress's run() cannot be stopped from another thread: poll in short steps, then close
        # every socket from this same thread (closing them under a running select() fails).
        while not stop.is_set():
            wasyncore.loop(timeout=0.1, map=server._map, count=1)
        wasyncore.close_all(server._map)
        server.task_dispatcher.shutdown()

    thread = threading.Thread(target=loop, name="waitress", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.effective_port}"
    finally:
        stop.set()
        thread.join(timeout=10)
