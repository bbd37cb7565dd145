"""Whatever arrives, extraction answers "not an article" with a reason, and never raises."""

from __future__ import annotations

import random

import pytest

from crawler.extract import ExtractionOptions, extract_article, pipeline
from crawler.extract.pipeline import REASONS, reason_kind

ARTICLE_TEXT = "".join(
    f"<p>Đoạn văn thứ {i} của bài báo về hoạt động của tỉnh trong tháng này.</p>" for i in range(8)
)


def refused(page: bytes | str, content_type: str | None = None) -> str:
    result = extract_article(page, "https://bao.example.vn/x.html", content_type)
    assert not result.ok and result.article is None
    # A reason from the closed list: an internal crash ("extraction failed: …") is not one.
    assert reason_kind(result.reason) in REASONS, result.reason
    return result.reason


def test_empty_and_blank_pages():
    assert "empty" in refused(b"")
    assert "empty" in refused(b"   \n\t ")
    assert "empty" in refused("")


def test_random_bytes():
    noise = random.Random(7).randbytes(200_000)
    assert "binary" in refused(noise)


@pytest.mark.parametrize(
    ("magic", "kind"),
    [
        (b"%PDF-1.7\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xff\xd8\xff\xe0", "JPEG"),
        (b"PK\x03\x04", "ZIP"),
    ],
)
def test_documents_and_images(magic, kind):
    assert kind in refused(magic + b"\x00" * 100 + b"<html>")


def test_content_type_that_is_not_html():
    assert "not HTML" in refused(b"<html><body>x</body></html>", "application/pdf")


def test_a_20_mb_page_is_refused_quickly():
    huge = b"<html><body>" + b"<p>" + b"a" * (20 * 1024 * 1024) + b"</p></body></html>"
    assert "too large" in refused(huge)
    assert "too large" in refused(huge.decode())


def test_truncated_download():
    page = (
        f"<html><head><title>Tiêu đề</title></head><body><h1>Tiêu đề bài viết</h1>{ARTICLE_TEXT}<p>Đoạn bị cắ"
    )
    assert "truncated" in refused(page.encode())


def test_error_pages():
    page = (
        "<html><head><title>404 - Không tìm thấy trang</title></head><body><h1>Trang bạn yêu cầu không tồ"
        "n "
        "tại</h1><p>Vui lòng quay lại trang chủ.</p></body></html>"
    )
    assert "error page" in refused(page.encode())


def test_section_listing_page():
    items = "".join(
        f'<div class="item"><h3><a href="/a{i}.html">Tin tức số {i} về hoạt động kinh tế xã hội c'
        "ủa "
        f"tỉnh</a></h3><p>Tóm tắt ngắn của tin số {i}.</p><span class='time'>10/10/2023 08:"
        f"{i:02d}</span>"
        "</div>"
        for i in range(20)
    )
    page = (
        '<html><head><meta property="og:type" content="website"><title>Kinh tế</title></head><body><h1>K'
        "inh "
        f'tế</h1><div class="list-news">{items}</div></body></html>'
    )
    assert "listing" in refused(page.encode())


def test_photo_gallery_without_text():
    photos = "".join(
        f'<figure><img src="/p{i}.jpg"><figcaption>Ảnh {i}</figcaption></figure>' for i in range(8)
    )
    page = (
        "<html><body><h1>Ảnh: Mùa lúa chín trên ruộng bậc thang</h1><div class='date'>10/10/2023 08:00</"
        "div>"
        f"<div class='detail-content'>{photos}</div></body></html>"
    )
    assert "gallery" in refused(page.encode())


def test_article_without_any_date():
    page = (
        "<html><body><h1>Bài viết không ghi ngày đăng ở đâu cả</h1>"
        f"<div class='content'>{ARTICLE_TEXT}</div></body></html>"
    )
    assert "date" in refused(page.encode())


def test_deeply_nested_markup_does_not_crash():
    page = "<html><body><h1>Tiêu đề bài viết lồng nhau</h1>" + "<div>" * 5000 + ARTICLE_TEXT + "</div>" * 5000
    result = extract_article((page + "</body></html>").encode(), "https://bao.example.vn/n.html")
    assert result.article is None or result.article.title


@pytest.mark.parametrize(
    "garbage",
    [
        b"<html><body><h1>Ti\xc3",
        b"<<<<>>>>" * 1000 + b"</html>",
        b"<?xml version='1.0'?><rss><channel><title>Tin</title></channel></rss>",
        b"<html><body>\x00\x01\x02</body></html>",
        b"\xef\xbb\xbf<html><body><h1>BOM</h1></body></html>",
    ],
)
def test_garbage_never_raises(garbage):
    result = extract_article(garbage, "https://bao.example.vn/g.html")
    assert result.ok or reason_kind(result.reason) in REASONS, result.reason


def test_an_internal_bug_is_not_passed_off_as_a_reason(monkeypatch):
    """The assertions above can fail: a crash inside the extractor is reported as such, outside the
    closed list of reasons, so a test that accepts only listed reasons catches it."""

    def broken(*args, **kwargs):
        raise KeyError("internal")

    monkeypatch.setattr(pipeline, "_extract", broken)
    page = (
        f"<html><body><h1>Tiêu đề bài viết đủ dài để là một bài báo</h1>"
        f"<div class='detail-content'>{ARTICLE_TEXT}</div></body></html>"
    ).encode()
    result = extract_article(page, "https://bao.example.vn/a.html")
    assert not result.ok and result.reason.startswith(pipeline.CRASHED)
    assert reason_kind(result.reason) is None


def test_bad_outlet_selectors_never_raise():
    page = (
        f"<html><body><h1>Tiêu đề bài viết có bộ chọn hỏng</h1><div class='date'>10/10/2023 08:00</div>"
        f"<div class='detail-content'>{ARTICLE_TEXT}</div></body></html>"
    ).encode()
    result = extract_article(
        page, "https://x.vn/s", options=ExtractionOptions.build({"body": "div[[[", "nonsense": "p"})
    )
    assert result.ok
    assert any("invalid CSS" in w for w in result.warnings) and any("unknown" in w for w in result.warnings)


@pytest.mark.parametrize(
    "headline",
    [
        "Xử lý 404 trường hợp vi phạm nồng độ cồn",
        "Dự án không tồn tại trên thực tế",
        "Hàng nghìn tài khoản mạng xã hội đã bị xóa",
    ],
)
def test_headlines_that_sound_like_errors_are_still_articles(headline):
    page = (
        f"<html><head><title>{headline}</title></head><body><h1>{headline}</h1>"
        f"<div class='date'>10/10/2023 08:00</div><div class='content'>{ARTICLE_TEXT}</div>"
        "</body></html>"
    )
    assert extract_article(page.encode(), "https://bao.example.vn/e.html").ok


def test_minified_page_without_optional_end_tags_is_not_truncated():
    page = (
        "<html><head><title>Tiêu đề</title></head><body><h1>Trang rút gọn bỏ thẻ kết thúc tùy chọn</h1>"
        f"<div class='date'>10/10/2023 08:00</div><div class='content'>{ARTICLE_TEXT}</div>"
    )
    assert extract_article(page.encode(), "https://bao.example.vn/m.html").ok
