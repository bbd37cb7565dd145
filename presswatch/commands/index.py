"""`presswatch index create|reindex|optimize|stats`: the Elasticsearch index layout, for operators."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click
from tqdm import tqdm

from search.backends import BackendUnavailable, SearchRequest, open_backend
from search.config import SearchConfig
from search.document import Document
from search.private_files import write_private

# The Elasticsearch client (with aiohttp, about a second) loads when a command talks to a node, not
# with every `presswatch` command: this group is registered on the CLI, which imports it at start.
if TYPE_CHECKING:
    from search.backends.elastic import ElasticsearchBackend


def _elasticsearch() -> ElasticsearchBackend:
    from search.backends.elastic import ElasticsearchBackend

    config = SearchConfig.from_env()
    if not config.elasticsearch_url:
        click.echo(
            "These commands manage Elasticsearch: set PRESSWATCH_ELASTICSEARCH_URL first "
            "(the embedded index needs no management).",
            err=True,
        )
        sys.exit(2)
    try:
        backend = open_backend(config, backend="elasticsearch")
    except BackendUnavailable as error:
        click.echo(str(error), err=True)
        sys.exit(2)
    assert isinstance(backend, ElasticsearchBackend)  # asked for by name
    try:
        backend.ensure_index()  # a node that is away: its reason, not a traceback
    except BackendUnavailable as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    return backend


@click.group("index")
def index_group() -> None:
    """Manage the Elasticsearch indices behind the alias (create, reindex, optimize, stats)."""


@index_group.command("create")
def create_command() -> None:
    """Create the index template, this month's index and the alias, if missing."""
    backend = _elasticsearch()
    try:
        backend.ensure_index()
    except BackendUnavailable as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    click.echo(f"Alias {backend.alias} is ready (generation {backend.generation}).")


@index_group.command("reindex")
@click.option("--keep-old", is_flag=True, help="Keep the previous generation's indices.")
def reindex_command(keep_old: bool) -> None:
    """Rebuild every document into a new generation and swap the alias (no downtime)."""
    from search.backends.es_indices import reindex

    backend = _elasticsearch()
    backend.ensure_index()
    total = backend.count()
    with tqdm(total=total, unit="doc", desc="Reindexing") as bar:

        def progress(_: int) -> None:
            bar.update(1)

        copied, generation = reindex(backend.client, backend.layout, progress, keep_old=keep_old)
    click.echo(f"Reindexed {copied} documents into generation {generation}; alias {backend.alias} swapped.")


IMPORTED = "elasticsearch-import.json"  # in the data folder: which alias import-embedded filled


def embedded_only_articles(config: SearchConfig, backend: ElasticsearchBackend) -> int:
    """How many of the data folder's embedded articles Elasticsearch lacks: after an operator
    switches a folder to Elasticsearch, the crawl state still knows them, so no crawl fetches them
    again (`presswatch crawl` prints this with the command that copies them). Counted by id, not by
    totals: new articles crawled into Elasticsearch since do not make up for the old ones."""
    from elasticsearch import ApiError, TransportError

    marker = config.embedded_path.parent / IMPORTED
    if not config.embedded_path.exists():
        return 0
    if marker.exists() and json.loads(marker.read_text(encoding="utf-8")).get("alias") == backend.alias:
        return 0  # copied already; no id lookups on every crawl
    embedded = open_backend(config, backend="embedded")
    try:
        ids = sorted(embedded.ids())
    finally:
        embedded.close()
    present = 0
    for start in range(0, len(ids), 10_000):
        chunk = ids[start : start + 10_000]
        try:
            present += backend.client.count(index=backend.alias, query={"ids": {"values": chunk}})["count"]
        except (ApiError, TransportError) as error:
            message = f"Elasticsearch could not say which embedded articles it has: {error}"
            raise BackendUnavailable(message) from error
    return len(ids) - present


