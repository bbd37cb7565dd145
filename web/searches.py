"""A search as data: its query and filters (``SearchCriteria``), the one function that turns a search
and a period into a backend request, and saved searches in the app database.

The search page, the digest and the alerts all call ``search_request``: whatever a saved search
shows on the search page for a period is what its digest lists and what its alerts watch. A
saved search stores the criteria as columns (query, filters as JSON lists, dates, sort,
grouping), never a URL to re-parse; ``migrate`` converts rows of the older layout, which kept
only the page's query string.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from urllib.parse import parse_qsl

from werkzeug.datastructures import MultiDict

from search.backends.base import SearchRequest
from web.dates import DateParamError, date_arg

# URL argument -> SearchCriteria / SearchRequest attribute; also the JSON keys of ``filters``.
FILTER_ARGS = {
    "outlet": "outlets",
    "group": "groups",
    "kind": "kinds",
    "province": "provinces",
    "topic": "topics",
    "tone": "tones",
}
MAX_VALUE = 2000  # characters of one query or filter value kept from a URL

SCHEMA = """
CREATE TABLE IF NOT EXISTS saved_searches (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    query TEXT NOT NULL DEFAULT '',
    filters TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(filters)),
    date_from TEXT,
    date_to TEXT,
    sort TEXT NOT NULL DEFAULT 'relevance' CHECK (sort IN ('relevance', 'date')),
    collapse INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
"""
COLUMNS = "id, user_id, name, query, filters, date_from, date_to, sort, collapse, created_at"


@dataclass(frozen=True)
class SearchCriteria:
    """What staff chose on the search page: query, filters, dates, order, story grouping."""

    query: str = ""
    outlets: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()  # outlet groups: today's outlet with the outlets merged into it
    kinds: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    tones: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    collapse: bool = False

    @classmethod
    def from_args(cls, args: Mapping[str, Any], *, strict: bool = True) -> SearchCriteria:
        """The search in URL arguments. A malformed date raises ``DateParamError`` (``strict``)
        or is left out."""
        if not hasattr(args, "getlist"):
            args = MultiDict(args)

        def day(name: str) -> date | None:
            try:
                return date_arg(name, args)
            except DateParamError:
                if strict:
                    raise
                return None

        filters = {attribute: _values(args.getlist(arg)) for arg, attribute in FILTER_ARGS.items()}
        first, last = day("from"), day("to")
        if first and last and first > last:
            # Typed the wrong way round: the days between, not an empty range (the form then
            # shows them in order, and links, exports and saved searches keep them so).
            first, last = last, first
        return cls(
            query=(args.get("q") or "").strip()[:MAX_VALUE],
            date_from=first,
            date_to=last,
            sort="date" if args.get("sort") == "date" else "relevance",
            collapse=args.get("collapse") == "1",
            **filters,
        )

    def args(self) -> list[tuple[str, str]]:
        """URL arguments that ``from_args`` reads back as these criteria (links, the saved list)."""
        pairs = [("q", self.query)] if self.query else []
        pairs += [("from", self.date_from.isoformat())] if self.date_from else []
        pairs += [("to", self.date_to.isoformat())] if self.date_to else []
        for arg, attribute in FILTER_ARGS.items():
            pairs += [(arg, value) for value in getattr(self, attribute)]
        pairs += [("sort", "date")] if self.sort == "date" else []
        pairs += [("collapse", "1")] if self.collapse else []
        return pairs

    def filters(self) -> dict[str, list[str]]:
        return {
            arg: list(getattr(self, attribute))
            for arg, attribute in FILTER_ARGS.items()
            if getattr(self, attribute)
        }

    def within(self, start: date | None, end: date | None) -> SearchCriteria:
        """These criteria over the days both they and ``start``..``end`` cover (a digest's period)."""
        first = max((d for d in (self.date_from, start) if d is not None), default=None)
        last = min((d for d in (self.date_to, end) if d is not None), default=None)
        return replace(self, date_from=first, date_to=last)


def search_request(
    criteria: SearchCriteria, start: date | None = None, end: date | None = None, **options: Any
) -> SearchRequest:
    """THE backend request for a search over a period: the search page, digests and alerts call this.

    ``start``/``end`` narrow the criteria's own dates (whole local days); ``options`` are the
    caller's paging and presentation (limit, offset, facets, histogram, now) and may override
    sort and collapse, which change order and grouping but not which articles match.
    """
    scoped = criteria.within(start, end)
    values: dict[str, Any] = {
        "query": scoped.query,
        "date_from": scoped.date_from,
        "date_to": scoped.date_to,
        "sort": scoped.sort,
        "collapse": scoped.collapse,
    }
    values.update({attribute: list(getattr(scoped, attribute)) for attribute in FILTER_ARGS.values()})
    values.update(options)
    return SearchRequest(**values)


def _values(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v[:MAX_VALUE] for v in values if v and v.strip()))


