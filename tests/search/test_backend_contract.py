"""One contract, both backends: the embedded index and a real Elasticsearch node answer alike."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from search.backends import SearchRequest
from search.backends.elastic import ElasticsearchBackend
from search.backends.embedded import EmbeddedBackend
from search.document import Document
from search.query import QueryError

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def doc(
    n: int,
    title: str,
    body: str,
    *,
    outlet: str = "baoa",
    kind: str = "central-daily",
    day: int = 1,
    hour: int = 9,
    provinces=(),
    topics=(),
    tone: str = "neutral",
    story: str = "",
) -> Document:
    return Document(
        url=f"https://{outlet}.vn/bai-{n}.html",
        outlet_id=outlet,
        outlet_kind=kind,
        title=title,
        sapo="",
        body=body,
        provinces=list(provinces),
        topics=list(topics),
        tone=tone,
        published_at=datetime(2026, 3, day, hour, 0, tzinfo=TZ),
        story_id=story,
    )


CORPUS = [
    doc(
        1,
        "Bắc Ninh: 90% kiến nghị được giải quyết",
        "Người dân gửi phản ánh, kiến nghị trên ứng dụng.",
        provinces=["Bắc Ninh"],
        topics=["Chuyển đổi số"],
        day=1,
    ),
    doc(
        2,
        "Hà Nội đẩy mạnh chính quyền điện tử",
        "Dịch vụ công trực tuyến toàn trình.",
        outlet="baob",
        kind="provincial-party-paper",
        provinces=["Hà Nội"],
        topics=["Chuyển đổi số"],
        day=2,
    ),
    doc(
        3,
        "Tai nạn giao thông giảm",
        "Số vụ tai nạn giao thông giảm mạnh ở Bắc Giang.",
        outlet="baob",
        kind="provincial-party-paper",
        provinces=["Bắc Giang"],
        topics=["An toàn giao thông"],
        tone="negative",
        day=3,
        hour=23,
    ),
    doc(
        4,
        "Thu hút đầu tư vào khu công nghiệp",
        "Bắc Ninh thu hút vốn FDI. Kiến nghị tháo gỡ.",
        provinces=["Bắc Ninh"],
        topics=["Thu hút đầu tư"],
        tone="positive",
        day=4,
        hour=0,
    ),
    doc(
        5,
        "Tai nạn giao thông giảm ở Bắc Giang",
        "Theo TTXVN, số vụ tai nạn giao thông giảm mạnh.",
        outlet="baoc",
        provinces=["Bắc Giang"],
        topics=["An toàn giao thông"],
        tone="negative",
        day=4,
        hour=8,
        story="story-3",
    ),
]
CORPUS[2].story_id = "story-3"


@pytest.fixture(params=["embedded", "elasticsearch"])
def backend(request, tmp_path):
    if request.param == "embedded":
        index = EmbeddedBackend(tmp_path / "index.sqlite3")
    else:
        url = request.getfixturevalue("elasticsearch_url")
        index = ElasticsearchBackend(url, request.getfixturevalue("es_index"), refresh=True)
    report = index.index(CORPUS)
    assert report.indexed == len(CORPUS) and not report.errors
    yield index
    index.close()


def ids(result) -> set[str]:
    return {hit.document.url.rsplit("-", 1)[1].split(".")[0] for hit in result.hits}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kiến nghị", {"1", "4"}),
        ("kien nghi", {"1", "4"}),
        ("dien tu", {"2"}),
        ('"tai nan giao thong"', {"3", "5"}),
        ("Bac Ninh", {"1", "4"}),
        ("", {"1", "2", "3", "4", "5"}),
    ],
)
def test_accent_insensitive_matching(backend, query, expected):
    assert ids(backend.search(SearchRequest(query=query))) == expected


def test_reindexing_the_same_url_updates_in_place(backend):
    changed = doc(
        1,
        "Bắc Ninh: 95% kiến nghị được giải quyết",
        "Nội dung cập nhật.",
        provinces=["Bắc Ninh"],
        topics=["Chuyển đổi số"],
    )
    backend.index([changed, changed])
    assert backend.count() == len(CORPUS)
    assert backend.get(changed.id).title.startswith("Bắc Ninh: 95%")


def test_filters_and_facets(backend):
    result = backend.search(SearchRequest(query="", outlets=["baob"]))
    assert ids(result) == {"2", "3"}
    everything = backend.search(SearchRequest(query=""))
    assert everything.facets["outlet"] == [("baoa", 2), ("baob", 2), ("baoc", 1)]
    assert dict(everything.facets["topic"])["Chuyển đổi số"] == 2
    assert dict(everything.facets["tone"]) == {"neutral": 2, "negative": 2, "positive": 1}
    assert ids(backend.search(SearchRequest(query="", provinces=["bac ninh"]))) == {"1", "4"}


def test_date_filters_are_whole_local_days(backend):
    # Article 3 is 23:00 on 3 March and article 4 00:00 on 4 March, local time.
    result = backend.search(SearchRequest(query="", date_from=date(2026, 3, 3), date_to=date(2026, 3, 3)))
    assert ids(result) == {"3"}


def test_sort_by_date_and_paging(backend):
    result = backend.search(SearchRequest(query="", sort="date", limit=2, offset=2))
    assert result.total == 5
    assert [h.document.title for h in result.hits] == [CORPUS[2].title, CORPUS[1].title]


def test_snippets_mark_matches_and_escape(backend):
    backend.index([doc(9, "<script>alert(1)</script> kiến nghị", "Bàn về <b>kiến nghị</b> cử tri.")])
    hits = backend.search(SearchRequest(query="kien nghi")).hits
    hit = next(h for h in hits if "alert" in h.document.title)
    assert "<mark>kiến nghị</mark>" in hit.snippet and "<b>" not in hit.snippet


def test_malformed_query_is_a_query_error(backend):
    with pytest.raises(QueryError):
        backend.search(SearchRequest(query='("kiến nghị"'))


def test_collapse_by_story_counts_copies_and_outlets(backend):
    result = backend.search(SearchRequest(query="tai nan", collapse=True))
    assert result.total == 1 and len(result.hits) == 1
    assert (result.hits[0].story_size, result.hits[0].story_outlets) == (2, 2)
    assert backend.search(SearchRequest(query="tai nan")).total == 2


def test_top_stories_name_the_first_copy(backend):
    (story,) = backend.stories(SearchRequest(query=""))
    assert (story.story_id, story.articles, story.outlets) == ("story-3", 2, 2)
    assert story.first.outlet_id == "baob"  # published on 3 March, before baoc's copy


def test_histogram_buckets_are_local_days_and_weeks(backend):
    days = backend.search(SearchRequest(query="", histogram="day")).histogram
    assert days == [
        (date(2026, 3, 1), 1),
        (date(2026, 3, 2), 1),
        (date(2026, 3, 3), 1),
        (date(2026, 3, 4), 2),
    ]
    weeks = backend.search(SearchRequest(query="", histogram="week")).histogram
    assert weeks == [(date(2026, 2, 23), 1), (date(2026, 3, 2), 4)]  # weeks start on Monday


def test_pivot_counts_tone_per_topic(backend):
    table = backend.pivot(SearchRequest(query=""), "topic", "tone")
    assert table["An toàn giao thông"] == {"negative": 2}
    assert table["Chuyển đổi số"] == {"neutral": 2}


def test_scan_streams_every_match_newest_first(backend):
    backend.index(
        [doc(100 + n, f"Tin số {n}", "Nội dung kiến nghị.", day=10, hour=n % 24) for n in range(1500)]
    )
    scanned = list(backend.scan(SearchRequest(query="kien nghi")))
    assert len(scanned) == 1502
    assert len({d.id for d in scanned}) == 1502
    assert all(a.published_at >= b.published_at for a, b in zip(scanned, scanned[1:], strict=False))


def test_delete_removes_one_article_and_ignores_an_unknown_id(backend):
    backend.delete(CORPUS[0].id)
    backend.delete("0" * 20)  # not indexed: nothing happens
    assert backend.get(CORPUS[0].id) is None
    assert backend.count() == len(CORPUS) - 1
    assert ids(backend.search(SearchRequest(query="kien nghi"))) == {"4"}
