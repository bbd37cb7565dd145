"""Template filters and labels (dates as dd/mm/yyyy in Asia/Ho_Chi_Minh, numbers, code labels),
and the security headers of the dashboard, search and article pages.

The ``*_LABELS`` dicts stay plain Vietnamese strings (exports and emails may use them as they
are); templates show them through ``tone_label``/``kind_label``/``facet_label``, which translate
at render time into the reader's language.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from flask import Flask, current_app
from flask_babel import format_decimal, gettext

from search.config import LOCAL_TZ
from search.document import UNCLASSIFIED_KIND, Document
from web.i18n import N_

TONE_LABELS = {"negative": N_("Tiêu cực"), "neutral": N_("Trung tính"), "positive": N_("Tích cực")}
KIND_LABELS = {
    "central-daily": N_("Báo trung ương"),
    "central-online": N_("Báo điện tử trung ương"),
    "provincial-party-paper": N_("Báo Đảng địa phương"),
    "provincial-tv": N_("Đài PT-TH địa phương"),
    "trade-magazine": N_("Báo, tạp chí ngành"),
    "agency": N_("Thông tấn"),
    "provincial-press-agency": N_("Báo và PT-TH tỉnh (hợp nhất 2025)"),
    UNCLASSIFIED_KIND: N_("Chưa phân loại"),
}
FACET_LABELS = {
    "outlet": N_("Cơ quan báo chí"),
    "group": N_("Cơ quan báo chí (gộp sáp nhập)"),
    "kind": N_("Loại hình"),
    "province": N_("Tỉnh, thành"),
    "topic": N_("Chủ đề"),
    "tone": N_("Sắc thái"),
}
# The dates a search, a dashboard or a digest may ask for: wide enough for any archive, narrow
# enough that a period (a day, a week, a comparison window) around them never overflows ``date``.
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2100, 12, 31)
ROLE_LABELS = {"viewer": N_("Người xem"), "editor": N_("Biên tập viên"), "admin": N_("Quản trị viên")}


def local_datetime(value: datetime | date | None, with_time: bool = True) -> str:
    """dd/mm/yyyy [HH:MM] in Viet Nam time, whatever the interface language."""
    if value is None:
        return ""
    if not isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    value = value.astimezone(LOCAL_TZ)
    return value.strftime("%d/%m/%Y %H:%M" if with_time else "%d/%m/%Y")


def published_text(document: Document, time_first: bool = False) -> str:
    """When a document was published, as its page stated it: a day-only date (``published_precision``
    "day") shows no time - its stored midnight is not a time anyone printed."""
    moment = document.published_at.astimezone(LOCAL_TZ)
    if document.published_day_only:
        return moment.strftime("%d/%m/%Y")
    return moment.strftime("%H:%M %d/%m/%Y" if time_first else "%d/%m/%Y %H:%M")


def published_iso(document: Document) -> str:
    """The machine-readable form for <time datetime>: a valid date string for a day-only date."""
    if document.published_day_only:
        return document.published_at.astimezone(LOCAL_TZ).date().isoformat()
    return document.published_at.isoformat()


def day_time(value: datetime | None) -> str:
    """dd/mm HH:MM in Viet Nam time, for lists where the year goes without saying."""
    return value.astimezone(LOCAL_TZ).strftime("%d/%m %H:%M") if value is not None else ""


def local_today() -> date:
    """Today in Viet Nam, whatever the server's time zone."""
    return datetime.now(LOCAL_TZ).date()


def parse_date(value: str | None) -> date | None:
    """A date typed as dd/mm/yyyy (the Vietnamese way; "-" or "." also work) or given as ISO
    yyyy-mm-dd in links; None when empty, not a real date, or outside ``MIN_DATE``..``MAX_DATE``."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            year, month, day = (int(p) for p in text.split("-"))
        elif match := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text):
            day, month, year = (int(p) for p in match.groups())
        else:
            return None
        parsed = date(year, month, day)
    except ValueError:
        return None
    return parsed if MIN_DATE <= parsed <= MAX_DATE else None


def short_date(value: date | None) -> str:
    """dd/mm for chart axes, where the year is in the caption."""
    return value.strftime("%d/%m") if value else ""


def number(value: int | float) -> str:
    """1.234 in Vietnamese, 1,234 in English."""
    return format_decimal(value)


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def tone_label(value: str) -> str:
    return gettext(TONE_LABELS[value]) if value in TONE_LABELS else value


def kind_label(value: str) -> str:
    return gettext(KIND_LABELS[value]) if value in KIND_LABELS else value


def is_former_province(value: str) -> bool:
    """A pre-2025 unit that is no unit since 1 July 2025 ("Bắc Giang", now in Bắc Ninh): the
    province facet lists old and new names together (``Document.provinces`` holds both, so a
    filter on either finds the article), and marks these so staff do not read them as provinces
    of today."""
    from search.analysis.gazetteer import default_gazetteer

    g = default_gazetteer()
    return value not in g.new_units and g.resolve(value) is not None


def facet_label(name: str) -> str:
    return gettext(FACET_LABELS[name]) if name in FACET_LABELS else name


def role_label(name: str) -> str:
    return gettext(ROLE_LABELS[name]) if name in ROLE_LABELS else name


# Set by `presswatch demo` only, while its sample press runs: (the stable origin its articles are
# indexed under, the address it listens on now). No server answers the stable origin in a browser
# (http://sample-press.localhost has no port), so the pages link the live address instead. A link,
# not a redirect route: nothing here takes a URL from a request, so it cannot become an open redirect.
SAMPLE_PRESS_LIVE = "PRESSWATCH_SAMPLE_PRESS_LIVE"


def original_url(url: str) -> str:
    """Where an article's "Bài gốc" link points: its URL, except under the demo's sample press
    origin, which becomes the running sample press's address. Every real outlet's URL is unchanged."""
    live = current_app.config.get(SAMPLE_PRESS_LIVE)
    if live and url:
        origin, address = (str(part).rstrip("/") for part in live)
        if url.startswith(origin + "/"):  # the origin itself, not a longer host name
            return address + url[len(origin) :]
    return url


def init_app(app: Flask) -> None:
    app.jinja_env.filters["vn_datetime"] = local_datetime
    app.jinja_env.filters["vn_published"] = published_text
    app.jinja_env.filters["published_iso"] = published_iso
    app.jinja_env.filters["vn_date"] = lambda v: local_datetime(v, with_time=False)
    app.jinja_env.filters["short_date"] = short_date
    app.jinja_env.filters["day_time"] = day_time
    app.jinja_env.filters["number"] = number
    app.jinja_env.filters["original_url"] = original_url
    app.jinja_env.globals.update(
        TONE_LABELS=TONE_LABELS,
        KIND_LABELS=KIND_LABELS,
        FACET_LABELS=FACET_LABELS,
        tone_label=tone_label,
        kind_label=kind_label,
        facet_label=facet_label,
        is_former_province=is_former_province,
        role_label=role_label,
        percent=percent,
    )
