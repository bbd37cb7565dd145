"""The data folder is private (issue 16, item 10): created 0700, its files 0600 from their first
byte (password hashes, subscriptions, the secret key, the index); and a restore checks the whole
archive before it touches the data folder."""

from __future__ import annotations

import hashlib
import io
import os
import stat
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from presswatch.backup import BackupError, create_backup, restore_backup
from search.backends.embedded import EmbeddedBackend
from tests.reliability.test_backup_restore import articles

REPO = Path(__file__).resolve().parents[2]


def _as_typical_user() -> None:
    os.umask(0o022)  # the usual default: new files 0644, new folders 0755


def _presswatch(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "presswatch", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=_as_typical_user,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_data_folder_and_everything_the_app_and_a_crawl_write_are_private(tmp_path, sample_press):
    data = tmp_path / "var"  # does not exist yet: the first command creates it
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(data), "PRESSWATCH_ELASTICSEARCH_URL": ""}
    env.pop("PRESSWATCH_SECRET_KEY", None)
    _presswatch(
        env, "users", "create", "--email", "an@so.vn", "--role", "admin", "--password", "mat-khau-123"
    )
    _presswatch(env, "crawl", "--sample-url", sample_press.base_url)
    assert oct(_mode(data)) == oct(0o700)
    files = {
        path.relative_to(data).as_posix(): oct(_mode(path)) for path in data.rglob("*") if path.is_file()
    }
    for name in ("app.sqlite3", "secret_key", "index.sqlite3", "crawl_state.sqlite3", "stories.sqlite3"):
        assert name in files
    assert files == dict.fromkeys(files, oct(0o600))  # -wal and -shm files included
    folders = [path for path in data.rglob("*") if path.is_dir()]
    assert all(_mode(folder) == 0o700 for folder in folders), folders


def test_the_secret_key_is_written_private_not_tightened_afterwards(tmp_path, monkeypatch):
    from web.config import _secret_key

    def no_chmod(*args, **kwargs):
        raise AssertionError("the key was readable by others until this chmod")

    monkeypatch.delenv("PRESSWATCH_SECRET_KEY", raising=False)
    monkeypatch.setattr(os, "chmod", no_chmod)
    previous = os.umask(0o022)
    try:
        key = _secret_key(tmp_path / "data")
    finally:
        os.umask(previous)
    path = tmp_path / "data" / "secret_key"
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700
    assert len(key) == 64 and _secret_key(tmp_path / "data") == key  # kept, not regenerated


# -- restore checks the whole archive first -------------------------------------------------------
def _backup(tmp_path: Path) -> Path:
    EmbeddedBackend(tmp_path / "source" / "index.sqlite3").index(articles(30))
    (tmp_path / "source" / "topics.yaml").write_text("profiles: []\n", encoding="utf-8")
    archive, _ = create_backup(tmp_path / "source", tmp_path / "backups")
    return archive


def _rewrite(archive: Path, target: Path, change) -> Path:
    """A copy of ``archive`` whose members pass through ``change(name, bytes) -> bytes | None``."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as out:
        for member in source.getmembers():
            data = change(member.name, source.extractfile(member).read())
            if data is not None:
                info = tarfile.TarInfo(member.name)
                info.size = len(data)
                out.addfile(info, io.BytesIO(data))
    return target


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def _flip_a_byte(name: str, data: bytes) -> bytes:
    if name != "index.sqlite3":
        return data
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]  # same size


def test_a_damaged_file_in_the_archive_restores_nothing_and_says_so(tmp_path):
    archive = _rewrite(_backup(tmp_path), tmp_path / "damaged.tar.gz", _flip_a_byte)
    current = tmp_path / "current"
    EmbeddedBackend(current / "index.sqlite3").index(articles(3))
    (current / "topics.yaml").write_text("profiles: [] # current\n", encoding="utf-8")
    before = _snapshot(current)
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(current)}
    result = subprocess.run(
        [sys.executable, "-m", "presswatch", "restore", str(archive), "--force"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "index.sqlite3 does not match its checksum" in result.stderr
    assert _snapshot(current) == before  # topics.yaml, earlier in the archive, was not restored either
    assert not list(tmp_path.glob(".presswatch-restore-*"))


def test_a_truncated_archive_restores_nothing(tmp_path):
    archive = _backup(tmp_path)
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size * 2 // 3])
    with pytest.raises(BackupError, match="damaged"):
        restore_backup(truncated, tmp_path / "restored")
    assert not (tmp_path / "restored").exists() or not any((tmp_path / "restored").iterdir())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda name, data: None if name == "manifest.json" else data, "no manifest"),
        (lambda name, data: None if name == "topics.yaml" else data, "do not match its manifest"),
        (lambda name, data: data + b"\n" if name == "topics.yaml" else data, "the manifest says"),
    ],
)
def test_an_archive_that_differs_from_its_manifest_restores_nothing(tmp_path, change, message):
    archive = _rewrite(_backup(tmp_path), tmp_path / "changed.tar.gz", change)
    with pytest.raises(BackupError, match=message):
        restore_backup(archive, tmp_path / "restored")
    assert not (tmp_path / "restored").exists()


def test_a_restored_data_folder_is_private(tmp_path):
    archive = _backup(tmp_path)
    previous = os.umask(0o022)
    try:
        restored = restore_backup(archive, tmp_path / "restored")
    finally:
        os.umask(previous)
    assert sorted(restored) == ["index.sqlite3", "topics.yaml"]
    assert _mode(tmp_path / "restored") == 0o700
    assert all(_mode(path) == 0o600 for path in (tmp_path / "restored").iterdir())
    assert EmbeddedBackend(tmp_path / "restored" / "index.sqlite3").count() == 30


def test_a_database_an_older_release_left_readable_is_made_private_when_opened(tmp_path):
    import sqlite3

    from web.db import connect

    path = tmp_path / "app.sqlite3"
    sqlite3.connect(path).close()
    path.chmod(0o644)
    connect(path).close()
    assert _mode(path) == 0o600
