"""Editors correct an article's tone, topics and provinces on its page.

The correction goes to ``search.corrections`` (the store the ingester and both retags read, so it
sticks), and the indexed document is rewritten at once, so search facets and the dashboard agree
with the page. Viewers see who corrected what; only editors and admins may post.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from search.analysis import default_profiles
from search.analysis.gazetteer import default_gazetteer
from search.corrections import CorrectionStore, apply_correction
from search.document import Document
from web import services
from web.auth import role_required

bp = Blueprint("corrections", __name__, url_prefix="/articles")
TONES = ("negative", "neutral", "positive")


def store() -> CorrectionStore:
    """The app's correction store, opened on first use (its connection is shared under a lock)."""
    existing = current_app.extensions.get("presswatch.corrections")
    if existing is None:
        existing = CorrectionStore.open(current_app.config["PRESSWATCH_SEARCH"])
        current_app.extensions["presswatch.corrections"] = existing
    return existing


def province_choices() -> list[str]:
    """The provincial units an editor labels with: the 63 pre-2025 ones (the labelling rule of
    tests/data/analysis); the post-2025 unit each maps to is added on saving."""
    return sorted(default_gazetteer().units)


def topic_choices() -> list[str]:
    # Read once per version of the file (an editor opens many article pages; an admin's edit is
    # a new version, read at once).
    return [profile.name for profile in default_profiles()]


def split_names(raw: str) -> list[str]:
    return [name for name in (" ".join(part.split()) for part in raw.replace(";", ",").split(",")) if name]


def old_units_of(document: Document) -> list[str]:
    """The pre-2025 units the article is about, what the form shows to edit: the correction's,
    else the analyser's ``old`` list (``Document.provinces`` mixes old and new names)."""
    explanations = document.explanations or {}
    for source in (explanations.get("correction"), explanations.get("provinces")):
        if isinstance(source, dict):
            units = source.get("old_units", source.get("old"))
            if isinstance(units, list):
                return [str(name) for name in units]
    return []


def form_context(document: Document) -> dict[str, Any]:
    """What ``articles/_correction.html`` needs; the form only for editors and admins."""
    return {
        "can_correct": current_user.can("editor"),
        "tones": TONES,
        "topic_choices": topic_choices() if current_user.can("editor") else [],
        "province_choices": province_choices() if current_user.can("editor") else [],
        "old_units": ", ".join(old_units_of(document)),
        "correction": shown_correction(document),
    }


def shown_correction(document: Document) -> dict[str, Any] | None:
    """The article's correction as the page shows it ("sửa bởi … lúc …"), or None."""
    raw = (document.explanations or {}).get("correction")
    if not isinstance(raw, dict) or not raw.get("by"):
        return None
    try:
        at = datetime.fromisoformat(str(raw.get("at")))
    except ValueError:
        at = None
    return {"by": str(raw["by"]), "at": at}


@bp.route("/<document_id>/correction", methods=["POST"])
@role_required("editor")
def correct(document_id: str) -> ResponseReturnValue:
    if len(document_id) > 200:
        abort(404)
    document = services.backend().get(document_id)
    if document is None:
        abort(404)
    back = url_for("articles.show", document_id=document.id)
    tone = request.form.get("tone", "")
    topics = request.form.getlist("topics")
    provinces = split_names(request.form.get("provinces", ""))
    known_topics, known_units = set(topic_choices()), set(province_choices())
    unknown = [t for t in topics if t not in known_topics] + [p for p in provinces if p not in known_units]
    if tone not in TONES or unknown:
        message = (
            _("Không lưu được: sắc thái không hợp lệ.")
            if tone not in TONES
            else _(
                "Không lưu được: không có chủ đề hoặc tỉnh, thành (trước 1/7/2025) tên là %(names)s.",
                names=", ".join(unknown),
            )
        )
        flash(message, "error")
        return redirect(back, code=303)
    by = current_user.name or current_user.email
    correction = store().record(document, tone=tone, topics=topics, old_units=provinces, by=by)
    apply_correction(document, correction)
    index = services.backend()
    report = index.index([document])
    if report.errors:
        flash(_("Đã lưu sửa đổi nhưng chỉ mục chưa cập nhật; lần gắn nhãn lại sau sẽ áp dụng."), "error")
        return redirect(back, code=303)
    if hasattr(index, "refresh_now"):
        index.refresh_now()  # the search page right after must show the corrected facets
    flash(_("Đã lưu sửa đổi phân loại."), "success")
    return redirect(back, code=303)
