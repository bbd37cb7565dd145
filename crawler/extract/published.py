"""The publish-time candidates of a page: JSON-LD, meta tags, the date line printed near the headline,
the URL, htmldate; ``evidence.choose`` picks the time they agree on."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from crawler.extract import dates
from crawler.extract.content import Order, select_all, text_of
from crawler.extract.dates import Stamp
from crawler.extract.evidence import Evidence, Published, choose
from crawler.extract.xpaths import html_elements

if TYPE_CHECKING:
    from crawler.extract.options import ExtractionOptions

# class/id fragments of the elements that print a date line on Vietnamese CMSs.
_DATE_ATTR = re.compile(r"date|time|publish|posted|ngay|thoigian|pubdate|created|meta|info|cms-date", re.I)
# Containers whose dates belong to other stories: sidebars, related lists, menus.
_ELSEWHERE = re.compile(
    r"sidebar|relat|lienquan|tin-?khac|other|widget|menu|footer|most|popular|docnhieu|"
    r"tinmoi|box-news|list-news|latest",
    re.I,
)

# Lines that print a date which is not the article's: the outlet's licence, its founding.
_NOT_A_DATELINE = re.compile(r"giấy phép|GP-|thành lập|bản quyền|copyright|©", re.I)


def _elsewhere(element: lxml_html.HtmlElement) -> bool:
    for node in element.iterancestors():
        if node.tag in ("aside", "nav", "footer") or _ELSEWHERE.search(
            f"{node.get('class', '')} {node.get('id', '')}"
        ):
            return True
    return False


def structured_stamp(value: str) -> Stamp | None:
    if not value:
        return None
    return dates.parse_iso_stamp(value) or dates.parse_line(value)


_ASCII_DIGIT = re.compile(r"[0-9]")


def _has_digit(text: str | None) -> bool:
    """Any character for which str.isdigit() holds; the regex settles most texts without a
    Python-level scan (an ASCII text has no other digits)."""
    if not text:
        return False
    if _ASCII_DIGIT.search(text):
        return True
    return not text.isascii() and any(c.isdigit() for c in text)


_SKIP = frozenset(("html", "body", "head", "script", "style"))
# Elements that may carry a date-like class/id/role, found by libxml2 rather than a Python walk.
_ATTRIBUTED = etree.XPath("//time | //*[@class or @id or @data-role]")


def _classed(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Elements that say they print a date: a date-like class/id/role, or <time>."""
    return [
        element
        for element in html_elements(tree, _ATTRIBUTED)
        if element.tag not in _SKIP
        and (
            element.tag == "time"
            or _DATE_ATTR.search(
                f"{element.get('class', '')} {element.get('id', '')} {element.get('data-role', '')}"
            )
        )
    ]


def _unclassed(
    tree: lxml_html.HtmlElement, classed: list[lxml_html.HtmlElement]
) -> list[lxml_html.HtmlElement]:
    """Any other element with a digit in its own text: a date line printed without a telltale class."""
    seen = set(classed)
    return [
        element
        for element in tree.iter()
        if isinstance(element.tag, str)
        and element.tag not in _SKIP
        and element not in seen
        and (_has_digit(element.text) or any(_has_digit(child.tail) for child in element))
    ]


