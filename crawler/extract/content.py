"""Article parts from the cleaned page: title, sapo, body paragraphs, byline, images."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

from lxml import html as lxml_html

from search.text import clean_whitespace

BODY_SELECTORS = (
    "[itemprop='articleBody']", ".fck_detail", ".detail-content", ".detail-cmain", ".post-content",
    ".article-body", ".article-content", ".entry-content", ".content-detail", ".detail__content",
    ".singular-content", ".news-content", ".content_detail", ".detail_content", "article .content",
    ".maincontent", "#content_detail", "#main-detail-body", ".cms-body",
)
SAPO_SELECTORS = (
    ".sapo", ".detail-sapo", ".description", ".article-sapo", ".singular-sapo", ".lead",
    ".post-excerpt", ".detail__summary", ".summary", ".news-sapo", "[itemprop='description']",
)
AUTHOR_SELECTORS = (
    ".author-info .name", ".author-info", ".detail-author", ".post-author", ".author", ".article-author",
    ".author-name", "[itemprop='author']", ".byline", "p.author_mail", ".tacgia",
)
BLOCKS = ("p", "h2", "h3", "h4", "h5", "li", "blockquote", "pre", "td")
_BYLINE = re.compile(r"^(?:(?:Theo|Nguồn)\s+[\w\s.-]{2,40}|(?:[A-ZĐ][\wÀ-ỹ.]*\s?){1,4}"
                     r"(?:\s?[-–,/]\s?(?:[A-ZĐ][\wÀ-ỹ.]*\s?){1,4}){0,3}|Nhóm PV|PV|NHÓM PV)$")


def text_of(element: lxml_html.HtmlElement) -> str:
    if not isinstance(element.tag, str):  # comments and processing instructions
        return ""
    return " ".join(html.unescape(element.text_content()).split())


def first_match(tree: lxml_html.HtmlElement, selectors: tuple[str, ...]) -> lxml_html.HtmlElement | None:
    for selector in selectors:
        found = tree.cssselect(selector)
        if found:
            return found[0]
    return None


def find_body(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The body container: known CMS classes, else the element holding most paragraph text."""
    for selector in BODY_SELECTORS:
        for element in tree.cssselect(selector):
            if len(text_of(element)) > 200:
                return element
    best, best_score = None, 0
    for element in tree.iter("div", "article", "section", "td"):
        score = sum(len(text_of(p)) for p in element.findall("p"))
        if score > best_score:
            best, best_score = element, score
    return best


def take_images(body: lxml_html.HtmlElement, base_url: str) -> list[dict[str, str]]:
    """Images with their captions, removed from the body so captions stay apart from the text."""
    images = []
    for figure in list(body.iter("figure")) + [t for t in body.iter("table")
                                                 if "image" in (t.get("class") or "").lower()]:
        img = next(figure.iter("img"), None)
        caption_el = next(iter(figure.cssselect("figcaption, .caption, .image-caption, .fig")), None)
        if img is not None:
            src = img.get("data-src") or img.get("src") or ""
            images.append({"url": urljoin(base_url, src),
                           "caption": text_of(caption_el) if caption_el is not None else ""})
        figure.drop_tree()
    for img in list(body.iter("img")):
        src = img.get("data-src") or img.get("src") or ""
        images.append({"url": urljoin(base_url, src), "caption": img.get("alt", "").strip()})
        img.drop_tree()
    return [image for image in images if image["url"]]


def paragraphs(body: lxml_html.HtmlElement) -> list[str]:
    """Block-level texts in document order, without nesting duplicates."""
    out: list[str] = []
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in BLOCKS and not any(a.tag in BLOCKS for a in element.iterancestors()):
            text = text_of(element)
            if text:
                out.append(text)
        elif element.tag == "div" and element.text and element.text.strip() and not element.findall(".//p"):
            out.append(text_of(element))
    if not out:
        out = [line for line in clean_whitespace(body.text_content()).splitlines() if line]
    return out


def looks_like_byline(text: str) -> bool:
    text = text.strip()
    return 1 < len(text) <= 60 and not text.endswith((".", ":", ";", "?", "!")) and bool(_BYLINE.match(text))
