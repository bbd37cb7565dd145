"""The web review's remaining findings (issue 16, item 15), each on the user's path: the real
server over HTTP, real SMTP (aiosmtpd) where mail is involved.

* a display name with CR/LF cannot forge mail headers; the account form refuses it;
* temporary passwords are shown once and never travel in the session cookie;
* when the index is down, staff read "index unavailable", not the Elasticsearch URL and error;
* the SMTP password is not sent without TLS unless explicitly allowed;
* an account has a bounded number of subscriptions.
"""

from __future__ import annotations

import json
import logging
import re

import pytest
from flask.sessions import SecureCookieSessionInterface

from tests.helpers import make_user
from tests.web.live import Browser, serving
from tests.web.test_digest_support import (
    SMTP_PASSWORD,
    SMTP_USER,
    SMTPSink,
    add_subscription,
    corpus,
    free_port,
    index,
    local,
    make_app,
)
from web.db import connect, database_path
from web.digest.runner import run


@pytest.fixture
def app(digest_app):
    return digest_app  # tests/web/conftest.py: SMTP and the digest corpus


NOW = local(20, 7, 5)
PASSWORD = "mat-khau-123"  # tests.helpers.make_user's


def admin_browser(app, base: str) -> Browser:
    email, password = make_user(app, "admin")
    browser = Browser(base)
    assert browser.login(email, password).status_code == 302
    return browser


def test_the_account_form_refuses_a_name_with_line_breaks(app):
    with serving(app) as base:
        admin = admin_browser(app, base)
        for name in ("An\r\nBcc: victim@evil.example", "Bình\n", "Chi\tTab"):
            response = admin.post_form(
                "/admin/users", {"email": "moi@btg.vn", "name": name, "role": "viewer"}
            )
            assert response.status_code == 400 and "xuống dòng" in response.text, name
    with connect(database_path(app)) as db:
        assert db.execute("SELECT count(*) FROM users WHERE email = 'moi@btg.vn'").fetchone()[0] == 0


def test_a_stored_name_with_line_breaks_cannot_forge_mail_headers(app, smtp):
    """Names stored before the form checked them: the mail still goes, headers intact."""
    first, _ = add_subscription(app, created=local(19, 12), name="An\r\n\r\nThư giả mạo")
    second, _ = add_subscription(app, created=local(19, 12), name="Bình\nBcc: victim@evil.example")
    report = run(app, now=NOW)
    assert report.delivery.sent == 2, report.delivery.errors
    recipients = [rcpt for _, rcpts, _ in smtp.handler.received for rcpt in rcpts]
    assert "victim@evil.example" not in recipients and len(recipients) == 2
    for message in smtp.messages:
        assert message["Subject"].startswith("Điểm báo ngày 19/11/2026")  # the header block is whole
        assert message["Bcc"] is None and message["From"].addresses[0].addr_spec == "diem-bao@tuyengiao.test"
        assert "\n" not in message["To"].addresses[0].display_name
    names = sorted(m["To"].addresses[0].display_name for m in smtp.messages)
    assert names == ["An Thư giả mạo", "Bình Bcc: victim@evil.example"]


def _session_values(app, browser: Browser) -> str:
    """Everything the browser's session cookie holds, decoded with the app's key."""
    serializer = SecureCookieSessionInterface().get_signing_serializer(app)
    return json.dumps(serializer.loads(browser.cookies["session"]), ensure_ascii=False, default=str)


def test_temporary_passwords_are_shown_once_and_never_stored_in_the_session(app):
    with serving(app) as base:
        admin = admin_browser(app, base)
        created = admin.post_form("/admin/users", {"email": "tam@btg.vn", "name": "Tâm", "role": "viewer"})
        assert created.status_code == 201 and created.headers["Cache-Control"] == "no-store"
        password = re.search(r"chỉ hiện một lần\): ([A-Za-z0-9]{12})", created.text).group(1)
        assert password not in _session_values(app, admin)
        assert password not in admin.get("/admin/users").text  # once
        with connect(database_path(app)) as db:
            user_id = db.execute("SELECT id FROM users WHERE email = 'tam@btg.vn'").fetchone()[0]
        reset = admin.post_form(f"/admin/users/{user_id}/password", {}, token_from="/admin/users")
        new = re.search(r"chỉ hiện một lần\): ([A-Za-z0-9]{12})", reset.text).group(1)
        assert new != password and new not in _session_values(app, admin)
        assert Browser(base).login("tam@btg.vn", new).status_code == 302


