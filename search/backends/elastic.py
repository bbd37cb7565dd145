"""The production index: Elasticsearch, core features only (works on the minimal build too).

Accent folding happens in Python (search.text), so the mapping needs only the ``standard``
analyzer; documents are written through an alias, keyed by the canonical URL's id.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from elasticsearch import ApiError, Elasticsearch, TransportError, helpers

from search import query as ql
from search.backends.base import (
    FACET_FIELDS,
    BackendUnavailable,
    Hit,
    IndexReport,
    SearchRequest,
    SearchResult,
)
from search.document import KEYWORD_FIELDS, TEXT_FIELDS, Document, fold_keyword
from search.snippets import snippet

FACET_SIZE = 30
# Facets aggregate the display values; filters compare the folded ones under ``kwf``.
FACET_SOURCE = {"outlet": "outlet_id", "kind": "outlet_kind", "province": "provinces",
                "topic": "topics", "tone": "tone"}
KEYWORD = {"type": "keyword"}
TOKENS = {"type": "text", "analyzer": "standard"}

MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        **{f"{name}_{kind}": TOKENS for name in TEXT_FIELDS for kind in ("f", "x")},
        "kwf": {"properties": {name: KEYWORD for name in KEYWORD_FIELDS}},
        "doc_id": KEYWORD,
        "url": KEYWORD,
        "outlet_id": KEYWORD,
        "outlet_kind": KEYWORD,
        "provinces": KEYWORD,
        "topics": KEYWORD,
        "tone": KEYWORD,
        "story_id": KEYWORD,
        "section": KEYWORD,
        "published_at": {"type": "date"},
        "doc": {"type": "object", "enabled": False},
    },
}


def to_es_source(document: Document) -> dict[str, Any]:
    return {
        **document.match_text(),
        "kwf": {name: [fold_keyword(v) for v in values]
                for name, values in document.keyword_values().items()},
        "doc_id": document.id,
        "url": document.url,
        "outlet_id": document.outlet_id,
        "outlet_kind": document.outlet_kind,
        "provinces": document.provinces,
        "topics": document.topics,
        "tone": document.tone,
        "story_id": document.story_id,
        "section": document.section,
        "published_at": document.published_at.isoformat(),
        "doc": document.to_source(),
    }


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, url: str, index: str = "presswatch", *, client: Elasticsearch | None = None,
                 refresh: bool = False, **client_options: Any) -> None:
        self.alias = index
        self.refresh = refresh
        self.client = client or Elasticsearch(url, request_timeout=30, retry_on_timeout=True,
                                              max_retries=3, **client_options)
        self.url = url
        self._ready = False

    def _call(self, what: str, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except TransportError as error:  # connection refused, timeout: the node is away
            raise BackendUnavailable(
                f"Elasticsearch at {self.url} is unreachable while trying to {what} ({error}). "
                "Start it (presswatch elasticsearch start) or unset PRESSWATCH_ELASTICSEARCH_URL "
                "to use the embedded index.") from error

    def ensure_index(self) -> None:
        """Create the template, the first concrete index and the alias, if missing."""
        if self._ready:
            return
        indices = self.client.indices
        self._call("create the index template", indices.put_index_template, name=self.alias,
                   index_patterns=[f"{self.alias}-*"],
                   template={"settings": {"number_of_shards": 1, "number_of_replicas": 0},
                             "mappings": MAPPINGS})
        if not self._call("check the alias", indices.exists_alias, name=self.alias):
            first = f"{self.alias}-000001"
            try:
                indices.create(index=first, aliases={self.alias: {"is_write_index": True}})
            except ApiError as error:
                if "resource_already_exists_exception" not in str(error):
                    raise
        self._ready = True

    # -- writing ---------------------------------------------------------------------------

    def _actions(self, documents: Iterable[Document]) -> Iterator[dict[str, Any]]:
        for document in documents:
            yield {"_op_type": "index", "_index": self.alias, "_id": document.id,
                   "_source": to_es_source(document)}

    def index(self, documents: Iterable[Document]) -> IndexReport:
        self.ensure_index()
        report = IndexReport()
        results = self._call("index documents", lambda: list(helpers.streaming_bulk(
            self.client, self._actions(documents), chunk_size=500, max_retries=5,
            initial_backoff=1, raise_on_error=False, raise_on_exception=False)))
        for ok, item in results:
            result = next(iter(item.values()))
            if ok:
                report.indexed += 1
            else:
                error = result.get("error", result.get("exception", "unknown error"))
                report.errors.append((str(result.get("_id", "?")), str(error)))
        if self.refresh:
            self._call("refresh the index", self.client.indices.refresh, index=self.alias)
        return report

    def delete(self, document_id: str) -> None:
        self.ensure_index()
        self._call("delete a document", self.client.delete_by_query, index=self.alias,
                   query={"term": {"doc_id": document_id}}, refresh=True)

    # -- reading ---------------------------------------------------------------------------

    def _filters(self, request: SearchRequest) -> list[dict[str, Any]]:
        clauses: list[dict[str, Any]] = []
        for name, values in request.filters().items():
            if values:
                clauses.append({"terms": {f"kwf.{name}": [fold_keyword(v) for v in values]}})
        start, end = request.time_bounds()
        if start or end:
            bounds = {}
            if start:
                bounds["gte"] = start.isoformat()
            if end:
                bounds["lt"] = end.isoformat()
            clauses.append({"range": {"published_at": bounds}})
        return clauses

    def search(self, request: SearchRequest) -> SearchResult:
        node = ql.parse(request.query)
        self.ensure_index()
        body: dict[str, Any] = {
            "query": {"bool": {"must": [ql.to_elasticsearch(node, now=request.now)],
                               "filter": self._filters(request)}},
            "from": request.offset,
            "size": request.limit,
            "track_total_hits": True,
            "_source": ["doc"],
        }
        by_date = [{"published_at": "desc"}, {"doc_id": "asc"}]
        body["sort"] = by_date if request.sort == "date" else [{"_score": "desc"}, *by_date]
        if request.facets:
            body["aggs"] = {name: {"terms": {"field": FACET_SOURCE[name], "size": FACET_SIZE,
                                             "order": [{"_count": "desc"}, {"_key": "asc"}]}}
                            for name in FACET_FIELDS}
        response = self._call("search", self.client.search, index=self.alias, **body)
        terms = ql.highlight_terms(node)
        hits = []
        for raw in response["hits"]["hits"]:
            document = Document.from_source(raw["_source"]["doc"])
            hits.append(Hit(document, float(raw.get("_score") or 0.0),
                            snippet([document.sapo, document.body], terms)))
        facets = {name: [(b["key"], b["doc_count"]) for b in agg["buckets"]]
                  for name, agg in response.get("aggregations", {}).items()}
        return SearchResult(total=response["hits"]["total"]["value"], hits=hits, facets=facets)

    def get(self, document_id: str) -> Document | None:
        self.ensure_index()
        response = self._call("read a document", self.client.search, index=self.alias,
                              query={"term": {"doc_id": document_id}}, size=1, _source=["doc"])
        hits = response["hits"]["hits"]
        return Document.from_source(hits[0]["_source"]["doc"]) if hits else None

    def count(self) -> int:
        self.ensure_index()
        return self._call("count documents", self.client.count, index=self.alias)["count"]

    def ids(self) -> set[str]:
        self.ensure_index()
        return {hit["_id"] for hit in helpers.scan(self.client, index=self.alias, _source=False,
                                                   query={"query": {"match_all": {}}})}

    def refresh_now(self) -> None:
        self._call("refresh the index", self.client.indices.refresh, index=self.alias)

    def close(self) -> None:
        self.client.close()