def printed_stamp(
    tree: lxml_html.HtmlElement,
    title_el: lxml_html.HtmlElement | None,
    order: Order,
    options: ExtractionOptions,
) -> Stamp | None:
    """The date line closest to the headline; an update line only if nothing else is printed.

    Classed candidates are read first, nearest the headline first: the first classed publish line
    with a time wins outright, so the rest of the page is only searched when there is none."""
    anchor = order.get(title_el, 0) if title_el is not None else 0

    def rank(element: lxml_html.HtmlElement) -> tuple[bool, int, bool]:
        position = order.get(element, 0)
        # Outside other stories' lists, near the headline; on a tie, after it.
        return _elsewhere(element), abs(position - anchor), position < anchor

    ranked: list[tuple[tuple[bool, bool, bool, bool, int], Stamp]] = []
    # The first classed day-only line met below the headline is the one nearest it. A line with a
    # time that is further away and prints another day dates something else: the header's clock ("Thứ ba Ngày
    # 18 Tháng 08 Năm 2026, 01:53:59" above "Ngày đăng: 05/07/2025" on Báo Quân khu 2), a sidebar.
    nearest_day: Stamp | None = None
    chosen = select_all(tree, options.date) if options.date else []  # the outlet's own: nothing else
    classed = chosen or _classed(tree)
    for is_classed, group in (
        (True, lambda: classed),
        (False, lambda: [] if chosen else _unclassed(tree, classed)),
    ):
        for element in sorted(group(), key=rank):
            if len(element.text_content()) > 400:
                continue
            text = text_of(element)
            if not text or len(text) > 160:
                continue
            stamp = dates.parse_line(text)
            if stamp is None and element.get("datetime"):
                stamp = structured_stamp(element.get("datetime", ""))
            if stamp is None:
                continue
            is_update = dates.is_update_line(text)
            elsewhere = _elsewhere(element)
            if (elsewhere and not stamp.has_time) or _NOT_A_DATELINE.search(text):
                continue  # a footer's licence date, a sidebar's day: they date something else
            if (
                is_classed
                and not stamp.has_time
                and not is_update
                and not elsewhere
                and nearest_day is None
                and order.get(element, 0) > anchor
            ):  # a header's date above the headline: not this
                nearest_day = stamp
            if is_classed and stamp.has_time and not is_update and not elsewhere:
                if nearest_day is not None and nearest_day.moment.date() != stamp.moment.date():
                    return nearest_day
                return stamp  # the nearest classed publish line with a time: nothing can rank higher
            distance = abs(order.get(element, 0) - anchor)
            ranked.append(((is_update, elsewhere, not stamp.has_time, not is_classed, distance), stamp))
    if not ranked:
        return None
    return min(ranked, key=lambda item: item[0])[1]


def htmldate_stamp(page_text: str) -> Stamp | None:
    """Last resort: htmldate's reading of the page (URL patterns, copyright lines, free text)."""
    from htmldate import find_date

    try:
        found = find_date(
            page_text, extensive_search=True, original_date=True, outputformat="%Y-%m-%dT%H:%M:%S"
        )
    except Exception:  # noqa: BLE001 - htmldate is a heuristic fallback; its failures are not ours
        return None
    if not found:
        return None
    stamp = dates.parse_iso_stamp(found)
    if stamp and stamp.moment.hour == 0 and stamp.moment.minute == 0:
        return Stamp(stamp.moment, has_time=False)
    return stamp


# Dates in an article's address: "/2015/03/12/", "/20150312/", "-2015-03-12", and the 17-digit
# ids of VCCorp and Tuổi Trẻ ("20260307080054340": created 08:00:54, published 08:07) - an id is
# a creation time, so only its day is taken.
_URL_DATES = (
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?=/|$)"),
    re.compile(r"[/_-]((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{6}|\d{9})?(?!\d)"),
)


def url_stamp(url: str) -> Stamp | None:
    """The day a URL states, if any (never a time: see ``_URL_DATES``)."""
    path = urlsplit(url).path
    for pattern in _URL_DATES:
        for match in pattern.finditer(path):
            year, month, day = (int(part) for part in match.groups())
            try:
                return Stamp(datetime(year, month, day, tzinfo=dates.LOCAL_TZ), has_time=False)
            except ValueError:
                continue
    return None


def find_published(
    tree: lxml_html.HtmlElement,
    page_text: str,
    jsonld_published: str,
    meta_published: str,
    title_el: lxml_html.HtmlElement | None,
    order: Order,
    url: str,
    options: ExtractionOptions,
) -> Published | None:
    """Every candidate the page gives, and the publish time they agree on (``evidence.choose``)."""
    found = [
        Evidence(source, stamp, raw)
        for source, raw in (("json-ld", jsonld_published), ("meta", meta_published))
        if (stamp := structured_stamp(raw)) is not None
    ]
    if (printed := printed_stamp(tree, title_el, order, options)) is not None:
        found.append(Evidence("visible", printed))
    if not found and (fallback := htmldate_stamp(page_text)) is not None:
        found.append(Evidence("htmldate", fallback))
    if (from_url := url_stamp(url)) is not None:
        found.append(Evidence("url", from_url))
    return choose(found)
