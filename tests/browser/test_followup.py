"""Follow-up and the story page on the user's path, in Chromium against a real server.

An editor flags an article, forwards it to a unit with a deadline and a colleague, records the
unit's answer and closes it; the audit trail shows each step. The colleague subscribed to a daily
digest through the form, and the mail ``presswatch digest send`` delivers to aiosmtpd lists the
item as due; a run two days later (the same runner with the clock moved on) lists it overdue. A
viewer sees no buttons, and the server refuses the viewer's POST. The story page shows the
spread, and the digest run opened the widely carried negative story automatically.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

from search.document import LOCAL_TZ
from tests.browser.corpus import TRAFFIC_TITLE
from tests.browser.pages import subscribe
from tests.browser.test_saved_search_digest import log_in, mails_to, server  # noqa: F401 - fixture
from tests.web.test_digest_support import parts
from web.digest.runner import run

PHONE = {"width": 390, "height": 844}


def log_out(page) -> None:
    with page.expect_navigation():
        page.click("form[action$='/auth/logout'] button")


def panel_state(page) -> str:
    return page.locator("#followup").get_attribute("data-state")


def act(page, button: str) -> None:
    with page.expect_navigation():
        page.locator(f"#followup button[value={button}]").first.click()


def test_flag_forward_answer_close_with_digest_and_trail(server, browser_page, screenshot):  # noqa: F811
    page = browser_page
    # The colleague subscribes to a daily digest through the form, like anyone does.
    colleague = log_in(page, server, "editor")
    subscribe(page, server.url)
    log_out(page)

    log_in(page, server, "editor")
    page.goto(f"{server.url}/search?q=quốc+lộ+18")
    with page.expect_navigation():
        page.locator(".hit-title a", has_text=TRAFFIC_TITLE).first.click()
    article_url = page.url
    assert panel_state(page) == "none"
    act(page, "flag")
    assert panel_state(page) == "action"

    tomorrow = server.anchor + timedelta(days=1)
    form = page.locator("form[data-action=forward]")
    form.locator("select[name=unit]").select_option(label="Sở Xây dựng")
    form.locator("input[name=due_date]").fill(tomorrow.isoformat())
    form.locator("select[name=assignee]").select_option(label=colleague)
    with page.expect_navigation():
        form.locator("button[value=forward]").click()
    assert panel_state(page) == "forwarded"
    assert page.locator("#followup .fu-unit").inner_text() == "Sở Xây dựng"
    assert page.locator("#followup .fu-assignee").inner_text() == colleague

    # The work queue, from the top menu: waiting for the unit's answer, not overdue yet.
    with page.expect_navigation():
        page.click("nav.mainnav a[href='/followup/']")
    assert TRAFFIC_TITLE in page.locator("#queue-waiting").inner_text()
    assert TRAFFIC_TITLE not in page.locator("#queue-overdue").inner_text()
    screenshot(page, "followup-queue")

    # The colleague's digest (cron's command) lists the item due tomorrow.
    server.presswatch("digest", "send", "--date", server.anchor.isoformat(), "--no-alerts")
    (mail,) = mails_to(server, colleague)
    text, html = parts(mail)
    due = tomorrow.strftime("%d/%m/%Y")
    assert "VIỆC CỦA BẠN ĐẾN HẠN HOẶC QUÁ HẠN" in text and TRAFFIC_TITLE in text
    assert f"Đã chuyển · Sở Xây dựng · hạn {due}" in text and "[QUÁ HẠN]" not in text
    assert article_url.split("/articles/")[1] in html
    # Two days on the deadline has passed: the next daily digest says so.
    server.app.config.update(
        PRESSWATCH_SMTP_HOST="127.0.0.1",
        PRESSWATCH_SMTP_PORT=str(server.smtp.port),
        PRESSWATCH_BASE_URL=server.url,
    )
    later = datetime.combine(server.anchor + timedelta(days=2), time(8, 0), LOCAL_TZ)
    run(server.app, now=later, alerts=False)
    text = parts(mails_to(server, colleague)[-1])[0]
    assert f"[QUÁ HẠN] {TRAFFIC_TITLE}" in text

    page.goto(article_url)
    form = page.locator("form[data-action=answer]")
    form.locator("textarea[name=response_text]").fill("Sở Xây dựng đã kiểm tra, lắp biển cảnh báo.")
    form.locator("input[name=response_number]").fill("245/SXD-QLCL")
    form.locator("input[name=response_url]").fill("https://baobacninhtv.example.vn/phan-hoi.html")
    with page.expect_navigation():
        form.locator("button[value=answer]").click()
    assert panel_state(page) == "answered"
    act(page, "close")
    assert panel_state(page) == "closed"
    trail = page.locator("#followup .fu-trail li")
    assert trail.evaluate_all("items => items.map(i => i.dataset.action)") == [
        "open",
        "flag",
        "forward",
        "answer",
        "close",
    ]
    assert "Sở Xây dựng" in trail.nth(2).inner_text() and due in trail.nth(2).inner_text()
    assert "245/SXD-QLCL" in trail.nth(3).inner_text()
    screenshot(page, "followup-article")
    assert not page.console_errors


def test_viewer_reads_but_cannot_act(server, browser_page):  # noqa: F811
    page = browser_page
    log_in(page, server, "viewer")
    page.goto(f"{server.url}/search?q=quốc+lộ+18")
    with page.expect_navigation():
        page.locator(".hit-title a", has_text=TRAFFIC_TITLE).first.click()
    assert page.locator("#followup").count() == 1
    assert page.locator("#followup button").count() == 0
    token = page.locator("input[name=csrf_token]").first.get_attribute("value")
    target = page.url.split("/articles/")[1]
    response = page.request.post(
        f"{server.url}/followup/article/{target}/act",
        form={"csrf_token": token, "action": "reopen", "state": "closed"},
    )
    assert response.status == 403
    page.reload()
    assert page.locator("#followup").get_attribute("data-state") in ("none", "closed")


def test_story_page_shows_the_spread_and_the_automatic_follow_up(server, browser_page, screenshot):  # noqa: F811
    page = browser_page
    log_in(page, server, "viewer")
    server.presswatch("digest", "send", "--no-alerts")  # the run that opens widely carried stories
    page.goto(f"{server.url}/search?q=quốc+lộ+18&collapse=1")  # grouped by story
    with page.expect_navigation():
        page.locator(".hit", has_text=TRAFFIC_TITLE).locator("a.story-spread").first.click()
    assert "/stories/" in page.url
    assert page.locator(".story-first").inner_text() == "VnExpress"
    rows = page.locator(".spreadlist li")
    assert rows.count() == 4
    assert rows.evaluate_all("r => r.map(x => x.dataset.reach)") == ["central", "central", "central", "own"]
    assert [rows.nth(i).locator(".spread-lag").inner_text() for i in range(1, 4)] == [
        "+1 giờ 0 phút",
        "+2 giờ 0 phút",
        "+3 giờ 0 phút",
    ]
    assert rows.evaluate_all("r => r.map(x => x.dataset.tone)") == ["negative"] * 4
    assert panel_state(page) == "action"  # opened by the digest run: 4 outlets ≥ 3
    assert page.locator("#followup .fu-trail li").first.get_attribute("data-action") == "auto"
    screenshot(page, "story-page")
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "story-page-phone")


def test_units_directory_is_admin_only(server, browser_page):  # noqa: F811
    page = browser_page
    log_in(page, server, "admin")
    page.goto(f"{server.url}/admin/users")
    with page.expect_navigation():
        page.click("nav.subnav a[href='/followup/units']")
    page.fill("input[name=name]", "Trung tâm Phục vụ hành chính công tỉnh")
    page.select_option("select[name=kind]", "board")
    with page.expect_navigation():
        page.click("form.fu-form button[type=submit]")
    assert "Trung tâm Phục vụ hành chính công tỉnh" in page.locator("table.units-table").inner_text()
    assert re.search(r"Xã|Phường", page.locator("table.units-table").inner_text())
    log_out(page)
    log_in(page, server, "editor")
    assert page.goto(f"{server.url}/followup/units").status == 403
