"""A page's <link rel=canonical> is believed only on its own outlet's hosts and over http(s)
(issue 16, item 2): it is the article's identity (the id hashes it), so a hostile page could
replace another outlet's article or put a javascript: link in front of staff and into exports."""

from __future__ import annotations

from pathlib import Path

from search.document import document_id
from tests.adversarial.hostile import HostileServer, article_page, outlet_yaml, rss, run_crawl


def test_a_canonical_url_off_the_outlet_or_not_http_is_ignored(hostile: HostileServer, tmp_path: Path):
    victim = "https://baokhac.example/thoi-su/bai-that-123.html"  # another outlet's real article
    pages = {
        "/canon/gia-mao.html": victim,
        "/canon/js.html": "javascript:alert(document.cookie)",
        "/canon/data.html": "data:text/html,<script>alert(1)</script>",
        "/canon/ban-in.html": "/canon/bai-goc.html",  # its own printable copy: believed
    }
    urls = {}
    for n, (path, canonical) in enumerate(pages.items()):
        page = article_page(f"Bài số {n} của tòa soạn", canonical=canonical)
        urls[path] = hostile.route(
            path, page.replace("</head>", '<meta property="og:image" content="javascript:alert(2)"></head>')
        )
    feed = hostile.route("/canon/rss.xml", rss(*urls.values()), Content_Type="application/rss+xml")
    crawl = run_crawl(tmp_path, outlet_yaml("canon", feeds=(feed,)))

    assert crawl.stats["finish_reason"] == "finished"
    expected = {
        urls["/canon/gia-mao.html"],
        urls["/canon/js.html"],
        urls["/canon/data.html"],
        hostile.base_url + "/canon/bai-goc.html",
    }
    assert crawl.index.ids() == {document_id(url) for url in expected}
    for doc_id in crawl.index.ids():
        document = crawl.index.get(doc_id)
        assert document.url in expected
        assert all(image["url"].startswith("http") for image in document.images), document.images
