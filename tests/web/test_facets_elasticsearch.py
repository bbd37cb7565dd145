"""The search page's facet counts on Elasticsearch equal what a click on the facet finds.

Found by walk6 (2026-12-03): Elasticsearch keeps one index per month, and a terms aggregation asks
each index only for its top ``size * 1.5 + 10`` values (55 for the 30 facet values shown). A value
outside one month's top 55 — an outlet that wrote little that month, a province seldom named then —
lost that month's articles from its count: the facet said 20 where clicking it found 21. The
embedded index counts exactly, so the two backends disagreed too. Production has 111 outlets and 97
province names (34 today's, 63 former) over dozens of months, so the top 55 is not all of them.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest

from presswatch.app import create_app
from search.document import Document
from search.ingest import open_ingester
from tests.helpers import logged_in_client


def _article(outlet: str, month: int, number: int) -> Document:
    return Document.from_mapping(
        {
            "url": f"https://{outlet}.example.vn/bai-{month}-{number}.html",
            "outlet_id": outlet,
            "title": f"Tin số {number} của {outlet}",
            "sapo": "Tóm tắt.",
            "body": "Nội dung bài viết.",
            "published_at": datetime(2026, month, 10, 3, number % 60, tzinfo=UTC).isoformat(),
        }
    )


def _facet(page: str, name: str) -> dict[str, tuple[int, str]]:
    """The facet's values as the page shows them: label → (count, the link a click follows)."""
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


@pytest.mark.elasticsearch
def test_an_outlet_quiet_in_one_month_is_counted_whole(tmp_path, es_data_folder):
    config = es_data_folder
    # September: 60 busy outlets with two articles each, and "thuongtin" with one (61st there).
    # October and November: only "thuongtin", ten a month. 21 articles in all: the top outlet.
    documents = [_article(f"coquan{i:02d}", 9, n) for i in range(60) for n in (1, 2)]
    documents += [_article("thuongtin", 9, 0)]
    documents += [_article("thuongtin", month, n) for month in (10, 11) for n in range(1, 11)]
    ingester = open_ingester(config, refresh=True)  # what the crawler's pipeline hands articles to
    for document in documents:
        ingester.add(document)
    ingester.close()

    app = create_app({"PRESSWATCH_DATA_DIR": tmp_path, "PRESSWATCH_SEARCH": config})
    viewer = logged_in_client(app, "viewer")
    page = viewer.get("/search").get_data(as_text=True)
    assert _total(page) == len(documents)
    count, link = _facet(page, "group")["thuongtin"]
    assert _total(viewer.get(link).get_data(as_text=True)) == 21
    assert count == 21
