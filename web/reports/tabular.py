"""Article lists as CSV (streamed, UTF-8 with BOM for Excel) and XLSX (openpyxl write-only).

Both take any iterable of documents, typically ``backend.scan(request)``, and never hold more
than one chunk in memory, so a 100 000-row export costs the same memory as a 100-row one. The
body text is left out (a link to the original is there); cells that a spreadsheet would run as
a formula are neutralised, since headlines come from outside sites.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from search.document import UNCLASSIFIED_KIND, Document
from web.filters import KIND_LABELS, TONE_LABELS

BOM = "\ufeff"
COLUMNS = (
    "STT",
    "Tiêu đề",
    "Cơ quan báo chí",
    "Loại hình",
    "Ngày đăng",
    "Chủ đề",
    "Tỉnh, thành",
    "Sắc thái",
    "Tác giả",
    "Chuyên mục",
    "Sa pô",
    "Đường dẫn",
    "Mã bài",
)
WIDTHS = (7, 60, 28, 22, 17, 30, 22, 12, 20, 18, 80, 50, 22)
DATE_COLUMN = 4
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CHUNK_ROWS = 500


def row_values(number: int, document: Document, outlet_names: Mapping[str, str]) -> list[object]:
    """One article's cells; the publication time is a local, timezone-free datetime."""
    return [
        number,
        document.title,
        outlet_names.get(document.outlet_id) or document.outlet_name or document.outlet_id,
        KIND_LABELS.get(document.outlet_kind or UNCLASSIFIED_KIND, document.outlet_kind),
        # A day-only date is a date cell, not midnight.
        document.published_at.date()
        if document.published_day_only
        else document.published_at.replace(tzinfo=None, microsecond=0),
        "; ".join(document.topics),
        "; ".join(document.provinces),
        TONE_LABELS.get(document.tone, document.tone),
        document.author,
        document.section,
        document.sapo,
        document.url,
        document.id,
    ]


def _csv_text(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value  # Excel would otherwise evaluate "=HYPERLINK(...)" from a headline
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")  # a day-only publish date
    return value


def csv_chunks(documents: Iterable[Document], outlet_names: Mapping[str, str] | None = None) -> Iterator[str]:
    """The CSV text in chunks of ``CHUNK_ROWS`` rows: BOM and header first, CRLF line ends."""
    names = outlet_names or {}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(BOM)
    writer.writerow(COLUMNS)
    for number, document in enumerate(documents, 1):
        writer.writerow([_csv_text(v) for v in row_values(number, document, names)])
        if number % CHUNK_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _xlsx_cell(sheet: WriteOnlyWorksheet, value: object) -> object:
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith("="):
            cell = WriteOnlyCell(sheet, value)
            cell.data_type = "s"  # openpyxl stores "=..." as a formula unless told it is text
            return cell
    return value


def write_xlsx(
    documents: Iterable[Document],
    path: Path,
    outlet_names: Mapping[str, str] | None = None,
    sheet_title: str = "Bài viết",
) -> int:
    """Write the workbook to ``path`` (write-only mode: rows go to disk as they come); rows written."""
    names = outlet_names or {}
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    for index, width in enumerate(WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "C2"
    header = []
    for title in COLUMNS:
        cell = WriteOnlyCell(sheet, title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        header.append(cell)
    sheet.append(header)
    count = 0
    for count, document in enumerate(documents, 1):
        values = [_xlsx_cell(sheet, v) for v in row_values(count, document, names)]
        # A datetime, or a date for a day-only article (openpyxl writes both; its stubs say datetime).
        date_cell = WriteOnlyCell(sheet, values[DATE_COLUMN])  # type: ignore[arg-type]
        date_cell.number_format = "dd/mm/yyyy" if document.published_day_only else "dd/mm/yyyy hh:mm"
        values[DATE_COLUMN] = date_cell
        sheet.append(values)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{count + 1}"
    workbook.save(path)
    return count
