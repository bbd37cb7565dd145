"""A saved search's digest and an alert's preview, on the user's path.

In Chromium against a real server: search, filter, save, subscribe; then ``presswatch digest
send`` (a subprocess, as cron runs it) delivers to an aiosmtpd server, and the mail lists exactly
the articles the search page shows for that day. For an alert created through the form, the
preview (web and ``presswatch digest preview``) is the mail that ``digest send`` then delivers.

The module runs its own server over a copy of the session's crawled index (sample press plus the
fixture corpus), so what it subscribes, sends and indexes touches no other test.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.browser.conftest import REPO
from tests.helpers import make_user
from tests.web.test_digest_support import SMTPSink, parts

ARTICLE_LINK = re.compile(r"/articles/([^\s\"'?#<>]+)")


@dataclass
class Server:
    url: str
    app: object
    data_dir: Path
    anchor: object
    smtp: SMTPSink

    def env(self) -> dict[str, str]:
        """What `presswatch` needs to act on this server's data and mail through the test SMTP server."""
        return {
            **os.environ,
            "PRESSWATCH_DATA_DIR": str(self.data_dir),
            "PRESSWATCH_ELASTICSEARCH_URL": "",
            "PRESSWATCH_BASE_URL": self.url,
            "PRESSWATCH_SMTP_HOST": "127.0.0.1",
            "PRESSWATCH_SMTP_PORT": str(self.smtp.port),
        }

    def presswatch(self, *args: str) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "-m", "presswatch", *args],
            env=self.env(),
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
        return result


@pytest.fixture(scope="module")
def server(live_server, tmp_path_factory) -> Iterator[Server]:
    from presswatch.app import create_app
    from search.config import SearchConfig

    data_dir = tmp_path_factory.mktemp("saved-search-digest")
    source = SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(live_server.data_dir)}).embedded_path
    config = SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(data_dir)})
    with sqlite3.connect(source) as original, sqlite3.connect(config.embedded_path) as copy:
        original.backup(copy)  # a consistent copy of the crawled index, no second crawl
    smtp = SMTPSink().start()
    with pytest.MonkeyPatch.context() as patch:  # the secret key file lands in this data folder
        patch.setenv("PRESSWATCH_DATA_DIR", str(data_dir))
        app = create_app({"PRESSWATCH_DATA_DIR": data_dir, "PRESSWATCH_SEARCH": config})
    http = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=http.serve_forever, name="saved-search-server", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{http.server_port}"
    app.config["PRESSWATCH_BASE_URL"] = url
    yield Server(url, app, data_dir, live_server.anchor, smtp)
    http.shutdown()
    thread.join(timeout=10)
    smtp.stop()


def log_in(page, server: Server, role: str = "editor") -> str:
    email, password = make_user(server.app, role)
    page.goto(f"{server.url}/auth/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "/auth/login" not in page.url
    return email


def listed_articles(page) -> list[str]:
    """Article ids of every result page of the search on screen (following "next")."""
    ids: list[str] = []
    while True:
        for href in page.locator(".hit-title a").evaluate_all("links => links.map(a => a.href)"):
            ids.append(ARTICLE_LINK.search(href).group(1))
        following = page.locator("a[rel=next]")
        if not following.count():
            return ids
        with page.expect_navigation():
            following.first.click()


def mails_to(server: Server, email: str) -> list:
    return [m for m in server.smtp.messages if email in m["To"]]


def test_a_saved_search_digest_lists_what_the_search_page_shows(server, browser_page, screenshot):
    page = browser_page
    email = log_in(page, server)
    day = server.anchor

    # Search, then filter by clicking the facets, then save — as staff do.
    page.goto(f"{server.url}/search")
    page.fill("#q", "giao thông")
    with page.expect_navigation():
        page.press("#q", "Enter")
    with page.expect_navigation():
        page.click("section[data-facet=province] a:has-text('Bắc Ninh')")
    with page.expect_navigation():
        page.click("section[data-facet=tone] a:has-text('Tiêu cực')")
    page.fill("#save-name", "Giao thông Bắc Ninh tiêu cực")
    with page.expect_navigation():
        page.click(".saveform button")
    assert "Đã lưu tìm kiếm" in page.inner_text(".flash")

    # Subscribe to it: a daily digest.
    with page.expect_navigation():
        page.click("nav >> text=Nhận tin")
    page.check("input[name=kind][value=saved_search]")
    page.select_option("select[name=saved_search]", label="Giao thông Bắc Ninh tiêu cực")
    with page.expect_navigation():
        page.click("form.sb-form button[type=submit]")
    assert "Đã tạo đăng ký nhận tin." in page.inner_text("main")

    # What the search page shows for that day: the saved search, with the day typed in the form.
    with page.expect_navigation():
        page.click("nav >> text=Đã lưu")
    with page.expect_navigation():
        page.click("a:has-text('Giao thông Bắc Ninh tiêu cực')")
    page.fill("input[name=from]", f"{day:%d/%m/%Y}")
    page.fill("input[name=to]", f"{day:%d/%m/%Y}")
    with page.expect_navigation():
        page.press("input[name=to]", "Enter")
    shown = listed_articles(page)
    assert len(shown) >= 2, "the day should have several matches for the comparison to mean something"

    result = server.presswatch("digest", "send", "--date", day.isoformat(), "--no-alerts")
    assert "0 failed" in result.stdout
    (mail,) = mails_to(server, email)
    text, html = parts(mail)
    assert f"{len(shown)} bài viết" in mail["Subject"]
    clippings = text.split("ĐIỂM TIN", 1)[1]
    mailed = [m.group(1) for m in re.finditer(r"Xem trên Presswatch: \S*?/articles/(\S+)", clippings)]
    assert sorted(mailed) == sorted(shown)
    assert all(f"/articles/{article}" in html for article in shown)

    # The mail's "see all" link opens the same search on the search page.
    see_all = re.search(r"Xem tất cả \d+ bài: (\S+)", text).group(1)
    assert see_all.startswith(server.url + "/search?")
    page.goto(see_all)
    assert sorted(listed_articles(page)) == sorted(shown)
    screenshot(page, "saved-search-digest-link")


NEGATIVE_TITLE = "Bắc Ninh: sạt lở bờ sông Cầu, hàng chục hộ dân phải di dời khẩn cấp"
POSITIVE_TITLE = "Bắc Ninh: khánh thành cầu mới qua sông Cầu, người dân phấn khởi"


def undated(text: str) -> str:
    return re.sub(r"/digest/unsubscribe/\S+", "/digest/unsubscribe/…", text).strip()


def arrive(server: Server, *documents) -> None:
    """New articles reach the index the way a crawl hands them over."""
    from search.backends import open_backend
    from search.config import SearchConfig

    backend = open_backend(SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(server.data_dir)}))
    try:
        report = backend.index(list(documents))
        assert report.indexed == len(documents) and not report.errors
    finally:
        backend.close()


