"""Elasticsearch at production quality: monthly indices, one alias, reindex by alias swap."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from elasticsearch import Elasticsearch

from search.backends import SearchRequest
from search.backends.elastic import ElasticsearchBackend
from search.backends.es_indices import reindex, stats
from search.document import Document

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def article(n: int, month: int, title: str = "Giải ngân vốn đầu tư công") -> Document:
    return Document(url=f"https://baoa.vn/bai-{n}.html", outlet_id="baoa", title=f"{title} {n}",
                    body="Tỉnh Bắc Ninh đẩy nhanh tiến độ giải ngân vốn đầu tư công.",
                    published_at=datetime(2026, month, 15, 8, tzinfo=TZ))


def test_articles_land_in_monthly_indices_behind_one_alias(elasticsearch_url, es_index):
    backend = ElasticsearchBackend(elasticsearch_url, es_index, refresh=True)
    backend.index([article(1, 1), article(2, 2), article(3, 2)])
    figures = stats(backend.client, backend.layout)
    months = {name.rsplit("-", 1)[1]: data["docs"] for name, data in figures["indices"].items()}
    assert months["2026.01"] == 1 and months["2026.02"] == 2
    assert backend.search(SearchRequest(query="dau tu cong")).total == 3


def test_a_recrawl_that_moves_the_date_updates_the_one_document(elasticsearch_url, es_index):
    backend = ElasticsearchBackend(elasticsearch_url, es_index, refresh=True)
    backend.index([article(1, 1)])
    corrected = article(1, 3, title="Đính chính: giải ngân")
    backend.index([corrected])
    assert backend.count() == 1
    assert backend.get(corrected.id).title.startswith("Đính chính")


def test_reindex_swaps_the_alias_without_losing_documents(elasticsearch_url, es_index):
    backend = ElasticsearchBackend(elasticsearch_url, es_index, refresh=True)
    backend.index([article(n, 1 + n % 3) for n in range(30)])
    copied, generation = reindex(backend.client, backend.layout)
    assert (copied, generation) == (30, 2)
    client = Elasticsearch(elasticsearch_url)
    behind_alias = set(client.indices.get_alias(name=es_index).body)
    assert behind_alias and all(f"{es_index}-g2-" in name for name in behind_alias)
    assert set(backend.layout.generations(client)) == {2}  # the old generation is deleted
    fresh = ElasticsearchBackend(elasticsearch_url, es_index, refresh=True)
    assert fresh.search(SearchRequest(query="giai ngan")).total == 30
    fresh.index([article(99, 5)])  # new writes go to the live generation
    assert fresh.count() == 31
    assert any("-g2-2026.05" in name for name in client.indices.get_alias(name=es_index).body)
