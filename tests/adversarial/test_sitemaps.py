"""Sitemap indexes that list themselves or nest without end are read once each, to a bounded
depth (issue 16, item 3): listings bypass the duplicate filter, so they used to loop forever."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from search.document import document_id
from tests.adversarial.hostile import HostileServer, article_page, outlet_yaml, run_crawl, sitemap_index

URLSET = (
    '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    "<url><loc>{}</loc><lastmod>2026-11-18T08:00:00+07:00</lastmod></url></urlset>"
)


def test_a_self_listing_and_an_endless_sitemap_index_are_bounded(hostile: HostileServer, tmp_path: Path):
    base = hostile.base_url
    article = hostile.route("/sm/bai-1.html", article_page("Bài trong sơ đồ trang"))
    hostile.route("/sm/tin.xml", URLSET.format(article))
    # The root lists itself (twice, once with a tracking parameter), the article sitemap, and the
    # first of an endless chain of indexes, each naming the next.
    root = hostile.route(
        "/sm/index.xml",
        sitemap_index(
            f"{base}/sm/index.xml",
            f"{base}/sm/index.xml?utm_source=x",
            f"{base}/sm/tin.xml",
            f"{base}/sm/chain-1.xml",
        ),
    )
    for n in range(1, 30):
        hostile.route(
            f"/sm/chain-{n}.xml", sitemap_index(f"{base}/sm/chain-{n + 1}.xml", f"{base}/sm/index.xml")
        )
    start = len(hostile.log)
    crawl = run_crawl(
        tmp_path, outlet_yaml("sodo", sitemaps=(root,)), settings={"CLOSESPIDER_PAGECOUNT": 60}
    )  # the old loop ends here, not forever

    assert crawl.stats["finish_reason"] == "finished"
    fetched = Counter(path for _host, path in hostile.log[start:])
    assert fetched["/sm/index.xml"] == 1
    assert fetched["/sm/tin.xml"] == 1
    # PRESSWATCH_MAX_SITEMAP_DEPTH (3): the root's children are level 1, then two more levels.
    assert sorted(p for p in fetched if p.startswith("/sm/chain-")) == [
        "/sm/chain-1.xml",
        "/sm/chain-2.xml",
        "/sm/chain-3.xml",
    ]
    assert crawl.index.ids() == {document_id(article)}
    assert "Sitemap index http://127.0.0.1" in crawl.log and "child sitemaps are not followed" in crawl.log
