"""The periodic briefing in the web app (``/reports/briefing``) and the glue the CLI shares:
settings from the app config, the app database for the handling figures."""

from __future__ import annotations

from datetime import datetime
from io import BytesIO

from flask import Response, current_app, render_template, request
from flask.typing import ResponseReturnValue

from search.backends import BackendUnavailable
from search.document import LOCAL_TZ
from web import services
from web.auth import role_required
from web.db import get_db
from web.reports.briefing import Briefing, Period, PeriodError, build_briefing
from web.reports.views import EXPORT_ROLE, FORMATS, _attachment, _organisation, _signature, bp
from web.versions import store as versions_store


def _focus() -> str:
    return str(current_app.config.get("PRESSWATCH_FOCUS_PROVINCE") or "")


def briefing_for(period_text: str, scope: str = "province") -> Briefing:
    """The briefing for a period: about the focus province (the board's own remit, as the dashboard
    counts it) unless ``scope`` is ``all`` (every article followed)."""
    focus = _focus()
    period = Period.parse(period_text).so_far(datetime.now(LOCAL_TZ).date())
    if scope != "all":
        period = period.about(focus)
    return build_briefing(
        services.backend(),
        period,
        organisation=_organisation(),
        focus=focus,
        outlet_names=services.outlet_names(),
        provinces=services.outlet_provinces(),
        db=get_db(),
        versions=versions_store(),
    )


def docx_bytes(briefing: Briefing) -> bytes:
    # matplotlib and python-docx load when a file is made, not with the app (views.tabular_response).
    from web.reports.briefing_files import render_docx

    return render_docx(
        briefing,
        day=datetime.now(LOCAL_TZ).date(),
        signature=_signature(),
        place=_focus(),
    )


def xlsx_bytes(briefing: Briefing) -> bytes:
    from web.reports.briefing_files import write_xlsx

    out = BytesIO()
    write_xlsx(briefing, out)
    return out.getvalue()


def _current_quarter() -> str:
    today = datetime.now(LOCAL_TZ).date()
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"


@bp.route("/briefing")
@role_required(EXPORT_ROLE)
def briefing() -> ResponseReturnValue:
    """The form, or with ``period`` and ``fmt`` (docx, xlsx) the file."""
    period, fmt = request.args.get("period", "").strip(), request.args.get("fmt", "")
    scope = "all" if request.args.get("scope") == "all" else "province"
    error = None
    if period and fmt in ("docx", "xlsx"):
        try:
            data = briefing_for(period, scope)
            body = docx_bytes(data) if fmt == "docx" else xlsx_bytes(data)
            return _attachment(Response(body, content_type=FORMATS[fmt]), f"bao-cao-{data.period.key}.{fmt}")
        except PeriodError:
            error = "period"
        except BackendUnavailable as exc:
            return render_template(
                "reports/briefing.html",
                period=period,
                error=services.index_unavailable(exc),
                scope=scope,
                focus=_focus(),
            ), 503
    return render_template(
        "reports/briefing.html",
        period=period or _current_quarter(),
        scope=scope,
        focus=_focus(),
        error=error,
    ), 400 if error else 200
