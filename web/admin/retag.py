"""Retagging after a profile edit: ``annotate`` over every stored article, re-indexed in batches.

Runs in a background thread (the admin's request returns at once) and writes its progress to
``<data dir>/jobs/<id>.json``, which the status page reads; a file, not memory, so any worker
process can show it. One retag runs at a time; a second waits for the first.
"""

from __future__ import annotations

import json
import re
import secrets
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flask import Flask

from search.analysis import annotate, load_profiles
from search.backends import SearchRequest
from search.backends.base import SearchBackend
from search.corrections import CorrectionStore
from search.private_files import private_dir, write_private

BATCH = 500
JOB_ID = re.compile(r"^[0-9a-f]{16}$")
_one_at_a_time = threading.Lock()


def jobs_dir(data_dir: Path | str) -> Path:
    return Path(data_dir) / "jobs"


def _write(path: Path, status: dict[str, Any]) -> None:
    write_private(path, json.dumps(status, ensure_ascii=False).encode())  # it names the admin


def read_job(data_dir: Path | str, job_id: str) -> dict[str, Any] | None:
    if not JOB_ID.match(job_id):
        return None
    path = jobs_dir(data_dir) / f"{job_id}.json"
    try:
        job: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return job
    except (OSError, ValueError):
        return None


def retag_all(
    backend: SearchBackend,
    profiles_path: Path,
    progress: Callable[[dict[str, Any]], None],
    corrections: CorrectionStore | None = None,
) -> dict[str, Any]:
    """Annotate every article with the profiles in ``profiles_path``, put staff corrections back
    over the result, and index what changed."""
    profiles = load_profiles(profiles_path)
    status: dict[str, Any] = {"total": backend.count(), "done": 0, "changed": 0, "errors": []}
    batch = []
    for document in backend.scan(SearchRequest()):
        before = (list(document.topics), list(document.provinces), document.tone)
        annotate(document, profiles=profiles)
        if corrections is not None:
            corrections.apply(document)
        status["done"] += 1
        if before != (document.topics, document.provinces, document.tone):
            status["changed"] += 1
            batch.append(document)
        if len(batch) >= BATCH:
            status["errors"] = (status["errors"] + [list(e) for e in backend.index(batch).errors])[:20]
            batch = []
        if status["done"] % BATCH == 0:
            progress(status)
    if batch:
        status["errors"] = (status["errors"] + [list(e) for e in backend.index(batch).errors])[:20]
    return status


def start_retag(
    app: Flask,
    profiles_path: Path,
    requested_by: str,
    backend_factory: Callable[[], SearchBackend] | None = None,
) -> str:
    """Start retagging in a thread; returns the job id for ``read_job``."""
    job_id = secrets.token_hex(8)
    folder = jobs_dir(app.config["PRESSWATCH_DATA_DIR"])
    private_dir(folder)
    path = folder / f"{job_id}.json"
    status: dict[str, Any] = {
        "id": job_id,
        "state": "queued",
        "total": 0,
        "done": 0,
        "changed": 0,
        "errors": [],
        "requested_by": requested_by,
        "profiles": str(profiles_path),
        "created_at": datetime.now(UTC).isoformat(),
        "message": "",
    }
    _write(path, status)

    def report(update: dict[str, Any]) -> None:
        status.update(update)
        _write(path, status)

    def run() -> None:
        with _one_at_a_time, app.app_context():
            from web import services

            started = time.monotonic()
            report({"state": "running", "started_at": datetime.now(UTC).isoformat()})
            try:
                backend = backend_factory() if backend_factory else services.backend()
                corrections = CorrectionStore.open(app.config["PRESSWATCH_SEARCH"])
                try:
                    result = retag_all(backend, profiles_path, report, corrections)
                finally:
                    corrections.close()
                if hasattr(backend, "refresh_now"):
                    backend.refresh_now()
                report({**result, "state": "failed" if result["errors"] else "done"})
            except Exception as error:  # the status page must say why, not hang on "running"
                report({"state": "failed", "message": f"{type(error).__name__}: {error}"})
                app.logger.exception("retag job %s failed", job_id)
            finally:
                report(
                    {
                        "finished_at": datetime.now(UTC).isoformat(),
                        "seconds": round(time.monotonic() - started, 1),
                    }
                )

    threading.Thread(target=run, name=f"retag-{job_id}", daemon=True).start()
    return job_id
