"""The sample press's fault sites (faults.yaml) as served: what each one does on the wire."""

from __future__ import annotations

import json
import unicodedata
import urllib.error
import urllib.request
from collections import Counter

import pytest
import yaml
from lxml import etree

from presswatch.sample_press import SamplePress
from presswatch.sample_press.sites import SITES
from tests.conftest import SAMPLE_END
from tests.crawler.test_sample_press import fetch, page


@pytest.fixture(scope="module")
def press():
    with SamplePress(end=SAMPLE_END) as running:
        yield running


def test_fault_registry_lists_every_fault_site(press):
    from crawler.registry import load_registry
    from presswatch.sample_press.fault_sites import FAULT_SITES, FAULTS

    loaded = load_registry(press.fault_registry_path(), {"sample_press": press.base_url})
    assert [o.id for o in loaded] == list(FAULT_SITES) and set(FAULTS) == set(FAULT_SITES)
    assert {o.id for o in loaded if o.render_js} == {"tinsang"}
    assert not set(FAULT_SITES) & set(SITES)  # the demo's registry stays clean
    assert len({s.markup for s in (*SITES.values(), *FAULT_SITES.values())}) >= 10
    counts = Counter(a.outlet_id for a in press.fault_articles)
    # The dead site has no article, nor do the merged predecessors (the agency serves their archive).
    assert set(counts) == set(FAULT_SITES) - {"baotamngung", "baodongson", "truyenhinhdongson"}
    assert not {press.url_for(a) for a in press.fault_articles} & {press.url_for(a) for a in press.articles}


def test_legacy_pages_are_served_in_legacy_bytes(press):
    seen = set()
    for article in [a for a in press.fault_articles if a.outlet_id == "baosongcau"]:
        status, headers, body = fetch(press.url_for(article))
        encoding, header, declared, font = press.faults.legacy_variant(article)
        assert status == 200 and headers["Content-Type"] == header
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
        if encoding == "cp1258":
            text = unicodedata.normalize("NFC", body.decode("cp1258"))
            assert article.title in text
        else:
            assert b".VnTime" in body
        assert (f'charset={declared}"'.encode() in body) == bool(declared)
        seen.add((encoding, header, declared))
    assert len(seen) == 6


def test_fault_site_discovery_documents(press):
    status, _, body = fetch(f"{press.base_url}/nhipsong/sitemap.xml")
    root = etree.fromstring(body)
    assert status == 200 and root.tag.endswith("sitemapindex") and len(root) == 2
    assert fetch(f"{press.base_url}/nhipsong/rss.xml")[0] == 404
    assert fetch(f"{press.base_url}/truyenhinhbacson/rss.xml")[0] == 404
    tree = page(f"{press.base_url}/truyenhinhbacson/kinh-te/?page=2")
    assert tree.xpath("//a[@rel='next']") and len(tree.xpath("//li[@class='news-item']")) == 2
    status, _, body = fetch(f"{press.base_url}/robots.txt")
    assert "Disallow: /baokin/noi-bo\n" in body.decode()
    for url in registry_urls(press, "baotamngung"):
        assert fetch(url)[0] == 503


def test_redirect_chain_and_loop(press):
    article = next(a for a in press.fault_articles if a.outlet_id == "baophonui")
    with urllib.request.urlopen(press.faults.redirect_entry(article), timeout=10) as response:
        assert response.url == press.url_for(article)
    with pytest.raises(urllib.error.HTTPError) as loop:
        urllib.request.urlopen(press.faults.loop_entry(), timeout=10)
    assert loop.value.code == 302  # urllib gives up on the loop


def test_javascript_site_ships_a_shell_and_a_json_api(press):
    article = next(a for a in press.fault_articles if a.outlet_id == "tinsang")
    status, _, body = fetch(press.url_for(article))
    assert status == 200 and article.paragraphs[0] not in body.decode() and b"fetch(" in body
    status, headers, body = fetch(f"{press.base_url}/tinsang/api/bai-viet/{article.article_id}.json")
    data = json.loads(body)
    assert status == 200 and [b["text"] for b in data["blocks"]] == list(article.paragraphs)


def registry_urls(press: SamplePress, outlet_id: str) -> list[str]:
    raw = press.fault_registry_path().read_text(encoding="utf-8").replace("{sample_press}", press.base_url)
    entry = next(o for o in yaml.safe_load(raw)["outlets"] if o["id"] == outlet_id)
    return entry["feeds"] + entry["sitemaps"] + entry["sections"]
