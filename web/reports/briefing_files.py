"""The periodic briefing as files: DOCX in the Party document form (header, numbered sections, the
tables, charts drawn with matplotlib's off-screen Agg backend, Nơi nhận and signature) and XLSX
(the same tables as data, one sheet each)."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import matplotlib
from openpyxl.worksheet.worksheet import Worksheet

matplotlib.use("Agg")  # no display: the charts are drawn into PNG bytes

import matplotlib.pyplot as plt  # noqa: E402
from docx import Document as new_document  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402
from docx.shared import Mm  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Font  # noqa: E402

from web.reports import docx_report  # noqa: E402
from web.reports.briefing import Briefing, Period, Table, change  # noqa: E402
from web.reports.review import Signature, build_review  # noqa: E402

CHART_TABLES = ("kinds", "topics", "tones", "reach")
SHEETS = {
    "kinds": "Loại hình",
    "topics": "Chủ đề",
    "tones": "Sắc thái",
    "reach": "Của tỉnh và khác",
    "stories": "Sự kiện nổi bật",
    "negative": "Tin bài tiêu cực",
    "handling": "Xử lý phản hồi",
    "versions": "Bài sửa, gỡ",
}
CHART_BARS = 10


def chart_png(table: Table, now_label: str, before_label: str) -> bytes:
    """Horizontal bars, this period against the previous one, for the table's first rows."""
    rows = table.rows[:CHART_BARS][::-1]
    names = [str(r[0])[:40] for r in rows]
    figure, axes = plt.subplots(figsize=(6.4, 0.42 * len(rows) + 1.2), dpi=120)
    try:
        positions = range(len(rows))
        axes.barh(
            [p + 0.2 for p in positions], [r[1] for r in rows], height=0.4, label=now_label, color="#0b5394"
        )
        axes.barh(
            [p - 0.2 for p in positions],
            [r[2] for r in rows],
            height=0.4,
            label=before_label,
            color="#a4c2f4",
        )
        axes.set_yticks(list(positions), names, fontsize=8)
        axes.set_title(table.title, fontsize=10)
        axes.legend(fontsize=8, loc="lower right")
        figure.tight_layout()
        out = BytesIO()
        figure.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(figure)


def _table(doc: Any, table: Table) -> None:
    grid = doc.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(grid.rows[0].cells, table.columns, strict=True):
        docx_report._cell_paragraph(cell, text, bold=True, size=12)
    for values in table.rows:
        for cell, value in zip(grid.add_row().cells, values, strict=True):
            docx_report._cell_paragraph(cell, str(value), size=12)


def _scope_words(period: Period) -> str:
    return f"về {', '.join(period.provinces)}" if period.provinces else "được theo dõi"


def render_docx(briefing: Briefing, *, day: date, place: str, signature: Signature) -> bytes:
    period = briefing.period
    review = build_review(
        [],
        title=f"BÁO CÁO TÌNH HÌNH THÔNG TIN BÁO CHÍ {period.label.upper()}",
        day=day,
        organisation=briefing.organisation,
        place=place,
        start=period.start,
        end=period.end,
        signature=signature,
    )
    doc = new_document()
    docx_report._page_setup(doc)
    docx_report._header_block(doc, review)
    docx_report._title(doc, review)
    intro = doc.add_paragraph(
        f"Từ ngày {period.start:%d/%m/%Y} đến ngày {period.end:%d/%m/%Y}, báo chí đăng {briefing.total} tin, "
        f"bài {_scope_words(period)}; {briefing.previous.label} có {briefing.previous_total} tin, bài "
        f"(thay đổi {change(briefing.total, briefing.previous_total)})."
    )
    intro.paragraph_format.first_line_indent = Mm(10)
    for number, table in enumerate(briefing.tables, 1):
        docx_report._heading(doc, f"{number}. {table.title}")
        if table.key == "handling" or table.rows:
            _table(doc, table)
        else:
            doc.add_paragraph("Không có tin, bài trong kỳ.")
        if table.key in CHART_TABLES and table.rows:
            doc.add_picture(BytesIO(chart_png(table, period.label, briefing.previous.label)), width=Mm(150))
    if briefing.handling is None:
        doc.add_paragraph("Số liệu xử lý, phản hồi: chưa có dữ liệu theo dõi xử lý.")
    docx_report._closing(doc, review)
    docx_report._page_numbers(doc)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def write_xlsx(briefing: Briefing, path: Path | BytesIO) -> None:
    workbook = Workbook()
    summary = workbook.active
    assert isinstance(summary, Worksheet)  # a new workbook starts with one worksheet
    summary.title = "Tổng quan"
    summary.append(["Kỳ", "Từ ngày", "Đến ngày", "Tổng số tin, bài", "Phạm vi"])
    summary.append(
        [
            briefing.period.key,
            briefing.period.start,
            briefing.period.end,
            briefing.total,
            _scope_words(briefing.period),
        ]
    )
    summary.append(
        [
            briefing.previous.key,
            briefing.previous.start,
            briefing.previous.end,
            briefing.previous_total,
            _scope_words(briefing.previous),
        ]
    )
    for table in briefing.tables:
        sheet = workbook.create_sheet(SHEETS.get(table.key, table.key))
        sheet.append([table.title])
        sheet["A1"].font = Font(bold=True)
        sheet.append(table.columns)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for values in table.rows:
            sheet.append([v if isinstance(v, int) else str(v) for v in values])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # a headline from outside is text, never a formula
    workbook.save(path)
