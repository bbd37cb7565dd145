"""Compose a digest: counts by topic and tone against the previous period, top stories, clippings.

``build_digest`` asks the search backend (whole local days, see ``periods``) with the request the
search page would make for the subscription's search over the period (``web.searches``), and
links to that same search page; ``render_digest``
turns the result into the HTML and plain-text parts with the templates in
``web/templates/digest/``. Links point into the app (``PRESSWATCH_BASE_URL``) and to the original.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode

from flask import render_template
from werkzeug.routing import Map

from search.backends.base import SearchBackend, SearchRequest
from search.document import LOCAL_TZ, Document
from web.digest.model import Subscription
from web.digest.periods import Period
from web.filters import TONE_LABELS, published_text
from web.followup.states import STATE_LABELS
from web.followup.store import Item
from web.searches import SearchCriteria, search_request

MAX_CLIPPINGS = 40
MAX_STORIES = 5
MAX_TOPICS = 12
TONES = ("negative", "neutral", "positive")


class Links:
    """URLs into the web app, built without a request (the scheduler composes digests).

    Paths come from the app's URL map when one is given, so a moved route moves its links too.
    """

    FALLBACK = {
        "articles.show": "/articles/{document_id}",
        "search.index": "/search",
        "subscriptions.index": "/subscriptions/",
        "digest.unsubscribe": "/digest/unsubscribe/{token}",
        "digest.preview": "/digest/preview/{subscription_id}",
        "stories.show": "/stories/{story_id}",
    }

    def __init__(self, base_url: str, url_map: Map | None = None) -> None:
        self.base = base_url.rstrip("/")
        self.adapter = url_map.bind("localhost") if url_map is not None else None

    def _url(self, endpoint: str, **values: str | int) -> str:
        if self.adapter is not None:
            return self.base + self.adapter.build(endpoint, values)
        return self.base + self.FALLBACK[endpoint].format(**values)

    def article(self, document_id: str) -> str:
        return self._url("articles.show", document_id=document_id)

    def search(self, criteria: SearchCriteria) -> str:
        """The search page showing ``criteria``, newest first (the order of the mail)."""
        return f"{self._url('search.index')}?{urlencode(replace(criteria, sort='date').args())}"

    def followup(self, kind: str, target: str) -> str:
        """The page of a follow-up item's article or story."""
        if kind == "article":
            return self.article(target)
        return self._url("stories.show", story_id=target)

    def subscriptions(self) -> str:
        return self._url("subscriptions.index")

    def unsubscribe(self, token: str) -> str:
        return self._url("digest.unsubscribe", token=token)

    def preview(self, subscription_id: int, day: date) -> str:
        return f"{self._url('digest.preview', subscription_id=subscription_id)}?date={day.isoformat()}"


@dataclass
class Clipping:
    document: Document
    outlet: str
    app_url: str
    story_outlets: int = 1
    story_size: int = 1

    @property
    def local_time(self) -> str:
        return published_text(self.document, time_first=True)


@dataclass
class StoryLine:
    title: str
    outlets: int
    articles: int
    first_outlet: str
    first_time: str
    app_url: str
    url: str
    search_url: str
    clippings: list[Clipping] = field(default_factory=list)


@dataclass
class FollowupLine:
    """A follow-up item of the recipient, overdue or due by tomorrow."""

    title: str
    state: str  # Vietnamese label (the mail is in Vietnamese)
    unit: str
    due: str  # dd/mm/yyyy
    overdue: bool
    app_url: str


def followup_line(item: Item, today: date, links: Links) -> FollowupLine:
    overdue = item.due_date is not None and item.due_date < today
    return FollowupLine(
        item.title,
        STATE_LABELS[item.state],
        item.unit,
        item.due_date.strftime("%d/%m/%Y") if item.due_date else "",
        overdue,
        links.followup(item.kind, item.target),
    )


@dataclass
class CountRow:
    label: str
    current: int
    previous: int

    @property
    def delta(self) -> str:
        change = self.current - self.previous
        return f"+{change}" if change > 0 else ("0" if change == 0 else f"−{-change}")

    @property
    def change_words(self) -> str:
        """The change in a sentence: a bare "+2" or "0" after a count reads as another count."""
        change = self.current - self.previous
        return f"tăng {change}" if change > 0 else ("không đổi" if change == 0 else f"giảm {-change}")


