"""The sample press: corpus facts, discovery documents, article pages and their furniture."""

from __future__ import annotations

import itertools
import re
import unicodedata
import urllib.error
import urllib.request
from collections import Counter
from datetime import date, datetime, time, timedelta
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

import lxml.html
import pytest
import yaml
from lxml import etree

from presswatch.sample_press import SampleArticle, SamplePress, build_corpus
from presswatch.sample_press.corpus import TONES
from presswatch.sample_press.phrases import TOPIC_KEYS
from presswatch.sample_press.sites import SITES
from presswatch.sample_press.text import fold

END = date(2026, 11, 20)
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
SEED_TITLE = "Bắc Ninh: 90% kiến nghị của người dân trên môi trường số được giải quyết"
SEED_RELATED = "Bắc Ninh phát động Ngày Chuyển đổi số quốc gia năm 2023"
FURNITURE = (
    "Bạn thấy bài viết này thế nào?",
    "Bài viết cùng chủ đề",
    "Tin cùng chuyên mục",
    "Tin liên quan",
    "Chia sẻ",
    "Xem thêm",
    "Giấy phép số",
)
REGISTRY_KEYS = {
    "id",
    "name",
    "domain",
    "kind",
    "province",
    "feeds",
    "sitemaps",
    "sections",
    "feeds_source",
    "notes",
    "quirks",
    "local_test",
}
KINDS = {
    "central-daily",
    "central-online",
    "provincial-party-paper",
    "provincial-tv",
    "trade-magazine",
    "agency",
}

# Where each CMS family puts title, sapo, body, byline and the printed date (CSS selectors).
SELECTORS = {
    "baokinhbac": {
        "title": "h1.title-detail",
        "sapo": "div.sapo",
        "body": "div.detail-content",
        "author": "div.detail-content > p[style*='right'] strong",
        "date": "span.post-date",
    },
    "tinnhanh": {
        "title": "h1.title-detail",
        "sapo": "h1.title-detail + p.description",
        "body": "article.fck_detail",
        "author": "article.fck_detail > p[style*='right'] strong",
        "date": "span.date",
    },
    "thoisu": {
        "title": "h1.detail-title",
        "sapo": "h2.detail-sapo",
        "body": "div.detail-cmain div.detail-content",
        "author": "div.author-info a.name",
        "date": "div.detail-time",
    },
    "dautu": {
        "title": "div.title-detail",
        "sapo": "div.sapo_detail",
        "body": "#content_detail_news",
        "author": "a.author",
        "date": "span.post-time",
    },
    "chinhphu": {
        "title": "h1.detail-title",
        "sapo": "div.detail-sapo",
        "body": "div.detail-content",
        "author": "div.detail-author",
        "date": "div.detail-time",
    },
    "baodongbang": {
        "title": "article.post h1.post-title",
        "sapo": "div.post-excerpt",
        "body": "div.post-content",
        "author": "span.post-author",
        "date": "span.post-date",
    },
}
DATE_LINES = {
    "baokinhbac": r"^(Thứ \w+|Chủ nhật), \d\d/\d\d/\d{4} - \d\d:\d\d$",
    "tinnhanh": r"^(Thứ \w+|Chủ nhật), \d{1,2}/\d{1,2}/\d{4}, \d\d:\d\d \(GMT\+7\)$",
    "thoisu": r"^\d\d/\d\d/\d{4} \d\d:\d\d GMT\+7$",
    "dautu": r"^- \d\d/\d\d/\d{4} \d\d:\d\d$",
    "chinhphu": r"^\d\d/\d\d/\d{4} \d\d:\d\d$",
    "baodongbang": r"^\d\d:\d\d \| \d\d/\d\d/\d{4}$",
}


@pytest.fixture(scope="module")
def press():
    with SamplePress(end=END) as running:
        yield running


@pytest.fixture(scope="module")
def corpus() -> list[SampleArticle]:
    return build_corpus(END)


