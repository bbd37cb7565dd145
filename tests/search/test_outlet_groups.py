"""Articles keep their outlet across a merger (issue 20): an article from a predecessor's domain
stays the predecessor's for its date, and facets group it under the successor by default, on
both indexes. The outlets are the shipped registry's Cần Thơ family: Báo Sóc Trăng → Báo và Đài
PT-TH Sóc Trăng (May 2025) → Báo và Phát thanh, Truyền hình Cần Thơ (July 2025)."""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.extract.result import ExtractedArticle
from crawler.items import article_item, attribute_item
from crawler.registry import load_registry
from crawler.succession import attributed
from search.backends import SearchRequest
from search.backends.elastic import ElasticsearchBackend
from search.backends.embedded import EmbeddedBackend
from search.document import LOCAL_TZ
from search.ingest import Ingester


@pytest.fixture(scope="module")
def registry():
    return {o.id: o for o in load_registry()}


def crawled(registry, url: str, published: datetime, title: str):
    """The document the spider's item carries for a page of today's Cần Thơ agency (crawler.spiders.news)."""
    agency = registry["bptth-cantho"]
    fields = {
        "outlet_id": agency.id,
        "outlet_name": agency.name,
        "outlet_kind": agency.kind,
        "outlet_province": agency.province,
        "outlet_group": agency.group,
    }
    article = ExtractedArticle(
        url=url, title=title, body=f"{title}. Lúa gạo, thủy sản và giao thông.", published_at=published
    )
    item = article_item(article, fields, url)
    owner = attributed(agency, url, published)
    if owner is not agency:
        attribute_item(item, owner)
    return item.document


@pytest.fixture(params=["embedded", "elasticsearch"])
def backend(request, tmp_path, registry):
    if request.param == "embedded":
        index = EmbeddedBackend(tmp_path / "index.sqlite3")
    else:
        index = ElasticsearchBackend(
            request.getfixturevalue("elasticsearch_url"), request.getfixturevalue("es_index"), refresh=True
        )
    ingester = Ingester(index)
    for url, when, title in [
        (
            "https://baosoctrang.org.vn/kinh-te/lua-2024-1.html",
            datetime(2024, 3, 5, 8, tzinfo=LOCAL_TZ),
            "Sóc Trăng xuất khẩu lúa gạo",
        ),
        (
            "https://baosoctrang.org.vn/kinh-te/lua-2025-2.html",
            datetime(2025, 5, 20, 8, tzinfo=LOCAL_TZ),
            "Sóc Trăng mùa lúa mới",
        ),
        (
            "https://baohaugiang.com.vn/kinh-te/lua-3.html",
            datetime(2025, 2, 1, 8, tzinfo=LOCAL_TZ),
            "Hậu Giang thu hoạch lúa",
        ),
        (
            "https://baocantho.com.vn/lua-gao-a4.html",
            datetime(2026, 11, 2, 8, tzinfo=LOCAL_TZ),
            "Cần Thơ liên kết vùng lúa gạo",
        ),
        (
            "https://baocantho.com.vn/lua-gao-a5.html",
            datetime(2026, 11, 3, 8, tzinfo=LOCAL_TZ),
            "Cần Thơ xuất khẩu lúa gạo",
        ),
    ]:
        ingester.add(crawled(registry, url, when, title))
    report = ingester.flush()
    assert report.indexed == 5 and not report.errors
    yield index
    index.close()


def test_each_article_keeps_the_outlet_of_its_date(backend):
    outlets = {
        hit.document.url.split("/")[2] + hit.document.url[-7:]: hit.document.outlet_id
        for hit in backend.search(SearchRequest(query="lúa", limit=10)).hits
    }
    assert sorted(outlets.values()) == [
        "baohaugiang",
        "baosoctrang",
        "bdptth-soctrang",
        "bptth-cantho",
        "bptth-cantho",
    ]
    names = {
        hit.document.outlet_id: hit.document.outlet_name
        for hit in backend.search(SearchRequest(query="lúa", limit=10)).hits
    }
    assert names["baosoctrang"] == "Báo Sóc Trăng (cũ)"  # its own name (marked former), not its successor's


def test_facets_group_predecessors_under_the_successor_and_can_show_them_apart(backend):
    result = backend.search(SearchRequest(query="lúa", limit=10))
    assert result.facets["group"] == [("bptth-cantho", 5)]
    assert dict(result.facets["outlet"]) == {
        "bptth-cantho": 2,
        "baosoctrang": 1,
        "bdptth-soctrang": 1,
        "baohaugiang": 1,
    }
    grouped = backend.search(SearchRequest(query="lúa", groups=["bptth-cantho"], limit=10))
    assert grouped.total == 5


def test_old_articles_stay_searchable_under_the_old_outlet(backend):
    old = backend.search(SearchRequest(query="outlet:baosoctrang"))
    assert [hit.document.title for hit in old.hits] == ["Sóc Trăng xuất khẩu lúa gạo"]
    assert old.hits[0].document.outlet_group == "bptth-cantho"
    assert backend.search(SearchRequest(query="group:bptth-cantho xuất khẩu")).total == 2
    assert backend.search(SearchRequest(outlets=["baohaugiang"])).total == 1
