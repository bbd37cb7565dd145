"""The security headers in a real browser: another site cannot frame the app, and the pages still
work under the strict policy (no inline script: the confirm before a password reset comes from
/static/app.js)."""

from __future__ import annotations

from tests.helpers import make_user
from web.db import connect, database_path


def test_another_site_cannot_frame_the_login_or_admin_pages(live_server, browser_page):
    page = browser_page
    blocked = []
    page.on(
        "console", lambda message: blocked.append(message.text) if "frame-ancestors" in message.text else None
    )
    # about:blank with the frame: an origin other than the app's, as a hostile page would be.
    page.set_content(
        f'<iframe id="f1" src="{live_server.url}/auth/login"></iframe>'
        f'<iframe id="f2" src="{live_server.url}/admin/users"></iframe>'
    )
    page.wait_for_timeout(1500)  # frames load or are refused; nothing to wait on in a refused frame
    for frame in page.frames[1:]:
        assert "csrf_token" not in frame.content()  # the login form never rendered inside the frame
    assert len(blocked) >= 2, blocked


def test_a_password_reset_asks_first_under_the_strict_policy(live_server, browser_page, login_page):
    page = browser_page
    admin_email, admin_password = make_user(live_server.app, "admin")
    email, _ = make_user(live_server.app, "viewer")
    with connect(database_path(live_server.app)) as db:
        before = db.execute("SELECT password_hash FROM users WHERE email = ?", (email,)).fetchone()[0]
    login_page(page, admin_email, admin_password)
    page.goto(f"{live_server.url}/admin/users")
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.click(f'tr[data-email="{email}"] button:has-text("Đặt lại")')
    page.wait_for_timeout(300)
    assert asked and "mật khẩu mới" in asked[0].lower()
    with connect(database_path(live_server.app)) as db:
        after = db.execute("SELECT password_hash FROM users WHERE email = ?", (email,)).fetchone()[0]
    assert after == before  # dismissed: nothing was reset
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.click(f'tr[data-email="{email}"] button:has-text("Đặt lại")')
    assert "chỉ hiện một lần" in page.inner_text("main")
    assert not [e for e in page.console_errors if "Content Security Policy" in e], page.console_errors
