"""The ``news`` spider: registry → discovery routes → article pages → ``ArticleItem``."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import scrapy
from scrapy.http import Response

from crawler.discovery import parse_feed, parse_section, parse_sitemap
from crawler.extract import extract_article
from crawler.items import ArticleItem
from crawler.registry import DEFAULT_REGISTRY, SAMPLE_REGISTRY, Outlet, load_registry
from crawler.urls import canonicalize

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(self, registry: str = "", outlets: str = "", sample_press: str = "",
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.registry_arg = registry
        self.outlet_filter = {o.strip() for o in outlets.split(",") if o.strip()}
        self.sample_press_arg = sample_press

    def load_outlets(self) -> list[Outlet]:
        settings = self.crawler.settings
        sample_press = self.sample_press_arg or settings.get("PRESSWATCH_SAMPLE_PRESS_URL", "")
        path = self.registry_arg or settings.get("PRESSWATCH_REGISTRY") or (
            SAMPLE_REGISTRY if sample_press else DEFAULT_REGISTRY)
        outlets = load_registry(Path(path), {"sample_press": sample_press.rstrip("/")})
        chosen = [o for o in outlets if o.enabled and (not self.outlet_filter or o.id in self.outlet_filter)]
        unknown = self.outlet_filter - {o.id for o in outlets}
        if unknown:
            raise ValueError(f"Unknown outlet id(s) {', '.join(sorted(unknown))} in {path}")
        return chosen

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for request in self.start_requests():
            yield request

    def start_requests(self) -> Iterator[scrapy.Request]:
        for outlet in self.load_outlets():
            meta = {"outlet": outlet}
            for url in outlet.feeds:
                yield scrapy.Request(url, self.parse_feed, meta=meta, errback=self.on_error)
            for url in outlet.sitemaps:
                yield scrapy.Request(url, self.parse_sitemap, meta=meta, errback=self.on_error)
            for url in outlet.sections:
                yield scrapy.Request(url, self.parse_section, meta={**meta, "page": 1, "section": url},
                                     errback=self.on_error)

    def _article_request(self, url: str, outlet: Outlet) -> scrapy.Request:
        return scrapy.Request(canonicalize(url), self.parse_article, meta={"outlet": outlet},
                              errback=self.on_error)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        links = parse_feed(response.body)
        if not links:
            self.logger.warning("Feed %s listed no articles", response.url)
        for link in links:
            yield self._article_request(response.urljoin(link.url), response.meta["outlet"])

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        links, children = parse_sitemap(response.body)
        for child in children:
            yield scrapy.Request(response.urljoin(child), self.parse_sitemap, meta=response.meta,
                                 errback=self.on_error)
        for link in links:
            yield self._article_request(response.urljoin(link.url), response.meta["outlet"])

    def parse_section(self, response: Response) -> Iterator[scrapy.Request]:
        outlet: Outlet = response.meta["outlet"]
        prefix = response.meta["section"].rsplit("/", 1)[0] + "/"
        articles, next_url = parse_section(response.text, response.url, prefix)
        for url in articles:
            yield self._article_request(url, outlet)
        page = response.meta["page"]
        if next_url and page < self.crawler.settings.getint("PRESSWATCH_MAX_SECTION_PAGES", 5):
            yield scrapy.Request(next_url, self.parse_section, meta={**response.meta, "page": page + 1},
                                 errback=self.on_error)

    def parse_article(self, response: Response) -> Iterator[ArticleItem]:
        outlet: Outlet = response.meta["outlet"]
        content_type = response.headers.get("Content-Type", b"").decode("latin-1") or None
        result = extract_article(response.body, response.url, content_type)
        stats = self.crawler.stats
        if not result.ok:
            stats.inc_value(f"presswatch/not_article/{outlet.id}")
            self.logger.info("Not an article: %s (%s)", response.url, result.reason)
            return
        article = result.article
        stats.inc_value(f"presswatch/articles/{outlet.id}")
        yield ArticleItem(
            url=canonicalize(article["url"]),
            outlet_id=outlet.id,
            outlet_name=outlet.name,
            outlet_kind=outlet.kind,
            outlet_province=outlet.province or "",
            title=article["title"],
            sapo=article["sapo"],
            body=article["body"],
            author=article["author"],
            published_at=article["published_at"],
            section=article["section"],
            tags=article["tags"],
            images=article["images"],
            fetched_url=response.url,
            crawled_at=datetime.now(LOCAL_TZ),
        )

    def on_error(self, failure: Any) -> None:
        request = failure.request
        outlet = request.meta.get("outlet")
        self.crawler.stats.inc_value(f"presswatch/fetch_errors/{outlet.id if outlet else 'unknown'}")
        self.logger.warning("Fetch failed: %s (%s)", request.url, failure.getErrorMessage())
