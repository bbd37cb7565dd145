"""Subscriptions as the digest sees them: scope, schedule, alert rule, recipient.

``subscriptions`` (web/db.py) holds kind, target, frequency and send_at; the digest's own
options (alert rule, minimum outlets, DOCX attachment) live in ``subscription_settings``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from search.backends.base import SearchRequest
from search.document import fold_keyword
from search.query import And, Keyword, MatchAll, Node, parse
from web.i18n import N_

ALERT_RULES = ("match", "negative", "story")
DEFAULT_MIN_OUTLETS = 3

SETTINGS_DDL = """
CREATE TABLE IF NOT EXISTS subscription_settings (
    subscription_id INTEGER PRIMARY KEY REFERENCES subscriptions(id) ON DELETE CASCADE,
    alert_rule TEXT NOT NULL DEFAULT 'match' CHECK (alert_rule IN ('match', 'negative', 'story')),
    min_outlets INTEGER NOT NULL DEFAULT 3 CHECK (min_outlets BETWEEN 2 AND 100),
    attach_docx INTEGER NOT NULL DEFAULT 0
);
"""

_SELECT = """
SELECT s.*, u.email AS user_email, u.name AS user_name, u.active AS user_active,
       coalesce(o.alert_rule, 'match') AS alert_rule,
       coalesce(o.min_outlets, 3) AS min_outlets, coalesce(o.attach_docx, 0) AS attach_docx,
       q.name AS search_name, q.query_string AS search_query
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
    search_query: str | None = None
    token: str = ""  # random, for unsubscribe links (web/db.py)

    @property
    def broken(self) -> bool:
        """A saved-search subscription whose search was deleted."""
        return self.kind == "saved_search" and self.search_query is None

    @property
    def scope_label(self) -> str:
        """In Vietnamese, as mails and exports show it (``describe_scope(gettext)`` for the page)."""
        return self.describe_scope()

    @property
    def schedule_label(self) -> str:
        return self.describe_schedule()

    def describe_scope(self, translate: Callable[[str], str] = str) -> str:
        if self.kind == "saved_search":
            return translate(SCOPE_LABELS["saved_search"]) % {"name": self.search_name} if self.search_name \
                else translate(SCOPE_LABELS["deleted"])
        return translate(SCOPE_LABELS[self.kind]) % {"name": self.target}

    def describe_schedule(self, translate: Callable[[str], str] = str) -> str:
        if self.frequency in ("daily", "weekly"):
            return translate(SCHEDULE_LABELS[self.frequency]) % {"time": self.send_at}
        rule = translate(ALERT_LABELS[self.alert_rule]).replace("N", str(self.min_outlets))
        return translate(SCHEDULE_LABELS["immediate"]) % {"rule": rule}

    def search_request(self, start: date, end: date, **options) -> SearchRequest:
        """The subscription's scope over whole local days ``start``..``end``."""
        query = (self.search_query or "") if self.kind == "saved_search" else ""
        request = SearchRequest(query=query, date_from=start, date_to=end, **options)
        if self.kind == "topic":
            request.topics = [self.target]
        elif self.kind == "province":
            request.provinces = [self.target]
        return request

    def scope_node(self) -> Node:
        """The scope as a query tree, for the in-Python matcher (alerts)."""
        if self.kind == "saved_search":
            return parse(self.search_query or "")
        field = "topic" if self.kind == "topic" else "province"
        return Keyword(field, fold_keyword(self.target))

    def alert_node(self) -> Node:
        scope = self.scope_node()
        if self.alert_rule == "negative":
            return Keyword("tone", "negative") if isinstance(scope, MatchAll) else \
                And((scope, Keyword("tone", "negative")))
        return scope


# Vietnamese labels (the mails' language), marked for the English catalogue: pages translate them.
ALERT_LABELS = {
    "match": N_("mọi bài mới phù hợp"),
    "negative": N_("bài có sắc thái tiêu cực"),
    "story": N_("sự việc được từ N cơ quan báo chí trở lên đưa tin"),
}
SCOPE_LABELS = {"saved_search": N_("Tìm kiếm “%(name)s”"), "deleted": N_("Tìm kiếm đã bị xóa"),
                "topic": N_("Chủ đề %(name)s"), "province": N_("Tỉnh, thành %(name)s")}
SCHEDULE_LABELS = {"daily": N_("Hằng ngày lúc %(time)s"), "weekly": N_("Hằng tuần, thứ Hai lúc %(time)s"),
                   "immediate": N_("Cảnh báo ngay: %(rule)s")}


def _utc(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _subscription(row: sqlite3.Row) -> Subscription:
    return Subscription(
        id=row["id"], user_id=row["user_id"], email=row["user_email"], user_name=row["user_name"],
        user_active=bool(row["user_active"]), kind=row["kind"], target=row["target"],
        frequency=row["frequency"], send_at=row["send_at"], active=bool(row["active"]),
        created_at=_utc(row["created_at"]), alert_rule=row["alert_rule"],
        min_outlets=row["min_outlets"], attach_docx=bool(row["attach_docx"]),
        search_name=row["search_name"], search_query=row["search_query"], token=row["token"] or "")


def ensure_schema(db: sqlite3.Connection) -> None:
    db.executescript(SETTINGS_DDL)


def get_subscription(db: sqlite3.Connection, subscription_id: int) -> Subscription | None:
    row = db.execute(_SELECT + " WHERE s.id = ?", (subscription_id,)).fetchone()
    return _subscription(row) if row else None


def subscription_by_token(db: sqlite3.Connection, token: str) -> Subscription | None:
    row = db.execute(_SELECT + " WHERE s.token = ?", (token,)).fetchone()
    return _subscription(row) if row else None


def list_subscriptions(db: sqlite3.Connection, *, user_id: int | None = None,
                       deliverable: bool = False) -> list[Subscription]:
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


def save_settings(db: sqlite3.Connection, subscription_id: int, *, alert_rule: str,
                  min_outlets: int, attach_docx: bool) -> None:
    if alert_rule not in ALERT_RULES:
        raise ValueError(f"alert_rule must be one of {', '.join(ALERT_RULES)}")
    db.execute("INSERT INTO subscription_settings(subscription_id, alert_rule, min_outlets, attach_docx) "
               "VALUES (?,?,?,?) ON CONFLICT(subscription_id) DO UPDATE SET "
               "alert_rule = excluded.alert_rule, min_outlets = excluded.min_outlets, "
               "attach_docx = excluded.attach_docx",
               (subscription_id, alert_rule, min_outlets, int(attach_docx)))
