"""Versions and takedowns: the first-seen copy of every article and what outlets did to it later.

Outlets edit articles after publication (a title softened, a paragraph removed) and take them
down (404/410, a redirect to the home page, the body replaced by a notice), often after the
province answered the problem an article raised. Staff need both as evidence, so:

* the **first-seen copy** of each article: its title, sapo and body as first extracted, and the
  page's HTML compressed (zlib), within a size budget: ``PRESSWATCH_SNAPSHOT_BUDGET_MB`` for all
  snapshots together (the oldest snapshots are dropped first, their text is kept) and
  ``PRESSWATCH_SNAPSHOT_MAX_KB`` per page (a bigger page keeps its text only);
* **events**: each edit (which of title, sapo, body changed, old and new text) and each takedown
  (how, HTTP status, the address it ended at), with the time it was seen;
* the **current** version, which re-crawls compare against, and when it was last checked.

Like the corrections, the store is ``search``'s (``<data dir>/versions.sqlite3``): the crawler's
pipeline writes it, the web app reads it; neither imports the other. Events are append-only. The
records and rules (what an edit or a takedown is, the snapshot budget): ``search.version_records``;
the tables: ``search.version_schema``.
"""

from __future__ import annotations

import json
import threading
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from search.config import VERSIONS_FILE, SearchConfig
from search.private_files import connect_private
from search.version_records import (
    FIELDS,
    REPLACED_BELOW,
    TAKEDOWN_REASONS,
    Event,
    FirstSeen,
    History,
    shared_words,
    snapshot_budget,
)
from search.version_schema import SCHEMA


def versions_path(config: SearchConfig) -> Path:
    """Beside the story table and the corrections (the data folder), whatever the backend."""
    return config.embedded_path.parent / VERSIONS_FILE


def _clean(text: str) -> str:
    return " ".join((text or "").split())


def _utc(at: datetime | None) -> datetime:
    return (at or datetime.now(UTC)).astimezone(UTC)


