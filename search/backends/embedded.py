"""The embedded index: SQLite FTS5 in one file, the zero-setup default."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

from search import query as ql
from search.backends.base import (
    FACET_FIELDS,
    Hit,
    IndexReport,
    SearchRequest,
    SearchResult,
    StorySummary,
)
from search.backends.sqlite_schema import create_schema, prune_changes
from search.document import Document, fold_keyword
from search.private_files import connect_private, private_dir
from search.snippets import snippet

if TYPE_CHECKING:  # numpy serves reads: a crawl, which only writes here, starts without it
    import numpy as np

    from search.backends.embedded_columns import Columns, Snapshot

FACET_SIZE = 30
# Write transactions tried this many times, each waiting the 30 s busy timeout for the lock.
WRITE_ATTEMPTS = 5
T = TypeVar("T")


class EmbeddedBackend:
    name = "embedded"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        private_dir(self.path.parent)
        self._local = threading.local()
        self._columns: Columns | None = None
        self._columns_lock = threading.Lock()
        create_schema(self._connection())

    def _connection(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = connect_private(self.path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            # The index is read far more than written: map it and keep a large page cache
            # (the defaults, no mmap and 2 MB, turn every FTS lookup into read() calls).
            db.execute("PRAGMA mmap_size=1073741824")
            db.execute("PRAGMA cache_size=-65536")
            ql.register_sqlite_functions(db)  # ordered proximity is checked by a Python function
            self._local.db = db
        return db

    @property
    def columns(self) -> Columns:
        """The in-memory columns (search.backends.embedded_columns), made on the first read."""
        if self._columns is None:
            with self._columns_lock:
                if self._columns is None:
                    from search.backends.embedded_columns import Columns

                    self._columns = Columns()
        return self._columns

    def _db(self) -> _Transaction:
        """One read transaction: a consistent snapshot."""
        return _Transaction(self._connection())

    def _write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``work`` in one write transaction, retried if the database stays locked.

        ``BEGIN IMMEDIATE`` takes the write lock first, waiting the busy timeout for another
        process's writer (a crawl, a retag, the web app). A deferred ``BEGIN`` that reads and then
        writes fails at once with SQLITE_BUSY_SNAPSHOT (no waiting) when another writer committed
        in between: two writers on one index crashed each other."""
        db = self._connection()
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with _Transaction(db, "BEGIN IMMEDIATE"):
                    return work(db)
            except sqlite3.OperationalError as error:
                if not _is_busy(error) or attempt == WRITE_ATTEMPTS - 1:
                    raise
                time.sleep(min(2.0, 0.05 * 2**attempt))  # then wait the busy timeout again
        raise AssertionError("unreachable")

    # -- writing ---------------------------------------------------------------------------

    def index(self, documents: Iterable[Document]) -> IndexReport:
        documents = list(documents)  # a retried transaction writes them again

        def write(db: sqlite3.Connection) -> IndexReport:
            report = IndexReport()
            for document in documents:
                try:
                    self._upsert(db, document)
                    report.indexed += 1
                except (sqlite3.Error, ValueError) as error:
                    if isinstance(error, sqlite3.OperationalError) and _is_busy(error):
                        raise  # the whole batch is retried, not one document lost
                    report.errors.append((document.id, str(error)))
            prune_changes(db)
            return report

        return self._write(write)

    def _upsert(self, db: sqlite3.Connection, document: Document) -> None:
        row = db.execute("SELECT rowid FROM articles WHERE id = ?", (document.id,)).fetchone()
        values = (
            document.id,
            document.url,
            document.outlet_id,
            document.outlet_kind,
            document.tone,
            document.story_id,
            int(document.published_at.timestamp()),
            int(time.time()),
            json.dumps(document.to_source(), ensure_ascii=False),
        )
        if row:
            rowid = row[0]
            db.execute(
                "UPDATE articles SET id=?, url=?, outlet_id=?, outlet_kind=?, tone=?, story_id=?, "
                "published_ts=?, indexed_ts=?, source=? WHERE rowid=?",
                (*values, rowid),
            )
            db.execute("DELETE FROM article_terms WHERE article_rowid = ?", (rowid,))
            db.execute("DELETE FROM articles_fts WHERE rowid = ?", (rowid,))
        else:
            rowid = db.execute(
                "INSERT INTO articles(id, url, outlet_id, outlet_kind, tone, story_id, "
                "published_ts, indexed_ts, source) VALUES (?,?,?,?,?,?,?,?,?)",
                values,
            ).lastrowid
        db.executemany(
            "INSERT INTO article_terms(article_rowid, field, value, value_f) VALUES (?,?,?,?)",
            [
                (rowid, name, value, fold_keyword(value))
                for name, values_ in document.keyword_values().items()
                for value in values_
            ],
        )
        text = document.match_text()
        db.execute(
            "INSERT INTO articles_fts(rowid, title_f, sapo_f, body_f, title_x, sapo_x, body_x) "
            "VALUES (?,?,?,?,?,?,?)",
            (
                rowid,
                text["title_f"],
                text["sapo_f"],
                text["body_f"],
                text["title_x"],
                text["sapo_x"],
                text["body_x"],
            ),
        )

    def delete(self, document_id: str) -> None:
        def write(db: sqlite3.Connection) -> None:
            row = db.execute("SELECT rowid FROM articles WHERE id = ?", (document_id,)).fetchone()
            if row:
                db.execute("DELETE FROM articles_fts WHERE rowid = ?", row)
                db.execute("DELETE FROM articles WHERE rowid = ?", row)

        self._write(write)

    # -- reading ---------------------------------------------------------------------------

    def _where(self, request: SearchRequest, node: ql.Node) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        expr, expr_params = ql.to_sqlite(node, now=request.now)
        clauses.append(f"({expr})")
        params += expr_params
        for name, values in request.filters().items():
            if values:
                marks = ",".join("?" * len(values))
                clauses.append(
                    "a.rowid IN (SELECT article_rowid FROM article_terms "
                    f"WHERE field = ? AND value_f IN ({marks}))"
                )
                params += [name, *(fold_keyword(v) for v in values)]
        start, end = request.time_bounds()
        if start:
            clauses.append("a.published_ts >= ?")
            params.append(int(start.timestamp()))
        if end:
            clauses.append("a.published_ts < ?")
            params.append(int(end.timestamp()))
        return " AND ".join(clauses), params

    def _matched(
        self, db: sqlite3.Connection, request: SearchRequest, node: ql.Node, snapshot: Snapshot
    ) -> np.ndarray:
        """The matching rowids, ascending (SQLite finds them; the columns count them)."""
        import numpy as np

        if isinstance(node, ql.MatchAll):
            start, end = request.time_bounds()
            filters = {
                name: [fold_keyword(value) for value in values]
                for name, values in request.filters().items()
                if values
            }
            return self.columns.filtered(
                snapshot,
                filters,
                int(start.timestamp()) if start else None,
                int(end.timestamp()) if end else None,
            )
        where, params = self._where(request, node)
        rows = db.execute(f"SELECT a.rowid FROM articles a WHERE {where}", params)
        matched = np.fromiter(chain.from_iterable(rows), dtype=np.int64)
        matched.sort()
        return matched

    @staticmethod
    def _scores(db: sqlite3.Connection, rank: str, matched: np.ndarray) -> np.ndarray:
        """Relevance of each match: bm25 (lower is better, so negated), title and sapo weighing more."""
        import numpy as np

        rows = db.execute(
            "SELECT rowid, -bm25(articles_fts, 4, 2, 1, 4, 2, 1) FROM articles_fts "
            "WHERE articles_fts MATCH ?",
            (rank,),
        ).fetchall()
        ranked = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
        values = np.fromiter((row[1] for row in rows), dtype=np.float64, count=len(rows))
        order = np.argsort(ranked, kind="stable")
        ranked, values = ranked[order], values[order]
        scores = np.zeros(matched.size, dtype=np.float64)
        if ranked.size:
            at = np.minimum(np.searchsorted(ranked, matched), ranked.size - 1)
            found = ranked[at] == matched
            scores[found] = values[at[found]]
        return scores

    def search(self, request: SearchRequest) -> SearchResult:
        import numpy as np

        node = ql.parse(request.query)
        columns = self.columns
        with self._db() as db:
            snapshot = columns.sync(db)
            matched = self._matched(db, request, node, snapshot)
            page, scores = np.zeros(0, dtype=np.int64), None
            if request.limit > 0:
                rank = ql.fts_rank_match(node) if request.sort == "relevance" else None
                scores = self._scores(db, rank, matched) if rank else None
                if request.collapse:
                    ordered = columns.first_per_story(snapshot, columns.order(snapshot, matched, scores))
                else:
                    ordered = columns.order(snapshot, matched, scores, first=request.offset + request.limit)
                page = ordered[request.offset : request.offset + request.limit]
            sources = self._sources(db, page.tolist())
        total = columns.story_count(snapshot, matched) if request.collapse else int(matched.size)
        sizes = columns.story_sizes(snapshot, matched, page.tolist()) if request.collapse else {}
        facets = columns.facets(snapshot, matched, FACET_FIELDS, FACET_SIZE) if request.facets else {}
        histogram = columns.histogram(snapshot, matched, request.histogram) if request.histogram else []
        terms = ql.highlight_terms(node)
        hits = []
        for rowid in page.tolist():
            document = Document.from_source(json.loads(sources[rowid]))
            score = float(scores[np.searchsorted(matched, rowid)]) if scores is not None else 0.0
            articles, outlets = sizes.get(rowid, (1, 1))
            hits.append(
                Hit(
                    document,
                    score,
                    snippet([document.sapo, document.body], terms),
                    story_size=articles,
                    story_outlets=outlets,
                )
            )
        return SearchResult(total=total, hits=hits, facets=facets, histogram=histogram)

    @staticmethod
    def _sources(db: sqlite3.Connection, rowids: list[int]) -> dict[int, str]:
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        return dict(db.execute(f"SELECT rowid, source FROM articles WHERE rowid IN ({marks})", rowids))

    def scan(self, request: SearchRequest) -> Iterator[Document]:
        node = ql.parse(request.query)
        where, params = self._where(request, node)
        # A read transaction per page keeps the database free for writers between pages.
        last: tuple[int, str] | None = None
        while True:
            after, after_params = "", []
            if last:
                after = " AND (a.published_ts < ? OR (a.published_ts = ? AND a.id > ?))"
                after_params = [last[0], last[0], last[1]]
            with self._db() as db:
                rows = db.execute(
                    f"SELECT a.published_ts, a.id, a.source FROM articles a WHERE {where}"
                    f"{after} ORDER BY a.published_ts DESC, a.id LIMIT 1000",
                    params + after_params,
                ).fetchall()
            for published_ts, document_id, source in rows:
                yield Document.from_source(json.loads(source))
                last = (published_ts, document_id)
            if len(rows) < 1000:
                return

    def stories(self, request: SearchRequest, size: int = 10) -> list[StorySummary]:
        node = ql.parse(request.query)
        with self._db() as db:
            snapshot = self.columns.sync(db)
            matched = self._matched(db, request, node, snapshot)
            chosen = self.columns.top_stories(snapshot, matched, size)
            sources = self._sources(db, [first for _, _, _, first in chosen])
        return [
            StorySummary(story, articles, outlets, Document.from_source(json.loads(sources[first])))
            for story, articles, outlets, first in chosen
        ]

    def pivot(self, request: SearchRequest, row: str, column: str) -> dict[str, dict[str, int]]:
        node = ql.parse(request.query)
        with self._db() as db:
            snapshot = self.columns.sync(db)
            matched = self._matched(db, request, node, snapshot)
        return self.columns.pivot(snapshot, matched, row, column)

    def warm(self) -> None:
        """Read the columns now rather than on the first search."""
        with self._db() as db:
            self.columns.sync(db)

    def get(self, document_id: str) -> Document | None:
        with self._db() as db:
            row = db.execute("SELECT source FROM articles WHERE id = ?", (document_id,)).fetchone()
        return Document.from_source(json.loads(row[0])) if row else None

    def count(self) -> int:
        with self._db() as db:
            return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def ids(self) -> set[str]:
        with self._db() as db:
            return {row[0] for row in db.execute("SELECT id FROM articles")}

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None


def _is_busy(error: sqlite3.OperationalError) -> bool:
    """SQLITE_BUSY or SQLITE_LOCKED, extended codes included ("database is locked")."""
    return (getattr(error, "sqlite_errorcode", 0) & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


class _Transaction:
    """``with _Transaction(db) as db``: one transaction (deferred for reads, ``BEGIN IMMEDIATE``
    for writes), committed or rolled back."""

    def __init__(self, db: sqlite3.Connection, begin: str = "BEGIN") -> None:
        self.db = db
        self.begin = begin

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute(self.begin)
        return self.db

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