@pytest.fixture
def index_down(tmp_path, monkeypatch):
    """An app whose Elasticsearch (with credentials in its URL) does not answer."""
    from presswatch.app import create_app
    from search.config import SearchConfig

    url = f"http://elastic:geheim-7781@127.0.0.1:{free_port()}"
    monkeypatch.setenv("PRESSWATCH_DATA_DIR", str(tmp_path))
    config = SearchConfig.from_env(
        {"PRESSWATCH_DATA_DIR": str(tmp_path), "PRESSWATCH_ELASTICSEARCH_URL": url}
    )
    return create_app(
        {"PRESSWATCH_DATA_DIR": tmp_path, "PRESSWATCH_SEARCH": config, "SECRET_KEY": "index-down"}
    ), url


def test_staff_read_index_unavailable_not_the_url_or_the_error(index_down, caplog):
    app, url = index_down
    port = url.rsplit(":", 1)[1]
    email, password = make_user(app, "admin")
    caplog.set_level(logging.WARNING, logger="web.services")
    with serving(app) as base:
        browser = Browser(base)
        assert browser.login(email, password).status_code == 302
        for path in ("/", "/search?q=giao+th%C3%B4ng", "/operations/", "/reports/?q=x"):
            response = browser.get(path)
            assert response.status_code == 503, path
            assert "tạm thời không truy cập được" in response.text, path
            for secret in ("geheim-7781", f":{port}", "unreachable", "Connection"):
                assert secret not in response.text, (path, secret)
    logged = caplog.text
    assert "unreachable" in logged and "geheim-7781" not in logged  # the detail, without the password


def test_the_smtp_password_is_not_sent_without_tls():
    sink = SMTPSink(auth=True).start()  # a server that offers AUTH on a plain connection
    try:
        settings = {"PRESSWATCH_SMTP_USERNAME": SMTP_USER, "PRESSWATCH_SMTP_PASSWORD": SMTP_PASSWORD}
        app = make_app(sink, **settings)
        index(app, corpus())
        add_subscription(app, created=local(19, 12))
        report = run(app, now=NOW)
        assert report.delivery.sent == 0 and "without TLS" in report.delivery.errors[0]
        assert sink.handler.sessions == [] and not sink.messages
        app.config["PRESSWATCH_SMTP_ALLOW_PLAIN_LOGIN"] = "1"  # a server on this machine: explicit
        app.config["PRESSWATCH_SMTP_RETRY_AFTER"] = "0"
        report = run(app, now=NOW.replace(minute=30))
        assert report.delivery.sent == 1, report.delivery.errors
        assert sink.handler.sessions == [{"tls": False, "auth": True, "login": SMTP_USER.encode()}]
    finally:
        sink.stop()


def test_an_account_has_a_bounded_number_of_subscriptions(smtp):
    app = make_app(smtp, PRESSWATCH_MAX_SUBSCRIPTIONS=3)
    email, password = make_user(app, "viewer")
    form = {
        "kind": "province",
        "frequency": "daily",
        "send_at": "07:00",
        "alert_rule": "match",
        "min_outlets": "3",
    }
    with serving(app) as base:
        browser = Browser(base)
        assert browser.login(email, password).status_code == 302
        for province in ("Bắc Ninh", "Hà Nội", "Lạng Sơn"):
            assert browser.post_form("/subscriptions/", {**form, "province": province}).status_code == 302
        refused = browser.post_form("/subscriptions/", {**form, "province": "Thái Nguyên"})
        assert refused.status_code == 400 and "tối đa 3 đăng ký" in refused.text
    with connect(database_path(app)) as db:
        assert db.execute("SELECT count(*) FROM subscriptions").fetchone()[0] == 3
