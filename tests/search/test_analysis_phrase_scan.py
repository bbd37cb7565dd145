"""The one-pass phrase scan (search/analysis/phrase_scan.py) finds exactly what the query
matcher's index-based evaluation finds: same topics, same hit weights, same matched terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from devtools.evaluate import lengthen, load_set, to_document
from search.analysis.phrase_scan import starts
from search.analysis.prepared import DocumentTokens
from search.analysis.topic_match import default_compiled, match_profile
from search.query import positions
from search.query.ast import Phrase

DATA = Path(__file__).resolve().parents[1] / "data" / "analysis"


def _items() -> list[dict]:
    items = load_set(DATA / "dev.yaml") + load_set(DATA / "heldout.yaml")
    return items + [lengthen(item) for item in items[::7]]


def test_the_scan_gives_the_matchers_topics_hits_and_terms() -> None:
    compiled = default_compiled()
    assert compiled.phrases.columns, "the default profiles have plain phrases to scan"
    for item in _items():
        scanned = [(m.name, m.hits, m.terms) for m in compiled.match(DocumentTokens(to_document(item)))]
        prepared = DocumentTokens(to_document(item))
        reference = [
            (m.name, m.hits, m.terms)
            for m in (match_profile(profile, prepared) for profile in compiled.profiles)
            if m
        ]
        assert scanned == reference, item["id"]


@pytest.mark.parametrize("words", [("a",), ("a", "b"), ("b", "a", "b"), ("c",), ("a", "b", "a", "b", "x")])
def test_plain_phrase_starts_equal_the_index_based_ones(words: tuple[str, ...]) -> None:
    tokens = ["a", "b", "a", "b", "a", "c", "b", "a", "b"]
    assert starts(tokens, words) == positions.starts(tokens, positions.index(tokens), Phrase(words))
