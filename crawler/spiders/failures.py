"""What a failed request means for the crawl: settled, counted or retried next run.

The spider's errback (``NewsSpider.on_error``) hands every failure here, so the request paths and
what their failures mean are read apart. One failing outlet (or page) never stops the others.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import TimeoutError as TwistedTimeoutError

from crawler.extensions import crawl_state
from crawler.fetch_policy import RefusedRequest


def record_failure(
    crawler: Crawler, failure: Any, is_article: bool, logger: logging.Logger | logging.LoggerAdapter[Any]
) -> None:
    """Record why a request failed: refused and robots-denied requests and pages too large are
    settled (not re-queued every run), other article failures are retried, listings' 410s noted.
    ``is_article``: the request was for an article page (not a listing)."""
    request = failure.request
    outlet = request.meta.get("outlet")
    outlet_id = outlet.id if outlet else "unknown"
    state = crawl_state(crawler)
    reason = failure.getErrorMessage()
    stats = crawler.stats
    assert stats is not None  # a running crawl has its stats collector
    if failure.check(RefusedRequest):
        # Off the outlet's hosts or at a private address: counted and logged by the fetch policy,
        # settled here so that it is not re-queued every run.
        if state is not None and is_article:
            state.done(request.url)
        return
    if failure.check(IgnoreRequest) and "robots.txt" in reason:
        # Not an error: the site asked us not to. Settled, so it is not re-queued every run.
        stats.inc_value(f"presswatch/robots_denied/{outlet_id}")
        if state is not None and is_article:
            state.done(request.url)
        logger.info("Forbidden by robots.txt: %s", request.url)
        return
    if "max size" in reason:  # Scrapy cancelled it: DownloadCancelledError (2.19) / CancelledError
        stats.inc_value(f"presswatch/too_large/{outlet_id}")
        if state is not None and is_article:
            state.done(request.url)  # it will not shrink by itself: do not fetch it every run
        logger.warning(
            "Too large, not fetched: %s (%s; DOWNLOAD_MAXSIZE=%s)",
            request.url,
            reason,
            crawler.settings.getint("DOWNLOAD_MAXSIZE"),
        )
        stats.inc_value(f"presswatch/fetch_errors/{outlet_id}")
        return
    if state is not None and is_article:
        state.attempted(request.url)
    stats.inc_value(f"presswatch/fetch_errors/{outlet_id}")
    if failure.check(HttpError):
        reason = f"HTTP {failure.value.response.status}"
        if failure.value.response.status == 410 and request.meta.get("listing"):
            # Gone for good (an old article's 410 is ordinary; a listing's is the site's end).
            note_example(stats, "gone", outlet_id, request.url)
    elif failure.check(TwistedTimeoutError) or "took longer than" in reason:
        reason = f"timeout after {crawler.settings.getfloat('DOWNLOAD_TIMEOUT'):g} s"
    logger.warning("Fetch failed: %s (%s)", request.url, reason)


def note_example(stats: Any, what: str, outlet_id: str, example: str, keep: int = 3) -> None:
    """Keep a few examples of a health symptom (``presswatch_<what>/<outlet>``) for the state."""
    examples = stats.get_value(f"presswatch_{what}/{outlet_id}") or []
    if example not in examples and len(examples) < keep:
        stats.set_value(f"presswatch_{what}/{outlet_id}", [*examples, example])
