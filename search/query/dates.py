"""``published:`` values: parsing, and resolution to whole epoch seconds all backends share.

Every date filter resolves to a half-open interval ``[lo, hi)`` of integer epoch seconds (UTC),
either end optional. A document matches when ``lo <= floor(published_at) < hi``; because both
bounds are whole seconds this is the same as comparing the exact timestamp, so SQLite
(``published_ts`` integer seconds), Elasticsearch (millisecond ``date``) and Python agree.
Calendar values are whole local days, months or years in Asia/Ho_Chi_Minh.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from search.document import LOCAL_TZ
from search.query.ast import DateRange, DateValue

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MIN_YEAR, MAX_YEAR = 1900, 2999
MAX_OFFSET = 100 * 366 * 86_400
_UNITS = {"h": 3_600, "d": 86_400, "w": 7 * 86_400}
_CALENDAR = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
# dd/mm/yyyy (and d/m/yyyy): how the app, and Vietnamese usage, write every date it shows.
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
# mm/yyyy (and m/yyyy): a whole month, as staff write one ("tháng 03/2026").
_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{4})")
_NOW = re.compile(r"now(?:([+-])(\d{1,9})([hdw]))?", re.IGNORECASE)
_COMPARISON = re.compile(r"(>=|<=|>|<)?(.*)", re.DOTALL)


class DateSyntaxError(ValueError):
    """Raised with a Vietnamese and an English explanation; the parser adds the column."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


def epoch_seconds(moment: datetime) -> int:
    """Whole seconds since the epoch, rounded down: what ``articles.published_ts`` must hold."""
    if moment.tzinfo is None:
        raise ValueError("datetime must be timezone-aware")
    return (moment - EPOCH) // timedelta(seconds=1)


def parse_value(text: str) -> DateValue:
    """``2025``, ``2025-03`` (= ``03/2025``, ``3/2025``), ``2025-03-01`` (= ``01/03/2025``,
    ``1/3/2025``), ``now``, ``now-7d``, ``now+12h``, ``now-2w``."""
    m = _NOW.fullmatch(text)
    if m:
        sign, amount, unit = m.groups()
        offset = 0 if sign is None else int(amount) * _UNITS[unit.lower()] * (-1 if sign == "-" else 1)
        if abs(offset) > MAX_OFFSET:
            raise DateSyntaxError(
                "khoảng thời gian quá lớn (tối đa 100 năm)", "offset too large (100 years max)"
            )
        return DateValue(now_offset=offset)
    m = _CALENDAR.fullmatch(text)
    dmy = None if m else _DAY_MONTH_YEAR.fullmatch(text)
    my = None if m or dmy else _MONTH_YEAR.fullmatch(text)
    if m:
        year_text, month_text, day_text = m.groups()
    elif dmy:
        day_text, month_text, year_text = dmy.groups()
    elif my:
        (month_text, year_text), day_text = my.groups(), None
        if not 1 <= int(month_text) <= 12:
            raise DateSyntaxError(
                f"tháng '{text}' không tồn tại (tháng từ 1 đến 12)",
                f"month '{text}' does not exist (1 to 12)",
            )
    else:
        raise DateSyntaxError(
            f"'{text}' không phải ngày; dùng dd/mm/yyyy, mm/yyyy, YYYY-MM-DD, YYYY-MM, YYYY hoặc now-7d",
            f"'{text}' is not a date; use dd/mm/yyyy, mm/yyyy, YYYY-MM-DD, YYYY-MM, YYYY or now-7d",
        )
    year = int(year_text)  # the pattern always captures four digits
    month, day = (int(g) if g else None for g in (month_text, day_text))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateSyntaxError(
            f"năm {year} ngoài khoảng {MIN_YEAR}–{MAX_YEAR}", f"year {year} outside {MIN_YEAR}–{MAX_YEAR}"
        )
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        raise DateSyntaxError(f"ngày '{text}' không tồn tại", f"'{text}' is not a valid date") from None
    return DateValue(year=year, month=month, day=day)


def parse_comparison(text: str, source: str) -> DateRange:
    """``published:`` followed by ``[>=|>|<|<=]value``."""
    match = _COMPARISON.fullmatch(text)
    assert match is not None  # the pattern matches every string
    op, rest = match.groups()
    if not rest:
        raise DateSyntaxError("thiếu ngày sau toán tử so sánh", "expected a date after the comparison")
    value = parse_value(rest)
    if op is None:
        if value.now_offset is not None:
            raise DateSyntaxError(
                "dùng published:>=now-7d hoặc published:[now-7d TO now]",
                "use published:>=now-7d or published:[now-7d TO now]",
            )
        return DateRange(lower=value, lower_edge="start", upper=value, upper_edge="end", source=source)
    if op in (">=", ">"):
        return DateRange(lower=value, lower_edge="start" if op == ">=" else "end", source=source)
    return DateRange(upper=value, upper_edge="end" if op == "<=" else "start", source=source)


def _local_start(year: int, month: int, day: int) -> int:
    return epoch_seconds(datetime(year, month, day, tzinfo=LOCAL_TZ))


def period(value: DateValue, now_ts: int) -> tuple[int, int]:
    """The value as ``[start, end)`` epoch seconds; an instant is its own one-second period."""
    if value.now_offset is not None:
        instant = now_ts + value.now_offset
        return instant, instant + 1
    year, month, day = value.year, value.month, value.day
    assert year is not None  # a calendar value always has its year (parse_value)
    start = _local_start(year, month or 1, day or 1)
    if day is not None:
        assert month is not None
        following = date(year, month, day) + timedelta(days=1)
        return start, _local_start(following.year, following.month, following.day)
    if month is not None:
        return start, _local_start(year + month // 12, month % 12 + 1, 1)
    return start, _local_start(year + 1, 1, 1)


def resolve(node: DateRange, now: datetime | None = None) -> tuple[int | None, int | None]:
    """``[lo, hi)`` in epoch seconds (either may be None = open); ``now`` defaults to the clock."""
    now_ts = epoch_seconds(now if now is not None else datetime.now(UTC))
    lo = hi = None
    if node.lower is not None:
        start, end = period(node.lower, now_ts)
        lo = start if node.lower_edge == "start" else end
    if node.upper is not None:
        start, end = period(node.upper, now_ts)
        hi = end if node.upper_edge == "end" else start
    return lo, hi


def iso(ts: int) -> str:
    """ISO-8601 with the local offset, e.g. ``2025-03-01T00:00:00+07:00`` (for Elasticsearch)."""
    return datetime.fromtimestamp(ts, LOCAL_TZ).isoformat()
