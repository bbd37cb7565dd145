"""Incremental and resumable crawling against the sample press on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from search.backends.embedded import EmbeddedBackend
from search.document import document_id

REPO = Path(__file__).resolve().parents[2]


def crawl_process(sample_url: str, data_dir: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(data_dir), "PRESSWATCH_ELASTICSEARCH_URL": ""}
    return subprocess.Popen(
        [sys.executable, "-m", "presswatch", "crawl", "--sample-url", sample_url, *extra],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def crawl(sample_url: str, data_dir: Path, *extra: str) -> str:
    process = crawl_process(sample_url, data_dir, *extra)
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err[-3000:]
    return out


def article_requests(press, since: int) -> list[str]:
    paths = {press.url_for(a).split(press.base_url, 1)[1] for a in press.articles}
    return [p for p in press.request_log[since:] if p.split("?")[0] in paths]


def indexed_count(data_dir: Path) -> int:
    path = data_dir / "index.sqlite3"
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(path, timeout=5) as db:
            return db.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_a_recrawl_fetches_no_known_article(sample_press, tmp_path):
    start = len(sample_press.request_log)
    first = crawl(sample_press.base_url, tmp_path)
    fetched_first = article_requests(sample_press, start)
    assert len(set(fetched_first)) == len(sample_press.articles), first
    middle = len(sample_press.request_log)
    second = crawl(sample_press.base_url, tmp_path)
    assert article_requests(sample_press, middle) == [], second
    assert "0 new" in second
    assert EmbeddedBackend(tmp_path / "index.sqlite3").count() == len(sample_press.articles)


def test_sigkill_mid_crawl_then_resume_neither_duplicates_nor_misses(sample_press, tmp_path):
    expected = {document_id(sample_press.url_for(a)) for a in sample_press.articles}
    for fraction in (0.2, 0.6):  # kill early, then kill again later in the resumed run
        process = crawl_process(sample_press.base_url, tmp_path)
        deadline = time.monotonic() + 300
        while indexed_count(tmp_path) < fraction * len(expected) and time.monotonic() < deadline:
            if process.poll() is not None:
                break
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
    crawl(sample_press.base_url, tmp_path)
    index = EmbeddedBackend(tmp_path / "index.sqlite3")
    assert index.count() == len(expected)
    assert index.ids() == expected


def test_since_bounds_a_backfill(sample_press, tmp_path):
    dates = sorted(a.published_at.date() for a in sample_press.articles)
    cutoff = dates[len(dates) // 2]
    crawl(sample_press.base_url, tmp_path, "--since", cutoff.isoformat())
    index = EmbeddedBackend(tmp_path / "index.sqlite3")
    expected = sum(1 for a in sample_press.articles if a.published_at.date() >= cutoff)
    assert index.count() == expected


def test_outlet_health_is_recorded(sample_press, tmp_path):
    crawl(sample_press.base_url, tmp_path)
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "presswatch", "outlets", "health", "--json"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    import json

    rows = {row["outlet_id"]: row for row in json.loads(result.stdout)}
    outlets = {a.outlet_id for a in sample_press.articles}
    assert outlets <= set(rows)
    for outlet in outlets:
        assert rows[outlet]["last_success"] and rows[outlet]["consecutive_failures"] == 0
        assert rows[outlet]["last"]["articles_new"] == sum(
            1 for a in sample_press.articles if a.outlet_id == outlet
        )
