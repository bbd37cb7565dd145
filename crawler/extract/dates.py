"""Publish times: structured values first, then the Vietnamese date lines printed on the page."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# "10/10/2023 14:30", "Thứ Ba, 10/10/2023 - 14:30", "09:15 | 24/10/2023", "10/10/2023, 14:30 (GMT+7)",
# "Cập nhật: 10/10/2023 14:30", "10-10-2023 14:30", "ngày 10/10/2023".
_DATE = r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"
_TIME = r"(?P<H>\d{1,2})[:hg](?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>[AaPp][Mm])?"
_DATE_THEN_TIME = re.compile(_DATE + r"(?:[^\d]{0,6}?" + _TIME + r")?")
_TIME_THEN_DATE = re.compile(_TIME + r"[^\d]{0,6}?" + _DATE)
_OFFSET = re.compile(r"(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.I)


def localize(moment: datetime) -> datetime:
    """Aware datetime in Asia/Ho_Chi_Minh; naive values are taken as local time."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=LOCAL_TZ)
    return moment.astimezone(LOCAL_TZ)


def parse_iso(value: str) -> datetime | None:
    """ISO 8601 as found in JSON-LD and meta tags ("2023-10-10T14:30:00+07:00", "...Z", "+0700")."""
    value = value.strip()
    if not value:
        return None
    value = re.sub(r"Z$", "+00:00", value)
    value = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", value)
    value = re.sub(r"([+-]\d{2})$", r"\1:00", value)  # VTV writes "+07"
    try:
        return localize(datetime.fromisoformat(value))
    except ValueError:
        return parse_vietnamese(value)


def _build(groups: dict[str, str | None], offset: timezone | None) -> datetime | None:
    try:
        hour = int(groups.get("H") or 0)
        ampm = (groups.get("ampm") or "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        naive = datetime(int(groups["y"]), int(groups["m"]), int(groups["d"]), hour,
                         int(groups.get("M") or 0), int(groups.get("S") or 0))
    except (TypeError, ValueError):
        return None
    if offset is not None:
        return naive.replace(tzinfo=offset).astimezone(LOCAL_TZ)
    return naive.replace(tzinfo=LOCAL_TZ)


def parse_vietnamese(text: str) -> datetime | None:
    """The first day/month/year (with time if printed) in a Vietnamese date line."""
    offset = None
    if match := _OFFSET.search(text):
        sign = -1 if match.group(1) == "-" else 1
        offset = timezone(sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0)))
    candidates = [m for m in (_TIME_THEN_DATE.search(text), _DATE_THEN_TIME.search(text)) if m]
    if not candidates:
        return None
    # Prefer the reading that includes a time; then the earliest in the text.
    candidates.sort(key=lambda m: (m.groupdict().get("H") is None, m.start()))
    return _build(candidates[0].groupdict(), offset)


def parse_rss_date(value: str) -> datetime | None:
    """RSS pubDate: RFC 822, ISO, or Báo Chính phủ's "3/1/2026 9:51:00 AM" (month first, local)."""
    from email.utils import parsedate_to_datetime

    value = value.strip()
    try:
        return localize(parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError):
        pass
    us = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$", value)
    if us:
        month, day, year, hour, minute, second, ampm = us.groups()
        return _build({"d": day, "m": month, "y": year, "H": hour, "M": minute, "S": second,
                       "ampm": ampm}, None)
    return parse_iso(value)
