"""What the version store (``search.versions``) records, and by which rules.

The records it reads back (``FirstSeen``, ``Event``, ``History``: the article page, alerts and the
briefing show them), what counts as an edit or a takedown (``FIELDS``, ``TAKEDOWN_REASONS``,
``shared_words`` below ``REPLACED_BELOW``) and the snapshot budget from the settings; apart from the
SQLite store that writes and queries them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from search.config import settings
from search.text import fold

FIELDS = ("title", "sapo", "body")
# How a takedown was seen. ``body_replaced``: the page still answers 200 but what it holds is no
# longer the article (not an article any more, or a body sharing little with the one we had).
TAKEDOWN_REASONS = ("http_404", "http_410", "redirect_home", "body_replaced")
# A new body keeping less than this share of the old body's distinct words is a replacement,
# not an edit (an edit rewrites sentences; a takedown notice shares almost nothing).
REPLACED_BELOW = 0.3


def _env_number(name: str, default: float) -> float:
    value = settings().get(name, "").strip()
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not math.isfinite(number) or number < 0:
        raise ValueError(f"{name} must be a number of at least 0, not {value!r}")
    return number


def snapshot_budget() -> tuple[int, int]:
    """(bytes for all compressed snapshots, bytes for one), from the environment (0: none kept)."""
    return (
        int(_env_number("PRESSWATCH_SNAPSHOT_BUDGET_MB", 1024) * 1024 * 1024),
        int(_env_number("PRESSWATCH_SNAPSHOT_MAX_KB", 512) * 1024),
    )


@dataclass(frozen=True)
class Event:
    id: int
    document_id: str
    url: str
    outlet_id: str
    kind: str  # "edit" or "takedown"
    seen_at: datetime  # UTC
    detail: dict[str, Any]  # edit: {"fields": [...], "old": {...}, "new": {...}}; takedown: reason…

    @property
    def fields(self) -> list[str]:
        return list(self.detail.get("fields", []))

    @property
    def reason(self) -> str:
        return str(self.detail.get("reason", ""))


@dataclass(frozen=True)
class FirstSeen:
    document_id: str
    url: str
    seen_at: datetime
    title: str
    sapo: str
    body: str
    has_snapshot: bool
    html_bytes: int


@dataclass
class History:
    first_seen: FirstSeen | None = None
    events: list[Event] = field(default_factory=list)
    gone_at: datetime | None = None
    checked_at: datetime | None = None

    @property
    def takedown(self) -> Event | None:
        return next((e for e in reversed(self.events) if e.kind == "takedown"), None)

    @property
    def edits(self) -> list[Event]:
        return [e for e in self.events if e.kind == "edit"]


def shared_words(old: str, new: str) -> float:
    """The share of ``old``'s distinct (folded) words still in ``new``: 1.0 for an empty old."""
    before = set(fold(old).split())
    if not before:
        return 1.0
    return len(before & set(fold(new).split())) / len(before)