def fetch(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def page(url: str) -> lxml.html.HtmlElement:
    status, headers, body = fetch(url)
    assert status == 200, url
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    return lxml.html.fromstring(body.decode("utf-8"))


def text(element) -> str:
    return " ".join(element.text_content().split())


def registry(press: SamplePress) -> list[dict]:
    raw = press.registry_path().read_text(encoding="utf-8").replace("{sample_press}", press.base_url)
    return yaml.safe_load(raw)["outlets"]


def shingles(article: SampleArticle) -> set[tuple[str, ...]]:
    words = fold(" ".join((article.sapo, *article.paragraphs))).split()
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def is_seed(article: SampleArticle) -> bool:
    return article.title == SEED_TITLE


# --- the corpus ------------------------------------------------------------------------------------


def test_corpus_size_topics_provinces_and_tones(corpus):
    assert len(corpus) >= 220
    topics = Counter(a.topic for a in corpus)
    assert set(topics) <= set(TOPIC_KEYS) | {"other"}
    assert all(topics[key] >= 12 for key in TOPIC_KEYS), topics
    provinces = Counter(p for a in corpus for p in a.provinces)
    assert len(provinces) >= 20
    assert [name for name, _ in provinces.most_common(2)] == ["Bắc Ninh", "Bắc Giang"]
    tones = Counter(a.tone for a in corpus)
    assert set(tones) <= set(TONES) and tones["negative"] >= 0.2 * len(corpus)
    outlets = Counter(a.outlet_id for a in corpus)
    assert set(outlets) == set(SITES) and all(35 <= n <= 45 for n in outlets.values()), outlets
    assert len({(a.outlet_id, a.article_id) for a in corpus}) == len(corpus)
    assert len({a.path for a in corpus if a.outlet_id == "baokinhbac"}) == outlets["baokinhbac"]


def test_tricky_tone_cases_are_present(corpus):
    bodies = {a.tone: [] for a in corpus}
    for article in corpus:
        bodies[article.tone].append(" ".join((article.title, article.sapo, *article.paragraphs)))
    assert any("không phát hiện sai phạm" in b.lower() for b in bodies["neutral"])
    assert any("không để xảy ra" in b and "ngộ độc" in b for b in bodies["positive"])


def test_corpus_is_deterministic_and_follows_end(corpus):
    assert build_corpus(END) == corpus
    later = build_corpus(END + timedelta(days=3))
    assert [a.title for a in later if not is_seed(a)][:5] != [] and later != corpus
    shifted = sorted(a.published_at for a in later if not is_seed(a))
    assert shifted[-1].date() == END + timedelta(days=3)


def test_dates_fall_in_the_six_weeks_ending_on_end(corpus):
    first = datetime.combine(END - timedelta(days=41), time(5, 0), TZ)
    last = datetime.combine(END, time(22, 30), TZ)
    dated = [a for a in corpus if not is_seed(a)]
    for article in dated:
        moment = article.published_at
        assert moment.tzinfo is not None and moment.utcoffset() == timedelta(hours=7)
        assert first <= moment <= last, article.path
        assert time(5, 0) <= moment.time() <= time(22, 30)
    per_day = Counter(a.published_at.date() for a in dated)
    assert per_day[END] >= 3
    assert len(per_day) >= 35


def test_text_is_clean_vietnamese(corpus):
    for article in corpus:
        parts = (
            article.title,
            article.sapo,
            *article.paragraphs,
            *(i.caption for i in article.images),
            *article.tags,
            article.author,
        )
        for part in parts:
            assert part == unicodedata.normalize("NFC", part)
            assert not re.search(r"[{}\[\]|]|\?\s*#|##|  ", part), (article.path, part)
            assert part == part.strip() and part
        assert all("Ảnh" in image.caption for image in article.images)
        if is_seed(article):
            continue
        assert 4 <= len(article.paragraphs) <= 9, article.path
        for index, paragraph in enumerate(article.paragraphs):
            if index in article.headings:
                assert len(paragraph) < 90 and not paragraph.endswith(".")
                continue
            sentences = len(re.findall(r"[.!?…]”?\s+\S", paragraph)) + 1
            assert 1 <= sentences <= 4, paragraph
            assert paragraph[-1] in ".”…!?", paragraph
        assert 1 <= len(article.images) <= 2


def test_syndicated_stories_are_near_copies_and_others_are_not(corpus):
    stories: dict[str, list[SampleArticle]] = {}
    for article in corpus:
        if article.story_id:
            stories.setdefault(article.story_id, []).append(article)
    assert len(stories) >= 8
    for copies in stories.values():
        assert 2 <= len(copies) <= 3
        assert len({a.outlet_id for a in copies}) == len(copies)
        assert len({a.title for a in copies}) == len(copies)
        assert all("TTXVN" in a.author for a in copies)
        assert len({(a.topic, a.provinces, a.tone) for a in copies}) == 1
    sets = {id(a): shingles(a) for a in corpus}

    def similarity(a, b) -> float:
        return len(sets[id(a)] & sets[id(b)]) / len(sets[id(a)] | sets[id(b)])

    same = [similarity(a, b) for copies in stories.values() for a, b in itertools.combinations(copies, 2)]
    different = [
        similarity(a, b)
        for a, b in itertools.combinations(corpus, 2)
        if not (a.story_id and a.story_id == b.story_id)
    ]
    assert min(same) >= 0.7
    assert max(different) <= 0.65
    assert sum(s > 0.5 for s in different) <= 10


def test_seed_article(corpus):
    seed = next(a for a in corpus if is_seed(a))
    assert (seed.outlet_id, seed.author, seed.topic, seed.provinces) == (
        "baokinhbac",
        "Thu Hường - Thanh Tâm",
        "digital_transformation",
        ("Bắc Ninh",),
    )
    assert seed.published_at == datetime(2023, 10, 10, 9, 15, tzinfo=TZ)
    assert seed.sapo.startswith("Theo Sở Thông tin và Truyền thông tỉnh Bắc Ninh")
    assert [seed.paragraphs[i] for i in seed.headings] == [
        "Từng bước hình thành chính quyền số",
        "Phát triển nền kinh tế số",
        "Trọng tâm công tác tuyên truyền 3 tháng cuối năm",
    ]
    assert seed.paragraphs[-1].startswith("Tại hội nghị, đại diện các cơ quan quản lý thông tin")
    assert [i.caption for i in seed.images] == [
        "Ông Nghiêm Văn Hách chia sẻ thông tin đến các cơ quan báo chí. Ảnh: Thu Hường",
        "Tỉnh Bắc Ninh đứng đầu cả nước về tỉ trọng kinh tế số trên GRDP là 56,83%. Ảnh: Thu Hường",
    ]
    for paragraph in seed.paragraphs:
        assert "Ảnh:" not in paragraph and paragraph != SEED_TITLE and SEED_RELATED not in paragraph
        assert "Bạn thấy bài viết" not in paragraph and "Thu Hường - Thanh Tâm" not in paragraph
    assert seed.path.endswith("-a1001.html")


# --- the registry and discovery ---------------------------------------------------------------------


def test_registry_lists_the_sites_with_the_known_schema(press):
    outlets = registry(press)
    assert [o["id"] for o in outlets] == list(SITES)
    for outlet in outlets:
        assert set(outlet) <= REGISTRY_KEYS and set(outlet) >= REGISTRY_KEYS - {"notes", "quirks"}
        assert outlet["local_test"] is True  # served on this machine: loopback allowed
        assert outlet["kind"] in KINDS and outlet["feeds_source"] == "sample"
        assert "(mẫu)" in outlet["name"] and outlet["domain"].endswith(".sample")
        assert outlet["feeds"] and outlet["sitemaps"] and outlet["sections"]
    from crawler.registry import load_registry

    loaded = load_registry(press.registry_path(), {"sample_press": press.base_url})
    assert [o.id for o in loaded] == list(SITES)


def test_every_feed_lists_every_article_newest_first(press):
    for outlet in registry(press):
        expected = {press.url_for(a): a for a in press.articles if a.outlet_id == outlet["id"]}
        for url in outlet["feeds"]:
            status, headers, body = fetch(url)
            assert status == 200 and headers["Content-Type"] == "application/rss+xml; charset=utf-8"
            root = etree.fromstring(body)
            assert root.tag == "rss" and root.get("version") == "2.0"
            items = root.findall("./channel/item")
            links = [item.findtext("link") for item in items]
            assert set(links) == set(expected) and len(links) == len(expected), url
            moments = [expected[link].published_at for link in links]
            assert moments == sorted(moments, reverse=True)
            for item in items:
                article = expected[item.findtext("link")]
                assert item.findtext("title") == article.title and item.findtext("guid")
                pub_date = item.findtext("pubDate")
                if outlet["id"] == "chinhphu":
                    assert re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d\d:\d\d [AP]M", pub_date)
                    parsed = datetime.strptime(pub_date, "%m/%d/%Y %I:%M:%S %p").replace(tzinfo=TZ)
                else:
                    parsed = parsedate_to_datetime(pub_date)
                assert parsed == article.published_at


def test_news_sitemaps_list_every_article(press):
    ns = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "n": "http://www.google.com/schemas/sitemap-news/0.9",
    }
    for outlet in registry(press):
        expected = {press.url_for(a): a for a in press.articles if a.outlet_id == outlet["id"]}
        status, headers, body = fetch(outlet["sitemaps"][0])
        assert status == 200 and headers["Content-Type"] == "application/xml"
        root = etree.fromstring(body)
        entries = root.findall("s:url", ns)
        assert {e.findtext("s:loc", namespaces=ns) for e in entries} == set(expected)
        for entry in entries:
            article = expected[entry.findtext("s:loc", namespaces=ns)]
            published = entry.findtext("n:news/n:publication_date", namespaces=ns)
            assert datetime.fromisoformat(published) == article.published_at and published.endswith("+07:00")


