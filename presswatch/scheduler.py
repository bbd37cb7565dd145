"""The embedded schedule of ``presswatch up``: crawls, digests and alerts beside the web app.

APScheduler runs its jobs from a persistent SQLAlchemy job store (``<data dir>/scheduler.sqlite3``),
so the crawl cadence survives a restart and a crawl missed while the process was down runs once
on start (coalesced):

* ``crawl``   — every ``crawl_minutes``: ``python -m presswatch crawl ...`` in a subprocess (Scrapy's
  Twisted reactor runs once per process), output appended to ``<data dir>/logs/crawl.log``; the
  alerts are checked as soon as it finishes;
* ``digest``  — every minute: due digests, then delivery of the outbox (retries included);
* ``alerts``  — every ``alert_minutes``: immediate alerts on new articles;
* ``optimize`` — on Elasticsearch, nightly at 02:30: closed months' indices merged to one segment
  (``presswatch index optimize``; only months that re-crawls changed are merged again).

Mails are sent exactly once per (subscription, period) whatever the scheduler does: the outbox
decides (web/digest/outbox.py), so a job that fires twice or late sends nothing twice.
Production may use cron or systemd timers instead (docs/OPERATIONS.md).
"""

from __future__ import annotations

import fcntl
import logging
import os
import shlex
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from flask import Flask

from search.config import SCHEDULER_FILE
from search.document import LOCAL_TZ
from search.private_files import private_file

log = logging.getLogger(__name__)
REPO = Path(__file__).resolve().parent.parent
_app: Flask | None = None  # the app the jobs run against; set by ``build_scheduler``
_digest_lock = threading.Lock()  # one digest run at a time in this process


class AlreadyRunning(RuntimeError):
    pass


def _data_dir(app: Flask) -> Path:
    return Path(app.config["PRESSWATCH_DATA_DIR"])


def crawl_command(args: str = "") -> list[str]:
    """The same code as ``presswatch crawl``, in its own process."""
    return [sys.executable, "-m", "presswatch", "crawl", *shlex.split(args)]


def crawl_job(args: str = "", timeout_minutes: float = 120) -> int:
    """One crawl in a subprocess; then the alerts, so news is mailed right after it is indexed."""
    app = _require_app()
    logs = _data_dir(app) / "logs"
    private_file(logs / "crawl.log")  # 0600 before the first append (the data folder is private)
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(_data_dir(app))}
    started = datetime.now(LOCAL_TZ)
    with (logs / "crawl.log").open("a", encoding="utf-8") as out:
        out.write(f"\n=== {started:%Y-%m-%d %H:%M:%S%z} {shlex.join(crawl_command(args))}\n")
        out.flush()
        try:
            result = subprocess.run(
                crawl_command(args),
                env=env,
                cwd=REPO,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=timeout_minutes * 60,
                check=False,
            )
            code = result.returncode
        except subprocess.TimeoutExpired:
            out.write(f"=== crawl stopped after {timeout_minutes} minutes\n")
            code = -1
    log.info("crawl finished with exit code %s", code)
    alert_job()
    return code


def digest_job() -> None:
    _run(alerts=False)


def alert_job() -> None:
    _run(alerts=True)


def _run(*, alerts: bool) -> None:
    from web.digest.runner import run

    app = _require_app()
    with _digest_lock:
        report = run(app, alerts=alerts)
    if report.digests or report.alerts or report.delivery.sent or report.delivery.errors or report.errors:
        log.info("digest run: %s", report.summary())
    for error in report.errors + report.delivery.errors:
        log.warning("digest run: %s", error)


def optimize_job() -> list[str]:
    """Merge closed months' Elasticsearch indices (a no-op for months already merged)."""
    from search.backends.elastic import ElasticsearchBackend
    from web import services

    with _require_app().app_context():
        backend = services.backend()
        assert isinstance(backend, ElasticsearchBackend)  # the job is only scheduled with Elasticsearch
        merged = backend.optimize()
    log.info("merged %d closed month index(es): %s", len(merged), ", ".join(merged) or "none")
    return merged


def _next(at: clock_time) -> datetime:
    now = datetime.now(LOCAL_TZ)
    today = datetime.combine(now.date(), at, LOCAL_TZ)
    return today if today > now else today + timedelta(days=1)


def _require_app() -> Flask:
    if _app is None:
        raise RuntimeError("the scheduler's jobs need build_scheduler(app) first")
    return _app


def build_scheduler(
    app: Flask,
    *,
    crawl_minutes: float = 60,
    crawl_args: str = "",
    digest_seconds: float = 60,
    alert_minutes: float = 5,
    crawl_timeout_minutes: float = 120,
    paused: bool = False,
) -> BackgroundScheduler:
    """A started scheduler with the jobs in place; ``crawl_minutes=0`` leaves crawling to cron.

    ``paused``: jobs are stored but nothing runs until ``scheduler.resume()`` (inspection, tests).
    """
    global _app
    _app = app
    store = SQLAlchemyJobStore(url=f"sqlite:///{private_file(_data_dir(app) / SCHEDULER_FILE)}")
    scheduler = BackgroundScheduler(
        jobstores={"default": store},
        executors={"default": ThreadPoolExecutor(4)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        timezone=LOCAL_TZ,
    )
    scheduler.start(paused=True)
    _ensure_job(scheduler, "digest", "presswatch.scheduler:digest_job", seconds=digest_seconds)
    _ensure_job(scheduler, "alerts", "presswatch.scheduler:alert_job", seconds=alert_minutes * 60)
    if crawl_minutes > 0:
        _ensure_job(
            scheduler,
            "crawl",
            "presswatch.scheduler:crawl_job",
            seconds=crawl_minutes * 60,
            args=[crawl_args, crawl_timeout_minutes],
            first_run=datetime.now(LOCAL_TZ),
        )
    elif scheduler.get_job("crawl"):
        scheduler.remove_job("crawl")
    if app.config["PRESSWATCH_SEARCH"].backend == "elasticsearch":
        _ensure_job(
            scheduler,
            "optimize",
            "presswatch.scheduler:optimize_job",
            seconds=24 * 3600,
            first_run=_next(clock_time(2, 30)),
        )
    elif scheduler.get_job("optimize"):
        scheduler.remove_job("optimize")
    if not paused:
        scheduler.resume()
    return scheduler


def _ensure_job(
    scheduler: BackgroundScheduler,
    job_id: str,
    func: str,
    *,
    seconds: float,
    args: list[object] | None = None,
    first_run: datetime | None = None,
) -> None:
    """Keep a stored job with the same settings (and its next run time); otherwise (re)create it."""
    args = args or []
    try:
        existing = scheduler.get_job(job_id)
    except LookupError:
        # A stored job whose function can no longer be imported (the scheduler lived at
        # web.scheduler before the composition root): drop it and make it anew.
        scheduler.remove_job(job_id)
        existing = None
    if (
        existing is not None
        and existing.func_ref == func
        and list(existing.args) == args
        and existing.trigger.interval.total_seconds() == seconds
    ):
        return
    options = {"next_run_time": first_run} if first_run else {}
    scheduler.add_job(
        func, "interval", seconds=seconds, args=args, id=job_id, name=job_id, replace_existing=True, **options
    )


@contextmanager
def single_instance(app: Flask) -> Iterator[None]:
    """One ``presswatch up`` per data folder: a second one would crawl the same outlets twice."""
    path = _data_dir(app) / "presswatch-up.lock"
    private_file(path)  # created 0600; "w" below keeps the mode
    with path.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise AlreadyRunning(f"presswatch up is already running for {_data_dir(app)}") from error
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
