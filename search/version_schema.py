"""The versions store's SQLite schema (``<data dir>/versions.sqlite3``, search.versions).

Three tables: ``first_seen`` (each article's first extracted text and its zlib HTML, within the
snapshot budget), ``current`` (the version re-crawls compare against), ``events`` (edits and
takedowns). The triggers are the store's promises as the database keeps them, whoever writes:
events are append-only and the first-seen text is never rewritten (only its HTML may be dropped
for the budget).
"""

from __future__ import annotations

SCHEMA = """
CREATE TABLE IF NOT EXISTS first_seen (
    document_id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    outlet_id TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    title TEXT NOT NULL,
    sapo TEXT NOT NULL,
    body TEXT NOT NULL,
    html BLOB,                      -- zlib; NULL when over the budget (or dropped for it)
    html_bytes INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS current (
    document_id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    outlet_id TEXT NOT NULL,
    published_at TEXT NOT NULL,
    title TEXT NOT NULL,
    sapo TEXT NOT NULL,
    body TEXT NOT NULL,
    checked_at TEXT NOT NULL,
    gone_at TEXT
);
CREATE INDEX IF NOT EXISTS current_recheck ON current(outlet_id, gone_at, published_at);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL,
    url TEXT NOT NULL,
    outlet_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('edit', 'takedown')),
    seen_at TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_document ON events(document_id, id);
CREATE INDEX IF NOT EXISTS events_seen ON events(seen_at);
CREATE TRIGGER IF NOT EXISTS events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'version events are append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'version events are append-only'); END;
CREATE TRIGGER IF NOT EXISTS first_seen_text_kept BEFORE UPDATE ON first_seen
WHEN NEW.title IS NOT OLD.title OR NEW.sapo IS NOT OLD.sapo OR NEW.body IS NOT OLD.body
  OR NEW.seen_at IS NOT OLD.seen_at
BEGIN SELECT RAISE(ABORT, 'the first-seen copy is kept as it was'); END;
"""
