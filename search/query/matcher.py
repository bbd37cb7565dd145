"""The in-Python matcher (topic tagging, alerts) with exactly the semantics of the index compilers.

Text is matched against ``Document.match_text()`` split on spaces — the very strings the indexes
store — so token positions agree with SQLite FTS5 and Elasticsearch. For many queries against
one document, call ``matchable(doc)`` once and pass the result instead of the document.
"""

from __future__ import annotations

from datetime import UTC, datetime

from search.document import Document, fold_keyword
from search.query import dates, positions
from search.query.ast import (
    And,
    DateRange,
    Keyword,
    MatchAll,
    Near,
    Node,
    Not,
    Or,
    SloppyPhrase,
    Text,
    TextLeaf,
    positive_text_leaves,
)
from search.text import fold


class MatchableDocument:
    """A document's tokens, token positions, folded metadata and timestamp, computed once."""

    __slots__ = ("document", "tokens", "_indexes", "keywords", "published_ts")

    def __init__(self, document: Document) -> None:
        self.document = document
        self.tokens = {name: text.split(" ") if text else [] for name, text in document.match_text().items()}
        self._indexes: dict[str, positions.Index] = {}
        self.keywords = {
            name: [fold_keyword(v) for v in values] for name, values in document.keyword_values().items()
        }
        self.published_ts = dates.epoch_seconds(document.published_at)

    def index(self, column: str) -> positions.Index:
        idx = self._indexes.get(column)
        if idx is None:
            idx = self._indexes[column] = positions.index(self.tokens[column])
        return idx


def matchable(doc: Document | MatchableDocument) -> MatchableDocument:
    return doc if isinstance(doc, MatchableDocument) else MatchableDocument(doc)


def text_leaf_matches(leaf: TextLeaf, doc: MatchableDocument) -> bool:
    """Does one text leaf match in any of its columns (a phrase or proximity within one field)?"""
    for column in leaf.columns:
        field_tokens, idx = doc.tokens[column], doc.index(column)
        if not field_tokens:
            continue
        if isinstance(leaf, Text):
            if positions.starts(field_tokens, idx, leaf.phrase):
                return True
        elif isinstance(leaf, Near):
            if positions.field_matches_near(
                field_tokens, idx, leaf.left, leaf.right, leaf.distance, leaf.ordered
            ):
                return True
        elif isinstance(leaf, SloppyPhrase):
            if positions.field_matches_ordered(field_tokens, idx, leaf.operands, leaf.slop):
                return True
        else:
            raise TypeError(f"not a text leaf: {leaf!r}")
    return False


def _matches(node: Node, doc: MatchableDocument, now: datetime) -> bool:
    if isinstance(node, And):
        return all(_matches(child, doc, now) for child in node.children)
    if isinstance(node, Or):
        return any(_matches(child, doc, now) for child in node.children)
    if isinstance(node, Not):
        return not _matches(node.child, doc, now)
    if isinstance(node, MatchAll):
        return True
    if isinstance(node, Keyword):
        values = doc.keywords.get(node.field, [])
        if node.prefix:
            return any(v.startswith(node.value) for v in values)
        return node.value in values
    if isinstance(node, DateRange):
        lo, hi = dates.resolve(node, now)
        return (lo is None or doc.published_ts >= lo) and (hi is None or doc.published_ts < hi)
    if isinstance(node, TextLeaf):
        return text_leaf_matches(node, doc)
    raise TypeError(f"not a query node: {node!r}")


def matches(node: Node, doc: Document | MatchableDocument, now: datetime | None = None) -> bool:
    """Does the document match the query? ``now`` anchors ``now-7d`` (default: the clock)."""
    return _matches(node, matchable(doc), now if now is not None else datetime.now(UTC))


def explain(node: Node, doc: Document | MatchableDocument) -> list[str]:
    """The positive text leaves, as the user wrote them, that match the document (in query order)."""
    prepared = matchable(doc)
    out: list[str] = []
    for leaf in positive_text_leaves(node):
        if leaf.source not in out and text_leaf_matches(leaf, prepared):
            out.append(leaf.source)
    return out


def highlight_terms(node: Node) -> list[tuple[str, ...]]:
    """Folded token sequences of the positive text leaves; a prefix token ends with ``*``."""
    out: list[tuple[str, ...]] = []
    for leaf in positive_text_leaves(node):
        if isinstance(leaf, Text):
            phrases = [leaf.phrase]
        elif isinstance(leaf, Near):
            phrases = [leaf.left, leaf.right]
        else:
            assert isinstance(leaf, SloppyPhrase)  # the third and last kind of text leaf
            phrases = list(leaf.operands)
        for phrase in phrases:
            words = [fold(t) for t in phrase.tokens]
            if phrase.prefix:
                words[-1] += "*"
            item = tuple(words)
            if item not in out:
                out.append(item)
    return out
