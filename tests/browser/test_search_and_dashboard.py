"""In Chromium, as staff use it: log in, dashboard charts, search with filters, an article,
saved searches, the language switch; screenshots in test-artifacts/screenshots/."""

from __future__ import annotations

import re

import pytest

from tests.browser.corpus import SEED_TITLE, TRAFFIC_TITLE, XSS_OUTLET, XSS_TITLE
from tests.helpers import make_user


@pytest.fixture
def staff_page(live_server, browser_page, login_page):
    """A logged-in editor; JavaScript dialogs (an XSS that fired) are recorded, never shown."""
    dialogs: list[str] = []
    browser_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    browser_page.dialogs = dialogs
    email, password = make_user(live_server.app, "editor")
    login_page(browser_page, email, password)
    return browser_page


def facet_counts(page, name: str) -> dict[str, int]:
    counts = {}
    for item in page.locator(f"[data-facet={name}] li").all():
        # text_content: values past the first few sit in a closed <details>, still counted
        label = item.locator(".label").text_content().strip()
        counts[label] = int(item.locator(".count").text_content().replace(".", ""))
    return counts


def test_dashboard_charts_render(live_server, staff_page, screenshot):
    page = staff_page
    page.goto(f"{live_server.url}/?end={live_server.anchor.isoformat()}")
    assert "Tổng quan báo chí về Bắc Ninh" in page.inner_text("h1")
    for chart in ("timeline", "tones", "topics", "kinds"):
        canvas = page.locator(f"canvas#chart-{chart}")
        canvas.wait_for()
        # Chart.js has drawn on it: a chart object is attached and the canvas has a size.
        page.wait_for_function(f"() => window.Chart && Chart.getChart('chart-{chart}')")
        box = canvas.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 100
    datasets = page.evaluate("() => Chart.getChart('chart-timeline').data.datasets.map(d => d.data)")
    week = int(page.locator(".kpi-value").nth(1).inner_text().replace(".", ""))
    assert sum(sum(values) for values in datasets) == week >= 14  # the chart is the "7 ngày" week
    assert page.locator(".kpi-value").first.inner_text().strip() != "0"
    screenshot(page, "dashboard")
    assert not page.console_errors and not page.dialogs, (page.console_errors, page.dialogs)


def test_period_selector_reloads_the_dashboard(live_server, staff_page):
    page = staff_page
    page.goto(f"{live_server.url}/?end={live_server.anchor.isoformat()}")
    with page.expect_navigation():
        page.click(".segmented label:has-text('30 ngày')")
    assert "period=month" in page.url
    page.wait_for_function("() => window.Chart && Chart.getChart('chart-timeline')")
    labels = page.evaluate("() => Chart.getChart('chart-timeline').data.labels.length")
    assert labels == 30
    assert not page.console_errors


def test_search_with_a_filter_changes_facet_counts(live_server, staff_page, screenshot):
    page = staff_page
    page.click("nav >> text=Tìm kiếm")
    page.fill("input[name=q]", "Bắc Ninh")
    with page.expect_navigation():
        page.press("input[name=q]", "Enter")
    before_topics = facet_counts(page, "topic")
    before_total = page.inner_text(".total")
    with page.expect_navigation():
        page.click("[data-facet=tone] a:has-text('Tiêu cực')")
    assert "tone=negative" in page.url
    after_topics = facet_counts(page, "topic")
    assert after_topics != before_topics
    assert after_topics["An toàn giao thông"] >= 4
    assert page.inner_text(".total") != before_total
    assert "Sắc thái: Tiêu cực" in page.inner_text(".chips")
    assert all("Tiêu cực" in tone for tone in page.locator(".hit .tone").all_inner_texts())
    screenshot(page, "search-filtered")
    with page.expect_navigation():  # the chip removes the filter again
        page.click(".chip a")
    assert facet_counts(page, "topic") == before_topics
    assert not page.console_errors and not page.dialogs


def test_syntax_error_points_at_the_column(live_server, staff_page, screenshot):
    page = staff_page
    page.goto(f"{live_server.url}/search")
    page.fill("input[name=q]", '"an toàn giao thông" AND (tai nạn OR')
    with page.expect_navigation():
        page.press("input[name=q]", "Enter")
    alert = page.locator("[role=alert]")
    assert "Lỗi cú pháp ở cột" in alert.inner_text()
    caret = page.locator(".caretmark").inner_text()
    column = int(re.search(r"cột (\d+)", alert.inner_text()).group(1))
    assert caret.index("^") == column - 1
    assert page.locator("details.cheatsheet").get_attribute("open") is not None
    screenshot(page, "search-error")


