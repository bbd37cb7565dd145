"""Exactly once on a real SMTP server: repeated and concurrent runs, the server going away, a crash
between the server's acceptance and our bookkeeping, STARTTLS and SSL with a self-signed certificate."""

from __future__ import annotations

import ssl
import threading
from collections import Counter
from datetime import timedelta

import pytest

from tests.web.test_digest_support import (
    # noqa: F401 - shared fixtures
    SMTP_PASSWORD,
    SMTP_USER,
    SMTPSink,
    add_subscription,
    corpus,
    index,
    local,
    make_app,
    outbox_rows,
    self_signed_cert,
)
from web.digest import outbox
from web.digest.runner import run


@pytest.fixture
def app(digest_app):
    return digest_app  # tests/web/conftest.py: SMTP and the digest corpus


NOW = local(20, 7, 5)


def ids(sink: SMTPSink) -> Counter:
    return Counter(m["Message-ID"] for m in sink.messages)


def test_running_twice_for_the_same_period_sends_one_mail(app, smtp):
    add_subscription(app, created=local(19, 12))
    first = run(app, now=NOW)
    second = run(app, now=NOW + timedelta(minutes=1))
    third = run(app, now=NOW, day=local(19, 0).date())  # `digest send --date 2026-11-19`
    assert (first.delivery.sent, second.delivery.sent, third.delivery.sent) == (1, 0, 0)
    assert (second.digests, third.digests) == (0, 0)
    assert len(smtp.messages) == 1


def test_concurrent_runs_send_each_mail_once(app, smtp):
    for n in range(6):
        add_subscription(app, email=f"can-bo-{n}@tuyengiao.test", created=local(19, 12))
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait()
            run(app, now=NOW)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    assert len(smtp.messages) == 6 and set(ids(smtp).values()) == {1}
    assert {row["status"] for row in outbox_rows(app)} == {"sent"}


def test_smtp_down_mid_batch_then_back_delivers_every_mail_once(app, smtp):
    for n in range(5):
        add_subscription(app, email=f"can-bo-{n}@tuyengiao.test", created=local(19, 12))
    smtp.handler.accept_limit = 2  # the server takes two mails, then answers 421 and closes
    report = run(app, now=NOW)
    assert report.delivery.sent == 2 and report.delivery.failed == 1 and report.delivery.left == 2
    smtp.stop()  # and now it is gone altogether
    report = run(app, now=NOW + timedelta(hours=1))
    assert report.delivery.sent == 0 and report.delivery.failed == 1 and report.delivery.left == 2
    assert "ConnectionRefusedError" in report.delivery.errors[0]
    rows = outbox_rows(app)
    assert Counter(r["status"] for r in rows) == {"sent": 2, "failed": 1, "pending": 2}

    smtp.handler.accept_limit = None
    smtp.start()  # back on the same port
    report = run(app, now=NOW + timedelta(hours=2))
    assert report.delivery.sent == 3 and not report.delivery.errors
    assert len(smtp.messages) == 5 and set(ids(smtp).values()) == {1}
    assert {r["status"] for r in outbox_rows(app)} == {"sent"}
    assert run(app, now=NOW + timedelta(hours=3)).delivery.sent == 0
    assert len(smtp.messages) == 5


def test_failed_mail_waits_for_its_backoff(app, smtp):
    add_subscription(app, created=local(19, 12))
    smtp.stop()
    run(app, now=NOW)
    (row,) = outbox_rows(app)
    assert row["status"] == "failed" and row["attempts"] == 1
    assert row["next_attempt_at"] == outbox.ts(NOW + timedelta(seconds=60))  # first retry after 1 min
    smtp.start()
    assert run(app, now=NOW + timedelta(seconds=30)).delivery.sent == 0  # not due yet
    assert run(app, now=NOW + timedelta(seconds=61)).delivery.sent == 1


def test_crash_after_the_server_accepted_resends_with_the_same_message_id(app, smtp, monkeypatch):
    """The at-least-once window (docs/OPERATIONS.md): accepted by the server, not yet marked sent."""
    add_subscription(app, created=local(19, 12))
    real_mark_sent = outbox.mark_sent

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("process killed")

    monkeypatch.setattr(outbox, "mark_sent", crash)
    with pytest.raises(KeyboardInterrupt):
        run(app, now=NOW)
    monkeypatch.setattr(outbox, "mark_sent", real_mark_sent)
    assert [r["status"] for r in outbox_rows(app)] == ["sending"]
    assert run(app, now=NOW + timedelta(minutes=5)).delivery.sent == 0  # still leased to the dead run
    assert run(app, now=NOW + timedelta(minutes=11)).delivery.sent == 1  # lease over: sent again
    assert len(smtp.messages) == 2 and len(ids(smtp)) == 1  # a duplicate the client can recognise


def test_permanent_refusal_is_abandoned_and_shown(app, smtp):
    add_subscription(app, created=local(19, 12))

    async def refuse(server, session, envelope, address, options):
        return "550 5.1.1 No such user"

    smtp.handler.handle_RCPT = refuse
    report = run(app, now=NOW)
    assert report.delivery.abandoned == 1
    (row,) = outbox_rows(app)
    assert row["status"] == "abandoned" and "550" in row["last_error"]


@pytest.fixture
def tls(tmp_path):
    cert, key = self_signed_cert(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return cert, context


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_tls_and_login(tls, security):
    cert, context = tls
    sink = SMTPSink(tls_context=context, implicit_tls=security == "ssl", auth=True).start()
    try:
        app = make_app(
            sink,
            PRESSWATCH_SMTP_SECURITY=security,
            PRESSWATCH_SMTP_CA_FILE=str(cert),
            PRESSWATCH_SMTP_USERNAME=SMTP_USER,
            PRESSWATCH_SMTP_PASSWORD=SMTP_PASSWORD,
        )
        index(app, corpus())
        add_subscription(app, created=local(19, 12))
        report = run(app, now=NOW)
        assert report.delivery.sent == 1, report.delivery.errors
        assert sink.handler.sessions == [{"tls": True, "auth": True, "login": SMTP_USER.encode()}]
        assert sink.messages[0]["Subject"].startswith("Điểm báo ngày 19/11/2026")
    finally:
        sink.stop()


def test_untrusted_certificate_and_wrong_password_fail_visibly(tls):
    cert, context = tls
    sink = SMTPSink(tls_context=context, auth=True).start()
    try:
        app = make_app(
            sink,
            PRESSWATCH_SMTP_SECURITY="starttls",
            PRESSWATCH_SMTP_USERNAME=SMTP_USER,
            PRESSWATCH_SMTP_PASSWORD=SMTP_PASSWORD,
        )  # no CA file: the system store
        index(app, corpus())
        add_subscription(app, created=local(19, 12))
        report = run(app, now=NOW)
        assert report.delivery.sent == 0 and "CERTIFICATE_VERIFY_FAILED" in report.delivery.errors[0]
        app.config.update(PRESSWATCH_SMTP_CA_FILE=str(cert), PRESSWATCH_SMTP_PASSWORD="sai-mat-khau")
        report = run(app, now=NOW + timedelta(hours=1))
        assert report.delivery.sent == 0 and "login failed" in report.delivery.errors[0]
        assert outbox_rows(app)[0]["status"] == "failed" and not sink.messages
    finally:
        sink.stop()
