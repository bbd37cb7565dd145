"""The durable spool: documents the index could not take yet, kept on disk and replayed in order.

When Elasticsearch is down or refuses a batch, the ingester writes the batch here instead of
losing it; every later flush first replays the spool (oldest first) and only removes entries the
index has acknowledged. Replaying is safe to repeat: documents are keyed by canonical URL, so a
batch written twice is still one document each.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from pathlib import Path

from search.document import Document
from search.private_files import connect_private


class Spool:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self.db = connect_private(self.path, timeout=30, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        # FULL: a spooled batch must survive a power cut, that is the spool's whole point.
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("CREATE TABLE IF NOT EXISTS spool (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
                        "document_id TEXT NOT NULL, source TEXT NOT NULL)")

    def put(self, documents: Iterable[Document]) -> int:
        rows = [(d.id, json.dumps(d.to_source(), ensure_ascii=False)) for d in documents]
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany("INSERT INTO spool(document_id, source) VALUES (?, ?)", rows)
            self.db.execute("COMMIT")
        return len(rows)

    def peek(self, limit: int = 500) -> list[tuple[int, Document]]:
        """The oldest entries, without removing them."""
        with self._lock:
            rows = self.db.execute("SELECT seq, source FROM spool ORDER BY seq LIMIT ?", (limit,)).fetchall()
        return [(seq, Document.from_source(json.loads(source))) for seq, source in rows]

    def remove_through(self, seq: int) -> None:
        with self._lock:
            self.db.execute("DELETE FROM spool WHERE seq <= ?", (seq,))

    def __len__(self) -> int:
        with self._lock:
            return self.db.execute("SELECT count(*) FROM spool").fetchone()[0]

    def close(self) -> None:
        self.db.close()
