"""Backups of everything Presswatch keeps on this machine, restorable into an empty instance.

SQLite files are copied with SQLite's online backup API, so a backup taken while the crawler or
the web app is writing is still consistent. The Elasticsearch index is backed up separately, as a
snapshot to a filesystem repository (`search.backends.es_indices.snapshot`).
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# What a data folder holds; anything else in it (logs, exports) is not part of a backup.
DATABASES = ("app.sqlite3", "crawl_state.sqlite3", "stories.sqlite3", "spool.sqlite3", "index.sqlite3")
FILES = ("secret_key", "topics.yaml")


class BackupError(RuntimeError):
    """A backup or restore that cannot proceed; the message says why and what to do."""


def _copy_database(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def create_backup(data_dir: Path, destination: Path) -> tuple[Path, dict]:
    """Write ``presswatch-backup-<time>.tar.gz`` into ``destination``; returns its path and manifest."""
    destination.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(LOCAL_TZ).strftime("%Y%m%d-%H%M%S")
    archive = destination / f"presswatch-backup-{stamp}.tar.gz"
    manifest: dict = {"created_at": datetime.now(LOCAL_TZ).isoformat(), "files": {}}
    with tempfile.TemporaryDirectory() as staging, tarfile.open(archive, "w:gz") as tar:
        for name in DATABASES:
            source = data_dir / name
            if source.exists():
                copy = Path(staging) / name
                _copy_database(source, copy)
                tar.add(copy, arcname=name)
                manifest["files"][name] = copy.stat().st_size
        for name in FILES:
            if (data_dir / name).exists():
                tar.add(data_dir / name, arcname=name)
                manifest["files"][name] = (data_dir / name).stat().st_size
        payload = json.dumps(manifest, indent=2).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(payload)
        tar.addfile(info, io.BytesIO(payload))
    os.chmod(archive, 0o600)  # it holds the secret key and password hashes
    return archive, manifest


def restore_backup(archive: Path, data_dir: Path, force: bool = False) -> list[str]:
    """Unpack a backup into ``data_dir``; refuses to overwrite existing data unless ``force``."""
    if not archive.is_file():
        raise BackupError(f"No backup at {archive}.")
    existing = [name for name in (*DATABASES, *FILES) if (data_dir / name).exists()]
    if existing and not force:
        raise BackupError(f"{data_dir} already holds {', '.join(existing)}: restore into an empty data "
                          "folder (PRESSWATCH_DATA_DIR) or pass --force to overwrite.")
    data_dir.mkdir(parents=True, exist_ok=True)
    allowed = {*DATABASES, *FILES}
    restored = []
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar.getmembers():
            name = PurePosixPath(member.name)
            if member.name == "manifest.json":
                continue
            # Only the known flat file names: a crafted archive cannot write outside data_dir.
            if len(name.parts) != 1 or member.name not in allowed or not member.isfile():
                raise BackupError(f"Unexpected entry {member.name!r} in {archive}: not a Presswatch backup.")
            tar.extract(member, data_dir, filter="data")
            restored.append(member.name)
    for name in DATABASES:  # a restored database must not be mixed with stale WAL files
        for suffix in ("-wal", "-shm"):
            Path(f"{data_dir / name}{suffix}").unlink(missing_ok=True)
    return restored
