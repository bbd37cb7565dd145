"""The outbox: every digest and alert is recorded here before it is sent, and marked after.

One row per (subscription, period) — ``UNIQUE(subscription_id, period_key)`` — so a second run
for the same period finds the row and sends nothing. A row moves
``pending → sending → sent``; a failed attempt goes to ``failed`` with a ``next_attempt_at``
(backoff) and is retried by later runs; ``abandoned`` after too many attempts; ``cancelled`` when
the subscription was stopped before delivery. ``sending`` carries a lease: a process that
crashed mid-send leaves the row ``sending``, and once the lease has run out the row is sent
again with the same Message-ID (see docs/OPERATIONS.md: the at-least-once window).
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

STATUSES = ("pending", "sending", "sent", "failed", "abandoned", "cancelled")

OUTBOX_DDL = """
CREATE TABLE IF NOT EXISTS digest_outbox (
    id INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
    period_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('digest', 'alert')),
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    message_id TEXT NOT NULL,
    message BLOB,
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'abandoned', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    next_attempt_at TEXT NOT NULL,
    lease_until TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    UNIQUE (subscription_id, period_key)
);
CREATE INDEX IF NOT EXISTS digest_outbox_due ON digest_outbox(status, next_attempt_at);
CREATE TABLE IF NOT EXISTS alert_seen (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    outbox_id INTEGER REFERENCES digest_outbox(id) ON DELETE SET NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (subscription_id, item_key)
);
"""


def ts(moment: datetime) -> str:
    """UTC, second precision, the same text form as SQLite's datetime('now'): sorts as text."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def parse_ts(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value).replace(tzinfo=UTC) if value else None


def message_id(subscription_id: int, created_at: datetime, period_key: str, domain: str) -> str:
    """Derived from (subscription, period): a resend of the same mail carries the same Message-ID.

    The subscription's creation time is mixed in so a reused row id never repeats an old id; short
    enough that the header is never folded.
    """
    digest = hashlib.sha256(f"{subscription_id}|{ts(created_at)}|{period_key}".encode()).hexdigest()[:24]
    return f"<pw.{subscription_id}.{digest}@{domain}>"


@dataclass
class OutboxRow:
    id: int
    subscription_id: int
    period_key: str
    kind: str
    recipient: str
    subject: str
    message_id: str
    status: str
    attempts: int
    last_error: str
    next_attempt_at: datetime | None
    created_at: datetime | None
    sent_at: datetime | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> OutboxRow:
        return cls(
            row["id"],
            row["subscription_id"],
            row["period_key"],
            row["kind"],
            row["recipient"],
            row["subject"],
            row["message_id"],
            row["status"],
            row["attempts"],
            row["last_error"],
            parse_ts(row["next_attempt_at"]),
            parse_ts(row["created_at"]),
            parse_ts(row["sent_at"]),
        )


def ensure_schema(db: sqlite3.Connection) -> None:
    db.executescript(OUTBOX_DDL)


def exists(db: sqlite3.Connection, subscription_id: int, period_key: str) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM digest_outbox WHERE subscription_id = ? AND period_key = ?",
            (subscription_id, period_key),
        ).fetchone()
        is not None
    )


def record(
    db: sqlite3.Connection,
    *,
    subscription_id: int,
    period_key: str,
    kind: str,
    recipient: str,
    subject: str,
    message_id: str,
    message: bytes,
    now: datetime,
) -> int | None:
    """Record a mail to send; None when this (subscription, period) is already recorded.

    Does not commit, so a caller can record alert items in the same transaction.
    """
    cursor = db.execute(
        "INSERT INTO digest_outbox(subscription_id, period_key, kind, recipient, subject, message_id, "
        "message, next_attempt_at, created_at) VALUES (?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(subscription_id, period_key) DO NOTHING",
        (subscription_id, period_key, kind, recipient, subject, message_id, message, ts(now), ts(now)),
    )
    return cursor.lastrowid if cursor.rowcount == 1 else None


def due_ids(db: sqlite3.Connection, now: datetime, limit: int = 1000) -> list[int]:
    """Rows to (re)send now: pending or failed and due, or ``sending`` with an expired lease."""
    rows = db.execute(
        "SELECT id FROM digest_outbox WHERE (status IN ('pending', 'failed') AND next_attempt_at <= ?) "
        "OR (status = 'sending' AND lease_until <= ?) ORDER BY id LIMIT ?",
        (ts(now), ts(now), limit),
    )
    return [row[0] for row in rows]


