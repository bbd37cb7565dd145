"""Article parts read from the page: text lines, title, sapo (lead), body container, images."""

from __future__ import annotations

import contextlib
import contextvars
import functools
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html

from crawler.extract.cssmatch import SelectorGroups, SelectorList
from crawler.extract.selector_lists import (
    CAPTION_SELECTORS,
    SAPO_FALLBACK,
)
from search.text import tokens

if TYPE_CHECKING:
    from crawler.extract.options import ExtractionOptions

# Position of each element in document order. Keyed by the element itself: lxml keeps one proxy
# per node alive while it is referenced, whereas id() of a discarded proxy gets reused.
Order = dict[lxml_html.HtmlElement, int]

BLOCK_TAGS = frozenset(
    (
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    )
)
_SKIP_TEXT = frozenset(("script", "style", "noscript", "template", "svg"))
_INVISIBLE = str.maketrans("", "", "\u200b\u200c\u200d\ufeff\u00ad")

# class/id of a box holding one picture and its caption ("ndimage", "fig-picture", "hinh-anh").
_CAPTION_BOX = re.compile(
    r"image|img|photo|picture|\bpic|hinh|figure|media|caption|(^|[\s_-])anh($|[\s_-])", re.I
)


def lines(element: lxml_html.HtmlElement) -> list[str]:
    """The element's text as displayed: one line per block, <br> breaks a line, spaces collapsed."""
    parts: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag == "br" or tag in BLOCK_TAGS:
                parts.append("\n")
            if tag and tag not in _SKIP_TEXT and node.text:
                parts.append(node.text)
        else:
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if node is not element and node.tail:
                parts.append(node.tail)
    text = "".join(parts).translate(_INVISIBLE)
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def text_of(element: lxml_html.HtmlElement) -> str:
    """The element's text on one line (blocks separated by a space, never glued together)."""
    if not isinstance(element.tag, str):
        return ""
    return " ".join(lines(element))


def link_text_length(element: lxml_html.HtmlElement) -> int:
    return sum(len(text_of(a)) for a in element.iter("a"))


def prose_length(element: lxml_html.HtmlElement) -> int:
    """Text outside links: article prose scores high, link lists and menus score low."""
    return len(text_of(element)) - link_text_length(element)


@functools.lru_cache(maxsize=256)
def _compiled(selectors: tuple[str, ...]) -> SelectorList:
    """Compiled once per list (see cssmatch: one pass over the tree, not one per selector)."""
    return SelectorList(selectors)


@functools.lru_cache(maxsize=64)
def _compiled_groups(groups: tuple[tuple[str, ...], ...]) -> SelectorGroups:
    return SelectorGroups(groups)


# (tree, {selector list: matches}) while a ``preselected`` block runs in this context.
_PRESELECTED: contextvars.ContextVar[
    tuple[lxml_html.HtmlElement, dict[tuple[str, ...], list[etree._Element]]] | None
] = contextvars.ContextVar("preselected", default=None)


@contextlib.contextmanager
def preselected(tree: lxml_html.HtmlElement, groups: tuple[tuple[str, ...], ...]) -> Iterator[None]:
    """Match several selector lists in one walk of ``tree``; inside the block ``select_all`` on this
    tree answers those lists from the result. The block must not change the tree."""
    groups = tuple(tuple(group) for group in groups)
    token = _PRESELECTED.set((tree, dict(zip(groups, _compiled_groups(groups)(tree), strict=True))))
    try:
        yield
    finally:
        _PRESELECTED.reset(token)


def select_all(tree: lxml_html.HtmlElement, selectors: Iterable[str]) -> list[lxml_html.HtmlElement]:
    """Elements matching any of the selectors, in document order; invalid selectors are ignored."""
    key = tuple(selectors)
    memo = _PRESELECTED.get()
    if memo is not None and memo[0] is tree and key in memo[1]:
        return list(memo[1][key])
    return _compiled(key)(tree)


def similarity(a: str, b: str) -> float:
    left, right = set(tokens(a)), set(tokens(b))
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


