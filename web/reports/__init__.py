"""Reports: exports of a search or a selection (CSV, XLSX) and the điểm báo press review (DOCX, PDF).

``views.bp`` is the blueprint (``/reports``); the builders are plain modules any part of the app
can call: ``docx_report.build_docx(documents, title, date, organisation) -> bytes``,
``pdf_report.build_pdf(...)``, ``tabular.csv_chunks`` / ``tabular.write_xlsx``.
"""

from web.reports import briefing_views  # noqa: F401 - registers /reports/briefing on bp
from web.reports.docx_report import build_docx
from web.reports.pdf_report import build_pdf
from web.reports.views import bp

__all__ = ["bp", "build_docx", "build_pdf"]
