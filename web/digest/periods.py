"""Digest periods: the local days a daily or weekly digest covers, and when each one is due.

A daily digest covers one whole local day (Asia/Ho_Chi_Minh, 00:00 to 24:00) and is sent the
next morning at the subscription's ``send_at``; a weekly digest covers Monday to Sunday and is
sent on the following Monday at ``send_at``. ``Period.key`` names the period in the outbox.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from search.document import LOCAL_TZ

FREQUENCIES = ("daily", "weekly", "immediate")
SEND_AT = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def parse_send_at(value: str) -> time:
    match = SEND_AT.match(value or "")
    if not match:
        raise ValueError(f"send_at must be HH:MM (00:00-23:59), not {value!r}")
    return time(int(match.group(1)), int(match.group(2)))


@dataclass(frozen=True)
class Period:
    frequency: str  # "daily" or "weekly"
    start: date  # first covered local day
    end: date  # last covered local day, inclusive

    @property
    def key(self) -> str:
        if self.frequency == "daily":
            return f"daily:{self.start.isoformat()}"
        year, week, _ = self.start.isocalendar()
        return f"weekly:{year}-W{week:02d}"

    @property
    def label(self) -> str:
        if self.frequency == "daily":
            return f"ngày {self.start:%d/%m/%Y}"
        return f"tuần {self.start:%d/%m} – {self.end:%d/%m/%Y}"

    def previous(self) -> Period:
        length = (self.end - self.start).days + 1
        return Period(self.frequency, self.start - timedelta(days=length), self.end - timedelta(days=length))

    def next(self) -> Period:
        length = (self.end - self.start).days + 1
        return Period(self.frequency, self.start + timedelta(days=length), self.end + timedelta(days=length))

    def send_time(self, send_at: str) -> datetime:
        """When the period's digest is due: the day after its last day, at ``send_at`` local."""
        return datetime.combine(self.end + timedelta(days=1), parse_send_at(send_at), LOCAL_TZ)

    def bounds(self) -> tuple[datetime, datetime]:
        """[start, end) as local instants."""
        return (
            datetime.combine(self.start, time.min, LOCAL_TZ),
            datetime.combine(self.end + timedelta(days=1), time.min, LOCAL_TZ),
        )


def period_containing(frequency: str, day: date) -> Period:
    """The daily period of ``day``, or the Monday-to-Sunday week around it.

    Immediate subscriptions preview as a daily digest of their scope.
    """
    if frequency == "weekly":
        monday = day - timedelta(days=day.weekday())
        return Period("weekly", monday, monday + timedelta(days=6))
    return Period("daily", day, day)


def period_ending(frequency: str, day: date) -> Period | None:
    """The period whose last day is ``day`` (weekly: only when ``day`` is a Sunday)."""
    if frequency == "daily":
        return Period("daily", day, day)
    if frequency == "weekly" and day.weekday() == 6:
        return period_containing("weekly", day)
    return None


def latest_complete(frequency: str, now: datetime) -> Period:
    """The most recent period that has ended by ``now`` (yesterday, or last week)."""
    today = now.astimezone(LOCAL_TZ).date()
    return period_containing(
        frequency, today - timedelta(days=1 if frequency != "weekly" else today.weekday() + 1)
    )


def due_periods(
    frequency: str, send_at: str, now: datetime, *, not_before: datetime, catchup: timedelta
) -> list[Period]:
    """Periods whose send time has passed, but not before ``not_before`` nor longer ago than ``catchup``.

    A restart after an outage shorter than ``catchup`` sends what was missed; older periods are
    not sent (their news is stale). Oldest first.
    """
    if frequency not in ("daily", "weekly"):
        return []
    period = latest_complete(frequency, now)
    if period.send_time(send_at) > now:
        period = period.previous()
    due: list[Period] = []
    while True:
        sent_at = period.send_time(send_at)
        if sent_at <= now - catchup or sent_at < not_before:
            break
        due.append(period)
        period = period.previous()
    return due[::-1]
