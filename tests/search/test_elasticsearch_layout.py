"""Elasticsearch at production quality: monthly indices, one alias, reindex by alias swap."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from elasticsearch import Elasticsearch

from search.backends import SearchRequest
from search.backends.elastic import ElasticsearchBackend
from search.backends.es_indices import optimize, reindex, stats
from search.document import Document

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def article(n: int, month: int, title: str = "Giải ngân vốn đầu tư công") -> Document:
    return Document(
        url=f"https://baoa.vn/bai-{n}.html",
        outlet_id="baoa",
        title=f"{title} {n}",
        body="Tỉnh Bắc Ninh đẩy nhanh tiến độ giải ngân vốn đầu tư công.",
        published_at=datetime(2026, month, 15, 8, tzinfo=TZ),
    )


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


def segments(client: Elasticsearch, alias: str) -> dict[str, int]:
    indices = client.indices.stats(index=alias, metric="segments")["indices"]
    return {name.rsplit("-", 1)[1]: data["primaries"]["segments"]["count"] for name, data in indices.items()}


def test_optimize_merges_closed_months_and_leaves_the_current_one(elasticsearch_url, es_index):
    backend = ElasticsearchBackend(elasticsearch_url, es_index, refresh=True)
    for batch in range(3):  # each refreshed batch becomes a segment of its month's index
        backend.index([article(10 * batch + n, 1 + n % 2) for n in range(4)])
    client = Elasticsearch(elasticsearch_url)
    before = segments(client, es_index)
    assert before["2026.01"] > 1 and before["2026.02"] > 1

    merged = optimize(client, backend.layout, now=datetime(2026, 2, 20, tzinfo=TZ))

    assert merged == [f"{es_index}-g1-2026.01"]
    after = segments(client, es_index)
    assert after["2026.01"] == 1 and after["2026.02"] == before["2026.02"]
    assert backend.search(SearchRequest(query="giai ngan")).total == 12
    assert optimize(client, backend.layout, now=datetime(2026, 2, 20, tzinfo=TZ)) == []  # nothing left


def test_index_optimize_command_reports_what_it_merged(elasticsearch_url, es_index, monkeypatch):
    from click.testing import CliRunner

    from presswatch.commands.index import index_group

    monkeypatch.setenv("PRESSWATCH_ELASTICSEARCH_URL", elasticsearch_url)
    monkeypatch.setenv("PRESSWATCH_ELASTICSEARCH_INDEX", es_index)
    backend = ElasticsearchBackend(elasticsearch_url, es_index, refresh=True)
    for batch in range(2):
        backend.index([article(10 * batch + n, 3) for n in range(3)])

    first = CliRunner().invoke(index_group, ["optimize"])
    again = CliRunner().invoke(index_group, ["optimize"])

    assert first.exit_code == 0, first.output
    assert f"Merging {es_index}-g1-2026.03 (2 segments)" in first.output
    assert "Merged 1 index(es)" in first.output
    assert again.exit_code == 0 and "nothing to merge" in again.output
