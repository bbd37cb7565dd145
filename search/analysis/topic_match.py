"""Topic matching: which topic profiles a document meets, with the weighted hits and the terms.

A document is tagged when a profile's narrowed query matches and the weighted count of
positive-term occurrences reaches ``min_hits`` (occurrences starting an ``ignore`` phrase do not
count; ``weak`` terms alone do not count). ``CompiledProfiles`` finds every profile's plain
phrases in one pass per column (``phrase_scan``) so a document only evaluates the profiles whose
words it contains. The profiles themselves are loaded and validated by ``profiles.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from search.analysis import phrase_scan
from search.analysis.prepared import DocumentTokens
from search.analysis.profiles import Profile, default_profiles
from search.query import (
    MatchableDocument,
    Near,
    Node,
    Or,
    SloppyPhrase,
    Text,
    TextLeaf,
    matches,
)
from search.query import positions as query_positions
from search.query.ast import leaves as query_leaves


@dataclass
class TopicMatch:
    name: str
    key: str
    hits: float
    terms: list[str]


def _ignored(
    profile: Profile, column: str, doc: MatchableDocument, exact: bool, present: phrase_scan.ColumnWords
) -> set[int]:
    """Positions covered by the profile's ignore phrases in one column."""
    covered: set[int] = set()
    field_tokens = doc.tokens[column]
    for folded, exact_tokens in profile.ignore_tokens:
        words = exact_tokens if exact else folded
        if words and words[0] not in present[column]:
            continue
        for s in phrase_scan.starts(field_tokens, words):
            covered.update(range(s, s + len(words)))
    return covered


def _occurrences(
    leaf: TextLeaf, doc: MatchableDocument, present: phrase_scan.ColumnWords
) -> dict[str, list[tuple[int, int]]]:
    """(start, length) of each occurrence of a leaf per field; a NEAR/sloppy match is one
    occurrence at position -1 (it has no single start)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for name in leaf.fields:
        column = f"{name}_x" if leaf.exact else f"{name}_f"
        field_tokens = doc.tokens[column]
        if not field_tokens:
            continue
        if isinstance(leaf, Text):
            idx = doc.index(column)
            phrase = leaf.phrase
            # Every whole word must occur somewhere before scanning the first word's positions
            # (a dict lookup each; "an" alone starts many profile phrases).
            if any(t not in idx for t in (phrase.tokens[:-1] if phrase.prefix else phrase.tokens)):
                continue
            found = [(s, len(phrase)) for s in query_positions.starts(field_tokens, idx, phrase)]
        elif isinstance(leaf, Near):
            near = _near(field_tokens, doc, column, leaf, present)
            found = [(-1, 0)] if near else []
        elif isinstance(leaf, SloppyPhrase):
            ordered = query_positions.field_matches_ordered(
                field_tokens, doc.index(column), leaf.operands, leaf.slop
            )
            found = [(-1, 0)] if ordered else []
        else:
            found = []
        if found:
            out[f"{name}{'_x' if leaf.exact else ''}"] = found
    return out


def _near(
    field_tokens: list[str], doc: MatchableDocument, column: str, leaf: Near, present: phrase_scan.ColumnWords
) -> bool:
    """NEAR without building the column's index when both sides are plain phrases."""
    if leaf.left.prefix or leaf.right.prefix:
        return query_positions.field_matches_near(
            field_tokens, doc.index(column), leaf.left, leaf.right, leaf.distance, leaf.ordered
        )
    if leaf.left.tokens[0] not in present[column] or leaf.right.tokens[0] not in present[column]:
        return False
    a = phrase_scan.starts(field_tokens, leaf.left.tokens)
    b = phrase_scan.starts(field_tokens, leaf.right.tokens) if a else []
    if leaf.ordered:
        return query_positions.ordered([a, b], [len(leaf.left), len(leaf.right)], leaf.distance)
    return query_positions.near(a, len(leaf.left), b, len(leaf.right), leaf.distance)


def _count(
    profile: Profile,
    numbers: Sequence[int],
    doc: MatchableDocument,
    scanned: dict[int, dict[str, list[tuple[int, int]]]] | None = None,
    present: phrase_scan.ColumnWords | None = None,
) -> tuple[float, list[str]]:
    """Weighted hits of the given positive leaves, and the terms that counted (``scanned``: the
    occurrences phrase_scan already found, by leaf number)."""
    present = phrase_scan.ColumnWords(doc) if present is None else present
    spans: dict[str, list[tuple[int, int, int]]] = {}  # field key -> (start, -length, leaf number)
    for number in numbers:
        occurrences = scanned.get(number) if scanned else None
        if occurrences is None:
            occurrences = _occurrences(profile.leaves[number], doc, present)
        for key, starts in occurrences.items():
            spans.setdefault(key, []).extend((s, -n, number) for s, n in starts)
    counted: set[int] = set()
    hits = 0.0
    for key, found in spans.items():
        name, exact = key.removesuffix("_x"), key.endswith("_x")
        column = f"{name}{'_x' if exact else '_f'}"
        if not profile.ignore_tokens:
            ignored: set[int] = set()
        elif scanned is not None:  # the scan found the ignore phrases too (phrase_scan.build)
            ignored = phrase_scan.ignored_positions(scanned, key)
        else:
            ignored = _ignored(profile, column, doc, exact, present)
        weight = profile.field_weights.get(name, 1.0)
        end = -1
        # Overlapping occurrences ("ô nhiễm" inside "ô nhiễm môi trường") count once, longest first.
        for start, negative_length, number in sorted(found):
            if start >= 0 and (start < end or start in ignored):
                continue
            end = max(end, start - negative_length)
            hits += weight
            counted.add(number)
    if profile.weak and not counted - profile.weak:
        return 0.0, []  # weak terms alone: "lấy mẫu nước thải" is not food safety
    return hits, list(dict.fromkeys(profile.leaves[n].source for n in sorted(counted)))


