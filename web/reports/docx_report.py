"""The press review as a Word document, in the form a Vietnamese office files it.

A4, margins 20/20/30/15 mm (top/bottom/left/right), Times New Roman 14 pt (13 pt in the header
block and tables). As Hướng dẫn 36-HD/VPTW lays out a Party body's document: the superior committee,
the issuing body and the number line on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" with place and date on
the right; the title naming the period covered, the summary by topic and tone, the clippings
grouped by topic, then "Nơi nhận" and the signature block; page numbers in the footer.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from io import BytesIO
from typing import Any

from docx import Document as new_document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from search.document import Document
from web.reports.review import (
    COUNTED_TWICE,
    TONE_LABELS,
    TONES,
    PressReview,
    also_line,
    build_review,
    place_date,
)

FONT = "Times New Roman"


def build_docx(
    documents: Iterable[Document], title: str, date: date, organisation: str, **options: Any
) -> bytes:
    """The điểm báo as DOCX bytes. ``options`` go to ``review.build_review`` (outlet_names, counts,
    focus_topics, header, place, subtitle)."""
    review = build_review(documents, title=title, day=date, organisation=organisation, **options)
    return render_docx(review)


def render_docx(review: PressReview) -> bytes:
    doc = new_document()
    _page_setup(doc)
    _header_block(doc, review)
    _title(doc, review)
    _summary(doc, review)
    _clippings(doc, review)
    _closing(doc, review)
    _page_numbers(doc)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def _page_setup(doc: Any) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(key), FONT)
    style.paragraph_format.space_after = Pt(3)
    style.paragraph_format.line_spacing = 1.15
    doc.core_properties.language = "vi-VN"


def _run(
    paragraph: Any,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float | None = None,
) -> Any:
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    if size:
        run.font.size = Pt(size)
    return run


def _cell_paragraph(cell: Any, text: str, **style: Any) -> Any:
    paragraph = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    if text:
        _run(paragraph, text, **style)
    return paragraph


def _header_block(doc: Any, review: PressReview) -> None:
    """Unit name left, header right, place and date under it: a borderless two-column table."""
    motto, subtitle = review.header_lines()
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Mm(70), Mm(95)
    superior, body = review.issuer()
    if superior:
        _cell_paragraph(left, superior.upper(), size=13)
    _cell_paragraph(left, body.upper(), bold=True, size=13)
    _cell_paragraph(left, "*", size=13)
    if review.signature.number_line:
        _cell_paragraph(left, review.signature.number_line, size=13)
    if motto:
        _cell_paragraph(right, motto, bold=True, underline=not subtitle, size=13)
    if subtitle:
        _cell_paragraph(right, subtitle, bold=True, underline=True, size=14)
    _cell_paragraph(right, place_date(review.place, review.day), italic=True, size=14)


def _title(doc: Any, review: PressReview) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(18)
    _run(paragraph, review.title, bold=True, size=15)
    if review.subtitle:
        sub = doc.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(sub, review.subtitle, italic=True)


def _heading(doc: Any, text: str, *, size: float = 14) -> None:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(12)
    paragraph.paragraph_format.keep_with_next = True
    _run(paragraph, text, bold=True, size=size)


def _summary(doc: Any, review: PressReview) -> None:
    _heading(doc, "I. TỔNG HỢP CHUNG")
    totals = review.tone_totals()
    intro = doc.add_paragraph()
    intro.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    intro.paragraph_format.first_line_indent = Mm(10)
    intro.add_run(
        f"Tổng số {review.total} tin, bài; trong đó "
        + ", ".join(f"{TONE_LABELS[t].lower()} {totals.get(t, 0)}" for t in TONES)
        + "."
    )
    columns = ["TT", "Chủ đề", *(TONE_LABELS[t] for t in TONES), "Tổng"]
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, columns, strict=True):
        _cell_paragraph(cell, text, bold=True, size=13)
    topics = sorted(review.counts, key=lambda t: -sum(review.counts[t].values()))
    for number, topic in enumerate(topics, 1):
        tones = review.counts[topic]
        values = [str(number), topic, *(str(tones.get(t, 0)) for t in TONES), str(sum(tones.values()))]
        _table_row(table, values)
    _table_row(
        table, ["", "Tổng cộng", *(str(totals.get(t, 0)) for t in TONES), str(review.total)], bold=True
    )
    widths = [Mm(10), Mm(60), Mm(24), Mm(24), Mm(24), Mm(20)]
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    if review.counted_twice:
        note = doc.add_paragraph()
        _run(note, COUNTED_TWICE, italic=True, size=12)


def _table_row(table: Any, values: list[str], bold: bool = False) -> None:
    cells = table.add_row().cells
    for index, (cell, text) in enumerate(zip(cells, values, strict=True)):
        paragraph = _cell_paragraph(cell, text, bold=bold, size=13)
        if index == 1:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _clippings(doc: Any, review: PressReview) -> None:
    _heading(doc, "II. NỘI DUNG CỤ THỂ")
    for number, section in enumerate(review.sections, 1):
        _heading(doc, f"{number}. {section.topic} ({section.size} tin, bài)")
        if section.also:
            also = doc.add_paragraph()
            also.paragraph_format.keep_with_next = True
            _run(also, also_line(section), italic=True, size=13)
        for index, clip in enumerate(section.clippings, 1):
            headline = doc.add_paragraph()
            headline.paragraph_format.space_before = Pt(6)
            headline.paragraph_format.keep_with_next = True
            _run(headline, f"{number}.{index}. {clip.title}", bold=True)
            meta = doc.add_paragraph()
            meta.paragraph_format.keep_with_next = True
            _run(
                meta,
                f"{clip.outlet}, {clip.published} — {TONE_LABELS.get(clip.tone, clip.tone)}",
                italic=True,
                size=13,
            )
            if clip.sapo:
                sapo = doc.add_paragraph(clip.sapo)
                sapo.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                sapo.paragraph_format.first_line_indent = Mm(10)
            link = doc.add_paragraph()
            _run(link, "Nguồn: ", size=12)
            _hyperlink(link, clip.url, size=12)


def _hyperlink(paragraph: Any, url: str, *, size: float) -> None:
    """A clickable link (python-docx has no API for it: the relationship and runs by hand)."""
    rel_id = paragraph.part.relate_to(
        url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), str(RGBColor(0x0B, 0x53, 0x94)))
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    font_size = OxmlElement("w:sz")
    font_size.set(qn("w:val"), str(int(size * 2)))
    properties.extend([color, underline, font_size])
    text = OxmlElement("w:t")
    text.text = url
    run.extend([properties, text])
    link.append(run)
    paragraph._p.append(link)


def _closing(doc: Any, review: PressReview) -> None:
    """ "Nơi nhận" (left, 12 pt) and the signature block (right), side by side as the form has them."""
    signature = review.signature
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(80), Mm(85)
    if signature.recipients:
        heading = left.paragraphs[0]
        heading.paragraph_format.space_before = Pt(12)
        _run(heading, "Nơi nhận:", bold=True, italic=True, underline=True, size=12)
        for index, recipient in enumerate(signature.recipients):
            line = left.add_paragraph()
            line.paragraph_format.space_after = Pt(0)
            _run(line, f"- {recipient}{'.' if index == len(signature.recipients) - 1 else ','}", size=11)
    for line in signature.signer_title:
        paragraph = _cell_paragraph(right, line.upper(), bold=True, size=14)
        paragraph.paragraph_format.space_before = Pt(12) if line is signature.signer_title[0] else Pt(0)
    for _blank in range(3):  # room for the signature and seal
        right.add_paragraph()
    if signature.signer:
        _cell_paragraph(right, signature.signer, bold=True, size=14)


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES): begin, instruction, separate, a placeholder, end."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == instruction:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        else:
            run.text = text


def _page_numbers(doc: Any) -> None:
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Trang ")
    _field(paragraph, "PAGE")
    paragraph.add_run("/")
    _field(paragraph, "NUMPAGES")
