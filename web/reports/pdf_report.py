"""The press review as PDF (fpdf2), with an embedded Unicode serif font that has every Vietnamese glyph.

The font is IBM Plex Serif (every Vietnamese glyph in all four styles) from the
``fontpkg-ibm-plex-serif`` PyPI package, installed with the app, so no system package is needed.
``PRESSWATCH_PDF_FONT_DIR`` may name a folder with another family (``*-Regular.ttf``, ``-Bold``,
``-Italic``, ``-BoldItalic``); DejaVu Serif from Debian's ``fonts-dejavu-core`` is the last
resort. The layout follows ``docx_report``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from search.config import settings
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

FAMILY = "ReportSerif"
STYLES = ("", "B", "I", "BI")


class FontMissing(RuntimeError):
    """No serif font with Vietnamese glyphs was found."""


@lru_cache(maxsize=1)
def font_files() -> dict[str, str]:
    """Paths of the regular, bold, italic and bold-italic faces, by fpdf2 style letter."""
    suffixes = ("Regular", "Bold", "Italic", "BoldItalic")
    configured = settings().get("PRESSWATCH_PDF_FONT_DIR", "").strip()
    if configured:
        found = {
            style: sorted(Path(configured).glob(f"*-{suffix}.ttf"))
            for style, suffix in zip(STYLES, suffixes, strict=True)
        }
        if all(found.values()):
            return {style: str(paths[0]) for style, paths in found.items()}
        raise FontMissing(
            f"PRESSWATCH_PDF_FONT_DIR={configured} needs *-Regular.ttf, *-Bold.ttf, "
            "*-Italic.ttf and *-BoldItalic.ttf"
        )
    candidates = []
    try:
        import fontpkg_ibm_plex_serif

        files = Path(fontpkg_ibm_plex_serif.ROOT) / "files"
        candidates.append([files / f"IBMPlexSerif-{suffix}.ttf" for suffix in suffixes])
    except ImportError:
        pass
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    candidates.append(
        [dejavu / f"DejaVuSerif{suffix}.ttf" for suffix in ("", "-Bold", "-Italic", "-BoldItalic")]
    )
    for paths in candidates:
        if all(path.exists() for path in paths):
            return {style: str(path) for style, path in zip(STYLES, paths, strict=True)}
    raise FontMissing(
        "No Vietnamese serif font: install the 'fontpkg-ibm-plex-serif' package "
        "(a dependency of Presswatch) or Debian's fonts-dejavu-core."
    )


class _Pdf(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, "I", 10)
        self.cell(0, 6, f"Trang {self.page_no()}/{{nb}}", align="C")


def build_pdf(
    documents: Iterable[Document], title: str, date: date, organisation: str, **options: Any
) -> bytes:
    """The điểm báo as PDF bytes; ``options`` as in ``docx_report.build_docx``."""
    review = build_review(documents, title=title, day=date, organisation=organisation, **options)
    return render_pdf(review)


def render_pdf(review: PressReview) -> bytes:
    pdf = _Pdf(orientation="P", unit="mm", format="A4")
    for style, path in font_files().items():
        pdf.add_font(FAMILY, style, path)
    pdf.set_margins(left=30, top=20, right=15)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_title(review.title)
    pdf.set_author(review.organisation)
    pdf.set_lang("vi")
    pdf.set_creator("Presswatch")
    pdf.add_page()
    _header_block(pdf, review)
    _title(pdf, review)
    _summary(pdf, review)
    _clippings(pdf, review)
    _closing(pdf, review)
    return bytes(pdf.output())


def _header_block(pdf: FPDF, review: PressReview) -> None:
    motto, subtitle = review.header_lines()
    top, left_width = pdf.get_y(), 70.0
    right_x = pdf.l_margin + left_width
    right_width = pdf.w - pdf.r_margin - right_x
    superior, body = review.issuer()
    for text, style in (
        (superior.upper(), ""),
        (body.upper(), "B"),
        ("*", ""),
        (review.signature.number_line, ""),
    ):
        if text:
            pdf.set_font(FAMILY, style, 13)
            pdf.multi_cell(left_width, 6, text, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    left_bottom = pdf.get_y()
    pdf.set_xy(right_x, top)
    for text, size, underline in ((motto, 13, not subtitle), (subtitle, 14, True)):
        if text:
            pdf.set_font(FAMILY, "BU" if underline else "B", size)
            pdf.multi_cell(right_width, 6, text, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "I", 14)
    pdf.multi_cell(
        right_width, 7, place_date(review.place, review.day), align="C", new_x=XPos.LEFT, new_y=YPos.NEXT
    )
    pdf.set_xy(pdf.l_margin, max(left_bottom, pdf.get_y()) + 6)


def _title(pdf: FPDF, review: PressReview) -> None:
    pdf.set_font(FAMILY, "B", 15)
    pdf.multi_cell(0, 8, review.title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if review.subtitle:
        pdf.set_font(FAMILY, "I", 14)
        pdf.multi_cell(0, 7, review.subtitle, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)


def _heading(pdf: FPDF, text: str) -> None:
    if pdf.will_page_break(20):
        pdf.add_page()
    pdf.ln(2)
    pdf.set_font(FAMILY, "B", 14)
    pdf.multi_cell(0, 7, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _summary(pdf: FPDF, review: PressReview) -> None:
    _heading(pdf, "I. TỔNG HỢP CHUNG")
    totals = review.tone_totals()
    pdf.set_font(FAMILY, "", 14)
    pdf.multi_cell(
        0,
        7,
        f"Tổng số {review.total} tin, bài; trong đó "
        + ", ".join(f"{TONE_LABELS[t].lower()} {totals.get(t, 0)}" for t in TONES)
        + ".",
        align="J",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(2)
    pdf.set_font(FAMILY, "", 12)
    topics = sorted(review.counts, key=lambda t: -sum(review.counts[t].values()))
    with pdf.table(
        col_widths=(10, 61, 24, 24, 24, 22),
        text_align=("CENTER", "LEFT", *["CENTER"] * 4),
        line_height=6.5,
        padding=1,
    ) as table:
        for row in (
            ["TT", "Chủ đề", *(TONE_LABELS[t] for t in TONES), "Tổng"],
            *(
                [
                    str(n),
                    topic,
                    *(str(review.counts[topic].get(t, 0)) for t in TONES),
                    str(sum(review.counts[topic].values())),
                ]
                for n, topic in enumerate(topics, 1)
            ),
        ):
            cells = table.row()
            for value in row:
                cells.cell(value)
        pdf.set_font(FAMILY, "B", 12)
        cells = table.row()
        for value in ["", "Tổng cộng", *(str(totals.get(t, 0)) for t in TONES), str(review.total)]:
            cells.cell(value)
    pdf.ln(2)
    if review.counted_twice:
        pdf.set_font(FAMILY, "I", 12)
        pdf.multi_cell(0, 6, COUNTED_TWICE, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)


def _clippings(pdf: FPDF, review: PressReview) -> None:
    _heading(pdf, "II. NỘI DUNG CỤ THỂ")
    for number, section in enumerate(review.sections, 1):
        _heading(pdf, f"{number}. {section.topic} ({section.size} tin, bài)")
        if section.also:
            pdf.set_font(FAMILY, "I", 13)
            pdf.multi_cell(0, 6.5, also_line(section), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        for index, clip in enumerate(section.clippings, 1):
            if pdf.will_page_break(25):
                pdf.add_page()
            pdf.ln(1.5)
            pdf.set_font(FAMILY, "B", 14)
            pdf.multi_cell(
                0, 7, f"{number}.{index}. {clip.title}", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
            pdf.set_font(FAMILY, "I", 13)
            tone = TONE_LABELS.get(clip.tone, clip.tone)
            pdf.multi_cell(
                0,
                6.5,
                f"{clip.outlet}, {clip.published} — {tone}",
                align="L",
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
            if clip.sapo:
                pdf.set_font(FAMILY, "", 14)
                pdf.multi_cell(0, 7, clip.sapo, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_font(FAMILY, "", 12)
            pdf.write(6, "Nguồn: ")
            pdf.set_text_color(11, 83, 148)
            pdf.write(6, clip.url, link=clip.url)
            pdf.set_text_color(0, 0, 0)
            pdf.ln(7)


def _closing(pdf: FPDF, review: PressReview) -> None:
    """ "Nơi nhận" on the left, the signature block on the right, as in ``docx_report``."""
    signature = review.signature
    if pdf.will_page_break(50):
        pdf.add_page()
    pdf.ln(6)
    top, left_width = pdf.get_y(), 80.0
    right_x = pdf.l_margin + left_width
    right_width = pdf.w - pdf.r_margin - right_x
    if signature.recipients:
        pdf.set_font(FAMILY, "BIU", 12)
        pdf.multi_cell(left_width, 6, "Nơi nhận:", new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_font(FAMILY, "", 11)
        last = len(signature.recipients) - 1
        for index, recipient in enumerate(signature.recipients):
            pdf.multi_cell(
                left_width,
                5.5,
                f"- {recipient}{'.' if index == last else ','}",
                new_x=XPos.LEFT,
                new_y=YPos.NEXT,
            )
    pdf.set_xy(right_x, top)
    pdf.set_font(FAMILY, "B", 14)
    for line in signature.signer_title:
        pdf.multi_cell(right_width, 7, line.upper(), align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    if signature.signer:
        pdf.set_xy(right_x, pdf.get_y() + 22)  # room for the signature and seal
        pdf.multi_cell(right_width, 7, signature.signer, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
