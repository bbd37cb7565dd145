"""The dashboard (``/``): how the press covered the focus province over a period.

Every figure is a backend call (``search`` with facets or a histogram, ``pivot``, ``stories``);
this module only picks the windows and shapes the answers for the template and the charts.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Literal

from flask import Blueprint, current_app, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from search.analysis import default_profiles
from search.backends import BackendUnavailable, SearchRequest
from search.backends.base import StorySummary
from web import services
from web.auth import role_required
from web.coverage import OwnShare, TopicGap, own_share, topic_gaps
from web.dates import date_arg, date_params
from web.filters import (
    TONE_LABELS,
    kind_label,
    local_today,
    short_date,
    tone_label,
)
from web.i18n import N_, current_language
from web.stories import REACH

bp = Blueprint("dashboard", __name__)
PERIODS = {
    "day": (1, N_("Hôm nay")),
    "week": (7, N_("7 ngày")),
    "month": (30, N_("30 ngày")),
    "quarter": (90, N_("90 ngày")),
}
TONES = tuple(TONE_LABELS)  # negative, neutral, positive: the order the charts stack them
SILENT_BASELINE_DAYS = 60  # an outlet counts as "usually publishing" if it had articles in this window
SILENT_SHOWN = 12
TABLE_ROWS = 10
CACHE_SECONDS = 60  # staff reopen the dashboard all morning; a crawl's new articles show at once
CACHE_ENTRIES = 64


@dataclass
class Window:
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def args(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


def window_ending(end: date, days: int) -> Window:
    return Window(end - timedelta(days=days - 1), end)


@dataclass
class ToneRow:
    """One topic or outlet with its articles by tone."""

    name: str
    counts: dict[str, int]
    total: int = 0
    negative_share: float = 0.0

    @classmethod
    def from_pivot(cls, name: str, counts: dict[str, int]) -> ToneRow:
        by_tone = {tone: sum(n for value, n in counts.items() if value.casefold() == tone) for tone in TONES}
        total = sum(counts.values())
        return cls(name, by_tone, total, by_tone["negative"] / total if total else 0.0)


@dataclass
class SilentOutlet:
    outlet_id: str
    kind: str
    baseline: int  # articles in the baseline window
    last_seen: date | None


@dataclass
class Dashboard:
    period: str
    window: Window
    scope: str
    province: str
    kpis: list[tuple[str, int, str]] = field(default_factory=list)  # label, count, search URL
    total: int = 0
    negative: int = 0
    outlets: int = 0
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    topics: list[ToneRow] = field(default_factory=list)
    outlet_rows: list[ToneRow] = field(default_factory=list)
    stories: list[StorySummary] = field(default_factory=list)
    negative_hits: list[Any] = field(default_factory=list)
    silent: list[SilentOutlet] = field(default_factory=list)
    # Count outlets apart (True) or with the outlets merged into them (the "group", the default).
    apart: bool = False

    @property
    def outlet_field(self) -> str:
        """The facet and search filter outlet figures use: "outlet" or "group"."""
        return "outlet" if self.apart else "group"

    silent_days: int = 3
    charts: dict[str, Any] = field(default_factory=dict)
    gaps: list[TopicGap] = field(default_factory=list)  # topics without coverage for gap_days
    gap_days: int = 7
    own: OwnShare = field(default_factory=OwnShare)  # the period's articles: own press vs the rest


def _base(scope: str, province: str, window: Window) -> SearchRequest:
    return SearchRequest(
        provinces=[province] if scope == "province" else [],
        date_from=window.start,
        date_to=window.end,
        limit=0,
        facets=False,
    )


def _count(request: SearchRequest) -> int:
    return services.backend().search(replace(request, limit=0, facets=False)).total


def search_link(dashboard: Dashboard, window: Window | None = None, **filters: str) -> str:
    """The search page showing what a figure counts."""
    args: dict[str, Any] = (window or dashboard.window).args()
    if dashboard.scope == "province":
        args["province"] = dashboard.province
    args.update(filters)
    return url_for("search.index", **args)


def timeline(base: SearchRequest, window: Window) -> dict[str, Any]:
    """Articles per day (per week past a month) by tone, every bucket present, for a stacked chart."""
    interval: Literal["day", "week"] = "day" if window.days <= 31 else "week"
    step = timedelta(days=1 if interval == "day" else 7)
    first = window.start if interval == "day" else window.start - timedelta(days=window.start.weekday())
    buckets = []
    day = first
    while day <= window.end:
        buckets.append(day)
        day += step
    series = []
    backend = services.backend()
    for tone in TONES:
        result = backend.search(replace(base, tones=[tone], histogram=interval))
        counts = dict(result.histogram)
        series.append({"key": tone, "label": tone_label(tone), "data": [counts.get(b, 0) for b in buckets]})
    return {
        "interval": interval,
        "start": window.start,
        "end": window.end,
        "labels": [short_date(b) for b in buckets],
        "dates": [b.isoformat() for b in buckets],
        "series": series,
    }


def silent_outlets(end: date, days: int, by: str = "group") -> list[SilentOutlet]:
    """Outlets that published in the baseline window but nothing in the last ``days`` days.

    Counted over every article (not only the focus province): a silent outlet usually means its
    site changed or the crawler is blocked, which matters whatever it writes about. ``by="group"``
    counts a merged paper with its successor, so a paper that stopped at its merger is not "silent".
    """
    backend = services.backend()
    baseline = window_ending(end, SILENT_BASELINE_DAYS)
    recent = window_ending(end, days)
    seen = backend.pivot(
        SearchRequest(date_from=baseline.start, date_to=baseline.end, facets=False), by, "kind"
    )
    active = backend.pivot(
        SearchRequest(date_from=recent.start, date_to=recent.end, facets=False), by, "kind"
    )
    active_ids = {name.casefold() for name in active}
    quiet = sorted(
        ((outlet, kinds) for outlet, kinds in seen.items() if outlet.casefold() not in active_ids),
        key=lambda item: (-sum(item[1].values()), item[0]),
    )
    out = []
    for outlet, kinds in quiet[:SILENT_SHOWN]:
        chosen: dict[str, Any] = {"groups" if by == "group" else "outlets": [outlet]}
        last = backend.search(SearchRequest(**chosen, date_to=end, sort="date", limit=1, facets=False))
        last_seen = last.hits[0].document.published_at.date() if last.hits else None
        main_kind = max(kinds, key=lambda kind: kinds[kind]) if kinds else ""
        out.append(SilentOutlet(outlet, main_kind, sum(kinds.values()), last_seen))
    return out


def build(
    period: str, end: date, scope: str, province: str, silent_days: int, apart: bool = False
) -> Dashboard:
    backend = services.backend()
    window = window_ending(end, PERIODS[period][0])
    dashboard = Dashboard(period, window, scope, province, silent_days=silent_days, apart=apart)
    base = _base(scope, province, window)
    for key in ("day", "week", "month"):
        kpi_window = window_ending(end, PERIODS[key][0])
        dashboard.kpis.append(
            (PERIODS[key][1], _count(_base(scope, province, kpi_window)), search_link(dashboard, kpi_window))
        )
    main = backend.search(replace(base, facets=True))
    dashboard.total, dashboard.facets = main.total, main.facets
    dashboard.negative = dict(main.facets.get("tone", [])).get("negative", 0)
    topic_rows = [
        ToneRow.from_pivot(name, counts) for name, counts in backend.pivot(base, "topic", "tone").items()
    ]
    dashboard.topics = sorted(topic_rows, key=lambda r: (-r.total, r.name))
    outlet_rows = [
        ToneRow.from_pivot(name, counts)
        for name, counts in backend.pivot(base, dashboard.outlet_field, "tone").items()
    ]
    dashboard.outlets = len(outlet_rows)
    dashboard.outlet_rows = sorted(outlet_rows, key=lambda r: (-r.total, r.name))[:TABLE_ROWS]
    dashboard.stories = backend.stories(base, 8)
    dashboard.negative_hits = backend.search(
        replace(base, tones=["negative"], sort="date", collapse=True, limit=8)
    ).hits
    dashboard.silent = silent_outlets(end, silent_days, dashboard.outlet_field)
    dashboard.gap_days = int(current_app.config.get("PRESSWATCH_GAP_DAYS") or 7)
    dashboard.gaps = topic_gaps(
        backend, [profile.name for profile in default_profiles()], base.provinces, end, dashboard.gap_days
    )
    dashboard.own = own_share(backend, base, province, services.outlet_provinces())
    # The chart shows the chosen period (it used to widen "7 ngày" to 14 days, unlabelled); a
    # single day is drawn as the week ending that day so it has something to compare with.
    chart_window = window if window.days >= 7 else window_ending(end, 7)
    names = services.outlet_names()
    dashboard.charts = {
        "timeline": timeline(_base(scope, province, chart_window), chart_window),
        "topics": {
            "labels": [r.name for r in dashboard.topics[:TABLE_ROWS]],
            "data": [r.total for r in dashboard.topics[:TABLE_ROWS]],
        },
        "kinds": {
            "labels": [kind_label(k) for k, _n in main.facets.get("kind", [])],
            "data": [n for _k, n in main.facets.get("kind", [])],
        },
        "tones": {
            "keys": list(TONES),
            "labels": [tone_label(t) for t in TONES],
            "data": [dict(main.facets.get("tone", [])).get(t, 0) for t in TONES],
        },
        "outlets": {
            "labels": [names.get(r.name, r.name) for r in dashboard.outlet_rows],
            "data": [r.total for r in dashboard.outlet_rows],
        },
        "text": {
            "articles": _("Số bài"),
            "empty": _("Không có dữ liệu trong khoảng thời gian này"),
            "day": _("Ngày (ngày/tháng)"),
            "week": _("Tuần bắt đầu ngày (ngày/tháng)"),
        },
    }
    return dashboard


def cached_build(
    period: str, end: date, scope: str, province: str, silent_days: int, apart: bool = False
) -> Dashboard:
    """``build``, reused for a minute while the index holds the same number of articles.

    A dashboard is about fifteen backend calls; the article count in the key makes a crawl's new
    articles appear on the next load, and the language is in the key because labels are translated.
    """
    cache: dict[tuple[object, ...], tuple[float, Dashboard]] = current_app.extensions.setdefault(
        "presswatch.dashboard_cache", {}
    )
    key = (period, end, scope, province, silent_days, apart, current_language(), services.backend().count())
    now = time.monotonic()
    hit = cache.get(key)
    if hit and now - hit[0] < current_app.config.get("PRESSWATCH_DASHBOARD_CACHE_SECONDS", CACHE_SECONDS):
        return hit[1]
    dashboard = build(period, end, scope, province, silent_days, apart)
    if len(cache) >= CACHE_ENTRIES:
        cache.clear()
    cache[key] = (now, dashboard)
    return dashboard


def _end_date() -> date:
    """The period's last day: the chosen one, never after today in Viet Nam (a later one made the
    "Hôm nay" figure count tomorrow, 0, and the period drop today's articles)."""
    today = local_today()
    chosen = date_arg("end")
    return min(chosen, today) if chosen else today