def test_section_pages_paginate_and_reach_every_article(press):
    for outlet in registry(press):
        prefix = f"{press.base_url}/{outlet['id']}/"
        found: set[str] = set()
        paginated = False
        for url in outlet["sections"]:
            pages = 0
            while url:
                tree = page(url)
                pages += 1
                links = tree.xpath("//li[@class='news-item']//a/@href")
                found.update(h for h in links if h.startswith(prefix))
                nexts = tree.xpath("//a[@rel='next']")
                assert not nexts or text(nexts[0]) == "Trang sau"
                url = nexts[0].get("href") if nexts else None
            paginated = paginated or pages > 1
        assert found == {press.url_for(a) for a in press.articles if a.outlet_id == outlet["id"]}
        if outlet["id"] == "dautu":
            assert paginated, "Báo Đầu tư-like sections run to a second page"


def test_home_pages_show_the_latest_thirty(press):
    for site_id in SITES:
        tree = page(f"{press.base_url}/{site_id}/")
        latest = sorted(
            (a for a in press.articles if a.outlet_id == site_id), key=lambda a: a.published_at, reverse=True
        )[:30]
        listed = tree.xpath("//h3[@class='news-title']/a/@href")
        assert listed == [press.url_for(a) for a in latest]


# --- article pages ----------------------------------------------------------------------------------


