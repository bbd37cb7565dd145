"""URL canonicalisation: the tracking, fragment, AMP and mobile copies of one article are one URL."""

from __future__ import annotations

import pytest

from crawler.urls import canonicalize

ARTICLE = "https://baobacninh.vn/kinh-te/khu-cong-nghiep-moi-a12345.html"


@pytest.mark.parametrize(
    "variant",
    [
        ARTICLE,
        ARTICLE + "?utm_source=rss&utm_medium=feed&utm_campaign=tin-moi",
        ARTICLE + "?fbclid=IwAR0abcDEF123",
        ARTICLE + "?zarsrc=30&utm_source=zalo&utm_medium=zalo&utm_campaign=zalo",
        ARTICLE + "?gidzl=abc&_gl=1*xyz",
        ARTICLE + "#binh-luan",
        ARTICLE + "?utm_source=facebook#comments",
        ARTICLE + "?amp=1",
        ARTICLE + "?amp",
        ARTICLE + "/amp",
        "https://m.baobacninh.vn/kinh-te/khu-cong-nghiep-moi-a12345.html",
        "https://amp.baobacninh.vn/kinh-te/khu-cong-nghiep-moi-a12345.html",
        "https://mobile.baobacninh.vn/kinh-te/khu-cong-nghiep-moi-a12345.html?utm_source=app",
        "HTTPS://BaoBacNinh.VN:443/kinh-te/khu-cong-nghiep-moi-a12345.html",
    ],
)
def test_copies_of_one_article_share_one_url(variant):
    assert canonicalize(variant) == ARTICLE


def test_meaningful_parts_are_kept():
    assert canonicalize("https://baoa.vn/tin.aspx?id=42&utm_source=x") == "https://baoa.vn/tin.aspx?id=42"
    # Parameter order does not make two URLs.
    assert canonicalize("https://baoa.vn/a?b=2&a=1") == canonicalize("https://baoa.vn/a?a=1&b=2")
    assert canonicalize("http://127.0.0.1:8765/tinmang/x-1.htm") == "http://127.0.0.1:8765/tinmang/x-1.htm"
    assert canonicalize("https://baoa.vn/chuyen-muc/bai-viet/amp/") == "https://baoa.vn/chuyen-muc/bai-viet/"
    # A short host keeps its "m.": there is nothing to strip it down to.
    assert canonicalize("https://m.vn/a-1234.html") == "https://m.vn/a-1234.html"
    assert canonicalize("https://baoa.vn/amp") == "https://baoa.vn/amp"
