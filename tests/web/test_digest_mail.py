"""The digest as received by a real SMTP server: headers, both parts, Vietnamese text, links, DOCX."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from tests.helpers import login
from tests.web.test_digest_support import (
    # noqa: F401 - shared fixtures
    BASE_URL,
    TITLE_EARLY,
    TITLE_FDI,
    TITLE_LATE,
    add_subscription,
    corpus,
    local,
    outbox_rows,
    parts,
)
from web.digest.runner import run


@pytest.fixture
def app(digest_app):
    return digest_app  # tests/web/conftest.py: SMTP and the digest corpus


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.hrefs += [value for name, value in attrs if name == "href"]


def test_daily_digest_as_received(app, smtp):
    subscription, email = add_subscription(app, created=local(19, 12))
    report = run(app, now=local(20, 7, 5))
    assert report.delivery.sent == 1 and not report.errors, report.summary()
    (message,) = smtp.messages
    assert message["Subject"] == "Điểm báo ngày 19/11/2026 — Tỉnh, thành Bắc Ninh: 4 bài viết"
    assert message["From"] == "Presswatch <diem-bao@tuyengiao.test>"
    assert message["To"].addresses[0].addr_spec == email
    assert message["To"].addresses[0].display_name == "Nguyễn Thị Hằng"
    assert message["Date"].datetime == local(20, 7, 5)
    assert re.fullmatch(r"<pw\.\d+\.[0-9a-f]{24}@tuyengiao\.test>", message["Message-ID"])
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].startswith(f"<{BASE_URL}/digest/unsubscribe/")
    assert message["X-Presswatch-Period"] == "daily:2026-11-19"
    assert message.get_content_type() == "multipart/alternative"
    text, html = parts(message)
    for part in (text, html):
        assert TITLE_LATE in part  # published 23:59 on the 19th
        assert TITLE_EARLY not in part  # 00:01 on the 20th: tomorrow's digest
        assert "3 cơ quan báo chí" in part and TITLE_FDI in part
        assert "Thu hút đầu tư" in part and "Tiêu cực" in part
        assert "Vụ tai nạn giao thông xảy ra lúc 23 giờ 59 phút" in part
    # The change in words: a bare "+2" or "0" after the count read as another count.
    assert "kỳ trước, ngày 18/11/2026: 2 bài; tăng 2)" in " ".join(text.split())
    assert "kỳ trước, ngày 18/11/2026: 2 bài; tăng 2)" in " ".join(html.split())
    assert "23:59 19/11/2026" in text

    page = Links()
    page.feed(html)
    assert not page.tags & {"script", "style", "link", "iframe", "form"}  # mail-client safe
    assert "style=" in html and "<table" in html
    client = app.test_client()
    assert login(client, email, "mat-khau-123").status_code == 302
    originals = {d.url for d in corpus()}
    for href in set(page.hrefs):
        if href in originals:
            continue
        assert href.startswith(BASE_URL + "/"), href
        url = urlsplit(href)
        response = client.get(url.path + (f"?{url.query}" if url.query else ""))
        assert response.status_code == 200, (href, response.status_code)
    assert {d.url for d in corpus() if d.title in (TITLE_LATE,)} <= set(page.hrefs)
    searches = [href for href in page.hrefs if "?q=" in href]
    assert searches and {urlsplit(href).path for href in searches} == {"/search"}
    assert message["List-Unsubscribe"][1:-1] in page.hrefs
    assert message["List-Unsubscribe"][1:-1] in text


def test_local_day_boundaries(app, smtp):
    add_subscription(app, created=local(1, 0))
    report = run(app, now=local(21, 8), day=local(20, 0).date())
    assert report.delivery.sent == 1
    text, html = parts(smtp.messages[0])
    assert TITLE_EARLY in text and TITLE_EARLY in html
    assert TITLE_LATE not in text and TITLE_LATE not in html
    assert smtp.messages[0]["X-Presswatch-Period"] == "daily:2026-11-20"


def test_due_digests_catch_up_after_a_restart_but_not_before_the_subscription(app, smtp):
    add_subscription(app, created=local(1, 0), send_at="06:30")
    add_subscription(app, created=local(19, 12), send_at="06:30")
    run(app, now=local(20, 6, 29))  # before 06:30: only the 18th for the older subscription
    assert [m["X-Presswatch-Period"] for m in smtp.messages] == ["daily:2026-11-18"]
    run(app, now=local(20, 9, 0))  # the process was down at 06:30: the 19th goes out now
    assert sorted(m["X-Presswatch-Period"] for m in smtp.messages) == [
        "daily:2026-11-18",
        "daily:2026-11-19",
        "daily:2026-11-19",
    ]


def test_weekly_digest_covers_monday_to_sunday(app, smtp):
    add_subscription(app, frequency="weekly", created=local(1, 0))
    run(app, now=local(23, 7, 1), alerts=False)  # Monday 23/11: the week 16–22/11
    (message,) = smtp.messages
    assert message["X-Presswatch-Period"] == "weekly:2026-W47"
    assert message["Subject"].startswith("Điểm báo tuần 16/11 – 22/11/2026")
    text, _ = parts(message)
    assert TITLE_LATE in text and TITLE_EARLY in text
    run(app, now=local(23, 9), day=local(22, 0).date())  # --date on that Sunday: already sent
    assert len(smtp.messages) == 1


def test_docx_attachment_opens(app, smtp):
    # python-docx and the reports module are part of the product: no skip that could hide losing them.
    import docx

    from web.digest.runner import docx_builder

    assert docx_builder() is not None
    add_subscription(app, created=local(19, 12), attach_docx=True)
    run(app, now=local(20, 7, 5))
    (message,) = smtp.messages
    assert message.get_content_type() == "multipart/mixed"
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == "diem-bao-daily-2026-11-19.docx"
    document = docx.Document(io.BytesIO(attachment.get_content()))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert TITLE_LATE in text
    text_part, html_part = parts(message)
    assert TITLE_LATE in text_part and TITLE_LATE in html_part


def test_outbox_records_before_and_after_sending(app, smtp):
    subscription, _ = add_subscription(app, created=local(19, 12))
    run(app, now=local(20, 7, 5), send=False)
    (row,) = outbox_rows(app)
    assert (row["status"], row["attempts"], row["subscription_id"]) == ("pending", 0, subscription)
    assert row["message"] and not smtp.messages
    run(app, now=local(20, 7, 6))
    (row,) = outbox_rows(app)
    assert (row["status"], row["attempts"], row["message"]) == ("sent", 1, None)
    assert smtp.messages[0]["Message-ID"] == row["message_id"]


def test_the_change_since_the_last_period_reads_as_words():
    from web.digest.compose import CountRow

    assert [CountRow("", current, 3).change_words for current in (5, 3, 1)] == [
        "tăng 2",
        "không đổi",
        "giảm 2",
    ]