def test_open_an_article_with_its_copies(live_server, staff_page, screenshot):
    page = staff_page
    page.goto(f"{live_server.url}/search?q=%22quốc+lộ+18%22&collapse=1")
    assert "4 bài / 4 cơ quan" in page.inner_text(".hit")
    with page.expect_navigation():
        page.click(".hit-title a")
    assert TRAFFIC_TITLE in page.inner_text("h1")
    assert page.locator(".copylist li").count() == 3
    assert "tai nạn giao thông" in page.inner_text(".reasons")
    original = page.locator("a.original").first
    assert original.get_attribute("rel") == "noopener noreferrer"
    screenshot(page, "article")
    assert not page.dialogs


def test_hostile_article_runs_nothing(live_server, staff_page):
    page = staff_page
    page.goto(f"{live_server.url}/search?outlet={XSS_OUTLET}")
    assert XSS_TITLE in page.inner_text(".hit-title")
    with page.expect_navigation():
        page.click(".hit-title a")
    page.wait_for_timeout(300)
    assert XSS_TITLE in page.inner_text("h1")
    assert page.locator("main script, main svg, main iframe").count() == 0
    assert not page.dialogs


def test_save_share_and_delete_a_search(live_server, staff_page, screenshot):
    page = staff_page
    page.goto(f"{live_server.url}/search?q=chuyển+đổi+số&province=Bắc+Ninh&sort=date")
    shared_url = page.url
    page.fill("#save-name", "Chuyển đổi số Bắc Ninh")
    with page.expect_navigation():
        page.click(".saveform button")
    assert "Đã lưu tìm kiếm" in page.inner_text(".flash")
    assert page.url.endswith(shared_url.split("?", 1)[1])
    assert SEED_TITLE in page.inner_text(".results")
    with page.expect_navigation():
        page.click("nav >> text=Đã lưu")
    row = page.locator("tr:has-text('Chuyển đổi số Bắc Ninh')")
    assert "Bắc Ninh" in row.inner_text() and "Mới nhất" in row.inner_text()
    screenshot(page, "saved-searches")
    with page.expect_navigation():
        row.locator("button:has-text('Xoá')").click()
    assert page.locator("tr:has-text('Chuyển đổi số Bắc Ninh')").count() == 0


def test_switch_language(live_server, staff_page, screenshot):
    page = staff_page
    page.goto(f"{live_server.url}/?end={live_server.anchor.isoformat()}")
    with page.expect_navigation():
        page.click(".langswitch button[value=en]")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Press coverage of Bắc Ninh" in page.inner_text("h1")
    assert "end=" in page.url  # back on the same page, same state
    page.wait_for_function("() => window.Chart && Chart.getChart('chart-timeline')")
    screenshot(page, "dashboard-en")
    page.goto(f"{live_server.url}/search?q=kien+nghi")
    assert "articles found" in page.inner_text(".summary")
    with page.expect_navigation():
        page.click(".langswitch button[value=vi]")
    assert "Tìm thấy" in page.inner_text(".summary")
    assert not page.console_errors


def test_small_screen_layout(live_server, staff_page, screenshot):
    page = staff_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/search?q=Bắc+Ninh")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 400  # nothing forces sideways scrolling on a phone
    screenshot(page, "search-mobile", full_page=False)
    page.goto(f"{live_server.url}/?end={live_server.anchor.isoformat()}")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 400
    screenshot(page, "dashboard-mobile", full_page=False)


def test_the_sample_press_week_in_bac_ninh_shows_all_three_tones(live_server, staff_page):
    """Issue 17: on the sample press, Bắc Ninh's 7-day view had 67 % negative and no neutral; real
    provincial news has all three (accidents down, busts, inspections with no violation …)."""
    from tests.conftest import SAMPLE_END

    assert live_server.sample_press, "the sample press was not crawled"
    page = staff_page
    page.goto(f"{live_server.url}/?end={SAMPLE_END.isoformat()}")
    assert "7 ngày" in page.inner_text(".segmented label:has(input:checked)")
    page.wait_for_function("() => window.Chart && Chart.getChart('chart-tones')")
    chart = page.evaluate(
        "() => { const c = Chart.getChart('chart-tones');"
        " return {labels: c.data.labels, data: c.data.datasets[0].data}; }"
    )
    tones = dict(zip(chart["labels"], chart["data"], strict=True))
    assert set(tones) == {"Tiêu cực", "Trung tính", "Tích cực"}, tones
    assert all(count > 0 for count in tones.values()), tones
    assert max(tones.values()) < 0.6 * sum(tones.values()), tones  # no class swamps the week
