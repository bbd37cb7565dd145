"""Elasticsearch index layout: monthly indices behind one alias, generations for reindexing.

``<alias>-g<generation>-<YYYY.MM>`` holds the articles published in that month (local time). An
index template per generation gives every such index the mapping and, for the live generation,
the alias; searches go through the alias. A reindex builds generation N+1 beside N, then moves
the alias in one atomic ``update_aliases`` call, so searches never see a missing or half index.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from elasticsearch import Elasticsearch, helpers

from search.document import KEYWORD_FIELDS, LOCAL_TZ, TEXT_FIELDS, UNCLASSIFIED_KIND, Document, fold_keyword
from search.text import _FOLD_TABLE, _WORD, MAX_TOKEN_LENGTH, token_text

KEYWORD = {"type": "keyword"}
TOKENS = {"type": "text", "analyzer": "standard"}
MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    # No ``_source`` excludes although the token fields are derived from ``doc``: with excludes the
    # node filters every source and also stores the whole original as recovery source, which cost
    # about a sixth of its indexing CPU (issue 7). The price is disk once merges drop the recovery
    # source (stored fields hold the token text too); reads ask for ``doc`` only, so results are
    # the same either way.
    "properties": {
        **{f"{name}_{kind}": TOKENS for name in TEXT_FIELDS for kind in ("f", "x")},
        # Folded values only ever filter (term, prefix): no sorting or aggregating, so no doc values.
        "kwf": {"properties": {name: {**KEYWORD, "doc_values": False} for name in KEYWORD_FIELDS}},
        "doc_id": KEYWORD,
        "url": KEYWORD,
        "outlet_id": KEYWORD,
        "outlet_group": KEYWORD,
        "outlet_kind": KEYWORD,
        "provinces": KEYWORD,
        "topics": KEYWORD,
        "tone": KEYWORD,
        "story_id": KEYWORD,
        "section": KEYWORD,
        "published_at": {"type": "date"},
        "published_precision": KEYWORD,
        "indexed_at": {"type": "date"},
        # The whole record, returned as is; not searchable (the fields above are).
        "doc": {"type": "object", "enabled": False},
    },
}
# Index settings of the normal (crawl) path; bulk-load mode changes these and restores them.
WRITE_SETTINGS: dict[str, Any] = {"refresh_interval": "1s", "translog": {"durability": "request"}}
# A bulk load (backfill, reindex, benchmark) needs no periodic refresh and no fsync per request;
# it refreshes once at the end. A crash during the load may lose its last few seconds: re-run it.
BULK_LOAD_SETTINGS: dict[str, Any] = {"refresh_interval": "-1", "translog": {"durability": "async"}}
_NAME = re.compile(r"^(?P<alias>.+)-g(?P<generation>\d+)-(?P<month>\d{4}\.\d{2})$")


@dataclass(frozen=True)
class Layout:
    alias: str
    shards: int = 1
    replicas: int = 0

    def index_name(self, generation: int, published_at: datetime) -> str:
        return f"{self.alias}-g{generation}-{published_at.astimezone(LOCAL_TZ):%Y.%m}"

    def pattern(self, generation: int) -> str:
        return f"{self.alias}-g{generation}-*"

    def template_name(self, generation: int) -> str:
        return f"{self.alias}-g{generation}"

    def put_template(self, client: Elasticsearch, generation: int, live: bool) -> None:
        """Mapping for one generation; only the live one's indices join the alias on creation."""
        client.indices.put_index_template(
            name=self.template_name(generation),
            index_patterns=[self.pattern(generation)],
            priority=100 + generation,
            template={
                "settings": {
                    **WRITE_SETTINGS,
                    "number_of_shards": self.shards,
                    "number_of_replicas": self.replicas,
                },
                "mappings": MAPPINGS,
                "aliases": {self.alias: {}} if live else {},
            },
        )

    def generations(self, client: Elasticsearch) -> dict[int, list[str]]:
        """Concrete indices of every generation present, live or not."""
        indices = client.options(ignore_status=404).indices.get(
            index=f"{self.alias}-g*", expand_wildcards="open"
        )
        found: dict[int, list[str]] = {}
        for name in indices.body if hasattr(indices, "body") else indices:
            match = _NAME.match(name)
            if match and match.group("alias") == self.alias:
                found.setdefault(int(match.group("generation")), []).append(name)
        return found

    def live_generation(self, client: Elasticsearch) -> int | None:
        response = client.options(ignore_status=404).indices.get_alias(name=self.alias)
        body = response.body if hasattr(response, "body") else response
        generations = {
            int(m.group("generation"))
            for name in body
            if (m := _NAME.match(name)) and m.group("alias") == self.alias
        }
        return max(generations) if generations else None


_RECORD_FIELDS = tuple(f.name for f in fields(Document))


def _record(document: Document) -> dict[str, Any]:
    """``Document.to_source()`` without ``dataclasses.asdict``'s deep copy (a fifth of the cost of
    a source): the record is serialised right away, so sharing its lists and dicts is safe."""
    record = {name: getattr(document, name) for name in _RECORD_FIELDS}
    record["published_at"] = document.published_at.isoformat()
    record["crawled_at"] = document.crawled_at.isoformat() if document.crawled_at else None
    return record