def _decide(
    profile: Profile,
    numbers: Sequence[int],
    doc: MatchableDocument,
    scanned: dict[int, dict[str, list[tuple[int, int]]]] | None = None,
    present: phrase_scan.ColumnWords | None = None,
) -> TopicMatch | None:
    hits, terms = _count(profile, numbers, doc, scanned, present)
    # Counting first is cheaper than matching: most profiles miss most documents. A query that is
    # an OR of positive terms matches whenever one of them counted: no second evaluation.
    if hits < profile.min_hits or (not _disjunctive(profile.node) and not matches(profile.node, doc)):
        return None
    return TopicMatch(profile.name, profile.key, hits, terms)


def _disjunctive(node: Node) -> bool:
    return isinstance(node, TextLeaf) or (
        isinstance(node, Or) and all(isinstance(c, TextLeaf) for c in node.children)
    )


def match_profile(profile: Profile, prepared: DocumentTokens) -> TopicMatch | None:
    """The profile's tag for this document, with its hit weight and matched terms, or None."""
    return _decide(profile, range(len(profile.leaves)), prepared.query_document())


def _first_token(leaf: TextLeaf) -> str | None:
    """The token a leaf cannot match without (None for a one-token prefix such as giao*)."""
    if isinstance(leaf, Text):
        phrase = leaf.phrase
    elif isinstance(leaf, Near):
        phrase = leaf.left
    elif isinstance(leaf, SloppyPhrase):
        phrase = leaf.operands[0]
    else:
        return None
    return None if phrase.prefix and len(phrase) == 1 else phrase.tokens[0]


@dataclass(frozen=True)
class CompiledProfiles:
    """Profiles plus the phrase table (phrase_scan: every plain phrase of every profile found in
    one pass per column) and, for the other leaves (NEAR, sloppy, prefix), an index from each
    leaf's first token to the leaves it can start, so a document only evaluates the few profiles
    whose words it contains."""

    profiles: tuple[Profile, ...]
    triggers: dict[tuple[bool, str], tuple[tuple[int, int], ...]]
    always: tuple[tuple[int, int], ...]
    folded_keys: frozenset[str]
    exact_keys: frozenset[str]
    phrases: phrase_scan.PhraseTable
    # Does any query read a folded column (a term without diacritics' exactness)? If not, the
    # document's tokens are not folded at all (DocumentTokens.query_document).
    reads_folded: bool = True

    def match(self, prepared: DocumentTokens) -> list[TopicMatch]:
        doc = prepared.query_document(folded=self.reads_folded)
        scanned = self.phrases.scan(doc.tokens)
        # (negative leaf numbers are ignore phrases: a profile needs a positive term to be tried)
        candidates: dict[int, set[int]] = {
            number: leaves for number, found in scanned.items() if (leaves := {n for n in found if n >= 0})
        }
        for number, leaf in self.always:
            candidates.setdefault(number, set()).add(leaf)
        for column, field_tokens in doc.tokens.items():
            exact = column.endswith("_x")
            keys = self.exact_keys if exact else self.folded_keys
            if not keys:
                continue  # (intersecting with a list walks the whole list, even for an empty set)
            # A set intersection in C instead of a dict lookup per token.
            for token in keys.intersection(field_tokens):
                for number, leaf in self.triggers[(exact, token)]:
                    candidates.setdefault(number, set()).add(leaf)
        out = []
        present = phrase_scan.ColumnWords(doc)
        for number in sorted(candidates):
            found = _decide(
                self.profiles[number], sorted(candidates[number]), doc, scanned.get(number, {}), present
            )
            if found is not None:
                out.append(found)
        return out


def compile_profiles(profiles: Sequence[Profile]) -> CompiledProfiles:
    triggers: dict[tuple[bool, str], list[tuple[int, int]]] = {}
    always: list[tuple[int, int]] = []
    for number, profile in enumerate(profiles):
        for index, leaf in enumerate(profile.leaves):
            if phrase_scan.scannable(leaf):
                continue
            first = _first_token(leaf)
            if first is None:
                always.append((number, index))
            else:
                triggers.setdefault((leaf.exact, first), []).append((number, index))
    return CompiledProfiles(
        tuple(profiles),
        {k: tuple(v) for k, v in triggers.items()},
        tuple(always),
        frozenset(t for exact, t in triggers if not exact),
        frozenset(t for exact, t in triggers if exact),
        phrase_scan.build([p.leaves for p in profiles], [p.ignore_tokens for p in profiles]),
        not all(
            isinstance(leaf, TextLeaf) and leaf.exact for p in profiles for leaf, _ in query_leaves(p.node)
        ),
    )


@lru_cache(maxsize=8)
def default_compiled(path: str | None = None) -> CompiledProfiles:
    return compile_profiles(default_profiles(path))
