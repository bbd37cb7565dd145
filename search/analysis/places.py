"""Provincial units in an article: the 63 pre-2025 units and the 34 after the 1 July 2025 merger.

The gazetteer (``provinces.csv``, copied from the shared reference) gives names, aliases and the
old→new mapping; ``places.yaml`` gives the rules that keep out streets, companies, people and
other look-alikes. Detection runs over the lower-case exact tokens of ``PreparedText`` (diacritics
matter: "Huệ" is a given name, "Huế" the city), checks capitalisation on the cased tokens, and
scores each old unit by where it is mentioned; the subject units are those that score enough.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from search.analysis.prepared import FieldTokens, PreparedText
from search.document import TEXT_FIELDS
from search.text import fold, normalize

HERE = Path(__file__).resolve().parent
GAZETTEER_PATH = HERE / "provinces.csv"
RULES_PATH = HERE / "places.yaml"
_TOKEN = re.compile(r"[^\W_]+")
_INSIDE_NAME = re.compile(r"[\s.\-–—]*")  # what may separate the words of one name (TP.HCM, BR-VT)
_DASH = re.compile(r"\s*[-–—]\s*")


@dataclass(frozen=True)
class Unit:
    name: str  # pre-2025 display name
    new_name: str  # the unit it belongs to from 2025-07-01
    is_new_seat: bool


@dataclass(frozen=True)
class Pattern:
    tokens: tuple[str, ...]  # lower-case, normalised
    case: tuple[str, ...]  # per token: "any", "cap" (capitalised) or the exact spelling required
    unit: str | None  # None for a blocked name
    kind: str  # "alias", "city" or "blocked"
    text: str


@dataclass
class Mention:
    unit: str
    field: str
    position: int
    text: str
    kind: str
    weight: float
    sentence: int


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
        return {"old": self.old, "new": self.new, "scores": dict(self.scores),
                "evidence": dict(evidence), "ignored": self.ignored}


@dataclass(eq=False)  # hashed by identity: compiled once, used as a cache key
class Gazetteer:
    units: dict[str, Unit]
    patterns: dict[str, list[Pattern]]
    blocked: dict[str, list[Pattern]]  # names that contain a province name but are something else
    blocked_before: dict[str, list[tuple[str, ...]]]
    organisation_words: list[tuple[str, ...]]
    organisation_last: frozenset[str]
    organisation_reach: int
    person_name_words: frozenset[str]
    weak_before: list[tuple[str, ...]]
    weak_weight: float
    field_weights: dict[str, float]
    min_score: float
    lookup: dict[str, str] = field(default_factory=dict)  # folded alias -> old unit

    @cached_property
    def new_units(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for unit in self.units.values():
            out[unit.new_name].append(unit.name)
        return dict(out)

    def resolve(self, name: str) -> str | None:
        """The post-2025 unit a user-given name means ("Bac Giang" → "Bắc Ninh"), or None."""
        key = " ".join(fold(name).split())
        for new in self.new_units:
            if fold(new) == key:
                return new
        old = self.lookup.get(key)
        return self.units[old].new_name if old else None


class GazetteerError(ValueError):
    """The gazetteer or its rules file is malformed; the message names the file and the entry."""


def _words(entries: list[str]) -> list[tuple[str, ...]]:
    return sorted((tuple(_TOKEN.findall(normalize(e).lower())) for e in entries), key=len, reverse=True)


def _pattern(text: str, unit: str | None, kind: str, generic: set[str]) -> Pattern:
    cased = _TOKEN.findall(normalize(text))
    case = []
    for token in cased:
        if token.lower() in generic or token.islower():
            case.append("any")
        elif len(token) > 1 and token.isupper():
            case.append(token)  # abbreviation: exact spelling
        else:
            case.append("cap")
    return Pattern(tuple(t.lower() for t in cased), tuple(case), unit, kind, text)


def load_gazetteer(path: Path | str | None = None, rules_path: Path | str | None = None) -> Gazetteer:
    """Read the gazetteer CSV (``#`` lines are comments) and the rules YAML."""
    path, rules_path = Path(path or GAZETTEER_PATH), Path(rules_path or RULES_PATH)
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    try:
        rules = yaml.safe_load(rules_path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise GazetteerError(f"{rules_path}: not valid YAML: {error}") from error
    units: dict[str, Unit] = {}
    for number, row in enumerate(rows, start=2):
        name, new = (row.get("name") or "").strip(), (row.get("merged_into") or "").strip()
        if not name or not new:
            raise GazetteerError(f"{path}: row {number}: 'name' and 'merged_into' are required")
        units[name] = Unit(name, new, row.get("is_new_seat") == "yes")
    generic = {normalize(w).lower() for w in rules.get("generic_words", [])}
    dropped = {unit: {normalize(a) for a in aliases}
               for unit, aliases in (rules.get("drop_aliases") or {}).items()}
    names: list[tuple[str, str, str]] = []  # (text, unit, kind)
    for row in rows:
        unit = row["name"].strip()
        aliases = [unit, row.get("ascii_name", "")] + (row.get("aliases") or "").split("|")
        names += [(a.strip(), unit, "alias") for a in aliases
                  if a.strip() and normalize(a.strip()) not in dropped.get(unit, set())]
    for section, kind in (("extra_aliases", "alias"), ("cities", "city")):
        for unit, aliases in (rules.get(section) or {}).items():
            if unit not in units:
                raise GazetteerError(f"{rules_path}: {section}: unknown unit {unit!r} "
                                     f"(use a name from {path.name})")
            names += [(a, unit, kind) for a in aliases]
    patterns: dict[str, list[Pattern]] = defaultdict(list)
    lookup: dict[str, str] = {}
    compiled = [_pattern(text, unit, kind, generic) for text, unit, kind in names]
    bare = {(p.tokens, p.unit) for p in compiled}
    seen: set[tuple[tuple[str, ...], tuple[str, ...], str | None]] = set()
    for (text, unit, _), pattern in zip(names, compiled, strict=True):
        lookup.setdefault(" ".join(fold(text).split()), unit)
        # "tỉnh Hà Giang" adds nothing to "Hà Giang" (generic words are checked as context
        # anyway) and would be tried at every "tỉnh"; duplicates ("Tỉnh X"/"tỉnh X") likewise.
        if pattern.case[0] == "any" and pattern.tokens[0] in generic and (pattern.tokens[1:], unit) in bare:
            continue
        key = (pattern.tokens, pattern.case, unit)
        if pattern.tokens and key not in seen:
            seen.add(key)
            patterns[pattern.tokens[0]].append(pattern)
    blocked: dict[str, list[Pattern]] = defaultdict(list)
    for text in rules.get("blocked_names") or []:
        pattern = _pattern(text, None, "blocked", generic)
        blocked[pattern.tokens[0]].append(pattern)
    for table in (patterns, blocked):
        for candidates in table.values():
            candidates.sort(key=lambda p: -len(p.tokens))  # longest first
    before = rules.get("blocked_before") or {}
    return Gazetteer(
        units=units, patterns=dict(patterns), blocked=dict(blocked),
        blocked_before={reason: _words(words) for reason, words in before.items()},
        organisation_words=_words(rules.get("organisation_words") or []),
        organisation_last=frozenset(w[-1] for w in _words(rules.get("organisation_words") or [])),
        organisation_reach=int(rules.get("organisation_reach", 7)),
        person_name_words=frozenset(normalize(w) for w in rules.get("person_name_words") or []),
        weak_before=_words(rules.get("weak_before") or []),
        weak_weight=float(rules.get("weak_weight", 0.5)),
        field_weights={k: float(v) for k, v in
                       (rules.get("field_weights") or {"title": 3, "sapo": 2, "body": 1}).items()},
        min_score=float(rules.get("min_score", 2)), lookup=lookup)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return load_gazetteer()


def _fits(pattern: Pattern, tokens: FieldTokens, i: int) -> bool:
    n = len(pattern.tokens)
    if i + n > len(tokens.lower) or tuple(tokens.lower[i:i + n]) != pattern.tokens:
        return False
    for k, rule in enumerate(pattern.case):
        word = tokens.cased[i + k]
        if (rule == "cap" and not word[0].isupper()) or (rule not in ("any", "cap") and word != rule):
            return False
        if k and not _INSIDE_NAME.fullmatch(tokens.gap(i + k - 1, i + k)):
            return False
    return True


def _preceded_by(tokens: FieldTokens, i: int, words: tuple[str, ...]) -> bool:
    """Are the tokens right before position i these words, separated by spaces only?"""
    start = i - len(words)
    if start < 0 or tokens.lower[i - 1] != words[-1] or tuple(tokens.lower[start:i]) != words:
        return False
    return all(not tokens.gap(k, k + 1).strip() for k in range(start, i))


def _blocked(g: Gazetteer, tokens: FieldTokens, i: int, pattern: Pattern) -> str:
    """Why the mention at i is not the province ('' when it is)."""
    for reason, entries in g.blocked_before.items():
        if reason == "sub_unit" and pattern.kind == "city":
            continue  # "huyện Cao Lãnh" is still in Đồng Tháp
        if any(_preceded_by(tokens, i, words) for words in entries):
            return reason
    if i and not tokens.gap(i - 1, i).strip() and tokens.cased[i - 1] in g.person_name_words:
        return "person"
    # An organisation name: walk back over words joined by spaces, stopping at place words.
    k = i
    last_words = g.organisation_last
    while k > 0 and i - k < g.organisation_reach and tokens.seps[k - 1].isspace():
        k -= 1
        word = tokens.lower[k]
        if word in _PLACE_WORDS:
            break
        if word in last_words and any(_preceded_by(tokens, k + 1, w) for w in g.organisation_words):
            return "organisation"
    return ""


_PLACE_WORDS = frozenset(("tại", "ở", "tỉnh", "trên", "của", "cho", "với", "và", "thuộc"))


def _weak(g: Gazetteer, tokens: FieldTokens, i: int) -> bool:
    return any(_preceded_by(tokens, i, words) for words in g.weak_before)


def detect(prepared: PreparedText, gazetteer: Gazetteer | None = None) -> PlaceResult:
    """Mentions of provincial units in title, sapo and body, and the units that are subjects."""
    g = gazetteer or default_gazetteer()
    mentions: list[Mention] = []
    ignored: list[dict[str, str]] = []
    for name in TEXT_FIELDS:
        tokens = prepared.fields[name]
        lower, n = tokens.lower, len(tokens.lower)
        # Blocked names first, so "tỉnh Hà Nam Ninh" cannot be read as the alias "tỉnh Hà Nam".
        covered: set[int] = set()
        for i in range(n):
            for p in g.blocked.get(lower[i], ()):
                if _fits(p, tokens, i):
                    end = i + len(p.tokens)
                    covered.update(range(i, end))
                    ignored.append({"field": name, "text": tokens.span_text(i, end), "reason": "name"})
                    break
        i = 0
        blocked_end, blocked_reason = -1, ""
        while i < n:
            candidates = g.patterns.get(lower[i]) if i not in covered else None
            match = next((p for p in candidates if _fits(p, tokens, i)
                          and covered.isdisjoint(range(i, i + len(p.tokens)))), None) if candidates else None
            if match is None:
                i += 1
                continue
            end = i + len(match.tokens)
            text = tokens.span_text(i, end)
            reason = _blocked(g, tokens, i, match)
            if not reason and i == blocked_end and _DASH.fullmatch(tokens.gap(i - 1, i)):
                reason = blocked_reason  # "cao tốc Hà Nội – Hải Phòng": both ends are the road
            if reason:
                ignored.append({"field": name, "text": text, "reason": reason})
                blocked_end, blocked_reason = end, reason
            else:
                weight = g.weak_weight if _weak(g, tokens, i) else g.field_weights.get(name, 1.0)
                mentions.append(Mention(match.unit, name, i, text, match.kind, weight, tokens.sentence[i]))
            i = end
    scores: dict[str, float] = defaultdict(float)
    for m in mentions:
        scores[m.unit] += m.weight
    top = max(scores.values(), default=0.0)
    old = sorted((u for u, s in scores.items() if s >= g.min_score or s == top),
                 key=lambda u: (-scores[u], u))
    new: list[str] = []
    for unit in old:
        if g.units[unit].new_name not in new:
            new.append(g.units[unit].new_name)
    return PlaceResult(old, new, mentions, ignored, dict(scores), {u: g.units[u].new_name for u in old})


def display_names(result: PlaceResult) -> list[str]:
    """``Document.provinces``: old units then the new units they map to, each name once."""
    out: list[str] = []
    for name in result.old + result.new:
        if name not in out:
            out.append(name)
    return out
