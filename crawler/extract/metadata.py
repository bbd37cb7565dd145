"""Structured metadata first: JSON-LD NewsArticle, OpenGraph and meta tags (via extruct)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

import extruct
from lxml import html as lxml_html

ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting"}


@dataclass
class Metadata:
    title: str = ""
    description: str = ""
    published: str = ""
    modified: str = ""
    authors: list[str] = field(default_factory=list)
    section: str = ""
    tags: list[str] = field(default_factory=list)
    image: str = ""
    canonical: str = ""
    site_name: str = ""
    og_type: str = ""


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [html.unescape(value)]
    if isinstance(value, dict):
        return _names(value.get("name", ""))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _article_objects(jsonld: list[Any]) -> list[dict[str, Any]]:
    found = []
    stack = list(jsonld)
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            types = item.get("@type")
            types = set(types) if isinstance(types, list) else {types}
            if types & ARTICLE_TYPES:
                found.append(item)
            stack.extend(v for k, v in item.items() if k == "@graph")
    return found


def read_metadata(tree: lxml_html.HtmlElement, url: str) -> Metadata:
    meta = Metadata()
    try:
        data = extruct.extract(tree, base_url=url, syntaxes=["json-ld", "opengraph"], uniform=True,
                               errors="ignore")
    except Exception:  # noqa: BLE001 - extruct raises many types on broken markup; metadata is optional
        data = {}
    for article in _article_objects(data.get("json-ld", [])):
        meta.title = meta.title or str(article.get("headline", "")).strip()
        meta.description = meta.description or str(article.get("description", "")).strip()
        meta.published = meta.published or str(article.get("datePublished", "")).strip()
        meta.modified = meta.modified or str(article.get("dateModified", "")).strip()
        meta.authors = meta.authors or [n.strip() for n in _names(article.get("author")) if n.strip()]
        section = article.get("articleSection", "")
        meta.section = meta.section or (section[0] if isinstance(section, list) and section else
                                        str(section or ""))
        keywords = article.get("keywords", [])
        if isinstance(keywords, str):
            keywords = [keywords]
        keywords = [k.strip() for item in keywords for k in str(item).split(",")]
        meta.tags = meta.tags or [str(k).strip() for k in keywords if str(k).strip()]
    for og in data.get("opengraph", []):
        meta.title = meta.title or str(og.get("og:title", "")).strip()
        meta.description = meta.description or str(og.get("og:description", "")).strip()
        meta.image = meta.image or str(og.get("og:image", "")).strip()
        meta.site_name = meta.site_name or str(og.get("og:site_name", "")).strip()
        meta.og_type = meta.og_type or str(og.get("og:type", "")).strip()

    def first(xpath: str) -> str:
        values = tree.xpath(xpath)
        return str(values[0]).strip() if values else ""

    meta.published = meta.published or first(
        "//meta[@property='article:published_time' or @name='article:published_time' or "
        "@itemprop='datePublished' or @name='pubdate' or @name='publishdate']/@content"
    ) or first("//time[@itemprop='datePublished']/@datetime")
    meta.modified = meta.modified or first("//meta[@property='article:modified_time']/@content")
    meta.section = meta.section or first("//meta[@property='article:section']/@content")
    meta.tags = meta.tags or [str(t).strip() for t in tree.xpath("//meta[@property='article:tag']/@content")]
    meta.description = meta.description or first("//meta[@name='description']/@content")
    if not meta.authors and (author := first("//meta[@name='author']/@content")):
        meta.authors = [author]
    meta.canonical = first("//link[@rel='canonical']/@href")
    return meta