@bp.route("/")
@date_params("end", "from", "to")  # from/to: an old shared search link, answered by the search page
@role_required("viewer")
def index() -> ResponseReturnValue:
    if "q" in request.args:
        # Links shared before the dashboard took "/" were searches: they still open as searches.
        from web.search_views import index as search_page

        return search_page()
    period = request.args.get("period", "week")
    period = period if period in PERIODS else "week"
    scope = "all" if request.args.get("scope") == "all" else "province"
    province = current_app.config["PRESSWATCH_FOCUS_PROVINCE"]
    silent_days = request.args.get("silent", type=int) or current_app.config.get("PRESSWATCH_SILENT_DAYS", 3)
    silent_days = max(1, min(int(silent_days), 30))
    end = _end_date()
    try:
        apart = request.args.get("apart") == "1"
        dashboard = cached_build(period, end, scope, province, silent_days, apart)
    except BackendUnavailable as error:
        services.index_unavailable(error)  # logs the detail; the page says only that it is down
        return render_template("dashboard/unavailable.html"), 503
    return render_template(
        "dashboard/index.html",
        d=dashboard,
        periods=PERIODS,
        end=end,
        today=local_today(),
        outlet_names=services.outlet_names(),
        search_link=search_link,
        tones=TONES,
        baseline_days=SILENT_BASELINE_DAYS,
        apart_url=toggle_apart_url(dashboard.apart),
        REACH=REACH,
    )


def toggle_apart_url(apart: bool) -> str:
    """This dashboard with merged outlets counted apart, or grouped again."""
    args: dict[str, Any] = {name: value for name, value in request.args.items() if name != "apart"}
    if not apart:
        args["apart"] = "1"
    return url_for("dashboard.index", **args)
