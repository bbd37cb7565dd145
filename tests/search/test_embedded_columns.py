"""The embedded index's in-memory columns follow writes made through another connection.

The web app and the crawler are two processes on one SQLite file: the app's columns (facets,
histograms, story sizes, ordering) must show what the crawler wrote, updated and deleted.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from search.backends import SearchRequest, sqlite_schema
from search.backends.embedded import EmbeddedBackend
from search.document import Document

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
OUTLETS = ["baoa", "baob", "baoc"]
TOPICS = ["Đất đai", "Môi trường", "An toàn giao thông"]
PROVINCES = ["Bắc Ninh", "Hà Nội", "Lào Cai"]


def article(n: int, rng: random.Random) -> Document:
    return Document(
        url=f"https://{rng.choice(OUTLETS)}.vn/bai-{n}.html",
        outlet_id=rng.choice(OUTLETS),
        outlet_kind=rng.choice(["central-daily", "provincial-party-paper"]),
        title=f"Bài {n} về {rng.choice(['đất đai', 'môi trường', 'giao thông'])}",
        sapo="",
        body=rng.choice(["Kiến nghị của cử tri.", "Ô nhiễm nước thải.", "Tai nạn giao thông giảm."]),
        provinces=rng.sample(PROVINCES, rng.randint(0, 2)),
        topics=rng.sample(TOPICS, rng.randint(1, 2)),
        tone=rng.choice(["negative", "neutral", "positive"]),
        # Few distinct times, so that ordering ties are broken by id.
        published_at=datetime(2026, 3, 1, 8, tzinfo=TZ) + timedelta(days=rng.randint(0, 20)),
        story_id=f"story-{rng.randint(0, 6)}",
    )


def answers(backend: EmbeddedBackend, request: SearchRequest) -> tuple:
    result = backend.search(request)
    return (
        result.total,
        [hit.document.id for hit in result.hits],
        [(hit.story_size, hit.story_outlets) for hit in result.hits],
        result.facets,
        result.histogram,
    )


REQUESTS = [
    SearchRequest(query="", limit=50, histogram="day"),
    SearchRequest(query="", limit=50, sort="date", collapse=True, histogram="week"),
    SearchRequest(query="giao thông OR kiến nghị", limit=10, offset=3),
    SearchRequest(query="tone:negative", topics=["Đất đai"], limit=50, sort="date"),
]


def test_a_reader_follows_inserts_updates_and_deletes_of_another_connection(tmp_path):
    path = tmp_path / "index.sqlite3"
    crawler, web = EmbeddedBackend(path), EmbeddedBackend(path)
    rng = random.Random(7)
    written: dict[str, Document] = {}  # by URL, as the index keys them
    numbers = iter(range(10_000))
    for step in range(40):
        if rng.random() < 0.6 or not written:
            batch = [article(next(numbers), rng) for _ in range(rng.randint(1, 4))]
        else:  # re-crawl: same URL, new metadata
            batch = []
            for url in rng.sample(sorted(written), min(2, len(written))):
                changed = article(next(numbers), rng)
                batch.append(replace(changed, url=url, id=""))  # the id follows the URL
        crawler.index(batch)
        written.update((document.url, document) for document in batch)
        if step % 7 == 6:
            crawler.delete(written.pop(rng.choice(sorted(written))).id)
        fresh = EmbeddedBackend(path)  # reads everything from scratch
        for request in REQUESTS:
            assert answers(web, request) == answers(fresh, request), (step, request)
        fresh.close()
    assert web.search(SearchRequest(limit=0)).total == len(written)


def test_a_reader_behind_a_pruned_change_log_reloads(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite_schema, "CHANGES_KEPT", 3)
    path = tmp_path / "index.sqlite3"
    crawler, web = EmbeddedBackend(path), EmbeddedBackend(path)
    rng = random.Random(3)
    crawler.index([article(n, rng) for n in range(5)])
    assert web.search(SearchRequest()).total == 5
    crawler.index([article(n, rng) for n in range(5, 15)])  # far more changes than the log keeps
    result = web.search(SearchRequest(limit=0))
    assert result.total == 15
    assert sum(count for _, count in result.facets["tone"]) == 15


def test_date_order_breaks_ties_by_id(tmp_path):
    backend = EmbeddedBackend(tmp_path / "index.sqlite3")
    rng = random.Random(11)
    documents = [article(n, rng) for n in range(30)]
    backend.index(documents)
    hits = backend.search(SearchRequest(sort="date", limit=30)).hits
    expected = sorted(documents, key=lambda d: (-d.published_at.timestamp(), d.id))
    assert [hit.document.id for hit in hits] == [d.id for d in expected]


@pytest.mark.parametrize("collapse", [False, True])
def test_paging_never_repeats_or_skips(tmp_path, collapse):
    backend = EmbeddedBackend(tmp_path / "index.sqlite3")
    rng = random.Random(5)
    backend.index([article(n, rng) for n in range(40)])
    request = SearchRequest(query="giao thông OR kiến nghị OR ô nhiễm", limit=7, collapse=collapse)
    whole = backend.search(SearchRequest(query=request.query, limit=100, collapse=collapse))
    paged = []
    for offset in range(0, whole.total, 7):
        request.offset = offset
        paged += [hit.document.id for hit in backend.search(request).hits]
    assert paged == [hit.document.id for hit in whole.hits]


def test_queries_without_text_answer_from_the_columns_as_sql_would(tmp_path):
    """An empty query is answered from the columns; ``published:>=2000`` matches every article
    too but goes through SQLite: with the same filters both must agree, pivots included."""
    backend = EmbeddedBackend(tmp_path / "index.sqlite3")
    rng = random.Random(9)
    backend.index([article(n, rng) for n in range(60)])
    for _ in range(25):
        filters = dict(
            outlets=rng.sample(OUTLETS, rng.randint(0, 2)),
            topics=rng.sample(TOPICS + ["Không có"], rng.randint(0, 2)),
            provinces=[p.lower() for p in rng.sample(PROVINCES, rng.randint(0, 1))],
            tones=rng.sample(["negative", "neutral"], rng.randint(0, 1)),
            date_from=rng.choice([None, datetime(2026, 3, 5).date()]),
            date_to=rng.choice([None, datetime(2026, 3, 15).date()]),
        )
        by_columns = SearchRequest(query="", sort="date", limit=100, **filters)
        by_sql = SearchRequest(query="published:>=2000-01-01", sort="date", limit=100, **filters)
        assert answers(backend, by_columns) == answers(backend, by_sql)
        for row, column in (("topic", "tone"), ("outlet", "province"), ("province", "topic")):
            assert backend.pivot(by_columns, row, column) == backend.pivot(by_sql, row, column)


def test_warm_reads_the_columns_before_the_first_search(tmp_path):
    path = tmp_path / "index.sqlite3"
    EmbeddedBackend(path).index([article(n, random.Random(n)) for n in range(8)])
    started = EmbeddedBackend(path)
    assert started.columns._snapshot is None
    started.warm()
    assert started.columns._snapshot is not None and int(started.columns._snapshot.live.sum()) == 8
