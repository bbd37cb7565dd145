"""Follow-up items, their append-only audit trail and the units directory, in the app database.

The trail is append-only in the database itself: triggers refuse any UPDATE or DELETE of
``followup_events``, whoever asks (a route, the shell, a migration). Users are named in each event
by id and by name as they were then, without a foreign key, so deleting an account cannot touch it.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from web.followup.states import Change

SCHEMA = """
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('department', 'board', 'commune', 'other')),
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS followups (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('article', 'story')),
    target TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'new'
        CHECK (state IN ('new', 'seen', 'action', 'forwarded', 'answered', 'closed')),
    assignee_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    unit_id INTEGER REFERENCES units(id),
    due_date TEXT,
    response_text TEXT NOT NULL DEFAULT '',
    response_number TEXT NOT NULL DEFAULT '',
    response_url TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (kind, target)
);
CREATE INDEX IF NOT EXISTS followups_state ON followups(state, due_date);
CREATE TABLE IF NOT EXISTS followup_events (
    id INTEGER PRIMARY KEY,
    followup_id INTEGER NOT NULL,
    user_id INTEGER,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '{}',
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS followup_events_item ON followup_events(followup_id, id);
CREATE TRIGGER IF NOT EXISTS followup_events_no_update BEFORE UPDATE ON followup_events
BEGIN SELECT RAISE(ABORT, 'the follow-up audit trail is append-only'); END;
CREATE TRIGGER IF NOT EXISTS followup_events_no_delete BEFORE DELETE ON followup_events
BEGIN SELECT RAISE(ABORT, 'the follow-up audit trail is append-only'); END;
CREATE TABLE IF NOT EXISTS followup_visits (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    previous_at TEXT NOT NULL,
    current_at TEXT NOT NULL
);
"""
# A visit within this many seconds of the last one is the same visit (a reload keeps the list).
SAME_VISIT_SECONDS = 1800


def now_text(now: datetime | None = None) -> str:
    # Microseconds: "new since my last visit" compares these texts, and an item created in the
    # same second as a visit must still count as new at the next one.
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> datetime:
    """A stored time; rows written before microseconds were kept read as whole seconds."""
    fmt = "%Y-%m-%dT%H:%M:%S.%fZ" if "." in text else "%Y-%m-%dT%H:%M:%SZ"
    return datetime.strptime(text, fmt).replace(tzinfo=UTC)


@dataclass
class Event:
    actor: str
    action: str
    from_state: str | None
    to_state: str
    at: datetime
    data: dict[str, str] = field(default_factory=dict)


@dataclass
class Item:
    id: int
    kind: str
    target: str
    title: str
    state: str
    assignee_id: int | None
    assignee: str
    unit_id: int | None
    unit: str
    due_date: date | None
    response_text: str
    response_number: str
    response_url: str
    created_at: datetime

    def overdue(self, today: date) -> bool:
        return self.state == "forwarded" and self.due_date is not None and self.due_date < today


_SELECT = """
SELECT f.*, coalesce(nullif(u.name, ''), u.email, '') AS assignee, coalesce(n.name, '') AS unit
FROM followups f LEFT JOIN users u ON u.id = f.assignee_id LEFT JOIN units n ON n.id = f.unit_id
"""


def _item(row: sqlite3.Row) -> Item:
    return Item(
        row["id"],
        row["kind"],
        row["target"],
        row["title"],
        row["state"],
        row["assignee_id"],
        row["assignee"],
        row["unit_id"],
        row["unit"],
        date.fromisoformat(row["due_date"]) if row["due_date"] else None,
        row["response_text"],
        row["response_number"],
        row["response_url"],
        parse_time(row["created_at"]),
    )


def get_item(db: sqlite3.Connection, kind: str, target: str) -> Item | None:
    row = db.execute(_SELECT + " WHERE f.kind = ? AND f.target = ?", (kind, target)).fetchone()
    return _item(row) if row else None


def items(
    db: sqlite3.Connection, where: str, params: tuple[object, ...] = (), limit: int = 200
) -> list[Item]:
    """Items matching ``where`` (a fixed clause from this package, values as parameters)."""
    rows = db.execute(
        f"{_SELECT} WHERE {where} ORDER BY f.due_date IS NULL, f.due_date, f.id DESC LIMIT {int(limit)}",
        params,
    ).fetchall()
    return [_item(row) for row in rows]


def events(db: sqlite3.Connection, followup_id: int) -> list[Event]:
    rows = db.execute(
        "SELECT * FROM followup_events WHERE followup_id = ? ORDER BY id", (followup_id,)
    ).fetchall()
    return [
        Event(
            r["actor"],
            r["action"],
            r["from_state"],
            r["to_state"],
            parse_time(r["at"]),
            json.loads(r["data"]),
        )
        for r in rows
    ]


def _log(
    db: sqlite3.Connection,
    followup_id: int,
    user_id: int | None,
    actor: str,
    action: str,
    from_state: str | None,
    to_state: str,
    data: dict[str, str],
    at: str,
) -> None:
    db.execute(
        "INSERT INTO followup_events(followup_id, user_id, actor, action, from_state, to_state, "
        "data, at) VALUES (?,?,?,?,?,?,?,?)",
        (followup_id, user_id, actor, action, from_state, to_state, json.dumps(data, ensure_ascii=False), at),
    )


def open_item(
    db: sqlite3.Connection,
    kind: str,
    target: str,
    title: str,
    *,
    user_id: int | None,
    actor: str,
    state: str = "new",
    action: str = "open",
    data: dict[str, str] | None = None,
    now: datetime | None = None,
) -> Item:
    """The item for (kind, target), made (and its opening logged) if there is none yet."""
    at = now_text(now)
    cursor = db.execute(
        "INSERT OR IGNORE INTO followups(kind, target, title, state, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?)",
        (kind, target, title[:500], state, at, at),
    )
    if cursor.rowcount and cursor.lastrowid is not None:  # a row was inserted: lastrowid is its id
        _log(db, cursor.lastrowid, user_id, actor, action, None, state, data or {}, at)
    db.commit()
    item = get_item(db, kind, target)
    assert item is not None  # inserted above, or there already
    return item


def apply(
    db: sqlite3.Connection,
    item: Item,
    change: Change,
    *,
    user_id: int,
    actor: str,
    now: datetime | None = None,
) -> bool:
    """Record ``change`` and its event in one transaction; False when the item moved meanwhile
    (another colleague acted first): nothing is written then."""
    at = now_text(now)
    assignments = {"state": change.to_state, "updated_at": at, **change.fields}
    columns = ", ".join(f"{name} = ?" for name in assignments)  # names from states.decide only
    with db:
        cursor = db.execute(
            f"UPDATE followups SET {columns} WHERE id = ? AND state = ?",
            (*assignments.values(), item.id, change.from_state),
        )
        if not cursor.rowcount:
            return False
        _log(
            db,
            item.id,
            user_id,
            actor,
            change.action,
            change.from_state,
            change.to_state,
            _describe(db, change),
            at,
        )
    return True


def _describe(db: sqlite3.Connection, change: Change) -> dict[str, str]:
    """What the trail shows of a change, with names as they are now (the trail keeps them)."""
    data: dict[str, str] = {}
    fields = change.fields
    if fields.get("unit_id"):
        data["unit"] = db.execute("SELECT name FROM units WHERE id = ?", (fields["unit_id"],)).fetchone()[0]
    if "assignee_id" in fields:
        row = db.execute(
            "SELECT coalesce(nullif(name, ''), email) FROM users WHERE id = ?", (fields["assignee_id"],)
        ).fetchone()
        data["assignee"] = row[0] if row else ""
    if fields.get("due_date"):
        data["due_date"] = date.fromisoformat(str(fields["due_date"])).strftime("%d/%m/%Y")
    for name in ("response_text", "response_number", "response_url"):
        if fields.get(name):
            data[name] = str(fields[name])
    if change.detail:
        data["note"] = change.detail
    return data


def new_since_last_visit(db: sqlite3.Connection, user_id: int, now: datetime | None = None) -> datetime:
    """The start of "new since my last visit" for this user, and record this visit."""
    at = now_text(now)
    row = db.execute(
        "SELECT previous_at, current_at FROM followup_visits WHERE user_id = ?", (user_id,)
    ).fetchone()
    if row is None:
        db.execute(
            "INSERT INTO followup_visits(user_id, previous_at, current_at) VALUES (?,?,?)", (user_id, at, at)
        )
        db.commit()
        return datetime(1970, 1, 1, tzinfo=UTC)
    previous, current = parse_time(row["previous_at"]), parse_time(row["current_at"])
    if (parse_time(at) - current).total_seconds() > SAME_VISIT_SECONDS:
        previous = current
    db.execute(
        "UPDATE followup_visits SET previous_at = ?, current_at = ? WHERE user_id = ?",
        (now_text(previous), at, user_id),
    )
    db.commit()
    return previous


def due_for(db: sqlite3.Connection, user_id: int, until: date) -> list[Item]:
    """Open items assigned to ``user_id`` with a deadline on or before ``until`` (the digest's)."""
    return items(
        db,
        "f.assignee_id = ? AND f.state IN ('action', 'forwarded') AND f.due_date <= ?",
        (user_id, until.isoformat()),
    )
