"""One options object per extraction (crawler/extract/options.py), as trafilatura's ``Extractor``:
built once per outlet, handed to every step; no step takes a knob of its own."""

from __future__ import annotations

import asyncio
import inspect
import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

import crawler.spiders.news as news
from crawler.extract import (
    ExtractionOptions,
    byline,
    content,
    extract_article,
    furniture,
    pagekind,
    pipeline,
    published,
)
from crawler.extract.options import DEFAULTS
from crawler.extraction_pool import extract_item
from crawler.registry import load_registry

BODY = "Sáng 12/3, UBND tỉnh Bắc Ninh tổ chức hội nghị về giải ngân vốn đầu tư công năm 2026."


def _page(paragraphs: int = 4) -> bytes:
    return (
        "<html><head><meta charset='utf-8'><title>Bắc Ninh họp về đầu tư công</title></head><body>"
        "<article><h1>Bắc Ninh họp về đầu tư công</h1><p class='date'>12/03/2026 09:00</p>"
        + "".join(f"<p>{BODY} Đoạn {i}.</p>" for i in range(paragraphs))
        + "</article></body></html>"
    ).encode()


STEPS = (
    pagekind.check_response,
    pagekind.check_length,
    furniture.remove_selected,
    content.find_title,
    content.find_sapo,
    content.find_body,
    published.find_published,
    published.printed_stamp,
    byline.header_author,
    pipeline.canonical_url,
    pipeline.extract_article,
    extract_item,
)
LOOSE_KNOBS = {"selectors", "chosen", "overrides", "hosts", "cpu_seconds", "seconds"}


@pytest.mark.parametrize("step", STEPS, ids=lambda step: f"{step.__module__}.{step.__name__}")
def test_every_step_takes_the_options_and_no_knob_of_its_own(step):
    parameters = set(inspect.signature(step).parameters)
    assert "options" in parameters
    assert not parameters & LOOSE_KNOBS


def test_the_options_are_frozen_and_travel_to_a_worker():
    options = ExtractionOptions.build({"body": ".noi-dung"}, ("baobacninhtv.vn",), 3.0)
    with pytest.raises(AttributeError):
        options.cpu_seconds = 9.0  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(options)) == options
    assert options.body_selectors == (".noi-dung",)
    assert options.title_selectors == DEFAULTS.title_selectors  # no override: the generic list


def test_shared_options_do_not_gather_one_pages_warnings_into_the_next():
    """The options are built once per outlet: a page's own warning (an ignored canonical URL) must
    not stay in them for the outlet's next page."""
    options = ExtractionOptions.build({"nonsense": "p"}, ("baobacninhtv.vn",))
    foreign = _page().replace(b"</title>", b"</title><link rel='canonical' href='https://other.vn/x'>")
    first = extract_article(foreign, "https://baobacninhtv.vn/a.html", options=options)
    second = extract_article(_page(), "https://baobacninhtv.vn/b.html", options=options)
    assert len(first.warnings) == 2 and "canonical URL ignored" in first.warnings[1]
    assert second.warnings == [
        "unknown selectors key 'nonsense' (known: title, sapo, body, author, date, section, tags, remove)"
    ]
    assert options.selector_problems == tuple(second.warnings)


def test_the_limits_come_from_the_options():
    short = _page(paragraphs=1)
    assert extract_article(short, "https://x.vn/a").reason.startswith("too little text")
    assert extract_article(short, "https://x.vn/a", options=ExtractionOptions(min_body_chars=50)).ok
    refused = extract_article(_page(), "https://x.vn/a", options=ExtractionOptions(max_page_bytes=100))
    assert refused.reason.startswith("page too large")


def test_the_spider_builds_an_outlets_options_once_from_the_settings(monkeypatch):
    outlet = next(o for o in load_registry() if o.id == "bptth-bacninh")
    crawler = get_crawler(
        news.NewsSpider, {"PRESSWATCH_EXTRACT_WORKERS": "0", "PRESSWATCH_PAGE_CPU_SECONDS": 7}
    )
    spider = news.NewsSpider()
    spider._set_crawler(crawler)
    crawler.spider = spider
    handed = []

    def spy(page, url, content_type, fields, options, since):
        handed.append(options)
        return extract_item(page, url, content_type, fields, options, since)

    monkeypatch.setattr(news, "extract_item", spy)

    async def parse(url: str) -> list[object]:
        response = HtmlResponse(
            url,
            body=_page(),
            headers={"Content-Type": "text/html"},
            request=Request(url, meta={"outlet": outlet}),
        )
        return [item async for item in spider.parse_article(response)]

    with ThreadPoolExecutor(max_workers=1) as worker:  # a loop of its own (see test_article_path)
        for path in ("a", "b"):
            worker.submit(asyncio.run, parse(f"https://baobacninhtv.vn/{path}.html")).result()
    assert len(handed) == 2 and handed[0] is handed[1]
    assert handed[0].cpu_seconds == 7.0
    assert handed[0].hosts and "baobacninhtv.vn" in handed[0].hosts
