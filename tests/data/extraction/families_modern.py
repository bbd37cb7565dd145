"""Site families on current CMSs (UTF-8). Each mirrors a real Vietnamese CMS; see README.md."""

from __future__ import annotations

from common import Page, e, header_names, iso, jsonld, menu, news_article_ld, og_tags, weekday

NAV = menu(["Thời sự", "Kinh tế", "Xã hội", "Văn hóa", "Thể thao", "Pháp luật", "Du lịch"], "main-menu")


def _related(page: Page, count: int, offset: int = 0) -> list:
    return page.related[offset : offset + count]


def _head(page: Page, site: str, extra: str = "", title_suffix: str = "") -> str:
    article = page.article
    return (
        f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">\n'
        f"<title>{e(article.title)}{title_suffix}</title>\n"
        f'<meta name="description" content="{e(article.sapo)}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n{extra}\n'
        f'<link rel="stylesheet" href="/static/css/main.css"><script src="/static/js/ads.js"></script>'
        f"</head>\n"
    )


def vnexpress(page: Page) -> tuple[str, dict]:
    """FPT's VnExpress CMS: span.date above h1.title-detail, p.description, article.fck_detail with
    p.Normal, figure.tplCaption, byline as the last right-aligned strong paragraph."""
    a, rng, when = page.article, page.rng, page.published
    ld = news_article_ld(page, iso(when), header_names(a), "VnExpress")
    parts = []
    for i, (kind, text) in enumerate(a.blocks()):
        parts.append(
            f'<h2 class="Normal"><strong>{e(text)}</strong></h2>'
            if kind == "h"
            else f'<p class="Normal">{e(text)}</p>'
        )
        if i == 1 and a.captions:
            parts.append(
                f'<figure class="tplCaption"><div class="fig-picture"><img alt="{e(a.captions[0])}" '
                f'src="{page.image(0)}"></div><figcaption><p class="Image">{e(a.captions[0])}</p>'
                f"</figcaption></figure>"
            )
        if i == 2 and rng.random() < 0.7:
            rel = _related(page, 1)[0]
            parts.append(
                f'<div class="box-tinlienquanv2"><article class="item-news"><h4 class="title-news">'
                f'<a href="{page.link(rel)}">{e(rel.title)}</a></h4><p class="description">'
                f'<a href="{page.link(rel)}">{e(rel.sapo)}</a></p></article></div>'
            )
    parts.append(f'<p class="Normal" style="text-align:right;"><strong>{e(a.byline)}</strong></p>')
    more = "".join(f'<li><a href="{page.link(r)}">{e(r.title)}</a></li>' for r in _related(page, 5, 1))
    html = (
        _head(page, "VnExpress", og_tags(page, "VnExpress") + ld, " - VnExpress")
        + f'<body><header class="header"><a class="logo" href="/">VnExpress</a>{NAV}</header>\n'
        f'<section class="section page-detail top-detail"><div class="container"><div class="sidebar-1">'
        f'<div class="header-content width_common"><ul class="breadcrumb"><li><a href="/">{e(a.section)}<'
        "/a>"
        f'</li></ul><span class="date">{weekday(when, lower=True)}, {when.day}/{when.month}/{when.year}, '
        f'{when:%H:%M} (GMT+7)</span></div>\n<h1 class="title-detail">{e(a.title)}</h1>\n'
        f'<p class="description">{e(a.sapo)}</p>\n<article class="fck_detail ">{"".join(parts)}</article>'
        "\n"
        f'<div class="footer-content"><div class="social"><span class="txt">Chia sẻ</span>'
        f'<a class="fb" href="#">Facebook</a><a class="tw" href="#">Twitter</a></div></div></div>'
        f'<div class="sidebar-2"><div class="box-category"><h3 class="title-box">Xem nhiều</h3><ul>{more}'
        f'</ul></div></div></div></section>\n<div class="box_comment_vne"><h3>Ý kiến (0)</h3>'
        f"<p>Chưa có ý kiến nào. Hãy là người đầu tiên bình luận.</p></div>\n"
        '<footer class="footer"><p>Báo tiếng Việt nhiều người xem nhất. Thuộc Bộ Khoa học và Công nghệ.<'
        "/p>"
        f"</footer></body></html>"
    )
    return html, page.label()


