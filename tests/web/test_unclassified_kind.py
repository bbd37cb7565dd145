"""Articles whose outlet has no kind are counted, under "Chưa phân loại", on both backends.

Noticed by walk7, fixed by walk8 (2026-12-03). An article can reach the index without an outlet
kind (an outlet outside the registry: an older index, an outlet since removed from it). The
breakdown by kind (the dashboard's "Theo loại hình báo chí", the search page's "Loại hình" facet,
the briefing's table by kind) left them out on the embedded index and showed them on Elasticsearch
as a bucket with no name whose link found every article: the same data gave different figures on
the two backends, and neither added up to the total. Staff expect every article counted, under a
named bucket that a click filters to.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime

import pytest

from presswatch.app import create_app
from search.config import SearchConfig
from search.document import LOCAL_TZ, Document
from search.ingest import open_ingester
from tests.helpers import logged_in_client

END = "2026-11-10"


def _article(outlet: str, kind: str, number: int) -> Document:
    return Document.from_mapping(
        {
            "url": f"https://{outlet}.example.vn/bai-{number}.html",
            "outlet_id": outlet,
            "outlet_kind": kind,
            "title": f"Tin số {number} của {outlet} về Bắc Ninh",
            "sapo": "Tóm tắt tin tại tỉnh Bắc Ninh.",
            "body": "Nội dung bài viết về tỉnh Bắc Ninh.",
            "published_at": datetime(2026, 11, 3 + number % 5, 9, number, tzinfo=LOCAL_TZ).isoformat(),
        }
    )


DOCUMENTS = [_article("baobacninhtv", "provincial-press-agency", n) for n in range(3)] + [
    _article("tapchilangque", "", n) for n in range(3, 5)
]


def _facet(page: str, name: str) -> dict[str, tuple[int, str]]:
    """The search page's facet as shown: label → (count, the link a click follows)."""
    section = re.search(rf'data-facet="{name}">(.*?)</section>', page, re.S).group(1)
    return {
        label.strip(): (int(count.replace(".", "")), html.unescape(href))
        for href, label, count in re.findall(
            r'<a href="([^"]+)"[^>]*>\s*<span class="check"[^>]*>[^<]*</span>\s*'
            r'<span class="label">([^<]+)</span>\s*<span class="count">([\d.]+)</span>',
            section,
        )
    }


def _total(page: str) -> int:
    return int(re.search(r'<strong class="total">([\d.]+)</strong>', page).group(1).replace(".", ""))


def _run(config: SearchConfig, data_dir) -> None:
    ingester = open_ingester(config, refresh=True)  # what the crawler's pipeline hands articles to
    for document in DOCUMENTS:
        ingester.add(document)
    ingester.close()
    app = create_app({"PRESSWATCH_DATA_DIR": data_dir, "PRESSWATCH_SEARCH": config})
    viewer = logged_in_client(app, "viewer")

    search = viewer.get("/search").get_data(as_text=True)
    assert _total(search) == 5
    kinds = _facet(search, "kind")
    assert {label: count for label, (count, _) in kinds.items()} == {
        "Báo và PT-TH tỉnh (hợp nhất 2025)": 3,
        "Chưa phân loại": 2,
    }
    assert _total(viewer.get(kinds["Chưa phân loại"][1]).get_data(as_text=True)) == 2

    dashboard = viewer.get("/", query_string={"period": "month", "end": END, "scope": "all"})
    page = dashboard.get_data(as_text=True)
    charts = json.loads(
        re.search(r'<script type="application/json" id="dashboard-data">(.*?)</script>', page, re.S).group(1)
    )
    assert dict(zip(charts["kinds"]["labels"], charts["kinds"]["data"], strict=True)) == {
        "Báo và PT-TH tỉnh (hợp nhất 2025)": 3,
        "Chưa phân loại": 2,
    }
    legend = dict(re.findall(r'<li><a href="([^"]+)">Chưa phân loại</a> <strong>(\d+)</strong></li>', page))
    assert list(legend.values()) == ["2"]
    assert _total(viewer.get(html.unescape(next(iter(legend)))).get_data(as_text=True)) == 2

    # A query names the bucket as the facet does.
    found = viewer.get("/search", query_string={"q": "kind:unclassified"}).get_data(as_text=True)
    assert _total(found) == 2


def test_unclassified_outlets_are_counted_on_the_embedded_index(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSWATCH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("PRESSWATCH_ELASTICSEARCH_URL", raising=False)
    _run(SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(tmp_path)}), tmp_path)


@pytest.mark.elasticsearch
def test_unclassified_outlets_are_counted_on_elasticsearch(tmp_path, es_data_folder):
    _run(es_data_folder, tmp_path)
