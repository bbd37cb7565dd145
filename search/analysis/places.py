"""Provincial units in an article: the 63 pre-2025 units and the 34 after the 1 July 2025 merger.

The gazetteer (``gazetteer.py``: ``provinces.csv`` and ``places.yaml``) gives names, aliases, the
old→new mapping and the rules that keep out streets, companies, people and other look-alikes;
this module detects the units an article names with it. Detection runs over the lower-case exact
tokens of ``DocumentTokens`` (diacritics matter: "Huệ" is a given name, "Huế" the city), checks
capitalisation on the cased tokens, and scores each old unit by where it is mentioned; the subject
units are those that score enough.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Any

from search.analysis.gazetteer import Gazetteer, Pattern, default_gazetteer
from search.analysis.place_context import (
    after_foreign_region,
    is_abroad,
    is_road_end,
    is_weak,
    merger_starts,
    old_note,
    why_not_province,
)
from search.analysis.prepared import DocumentTokens, FieldTokens, by_second
from search.analysis.subunits import Found, SubUnitIndex, resolve
from search.document import TEXT_FIELDS
from search.text import fold

_INSIDE_NAME = re.compile(r"[\s.\-–—]*")  # what may separate the words of one name (TP.HCM, BR-VT)
_DASH = re.compile(r"\s*[-–—]\s*")


@dataclass
class Mention:
    unit: str
    field: str
    position: int
    text: str
    kind: str
    weight: float
    sentence: int
    note: str = ""  # "cũ": "tỉnh Thái Bình (cũ)"; "merger": in a sentence on the merger


@dataclass
class PlaceResult:
    old: list[str]
    new: list[str]
    mentions: list[Mention]
    ignored: list[dict[str, str]]
    scores: dict[str, float]
    new_of: dict[str, str] = field(default_factory=dict)  # old subject unit -> its new unit

    def explanation(self) -> dict[str, Any]:
        evidence: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for m in self.mentions:
            evidence[m.unit].append({"field": m.field, "text": m.text, "kind": m.kind, "weight": m.weight})
        # A new unit's evidence is its old units' ("Bắc Ninh" via "Bắc Giang"), so every name in
        # Document.provinces has a reason.
        for old, new in self.new_of.items():
            if new != old:
                evidence[new] += [{**e, "via": old} for e in evidence.get(old, [])]
        return {
            "old": self.old,
            "new": self.new,
            "scores": dict(self.scores),
            "evidence": dict(evidence),
            "ignored": self.ignored,
        }


def _fits(pattern: Pattern, tokens: FieldTokens, i: int) -> bool:
    n = len(pattern.tokens)
    if i + n > len(tokens.lower) or tuple(tokens.lower[i : i + n]) != pattern.tokens:
        return False
    for k, rule in enumerate(pattern.case):
        word = tokens.cased[i + k]
        if (rule == "cap" and not word[0].isupper()) or (rule not in ("any", "cap") and word != rule):
            return False
        if k and not _INSIDE_NAME.fullmatch(tokens.gap(i + k - 1, i + k)):
            return False
    return True


def _scan_subunits(g: Gazetteer, index: SubUnitIndex, name: str, tokens: FieldTokens) -> list[Found]:
    found: list[Found] = []
    first, after = index.types_by_first, 0
    for i in tokens.where(first):
        match = index.match_at(tokens, i) if i >= after else None
        if match is None:
            continue
        weight = g.weak_weight if is_weak(g, tokens, i) else g.field_weights.get(name, 1.0)
        type_end = match.end - len(match.units[0].name.split())
        found.append(
            Found(
                name,
                match,
                tokens.span_text(i, match.end),
                tokens.sentence[i],
                weight,
                fold(" ".join(tokens.lower[type_end : match.end])),
            )
        )
        if is_abroad(g, tokens, match.end):
            found[-1].reason = "foreign"
        after = match.end
    return found


def detect(prepared: DocumentTokens, gazetteer: Gazetteer | None = None) -> PlaceResult:
    """Mentions of provincial units (directly, or through a district or commune) in title, sapo
    and body, and the units that are subjects."""
    g = gazetteer or default_gazetteer()
    mentions: list[Mention] = []
    ignored: list[dict[str, str]] = []
    found: list[Found] = []
    index = g.subunit_index
    for name in TEXT_FIELDS:
        tokens = prepared.fields[name]
        mentions += _scan_provinces(g, name, tokens, ignored)
        if index is not None:
            found += _scan_subunits(g, index, name, tokens)
    # A name shown once to be abroad ("Trịnh Châu, tỉnh Hà Nam" in China) is that place throughout
    # the article ("Giới chức Hà Nam cho hay …").
    abroad = {i["text"].lower() for i in ignored if i["reason"] == "foreign region"}
    if abroad:
        for m in [m for m in mentions if m.kind in ("alias", "city") and m.text.lower() in abroad]:
            mentions.remove(m)
            ignored.append({"field": m.field, "text": m.text, "reason": "foreign region"})
    counted = {(m.field, m.position): m for m in mentions}
    found = [f for f in found if not any((f.field, k) in counted for k in range(f.match.start, f.match.end))]
    for f in found:
        # The province that closes the address ("xã Tân Lang (Văn Lãng, Lạng Sơn)") decides.
        after = next(
            (
                counted[f.field, k]
                for k in range(f.match.end, f.match.end + 10)
                if (f.field, k) in counted and counted[f.field, k].sentence == f.sentence
            ),
            None,
        )
        if after is not None and not f.reason:
            if after.unit in f.match.provinces:
                f.unit = after.unit
            else:
                f.reason = "other province"
    resolve([f for f in found if not f.reason and not f.unit], {m.unit for m in mentions})
    for f in found:
        if f.unit:
            kind = "district" if f.match.level == "district" else "commune"
            mentions.append(Mention(f.unit, f.field, f.match.start, f.text, kind, f.weight, f.sentence))
        else:
            ignored.append(
                {
                    "field": f.field,
                    "text": f.text,
                    "reason": f.reason,
                    "candidates": ", ".join(sorted(f.match.provinces)),
                }
            )
    scores: dict[str, float] = defaultdict(float)
    for m in mentions:
        scores[m.unit] += m.weight
    top = max(scores.values(), default=0.0)
    # A subject scores min_score and a fair share of the top score, or is the top itself (when
    # something was named other than in passing: only home towns and routes make no subject).
    floor = max(g.min_score, g.min_share * top)
    # The top score alone makes a subject only for one or two units: a list of places named once
    # each in passing ("thưởng Tết cao nhất ở TP.HCM, Thái Bình, Hải Dương, Bình Phước") is not
    # what the article is about.
    leaders = [u for u, s in scores.items() if s == top]
    # An article about the whole country ("Việt Nam", "cả nước" in its title or sapo, no unit
    # there) names a city once in passing — a venue, a head office, an example: no subject then.
    lone = 1.0 if not _national(prepared, mentions) else g.min_score
    old = [
        u
        for u, s in scores.items()
        if s >= floor
        or (len(leaders) <= 2 and s == top and top >= lone)
        or (len(scores) == 1 and lone == 1.0)
    ]
    # A unit named only as a home town, origin or destination is no subject when another subject
    # is named otherwise ("sản phụ quê Quảng Ngãi … đang về Quảng Ngãi" on a train at Nha Trang).
    strong = {m.unit for m in mentions if m.weight > g.weak_weight}
    old = [u for u in old if u in strong] or old
    # Old units named as such ("tỉnh Thái Bình (cũ)", "hợp nhất từ Hà Nam, Nam Định") stay with the
    # new unit they now form when that new unit is a subject.
    subject_new = {g.units[u].new_name for u in old}
    old += sorted(
        {
            m.unit
            for m in mentions
            if m.note == "cũ"
            or (m.note == "merger" and m.unit not in old and g.units[m.unit].new_name in subject_new)
        }
        - set(old)
    )
    old.sort(key=lambda u: (-scores[u], u))
    new: list[str] = []
    for unit in old:
        if g.units[unit].new_name not in new:
            new.append(g.units[unit].new_name)
    return PlaceResult(old, new, mentions, ignored, dict(scores), {u: g.units[u].new_name for u in old})


_NATIONAL = (("việt", "nam"), ("cả", "nước"), ("toàn", "quốc"))


def _national(prepared: DocumentTokens, mentions: list[Mention]) -> bool:
    """Does the title or sapo speak of the whole country, and name no provincial unit?"""
    if any(m.field != "body" for m in mentions):
        return False
    for name in ("title", "sapo"):
        lower = prepared.fields[name].lower
        if any(tuple(lower[i : i + 2]) in _NATIONAL for i in range(len(lower) - 1)):
            return True
    return False


@lru_cache(maxsize=4)
def _lower_first(g: Gazetteer) -> frozenset[str]:  # first words of patterns that may be lower-case
    return frozenset(word for word, found in g.patterns.items() if any(p.case[0] == "any" for p in found))


@lru_cache(maxsize=4)
def _by_second(g: Gazetteer) -> dict[str, tuple[dict[str, tuple[Pattern, ...]], tuple[Pattern, ...]]]:
    return {word: by_second(found) for word, found in g.patterns.items()}


def _scan_provinces(
    g: Gazetteer, name: str, tokens: FieldTokens, ignored: list[dict[str, str]]
) -> list[Mention]:
    mentions: list[Mention] = []
    lower = tokens.lower
    # Blocked names first, so "tỉnh Hà Nam Ninh" cannot be read as the alias "tỉnh Hà Nam".
    covered: set[int] = set()
    blocked = g.blocked
    rare = blocked.keys().isdisjoint(tokens.words)
    # (regions abroad are rare: most fields name none, and then no mention looks back for one)
    regions = not g.foreign_regions.keys().isdisjoint(tokens.words)
    for i in [] if rare else tokens.where(blocked):
        for p in blocked[lower[i]]:
            if _fits(p, tokens, i):
                end = i + len(p.tokens)
                covered.update(range(i, end))
                ignored.append({"field": name, "text": tokens.span_text(i, end), "reason": "name"})
                break
    blocked_end, blocked_reason, weak_end = -1, "", -1
    patterns, after, split = g.patterns, 0, _by_second(g)
    mergers = merger_starts(g, tokens) if g.merger_words else {}
    # A name whose first word must be capitalised cannot start at a lower-case word: most of the
    # words that start a name ("an", "nam", "bình", "phú" …) are common words in lower case.
    anywhere = _lower_first(g)
    cased = tokens.cased
    for i in [i for i in tokens.where(patterns) if lower[i] in anywhere or cased[i][0].isupper()]:
        if i < after or i in covered:
            continue
        longer, singles = split[lower[i]]  # g.patterns[lower[i]], but only those that can fit here
        options = chain(longer.get(lower[i + 1], ()), singles) if i + 1 < len(lower) else singles
        match = next(
            (p for p in options if _fits(p, tokens, i) and covered.isdisjoint(range(i, i + len(p.tokens)))),
            None,
        )
        if match is None:
            continue
        end = i + len(match.tokens)
        text = tokens.span_text(i, end)
        abroad = is_abroad(g, tokens, end)
        reason = why_not_province(g, tokens, i, match) or (
            "foreign region" if abroad == "region" else "foreign" if abroad else ""
        )
        if not reason and regions and i and after_foreign_region(g, tokens, i):
            reason = "foreign region"  # "thành phố Trịnh Châu, tỉnh Hà Nam": Henan
        after_dash = _DASH.fullmatch(tokens.gap(i - 1, i)) if i else None
        if not reason and i == blocked_end and after_dash:
            reason = blocked_reason  # "cao tốc Hà Nội – Hải Phòng": both ends are the road
        elif not reason and after_dash and is_road_end(g, tokens, i):
            reason = "street"  # "cao tốc Nội Bài – Lào Cai"
        if reason:
            ignored.append({"field": name, "text": text, "reason": reason})
            blocked_end, blocked_reason = end, reason
        else:
            weak = is_weak(g, tokens, i) or bool(i == weak_end and after_dash)  # "từ Hà Nội - …"
            weight = g.weak_weight if weak else g.field_weights.get(name, 1.0)
            weak_end = end if weak else -1
            assert match.unit is not None  # g.patterns holds province names (None: g.blocked only)
            mentions.append(
                Mention(
                    match.unit,
                    name,
                    i,
                    text,
                    match.kind,
                    weight,
                    tokens.sentence[i],
                    old_note(tokens, i, end, mergers),
                )
            )
        after = end
    return mentions


def display_names(result: PlaceResult) -> list[str]:
    """``Document.provinces``: old units then the new units they map to, each name once."""
    out: list[str] = []
    for name in result.old + result.new:
        if name not in out:
            out.append(name)
    return out
