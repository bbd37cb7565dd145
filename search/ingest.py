"""Hand-off from the crawler: ``Document``s in, analysed and grouped into stories in the index."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from pathlib import Path

from search.backends import open_backend
from search.backends.base import BackendUnavailable, IndexReport, SearchBackend
from search.config import SPOOL_FILE, STORIES_FILE, SearchConfig
from search.corrections import CorrectionStore
from search.document import Document
from search.spool import Spool
from search.stories import StoryGrouper, signature

Annotator = Callable[[Document], Document]


def annotate(document: Document) -> Document:
    """``search.analysis.annotate``, imported on first use: the crawl's main process receives
    articles analysed by its extraction workers and need not load the analysers."""
    from search.analysis import annotate as analyse

    return analyse(document)


def analyse_and_sign(document: Document, analyse: Annotator | None = annotate) -> bytes:
    """What ``Ingester.add`` does to a document before grouping, without an index or a story table,
    so an extraction worker can do it: analyse the document (in place) and return its MinHash
    signature. ``Ingester.add(document, signature)`` then only groups it and indexes it."""
    if analyse:
        analyse(document)
    return signature(document)


class Ingester:
    """normalise → analyse → group into stories → index, in batches (bulk requests on Elasticsearch)."""

    def __init__(
        self,
        backend: SearchBackend,
        *,
        grouper: StoryGrouper | None = None,
        annotate: Annotator | None = None,
        spool: Spool | None = None,
        batch_size: int = 200,
        corrections: CorrectionStore | None = None,
    ) -> None:
        self.backend = backend
        # Staff corrections win over the analyser, so a re-crawl of a corrected article keeps them.
        self.corrections = corrections
        self.spool = spool
        self.grouper = grouper
        self.annotate = annotate
        self.batch_size = batch_size
        self._pending: dict[str, Document] = {}
        self.report = IndexReport()
        # Called with the documents of each batch the index accepted (e.g. to record crawl state).
        self.on_indexed: Callable[[list[Document]], None] | None = None

    def add(self, document: Document, signature: bytes | None = None) -> Document:
        """Ingest a document (changed in place: analysis, corrections, story). With a ``signature``
        it was analysed already (``analyse_and_sign``, given this ingester's annotator)."""
        if not isinstance(document, Document):  # a mapping was the old way in: say so, not later
            raise TypeError(f"Ingester.add takes a search.document.Document, not {type(document).__name__}")
        if signature is None and self.annotate:
            # The grouper signs it below, under its lock, only if the article is new.
            self.annotate(document)
        if self.corrections is not None:
            self.corrections.apply(document)
        if self.grouper:
            # Committed with the batch (flush), not per article: one SQLite commit per batch.
            self.grouper.assign(document, signature, commit=False)
        # Keyed by id: two copies of one URL in a batch leave the later one.
        self._pending[document.id] = document
        if len(self._pending) >= self.batch_size:
            self.flush()
        return document

    def add_many(self, documents: Iterable[Document]) -> IndexReport:
        for document in documents:
            self.add(document)
        return self.flush()

    def flush(self) -> IndexReport:
        if self.grouper:
            # Story rows before the batch reaches the index (and the crawl state records it).
            self.grouper.commit()
        if not self._pending:
            return self.report
        batch = list(self._pending.values())
        self._pending.clear()
        if self.spool is None:
            self._index(batch)
            return self.report
        try:
            if len(self.spool):
                self.replay()  # keep order: older spooled versions first
            self._index(batch)
        except BackendUnavailable as error:
            # Kept on disk, but not indexed yet: ``on_indexed`` (the crawl state) hears of them when
            # a replay gets them in, so a document the index then rejects is fetched again.
            self.spool.put(batch)
            self.report.spooled += len(batch)
            self.report.unavailable = str(error)
        return self.report

    def _index(self, batch: list[Document]) -> None:
        result = self.backend.index(batch)
        self.report.indexed += result.indexed
        self.report.errors += result.errors
        rejected = self._rejected(batch, result.errors)
        if rejected and self.spool is not None:
            self.spool.bury(rejected)
        self._indexed(batch, rejected)

    @staticmethod
    def _rejected(batch: list[Document], errors: list[tuple[str, str]]) -> list[tuple[Document, str]]:
        reasons = dict(errors)
        return [(document, reasons[document.id]) for document in batch if document.id in reasons]

    def _indexed(self, batch: list[Document], rejected: list[tuple[Document, str]]) -> None:
        failed = {document.id for document, _ in rejected}
        accepted = [d for d in batch if d.id not in failed]
        if self.spool is not None:
            self.spool.forget_dead_letters(d.id for d in accepted)  # superseded by what was taken
        if self.on_indexed:
            self.on_indexed(accepted)

    def replay(self) -> int:
        """Send spooled documents to the index, oldest first; raises BackendUnavailable if it is down.
        Documents the index rejects one by one become dead letters (``Spool.dead_letters``)."""
        replayed = 0
        while self.spool is not None:
            entries = self.spool.peek(500)
            if not entries:
                break
            # The latest spooled version of each document (the index keeps the last one anyway).
            batch = list({document.id: document for _, document in entries}.values())
            result = self.backend.index(batch)
            self.report.errors += result.errors
            rejected = self._rejected(batch, result.errors)
            self.spool.settle(entries[-1][0], rejected)  # removed and buried in one transaction
            self._indexed(batch, rejected)
            replayed += result.indexed
        self.report.replayed += replayed
        return replayed

    def close(self) -> None:
        self.flush()
        if self.spool is not None and len(self.spool):
            # A run with nothing new still delivers what an earlier run had to spool; if the index
            # is still away, the spool keeps them for the next run.
            with contextlib.suppress(BackendUnavailable):
                self.replay()
        self.backend.close()
        if self.grouper:
            self.grouper.close()
        if self.spool:
            self.spool.close()
        if self.corrections is not None:
            self.corrections.close()


def spool_path(config: SearchConfig) -> Path:
    return config.embedded_path.parent / SPOOL_FILE


def open_ingester(config: SearchConfig | None = None, *, refresh: bool = False) -> Ingester:
    """The configured backend with story grouping and analysis: what the crawler hands articles to."""
    config = config or SearchConfig.from_env()
    grouper = StoryGrouper(config.embedded_path.parent / STORIES_FILE)
    # Only a remote index can be away; the embedded one fails with the disk, spool or not.
    spool = None
    if config.backend == "elasticsearch":
        spool = Spool(spool_path(config))
    return Ingester(
        open_backend(config, refresh=refresh),
        grouper=grouper,
        annotate=annotate,
        spool=spool,
        corrections=CorrectionStore.open(config),
    )


def replay_spool(
    config: SearchConfig | None = None, *, dead_letters: bool = False, backend: SearchBackend | None = None
) -> tuple[IndexReport, int]:
    """Send what the spool holds to the index now (first the dead letters back into it, if asked);
    returns the report and how many dead letters remain. Raises BackendUnavailable if the index
    is away (the spool keeps everything). ``backend``: an open one to use (not closed here)."""
    config = config or SearchConfig.from_env()
    spool = Spool(spool_path(config))
    try:
        if dead_letters:
            spool.requeue_dead_letters()
        ingester = Ingester(backend or open_backend(config), spool=spool)
        try:
            ingester.replay()
            # Whoever asked (an admin's button, the command) looks at the index next: make what
            # was sent searchable now, not at Elasticsearch's next refresh.
            if ingester.report.replayed and hasattr(ingester.backend, "refresh_now"):
                ingester.backend.refresh_now()
        finally:
            if backend is None:
                ingester.backend.close()
        return ingester.report, spool.dead_count()
    finally:
        spool.close()
