"""Staff corrections of an article's tone, topics and provinces, and their re-application.

An editor's correction must outlive everything that rewrites the analysis: ``presswatch retag``,
the admin's background retag and a re-crawl of the same URL. All three go through ``search``
(``annotate`` then ``index``), and ``search`` imports neither ``web`` nor ``crawler``, so the
corrections live in a store ``search`` owns: ``<data dir>/corrections.sqlite3``, next to the story
table. The web app writes it (who, when, old → new); ``Ingester`` and both retags read it.

The table is append-only history; the article's current correction is its latest row.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from search.config import CORRECTIONS_FILE, SearchConfig
from search.document import Document
from search.private_files import connect_private

SCHEMA = """
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL,
    url TEXT NOT NULL,
    corrected_by TEXT NOT NULL,
    corrected_at TEXT NOT NULL,
    old TEXT NOT NULL,
    new TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS corrections_document ON corrections(document_id, id);
CREATE TRIGGER IF NOT EXISTS corrections_append_only_update BEFORE UPDATE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;
CREATE TRIGGER IF NOT EXISTS corrections_append_only_delete BEFORE DELETE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;
"""
FIELDS = ("tone", "topics", "provinces")


@dataclass(frozen=True)
class Correction:
    id: int
    document_id: str
    url: str
    corrected_by: str  # the editor's display name or address, as staff should see it
    corrected_at: datetime  # UTC
    old: dict[str, Any]  # {"tone": str, "topics": [...], "provinces": [...]} before
    new: dict[str, Any]  # and after

    def explanation(self) -> dict[str, Any]:
        """What ``Document.explanations["correction"]`` holds: enough for the article page."""
        return {
            "by": self.corrected_by,
            "at": self.corrected_at.isoformat(),
            "id": self.id,
            "old": self.old,
            "old_units": self.new.get("old_units", []),
        }


def corrections_path(config: SearchConfig) -> Path:
    """Beside the story table (the data folder), whichever backend holds the articles."""
    return config.embedded_path.parent / CORRECTIONS_FILE


def with_new_units(old_units: list[str]) -> list[str]:
    """``Document.provinces``' form: the old units, then the new units they became, each once.
    Raises KeyError for a name that is not a pre-2025 unit."""
    from search.analysis.gazetteer import default_gazetteer  # the gazetteer loads on first use only

    units = default_gazetteer().units
    out: list[str] = []
    for name in list(old_units) + [units[name].new_name for name in old_units]:
        if name not in out:
            out.append(name)
    return out


def _values(document: Document) -> dict[str, Any]:
    return {"tone": document.tone, "topics": list(document.topics), "provinces": list(document.provinces)}


class CorrectionStore:
    """The corrections table. One connection, shared by threads under a lock (the web app and
    the ingester's writer thread both use it)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self.db = connect_private(self.path, timeout=30, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(SCHEMA)

    @classmethod
    def open(cls, config: SearchConfig | None = None) -> CorrectionStore:
        return cls(corrections_path(config or SearchConfig.from_env()))

    def record(
        self,
        document: Document,
        *,
        tone: str,
        topics: list[str],
        old_units: list[str],
        by: str,
        at: datetime | None = None,
    ) -> Correction:
        """Append a correction of ``document`` (its current values are the "old" side) and return
        it; the caller then ``apply``-s it and indexes the document. ``old_units``: the pre-2025
        provinces (the labelling rule of tests/data/analysis); the new units are added here."""
        at = (at or datetime.now(UTC)).astimezone(UTC)
        old = _values(document)
        new = {
            "tone": tone,
            "topics": list(topics),
            "old_units": list(old_units),
            "provinces": with_new_units(old_units),
        }
        with self._lock, self.db:
            cursor = self.db.execute(
                "INSERT INTO corrections(document_id, url, corrected_by, corrected_at, old, new) "
                "VALUES (?,?,?,?,?,?)",
                (
                    document.id,
                    document.url,
                    by,
                    at.isoformat(),
                    json.dumps(old, ensure_ascii=False),
                    json.dumps(new, ensure_ascii=False),
                ),
            )
        return Correction(int(cursor.lastrowid or 0), document.id, document.url, by, at, old, new)

    @staticmethod
    def _row(row: tuple[int, str, str, str, str, str, str]) -> Correction:
        return Correction(
            row[0],
            row[1],
            row[2],
            row[3],
            datetime.fromisoformat(row[4]),
            json.loads(row[5]),
            json.loads(row[6]),
        )

    def latest(self, document_id: str) -> Correction | None:
        with self._lock:
            row = self.db.execute(
                "SELECT id, document_id, url, corrected_by, corrected_at, old, new FROM corrections "
                "WHERE document_id = ? ORDER BY id DESC LIMIT 1",
                (document_id,),
            ).fetchone()
        return self._row(row) if row else None

    def history(self, document_id: str) -> list[Correction]:
        with self._lock:
            rows = self.db.execute(
                "SELECT id, document_id, url, corrected_by, corrected_at, old, new FROM corrections "
                "WHERE document_id = ? ORDER BY id",
                (document_id,),
            ).fetchall()
        return [self._row(row) for row in rows]

    def current(self) -> Iterator[Correction]:
        """Each corrected article's latest correction, oldest article first (exports, benchmarks)."""
        with self._lock:
            rows = self.db.execute(
                "SELECT id, document_id, url, corrected_by, corrected_at, old, new FROM corrections "
                "WHERE id IN (SELECT max(id) FROM corrections GROUP BY document_id) ORDER BY id"
            ).fetchall()
        return iter([self._row(row) for row in rows])

    def apply(self, document: Document) -> bool:
        """Put the article's latest correction over whatever the analyser said; False if none."""
        correction = self.latest(document.id)
        if correction is None:
            return False
        apply_correction(document, correction)
        return True

    def close(self) -> None:
        with self._lock:
            self.db.close()


def apply_correction(document: Document, correction: Correction) -> Document:
    document.tone = correction.new["tone"]
    document.topics = list(correction.new["topics"])
    document.provinces = list(correction.new["provinces"])
    document.explanations = {**(document.explanations or {}), "correction": correction.explanation()}
    return document
