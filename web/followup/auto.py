"""Open a follow-up item for every negative story carried by at least N outlets
(``PRESSWATCH_FOLLOWUP_MIN_OUTLETS``, default 3; 0 turns it off).

Run at the start of every digest run (``presswatch digest send``, the scheduler, cron), so the
items are there before the digests that list them are composed; the crawler and ``search`` know
nothing of it (data flows one way). Idempotent: a story that already has an item is left alone,
whatever its state (a closed item is not reopened by more pickups).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from search.backends.base import SearchBackend, SearchRequest
from web.followup import store

DEFAULT_MIN_OUTLETS = 3
LOOKBACK_DAYS = 7  # stories whose copies appeared in the last week
MAX_STORIES = 50


def min_outlets(config: Mapping[str, Any]) -> int:
    value = config.get("PRESSWATCH_FOLLOWUP_MIN_OUTLETS")
    return DEFAULT_MIN_OUTLETS if value in (None, "") else int(value)


def open_spreading_stories(
    db: sqlite3.Connection,
    backend: SearchBackend,
    threshold: int,
    *,
    today: date,
    provinces: list[str],
    now: datetime | None = None,
) -> int:
    """Open items for negative stories about ``provinces`` carried by ``threshold``+ outlets in the
    last week; returns how many were opened."""
    if threshold < 2:
        return 0
    request = SearchRequest(
        provinces=provinces,
        tones=["negative"],
        date_from=today - timedelta(days=LOOKBACK_DAYS),
        date_to=today,
        facets=False,
        limit=0,
    )
    opened = 0
    for story in backend.stories(request, size=MAX_STORIES):
        if story.outlets < threshold or store.get_item(db, "story", story.story_id):
            continue
        store.open_item(
            db,
            "story",
            story.story_id,
            story.first.title,
            user_id=None,
            actor="Presswatch",
            state="action",
            action="auto",
            data={"outlets": str(story.outlets)},
            now=now,
        )
        opened += 1
    return opened
