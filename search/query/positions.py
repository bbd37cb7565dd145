"""Token-position semantics shared by the Python matcher and the SQLite verification function.

A field is its list of tokens (the index's space-separated match text). Definitions, which
SQLite FTS5 and Elasticsearch span queries implement the same way (see docs/QUERY.md):

* phrase: the tokens at consecutive positions (the last one may be a prefix);
* unordered NEAR/n (FTS5 ``NEAR(a b, n)``, Lucene ``span_near`` ``in_order: false``, slop n):
  occurrences of a and b whose tokens-between count, start of the later-starting one minus
  end of the earlier-starting one, is at most n (negative when they overlap, which matches);
* ordered chain with slop n (ONEAR/n, ``"a b c"~n``; Lucene ``span_near`` ``in_order: true``):
  occurrences in order, each starting at or after the end of the previous one, with at most n
  tokens in total in the gaps between them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from search.query.ast import Phrase

Index = dict[str, list[int]]


def index(field_tokens: Sequence[str]) -> Index:
    """Token -> ascending positions."""
    out: Index = {}
    for position, token in enumerate(field_tokens):
        out.setdefault(token, []).append(position)
    return out


def _token_positions(idx: Index, token: str, prefix: bool) -> list[int]:
    if not prefix:
        return idx.get(token, [])
    found = [positions for candidate, positions in idx.items() if candidate.startswith(token)]
    if len(found) == 1:
        return found[0]
    return sorted(p for positions in found for p in positions)


def starts(field_tokens: Sequence[str], idx: Index, phrase: Phrase) -> list[int]:
    """Ascending start positions of the phrase in the field."""
    words = phrase.tokens
    last = len(words) - 1
    first = _token_positions(idx, words[0], phrase.prefix and last == 0)
    if last == 0:
        return first
    n = len(field_tokens)
    out = []
    for start in first:
        if start + last >= n:
            break
        if all(field_tokens[start + i] == words[i] for i in range(1, last)):
            final = field_tokens[start + last]
            if final == words[last] or (phrase.prefix and final.startswith(words[last])):
                out.append(start)
    return out


def near(left: list[int], left_len: int, right: list[int], right_len: int, distance: int) -> bool:
    """Unordered: some pair with at most ``distance`` tokens between them (overlap matches)."""
    if not left or not right:
        return False
    for a in left:
        j = bisect_left(right, a)
        if j < len(right) and right[j] - (a + left_len) <= distance:  # right starts at/after a
            return True
        if j > 0 and a - (right[j - 1] + right_len) <= distance:  # right starts before a
            return True
    return False


def ordered(occurrences: list[list[int]], lengths: list[int], slop: int) -> bool:
    """Ordered chain: for each start of the first operand take the earliest non-overlapping
    next occurrence of each following one (which minimises the total gap)."""
    if any(not occ for occ in occurrences):
        return False
    for first in occurrences[0]:
        end = first + lengths[0]
        gaps = 0
        for occ, length in zip(occurrences[1:], lengths[1:], strict=True):
            j = bisect_left(occ, end)
            if j == len(occ):
                return False  # later first occurrences cannot do better
            gaps += occ[j] - end
            end = occ[j] + length
            if gaps > slop:
                break
        else:
            return True
    return False


def field_matches_near(
    field_tokens: Sequence[str], idx: Index, left: Phrase, right: Phrase, distance: int, in_order: bool
) -> bool:
    a = starts(field_tokens, idx, left)
    b = starts(field_tokens, idx, right)
    if in_order:
        return ordered([a, b], [len(left), len(right)], distance)
    return near(a, len(left), b, len(right), distance)


def field_matches_ordered(
    field_tokens: Sequence[str], idx: Index, operands: Sequence[Phrase], slop: int
) -> bool:
    occurrences = [starts(field_tokens, idx, op) for op in operands]
    return ordered(occurrences, [len(op) for op in operands], slop)
