"""Downloader middlewares."""

from __future__ import annotations

from scrapy import Request, Spider
from scrapy.http import Response


class ConditionalGetMiddleware:
    """Conditional GETs for listings (feeds, sitemaps, sections): an unchanged one costs a 304."""

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

    def process_response(self, request: Request, response: Response, spider: Spider) -> Response:
        state = getattr(spider, "state_store", None)
        if state is not None and request.meta.get("listing") and response.status == 200:
            etag = response.headers.get("ETag", b"").decode("latin-1")
            last_modified = response.headers.get("Last-Modified", b"").decode("latin-1")
            if etag or last_modified:
                state.record_validators(request.url, etag, last_modified)
        return response
