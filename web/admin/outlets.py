"""Admin: turn outlets on or off for crawling (``outlet_settings`` in the app database).

The registry YAML says whether an outlet is enabled by default; a row in ``outlet_settings``
overrides it. ``effective_enabled`` is what the crawl command should pass on: the crawler never
imports ``web``, so ``presswatch crawl`` (in ``presswatch/cli.py``) reads it and hands over the ids.
The outlets themselves come from the source the composition root registered (``web.services``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from search.text import fold
from web.admin.blueprint import bp
from web.auth import role_required
from web.db import get_db
from web.services import OutletInfo, registered_outlets


@dataclass
class OutletRow:
    outlet: OutletInfo
    source: str  # "registry" (real press) or "sample" (the bundled demo press)
    override: bool | None  # None: no admin choice, the registry's ``enabled`` applies

    @property
    def enabled(self) -> bool:
        return self.outlet.enabled if self.override is None else self.override


def registry_outlets() -> list[tuple[OutletInfo, str]]:
    """The real press's registry and the sample press's, each outlet with where it came from."""
    return registered_outlets()


def overrides(db: sqlite3.Connection) -> dict[str, bool]:
    return {row[0]: bool(row[1]) for row in db.execute("SELECT outlet_id, enabled FROM outlet_settings")}


def effective_enabled(db: sqlite3.Connection, outlets: list[OutletInfo]) -> dict[str, bool]:
    """Outlet id → whether to crawl it: the admin's choice if any, else the registry's ``enabled``."""
    chosen = overrides(db)
    return {o.id: chosen.get(o.id, o.enabled) for o in outlets}


def set_enabled(db: sqlite3.Connection, outlet_id: str, enabled: bool | None) -> None:
    """Record the admin's choice; ``None`` goes back to the registry's default."""
    if enabled is None:
        db.execute("DELETE FROM outlet_settings WHERE outlet_id = ?", (outlet_id,))
    else:
        db.execute(
            "INSERT INTO outlet_settings(outlet_id, enabled, updated_at) "
            "VALUES (?, ?, datetime('now')) ON CONFLICT(outlet_id) DO UPDATE "
            "SET enabled = excluded.enabled, updated_at = excluded.updated_at",
            (outlet_id, int(enabled)),
        )
    db.commit()


@bp.route("/outlets")
@role_required("admin")
def outlets() -> ResponseReturnValue:
    from web.admin.outlet_store import all_outlets, history

    chosen = overrides(get_db())
    rows = [OutletRow(o, source, chosen.get(o.id)) for o, source in all_outlets(get_db())]
    shown = request.args.get("show", "")
    query = fold(request.args.get("q", "").strip())
    if shown in ("on", "off"):
        rows = [r for r in rows if r.enabled == (shown == "on")]
    if query:
        # Folded like search: "nhan dan" finds Báo Nhân Dân, "bac ninh" the outlets of Bắc Ninh.
        rows = [
            r
            for r in rows
            if query in fold(r.outlet.name) or query in r.outlet.id or query in fold(r.outlet.province or "")
        ]
    return render_template(
        "admin/outlets.html",
        rows=rows,
        shown=shown,
        q=request.args.get("q", ""),
        enabled_count=sum(r.enabled for r in rows),
        active_tab="outlets",
        history=history(get_db(), limit=20),
    )


@bp.route("/outlets/<outlet_id>", methods=["POST"])
@role_required("admin")
def set_outlet(outlet_id: str) -> ResponseReturnValue:
    from web.admin.outlet_store import all_outlets, audit

    known = {o.id: o for o, _source in all_outlets(get_db())}
    if outlet_id not in known:
        abort(404)
    choice = request.form.get("enabled", "")
    if choice not in ("1", "0", "default"):
        abort(400)
    before = overrides(get_db()).get(outlet_id)
    action = {"1": "enable", "0": "disable", "default": "default"}[choice]
    audit(
        get_db(),
        current_user.email,
        outlet_id,
        action,
        {"enabled": [before, None if choice == "default" else choice == "1"]},
    )
    set_enabled(get_db(), outlet_id, None if choice == "default" else choice == "1")
    name = known[outlet_id].name
    message = {
        "1": _("Đã bật theo dõi %(name)s.", name=name),
        "0": _("Đã tắt theo dõi %(name)s.", name=name),
        "default": _("%(name)s theo lại mặc định của danh mục.", name=name),
    }[choice]
    flash(message, "success")
    return redirect(
        url_for("admin.outlets", show=request.args.get("show") or None, q=request.args.get("q") or None), 303
    )
