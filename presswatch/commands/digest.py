"""`presswatch digest send|preview` and `presswatch up` (web app + crawl + digest schedule)."""

from __future__ import annotations

import logging
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import click
from flask.cli import with_appcontext

from search.config import settings
from web import base_url as public_base_url
from web import services
from web.dates import DayParam
from web.db import current_flask_app

DAY = DayParam()


@click.group("digest")
def digest_group() -> None:
    """Email digests (điểm báo) and alerts: send what is due, preview one subscription."""


@digest_group.command("send")
@click.option(
    "--date",
    "day",
    type=DAY,
    default=None,
    help="Send the periods ending on this local day (YYYY-MM-DD): daily digests of that day, "
    "weekly digests when it is a Sunday. Default: whatever is due now.",
)
@click.option("--no-alerts", is_flag=True, help="Do not check immediate alerts in this run.")
@with_appcontext
def send_command(day: date | None, no_alerts: bool) -> None:
    """Queue due digests and new alerts in the outbox, then deliver the outbox over SMTP.

    Safe to run as often as you like (cron every few minutes): each (subscription, period) is
    sent once. Exits 1 when a mail failed or could not be composed.
    """
    from web.digest.runner import run

    app = current_flask_app()
    _say_where_links_point(app.config)
    report = run(app, day=day, alerts=not no_alerts)
    click.echo(report.summary())
    for error in report.errors + report.delivery.errors:
        click.echo(f"  {error}", err=True)
    if report.errors or report.delivery.failed or report.delivery.abandoned or report.delivery.left:
        sys.exit(1)


def _say_where_links_point(config: dict[str, Any] | Any) -> None:
    """On stderr, when PRESSWATCH_BASE_URL is not set: which address the mails' links use."""
    message = public_base_url.note(public_base_url.resolve(config))
    if message:
        click.echo(message, err=True)


@digest_group.command("preview")
@click.option("--subscription", "subscription_id", type=int, required=True, help="Subscription id.")
@click.option(
    "--date",
    "day",
    type=DAY,
    default=None,
    help="A local day of the period to preview (default: the latest complete period).",
)
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the HTML part to this file.",
)
@click.option(
    "--eml",
    "eml_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the whole message (.eml, opens in a mail client) to this file.",
)
@with_appcontext
def preview_command(
    subscription_id: int, day: date | None, html_path: Path | None, eml_path: Path | None
) -> None:
    """Print the mail a subscription would receive (headers and text part); sends nothing.

    A digest: the period of --date (default the latest complete one). An immediate alert: the
    alert the next run would send now (--date does not apply), or a line saying there is none.
    """
    from web.db import connect, database_path
    from web.digest.alerts import pending_alert
    from web.digest.message import PREVIEW_HEADERS, mail_parts
    from web.digest.model import get_subscription
    from web.digest.periods import latest_complete, period_containing
    from web.digest.runner import DigestContext, compose_digest_message

    app = current_flask_app()
    _say_where_links_point(app.config)
    now = datetime.now(UTC)
    ctx = DigestContext.from_app(app)
    with connect(database_path(app)) as db:
        subscription = get_subscription(db, subscription_id)
        if subscription is None:
            raise click.ClickException(f"No subscription {subscription_id}.")
        if subscription.broken:
            raise click.ClickException(f"Subscription {subscription_id}: its saved search was deleted.")
        if subscription.frequency == "immediate":
            pending = pending_alert(ctx, db, subscription, now)
            if pending is None:
                click.echo(
                    f"Subscription {subscription_id} (immediate alert): nothing new to alert now; "
                    "the next run sends no mail for it."
                )
                return
            message = pending[1]
            html, text = mail_parts(message)
        else:
            frequency = "weekly" if subscription.frequency == "weekly" else "daily"
            period = period_containing(frequency, day) if day else latest_complete(frequency, now)
            _, message, (html, text) = compose_digest_message(ctx, subscription, period, now)
    for name in PREVIEW_HEADERS:
        click.echo(f"{name}: {message[name]}")
    attachments = [part.get_filename() for part in message.iter_attachments()]
    if attachments:
        click.echo(f"Attachments: {', '.join(str(name) for name in attachments)}")
    click.echo("")
    click.echo(text)
    if html_path:
        html_path.write_text(html, encoding="utf-8")
        click.echo(f"HTML written to {html_path}", err=True)
    if eml_path:
        eml_path.write_bytes(message.as_bytes())
        click.echo(f"Message written to {eml_path}", err=True)


def _env_number(name: str, default: float) -> float:
    value = settings().get(name, "")
    return float(value) if value else default


@click.command("up")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option(
    "--crawl-every",
    "crawl_minutes",
    type=float,
    default=None,
    help="Minutes between crawls (PRESSWATCH_CRAWL_INTERVAL_MINUTES, default 60; 0: no crawls).",
)
@click.option(
    "--crawl-args",
    default=None,
    help="Arguments for each `presswatch crawl`, e.g. '--sample-url http://127.0.0.1:8765' "
    "(PRESSWATCH_CRAWL_ARGS).",
)
@click.option(
    "--alert-every",
    "alert_minutes",
    type=float,
    default=None,
    help="Minutes between alert checks besides the one after each crawl "
    "(PRESSWATCH_ALERT_INTERVAL_MINUTES, default 5).",
)
@with_appcontext
def up_command(
    host: str, port: int, crawl_minutes: float | None, crawl_args: str | None, alert_minutes: float | None
) -> None:
    """Run everything in one process: the web app, the crawl schedule and the digest/alert schedule."""
    from presswatch.scheduler import AlreadyRunning, build_scheduler, single_instance
    from web.serve import PortInUse, serve

    app = current_flask_app()
    if problem := services.unusable_settings(app):
        raise click.ClickException(problem)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    crawl_minutes = (
        crawl_minutes if crawl_minutes is not None else _env_number("PRESSWATCH_CRAWL_INTERVAL_MINUTES", 60)
    )
    alert_minutes = (
        alert_minutes if alert_minutes is not None else _env_number("PRESSWATCH_ALERT_INTERVAL_MINUTES", 5)
    )
    crawl_args = crawl_args if crawl_args is not None else settings().get("PRESSWATCH_CRAWL_ARGS", "")
    try:
        with single_instance(app):
            scheduler = build_scheduler(
                app, crawl_minutes=crawl_minutes, crawl_args=crawl_args, alert_minutes=alert_minutes
            )
            try:
                crawl = f"every {crawl_minutes:g} min" if crawl_minutes else "off (cron?)"
                click.echo(
                    f"Presswatch is up: http://{host}:{port}  crawl {crawl}, digests every minute, "
                    f"alerts every {alert_minutes:g} min (Ctrl-C to stop)"
                )
                services.warm_backend(app)
                # SIGTERM (systemctl stop, docker stop) ends serve() as Ctrl-C does; then the
                # scheduler shuts down below.
                serve(app, host, port, listening=lambda: public_base_url.record(app.config, host, port, "up"))
            finally:
                scheduler.shutdown(wait=False)
    except AlreadyRunning as error:
        raise click.ClickException(str(error)) from error
    except PortInUse as error:
        raise click.ClickException(str(error)) from None
