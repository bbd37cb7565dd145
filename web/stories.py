"""The story page: how one story spread — who published first, each pickup and its lag, central
press vs other provinces' press vs the focus province's own press agency, the tone of each copy,
and the story's follow-up (``followup/_panel.html``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from flask import Blueprint, abort, current_app, render_template
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from search.backends import SearchRequest
from search.document import Document
from search.text import fold
from web import services
from web.auth import role_required
from web.followup.views import panel
from web.i18n import N_

bp = Blueprint("stories", __name__, url_prefix="/stories")
MAX_COPIES = 200
CENTRAL_KINDS = {"central-daily", "central-online", "agency"}
LOCAL_KINDS = {"provincial-party-paper", "provincial-tv", "provincial-press-agency"}
REACH = {
    "own": N_("Cơ quan báo chí của tỉnh"),
    "central": N_("Báo chí trung ương"),
    "provincial": N_("Báo chí địa phương khác"),
    "other": N_("Báo, tạp chí ngành, khác"),
}


@dataclass
class Pickup:
    document: Document
    outlet: str
    reach: str  # a key of REACH
    lag: timedelta  # after the first copy
    share: float  # lag as a share of the whole spread, for the bar (0..1)


def reach(document: Document, focus: str, provinces: dict[str, str]) -> str:
    """Which press a copy comes from: the focus province's own, central, another province's."""
    if document.outlet_kind in CENTRAL_KINDS:
        return "central"
    if document.outlet_kind in LOCAL_KINDS:
        province = document.outlet_province or provinces.get(document.outlet_id, "")
        return "own" if province and fold(province) == fold(focus) else "provincial"
    return "other"


def lag_text(lag: timedelta) -> str:
    """ "+2 giờ 15 phút", "+1 ngày 3 giờ": a lag as staff say it."""
    minutes = int(lag.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return _("+%(d)s ngày %(h)s giờ", d=days, h=hours)
    if hours:
        return _("+%(h)s giờ %(m)s phút", h=hours, m=minutes)
    return _("+%(m)s phút", m=minutes)


def spread(
    copies: list[Document], focus: str, provinces: dict[str, str], names: dict[str, str]
) -> list[Pickup]:
    copies = sorted(copies, key=lambda d: (d.published_at, d.id))
    first = copies[0].published_at
    whole = max((copies[-1].published_at - first).total_seconds(), 1)
    return [
        Pickup(
            d,
            names.get(d.outlet_id) or d.outlet_name or d.outlet_id,
            reach(d, focus, provinces),
            d.published_at - first,
            (d.published_at - first).total_seconds() / whole,
        )
        for d in copies
    ]


@bp.route("/<story_id>")
@role_required("viewer")
def show(story_id: str) -> ResponseReturnValue:
    if len(story_id) > 200:
        abort(404)
    result = services.backend().search(
        SearchRequest(query=f'story:"{story_id}"', sort="date", limit=MAX_COPIES, facets=False)
    )
    if not result.hits:
        abort(404)
    focus = current_app.config.get("PRESSWATCH_FOCUS_PROVINCE", "")
    pickups = spread(
        [hit.document for hit in result.hits], focus, services.outlet_provinces(), services.outlet_names()
    )
    by_reach = {key: sum(1 for p in pickups if p.reach == key) for key in REACH}
    by_tone = {
        tone: sum(1 for p in pickups if p.document.tone == tone)
        for tone in ("negative", "neutral", "positive")
    }
    return render_template(
        "stories/show.html",
        story_id=story_id,
        pickups=pickups,
        first=pickups[0],
        total=result.total,
        outlets=len({p.document.outlet_id for p in pickups}),
        by_reach=by_reach,
        by_tone=by_tone,
        REACH=REACH,
        lag_text=lag_text,
        followup=panel("story", story_id),
    )
