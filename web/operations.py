"""The operations page (editors and admins): outlet health, index figures and the documents
Elasticsearch rejected (dead letters, which an admin can send again).

Outlet health comes from a provider, a function returning ``OutletHealth`` rows. Until the crawl
state store exists, ``index_health`` derives it from the index (articles per outlet, the last 7
days, the newest article); the crawl side plugs its own in with ``register_health_provider(app,
fn)`` and may fill ``last_crawl``/``last_error`` too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from flask import Blueprint, Flask, current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from search.backends import BackendUnavailable, SearchRequest
from search.backends.base import SearchBackend
from search.document import LOCAL_TZ
from search.ingest import replay_spool, spool_path
from search.spool import Spool
from web import services
from web.auth import role_required
from web.db import get_db

bp = Blueprint("operations", __name__, url_prefix="/operations")
PROVIDER_KEY = "presswatch.outlet_health"
STALE_AFTER = timedelta(days=2)
RECENT = timedelta(days=7)
STATUS_ORDER = {"failing": 0, "silent": 1, "stale": 2, "unknown": 3, "ok": 4, "empty": 5, "disabled": 6}


@dataclass
class OutletHealth:
    outlet_id: str
    name: str
    enabled: bool
    articles: int = 0  # in the index
    recent: int = 0  # published in the last 7 days
    last_article: datetime | None = None
    last_crawl: datetime | None = None  # from the crawl state, when a provider knows it
    last_error: str = ""
    status: str = "unknown"  # ok | stale | silent | empty | disabled | unknown


HealthProvider = Callable[[], list[OutletHealth]]


def register_health_provider(app: Flask, provider: HealthProvider) -> None:
    """Replace the index-derived outlet health with the crawl state's own."""
    app.extensions[PROVIDER_KEY] = provider


def classify(row: OutletHealth, now: datetime) -> str:
    if not row.enabled:
        return "disabled"
    if not row.articles:
        return "empty"  # enabled, never produced an article (not crawled yet, or routes broken)
    if row.last_article is None or row.recent == 0:
        return "silent"
    return "stale" if now - row.last_article > STALE_AFTER else "ok"


def _registry_state() -> dict[str, tuple[str, bool]]:
    """Outlet id → (name, enabled after the admin's choices)."""
    from web.admin.outlets import overrides, registry_outlets

    chosen = overrides(get_db())
    return {o.id: (o.name, chosen.get(o.id, o.enabled)) for o, _source in registry_outlets()}


def _per_outlet(backend: SearchBackend, request: SearchRequest) -> dict[str, int]:
    table = backend.pivot(request, "outlet", "tone")
    return {outlet: sum(tones.values()) for outlet, tones in table.items()}


def index_health(backend: SearchBackend | None = None, now: datetime | None = None) -> list[OutletHealth]:
    """Outlet health from what the index holds: counts, last 7 days, newest article."""
    backend = backend or services.backend()
    now = now or datetime.now(LOCAL_TZ)
    totals = _per_outlet(backend, SearchRequest(facets=False))
    recent = _per_outlet(backend, SearchRequest(facets=False, date_from=(now - RECENT).date()))
    registry = _registry_state()
    names = services.outlet_names()
    rows = []
    for outlet_id in sorted(set(totals) | {i for i, (_n, enabled) in registry.items() if enabled}):
        name, enabled = registry.get(outlet_id, (names.get(outlet_id, outlet_id), True))
        row = OutletHealth(outlet_id, name, enabled, totals.get(outlet_id, 0), recent.get(outlet_id, 0))
        if row.articles:
            newest = backend.search(SearchRequest(outlets=[outlet_id], sort="date", limit=1, facets=False))
            row.last_article = newest.hits[0].document.published_at if newest.hits else None
        row.status = classify(row, now)
        rows.append(row)
    rows.sort(key=lambda r: (STATUS_ORDER.get(r.status, 9), -r.articles, r.name))
    return rows


class CrawlHealth(Protocol):
    """What the crawl state knows of one outlet (``crawler.state.OutletHealth`` has these)."""

    @property
    def outlet_id(self) -> str: ...
    @property
    def last_success(self) -> str | None: ...
    @property
    def flagged(self) -> str: ...
    @property
    def consecutive_failures(self) -> int: ...


