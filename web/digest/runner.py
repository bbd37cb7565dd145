"""One run: record what is due (digests, alerts) in the outbox, then deliver the outbox.

``presswatch digest send``, the embedded scheduler and cron all call ``run``; running it twice,
concurrently or after a crash sends each (subscription, period) once (see ``outbox``).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from typing import Any

from flask import Flask

from search.document import LOCAL_TZ
from web.db import connect, current_flask_app, database_path
from web.digest import outbox
from web.digest.alerts import queue_alerts
from web.digest.compose import Digest, FollowupLine, build_digest, followup_line, render_digest
from web.digest.context import DigestContext
from web.digest.message import build_message
from web.digest.model import Subscription, list_subscriptions
from web.digest.periods import Period, due_periods, period_ending
from web.digest.send import DeliveryReport, deliver
from web.followup import auto
from web.followup import store as followup_store

log = logging.getLogger(__name__)


def docx_builder() -> Callable[..., bytes]:
    """The điểm báo's DOCX builder (imported on first use: python-docx is only needed to attach it)."""
    from web.reports.docx_report import build_docx

    return build_docx


def build_docx_bytes(digest: Digest, organisation: str, outlet_names: dict[str, str]) -> bytes | None:
    """The điểm báo DOCX of a digest's clippings, or None without the reports module."""
    return docx_builder()(
        digest.documents, digest.title, digest.period.end, organisation, outlet_names=outlet_names
    )


def docx_attachment(digest: Digest, ctx: DigestContext) -> tuple[str, bytes] | None:
    data = build_docx_bytes(digest, ctx.organisation, ctx.outlet_names)
    return None if data is None else (f"diem-bao-{digest.period.key.replace(':', '-')}.docx", data)


# Digests built in one run, by scope and period (and the DOCX attachment under (*key, "docx")).
DigestCache = dict[tuple[object, ...], Any]


def compose_digest_message(
    ctx: DigestContext,
    subscription: Subscription,
    period: Period,
    now: datetime,
    cache: DigestCache | None = None,
) -> tuple[Digest, EmailMessage, tuple[str, str]]:
    """The digest, its mail, and (html, text) for previews.

    ``cache``: digests already built in this run, by scope and period — subscribers to the same
    province, topic or search share the searches; only the rendering is per recipient.
    """
    # The subject names the scope, so the label is part of the key along with the search itself.
    key = (subscription.criteria(), subscription.scope_label, period.key)
    digest = cache.get(key) if cache is not None else None
    if digest is None:
        digest = build_digest(
            ctx.backend, subscription, period, links=ctx.links, outlet_names=ctx.outlet_names, now=now
        )
        if cache is not None:
            cache[key] = digest
    digest = replace(digest, subscription=subscription, followups=due_followups(ctx, subscription, now))
    unsubscribe = ctx.unsubscribe_url(subscription)
    html, text = render_digest(
        digest, links=ctx.links, unsubscribe_url=unsubscribe, organisation=ctx.organisation
    )
    attachment = None
    if subscription.attach_docx:
        attachment = cache.get((*key, "docx")) if cache is not None else None
        attachment = attachment or docx_attachment(digest, ctx)
        if cache is not None:
            cache[(*key, "docx")] = attachment
    message = build_message(
        mail_from=ctx.mail.mail_from,
        recipient=subscription.email,
        recipient_name=subscription.user_name,
        subject=digest.subject,
        text=text,
        html=html,
        message_id=ctx.message_id(subscription, period.key),
        unsubscribe_url=unsubscribe,
        date=now,
        headers={"X-Presswatch-Subscription": str(subscription.id), "X-Presswatch-Period": period.key},
        attachment=attachment,
    )
    return digest, message, (html, text)


def due_followups(ctx: DigestContext, subscription: Subscription, now: datetime) -> list[FollowupLine]:
    """The recipient's follow-up items overdue or due by tomorrow, in their daily digest only."""
    if ctx.database is None or subscription.frequency != "daily":
        return []
    today = now.astimezone(LOCAL_TZ).date()
    db = connect(ctx.database)
    try:
        due = followup_store.due_for(db, subscription.user_id, today + timedelta(days=1))
    finally:
        db.close()
    return [followup_line(item, today, ctx.links) for item in due]


