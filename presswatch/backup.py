"""Backups of everything Presswatch keeps on this machine, restorable into an empty instance.

SQLite files are copied with SQLite's online backup API, so a backup taken while the crawler or
the web app is writing is still consistent. The Elasticsearch index is backed up separately, as a
snapshot to a filesystem repository (`search.backends.es_indices.snapshot`).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from search.config import BACKED_UP_DATABASES, BACKED_UP_FILES, LOCAL_TZ
from search.private_files import private_dir, private_file

# What a data folder holds; anything else in it (logs, exports) is not part of a backup.
DATABASES = BACKED_UP_DATABASES
FILES = BACKED_UP_FILES
ALLOWED = (*DATABASES, *FILES)


class BackupError(RuntimeError):
    """A backup or restore that cannot proceed; the message says why and what to do."""


def _copy_database(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def _digest(path: Path) -> dict[str, Any]:
    sha = hashlib.sha256()
    with path.open("rb") as source:
        while block := source.read(1 << 20):
            sha.update(block)
    return {"size": path.stat().st_size, "sha256": sha.hexdigest()}


def backup_stamp(now: datetime | None = None) -> str:
    """The time in a backup's names, in Vietnam's time as the app shows times: the archive and its
    Elasticsearch snapshot take the same stamp, whatever zone the server keeps."""
    return (now or datetime.now(LOCAL_TZ)).astimezone(LOCAL_TZ).strftime("%Y%m%d-%H%M%S")


def snapshot_name(stamp: str) -> str:
    return f"presswatch-{stamp}"


def create_backup(
    data_dir: Path, destination: Path, *, now: datetime | None = None, snapshot: str = ""
) -> tuple[Path, dict[str, Any]]:
    """Write ``presswatch-backup-<time>.tar.gz`` into ``destination``; returns its path and manifest
    (each file's size and SHA-256, which a restore checks before it writes anything; the name of the
    Elasticsearch snapshot taken with it, if any, which a restore uses when not told one)."""
    private_dir(destination)
    now = (now or datetime.now(LOCAL_TZ)).astimezone(LOCAL_TZ)
    archive = private_file(
        destination / f"presswatch-backup-{backup_stamp(now)}.tar.gz"
    )  # secret key, hashes
    manifest: dict[str, Any] = {"created_at": now.isoformat(), "files": {}}
    if snapshot:
        manifest["elasticsearch_snapshot"] = snapshot
    with tempfile.TemporaryDirectory() as staging, tarfile.open(archive, "w:gz") as tar:
        for name in DATABASES:
            source = data_dir / name
            if source.exists():
                copy = Path(staging) / name
                _copy_database(source, copy)
                tar.add(copy, arcname=name)
                manifest["files"][name] = _digest(copy)
        for name in FILES:
            if (data_dir / name).exists():
                copy = Path(staging) / name
                shutil.copyfile(data_dir / name, copy)  # what is archived is what is checksummed
                tar.add(copy, arcname=name)
                manifest["files"][name] = _digest(copy)
        payload = json.dumps(manifest, indent=2).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(payload)
        tar.addfile(info, io.BytesIO(payload))
    return archive, manifest


def archive_snapshot(archive: Path) -> str:
    """The Elasticsearch snapshot taken with this backup: recorded in its manifest, else (a backup
    from before the record) the name its stamp gives; "" when the archive cannot be read."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            manifest = json.loads(_member_file(tar, "manifest.json").read())
        recorded = manifest.get("elasticsearch_snapshot") if isinstance(manifest, dict) else None
        if isinstance(recorded, str) and recorded:
            return recorded
    except (tarfile.TarError, EOFError, OSError, ValueError, KeyError):
        return ""  # the restore itself reports a damaged archive
    stamp = archive.name.removeprefix("presswatch-backup-").removesuffix(".tar.gz")
    return snapshot_name(stamp) if stamp != archive.name else ""


def _expected(manifest: dict[str, Any], archive: Path) -> dict[str, dict[str, Any]]:
    """The manifest's files as {name: {"size", "sha256"?}}; backups before checksums have sizes only."""
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, dict) or not files:
        raise BackupError(f"{archive}: the manifest lists no files: not a Presswatch backup.")
    expected = {}
    for name, entry in files.items():
        entry = {"size": entry} if isinstance(entry, int) else entry
        if name not in ALLOWED or not isinstance(entry, dict) or not isinstance(entry.get("size"), int):
            raise BackupError(f"{archive}: unexpected manifest entry {name!r}: not a Presswatch backup.")
        expected[name] = entry
    return expected