@dataclass
class Digest:
    subscription: Subscription
    period: Period
    title: str
    subject: str
    total: int
    previous_total: int
    story_count: int
    topics: list[CountRow]
    tones: list[CountRow]
    stories: list[StoryLine]
    clippings: list[Clipping]
    search_url: str
    generated_at: datetime
    grouped: bool = True  # one clipping per story (the search groups by story)
    listed_total: int = 0  # stories when grouped, else articles: what the clippings are taken from
    followups: list[FollowupLine] = field(default_factory=list)  # the recipient's, due by tomorrow

    @property
    def more(self) -> int:
        """Stories (grouped) or articles not listed in the mail."""
        return max(0, self.listed_total - len(self.clippings))

    @property
    def total_row(self) -> CountRow:
        return CountRow("Tổng số bài viết", self.total, self.previous_total)

    @property
    def documents(self) -> list[Document]:
        return [c.document for c in self.clippings]


def outlet_label(document: Document, outlet_names: dict[str, str]) -> str:
    return outlet_names.get(document.outlet_id) or document.outlet_name or document.outlet_id


def clipping(
    document: Document,
    links: Links,
    outlet_names: dict[str, str],
    *,
    story_outlets: int = 1,
    story_size: int = 1,
) -> Clipping:
    return Clipping(
        document, outlet_label(document, outlet_names), links.article(document.id), story_outlets, story_size
    )


def story_line(
    first: Document,
    outlets: int,
    articles: int,
    links: Links,
    outlet_names: dict[str, str],
    scope: SearchCriteria,
) -> StoryLine:
    return StoryLine(
        title=first.title,
        outlets=outlets,
        articles=articles,
        first_outlet=outlet_label(first, outlet_names),
        first_time=published_text(first, time_first=True),
        app_url=links.article(first.id),
        url=first.url,
        search_url=links.search(replace(scope, query=f'story:"{first.story_id}"')),
    )


def _count_rows(
    current: list[tuple[str, int]], previous: list[tuple[str, int]], limit: int
) -> list[CountRow]:
    now, before = dict(current), dict(previous)
    names = sorted(set(now) | set(before), key=lambda name: (-now.get(name, 0), -before.get(name, 0), name))
    return [CountRow(name, now.get(name, 0), before.get(name, 0)) for name in names[:limit]]


def build_digest(
    backend: SearchBackend,
    subscription: Subscription,
    period: Period,
    *,
    links: Links,
    outlet_names: dict[str, str],
    now: datetime | None = None,
) -> Digest:
    criteria = subscription.criteria()
    before = period.previous()
    overview = backend.search(
        search_request(
            criteria, period.start, period.end, limit=0, facets=True, collapse=False, now=period.bounds()[1]
        )
    )
    previous = backend.search(
        search_request(
            criteria, before.start, before.end, limit=0, facets=True, collapse=False, now=before.bounds()[1]
        )
    )
    # The clippings: the search page's own list for the period, newest first, grouped by story
    # when the search groups them.
    scope = search_request(
        criteria,
        period.start,
        period.end,
        limit=MAX_CLIPPINGS,
        facets=False,
        sort="date",
        now=period.bounds()[1],
    )
    page = backend.search(scope)
    stories = backend.stories(_with(scope, collapse=False), size=MAX_STORIES)
    story_count = page.total if scope.collapse else backend.search(_with(scope, limit=0, collapse=True)).total
    shown = criteria.within(period.start, period.end)

    clippings = [
        clipping(
            hit.document, links, outlet_names, story_outlets=hit.story_outlets, story_size=hit.story_size
        )
        for hit in page.hits
    ]
    tones = [
        CountRow(
            TONE_LABELS.get(tone, tone),
            dict(overview.facets.get("tone", [])).get(tone, 0),
            dict(previous.facets.get("tone", [])).get(tone, 0),
        )
        for tone in TONES
    ]
    title = f"Điểm báo {period.label}"
    subject = f"{title} — {subscription.scope_label}: {overview.total} bài viết"
    return Digest(
        subscription=subscription,
        period=period,
        title=title,
        subject=subject,
        total=overview.total,
        previous_total=previous.total,
        story_count=story_count,
        grouped=scope.collapse,
        listed_total=page.total,
        topics=_count_rows(overview.facets.get("topic", []), previous.facets.get("topic", []), MAX_TOPICS),
        tones=tones,
        stories=[story_line(s.first, s.outlets, s.articles, links, outlet_names, shown) for s in stories],
        clippings=clippings,
        search_url=links.search(shown),
        generated_at=(now or datetime.now(LOCAL_TZ)).astimezone(LOCAL_TZ),
    )


def _with(request: SearchRequest, **changes: Any) -> SearchRequest:
    values = {**request.__dict__, **changes}
    return SearchRequest(**values)


def render_digest(
    digest: Digest, *, links: Links, unsubscribe_url: str, organisation: str
) -> tuple[str, str]:
    """(html, text) for the digest mail; also the body of the preview page."""
    context = {
        "d": digest,
        "links": links,
        "unsubscribe_url": unsubscribe_url,
        "organisation": organisation,
        "prev_label": digest.period.previous().label,
    }
    return (render_template("digest/email.html", **context), render_template("digest/email.txt", **context))
