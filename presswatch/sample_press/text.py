"""Small text helpers: template filling, slugs, Vietnamese number and date formats."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Mapping
from datetime import UTC, datetime

_INLINE = re.compile(r"\[\[([^\[\]]+)\]\]")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")
WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")
_EN_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Slots(dict[str, str]):
    """Template values; a missing slot is a bug in the phrase data, so it raises."""

    def __missing__(self, key: str) -> str:
        raise KeyError(f"template slot {{{key}}} has no value")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def capitalize(text: str) -> str:
    """Upper-case the first letter (after any opening quote)."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
        if ch not in "“\"‘'(":
            return text
    return text


def with_capitals(values: Mapping[str, str]) -> Slots:
    """Every string slot also as ``Key`` with its first letter upper-cased."""
    slots = Slots(values)
    for key, value in values.items():
        if isinstance(value, str) and key[:1].islower():
            slots[key[0].upper() + key[1:]] = capitalize(value)
    return slots


def fill(template: str, slots: Mapping[str, str], rng: random.Random) -> str:
    """Choose one of ``a || b``, then each ``[[x|y]]``, then fill ``{slots}``; tidy spaces."""
    choice = rng.choice(template.split("||")).strip()
    choice = _INLINE.sub(lambda m: rng.choice(m.group(1).split("|")), choice)
    text = choice.format_map(slots)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", text)).strip()
    return nfc(text)


def slugify(text: str, limit: int = 90) -> str:
    """ASCII slug as Vietnamese CMSs make them: accents folded, đ→d, words joined by '-'."""
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def fold(text: str) -> str:
    """Lower-case, accents removed, đ→d, punctuation to spaces: for comparing texts."""
    text = unicodedata.normalize("NFKD", nfc(text).replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def number(value: int) -> str:
    """1234567 → '1.234.567'."""
    return f"{value:,}".replace(",", ".")


def decimal(value: float, places: int = 1) -> str:
    """12.5 → '12,5'."""
    return f"{value:.{places}f}".replace(".", ",")


def round_significant(value: int, digits: int = 3) -> int:
    if value < 10**digits:
        return value
    step: int = 10 ** (len(str(value)) - digits)  # a non-negative power: an int
    return round(value / step) * step


def rfc822(moment: datetime, utc: bool = False) -> str:
    """'Tue, 10 Oct 2023 09:15:00 +0700' (or in GMT), independent of the process locale."""
    if utc:
        moment = moment.astimezone(UTC)
        zone = "GMT"
    else:
        offset = moment.utcoffset()
        minutes = int(offset.total_seconds() // 60) if offset else 0
        sign = "+" if minutes >= 0 else "-"
        zone = f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
    return (
        f"{_EN_DAYS[moment.weekday()]}, {moment.day:02d} {_EN_MONTHS[moment.month - 1]} {moment.year} "
        f"{moment:%H:%M:%S} {zone}"
    )


def us_datetime(moment: datetime) -> str:
    """Báo Chính phủ's feed format: '3/1/2026 9:51:00 AM' (month first, local time, no zone)."""
    hour = moment.hour % 12 or 12
    half = "AM" if moment.hour < 12 else "PM"
    return f"{moment.month}/{moment.day}/{moment.year} {hour}:{moment:%M:%S} {half}"


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")
