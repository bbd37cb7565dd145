"""The điểm báo basket: articles an editor ticks anywhere (search results, dashboard, article page),
kept per user in the app database, so it survives paging, other pages and logging out.

Editors and admins fill and export it; viewers have no basket (the server refuses their POSTs).
The export reuses the reports module's files: CSV, XLSX and the điểm báo DOCX/PDF.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from search.backends import BackendUnavailable
from search.document import LOCAL_TZ, Document
from web import services
from web.auth import role_required
from web.dates import date_params
from web.db import get_db
from web.reports.views import (
    FORMATS,
    MAX_SELECTION,
    REVIEW_FORMATS,
    ExportRefused,
    _max_clippings,
    _refused,
    _report_header,
    review_response,
    tabular_response,
)

bp = Blueprint("basket", __name__, url_prefix="/basket")
BASKET_ROLE = "editor"

SCHEMA = """
CREATE TABLE IF NOT EXISTS basket_items (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL,
    added_at TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (user_id, document_id)
);
"""


def item_ids(db: sqlite3.Connection, user_id: int) -> list[str]:
    """The user's basket, oldest tick first."""
    rows = db.execute(
        "SELECT document_id FROM basket_items WHERE user_id = ? ORDER BY added_at, rowid", (user_id,)
    ).fetchall()
    return [row[0] for row in rows]


def add(db: sqlite3.Connection, user_id: int, document_ids: list[str]) -> int:
    """Tick articles (already ticked ones stay as they are); returns how many were new."""
    room = MAX_SELECTION - len(item_ids(db, user_id))
    if len(document_ids) > room:
        raise ExportRefused(_("Giỏ điểm báo có nhiều nhất %(n)d bài.", n=MAX_SELECTION))
    before = db.total_changes
    db.executemany(
        "INSERT OR IGNORE INTO basket_items(user_id, document_id) VALUES (?, ?)",
        [(user_id, i) for i in document_ids],
    )
    db.commit()
    return db.total_changes - before


def remove(db: sqlite3.Connection, user_id: int, document_ids: list[str] | None = None) -> None:
    """Untick ``document_ids``, or empty the basket when None."""
    if document_ids is None:
        db.execute("DELETE FROM basket_items WHERE user_id = ?", (user_id,))
    else:
        db.executemany(
            "DELETE FROM basket_items WHERE user_id = ? AND document_id = ?",
            [(user_id, i) for i in document_ids],
        )
    db.commit()


def _ids(values: list[str]) -> list[str]:
    """Document ids from a form: short hex strings only (they name index records, nothing else)."""
    ids = [v.strip() for v in values if v.strip()]
    if any(len(i) > 64 or not i.isalnum() for i in ids):
        abort(400)
    return list(dict.fromkeys(ids))


def _back(fallback: str) -> str:
    target = request.form.get("next", "")
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return fallback


@bp.app_context_processor
def basket_helpers() -> dict[str, Any]:
    """``in_basket(id)`` and ``basket_count()`` for the tick buttons and the menu (one query a page)."""

    def ticked() -> set[str]:
        if "basket_ids" not in g:
            user = current_user
            g.basket_ids = (
                set(item_ids(get_db(), user.id)) if user.is_authenticated and user.can(BASKET_ROLE) else set()
            )
        ids: set[str] = g.basket_ids
        return ids

    return {"in_basket": lambda document_id: document_id in ticked(), "basket_count": lambda: len(ticked())}


@bp.route("/")
@role_required(BASKET_ROLE)
def index() -> ResponseReturnValue:
    ids = item_ids(get_db(), current_user.id)
    documents: list[Document] = []
    missing: list[str] = []
    error = None
    try:
        backend = services.backend()
        for document_id in ids:
            document = backend.get(document_id)
            if document is None:
                missing.append(document_id)
            else:
                documents.append(document)
    except BackendUnavailable as exc:
        error = services.index_unavailable(exc)
    documents.sort(key=lambda d: d.published_at, reverse=True)
    return render_template(
        "basket/index.html",
        documents=documents,
        missing=missing,
        error=error,
        outlet_names=services.outlet_names(),
        today=datetime.now(LOCAL_TZ).date(),
        default_header=_report_header(None),
    )


@bp.route("/toggle", methods=["POST"])
@role_required(BASKET_ROLE)
def toggle() -> ResponseReturnValue:
    """One article's tick box: ticked if it was not, unticked if it was."""
    ids = _ids([request.form.get("id", "")])
    if not ids:
        abort(400)
    document_id, db = ids[0], get_db()
    if document_id in item_ids(db, current_user.id):
        remove(db, current_user.id, [document_id])
    else:
        try:
            add(db, current_user.id, [document_id])
        except ExportRefused as error:
            return _refused(error)
    return redirect(_back(url_for("basket.index")) + f"#b-{document_id}", code=303)


@bp.route("/add", methods=["POST"])
@role_required(BASKET_ROLE)
def add_many() -> ResponseReturnValue:
    try:
        added = add(get_db(), current_user.id, _ids(request.form.getlist("ids")))
    except ExportRefused as error:
        return _refused(error)
    flash(_("Đã thêm %(n)d bài vào giỏ điểm báo.", n=added), "success")
    return redirect(_back(url_for("basket.index")), code=303)


@bp.route("/remove", methods=["POST"])
@role_required(BASKET_ROLE)
def remove_items() -> ResponseReturnValue:
    every = request.form.get("all") == "1"
    remove(get_db(), current_user.id, None if every else _ids(request.form.getlist("ids")))
    flash(_("Đã xóa khỏi giỏ điểm báo."), "success")
    return redirect(url_for("basket.index"), code=303)


@bp.route("/export", methods=["POST"])
@date_params("date")  # from the form
@role_required(BASKET_ROLE)
def export() -> ResponseReturnValue:
    """The basket in the chosen format; the điểm báo's title names the articles' first and last day."""
    fmt = request.form.get("format", "")
    ids = item_ids(get_db(), current_user.id)
    try:
        if fmt not in FORMATS:
            raise ExportRefused(_("Định dạng không hợp lệ."))
        if not ids:
            raise ExportRefused(
                _("Giỏ điểm báo đang trống: đánh dấu bài ở trang tìm kiếm, tổng quan hoặc trang bài viết.")
            )
        if fmt in REVIEW_FORMATS and len(ids) > _max_clippings():
            raise ExportRefused(_("Một bản điểm báo có nhiều nhất %(n)d bài.", n=_max_clippings()), 413)
        backend = services.backend()
        documents = [d for d in (backend.get(i) for i in ids) if d is not None]
        if len(documents) < len(ids):
            raise ExportRefused(
                _(
                    "%(n)d bài trong giỏ không còn trong kho dữ liệu; hãy xóa chúng khỏi giỏ.",
                    n=len(ids) - len(documents),
                ),
                404,
            )
    except ExportRefused as error:
        return _refused(error)
    except BackendUnavailable as error:
        return _refused(ExportRefused(services.index_unavailable(error), 503))
    documents.sort(key=lambda d: d.published_at, reverse=True)
    if fmt in REVIEW_FORMATS:
        return review_response(fmt, documents, request.form, [])
    return tabular_response(fmt, iter(documents), "gio-diem-bao", len(documents))
