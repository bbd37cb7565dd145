"""Documents Elasticsearch rejects one by one are kept, never dropped (issue 16, item 9).

A crawl while the index is away spools its articles and counts none of them as indexed; when the
index is back, those it rejects during the replay (a mapping conflict, a read-only index block)
become dead letters with the index's reason, listed on the operations page and sent again from
the command line or the page once the cause is fixed. Against a real node.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

from elasticsearch import Elasticsearch

from crawler.state import CrawlState
from presswatch.app import create_app
from search.backends.elastic import ElasticsearchBackend
from search.config import SearchConfig
from search.ingest import Ingester
from search.spool import Spool
from tests.helpers import logged_in_client
from tests.reliability.test_backup_restore import articles

REPO = Path(__file__).resolve().parents[2]


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"  # nothing listens there once closed


def _presswatch(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "presswatch", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _app(data: Path, url: str, alias: str):
    env = {
        "PRESSWATCH_DATA_DIR": str(data),
        "PRESSWATCH_ELASTICSEARCH_URL": url,
        "PRESSWATCH_ELASTICSEARCH_INDEX": alias,
    }
    return create_app(
        {
            "PRESSWATCH_DATA_DIR": data,
            "PRESSWATCH_DATABASE": data / "app.sqlite3",
            "PRESSWATCH_SEARCH": SearchConfig.from_env(env),
            "TESTING": True,
        }
    )


def test_a_mapping_conflict_during_replay_keeps_the_rejected_articles_and_the_crawl_fetches_them_again(
    tmp_path, sample_press, elasticsearch_url, es_index
):
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(tmp_path),
        "PRESSWATCH_ELASTICSEARCH_URL": _closed_port_url(),
        "PRESSWATCH_ELASTICSEARCH_INDEX": es_index,
    }
    outlets = ",".join(sorted({article.outlet_id for article in sample_press.articles})[:3])
    crawl = _presswatch(env, "crawl", "--sample-url", sample_press.base_url, "--outlets", outlets)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    spool = Spool(tmp_path / "spool.sqlite3")
    spooled = {document.id: document for _, document in spool.peek(10_000)}
    assert len(spooled) >= 30
    state = CrawlState(tmp_path / "crawl_state.sqlite3")
    assert state.known_urls() == set()  # spooled is not indexed: nothing counted yet
    state.close()

    # The index is back, but one month's index was made with a mapping that requires routing (as
    # another tool might have made it): the articles of that month conflict with it.
    backend = ElasticsearchBackend(elasticsearch_url, es_index)
    backend.ensure_index()
    months: dict[str, set[str]] = {}
    for document in spooled.values():
        months.setdefault(backend.layout.index_name(backend.generation, document.published_at), set()).add(
            document.id
        )
    assert len(months) > 1, months
    conflicting = sorted(months, key=lambda name: len(months[name]))[-2]  # not the biggest month
    rejected = months[conflicting]
    Elasticsearch(elasticsearch_url).indices.create(
        index=conflicting, mappings={"_routing": {"required": True}}
    )

    env["PRESSWATCH_ELASTICSEARCH_URL"] = elasticsearch_url
    replay = _presswatch(env, "spool", "replay")
    assert replay.returncode == 1, replay.stderr[-3000:]
    assert f"{len(rejected)} rejected" in replay.stdout
    assert len(spool) == 0
    letters = spool.dead_letters(10_000)
    assert {letter.document_id for letter in letters} == rejected
    assert all("routing is required" in letter.reason for letter in letters)
    backend.refresh_now()
    assert backend.ids() == set(spooled) - rejected

    # A crawl now records only what the index holds: the rejected articles stay to be fetched again.
    again = _presswatch(env, "crawl", "--sample-url", sample_press.base_url, "--outlets", outlets)
    assert again.returncode == 0, again.stderr[-3000:]
    state = CrawlState(tmp_path / "crawl_state.sqlite3")
    known = state.known_urls()
    state.close()
    assert {spooled[i].url for i in rejected}.isdisjoint(known)
    assert {spooled[i].url for i in set(spooled) - rejected} <= known
    assert {letter.document_id for letter in spool.dead_letters(10_000)} == rejected  # kept, retried

    page = logged_in_client(_app(tmp_path, elasticsearch_url, es_index), "editor").get("/operations/")
    html = page.get_data(as_text=True)
    assert f"{len(rejected)} bài bị kho từ chối" in html
    assert html.count("data-document=") == min(50, len(rejected))  # the most recent 50
    assert "routing is required" in html
    assert "dead-letters/replay" not in html  # sending again is for admins
    spool.close()


def test_a_read_only_index_rejects_a_replay_and_an_admin_sends_the_articles_again_from_the_page(
    tmp_path, elasticsearch_url, es_index
):
    spool = Spool(tmp_path / "spool.sqlite3")
    away = Ingester(ElasticsearchBackend(_closed_port_url(), es_index), spool=spool)
    report = away.add_many(articles(20))
    assert report.spooled == 20 and len(spool) == 20

    backend = ElasticsearchBackend(elasticsearch_url, es_index, refresh=True)
    backend.ensure_index()
    client = Elasticsearch(elasticsearch_url)
    client.indices.create(index=backend.layout.index_name(backend.generation, articles(1)[0].published_at))
    client.indices.put_settings(index=f"{es_index}-*", settings={"index.blocks.write": True})
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(tmp_path),
        "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_url,
        "PRESSWATCH_ELASTICSEARCH_INDEX": es_index,
    }
    replay = _presswatch(env, "spool", "replay")
    assert replay.returncode == 1 and "20 rejected" in replay.stdout, replay.stdout + replay.stderr
    assert len(spool) == 0 and spool.dead_count() == 20
    assert all("index write" in letter.reason for letter in spool.dead_letters())

    app = _app(tmp_path, elasticsearch_url, es_index)
    admin = logged_in_client(app, "admin")
    html = admin.get("/operations/").get_data(as_text=True)
    assert html.count("data-document=") == 20 and "index write" in html
    client.indices.put_settings(index=f"{es_index}-*", settings={"index.blocks.write": False})
    token = re.search(
        r'action="/operations/dead-letters/replay">\s*<input type="hidden" name="csrf_token" '
        r'value="([^"]+)"',
        html,
    ).group(1)
    assert admin.post("/operations/dead-letters/replay").status_code == 400  # CSRF enforced
    sent = admin.post("/operations/dead-letters/replay", data={"csrf_token": token}, follow_redirects=True)
    assert sent.status_code == 200
    assert 'id="dead-letters"' not in sent.get_data(as_text=True)
    assert spool.dead_count() == 0 and len(spool) == 0
    backend.refresh_now()
    assert backend.count() == 20
    spool.close()


def test_after_an_admin_sends_the_spool_the_pages_count_the_articles_at_once(
    tmp_path, elasticsearch_url, es_index
):
    """walk6 (2026-12-03): "Đã gửi lại: 248 bài vào kho" above "Số bài 0" — the replayed articles
    became searchable only at Elasticsearch's next refresh, after the page had counted."""
    spool = Spool(tmp_path / "spool.sqlite3")
    away = Ingester(ElasticsearchBackend(_closed_port_url(), es_index), spool=spool)
    assert away.add_many(articles(20)).spooled == 20  # what a crawl does while the node is down
    spool.close()
    app = _app(tmp_path, elasticsearch_url, es_index)
    admin = logged_in_client(app, "admin")
    html = admin.get("/operations/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    sent = admin.post("/operations/dead-letters/replay", data={"csrf_token": token}, follow_redirects=True)
    page = sent.get_data(as_text=True)
    assert "Đã gửi lại: 20 bài vào kho" in page
    assert re.search(r'<span class="kpi-value document-count">([\d.]+)</span>', page).group(1) == "20"
    search = admin.get("/search").get_data(as_text=True)
    assert re.search(r'<strong class="total">(\d+)</strong>', search).group(1) == "20"


def test_a_dead_letter_replayed_after_a_newer_version_was_indexed_does_not_overwrite_it(
    tmp_path, elasticsearch_url, es_index
):
    """walk6 (2026-12-03): an article refused (a write block) stays a dead letter; a later crawl,
    once the block is gone, indexes its edited version; the admin's "Gửi lại vào kho" then wrote
    the old refused version over it — search showed the title the outlet had already changed."""
    (first,) = articles(1)
    backend = ElasticsearchBackend(elasticsearch_url, es_index, refresh=True)
    backend.ensure_index()
    client = Elasticsearch(elasticsearch_url)
    client.indices.create(index=backend.layout.index_name(backend.generation, first.published_at))
    client.indices.put_settings(index=f"{es_index}-*", settings={"index.blocks.write": True})
    spool = Spool(tmp_path / "spool.sqlite3")
    crawl = Ingester(backend, spool=spool)  # what the crawl's pipeline holds
    crawl.add_many([first])
    assert spool.dead_count() == 1

    client.indices.put_settings(index=f"{es_index}-*", settings={"index.blocks.write": False})
    (edited,) = articles(1)
    edited.title = "Cử tri kiến nghị: tỉnh đã trả lời"  # the outlet edited it; a later crawl
    crawl.add_many([edited])
    spool.close()

    app = _app(tmp_path, elasticsearch_url, es_index)
    admin = logged_in_client(app, "admin")
    html = admin.get("/operations/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    admin.post("/operations/dead-letters/replay", data={"csrf_token": token}, follow_redirects=True)
    backend.refresh_now()
    assert backend.get(first.id).title == edited.title
    page = admin.get("/search", query_string={"q": '"tỉnh đã trả lời"'}).get_data(as_text=True)
    assert re.search(r'<strong class="total">(\d+)</strong>', page).group(1) == "1"
