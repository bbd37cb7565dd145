"""The điểm báo basket in a real browser: tick an article on page 1 and one on page 2 of a search,
log out, log in, find both in the basket, and export it as DOCX holding both."""

from __future__ import annotations

from docx import Document as open_docx

from tests.browser.test_reports_admin import download
from tests.helpers import make_user


def test_basket_survives_paging_and_logout_and_exports_docx(
    live_server, browser_page, login_page, screenshot, tmp_path
):
    page = browser_page
    email, password = make_user(live_server.app, "editor")
    login_page(page, email, password)
    page.goto(f"{live_server.url}/search?q=Bắc+Ninh&sort=date")
    assert page.locator("nav.pager a[rel=next]").count() == 1, "the search needs a second page"

    first = page.locator("li.hit").first
    first_title = first.locator("h2.hit-title").inner_text()
    with page.expect_navigation():
        first.locator(".basket-toggle button").click()
    assert page.locator("li.hit").first.locator("button.basket-on").count() == 1

    with page.expect_navigation():
        page.click("nav.pager a[rel=next]")
    second = page.locator("li.hit").nth(1)
    second_title = second.locator("h2.hit-title").inner_text()
    with page.expect_navigation():
        second.locator(".basket-toggle button").click()
    assert "page=2" in page.url  # back on the page the tick was made on
    assert page.locator("li.hit").nth(1).locator("button.basket-on").count() == 1
    assert page.inner_text("[data-basket-count]").strip() == "2"

    with page.expect_navigation():
        page.click("header form[action*=logout] button")
    assert "/auth/login" in page.url or page.locator("input[name=password]").count()
    login_page(page, email, password)
    page.click("nav.mainnav >> text=Giỏ điểm báo")
    items = page.locator("li.basket-item a.title").all_inner_texts()
    assert sorted(items) == sorted([first_title, second_title])
    screenshot(page, "basket")

    docx = download(page, "#basket-export button[data-format=docx]", tmp_path)
    document = open_docx(docx)
    text = "\n".join(p.text for p in document.paragraphs)
    assert first_title in text and second_title in text
    assert any("ĐIỂM BÁO" in p.text for p in document.paragraphs)
