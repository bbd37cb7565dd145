"""An app database from before structured saved searches is converted when the app starts: each
saved search keeps its id (subscriptions point at it), its query and its filters."""

from __future__ import annotations

import sqlite3
from datetime import date

from tests.web.test_digest_support import corpus, index, make_app, save_search
from web.db import connect, database_path
from web.digest.model import list_subscriptions
from web.digest.periods import period_containing
from web.searches import SearchCriteria, list_saved

# The tables as the previous release created them.
OLD_SCHEMA = """
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL DEFAULT '', password_hash TEXT NOT NULL, role TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL DEFAULT (datetime('now')));
CREATE TABLE saved_searches (id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, name TEXT NOT NULL,
    query_string TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')));
CREATE TABLE subscriptions (id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, kind TEXT NOT NULL, target TEXT NOT NULL,
    frequency TEXT NOT NULL, send_at TEXT NOT NULL DEFAULT '07:00', active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL DEFAULT (datetime('now')));
"""
FILTERED = "q=giao+th%C3%B4ng&province=B%E1%BA%AFc+Ninh&tone=negative&collapse=1&sort=date"


def test_old_rows_become_criteria_and_their_digests_match(tmp_path):
    path = tmp_path / "app.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(OLD_SCHEMA)
        db.execute("INSERT INTO users(id, email, password_hash, role) VALUES (7, 'an@so.vn', 'x', 'viewer')")
        db.executemany(
            "INSERT INTO saved_searches(id, user_id, name, query_string) VALUES (?, 7, ?, ?)",
            [
                (41, "Giao thông", FILTERED),
                (42, "Lừa đảo", "lừa đảo"),
                (43, "Ngày hỏng", "q=FDI&from=9999-12-31&to=2026-11-19&evil=1"),
            ],
        )
        db.execute(
            "INSERT INTO subscriptions(user_id, kind, target, frequency) VALUES (7, 'saved_search', "
            "'41', 'daily')"
        )

    app = make_app(PRESSWATCH_DATABASE=str(path))
    make_app(PRESSWATCH_DATABASE=str(path))  # a second start finds nothing left to convert
    index(app, corpus())
    with connect(database_path(app)) as db:
        saved = {s.id: s for s in list_saved(db, 7, 10)}
        columns = {row[1] for row in db.execute("PRAGMA table_info(saved_searches)")}
        (subscription,) = list_subscriptions(db, deliverable=True)
    assert "query_string" not in columns
    assert saved[41].criteria == SearchCriteria(
        query="giao thông", provinces=("Bắc Ninh",), tones=("negative",), sort="date", collapse=True
    )
    assert saved[42].criteria == SearchCriteria(query="lừa đảo")  # plain text kept as the query
    assert saved[43].criteria == SearchCriteria(query="FDI", date_to=date(2026, 11, 19))  # far date dropped

    # The converted subscription now finds the negative traffic article of 19/11 (it found none).
    assert subscription.criteria() == saved[41].criteria
    with app.app_context():
        from web import services

        request = subscription.search_request(date(2026, 11, 19), date(2026, 11, 19))
        titles = [hit.document.title for hit in services.backend().search(request).hits]
    assert titles == ["Bắc Ninh: xe khách lật trên quốc lộ 18 lúc nửa đêm, ba người bị thương"]
    assert period_containing("daily", date(2026, 11, 19)).key == "daily:2026-11-19"


def test_a_saved_search_round_trips_through_the_page(tmp_path):
    from tests.helpers import make_user

    app = make_app()
    index(app, corpus())
    email, _ = make_user(app)
    args = {
        "q": "FDI",
        "outlet": ["vnexpress", "tuoitre"],
        "topic": "Thu hút đầu tư",
        "from": "19/11/2026",
        "collapse": "1",
    }
    saved_id = int(save_search(app, email, args))
    with connect(database_path(app)) as db:
        user_id = db.execute("SELECT id FROM users WHERE email = ?", (email,)).fetchone()[0]
        (saved,) = list_saved(db, user_id, 10)
    assert saved.id == saved_id
    assert saved.criteria == SearchCriteria(
        query="FDI",
        outlets=("vnexpress", "tuoitre"),
        topics=("Thu hút đầu tư",),
        date_from=date(2026, 11, 19),
        collapse=True,
    )
