"""Presswatch's media-monitoring query language: one parser, one AST, three compilers.

``parse`` turns a query such as ``"an toàn giao thông" AND (tai nạn OR va chạm) -title:quảng*``
into an AST; ``to_elasticsearch``, ``to_sqlite`` (+ ``fts_rank_match``) and ``matches`` give it
the same meaning on every backend. The syntax and the exact semantics are in docs/QUERY.md.
"""

from search.query.ast import (
    And,
    DateRange,
    DateValue,
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
from search.query.dates import epoch_seconds
from search.query.errors import QueryError, QuerySyntaxError, QueryTooCostly
from search.query.hints import OperatorHint, operator_hint
from search.query.matcher import MatchableDocument, explain, highlight_terms, matchable, matches
from search.query.parser import parse
from search.query.to_elasticsearch import ranking_clauses, to_elasticsearch
from search.query.to_sqlite import ORDERED_NEAR_FUNCTION, fts_rank_match, register_sqlite_functions, to_sqlite

__all__ = [
    "operator_hint",
    "And",
    "DateRange",
    "DateValue",
    "Keyword",
    "MatchAll",
    "Near",
    "Node",
    "Not",
    "ORDERED_NEAR_FUNCTION",
    "Or",
    "OperatorHint",
    "Phrase",
    "MatchableDocument",
    "QueryError",
    "QuerySyntaxError",
    "QueryTooCostly",
    "SloppyPhrase",
    "Text",
    "TextLeaf",
    "epoch_seconds",
    "explain",
    "fts_rank_match",
    "highlight_terms",
    "matches",
    "parse",
    "matchable",
    "register_sqlite_functions",
    "ranking_clauses",
    "to_elasticsearch",
    "to_sqlite",
]