def test_every_article_page_has_canonical_and_open_graph(press):
    for article in press.articles:
        url = press.url_for(article)
        tree = page(url)
        assert tree.get("lang") == "vi" and tree.xpath("//meta[@charset='utf-8']")
        assert tree.xpath("//link[@rel='canonical']/@href") == [url]
        meta = {m.get("property"): m.get("content") for m in tree.xpath("//meta[@property]")}
        assert meta["og:url"] == url and meta["og:title"] == article.title and meta["og:type"] == "article"
        assert meta["og:image"].startswith(press.base_url) and meta["og:description"] == article.sapo
        if article.outlet_id in ("baokinhbac", "thoisu", "dautu", "chinhphu"):
            assert datetime.fromisoformat(meta["article:published_time"]) == article.published_at
        whole = text(tree).casefold()  # dautu prints "TIN LIÊN QUAN"
        for needle in (
            "Bạn thấy bài viết này thế nào?",
            "Tin cùng chuyên mục",
            "Bài viết cùng chủ đề",
            "Tin liên quan",
            "Chia sẻ",
            "Giấy phép số",
        ):
            assert needle.casefold() in whole, (url, needle)
        figures = tree.xpath("//figure[.//img][figcaption]")
        assert [" ".join(f.xpath("string(figcaption)").split()) for f in figures] == [
            i.caption for i in article.images
        ]