def crawl_state_health(read_crawl_state: Callable[[], Iterable[CrawlHealth] | None]) -> HealthProvider:
    """Index-derived rows enriched with the crawl state: last successful crawl, failures, flags.

    ``read_crawl_state`` (None: no crawl yet) is given by the composition root
    (``presswatch.app``): web/ imports nothing from ``crawler``."""

    def provider() -> list[OutletHealth]:
        rows = index_health()
        state = read_crawl_state()
        if state is None:
            return rows
        crawled = {h.outlet_id: h for h in state}
        for row in rows:
            health = crawled.get(row.outlet_id)
            if health is None:
                continue
            row.last_crawl = datetime.fromisoformat(health.last_success) if health.last_success else None
            if health.flagged or health.consecutive_failures:
                row.last_error = health.flagged or _(
                    "%(n)d lần thu thập lỗi liên tiếp", n=health.consecutive_failures
                )
                if row.enabled and (health.flagged or health.consecutive_failures >= 3):
                    row.status = "failing"
        rows.sort(key=lambda r: (STATUS_ORDER.get(r.status, 9), -r.articles, r.name))
        return rows

    return provider


def index_stats(backend: SearchBackend) -> dict[str, Any]:
    figures: dict[str, Any] = {"backend": backend.name, "documents": backend.count()}
    if backend.name == "elasticsearch":
        from search.backends.es_indices import stats

        try:
            figures["elasticsearch"] = stats(backend.client, backend.layout)  # type: ignore[attr-defined]
        except Exception as error:  # the page still shows the rest
            figures["elasticsearch_error"] = services.index_unavailable(error)
    else:
        path = getattr(backend, "path", None)
        if path is not None and path.exists():
            figures["size_bytes"] = path.stat().st_size
            figures["path"] = str(path)
    return figures


def spool_figures(limit: int = 50) -> dict[str, Any]:
    """Documents waiting in the spool and the dead letters (none without a spool file)."""
    path = spool_path(current_app.config["PRESSWATCH_SEARCH"])
    if not path.exists():
        return {"waiting": 0, "dead": 0, "letters": []}
    spool = Spool(path)
    try:
        return {"waiting": len(spool), "dead": spool.dead_count(), "letters": spool.dead_letters(limit)}
    finally:
        spool.close()


@bp.route("/dead-letters/replay", methods=["POST"])
@role_required("admin")
def replay_dead_letters() -> ResponseReturnValue:
    """Send the dead letters (and whatever waits in the spool) to the index again."""
    try:
        report, dead = replay_spool(
            current_app.config["PRESSWATCH_SEARCH"], dead_letters=True, backend=services.backend()
        )
    except BackendUnavailable as error:
        current_app.logger.warning("dead-letter replay: index unavailable: %s", error)
        flash(_("Kho dữ liệu đang không truy cập được; các bài vẫn được giữ lại để gửi sau."), "error")
        return redirect(url_for("operations.index"), 303)
    flash(
        _(
            "Đã gửi lại: %(indexed)d bài vào kho, %(dead)d bài vẫn bị từ chối.",
            indexed=report.replayed,
            dead=dead,
        ),
        "error" if dead else "success",
    )
    return redirect(url_for("operations.index"), 303)


@bp.route("/")
@role_required("editor")
def index() -> ResponseReturnValue:
    backend = services.backend()
    provider: HealthProvider = current_app.extensions.get(PROVIDER_KEY) or index_health
    try:
        stats = index_stats(backend)
        health = provider()
        error = None
    except BackendUnavailable as exc:
        stats, health, error = {"backend": backend.name}, [], services.index_unavailable(exc)
    counts = {status: sum(1 for r in health if r.status == status) for status in STATUS_ORDER}
    labels = {
        "failing": _("Thu thập lỗi"),
        "ok": _("Bình thường"),
        "stale": _("Chậm cập nhật"),
        "silent": _("Không có bài 7 ngày"),
        "empty": _("Chưa có bài nào"),
        "disabled": _("Đã tắt"),
        "unknown": _("Chưa rõ"),
    }
    return render_template(
        "operations/index.html",
        stats=stats,
        health=health,
        counts=counts,
        labels=labels,
        error=error,
        from_crawl_state=PROVIDER_KEY in current_app.extensions,
        stale_days=STALE_AFTER.days,
        spool=spool_figures(),
    ), 503 if error else 200
