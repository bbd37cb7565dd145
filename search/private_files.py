"""The data folder is private: created 0700, every file in it created 0600 from its first byte.

The folder holds the app database (password hashes, subscriptions), the secret key, the index and
the crawl state. A file is never created with the umask's default and tightened afterwards (a
chmod after the write leaves a window in which others can open it): files are opened with their
final mode, and SQLite databases are created empty that way before SQLite opens them (SQLite gives
a database's -wal and -shm files the database file's own mode).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: str | Path) -> Path:
    """``path`` as a directory; created 0700 if missing (an existing one keeps its mode)."""
    path = Path(path)
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    return path


def private_file(path: str | Path) -> Path:
    """Create ``path`` empty with mode 0600 unless it exists (an empty file is an empty SQLite
    database); its folder is created 0700. An existing file others can read is made 0600."""
    path = Path(path)
    private_dir(path.parent)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:
        if os.stat(path).st_mode & 0o077:  # made by an older release: others could read it already
            os.chmod(path, FILE_MODE)
    return path


def connect_private(path: str | Path, **kwargs: Any) -> sqlite3.Connection:
    """``sqlite3.connect`` on a database file created 0600 in a 0700 folder."""
    connection: sqlite3.Connection = sqlite3.connect(private_file(path), **kwargs)  # kwargs: Any
    return connection


def write_private(path: str | Path, data: bytes, *, replace: bool = True) -> bool:
    """Write ``data`` to ``path`` atomically, the file 0600 from the start (``mkstemp``).

    ``replace=False`` keeps a file that already exists (two processes creating the same secret
    both end up reading the first one's); returns whether ``data`` was written."""
    path = Path(path)
    private_dir(path.parent)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if replace:
            os.replace(temp, path)
            return True
        try:
            os.link(temp, path)  # atomic, and fails if another process got there first
        except FileExistsError:
            return False
        return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