def strip_site_suffix(title: str, site_names: Iterable[str]) -> str:
    """ "Headline - Báo Bắc Ninh" → "Headline": drop a trailing part naming the site."""
    names = [n for n in site_names if n]
    # (?<!\s): a match starts at a run's first space; otherwise each space of a long run would scan
    # the rest of the run (quadratic in a hostile title).
    parts = re.split(r"(?<!\s)\s+[|–—-]\s+", title)
    while len(parts) > 1:
        last = parts[-1]
        lowered = last.lower()
        if any(similarity(last, n) > 0.6 for n in names) or re.search(
            r"\b(báo|tạp chí|online|điện tử|\.vn|\.com|\.net|cổng thông tin)\b", lowered
        ):
            parts.pop()
        else:
            break
    return " - ".join(parts)


def _spaced_like(printed: str, reference: str) -> str:
    """The metadata title when the printed headline differs from it only in spacing: a headline in
    inline spans with no space between them ("Trưng:</span><span>Mong", Hà Nội Mới) reads glued."""
    if printed != reference and "".join(printed.split()) == "".join(reference.split()):
        return reference
    return printed


def find_title(
    tree: lxml_html.HtmlElement,
    meta_title: str,
    site_names: Iterable[str],
    options: ExtractionOptions,
    weak: bool = False,
) -> tuple[str, lxml_html.HtmlElement | None]:
    """The headline: the title element that best matches the metadata title, else the first h1.

    Many CMSs put the site logo in an <h1> on every page, so the first h1 is not trusted blindly.
    A ``weak`` metadata title (only <title>: often just the site name on old CMSs) is a tiebreaker,
    not an answer, when no title element matches it.
    """
    reference = strip_site_suffix(meta_title, site_names) if meta_title else ""
    candidates = [e for e in select_all(tree, options.title_selectors) if 8 <= len(text_of(e)) <= 400]
    if reference:
        scored = [(similarity(text_of(e), reference), -i, e) for i, e in enumerate(candidates)]
        scored = [s for s in scored if s[0] >= 0.5]
        if scored:
            element = max(scored, key=lambda s: (round(s[0], 2), s[1]))[2]
            return _spaced_like(text_of(element), reference), element
        if not weak or not candidates:
            return reference, None
    for element in candidates:
        if not element.xpath(".//img") or len(text_of(element)) > 20:
            return text_of(element), element
    return "", None


def nearest_after(
    elements: list[lxml_html.HtmlElement], anchor: lxml_html.HtmlElement | None, order: Order
) -> lxml_html.HtmlElement | None:
    """The element closest to ``anchor`` in document order, preferring those after it."""
    if not elements:
        return None
    if anchor is None or anchor not in order:
        return elements[0]
    position = order[anchor]
    return min(elements, key=lambda e: (order.get(e, 0) < position, abs(order.get(e, 0) - position)))


def document_order(tree: lxml_html.HtmlElement) -> Order:
    return {element: index for index, element in enumerate(tree.iter())}


def find_sapo(
    tree: lxml_html.HtmlElement,
    title_el: lxml_html.HtmlElement | None,
    order: Order,
    options: ExtractionOptions,
) -> lxml_html.HtmlElement | None:
    for group in (options.sapo_selectors, SAPO_FALLBACK):
        # A lead is prose, not a link: "description"-classed headline links of a latest-news list
        # match [class*='desc'] (Báo Quân khu 2).
        candidates = [
            e
            for e in select_all(tree, group)
            if 30 <= len(text := text_of(e)) <= 1200
            and not (title_el is not None and e in title_el.iterancestors())
            and e.tag != "a"
            and link_text_length(e) * 2 < len(text)
        ]
        if candidates:
            return nearest_after(candidates, title_el, order)
    return None


_PROSE_CHILDREN = ("p", "h2", "h3", "blockquote", "ul", "ol")


def _prose_child(child: lxml_html.HtmlElement, excluded: list[lxml_html.HtmlElement]) -> bool:
    """A paragraph-like child: <p> and friends, or a <div>/<span> used as a paragraph (no blocks inside)."""
    if not isinstance(child.tag, str) or child in excluded:
        return False
    if child.tag in _PROSE_CHILDREN:
        return True
    return child.tag in ("div", "span", "font") and not any(
        isinstance(d.tag, str) and d.tag in BLOCK_TAGS for d in child.iterdescendants()
    )