@dataclass
class SavedSearch:
    id: int
    user_id: int
    name: str
    criteria: SearchCriteria
    created_at: str  # SQLite's datetime('now'): UTC without a zone


def criteria_from_row(row: Mapping[str, Any] | sqlite3.Row) -> SearchCriteria:
    """Criteria from the columns of a ``saved_searches`` row (any prefix-free SELECT of them)."""
    stored = json.loads(row["filters"] or "{}")
    return SearchCriteria(
        query=row["query"] or "",
        date_from=_day(row["date_from"]),
        date_to=_day(row["date_to"]),
        sort=row["sort"] or "relevance",
        collapse=bool(row["collapse"]),
        **{attribute: _values(stored.get(arg, [])) for arg, attribute in FILTER_ARGS.items()},
    )


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _row_values(criteria: SearchCriteria) -> tuple[object, ...]:
    return (
        criteria.query,
        json.dumps(criteria.filters(), ensure_ascii=False),
        criteria.date_from.isoformat() if criteria.date_from else None,
        criteria.date_to.isoformat() if criteria.date_to else None,
        criteria.sort,
        int(criteria.collapse),
    )


def save(db: sqlite3.Connection, user_id: int, name: str, criteria: SearchCriteria) -> int:
    cursor = db.execute(
        "INSERT INTO saved_searches(user_id, name, query, filters, date_from, date_to, sort, "
        "collapse) VALUES (?,?,?,?,?,?,?,?)",
        (user_id, name, *_row_values(criteria)),
    )
    row_id = cursor.lastrowid
    assert row_id is not None  # set by every INSERT
    return row_id


def update(db: sqlite3.Connection, saved_id: int, user_id: int, name: str, criteria: SearchCriteria) -> None:
    """Give one of the user's saved searches a name and new criteria; its id (and so the
    subscriptions to it) stays."""
    db.execute(
        "UPDATE saved_searches SET name = ?, query = ?, filters = ?, date_from = ?, date_to = ?, "
        "sort = ?, collapse = ? WHERE id = ? AND user_id = ?",
        (name, *_row_values(criteria), saved_id, user_id),
    )


def named(db: sqlite3.Connection, user_id: int, name: str) -> int | None:
    """The id of the user's saved search under this name, compared as people read names (case and
    spacing aside; SQLite's lower() folds ASCII only, so the comparison is made here)."""
    wanted = " ".join(name.split()).casefold()
    rows = db.execute("SELECT id, name FROM saved_searches WHERE user_id = ?", (user_id,)).fetchall()
    return next((row["id"] for row in rows if " ".join(row["name"].split()).casefold() == wanted), None)


def list_saved(db: sqlite3.Connection, user_id: int, limit: int) -> list[SavedSearch]:
    rows = db.execute(
        f"SELECT {COLUMNS} FROM saved_searches WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
        (user_id, limit),
    ).fetchall()
    return [
        SavedSearch(row["id"], row["user_id"], row["name"], criteria_from_row(row), row["created_at"])
        for row in rows
    ]


def migrate(db: sqlite3.Connection) -> int:
    """Convert saved searches kept as a URL query string (before structured criteria); returns how
    many rows were converted. Ids are kept: subscriptions refer to them."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(saved_searches)")}
    if "query_string" not in columns:
        return 0
    rows = db.execute("SELECT id, user_id, name, query_string, created_at FROM saved_searches").fetchall()
    db.commit()
    db.execute("BEGIN IMMEDIATE")  # all or nothing: the old table goes only once every row is copied
    try:
        db.execute("ALTER TABLE saved_searches RENAME TO saved_searches_before_criteria")
        db.execute(SCHEMA.strip().rstrip(";"))
        for row in rows:
            db.execute(
                "INSERT INTO saved_searches(id, user_id, name, query, filters, date_from, date_to, "
                "sort, collapse, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (row[0], row[1], row[2], *_row_values(legacy_criteria(row[3])), row[4]),
            )
        db.execute("DROP TABLE saved_searches_before_criteria")
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return len(rows)


def legacy_criteria(query_string: str) -> SearchCriteria:
    """The criteria in an old row's query string; text with no ``name=value`` is a plain query
    (rows written by hand or by older tests), kept rather than dropped."""
    text = (query_string or "").strip().lstrip("?")
    if text and "=" not in text:
        return SearchCriteria(query=text[:MAX_VALUE])
    return SearchCriteria.from_args(MultiDict(parse_qsl(text)), strict=False)