def _folds_in_place(char: str, folded: str | None) -> bool:
    """Folding keeps token boundaries and lengths: a word character becomes one word character,
    anything else becomes non-word characters."""
    if not folded:
        return False  # deleted (combining marks): the characters around it could join
    if _WORD.fullmatch(char):
        return len(folded) == 1 and bool(_WORD.fullmatch(folded))
    return not _WORD.search(folded)


# Text without these characters folds token by token, so its folded token text is its exact tokens
# folded one by one: no second normalisation and tokenisation.
_FOLDS_ACROSS_TOKENS = re.compile(
    "["
    + "".join(
        re.escape(chr(cp))
        for cp, folded in sorted(_FOLD_TABLE.items())
        if not _folds_in_place(chr(cp), folded)
    )
    + "]"
)


class _FoldedTokens(dict[str, str]):
    """token -> folded token, filled on first use: an article is a few hundred tokens from a
    vocabulary of a few thousand syllables, so looking them up beats folding the text char by char."""

    def __missing__(self, token: str) -> str:
        if len(self) > 500_000:  # bounded: odd tokens (numbers, names, URLs) must not pile up
            self.clear()
        folded = self[token] = token.translate(_FOLD_TABLE)
        return folded


_folded_tokens = _FoldedTokens()


def _match_texts(value: str) -> tuple[str, str]:
    """``(token_text(value), token_text(value, folded=False))`` for text a ``Document`` has
    already normalised, at a third of the cost.

    ``Document.__post_init__`` normalises title, sapo and body and ``normalize`` is idempotent, so
    running it again (two fifths of the cost of a source) changes nothing; the NFC check, a quick
    pass in C, still sends decomposed text (assigned after construction) the slow, sure way, and
    so does text with characters that do not fold in place (``_FOLDS_ACROSS_TOKENS``).
    """
    lower = value.lower()
    if not unicodedata.is_normalized("NFC", value) or _FOLDS_ACROSS_TOKENS.search(lower):
        return token_text(value), token_text(value, folded=False)
    words = _WORD.findall(lower)
    # Cutting every token costs a Python loop; only text this long can hold a token that long.
    if len(value) > MAX_TOKEN_LENGTH and max(map(len, words), default=0) > MAX_TOKEN_LENGTH:
        words = [t[:MAX_TOKEN_LENGTH] for t in words]
    return " ".join(map(_folded_tokens.__getitem__, words)), " ".join(words)


def to_es_source(document: Document, indexed_at: datetime | None = None) -> dict[str, Any]:
    """The indexed source: the match fields (equal to ``Document.match_text()``), the folded
    filter values, the facet/sort fields and the whole record under ``doc``."""
    source: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        source[f"{name}_f"], source[f"{name}_x"] = _match_texts(getattr(document, name))
    source.update(
        {
            "kwf": {
                name: [fold_keyword(v) for v in values] for name, values in document.keyword_values().items()
            },
            "doc_id": document.id,
            "url": document.url,
            "outlet_id": document.outlet_id,
            "outlet_group": document.outlet_group,
            "outlet_kind": document.outlet_kind or UNCLASSIFIED_KIND,
            "provinces": document.provinces,
            "topics": document.topics,
            "tone": document.tone,
            "story_id": document.story_id,
            "section": document.section,
            "published_at": document.published_at.isoformat(),
            "published_precision": document.published_precision,
            "indexed_at": (indexed_at or datetime.now(LOCAL_TZ)).isoformat(),
            "doc": _record(document),
        }
    )
    return source


def _copy_actions(
    client: Elasticsearch,
    layout: Layout,
    source_index: str,
    generation: int,
    query: dict[str, Any],
    progress: Callable[[int], None],
) -> Iterator[dict[str, Any]]:
    for count, hit in enumerate(
        helpers.scan(
            client, index=source_index, query={"query": query}, _source=["doc", "indexed_at"], size=1000
        ),
        start=1,
    ):
        # Rebuild from the stored record, so normalisation, analysis or mapping changes apply to
        # old articles.
        document = Document.from_mapping(hit["_source"]["doc"])
        indexed_at = datetime.fromisoformat(hit["_source"]["indexed_at"])
        yield {
            "_op_type": "index",
            "_index": layout.index_name(generation, document.published_at),
            "_id": document.id,
            "_source": to_es_source(document, indexed_at),
        }
        progress(count)


