"""Run a crawl in this process (what `presswatch crawl` and `scrapy crawl news` share)."""

from __future__ import annotations

import os
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings

# The sample press is on this machine: politeness delays only slow the demo and the tests down.
SAMPLE_PRESS_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
}


def crawl(*, registry: str = "", outlets: str = "", sample_press_url: str = "", since: str = "",
          refetch: bool = False, disabled: list[str] | None = None,
          settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """Crawl once and return Scrapy's stats; runs the Twisted reactor (once per process)."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    project = get_project_settings()
    if sample_press_url:
        project.setdict(SAMPLE_PRESS_SETTINGS, priority="cmdline")
    project.setdict(settings or {}, priority="cmdline")
    if disabled:
        project.set("PRESSWATCH_DISABLED_OUTLETS", disabled, priority="cmdline")
    process = CrawlerProcess(project)
    crawler = process.create_crawler("news")
    process.crawl(crawler, registry=registry, outlets=outlets, sample_press=sample_press_url, since=since,
                  refetch="1" if refetch else "")
    process.start()
    return crawler.stats.get_stats()
