"""Three writers on one embedded index at once, each a real process: a crawl, `presswatch retag`,
and the web app retagging after an admin deletes a topic (issue 16, item 8). A deferred BEGIN
that read and then wrote failed at once with "database is locked" (SQLITE_BUSY_SNAPSHOT skips
the busy timeout); every write transaction now takes the lock first and waits for it."""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bench.synthetic import documents
from search.backends.embedded import EmbeddedBackend
from search.document import document_id

ROOT = Path(__file__).resolve().parents[2]
SEEDED = 1500  # enough that both retags write for as long as the crawl runs


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _presswatch(*args: str, env: dict[str, str], **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "presswatch", *args],
        env=env,
        cwd=ROOT,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,
    )


def _wait_for_server(opener, base: str, process: subprocess.Popen) -> str:
    deadline = time.monotonic() + 120
    while True:
        try:
            return opener.open(f"{base}/auth/login", timeout=5).read().decode()
        except OSError:
            assert process.poll() is None, process.communicate()[1][-3000:]
            assert time.monotonic() < deadline, "the web app never served its login page"
            time.sleep(0.2)


def _token(page: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def test_a_crawl_a_retag_and_the_web_app_write_one_index_at_once_and_lose_nothing(tmp_path, sample_press):
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(tmp_path), "PRESSWATCH_ELASTICSEARCH_URL": ""}
    index_path = tmp_path / "index.sqlite3"
    seeded = EmbeddedBackend(index_path)
    seeded.index(list(documents(SEEDED, seed=3)))
    seeded_ids = seeded.ids()
    seeded.close()
    created = subprocess.run(
        [
            sys.executable,
            "-m",
            "presswatch",
            "users",
            "create",
            "--email",
            "admin@example.vn",
            "--role",
            "admin",
            "--password",
            "mat-khau-123",
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert created.returncode == 0, created.stderr

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _presswatch("run", "--host", "127.0.0.1", "--port", str(port), env=env)
    crawl = retag = None
    try:
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = _wait_for_server(opener, base, server)
        form = {"csrf_token": _token(page), "email": "admin@example.vn", "password": "mat-khau-123"}
        opener.open(f"{base}/auth/login", urllib.parse.urlencode(form).encode(), timeout=30)
        topics = opener.open(f"{base}/admin/topics", timeout=30).read().decode()
        key = re.search(r'action="/admin/topics/delete/([a-z0-9_]+)"', topics).group(1)
        version = re.search(r'name="version" value="([^"]*)"', topics).group(1)

        crawl = _presswatch("crawl", "--sample-url", sample_press.base_url, env=env)
        retag = _presswatch("retag", "--batch-size", "25", env=env)
        deleted = opener.open(
            f"{base}/admin/topics/delete/{key}",
            urllib.parse.urlencode({"csrf_token": _token(topics), "version": version}).encode(),
            timeout=30,
        )
        job_url = deleted.url
        assert "/admin/jobs/" in job_url

        crawl_out, crawl_err = crawl.communicate(timeout=600)
        retag_out, retag_err = retag.communicate(timeout=600)
        deadline = time.monotonic() + 300
        while (
            state := re.search(r'data-state="(\w+)"', opener.open(job_url, timeout=30).read().decode()).group(
                1
            )
        ) in ("queued", "running"):
            assert time.monotonic() < deadline, "the web app's retag never finished"
            time.sleep(0.5)
    finally:
        for process in (crawl, retag, server):
            if process and process.poll() is None:
                process.terminate()
                process.wait(timeout=30)
    server_err = server.communicate()[1]

    assert crawl.returncode == 0, crawl_err[-3000:]
    assert ", 0 index errors." in crawl_out, crawl_out
    assert retag.returncode == 0, retag_err[-3000:]
    written, total = re.search(r"Retagged (\d+) of (\d+) articles", retag_out).groups()
    assert written == total and int(total) >= SEEDED, retag_out
    assert state == "done", server_err[-3000:]
    for output in (crawl_err, retag_err, server_err):
        assert "database is locked" not in output
    index = EmbeddedBackend(index_path)
    crawled = {document_id(sample_press.url_for(article)) for article in sample_press.articles}
    assert index.ids() == seeded_ids | crawled  # every seeded and every crawled article, once
    assert index.count() == len(seeded_ids | crawled)
