"""`presswatch run` serves with waitress, not Werkzeug's development server: a bounded thread pool,
idle connections dropped after PRESSWATCH_WEB_TIMEOUT, no development-server warning, Ctrl-C stops it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.web.test_digest_support import free_port

REPO = Path(__file__).resolve().parents[2]


def start_run(data_dir: Path) -> tuple[str, subprocess.Popen]:
    """``presswatch run`` on a free port with a 2-second idle timeout, once it answers."""
    port = free_port()
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(data_dir),
        "PRESSWATCH_SECRET_KEY": "serving-test",
        "PRESSWATCH_WEB_TIMEOUT": "2",
        "PRESSWATCH_WEB_THREADS": "3",
    }
    env.pop("PRESSWATCH_ELASTICSEARCH_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "presswatch", "run", "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/auth/login", timeout=5).close()
            return url, process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"presswatch run did not serve:\n{process.stdout.read()[-3000:]}")
            time.sleep(0.2)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """``presswatch run`` for the module; yields (url, process)."""
    url, process = start_run(tmp_path_factory.mktemp("served"))
    yield url, process
    if process.poll() is None:
        process.kill()
        process.wait()


def test_presswatch_run_is_not_the_development_server(served):
    url, _ = served
    with urllib.request.urlopen(f"{url}/auth/login", timeout=10) as response:
        server = response.headers.get("Server", "")
    assert "werkzeug" not in server.lower() and server == "presswatch"


def test_an_idle_half_sent_request_is_dropped_after_the_timeout(served):
    """A client that sends half a request and waits (slowloris) loses its connection; on
    Werkzeug's server it keeps a thread forever."""
    url, _ = served
    port = int(url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(b"GET /auth/login HTTP/1.1\r\nHost: x\r\n")
        try:
            assert sock.recv(1024) == b""  # closed by the server, not answered
        except TimeoutError:
            pytest.fail("the server kept an idle half-sent request open for 30 s")


def test_more_clients_than_threads_are_all_served(served):
    """Three worker threads, twelve concurrent requests: the rest wait in the queue, none fail."""
    from concurrent.futures import ThreadPoolExecutor

    url, _ = served

    def fetch(_: int) -> int:
        with urllib.request.urlopen(f"{url}/auth/login", timeout=30) as response:
            return response.status

    with ThreadPoolExecutor(12) as pool:
        assert list(pool.map(fetch, range(12))) == [200] * 12


def test_ctrl_c_stops_it_without_the_development_warning(served):
    _, process = served
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    assert "Presswatch: http://127.0.0.1:" in output and "3 threads" in output
    assert "development server" not in output.lower(), output


def test_sigterm_stops_it_cleanly(tmp_path):
    """What systemctl stop and docker stop send: the server returns and the command exits 0."""
    _, process = start_run(tmp_path)
    try:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0 and "Presswatch stopped." in output, output


def test_a_bad_server_setting_is_a_clear_error(tmp_path):
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(tmp_path), "PRESSWATCH_WEB_THREADS": "many"}
    result = subprocess.run(
        [sys.executable, "-m", "presswatch", "run", "--port", str(free_port())],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "PRESSWATCH_WEB_THREADS must be a whole number" in result.stderr
    assert "Traceback" not in result.stderr
