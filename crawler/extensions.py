"""The crawl-state extension: opens the state store for a run and writes outlet health at the end."""

from __future__ import annotations

from scrapy import Spider, signals
from scrapy.crawler import Crawler

from crawler.state import CrawlState, OutletRun, state_path


class CrawlStateExtension:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.state: CrawlState | None = None
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlStateExtension:
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider: Spider) -> None:
        self.state = CrawlState(state_path(self.crawler.settings))
        self.run_id = self.state.start_run()

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.state is None or self.run_id is None:  # both are set in spider_opened
            return
        stats = self.crawler.stats.get_stats()
        runs: dict[str, OutletRun] = {}
        fields = {
            "pages": "pages_fetched",
            "new": "articles_new",
            "updated": "articles_updated",
            "not_article": "extraction_failures",
            "fetch_errors": "fetch_errors",
            "articles": "articles_extracted",
            "refused": "refused",
        }
        for key, value in stats.items():
            parts = key.split("/")
            if len(parts) == 3 and parts[0] == "presswatch" and parts[1] in fields:
                run = runs.setdefault(parts[2], OutletRun(parts[2]))
                setattr(run, fields[parts[1]], value)
            if len(parts) == 2 and parts[0] == "presswatch_refused":  # crawler.fetch_policy's examples
                runs.setdefault(parts[1], OutletRun(parts[1])).refused_examples = "\n".join(value)
            if len(parts) == 2 and parts[0] == "presswatch_moved":  # redirects off an old domain
                runs.setdefault(parts[1], OutletRun(parts[1])).moved = "\n".join(value)
            if len(parts) == 2 and parts[0] in ("presswatch_gone", "presswatch_parked"):  # listings' ends
                run = runs.setdefault(parts[1], OutletRun(parts[1]))
                setattr(run, parts[0].split("_")[1], "\n".join(value))
        for outlet_id in getattr(spider, "outlet_ids", []):
            runs.setdefault(outlet_id, OutletRun(outlet_id))
        self.state.finish_run(
            self.run_id, runs, dead_after=self.crawler.settings.getint("PRESSWATCH_DEAD_AFTER_RUNS", 3)
        )
        self.state.close()


def crawl_state(crawler: Crawler | None) -> CrawlState | None:
    """The run's crawl state, reached through the crawler as Scrapy components reach what it
    holds (each component keeps the crawler its ``from_crawler`` was given); None without the
    extension (a spider run on its own) or before the spider opened."""
    if crawler is None:
        return None
    extension = crawler.get_extension(CrawlStateExtension)
    return extension.state if extension is not None else None
