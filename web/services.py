"""What the views call: the configured search backend and the outlet names, one per app."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Protocol

from flask import Flask, current_app, render_template
from flask.typing import ResponseReturnValue
from flask_babel import gettext

from search.backends import BackendUnavailable, SearchBackend, open_backend, settings_problem

log = logging.getLogger(__name__)
SOURCE_KEY = "presswatch.outlet_source"
OUTLETS_KEY, NAMES_KEY = "presswatch.outlets", "presswatch.outlet_names"


def init_app(app: Flask) -> None:
    app.extensions["presswatch.backend"] = None
    app.register_error_handler(BackendUnavailable, _unavailable_page)


def index_unavailable(error: Exception) -> str:
    """What staff are told when the index is down: the detail (the Elasticsearch URL, which may
    carry credentials, and the client's error text) goes to the log only."""
    log.warning("search index unavailable: %s", error)
    return gettext("Chỉ mục tìm kiếm tạm thời không truy cập được.")


def _unavailable_page(error: BackendUnavailable) -> ResponseReturnValue:
    """Any view that does not handle it itself: a 503 page that says only that."""
    return render_template("error.html", code=503, message=index_unavailable(error)), 503


def backend() -> SearchBackend:
    """The app's search backend, opened on first use (thread-safe to share)."""
    existing = current_app.extensions.get("presswatch.backend")
    if existing is None:
        existing = open_backend(current_app.config["PRESSWATCH_SEARCH"])
        current_app.extensions["presswatch.backend"] = existing
    return existing


def unusable_settings(app: Flask) -> str:
    """Why the app's index settings can never work (an index name Elasticsearch refuses, a URL
    without scheme or port), or "": the commands that serve refuse to start on these, where a
    node that is only down gets the 503 page and recovers without a restart."""
    config = app.config["PRESSWATCH_SEARCH"]
    return settings_problem(config) if config.backend == "elasticsearch" else ""


def warm_backend(app: Flask) -> None:
    """Load the index's in-memory columns in the background, so that the first search after a
    start does not pay for it (seconds at 100k articles on the embedded index)."""

    def warm() -> None:
        with app.app_context():
            index = backend()
            if hasattr(index, "warm"):
                index.warm()

    threading.Thread(target=warm, name="presswatch-warm-index", daemon=True).start()


class OutletInfo(Protocol):
    """What the app shows of an outlet (``crawler.registry.Outlet`` has these)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def domain(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def province(self) -> str | None: ...
    @property
    def enabled(self) -> bool: ...


# Each outlet with where it comes from: "registry" (the real press) or "sample" (the demo press).
OutletSource = Callable[[], list[tuple[OutletInfo, str]]]


def register_outlet_source(app: Flask, source: OutletSource) -> None:
    """The outlets the app lists, given by the composition root (``presswatch.app``): web/ reads
    no crawler module, and an app without a source simply knows no outlet names."""
    app.extensions[SOURCE_KEY] = source
    app.extensions.pop(OUTLETS_KEY, None)
    app.extensions.pop(NAMES_KEY, None)


def registered_outlets() -> list[tuple[OutletInfo, str]]:
    """Every outlet the source gives, read once per app."""
    outlets = current_app.extensions.get(OUTLETS_KEY)
    if outlets is None:
        source = current_app.extensions.get(SOURCE_KEY)
        outlets = source() if source else []
        current_app.extensions[OUTLETS_KEY] = outlets
    return outlets


def outlet_names() -> dict[str, str]:
    names = current_app.extensions.get(NAMES_KEY)
    if names is None:
        names = {o.id: o.name for o, _source in registered_outlets()}
        current_app.extensions[NAMES_KEY] = names
    return names


def outlet_provinces() -> dict[str, str]:
    """Outlet id -> the province it belongs to (central outlets have none)."""
    return {o.id: o.province for o, _source in registered_outlets() if o.province}