class VersionStore:
    """The versions database; one connection shared by threads under a lock."""

    def __init__(self, path: Path | str, budget: tuple[int, int] | None = None) -> None:
        self.path = Path(path)
        self.budget, self.max_snapshot = budget or snapshot_budget()
        self._lock = threading.Lock()
        self.db = connect_private(self.path, timeout=30, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        # One commit per crawled article: NORMAL skips the fsync per commit that FULL does in WAL
        # mode (a power cut may lose the last commits, never corrupt the file).
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    @classmethod
    def open(cls, config: SearchConfig | None = None) -> VersionStore:
        return cls(versions_path(config or SearchConfig.from_env()))

    @classmethod
    def open_in(cls, data_dir: Path | str) -> VersionStore:
        """The store of the data folder ``data_dir`` (the embedded layout's place for it)."""
        return cls.open(SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(data_dir)}))

    # -- writing (the crawler's pipeline) ---------------------------------------------------------

    def observe(
        self,
        *,
        document_id: str,
        url: str,
        outlet_id: str,
        published_at: datetime,
        title: str,
        sapo: str,
        body: str,
        html: bytes | None = None,
        at: datetime | None = None,
    ) -> Event | None:
        """An article as just extracted. The first time: keep its first-seen copy. Later: compare
        with the current version and record an edit (or a replaced body: a takedown); None when
        nothing changed."""
        now = _utc(at).isoformat()
        texts = {"title": _clean(title), "sapo": _clean(sapo), "body": (body or "").strip()}
        with self._lock, self.db:
            row = self.db.execute(
                "SELECT title, sapo, body, gone_at FROM current WHERE document_id = ?", (document_id,)
            ).fetchone()
            if row is None:
                self._first_seen(document_id, url, outlet_id, now, texts, html)
                self.db.execute(
                    "INSERT INTO current(document_id, url, outlet_id, published_at, title, sapo, "
                    "body, checked_at) VALUES (?,?,?,?,?,?,?,?)",
                    (
                        document_id,
                        url,
                        outlet_id,
                        _utc(published_at).isoformat(),
                        texts["title"],
                        texts["sapo"],
                        texts["body"],
                        now,
                    ),
                )
                return None
            old = dict(zip(FIELDS, row[:3], strict=True))
            changed = [name for name in FIELDS if _clean(old[name]) != _clean(texts[name])]
            replaced = (
                "body" in changed
                and shared_words(old["body"], texts["body"]) < REPLACED_BELOW
                and len(texts["body"]) < len(old["body"])
            )
            # Seen as the article again (same text, or edited): it is back, if it had gone.
            self.db.execute(
                "UPDATE current SET checked_at = ?, gone_at = CASE WHEN ? THEN gone_at END "
                "WHERE document_id = ?",
                (now, replaced, document_id),
            )
            if not changed or (replaced and row[3]):
                return None
            if replaced:
                return self._takedown(
                    document_id,
                    url,
                    outlet_id,
                    now,
                    {
                        "reason": "body_replaced",
                        "status": 200,
                        "new_body": texts["body"][:2000],
                        "new_title": texts["title"],
                    },
                )
            detail = {
                "fields": changed,
                "old": {n: old[n] for n in changed},
                "new": {n: texts[n] for n in changed},
            }
            self.db.execute(
                "UPDATE current SET title = ?, sapo = ?, body = ? WHERE document_id = ?",
                (texts["title"], texts["sapo"], texts["body"], document_id),
            )
            return self._event(document_id, url, outlet_id, "edit", now, detail)

    def record_takedown(
        self,
        *,
        document_id: str,
        url: str,
        outlet_id: str,
        reason: str,
        status: int = 0,
        final_url: str = "",
        note: str = "",
        at: datetime | None = None,
    ) -> Event | None:
        """The article is gone (see TAKEDOWN_REASONS); recorded once per disappearance."""
        if reason not in TAKEDOWN_REASONS:
            raise ValueError(f"unknown takedown reason {reason!r}")
        now = _utc(at).isoformat()
        with self._lock, self.db:
            row = self.db.execute(
                "SELECT gone_at FROM current WHERE document_id = ?", (document_id,)
            ).fetchone()
            if row is None or row[0]:
                return None  # never seen as an article, or already recorded as gone
            detail: dict[str, Any] = {"reason": reason, "status": status}
            if final_url:
                detail["final_url"] = final_url
            if note:
                detail["note"] = note[:500]
            return self._takedown(document_id, url, outlet_id, now, detail)

    def checked(self, document_id: str, at: datetime | None = None) -> None:
        """A recheck found the article unchanged (a 304, or the same text)."""
        with self._lock, self.db:
            self.db.execute(
                "UPDATE current SET checked_at = ? WHERE document_id = ?", (_utc(at).isoformat(), document_id)
            )

    def _takedown(
        self, document_id: str, url: str, outlet_id: str, now: str, detail: dict[str, Any]
    ) -> Event:
        self.db.execute(
            "UPDATE current SET gone_at = ?, checked_at = ? WHERE document_id = ?", (now, now, document_id)
        )
        return self._event(document_id, url, outlet_id, "takedown", now, detail)

    def _event(
        self, document_id: str, url: str, outlet_id: str, kind: str, now: str, detail: dict[str, Any]
    ) -> Event:
        cursor = self.db.execute(
            "INSERT INTO events(document_id, url, outlet_id, kind, seen_at, detail) VALUES (?,?,?,?,?,?)",
            (document_id, url, outlet_id, kind, now, json.dumps(detail, ensure_ascii=False)),
        )
        return Event(
            int(cursor.lastrowid or 0), document_id, url, outlet_id, kind, datetime.fromisoformat(now), detail
        )

    def _first_seen(
        self, document_id: str, url: str, outlet_id: str, now: str, texts: dict[str, str], html: bytes | None
    ) -> None:
        packed = zlib.compress(html, 6) if html else None
        if packed is not None and len(packed) > self.max_snapshot:
            packed = None  # the text is kept; a page this big is a page, not an article's copy
        self.db.execute(
            "INSERT OR IGNORE INTO first_seen(document_id, url, outlet_id, seen_at, title, sapo, body, "
            "html, html_bytes) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                document_id,
                url,
                outlet_id,
                now,
                texts["title"],
                texts["sapo"],
                texts["body"],
                packed,
                len(packed) if packed else 0,
            ),
        )
        if packed:
            self._keep_within_budget()

    def _keep_within_budget(self) -> None:
        """Drop the oldest snapshots (not their text) until all of them fit the budget."""
        total = self.db.execute("SELECT coalesce(sum(html_bytes), 0) FROM first_seen").fetchone()[0]
        while total > self.budget:
            rows = self.db.execute(
                "SELECT document_id, html_bytes FROM first_seen WHERE html_bytes > 0 "
                "ORDER BY seen_at, document_id LIMIT 100"
            ).fetchall()
            if not rows:
                break
            for document_id, size in rows:
                if total <= self.budget:
                    break
                self.db.execute(
                    "UPDATE first_seen SET html = NULL, html_bytes = 0 WHERE document_id = ?", (document_id,)
                )
                total -= size

    # -- reading (the spider's rechecks, the web app, the reports) --------------------------------

    def due_for_recheck(
        self, outlet_id: str, *, days: int, every_hours: float, limit: int, now: datetime | None = None
    ) -> list[tuple[str, str]]:
        """(document id, URL) of the outlet's articles published in the last ``days`` days, not
        gone, and not checked for ``every_hours`` hours: least recently checked first."""
        now = _utc(now)
        with self._lock:
            rows = self.db.execute(
                "SELECT document_id, url FROM current WHERE outlet_id = ? AND gone_at IS NULL "
                "AND published_at >= ? AND checked_at <= ? ORDER BY checked_at LIMIT ?",
                (
                    outlet_id,
                    (now - timedelta(days=days)).isoformat(),
                    (now - timedelta(hours=every_hours)).isoformat(),
                    limit,
                ),
            ).fetchall()
        return [(row[0], row[1]) for row in rows]

    @staticmethod
    def _row(row: tuple[Any, ...]) -> Event:
        return Event(
            row[0], row[1], row[2], row[3], row[4], datetime.fromisoformat(row[5]), json.loads(row[6])
        )

    def history(self, document_id: str) -> History:
        with self._lock:
            first = self.db.execute(
                "SELECT document_id, url, seen_at, title, sapo, body, html IS NOT NULL, "
                "html_bytes FROM first_seen WHERE document_id = ?",
                (document_id,),
            ).fetchone()
            events = self.db.execute(
                "SELECT id, document_id, url, outlet_id, kind, seen_at, detail FROM events "
                "WHERE document_id = ? ORDER BY id",
                (document_id,),
            ).fetchall()
            current = self.db.execute(
                "SELECT gone_at, checked_at FROM current WHERE document_id = ?", (document_id,)
            ).fetchone()
        history = History(events=[self._row(row) for row in events])
        if first:
            history.first_seen = FirstSeen(
                first[0],
                first[1],
                datetime.fromisoformat(first[2]),
                first[3],
                first[4],
                first[5],
                bool(first[6]),
                first[7],
            )
        if current:
            history.gone_at = datetime.fromisoformat(current[0]) if current[0] else None
            history.checked_at = datetime.fromisoformat(current[1])
        return history

    def status(self, document_ids: list[str]) -> dict[str, str]:
        """document id -> "taken_down" or "edited" for those of ``document_ids`` that were (the
        work queue's marks); unchanged articles are left out."""
        out: dict[str, str] = {}
        with self._lock:
            for start in range(0, len(document_ids), 500):
                chunk = document_ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self.db.execute(
                    f"SELECT document_id, gone_at IS NOT NULL, EXISTS (SELECT 1 FROM events e WHERE "  # noqa: S608
                    f"e.document_id = c.document_id AND e.kind = 'edit') FROM current c "
                    f"WHERE document_id IN ({marks})",
                    chunk,
                ).fetchall()
                for document_id, gone, edited in rows:
                    if gone or edited:
                        out[document_id] = "taken_down" if gone else "edited"
        return out

    def snapshot(self, document_id: str) -> bytes | None:
        """The first-seen page's HTML, decompressed; None when none was kept."""
        with self._lock:
            row = self.db.execute(
                "SELECT html FROM first_seen WHERE document_id = ?", (document_id,)
            ).fetchone()
        return zlib.decompress(row[0]) if row and row[0] else None

    def events_between(
        self, start: datetime, end: datetime, kinds: tuple[str, ...] = ("edit", "takedown"), after_id: int = 0
    ) -> list[Event]:
        """Events seen in [start, end), oldest first (the briefing's period, an alert's window)."""
        marks = ",".join("?" * len(kinds))
        with self._lock:
            rows = self.db.execute(
                "SELECT id, document_id, url, outlet_id, kind, seen_at, detail FROM events "
                f"WHERE seen_at >= ? AND seen_at < ? AND id > ? AND kind IN ({marks}) ORDER BY id",  # noqa: S608 - only '?' marks
                (_utc(start).isoformat(), _utc(end).isoformat(), after_id, *kinds),
            ).fetchall()
        return [self._row(row) for row in rows]

    def close(self) -> None:
        with self._lock:
            self.db.close()
