"""The application database (accounts, saved searches, subscriptions, outbox): SQLite.

The search index is not here: articles live in ``search``. This file holds what staff create.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from flask import Flask, current_app, g

from search.config import APP_FILE
from search.private_files import connect_private

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    active INTEGER NOT NULL DEFAULT 1,
    session_epoch INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS subscriptions (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('saved_search', 'topic', 'province')),
    target TEXT NOT NULL,
    frequency TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly', 'immediate')),
    send_at TEXT NOT NULL DEFAULT '07:00',
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS outlet_settings (
    outlet_id TEXT PRIMARY KEY,
    enabled INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL DEFAULT (datetime('now'))
);
-- Outlets added or edited by admins, and the audit of every outlet change (web/admin/outlet_store.py).
CREATE TABLE IF NOT EXISTS managed_outlets (
    outlet_id TEXT PRIMARY KEY,
    entry TEXT NOT NULL,            -- the registry entry as JSON, with the YAML's keys
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS outlet_audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_email TEXT NOT NULL,
    outlet_id TEXT NOT NULL,
    action TEXT NOT NULL,           -- add, edit, import, enable, disable, default
    changes TEXT NOT NULL DEFAULT '{}'  -- JSON {field: [before, after]}
);
"""


def database_path(app: Flask) -> Path:
    return Path(app.config.get("PRESSWATCH_DATABASE") or Path(app.config["PRESSWATCH_DATA_DIR"]) / APP_FILE)


def connect(path: Path) -> sqlite3.Connection:
    db = connect_private(path, timeout=30, detect_types=0)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA journal_mode=WAL")
    return db


def current_flask_app() -> Flask:
    """The app behind ``current_app`` (for a thread or job that outlives the request)."""
    # current_app is typed as the Flask app itself, hiding the proxy's accessor.
    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
    return app


def get_db() -> sqlite3.Connection:
    """The request's connection, closed when the request ends."""
    if "db" not in g:
        g.db = connect(database_path(current_app))
    db: sqlite3.Connection = g.db
    return db


def close_db(_: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


# Columns added after the first release: (table, column, definition) for databases made before.
ADDED_COLUMNS = (("users", "session_epoch", "INTEGER NOT NULL DEFAULT 0"), ("subscriptions", "token", "TEXT"))
# Every subscription gets a random token, whoever inserts it: unsubscribe links name it, so a
# link dies with its subscription even when SQLite hands the same row id to a new one.
SUBSCRIPTION_TOKENS = """
CREATE UNIQUE INDEX IF NOT EXISTS subscriptions_token ON subscriptions(token);
CREATE TRIGGER IF NOT EXISTS subscriptions_token AFTER INSERT ON subscriptions WHEN NEW.token IS NULL
BEGIN UPDATE subscriptions SET token = lower(hex(randomblob(16))) WHERE id = NEW.id; END;
UPDATE subscriptions SET token = lower(hex(randomblob(16))) WHERE token IS NULL;
"""


def _add_missing_columns(db: sqlite3.Connection) -> None:
    for table, column, definition in ADDED_COLUMNS:
        if column not in {row[1] for row in db.execute(f"PRAGMA table_info({table})")}:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
    db.executescript(SUBSCRIPTION_TOKENS)


def init_app(app: Flask) -> None:
    from web import basket, searches
    from web.followup import store, units

    with connect(database_path(app)) as db:
        db.executescript(SCHEMA)
        _add_missing_columns(db)
        searches.migrate(db)  # an app database from before structured saved searches
        db.executescript(searches.SCHEMA)
        db.executescript(store.SCHEMA)
        db.executescript(basket.SCHEMA)
        units.seed(db, app.config.get("PRESSWATCH_FOCUS_PROVINCE", ""))
    app.teardown_appcontext(close_db)
