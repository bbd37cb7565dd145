"""In Chromium, a date range typed the wrong way round ("Từ" the later day) still finds the
articles of those days, on the search page and in the export of that search.

Found using the demo as a new user (notes/walk4.md): "Từ 03/12/2026 đến 27/11/2026" showed
"Tìm thấy 0 bài viết" with no word about why, and a saved search or export kept the empty range.
"""

from __future__ import annotations

import re
from datetime import timedelta
from io import BytesIO

from openpyxl import load_workbook

from tests.helpers import make_user


def _total(page) -> int:
    found = re.search(r"Tìm thấy ([\d.]+)", page.inner_text("main"))
    assert found, page.inner_text("main")[:500]
    return int(found.group(1).replace(".", ""))


def _range(page, base: str, first: str, second: str) -> int:
    """Type the two days into "Từ" and "đến" and submit the search form."""
    page.goto(f"{base}/search")
    page.fill("input[name=from]", first)
    page.fill("input[name=to]", second)
    with page.expect_navigation():
        page.press("input[name=to]", "Enter")
    return _total(page)


def test_a_reversed_range_finds_the_days_between(live_server, browser_page, login_page):
    page = browser_page
    email, password = make_user(live_server.app, "editor")
    login_page(page, email, password)
    end = live_server.anchor
    start = end - timedelta(days=6)
    right = _range(page, live_server.url, f"{start:%d/%m/%Y}", f"{end:%d/%m/%Y}")
    assert right > 0
    wrong = _range(page, live_server.url, f"{end:%d/%m/%Y}", f"{start:%d/%m/%Y}")
    assert wrong == right
    # The form now shows the range in order, so what is searched is what the boxes say.
    assert page.input_value("input[name=from]") == f"{start:%d/%m/%Y}"
    assert page.input_value("input[name=to]") == f"{end:%d/%m/%Y}"
    # The spreadsheet export of that search (reports page, editors) has the same rows.
    page.goto(f"{live_server.url}/reports/?from={end.isoformat()}&to={start.isoformat()}")
    with page.expect_download() as download:
        page.click("text=Excel (XLSX) >> nth=0")
    # openpyxl goes by the file name's extension, and a download's temporary path has none.
    sheet = load_workbook(BytesIO(download.value.path().read_bytes())).active
    assert sheet.max_row - 1 == right
