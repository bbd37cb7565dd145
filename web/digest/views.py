"""Digest pages: preview (the mail as it would be sent), the outbox for admins, one-click unsubscribe."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.blueprints import BlueprintSetupState
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required

from search.backends import BackendUnavailable
from search.document import LOCAL_TZ
from search.query import QueryError
from web.auth import role_required
from web.dates import date_arg, date_params
from web.db import connect, database_path, get_db
from web.digest import ensure_schema, outbox
from web.digest.message import (
    DOCX_TYPE,
    PREVIEW_HEADERS,
    UnsubscribeLinkExpired,
    mail_parts,
    read_unsubscribe_token,
)
from web.digest.model import Subscription, get_subscription, subscription_by_token
from web.digest.periods import Period, latest_complete, period_containing
from web.digest.runner import DigestContext, build_docx_bytes, compose_digest_message, docx_builder
from web.extensions import csrf
from web.i18n import N_
from web.services import index_unavailable

bp = Blueprint("digest", __name__, url_prefix="/digest")
STATUS_LABELS = {
    "pending": N_("Chờ gửi"),
    "sending": N_("Đang gửi"),
    "sent": N_("Đã gửi"),
    "failed": N_("Lỗi, sẽ thử lại"),
    "abandoned": N_("Đã bỏ, không thử lại"),
    "cancelled": N_("Đã hủy"),
}


@bp.record_once
def _create_tables(state: BlueprintSetupState) -> None:
    with connect(database_path(cast(Flask, state.app))) as db:  # a Flask app registers blueprints
        ensure_schema(db)


def _own_subscription(subscription_id: int) -> Subscription:
    subscription = get_subscription(get_db(), subscription_id)
    if subscription is None or (subscription.user_id != current_user.id and not current_user.can("admin")):
        abort(404)
    return subscription


def _preview_period(subscription: Subscription) -> Period:
    frequency = "weekly" if subscription.frequency == "weekly" else "daily"
    day = date_arg("date")
    if day is None:
        return latest_complete(frequency, datetime.now(UTC))
    return period_containing(frequency, day)


@bp.route("/preview/<int:subscription_id>")
@date_params("date")
@login_required
def preview(subscription_id: int) -> ResponseReturnValue:
    subscription = _own_subscription(subscription_id)
    if subscription.broken:
        flash(_("Tìm kiếm đã lưu của đăng ký này đã bị xóa."), "error")
        return redirect(url_for("subscriptions.index"))
    ctx = DigestContext.from_app(current_app)
    if subscription.frequency == "immediate":
        return _alert_preview(ctx, subscription)
    period = _preview_period(subscription)
    try:
        digest, message, (html, text) = compose_digest_message(ctx, subscription, period, datetime.now(UTC))
    except QueryError as error:
        return render_template("error.html", code=503, message=str(error)), 503
    except BackendUnavailable as error:
        return render_template("error.html", code=503, message=index_unavailable(error)), 503
    headers = [(name, message[name]) for name in PREVIEW_HEADERS]
    today = datetime.now(LOCAL_TZ).date()
    upcoming = period.next()
    return render_template(
        "digest/preview.html",
        sub=subscription,
        title=digest.title,
        digest=digest,
        html=html,
        text=text,
        headers=headers,
        previous=period.previous(),
        upcoming=upcoming if upcoming.start <= today else None,
        docx_available=docx_builder() is not None,
    )


def _alert_preview(ctx: DigestContext, subscription: Subscription) -> ResponseReturnValue:
    """An immediate subscription previews as the alert a run would send now (the same
    ``pending_alert`` the run queues), or says that nothing would be sent."""
    from web.digest.alerts import pending_alert

    try:
        pending = pending_alert(ctx, get_db(), subscription, datetime.now(UTC))
    except QueryError as error:
        return render_template("error.html", code=503, message=str(error)), 503
    except BackendUnavailable as error:
        return render_template("error.html", code=503, message=index_unavailable(error)), 503
    if pending is None:
        return render_template(
            "digest/preview.html", sub=subscription, title=_("Cảnh báo"), digest=None, nothing=True
        )
    _alert, message = pending
    html, text = mail_parts(message)
    return render_template(
        "digest/preview.html",
        sub=subscription,
        title=message["Subject"],
        digest=None,
        html=html,
        text=text,
        headers=[(name, message[name]) for name in PREVIEW_HEADERS],
    )


@bp.route("/preview/<int:subscription_id>/docx")
@date_params("date")
@login_required
def preview_docx(subscription_id: int) -> ResponseReturnValue:
    subscription = _own_subscription(subscription_id)
    if docx_builder() is None or subscription.broken or subscription.frequency == "immediate":
        abort(404)
    ctx = DigestContext.from_app(current_app)
    period = _preview_period(subscription)
    digest, _, _ = compose_digest_message(ctx, subscription, period, datetime.now(UTC))
    data = build_docx_bytes(digest, ctx.organisation, ctx.outlet_names)
    filename = f"diem-bao-{period.key.replace(':', '-')}.docx"
    return Response(
        data,
        mimetype="/".join(DOCX_TYPE),
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.route("/outbox")
@role_required("admin")
def outbox_page() -> ResponseReturnValue:
    status = request.args.get("status", "")
    status = status if status in outbox.STATUSES else ""
    db = get_db()
    return render_template(
        "digest/outbox.html",
        rows=outbox.listing(db, status or None),
        counts=outbox.counts(db),
        status=status,
        STATUS_LABELS=STATUS_LABELS,
    )


@bp.route("/outbox/<int:row_id>/retry", methods=["POST"])
@role_required("admin")
def outbox_retry(row_id: int) -> ResponseReturnValue:
    if outbox.retry_now(get_db(), row_id, datetime.now(UTC)):
        flash(_("Thư #%(id)d sẽ được gửi lại ở lần chạy tới.", id=row_id), "info")
    else:
        flash(_("Thư #%(id)d không ở trạng thái có thể gửi lại.", id=row_id), "error")
    return redirect(url_for("digest.outbox_page", status=request.args.get("status", "")))


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # authenticated by the signed token; mail clients' one-click POST has no CSRF token
def unsubscribe(token: str) -> ResponseReturnValue:
    """GET shows a confirm button (mail scanners prefetch links); POST unsubscribes (RFC 8058)."""
    days = float(current_app.config.get("PRESSWATCH_UNSUBSCRIBE_DAYS") or 90)
    try:
        subscription_token = read_unsubscribe_token(current_app.config["SECRET_KEY"], token, days)
    except UnsubscribeLinkExpired:
        return render_template("digest/unsubscribe.html", state="expired"), 410
    if subscription_token is None:
        return render_template("digest/unsubscribe.html", state="invalid"), 400
    db = get_db()
    subscription = subscription_by_token(db, subscription_token)
    if subscription is None:
        return render_template("digest/unsubscribe.html", state="gone"), 404
    if request.method == "POST":
        db.execute("UPDATE subscriptions SET active = 0 WHERE id = ?", (subscription.id,))
        db.commit()
        return render_template("digest/unsubscribe.html", state="done", sub=subscription)
    state = "confirm" if subscription.active else "already"
    return render_template("digest/unsubscribe.html", state=state, sub=subscription, token=token)
