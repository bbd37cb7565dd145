"""Quality floors of search.analysis on the labelled evaluation set (floors, not timings).

The dev portion was used for tuning; the held-out portion was not, so its floors are lower.
Measured values and the tuning story are in docs/ANALYSIS.md; bench/analysis.py prints them.
"""

from __future__ import annotations

import pytest

from devtools.evaluate import evaluate, load_set
from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "analysis"
# (macro-F1 of topics, province F1, tone accuracy)
FLOORS = {"dev.yaml": (0.90, 0.95, 0.85), "heldout.yaml": (0.80, 0.90, 0.70)}


def test_the_set_is_large_and_covers_every_topic() -> None:
    items = load_set(DATA / "dev.yaml") + load_set(DATA / "heldout.yaml")
    assert len(items) >= 200 and len({i["id"] for i in items}) == len(items)
    report = evaluate(items)
    assert all(counts.tp + counts.fn >= 8 for counts in report.topics.values())
    assert len({p for i in items for p in i["provinces"]}) >= 50
    assert {i["tone"] for i in items} == {"negative", "neutral", "positive"}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quality_floors(name: str) -> None:
    macro_floor, province_floor, tone_floor = FLOORS[name]
    report = evaluate(load_set(DATA / name))
    assert report.macro_f1 >= macro_floor, {t: round(c.f1, 2) for t, c in report.topics.items()}
    assert report.provinces.f1 >= province_floor
    assert report.tone_accuracy >= tone_floor, report.tone_confusion
