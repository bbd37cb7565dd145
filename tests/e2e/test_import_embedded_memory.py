"""`presswatch index import-embedded` does not hold every Elasticsearch id in memory.

Noticed by walk6, fixed by walk7 (2026-12-03): to keep the articles Elasticsearch already has, the
command read every id of the cluster's alias into a set before copying (~100 MB at a million
articles), so its memory grew with the cluster, not with the folder it copies. It now asks
Elasticsearch about each chunk's ids only. Measured as the peak resident memory of the command's
process (os.wait4), the same small folder imported into an alias with no other article and into
one holding 100,000 others under long ids: the difference, not a time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch, helpers

from search.backends.elastic import ElasticsearchBackend
from search.backends.embedded import EmbeddedBackend
from search.document import LOCAL_TZ, Document

REPO = Path(__file__).resolve().parents[2]
OTHERS = 100_000
# The longest ids Elasticsearch takes are 512 bytes: 480-character ids make 100,000 of them ~55 MB as
# a Python set, as many bytes as 250,000 ids of 200 characters, for 40 % of the documents to index.
ID_PAD = 480


def _articles(count: int) -> list[Document]:
    return [
        Document(
            url=f"https://baoa.vn/tin-{n}.html",
            outlet_id="baoa",
            title=f"Kiến nghị cử tri số {n}",
            body="Cử tri tỉnh Bắc Ninh kiến nghị về an toàn giao thông.",
            published_at=datetime(2026, 3, 1 + n % 28, 8, tzinfo=LOCAL_TZ),
        )
        for n in range(count)
    ]


def _import_peak_kib(data: Path, env: dict[str, str]) -> tuple[int, str]:
    """Peak resident memory (KiB on Linux) of one `presswatch index import-embedded` run, its output."""
    process = subprocess.Popen(
        [sys.executable, "-m", "presswatch", "index", "import-embedded"],
        env={**env, "PRESSWATCH_DATA_DIR": str(data)},
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 0, output[-2000:]
    return usage.ru_maxrss, output


@pytest.mark.elasticsearch
def test_import_memory_does_not_grow_with_the_articles_elasticsearch_holds(
    tmp_path, elasticsearch_url, es_index
):
    data = tmp_path / "data"
    data.mkdir()
    embedded = EmbeddedBackend(data / "index.sqlite3")
    embedded.index(_articles(40))
    embedded.close()
    client = Elasticsearch(elasticsearch_url, request_timeout=120)
    crowded = f"{es_index}-crowded"
    try:
        # The crowded alias: one real article, then OTHERS copies of its source under other ids.
        backend = ElasticsearchBackend(elasticsearch_url, crowded, refresh=True)
        backend.index(_articles(1))
        (hit,) = client.search(index=crowded, size=1)["hits"]["hits"]
        actions = (
            {"_index": hit["_index"], "_id": f"{n:08d}-" + "x" * ID_PAD, "_source": hit["_source"]}
            for n in range(OTHERS)
        )
        helpers.bulk(client, actions, chunk_size=5000)
        client.indices.refresh(index=crowded)
        assert client.count(index=crowded)["count"] == OTHERS + 1
        backend.close()

        env = {**os.environ, "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_url}
        empty_kib, empty_out = _import_peak_kib(data, {**env, "PRESSWATCH_ELASTICSEARCH_INDEX": es_index})
        (data / "elasticsearch-import.json").unlink()
        crowded_kib, crowded_out = _import_peak_kib(data, {**env, "PRESSWATCH_ELASTICSEARCH_INDEX": crowded})
        # Behaviour kept: the folder's article Elasticsearch has is kept, the others copied.
        assert "Copied 40 articles" in empty_out, empty_out[-500:]
        assert "Copied 39 articles" in crowded_out and "1 already in Elasticsearch" in crowded_out, (
            crowded_out[-500:]
        )
        # 100,000 ids of 489 characters are ~55 MB as a set; asking per chunk holds none of them.
        assert crowded_kib - empty_kib < 8 * 1024, (empty_kib, crowded_kib)
    finally:
        client.options(ignore_status=404).indices.delete(index=f"{crowded}-*")
        client.options(ignore_status=404).indices.delete_index_template(name=f"{crowded}-g*")
        client.close()
