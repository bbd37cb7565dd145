"""Held-out site families: written after the extractor was frozen and scored without changing it
(see README.md, "Development and held-out families")."""

from __future__ import annotations

from common import Page, e, header_names, iso, jsonld, menu, news_article_ld
from families_modern import _related

_DAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def amp(page: Page) -> tuple[str, dict]:
    """The AMP edition of a national daily: <html ⚡>, amp-img inside figures, amp-ad slots with
    "Quảng cáo" labels, amp-social-share, a "Tin liên quan" list after the body and the byline as
    a strong paragraph inside the body's last <p>."""
    a, when = page.article, page.published
    ld = news_article_ld(page, iso(when), header_names(a), "Báo Tin Nhanh")
    parts = []
    for i, (kind, text) in enumerate(a.blocks()):
        parts.append(f"<h2>{e(text)}</h2>" if kind == "h" else f"<p>{e(text)}</p>")
        if i == 0 and a.captions:
            parts.append(
                f'<figure class="image"><amp-img src="{page.image(0)}" width="680" height="453" '
                f'layout="responsive" alt="{e(a.title)}"></amp-img><figcaption>{e(a.captions[0])}'
                f"</figcaption></figure>"
            )
        if i == 2:
            parts.append(
                '<div class="ads-box"><span class="ads-label">Quảng cáo</span><amp-ad width="300" '
                'height="250" type="adsense"></amp-ad></div>'
            )
    parts.append(f"<p><strong>{e(a.byline)}</strong></p>")
    rel = "".join(f'<li><a href="{page.link(r)}">{e(r.title)}</a></li>' for r in _related(page, 4))
    html = (
        '<!doctype html>\n<html ⚡ lang="vi"><head><meta charset="utf-8"><script async '
        'src="https://cdn.ampproject.org/v0.js"></script>'
        f'<title>{e(a.title)} - Báo Tin Nhanh</title><link rel="canonical" href="{e(page.url)}">'
        '<meta name="viewport" content="width=device-width"><meta name="description" content="'
        f'{e(a.sapo)}">'
        f'{ld}<style amp-custom>body{{font-family:Arial}}</style></head><body><header class="amp-header">'
        f'<a href="/">Báo Tin Nhanh</a></header><main><div class="cate"><a href="/c">{e(a.section)}</a></'
        "div>"
        f'<h1 class="title">{e(a.title)}</h1><div class="meta"><span class="time">{when:%H:%M %d/%m/%Y}</'
        "span>"
        f'</div><amp-social-share type="facebook"></amp-social-share><amp-social-share type="zalo">'
        f'</amp-social-share><h2 class="lead">{e(a.sapo)}</h2><div class="content">{"".join(parts)}</div>'
        f'<div class="related"><h3>Tin liên quan</h3><ul>{rel}</ul></div></main><footer>Xem phiên bản '
        f"đầy đủ</footer></body></html>"
    )
    return html, page.label()


