"""Immediate alerts: new articles of a subscription's search, asked of the index.

Each run asks the index, per immediate subscription, for the articles of its search (the search
page's own request, ``Subscription.alert_request``) published in the last ``ALERT_WINDOW_DAYS``
local days:

* ``match``    — any new article in the scope (a saved search, a topic, a province);
* ``negative`` — a new negative-tone article in the scope (with a province scope, the default is
  the focus province);
* ``story``    — a story in the scope carried by at least ``min_outlets`` outlets.

An article is new for a subscription when it was crawled (or, without a crawl time, published)
after the subscription was created. What was alerted is remembered in ``alert_seen`` in the same
transaction that records the alert in the outbox, so each article or story is alerted once.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage

from flask import render_template

from search.document import LOCAL_TZ, Document
from web.digest import outbox, watch
from web.digest.compose import Clipping, StoryLine, clipping, story_line
from web.digest.context import DigestContext
from web.digest.message import build_message
from web.digest.model import Subscription

ALERT_WINDOW_DAYS = 2  # today and yesterday, local
MAX_ALERT_ITEMS = 30


@dataclass
class Alert:
    subscription: Subscription
    subject: str
    period_key: str
    item_keys: list[str]
    clippings: list[Clipping] = field(default_factory=list)
    stories: list[StoryLine] = field(default_factory=list)
    more: int = 0


def is_new(document: Document, subscription: Subscription) -> bool:
    return (document.crawled_at or document.published_at) >= subscription.created_at


def find_alert(ctx: DigestContext, subscription: Subscription, seen: set[str], now: datetime) -> Alert | None:
    """The alert to send for this subscription now, or None (nothing new and unseen).

    The preview page calls this too: it shows exactly the mail a run would send now.
    """
    if subscription.alert_rule in ("changed", "gap", "own_share"):
        return _watched(ctx, subscription, seen, now)
    today = now.astimezone(LOCAL_TZ).date()
    start = today - timedelta(days=ALERT_WINDOW_DAYS - 1)
    request = subscription.alert_request(start, today, facets=False, now=now)
    if request is None:
        return None
    matched = list(ctx.backend.scan(request))
    links, names = ctx.links, ctx.outlet_names
    scope = subscription.criteria().within(start, today)
    if subscription.alert_rule == "story":
        by_story: dict[str, list[Document]] = defaultdict(list)
        for document in matched:
            by_story[document.story_id].append(document)
        stories = []
        for story_id, copies in by_story.items():
            outlets = {d.outlet_id for d in copies}
            key = f"story:{story_id}"
            if (
                len(outlets) >= subscription.min_outlets
                and key not in seen
                and any(is_new(d, subscription) for d in copies)
            ):
                copies.sort(key=lambda d: (d.published_at, d.id))
                line = story_line(copies[0], len(outlets), len(copies), links, names, scope)
                line.clippings = [clipping(d, links, names) for d in copies]
                stories.append((key, line))
        if not stories:
            return None
        stories.sort(key=lambda item: (-item[1].outlets, item[0]))
        keys = [key for key, _ in stories]
        first = stories[0][1]
        subject = (
            f"[Cảnh báo] {first.outlets} cơ quan báo chí cùng đưa tin: {first.title}"
            if len(stories) == 1
            else f"[Cảnh báo] {len(stories)} sự việc được từ {subscription.min_outlets} cơ quan báo chí "
            f"trở lên đưa tin — {subscription.scope_label}"
        )
        return Alert(
            subscription,
            subject,
            _period_key(keys),
            keys,
            stories=[line for _, line in stories[:MAX_ALERT_ITEMS]],
            more=max(0, len(stories) - MAX_ALERT_ITEMS),
        )
    fresh = [d for d in matched if is_new(d, subscription) and f"doc:{d.id}" not in seen]
    if not fresh:
        return None
    keys = [f"doc:{d.id}" for d in fresh]
    what = "bài tiêu cực" if subscription.alert_rule == "negative" else "bài mới"
    subject = (
        f"[Cảnh báo] {len(fresh)} {what} — {subscription.scope_label}"
        if len(fresh) > 1
        else f"[Cảnh báo] {what.capitalize()} — {subscription.scope_label}: {fresh[0].title}"
    )
    return Alert(
        subscription,
        subject,
        _period_key(keys),
        keys,
        clippings=[clipping(d, links, names) for d in fresh[:MAX_ALERT_ITEMS]],
        more=max(0, len(fresh) - MAX_ALERT_ITEMS),
    )


def _watched(ctx: DigestContext, subscription: Subscription, seen: set[str], now: datetime) -> Alert | None:
    """The rules of ``web.digest.watch``: edits and takedowns, coverage gaps, the own press's share."""
    if subscription.alert_rule == "changed":
        finding = watch.changed(ctx.backend, ctx.versions, subscription, seen, now, ALERT_WINDOW_DAYS)
    elif subscription.alert_rule == "gap":
        finding = watch.gap(ctx.backend, subscription, seen, now)
    else:
        finding = watch.low_own_share(ctx.backend, subscription, seen, now, ctx.focus, ctx.provinces)
    if finding is None:
        return None
    shown = finding.documents[:MAX_ALERT_ITEMS]
    return Alert(
        subscription,
        finding.subject,
        _period_key(finding.keys),
        finding.keys,
        clippings=[clipping(d, ctx.links, ctx.outlet_names) for d in shown],
        more=max(0, len(finding.documents) - MAX_ALERT_ITEMS),
    )