def find_body(
    tree: lxml_html.HtmlElement,
    options: ExtractionOptions,
    exclude: Iterable[lxml_html.HtmlElement] = (),
) -> lxml_html.HtmlElement | None:
    """The article container: a known CMS container with the most prose, else the element whose
    own paragraphs hold the most prose (sidebars and listings lose: their text is links)."""
    excluded = list(exclude)
    candidates = [e for e in select_all(tree, options.body_selectors) if e not in excluded]
    scored = [(prose_length(e), e) for e in candidates]
    scored = [s for s in scored if s[0] >= 200]
    if scored:
        best = max(score for score, _ in scored)
        # Nested matches (".detail-cmain" around ".detail-content"): the innermost near-best one.
        near = [e for score, e in scored if score >= 0.9 * best]
        return max(near, key=lambda e: sum(1 for _ in e.iterancestors()))
    best_el, best_score = None, 0
    for element in tree.iter("div", "article", "section", "td", "main", "font", "span"):
        score = sum(max(0, prose_length(child)) for child in element if _prose_child(child, excluded))
        score += sum(len(t.strip()) for t in [element.text or "", *(c.tail or "" for c in element)])
        if score > best_score:
            best_el, best_score = element, score
    return best_el if best_score >= 200 else None


def _image_url(img: lxml_html.HtmlElement, base_url: str) -> str:
    for attribute in ("data-src", "data-original", "data-lazy-src", "src"):
        value = (img.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            url = urljoin(base_url, value)
            # Only web addresses: a "javascript:" src must not reach the reader or an export.
            return url if url.lower().startswith(("http://", "https://")) else ""
    return ""


def _drop(element: lxml_html.HtmlElement) -> None:
    if element.getparent() is not None:
        element.drop_tree()


def _caption_after(block: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """A caption paragraph right after an image-only block: italic, or centred and short."""
    following = block.getnext()
    if following is None or following.tag not in ("p", "div", "em", "i", "span"):
        return None
    text = text_of(following)
    if not text or len(text) > 300:
        return None
    italic = "".join(text_of(e) for e in following.iter("em", "i"))
    centred = "center" in (following.get("style", "") + following.get("align", "")).lower()
    if len(italic) >= 0.8 * len(text) or (centred and len(text) < 200) or following.tag in ("em", "i"):
        return following
    return None


def take_images(body: lxml_html.HtmlElement, base_url: str) -> list[dict[str, str]]:
    """Images with their captions, removed from the body so captions never reach the text."""
    images: list[dict[str, str]] = []

    def record(box: lxml_html.HtmlElement, caption_el: lxml_html.HtmlElement | None) -> None:
        img = next(box.iter("img"), None)
        caption = text_of(caption_el) if caption_el is not None else ""
        if img is not None and (url := _image_url(img, base_url)):
            images.append({"url": url, "caption": caption})
        if caption_el is not None and not any(a is box for a in caption_el.iterancestors()):
            _drop(caption_el)
        _drop(box)

    for figure in list(body.iter("figure")):
        if figure.getparent() is not None:
            record(figure, next(iter(select_all(figure, CAPTION_SELECTORS)), None))
    for box in list(body.iter("table", "div", "p", "span")):
        if box.getparent() is None or box is body or next(box.iter("img"), None) is None:
            continue
        attrs = f"{box.get('class', '')} {box.get('id', '')}"
        caption_el = next(iter(select_all(box, CAPTION_SELECTORS)), None)
        text = len(text_of(box))
        if caption_el is not None and text <= len(text_of(caption_el)) + 5:
            record(box, caption_el)
        elif box.tag == "table" and text < 400 and len(box.xpath(".//img")) == 1:
            cells = [text_of(td) for td in box.iter("td") if text_of(td)]
            record(box, None)
            if cells:
                images[-1]["caption"] = cells[-1]
        elif text == 0 or (_CAPTION_BOX.search(attrs) and text < 300):
            following = _caption_after(box)
            record(box, following if following is not None else caption_el)
    for img in list(body.iter("img")):
        if url := _image_url(img, base_url):
            images.append({"url": url, "caption": ""})
        _drop(img)
    return images
