"""Site families on old CMSs and legacy encodings (TCVN3, VNI, Windows-1258); see README.md.

Templates return Unicode HTML plus the encoding to write it in; generate.py does the encoding,
so labels are always the Unicode text a reader sees.
"""

from __future__ import annotations

from common import Page, e, menu, weekday
from families_modern import _related


def joomla(page: Page) -> tuple[str, dict]:
    """A provincial portal on Joomla 3: the site name is the <h1>, the headline an h2 itemprop, the
    "Viết bởi" field names the CMS account (not the reporter), the sapo is the first bold
    paragraph of articleBody, the reporter's byline closes the body, a pager follows."""
    a, when = page.article, page.published
    parts = [f"<p><strong>{e(a.sapo)}</strong></p>"]
    for i, (kind, text) in enumerate(a.blocks()):
        parts.append(f"<p><strong><em>{e(text)}</em></strong></p>" if kind == "h" else f"<p>{e(text)}</p>")
        if i == 1 and a.captions:
            parts.append(
                f'<p style="text-align: center;"><img src="{page.image(0)}" alt="{e(a.title)}"></p>'
                f'<p style="text-align: center;"><em>{e(a.captions[0])}</em></p>'
            )
    parts.append(f'<p style="text-align: right;"><strong>{e(a.byline)}</strong></p>')
    news = "".join(f'<li><a href="{page.link(r)}">{e(r.title)}</a></li>' for r in _related(page, 5))
    html = (
        f'<!DOCTYPE html>\n<html lang="vi-vn"><head><meta charset="utf-8"><title>{e(a.title)} - Cổng thôn'
        "g tin "
        'điện tử huyện Lục Ngạn</title><meta name="author" content="Quản trị viên"><meta name="descripti'
        'on" '
        f'content="{e(a.sapo)}"><meta name="generator" content="Joomla! - Open Source Content Management"'
        "></head>"
        '<body class="site com_content view-article"><header class="header"><h1 class="site-title"><a hr'
        'ef="/">'
        'Cổng thông tin điện tử huyện Lục Ngạn</a></h1><nav class="navigation">'
        f"{menu(['Giới thiệu', 'Tin tức', a.section, 'Văn bản'], 'nav menu')}"
        '</nav></header><div class="row-fluid"><main id="content" class="span9"><ul class="breadcrumb"><'
        'li><a href="/">'
        'Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li><li class="active"><span>'
        f"{e(a.section)}</span>"
        '</li></ul><div class="item-page" itemscope itemtype="https://schema.org/Article"><div class="pa'
        'ge-header">'
        f'<h2 itemprop="headline">{e(a.title)}</h2></div><dl class="article-info muted"><dt class="articl'
        'e-info-term">'
        'Chi tiết</dt><dd class="createdby" itemprop="author" itemscope itemtype="https://schema.org/Per'
        'son">'
        f'Viết bởi <span itemprop="name">Quản trị viên</span></dd><dd class="category-name">Danh mục: '
        f'<a href="/c" itemprop="genre">{e(a.section)}</a></dd><dd class="published"><time datetime="'
        f'{when:%Y-%m-%dT%H:%M:%S}+07:00" itemprop="datePublished">Ngày đăng: {when:%d/%m/%Y %H:%M}</time'
        "></dd>"
        f'<dd class="hits"><meta itemprop="interactionCount" content="UserPageVisits:{page.number * 13}">'
        f'Lượt xem: {page.number * 13}</dd></dl><div itemprop="articleBody">{"".join(parts)}</div>'
        f'<ul class="pager pagenav"><li class="previous"><a href="/p">Trước</a></li><li class="next">'
        '<a href="/n">Tiếp theo</a></li></ul></div></main><div id="aside" class="span3"><div class="modu'
        'letable">'
        f'<h3>Tin mới</h3><ul class="latestnews">{news}</ul></div></div></div><footer class="footer">Bản '
        "quyền "
        f"thuộc UBND huyện Lục Ngạn</footer></body></html>"
    )
    return html, page.label()


