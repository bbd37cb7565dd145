"""Exports and the điểm báo: a whole search or a hand-picked selection, as CSV, XLSX, DOCX or PDF.

Editors and admins only (``EXPORT_ROLE``). CSV and XLSX carry every match, streamed from
``backend.scan``; the DOCX/PDF press review refuses, with a message, a search larger than
``PRESSWATCH_REPORT_MAX_CLIPPINGS`` instead of cutting it. File names are made here.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    render_template,
    request,
    send_file,
    stream_with_context,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from search.backends import BackendUnavailable, SearchRequest
from search.config import settings
from search.document import LOCAL_TZ, Document
from search.query import QueryError, parse
from web import services
from web.auth import role_required
from web.dates import date_arg, date_params
from web.organisation import organisation_name
from web.reports.review import HEADERS, Signature, build_review
from web.search_views import search_request_from_args, state_pairs

bp = Blueprint("reports", __name__, url_prefix="/reports")
EXPORT_ROLE = "editor"
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
REVIEW_FORMATS = ("docx", "pdf")
PICK_PAGE_SIZE = 50
MAX_SELECTION = 2000


class ExportRefused(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _max_clippings() -> int:
    return int(
        current_app.config.get("PRESSWATCH_REPORT_MAX_CLIPPINGS")
        or settings().get("PRESSWATCH_REPORT_MAX_CLIPPINGS")
        or 300
    )


def _organisation() -> str:
    return str(
        current_app.config.get("PRESSWATCH_ORGANISATION")
        or organisation_name(focus=current_app.config.get("PRESSWATCH_FOCUS_PROVINCE"))
    )


def _report_header(value: str | None) -> str:
    configured = current_app.config.get("PRESSWATCH_REPORT_HEADER") or settings().get(
        "PRESSWATCH_REPORT_HEADER", "party"
    )
    return value if value in HEADERS else configured if configured in HEADERS else "party"


def _signature() -> Signature:
    """The number line, signer and recipients from the settings (``web.config``)."""
    config = current_app.config

    def lines(name: str) -> list[str]:
        value = config.get(name) or []
        return [v for v in (value.split(";") if isinstance(value, str) else value) if v.strip()]

    return Signature(
        number_suffix=str(config.get("PRESSWATCH_REPORT_NUMBER_SUFFIX") or ""),
        signer=str(config.get("PRESSWATCH_REPORT_SIGNER") or ""),
        signer_title=lines("PRESSWATCH_REPORT_SIGNER_TITLE"),
        recipients=lines("PRESSWATCH_REPORT_RECIPIENTS"),
    )


def _report_day(args: MultiDict[str, str]) -> date:
    return date_arg("date", args) or datetime.now(LOCAL_TZ).date()


def _filename(kind: str, extension: str) -> str:
    """ASCII, server-made: never a path or name from the request."""
    stamp = datetime.now(LOCAL_TZ).strftime("%Y%m%d-%H%M")
    return f"{kind}-{stamp}.{extension}"


def _attachment(response: Response, name: str) -> Response:
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _describe(req: SearchRequest) -> str:
    """The search in words, for the report's subtitle."""
    parts = []
    if req.query:
        parts.append(_("Truy vấn: %(q)s", q=req.query))
    for label, values in (
        (_("Chủ đề"), req.topics),
        (_("Tỉnh, thành"), req.provinces),
        (_("Cơ quan báo chí"), [services.outlet_names().get(v, v) for v in req.outlets]),
    ):
        if values:
            parts.append(f"{label}: {', '.join(values)}")
    if req.date_from or req.date_to:
        start = req.date_from.strftime("%d/%m/%Y") if req.date_from else "…"
        end = req.date_to.strftime("%d/%m/%Y") if req.date_to else "…"
        parts.append(_("Thời gian: %(start)s – %(end)s", start=start, end=end))
    return "; ".join(parts)


def tabular_response(fmt: str, documents: Any, kind: str, rows: int | None) -> Response:
    # The file writers load openpyxl, python-docx, fpdf2 and matplotlib (about two seconds): imported
    # when a file is made, so every `presswatch` command (each builds this app) does not pay for them.
    from web.reports.tabular import csv_chunks, write_xlsx

    names = services.outlet_names()
    if fmt == "csv":
        response = Response(stream_with_context(csv_chunks(documents, names)), content_type=FORMATS["csv"])
    else:
        handle, raw_path = tempfile.mkstemp(prefix="presswatch-export-", suffix=".xlsx")
        os.close(handle)
        try:
            written = write_xlsx(documents, Path(raw_path), names)
        except BaseException:
            os.unlink(raw_path)
            raise
        response = send_file(raw_path, mimetype=FORMATS["xlsx"], max_age=0)
        response.call_on_close(lambda: _remove(raw_path))
        rows = written
    if rows is not None:
        response.headers["X-Presswatch-Rows"] = str(rows)
    return _attachment(response, _filename(kind, fmt))


