"""Hand-off from the crawler: article mappings in, documents in the index out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from search.backends.base import IndexReport, SearchBackend
from search.document import Document


class Ingester:
    """Buffers articles and writes them to the index in batches (bulk requests on Elasticsearch)."""

    def __init__(self, backend: SearchBackend, batch_size: int = 200) -> None:
        self.backend = backend
        self.batch_size = batch_size
        self._pending: dict[str, Document] = {}
        self.report = IndexReport()

    def add(self, article: Mapping[str, Any]) -> Document:
        document = Document.from_article(article)
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
        return self.report
