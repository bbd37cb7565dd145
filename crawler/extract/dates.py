"""Publish times: structured values, the Vietnamese date line printed near the headline, htmldate.

Every result is an aware datetime in Asia/Ho_Chi_Minh. A time printed without an offset is local
(GMT+7): that is what Vietnamese outlets print, and reading it as UTC is the classic
seven-hours-off defect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from search.config import LOCAL_TZ

# Day first, as printed: "10/10/2023", "10-10-2023", "10.10.2023"; or ISO "2023-10-10".
_DMY = r"(?P<d>\d{1,2})\s?[/.-]\s?(?P<m>\d{1,2})\s?[/.-]\s?(?P<y>(?:19|20)\d{2})"
_YMD = r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
_WORDS = r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:năm|,)\s*(?P<y>(?:19|20)\d{2})"
_DATES = tuple(re.compile(rf"(?<!\d)(?:{pattern})(?!\d)", re.I) for pattern in (_DMY, _YMD, _WORDS))
# "14:30", "14:30:05", "2:30 PM", "2:30 CH" (chiều), "14h30", "14 giờ 30".
_TIME = re.compile(
    r"(?<![\d/.-])(?P<H>[01]?\d|2[0-3])\s?(?::|h|giờ\s?)(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?"
    r"(?:\s?(?P<ampm>AM|PM|SA|CH)\b)?(?![\d/])",
    re.I,
)
_OFFSET = re.compile(r"(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.I)
_UPDATE_LABEL = re.compile(r"cập\s*nhật|updated?|sửa\s*lúc|chỉnh\s*sửa|modified", re.I)
_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?\s*"
    r"(Z|[+-]\d{2}(?::?\d{2})?)?$",
    re.I,
)


def localize(moment: datetime) -> datetime:
    """Aware datetime in Asia/Ho_Chi_Minh; naive values are taken as local time."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=LOCAL_TZ)
    return moment.astimezone(LOCAL_TZ)


@dataclass(frozen=True)
class Stamp:
    """A parsed date with what the page said about it, so candidates can be compared."""

    moment: datetime
    has_time: bool
    explicit_utc: bool = False  # written as "Z"/"+00:00": possibly local time mislabelled
    wall: datetime | None = None  # the clock time as written, before any offset


def parse_iso_stamp(value: str) -> Stamp | None:
    """ISO 8601 as found in JSON-LD, meta tags and <time datetime> ("+07", "+0700", " +07:00")."""
    match = _ISO.match(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, offset = match.groups()
    try:
        wall = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return None
    if offset:
        if offset.upper() == "Z":
            tz = UTC
        else:
            digits = offset[1:].replace(":", "")
            delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
            tz = timezone(delta if offset[0] == "+" else -delta)
        moment = wall.replace(tzinfo=tz).astimezone(LOCAL_TZ)
        explicit_utc = tz.utcoffset(None) == timedelta(0)
    else:
        moment, explicit_utc = wall.replace(tzinfo=LOCAL_TZ), False
    return Stamp(moment, hour is not None, explicit_utc, wall)


def parse_iso(value: str) -> datetime | None:
    """ISO 8601 (or, failing that, a Vietnamese date line) → aware local datetime."""
    stamp = parse_iso_stamp(value)
    if stamp:
        return stamp.moment
    return parse_vietnamese(value)


def _offset(text: str) -> timezone | None:
    if match := _OFFSET.search(text):
        sign = -1 if match.group(1) == "-" else 1
        return timezone(sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0)))
    return None


def _build(date: re.Match[str], time: re.Match[str] | None, offset: timezone | None) -> datetime | None:
    hour = minute = second = 0
    if time:
        hour, minute, second = int(time.group("H")), int(time.group("M")), int(time.group("S") or 0)
        ampm = (time.group("ampm") or "").upper()
        if ampm in ("PM", "CH") and hour < 12:
            hour += 12
        elif ampm in ("AM", "SA") and hour == 12:
            hour = 0
    parts = {k: v for k, v in date.groupdict().items() if v}
    try:
        naive = datetime(int(parts["y"]), int(parts["m"]), int(parts["d"]), hour, minute, second)
    except (KeyError, ValueError):
        return None
    if offset is not None:
        return naive.replace(tzinfo=offset).astimezone(LOCAL_TZ)
    return naive.replace(tzinfo=LOCAL_TZ)


def _find_dates(text: str) -> list[re.Match[str]]:
    found = sorted((m for pattern in _DATES for m in pattern.finditer(text)), key=lambda m: m.start())
    kept: list[re.Match[str]] = []
    for match in found:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return kept


def parse_line(text: str) -> Stamp | None:
    """The publish date in one printed date line.

    Handles "Thứ Ba, 10/10/2023 - 14:30", "10/10/2023 14:30 (GMT+7)", "09:15 | 24/10/2023",
    "Thứ Tư, 07:02, 08/11/2023", "14h30 ngày 10/10/2023", "ngày 10 tháng 10 năm 2023". When a
    line holds a publish and an update date ("Đăng: … | Cập nhật: …") the update is skipped.
    """
    dates = _find_dates(text)
    if not dates:
        return None
    times = list(_TIME.finditer(text))
    offset = _offset(text)
    spans = []
    for date in dates:
        # The time that belongs to this date: the nearest one, within a short gap either side.
        near = [t for t in times if 0 <= t.start() - date.end() <= 14 or 0 <= date.start() - t.end() <= 14]
        time = min(
            near, key=lambda t: min(abs(t.start() - date.end()), abs(date.start() - t.end())), default=None
        )
        start = min(date.start(), time.start()) if time else date.start()
        spans.append((start, max(date.end(), time.end()) if time else date.end(), date, time))
    found: list[tuple[bool, Stamp]] = []
    previous_end = 0
    for start, end, date, time in spans:
        label, previous_end = text[previous_end:start], end
        moment = _build(date, time, offset)
        if moment:
            found.append((bool(_UPDATE_LABEL.search(label)), Stamp(moment, time is not None)))
    if not found:
        return None
    published = [stamp for is_update, stamp in found if not is_update]
    return (published or [stamp for _, stamp in found])[0]


def parse_vietnamese(text: str) -> datetime | None:
    """The publish day (with time if printed) in a Vietnamese date line."""
    stamp = parse_line(text)
    return stamp.moment if stamp else None


def is_update_line(text: str) -> bool:
    """A line that only gives a modification time ("Cập nhật: 10/10/2023 15:00")."""
    dates = _find_dates(text)
    return bool(dates and _UPDATE_LABEL.search(text[: dates[0].start()]))


def parse_rss_date(value: str) -> datetime | None:
    """RSS pubDate: RFC 822, ISO, or Báo Chính phủ's "3/1/2026 9:51:00 AM" (month first, local)."""
    value = value.strip()
    try:
        return localize(parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError):
        pass
    us = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$", value)
    if us:
        month, day, year, hour, minute, second, ampm = us.groups()
        swapped = f"{day}/{month}/{year} {hour}:{minute}:{second or '00'} {ampm or ''}"
        return parse_vietnamese(swapped)
    return parse_iso(value)
