"""One run: record what is due (digests, alerts) in the outbox, then deliver the outbox.

``presswatch digest send``, the embedded scheduler and cron all call ``run``; running it twice,
concurrently or after a crash sends each (subscription, period) once (see ``outbox``).
"""

from __future__ import annotations

import importlib
import inspect
import logging
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage

from flask import Flask, current_app

from search.backends.base import SearchBackend
from web import services
from web.db import connect, database_path
from web.digest import outbox
from web.digest.compose import Digest, Links, build_digest, render_digest
from web.digest.message import build_message, sender_domain, unsubscribe_token
from web.digest.model import Subscription, list_subscriptions
from web.digest.periods import Period, due_periods, period_ending
from web.digest.send import DeliveryReport, MailSettings, deliver, setting
from web.organisation import default_organisation

log = logging.getLogger(__name__)


@dataclass
class DigestContext:
    """What composing needs from the app, read once per run."""

    backend: SearchBackend
    base_url: str
    outlet_names: dict[str, str]
    secret_key: str
    organisation: str
    mail: MailSettings
    catchup: timedelta
    links: Links

    @classmethod
    def from_app(cls, app: Flask) -> DigestContext:
        config = app.config
        focus = config.get("PRESSWATCH_FOCUS_PROVINCE", "")
        # The documented environment variable counts too (it was read from the app config only).
        base_url = setting(config, "PRESSWATCH_BASE_URL", "http://127.0.0.1:5000")
        return cls(
            backend=services.backend(), base_url=base_url, links=Links(base_url, app.url_map),
            outlet_names=services.outlet_names(), secret_key=config["SECRET_KEY"],
            organisation=str(config.get("PRESSWATCH_ORGANISATION") or default_organisation(focus)),
            mail=MailSettings.from_config(config),
            catchup=timedelta(hours=float(config.get("PRESSWATCH_DIGEST_CATCHUP_HOURS") or 36)))

    def unsubscribe_url(self, subscription: Subscription) -> str:
        return self.links.unsubscribe(unsubscribe_token(self.secret_key, subscription.token))

    def message_id(self, subscription: Subscription, period_key: str) -> str:
        return outbox.message_id(subscription.id, subscription.created_at, period_key,
                                 sender_domain(self.mail.mail_from))


def docx_builder():
    """``web.reports.docx_report.build_docx`` when the reports module is installed, else None."""
    try:
        module = importlib.import_module("web.reports.docx_report")
    except ImportError:
        return None
    return getattr(module, "build_docx", None)


def build_docx_bytes(digest: Digest, organisation: str, outlet_names: dict[str, str]) -> bytes | None:
    """The điểm báo DOCX of a digest's clippings, or None without the reports module."""
    build_docx = docx_builder()
    if build_docx is None:
        return None
    parameters = inspect.signature(build_docx).parameters
    extra = {"outlet_names": outlet_names} if "outlet_names" in parameters or any(
        p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()) else {}
    return build_docx(digest.documents, digest.title, digest.period.end, organisation, **extra)


def docx_attachment(digest: Digest, ctx: DigestContext) -> tuple[str, bytes] | None:
    data = build_docx_bytes(digest, ctx.organisation, ctx.outlet_names)
    return None if data is None else (f"diem-bao-{digest.period.key.replace(':', '-')}.docx", data)


def compose_digest_message(ctx: DigestContext, subscription: Subscription, period: Period, now: datetime,
                           cache: dict | None = None) -> tuple[Digest, EmailMessage, tuple[str, str]]:
    """The digest, its mail, and (html, text) for previews.

    ``cache``: digests already built in this run, by scope and period — subscribers to the same
    province, topic or search share the searches; only the rendering is per recipient.
    """
    # The subject names the scope, so the label is part of the key along with the search itself.
    key = (subscription.criteria(), subscription.scope_label, period.key)
    digest = cache.get(key) if cache is not None else None
    if digest is None:
        digest = build_digest(ctx.backend, subscription, period, links=ctx.links,
                              outlet_names=ctx.outlet_names, now=now)
        if cache is not None:
            cache[key] = digest
    digest = replace(digest, subscription=subscription)
    unsubscribe = ctx.unsubscribe_url(subscription)
    html, text = render_digest(digest, links=ctx.links, unsubscribe_url=unsubscribe,
                               organisation=ctx.organisation)
    attachment = None
    if subscription.attach_docx:
        attachment = cache.get((*key, "docx")) if cache is not None else None
        attachment = attachment or docx_attachment(digest, ctx)
        if cache is not None:
            cache[(*key, "docx")] = attachment
    message = build_message(
        mail_from=ctx.mail.mail_from, recipient=subscription.email, recipient_name=subscription.user_name,
        subject=digest.subject, text=text, html=html,
        message_id=ctx.message_id(subscription, period.key), unsubscribe_url=unsubscribe, date=now,
        headers={"X-Presswatch-Subscription": str(subscription.id), "X-Presswatch-Period": period.key},
        attachment=attachment)
    return digest, message, (html, text)


def periods_for(subscription: Subscription, now: datetime, catchup: timedelta,
                day: date | None) -> list[Period]:
    if day is not None:  # an explicit day: the period ending that day, whatever the clock says
        period = period_ending(subscription.frequency, day)
        return [period] if period else []
    return due_periods(subscription.frequency, subscription.send_at, now,
                       not_before=subscription.created_at, catchup=catchup)


def queue_digests(db: sqlite3.Connection, ctx: DigestContext, subscriptions: list[Subscription],
                  now: datetime, day: date | None = None) -> int:
    """Record every due digest that is not recorded yet; returns how many were recorded."""
    queued, cache = 0, {}
    for subscription in subscriptions:
        for period in periods_for(subscription, now, ctx.catchup, day):
            if outbox.exists(db, subscription.id, period.key):
                continue
            digest, message, _ = compose_digest_message(ctx, subscription, period, now, cache)
            row = outbox.record(db, subscription_id=subscription.id, period_key=period.key, kind="digest",
                                recipient=subscription.email, subject=digest.subject,
                                message_id=message["Message-ID"], message=message.as_bytes(), now=now)
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
        text = (f"{self.digests} digests and {self.alerts} alerts queued; {d.sent} sent, {d.failed} failed "
                f"(will retry), {d.abandoned} abandoned, {d.cancelled} cancelled")
        return text + (f", {d.left} left for the next run (SMTP server unavailable)" if d.left else "")


def run(app: Flask | None = None, *, now: datetime | None = None, day: date | None = None,
        alerts: bool = True, send: bool = True) -> RunReport:
    """Queue due digests (or those of ``day``) and new alerts, then deliver the outbox."""
    from web.digest.alerts import queue_alerts

    app = app or current_app._get_current_object()
    now = (now or datetime.now(UTC)).astimezone(UTC)
    report = RunReport()
    with app.app_context():
        ctx = DigestContext.from_app(app)
        db = connect(database_path(app))
        try:
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


def _guarded(report: RunReport, what: str, function, *args) -> int:
    """A failure to compose (e.g. the index is down) must not stop delivery of what is queued."""
    try:
        return function(*args)
    except Exception as error:  # noqa: BLE001 - reported, logged, and the run goes on
        log.exception("queueing %s failed", what)
        report.errors.append(f"{what}: {type(error).__name__}: {error}")
        return 0
