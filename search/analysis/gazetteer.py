"""The gazetteer: the provincial units and the names that mean them, loaded once.

``provinces.csv`` (copied from the shared reference) gives the 63 pre-2025 units, their aliases and
the old→new mapping of the 1 July 2025 merger; ``places.yaml`` gives the rules that keep out
streets, companies, people and other look-alikes. This module reads both into a ``Gazetteer``
(names compiled to token patterns, rule word lists indexed for lookup); ``places.py`` detects the
units an article names with it.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from search.analysis.subunits import SubUnitIndex, cached_index
from search.text import fold, normalize

HERE = Path(__file__).resolve().parent
GAZETTEER_PATH = HERE / "provinces.csv"
RULES_PATH = HERE / "places.yaml"
_TOKEN = re.compile(r"[^\W_]+")


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
    foreign: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # first word -> countries
    foreign_news: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # and more, headlines
    # provinces and cities abroad ("Trịnh Châu", "An Huy"): a unit listed after one is abroad
    foreign_regions: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    merger_words: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    min_share: float = 0.0
    subunits: bool = True  # districts and communes from vietnamadminunits (subunits.py)

    @cached_property
    def blocked_by_last(self) -> dict[str, dict[str, list[tuple[str, ...]]]]:
        return {reason: by_last_word(entries) for reason, entries in self.blocked_before.items()}

    @cached_property
    def weak_by_last(self) -> dict[str, list[tuple[str, ...]]]:
        return by_last_word(self.weak_before)

    @cached_property
    def subunit_index(self) -> SubUnitIndex | None:
        return cached_index(tuple(sorted(self.lookup.items()))) if self.subunits else None

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


def by_last_word(entries: list[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """Word lists indexed by their last word: a mention only tries the lists its previous word ends."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in entries:
        out.setdefault(words[-1], []).append(words)
    return out


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
    dropped = {
        unit: {normalize(a) for a in aliases} for unit, aliases in (rules.get("drop_aliases") or {}).items()
    }
    names: list[tuple[str, str, str]] = []  # (text, unit, kind)
    for row in rows:
        unit = row["name"].strip()
        aliases = [unit, row.get("ascii_name", "")] + (row.get("aliases") or "").split("|")
        names += [
            (a.strip(), unit, "alias")
            for a in aliases
            if a.strip() and normalize(a.strip()) not in dropped.get(unit, set())
        ]
    for section, kind in (("extra_aliases", "alias"), ("cities", "city")):
        for unit, aliases in (rules.get(section) or {}).items():
            if unit not in units:
                raise GazetteerError(
                    f"{rules_path}: {section}: unknown unit {unit!r} (use a name from {path.name})"
                )
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
        units=units,
        patterns=dict(patterns),
        blocked=dict(blocked),
        blocked_before={reason: _words(words) for reason, words in before.items()},
        organisation_words=_words(rules.get("organisation_words") or []),
        organisation_last=frozenset(w[-1] for w in _words(rules.get("organisation_words") or [])),
        organisation_reach=int(rules.get("organisation_reach", 7)),
        person_name_words=frozenset(normalize(w) for w in rules.get("person_name_words") or []),
        weak_before=_words(rules.get("weak_before") or []),
        weak_weight=float(rules.get("weak_weight", 0.5)),
        field_weights={
            k: float(v) for k, v in (rules.get("field_weights") or {"title": 3, "sapo": 2, "body": 1}).items()
        },
        min_score=float(rules.get("min_score", 2)),
        lookup=lookup,
        foreign=_by_first(
            _words([*(rules.get("foreign_countries") or []), *(rules.get("foreign_regions") or [])])
        ),
        foreign_news=_by_first(
            _words(
                [
                    *(rules.get("foreign_countries") or []),
                    *(rules.get("foreign_regions") or []),
                    *(rules.get("foreign_news") or []),
                ]
            )
        ),
        merger_words=_by_first(_words(rules.get("merger_words") or [])),
        foreign_regions=_by_first(_words(rules.get("foreign_regions") or [])),
        min_share=float(rules.get("min_share", 0)),
        subunits=bool(rules.get("subunits", True)),
    )


def _by_first(entries: list[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in entries:
        out[words[0]].append(words)
    return dict(out)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return load_gazetteer()
