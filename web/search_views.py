"""The search page: query box, filters, facets, results."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, current_app, render_template, request, url_for
from flask_login import login_required

from search.backends import BackendUnavailable, SearchRequest
from search.query import QueryError
from web import services

bp = Blueprint("search", __name__)
FILTER_ARGS = {"outlet": "outlets", "kind": "kinds", "province": "provinces", "topic": "topics",
               "tone": "tones"}


def _date_arg(name: str) -> date | None:
    try:
        return date.fromisoformat(request.args.get(name, ""))
    except ValueError:
        return None


def search_request_from_args(page_size: int) -> SearchRequest:
    page = max(1, request.args.get("page", 1, type=int) or 1)
    sort = "date" if request.args.get("sort") == "date" else "relevance"
    search_request = SearchRequest(query=request.args.get("q", "").strip(), sort=sort,
                                   limit=page_size, offset=(page - 1) * page_size,
                                   date_from=_date_arg("from"), date_to=_date_arg("to"))
    for arg, attribute in FILTER_ARGS.items():
        setattr(search_request, attribute, [v for v in request.args.getlist(arg) if v])
    return search_request


def facet_url(name: str, value: str) -> str:
    """The current search with one facet value toggled, back on page 1."""
    args = request.args.to_dict(flat=False)
    values = args.get(name, [])
    args[name] = [v for v in values if v != value] if value in values else [*values, value]
    args.pop("page", None)
    return url_for("search.index", **args)


@bp.route("/")
@login_required
def index():
    page_size = current_app.config["PRESSWATCH_PAGE_SIZE"]
    search_request = search_request_from_args(page_size)
    result, error, status = None, None, 200
    try:
        result = services.backend().search(search_request)
    except QueryError as exc:
        error, status = exc, 400
    except BackendUnavailable as exc:
        error, status = exc, 503
    page = search_request.offset // page_size + 1
    return render_template("search/index.html", req=search_request, result=result, error=error,
                           page=page, page_size=page_size, outlet_names=services.outlet_names(),
                           facet_url=facet_url), status
