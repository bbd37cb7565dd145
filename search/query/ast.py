"""The one query AST every compiler (Elasticsearch, SQLite FTS5, in-Python matcher) consumes.

Nodes are frozen dataclasses. Text leaves carry already-tokenised ``search.text.tokens`` output
(folded, or exact when the user wrote ``=``), the text fields they search and the source text
as the user wrote it (for ``explain``). Metadata leaves carry the ``fold_keyword`` form.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from search.document import TEXT_FIELDS

# Limits (QueryTooCostly above them); documented in docs/QUERY.md.
MAX_QUERY_LENGTH = 16_000
MAX_LEAVES = 512
MAX_DISTANCE = 100
MIN_PREFIX_LENGTH = 2
MAX_NESTING = 200  # parse-tree depth; keeps every recursive compiler far from Python's limit


class Node:
    """Base class of every query node."""

    __slots__ = ()


@dataclass(frozen=True)
class MatchAll(Node):
    """The empty query: every document."""


@dataclass(frozen=True)
class And(Node):
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or(Node):
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not(Node):
    child: Node


@dataclass(frozen=True)
class Phrase:
    """Consecutive tokens; with ``prefix`` the last one is a token prefix (``giao*``)."""

    tokens: tuple[str, ...]
    prefix: bool = False

    def __len__(self) -> int:
        return len(self.tokens)


@dataclass(frozen=True, kw_only=True)
class TextLeaf(Node):
    """Common part of the text leaves: searched fields, exact diacritics, source text."""

    fields: tuple[str, ...]
    exact: bool
    source: str

    @property
    def columns(self) -> tuple[str, ...]:
        """Index columns searched: ``title_f`` … (folded) or ``title_x`` … (exact)."""
        suffix = "_x" if self.exact else "_f"
        return tuple(f"{name}{suffix}" for name in self.fields)


@dataclass(frozen=True, kw_only=True)
class Text(TextLeaf):
    """A term or ``"phrase"``: the tokens consecutive in one field."""

    phrase: Phrase


@dataclass(frozen=True, kw_only=True)
class Near(TextLeaf):
    """``a NEAR/n b`` (any order) or ``a ONEAR/n b`` (``a`` first): at most n tokens between."""

    left: Phrase
    right: Phrase
    distance: int
    ordered: bool


@dataclass(frozen=True, kw_only=True)
class SloppyPhrase(TextLeaf):
    """``"a b c"~n``: the tokens in this order in one field, at most n other tokens in total."""

    tokens: tuple[str, ...]
    slop: int
    prefix: bool = False

    @property
    def operands(self) -> tuple[Phrase, ...]:
        last = len(self.tokens) - 1
        return tuple(Phrase((t,), self.prefix and i == last) for i, t in enumerate(self.tokens))


@dataclass(frozen=True)
class Keyword(Node):
    """``outlet:vnexpress``: a whole metadata value (``fold_keyword`` form), or its prefix."""

    field: str
    value: str
    prefix: bool = False
    source: str = ""


@dataclass(frozen=True)
class DateValue:
    """A calendar period (year, month or day, local time) or an instant ``now±offset``."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    now_offset: int | None = None  # seconds, for ``now-7d``


@dataclass(frozen=True)
class DateRange(Node):
    """``published:…``. Each bound is a value and which edge of its period is used:
    the lower bound is inclusive of ``lower_edge`` ('start' or 'end' of the period), the upper
    bound exclusive of ``upper_edge``. ``published:>2025-03-01`` is lower=(that day, 'end')."""

    lower: DateValue | None = None
    lower_edge: str = "start"
    upper: DateValue | None = None
    upper_edge: str = "end"
    source: str = ""


TEXT_LEAVES = (Text, Near, SloppyPhrase)
ALL_TEXT_FIELDS = tuple(TEXT_FIELDS)


def children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, (And, Or)):
        return node.children
    if isinstance(node, Not):
        return (node.child,)
    return ()


def leaves(node: Node) -> Iterator[tuple[Node, bool]]:
    """Every leaf with its polarity: True when under an even number of NOTs (a positive leaf)."""
    stack: list[tuple[Node, bool]] = [(node, True)]
    while stack:
        current, positive = stack.pop()
        if isinstance(current, Not):
            stack.append((current.child, not positive))
        elif isinstance(current, (And, Or)):
            stack.extend((child, positive) for child in reversed(current.children))
        else:
            yield current, positive


def positive_text_leaves(node: Node) -> list[TextLeaf]:
    return [leaf for leaf, positive in leaves(node) if positive and isinstance(leaf, TEXT_LEAVES)]


def leaf_count(node: Node) -> int:
    """Leaf terms, as limited by ``MAX_LEAVES`` (a NEAR counts its two operands)."""
    return sum(
        2 if isinstance(leaf, Near) else 1 for leaf, _ in leaves(node) if not isinstance(leaf, MatchAll)
    )