def _legacy_table_page(
    page: Page, *, font: str, title_font: str, charset: str | None, date_line: str, title_upper: bool
) -> tuple[str, dict]:
    """The 2000s ASP/FrontPage layout shared by the TCVN3 and VNI families: nested tables, <font
    face> everywhere, paragraphs separated by <br><br>, an "Các tin khác" list with dates."""
    a = page.article
    title_text = a.title.lower() if title_upper else a.title
    blocks = []
    for kind, text in a.blocks():
        blocks.append(f"<b>{e(text)}</b>" if kind == "h" else e(text))
    if a.captions:
        image = (
            f'<p align="center"><img src="{page.image(0)}" border="0" width="400"></p><p align="center">'
            f'<font face="{font}" size="2"><i>{e(a.captions[0])}</i></font></p>'
        )
    else:
        image = ""
    body = "<br><br>\n".join(blocks)
    others = "".join(
        f'<tr><td><font face="{font}" size="2">» <a href="{page.link(r)}">{e(r.title)}</a> '
        f"({r.published:%d/%m/%Y})</font></td></tr>"
        for r in _related(page, 6)
    )
    meta_charset = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    )
    sections = "".join(
        f'<tr><td class="menu"><a href="/?cat={i}"><font face="{font}">{e(s)}</font></a></td></tr>'
        for i, s in enumerate(["Trang chủ", "Thời sự", "Kinh tế", "Xã hội", a.section, "Liên hệ"])
    )
    html = (
        f'<html><head>{meta_charset}<title>{e(a.title)}</title></head>\n<body bgcolor="#FFFFFF" leftmargi'
        'n="0">'
        '<table width="780" border="0" cellpadding="0" cellspacing="0" align="center"><tr><td colspan="2'
        '">'
        '<img src="/images/banner.jpg" width="780" height="120"></td></tr><tr><td width="160" valign="to'
        'p">'
        f'<table width="100%">{sections}</table></td><td valign="top"><table width="100%" cellpadding="4"'
        ">"
        f'<tr><td class="date"><font face="{font}" size="2"><i>{e(date_line)}</i></font></td></tr>'
        f'<tr><td class="tieude"><font face="{title_font}" size="4" color="#003399"><b>{e(title_text)}</b'
        ">"
        f'</font></td></tr><tr><td class="tomtat"><font face="{font}" size="3"><b>{e(a.sapo)}</b></font><'
        "/td></tr>"
        f'<tr><td class="noidung"><font face="{font}" size="3">{image}{body}<br><br>\n<p align="right"><b'
        ">"
        f'{e(a.byline)}</b></p></font></td></tr><tr><td><font face="{font}" size="2"><b>Các tin khác:</b>'
        "</font>"
        f'<table width="100%">{others}</table></td></tr></table></td></tr><tr><td colspan="2" align="cent'
        'er">'
        f'<font face="{font}" size="1">Bản quyền thuộc về Báo điện tử tỉnh. Số lượt truy cập: '
        f"{page.number * 9173}</font></td></tr></table></body></html>"
    )
    return html, page.label(title=a.title.upper() if title_upper else None)


def tcvn3(page: Page) -> tuple[str, dict]:
    """A provincial paper's 2006 site typed in the ABC fonts (.VnTime, TCVN3), declared
    Windows-1252 or not at all; the headline in .VnTimeH, which draws lower-case codes as capitals."""
    when = page.published
    return _legacy_table_page(
        page,
        font=".VnTime",
        title_font=".VnTimeH",
        charset="windows-1252" if page.number % 2 else None,
        date_line=f"{weekday(when, lower=True)}, {when:%d/%m/%Y} - {when:%H}h{when:%M}",
        title_upper=True,
    )


def vni(page: Page) -> tuple[str, dict]:
    """An HCMC-area site of the same era in VNI fonts (VNI-Times), declared Windows-1252."""
    when = page.published
    return _legacy_table_page(
        page,
        font="VNI-Times",
        title_font="VNI-Times",
        charset="windows-1252",
        date_line=f"Ngày {when:%d/%m/%Y} - {when:%H:%M}",
        title_upper=False,
    )


