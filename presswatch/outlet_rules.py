"""The outlet registry's rules as the web app's outlet editor uses them (``web.admin.outlet_store``
names what it needs as a Protocol, ``RegistryRules``): web/ imports nothing from crawler/, so the
composition root hands it this. Registry validation is YAML + dataclasses: no Scrapy is loaded."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


class CrawlerRegistryRules:
    """crawler.registry's validation, kinds and files; the probe is crawler.discovery.learn."""

    # Properties, so that creating the app does not load the registry module yet.
    @property
    def kinds(self) -> tuple[str, ...]:
        from crawler.registry import KINDS

        return KINDS

    @property
    def feeds_sources(self) -> tuple[str, ...]:
        from crawler.registry import FEEDS_SOURCES

        return tuple(s for s in FEEDS_SOURCES if s != "sample")

    def base_entries(self) -> list[dict[str, Any]]:
        from crawler.registry import DEFAULT_REGISTRY, registry_entries

        return registry_entries(DEFAULT_REGISTRY.read_text(encoding="utf-8"), DEFAULT_REGISTRY)

    def entries_from_text(self, text: str, source: str) -> list[dict[str, Any]]:
        from crawler.registry import registry_entries

        return registry_entries(text, source)

    def validate(self, entries: list[dict[str, Any]], source: str) -> list[Any]:
        """Outlets, or ``crawler.registry.RegistryError`` (a ValueError with ``field``, ``message``)."""
        from crawler.registry import validate_entries

        return validate_entries(entries, source)

    def sample_outlets(self) -> list[Any]:
        from crawler.registry import load_registry
        from presswatch.sample_press.server import REGISTRY as SAMPLE_REGISTRY

        return load_registry(SAMPLE_REGISTRY, {"sample_press": "http://127.0.0.1"})

    def probe_command(self, outlet_id: str, registry: Path, articles: int) -> list[str]:
        return [
            sys.executable,
            "-m",
            "crawler.discovery.learn",
            outlet_id,
            "--registry",
            str(registry),
            "--articles",
            str(articles),
            "--timeout",
            "15",
        ]
