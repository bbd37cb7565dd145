"""A site that changes its markup between runs: still extracted, or flagged in outlet health."""

from __future__ import annotations

from presswatch.sample_press import SamplePress
from tests.conftest import SAMPLE_END
from tests.crawler.test_faults import articles, assert_indexed_exactly, health, run_crawl


def test_markup_change_is_still_extracted_or_flagged(tmp_path):
    with SamplePress(end=SAMPLE_END) as press:
        site = articles(press, "baodoimoi")
        first = run_crawl(press, tmp_path, outlets="baodoimoi")
        assert first.stats["presswatch/articles/baodoimoi"] == len(site)
        assert not health(tmp_path)["baodoimoi"]["flagged"]

        # Run 2: a new, div-only template (no <h1>, no <p>): the generic extractor still copes.
        press.redesign("baodoimoi", "v2")
        second = run_crawl(press, tmp_path, outlets="baodoimoi", extra=("--refetch",))
        assert second.stats["presswatch/articles/baodoimoi"] == len(site)
        assert "presswatch/not_article/baodoimoi" not in second.stats
        for article in site:
            assert_indexed_exactly(second, press, article)
        assert not health(tmp_path)["baodoimoi"]["flagged"]

        # Run 3: the site turns into a client-rendered app without render_js in the registry:
        # nothing is extractable, so the outlet is flagged for a maintainer, and the index keeps
        # what it had.
        press.redesign("baodoimoi", "spa")
        third = run_crawl(press, tmp_path, outlets="baodoimoi", extra=("--refetch",))
        assert third.stats["presswatch/not_article/baodoimoi"] == len(site)
        row = health(tmp_path)["baodoimoi"]
        assert "has the site changed its markup?" in row["flagged"], row
        assert row["last"]["extraction_failures"] == len(site)
        for article in site:
            assert_indexed_exactly(third, press, article)
