"""In Chromium: an admin subscribes, `presswatch digest send` mails the digest to a real SMTP
server, and the outbox shows it in Viet Nam time with status words in the reader's language."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta

from tests.browser.conftest import REPO
from tests.browser.pages import subscribe
from tests.helpers import make_user
from tests.web.test_digest_support import SMTPSink
from web.filters import LOCAL_TZ


def send_digests(live_server, smtp: SMTPSink) -> subprocess.CompletedProcess:
    yesterday = live_server.anchor - timedelta(days=1)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "presswatch",
            "digest",
            "send",
            "--date",
            yesterday.isoformat(),
            "--no-alerts",
        ],
        env={
            **os.environ,
            "PRESSWATCH_DATA_DIR": str(live_server.data_dir),
            "PRESSWATCH_ELASTICSEARCH_URL": "",
            "PRESSWATCH_SMTP_HOST": "127.0.0.1",
            "PRESSWATCH_SMTP_PORT": str(smtp.port),
        },
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )


def test_outbox_shows_local_time_and_status_words(live_server, browser_page, login_page):
    page = browser_page
    email, password = make_user(live_server.app, "admin")
    login_page(page, email, password)
    subscribe(page, live_server.url)
    smtp = SMTPSink().start()
    try:
        before = datetime.now(LOCAL_TZ)
        result = send_digests(live_server, smtp)
        after = datetime.now(LOCAL_TZ)
    finally:
        smtp.stop()
    assert result.returncode == 0, result.stdout + result.stderr
    assert any(email in message["To"] for message in smtp.messages)

    page.goto(f"{live_server.url}/digest/outbox")
    row = page.locator("tr[data-status]", has_text=email).first
    cells = row.locator("td")
    assert cells.nth(1).inner_text().strip() == "Đã gửi"
    shown = cells.nth(6).inner_text()
    local_times = {f"{moment:%d/%m %H:%M}" for moment in (before, after)}
    assert any(time in shown for time in local_times), (shown, local_times)  # Viet Nam time, not UTC
    header = page.inner_text("thead")
    assert "UTC" not in header and "giờ Việt Nam" in header
    assert "sent (" not in page.inner_text(".dg-counts") and "Đã gửi (" in page.inner_text(".dg-counts")

    with page.expect_navigation():
        page.click(".langswitch button[value=en]")
    row = page.locator("tr[data-status]", has_text=email).first
    assert row.locator("td").nth(1).inner_text().strip() == "Sent"
    assert "Viet Nam time" in page.inner_text("thead")
