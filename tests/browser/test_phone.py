"""In Chromium at 390×844 (a phone), logged in as an admin: every main-menu entry can be reached
(on screen, or after opening a menu toggle), no page scrolls sideways, and date fields bring up a
keyboard that has "/" (or are native date pickers)."""

from __future__ import annotations

import pytest

from tests.browser.pages import MENU, admin_page_urls, menu_urls
from tests.helpers import make_user

PHONE = {"width": 390, "height": 844}
# Keyboards without "/": digits only (numeric), digits and a decimal separator, a phone dial pad.
NO_SLASH = ("numeric", "decimal", "tel")


@pytest.fixture
def phone_admin(live_server, _chromium, login_page):
    context = _chromium.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    email, password = make_user(live_server.app, "admin")
    login_page(page, email, password)
    yield page
    context.close()


def reachable(page, href: str) -> bool:
    """On screen, inside the viewport, and the element a tap at its centre lands on."""
    link = page.locator(f"{MENU} a[href='{href}']")
    if not link.is_visible():
        return False
    return page.evaluate(
        """link => {
      const box = link.getBoundingClientRect();
      if (box.width < 1 || box.left < 0 || box.right > window.innerWidth) return false;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit !== null && (hit === link || link.contains(hit));
    }""",
        link.element_handle(),
    )


def test_every_menu_entry_is_reachable_on_a_phone(live_server, phone_admin, screenshot):
    page = phone_admin
    page.goto(f"{live_server.url}/")
    hrefs = page.eval_on_selector_all(f"{MENU} a", "links => links.map(a => a.getAttribute('href'))")
    # an admin's menu: dashboard … administration, whatever entries are added later
    assert {
        "/",
        "/search",
        "/followup/",
        "/subscriptions/",
        "/reports/",
        "/operations/",
        "/admin/users",
    } <= set(hrefs)
    for href in hrefs:
        page.goto(f"{live_server.url}/")
        if not reachable(page, href):
            toggle = page.locator("[aria-controls=mainnav-list]")
            if toggle.count() and toggle.is_visible():
                toggle.click()
        assert reachable(page, href), f"menu entry {href} cannot be reached at 390 px"
        with page.expect_navigation():
            page.locator(f"{MENU} a[href='{href}']").click()
        assert page.url.rstrip("/").endswith(href.rstrip("/")) or href == "/"
    page.goto(f"{live_server.url}/")
    screenshot(page, "menu-phone", full_page=False)


def test_no_page_is_wider_than_a_phone(live_server, phone_admin, screenshot):
    page = phone_admin
    urls = admin_page_urls(page, live_server.url)
    assert len(menu_urls(page)) >= 7
    too_wide = {}
    for name, url in urls.items():
        page.goto(url)
        page.wait_for_load_state("load")
        # The layout viewport (clientWidth), not window.innerWidth: on a mobile browser innerWidth
        # grows with content wider than the screen, so a 408 px page measured 408 = 408 and passed.
        width, viewport = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if width > viewport:
            too_wide[name] = width
            screenshot(page, f"too-wide-{name.strip('/').replace('/', '-') or 'home'}", full_page=False)
    assert not too_wide, f"pages wider than the {PHONE['width']} px screen: {too_wide}"


def test_date_fields_offer_a_slash(live_server, phone_admin):
    page = phone_admin
    checked = 0
    for path in ("/", "/search", "/reports/", "/search?q=Bắc+Ninh"):
        page.goto(f"{live_server.url}{path}")
        for field in page.locator("input.dateinput, input[type=date], input[placeholder='dd/mm/yyyy']").all():
            kind, mode = field.get_attribute("type"), field.get_attribute("inputmode")
            assert kind == "date" or mode not in NO_SLASH, (path, field.get_attribute("name"), mode)
            checked += 1
    assert checked >= 3