@pytest.mark.parametrize("site_id", list(SITES))
def test_family_markup_yields_the_article_fields(press, site_id):
    selectors = SELECTORS[site_id]
    for article in [a for a in press.articles if a.outlet_id == site_id][:12]:
        tree = page(press.url_for(article))
        one = {name: tree.cssselect(css) for name, css in selectors.items()}
        assert all(len(found) == 1 for name, found in one.items() if name != "author"), one
        assert text(one["title"][0]) == article.title
        assert text(one["sapo"][0]) == article.sapo
        assert text(one["author"][0]) == article.author
        assert re.fullmatch(DATE_LINES[site_id], text(one["date"][0])), text(one["date"][0])
        body = one["body"][0]
        blocks = [
            text(el) for el in body if el.tag in ("p", "h2", "h3") and "right" not in el.get("style", "")
        ]
        assert blocks == list(article.paragraphs)
        related = body.xpath(".//a[contains(@href, '/" + site_id + "/')]")
        assert related, "an inline related box links to another article"
    if site_id == "thoisu":
        import json

        ld = json.loads(tree.xpath("//script[@type='application/ld+json']/text()")[0])
        assert ld["@type"] == "NewsArticle" and ld["headline"] == article.title
        assert datetime.fromisoformat(ld["datePublished"]) == article.published_at
        assert ld["author"]["name"] == article.author


def test_seed_page_carries_text_and_furniture(press):
    seed = next(a for a in press.articles if is_seed(a))
    status, _, body = fetch(press.url_for(seed))
    assert status == 200
    html = body.decode("utf-8")
    assert "Sở Thông tin và Truyền thông (TT&amp;TT)" in html  # escaped once, not twice
    tree = lxml.html.fromstring(html)
    content = tree.cssselect("div.detail-content")[0]
    assert text(content).startswith(SEED_RELATED)
    related = content.cssselect("div.related-inline a")
    assert [text(a) for a in related] == [SEED_RELATED, "Bắc Ninh: Đẩy mạnh kết nối ngân hàng - doanh nghiệp"]
    for paragraph in seed.paragraphs:
        assert paragraph in text(content)
    assert [img.get("alt") for img in content.cssselect("figure img")] == [SEED_TITLE, SEED_TITLE]
    last = content.xpath("./p")[-1]
    assert "right" in last.get("style") and text(last) == "Thu Hường - Thanh Tâm"
    whole = text(tree)
    for furniture in FURNITURE:
        assert furniture in whole, furniture
    assert "Bài viết cùng chủ đề: Tỉnh Bắc Ninh" in whole
    assert re.search(r"Kém ★ Bình thường ★★ Hứa hẹn ★★★ Tốt ★★★★ Rất tốt ★★★★★", whole)
    same_section = tree.xpath("//h3[text()='Tin cùng chuyên mục']/following-sibling::div//h4/a/@href")
    urls = {press.url_for(a) for a in press.articles}
    assert same_section and set(same_section) <= urls


def test_images_robots_and_unknown_paths(press):
    seed = next(a for a in press.articles if is_seed(a))
    status, headers, body = fetch(f"{press.base_url}/{seed.outlet_id}{seed.images[0].url}")
    assert status == 200 and headers["Content-Type"] == "image/jpeg" and body[:2] == b"\xff\xd8"
    status, headers, body = fetch(f"{press.base_url}/robots.txt")
    assert status == 200 and "Allow: /" in body.decode() and body.decode().count("Sitemap: ") == len(SITES)
    status, _, body = fetch(f"{press.base_url}/baokinhbac/robots.txt")
    assert f"Sitemap: {press.base_url}/baokinhbac/sitemap-news.xml" in body.decode()
    for path in (
        "/khong-co",
        "/baokinhbac/thoi-su/khong-co-a9.html",
        "/tinnhanh/khong-co-1234567.html",
        "/dautu/dau-tu-d2?page=99",
        "/thoisu/?page=2",
        "/chinhphu/tag/khong-co-the-nay",
    ):
        status, headers, body = fetch(press.base_url + path)
        assert status == 404, path
        assert headers["Content-Type"] == "text/html; charset=utf-8" and "404" in body.decode()
    status, _, body = fetch(press.base_url + "/")
    assert status == 200 and all(site.name in body.decode() for site in SITES.values())


def test_requests_are_logged_and_pages_are_conditional(press):
    before = len(press.request_log)
    url = press.url_for(press.articles[0])
    fetch(url)
    assert press.request_log[before:] == [url[len(press.base_url) :]]
    request = urllib.request.Request(url)
    status, headers, _ = fetch(url)
    request.add_header("If-None-Match", headers["ETag"])
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request, timeout=10)
    assert answer.value.code == 304
