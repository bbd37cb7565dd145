"""Run a crawl in this process (what `presswatch crawl` and `scrapy crawl news` share).

``python -m crawler.run`` is the same with Scrapy settings on the command line (``-s KEY=VALUE``) and
the stats written as JSON; the fault tests and the benchmark start crawls that way.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.utils.project import get_project_settings

# The sample press is on this machine: politeness delays only slow the demo and the tests down.
SAMPLE_PRESS_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    # Retry waits stay short: the fault sites ask for 1 s, and nobody else is being hammered.
    "RETRY_BACKOFF_BASE": 0.25,
}


def crawl(
    *,
    registry: str = "",
    outlets: str = "",
    sample_press_url: str = "",
    since: str = "",
    refetch: bool = False,
    overrides: dict[str, bool] | None = None,
    settings: dict[str, Any] | None = None,
    sample_press_address: str = "",
    on_crawler: Callable[[Crawler], None] | None = None,
) -> dict[str, Any]:
    """Crawl once and return Scrapy's stats; runs the Twisted reactor (once per process).

    ``sample_press_address``: where a sample press with a stable ``sample_press_url`` listens;
    ``on_crawler`` sees the crawler before it starts (to connect to its signals: a progress bar).
    """
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    project = get_project_settings()
    if sample_press_url:
        project.setdict(SAMPLE_PRESS_SETTINGS, priority="cmdline")
        project.set("PRESSWATCH_SAMPLE_PRESS_URL", sample_press_url, priority="cmdline")
        if sample_press_address:
            project.set("PRESSWATCH_SAMPLE_PRESS_ADDRESS", sample_press_address, priority="cmdline")
    project.setdict(settings or {}, priority="cmdline")
    if overrides:  # outlet id → enabled, overriding the registry (an admin's choice)
        project.set("PRESSWATCH_OUTLET_OVERRIDES", overrides, priority="cmdline")
    # Scrapy installs its own SIGINT/SIGTERM handlers (stop the crawl gracefully) and leaves them in
    # place; a process that goes on after the crawl (``presswatch demo`` serving the UI) would then
    # ignore Ctrl-C, so the handlers from before the crawl come back when it ends.
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        process = CrawlerProcess(project)
        crawler = process.create_crawler("news")
        if on_crawler is not None:
            on_crawler(crawler)
        process.crawl(
            crawler,
            registry=registry,
            outlets=outlets,
            sample_press=sample_press_url,
            since=since,
            refetch="1" if refetch else "",
        )
        process.start()
    finally:
        for number, handler in handlers.items():
            if handler is not None:  # None: installed outside Python, cannot be put back
                signal.signal(number, handler)
    return crawler.stats.get_stats()


def _setting(text: str) -> tuple[str, Any]:
    key, sep, raw = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    return key.strip(), value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.run", description=__doc__.split("\n")[0])
    parser.add_argument("--registry", default="")
    parser.add_argument("--outlets", default="")
    parser.add_argument("--sample-url", default="")
    parser.add_argument("--since", default="")
    parser.add_argument("--refetch", action="store_true")
    parser.add_argument(
        "-s",
        "--set",
        action="append",
        type=_setting,
        default=[],
        help="a Scrapy setting, KEY=VALUE (VALUE read as JSON when it parses)",
    )
    parser.add_argument("--stats", default="", help="write the crawl's stats here as JSON")
    args = parser.parse_args(argv)
    stats = crawl(
        registry=args.registry,
        outlets=args.outlets,
        sample_press_url=args.sample_url,
        since=args.since,
        refetch=args.refetch,
        settings=dict(args.set),
    )
    if args.stats:
        Path(args.stats).write_text(json.dumps(stats, default=str, indent=1), encoding="utf-8")
    return 0 if stats.get("finish_reason") == "finished" else 1


if __name__ == "__main__":
    sys.exit(main())
