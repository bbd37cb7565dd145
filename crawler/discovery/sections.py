"""Section listing pages: article links and the next page."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from crawler.extract.xpaths import html_elements, strings

# Article URLs on Vietnamese CMSs end in a numeric id: "-a1234.html", "-20231010.htm", "/d538952.html".
ARTICLE_URL = re.compile(r"(?:-|/)[a-z]?\d{4,}\.html?$|-post\d+\.html?$|/\d{5,}/?$")
NEXT_TEXTS = ("trang sau", "tiếp", "xem thêm", "next", "›", "»")


def parse_section(
    body: str, url: str, prefix: str | None = None, pattern: re.Pattern[str] | None = None
) -> tuple[list[str], str | None]:
    """(article URLs, next page URL) of a listing page; only links under ``prefix`` are kept.

    ``pattern`` (from the registry's ``article_pattern``) replaces the generic article-URL test for
    CMSs whose article URLs carry no numeric id.
    """
    try:
        tree = lxml_html.document_fromstring(body)
    except (ValueError, lxml_html.etree.ParserError):
        return [], None
    host = urlsplit(url).netloc
    prefix = prefix or f"{urlsplit(url).scheme}://{host}/"
    articles: list[str] = []
    for href in strings(tree, "//a/@href"):
        absolute = urljoin(url, href.strip())
        looks_like_article = (
            pattern.search(absolute) if pattern else ARTICLE_URL.search(urlsplit(absolute).path)
        )
        is_article = absolute.startswith(prefix) and looks_like_article
        if is_article and absolute not in articles:
            articles.append(absolute)
    next_url = None
    for link in strings(tree, "//link[@rel='next']/@href | //a[@rel='next']/@href"):
        next_url = urljoin(url, link)
        break
    if next_url is None:
        for anchor in html_elements(tree, "//a[@href]"):
            if " ".join(anchor.text_content().split()).lower() in NEXT_TEXTS:
                next_url = urljoin(url, anchor.get("href", ""))
                break
    return articles, next_url
