"""Outlets over time: who merged into whom, when, and which outlet an article belongs to.

An outlet may end (``active_until``) by merging into a successor (``merged_into``); 2025's press
reorganisation did this to most provincial papers and stations, some twice (Báo Sóc Trăng →
Báo và Đài PT-TH Sóc Trăng in May → Báo và PT-TH Cần Thơ in July). Predecessors keep their id,
name and domain, so archived articles stay attributed (and searchable) under the old outlet, while
reports group them under the last successor (``group_of``).

The rule for dates: **the successor must be active on the day after its predecessor's end**
(``active_from <= active_until + 1 day``, and the successor must not itself end before that day).
A predecessor and its successor may share a host (the merged agency often kept the paper's site);
which of them an article on that host belongs to is then decided by the article's date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crawler.registry_errors import OUTLET_ID, RegistryError

if TYPE_CHECKING:
    from crawler.registry import Outlet

ONE_DAY = dt.timedelta(days=1)
EVIDENCE_GRADES = ("verified", "seen", "guessed")
# Facts about an outlet that carry an evidence grade (docs/OUTLETS.md, "Evidence").
EVIDENCE_FIELDS = (
    "name",
    "domain",
    "aliases",
    "active_from",
    "active_until",
    "merged_into",
    "feeds",
    "sections",
)


def parse_date(path: Path | str, entry: str, name: str, value: Any) -> dt.date | None:
    """A YAML date (``2025-07-01`` unquoted or quoted) or null."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        raise RegistryError(path, "must be a date (YYYY-MM-DD), not a date and time", entry, name)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise RegistryError(path, f"must be a date like 2025-07-01, got {value!r}", entry, name)


def parse_evidence(path: Path | str, entry: str, raw: dict[str, Any]) -> dict[str, str]:
    evidence = raw["evidence"]
    if not isinstance(evidence, dict) or not evidence:
        raise RegistryError(
            path, f"must map some of {', '.join(EVIDENCE_FIELDS)} to a grade", entry, "evidence"
        )
    for key, grade in evidence.items():
        if key not in EVIDENCE_FIELDS:
            raise RegistryError(
                path, f"unknown fact {key!r} (allowed: {', '.join(EVIDENCE_FIELDS)})", entry, "evidence"
            )
        if grade not in EVIDENCE_GRADES:
            raise RegistryError(
                path, f"grade of {key!r} must be one of {', '.join(EVIDENCE_GRADES)}", entry, "evidence"
            )
    return dict(evidence)


def parse_succession(path: Path | str, entry: str, raw: dict[str, Any]) -> dict[str, Any]:
    """The per-entry succession keys; the cross-entry rules are in ``link``."""
    out: dict[str, Any] = {}
    for name in ("active_from", "active_until"):
        if name in raw:
            out[name] = parse_date(path, entry, name, raw[name])
    start, end = out.get("active_from"), out.get("active_until")
    if start and end and end < start:
        raise RegistryError(path, f"ends ({end}) before it starts ({start})", entry, "active_until")
    if "merged_into" in raw:
        target = raw["merged_into"]
        if not isinstance(target, str) or not OUTLET_ID.match(target):
            raise RegistryError(path, "must be the id of the successor outlet", entry, "merged_into")
        if target == raw.get("id"):
            raise RegistryError(path, "an outlet cannot merge into itself", entry, "merged_into")
        if end is None:
            raise RegistryError(
                path, "a merged outlet needs active_until (its last day)", entry, "active_until"
            )
        out["merged_into"] = target
    if "predecessors" in raw:
        preds = raw["predecessors"]
        if not isinstance(preds, list) or not all(isinstance(p, str) and OUTLET_ID.match(p) for p in preds):
            raise RegistryError(path, "must be a list of outlet ids", entry, "predecessors")
        out["predecessors"] = tuple(preds)
    if "evidence" in raw:
        out["evidence"] = parse_evidence(path, entry, raw)
    return out


