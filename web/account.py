"""A user's own account: changing their password (the current one required, a strength rule, every
other session ended) and the help page ``/huong-dan``."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext
from flask_login import current_user, login_required, login_user
from flask_wtf import FlaskForm
from werkzeug.security import check_password_hash
from wtforms import PasswordField
from wtforms.validators import DataRequired, Length

from web.auth import _user, set_password
from web.db import get_db
from web.extensions import limiter
from web.i18n import N_, current_language

bp = Blueprint("account", __name__)

MIN_LENGTH = 10
MAX_LENGTH = 200
# Passwords people pick first; refused whatever their length (folded to lower case, digits kept).
COMMON = frozenset(
    {
        "matkhau123",
        "matkhau1234",
        "matkhau12345",
        "password123",
        "password1234",
        "1234567890",
        "12345678910",
        "qwertyuiop",
        "123456789a",
        "a123456789",
        "abc1234567",
        "abcd123456",
        "admin12345",
        "presswatch",
        "presswatch1",
        "presswatch123",
        "baochi123",
        "1111111111",
        "0123456789",
        "iloveyou123",
    }
)


def password_problem(password: str, email: str, current: str = "") -> str | None:
    """Why ``password`` is too weak (a marked Vietnamese message), or None when it will do.

    The rule is the one NIST SP 800-63B recommends in spirit: length first, then refuse what an
    attacker tries early (common passwords, the account's own address, few distinct characters),
    without demanding a symbol that users only append to the end.
    """
    if len(password) < MIN_LENGTH:
        return N_("Mật khẩu mới phải có ít nhất 10 ký tự.")
    if len(password) > MAX_LENGTH:
        return N_("Mật khẩu mới dài quá 200 ký tự.")
    folded = password.casefold()
    classes = sum(
        (
            any(c.isalpha() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )
    if classes < 2:
        return N_("Mật khẩu mới phải có ít nhất hai loại ký tự: chữ, số, ký tự khác.")
    if len(set(folded)) < 5:
        return N_("Mật khẩu mới lặp lại quá ít ký tự khác nhau.")
    if "".join(c for c in folded if c.isalnum()) in COMMON:
        return N_("Mật khẩu mới quá phổ biến, dễ bị đoán.")
    local = email.casefold().partition("@")[0]
    if len(local) >= 3 and local in folded:
        return N_("Mật khẩu mới không được chứa địa chỉ email của bạn.")
    if current and password == current:
        return N_("Mật khẩu mới phải khác mật khẩu hiện tại.")
    return None


class PasswordForm(FlaskForm):
    current = PasswordField(
        lazy_gettext("Mật khẩu hiện tại"), validators=[DataRequired(), Length(max=MAX_LENGTH)]
    )
    new = PasswordField(lazy_gettext("Mật khẩu mới"), validators=[DataRequired(), Length(max=MAX_LENGTH)])
    confirm = PasswordField(
        lazy_gettext("Nhập lại mật khẩu mới"), validators=[DataRequired(), Length(max=MAX_LENGTH)]
    )


def _user_key() -> str:
    return f"password:{current_user.get_id() if current_user.is_authenticated else request.remote_addr}"


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
# Wrong current passwords are throttled per account: a walked-away-from session must not become
# a way to guess the password (which would also open the account's other sessions).
@limiter.limit(
    lambda: current_app.config.get("PRESSWATCH_LOGIN_LIMIT_ACCOUNT") or "5 per minute",
    key_func=_user_key,
    methods=["POST"],
    deduct_when=lambda r: r.status_code == 401,
)
def password() -> Any:
    form = PasswordForm()
    status = 200
    if form.validate_on_submit():
        db = get_db()
        row = db.execute("SELECT * FROM users WHERE id = ?", (current_user.id,)).fetchone()
        # The fields are required: validate_on_submit has made sure they hold text.
        current, new = form.current.data or "", form.new.data or ""
        problem = password_problem(new, row["email"], current)
        if not check_password_hash(row["password_hash"], current):
            form.current.errors = [*form.current.errors, _("Mật khẩu hiện tại không đúng.")]
            status = 401
        elif problem:
            form.new.errors = [*form.new.errors, _(problem)]
            status = 400
        elif form.new.data != form.confirm.data:
            form.confirm.errors = [*form.confirm.errors, _("Hai lần nhập mật khẩu mới không khớp.")]
            status = 400
        else:
            # The new hash changes the session version (web/auth.py), so every session of this
            # account ends, remember-me cookies included; this browser logs in again at once.
            set_password(db, current_user.id, new)
            remembered = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies
            user = _user(db.execute("SELECT * FROM users WHERE id = ?", (current_user.id,)).fetchone())
            login_user(user, remember=remembered)
            flash(_("Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc."), "success")
            return redirect(url_for("account.password"))
    elif request.method == "POST":
        status = 400
    return render_template("account/password.html", form=form, min_length=MIN_LENGTH), status


@bp.route("/help")  # decorators apply bottom-up: /huong-dan is registered first, so url_for builds it
@bp.route("/huong-dan")
@login_required
def help_page() -> Any:
    """The user guide, written once per language (long prose reads better whole than as msgids)."""
    language = "en" if current_language() == "en" else "vi"
    return render_template(f"help/{language}.html")
