"""The admin blueprint: every view is for admins only, checked on the server for every request."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from web.auth import role_required

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.before_request
def admins_only() -> ResponseReturnValue | None:
    """Defence in depth: each view also carries ``role_required("admin")``."""
    if not current_user.is_authenticated:
        return None  # the view's login_required sends anonymous users to the login page
    if not current_user.can("admin"):
        abort(403)
    return None


@bp.route("/")
@role_required("admin")
def index() -> ResponseReturnValue:
    return redirect(url_for("admin.users"))
