"""The follow-up blueprint: act on an article or story (editors), the work queue (everyone),
and the units directory (admins). Every transition goes through ``states.decide``."""

from __future__ import annotations

import sqlite3
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from search.backends import SearchRequest
from web import services
from web.auth import role_required
from web.db import get_db
from web.filters import local_today
from web.followup import store
from web.followup.states import ACTION_LABELS, STATE_LABELS, TransitionError, allowed, decide
from web.followup.units import UNIT_KINDS, active_units, all_units
from web.versions import store as versions_store

bp = Blueprint("followup", __name__, url_prefix="/followup")
KINDS = ("article", "story")


def target_title(kind: str, target: str) -> str | None:
    """The title of the article, or of a story's first copy; None when the index has neither."""
    if kind == "article":
        document = services.backend().get(target)
        return document.title if document else None
    hits = (
        services.backend()
        .search(SearchRequest(query=f'story:"{target}"', sort="date", limit=1, facets=False))
        .hits
    )
    return hits[0].document.title if hits else None


def editors(db: sqlite3.Connection) -> list[sqlite3.Row]:
    rows: list[sqlite3.Row] = db.execute(
        "SELECT id, coalesce(nullif(name, ''), email) AS label FROM users "
        "WHERE active = 1 AND role IN ('editor', 'admin') ORDER BY label"
    ).fetchall()
    return rows


def panel(kind: str, target: str) -> dict[str, Any]:
    """What the follow-up box of an article or story page shows (``followup/_panel.html``)."""
    db = get_db()
    item = store.get_item(db, kind, target)
    can_act = current_user.can("editor")
    return {
        "kind": kind,
        "target": target,
        "item": item,
        "events": store.events(db, item.id) if item else [],
        "actions": allowed(item.state if item else "new") if can_act else [],
        "units": active_units(db) if can_act else [],
        "users": editors(db) if can_act else [],
        "today": local_today(),
        "STATE_LABELS": STATE_LABELS,
        "ACTION_LABELS": ACTION_LABELS,
    }


def back_to(kind: str, target: str) -> str:
    if kind == "article":
        return url_for("articles.show", document_id=target)
    return url_for("stories.show", story_id=target)


@bp.route("/<kind>/<target>/act", methods=["POST"])
@role_required("editor")
def act(kind: str, target: str) -> ResponseReturnValue:
    if kind not in KINDS or len(target) > 200:
        abort(404)
    db = get_db()
    item = store.get_item(db, kind, target)
    if item is None:
        title = target_title(kind, target)
        if title is None:
            abort(404)
        item = store.open_item(db, kind, target, title, user_id=current_user.id, actor=_actor())
    if request.form.get("state") != item.state:
        flash(_("Mục này vừa được người khác cập nhật; vui lòng xem lại rồi thao tác."), "error")
        return redirect(back_to(kind, target), 303)
    units = {row["id"] for row in active_units(db)}
    users = {row["id"] for row in editors(db)}
    try:
        change = decide(
            item.state,
            request.form.get("action", ""),
            request.form.to_dict(),
            today=local_today(),
            units=units,
            users=users,
        )
    except TransitionError as error:
        flash(_(str(error)), "error")
        return redirect(back_to(kind, target), 303)
    if store.apply(db, item, change, user_id=current_user.id, actor=_actor()):
        flash(_("Đã cập nhật: %(action)s.", action=_(ACTION_LABELS[change.action])), "success")
    else:
        flash(_("Mục này vừa được người khác cập nhật; vui lòng xem lại rồi thao tác."), "error")
    return redirect(back_to(kind, target), 303)


def _actor() -> str:
    return str(current_user.name or current_user.email)


@bp.route("/")
@role_required("viewer")
def queue() -> ResponseReturnValue:
    db = get_db()
    today = local_today()
    since = store.new_since_last_visit(db, current_user.id)
    sections = [
        ("action", _("Cần xử lý"), store.items(db, "f.state = 'action'")),
        (
            "overdue",
            _("Quá hạn"),
            store.items(db, "f.state = 'forwarded' AND f.due_date < ?", (today.isoformat(),)),
        ),
        ("new", _("Mới từ lần trước"), store.items(db, "f.created_at > ?", (store.now_text(since),))),
        (
            "waiting",
            _("Đang chờ phản hồi"),
            store.items(db, "f.state = 'forwarded' AND f.due_date >= ?", (today.isoformat(),)),
        ),
    ]
    # An answered problem often ends with the outlet correcting or removing its article: say so.
    articles = sorted(
        {item.target for _key, _label, rows in sections for item in rows if item.kind == "article"}
    )
    return render_template(
        "followup/queue.html",
        sections=sections,
        today=today,
        since=since,
        changes=versions_store().status(articles),
        first_visit=since.year < 2000,
        STATE_LABELS=STATE_LABELS,
    )


@bp.route("/units", methods=["GET", "POST"])
@role_required("admin")
def units() -> ResponseReturnValue:
    db = get_db()
    if request.method == "POST":
        name = " ".join((request.form.get("name") or "").split())
        kind = request.form.get("kind", "")
        if not name or len(name) > 200 or kind not in UNIT_KINDS:
            flash(_("Vui lòng nhập tên đơn vị (tối đa 200 ký tự) và chọn loại."), "error")
        elif db.execute("SELECT 1 FROM units WHERE name = ?", (name,)).fetchone():
            flash(_("Đơn vị này đã có trong danh mục."), "error")
        else:
            db.execute("INSERT INTO units(name, kind) VALUES (?, ?)", (name, kind))
            db.commit()
            flash(_("Đã thêm đơn vị."), "success")
        return redirect(url_for("followup.units"), 303)
    return render_template(
        "followup/units.html", units=all_units(db), UNIT_KINDS=UNIT_KINDS, active_tab="units"
    )


@bp.route("/units/<int:unit_id>/active", methods=["POST"])
@role_required("admin")
def unit_active(unit_id: int) -> ResponseReturnValue:
    """Retire or restore a unit: items forwarded to it keep its name; it is no longer offered."""
    db = get_db()
    if not db.execute("UPDATE units SET active = 1 - active WHERE id = ?", (unit_id,)).rowcount:
        abort(404)
    db.commit()
    return redirect(url_for("followup.units"), 303)
