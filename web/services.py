"""What the views call: the configured search backend and the outlet names, one per app."""

from __future__ import annotations

import logging
import threading

from flask import Flask, current_app, render_template
from flask_babel import gettext

from search.backends import BackendUnavailable, SearchBackend, open_backend

log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    app.extensions["presswatch.backend"] = None
    app.register_error_handler(BackendUnavailable, _unavailable_page)


def index_unavailable(error: Exception) -> str:
    """What staff are told when the index is down: the detail (the Elasticsearch URL, which may
    carry credentials, and the client's error text) goes to the log only."""
    log.warning("search index unavailable: %s", error)
    return gettext("Chỉ mục tìm kiếm tạm thời không truy cập được.")


def _unavailable_page(error: BackendUnavailable):
    """Any view that does not handle it itself: a 503 page that says only that."""
    return render_template("error.html", code=503, message=index_unavailable(error)), 503


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


def _registry() -> list:
    outlets = current_app.extensions.get("presswatch.registry")
    if outlets is None:
        # Imported here, not at the top: creating the app loads nothing from crawler/ (the
        # registry module itself is YAML + dataclasses, no Scrapy; tests/test_layout.py).
        from crawler.registry import DEFAULT_REGISTRY, SAMPLE_REGISTRY, RegistryError, load_registry

        outlets = []
        for path in (SAMPLE_REGISTRY, DEFAULT_REGISTRY):
            try:
                outlets.extend(load_registry(path, {"sample_press": "http://x"}))
            except RegistryError:
                continue
        current_app.extensions["presswatch.registry"] = outlets
    return outlets


def outlet_names() -> dict[str, str]:
    names = current_app.extensions.get("presswatch.outlet_names")
    if names is None:
        names = {o.id: o.name for o in _registry()}
        current_app.extensions["presswatch.outlet_names"] = names
    return names


def outlet_provinces() -> dict[str, str]:
    """Outlet id -> the province it belongs to (central outlets have none)."""
    return {o.id: o.province for o in _registry() if o.province}
