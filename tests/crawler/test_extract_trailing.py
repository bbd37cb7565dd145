"""Bylines and furniture at the end of real bodies (issue 18), one test per pattern.

The pages are minimal reproductions of the markup the issue names (the real pages are not in the
repository): each test says which real page it reproduces and what went wrong there.
"""

from __future__ import annotations

import pytest

from crawler.extract import extract_article
from crawler.extract.byline import clean_byline, looks_like_byline
from crawler.extract.furniture_text import filter_lines

PARAGRAPHS = "".join(
    f"<p>{p}</p>"
    for p in (
        "Sáng 12-3, UBND tỉnh Cà Mau tổ chức lễ khánh thành cầu dân sinh nối hai xã ven sông Ông Đốc.",
        "Cây cầu dài 120 m, rộng 3,5 m, được xây dựng bằng nguồn vốn xã hội hóa và ngân sách tỉnh.",
        "Người dân hai bên bờ vui mừng vì không còn phải đi đò qua sông mỗi ngày như trước.",
    )
)
LAST = "Người dân hai bên bờ vui mừng vì không còn phải đi đò qua sông mỗi ngày như trước."


def page(body_end: str, header: str = "", body_class: str = "fck") -> bytes:
    return f"""<html><head><title>Khánh thành cầu dân sinh - Báo</title>
<meta property="article:published_time" content="2015-03-12T10:05:00+07:00"></head><body>
<h1 class="title-2">Khánh thành cầu dân sinh ở Cà Mau</h1>{header}
<div class="{body_class}">{PARAGRAPHS}{body_end}</div>
<div class="footer">Tuổi Trẻ Online</div></body></html>""".encode()


def extract(body_end: str, header: str = "", body_class: str = "fck") -> dict:
    result = extract_article(page(body_end, header, body_class), "https://x.vn/tin/20150312/cau/719543.html")
    assert result.ok, result.reason
    return result.article


def test_tuoitre_2015_capital_name_in_a_bare_div_then_a_follow_button():
    """Tuổi Trẻ 2015: the author in capitals in a bare div after the last paragraph, then the
    author's "Quan tâm" (follow) button. Both stayed in the body and no author was found."""
    article = extract('<div>XUÂN LONG</div><div class="author-follow"><a href="#">Quan tâm</a></div>')
    assert article.author == "XUÂN LONG"
    assert article.body.endswith(LAST)
    assert "Quan tâm" not in article.body and "XUÂN LONG" not in article.body


def test_follow_button_inline_with_the_name():
    article = extract('<div><strong>XUÂN LONG</strong> <a class="btn" href="#">Quan tâm</a></div>')
    assert article.author == "XUÂN LONG"
    assert article.body.endswith(LAST)


@pytest.mark.parametrize(
    "button", ["Quan tâm", "Bỏ quan tâm", "Đã quan tâm", "Thích", "Like", "Follow", "Theo dõi", "Lưu bài"]
)
def test_follow_and_like_buttons_are_furniture_lines(button):
    assert filter_lines(["Đoạn văn của bài báo.", button]) == ["Đoạn văn của bài báo."]


def test_a_sentence_about_following_is_not_a_button():
    line = "Quan tâm đến đời sống người dân là nhiệm vụ hàng đầu."
    assert filter_lines([line]) == [line]


def test_vneconomy_name_with_a_dangling_dash():
    """VnEconomy prints the byline as "Bình Minh - " (the dash once led to a date or agency)."""
    assert looks_like_byline("Bình Minh - ") and clean_byline("Bình Minh - ") == "Bình Minh"
    article = extract("<p><strong>Bình Minh - </strong></p>")
    assert article.author == "Bình Minh" and article.body.endswith(LAST)


def test_vneconomy_header_author():
    header = (
        '<div class="detail__meta"><div class="detail__author"><a href="/tac-gia/binh-minh.htm">'
        'Bình Minh</a> - </div><div class="detail__time">12/03/2015 10:05</div></div>'
    )
    assert extract("", header=header).author == "Bình Minh"


@pytest.mark.parametrize(
    ("printed", "author"),
    [
        ("(Theo Reuters)", "Reuters"),
        ("Theo VnExpress", "VnExpress"),
        ("(Theo TTXVN/Vietnam+)", "TTXVN/Vietnam+"),
        ("Nguồn: Báo Cà Mau", "Báo Cà Mau"),
    ],
)
def test_theo_source_credits(printed, author):
    article = extract(f"<p><em>{printed}</em></p>")
    assert article.author == author
    assert article.body.endswith(LAST)


def test_name_then_theo_line():
    article = extract("<p><strong>Minh Anh</strong></p><p><em>(Theo TTXVN)</em></p>")
    assert article.author == "Minh Anh" and article.body.endswith(LAST)


@pytest.mark.parametrize(
    "tail",
    [
        "<p>https://cafebiz.vn/khanh-thanh-cau-dan-sinh-176150312100512345.chn</p>",
        "<p>Nguồn: https://cafebiz.vn/khanh-thanh-cau-176150312100512345.chn</p>",
        "<p><a href='https://cafebiz.vn/a.chn'>https://cafebiz.vn/a.chn</a></p>",
    ],
)
def test_cafebiz_bare_trailing_url_leaves_the_body(tail):
    """A CafeBiz body ended with the article's own address as a bare line."""
    article = extract(f"<p><strong>Hoàng Anh</strong></p>{tail}", body_class="detail-content")
    assert "https://" not in article.body and "cafebiz.vn" not in article.body
    assert article.body.endswith(LAST) and article.author == "Hoàng Anh"


def test_a_url_inside_a_sentence_stays():
    line = "Người dân tra cứu tại https://dichvucong.gov.vn để nộp hồ sơ trực tuyến."
    assert filter_lines(["Đoạn văn.", line]) == ["Đoạn văn.", line]
