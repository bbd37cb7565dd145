"""Downloader middlewares."""

from __future__ import annotations

from scrapy import Request, Spider


class ConditionalGetMiddleware:
    """Conditional GETs for listings (feeds, sitemaps, sections): an unchanged one costs a 304.

    The validators are saved by the spider only after the listing's new links are recorded as
    pending (see crawler.state), never here: a crash between the two must not hide those links.
    """

    def process_request(self, request: Request, spider: Spider) -> None:
        state = getattr(spider, "state_store", None)
        if state is None or not request.meta.get("listing"):
            return None
        etag, last_modified = state.validators(request.url)
        if etag:
            request.headers.setdefault("If-None-Match", etag)
        if last_modified:
            request.headers.setdefault("If-Modified-Since", last_modified)
        return None
