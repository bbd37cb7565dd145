"""Backup and restore: an empty instance restored from a backup finds the same articles."""

from __future__ import annotations

import re
import subprocess
import tarfile
import uuid
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from elasticsearch import Elasticsearch

from presswatch.app import create_app
from presswatch.backup import BackupError, create_backup, restore_backup
from search.backends import SearchRequest
from search.backends.elastic import ElasticsearchBackend
from search.backends.embedded import EmbeddedBackend
from search.backends.es_indices import Layout, restore_snapshot, snapshot
from search.document import Document
from tests.helpers import login, run_presswatch

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
REPO = Path(__file__).resolve().parents[2]


def articles(count: int) -> list[Document]:
    return [
        Document(
            url=f"https://baoa.vn/tin-{n}.html",
            outlet_id="baoa",
            title=f"Kiến nghị cử tri số {n}",
            body="Cử tri tỉnh Bắc Ninh kiến nghị về an toàn giao thông.",
            published_at=datetime(2026, 3, 1 + n % 28, 8, tzinfo=TZ),
        )
        for n in range(count)
    ]


def presswatch(*args: str, data: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`presswatch ARGS` over the data folder ``data``, with ``env`` (the node, the alias)."""
    return run_presswatch(*args, env={**env, "PRESSWATCH_DATA_DIR": str(data)})


def test_backup_then_restore_into_an_empty_data_folder(tmp_path):
    source = tmp_path / "source"
    EmbeddedBackend(source / "index.sqlite3").index(articles(50))
    env = {"PRESSWATCH_DATA_DIR": str(source)}
    user = ("users", "create", "--email", "an@so.vn", "--role", "editor", "--password", "mat-khau-123")
    created = run_presswatch(*user, env=env)
    assert created.returncode == 0, created.stderr
    result = run_presswatch("backup", str(tmp_path / "backups"), env=env)
    assert result.returncode == 0, result.stderr
    (archive,) = (tmp_path / "backups").glob("presswatch-backup-*.tar.gz")

    target = tmp_path / "restored"
    env["PRESSWATCH_DATA_DIR"] = str(target)
    result = run_presswatch("restore", str(archive), env=env)
    assert result.returncode == 0, result.stderr
    restored = EmbeddedBackend(target / "index.sqlite3")
    assert restored.ids() == EmbeddedBackend(source / "index.sqlite3").ids()
    assert restored.search(SearchRequest(query="kien nghi")).total == 50
    app = create_app({"PRESSWATCH_DATA_DIR": target, "PRESSWATCH_DATABASE": target / "app.sqlite3"})
    assert login(app.test_client(), "an@so.vn", "mat-khau-123").status_code == 302

    again = run_presswatch("restore", str(archive), env=env)
    assert again.returncode == 1 and "already holds" in again.stderr  # never overwrites silently


def test_a_crafted_archive_cannot_escape_the_data_folder(tmp_path):
    evil = tmp_path / "evil.tar.gz"
    payload = tmp_path / "payload"
    payload.write_text("x")
    with tarfile.open(evil, "w:gz") as tar:
        tar.add(payload, arcname="../../escaped.txt")
    with pytest.raises(BackupError, match="not a Presswatch backup"):
        restore_backup(evil, tmp_path / "data")
    assert not (tmp_path / "escaped.txt").exists()


def test_backup_is_consistent_while_the_index_is_written(tmp_path):
    index = EmbeddedBackend(tmp_path / "data" / "index.sqlite3")
    index.index(articles(20))
    archive, manifest = create_backup(tmp_path / "data", tmp_path / "out")
    index.index(articles(40))  # writes after the backup do not leak into it
    restore_backup(archive, tmp_path / "restored")
    assert EmbeddedBackend(tmp_path / "restored" / "index.sqlite3").count() == 20
    assert oct(archive.stat().st_mode & 0o777) == "0o600"


def test_elasticsearch_snapshot_restores_into_an_empty_cluster_state(elasticsearch_url):
    client = Elasticsearch(elasticsearch_url)
    repo_root = next(iter(client.nodes.info(metric="settings")["nodes"].values()))["settings"]["path"]["repo"]
    repo_root = repo_root[0] if isinstance(repo_root, list) else repo_root
    alias = f"snap-{uuid.uuid4().hex[:6]}"
    backend = ElasticsearchBackend(elasticsearch_url, alias, refresh=True)
    backend.index(articles(30))
    location = f"{repo_root}/{alias}"
    info = snapshot(client, backend.layout, location, "s1")
    assert info["state"] == "SUCCESS"
    client.indices.delete(index=f"{alias}-*")  # the cluster loses the data
    client.indices.delete_index_template(name=f"{alias}-g*")
    restored = restore_snapshot(client, Layout(alias), location, "s1")
    assert restored
    fresh = ElasticsearchBackend(elasticsearch_url, alias, refresh=True)
    assert fresh.count() == 30
    assert fresh.search(SearchRequest(query="kien nghi")).total == 30
    client.indices.delete(index=f"{alias}-*")
    client.indices.delete_index_template(name=f"{alias}-g*")


@pytest.mark.elasticsearch
def test_a_backup_on_elasticsearch_without_a_snapshot_says_the_articles_are_not_in_it(
    tmp_path, elasticsearch_url, es_index
):
    """walk6 (2026-12-03): on Elasticsearch `presswatch backup` said "Backup written: … (7 files)"
    and nothing else; the archive has no article, and its crawl state knows them all, so restoring
    it onto an empty cluster and crawling leaves search empty."""
    env = {
        "PRESSWATCH_DATA_DIR": str(tmp_path / "data"),
        "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_url,
        "PRESSWATCH_ELASTICSEARCH_INDEX": es_index,
    }
    ElasticsearchBackend(elasticsearch_url, es_index, refresh=True).index(articles(3))
    result = run_presswatch("backup", str(tmp_path / "backups"), env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Backup written" in result.stdout
    assert "not in this archive" in result.stderr and "--elasticsearch-repo" in result.stderr


@pytest.mark.elasticsearch
def test_restoring_a_snapshot_over_indices_the_cluster_still_has_restores_nothing_and_says_why(
    tmp_path, elasticsearch_url, es_index
):
    """walk6 (2026-12-03): `presswatch restore ARCHIVE --elasticsearch-repo R --snapshot S` onto a
    cluster that still had those indices restored the data folder, then stopped with a traceback of
    Elasticsearch's refusal: the folder and the index out of step, and no plain message."""
    client = Elasticsearch(elasticsearch_url)
    repo_root = next(iter(client.nodes.info(metric="settings")["nodes"].values()))["settings"]["path"]["repo"]
    repo_root = repo_root[0] if isinstance(repo_root, list) else repo_root
    location = f"{repo_root}/{es_index}"
    env = {"PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_url, "PRESSWATCH_ELASTICSEARCH_INDEX": es_index}
    create_app({"PRESSWATCH_DATA_DIR": tmp_path / "data"})  # the app database, as a running site has
    ElasticsearchBackend(elasticsearch_url, es_index, refresh=True).index(articles(5))

    backup = presswatch(
        "backup", str(tmp_path / "backups"), "--elasticsearch-repo", location, data=tmp_path / "data", env=env
    )
    assert backup.returncode == 0, backup.stderr[-2000:]
    name = re.search(r"Elasticsearch snapshot (\S+): SUCCESS", backup.stdout).group(1)
    (archive,) = (tmp_path / "backups").glob("presswatch-backup-*.tar.gz")
    target = tmp_path / "restored"
    result = presswatch(
        "restore", str(archive), "--elasticsearch-repo", location, "--snapshot", name, data=target, env=env
    )
    assert result.returncode != 0
    assert f"{es_index}-g1-2026.03" in result.stderr and "already" in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert not (target / "app.sqlite3").exists()  # nothing restored: folder and index stay in step


@pytest.mark.elasticsearch
def test_a_backup_names_its_archive_and_snapshot_alike_and_restore_finds_the_snapshot(
    tmp_path, elasticsearch_url, es_index
):
    """walk6 noticed, walk7 fixed (2026-12-03): one `presswatch backup --elasticsearch-repo` run named
    the archive in local time (presswatch-backup-20261204-002043) and the snapshot in the server's
    time (presswatch-20261203-172043); an operator restoring could not tell which snapshot went with
    which archive. Both now carry one stamp in Vietnam's time, and `restore --elasticsearch-repo`
    restores the archive's own snapshot without being told its name."""
    client = Elasticsearch(elasticsearch_url)
    repo_root = next(iter(client.nodes.info(metric="settings")["nodes"].values()))["settings"]["path"]["repo"]
    repo_root = repo_root[0] if isinstance(repo_root, list) else repo_root
    location = f"{repo_root}/{es_index}-names"
    env = {
        "TZ": "UTC",  # a server kept on UTC, as most are
        "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_url,
        "PRESSWATCH_ELASTICSEARCH_INDEX": es_index,
    }
    create_app({"PRESSWATCH_DATA_DIR": tmp_path / "data"})
    ElasticsearchBackend(elasticsearch_url, es_index, refresh=True).index(articles(5))

    before = datetime.now(TZ).replace(microsecond=0)
    backup = presswatch(
        "backup", str(tmp_path / "backups"), "--elasticsearch-repo", location, data=tmp_path / "data", env=env
    )
    after = datetime.now(TZ)
    assert backup.returncode == 0, backup.stderr[-2000:]
    (archive,) = (tmp_path / "backups").glob("presswatch-backup-*.tar.gz")
    stamp = archive.name.removeprefix("presswatch-backup-").removesuffix(".tar.gz")
    snapshot_name = re.search(r"Elasticsearch snapshot (\S+): SUCCESS", backup.stdout).group(1)
    assert snapshot_name == f"presswatch-{stamp}", (archive.name, snapshot_name)
    assert before <= datetime.strptime(stamp, "%Y%m%d-%H%M%S").replace(tzinfo=TZ) <= after

    client.indices.delete(index=f"{es_index}-*")  # the cluster lost its articles
    target = tmp_path / "restored"
    result = presswatch("restore", str(archive), "--elasticsearch-repo", location, data=target, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert snapshot_name in result.stdout
    assert ElasticsearchBackend(elasticsearch_url, es_index, refresh=True).count() == 5
    assert (target / "app.sqlite3").exists()
