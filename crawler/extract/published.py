"""The publish time of a page: metadata value, the date line printed near the headline, htmldate."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from lxml import html as lxml_html

from crawler.extract import dates
from crawler.extract.content import Order, select_all, text_of
from crawler.extract.dates import Stamp

# class/id fragments of the elements that print a date line on Vietnamese CMSs.
_DATE_ATTR = re.compile(r"date|time|publish|posted|ngay|thoigian|pubdate|created|meta|info|cms-date", re.I)
# Containers whose dates belong to other stories: sidebars, related lists, menus.
_ELSEWHERE = re.compile(r"sidebar|relat|lienquan|tin-?khac|other|widget|menu|footer|most|popular|docnhieu|"
                        r"tinmoi|box-news|list-news|latest", re.I)


def _elsewhere(element: lxml_html.HtmlElement) -> bool:
    for node in element.iterancestors():
        if node.tag in ("aside", "nav", "footer") or _ELSEWHERE.search(
                f"{node.get('class', '')} {node.get('id', '')}"):
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


def _candidates(tree: lxml_html.HtmlElement,
                selectors: Iterable[str]) -> list[tuple[lxml_html.HtmlElement, bool]]:
    """(element, classed) pairs that may print the date: date-like class/id, <time>, or any short text."""
    chosen = select_all(tree, selectors) if selectors else []
    if chosen:
        return [(element, True) for element in chosen]
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "head", "script", "style"):
            continue
        attrs = f"{element.get('class', '')} {element.get('id', '')} {element.get('data-role', '')}"
        if element.tag == "time" or _DATE_ATTR.search(attrs):
            found.append((element, True))
        elif _has_digit(element.text) or any(_has_digit(child.tail) for child in element):
            found.append((element, False))
    return found


def printed_stamp(tree: lxml_html.HtmlElement, title_el: lxml_html.HtmlElement | None, order: Order,
                  selectors: Iterable[str] = ()) -> Stamp | None:
    """The date line closest to the headline; an update line only if nothing else is printed."""
    anchor = order.get(title_el, 0) if title_el is not None else 0

    def rank(candidate: tuple[lxml_html.HtmlElement, bool]) -> tuple[bool, bool, int, bool]:
        element, classed = candidate
        position = order.get(element, 0)
        # Classed, outside other stories' lists, near the headline; on a tie, after it.
        return not classed, _elsewhere(element), abs(position - anchor), position < anchor

    candidates = sorted(_candidates(tree, tuple(selectors)), key=rank)
    ranked = []
    for element, classed in candidates:
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
        if classed and stamp.has_time and not is_update and not elsewhere:
            return stamp  # the nearest classed publish line with a time: nothing can rank higher
        distance = abs(order.get(element, 0) - anchor)
        ranked.append(((is_update, elsewhere, not stamp.has_time, not classed, distance), stamp))
    if not ranked:
        return None
    return min(ranked, key=lambda item: item[0])[1]


def htmldate_stamp(page_text: str) -> Stamp | None:
    """Last resort: htmldate's reading of the page (URL patterns, copyright lines, free text)."""
    from htmldate import find_date

    try:
        found = find_date(page_text, extensive_search=True, original_date=True,
                          outputformat="%Y-%m-%dT%H:%M:%S")
    except Exception:  # noqa: BLE001 - htmldate is a heuristic fallback; its failures are not ours
        return None
    if not found:
        return None
    stamp = dates.parse_iso_stamp(found)
    if stamp and stamp.moment.hour == 0 and stamp.moment.minute == 0:
        return Stamp(stamp.moment, has_time=False)
    return stamp


def find_published(tree: lxml_html.HtmlElement, page_text: str, meta_published: str,
                   title_el: lxml_html.HtmlElement | None, order: Order,
                   selectors: Iterable[str] = ()) -> datetime | None:
    stamp = dates.reconcile(structured_stamp(meta_published), printed_stamp(tree, title_el, order, selectors))
    if stamp is None:
        stamp = htmldate_stamp(page_text)
    return stamp.moment if stamp else None