def vccorp(page: Page) -> tuple[str, dict]:
    """VCCorp's CMS (Tuổi Trẻ, Người Lao Động): data-role attributes, header author widget, sapo
    with an outlet prefix, inline RelatedNewsBox and "content" boxes that belong to the article."""
    a, rng, when = page.article, page.rng, page.published
    names = header_names(a)
    prefix = "TTO - "
    ld = news_article_ld(page, iso(when, seconds=False), names, "Tuổi Trẻ Online")
    parts = []
    blocks = a.blocks()
    for i, (kind, text) in enumerate(blocks):
        if i == len(blocks) - 2 and rng.random() < 0.5:
            # The CMS's highlighted box: part of the article, kept in the body.
            parts.append(
                f'<div class="VCSortableInPreviewMode alignCenter" type="content" '
                f'id="ObjectBoxContent_{page.number}"><div><p>{e(text)}</p></div></div>'
            )
            continue
        parts.append(f"<h2>{e(text)}</h2>" if kind == "h" else f"<p>{e(text)}</p>")
        if i == 0 and a.captions:
            parts.append(
                '<figure class="VCSortableInPreviewMode" type="Photo"><div><img src="'
                f'{page.image(0)}" '
                f'alt="{e(a.title)} - Ảnh 1."></div><figcaption class="PhotoCMS_Caption">'
                f'<p data-placeholder="Nhập chú thích ảnh">{e(a.captions[0])}</p></figcaption></figu'
                "re>"
            )
        if i == 2:
            rel = _related(page, 1)[0]
            parts.append(
                f'<div class="VCSortableInPreviewMode link-content-footer" type="RelatedOneNews">'
                f'<a href="{page.link(rel)}" title="{e(rel.title)}"><img src="{page.image(5)}"></a>'
                f'<div><a href="{page.link(rel)}" class="link-callout">{e(rel.title)}</a>'
                f'<p class="sapo">{e(rel.sapo)}</p></div></div>'
            )
    author_html = (
        '<div class="detail-author"><div class="author-info"><a href="/tac-gia/1.htm" class="name'
        '" '
        f'title="{e(names[0])}">{e(names[0])}</a>'
    )
    if len(names) > 1:
        author_html += f'<span class="morenameauthor">và {len(names) - 1} tác giả khác</span>'
    author_html += "</div></div>"
    same = "".join(
        '<div class="box-category-item"><h3><a class="box-category-link-title" href="'
        f'{page.link(r)}">'
        f'{e(r.title)}</a></h3><p class="box-category-sapo">{e(r.sapo)}</p></div>'
        for r in _related(page, 4, 1)
    )
    html = (
        _head(page, "Tuổi Trẻ", og_tags(page, "TUOI TRE ONLINE") + ld, " - Tuổi Trẻ Online")
        + f'<body><div class="header">{NAV}</div><div class="detail__section"><div class="detail-top">'
        f'<div class="detail-cate"><a href="/">{e(a.section)}</a></div><div class="detail-time">'
        f'<div data-role="publishdate">{when:%d/%m/%Y %H:%M} GMT+7</div></div></div>'
        f'<h1 class="detail-title article-title" data-role="title">{e(a.title)}</h1>'
        f'<div class="detail-info">{author_html}</div>'
        f'<h2 class="detail-sapo" data-role="sapo">{e(prefix + a.sapo)}</h2>'
        f'<div class="detail-cmain clearfix"><div class="detail-content afcbc-body" data-role="content" '
        f'itemprop="articleBody">{"".join(parts)}</div></div>'
        f'<div class="detail-tab"><div class="box-category"><div class="box-category-top"><h2>'
        f'<a class="box-category-title" href="/">Tin cùng chuyên mục</a></h2></div>{same}</div></div>'
        f'<div class="comment-wrapper"><div class="box-comment"><h3>Bình luận (0)</h3><p>Tuổi Trẻ Online '
        'giữ quyền biên tập bình luận.</p></div></div></div><div class="footer">© Copyright 2024 Tuổi Tr'
        "ẻ Online"
        f"</div></body></html>"
    )
    return html, page.label(sapo=prefix + a.sapo)


