"""Occurrences of every profile phrase in one pass over each text column.

Evaluating the twelve profiles leaf by leaf built a token -> positions index of every column and
looked each of ~100 phrases up in it: on a 600-word article that was about half of the analysis
time. Here the plain phrases (``Text`` leaves, the large majority) are grouped by their first
token; each column is walked once, and only at the positions holding such a first token are the
phrases compared. The result is the same list of (start, length) that the query matcher's
``positions.starts`` gives (a test pins the equality on the evaluation sets). ``NEAR``, sloppy
phrases and a one-token prefix (``giao*``) keep the matcher's index-based path.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from search.query import MatchableDocument, Text, TextLeaf

# profile number -> leaf number -> output key ("body", or "body_x" for an exact leaf) -> occurrences
Found = dict[int, dict[int, dict[str, list[tuple[int, int]]]]]
# Per column and first token: the one-token phrases as (profile, leaf); the longer ones by their
# second token as (profile, leaf, tokens after the second, prefix on the last); and those whose
# second token is a prefix ("an toàn giao*" has a longer form, "giao dịch*" this one).
Bucket = tuple[
    tuple[tuple[int, int], ...],
    dict[str, tuple[tuple[int, int, tuple[str, ...], bool], ...]],
    tuple[tuple[int, int, str], ...],
]


def scannable(leaf: TextLeaf) -> bool:
    return isinstance(leaf, Text) and not (leaf.phrase.prefix and len(leaf.phrase.tokens) == 1)


@dataclass(frozen=True)
class PhraseTable:
    """Column ("title_f", "body_x" …) -> first token -> the phrases starting with it there."""

    columns: dict[str, dict[str, Bucket]]
    # Column -> first token -> the second tokens its longer phrases need, or None when a one-token
    # phrase or a prefix starts with it (every occurrence is then a candidate). Folded syllables
    # such as "co", "an", "giao" start some phrase at half the positions of an article, but the
    # right second token follows at about one in fifteen of them.
    seconds: dict[str, dict[str, frozenset[str] | None]]

    def scan(self, columns: dict[str, list[str]]) -> Found:
        found: Found = {}
        for column, tokens in columns.items():
            table = self.columns.get(column)
            if not tokens or not table:
                continue
            # Exact-diacritics phrases are few: most articles have none of their first words.
            if column.endswith("_x") and table.keys().isdisjoint(tokens):
                continue
            key = column if column.endswith("_x") else column[:-2]
            size = len(tokens)
            add = found.setdefault
            seconds = self.seconds[column]
            nexts = tokens[1:]
            nexts.append("")  # no token follows the last one
            candidates = [
                k
                for k, token in enumerate(tokens)
                if token in seconds and ((need := seconds[token]) is None or nexts[k] in need)
            ]
            for start in candidates:
                singles, by_second, prefixed = table[tokens[start]]
                for number, leaf in singles:
                    add(number, {}).setdefault(leaf, {}).setdefault(key, []).append((start, 1))
                if start + 1 == size:
                    continue
                second = tokens[start + 1]
                for number, leaf, rest, prefix in by_second.get(second, ()):
                    n = len(rest)
                    if n:
                        end = start + 2 + n
                        if end > size:
                            continue
                        if prefix:
                            if tokens[start + 2 : end - 1] != list(rest[:-1]) or not tokens[
                                end - 1
                            ].startswith(rest[-1]):
                                continue
                        elif tokens[start + 2 : end] != list(rest):
                            continue
                    add(number, {}).setdefault(leaf, {}).setdefault(key, []).append((start, n + 2))
                for number, leaf, head in prefixed:
                    if second.startswith(head):
                        add(number, {}).setdefault(leaf, {}).setdefault(key, []).append((start, 2))
        return found


def build(
    leaves_by_profile: Iterable[Sequence[TextLeaf]],
    ignores_by_profile: Iterable[Sequence[tuple[tuple[str, ...], tuple[str, ...]]]] = (),
) -> PhraseTable:
    """The table of every plain phrase of every profile, and of each profile's ignore phrases
    ((folded, exact) tokens, aligned with the profiles) in every column its leaves search: ignore
    phrase k is found as leaf ``-1 - k`` (``ignored_positions`` reads them), in the same pass."""
    leaves_by_profile = list(leaves_by_profile)
    raw: dict[
        str,
        dict[
            str,
            tuple[
                list[tuple[int, int]],
                dict[str, list[tuple[int, int, tuple[str, ...], bool]]],
                list[tuple[int, int, str]],
            ],
        ],
    ] = {}
    for number, leaves in enumerate(leaves_by_profile):
        for index, leaf in enumerate(leaves):
            if not scannable(leaf):
                continue
            assert isinstance(leaf, Text)
            words, prefix = leaf.phrase.tokens, leaf.phrase.prefix
            for column in leaf.columns:
                singles, by_second, prefixed = raw.setdefault(column, {}).setdefault(words[0], ([], {}, []))
                if len(words) == 1:
                    singles.append((number, index))
                elif len(words) == 2 and prefix:
                    prefixed.append((number, index, words[1]))
                else:
                    by_second.setdefault(words[1], []).append((number, index, tuple(words[2:]), prefix))
    for number, (leaves, ignores) in enumerate(zip(leaves_by_profile, ignores_by_profile, strict=False)):
        columns = dict.fromkeys(column for leaf in leaves for column in leaf.columns)
        for index, (folded, exact) in enumerate(ignores):
            for column in columns:
                words = exact if column.endswith("_x") else folded
                if not words:
                    continue
                singles, by_second, _ = raw.setdefault(column, {}).setdefault(words[0], ([], {}, []))
                if len(words) == 1:
                    singles.append((number, -1 - index))
                else:
                    by_second.setdefault(words[1], []).append((number, -1 - index, tuple(words[2:]), False))
    return PhraseTable(
        {
            column: {
                first: (tuple(s), {k: tuple(v) for k, v in b.items()}, tuple(p))
                for first, (s, b, p) in table.items()
            }
            for column, table in raw.items()
        },
        {
            column: {first: None if s or p else frozenset(b) for first, (s, b, p) in table.items()}
            for column, table in raw.items()
        },
    )


def ignored_positions(found: dict[int, dict[str, list[tuple[int, int]]]], key: str) -> set[int]:
    """Positions covered by a profile's ignore phrases in one field key ("body_x", "body"), from
    the profile's part of ``PhraseTable.scan``."""
    covered: set[int] = set()
    for leaf, occurrences in found.items():
        if leaf < 0:
            for start, length in occurrences.get(key, ()):
                covered.update(range(start, start + length))
    return covered


def starts(tokens: Sequence[str], words: Sequence[str]) -> list[int]:
    """Start positions of a plain phrase (the ignore phrases), without an index: list.index
    finds each candidate first word in C."""
    out: list[int] = []
    if not words or not tokens:
        return out
    first, size = words[0], len(words)
    rest = list(words[1:])
    position = -1
    limit = len(tokens) - size
    while True:
        try:
            position = tokens.index(first, position + 1)
        except ValueError:
            return out
        if position > limit:
            return out
        if tokens[position + 1 : position + size] == rest:
            out.append(position)


class ColumnWords(dict[str, frozenset[str]]):
    """Column -> its distinct tokens, made on first use (one set per column and document): an
    ignore or NEAR phrase whose first word is not there is not searched for, as ``starts`` would
    walk the whole column to find nothing."""

    def __init__(self, doc: MatchableDocument) -> None:
        super().__init__()
        self.doc = doc

    def __missing__(self, column: str) -> frozenset[str]:
        words = self[column] = frozenset(self.doc.tokens[column])
        return words
