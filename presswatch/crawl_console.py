"""What a crawl shows in a terminal: a progress bar (outlets, pages, articles) and a short summary,
while Scrapy's own log (settings, stats, warnings) goes to a file.

Used by `presswatch demo`; the bar follows Scrapy's signals, so it needs no polling. Its total is
the requests scheduled so far: it grows while the feeds and sections reveal articles and the bar
fills as they are fetched.
"""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path
from typing import Any, TextIO

from scrapy import signals
from scrapy.crawler import Crawler
from tqdm import tqdm

from search.private_files import private_file

BAR_FORMAT = "{desc} |{bar}| {n_fmt}/{total_fmt} pages{postfix} [{elapsed}]"  # tqdm adds ", " to postfix


class CrawlProgress:
    """A tqdm bar over one crawl: pages fetched of pages scheduled, outlets reached, articles found.

    tqdm draws only on a terminal (``disable=None``); piped output gets the summary alone.
    """

    def __init__(self, outlets: int, stream: TextIO | None = None) -> None:
        self.outlets = outlets
        self.reached: set[str] = set()
        self.articles = 0
        # shutil's size, not tqdm's own: a terminal that reports 0×0 (script, some CI runners)
        # gets 80×24, where tqdm would hide its bar as "more hidden" below the last row.
        size = shutil.get_terminal_size()
        self.bar = tqdm(
            total=0,
            desc=self._desc(),
            bar_format=BAR_FORMAT,
            file=stream or sys.stderr,
            disable=None,
            ncols=min(size.columns, 100),
            nrows=max(size.lines, 2),
            postfix="0 articles",
        )

    def _desc(self) -> str:
        return f"Crawling {len(self.reached)}/{self.outlets} outlets"

    def attach(self, crawler: Crawler) -> None:
        """Follow ``crawler``: called by ``crawler.run.crawl`` before the crawl starts."""
        crawler.signals.connect(self._scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(self._dropped, signal=signals.request_dropped)
        crawler.signals.connect(self._fetched, signal=signals.request_left_downloader)
        crawler.signals.connect(self._article, signal=signals.item_scraped)

    def _total(self) -> float:
        return self.bar.total or 0  # set (to 0) when the bar is made

    def _scheduled(self, request: Any, spider: Any) -> None:
        self.bar.total = self._total() + 1
        self.bar.refresh()

    def _dropped(self, request: Any, spider: Any) -> None:
        self.bar.total = max(self.bar.n, self._total() - 1)

    def _fetched(self, request: Any, spider: Any) -> None:
        outlet = request.meta.get("outlet")
        if outlet is not None and outlet.id not in self.reached:
            self.reached.add(outlet.id)
            self.bar.set_description_str(self._desc(), refresh=False)
        # robots.txt is fetched without being scheduled: the total never trails the count.
        self.bar.total = max(self._total(), self.bar.n + 1)
        self.bar.update(1)

    def _article(self, item: Any, response: Any, spider: Any) -> None:
        self.articles += 1
        self.bar.set_postfix_str(f"{self.articles} articles")

    def close(self) -> None:
        self.bar.close()


def log_to_file(path: Path) -> dict[str, Any]:
    """Scrapy settings that append its whole log (and Python warnings) to ``path``.

    Appended, not rewritten: Scrapy opens the file twice per crawl (process, then crawler). Created
    0600 first (Scrapy would create it with the umask's mode): the data folder is private.
    """
    private_file(path)
    return {"LOG_FILE": str(path), "LOG_FILE_APPEND": True, "LOG_LEVEL": "INFO"}


def echo_log() -> logging.Handler:
    """``--verbose``: Scrapy's log on the terminal as well as in its file (root logger handler)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s [%(name)s] %(levelname)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return handler


def crawl_totals(stats: dict[str, Any]) -> dict[str, int]:
    """The per-outlet counters of a crawl's stats, summed: pages, articles, new, updated…"""
    kinds = ("pages", "articles", "new", "updated", "not_article", "fetch_errors")
    totals = {kind: sum(v for k, v in stats.items() if k.startswith(f"presswatch/{kind}/")) for kind in kinds}
    totals["outlets"] = len({k.rsplit("/", 1)[1] for k in stats if k.startswith("presswatch/pages/")})
    totals["skipped_known"] = stats.get("presswatch_total/skipped_known", 0)
    totals["index_errors"] = stats.get("presswatch_total/index_errors", 0)
    return totals
