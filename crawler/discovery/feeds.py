"""RSS 2.0 and Atom feeds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from crawler.extract.dates import parse_rss_date


@dataclass(frozen=True)
class Link:
    url: str
    published_at: datetime | None = None
    title: str = ""
    modified: datetime | None = None  # when the listing says the article last changed


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_feed(body: bytes) -> list[Link]:
    """Article links of an RSS or Atom document; an unreadable feed gives an empty list."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    links = []
    for item in root.iter():
        name = _local(item.tag)
        if name not in ("item", "entry"):
            continue
        fields = {_local(child.tag): child for child in item}
        url = ""
        if "link" in fields:
            link = fields["link"]
            url = (link.text or link.get("href") or "").strip()
        guid = fields["guid"].text or "" if "guid" in fields else ""
        if not url and guid.startswith("http"):
            url = guid.strip()
        if not url:
            continue
        date_el = next((fields[k] for k in ("pubDate", "published", "date", "updated") if k in fields), None)
        published = parse_rss_date(date_el.text or "") if date_el is not None and date_el.text else None
        updated_el = fields.get("updated")
        modified = parse_rss_date(updated_el.text) if updated_el is not None and updated_el.text else None
        title = (fields["title"].text or "").strip() if "title" in fields else ""
        links.append(Link(url=url, published_at=published, title=title, modified=modified))
    return links