def review_response(
    fmt: str,
    documents: list[Document],
    args: MultiDict[str, str],
    focus_topics: list[str],
    start: date | None = None,
    end: date | None = None,
) -> Response:
    """The điểm báo file. No query text in it: the title names the period (the search's dates, else
    the articles' first and last day)."""
    review = build_review(
        documents,
        title=args.get("title", "").strip()[:200],
        day=_report_day(args),
        organisation=_organisation(),
        outlet_names=services.outlet_names(),
        focus_topics=focus_topics,
        header=_report_header(args.get("header")),
        place=str(current_app.config.get("PRESSWATCH_FOCUS_PROVINCE") or ""),
        start=start,
        end=end,
        signature=_signature(),
    )
    from web.reports.docx_report import render_docx  # loaded when a file is made (tabular_response)
    from web.reports.pdf_report import render_pdf

    data = render_docx(review) if fmt == "docx" else render_pdf(review)
    response = Response(data, content_type=FORMATS[fmt])
    response.headers["X-Presswatch-Rows"] = str(len(documents))
    return _attachment(response, _filename("diem-bao", fmt))


def _refused(error: ExportRefused) -> ResponseReturnValue:
    state: dict[str, Any] = _state_dict(request.args)  # url_for's values
    back = url_for("reports.index", **state) if request.method == "GET" else None
    return render_template("reports/refused.html", message=str(error), back=back), error.status


def _remove(path: str) -> None:
    if os.path.exists(path):
        os.unlink(path)


def _state_dict(args: MultiDict[str, str]) -> dict[str, list[str]]:
    state: dict[str, list[str]] = {}
    for name, value in state_pairs(args):
        state.setdefault(name, []).append(value)
    return state


@bp.route("/")
@date_params("from", "to")
@role_required(EXPORT_ROLE)
def index() -> ResponseReturnValue:
    """The current search (same arguments as the search page): export it whole, or pick articles."""
    req = search_request_from_args(request.args, PICK_PAGE_SIZE)
    req.facets = False
    result, error, status = None, None, 200
    try:
        result = services.backend().search(req)
    except QueryError as exc:
        error, status = str(exc), 400
    except BackendUnavailable as exc:
        error, status = services.index_unavailable(exc), 503
    page = req.offset // PICK_PAGE_SIZE + 1
    return render_template(
        "reports/index.html",
        req=req,
        result=result,
        error=error,
        page=page,
        page_size=PICK_PAGE_SIZE,
        state=state_pairs(request.args),
        search_args=_state_dict(request.args),
        today=datetime.now(LOCAL_TZ).date(),
        headers=HEADERS,
        default_header=_report_header(None),
        max_clippings=_max_clippings(),
        outlet_names=services.outlet_names(),
        describe=_describe(req),
    ), status


@bp.route("/export/<fmt>")
@date_params("from", "to", "date")
@role_required(EXPORT_ROLE)
def export(fmt: str) -> ResponseReturnValue:
    """Every match of the search in the query string (``collapse`` and paging are ignored)."""
    if fmt not in FORMATS:
        abort(404)
    req = replace(search_request_from_args(request.args, 1), limit=0, offset=0, facets=False, collapse=False)
    backend = services.backend()
    try:
        parse(req.query)  # a bad query is refused before any byte of the file is sent
        total = backend.search(req).total
        if fmt in REVIEW_FORMATS:
            if total > _max_clippings():
                raise ExportRefused(
                    _(
                        "Tìm kiếm có %(total)d bài, nhiều hơn %(limit)d bài của một bản "
                        "điểm báo. Hãy thu hẹp tìm kiếm (thời gian, chủ đề, tỉnh) hoặc "
                        "chọn bài; toàn bộ kết quả xuất được ra CSV/XLSX.",
                        total=total,
                        limit=_max_clippings(),
                    ),
                    413,
                )
            documents = list(backend.scan(req))
            return review_response(fmt, documents, request.args, req.topics, req.date_from, req.date_to)
        return tabular_response(fmt, backend.scan(req), "bai-viet", total if fmt == "csv" else None)
    except QueryError as error:
        return _refused(ExportRefused(str(error)))
    except BackendUnavailable as error:
        return _refused(ExportRefused(services.index_unavailable(error), 503))
    except ExportRefused as error:
        return _refused(error)


@bp.route("/selection", methods=["POST"])
@date_params("date")  # from the form
@role_required(EXPORT_ROLE)
def selection() -> ResponseReturnValue:
    """Hand-picked articles (``ids``) in the chosen ``format``."""
    fmt = request.form.get("format", "")
    ids = list(dict.fromkeys(i.strip() for i in request.form.getlist("ids") if i.strip()))
    try:
        if fmt not in FORMATS:
            raise ExportRefused(_("Định dạng không hợp lệ."))
        if not ids:
            raise ExportRefused(_("Chưa chọn bài nào. Đánh dấu các bài cần đưa vào rồi bấm lại."))
        if len(ids) > MAX_SELECTION:
            raise ExportRefused(
                _("Chọn nhiều nhất %(n)d bài; để xuất nhiều hơn, hãy xuất cả tìm kiếm.", n=MAX_SELECTION)
            )
        if fmt in REVIEW_FORMATS and len(ids) > _max_clippings():
            raise ExportRefused(_("Một bản điểm báo có nhiều nhất %(n)d bài.", n=_max_clippings()), 413)
        backend = services.backend()
        documents = [d for d in (backend.get(i) for i in ids) if d is not None]
        if len(documents) < len(ids):
            raise ExportRefused(
                _(
                    "%(n)d bài đã chọn không còn trong kho dữ liệu; hãy chọn lại.",
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
    return tabular_response(fmt, iter(documents), "bai-chon", len(documents))
