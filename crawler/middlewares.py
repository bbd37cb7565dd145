"""Downloader middlewares: conditional GETs, retries with backoff, redirect loops, robots.txt, and the
route to the sample press."""

from __future__ import annotations

import logging
import random
from collections.abc import Coroutine
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.robotstxt import RobotParser
from scrapy.settings import BaseSettings
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.response import response_status_message
from twisted.internet.defer import Deferred
from twisted.internet.task import deferLater
from w3lib.url import safe_url_string

from crawler.extensions import crawl_state

log = logging.getLogger(__name__)
Later = Coroutine[Any, Any, Request]  # a retry handed back after its wait


class ConditionalGetMiddleware:
    """Conditional GETs for listings (feeds, sitemaps, sections): an unchanged one costs a 304.

    The validators are saved by the spider only after the listing's new links are recorded as
    pending (see crawler.state), never here: a crash between the two must not hide those links.
    """

    def __init__(self, crawler: Crawler | None = None) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalGetMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        spider = spider or (self.crawler.spider if self.crawler else None)
        state = crawl_state(self.crawler)
        # --refetch re-reads known articles, so it needs the listings' full text, not a 304.
        if state is None or not request.meta.get("listing") or getattr(spider, "refetch", False):
            return None
        etag, last_modified = state.validators(request.url)
        if etag:
            request.headers.setdefault("If-None-Match", etag)
        if last_modified:
            request.headers.setdefault("If-Modified-Since", last_modified)
        return None


def _outlet_id(request: Request) -> str:
    return getattr(request.meta.get("outlet"), "id", "unknown")


def retry_after(response: Response | None, now: datetime | None = None) -> float | None:
    """Seconds a 429/503 asks us to wait (``Retry-After``: seconds or an HTTP date), if it says."""
    if response is None:
        return None
    value = (response.headers.get("Retry-After") or b"").decode("latin-1").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware (429/5xx/timeouts, RETRY_TIMES), but a retry waits before it goes out.

    The wait is the server's ``Retry-After`` when it sends one (capped at RETRY_AFTER_MAX: a site
    asking for an hour gets retried next run, not held in memory), else exponential backoff with
    jitter: RETRY_BACKOFF_BASE × 2^(attempt-1), at most RETRY_BACKOFF_MAX. Retrying at once, as
    Scrapy does, hits an overloaded site again while it is still overloaded. The wait happens in the
    middleware (a timer, not a blocking sleep), so other requests keep flowing meanwhile.
    """

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 30.0)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 120.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        middleware = cls(crawler.settings)
        middleware.crawler = crawler
        return middleware

    def delay(self, request: Request, response: Response | None) -> float | None:
        """Seconds before the retry of ``request``; None: do not retry (Retry-After too long)."""
        attempt: int = request.meta.get("retry_times", 0) + 1
        asked = retry_after(response)
        if asked is not None:
            return asked if asked <= self.retry_after_max else None
        return min(self.cap, self.base * 2.0 ** (attempt - 1)) * random.uniform(0.75, 1.25)

    async def _later(self, seconds: float, retry: Request) -> Request:
        """``retry``, handed back to Scrapy after ``seconds`` (a timer: nothing blocks meanwhile)."""
        if seconds > 0:
            from twisted.internet import reactor  # the installed one (asyncio), not a default

            await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))
        return retry

    # Plain methods that return a coroutine only when they retry: the common case (no retry)
    # then costs no task or future.
    # Scrapy awaits a coroutine a middleware method returns (deferred_from_coro); its annotations
    # list only the synchronous results, hence the override ignores.
    def process_response(  # type: ignore[override]
        self,
        request: Request,
        response: Response,
        spider: Spider | None = None,
    ) -> Request | Response | Later:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        wait = self.delay(request, response)
        if wait is None:
            log.warning(
                "Not retrying %s: Retry-After asks for more than %.0f s", request.url, self.retry_after_max
            )
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        self.crawler.stats.inc_value(f"presswatch/retries/{_outlet_id(request)}")
        log.info("Retrying %s in %.1f s (HTTP %s)", request.url, wait, response.status)
        return self._later(wait, retry)

    def process_exception(  # type: ignore[override]
        self,
        request: Request,
        exception: Exception,
        spider: Spider | None = None,
    ) -> Request | Response | Later | None:
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry", False):
            return None
        retry = self._retry(request, exception)
        if retry is None:
            return None
        self.crawler.stats.inc_value(f"presswatch/retries/{_outlet_id(request)}")
        return self._later(self.delay(request, None) or 0.0, retry)


class RedirectLoopMiddleware:
    """Stop a redirect chain as soon as it comes back to a URL it already visited.

    Without this, a loop (A → B → A) runs to REDIRECT_MAX_TIMES, or the scheduler's duplicate
    filter silently drops the repeat and the article stays pending with no error recorded.
    Sits after RedirectMiddleware (a higher number), so it sees each 3xx first.
    """

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        if response.status not in (301, 302, 303, 307, 308) or "Location" not in response.headers:
            return response
        location = safe_url_string((response.headers["Location"] or b"").decode("latin-1"))
        target = response.urljoin(location)
        visited = {*request.meta.get("redirect_urls", []), request.url}
        if target in visited:
            raise IgnoreRequest(f"redirect loop: {request.url} → {target} (visited {len(visited)} URLs)")
        return response


def abort_heavy_resources(request: Any) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST: a rendered article needs its document, scripts and XHR only."""
    return request.resource_type in ("image", "media", "font", "stylesheet")


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, with every waiting request seeing the parsed robots.txt.

    In Scrapy 2.19, requests that arrive while a site's robots.txt is being fetched all await one
    Deferred; only the first gets the parser, the others get None, which the middleware reads as
    "no robots.txt" and lets them through. The sample press's robots test caught a disallowed
    section page fetched that way. The parser is stored before the Deferred fires, so reading it
    back is enough.
    """

    async def robot_parser(self, request: Request) -> RobotParser | None:
        parser = await super().robot_parser(request)
        if parser is None:
            stored = self._parsers.get(urlparse_cached(request).netloc)
            if stored is not None and not isinstance(stored, Deferred):
                return stored
        return parser


class SamplePressRoutingMiddleware:
    """Send requests for the sample press's stable origin to the server actually running it.

    The demo's sample press names itself ``http://sample-press.localhost`` (``STABLE_ORIGIN``) in
    every page, whatever free port it got, so that article URLs and ids survive a restart. The
    running server answers absolute-URI requests like an HTTP proxy, so each request for that
    origin goes through it (``meta["proxy"]``) and keeps its URL: everything downstream sees the
    stable one. Only that origin is routed; every other host is fetched directly.
    Configured by ``PRESSWATCH_SAMPLE_PRESS_URL`` (the origin) and ``PRESSWATCH_SAMPLE_PRESS_ADDRESS``
    (where it listens); sits before HttpProxyMiddleware (750).
    """

    def __init__(self, origin: str, address: str) -> None:
        self.netloc = urlparse_cached(Request(origin)).netloc
        self.address = address

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SamplePressRoutingMiddleware:
        origin = crawler.settings.get("PRESSWATCH_SAMPLE_PRESS_URL", "")
        address = crawler.settings.get("PRESSWATCH_SAMPLE_PRESS_ADDRESS", "")
        if not origin or not address or origin.rstrip("/") == address.rstrip("/"):
            raise NotConfigured("the sample press is served at its own address")
        return cls(origin, address)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if urlparse_cached(request).netloc == self.netloc:
            request.meta["proxy"] = self.address
        return None
