"""The application as the `presswatch` command runs it: the Flask app of web/, given what web/
does not read itself — the outlet registries and the crawl state (both crawler/'s)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask

from presswatch.outlet_rules import CrawlerRegistryRules
from web import create_app as create_web_app
from web.admin.outlet_store import EFFECTIVE_FILE, register_rules
from web.operations import CrawlHealth, crawl_state_health, register_health_provider
from web.services import OutletInfo, register_outlet_source


def bundled_outlets(data_folder: Path | None = None) -> list[tuple[OutletInfo, str]]:
    """The real press's registry (as the admins edited it, when they did: ``<data>/outlets.yaml``)
    and the sample press's, each outlet with where it came from.
    (The registry module is YAML + dataclasses: creating the app still loads no Scrapy.)"""
    from crawler.registry import DEFAULT_REGISTRY, RegistryError, load_registry
    from presswatch.sample_press.server import REGISTRY as SAMPLE_REGISTRY

    edited = data_folder / EFFECTIVE_FILE if data_folder is not None else None
    real = edited if edited is not None and edited.exists() else DEFAULT_REGISTRY
    found: list[tuple[OutletInfo, str]] = []
    for path, source in ((real, "registry"), (SAMPLE_REGISTRY, "sample")):
        try:
            found += [(o, source) for o in load_registry(path, {"sample_press": "http://127.0.0.1"})]
        except RegistryError:
            continue
    return found


def crawl_state_reader(
    state_setting: str | None, data_folder: Path
) -> Callable[[], list[CrawlHealth] | None]:
    """The crawl state's per-outlet health, read when the operations page is shown (None before
    the first crawl)."""

    def read() -> list[CrawlHealth] | None:
        from crawler.state import CrawlState, state_path

        state_file = state_path({"PRESSWATCH_CRAWL_STATE": state_setting}, data_folder)
        if not Path(state_file).exists():
            return None
        state = CrawlState(state_file)
        try:
            return list(state.health())
        finally:
            state.close()

    return read


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    app = create_web_app(overrides)
    data_folder = Path(app.config["PRESSWATCH_DATA_DIR"])
    register_outlet_source(app, lambda: bundled_outlets(data_folder))
    register_rules(app, CrawlerRegistryRules())
    register_health_provider(
        app,
        crawl_state_health(
            crawl_state_reader(
                app.config.get("PRESSWATCH_CRAWL_STATE"), Path(app.config["PRESSWATCH_DATA_DIR"])
            )
        ),
    )
    return app
