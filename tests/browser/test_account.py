"""In Chromium: a user changes their own password from the menu (current password required, the
strength rule, CSRF), which ends their session on another computer but not on this one; and the
help page /huong-dan, linked from the menu, in Vietnamese and in English."""

from __future__ import annotations

from tests.helpers import make_user


def _fill_password_form(page, current: str, new: str, confirm: str | None = None) -> None:
    page.fill("input[name=current]", current)
    page.fill("input[name=new]", new)
    page.fill("input[name=confirm]", new if confirm is None else confirm)
    with page.expect_navigation():
        page.click("form.password-form button[type=submit]")


def test_user_changes_own_password_and_other_sessions_end(
    live_server, browser_page, login_page, _chromium, screenshot
):
    page = browser_page
    email, password = make_user(live_server.app, "viewer")
    other = _chromium.new_context()  # the same account logged in on another computer
    try:
        elsewhere = other.new_page()
        login_page(elsewhere, email, password)
        login_page(page, email, password)
        page.click("a.account-link")
        assert page.url.endswith("/account/password")

        _fill_password_form(page, "not-my-password", "Rong-bay-2026")
        assert "Mật khẩu hiện tại không đúng." in page.inner_text("main")
        _fill_password_form(page, password, "abcdefghijkl")  # one kind of character only
        assert "hai loại ký tự" in page.inner_text("main")
        local = email.partition("@")[0]
        _fill_password_form(page, password, f"{local}-2026")
        assert "không được chứa địa chỉ email" in page.inner_text("main")
        _fill_password_form(page, password, "Rong-bay-2026", "Rong-bay-2025")
        assert "không khớp" in page.inner_text("main")

        # A form posted without its CSRF token (another site's form) changes nothing.
        forged = page.request.post(
            f"{live_server.url}/account/password",
            form={"current": password, "new": "Forged-pass-99", "confirm": "Forged-pass-99"},
        )
        assert forged.status == 400

        _fill_password_form(page, password, "Rong-bay-2026")
        assert "Đã đổi mật khẩu" in page.inner_text(".flash")
        screenshot(page, "password-changed", full_page=False)
        page.goto(f"{live_server.url}/followup/")  # this browser is still logged in
        assert "/auth/login" not in page.url

        elsewhere.goto(f"{live_server.url}/followup/")  # the other computer's session has ended
        assert "/auth/login" in elsewhere.url
    finally:
        other.close()

    # The old password no longer opens the account; the new one does.
    fresh = _chromium.new_context()
    try:
        tab = fresh.new_page()
        tab.goto(f"{live_server.url}/auth/login")
        tab.fill("input[name=email]", email)
        tab.fill("input[name=password]", password)
        with tab.expect_navigation():
            tab.click("main form button[type=submit]")
        assert "/auth/login" in tab.url
        tab.fill("input[name=password]", "Rong-bay-2026")
        with tab.expect_navigation():
            tab.click("main form button[type=submit]")
        assert "/auth/login" not in tab.url
    finally:
        fresh.close()


def test_help_page_from_the_menu_in_both_languages(live_server, browser_page, login_page, screenshot):
    page = browser_page
    email, password = make_user(live_server.app, "viewer")
    login_page(page, email, password)
    page.click("nav.mainnav a:has-text('Hướng dẫn')")
    assert page.url.endswith("/huong-dan")
    assert page.locator("h1").inner_text() == "Hướng dẫn sử dụng Presswatch"
    headings = page.locator("main h2").all_inner_texts()
    assert any("hằng ngày" in h for h in headings) and any("truy vấn" in h for h in headings)
    assert any("trạng thái" in h for h in headings)
    states = page.locator("table.help-states tbody td:first-child").all_inner_texts()
    assert states == ["Mới", "Đã xem", "Cần xử lý", "Đã chuyển", "Đã phản hồi", "Đã đóng"]
    # The query examples run: the first one opens a search.
    example = page.locator(".cheatsheet-table a").first
    assert "/search?q=" in example.get_attribute("href")
    screenshot(page, "help-vi")

    with page.expect_navigation():
        page.click(".langswitch button[value=en]")
    assert page.url.endswith("/huong-dan")
    assert page.locator("h1").inner_text() == "Presswatch user guide"
    assert page.locator("table.help-states tbody td:first-child").all_inner_texts()[3] == "Forwarded"
    assert page.locator("nav.mainnav a[aria-current=page]").inner_text() == "Help"
