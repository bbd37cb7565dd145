"""Reports: exports of a search or a selection (CSV, XLSX) and the điểm báo press review (DOCX, PDF).

``views.bp`` is the blueprint (``/reports``); the builders are plain modules any part of the app
can call: ``docx_report.build_docx(documents, title, date, organisation) -> bytes``,
``pdf_report.build_pdf(...)``, ``tabular.csv_chunks`` / ``tabular.write_xlsx``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from web.reports import briefing_views  # noqa: F401 - registers /reports/briefing on bp
from web.reports.views import bp

if TYPE_CHECKING:
    from web.reports.docx_report import build_docx
    from web.reports.pdf_report import build_pdf

__all__ = ["bp", "build_docx", "build_pdf"]


def __getattr__(name: str) -> Any:
    """``build_docx`` and ``build_pdf`` on first use: python-docx and fpdf2 (with matplotlib, about two
    seconds) are not loaded with the app, which every `presswatch` command builds."""
    if name == "build_docx":
        from web.reports.docx_report import build_docx

        return build_docx
    if name == "build_pdf":
        from web.reports.pdf_report import build_pdf

        return build_pdf
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
