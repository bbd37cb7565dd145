"""One article type from a fetched page to the index (issue 19; docs/ARCHITECTURE.md's picture).

The spider's page handler and the item pipeline run in this process on a real Scrapy response: the
extraction gives an ``ExtractedArticle``, the item carries the one ``Document`` built from it, and
that very object is what the ingester and the index receive, its text normalised once. Before,
the article was a dict, an ``ArticleItem`` with its own field list, a dict again and only then a
``Document``, and its text went through ``search.text.normalize`` twice.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

import crawler.extract.pipeline as extraction
import search.document
from crawler.extract import extract_article
from crawler.extract.result import ExtractedArticle
from crawler.items import ArticleItem
from crawler.pipelines import IndexPipeline
from crawler.registry import load_registry
from crawler.spiders.news import NewsSpider
from search.backends import open_backend
from search.backends.base import SearchRequest
from search.backends.embedded import EmbeddedBackend
from search.config import SearchConfig
from search.document import Document
from search.ingest import Ingester
from search.spool import Spool

TITLE = "Bắc Ninh khai mạc lễ hội Lim năm 2026"
BODY = (
    "Sáng 12/3, UBND tỉnh Bắc Ninh tổ chức hội nghị về giải ngân vốn đầu tư công. Tai nạn giao "
    "thông trên quốc lộ 18 khiến hai người bị thương; lực lượng chức năng đã kịp thời có mặt."
)
PAGE = (
    f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body><article>"
    f"<h1>{TITLE}</h1><p class='date'>12/03/2026 09:00</p>"
    + "".join(f"<p>{BODY} Đoạn {i}.</p>" for i in range(4))
    + "</article></body></html>"
)
URL = "https://baobacninhtv.vn/le-hoi-lim-postid123.bbg?utm_source=fb"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSWATCH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("PRESSWATCH_ELASTICSEARCH_URL", raising=False)
    return tmp_path


def _crawl_page(monkeypatch) -> tuple[list[object], IndexPipeline, dict[str, list[object]]]:
    """parse_article and IndexPipeline.process_item on one response, recording what the ingester
    and the index are handed."""
    outlet = next(o for o in load_registry() if o.id == "bptth-bacninh")
    crawler = get_crawler(NewsSpider, {"PRESSWATCH_EXTRACT_WORKERS": "0"})
    spider = NewsSpider()
    spider._set_crawler(crawler)
    crawler.spider = spider
    response = HtmlResponse(
        URL,
        body=PAGE.encode(),
        headers={"Content-Type": "text/html; charset=utf-8"},
        request=Request(URL, meta={"outlet": outlet}),
    )

    async def items() -> list[object]:
        return [item async for item in spider.parse_article(response)]

    # A loop of its own in its own thread: tests/browser's session browser leaves an asyncio loop
    # running in this thread when the whole suite runs, and asyncio.run refuses to nest in it.
    with ThreadPoolExecutor(max_workers=1) as worker:
        yielded = worker.submit(asyncio.run, items()).result()
    handed: dict[str, list[object]] = {"add": [], "index": []}
    add, index = Ingester.add, EmbeddedBackend.index

    def spy_add(self, document, *args):
        handed["add"].append(document)
        return add(self, document, *args)

    def spy_index(self, documents):
        documents = list(documents)
        handed["index"] += documents
        return index(self, documents)

    monkeypatch.setattr(Ingester, "add", spy_add)
    monkeypatch.setattr(EmbeddedBackend, "index", spy_index)
    pipeline = IndexPipeline.from_crawler(crawler)
    pipeline.open_spider()
    for item in yielded:
        pipeline.process_item(item)
    pipeline.close_spider()
    return yielded, pipeline, handed


def test_one_document_travels_from_the_response_to_the_index(data_dir, monkeypatch):
    extracted = extract_article(PAGE.encode(), URL, "text/html; charset=utf-8").article
    assert type(extracted) is ExtractedArticle

    yielded, _, handed = _crawl_page(monkeypatch)
    assert [type(item) for item in yielded] == [ArticleItem]
    item = yielded[0]
    assert type(item.document) is Document
    assert item.document.url == "https://baobacninhtv.vn/le-hoi-lim-postid123.bbg"
    assert item.fetched_url == URL
    assert item.signature is not None and item.document.provinces  # analysed with the extraction
    # The item's document itself, not a copy rebuilt from a mapping, is ingested and indexed.
    assert len(handed["add"]) == 1 and handed["add"][0] is item.document
    assert len(handed["index"]) == 1 and handed["index"][0] is item.document
    # ArticleItem keeps no second list of the article's fields.
    assert not {"title", "sapo", "body", "published_at", "outlet_id"} & set(vars(item))

    backend = open_backend(SearchConfig.from_env())
    try:
        hit = backend.search(SearchRequest(query="lễ hội Lim", limit=1)).hits[0].document
    finally:
        backend.close()
    assert hit.to_source() == item.document.to_source()


def test_an_articles_text_is_normalised_once(data_dir, monkeypatch):
    """Extraction normalises the text; the Document built from it does not again (it did: title,
    sapo, body, author and section went through search.text.normalize twice per article)."""
    calls: Counter[str] = Counter()
    real = search.document.normalize

    def counting(text: str) -> str:
        calls[text] += 1
        return real(text)

    monkeypatch.setattr(extraction, "normalize", counting)
    monkeypatch.setattr(search.document, "normalize", counting)
    _, _, handed = _crawl_page(monkeypatch)
    document = handed["index"][0]
    assert calls[document.title] == 1 and calls[document.body] == 1
    assert sum(calls.values()) == 5  # title, sapo, body, author, section (no tags, no captions)


def test_ingest_takes_only_a_document(data_dir):
    backend = EmbeddedBackend(data_dir / "index.sqlite3")
    ingester = Ingester(backend)
    with pytest.raises(TypeError, match="takes a search.document.Document, not dict"):
        ingester.add({"url": URL, "outlet_id": "x", "title": TITLE})  # type: ignore[arg-type]
    backend.close()


def test_a_spool_file_written_before_the_change_still_ingests(data_dir):
    """The spool stores documents as JSON mappings (``Document.to_source``); a file an older
    version wrote — here one without the fields added since (outlet_group, published_precision,
    story_id) — replays into the index through ``Document.from_mapping``."""
    path = data_dir / "spool.sqlite3"
    Spool(path).close()  # today's schema, which the older versions wrote too
    old = {
        "url": "https://baobacninhtv.vn/cu-postid1.bbg",
        "outlet_id": "bptth-bacninh",
        "title": TITLE,
        "sapo": "",
        "body": BODY,
        "author": "",
        "section": "Xã hội",
        "outlet_name": "Báo và Phát thanh, Truyền hình Bắc Ninh",
        "outlet_kind": "provincial-press-agency",
        "outlet_province": "Bắc Ninh",
        "tags": [],
        "images": [],
        "published_at": "2025-03-12T09:00:00+07:00",
        "crawled_at": None,
        "topics": [],
        "provinces": ["Bắc Ninh"],
        "tone": "neutral",
        "explanations": {},
        "id": "0123456789abcdef0123",
    }
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO spool(document_id, source) VALUES (?, ?)",
            (old["id"], json.dumps(old, ensure_ascii=False)),
        )
    spool = Spool(path)
    backend = EmbeddedBackend(data_dir / "index.sqlite3")
    ingester = Ingester(backend, spool=spool)
    assert ingester.replay() == 1 and len(spool) == 0
    stored = backend.get(old["id"])
    assert stored is not None and stored.title == TITLE and stored.outlet_group == "bptth-bacninh"
    assert stored.published_precision == "unknown"
    spool.close()
    backend.close()


def test_no_two_steps_share_the_name_prepare():
    """search.ingest.prepare/PreparedArticle, search.analysis.prepared.PreparedText and the
    matcher's prepare/PreparedDocument were three different things under one name."""
    import ast
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    found = []
    for top in ("crawler", "search", "web", "presswatch"):
        for path in sorted((repo / top).rglob("*.py")):
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                name = getattr(node, "name", "")
                if name == "prepare" or name.startswith("Prepared"):
                    found.append(f"{path.relative_to(repo)}:{name}")
    assert found == []
