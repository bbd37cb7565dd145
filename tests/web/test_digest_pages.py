"""Digest pages: one-click unsubscribe (signed token, GET confirms, POST acts), preview, outbox admin."""

from __future__ import annotations

import re
from datetime import timedelta

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
    response = app.test_client().post(unsubscribe_path(smtp.messages[0]),
                                      data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and not active(app, subscription)
    run(app, now=NOW + timedelta(days=1))  # the next morning: nothing for this subscription
    assert len(smtp.messages) == 1


def test_tampered_tokens_are_refused(app):
    subscription, _ = add_subscription(app, created=local(19, 12))
    other, _ = add_subscription(app, created=local(19, 12))
    with app.app_context():
        secret = app.config["SECRET_KEY"]
    token = unsubscribe_token(secret, subscription, 1)
    payload, signature = token.split(".")
    forged_payload = unsubscribe_token("another-key", other, 2).split(".")[0]
    client = app.test_client()
    for bad in (f"{forged_payload}.{signature}", payload + "." + signature[::-1], "abc", payload,
                unsubscribe_token("another-key", subscription, 1)):
        assert client.get(f"/digest/unsubscribe/{bad}").status_code == 400
        assert client.post(f"/digest/unsubscribe/{bad}").status_code == 400
    wrong_user = unsubscribe_token(secret, subscription, 999)  # signed, but not this subscription's owner
    assert client.post(f"/digest/unsubscribe/{wrong_user}").status_code == 404
    assert active(app, subscription) and active(app, other)
    assert read_unsubscribe_token(secret, token) == (subscription, 1)


def test_unsubscribing_cancels_a_mail_still_waiting_in_the_outbox(app, smtp):
    subscription, _ = add_subscription(app, created=local(19, 12))
    run(app, now=NOW, send=False)
    with app.app_context():
        token = unsubscribe_token(app.config["SECRET_KEY"], subscription, 1)
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
