"""Crawling with several processes (or machines) sharing one request queue in Redis (scrapy-redis).

Off unless ``PRESSWATCH_REDIS_URL`` is set: the embedded default needs no service. When it is set,
every worker started with the same ``PRESSWATCH_CRAWL_RUN`` shares the queue and the duplicate
filter of that run, so each article URL is fetched by exactly one worker. One worker (the first to
claim the run) reads the registry and queues the discovery routes; the others wait for work. A
worker stops once the shared queue has stayed empty for ``PRESSWATCH_REDIS_IDLE_SECONDS``; a worker
still busy keeps the run going, since Scrapy does not close a spider with requests in flight.
See docs/CRAWLING.md.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured

from search.config import settings

KEY_PREFIX = "presswatch"
KEYS_TTL = 7 * 24 * 3600  # a finished run's keys go away after a week


def run_id() -> str:
    """The crawl run the workers share; by default the current UTC hour, so workers started
    together by cron meet without configuration."""
    return settings().get("PRESSWATCH_CRAWL_RUN") or datetime.now(UTC).strftime("%Y%m%dT%H")


def redis_settings(url: str, run: str) -> dict[str, Any]:
    """Scrapy settings that put the scheduler queue and the duplicate filter into Redis."""
    return {
        "REDIS_URL": url,
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        # Keep the queue when one worker closes: the others are still using it.
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_QUEUE_KEY": f"{KEY_PREFIX}:{run}:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{KEY_PREFIX}:{run}:%(spider)s:dupefilter",
        "PRESSWATCH_CRAWL_RUN": run,
    }


def is_distributed(settings: Any) -> bool:
    return bool(settings.get("REDIS_URL")) and "scrapy_redis" in str(settings.get("SCHEDULER", ""))


def _server(settings: Any) -> Any:
    from scrapy_redis.connection import get_redis_from_settings

    return get_redis_from_settings(settings)


def should_seed(spider: Spider) -> bool:
    """Whether this worker queues the discovery routes: always alone, only the first in a run."""
    settings = spider.crawler.settings
    if not is_distributed(settings):
        return True
    key = f"{KEY_PREFIX}:{settings.get('PRESSWATCH_CRAWL_RUN')}:{spider.name}:seeded"
    claimed = bool(_server(settings).set(key, os.getpid(), nx=True, ex=KEYS_TTL))
    spider.logger.info(
        "Distributed run %s: %s",
        settings.get("PRESSWATCH_CRAWL_RUN"),
        "this worker queues the routes" if claimed else "routes queued by another worker",
    )
    return claimed


class DistributedIdle:
    """Keeps an idle worker alive while the run may still produce work for it."""

    def __init__(self, crawler: Crawler) -> None:
        if not is_distributed(crawler.settings):
            raise NotConfigured
        self.crawler = crawler
        self.grace = crawler.settings.getfloat("PRESSWATCH_REDIS_IDLE_SECONDS", 5.0)
        self.idle_since: float | None = None
        self.poll: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DistributedIdle:
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider: Spider) -> None:
        # An idle engine looks at its scheduler only every 5 s (its heartbeat); work that another
        # worker queues meanwhile would wait that long, and a short run could be over before this
        # worker joins. Poll the shared queue twice a second instead.
        from twisted.internet.task import LoopingCall

        self.poll = LoopingCall(self._wake)
        self.poll.start(0.5, now=False)

    def _wake(self) -> None:
        engine = self.crawler.engine
        slot = getattr(engine, "_slot", None) or getattr(engine, "slot", None)  # private in Scrapy
        nextcall = getattr(slot, "nextcall", None)
        if nextcall is not None and self._scheduler().has_pending_requests():
            nextcall.schedule()

    def _scheduler(self) -> Any:
        engine = self.crawler.engine
        # Scrapy < 2.19 kept it on engine.slot, which today's Scrapy (and its types) no longer has.
        return getattr(engine, "scheduler", None) or engine.slot.scheduler  # type: ignore[attr-defined]

    def spider_idle(self, spider: Spider) -> None:
        # Scrapy calls this about every 5 s while nothing is scheduled or in flight here. Requests
        # another worker queues meanwhile are picked up at the next scheduler poll.
        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.grace:
            raise DontCloseSpider
        self.idle_since = None if self._scheduler().has_pending_requests() else now
        if self.idle_since is None:
            raise DontCloseSpider

    def spider_closed(self, spider: Spider) -> None:
        if self.poll is not None and self.poll.running:
            self.poll.stop()
        settings = self.crawler.settings
        server = _server(settings)
        for name in ("requests", "dupefilter", "seeded"):
            server.expire(
                f"{KEY_PREFIX}:{settings.get('PRESSWATCH_CRAWL_RUN')}:{spider.name}:{name}", KEYS_TTL
            )
