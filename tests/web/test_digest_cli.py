"""`presswatch digest send|preview` against a real SMTP server."""

from __future__ import annotations

import email
from email.policy import default

import pytest

from presswatch.commands.digest import digest_group
from tests.web.test_digest_support import (
    # noqa: F401 - shared fixtures
    TITLE_EARLY,
    TITLE_LATE,
    add_subscription,
    local,
)


@pytest.fixture
def app(digest_app):
    return digest_app  # tests/web/conftest.py: SMTP and the digest corpus


def test_send_with_a_date_twice_sends_once(app, smtp):
    add_subscription(app)
    cli = app.test_cli_runner()
    first = cli.invoke(digest_group, ["send", "--date", "2026-11-19", "--no-alerts"])
    assert first.exit_code == 0, first.output
    assert "1 digests and 0 alerts queued; 1 sent" in first.output
    second = cli.invoke(digest_group, ["send", "--date", "2026-11-19", "--no-alerts"])
    assert second.exit_code == 0 and "0 digests" in second.output and "0 sent" in second.output
    (message,) = smtp.messages
    assert message["X-Presswatch-Period"] == "daily:2026-11-19"


def test_send_exits_1_when_the_server_is_down(app, smtp):
    add_subscription(app)
    smtp.stop()
    result = app.test_cli_runner().invoke(digest_group, ["send", "--date", "2026-11-19"])
    assert result.exit_code == 1
    assert "1 failed (will retry)" in result.output and "ConnectionRefusedError" in result.output


def test_preview_prints_and_writes(app, smtp, tmp_path):
    subscription, email_address = add_subscription(app, created=local(19, 12))
    html_path, eml_path = tmp_path / "digest.html", tmp_path / "digest.eml"
    result = app.test_cli_runner().invoke(
        digest_group,
        [
            "preview",
            "--subscription",
            str(subscription),
            "--date",
            "2026-11-20",
            "--html",
            str(html_path),
            "--eml",
            str(eml_path),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Subject: Điểm báo ngày 20/11/2026 — Tỉnh, thành Bắc Ninh: 1 bài viết" in result.output
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in result.output
    assert TITLE_EARLY in result.output and TITLE_LATE not in result.output
    assert TITLE_EARLY in html_path.read_text(encoding="utf-8")
    parsed = email.message_from_bytes(eml_path.read_bytes(), policy=default)
    assert email_address in parsed["To"]
    assert not smtp.messages  # a preview sends nothing


def test_preview_of_an_unknown_subscription(app):
    result = app.test_cli_runner().invoke(digest_group, ["preview", "--subscription", "999"])
    assert result.exit_code != 0 and "No subscription 999" in result.output