def _period_key(item_keys: list[str]) -> str:
    return "alert:" + hashlib.sha256("\n".join(sorted(item_keys)).encode()).hexdigest()[:24]


def alert_message(ctx: DigestContext, alert: Alert, now: datetime) -> EmailMessage:
    subscription = alert.subscription
    unsubscribe = ctx.unsubscribe_url(subscription)
    context = {
        "a": alert,
        "links": ctx.links,
        "unsubscribe_url": unsubscribe,
        "organisation": ctx.organisation,
    }
    return build_message(
        mail_from=ctx.mail.mail_from,
        recipient=subscription.email,
        recipient_name=subscription.user_name,
        subject=alert.subject,
        text=render_template("digest/alert.txt", **context),
        html=render_template("digest/alert.html", **context),
        message_id=ctx.message_id(subscription, alert.period_key),
        unsubscribe_url=unsubscribe,
        date=now,
        headers={"X-Presswatch-Subscription": str(subscription.id), "X-Presswatch-Period": alert.period_key},
    )


def pending_alert(
    ctx: DigestContext, db: sqlite3.Connection, subscription: Subscription, now: datetime
) -> tuple[Alert, EmailMessage] | None:
    """The alert, and its mail, that a run at ``now`` would send for this subscription (None:
    nothing new). The run queues this; the preview pages show it."""
    alert = find_alert(ctx, subscription, outbox.seen_items(db, subscription.id), now)
    return None if alert is None else (alert, alert_message(ctx, alert, now))


def queue_alerts(
    db: sqlite3.Connection, ctx: DigestContext, subscriptions: list[Subscription], now: datetime
) -> int:
    """Record one alert per subscription with something new; returns how many were recorded."""
    queued = 0
    for subscription in subscriptions:
        pending = pending_alert(ctx, db, subscription, now)
        if pending is None:
            continue
        alert, message = pending
        db.commit()
        db.execute("BEGIN IMMEDIATE")  # seen-check, outbox row and seen items: one transaction
        try:
            if outbox.seen_items(db, subscription.id) & set(alert.item_keys):
                db.rollback()  # another run alerted some of these meanwhile; the next run redoes it
                continue
            row = outbox.record(
                db,
                subscription_id=subscription.id,
                period_key=alert.period_key,
                kind="alert",
                recipient=subscription.email,
                subject=alert.subject,
                message_id=message["Message-ID"],
                message=message.as_bytes(),
                now=now,
            )
            outbox.mark_seen(db, subscription.id, alert.item_keys, row, now)
            db.commit()
        except BaseException:
            db.rollback()
            raise
        queued += row is not None
    return queued
