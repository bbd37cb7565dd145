"""The search page (query language, filters, facets, results) and saved searches.

Every piece of state is in the URL (``q``, ``from``, ``to``, the filters, ``sort``, ``collapse``,
``page``), so a search is shared by copying the address. The URL is read into ``SearchCriteria``
and run through ``web.searches.search_request``, as digests and alerts run a saved search; a
saved search stores the criteria themselves.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from search.backends import BackendUnavailable, SearchRequest, SearchResult
from search.document import fold_keyword
from search.query import QueryError, operator_hint
from web import searches, services
from web.auth import role_required
from web.dates import DateParamError, date_params
from web.db import get_db
from web.filters import facet_label, kind_label, local_datetime, local_today, tone_label
from web.searches import FILTER_ARGS, SearchCriteria

bp = Blueprint("search", __name__)
STATE_ARGS = ("q", "from", "to", *FILTER_ARGS, "sort", "collapse", "apart")
# Elasticsearch refuses from + size beyond its max_result_window (10 000 by default).
MAX_RESULTS = 10_000
FACETS_SHOWN = 8  # the rest of a facet's values are behind "more"
SAVED_LIMIT = 100  # per user: a list, not an archive


def search_request_from_args(args: MultiDict[str, str], page_size: int, strict: bool = True) -> SearchRequest:
    """The search in ``args``; a malformed date raises ``DateParamError`` (``strict``) or is left out."""
    page = max(1, args.get("page", 1, type=int) or 1)
    page = min(page, max(1, MAX_RESULTS // page_size))
    return searches.search_request(
        SearchCriteria.from_args(args, strict=strict), limit=page_size, offset=(page - 1) * page_size
    )


def state_pairs(args: MultiDict[str, str]) -> list[tuple[str, str]]:
    """The search's state as ordered (name, value) pairs: what a link or a saved search keeps."""
    return [(name, value) for name in STATE_ARGS for value in args.getlist(name) if value]


def search_url(args: MultiDict[str, str] | None = None, /, **changes: str | list[str] | None) -> str:
    """The current search with some arguments replaced (``None`` removes one); page 1 unless given."""
    state: dict[str, Any] = {}  # url_for's values: name -> list of values
    for name, value in state_pairs(args if args is not None else request.args):
        state.setdefault(name, []).append(value)
    for name, change in changes.items():
        state.pop(name, None)
        if change:
            state[name] = change if isinstance(change, list) else [change]
    return url_for("search.index", **state)


def is_selected(name: str, value: str) -> bool:
    """Whether a filter value is set, compared as the backend compares it (accents, case, spaces)."""
    return fold_keyword(value) in {fold_keyword(v) for v in request.args.getlist(name)}


def facet_url(name: str, value: str) -> str:
    """The current search with one filter value toggled, back on page 1."""
    values = request.args.getlist(name)
    if is_selected(name, value):
        return search_url(**{name: [v for v in values if fold_keyword(v) != fold_keyword(value)]})
    return search_url(**{name: [*values, value]})


def pages_around(page: int, pages: int) -> list[int | None]:
    """1 … 4 5 [6] 7 8 … 20: first, last and two either side; None marks a gap."""
    shown = sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)})
    out: list[int | None] = []
    for number in shown:
        if out and number - (out[-1] or 0) > 1:
            out.append(None)
        out.append(number)
    return out


def display_facets(search_request: SearchRequest, result: SearchResult) -> dict[str, list[tuple[str, int]]]:
    """Facet counts; a field with a filter set is counted without its own filter.

    Otherwise choosing one outlet would leave only that outlet in the list, and staff could not
    add a second one (values within a field are OR-ed).
    """
    facets = dict(result.facets)
    for name, attribute in FILTER_ARGS.items():
        selected = getattr(search_request, attribute)
        if not selected:
            continue
        # Counts only: no page of hits, so no relevance ranking to compute either.
        cleared: dict[str, Any] = {attribute: []}  # this facet's filter left out
        others = replace(search_request, **cleared, limit=0, offset=0, collapse=False, sort="date")
        buckets = list(services.backend().search(others).facets.get(name, []))
        counted = {fold_keyword(value) for value, _count in buckets}
        # A chosen value outside the top buckets still shows, so it can be unticked.
        buckets += [(value, 0) for value in selected if fold_keyword(value) not in counted]
        facets[name] = buckets
    return facets


def facet_names(args: MultiDict[str, str]) -> list[str]:
    """The facets shown: outlets grouped with the outlets merged into them (the "group" facet), or
    with ``apart=1`` each outlet on its own; a facet with a value chosen always shows."""
    hidden = "group" if args.get("apart") == "1" else "outlet"
    return [name for name in FILTER_ARGS if name != hidden or args.getlist(name)]


def saved_searches(limit: int = SAVED_LIMIT) -> list[dict[str, Any]]:
    """The user's saved searches, newest first, each with the query string that opens it."""
    return [
        {
            "id": saved.id,
            "name": saved.name,
            "criteria": saved.criteria,
            "query_string": urlencode(saved.criteria.args()),
            # SQLite's datetime('now') is UTC without a zone.
            "created": datetime.fromisoformat(saved.created_at).replace(tzinfo=UTC),
        }
        for saved in searches.list_saved(get_db(), current_user.id, limit)
    ]


