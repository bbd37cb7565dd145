"""Google News sitemaps, plain sitemaps and sitemap indexes."""

from __future__ import annotations

from lxml import etree

from crawler.discovery.feeds import Link, _local
from crawler.extract.dates import parse_iso


def parse_sitemap(body: bytes) -> tuple[list[Link], list[str]]:
    """(article links, child sitemap URLs) of a sitemap or sitemap index."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return [], []
    if root is None:
        return [], []
    links, children = [], []
    for entry in root:
        name = _local(entry.tag)
        loc = next((c.text.strip() for c in entry.iter() if _local(c.tag) == "loc" and c.text), "")
        if not loc:
            continue
        if name == "sitemap":
            children.append(loc)
        elif name == "url":
            values = {_local(c.tag): c.text.strip() for c in entry.iter() if c.text and c.text.strip()}
            published = values.get("publication_date") or values.get("lastmod")
            modified = values.get("lastmod")
            links.append(
                Link(
                    url=loc,
                    published_at=parse_iso(published) if published else None,
                    title=values.get("title", ""),
                    modified=parse_iso(modified) if modified else None,
                )
            )
    return links, children
