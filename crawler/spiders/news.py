"""The ``news`` spider: registry → discovery routes → article pages → ``ArticleItem``.

Behaviour lives elsewhere: politeness in settings, conditional GETs in a middleware, the crawl
state in an extension, indexing in the pipeline. The spider only decides what to request next.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Response

from crawler import distributed, fetch_policy, succession
from crawler.discovery import parse_feed, parse_section, parse_sitemap
from crawler.discovery.feeds import Link
from crawler.extensions import crawl_state
from crawler.extract.options import ExtractionOptions
from crawler.extraction_pool import ExtractionPool, default_workers, extract_item
from crawler.items import ArticleItem, OutletFields, TakedownItem, attribute_item
from crawler.parked import parked_marker
from crawler.registry import Outlet
from crawler.spiders.failures import note_example, record_failure
from crawler.spiders.outlets import choose_outlets, configure_for_outlets
from crawler.urls import canonicalize
from search.versions import VersionStore


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(
        self,
        registry: str = "",
        outlets: str = "",
        sample_press: str = "",
        since: str = "",
        refetch: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.registry_arg = registry
        self.outlet_filter = {o.strip() for o in outlets.split(",") if o.strip()}
        self.sample_press_arg = sample_press
        self.since = date.fromisoformat(since) if since else None
        self.refetch = refetch in ("1", "true", "yes", True)
        self.outlet_ids: list[str] = []
        self.known: set[str] = set()
        self.outlets: list[Outlet] = []
        self.pool: ExtractionPool | None = None
        self.versions: VersionStore | None = None  # opened for the rechecks, if any
        # Sitemaps requested this run, per outlet: an index that lists itself (or a cycle of
        # indexes) was fetched forever, since listings bypass the duplicate filter.
        self.sitemaps_seen: dict[str, set[str]] = {}
        # Each outlet's extraction options (selectors, hosts, page budget), built once per crawl.
        self.extraction_options: dict[str, ExtractionOptions] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        """Load the registry before the settings freeze: per-outlet download slots (crawl_delay) and
        the browser download handler (only when a chosen outlet has render_js) depend on it."""
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.outlets = spider.load_outlets()
        configure_for_outlets(crawler.settings, spider.outlets)
        # Started before the engine is built, so the workers import and warm up (~1 s) while the
        # crawl's own process starts its engine and fetches robots.txt and the listings.
        spider.open_pool()
        crawler.signals.connect(spider.close_pool, signal=signals.spider_closed)
        crawler.signals.connect(spider.close_versions, signal=signals.spider_closed)
        return spider

    def open_pool(self) -> None:
        workers = self.crawler.settings.get("PRESSWATCH_EXTRACT_WORKERS")
        self.pool = ExtractionPool(default_workers() if workers in (None, "") else int(workers))

    def close_pool(self) -> None:
        if self.pool is not None:
            self.pool.close()

    def load_outlets(self) -> list[Outlet]:
        """The outlets this crawl visits (``outlets.choose_outlets``)."""
        return choose_outlets(
            self.crawler.settings, self.registry_arg, self.sample_press_arg, self.outlet_filter
        )

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for request in self.start_requests():
            yield request

    def start_requests(self) -> Iterator[scrapy.Request]:
        state = crawl_state(self.crawler)
        self.known = state.known_urls() if state is not None and not self.refetch else set()
        self.outlet_ids = [outlet.id for outlet in self.outlets]
        if not distributed.should_seed(self):  # another worker of this distributed run seeds it
            return
        for outlet in self.outlets:
            pending: list[str] = []
            if state is not None:
                # Found by an earlier run but never indexed (killed, failed): fetch them first.
                pending = state.pending(outlet.id)
                for url in pending:
                    yield self._article_request(url, outlet)
            for url in self._rechecks(outlet, set(pending)):
                yield self._article_request(url, outlet, recheck=True)
            if outlet.prime_url:
                # Some outlets (QĐND) hand out the session cookie their feeds need on a first page.
                yield self._listing(outlet.prime_url, outlet, self.after_prime, cookiejar=outlet.id)
                continue
            yield from self._routes(outlet)

    def after_prime(self, response: Response) -> Iterator[scrapy.Request]:
        self._count(response, "pages")
        yield from self._routes(response.meta["outlet"])

    def _routes(self, outlet: Outlet) -> Iterator[scrapy.Request]:
        for url in outlet.feeds:
            yield self._listing(url, outlet, self.parse_feed)
        for url in outlet.sitemaps:
            self.sitemaps_seen.setdefault(outlet.id, set()).add(canonicalize(url))
            yield self._listing(url, outlet, self.parse_sitemap, sitemap_depth=0)
        for url in outlet.sections:
            yield self._listing(url, outlet, self.parse_section, page=1, section=url)

    def _meta(self, outlet: Outlet, **meta: Any) -> dict[str, Any]:
        # One download slot per outlet, not per host: crawl_delay and concurrency are per outlet,
        # and outlets sharing a host (sub-sites, the sample press) do not slow each other down.
        meta = {"outlet": outlet, "download_slot": f"outlet:{outlet.id}", **meta}
        if outlet.crawl_delay is not None:
            meta["autothrottle_dont_adjust_delay"] = True  # AutoThrottle would lower it
        if outlet.prime_url:
            meta["cookiejar"] = outlet.id
        return meta

    def _listing(self, url: str, outlet: Outlet, callback: Callable[..., Any], **meta: Any) -> scrapy.Request:
        meta = self._meta(outlet, listing=True, handle_httpstatus_list=[304], **meta)
        return scrapy.Request(url, callback, meta=meta, errback=self.on_error, dont_filter=True)

    def _count(self, response: Response, what: str) -> None:
        self.crawler.stats.inc_value(f"presswatch/{what}/{response.meta['outlet'].id}")

    def _rechecks(self, outlet: Outlet, pending: set[str]) -> list[str]:
        """Recent known articles to fetch again for edits and takedowns (search.versions):
        published in the last PRESSWATCH_RECHECK_DAYS days, not checked for
        PRESSWATCH_RECHECK_HOURS hours, at most PRESSWATCH_RECHECK_PER_OUTLET per outlet a run."""
        settings = self.crawler.settings
        days = settings.getint("PRESSWATCH_RECHECK_DAYS", 3)
        if days <= 0 or self.refetch:  # --refetch fetches every known article anyway
            return []
        if self.versions is None:
            self.versions = VersionStore.open()
        due = self.versions.due_for_recheck(
            outlet.id,
            days=days,
            every_hours=settings.getfloat("PRESSWATCH_RECHECK_HOURS", 12),
            limit=settings.getint("PRESSWATCH_RECHECK_PER_OUTLET", 50),
        )
        return [url for _, url in due if url not in pending]

    def close_versions(self) -> None:
        if self.versions is not None:
            self.versions.close()
            self.versions = None

    def _article_request(self, url: str, outlet: Outlet, recheck: bool = False) -> scrapy.Request:
        meta = self._meta(outlet)
        if recheck:
            # A gone article is an answer, not an error: the callback sees 404 and 410 itself.
            meta.update(recheck=True, handle_httpstatus_list=[404, 410])
        if outlet.render_js:
            # Only these article pages go through the browser; listings are plain XML/HTML.
            meta.update(playwright=True, playwright_page_goto_kwargs={"wait_until": "networkidle"})
        return scrapy.Request(url, self.parse_article, meta=meta, errback=self.on_error)

    def _article_requests(
        self, links: list[Link], outlet: Outlet, response: Response
    ) -> Iterator[scrapy.Request]:
        state = crawl_state(self.crawler)
        wanted = []
        for link in links:
            url = _absolute(response, link.url)
            if url is None:
                continue
            if urlsplit(url).scheme.lower() not in fetch_policy.SCHEMES:
                # "javascript:", "mailto:"… cannot even become a request (Scrapy raises, which lost
                # the rest of the listing); the fetch policy refuses every other foreign URL.
                fetch_policy.record(self.crawler.stats, outlet.id, url, "not an http(s) URL")
                continue
            if self.since and link.published_at and link.published_at.date() < self.since:
                continue
            if url in self.known:
                fetched = state.last_fetched(url) if state is not None else None
                if not (link.modified and fetched and link.modified > fetched):
                    self.crawler.stats.inc_value("presswatch_total/skipped_known")
                    continue
            wanted.append(url)
        if state is not None:
            state.add_pending(wanted, outlet.id)
            etag = (response.headers.get("ETag") or b"").decode("latin-1")
            last_modified = (response.headers.get("Last-Modified") or b"").decode("latin-1")
            if response.status == 200 and (etag or last_modified):
                state.record_validators(response.url, etag, last_modified)
        for url in wanted:
            yield self._article_request(url, outlet)

    def _parked(self, response: Response) -> bool:
        """A listing that gave nothing is a domain-parking page? Recorded for outlet health. Asked
        only of empty listings, so a real listing that quotes a parking phrase loses nothing."""
        marker = parked_marker(response.body)
        if marker is None:
            return False
        note_example(self.crawler.stats, "parked", response.meta["outlet"].id, f"{response.url} ({marker!r})")
        self.logger.warning("Parked domain page instead of a listing: %s (%r)", response.url, marker)
        return True

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        self._count(response, "pages")
        if response.status == 304:
            return
        links = parse_feed(response.body)
        if not links and not self._parked(response):
            self.logger.warning("Feed %s listed no articles", response.url)
        yield from self._article_requests(links, response.meta["outlet"], response)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        self._count(response, "pages")
        if response.status == 304:
            return
        outlet: Outlet = response.meta["outlet"]
        links, children = parse_sitemap(response.body)
        if not links and not children:
            self._parked(response)
        yield from self._child_sitemaps(children, outlet, response)
        yield from self._article_requests(links, outlet, response)

    def _child_sitemaps(
        self, children: list[str], outlet: Outlet, response: Response
    ) -> Iterator[scrapy.Request]:
        """A sitemap index's children, each once per run, at most PRESSWATCH_MAX_SITEMAP_DEPTH
        indexes deep and PRESSWATCH_MAX_SITEMAPS per outlet."""
        settings = self.crawler.settings
        depth = response.meta.get("sitemap_depth", 0) + 1
        seen = self.sitemaps_seen.setdefault(outlet.id, set())
        urls = dict.fromkeys(filter(None, (_absolute(response, child) for child in children)))
        new = [url for url in urls if url not in seen]
        room = max(0, settings.getint("PRESSWATCH_MAX_SITEMAPS", 500) - len(seen))
        if new and depth > settings.getint("PRESSWATCH_MAX_SITEMAP_DEPTH", 3):
            self.logger.warning(
                "Sitemap index %s is %d levels deep: its %d child sitemaps are not followed",
                response.url,
                depth - 1,
                len(new),
            )
            return
        if len(new) > room:
            self.logger.warning(
                "Outlet %s: more than %d sitemaps this run; %d not followed",
                outlet.id,
                settings.getint("PRESSWATCH_MAX_SITEMAPS", 500),
                len(new) - room,
            )
            new = new[:room]
        seen.update(new)
        for url in new:
            yield self._listing(url, outlet, self.parse_sitemap, sitemap_depth=depth)

    def parse_section(self, response: Response) -> Iterator[scrapy.Request]:
        self._count(response, "pages")
        if response.status == 304:
            return
        outlet: Outlet = response.meta["outlet"]
        prefix = response.meta["section"].rsplit("/", 1)[0] + "/"
        pattern = re.compile(outlet.article_pattern) if outlet.article_pattern else None
        urls, next_url = parse_section(response.text, response.url, prefix, pattern)
        if not urls and self._parked(response):
            return
        yield from self._article_requests([Link(url) for url in urls], outlet, response)
        page = response.meta["page"]
        limit = outlet.section_pages or self.crawler.settings.getint("PRESSWATCH_MAX_SECTION_PAGES", 5)
        if next_url and page < limit:
            yield self._listing(
                next_url, outlet, self.parse_section, page=page + 1, section=response.meta["section"]
            )

    def _extraction_options(self, outlet: Outlet) -> ExtractionOptions:
        """The outlet's extraction options: its selectors and hosts, the crawl's page budget."""
        options = self.extraction_options.get(outlet.id)
        if options is None:
            options = self.extraction_options[outlet.id] = ExtractionOptions.build(
                outlet.selectors or None,
                fetch_policy.own_hosts(outlet),
                self.crawler.settings.getfloat("PRESSWATCH_PAGE_CPU_SECONDS", 5.0),
            )
        return options

    async def parse_article(self, response: Response) -> AsyncIterator[ArticleItem | TakedownItem]:
        outlet: Outlet = response.meta["outlet"]
        self._count(response, "pages")
        recheck = bool(response.meta.get("recheck"))
        first = response.request.url if response.request is not None else response.url  # always set by Scrapy
        asked = (response.meta.get("redirect_urls") or [first])[0]
        if recheck and response.status in (404, 410):
            self._count(response, "takedowns")
            yield TakedownItem(asked, outlet.id, f"http_{response.status}", response.status)
            return
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1") or None
        fields: OutletFields = {
            "outlet_id": outlet.id,
            "outlet_name": outlet.name,
            "outlet_kind": outlet.kind,
            "outlet_province": outlet.province or "",
            "outlet_group": outlet.group or outlet.id,
        }
        # Extracted, analysed and signed in a worker process (crawler.extraction_pool).
        args = (
            response.body,
            response.url,
            content_type,
            fields,
            self._extraction_options(outlet),
            self.since,
        )
        if self.pool is not None:
            result, item = await self.pool.extract(*args)
        else:
            result, item = extract_item(*args)
        state = crawl_state(self.crawler)
        if not result.ok:
            if state is not None:
                state.done(response.url)
            if recheck:  # it was an article: the page now says something else, or is a listing
                self._count(response, "takedowns")
                home = bool(response.meta.get("redirect_urls")) and _home_like(response.url, outlet)
                yield TakedownItem(
                    asked,
                    outlet.id,
                    "redirect_home" if home else "body_replaced",
                    response.status,
                    response.url if home else "",
                    result.reason,
                )
                return
            self._count(response, "not_article")
            self.logger.info("Not an article: %s (%s)", response.url, result.reason)
            return
        if item is None:  # published before --since
            if state is not None:
                state.done(response.url)
            return
        self._count(response, "articles")
        # Archived articles of a predecessor (by the first URL asked for, before any move) keep
        # their own outlet for their date; reports group them under the successor.
        first_url = (response.meta.get("redirect_urls") or [response.url])[0]
        owner = succession.attributed(outlet, first_url, item.document.published_at, fetch_policy.on_hosts_of)
        if owner is not outlet:
            attribute_item(item, owner)
        item.html, item.recheck = response.body, recheck
        yield item

    def on_error(self, failure: Any) -> None:
        """Record why a request failed (``failures.record_failure``)."""
        record_failure(self.crawler, failure, failure.request.callback == self.parse_article, self.logger)


def _absolute(response: Response, link: str) -> str | None:
    """A listed link made absolute and canonical; None for one urllib cannot read (a bad IPv6 host),
    which would otherwise abort the rest of its listing."""
    try:
        return canonicalize(response.urljoin(link))
    except ValueError:
        return None


def _home_like(url: str, outlet: Outlet) -> bool:
    """A home or section page: at most one path segment, or one of the outlet's section URLs."""
    path = urlsplit(url).path.strip("/")
    if "/" not in path and "." not in path:
        return True
    return canonicalize(url) in {canonicalize(section) for section in outlet.sections}
