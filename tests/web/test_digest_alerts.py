"""Immediate alerts: negative articles about the focus province, stories carried by N outlets, new
matches of a saved search — each article or story alerted once, only after the subscription began."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.web.test_digest_support import (
    # noqa: F401 - shared fixtures
    TITLE_EARLY,
    TITLE_FDI,
    TITLE_LATE,
    add_subscription,
    doc,
    index,
    local,
    parts,
    save_search,
)
from web.db import connect, database_path
from web.digest.runner import run


@pytest.fixture
def app(digest_app):
    return digest_app  # tests/web/conftest.py: SMTP and the digest corpus


NOW = local(20, 9)


def test_negative_article_about_the_focus_province(app, smtp):
    add_subscription(app, frequency="immediate", alert_rule="negative", created=local(19, 0))
    report = run(app, now=NOW)
    assert report.alerts == 1 and report.delivery.sent == 1
    (message,) = smtp.messages
    assert message["Subject"] == f"[Cảnh báo] Bài tiêu cực — Tỉnh, thành Bắc Ninh: {TITLE_LATE}"
    text, html = parts(message)
    assert TITLE_LATE in text and TITLE_LATE in html
    assert TITLE_FDI not in text  # positive
    assert "ô nhiễm nước thải" not in text  # negative, but published before the subscription began
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert run(app, now=NOW + timedelta(minutes=5)).alerts == 0
    assert len(smtp.messages) == 1


def test_story_carried_by_n_outlets(app, smtp):
    add_subscription(app, frequency="immediate", alert_rule="story", min_outlets=3, created=local(19, 0))
    add_subscription(app, frequency="immediate", alert_rule="story", min_outlets=4, created=local(19, 0))
    report = run(app, now=NOW)
    assert report.alerts == 1
    (message,) = smtp.messages
    assert message["Subject"] == f"[Cảnh báo] 3 cơ quan báo chí cùng đưa tin: {TITLE_FDI}"
    text, html = parts(message)
    for outlet in ("VnExpress", "Tuổi Trẻ", "Thanh Niên"):
        assert outlet in text and outlet in html
    # A fourth outlet picks the story up: the N=4 subscription is alerted, the N=3 one not again.
    index(
        app,
        [
            doc(
                30,
                "Bắc Ninh hút vốn FDI kỷ lục",
                local(20, 8, 30),
                outlet="nhandan",
                story="s-fdi",
                topics=["Thu hút đầu tư"],
            )
        ],
    )
    report = run(app, now=NOW + timedelta(minutes=10))
    assert report.alerts == 1
    assert smtp.messages[-1]["Subject"].startswith("[Cảnh báo] 4 cơ quan báo chí cùng đưa tin")
    assert len(smtp.messages) == 2


def test_any_new_match_of_a_saved_search(app, smtp):
    _, email = add_subscription(app, email="bien-tap@tuyengiao.test", frequency="daily", created=local(1, 0))
    # Saved from the search page with a filter: the alert must honour the filter, not only the query.
    search_id = save_search(
        app, email, {"q": '"khu công nghiệp" OR FDI', "province": "Bắc Ninh"}, name="Theo dõi FDI"
    )
    subscription, _ = add_subscription(
        app,
        email=email,
        kind="saved_search",
        target=search_id,
        frequency="immediate",
        created=local(19, 9, 30),
    )
    run(app, now=NOW, day=None)
    alerts = [m for m in smtp.messages if m["Subject"].startswith("[Cảnh báo]")]
    (message,) = alerts
    assert message["Subject"] == "[Cảnh báo] 2 bài mới — Tìm kiếm “Theo dõi FDI”"
    text, _ = parts(message)
    assert TITLE_EARLY in text and "Vốn FDI đổ vào Bắc Ninh" in text  # 00:01 on the 20th, 10:00 on the 19th
    assert TITLE_FDI not in text  # 08:00 on the 19th: before the subscription began

    later = doc(31, "Khu công nghiệp Quế Võ đón nhà đầu tư mới", local(20, 9, 30), crawled=local(20, 9, 40))
    elsewhere = doc(
        32,
        "Khu công nghiệp Sóc Sơn mở rộng",
        local(20, 9, 35),
        provinces=["Hà Nội"],
        crawled=local(20, 9, 40),
    )
    index(app, [later, elsewhere])
    run(app, now=NOW + timedelta(hours=1))
    alerts = [m for m in smtp.messages if m["Subject"].startswith("[Cảnh báo]")]
    assert len(alerts) == 2 and later.title in alerts[-1]["Subject"]  # one article: not the Hà Nội one
    run(app, now=NOW + timedelta(hours=2))
    assert len([m for m in smtp.messages if m["Subject"].startswith("[Cảnh báo]")]) == 2


def test_an_article_crawled_late_counts_as_new(app, smtp):
    """Published before the subscription, crawled after: the alert still goes out."""
    add_subscription(app, frequency="immediate", alert_rule="negative", created=local(20, 8))
    index(
        app,
        [
            doc(
                40,
                "Bắc Ninh: cháy xưởng gỗ trong đêm",
                local(20, 2),
                tone="negative",
                crawled=local(20, 8, 30),
            )
        ],
    )
    run(app, now=NOW)
    (message,) = smtp.messages
    assert "cháy xưởng gỗ" in message["Subject"]


def test_paused_and_unsubscribed_get_nothing(app, smtp):
    subscription, _ = add_subscription(
        app, frequency="immediate", alert_rule="negative", created=local(19, 0)
    )
    with connect(database_path(app)) as db:
        db.execute("UPDATE subscriptions SET active = 0 WHERE id = ?", (subscription,))
        db.commit()
    assert run(app, now=NOW).alerts == 0 and not smtp.messages
