"""One extraction pipeline for every outlet: metadata, then cleaned main text, dates, byline.

``extract_article`` never raises on bad input: a page that is not an article comes back as an
``Extraction`` with ``article=None`` and a reason, so one broken page never stops a crawl.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from w3lib.encoding import html_to_unicode

from crawler.extract import content, dates, furniture
from crawler.extract.metadata import read_metadata
from search.text import normalize

MAX_PAGE_BYTES = 8 * 1024 * 1024
MIN_BODY_CHARS = 150


@dataclass
class Extraction:
    article: dict[str, Any] | None
    reason: str = ""
    canonical_url: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.article is not None


def not_article(reason: str, canonical_url: str = "") -> Extraction:
    return Extraction(article=None, reason=reason, canonical_url=canonical_url)


def decode(page: bytes, content_type: str | None = None) -> str:
    """Bytes to text by HTTP header, BOM, <meta charset>, then a UTF-8 / Windows-1258 guess."""
    _, text = html_to_unicode(content_type, page, default_encoding="utf-8")
    if "\ufffd" in text[:20000] and content_type is None:
        try:
            text = page.decode("cp1258")
        except UnicodeDecodeError:
            pass
    return text


def _published_at(tree: lxml_html.HtmlElement, meta_value: str) -> datetime | None:
    if meta_value and (moment := dates.parse_iso(meta_value)):
        return moment
    for element in tree.cssselect(
            ".date, .time, .datetime, .publish-date, .detail-time, .post-date, .date-time, "
            "span.date, .news-date, .article-date, .time-post, .pdate, time"):
        if moment := dates.parse_vietnamese(content.text_of(element)):
            return moment
    return None


def _breadcrumb_section(tree: lxml_html.HtmlElement) -> str:
    items = [content.text_of(a) for a in tree.cssselect(
        ".breadcrumb a, .breadcrumbs a, [itemtype*='BreadcrumbList'] a, .bread-crumb a, .cate a")]
    items = [item for item in items if item and item.lower() not in ("trang chủ", "home")]
    return items[-1] if items else ""


def _author(tree: lxml_html.HtmlElement, body_paragraphs: list[str], meta_authors: list[str],
            site_name: str) -> tuple[str, list[str]]:
    """Author, and the body without a trailing byline line."""
    if body_paragraphs and content.looks_like_byline(body_paragraphs[-1]):
        byline = body_paragraphs[-1]
        return byline, body_paragraphs[:-1]
    authors = [a for a in meta_authors if a and a != site_name]
    if authors:
        return " - ".join(authors), body_paragraphs
    element = content.first_match(tree, content.AUTHOR_SELECTORS)
    if element is not None and 1 < len(content.text_of(element)) <= 80:
        return content.text_of(element), body_paragraphs
    return "", body_paragraphs


def extract_article(page: str | bytes, url: str, content_type: str | None = None) -> Extraction:
    """Extract one article page; never raises for bad input."""
    if isinstance(page, bytes):
        if len(page) > MAX_PAGE_BYTES:
            return not_article(f"page too large ({len(page)} bytes > {MAX_PAGE_BYTES})")
        if b"\x00" in page[:2048]:
            return not_article("binary content, not HTML")
        page = decode(page, content_type)
    if len(page) > MAX_PAGE_BYTES:
        return not_article(f"page too large ({len(page)} characters)")
    if not page.strip():
        return not_article("empty page")
    try:
        tree = lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError) as error:
        return not_article(f"unparseable HTML: {error}")
    try:
        return _extract(tree, page, url)
    except Exception as error:  # noqa: BLE001 - a bad page must not stop the crawl; the reason is kept
        return not_article(f"extraction failed: {type(error).__name__}: {error}")


def _extract(tree: lxml_html.HtmlElement, page: str, url: str) -> Extraction:
    meta = read_metadata(tree, url)
    canonical = urljoin(url, meta.canonical) if meta.canonical else url
    h1 = tree.xpath("//h1")
    title = content.text_of(h1[0]) if h1 else meta.title
    sapo_el = content.first_match(tree, content.SAPO_SELECTORS)
    sapo = content.text_of(sapo_el) if sapo_el is not None else meta.description
    published_at = _published_at(tree, meta.published)
    if published_at is None:
        return not_article("no publish date found", canonical)
    section = meta.section or _breadcrumb_section(tree)
    tags = meta.tags or [content.text_of(a) for a in tree.cssselect(
        ".tags a, .tag-list a, .keywords a, .box-tag a, .detail-tags a, .post-tags a")]

    furniture.remove_furniture(tree)
    if sapo_el is not None and sapo_el.getparent() is not None:
        sapo_el.drop_tree()
    for heading in tree.xpath("//h1"):
        heading.drop_tree()
    body_el = content.find_body(tree)
    images: list[dict[str, str]] = []
    if body_el is not None:
        images = content.take_images(body_el, url)
        body_paragraphs = content.paragraphs(body_el)
    else:
        text = trafilatura.extract(page, url=url, favor_precision=True, include_comments=False) or ""
        body_paragraphs = [line for line in text.splitlines() if line.strip()]
    if body_paragraphs and sapo and normalize(body_paragraphs[0]) == normalize(sapo):
        body_paragraphs = body_paragraphs[1:]
    body_paragraphs = [p for p in body_paragraphs if not furniture.is_furniture_heading(p)]
    author, body_paragraphs = _author(tree, body_paragraphs, meta.authors, meta.site_name)
    body = "\n\n".join(body_paragraphs)
    if not title:
        return not_article("no title", canonical)
    if len(body) < MIN_BODY_CHARS:
        return not_article(f"too little text ({len(body)} characters): a section, gallery or error page",
                           canonical)
    if meta.image and not images:
        images = [{"url": urljoin(url, meta.image), "caption": ""}]
    article = {
        "url": canonical,
        "title": normalize(title),
        "sapo": normalize(sapo),
        "body": normalize(body),
        "author": normalize(author),
        "published_at": published_at,
        "section": normalize(section),
        "tags": [normalize(t) for t in tags if t],
        "images": images,
    }
    return Extraction(article=article, canonical_url=canonical)
