"""Subscriptions as the digest sees them: scope, schedule, alert rule, recipient.

``subscriptions`` (web/db.py) holds kind, target, frequency and send_at; the digest's own
options (alert rule, minimum outlets, DOCX attachment) live in ``subscription_settings``. A
subscription's scope is a ``SearchCriteria`` (a saved search's own, or one province or topic), run
through ``web.searches.search_request`` like the search page runs it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from search.backends.base import SearchRequest
from search.document import fold_keyword
from web.i18n import N_
from web.searches import SearchCriteria, criteria_from_row, search_request

ALERT_RULES = ("match", "negative", "story", "changed", "gap", "own_share")
DEFAULT_MIN_OUTLETS = 3

SETTINGS_DDL = """
CREATE TABLE IF NOT EXISTS subscription_settings (
    subscription_id INTEGER PRIMARY KEY REFERENCES subscriptions(id) ON DELETE CASCADE,
    alert_rule TEXT NOT NULL DEFAULT 'match'
        CHECK (alert_rule IN ('match', 'negative', 'story', 'changed', 'gap', 'own_share')),
    min_outlets INTEGER NOT NULL DEFAULT 3 CHECK (min_outlets BETWEEN 2 AND 100),
    attach_docx INTEGER NOT NULL DEFAULT 0
);
"""

_SELECT = """
SELECT s.*, u.email AS user_email, u.name AS user_name, u.active AS user_active,
       coalesce(o.alert_rule, 'match') AS alert_rule,
       coalesce(o.min_outlets, 3) AS min_outlets, coalesce(o.attach_docx, 0) AS attach_docx,
       q.id AS search_id, q.name AS search_name, q.query, q.filters, q.date_from, q.date_to, q.sort,
       q.collapse
FROM subscriptions s
JOIN users u ON u.id = s.user_id
LEFT JOIN subscription_settings o ON o.subscription_id = s.id
LEFT JOIN saved_searches q ON s.kind = 'saved_search' AND q.id = CAST(s.target AS INTEGER)
                          AND q.user_id = s.user_id
