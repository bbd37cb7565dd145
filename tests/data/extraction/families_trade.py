"""Site families of the trade and provincial press on newer CMSs (UTF-8); see README.md."""

from __future__ import annotations

from common import Page, e, header_names, iso, jsonld, menu, og_tags, weekday
from families_modern import NAV, _head, _related


def masterdetail(page: Page) -> tuple[str, dict]:
    """A trade paper on MasterCMS (Báo Đầu tư style): the logo is the page's only <h1>, the title a
    div.title-detail, no JSON-LD or article:published_time, date only in span.post-time, a
    "TIN LIÊN QUAN" list between sapo and body, image tables with td.media-caption."""
    a, when = page.article, page.published
    names = header_names(a)
    parts = []
    for i, (kind, text) in enumerate(a.blocks()):
        parts.append(
            f'<p class="p1" style="text-align: justify;"><strong>{e(text)}</strong></p>'
            if kind == "h"
            else f'<p class="p1" style="text-align: justify;">{e(text)}</p>'
        )
        if i == 2 and a.captions:
            parts.append(
                f'<table class="MASTERCMS_TPL_TABLE" style="width: 100%;"><tbody><tr><td><img '
                f'src="{page.image(0)}" alt="{e(a.title)}"></td></tr><tr><td class="media-caption">'
                f"{e(a.captions[0])}</td></tr></tbody></table>"
            )
    top = "".join(
        f'<li><a title="{e(r.title)}" href="{page.link(r)}">{e(r.title)}</a></li>' for r in _related(page, 3)
    )
    one = _related(page, 1, 3)[0]
    keywords = '<meta name="keywords" content="' + e(", ".join(a.tags)) + '">'
    html = (
        _head(page, "", og_tags(page, "baodautu") + keywords, " | Báo Đầu tư")
        + '<body><div class="header"><h1 class="logo"><a href="/"><img src="/logo.png" alt="Báo Đầu tư"></'
        "a></h1>"
        f'{NAV}</div><div class="col630 ml-auto mb40"><div class="fs16 text-uppercase"> <a href="/c/">'
        f'{e(a.section)}</a> </div><div class="title-detail">{e(a.title)} </div>'
        '<div class="author-share-top cl99 fs13"><div class="mr-auto"><a href="" class="author cl_green"'
        ">"
        f'{e(" - ".join(names))} </a><span class="post-time"> - {when:%d/%m/%Y %H:%M}</span></div>'
        f'<div class="ml-auto"><div class="fb-like"></div><div class="zalo-share-button"></div>'
        f'<a title="In bài viết">In bài viết</a></div></div>'
        f'<div class="sapo_detail">{e(a.sapo)} </div><div class="list_news_relation_top pkg"><span '
        f'class="head_relation"><strong>TIN LIÊN QUAN</strong></span><ul>{top}</ul></div>'
        f'<div id="content_detail_news">{"".join(parts)}<span id="boxcauhoi"></span></div>'
        f'<div class="news_relate_one d-flex mb30"><a class="thumbblock" href="{page.link(one)}"><img '
        f'src="{page.image(7)}"></a><div class="info_news_relate_one"><a href="{page.link(one)}" class="f'
        "s16 "
        f'fbold">{e(one.title)}</a><div class="sapo_thumb_news mt10">{e(one.sapo)}</div></div></div>'
        f'<div class="tag_detail d-flex">'
        + "".join(f'<a class="tag_detail_item" href="/tag/{i}/">#{e(t)}</a>' for i, t in enumerate(a.tags))
        + '</div></div><div class="footer">Báo Đầu tư - Cơ quan của Bộ Kế hoạch và Đầu tư</div></body></htm'
        "l>"
    )
    return html, page.label()


