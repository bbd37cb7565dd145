"""Places used to fill the sample articles: pre-2025 provinces with districts, communes, roads.

Province names follow /work/shared/reference/provinces.csv (the 63 units before 1 July 2025); the
districts, communes, roads, rivers and industrial zones are real names written from general
knowledge, used only as slot values in text written for this project. Articles are written in the
pre-2025 administrative frame (huyện, the old provinces), which is what the tagger maps from.
The places themselves are data, in ``data/places.yaml``; this module gives them their type.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Province:
    name: str  # canonical pre-2025 name, as in provinces.csv
    label: str  # as printed in headlines: "Bắc Ninh", "Thừa Thiên Huế", "TP.HCM"
    city: bool  # centrally-run city (thành phố) rather than tỉnh
    plate: str  # vehicle plate prefix
    roads: tuple[str, ...]
    rivers: tuple[str, ...]
    zones: tuple[str, ...]  # industrial zones
    districts: tuple[str, ...]  # "huyện Tiên Du: xã Phật Tích, xã Cảnh Hưng"
    body_name: str = ""  # name after "TP"/"tỉnh" in running text when it differs from label

    @property
    def text_name(self) -> str:
        return self.body_name or self.label

    @property
    def full(self) -> str:
        return f"TP {self.text_name}" if self.city else f"tỉnh {self.text_name}"

    @property
    def unit(self) -> str:
        return "thành phố" if self.city else "tỉnh"

    @property
    def party(self) -> str:
        if not self.city:
            return f"Tỉnh ủy {self.text_name}"
        return f"Thành ủy {self.full if self.body_name else self.text_name}"

    def district_list(self) -> list[tuple[str, tuple[str, ...]]]:
        out = []
        for line in self.districts:
            district, _, communes = line.partition(":")
            out.append((district.strip(), tuple(c.strip() for c in communes.split(",") if c.strip())))
        return out


DATA = Path(__file__).parent / "data" / "places.yaml"


def _province(entry: dict[str, Any]) -> Province:
    name = str(entry["name"])
    return Province(
        name=name,
        label=str(entry.get("label") or name),
        city=bool(entry.get("city", False)),
        plate=str(entry["plate"]),
        roads=tuple(entry.get("roads") or ()),
        rivers=tuple(entry.get("rivers") or ()),
        zones=tuple(entry.get("zones") or ()),
        districts=tuple(entry.get("districts") or ()),
        body_name=str(entry.get("body_name") or ""),
    )


def _load() -> dict[str, Any]:
    with DATA.open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


_DATA = _load()
PROVINCES: tuple[Province, ...] = tuple(_province(entry) for entry in _DATA["provinces"])
BY_NAME: dict[str, Province] = {p.name: p for p in PROVINCES}
# Neighbours each provincial paper writes about besides its own province.
REGION_OF: dict[str, tuple[tuple[str, float], ...]] = {
    paper: tuple((name, float(weight)) for name, weight in weights.items())
    for paper, weights in _DATA["regions"].items()
}
# Weights for national outlets: the demo's focus region is over-represented.
NATIONAL_WEIGHTS: dict[str, float] = {p.name: float(_DATA["national_weights"]["default"]) for p in PROVINCES}
NATIONAL_WEIGHTS.update({name: float(w) for name, w in _DATA["national_weights"]["focus"].items()})
