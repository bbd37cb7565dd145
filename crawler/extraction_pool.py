"""Extraction off the crawl's main thread: a small pool of worker processes.

Scrapy runs everything in one thread, so parsing and extracting pages (≈40 % of a crawl's CPU)
would leave the other cores idle while the downloader and the indexer wait. The spider hands each
page's bytes to ``ExtractionPool.extract`` and awaits the result; the main process keeps fetching
and indexing meanwhile. ``PRESSWATCH_EXTRACT_WORKERS=0`` extracts in-process (the pool is also
skipped when there is no asyncio event loop, e.g. under a non-asyncio Twisted reactor).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from crawler.extract import Extraction, extract_article

log = logging.getLogger(__name__)


def default_workers() -> int:
    # One per core beyond the one the crawl itself keeps busy, at least one, at most four.
    return max(1, min(4, (os.cpu_count() or 2) - 1))


def _warm() -> None:
    """Run once in each worker: import and exercise the extractor before real pages arrive."""
    extract_article(b"<html><head><title>x</title></head><body><p>x</p></body></html>", "http://x/")


def _main_is_importable() -> bool:
    """Spawned workers re-import the main module; a script read from stdin (``python -``) has none."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return path is None or os.path.exists(path)


class ExtractionPool:
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.restarted = False
        self.executor: ProcessPoolExecutor | None = None
        if workers > 0 and not _main_is_importable():
            log.info("Extracting in-process: worker processes cannot re-import this program's main module")
        elif workers > 0:
            # "spawn": a fresh interpreter, never a fork of the process running Twisted's reactor.
            context = multiprocessing.get_context("spawn")
            self.executor = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                                initializer=_warm)

    async def extract(self, page: bytes, url: str, content_type: str | None,
                      selectors: dict[str, Any] | None) -> Extraction:
        if self.executor is None:
            return extract_article(page, url, content_type, selectors)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not on asyncio: extract here
            return extract_article(page, url, content_type, selectors)
        try:
            return await loop.run_in_executor(self.executor, extract_article, page, url, content_type,
                                              selectors)
        except BrokenProcessPool:
            # A worker died (a C extension crashing on a hostile page, or a worker that cannot
            # start): extract this page here so it is not lost, restart the pool once, and after a
            # second failure extract in-process for the rest of the crawl.
            self.close(wait=False)
            if not self.restarted:
                log.error("An extraction worker died on %s; restarting the pool", url)
                self.__init__(self.workers)
                self.restarted = True
            else:
                log.error("Extraction workers died twice; extracting in-process from now on")
            return extract_article(page, url, content_type, selectors)

    def close(self, wait: bool = True) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=wait, cancel_futures=True)
            self.executor = None
