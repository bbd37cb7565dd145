"""A publish date known only to the day goes from the page to every screen without an invented time.

The page is the crawler's input (a Tuổi Trẻ 2015-style article trimmed of its date line, the date
only in its URL); it goes through extraction, the crawl item and the ingester into the index, then
the search results, the article page, the CSV/XLSX exports, the điểm báo and the e-mailed digest.
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from crawler.extract import extract_article
from crawler.items import article_item
from search.ingest import Ingester, annotate
from tests.helpers import logged_in_client
from tests.web.test_digest_support import TITLE_LATE, add_subscription, local, parts
from web.digest.runner import run


@pytest.fixture
def app(digest_app):
    return digest_app  # tests/web/conftest.py: SMTP and the digest corpus


TITLE = "Bắc Ninh khánh thành cầu dân sinh qua sông Cầu"
PAGE = f"""<html><head><title>{TITLE} - Tuổi Trẻ Online</title>
<meta property="og:title" content="{TITLE}"></head><body>
<h1 class="title-2">{TITLE}</h1>
<div class="fck">{{text}}</div></body></html>"""
TEXT = (
    "<p>Người dân hai xã ven sông Cầu, tỉnh Bắc Ninh, vui mừng khi cây cầu mới được đưa vào sử dụng "
    "sau nhiều năm chờ đợi.</p>"
) * 4
URL = "https://tuoitre.vn/tin/chinh-tri-xa-hoi/20261119/bac-ninh-khanh-thanh-cau/719543.html"
OUTLET = {
    "outlet_id": "tuoitre",
    "outlet_name": "Tuổi Trẻ",
    "outlet_kind": "central-daily",
    "outlet_province": "",
}


@pytest.fixture
def crawled(app):
    """The page crawled: extracted, made an item, ingested like the crawl's pipeline does."""
    from web import services

    result = extract_article(PAGE.format(text=TEXT).encode(), URL)
    assert result.ok, result.reason
    assert result.article.published_precision == "day"
    with app.app_context():
        ingester = Ingester(services.backend(), annotate=annotate)
        item = article_item(result.article, OUTLET, URL)
        document = ingester.add(item.document, item.signature)
        assert not ingester.flush().errors
    return document


def test_search_and_article_pages_show_the_day_alone(app, crawled):
    client = logged_in_client(app)
    results = client.get("/search?q=khánh thành cầu").get_data(as_text=True)
    assert TITLE in results and "19/11/2026" in results
    assert "19/11/2026 00:00" not in results
    article = client.get(f"/articles/{crawled.id}").get_data(as_text=True)
    assert TITLE in article and "19/11/2026" in article and "00:00" not in article
    timed = client.get("/search?q=quốc lộ 18").get_data(as_text=True)
    assert "19/11/2026 23:59" in timed  # a minute-precision article still shows its time


def test_exports_write_a_date_not_midnight(app, crawled):
    editor = logged_in_client(app, "editor")
    rows = list(
        csv.reader(io.StringIO(editor.get("/reports/export/csv?q=khánh thành cầu").data.decode("utf-8-sig")))
    )
    assert rows[1][1] == TITLE and rows[1][4] == "19/11/2026"
    sheet = load_workbook(io.BytesIO(editor.get("/reports/export/xlsx?q=khánh thành cầu").data)).active
    assert sheet.cell(2, 2).value == TITLE and sheet.cell(2, 5).number_format == "dd/mm/yyyy"
    review = editor.get("/reports/export/docx?q=khánh thành cầu")
    from docx import Document as open_docx

    document = open_docx(io.BytesIO(review.data))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    assert TITLE in text and "19/11/2026" in text and "19/11/2026 00:00" not in text


def test_the_digest_mail_shows_the_day_alone(app, smtp, crawled):
    add_subscription(app, created=local(19, 12))
    report = run(app, now=local(20, 7, 5))
    assert report.delivery.sent == 1 and not report.errors, report.summary()
    text, html = parts(smtp.messages[0])
    for part in (text, html):
        assert TITLE in part and TITLE_LATE in part
        assert "23:59 19/11/2026" in part  # the minute-precision article keeps its time
        assert "00:00 19/11/2026" not in part
    line = next(line for line in text.splitlines() if "19/11/2026" in line and "Tuổi Trẻ" in line)
    assert re.search(r"Tuổi Trẻ( Online)? · 19/11/2026$", line), line