def _present_ids(backend: ElasticsearchBackend, ids: list[str]) -> set[str]:
    """Which of ``ids`` Elasticsearch has (one ids query; no source read)."""
    from elasticsearch import ApiError, TransportError

    try:
        response = backend.client.search(
            index=backend.alias, query={"ids": {"values": ids}}, size=len(ids), source=False
        )
    except (ApiError, TransportError) as error:
        raise BackendUnavailable(f"Elasticsearch could not say which articles it has: {error}") from error
    return {hit["_id"] for hit in response["hits"]["hits"]}


@index_group.command("import-embedded")
@click.option(
    "--path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="The embedded index file (default: the data folder's index.sqlite3).",
)
def import_embedded_command(path: Path | None) -> None:
    """Copy the embedded index's articles into Elasticsearch (after switching a data folder to it)."""
    config = SearchConfig.from_env()
    backend = _elasticsearch()
    source = path or config.embedded_path
    if not source.exists():
        click.echo(f"No embedded index at {source}: nothing to copy.", err=True)
        sys.exit(2)
    embedded = open_backend(replace(config, embedded_path=source), backend="embedded")
    try:
        copied, kept, errors = 0, 0, []
        batch: list[Document] = []

        def send() -> None:
            nonlocal copied, kept
            # Articles a crawl has already put into Elasticsearch are newer than the embedded
            # copies: asked per chunk, so memory follows the chunk, not the cluster's size.
            present = _present_ids(backend, [document.id for document in batch])
            kept += len(present)
            report = backend.index([document for document in batch if document.id not in present])
            copied += report.indexed
            errors.extend(report.errors)
            batch.clear()

        with tqdm(total=embedded.count(), unit="doc", desc="Copying") as bar, backend.bulk_load():
            for document in embedded.scan(SearchRequest(facets=False)):
                bar.update(1)
                batch.append(document)
                if len(batch) >= 1000:
                    send()
            if batch:
                send()
    except BackendUnavailable as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    finally:
        embedded.close()
    if not errors:
        done = {"alias": backend.alias, "copied": copied, "kept": kept, "from": str(source)}
        write_private(config.embedded_path.parent / IMPORTED, json.dumps(done).encode())
    click.echo(
        f"Copied {copied} articles from {source} into {backend.alias}; "
        f"{kept} already in Elasticsearch were kept as they are."
    )
    for document_id, reason in errors[:10]:
        click.echo(f"  refused {document_id}: {reason}", err=True)
    if errors:
        click.echo(f"{len(errors)} articles were refused; fix the cause and run the command again.", err=True)
        sys.exit(1)


@index_group.command("optimize")
def optimize_command() -> None:
    """Merge the indices of closed months to one segment each (run nightly; searches get faster)."""
    backend = _elasticsearch()
    try:
        merged = backend.optimize(
            progress=lambda index, segments: click.echo(f"Merging {index} ({segments} segments)…")
        )
    except BackendUnavailable as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    click.echo(
        f"Merged {len(merged)} index(es) of closed months; the current month is left to Lucene."
        if merged
        else "Every closed month is already one segment; nothing to merge."
    )


@index_group.command("stats")
@click.option("--json", "as_json", is_flag=True)
def stats_command(as_json: bool) -> None:
    """Documents and size per index, cluster health."""
    from search.backends.es_indices import stats

    backend = _elasticsearch()
    backend.ensure_index()
    figures = stats(backend.client, backend.layout)
    if as_json:
        click.echo(json.dumps(figures, indent=2))
        return
    cluster = figures["cluster"]
    click.echo(
        f"Cluster {cluster['name']}: {cluster['status']}, {cluster['nodes']} node(s), "
        f"{cluster['active_shards']} active / {cluster['unassigned_shards']} unassigned shards"
    )
    click.echo(f"Alias {figures['alias']} → generation {figures['generation']}")
    for name, data in figures["indices"].items():
        click.echo(f"  {name:<40} {data['docs']:>9} docs  {data['bytes'] / 1e6:>8.1f} MB")
