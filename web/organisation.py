"""The unit named on the điểm báo and in digest mails, by default the focus province's board.

Since 1 March 2025 a provincial party committee's Propaganda Board (Ban Tuyên giáo) and Mass
Mobilisation Board (Ban Dân vận) are one board, "Ban Tuyên giáo và Dân vận Tỉnh ủy <tỉnh>"; a
centrally-run city's committee is a Thành ủy ("… Thành ủy Hà Nội"). The city list comes from the
gazetteer (search/analysis/provinces.csv, the 34 units in force since 1 July 2025).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from search.config import DEFAULT_FOCUS, settings
from search.text import fold

PROVINCES = Path(__file__).resolve().parents[1] / "search" / "analysis" / "provinces.csv"


@cache
def _cities() -> frozenset[str]:
    """Folded names and aliases of today's centrally-run cities (type "thanh pho")."""
    with PROVINCES.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        names = set()
        for row in rows:
            if row["merged_into_type"] == "thanh pho":
                names.add(fold(row["merged_into"]))
                if row["name"] == row["merged_into"]:  # the city itself: its aliases (TP.HCM…)
                    names.update(fold(alias) for alias in row["aliases"].split("|") if alias.strip())
    return frozenset(names)


def default_organisation(focus: str = DEFAULT_FOCUS) -> str:
    """ "Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Ninh" (Thành ủy for a centrally-run city)."""
    focus = focus.strip()
    if not focus:
        return ""
    committee = "Thành ủy" if fold(focus) in _cities() else "Tỉnh ủy"
    return f"Ban Tuyên giáo và Dân vận {committee} {focus}"


def organisation_name(configured: str | None = None, focus: str | None = None) -> str:
    """``PRESSWATCH_ORGANISATION`` when set, else the focus province's board."""
    if configured is None:
        configured = settings().organisation
    configured = configured.strip()
    if configured:
        return configured
    return default_organisation(focus if focus is not None else settings().focus_province)
