"""Subscriptions: each user manages their own digests and alerts (login required, CSRF-protected)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, RadioField, SelectField, StringField
from wtforms.validators import NumberRange, Optional

from search import reference
from web.db import get_db
from web.digest import outbox
from web.digest.model import (
    ALERT_LABELS,
    ALERT_RULES,
    Subscription,
    get_subscription,
    list_subscriptions,
    save_settings,
)
from web.digest.periods import parse_send_at
from web.digest.runner import docx_builder
from web.filters import is_former_province

bp = Blueprint("subscriptions", __name__, url_prefix="/subscriptions")
KINDS = [
    ("province", lazy_gettext("Tỉnh, thành")),
    ("topic", lazy_gettext("Chủ đề")),
    ("saved_search", lazy_gettext("Tìm kiếm đã lưu")),
]
FREQUENCIES = [
    ("daily", lazy_gettext("Hằng ngày")),
    ("weekly", lazy_gettext("Hằng tuần (thứ Hai)")),
    ("immediate", lazy_gettext("Cảnh báo ngay")),
]


def topic_names() -> tuple[str, ...]:
    """The topics in force for this app's data folder: an admin's new topic can be subscribed to."""
    return reference.topic_names(current_app.config["PRESSWATCH_DATA_DIR"])


def province_names() -> tuple[str, ...]:
    """The form's suggestions: today's 34 provinces first, then the former ones (still accepted,
    marked "(cũ)" by the template, as the search page marks them), so an old name is not read as
    a province of today."""
    return tuple(sorted(reference.province_names(), key=lambda name: (is_former_province(name), name)))


class SubscriptionForm(FlaskForm):
    kind = RadioField(lazy_gettext("Theo dõi"), choices=KINDS, default="province")
    province = StringField(lazy_gettext("Tỉnh, thành"), validators=[Optional()])
    topic = StringField(lazy_gettext("Chủ đề"), validators=[Optional()])
    saved_search = SelectField(lazy_gettext("Tìm kiếm đã lưu"), choices=[], validate_choice=False)
    frequency = RadioField(lazy_gettext("Tần suất"), choices=FREQUENCIES, default="daily")
    send_at = StringField(lazy_gettext("Giờ gửi"), default="07:00")
    alert_rule = SelectField(
        lazy_gettext("Cảnh báo khi có"),
        choices=[(r, lazy_gettext(ALERT_LABELS[r])) for r in ALERT_RULES],
        default="match",
    )
    min_outlets = IntegerField("N =", default=3, validators=[NumberRange(min=2, max=100)])
    attach_docx = BooleanField(lazy_gettext("Đính kèm điểm báo (.docx)"))

    def target(self) -> str:
        value = {"province": self.province, "topic": self.topic, "saved_search": self.saved_search}[
            self.kind.data
        ].data or ""
        return " ".join(str(value).split())

    def validate(self, extra_validators: Mapping[str, Sequence[Any]] | None = None) -> bool:
        ok = bool(super().validate(extra_validators))
        field = {"province": self.province, "topic": self.topic, "saved_search": self.saved_search}.get(
            self.kind.data
        )
        if field is not None and not self.target():
            field.errors = [*field.errors, _("Vui lòng chọn hoặc nhập nội dung cần theo dõi.")]
            ok = False
        if field is not None and len(self.target()) > 200:
            field.errors = [*field.errors, _("Tối đa 200 ký tự.")]
            ok = False
        own_searches = {choice[0] for choice in self.saved_search.choices or []}  # (value, label) pairs
        if self.kind.data == "saved_search" and self.target() not in own_searches:
            self.saved_search.errors = [*self.saved_search.errors, _("Tìm kiếm đã lưu không hợp lệ.")]
            ok = False
        try:
            parse_send_at(self.send_at.data or "")
        except ValueError:
            self.send_at.errors = [*self.send_at.errors, _("Giờ gửi có dạng HH:MM, ví dụ 07:00.")]
            ok = False
        return ok


def max_subscriptions() -> int:
    """Subscriptions one account may have (PRESSWATCH_MAX_SUBSCRIPTIONS): each costs a search per
    period and per alert check, so an account cannot make the digest run unbounded."""
    return int(current_app.config.get("PRESSWATCH_MAX_SUBSCRIPTIONS") or 50)


def _form(subscription: Subscription | None = None) -> SubscriptionForm:
    form = SubscriptionForm()
    rows = (
        get_db()
        .execute("SELECT id, name FROM saved_searches WHERE user_id = ? ORDER BY name", (current_user.id,))
        .fetchall()
    )
    form.saved_search.choices = [(str(row["id"]), row["name"]) for row in rows]
    if request.method == "GET":
        form.province.data = current_app.config.get("PRESSWATCH_FOCUS_PROVINCE", "")
        if subscription is not None:
            form.kind.data, form.frequency.data = subscription.kind, subscription.frequency
            {"province": form.province, "topic": form.topic, "saved_search": form.saved_search}[
                subscription.kind
            ].data = subscription.target
            form.send_at.data, form.alert_rule.data = subscription.send_at, subscription.alert_rule
            form.min_outlets.data, form.attach_docx.data = subscription.min_outlets, subscription.attach_docx
    return form


def _own(subscription_id: int) -> Subscription:
    subscription = get_subscription(get_db(), subscription_id)
    if subscription is None or subscription.user_id != current_user.id:
        abort(404)
    return subscription


def _save(form: SubscriptionForm, subscription_id: int | None) -> int | None:
    """The subscription's id; None when a new one would pass the per-user limit."""
    db = get_db()
    values = (form.kind.data, form.target(), form.frequency.data, form.send_at.data)
    if subscription_id is None:
        # One statement, so two concurrent posts cannot both slip under the limit.
        cursor = db.execute(
            "INSERT INTO subscriptions(user_id, kind, target, frequency, send_at) "
            "SELECT ?,?,?,?,? "
            "WHERE (SELECT count(*) FROM subscriptions WHERE user_id = ?) < ?",
            (current_user.id, *values, current_user.id, max_subscriptions()),
        )
        if cursor.rowcount == 0:
            return None
        subscription_id = cursor.lastrowid
        assert subscription_id is not None  # set by the INSERT that added a row
    else:
        db.execute(
            "UPDATE subscriptions SET kind = ?, target = ?, frequency = ?, send_at = ? "
            "WHERE id = ? AND user_id = ?",
            (*values, subscription_id, current_user.id),
        )
    min_outlets = form.min_outlets.data
    assert min_outlets is not None  # NumberRange refuses an empty field
    save_settings(
        db,
        subscription_id,
        alert_rule=form.alert_rule.data,
        min_outlets=min_outlets,
        attach_docx=form.attach_docx.data,
    )
    db.commit()
    return subscription_id