def claim(db: sqlite3.Connection, row_id: int, now: datetime, lease: timedelta) -> sqlite3.Row | None:
    """Take a row for sending (compare-and-set: of two concurrent senders only one gets it)."""
    cursor = db.execute(
        "UPDATE digest_outbox SET status = 'sending', attempts = attempts + 1, lease_until = ? "
        "WHERE id = ? AND ((status IN ('pending', 'failed') AND next_attempt_at <= ?) "
        "OR (status = 'sending' AND lease_until <= ?))",
        (ts(now + lease), row_id, ts(now), ts(now)),
    )
    db.commit()
    if cursor.rowcount != 1:
        return None
    row: sqlite3.Row | None = db.execute("SELECT * FROM digest_outbox WHERE id = ?", (row_id,)).fetchone()
    return row


def mark_sent(db: sqlite3.Connection, row_id: int, now: datetime) -> None:
    db.execute(
        "UPDATE digest_outbox SET status = 'sent', sent_at = ?, lease_until = NULL, "
        "last_error = '', message = NULL WHERE id = ?",
        (ts(now), row_id),
    )
    db.commit()


def mark_failed(db: sqlite3.Connection, row_id: int, error: str, retry_at: datetime | None) -> None:
    """A failed attempt: retried at ``retry_at``, or abandoned when None."""
    if retry_at is None:
        db.execute(
            "UPDATE digest_outbox SET status = 'abandoned', last_error = ?, lease_until = NULL WHERE id = ?",
            (error[:1000], row_id),
        )
    else:
        db.execute(
            "UPDATE digest_outbox SET status = 'failed', last_error = ?, next_attempt_at = ?, "
            "lease_until = NULL WHERE id = ?",
            (error[:1000], ts(retry_at), row_id),
        )
    db.commit()


def mark_cancelled(db: sqlite3.Connection, row_id: int, reason: str) -> None:
    db.execute(
        "UPDATE digest_outbox SET status = 'cancelled', last_error = ?, lease_until = NULL, "
        "message = NULL WHERE id = ?",
        (reason, row_id),
    )
    db.commit()


def retry_now(db: sqlite3.Connection, row_id: int, now: datetime) -> bool:
    """Admin: send a failed or abandoned row again at the next run."""
    cursor = db.execute(
        "UPDATE digest_outbox SET status = 'failed', next_attempt_at = ? "
        "WHERE id = ? AND status IN ('failed', 'abandoned') AND message IS NOT NULL",
        (ts(now), row_id),
    )
    db.commit()
    return cursor.rowcount == 1


def listing(db: sqlite3.Connection, status: str | None = None, limit: int = 200) -> list[OutboxRow]:
    sql = "SELECT * FROM digest_outbox"
    params: list[object] = []
    if status:
        sql += " WHERE status = ?"
        params.append(status)
    rows = db.execute(sql + " ORDER BY id DESC LIMIT ?", [*params, limit])
    return [OutboxRow.from_row(row) for row in rows]


def counts(db: sqlite3.Connection) -> dict[str, int]:
    found = dict(db.execute("SELECT status, count(*) FROM digest_outbox GROUP BY status").fetchall())
    return {status: found.get(status, 0) for status in STATUSES}


def last_sent(db: sqlite3.Connection, subscription_ids: list[int]) -> dict[int, datetime]:
    if not subscription_ids:
        return {}
    marks = ",".join("?" * len(subscription_ids))
    rows = db.execute(
        f"SELECT subscription_id, max(sent_at) FROM digest_outbox WHERE status = 'sent' "
        f"AND subscription_id IN ({marks}) GROUP BY subscription_id",
        subscription_ids,
    )
    return {sub: when for sub, sent in rows if (when := parse_ts(sent)) is not None}


def seen_items(db: sqlite3.Connection, subscription_id: int) -> set[str]:
    return {
        row[0]
        for row in db.execute("SELECT item_key FROM alert_seen WHERE subscription_id = ?", (subscription_id,))
    }


def mark_seen(
    db: sqlite3.Connection, subscription_id: int, item_keys: list[str], outbox_id: int | None, now: datetime
) -> None:
    """Does not commit: recorded in the same transaction as the alert's outbox row."""
    db.executemany(
        "INSERT OR IGNORE INTO alert_seen(subscription_id, item_key, outbox_id, seen_at) VALUES (?,?,?,?)",
        [(subscription_id, key, outbox_id, ts(now)) for key in item_keys],
    )
