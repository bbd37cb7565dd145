"""The crawler against the sample press's fault sites (faults.yaml), real servers on 127.0.0.1.

One crawl of the fault registry runs per module (with a short DOWNLOAD_TIMEOUT and a small
DOWNLOAD_MAXSIZE so the slow and the oversized page fail); each test then checks one fault family
against the index, the stats, the log and the server's request log. The redesign and the
JavaScript sites have their own files (test_faults_redesign.py, test_render_js.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from presswatch.sample_press import SampleArticle, SamplePress
from presswatch.sample_press.server import FAULT_REGISTRY
from search.backends.embedded import EmbeddedBackend
from search.document import document_id
from search.text import normalize
from tests.conftest import SAMPLE_END

REPO = Path(__file__).resolve().parents[2]
FAULTS = FAULT_REGISTRY  # presswatch/sample_press/faults.yaml
# Everything but the redesign site (its own test) and the browser site (test_render_js.py).
OUTLETS = "baosongcau,nhipsong,truyenhinhbacson,tinchop,baomiennui,baophonui,baokin,tinmang,baotamngung"
TEST_SETTINGS = {"DOWNLOAD_TIMEOUT": 2, "RETRY_TIMES": 1, "DOWNLOAD_MAXSIZE": 1_000_000}


@dataclass
class Crawl:
    stats: dict
    log: str
    index: EmbeddedBackend
    requests: list[str]  # the server's request log during the crawl
    data_dir: Path


def run_crawl(
    press: SamplePress,
    data_dir: Path,
    *,
    outlets: str = "",
    settings: dict | None = None,
    extra: tuple[str, ...] = (),
    env: dict | None = None,
    timeout: float = 240,
) -> Crawl:
    """One `python -m crawler.run` of the fault registry in its own process and data folder."""
    start = len(press.request_log)
    stats_path = data_dir / "stats.json"
    command = [
        sys.executable,
        "-m",
        "crawler.run",
        "--registry",
        str(FAULTS),
        "--sample-url",
        press.base_url,
        "--stats",
        str(stats_path),
        *extra,
    ]
    if outlets:
        command += ["--outlets", outlets]
    for key, value in (settings or {}).items():
        command += ["-s", f"{key}={json.dumps(value)}"]
    environment = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(data_dir),
        "PRESSWATCH_ELASTICSEARCH_URL": "",
        **(env or {}),
    }
    result = subprocess.run(
        command, env=environment, cwd=REPO, capture_output=True, text=True, timeout=timeout
    )
    assert stats_path.exists(), result.stderr[-4000:]
    index = EmbeddedBackend(data_dir / "index.sqlite3")
    stats = json.loads(stats_path.read_text())
    return Crawl(stats, result.stderr, index, press.request_log[start:], data_dir)


def health(data_dir: Path) -> dict[str, dict]:
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(data_dir)}
    result = subprocess.run(
        [sys.executable, "-m", "presswatch", "outlets", "health", "--json"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return {row["outlet_id"]: row for row in json.loads(result.stdout)}


def articles(press: SamplePress, outlet_id: str) -> list[SampleArticle]:
    return [a for a in press.fault_articles if a.outlet_id == outlet_id]


def path_of(press: SamplePress, article: SampleArticle) -> str:
    return press.url_for(article)[len(press.base_url) :]


def assert_indexed_exactly(crawl: Crawl, press: SamplePress, article: SampleArticle) -> None:
    document = crawl.index.get(document_id(press.url_for(article)))
    assert document is not None, f"not indexed: {press.url_for(article)}"
    assert document.title == normalize(article.title)
    body = normalize(document.body)
    for paragraph in article.paragraphs:
        assert normalize(paragraph) in body, (article.outlet_id, paragraph[:80])


@pytest.fixture(scope="module")
def press():
    with SamplePress(end=SAMPLE_END, slow_page_seconds=5.0) as running:
        yield running


@pytest.fixture(scope="module")
def crawl(press, tmp_path_factory) -> Crawl:
    return run_crawl(press, tmp_path_factory.mktemp("faults"), outlets=OUTLETS, settings=TEST_SETTINGS)


def test_the_crawl_finishes_and_indexes_only_what_it_should(crawl, press):
    assert crawl.stats["finish_reason"] == "finished"
    expected = {
        document_id(press.url_for(a))
        for a in press.fault_articles
        if a.outlet_id in OUTLETS.split(",")
        and not a.path.startswith("/noi-bo/")
        and a.path not in (press.faults.slow_path, press.faults.oversize_path)
    }
    assert crawl.index.ids() == expected


def test_legacy_encoded_articles_are_indexed_in_correct_vietnamese(crawl, press):
    checked = Counter()
    for article in articles(press, "baosongcau"):
        encoding, header, declared, _ = press.faults.legacy_variant(article)
        assert_indexed_exactly(crawl, press, article)
        checked[(encoding, header, declared)] += 1
    # Windows-1258 declared right (header and page), in the page only, not at all, wrongly as
    # ISO-8859-1 and wrongly as UTF-8; TCVN3 (.VnTime) text labelled windows-1252.
    assert len(checked) == 6, checked


def test_sitemap_only_site_is_walked_through_its_monthly_sitemaps(crawl, press):
    for article in articles(press, "nhipsong"):
        assert_indexed_exactly(crawl, press, article)
    months = {f"/nhipsong/sitemaps/{a.published_at:%Y-%m}.xml" for a in articles(press, "nhipsong")}
    assert len(months) == 2 and months <= set(crawl.requests)
    assert not any(r.startswith("/nhipsong/rss") for r in crawl.requests)


def test_paginated_sections_are_followed_to_their_last_page(crawl, press):
    for article in articles(press, "truyenhinhbacson"):
        assert_indexed_exactly(crawl, press, article)
    pages = [r for r in crawl.requests if r.startswith("/truyenhinhbacson/") and "?page=" in r]
    assert any(r.endswith("?page=3") for r in pages), pages


def test_429_and_5xx_are_retried_after_a_wait_and_everything_is_indexed(crawl, press):
    for article in articles(press, "tinchop"):
        assert_indexed_exactly(crawl, press, article)
    stats = crawl.stats
    assert stats.get("presswatch/retries/tinchop", 0) >= 3
    reasons = {key.split("/")[-1].split()[0] for key in stats if key.startswith("retry/reason_count/")}
    assert {"429", "500", "503"} <= reasons, reasons
    assert "Retrying" in crawl.log and "in 1.0 s (HTTP 429)" in crawl.log  # Retry-After honoured
    assert "presswatch/fetch_errors/tinchop" not in stats


def test_slow_page_times_out_and_oversized_page_is_refused_without_stopping_others(crawl, press):
    slow = f"/baomiennui{press.faults.slow_path}"
    oversize = f"/baomiennui{press.faults.oversize_path}"
    assert crawl.requests.count(oversize) == 1  # refused on its Content-Length, not retried
    assert crawl.requests.count(slow) == 2  # the first try and one retry, both past DOWNLOAD_TIMEOUT
    assert "timeout after 2 s" in crawl.log and slow in crawl.log
    assert "Too large, not fetched" in crawl.log and "DOWNLOAD_MAXSIZE=1000000" in crawl.log
    for article in articles(press, "baomiennui"):
        if article.path not in (press.faults.slow_path, press.faults.oversize_path):
            assert_indexed_exactly(crawl, press, article)
    assert crawl.stats["presswatch/too_large/baomiennui"] == 1


def test_redirect_chains_resolve_to_the_article_and_a_loop_is_cut(crawl, press):
    for article in articles(press, "baophonui"):
        assert_indexed_exactly(crawl, press, article)
        hops = [
            f"/baophonui/tin/{article.article_id}",
            f"/baophonui/bai-viet/{article.article_id}",
            path_of(press, article),
        ]
        assert all(hop in crawl.requests for hop in hops), hops
    assert "redirect loop" in crawl.log
    assert crawl.stats["presswatch/fetch_errors/baophonui"] == 1
    assert crawl.requests.count("/baophonui/vong-lap/1") == 1


def test_robots_txt_disallowed_section_is_never_requested(crawl, press):
    disallowed = press.faults.disallowed[0]
    assert not [r for r in crawl.requests if r.startswith(disallowed)]
    hidden = [a for a in articles(press, "baokin") if a.path.startswith("/noi-bo/")]
    assert hidden and all(crawl.index.get(document_id(press.url_for(a))) is None for a in hidden)
    for article in articles(press, "baokin"):
        if article not in hidden:
            assert_indexed_exactly(crawl, press, article)
    assert crawl.stats["presswatch/robots_denied/baokin"] == len(hidden) + 1  # + the section page
    assert "presswatch/fetch_errors/baokin" not in crawl.stats


def test_tracking_and_amp_copies_are_one_document_fetched_once(crawl, press):
    for article in articles(press, "tinmang"):
        assert_indexed_exactly(crawl, press, article)
        path = path_of(press, article)
        fetched = [r for r in crawl.requests if r.split("?")[0].split("#")[0].startswith(path)]
        assert fetched == [path], fetched  # no ?utm_, ?fbclid, ?amp=1 or /amp request went out
    documents = [d for d in (crawl.index.get(i) for i in crawl.index.ids()) if d.outlet_id == "tinmang"]
    assert len(documents) == len(articles(press, "tinmang"))


def test_a_dead_outlet_is_flagged_and_stops_nobody(crawl, press):
    rows = health(crawl.data_dir)
    assert rows["baotamngung"]["flagged"].startswith("no page fetched")
    assert rows["baotamngung"]["consecutive_failures"] == 1
    for outlet in OUTLETS.split(","):
        if outlet != "baotamngung":
            assert rows[outlet]["last_success"], outlet
            assert not rows[outlet]["flagged"], (outlet, rows[outlet]["flagged"])
