"""Discovery routes: each turns one listing document into article links (and further listings)."""

from crawler.discovery.feeds import parse_feed
from crawler.discovery.sections import parse_section
from crawler.discovery.sitemaps import parse_sitemap

__all__ = ["parse_feed", "parse_section", "parse_sitemap"]
