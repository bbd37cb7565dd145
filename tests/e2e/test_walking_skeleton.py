"""Sample press on a free port → `presswatch crawl` → each backend → the Flask search page."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from presswatch.app import create_app
from search.backends import open_backend
from search.config import SearchConfig
from tests.helpers import logged_in_client

SEED_TITLE = "Bắc Ninh: 90% kiến nghị của người dân trên môi trường số được giải quyết"


def run_crawl(sample_url: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "presswatch", "crawl", "--sample-url", sample_url],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=600,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def backend_env(kind: str, tmp_path: Path, elasticsearch_url: str = "", index: str = "") -> dict[str, str]:
    env = {"PRESSWATCH_DATA_DIR": str(tmp_path), "PRESSWATCH_ELASTICSEARCH_URL": ""}
    if kind == "elasticsearch":
        env.update(PRESSWATCH_ELASTICSEARCH_URL=elasticsearch_url, PRESSWATCH_ELASTICSEARCH_INDEX=index)
    return env


@pytest.fixture(scope="module", params=["embedded", "elasticsearch"])
def crawled(request, tmp_path_factory, sample_press):
    """Crawl the sample press twice into one backend; yields (config, crawl output). Once per backend
    for the module: the tests only read what the two crawls left (each makes its own app database)."""
    data_dir = tmp_path_factory.mktemp(f"skeleton-{request.param}")
    env = backend_env("embedded", data_dir)
    alias = ""
    if request.param == "elasticsearch":
        url = request.getfixturevalue("elasticsearch_url")
        alias = f"test-{uuid.uuid4().hex[:10]}"
        env = backend_env("elasticsearch", data_dir, url, alias)
    first = run_crawl(sample_press.base_url, env)
    second = run_crawl(sample_press.base_url, env)
    config = SearchConfig.from_env({k: v for k, v in env.items() if v})
    yield config, first + second
    if alias:  # as the es_index fixture cleans up after one test
        from elasticsearch import Elasticsearch

        client = Elasticsearch(env["PRESSWATCH_ELASTICSEARCH_URL"])
        client.options(ignore_status=404).indices.delete(index=f"{alias}-*")
        client.options(ignore_status=404).indices.delete_index_template(name=f"{alias}-g*")
        client.close()


def test_crawl_indexes_every_sample_article_once(crawled, sample_press):
    config, output = crawled
    backend = open_backend(config)
    expected = {sample_press.url_for(a) for a in sample_press.articles}
    from search.document import document_id

    assert backend.count() == len(expected), output
    assert backend.ids() == {document_id(url) for url in expected}


@pytest.mark.parametrize("query", ["kiến nghị", "kien nghi", '"kien nghi" "Bac Ninh"', '"van ban dien tu"'])
def test_search_page_finds_the_seed_article(crawled, query):
    config, _ = crawled
    app = create_app({"PRESSWATCH_SEARCH": config, "TESTING": True})
    response = logged_in_client(app).get("/", query_string={"q": query})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert SEED_TITLE in page


def test_article_page_shows_clean_body(crawled, sample_press):
    config, _ = crawled
    seed = next(a for a in sample_press.articles if a.title == SEED_TITLE)
    from search.document import document_id

    app = create_app({"PRESSWATCH_SEARCH": config, "TESTING": True})
    response = logged_in_client(app).get(f"/articles/{document_id(sample_press.url_for(seed))}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Phó Giám đốc Sở Thông tin và Truyền thông" in page
    for furniture in ("Tin cùng chuyên mục", "Bạn thấy bài viết này thế nào", "Bài viết cùng chủ đề"):
        assert furniture not in page
