"""Compile the AST to an Elasticsearch query DSL clause (never ``query_string``).

Mapping compiled against (see docs/QUERY.md): text fields ``title_f sapo_f body_f title_x sapo_x
body_x`` (``standard`` analyzer over already-tokenised text), keyword sub-fields ``kwf.<field>``
holding ``fold_keyword`` values, ``published_at`` a ``date``.

Proximity uses Lucene span semantics, which agree with FTS5 NEAR and the Python matcher:
``span_near`` slop counts the positions between the spans that neither span covers, so slop n
with ``in_order: false`` is ``a NEAR/n b`` and with ``in_order: true`` is ``a ONEAR/n b`` and
``"a b"~n`` (at most n tokens in the gaps, operands in order and not overlapping).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from search.query import dates
from search.query.ast import (
    And,
    DateRange,
    Keyword,
    MatchAll,
    Near,
    Node,
    Not,
    Or,
    Phrase,
    SloppyPhrase,
    Text,
    TextLeaf,
)
from search.query.ranking import adjacent_phrases

KEYWORD_PREFIX = "kwf."
DATE_FIELD = "published_at"


def _span_phrase(column: str, phrase: Phrase) -> dict[str, Any]:
    """A phrase as a span query: one span_term, or an ordered slop-0 span_near of them."""
    clauses: list[dict[str, Any]] = []
    last = len(phrase.tokens) - 1
    for i, token in enumerate(phrase.tokens):
        if phrase.prefix and i == last:
            clauses.append({"span_multi": {"match": {"prefix": {column: {"value": token}}}}})
        else:
            clauses.append({"span_term": {column: token}})
    if len(clauses) == 1:
        return clauses[0]
    return {"span_near": {"clauses": clauses, "slop": 0, "in_order": True}}


# Relevance weights per field, the same as the embedded index's bm25 weights: a match in the
# headline counts four times one in the body. They change scores only, never which articles match.
FIELD_BOOSTS = {"title": 4.0, "sapo": 2.0, "body": 1.0}


def _text_clause(leaf: TextLeaf, column: str) -> dict[str, Any]:
    boost = FIELD_BOOSTS.get(column.rsplit("_", 1)[0], 1.0)
    if isinstance(leaf, Text):
        phrase = leaf.phrase
        if not phrase.prefix:
            return {"match_phrase": {column: {"query": " ".join(phrase.tokens), "slop": 0, "boost": boost}}}
        if len(phrase.tokens) == 1:
            return {"prefix": {column: {"value": phrase.tokens[0], "boost": boost}}}
        clause = _span_phrase(column, phrase)
        clause["span_near"]["boost"] = boost
        return clause
    if isinstance(leaf, Near):
        clauses = [_span_phrase(column, leaf.left), _span_phrase(column, leaf.right)]
        return {
            "span_near": {"clauses": clauses, "slop": leaf.distance, "in_order": leaf.ordered, "boost": boost}
        }
    if isinstance(leaf, SloppyPhrase):
        clauses = [_span_phrase(column, op) for op in leaf.operands]
        return {"span_near": {"clauses": clauses, "slop": leaf.slop, "in_order": True, "boost": boost}}
    raise TypeError(f"not a text leaf: {leaf!r}")


def _should(clauses: list[dict[str, Any]]) -> dict[str, Any]:
    if len(clauses) == 1:
        return clauses[0]
    return {"bool": {"should": clauses, "minimum_should_match": 1}}


def _is_filter(node: Node) -> bool:
    return isinstance(node, (Keyword, DateRange))


class _Compiler:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def compile(self, node: Node) -> dict[str, Any]:
        if isinstance(node, And):
            must, filters, must_not = [], [], []
            for child in node.children:
                if isinstance(child, Not):
                    must_not.append(self.compile(child.child))
                elif _is_filter(child):
                    filters.append(self.compile(child))
                else:
                    must.append(self.compile(child))
            clause: dict[str, Any] = {"must": must or [{"match_all": {}}]}
            if filters:
                clause["filter"] = filters
            if must_not:
                clause["must_not"] = must_not
            return {"bool": clause}
        if isinstance(node, Or):
            return _should([self.compile(child) for child in node.children])
        if isinstance(node, Not):
            return {"bool": {"must": [{"match_all": {}}], "must_not": [self.compile(node.child)]}}
        if isinstance(node, MatchAll):
            return {"match_all": {}}
        if isinstance(node, TextLeaf):
            return _should([_text_clause(node, column) for column in node.columns])
        if isinstance(node, Keyword):
            field = KEYWORD_PREFIX + node.field
            if node.prefix:
                return {"prefix": {field: {"value": node.value}}}
            return {"term": {field: {"value": node.value}}}
        if isinstance(node, DateRange):
            lo, hi = dates.resolve(node, self.now)
            if lo is None and hi is None:
                return {"match_all": {}}
            bounds: dict[str, Any] = {"format": "strict_date_optional_time"}
            if lo is not None:
                bounds["gte"] = dates.iso(lo)
            if hi is not None:
                bounds["lt"] = dates.iso(hi)
            return {"range": {DATE_FIELD: bounds}}
        raise TypeError(f"not a query node: {node!r}")


def to_elasticsearch(node: Node, now: datetime | None = None) -> dict[str, Any]:
    """A query DSL clause (put it under ``"query"``); ``now`` anchors ``now-7d``."""
    return _Compiler(now if now is not None else datetime.now(UTC)).compile(node)


def ranking_clauses(node: Node) -> list[dict[str, Any]]:
    """Optional ``should`` clauses for relevance: the words typed side by side as one phrase per
    field, boosted like the query's own terms (search.query.ranking; the embedded index adds the
    same phrases to its bm25 MATCH). Beside a ``must`` they score and never filter."""
    return [_text_clause(phrase, column) for phrase in adjacent_phrases(node) for column in phrase.columns]
