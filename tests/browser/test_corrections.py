"""In Chromium, on a phone-sized screen: an editor corrects a crawled article's tone, topic and
province; `presswatch retag` and a re-crawl of the sample press (known articles fetched again)
run as an operator runs them; the article page and the search facets still show the correction.

A server of its own (not the shared ``live_server``): retagging rewrites every stored article,
which other browser tests rely on.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from search.backends import SearchRequest, open_backend
from search.config import SearchConfig
from tests.helpers import make_user
from web.serve import ServerSettings, serving_in_thread

REPO = Path(__file__).resolve().parents[2]
PHONE = {"width": 390, "height": 844}


def _presswatch(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "presswatch", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PRESSWATCH_DATA_DIR": str(data_dir), "PRESSWATCH_ELASTICSEARCH_URL": ""},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def crawled_server(sample_press, tmp_path_factory) -> Iterator[tuple[str, object, Path, str]]:
    from presswatch.app import create_app

    data_dir = tmp_path_factory.mktemp("corrections-data")
    _presswatch(data_dir, "crawl", "--sample-url", sample_press.base_url)
    config = SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(data_dir)})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PRESSWATCH_DATA_DIR", str(data_dir))
        app = create_app({"PRESSWATCH_DATA_DIR": data_dir, "PRESSWATCH_SEARCH": config})
    with serving_in_thread(app, settings=ServerSettings(threads=4)) as url:
        yield url, app, data_dir, sample_press.base_url


def _a_negative_article(data_dir: Path):
    backend = open_backend(SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(data_dir)}))
    try:
        hits = backend.search(SearchRequest(tones=["negative"], sort="date", limit=50)).hits
    finally:
        backend.close()
    return next(
        h.document
        for h in hits
        if "Thái Bình" not in h.document.provinces and "Môi trường" not in h.document.topics
    )


def _crawled_at(data_dir: Path, document_id: str):
    backend = open_backend(SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(data_dir)}))
    try:
        return backend.get(document_id).crawled_at
    finally:
        backend.close()


def _login(page, url: str, email: str, password: str) -> None:
    page.goto(f"{url}/auth/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "/auth/login" not in page.url


def _shows_correction(page, url: str, article, editor: str) -> None:
    page.goto(f"{url}/articles/{article.id}")
    reasons = page.locator("section.reasons")
    assert f"sửa bởi {editor} lúc" in reasons.inner_text()
    assert reasons.locator(".tone-positive").count() >= 1
    assert reasons.locator("a.tag", has_text="Môi trường").count() == 1
    assert reasons.locator("a.tag", has_text="Thái Bình").count() == 1
    page.goto(f"{url}/search?q=" + f'"{article.title}"')
    assert "Thái Bình" in page.locator("section.facet[data-facet=province]").inner_text()
    assert "Môi trường" in page.locator("section.facet[data-facet=topic]").inner_text()


def test_an_editors_correction_survives_retag_and_a_recrawl(crawled_server, _chromium, screenshot):
    url, app, data_dir, press_url = crawled_server
    article = _a_negative_article(data_dir)
    email, password = make_user(app, "editor")
    context = _chromium.new_context(viewport=PHONE, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        _login(page, url, email, password)
        page.goto(f"{url}/articles/{article.id}")
        page.click("section.correction summary")
        form = page.locator("section.correction form")
        form.locator("select[name=tone]").select_option("positive")
        for box in form.locator("input[name=topics]").all():
            box.uncheck()
        form.locator("input[name=topics][value='Môi trường']").check()
        form.locator("input[name=provinces]").fill("Thái Bình")
        width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"the page scrolls sideways at 390 px: {width}"
        screenshot(page, "article-correction-390")
        with page.expect_navigation():
            form.locator("button[type=submit]").click()
        _shows_correction(page, url, article, email)

        _presswatch(data_dir, "retag")
        first_crawl = _crawled_at(data_dir, article.id)
        _presswatch(data_dir, "crawl", "--sample-url", press_url, "--refetch")
        assert _crawled_at(data_dir, article.id) > first_crawl  # the article really went through again
        _shows_correction(page, url, article, email)
    finally:
        context.close()