def _unpack_verified(archive: Path, staging: Path) -> list[str]:
    """Every member into ``staging`` (files 0600), checked against the manifest: only known flat
    names, regular files, none twice, none missing, each size and checksum as listed, each
    database readable. Raises ``BackupError`` on the first difference."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            members = tar.getmembers()  # reads the whole archive: a truncated one fails here
            names = [member.name for member in members]
            for member in members:
                if (
                    member.name not in (*ALLOWED, "manifest.json")
                    or not member.isfile()
                    or names.count(member.name) > 1
                ):
                    raise BackupError(
                        f"Unexpected entry {member.name!r} in {archive}: not a Presswatch backup."
                    )
            if "manifest.json" not in names:
                raise BackupError(f"{archive} has no manifest.json: not a Presswatch backup.")
            manifest = json.loads(_member_file(tar, "manifest.json").read())
            expected = _expected(manifest, archive)
            if sorted(expected) != sorted(n for n in names if n != "manifest.json"):
                raise BackupError(
                    f"{archive}: its files do not match its manifest "
                    f"({', '.join(sorted(set(expected) ^ set(names) - {'manifest.json'}))})."
                )
            for member in members:
                if member.name != "manifest.json":
                    _unpack_one(tar, member, staging / member.name, expected[member.name], archive)
    except (tarfile.TarError, EOFError, OSError, ValueError) as error:  # truncated, corrupt, not gzip
        raise BackupError(f"{archive} is damaged or not a backup ({error}); nothing was restored.") from error
    for name in expected:
        if name in DATABASES:
            try:
                with contextlib.closing(sqlite3.connect(f"file:{staging / name}?mode=ro", uri=True)) as db:
                    check = db.execute("PRAGMA quick_check").fetchone()[0]
            except sqlite3.DatabaseError as error:
                check = str(error)
            if check != "ok":
                raise BackupError(f"{archive}: {name} is not a sound SQLite database ({check}).")
    return sorted(expected)


def _member_file(tar: tarfile.TarFile, member: str | tarfile.TarInfo) -> IO[bytes]:
    """A regular file's contents (every member was checked to be one before this is called)."""
    source = tar.extractfile(member)
    if source is None:
        raise tarfile.TarError(f"{member} is not a regular file")
    return source


def _unpack_one(
    tar: tarfile.TarFile, member: tarfile.TarInfo, target: Path, expected: dict[str, Any], archive: Path
) -> None:
    if member.size != expected["size"]:
        raise BackupError(
            f"{archive}: {member.name} is {member.size} bytes, the manifest says {expected['size']}."
        )
    sha = hashlib.sha256()
    source = _member_file(tar, member)
    with os.fdopen(os.open(private_file(target), os.O_WRONLY | os.O_TRUNC), "wb") as out:
        while block := source.read(1 << 20):
            sha.update(block)
            out.write(block)
    if "sha256" in expected and sha.hexdigest() != expected["sha256"]:
        raise BackupError(f"{archive}: {member.name} does not match its checksum: the archive is damaged.")


def restore_backup(archive: Path, data_dir: Path, force: bool = False) -> list[str]:
    """Restore a backup into ``data_dir``; refuses to overwrite existing data unless ``force``.

    The whole archive is unpacked and checked in a staging folder first; only a backup that
    passes every check replaces files in the data folder (each file atomically)."""
    if not archive.is_file():
        raise BackupError(f"No backup at {archive}.")
    existing = [name for name in ALLOWED if (data_dir / name).exists()]
    if existing and not force:
        raise BackupError(
            f"{data_dir} already holds {', '.join(existing)}: restore into an empty data "
            "folder (PRESSWATCH_DATA_DIR) or pass --force to overwrite."
        )
    # Staged beside the data folder (same file system, so each file moves in atomically), or in
    # it when its parent is not ours to write.
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    beside = data_dir.parent if os.access(data_dir.parent, os.W_OK) else private_dir(data_dir)
    with tempfile.TemporaryDirectory(prefix=".presswatch-restore-", dir=beside) as staging:
        restored = _unpack_verified(archive, Path(staging))
        private_dir(data_dir)
        for name in restored:
            if name in DATABASES:  # a restored database must not be mixed with stale WAL files
                for suffix in ("-wal", "-shm"):
                    Path(f"{data_dir / name}{suffix}").unlink(missing_ok=True)
            os.replace(Path(staging) / name, data_dir / name)
    return restored
