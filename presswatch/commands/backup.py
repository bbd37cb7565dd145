"""`presswatch backup` / `presswatch restore`: the data folder, plus an Elasticsearch snapshot."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from presswatch.backup import (
    BackupError,
    archive_snapshot,
    backup_stamp,
    create_backup,
    restore_backup,
    snapshot_name,
)
from search.config import LOCAL_TZ, SearchConfig, data_dir

if TYPE_CHECKING:
    from search.backends.elastic import ElasticsearchBackend

REPOSITORY = "presswatch-backup"  # the name search.backends.es_indices registers the folder under


@click.command("backup")
@click.argument("destination", type=click.Path(file_okay=False, path_type=Path), default="backups")
@click.option(
    "--elasticsearch-repo",
    default="",
    metavar="PATH",
    help="Also snapshot the Elasticsearch indices to this folder (must be under path.repo).",
)
def backup_command(destination: Path, elasticsearch_repo: str) -> None:
    """Back up the app database, crawl state, stories, spool and embedded index."""
    now = datetime.now(LOCAL_TZ)  # one instant names the archive and the snapshot alike
    name = snapshot_name(backup_stamp(now)) if elasticsearch_repo else ""
    archive, manifest = create_backup(data_dir(), destination, now=now, snapshot=name)
    click.echo(f"Backup written: {archive} ({len(manifest['files'])} files)")
    if SearchConfig.from_env().backend == "elasticsearch" and not elasticsearch_repo:
        # The archive alone restores a crawl state that knows every article, so a crawl into an
        # empty cluster would fetch none of them again: the index must be backed up too.
        click.echo(
            "The articles are in Elasticsearch, not in this archive: add --elasticsearch-repo PATH "
            "(a folder under the cluster's path.repo) to snapshot them too, or snapshot the cluster "
            "yourself. Restored alone onto an empty cluster, this archive leaves search empty.",
            err=True,
        )
    if elasticsearch_repo:
        from search.backends import open_backend
        from search.backends.elastic import ElasticsearchBackend
        from search.backends.es_indices import snapshot

        backend = open_backend(SearchConfig.from_env(), backend="elasticsearch")
        assert isinstance(backend, ElasticsearchBackend)  # asked for by name
        backend.ensure_index()
        info = snapshot(backend.client, backend.layout, elasticsearch_repo, name)
        click.echo(f"Elasticsearch snapshot {name}: {info['state']}, {len(info['indices'])} indices")


@click.command("restore")
@click.argument("archive", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing data folder.")
@click.option("--elasticsearch-repo", default="", metavar="PATH", help="Restore a snapshot from this folder.")
@click.option(
    "--snapshot",
    "snapshot",
    default="",
    help="The snapshot to restore (default: the one taken with the archive).",
)
def restore_command(archive: Path, force: bool, elasticsearch_repo: str, snapshot: str) -> None:
    """Restore a backup into the data folder (and a snapshot into Elasticsearch)."""
    backend = None
    if elasticsearch_repo and not snapshot:
        snapshot = archive_snapshot(archive)  # the archive's own, named from the same instant
        if not snapshot:
            click.echo(
                f"Cannot tell which snapshot goes with {archive}: name it with --snapshot NAME. "
                "Nothing was restored.",
                err=True,
            )
            sys.exit(1)
    if elasticsearch_repo and snapshot:
        # Checked before the folder is touched: a snapshot Elasticsearch will refuse must not leave
        # the data folder restored and the index not (the two halves out of step).
        backend, in_the_way = _snapshot_restorable(elasticsearch_repo, snapshot)
        if in_the_way:
            click.echo(
                f"Elasticsearch already has {', '.join(in_the_way)}: it refuses to restore snapshot "
                f"{snapshot} over them, so nothing was restored. Delete those indices (or point "
                "PRESSWATCH_ELASTICSEARCH_URL at an empty cluster) and run the command again.",
                err=True,
            )
            sys.exit(1)
    try:
        restored = restore_backup(archive, data_dir(), force=force)
    except BackupError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    click.echo(f"Restored {', '.join(restored)} into {data_dir()}")
    if backend is not None:
        from search.backends.es_indices import restore_snapshot

        indices = restore_snapshot(backend.client, backend.layout, elasticsearch_repo, snapshot)
        click.echo(f"Restored Elasticsearch snapshot {snapshot}: {', '.join(indices)}")


def _snapshot_restorable(location: str, name: str) -> tuple[ElasticsearchBackend, list[str]]:
    """The backend, and the snapshot's indices the cluster already has (it restores none over them);
    exits with the reason when the snapshot cannot be read."""
    from elasticsearch import ApiError, TransportError

    from search.backends import open_backend
    from search.backends.elastic import ElasticsearchBackend

    backend = open_backend(SearchConfig.from_env(), backend="elasticsearch")
    assert isinstance(backend, ElasticsearchBackend)  # asked for by name
    client = backend.client
    try:
        client.snapshot.create_repository(
            name=REPOSITORY, repository={"type": "fs", "settings": {"location": location}}
        )
        indices = client.snapshot.get(repository=REPOSITORY, snapshot=name)["snapshots"][0]["indices"]
        return backend, sorted(index for index in indices if client.indices.exists(index=index))
    except (ApiError, TransportError) as error:
        click.echo(
            f"Cannot read snapshot {name} in {location}: {error}. Nothing was restored "
            "(--snapshot NAME chooses another).",
            err=True,
        )
        sys.exit(1)
