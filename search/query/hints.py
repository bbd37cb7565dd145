"""Hints about a query that parses but probably does not say what its author meant.

Operators are upper-case (``AND``, ``OR``, ``NOT``); a lower-case ``or`` is an ordinary word to
find, so ``tai nạn or va chạm`` looks for articles containing the word "or" and finds almost
nothing. ``operator_hint`` spots such words between terms (outside quoted phrases) and offers the
query with them written as operators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from search.query.errors import QueryError
from search.query.grammar import CLOSE_QUOTES, OPEN_QUOTES
from search.query.parser import parse

# A quoted phrase (skipped, with an optional =, *, ~n around it) or one run of non-space characters.
_PIECE = re.compile(rf'=?"[^"]*"\S*|=?[{OPEN_QUOTES}][^"{OPEN_QUOTES}{CLOSE_QUOTES}]*[{CLOSE_QUOTES}]\S*|\S+')
_OPERATORS = {"and": "AND", "or": "OR", "not": "NOT"}


@dataclass(frozen=True)
class OperatorHint:
    operators: tuple[str, ...]  # e.g. ("OR",), in the order they appear
    suggestion: str  # the query with those words as operators ("" when that would not parse)

    @property
    def message_vi(self) -> str:
        return (
            f"Từ viết thường {self._typed} được tìm như một từ, không phải toán tử. Ý bạn là {self._meant}?"
        )

    @property
    def message_en(self) -> str:
        return f"Lowercase {self._typed} is searched as a word, not an operator. Did you mean {self._meant}?"

    @property
    def _typed(self) -> str:
        return ", ".join(operator.lower() for operator in self.operators)

    @property
    def _meant(self) -> str:
        return ", ".join(self.operators)


def operator_hint(text: str) -> OperatorHint | None:
    """The lower- or mixed-case and/or/not standing as operators would (between terms; ``not``
    before one), or None. Linear in the query's length."""
    pieces = list(_PIECE.finditer(text or ""))
    found: list[tuple[int, re.Match[str]]] = []
    for position, piece in enumerate(pieces):
        word = piece.group()
        operator = _OPERATORS.get(word.lower())
        if operator is None or word == operator:
            continue
        has_after = position + 1 < len(pieces)
        has_before = position > 0
        if has_after and (has_before or operator == "NOT"):
            found.append((position, piece))
    if not found:
        return None
    suggestion = text
    for _position, piece in reversed(found):
        suggestion = suggestion[: piece.start()] + piece.group().upper() + suggestion[piece.end() :]
    try:
        parse(suggestion)
    except QueryError:
        suggestion = ""
    operators = tuple(dict.fromkeys(_OPERATORS[piece.group().lower()] for _p, piece in found))
    return OperatorHint(operators, suggestion)
