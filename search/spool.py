"""The durable spool: documents the index could not take yet, kept on disk and replayed in order.

When Elasticsearch is down or refuses a batch, the ingester writes the batch here instead of
losing it; every later flush first replays the spool (oldest first) and only removes entries the
index has acknowledged. Replaying is safe to repeat: documents are keyed by canonical URL, so a
batch written twice is still one document each.

Documents the index rejects one by one (a mapping conflict, a read-only index block) are not
dropped: they move to the dead letters with the index's reason, which the operations page lists
and ``presswatch spool replay --dead-letters`` (or the page's button) puts back into the spool.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from search.document import LOCAL_TZ, Document
from search.private_files import connect_private


@dataclass
class DeadLetter:
    """A document the index rejected, with the index's reason."""

    document_id: str
    url: str
    title: str
    outlet_id: str
    reason: str
    failed_at: datetime
    attempts: int


class Spool:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self.db = connect_private(self.path, timeout=30, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        # FULL: a spooled batch must survive a power cut, that is the spool's whole point.
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS spool (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
            "document_id TEXT NOT NULL, source TEXT NOT NULL)"
        )
        # One row per document (its latest rejected version); attempts counts the rejections.
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS dead_letters (document_id TEXT PRIMARY KEY, "
            "source TEXT NOT NULL, reason TEXT NOT NULL, failed_at TEXT NOT NULL, "
            "attempts INTEGER NOT NULL DEFAULT 1)"
        )

    def put(self, documents: Iterable[Document]) -> int:
        rows = [(d.id, json.dumps(d.to_source(), ensure_ascii=False)) for d in documents]
        with self._transaction():
            self.db.executemany("INSERT INTO spool(document_id, source) VALUES (?, ?)", rows)
        return len(rows)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction (the lock taken first), rolled back if anything fails."""
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def peek(self, limit: int = 500) -> list[tuple[int, Document]]:
        """The oldest entries, without removing them."""
        with self._lock:
            rows = self.db.execute("SELECT seq, source FROM spool ORDER BY seq LIMIT ?", (limit,)).fetchall()
        return [(seq, Document.from_source(json.loads(source))) for seq, source in rows]

    def remove_through(self, seq: int) -> None:
        with self._lock:
            self.db.execute("DELETE FROM spool WHERE seq <= ?", (seq,))

    def settle(self, through: int | None, rejected: Iterable[tuple[Document, str]]) -> None:
        """Remove entries up to ``through`` (replayed) and keep the rejected ones as dead letters,
        in one transaction: a document is always in the spool or in the dead letters."""
        now = datetime.now(LOCAL_TZ).isoformat(timespec="seconds")
        rows = [
            (d.id, json.dumps(d.to_source(), ensure_ascii=False), reason[:2000], now)
            for d, reason in rejected
        ]
        with self._transaction():
            self.db.executemany(
                "INSERT INTO dead_letters(document_id, source, reason, failed_at) VALUES (?,?,?,?) "
                "ON CONFLICT(document_id) DO UPDATE SET source = excluded.source, "
                "reason = excluded.reason, failed_at = excluded.failed_at, attempts = attempts + 1",
                rows,
            )
            if through is not None:
                self.db.execute("DELETE FROM spool WHERE seq <= ?", (through,))

    def bury(self, rejected: Iterable[tuple[Document, str]]) -> None:
        """Keep documents the index rejected (outside a replay) as dead letters."""
        self.settle(None, rejected)

    def dead_letters(self, limit: int = 100) -> list[DeadLetter]:
        """The most recently rejected first."""
        with self._lock:
            rows = self.db.execute(
                "SELECT document_id, source, reason, failed_at, attempts "
                "FROM dead_letters ORDER BY failed_at DESC, document_id LIMIT ?",
                (limit,),
            ).fetchall()
        letters = []
        for document_id, source, reason, failed_at, attempts in rows:
            data = json.loads(source)
            letters.append(
                DeadLetter(
                    document_id,
                    data.get("url", ""),
                    data.get("title", ""),
                    data.get("outlet_id", ""),
                    reason,
                    datetime.fromisoformat(failed_at),
                    attempts,
                )
            )
        return letters

    def forget_dead_letters(self, document_ids: Iterable[str]) -> None:
        """Drop the dead letters of documents the index has just taken in a newer version: sent
        again later, the old version would overwrite the new one."""
        ids = list(document_ids)
        with self._lock:
            if not ids or self.db.execute("SELECT 1 FROM dead_letters LIMIT 1").fetchone() is None:
                return  # the usual case: nothing to forget, no write (and no fsync) per batch
        with self._transaction():
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                self.db.execute(f"DELETE FROM dead_letters WHERE document_id IN ({marks})", chunk)

    def dead_count(self) -> int:
        with self._lock:
            return int(self.db.execute("SELECT count(*) FROM dead_letters").fetchone()[0])

    def requeue_dead_letters(self) -> int:
        """Move every dead letter back into the spool (the next replay sends them again)."""
        with self._transaction():
            moved = self.db.execute(
                "INSERT INTO spool(document_id, source) SELECT document_id, source "
                "FROM dead_letters ORDER BY failed_at"
            ).rowcount
            self.db.execute("DELETE FROM dead_letters")
        return moved

    def __len__(self) -> int:
        with self._lock:
            return int(self.db.execute("SELECT count(*) FROM spool").fetchone()[0])

    def close(self) -> None:
        self.db.close()
