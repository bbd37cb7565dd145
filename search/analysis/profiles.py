"""Topic profiles: editable Boolean queries (``topics.yaml``) compiled once, applied per document.

A profile's query is parsed by the query language (``search.query.parse``), then its text leaves
are narrowed to the profile's fields, so "where it must match" is the query language's own field
semantics. A document is tagged when the narrowed query matches and the weighted count of
positive-term occurrences reaches ``min_hits`` (occurrences starting an ``ignore`` phrase do not
count). Errors on load name the file, the profile and the field.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from search.analysis import phrase_scan
from search.analysis.prepared import DocumentTokens
from search.config import TOPICS_FILE, data_dir
from search.document import TEXT_FIELDS
from search.query import (
    And,
    MatchableDocument,
    Near,
    Node,
    Not,
    Or,
    QueryError,
    SloppyPhrase,
    Text,
    TextLeaf,
    matches,
    parse,
)
from search.query import positions as query_positions
from search.query.ast import leaves as query_leaves
from search.query.ast import positive_text_leaves
from search.text import tokens as text_tokens

PROFILES_PATH = Path(__file__).resolve().parent / "topics.yaml"
_KNOWN_KEYS = {"key", "name", "description", "query", "fields", "min_hits", "ignore", "weak", "exact"}
_NEAR = re.compile(r"\s+(O?NEAR/\d+)\s+")


class ProfileError(ValueError):
    """A profile file that cannot be used; ``str()`` names the file, the profile and the field."""

    def __init__(self, path: Path, profile: str, field: str, message: str) -> None:
        self.path, self.profile, self.field = path, profile, field
        where = f"profile {profile!r}" if profile else "file"
        super().__init__(f"{path}: {where}, field '{field}': {message}")


@dataclass(frozen=True)
class Profile:
    key: str
    name: str
    description: str
    query: str
    node: Node
    fields: tuple[str, ...]
    min_hits: float
    field_weights: dict[str, float]
    ignore: tuple[str, ...] = ()
    # Compiled: positive text leaves, and the ignore phrases as (folded, exact) token tuples.
    leaves: tuple[TextLeaf, ...] = ()
    ignore_tokens: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    # Leaves that only count beside a strong term of the profile ("lấy mẫu" is food safety only
    # next to "thực phẩm", "ngộ độc" …): `weak:` in topics.yaml.
    weak: frozenset[int] = frozenset()


@dataclass
class TopicMatch:
    name: str
    key: str
    hits: float
    terms: list[str]


def _exact(leaf: TextLeaf) -> TextLeaf:
    """The leaf matching with exact diacritics, as if written ="…" (the source shown to staff is
    kept). Folded, Vietnamese syllables collide: "sổ đỏ" is also "số đó", "tu bổ" "từ bỏ",
    "làng nghề" "lắng nghe", "trồng rừng" "trong rừng", "điểm đen" "điểm đến" — on 3,500 VietNews
    articles most folded matches of these were the other word."""
    if leaf.exact:
        return leaf
    source = leaf.source
    if isinstance(leaf, Near):
        left, operator, right = _NEAR.split(source, maxsplit=1)
        source = f"={left} {operator} ={right}"
    else:
        source = f"={source}"
    try:
        exact = parse(source)
    except QueryError:
        return leaf
    if not isinstance(exact, type(leaf)):
        return leaf
    return dataclasses.replace(exact, fields=leaf.fields, source=leaf.source)


def _narrow(node: Node, fields: tuple[str, ...], path: Path, key: str, exact: bool = False) -> Node:
    """The query with every text leaf limited to the profile's fields (and matching with exact
    diacritics when the profile says ``exact: true``)."""
    if isinstance(node, (And, Or)):
        return type(node)(tuple(_narrow(child, fields, path, key, exact) for child in node.children))
    if isinstance(node, Not):
        return Not(_narrow(node.child, fields, path, key, exact))
    if isinstance(node, TextLeaf):
        if exact:
            node = _exact(node)
        kept = tuple(f for f in node.fields if f in fields)
        if not kept:
            raise ProfileError(
                path,
                key,
                "query",
                f"{node.source!r} searches only {', '.join(node.fields)}, "
                f"outside the profile's fields ({', '.join(fields)})",
            )
        return dataclasses.replace(node, fields=kept)
    # Metadata (outlet:, topic:, published:) would make tags depend on other tags or on time.
    source = getattr(node, "source", "")
    raise ProfileError(
        path,
        key,
        "query",
        f"only text terms are allowed in a profile, not {type(node).__name__} {source!r}".rstrip(" '\""),
    )


def _profile(raw: Any, number: int, defaults: dict[str, Any], path: Path, seen: set[str]) -> Profile:
    if not isinstance(raw, dict):
        raise ProfileError(path, f"#{number}", "", "each profile must be a mapping")
    key = str(raw.get("key") or "").strip()
    label = key or f"#{number}"
    for unknown in sorted(set(raw) - _KNOWN_KEYS):
        raise ProfileError(path, label, unknown, f"unknown field (allowed: {', '.join(sorted(_KNOWN_KEYS))})")
    if not key or not key.replace("_", "").isalnum():
        raise ProfileError(path, label, "key", "required: letters, digits and '_'")
    if key in seen:
        raise ProfileError(path, key, "key", "duplicate key")
    seen.add(key)
    name = str(raw.get("name") or "").strip()
    if not name:
        raise ProfileError(path, key, "name", "required: the Vietnamese display name (the tag value)")
    query = raw.get("query")
    if not isinstance(query, str) or not query.strip():
        raise ProfileError(path, key, "query", "required: a query in the query language")
    fields = raw.get("fields", defaults.get("fields", list(TEXT_FIELDS)))
    if not isinstance(fields, list) or not fields or any(f not in TEXT_FIELDS for f in fields):
        raise ProfileError(
            path, key, "fields", f"a non-empty list of {', '.join(TEXT_FIELDS)}, got {fields!r}"
        )
    min_hits = raw.get("min_hits", defaults.get("min_hits", 1))
    if isinstance(min_hits, bool) or not isinstance(min_hits, (int, float)) or min_hits <= 0:
        raise ProfileError(path, key, "min_hits", f"a positive number, got {min_hits!r}")
    ignore = raw.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(i, str) and i.strip() for i in ignore):
        raise ProfileError(path, key, "ignore", "a list of phrases")
    try:
        node = parse(query)
    except QueryError as error:
        raise ProfileError(path, key, "query", str(error)) from error
    exact = raw.get("exact", defaults.get("exact", False))
    if not isinstance(exact, bool):
        raise ProfileError(path, key, "exact", f"true or false, got {exact!r}")
    node = _narrow(node, tuple(fields), path, key, exact)
    leaves = tuple(positive_text_leaves(node))
    if not leaves:
        raise ProfileError(path, key, "query", "needs at least one positive term")
    weights = {f: float(w) for f, w in (defaults.get("field_weights") or {}).items()}
    weak = raw.get("weak", [])
    if not isinstance(weak, list) or not all(isinstance(w, str) and w.strip() for w in weak):
        raise ProfileError(path, key, "weak", "a list of terms of the query")
    sources = [_bare(leaf.source) for leaf in leaves]
    for term in weak:
        if _bare(term) not in sources:
            raise ProfileError(path, key, "weak", f"{term!r} is not a term of the query")
    weak_leaves = frozenset(n for n, source in enumerate(sources) if source in {_bare(w) for w in weak})
    if len(weak_leaves) == len(leaves):
        raise ProfileError(path, key, "weak", "every term is weak: the profile could never tag")
    return Profile(
        key,
        name,
        str(raw.get("description") or "").strip(),
        query,
        node,
        tuple(fields),
        float(min_hits),
        weights,
        tuple(ignore),
        leaves,
        tuple((tuple(text_tokens(i)), tuple(text_tokens(i, folded=False))) for i in ignore),
        weak_leaves,
    )


def _bare(term: str) -> str:
    """A query term as written in `weak:` lists: without quotes, '=' and case."""
    return term.strip().lstrip("=").strip('"').lower()


def load_profiles(path: Path | str | None = None) -> list[Profile]:
    """Read and validate a profile file (default: the one in force, see ``active_profiles_path``)."""
    path = Path(path or active_profiles_path())
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ProfileError(path, "", "", f"cannot read: {error}") from error
    except yaml.YAMLError as error:
        raise ProfileError(path, "", "", f"not valid YAML: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("profiles"), list) or not data["profiles"]:
        raise ProfileError(path, "", "profiles", "the file needs a non-empty 'profiles' list")
    defaults = data.get("defaults") or {}
    weights = defaults.setdefault("field_weights", {"title": 1, "sapo": 1, "body": 1})
    if not isinstance(weights, dict) or any(f not in TEXT_FIELDS for f in weights):
        raise ProfileError(
            path, "", "defaults.field_weights", f"a mapping of {', '.join(TEXT_FIELDS)} to numbers"
        )
    seen: set[str] = set()
    profiles = [_profile(raw, n, defaults, path, seen) for n, raw in enumerate(data["profiles"], start=1)]
    names = [p.name for p in profiles]
    for name in names:
        if names.count(name) > 1:
            raise ProfileError(path, name, "name", "two profiles have this name")
    return profiles


def active_profiles_path(data_folder: Path | str | None = None) -> Path:
    """The profiles in force: an admin's edited copy in the data folder (default: the configured
    one), else the packaged file."""
    edited = Path(data_folder or data_dir()) / TOPICS_FILE
    return edited if edited.exists() else PROFILES_PATH


@lru_cache(maxsize=8)
def _cached_profiles(path: str, modified_ns: int) -> tuple[Profile, ...]:
    return tuple(load_profiles(path))


def default_profiles(path: Path | str | None = None) -> tuple[Profile, ...]:
    """Profiles compiled once per file version (``annotate`` calls this for every document).

    Keyed by modification time too, so a long-running crawler or web app picks up an admin's
    edit without a restart.
    """
    resolved = Path(path or active_profiles_path()).resolve()
    return _cached_profiles(str(resolved), resolved.stat().st_mtime_ns)


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
