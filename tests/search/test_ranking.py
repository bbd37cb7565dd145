"""Relevance order on both backends: an unquoted query of several words puts the articles whose
title holds those words together first, then the ones whose title holds them all, on a real
Elasticsearch node and on the embedded index alike (fix6: the embedded index put the two title
matches of `thu hồi chủ trương` 3rd and 6th). Ranking never changes which articles match.

The corpus is the sample press's (presswatch demo's articles), built for a fixed day."""

from __future__ import annotations

from datetime import date

import pytest

from presswatch.sample_press.corpus import build_corpus
from search.backends import SearchRequest
from search.backends.elastic import ElasticsearchBackend
from search.backends.embedded import EmbeddedBackend
from search.document import Document
from search.query import matches, parse
from search.text import fold, tokens

QUERIES = ["thu hồi chủ trương", "đối thoại doanh nghiệp", "an toàn giao thông", "dự án chậm triển khai"]


def sample_documents() -> list[Document]:
    return [
        Document(
            url=f"https://{a.outlet_id}.example/{a.path}",
            outlet_id=a.outlet_id,
            title=a.title,
            sapo=a.sapo,
            body="\n".join(a.paragraphs),
            published_at=a.published_at,
        )
        for a in build_corpus(date(2026, 12, 3))
    ]


CORPUS = sample_documents()


@pytest.fixture(scope="module")
def backends(elasticsearch_url, tmp_path_factory):
    from elasticsearch import Elasticsearch

    alias = "ranking-test"
    client = Elasticsearch(elasticsearch_url)
    client.options(ignore_status=404).indices.delete(index=f"{alias}-*")
    es = ElasticsearchBackend(elasticsearch_url, alias, refresh=True)
    embedded = EmbeddedBackend(tmp_path_factory.mktemp("ranking") / "index.sqlite3")
    for backend in (es, embedded):
        report = backend.index(CORPUS)
        assert report.indexed == len(CORPUS), report.errors
    yield {"elasticsearch": es, "embedded": embedded}
    client.options(ignore_status=404).indices.delete(index=f"{alias}-*")
    client.options(ignore_status=404).indices.delete_index_template(name=f"{alias}-g*")


def words(text: str) -> list[str]:
    return fold(" ".join(tokens(text))).split()


def tier(document: Document, query: str) -> int:
    """0: the title holds the words together, in order; 1: all of them apart; 2: not all."""
    title, wanted = words(document.title), words(query)
    n = len(wanted)
    if any(title[i : i + n] == wanted for i in range(len(title) - n + 1)):
        return 0
    return 1 if set(wanted) <= set(title) else 2


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("name", ["embedded", "elasticsearch"])
def test_title_matches_come_first(backends, name, query):
    result = backends[name].search(SearchRequest(query=query, limit=len(CORPUS), facets=False))
    expected = {d.id for d in CORPUS if matches(parse(query), d)}
    assert {hit.document.id for hit in result.hits} == expected and result.total == len(expected)
    tiers = [tier(hit.document, query) for hit in result.hits]
    if query == QUERIES[0]:
        assert tiers.count(0) == 2  # walk4's case: two headlines hold the words together
    assert tiers == sorted(tiers), [
        (t, hit.document.title) for t, hit in zip(tiers, result.hits, strict=True)
    ]
