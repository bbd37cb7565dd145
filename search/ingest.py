"""Hand-off from the crawler: article mappings in, analysed and grouped documents in the index."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from search.analysis import annotate
from search.backends import open_backend
from search.backends.base import IndexReport, SearchBackend
from search.config import SearchConfig
from search.document import Document
from search.stories import StoryGrouper

Annotator = Callable[[Document], Document]


class Ingester:
    """normalise → analyse → group into stories → index, in batches (bulk requests on Elasticsearch)."""

    def __init__(self, backend: SearchBackend, *, grouper: StoryGrouper | None = None,
                 annotate: Annotator | None = None, batch_size: int = 200) -> None:
        self.backend = backend
        self.grouper = grouper
        self.annotate = annotate
        self.batch_size = batch_size
        self._pending: dict[str, Document] = {}
        self.report = IndexReport()
        # Called with the documents of each batch the index accepted (e.g. to record crawl state).
        self.on_indexed: Callable[[list[Document]], None] | None = None

    def add(self, article: Mapping[str, Any]) -> Document:
        document = Document.from_article(article)  # normalises text (NFC, tone marks)
        if self.annotate:
            self.annotate(document)
        if self.grouper:
            self.grouper.assign(document)
        # Keyed by id: two copies of one URL in a batch leave the later one.
        self._pending[document.id] = document
        if len(self._pending) >= self.batch_size:
            self.flush()
        return document

    def add_many(self, articles: Iterable[Mapping[str, Any]]) -> IndexReport:
        for article in articles:
            self.add(article)
        return self.flush()

    def flush(self) -> IndexReport:
        if self._pending:
            batch = list(self._pending.values())
            self._pending.clear()
            result = self.backend.index(batch)
            self.report.indexed += result.indexed
            self.report.errors += result.errors
            if self.on_indexed:
                failed = {document_id for document_id, _ in result.errors}
                self.on_indexed([d for d in batch if d.id not in failed])
        return self.report

    def close(self) -> None:
        self.flush()
        self.backend.close()
        if self.grouper:
            self.grouper.close()


def open_ingester(config: SearchConfig | None = None, *, refresh: bool = False) -> Ingester:
    """The configured backend with story grouping and analysis: what the crawler hands articles to."""
    config = config or SearchConfig.from_env()
    grouper = StoryGrouper(config.embedded_path.parent / "stories.sqlite3")
    return Ingester(open_backend(config, refresh=refresh), grouper=grouper, annotate=annotate)
