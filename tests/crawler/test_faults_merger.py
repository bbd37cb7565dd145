"""The sample press's merged-agency family (issue 20), crawled for real: a paper and a station ended
on 2025-06-30 and merged into one agency on a new site, whose feed still links their archived
articles at the old URLs (the paper's on its old domain, the station's under its old path). The
redirects are followed, the move from the old domain is recorded in health, each archived article
stays its predecessor's, and the group facet counts all of them under the agency."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from presswatch.sample_press import SamplePress
from search.backends import SearchRequest
from search.document import document_id
from tests.conftest import SAMPLE_END
from tests.crawler.test_faults import articles, health, run_crawl


@pytest.fixture(scope="module")
def press():
    with SamplePress(end=SAMPLE_END) as running:
        yield running


def test_the_agency_crawl_follows_its_predecessors_old_urls(press, tmp_path):
    crawl = run_crawl(press, tmp_path, outlets="ptthdongson")
    assert crawl.stats["finish_reason"] == "finished", crawl.log[-3000:]
    family = articles(press, "ptthdongson")
    archive = press.faults.archive()
    assert len(family) == 12 and len(archive) == 6
    documents = {a.article_id: crawl.index.get(document_id(press.url_for(a))) for a in family}
    assert all(documents.values()), [i for i, d in documents.items() if d is None]
    owners = {a.article_id: documents[a.article_id].outlet_id for a in family}
    for article in family:
        expected = press.faults.predecessor_of(article) if article in archive else "ptthdongson"
        assert owners[article.article_id] == expected, (article.article_id, article.published_at)
        assert documents[article.article_id].outlet_group == "ptthdongson"
    assert sorted(owners.values()).count("baodongson") == 3
    assert documents[archive[0].article_id].outlet_name == "Báo Đông Sơn (mẫu)"  # the name it had
    # The old paths were asked for, then the agency's copies; the old domain's move is recorded.
    assert any(r.startswith("/baodongson/tin/") for r in crawl.requests)
    assert any(r.startswith("/truyenhinhdongson/video/") for r in crawl.requests)
    old, new = urlsplit(press.faults.localhost).netloc, urlsplit(press.base_url).netloc
    assert crawl.stats["presswatch_moved/ptthdongson"] == [f"{old} → {new}"]
    assert "presswatch/refused/ptthdongson" not in crawl.stats
    row = health(crawl.data_dir)["ptthdongson"]
    assert f"moved to {new} (from {old})" in row["flagged"] and row["last_success"]

    grouped = crawl.index.search(SearchRequest(query="", groups=["ptthdongson"], limit=20))
    assert grouped.total == 12
    assert dict(grouped.facets["outlet"]) == {"ptthdongson": 6, "baodongson": 3, "truyenhinhdongson": 3}
    assert grouped.facets["group"] == [("ptthdongson", 12)]
