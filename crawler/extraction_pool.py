"""Extraction off the crawl's main thread: a small pool of worker processes.

Scrapy runs everything in one thread, so parsing and extracting pages would leave the other cores
idle while the downloader and the indexer wait. The spider hands each page's bytes to
``ExtractionPool.extract`` and awaits the result; the main process keeps fetching and indexing
meanwhile. Besides extracting, a worker builds the article's ``Document`` (its one shape from here to
the index) and analyses it (``search.ingest.analyse_and_sign``: topics, places, tone, MinHash
signature), all pure functions of the page, so the main process only groups (an LSH look-up) and
writes. ``PRESSWATCH_EXTRACT_WORKERS=0`` does it all in-process (as
when there is no asyncio event loop, e.g. under a non-asyncio Twisted reactor).
"""

from __future__ import annotations

import asyncio
import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crawler.extract import Extraction
    from crawler.extract.options import ExtractionOptions
    from crawler.items import ArticleItem, OutletFields

log = logging.getLogger(__name__)


def default_workers() -> int:
    # One per core beyond the one the crawl itself keeps busy, at least one, at most four.
    return max(1, min(4, (os.cpu_count() or 2) - 1))


def extract_item(
    page: bytes,
    url: str,
    content_type: str | None,
    outlet: OutletFields,
    options: ExtractionOptions | None = None,
    since: date | None = None,
) -> tuple[Extraction, ArticleItem | None]:
    """Extract a page and, when it is an article to keep, its item (document analysed and signed).

    The item is None when the page is not an article or was published before ``since``. The whole
    of it (extraction and analysis) gets ``options.cpu_seconds`` of CPU; the options (default: the
    generic ones) are the outlet's, built once by the spider."""
    from crawler.extract import budget, not_article
    from crawler.extract.options import DEFAULTS

    chosen = DEFAULTS if options is None else options
    try:
        with budget.cpu_budget(chosen.cpu_seconds):
            return _extract_item(page, url, content_type, outlet, chosen, since)
    except budget.OverBudget as over:
        return not_article(over.reason), None


def _extract_item(
    page: bytes,
    url: str,
    content_type: str | None,
    outlet: OutletFields,
    options: ExtractionOptions,
    since: date | None,
) -> tuple[Extraction, ArticleItem | None]:
    from crawler.extract import extract_article
    from crawler.items import article_item
    from search.ingest import analyse_and_sign

    result = extract_article(page, url, content_type, options)
    article = result.article  # None when not result.ok
    if article is None or (since and article.published_at.date() < since):
        return result, None
    # The item's document takes the extraction's strings as they are (normalised once, there): the
    # result and the item pickled back together carry the text once.
    item = article_item(article, outlet, url)
    item.signature = analyse_and_sign(item.document)
    return result, item


def _started() -> None:
    """Nothing: submitted once per worker so that the pool starts its processes right away."""


def _warm() -> None:
    """Run once in each worker: import and exercise the extractor and the analysis before real
    pages arrive (an article, so that analysing it loads the analysers too; no CPU budget: the
    first real page must not pay for the imports)."""
    paragraph = "<p>Bắc Ninh hôm nay họp bàn về giao thông, đầu tư công và cải cách hành chính.</p>"
    page = (
        "<html><head><meta charset='utf-8'><title>Tin x</title><meta property='article:published_time'"
        " content='2026-01-01T08:00:00+07:00'></head><body><article><h1>Tin x</h1><div class='content'>"
        f"{paragraph * 3}</div></article></body></html>"
    ).encode()
    from crawler.extract.options import ExtractionOptions

    outlet: OutletFields = {"outlet_id": "x", "outlet_name": "", "outlet_kind": "", "outlet_province": ""}
    extract_item(page, "http://x/", None, outlet, ExtractionOptions(cpu_seconds=0))


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with(parent: int) -> None:
    """Make this worker die with the crawl that started it, even when the crawl is SIGKILLed.

    Otherwise a killed crawl leaves its workers behind, reparented to init: each holds both ends of
    the pool's call queue, so it never sees EOF and waits forever. Linux: the kernel sends SIGKILL
    when the parent dies (PR_SET_PDEATHSIG; the pool spawns workers from the crawl's main thread,
    whose exit is the process's). Elsewhere, or if prctl fails: a thread watching the parent id.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        armed = False
    if os.getppid() != parent:  # the crawl died before the signal was armed
        os._exit(1)
    if not armed:

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1.0)
            os._exit(1)

        threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _start_worker(parent: int) -> None:
    """The pool's initializer: tie the worker to the crawl, then warm it up."""
    _die_with(parent)
    _warm()


def _main_is_importable() -> bool:
    """Spawned workers re-import the main module; a script read from stdin (``python -``) has none."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return path is None or os.path.exists(path)


class ExtractionPool:
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.restarted = False
        self.executor = self._start(workers)

    @staticmethod
    def _start(workers: int) -> ProcessPoolExecutor | None:
        if workers > 0 and not _main_is_importable():
            log.info("Extracting in-process: worker processes cannot re-import this program's main module")
            return None
        if workers <= 0:
            return None
        # "spawn": a fresh interpreter, never a fork of the process running Twisted's reactor.
        context = multiprocessing.get_context("spawn")
        executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
        )
        # Spawned on demand otherwise, i.e. when the first article page arrives, which then
        # waits ~1 s for a fresh interpreter to import and warm up: start them all now.
        for _ in range(workers):
            executor.submit(_started)
        return executor

    async def extract(
        self,
        page: bytes,
        url: str,
        content_type: str | None,
        outlet: OutletFields,
        options: ExtractionOptions | None = None,
        since: date | None = None,
    ) -> tuple[Extraction, ArticleItem | None]:
        """``extract_item`` in a worker process (here when there are none)."""
        args = (page, url, content_type, outlet, options, since)
        if self.executor is None:
            return extract_item(*args)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not on asyncio: extract here
            return extract_item(*args)
        try:
            return await loop.run_in_executor(self.executor, extract_item, *args)
        except BrokenProcessPool:
            # A worker died (a C extension crashing on a hostile page, or a worker that cannot
            # start): extract this page here so it is not lost, restart the pool once, and after a
            # second failure extract in-process for the rest of the crawl.
            self.close(wait=False)
            if not self.restarted:
                log.error("An extraction worker died on %s; restarting the pool", url)
                self.executor = self._start(self.workers)
                self.restarted = True
            else:
                log.error("Extraction workers died twice; extracting in-process from now on")
            return extract_item(*args)

    def close(self, wait: bool = True) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=wait, cancel_futures=True)
            self.executor = None
