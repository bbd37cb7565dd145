"""What the views call: the configured search backend and the outlet names, one per app."""

from __future__ import annotations

from flask import Flask, current_app

from crawler.registry import DEFAULT_REGISTRY, SAMPLE_REGISTRY, RegistryError, load_registry
from search.backends import SearchBackend, open_backend


def init_app(app: Flask) -> None:
    app.extensions["presswatch.backend"] = None


def backend() -> SearchBackend:
    """The app's search backend, opened on first use (thread-safe to share)."""
    existing = current_app.extensions.get("presswatch.backend")
    if existing is None:
        existing = open_backend(current_app.config["PRESSWATCH_SEARCH"])
        current_app.extensions["presswatch.backend"] = existing
    return existing


def outlet_names() -> dict[str, str]:
    names = current_app.extensions.get("presswatch.outlet_names")
    if names is None:
        names = {}
        for path in (SAMPLE_REGISTRY, DEFAULT_REGISTRY):
            try:
                names.update({o.id: o.name for o in load_registry(path, {"sample_press": "http://x"})})
            except RegistryError:
                continue
        current_app.extensions["presswatch.outlet_names"] = names
    return names
