"""In Chromium, in English: an admin switches the interface to English and opens every page they
can reach; no heading, table header, label, button or menu entry stays in Vietnamese.

Content stays in its own language: article titles, outlet and topic names and the digest mail are
Vietnamese data, marked ``lang="vi"`` in the page, and are not checked.
"""

from __future__ import annotations

import re

from tests.browser.pages import admin_page_urls
from tests.helpers import make_user

# Letters only Vietnamese uses (English text never has them).
VIETNAMESE = re.compile(r"[ăâđêôơưàảãạằắẳẵặầấẩẫậèẻẽẹềếểễệìỉĩịòỏõọồốổỗộờớởỡợùủũụừứửữựỳỷỹỵ]", re.IGNORECASE)
# The focus province and examples of Vietnamese search queries (quoted) are not interface words.
PROPER_NAMES = re.compile(r"Bắc Ninh|Tiếng Việt|\"[^\"]*\"|“[^”]*”")
# The interface's own words: headings, column headers, form labels and legends, buttons, menus.
CHROME = (
    "h1, h2, h3, thead th, legend, label, button, summary, nav a, .tabs a, .flash, "
    "input[type=submit], [placeholder]"
)

COLLECT = """selector => [...document.querySelectorAll(selector)].map(element => {
  const copy = element.cloneNode(true);
  copy.querySelectorAll('[lang=vi], select, datalist, textarea').forEach(e => e.remove());
  const text = element.matches('[placeholder]') ? element.getAttribute('placeholder') : copy.textContent;
  const words = text.replace(/\\s+/g, ' ').trim();
  return element.closest('[lang=vi]') ? '' : `${element.tagName.toLowerCase()}: ${words}`;
})"""


def vietnamese_chrome(page) -> list[str]:
    return [text for text in page.evaluate(COLLECT, CHROME) if VIETNAMESE.search(PROPER_NAMES.sub("", text))]


def test_every_admin_page_is_in_english(live_server, browser_page, login_page, screenshot):
    page = browser_page
    email, password = make_user(live_server.app, "admin")
    login_page(page, email, password)
    with page.expect_navigation():
        page.click(".langswitch button[value=en]")
    assert page.locator("html").get_attribute("lang") == "en"
    urls = admin_page_urls(page, live_server.url)
    assert {"/", "/search", "/subscriptions/", "/reports/", "/operations/", "/admin/users"} <= set(urls)
    left: dict[str, list[str]] = {}
    for name, url in urls.items():
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == "en", name
        if found := vietnamese_chrome(page):
            left[name] = found
    screenshot(page, "outbox-en")
    assert not left, "Vietnamese left in English mode:\n" + "\n".join(
        f"{name}: {texts}" for name, texts in left.items()
    )


def test_login_page_in_english(live_server, browser_page):
    page = browser_page
    page.goto(f"{live_server.url}/auth/login")
    with page.expect_navigation():
        page.click(".langswitch button[value=en]")
    assert page.locator("html").get_attribute("lang") == "en"
    assert not vietnamese_chrome(page)
