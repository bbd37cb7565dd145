"""Which outlets a crawl visits, and what the crawl is set up with for them before it starts
(per-outlet download slots, the opt-in browser). The spider calls both from ``from_crawler``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from crawler.registry import DEFAULT_REGISTRY, Outlet, load_registry


def choose_outlets(
    settings: Any, registry_arg: str, sample_press_arg: str, outlet_filter: set[str]
) -> list[Outlet]:
    """The registry's outlets this crawl visits: enabled (or switched on by
    ``PRESSWATCH_OUTLET_OVERRIDES``), still active today, and among ``outlet_filter`` if given."""
    sample_press = sample_press_arg or settings.get("PRESSWATCH_SAMPLE_PRESS_URL", "")
    path = registry_arg or settings.get("PRESSWATCH_REGISTRY") or ""
    if not path and sample_press:
        # The sample press is the demo's (presswatch/sample_press/), not the crawler's: whoever
        # starts one names its registry (`presswatch crawl --sample-url` does).
        raise ValueError("a sample press URL needs the registry of its outlets (registry=...)")
    path = path or DEFAULT_REGISTRY
    outlets = load_registry(Path(path), {"sample_press": sample_press.rstrip("/")})
    unknown = outlet_filter - {o.id for o in outlets}
    if unknown:
        raise ValueError(f"Unknown outlet id(s) {', '.join(sorted(unknown))} in {path}")
    overrides = settings.getdict("PRESSWATCH_OUTLET_OVERRIDES")
    # An outlet that has ended (merged into a successor) is history: its successor crawls the site.
    today = date.today()
    return [
        o
        for o in outlets
        if overrides.get(o.id, o.enabled)
        and o.active_on(today)
        and (not outlet_filter or o.id in outlet_filter)
    ]


def configure_for_outlets(settings: Any, outlets: list[Outlet]) -> None:
    """Per-outlet politeness and the opt-in browser, from the registry (settings not yet frozen)."""
    if getattr(settings, "frozen", False):
        return
    slots = dict(settings.getdict("DOWNLOAD_SLOTS"))
    for outlet in outlets:
        if outlet.crawl_delay is not None:
            slots.setdefault(f"outlet:{outlet.id}", {}).update(delay=outlet.crawl_delay)
    settings.set("DOWNLOAD_SLOTS", slots, priority="spider")
    if any(outlet.render_js for outlet in outlets) and settings.getbool("PRESSWATCH_RENDER_JS", True):
        # Installed only now: a crawl without render_js outlets never starts Playwright or a browser.
        handler = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
        settings.set("DOWNLOAD_HANDLERS", {"http": handler, "https": handler}, priority="spider")
