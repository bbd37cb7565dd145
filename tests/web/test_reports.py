"""Exports and the điểm báo through the test client (CSRF on): roles, contents, refusals."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, timedelta

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook
from pypdf import PdfReader

from search.document import LOCAL_TZ, Document
from tests.browser.corpus import SEED_TITLE, TRAFFIC_TITLE, XSS_TITLE, corpus_app
from tests.helpers import logged_in_client
from web.reports import build_docx, build_pdf
from web.reports.tabular import COLUMNS

FORMULA_TITLE = '=HYPERLINK("http://ke-xau.example/","Bấm vào đây")'
SAPO = "Sáng 20/11, UBND tỉnh Bắc Ninh tổ chức hội nghị tổng kết công tác chuyển đổi số năm 2026."


@pytest.fixture
def app(tmp_path):
    app, _anchor = corpus_app(tmp_path)
    from web import services

    with app.app_context():
        services.backend().index(
            [
                Document(
                    url="https://baothunghiem.example.vn/cong-thuc.html",
                    outlet_id="tuoitre",
                    title=FORMULA_TITLE,
                    published_at=datetime(2026, 1, 5, 8, tzinfo=LOCAL_TZ),
                    topics=["Văn hóa"],
                    sapo="+84 912 345 678",
                )
            ]
        )
    return app


@pytest.fixture
def editor(login_as):
    return login_as("editor")


def csrf_token(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    document = open_docx(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 BOM to read Vietnamese"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


# -- roles -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/reports/",
        "/reports/export/csv",
        "/reports/export/xlsx",
        "/reports/export/docx?q=Lim",
        "/reports/export/pdf?q=Lim",
    ],
)
def test_viewers_cannot_export(app, url):
    assert logged_in_client(app, "viewer").get(url).status_code == 403


def test_anonymous_users_are_sent_to_login(app):
    response = app.test_client().get("/reports/export/csv")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_admins_can_export(app):
    assert logged_in_client(app, "admin").get("/reports/export/csv").status_code == 200


# -- whole-search exports ------------------------------------------------------------------------


def test_csv_has_bom_vietnamese_headers_and_every_match(editor):
    response = editor.get("/reports/export/csv?q=Bắc Ninh&topic=An toàn giao thông")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert re.fullmatch(
        r'attachment; filename="bai-viet-\d{8}-\d{4}\.csv"', response.headers["Content-Disposition"]
    )
    rows = csv_rows(response.data)
    assert rows[0] == list(COLUMNS)
    titles = [row[1] for row in rows[1:]]
    assert TRAFFIC_TITLE in titles and len(titles) == 4 == int(response.headers["X-Presswatch-Rows"])
    assert all("Hà Nội" not in t for t in titles)  # the topic filter applied with the query
    first = dict(zip(COLUMNS, rows[1], strict=True))
    assert first["Sắc thái"] == "Tiêu cực" and first["Tỉnh, thành"] == "Bắc Ninh"
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", first["Ngày đăng"])


def test_csv_neutralises_spreadsheet_formulas(editor):
    rows = csv_rows(editor.get("/reports/export/csv?q=HYPERLINK").data)
    assert rows[1][1] == "'" + FORMULA_TITLE and rows[1][10] == "'+84 912 345 678"


def test_xlsx_opens_with_text_dates_and_no_formulas(editor):
    response = editor.get("/reports/export/xlsx")
    assert response.status_code == 200 and response.headers["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(COLUMNS)
    titles = [r[1] for r in rows[1:]]
    assert SEED_TITLE in titles and XSS_TITLE in titles and FORMULA_TITLE in titles
    assert len(rows) - 1 == int(response.headers["X-Presswatch-Rows"])
    formula_row = titles.index(FORMULA_TITLE) + 2
    assert sheet.cell(formula_row, 2).data_type == "s"  # stored as text, never evaluated
    assert isinstance(rows[1][4], datetime) and sheet.cell(2, 5).number_format == "dd/mm/yyyy hh:mm"


def test_docx_review_of_a_search(editor):
    response = editor.get("/reports/export/docx?q=Bắc Ninh&date=2026-11-20")
    assert response.status_code == 200
    assert re.fullmatch(
        r'attachment; filename="diem-bao-\d{8}-\d{4}\.docx"', response.headers["Content-Disposition"]
    )
    text = docx_text(response.data)
    assert "BAN TUYÊN GIÁO VÀ DÂN VẬN" in text and "TỈNH ỦY BẮC NINH" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Bắc Ninh, ngày 20 tháng 11 năm 2026" in text
    assert TRAFFIC_TITLE in text and SEED_TITLE in text and XSS_TITLE in text
    assert "Truy vấn" not in text and "q=" not in text  # no raw query text in an office document
    assert "I. TỔNG HỢP CHUNG" in text and "II. NỘI DUNG CỤ THỂ" in text


def header_cells(document) -> tuple[list[str], list[str]]:
    left, right = document.tables[0].rows[0].cells
    return ([p.text for p in left.paragraphs if p.text], [p.text for p in right.paragraphs if p.text])


def test_docx_follows_the_party_document_form_for_a_seven_day_search(tmp_path):
    app, anchor = corpus_app(
        tmp_path,
        PRESSWATCH_REPORT_SIGNER="Nguyễn Văn An",
        PRESSWATCH_REPORT_RECIPIENTS="Thường trực Tỉnh ủy (để b/c);Lưu VP",
    )
    editor = logged_in_client(app, "editor")
    start = anchor - timedelta(days=6)
    response = editor.get(
        f"/reports/export/docx?from={start.isoformat()}&to={anchor.isoformat()}&q=Bắc Ninh&date=2026-12-02"
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    document = open_docx(io.BytesIO(response.data))
    left, right = header_cells(document)
    assert left[:3] == ["TỈNH ỦY BẮC NINH", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*"]
    assert re.fullmatch(r"Số\s+-ĐB/BTGDVTU", left[3])
    assert right == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Bắc Ninh, ngày 02 tháng 12 năm 2026"]
    paragraphs = [p.text for p in document.paragraphs]
    title = f"ĐIỂM BÁO TỪ NGÀY {start:%d/%m/%Y} ĐẾN NGÀY {anchor:%d/%m/%Y}"
    assert title in paragraphs and "ĐIỂM BÁO NGÀY 02/12/2026" not in paragraphs
    assert not any(p == "Bắc Ninh" or "Truy vấn" in p for p in paragraphs)
    topic_headings = [p for p in paragraphs if re.fullmatch(r"\d+\. .+ \(\d+ tin, bài\)", p)]
    assert any(h.startswith("1. ") for h in topic_headings) and len(topic_headings) >= 3
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "fldChar" in footer
    closing_left, closing_right = document.tables[-1].rows[0].cells
    assert [p.text for p in closing_left.paragraphs][:3] == [
        "Nơi nhận:",
        "- Thường trực Tỉnh ủy (để b/c),",
        "- Lưu VP.",
    ]
    signed = [p.text for p in closing_right.paragraphs if p.text]
    assert signed == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn An"]


def test_day_only_dates_and_two_line_summaries_in_the_review():
    long_sapo = "Một câu dài về tình hình báo chí trong tỉnh " * 12
    documents = [
        Document(
            url="https://baobacninhtv.vn/ngay.html",
            outlet_id="baobacninhtv",
            title="Bài chỉ có ngày đăng",
            sapo=long_sapo,
            published_precision="day",
            published_at=datetime(2026, 11, 20, 0, tzinfo=LOCAL_TZ),
        )
    ]
    text = docx_text(build_docx(documents, "", date(2026, 11, 21), ""))
    assert "ĐIỂM BÁO NGÀY 20/11/2026" in text  # the day covered, not the day it was made
    meta = next(line for line in text.split("\n") if line.startswith("baobacninhtv"))
    assert "20/11/2026 —" in meta and "00:00" not in meta
    summary = next(line for line in text.split("\n") if line.startswith("Một câu dài"))
    assert summary.endswith("…") and len(summary) <= 171


def test_pdf_review_has_the_form_and_page_numbers(editor):
    response = editor.get("/reports/export/pdf?q=quan họ&date=2026-11-20")
    text = pdf_text(response.data)
    assert "TỈNH ỦY BẮC NINH" in text and "BAN TUYÊN GIÁO VÀ DÂN VẬN" in text and "-ĐB/BTGDVTU" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Nơi nhận:" in text and "PHÓ TRƯỞNG BAN" in text
    assert re.search(r"ĐIỂM BÁO (NGÀY|TỪ NGÀY) \d\d/\d\d/\d{4}", text)
    assert "Trang 1/" in text


def test_docx_is_filed_in_office_form(editor):
    document = open_docx(io.BytesIO(editor.get("/reports/export/docx?q=Lim").data))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and 13 <= normal.size.pt <= 14


def test_pdf_review_keeps_vietnamese_text(editor):
    response = editor.get("/reports/export/pdf?q=Bắc Ninh&header=state&title=Điểm báo tuần 47")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    text = pdf_text(response.data)
    assert "Điểm báo tuần 47" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert " ".join(TRAFFIC_TITLE.split()) in text and " ".join(SEED_TITLE.split()) in text


def test_review_refuses_more_than_the_limit_instead_of_cutting(tmp_path):
    app, _anchor = corpus_app(tmp_path, PRESSWATCH_REPORT_MAX_CLIPPINGS=3)
    response = logged_in_client(app, "editor").get("/reports/export/docx?q=Bắc Ninh")
    assert response.status_code == 413
    assert "nhiều hơn 3 bài" in response.get_data(as_text=True)


def test_bad_query_is_refused_before_any_file(editor):
    response = editor.get("/reports/export/csv?q=(tai nạn")
    assert response.status_code == 400 and "Content-Disposition" not in response.headers
    assert "Lỗi cú pháp" in response.get_data(as_text=True)


def test_unknown_format_is_404(editor):
    assert editor.get("/reports/export/exe").status_code == 404


# -- the selection -------------------------------------------------------------------------------


def pick(editor, query: str) -> tuple[str, list[str]]:
    page = editor.get(f"/reports/?q={query}").get_data(as_text=True)
    return csrf_token(page), re.findall(r'name="ids" value="([0-9a-f]+)"', page)


def test_reports_page_lists_the_search_with_checkboxes(editor):
    page = editor.get("/reports/?q=quan họ").get_data(as_text=True)
    total = int(re.search(r'class="badge total">(\d+)<', page).group(1))
    assert page.count('name="ids"') == total == 8 and "Lễ hội Lim" in page
    assert 'action="/reports/export/csv"' in page and "/reports/export/docx" in page


def test_selection_as_docx_holds_only_the_picked_articles(editor):
    token, ids = pick(editor, "quan họ")
    response = editor.post(
        "/reports/selection",
        data={
            "csrf_token": token,
            "ids": ids[:2],
            "format": "docx",
            "title": "Điểm báo văn hóa",
            "date": "2026-11-21",
        },
    )
    assert response.status_code == 200
    text = docx_text(response.data)
    assert "Điểm báo văn hóa" in text and "Bắc Ninh, ngày 21 tháng 11 năm 2026" in text
    assert text.count("Lễ hội Lim và quan họ Bắc Ninh, kỳ") == 2
    assert "Tổng số 2 tin, bài" in text


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_selection_in_other_formats(editor, fmt):
    token, ids = pick(editor, "quan họ")
    response = editor.post("/reports/selection", data={"csrf_token": token, "ids": ids[:3], "format": fmt})
    assert response.status_code == 200 and response.headers["X-Presswatch-Rows"] == "3"
    if fmt == "csv":
        assert len(csv_rows(response.data)) == 4
    elif fmt == "xlsx":
        assert load_workbook(io.BytesIO(response.data)).active.max_row == 4
    else:
        assert pdf_text(response.data).count("Lễ hội Lim và quan họ Bắc Ninh, kỳ") == 3


def test_selection_needs_a_csrf_token(editor):
    _token, ids = pick(editor, "quan họ")
    response = editor.post("/reports/selection", data={"ids": ids[:1], "format": "docx"})
    assert response.status_code == 400


def test_selection_refusals(editor):
    token, ids = pick(editor, "quan họ")
    empty = editor.post("/reports/selection", data={"csrf_token": token, "format": "docx"})
    assert empty.status_code == 400 and "Chưa chọn bài" in empty.get_data(as_text=True)
    bad = editor.post("/reports/selection", data={"csrf_token": token, "ids": ids[:1], "format": "../../x"})
    assert bad.status_code == 400
    gone = editor.post(
        "/reports/selection", data={"csrf_token": token, "ids": [ids[0], "f" * 20], "format": "csv"}
    )
    assert gone.status_code == 404  # never a silently shorter file


def test_viewer_cannot_post_a_selection(app):
    viewer = logged_in_client(app, "viewer")
    token = csrf_token(viewer.get("/search").get_data(as_text=True))
    assert (
        viewer.post(
            "/reports/selection", data={"csrf_token": token, "ids": ["x"], "format": "csv"}
        ).status_code
        == 403
    )


# -- the builders, as the digest calls them ----------------------------------------------------


def test_build_docx_and_pdf_from_documents():
    documents = [
        Document(
            url=f"https://baobacninhtv.vn/bai-{i}.html",
            outlet_id="baobacninhtv",
            title=title,
            sapo=SAPO,
            outlet_name="Báo Bắc Ninh",
            topics=topics,
            tone=tone,
            published_at=datetime(2026, 11, 20, 7 + i, tzinfo=LOCAL_TZ),
        )
        for i, (title, topics, tone) in enumerate(
            [
                (
                    "Bắc Ninh đẩy mạnh chuyển đổi số, ưu tiên dịch vụ công trực tuyến",
                    ["Chuyển đổi số"],
                    "positive",
                ),
                ("Xử lý nghiêm vi phạm nồng độ cồn trên quốc lộ 18", ["An toàn giao thông"], "negative"),
                ("Người dân Quế Võ phản ánh ô nhiễm nước thải", [], "negative"),
            ]
        )
    ]
    data = build_docx(
        documents,
        "ĐIỂM BÁO NGÀY 20/11/2026",
        date(2026, 11, 20),
        "Ban Tuyên giáo Tỉnh ủy Bắc Ninh",
        outlet_names={"baobacninhtv": "Báo Bắc Ninh"},
    )
    text = docx_text(data)
    assert "Bắc Ninh đẩy mạnh chuyển đổi số, ưu tiên dịch vụ công trực tuyến" in text
    assert "Chủ đề khác (1 tin, bài)" in text and "Báo Bắc Ninh, 20/11/2026 07:00 — Tích cực" in text
    assert "Tổng số 3 tin, bài; trong đó tích cực 1, trung tính 0, tiêu cực 2." in text
    links = {r.target_ref for r in open_docx(io.BytesIO(data)).part.rels.values() if r.is_external}
    assert "https://baobacninhtv.vn/bai-1.html" in links
    pdf = pdf_text(build_pdf(documents, "", date(2026, 11, 20), "Ban Tuyên giáo Tỉnh ủy Bắc Ninh"))
    assert "ĐIỂM BÁO NGÀY 20/11/2026" in pdf and "Xử lý nghiêm vi phạm nồng độ cồn trên quốc lộ 18" in pdf
    assert " ".join(SAPO.split()) in pdf


def test_builders_survive_characters_xml_cannot_hold():
    odd = Document(
        url="https://baothunghiem.vn/x.html",
        outlet_id="x",
        title="Tiêu đề\x0bcó\x00ký tự lạ",
        sapo="Sa pô\x1f",
        published_at=datetime(2026, 11, 20, 8, tzinfo=LOCAL_TZ),
    )
    assert "Tiêu đề có ký tự lạ" in docx_text(build_docx([odd], "", date(2026, 11, 20), ""))
    assert "Tiêu đề có ký tự lạ" in pdf_text(build_pdf([odd], "", date(2026, 11, 20), ""))