def portal(page: Page) -> tuple[str, dict]:
    """A provincial/trade portal like the project's seed page: "09:15 | 24/10/2023" date line,
    article:published_time written as UTC though it is local time, a headline-less related box
    opening the body, image tables whose alt repeats the title, the byline as the last right-aligned
    paragraph, then - inside the same container - rating stars, "Bài viết cùng chủ đề", "Tin cùng
    chuyên mục" with each title twice (image link + text link)."""
    a, rng, when = page.article, page.rng, page.published
    wrong_utc = when.strftime("%Y-%m-%dT%H:%M:%S") + "+00:00"  # the CMS bug: local clock, UTC label
    top = " ".join(f'<a href="{page.link(r)}">{e(r.title)}</a>' for r in _related(page, 2))
    parts = [f'<div class="box-style-2">{top}</div>'] if rng.random() < 0.8 else []
    for i, (kind, text) in enumerate(a.blocks()):
        parts.append(f"<p><strong>{e(text)}</strong></p>" if kind == "h" else f"<p>{e(text)}</p>")
        if i in (1, 4) and len(a.captions) > (i > 1):
            cap = a.captions[i > 1]
            parts.append(
                f'<table class="image center"><tbody><tr><td><img src="{page.image(i)}" alt="'
                f'{e(a.title)}">'
                f'</td></tr><tr><td class="image_desc">{e(cap)}</td></tr></tbody></table>'
            )
    parts.append(f'<p style="text-align: right;"><strong>{e(a.byline)}</strong></p>')
    parts.append(
        '<div class="rate-box"><p>Bạn thấy bài viết này thế nào?</p><ul class="stars"><li>Kém</li>'
        "<li>Bình thường ★</li><li>★ Hứa hẹn ★★★</li><li>Tốt ★★★★</li><li>Rất tốt ★★★★★</li></ul></d"
        "iv>"
    )
    parts.append(
        f'<div class="topic-line">Bài viết cùng chủ đề: <a href="/chu-de/1">{e(a.tags[-1])}</a></div>'
    )
    same = "".join(
        f'<div class="item"><a href="{page.link(r)}"><img src="{page.image(9)}" alt="{e(r.title)}"'
        "></a>"
        f'<a class="title" href="{page.link(r)}">{e(r.title)}</a></div>'
        for r in _related(page, 5, 2)
    )
    parts.append(f'<div class="box-cate"><h3>Tin cùng chuyên mục</h3>{same}</div>')
    html = (
        _head(
            page,
            "",
            og_tags(page, "Doanh nghiệp và Địa phương")
            + f'<meta property="article:published_time" content="{wrong_utc}">',
            " - Doanh nghiệp và Địa phương",
        )
        + f'<body><div id="header"><div class="logo"><a href="/">Doanh nghiệp và Địa phương</a></div>{NAV}<'
        "/div>"
        '<div class="main"><div class="breadcrumbs"><a href="/">Trang chủ</a> › <a href="/s">'
        f"{e(a.section)}"
        f'</a></div><div class="article-detail"><h1 class="article-title">{e(a.title)}</h1>'
        f'<div class="article-meta"><span class="time">{when:%H:%M | %d/%m/%Y}</span> <span class="view">'
        f'Lượt xem: {page.number * 37 % 5000}</span></div><div class="article-sapo"><strong>{e(a.sapo)}'
        f'</strong></div><div class="article-content">{"".join(parts)}</div></div></div>'
        f'<div class="sidebar"><h3>Tin đọc nhiều</h3>'
        + "".join(f'<p><a href="{page.link(r)}">{e(r.title)}</a></p>' for r in _related(page, 4, 3))
        + '</div><div id="footer">Cơ quan chủ quản: Hiệp hội Doanh nghiệp. Giấy phép số 45/GP-BTTTT.</div>'
        "</body></html>"
    )
    return html, page.label()


