"""The alert rules that watch something other than new articles:

* ``changed``   — an article in the scope was edited or taken down (``search.versions``);
* ``gap``       — the scope has had no article for N days (a followed topic gone quiet);
* ``own_share`` — over the last 7 days, the province's own press agency carried under N % of the
  scope's articles.

Each returns a ``Finding`` (subject, the keys that make it sent once, the articles to list) or
None; ``web.digest.alerts`` turns it into the mail. Subjects are Vietnamese, like every mail.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from search.backends.base import SearchBackend
from search.document import LOCAL_TZ, Document
from search.versions import VersionStore
from web.coverage import last_article, own_share
from web.digest.model import Subscription

CHANGED_LOOKBACK_DAYS = 30  # edits and takedowns are of recent articles (rechecks: a few days)
SHARE_WINDOW_DAYS = 7
MAX_EVENTS = 200


@dataclass
class Finding:
    subject: str
    keys: list[str]
    documents: list[Document] = field(default_factory=list)


def changed(
    backend: SearchBackend,
    versions: VersionStore | None,
    subscription: Subscription,
    seen: set[str],
    now: datetime,
    window_days: int,
) -> Finding | None:
    """Edits and takedowns seen since the subscription began (within the alert window) of
    articles in its scope, each alerted once."""
    if versions is None:
        return None
    since = max(subscription.created_at, now - timedelta(days=window_days))
    events = [
        e
        for e in versions.events_between(since, now + timedelta(seconds=1))
        if f"{e.kind}:{e.id}" not in seen
    ][:MAX_EVENTS]
    if not events:
        return None
    stories = {}
    for event in events:
        document = backend.get(event.document_id)
        if document is not None:
            stories[document.story_id or document.id] = document
    if not stories:
        return None
    # The scope's own request narrowed to the stories touched: whatever the scope's query and
    # filters are, the backend decides which of these articles belong to it.
    today = now.astimezone(LOCAL_TZ).date()
    story_query = " OR ".join(f'story:"{story}"' for story in sorted(stories))
    request = subscription.search_request(
        today - timedelta(days=CHANGED_LOOKBACK_DAYS - 1),
        today,
        facets=False,
        collapse=False,
        limit=len(events) * 4 + 20,
    )
    request = replace(
        request, query=f"({request.query}) AND ({story_query})" if request.query.strip() else story_query
    )
    in_scope = {hit.document.id: hit.document for hit in backend.search(request).hits}
    hits = [e for e in events if e.document_id in in_scope]
    if not hits:
        return None
    edits = sum(e.kind == "edit" for e in hits)
    takedowns = len(hits) - edits
    parts = [f"{edits} bài bị sửa"] * bool(edits) + [f"{takedowns} bài bị gỡ"] * bool(takedowns)
    documents = list({e.document_id: in_scope[e.document_id] for e in hits}.values())
    return Finding(
        f"[Cảnh báo] {', '.join(parts)} — {subscription.scope_label}",
        [f"{e.kind}:{e.id}" for e in hits],
        documents,
    )


def gap(backend: SearchBackend, subscription: Subscription, seen: set[str], now: datetime) -> Finding | None:
    """No article in the scope for ``min_outlets`` (N) days; one alert per silence."""
    days = subscription.min_outlets
    today = now.astimezone(LOCAL_TZ).date()
    last = last_article(backend, subscription.search_request(today, today), today)
    last_day = last.published_at.astimezone(LOCAL_TZ).date() if last else None
    if last_day is not None and (today - last_day).days < days:
        return None
    key = f"gap:{last_day.isoformat() if last_day else 'none'}"
    if key in seen:
        return None
    since = f"bài gần nhất ngày {last_day:%d/%m/%Y}" if last_day else "chưa có bài nào"
    return Finding(
        f"[Cảnh báo] Không có bài nào trong {days} ngày — {subscription.scope_label} ({since})",
        [key],
        [last] if last else [],
    )


def low_own_share(
    backend: SearchBackend,
    subscription: Subscription,
    seen: set[str],
    now: datetime,
    focus: str,
    provinces: dict[str, str],
) -> Finding | None:
    """The own press agency's share of the scope's last 7 days under N %; once a week at most."""
    today = now.astimezone(LOCAL_TZ).date()
    request = subscription.search_request(today - timedelta(days=SHARE_WINDOW_DAYS - 1), today)
    share = own_share(backend, request, focus, provinces)
    if share.share is None or share.share * 100 >= subscription.min_outlets:
        return None
    year, week, _ = today.isocalendar()
    key = f"own_share:{year}-W{week:02d}"
    if key in seen:
        return None
    return Finding(
        f"[Cảnh báo] Báo chí của tỉnh chỉ chiếm {share.share:.0%} tin, bài "
        f"({share.own}/{share.total}) trong {SHARE_WINDOW_DAYS} ngày — {subscription.scope_label}",
        [key],
    )
