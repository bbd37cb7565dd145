"""Structured metadata first: JSON-LD NewsArticle, OpenGraph and meta tags (via extruct).

Structured values are what the outlet's CMS states about the article; the page text is read
only where they are missing or known to be unreliable (author set to the site's name, times
written with a wrong offset - see ``evidence``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

import extruct
from lxml import html as lxml_html

ARTICLE_TYPES = {
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BlogPosting",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "LiveBlogPosting",
}


@dataclass
class Metadata:
    title: str = ""
    title_is_weak: bool = False  # from <title> only: often the site name or "Chi tiết tin"
    description: str = ""
    published: str = ""  # JSON-LD's value, else the meta tags'
    published_jsonld: str = ""
    published_meta: str = ""
    modified: str = ""
    authors: list[str] = field(default_factory=list)
    section: str = ""
    breadcrumb: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    image: str = ""
    canonical: str = ""
    site_name: str = ""
    publisher: str = ""
    og_type: str = ""
    has_article_jsonld: bool = False


def _clean(value: Any) -> str:
    text = str(value or "")
    for _ in range(3):  # some CMSs escape twice: "Chi&amp;#7871;n" in JSON-LD
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    return " ".join(text.split())


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [_clean(value)]
    if isinstance(value, dict):
        return _names(value.get("name", ""))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _types(item: dict[str, Any]) -> set[str]:
    types = item.get("@type")
    return {str(t) for t in types} if isinstance(types, list) else {str(types)}


def _walk(jsonld: list[Any]) -> list[dict[str, Any]]:
    """Every JSON-LD object, including those inside @graph lists."""
    found, stack = [], list(jsonld)
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            found.append(item)
            if "@graph" in item:
                stack.append(item["@graph"])
    return found


def _breadcrumb(item: dict[str, Any]) -> list[str]:
    elements = item.get("itemListElement") or []
    if isinstance(elements, dict):
        elements = [elements]
    named: list[tuple[int, str]] = []
    for element in elements:
        if not isinstance(element, dict):
            continue
        reference = element.get("item")
        name = element.get("name") or (reference.get("name") if isinstance(reference, dict) else "")
        position = element.get("position", len(named))
        if name:
            named.append((int(position) if str(position).isdigit() else len(named), _clean(name)))
    return [name for _, name in sorted(named)]


def read_metadata(tree: lxml_html.HtmlElement, url: str) -> Metadata:
    meta = Metadata()
    try:
        data = extruct.extract(
            tree, base_url=url, syntaxes=["json-ld", "opengraph"], uniform=True, errors="ignore"
        )
    except Exception:  # noqa: BLE001 - extruct raises many types on broken markup; metadata is optional
        data = {}
    for item in _walk(data.get("json-ld", [])):
        types = _types(item)
        if "BreadcrumbList" in types and not meta.breadcrumb:
            meta.breadcrumb = _breadcrumb(item)
        if not types & ARTICLE_TYPES:
            continue
        meta.has_article_jsonld = True
        meta.title = meta.title or _clean(item.get("headline", ""))
        meta.description = meta.description or _clean(item.get("description", ""))
        meta.published_jsonld = meta.published_jsonld or _clean(item.get("datePublished", ""))
        meta.modified = meta.modified or _clean(item.get("dateModified", ""))
        meta.authors = meta.authors or [n for n in _names(item.get("author")) if n]
        meta.publisher = meta.publisher or next(iter(_names(item.get("publisher"))), "")
        section = item.get("articleSection", "")
        if isinstance(section, list):
            section = section[-1] if section else ""
        meta.section = meta.section or _clean(section)
        keywords = item.get("keywords", [])
        keywords = [keywords] if isinstance(keywords, str) else keywords
        meta.tags = meta.tags or [k.strip() for kw in keywords for k in _clean(kw).split(",") if k.strip()]
    for og in data.get("opengraph", []):
        meta.title = meta.title or _clean(og.get("og:title", ""))
        meta.description = meta.description or _clean(og.get("og:description", ""))
        meta.image = meta.image or _clean(og.get("og:image", ""))
        meta.site_name = meta.site_name or _clean(og.get("og:site_name", ""))
        meta.og_type = meta.og_type or _clean(og.get("og:type", ""))

    def first(xpath: str) -> str:
        values = tree.xpath(xpath)
        return _clean(values[0]) if values else ""

    meta.published_meta = first(
        "//meta[@property='article:published_time' or @name='article:published_time' or "
        "@itemprop='datePublished' or @name='pubdate' or @name='publishdate' or @name='dc.date.issued' or "
        "@name='DC.date.issued' or @property='og:published_time']/@content"
    ) or first("//*[@itemprop='datePublished']/@datetime")
    meta.published = meta.published_jsonld or meta.published_meta
    meta.modified = meta.modified or first("//meta[@property='article:modified_time']/@content")
    meta.section = meta.section or first("//meta[@property='article:section']/@content")
    meta.tags = (
        meta.tags
        or [
            k.strip()
            for t in tree.xpath("//meta[@property='article:tag']/@content")
            for k in _clean(t).split(",")
            if k.strip()
        ]
        or [k.strip() for k in first("//meta[@name='news_keywords']/@content").split(",") if k.strip()]
    )
    meta.description = meta.description or first("//meta[@name='description']/@content")
    if not meta.title:
        meta.title = first("//meta[@name='title']/@content") or first("//title/text()")
        meta.title_is_weak = True
    if not meta.authors:
        meta.authors = [
            a
            for a in (
                first("//meta[@name='author']/@content"),
                first("//meta[@property='article:author']/@content"),
            )
            if a
        ][:1]
    meta.canonical = first("//link[@rel='canonical']/@href") or first("//meta[@property='og:url']/@content")
    return meta
