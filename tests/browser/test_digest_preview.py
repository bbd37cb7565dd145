"""In Chromium: subscribe through the form, open the digest preview, page through periods."""

from __future__ import annotations

from datetime import timedelta

from tests.browser.corpus import SEED_TITLE, TRAFFIC_TITLE, XSS_TITLE
from tests.helpers import make_user


def test_subscribe_and_preview_the_digest(live_server, browser_page, login_page, screenshot):
    page = browser_page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    email, password = make_user(live_server.app, "editor")
    login_page(page, email, password)

    page.click("nav >> text=Nhận tin")
    page.wait_for_url("**/subscriptions/")
    assert page.input_value("input[name=province]") == "Bắc Ninh"  # the focus province by default
    page.fill("input[name=send_at]", "06:30")
    page.click("form.sb-form button[type=submit]")
    page.wait_for_load_state("load")
    assert "Đã tạo đăng ký nhận tin." in page.inner_text("main")
    assert "Hằng ngày lúc 06:30" in page.inner_text(".sb-list")
    screenshot(page, "subscriptions")

    page.click(".sb-list >> text=Xem trước")  # the latest complete day: yesterday
    page.wait_for_load_state("load")
    yesterday = live_server.anchor - timedelta(days=1)
    assert f"Điểm báo ngày {yesterday:%d/%m/%Y}" in page.inner_text("h1")
    mail = page.frame_locator("iframe.dg-frame")
    assert mail.locator(f"text={SEED_TITLE}").first.is_visible()
    assert XSS_TITLE in mail.locator("body").inner_text()  # shown as text, never run

    page.click("text=Kỳ sau")
    page.wait_for_load_state("load")
    assert f"Điểm báo ngày {live_server.anchor:%d/%m/%Y}" in page.inner_text("h1")
    body = mail.locator("body")
    body.locator(f"text={TRAFFIC_TITLE}").first.wait_for()
    text = body.inner_text()
    assert "4 cơ quan báo chí" in text and "Sự việc được nhiều báo đưa tin" in text
    assert "List-Unsubscribe-Post" in page.inner_text(".dg-headers")
    path = screenshot(page, "digest")
    assert path.stat().st_size > 20_000
    assert not dialogs and not page.console_errors, (dialogs, page.console_errors)
