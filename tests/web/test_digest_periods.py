"""Digest periods in Asia/Ho_Chi_Minh: what a digest covers and when it is due."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from search.document import LOCAL_TZ
from web.digest.periods import (
    Period,
    due_periods,
    latest_complete,
    parse_send_at,
    period_containing,
    period_ending,
)

CATCHUP = timedelta(hours=36)
LONG_AGO = datetime(2026, 1, 1, tzinfo=UTC)


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=LOCAL_TZ)


def test_daily_period_is_a_whole_local_day():
    period = period_containing("daily", date(2026, 11, 19))
    start, end = period.bounds()
    assert (start, end) == (local(19, 0), local(20, 0))
    assert start.astimezone(UTC) == datetime(2026, 11, 18, 17, 0, tzinfo=UTC)
    assert period.key == "daily:2026-11-19" and period.label == "ngày 19/11/2026"
    assert period.send_time("07:00") == local(20, 7)


def test_weekly_period_is_monday_to_sunday():
    period = period_containing("weekly", date(2026, 11, 19))
    assert (period.start, period.end) == (date(2026, 11, 16), date(2026, 11, 22))
    assert period.key == "weekly:2026-W47" and period.label == "tuần 16/11 – 22/11/2026"
    assert period.previous() == Period("weekly", date(2026, 11, 9), date(2026, 11, 15))
    assert period_ending("weekly", date(2026, 11, 22)) == period
    assert period_ending("weekly", date(2026, 11, 21)) is None


def test_daily_due_at_send_time_local():
    assert due_periods("daily", "07:00", local(20, 6, 59), not_before=local(19, 12), catchup=CATCHUP) == []
    (due,) = due_periods("daily", "07:00", local(20, 7, 0), not_before=local(19, 12), catchup=CATCHUP)
    assert due.start == date(2026, 11, 19)
    # 00:30 UTC on the 20th is 07:30 local: already due, though the UTC date says otherwise
    (due,) = due_periods(
        "daily", "07:00", datetime(2026, 11, 20, 0, 30, tzinfo=UTC), not_before=local(19, 12), catchup=CATCHUP
    )
    assert due.start == date(2026, 11, 19)


def test_catch_up_is_bounded():
    keys = [p.key for p in due_periods("daily", "07:00", local(20, 9), not_before=LONG_AGO, catchup=CATCHUP)]
    assert keys == ["daily:2026-11-18", "daily:2026-11-19"]
    keys = [
        p.key
        for p in due_periods("daily", "07:00", local(20, 9), not_before=LONG_AGO, catchup=timedelta(hours=3))
    ]
    assert keys == ["daily:2026-11-19"]
    assert due_periods("daily", "07:00", local(20, 9), not_before=local(20, 8), catchup=CATCHUP) == []


def test_weekly_due_on_monday():
    assert due_periods("weekly", "07:00", local(22, 23), not_before=LONG_AGO, catchup=CATCHUP) == []
    (due,) = due_periods("weekly", "07:00", local(23, 7, 1), not_before=LONG_AGO, catchup=CATCHUP)
    assert due.key == "weekly:2026-W47"
    assert due_periods("weekly", "07:00", local(25, 7), not_before=LONG_AGO, catchup=CATCHUP) == []
    assert latest_complete("weekly", local(25, 7)).key == "weekly:2026-W47"


def test_immediate_has_no_periods_and_send_at_is_checked():
    assert due_periods("immediate", "07:00", local(20, 9), not_before=LONG_AGO, catchup=CATCHUP) == []
    for bad in ("7:00", "24:00", "07:60", "", "0700"):
        with pytest.raises(ValueError):
            parse_send_at(bad)
