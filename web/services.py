"""What the views call: the configured search backend and the outlet names, one per app."""

from __future__ import annotations

import threading

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


def warm_backend(app: Flask) -> None:
    """Load the index's in-memory columns in the background, so that the first search after a
    start does not pay for it (seconds at 100k articles on the embedded index)."""
    def warm() -> None:
        with app.app_context():
            index = backend()
            if hasattr(index, "warm"):
                index.warm()

    threading.Thread(target=warm, name="presswatch-warm-index", daemon=True).start()


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
