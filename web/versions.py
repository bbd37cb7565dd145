"""Versions and takedowns on the article page: the first-seen copy, each edit as a word diff, the
takedown with how and when it was seen (``search.versions`` holds them; the crawler writes them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from html import escape

from flask import Blueprint, Response, abort, current_app
from markupsafe import Markup

from search.versions import Event, History, VersionStore
from web.auth import role_required
from web.i18n import N_

bp = Blueprint("versions", __name__, url_prefix="/articles")

REASON_LABELS = {
    "http_404": N_("trang trả về 404 (không tìm thấy)"),
    "http_410": N_("trang trả về 410 (đã xóa hẳn)"),
    "redirect_home": N_("địa chỉ bài chuyển hướng về trang chủ"),
    "body_replaced": N_("nội dung bị thay bằng một thông báo khác"),
}
FIELD_LABELS = {"title": N_("Tiêu đề"), "sapo": N_("Sapo"), "body": N_("Nội dung")}

CONTEXT_WORDS = 12  # unchanged words shown around each change
# SequenceMatcher is quadratic at worst: beyond this many words a side, the diff is per paragraph.
WORD_DIFF_LIMIT = 6000


def store() -> VersionStore:
    """The app's versions store, opened on first use (one connection shared under a lock)."""
    existing = current_app.extensions.get("presswatch.versions")
    if existing is None:
        existing = VersionStore.open(current_app.config["PRESSWATCH_SEARCH"])
        current_app.extensions["presswatch.versions"] = existing
    return existing


def _run(words: list[str], tag: str = "") -> str:
    text = escape(" ".join(words))
    return f"<{tag}>{text}</{tag}>" if tag and text else text


def _elide(words: list[str], first: bool, last: bool) -> str:
    """An unchanged run: whole when short, else its ends around an ellipsis."""
    if len(words) <= 2 * CONTEXT_WORDS:
        return _run(words)
    head = [] if first else words[:CONTEXT_WORDS]
    tail = [] if last else words[-CONTEXT_WORDS:]
    return " ".join(part for part in (_run(head), "…", _run(tail)) if part)


def word_diff(old: str, new: str) -> Markup:
    """``old`` → ``new`` as escaped text with <del> and <ins>, unchanged stretches shortened."""
    a, b = old.split(), new.split()
    if len(a) > WORD_DIFF_LIMIT or len(b) > WORD_DIFF_LIMIT:
        a, b = old.splitlines(), new.splitlines()  # paragraphs as the units: linear enough
    codes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    parts: list[str] = []
    for index, (op, i1, i2, j1, j2) in enumerate(codes):
        if op == "equal":
            parts.append(_elide(a[i1:i2], index == 0, index == len(codes) - 1))
            continue
        if i2 > i1:
            parts.append(_run(a[i1:i2], "del"))
        if j2 > j1:
            parts.append(_run(b[j1:j2], "ins"))
    return Markup(" ".join(p for p in parts if p))  # noqa: S704 - every piece escaped above


@dataclass
class EditView:
    event: Event
    diffs: list[tuple[str, Markup]] = field(default_factory=list)  # (field, diff)


@dataclass
class VersionsView:
    history: History
    edits: list[EditView]
    takedown: Event | None


def versions_view(document_id: str) -> VersionsView | None:
    """What the article page shows; None when the article predates version keeping."""
    history = store().history(document_id)
    if history.first_seen is None and not history.events:
        return None
    edits = [
        EditView(
            event,
            [
                (name, word_diff(event.detail["old"].get(name, ""), event.detail["new"].get(name, "")))
                for name in event.fields
            ],
        )
        for event in history.edits
    ]
    return VersionsView(history, edits, history.takedown if history.gone_at else None)


@bp.route("/<document_id>/first-seen.html")
@role_required("viewer")
def first_seen(document_id: str) -> Response:
    """The page as first crawled, as a download: never rendered as this site's page (its scripts
    would run as ours), hence the attachment and a sandboxing CSP."""
    if len(document_id) > 200:
        abort(404)
    html = store().snapshot(document_id)
    if html is None:
        abort(404)
    response = Response(html, mimetype="text/html")
    response.headers["Content-Disposition"] = f'attachment; filename="{document_id}-first-seen.html"'
    response.headers["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
