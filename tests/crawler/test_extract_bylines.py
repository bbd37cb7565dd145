"""Authors from Vietnamese bylines: end of body, header widgets, metadata; CMS accounts rejected."""

from __future__ import annotations

import pytest

from crawler.extract import extract_article
from crawler.extract.byline import clean_byline, is_person, looks_like_byline, split_trailing_byline


@pytest.mark.parametrize(
    ("printed", "author"),
    [
        ("Thu Hường - Thanh Tâm", "Thu Hường - Thanh Tâm"),
        ("PV", "PV"),
        ("Nhóm PV", "Nhóm PV"),
        ("Nhóm phóng viên", "Nhóm phóng viên"),
        ("Theo TTXVN", "TTXVN"),
        ("Minh Anh (TTXVN)", "Minh Anh (TTXVN)"),
        ("Bài và ảnh: Lê Hoa", "Lê Hoa"),
        ("NHẬT XUÂN - NGHI VŨ", "NHẬT XUÂN - NGHI VŨ"),
        ("Thanh Hà/VOV-Tây Bắc", "Thanh Hà/VOV-Tây Bắc"),
        ("Văn Tuấn và Thùy Linh", "Văn Tuấn - Thùy Linh"),
        ("H.Y.T.", "H.Y.T."),
        ("Nguồn: Báo Bắc Giang", "Báo Bắc Giang"),
        ("Hoàng Long (t/h)", "Hoàng Long"),
    ],
)
def test_bylines_are_recognised_and_cleaned(printed, author):
    assert looks_like_byline(printed)
    assert clean_byline(printed) == author


@pytest.mark.parametrize(
    "sentence",
    [
        "Đồng USD duy trì đà tăng",  # a short intertitle
        "Hà Nội, ngày 10/10/2023",
        "Ông Nguyễn Văn A cho biết.",
        "Tỷ lệ hồ sơ trực tuyến đạt 28,9%.",
        "Giá vàng hôm nay",
    ],
)
def test_sentences_and_headings_are_not_bylines(sentence):
    assert not looks_like_byline(sentence)


def test_trailing_byline_is_split_from_the_body():
    body = ["Đoạn một của bài báo.", "Đoạn hai của bài báo.", "Thu Hường - Thanh Tâm"]
    assert split_trailing_byline(body) == ("Thu Hường - Thanh Tâm", body[:2])


def test_name_then_source_line():
    body = ["Đoạn văn của bài báo.", "Minh Anh", "Theo Báo Bắc Giang"]
    assert split_trailing_byline(body) == ("Minh Anh", body[:1])


def test_site_names_and_cms_accounts_are_not_people():
    sites = ["Tuổi Trẻ Online", "Báo Bắc Ninh"]
    assert not is_person("NLD.COM.VN", sites)
    assert not is_person("TUỔI TRẺ ONLINE", sites)
    assert not is_person("Báo Bắc Ninh", sites)
    assert not is_person("Quản trị viên", sites)
    assert not is_person("admin", sites)
    assert is_person("Báo Bắc Giang", sites)  # another outlet credited as the source
    assert is_person("Nguyễn Văn An", sites)


def article(body_end: str = "", header: str = "", head: str = "") -> dict:
    page = f"""<html><head><title>Đường tỉnh 295 được nâng cấp trong năm nay</title>{head}</head><body>
    <h1>Đường tỉnh 295 được nâng cấp trong năm nay</h1>{header}<div class="date">10/10/2023 14:30</div>
    <div class="detail-content"><p>{"Dự án có tổng mức đầu tư gần 1.200 tỷ đồng, dài 18,6 km. " * 4}</p>
    <p>{"Công tác giải phóng mặt bằng đã hoàn thành khoảng 85% diện tích. " * 3}</p>{body_end}</div>
    </body></html>"""
    result = extract_article(page.encode(), "https://baotinh.vn/a.html")
    assert result.ok, result.reason
    return result.article


def test_right_aligned_byline_at_the_end_is_the_author_and_leaves_the_body():
    got = article('<p style="text-align: right;"><strong>Thu Hường - Thanh Tâm</strong></p>')
    assert got.author == "Thu Hường - Thanh Tâm"
    assert "Thu Hường" not in got.body


def test_agency_credit():
    got = article("<p><em>Theo TTXVN</em></p>")
    assert got.author == "TTXVN" and "Theo TTXVN" not in got.body


def test_header_author_widget():
    got = article(header='<div class="author-info"><a class="name">Minh Chiến</a></div>')
    assert got.author == "Minh Chiến"


def test_cms_account_in_the_header_loses_to_the_printed_byline():
    header = (
        '<dd class="createdby" itemprop="author">Viết bởi <span itemprop="name">Quản trị viên</span></dd>'
    )
    got = article('<p style="text-align: right;"><b>Hoàng Anh</b></p>', header=header)
    assert got.author == "Hoàng Anh"


def test_meta_author_naming_the_site_is_ignored():
    head = '<meta name="author" content="BAOTINH.VN"><meta property="og:site_name" content="Báo Tỉnh">'
    assert article(head=head).author == ""


def test_json_ld_people_are_used_when_the_page_prints_no_byline():
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Đường tỉnh 295 được '
        'nâng cấp trong năm nay", "author": [{"@type": "Person", "name": "Ngọc Mai"}]}</script>'
    )
    assert article(head=head).author == "Ngọc Mai"
