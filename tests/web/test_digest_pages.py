"""Digest pages: one-click unsubscribe (signed token, GET confirms, POST acts), preview, outbox admin."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from tests.helpers import logged_in_client, login
from tests.web.test_digest_support import (
    # noqa: F401 - shared fixtures
    TITLE_LATE,
    add_subscription,
    local,
    outbox_rows,
)
from web.db import connect, database_path
from web.digest.message import read_unsubscribe_token, unsubscribe_token
from web.digest.runner import run


@pytest.fixture
def app(digest_app):
    return digest_app  # tests/web/conftest.py: SMTP and the digest corpus


NOW = local(20, 7, 5)


def active(app, subscription: int) -> bool:
    with connect(database_path(app)) as db:
        row = db.execute("SELECT active FROM subscriptions WHERE id = ?", (subscription,)).fetchone()
        return bool(row[0])


def unsubscribe_path(message) -> str:
    return message["List-Unsubscribe"][1:-1].removeprefix("http://presswatch.test")


def test_get_confirms_post_unsubscribes(app, smtp):
    subscription, _ = add_subscription(app, created=local(19, 12))
    run(app, now=NOW)
    path = unsubscribe_path(smtp.messages[0])
    client = app.test_client()  # no login: the token is the credential
    page = client.get(path)
    assert page.status_code == 200 and "Hủy đăng ký" in page.get_data(as_text=True)
    assert '<form method="post"' in page.get_data(as_text=True)
    assert active(app, subscription)  # a prefetching mail scanner changes nothing
    done = client.post(path)  # the confirm button: no CSRF token needed
    assert done.status_code == 200 and "Đã hủy đăng ký" in done.get_data(as_text=True)
    assert not active(app, subscription)
    assert "đã được hủy trước đó" in client.get(path).get_data(as_text=True)


def test_one_click_post_from_a_mail_client(app, smtp):
    subscription, _ = add_subscription(app, created=local(19, 12))
    run(app, now=NOW)
    response = app.test_client().post(
        unsubscribe_path(smtp.messages[0]), data={"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200 and not active(app, subscription)
    run(app, now=NOW + timedelta(days=1))  # the next morning: nothing for this subscription
    assert len(smtp.messages) == 1


def subscription_token(app, subscription: int) -> str:
    with connect(database_path(app)) as db:
        return db.execute("SELECT token FROM subscriptions WHERE id = ?", (subscription,)).fetchone()[0]


def test_tampered_tokens_are_refused(app):
    subscription, _ = add_subscription(app, created=local(19, 12))
    other, _ = add_subscription(app, created=local(19, 12))
    secret = app.config["SECRET_KEY"]
    own, others = subscription_token(app, subscription), subscription_token(app, other)
    assert len(own) == 32 and own != others  # random, one per subscription
    token = unsubscribe_token(secret, own)
    payload, timestamp, signature = token.split(".")
    forged_payload = unsubscribe_token("another-key", others).split(".")[0]
    client = app.test_client()
    for bad in (
        f"{forged_payload}.{timestamp}.{signature}",
        f"{payload}.{timestamp}.{signature[::-1]}",
        "abc",
        payload,
        unsubscribe_token("another-key", own),
    ):
        assert client.get(f"/digest/unsubscribe/{bad}").status_code == 400
        assert client.post(f"/digest/unsubscribe/{bad}").status_code == 400
    unknown = unsubscribe_token(secret, "0" * 32)  # signed, but no such subscription
    assert client.post(f"/digest/unsubscribe/{unknown}").status_code == 404
    assert active(app, subscription) and active(app, other)
    assert read_unsubscribe_token(secret, token, 90) == own


def test_unsubscribing_cancels_a_mail_still_waiting_in_the_outbox(app, smtp):
    subscription, _ = add_subscription(app, created=local(19, 12))
    run(app, now=NOW, send=False)
    token = unsubscribe_token(app.config["SECRET_KEY"], subscription_token(app, subscription))
    app.test_client().post(f"/digest/unsubscribe/{token}")
    report = run(app, now=NOW)
    assert report.delivery.cancelled == 1 and not smtp.messages
    assert outbox_rows(app)[0]["status"] == "cancelled"


def test_preview_page_shows_the_mail(app):
    client = logged_in_client(app)
    with connect(database_path(app)) as db:
        email = db.execute("SELECT email FROM users").fetchone()[0]
    subscription, _ = add_subscription(app, email=email)
    page = client.get(f"/digest/preview/{subscription}?date=2026-11-19")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Điểm báo ngày 19/11/2026" in html and "List-Unsubscribe-Post" in html
    assert 'sandbox="allow-same-origin allow-popups' in html and "allow-scripts" not in html
    assert "srcdoc=" in html and "&lt;base target=&#34;_blank&#34;&gt;" in html
    assert TITLE_LATE.replace(":", "") in html.replace(":", "")  # in the text part and the iframe
    assert "Kỳ trước (ngày 18/11/2026)" in html
    other, _ = add_subscription(app)  # someone else's
    assert client.get(f"/digest/preview/{other}").status_code == 404


def test_outbox_page_is_for_admins(app, smtp):
    add_subscription(app, created=local(19, 12))
    smtp.stop()
    run(app, now=NOW)
    viewer = logged_in_client(app, "viewer")
    assert viewer.get("/digest/outbox").status_code == 403
    admin = logged_in_client(app, "admin")
    page = admin.get("/digest/outbox?status=failed").get_data(as_text=True)
    assert "ConnectionRefusedError" in page and 'data-status="failed"' in page
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    (row,) = outbox_rows(app)
    assert admin.post(f"/digest/outbox/{row['id']}/retry").status_code == 400  # CSRF
    assert admin.post(f"/digest/outbox/{row['id']}/retry", data={"csrf_token": token}).status_code == 302
    assert viewer.post(f"/digest/outbox/{row['id']}/retry").status_code in (400, 403)


def test_login_page_links_work_for_the_recipient(app, smtp):
    """The article link in the mail asks for a login, then opens the article."""
    _, email = add_subscription(app, created=local(19, 12))
    run(app, now=NOW)
    html = smtp.messages[0].get_body(preferencelist=("html",)).get_content()
    article = re.search(r'href="http://presswatch\.test(/articles/[0-9a-f]+)"', html).group(1)
    client = app.test_client()
    response = client.get(article)
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    login(client, email, "mat-khau-123")
    assert client.get(article).status_code == 200


def test_a_link_dies_with_its_subscription_even_when_the_id_comes_back(app, smtp):
    """The user deletes a subscription and makes a new one, which SQLite numbers as the old one:
    the link in the old mail must not unsubscribe the new subscription."""
    from tests.web.live import Browser, serving

    subscription, email = add_subscription(app, created=local(19, 12))
    run(app, now=NOW)
    old_link = unsubscribe_path(smtp.messages[0])
    with serving(app) as base:
        browser = Browser(base)
        assert browser.login(email, "mat-khau-123").status_code == 302
        deleted = browser.post_form(f"/subscriptions/{subscription}/delete", {}, token_from="/subscriptions/")
        assert deleted.status_code == 302
        created = browser.post_form(
            "/subscriptions/",
            {
                "kind": "province",
                "province": "Hà Nội",
                "frequency": "daily",
                "send_at": "07:00",
                "alert_rule": "match",
                "min_outlets": "3",
            },
        )
        assert created.status_code == 302
        with connect(database_path(app)) as db:
            new_id = db.execute("SELECT id FROM subscriptions WHERE target = 'Hà Nội'").fetchone()[0]
        assert new_id == subscription  # the same row id, given again
        response = Browser(base).request("POST", old_link)
        assert response.status_code == 404 and "không còn tồn tại" in response.text
    assert active(app, new_id)


def test_an_old_link_expires(app, smtp):
    from datetime import UTC, datetime

    from tests.web.live import Browser, serving

    subscription, _ = add_subscription(app, created=local(19, 12))
    run(app, now=NOW)
    fresh = unsubscribe_path(smtp.messages[0])
    token = subscription_token(app, subscription)
    issued = datetime.now(UTC) - timedelta(days=91)  # the default lifetime is 90 days
    stale = f"/digest/unsubscribe/{unsubscribe_token(app.config['SECRET_KEY'], token, issued)}"
    with serving(app) as base:
        assert Browser(base).get(fresh).status_code == 200  # the mail's own link is good
        expired = Browser(base).request("POST", stale)
        assert expired.status_code == 410 and "hết hạn" in expired.text
    assert active(app, subscription)
