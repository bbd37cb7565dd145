"""The production index: Elasticsearch, core features only (works on the minimal build too).

Accent folding happens in Python (search.text), so the mapping needs only the ``standard``
analyzer; documents are written through an alias, keyed by the canonical URL's id.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any, ParamSpec, TypeVar

# orjson serialises bulk bodies several times faster than the json module; the client itself
# names OrjsonSerializer None when orjson is missing (it is a dependency; any serialiser works).
from elasticsearch import ApiError, Elasticsearch, OrjsonSerializer, TransportError, helpers

from search import query as ql
from search.backends import es_indices, es_requests
from search.backends.base import (
    BackendUnavailable,
    IndexReport,
    SearchRequest,
    SearchResult,
    StorySummary,
)
from search.backends.es_indices import BULK_LOAD_SETTINGS, WRITE_SETTINGS, Layout, to_es_source
from search.backends.es_indices import optimize as optimize_indices
from search.document import LOCAL_TZ, Document

# Documents per bulk request (about 2.5 MB of synthetic press articles). Requests of one index()
# call go out on BULK_THREADS threads, so Python builds one while Elasticsearch indexes another
# and the node's write pool (one thread per core) gets work for every core.
BULK_DOCS = 500
BULK_THREADS = 2
# Ids written since the last refresh this backend knows of: at most this many are remembered, then
# it refreshes (a bulk load refreshes only at its end and can write millions).
UNREFRESHED_KEPT = 200_000
STORY_CANDIDATES = 5  # top stories: candidates per story asked for, then counted exactly

_P = ParamSpec("_P")
_R = TypeVar("_R")


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(
        self,
        url: str,
        index: str = "presswatch",
        *,
        client: Elasticsearch | None = None,
        refresh: bool = False,
        shards: int = 1,
        replicas: int = 0,
        bulk_docs: int = BULK_DOCS,
        bulk_threads: int = BULK_THREADS,
        **client_options: Any,
    ) -> None:
        self.alias = index
        self.layout = Layout(index, shards=shards, replicas=replicas)
        self.generation = 1
        self.refresh = refresh
        self.bulk_docs = bulk_docs
        self.bulk_threads = bulk_threads
        if OrjsonSerializer is not None:
            client_options.setdefault("serializer", OrjsonSerializer())
        self.client = client or Elasticsearch(
            url, request_timeout=30, retry_on_timeout=True, max_retries=3, **client_options
        )
        self.url = url
        self._ready = False
        self._pool: ThreadPoolExecutor | None = None
        # id -> index of what this backend wrote that a search may not see yet (see _locations).
        self._unrefreshed: dict[str, str] = {}

    def _call(self, what: str, fn: Callable[_P, _R], *args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return fn(*args, **kwargs)
        except (TransportError, ApiError) as error:  # refused, timed out, cluster not ready
            if isinstance(error, ApiError) and error.meta.status not in (429, 502, 503, 504):
                raise
            where = _without_credentials(self.url)
            raise BackendUnavailable(
                f"Elasticsearch at {where} is unreachable while trying to {what} ({error}). "
                "Start it (presswatch elasticsearch start) or unset PRESSWATCH_ELASTICSEARCH_URL "
                "to use the embedded index."
            ) from error

    def ensure_index(self) -> None:
        """Create the live generation's template and this month's index (with the alias) if missing."""
        if self._ready:
            return

        def prepare() -> int:
            live = self.layout.live_generation(self.client)
            if live is None:
                live = 1
                self.layout.put_template(self.client, live, live=True)
                first = self.layout.index_name(live, datetime.now(LOCAL_TZ))
                self.client.options(ignore_status=400).indices.create(index=first)
            else:
                # Indices made by an older release lack newer fields ("dynamic": "strict" would
                # refuse them): adding fields to a mapping is allowed, so bring them up to date.
                self.layout.put_template(self.client, live, live=True)
                self.client.indices.put_mapping(
                    index=self.layout.pattern(live), properties=es_indices.MAPPINGS["properties"]
                )
            return live

        self.generation = self._call("prepare the index", prepare)
        self._ready = True

    # -- writing ---------------------------------------------------------------------------

    def _locations(self, ids: list[str]) -> dict[str, str]:
        """Which index already holds each id, so a re-crawl updates that one document."""
        response = self._call(
            "look up existing documents",
            self.client.search,
            index=self.alias,
            query={"ids": {"values": ids}},
            source=False,
            size=len(ids),
        )
        found = {hit["_id"]: hit["_index"] for hit in response["hits"]["hits"]}
        # A search sees refreshed documents only: what this backend wrote since then (a whole bulk
        # load, or the last second of a crawl) comes from memory, so an article re-crawled with
        # another month in that window still updates its one document.
        for document_id in ids:
            if document_id not in found and document_id in self._unrefreshed:
                found[document_id] = self._unrefreshed[document_id]
        return found

    def _actions(self, documents: list[Document]) -> Iterator[dict[str, Any]]:
        now = datetime.now(LOCAL_TZ)
        located = self._locations([d.id for d in documents])
        for document in documents:
            index = located.get(document.id) or self.layout.index_name(self.generation, document.published_at)
            self._unrefreshed[document.id] = index
            yield {
                "_op_type": "index",
                "_index": index,
                "_id": document.id,
                "_source": to_es_source(document, now),
            }

    def _bulk(self, documents: list[Document]) -> list[tuple[bool, dict[str, Any]]]:
        """One bulk request (retried on 429 by the helper); the actions are built lazily, so one
        thread's Python work overlaps another's request."""
        return list(
            helpers.streaming_bulk(
                self.client,
                self._actions(documents),
                chunk_size=len(documents),
                max_chunk_bytes=50 * 1024 * 1024,
                max_retries=5,
                initial_backoff=1,
                raise_on_error=False,
                raise_on_exception=True,
                # Only what the report and the helper's 429 retries read, not ~250 bytes per item.
                filter_path="errors,items.*._id,items.*.status,items.*.error",
            )
        )

    def index(self, documents: Iterable[Document]) -> IndexReport:
        self.ensure_index()
        # `presswatch index reindex` in another process may have moved the alias to a newer
        # generation: new articles must go there, not to old indices outside the alias.
        live = self._call("read the live generation", self.layout.live_generation, self.client)
        if live is not None and live != self.generation:
            self.generation, self._unrefreshed = live, {}
        report = IndexReport()
        documents = list({d.id: d for d in documents}.values())
        if len(self._unrefreshed) + len(documents) > UNREFRESHED_KEPT:
            self.refresh_now()  # searches see everything written so far; forget it
        chunks = [
            documents[start : start + self.bulk_docs] for start in range(0, len(documents), self.bulk_docs)
        ]
        if len(chunks) > 1 and self.bulk_threads > 1:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.bulk_threads, thread_name_prefix="es-bulk")
            pool = self._pool
            send = lambda: [item for chunk in pool.map(self._bulk, chunks) for item in chunk]  # noqa: E731
        else:
            send = lambda: [item for chunk in chunks for item in self._bulk(chunk)]  # noqa: E731
        for ok, item in self._call("index documents", send):
            result = next(iter(item.values()))
            if ok:
                report.indexed += 1
            else:
                error = result.get("error", result.get("exception", "unknown error"))
                report.errors.append((str(result.get("_id", "?")), str(error)))
        if self.refresh:
            self.refresh_now()
        return report

    @contextlib.contextmanager
    def bulk_load(self, optimize: bool = True) -> Iterator[None]:
        """Bulk-load mode for backfills and benchmarks: no periodic refresh, translog fsync every
        few seconds instead of per request, on existing and newly created indices alike.

        Documents become searchable when the block ends (one refresh); the normal settings are
        restored even if the load fails. A load that succeeds ends by merging the indices of
        closed months to one segment each (``optimize``; ``optimize=False`` leaves that to the
        caller, e.g. a benchmark timing it on its own). Not for the crawl path: a node crash during
        the load can lose its last seconds of acknowledged writes, so re-run the load after one.
        """
        self.ensure_index()
        name = self.layout.template_name(self.generation)
        pattern = self.layout.pattern(self.generation)

        def template() -> dict[str, Any]:
            return es_requests.template_body(
                self.client.indices.get_index_template(name=name)["index_templates"][0]
            )

        def apply(body: dict[str, Any], settings: dict[str, Any]) -> None:
            # The template decides the settings of monthly indices created during the load.
            self.client.indices.put_index_template(name=name, **body)
            self.client.indices.put_settings(index=pattern, settings=settings)

        original = self._call("read the index template", template)
        settings = original["template"].get("settings", {}).get("index", {})
        loading = es_requests.bulk_load_template(original)
        self._call("switch to bulk-load settings", apply, loading, BULK_LOAD_SETTINGS)
        try:
            yield
        finally:
            # Back to what the template said (templates from before bulk-load mode lack translog).
            refresh = settings.get("refresh_interval", WRITE_SETTINGS["refresh_interval"])
            durability = settings.get("translog", {}).get(
                "durability", WRITE_SETTINGS["translog"]["durability"]
            )
            restore = {"refresh_interval": refresh, "translog": {"durability": durability}}
            self._call("restore the index settings", apply, original, restore)
            self.refresh_now()
        if optimize:
            self.optimize()

    def optimize(self, progress: Callable[[str, int], None] = lambda index, segments: None) -> list[str]:
        """Merge closed months' indices to one segment each; returns the indices merged."""
        self.ensure_index()
        return self._call(
            "merge the indices of closed months",
            optimize_indices,
            self.client,
            self.layout,
            progress=progress,
        )

    def delete(self, document_id: str) -> None:
        """Delete by id from the index that holds it (core API: no delete-by-query module needed)."""
        self.ensure_index()
        index = self._locations([document_id]).get(document_id)
        if index is not None:
            self._call(
                "delete a document",
                self.client.options(ignore_status=404).delete,
                index=index,
                id=document_id,
                refresh=self.refresh,
            )
        self._unrefreshed.pop(document_id, None)

    # -- reading ---------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        node = ql.parse(request.query)
        self.ensure_index()
        body = es_requests.search_body(request, node)
        response = self._call("search", self.client.search, index=self.alias, **body)
        sizes = self._story_sizes(request, node, response["hits"]["hits"]) if request.collapse else {}
        return es_requests.search_result(request, node, response, sizes)

    def _story_sizes(
        self, request: SearchRequest, node: ql.Node, raw_hits: list[dict[str, Any]]
    ) -> dict[str, tuple[int, int]]:
        story_ids = [raw["_source"]["doc"]["story_id"] for raw in raw_hits]
        if not story_ids:
            return {}
        query = es_requests.query(request, node)
        query["bool"]["filter"].append({"terms": {"story_id": story_ids}})
        response = self._call(
            "count story copies",
            self.client.search,
            index=self.alias,
            size=0,
            query=query,
            aggs=es_requests.story_sizes_aggs(story_ids),
        )
        return es_requests.story_sizes(response)

    def scan(self, request: SearchRequest) -> Iterator[Document]:
        node = ql.parse(request.query)
        self.ensure_index()
        query = es_requests.query(request, node)
        search_after = None
        while True:
            page = self._call(
                "read matches",
                self.client.search,
                index=self.alias,
                query=query,
                size=1000,
                sort=es_requests.BY_DATE,
                source={"includes": ["doc"]},
                search_after=search_after,
                track_total_hits=False,
            )
            raw_hits = page["hits"]["hits"]
            for raw in raw_hits:
                yield Document.from_source(raw["_source"]["doc"])
            if len(raw_hits) < 1000:
                return
            search_after = raw_hits[-1]["sort"]

    def stories(self, request: SearchRequest, size: int = 10) -> list[StorySummary]:
        """Each monthly index proposes only its own top stories (a story straddling two months lost
        one month's copies): gather candidates, then count just those, which every index returns."""
        node = ql.parse(request.query)
        self.ensure_index()
        query = es_requests.query(request, node)
        candidates = self._call(
            "find top stories",
            self.client.search,
            index=self.alias,
            size=0,
            query=query,
            aggs=es_requests.stories_aggs(size * STORY_CANDIDATES, first=False),
        )
        story_ids = [b["key"] for b in candidates["aggregations"]["stories"]["buckets"]]
        if not story_ids:
            return []
        query["bool"]["filter"].append({"terms": {"story_id": story_ids}})
        response = self._call(
            "count top stories",
            self.client.search,
            index=self.alias,
            size=0,
            query=query,
            aggs=es_requests.stories_aggs(len(story_ids)),
        )
        return es_requests.story_summaries(response)[:size]

    def pivot(self, request: SearchRequest, row: str, column: str) -> dict[str, dict[str, int]]:
        node = ql.parse(request.query)
        self.ensure_index()
        query = es_requests.query(request, node)
        table: dict[str, dict[str, int]] = {}
        after: dict[str, Any] | None = None
        while True:
            response = self._call(
                "count by two fields",
                self.client.search,
                index=self.alias,
                size=0,
                query=query,
                aggs=es_requests.pivot_aggs(row, column, after),
            )
            after = es_requests.pivot_page(response, table)
            if after is None:
                return table

    def get(self, document_id: str) -> Document | None:
        self.ensure_index()
        response = self._call(
            "read a document",
            self.client.search,
            index=self.alias,
            query={"term": {"doc_id": document_id}},
            size=1,
            source={"includes": ["doc"]},
        )
        hits = response["hits"]["hits"]
        return Document.from_source(hits[0]["_source"]["doc"]) if hits else None

    def count(self) -> int:
        self.ensure_index()
        return int(self._call("count documents", self.client.count, index=self.alias)["count"])

    def ids(self) -> set[str]:
        self.ensure_index()
        return {
            hit["_id"]
            for hit in helpers.scan(
                self.client, index=self.alias, _source=False, query={"query": {"match_all": {}}}
            )
        }

    def refresh_now(self) -> None:
        self._call("refresh the index", self.client.indices.refresh, index=self.alias)
        self._unrefreshed.clear()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        self.client.close()


def _without_credentials(url: str) -> str:
    """The URL for messages and logs: ``user:password@`` dropped."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if not (parts.username or parts.password):
        return url
    host = parts.hostname or ""
    return urlunsplit(parts._replace(netloc=host + (f":{parts.port}" if parts.port else "")))
