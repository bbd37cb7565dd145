"""The publish time from agreeing evidence: every source gives a candidate with its precision.

Sources: ``json-ld`` (datePublished), ``meta`` (article:published_time, itemprop, pubdate…),
``visible`` (the date line printed near the headline), ``url`` (a date in the article's address),
``htmldate`` (last resort). The rules, in order:

1. A visible time and a structured value that are the same instant agree; the structured value is
   kept (it has seconds).
2. A structured value showing the visible clock reading with another offset is a mislabelled
   offset (Vietnamese CMSs write local time with "Z", "+00:00" or "+08:00"): the visible local time
   wins. Readers see it, and the outlet's own meta tags usually say the same.
3. Otherwise structured values that agree outvote a lone visible line (it may date another
   story); between disagreeing structured values the larger group wins, then the meta tags, and on
   an offset-only disagreement the value labelled local time.
4. A structured date without a time fixes the day: a printed time on another day is not taken.
5. No time of day anywhere: the day, from structured dates, the visible line, the URL, htmldate in
   that order — precision "day", stored at local midnight and never shown as a time. An id in the
   URL that looks like a timestamp is a creation id: evidence of the day at best.

Every candidate that disagrees with the choice is described in ``Published.conflict``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from crawler.extract.dates import LOCAL_TZ, Stamp

STRUCTURED = ("meta", "json-ld")  # meta first: on a tie the meta tags win
DAY_ORDER = ("meta", "json-ld", "visible", "url", "htmldate")
MINUTE, DAY = "minute", "day"


@dataclass(frozen=True)
class Evidence:
    source: str
    stamp: Stamp
    raw: str = ""  # the value as the page wrote it, for the conflict note

    @property
    def precision(self) -> str:
        return MINUTE if self.stamp.has_time else DAY

    def describe(self) -> str:
        if self.raw:
            return f"{self.source} {self.raw}"
        local = self.stamp.moment.astimezone(LOCAL_TZ)
        shown = f"{local:%Y-%m-%d %H:%M}" if self.stamp.has_time else f"{local:%Y-%m-%d}"
        return f"{self.source} {shown}"


@dataclass(frozen=True)
class Published:
    moment: datetime  # aware, Asia/Ho_Chi_Minh; local midnight when precision is "day"
    precision: str  # "minute" | "day"
    conflict: str = ""
    evidence: tuple[Evidence, ...] = ()


def _instant(stamp: Stamp) -> datetime:
    return stamp.moment.astimezone(LOCAL_TZ).replace(second=0, microsecond=0)


def _wall(stamp: Stamp) -> datetime:
    """The clock reading as written, before any offset (a printed line is local time)."""
    wall = stamp.wall if stamp.wall is not None else stamp.moment.astimezone(LOCAL_TZ).replace(tzinfo=None)
    return wall.replace(second=0, microsecond=0)


def _day(item: Evidence) -> date:
    return item.stamp.moment.astimezone(LOCAL_TZ).date()


def _labelled_local(stamp: Stamp) -> bool:
    return _instant(stamp).replace(tzinfo=None) == _wall(stamp)


def _vote(structured: list[Evidence]) -> Evidence:
    """Disagreeing structured values: the offset labelled local on a clock-only disagreement,
    else the largest group of equal instants, the meta tags' on a tie."""
    if len({_wall(e.stamp) for e in structured}) == 1:
        local = [e for e in structured if _labelled_local(e.stamp)]
        if local:
            return local[0]
    groups: dict[datetime, list[Evidence]] = {}
    for item in structured:
        groups.setdefault(_instant(item.stamp), []).append(item)
    best = max(groups.values(), key=lambda g: (len(g), any(e.source == "meta" for e in g)))
    return best[0]


def _timed_choice(timed: list[Evidence]) -> Evidence | None:
    structured = sorted(
        (e for e in timed if e.source in STRUCTURED), key=lambda e: STRUCTURED.index(e.source)
    )
    visible = next((e for e in timed if e.source == "visible"), None)
    if visible is not None:
        agree = [e for e in structured if _instant(e.stamp) == _instant(visible.stamp)]
        if agree:
            return agree[0]
        if any(_wall(e.stamp) == _wall(visible.stamp) for e in structured):
            return visible  # rule 2: the offset contradicts the time the page shows
    if structured:
        return _vote(structured)
    return visible or next(iter(timed), None)


def choose(evidence: Iterable[Evidence]) -> Published | None:
    """One publish time and its precision from all the candidates a page gives."""
    found = tuple(evidence)
    timed = [e for e in found if e.stamp.has_time and e.source != "url"]
    # A structured date without a time still fixes the day: a printed time on another day dates
    # something else (a sidebar story), as the old rule had it.
    stated_days = {_day(e) for e in found if e.source in STRUCTURED and not e.stamp.has_time}
    if stated_days:
        timed = [e for e in timed if e.source in STRUCTURED or _day(e) in stated_days]
    chosen = _timed_choice(timed)
    if chosen is not None:
        instant = _instant(chosen.stamp)
        disagree = [
            e for e in found if (_instant(e.stamp) != instant if e in timed else _day(e) != instant.date())
        ]
        return Published(chosen.stamp.moment.astimezone(LOCAL_TZ), MINUTE, _note(chosen, disagree), found)
    dated = sorted(found, key=lambda e: DAY_ORDER.index(e.source) if e.source in DAY_ORDER else 99)
    if not dated:
        return None
    day = _day(dated[0])
    disagree = [e for e in dated if _day(e) != day]
    midnight = datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ)
    return Published(midnight, DAY, _note(dated[0], disagree), found)


def _note(chosen: Evidence, disagree: list[Evidence]) -> str:
    if not disagree:
        return ""
    return f"{chosen.describe()} chosen; " + "; ".join(f"{e.describe()} disagrees" for e in disagree)
