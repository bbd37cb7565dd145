"""The embedded schedule: persistent jobs, a job fired twice sends once, crawls in a subprocess,
and `presswatch up` serving the app with its scheduler (one instance per data folder)."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

import pytest
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED

from presswatch import scheduler as schedule
from search.document import LOCAL_TZ
from tests.web.test_digest_support import (
    SMTPSink,
    add_subscription,
    doc,
    free_port,
    index,
    make_app,
    save_search,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def smtp():
    sink = SMTPSink().start()
    yield sink
    sink.stop()


def due_now(app) -> None:
    """A daily subscription whose digest of yesterday (local) is due now, and yesterday's news."""
    today = datetime.now(LOCAL_TZ).date()
    midnight = datetime.combine(today, clock_time.min, LOCAL_TZ)
    add_subscription(app, send_at="00:00", created=midnight - timedelta(minutes=1))
    index(
        app, [doc(n, f"Bắc Ninh: tin thứ {n} của hôm qua", midnight - timedelta(hours=n)) for n in (1, 2, 3)]
    )


def wait_for(predicate, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


def test_jobs_are_stored_and_survive_a_restart(smtp):
    app = make_app(smtp)
    scheduler = schedule.build_scheduler(app, crawl_minutes=30, crawl_args="--outlets a,b", paused=True)
    crawl = scheduler.get_job("crawl")
    assert list(crawl.args) == ["--outlets a,b", 120] and crawl.trigger.interval == timedelta(minutes=30)
    assert {job.id for job in scheduler.get_jobs()} == {"crawl", "digest", "alerts"}
    scheduler.modify_job("crawl", next_run_time=datetime.now(LOCAL_TZ) + timedelta(minutes=17))
    planned = scheduler.get_job("crawl").next_run_time
    scheduler.shutdown(wait=False)
    store = Path(app.config["PRESSWATCH_DATA_DIR"]) / "scheduler.sqlite3"
    with sqlite3.connect(store) as db:
        stored = {row[0] for row in db.execute("SELECT id FROM apscheduler_jobs")}
    assert stored == {"crawl", "digest", "alerts"}

    again = schedule.build_scheduler(app, crawl_minutes=30, crawl_args="--outlets a,b", paused=True)
    assert again.get_job("crawl").next_run_time == planned  # the cadence survived the restart
    again.shutdown(wait=False)
    changed = schedule.build_scheduler(app, crawl_minutes=0, paused=True)
    assert changed.get_job("crawl") is None  # crawling handed to cron
    changed.shutdown(wait=False)


def test_digest_job_fired_twice_sends_one_mail(smtp):
    app = make_app(smtp)
    due_now(app)
    scheduler = schedule.build_scheduler(
        app, crawl_minutes=0, digest_seconds=3600, alert_minutes=600, paused=True
    )
    finished: list[int] = []
    scheduler.add_listener(lambda event: finished.append(event.code), EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    try:
        scheduler.modify_job("digest", next_run_time=datetime.now(LOCAL_TZ))
        scheduler.resume()
        wait_for(lambda: len(finished) == 1)
        scheduler.modify_job("digest", next_run_time=datetime.now(LOCAL_TZ))
        wait_for(lambda: len(finished) == 2)
        threads = [threading.Thread(target=schedule.digest_job) for _ in range(3)]  # and by hand, at once
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    finally:
        scheduler.shutdown(wait=True)
    assert finished == [EVENT_JOB_EXECUTED, EVENT_JOB_EXECUTED]
    (message,) = smtp.messages
    assert message["Subject"].startswith("Điểm báo ngày ")


def test_crawl_job_crawls_in_a_subprocess_then_alerts(smtp):
    from presswatch.sample_press import SamplePress

    app = make_app(smtp)
    _, email = add_subscription(app, email="canh-bao@tuyengiao.test", frequency="daily")
    search_id = save_search(app, email, {}, name="Mọi bài")  # the search page with nothing typed
    add_subscription(
        app,
        email=email,
        kind="saved_search",
        target=str(search_id),
        frequency="immediate",
        created=datetime.now(LOCAL_TZ) - timedelta(minutes=1),
    )
    schedule.build_scheduler(app, crawl_minutes=0, paused=True).shutdown(wait=False)  # binds the app
    with SamplePress() as press:  # today's sample press
        code = schedule.crawl_job(f"--sample-url {press.base_url}", timeout_minutes=5)
    assert code == 0
    log = (Path(app.config["PRESSWATCH_DATA_DIR"]) / "logs" / "crawl.log").read_text(encoding="utf-8")
    assert "Crawl finished" in log and "-m presswatch crawl --sample-url" in log
    assert (
        stat.S_IMODE((Path(app.config["PRESSWATCH_DATA_DIR"]) / "logs" / "crawl.log").stat().st_mode) == 0o600
    )  # the data folder is private, the crawl's log too (issue 16, item 10)
    with app.app_context():
        from web import services

        assert services.backend().count() > 100
    alerts = [m for m in smtp.messages if m["Subject"].startswith("[Cảnh báo]")]
    assert len(alerts) == 1 and "bài mới" in alerts[0]["Subject"]


def _up(data_dir: Path, port: int) -> subprocess.Popen:
    code = (
        "import sys\nfrom presswatch.cli import main\nfrom presswatch.commands.digest import up_command\n"
        "main.add_command(up_command)\nmain()"
    )
    # PYTHONFAULTHANDLER: a process that will not stop dumps every thread's stack on SIGABRT.
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(data_dir),
        "PRESSWATCH_SECRET_KEY": "up-test",
        "PYTHONFAULTHANDLER": "1",
    }
    return subprocess.Popen(
        [sys.executable, "-c", code, "up", "--port", str(port), "--crawl-every", "0"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_up_serves_the_app_with_its_schedule(tmp_path):
    port = free_port()
    first = _up(tmp_path, port)
    try:

        def serving() -> bool:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/auth/login", timeout=2) as response:
                    return response.status == 200
            except OSError:
                assert first.poll() is None, first.stdout.read()
                return False

        wait_for(serving, timeout=60)
        assert stat.S_IMODE((tmp_path / "presswatch-up.lock").stat().st_mode) == 0o600
        with sqlite3.connect(tmp_path / "scheduler.sqlite3") as db:
            assert {row[0] for row in db.execute("SELECT id FROM apscheduler_jobs")} == {"digest", "alerts"}
        second = _up(tmp_path, free_port())
        output, _ = second.communicate(timeout=60)
        assert second.returncode != 0 and "already running" in output
    finally:
        # SIGTERM, as systemd or docker stop it (SIGINT would be ignored when this test itself
        # runs as a background job of a non-interactive shell, which inherits SIGINT ignored).
        first.send_signal(signal.SIGTERM)
        try:
            output, _ = first.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            first.send_signal(signal.SIGABRT)
            output, _ = first.communicate(timeout=30)
            pytest.fail(f"presswatch up did not stop on SIGTERM; its threads:\n{output[-6000:]}")
    assert "Presswatch is up" in output and "development server" not in output.lower()
    assert first.returncode == 0  # it shut down its scheduler and left, not killed by the signal


def test_on_elasticsearch_a_nightly_job_merges_closed_months(tmp_path, elasticsearch_url, es_index):
    from presswatch.app import create_app
    from search.backends import open_backend
    from search.config import SearchConfig

    config = SearchConfig.from_env(
        {
            "PRESSWATCH_DATA_DIR": str(tmp_path),
            "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_url,
            "PRESSWATCH_ELASTICSEARCH_INDEX": es_index,
        }
    )
    backend = open_backend(config, refresh=True)
    for batch in range(2):  # two refreshed batches: two segments in September's index
        backend.index(
            [
                doc(10 * batch + n, f"Tin tháng chín {n}", datetime(2026, 9, 3 + n, tzinfo=LOCAL_TZ))
                for n in range(3)
            ]
        )
    app = create_app({"PRESSWATCH_DATA_DIR": tmp_path, "PRESSWATCH_SEARCH": config})
    scheduler = schedule.build_scheduler(app, crawl_minutes=0, paused=True)
    job = scheduler.get_job("optimize")
    scheduler.shutdown(wait=False)
    assert job.trigger.interval == timedelta(days=1)
    assert (job.next_run_time.hour, job.next_run_time.minute) == (2, 30)

    assert schedule.optimize_job() == [f"{es_index}-g1-2026.09"]
    assert schedule.optimize_job() == []
    assert backend.count() == 6
    backend.close()


def test_on_the_embedded_index_there_is_no_optimize_job(smtp):
    scheduler = schedule.build_scheduler(make_app(smtp), crawl_minutes=0, paused=True)
    assert scheduler.get_job("optimize") is None
    scheduler.shutdown(wait=False)


def test_jobs_stored_before_the_scheduler_moved_are_replaced(smtp):
    """The scheduler lived at web.scheduler until issue 19: a data folder whose job store names
    the old module must start (the old job dropped and made anew), not fail to restore it."""
    import pickle

    app = make_app(smtp)
    schedule.build_scheduler(app, crawl_minutes=30, paused=True).shutdown(wait=False)
    store = Path(app.config["PRESSWATCH_DATA_DIR"]) / "scheduler.sqlite3"
    with sqlite3.connect(store) as db:
        for job_id, state in db.execute("SELECT id, job_state FROM apscheduler_jobs").fetchall():
            job = pickle.loads(state)
            job["func"] = job["func"].replace("presswatch.scheduler:", "web.scheduler:")
            db.execute("UPDATE apscheduler_jobs SET job_state = ? WHERE id = ?", (pickle.dumps(job), job_id))
    again = schedule.build_scheduler(app, crawl_minutes=30, paused=True)
    try:
        assert {job.id: job.func_ref for job in again.get_jobs()} == {
            "crawl": "presswatch.scheduler:crawl_job",
            "digest": "presswatch.scheduler:digest_job",
            "alerts": "presswatch.scheduler:alert_job",
        }
    finally:
        again.shutdown(wait=False)