def vgp(page: Page) -> tuple[str, dict]:
    """Báo Chính phủ (VCCorp-derived): breadcrumb, "(Chinhphu.vn) -" sapo, date and time split by an
    icon span, h2 intertitles with <b>, "Tham khảo thêm" RelatedNewsBox lists, right-aligned byline."""
    a, when = page.article, page.published
    ld = news_article_ld(page, iso(when), [], "BAO DIEN TU CHINH PHU")
    parts = [f"<h2><b>{e(t)}</b></h2>" if k == "h" else f"<p>{e(t)}</p>" for k, t in a.blocks()]
    if a.captions:
        parts.insert(
            1,
            f'<figure class="VCSortableInPreviewMode alignCenter" type="Photo"><div><img '
            f'src="{page.image(0)}" alt="{e(a.title)}- Ảnh 1."></div><figcaption class="PhotoCMS_'
            'Caption">'
            f"<p>{e(a.captions[0])}</p></figcaption></figure>",
        )
    parts.append(f'<p style="text-align: right;"><b>{e(a.byline)}</b></p>')
    boxes = "".join(
        f'<li class="kbwscwlrl" data-date="{when:%d/%m/%Y} 06:51"><span class="kbwscwlrl-label">'
        f'Tham khảo thêm</span><div class="kbwscwlrl-content"><h4 class="kbwscwlrl-title"><a '
        f'href="{page.link(r)}" class="title link-callout">{e(r.title)}</a></h4></div></li>'
        for r in _related(page, 4)
    )
    parts.append(
        f'<div class="VCSortableInPreviewMode alignCenter type-6" type="RelatedNewsBox"><div '
        f'class="kbwscwl-relatedbox type-6"><ul class="kbwscwlr-list">{boxes}</ul></div></div>'
    )
    html = (
        _head(page, "Báo Chính phủ", og_tags(page, "BAO DIEN TU CHINH PHU") + ld)
        + f'<body><div class="header">{NAV}</div><div class="detail-container"><div class="detail-social">'
        f'<a class="sharefb" title="chia sẻ facebook">Chia sẻ</a></div><div class="detail-mcontent">'
        '<div class="detail-breadcrumb"><ul><li><a href="/chinh-sach.htm">Chính sách và cuộc sống</a></l'
        "i>"
        f'<li><a href="/x.htm" class="active">{e(a.section)}</a></li></ul></div>'
        f'<h1 class="detail-title" data-role="title">{e(a.title)}</h1>'
        f'<h2 class="detail-sapo" data-role="sapo">(Chinhphu.vn) - {e(a.sapo)}</h2>'
        f'<div class="detail-info"><div class="detail-author-top"></div><div class="detail-time"><div '
        f'data-role="publishdate">{when:%d/%m/%Y} <span class="icon"></span> {when:%H:%M}</div></div></di'
        "v>"
        f'<div class="detail-content afcbc-body clearfix" data-role="content">{"".join(parts)}</div></div'
        ">"
        f'<div class="detail-related"><div class="title">Tin liên quan</div>'
        + "".join(
            f'<a class="box-related-link-title" href="{page.link(r)}">{e(r.title)}</a>'
            for r in _related(page, 3, 4)
        )
        + '</div></div><div class="footer">Cơ quan chủ quản: Văn phòng Chính phủ</div></body></html>'
    )
    return html, page.label(sapo=f"(Chinhphu.vn) - {a.sapo}")


def vietnamnet(page: Page) -> tuple[str, dict]:
    """VietNamNet's CMS: breadcrumb box, JSON-LD dates written "…T08:52:11.000 +07:00", sapo in
    h2.content-detail-sapo, div.maincontent with an inline "Tin liên quan" box, author under title."""
    a, rng, when = page.article, page.rng, page.published
    stamp = when.strftime("%Y-%m-%dT%H:%M:%S") + ".000 +07:00"
    ld = news_article_ld(page, stamp, header_names(a), "VietNamNet")
    crumbs = jsonld(
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Trang chủ", "item": f"https://{page.domain}/"},
                {"@type": "ListItem", "position": 2, "name": a.section, "item": f"https://{page.domain}/s"},
            ],
        }
    )
    parts = []
    for i, (kind, text) in enumerate(a.blocks()):
        parts.append(f"<h2><strong>{e(text)}</strong></h2>" if kind == "h" else f"<p>{e(text)}</p>")
        if i == 0 and a.captions:
            parts.append(
                f'<figure class="image vnn-content-image"><img src="{page.image(0)}" alt="'
                f'{e(a.title)}">'
                f"<figcaption>{e(a.captions[0])}</figcaption></figure>"
            )
        if i == 1 and rng.random() < 0.8:
            links = "".join(f'<li><a href="{page.link(r)}">{e(r.title)}</a></li>' for r in _related(page, 2))
            parts.append(
                f'<div class="article-relate"><h3 class="article-relate__title">Tin liên quan</h3>'
                f"<ul>{links}</ul></div>"
            )
    names = header_names(a)
    head = _head(page, "VietNamNet", og_tags(page, "VietNamNet") + ld + crumbs, " | Báo điện tử VietNamNet")
    html = (
        head + f'<body><div class="header">{NAV}</div><div class="container"><div class="bread-crumb-detail">'
        f'<ul><li><a href="/">{e(a.section)}</a></li></ul><div class="bread-crumb-detail__time">'
        f"{weekday(when)}, {when:%d/%m/%Y - %H:%M}</div></div>"
        f'<h1 class="content-detail-title">{e(a.title)}</h1><div class="article-detail-author-wrapper">'
        f'<div class="article-detail-author__info"><span class="name"><a href="/tac-gia">'
        f"{e(' - '.join(names))}</a></span></div></div>"
        f'<h2 class="content-detail-sapo sm-sapo-mb-0">{e(a.sapo)}</h2>'
        f'<div id="maincontent" class="maincontent main-content">{"".join(parts)}</div>'
        f'<div class="tag-cloud"><a href="/tag/1">#{e(a.tags[0])}</a></div>'
        f'<div class="vnn-comment"><h3>Bình luận</h3><p>Gửi bình luận</p></div></div>'
        f'<footer class="footer">Bản quyền thuộc về VietNamNet</footer></body></html>'
    )
    return html, page.label()


