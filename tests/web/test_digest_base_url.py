"""Links in mails sent by `presswatch digest send` run from another shell, as cron runs it: the
command is typed in a subprocess over a data folder whose server (`presswatch run --port N`) runs
in another one, mail goes to a real aiosmtpd server, and the links are read from the mail.

fix6 (walk5): without PRESSWATCH_BASE_URL in the command's own environment its links went to
http://127.0.0.1:5000, wherever the data folder's server ran."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.web.test_digest_support import add_subscription, corpus, free_port, index, make_app


def presswatch(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presswatch", *args], env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def data_folder(smtp):
    """A data folder with the digest corpus and one subscription, and the environment of a shell
    that knows it and the SMTP server but not PRESSWATCH_BASE_URL."""
    app = make_app(smtp, PRESSWATCH_BASE_URL="")
    index(app, corpus())
    add_subscription(app)
    env = {k: v for k, v in os.environ.items() if k != "PRESSWATCH_BASE_URL"}
    env.update({k: str(v) for k, v in smtp.config().items()})
    env.update(
        PRESSWATCH_DATA_DIR=str(app.config["PRESSWATCH_DATA_DIR"]),
        PRESSWATCH_ELASTICSEARCH_URL="",
        PRESSWATCH_MAIL_FROM="Presswatch <diem-bao@tuyengiao.test>",
    )
    return env


def app_links(smtp) -> list[str]:
    (message,) = smtp.messages
    html = message.get_body(("html",)).get_content()
    return [link for link in re.findall(r'href="(http[^"]+)"', html) if "/articles/" in link]


def wait_until_serving(url: str, server: subprocess.Popen[str]) -> None:
    for _ in range(2400):  # up to two minutes, looked at every 50 ms
        assert server.poll() is None, server.communicate()[0][-2000:]
        try:
            with urllib.request.urlopen(url + "/auth/login", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"{url} never answered")


@contextmanager
def folder_server(env: dict[str, str]) -> Iterator[str]:
    """`presswatch run --port N` over the data folder, in its own process, once it answers; its URL."""
    port = free_port()
    served = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "presswatch", "run", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_until_serving(served, server)
        yield served
    finally:
        server.terminate()
        server.wait(timeout=60)


def test_digest_send_from_another_shell_links_to_the_folders_server(data_folder, smtp):
    with folder_server(data_folder) as served:
        sent = presswatch("digest", "send", "--date", "2026-11-19", "--no-alerts", env=data_folder)
    assert sent.returncode == 0, sent.stderr[-2000:]
    links = app_links(smtp)
    assert links and all(link.startswith(served + "/articles/") for link in links), links
    # The command says which address its links use and where it took it from.
    assert served in sent.stderr and "PRESSWATCH_BASE_URL" in sent.stderr, sent.stderr


def test_without_any_address_the_command_says_so(data_folder, smtp):
    sent = presswatch("digest", "send", "--date", "2026-11-19", "--no-alerts", env=data_folder)
    assert sent.returncode == 0, sent.stderr[-2000:]
    assert all(link.startswith("http://127.0.0.1:5000/") for link in app_links(smtp))
    assert "PRESSWATCH_BASE_URL is not set" in sent.stderr and "http://127.0.0.1:5000" in sent.stderr


def test_the_configured_address_wins_and_needs_no_note(data_folder, smtp):
    env = {**data_folder, "PRESSWATCH_BASE_URL": "https://baochi.bacninh.example"}
    sent = presswatch("digest", "send", "--date", "2026-11-19", "--no-alerts", env=env)
    assert sent.returncode == 0, sent.stderr[-2000:]
    assert all(link.startswith("https://baochi.bacninh.example/articles/") for link in app_links(smtp))
    assert "PRESSWATCH_BASE_URL" not in sent.stderr


def test_a_server_that_cannot_bind_its_port_records_nothing(data_folder, smtp):
    """Only a server that serves says where it is: a second `presswatch run` on a port already
    taken fails and leaves the links on the first one."""
    taken = free_port()
    with folder_server(data_folder) as served:
        with socket.socket() as blocker:
            blocker.bind(("127.0.0.1", taken))
            blocker.listen()
            failed = presswatch("run", "--port", str(taken), env=data_folder)
        assert failed.returncode != 0
        sent = presswatch("digest", "send", "--date", "2026-11-19", "--no-alerts", env=data_folder)
    assert sent.returncode == 0, sent.stderr[-2000:]
    assert all(link.startswith(served + "/articles/") for link in app_links(smtp))