def link(path: Path | str, outlets: Sequence[Outlet]) -> list[Outlet]:
    """Check the succession across entries and fill in every outlet's ``predecessors``.

    Rules (each error names the file, the outlet and the field): every ``merged_into`` names an
    outlet of the file; no outlet is its own (indirect) successor; the successor is active on the
    day after the predecessor's end; ``predecessors``, when written, match the ``merged_into`` that
    point at the outlet; a host shared by two outlets belongs to one succession chain at
    non-overlapping dates.
    """
    by_id = {o.id: o for o in outlets}
    computed: dict[str, list[str]] = {o.id: [] for o in outlets}
    for outlet in outlets:
        if outlet.merged_into is not None and outlet.merged_into not in by_id:
            raise RegistryError(
                path, f"no outlet with id {outlet.merged_into!r} in this registry", outlet.id, "merged_into"
            )
    # Cycles first: dates along a cycle can never be consistent, and "cycle" is the real mistake.
    for outlet in outlets:
        seen, current = [outlet.id], outlet
        while current.merged_into is not None:
            if current.merged_into in seen:
                cycle = " → ".join([*seen[seen.index(current.merged_into) :], current.merged_into])
                raise RegistryError(path, f"succession cycle: {cycle}", outlet.id, "merged_into")
            seen.append(current.merged_into)
            current = by_id[current.merged_into]
    for outlet in outlets:
        if outlet.merged_into is None or outlet.active_until is None:  # merged implies an end date
            continue
        successor = by_id[outlet.merged_into]
        day_after = outlet.active_until + ONE_DAY
        if not successor.active_on(day_after):
            raise RegistryError(
                path,
                f"successor {successor.id} is not active on {day_after}, the day after this "
                f"outlet's end (it is active from {successor.active_from or 'always'} until "
                f"{successor.active_until or 'today'})",
                outlet.id,
                "active_until",
            )
        computed[successor.id].append(outlet.id)
    linked = []
    for outlet in outlets:
        if outlet.predecessors and sorted(outlet.predecessors) != sorted(computed[outlet.id]):
            raise RegistryError(
                path,
                f"lists {sorted(outlet.predecessors)} but the outlets merged into it are "
                f"{sorted(computed[outlet.id])} (write merged_into on each predecessor)",
                outlet.id,
                "predecessors",
            )
        linked.append(replace(outlet, predecessors=tuple(computed[outlet.id])))
    _check_shared_hosts(path, linked)
    grouped = {o.id: replace(o, group=group_of(by_id, o.id)) for o in linked}
    return [replace(o, succeeded=tuple(lineage(grouped, o.id)[1:])) for o in grouped.values()]


def _check_shared_hosts(path: Path | str, outlets: Sequence[Outlet]) -> None:
    owners: dict[str, list[Outlet]] = {}
    for outlet in outlets:
        for host in dict.fromkeys((outlet.domain, *outlet.aliases)):
            owners.setdefault(host, []).append(outlet)
    by_id = {o.id: o for o in outlets}
    for host, sharing in owners.items():
        for i, first in enumerate(sharing):
            for second in sharing[i + 1 :]:
                if group_of(by_id, first.id) != group_of(by_id, second.id):
                    continue  # unrelated outlets on one host: the registry tests judge that
                if _overlap(first, second):
                    raise RegistryError(
                        path,
                        f"host {host} is also {first.id}'s at overlapping dates; a successor "
                        "may take over a predecessor's host only after the predecessor's end",
                        second.id,
                        "domain",
                    )


def _overlap(a: Outlet, b: Outlet) -> bool:
    start = max(a.active_from or dt.date.min, b.active_from or dt.date.min)
    end = min(a.active_until or dt.date.max, b.active_until or dt.date.max)
    return start <= end


def group_of(by_id: Mapping[str, Outlet], outlet_id: str) -> str:
    """The id of the last successor in ``outlet_id``'s chain (itself if it never merged)."""
    seen = {outlet_id}
    current = by_id.get(outlet_id)
    while current is not None and current.merged_into and current.merged_into not in seen:
        seen.add(current.merged_into)
        current = by_id.get(current.merged_into)
    return current.id if current is not None else outlet_id


def lineage(by_id: Mapping[str, Outlet], outlet_id: str) -> list[Outlet]:
    """The outlet and all its predecessors, direct and indirect (breadth first)."""
    out, queue, seen = [], [outlet_id], set()
    while queue:
        current = by_id.get(queue.pop(0))
        if current is None or current.id in seen:
            continue
        seen.add(current.id)
        out.append(current)
        queue.extend(current.predecessors)
    return out


def attribute(
    by_id: Mapping[str, Outlet], outlet_id: str, url: str, published: dt.date | dt.datetime | None
) -> str:
    """The outlet an article belongs to: the crawled outlet, unless the article is from before
    that outlet began and a predecessor owning the URL's host was active on the article's date."""
    outlet = by_id.get(outlet_id)
    return outlet_id if outlet is None else attributed(outlet, url, published).id


def attributed(
    outlet: Outlet,
    url: str,
    published: dt.date | dt.datetime | None,
    owns: Callable[[Outlet, str], bool] | None = None,
) -> Outlet:
    """``attribute`` on a loaded outlet (its ``succeeded``); ``owns(outlet, url)`` decides host
    ownership (default ``Outlet.owns``; the crawler also counts registered route host:ports)."""
    if published is None:
        return outlet
    day = published.date() if isinstance(published, dt.datetime) else published
    if outlet.active_on(day):
        return outlet
    owns = owns or (lambda o, u: o.owns(u))
    for candidate in outlet.succeeded:
        if candidate.active_on(day) and owns(candidate, url):
            return candidate
    return outlet


def successors_of(outlets: Iterable[Outlet]) -> dict[str, str]:
    """outlet id → the id of its group (last successor), for every outlet."""
    by_id = {o.id: o for o in outlets}
    return {outlet_id: group_of(by_id, outlet_id) for outlet_id in by_id}