def test_an_alert_previews_as_the_mail_it_sends(server, browser_page, screenshot):
    from datetime import datetime, timedelta

    from search.document import LOCAL_TZ, Document

    page = browser_page
    email = log_in(page, server)
    with page.expect_navigation():
        page.click("nav >> text=Nhận tin")
    assert page.input_value("input[name=province]") == "Bắc Ninh"
    page.check("input[name=frequency][value=immediate]")
    page.select_option("select[name=alert_rule]", "negative")
    with page.expect_navigation():
        page.click("form.sb-form button[type=submit]")
    assert "Cảnh báo ngay" in page.inner_text(".sb-list")

    now = datetime.now(LOCAL_TZ)
    common = {
        "outlet_id": "baobacninhtv",
        "outlet_kind": "provincial-party-paper",
        "provinces": ["Bắc Ninh"],
        "published_at": now - timedelta(minutes=20),
        "crawled_at": now + timedelta(seconds=1),
    }
    arrive(
        server,
        Document(
            url="https://baobacninhtv.example.vn/sat-lo-song-cau.html",
            title=NEGATIVE_TITLE,
            sapo="Sạt lở nghiêm trọng bờ sông Cầu.",
            body="Sạt lở bờ sông Cầu đe dọa nhà dân.",
            tone="negative",
            topics=["Môi trường"],
            **common,
        ),
        Document(
            url="https://baobacninhtv.example.vn/khanh-thanh-cau.html",
            title=POSITIVE_TITLE,
            sapo="Cầu mới khánh thành.",
            body="Người dân phấn khởi đón cầu mới.",
            tone="positive",
            topics=["Đầu tư công"],
            **common,
        ),
    )

    with page.expect_navigation():
        page.click(".sb-list >> text=Xem trước")
    subject = page.inner_text("h1").removeprefix("Xem trước: ").strip()
    # Every negative article about Bắc Ninh not alerted yet (the fixture corpus may add some dated
    # later today), never the positive one.
    assert subject.startswith("[Cảnh báo]") and "tiêu cực — Tỉnh, thành Bắc Ninh" in subject
    frame_text = page.frame_locator("iframe.dg-frame").locator("body").inner_text()
    assert NEGATIVE_TITLE in frame_text and POSITIVE_TITLE not in frame_text
    previewed_text = page.locator("pre.dg-text").text_content()
    screenshot(page, "alert-preview")
    subscription_id = re.search(r"/digest/preview/(\d+)", page.url).group(1)
    terminal = server.presswatch("digest", "preview", "--subscription", subscription_id).stdout

    server.presswatch("digest", "send")
    (mail,) = mails_to(server, email)
    text, html = parts(mail)
    assert mail["Subject"] == subject and f"Subject: {subject}" in terminal
    # Identical but for the unsubscribe link, which is signed with the time it is issued.
    assert undated(text) == undated(previewed_text)
    assert undated(text) in undated(terminal)
    assert NEGATIVE_TITLE in html and POSITIVE_TITLE not in html

    # Sent: the preview now says the next run would send nothing, and the next run sends nothing.
    page.reload()
    assert "không có bài mới nào để cảnh báo" in page.inner_text("main")
    server.presswatch("digest", "send")
    assert len(mails_to(server, email)) == 1
