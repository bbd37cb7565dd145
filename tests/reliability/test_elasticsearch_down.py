"""Elasticsearch killed mid-crawl, then restarted: every extracted article ends up indexed once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from presswatch.elasticsearch_node import Node, NodeError, cache_dir
from search.backends.elastic import ElasticsearchBackend
from search.document import document_id
from search.spool import Spool

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def own_node():
    node = Node(
        name=f"fault-{uuid.uuid4().hex[:6]}",
        heap="512m",
        base_dir=cache_dir() / "nodes" / f"fault-{uuid.uuid4().hex[:6]}",
    )
    try:
        node.start(progress=lambda message: None)
    except NodeError as error:
        pytest.fail(f"Elasticsearch could not start: {error}", pytrace=False)
    yield node
    node.stop()
    shutil.rmtree(node.base_dir, ignore_errors=True)


def es_count(url: str, alias: str) -> int:
    try:
        client = Elasticsearch(url, request_timeout=2, max_retries=0)
        client.indices.refresh(index=alias)
        return client.count(index=alias)["count"]
    except Exception:  # noqa: BLE001 - not created yet, or the node is down
        return 0


def test_node_killed_mid_bulk_then_restarted(own_node, sample_press, tmp_path):
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(tmp_path),
        "PRESSWATCH_ELASTICSEARCH_URL": own_node.url,
        "PRESSWATCH_ELASTICSEARCH_INDEX": "faults",
    }
    command = [sys.executable, "-m", "presswatch", "crawl", "--sample-url", sample_press.base_url]
    crawl = subprocess.Popen(
        command, env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 300
    while es_count(own_node.url, "faults") < 40 and time.monotonic() < deadline and crawl.poll() is None:
        time.sleep(0.1)
    own_node.kill()  # as a crash would: no shutdown
    out, err = crawl.communicate(timeout=600)
    assert crawl.returncode == 0, err[-3000:]
    spooled = len(Spool(tmp_path / "spool.sqlite3"))
    assert spooled > 0, "the node was killed too late to test anything: " + out
    print("first crawl:", out.strip().splitlines()[-1])

    own_node.start(progress=lambda message: None)  # same data folder and ports
    again = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-3000:]
    print("second crawl:", again.stdout.strip().splitlines()[-1])
    assert len(Spool(tmp_path / "spool.sqlite3")) == 0
    backend = ElasticsearchBackend(own_node.url, "faults", refresh=True)
    backend.refresh_now()
    expected = {document_id(sample_press.url_for(a)) for a in sample_press.articles}
    assert backend.count() == len(expected)
    assert backend.ids() == expected


def test_a_crawl_while_elasticsearch_is_down_says_what_waits_and_the_next_one_delivers(
    sample_press, tmp_path, elasticsearch_url, es_index
):
    """The operator's view (cron's log): the summary said "248 articles extracted (0 new, 0 updated)
    … 0 index errors" while every article waited in the spool, with no word about Elasticsearch
    (walk6, 2026-12-03). It must say what waits, why, and that the next crawl sends it."""
    from presswatch.elasticsearch_node import free_port

    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(tmp_path),
        # The node is stopped: nothing listens at its address.
        "PRESSWATCH_ELASTICSEARCH_URL": f"http://127.0.0.1:{free_port()}",
        "PRESSWATCH_ELASTICSEARCH_INDEX": es_index,
    }
    command = [sys.executable, "-m", "presswatch", "crawl", "--sample-url", sample_press.base_url]
    down = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert down.returncode == 0, down.stderr[-3000:]  # nothing is lost: the crawl did its part
    total = len(sample_press.articles)
    assert f"{total} articles wait in the spool" in down.stdout, down.stdout[-2000:]
    assert "presswatch spool replay" in down.stdout
    assert "is unreachable" in down.stderr

    env["PRESSWATCH_ELASTICSEARCH_URL"] = elasticsearch_url  # the node is back
    back = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert back.returncode == 0, back.stderr[-3000:]
    assert f"{total} articles that waited in the spool reached Elasticsearch" in back.stdout, back.stdout
    assert "wait in the spool" not in back.stdout
    backend = ElasticsearchBackend(elasticsearch_url, es_index, refresh=True)
    backend.refresh_now()
    assert backend.ids() == {document_id(sample_press.url_for(a)) for a in sample_press.articles}