def periods_for(
    subscription: Subscription, now: datetime, catchup: timedelta, day: date | None
) -> list[Period]:
    if day is not None:  # an explicit day: the period ending that day, whatever the clock says
        period = period_ending(subscription.frequency, day)
        return [period] if period else []
    return due_periods(
        subscription.frequency, subscription.send_at, now, not_before=subscription.created_at, catchup=catchup
    )


def queue_digests(
    db: sqlite3.Connection,
    ctx: DigestContext,
    subscriptions: list[Subscription],
    now: datetime,
    day: date | None = None,
) -> int:
    """Record every due digest that is not recorded yet; returns how many were recorded."""
    queued = 0
    cache: DigestCache = {}
    for subscription in subscriptions:
        for period in periods_for(subscription, now, ctx.catchup, day):
            if outbox.exists(db, subscription.id, period.key):
                continue
            digest, message, _ = compose_digest_message(ctx, subscription, period, now, cache)
            row = outbox.record(
                db,
                subscription_id=subscription.id,
                period_key=period.key,
                kind="digest",
                recipient=subscription.email,
                subject=digest.subject,
                message_id=message["Message-ID"],
                message=message.as_bytes(),
                now=now,
            )
            db.commit()
            queued += row is not None
    return queued


@dataclass
class RunReport:
    digests: int = 0
    alerts: int = 0
    delivery: DeliveryReport = field(default_factory=DeliveryReport)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        d = self.delivery
        text = (
            f"{self.digests} digests and {self.alerts} alerts queued; {d.sent} sent, {d.failed} failed "
            f"(will retry), {d.abandoned} abandoned, {d.cancelled} cancelled"
        )
        return text + (f", {d.left} left for the next run (SMTP server unavailable)" if d.left else "")


def run(
    app: Flask | None = None,
    *,
    now: datetime | None = None,
    day: date | None = None,
    alerts: bool = True,
    send: bool = True,
) -> RunReport:
    """Queue due digests (or those of ``day``) and new alerts, then deliver the outbox."""
    app = app or current_flask_app()
    now = (now or datetime.now(UTC)).astimezone(UTC)
    report = RunReport()
    with app.app_context():
        ctx = DigestContext.from_app(app)
        db = connect(database_path(app))
        try:
            _guarded(report, "follow-up", open_followups, app, db, ctx, now)
            subscriptions = list_subscriptions(db, deliverable=True)
            scheduled = [s for s in subscriptions if s.frequency in ("daily", "weekly")]
            report.digests = _guarded(report, "digests", queue_digests, db, ctx, scheduled, now, day)
            if alerts:
                immediate = [s for s in subscriptions if s.frequency == "immediate"]
                report.alerts = _guarded(report, "alerts", queue_alerts, db, ctx, immediate, now)
            if send:
                report.delivery = deliver(db, ctx.mail, now)
        finally:
            db.close()
    return report


def open_followups(app: Flask, db: sqlite3.Connection, ctx: DigestContext, now: datetime) -> int:
    """Widely carried negative stories about the focus province get an item before digests list them."""
    focus = app.config.get("PRESSWATCH_FOCUS_PROVINCE", "")
    return auto.open_spreading_stories(
        db,
        ctx.backend,
        auto.min_outlets(app.config),
        today=now.astimezone(LOCAL_TZ).date(),
        provinces=[focus] if focus else [],
        now=now,
    )


def _guarded(report: RunReport, what: str, function: Callable[..., int], *args: Any) -> int:
    """A failure to compose (e.g. the index is down) must not stop delivery of what is queued."""
    try:
        return function(*args)
    except Exception as error:  # noqa: BLE001 - reported, logged, and the run goes on
        log.exception("queueing %s failed", what)
        report.errors.append(f"{what}: {type(error).__name__}: {error}")
        return 0
