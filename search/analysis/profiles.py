"""Topic profiles: loading and validating the editable Boolean queries of ``topics.yaml``.

A profile's query is parsed by the query language (``search.query.parse``), then its text leaves
are narrowed to the profile's fields, so "where it must match" is the query language's own field
semantics. Errors on load name the file, the profile and the field. The file in force (an admin's
edited copy first) is loaded once per version; applying profiles to a document is
``topic_match.py``'s job.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from search.config import TOPICS_FILE, data_dir
from search.document import TEXT_FIELDS
from search.query import (
    And,
    Near,
    Node,
    Not,
    Or,
    QueryError,
    TextLeaf,
    parse,
)
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
