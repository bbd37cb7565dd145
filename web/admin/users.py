"""Admin: staff accounts — create, change role, disable/enable, reset password.

Guards: an admin cannot demote or disable their own account, and the last active admin cannot be
demoted or disabled, so the system always keeps someone who can administer it. A reset password
is generated here and shown once to the admin, who passes it on: in the response itself (not
flashed, which would store it in the session cookie) and never cached.
"""

from __future__ import annotations

import sqlite3

from flask import Response, abort, flash, make_response, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import EmailField, Field, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from web.admin.blueprint import bp
from web.auth import (
    ROLES,
    create_user,
    has_control_characters,
    role_required,
    set_password,
    temporary_password,
)
from web.db import get_db
from web.filters import ROLE_LABELS


def _no_control_characters(form: FlaskForm, field: Field) -> None:
    """The name becomes a mail header's display name: no line break may end or forge a header."""
    if field.data and has_control_characters(field.data):
        raise ValidationError(_("Họ tên không được chứa ký tự xuống dòng hay ký tự điều khiển."))


class NewUserForm(FlaskForm):
    email = EmailField(lazy_gettext("Email"), validators=[DataRequired(), Email(), Length(max=200)])
    name = StringField(
        lazy_gettext("Họ tên"), validators=[Optional(), Length(max=200), _no_control_characters]
    )
    role = SelectField(lazy_gettext("Vai trò"), choices=[(role, role) for role in ROLES], default="viewer")
    password = PasswordField(
        lazy_gettext("Mật khẩu (để trống: tạo mật khẩu tạm)"), validators=[Optional(), Length(min=8, max=200)]
    )


def _user_row(user_id: int) -> sqlite3.Row:
    row: sqlite3.Row | None = get_db().execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
    if row is None:
        abort(404)
    return row


def _other_active_admins(user_id: int) -> int:
    return int(
        get_db()
        .execute("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1 AND id != ?", (user_id,))
        .fetchone()[0]
    )


def _would_lock_out(row: sqlite3.Row) -> str | None:
    """Why taking admin rights from this account is refused, or None."""
    if row["id"] == current_user.id:
        return _("Không thể tự hạ quyền hoặc tự khóa tài khoản của chính mình.")
    if row["role"] == "admin" and row["active"] and _other_active_admins(row["id"]) == 0:
        return _("Đây là quản trị viên cuối cùng còn hoạt động; hãy tạo quản trị viên khác trước.")
    return None


def _page(form: NewUserForm, status: int = 200, once: str | None = None) -> Response:
    """The accounts page; ``once`` is a message with a password, shown in this response only."""
    rows = (
        get_db()
        .execute(
            "SELECT id, email, name, role, active, created_at FROM users "
            "ORDER BY active DESC, role = 'admin' DESC, email"
        )
        .fetchall()
    )
    response = make_response(
        render_template(
            "admin/users.html", form=form, users=rows, roles=ROLES, active_tab="users", once=once
        ),
        status,
    )
    if once:
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/users", methods=["GET", "POST"])
@role_required("admin")
def users() -> ResponseReturnValue:
    form = NewUserForm()
    if request.method != "POST":
        return _page(form)
    if not form.validate_on_submit():
        return _page(form, 400)
    password = form.password.data or temporary_password()
    email = form.email.data or ""  # required: validate_on_submit made sure it is there
    try:
        create_user(get_db(), email, password, form.role.data, form.name.data or "")
    except sqlite3.IntegrityError:
        form.email.errors = [*form.email.errors, _("Đã có tài khoản với email này.")]
        return _page(form, 400)
    message = _("Đã tạo tài khoản %(email)s.", email=email.strip())
    if form.password.data:
        flash(message, "success")
        return redirect(url_for("admin.users"))
    once = message + " " + _("Mật khẩu tạm (chỉ hiện một lần): %(password)s", password=password)
    return _page(NewUserForm(formdata=None), 201, once)


@bp.route("/users/<int:user_id>/role", methods=["POST"])
@role_required("admin")
def change_role(user_id: int) -> ResponseReturnValue:
    row = _user_row(user_id)
    role = request.form.get("role", "")
    if role not in ROLES:
        abort(400)
    if role != "admin" and row["role"] == "admin" and (reason := _would_lock_out(row)):
        flash(reason, "error")
        return redirect(url_for("admin.users"), 303)
    db = get_db()
    db.execute("UPDATE users SET role = ? WHERE id = ?", (role, user_id))
    db.commit()
    flash(
        _("Đã đổi vai trò của %(email)s thành %(role)s.", email=row["email"], role=_(ROLE_LABELS[role])),
        "success",
    )
    return redirect(url_for("admin.users"), 303)


@bp.route("/users/<int:user_id>/active", methods=["POST"])
@role_required("admin")
def set_active(user_id: int) -> ResponseReturnValue:
    row = _user_row(user_id)
    active = request.form.get("active") == "1"
    if not active and (reason := _would_lock_out(row)):
        flash(reason, "error")
        return redirect(url_for("admin.users"), 303)
    db = get_db()
    db.execute("UPDATE users SET active = ? WHERE id = ?", (int(active), user_id))
    db.commit()
    flash(
        _("Đã mở lại tài khoản %(email)s.", email=row["email"])
        if active
        else _("Đã khóa tài khoản %(email)s.", email=row["email"]),
        "success",
    )
    return redirect(url_for("admin.users"), 303)


@bp.route("/users/<int:user_id>/password", methods=["POST"])
@role_required("admin")
def reset_password(user_id: int) -> ResponseReturnValue:
    row = _user_row(user_id)
    password = temporary_password()
    set_password(get_db(), user_id, password)
    return _page(
        NewUserForm(formdata=None),
        200,
        _(
            "Mật khẩu mới của %(email)s (chỉ hiện một lần): %(password)s",
            email=row["email"],
            password=password,
        ),
    )