def wordpress(page: Page) -> tuple[str, dict]:
    """A trade magazine on WordPress (tagDiv Newspaper theme + Yoast + Jetpack): UTC datetimes,
    the sapo as the first bold paragraph, share bar, related posts, newsletter and cookie banner."""
    a, when = page.article, page.published
    names = header_names(a)
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "headline": a.title,
                "datePublished": iso(when, "Z").replace("Z", "+00:00"),
                "author": {"@type": "Person", "name": " - ".join(names)},
                "articleSection": [a.section],
                "publisher": {"@type": "Organization", "name": "Tạp chí Kinh tế Địa phương"},
            },
            {"@type": "WebSite", "name": "Tạp chí Kinh tế Địa phương"},
        ],
    }
    parts = [f"<p><strong>{e(a.sapo)}</strong></p>"]
    for i, (kind, text) in enumerate(a.blocks()):
        parts.append(f"<h3>{e(text)}</h3>" if kind == "h" else f"<p>{e(text)}</p>")
        if i == 1 and a.captions:
            parts.append(
                f'<div id="attachment_1" class="wp-caption aligncenter"><img class="size-full" '
                f'src="{page.image(0)}" alt=""><p class="wp-caption-text">{e(a.captions[0])}</p></di'
                "v>"
            )
    parts.append(
        '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Chia sẻ:</h3><ul><li>'
        '<a class="share-facebook">Facebook</a></li><li><a class="share-twitter">Twitter</a></li></u'
        "l></div>"
    )
    rel = "".join(
        '<div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title"><a href="'
        f'{page.link(r)}">'
        f'{e(r.title)}</a></h4><p class="jp-relatedposts-post-context">Trong "{e(r.section)}"</p></'
        "div>"
        for r in _related(page, 3)
    )
    parts.append(
        f'<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">'
        f"<em>Bài viết liên quan</em></h3>{rel}</div>"
    )
    parts.append(
        '<div class="mc4wp-form"><h4>Đăng ký nhận bản tin</h4><p>Nhận tin tức kinh tế địa phương mới'
        " nhất "
        "qua email mỗi sáng thứ Hai.</p></div>"
    )
    html = (
        _head(
            page,
            "",
            og_tags(page, "Tạp chí Kinh tế Địa phương")
            + jsonld(graph)
            + f'<meta property="article:published_time" content="{iso(when, "Z").replace("Z", "+00:00")}"'
            ">",
            " - Tạp chí Kinh tế Địa phương",
        )
        + f'<body class="post-template-default single"><div class="td-header-wrap">{NAV}</div>'
        '<article class="post type-post status-publish"><div class="td-post-header"><ul class="td-catego'
        'ry">'
        f'<li><a class="td-post-category" href="/c">{e(a.section)}</a></li></ul><header class="td-post-ti'
        'tle">'
        f'<h1 class="entry-title">{e(a.title)}</h1><div class="td-module-meta-info"><div class="td-post-a'
        'uthor-name">'
        f'<div class="td-author-by">Bởi</div> <a href="/author/x">{e(" - ".join(names))}</a></div>'
        f'<span class="td-post-date"><time class="entry-date updated td-module-date" '
        f'datetime="{iso(when, "Z").replace("Z", "+00:00")}">{when:%d/%m/%Y}</time></span></div></header>'
        "</div>"
        f'<div class="td-post-content tagdiv-type">{"".join(parts)}</div><footer><div class="td-post-sour'
        'ce-tags">'
        f'<ul class="td-tags"><li><span>TAGS</span></li>'
        + "".join(f'<li><a href="/tag/{i}" rel="tag">{e(t)}</a></li>' for i, t in enumerate(a.tags))
        + '</ul></div></footer></article><div id="cookie-law-info-bar" class="cli-bar-container"><span>Chún'
        "g tôi sử "
        "dụng cookie để cải thiện trải nghiệm của bạn trên trang web. Bằng việc tiếp tục truy cập, bạn đồ"
        "ng ý với "
        'chính sách cookie.</span><a class="cli_action_button">Đồng ý</a></div>'
        '<div class="td-footer-wrapper">Giấy phép hoạt động báo chí điện tử số 123/GP-BTTTT</div></body><'
        "/html>"
    )
    return html, page.label()
