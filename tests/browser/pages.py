"""Every page a logged-in admin can open, found the way a user finds them (menus, lists, forms).

Used by the phone-layout and English-interface tests, so a page added to the menu or to a list
is checked without editing those tests.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

MENU = "nav.mainnav"


def menu_urls(page) -> list[str]:
    """The main menu's links, in order (read from the DOM: visible or not)."""
    return page.eval_on_selector_all(f"{MENU} a", "links => links.map(a => a.href)")


def subscribe(page, base_url: str) -> str:
    """Create a daily subscription to the focus province through the form; return its preview URL."""
    page.goto(f"{base_url}/subscriptions/")
    page.click("form.sb-form button[type=submit]")
    page.wait_for_load_state("load")
    preview = page.locator(".sb-list a[href*='/digest/preview/']").last
    return urljoin(base_url, preview.get_attribute("href"))


def admin_page_urls(page, base_url: str) -> dict[str, str]:
    """name -> URL of every kind of page an admin can open (page must be logged in as admin)."""
    page.goto(f"{base_url}/")
    urls = {urlsplit(url).path: url for url in menu_urls(page)}
    page.goto(f"{base_url}/search?q=Bắc+Ninh")
    urls["article"] = urljoin(base_url, page.locator("a[href^='/articles/']").first.get_attribute("href"))
    urls["search with results"] = page.url
    page.goto(f"{base_url}/search?q=Bắc+Ninh&collapse=1")
    urls["story"] = urljoin(base_url, page.locator("a.story-spread").first.get_attribute("href"))
    page.goto(f"{base_url}/admin/outlets")
    urls["admin outlets"] = page.url
    page.goto(f"{base_url}/admin/topics")
    urls["admin topics"] = page.url
    urls["admin topic edit"] = urljoin(
        base_url, page.locator("a[href*='/admin/topics/edit/']").first.get_attribute("href")
    )
    urls["admin new topic"] = f"{base_url}/admin/topics/new"
    urls["admin units"] = f"{base_url}/followup/units"
    urls["change password"] = f"{base_url}/account/password"
    urls["digest preview"] = subscribe(page, base_url)
    urls["subscription edit"] = urljoin(
        base_url, page.locator(".sb-list a[href$='/edit']").last.get_attribute("href")
    )
    urls["outbox"] = f"{base_url}/digest/outbox"
    urls["not found"] = f"{base_url}/articles/no-such-article"
    return urls