def _page(
    form: SubscriptionForm, editing: Subscription | None = None, status: int = 200
) -> ResponseReturnValue:
    subscriptions = list_subscriptions(get_db(), user_id=current_user.id)
    sent = outbox.last_sent(get_db(), [s.id for s in subscriptions])
    return render_template(
        "subscriptions/index.html",
        form=form,
        subscriptions=subscriptions,
        sent=sent,
        editing=editing,
        topics=topic_names(),
        provinces=province_names(),
        docx_available=docx_builder() is not None,
    ), status


@bp.route("/", methods=["GET", "POST"])
@login_required
def index() -> ResponseReturnValue:
    form = _form()
    if request.method == "POST":
        if not form.validate_on_submit():
            return _page(form, status=400)
        if _save(form, None) is None:
            flash(
                _(
                    "Mỗi tài khoản có tối đa %(n)d đăng ký nhận tin; hãy xóa bớt đăng ký cũ trước.",
                    n=max_subscriptions(),
                ),
                "error",
            )
            return _page(form, status=400)
        flash(_("Đã tạo đăng ký nhận tin."), "info")
        return redirect(url_for("subscriptions.index"))
    return _page(form)


@bp.route("/<int:subscription_id>/edit", methods=["GET", "POST"])
@login_required
def edit(subscription_id: int) -> ResponseReturnValue:
    subscription = _own(subscription_id)
    form = _form(subscription)
    if request.method == "POST":
        if not form.validate_on_submit():
            return _page(form, subscription, status=400)
        _save(form, subscription.id)
        flash(_("Đã lưu thay đổi."), "info")
        return redirect(url_for("subscriptions.index"))
    return _page(form, subscription)


@bp.route("/<int:subscription_id>/toggle", methods=["POST"])
@login_required
def toggle(subscription_id: int) -> ResponseReturnValue:
    subscription = _own(subscription_id)
    db = get_db()
    db.execute(
        "UPDATE subscriptions SET active = ? WHERE id = ?", (int(not subscription.active), subscription.id)
    )
    db.commit()
    flash(_("Đã tiếp tục nhận tin.") if not subscription.active else _("Đã tạm dừng nhận tin."), "info")
    return redirect(url_for("subscriptions.index"))


@bp.route("/<int:subscription_id>/delete", methods=["POST"])
@login_required
def delete(subscription_id: int) -> ResponseReturnValue:
    subscription = _own(subscription_id)
    db = get_db()
    db.execute("DELETE FROM subscriptions WHERE id = ?", (subscription.id,))
    db.commit()
    flash(_("Đã xóa đăng ký."), "info")
    return redirect(url_for("subscriptions.index"))
