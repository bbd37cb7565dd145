"""In Chromium, small things staff ran into: a lowercase "or" in a search gets a "did you mean
OR?" with the corrected search one click away; the "7 ngày" chart shows those 7 days, with its
dates and axes labelled; the admin outlet filter finds "Nhân Dân" typed without accents."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.helpers import make_user


@pytest.fixture
def admin_page(live_server, browser_page, login_page):
    email, password = make_user(live_server.app, "admin")
    login_page(browser_page, email, password)
    return browser_page


def test_lowercase_operator_gets_a_did_you_mean(live_server, admin_page):
    page = admin_page
    page.goto(f"{live_server.url}/search")
    page.fill("#q", "tai nạn or ùn tắc")
    with page.expect_navigation():
        page.press("#q", "Enter")
    hint = page.locator(".query-hint")
    assert "OR?" in hint.inner_text()  # "Ý bạn là OR?"
    with page.expect_navigation():
        hint.locator("a").click()
    assert page.input_value("#q") == "tai nạn OR ùn tắc"
    assert page.locator(".query-hint").count() == 0
    assert page.locator(".hit").count() > 0  # the corrected search finds articles

    page.goto(f"{live_server.url}/search?q=tai+n%E1%BA%A1n+OR+%C3%B9n+t%E1%BA%AFc")
    assert page.locator(".query-hint").count() == 0
    with page.expect_navigation():
        page.click(".langswitch button[value=en]")
    page.goto(f"{live_server.url}/search?q=giao+th%C3%B4ng+and+B%E1%BA%AFc+Ninh")
    assert "Did you mean AND?" in page.inner_text(".query-hint")


def test_week_chart_shows_the_seven_days_labelled(live_server, admin_page):
    page = admin_page
    end = live_server.anchor
    page.goto(f"{live_server.url}/?period=week&end={end.isoformat()}")
    page.wait_for_function("() => window.Chart && Chart.getChart('chart-timeline')")
    labels, x_title, y_title = page.evaluate("""() => {
      const chart = Chart.getChart('chart-timeline');
      return [chart.data.labels, chart.options.scales.x.title.text, chart.options.scales.y.title.text];
    }""")
    start = end - timedelta(days=6)
    assert len(labels) == 7 and labels[0] == f"{start:%d/%m}" and labels[-1] == f"{end:%d/%m}"
    assert x_title and y_title
    caption = page.locator("#chart-timeline").locator("xpath=ancestor::section[1]").locator("h2").inner_text()
    assert f"{start:%d/%m/%Y}" in caption and f"{end:%d/%m/%Y}" in caption
    rows = page.locator("#chart-timeline >> xpath=ancestor::section[1]//details//tbody/tr")
    assert rows.count() == 7


def test_admin_outlet_filter_ignores_accents(live_server, admin_page):
    page = admin_page
    page.goto(f"{live_server.url}/admin/outlets")
    for typed in ("nhan dan", "NHÂN DÂN", "Nhân Dân"):
        page.fill("input[name=q]", typed)
        with page.expect_navigation():
            page.press("input[name=q]", "Enter")
        assert page.locator("tr[data-outlet=nhandan]").count() == 1, typed
    page.fill("input[name=q]", "bac ninh")
    with page.expect_navigation():
        page.press("input[name=q]", "Enter")
    assert page.locator("tr[data-outlet=baobacninhtv]").count() == 1  # by province, without accents
