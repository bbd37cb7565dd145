"""In Chromium: coverage gaps on the dashboard (followed topics without an article for N days; the
province's own press agency against the other outlets) and the alert rules for both, subscribed
through the form and previewed as the mail a run would send now."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlencode

from tests.helpers import make_user


def _subscribe(page, base_url: str, *, kind: str, target: str, rule: str, n: int) -> str:
    """An immediate subscription made through the form; returns its preview's h1."""
    page.goto(f"{base_url}/subscriptions/")
    page.check(f"form.sb-form input[name=kind][value={kind}]")
    page.fill(f"form.sb-form input[name={kind}]", target)
    page.check("form.sb-form input[name=frequency][value=immediate]")
    page.select_option("form.sb-form select[name=alert_rule]", rule)
    page.fill("form.sb-form input[name=min_outlets]", str(n))
    with page.expect_navigation():
        page.click("form.sb-form button[type=submit]")
    assert "Đã tạo đăng ký nhận tin." in page.inner_text("main")
    with page.expect_navigation():
        page.locator(".sb-list a[href*='/digest/preview/']").last.click()
    return page.inner_text("h1")


def test_dashboard_coverage_gaps_and_own_press_share_with_their_alerts(
    live_server, browser_page, login_page, screenshot
):
    page = browser_page
    email, password = make_user(live_server.app, "editor")
    login_page(page, email, password)
    page.goto(f"{live_server.url}/?period=week")
    today = live_server.anchor

    # Own press vs the others: the groups add up to the week's articles (the "7 ngày" figure).
    own = page.locator("#own-share")
    counts = {
        row.get_attribute("data-reach"): int(re.sub(r"\D", "", row.locator("td").inner_text()) or 0)
        for row in own.locator("tr[data-reach]").all()
    }
    week = page.locator(".kpi", has_text="7 ngày").locator(".kpi-value").inner_text()
    assert sum(counts.values()) == int(re.sub(r"\D", "", week)) > 0
    assert counts["own"] > 0 and sum(counts.values()) > counts["own"]  # the corpus has both
    share = round(100 * counts["own"] / sum(counts.values()))
    assert own.locator("[data-own-share]").inner_text() == f"{share}%"

    # Topic gaps: each listed topic really has no article about the province in the 7 days; its
    # link opens the search for that topic.
    gaps = page.locator("#coverage-gaps tbody tr")
    assert gaps.count() >= 1, page.inner_text("#coverage-gaps")
    topic = gaps.first.locator("th").inner_text()
    screenshot(page, "dashboard-coverage")
    week_start = today - timedelta(days=6)
    query = urlencode(
        {"topic": topic, "province": "Bắc Ninh", "from": week_start.isoformat(), "to": today.isoformat()}
    )
    page.goto(f"{live_server.url}/search?{query}")
    assert page.locator("strong.total").first.inner_text() == "0"

    # The same two as alert options.
    heading = _subscribe(page, live_server.url, kind="topic", target=topic, rule="gap", n=7)
    assert "Không có bài nào trong 7 ngày" in heading and topic in heading
    heading = _subscribe(page, live_server.url, kind="province", target="Bắc Ninh", rule="own_share", n=100)
    assert f"Báo chí của tỉnh chỉ chiếm {share}%" in heading, heading
    # A threshold the share already meets sends nothing.
    floor = 100 * counts["own"] // sum(counts.values())
    heading = _subscribe(
        page, live_server.url, kind="province", target="Bắc Ninh", rule="own_share", n=max(2, floor)
    )
    assert "chỉ chiếm" not in heading
