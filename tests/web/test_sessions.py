"""Sessions and logins against the real server (waitress on 127.0.0.1, HTTP from ``requests``):
logout ends copied cookies, cookie flags, a password hash for unknown addresses, the login
throttle per account and per client behind a trusted proxy."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest

from tests.helpers import make_user
from tests.web.live import Browser, serving
from web.db import connect, database_path


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from presswatch.app import create_app

    data_dir = tmp_path_factory.mktemp("sessions")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PRESSWATCH_DATA_DIR", str(data_dir))
        patch.setenv("PRESSWATCH_BASE_URL", "https://presswatch.example")  # cookies Secure by default
        patch.setenv("PRESSWATCH_TRUSTED_PROXIES", "1")
        patch.setenv("PRESSWATCH_LOGIN_LIMIT_ACCOUNT", "3 per minute")
        patch.setenv("PRESSWATCH_LOGIN_LIMIT_IP", "8 per minute")
        patch.delenv("PRESSWATCH_SECURE_COOKIES", raising=False)
        patch.delenv("PRESSWATCH_ELASTICSEARCH_URL", raising=False)
        app = create_app({"PRESSWATCH_DATA_DIR": data_dir, "SECRET_KEY": "sessions-test"})
    with serving(app) as base:
        yield base, app


def test_logout_ends_copied_session_and_remember_me_cookies(server):
    base, app = server
    email, password = make_user(app, "viewer")
    browser = Browser(base)
    assert browser.login(email, password, remember=True).status_code == 302
    assert {"session", "remember_token"} <= set(browser.cookies)
    copied = dict(browser.cookies)
    thief = Browser(base)
    thief.cookies = dict(copied)
    assert thief.request("GET", "/search").status_code == 200  # a copy works while logged in

    logout = browser.request("POST", "/auth/logout", data={"csrf_token": browser.token("/search")})
    assert logout.status_code == 302

    for cookies in (copied, {"remember_token": copied["remember_token"]}):
        replay = Browser(base)
        replay.cookies = dict(cookies)
        response = replay.request("GET", "/search")
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"], cookies
    # Logging in again works, with a new session.
    assert Browser(base).login(email, password).status_code == 302


def test_session_and_remember_me_cookies_are_secure_samesite_and_short(server):
    base, app = server
    email, password = make_user(app, "viewer")
    response = Browser(base).login(email, password, remember=True)
    headers = {h.split("=", 1)[0]: h for h in response.raw.headers.getlist("Set-Cookie")}
    for name in ("session", "remember_token"):
        flags = [part.strip().lower() for part in headers[name].split(";")]
        assert "secure" in flags and "httponly" in flags and "samesite=lax" in flags, headers[name]
    expires = parsedate_to_datetime(re.search(r"Expires=([^;]+)", headers["remember_token"]).group(1))
    assert expires - datetime.now(UTC) < timedelta(days=15)


def test_secure_cookies_follow_the_base_url_unless_set(monkeypatch):
    from web.security import cookie_config

    monkeypatch.delenv("PRESSWATCH_SECURE_COOKIES", raising=False)
    assert cookie_config("http://127.0.0.1:5000")["REMEMBER_COOKIE_SECURE"] is False
    assert cookie_config("https://presswatch.example")["SESSION_COOKIE_SECURE"] is True
    monkeypatch.setenv("PRESSWATCH_SECURE_COOKIES", "0")
    assert cookie_config("https://presswatch.example")["REMEMBER_COOKIE_SECURE"] is False
    monkeypatch.setenv("PRESSWATCH_SECURE_COOKIES", "1")
    assert cookie_config("http://127.0.0.1:5000")["SESSION_COOKIE_SECURE"] is True


def test_unknown_and_disabled_addresses_cost_a_password_hash_too(server, monkeypatch):
    """Not a timing assert: each refused login runs the password hasher exactly once, so an
    unknown address takes as long as a known one."""
    import web.auth

    base, app = server
    calls = []
    real = web.auth.check_password_hash
    monkeypatch.setattr(
        web.auth, "check_password_hash", lambda stored, given: calls.append(stored) or real(stored, given)
    )
    known, _ = make_user(app, "viewer")
    disabled, _ = make_user(app, "viewer")
    with connect(database_path(app)) as db:
        db.execute("UPDATE users SET active = 0 WHERE email = ?", (disabled,))
    for address, client in ((known, "10.1.0.1"), (f"khong-co-{known}", "10.1.0.2"), (disabled, "10.1.0.3")):
        calls.clear()
        assert Browser(base, client).login(address, "sai-mat-khau").status_code == 401
        assert len(calls) == 1 and calls[0].startswith(("scrypt:", "pbkdf2:")), address


def test_one_colleagues_typos_do_not_lock_out_another_behind_the_same_proxy(server):
    base, app = server
    typist, _ = make_user(app, "viewer")
    colleague, password = make_user(app, "viewer")
    office = "10.2.0.1"  # the whole office's address, as the proxy reports it
    statuses = [Browser(base, office).login(typist, "sai-mat-khau").status_code for _ in range(5)]
    assert statuses == [401, 401, 401, 429, 429]  # the account's limit: 3 failures a minute
    assert Browser(base, office).login(colleague, password).status_code == 302


def test_the_client_limit_counts_each_client_behind_the_trusted_proxy(server):
    base, app = server
    guesser, neighbour = "10.3.0.1", "10.3.0.2"
    statuses = [Browser(base, guesser).login(f"doan-{n}@example.vn", "x").status_code for n in range(10)]
    assert statuses[:8] == [401] * 8 and statuses[8:] == [429, 429]  # 8 failures a minute per client
    email, password = make_user(app, "viewer")
    assert Browser(base, neighbour).login(email, password).status_code == 302