"""


@dataclass
class Subscription:
    id: int
    user_id: int
    email: str
    user_name: str
    user_active: bool
    kind: str  # saved_search | topic | province
    target: str
    frequency: str  # daily | weekly | immediate
    send_at: str
    active: bool
    created_at: datetime  # UTC
    alert_rule: str = "match"
    min_outlets: int = DEFAULT_MIN_OUTLETS
    attach_docx: bool = False
    search_name: str | None = None
    search: SearchCriteria | None = None  # the saved search's criteria (kind saved_search)
    token: str = ""  # random, for unsubscribe links (web/db.py)

    @property
    def broken(self) -> bool:
        """A saved-search subscription whose search was deleted."""
        return self.kind == "saved_search" and self.search is None

    @property
    def scope_label(self) -> str:
        """In Vietnamese, as mails and exports show it (``describe_scope(gettext)`` for the page)."""
        return self.describe_scope()

    @property
    def schedule_label(self) -> str:
        return self.describe_schedule()

    def describe_scope(self, translate: Callable[[str], str] = str) -> str:
        if self.kind == "saved_search":
            return (
                translate(SCOPE_LABELS["saved_search"]) % {"name": self.search_name}
                if self.search_name
                else translate(SCOPE_LABELS["deleted"])
            )
        return translate(SCOPE_LABELS[self.kind]) % {"name": self.target}

    def describe_schedule(self, translate: Callable[[str], str] = str) -> str:
        if self.frequency in ("daily", "weekly"):
            return translate(SCHEDULE_LABELS[self.frequency]) % {"time": self.send_at}
        rule = translate(ALERT_LABELS[self.alert_rule]).replace("N", str(self.min_outlets))
        return translate(SCHEDULE_LABELS["immediate"]) % {"rule": rule}

    def criteria(self) -> SearchCriteria:
        """What this subscription follows. A province or topic digest groups stories, as it always did."""
        if self.kind == "saved_search":
            return self.search or SearchCriteria()
        if self.kind == "topic":
            return SearchCriteria(topics=(self.target,), collapse=True)
        return SearchCriteria(provinces=(self.target,), collapse=True)

    def search_request(self, start: date, end: date, **options: Any) -> SearchRequest:
        """The scope over whole local days ``start``..``end`` (the search page's own request)."""
        return search_request(self.criteria(), start, end, **options)

    def alert_request(self, start: date, end: date, **options: Any) -> SearchRequest | None:
        """What an immediate alert watches over ``start``..``end``; None when the rule can never
        match (a negative-tone rule on a search limited to other tones)."""
        criteria = self.criteria()
        if self.alert_rule == "negative":
            if criteria.tones and not any(fold_keyword(t) == "negative" for t in criteria.tones):
                return None
            criteria = replace(criteria, tones=("negative",))
        return search_request(criteria, start, end, **options)


# Vietnamese labels (the mails' language), marked for the English catalogue: pages translate them.
ALERT_LABELS = {
    "match": N_("mọi bài mới phù hợp"),
    "negative": N_("bài có sắc thái tiêu cực"),
    "story": N_("sự việc được từ N cơ quan báo chí trở lên đưa tin"),
    "changed": N_("bài bị tòa soạn sửa hoặc gỡ"),
    "gap": N_("không có bài nào trong N ngày"),
    "own_share": N_("báo chí của tỉnh chiếm dưới N% tin, bài trong 7 ngày"),
}
SCOPE_LABELS = {
    "saved_search": N_("Tìm kiếm “%(name)s”"),
    "deleted": N_("Tìm kiếm đã bị xóa"),
    "topic": N_("Chủ đề %(name)s"),
    "province": N_("Tỉnh, thành %(name)s"),
}
SCHEDULE_LABELS = {
    "daily": N_("Hằng ngày lúc %(time)s"),
    "weekly": N_("Hằng tuần, thứ Hai lúc %(time)s"),
    "immediate": N_("Cảnh báo ngay: %(rule)s"),
}


def _utc(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _subscription(row: sqlite3.Row) -> Subscription:
    return Subscription(
        id=row["id"],
        user_id=row["user_id"],
        email=row["user_email"],
        user_name=row["user_name"],
        user_active=bool(row["user_active"]),
        kind=row["kind"],
        target=row["target"],
        frequency=row["frequency"],
        send_at=row["send_at"],
        active=bool(row["active"]),
        created_at=_utc(row["created_at"]),
        alert_rule=row["alert_rule"],
        min_outlets=row["min_outlets"],
        attach_docx=bool(row["attach_docx"]),
        search_name=row["search_name"],
        token=row["token"] or "",
        search=criteria_from_row(row) if row["search_id"] is not None else None,
    )


def ensure_schema(db: sqlite3.Connection) -> None:
    db.executescript(SETTINGS_DDL)
    row = db.execute("SELECT sql FROM sqlite_master WHERE name = 'subscription_settings'").fetchone()
    if row and "'own_share'" not in row[0]:
        # Made before the changed/gap/own_share rules: SQLite cannot widen a CHECK in place, so the
        # table is rebuilt with the same rows (one transaction; nothing references this table).
        db.executescript(
            "BEGIN; ALTER TABLE subscription_settings RENAME TO subscription_settings_old;"
            + SETTINGS_DDL
            + "INSERT INTO subscription_settings(subscription_id, alert_rule, "
            "min_outlets, attach_docx) SELECT subscription_id, alert_rule, min_outlets, "
            "attach_docx FROM subscription_settings_old; DROP TABLE subscription_settings_old; "
            "COMMIT;"
        )


def get_subscription(db: sqlite3.Connection, subscription_id: int) -> Subscription | None:
    row = db.execute(_SELECT + " WHERE s.id = ?", (subscription_id,)).fetchone()
    return _subscription(row) if row else None


def subscription_by_token(db: sqlite3.Connection, token: str) -> Subscription | None:
    row = db.execute(_SELECT + " WHERE s.token = ?", (token,)).fetchone()
    return _subscription(row) if row else None


def list_subscriptions(
    db: sqlite3.Connection, *, user_id: int | None = None, deliverable: bool = False
) -> list[Subscription]:
    """All subscriptions (or one user's); ``deliverable``: active, for an active user, not broken."""
    where, params = [], []
    if user_id is not None:
        where.append("s.user_id = ?")
        params.append(user_id)
    if deliverable:
        where.append("s.active = 1 AND u.active = 1")
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY s.id"
    subscriptions = [_subscription(row) for row in db.execute(sql, params)]
    return [s for s in subscriptions if not (deliverable and s.broken)]


def save_settings(
    db: sqlite3.Connection, subscription_id: int, *, alert_rule: str, min_outlets: int, attach_docx: bool
) -> None:
    if alert_rule not in ALERT_RULES:
        raise ValueError(f"alert_rule must be one of {', '.join(ALERT_RULES)}")
    db.execute(
        "INSERT INTO subscription_settings(subscription_id, alert_rule, min_outlets, attach_docx) "
        "VALUES (?,?,?,?) ON CONFLICT(subscription_id) DO UPDATE SET "
        "alert_rule = excluded.alert_rule, min_outlets = excluded.min_outlets, "
        "attach_docx = excluded.attach_docx",
        (subscription_id, alert_rule, min_outlets, int(attach_docx)),
    )
