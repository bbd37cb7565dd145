"""Districts, wards and communes → provincial units, from the ``vietnamadminunits`` dataset.

The package (MIT, pinned ``>=1.0.4,<1.1``) ships what the press names below the province:
the 696 districts and 10,040 wards/communes before 1 July 2025 with their province, the 3,321
communes after it with their new province, and the converter table from each new commune to the
old wards it was formed from. Only its data files are read (``data/dataset.db``,
``data/converter_2025.json``); its address parser is made for one address at a time, not for
running text. Why this package and not ``vietnam-provinces``: docs/ANALYSIS.md, "Places".

A sub-unit is only recognised after its type word ("huyện Việt Yên", "xã Long An", "TP. Thủ Dầu
Một", "quận 7"), with every word of the name capitalised (or a number), so the index is a trie
per level walked from each type word: linear in the text, whatever the number of names.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from search.analysis.prepared import FieldTokens
from search.text import fold, normalize

PACKAGE = "vietnamadminunits"
END = ""  # trie key of the payload (never a token)

# Type words as the press writes them, lower-case, with the level they introduce. District-level
# and ward-level types are interchangeable within a level: Việt Yên became a thị xã in 2024 and
# is still "huyện Việt Yên" in the news.
TYPE_WORDS: dict[tuple[str, ...], str] = {
    ("huyện",): "district",
    ("quận",): "district",
    ("thị", "xã"): "district",
    ("tx",): "district",
    ("thành", "phố"): "district",
    ("tp",): "district",
    ("q",): "district",
    ("xã",): "ward",
    ("phường",): "ward",
    ("thị", "trấn"): "ward",
    ("tt",): "ward",
    ("p",): "ward",
    ("đặc", "khu"): "ward",
}
_DOTTED = {("q",), ("p",)}  # one-letter abbreviations count only as "Q. 1", "P. Tân Tiến"


class SubUnitError(RuntimeError):
    """The administrative-units dataset is missing or not in the expected shape."""


@dataclass(frozen=True)
class SubUnit:
    name: str  # as printed, without its type ("Việt Yên")
    level: str  # "district" or "ward"
    era: str  # "old" (before 2025-07-01) or "new"
    provinces: frozenset[str]  # pre-2025 provincial units (gazetteer names)
    district: str = ""  # folded name of an old ward's district


@dataclass
class SubMatch:
    start: int  # token of the type word
    end: int  # after the name
    level: str
    units: tuple[SubUnit, ...]

    @property
    def provinces(self) -> frozenset[str]:
        return frozenset().union(*(u.provinces for u in self.units))


@dataclass
class SubUnitIndex:
    tries: dict[str, dict[str, Any]]  # level -> nested token dict; node[END] = list of SubUnit
    types_by_first: dict[str, list[tuple[tuple[str, ...], str]]]
    size: dict[str, int]

    def match_at(self, tokens: FieldTokens, i: int) -> SubMatch | None:
        """The longest sub-unit named right after a type word starting at token ``i``."""
        for words, level in self.types_by_first.get(tokens.lower[i], ()):
            j = i + len(words)
            if j >= len(tokens.lower) or tuple(tokens.lower[i:j]) != words:
                continue
            gap = tokens.gap(j - 1, j)
            if (words in _DOTTED and "." not in gap) or gap.strip(" .\u00a0"):
                continue
            node, k, best = self.tries[level], j, None
            while k < len(tokens.lower):
                word = tokens.cased[k]
                if not (word[0].isupper() or word.isdigit()) or tokens.lower[k] not in node:
                    break
                if k > j and tokens.gap(k - 1, k).strip(" -"):
                    break
                node = node[tokens.lower[k]]
                k += 1
                if END in node:
                    best = (k, node[END])
            if best:
                return SubMatch(i, best[0], level, tuple(best[1]))
        return None


def _data_dir() -> Path:
    spec = importlib.util.find_spec(PACKAGE)  # locates the package without importing it
    if spec is None or spec.origin is None:
        raise SubUnitError(f"the {PACKAGE} package is not installed: pip install '{PACKAGE}>=1.0.4,<1.1'")
    return Path(spec.origin).parent / "data"


def _words(name: str) -> tuple[str, ...]:
    words = tuple(normalize(name).lower().replace("-", " ").split())
    # Numbered units keep their type in the dataset's short name ("Quận 7", "Phường 15").
    return words[1:] if len(words) == 2 and words[1].isdigit() else words


def _gazetteer_name(short: str, lookup: dict[str, str]) -> str:
    for key in (fold(short), f"tp {fold(short)}", f"thanh pho {fold(short)}"):
        if key in lookup:
            return lookup[key]
    raise SubUnitError(f"{PACKAGE}: province {short!r} is not in the gazetteer")


def build_index(lookup: dict[str, str], data: Path | None = None) -> SubUnitIndex:
    """Read the dataset; ``lookup`` maps folded province names to gazetteer units."""
    data = data or _data_dir()
    try:
        db = sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True)
        old_rows = db.execute(
            "select provinceShort, provinceKey, districtShort, districtKey, wardShort, "
            "wardKey from admin_units_legacy"
        ).fetchall()
        new_rows = db.execute("select provinceKey, wardShort, wardKey from admin_units").fetchall()
        db.close()
        converter = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
    except (sqlite3.Error, OSError, ValueError) as error:
        raise SubUnitError(f"{data}: cannot read the {PACKAGE} dataset: {error}") from error
    old_province: dict[str, str] = {}  # dataset province key -> gazetteer unit
    districts: dict[tuple[str, ...], set[str]] = defaultdict(set)
    wards: dict[tuple[tuple[str, ...], str], set[str]] = defaultdict(set)  # (name, district) -> units
    for short, key, district, _dkey, ward, _wkey in old_rows:
        unit = old_province.setdefault(key, _gazetteer_name(short, lookup))
        districts[_words(district)].add(unit)
        if ward:
            wards[(_words(ward), fold(district))].add(unit)
    # New communes: their old provinces are those of the old wards they were formed from.
    new_old: dict[tuple[str, str], set[str]] = defaultdict(set)
    for new_province, table in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, old_keys in table.items():
            new_old[(new_province, new_ward)].update(old_province[k.split("_")[0]] for k in old_keys)
    for new_province, table in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, targets in table.items():
            for target in targets:
                new_old[(new_province, target["newWardKey"])].add(old_province[old_key.split("_")[0]])
    tries: dict[str, dict[str, Any]] = {"district": {}, "ward": {}}
    units: dict[str, list[SubUnit]] = defaultdict(list)
    for words, provinces in districts.items():
        units["district"].append(SubUnit(" ".join(words), "district", "old", frozenset(provinces)))
    for (words, district), provinces in wards.items():
        units["ward"].append(SubUnit(" ".join(words), "ward", "old", frozenset(provinces), district))
    for province_key, ward, ward_key in new_rows:
        formed_from = new_old.get((province_key, ward_key))
        if ward and formed_from:
            units["ward"].append(SubUnit(" ".join(_words(ward)), "ward", "new", frozenset(formed_from)))
    for level, items in units.items():
        for sub_unit in items:
            node = tries[level]
            for word in sub_unit.name.split():
                node = node.setdefault(word, {})
            node.setdefault(END, []).append(sub_unit)
    types_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for words, level in sorted(TYPE_WORDS.items(), key=lambda item: -len(item[0])):
        types_by_first[words[0]].append((words, level))
    return SubUnitIndex(tries, dict(types_by_first), {k: len(v) for k, v in units.items()})


@lru_cache(maxsize=4)
def cached_index(lookup_items: tuple[tuple[str, str], ...]) -> SubUnitIndex:
    return build_index(dict(lookup_items))


@dataclass
class Found:
    """A sub-unit mention in one field, before and after resolution."""

    field: str
    match: SubMatch
    text: str
    sentence: int
    weight: float
    name: str  # folded name without the type word
    unit: str | None = None
    reason: str = ""


_ROMAN = frozenset(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"])


def _bare_name(folded: str) -> bool:
    words = folded.split()
    return len(words) == 1 and (words[0].isdigit() or len(words[0]) == 1 or words[0] in _ROMAN)


def resolve(found: list[Found], direct: set[str]) -> None:
    """Give each mention its provincial unit, or a reason why not ("ambiguous").

    A ward followed in the same sentence by its district ("xã Long An, huyện Châu Thành") keeps only
    the wards of that district; a name several provinces share ("huyện Châu Thành") takes the one
    the article names directly, else the one its unambiguous sub-units point to."""
    for k, item in enumerate(found):
        units = item.match.units
        if item.match.level == "ward":
            nxt = next(
                (
                    f
                    for f in found[k + 1 : k + 3]
                    if f.field == item.field and f.sentence == item.sentence and f.match.level == "district"
                ),
                None,
            )
            if nxt is not None:
                within = tuple(u for u in units if u.district == nxt.name or u.era == "new")
                units = (
                    tuple(u for u in within if not u.district or nxt.match.provinces & u.provinces) or units
                )
        item.match = SubMatch(item.match.start, item.match.end, item.match.level, units)
    sure = {next(iter(f.match.provinces)) for f in found if len(f.match.provinces) == 1}
    for item in found:
        if item.unit:
            continue
        provinces = item.match.provinces
        # "phường 4", "phường V": numbers, letters and roman numerals name wards in many provinces;
        # they count only beside their province named directly ("quận 7" is only in TP.HCM).
        bare = _bare_name(item.name) and not (item.match.level == "district" and item.name.isdigit())
        pools = (provinces & direct,) if bare else (provinces, provinces & direct, provinces & sure)
        for pool in pools:
            if len(pool) == 1:
                item.unit = next(iter(pool))
                break
        else:
            item.reason = "ambiguous"
