"""Authors: the byline at the end of the body, the author line under the headline, then metadata.

Vietnamese bylines are names, not sentences: "Thu Hường - Thanh Tâm", "NHẬT XUÂN", "PV",
"Nhóm PV", "Minh Anh (TTXVN)", "Theo TTXVN", "Bài và ảnh: Lê Hoa". The author returned is the
credited person or agency as printed, without lead-in words ("Theo", "Bài và ảnh:"), several
names joined by " - ".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from lxml import html as lxml_html

from crawler.extract.content import Order, nearest_after, select_all, text_of
from search.text import fold

if TYPE_CHECKING:
    from crawler.extract.options import ExtractionOptions

_LEAD_IN = re.compile(
    r"^(?:tác giả|bài và ảnh|bài, ảnh|bài - ảnh|bài/ảnh|tin và ảnh|tin, ảnh|bài|tin|thực hiện|ghi chép|"
    r"nhóm phóng viên|phóng viên|viết bởi|đăng bởi|người viết|bởi|by|posted by|theo|nguồn)\s*[:\-–]?\s+",
    re.I,
)
_SOURCE = re.compile(r"^(?:theo|nguồn)\s*:?\s+(?P<name>.{2,60})$", re.I)
# Collective credits printed instead of names: authors all the same.
GROUP_BYLINES = {
    "pv",
    "nhóm pv",
    "phóng viên",
    "nhóm phóng viên",
    "ctv",
    "nhóm ctv",
    "pv/ctv",
    "nhóm pv/ctv",
    "phóng viên thường trú",
    "nhóm phóng viên thường trú",
}
_NOT_PEOPLE = {
    "admin",
    "administrator",
    "quản trị",
    "quản trị viên",
    "ban biên tập",
    "bbt",
    "biên tập viên",
    "webmaster",
    "tòa soạn",
    "toà soạn",
    "ban quản trị",
    "editor",
    "btv",
}
# Site-like credits ("NLD.COM.VN", "Tuổi Trẻ Online"): the outlet itself, not an author. Another
# outlet credited by name ("Theo Báo Bắc Giang") is a real source and stays.
_ORG_HINT = re.compile(r"\b(online|điện tử|cổng thông tin|tòa soạn|toà soạn)\b|\.(vn|com|net|org)\b", re.I)
# (?<!\s): a match starts at the first space of a run, so a long run is not rescanned from each of
# its spaces (quadratic); callers normalise spaces anyway, this keeps the patterns linear on their own.
# "(t/h)": compiled from several sources
_COMPILED_NOTE = re.compile(r"(?<!\s)\s*\((?:t/h|tổng hợp|th)\)$", re.I)
_SEPARATORS = re.compile(r"(?<!\s)\s*(?:\s[-–—]\s|,|;|&|\s/\s|\bvà\b|\|)\s*")
_INITIALS = re.compile(r"^(?:[A-ZĐ]\.){1,4}[A-ZĐ]?\.?$")


def _name_word(word: str) -> bool:
    return bool(word) and word[0].isupper() and all(c.isalpha() or c in ".'’-" for c in word)


def _is_name(part: str) -> bool:
    """One credited name: capitalised words, initials or an acronym, maybe "(TTXVN)" after it."""
    words = part.split()
    if not 1 <= len(words) <= 6:
        return False
    for i, word in enumerate(words):
        if i and word.startswith("(") and word.endswith(")") or (i and word in ("(t/h)", "(tổng hợp)")):
            continue
        if not (_name_word(word) or _INITIALS.match(word)):
            return False
    return True


def _unwrap(text: str) -> str:
    """One line, without a dangling separator ("Bình Minh - ") or wrapping brackets ("(Theo TTXVN)")."""
    text = " ".join(text.split()).rstrip(" -–—|")
    if len(text) > 2 and text[0] == "(" and text[-1] == ")":
        text = text[1:-1].strip()
    return text


def looks_like_byline(text: str) -> bool:
    text = _unwrap(text)
    if not 1 < len(text) <= 80 or re.search(r"\d", text):
        return False
    if text.endswith((":", ";", "?", "!", ",")):
        return False
    if text.endswith(".") and not _INITIALS.match(text.split()[-1]):
        return False  # a sentence, unless it ends with initials ("H.Y.T.")
    if text.casefold() in GROUP_BYLINES:
        return True
    body = _COMPILED_NOTE.sub("", _LEAD_IN.sub("", text))
    if _SOURCE.match(text):
        return True
    # "Thanh Hà/VOV-Tây Bắc": a name and the agency it writes for.
    parts = [p for p in _SEPARATORS.split(body.replace("/", " / ")) if p and p.strip()]
    return bool(parts) and len(parts) <= 6 and all(_is_name(p.strip()) for p in parts)


def clean_byline(text: str) -> str:
    """The credited names as printed, without lead-in words or a trailing date."""
    text = _unwrap(text)
    text = re.split(r"\s*(?:\||•|\d{1,2}[/:.]\d{1,2})", text, maxsplit=1)[0].strip(" -–,")
    previous = None
    while previous != text:  # "Bài và ảnh: Theo …" has two lead-ins
        previous, text = text, _LEAD_IN.sub("", text).strip()
    text = _COMPILED_NOTE.sub("", text)
    parts = [p.strip() for p in _SEPARATORS.split(text) if p and p.strip()]
    return " - ".join(parts)


def is_person(name: str, site_names: Iterable[str]) -> bool:
    """False for the site, the publisher or a CMS account credited as author."""
    folded = fold(name).strip()
    if not folded or folded in {fold(n) for n in _NOT_PEOPLE} or name.startswith(("http://", "https://")):
        return False
    if any(folded == fold(site).strip() for site in site_names if site):
        return False
    return not _ORG_HINT.search(name)


def split_trailing_byline(body_lines: list[str]) -> tuple[str, list[str]]:
    """The byline closing the body ("Thu Hường - Thanh Tâm", "Theo TTXVN"), and the body without it."""
    if not body_lines:
        return "", body_lines
    last = body_lines[-1]
    if source := _SOURCE.match(_unwrap(last)):
        before = body_lines[-2] if len(body_lines) > 1 else ""
        if before and looks_like_byline(before) and not _SOURCE.match(_unwrap(before)):
            return clean_byline(body_lines[-2]), body_lines[:-2]
        return clean_byline(source.group("name")), body_lines[:-1]
    if looks_like_byline(last):
        return clean_byline(last), body_lines[:-1]
    return "", body_lines


def header_author(
    tree: lxml_html.HtmlElement,
    title_el: lxml_html.HtmlElement | None,
    order: Order,
    site_names: Iterable[str],
    options: ExtractionOptions,
) -> str:
    """The author line near the headline (class "author", "detail-author", itemprop…)."""
    names = list(site_names)
    candidates = []
    for element in select_all(tree, options.author_selectors):
        text = text_of(element) or element.get("title", "") or element.get("content", "")
        cleaned = clean_byline(text)
        if cleaned and looks_like_byline(cleaned) and all(is_person(n, names) for n in cleaned.split(" - ")):
            candidates.append(element)
    element = nearest_after(candidates, title_el, order)
    return clean_byline(text_of(element) or element.get("title", "")) if element is not None else ""


def meta_author(authors: list[str], site_names: Iterable[str]) -> str:
    names = list(site_names)
    people = [clean_byline(a) for a in authors if is_person(a, names) and looks_like_byline(a)]
    return " - ".join(p for p in people if p)