def reindex(
    client: Elasticsearch,
    layout: Layout,
    progress: Callable[[int], None] = lambda n: None,
    keep_old: bool = False,
) -> tuple[int, int]:
    """Copy the live generation into a new one, swap the alias atomically; returns (copied, generation)."""
    live = layout.live_generation(client)
    if live is None:
        raise ValueError(f"No live index behind alias {layout.alias!r}: nothing to reindex.")
    target = max([live, *layout.generations(client)]) + 1
    started = datetime.now(LOCAL_TZ)
    layout.put_template(client, target, live=False)
    copied = 0
    for ok, _ in helpers.streaming_bulk(
        client,
        _copy_actions(client, layout, layout.alias, target, {"match_all": {}}, progress),
        chunk_size=500,
        max_retries=5,
        raise_on_error=True,
    ):
        copied += ok
    old_indices = layout.generations(client).get(live, [])
    new_indices = layout.generations(client).get(target, [])
    # Articles written while we copied: catch up before and after the swap.
    since = {"range": {"indexed_at": {"gte": started.isoformat()}}}
    helpers.bulk(client, _copy_actions(client, layout, ",".join(old_indices), target, since, progress))
    layout.put_template(client, target, live=True)
    actions = [{"add": {"index": name, "alias": layout.alias}} for name in new_indices]
    actions += [{"remove": {"index": name, "alias": layout.alias}} for name in old_indices]
    if actions:
        client.indices.update_aliases(actions=actions)
    client.indices.delete_index_template(name=layout.template_name(live))
    client.indices.refresh(index=",".join(old_indices + new_indices) or layout.alias)
    helpers.bulk(client, _copy_actions(client, layout, ",".join(old_indices), target, since, progress))
    client.indices.refresh(index=layout.alias)
    if not keep_old and old_indices:
        client.indices.delete(index=",".join(old_indices))
    return copied, target


def optimize(
    client: Elasticsearch,
    layout: Layout,
    now: datetime | None = None,
    progress: Callable[[str, int], None] = lambda index, segments: None,
) -> list[str]:
    """Force-merge the live indices of closed months (before ``now``'s month) to one segment each.

    A past month is written only by the odd re-crawl, so its index can be merged once, as an ILM
    force-merge step would: every search visits every segment of every month, and at a million
    articles a freshly loaded month holds about twenty segments, which doubled query time (issue
    7). The current month keeps Lucene's merge policy (it is still written all day). An index is
    merged again only when writes gave it more than one segment; returns the indices merged.
    """
    current = layout.index_name(layout.live_generation(client) or 1, now or datetime.now(LOCAL_TZ))
    response = client.options(ignore_status=404).indices.stats(index=layout.alias, metric="segments")
    indices = (response.body if hasattr(response, "body") else response).get("indices", {})
    merged = []
    for name, data in sorted(indices.items()):
        segments = data["primaries"]["segments"]["count"]
        # Names sort by month within a generation; the current month and later ones stay as they are.
        if segments > 1 and _NAME.match(name) and name[-7:] < current[-7:]:
            progress(name, segments)
            client.options(request_timeout=3600).indices.forcemerge(index=name, max_num_segments=1)
            merged.append(name)
    return merged


def stats(client: Elasticsearch, layout: Layout) -> dict[str, Any]:
    """Documents and size per index behind the alias, plus cluster health."""
    health = client.cluster.health()
    response = client.options(ignore_status=404).indices.stats(index=layout.alias, metric="docs,store")
    indices = (response.body if hasattr(response, "body") else response).get("indices", {})
    return {
        "alias": layout.alias,
        "generation": layout.live_generation(client),
        "cluster": {
            "name": health["cluster_name"],
            "status": health["status"],
            "nodes": health["number_of_nodes"],
            "active_shards": health["active_shards"],
            "unassigned_shards": health["unassigned_shards"],
        },
        "indices": {
            name: {
                "docs": data["primaries"]["docs"]["count"],
                "bytes": data["total"]["store"]["size_in_bytes"],
            }
            for name, data in sorted(indices.items())
        },
    }


def snapshot(
    client: Elasticsearch, layout: Layout, location: str, name: str, repository: str = "presswatch-backup"
) -> dict[str, Any]:
    """Snapshot the live indices to a shared-filesystem repository (``location`` under path.repo)."""
    client.snapshot.create_repository(
        name=repository, repository={"type": "fs", "settings": {"location": location}}
    )
    indices = sorted(name for names in layout.generations(client).values() for name in names)
    response = client.snapshot.create(
        repository=repository,
        snapshot=name,
        indices=",".join(indices),
        include_global_state=False,
        wait_for_completion=True,
    )
    snapshot: dict[str, Any] = response["snapshot"]  # the snapshot's description (JSON)
    return snapshot


def restore_snapshot(
    client: Elasticsearch, layout: Layout, location: str, name: str, repository: str = "presswatch-backup"
) -> list[str]:
    """Restore a snapshot into a cluster without those indices, then put them behind the alias."""
    client.snapshot.create_repository(
        name=repository, repository={"type": "fs", "settings": {"location": location}}
    )
    response = client.snapshot.restore(
        repository=repository, snapshot=name, wait_for_completion=True, include_global_state=False
    )
    restored: list[str] = response["snapshot"]["indices"]
    generations = {int(m.group("generation")) for index in restored if (m := _NAME.match(index))}
    for generation in generations:
        layout.put_template(client, generation, live=generation == max(generations))
    live = [
        index
        for index in restored
        if (m := _NAME.match(index)) and int(m.group("generation")) == max(generations)
    ]
    client.indices.update_aliases(
        actions=[{"add": {"index": index, "alias": layout.alias}} for index in live]
    )
    return restored
