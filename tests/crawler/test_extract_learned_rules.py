"""General rules learned from the real-page set (tests/data/realpages/facts.json), each shown on a
small page with the markup pattern the real page had. The real pages themselves are scored by
tests/crawler/test_extract_real_set.py; these tests hold the rule even where those pages are absent.
"""

from __future__ import annotations

from crawler.extract import extract_article

BODY = "".join(
    f"<p>Đoạn văn thứ {i} của bài viết kể lại sự việc ở phường trung tâm với đủ chi tiết để "
    f"thành một đoạn văn thật sự dài hơn một dòng.</p>"
    for i in range(1, 7)
)


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
    h1 = (
        '<span class="sub">Phường Hai Bà Trưng:</span>'
        '<span class="sub">Mong sớm đưa khu “đất vàng” 94 phố Lò Đúc vào sử dụng</span>'
    )
    result = extract_article(page(h1, title), "https://hanoimoi.vn/a-731520.html")
    assert result.ok, result.reason
    assert result.article.title == title


def test_headline_that_differs_from_the_metadata_in_words_is_still_the_printed_one():
    """Only spacing defers to the metadata: a printed headline with other words stays as printed."""
    printed = "Phường Hai Bà Trưng: Mong sớm đưa khu đất vàng 94 Lò Đúc vào sử dụng"
    meta = "Mong sớm đưa khu đất vàng 94 phố Lò Đúc vào sử dụng | Hà Nội Mới"
    result = extract_article(page(printed, meta), "https://hanoimoi.vn/a-731520.html")
    assert result.article.title == printed


def quankhu_like_page() -> bytes:
    """Báo Quân khu 2's WordPress theme: a live clock in the header (with seconds), the headline in
    h2.title-single, "Ngày đăng" with the day only, the lead as the first paragraph, the byline in
    capitals, and a sidebar of headlines with their summaries ("tooltip-mota") after the article."""
    body = "".join(
        f"<p>{p}</p>"
        for p in (
            "QK2 – Tối 4-7, tại Trường Sĩ quan Chính trị, nhà hát tổ chức biểu diễn ca nhạc phục vụ hơn 900 "
            "cán bộ, chiến sĩ trong 4 khối diễu binh.",
            "Chương trình được dàn dựng công phu, đậm chất nghệ thuật, gồm các tiết mục hát văn, dân ca và "
            "một số ca khúc nhạc trẻ được cán bộ, chiến sĩ yêu thích.",
            "Buổi diễn đã nhận được sự quan tâm, cổ vũ nhiệt tình của cán bộ, chiến sĩ trong các khối diễu "
            "binh, diễu hành.",
        )
    )
    tips = "".join(
        f'<a class="khoa-tip"><div class="v3w-link">{t} - (18/08/2026 01:40)</div>'
        f'<div class="show-tooltip-inner"><p class="tooltip-title">{t}</p>'
        f'<p class="tooltip-mota">QK2 – {t} là một bài khác của báo với phần tóm tắt dài '
        f"hơn một dòng để giống thật.</p></div></a>"
        for t in ("Giữ “bút sắc” nơi lửa đạn biên cương", "Ấm tình đồng đội Trường Quân y")
    )
    # "Tin mới cập nhật" under the article: each headline a link with class "description".
    latest = "".join(
        f'<div class="item"><a class="description" href="/{i}/">{t}</a></div>'
        for i, t in enumerate(
            (
                "Giữ “bút sắc” nơi lửa đạn biên cương",
                "Chiến sĩ làm báo Quân khu khắc ghi lời căn dặn của Đại tướng",
            )
        )
    )
    return f"""<html><head><meta charset="utf-8"><title>Quân khu 2 – {QK_TITLE}</title>
    <meta property="og:title" content="Quân khu 2 – {QK_TITLE}">
    <meta property="og:site_name" content="Báo Quân khu 2"></head><body>
    <div class="search-wrapper"><div class="date-time">Thứ ba Ngày 18 Tháng 08 Năm 2026, 01:53:59</div></div>
    <div class="single-content-wrapper"><h2 class="title-single">{QK_TITLE}</h2>
    <div class="date-timesingle">Ngày đăng: 05/07/2025</div>
    <div class="single-content">{body}<p><strong>HOÀNG TRUNG – MẠNH DŨNG</strong></p></div>
    <div class="social"><span>Chia sẻ:</span></div></div>
    <div class="col-lg-3">{tips}</div>
    <div class="news-update"><div class="news-update-inner">{latest}</div></div></body></html>""".encode()


QK_TITLE = "Nhà hát Chèo Quân đội biểu diễn phục vụ các lực lượng diễu binh, diễu hành"


def test_wordpress_single_title_is_the_headline_not_the_site_prefixed_metadata():
    result = extract_article(quankhu_like_page(), "https://baoquankhu2.com.vn/nha-hat-cheo/")
    assert result.article.title == QK_TITLE


def test_a_header_clock_does_not_date_the_article_when_the_line_by_the_headline_says_another_day():
    """The header's clock prints the time the page was rendered (with seconds); the line under the
    headline prints the publish day. The day by the headline wins, and it stays a day."""
    result = extract_article(quankhu_like_page(), "https://baoquankhu2.com.vn/nha-hat-cheo/")
    assert result.article.published_at.date().isoformat() == "2025-07-05"
    assert result.article.published_precision == "day"


def test_a_sidebar_summary_or_a_headline_link_after_the_article_is_not_its_lead():
    """A lead is prose, not a link: the "description"-classed headline links of the latest-news list
    under the article matched the last-resort lead selector ([class*='desc'])."""
    result = extract_article(quankhu_like_page(), "https://baoquankhu2.com.vn/nha-hat-cheo/")
    text = result.article.sapo + "\n" + result.article.body
    assert "bút sắc" not in text and "Ấm tình" not in text
    assert result.article.body.startswith("QK2 – Tối 4-7")
    assert result.article.author == "HOÀNG TRUNG - MẠNH DŨNG"


def test_a_day_only_header_clock_above_the_headline_does_not_override_the_timed_dateline():
    """The converse: a header printing today's date without a time sits above the headline; the
    article's own line with a time comes after the lead. The timed line is the publish time."""
    lead = "<p>" + "Đoạn mở đầu của bài viết kể lại sự việc với đủ chi tiết để thành đoạn văn. " * 3 + "</p>"
    page = f"""<html><head><meta charset="utf-8"><title>{QK_TITLE}</title></head><body>
    <div class="header-date">Thứ Ba, 18/08/2026</div>
    <h1>{QK_TITLE}</h1>{lead}<div class="entry">{BODY}</div>
    <div class="post-time">10:15 05/07/2025</div></body></html>""".encode()
    result = extract_article(page, "https://baoquankhu2.com.vn/nha-hat-cheo/")
    assert result.article.published_at.isoformat() == "2025-07-05T10:15:00+07:00"
    assert result.article.published_precision == "minute"