def tcvn3_pasted(page: Page) -> tuple[str, dict]:
    """A UTF-8 CMS whose reporters paste text from .VnTime Word files: headline and sapo typed in
    Unicode, body paragraphs in TCVN3 inside <span style="font-family: .VnTime">."""
    a, when = page.article, page.published
    paragraphs = "".join(
        f'<p><span style="font-family: .VnTime; font-size: 13pt">{"<b>" if k == "h" else ""}'
        f"{{{{TCVN3:{t}}}}}{'</b>' if k == 'h' else ''}</span></p>"
        for k, t in a.blocks()
    )
    byline = (
        f'<p style="text-align: right"><span style="font-family: .VnTime"><b>{{{{TCVN3:{a.byline}}}}}'
        "</b></span></p>"
    )
    news = "".join(f'<li><a href="{page.link(r)}">{e(r.title)}</a></li>' for r in _related(page, 5))
    html = (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(a.title)} | Báo Lạng Sơn</title>'
        f'<meta name="description" content="{e(a.sapo)}"></head><body><div id="top">'
        f"{menu(['Trang chủ', a.section])}"
        f'</div><div id="main"><div class="news-detail"><h1 class="news-title">{e(a.title)}</h1><div clas'
        's="news-date">'
        f'Cập nhật: {when:%H:%M} - {when:%d/%m/%Y}</div><div class="news-lead"><b>{e(a.sapo)}</b></div>'
        f'<div class="news-content">{paragraphs}{byline}</div></div><div class="news-other"><h3>Tin khác<'
        "/h3>"
        f'<ul>{news}</ul></div></div><div id="bottom">Báo Lạng Sơn điện tử</div></body></html>'
    )
    return html, page.label()


def aspnet_1258(page: Page) -> tuple[str, dict]:
    """A 2010-era ASP.NET WebForms site in Windows-1258 (tone marks as combining characters), half of
    the pages declaring the charset, half not; content only in ctl00_* ids, no known classes."""
    a, when = page.article, page.published
    prefix = "ctl00_ContentPlaceHolder1_"
    paragraphs = "".join(f"<p><b>{e(t)}</b></p>" if k == "h" else f"<p>{e(t)}</p>" for k, t in a.blocks())
    image = (
        f'<div align="center"><img src="{page.image(0)}"><br><span class="chuthich">{e(a.captions[0])}</'
        "span>"
        f"</div>"
        if a.captions
        else ""
    )
    charset = (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
        if page.number % 2
        else ""
    )
    others = "".join(
        f'<div class="othernews-item"><a href="{page.link(r)}">{e(r.title)}</a></div>'
        for r in _related(page, 5)
    )
    html = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD'
        "/"
        f'xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml"><head>{charset}<title>'
        f"{e(a.title)}"
        '</title></head><body><form name="aspnetForm" method="post" action="./chitiet.aspx" id="aspnetFo'
        'rm">'
        f'<input type="hidden" name="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWAg">'
        f'<div id="{prefix}pnlMenu">{menu(["Trang chủ", "Tin tức - Sự kiện", a.section])}</div>'
        f'<div id="{prefix}pnlDetail"><span id="{prefix}lblTitle" class="tieude">{e(a.title)}</span><br>'
        f'<span id="{prefix}lblDate" class="ngaydang">Đăng ngày: {when:%d/%m/%Y %H:%M}</span><br>'
        f'<span id="{prefix}lblSummary" class="tomtat"><b>{e(a.sapo)}</b></span>'
        f'<div id="{prefix}lblContent">{image}{paragraphs}<p align="right"><b>{e(a.byline)}</b></p></div>'
        f'</div><div id="{prefix}pnlOther"><b>Các tin khác</b>{others}</div></form></body></html>'
    )
    return html, page.label()
