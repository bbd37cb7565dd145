"""Scale-out: two nodes on loopback, shards with replicas, one node stopped, searches still answered."""

from __future__ import annotations

import shutil
import threading
import time
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from elasticsearch import Elasticsearch

from presswatch.elasticsearch_node import Node, NodeError, cache_dir, free_port
from search.backends import SearchRequest
from search.backends.elastic import ElasticsearchBackend
from search.document import Document

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def two_nodes():
    cluster = f"pw-{uuid.uuid4().hex[:6]}"
    transports = [free_port(), free_port()]
    seeds = [f"127.0.0.1:{port}" for port in transports]
    nodes = [
        Node(
            name=f"{cluster}-{i}",
            cluster_name=cluster,
            heap="512m",
            transport_port=transports[i],
            seed_hosts=seeds,
            initial_masters=[f"{cluster}-0"],
            roles=None if i == 0 else ["data"],
            # started from short-lived threads below: the parent-death signal follows the
            # starting thread, so it would kill the node when its thread ends (the test stops them)
            outlive_parent=True,
            base_dir=cache_dir() / "nodes" / f"{cluster}-{i}",
        )
        for i in range(2)
    ]
    errors: list[Exception] = []

    def start(node: Node) -> None:
        try:
            node.start(progress=lambda message: None)
        except NodeError as error:
            errors.append(error)

    threads = [threading.Thread(target=start, args=(node,)) for node in nodes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        for node in nodes:
            node.stop()
        pytest.fail(f"The two-node cluster could not start: {errors[0]}", pytrace=False)
    yield nodes
    for node in nodes:
        node.stop()
        shutil.rmtree(node.base_dir, ignore_errors=True)


def test_searches_survive_a_stopped_node(two_nodes):
    master, data_node = two_nodes
    client = Elasticsearch(master.url)
    health = client.cluster.health(wait_for_nodes="2", timeout="60s")
    assert health["number_of_nodes"] == 2
    backend = ElasticsearchBackend(master.url, "cluster-test", refresh=True, shards=2, replicas=1)
    documents = [
        Document(
            url=f"https://baoa.vn/{n}.html",
            outlet_id="baoa",
            title=f"Tin an toàn giao thông {n}",
            body="Lực lượng cảnh sát giao thông ra quân bảo đảm trật tự an toàn giao thông.",
            published_at=datetime(2026, 3, 1 + n % 28, 8, tzinfo=TZ),
        )
        for n in range(60)
    ]
    assert backend.index(documents).indexed == 60
    assert (
        client.cluster.health(index="cluster-test", wait_for_status="green", timeout="60s")["status"]
        == "green"
    )
    shards = client.cat.shards(index="cluster-test", format="json")
    assert {s["node"] for s in shards} == {master.name, data_node.name}

    data_node.stop()
    deadline = time.monotonic() + 60
    while client.cluster.health()["number_of_nodes"] != 1 and time.monotonic() < deadline:
        time.sleep(0.5)
    result = backend.search(SearchRequest(query='"an toan giao thong"', limit=5))
    assert result.total == 60
    assert client.cluster.health()["status"] == "yellow"  # replicas unassigned, data all there
