"""render_js: opt-in per outlet, article pages through Debian's Chromium (scrapy-playwright).

The sample press's tinsang ships an empty article shell and fetches the text from a JSON API with
a script, so only a browser sees the article.
"""

from __future__ import annotations

import shutil

import pytest

from presswatch.sample_press import SamplePress
from tests.conftest import SAMPLE_END
from tests.crawler.test_faults import articles, assert_indexed_exactly, run_crawl

pytestmark = pytest.mark.skipif(
    not shutil.which("chromium"),
    reason="Debian's chromium is not installed (scripts/install-system-deps.sh installs it)",
)


@pytest.fixture(scope="module")
def press():
    with SamplePress(end=SAMPLE_END) as running:
        yield running


def test_render_js_outlet_is_rendered_and_fully_extracted(press, tmp_path):
    crawl = run_crawl(press, tmp_path, outlets="tinsang")
    site = articles(press, "tinsang")
    for article in site:
        assert_indexed_exactly(crawl, press, article)
    # The browser loaded each article page (and its script's API call), never the feed.
    assert crawl.stats["playwright/request_count/navigation"] == len(site)
    assert crawl.stats["playwright/browser_count"] == 1
    api_calls = [r for r in crawl.requests if r.startswith("/tinsang/api/")]
    assert len(api_calls) == len(site)


def test_crawls_without_render_js_outlets_start_no_browser(press, tmp_path):
    crawl = run_crawl(press, tmp_path, outlets="nhipsong,baokin")
    assert crawl.stats["presswatch/articles/nhipsong"] == len(articles(press, "nhipsong"))
    assert not [key for key in crawl.stats if key.startswith("playwright")]
    assert "playwright" not in crawl.log.lower()


def test_render_js_can_be_switched_off(press, tmp_path):
    crawl = run_crawl(press, tmp_path, outlets="tinsang", env={"PRESSWATCH_RENDER_JS": "0"})
    # Plain HTTP sees the empty shell: not an article, and no browser was started.
    assert crawl.stats["presswatch/not_article/tinsang"] == len(articles(press, "tinsang"))
    assert not [key for key in crawl.stats if key.startswith("playwright")]
