"""The embedded index's SQLite schema; the FTS5 query compiler targets these names."""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 1

# ``articles`` holds one row per canonical URL; ``article_terms`` the multi-valued metadata
# the query language filters on (value_f is the folded form, see search.document.fold_keyword);
# ``articles_fts`` the match fields, already tokenised by search.text (so FTS5's unicode61
# tokenizer only splits on the single spaces between tokens). Its rowid is articles.rowid.
DDL = """
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL UNIQUE,
    outlet_id TEXT NOT NULL,
    outlet_kind TEXT NOT NULL DEFAULT '',
    tone TEXT NOT NULL DEFAULT 'neutral',
    story_id TEXT NOT NULL DEFAULT '',
    published_ts INTEGER NOT NULL,
    indexed_ts INTEGER NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published_ts);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
CREATE TABLE IF NOT EXISTS article_terms (
    article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    value_f TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS article_terms_lookup ON article_terms(field, value_f, article_rowid);
CREATE INDEX IF NOT EXISTS article_terms_rowid ON article_terms(article_rowid);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title_f, sapo_f, body_f, title_x, sapo_x, body_x,
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- Which articles changed, in commit order: search.backends.embedded_columns follows it to keep its
-- in-memory columns current. Terms are always written with their article, in one transaction.
CREATE TABLE IF NOT EXISTS changes (seq INTEGER PRIMARY KEY, article_rowid INTEGER NOT NULL);
CREATE TRIGGER IF NOT EXISTS articles_inserted AFTER INSERT ON articles
    BEGIN INSERT INTO changes(article_rowid) VALUES (new.rowid); END;
CREATE TRIGGER IF NOT EXISTS articles_updated AFTER UPDATE ON articles
    BEGIN INSERT INTO changes(article_rowid) VALUES (new.rowid); END;
CREATE TRIGGER IF NOT EXISTS articles_deleted AFTER DELETE ON articles
    BEGIN INSERT INTO changes(article_rowid) VALUES (old.rowid); END;
"""

# Readers more than this many changes behind reload everything instead of following the log.
CHANGES_KEPT = 200_000


def create_schema(db: sqlite3.Connection) -> None:
    db.executescript(DDL)
    db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))


def prune_changes(db: sqlite3.Connection) -> None:
    """Keep the change log bounded (inside the writer's transaction)."""
    db.execute("DELETE FROM changes WHERE seq <= (SELECT max(seq) FROM changes) - ?", (CHANGES_KEPT,))
