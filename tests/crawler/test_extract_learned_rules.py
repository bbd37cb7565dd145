"""General rules learned from the real-page set (tests/data/realpages/facts.json), each shown on a
small page with the markup pattern the real page had. The real pages themselves are scored by
tests/crawler/test_extract_real_set.py; these tests hold the rule even where those pages are absent.
"""

from __future__ import annotations

from crawler.extract import extract_article

BODY = "".join(f"<p>Đoạn văn thứ {i} của bài viết kể lại sự việc ở phường trung tâm với đủ chi tiết để "
               f"thành một đoạn văn thật sự dài hơn một dòng.</p>" for i in range(1, 7))


def page(h1: str, og_title: str) -> bytes:
    return f"""<html><head><meta charset="utf-8"><title>{og_title}</title>
    <meta property="og:title" content="{og_title}">
    <meta property="article:published_time" content="2026-01-28T06:52:01+07:00"></head><body>
    <h1 class="sc-longform-header-title">{h1}</h1>
    <div class="entry">{BODY}</div></body></html>""".encode()


def test_headline_split_into_inline_spans_keeps_the_space_the_metadata_title_has():
    """Hà Nội Mới's long-form header prints "Phường Hai Bà Trưng:" and the rest in two spans with no
    space between them (CSS puts them on two lines); the text glued them ("Trưng:Mong"). When the
    headline element and the metadata title differ only in spacing, the metadata title is the text."""
    title = "Phường Hai Bà Trưng: Mong sớm đưa khu “đất vàng” 94 phố Lò Đúc vào sử dụng"
    h1 = ('<span class="sub">Phường Hai Bà Trưng:</span>'
          '<span class="sub">Mong sớm đưa khu “đất vàng” 94 phố Lò Đúc vào sử dụng</span>')
    result = extract_article(page(h1, title), "https://hanoimoi.vn/a-731520.html")
    assert result.ok, result.reason
    assert result.article["title"] == title


def test_headline_that_differs_from_the_metadata_in_words_is_still_the_printed_one():
    """Only spacing defers to the metadata: a printed headline with other words stays as printed."""
    printed = "Phường Hai Bà Trưng: Mong sớm đưa khu đất vàng 94 Lò Đúc vào sử dụng"
    meta = "Mong sớm đưa khu đất vàng 94 phố Lò Đúc vào sử dụng | Hà Nội Mới"
    result = extract_article(page(printed, meta), "https://hanoimoi.vn/a-731520.html")
    assert result.article["title"] == printed