def blogger(page: Page) -> tuple[str, dict]:
    """A district news blog on Blogger: h2.date-header "Thứ Ba, 10 tháng 10, 2023", the time only in
    the post footer ("lúc 14:30") with the ISO value in abbr.published's title, "Đăng bởi" the
    blog account, labels ("Nhãn:"), blog archive and popular-posts widgets in the sidebar."""
    a, when = page.article, page.published
    parts = [f"<div><b>{e(a.sapo)}</b></div><br>"]
    for i, (kind, text) in enumerate(a.blocks()):
        parts.append(f"<div><b>{e(text)}</b></div>" if kind == "h" else f"<div>{e(text)}</div>")
        parts.append("<div><br></div>")
        if i == 1 and a.captions:
            parts.append(
                '<table align="center" cellpadding="0" cellspacing="0" class="tr-caption-container"'
                ">"
                f'<tbody><tr><td><a href="{page.image(0)}"><img border="0" src="{page.image(0)}"></a'
                "></td>"
                f'</tr><tr><td class="tr-caption">{e(a.captions[0])}</td></tr></tbody></table>'
            )
    parts.append(f'<div style="text-align: right;"><b>{e(a.byline)}</b></div>')
    archive = "".join(f'<li><a href="/2023/{m:02d}/">tháng {m}</a></li>' for m in range(1, 13))
    popular = "".join(
        f'<li><div class="item-title"><a href="{page.link(r)}">{e(r.title)}</a></div>'
        f'<div class="item-snippet">{e(r.sapo[:120])}</div></li>'
        for r in _related(page, 5)
    )
    html = (
        f"<!DOCTYPE html>\n<html dir='ltr' xmlns='http://www.w3.org/1999/xhtml'><head><meta "
        f"content='text/html; charset=UTF-8' http-equiv='Content-Type'><title>Tin tức huyện Yên Thế: "
        f"{e(a.title)}</title><meta content='{e(page.url)}' property='og:url'><meta content='{e(a.title)}"
        "' "
        f"property='og:title'><meta content='{e(a.sapo[:150])}' property='og:description'></head>"
        f"<body><div class='header'><h1 class='title'><a href='/'>Tin tức huyện Yên Thế</a></h1></div>"
        f"<div class='main-inner'><div class='date-outer'><h2 class='date-header'><span>"
        f"{_DAYS[when.weekday()]}, {when.day} tháng {when.month}, {when.year}</span></h2>"
        f"<div class='post hentry'><h3 class='post-title entry-title'>{e(a.title)}</h3>"
        f"<div class='post-header'></div><div class='post-body entry-content'>{''.join(parts)}</div>"
        f"<div class='post-footer'><span class='post-author vcard'>Đăng bởi <span class='fn'>Ban Biên Tập"
        f"</span></span> <span class='post-timestamp'>lúc <a class='timestamp-link' href='{e(page.url)}'>"
        f"<abbr class='published' title='{iso(when)}'>{when:%H:%M}</abbr></a></span> "
        f"<span class='post-labels'>Nhãn: <a href='/search/label/x' rel='tag'>{e(a.section)}</a></span>"
        f"</div></div></div></div><div class='sidebar'><div class='widget PopularPosts'><h2>Bài đăng phổ "
        f"biến</h2><ul>{popular}</ul></div><div class='widget BlogArchive'><h2>Lưu trữ Blog</h2><ul>"
        f"{archive}</ul></div></div><div class='footer'>Được tạo bởi Blogger.</div></body></html>"
    )
    return html, page.label()


def print_edition(page: Page) -> tuple[str, dict]:
    """A party daily's 2010s web edition: "Thứ tư, 11-10-2023, 14:30:25" with dashes and seconds,
    the title and sapo in div.ndtitle/div.ndsapo, article text in div.ndcontent, the byline in
    capitals, a "Các tin, bài viết khác" block and a print/e-mail toolbar inside the content cell."""
    a, when = page.article, page.published
    names = " - ".join(n.upper() for n in header_names(a))
    parts = []
    for i, (kind, text) in enumerate(a.blocks()):
        parts.append(f"<p><strong>{e(text)}</strong></p>" if kind == "h" else f"<p>{e(text)}</p>")
        if i == 2 and a.captions:
            parts.append(
                f'<div class="ndimage"><img src="{page.image(0)}" width="500"><div class="ndcaption"'
                ">"
                f"{e(a.captions[0])}</div></div>"
            )
    others = "".join(
        f'<div class="othernews"><a href="{page.link(r)}">{e(r.title)}</a> '
        f'<span class="ndtime">({r.published:%d-%m-%Y})</span></div>'
        for r in _related(page, 6)
    )
    ld = jsonld({"@context": "https://schema.org", "@type": "WebPage", "name": a.title})
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>'
        f"{e(a.title)}"
        f'</title>{ld}</head><body><div id="wrapper"><div id="banner"><img src="/img/banner.gif"></div>'
        f'<div id="menu">{menu(["Trang nhất", "Chính trị", "Kinh tế", a.section, "Bạn đọc"])}</div>'
        f'<table id="main" width="100%"><tr><td id="left" valign="top"><div class="ndtime">'
        f"{_DAYS[when.weekday()].replace('Thứ ', 'Thứ ').capitalize()}, {when:%d-%m-%Y}, {when:%H:%M:%S}"
        f'</div><div class="ndtitle">{e(a.title)}</div><div class="ndsapo">{e(a.sapo)}</div>'
        f'<div class="ndcontent">{"".join(parts)}<p align="right"><strong>{e(names)}</strong></p></div>'
        '<div class="ndtools"><a href="#">In bài</a> | <a href="#">Gửi email</a> | <a href="#">Về đầu tr'
        "ang"
        f'</a></div><div class="ndothers"><h4>Các tin, bài viết khác</h4>{others}</div></td>'
        f'<td id="right" valign="top"><div class="box"><h4>Tin mới</h4>'
        + "".join(f'<p><a href="{page.link(r)}">{e(r.title)}</a></p>' for r in _related(page, 4, 6))
        + '</div></td></tr></table><div id="footer">Báo điện tử của Đảng</div></div></body></html>'
    )
    return html, page.label(author=names)
