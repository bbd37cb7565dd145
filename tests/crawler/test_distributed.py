"""Two crawler processes sharing one Redis queue (scrapy-redis) crawl the sample press together.

Debian's redis-server is started on a free loopback port for the test and stopped after it. Each
worker has its own data folder (its own embedded index), so the test can tell who indexed what:
together they index every article, and no article twice.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from presswatch.sample_press.server import REGISTRY as SAMPLE_REGISTRY
from search.backends.embedded import EmbeddedBackend
from search.document import document_id

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path) -> Iterator[str]:
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is missing: scripts/install-system-deps.sh installs Debian's redis-server")
    port = free_port()
    process = subprocess.Popen(
        [
            server,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
                connection.sendall(b"PING\r\n")
                if connection.recv(16).startswith(b"+PONG"):
                    break
        except OSError:
            pass
        assert process.poll() is None and time.monotonic() < deadline, "redis-server did not start"
        time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=20)


def worker(sample_url: str, data_dir: Path, redis_url: str, run: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(data_dir),
        "PRESSWATCH_ELASTICSEARCH_URL": "",
        "PRESSWATCH_REDIS_URL": redis_url,
        "PRESSWATCH_CRAWL_RUN": run,
        "PRESSWATCH_REDIS_IDLE_SECONDS": "3",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crawler.run",
            "--registry",
            str(SAMPLE_REGISTRY),
            "--sample-url",
            sample_url,
            "--stats",
            str(data_dir / "stats.json"),
        ],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_workers_share_one_queue_and_index_every_article_exactly_once(sample_press, redis_url, tmp_path):
    start = len(sample_press.request_log)
    run = f"test-{uuid.uuid4().hex[:8]}"
    folders = [tmp_path / "worker1", tmp_path / "worker2"]
    processes = [worker(sample_press.base_url, folder, redis_url, run) for folder in folders]
    for process in processes:
        _, err = process.communicate(timeout=400)
        assert process.returncode == 0, err[-3000:]
    expected = {document_id(sample_press.url_for(a)) for a in sample_press.articles}
    indexed = [EmbeddedBackend(folder / "index.sqlite3").ids() for folder in folders]
    assert indexed[0] | indexed[1] == expected
    assert not indexed[0] & indexed[1], "an article was indexed by both workers"
    assert indexed[0] and indexed[1], "one worker did all the work"
    # Each article page was fetched once in all; the discovery routes were queued by one worker.
    paths = {sample_press.url_for(a)[len(sample_press.base_url) :] for a in sample_press.articles}
    fetched = Counter(p for p in sample_press.request_log[start:] if p in paths)
    assert set(fetched) == paths and set(fetched.values()) == {1}
    stats = [json.loads((folder / "stats.json").read_text()) for folder in folders]
    items = sum(s.get("item_scraped_count", 0) for s in stats)
    assert items == len(expected)
