"""Accounts: login/logout, roles enforced on the server, hashed passwords, rate-limited login."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, wraps
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext
from flask_login import LoginManager, current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from werkzeug.security import check_password_hash, generate_password_hash
from wtforms import BooleanField, EmailField, PasswordField
from wtforms.validators import DataRequired, Length

from web.db import get_db
from web.extensions import limiter

# A view function, whose signature a decorator keeps.
_View = TypeVar("_View", bound=Callable[..., Any])

bp = Blueprint("auth", __name__, url_prefix="/auth")
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = lazy_gettext("Vui lòng đăng nhập để tiếp tục.")
ROLES = ("viewer", "editor", "admin")  # each role can do what the ones before it can


@dataclass
class User:
    id: int
    email: str
    name: str
    role: str
    active: bool
    # Part of the session id (and so of the remember-me cookie): a new password hash or a logout
    # (which bumps users.session_epoch) ends every open session, copied cookies included.
    session_version: str = ""

    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        return f"{self.id}.{self.session_version}"

    def can(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


def _user(row: Any) -> User | None:
    if not row:
        return None
    version = hashlib.sha256(f"{row['password_hash']}\0{row['session_epoch']}".encode()).hexdigest()[:16]
    return User(row["id"], row["email"], row["name"], row["role"], bool(row["active"]), version)


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The session's user; disabling an account or changing its password ends its open sessions."""
    user_id, _, version = session_id.partition(".")
    user = _user(get_db().execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone())
    if user is None or not user.active or not hmac.compare_digest(version, user.session_version):
        return None
    return user


def create_user(
    db: sqlite3.Connection, email: str, password: str, role: str = "viewer", name: str = ""
) -> int:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < 8:
        raise ValueError("password must have at least 8 characters")
    if has_control_characters(name) or has_control_characters(email):
        raise ValueError("name and email must not contain control characters (line breaks, tabs)")
    cursor = db.execute(
        "INSERT INTO users(email, name, password_hash, role) VALUES (?,?,?,?)",
        (email.strip(), name.strip(), generate_password_hash(password), role),
    )
    db.commit()
    user_id = cursor.lastrowid
    assert user_id is not None  # set by every INSERT
    return user_id


def temporary_password() -> str:
    """12 characters from an alphabet without look-alikes (0/O, 1/l/I), to be shown once."""
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(12))


def set_password(db: sqlite3.Connection, user_id: int, password: str) -> None:
    """Store the hash of a new password; the account's open sessions end (see ``load_user``)."""
    db.execute("UPDATE users SET password_hash = ? WHERE id = ?", (generate_password_hash(password), user_id))
    db.commit()


def has_control_characters(text: str) -> bool:
    """CR, LF and the other C0 controls: never in a name or address that ends up in a mail header."""
    return any(ord(c) < 32 or ord(c) == 127 for c in text)


def role_required(role: str) -> Callable[[_View], _View]:
    """Views for ``role`` and above; others get 403 (checked on the server, every request)."""

    def decorator(view: _View) -> _View:
        @wraps(view)
        @login_required
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.can(role):
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_role = role  # type: ignore[attr-defined]  # a marker on the view function
        return cast(_View, wrapped)  # wraps() keeps the view's name and signature

    return decorator


class LoginForm(FlaskForm):
    # No Email() check here: logging in looks up the address as stored, and a format rule (the
    # validator refuses special-use domains such as .local) would only hide the real answer.
    email = EmailField(lazy_gettext("Email"), validators=[DataRequired(), Length(max=200)])
    password = PasswordField(lazy_gettext("Mật khẩu"), validators=[DataRequired(), Length(max=200)])
    remember = BooleanField(lazy_gettext("Ghi nhớ đăng nhập"))


def _safe_next(target: str | None) -> str:
    """Only same-site relative redirects after login (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("dashboard.index")


@cache
def _dummy_hash() -> str:
    """A hash of a random password, checked for unknown addresses so they cost what known ones do."""
    return generate_password_hash(secrets.token_hex(16))


def _account_key() -> str:
    """The throttle key of the account being tried (not of the client)."""
    return "login:" + (request.form.get("email") or "").strip().casefold()[:200]


def _refused(response: Any) -> bool:
    """Only refused attempts count towards the limits: a colleague logging in costs nothing."""
    return bool(response.status_code == 401)  # a Flask response (Flask-Limiter passes it untyped)


def _limit(name: str, default: str) -> Callable[[], str]:
    return lambda: current_app.config.get(name) or default


# Two limits on failed attempts: per account (guessing one password, from anywhere) and per client
# address (trying many accounts). The address is the client's, not a shared proxy's, when
# PRESSWATCH_TRUSTED_PROXIES says how many proxies to look through (web/security.py).
@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(
    _limit("PRESSWATCH_LOGIN_LIMIT_ACCOUNT", "5 per minute"),
    key_func=_account_key,
    methods=["POST"],
    deduct_when=_refused,
)
@limiter.limit(_limit("PRESSWATCH_LOGIN_LIMIT_IP", "30 per minute"), methods=["POST"], deduct_when=_refused)
def login() -> ResponseReturnValue:
    form = LoginForm()
    if form.validate_on_submit():
        email = (form.email.data or "").strip()  # required: validate_on_submit made sure it is there
        row = get_db().execute("SELECT * FROM users WHERE email = ?", (email,)).fetchone()
        # Always one hash check, for unknown and disabled accounts too: the answer's timing must
        # not tell which addresses have an account.
        password = form.password.data or ""
        matches = check_password_hash(row["password_hash"] if row else _dummy_hash(), password)
        user = _user(row)
        if user and user.active and matches:
            login_user(user, remember=form.remember.data)
            return redirect(_safe_next(request.args.get("next")))
        flash(_("Email hoặc mật khẩu không đúng."), "error")
    return render_template("auth/login.html", form=form), 200 if request.method == "GET" else 401


@bp.route("/logout", methods=["POST"])
@login_required
def logout() -> ResponseReturnValue:
    """Ends the account's sessions everywhere: a copied session or remember-me cookie stops working."""
    db = get_db()
    db.execute("UPDATE users SET session_epoch = session_epoch + 1 WHERE id = ?", (current_user.id,))
    db.commit()
    logout_user()
    return redirect(url_for("auth.login"))
