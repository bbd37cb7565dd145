"""A port another program already listens on is a clear error, before the demo crawls.

Found by walk8 (2026-12-03) running README's first command twice: with a first `presswatch demo`
still serving (another terminal), the second crawled the sample press for half a minute and then
ended in waitress's "OSError: [Errno 98] Address already in use" traceback; `presswatch run` on a
busy port printed the same traceback. Both now say which port is taken and what to do, exit 1, and
the demo says it before crawling.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def busy_port():
    """A port a first server holds (listening, as a running demo or app does)."""
    holder = socket.socket()
    holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    yield holder.getsockname()[1]
    holder.close()


def _presswatch(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(data), "PRESSWATCH_SECRET_KEY": "port-test"}
    env.pop("PRESSWATCH_ELASTICSEARCH_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "presswatch", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("command", ["demo", "run", "up"])
def test_a_port_already_in_use_is_a_clear_error(tmp_path, busy_port, command):
    result = _presswatch(tmp_path, command, "--port", str(busy_port))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert f"Port {busy_port} on 127.0.0.1 is already in use" in result.stderr, result.stderr[-2000:]
    assert "--port" in result.stderr
    assert "Crawled" not in result.stdout  # the demo did not crawl for nothing first