def drupal(page: Page) -> tuple[str, dict]:
    """A national broadcaster on Drupal (VOV style): "Thứ Tư, 07:02, 08/11/2023" (time first), JSON-LD
    in UTC with "Z", "VOV.VN - " sapo prefix, inline related teaser, author block after the body."""
    a, rng, when = page.article, page.rng, page.published
    ld = jsonld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a.title,
            "datePublished": iso(when, "Z"),
            "author": {"@type": "Organization", "name": "VOV.VN"},
            "publisher": {"@type": "Organization", "name": "VOV.VN"},
        }
    )
    parts = []
    for i, (kind, text) in enumerate(a.blocks()):
        parts.append(f"<h3>{e(text)}</h3>" if kind == "h" else f"<p>{e(text)}</p>")
        if i == 0 and a.captions:
            parts.append(
                f'<div class="article__image"><img src="{page.image(0)}" alt=""><div class="caption"'
                ">"
                f"<em>{e(a.captions[0])}</em></div></div>"
            )
        if i == 2 and rng.random() < 0.7:
            r = _related(page, 1)[0]
            parts.append(f'<div class="inline-teaser"><a href="{page.link(r)}">{e(r.title)}</a></div>')
    html = (
        _head(page, "", og_tags(page, "VOV.VN") + ld, " | VOV.VN")
        + f'<body><header class="site-header">{NAV}</header><main><article class="node node--type-article">'
        f'<div class="breadcrumb"><a href="/">Trang chủ</a> <a href="/s">{e(a.section)}</a></div>'
        f'<h1 class="article__title">{e(a.title)}</h1><div class="article__meta"><span class="article__da'
        'te">'
        f"{weekday(when)}, {when:%H:%M, %d/%m/%Y}</span></div>"
        f'<div class="article__sapo">VOV.VN - {e(a.sapo)}</div>'
        f'<div class="article__body field--name-body">{"".join(parts)}</div>'
        f'<div class="article__author">{e(a.byline)}</div><div class="article__tag">Tags: '
        + ", ".join(f'<a href="/tag/{i}">{e(t)}</a>' for i, t in enumerate(a.tags))
        + '</div><div class="social-share">Chia sẻ Facebook Zalo</div></article><aside class="region-sideba'
        'r">'
        "<h2>Đọc nhiều</h2>"
        + "".join(f'<a href="{page.link(r)}">{e(r.title)}</a>' for r in _related(page, 4, 1))
        + "</aside></main><footer>Đài Tiếng nói Việt Nam</footer></body></html>"
    )
    return html, page.label(sapo=f"VOV.VN - {a.sapo}")


def toasoan(page: Page) -> tuple[str, dict]:
    """A provincial paper on a hosted newsroom CMS: naive ISO datetime (local) in <time>, "BGĐT -"
    sapo prefix, author "PV" style in the header, "Xem thêm:" link paragraphs inside the body,
    separate "Ảnh: …" credit lines, picture tables, a "Từ khóa:" line and a same-section box."""
    a, rng, when = page.article, page.rng, page.published
    parts = []
    for i, (kind, text) in enumerate(a.blocks()):
        parts.append(f"<h2>{e(text)}</h2>" if kind == "h" else f"<p>{e(text)}</p>")
        if i == 0 and a.captions:
            parts.append(
                '<table class="picture" align="center"><tr><td class="pic"><img src="'
                f'{page.image(0)}">'
                f'</td></tr><tr><td class="caption">{e(a.captions[0].split(" Ảnh:")[0])}</td></tr></'
                "table>"
            )
            parts.append(
                f'<p style="text-align:right"><em>Ảnh: {e(a.captions[0].rsplit("Ảnh: ", 1)[-1])}</em></p>'
            )
        if i == 2 and rng.random() < 0.9:
            r = _related(page, 1)[0]
            parts.append(f'<p><strong>Xem thêm:</strong> <a href="{page.link(r)}">{e(r.title)}</a></p>')
    same = "".join(
        f'<li><a href="{page.link(r)}">{e(r.title)}</a> <span>({r.published:%d/%m})</span></li>'
        for r in _related(page, 5, 1)
    )
    html = (
        _head(page, "", og_tags(page, "Báo Bắc Giang điện tử"), " - Báo Bắc Giang điện tử")
        + f'<body><div class="top-bar">{weekday(when)}, ngày {when:%d/%m/%Y}</div><div class="header">{NAV}'
        "</div>"
        f'<div class="wrap"><div class="cms-breadcrumb"><a href="/s">{e(a.section)}</a></div>'
        f'<article class="article-detail"><h1 class="article-title cms-title">{e(a.title)}</h1>'
        f'<div class="article-info"><span class="cms-author">{e(" - ".join(header_names(a)))}</span> | '
        f'<time class="cms-date" datetime="{when:%Y-%m-%dT%H:%M:%S}">{when:%H:%M | %d/%m/%Y}</time></div>'
        f'<div class="article-sapo cms-desc"><p>BGĐT - {e(a.sapo)}</p></div>'
        f'<div class="cms-body detail-content">{"".join(parts)}</div>'
        '<div class="keywords">Từ khóa: '
        + ", ".join(f'<a href="/tag/{i}">{e(t)}</a>' for i, t in enumerate(a.tags))
        + f'</div></article><div class="box-same-cate"><h3>Tin cùng chuyên mục</h3><ul>{same}</ul></div></d'
        "iv>"
        f'<div class="footer">Báo Bắc Giang điện tử - Cơ quan của Đảng bộ tỉnh</div></body></html>'
    )
    return html, page.label(sapo=f"BGĐT - {a.sapo}")


