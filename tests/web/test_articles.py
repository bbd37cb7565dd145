"""The article page: sanitised body, metadata, tag reasons, copies in other outlets."""

from __future__ import annotations

import re

import pytest

from search.document import document_id
from tests.browser.corpus import SEED_TITLE, TRAFFIC_TITLE, XSS_OUTLET
from web.articles import sanitize, terms


@pytest.fixture
def client(login_as):
    return login_as("viewer")


def article_id(outlet: str, slug: str) -> str:
    return document_id(f"https://{outlet}.example.vn/{slug}.html")


def test_needs_login(app):
    response = app.test_client().get(f"/articles/{article_id('vnexpress', 'tai-nan-ql18-0')}")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_unknown_article_is_404(client):
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/articles/" + "x" * 500).status_code == 404


def test_article_shows_body_metadata_and_original_link(client):
    page = client.get(f"/articles/{article_id('vnexpress', 'tai-nan-ql18-0')}").get_data(as_text=True)
    assert f'<h1 lang="vi">{TRAFFIC_TITLE}</h1>' in page  # a Vietnamese title, marked so in English
    assert "<p>Hậu quả khiến hai người tử vong tại chỗ." in page
    assert "VnExpress" in page and "Nguyễn Văn An" in page
    assert re.search(
        r'href="https://vnexpress.example.vn/tai-nan-ql18-0.html" rel="noopener noreferrer" '
        r'target="_blank"',
        page,
    )
    assert re.search(r"\d\d/\d\d/\d{4} 07:00", page)  # dd/mm/yyyy HH:MM, Viet Nam time


def test_tags_come_with_their_reasons(client):
    page = client.get(f"/articles/{article_id('vnexpress', 'tai-nan-ql18-0')}").get_data(as_text=True)
    assert "An toàn giao thông" in page
    assert "<q>tai nạn giao thông</q>, <q>cảnh sát giao thông</q>" in page  # matched topic terms
    assert "<q>tử vong</q>" in page and "cue-negative" in page  # tone cue words
    assert "Được nhắc:" in page  # province evidence


def test_copies_in_other_outlets(client):
    page = client.get(f"/articles/{article_id('vnexpress', 'tai-nan-ql18-0')}").get_data(as_text=True)
    copies = re.search(r'<ol class="copylist">(.*?)</ol>', page, re.S).group(1)
    assert copies.count("<li>") == 3
    for outlet in ("Tuổi Trẻ Online", "Báo Thanh Niên", "Báo và Phát thanh, Truyền hình Bắc Ninh"):
        assert outlet in copies
    assert "3 bài khác, 3 cơ quan báo chí khác" in page


def test_article_without_copies_says_so(client):
    page = client.get(f"/articles/{article_id('thanhnien', 'ha-noi-0')}").get_data(as_text=True)
    assert "Chưa thấy báo khác đưa tin này." in page


def test_image_is_a_link_with_its_caption_and_the_browser_fetches_no_outside_image(client):
    """A crawled page names its image hosts: showing the article must not make the staff
    browser fetch them; the image opens on click, and the CSP allows no outside image."""
    response = client.get(f"/articles/{article_id('bptth-bacninh', 'kien-nghi-so-0')}")
    page = response.get_data(as_text=True)
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    assert SEED_TITLE in page
    assert re.search(
        r'<figure><a href="https://baobacninhtv.example.vn/anh/hoi-nghi.jpg" '
        r'rel="noopener noreferrer nofollow">Mở ảnh từ baobacninhtv.example.vn</a>',
        main,
    )
    assert "<figcaption>Hội nghị chuyển đổi số tỉnh Bắc Ninh</figcaption>" in main
    assert "<img" not in main
    img_src = next(
        part
        for part in response.headers["Content-Security-Policy"].split(";")
        if part.strip().startswith("img-src")
    )
    assert img_src.split()[1:] == ["'self'", "data:"]


def test_hostile_article_is_inert(client):
    response = client.get(f"/articles/{article_id(XSS_OUTLET, 'xss')}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    assert "<script" not in main  # not in the title, body, tags, reasons
    assert not re.search(r"<[^>]+\son\w+\s*=", main)  # no event handler attribute on any element
    assert not re.search(r"""<[^>]+(href|src)\s*=\s*["']?\s*javascript:""", main)  # no live javascript: URL
    assert "&lt;a href=&#34;javascript:" in main or '&lt;a href="javascript:' in main  # text stays text
    assert "<svg" not in main and "<img src=x" not in main
    assert "&lt;script&gt;alert('xss-body')&lt;/script&gt;" in main  # shown as text, inertly
    assert "<figure>" not in main  # the javascript: image is dropped, not left as an empty box


def test_sanitize_removes_active_content():
    dirty = (
        '<p onclick="x()">Chào <a href="javascript:alert(1)">bấm</a> <a href="https://a.vn/b">ok</a></p>'
        '<script>alert(1)</script><style>p{}</style><img src="x" onerror="y()">'
        '<img src="data:image/png;base64,AAAA"><iframe src="https://evil"></iframe>'
        '<figure><img src="https://a.vn/i.jpg" alt="a"><figcaption>Ảnh</figcaption></figure>'
    )
    clean = str(sanitize(dirty))
    for bad in ("onclick", "javascript:", "<script", "alert(1)", "<style", "onerror", "data:", "<iframe"):
        assert bad not in clean
    assert '<a href="https://a.vn/b" rel="noopener noreferrer nofollow">ok</a>' in clean
    assert '<figure><img src="https://a.vn/i.jpg" alt="a"><figcaption>Ảnh</figcaption></figure>' in clean


@pytest.mark.parametrize(
    "value,expected",
    [
        (None, []),
        ("một", ["một"]),
        (["a", "b", "a"], ["a", "b"]),
        ({"key": "k", "terms": ["x", "y"], "hits": 2}, ["x", "y"]),
        ([{"field": "body", "text": "Bắc Ninh", "kind": "alias"}], ["Bắc Ninh"]),
        ({"weird": 1}, ["weird"]),
        (42, ["42"]),
    ],
)
def test_terms_accepts_any_explanation_shape(value, expected):
    assert terms(value) == expected


def test_pages_send_a_strict_script_policy(client):
    for url in ("/", "/search", f"/articles/{article_id(XSS_OUTLET, 'xss')}"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
