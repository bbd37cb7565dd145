"""Scoring ``annotate`` against a labelled set (tests/data/analysis/*.yaml): shared by
``bench/analysis.py`` and the quality-floor test, so both measure the same thing."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from search.analysis.gazetteer import default_gazetteer
from search.analysis.profiles import default_profiles
from search.analysis.tone import LABELS
from search.document import Document

FIXED_DATE = datetime(2025, 9, 1, 8, 0, tzinfo=UTC)


def load_set(path: Path | str) -> list[dict[str, Any]]:
    items = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    for item in items:
        for key in ("id", "title", "sapo", "body", "topics", "provinces", "tone"):
            if key not in item:
                raise ValueError(f"{path}: item {item.get('id', '?')}: missing {key!r}")
    return items


def to_document(item: dict[str, Any]) -> Document:
    return Document(
        url=f"https://eval.presswatch.local/{item['id']}",
        outlet_id="eval",
        title=item["title"],
        sapo=item["sapo"],
        body=item["body"],
        published_at=FIXED_DATE,
    )


def expected_provinces(item: dict[str, Any]) -> set[str]:
    """The labelled old units plus the new units they map to, as ``Document.provinces`` holds."""
    g = default_gazetteer()
    old = set(item["provinces"])
    unknown = old - set(g.units)
    if unknown:
        raise ValueError(f"item {item['id']}: unknown province label(s) {sorted(unknown)}")
    return old | {g.units[name].new_name for name in old}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, expected: set[str], got: set[str]) -> None:
        self.tp += len(expected & got)
        self.fp += len(got - expected)
        self.fn += len(expected - got)


@dataclass
class Report:
    size: int
    topics: dict[str, Counts]
    provinces: Counts
    tone_confusion: dict[str, dict[str, int]]
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the topics that occur in the labels or the predictions (as scikit-learn's
        macro average does): a topic absent from both says nothing about the analyser, and on a
        real-text sample most of the twelve topics are rare."""
        seen = [c for c in self.topics.values() if c.tp + c.fp + c.fn]
        return sum(c.f1 for c in seen) / len(seen) if seen else 0.0

    @property
    def tone_accuracy(self) -> float:
        right = sum(self.tone_confusion[label][label] for label in LABELS)
        return right / self.size if self.size else 0.0


def evaluate(
    items: Sequence[dict[str, Any]], annotate: Callable[[Document], Document] | None = None
) -> Report:
    if annotate is None:
        from search.analysis import annotate as default_annotate

        annotate = default_annotate
    names = [p.name for p in default_profiles()]
    topics = {name: Counts() for name in names}
    provinces = Counts()
    confusion = {label: dict.fromkeys(LABELS, 0) for label in LABELS}
    errors: list[dict[str, Any]] = []
    for item in items:
        document = annotate(to_document(item))
        expected_topics, got_topics = set(item["topics"]), set(document.topics)
        unknown = expected_topics - set(names)
        if unknown:
            raise ValueError(f"item {item['id']}: unknown topic label(s) {sorted(unknown)}")
        for name in names:
            topics[name].add(expected_topics & {name}, got_topics & {name})
        expected_places, got_places = expected_provinces(item), set(document.provinces)
        provinces.add(expected_places, got_places)
        confusion[item["tone"]][document.tone] += 1
        if expected_topics != got_topics or expected_places != got_places or item["tone"] != document.tone:
            errors.append(
                {
                    "id": item["id"],
                    "title": item["title"],
                    "topics": (sorted(expected_topics), sorted(got_topics)),
                    "provinces": (sorted(expected_places), sorted(got_places)),
                    "tone": (item["tone"], document.tone),
                    "tone_score": document.explanations["tone"]["score"],
                }
            )
    return Report(len(items), topics, provinces, confusion, errors)


def lengthen(item: dict[str, Any], words: int = 600) -> dict[str, Any]:
    """The item with its body repeated to about ``words`` words: real articles are longer than
    the evaluation set's, and throughput should be reported for both."""
    body = item["body"].strip()
    repeats = max(1, round(words / max(1, len(body.split()))))
    return {**item, "body": "\n".join([body] * repeats)}


def throughput(items: Sequence[dict[str, Any]], rounds: int = 5) -> float:
    """Articles per CPU second for ``annotate`` with all default profiles, on one core.

    CPU time of this (single-threaded) process, not wall time: on a machine shared with other
    work the wall clock measures the neighbours too."""
    from search.analysis import annotate

    documents = [to_document(item) for item in items]
    annotate(documents[0])  # compile profiles, gazetteer and lexicon outside the timing
    started = time.process_time()
    for _ in range(rounds):
        for document in documents:
            annotate(document)
    return rounds * len(documents) / (time.process_time() - started)
