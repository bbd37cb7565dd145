"""`presswatch backup` / `presswatch restore`: the data folder, plus an Elasticsearch snapshot."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from presswatch.backup import BackupError, create_backup, restore_backup
from search.config import SearchConfig, data_dir


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
    archive, manifest = create_backup(data_dir(), destination)
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
        name = "presswatch-" + datetime.now().strftime("%Y%m%d-%H%M%S")
        info = snapshot(backend.client, backend.layout, elasticsearch_repo, name)
        click.echo(f"Elasticsearch snapshot {name}: {info['state']}, {len(info['indices'])} indices")


@click.command("restore")
@click.argument("archive", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing data folder.")
@click.option("--elasticsearch-repo", default="", metavar="PATH", help="Restore a snapshot from this folder.")
@click.option("--snapshot", "snapshot_name", default="", help="The snapshot to restore.")
def restore_command(archive: Path, force: bool, elasticsearch_repo: str, snapshot_name: str) -> None:
    """Restore a backup into the data folder (and a snapshot into Elasticsearch)."""
    try:
        restored = restore_backup(archive, data_dir(), force=force)
    except BackupError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    click.echo(f"Restored {', '.join(restored)} into {data_dir()}")
    if elasticsearch_repo and snapshot_name:
        from search.backends import open_backend
        from search.backends.elastic import ElasticsearchBackend
        from search.backends.es_indices import restore_snapshot

        backend = open_backend(SearchConfig.from_env(), backend="elasticsearch")
        assert isinstance(backend, ElasticsearchBackend)  # asked for by name
        indices = restore_snapshot(backend.client, backend.layout, elasticsearch_repo, snapshot_name)
        click.echo(f"Restored Elasticsearch indices: {', '.join(indices)}")
