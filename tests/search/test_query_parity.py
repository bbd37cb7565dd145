"""Parity: Elasticsearch, the embedded index and the Python matcher return the same article ids.

Hypothesis generates queries over the shared corpus (tests/search/query_corpus.py); each one runs
on a real Elasticsearch node, on the embedded SQLite index and through ``search.query.matches``.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from search.backends import SearchRequest
from search.backends.elastic import ElasticsearchBackend
from search.backends.embedded import EmbeddedBackend
from search.query import matches, parse
from tests.search.query_corpus import NOW, documents, queries

CORPUS = documents()


@pytest.fixture(scope="module")
def indexes(elasticsearch_url, tmp_path_factory):
    from elasticsearch import Elasticsearch

    alias = "parity-test"
    client = Elasticsearch(elasticsearch_url)
    client.options(ignore_status=404).indices.delete(index=f"{alias}-*")
    es = ElasticsearchBackend(elasticsearch_url, alias, refresh=True)
    embedded = EmbeddedBackend(tmp_path_factory.mktemp("parity") / "index.sqlite3")
    for backend in (es, embedded):
        report = backend.index(CORPUS)
        assert report.indexed == len(CORPUS), report.errors
    yield es, embedded
    client.options(ignore_status=404).indices.delete(index=f"{alias}-*")
    client.options(ignore_status=404).indices.delete_index_template(name=f"{alias}-g*")


def ids(backend, query: str) -> set[str]:
    result = backend.search(SearchRequest(query=query, limit=len(CORPUS) + 1, facets=False, now=NOW))
    assert result.total == len(result.hits)
    return {hit.document.id for hit in result.hits}


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=queries())
def test_three_engines_agree(indexes, query):
    es, embedded = indexes
    node = parse(query)
    expected = {d.id for d in CORPUS if matches(node, d, now=NOW)}
    assert ids(embedded, query) == expected, f"embedded differs on {query!r}"
    assert ids(es, query) == expected, f"elasticsearch differs on {query!r}"


@pytest.mark.parametrize(
    "query",
    [
        '"kien nghi"',
        "kiến NEAR/3 thông",
        "giao* -tai",
        "=Bắc ONEAR/2 =Ninh",
        'province:"bac ninh" published:2025-03',
        'province:"bac ninh" published:[01/03/2025 TO 31/3/2025]',
        'province:"bac ninh" published:03/2025',
        "published:[2/2025 TO 03/2025] -tai",
    ],
)
def test_hand_picked_queries_agree(indexes, query):
    es, embedded = indexes
    expected = {d.id for d in CORPUS if matches(parse(query), d, now=NOW)}
    assert ids(embedded, query) == expected == ids(es, query)
    assert expected  # each of these finds something in the corpus