def nextjs(page: Page) -> tuple[str, dict]:
    """A redesigned outlet on Next.js with hashed CSS-module classes: nothing but <h1> and JSON-LD
    is recognisable, the lead paragraph has no telltale class, related-story cards sit between
    paragraphs, a "Đọc thêm" rail follows the text."""
    a, when = page.article, page.published
    names = header_names(a)
    ld = jsonld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a.title,
            "description": a.sapo,
            "datePublished": iso(when),
            "author": [{"@type": "Person", "name": n} for n in names],
        }
    )
    parts = []
    for i, (kind, text) in enumerate(a.blocks()):
        parts.append(
            f'<h2 class="Heading_h2__k3D9s">{e(text)}</h2>'
            if kind == "h"
            else f'<p class="Paragraph_p__9xQ2a">{e(text)}</p>'
        )
        if i == 1:
            r = _related(page, 1)[0]
            parts.append(
                f'<div class="Card_card__Zp31x"><a class="Card_link__2kLs0" href="{page.link(r)}">'
                f'<span class="Card_title__d8Fj1">{e(r.title)}</span></a></div>'
            )
        if i == 3 and a.captions:
            parts.append(
                f'<figure class="Figure_fig__a81bC"><img src="{page.image(0)}" alt=""><figcaption '
                f'class="Figure_cap__7Xk2q">{e(a.captions[0])}</figcaption></figure>'
            )
    rail = "".join(
        f'<li class="Rail_item__1Jd8e"><a href="{page.link(r)}">{e(r.title)}</a></li>'
        for r in _related(page, 4, 1)
    )
    html = (
        _head(page, "", og_tags(page, "Nhịp sống Địa phương") + ld, " | Nhịp sống Địa phương")
        + f'<body><div id="__next"><nav class="Nav_nav__3fKs2">{menu(["Mới nhất", a.section, "Video"])}</na'
        "v>"
        '<main class="Layout_main__Xr8Qp"><div class="Article_head__m2D0a"><a class="Tag_tag__1xP0q" hre'
        'f="/s">'
        f'{e(a.section)}</a><h1 class="Headline_title__9sdfQ">{e(a.title)}</h1><div class="Meta_meta__7aP'
        'q1">'
        f'<span class="Meta_by__0s8Dk">{e(" - ".join(names))}</span><span class="Meta_when__3nVb2">'
        f'{when:%d/%m/%Y, %H:%M} (GMT+7)</span></div><p class="Lead_lead__Qx1ab">{e(a.sapo)}</p></div>'
        f'<div class="Article_body__5sKd2">{"".join(parts)}</div><section class="Rail_rail__8dKq1"><h2>'
        f'Đọc thêm</h2><ul>{rail}</ul></section></main><footer class="Footer_f__1aa2b">© Nhịp sống Địa ph'
        "ương"
        f"</footer></div></body></html>"
    )
    return html, page.label()
