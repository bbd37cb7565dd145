"""The address links in mails point at: ``PRESSWATCH_BASE_URL``, else the address the data folder's
web server was last started with, else the default.

`presswatch digest send` usually runs in another process than the server (cron, a shell, the
scheduler of `presswatch up`), with an environment that may lack PRESSWATCH_BASE_URL; every mail then
linked to http://127.0.0.1:5000 wherever the folder's server ran (walk5). So `presswatch run`, `up`
and `demo` record in the data folder (``SERVER_FILE``) the address they serve at (their configured
PRESSWATCH_BASE_URL when set), and the digest reads it; the command says which address it used
when it was not configured, since a listening address is not always the one staff open.
"""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from search.config import SERVER_FILE, settings
from search.private_files import write_private

DEFAULT_BASE_URL = "http://127.0.0.1:5000"
_ANY_INTERFACE = ("", "0.0.0.0", "::", "[::]")


@dataclass(frozen=True)
class BaseUrl:
    url: str
    source: str  # "configured" (PRESSWATCH_BASE_URL), "server" (SERVER_FILE) or "default"
    recorded_by: str = ""  # for "server": what the record says about the server


def _configured(config: dict[str, Any] | Any) -> str:
    value = config.get("PRESSWATCH_BASE_URL") or settings().get("PRESSWATCH_BASE_URL", "")
    return str(value or "").rstrip("/")


def listening_url(host: str, port: int) -> str:
    """``http://host:port``; on every interface, this machine's name (127.0.0.1 serves only it)."""
    if host in _ANY_INTERFACE:
        host = socket.getfqdn()
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


def record(config: dict[str, Any] | Any, host: str, port: int, command: str) -> str:
    """Write the address this server is reached at into the data folder; returns it."""
    configured = _configured(config)
    url = configured or listening_url(host, port)
    entry = {
        "base_url": url,
        "configured": bool(configured),
        "command": command,
        "listening": f"{host}:{port}",
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    path = Path(config["PRESSWATCH_DATA_DIR"]) / SERVER_FILE
    write_private(path, json.dumps(entry, ensure_ascii=False).encode())
    return url


def resolve(config: dict[str, Any] | Any) -> BaseUrl:
    """The links' address for an app's configuration (its data folder's record, read each time)."""
    configured = _configured(config)
    if configured:
        return BaseUrl(configured, "configured")
    try:
        path = Path(config["PRESSWATCH_DATA_DIR"]) / SERVER_FILE
        entry = json.loads(path.read_text(encoding="utf-8"))
        url = str(entry["base_url"]).rstrip("/")
        if url.startswith(("http://", "https://")):
            return BaseUrl(
                url, "server", f"`presswatch {entry.get('command', 'run')}` started {entry.get('started')}"
            )
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no server has run here yet, or the record is unreadable: the default, said aloud
    return BaseUrl(DEFAULT_BASE_URL, "default")


def note(base: BaseUrl) -> str:
    """What a command that sends mail says about its links' address, or "" when it was configured."""
    if base.source == "server":
        return (
            f"Links in mails use {base.url}, the address this data folder's server recorded "
            f"({base.recorded_by}); set PRESSWATCH_BASE_URL to the address staff open if it differs."
        )
    if base.source == "default":
        return (
            f"PRESSWATCH_BASE_URL is not set and no server has run on this data folder: links in mails "
            f"use {base.url}. Set PRESSWATCH_BASE_URL to the address staff open."
        )
    return ""
