"""Coverage gaps: followed topics the press has not covered for N days, and how much of the coverage
comes from the province's own press agency. Shared by the dashboard and the alert rules ``gap`` and
``own_share`` (web/digest/watch.py); every figure is a backend call (``pivot``, ``search``)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from search.backends.base import SearchBackend, SearchRequest
from search.document import LOCAL_TZ, Document

GAP_LOOKBACK_DAYS = 365  # how far back "the last article" is looked for


@dataclass
class TopicGap:
    topic: str
    last_seen: date | None  # the last article's local day; None: none in GAP_LOOKBACK_DAYS
    days: int | None  # days since then


@dataclass
class OwnShare:
    """Articles by where their outlet stands (web.stories.reach): own, central, provincial, other."""

    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def own(self) -> int:
        return self.counts.get("own", 0)

    @property
    def others(self) -> int:
        return self.total - self.own

    @property
    def share(self) -> float | None:
        return self.own / self.total if self.total else None


def last_article(backend: SearchBackend, request: SearchRequest, today: date) -> Document | None:
    """The newest article of ``request``'s filters and query up to ``today`` (its dates replaced)."""
    newest = replace(
        request,
        date_from=today - timedelta(days=GAP_LOOKBACK_DAYS - 1),
        date_to=today,
        sort="date",
        limit=1,
        offset=0,
        facets=False,
        collapse=False,
        histogram=None,
    )
    hits = backend.search(newest).hits
    return hits[0].document if hits else None


def topic_gaps(
    backend: SearchBackend, topics: list[str], provinces: list[str], today: date, days: int
) -> list[TopicGap]:
    """The ``topics`` with no article (about ``provinces``, if given) in the ``days`` local days
    ending ``today``; the longest silence first."""
    recent = SearchRequest(
        provinces=list(provinces),
        date_from=today - timedelta(days=days - 1),
        date_to=today,
        limit=0,
        facets=False,
    )
    covered = set(backend.pivot(recent, "topic", "tone"))
    gaps = []
    for topic in topics:
        if topic in covered:
            continue
        last = last_article(backend, replace(recent, topics=[topic]), today)
        seen = last.published_at.astimezone(LOCAL_TZ).date() if last else None
        gaps.append(TopicGap(topic, seen, (today - seen).days if seen else None))
    return sorted(gaps, key=lambda g: (g.last_seen is not None, g.last_seen or date.min, g.topic))


def own_share(
    backend: SearchBackend, request: SearchRequest, focus: str, provinces: dict[str, str]
) -> OwnShare:
    """``request``'s articles by reach: the focus province's own press agency against the rest."""
    from web.stories import reach

    counts: dict[str, int] = {}
    for outlet, kinds in backend.pivot(replace(request, limit=0, facets=False), "outlet", "kind").items():
        for kind, count in kinds.items():
            stub = Document(
                url="", outlet_id=outlet, title="", published_at=datetime.now(UTC), outlet_kind=kind
            )  # web.stories.reach reads only the outlet and kind
            key = reach(stub, focus, provinces)
            counts[key] = counts.get(key, 0) + count
    return OwnShare(counts)
