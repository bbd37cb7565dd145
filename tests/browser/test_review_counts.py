"""The điểm báo's summary counts agree with the dashboard's for the same period (found on a new
user's walk: the DOCX filed an article under its first topic only, so a topic's count in the điểm
báo was smaller than the dashboard's "Số bài" for every article that also carried another topic).

In a real browser: the editor reads the dashboard's per-topic table for the week, follows its
"7 ngày" figure to the search, exports that search as the DOCX điểm báo and opens the file."""

from __future__ import annotations

import re
import threading
import urllib.parse
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from docx import Document as open_docx
from werkzeug.serving import make_server

from search.backends import open_backend
from search.config import LOCAL_TZ, SearchConfig
from search.document import Document
from tests.browser.corpus import index_corpus
from tests.browser.test_reports_admin import download, log_in
from tests.helpers import make_user
from web.filters import local_today

# Articles relevant to two topics each, as the topic profiles tag many real ones.
TWO_TOPICS = [
    ("Bắc Ninh số hóa hồ sơ đất đai, người dân tra cứu trực tuyến", ["Chuyển đổi số", "Đất đai"], "positive"),
    (
        "Camera giao thông giúp Bắc Ninh giảm vi phạm nồng độ cồn",
        ["An toàn giao thông", "Chuyển đổi số"],
        "neutral",
    ),
    ("Ô nhiễm lễ hội: rác thải sau mùa hội ở Bắc Ninh", ["Môi trường", "Văn hóa"], "negative"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, object]]:
    from presswatch.app import create_app

    data_dir = tmp_path_factory.mktemp("review-counts")
    config = SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(data_dir)})
    backend = open_backend(config)
    today = local_today()
    index_corpus(backend, today)
    extra = [
        Document(
            url=f"https://baobacninhtv.example.vn/hai-chu-de-{i}.html",
            outlet_id="baobacninhtv",
            title=title,
            sapo=title,
            body=title,
            published_at=datetime.combine(today - timedelta(days=i + 1), time(9), LOCAL_TZ),
            topics=topics,
            provinces=["Bắc Ninh"],
            tone=tone,
        )
        for i, (title, topics, tone) in enumerate(TWO_TOPICS)
    ]
    assert not backend.index(extra).errors
    if hasattr(backend, "refresh_now"):
        backend.refresh_now()
    backend.close()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PRESSWATCH_DATA_DIR", str(data_dir))
        app = create_app({"PRESSWATCH_DATA_DIR": data_dir, "PRESSWATCH_SEARCH": config})
    http = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=http.serve_forever, name="review-counts-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{http.server_port}", app
    http.shutdown()
    thread.join(timeout=10)


def _number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def test_the_docx_counts_each_topic_as_the_dashboard_does(server, browser_page, tmp_path: Path):
    base, app = server
    page = browser_page
    email, password = make_user(app, "editor")
    log_in(page, base, email, password)
    page.goto(f"{base}/?period=week")
    dashboard = {
        row.locator("th").inner_text().strip(): _number(row.locator("td.num").first.inner_text())
        for row in page.locator("section.card", has=page.locator("h2", has_text="Sắc thái theo chủ đề"))
        .locator("table.tonetable tbody tr")
        .all()
    }
    assert dashboard and not any(name.startswith("Báo") for name in dashboard), dashboard  # topics only
    assert {"Chuyển đổi số", "Đất đai", "Văn hóa"} <= set(dashboard), dashboard
    week = page.locator("a.kpi", has_text="7 ngày")
    articles = _number(week.locator(".kpi-value").inner_text())
    week.click()
    page.wait_for_load_state()
    search = urllib.parse.urlsplit(page.url).query  # the week, in the dashboard's scope
    page.goto(f"{base}/reports/?{search}")
    docx = open_docx(download(page, "#export-all button[data-format=docx]", tmp_path))

    summary = next(t for t in docx.tables if t.rows[0].cells[1].text == "Chủ đề")
    rows = [[cell.text for cell in row.cells] for row in summary.rows[1:]]
    exported = {row[1]: int(row[-1]) for row in rows if row[0]}  # numbered rows: the topics
    for topic, count in dashboard.items():
        assert exported.get(topic) == count, (topic, exported, dashboard)
    text = "\n".join(p.text for p in docx.paragraphs)
    assert f"Tổng số {articles} tin, bài" in text  # each article once in the total
    assert rows[-1][1] == "Tổng cộng" and int(rows[-1][-1]) == articles
    # Each clipping is printed once; its other topics' sections point to it.
    for title, _, _ in TWO_TOPICS:
        headline = re.compile(rf"\d+\.\d+\. {re.escape(title)}")
        assert sum(bool(headline.fullmatch(p.text)) for p in docx.paragraphs) == 1, title
    assert re.search(r"Trong đó 1 tin, bài thuộc nhiều chủ đề, đã nêu ở mục \d+\.\d+\.", text)
    assert not page.console_errors