@bp.route("/search")
@date_params("from", "to", checked=False)
@role_required("viewer")
def index() -> ResponseReturnValue:
    page_size = current_app.config["PRESSWATCH_PAGE_SIZE"]
    result, facets, error, unavailable, date_error, status = None, {}, None, None, None, 200
    try:
        search_request = search_request_from_args(request.args, page_size)
        result = services.backend().search(search_request)
        facets = display_facets(search_request, result)
    except DateParamError as exc:  # the form shows which date, with the rest of the search kept
        search_request = search_request_from_args(request.args, page_size, strict=False)
        date_error, status = exc, 400
    except QueryError as exc:
        error, status = exc, 400
    except BackendUnavailable as exc:
        unavailable, status = services.index_unavailable(exc), 503
    page = search_request.offset // page_size + 1
    pages = min((result.total - 1) // page_size + 1, MAX_RESULTS // page_size) if result else 0
    return render_template(
        "search/index.html",
        req=search_request,
        result=result,
        facets=facets,
        error=error,
        hint=None if error else operator_hint(search_request.query),
        unavailable=unavailable,
        date_error=date_error,
        page=page,
        pages=pages,
        page_links=pages_around(page, pages),
        outlet_names=services.outlet_names(),
        facet_url=facet_url,
        search_url=search_url,
        state=urlencode(state_pairs(request.args)),
        facets_shown=FACETS_SHOWN,
        facet_names=facet_names(request.args),
        apart_url=search_url(apart=None if request.args.get("apart") == "1" else "1"),
        saved=saved_searches(12),
        today=local_today(),
        filter_args=FILTER_ARGS,
        is_selected=is_selected,
        timedelta=timedelta,
    ), status


def describe_criteria(criteria: SearchCriteria) -> list[tuple[str, str]]:
    """A saved search as (label, value) pairs the list page can show."""
    labels = {
        "q": _("Truy vấn"),
        "from": _("Từ ngày"),
        "to": _("Đến ngày"),
        "sort": _("Sắp xếp"),
        "collapse": _("Gộp theo sự kiện"),
    }
    names = services.outlet_names()
    parts = []
    for name, value in criteria.args():
        if name in FILTER_ARGS:
            shown = {
                "outlet": names.get(value, value),
                "group": names.get(value, value),
                "kind": kind_label(value),
                "tone": tone_label(value),
            }.get(name, value)
            parts.append((facet_label(name), shown))
        elif name == "sort":
            parts.append((labels[name], _("Mới nhất") if value == "date" else _("Liên quan nhất")))
        elif name == "collapse":
            parts.append((labels[name], _("Có")))
        elif name in labels:
            shown = local_datetime(date.fromisoformat(value)) if name in ("from", "to") else value
            parts.append((labels[name], shown))
    return parts


@bp.route("/search/saved")
@role_required("viewer")
def saved() -> ResponseReturnValue:
    rows = [{**row, "parts": describe_criteria(row["criteria"])} for row in saved_searches()]
    return render_template("search/saved.html", saved=rows)


@bp.route("/search/saved", methods=["POST"])
@role_required("viewer")
def save() -> ResponseReturnValue:
    state = request.form.get("query_string", "").lstrip("?")
    if len(state) > 4000:
        flash(_("Tìm kiếm quá dài để lưu."), "error")
        return redirect(url_for("search.index"))
    try:
        # Only search arguments are kept: a saved search is a search, nothing else.
        criteria = SearchCriteria.from_args(MultiDict(parse_qsl(state)))
    except DateParamError as error:
        flash(error.message, "error")
        return redirect(url_for("search.index") + f"?{state}")
    back = url_for("search.index") + (f"?{urlencode(criteria.args())}" if criteria.args() else "")
    name = " ".join(request.form.get("name", "").split())[:120]
    if not name:
        name = criteria.query[:120] or _("Tìm kiếm không tên")
    db = get_db()
    count = db.execute(
        "SELECT count(*) FROM saved_searches WHERE user_id = ?", (current_user.id,)
    ).fetchone()[0]
    if (same_name := searches.named(db, current_user.id, name)) is not None:
        searches.update(db, same_name, current_user.id, name, criteria)
        db.commit()
        flash(_("Đã cập nhật tìm kiếm “%(name)s” với điều kiện mới.", name=name), "success")
    elif count >= SAVED_LIMIT:
        flash(_("Bạn đã lưu %(n)d tìm kiếm; hãy xoá bớt trước khi lưu thêm.", n=SAVED_LIMIT), "error")
    else:
        searches.save(db, current_user.id, name, criteria)
        db.commit()
        flash(_("Đã lưu tìm kiếm “%(name)s”.", name=name), "success")
    return redirect(back)


@bp.route("/search/saved/<int:saved_id>/delete", methods=["POST"])
@role_required("viewer")
def delete_saved(saved_id: int) -> ResponseReturnValue:
    db = get_db()
    row = db.execute(
        "SELECT name FROM saved_searches WHERE id = ? AND user_id = ?", (saved_id, current_user.id)
    ).fetchone()
    if row is None:  # someone else's, or gone: never say which
        abort(404)
    db.execute("DELETE FROM saved_searches WHERE id = ? AND user_id = ?", (saved_id, current_user.id))
    db.commit()
    flash(_("Đã xoá tìm kiếm “%(name)s”.", name=row["name"]), "success")
    back = request.form.get("next", "")
    return redirect(
        back if back.startswith("/search") and not back.startswith("//") else url_for("search.saved")
    )
