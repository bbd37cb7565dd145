"""The embedded index: SQLite FTS5 in one file, the zero-setup default."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from search import query as ql
from search.backends.base import FACET_FIELDS, Hit, IndexReport, SearchRequest, SearchResult
from search.backends.sqlite_schema import create_schema
from search.document import Document, fold_keyword
from search.snippets import snippet

FACET_SIZE = 30


class EmbeddedBackend:
    name = "embedded"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        create_schema(self._connection())

    def _connection(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            ql.register_sqlite_functions(db)  # ordered proximity is checked by a Python function
            self._local.db = db
        return db

    def _db(self) -> _Transaction:
        """One transaction: a consistent snapshot for reads, atomic batches for writes."""
        return _Transaction(self._connection())

    # -- writing ---------------------------------------------------------------------------

    def index(self, documents: Iterable[Document]) -> IndexReport:
        report = IndexReport()
        with self._db() as db:
            for document in documents:
                try:
                    self._upsert(db, document)
                    report.indexed += 1
                except (sqlite3.Error, ValueError) as error:
                    report.errors.append((document.id, str(error)))
        return report

    def _upsert(self, db: sqlite3.Connection, document: Document) -> None:
        row = db.execute("SELECT rowid FROM articles WHERE id = ?", (document.id,)).fetchone()
        values = (document.id, document.url, document.outlet_id, document.outlet_kind, document.tone,
                  document.story_id, int(document.published_at.timestamp()), int(time.time()),
                  json.dumps(document.to_source(), ensure_ascii=False))
        if row:
            rowid = row[0]
            db.execute("UPDATE articles SET id=?, url=?, outlet_id=?, outlet_kind=?, tone=?, story_id=?, "
                       "published_ts=?, indexed_ts=?, source=? WHERE rowid=?", (*values, rowid))
            db.execute("DELETE FROM article_terms WHERE article_rowid = ?", (rowid,))
            db.execute("DELETE FROM articles_fts WHERE rowid = ?", (rowid,))
        else:
            rowid = db.execute("INSERT INTO articles(id, url, outlet_id, outlet_kind, tone, story_id, "
                               "published_ts, indexed_ts, source) VALUES (?,?,?,?,?,?,?,?,?)",
                               values).lastrowid
        db.executemany(
            "INSERT INTO article_terms(article_rowid, field, value, value_f) VALUES (?,?,?,?)",
            [(rowid, name, value, fold_keyword(value))
             for name, values_ in document.keyword_values().items() for value in values_],
        )
        text = document.match_text()
        db.execute("INSERT INTO articles_fts(rowid, title_f, sapo_f, body_f, title_x, sapo_x, body_x) "
                   "VALUES (?,?,?,?,?,?,?)", (rowid, text["title_f"], text["sapo_f"], text["body_f"],
                                               text["title_x"], text["sapo_x"], text["body_x"]))

    def delete(self, document_id: str) -> None:
        with self._db() as db:
            row = db.execute("SELECT rowid FROM articles WHERE id = ?", (document_id,)).fetchone()
            if row:
                db.execute("DELETE FROM articles_fts WHERE rowid = ?", row)
                db.execute("DELETE FROM articles WHERE rowid = ?", row)

    # -- reading ---------------------------------------------------------------------------

    def _where(self, request: SearchRequest, node: ql.Node) -> tuple[str, list]:
        clauses, params = [], []
        expr, expr_params = ql.to_sqlite(node, now=request.now)
        clauses.append(f"({expr})")
        params += expr_params
        for name, values in request.filters().items():
            if values:
                marks = ",".join("?" * len(values))
                clauses.append("a.rowid IN (SELECT article_rowid FROM article_terms "
                               f"WHERE field = ? AND value_f IN ({marks}))")
                params += [name, *(fold_keyword(v) for v in values)]
        start, end = request.time_bounds()
        if start:
            clauses.append("a.published_ts >= ?")
            params.append(int(start.timestamp()))
        if end:
            clauses.append("a.published_ts < ?")
            params.append(int(end.timestamp()))
        return " AND ".join(clauses), params

    def search(self, request: SearchRequest) -> SearchResult:
        node = ql.parse(request.query)
        where, params = self._where(request, node)
        rank = ql.fts_rank_match(node)
        order = "a.published_ts DESC, a.id"
        select = "SELECT a.rowid, a.source, 0.0 AS score FROM articles a"
        select_params: list = []
        if rank and request.sort == "relevance":
            # bm25 is lower-is-better; title and sapo weigh more than the body.
            select = ("SELECT a.rowid, a.source, coalesce(-r.score, 0.0) AS score FROM articles a "
                      "LEFT JOIN (SELECT rowid, bm25(articles_fts, 4, 2, 1, 4, 2, 1) AS score "
                      "FROM articles_fts WHERE articles_fts MATCH ?) r ON r.rowid = a.rowid")
            select_params = [rank]
            order = "score DESC, a.published_ts DESC, a.id"
        with self._db() as db:
            total = db.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0]
            page = db.execute(f"{select} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
                              select_params + params + [request.limit, request.offset]).fetchall()
            matching_sql, matching_params = f"SELECT a.rowid FROM articles a WHERE {where}", params
            facets = self._facets(db, matching_sql, matching_params) if request.facets else {}
        terms = ql.highlight_terms(node)
        hits = []
        for _, source, score in page:
            document = Document.from_source(json.loads(source))
            hits.append(Hit(document, float(score), snippet([document.sapo, document.body], terms)))
        return SearchResult(total=total, hits=hits, facets=facets)

    def _facets(self, db: sqlite3.Connection, matching_sql: str, params: list) -> dict:
        marks = ",".join("?" * len(FACET_FIELDS))
        rows = db.execute(
            f"SELECT field, min(value), count(DISTINCT article_rowid) AS n FROM article_terms "
            f"WHERE field IN ({marks}) AND article_rowid IN ({matching_sql}) "
            "GROUP BY field, value_f ORDER BY n DESC, min(value)", [*FACET_FIELDS, *params])
        facets: dict[str, list[tuple[str, int]]] = {name: [] for name in FACET_FIELDS}
        for name, value, count in rows:
            if len(facets[name]) < FACET_SIZE:
                facets[name].append((value, count))
        return facets

    def get(self, document_id: str) -> Document | None:
        with self._db() as db:
            row = db.execute("SELECT source FROM articles WHERE id = ?", (document_id,)).fetchone()
        return Document.from_source(json.loads(row[0])) if row else None

    def count(self) -> int:
        with self._db() as db:
            return db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def ids(self) -> set[str]:
        with self._db() as db:
            return {row[0] for row in db.execute("SELECT id FROM articles")}

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None


class _Transaction:
    """``with backend._db() as db``: one IMMEDIATE transaction, committed or rolled back."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN")
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
